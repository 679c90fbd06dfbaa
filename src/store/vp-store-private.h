/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <sqlite3.h>

#include "vp-store.h"

G_BEGIN_DECLS

/* A write, as the open transaction queues it (vp-store.c) and as the undo
 * stack reverses it (vp-store-undo.c). */
typedef enum
{
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
  /* a row of the exchange bookkeeping (sync_base, import_log, tombstone) */
  OP_BOOK,
} OpKind;

typedef enum
{
  BOOK_SYNC_BASE,
  BOOK_IMPORT_LOG,
  BOOK_TOMBSTONE,
} BookTable;

/* A write to a bookkeeping table, with the row as it was before, so that
 * the undo stack can put it back: the bookkeeping of an import or a
 * delete is undone with it. */
typedef struct
{
  BookTable table;
  /* sync_base: partner and uuid; import_log and tombstone: uuid */
  char *key;
  char *uuid;
  /* whether the row was there, and its values then: sync_base
   * modified_at; tombstone kind, deleted_at, deleted_by */
  gboolean existed;
  char *before[3];
} BookOp;

/* One step of the undo stack: what it takes to reverse one transaction. */
typedef struct _VpUndoStep VpUndoStep;

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
  GParamSpec *order_pspec;
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

  /* while the records are read (vp_store_open_full()) */
  VpStoreProgressFunc progress;
  gpointer progress_data;

  GDateTime *now;
  char *last_stamp;

  /* the exchange bookkeeping, prepared on first use (vp-store-sync.c) */
  sqlite3_stmt *get_sync_base;
  sqlite3_stmt *set_sync_base;
  sqlite3_stmt *add_sync_base;
  sqlite3_stmt *get_tombstone;
  sqlite3_stmt *any_tombstone;
  sqlite3_stmt *put_tombstone;
  sqlite3_stmt *drop_tombstone;
  sqlite3_stmt *read_sync_base;
  sqlite3_stmt *get_sync_bases;

  gboolean in_transaction;
  /* the transaction is kept whole or not at all (vp_store_begin_whole()):
   * its writes take no savepoint; one failed */
  gboolean whole;
  gboolean write_failed;
  /* the tombstone table is empty, as the open transaction has it: asked
   * once, not for every record an import adds (vp_store_clear_tombstone());
   * no other connection writes while the transaction is open */
  gboolean no_tombstones;
  /* the savepoint around each write in a transaction, prepared once */
  sqlite3_stmt *savepoint;
  sqlite3_stmt *release;
  sqlite3_stmt *rollback_to;
  /* PendingOp, applied to the objects once the transaction commits */
  GArray *pending;

  /* VpUndoStep, oldest first, made on first use; the label of the next
   * step; whether the transaction is an undo (vp-store-undo.c) */
  GPtrArray *undo_steps;
  char *undo_label;
  gboolean undoing;
  /* the next step puts back stamps too (an import); the step being
   * undone is such a step */
  gboolean undo_exact;
  gboolean undoing_exact;
  /* committed changes make no steps (vp_store_set_keeps_undo()) */
  gboolean no_undo;
  /* the last change committed (not an undo, not an export's notes) is
   * the top step */
  gboolean last_change_undoable;

  /* the date the plan is shown as of, and the statuses it had then:
   * action uuid → GPtrArray of VpActionStatus (vp-store-as-of.c) */
  GDateTime *as_of;
  GHashTable *as_of_statuses;
  /* uuid → year * 8 + quarter at the date (vp_figures_make_quarters()) */
  GHashTable *as_of_quarters;
};

/* vp-store.c */
void vp_store_notify_as_of (VpStore *self);

/* vp-store-tables.c */
gboolean vp_store_prepare_tables (VpStore *self, GError **error);
void vp_table_free (VpTable *table);
VpTable *vp_store_table_for (VpStore *self, GType type);
gboolean vp_store_load_tables (VpStore *self, GError **error);
gboolean vp_table_write (VpStore *self,
                         VpTable *table,
                         sqlite3_stmt *stmt,
                         VpRecord *record,
                         const char *expected,
                         GError **error);
gboolean vp_table_delete (
  VpStore *self, VpTable *table, const char *uuid, const char *expected, GError **error);

/* vp-store-sync.c */
void vp_store_finalize_sync (VpStore *self);
void vp_book_op_free (BookOp *op);
gboolean vp_store_revert_book (VpStore *self, BookOp *op, GError **error);
gboolean vp_store_write_tombstone (
  VpStore *self, VpRecord *record, const char *deleted_at, const char *deleted_by, GError **error);
gboolean vp_store_clear_tombstone (VpStore *self, const char *uuid, GError **error);

/* vp-store-undo.c */
VpUndoStep *vp_undo_step_new (void);
void
vp_undo_step_add (VpStore *self, VpUndoStep *step, OpKind kind, VpRecord *record, BookOp *book);
void vp_store_push_undo_step (VpStore *self, VpUndoStep *step);
void vp_store_forget_undo_label (VpStore *self);
void vp_store_finalize_undo (VpStore *self);

/* vp-store.c */
void vp_store_notify_can_undo (VpStore *self);
void vp_store_queue_book (VpStore *self, BookOp *op);
gboolean vp_store_set_sqlite_error (VpStore *self, int rc, const char *what, GError **error);
gboolean vp_store_exec (VpStore *self, const char *sql, GError **error);

G_END_DECLS
