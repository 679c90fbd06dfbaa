/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include "vp-store-private.h"

/*
 * What the exchange with partners remembers: the version of each record
 * last taken from each partner (so a record changed here and there since
 * then is a conflict), and a log of imports.
 */

void
vp_store_finalize_sync (VpStore *self)
{
  g_clear_pointer (&self->get_sync_base, sqlite3_finalize);
  g_clear_pointer (&self->set_sync_base, sqlite3_finalize);
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
  sqlite3_bind_text (stmt, 1, partner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, modified_at, -1, SQLITE_STATIC);
  return finish (self, stmt, sqlite3_step (stmt), error);
}

/**
 * vp_store_log_import:
 * @counts: added, updated, unchanged and conflicting records
 *
 * Records an import. Part of the caller's transaction.
 */
gboolean
vp_store_log_import (VpStore *self,
                     const char *partner,
                     const char *file_name,
                     const char *exported_at,
                     const guint counts[4],
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
    "added, updated, unchanged, conflicts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, partner, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, file_name != NULL ? file_name : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, exported_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, imported_at, -1, SQLITE_STATIC);
      for (int i = 0; i < 4; i++)
        sqlite3_bind_int (stmt, 6 + i, (int) counts[i]);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_set_sqlite_error (self, rc, "import_log", error);
  return TRUE;
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
  if (!vp_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      VpRecord *record = g_ptr_array_index (records, i);

      if (!vp_store_set_sync_base (self, VP_STORE_SENT, vp_record_get_uuid (record),
                                   vp_record_get_modified_at (record), error))
        {
          vp_store_rollback (self);
          return FALSE;
        }
    }
  return vp_store_commit (self, error);
}
