/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "model/vp-model.h"

G_BEGIN_DECLS

#define VP_STORE_ERROR (vp_store_error_quark ())

typedef enum
{
  VP_STORE_ERROR_OPEN,      /* the file cannot be opened or created */
  VP_STORE_ERROR_DAMAGED,   /* not a plan database, or a damaged one */
  VP_STORE_ERROR_TOO_NEW,   /* written by a newer version of the program */
  VP_STORE_ERROR_INVALID,   /* the change breaks a rule of the plan */
  VP_STORE_ERROR_BUSY,      /* another program holds the database */
  VP_STORE_ERROR_FAILED,    /* the disk is full, an I/O error, … */
  VP_STORE_ERROR_NOT_OWNER, /* only another municipality changes the record */
} VpStoreError;

/* The schema version this program writes; see resources/sql/. */
#define VP_STORE_SCHEMA_VERSION 7

#define VP_TYPE_STORE (vp_store_get_type ())

G_DECLARE_FINAL_TYPE (VpStore, vp_store, VP, STORE, GObject)

GQuark vp_store_error_quark (void);

/**
 * VpStoreProgressFunc:
 * @done: records read so far
 * @total: records to read
 *
 * Called while vp_store_open_full() reads the records, in the thread
 * that opens the store.
 */
typedef void (*VpStoreProgressFunc) (guint done, guint total, gpointer user_data);

VpStore *vp_store_open (const char *path, GError **error);
VpStore *vp_store_open_full (const char *path,
                             VpStoreProgressFunc progress,
                             gpointer user_data,
                             GError **error);
const char *vp_store_get_path (VpStore *self);
char *vp_store_default_path (void);

GListModel *vp_store_get_records (VpStore *self, GType record_type);
VpRecord *vp_store_lookup (VpStore *self, const char *uuid);
VpOrganisation *vp_store_lookup_organisation (VpStore *self, const char *code);
VpPriority *vp_store_lookup_priority_of (VpStore *self, gpointer record);
VpPlan *vp_store_lookup_plan_of (VpStore *self, gpointer record);
guint vp_store_count (VpStore *self, GType record_type);

const char *vp_store_get_home_municipality (VpStore *self);
const char *vp_store_get_home_municipality_name (VpStore *self);
gboolean vp_store_set_home_municipality (VpStore *self, const char *name, GError **error);

void vp_store_set_now (VpStore *self, GDateTime *now);
char *vp_store_format_timestamp (GDateTime *time);
void vp_store_observe_stamp (VpStore *self, const char *stamp);
char *vp_store_make_stamp (VpStore *self);
GDateTime *vp_store_get_now (VpStore *self);

gboolean vp_store_begin (VpStore *self, GError **error);
gboolean vp_store_begin_whole (VpStore *self, GError **error);
gboolean vp_store_in_transaction (VpStore *self);
gboolean vp_store_commit (VpStore *self, GError **error);
void vp_store_rollback (VpStore *self);

/* One compound edit, written by vp_store_run(): TRUE when all of it was
 * written, else FALSE with @error set. */
typedef gboolean (*VpStoreEditFunc) (VpStore *store, gpointer data, GError **error);

gboolean vp_store_run (
  VpStore *self, const char *undo_label, VpStoreEditFunc edit, gpointer data, GError **error);

typedef enum
{
  VP_STORE_WRITE_DEFAULT = 0,
  /* keep the record's own modified-at and modified-by (an import) */
  VP_STORE_WRITE_KEEP_STAMPS = 1 << 0,
  /* write and stamp even when no field changed (ours wins a conflict) */
  VP_STORE_WRITE_TOUCH = 1 << 1,
} VpStoreWriteFlags;

gboolean vp_store_insert (VpStore *self, VpRecord *record, VpStoreWriteFlags flags, GError **error);
gboolean vp_store_replace (
  VpStore *self, VpRecord *record, VpRecord *draft, VpStoreWriteFlags flags, GError **error);
gboolean vp_store_update (VpStore *self,
                          VpRecord *record,
                          GError **error,
                          const char *first_property,
                          ...) G_GNUC_NULL_TERMINATED;
gboolean vp_store_delete (VpStore *self, VpRecord *record, GError **error);
gboolean vp_store_delete_full (
  VpStore *self, VpRecord *record, const char *deleted_at, const char *deleted_by, GError **error);
VpRecord *vp_store_find_protected_part (VpStore *self, VpRecord *record, const char *writer);

/* The undo stack (vp-store-undo.c): one step per committed transaction. */
gboolean vp_store_can_undo (VpStore *self);
gboolean vp_store_last_change_can_undo (VpStore *self);
gboolean vp_store_undo (VpStore *self, GError **error);
void vp_store_set_undo_label (VpStore *self, const char *label);
const char *vp_store_get_undo_label (VpStore *self);
void vp_store_set_undo_exact (VpStore *self);
void vp_store_set_keeps_undo (VpStore *self, gboolean keeps_undo);

char *vp_make_code (const char *name);

typedef enum
{
  VP_FIELD_OPTIONAL = 1 << 0,
  VP_FIELD_INTEGER = 1 << 1,
} VpFieldFlags;

VpFieldFlags vp_store_get_field_flags (VpStore *self, GType record_type, GParamSpec *field);

/* The bookkeeping of the exchange with partners (vp-store-sync.c). */
char *vp_store_dup_sync_base (VpStore *self, const char *partner, const char *uuid);
void vp_store_get_sync_bases (
  VpStore *self, const char *partner, const char *uuid, char **there, char **taken, char **sent);
gboolean vp_store_set_sync_base (
  VpStore *self, const char *partner, const char *uuid, const char *modified_at, GError **error);

/* What an import did, for the import log: the counts of records added,
 * updated, left alone (unchanged or older), in conflict, deleted and
 * refused. */
typedef enum
{
  VP_IMPORT_ADDED,
  VP_IMPORT_UPDATED,
  VP_IMPORT_UNCHANGED,
  VP_IMPORT_CONFLICTS,
  VP_IMPORT_DELETED,
  VP_IMPORT_REFUSED,
  VP_IMPORT_N_COUNTS
} VpImportCount;

typedef struct
{
  char *partner;
  char *file_name;
  char *exported_at;
  char *imported_at;
  guint counts[VP_IMPORT_N_COUNTS];
} VpImportEntry;

void vp_import_entry_free (VpImportEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpImportEntry, vp_import_entry_free)

gboolean vp_store_log_import (VpStore *self,
                              const char *partner,
                              const char *file_name,
                              const char *exported_at,
                              const guint counts[VP_IMPORT_N_COUNTS],
                              GError **error);
GPtrArray *vp_store_list_imports (VpStore *self);
char *vp_store_dup_last_import (VpStore *self, const char *partner);
char *vp_store_dup_latest_sync_base (VpStore *self, const char *uuid);
GHashTable *vp_store_dup_taken_versions (VpStore *self);
/* The "partner" of the versions sent out in exchange files. */
#define VP_STORE_SENT ""
gboolean vp_store_note_sent (VpStore *self, GPtrArray *records, GError **error);

/* A record deleted here or by a partner: the deletion travels to partners
 * in exchange files. @kind is the record's table ("action"). */
typedef struct
{
  char *uuid;
  char *kind;
  char *deleted_at;
  char *deleted_by;
} VpTombstone;

void vp_tombstone_free (VpTombstone *tombstone);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpTombstone, vp_tombstone_free)

GPtrArray *vp_store_list_tombstones (VpStore *self);
VpTombstone *vp_store_find_tombstone (VpStore *self, const char *uuid);
gboolean vp_store_put_tombstone (VpStore *self, const VpTombstone *tombstone, GError **error);

G_END_DECLS
