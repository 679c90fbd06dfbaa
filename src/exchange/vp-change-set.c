/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-change-set"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-change-set.h"

/*
 * What importing a file would do, record by record, before anything is
 * written: the reader builds it from a valid file, a person (or the
 * command line) looks at it and resolves conflicts, and apply writes it in
 * one transaction.
 */

struct _VpChange
{
  GObject parent_instance;

  VpChangeKind kind;
  VpResolution resolution;
  VpRecord *incoming;
  VpRecord *local;
  /* the local record's stamp when the file was read */
  char *local_modified_at;
  char *path;
};

G_DEFINE_FINAL_TYPE (VpChange, vp_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VpChangeKind,
                    vp_change_kind,
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_ADDED, "added"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_OLDER, "older"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_CONFLICT, "conflict"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_REFUSED, "refused"))

static void
vp_change_finalize (GObject *object)
{
  VpChange *self = VP_CHANGE (object);

  g_clear_object (&self->incoming);
  g_clear_object (&self->local);
  g_free (self->local_modified_at);
  g_free (self->path);

  G_OBJECT_CLASS (vp_change_parent_class)->finalize (object);
}

static void
vp_change_class_init (VpChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_change_finalize;
}

static void
vp_change_init (VpChange *self)
{
}

VpChangeKind
vp_change_get_kind (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), 0);
  return self->kind;
}

/**
 * vp_change_get_incoming:
 *
 * Returns: (transfer none): the record as the file has it
 */
VpRecord *
vp_change_get_incoming (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->incoming;
}

/**
 * vp_change_get_local:
 *
 * Returns: (transfer none) (nullable): the record as this database has it
 */
VpRecord *
vp_change_get_local (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->local;
}

/**
 * vp_change_get_path:
 *
 * Returns: where the record stands in the file: "plans[0].priorities[2]"
 */
const char *
vp_change_get_path (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->path;
}

VpResolution
vp_change_get_resolution (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), 0);
  return self->resolution;
}

/**
 * vp_change_set_resolution:
 *
 * How to apply a conflict: take the file's version or keep ours. Other
 * changes have no choice.
 */
void
vp_change_set_resolution (VpChange *self, VpResolution resolution)
{
  g_return_if_fail (VP_IS_CHANGE (self));
  g_return_if_fail (self->kind == VP_CHANGE_CONFLICT);
  self->resolution = resolution;
}

struct _VpChangeSet
{
  GObject parent_instance;

  char *partner;
  char *exported_at;
  char *file_name;
  GListStore *changes;
  gboolean applied;
  guint counts[VP_CHANGE_REFUSED + 1];
};

G_DEFINE_FINAL_TYPE (VpChangeSet, vp_change_set, G_TYPE_OBJECT)

static void
vp_change_set_finalize (GObject *object)
{
  VpChangeSet *self = VP_CHANGE_SET (object);

  g_free (self->partner);
  g_free (self->exported_at);
  g_free (self->file_name);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (vp_change_set_parent_class)->finalize (object);
}

static void
vp_change_set_class_init (VpChangeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_change_set_finalize;
}

static void
vp_change_set_init (VpChangeSet *self)
{
  self->changes = g_list_store_new (VP_TYPE_CHANGE);
}

/**
 * vp_change_set_new:
 * @partner: the code of the municipality whose database wrote the file
 * @exported_at: when it was written
 * @file_name: (nullable): the file's name, for the import log
 */
VpChangeSet *
vp_change_set_new (const char *partner, const char *exported_at, const char *file_name)
{
  VpChangeSet *self = g_object_new (VP_TYPE_CHANGE_SET, NULL);

  self->partner = g_strdup (partner);
  self->exported_at = g_strdup (exported_at);
  self->file_name = g_strdup (file_name);
  return self;
}

/**
 * vp_change_set_add:
 * @incoming: the record as the file has it
 * @local: (nullable): the record of the store it would change
 *
 * Adds a change; changes are applied in the order they were added, so
 * parents come before their children.
 */
void
vp_change_set_add (
  VpChangeSet *self, VpChangeKind kind, VpRecord *incoming, VpRecord *local, const char *path)
{
  g_autoptr (VpChange) change = g_object_new (VP_TYPE_CHANGE, NULL);

  change->kind = kind;
  change->incoming = g_object_ref (incoming);
  change->local = local != NULL ? g_object_ref (local) : NULL;
  change->local_modified_at = local != NULL ? g_strdup (vp_record_get_modified_at (local)) : NULL;
  change->path = g_strdup (path);
  g_list_store_append (self->changes, change);
  self->counts[kind]++;
}

const char *
vp_change_set_get_partner (VpChangeSet *self)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), NULL);
  return self->partner;
}

const char *
vp_change_set_get_exported_at (VpChangeSet *self)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), NULL);
  return self->exported_at;
}

/**
 * vp_change_set_get_changes:
 *
 * Returns: (transfer none): the VpChanges, parents before children
 */
GListModel *
vp_change_set_get_changes (VpChangeSet *self)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), NULL);
  return G_LIST_MODEL (self->changes);
}

guint
vp_change_set_count (VpChangeSet *self, VpChangeKind kind)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), 0);
  return self->counts[kind];
}

/* A change set describes the database as it was when the file was read;
 * one that no longer fits (a record was added, changed or deleted since)
 * is refused whole, so that nothing done meanwhile is overwritten. */
static gboolean
still_fits (VpChange *change, VpStore *store, GError **error)
{
  VpRecord *now = vp_store_lookup (store, vp_record_get_uuid (change->incoming));
  gboolean fits;

  if (change->local == NULL)
    fits = now == NULL;
  else
    fits = now == change->local
           && g_strcmp0 (vp_record_get_modified_at (now), change->local_modified_at) == 0;
  if (!fits)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 _ ("The plan database changed after the file was read (%s). Read the file again."),
                 change->path);
  return fits;
}

/* Writes one change; returns whether the partner's version is now the one
 * both sides have seen. */
static gboolean
apply_change (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  VpResolution resolution = change->resolution;

  *seen = TRUE;
  if (!still_fits (change, store, error))
    return FALSE;
  switch (change->kind)
    {
    case VP_CHANGE_ADDED:
      {
        /* the store gets a record of its own; the change keeps the file's */
        g_autoptr (VpRecord) added = vp_record_copy (change->incoming);

        return vp_store_insert (store, added, VP_STORE_WRITE_KEEP_STAMPS, error);
      }
    case VP_CHANGE_UPDATED:
      return vp_store_replace (store, change->local, change->incoming, VP_STORE_WRITE_KEEP_STAMPS,
                               error);
    case VP_CHANGE_CONFLICT:
      if (resolution == VP_RESOLUTION_TAKE_THEIRS)
        return vp_store_replace (store, change->local, change->incoming, VP_STORE_WRITE_KEEP_STAMPS,
                                 error);
      if (resolution == VP_RESOLUTION_KEEP_OURS)
        {
          /* Ours becomes the newest version, so partners take it next:
           * stamped after theirs, whatever this computer's clock says. */
          g_autoptr (VpRecord) ours = vp_record_copy (change->local);

          vp_store_observe_stamp (store, vp_record_get_modified_at (change->incoming));
          return vp_store_replace (store, change->local, ours, VP_STORE_WRITE_TOUCH, error);
        }
      *seen = FALSE;
      return TRUE;
    case VP_CHANGE_REFUSED:
      *seen = FALSE;
      return TRUE;
    case VP_CHANGE_UNCHANGED:
    case VP_CHANGE_OLDER:
    default:
      return TRUE;
    }
}

/* After an import, every change made here is newer than what was taken. */
static void
observe_stamps (VpChangeSet *self, VpStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      if (change->kind != VP_CHANGE_REFUSED)
        vp_store_observe_stamp (store, vp_record_get_modified_at (change->incoming));
    }
}

/**
 * vp_change_set_apply:
 *
 * Writes the changes into @store in one transaction, with the record of
 * what was seen from the partner and a line in the import log. Conflicts
 * without a resolution and refused changes are left out. On failure
 * nothing is written.
 */
gboolean
vp_change_set_apply (VpChangeSet *self, VpStore *store, GError **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  guint log_counts[4] = {
    self->counts[VP_CHANGE_ADDED],
    self->counts[VP_CHANGE_UPDATED],
    self->counts[VP_CHANGE_UNCHANGED] + self->counts[VP_CHANGE_OLDER],
    self->counts[VP_CHANGE_CONFLICT],
  };

  g_return_val_if_fail (VP_IS_CHANGE_SET (self), FALSE);
  g_return_val_if_fail (VP_IS_STORE (store), FALSE);

  if (self->applied)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("This file was imported already."));
      return FALSE;
    }
  if (!vp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
      gboolean seen;

      if (!apply_change (change, store, &seen, error)
          || (seen
              && !vp_store_set_sync_base (store, self->partner,
                                          vp_record_get_uuid (change->incoming),
                                          vp_record_get_modified_at (change->incoming), error)))
        {
          vp_store_rollback (store);
          return FALSE;
        }
    }
  if (!vp_store_log_import (store, self->partner, self->file_name, self->exported_at, log_counts,
                            error))
    {
      vp_store_rollback (store);
      return FALSE;
    }
  if (!vp_store_commit (store, error))
    return FALSE;
  self->applied = TRUE;
  observe_stamps (self, store);
  return TRUE;
}
