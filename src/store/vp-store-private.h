/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <sqlite3.h>

#include "vp-store.h"

G_BEGIN_DECLS

/* How one record class maps to its table: built at open from the class's
 * fields and the table's columns (PRAGMA table_info), so the schema and
 * the model are checked against each other every time. */
typedef struct
{
  GType type;
  VpRecordClass *klass;
  /* per field: the column is INTEGER (else TEXT) / may be NULL */
  gboolean *integer;
  gboolean *nullable;
  /* the field records are ordered by (position, number, letter), or NULL */
  const char *order_field;
  sqlite3_stmt *select_all;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *delete;
  GListStore *records;
} VpTable;

struct _VpStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  /* VpTable, in the order parents before children */
  GPtrArray *tables;
  /* uuid → VpRecord, every record of every table */
  GHashTable *by_uuid;
  /* code → VpOrganisation */
  GHashTable *organisations;

  char *home_code;
  char *home_name;

  GDateTime *now;
  char *last_stamp;

  /* the exchange bookkeeping, prepared on first use (vp-store-sync.c) */
  sqlite3_stmt *get_sync_base;
  sqlite3_stmt *set_sync_base;

  gboolean in_transaction;
  /* PendingOp, applied to the objects once the transaction commits */
  GArray *pending;
};

/* vp-store-tables.c */
gboolean vp_store_prepare_tables (VpStore *self, GError **error);
void vp_table_free (VpTable *table);
VpTable *vp_store_table_for (VpStore *self, GType type);
gboolean vp_store_load_tables (VpStore *self, GError **error);
gboolean vp_table_write (
  VpStore *self, VpTable *table, sqlite3_stmt *stmt, VpRecord *record, GError **error);
gboolean vp_table_delete (VpStore *self, VpTable *table, const char *uuid, GError **error);

/* vp-store-sync.c */
void vp_store_finalize_sync (VpStore *self);

/* vp-store.c */
gboolean vp_store_set_sqlite_error (VpStore *self, int rc, const char *what, GError **error);
gboolean vp_store_exec (VpStore *self, const char *sql, GError **error);

G_END_DECLS
