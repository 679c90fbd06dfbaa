/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_RECORD_EDITOR (vp_record_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (VpRecordEditor, vp_record_editor, VP, RECORD_EDITOR, AdwWindow)

/* What an editor says, in the words of its kind of record. Marked with
 * N_() by the subclass, translated where they are shown. */
typedef struct
{
  const char *new_title;     /* window title: "New Priority" */
  const char *edit_title;    /* "Edit Priority" */
  const char *delete_button; /* "_Delete Priority" */
  const char *delete_note;   /* optional: what a delete takes with it */
  const char *added;         /* toasts: "Priority added" */
  const char *saved;
  const char *deleted;
  const char *add_undo; /* undo labels: "Add priority"; NULL: the store's */
  const char *edit_undo;
  const char *delete_undo;
  const char *not_saved; /* error headings: "The priority was not saved" */
  const char *not_deleted;
  const char *gone; /* "This priority is no longer in the plan: …" */
} VpRecordEditorTexts;

struct _VpRecordEditorClass
{
  AdwWindowClass parent_class;

  const VpRecordEditorTexts *texts;

  /* Shows the record in the form, or a new one's defaults. */
  void (*load) (VpRecordEditor *self);
  /* Whether the form can be saved; shows the faults next to the fields. */
  gboolean (*validate) (VpRecordEditor *self);
  /* The record as the form has it: a new one, or a changed copy
   * (vp_record_copy()) of the edited one. */
  VpRecord *(*build_draft) (VpRecordEditor *self);
  /* Optional: more writes in the save's transaction. */
  gboolean (*write_more) (VpRecordEditor *self, VpRecord *draft, GError **error);
  /* Optional: whether the form changed something besides the record's
   * fields (the action's progress), so that a save is no close. */
  gboolean (*has_more_changes) (VpRecordEditor *self);
  /* Whether what the form refers to is still in the plan: the record,
   * and with a @draft to save (NULL for a delete) what it belongs to.
   * The default checks the record and its priority. */
  gboolean (*check_still_there) (VpRecordEditor *self, VpRecord *draft, GError **error);
  /* Makes the form read-only, for a record this database does not change
   * (vp_record_editor_can_edit()). Returns whether a part of the form
   * stays open and can be saved (the home municipality's progress on a
   * partner's action). The default makes the whole page read-only. */
  gboolean (*show_read_only) (VpRecordEditor *self);
};

/* For subclasses. */
VpStore *vp_record_editor_get_store (VpRecordEditor *self);
VpPlan *vp_record_editor_get_plan (VpRecordEditor *self);
VpRecord *vp_record_editor_get_record (VpRecordEditor *self);
VpPriority *vp_record_editor_get_priority (VpRecordEditor *self);
void vp_record_editor_changed (VpRecordEditor *self);
void vp_record_editor_show_fault (GtkWidget *field, GtkWidget *label, const char *message);
char *vp_record_editor_dup_text (gpointer editable);
char *vp_record_editor_dup_buffer_text (GtkTextBuffer *buffer);
void vp_record_editor_show_text (gpointer editable, const char *text);
void vp_record_editor_set_text_field (VpRecord *draft, const char *field, const char *text);
void vp_record_editor_describe_priority (VpRecordEditor *self, AdwPreferencesGroup *group);
int vp_record_editor_next_position (VpRecordEditor *self, GType record_type, const char *parent);

/* For editors and views alike. */
gboolean vp_record_editor_can_edit (VpStore *store, VpRecord *record);

G_END_DECLS
