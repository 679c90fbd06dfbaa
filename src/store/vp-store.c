/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "model/vp-record-private.h"
#include "rules/vp-ownership.h"
#include "rules/vp-plan-rules.h"
#include "vp-store-as-of.h"
#include "vp-store-private.h"

/*
 * VpStore owns the plan database and is the only code that speaks SQL.
 * Every record lives once in memory, in the GListStore of its type, and
 * changes only after the transaction that wrote it committed: writes queue
 * a PendingOp, vp_store_commit() applies them to the objects (so views
 * follow through notify and items-changed), vp_store_rollback() drops them.
 */

typedef struct
{
  OpKind kind;
  VpRecord *record;
  /* the new values of an update */
  VpRecord *draft;
  /* OP_BOOK: the bookkeeping row written */
  BookOp *book;
} PendingOp;

G_DEFINE_FINAL_TYPE (VpStore, vp_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_HOME_MUNICIPALITY,
  PROP_CAN_UNDO,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One SQL file per schema version, applied in order. */
static const char *const migrations[] = {
  "001-initial.sql",  "002-exchange.sql", "003-deletions.sql", "004-evaluation.sql",
  "005-own-plan.sql", "006-budgets.sql",  "007-checks.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == VP_STORE_SCHEMA_VERSION);

G_DEFINE_QUARK (vp_store_error, vp_store_error)

static void
clear_pending_op (PendingOp *op)
{
  g_clear_object (&op->record);
  g_clear_object (&op->draft);
  g_clear_pointer (&op->book, vp_book_op_free);
}

/**
 * vp_store_queue_book:
 * @op: (transfer full): a bookkeeping write of the open transaction
 *
 * For vp-store-sync.c: the write becomes part of the transaction's undo
 * step.
 */
void
vp_store_queue_book (VpStore *self, BookOp *op)
{
  PendingOp pending = { OP_BOOK, NULL, NULL, op };

  g_assert (self->in_transaction);
  g_array_append_val (self->pending, pending);
}

/* For vp-store-undo.c, which knows when the stack empties or fills. */
void
vp_store_notify_can_undo (VpStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/**
 * vp_store_set_sqlite_error:
 * @rc: an SQLite result code
 * @what: the table or statement, for the log
 *
 * Sets @error to a message a person can act on.
 *
 * Returns: %FALSE, for `return vp_store_set_sqlite_error (…)`
 */
gboolean
vp_store_set_sqlite_error (VpStore *self, int rc, const char *what, GError **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_debug ("%s: %s (%d)", what, detail, rc);
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
                   _ ("The plan database “%s” is damaged: %s"), self->path, detail);
      break;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                     _ ("The change refers to a record that does not exist, or removes one that is "
                        "still in use."));
      else if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                     _ ("The change would add a record that already exists."));
      else
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                     _ ("The change breaks a rule of the plan: %s"), detail);
      break;
    case SQLITE_NOTFOUND:
      g_set_error (
        error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
        _ ("The record was changed or removed meanwhile, by another program or window. Close "
           "the plan and open it again to see it as it is now."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (
        error, VP_STORE_ERROR, VP_STORE_ERROR_BUSY,
        _ ("The plan database “%s” is in use by another program. Try again in a moment."),
        self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _ ("The disk that holds “%s” is full. Nothing was saved."), self->path);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN,
                   _ ("The plan database “%s” cannot be opened for writing: %s"), self->path,
                   detail);
      break;
    default:
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _ ("The plan database “%s” could not be read or written: %s"), self->path,
                   detail);
    }
  return FALSE;
}

gboolean
vp_store_exec (VpStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, "exec", error);
  return TRUE;
}

/* A one-row, one-column query of our own (a PRAGMA). */
static char *
query_text (VpStore *self, const char *sql, int *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return result;
}

/* Creates the file with mode 0600 (and its folder with 0700) before SQLite
 * opens it: a plan database is nobody else's business. SQLite gives its
 * -wal and -shm files the database's mode. */
static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN,
                   _ ("The folder “%s” for the plan database cannot be made: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN,
                   _ ("The plan database “%s” cannot be created: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static gboolean
refuse_foreign (VpStore *self, GError **error)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
               _ ("The file “%s” is not a Veiligheidsplan plan database."), self->path);
  return FALSE;
}

static gboolean
refuse_too_new (VpStore *self, GError **error)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_TOO_NEW,
               _ ("The plan database “%s” was made by a newer version of Veiligheidsplan than "
                  "this program understands. Update Veiligheidsplan to open it."),
               self->path);
  return FALSE;
}

/* Before anything is written: is this a plan database we understand, and
 * is it whole? A refused file is left exactly as it was. */
static gboolean
check_file (VpStore *self, int *version, GError **error)
{
  int rc;
  g_autofree char *user_version = query_text (self, "PRAGMA user_version", &rc);
  g_autofree char *n_tables = NULL;
  g_autofree char *check = NULL;

  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, "user_version", error);
  *version = (int) g_ascii_strtoll (user_version, NULL, 10);

  /* We never write a negative version: another program's file, refused
   * before the version picks a migration. */
  if (*version < 0)
    return refuse_foreign (self, error);
  if (*version > VP_STORE_SCHEMA_VERSION)
    return refuse_too_new (self, error);

  n_tables = query_text (self, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, "sqlite_schema", error);
  if (*version == 0 && g_strcmp0 (n_tables, "0") != 0)
    return refuse_foreign (self, error);

  check = query_text (self, "PRAGMA quick_check", &rc);
  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, "quick_check", error);
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
                   _ ("The plan database “%s” is damaged: %s"), self->path, check);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (VpStore *self, int version, GError **error)
{
  g_autofree char *resource
    = g_strconcat ("/nl/veiligheidsplan/Veiligheidsplan/sql/", migrations[version - 1], NULL);
  g_autoptr (GBytes) sql = g_resources_lookup_data (resource, 0, error);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (sql == NULL)
    return FALSE;
  /* The migration scripts are our own resources, not user input. */
  return vp_store_exec (self, g_bytes_get_data (sql, NULL), error)
         && vp_store_exec (self, set_version, error);
}

/* All steps in one transaction: a database is never left half-migrated.
 * The version is read again once the transaction holds the file: another
 * program opening it at the same time may have migrated it meanwhile. */
static gboolean
migrate (VpStore *self, int from_version, GError **error)
{
  int rc;
  g_autofree char *violation = NULL;
  g_autofree char *now = NULL;

  if (from_version == VP_STORE_SCHEMA_VERSION)
    return TRUE;
  if (!vp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  now = query_text (self, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      vp_store_exec (self, "ROLLBACK", NULL);
      return vp_store_set_sqlite_error (self, rc, "user_version", error);
    }
  from_version = (int) g_ascii_strtoll (now, NULL, 10);
  if (from_version < 0 || from_version >= VP_STORE_SCHEMA_VERSION)
    {
      vp_store_exec (self, "ROLLBACK", NULL);
      if (from_version < 0)
        return refuse_foreign (self, error);
      return from_version == VP_STORE_SCHEMA_VERSION || refuse_too_new (self, error);
    }
  for (int v = from_version + 1; v <= VP_STORE_SCHEMA_VERSION; v++)
    {
      if (!apply_migration (self, v, error))
        {
          vp_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  violation = query_text (self, "PRAGMA foreign_key_check", &rc);
  if (rc != SQLITE_OK || violation != NULL)
    {
      vp_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
                   _ ("The plan database “%s” is damaged: a record refers to one that does not "
                      "exist (in “%s”)."),
                   self->path, violation ? violation : "?");
      return FALSE;
    }
  return vp_store_exec (self, "COMMIT", error);
}

static char *
read_meta (VpStore *self, const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
write_meta (VpStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, "meta", error);
  return TRUE;
}

/* Changes made after this open are newer than every version the database
 * holds or has seen, even when this computer's clock is behind. */
static void
init_last_stamp (VpStore *self)
{
  g_autoptr (GString) sql
    = g_string_new ("SELECT max (m) FROM (SELECT max (modified_at) AS m FROM sync_base");
  int rc;

  for (guint i = 0; i < self->tables->len; i++)
    {
      VpTable *table = g_ptr_array_index (self->tables, i);

      g_string_append_printf (sql, " UNION ALL SELECT max (modified_at) FROM \"%s\"",
                              table->klass->table);
    }
  g_string_append (sql, ")");
  g_free (self->last_stamp);
  self->last_stamp = query_text (self, sql->str, &rc);
}

static gboolean
open_database (VpStore *self, GError **error)
{
  int version = 0;
  int rc;

  if (!create_private_file (self->path, error))
    return FALSE;
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return vp_store_set_sqlite_error (self, rc, "open", error);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!check_file (self, &version, error))
    return FALSE;
  /* Only now, with a file we understand, change anything about it; and
   * switch to WAL only after the migration succeeded, so that a refused
   * file keeps even its header. */
  sqlite3_busy_timeout (self->db, 5000);
  /* Foreign keys are off during the migration, whatever this SQLite's
   * default: a migration that makes a table again drops the old one,
   * which must not cascade (it would empty the tables that refer to it).
   * migrate() checks every reference before it commits. */
  if (!vp_store_exec (self, "PRAGMA foreign_keys = OFF", error) || !migrate (self, version, error)
      || !vp_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !vp_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !vp_store_exec (self, "PRAGMA synchronous = FULL", error)
      || !vp_store_exec (self, "PRAGMA cache_spill = OFF", error)
      /* The journal of each statement and savepoint in memory: once one
       * outgrew SQLite's 64 KiB it went to a file for good, and every
       * row of a large import cost a write to it (1.6 million writes
       * for 100,000 actions). */
      || !vp_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  self->home_code = read_meta (self, "home_municipality");
  self->home_name = read_meta (self, "home_municipality_name");
  if (!vp_store_prepare_tables (self, error) || !vp_store_load_tables (self, error))
    return FALSE;
  init_last_stamp (self);
  /* Every page went through SQLite's cache (the quick check, the load,
   * the newest stamp): about 2 MB at 10,000 actions that nothing reads
   * again soon. Give it back; later reads fill the cache as they need. */
  sqlite3_db_release_memory (self->db);
  return TRUE;
}

static void
vp_store_dispose (GObject *object)
{
  VpStore *self = VP_STORE (object);

  if (self->in_transaction)
    vp_store_rollback (self);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->organisations, g_hash_table_unref);
  /* Statements before the handle: sqlite3_close refuses while any live. */
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->savepoint, sqlite3_finalize);
  g_clear_pointer (&self->release, sqlite3_finalize);
  g_clear_pointer (&self->rollback_to, sqlite3_finalize);
  vp_store_finalize_sync (self);

  G_OBJECT_CLASS (vp_store_parent_class)->dispose (object);
}

static void
vp_store_finalize (GObject *object)
{
  VpStore *self = VP_STORE (object);

  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending, g_array_unref);
  vp_store_finalize_undo (self);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->as_of_statuses, g_hash_table_unref);
  g_clear_pointer (&self->as_of_quarters, g_hash_table_unref);
  g_free (self->path);
  g_free (self->home_code);
  g_free (self->home_name);
  g_free (self->last_stamp);

  G_OBJECT_CLASS (vp_store_parent_class)->finalize (object);
}

static void
vp_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpStore *self = VP_STORE (object);

  switch (prop_id)
    {
    case PROP_HOME_MUNICIPALITY:
      g_value_set_string (value, self->home_code);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vp_store_can_undo (self));
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_store_class_init (VpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_store_dispose;
  object_class->finalize = vp_store_finalize;
  object_class->get_property = vp_store_get_property;

  properties[PROP_HOME_MUNICIPALITY]
    = g_param_spec_string ("home-municipality", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* whether vp_store_undo() has a step to undo; for an action's "enabled" */
  properties[PROP_CAN_UNDO]
    = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* the date the plan is shown as of, nothing writable then
   * (vp_store_set_as_of()); %NULL for the present */
  properties[PROP_AS_OF]
    = g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpStore::changed:
   *
   * Emitted after a transaction that changed records committed (an edit,
   * an import, an undo), not after one that only kept books (an export).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
vp_store_init (VpStore *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_table_free);
  /* keyed on each record's own UUID string, which stays while it is
   * stored (vp_record_set_identity() keeps it) */
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingOp));
  g_array_set_clear_func (self->pending, (GDestroyNotify) clear_pending_op);
}

/**
 * vp_store_open:
 * @path: the plan database; created (mode 0600) when missing
 *
 * Opens the database, migrates it to the current schema and reads every
 * record. A file that is damaged, not a plan database, or newer than this
 * program is refused with an error and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VpStore *
vp_store_open (const char *path, GError **error)
{
  return vp_store_open_full (path, NULL, NULL, error);
}

/**
 * vp_store_open_full:
 * @progress: (nullable): told how far the reading is, now and then
 *
 * As vp_store_open(), telling @progress how many records were read. It
 * may run in a thread of its own (a large plan takes a while): the store
 * is then handed to the main thread, which alone uses it from then on.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VpStore *
vp_store_open_full (const char *path,
                    VpStoreProgressFunc progress,
                    gpointer user_data,
                    GError **error)
{
  g_autoptr (VpStore) self = g_object_new (VP_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->path = g_strdup (path);
  self->progress = progress;
  self->progress_data = user_data;
  if (!open_database (self, error))
    return NULL;
  self->progress = NULL;
  self->progress_data = NULL;
  return g_steal_pointer (&self);
}

const char *
vp_store_get_path (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return self->path;
}

/**
 * vp_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/veiligheidsplan/plan.db`
 */
char *
vp_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "veiligheidsplan", "plan.db", NULL);
}

/**
 * vp_store_get_records:
 * @record_type: a VpRecord subclass, e.g. %VP_TYPE_ACTION
 *
 * Returns: (transfer none): every record of that type, in the order
 *   people see them (by position, number or letter)
 */
GListModel *
vp_store_get_records (VpStore *self, GType record_type)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return G_LIST_MODEL (vp_store_table_for (self, record_type)->records);
}

guint
vp_store_count (VpStore *self, GType record_type)
{
  return g_list_model_get_n_items (vp_store_get_records (self, record_type));
}

/**
 * vp_store_lookup:
 *
 * Returns: (transfer none) (nullable): the record with @uuid
 */
VpRecord *
vp_store_lookup (VpStore *self, const char *uuid)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return uuid != NULL ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;
}

/**
 * vp_store_lookup_organisation:
 *
 * Returns: (transfer none) (nullable): the organisation with @code
 */
VpOrganisation *
vp_store_lookup_organisation (VpStore *self, const char *code)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return code != NULL ? g_hash_table_lookup (self->organisations, code) : NULL;
}

/**
 * vp_store_lookup_priority_of:
 * @record: a priority or an action
 *
 * Returns: (transfer none) (nullable): the priority @record is under:
 *   itself, or its action's
 */
VpPriority *
vp_store_lookup_priority_of (VpStore *self, gpointer record)
{
  VpRecord *priority;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  if (VP_IS_PRIORITY (record))
    return record;
  if (!VP_IS_ACTION (record))
    return NULL;
  priority = vp_store_lookup (self, vp_action_get_priority (record));
  return VP_IS_PRIORITY (priority) ? VP_PRIORITY (priority) : NULL;
}

/**
 * vp_store_lookup_plan_of:
 * @record: any record of a plan, or a plan
 *
 * Returns: (transfer none) (nullable): the plan @record belongs to,
 *   following its parents (an action's priority's plan)
 */
VpPlan *
vp_store_lookup_plan_of (VpStore *self, gpointer record)
{
  VpRecord *current = record;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  for (guint depth = 0; current != NULL && depth < 8; depth++)
    {
      VpRecordClass *klass = VP_RECORD_GET_CLASS (current);

      if (VP_IS_PLAN (current))
        return VP_PLAN (current);
      if (klass->parent_field != NULL)
        current = vp_store_lookup (self, vp_record_get_string (current, klass->parent_field));
      else
        return NULL;
    }
  return NULL;
}

/**
 * vp_store_get_home_municipality:
 *
 * Returns: (nullable): the code of the municipality this database belongs
 *   to, %NULL until it was asked
 */
const char *
vp_store_get_home_municipality (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return self->home_code;
}

const char *
vp_store_get_home_municipality_name (VpStore *self)
{
  VpOrganisation *organisation;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  organisation = vp_store_lookup_organisation (self, self->home_code);
  return organisation != NULL ? vp_organisation_get_name (organisation) : self->home_name;
}

/**
 * vp_make_code:
 * @name: a name, "Den Helder"
 *
 * Returns: (transfer full): its code, "den-helder"; "" for a name without
 *   letters or digits
 */
char *
vp_make_code (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr (GString) code = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '-')
        g_string_append_c (code, '-');
    }
  while (code->len > 0 && code->str[code->len - 1] == '-')
    g_string_truncate (code, code->len - 1);
  if (code->len > 64)
    g_string_truncate (code, 64);
  return g_string_free (g_steal_pointer (&code), FALSE);
}

/**
 * vp_store_set_home_municipality:
 * @name: the municipality's name as people write it ("Nijkerk")
 *
 * Sets the municipality this database belongs to; its code is made from
 * @name.
 */
gboolean
vp_store_set_home_municipality (VpStore *self, const char *name, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *code = vp_make_code (stripped);

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (*code == '\0')
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("Enter the name of a municipality."));
      return FALSE;
    }
  /* Its records and statuses are signed with its code: the database of
   * one municipality does not become another's. */
  if (self->home_code != NULL && !g_str_equal (self->home_code, code))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("This plan database belongs to %s; that cannot change."),
                   vp_store_get_home_municipality_name (self));
      return FALSE;
    }
  if (!vp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!write_meta (self, "home_municipality", code, error)
      || !write_meta (self, "home_municipality_name", stripped, error)
      || !vp_store_exec (self, "COMMIT", error))
    {
      vp_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_free (self->home_code);
  g_free (self->home_name);
  self->home_code = g_steal_pointer (&code);
  self->home_name = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME_MUNICIPALITY]);
  return TRUE;
}

/**
 * vp_store_set_now:
 * @now: (nullable): the time to stamp changes with, %NULL for the clock
 *
 * For tests: a settable clock.
 */
void
vp_store_set_now (VpStore *self, GDateTime *now)
{
  g_return_if_fail (VP_IS_STORE (self));
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
}

/**
 * vp_store_notify_as_of:
 *
 * Tells the observers of "as-of" that the date shown changed.
 */
void
vp_store_notify_as_of (VpStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

/**
 * vp_store_get_now:
 *
 * Returns: (transfer full): the current time, in UTC
 */
GDateTime *
vp_store_get_now (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return self->now != NULL ? g_date_time_to_utc (self->now) : g_date_time_new_now_utc ();
}

/**
 * vp_store_format_timestamp:
 *
 * Returns: (transfer full): @time as the database and exchange files write
 *   it: ISO 8601 in UTC with milliseconds, "2024-02-28T09:00:00.000Z"
 */
char *
vp_store_format_timestamp (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/**
 * vp_store_make_stamp:
 *
 * Returns: (transfer full): the modified_at of a change made now: always
 *   later than the previous change, so "newer wins" has a clear answer
 */
char *
vp_store_make_stamp (VpStore *self)
{
  g_autoptr (GDateTime) now = vp_store_get_now (self);
  char *stamp = vp_store_format_timestamp (now);

  if (self->last_stamp != NULL && strcmp (stamp, self->last_stamp) <= 0)
    {
      g_autoptr (GDateTime) last = g_date_time_new_from_iso8601 (self->last_stamp, NULL);
      g_autoptr (GDateTime) next = g_date_time_add (last, 1000);

      g_free (stamp);
      stamp = vp_store_format_timestamp (next);
    }
  g_free (self->last_stamp);
  self->last_stamp = g_strdup (stamp);
  return stamp;
}

/**
 * vp_store_observe_stamp:
 * @stamp: a modified_at seen in a partner's file
 *
 * Makes every later change here newer than @stamp, even when this
 * machine's clock is behind the partner's.
 */
void
vp_store_observe_stamp (VpStore *self, const char *stamp)
{
  g_return_if_fail (VP_IS_STORE (self));

  if (stamp != NULL && g_strcmp0 (stamp, self->last_stamp) > 0)
    {
      g_free (self->last_stamp);
      self->last_stamp = g_strdup (stamp);
    }
}

static void
stamp_record (VpStore *self, VpRecord *record)
{
  g_autofree char *stamp = vp_store_make_stamp (self);

  vp_record_set_identity (record, vp_record_get_uuid (record), stamp,
                          self->home_code != NULL ? self->home_code : "");
}

/**
 * vp_store_begin:
 *
 * Starts a transaction for a change made of several writes (an import).
 * Writes outside one get a transaction each.
 */
gboolean
vp_store_begin (VpStore *self, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* shown as of a date, nothing is written: whoever asks */
  if (!vp_store_check_writable (self, error) || !vp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  self->no_tombstones = FALSE;
  self->whole = FALSE;
  self->write_failed = FALSE;
  return TRUE;
}

/**
 * vp_store_begin_whole:
 *
 * As vp_store_begin(), for a change that is kept whole or not at all (an
 * import of thousands of records): its writes take no savepoint each, and
 * after a write failed the transaction can only be rolled back;
 * vp_store_commit() refuses it.
 */
gboolean
vp_store_begin_whole (VpStore *self, GError **error)
{
  if (!vp_store_begin (self, error))
    return FALSE;
  self->whole = TRUE;
  return TRUE;
}

static void
remove_from_list (VpStore *self, VpRecord *record)
{
  VpTable *table = vp_store_table_for (self, G_OBJECT_TYPE (record));
  guint position;

  if (g_list_store_find (table->records, record, &position))
    g_list_store_remove (table->records, position);
  if (VP_IS_ORGANISATION (record))
    g_hash_table_remove (self->organisations, vp_organisation_get_code (VP_ORGANISATION (record)));
  g_hash_table_remove (self->by_uuid, vp_record_get_uuid (record));
}

/* What ON DELETE CASCADE and SET NULL did in the database, done to the
 * objects: a reference field is named after the table it refers to. */
static void
forget_record (VpStore *self, VpRecord *record)
{
  const char *table_name = VP_RECORD_GET_CLASS (record)->table;
  const char *uuid = vp_record_get_uuid (record);

  for (guint t = 0; t < self->tables->len; t++)
    {
      VpTable *table = g_ptr_array_index (self->tables, t);
      gboolean is_child = g_strcmp0 (table->klass->parent_field, table_name) == 0;
      gboolean refers
        = g_object_class_find_property (G_OBJECT_CLASS (table->klass), table_name) != NULL;
      GListModel *list = G_LIST_MODEL (table->records);

      if (!refers)
        continue;
      for (guint i = g_list_model_get_n_items (list); i > 0; i--)
        {
          g_autoptr (VpRecord) other = g_list_model_get_item (list, i - 1);

          if (g_strcmp0 (vp_record_get_string (other, table_name), uuid) != 0)
            continue;
          if (is_child)
            forget_record (self, other);
          else
            g_object_set (other, table_name, NULL, NULL);
        }
    }
  remove_from_list (self, record);
}

/* @user_data: the spec of the field, looked up once per table: an import
 * of thousands of records makes as many comparisons as it sorts them into
 * their lists. */
static int
compare_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return vp_record_compare_field ((VpRecord *) a, (VpRecord *) b, user_data);
}

/* Puts a record where it belongs in its list: in the order it loads in. */
static void
place_record (VpTable *table, VpRecord *record)
{
  if (table->order_field == NULL)
    g_list_store_append (table->records, record);
  else
    g_list_store_insert_sorted (table->records, record, compare_order, table->order_pspec);
}

static void
update_record (VpTable *table, VpRecord *record, VpRecord *draft)
{
  /* A record that changes place or parent (an action moved to another
   * priority) is taken out and put back, so that filtered lists of it
   * look at it again. */
  gboolean moves
    = (table->order_field != NULL && compare_order (record, draft, table->order_pspec) != 0)
      || g_strcmp0 (vp_record_get_parent_uuid (record), vp_record_get_parent_uuid (draft)) != 0;
  guint position;

  if (moves && g_list_store_find (table->records, record, &position))
    {
      g_object_ref (record);
      g_list_store_remove (table->records, position);
      vp_record_assign (record, draft);
      place_record (table, record);
      g_object_unref (record);
    }
  else
    vp_record_assign (record, draft);
}

static void
apply_op (VpStore *self, PendingOp *op)
{
  VpTable *table;

  if (op->kind == OP_BOOK)
    return;
  table = vp_store_table_for (self, G_OBJECT_TYPE (op->record));

  switch (op->kind)
    {
    case OP_INSERT:
      g_hash_table_replace (self->by_uuid, (char *) vp_record_get_uuid (op->record), op->record);
      if (VP_IS_ORGANISATION (op->record))
        g_hash_table_insert (self->organisations,
                             g_strdup (vp_organisation_get_code (VP_ORGANISATION (op->record))),
                             op->record);
      place_record (table, op->record);
      break;
    case OP_UPDATE:
      update_record (table, op->record, op->draft);
      break;
    case OP_DELETE:
      forget_record (self, op->record);
      break;
    case OP_BOOK:
      g_assert_not_reached ();
    }
}

/**
 * vp_store_commit:
 *
 * Commits the transaction, then updates the objects. On failure nothing
 * was written and nothing changed. A transaction that wrote anything
 * becomes one step of the undo stack.
 */
gboolean
vp_store_commit (VpStore *self, GError **error)
{
  g_autoptr (GArray) pending = NULL;
  VpUndoStep *step;
  guint n_records = 0;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  /* a write of a whole transaction failed: what it wrote may be half */
  if (self->write_failed)
    {
      vp_store_set_sqlite_error (self, SQLITE_ABORT, "commit after a failed write", error);
      vp_store_rollback (self);
      return FALSE;
    }
  if (!vp_store_exec (self, "COMMIT", error))
    {
      vp_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  self->no_tombstones = FALSE;
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingOp));
  g_array_set_clear_func (self->pending, (GDestroyNotify) clear_pending_op);
  step = self->no_undo ? NULL : vp_undo_step_new ();
  for (guint i = 0; i < pending->len; i++)
    {
      PendingOp *op = &g_array_index (pending, PendingOp, i);

      /* Before the op is applied the objects are as the transaction had
       * them at that write: what the step needs to reverse it. */
      if (step != NULL)
        vp_undo_step_add (self, step, op->kind, op->record, g_steal_pointer (&op->book));
      apply_op (self, op);
      n_records += op->kind != OP_BOOK;
    }
  if (step != NULL)
    vp_store_push_undo_step (self, step);
  else
    vp_store_forget_undo_label (self);
  if (n_records > 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * vp_store_rollback:
 *
 * Abandons the transaction: the database and the objects stay as they were.
 */
void
vp_store_rollback (VpStore *self)
{
  g_return_if_fail (VP_IS_STORE (self));
  g_return_if_fail (self->in_transaction);

  vp_store_exec (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  self->no_tombstones = FALSE;
  g_array_set_size (self->pending, 0);
  vp_store_forget_undo_label (self);
}

/**
 * vp_store_run:
 * @undo_label: (nullable): what Undo undoes, as the Edit menu names it
 * @edit: writes the change with the store's functions
 * @data: for @edit
 *
 * A compound edit (a drop on the board, an editor's save) as one
 * transaction and one step to undo: @edit's writes are all kept, or, when
 * it fails or the commit does, none. In the caller's transaction, when
 * one is open, as a part of it. Widgets change the plan this way and never
 * begin or commit themselves.
 *
 * Returns: whether the edit was written
 */
gboolean
vp_store_run (
  VpStore *self, const char *undo_label, VpStoreEditFunc edit, gpointer data, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->in_transaction)
    return edit (self, data, error);
  if (!vp_store_begin (self, error))
    return FALSE;
  if (undo_label != NULL)
    vp_store_set_undo_label (self, undo_label);
  if (!edit (self, data, error))
    {
      vp_store_rollback (self);
      return FALSE;
    }
  return vp_store_commit (self, error);
}

/* The record as the open transaction has it: its last pending update. */
static VpRecord *
current_version (VpStore *self, VpRecord *record)
{
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingOp *op = &g_array_index (self->pending, PendingOp, i - 1);

      if (op->record == record)
        return op->kind == OP_UPDATE ? op->draft : record;
    }
  return record;
}

/* Whether @record is one of the store's, or added by the open transaction. */
static gboolean
is_stored (VpStore *self, VpRecord *record)
{
  if (vp_store_lookup (self, vp_record_get_uuid (record)) == record)
    return TRUE;
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingOp *op = &g_array_index (self->pending, PendingOp, i);

      if (op->record == record && op->kind == OP_INSERT)
        return TRUE;
    }
  return FALSE;
}

static gboolean
write_row (VpStore *self, OpKind kind, VpRecord *record, VpRecord *draft, GError **error)
{
  VpTable *table = vp_store_table_for (self, G_OBJECT_TYPE (record));

  if (kind == OP_INSERT)
    return vp_table_write (self, table, table->insert, record, NULL, error);
  if (kind == OP_UPDATE)
    return vp_table_write (self, table, table->update, draft,
                           vp_record_get_modified_at (current_version (self, record)), error);
  return vp_table_delete (self, table, vp_record_get_uuid (record),
                          vp_record_get_modified_at (current_version (self, record)), error);
}

/* A delete leaves a tombstone (unless it undoes an import, which leaves
 * the database as it was before), an insert takes the record's away. */
static gboolean
write_tombstone (
  VpStore *self, OpKind kind, VpRecord *record, const char *const deletion[2], GError **error)
{
  if (kind == OP_INSERT)
    return vp_store_clear_tombstone (self, vp_record_get_uuid (record), error);
  if (kind == OP_DELETE && !self->undoing_exact)
    return vp_store_write_tombstone (self, record, deletion[0], deletion[1], error);
  return TRUE;
}

/* Runs a statement of our own without arguments (a savepoint's), prepared
 * on first use: an import runs three for every record. */
static gboolean
run_prepared (VpStore *self, sqlite3_stmt **slot, const char *sql, GError **error)
{
  int rc = SQLITE_OK;

  if (*slot == NULL)
    rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (*slot);
      sqlite3_reset (*slot);
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, sql, error);
  return TRUE;
}

/* Runs one write, in the caller's transaction or in one of its own. A
 * failed write leaves the caller's transaction as it was (a savepoint
 * around its rows), and so the objects. */
/* Refuses a write that @writer may not make (rules/vp-ownership.c),
 * whoever asks: the window, the command line, an import (whose writer is
 * the partner that made the change). An undo puts back what this database
 * had and is not judged again; nor are writes before the database knows
 * its municipality, when nothing of it can be exported yet. */
static gboolean
check_owner (VpStore *self, VpRecord *record, gboolean adding, const char *writer, GError **error)
{
  const char *owner;
  VpOrganisation *organisation;
  const char *name;

  if (self->undoing || vp_store_get_home_municipality (self) == NULL)
    return TRUE;
  if (adding ? vp_ownership_may_add (record, writer) : vp_ownership_may_change (record, writer))
    return TRUE;
  owner = vp_record_get_owner (record);
  organisation = vp_store_lookup_organisation (self, owner);
  name = organisation != NULL ? vp_organisation_get_name (organisation) : owner;
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER,
               /* Translators: a change refused by the store; both are a municipality's name */
               _ ("This is a record of %s: only %s changes it, and it changes here only by "
                  "an import of their file."),
               name, name);
  return FALSE;
}

/* Who makes a write: the home municipality, or for an import (stamps
 * kept) the one whose stamp the version carries. */
static const char *
writer_of (VpStore *self, VpRecord *version, VpStoreWriteFlags flags)
{
  if (flags & VP_STORE_WRITE_KEEP_STAMPS)
    return vp_record_get_modified_by (version);
  return vp_store_get_home_municipality (self);
}

static gboolean
write_op (VpStore *self,
          OpKind kind,
          VpRecord *record,
          VpRecord *draft,
          const char *const deletion[2],
          GError **error)
{
  gboolean own = !self->in_transaction;
  /* in a whole transaction a failed write fails all of it */
  gboolean savepoint = !own && !self->whole;
  guint n_pending = self->pending->len;
  gboolean ok;
  PendingOp op = { kind, g_object_ref (record), draft ? g_object_ref (draft) : NULL, NULL };

  if ((own && !vp_store_begin (self, error))
      || (savepoint && !run_prepared (self, &self->savepoint, "SAVEPOINT vp_write", error)))
    {
      clear_pending_op (&op);
      return FALSE;
    }
  ok = write_row (self, kind, record, draft, error);
  /* the op before its tombstone's bookkeeping, the order the undo
   * reverses them in */
  if (ok)
    g_array_append_val (self->pending, op);
  else
    clear_pending_op (&op);
  ok = ok && write_tombstone (self, kind, record, deletion, error);
  if (!ok)
    g_array_set_size (self->pending, n_pending);

  if (!own && !savepoint)
    {
      self->write_failed = self->write_failed || !ok;
      return ok;
    }
  if (!own)
    {
      if (!ok)
        {
          run_prepared (self, &self->rollback_to, "ROLLBACK TO vp_write", NULL);
          /* it may bring back a tombstone the write had removed */
          self->no_tombstones = FALSE;
        }
      run_prepared (self, &self->release, "RELEASE vp_write", NULL);
      return ok;
    }
  if (!ok)
    {
      vp_store_rollback (self);
      return FALSE;
    }
  return vp_store_commit (self, error);
}

/* A plan itself is changed here only by its owner, or for a
 * coalition-owned plan by a participant (vp-plan-rules.c), once the
 * database knows its municipality; an import keeps its stamps and is
 * judged by the merge instead. */
static gboolean
check_plan_write (VpStore *self, VpRecord *current, VpRecord *draft, GError **error)
{
  g_autoptr (GError) rule_error = NULL;

  if (vp_plan_rules_check_plan_write (current != NULL ? VP_PLAN (current) : NULL, VP_PLAN (draft),
                                      self->home_code, &rule_error))
    return TRUE;
  g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, rule_error->message);
  return FALSE;
}

/* Nothing of a closed plan changes here until it is reopened (the plan
 * record itself does: reopening is a change of it); an import, which keeps
 * the partner's stamps, still brings the partner's changes. */
static gboolean
check_plan_open (VpStore *self, VpRecord *record, GError **error)
{
  VpPlan *plan;

  if (VP_IS_PLAN (record) || VP_IS_ORGANISATION (record))
    return TRUE;
  plan = vp_store_lookup_plan_of (self, record);
  if (plan == NULL || !vp_plan_is_closed (plan))
    return TRUE;
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
               _ ("“%s” is closed: next year’s plan was made from it. Reopen it to change it."),
               vp_plan_get_title (plan));
  return FALSE;
}

/**
 * vp_store_insert:
 * @record: a new record; it gets a UUID if it has none and, unless @flags
 *   say otherwise, the current time and the home municipality as stamps
 *
 * Adds @record to the database and, after the commit, to its list.
 */
gboolean
vp_store_insert (VpStore *self, VpRecord *record, VpStoreWriteFlags flags, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_RECORD (record), FALSE);
  g_return_val_if_fail (vp_store_lookup (self, vp_record_get_uuid (record)) == NULL, FALSE);

  if (vp_record_get_uuid (record) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      vp_record_set_identity (record, uuid, vp_record_get_modified_at (record),
                              vp_record_get_modified_by (record));
    }
  if (!(flags & VP_STORE_WRITE_KEEP_STAMPS) && !self->undoing
      && !check_plan_open (self, record, error))
    return FALSE;
  if (!check_owner (self, record, TRUE, writer_of (self, record, flags), error))
    return FALSE;
  if (!(flags & VP_STORE_WRITE_KEEP_STAMPS))
    stamp_record (self, record);
  return write_op (self, OP_INSERT, record, NULL, NULL, error);
}

/**
 * vp_store_replace:
 * @record: a record of the store
 * @draft: a copy of @record (vp_record_copy()) with new values
 *
 * Writes @draft's values into @record's row and, after the commit, into
 * @record. A draft that changes nothing writes nothing, unless @flags
 * say %VP_STORE_WRITE_TOUCH. An organisation's code never changes: other
 * records and partners' files know it by its code.
 */
gboolean
vp_store_replace (
  VpStore *self, VpRecord *record, VpRecord *draft, VpStoreWriteFlags flags, GError **error)
{
  VpRecord *current;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_stored (self, record), FALSE);
  g_return_val_if_fail (g_strcmp0 (vp_record_get_uuid (record), vp_record_get_uuid (draft)) == 0,
                        FALSE);

  current = current_version (self, record);
  if (!(flags & VP_STORE_WRITE_TOUCH) && vp_record_fields_equal (current, draft)
      && (!(flags & VP_STORE_WRITE_KEEP_STAMPS)
          || g_strcmp0 (vp_record_get_modified_at (current), vp_record_get_modified_at (draft))
               == 0))
    return TRUE;
  if (VP_IS_ORGANISATION (record)
      && g_strcmp0 (vp_organisation_get_code (VP_ORGANISATION (current)),
                    vp_organisation_get_code (VP_ORGANISATION (draft)))
           != 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("An organisation’s code cannot change: other records and partners’ files "
                      "know it by its code."));
      return FALSE;
    }
  if (!(flags & VP_STORE_WRITE_KEEP_STAMPS) && !self->undoing
      && !check_plan_open (self, current, error))
    return FALSE;
  /* a plan's own rule first, for its words ("cannot give it away") */
  if (!(flags & VP_STORE_WRITE_KEEP_STAMPS) && VP_IS_PLAN (record) && self->home_code != NULL
      && !check_plan_write (self, current, draft, error))
    return FALSE;
  /* neither a record of another's changed, nor one made another's */
  if (!check_owner (self, current, FALSE, writer_of (self, draft, flags), error)
      || !check_owner (self, draft, FALSE, writer_of (self, draft, flags), error))
    return FALSE;
  if (!(flags & VP_STORE_WRITE_KEEP_STAMPS))
    {
      /* A change is always newer than the version it changes. */
      vp_store_observe_stamp (self, vp_record_get_modified_at (current));
      stamp_record (self, draft);
    }
  return write_op (self, OP_UPDATE, record, draft, NULL, error);
}

/**
 * vp_store_update:
 * @first_property: the first field to change, followed by its value, as
 *   for g_object_set(), ending with %NULL
 *
 * Changes fields of @record in one transaction (or as part of the open
 * one, on top of its earlier changes).
 */
gboolean
vp_store_update (VpStore *self, VpRecord *record, GError **error, const char *first_property, ...)
{
  g_autoptr (VpRecord) draft = NULL;
  va_list args;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_stored (self, record), FALSE);

  draft = vp_record_copy (current_version (self, record));
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (draft), first_property, args);
  va_end (args);
  return vp_store_replace (self, record, draft, VP_STORE_WRITE_DEFAULT, error);
}

/* A record's own words, short, for a message: its title or text. */
static char *
record_label (VpRecord *record)
{
  static const char *const fields[] = { "title", "text", "term", "name" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i]) == NULL
          || (text = vp_record_get_string (record, fields[i])) == NULL || *text == '\0')
        continue;
      if (g_utf8_strlen (text, -1) <= 60)
        return g_strdup (text);
      {
        g_autofree char *start = g_utf8_substring (text, 0, 59);

        return g_strconcat (start, "…", NULL);
      }
    }
  return g_strdup (vp_record_get_uuid (record));
}

/**
 * vp_store_find_protected_part:
 * @record: a record of the store
 * @writer: (nullable): the municipality that would delete @record
 *
 * What a deletion of @record takes with it (its sub-themes, goals,
 * actions, …, as ON DELETE CASCADE does) includes no record of another
 * municipality, or @writer could delete, through a joint record, what it
 * may not change (a partner's local action under a joint priority). What a
 * municipality reported on an action (its status, their history) goes
 * with the action and is not asked about.
 *
 * Returns: (transfer none) (nullable): the first record under @record
 *   that @writer may not change, %NULL if there is none
 */
VpRecord *
vp_store_find_protected_part (VpStore *self, VpRecord *record, const char *writer)
{
  const char *table_name;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (VP_IS_RECORD (record), NULL);

  table_name = VP_RECORD_GET_CLASS (record)->table;
  for (guint t = 0; t < self->tables->len; t++)
    {
      VpTable *table = g_ptr_array_index (self->tables, t);
      GListModel *list = G_LIST_MODEL (table->records);

      if (g_strcmp0 (table->klass->parent_field, table_name) != 0
          || table->type == VP_TYPE_ACTION_STATUS || table->type == VP_TYPE_STATUS_EVENT)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) child = g_list_model_get_item (list, i);
          VpRecord *version = current_version (self, child);
          VpRecord *found;

          if (g_strcmp0 (vp_record_get_parent_uuid (version), vp_record_get_uuid (record)) != 0)
            continue;
          if (!vp_ownership_may_change (version, writer))
            return child;
          if ((found = vp_store_find_protected_part (self, child, writer)) != NULL)
            return found;
        }
    }
  return NULL;
}

/* A deletion that would take another municipality's record with it is
 * refused as a change of that record would be (check_owner()). */
static gboolean
check_parts (VpStore *self, VpRecord *record, const char *writer, GError **error)
{
  VpRecord *part;
  const char *owner;
  VpOrganisation *organisation;
  const char *name;
  g_autofree char *label = NULL;

  if (self->undoing || vp_store_get_home_municipality (self) == NULL
      || (part = vp_store_find_protected_part (self, record, writer)) == NULL)
    return TRUE;
  part = current_version (self, part);
  owner = vp_record_get_owner (part);
  organisation = vp_store_lookup_organisation (self, owner);
  name = organisation != NULL ? vp_organisation_get_name (organisation) : owner;
  label = record_label (part);
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_OWNER,
               /* Translators: a deletion refused by the store: “%1$s” is a record under the
                * one deleted (a sub-theme's title, an action's text), the others a
                * municipality's name */
               _ ("Deleting this would also delete “%s”, a record of %s: only %s changes it, and "
                  "it changes here only by an import of their file."),
               label, name, name);
  return FALSE;
}

/**
 * vp_store_delete:
 *
 * Removes @record and everything that belongs to it, and leaves a
 * tombstone stamped now by the home municipality, so that partners learn
 * of the deletion from the next export.
 */
gboolean
vp_store_delete (VpStore *self, VpRecord *record, GError **error)
{
  return vp_store_delete_full (self, record, NULL, NULL, error);
}

/**
 * vp_store_delete_full:
 * @deleted_at: (nullable): when the record was deleted, %NULL for now
 * @deleted_by: (nullable): the municipality that deleted it, %NULL for
 *   the home municipality
 *
 * As vp_store_delete(), with the stamps of a partner's deletion (an
 * import) on the tombstone.
 */
gboolean
vp_store_delete_full (
  VpStore *self, VpRecord *record, const char *deleted_at, const char *deleted_by, GError **error)
{
  const char *const deletion[2] = { deleted_at, deleted_by };
  const char *writer;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_stored (self, record), FALSE);

  /* a partner's deletion (an import) comes with its stamps */
  if (deleted_at == NULL && !self->undoing && !check_plan_open (self, record, error))
    return FALSE;
  writer = deleted_by != NULL ? deleted_by : vp_store_get_home_municipality (self);
  if (!check_owner (self, current_version (self, record), FALSE, writer, error)
      || !check_parts (self, record, writer, error))
    return FALSE;
  return write_op (self, OP_DELETE, record, NULL, deletion, error);
}

/**
 * vp_store_get_field_flags:
 * @field: a field of @record_type
 *
 * Returns: how the database keeps the field: whether it may be empty
 *   (NULL; null in an exchange file), whether as a number
 */
VpFieldFlags
vp_store_get_field_flags (VpStore *self, GType record_type, GParamSpec *field)
{
  VpTable *table = vp_store_table_for (self, record_type);

  for (guint i = 0; i < table->klass->n_fields; i++)
    {
      if (table->klass->fields[i] == field)
        return (table->nullable[i] ? VP_FIELD_OPTIONAL : 0)
               | (table->integer[i] ? VP_FIELD_INTEGER : 0);
    }
  g_return_val_if_reached (0);
}

/**
 * vp_store_in_transaction:
 *
 * Returns: whether a transaction is open (vp_store_begin())
 */
gboolean
vp_store_in_transaction (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  return self->in_transaction;
}
