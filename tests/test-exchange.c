/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "exchange/vp-exchange.h"
#include "exchange/vp-json-strict.h"
#include "vp-test-util.h"

/* The exchange format against the example plan of data/examples: reading,
 * writing, and what an import does to a database. Bad files are the
 * example with one thing changed, through json-glib or in the text. */

#define EXAMPLE_FILE  "nijkerk-uvp-2024.json"
#define EXAMPLE_STAMP "2024-02-28T09:00:00.000Z"
#define NOW_STAMP     "2024-03-01T09:00:00.000Z"

#define PLAN_UUID       "b8f0cf9a-ab92-4fd6-a711-3fea86331c2e"
#define PRIORITY_ZORG   "36021db9-6786-4999-b46a-f224468d5b07" /* priorities[2] */
#define PRIORITY_LOCAL  "ffd79c6e-af4b-424a-8e65-80b8e430139d" /* priorities[3], Nijkerk's */
#define PRIORITY_YOUTH  "e2ea76d5-3bb8-4b7d-899a-ea4fd04eebdc" /* priorities[4], Nijkerk's */
#define SUBTHEME_DRUGS  "7d05d64f-86a0-4c3b-90a9-9085ba55c5dd" /* of priorities[0] */
#define ACTION_DAMOCLES "aab6f567-4d7f-491d-a0f6-fddef2204fed" /* [0].actions[0], joint */
#define ACTION_CONTROLS "7d03f395-3aea-4815-9b5e-8b362e3ac785" /* [0].actions[1], joint */
#define ACTION_BIBOB    "ac5b7c26-edd9-4038-a42b-8e09a106a0f7" /* [0].actions[14] */
#define ACTION_EACH     "3e4bc5ce-54ca-4ce9-9cfd-ec242602ac63" /* [0].actions[15] */
#define PRIORITY_CRIME  "73daa09c-2c1e-4141-91b0-255a594b5c91" /* priorities[0], joint */
#define ACTION_PARKS    "3867fee3-40fb-43dc-b3aa-24d9fe097ee8" /* [3].actions[0], Nijkerk's */
#define ORG_NIJKERK     "95bf91af-f335-4b91-a450-d767bb93c1e1"
#define NEW_UUID        "0e2a4c55-6f1b-4d7e-9a3c-5b8d2f1e7a90"
#define MISSING_UUID    "00000000-0000-4000-8000-000000000000"

#define THEIR_STAMP "2024-03-08T10:00:00.000Z"
#define OUR_STAMP   "2024-03-10T12:00:00.000Z"

/* Files and text */

static char *
example_text (void)
{
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static GBytes *
bytes_from_text (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
example_bytes (void)
{
  g_autofree char *text = example_text ();

  return bytes_from_text (text);
}

/* @text with its one occurrence of @from replaced by @to. */
static char *
replace_once (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Compares two texts line by line, so that a difference shows as its
 * first line, not as two whole files. Lines that both start with @skip
 * are not compared; returns how many there were. */
static guint
compare_lines (const char *a, const char *b, const char *skip)
{
  g_auto (GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto (GStrv) lines_b = g_strsplit (b, "\n", -1);
  guint n_skipped = 0;

  for (guint i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    {
      if (skip != NULL && g_str_has_prefix (lines_a[i], skip)
          && g_str_has_prefix (lines_b[i], skip))
        {
          n_skipped++;
          continue;
        }
      if (!g_str_equal (lines_a[i], lines_b[i]))
        g_test_message ("first difference in line %u", i + 1);
      g_assert_cmpstr (lines_a[i], ==, lines_b[i]);
    }
  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
  return n_skipped;
}

/* Two exports are the same bytes, the header's exported_at aside. */
static void
assert_same_export (const char *a, const char *b)
{
  g_assert_cmpuint (compare_lines (a, b, "  \"exported_at\": \""), ==, 1);
}

static void
assert_same_dump (const char *a, const char *b)
{
  compare_lines (a, b, NULL);
}

/* JSON editing */

static JsonNode *
parse_text (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static JsonNode *
parse_example (void)
{
  g_autofree char *text = example_text ();

  return parse_text (text);
}

static GBytes *
bytes_from_json (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static JsonObject *
header_object (JsonNode *root)
{
  return json_node_get_object (root);
}

static JsonObject *
plan_object (JsonNode *root)
{
  return json_array_get_object_element (
    json_object_get_array_member (header_object (root), "plans"), 0);
}

static JsonObject *
priority_object (JsonNode *root, guint priority)
{
  JsonArray *priorities = json_object_get_array_member (plan_object (root), "priorities");

  return json_array_get_object_element (priorities, priority);
}

static JsonObject *
action_object (JsonNode *root, guint priority, guint action)
{
  JsonArray *actions = json_object_get_array_member (priority_object (root, priority), "actions");

  return json_array_get_object_element (actions, action);
}

static JsonObject *
organisation_object (JsonNode *root, guint organisation)
{
  JsonArray *organisations = json_object_get_array_member (header_object (root), "organisations");

  return json_array_get_object_element (organisations, organisation);
}

/* Gives a record new text as changed by @by at @at. */
static void
change_text (
  JsonObject *record, const char *field, const char *text, const char *at, const char *by)
{
  json_object_set_string_member (record, field, text);
  json_object_set_string_member (record, "modified_at", at);
  json_object_set_string_member (record, "modified_by", by);
}

/* Stores */

static void
set_clock (VpStore *store, const char *stamp)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (stamp, NULL);

  g_assert_nonnull (now);
  vp_store_set_now (store, now);
}

/* An empty store of @home ("Nijkerk", "Barneveld"), clock at NOW_STAMP. */
static VpStore *
store_new (const char *home)
{
  return vp_test_store_new_for (home);
}

static VpChangeSet *
read_bytes (VpStore *store, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  VpChangeSet *set = vp_exchange_read (store, bytes, "partner.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
apply (VpChangeSet *set, VpStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
}

static VpChangeSet *
import_bytes (VpStore *store, GBytes *bytes)
{
  VpChangeSet *set = read_bytes (store, bytes);

  apply (set, store);
  return set;
}

static void
import_text (VpStore *store, const char *text)
{
  g_autoptr (GBytes) bytes = bytes_from_text (text);
  g_autoptr (VpChangeSet) set = import_bytes (store, bytes);
}

static VpStore *
example_store_new (const char *home)
{
  VpStore *store = store_new (home);
  g_autoptr (GBytes) bytes = example_bytes ();
  g_autoptr (VpChangeSet) set = import_bytes (store, bytes);

  return store;
}

static char *
write_export (VpStore *store, VpPlan *plan)
{
  g_autoptr (GError) error = NULL;
  char *text = vp_exchange_write (store, plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
assert_change_counts (VpChangeSet *set,
                      guint added,
                      guint updated,
                      guint unchanged,
                      guint older,
                      guint conflict,
                      guint refused)
{
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_ADDED), ==, added);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UPDATED), ==, updated);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UNCHANGED), ==, unchanged);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_OLDER), ==, older);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, conflict);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_REFUSED), ==, refused);
  g_assert_cmpuint (g_list_model_get_n_items (vp_change_set_get_changes (set)), ==,
                    added + updated + unchanged + older + conflict + refused);
}

static const char *
record_text (VpStore *store, const char *uuid, const char *field)
{
  VpRecord *record = vp_store_lookup (store, uuid);

  g_assert_nonnull (record);
  return vp_record_get_string (record, field);
}

static const char *const log_tables[] = { "import_log", NULL };
static const char *const bookkeeping_tables[] = { "import_log", "sync_base", NULL };

/* One value from the database file, by SQL of our own. */
static char *
query_text (VpStore *store, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (vp_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* What a second program opening the file sees. */
static VpStore *
reopen (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  VpStore *again = vp_store_open (vp_store_get_path (store), &error);

  g_assert_no_error (error);
  return again;
}

/* 1. The example loads */

static void
assert_actions_per_priority (VpStore *store)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);
  guint per_priority[5] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);
      VpRecord *priority = vp_store_lookup (store, vp_action_get_priority (action));
      int number;

      g_assert_true (VP_IS_PRIORITY (priority));
      number = vp_priority_get_number (VP_PRIORITY (priority));
      g_assert_cmpint (number, >=, 1);
      g_assert_cmpint (number, <=, 5);
      per_priority[number - 1]++;
    }
  g_assert_cmpuint (per_priority[0], ==, 19);
  g_assert_cmpuint (per_priority[1], ==, 6);
  g_assert_cmpuint (per_priority[2], ==, 8);
  g_assert_cmpuint (per_priority[3], ==, 5);
  g_assert_cmpuint (per_priority[4], ==, 4);
}

static void
assert_example_actions (VpStore *store)
{
  VpAction *controls = VP_ACTION (vp_store_lookup (store, ACTION_CONTROLS));
  VpAction *bibob = VP_ACTION (vp_store_lookup (store, ACTION_BIBOB));
  VpAction *each = VP_ACTION (vp_store_lookup (store, ACTION_EACH));
  VpAction *parks = VP_ACTION (vp_store_lookup (store, ACTION_PARKS));
  VpRecord *local_priority = vp_store_lookup (store, PRIORITY_LOCAL);

  g_assert_cmpint (vp_action_get_target (controls), ==, 5);
  g_assert_cmpstr (vp_action_get_target_unit (controls), ==, "integrale controles");
  g_assert_cmpint (vp_action_get_lead_kind (controls), ==, VP_LEAD_KIND_JOINT);
  g_assert_null (vp_action_get_lead (controls));
  g_assert_cmpint (vp_action_get_quarter (controls), ==, VP_QUARTER_Q1);
  g_assert_cmpstr (vp_action_get_subtheme (controls), ==, SUBTHEME_DRUGS);
  g_assert_null (vp_record_get_string (VP_RECORD (controls), "owner"));
  g_assert_cmpstr (vp_record_get_modified_at (VP_RECORD (controls)), ==, EXAMPLE_STAMP);
  g_assert_cmpstr (vp_record_get_modified_by (VP_RECORD (controls)), ==, "nijkerk");

  g_assert_cmpstr (vp_action_get_lead_note (bibob), ==, "Bibob-medewerker");
  g_assert_cmpint (vp_action_get_lead_kind (bibob), ==, VP_LEAD_KIND_ORGANISATION);
  g_assert_cmpstr (vp_action_get_lead (bibob), ==, "nijkerk");
  g_assert_cmpint (vp_action_get_target (bibob), ==, 0);

  g_assert_cmpint (vp_action_get_lead_kind (each), ==, VP_LEAD_KIND_EACH);
  g_assert_null (vp_action_get_lead (each));

  g_assert_cmpstr (vp_action_get_priority (parks), ==, PRIORITY_LOCAL);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (parks), "owner"), ==, "nijkerk");
  g_assert_cmpint (vp_action_get_category (parks), ==, VP_CATEGORY_LOCAL);
  g_assert_cmpint (vp_record_get_int (local_priority, "scope"), ==, VP_SCOPE_LOCAL);
  g_assert_cmpstr (vp_record_get_string (local_priority, "owner"), ==, "nijkerk");
}

static void
assert_example_plan (VpStore *store)
{
  const char *participants[] = { "nijkerk", "barneveld", "scherpenzeel", NULL };
  VpRecord *plan = vp_store_lookup (store, PLAN_UUID);
  VpOrganisation *politie = vp_store_lookup_organisation (store, "politie");

  g_assert_true (VP_IS_PLAN (plan));
  g_assert_cmpstr (vp_plan_get_title (VP_PLAN (plan)), ==, "Uitvoeringsplan Veiligheid 2024");
  g_assert_cmpstr (vp_plan_get_owner (VP_PLAN (plan)), ==, "nijkerk");
  g_assert_true (g_strv_equal (vp_record_get_strv (plan, "participants"), participants));
  g_assert_cmpint (vp_record_get_int (plan, "framework-last-year"), ==, 2027);
  g_assert_nonnull (politie);
  g_assert_cmpint (vp_organisation_get_kind (politie), ==, VP_ORGANISATION_KIND_PARTNER);
  g_assert_cmpstr (vp_organisation_get_name (politie), ==, "Politie");
}

static void
test_example_loads (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *base = NULL;

  set = vp_exchange_read_file (store, path, &error);
  g_assert_no_error (error);
  /* Reading changes nothing. */
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 0);
  assert_change_counts (set, 114, 0, 0, 0, 0, 0);
  g_assert_cmpstr (vp_change_set_get_partner (set), ==, "nijkerk");
  g_assert_cmpstr (vp_change_set_get_exported_at (set), ==, EXAMPLE_STAMP);
  g_assert_cmpstr (vp_change_get_path (vp_test_find_change (set, ACTION_CONTROLS)), ==,
                   "plans[0].priorities[0].actions[1]");
  g_assert_null (vp_change_get_local (vp_test_find_change (set, ACTION_CONTROLS)));

  apply (set, store);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 5);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PRIORITY), ==, 5);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_SUBTHEME), ==, 8);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_GOAL), ==, 34);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 42);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_DEFINITION), ==, 19);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION_STATUS), ==, 0);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_STATUS_EVENT), ==, 0);
  assert_actions_per_priority (store);
  assert_example_actions (store);
  assert_example_plan (store);

  /* The import is logged, and what was seen from the partner kept. */
  file_name
    = query_text (store, "SELECT file_name || ' ' || partner || ' ' || added FROM import_log");
  g_assert_cmpstr (file_name, ==, EXAMPLE_FILE " nijkerk 114");
  base = vp_store_dup_sync_base (store, "nijkerk", ACTION_CONTROLS);
  g_assert_cmpstr (base, ==, EXAMPLE_STAMP);
}

static void
test_example_loads_from_disk (void)
{
  g_autoptr (VpStore) store = example_store_new ("Nijkerk");
  g_autoptr (VpStore) again = reopen (store);
  g_autofree char *counts = vp_test_describe_counts (store);
  g_autofree char *counts_again = vp_test_describe_counts (again);

  /* The objects are what the database holds. */
  g_assert_cmpstr (counts, ==, counts_again);
  assert_actions_per_priority (again);
  assert_example_actions (again);
  assert_example_plan (again);
}

/* 2. Round trips */

static void
test_round_trip_example (void)
{
  g_autoptr (VpStore) first = example_store_new ("Nijkerk");
  g_autoptr (VpStore) second = store_new ("Nijkerk");
  g_autofree char *example = example_text ();
  g_autofree char *text_a = write_export (first, NULL);
  g_autofree char *text_b = NULL;

  g_assert_nonnull (strstr (text_a, "\n  \"exported_at\": \"" NOW_STAMP "\",\n"));
  g_assert_nonnull (strstr (text_a, "\n  \"exported_by\": \"nijkerk\",\n"));
  import_text (second, text_a);
  text_b = write_export (second, NULL);

  assert_same_export (text_a, text_b);
  /* The example is canonical: what the program writes. */
  assert_same_export (example, text_a);
}

/* Returns: (transfer none): @record, which the store holds now */
static VpRecord *
insert (VpStore *store, VpRecord *record)
{
  g_autoptr (GError) error = NULL;

  vp_test_insert_as_owner (store, record, &error);
  g_assert_no_error (error);
  g_object_unref (record);
  return record;
}

/* Returns: (transfer none): the first record of @type with @field @value */
static VpRecord *
find_by_int (VpStore *store, GType type, const char *field, int value)
{
  GListModel *records = vp_store_get_records (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (records, i);

      if (vp_record_get_int (record, field) == value)
        return record;
    }
  g_assert_not_reached ();
}

#define PROGRESS_NOTE                                                                              \
  "Twee controles gehouden; de \"derde\" in april.\nZie \\\\fileserver\\veiligheid\t"              \
  "€ 1.500,– \x01 beëindigd ‘ok’"

/* The small plan with progress: portfolio holders and a budget, a status
 * with a count and a note, and history. */
static void
add_progress (VpStore *store)
{
  const char *holders[] = { "Burgemeester G. D. Renkema", "Wethouder A. de Vries", NULL };
  VpRecord *priority = find_by_int (store, VP_TYPE_PRIORITY, "number", 1);
  VpRecord *action = find_by_int (store, VP_TYPE_ACTION, "target", 5);
  const char *uuid = vp_record_get_uuid (action);
  g_autoptr (GError) error = NULL;

  vp_store_update (store, priority, &error, "portfolio-holders", holders, "budget-cents",
                   (gint64) 2500000, "ambition", "Samen sterk tegen ondermijning.", NULL);
  g_assert_no_error (error);
  insert (store,
          g_object_new (VP_TYPE_ACTION_STATUS, "action", uuid, "municipality", "nijkerk", "status",
                        VP_STATUS_IN_PROGRESS, "achieved", 2, "note", PROGRESS_NOTE, NULL));
  insert (store, g_object_new (VP_TYPE_STATUS_EVENT, "action", uuid, "municipality", "nijkerk",
                               "kind", VP_EVENT_KIND_STATUS, "to", "planned", NULL));
  insert (store,
          g_object_new (VP_TYPE_STATUS_EVENT, "action", uuid, "municipality", "nijkerk", "kind",
                        VP_EVENT_KIND_STATUS, "from", "planned", "to", "in-progress", NULL));
  insert (store,
          g_object_new (VP_TYPE_STATUS_EVENT, "action", uuid, "municipality", "nijkerk", "kind",
                        VP_EVENT_KIND_QUARTER, "from", "2024-Q1", "to", "2024-Q2", NULL));
}

static void
assert_progress (VpStore *store)
{
  const char *holders[] = { "Burgemeester G. D. Renkema", "Wethouder A. de Vries", NULL };
  VpRecord *priority = find_by_int (store, VP_TYPE_PRIORITY, "number", 1);
  g_autoptr (VpActionStatus) status
    = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_ACTION_STATUS), 0);

  g_assert_true (g_strv_equal (vp_record_get_strv (priority, "portfolio-holders"), holders));
  g_assert_cmpint (vp_record_get_int64 (priority, "budget-cents"), ==, 2500000);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION_STATUS), ==, 1);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_STATUS_EVENT), ==, 3);
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (vp_action_status_get_achieved (status), ==, 2);
  g_assert_cmpstr (vp_action_status_get_note (status), ==, PROGRESS_NOTE);
  g_assert_cmpstr (vp_action_status_get_municipality (status), ==, "nijkerk");
}

static void
test_round_trip_small_plan (void)
{
  g_autoptr (VpStore) first = vp_test_store_new ();
  g_autoptr (VpStore) second = vp_test_store_new ();
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  vp_test_add_small_plan (first);
  add_progress (first);
  text_a = write_export (first, NULL);
  g_assert_nonnull (strstr (text_a, "\"budget\": 25000,"));
  g_assert_nonnull (strstr (text_a, "\"achieved\": 2,"));
  g_assert_nonnull (strstr (text_a, "\"from\": null,"));
  g_assert_nonnull (strstr (text_a, "\"to\": \"2024-Q2\","));
  g_assert_nonnull (strstr (text_a, "\\\"derde\\\" in april.\\nZie \\\\\\\\fileserver"));

  bytes = bytes_from_text (text_a);
  set = import_bytes (second, bytes);
  /* 4 organisations, a plan, 2 priorities, 2 sub-themes, 4 actions, a
   * definition, a status and 3 events */
  assert_change_counts (set, 18, 0, 0, 0, 0, 0);
  assert_progress (second);
  text_b = write_export (second, NULL);
  assert_same_export (text_a, text_b);
}

static VpPlan *
add_second_plan (VpStore *store)
{
  const char *participants[] = { "barneveld", NULL };
  VpRecord *plan = insert (store, g_object_new (VP_TYPE_PLAN, "title",
                                                "Uitvoeringsplan Veiligheid Barneveld 2025",
                                                "first-year", 2025, "last-year", 2025, "owner",
                                                "barneveld", "participants", participants, NULL));

  insert (store,
          g_object_new (VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (plan), "number", 1, "title",
                        "Woninginbraken", "scope", VP_SCOPE_JOINT, "colour", "#2a7ab0", NULL));
  return VP_PLAN (plan);
}

static void
assert_only_plan (const char *text, VpPlan *plan)
{
  g_autoptr (JsonNode) root = parse_text (text);
  JsonArray *plans = json_object_get_array_member (header_object (root), "plans");

  g_assert_cmpuint (json_array_get_length (plans), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (plans, 0), "uuid"),
                   ==, vp_record_get_uuid (VP_RECORD (plan)));
}

static void
test_export_one_plan (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (VpStore) other = vp_test_store_new ();
  VpPlan *first = vp_test_add_small_plan (store);
  VpPlan *second = add_second_plan (store);
  g_autofree char *all = write_export (store, NULL);
  g_autofree char *only_first = write_export (store, first);
  g_autofree char *only_second = write_export (store, second);
  g_autoptr (JsonNode) root = parse_text (all);

  g_assert_cmpuint (
    json_array_get_length (json_object_get_array_member (header_object (root), "plans")), ==, 2);
  assert_only_plan (only_first, first);
  g_assert_null (strstr (only_first, "Woninginbraken"));
  g_assert_null (strstr (only_first, vp_record_get_uuid (VP_RECORD (second))));
  assert_only_plan (only_second, second);
  g_assert_null (strstr (only_second, "Ondermijnende criminaliteit"));
  g_assert_null (strstr (only_second, "integrale controles"));

  import_text (other, only_first);
  g_assert_cmpuint (vp_store_count (other, VP_TYPE_PLAN), ==, 1);
  g_assert_cmpuint (vp_store_count (other, VP_TYPE_PRIORITY), ==, 2);
  g_assert_cmpuint (vp_store_count (other, VP_TYPE_ACTION), ==, 4);
  g_assert_nonnull (vp_store_lookup (other, vp_record_get_uuid (VP_RECORD (first))));
}

static void
test_export_needs_home (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = vp_exchange_write (store, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NO_HOME);
}

/* 3. Invalid files: refused with a message that names the place, and
 * nothing written */

typedef struct
{
  const char *name;
  /* makes the bad file from the example: in the JSON or in the text */
  void (*edit_json) (JsonNode *root);
  char *(*edit_text) (const char *text);
  VpExchangeError code;
  /* the exact message, or NULL */
  const char *message;
  /* parts of the message, or NULL */
  const char *contains;
  const char *contains_too;
} InvalidCase;

static char *
drop_comma (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 2");
}

static char *
cut_in_half (const char *text)
{
  return g_strndup (text, strlen (text) / 2);
}

static char *
make_array (const char *text)
{
  return g_strdup ("[ { \"format\": \"veiligheidsplan\" } ]\n");
}

static char *
make_other_object (const char *text)
{
  return g_strdup ("{ \"name\": \"package\", \"version\": \"1.0\" }\n");
}

/* An ASCII line: the column counts bytes and characters alike. */
static char *
break_utf8_ascii_line (const char *text)
{
  return replace_once (text, "\"name\": \"Barneveld\"",
                       "\"name\": \"Barn\xff"
                       "eveld\"");
}

/* After an “ë” on the line: the column counts characters. */
static char *
break_utf8_after_e_trema (const char *text)
{
  return replace_once (text, "beëindigen.", "beëindigen\xff.");
}

/* Strict JSON: what json-glib takes and an exchange file may not hold */

static char *
add_comment (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 2, /* from Nijkerk */");
}

static char *
add_line_comment (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 2, // from Nijkerk");
}

static char *
add_single_quotes (const char *text)
{
  return replace_once (text, "\"exported_by\": \"nijkerk\"", "\"exported_by\": 'nijkerk'");
}

static char *
add_trailing_data (const char *text)
{
  return g_strconcat (text, "{}\n", NULL);
}

static char *
add_duplicate_key (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 2,\n  \"version\": 2,");
}

/* The same key, one of its letters an escape. */
static char *
add_escaped_duplicate_key (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 2,\n  \"vers\\u0069on\": 2,");
}

static char *
add_trailing_comma (const char *text)
{
  return replace_once (text, "\"generator\": \"Veiligheidsplan 0.1.0\",",
                       "\"generator\": \"Veiligheidsplan 0.1.0\",,");
}

/* json-glib wraps it round to 1. */
static char *
add_huge_version (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 18446744073709551617,");
}

static char *
add_leading_zero (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": 01,");
}

static char *
add_nan (const char *text)
{
  return replace_once (text, "\"version\": 2,", "\"version\": NaN,");
}

static char *
add_raw_tab (const char *text)
{
  return replace_once (text, "\"generator\": \"Veiligheidsplan 0.1.0\"",
                       "\"generator\": \"Veiligheidsplan\t0.1.0\"");
}

static char *
add_bad_escape (const char *text)
{
  return replace_once (text, "\"generator\": \"Veiligheidsplan 0.1.0\"",
                       "\"generator\": \"Veiligheidsplan \\x30.1.0\"");
}

static char *
add_lone_surrogate (const char *text)
{
  return replace_once (text, "\"generator\": \"Veiligheidsplan 0.1.0\"",
                       "\"generator\": \"Veiligheidsplan \\ud800\"");
}

static char *
add_nul_escape (const char *text)
{
  return replace_once (text, "\"generator\": \"Veiligheidsplan 0.1.0\"",
                       "\"generator\": \"Veiligheidsplan\\u0000 0.1.0\"");
}

/* Lists nested deeper than the limit, with and without something that
 * fooled the old check into counting none of them. */
static char *
nest_organisations (const char *text, const char *before, guint depth)
{
  g_autofree char *open = g_strnfill (depth, '[');
  g_autofree char *close = g_strnfill (depth, ']');
  g_autofree char *nested
    = g_strdup_printf ("\"organisations\": %s%s%s, \"more\": [", before, open, close);

  return replace_once (text, "\"organisations\": [", nested);
}

static char *
add_deep_nesting (const char *text)
{
  return nest_organisations (text, "", 40);
}

static char *
add_deep_nesting_behind_comment (const char *text)
{
  return nest_organisations (text, "/* \" */ ", 100000);
}

static char *
add_deep_nesting_behind_single_quotes (const char *text)
{
  return nest_organisations (text, "['\"', ", 100000);
}

/* More records of a kind than any file has, or too many small ones: the
 * header, then @key with @n empty objects. */
static char *
make_empty_objects (const char *key, guint n)
{
  g_autoptr (GString) file = g_string_new ("{\"format\": \"veiligheidsplan\", \"version\": 1, ");

  if (g_str_equal (key, "actions"))
    g_string_append (file, "\"plans\": [{\"priorities\": [{\"actions\": [");
  else
    g_string_append_printf (file, "\"%s\": [", key);
  for (guint i = 0; i < n; i++)
    g_string_append (file, i > 0 ? ",{}" : "{}");
  g_string_append (file, g_str_equal (key, "actions") ? "]}]}]}\n" : "]}\n");
  return g_string_free (g_steal_pointer (&file), FALSE);
}

static char *
add_too_many_plans (const char *text)
{
  return make_empty_objects ("plans", 101);
}

static char *
add_too_many_organisations (const char *text)
{
  return make_empty_objects ("organisations", 1001);
}

/* A list of texts longer than any coalition. */
static char *
add_too_many_participants (const char *text)
{
  g_autoptr (GString) file = g_string_new (
    "{\"format\": \"veiligheidsplan\", \"version\": 1, \"plans\": [{\"participants\": [");

  for (guint i = 0; i < 10001; i++)
    g_string_append (file, i > 0 ? ",\"ede\"" : "\"ede\"");
  g_string_append (file, "]}]}\n");
  return g_string_free (g_steal_pointer (&file), FALSE);
}

/* 100,000 actions may be, but not 3 bytes each. */
static char *
add_dense_actions (const char *text)
{
  return make_empty_objects ("actions", 100000);
}

static void
set_number_as_text (JsonNode *root)
{
  json_object_set_string_member (priority_object (root, 0), "number", "1");
}

static void
set_title_as_number (JsonNode *root)
{
  json_object_set_int_member (plan_object (root), "title", 2024);
}

static void
set_title_null (JsonNode *root)
{
  json_object_set_null_member (priority_object (root, 1), "title");
}

static void
set_text_empty (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 1, 3), "text", "");
}

static void
remove_text (JsonNode *root)
{
  json_object_remove_member (action_object (root, 1, 2), "text");
}

static void
remove_modified_at (JsonNode *root)
{
  json_object_remove_member (organisation_object (root, 1), "modified_at");
}

static void
remove_statuses (JsonNode *root)
{
  json_object_remove_member (action_object (root, 0, 0), "statuses");
}

static void
remove_plans (JsonNode *root)
{
  json_object_remove_member (header_object (root), "plans");
}

static void
set_unknown_lead_kind (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 1), "lead_kind", "everyone");
}

static void
set_unknown_organisation_kind (JsonNode *root)
{
  json_object_set_string_member (organisation_object (root, 2), "kind", "company");
}

static void
set_upper_case_uuid (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 1, 0), "uuid",
                                 "9752D152-C496-4B9B-811D-2A2C3B21E072");
}

static void
set_short_uuid (JsonNode *root)
{
  json_object_set_string_member (priority_object (root, 2), "uuid", "36021db9-6786-4999-b46a");
}

static void
duplicate_uuid (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 4, 1), "uuid", ACTION_CONTROLS);
}

static void
set_missing_subtheme (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "subtheme", MISSING_UUID);
}

static void
set_subtheme_of_other_priority (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 1, 0), "subtheme", SUBTHEME_DRUGS);
}

static void
set_unknown_lead (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "lead", "ede");
}

static void
set_unknown_participant (JsonNode *root)
{
  json_array_add_string_element (json_object_get_array_member (plan_object (root), "participants"),
                                 "ede");
}

static void
set_bad_code (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "lead", "Barneveld");
}

static void
set_quarter_7 (JsonNode *root)
{
  json_object_set_int_member (action_object (root, 2, 4), "quarter", 7);
}

static void
set_negative_position (JsonNode *root)
{
  json_object_set_int_member (action_object (root, 0, 2), "position", -1);
}

static void
set_fractional_target (JsonNode *root)
{
  json_object_set_double_member (action_object (root, 0, 1), "target", 2.5);
}

static void
set_last_year_before_first (JsonNode *root)
{
  json_object_set_int_member (plan_object (root), "last_year", 2023);
}

static void
set_upper_case_colour (JsonNode *root)
{
  json_object_set_string_member (priority_object (root, 0), "colour", "#C0392B");
}

static void
set_local_time (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "modified_at",
                                 "2024-02-28T10:00:00.000+01:00");
}

static void
set_base_after (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "base", "2024-03-01T09:00:00.000Z");
}

static void
set_base_not_time (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "base", "gisteren");
}

static void
set_version_3 (JsonNode *root)
{
  json_object_set_int_member (header_object (root), "version", VP_EXCHANGE_VERSION + 1);
}

static void
set_version_0 (JsonNode *root)
{
  json_object_set_int_member (header_object (root), "version", 0);
}

static void
set_unknown_action_key (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "colour", "#ffffff");
}

static void
set_unknown_top_key (JsonNode *root)
{
  json_object_set_string_member (header_object (root), "comment", "from Nijkerk");
}

static void
duplicate_code (JsonNode *root)
{
  json_object_set_string_member (organisation_object (root, 2), "code", "politie");
}

static void
duplicate_letter (JsonNode *root)
{
  JsonArray *subthemes = json_object_get_array_member (priority_object (root, 0), "subthemes");

  json_object_set_string_member (json_array_get_object_element (subthemes, 1), "letter", "A");
}

static JsonObject *
make_status (const char *uuid, const char *municipality)
{
  JsonObject *status = json_object_new ();

  json_object_set_string_member (status, "uuid", uuid);
  json_object_set_string_member (status, "municipality", municipality);
  json_object_set_string_member (status, "status", "in-progress");
  json_object_set_int_member (status, "achieved", 1);
  json_object_set_string_member (status, "note", "Eerste controle gehouden.");
  json_object_set_string_member (status, "modified_at", THEIR_STAMP);
  json_object_set_string_member (status, "modified_by", municipality);
  return status;
}

static void
duplicate_status (JsonNode *root)
{
  JsonArray *statuses = json_object_get_array_member (action_object (root, 0, 1), "statuses");

  json_array_add_object_element (statuses, make_status (NEW_UUID, "nijkerk"));
  json_array_add_object_element (statuses, make_status (MISSING_UUID, "nijkerk"));
}

static void
set_other_format (JsonNode *root)
{
  json_object_set_string_member (header_object (root), "format", "veiligheidsplan-xml");
}

static void
set_organisation_lead_null (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 1), "lead_kind", "organisation");
}

static void
set_joint_lead_with_code (JsonNode *root)
{
  json_object_set_string_member (action_object (root, 0, 0), "lead_kind", "joint");
}

static void
set_action_not_object (JsonNode *root)
{
  JsonArray *actions = json_object_get_array_member (priority_object (root, 1), "actions");

  json_array_add_int_element (actions, 5);
}

static void
set_uuid_of_other_kind (JsonNode *root)
{
  /* the UUID of a goal in the database, for a new action */
  json_object_set_string_member (action_object (root, 3, 4), "uuid",
                                 "8d781968-c7a2-4c75-9ad5-bbcd572e495d");
  json_object_set_string_member (
    json_array_get_object_element (
      json_object_get_array_member (priority_object (root, 0), "goals"), 0),
    "uuid", NEW_UUID);
}

static const InvalidCase invalid_cases[] = {
  /* Strict JSON (RFC 8259), with the line and column of the fault */
  { "strict/comment", NULL, add_comment, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not valid JSON: line 3, column 17: comments are not allowed in an exchange file",
    NULL, NULL },
  { "strict/line-comment", NULL, add_line_comment, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not valid JSON: line 3, column 17: comments are not allowed in an exchange file",
    NULL, NULL },
  { "strict/single-quotes", NULL, add_single_quotes, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "The file is not valid JSON: line 5, column 18: single quotes are not allowed", NULL },
  { "strict/trailing-data", NULL, add_trailing_data, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 1847, column 1: “{” after the end of the data", NULL },
  { "strict/duplicate-key", NULL, add_duplicate_key, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not valid JSON: line 4, column 3: the key “version” appears twice in one object",
    NULL, NULL },
  { "strict/duplicate-key-escaped", NULL, add_escaped_duplicate_key, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not valid JSON: line 4, column 3: the key “version” appears twice in one object",
    NULL, NULL },
  { "strict/trailing-comma", NULL, add_trailing_comma, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 6, column 40: expected a key in double quotes, found “,”", NULL },
  { "strict/huge-integer", NULL, add_huge_version, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 3, column 14: the whole number 18446744073709551617… is too large", NULL },
  { "strict/leading-zero", NULL, add_leading_zero, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 3, column 14: numbers may not begin with a zero", NULL },
  { "strict/nan", NULL, add_nan, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 3, column 14: expected a value, found “NaN”", NULL },
  { "strict/control-character", NULL, add_raw_tab, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 6, column 32: the control character U+0009 must be written as an escape", NULL },
  { "strict/bad-escape", NULL, add_bad_escape, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 6, column 33: a backslash followed by “x30.1.0” is not an escape", NULL },
  { "strict/lone-surrogate", NULL, add_lone_surrogate, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 6, column 33: an unpaired surrogate", NULL },
  { "strict/nul", NULL, add_nul_escape, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "line 6, column 32: the character U+0000 is not allowed in text", NULL },
  { "depth/plain", NULL, add_deep_nesting, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not an exchange file: line 7, column 51: lists and objects nest more than 32 "
    "deep",
    NULL, NULL },
  /* json-glib took these, and overflowed the stack */
  { "depth/behind-comment", NULL, add_deep_nesting_behind_comment, VP_EXCHANGE_ERROR_SYNTAX,
    "The file is not valid JSON: line 7, column 20: comments are not allowed in an exchange file",
    NULL, NULL },
  { "depth/behind-single-quotes", NULL, add_deep_nesting_behind_single_quotes,
    VP_EXCHANGE_ERROR_SYNTAX, NULL, "line 7, column 21: single quotes are not allowed", NULL },
  /* Records: more than any file has, before json-glib builds them */
  { "records/plans", NULL, add_too_many_plans, VP_EXCHANGE_ERROR_TOO_LARGE,
    "The file is too large to be an exchange file: line 1, column 355: the file holds more than "
    "100 plans; no exchange file has that many",
    NULL, NULL },
  { "records/organisations", NULL, add_too_many_organisations, VP_EXCHANGE_ERROR_TOO_LARGE, NULL,
    "the file holds more than 1000 organisations", NULL },
  { "records/participants", NULL, add_too_many_participants, VP_EXCHANGE_ERROR_TOO_LARGE, NULL,
    "the file holds more than 10000 participants", NULL },
  { "records/dense", NULL, add_dense_actions, VP_EXCHANGE_ERROR_TOO_LARGE, NULL,
    "would take more memory than any exchange file", NULL },
  { "syntax/missing-comma", NULL, drop_comma, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "The file is not valid JSON: line 4, column 3: expected “,” or “}”, found “\"”", NULL },
  { "syntax/cut-off", NULL, cut_in_half, VP_EXCHANGE_ERROR_SYNTAX, NULL,
    "The file is not valid JSON: line ", ", column " },
  { "type/number-as-text", set_number_as_text, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].number: expected a whole number, got text", NULL, NULL },
  { "type/text-as-number", set_title_as_number, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].title: expected text, got a number", NULL, NULL },
  { "type/fraction", set_fractional_target, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[1].target: expected a whole number, got a number", NULL, NULL },
  { "type/not-an-object", set_action_not_object, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].actions[6]: expected an object, got a number", NULL, NULL },
  { "null/required", set_title_null, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].title: may not be null", NULL, NULL },
  { "empty/text", set_text_empty, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].actions[3].text: may not be empty", NULL, NULL },
  { "missing/field", remove_text, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].actions[2].text: required but missing", NULL, NULL },
  { "missing/modified-at", remove_modified_at, NULL, VP_EXCHANGE_ERROR_INVALID,
    "organisations[1].modified_at: required but missing", NULL, NULL },
  { "missing/list", remove_statuses, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0].statuses: required but missing", NULL, NULL },
  { "missing/plans", remove_plans, NULL, VP_EXCHANGE_ERROR_INVALID, "plans: required but missing",
    NULL, NULL },
  { "enum/lead-kind", set_unknown_lead_kind, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[1].lead_kind: expected one of organisation, joint, each, got "
    "“everyone”",
    NULL, NULL },
  { "enum/organisation-kind", set_unknown_organisation_kind, NULL, VP_EXCHANGE_ERROR_INVALID,
    "organisations[2].kind: expected one of municipality, partner, got “company”", NULL, NULL },
  { "uuid/upper-case", set_upper_case_uuid, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].actions[0].uuid: expected a UUID, got "
    "“9752D152-C496-4B9B-811D-2A2C3B21E072”",
    NULL, NULL },
  { "uuid/short", set_short_uuid, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[2].uuid: expected a UUID", NULL },
  { "uuid/duplicate", duplicate_uuid, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[4].actions[1].uuid: the UUID " ACTION_CONTROLS
    " appears more than once in the file",
    NULL, NULL },
  { "uuid/other-kind", set_uuid_of_other_kind, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[3].actions[4].uuid: this UUID belongs to a different kind of record in "
    "this database",
    NULL, NULL },
  { "reference/subtheme", set_missing_subtheme, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0].subtheme: the sub-theme " MISSING_UUID
    " is neither in the file nor in this database",
    NULL, NULL },
  { "reference/subtheme-of-other-priority", set_subtheme_of_other_priority, NULL,
    VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[1].actions[0].subtheme: the sub-theme " SUBTHEME_DRUGS
    " belongs to another priority",
    NULL, NULL },
  { "reference/organisation", set_unknown_lead, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0].lead: the organisation “ede” is neither in the file nor in "
    "this database",
    NULL, NULL },
  { "reference/participant", set_unknown_participant, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].participants[3]: the organisation “ede” is neither in the file nor in this database",
    NULL, NULL },
  { "reference/bad-code", set_bad_code, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0].lead: expected an organisation code such as “nijkerk”, got "
    "“Barneveld”",
    NULL, NULL },
  { "range/quarter", set_quarter_7, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[2].actions[4].quarter: expected 1–4, got 7", NULL, NULL },
  { "range/position", set_negative_position, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[2].position: expected a whole number of at least 0, got -1",
    NULL, NULL },
  { "range/last-year", set_last_year_before_first, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].last_year: may not come before first_year", NULL, NULL },
  { "format/colour", set_upper_case_colour, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].colour: expected a colour such as “#2a7ab0”, got “#C0392B”", NULL,
    NULL },
  { "format/local-time", set_local_time, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[0].actions[0].modified_at: expected a time in UTC", NULL },
  { "format/base-after", set_base_after, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[0].actions[0].base: expected a time in UTC before", NULL },
  { "format/base-not-time", set_base_not_time, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[0].actions[0].base: expected a time in UTC before", "gisteren" },
  { "version/newer", set_version_3, NULL, VP_EXCHANGE_ERROR_TOO_NEW, NULL, "version 3",
    "Update Veiligheidsplan" },
  { "version/zero", set_version_0, NULL, VP_EXCHANGE_ERROR_INVALID, NULL, "version: ", "got 0" },
  { "encoding/ascii-line", NULL, break_utf8_ascii_line, VP_EXCHANGE_ERROR_ENCODING, NULL,
    "line 11, column 20", NULL },
  { "encoding/after-trema", NULL, break_utf8_after_e_trema, VP_EXCHANGE_ERROR_ENCODING, NULL,
    "line 93, column 281", NULL },
  /* Two records the database cannot both hold: a fault of the file, to
   * be named where it is, not an error of the database when applying. */
  { "duplicate/code", duplicate_code, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "organisations[2].code: ", NULL },
  { "duplicate/letter", duplicate_letter, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[0].subthemes[1].letter: ", NULL },
  { "duplicate/status", duplicate_status, NULL, VP_EXCHANGE_ERROR_INVALID, NULL,
    "plans[0].priorities[0].actions[1].statuses[1]", NULL },
  { "key/action", set_unknown_action_key, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0]: unknown key “colour”", NULL, NULL },
  { "key/top-level", set_unknown_top_key, NULL, VP_EXCHANGE_ERROR_INVALID,
    "comment: unknown key “comment”", NULL, NULL },
  { "not-exchange/format", set_other_format, NULL, VP_EXCHANGE_ERROR_NOT_EXCHANGE, NULL,
    "not a Veiligheidsplan exchange file", NULL },
  { "not-exchange/array", NULL, make_array, VP_EXCHANGE_ERROR_NOT_EXCHANGE, NULL,
    "not a Veiligheidsplan exchange file", NULL },
  { "not-exchange/other-json", NULL, make_other_object, VP_EXCHANGE_ERROR_NOT_EXCHANGE, NULL,
    "not a Veiligheidsplan exchange file", NULL },
  { "lead/organisation-without-lead", set_organisation_lead_null, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[1].lead: must name an organisation when lead_kind is "
    "“organisation”, and only then",
    NULL, NULL },
  { "lead/joint-with-lead", set_joint_lead_with_code, NULL, VP_EXCHANGE_ERROR_INVALID,
    "plans[0].priorities[0].actions[0].lead: must name an organisation when lead_kind is "
    "“organisation”, and only then",
    NULL, NULL },
};

static GBytes *
make_invalid (const InvalidCase *invalid)
{
  g_autofree char *text = example_text ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *edited = NULL;

  if (invalid->edit_text != NULL)
    {
      edited = invalid->edit_text (text);
      return bytes_from_text (edited);
    }
  root = parse_text (text);
  invalid->edit_json (root);
  return bytes_from_json (root);
}

/* Reads @bytes into a store that holds the example: refused with @code,
 * and the store is as it was. Returns the message. */
static char *
assert_refused_file (GBytes *bytes, VpExchangeError code)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *counts_before = vp_test_describe_counts (store);
  g_autofree char *dump_after = NULL;
  g_autofree char *counts_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read (store, bytes, "bad.json", &error);

  g_assert_null (set);
  g_assert_error (error, VP_EXCHANGE_ERROR, (int) code);
  dump_after = vp_test_dump_file (vp_store_get_path (store));
  counts_after = vp_test_describe_counts (store);
  assert_same_dump (dump_before, dump_after);
  g_assert_cmpstr (counts_before, ==, counts_after);
  g_assert_cmpstr (record_text (store, ACTION_CONTROLS, "target-unit"), ==, "integrale controles");
  return g_strdup (error->message);
}

static void
check_invalid (const InvalidCase *invalid)
{
  g_autoptr (GBytes) bytes = make_invalid (invalid);
  g_autofree char *message = assert_refused_file (bytes, invalid->code);

  g_test_message ("%s", message);
  if (invalid->message != NULL)
    g_assert_cmpstr (message, ==, invalid->message);
  if (invalid->contains != NULL)
    g_assert_nonnull (g_strstr_len (message, -1, invalid->contains));
  if (invalid->contains_too != NULL)
    g_assert_nonnull (g_strstr_len (message, -1, invalid->contains_too));
}

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *invalid = data;

  check_invalid (invalid);
}

static void
test_invalid_too_large_bytes (void)
{
  gsize size = VP_EXCHANGE_MAX_SIZE + 1;
  /* calloc: pages nobody touches, as the reader must not */
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *message = assert_refused_file (bytes, VP_EXCHANGE_ERROR_TOO_LARGE);

  g_assert_nonnull (g_strstr_len (message, -1, "128 MiB"));
}

static void
test_invalid_too_large_file (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *dump_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* A sparse file: large, yet nothing on disk. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) VP_EXCHANGE_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  set = vp_exchange_read_file (store, path, &error);
  g_assert_null (set);
  g_assert_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_TOO_LARGE);
  dump_after = vp_test_dump_file (vp_store_get_path (store));
  assert_same_dump (dump_before, dump_after);
}

/* What the exchange folder does with a file that arrives: read and parsed
 * in a worker thread by vp_exchange_load_async(). json-glib overflowed its
 * stack there on nesting behind a comment or single quotes, and took the
 * window with it. */
static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **loaded = user_data;

  *loaded = g_object_ref (result);
}

static void
assert_load_refused (const char *text, const char *contains)
{
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "barneveld.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  vp_exchange_load_async (file, NULL, on_loaded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  root = vp_exchange_load_finish (loaded, &error);
  g_assert_null (root);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, contains));
}

static void
test_invalid_in_background (void)
{
  g_autofree char *text = example_text ();
  g_autofree char *behind_comment = add_deep_nesting_behind_comment (text);
  g_autofree char *behind_quotes = add_deep_nesting_behind_single_quotes (text);
  g_autofree char *plans = add_too_many_plans (text);

  assert_load_refused (behind_comment, "line 7, column 20: comments are not allowed");
  assert_load_refused (behind_quotes, "line 7, column 21: single quotes are not allowed");
  assert_load_refused (plans, "the file holds more than 100 plans");
}

/* What json-glib takes for a file as the program writes it, estimated:
 * well within what the reader allows (twelve times the file), also without
 * spaces. */
/* The same JSON as json-glib's parser makes, written out again. */
static char *
json_glib_text (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Two compact trees alike: types, values, keys in order. */
static void
assert_json_equal (const VpJson *a, const VpJson *b)
{
  g_assert_cmpint (a->type, ==, b->type);
  switch (a->type)
    {
    case VP_JSON_NULL:
      break;
    case VP_JSON_BOOLEAN:
      g_assert_cmpint (a->boolean, ==, b->boolean);
      break;
    case VP_JSON_INTEGER:
      g_assert_cmpint (a->integer, ==, b->integer);
      break;
    case VP_JSON_DOUBLE:
      g_assert_cmpfloat (a->number, ==, b->number);
      break;
    case VP_JSON_STRING:
      g_assert_cmpstr (a->string, ==, b->string);
      break;
    case VP_JSON_OBJECT:
    case VP_JSON_ARRAY:
      g_assert_cmpuint (a->length, ==, b->length);
      for (guint i = 0; i < a->length; i++)
        {
          if (a->type == VP_JSON_OBJECT)
            {
              g_assert_cmpstr (a->keys[i], ==, b->keys[i]);
              g_assert_true (vp_json_get_member (a, a->keys[i]) == &a->elements[i]);
            }
          assert_json_equal (&a->elements[i], &b->elements[i]);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_build_as_parser (const char *text)
{
  VpJsonLimits limits = { VP_EXCHANGE_MAX_DEPTH, NULL, 0, G_MAXUINT64 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonNode) built = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr (VpJsonDocument) doc = NULL;
  g_autoptr (VpJsonDocument) from_node = NULL;

  g_assert_true (vp_json_strict_check (text, strlen (text), &limits, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  built = vp_json_strict_build (text, strlen (text));
  g_assert_nonnull (built);
  g_assert_true (json_node_is_immutable (built));
  g_assert_true (json_node_equal (built, json_parser_get_root (parser)));
  /* the generator tells whole numbers from others, json_node_equal() not */
  expected = json_glib_text (json_parser_get_root (parser));
  got = json_glib_text (built);
  g_assert_cmpstr (got, ==, expected);

  /* the reader's compact tree, from the text and from json-glib's nodes */
  doc = vp_json_document_parse (text, strlen (text));
  from_node = vp_json_document_from_node (json_parser_get_root (parser));
  g_assert_nonnull (doc);
  g_assert_nonnull (from_node);
  assert_json_equal (vp_json_document_get_root (doc), vp_json_document_get_root (from_node));
}

/* The trees are built by our own loops, not json-glib's parser: json-glib's
 * nodes by vp_json_strict_build(), the reader's compact tree by
 * vp_json_document_parse() (or copied from nodes): the same values, for
 * the example and for every kind of value, escape and nesting. */
static void
test_build_as_parser (void)
{
  g_autofree char *example = example_text ();

  check_build_as_parser (example);
  check_build_as_parser ("\xef\xbb\xbf {\"a\": [1, -2, 0, -0, 3.5, -1e3, 2E+2, 1.25e-2, "
                         "9223372036854775807, -9223372036854775808],\n"
                         " \"b\": {\"\": null, \"t\": true, \"f\": false, \"e\": {}, "
                         "\"l\": [[], [{}], [[[\"deep\"]]]]},\r\n"
                         "\t\"\\u00e9\\n\": \"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t "
                         "\\u0041\\u00e9\\u20ac\\ud83d\\ude00 é€😀\", \"s\": \"\"}");
  check_build_as_parser ("[]");
  check_build_as_parser ("\"only a text\"");
  check_build_as_parser ("42");
}

/* The encoding check skips ASCII eight bytes at a time; it finds the same
 * faults at the same places as g_utf8_validate_len() over the whole text:
 * bytes of broken, cut and whole characters, and NUL, at every offset. */
static void
test_strict_encoding (void)
{
  const guchar alphabet[] = { 'a', '"', ' ', '{', 0x00, 0xc3, 0xab, 0x80, 0xff, 0xe2, 0x82, 0xac };
  VpJsonLimits limits = { VP_EXCHANGE_MAX_DEPTH, NULL, 0, G_MAXUINT64 };

  for (guint i = 0; i < 20000; i++)
    {
      guchar text[40];
      gsize length = (gsize) g_test_rand_int_range (1, sizeof text);
      g_autoptr (GError) error = NULL;
      const char *bad = NULL;
      gboolean valid;

      for (gsize j = 0; j < length; j++)
        {
          /* mostly ASCII, as a file is: long runs of it */
          gboolean ascii = g_test_rand_int_range (0, 4) != 0;

          text[j] = alphabet[g_test_rand_int_range (0, ascii ? 4 : G_N_ELEMENTS (alphabet))];
        }
      valid = g_utf8_validate_len ((const char *) text, length, &bad);
      vp_json_strict_check ((const char *) text, length, &limits, NULL, &error);
      if (valid)
        {
          g_assert_false (
            g_error_matches (error, VP_JSON_STRICT_ERROR, VP_JSON_STRICT_ERROR_ENCODING));
        }
      else
        {
          guint column = 1;
          g_autofree char *where = NULL;

          for (const guchar *p = text; p < (const guchar *) bad; p++)
            column += (*p & 0xc0) != 0x80;
          where = g_strdup_printf ("line 1, column %u: ", column);
          g_assert_error (error, VP_JSON_STRICT_ERROR, VP_JSON_STRICT_ERROR_ENCODING);
          g_assert_true (g_str_has_prefix (error->message, where));
        }
    }
}

/* What GDateTime makes of @text, in the database's form: the reference
 * vp_exchange_normalize_timestamp() keeps to. */
static char *
normalize_by_gdatetime (const char *text)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  return time != NULL ? vp_store_format_timestamp (time) : NULL;
}

/* Stamps already in the database's form are taken as they are, without a
 * GDateTime; the result is the same as GDateTime's for every input. */
static void
test_normalize_timestamp (void)
{
  const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "2024-02-28T09:00:00.123Z", "2024-02-28T09:00:00.123Z" },
    { "2024-02-28T09:00:00Z", "2024-02-28T09:00:00.000Z" },
    { "2024-02-28T09:00:00.1Z", "2024-02-28T09:00:00.100Z" },
    { "2024-02-28T09:00:00.123456Z", "2024-02-28T09:00:00.123Z" },
    { "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z" },
    { "2023-02-29T10:00:00.000Z", NULL },
    { "2024-04-31T10:00:00.000Z", NULL },
    { "2024-13-01T00:00:00.000Z", NULL },
    { "2024-00-10T00:00:00.000Z", NULL },
    { "2024-02-00T00:00:00.000Z", NULL },
    { "2024-02-28T24:00:00.000Z", NULL },
    { "2024-02-28T09:60:00.000Z", NULL },
    { "2024-02-28T09:00:00.000+01:00", NULL },
    { "2024-02-28 09:00:00.000Z", NULL },
    { "2024-02-28T09:00:00.00aZ", NULL },
  };
  /* not the database's form, so GDateTime decides as before */
  const char *const to_gdatetime[]
    = { "2024-12-31T23:59:60.000Z", "0999-01-01T00:00:00.000Z", "1000-01-01T00:00:00.000Z" };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = vp_exchange_normalize_timestamp (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (to_gdatetime); i++)
    {
      g_autofree char *got = vp_exchange_normalize_timestamp (to_gdatetime[i]);
      g_autofree char *reference = normalize_by_gdatetime (to_gdatetime[i]);

      g_assert_cmpstr (got, ==, reference);
    }
  /* and for stamps of every shape: days past the month's end, hours,
   * minutes and seconds past their range, every year of four digits */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *text
        = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", g_test_rand_int_range (0, 10000),
                           g_test_rand_int_range (0, 14), g_test_rand_int_range (0, 33),
                           g_test_rand_int_range (0, 26), g_test_rand_int_range (0, 62),
                           g_test_rand_int_range (0, 62), g_test_rand_int_range (0, 1000));
      g_autofree char *got = vp_exchange_normalize_timestamp (text);
      g_autofree char *reference = normalize_by_gdatetime (text);

      if (g_strcmp0 (got, reference) != 0)
        g_test_message ("%s", text);
      g_assert_cmpstr (got, ==, reference);
    }
}

static void
test_tree_estimate (void)
{
  g_autofree char *text = example_text ();
  g_autofree char *compact = NULL;
  VpJsonLimits limits = { VP_EXCHANGE_MAX_DEPTH, NULL, 0, G_MAXUINT64 };
  guint64 tree_bytes = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = parse_text (text);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_assert_true (vp_json_strict_check (text, strlen (text), &limits, &tree_bytes, &error));
  g_assert_no_error (error);
  g_test_message ("the example: %" G_GUINT64_FORMAT " bytes of tree for %zu of text", tree_bytes,
                  strlen (text));
  g_assert_cmpuint (tree_bytes, <, 6 * strlen (text));

  /* without spaces */
  json_generator_set_root (generator, root);
  compact = json_generator_to_data (generator, NULL);
  g_assert_true (vp_json_strict_check (compact, strlen (compact), &limits, &tree_bytes, &error));
  g_test_message ("without spaces: %" G_GUINT64_FORMAT " bytes for %zu", tree_bytes,
                  strlen (compact));
  g_assert_cmpuint (tree_bytes, <, 10 * strlen (compact));
}

static void
test_invalid_missing_file (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nothing.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);

  g_assert_null (set);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An empty file is a fault of the file, reported as such: not JSON, or
 * not an exchange file. */
static void
assert_empty_refused (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX)
                 || g_error_matches (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NOT_EXCHANGE));
}

static void
check_empty_bytes (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (store));
  g_autofree char *dump_after = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read (store, bytes, "empty.json", &error);

  g_assert_null (set);
  assert_empty_refused (error);
  dump_after = vp_test_dump_file (vp_store_get_path (store));
  assert_same_dump (dump_before, dump_after);
}

static void
test_invalid_empty_bytes (void)
{
  check_empty_bytes ();
}

static void
check_empty_file (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  set = vp_exchange_read_file (store, path, &error);
  g_assert_null (set);
  assert_empty_refused (error);
}

static void
test_invalid_empty_file (void)
{
  check_empty_file ();
}

/* References need not be in the file when the database has them. */
static void
test_references_from_database (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (VpStore) empty = store_new ("Barneveld");
  g_autoptr (JsonNode) root = parse_example ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  json_object_set_array_member (header_object (root), "organisations", json_array_new ());
  json_object_set_array_member (priority_object (root, 0), "subthemes", json_array_new ());
  bytes = bytes_from_json (root);

  set = read_bytes (store, bytes);
  assert_change_counts (set, 0, 0, 106, 0, 0, 0);

  g_clear_object (&set);
  set = vp_exchange_read (empty, bytes, NULL, &error);
  g_assert_null (set);
  g_assert_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (g_strstr_len (error->message, -1, "“nijkerk” is neither in the file nor"));
  g_assert_cmpuint (vp_store_count (empty, VP_TYPE_ORGANISATION), ==, 0);
}

/* 4. A second import of the same file changes nothing */

static void
test_reimport_idempotent (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (GBytes) bytes = example_bytes ();
  g_autofree char *dump_before = vp_test_dump_without (store, log_tables);
  g_autofree char *counts_before = vp_test_describe_counts (store);
  g_autofree char *dump_after = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *n_imports = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  set = import_bytes (store, bytes);
  assert_change_counts (set, 0, 0, 114, 0, 0, 0);
  dump_after = vp_test_dump_without (store, log_tables);
  counts_after = vp_test_describe_counts (store);
  assert_same_dump (dump_before, dump_after);
  g_assert_cmpstr (counts_before, ==, counts_after);
  n_imports = query_text (store, "SELECT count(*) || ' ' || sum(added) || ' ' || sum(unchanged) "
                                 "FROM import_log");
  g_assert_cmpstr (n_imports, ==, "2 114 114");
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   EXAMPLE_STAMP);
}

/* Records made in this session, exported and read back before the
 * program restarts, are the same records: unchanged, not older. */
static void
test_own_export_unchanged (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (VpStore) reopened = NULL;
  g_autoptr (VpChangeSet) set_reopened = NULL;

  vp_test_add_small_plan (store);
  text = write_export (store, NULL);
  bytes = bytes_from_text (text);

  reopened = reopen (store);
  set_reopened = read_bytes (reopened, bytes);
  assert_change_counts (set_reopened, 0, 0, 14, 0, 0, 0);
  set = read_bytes (store, bytes);
  assert_change_counts (set, 0, 0, 14, 0, 0, 0);
}

/* 5. The newer version wins; an older one is left alone */

static GBytes *
example_with_text (guint priority, guint action, const char *text, const char *at, const char *by)
{
  g_autoptr (JsonNode) root = parse_example ();

  change_text (action_object (root, priority, action), "text", text, at, by);
  return bytes_from_json (root);
}

static void
test_newer_wins (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (GBytes) bytes
    = example_with_text (0, 1, "We organiseren zes integrale controles.", THEIR_STAMP, "nijkerk");
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);
  VpChange *change = vp_test_find_change (set, ACTION_CONTROLS);
  VpRecord *action = vp_store_lookup (store, ACTION_CONTROLS);
  g_autoptr (VpStore) again = NULL;
  g_autofree char *base = NULL;

  assert_change_counts (set, 0, 1, 113, 0, 0, 0);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_UPDATED);
  g_assert_true (vp_change_get_local (change) == action);
  /* not before apply */
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), !=,
                   "We organiseren zes integrale controles.");

  apply (set, store);
  g_assert_true (vp_store_lookup (store, ACTION_CONTROLS) == action);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==,
                   "We organiseren zes integrale controles.");
  g_assert_cmpstr (vp_record_get_modified_at (action), ==, THEIR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_by (action), ==, "nijkerk");
  base = vp_store_dup_sync_base (store, "nijkerk", ACTION_CONTROLS);
  g_assert_cmpstr (base, ==, THEIR_STAMP);

  again = reopen (store);
  g_assert_cmpstr (record_text (again, ACTION_CONTROLS, "text"), ==,
                   "We organiseren zes integrale controles.");
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (again, ACTION_CONTROLS)), ==,
                   THEIR_STAMP);
}

#define EXAMPLE_CONTROLS_TEXT "We organiseren vijf (thematische) integrale controles."
#define OLD_STAMP             "2024-01-15T08:00:00.000Z"

static void
assert_older_left_alone (GBytes *bytes)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autofree char *dump_before = vp_test_dump_without (store, bookkeeping_tables);
  g_autofree char *dump_after = NULL;
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);

  assert_change_counts (set, 0, 0, 113, 1, 0, 0);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, ACTION_CONTROLS)), ==,
                   VP_CHANGE_OLDER);
  apply (set, store);
  g_assert_true (
    g_str_has_prefix (record_text (store, ACTION_CONTROLS, "text"), EXAMPLE_CONTROLS_TEXT));
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   EXAMPLE_STAMP);
  dump_after = vp_test_dump_without (store, bookkeeping_tables);
  assert_same_dump (dump_before, dump_after);
}

static void
test_older_left_alone (void)
{
  g_autoptr (GBytes) older = example_with_text (0, 1, "Een oude versie.", OLD_STAMP, "nijkerk");
  g_autoptr (GBytes) same_time
    = example_with_text (0, 1, "Zelfde tijd, andere tekst.", EXAMPLE_STAMP, "nijkerk");

  assert_older_left_alone (older);
  /* as old as ours: left alone too */
  assert_older_left_alone (same_time);
}

/* An older file does not make the version last taken from the partner
 * older: a record the partner has not changed since is no conflict. */
static void
check_older_keeps_base (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (GBytes) older = example_with_text (0, 1, "Een oude versie.", OLD_STAMP, "nijkerk");
  g_autoptr (GBytes) example = example_bytes ();
  g_autoptr (VpChangeSet) set = import_bytes (store, older);
  g_autoptr (GError) error = NULL;

  set_clock (store, OUR_STAMP);
  vp_store_update (store, vp_store_lookup (store, ACTION_CONTROLS), &error, "text", "Onze versie.",
                   NULL);
  g_assert_no_error (error);

  /* Nijkerk's current file again: CONTROLS unchanged there since. */
  g_clear_object (&set);
  set = read_bytes (store, example);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, ACTION_CONTROLS)), ==,
                   VP_CHANGE_OLDER);
  assert_change_counts (set, 0, 0, 113, 1, 0, 0);
}

static void
test_older_keeps_base (void)
{
  check_older_keeps_base ();
}

/* The owner changes its own record: taken in a partner's database. */
static void
test_owner_changes_own_record (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (GBytes) bytes = example_with_text (3, 0, "Nieuwe woonopties.", THEIR_STAMP, "nijkerk");
  g_autoptr (VpChangeSet) set = import_bytes (store, bytes);

  assert_change_counts (set, 0, 1, 113, 0, 0, 0);
  g_assert_cmpstr (record_text (store, ACTION_PARKS, "text"), ==, "Nieuwe woonopties.");
}

/* 6. Conflicts: changed here and there since the last exchange */

#define OUR_TEXT   "Onze versie: vier integrale controles."
#define THEIR_TEXT "Hun versie: zes integrale controles."

/* Barneveld's database with the example from Nijkerk, and the joint
 * action CONTROLS changed here since. */
static VpStore *
conflict_store_new (void)
{
  VpStore *store = example_store_new ("Barneveld");
  g_autoptr (GError) error = NULL;

  set_clock (store, OUR_STAMP);
  vp_store_update (store, vp_store_lookup (store, ACTION_CONTROLS), &error, "text", OUR_TEXT, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   OUR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_by (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   "barneveld");
  return store;
}

/* Nijkerk's next file: CONTROLS changed there too (before our change, but
 * after the version both had), DAMOCLES changed only there. */
static GBytes *
conflict_file (void)
{
  g_autoptr (JsonNode) root = parse_example ();

  change_text (action_object (root, 0, 1), "text", THEIR_TEXT, THEIR_STAMP, "nijkerk");
  change_text (action_object (root, 0, 0), "text", "Damocles, herzien.", THEIR_STAMP, "nijkerk");
  return bytes_from_json (root);
}

static void
test_conflict_left_alone (void)
{
  g_autoptr (VpStore) store = conflict_store_new ();
  g_autoptr (GBytes) bytes = conflict_file ();
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);
  VpChange *conflict = vp_test_find_change (set, ACTION_CONTROLS);
  g_autofree char *base = NULL;

  assert_change_counts (set, 0, 1, 112, 0, 1, 0);
  g_assert_cmpint (vp_change_get_kind (conflict), ==, VP_CHANGE_CONFLICT);
  g_assert_cmpint (vp_change_get_resolution (conflict), ==, VP_RESOLUTION_NONE);
  g_assert_true (vp_change_get_local (conflict) == vp_store_lookup (store, ACTION_CONTROLS));
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (vp_change_get_incoming (conflict))), ==,
                   THEIR_TEXT);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, ACTION_DAMOCLES)), ==,
                   VP_CHANGE_UPDATED);

  apply (set, store);
  g_assert_cmpstr (record_text (store, ACTION_CONTROLS, "text"), ==, OUR_TEXT);
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   OUR_STAMP);
  g_assert_cmpstr (record_text (store, ACTION_DAMOCLES, "text"), ==, "Damocles, herzien.");
  /* Not seen: the next file is a conflict again. */
  base = vp_store_dup_sync_base (store, "nijkerk", ACTION_CONTROLS);
  g_assert_cmpstr (base, ==, EXAMPLE_STAMP);

  g_clear_object (&set);
  set = read_bytes (store, bytes);
  assert_change_counts (set, 0, 0, 113, 0, 1, 0);
}

static void
test_conflict_take_theirs (void)
{
  g_autoptr (VpStore) store = conflict_store_new ();
  g_autoptr (GBytes) bytes = conflict_file ();
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);
  g_autoptr (VpChangeSet) again = NULL;
  g_autoptr (VpStore) reopened = NULL;

  vp_change_set_resolution (vp_test_find_change (set, ACTION_CONTROLS), VP_RESOLUTION_TAKE_THEIRS);
  g_assert_cmpint (vp_change_get_resolution (vp_test_find_change (set, ACTION_CONTROLS)), ==,
                   VP_RESOLUTION_TAKE_THEIRS);
  apply (set, store);
  g_assert_cmpstr (record_text (store, ACTION_CONTROLS, "text"), ==, THEIR_TEXT);
  /* Theirs is older than ours was: stamped anew, or partners that took
   * ours would keep it as the newer one and the decision would not
   * travel. */
  g_assert_cmpstr (THEIR_STAMP, <, OUR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_CONTROLS)), >,
                   OUR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_by (vp_store_lookup (store, ACTION_CONTROLS)), ==,
                   "barneveld");
  reopened = reopen (store);
  g_assert_cmpstr (record_text (reopened, ACTION_CONTROLS, "text"), ==, THEIR_TEXT);

  /* Settled: the same file again changes nothing. */
  again = read_bytes (store, bytes);
  assert_change_counts (again, 0, 0, 114, 0, 0, 0);
}

static void
test_conflict_keep_ours (void)
{
  g_autoptr (VpStore) store = conflict_store_new ();
  g_autoptr (GBytes) bytes = conflict_file ();
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);
  g_autoptr (VpChangeSet) again = NULL;
  VpRecord *action = vp_store_lookup (store, ACTION_CONTROLS);
  g_autoptr (VpStore) reopened = NULL;

  vp_change_set_resolution (vp_test_find_change (set, ACTION_CONTROLS), VP_RESOLUTION_KEEP_OURS);
  apply (set, store);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, OUR_TEXT);
  /* Re-stamped, newer than theirs and than before, so partners take it. */
  g_assert_cmpstr (vp_record_get_modified_at (action), >, THEIR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_at (action), >, OUR_STAMP);
  g_assert_cmpstr (vp_record_get_modified_by (action), ==, "barneveld");
  reopened = reopen (store);
  g_assert_cmpstr (record_text (reopened, ACTION_CONTROLS, "text"), ==, OUR_TEXT);
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (reopened, ACTION_CONTROLS)), ==,
                   vp_record_get_modified_at (action));

  /* Settled: their version is older than ours now. */
  again = read_bytes (store, bytes);
  assert_change_counts (again, 0, 0, 113, 1, 0, 0);
}

/* Kept ours while their stamp is later than our clock (clocks differ
 * between municipalities): ours must still be the newest afterwards, or
 * the same file overrides the decision next time. */
static void
check_keep_ours_clock_behind (void)
{
  g_autoptr (VpStore) store = conflict_store_new ();
  g_autoptr (JsonNode) root = parse_example ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (VpChangeSet) again = NULL;
  VpRecord *action = vp_store_lookup (store, ACTION_CONTROLS);

  change_text (action_object (root, 0, 1), "text", THEIR_TEXT, "2024-03-10T12:05:00.000Z",
               "nijkerk");
  bytes = bytes_from_json (root);
  set = read_bytes (store, bytes);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, ACTION_CONTROLS)), ==,
                   VP_CHANGE_CONFLICT);
  vp_change_set_resolution (vp_test_find_change (set, ACTION_CONTROLS), VP_RESOLUTION_KEEP_OURS);
  apply (set, store);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, OUR_TEXT);

  again = import_bytes (store, bytes);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (again, ACTION_CONTROLS)), ==,
                   VP_CHANGE_OLDER);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (action)), ==, OUR_TEXT);
}

static void
test_conflict_keep_ours_clock_behind (void)
{
  check_keep_ours_clock_behind ();
}

/* A file from Barneveld, made from @store's own export. */
static JsonNode *
barneveld_file_from (VpStore *store)
{
  g_autofree char *text = write_export (store, NULL);
  JsonNode *root = parse_text (text);

  json_object_set_string_member (header_object (root), "exported_by", "barneveld");
  return root;
}

/* 7. Ownership: only the owner changes a record */

static void
test_refused_owned_action (void)
{
  g_autoptr (VpStore) store = example_store_new ("Nijkerk");
  g_autoptr (JsonNode) root = barneveld_file_from (store);
  g_autoptr (GBytes) by_barneveld = NULL;
  g_autoptr (GBytes) relayed = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autofree char *dump_before = vp_test_dump_without (store, bookkeeping_tables);
  g_autofree char *dump_after = NULL;
  g_autofree char *base = NULL;

  change_text (action_object (root, 3, 0), "text", "Barneveld weet het beter.", THEIR_STAMP,
               "barneveld");
  by_barneveld = bytes_from_json (root);
  /* the same change, claiming to be Nijkerk's */
  json_object_set_string_member (action_object (root, 3, 0), "modified_by", "nijkerk");
  relayed = bytes_from_json (root);

  set = import_bytes (store, by_barneveld);
  assert_change_counts (set, 0, 0, 113, 0, 0, 1);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, ACTION_PARKS)), ==,
                   VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_path (vp_test_find_change (set, ACTION_PARKS)), ==,
                   "plans[0].priorities[3].actions[0]");
  g_clear_object (&set);
  set = import_bytes (store, relayed);
  assert_change_counts (set, 0, 0, 113, 0, 0, 1);

  g_assert_true (g_str_has_prefix (record_text (store, ACTION_PARKS, "text"),
                                   "We inventariseren alternatieve woonopties"));
  g_assert_cmpstr (vp_record_get_modified_at (vp_store_lookup (store, ACTION_PARKS)), ==,
                   EXAMPLE_STAMP);
  /* Not taken: what was last taken is still Nijkerk's version. */
  base = vp_store_dup_sync_base (store, "barneveld", ACTION_PARKS);
  g_assert_cmpstr (base, ==, EXAMPLE_STAMP);
  dump_after = vp_test_dump_without (store, bookkeeping_tables);
  assert_same_dump (dump_before, dump_after);
}

static JsonObject *
status_object (JsonNode *root, guint priority, guint action, guint status)
{
  JsonArray *statuses
    = json_object_get_array_member (action_object (root, priority, action), "statuses");

  return json_array_get_object_element (statuses, status);
}

static void
test_refused_status (void)
{
  g_autoptr (VpStore) store = example_store_new ("Nijkerk");
  VpRecord *status
    = insert (store, g_object_new (VP_TYPE_ACTION_STATUS, "action", ACTION_CONTROLS, "municipality",
                                   "nijkerk", "status", VP_STATUS_DONE, "achieved", 5, "note",
                                   "Alle vijf gehouden.", NULL));
  const char *uuid = vp_record_get_uuid (status);
  g_autoptr (JsonNode) root = barneveld_file_from (store);
  g_autoptr (GBytes) changed = NULL;
  g_autoptr (GBytes) relayed = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  g_assert_cmpstr (vp_record_get_modified_by (status), ==, "nijkerk");
  change_text (status_object (root, 0, 1, 0), "note", "Niet gehaald.", THEIR_STAMP, "barneveld");
  json_object_set_string_member (status_object (root, 0, 1, 0), "status", "postponed");
  changed = bytes_from_json (root);
  json_object_set_string_member (status_object (root, 0, 1, 0), "modified_by", "nijkerk");
  relayed = bytes_from_json (root);

  set = import_bytes (store, changed);
  assert_change_counts (set, 0, 0, 114, 0, 0, 1);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, uuid)), ==, VP_CHANGE_REFUSED);
  g_clear_object (&set);
  set = import_bytes (store, relayed);
  assert_change_counts (set, 0, 0, 114, 0, 0, 1);

  g_assert_cmpint (vp_action_status_get_status (VP_ACTION_STATUS (status)), ==, VP_STATUS_DONE);
  g_assert_cmpstr (vp_action_status_get_note (VP_ACTION_STATUS (status)), ==,
                   "Alle vijf gehouden.");
  g_assert_cmpstr (vp_record_get_modified_at (status), ==, NOW_STAMP);
}

/* Barneveld's own status in Barneveld's file is taken; one that Nijkerk
 * would have set for Barneveld is not. */
static void
test_status_of_sender (void)
{
  g_autoptr (VpStore) store = example_store_new ("Nijkerk");
  g_autoptr (JsonNode) root = barneveld_file_from (store);
  JsonArray *statuses = json_object_get_array_member (action_object (root, 0, 1), "statuses");
  g_autoptr (JsonObject) status = make_status (NEW_UUID, "barneveld");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpRecord *added;

  json_array_add_object_element (statuses, json_object_ref (status));
  bytes = bytes_from_json (root);

  set = import_bytes (store, bytes);
  assert_change_counts (set, 1, 0, 114, 0, 0, 0);
  added = vp_store_lookup (store, NEW_UUID);
  g_assert_true (VP_IS_ACTION_STATUS (added));
  g_assert_cmpstr (vp_action_status_get_action (VP_ACTION_STATUS (added)), ==, ACTION_CONTROLS);
  g_assert_cmpint (vp_action_status_get_achieved (VP_ACTION_STATUS (added)), ==, 1);

  /* Scherpenzeel's status, set by someone else than Scherpenzeel: refused,
   * even when new */
  json_object_set_string_member (status, "uuid", MISSING_UUID);
  json_object_set_string_member (status, "municipality", "scherpenzeel");
  json_object_set_string_member (status, "modified_by", "nijkerk");
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&set);
  bytes = bytes_from_json (root);
  set = import_bytes (store, bytes);
  assert_change_counts (set, 0, 0, 114, 0, 0, 1);
  g_assert_null (vp_store_lookup (store, MISSING_UUID));
}

/* 8. Organisations are matched by code */

static void
test_organisation_by_code (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpRecord *ours = insert (store, g_object_new (VP_TYPE_ORGANISATION, "code", "nijkerk", "name",
                                                "Gemeente Nijkerk", "kind",
                                                VP_ORGANISATION_KIND_MUNICIPALITY, NULL));
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (ours));
  g_autoptr (GBytes) bytes = example_bytes ();
  g_autoptr (VpChangeSet) set = read_bytes (store, bytes);
  g_autoptr (VpChangeSet) again = NULL;
  VpChange *change = vp_test_find_change (set, uuid);

  g_assert_cmpstr (uuid, !=, ORG_NIJKERK);
  /* ours is newer (2024-03-01) than the file's */
  assert_change_counts (set, 113, 0, 0, 1, 0, 0);
  g_assert_true (vp_change_get_local (change) == ours);
  g_assert_cmpstr (vp_change_get_path (change), ==, "organisations[1]");
  apply (set, store);

  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 5);
  g_assert_null (vp_store_lookup (store, ORG_NIJKERK));
  g_assert_true (VP_RECORD (vp_store_lookup_organisation (store, "nijkerk")) == ours);
  g_assert_cmpstr (vp_organisation_get_name (VP_ORGANISATION (ours)), ==, "Gemeente Nijkerk");
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 42);

  again = import_bytes (store, bytes);
  assert_change_counts (again, 0, 0, 113, 1, 0, 0);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 5);
}

static void
test_organisation_by_code_updated (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpRecord *ours = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (GBytes) bytes = example_bytes ();
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (VpStore) reopened = NULL;

  set_clock (store, "2024-01-02T09:00:00.000Z");
  ours
    = insert (store, g_object_new (VP_TYPE_ORGANISATION, "code", "nijkerk", "name", "Nijkerk (oud)",
                                   "kind", VP_ORGANISATION_KIND_MUNICIPALITY, NULL));
  uuid = g_strdup (vp_record_get_uuid (ours));
  /* the file is read later, as files are */
  set_clock (store, NOW_STAMP);
  set = import_bytes (store, bytes);
  assert_change_counts (set, 113, 1, 0, 0, 0, 0);
  g_assert_cmpint (vp_change_get_kind (vp_test_find_change (set, uuid)), ==, VP_CHANGE_UPDATED);

  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ORGANISATION), ==, 5);
  g_assert_true (VP_RECORD (vp_store_lookup_organisation (store, "nijkerk")) == ours);
  g_assert_cmpstr (vp_record_get_uuid (ours), ==, uuid);
  g_assert_cmpstr (vp_organisation_get_name (VP_ORGANISATION (ours)), ==, "Nijkerk");
  reopened = reopen (store);
  g_assert_cmpuint (vp_store_count (reopened, VP_TYPE_ORGANISATION), ==, 5);
  g_assert_cmpstr (
    vp_record_get_uuid (VP_RECORD (vp_store_lookup_organisation (reopened, "nijkerk"))), ==, uuid);
}

/* 9. An import is one transaction */

static JsonNode *
new_action (const char *uuid)
{
  g_autoptr (JsonNode) root = parse_example ();
  JsonNode *action = json_node_copy (json_array_get_element (
    json_object_get_array_member (priority_object (root, 2), "actions"), 0));
  JsonObject *object = json_node_get_object (action);

  change_text (object, "text", "Een nieuwe actie voor zorg en veiligheid.", THEIR_STAMP, "nijkerk");
  json_object_set_string_member (object, "uuid", uuid);
  json_object_set_int_member (object, "position", 8);
  return action;
}

static void
test_one_transaction (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (JsonNode) root = parse_example ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *base = NULL;
  VpRecord *controls = vp_store_lookup (store, ACTION_CONTROLS);

  /* An update early in the file, an addition under a joint priority. */
  change_text (action_object (root, 0, 1), "text", THEIR_TEXT, THEIR_STAMP, "nijkerk");
  json_array_add_element (json_object_get_array_member (priority_object (root, 2), "actions"),
                          new_action (NEW_UUID));
  bytes = bytes_from_json (root);
  set = read_bytes (store, bytes);
  assert_change_counts (set, 1, 1, 113, 0, 0, 0);

  /* Meanwhile the (joint) priority goes: adding the action to it must
   * fail. */
  vp_store_delete (store, vp_store_lookup (store, PRIORITY_ZORG), &error);
  g_assert_no_error (error);
  dump_before = vp_test_dump_file (vp_store_get_path (store));
  counts_before = vp_test_describe_counts (store);

  g_assert_false (vp_change_set_apply (set, store, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  dump_after = vp_test_dump_file (vp_store_get_path (store));
  counts_after = vp_test_describe_counts (store);
  assert_same_dump (dump_before, dump_after);
  g_assert_cmpstr (counts_before, ==, counts_after);
  g_assert_true (vp_store_lookup (store, ACTION_CONTROLS) == controls);
  g_assert_cmpstr (vp_record_get_modified_at (controls), ==, EXAMPLE_STAMP);
  g_assert_null (vp_store_lookup (store, NEW_UUID));
  base = vp_store_dup_sync_base (store, "nijkerk", ACTION_CONTROLS);
  g_assert_cmpstr (base, ==, EXAMPLE_STAMP);

  /* The store still works: the deletion is undone, and the file, read
   * again, goes in whole. */
  g_clear_error (&error);
  g_assert_true (vp_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_object (&set);
  set = import_bytes (store, bytes);
  assert_change_counts (set, 1, 1, 113, 0, 0, 0);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (controls)), ==, THEIR_TEXT);
  g_assert_nonnull (vp_store_lookup (store, NEW_UUID));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 43);
}

/* A change set read before the store changed: the priority it updates was
 * deleted since. Applying fails with an error, and writes nothing. */
static void
check_stale_update (void)
{
  g_autoptr (VpStore) store = example_store_new ("Barneveld");
  g_autoptr (JsonNode) root = parse_example ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  VpRecord *controls = vp_store_lookup (store, ACTION_CONTROLS);

  change_text (action_object (root, 0, 1), "text", THEIR_TEXT, THEIR_STAMP, "nijkerk");
  change_text (priority_object (root, 2), "title", "Zorg, welzijn en veiligheid", THEIR_STAMP,
               "nijkerk");
  bytes = bytes_from_json (root);
  set = read_bytes (store, bytes);
  assert_change_counts (set, 0, 2, 112, 0, 0, 0);

  vp_store_delete (store, vp_store_lookup (store, PRIORITY_ZORG), &error);
  g_assert_no_error (error);
  dump_before = vp_test_dump_file (vp_store_get_path (store));

  g_assert_false (vp_change_set_apply (set, store, &error));
  g_assert_nonnull (error);
  dump_after = vp_test_dump_file (vp_store_get_path (store));
  assert_same_dump (dump_before, dump_after);
  g_assert_cmpstr (vp_record_get_modified_at (controls), ==, EXAMPLE_STAMP);
}

static void
test_stale_update (void)
{
  check_stale_update ();
}

/* Applying a change set twice (a second click): the records it adds are
 * there the second time. It fails with an error or changes nothing. */
static void
check_apply_twice (void)
{
  g_autoptr (VpStore) store = store_new ("Barneveld");
  g_autoptr (GBytes) bytes = example_bytes ();
  g_autoptr (VpChangeSet) set = import_bytes (store, bytes);
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_before = vp_test_dump_without (store, log_tables);
  g_autofree char *dump_after = NULL;

  if (!vp_change_set_apply (set, store, &error))
    g_assert_nonnull (error);
  else
    g_assert_no_error (error);
  dump_after = vp_test_dump_without (store, log_tables);
  assert_same_dump (dump_before, dump_after);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 42);
}

static void
test_apply_twice (void)
{
  check_apply_twice ();
}

/* The name an export suggests: municipality, plan and day, ASCII. */
static void
test_export_file_name (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GDateTime) day = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  VpPlan *plan = vp_test_add_small_plan (store);
  g_autofree char *dated = NULL;
  g_autofree char *plain = NULL;
  g_autoptr (GError) error = NULL;

  vp_store_set_now (store, day);
  dated = vp_exchange_file_name (store, plan, TRUE);
  g_assert_cmpstr (dated, ==, "nijkerk-uitvoeringsplan-veiligheid-2024-2026-11-23.json");
  plain = vp_exchange_file_name (store, plan, FALSE);
  g_assert_cmpstr (plain, ==, "nijkerk-uitvoeringsplan-veiligheid-2024.json");
  g_clear_pointer (&plain, g_free);
  g_assert_true (vp_store_update (store, VP_RECORD (plan), &error, "title",
                                  "Uitvoeringsprogramma Veiligheid ’s-Heerenberg 2025", NULL));
  plain = vp_exchange_file_name (store, plan, FALSE);
  g_assert_cmpstr (plain, ==, "nijkerk-uitvoeringsprogramma-veiligheid-s-heerenberg-2025.json");
}

/* Budgets */

static gint64
budget_of (VpStore *store, const char *uuid)
{
  VpRecord *record = vp_store_lookup (store, uuid);

  g_assert_nonnull (record);
  return vp_record_get_int64 (record, "budget-cents");
}

static guint
count_text (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Nijkerk's plan with budgets as municipalities write them: €25,000.15 for
 * a joint priority, €0 for its own, €0.15 for the plan itself. */
static VpStore *
budget_store_new (void)
{
  VpStore *store = example_store_new ("Nijkerk");
  g_autoptr (GError) error = NULL;

  vp_store_update (store, vp_store_lookup (store, PRIORITY_CRIME), &error, "budget-cents",
                   (gint64) 2500015, NULL);
  vp_store_update (store, vp_store_lookup (store, PRIORITY_LOCAL), &error, "budget-cents",
                   (gint64) 0, NULL);
  vp_store_update (store, vp_store_lookup (store, PLAN_UUID), &error, "budget-cents", (gint64) 15,
                   NULL);
  g_assert_no_error (error);
  return store;
}

/* Version 2: "budget" in whole euros for every reader, "budget_cents"
 * where there are cents; a partner gets the amounts exactly, €0 as €0,
 * and the plan's own budget. */
static void
test_budget_round_trip (void)
{
  g_autoptr (VpStore) nijkerk = budget_store_new ();
  g_autoptr (VpStore) barneveld = example_store_new ("Barneveld");
  g_autofree char *text = write_export (nijkerk, NULL);
  g_autoptr (JsonNode) root = parse_text (text);
  g_autoptr (GBytes) bytes = bytes_from_text (text);
  g_autoptr (VpChangeSet) set = NULL;

  g_assert_cmpint (json_object_get_int_member (priority_object (root, 0), "budget"), ==, 25000);
  g_assert_cmpint (json_object_get_int_member (priority_object (root, 0), "budget_cents"), ==,
                   2500015);
  g_assert_cmpint (json_object_get_int_member (priority_object (root, 3), "budget"), ==, 0);
  g_assert_false (json_object_has_member (priority_object (root, 3), "budget_cents"));
  g_assert_true (json_object_get_null_member (priority_object (root, 1), "budget"));
  g_assert_cmpint (json_object_get_int_member (plan_object (root), "budget"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (plan_object (root), "budget_cents"), ==, 15);
  g_assert_cmpuint (count_text (text, "\"budget_cents\""), ==, 2);

  set = import_bytes (barneveld, bytes);
  g_assert_cmpint (budget_of (barneveld, PRIORITY_CRIME), ==, 2500015);
  g_assert_cmpint (budget_of (barneveld, PRIORITY_LOCAL), ==, 0);
  g_assert_cmpint (budget_of (barneveld, PRIORITY_ZORG), ==, VP_BUDGET_NONE);
  g_assert_cmpint (budget_of (barneveld, PLAN_UUID), ==, 15);
}

/* Version 1, for a partner on 0.1.x: whole euros, rounded, and no key an
 * older reader refuses (no budget_cents, no plan budget). Read back where
 * the cents are, the whole euros leave them; read where they are not, the
 * whole euros are taken. */
static void
test_budget_version_1 (void)
{
  g_autoptr (VpStore) nijkerk = budget_store_new ();
  g_autoptr (VpStore) fresh = store_new ("Barneveld");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = vp_exchange_write_version (nijkerk, NULL, 1, &error);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) back = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  g_assert_no_error (error);
  root = parse_text (text);
  g_assert_null (strstr (text, "budget_cents"));
  g_assert_false (json_object_has_member (plan_object (root), "budget"));
  g_assert_cmpint (json_object_get_int_member (priority_object (root, 0), "budget"), ==, 25000);

  bytes = bytes_from_text (text);
  back = import_bytes (nijkerk, bytes);
  g_assert_cmpint (budget_of (nijkerk, PRIORITY_CRIME), ==, 2500015);
  g_assert_cmpint (budget_of (nijkerk, PLAN_UUID), ==, 15);
  set = import_bytes (fresh, bytes);
  g_assert_cmpint (budget_of (fresh, PRIORITY_CRIME), ==, 2500000);
  g_assert_cmpint (budget_of (fresh, PRIORITY_LOCAL), ==, 0);
  g_assert_cmpint (budget_of (fresh, PLAN_UUID), ==, VP_BUDGET_NONE);
}

/* A file whose "budget" and "budget_cents" disagree, or whose budget is
 * larger than one can be, is refused, saying which and what was expected;
 * nothing is written. */
static void
test_budget_refused (void)
{
  static const struct
  {
    gint64 cents;
    const char *message;
  } cases[] = {
    { 2600015, "plans[0].priorities[0].budget_cents: is €26,000.15, but budget is 25000; "
               "budget must be budget_cents in whole euros, rounded (26000)" },
    { -2, "plans[0].priorities[0].budget_cents: is €0.15, but budget is null" },
    { -1, "plans[0].priorities[0].budget: expected 0–1000000000, got 2000000000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) root = parse_example ();
      JsonObject *priority = priority_object (root, 0);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *message = NULL;

      if (cases[i].cents > 0)
        {
          json_object_set_int_member (priority, "budget", 25000);
          json_object_set_int_member (priority, "budget_cents", cases[i].cents);
        }
      else if (cases[i].cents == -2)
        {
          json_object_set_null_member (priority, "budget");
          json_object_set_int_member (priority, "budget_cents", 15);
        }
      else
        json_object_set_int_member (priority, "budget", 2000000000);
      bytes = bytes_from_json (root);
      message = assert_refused_file (bytes, VP_EXCHANGE_ERROR_INVALID);
      g_assert_nonnull (strstr (message, cases[i].message));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/read/example", test_example_loads);
  g_test_add_func ("/exchange/read/example-on-disk", test_example_loads_from_disk);
  g_test_add_func ("/exchange/read/references-from-database", test_references_from_database);
  g_test_add_func ("/exchange/round-trip/example", test_round_trip_example);
  g_test_add_func ("/exchange/round-trip/small-plan", test_round_trip_small_plan);
  g_test_add_func ("/exchange/budget/round-trip", test_budget_round_trip);
  g_test_add_func ("/exchange/budget/version-1", test_budget_version_1);
  g_test_add_func ("/exchange/budget/refused", test_budget_refused);
  g_test_add_func ("/exchange/write/one-plan", test_export_one_plan);
  g_test_add_func ("/exchange/write/file-name", test_export_file_name);
  g_test_add_func ("/exchange/write/needs-home", test_export_needs_home);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/exchange/invalid/", invalid_cases[i].name, NULL);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/exchange/invalid/too-large/bytes", test_invalid_too_large_bytes);
  g_test_add_func ("/exchange/invalid/too-large/file", test_invalid_too_large_file);
  g_test_add_func ("/exchange/invalid/missing-file", test_invalid_missing_file);
  g_test_add_func ("/exchange/invalid/in-background", test_invalid_in_background);
  g_test_add_func ("/exchange/strict/tree-estimate", test_tree_estimate);
  g_test_add_func ("/exchange/strict/encoding", test_strict_encoding);
  g_test_add_func ("/exchange/timestamp/normalize", test_normalize_timestamp);
  g_test_add_func ("/exchange/strict/build-as-parser", test_build_as_parser);
  g_test_add_func ("/exchange/invalid/empty/bytes", test_invalid_empty_bytes);
  g_test_add_func ("/exchange/invalid/empty/file", test_invalid_empty_file);
  g_test_add_func ("/exchange/import/again", test_reimport_idempotent);
  g_test_add_func ("/exchange/import/own-export-unchanged", test_own_export_unchanged);
  g_test_add_func ("/exchange/import/newer-wins", test_newer_wins);
  g_test_add_func ("/exchange/import/older-left-alone", test_older_left_alone);
  g_test_add_func ("/exchange/import/older-keeps-base", test_older_keeps_base);
  g_test_add_func ("/exchange/import/owner-changes-own", test_owner_changes_own_record);
  g_test_add_func ("/exchange/conflict/left-alone", test_conflict_left_alone);
  g_test_add_func ("/exchange/conflict/take-theirs", test_conflict_take_theirs);
  g_test_add_func ("/exchange/conflict/keep-ours", test_conflict_keep_ours);
  g_test_add_func ("/exchange/conflict/keep-ours-clock-behind",
                   test_conflict_keep_ours_clock_behind);
  g_test_add_func ("/exchange/refused/owned-action", test_refused_owned_action);
  g_test_add_func ("/exchange/refused/status", test_refused_status);
  g_test_add_func ("/exchange/refused/status-of-sender", test_status_of_sender);
  g_test_add_func ("/exchange/organisation/by-code", test_organisation_by_code);
  g_test_add_func ("/exchange/organisation/by-code-updated", test_organisation_by_code_updated);
  g_test_add_func ("/exchange/transaction/all-or-nothing", test_one_transaction);
  g_test_add_func ("/exchange/transaction/stale-update", test_stale_update);
  g_test_add_func ("/exchange/transaction/apply-twice", test_apply_twice);

  return g_test_run ();
}
