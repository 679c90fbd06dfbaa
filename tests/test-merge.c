/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-merge"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "vp-test-util.h"

/* Merging between municipalities, as it happens: Nijkerk, Barneveld and
 * Scherpenzeel each keep a database of their own, each with a clock that
 * the test moves on a minute at every step, and they pass exchange files
 * around (vp_exchange_export() to a file, so the versions sent are noted;
 * vp_exchange_read_file() and vp_change_set_apply() at the receiver). */

#define EXAMPLE_STAMP   "2024-02-28T09:00:00.000Z"
#define EXAMPLE_RECORDS 114

#define PRIORITY_CRIME  "73daa09c-2c1e-4141-91b0-255a594b5c91" /* priorities[0], joint */
#define ACTION_DAMOCLES "aab6f567-4d7f-491d-a0f6-fddef2204fed" /* [0].actions[0], joint */
#define ACTION_CONTROLS "7d03f395-3aea-4815-9b5e-8b362e3ac785" /* [0].actions[1], joint */
#define ACTION_TRAINING "4e5dfec4-f24d-40e9-90c7-12a80f7a1e0e" /* [0].actions[2], joint */
#define ACTION_EACH     "3e4bc5ce-54ca-4ce9-9cfd-ec242602ac63" /* [0].actions[15], joint */
/* an action Scherpenzeel leads: only it sets the status */
#define ACTION_IKZ   "f05dc8dd-66d1-4259-a7fa-c021c0397a54"
#define ACTION_PARKS "3867fee3-40fb-43dc-b3aa-24d9fe097ee8" /* [3].actions[0], Nijkerk's */
#define NEW_PRIORITY "5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define NEW_SUBTHEME "6c2a3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e"
#define NEW_ACTION_1 "7d3b4e5f-6071-4c8d-8e9f-1a2b3c4d5e6f"
#define NEW_ACTION_2 "8e4c5f60-7182-4d9e-9fa0-2b3c4d5e6f70"
#define NEW_STATUS   "9f5d6071-8293-4eaf-a0b1-3c4d5e6f7081"

/* Files and JSON */

static JsonNode *
parse_file (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
write_json (JsonNode *root, const char *path)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

/* The record @uuid anywhere in the file, and where it stands
 * ("plans[0].priorities[3].actions[0]"), as the reader names places. */
static JsonObject *
find_in (JsonNode *node, const char *uuid, const char *path, char **found_path)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "uuid", ""), uuid) == 0)
    {
      if (found_path != NULL)
        *found_path = g_strdup (path);
      return object;
    }
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        continue;
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item_path
            = path[0] != '\0' ? g_strdup_printf ("%s.%s[%u]", path, (const char *) l->data, i)
                              : g_strdup_printf ("%s[%u]", (const char *) l->data, i);
          JsonObject *found
            = find_in (json_array_get_element (array, i), uuid, item_path, found_path);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static JsonObject *
find_json (JsonNode *root, const char *uuid, char **found_path)
{
  JsonObject *found = find_in (root, uuid, "", found_path);

  g_assert_nonnull (found);
  return found;
}

/* A copy of the record @uuid of the file, as a new record @new_uuid. */
static JsonObject *
copy_json (JsonNode *root, const char *uuid, const char *new_uuid)
{
  g_autoptr (JsonNode) node = json_node_alloc ();
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  /* json_node_copy() would share the object: a copy through text */
  json_node_init_object (node, find_json (root, uuid, NULL));
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_object_ref (json_node_get_object (copy));
  json_object_set_string_member (object, "uuid", new_uuid);
  return object;
}

static void
stamp_json (JsonObject *record, const char *at, const char *by)
{
  json_object_set_string_member (record, "modified_at", at);
  json_object_set_string_member (record, "modified_by", by);
}

/* Municipalities, each with its database and clock */

typedef struct
{
  const char *name; /* as people write it: "Nijkerk" */
  const char *code; /* as files write it: "nijkerk" */
  char *path;
  VpStore *store;
  GTimeSpan ahead; /* how far this computer's clock runs ahead */
} Town;

typedef struct
{
  GDateTime *now;
  char *dir;
  guint n_files;
  Town *towns[4];
  guint n_towns;
} World;

static void
world_init (World *world)
{
  memset (world, 0, sizeof *world);
  world->now = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  world->dir = vp_test_make_dir ();
}

static void
world_clear (World *world)
{
  for (guint i = 0; i < world->n_towns; i++)
    {
      g_clear_object (&world->towns[i]->store);
      g_free (world->towns[i]->path);
      g_free (world->towns[i]);
    }
  g_date_time_unref (world->now);
  g_free (world->dir);
}

static void
set_town_clock (World *world, Town *town)
{
  g_autoptr (GDateTime) now = g_date_time_add (world->now, town->ahead);

  vp_store_set_now (town->store, now);
}

/* Every step of a test is a minute later than the one before, on every
 * computer. */
static void
tick (World *world)
{
  GDateTime *later = g_date_time_add_minutes (world->now, 1);

  g_date_time_unref (world->now);
  world->now = later;
  for (guint i = 0; i < world->n_towns; i++)
    set_town_clock (world, world->towns[i]);
}

static char *
town_clock_stamp (Town *town)
{
  g_autoptr (GDateTime) now = vp_store_get_now (town->store);

  return vp_store_format_timestamp (now);
}

static Town *
town_add (World *world, const char *name, const char *code, GTimeSpan ahead)
{
  Town *town = g_new0 (Town, 1);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (world->n_towns, <, G_N_ELEMENTS (world->towns));
  town->name = name;
  town->code = code;
  town->ahead = ahead;
  town->path = vp_test_db_path ();
  town->store = vp_store_open (town->path, &error);
  g_assert_no_error (error);
  set_town_clock (world, town);
  vp_store_set_home_municipality (town->store, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vp_store_get_home_municipality (town->store), ==, code);
  world->towns[world->n_towns++] = town;
  return town;
}

/* The program closes and starts again. */
static void
town_reopen (World *world, Town *town)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&town->store);
  town->store = vp_store_open (town->path, &error);
  g_assert_no_error (error);
  set_town_clock (world, town);
  g_assert_cmpstr (vp_store_get_home_municipality (town->store), ==, town->code);
}

static VpRecord *
lookup (Town *town, const char *uuid)
{
  VpRecord *record = vp_store_lookup (town->store, uuid);

  g_assert_nonnull (record);
  return record;
}

/* Change sets */

static void
assert_counts (VpChangeSet *set,
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
}

static const char *
kind_nick (VpChangeKind kind)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (VP_TYPE_CHANGE_KIND);

  return g_enum_get_value (klass, kind)->value_nick;
}

/* The changes that were neither taken nor left as old: none. */
static void
assert_nothing_left_out (VpChangeSet *set)
{
  GListModel *changes = vp_change_set_get_changes (set);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);
      VpChangeKind kind = vp_change_get_kind (change);

      if (kind == VP_CHANGE_CONFLICT || kind == VP_CHANGE_REFUSED)
        g_test_message ("from %s: %s %s (%s, stamped %s by %s)", vp_change_set_get_partner (set),
                        kind_nick (kind), vp_change_get_path (change),
                        vp_record_get_uuid (vp_change_get_incoming (change)),
                        vp_record_get_modified_at (vp_change_get_incoming (change)),
                        vp_record_get_modified_by (vp_change_get_incoming (change)));
    }
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 0);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_REFUSED), ==, 0);
}

/* Nothing in the file that the receiver did not have: all unchanged or
 * older. */
static void
assert_nothing_new (VpChangeSet *set)
{
  assert_nothing_left_out (set);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_ADDED), ==, 0);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UPDATED), ==, 0);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UNCHANGED)
                      + vp_change_set_count (set, VP_CHANGE_OLDER),
                    ==, g_list_model_get_n_items (vp_change_set_get_changes (set)));
}

static void
assert_kind (VpChangeSet *set, const char *uuid, VpChangeKind kind)
{
  g_assert_cmpstr (kind_nick (vp_change_get_kind (vp_test_find_change (set, uuid))), ==,
                   kind_nick (kind));
}

/* Exchanging files */

static char *
export_from (World *world, Town *town)
{
  g_autoptr (GError) error = NULL;
  char *path;

  tick (world);
  path = g_strdup_printf ("%s/%02u-%s.json", world->dir, ++world->n_files, town->code);
  g_assert_true (vp_exchange_export (town->store, NULL, path, &error));
  g_assert_no_error (error);
  return path;
}

static VpChangeSet *
read_into (World *world, Town *town, const char *path)
{
  g_autoptr (GError) error = NULL;
  VpChangeSet *set;

  tick (world);
  set = vp_exchange_read_file (town->store, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
apply_to (Town *town, VpChangeSet *set)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vp_change_set_apply (set, town->store, &error));
  g_assert_no_error (error);
}

static VpChangeSet *
import_into (World *world, Town *town, const char *path)
{
  VpChangeSet *set = read_into (world, town, path);

  apply_to (town, set);
  return set;
}

/* @from's whole database to @to: nothing may be a conflict or refused.
 * Returns the file. */
static char *
exchange (World *world, Town *from, Town *to)
{
  char *path = export_from (world, from);
  g_autoptr (VpChangeSet) set = import_into (world, to, path);

  g_test_message (
    "%s → %s: %u added, %u updated, %u unchanged, %u older", from->code, to->code,
    vp_change_set_count (set, VP_CHANGE_ADDED), vp_change_set_count (set, VP_CHANGE_UPDATED),
    vp_change_set_count (set, VP_CHANGE_UNCHANGED), vp_change_set_count (set, VP_CHANGE_OLDER));
  g_assert_cmpstr (vp_change_set_get_partner (set), ==, from->code);
  assert_nothing_left_out (set);
  return path;
}

static void
load_example (World *world, Town *town)
{
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (VpChangeSet) set = import_into (world, town, path);

  assert_counts (set, EXAMPLE_RECORDS, 0, 0, 0, 0, 0);
}

/* Nijkerk and Barneveld, each with the example plan. */
static void
two_towns (World *world, Town **nijkerk, Town **barneveld)
{
  world_init (world);
  *nijkerk = town_add (world, "Nijkerk", "nijkerk", 0);
  *barneveld = town_add (world, "Barneveld", "barneveld", 0);
  load_example (world, *nijkerk);
  load_example (world, *barneveld);
}

/* Changes, as a person makes them */

/* Writes @text into the action @uuid as stamped by @town, past the store,
 * as a database of an older release may hold it; the program then starts
 * again on it. */
static void
write_behind_store (World *world, Town *town, const char *uuid, const char *text)
{
  g_autofree char *stamp = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  tick (world);
  stamp = vp_store_make_stamp (town->store);
  g_clear_object (&town->store);
  g_assert_cmpint (sqlite3_open (town->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "UPDATE action SET text = ?1, modified_at = ?2, "
                                       "modified_by = ?3 WHERE uuid = ?4",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, town->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  town_reopen (world, town);
  g_assert_cmpstr (vp_record_get_string (lookup (town, uuid), "text"), ==, text);
}

static void
edit (World *world, Town *town, const char *uuid, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  VpRecord *record = lookup (town, uuid);

  tick (world);
  vp_store_update (town->store, record, &error, field, value, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_string (record, field), ==, value);
  g_assert_cmpstr (vp_record_get_modified_by (record), ==, town->code);
}

static void
set_own_status (
  World *world, Town *town, const char *action, VpStatus status, int achieved, const char *note)
{
  g_autoptr (GError) error = NULL;

  tick (world);
  g_assert_true (vp_store_set_status (town->store, VP_ACTION (lookup (town, action)), town->code,
                                      status, achieved, note, &error));
  g_assert_no_error (error);
}

/* The database, compared */

static const char *const log_tables[] = { "import_log", NULL };
static const char *const bookkeeping_tables[] = { "import_log", "sync_base", NULL };

/* Line by line, so that a difference shows as its first line; lines that
 * both start with one of @skip are not compared. */
static void
assert_same_lines (const char *a, const char *b, const char *const *skip)
{
  g_auto (GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto (GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    {
      gboolean skipped = FALSE;

      for (guint s = 0; skip != NULL && skip[s] != NULL; s++)
        skipped
          = skipped
            || (g_str_has_prefix (lines_a[i], skip[s]) && g_str_has_prefix (lines_b[i], skip[s]));
      if (skipped)
        continue;
      if (!g_str_equal (lines_a[i], lines_b[i]))
        g_test_message ("first difference in line %u", i + 1);
      g_assert_cmpstr (lines_a[i], ==, lines_b[i]);
    }
  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
}

static void
assert_same_record (VpRecord *a, VpRecord *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (vp_record_get_uuid (a), ==, vp_record_get_uuid (b));
  g_assert_true (vp_record_fields_equal (a, b));
  g_assert_cmpstr (vp_record_get_modified_at (a), ==, vp_record_get_modified_at (b));
  g_assert_cmpstr (vp_record_get_modified_by (a), ==, vp_record_get_modified_by (b));
}

/* 1. Three municipalities converge */

#define N_DAMOCLES_TEXT "Nijkerk: we actualiseren het Damocles-beleid in het tweede kwartaal."
#define B_CONTROLS_TEXT "Barneveld: we organiseren zes (thematische) integrale controles."
#define S_TRAINING_TEXT "Scherpenzeel: we organiseren twee trainingen ‘jonge aanwas’."

typedef struct
{
  World world;
  Town *nijkerk;
  Town *barneveld;
  Town *scherpenzeel;
} ThreeWay;

static void
three_way_init (ThreeWay *three)
{
  world_init (&three->world);
  three->nijkerk = town_add (&three->world, "Nijkerk", "nijkerk", 0);
  three->barneveld = town_add (&three->world, "Barneveld", "barneveld", 0);
  three->scherpenzeel = town_add (&three->world, "Scherpenzeel", "scherpenzeel", 0);
  load_example (&three->world, three->nijkerk);
  load_example (&three->world, three->barneveld);
  load_example (&three->world, three->scherpenzeel);
}

/* Each changes a different joint action and sets its own statuses. */
static void
three_way_first_changes (ThreeWay *three)
{
  World *world = &three->world;

  edit (world, three->nijkerk, ACTION_DAMOCLES, "text", N_DAMOCLES_TEXT);
  edit (world, three->barneveld, ACTION_CONTROLS, "text", B_CONTROLS_TEXT);
  edit (world, three->scherpenzeel, ACTION_TRAINING, "text", S_TRAINING_TEXT);
  set_own_status (world, three->nijkerk, ACTION_EACH, VP_STATUS_IN_PROGRESS, 0,
                  "Nijkerk telt de locaties.");
  set_own_status (world, three->nijkerk, ACTION_CONTROLS, VP_STATUS_DONE, 5, "Vijf gehouden.");
  set_own_status (world, three->barneveld, ACTION_EACH, VP_STATUS_POSTPONED, 0,
                  "Barneveld begint in 2025.");
  set_own_status (world, three->barneveld, ACTION_DAMOCLES, VP_STATUS_IN_PROGRESS, 0, NULL);
  set_own_status (world, three->scherpenzeel, ACTION_EACH, VP_STATUS_DONE, 0,
                  "Scherpenzeel heeft het overzicht.");
  set_own_status (world, three->scherpenzeel, ACTION_IKZ, VP_STATUS_CANCELLED, 0,
                  "Geen deelnemers.");
}

static void
three_way_clear (ThreeWay *three)
{
  world_clear (&three->world);
}

/* Whether @town's history of @action has @municipality's change to
 * @status (its own, or one an import brought). */
static gboolean
has_event (Town *town, const char *action, const char *municipality, VpStatus status)
{
  GListModel *events = vp_store_get_records (town->store, VP_TYPE_STATUS_EVENT);

  if (status == VP_STATUS_PLANNED)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (VpStatusEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (vp_status_event_get_action (event), action) == 0
          && g_strcmp0 (vp_status_event_get_municipality (event), municipality) == 0
          && g_strcmp0 (vp_status_event_get_to (event), vp_enum_to_nick (VP_TYPE_STATUS, status))
               == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_status_everywhere (ThreeWay *three,
                          const char *action,
                          const char *municipality,
                          VpStatus status,
                          int achieved,
                          const char *note)
{
  Town *towns[] = { three->nijkerk, three->barneveld, three->scherpenzeel };
  VpRecord *first = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (towns); i++)
    {
      VpActionStatus *found = vp_store_find_status (towns[i]->store, action, municipality);

      g_assert_nonnull (found);
      g_assert_cmpint (vp_action_status_get_status (found), ==, status);
      g_assert_cmpint (vp_action_status_get_achieved (found), ==, achieved);
      g_assert_cmpstr (vp_action_status_get_note (found), ==, note);
      g_assert_cmpstr (vp_record_get_modified_by (VP_RECORD (found)), ==, municipality);
      if (first == NULL)
        first = VP_RECORD (found);
      else
        assert_same_record (first, VP_RECORD (found));
      /* with its history: the change to it came along */
      g_assert_true (has_event (towns[i], action, municipality, status));
    }
}

/* All three have the same joint actions, the same numbers of records and,
 * but for the header, the same export. */
static void
assert_converged (ThreeWay *three)
{
  Town *towns[] = { three->nijkerk, three->barneveld, three->scherpenzeel };
  GListModel *actions = vp_store_get_records (three->nijkerk->store, VP_TYPE_ACTION);
  g_autofree char *counts = vp_test_describe_counts (three->nijkerk->store);
  g_autofree char *export = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const header[] = { "  \"exported_at\": ", "  \"exported_by\": ", NULL };
  guint n_joint = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);
      VpRecord *priority = lookup (three->nijkerk, vp_action_get_priority (action));

      if (vp_record_get_int (priority, "scope") != VP_SCOPE_JOINT)
        continue;
      n_joint++;
      for (gsize t = 1; t < G_N_ELEMENTS (towns); t++)
        assert_same_record (VP_RECORD (action),
                            lookup (towns[t], vp_record_get_uuid (VP_RECORD (action))));
    }
  g_assert_cmpuint (n_joint, ==, 33);

  export = vp_exchange_write (three->nijkerk->store, NULL, &error);
  g_assert_no_error (error);
  for (gsize t = 1; t < G_N_ELEMENTS (towns); t++)
    {
      g_autofree char *other_counts = vp_test_describe_counts (towns[t]->store);
      g_autofree char *other_export = vp_exchange_write (towns[t]->store, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (counts, ==, other_counts);
      assert_same_lines (export, other_export, header);
    }
}

static void
assert_first_changes_everywhere (ThreeWay *three)
{
  Town *towns[] = { three->nijkerk, three->barneveld, three->scherpenzeel };

  for (gsize t = 0; t < G_N_ELEMENTS (towns); t++)
    {
      g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (towns[t], ACTION_DAMOCLES))), ==,
                       N_DAMOCLES_TEXT);
      g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (towns[t], ACTION_CONTROLS))), ==,
                       B_CONTROLS_TEXT);
      g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (towns[t], ACTION_TRAINING))), ==,
                       S_TRAINING_TEXT);
    }
}

/* Every pair, both ways, in an order where files carry what others sent. */
static void
exchange_in_turns (ThreeWay *three)
{
  World *world = &three->world;
  Town *n = three->nijkerk, *b = three->barneveld, *s = three->scherpenzeel;
  g_autofree char *f1 = exchange (world, n, b);
  g_autofree char *f2 = exchange (world, b, s);
  g_autofree char *f3 = exchange (world, s, n);
  g_autofree char *f4 = exchange (world, n, s);
  g_autofree char *f5 = exchange (world, b, n);
  g_autofree char *f6 = exchange (world, s, b);
}

static void
test_three_way_converge (void)
{
  ThreeWay three;
  World *world = &three.world;
  Town *n, *b, *s;
  g_autofree char *first_from_nijkerk = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  three_way_init (&three);
  n = three.nijkerk;
  b = three.barneveld;
  s = three.scherpenzeel;
  three_way_first_changes (&three);

  /* N→B, and the same file applied a second time: nothing new then. */
  first_from_nijkerk = exchange (world, n, b);
  set = import_into (world, b, first_from_nijkerk);
  assert_nothing_new (set);
  g_clear_object (&set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (b, ACTION_DAMOCLES))), ==,
                   N_DAMOCLES_TEXT);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (b, ACTION_CONTROLS))), ==,
                   B_CONTROLS_TEXT);
  {
    g_autofree char *f2 = exchange (world, b, s);
    g_autofree char *f3 = exchange (world, s, n);
    g_autofree char *f4 = exchange (world, n, s);
    g_autofree char *f5 = exchange (world, b, n);
    g_autofree char *f6 = exchange (world, s, b);
  }
  assert_first_changes_everywhere (&three);
  assert_converged (&three);

  /* Everyone moves on with their own statuses; the files go round again. */
  set_own_status (world, n, ACTION_EACH, VP_STATUS_DONE, 0, "Nijkerk heeft het overzicht.");
  set_own_status (world, b, ACTION_EACH, VP_STATUS_IN_PROGRESS, 0, "Barneveld toch al begonnen.");
  set_own_status (world, s, ACTION_IKZ, VP_STATUS_PLANNED, 0, "Nieuwe datum gepland.");
  exchange_in_turns (&three);

  /* Nijkerk's first file once more, after its newer ones: nothing goes
   * back. */
  dump_before = vp_test_dump_without (b->store, log_tables);
  set = import_into (world, b, first_from_nijkerk);
  assert_nothing_new (set);
  dump_after = vp_test_dump_without (b->store, log_tables);
  assert_same_lines (dump_before, dump_after, NULL);

  assert_first_changes_everywhere (&three);
  assert_converged (&three);
  assert_status_everywhere (&three, ACTION_EACH, "nijkerk", VP_STATUS_DONE, 0,
                            "Nijkerk heeft het overzicht.");
  assert_status_everywhere (&three, ACTION_CONTROLS, "nijkerk", VP_STATUS_DONE, 5,
                            "Vijf gehouden.");
  assert_status_everywhere (&three, ACTION_EACH, "barneveld", VP_STATUS_IN_PROGRESS, 0,
                            "Barneveld toch al begonnen.");
  assert_status_everywhere (&three, ACTION_DAMOCLES, "barneveld", VP_STATUS_IN_PROGRESS, 0, NULL);
  assert_status_everywhere (&three, ACTION_EACH, "scherpenzeel", VP_STATUS_DONE, 0,
                            "Scherpenzeel heeft het overzicht.");
  assert_status_everywhere (&three, ACTION_IKZ, "scherpenzeel", VP_STATUS_PLANNED, 0,
                            "Nieuwe datum gepland.");
  g_assert_cmpuint (vp_store_count (n->store, VP_TYPE_ACTION_STATUS), ==, 6);
  three_way_clear (&three);
}

/* After a first round, each changes the joint action it changed before
 * once more: a partner's file that still has one's own previous version
 * is older, not a conflict. */
static void
test_three_way_second_round (void)
{
  ThreeWay three;
  World *world = &three.world;

  three_way_init (&three);
  three_way_first_changes (&three);
  exchange_in_turns (&three);
  assert_converged (&three);

  edit (world, three.nijkerk, ACTION_DAMOCLES, "lead-note", "Afdeling Veiligheid Nijkerk");
  edit (world, three.barneveld, ACTION_CONTROLS, "target-unit", "integrale controles in 2024");
  edit (world, three.scherpenzeel, ACTION_TRAINING, "lead-note", "Jeugdboa Scherpenzeel");
  exchange_in_turns (&three);
  assert_converged (&three);
  g_assert_cmpstr (vp_action_get_target_unit (VP_ACTION (lookup (three.nijkerk, ACTION_CONTROLS))),
                   ==, "integrale controles in 2024");
  three_way_clear (&three);
}

/* Barneveld builds on Scherpenzeel's version of an action; Nijkerk, which
 * took Scherpenzeel's version too, passes it on to Barneveld later: that
 * is a version Barneveld has had, older than its own. */
static void
test_relayed_already_seen (void)
{
  ThreeWay three;
  World *world = &three.world;
  g_autofree char *from_scherpenzeel = NULL;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  three_way_init (&three);
  edit (world, three.scherpenzeel, ACTION_TRAINING, "text", S_TRAINING_TEXT);
  from_scherpenzeel = export_from (world, three.scherpenzeel);
  g_clear_object (&set);
  set = import_into (world, three.barneveld, from_scherpenzeel);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_UPDATED);
  g_clear_object (&set);
  set = import_into (world, three.nijkerk, from_scherpenzeel);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_UPDATED);
  edit (world, three.barneveld, ACTION_TRAINING, "target-unit", "trainingen");

  from_nijkerk = export_from (world, three.nijkerk);
  g_clear_object (&set);
  set = read_into (world, three.barneveld, from_nijkerk);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_OLDER);
  assert_nothing_new (set);
  three_way_clear (&three);
}

/* 2. A preview that went stale (review E1) */

static void
test_stale_preview (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *stamp = NULL;
  VpRecord *x;

  two_towns (&world, &n, &b);
  edit (&world, n, ACTION_CONTROLS, "text", "Nijkerk: zes integrale controles.");
  from_nijkerk = export_from (&world, n);

  set = read_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  assert_counts (set, 0, 1, EXAMPLE_RECORDS - 1, 0, 0, 0);

  /* Before the import is confirmed, Barneveld changes the action. */
  edit (&world, b, ACTION_CONTROLS, "text", "Barneveld: vier integrale controles.");
  x = lookup (b, ACTION_CONTROLS);
  stamp = g_strdup (vp_record_get_modified_at (x));
  g_assert_cmpstr (stamp, >, EXAMPLE_STAMP);
  dump_before = vp_test_dump_file (b->path);

  tick (&world);
  g_assert_false (vp_change_set_apply (set, b->store, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  dump_after = vp_test_dump_file (b->path);
  assert_same_lines (dump_before, dump_after, NULL);
  g_assert_true (lookup (b, ACTION_CONTROLS) == x);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (x)), ==, "Barneveld: vier integrale controles.");
  g_assert_cmpstr (vp_record_get_modified_at (x), ==, stamp);
  g_assert_cmpstr (vp_record_get_modified_by (x), ==, "barneveld");

  /* Read again, the file shows what it is now: changed on both sides. */
  g_clear_object (&set);
  set = read_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_CONFLICT);
  world_clear (&world);
}

/* 3. A record made by one municipality, changed by both (review E2) */

static void
test_creator_conflict (gconstpointer data)
{
  gboolean barneveld_first = GPOINTER_TO_INT (data);
  World world;
  Town *n, *b;
  g_autoptr (VpRecord) created = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  VpRecord *x;

  two_towns (&world, &n, &b);

  tick (&world);
  created = g_object_new (VP_TYPE_ACTION, "priority", PRIORITY_CRIME, "text",
                          "We houden drie bijeenkomsten over ondermijning.", "lead-kind",
                          VP_LEAD_KIND_JOINT, "year", 2024, "quarter", VP_QUARTER_Q3, "category",
                          VP_CATEGORY_JOINT, "target", 3, "target-unit", "bijeenkomsten",
                          "position", 19, NULL);
  g_assert_true (vp_store_insert (n->store, created, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  uuid = g_strdup (vp_record_get_uuid (created));
  from_nijkerk = export_from (&world, n);
  set = import_into (&world, b, from_nijkerk);
  assert_counts (set, 1, 0, EXAMPLE_RECORDS, 0, 0, 0);
  assert_kind (set, uuid, VP_CHANGE_ADDED);

  if (barneveld_first)
    {
      edit (&world, b, uuid, "target-unit", "regionale bijeenkomsten");
      edit (&world, n, uuid, "text", "We houden vier bijeenkomsten over ondermijning.");
    }
  else
    {
      edit (&world, n, uuid, "text", "We houden vier bijeenkomsten over ondermijning.");
      edit (&world, b, uuid, "target-unit", "regionale bijeenkomsten");
    }
  x = lookup (n, uuid);
  stamp = g_strdup (vp_record_get_modified_at (x));

  from_barneveld = export_from (&world, b);
  g_clear_object (&set);
  set = read_into (&world, n, from_barneveld);
  assert_kind (set, uuid, VP_CHANGE_CONFLICT);
  assert_counts (set, 0, 0, EXAMPLE_RECORDS, 0, 1, 0);
  apply_to (n, set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (x)), ==,
                   "We houden vier bijeenkomsten over ondermijning.");
  g_assert_cmpstr (vp_action_get_target_unit (VP_ACTION (x)), ==, "bijeenkomsten");
  g_assert_cmpstr (vp_record_get_modified_at (x), ==, stamp);
  g_assert_cmpstr (vp_record_get_modified_by (x), ==, "nijkerk");
  world_clear (&world);
}

/* 4. A clock behind a partner's, across a restart (review E3) */

static void
test_restart_clock (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *their_stamp = NULL;
  g_autofree char *clock = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  world_init (&world);
  n = town_add (&world, "Nijkerk", "nijkerk", G_TIME_SPAN_HOUR);
  b = town_add (&world, "Barneveld", "barneveld", 0);
  load_example (&world, n);
  load_example (&world, b);

  edit (&world, n, ACTION_CONTROLS, "text", "Nijkerk: zes integrale controles.");
  their_stamp = g_strdup (vp_record_get_modified_at (lookup (n, ACTION_CONTROLS)));
  from_nijkerk = export_from (&world, n);
  set = import_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  g_assert_cmpstr (vp_record_get_modified_at (lookup (b, ACTION_CONTROLS)), ==, their_stamp);
  clock = town_clock_stamp (b);
  g_assert_cmpstr (clock, <, their_stamp);

  /* Barneveld closes the program and opens it again, its clock behind. */
  town_reopen (&world, b);
  edit (&world, b, ACTION_CONTROLS, "text", "Barneveld: zeven integrale controles.");
  g_clear_pointer (&clock, g_free);
  clock = town_clock_stamp (b);
  g_assert_cmpstr (clock, <, their_stamp);
  g_assert_cmpstr (vp_record_get_modified_at (lookup (b, ACTION_CONTROLS)), >, their_stamp);

  from_barneveld = export_from (&world, b);
  g_clear_object (&set);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (n, ACTION_CONTROLS))), ==,
                   "Barneveld: zeven integrale controles.");
  world_clear (&world);
}

/* 5. A version passed on by a third (review E5) */

static void
test_relayed (void)
{
  ThreeWay three;
  World *world = &three.world;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  three_way_init (&three);
  edit (world, three.barneveld, ACTION_CONTROLS, "text", B_CONTROLS_TEXT);
  from_barneveld = export_from (world, three.barneveld);
  set = import_into (world, three.scherpenzeel, from_barneveld);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  g_clear_object (&set);
  set = import_into (world, three.nijkerk, from_barneveld);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);

  edit (world, three.nijkerk, ACTION_CONTROLS, "text", "Nijkerk: acht integrale controles.");
  from_nijkerk = export_from (world, three.nijkerk);
  g_clear_object (&set);
  set = import_into (world, three.scherpenzeel, from_nijkerk);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  assert_nothing_left_out (set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (three.scherpenzeel, ACTION_CONTROLS))),
                   ==, "Nijkerk: acht integrale controles.");
  three_way_clear (&three);
}

/* 6. One's own record, older, back from a partner (review E6) */

static void
test_own_record_older (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpRecord *parks;

  two_towns (&world, &n, &b);
  from_nijkerk = exchange (&world, n, b);

  edit (&world, n, ACTION_PARKS, "text", "Nijkerk: we inventariseren nieuwe woonopties.");
  parks = lookup (n, ACTION_PARKS);
  stamp = g_strdup (vp_record_get_modified_at (parks));
  from_barneveld = export_from (&world, b);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ACTION_PARKS, VP_CHANGE_OLDER);
  assert_nothing_new (set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (parks)), ==,
                   "Nijkerk: we inventariseren nieuwe woonopties.");
  g_assert_cmpstr (vp_record_get_modified_at (parks), ==, stamp);
  world_clear (&world);
}

/* 7. A database made again from a partner's file (review E7) */

static void
test_rebuild (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *example_counts = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  world_init (&world);
  b = town_add (&world, "Barneveld", "barneveld", 0);
  load_example (&world, b);
  example_counts = vp_test_describe_counts (b->store);
  from_barneveld = export_from (&world, b);

  /* Nijkerk's computer was replaced; its database starts empty. */
  n = town_add (&world, "Nijkerk", "nijkerk", 0);
  set = read_into (&world, n, from_barneveld);
  assert_counts (set, EXAMPLE_RECORDS, 0, 0, 0, 0, 0);
  assert_kind (set, ACTION_PARKS, VP_CHANGE_ADDED);
  apply_to (n, set);
  counts = vp_test_describe_counts (n->store);
  g_assert_cmpstr (counts, ==, example_counts);
  g_assert_cmpuint (vp_store_count (n->store, VP_TYPE_ACTION), ==, 42);
  assert_same_record (lookup (n, ACTION_PARKS), lookup (b, ACTION_PARKS));
  g_assert_cmpstr (vp_record_get_modified_by (lookup (n, ACTION_PARKS)), ==, "nijkerk");
  world_clear (&world);
}

/* 8. A newer version of one's own record from a partner: refused */

static void
test_own_record_newer_refused (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  g_autofree char *base = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  JsonObject *parks;

  two_towns (&world, &n, &b);
  from_barneveld = export_from (&world, b);

  /* Barneveld's file, with Nijkerk's action changed and said to be
   * changed by Nijkerk. */
  root = parse_file (from_barneveld);
  parks = find_json (root, ACTION_PARKS, NULL);
  stamp = town_clock_stamp (b);
  json_object_set_string_member (parks, "text", "Barneveld weet het beter.");
  stamp_json (parks, stamp, "nijkerk");
  forged = g_build_filename (world.dir, "forged.json", NULL);
  write_json (root, forged);

  dump_before = vp_test_dump_without (n->store, bookkeeping_tables);
  counts_before = vp_test_describe_counts (n->store);
  set = import_into (&world, n, forged);
  assert_kind (set, ACTION_PARKS, VP_CHANGE_REFUSED);
  assert_counts (set, 0, 0, EXAMPLE_RECORDS - 1, 0, 0, 1);
  dump_after = vp_test_dump_without (n->store, bookkeeping_tables);
  counts_after = vp_test_describe_counts (n->store);
  assert_same_lines (dump_before, dump_after, NULL);
  g_assert_cmpstr (counts_before, ==, counts_after);
  g_assert_true (g_str_has_prefix (vp_action_get_text (VP_ACTION (lookup (n, ACTION_PARKS))),
                                   "We inventariseren"));
  g_assert_cmpstr (vp_record_get_modified_at (lookup (n, ACTION_PARKS)), ==, EXAMPLE_STAMP);
  base = vp_store_dup_sync_base (n->store, "barneveld", ACTION_PARKS);
  g_assert_cmpstr (base, !=, stamp);
  world_clear (&world);
}

/* 9. Stamps far in the future */

static char *
write_stamped (World *world, Town *from, Town *to, int days, char **path_of_stamp)
{
  g_autofree char *exported = export_from (world, from);
  g_autoptr (JsonNode) root = parse_file (exported);
  g_autoptr (GDateTime) now = vp_store_get_now (to->store);
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);
  g_autofree char *stamp = vp_store_format_timestamp (then);
  g_autofree char *where = NULL;
  JsonObject *controls = find_json (root, ACTION_CONTROLS, &where);
  char *path = g_strdup_printf ("%s/ahead-%d-days.json", world->dir, days);

  json_object_set_string_member (controls, "text", "Barneveld: controles met een klok vooruit.");
  stamp_json (controls, stamp, from->code);
  write_json (root, path);
  *path_of_stamp = g_strconcat (where, ".modified_at", NULL);
  return path;
}

static void
test_future_stamp (void)
{
  World world;
  Town *n, *b;
  g_autofree char *far = NULL;
  g_autofree char *near = NULL;
  g_autofree char *far_where = NULL;
  g_autofree char *near_where = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  two_towns (&world, &n, &b);

  far = write_stamped (&world, b, n, 40, &far_where);
  g_assert_cmpstr (far_where, ==, "plans[0].priorities[0].actions[1].modified_at");
  tick (&world);
  set = vp_exchange_read_file (n->store, far, &error);
  g_assert_null (set);
  g_assert_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, far_where));

  near = write_stamped (&world, b, n, 20, &near_where);
  set = import_into (&world, n, near);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  assert_nothing_left_out (set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (n, ACTION_CONTROLS))), ==,
                   "Barneveld: controles met een klok vooruit.");
  world_clear (&world);
}

/* 10. Files nested too deep */

static void
assert_too_deep (Town *town, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (town->store, path, &error);

  g_assert_null (set);
  g_assert_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX);
}

static void
test_deep_nesting (void)
{
  World world;
  Town *n;
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *brackets_path = NULL;
  g_autofree char *nested_path = NULL;
  g_autoptr (GString) nested = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  world_init (&world);
  n = town_add (&world, "Nijkerk", "nijkerk", 0);
  load_example (&world, n);

  brackets_path = g_build_filename (world.dir, "brackets.json", NULL);
  g_file_set_contents (brackets_path, brackets, -1, &error);
  g_assert_no_error (error);
  assert_too_deep (n, brackets_path);

  g_string_append (nested, "{\n  \"format\": \"veiligheidsplan\",\n  \"version\": 1,\n"
                           "  \"exported_at\": \"2024-03-01T09:00:00.000Z\",\n"
                           "  \"exported_by\": \"barneveld\",\n"
                           "  \"generator\": \"Veiligheidsplan\",\n  \"organisations\": ");
  for (int i = 0; i < 40; i++)
    g_string_append_c (nested, '[');
  for (int i = 0; i < 40; i++)
    g_string_append_c (nested, ']');
  g_string_append (nested, ",\n  \"plans\": []\n}\n");
  nested_path = g_build_filename (world.dir, "nested.json", NULL);
  g_file_set_contents (nested_path, nested->str, -1, &error);
  g_assert_no_error (error);
  assert_too_deep (n, nested_path);

  /* The store is as it was. */
  g_assert_cmpuint (vp_store_count (n->store, VP_TYPE_ACTION), ==, 42);
  world_clear (&world);
}

/* 11. What belongs to a refused record is refused with it */

static void
test_refused_parent (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *file = NULL;
  g_autofree char *counts_before = NULL;
  g_autofree char *counts_after = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonObject) priority = NULL;
  g_autoptr (JsonObject) subtheme = NULL;
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) second = NULL;
  g_autoptr (JsonObject) status = json_object_new ();
  g_autoptr (VpChangeSet) set = NULL;
  JsonArray *array;
  const char *const new_records[]
    = { NEW_PRIORITY, NEW_SUBTHEME, NEW_ACTION_1, NEW_ACTION_2, NEW_STATUS };

  two_towns (&world, &n, &b);
  from_barneveld = export_from (&world, b);
  stamp = town_clock_stamp (b);

  /* A priority of Scherpenzeel's made by Barneveld, and under it what
   * Barneveld may make: a sub-theme, actions, its own status. */
  root = parse_file (from_barneveld);
  priority = copy_json (root, PRIORITY_CRIME, NEW_PRIORITY);
  json_object_set_int_member (priority, "number", 6);
  json_object_set_string_member (priority, "title", "Scherpenzeelse prioriteit");
  json_object_set_string_member (priority, "scope", "local");
  json_object_set_string_member (priority, "owner", "scherpenzeel");
  stamp_json (priority, stamp, "barneveld");

  subtheme = copy_json (root, "7d05d64f-86a0-4c3b-90a9-9085ba55c5dd", NEW_SUBTHEME);
  stamp_json (subtheme, stamp, "barneveld");
  array = json_array_new ();
  json_array_add_object_element (array, json_object_ref (subtheme));
  json_object_set_array_member (priority, "subthemes", array);
  json_object_set_array_member (priority, "goals", json_array_new ());

  first = copy_json (root, ACTION_DAMOCLES, NEW_ACTION_1);
  json_object_set_string_member (first, "subtheme", NEW_SUBTHEME);
  json_object_set_array_member (first, "history", json_array_new ());
  json_object_set_string_member (status, "uuid", NEW_STATUS);
  json_object_set_string_member (status, "municipality", "barneveld");
  json_object_set_string_member (status, "status", "in-progress");
  json_object_set_int_member (status, "achieved", 0);
  json_object_set_string_member (status, "note", "Begonnen.");
  stamp_json (status, stamp, "barneveld");
  array = json_array_new ();
  json_array_add_object_element (array, json_object_ref (status));
  json_object_set_array_member (first, "statuses", array);
  stamp_json (first, stamp, "barneveld");
  second = copy_json (root, ACTION_CONTROLS, NEW_ACTION_2);
  json_object_set_null_member (second, "subtheme");
  json_object_set_array_member (second, "statuses", json_array_new ());
  json_object_set_array_member (second, "history", json_array_new ());
  stamp_json (second, stamp, "barneveld");
  array = json_array_new ();
  json_array_add_object_element (array, json_object_ref (first));
  json_array_add_object_element (array, json_object_ref (second));
  json_object_set_array_member (priority, "actions", array);

  json_array_add_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (root), "plans"), 0),
      "priorities"),
    json_object_ref (priority));
  file = g_build_filename (world.dir, "scherpenzeel-by-barneveld.json", NULL);
  write_json (root, file);

  counts_before = vp_test_describe_counts (n->store);
  set = read_into (&world, n, file);
  for (gsize i = 0; i < G_N_ELEMENTS (new_records); i++)
    assert_kind (set, new_records[i], VP_CHANGE_REFUSED);
  assert_counts (set, 0, 0, EXAMPLE_RECORDS, 0, 0, G_N_ELEMENTS (new_records));
  apply_to (n, set);
  for (gsize i = 0; i < G_N_ELEMENTS (new_records); i++)
    g_assert_null (vp_store_lookup (n->store, new_records[i]));
  counts_after = vp_test_describe_counts (n->store);
  g_assert_cmpstr (counts_before, ==, counts_after);
  world_clear (&world);
}

/* 12. The command line */

/* 9. Deletions travel */

#define PRIORITY_DIGITAL "a8b5163a-986e-43f5-984c-08969f1bb13d" /* priorities[1], joint */

static void
delete_record (World *world, Town *town, const char *uuid)
{
  g_autoptr (GError) error = NULL;

  tick (world);
  g_assert_true (vp_store_delete (town->store, lookup (town, uuid), &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_lookup (town->store, uuid));
}

static void
assert_tombstone (Town *town, const char *uuid, const char *deleted_by)
{
  g_autoptr (VpTombstone) tombstone = vp_store_find_tombstone (town->store, uuid);

  g_assert_nonnull (tombstone);
  g_assert_cmpstr (tombstone->deleted_by, ==, deleted_by);
}

/* Nijkerk deletes a joint action; Barneveld takes the deletion from
 * Nijkerk's file, Scherpenzeel from Barneveld's (passed on); the same
 * file again, or an older one of Barneveld's, brings nothing back. */
static void
test_deletion_travels (void)
{
  ThreeWay three;
  World *world = &three.world;
  Town *n, *b, *s;
  g_autofree char *old_from_barneveld = NULL;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autofree char *export = NULL;
  g_autoptr (GError) error = NULL;
  VpChange *change;

  three_way_init (&three);
  n = three.nijkerk, b = three.barneveld, s = three.scherpenzeel;
  old_from_barneveld = export_from (world, b);

  delete_record (world, n, ACTION_TRAINING);
  assert_tombstone (n, ACTION_TRAINING, "nijkerk");
  export = vp_exchange_write (n->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (export, "\"deletions\": [\n    {\n      \"uuid\": \"" ACTION_TRAINING
                                    "\",\n      \"kind\": \"action\""));

  from_nijkerk = export_from (world, n);
  set = read_into (world, b, from_nijkerk);
  change = vp_test_find_change (set, ACTION_TRAINING);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_DELETED);
  g_assert_cmpint (vp_change_get_deletion (change), ==, VP_DELETION_THERE);
  g_assert_cmpint (vp_change_get_resolution (change), ==, VP_RESOLUTION_TAKE_THEIRS);
  g_assert_cmpstr (vp_change_get_path (change), ==, "deletions[0]");
  assert_counts (set, 0, 0, EXAMPLE_RECORDS - 1, 0, 0, 0);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_DELETED), ==, 1);
  apply_to (b, set);
  g_assert_null (vp_store_lookup (b->store, ACTION_TRAINING));
  assert_tombstone (b, ACTION_TRAINING, "nijkerk");

  /* Scherpenzeel hears of it from Barneveld. */
  from_barneveld = export_from (world, b);
  g_clear_object (&set);
  set = import_into (world, s, from_barneveld);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_DELETED);
  g_assert_null (vp_store_lookup (s->store, ACTION_TRAINING));
  assert_tombstone (s, ACTION_TRAINING, "nijkerk");

  /* The same file again; Barneveld's file from before the deletion. */
  g_clear_object (&set);
  set = import_into (world, b, from_nijkerk);
  assert_nothing_new (set);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_DELETED), ==, 0);
  g_clear_object (&set);
  set = import_into (world, n, old_from_barneveld);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_OLDER);
  g_assert_cmpstr (vp_change_get_reason (vp_test_find_change (set, ACTION_TRAINING)), ==,
                   "Deleted here.");
  g_assert_cmpint (vp_change_get_deletion (vp_test_find_change (set, ACTION_TRAINING)), ==,
                   VP_DELETION_HERE);
  assert_nothing_left_out (set);
  g_assert_null (vp_store_lookup (n->store, ACTION_TRAINING));
  three_way_clear (&three);
}

/* A deletion is taken only when a person agrees: kept, it is not asked
 * again, and ours goes back to the partner as a version newer than its
 * deletion, where it is a conflict. */
static void
test_deletion_kept (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpChange *change;

  two_towns (&world, &n, &b);
  delete_record (&world, n, ACTION_TRAINING);
  from_nijkerk = export_from (&world, n);

  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (set, ACTION_TRAINING);
  vp_change_set_resolution (change, VP_RESOLUTION_KEEP_OURS);
  apply_to (b, set);
  g_assert_nonnull (vp_store_lookup (b->store, ACTION_TRAINING));
  g_assert_cmpstr (vp_record_get_modified_by (lookup (b, ACTION_TRAINING)), ==, "barneveld");

  g_clear_object (&set);
  set = import_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_OLDER);
  assert_nothing_new (set);

  from_barneveld = export_from (&world, b);
  g_clear_object (&set);
  set = read_into (&world, n, from_barneveld);
  change = vp_test_find_change (set, ACTION_TRAINING);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  g_assert_cmpint (vp_change_get_deletion (change), ==, VP_DELETION_HERE);
  /* Nijkerk takes it back. */
  vp_change_set_resolution (change, VP_RESOLUTION_TAKE_THEIRS);
  apply_to (n, set);
  assert_same_record (lookup (n, ACTION_TRAINING), lookup (b, ACTION_TRAINING));
  g_assert_null (vp_store_find_tombstone (n->store, ACTION_TRAINING));
  world_clear (&world);
}

/* Barneveld changed what Nijkerk deleted (a status of its own on an
 * action of the deleted priority): a conflict, and left alone unless a
 * person says otherwise. Taken, the deletion is Barneveld's too. */
static void
test_deletion_conflict (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpTombstone) tombstone = NULL;
  const char *digital_action;
  VpChange *change;
  GListModel *actions;
  guint belonging;

  two_towns (&world, &n, &b);
  actions = vp_store_get_records (b->store, VP_TYPE_ACTION);
  digital_action = NULL;
  for (guint i = 0; digital_action == NULL; i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      /* one whose status Barneveld sets (not one another municipality leads) */
      if (g_str_equal (vp_action_get_priority (action), PRIORITY_DIGITAL)
          && vp_action_can_set_status (b->store, action, NULL))
        digital_action = vp_record_get_uuid (VP_RECORD (action));
    }
  belonging = vp_exchange_count_belonging (b->store, lookup (b, PRIORITY_DIGITAL));
  g_assert_cmpuint (belonging, >, 6);

  delete_record (&world, n, PRIORITY_DIGITAL);
  set_own_status (&world, b, digital_action, VP_STATUS_DONE, 0, "Afgerond in Barneveld.");
  from_nijkerk = export_from (&world, n);

  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (set, PRIORITY_DIGITAL);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  g_assert_cmpint (vp_change_get_deletion (change), ==, VP_DELETION_THERE);
  g_assert_cmpint (vp_change_get_resolution (change), ==, VP_RESOLUTION_NONE);
  apply_to (b, set);
  g_assert_nonnull (vp_store_lookup (b->store, PRIORITY_DIGITAL));

  /* Read again, Barneveld agrees this time. */
  g_clear_object (&set);
  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (set, PRIORITY_DIGITAL);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  vp_change_set_resolution (change, VP_RESOLUTION_TAKE_THEIRS);
  apply_to (b, set);
  g_assert_null (vp_store_lookup (b->store, PRIORITY_DIGITAL));
  g_assert_null (vp_store_lookup (b->store, digital_action));
  tombstone = vp_store_find_tombstone (b->store, PRIORITY_DIGITAL);
  g_assert_cmpstr (tombstone->deleted_by, ==, "barneveld");
  g_assert_cmpstr (tombstone->kind, ==, "priority");
  world_clear (&world);
}

/* A delete is undone with its tombstone; an import that deleted is undone
 * exactly, and the file can be imported again. */
static void
test_deletion_undo (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  two_towns (&world, &n, &b);

  delete_record (&world, n, ACTION_TRAINING);
  g_assert_true (vp_store_undo (n->store, &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_find_tombstone (n->store, ACTION_TRAINING));
  g_assert_nonnull (vp_store_lookup (n->store, ACTION_TRAINING));
  delete_record (&world, n, ACTION_TRAINING);
  from_nijkerk = export_from (&world, n);

  dump_before = vp_test_dump_file (b->path);
  set = import_into (&world, b, from_nijkerk);
  assert_tombstone (b, ACTION_TRAINING, "nijkerk");
  g_assert_true (vp_store_undo (b->store, &error));
  g_assert_no_error (error);
  dump_after = vp_test_dump_file (b->path);
  assert_same_lines (dump_before, dump_after, NULL);

  g_clear_object (&set);
  set = import_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_DELETED);
  g_assert_null (vp_store_lookup (b->store, ACTION_TRAINING));
  world_clear (&world);
}

static guint
count_imports (Town *town)
{
  g_autoptr (GPtrArray) imports = vp_store_list_imports (town->store);

  return imports->len;
}

/* The everyday ping-pong: a partner's file with nothing new makes no
 * step, so the toast offers no Undo (which would take back the import
 * before it), and what it noted does not block a file that is news again
 * once that import is undone. */
static void
test_nothing_new_no_undo (void)
{
  World world;
  Town *n, *b;
  g_autofree char *example = vp_test_example_path ();
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  guint n_imports;

  world_init (&world);
  n = town_add (&world, "Nijkerk", "nijkerk", 0);
  b = town_add (&world, "Barneveld", "barneveld", 0);
  load_example (&world, n);
  from_nijkerk = export_from (&world, n);

  set = read_into (&world, b, example);
  vp_store_set_undo_label (b->store, "Import from Nijkerk (example)");
  apply_to (b, set);
  g_assert_true (vp_store_last_change_can_undo (b->store));
  n_imports = count_imports (b);
  g_assert_cmpuint (n_imports, ==, 1);
  g_clear_object (&set);

  set = read_into (&world, b, from_nijkerk);
  g_assert_true (vp_exchange_check_origin (b->store, set, VP_ORIGIN_DEFAULT, &error));
  g_assert_no_error (error);
  assert_nothing_new (set);
  vp_store_set_undo_label (b->store, "Import from Nijkerk (nothing new)");
  apply_to (b, set);
  g_clear_object (&set);
  /* no step of its own: the one before is still what Undo undoes, and the
   * toast of this import does not offer it */
  g_assert_true (vp_store_can_undo (b->store));
  g_assert_cmpstr (vp_store_get_undo_label (b->store), ==, "Import from Nijkerk (example)");
  g_assert_false (vp_store_last_change_can_undo (b->store));
  /* the history shows it */
  g_assert_cmpuint (count_imports (b), ==, 2);
  g_assert_true (vp_store_undo (b->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_store_count (b->store, VP_TYPE_ACTION), ==, 0);
  g_assert_false (vp_store_can_undo (b->store));
  /* judged against the plan that is gone, its line goes with the step */
  g_assert_cmpuint (count_imports (b), ==, 0);

  /* the plan is gone: the example, and the later file, are news again */
  set = read_into (&world, b, example);
  g_assert_true (vp_exchange_check_origin (b->store, set, VP_ORIGIN_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_object (&set);
  set = read_into (&world, b, from_nijkerk);
  g_assert_true (vp_exchange_check_origin (b->store, set, VP_ORIGIN_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_ADDED), ==, EXAMPLE_RECORDS);
  apply_to (b, set);
  g_assert_true (vp_store_last_change_can_undo (b->store));
  g_assert_cmpuint (vp_store_count (b->store, VP_TYPE_ACTION), >, 0);
  world_clear (&world);
}

/* 11. Whose organisations and deletions */

#define ORG_NIJKERK      "95bf91af-f335-4b91-a450-d767bb93c1e1"
#define ORG_BARNEVELD    "769d74e7-f98b-49c0-a0bd-0ea497b5c936"
#define ORG_SCHERPENZEEL "f3ae158f-244e-4ddd-b0d1-9ddcc083cce3"
#define ORG_POLITIE      "c9d41021-de6e-492c-9db4-ff9550ad7bd9"

/* @town's export, with @edit applied to it, written as a new file. */
static char *
export_edited (World *world, Town *town, void (*change) (JsonNode *root, const char *stamp))
{
  g_autofree char *path = export_from (world, town);
  g_autoptr (JsonNode) root = parse_file (path);
  g_autofree char *stamp = town_clock_stamp (town);
  char *edited
    = g_strdup_printf ("%s/%02u-%s-edited.json", world->dir, ++world->n_files, town->code);

  change (root, stamp);
  write_json (root, edited);
  return edited;
}

static void
rename_organisation (
  JsonNode *root, const char *uuid, const char *name, const char *at, const char *by)
{
  JsonObject *organisation = find_json (root, uuid, NULL);

  json_object_set_string_member (organisation, "name", name);
  stamp_json (organisation, at, by);
}

/* Barneveld's file renames Nijkerk, Scherpenzeel (once in Nijkerk's
 * name), itself and the police. */
static void
rename_organisations (JsonNode *root, const char *stamp)
{
  rename_organisation (root, ORG_NIJKERK, "Gemeente Nijkerk (hernoemd)", stamp, "barneveld");
  rename_organisation (root, ORG_SCHERPENZEEL, "Scherpenzeel (hernoemd)", stamp, "nijkerk");
  rename_organisation (root, ORG_BARNEVELD, "Gemeente Barneveld", stamp, "barneveld");
  rename_organisation (root, ORG_POLITIE, "Politie Midden-Nederland", stamp, "barneveld");
}

static const char *
name_in (Town *town, const char *uuid)
{
  return vp_organisation_get_name (VP_ORGANISATION (lookup (town, uuid)));
}

/* A municipality's organisation is its own: only it renames it, though
 * anyone adds it with a plan. A partner organisation is the
 * coalition's. */
static void
test_organisation_owner (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  two_towns (&world, &n, &b);
  from_barneveld = export_edited (&world, b, rename_organisations);

  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ORG_NIJKERK, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (vp_test_find_change (set, ORG_NIJKERK)), ==,
                   "Only Nijkerk changes it; this version is by Barneveld.");
  assert_kind (set, ORG_SCHERPENZEEL, VP_CHANGE_REFUSED);
  assert_kind (set, ORG_BARNEVELD, VP_CHANGE_UPDATED);
  assert_kind (set, ORG_POLITIE, VP_CHANGE_UPDATED);
  g_assert_cmpstr (name_in (n, ORG_NIJKERK), ==, "Nijkerk");
  g_assert_cmpstr (name_in (n, ORG_SCHERPENZEEL), ==, "Scherpenzeel");
  g_assert_cmpstr (name_in (n, ORG_BARNEVELD), ==, "Gemeente Barneveld");
  g_assert_cmpstr (name_in (n, ORG_POLITIE), ==, "Politie Midden-Nederland");
  world_clear (&world);
}

/* A file that claims a newer version of the home municipality's own
 * organisation in its own name: its own records change only here. */
static void
forge_home (JsonNode *root, const char *stamp)
{
  rename_organisation (root, ORG_NIJKERK, "Nijkerk (vervalst)", stamp, "nijkerk");
}

static void
test_organisation_home_forged (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  two_towns (&world, &n, &b);
  from_barneveld = export_edited (&world, b, forge_home);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ORG_NIJKERK, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (vp_test_find_change (set, ORG_NIJKERK)), ==,
                   "Records of Nijkerk change only here.");
  g_assert_cmpstr (name_in (n, ORG_NIJKERK), ==, "Nijkerk");
  world_clear (&world);
}

/* Takes the record @uuid out of the file, wherever it stands. */
static gboolean
remove_json (JsonNode *node, const char *uuid)
{
  g_autoptr (GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        continue;
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (item)
              && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (item),
                                                                        "uuid", ""),
                            uuid)
                   == 0)
            {
              json_array_remove_element (array, i);
              return TRUE;
            }
          if (remove_json (item, uuid))
            return TRUE;
        }
    }
  return FALSE;
}

static void
add_deletion (JsonNode *root, const char *uuid, const char *kind, const char *at, const char *by)
{
  JsonObject *file = json_node_get_object (root);
  JsonObject *deletion = json_object_new ();

  g_assert_true (remove_json (root, uuid));
  if (!json_object_has_member (file, "deletions"))
    json_object_set_array_member (file, "deletions", json_array_new ());
  json_object_set_string_member (deletion, "uuid", uuid);
  json_object_set_string_member (deletion, "kind", kind);
  json_object_set_string_member (deletion, "deleted_at", at);
  json_object_set_string_member (deletion, "deleted_by", by);
  json_array_add_object_element (json_object_get_array_member (file, "deletions"), deletion);
}

/* Barneveld's file deletes Scherpenzeel's organisation in its own name,
 * and a joint action in Nijkerk's. */
static void
claim_deletions (JsonNode *root, const char *stamp)
{
  add_deletion (root, ORG_SCHERPENZEEL, "organisation", stamp, "barneveld");
  add_deletion (root, ACTION_TRAINING, "action", stamp, "nijkerk");
}

/* Barneveld's file deletes Nijkerk's local action in its own name. */
static void
delete_parks (JsonNode *root, const char *stamp)
{
  add_deletion (root, ACTION_PARKS, "action", stamp, "barneveld");
}

/* Only its owner deletes a local record: Barneveld's deletion of
 * Nijkerk's action is refused in Nijkerk's and Scherpenzeel's databases. */
static void
test_deletion_not_owner (void)
{
  ThreeWay three;
  World *world = &three.world;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  VpChange *change;

  three_way_init (&three);
  /* Barneveld's own store refuses to delete Nijkerk's action; a file
   * that claims it all the same is forged */
  g_assert_false (vp_store_delete (three.barneveld->store,
                                   vp_store_lookup (three.barneveld->store, ACTION_PARKS), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  from_barneveld = export_edited (world, three.barneveld, delete_parks);

  set = import_into (world, three.nijkerk, from_barneveld);
  change = vp_test_find_change (set, ACTION_PARKS);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (change), ==, "Records of Nijkerk change only here.");
  g_assert_nonnull (vp_store_lookup (three.nijkerk->store, ACTION_PARKS));

  g_clear_object (&set);
  set = import_into (world, three.scherpenzeel, from_barneveld);
  change = vp_test_find_change (set, ACTION_PARKS);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (change), ==,
                   "Only Nijkerk deletes it; Barneveld deleted it.");
  g_assert_nonnull (vp_store_lookup (three.scherpenzeel->store, ACTION_PARKS));
  three_way_clear (&three);
}

/* Barneveld's file deletes the joint priority that holds Nijkerk's local
 * actions. */
static void
delete_crime (JsonNode *root, const char *stamp)
{
  add_deletion (root, PRIORITY_CRIME, "priority", stamp, "barneveld");
}

/* A deletion that would take another municipality's records with it is
 * refused where it arrives, naming whose, as Barneveld's own store
 * refuses to make it; the file's other changes are taken. */
static void
test_deletion_takes_partners (void)
{
  ThreeWay three;
  World *world = &three.world;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  three_way_init (&three);
  g_assert_false (vp_store_delete (
    three.barneveld->store, vp_store_lookup (three.barneveld->store, PRIORITY_CRIME), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER);
  from_barneveld = export_edited (world, three.barneveld, delete_crime);

  set = import_into (world, three.scherpenzeel, from_barneveld);
  assert_kind (set, PRIORITY_CRIME, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (vp_test_find_change (set, PRIORITY_CRIME)), ==,
                   "It holds a record of Nijkerk, which only Nijkerk deletes; Barneveld deleted "
                   "it.");
  g_assert_nonnull (vp_store_lookup (three.scherpenzeel->store, PRIORITY_CRIME));
  /* Nijkerk's local action under it */
  g_assert_nonnull (
    vp_store_lookup (three.scherpenzeel->store, "770c1fd9-18c2-45fc-ae83-9e24c42f141b"));
  three_way_clear (&three);
}

/* A deletion is taken only from whoever may delete the record: a
 * municipality's organisation only by it, and nothing in the home
 * municipality's name that it did not delete itself. */
static void
test_deletion_claims (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autoptr (VpChangeSet) set = NULL;

  two_towns (&world, &n, &b);
  from_barneveld = export_edited (&world, b, claim_deletions);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ORG_SCHERPENZEEL, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (vp_test_find_change (set, ORG_SCHERPENZEEL)), ==,
                   "Only Scherpenzeel deletes it; Barneveld deleted it.");
  assert_kind (set, ACTION_TRAINING, VP_CHANGE_REFUSED);
  g_test_message ("%s", vp_change_get_reason (vp_test_find_change (set, ACTION_TRAINING)));
  g_assert_nonnull (vp_store_lookup (n->store, ORG_SCHERPENZEEL));
  g_assert_nonnull (vp_store_lookup (n->store, ACTION_TRAINING));
  world_clear (&world);
}

/* Barneveld's file deletes the police, which actions here still lead,
 * and changes a joint action. */
static void
delete_police (JsonNode *root, const char *stamp)
{
  JsonObject *controls = find_json (root, ACTION_CONTROLS, NULL);

  add_deletion (root, ORG_POLITIE, "organisation", stamp, "barneveld");
  json_object_set_string_member (controls, "text", B_CONTROLS_TEXT);
  stamp_json (controls, stamp, "barneveld");
}

/* A partner's deletion of an organisation that records here still refer
 * to is refused, naming them, and the rest of the file is taken: the
 * deletion, which every later file carries too, blocks nothing. */
static void
test_deletion_organisation_in_use (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *later = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  const char *reason;

  two_towns (&world, &n, &b);
  from_barneveld = export_edited (&world, b, delete_police);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ORG_POLITIE, VP_CHANGE_REFUSED);
  reason = vp_change_get_reason (vp_test_find_change (set, ORG_POLITIE));
  g_test_message ("%s", reason);
  g_assert_true (g_str_has_prefix (reason, "Still in use here, by “"));
  g_assert_nonnull (strstr (reason, "Politie zet cyberspecials in"));
  g_assert_nonnull (vp_store_lookup (n->store, ORG_POLITIE));
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (n, ACTION_CONTROLS))), ==,
                   B_CONTROLS_TEXT);

  g_clear_object (&set);
  later = export_edited (&world, b, delete_police);
  set = import_into (&world, n, later);
  assert_kind (set, ORG_POLITIE, VP_CHANGE_REFUSED);
  world_clear (&world);
}

/* 10. A sub-theme letter taken here: that sub-theme is refused (and what
 * belongs to it), the rest of the file is taken. */
static void
test_letter_clash (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) ours = NULL;
  g_autoptr (VpRecord) theirs = NULL;
  g_autoptr (VpRecord) action = NULL;
  VpChange *change;

  two_towns (&world, &n, &b);

  tick (&world);
  theirs = g_object_new (VP_TYPE_SUBTHEME, "priority", PRIORITY_CRIME, "letter", "D", "title",
                         "Witwassen", NULL);
  g_assert_true (vp_store_insert (n->store, theirs, VP_STORE_WRITE_DEFAULT, &error));
  action = g_object_new (VP_TYPE_ACTION, "priority", PRIORITY_CRIME, "subtheme",
                         vp_record_get_uuid (theirs), "text", "We volgen geldstromen.", "lead-kind",
                         VP_LEAD_KIND_JOINT, "category", VP_CATEGORY_JOINT, "position", 30, NULL);
  g_assert_true (vp_store_insert (n->store, action, VP_STORE_WRITE_DEFAULT, &error));
  ours = g_object_new (VP_TYPE_SUBTHEME, "priority", PRIORITY_CRIME, "letter", "D", "title",
                       "Vastgoedfraude", NULL);
  g_assert_true (vp_store_insert (b->store, ours, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  edit (&world, n, ACTION_CONTROLS, "text", "Nijkerk: zes integrale controles.");
  from_nijkerk = export_from (&world, n);

  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (set, vp_record_get_uuid (theirs));
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (change), ==,
                   "Letter D is used here by the sub-theme “Vastgoedfraude”.");
  change = vp_test_find_change (set, vp_record_get_uuid (action));
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_REFUSED);
  g_assert_cmpstr (vp_change_get_reason (change), ==, "It belongs to a record that was refused.");
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  apply_to (b, set);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (lookup (b, ACTION_CONTROLS))), ==,
                   "Nijkerk: zes integrale controles.");
  g_assert_null (vp_store_lookup (b->store, vp_record_get_uuid (theirs)));
  g_assert_cmpstr (vp_subtheme_get_title (VP_SUBTHEME (lookup (b, vp_record_get_uuid (ours)))), ==,
                   "Vastgoedfraude");

  /* Barneveld moves its own to E: the next file is taken whole. */
  edit (&world, b, vp_record_get_uuid (ours), "letter", "E");
  g_clear_pointer (&from_nijkerk, g_free);
  from_nijkerk = export_from (&world, n);
  g_clear_object (&set);
  set = import_into (&world, b, from_nijkerk);
  assert_kind (set, vp_record_get_uuid (theirs), VP_CHANGE_ADDED);
  assert_kind (set, vp_record_get_uuid (action), VP_CHANGE_ADDED);
  assert_nothing_left_out (set);
  world_clear (&world);
}

/* 11. Both changed a record and sent their files before taking the
 * other's: the one whose change is older sees the conflict (the other
 * cannot tell it was not built on its own, and takes the newer). Taking
 * the older version stamps it anew, so the decision travels. */
static void
test_concurrent_both_sent (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *again = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpChange *change;

  two_towns (&world, &n, &b);
  edit (&world, n, ACTION_CONTROLS, "lead-note", "Nijkerk");
  edit (&world, b, ACTION_CONTROLS, "lead-note", "Barneveld");
  from_nijkerk = export_from (&world, n);
  from_barneveld = export_from (&world, b);
  /* each file says which version its change was made from, in version 2
   * of the format */
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (from_nijkerk, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\"version\": 2,"));
    g_assert_nonnull (strstr (text, "\"modified_by\": \"nijkerk\",\n              \"base\": \""));
  }

  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (set, ACTION_CONTROLS);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  vp_change_set_resolution (change, VP_RESOLUTION_TAKE_THEIRS);
  apply_to (b, set);
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (lookup (b, ACTION_CONTROLS))), ==,
                   "Nijkerk");

  /* Nijkerk takes Barneveld's file, sent before Barneveld had Nijkerk's:
   * a conflict here too, although Barneveld's change is the newer one
   * (the file says which version Barneveld changed) */
  g_clear_object (&set);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_CONFLICT);
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (lookup (n, ACTION_CONTROLS))), ==,
                   "Nijkerk");
  /* and Barneveld's decision afterwards settles it */
  again = export_from (&world, b);
  g_clear_object (&set);
  set = import_into (&world, n, again);
  assert_kind (set, ACTION_CONTROLS, VP_CHANGE_UPDATED);
  g_assert_cmpstr (vp_action_get_lead_note (VP_ACTION (lookup (n, ACTION_CONTROLS))), ==,
                   "Nijkerk");
  assert_same_record (lookup (n, ACTION_CONTROLS), lookup (b, ACTION_CONTROLS));
  world_clear (&world);
}

/* A joint action's one shared status set on both sides before either
 * had the other's: a conflict for whichever imports first and for the
 * other too, never a silent change of the action's status; settled on
 * one side, the decision travels and both end the same. */
static void
test_shared_status_both_sides (void)
{
  World world;
  Town *n, *b;
  g_autofree char *from_nijkerk = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *settled = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpChange *change;
  VpAction *controls;

  two_towns (&world, &n, &b);
  set_own_status (&world, n, ACTION_CONTROLS, VP_STATUS_DONE, 0, NULL);
  set_own_status (&world, b, ACTION_CONTROLS, VP_STATUS_POSTPONED, 0, NULL);
  from_nijkerk = export_from (&world, n);
  from_barneveld = export_from (&world, b);

  /* Nijkerk first: Barneveld's status would replace its Done */
  set = read_into (&world, n, from_barneveld);
  change = vp_test_find_change (
    set,
    vp_record_get_uuid (VP_RECORD (vp_store_find_status (b->store, ACTION_CONTROLS, "barneveld"))));
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  g_assert_nonnull (vp_change_get_shared_ours (change));
  apply_to (n, set);
  controls = VP_ACTION (lookup (n, ACTION_CONTROLS));
  g_assert_cmpint (vp_action_get_status (n->store, controls), ==, VP_STATUS_DONE);

  /* Barneveld too, although Nijkerk's status is the older one */
  g_clear_object (&set);
  set = read_into (&world, b, from_nijkerk);
  change = vp_test_find_change (
    set,
    vp_record_get_uuid (VP_RECORD (vp_store_find_status (n->store, ACTION_CONTROLS, "nijkerk"))));
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  apply_to (b, set);
  controls = VP_ACTION (lookup (b, ACTION_CONTROLS));
  g_assert_cmpint (vp_action_get_status (b->store, controls), ==, VP_STATUS_POSTPONED);

  /* Nijkerk settles it: Barneveld's Postponed */
  g_clear_object (&set);
  set = read_into (&world, n, from_barneveld);
  vp_change_set_resolve_all (set, VP_RESOLUTION_TAKE_THEIRS);
  apply_to (n, set);
  controls = VP_ACTION (lookup (n, ACTION_CONTROLS));
  g_assert_cmpint (vp_action_get_status (n->store, controls), ==, VP_STATUS_POSTPONED);

  /* which reaches Barneveld as no conflict, and both have the same */
  settled = export_from (&world, n);
  g_clear_object (&set);
  set = import_into (&world, b, settled);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 0);
  controls = VP_ACTION (lookup (b, ACTION_CONTROLS));
  g_assert_cmpint (vp_action_get_status (b->store, controls), ==, VP_STATUS_POSTPONED);
  assert_same_record (VP_RECORD (vp_store_find_status (n->store, ACTION_CONTROLS, "nijkerk")),
                      VP_RECORD (vp_store_find_status (b->store, ACTION_CONTROLS, "nijkerk")));
  assert_same_record (VP_RECORD (vp_store_find_status (n->store, ACTION_CONTROLS, "barneveld")),
                      VP_RECORD (vp_store_find_status (b->store, ACTION_CONTROLS, "barneveld")));
  world_clear (&world);
}

/* A change of another municipality's record, made where the store did
 * not refuse it yet (an older release's command line): every partner
 * refuses it, and the database that made it takes the owner's version
 * back, changed or not, instead of a conflict on every import. */
static void
test_refused_taken_back (void)
{
  World world;
  Town *n, *b;
  g_autofree char *before = NULL;
  g_autofree char *from_barneveld = NULL;
  g_autofree char *from_nijkerk = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpChange *change;

  two_towns (&world, &n, &b);
  before = export_from (&world, n);
  /* fixture: a database of a release whose store let Barneveld write
   * Nijkerk's local action (this one refuses it) */
  write_behind_store (&world, b, ACTION_PARKS, "Barneveld schreef hier.");
  from_barneveld = export_from (&world, b);
  set = import_into (&world, n, from_barneveld);
  assert_kind (set, ACTION_PARKS, VP_CHANGE_REFUSED);

  /* Nijkerk's file without a change of its own: taken back all the same */
  g_clear_object (&set);
  set = read_into (&world, b, before);
  change = vp_test_find_change (set, ACTION_PARKS);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_UPDATED);
  g_assert_nonnull (strstr (vp_change_get_reason (change), "Only Nijkerk changes it"));
  apply_to (b, set);
  assert_same_record (lookup (n, ACTION_PARKS), lookup (b, ACTION_PARKS));

  /* settled: Nijkerk's next change is an update, no conflict */
  edit (&world, n, ACTION_PARKS, "text", "Nijkerk schrijft verder.");
  from_nijkerk = export_from (&world, n);
  g_clear_object (&set);
  set = import_into (&world, b, from_nijkerk);
  assert_kind (set, ACTION_PARKS, VP_CHANGE_UPDATED);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 0);
  assert_same_record (lookup (n, ACTION_PARKS), lookup (b, ACTION_PARKS));
  world_clear (&world);
}

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs the built program with @args; its exit status in run->status. */
static void
run_program (Run *run, const char *const *args)
{
  g_autofree char *program
    = g_test_build_filename (G_TEST_BUILT, "..", "src", "veiligheidsplan", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) exit_error = NULL;
  int wait_status = 0;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("the program was not built: %s", program);
  g_ptr_array_add (argv, program);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s ...: out [%s], err [%s]", args[0], run->out, run->err);
  if (g_spawn_check_wait_status (wait_status, &exit_error))
    run->status = 0;
  else if (g_error_matches (exit_error, G_SPAWN_EXIT_ERROR, exit_error->code))
    run->status = exit_error->code;
  else
    g_error ("the program did not exit: %s", exit_error->message);
}

/* A database that Nijkerk filled with the example by the command line. */
static char *
cli_database (void)
{
  char *database = vp_test_db_path ();
  g_autofree char *example = vp_test_example_path ();
  const char *args[]
    = { "--database", database, "--municipality", "Nijkerk", "--import", example, NULL };
  Run run;

  run_program (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "114 added"));
  run_clear (&run);
  return database;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_cli_import (void)
{
  g_autofree char *database = cli_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (database, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "nijkerk");
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 42);
}

static void
test_cli_import_broken (void)
{
  g_autofree char *database = cli_database ();
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *broken = g_build_filename (dir, "kapot.json", NULL);
  g_autofree char *example = vp_test_example_path ();
  g_autofree char *text = NULL;
  g_autoptr (GBytes) before = file_bytes (database);
  g_autoptr (GBytes) after = NULL;
  g_autofree char *dump_before = vp_test_dump_file (database);
  g_autofree char *dump_after = NULL;
  g_autoptr (GError) error = NULL;
  const char *args[] = { "--database", database, "--import", broken, NULL };
  gsize length = 0;
  Run run;

  /* The example cut off halfway. */
  g_file_get_contents (example, &text, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (broken, text, (gssize) (length / 2), &error);
  g_assert_no_error (error);

  run_program (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, broken));
  after = file_bytes (database);
  g_assert_true (g_bytes_equal (before, after));
  /* and nothing waits in a write-ahead log either */
  dump_after = vp_test_dump_file (database);
  assert_same_lines (dump_before, dump_after, NULL);
  run_clear (&run);
}

static void
test_cli_export_stdout (void)
{
  g_autofree char *database = cli_database ();
  const char *args[] = { "--database", database, "--export", "-", NULL };
  Run run;

  run_program (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\n  \"format\": \"veiligheidsplan\""));
  run_clear (&run);
}

static void
test_cli_home_taken (void)
{
  g_autofree char *database = cli_database ();
  const char *args[] = { "--database", database, "--municipality", "Barneveld", NULL };
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GError) error = NULL;
  Run run;

  run_program (&run, args);
  store = vp_store_open (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "nijkerk");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/three-way/converge", test_three_way_converge);
  g_test_add_func ("/merge/stale-preview", test_stale_preview);
  g_test_add_data_func ("/merge/creator-conflict/barneveld-first", GINT_TO_POINTER (TRUE),
                        test_creator_conflict);
  g_test_add_data_func ("/merge/creator-conflict/nijkerk-first", GINT_TO_POINTER (FALSE),
                        test_creator_conflict);
  g_test_add_func ("/merge/restart-clock", test_restart_clock);
  g_test_add_func ("/merge/relayed", test_relayed);
  g_test_add_func ("/merge/own-record-older", test_own_record_older);
  g_test_add_func ("/merge/rebuild", test_rebuild);
  g_test_add_func ("/merge/own-record-newer-refused", test_own_record_newer_refused);
  g_test_add_func ("/merge/future-stamp", test_future_stamp);
  g_test_add_func ("/merge/deep-nesting", test_deep_nesting);
  g_test_add_func ("/merge/refused-parent", test_refused_parent);
  g_test_add_func ("/merge/deletion/travels", test_deletion_travels);
  g_test_add_func ("/merge/deletion/kept", test_deletion_kept);
  g_test_add_func ("/merge/deletion/conflict", test_deletion_conflict);
  g_test_add_func ("/merge/deletion/not-owner", test_deletion_not_owner);
  g_test_add_func ("/merge/deletion/takes-partners", test_deletion_takes_partners);
  g_test_add_func ("/merge/deletion/undo", test_deletion_undo);
  g_test_add_func ("/merge/nothing-new/no-undo", test_nothing_new_no_undo);
  g_test_add_func ("/merge/owner/organisation", test_organisation_owner);
  g_test_add_func ("/merge/owner/organisation-home-forged", test_organisation_home_forged);
  g_test_add_func ("/merge/owner/deletion-claims", test_deletion_claims);
  g_test_add_func ("/merge/deletion/organisation-in-use", test_deletion_organisation_in_use);
  g_test_add_func ("/merge/letter-clash", test_letter_clash);
  g_test_add_func ("/merge/concurrent-both-sent", test_concurrent_both_sent);
  g_test_add_func ("/merge/shared-status-both-sides", test_shared_status_both_sides);
  g_test_add_func ("/merge/refused-taken-back", test_refused_taken_back);
  g_test_add_func ("/merge/cli/import", test_cli_import);
  g_test_add_func ("/merge/cli/import-broken", test_cli_import_broken);
  g_test_add_func ("/merge/cli/export-stdout", test_cli_export_stdout);
  g_test_add_func ("/merge/cli/home-taken", test_cli_home_taken);
  /* Beyond the review: editing goes on after the files went round. */
  g_test_add_func ("/merge/continued/second-round", test_three_way_second_round);
  g_test_add_func ("/merge/continued/already-seen", test_relayed_already_seen);

  return g_test_run ();
}
