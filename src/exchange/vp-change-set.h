/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store.h"

G_BEGIN_DECLS

typedef enum
{
  VP_CHANGE_ADDED,     /* new here */
  VP_CHANGE_UPDATED,   /* newer than ours, ours unchanged since the last exchange */
  VP_CHANGE_UNCHANGED, /* the same as ours */
  VP_CHANGE_OLDER,     /* older than or as old as ours: left alone */
  VP_CHANGE_CONFLICT,  /* changed here and there since the last exchange */
  VP_CHANGE_REFUSED,   /* changes a record only its owner may change */
  VP_CHANGE_DELETED,   /* deleted there, unchanged here since the last exchange */
} VpChangeKind;

#define VP_CHANGE_N_KINDS (VP_CHANGE_DELETED + 1)

typedef enum
{
  VP_RESOLUTION_NONE, /* a conflict left for later */
  VP_RESOLUTION_TAKE_THEIRS,
  VP_RESOLUTION_KEEP_OURS,
} VpResolution;

/* Whether a change is about a deletion, and whose. */
typedef enum
{
  VP_DELETION_NONE,
  VP_DELETION_THERE, /* the partner deleted the record; we have it */
  VP_DELETION_HERE,  /* we deleted the record; the partner's file has it */
} VpDeletion;

#define VP_TYPE_CHANGE_KIND (vp_change_kind_get_type ())
GType vp_change_kind_get_type (void) G_GNUC_CONST;

#define VP_TYPE_CHANGE (vp_change_get_type ())
G_DECLARE_FINAL_TYPE (VpChange, vp_change, VP, CHANGE, GObject)

VpChangeKind vp_change_get_kind (VpChange *self);
VpRecord *vp_change_get_incoming (VpChange *self);
VpRecord *vp_change_get_local (VpChange *self);
const char *vp_change_get_path (VpChange *self);
const char *vp_change_get_reason (VpChange *self);
VpDeletion vp_change_get_deletion (VpChange *self);
const VpTombstone *vp_change_get_tombstone (VpChange *self);
VpChange *vp_change_get_depends_on (VpChange *self);
VpResolution vp_change_get_resolution (VpChange *self);
gboolean vp_change_can_resolve (VpChange *self);
void vp_change_set_resolution (VpChange *self, VpResolution resolution);
VpRecord *vp_change_get_shared_ours (VpChange *self);

#define VP_TYPE_CHANGE_SET (vp_change_set_get_type ())
G_DECLARE_FINAL_TYPE (VpChangeSet, vp_change_set, VP, CHANGE_SET, GObject)

VpChangeSet *
vp_change_set_new (const char *partner, const char *exported_at, const char *file_name);
VpChange *vp_change_set_add (
  VpChangeSet *self, VpChangeKind kind, VpRecord *incoming, VpRecord *local, const char *path);
VpChange *vp_change_set_add_deletion (VpChangeSet *self,
                                      VpChangeKind kind,
                                      const VpTombstone *tombstone,
                                      VpRecord *local,
                                      const char *path);
void vp_change_set_add_relay (VpChangeSet *self, const VpTombstone *tombstone);
void vp_change_set_explain (VpChange *change, const char *reason);
void vp_change_set_depend (VpChange *change, VpChange *depends_on);
void vp_change_set_mark_deleted_here (VpChange *change, const VpTombstone *tombstone);
void vp_change_set_mark_shared (VpChange *change, VpRecord *ours);
const char *vp_change_set_get_partner (VpChangeSet *self);
const char *vp_change_set_get_exported_at (VpChangeSet *self);
const char *vp_change_set_get_file_name (VpChangeSet *self);
GListModel *vp_change_set_get_changes (VpChangeSet *self);
guint vp_change_set_count (VpChangeSet *self, VpChangeKind kind);
void vp_change_set_resolve_all (VpChangeSet *self, VpResolution resolution);
gboolean vp_change_set_apply (VpChangeSet *self, VpStore *store, GError **error);
const guint *vp_change_set_get_applied_counts (VpChangeSet *self);

G_END_DECLS
