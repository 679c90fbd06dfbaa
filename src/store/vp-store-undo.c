/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-ownership.h"
#include "vp-store-private.h"

/*
 * The undo stack. Every committed transaction that wrote anything is one
 * step: a single insert, replace, update or delete, or a vp_store_begin()
 * … vp_store_commit() group such as an import. vp_store_commit() shows the
 * step each write just before it applies the write to the objects, when
 * the objects are exactly as the transaction had them at that write; the
 * step keeps what it takes to reverse it (a Revert):
 *
 *   insert  remove the record again
 *   update  write back the record's values from before
 *   delete  insert again the record and all that the delete cascaded to,
 *           with their UUIDs and values, then restore the references the
 *           delete set to NULL
 *
 * vp_store_undo() writes the top step's reverts, last first, in one
 * transaction through the normal write path, so the objects follow after
 * the commit as for any change, and a failure rolls all of it back and
 * keeps the step. Steps are undone newest first: a step is undone on the
 * state its transaction left, which every later step has been undone back
 * to.
 *
 * Stamps: an undo is a new change made here, so what it writes is stamped
 * now, by the home municipality, like any edit: partners take it as the
 * newest version, every change here stays later than the one before, and
 * once deletions travel (the tombstone table) a re-created record is newer
 * than its deletion. Three kinds of row go back exactly as they were,
 * stamps included (keeps_stamps()): a partner's own record, because only
 * its owner changes it and partners refuse it under another municipality's
 * stamp; a status event, whose stamps are its content (when and by whom a
 * status changed; evaluation reads the history from them); and a reference
 * restored after a delete, because the SET NULL never stamped the row.
 *
 * An import is undone exactly (vp_store_set_undo_exact()): every record
 * goes back with the stamps it had, a record the import added goes
 * without a tombstone, and its bookkeeping (the versions taken from the
 * partner, the line in the import log) goes with it, so that the same
 * file can be imported again as if it never was. The bookkeeping of a
 * delete made here, its tombstone, is undone with any delete.
 *
 * The undo's own commit makes a step too: its reversal, the redo. It is
 * dropped for now; a redo stack would keep it. The stack lives in memory
 * and ends with the store: after reopening there is nothing to undo.
 */

/* Enough for a good while of work; a step of an import holds a copy of
 * each record it changed. */
#define MAX_UNDO_STEPS 100

typedef enum
{
  REVERT_REMOVE,  /* delete the record an insert added */
  REVERT_RESTORE, /* write back the values an update or a SET NULL replaced */
  REVERT_READD,   /* insert again a record a delete removed */
  REVERT_BOOK,    /* put a bookkeeping row back */
} RevertKind;

typedef struct
{
  RevertKind kind;
  char *uuid;
  /* RESTORE and READD: a copy of the record as it was before the write */
  VpRecord *before;
  /* write the stamps of @before instead of new ones */
  gboolean keep_stamps;
  /* BOOK: the row as it was, owned */
  BookOp *book;
} Revert;

struct _VpUndoStep
{
  /* Revert, in the order of the writes; undone last first */
  GArray *reverts;
  char *label;
  /* undone with the stamps as they were (an import) */
  gboolean exact;
};

static void
clear_revert (Revert *revert)
{
  g_free (revert->uuid);
  g_clear_object (&revert->before);
  g_clear_pointer (&revert->book, vp_book_op_free);
}

static void
free_undo_step (VpUndoStep *step)
{
  g_array_unref (step->reverts);
  g_free (step->label);
  g_free (step);
}

static void
add_revert (VpUndoStep *step, RevertKind kind, VpRecord *record, gboolean keep_stamps)
{
  Revert revert = {
    kind,
    g_strdup (vp_record_get_uuid (record)),
    kind != REVERT_REMOVE ? vp_record_copy (record) : NULL,
    keep_stamps,
  };

  g_array_append_val (step->reverts, revert);
}

/* Whether an undo writes @record back with the stamps it had; see the
 * comment at the top. */
static gboolean
keeps_stamps (VpStore *self, VpRecord *record)
{
  if (VP_IS_STATUS_EVENT (record))
    return TRUE;
  return self->home_code != NULL && !vp_ownership_may_change (record, self->home_code);
}

/* Adds @record and, depth first, what ON DELETE CASCADE removes with it,
 * parents before children: forget_record() in vp-store.c does the same to
 * the objects. */
static void
collect_cascade (VpStore *self, VpRecord *record, GPtrArray *gone)
{
  const char *table_name = VP_RECORD_GET_CLASS (record)->table;
  const char *uuid = vp_record_get_uuid (record);

  g_ptr_array_add (gone, record);
  for (guint t = 0; t < self->tables->len; t++)
    {
      VpTable *table = g_ptr_array_index (self->tables, t);
      GListModel *list = G_LIST_MODEL (table->records);

      if (g_strcmp0 (table->klass->parent_field, table_name) != 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) child = g_list_model_get_item (list, i);

          if (g_strcmp0 (vp_record_get_string (child, table_name), uuid) == 0)
            collect_cascade (self, child, gone);
        }
    }
}

/* Adds a restore of @other unless it is gone too or restored already. */
static void
add_relink (VpUndoStep *step, VpRecord *other, GHashTable *gone_set, GHashTable *relinked)
{
  if (g_hash_table_contains (gone_set, other) || g_hash_table_contains (relinked, other))
    return;
  g_hash_table_add (relinked, other);
  add_revert (step, REVERT_RESTORE, other, TRUE);
}

/* Adds a restore for each record that outlives the delete but refers to a
 * record in @gone by a field ON DELETE SET NULL empties (a sub-theme): a
 * reference field is named after the table it refers to. */
static void
collect_relinks (VpStore *self, VpUndoStep *step, GPtrArray *gone)
{
  g_autoptr (GHashTable) gone_set = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) relinked = g_hash_table_new (NULL, NULL);

  for (guint g = 0; g < gone->len; g++)
    g_hash_table_add (gone_set, g_ptr_array_index (gone, g));
  for (guint g = 0; g < gone->len; g++)
    {
      VpRecord *record = g_ptr_array_index (gone, g);
      const char *table_name = VP_RECORD_GET_CLASS (record)->table;

      for (guint t = 0; t < self->tables->len; t++)
        {
          VpTable *table = g_ptr_array_index (self->tables, t);
          GListModel *list = G_LIST_MODEL (table->records);

          /* the records that belong to it are gone with it */
          if (g_strcmp0 (table->klass->parent_field, table_name) == 0
              || g_object_class_find_property (G_OBJECT_CLASS (table->klass), table_name) == NULL)
            continue;
          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr (VpRecord) other = g_list_model_get_item (list, i);

              if (g_strcmp0 (vp_record_get_string (other, table_name), vp_record_get_uuid (record))
                  == 0)
                add_relink (step, other, gone_set, relinked);
            }
        }
    }
}

/* Reverts are undone last first, so the relinks go in before the records
 * they need, and the records children first. */
static void
add_delete_reverts (VpStore *self, VpUndoStep *step, VpRecord *record)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new ();

  collect_cascade (self, record, gone);
  collect_relinks (self, step, gone);
  for (guint g = gone->len; g > 0; g--)
    {
      VpRecord *each = g_ptr_array_index (gone, g - 1);

      add_revert (step, REVERT_READD, each, keeps_stamps (self, each));
    }
}

static gboolean
set_changed_error (GError **error, const char *message)
{
  g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* The record @uuid as the undo's transaction has it so far: NULL once the
 * undo removed it, the new object once it inserted it again. */
static VpRecord *
find_live (VpStore *self, GHashTable *live, const char *uuid)
{
  gpointer record;

  if (g_hash_table_lookup_extended (live, uuid, NULL, &record))
    return record;
  return vp_store_lookup (self, uuid);
}

static gboolean
revert_remove (VpStore *self, GHashTable *live, Revert *revert, GError **error)
{
  VpRecord *record = find_live (self, live, revert->uuid);

  if (record == NULL)
    return set_changed_error (error, _ ("A record it added is no longer in the plan."));
  if (!vp_store_delete (self, record, error))
    return FALSE;
  g_hash_table_insert (live, g_strdup (revert->uuid), NULL);
  return TRUE;
}

static gboolean
revert_restore (VpStore *self, GHashTable *live, Revert *revert, GError **error)
{
  gboolean keep_stamps = revert->keep_stamps || self->undoing_exact;
  VpRecord *record = find_live (self, live, revert->uuid);
  g_autoptr (VpRecord) draft = NULL;

  if (record == NULL)
    return set_changed_error (error, _ ("A record it changed is no longer in the plan."));
  /* A copy: the write stamps it, and a failed undo keeps @before as it is. */
  draft = vp_record_copy (revert->before);
  return vp_store_replace (
    self, record, draft, keep_stamps ? VP_STORE_WRITE_KEEP_STAMPS : VP_STORE_WRITE_DEFAULT, error);
}

static gboolean
revert_readd (VpStore *self, GHashTable *live, Revert *revert, GError **error)
{
  g_autoptr (VpRecord) record = NULL;
  gboolean keep_stamps = revert->keep_stamps || self->undoing_exact;

  if (find_live (self, live, revert->uuid) != NULL || vp_store_lookup (self, revert->uuid) != NULL)
    return set_changed_error (error, _ ("A record it removed is in the plan again."));
  record = vp_record_copy (revert->before);
  if (!vp_store_insert (self, record,
                        keep_stamps ? VP_STORE_WRITE_KEEP_STAMPS : VP_STORE_WRITE_DEFAULT, error))
    return FALSE;
  /* The transaction holds it until the commit hands it to the store. */
  g_hash_table_insert (live, g_strdup (revert->uuid), record);
  return TRUE;
}

static gboolean
revert_step (VpStore *self, VpUndoStep *step, GError **error)
{
  g_autoptr (GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = step->reverts->len; i > 0; i--)
    {
      Revert *revert = &g_array_index (step->reverts, Revert, i - 1);
      gboolean ok = FALSE;

      switch (revert->kind)
        {
        case REVERT_REMOVE:
          ok = revert_remove (self, live, revert, error);
          break;
        case REVERT_RESTORE:
          ok = revert_restore (self, live, revert, error);
          break;
        case REVERT_READD:
          ok = revert_readd (self, live, revert, error);
          break;
        case REVERT_BOOK:
          ok = vp_store_revert_book (self, revert->book, error);
          break;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* A rule of the plan that the undo breaks means the plan changed since the
 * step (in a way the stack does not know of); other failures (busy, a
 * full disk) keep the store's own message, which says what to do. */
static gboolean
explain_failure (VpUndoStep *step, GError *cause, GError **error)
{
  if (!g_error_matches (cause, VP_STORE_ERROR, VP_STORE_ERROR_INVALID))
    {
      g_propagate_error (error, cause);
      return FALSE;
    }
  if (step->label != NULL)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 /* Translators: the first %s is the change, such as “Delete action”; the
                  * second says what is in the way */
                 _ ("“%s” cannot be undone because the plan has changed since. %s"), step->label,
                 cause->message);
  else
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 /* Translators: %s says what is in the way */
                 _ ("The last change cannot be undone because the plan has changed since. %s"),
                 cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
changes_records (VpUndoStep *step)
{
  for (guint i = 0; i < step->reverts->len; i++)
    {
      if (g_array_index (step->reverts, Revert, i).kind != REVERT_BOOK)
        return TRUE;
    }
  return FALSE;
}

/* An import that changed nothing is no step of its own, but what it
 * noted (the line in the import log, the versions seen, the deletions
 * passed on) was judged against the plan as the step before left it: the
 * file had nothing new *then*. Its bookkeeping joins that step, so that
 * undoing it undoes this too, and the file counts as news again.
 * Otherwise the line would stay, and the file, or one older of the same
 * partner, would be refused as imported already while what it brings is
 * no longer here. With no step before, nothing can be undone below it,
 * and it stays. */
static void
join_top_step (VpStore *self, VpUndoStep *step)
{
  VpUndoStep *top;

  if (!vp_store_can_undo (self))
    {
      free_undo_step (step);
      return;
    }
  top = g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1);
  for (guint i = 0; i < step->reverts->len; i++)
    {
      Revert *revert = &g_array_index (step->reverts, Revert, i);

      g_array_append_val (top->reverts, *revert);
    }
  /* the reverts moved: the step lets go of them without clearing */
  g_array_set_clear_func (step->reverts, NULL);
  free_undo_step (step);
}

/* Private API, see vp-store-private.h. */

/**
 * vp_undo_step_new:
 *
 * Returns: (transfer full): an empty step, for vp_undo_step_add()
 */
VpUndoStep *
vp_undo_step_new (void)
{
  VpUndoStep *step = g_new0 (VpUndoStep, 1);

  step->reverts = g_array_new (FALSE, FALSE, sizeof (Revert));
  g_array_set_clear_func (step->reverts, (GDestroyNotify) clear_revert);
  return step;
}

/**
 * vp_undo_step_add:
 * @record: the record of a committed write, its object not yet changed
 * @book: (transfer full) (nullable): the bookkeeping row of an OP_BOOK
 *
 * Adds to @step what it takes to reverse the write.
 */
void
vp_undo_step_add (VpStore *self, VpUndoStep *step, OpKind kind, VpRecord *record, BookOp *book)
{
  switch (kind)
    {
    case OP_BOOK:
      {
        Revert revert = { REVERT_BOOK, NULL, NULL, FALSE, book };

        g_array_append_val (step->reverts, revert);
      }
      break;
    case OP_INSERT:
      add_revert (step, REVERT_REMOVE, record, FALSE);
      break;
    case OP_UPDATE:
      add_revert (step, REVERT_RESTORE, record, keeps_stamps (self, record));
      break;
    case OP_DELETE:
      add_delete_reverts (self, step, record);
      break;
    }
}

/**
 * vp_store_push_undo_step:
 * @step: (transfer full): the step of the transaction just committed
 *
 * Puts @step on the stack, labelled with vp_store_set_undo_label(); a
 * step that reverses nothing is dropped.
 */
void
vp_store_push_undo_step (VpStore *self, VpUndoStep *step)
{
  gboolean was_empty = !vp_store_can_undo (self);

  /* An undo's own step is the redo: a redo stack would keep it. */
  if (self->undoing)
    {
      free_undo_step (step);
      return;
    }
  step->label = g_steal_pointer (&self->undo_label);
  step->exact = self->undo_exact;
  self->undo_exact = FALSE;
  /* bookkeeping alone (an export, an import that changed nothing) is no
   * change people undo */
  if (!changes_records (step))
    {
      if (step->reverts->len > 0)
        self->last_change_undoable = FALSE;
      join_top_step (self, step);
      return;
    }
  self->last_change_undoable = TRUE;
  if (self->undo_steps == NULL)
    self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) free_undo_step);
  g_ptr_array_add (self->undo_steps, step);
  if (self->undo_steps->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo_steps, 0);
  if (was_empty)
    vp_store_notify_can_undo (self);
}

/**
 * vp_store_forget_undo_label:
 *
 * For vp_store_rollback(): the label was for the change that failed.
 */
void
vp_store_forget_undo_label (VpStore *self)
{
  if (!self->undoing)
    {
      g_clear_pointer (&self->undo_label, g_free);
      self->undo_exact = FALSE;
    }
}

void
vp_store_finalize_undo (VpStore *self)
{
  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
}

/* Public API */

/**
 * vp_store_can_undo:
 *
 * Returns: whether vp_store_undo() has a step to undo (property
 *   "can-undo")
 */
gboolean
vp_store_can_undo (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  return self->undo_steps != NULL && self->undo_steps->len > 0;
}

/**
 * vp_store_undo:
 *
 * Undoes the newest change (transaction) that is not undone yet, in one
 * transaction. On failure nothing changed, in the database or the
 * objects, and the change stays on the stack. The stack lives as long as
 * the store: the last 100 changes since it was opened.
 *
 * Returns: %TRUE if the change was undone
 */
gboolean
vp_store_undo (VpStore *self, GError **error)
{
  g_autoptr (GError) cause = NULL;
  VpUndoStep *step;
  gboolean ok;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->undoing, FALSE);

  if (!vp_store_can_undo (self))
    return set_changed_error (error, _ ("There is nothing to undo."));
  step = g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1);

  self->undoing = TRUE;
  self->undoing_exact = step->exact;
  ok = vp_store_begin (self, &cause) && revert_step (self, step, &cause);
  if (ok)
    ok = vp_store_commit (self, &cause);
  else if (self->in_transaction)
    vp_store_rollback (self);
  self->undoing = FALSE;
  self->undoing_exact = FALSE;
  if (!ok)
    return explain_failure (step, g_steal_pointer (&cause), error);

  g_ptr_array_remove_index (self->undo_steps, self->undo_steps->len - 1);
  self->last_change_undoable = FALSE;
  if (self->undo_steps->len == 0)
    vp_store_notify_can_undo (self);
  return TRUE;
}

/**
 * vp_store_last_change_can_undo:
 *
 * For a toast that confirms a change and offers to undo it: whether the
 * change committed last is the one vp_store_undo() would undo. Not after
 * an import that changed nothing (it made no step: Undo would take back
 * the change before it), nor after an undo. Writing down what an export
 * sent is no change and leaves the answer as it was.
 *
 * Returns: whether to offer Undo for the last change
 */
gboolean
vp_store_last_change_can_undo (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  return self->last_change_undoable && vp_store_can_undo (self);
}

/**
 * vp_store_set_undo_label:
 * @label: (nullable): what the next change does, for people: "Delete
 *   action"
 *
 * Labels the step the next committed change becomes. Set it right before
 * the change: the next commit or rollback uses it up, even one that
 * changed nothing.
 */
void
vp_store_set_undo_label (VpStore *self, const char *label)
{
  char *old;

  g_return_if_fail (VP_IS_STORE (self));
  /* @label may be the current one */
  old = self->undo_label;
  self->undo_label = g_strdup (label);
  g_free (old);
}

/**
 * vp_store_get_undo_label:
 *
 * Returns: (nullable): the label of the change vp_store_undo() would undo,
 *   %NULL if there is none or it has no label
 */
const char *
vp_store_get_undo_label (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  if (!vp_store_can_undo (self))
    return NULL;
  return ((VpUndoStep *) g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1))->label;
}

/**
 * vp_store_set_undo_exact:
 *
 * Makes the next committed change (an import) one that is undone exactly:
 * with the stamps its records had, without tombstones for what it added,
 * and with its bookkeeping. Like the label, the next commit or rollback
 * uses it up.
 */
void
vp_store_set_undo_exact (VpStore *self)
{
  g_return_if_fail (VP_IS_STORE (self));
  self->undo_exact = TRUE;
}

/**
 * vp_store_set_keeps_undo:
 * @keeps_undo: whether committed changes go on the undo stack (they do
 *   unless told otherwise)
 *
 * A program that makes its changes and quits (the command line) has
 * nobody to undo them: without the stack, an import keeps no second copy
 * of every record it wrote. Turning it off empties the stack: a step on
 * it would later be undone on a state it did not leave.
 */
void
vp_store_set_keeps_undo (VpStore *self, gboolean keeps_undo)
{
  gboolean could_undo;

  g_return_if_fail (VP_IS_STORE (self));
  g_return_if_fail (!self->in_transaction && !self->undoing);
  self->no_undo = !keeps_undo;
  if (keeps_undo)
    return;
  could_undo = vp_store_can_undo (self);
  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  self->last_change_undoable = FALSE;
  if (could_undo)
    vp_store_notify_can_undo (self);
}
