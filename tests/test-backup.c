/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "app/vp-cli.h"
#include "store/vp-store-backup.h"
#include "vp-test-util.h"

/* Backups of the plan database (vp-store-backup.c) and the command line's
 * --import, --list-backups and --restore: against real files. */

#define ACTION_CONTROLS "We organiseren vijf (thematische) integrale controles."

static VpStore *
small_plan_store (void)
{
  VpStore *store = vp_test_store_new ();

  vp_test_add_small_plan (store);
  return store;
}

static void
set_clock (VpStore *store, int minute, int second)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, 3, 1, 9, minute, second);

  vp_store_set_now (store, now);
}

static VpRecord *
find_action (VpStore *store, const char *text)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpRecord) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (vp_record_get_string (action, "text"), text) == 0)
        return action;
    }
  return NULL;
}

static void
delete_action (VpStore *store, const char *text)
{
  g_autoptr (GError) error = NULL;
  VpRecord *action = find_action (store, text);

  g_assert_nonnull (action);
  g_assert_true (vp_store_delete (store, action, &error));
  g_assert_no_error (error);
}

static char *
make_backup (VpStore *store, const char *reason)
{
  g_autoptr (GError) error = NULL;
  char *path = vp_store_backup (store, reason, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static guint
n_actions_in (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);

  g_assert_no_error (error);
  return vp_store_count (store, VP_TYPE_ACTION);
}

static void
assert_dump (const char *path, const char *expected)
{
  g_autofree char *dump = vp_test_dump_file (path);

  g_assert_cmpstr (dump, ==, expected);
}

/* Overwrites the start of page 4, inside the schema's b-trees: the store
 * then refuses the file as damaged. */
static void
damage_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 4096 * 4 + 200);
  memset (contents + 4096 * 3, 0xff, 200);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A backup is a whole copy, private, named after its time and reason. */
static void
test_backup_made (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *db_path = vp_store_get_path (store);
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autofree char *path = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *expected = vp_test_dump_file (db_path);
  g_autofree char *copied = vp_test_dump_file (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GPtrArray) backups = vp_store_list_backups (db_path);
  g_autoptr (GDateTime) time = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  VpBackup *backup;

  g_assert_cmpstr (name, ==, "plan-2024-03-01T09-00-00Z-import.db");
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (copied, ==, expected);
  g_assert_true (vp_store_check_backup (path, NULL));

  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->path, ==, path);
  g_assert_cmpstr (backup->reason, ==, VP_BACKUP_IMPORT);
  g_assert_true (g_date_time_equal (backup->time, time));
}

/* The last ten are kept, newest first; two in one second both stay. */
static void
test_backup_ten_kept (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *db_path = vp_store_get_path (store);
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *path = NULL;

      set_clock (store, i, 0);
      path = make_backup (store, i % 2 == 0 ? VP_BACKUP_IMPORT : VP_BACKUP_NEXT_YEAR);
      if (i == 0)
        first = g_strdup (path);
      if (i == 1)
        second = g_strdup (path);
    }
  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, VP_STORE_MAX_BACKUPS);
  for (guint i = 0; i < backups->len; i++)
    {
      VpBackup *backup = g_ptr_array_index (backups, i);

      g_assert_cmpint (g_date_time_get_minute (backup->time), ==, 11 - (int) i);
      g_assert_cmpstr (backup->reason, ==, i % 2 == 0 ? VP_BACKUP_NEXT_YEAR : VP_BACKUP_IMPORT);
    }
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
}

static void
test_backup_same_second (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *one = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *two = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *three = make_backup (store, VP_BACKUP_BEFORE_RESTORE);
  g_autoptr (GPtrArray) backups = vp_store_list_backups (vp_store_get_path (store));

  g_assert_true (g_str_has_suffix (two, "-import-2.db"));
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 0))->path, ==, three);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 1))->path, ==, two);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 2))->path, ==, one);
}

/* A backup that cannot be written says where and why, and takes none of
 * the ones there. */
static void
test_backup_failed (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *db_path = vp_store_get_path (store);
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_file_set_contents (dir, "not a folder", -1, &error);
  g_assert_no_error (error);
  path = vp_store_backup (store, VP_BACKUP_IMPORT, &error);
  g_assert_null (path);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
  g_test_message ("%s", error->message);
}

/* A damaged backup is found out, and passed over for an older good one. */
static void
test_backup_verified (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *db_path = vp_store_get_path (store);
  g_autofree char *good = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *bad = NULL;
  g_autoptr (VpBackup) found = NULL;
  g_autoptr (GError) error = NULL;

  set_clock (store, 5, 0);
  bad = make_backup (store, VP_BACKUP_IMPORT);
  damage_file (bad);
  g_assert_false (vp_store_check_backup (bad, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_test_message ("%s", error->message);

  found = vp_store_find_good_backup (db_path);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->path, ==, good);
}

/* A restore puts the old content back, and can itself be undone by the
 * backup it made first. */
static void
test_restore (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autofree char *backup = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *saved = NULL;
  g_autofree char *before_restore = NULL;
  g_autofree char *journal_mode = NULL;
  g_autoptr (GError) error = NULL;

  delete_action (store, ACTION_CONTROLS);
  before_restore = vp_test_dump_file (db_path);
  set_clock (store, 1, 0);
  g_assert_true (vp_store_restore_backup (store, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (saved, "-before-restore.db"));
  g_clear_object (&store);

  store = vp_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_action (store, ACTION_CONTROLS));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 4);
  g_clear_object (&store);

  /* and back again */
  assert_dump (saved, before_restore);
  store = vp_store_open (db_path, &error);
  g_assert_true (vp_store_restore_backup (store, saved, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (n_actions_in (db_path), ==, 3);
}

/* Restoring the oldest of ten: the backup made first does not push it
 * out. */
static void
test_restore_oldest (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autofree char *oldest = make_backup (store, VP_BACKUP_IMPORT);
  g_autoptr (GError) error = NULL;

  delete_action (store, ACTION_CONTROLS);
  for (int i = 1; i < VP_STORE_MAX_BACKUPS; i++)
    {
      g_autofree char *path = NULL;

      set_clock (store, i, 0);
      path = make_backup (store, VP_BACKUP_IMPORT);
    }
  set_clock (store, 30, 0);
  g_assert_true (vp_store_restore_backup (store, oldest, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (n_actions_in (db_path), ==, 4);
}

/* A file that is no backup is refused, and nothing changes. */
static void
test_restore_bad_backup (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *db_path = vp_store_get_path (store);
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *bogus = g_build_filename (dir, "plan-2024-03-01T09-00-00Z-import.db", NULL);
  g_autofree char *before = vp_test_dump_file (db_path);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;

  g_file_set_contents (bogus, "{\"not\": \"a database\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_false (vp_store_restore_backup (store, bogus, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  assert_dump (db_path, before);
  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* A damaged database: its newest good backup is found and put in its
 * place as a file; the damaged one is kept. */
static void
test_restore_damaged (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autofree char *backup = make_backup (store, VP_BACKUP_IMPORT);
  g_autoptr (VpBackup) found = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&store);
  damage_file (db_path);
  store = vp_store_open (db_path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  found = vp_store_find_good_backup (db_path);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->path, ==, backup);
  g_assert_true (vp_store_restore_backup_file (db_path, found->path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (db_path), ==, 0600);
  g_assert_cmpuint (n_actions_in (db_path), ==, 4);

  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 0))->reason, ==, VP_BACKUP_DAMAGED);
  g_assert_false (
    vp_store_check_backup (((VpBackup *) g_ptr_array_index (backups, 0))->path, NULL));
}

/* No backup of a database that has none. */
static void
test_no_backups (void)
{
  g_autofree char *db_path = vp_test_db_path ();
  g_autoptr (GPtrArray) backups = vp_store_list_backups (db_path);

  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_null (vp_store_find_good_backup (db_path));
}

/* The command line */

static GVariantDict *
options_new (const char *database)
{
  GVariantDict *options = g_variant_dict_new (NULL);

  g_variant_dict_insert_value (options, "database", g_variant_new_bytestring (database));
  return options;
}

static char *
barneveld_db (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");

  return g_strdup (vp_store_get_path (store));
}

static void
test_cli_import_backs_up (void)
{
  g_autofree char *db_path = barneveld_db ();
  g_autofree char *example = vp_test_example_path ();
  g_autoptr (GVariantDict) options = options_new (db_path);
  g_autoptr (GPtrArray) backups = NULL;

  g_variant_dict_insert_value (options, "import", g_variant_new_bytestring (example));
  g_assert_cmpint (vp_cli_run (options), ==, 0);
  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 0))->reason, ==, VP_BACKUP_IMPORT);
  /* the plan as it was before the import: empty */
  g_assert_cmpuint (n_actions_in (((VpBackup *) g_ptr_array_index (backups, 0))->path), ==, 0);
  g_assert_cmpuint (n_actions_in (db_path), >, 0);
}

/* Without a backup, no import. */
static void
test_cli_import_needs_backup (void)
{
  g_autofree char *db_path = barneveld_db ();
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autofree char *example = vp_test_example_path ();
  g_autoptr (GVariantDict) options = options_new (db_path);
  g_autofree char *before = vp_test_dump_file (db_path);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (dir, "not a folder", -1, &error);
  g_assert_no_error (error);
  g_variant_dict_insert_value (options, "import", g_variant_new_bytestring (example));
  g_assert_cmpint (vp_cli_run (options), ==, 1);
  assert_dump (db_path, before);
}

static void
test_cli_restore (void)
{
  g_autofree char *db_path = barneveld_db ();
  g_autofree char *example = vp_test_example_path ();
  g_autoptr (GVariantDict) import = options_new (db_path);
  g_autoptr (GVariantDict) list = options_new (db_path);
  g_autoptr (GVariantDict) restore = options_new (db_path);
  g_autoptr (GPtrArray) backups = NULL;

  g_variant_dict_insert_value (import, "import", g_variant_new_bytestring (example));
  g_assert_cmpint (vp_cli_run (import), ==, 0);
  g_variant_dict_insert_value (list, "list-backups", g_variant_new_boolean (TRUE));
  g_assert_cmpint (vp_cli_run (list), ==, 0);

  g_variant_dict_insert_value (restore, "restore", g_variant_new_bytestring ("latest"));
  g_assert_cmpint (vp_cli_run (restore), ==, 0);
  g_assert_cmpuint (n_actions_in (db_path), ==, 0);
  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 0))->reason, ==,
                   VP_BACKUP_BEFORE_RESTORE);
}

/* --restore by a backup's name, into a damaged database. */
static void
test_cli_restore_damaged (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autofree char *backup = make_backup (store, VP_BACKUP_IMPORT);
  g_autofree char *name = g_path_get_basename (backup);
  g_autoptr (GVariantDict) restore = options_new (db_path);

  g_clear_object (&store);
  damage_file (db_path);
  g_variant_dict_insert_value (restore, "restore", g_variant_new_bytestring (name));
  g_assert_cmpint (vp_cli_run (restore), ==, 0);
  g_assert_cmpuint (n_actions_in (db_path), ==, 4);
}

static void
test_cli_restore_unknown (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autoptr (GVariantDict) latest = options_new (db_path);
  g_autoptr (GVariantDict) named = options_new (db_path);
  g_autofree char *before = NULL;

  g_clear_object (&store);
  before = vp_test_dump_file (db_path);
  g_variant_dict_insert_value (latest, "restore", g_variant_new_bytestring ("latest"));
  g_assert_cmpint (vp_cli_run (latest), ==, 1);
  g_variant_dict_insert_value (named, "restore", g_variant_new_bytestring ("no-such-backup.db"));
  g_assert_cmpint (vp_cli_run (named), ==, 1);
  assert_dump (db_path, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/made", test_backup_made);
  g_test_add_func ("/backup/ten-kept", test_backup_ten_kept);
  g_test_add_func ("/backup/same-second", test_backup_same_second);
  g_test_add_func ("/backup/failed", test_backup_failed);
  g_test_add_func ("/backup/verified", test_backup_verified);
  g_test_add_func ("/backup/none", test_no_backups);
  g_test_add_func ("/backup/restore/content", test_restore);
  g_test_add_func ("/backup/restore/oldest", test_restore_oldest);
  g_test_add_func ("/backup/restore/bad-backup", test_restore_bad_backup);
  g_test_add_func ("/backup/restore/damaged", test_restore_damaged);
  g_test_add_func ("/backup/cli/import", test_cli_import_backs_up);
  g_test_add_func ("/backup/cli/import-needs-backup", test_cli_import_needs_backup);
  g_test_add_func ("/backup/cli/restore", test_cli_restore);
  g_test_add_func ("/backup/cli/restore-damaged", test_cli_restore_damaged);
  g_test_add_func ("/backup/cli/restore-unknown", test_cli_restore_unknown);
  return g_test_run ();
}
