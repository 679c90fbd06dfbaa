/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "exchange/vp-change-set.h"
#include "model/vp-record-private.h"
#include "store/vp-store-status.h"
#include "rules/vp-ownership.h"
#include "vp-test-util.h"

static GPtrArray *dirs_to_remove;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_dirs (void)
{
  for (guint i = 0; i < dirs_to_remove->len; i++)
    remove_tree (g_ptr_array_index (dirs_to_remove, i));
  g_ptr_array_unref (dirs_to_remove);
}

char *
vp_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("vp-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (dirs_to_remove == NULL)
    {
      dirs_to_remove = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_dirs);
    }
  g_ptr_array_add (dirs_to_remove, g_strdup (dir));
  return dir;
}

char *
vp_test_db_path (void)
{
  g_autofree char *dir = vp_test_make_dir ();

  return g_build_filename (dir, "plan.db", NULL);
}

VpStore *
vp_test_store_new (void)
{
  return vp_test_store_new_for ("Nijkerk");
}

VpStore *
vp_test_store_new_for (const char *municipality)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  VpStore *store = vp_store_open (path, &error);

  g_assert_no_error (error);
  vp_store_set_now (store, now);
  vp_store_set_home_municipality (store, municipality, &error);
  g_assert_no_error (error);
  return store;
}

gboolean
vp_test_insert_as_owner (VpStore *store, VpRecord *record, GError **error)
{
  const char *owner = vp_record_get_owner (record);
  g_autofree char *stamp = NULL;
  g_autofree char *uuid = NULL;

  if (owner == NULL || vp_ownership_may_add (record, vp_store_get_home_municipality (store)))
    return vp_store_insert (store, record, VP_STORE_WRITE_DEFAULT, error);
  stamp = vp_store_make_stamp (store);
  uuid = vp_record_get_uuid (record) != NULL ? g_strdup (vp_record_get_uuid (record))
                                             : g_uuid_string_random ();
  vp_record_set_identity (record, uuid, stamp, owner);
  return vp_store_insert (store, record, VP_STORE_WRITE_KEEP_STAMPS, error);
}

/* Inserts @record stamped now by @municipality, as an import brings it. */
static void
insert_as (VpStore *store, VpRecord *record, const char *municipality)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stamp = vp_store_make_stamp (store);
  g_autofree char *uuid = g_uuid_string_random ();

  vp_record_set_identity (record, uuid, stamp, municipality);
  vp_store_insert (store, record, VP_STORE_WRITE_KEEP_STAMPS, &error);
  g_assert_no_error (error);
}

void
vp_test_set_status_as (VpStore *store,
                       VpAction *action,
                       const char *municipality,
                       VpStatus status,
                       int achieved,
                       const char *note)
{
  g_autoptr (GError) error = NULL;
  const char *uuid = vp_record_get_uuid (VP_RECORD (action));
  VpActionStatus *current = vp_store_find_status (store, uuid, municipality);
  VpStatus before = current != NULL ? vp_action_status_get_status (current) : VP_STATUS_PLANNED;
  g_autoptr (VpRecord) version = NULL;
  g_autoptr (VpRecord) event = NULL;

  if (current == NULL)
    {
      version = g_object_new (VP_TYPE_ACTION_STATUS, "action", uuid, "municipality", municipality,
                              "status", status, "achieved", achieved, "note",
                              note != NULL ? note : "", NULL);
      insert_as (store, version, municipality);
    }
  else
    {
      g_autofree char *stamp = vp_store_make_stamp (store);

      version = vp_record_copy (VP_RECORD (current));
      g_object_set (version, "status", status, "achieved", achieved, "note",
                    note != NULL ? note : "", NULL);
      vp_record_set_identity (version, vp_record_get_uuid (version), stamp, municipality);
      vp_store_replace (store, VP_RECORD (current), version, VP_STORE_WRITE_KEEP_STAMPS, &error);
      g_assert_no_error (error);
    }
  if (before == status)
    return;
  event = g_object_new (VP_TYPE_STATUS_EVENT, "action", uuid, "municipality", municipality, "kind",
                        VP_EVENT_KIND_STATUS, "from", vp_enum_to_nick (VP_TYPE_STATUS, before),
                        "to", vp_enum_to_nick (VP_TYPE_STATUS, status), NULL);
  insert_as (store, event, municipality);
}

void
vp_test_update_as (
  VpStore *store, VpRecord *record, const char *municipality, const char *first_property, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) draft = vp_record_copy (record);
  g_autofree char *stamp = vp_store_make_stamp (store);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (draft), first_property, args);
  va_end (args);
  vp_record_set_identity (draft, vp_record_get_uuid (record), stamp, municipality);
  vp_store_replace (store, record, draft, VP_STORE_WRITE_KEEP_STAMPS, &error);
  g_assert_no_error (error);
}

static VpRecord *
add (VpStore *store, GType type, const char *first_property, ...)
{
  g_autoptr (GError) error = NULL;
  VpRecord *record;
  va_list args;

  va_start (args, first_property);
  record = VP_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);
  vp_test_insert_as_owner (store, record, &error);
  g_assert_no_error (error);
  /* the store holds it now */
  g_object_unref (record);
  return record;
}

static void
add_organisation (VpStore *store, const char *code, const char *name, VpOrganisationKind kind)
{
  add (store, VP_TYPE_ORGANISATION, "code", code, "name", name, "kind", kind, NULL);
}

VpPlan *
vp_test_add_small_plan (VpStore *store)
{
  const char *participants[] = { "nijkerk", "barneveld", "scherpenzeel", NULL };
  VpRecord *plan, *joint, *local, *drugs, *trafficking;

  add_organisation (store, "nijkerk", "Nijkerk", VP_ORGANISATION_KIND_MUNICIPALITY);
  add_organisation (store, "barneveld", "Barneveld", VP_ORGANISATION_KIND_MUNICIPALITY);
  add_organisation (store, "scherpenzeel", "Scherpenzeel", VP_ORGANISATION_KIND_MUNICIPALITY);
  add_organisation (store, "politie", "Politie", VP_ORGANISATION_KIND_PARTNER);

  plan = add (store, VP_TYPE_PLAN, "title", "Uitvoeringsplan Veiligheid 2024", "first-year", 2024,
              "last-year", 2024, "owner", "nijkerk", "participants", participants,
              "framework-title", "Integraal Veiligheidsplan 2024-2027", "framework-first-year",
              2024, "framework-last-year", 2027, NULL);
  joint = add (store, VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (plan), "number", 1, "title",
               "Ondermijnende criminaliteit", "scope", VP_SCOPE_JOINT, "colour", "#c0392b", NULL);
  local = add (store, VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (plan), "number", 2, "title",
               "Vakantieparken", "scope", VP_SCOPE_LOCAL, "owner", "nijkerk", "colour", "#d98e04",
               NULL);
  drugs = add (store, VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (joint), "letter", "A",
               "title", "Productie en handel in drugs", NULL);
  trafficking = add (store, VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (joint), "letter", "B",
                     "title", "Mensenhandel", NULL);

  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (joint), "subtheme",
       vp_record_get_uuid (drugs), "text", "We organiseren vijf (thematische) integrale controles.",
       "lead-kind", VP_LEAD_KIND_JOINT, "year", 2024, "quarter", VP_QUARTER_Q1, "planned-year",
       2024, "planned-quarter", VP_QUARTER_Q1, "category", VP_CATEGORY_JOINT, "target", 5,
       "target-unit", "integrale controles", "position", 0, NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (joint), "subtheme",
       vp_record_get_uuid (drugs), "text",
       "We stellen een organisatiebreed projectplan op voor de Wet Bibob.", "lead-kind",
       VP_LEAD_KIND_ORGANISATION, "lead", "nijkerk", "lead-note", "Bibob-medewerker", "year", 2024,
       "quarter", VP_QUARTER_Q4, "planned-year", 2024, "planned-quarter", VP_QUARTER_Q4, "category",
       VP_CATEGORY_JOINT, "position", 1, NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (joint), "subtheme",
       vp_record_get_uuid (trafficking), "text",
       "We creëren een actueel overzicht van huisvestingslocaties van arbeidsmigranten.",
       "lead-kind", VP_LEAD_KIND_EACH, "year", 2024, "quarter", VP_QUARTER_Q4, "category",
       VP_CATEGORY_JOINT, "position", 2, NULL);
  add (store, VP_TYPE_ACTION, "priority", vp_record_get_uuid (local), "text",
       "We evalueren de samenwerking met het project Ariadne.", "lead-kind",
       VP_LEAD_KIND_ORGANISATION, "lead", "nijkerk", "year", 2024, "quarter", VP_QUARTER_Q4,
       "category", VP_CATEGORY_LOCAL, "owner", "nijkerk", "position", 0, NULL);
  add (store, VP_TYPE_DEFINITION, "plan", vp_record_get_uuid (plan), "section",
       "Ondermijnende criminaliteit", "term", "Wet Bibob", "text",
       "Wet bevordering integriteitsbeoordelingen door het openbaar bestuur.", NULL);
  return VP_PLAN (plan);
}

/* Makes every later insert into @table fail, as a full disk or another
 * program might: for tests of what a failed change leaves behind. */
void
vp_test_break_inserts (const char *path, const char *table)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("CREATE TRIGGER vp_test_break BEFORE INSERT ON \"%s\" "
                                          "BEGIN SELECT RAISE (ABORT, 'broken by the test'); END",
                                          table);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

char *
vp_test_dump_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                        &tables, NULL),
    ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "[%s]\n", sql);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (rows, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

char *
vp_test_describe_counts (VpStore *store)
{
  GType types[] = {
    VP_TYPE_ORGANISATION,  VP_TYPE_PLAN,         VP_TYPE_PRIORITY,
    VP_TYPE_SUBTHEME,      VP_TYPE_GOAL,         VP_TYPE_ACTION,
    VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION,
  };
  GString *counts = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_string_append_printf (counts, "%s %u; ", g_type_name (types[i]),
                            vp_store_count (store, types[i]));
  return g_string_free (counts, FALSE);
}

/* The database file as text without the rows of @tables. */
char *
vp_test_dump_without (VpStore *store, const char *const *tables)
{
  g_autofree char *dump = vp_test_dump_file (vp_store_get_path (store));
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean skip = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "[SELECT * FROM \""))
        {
          const char *name = lines[i] + strlen ("[SELECT * FROM \"");

          skip = FALSE;
          for (guint t = 0; tables != NULL && tables[t] != NULL; t++)
            skip = skip || (g_str_has_prefix (name, tables[t]) && name[strlen (tables[t])] == '"');
        }
      else if (skip)
        continue;
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
vp_test_example_path (void)
{
  const char *dir = g_getenv ("VEILIGHEIDSPLAN_EXAMPLES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "nijkerk-uvp-2024.json", NULL);
}

VpChange *
vp_test_find_change (VpChangeSet *set, const char *uuid)
{
  GListModel *changes = vp_change_set_get_changes (set);
  VpChange *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (vp_record_get_uuid (vp_change_get_incoming (change)), uuid))
        {
          g_assert_null (found);
          found = change;
        }
    }
  g_assert_nonnull (found);
  return found;
}
