/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "model/vp-record-private.h"
#include "vp-store-private.h"

/*
 * The mapping between record objects and table rows. A field "lead-note" is
 * column lead_note. Columns: uuid, modified_at, modified_by, then the fields
 * in their class's order. Values map as follows:
 *
 *   string  TEXT; NULL or "" is NULL where the column allows NULL, else ""
 *   int     INTEGER; 0 is NULL where the column allows NULL
 *   int64   INTEGER; -1 is NULL, 0 is 0 (a budget in cents: none is not
 *           a budget of nothing)
 *   enum    INTEGER (its value) or TEXT (its nick), by the column's type
 *   strv    TEXT, one element per line
 */

#define N_IDENTITY_COLUMNS 3

static char *
column_name (GParamSpec *field)
{
  return g_strdelimit (g_strdup (field->name), "-", '_');
}

static sqlite3_stmt *
prepare (VpStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      vp_store_set_sqlite_error (self, rc, sql, error);
      return NULL;
    }
  return stmt;
}

/* Which order records are listed in: the one people see them in. */
static const char *
order_field_for (VpRecordClass *klass)
{
  static const char *const candidates[] = { "position", "number", "letter" };

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (g_object_class_find_property (G_OBJECT_CLASS (klass), candidates[i]) != NULL)
        return candidates[i];
    }
  return NULL;
}

/* Reads the table's columns and checks that they are exactly the class's
 * fields: a mismatch is a programming error or a foreign database. */
static gboolean
inspect_columns (VpStore *self, VpTable *table, GError **error)
{
  VpRecordClass *klass = table->klass;
  g_autofree char *sql = g_strdup_printf (
    "SELECT name, type, \"notnull\" FROM pragma_table_info ('%s')", klass->table);
  sqlite3_stmt *stmt = NULL;
  guint n_columns = 0;
  guint n_matched = 0;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, sql, error);
  table->integer = g_new0 (gboolean, klass->n_fields);
  table->nullable = g_new0 (gboolean, klass->n_fields);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      n_columns++;
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_autofree char *column = column_name (klass->fields[i]);

          if (g_strcmp0 (column, name) != 0)
            continue;
          table->integer[i]
            = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "INTEGER") == 0;
          table->nullable[i] = sqlite3_column_int (stmt, 2) == 0;
          n_matched++;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, sql, error);

  if (n_matched != klass->n_fields || n_columns != klass->n_fields + N_IDENTITY_COLUMNS)
    {
      g_set_error (
        error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
        _ ("The plan database “%s” is damaged: the table “%s” does not have the expected columns."),
        self->path, klass->table);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_statements (VpStore *self, VpTable *table, GError **error)
{
  VpRecordClass *klass = table->klass;
  g_autoptr (GString) columns = g_string_new ("uuid, modified_at, modified_by");
  g_autoptr (GString) marks = g_string_new ("?, ?, ?");
  g_autoptr (GString) sets = g_string_new ("modified_at = ?2, modified_by = ?3");
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *delete_sql = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *column = column_name (klass->fields[i]);

      g_string_append_printf (columns, ", \"%s\"", column);
      g_string_append_printf (marks, ", ?%u", i + N_IDENTITY_COLUMNS + 1);
      g_string_append_printf (sets, ", \"%s\" = ?%u", column, i + N_IDENTITY_COLUMNS + 1);
    }

  select_sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY \"%s\", rowid", columns->str,
                                klass->table, table->order_field ? table->order_field : "rowid");
  insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", klass->table, columns->str,
                                marks->str);
  /* Only the version the change was made on: another program may have
   * changed the row since (see vp_table_write()). */
  update_sql = g_strdup_printf ("UPDATE \"%s\" SET %s WHERE uuid = ?1 AND modified_at = ?%u",
                                klass->table, sets->str, klass->n_fields + N_IDENTITY_COLUMNS + 1);
  /* Likewise: a row another program changed is not deleted unseen. */
  delete_sql
    = g_strdup_printf ("DELETE FROM \"%s\" WHERE uuid = ?1 AND modified_at = ?2", klass->table);

  return (table->select_all = prepare (self, select_sql, error)) != NULL
         && (table->insert = prepare (self, insert_sql, error)) != NULL
         && (table->update = prepare (self, update_sql, error)) != NULL
         && (table->delete = prepare (self, delete_sql, error)) != NULL;
}

void
vp_table_free (VpTable *table)
{
  sqlite3_finalize (table->select_all);
  sqlite3_finalize (table->insert);
  sqlite3_finalize (table->update);
  sqlite3_finalize (table->delete);
  g_clear_object (&table->records);
  g_type_class_unref (table->klass);
  g_free (table->integer);
  g_free (table->nullable);
  g_free (table);
}

/**
 * vp_store_prepare_tables:
 *
 * Sets up one VpTable per record type, parents before children.
 */
gboolean
vp_store_prepare_tables (VpStore *self, GError **error)
{
  GType types[] = {
    VP_TYPE_ORGANISATION,  VP_TYPE_PLAN,         VP_TYPE_PRIORITY,
    VP_TYPE_SUBTHEME,      VP_TYPE_GOAL,         VP_TYPE_ACTION,
    VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      VpTable *table = g_new0 (VpTable, 1);

      table->type = types[i];
      table->klass = g_type_class_ref (types[i]);
      table->order_field = order_field_for (table->klass);
      if (table->order_field != NULL)
        {
          table->order_pspec
            = g_object_class_find_property (G_OBJECT_CLASS (table->klass), table->order_field);
          g_assert (table->order_pspec != NULL);
        }
      table->records = g_list_store_new (types[i]);
      g_ptr_array_add (self->tables, table);
      if (!inspect_columns (self, table, error) || !prepare_statements (self, table, error))
        return FALSE;
    }
  return TRUE;
}

VpTable *
vp_store_table_for (VpStore *self, GType type)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      VpTable *table = g_ptr_array_index (self->tables, i);

      if (table->type == type)
        return table;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
read_field (VpStore *self,
            VpTable *table,
            VpRecord *record,
            guint i,
            sqlite3_stmt *stmt,
            int column,
            GValue *value,
            GError **error)
{
  GParamSpec *field = table->klass->fields[i];
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int number;

  if (field->value_type == G_TYPE_STRING)
    vp_record_load_string (record, i, text);
  else if (field->value_type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (field->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_type (stmt, column) == SQLITE_NULL
                                ? -1
                                : sqlite3_column_int64 (stmt, column));
  else if (field->value_type == G_TYPE_STRV)
    g_value_take_boxed (value, text != NULL && *text != '\0' ? g_strsplit (text, "\n", -1) : NULL);
  else if (table->integer[i])
    g_value_set_enum (value, sqlite3_column_int (stmt, column));
  else if (vp_enum_from_nick (field->value_type, text, &number))
    g_value_set_enum (value, number);
  else
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
                   _ ("The plan database “%s” is damaged: the value “%s” in %s.%s is not valid."),
                   self->path, text ? text : "NULL", table->klass->table, field->name);
      return FALSE;
    }
  return TRUE;
}

static VpRecord *
read_record (VpStore *self, VpTable *table, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VpRecord) record = g_object_new (table->type, NULL);
  GValue *values = vp_record_peek_values (record);

  vp_record_set_identity (record, (const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));
  for (guint i = 0; i < table->klass->n_fields; i++)
    {
      if (!read_field (self, table, record, i, stmt, i + N_IDENTITY_COLUMNS, &values[i], error))
        return NULL;
    }
  return g_steal_pointer (&record);
}

/* How many records there are to read, for the progress. */
static guint
count_records (VpStore *self)
{
  guint total = 0;

  for (guint i = 0; i < self->tables->len; i++)
    {
      VpTable *table = g_ptr_array_index (self->tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table->klass->table);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        total += (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  return total;
}

/* Every so many records, not each: the progress is for the eye. */
#define PROGRESS_EVERY 2048

static gboolean
load_table (VpStore *self, VpTable *table, guint *done, guint total, GError **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (table->select_all)) == SQLITE_ROW)
    {
      VpRecord *record = read_record (self, table, table->select_all, error);

      if (record == NULL)
        {
          sqlite3_reset (table->select_all);
          return FALSE;
        }
      if (self->progress != NULL && ++*done % PROGRESS_EVERY == 0)
        self->progress (*done, total, self->progress_data);
      g_ptr_array_add (records, record);
      g_hash_table_replace (self->by_uuid, (char *) vp_record_get_uuid (record), record);
      if (VP_IS_ORGANISATION (record))
        g_hash_table_insert (self->organisations,
                             g_strdup (vp_organisation_get_code (VP_ORGANISATION (record))),
                             record);
    }
  sqlite3_reset (table->select_all);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, table->klass->table, error);

  g_list_store_splice (table->records, 0, 0, records->pdata, records->len);
  return TRUE;
}

/**
 * vp_store_load_tables:
 *
 * Reads every record into its list, in one read transaction so the lists
 * agree with each other.
 */
gboolean
vp_store_load_tables (VpStore *self, GError **error)
{
  gboolean ok = vp_store_exec (self, "BEGIN", error);
  guint total = ok && self->progress != NULL ? count_records (self) : 0;
  guint done = 0;

  for (guint i = 0; ok && i < self->tables->len; i++)
    ok = load_table (self, g_ptr_array_index (self->tables, i), &done, total, error);
  vp_store_exec (self, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok;
}

static int
bind_field (VpTable *table, guint i, sqlite3_stmt *stmt, int column, const GValue *value)
{
  GParamSpec *field = table->klass->fields[i];
  gboolean nullable = table->nullable[i];

  if (field->value_type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return nullable ? sqlite3_bind_null (stmt, column)
                        : sqlite3_bind_text (stmt, column, "", 0, SQLITE_STATIC);
      return sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
    }
  if (field->value_type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (value);
      g_autofree char *joined = strv != NULL ? g_strjoinv ("\n", (char **) strv) : g_strdup ("");

      return sqlite3_bind_text (stmt, column, joined, -1, SQLITE_TRANSIENT);
    }
  if (field->value_type == G_TYPE_INT64)
    return g_value_get_int64 (value) < 0
             ? sqlite3_bind_null (stmt, column)
             : sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_ENUM (value) && !table->integer[i])
    return sqlite3_bind_text (stmt, column,
                              vp_enum_to_nick (field->value_type, g_value_get_enum (value)), -1,
                              SQLITE_STATIC);

  {
    int number = G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);

    if (number == 0 && nullable)
      return sqlite3_bind_null (stmt, column);
    return sqlite3_bind_int (stmt, column, number);
  }
}

/**
 * vp_table_write:
 * @stmt: @table's insert or update statement
 * @expected: (nullable): for an update, the modified_at the row has now;
 *   a row changed meanwhile by another program is not overwritten
 *
 * Writes @record's row. The caller holds a transaction.
 */
gboolean
vp_table_write (VpStore *self,
                VpTable *table,
                sqlite3_stmt *stmt,
                VpRecord *record,
                const char *expected,
                GError **error)
{
  int rc = SQLITE_OK;
  GValue *values = vp_record_peek_values (record);

  sqlite3_bind_text (stmt, 1, vp_record_get_uuid (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vp_record_get_modified_at (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, vp_record_get_modified_by (record), -1, SQLITE_STATIC);
  for (guint i = 0; rc == SQLITE_OK && i < table->klass->n_fields; i++)
    rc = bind_field (table, i, stmt, i + N_IDENTITY_COLUMNS + 1, &values[i]);
  if (rc == SQLITE_OK && expected != NULL)
    rc = sqlite3_bind_text (stmt, table->klass->n_fields + N_IDENTITY_COLUMNS + 1, expected, -1,
                            SQLITE_STATIC);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE && sqlite3_changes (self->db) != 1)
    rc = SQLITE_NOTFOUND;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, table->klass->table, error);
  return TRUE;
}

/**
 * vp_table_delete:
 * @expected: the modified_at the row has now: a row changed meanwhile by
 *   another program is not deleted (as vp_table_write() does not
 *   overwrite it)
 *
 * Deletes the row of @uuid. The caller holds a transaction.
 */
gboolean
vp_table_delete (
  VpStore *self, VpTable *table, const char *uuid, const char *expected, GError **error)
{
  int rc;

  sqlite3_bind_text (table->delete, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (table->delete, 2, expected, -1, SQLITE_STATIC);
  rc = sqlite3_step (table->delete);
  if (rc == SQLITE_DONE && sqlite3_changes (self->db) != 1)
    rc = SQLITE_NOTFOUND;
  sqlite3_reset (table->delete);
  sqlite3_clear_bindings (table->delete);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, table->klass->table, error);
  return TRUE;
}
