/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "model/vp-record-private.h"
#include "vp-test-util.h"

/* VpStore against real files. The tests speak SQL to the file themselves,
 * to build old or foreign databases and to check what the store wrote. */

#define SQL_RESOURCES "/nl/veiligheidsplan/Veiligheidsplan/sql/"

/* One per schema version: a new version needs its migration test here. */
static const char *const sql_files[] = {
  "001-initial.sql",  "002-exchange.sql", "003-deletions.sql", "004-evaluation.sql",
  "005-own-plan.sql", "006-budgets.sql",  "007-checks.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (sql_files) == VP_STORE_SCHEMA_VERSION);

/* Every table of the current schema. */
static const char *const domain_tables[] = {
  "meta",       "organisation", "plan",          "priority",     "subtheme",
  "goal",       "action",       "action_status", "status_event", "definition",
  "import_log", "sync_base",    "tombstone",     "action_fact",
};

#define PRIORITY_1      "Ondermijnende criminaliteit"
#define PRIORITY_2      "Vakantieparken"
#define ACTION_CONTROLS "We organiseren vijf (thematische) integrale controles."
#define ACTION_BIBOB    "We stellen een organisatiebreed projectplan op voor de Wet Bibob."
#define MISSING_UUID    "00000000-0000-4000-8000-000000000000"

/* SQL on the file */

static sqlite3 *
db_open (const char *path, int flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static void
db_exec (const char *path, const char *sql)
{
  sqlite3 *db = db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the first row of @sql, ?1 bound to @arg; NULL for no
 * row or an SQL NULL. */
static char *
db_text (const char *path, const char *sql, const char *arg)
{
  sqlite3 *db = db_open (path, SQLITE_OPEN_READONLY);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gint64
db_int (const char *path, const char *sql, const char *arg)
{
  g_autofree char *text = db_text (path, sql, arg);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
db_count (const char *path, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

  return db_int (path, sql, NULL);
}

static gboolean
db_has_table (const char *path, const char *table)
{
  return db_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                 table)
         == 1;
}

/* Fixtures */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_unchanged (const char *path, GBytes *before)
{
  g_autoptr (GBytes) after = read_bytes (path);
  const guint8 *a = g_bytes_get_data (after, NULL);
  const guint8 *b = g_bytes_get_data (before, NULL);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  for (gsize i = 0; i < g_bytes_get_size (after); i++)
    {
      if (a[i] != b[i])
        g_test_message ("byte %" G_GSIZE_FORMAT ": %u, was %u", i, a[i], b[i]);
    }
  g_assert_true (g_bytes_equal (after, before));
}

static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode;
}

static void
set_clock (VpStore *store, const char *iso8601)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (now);
  vp_store_set_now (store, now);
}

static VpStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  VpStore *store = vp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  set_clock (store, "2024-03-01T09:00:00Z");
  return store;
}

/* Closes the store and opens its file again: what the next session sees. */
static void
reopen (VpStore **store)
{
  g_autofree char *path = g_strdup (vp_store_get_path (*store));

  g_clear_object (store);
  *store = open_store (path);
}

/* A new record, not yet in a store. */
static VpRecord *
make (GType type, const char *first_property, ...)
{
  VpRecord *record;
  va_list args;

  va_start (args, first_property);
  record = VP_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);
  return record;
}

/* Inserts a new record.
 * Returns: (transfer none): the record, held by the store */
static VpRecord *
add (VpStore *store, GType type, const char *first_property, ...)
{
  g_autoptr (GError) error = NULL;
  VpRecord *record;
  va_list args;

  va_start (args, first_property);
  record = VP_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);
  g_assert_true (vp_test_insert_as_owner (store, record, &error));
  g_assert_no_error (error);
  g_object_unref (record);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (record)) == record);
  return record;
}

/* Returns: (transfer none) (nullable): the first record of @type whose
 * string field @name is @value */
static VpRecord *
find (VpStore *store, GType type, const char *name, const char *value)
{
  GListModel *list = vp_store_get_records (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (vp_record_get_string (record, name), value) == 0)
        return record;
    }
  return NULL;
}

static VpRecord *
nth (VpStore *store, GType type, guint position)
{
  g_autoptr (VpRecord) record
    = g_list_model_get_item (vp_store_get_records (store, type), position);

  g_assert_nonnull (record);
  return record;
}

static const char *
uuid_of (VpStore *store, GType type, const char *name, const char *value)
{
  VpRecord *record = find (store, type, name, value);

  g_assert_nonnull (record);
  return vp_record_get_uuid (record);
}

/* A store with vp_test_add_small_plan(). */
static VpStore *
small_plan_store (void)
{
  VpStore *store = vp_test_store_new ();

  vp_test_add_small_plan (store);
  return store;
}

/* Notifications, one property name per emission. */
static void
on_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (pspec->name));
}

static GPtrArray *
watch_notify (gpointer object)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (object, "notify", G_CALLBACK (on_notify_cb), names);
  return names;
}

static void
unwatch_notify (gpointer object, GPtrArray *names)
{
  g_signal_handlers_disconnect_by_func (object, on_notify_cb, names);
  g_ptr_array_unref (names);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names notified, sorted: "a,b,c". */
static char *
notified (GPtrArray *names)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (names->len + 1);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (names, i));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

/* Applies the resource migrations up to @version to a new file, as an
 * older program would have left it. Version 0 is an empty file. */
static void
build_database (const char *path, int version)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  for (int v = 1; v <= version; v++)
    {
      g_autofree char *name = g_strconcat (SQL_RESOURCES, sql_files[v - 1], NULL);
      g_autoptr (GBytes) sql = g_resources_lookup_data (name, 0, &error);

      g_assert_no_error (error);
      db_exec (path, g_bytes_get_data (sql, NULL));
    }
  if (version > 0)
    db_exec (path, set_version);
}

/* Opening: creating */

static void
assert_current_schema (const char *path)
{
  g_autofree char *journal = db_text (path, "PRAGMA journal_mode", NULL);

  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, VP_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (journal, ==, "wal");
  for (gsize i = 0; i < G_N_ELEMENTS (domain_tables); i++)
    {
      g_test_message ("table %s", domain_tables[i]);
      g_assert_true (db_has_table (path, domain_tables[i]));
    }
}

static void
test_open_create (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (VpStore) store = NULL;
  mode_t mode;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = open_store (path);
  g_assert_cmpstr (vp_store_get_path (store), ==, path);

  mode = file_mode (path);
  g_assert_true (S_ISREG (mode));
  g_assert_cmpint (mode & 0777, ==, 0600);
  /* SQLite's side files are as private as the database */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal) & 0777, ==, 0600);

  assert_current_schema (path);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 0);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 0);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 0);

  /* and it opens again, still empty, still private */
  reopen (&store);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 0);
  g_assert_cmpint (file_mode (path) & 0777, ==, 0600);
  assert_current_schema (path);
}

static void
test_open_create_folder (void)
{
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "veiligheidsplan", "2024", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.db", NULL);
  g_autoptr (VpStore) store = NULL;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = open_store (path);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (file_mode (folder) & 0777, ==, 0700);
  g_assert_cmpint (file_mode (path) & 0777, ==, 0600);
  assert_current_schema (path);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = vp_store_default_path ();
  g_autofree char *expected
    = g_build_filename (g_get_user_data_dir (), "veiligheidsplan", "plan.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* Opening: migrating */

static void
test_migrate_v0 (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = NULL;

  build_database (path, 0);
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 0);
  store = open_store (path);
  assert_current_schema (path);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 0);
  g_assert_null (vp_store_get_home_municipality (store));
}

static const char v1_rows[]
  = "INSERT INTO organisation (uuid, code, name, kind, modified_at, modified_by) VALUES "
    " ('11111111-1111-4111-8111-111111111111', 'nijkerk', 'Nijkerk', 'municipality',"
    "  '2023-11-01T08:00:00.000Z', 'nijkerk');"
    "INSERT INTO plan (uuid, title, first_year, last_year, owner, participants, framework_title,"
    " framework_first_year, framework_last_year, intro, modified_at, modified_by) VALUES "
    " ('22222222-2222-4222-8222-222222222222', 'Uitvoeringsplan Veiligheid 2023', 2023, 2023,"
    "  'nijkerk', 'nijkerk' || char(10) || 'barneveld', 'Integraal Veiligheidsplan 2020-2023',"
    "  2020, 2023, 'Inleiding', '2023-11-02T08:00:00.000Z', 'nijkerk');"
    "INSERT INTO priority (uuid, plan, number, title, scope, owner, ambition, portfolio_holders,"
    " budget, colour, modified_at, modified_by) VALUES "
    " ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 1,"
    "  'Ondermijnende criminaliteit', 'joint', NULL, 'Weerbaar', 'burgemeester Renkema', 15000,"
    "  '#c0392b', '2023-11-03T08:00:00.000Z', 'barneveld');"
    "INSERT INTO action (uuid, priority, subtheme, text, lead_kind, lead, lead_note, year, quarter,"
    " planned_year, planned_quarter, category, owner, target, target_unit, position, modified_at,"
    " modified_by) VALUES "
    " ('44444444-4444-4444-8444-444444444444', '33333333-3333-4333-8333-333333333333', NULL,"
    "  'We organiseren vijf integrale controles.', 'organisation', 'nijkerk', 'Bibob-medewerker',"
    "  2023, 3, 2023, 2, 'joint', NULL, 5, 'controles', 0, '2023-11-04T08:00:00.000Z', 'nijkerk');";

static void
assert_v1_rows (VpStore *store)
{
  const char *participants[] = { "nijkerk", "barneveld", NULL };
  VpRecord *organisation = VP_RECORD (vp_store_lookup_organisation (store, "nijkerk"));
  VpRecord *plan = vp_store_lookup (store, "22222222-2222-4222-8222-222222222222");
  VpRecord *priority = vp_store_lookup (store, "33333333-3333-4333-8333-333333333333");
  VpRecord *action = vp_store_lookup (store, "44444444-4444-4444-8444-444444444444");

  g_assert_true (VP_IS_ORGANISATION (organisation));
  g_assert_cmpstr (vp_record_get_uuid (organisation), ==, "11111111-1111-4111-8111-111111111111");
  g_assert_cmpstr (vp_organisation_get_name (VP_ORGANISATION (organisation)), ==, "Nijkerk");
  g_assert_cmpint (vp_organisation_get_kind (VP_ORGANISATION (organisation)), ==,
                   VP_ORGANISATION_KIND_MUNICIPALITY);

  g_assert_true (VP_IS_PLAN (plan));
  g_assert_cmpstr (vp_plan_get_title (VP_PLAN (plan)), ==, "Uitvoeringsplan Veiligheid 2023");
  g_assert_cmpint (vp_plan_get_first_year (VP_PLAN (plan)), ==, 2023);
  g_assert_cmpint (vp_record_get_int (plan, "framework-first-year"), ==, 2020);
  g_assert_true (g_strv_equal (vp_record_get_strv (plan, "participants"), participants));
  g_assert_cmpstr (vp_record_get_modified_at (plan), ==, "2023-11-02T08:00:00.000Z");

  g_assert_true (VP_IS_PRIORITY (priority));
  g_assert_cmpint (vp_priority_get_number (VP_PRIORITY (priority)), ==, 1);
  g_assert_cmpint (vp_record_get_int (priority, "scope"), ==, VP_SCOPE_JOINT);
  /* whole euros become their cents; the plan has no budget of its own */
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, 1500000);
  g_assert_cmpint (vp_record_get_int64 (plan, "budget-cents"), ==, VP_BUDGET_NONE);
  g_assert_null (vp_record_get_string (priority, "owner"));
  g_assert_cmpstr (vp_record_get_modified_by (priority), ==, "barneveld");

  g_assert_true (VP_IS_ACTION (action));
  g_assert_cmpstr (vp_action_get_priority (VP_ACTION (action)), ==, vp_record_get_uuid (priority));
  g_assert_null (vp_action_get_subtheme (VP_ACTION (action)));
  g_assert_cmpint (vp_action_get_lead_kind (VP_ACTION (action)), ==, VP_LEAD_KIND_ORGANISATION);
  g_assert_cmpstr (vp_action_get_lead (VP_ACTION (action)), ==, "nijkerk");
  g_assert_cmpint (vp_action_get_quarter (VP_ACTION (action)), ==, VP_QUARTER_Q3);
  g_assert_cmpint (vp_record_get_int (action, "planned-quarter"), ==, VP_QUARTER_Q2);
  g_assert_cmpint (vp_action_get_target (VP_ACTION (action)), ==, 5);
  g_assert_cmpstr (vp_record_get_modified_at (action), ==, "2023-11-04T08:00:00.000Z");
}

/* Version 2 had the import log without the counts of deletions and
 * refusals: its lines stay, with nothing deleted or refused. */
static void
test_migrate_v2 (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GPtrArray) imports = NULL;
  VpImportEntry *entry;

  build_database (path, 2);
  db_exec (path, v1_rows);
  db_exec (path, "INSERT INTO import_log (uuid, partner, file_name, exported_at, imported_at, "
                 "added, updated, unchanged, conflicts) VALUES ('44444444-4444-4444-8444-"
                 "444444444444', 'barneveld', 'b.json', '2023-11-05T08:00:00.000Z', "
                 "'2023-11-06T08:00:00.000Z', 3, 2, 1, 1)");
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 2);

  store = open_store (path);
  assert_current_schema (path);
  assert_v1_rows (store);
  imports = vp_store_list_imports (store);
  g_assert_cmpuint (imports->len, ==, 1);
  entry = g_ptr_array_index (imports, 0);
  g_assert_cmpstr (entry->partner, ==, "barneveld");
  g_assert_cmpstr (entry->file_name, ==, "b.json");
  g_assert_cmpuint (entry->counts[VP_IMPORT_ADDED], ==, 3);
  g_assert_cmpuint (entry->counts[VP_IMPORT_CONFLICTS], ==, 1);
  g_assert_cmpuint (entry->counts[VP_IMPORT_DELETED], ==, 0);
  g_assert_cmpuint (entry->counts[VP_IMPORT_REFUSED], ==, 0);
}

/* A database of the release before budgets in cents: its whole euros
 * become cents, a priority without a budget keeps none, and the plan gets
 * a budget of its own, none. */
static void
test_migrate_v5 (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = NULL;
  VpRecord *priority;

  build_database (path, 5);
  db_exec (path, v1_rows);
  db_exec (path,
           "INSERT INTO priority (uuid, plan, number, title, scope, owner, ambition,"
           " portfolio_holders, budget, colour, modified_at, modified_by) VALUES "
           " ('55555555-5555-4555-8555-555555555555', '22222222-2222-4222-8222-222222222222', 2,"
           "  'Jeugd', 'joint', NULL, '', '', NULL, '#3584e4', '2023-11-03T08:00:00.000Z',"
           "  'barneveld')");
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 5);

  store = open_store (path);
  assert_current_schema (path);
  assert_v1_rows (store);
  priority = vp_store_lookup (store, "55555555-5555-4555-8555-555555555555");
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, VP_BUDGET_NONE);
  g_assert_cmpint (db_int (path,
                           "SELECT budget_cents FROM priority WHERE uuid ="
                           " '33333333-3333-4333-8333-333333333333'",
                           NULL),
                   ==, 1500000);
}

static const char v6_rows[]
  = "INSERT INTO organisation (uuid, code, name, kind, modified_at, modified_by) VALUES "
    " ('11111111-1111-4111-8111-111111111111', 'nijkerk', 'Nijkerk', 'municipality',"
    "  '2024-01-01T08:00:00.000Z', 'nijkerk');"
    "INSERT INTO plan (uuid, title, first_year, last_year, owner, modified_at, modified_by)"
    " VALUES ('22222222-2222-4222-8222-222222222222', 'Uitvoeringsplan Veiligheid 2024', 2024,"
    "  2024, 'nijkerk', '2024-01-02T08:00:00.000Z', 'nijkerk');"
    "INSERT INTO priority (uuid, plan, number, title, scope, modified_at, modified_by) VALUES "
    " ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 1,"
    "  'Ondermijnende criminaliteit', 'joint', '2024-01-03T08:00:00.000Z', 'nijkerk');"
    "INSERT INTO goal (uuid, priority, kind, text, modified_at, modified_by, assessment) VALUES "
    " ('66666666-6666-4666-8666-666666666666', '33333333-3333-4333-8333-333333333333', 'year',"
    "  'Meer meldingen', '2024-01-03T08:00:00.000Z', 'nijkerk', 'partly');"
    "INSERT INTO action (uuid, priority, text, lead_kind, lead, category, modified_at,"
    " modified_by, evaluation, origin) VALUES "
    " ('44444444-4444-4444-8444-444444444441', '33333333-3333-4333-8333-333333333333',"
    "  'Controles', 'organisation', 'nijkerk', 'joint', '2024-01-04T08:00:00.000Z', 'nijkerk',"
    "  'Vier van de vijf', NULL),"
    " ('44444444-4444-4444-8444-444444444442', '33333333-3333-4333-8333-333333333333',"
    "  'Weg', 'joint', NULL, 'joint', '2024-01-04T08:00:00.000Z', 'nijkerk', '', NULL),"
    " ('44444444-4444-4444-8444-444444444443', '33333333-3333-4333-8333-333333333333',"
    "  'Bibob', 'each', NULL, 'local', '2024-01-04T08:00:00.000Z', 'nijkerk', '',"
    "  '44444444-4444-4444-8444-444444444440');"
    "DELETE FROM action WHERE uuid = '44444444-4444-4444-8444-444444444442';"
    "INSERT INTO action_status (uuid, action, municipality, status, achieved, modified_at,"
    " modified_by) VALUES "
    " ('55555555-5555-4555-8555-555555555555', '44444444-4444-4444-8444-444444444443',"
    "  'nijkerk', 'in-progress', 2, '2024-02-01T08:00:00.000Z', 'nijkerk');";

/* The SQLite result of @sql on @path, with foreign keys on as the store
 * has them. */
static int
db_try (const char *path, const char *sql)
{
  sqlite3 *db = db_open (path, SQLITE_OPEN_READWRITE);
  int rc;

  sqlite3_extended_result_codes (db, TRUE);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* Whether writing a row by @sql makes SQLite build a temporary index. */
static gboolean
db_writes_ephemeral (const char *path, const char *sql)
{
  sqlite3 *db = db_open (path, SQLITE_OPEN_READWRITE);
  g_autofree char *explain = g_strconcat ("EXPLAIN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ephemeral = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ephemeral |= g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ephemeral;
}

#define INSERT_STATUS                                                                              \
  "INSERT INTO action_status (uuid, action, municipality, status, modified_at, modified_by)"       \
  " VALUES ('55555555-5555-4555-8555-555555555556', '44444444-4444-4444-8444-444444444441',"       \
  " 'nijkerk', 'done', '2024-03-01T08:00:00.000Z', 'nijkerk')"

/* Version 7 makes action, action_status and goal again, their lists of
 * values written as comparisons: every row keeps its values and rowid, the
 * indexes, triggers and cascades are as they were, the checks refuse what
 * they refused, and a row written builds no temporary index any more. */
static void
test_migrate_v6 (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = NULL;
  const char *const rows_sql
    = "SELECT group_concat (r, ' ') FROM ("
      " SELECT * FROM (SELECT rowid || ':' || uuid || ':' || lead_kind || ':' || evaluation || ':'"
      "  || ifnull (origin, '-') AS r FROM action ORDER BY rowid)"
      " UNION ALL SELECT * FROM (SELECT rowid || ':' || uuid || ':' || status || ':' || achieved"
      "  FROM action_status ORDER BY rowid)"
      " UNION ALL SELECT * FROM (SELECT rowid || ':' || uuid || ':' || assessment FROM goal"
      "  ORDER BY rowid))";
  const char *const objects_sql
    = "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type IN"
      " ('index', 'trigger') AND tbl_name IN ('action', 'action_status', 'goal') ORDER BY name)";
  g_autofree char *rows = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *objects_after = NULL;
  g_autofree char *status = NULL;
  g_autofree char *assessment = NULL;

  build_database (path, 6);
  db_exec (path, v6_rows);
  rows = db_text (path, rows_sql, NULL);
  objects = db_text (path, objects_sql, NULL);
  g_assert_true (db_writes_ephemeral (path, INSERT_STATUS));

  store = open_store (path);
  assert_current_schema (path);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 2);
  rows_after = db_text (path, rows_sql, NULL);
  objects_after = db_text (path, objects_sql, NULL);
  g_assert_cmpstr (rows_after, ==, rows);
  g_assert_cmpstr (objects_after, ==, objects);
  g_assert_cmpint (
    db_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name GLOB '*_new'",
            NULL),
    ==, 0);
  status = db_text (path, "SELECT status || ':' || achieved FROM action_status", NULL);
  g_assert_cmpstr (status, ==, "in-progress:2");
  assessment = db_text (path, "SELECT assessment FROM goal", NULL);
  g_assert_cmpstr (assessment, ==, "partly");

  /* the same checks, none of them with a temporary index */
  g_assert_false (db_writes_ephemeral (path, INSERT_STATUS));
  g_assert_false (db_writes_ephemeral (path, "UPDATE action SET lead_kind = 'each', lead = NULL"));
  g_assert_false (db_writes_ephemeral (path, "UPDATE goal SET assessment = 'achieved'"));
  g_assert_cmpint (db_try (path, "UPDATE action_status SET status = 'klaar'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (db_try (path, "UPDATE action SET lead_kind = 'iedereen', lead = NULL"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (db_try (path, "UPDATE goal SET assessment = 'half'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (db_try (path, "UPDATE action SET priority = '" MISSING_UUID "'"), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);
  /* two actions made, one status: and the new status is history too */
  g_assert_cmpint (db_count (path, "action_fact"), ==, 3);
  g_assert_cmpint (db_try (path, INSERT_STATUS), ==, SQLITE_OK);
  g_assert_cmpint (db_count (path, "action_fact"), ==, 4);

  /* the cascade and the history's triggers come along */
  g_assert_cmpint (db_try (path, "DELETE FROM action WHERE uuid LIKE '%443'"), ==, SQLITE_OK);
  g_assert_cmpint (db_count (path, "action_status"), ==, 1);
  g_assert_cmpint (db_int (path, "SELECT count(*) FROM action_fact WHERE action LIKE '%443'", NULL),
                   ==, 0);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = NULL;

  build_database (path, 1);
  db_exec (path, v1_rows);
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 1);
  g_assert_false (db_has_table (path, "import_log"));

  store = open_store (path);
  assert_current_schema (path);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PRIORITY), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 1);
  assert_v1_rows (store);
  /* the rows themselves are as they were */
  g_assert_cmpint (db_count (path, "action"), ==, 1);
  g_assert_cmpint (db_int (path, "SELECT quarter FROM action", NULL), ==, 3);

  /* and the migrated file opens as a current one */
  reopen (&store);
  assert_v1_rows (store);
}

static gpointer
open_in_thread (gpointer path)
{
  g_autoptr (GError) error = NULL;
  VpStore *store = vp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Two programs open a version-5 file at once: the one that waits for the
 * other's migration to commit finds the file current then, and does not
 * apply the steps again (006 renames a column the file no longer has). */
static void
test_migrate_concurrent (void)
{
  g_autofree char *path = vp_test_db_path ();
  sqlite3 *other;
  GThread *thread;
  g_autoptr (VpStore) store = NULL;

  build_database (path, 5);
  db_exec (path, v6_rows);
  other = db_open (path, SQLITE_OPEN_READWRITE);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("open", open_in_thread, path);
  /* the store reads version 5, then waits for the file (busy timeout) */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  for (int v = 6; v <= VP_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strconcat (SQL_RESOURCES, sql_files[v - 1], NULL);
      g_autoptr (GBytes) sql = g_resources_lookup_data (name, 0, NULL);

      g_assert_cmpint (sqlite3_exec (other, g_bytes_get_data (sql, NULL), NULL, NULL, NULL), ==,
                       SQLITE_OK);
    }
  g_assert_cmpint (
    sqlite3_exec (other, "PRAGMA user_version = " G_STRINGIFY (VP_STORE_SCHEMA_VERSION) "; COMMIT",
                  NULL, NULL, NULL),
    ==, SQLITE_OK);
  sqlite3_close (other);
  store = g_thread_join (thread);
  assert_current_schema (path);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 2);
}

/* A version-1 file with a dangling reference is damaged: the migration
 * checks the foreign keys and refuses it, leaving the file as it was.
 * The refused file keeps even its header: the switch to WAL (header bytes
 * 18 and 19) comes only after a successful migration. */
static void
test_migrate_refuse_dangling (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (VpStore) store = NULL;

  build_database (path, 1);
  db_exec (path, v1_rows);
  db_exec (path, "DELETE FROM priority");
  before = read_bytes (path);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_assert_null (store);
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 1);
  assert_file_unchanged (path, before);
}

/* Opening: refusals */

static void
test_refuse_too_new (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (VpStore) store = NULL;

  build_database (path, VP_STORE_SCHEMA_VERSION);
  db_exec (path, "CREATE TABLE future (x INTEGER); PRAGMA user_version = 99");
  before = read_bytes (path);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (path, before);
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 99);
}

/* A version this program never writes (negative) is another program's
 * file: refused like one, not taken as a step of the migrations. */
static void
test_refuse_negative_version (void)
{
  static const char *const versions[] = { "-1", "-2147483648" };

  for (gsize i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *path = vp_test_db_path ();
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %s", versions[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) before = NULL;
      g_autoptr (VpStore) store = NULL;

      build_database (path, VP_STORE_SCHEMA_VERSION);
      db_exec (path, sql);
      g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==,
                       (int) g_ascii_strtoll (versions[i], NULL, 10));
      before = read_bytes (path);

      store = vp_store_open (path, &error);
      g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, "not a Veiligheidsplan"));
      g_assert_nonnull (strstr (error->message, path));
      assert_file_unchanged (path, before);
    }
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (VpStore) store = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "Actie %d: integrale controle in Q%d\n", i, 1 + i % 4);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  before = read_bytes (path);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_assert_null (store);
  assert_file_unchanged (path, before);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (VpStore) store = NULL;

  db_exec (path, "CREATE TABLE recipe (name TEXT, minutes INTEGER);"
                 "INSERT INTO recipe VALUES ('stamppot', 40);");
  g_assert_cmpint (db_int (path, "PRAGMA user_version", NULL), ==, 0);
  before = read_bytes (path);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "not a Veiligheidsplan"));
  assert_file_unchanged (path, before);
  g_assert_cmpint (db_count (path, "recipe"), ==, 1);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autoptr (GBytes) whole = NULL;
  guint8 *contents;
  gsize length;

  path = g_strdup (vp_store_get_path (store));
  g_clear_object (&store);

  /* overwrite the start of page 4 (well inside the schema's b-trees) */
  whole = read_bytes (path);
  contents = g_bytes_unref_to_data (g_steal_pointer (&whole), &length);
  g_assert_cmpuint (length, >=, 4096 * 4 + 200);
  memset (contents + 4096 * 3, 0xff, 200);
  g_file_set_contents (path, (const char *) contents, length, &error);
  g_assert_no_error (error);
  g_free (contents);
  before = read_bytes (path);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  assert_file_unchanged (path, before);
}

static void
test_refuse_unwritable_folder (void)
{
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autofree char *deeper = g_build_filename (dir, "sub", "plan.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = NULL;

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_chmod (dir, 0700);
      g_test_skip ("permissions are not enforced for this user (root)");
      return;
    }

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_clear_error (&error);

  store = vp_store_open (deeper, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN);
  g_assert_null (store);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Also for root: a folder that is a file cannot be made. */
static void
test_refuse_folder_is_file (void)
{
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "plannen", NULL);
  g_autofree char *path = g_build_filename (file, "plan.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = NULL;

  g_file_set_contents (file, "geen map", -1, &error);
  g_assert_no_error (error);

  store = vp_store_open (path, &error);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN);
  g_assert_null (store);
}

/* Round trips */

/* Inserts @a with stamps from the store and @b with its own identity
 * and stamps, closes and reopens the store, and checks that both come
 * back with the same fields, identity and stamps. */
static void
assert_round_trip (VpStore **store, VpRecord *a, VpRecord *b)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  VpRecord *records[] = { a, b };
  GType type = G_OBJECT_TYPE (a);
  guint count = vp_store_count (*store, type);

  g_object_set (b, "uuid", "0b5e4c1e-7d2a-4c55-9a52-6a0f4f3c2b10", "modified-at",
                "2023-12-31T23:59:59.999Z", "modified-by", "barneveld", NULL);
  g_assert_true (vp_store_insert (*store, a, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_insert (*store, b, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (vp_record_get_uuid (a)));
  g_assert_cmpstr (vp_record_get_uuid (b), ==, "0b5e4c1e-7d2a-4c55-9a52-6a0f4f3c2b10");
  g_ptr_array_add (copies, vp_record_copy (a));
  g_ptr_array_add (copies, vp_record_copy (b));

  reopen (store);
  g_assert_cmpuint (vp_store_count (*store, type), ==, count + 2);
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      VpRecord *expected = g_ptr_array_index (copies, i);
      VpRecord *loaded = vp_store_lookup (*store, vp_record_get_uuid (expected));
      guint position;

      g_assert_nonnull (loaded);
      g_assert_true (loaded != records[i]);
      g_assert_true (G_OBJECT_TYPE (loaded) == type);
      g_assert_true (vp_record_fields_equal (loaded, expected));
      g_assert_cmpstr (vp_record_get_modified_at (loaded), ==,
                       vp_record_get_modified_at (expected));
      g_assert_cmpstr (vp_record_get_modified_by (loaded), ==,
                       vp_record_get_modified_by (expected));
      g_assert_true (
        g_list_store_find (G_LIST_STORE (vp_store_get_records (*store, type)), loaded, &position));
    }
}

/* The stored form of a column of one row: "text:partner", "integer:2", "null:". */
static char *
stored (VpStore *store, const char *table, const char *column, VpRecord *record)
{
  g_autofree char *sql = g_strdup_printf ("SELECT typeof (\"%s\") || ':' || ifnull (\"%s\", '') "
                                          "FROM \"%s\" WHERE uuid = ?1",
                                          column, column, table);

  return db_text (vp_store_get_path (store), sql, vp_record_get_uuid (record));
}

#define assert_stored(store, table, column, record, expected)                                      \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *stored_ = stored (store, table, column, record);                              \
    g_assert_cmpstr (stored_, ==, expected);                                                       \
  }                                                                                                \
  G_STMT_END

static void
test_round_trip_organisation (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (VpRecord) a = make (VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", "kind",
                                 VP_ORGANISATION_KIND_MUNICIPALITY, NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_ORGANISATION, "code", "odmh", "name", "Omgevingsdienst Midden-Holland", "kind",
            VP_ORGANISATION_KIND_PARTNER, NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "organisation", "kind", a, "text:municipality");
  assert_stored (store, "organisation", "kind", b, "text:partner");
  assert_stored (store, "organisation", "code", b, "text:odmh");
  g_assert_true (VP_RECORD (vp_store_lookup_organisation (store, "odmh"))
                 == vp_store_lookup (store, vp_record_get_uuid (b)));
}

static void
test_round_trip_plan (void)
{
  const char *participants[] = { "barneveld", "nijkerk", "scherpenzeel", NULL };
  g_autoptr (VpStore) store = small_plan_store ();
  g_autoptr (VpRecord) a = make (
    VP_TYPE_PLAN, "title", "Uitvoeringsplan Veiligheid 2025-2026", "first-year", 2025, "last-year",
    2026, "owner", "nijkerk", "participants", participants, "framework-title",
    "Integraal Veiligheidsplan 2024-2027", "framework-first-year", 2024, "framework-last-year",
    2027, "intro", "Inleiding.\nMet een tweede regel.", "budget-cents", (gint64) 125000015, NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_PLAN, "title", "Uitvoeringsplan 2024", "first-year", 2024, "last-year", 2024,
            "owner", "barneveld", "participants", NULL, "framework-title", "",
            "framework-first-year", 0, "framework-last-year", 0, "intro", "", NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "plan", "participants", a, "text:barneveld\nnijkerk\nscherpenzeel");
  assert_stored (store, "plan", "participants", b, "text:");
  assert_stored (store, "plan", "framework_first_year", a, "integer:2024");
  assert_stored (store, "plan", "framework_first_year", b, "null:");
  assert_stored (store, "plan", "owner", a, "text:nijkerk");
  /* the plan's own budget: €1,250,000.15; none is none */
  assert_stored (store, "plan", "budget_cents", a, "integer:125000015");
  assert_stored (store, "plan", "budget_cents", b, "null:");
}

static void
test_round_trip_priority (void)
{
  const char *holders[] = { "burgemeester Renkema", "wethouder Kuiper", NULL };
  const char *holder[] = { "burgemeester Renkema", NULL };
  g_autoptr (VpStore) store = small_plan_store ();
  const char *plan = vp_record_get_uuid (nth (store, VP_TYPE_PLAN, 0));
  g_autoptr (VpRecord) a
    = make (VP_TYPE_PRIORITY, "plan", plan, "number", 3, "title", "Zorg en veiligheid", "scope",
            VP_SCOPE_LOCAL, "owner", "nijkerk", "ambition", "Niemand valt tussen wal en schip.",
            "portfolio-holders", holders, "budget-cents", (gint64) 15, "colour", "#33d17a", NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_PRIORITY, "plan", plan, "number", 4, "title", "Jeugd", "scope", VP_SCOPE_JOINT,
            "owner", NULL, "ambition", "", "portfolio-holders", holder, "budget-cents", (gint64) 0,
            "colour", "#3584e4", NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "priority", "scope", a, "text:local");
  assert_stored (store, "priority", "scope", b, "text:joint");
  assert_stored (store, "priority", "owner", a, "text:nijkerk");
  assert_stored (store, "priority", "owner", b, "null:");
  /* €0.15 in cents; €0 kept as 0, not as none */
  assert_stored (store, "priority", "budget_cents", a, "integer:15");
  assert_stored (store, "priority", "budget_cents", b, "integer:0");
  assert_stored (store, "priority", "budget_cents", nth (store, VP_TYPE_PRIORITY, 0), "null:");
  g_assert_cmpint (
    vp_record_get_int64 (vp_store_lookup (store, vp_record_get_uuid (b)), "budget-cents"), ==, 0);
  assert_stored (store, "priority", "portfolio_holders", a,
                 "text:burgemeester Renkema\nwethouder Kuiper");
}

static void
test_round_trip_subtheme (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  g_autoptr (VpRecord) a
    = make (VP_TYPE_SUBTHEME, "priority", priority, "letter", "C", "title", "Zorgfraude",
            "ambition", "Fraude wordt eerder gezien.", "owner", "nijkerk", NULL);
  g_autoptr (VpRecord) b = make (VP_TYPE_SUBTHEME, "priority", priority, "letter", "D", "title",
                                 "Witwassen", "ambition", "", "owner", NULL, NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "subtheme", "owner", a, "text:nijkerk");
  assert_stored (store, "subtheme", "owner", b, "null:");
  assert_stored (store, "subtheme", "letter", a, "text:C");
}

static void
test_round_trip_goal (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  const char *subtheme = uuid_of (store, VP_TYPE_SUBTHEME, "letter", "A");
  g_autoptr (VpRecord) a
    = make (VP_TYPE_GOAL, "priority", priority, "subtheme", subtheme, "kind", VP_GOAL_KIND_YEAR,
            "text", "Vijf integrale controles in 2024.", "position", 3, "owner", "nijkerk", NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_GOAL, "priority", priority, "subtheme", NULL, "kind", VP_GOAL_KIND_STRATEGIC,
            "text", "Een weerbare samenleving.", "position", 0, "owner", NULL, NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "goal", "kind", a, "text:year");
  assert_stored (store, "goal", "kind", b, "text:strategic");
  assert_stored (store, "goal", "subtheme", b, "null:");
  assert_stored (store, "goal", "position", a, "integer:3");
}

static void
test_round_trip_action (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  const char *subtheme = uuid_of (store, VP_TYPE_SUBTHEME, "letter", "B");
  g_autoptr (VpRecord) a = make (
    VP_TYPE_ACTION, "priority", priority, "subtheme", subtheme, "text",
    "We houden vier overleggen met de ketenpartners.", "lead-kind", VP_LEAD_KIND_ORGANISATION,
    "lead", "politie", "lead-note", "wijkagent", "year", 2024, "quarter", VP_QUARTER_Q2,
    "planned-year", 2023, "planned-quarter", VP_QUARTER_Q4, "category", VP_CATEGORY_LOCAL, "owner",
    "nijkerk", "target", 4, "target-unit", "overleggen", "position", 7, NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_ACTION, "priority", priority, "subtheme", NULL, "text",
            "Iedere gemeente stelt een contactpersoon aan.", "lead-kind", VP_LEAD_KIND_EACH, "lead",
            NULL, "lead-note", "", "year", 0, "quarter", VP_QUARTER_NONE, "planned-year", 0,
            "planned-quarter", VP_QUARTER_NONE, "category", VP_CATEGORY_JOINT, "owner", NULL,
            "target", 0, "target-unit", "", "position", 8, NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "action", "lead_kind", a, "text:organisation");
  assert_stored (store, "action", "lead_kind", b, "text:each");
  assert_stored (store, "action", "category", a, "text:local");
  assert_stored (store, "action", "quarter", a, "integer:2");
  assert_stored (store, "action", "planned_quarter", a, "integer:4");
  assert_stored (store, "action", "quarter", b, "null:");
  assert_stored (store, "action", "year", b, "null:");
  assert_stored (store, "action", "target", a, "integer:4");
  assert_stored (store, "action", "target", b, "null:");
  assert_stored (store, "action", "lead", b, "null:");
  assert_stored (store, "action", "owner", a, "text:nijkerk");
  assert_stored (store, "action", "owner", b, "null:");
}

static void
test_round_trip_action_status (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *action = uuid_of (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autoptr (VpRecord) a
    = make (VP_TYPE_ACTION_STATUS, "action", action, "municipality", "nijkerk", "status",
            VP_STATUS_IN_PROGRESS, "achieved", 3, "note", "Drie van de vijf gedaan.", NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_ACTION_STATUS, "action", action, "municipality", "barneveld", "status",
            VP_STATUS_PLANNED, "achieved", 0, "note", "", NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "action_status", "status", a, "text:in-progress");
  assert_stored (store, "action_status", "status", b, "text:planned");
  assert_stored (store, "action_status", "achieved", a, "integer:3");
  assert_stored (store, "action_status", "achieved", b, "integer:0");
}

static void
test_round_trip_status_event (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *action = uuid_of (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autoptr (VpRecord) a
    = make (VP_TYPE_STATUS_EVENT, "action", action, "municipality", "nijkerk", "kind",
            VP_EVENT_KIND_STATUS, "from", "planned", "to", "in-progress", NULL);
  g_autoptr (VpRecord) b
    = make (VP_TYPE_STATUS_EVENT, "action", action, "municipality", "barneveld", "kind",
            VP_EVENT_KIND_QUARTER, "from", NULL, "to", "q3", NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "status_event", "kind", a, "text:status");
  assert_stored (store, "status_event", "kind", b, "text:quarter");
  assert_stored (store, "status_event", "from", b, "null:");
  assert_stored (store, "status_event", "to", a, "text:in-progress");
}

static void
test_round_trip_definition (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *plan = vp_record_get_uuid (nth (store, VP_TYPE_PLAN, 0));
  g_autoptr (VpRecord) a = make (
    VP_TYPE_DEFINITION, "plan", plan, "section", "Veilige wijken", "term", "High Impact Crimes",
    "text", "Woninginbraak, straatroof en overvallen.", "position", 2, "owner", "nijkerk", NULL);
  g_autoptr (VpRecord) b = make (VP_TYPE_DEFINITION, "plan", plan, "section", "", "term", "RIEC",
                                 "text", "", "position", 0, "owner", NULL, NULL);

  assert_round_trip (&store, a, b);
  assert_stored (store, "definition", "owner", a, "text:nijkerk");
  assert_stored (store, "definition", "owner", b, "null:");
  assert_stored (store, "definition", "section", b, "text:");
}

/* Stamps */

static void
test_stamps_clock (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpRecord *organisation = add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);

  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2024-03-01T09:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (organisation), ==, "nijkerk");
  assert_stored (store, "organisation", "modified_at", organisation,
                 "text:2024-03-01T09:00:00.000Z");
  assert_stored (store, "organisation", "modified_by", organisation, "text:nijkerk");

  /* the clock moves on */
  set_clock (store, "2024-06-30T17:45:12.345678Z");
  organisation
    = add (store, VP_TYPE_ORGANISATION, "code", "wageningen", "name", "Wageningen", NULL);
  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2024-06-30T17:45:12.345Z");

  /* a clock in another zone stamps in UTC */
  set_clock (store, "2024-07-01T11:00:00+02:00");
  organisation = add (store, VP_TYPE_ORGANISATION, "code", "renswoude", "name", "Renswoude", NULL);
  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2024-07-01T09:00:00.000Z");
}

static void
test_stamps_increasing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *last = g_strdup ("");
  VpRecord *first = add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", "kind",
                         VP_ORGANISATION_KIND_PARTNER, NULL);
  VpRecord *second = add (store, VP_TYPE_ORGANISATION, "code", "epe", "name", "Epe", "kind",
                          VP_ORGANISATION_KIND_PARTNER, NULL);

  /* the clock stands still: each change is a millisecond later */
  g_assert_cmpstr (vp_record_get_modified_at (first), ==, "2024-03-01T09:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_at (second), ==, "2024-03-01T09:00:00.001Z");
  g_assert_true (vp_store_update (store, first, &error, "name", "Gemeente Ede", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (first), ==, "2024-03-01T09:00:00.002Z");

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("gemeente-%d", i);
      VpRecord *record = add (store, VP_TYPE_ORGANISATION, "code", code, "name", code, "kind",
                              VP_ORGANISATION_KIND_PARTNER, NULL);

      g_assert_cmpstr (vp_record_get_modified_at (record), >, last);
      g_free (last);
      last = g_strdup (vp_record_get_modified_at (record));
    }
  g_assert_cmpstr (last, ==, "2024-03-01T09:00:00.042Z");

  /* a clock set back does not make a change older than the one before */
  set_clock (store, "2024-03-01T08:00:00Z");
  second = add (store, VP_TYPE_ORGANISATION, "code", "putten", "name", "Putten", "kind",
                VP_ORGANISATION_KIND_PARTNER, NULL);
  g_assert_cmpstr (vp_record_get_modified_at (second), >, last);
}

static void
test_stamps_keep (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (VpRecord) organisation
    = make (VP_TYPE_ORGANISATION, "code", "politie", "name", "Politie", "kind",
            VP_ORGANISATION_KIND_PARTNER, "modified-at", "2023-05-05T12:00:00.000Z", "modified-by",
            "barneveld", NULL);
  g_autoptr (VpRecord) draft = NULL;
  VpRecord *loaded;

  g_assert_true (vp_store_insert (store, organisation, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2023-05-05T12:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (organisation), ==, "barneveld");
  assert_stored (store, "organisation", "modified_at", organisation,
                 "text:2023-05-05T12:00:00.000Z");
  assert_stored (store, "organisation", "modified_by", organisation, "text:barneveld");

  /* an imported change keeps its stamps too */
  draft = vp_record_copy (organisation);
  g_object_set (draft, "name", "Politie Midden-Nederland", "modified-at",
                "2023-06-01T10:00:00.000Z", NULL);
  g_assert_true (vp_store_replace (store, organisation, draft, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2023-06-01T10:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (organisation), ==, "barneveld");
  assert_stored (store, "organisation", "modified_at", organisation,
                 "text:2023-06-01T10:00:00.000Z");

  /* and a change made here is ours, now */
  g_clear_object (&draft);
  draft = vp_record_copy (organisation);
  g_object_set (draft, "name", "Politie", NULL);
  g_assert_true (vp_store_replace (store, organisation, draft, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (organisation), ==, "2024-03-01T09:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (organisation), ==, "nijkerk");

  reopen (&store);
  loaded = VP_RECORD (vp_store_lookup_organisation (store, "politie"));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (vp_record_get_modified_at (loaded), ==, "2024-03-01T09:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (loaded), ==, "nijkerk");
}

/* Updates */

static void
test_update_notify (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autofree char *stamp = g_strdup (vp_record_get_modified_at (action));
  GPtrArray *names = watch_notify (action);
  g_autofree char *got = NULL;

  /* target stays 5, text and quarter change */
  g_assert_cmpint (vp_action_get_target (VP_ACTION (action)), ==, 5);
  g_assert_true (vp_store_update (store, action, &error, "text", "We organiseren zes controles.",
                                  "target", 5, "quarter", VP_QUARTER_Q2, NULL));
  g_assert_no_error (error);
  got = notified (names);
  g_assert_cmpstr (got, ==, "modified-at,quarter,text");
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, "We organiseren zes controles.");
  g_assert_cmpint (vp_action_get_quarter (VP_ACTION (action)), ==, VP_QUARTER_Q2);
  g_assert_cmpstr (vp_record_get_modified_at (action), >, stamp);
  g_assert_cmpstr (vp_record_get_modified_by (action), ==, "nijkerk");

  unwatch_notify (action, names);
}

static void
test_update_after_commit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_BIBOB);
  GPtrArray *names = watch_notify (action);
  g_autofree char *got = NULL;
  g_autofree char *in_db = NULL;

  g_assert_true (vp_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_update (store, action, &error, "lead-note", "Bibob-coördinator", NULL));
  g_assert_no_error (error);

  /* not yet: neither the object nor, for others, the file */
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (action)), ==, "Bibob-medewerker");
  g_assert_cmpuint (names->len, ==, 0);
  in_db
    = db_text (path, "SELECT lead_note FROM action WHERE uuid = ?1", vp_record_get_uuid (action));
  g_assert_cmpstr (in_db, ==, "Bibob-medewerker");

  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (action)), ==, "Bibob-coördinator");
  got = notified (names);
  g_assert_cmpstr (got, ==, "lead-note,modified-at");
  g_free (in_db);
  in_db
    = db_text (path, "SELECT lead_note FROM action WHERE uuid = ?1", vp_record_get_uuid (action));
  g_assert_cmpstr (in_db, ==, "Bibob-coördinator");

  unwatch_notify (action, names);
}

static void
test_update_rollback (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  VpRecord *priority = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  GPtrArray *names = watch_notify (priority);

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_update (store, priority, &error, "title", "Recreatieparken",
                                  "budget-cents", (gint64) 500000, NULL));
  g_assert_no_error (error);
  vp_store_rollback (store);

  g_assert_cmpstr (vp_priority_get_title (VP_PRIORITY (priority)), ==, PRIORITY_2);
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, VP_BUDGET_NONE);
  g_assert_cmpuint (names->len, ==, 0);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);

  unwatch_notify (priority, names);
}

static void
test_update_persisted (void)
{
  const char *holders[] = { "burgemeester Renkema", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpRecord *priority = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (priority));
  g_autoptr (VpRecord) expected = NULL;

  set_clock (store, "2024-04-02T14:30:00Z");
  g_assert_true (vp_store_update (store, priority, &error, "ambition", "Een weerbare regio.",
                                  "portfolio-holders", holders, "budget-cents", (gint64) 1250050,
                                  "scope", VP_SCOPE_LOCAL, "owner", "nijkerk", NULL));
  g_assert_no_error (error);
  expected = vp_record_copy (priority);

  reopen (&store);
  priority = vp_store_lookup (store, uuid);
  g_assert_nonnull (priority);
  g_assert_true (vp_record_fields_equal (priority, expected));
  g_assert_cmpstr (vp_record_get_string (priority, "ambition"), ==, "Een weerbare regio.");
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, 1250050);
  g_assert_cmpstr (vp_record_get_modified_at (priority), ==, "2024-04-02T14:30:00.000Z");
}

/* Another program (a second window, a script) changes the file */

#define OTHER_STAMP "2024-03-01T10:00:00.000Z"

/* Another program changed the row of @record on disk since it was loaded. */
static void
change_elsewhere (VpStore *store, VpRecord *record, const char *column, const char *value)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE \"%s\" SET \"%s\" = '%s', modified_at = '%s', modified_by = 'barneveld' "
    "WHERE uuid = '%s'",
    VP_RECORD_GET_CLASS (record)->table, column, value, OTHER_STAMP, vp_record_get_uuid (record));

  db_exec (vp_store_get_path (store), sql);
}

/* Like a stale update, a stale delete is refused: the other program's
 * change stays, and so does the record here. */
static void
test_stale_delete (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_BIBOB);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (action));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;

  change_elsewhere (store, action, "lead_note", "Team Veiligheid");
  before = vp_test_dump_file (path);

  g_assert_false (vp_store_delete (store, action, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_true (vp_store_lookup (store, uuid) == action);
  after = vp_test_dump_file (path);
  g_assert_cmpstr (after, ==, before);
  note = db_text (path, "SELECT lead_note FROM action WHERE uuid = ?1", uuid);
  g_assert_cmpstr (note, ==, "Team Veiligheid");

  /* once the plan is opened again, it is the other program's version that
   * is deleted */
  reopen (&store);
  action = vp_store_lookup (store, uuid);
  g_clear_error (&error);
  g_assert_true (vp_store_delete (store, action, &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_lookup (store, uuid));
}

static void
assert_stale_status_message (const GError *error)
{
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_nonnull (strstr (error->message, "open it again"));
}

/* A status set meanwhile by another program, on a status set here before
 * and on one that was not: the message says what happened. */
static void
test_stale_status (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  VpAction *controls = VP_ACTION (find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS));
  VpAction *bibob = VP_ACTION (find (store, VP_TYPE_ACTION, "text", ACTION_BIBOB));
  VpActionStatus *status;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *insert = NULL;

  g_assert_true (
    vp_store_set_status (store, controls, "nijkerk", VP_STATUS_IN_PROGRESS, 1, NULL, &error));
  g_assert_no_error (error);
  status = vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (controls)), "nijkerk");
  change_elsewhere (store, VP_RECORD (status), "status", "done");
  insert = g_strdup_printf ("INSERT INTO action_status (uuid, action, municipality, status, "
                            "modified_at, modified_by) VALUES ('%s', '%s', 'nijkerk', 'done', "
                            "'%s', 'nijkerk')",
                            MISSING_UUID, vp_record_get_uuid (VP_RECORD (bibob)), OTHER_STAMP);
  db_exec (path, insert);
  before = vp_test_dump_file (path);

  g_assert_false (
    vp_store_set_status (store, controls, "nijkerk", VP_STATUS_POSTPONED, 1, NULL, &error));
  assert_stale_status_message (error);
  g_clear_error (&error);
  g_assert_false (
    vp_store_set_status (store, bibob, "nijkerk", VP_STATUS_IN_PROGRESS, 0, NULL, &error));
  assert_stale_status_message (error);

  after = vp_test_dump_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_IN_PROGRESS);
  g_assert_null (vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (bibob)), "nijkerk"));
}

/* Rules of the plan */

static void
assert_refused (VpStore *store, VpRecord *record)
{
  g_autoptr (GError) error = NULL;
  GType type = G_OBJECT_TYPE (record);
  guint count = vp_store_count (store, type);
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;

  g_assert_false (vp_store_insert (store, record, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (vp_store_count (store, type), ==, count);
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (record)));
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
}

static void
test_invalid_foreign_key (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", MISSING_UUID, "text", "Zwevende actie.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);
  g_autoptr (VpRecord) unknown_lead
    = make (VP_TYPE_ACTION, "priority", priority, "text", "Actie van niemand.", "lead-kind",
            VP_LEAD_KIND_ORGANISATION, "lead", "atlantis", "category", VP_CATEGORY_JOINT, NULL);
  g_autoptr (VpRecord) unknown_subtheme = make (
    VP_TYPE_ACTION, "priority", priority, "subtheme", MISSING_UUID, "text", "Actie zonder thema.",
    "lead-kind", VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);

  assert_refused (store, orphan);
  assert_refused (store, unknown_lead);
  assert_refused (store, unknown_subtheme);
}

static void
test_invalid_check (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  const char *plan = vp_record_get_uuid (nth (store, VP_TYPE_PLAN, 0));
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  g_autoptr (VpRecord) far_future
    = make (VP_TYPE_ACTION, "priority", priority, "text", "Te laat.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, "year", 3000, NULL);
  g_autoptr (VpRecord) untitled = make (VP_TYPE_PRIORITY, "plan", plan, "number", 3, "title", "",
                                        "scope", VP_SCOPE_JOINT, "colour", "#3584e4", NULL);
  g_autoptr (VpRecord) lead_missing
    = make (VP_TYPE_ACTION, "priority", priority, "text", "Zonder trekker.", "lead-kind",
            VP_LEAD_KIND_ORGANISATION, "category", VP_CATEGORY_JOINT, NULL);
  g_autoptr (VpRecord) bad_colour = make (VP_TYPE_PRIORITY, "plan", plan, "number", 3, "title",
                                          "Kleurloos", "colour", "red", NULL);

  assert_refused (store, far_future);
  assert_refused (store, untitled);
  assert_refused (store, lead_missing);
  assert_refused (store, bad_colour);
}

static void
test_invalid_duplicate (void)
{
  g_autoptr (VpStore) store = small_plan_store ();
  g_autoptr (VpRecord) twin
    = make (VP_TYPE_ORGANISATION, "code", "nijkerk", "name", "Nijkerk (nog een keer)", NULL);
  VpOrganisation *nijkerk = vp_store_lookup_organisation (store, "nijkerk");

  assert_refused (store, twin);
  g_assert_true (vp_store_lookup_organisation (store, "nijkerk") == nijkerk);
  g_assert_cmpstr (vp_organisation_get_name (nijkerk), ==, "Nijkerk");
}

/* Deleting */

static void
assert_counts (VpStore *store, const char *table, GType type, guint expected)
{
  g_assert_cmpuint (vp_store_count (store, type), ==, expected);
  g_assert_cmpint (db_count (vp_store_get_path (store), table), ==, expected);
}

static void
test_delete_cascade (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpRecord *joint = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  VpRecord *local = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  add (store, VP_TYPE_GOAL, "priority", vp_record_get_uuid (joint), "subtheme",
       uuid_of (store, VP_TYPE_SUBTHEME, "letter", "A"), "kind", VP_GOAL_KIND_YEAR, "text",
       "Vijf controles.", NULL);
  add (store, VP_TYPE_GOAL, "priority", vp_record_get_uuid (local), "kind", VP_GOAL_KIND_STRATEGIC,
       "text", "Veilige parken.", NULL);
  add (store, VP_TYPE_ACTION_STATUS, "action", vp_record_get_uuid (action), "municipality",
       "nijkerk", "status", VP_STATUS_DONE, "achieved", 5, NULL);
  add (store, VP_TYPE_STATUS_EVENT, "action", vp_record_get_uuid (action), "municipality",
       "nijkerk", "kind", VP_EVENT_KIND_STATUS, "from", "planned", "to", "done", NULL);

  assert_counts (store, "subtheme", VP_TYPE_SUBTHEME, 2);
  assert_counts (store, "goal", VP_TYPE_GOAL, 2);
  assert_counts (store, "action", VP_TYPE_ACTION, 4);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (actions, i);

      if (g_strcmp0 (vp_action_get_priority (VP_ACTION (record)), vp_record_get_uuid (joint)) == 0)
        g_ptr_array_add (gone, g_strdup (vp_record_get_uuid (record)));
    }
  g_assert_cmpuint (gone->len, ==, 3);
  g_ptr_array_add (gone, g_strdup (vp_record_get_uuid (joint)));

  g_assert_true (vp_store_delete (store, joint, &error));
  g_assert_no_error (error);

  assert_counts (store, "priority", VP_TYPE_PRIORITY, 1);
  assert_counts (store, "subtheme", VP_TYPE_SUBTHEME, 0);
  assert_counts (store, "goal", VP_TYPE_GOAL, 1);
  assert_counts (store, "action", VP_TYPE_ACTION, 1);
  assert_counts (store, "action_status", VP_TYPE_ACTION_STATUS, 0);
  assert_counts (store, "status_event", VP_TYPE_STATUS_EVENT, 0);
  for (guint i = 0; i < gone->len; i++)
    g_assert_null (vp_store_lookup (store, g_ptr_array_index (gone, i)));
  g_assert_true (nth (store, VP_TYPE_PRIORITY, 0) == local);
  g_assert_cmpstr (vp_action_get_priority (VP_ACTION (nth (store, VP_TYPE_ACTION, 0))), ==,
                   vp_record_get_uuid (local));

  /* and so it is read back */
  reopen (&store);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PRIORITY), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_SUBTHEME), ==, 0);
}

static void
test_delete_subtheme (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  VpRecord *drugs = find (store, VP_TYPE_SUBTHEME, "letter", "A");
  g_autofree char *drugs_uuid = g_strdup (vp_record_get_uuid (drugs));
  const char *trafficking = uuid_of (store, VP_TYPE_SUBTHEME, "letter", "B");
  VpRecord *controls = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  VpRecord *bibob = find (store, VP_TYPE_ACTION, "text", ACTION_BIBOB);
  VpRecord *goal
    = add (store, VP_TYPE_GOAL, "priority", vp_action_get_priority (VP_ACTION (controls)),
           "subtheme", drugs_uuid, "kind", VP_GOAL_KIND_YEAR, "text", "Controles.", NULL);
  g_autofree char *stamp = g_strdup (vp_record_get_modified_at (controls));
  GPtrArray *names = watch_notify (controls);
  g_autofree char *got = NULL;

  g_assert_cmpint (db_int (path, "SELECT count(*) FROM action WHERE subtheme = ?1", drugs_uuid), ==,
                   2);
  g_assert_true (vp_store_delete (store, drugs, &error));
  g_assert_no_error (error);

  /* the actions stay, without their sub-theme */
  assert_counts (store, "action", VP_TYPE_ACTION, 4);
  assert_counts (store, "subtheme", VP_TYPE_SUBTHEME, 1);
  assert_counts (store, "goal", VP_TYPE_GOAL, 1);
  g_assert_null (vp_store_lookup (store, drugs_uuid));
  g_assert_null (vp_action_get_subtheme (VP_ACTION (controls)));
  g_assert_null (vp_action_get_subtheme (VP_ACTION (bibob)));
  g_assert_null (vp_record_get_string (goal, "subtheme"));
  g_assert_cmpint (db_int (path,
                           "SELECT count(*) FROM action WHERE subtheme IS NULL AND priority = ?1",
                           vp_action_get_priority (VP_ACTION (controls))),
                   ==, 2);
  g_assert_cmpint (db_int (path, "SELECT count(*) FROM goal WHERE subtheme IS NULL", NULL), ==, 1);
  got = notified (names);
  g_assert_cmpstr (got, ==, "subtheme");
  g_assert_cmpstr (vp_record_get_modified_at (controls), ==, stamp);

  /* the other sub-theme's action kept it */
  g_assert_cmpstr (
    vp_record_get_string (find (store, VP_TYPE_ACTION, "subtheme", trafficking), "subtheme"), ==,
    trafficking);
  g_assert_cmpint (db_int (path, "SELECT count(*) FROM action WHERE subtheme = ?1", trafficking),
                   ==, 1);

  unwatch_notify (controls, names);
}

static void
test_delete_organisation_in_use (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpOrganisation *nijkerk = vp_store_lookup_organisation (store, "nijkerk");
  VpOrganisation *scherpenzeel = vp_store_lookup_organisation (store, "scherpenzeel");
  g_autofree char *scherpenzeel_uuid = g_strdup (vp_record_get_uuid (VP_RECORD (scherpenzeel)));
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;

  /* the plan's owner */
  g_assert_false (vp_store_delete (store, VP_RECORD (nijkerk), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (vp_store_lookup_organisation (store, "nijkerk") == nijkerk);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (VP_RECORD (nijkerk)))
                 == VP_RECORD (nijkerk));
  assert_counts (store, "organisation", VP_TYPE_ORGANISATION, 4);
  assert_counts (store, "plan", VP_TYPE_PLAN, 1);

  /* one that nothing refers to goes (by its own municipality's word) */
  g_assert_true (
    vp_store_delete_full (store, VP_RECORD (scherpenzeel), NULL, "scherpenzeel", &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_lookup_organisation (store, "scherpenzeel"));
  g_assert_null (vp_store_lookup (store, scherpenzeel_uuid));
  assert_counts (store, "organisation", VP_TYPE_ORGANISATION, 3);
}

/* Transactions */

static void
test_transaction_rollback (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr (VpRecord) ede = make (VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  g_autoptr (VpRecord) epe = make (VP_TYPE_ORGANISATION, "code", "epe", "name", "Epe", NULL);

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_insert (store, ede, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_true (vp_store_insert (store, epe, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 4);
  vp_store_rollback (store);

  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 4);
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (ede)));
  g_assert_null (vp_store_lookup_organisation (store, "epe"));
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);

  /* the store works on after a rollback */
  g_assert_true (vp_store_insert (store, ede, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 5);
}

static void
test_transaction_rollback_after_failure (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr (VpRecord) ede = make (VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", MISSING_UUID, "text", "Zwevende actie.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_insert (store, ede, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (vp_store_insert (store, orphan, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  vp_store_rollback (store);

  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 4);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 4);
  g_assert_null (vp_store_lookup_organisation (store, "ede"));
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (orphan)));
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
}

static void
test_transaction_commit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  g_autoptr (VpRecord) ede = make (VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  g_autoptr (VpRecord) epe = make (VP_TYPE_ORGANISATION, "code", "epe", "name", "Epe", NULL);
  GListModel *list = vp_store_get_records (store, VP_TYPE_ORGANISATION);

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_insert (store, ede, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_true (vp_store_insert (store, epe, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);

  /* nothing shows before the commit, here or to other readers of the file */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (ede)));
  g_assert_cmpint (db_count (path, "organisation"), ==, 4);

  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (ede)) == ede);
  g_assert_true (VP_RECORD (vp_store_lookup_organisation (store, "epe")) == epe);
  g_assert_cmpint (db_count (path, "organisation"), ==, 6);

  reopen (&store);
  g_assert_nonnull (vp_store_lookup_organisation (store, "ede"));
  g_assert_nonnull (vp_store_lookup_organisation (store, "epe"));
}

/* A write that fails inside the caller's transaction leaves the objects
 * as it leaves the database: a later commit applies only what was written
 * (no record the database does not have, none missing that it has). */
static void
test_transaction_commit_after_failure (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *path = vp_store_get_path (store);
  g_autoptr (VpRecord) ede = make (VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", MISSING_UUID, "text", "Zwevende actie.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);
  VpOrganisation *nijkerk = vp_store_lookup_organisation (store, "nijkerk");

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_insert (store, ede, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (vp_store_insert (store, orphan, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_store_delete (store, VP_RECORD (nijkerk), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);

  /* what was written shows; what failed does not */
  assert_counts (store, "organisation", VP_TYPE_ORGANISATION, 5);
  g_assert_nonnull (vp_store_lookup_organisation (store, "ede"));
  g_assert_true (vp_store_lookup_organisation (store, "nijkerk") == nijkerk);
  assert_counts (store, "action", VP_TYPE_ACTION, 4);
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (orphan)));
  g_assert_cmpint (
    db_int (path, "SELECT count(*) FROM action WHERE uuid = ?1", vp_record_get_uuid (orphan)), ==,
    0);
}

/* Two updates of one record in one transaction: the second starts from
 * the first, so neither change is lost, in the database or the object. */
static void
test_transaction_two_updates (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpRecord *priority = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (priority));

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_update (store, priority, &error, "title", "Recreatieparken", NULL));
  g_assert_true (vp_store_update (store, priority, &error, "budget-cents", (gint64) 750000, NULL));
  g_assert_no_error (error);
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (vp_priority_get_title (VP_PRIORITY (priority)), ==, "Recreatieparken");
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, 750000);
  reopen (&store);
  priority = vp_store_lookup (store, uuid);
  g_assert_cmpstr (vp_priority_get_title (VP_PRIORITY (priority)), ==, "Recreatieparken");
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, 750000);
}

/* Home municipality */

static void
test_home_new (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = open_store (path);
  g_autofree char *code = NULL;

  g_assert_null (vp_store_get_home_municipality (store));
  g_assert_null (vp_store_get_home_municipality_name (store));
  g_object_get (store, "home-municipality", &code, NULL);
  g_assert_null (code);
  g_assert_cmpint (db_count (path, "meta"), ==, 0);
}

static void
test_home_set (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = open_store (path);
  g_autofree char *stored_code = NULL;
  GPtrArray *names = watch_notify (store);

  g_assert_true (vp_store_set_home_municipality (store, "  Den Helder ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "den-helder");
  g_assert_cmpstr (vp_store_get_home_municipality_name (store), ==, "Den Helder");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "home-municipality");
  unwatch_notify (store, names);
  stored_code = db_text (path, "SELECT value FROM meta WHERE key = ?1", "home_municipality");
  g_assert_cmpstr (stored_code, ==, "den-helder");

  reopen (&store);
  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "den-helder");
  g_assert_cmpstr (vp_store_get_home_municipality_name (store), ==, "Den Helder");

  /* changes are stamped by the home municipality */
  {
    VpRecord *texel = add (store, VP_TYPE_ORGANISATION, "code", "texel", "name", "Texel", NULL);

    g_assert_cmpstr (vp_record_get_modified_by (texel), ==, "den-helder");
  }

  /* once the municipality is an organisation, its name is that one's */
  add (store, VP_TYPE_ORGANISATION, "code", "den-helder", "name", "Gemeente Den Helder", NULL);
  g_assert_cmpstr (vp_store_get_home_municipality_name (store), ==, "Gemeente Den Helder");
}

static void
test_home_blank (void)
{
  const char *blanks[] = { "  ", "", "\t\n", "—", "’ ’" };
  g_autoptr (VpStore) store = vp_test_store_new ();
  const char *path = vp_store_get_path (store);

  for (gsize i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *stored_code = NULL;

      g_assert_false (vp_store_set_home_municipality (store, blanks[i], &error));
      g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
      g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "nijkerk");
      g_assert_cmpstr (vp_store_get_home_municipality_name (store), ==, "Nijkerk");
      stored_code = db_text (path, "SELECT value FROM meta WHERE key = ?1", "home_municipality");
      g_assert_cmpstr (stored_code, ==, "nijkerk");
    }
}

static void
test_home_make_code (void)
{
  static const struct
  {
    const char *name;
    const char *code;
  } cases[] = {
    { "Nijkerk", "nijkerk" },
    { "Den Helder", "den-helder" },
    { "’s-Hertogenbosch", "s-hertogenbosch" },
    { "Súdwest-Fryslân", "sudwest-fryslan" },
    { "Bergen (NH)", "bergen-nh" },
    { "  Alphen aan den Rijn  ", "alphen-aan-den-rijn" },
    { "Politie Oost-Nederland", "politie-oost-nederland" },
    { "Veiligheidsregio 11", "veiligheidsregio-11" },
    { "—", "" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = vp_make_code (cases[i].name);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

/* Lookup and order */

static void
assert_lookups (VpStore *store)
{
  GType types[] = { VP_TYPE_ORGANISATION, VP_TYPE_PLAN,   VP_TYPE_PRIORITY,
                    VP_TYPE_SUBTHEME,     VP_TYPE_ACTION, VP_TYPE_DEFINITION };
  VpOrganisation *politie = vp_store_lookup_organisation (store, "politie");

  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *list = vp_store_get_records (store, types[t]);

      g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

          g_assert_true (vp_store_lookup (store, vp_record_get_uuid (record)) == record);
        }
    }
  g_assert_nonnull (politie);
  g_assert_cmpstr (vp_organisation_get_name (politie), ==, "Politie");
  g_assert_cmpint (vp_organisation_get_kind (politie), ==, VP_ORGANISATION_KIND_PARTNER);
  g_assert_cmpstr (vp_organisation_get_name (vp_store_lookup_organisation (store, "barneveld")), ==,
                   "Barneveld");
  g_assert_null (vp_store_lookup_organisation (store, "Politie"));
  g_assert_null (vp_store_lookup_organisation (store, "utrecht"));
  g_assert_null (vp_store_lookup_organisation (store, NULL));
  g_assert_null (vp_store_lookup (store, MISSING_UUID));
  g_assert_null (vp_store_lookup (store, NULL));
  /* codes and uuids are separate keys */
  g_assert_null (vp_store_lookup (store, "politie"));
  g_assert_null (vp_store_lookup_organisation (store, vp_record_get_uuid (VP_RECORD (politie))));
}

static void
test_lookup (void)
{
  g_autoptr (VpStore) store = small_plan_store ();

  assert_lookups (store);
  reopen (&store);
  assert_lookups (store);
}

/* Read from the file, the actions of one priority hold one copy of its
 * UUID, while each keeps its own text; and a record stays found by its
 * UUID after every change (the index's key is the record's own string). */
static void
test_lookup_shared_strings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  VpRecord *a = NULL;
  VpRecord *b = NULL;
  g_autofree char *uuid = NULL;

  add (store, VP_TYPE_ACTION, "priority", priority, "text", "Eerste.", "lead-kind",
       VP_LEAD_KIND_EACH, "lead-note", "", "position", 90, NULL);
  add (store, VP_TYPE_ACTION, "priority", priority, "text", "Eerste.", "lead-kind",
       VP_LEAD_KIND_EACH, "lead-note", "", "position", 91, NULL);
  reopen (&store);
  for (guint i = 0; i < vp_store_count (store, VP_TYPE_ACTION); i++)
    {
      VpRecord *action = nth (store, VP_TYPE_ACTION, i);

      if (vp_record_get_int (action, "position") == 90)
        a = action;
      else if (vp_record_get_int (action, "position") == 91)
        b = action;
    }
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (vp_action_get_priority (VP_ACTION (a)), ==,
                   vp_action_get_priority (VP_ACTION (b)));
  g_assert_true (vp_action_get_priority (VP_ACTION (a)) == vp_action_get_priority (VP_ACTION (b)));
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (a)), ==, vp_action_get_text (VP_ACTION (b)));
  g_assert_true (vp_action_get_text (VP_ACTION (a)) != vp_action_get_text (VP_ACTION (b)));
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (a)), ==, "");

  uuid = g_strdup (vp_record_get_uuid (a));
  set_clock (store, "2024-04-02T14:30:00Z");
  g_assert_true (vp_store_update (store, a, &error, "text", "Anders.", NULL));
  g_assert_no_error (error);
  g_assert_true (vp_store_lookup (store, uuid) == a);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (b)) == b);
  g_assert_true (vp_store_delete (store, a, &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_lookup (store, uuid));
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (b)) == b);
}

/* An organisation's code is its identity across databases: changing it
 * is refused, and nothing changes, in memory or in the file. */
static void
test_lookup_organisation_code_change (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  VpOrganisation *politie = vp_store_lookup_organisation (store, "politie");
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;

  g_assert_false (vp_store_update (store, VP_RECORD (politie), &error, "code", "politie-on", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpstr (vp_organisation_get_code (politie), ==, "politie");
  g_assert_true (vp_store_lookup_organisation (store, "politie") == politie);
  g_assert_null (vp_store_lookup_organisation (store, "politie-on"));
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (before, ==, after);

  /* Its name may change. */
  g_clear_error (&error);
  g_assert_true (
    vp_store_update (store, VP_RECORD (politie), &error, "name", "Politie Oost-Nederland", NULL));
  g_assert_no_error (error);
  reopen (&store);
  g_assert_cmpstr (vp_organisation_get_name (vp_store_lookup_organisation (store, "politie")), ==,
                   "Politie Oost-Nederland");
}

/* Records added out of order: priorities 3, 1, 2; sub-themes C, A, B;
 * actions at positions 2, 0, 1. */
static void
add_unordered (VpStore *store)
{
  const char *plan
    = vp_record_get_uuid (add (store, VP_TYPE_PLAN, "title", "UVP 2025", "first-year", 2025,
                               "last-year", 2025, "owner", "ede", NULL));
  VpRecord *third = NULL;
  VpRecord *first = NULL;

  third = add (store, VP_TYPE_PRIORITY, "plan", plan, "number", 3, "title", "Drie", "colour",
               "#3584e4", NULL);
  first = add (store, VP_TYPE_PRIORITY, "plan", plan, "number", 1, "title", "Een", "colour",
               "#3584e4", NULL);
  add (store, VP_TYPE_PRIORITY, "plan", plan, "number", 2, "title", "Twee", "colour", "#3584e4",
       NULL);
  add (store, VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (first), "letter", "C", "title",
       "Cee", NULL);
  add (store, VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (first), "letter", "A", "title",
       "Aa", NULL);
  add (store, VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (first), "letter", "B", "title",
       "Bee", NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (third), "text", "Derde", "lead-kind",
       VP_LEAD_KIND_JOINT, "position", 2, NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (third), "text", "Eerste", "lead-kind",
       VP_LEAD_KIND_JOINT, "position", 0, NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (third), "text", "Tweede", "lead-kind",
       VP_LEAD_KIND_JOINT, "position", 1, NULL);
}

static char *
list_texts (VpStore *store, GType type, const char *field)
{
  GListModel *list = vp_store_get_records (store, type);
  g_autoptr (GString) texts = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

      g_string_append_printf (texts, "%s%s", i > 0 ? "," : "",
                              vp_record_get_string (record, field));
    }
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static void
assert_ordered (VpStore *store)
{
  g_autofree char *priorities = list_texts (store, VP_TYPE_PRIORITY, "title");
  g_autofree char *subthemes = list_texts (store, VP_TYPE_SUBTHEME, "letter");
  g_autofree char *actions = list_texts (store, VP_TYPE_ACTION, "text");

  g_assert_cmpstr (priorities, ==, "Een,Twee,Drie");
  g_assert_cmpstr (subthemes, ==, "A,B,C");
  g_assert_cmpstr (actions, ==, "Eerste,Tweede,Derde");
}

static VpStore *
order_store (void)
{
  VpStore *store = vp_test_store_new ();

  add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  add_unordered (store);
  return store;
}

static void
test_order_load (void)
{
  g_autoptr (VpStore) store = order_store ();

  reopen (&store);
  assert_ordered (store);
}

/* A new record takes its place in its list (by position, number or
 * letter), as vp_store_get_records() promises and as after loading. */
static void
test_order_insert (void)
{
  g_autoptr (VpStore) store = order_store ();

  assert_ordered (store);
}

/* Undo */

#define UNDO_DELETE_PRIORITY "Delete priority"

static GPtrArray *
record_types (void)
{
  GType types[] = {
    VP_TYPE_ORGANISATION,  VP_TYPE_PLAN,         VP_TYPE_PRIORITY,
    VP_TYPE_SUBTHEME,      VP_TYPE_GOAL,         VP_TYPE_ACTION,
    VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION,
  };
  GPtrArray *list = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_ptr_array_add (list, GSIZE_TO_POINTER (types[i]));
  return list;
}

/* Copies of every record of @store, list by list. */
static GPtrArray *
snapshot_records (VpStore *store)
{
  g_autoptr (GPtrArray) types = record_types ();
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < types->len; t++)
    {
      GListModel *list = vp_store_get_records (store, GPOINTER_TO_SIZE (types->pdata[t]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

          g_ptr_array_add (copies, vp_record_copy (record));
        }
    }
  return copies;
}

static guint
count_records (VpStore *store)
{
  g_autoptr (GPtrArray) types = record_types ();
  guint total = 0;

  for (guint t = 0; t < types->len; t++)
    total += vp_store_count (store, GPOINTER_TO_SIZE (types->pdata[t]));
  return total;
}

/* @store holds exactly the records of @snapshot, with their values (the
 * stamps aside), in its lists and in its file. */
static void
assert_records (VpStore *store, GPtrArray *snapshot)
{
  const char *path = vp_store_get_path (store);

  g_assert_cmpuint (count_records (store), ==, snapshot->len);
  for (guint i = 0; i < snapshot->len; i++)
    {
      VpRecord *expected = g_ptr_array_index (snapshot, i);
      VpRecord *record = vp_store_lookup (store, vp_record_get_uuid (expected));
      const char *table = VP_RECORD_GET_CLASS (expected)->table;
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE uuid = ?1", table);

      g_assert_nonnull (record);
      g_assert_true (G_OBJECT_TYPE (record) == G_OBJECT_TYPE (expected));
      g_assert_true (vp_record_fields_equal (record, expected));
      g_assert_cmpint (db_int (path, sql, vp_record_get_uuid (expected)), ==, 1);
    }
}

/* As assert_records(), and again as the file is read back. */
static void
assert_records_reopened (VpStore **store, GPtrArray *snapshot)
{
  assert_records (*store, snapshot);
  reopen (store);
  assert_records (*store, snapshot);
}

/* The record of @snapshot with @uuid. */
static VpRecord *
snapshot_lookup (GPtrArray *snapshot, const char *uuid)
{
  for (guint i = 0; i < snapshot->len; i++)
    {
      VpRecord *record = g_ptr_array_index (snapshot, i);

      if (g_strcmp0 (vp_record_get_uuid (record), uuid) == 0)
        return record;
    }
  g_assert_not_reached ();
}

static void
assert_same_stamps (VpRecord *record, VpRecord *expected)
{
  g_assert_cmpstr (vp_record_get_modified_at (record), ==, vp_record_get_modified_at (expected));
  g_assert_cmpstr (vp_record_get_modified_by (record), ==, vp_record_get_modified_by (expected));
}

/* The small plan, reopened: nothing to undo yet. */
static VpStore *
undo_store (void)
{
  VpStore *store = small_plan_store ();

  g_assert_true (vp_store_can_undo (store));
  reopen (&store);
  return store;
}

static void
undo (VpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vp_store_undo (store, &error));
  g_assert_no_error (error);
}

static void
test_undo_insert (void)
{
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  const char *priority = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  g_autofree char *uuid = NULL;
  VpRecord *action;

  vp_store_set_undo_label (store, "Add action");
  action
    = add (store, VP_TYPE_ACTION, "priority", priority, "text", "We houden een schouw.",
           "lead-kind", VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_LOCAL, "position", 1, NULL);
  uuid = g_strdup (vp_record_get_uuid (action));
  g_assert_true (vp_store_can_undo (store));
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Add action");
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 5);

  undo (store);
  g_assert_null (vp_store_lookup (store, uuid));
  g_assert_null (find (store, VP_TYPE_ACTION, "text", "We houden een schouw."));
  /* the undo is no step of its own */
  g_assert_null (vp_store_get_undo_label (store));

  /* a removed insert leaves no trace in the file */
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  assert_records_reopened (&store, snapshot);
  g_assert_null (vp_store_lookup (store, uuid));
}

/* An undone update is a change of its own: the old values, stamped now. */
typedef struct
{
  VpRecord *action;
  gboolean fail;
} TwoChanges;

/* Two changes of one edit, the second failing when asked to. */
static gboolean
two_changes (VpStore *store, gpointer data, GError **error)
{
  TwoChanges *changes = data;

  if (!vp_store_update (store, changes->action, error, "text", "Eerste wijziging.", NULL))
    return FALSE;
  if (changes->fail)
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, "Refused");
      return FALSE;
    }
  return vp_store_update (store, changes->action, error, "year", 2025, NULL);
}

/* vp_store_run(): a compound edit is one transaction and one step to
 * undo; a failure in it writes nothing. */
static void
test_run (void)
{
  g_autoptr (VpStore) store = undo_store ();
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  TwoChanges changes = { action, TRUE };
  g_autoptr (GError) error = NULL;

  g_assert_false (vp_store_run (store, "Two changes", two_changes, &changes, &error));
  g_assert_nonnull (error);
  g_assert_false (vp_store_in_transaction (store));
  g_assert_false (vp_store_can_undo (store));
  g_assert_null (vp_store_get_undo_label (store));
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, ACTION_CONTROLS);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  changes.fail = FALSE;
  g_assert_true (vp_store_run (store, "Two changes", two_changes, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, "Eerste wijziging.");
  g_assert_cmpint (vp_action_get_year (VP_ACTION (action)), ==, 2025);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Two changes");
  undo (store);
  /* one step undoes both */
  g_assert_false (vp_store_can_undo (store));
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, ACTION_CONTROLS);
}

static void
test_undo_update (void)
{
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (action));
  g_autoptr (VpRecord) expected = vp_record_copy (action);
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;
  GPtrArray *names;

  set_clock (store, "2024-05-01T10:00:00Z");
  g_assert_true (vp_store_update (store, action, &error, "text", "We organiseren zes controles.",
                                  "quarter", VP_QUARTER_Q3, "target", 6, NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (action), ==, "2024-05-01T10:00:00.000Z");

  set_clock (store, "2024-05-02T08:30:00Z");
  names = watch_notify (action);
  undo (store);
  got = notified (names);
  g_assert_cmpstr (got, ==, "modified-at,quarter,target,text");
  unwatch_notify (action, names);
  g_assert_true (vp_store_lookup (store, uuid) == action);
  g_assert_true (vp_record_fields_equal (action, expected));
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, ACTION_CONTROLS);
  g_assert_cmpstr (vp_record_get_modified_at (action), ==, "2024-05-02T08:30:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (action), ==, "nijkerk");

  assert_records_reopened (&store, snapshot);
  action = vp_store_lookup (store, uuid);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, ACTION_CONTROLS);
  g_assert_cmpint (vp_action_get_target (VP_ACTION (action)), ==, 5);
  g_assert_cmpstr (vp_record_get_modified_at (action), ==, "2024-05-02T08:30:00.000Z");
  assert_stored (store, "action", "modified_by", action, "text:nijkerk");
}

/* A partner's record changes only by its owner: undoing an import of its
 * change puts back the owner's version exactly, stamps and all. */
static void
test_undo_update_partner (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  const char *action = uuid_of (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autoptr (VpRecord) status
    = make (VP_TYPE_ACTION_STATUS, "action", action, "municipality", "barneveld", "status",
            VP_STATUS_IN_PROGRESS, "achieved", 1, "modified-at", "2024-02-01T12:00:00.000Z",
            "modified-by", "barneveld", NULL);
  g_autoptr (VpRecord) theirs = NULL;
  g_autoptr (VpRecord) expected = NULL;
  g_autofree char *uuid = NULL;
  VpRecord *record;

  g_assert_true (vp_store_insert (store, status, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  uuid = g_strdup (vp_record_get_uuid (status));
  expected = vp_record_copy (status);
  reopen (&store);
  record = vp_store_lookup (store, uuid);

  theirs = vp_record_copy (record);
  g_object_set (theirs, "status", VP_STATUS_DONE, "achieved", 5, "modified-at",
                "2024-04-01T12:00:00.000Z", NULL);
  g_assert_true (vp_store_replace (store, record, theirs, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_action_status_get_status (VP_ACTION_STATUS (record)), ==, VP_STATUS_DONE);

  set_clock (store, "2024-05-02T08:30:00Z");
  undo (store);
  g_assert_true (vp_record_fields_equal (record, expected));
  assert_same_stamps (record, expected);

  reopen (&store);
  record = vp_store_lookup (store, uuid);
  g_assert_true (vp_record_fields_equal (record, expected));
  assert_same_stamps (record, expected);
  assert_stored (store, "action_status", "modified_at", record, "text:2024-02-01T12:00:00.000Z");
}

/* The joint priority of the small plan with all that can hang from it:
 * goals, statuses and history of Nijkerk and of Barneveld (as imported,
 * with Barneveld's stamps), and references to its sub-themes from the
 * other priority. */
static void
add_priority_contents (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  const char *joint = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  const char *local = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  const char *a = uuid_of (store, VP_TYPE_SUBTHEME, "letter", "A");
  const char *b = uuid_of (store, VP_TYPE_SUBTHEME, "letter", "B");
  const char *controls = uuid_of (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autoptr (VpRecord) their_status = NULL;
  g_autoptr (VpRecord) their_event = NULL;

  add (store, VP_TYPE_GOAL, "priority", joint, "subtheme", a, "kind", VP_GOAL_KIND_YEAR, "text",
       "Vijf controles.", NULL);
  add (store, VP_TYPE_GOAL, "priority", joint, "kind", VP_GOAL_KIND_STRATEGIC, "text",
       "Een weerbare regio.", "position", 1, NULL);
  add (store, VP_TYPE_ACTION_STATUS, "action", controls, "municipality", "nijkerk", "status",
       VP_STATUS_IN_PROGRESS, "achieved", 2, "note", "Twee gehouden.", NULL);
  add (store, VP_TYPE_STATUS_EVENT, "action", controls, "municipality", "nijkerk", "kind",
       VP_EVENT_KIND_STATUS, "from", "planned", "to", "in-progress", NULL);
  their_status = make (VP_TYPE_ACTION_STATUS, "action", controls, "municipality", "barneveld",
                       "status", VP_STATUS_DONE, "achieved", 5, "modified-at",
                       "2024-02-10T10:00:00.000Z", "modified-by", "barneveld", NULL);
  their_event = make (VP_TYPE_STATUS_EVENT, "action", controls, "municipality", "barneveld", "kind",
                      VP_EVENT_KIND_STATUS, "from", "planned", "to", "done", "modified-at",
                      "2024-02-10T10:00:00.000Z", "modified-by", "barneveld", NULL);
  g_assert_true (vp_store_insert (store, their_status, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_true (vp_store_insert (store, their_event, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);

  /* from outside the priority: emptied (SET NULL), not deleted */
  add (store, VP_TYPE_GOAL, "priority", local, "subtheme", a, "kind", VP_GOAL_KIND_YEAR, "text",
       "Geen drugs op de parken.", NULL);
  add (store, VP_TYPE_ACTION, "priority", local, "subtheme", b, "text",
       "We controleren de huisvesting op de parken.", "lead-kind", VP_LEAD_KIND_JOINT, "category",
       VP_CATEGORY_LOCAL, "position", 1, NULL);
}

/* The UUIDs of @record and of the records that belong to it. */
static void
collect_family (VpStore *store, VpRecord *record, GHashTable *family)
{
  g_autoptr (GPtrArray) types = record_types ();

  g_hash_table_add (family, g_strdup (vp_record_get_uuid (record)));
  for (guint t = 0; t < types->len; t++)
    {
      GListModel *list = vp_store_get_records (store, GPOINTER_TO_SIZE (types->pdata[t]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) other = g_list_model_get_item (list, i);

          if (g_strcmp0 (vp_record_get_parent_uuid (other), vp_record_get_uuid (record)) == 0)
            collect_family (store, other, family);
        }
    }
}

/* After an undone delete: the re-created records are stamped now by us,
 * except Barneveld's status and the history, which keep theirs; all other
 * records (the relinked ones too) are as they were. */
static void
assert_delete_stamps (VpStore *store, GPtrArray *snapshot, GHashTable *family, const char *now)
{
  for (guint i = 0; i < snapshot->len; i++)
    {
      VpRecord *expected = g_ptr_array_index (snapshot, i);
      VpRecord *record = vp_store_lookup (store, vp_record_get_uuid (expected));
      gboolean theirs
        = VP_IS_ACTION_STATUS (record)
          && g_strcmp0 (vp_action_status_get_municipality (VP_ACTION_STATUS (record)), "nijkerk")
               != 0;

      if (g_hash_table_contains (family, vp_record_get_uuid (record)) && !theirs
          && !VP_IS_STATUS_EVENT (record))
        {
          g_assert_cmpstr (vp_record_get_modified_at (record), >=, now);
          g_assert_cmpstr (vp_record_get_modified_by (record), ==, "nijkerk");
        }
      else
        assert_same_stamps (record, expected);
    }
}

static void
test_undo_delete_priority (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autoptr (GHashTable) family = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *priorities = NULL;
  g_autofree char *subthemes = NULL;
  VpRecord *joint;

  add_priority_contents (store);
  reopen (&store);
  snapshot = snapshot_records (store);
  joint = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  uuid = g_strdup (vp_record_get_uuid (joint));
  collect_family (store, joint, family);
  /* the priority, 2 sub-themes, 2 goals, 3 actions, 2 statuses, 2 events */
  g_assert_cmpuint (g_hash_table_size (family), ==, 12);

  set_clock (store, "2024-05-01T10:00:00Z");
  vp_store_set_undo_label (store, UNDO_DELETE_PRIORITY);
  g_assert_true (vp_store_delete (store, joint, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (store), ==, snapshot->len - 12);
  g_assert_null (vp_record_get_string (
    find (store, VP_TYPE_GOAL, "text", "Geen drugs op de parken."), "subtheme"));
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, UNDO_DELETE_PRIORITY);

  set_clock (store, "2024-05-02T08:30:00Z");
  undo (store);
  assert_records (store, snapshot);
  assert_delete_stamps (store, snapshot, family, "2024-05-02T08:30:00.000Z");
  /* in their places in the lists */
  priorities = list_texts (store, VP_TYPE_PRIORITY, "title");
  g_assert_cmpstr (priorities, ==, PRIORITY_1 "," PRIORITY_2);
  subthemes = list_texts (store, VP_TYPE_SUBTHEME, "letter");
  g_assert_cmpstr (subthemes, ==, "A,B");
  g_assert_cmpstr (vp_record_get_string (
                     find (store, VP_TYPE_GOAL, "text", "Geen drugs op de parken."), "subtheme"),
                   ==, uuid_of (store, VP_TYPE_SUBTHEME, "letter", "A"));

  assert_records_reopened (&store, snapshot);
  assert_delete_stamps (store, snapshot, family, "2024-05-02T08:30:00.000Z");
  g_assert_cmpstr (vp_record_get_uuid (nth (store, VP_TYPE_PRIORITY, 0)), ==, uuid);
}

/* A deleted sub-theme comes back, and so do the references to it, as
 * they were: the SET NULL never stamped them. */
static void
test_undo_delete_subtheme (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  VpRecord *drugs = find (store, VP_TYPE_SUBTHEME, "letter", "A");
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (drugs));
  VpRecord *controls = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  VpRecord *bibob = find (store, VP_TYPE_ACTION, "text", ACTION_BIBOB);
  g_autofree char *expected = NULL;

  set_clock (store, "2024-05-01T10:00:00Z");
  g_assert_true (vp_store_delete (store, drugs, &error));
  g_assert_no_error (error);
  g_assert_null (vp_action_get_subtheme (VP_ACTION (controls)));
  g_assert_null (vp_action_get_subtheme (VP_ACTION (bibob)));

  set_clock (store, "2024-05-02T08:30:00Z");
  undo (store);
  drugs = vp_store_lookup (store, uuid);
  g_assert_nonnull (drugs);
  g_assert_cmpstr (vp_record_get_modified_at (drugs), ==, "2024-05-02T08:30:00.000Z");
  g_assert_cmpstr (vp_action_get_subtheme (VP_ACTION (controls)), ==, uuid);
  g_assert_cmpstr (vp_action_get_subtheme (VP_ACTION (bibob)), ==, uuid);
  assert_same_stamps (controls, snapshot_lookup (snapshot, vp_record_get_uuid (controls)));
  assert_same_stamps (bibob, snapshot_lookup (snapshot, vp_record_get_uuid (bibob)));

  assert_records_reopened (&store, snapshot);
  controls = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  expected = g_strconcat ("text:", uuid, NULL);
  assert_stored (store, "action", "subtheme", controls, expected);
}

/* A transaction of many writes, as an import makes, is one step. */
static void
test_undo_transaction (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  const char *local = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  g_assert_true (vp_store_begin (store, &error));
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *text = g_strdup_printf ("Actie %d.", i);
      g_autoptr (VpRecord) action
        = make (VP_TYPE_ACTION, "priority", local, "text", text, "lead-kind", VP_LEAD_KIND_JOINT,
                "category", VP_CATEGORY_LOCAL, "position", i + 1, NULL);

      g_assert_true (vp_store_insert (store, action, VP_STORE_WRITE_DEFAULT, &error));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (VpRecord) action = g_list_model_get_item (actions, i);

      g_assert_true (vp_store_update (store, action, &error, "lead-note", "Iemand", NULL));
      g_assert_true (vp_store_update (store, action, &error, "target-unit", "keer", NULL));
    }
  g_assert_true (vp_store_delete (store, find (store, VP_TYPE_SUBTHEME, "letter", "B"), &error));
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 304);

  undo (store);
  assert_records_reopened (&store, snapshot);
}

/* Without the undo stack (the command line's), a change is committed as
 * ever and leaves nothing to undo; turning the stack off empties it (a
 * step on it would be undone on a state it did not leave). */
static void
test_undo_not_kept (void)
{
  g_autoptr (VpStore) store = undo_store ();
  VpRecord *action = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (action));
  g_autoptr (GError) error = NULL;
  GPtrArray *names;

  vp_store_set_keeps_undo (store, FALSE);
  vp_store_set_undo_label (store, "Edit Action");
  g_assert_true (vp_store_update (store, action, &error, "target", 6, NULL));
  g_assert_no_error (error);
  g_assert_false (vp_store_can_undo (store));
  g_assert_null (vp_store_get_undo_label (store));

  vp_store_set_keeps_undo (store, TRUE);
  g_assert_true (vp_store_update (store, action, &error, "target", 7, NULL));
  g_assert_true (vp_store_can_undo (store));
  g_assert_true (vp_store_last_change_can_undo (store));
  names = watch_notify (store);
  vp_store_set_keeps_undo (store, FALSE);
  g_assert_false (vp_store_can_undo (store));
  g_assert_false (vp_store_last_change_can_undo (store));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "can-undo");
  unwatch_notify (store, names);
  g_assert_true (vp_store_update (store, action, &error, "target", 8, NULL));
  g_assert_false (vp_store_can_undo (store));
  g_assert_cmpint (vp_action_get_target (VP_ACTION (action)), ==, 8);

  /* every change is in the file */
  reopen (&store);
  action = vp_store_lookup (store, uuid);
  g_assert_cmpint (vp_action_get_target (VP_ACTION (action)), ==, 8);
}

static gint64
wal_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;

  return g_stat (wal, &buf) == 0 ? (gint64) buf.st_size : 0;
}

static char *
sent_base (const char *path, const char *uuid)
{
  return db_text (path,
                  "SELECT modified_at FROM sync_base WHERE partner = '" VP_STORE_SENT "'"
                  " AND uuid = ?1",
                  uuid);
}

/* What an export sent is noted per record: sending the same versions
 * again writes nothing to the file (the WAL stays empty: a weekly export
 * of an unchanged plan costs no disk writes), a newer version is noted,
 * an older one changes nothing. */
static void
test_note_sent (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = open_store (path);
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  GListModel *model;
  VpRecord *action;
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *still = NULL;
  g_autoptr (VpRecord) old_version = NULL;
  g_autoptr (GPtrArray) old_actions = g_ptr_array_new ();

  vp_test_add_small_plan (store);
  model = vp_store_get_records (store, VP_TYPE_ACTION);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (actions, g_list_model_get_item (model, i));
  action = g_ptr_array_index (actions, 0);
  uuid = g_strdup (vp_record_get_uuid (action));
  old_version = vp_record_copy (action);
  g_ptr_array_add (old_actions, old_version);
  g_assert_true (vp_store_note_sent (store, actions, &error));
  g_assert_no_error (error);
  before = sent_base (path, uuid);
  g_assert_cmpstr (before, ==, vp_record_get_modified_at (action));

  db_exec (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_cmpint (wal_size (path), ==, 0);
  g_assert_true (vp_store_note_sent (store, actions, &error));
  g_assert_cmpint (wal_size (path), ==, 0);

  set_clock (store, "2030-01-01T10:00:00Z");
  g_assert_true (vp_store_update (store, action, &error, "target", 9, NULL));
  g_assert_true (vp_store_note_sent (store, actions, &error));
  after = sent_base (path, uuid);
  g_assert_cmpstr (after, ==, "2030-01-01T10:00:00.000Z");

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (
    vp_store_set_sync_base (store, VP_STORE_SENT, uuid, "2024-01-01T00:00:00.000Z", &error));
  g_assert_true (vp_store_commit (store, &error));
  kept = sent_base (path, uuid);
  g_assert_cmpstr (kept, ==, "2030-01-01T10:00:00.000Z");

  /* an export of the older version (the plan as of a date) notes nothing */
  g_assert_cmpstr (vp_record_get_modified_at (old_version), <, "2030-01-01T10:00:00.000Z");
  g_assert_true (vp_store_note_sent (store, old_actions, &error));
  g_assert_no_error (error);
  still = sent_base (path, uuid);
  g_assert_cmpstr (still, ==, "2030-01-01T10:00:00.000Z");
}

/* The version a change here was built on (an exchange file's "base"): of
 * each record, the newest any partner sent, not what was sent to them. */
static void
test_taken_versions (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (VpStore) store = open_store (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) taken = NULL;
  const char *a = "11111111-1111-4111-8111-111111111111";
  const char *b = "22222222-2222-4222-8222-222222222222";

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (
    vp_store_set_sync_base (store, "barneveld", a, "2024-03-01T00:00:00.000Z", &error));
  g_assert_true (
    vp_store_set_sync_base (store, "scherpenzeel", a, "2024-05-01T00:00:00.000Z", &error));
  g_assert_true (
    vp_store_set_sync_base (store, "veenendaal", a, "2024-04-01T00:00:00.000Z", &error));
  g_assert_true (
    vp_store_set_sync_base (store, VP_STORE_SENT, a, "2024-06-01T00:00:00.000Z", &error));
  g_assert_true (
    vp_store_set_sync_base (store, VP_STORE_SENT, b, "2024-06-01T00:00:00.000Z", &error));
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);

  taken = vp_store_dup_taken_versions (store);
  g_assert_cmpuint (g_hash_table_size (taken), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (taken, a), ==, "2024-05-01T00:00:00.000Z");
  g_assert_false (g_hash_table_contains (taken, b));
}

/* A whole transaction (an import's) takes no savepoint for each write:
 * after a write failed, the commit is refused and nothing is kept, not
 * even the writes before it. */
static void
test_whole_transaction (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  const char *local = uuid_of (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  g_autoptr (VpRecord) kept
    = make (VP_TYPE_ACTION, "priority", local, "text", "Actie.", "lead-kind", VP_LEAD_KIND_JOINT,
            "category", VP_CATEGORY_LOCAL, "position", 1, NULL);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", "00000000-0000-4000-8000-000000000000", "text", "Wees.",
            "lead-kind", VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_LOCAL, "position", 2, NULL);
  guint n_actions = vp_store_count (store, VP_TYPE_ACTION);

  g_assert_true (vp_store_begin_whole (store, &error));
  g_assert_true (vp_store_insert (store, kept, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (vp_store_insert (store, orphan, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_store_commit (store, &error));
  g_assert_nonnull (error);
  g_assert_false (vp_store_in_transaction (store));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, n_actions);
  g_assert_null (vp_store_lookup (store, vp_record_get_uuid (kept)));
  assert_records_reopened (&store, snapshot);
}

/* The dump without the exchange's bookkeeping, which an undo keeps. */
static char *
dump_records (const char *path)
{
  g_autofree char *dump = vp_test_dump_file (path);
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  g_autoptr (GString) kept = g_string_new (NULL);
  gboolean skipping = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '[')
        skipping = strstr (lines[i], "\"import_log\"") != NULL
                   || strstr (lines[i], "\"sync_base\"") != NULL;
      if (!skipping)
        g_string_append_printf (kept, "%s\n", lines[i]);
    }
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

/* An import applied by vp_change_set_apply() is one step. */
static void
test_undo_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  const char *path = vp_store_get_path (store);
  g_autofree char *example = vp_test_example_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  before = dump_records (path);

  set = vp_exchange_read_file (store, example, &error);
  g_assert_no_error (error);
  vp_store_set_undo_label (store, "Import");
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (store), >, 100);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Import");

  undo (store);
  g_assert_cmpuint (count_records (store), ==, 0);
  after = dump_records (path);
  g_assert_cmpstr (after, ==, before);
  reopen (&store);
  g_assert_cmpuint (count_records (store), ==, 0);
}

static void
test_undo_can_undo_notify (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  VpRecord *organisation = NULL;
  gboolean can_undo = TRUE;
  GPtrArray *names = watch_notify (store);

  g_object_get (store, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);

  organisation = add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", "kind",
                      VP_ORGANISATION_KIND_PARTNER, NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "can-undo");
  g_object_get (store, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);

  /* only changes of the value notify */
  g_assert_true (vp_store_update (store, organisation, &error, "name", "Gemeente Ede", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 1);
  undo (store);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (vp_store_can_undo (store));

  undo (store);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "can-undo");
  g_object_get (store, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  unwatch_notify (store, names);

  assert_records_reopened (&store, snapshot);
  g_assert_null (vp_store_lookup_organisation (store, "ede"));
}

static void
test_undo_label (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", MISSING_UUID, "text", "Zwevende actie.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);
  VpRecord *ede;

  g_assert_null (vp_store_get_undo_label (store));
  vp_store_set_undo_label (store, "Add organisation");
  ede = add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", "kind",
             VP_ORGANISATION_KIND_PARTNER, NULL);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Add organisation");

  /* the label is for the next step only */
  add (store, VP_TYPE_ORGANISATION, "code", "epe", "name", "Epe", "kind",
       VP_ORGANISATION_KIND_PARTNER, NULL);
  g_assert_null (vp_store_get_undo_label (store));
  vp_store_set_undo_label (store, "Rename organisation");
  g_assert_true (vp_store_update (store, ede, &error, "name", "Gemeente Ede", NULL));
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Rename organisation");

  /* a failed change uses it up, and so does one that changed nothing */
  vp_store_set_undo_label (store, "Add action");
  g_assert_false (vp_store_insert (store, orphan, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Rename organisation");
  vp_store_set_undo_label (store, "Nothing");
  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);
  add (store, VP_TYPE_ORGANISATION, "code", "putten", "name", "Putten", "kind",
       VP_ORGANISATION_KIND_PARTNER, NULL);
  g_assert_null (vp_store_get_undo_label (store));

  undo (store);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Rename organisation");
  undo (store);
  g_assert_null (vp_store_get_undo_label (store));
  undo (store);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Add organisation");
  undo (store);
  g_assert_null (vp_store_get_undo_label (store));
  assert_records_reopened (&store, snapshot);
}

/* The last 100 changes can be undone; older ones stay. */
static void
test_undo_limit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (int i = 0; i < 105; i++)
    {
      g_autofree char *code = g_strdup_printf ("gemeente-%d", i);

      vp_store_set_undo_label (store, code);
      add (store, VP_TYPE_ORGANISATION, "code", code, "name", code, NULL);
      if (i == 4)
        snapshot = snapshot_records (store);
    }
  for (int i = 104; i >= 5; i--)
    {
      g_autofree char *code = g_strdup_printf ("gemeente-%d", i);

      g_assert_cmpstr (vp_store_get_undo_label (store), ==, code);
      undo (store);
    }
  g_assert_null (vp_store_get_undo_label (store));
  before = vp_test_dump_file (vp_store_get_path (store));
  g_assert_false (vp_store_undo (store, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);

  g_assert_nonnull (vp_store_lookup_organisation (store, "gemeente-4"));
  g_assert_null (vp_store_lookup_organisation (store, "gemeente-5"));
  assert_records_reopened (&store, snapshot);
}

static void
on_items_changed_cb (GListModel *list, guint position, guint removed, guint added, gpointer data)
{
  (*(guint *) data)++;
}

/* An undo that fails changes nothing and keeps the step. */
static void
assert_undo_fails (VpStore *store, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshot = snapshot_records (store);
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  GListModel *priorities = vp_store_get_records (store, VP_TYPE_PRIORITY);
  GListModel *subthemes = vp_store_get_records (store, VP_TYPE_SUBTHEME);
  GPtrArray *names = watch_notify (nth (store, VP_TYPE_ACTION, 0));
  guint changes = 0;

  g_signal_connect (priorities, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_signal_connect (subthemes, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_false (vp_store_undo (store, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“" UNDO_DELETE_PRIORITY "” cannot be undone"));
  g_assert_nonnull (strstr (error->message, reason));
  g_signal_handlers_disconnect_by_func (priorities, on_items_changed_cb, &changes);
  g_signal_handlers_disconnect_by_func (subthemes, on_items_changed_cb, &changes);

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (names->len, ==, 0);
  unwatch_notify (nth (store, VP_TYPE_ACTION, 0), names);
  assert_records (store, snapshot);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (vp_store_can_undo (store));
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, UNDO_DELETE_PRIORITY);
}

static void
test_undo_failed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autoptr (GPtrArray) snapshot = NULL;
  const char *path = vp_store_get_path (store);
  g_autofree char *plan = g_strdup (vp_record_get_uuid (nth (store, VP_TYPE_PLAN, 0)));
  g_autofree char *uuid = NULL;
  g_autofree char *twin = NULL;
  g_autofree char *untwin = NULL;
  VpRecord *joint;

  add_priority_contents (store);
  reopen (&store);
  path = vp_store_get_path (store);
  snapshot = snapshot_records (store);
  joint = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  uuid = g_strdup (vp_record_get_uuid (joint));
  vp_store_set_undo_label (store, UNDO_DELETE_PRIORITY);
  g_assert_true (vp_store_delete (store, joint, &error));
  g_assert_no_error (error);

  /* Another program refuses actions: the undo fails halfway, after the
   * priority and its sub-themes. */
  db_exec (path, "CREATE TRIGGER refuse_action BEFORE INSERT ON action "
                 "BEGIN SELECT RAISE (ABORT, 'no actions today'); END");
  assert_undo_fails (store, "no actions today");
  g_assert_null (vp_store_lookup (store, uuid));
  db_exec (path, "DROP TRIGGER refuse_action");

  /* The priority came back behind the store's back. */
  twin = g_strdup_printf ("INSERT INTO priority (uuid, plan, number, title, scope, colour, "
                          "modified_at, modified_by) VALUES ('%s', '%s', 9, 'Tweeling', 'joint', "
                          "'#000000', '2024-04-01T00:00:00.000Z', 'barneveld')",
                          uuid, plan);
  db_exec (path, twin);
  assert_undo_fails (store, "already exists");
  untwin = g_strdup_printf ("DELETE FROM priority WHERE uuid = '%s'", uuid);
  db_exec (path, untwin);

  /* and with the way clear, the step still undoes */
  undo (store);
  assert_records_reopened (&store, snapshot);
}

/* The stack is in memory: a reopened store has nothing to undo. */
static void
test_undo_reopen (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = small_plan_store ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  vp_store_set_undo_label (store, "Add organisation");
  add (store, VP_TYPE_ORGANISATION, "code", "ede", "name", "Ede", NULL);
  g_assert_true (vp_store_can_undo (store));

  reopen (&store);
  g_assert_null (vp_store_get_undo_label (store));
  before = vp_test_dump_file (vp_store_get_path (store));
  g_assert_false (vp_store_undo (store, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (vp_store_lookup_organisation (store, "ede"));
}

/* What wrote nothing is no step. */
static void
test_undo_no_step (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = undo_store ();
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *after = NULL;
  VpRecord *priority = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  g_autoptr (VpRecord) same = vp_record_copy (priority);
  g_autoptr (VpRecord) orphan
    = make (VP_TYPE_ACTION, "priority", MISSING_UUID, "text", "Zwevende actie.", "lead-kind",
            VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, NULL);

  g_assert_true (vp_store_update (store, priority, &error, "title", PRIORITY_2, NULL));
  g_assert_true (vp_store_replace (store, priority, same, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (vp_store_begin (store, &error));
  g_assert_true (vp_store_update (store, priority, &error, "title", "Recreatieparken", NULL));
  vp_store_rollback (store);
  g_assert_false (vp_store_insert (store, orphan, VP_STORE_WRITE_DEFAULT, &error));
  g_clear_error (&error);
  g_assert_cmpstr (vp_priority_get_title (VP_PRIORITY (priority)), ==, PRIORITY_2);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
}

/* The store itself refuses what the home municipality may not write, from
 * whichever caller: a partner's local action is neither changed, deleted,
 * made, nor is a joint record made another's; nothing is written. An
 * import of the owner's own change goes through. */
static void
test_owner_enforced (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  VpRecord *ariadne;
  VpRecord *controls;
  VpRecord *local;
  g_autoptr (VpRecord) draft = NULL;
  g_autoptr (VpRecord) made = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stamp = NULL;

  vp_test_add_small_plan (store);
  ariadne
    = find (store, VP_TYPE_ACTION, "text", "We evalueren de samenwerking met het project Ariadne.");
  controls = find (store, VP_TYPE_ACTION, "text", ACTION_CONTROLS);
  local = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_2);
  before = vp_test_dump_file (vp_store_get_path (store));

  g_assert_false (vp_store_update (store, ariadne, &error, "text", "Door Barneveld.", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_assert_nonnull (strstr (error->message, "Nijkerk"));
  g_clear_error (&error);
  g_assert_false (vp_store_delete (store, ariadne, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);
  made = make (VP_TYPE_ACTION, "priority", vp_record_get_uuid (local), "text", "Namens Nijkerk.",
               "category", VP_CATEGORY_LOCAL, "owner", "nijkerk", NULL);
  g_assert_false (vp_store_insert (store, made, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);
  g_assert_false (vp_store_update (store, controls, &error, "category", VP_CATEGORY_LOCAL, "owner",
                                   "nijkerk", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);
  g_assert_false (vp_store_delete_full (store, ariadne, NULL, "barneveld", &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (ariadne)), ==,
                   "We evalueren de samenwerking met het project Ariadne.");

  /* Nijkerk's own change, as its file brings it */
  draft = vp_record_copy (ariadne);
  stamp = vp_store_make_stamp (store);
  g_object_set (draft, "text", "Door Nijkerk.", "modified-at", stamp, "modified-by", "nijkerk",
                NULL);
  g_assert_true (vp_store_replace (store, ariadne, draft, VP_STORE_WRITE_KEEP_STAMPS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (ariadne)), ==, "Door Nijkerk.");
  /* a joint record is anyone's */
  g_assert_true (vp_store_update (store, controls, &error, "lead-note", "Team Barneveld", NULL));
  g_assert_no_error (error);
}

/* A joint priority that holds Nijkerk's local action is not deleted by
 * Barneveld, here or by an import of its deletion: the deletion would take
 * Nijkerk's action with it. The refusal names the action; nothing is
 * written. Nijkerk's own action gone, the priority goes. */
static void
test_owner_cascade (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  VpRecord *joint;
  g_autoptr (VpRecord) theirs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stamp = NULL;

  vp_test_add_small_plan (store);
  joint = find (store, VP_TYPE_PRIORITY, "title", PRIORITY_1);
  theirs = make (VP_TYPE_ACTION, "priority", vp_record_get_uuid (joint), "text",
                 "Nijkerk bezoekt de bedrijventerreinen.", "lead-kind", VP_LEAD_KIND_JOINT,
                 "category", VP_CATEGORY_LOCAL, "owner", "nijkerk", NULL);
  g_assert_true (vp_test_insert_as_owner (store, theirs, &error));
  g_assert_no_error (error);
  before = vp_test_dump_file (vp_store_get_path (store));

  g_assert_false (vp_store_delete (store, joint, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_assert_nonnull (strstr (error->message, "Nijkerk bezoekt de bedrijventerreinen."));
  g_assert_nonnull (strstr (error->message, "Nijkerk"));
  g_clear_error (&error);
  /* a partner's deletion, as an import brings it */
  stamp = vp_store_make_stamp (store);
  g_assert_false (vp_store_delete_full (store, joint, stamp, "scherpenzeel", &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (theirs)) == theirs);
  g_assert_true (vp_store_lookup (store, vp_record_get_uuid (joint)) == joint);
  g_assert_null (vp_store_find_protected_part (store, joint, "nijkerk"));

  /* Nijkerk deletes it itself (its import); then the priority may go */
  g_clear_pointer (&stamp, g_free);
  stamp = vp_store_make_stamp (store);
  g_assert_true (vp_store_delete_full (store, theirs, stamp, "nijkerk", &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_delete (store, joint, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/create", test_open_create);
  g_test_add_func ("/store/open/create-folder", test_open_create_folder);
  g_test_add_func ("/store/open/default-path", test_open_default_path);

  g_test_add_func ("/store/migrate/v0-to-v3", test_migrate_v0);
  g_test_add_func ("/store/migrate/v1-to-v3", test_migrate_v1);
  g_test_add_func ("/store/migrate/v2-to-v3", test_migrate_v2);
  g_test_add_func ("/store/migrate/v5-to-v6", test_migrate_v5);
  g_test_add_func ("/store/migrate/v6-to-v7", test_migrate_v6);
  g_test_add_func ("/store/migrate/concurrent", test_migrate_concurrent);
  g_test_add_func ("/store/migrate/refuse-dangling", test_migrate_refuse_dangling);

  g_test_add_func ("/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/store/refuse/negative-version", test_refuse_negative_version);
  g_test_add_func ("/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/store/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/store/refuse/unwritable-folder", test_refuse_unwritable_folder);
  g_test_add_func ("/store/refuse/folder-is-file", test_refuse_folder_is_file);

  g_test_add_func ("/store/round-trip/organisation", test_round_trip_organisation);
  g_test_add_func ("/store/round-trip/plan", test_round_trip_plan);
  g_test_add_func ("/store/round-trip/priority", test_round_trip_priority);
  g_test_add_func ("/store/round-trip/subtheme", test_round_trip_subtheme);
  g_test_add_func ("/store/round-trip/goal", test_round_trip_goal);
  g_test_add_func ("/store/round-trip/action", test_round_trip_action);
  g_test_add_func ("/store/round-trip/action-status", test_round_trip_action_status);
  g_test_add_func ("/store/round-trip/status-event", test_round_trip_status_event);
  g_test_add_func ("/store/round-trip/definition", test_round_trip_definition);

  g_test_add_func ("/store/stamps/clock", test_stamps_clock);
  g_test_add_func ("/store/stamps/increasing", test_stamps_increasing);
  g_test_add_func ("/store/stamps/keep", test_stamps_keep);

  g_test_add_func ("/store/update/notify", test_update_notify);
  g_test_add_func ("/store/update/after-commit", test_update_after_commit);
  g_test_add_func ("/store/update/rollback", test_update_rollback);
  g_test_add_func ("/store/update/persisted", test_update_persisted);

  g_test_add_func ("/store/invalid/foreign-key", test_invalid_foreign_key);
  g_test_add_func ("/store/invalid/check", test_invalid_check);
  g_test_add_func ("/store/invalid/duplicate", test_invalid_duplicate);

  g_test_add_func ("/store/delete/cascade", test_delete_cascade);
  g_test_add_func ("/store/delete/subtheme", test_delete_subtheme);
  g_test_add_func ("/store/delete/organisation-in-use", test_delete_organisation_in_use);
  g_test_add_func ("/store/owner/enforced", test_owner_enforced);

  g_test_add_func ("/store/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/store/transaction/rollback-after-failure",
                   test_transaction_rollback_after_failure);
  g_test_add_func ("/store/transaction/commit", test_transaction_commit);
  g_test_add_func ("/store/transaction/commit-after-failure",
                   test_transaction_commit_after_failure);
  g_test_add_func ("/store/transaction/two-updates", test_transaction_two_updates);
  g_test_add_func ("/store/stale/delete", test_stale_delete);
  g_test_add_func ("/store/stale/status", test_stale_status);

  g_test_add_func ("/store/home/new", test_home_new);
  g_test_add_func ("/store/home/set", test_home_set);
  g_test_add_func ("/store/home/blank", test_home_blank);
  g_test_add_func ("/store/home/make-code", test_home_make_code);

  g_test_add_func ("/store/lookup/records", test_lookup);
  g_test_add_func ("/store/lookup/shared-strings", test_lookup_shared_strings);
  g_test_add_func ("/store/lookup/organisation-code-change", test_lookup_organisation_code_change);

  g_test_add_func ("/store/order/load", test_order_load);
  g_test_add_func ("/store/order/insert", test_order_insert);

  g_test_add_func ("/store/undo/insert", test_undo_insert);
  g_test_add_func ("/store/undo/update", test_undo_update);
  g_test_add_func ("/store/undo/not-kept", test_undo_not_kept);
  g_test_add_func ("/store/sync/note-sent", test_note_sent);
  g_test_add_func ("/store/sync/taken-versions", test_taken_versions);
  g_test_add_func ("/store/undo/update-partner", test_undo_update_partner);
  g_test_add_func ("/store/undo/delete-priority", test_undo_delete_priority);
  g_test_add_func ("/store/undo/delete-subtheme", test_undo_delete_subtheme);
  g_test_add_func ("/store/undo/transaction", test_undo_transaction);
  g_test_add_func ("/store/transaction/whole", test_whole_transaction);
  g_test_add_func ("/store/undo/import", test_undo_import);
  g_test_add_func ("/store/undo/can-undo-notify", test_undo_can_undo_notify);
  g_test_add_func ("/store/undo/label", test_undo_label);
  g_test_add_func ("/store/undo/limit", test_undo_limit);
  g_test_add_func ("/store/undo/failed", test_undo_failed);
  g_test_add_func ("/store/undo/reopen", test_undo_reopen);
  g_test_add_func ("/store/undo/no-step", test_undo_no_step);
  g_test_add_func ("/store/owner/cascade", test_owner_cascade);
  g_test_add_func ("/store/run", test_run);

  return g_test_run ();
}
