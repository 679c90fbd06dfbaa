/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-exchange-folder"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/vp-exchange-folder.h"
#include "exchange/vp-exchange.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/*
 * The exchange folder as partners fill it: Nijkerk watches a folder into
 * which Barneveld's and Scherpenzeel's files come, whole, broken, copied,
 * linked, empty and by the dozen. Only what an import would take is
 * announced, once, and what arrives together in one announcement.
 */

#define ACTION_CONTROLS "7d03f395-3aea-4815-9b5e-8b362e3ac785" /* joint */

typedef struct
{
  VpStore *nijkerk;
  VpStore *barneveld;
  VpStore *scherpenzeel;
  GDateTime *now;
  char *outside;
  char *shared;
  VpExchangeFolder *folder;
  /* one GStrv of paths per announcement, and one of partners */
  GPtrArray *paths;
  GPtrArray *partners;
} Fixture;

static void
tick (Fixture *f)
{
  GDateTime *later = g_date_time_add_minutes (f->now, 1);

  g_date_time_unref (f->now);
  f->now = later;
  vp_store_set_now (f->nijkerk, f->now);
  vp_store_set_now (f->barneveld, f->now);
  vp_store_set_now (f->scherpenzeel, f->now);
}

static void
load_example (VpStore *store)
{
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);

  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
}

static void
on_new_files_cb (VpExchangeFolder *folder,
                 const char *const *paths,
                 const char *const *partners,
                 Fixture *f)
{
  g_assert_cmpuint (g_strv_length ((char **) paths), ==, g_strv_length ((char **) partners));
  g_ptr_array_add (f->paths, g_strdupv ((char **) paths));
  g_ptr_array_add (f->partners, g_strdupv ((char **) partners));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->nijkerk = vp_test_store_new ();
  f->barneveld = vp_test_store_new_for ("Barneveld");
  f->scherpenzeel = vp_test_store_new_for ("Scherpenzeel");
  f->now = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  tick (f);
  load_example (f->nijkerk);
  load_example (f->barneveld);
  load_example (f->scherpenzeel);
  f->outside = vp_test_make_dir ();
  f->shared = vp_test_make_dir ();
  f->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  f->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  f->folder = vp_exchange_folder_new (f->nijkerk);
  vp_exchange_folder_set_delays (f->folder, 50, 60);
  g_signal_connect (f->folder, "new-files", G_CALLBACK (on_new_files_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->folder);
  g_clear_object (&f->nijkerk);
  g_clear_object (&f->barneveld);
  g_clear_object (&f->scherpenzeel);
  g_date_time_unref (f->now);
  g_free (f->outside);
  g_free (f->shared);
  g_ptr_array_unref (f->paths);
  g_ptr_array_unref (f->partners);
}

/* A partner's change, exported to @dir/@name. */
static char *export(Fixture *f, VpStore *store, const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *note = NULL;

  tick (f);
  stamp = g_date_time_format_iso8601 (f->now);
  note = g_strdup_printf ("Note %s", stamp);
  g_assert_true (vp_store_update (store, vp_store_lookup (store, ACTION_CONTROLS), &error,
                                  "lead-note", note, NULL));
  g_assert_no_error (error);
  tick (f);
  g_assert_true (vp_exchange_export (store, NULL, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &text, &length, NULL));
  g_assert_true (g_file_set_contents (to, text, (gssize) length, NULL));
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Until the folder waits for no file and has nothing left to announce. */
static void
wait_until_settled (Fixture *f)
{
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  guint quiet = 0;

  /* quiet for longer than the announcement's delay */
  while (quiet < 30 && g_get_monotonic_time () < give_up)
    {
      vp_test_wait_ms (10);
      quiet = vp_exchange_folder_get_n_waiting (f->folder) == 0 ? quiet + 1 : 0;
    }
  iterate ();
  g_assert_cmpuint (vp_exchange_folder_get_n_waiting (f->folder), ==, 0);
}

static void
start (Fixture *f)
{
  vp_exchange_folder_set_path (f->folder, f->shared);
  wait_until_settled (f);
}

static const char *
announced_path (Fixture *f, guint announcement, guint i)
{
  return ((char **) g_ptr_array_index (f->paths, announcement))[i];
}

/* A file an import would refuse is not announced; a good one is. */
static void
test_invalid (Fixture *f, gconstpointer data)
{
  g_autofree char *good = export(f, f->barneveld, f->outside, "good.json");
  g_autofree char *text = NULL;
  g_autoptr (GString) broken = NULL;
  g_autofree char *broken_path = g_build_filename (f->shared, "broken.json", NULL);
  g_autofree char *good_path = g_build_filename (f->shared, "barneveld.json", NULL);

  start (f);
  /* whole JSON, but a quarter no plan has */
  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));
  broken = g_string_new (text);
  g_assert_cmpuint (g_string_replace (broken, "\"quarter\": 1", "\"quarter\": 7", 1), ==, 1);
  g_assert_true (g_file_set_contents (broken_path, broken->str, -1, NULL));
  wait_until_settled (f);
  g_assert_cmpuint (f->paths->len, ==, 0);

  copy_file (good, good_path);
  wait_until_settled (f);
  g_assert_cmpuint (f->paths->len, ==, 1);
  g_assert_cmpstr (announced_path (f, 0, 0), ==, good_path);
}

/* A file already announced, copied or renamed: not news. */
static void
test_renamed (Fixture *f, gconstpointer data)
{
  g_autofree char *first = export(f, f->barneveld, f->shared, "barneveld.json");
  g_autofree char *copy = g_build_filename (f->shared, "barneveld (1).json", NULL);
  g_autofree char *renamed = g_build_filename (f->shared, "van-barneveld.json", NULL);

  start (f);
  g_assert_cmpuint (f->paths->len, ==, 1);
  copy_file (first, copy);
  wait_until_settled (f);
  g_assert_cmpint (g_rename (first, renamed), ==, 0);
  wait_until_settled (f);
  g_assert_cmpuint (f->paths->len, ==, 1);
}

/* An empty file is looked at a few times, then left until it changes. */
static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (f->shared, "empty.json", NULL);
  g_autofree char *source = export(f, f->barneveld, f->outside, "barneveld.json");

  start (f);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  wait_until_settled (f);
  g_assert_cmpuint (f->paths->len, ==, 0);
  /* filled after all */
  copy_file (source, empty);
  wait_until_settled (f);
  g_assert_cmpuint (f->paths->len, ==, 1);
}

/* A link to a file outside the folder is not followed, nor read; neither
 * is a pipe or a folder. */
static void
test_not_regular (Fixture *f, gconstpointer data)
{
  g_autofree char *target = export(f, f->barneveld, f->outside, "barneveld.json");
  g_autofree char *link = g_build_filename (f->shared, "link.json", NULL);
  g_autofree char *fifo = g_build_filename (f->shared, "pipe.json", NULL);
  g_autofree char *folder = g_build_filename (f->shared, "folder.json", NULL);

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  start (f);
  g_assert_cmpuint (f->paths->len, ==, 0);
}

/* Many files at once: one announcement, the newest file of each partner. */
static void
test_many (Fixture *f, gconstpointer data)
{
  g_autofree char *newest = NULL;
  g_autofree char *theirs = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("barneveld-%02u.json", i);
      g_autofree char *path = export(f, f->barneveld, f->shared, name);
    }
  /* the newest is written last but sorts in the middle */
  newest = export(f, f->barneveld, f->shared, "barneveld-17b.json");
  theirs = export(f, f->scherpenzeel, f->shared, "scherpenzeel.json");
  start (f);
  g_assert_cmpuint (f->paths->len, ==, 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (f->partners, 0),
                    ((const char *const[]){ "barneveld", "scherpenzeel", NULL }));
  g_assert_cmpstr (announced_path (f, 0, 0), ==, newest);
  g_assert_cmpstr (announced_path (f, 0, 1), ==, theirs);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange-folder/invalid", test_invalid);
  ADD ("/exchange-folder/renamed", test_renamed);
  ADD ("/exchange-folder/empty", test_empty);
  ADD ("/exchange-folder/not-regular", test_not_regular);
  ADD ("/exchange-folder/many", test_many);
#undef ADD
  return g_test_run ();
}
