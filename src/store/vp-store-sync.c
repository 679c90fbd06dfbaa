/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <string.h>

#include "vp-store-private.h"

/*
 * What the exchange with partners remembers: the version of each record
 * last taken from each partner (so a record changed here and there since
 * then is a conflict), a log of imports, and the tombstones of deleted
 * records.
 *
 * Writes to these tables within a transaction that changes records (an
 * import, a delete) are queued with it as BookOps, so that undoing the
 * change puts the bookkeeping back too: an undone import leaves no line
 * in the log, an undone delete no tombstone. The versions noted as sent
 * by an export are not: an export cannot be undone.
 */

void
vp_store_finalize_sync (VpStore *self)
{
  g_clear_pointer (&self->get_sync_base, sqlite3_finalize);
  g_clear_pointer (&self->set_sync_base, sqlite3_finalize);
  g_clear_pointer (&self->add_sync_base, sqlite3_finalize);
  g_clear_pointer (&self->get_tombstone, sqlite3_finalize);
  g_clear_pointer (&self->any_tombstone, sqlite3_finalize);
  g_clear_pointer (&self->put_tombstone, sqlite3_finalize);
  g_clear_pointer (&self->drop_tombstone, sqlite3_finalize);
  g_clear_pointer (&self->read_sync_base, sqlite3_finalize);
  g_clear_pointer (&self->get_sync_bases, sqlite3_finalize);
}

void
vp_book_op_free (BookOp *op)
{
  g_free (op->key);
  g_free (op->uuid);
  for (guint i = 0; i < G_N_ELEMENTS (op->before); i++)
    g_free (op->before[i]);
  g_free (op);
}

static BookOp *
book_op_new (BookTable table, const char *key, const char *uuid)
{
  BookOp *op = g_new0 (BookOp, 1);

  op->table = table;
  op->key = g_strdup (key);
  op->uuid = g_strdup (uuid);
  return op;
}

static sqlite3_stmt *
prepared (VpStore *self, sqlite3_stmt **slot, const char *sql)
{
  if (*slot == NULL)
    sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  return *slot;
}

static gboolean
finish (VpStore *self, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, "sync", error);
  return TRUE;
}

/**
 * vp_store_dup_sync_base:
 *
 * The common version to judge a conflict by: the modified_at of @uuid as
 * last taken from @partner or, when nothing was ever taken from @partner,
 * as last taken from anyone (both sides likely started from that file).
 *
 * Returns: (transfer full) (nullable): the timestamp, %NULL if none
 */
char *
vp_store_dup_sync_base (VpStore *self, const char *partner, const char *uuid)
{
  sqlite3_stmt *stmt = prepared (self, &self->get_sync_base,
                                 "SELECT modified_at FROM sync_base WHERE uuid = ?1 "
                                 "ORDER BY partner = ?2 DESC, modified_at DESC LIMIT 1");
  char *result = NULL;

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, partner, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return result;
}

/* The version of @uuid noted for @partner itself, without a fallback. */
static char *
read_sync_base (VpStore *self, const char *partner, const char *uuid)
{
  sqlite3_stmt *stmt
    = prepared (self, &self->read_sync_base,
                "SELECT modified_at FROM sync_base WHERE partner = ?1 AND uuid = ?2");
  char *result = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, partner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return result;
}

/**
 * vp_store_get_sync_bases:
 * @there: (out) (transfer full) (nullable): the version last taken from
 *   @partner, else the newest taken from anyone
 * @taken: (out) (transfer full) (nullable): the newest version taken from
 *   anyone
 * @sent: (out) (transfer full) (nullable): the newest version sent
 *
 * The versions of @uuid the exchange knows of, for the merge rules.
 */
void
vp_store_get_sync_bases (
  VpStore *self, const char *partner, const char *uuid, char **there, char **taken, char **sent)
{
  sqlite3_stmt *stmt = prepared (self, &self->get_sync_bases,
                                 "SELECT partner, modified_at FROM sync_base WHERE uuid = ?1");
  char *from_partner = NULL;

  *there = *taken = *sent = NULL;
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *who = (const char *) sqlite3_column_text (stmt, 0);
      const char *at = (const char *) sqlite3_column_text (stmt, 1);
      char **slot = g_strcmp0 (who, VP_STORE_SENT) == 0 ? sent : taken;

      if (*slot == NULL || strcmp (at, *slot) > 0)
        g_free (*slot), *slot = g_strdup (at);
      if (g_strcmp0 (who, partner) == 0)
        from_partner = g_strdup (at);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  *there = from_partner != NULL ? from_partner : g_strdup (*taken);
}

/**
 * vp_store_set_sync_base:
 *
 * Remembers that @partner's version of @uuid was @modified_at, unless a
 * newer one was seen before (an old file does not turn the clock back).
 * Part of the caller's transaction.
 */
gboolean
vp_store_set_sync_base (
  VpStore *self, const char *partner, const char *uuid, const char *modified_at, GError **error)
{
  sqlite3_stmt *stmt
    = prepared (self, &self->set_sync_base,
                "INSERT INTO sync_base (partner, uuid, modified_at) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (partner, uuid) DO UPDATE "
                "SET modified_at = max (modified_at, excluded.modified_at)");

  g_return_val_if_fail (self->in_transaction, FALSE);
  if (stmt == NULL)
    return vp_store_set_sqlite_error (self, sqlite3_errcode (self->db), "sync_base", error);
  if (g_strcmp0 (partner, VP_STORE_SENT) != 0)
    {
      BookOp *op = book_op_new (BOOK_SYNC_BASE, partner, uuid);
      sqlite3_stmt *add = prepared (self, &self->add_sync_base,
                                    "INSERT INTO sync_base (partner, uuid, modified_at) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT (partner, uuid) DO NOTHING");
      int rc;

      if (add == NULL)
        {
          vp_book_op_free (op);
          return vp_store_set_sqlite_error (self, sqlite3_errcode (self->db), "sync_base", error);
        }
      /* A row that was not there (most of a first import) is added
       * without asking first what it was, for the undo. */
      sqlite3_bind_text (add, 1, partner, -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 3, modified_at, -1, SQLITE_STATIC);
      rc = sqlite3_step (add);
      if (rc == SQLITE_DONE && sqlite3_changes (self->db) == 1)
        {
          vp_store_queue_book (self, op);
          return finish (self, add, rc, error);
        }
      if (!finish (self, add, rc, error))
        {
          vp_book_op_free (op);
          return FALSE;
        }
      op->before[0] = read_sync_base (self, partner, uuid);
      op->existed = op->before[0] != NULL;
      vp_store_queue_book (self, op);
    }
  sqlite3_bind_text (stmt, 1, partner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, modified_at, -1, SQLITE_STATIC);
  return finish (self, stmt, sqlite3_step (stmt), error);
}

/**
 * vp_store_log_import:
 * @counts: what the import did, by #VpImportCount
 *
 * Records an import. Part of the caller's transaction.
 */
gboolean
vp_store_log_import (VpStore *self,
                     const char *partner,
                     const char *file_name,
                     const char *exported_at,
                     const guint counts[VP_IMPORT_N_COUNTS],
                     GError **error)
{
  g_autoptr (GDateTime) now = vp_store_get_now (self);
  g_autofree char *imported_at = vp_store_format_timestamp (now);
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self->in_transaction, FALSE);
  rc = sqlite3_prepare_v2 (
    self->db,
    "INSERT INTO import_log (uuid, partner, file_name, exported_at, imported_at, "
    "added, updated, unchanged, conflicts, deleted, refused) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, partner, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, file_name != NULL ? file_name : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, exported_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, imported_at, -1, SQLITE_STATIC);
      for (int i = 0; i < VP_IMPORT_N_COUNTS; i++)
        sqlite3_bind_int (stmt, 6 + i, (int) counts[i]);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, "import_log", error);
  vp_store_queue_book (self, book_op_new (BOOK_IMPORT_LOG, uuid, NULL));
  return TRUE;
}

void
vp_import_entry_free (VpImportEntry *entry)
{
  g_free (entry->partner);
  g_free (entry->file_name);
  g_free (entry->exported_at);
  g_free (entry->imported_at);
  g_free (entry);
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * vp_store_list_imports:
 *
 * Returns: (transfer container) (element-type VpImportEntry): the import
 *   log, newest import first
 */
GPtrArray *
vp_store_list_imports (VpStore *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_import_entry_free);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), entries);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT partner, file_name, exported_at, imported_at, added, updated, "
                          "unchanged, conflicts, deleted, refused FROM import_log "
                          "ORDER BY imported_at DESC, rowid DESC",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return entries;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      VpImportEntry *entry = g_new0 (VpImportEntry, 1);

      entry->partner = column_dup (stmt, 0);
      entry->file_name = column_dup (stmt, 1);
      entry->exported_at = column_dup (stmt, 2);
      entry->imported_at = column_dup (stmt, 3);
      for (int i = 0; i < VP_IMPORT_N_COUNTS; i++)
        entry->counts[i] = (guint) sqlite3_column_int (stmt, 4 + i);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  return entries;
}

/**
 * vp_store_dup_last_import:
 *
 * Returns: (transfer full) (nullable): the exported_at of the newest file
 *   imported from @partner
 */
char *
vp_store_dup_last_import (VpStore *self, const char *partner)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (exported_at) FROM import_log WHERE partner = ?1",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, partner, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/**
 * vp_store_dup_latest_sync_base:
 *
 * Returns: (transfer full) (nullable): the newest version of @uuid taken
 *   from, or sent to, any partner
 */
char *
vp_store_dup_latest_sync_base (VpStore *self, const char *uuid)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (modified_at) FROM sync_base WHERE uuid = ?1", -1,
                          &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* By UUID, the newest version of each record sent to partners (@sent),
 * or else taken from any of them. The newest is found here as SQLite's
 * max () on text finds it (byte by byte): a GROUP BY uuid made SQLite
 * sort every row, whose key starts with the partner. */
static GHashTable *
newest_versions (VpStore *self, gboolean sent)
{
  GHashTable *newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  const char *sql = sent ? "SELECT uuid, modified_at FROM sync_base WHERE partner = ?1"
                         : "SELECT uuid, modified_at FROM sync_base WHERE partner != ?1";

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return newest;
  sqlite3_bind_text (stmt, 1, VP_STORE_SENT, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *version = (const char *) sqlite3_column_text (stmt, 1);
      const char *known = g_hash_table_lookup (newest, uuid);

      if (known == NULL || strcmp (version, known) > 0)
        g_hash_table_insert (newest, g_strdup (uuid), g_strdup (version));
    }
  sqlite3_finalize (stmt);
  return newest;
}

/**
 * vp_store_dup_taken_versions:
 *
 * Returns: (transfer full) (element-type utf8 utf8): for every record a
 *   version of which was taken from a partner, the newest taken: what a
 *   change made here since was built on (the exchange file's "base")
 */
GHashTable *
vp_store_dup_taken_versions (VpStore *self)
{
  return newest_versions (self, FALSE);
}

/**
 * vp_store_note_sent:
 * @records: (element-type VpRecord): the records of an exchange file that
 *   was written
 *
 * Remembers the version of each record that partners were sent, in one
 * transaction: a partner's later change to a record changed here too
 * since then is a conflict, even for a record made here.
 */
gboolean
vp_store_note_sent (VpStore *self, GPtrArray *records, GError **error)
{
  g_autoptr (GHashTable) noted = NULL;

  if (!vp_store_begin (self, error))
    return FALSE;
  /* all of them, in one read: that costs more than the writes it saves
   * only for an export of a few records from a database that has sent
   * very many */
  noted = newest_versions (self, TRUE);
  for (guint i = 0; i < records->len; i++)
    {
      VpRecord *record = g_ptr_array_index (records, i);
      const char *version = vp_record_get_modified_at (record);
      const char *before = g_hash_table_lookup (noted, vp_record_get_uuid (record));

      /* sent before, this version or a newer one: writing it again would
       * change nothing (vp_store_set_sync_base() keeps the newer) */
      if (before != NULL && version != NULL && strcmp (before, version) >= 0)
        continue;
      if (!vp_store_set_sync_base (self, VP_STORE_SENT, vp_record_get_uuid (record), version,
                                   error))
        {
          vp_store_rollback (self);
          return FALSE;
        }
    }
  return vp_store_commit (self, error);
}

/* Tombstones */

void
vp_tombstone_free (VpTombstone *tombstone)
{
  g_free (tombstone->uuid);
  g_free (tombstone->kind);
  g_free (tombstone->deleted_at);
  g_free (tombstone->deleted_by);
  g_free (tombstone);
}

static VpTombstone *
read_tombstone (sqlite3_stmt *stmt)
{
  VpTombstone *tombstone = g_new0 (VpTombstone, 1);

  tombstone->uuid = column_dup (stmt, 0);
  tombstone->kind = column_dup (stmt, 1);
  tombstone->deleted_at = column_dup (stmt, 2);
  tombstone->deleted_by = column_dup (stmt, 3);
  return tombstone;
}

/**
 * vp_store_find_tombstone:
 *
 * Returns: (transfer full) (nullable): the tombstone of @uuid, as the open
 *   transaction has it
 */
VpTombstone *
vp_store_find_tombstone (VpStore *self, const char *uuid)
{
  sqlite3_stmt *stmt
    = prepared (self, &self->get_tombstone,
                "SELECT uuid, kind, deleted_at, deleted_by FROM tombstone WHERE uuid = ?1");
  VpTombstone *tombstone = NULL;

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tombstone = read_tombstone (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return tombstone;
}

/**
 * vp_store_list_tombstones:
 *
 * Returns: (transfer container) (element-type VpTombstone): every
 *   tombstone, by UUID
 */
GPtrArray *
vp_store_list_tombstones (VpStore *self)
{
  GPtrArray *tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_tombstone_free);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), tombstones);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT uuid, kind, deleted_at, deleted_by FROM tombstone ORDER BY uuid",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return tombstones;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tombstones, read_tombstone (stmt));
  sqlite3_finalize (stmt);
  return tombstones;
}

/* Notes the tombstone of @uuid as it is now, for the undo. */
static void
queue_tombstone (VpStore *self, const char *uuid)
{
  BookOp *op = book_op_new (BOOK_TOMBSTONE, uuid, NULL);
  g_autoptr (VpTombstone) before = vp_store_find_tombstone (self, uuid);

  if (before != NULL)
    {
      op->existed = TRUE;
      op->before[0] = g_steal_pointer (&before->kind);
      op->before[1] = g_steal_pointer (&before->deleted_at);
      op->before[2] = g_steal_pointer (&before->deleted_by);
    }
  vp_store_queue_book (self, op);
}

static gboolean
write_tombstone_row (VpStore *self, const VpTombstone *tombstone, GError **error)
{
  sqlite3_stmt *stmt = prepared (self, &self->put_tombstone,
                                 "INSERT OR REPLACE INTO tombstone (uuid, kind, deleted_at, "
                                 "deleted_by) VALUES (?1, ?2, ?3, ?4)");

  if (stmt == NULL)
    return vp_store_set_sqlite_error (self, sqlite3_errcode (self->db), "tombstone", error);
  self->no_tombstones = FALSE;
  sqlite3_bind_text (stmt, 1, tombstone->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tombstone->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tombstone->deleted_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tombstone->deleted_by, -1, SQLITE_STATIC);
  return finish (self, stmt, sqlite3_step (stmt), error);
}

/**
 * vp_store_put_tombstone:
 *
 * Writes (or replaces) a tombstone: a partner's deletion taken, to pass
 * it on. Part of the caller's transaction, and undone with it.
 */
gboolean
vp_store_put_tombstone (VpStore *self, const VpTombstone *tombstone, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  queue_tombstone (self, tombstone->uuid);
  return write_tombstone_row (self, tombstone, error);
}

/**
 * vp_store_write_tombstone:
 * @deleted_at: (nullable): %NULL for now
 * @deleted_by: (nullable): %NULL for the home municipality
 *
 * For vp_store_delete(): the tombstone of @record, in its transaction. A
 * delete made here of a record that was never exported nor imported
 * leaves none: no partner has it.
 */
gboolean
vp_store_write_tombstone (
  VpStore *self, VpRecord *record, const char *deleted_at, const char *deleted_by, GError **error)
{
  g_autofree char *now = NULL;
  g_autofree char *sent = NULL;
  VpTombstone tombstone = {
    (char *) vp_record_get_uuid (record),
    (char *) VP_RECORD_GET_CLASS (record)->table,
    (char *) deleted_at,
    (char *) (deleted_by != NULL ? deleted_by : (self->home_code != NULL ? self->home_code : "")),
  };

  /* A record that never left this database is nobody else's to delete. */
  if (deleted_at == NULL
      && (sent = vp_store_dup_latest_sync_base (self, vp_record_get_uuid (record))) == NULL)
    return TRUE;
  if (deleted_at == NULL)
    tombstone.deleted_at = now = vp_store_make_stamp (self);
  return vp_store_put_tombstone (self, &tombstone, error);
}

/**
 * vp_store_clear_tombstone:
 *
 * For vp_store_insert(): a record that is back is not deleted.
 */
gboolean
vp_store_clear_tombstone (VpStore *self, const char *uuid, GError **error)
{
  g_autoptr (VpTombstone) tombstone = NULL;
  sqlite3_stmt *stmt;

  if (self->in_transaction && !self->no_tombstones)
    {
      stmt = prepared (self, &self->any_tombstone, "SELECT 1 FROM tombstone LIMIT 1");
      if (stmt != NULL)
        {
          self->no_tombstones = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }
  if (self->in_transaction && self->no_tombstones)
    return TRUE;
  tombstone = vp_store_find_tombstone (self, uuid);
  if (tombstone == NULL)
    return TRUE;
  stmt = prepared (self, &self->drop_tombstone, "DELETE FROM tombstone WHERE uuid = ?1");
  if (stmt == NULL)
    return vp_store_set_sqlite_error (self, sqlite3_errcode (self->db), "tombstone", error);
  queue_tombstone (self, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return finish (self, stmt, sqlite3_step (stmt), error);
}

/* Undo */

static gboolean
run_sql (VpStore *self, const char *sql, const char *const *values, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  for (int i = 0; rc == SQLITE_OK && values[i] != NULL; i++)
    rc = sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, sql, error);
  return TRUE;
}

/**
 * vp_store_revert_book:
 *
 * Puts a bookkeeping row back as it was before @op, in the undo's
 * transaction.
 */
gboolean
vp_store_revert_book (VpStore *self, BookOp *op, GError **error)
{
  switch (op->table)
    {
    case BOOK_SYNC_BASE:
      {
        const char *values[] = { op->key, op->uuid, op->before[0], NULL };

        if (op->existed)
          return run_sql (self, "INSERT OR REPLACE INTO sync_base VALUES (?1, ?2, ?3)", values,
                          error);
        return run_sql (self, "DELETE FROM sync_base WHERE partner = ?1 AND uuid = ?2", values,
                        error);
      }
    case BOOK_IMPORT_LOG:
      {
        const char *values[] = { op->key, NULL };

        return run_sql (self, "DELETE FROM import_log WHERE uuid = ?1", values, error);
      }
    case BOOK_TOMBSTONE:
      {
        const char *values[] = { op->key, op->before[0], op->before[1], op->before[2], NULL };

        self->no_tombstones = FALSE;

        if (op->existed)
          return run_sql (self,
                          "INSERT OR REPLACE INTO tombstone (uuid, kind, deleted_at, deleted_by) "
                          "VALUES (?1, ?2, ?3, ?4)",
                          values, error);
        return run_sql (self, "DELETE FROM tombstone WHERE uuid = ?1", values, error);
      }
    default:
      g_assert_not_reached ();
    }
}
