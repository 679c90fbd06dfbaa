/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-floor-exchange"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

/*
 * The benchmark's yardsticks for import and export: the least a program
 * can do with the same exchange file, with no check at all.
 *
 *   vp-floor-exchange import FILE DATABASE
 *     json-glib parses FILE; one transaction inserts its actions and their
 *     statuses into a new DATABASE (WAL, synchronous as the program's)
 *     with prepared statements.
 *   vp-floor-exchange export DATABASE FILE
 *     reads the actions and statuses of a plan database (the program's)
 *     and writes them to FILE as indented JSON.
 */

static const char *const action_columns[]
  = { "uuid",        "priority",    "subtheme",    "text",         "lead_kind",       "lead",
      "lead_note",   "year",        "quarter",     "planned_year", "planned_quarter", "category",
      "owner",       "target",      "target_unit", "position",     "evaluation",      "origin",
      "modified_at", "modified_by", NULL };
static const char *const status_columns[]
  = { "uuid", "action",      "municipality", "status", "achieved",
      "note", "modified_at", "modified_by",  NULL };

static gboolean
fail (sqlite3 *db, const char *what)
{
  g_printerr ("%s: %s\n", what, db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec (sqlite3 *db, const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK || fail (db, sql);
}

static char *
create_sql (const char *table, const char *const *columns)
{
  g_autofree char *list = g_strjoinv (", ", (char **) columns);

  return g_strdup_printf ("CREATE TABLE %s (%s)", table, list);
}

static sqlite3_stmt *
prepare_insert (sqlite3 *db, const char *table, const char *const *columns)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_string_printf (sql, "INSERT INTO %s VALUES (?", table);
  for (guint i = 1; columns[i] != NULL; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    fail (db, sql->str);
  return stmt;
}

/* Binds @object's members named by @columns; @parent (the first column
 * after uuid) is the record it belongs to. */
static gboolean
insert (sqlite3 *db,
        sqlite3_stmt *stmt,
        const char *const *columns,
        JsonObject *object,
        const char *parent)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, columns[i]);

      if (i == 1)
        sqlite3_bind_text (stmt, 2, parent, -1, SQLITE_STATIC);
      else if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
        sqlite3_bind_null (stmt, i + 1);
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, i + 1, json_node_get_int (node));
      else
        sqlite3_bind_text (stmt, i + 1, json_node_get_string (node), -1, SQLITE_STATIC);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (db, "insert");
  sqlite3_reset (stmt);
  return TRUE;
}

static JsonArray *
array_of (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static guint
n_of (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static gboolean
insert_actions (sqlite3 *db, JsonObject *priority, sqlite3_stmt *actions, sqlite3_stmt *statuses)
{
  JsonArray *list = array_of (priority, "actions");
  const char *priority_uuid = json_object_get_string_member (priority, "uuid");

  for (guint a = 0; a < n_of (list); a++)
    {
      JsonObject *action = json_array_get_object_element (list, a);
      const char *uuid = json_object_get_string_member (action, "uuid");
      JsonArray *list_s = array_of (action, "statuses");

      if (!insert (db, actions, action_columns, action, priority_uuid))
        return FALSE;
      for (guint s = 0; s < n_of (list_s); s++)
        {
          if (!insert (db, statuses, status_columns, json_array_get_object_element (list_s, s),
                       uuid))
            return FALSE;
        }
    }
  return TRUE;
}

static int
floor_import (const char *file, const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *create_actions = create_sql ("action", action_columns);
  g_autofree char *create_statuses = create_sql ("action_status", status_columns);
  sqlite3 *db = NULL;
  sqlite3_stmt *actions, *statuses;
  JsonArray *plans;
  gboolean ok = TRUE;

  if (!json_parser_load_from_file (parser, file, &error))
    {
      g_printerr ("%s: %s\n", file, error->message);
      return 1;
    }
  if (sqlite3_open (path, &db) != SQLITE_OK || !exec (db, "PRAGMA journal_mode = WAL")
      || !exec (db, "PRAGMA synchronous = FULL") || !exec (db, create_actions)
      || !exec (db, create_statuses))
    return 1;
  actions = prepare_insert (db, "action", action_columns);
  statuses = prepare_insert (db, "action_status", status_columns);
  plans = array_of (json_node_get_object (json_parser_get_root (parser)), "plans");
  ok = actions != NULL && statuses != NULL && exec (db, "BEGIN");
  for (guint p = 0; ok && p < n_of (plans); p++)
    {
      JsonArray *priorities = array_of (json_array_get_object_element (plans, p), "priorities");

      for (guint i = 0; ok && i < n_of (priorities); i++)
        ok = insert_actions (db, json_array_get_object_element (priorities, i), actions, statuses);
    }
  ok = ok && exec (db, "COMMIT");
  sqlite3_finalize (actions);
  sqlite3_finalize (statuses);
  sqlite3_close (db);
  return ok ? 0 : 1;
}

/* The current row of @stmt as a JSON object, column by column. */
static JsonObject *
row_object (sqlite3_stmt *stmt)
{
  JsonObject *object = json_object_new ();

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          json_object_set_null_member (object, name);
          break;
        case SQLITE_INTEGER:
          json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, i));
          break;
        default:
          json_object_set_string_member (object, name,
                                         (const char *) sqlite3_column_text (stmt, i));
        }
    }
  return object;
}

/* action UUID → JsonArray of its statuses */
static GHashTable *
read_statuses (sqlite3 *db)
{
  GHashTable *by_action
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_array_unref);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT * FROM action_status", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (db, "select");
      return by_action;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *action = (const char *) sqlite3_column_text (stmt, 1);
      JsonArray *list = g_hash_table_lookup (by_action, action);

      if (list == NULL)
        {
          list = json_array_new ();
          g_hash_table_insert (by_action, g_strdup (action), list);
        }
      json_array_add_object_element (list, row_object (stmt));
    }
  sqlite3_finalize (stmt);
  return by_action;
}

static int
floor_export (const char *path, const char *file)
{
  g_autoptr (GHashTable) statuses = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (GError) error = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *actions = json_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT * FROM action ORDER BY priority, position", -1, &stmt,
                             NULL)
           != SQLITE_OK)
    return fail (db, path), 1;
  statuses = read_statuses (db);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *action = row_object (stmt);
      JsonArray *list = g_hash_table_lookup (statuses, sqlite3_column_text (stmt, 0));

      json_object_set_array_member (action, "statuses",
                                    list != NULL ? json_array_ref (list) : json_array_new ());
      json_array_add_object_element (actions, action);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  json_object_set_array_member (object, "actions", actions);
  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  if (!json_generator_to_file (generator, file, &error))
    {
      g_printerr ("%s: %s\n", file, error->message);
      return 1;
    }
  return 0;
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "import"))
    return floor_import (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "export"))
    return floor_export (argv[2], argv[3]);
  g_printerr ("Usage: vp-floor-exchange import FILE DATABASE\n"
              "       vp-floor-exchange export DATABASE FILE\n");
  return 2;
}
