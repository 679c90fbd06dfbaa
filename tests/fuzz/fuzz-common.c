/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-fuzz"

#include "config.h"

#include <glib/gstdio.h>

#include "exchange/vp-exchange.h"
#include "fuzz-common.h"
#include "vp-test-util.h"

/* After the example (2024-02-28) and the fixtures (up to 2024-07-01), so
 * that their files are not in the future. */
#define FUZZ_NOW 2024, 7, 15, 9, 0, 0

static char *template_path;
static char *copy_path;

static VpStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (FUZZ_NOW);
  VpStore *store = vp_store_open (path, &error);

  g_assert_no_error (error);
  vp_store_set_now (store, now);
  return store;
}

static void
make_template (void)
{
  g_autofree char *dir = vp_test_make_dir ();
  g_autoptr (VpStore) store = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  template_path = g_build_filename (dir, "template.db", NULL);
  copy_path = g_build_filename (dir, "plan.db", NULL);
  store = open_store (template_path);
  vp_store_set_home_municipality (store, "Barneveld", &error);
  g_assert_no_error (error);
  set = vp_exchange_read_file (store, FUZZ_EXAMPLE, &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
}

VpStore *
vp_fuzz_store_new (void)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (template_path == NULL)
    make_template ();
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (copy_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_file_get_contents (template_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy_path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  return open_store (copy_path);
}

char *
vp_fuzz_dump (VpStore *store, gboolean without_log)
{
  static const char *const log[] = { "import_log", NULL };

  if (without_log)
    return vp_test_dump_without (store, log);
  return vp_test_dump_file (vp_store_get_path (store));
}

void
vp_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
