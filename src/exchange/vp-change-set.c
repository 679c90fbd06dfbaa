/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-change-set"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rules/vp-ownership.h"
#include "store/vp-store-status.h"
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
  /* why it is refused or left alone, for people; or NULL */
  char *reason;
  VpDeletion deletion;
  /* THERE: the partner's tombstone; HERE: ours */
  VpTombstone *tombstone;
  /* borrowed, from the same set: a record that is not here and that this
   * one belongs to; this one is applied only if that one is */
  VpChange *depends_on;
  /* set by apply: the record is now as the file has it */
  gboolean taken;
  /* a partner's status of an action with one shared status, set without
   * ours (vp-exchange-reader.c): our status, which it would replace as
   * the action's */
  VpRecord *shared_ours;
};

G_DEFINE_FINAL_TYPE (VpChange, vp_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VpChangeKind,
                    vp_change_kind,
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_ADDED, "added"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_OLDER, "older"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_CONFLICT, "conflict"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_REFUSED, "refused"),
                    G_DEFINE_ENUM_VALUE (VP_CHANGE_DELETED, "deleted"))

static VpTombstone *
copy_tombstone (const VpTombstone *tombstone)
{
  VpTombstone *copy = g_new0 (VpTombstone, 1);

  copy->uuid = g_strdup (tombstone->uuid);
  copy->kind = g_strdup (tombstone->kind);
  copy->deleted_at = g_strdup (tombstone->deleted_at);
  copy->deleted_by = g_strdup (tombstone->deleted_by);
  return copy;
}

static void
vp_change_finalize (GObject *object)
{
  VpChange *self = VP_CHANGE (object);

  g_clear_object (&self->incoming);
  g_clear_object (&self->local);
  g_free (self->local_modified_at);
  g_free (self->path);
  g_free (self->reason);
  g_clear_pointer (&self->tombstone, vp_tombstone_free);
  g_clear_object (&self->shared_ours);

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
 * Returns: (transfer none): the record as the file has it; for a record
 *   the partner deleted (%VP_DELETION_THERE), ours
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
 * Returns: where the record stands in the file: "plans[0].priorities[2]",
 *   "deletions[0]"
 */
const char *
vp_change_get_path (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->path;
}

/**
 * vp_change_get_reason:
 *
 * Returns: (nullable): why the change is refused or left alone, in a
 *   sentence for people
 */
const char *
vp_change_get_reason (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->reason;
}

VpDeletion
vp_change_get_deletion (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), VP_DELETION_NONE);
  return self->deletion;
}

/**
 * vp_change_get_tombstone:
 *
 * Returns: (nullable): the deletion: the partner's for %VP_DELETION_THERE,
 *   ours for %VP_DELETION_HERE
 */
const VpTombstone *
vp_change_get_tombstone (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->tombstone;
}

/**
 * vp_change_get_depends_on:
 *
 * Returns: (transfer none) (nullable): the change of a record this one
 *   belongs to and goes with: it is applied only if that one is
 */
VpChange *
vp_change_get_depends_on (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->depends_on;
}

VpResolution
vp_change_get_resolution (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), 0);
  return self->resolution;
}

/**
 * vp_change_can_resolve:
 *
 * Returns: whether a person chooses for this change: a conflict, or a
 *   partner's deletion
 */
gboolean
vp_change_can_resolve (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), FALSE);
  return self->depends_on == NULL
         && (self->kind == VP_CHANGE_CONFLICT || self->kind == VP_CHANGE_DELETED);
}

/**
 * vp_change_set_resolution:
 *
 * How to apply a conflict or a partner's deletion: take the file's version
 * (or deletion) or keep ours. Other changes have no choice.
 */
void
vp_change_set_resolution (VpChange *self, VpResolution resolution)
{
  g_return_if_fail (VP_IS_CHANGE (self));
  g_return_if_fail (vp_change_can_resolve (self));
  self->resolution = resolution;
}

/**
 * vp_change_get_shared_ours:
 *
 * Returns: (transfer none) (nullable): for a partner's status of an action
 *   with one shared status, set without ours, our status, which it would
 *   replace as the action's (a conflict)
 */
VpRecord *
vp_change_get_shared_ours (VpChange *self)
{
  g_return_val_if_fail (VP_IS_CHANGE (self), NULL);
  return self->shared_ours;
}

/**
 * vp_change_set_mark_shared:
 * @ours: our status of the same action
 *
 * Marks @change (a partner's status, added as a conflict) as one with our
 * status of an action whose status is shared: taking theirs sets ours to it, keeping
 * ours stamps ours anew; either way the partner's status is kept too.
 */
void
vp_change_set_mark_shared (VpChange *change, VpRecord *ours)
{
  g_return_if_fail (VP_IS_CHANGE (change));
  g_return_if_fail (change->kind == VP_CHANGE_CONFLICT);
  g_set_object (&change->shared_ours, ours);
}

struct _VpChangeSet
{
  GObject parent_instance;

  char *partner;
  char *exported_at;
  char *file_name;
  GListStore *changes;
  /* VpTombstone: deletions of records this database does not have, kept
   * to pass on */
  GPtrArray *relays;
  gboolean applied;
  guint counts[VP_CHANGE_N_KINDS];
  /* what the last apply did, as the import log has it */
  guint log_counts[VP_IMPORT_N_COUNTS];
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
  g_clear_pointer (&self->relays, g_ptr_array_unref);

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
  self->relays = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_tombstone_free);
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
 * parents come before their children (deletions aside: see
 * vp_change_set_apply()). A partner's deletion is taken unless a person
 * says otherwise; conflicts wait for a person.
 *
 * Returns: (transfer none): the change
 */
VpChange *
vp_change_set_add (
  VpChangeSet *self, VpChangeKind kind, VpRecord *incoming, VpRecord *local, const char *path)
{
  g_autoptr (VpChange) change = g_object_new (VP_TYPE_CHANGE, NULL);

  change->kind = kind;
  change->incoming = g_object_ref (incoming);
  change->local = local != NULL ? g_object_ref (local) : NULL;
  change->local_modified_at = local != NULL ? g_strdup (vp_record_get_modified_at (local)) : NULL;
  change->path = g_strdup (path);
  change->resolution = kind == VP_CHANGE_DELETED ? VP_RESOLUTION_TAKE_THEIRS : VP_RESOLUTION_NONE;
  g_list_store_append (self->changes, change);
  self->counts[kind]++;
  return change;
}

/**
 * vp_change_set_add_deletion:
 * @tombstone: the partner's deletion
 * @local: the record it deletes here
 *
 * Adds the change a partner's deletion of @local makes.
 *
 * Returns: (transfer none): the change
 */
VpChange *
vp_change_set_add_deletion (VpChangeSet *self,
                            VpChangeKind kind,
                            const VpTombstone *tombstone,
                            VpRecord *local,
                            const char *path)
{
  VpChange *change = vp_change_set_add (self, kind, local, local, path);

  change->deletion = VP_DELETION_THERE;
  change->tombstone = copy_tombstone (tombstone);
  return change;
}

/**
 * vp_change_set_add_relay:
 *
 * Keeps the deletion of a record this database does not have, to pass it
 * on to partners that may have it.
 */
void
vp_change_set_add_relay (VpChangeSet *self, const VpTombstone *tombstone)
{
  g_ptr_array_add (self->relays, copy_tombstone (tombstone));
}

/**
 * vp_change_set_explain:
 * @reason: why the change is refused or left alone, for people
 */
void
vp_change_set_explain (VpChange *change, const char *reason)
{
  g_free (change->reason);
  change->reason = g_strdup (reason);
}

/**
 * vp_change_set_depend:
 * @depends_on: the change of a record @change belongs to
 */
void
vp_change_set_depend (VpChange *change, VpChange *depends_on)
{
  change->depends_on = depends_on;
}

/**
 * vp_change_set_mark_deleted_here:
 * @tombstone: our deletion of the record the file has
 */
void
vp_change_set_mark_deleted_here (VpChange *change, const VpTombstone *tombstone)
{
  change->deletion = VP_DELETION_HERE;
  g_clear_pointer (&change->tombstone, vp_tombstone_free);
  change->tombstone = copy_tombstone (tombstone);
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
 * vp_change_set_get_file_name:
 *
 * Returns: (nullable): the file's name, as the import log has it
 */
const char *
vp_change_set_get_file_name (VpChangeSet *self)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), NULL);
  return self->file_name;
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
  g_return_val_if_fail (kind < VP_CHANGE_N_KINDS, 0);
  return self->counts[kind];
}

/**
 * vp_change_set_resolve_all:
 *
 * Resolves every conflict (not the partner's deletions, which are taken
 * unless changed here) as @resolution.
 */
void
vp_change_set_resolve_all (VpChangeSet *self, VpResolution resolution)
{
  GListModel *changes = G_LIST_MODEL (self->changes);

  g_return_if_fail (VP_IS_CHANGE_SET (self));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);

      if (change->kind == VP_CHANGE_CONFLICT && vp_change_can_resolve (change))
        change->resolution = resolution;
    }
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

/* Ours is kept and becomes the newest version, so partners take it next:
 * stamped after theirs, whatever this computer's clock says. */
static gboolean
keep_ours (VpChange *change, VpStore *store, const char *theirs, GError **error)
{
  g_autoptr (VpRecord) ours = vp_record_copy (change->local);

  vp_store_observe_stamp (store, theirs);
  return vp_store_replace (store, change->local, ours, VP_STORE_WRITE_TOUCH, error);
}

/* Theirs is taken; when it is older than ours it is stamped anew, or
 * partners that took ours would keep theirs as older. */
static gboolean
take_theirs (VpChange *change, VpStore *store, GError **error)
{
  const char *theirs = vp_record_get_modified_at (change->incoming);
  g_autoptr (VpRecord) draft = NULL;

  if (strcmp (theirs, vp_record_get_modified_at (change->local)) > 0)
    return vp_store_replace (store, change->local, change->incoming, VP_STORE_WRITE_KEEP_STAMPS,
                             error);
  draft = vp_record_copy (change->incoming);
  vp_store_observe_stamp (store, vp_record_get_modified_at (change->local));
  return vp_store_replace (store, change->local, draft, VP_STORE_WRITE_TOUCH, error);
}

/* Our deletion stands against the partner's newer version: a joint
 * record's deletion is stamped again, now, so partners take it next. */
static gboolean
keep_deleted (VpChange *change, VpStore *store, GError **error)
{
  g_autofree char *now = NULL;
  VpTombstone again = *change->tombstone;

  if (!vp_ownership_is_joint (change->incoming))
    return TRUE;
  vp_store_observe_stamp (store, vp_record_get_modified_at (change->incoming));
  now = vp_store_make_stamp (store);
  again.deleted_at = now;
  again.deleted_by = (char *) vp_store_get_home_municipality (store);
  return vp_store_put_tombstone (store, &again, error);
}

/* The partner's deletion of a record we changed is taken: a joint
 * record's deletion is ours too now, stamped now. */
static gboolean
take_deletion (VpChange *change, VpStore *store, gboolean restamp, GError **error)
{
  if (restamp && vp_ownership_is_joint (change->local))
    {
      vp_store_observe_stamp (store, change->tombstone->deleted_at);
      return vp_store_delete (store, change->local, error);
    }
  return vp_store_delete_full (store, change->local, change->tombstone->deleted_at,
                               change->tombstone->deleted_by, error);
}

static gboolean
apply_deleted_there (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  const char *deleted_at = change->tombstone->deleted_at;

  if (change->resolution == VP_RESOLUTION_TAKE_THEIRS)
    return take_deletion (change, store, change->kind == VP_CHANGE_CONFLICT, error);
  if (change->resolution == VP_RESOLUTION_KEEP_OURS)
    return keep_ours (change, store, deleted_at, error);
  *seen = FALSE;
  return TRUE;
}

static gboolean
apply_deleted_here (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  if (change->resolution == VP_RESOLUTION_TAKE_THEIRS)
    {
      g_autoptr (VpRecord) added = vp_record_copy (change->incoming);

      return vp_store_insert (store, added, VP_STORE_WRITE_KEEP_STAMPS, error);
    }
  if (change->resolution == VP_RESOLUTION_KEEP_OURS)
    return keep_deleted (change, store, error);
  *seen = FALSE;
  return TRUE;
}

/* A record that belongs to a record not here goes as that one goes. */
static gboolean
apply_dependent (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  g_autoptr (VpRecord) added = NULL;

  if (!change->depends_on->taken || change->local != NULL)
    {
      *seen = FALSE;
      return TRUE;
    }
  added = vp_record_copy (change->incoming);
  return vp_store_insert (store, added, VP_STORE_WRITE_KEEP_STAMPS, error);
}

/* The partner's status is theirs to keep whatever is decided: added or
 * updated with its stamps. */
static gboolean
write_theirs (VpChange *change, VpStore *store, GError **error)
{
  g_autoptr (VpRecord) added = NULL;

  if (change->local != NULL)
    return vp_store_replace (store, change->local, change->incoming, VP_STORE_WRITE_KEEP_STAMPS,
                             error);
  added = vp_record_copy (change->incoming);
  return vp_store_insert (store, added, VP_STORE_WRITE_KEEP_STAMPS, error);
}

/* A shared status set on both sides: the partner's status is kept, and
 * ours, stamped after it, becomes the action's: as it was (ours kept) or
 * as theirs (theirs taken), so that the decision travels. */
static gboolean
apply_shared (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  VpActionStatus *ours = VP_ACTION_STATUS (change->shared_ours);
  VpActionStatus *theirs = VP_ACTION_STATUS (change->incoming);
  g_autoptr (VpRecord) again = NULL;
  VpRecord *action;

  if (change->resolution == VP_RESOLUTION_NONE)
    {
      *seen = FALSE;
      return TRUE;
    }
  if (!write_theirs (change, store, error))
    return FALSE;
  vp_store_observe_stamp (store, vp_record_get_modified_at (change->incoming));
  if (change->resolution == VP_RESOLUTION_KEEP_OURS)
    {
      again = vp_record_copy (VP_RECORD (ours));
      return vp_store_replace (store, VP_RECORD (ours), again, VP_STORE_WRITE_TOUCH, error);
    }
  action = vp_store_lookup (store, vp_action_status_get_action (ours));
  return VP_IS_ACTION (action)
         && vp_store_set_status (
           store, VP_ACTION (action), vp_action_status_get_municipality (ours),
           vp_action_status_get_status (theirs), vp_action_status_get_achieved (ours),
           vp_action_status_get_note (ours), error);
}

static gboolean
apply_conflict (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  if (change->deletion == VP_DELETION_THERE)
    return apply_deleted_there (change, store, seen, error);
  if (change->deletion == VP_DELETION_HERE)
    return apply_deleted_here (change, store, seen, error);
  if (change->shared_ours != NULL)
    return apply_shared (change, store, seen, error);
  if (change->resolution == VP_RESOLUTION_TAKE_THEIRS)
    return take_theirs (change, store, error);
  if (change->resolution == VP_RESOLUTION_KEEP_OURS)
    return keep_ours (change, store, vp_record_get_modified_at (change->incoming), error);
  *seen = FALSE;
  return TRUE;
}

/* Writes one change; sets whether the partner's version (or deletion) is
 * now the one both sides have seen. */
static gboolean
apply_change (VpChange *change, VpStore *store, gboolean *seen, GError **error)
{
  *seen = TRUE;
  if (change->depends_on != NULL)
    return apply_dependent (change, store, seen, error);
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
      return apply_conflict (change, store, seen, error);
    case VP_CHANGE_DELETED:
      return apply_deleted_there (change, store, seen, error);
    case VP_CHANGE_REFUSED:
      *seen = FALSE;
      return TRUE;
    case VP_CHANGE_UNCHANGED:
    case VP_CHANGE_OLDER:
    default:
      return TRUE;
    }
}

/* The stamp of what the file has: a version, or a deletion. */
static const char *
theirs_stamp (VpChange *change)
{
  if (change->deletion == VP_DELETION_THERE)
    return change->tombstone->deleted_at;
  return vp_record_get_modified_at (change->incoming);
}

static gboolean
is_taken (VpChange *change)
{
  switch (change->kind)
    {
    case VP_CHANGE_ADDED:
    case VP_CHANGE_UPDATED:
      return change->depends_on == NULL || change->depends_on->taken;
    case VP_CHANGE_CONFLICT:
    case VP_CHANGE_DELETED:
      if (change->depends_on != NULL)
        return change->depends_on->taken;
      return change->resolution == VP_RESOLUTION_TAKE_THEIRS;
    default:
      return FALSE;
    }
}

/* Deletions go last, so that what the file moves out of a deleted record
 * has moved before, and the records deleted with another one first. */
static int
depth_of (VpStore *store, VpRecord *record)
{
  int depth = 0;

  for (VpRecord *r = record; r != NULL; r = vp_store_lookup (store, vp_record_get_parent_uuid (r)))
    depth++;
  return depth;
}

static int
compare_deletions (gconstpointer a, gconstpointer b, gpointer store)
{
  VpChange *ca = *(VpChange **) a;
  VpChange *cb = *(VpChange **) b;

  return depth_of (store, cb->local) - depth_of (store, ca->local);
}

static GPtrArray *
order_changes (VpChangeSet *self, VpStore *store)
{
  GListModel *changes = G_LIST_MODEL (self->changes);
  guint n = g_list_model_get_n_items (changes);
  GPtrArray *ordered = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr (GPtrArray) deletions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      VpChange *change = g_list_model_get_item (changes, i);

      g_ptr_array_add (change->deletion == VP_DELETION_THERE ? deletions : ordered, change);
    }
  g_ptr_array_sort_with_data (deletions, compare_deletions, store);
  for (guint i = 0; i < deletions->len; i++)
    g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (deletions, i)));
  return ordered;
}

static gboolean
apply_relays (VpChangeSet *self, VpStore *store, GError **error)
{
  for (guint i = 0; i < self->relays->len; i++)
    {
      const VpTombstone *tombstone = g_ptr_array_index (self->relays, i);

      if (!vp_store_put_tombstone (store, tombstone, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_all (VpChangeSet *self, VpStore *store, GError **error)
{
  g_autoptr (GPtrArray) ordered = order_changes (self, store);

  for (guint i = 0; i < ordered->len; i++)
    {
      VpChange *change = g_ptr_array_index (ordered, i);
      gboolean seen;

      if (!apply_change (change, store, &seen, error)
          || (seen
              && !vp_store_set_sync_base (store, self->partner,
                                          vp_record_get_uuid (change->incoming),
                                          theirs_stamp (change), error)))
        return FALSE;
      change->taken = is_taken (change);
    }
  return apply_relays (self, store, error);
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
        vp_store_observe_stamp (store, theirs_stamp (change));
    }
}

/* What the import did, for the log: conflicts and deletions as resolved. */
static void
count_for_log (VpChangeSet *self, guint counts[VP_IMPORT_N_COUNTS])
{
  GListModel *changes = G_LIST_MODEL (self->changes);

  memset (counts, 0, sizeof (guint) * VP_IMPORT_N_COUNTS);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);

      if (change->depends_on != NULL)
        counts[change->taken ? VP_IMPORT_ADDED : VP_IMPORT_UNCHANGED]++;
      else if (change->kind == VP_CHANGE_ADDED)
        counts[VP_IMPORT_ADDED]++;
      else if (change->kind == VP_CHANGE_UPDATED)
        counts[VP_IMPORT_UPDATED]++;
      else if (change->kind == VP_CHANGE_REFUSED)
        counts[VP_IMPORT_REFUSED]++;
      else if (change->kind == VP_CHANGE_CONFLICT)
        counts[VP_IMPORT_CONFLICTS]++;
      else if (change->kind == VP_CHANGE_DELETED && change->taken)
        counts[VP_IMPORT_DELETED]++;
      else
        counts[VP_IMPORT_UNCHANGED]++;
    }
}

/**
 * vp_change_set_apply:
 *
 * Writes the changes into @store in one transaction, with the record of
 * what was seen from the partner and a line in the import log: updates
 * and additions in file order, then the partner's deletions, records
 * deleted with another one first. Conflicts without a resolution and
 * refused changes are left out. On failure nothing is written. The
 * transaction is one step of the undo stack, undone exactly
 * (vp_store_set_undo_exact()).
 */
gboolean
vp_change_set_apply (VpChangeSet *self, VpStore *store, GError **error)
{
  guint *log_counts = self->log_counts;

  g_return_val_if_fail (VP_IS_CHANGE_SET (self), FALSE);
  g_return_val_if_fail (VP_IS_STORE (store), FALSE);

  if (self->applied)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("This file was imported already."));
      return FALSE;
    }
  /* applied whole or not at all: no savepoint for each of its writes */
  if (!vp_store_begin_whole (store, error))
    return FALSE;
  if (!apply_all (self, store, error))
    {
      vp_store_rollback (store);
      return FALSE;
    }
  count_for_log (self, log_counts);
  if (!vp_store_log_import (store, self->partner, self->file_name, self->exported_at, log_counts,
                            error))
    {
      vp_store_rollback (store);
      return FALSE;
    }
  vp_store_set_undo_exact (store);
  if (!vp_store_commit (store, error))
    return FALSE;
  self->applied = TRUE;
  observe_stamps (self, store);
  return TRUE;
}

/**
 * vp_change_set_get_applied_counts:
 *
 * Returns: (array fixed-size=6): what applying did, by #VpImportCount, as
 *   the import log has it: conflicts as they were, however resolved; a
 *   partner's deletion counted as deleted only when taken
 */
const guint *
vp_change_set_get_applied_counts (VpChangeSet *self)
{
  g_return_val_if_fail (VP_IS_CHANGE_SET (self), NULL);
  return self->log_counts;
}
