/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-definition-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-definition-editor.h"

/*
 * Creates and edits a term of the plan's definitions appendix: the term,
 * the section of the appendix it is in, and what it means. The appendix
 * is the coalition's: a new term is joint, and goes to the end.
 */

struct _VpDefinitionEditor
{
  VpRecordEditor parent_instance;

  /* template widgets */
  AdwEntryRow *term_row;
  AdwEntryRow *section_row;
  GtkWidget *term_error;
  GtkTextBuffer *text_buffer;

  gboolean term_edited;
};

G_DEFINE_FINAL_TYPE (VpDefinitionEditor, vp_definition_editor, VP_TYPE_RECORD_EDITOR)

static const VpRecordEditorTexts texts = {
  .new_title = N_ ("New Definition"),
  .edit_title = N_ ("Edit Definition"),
  .delete_button = N_ ("_Delete Definition"),
  .added = N_ ("Definition added"),
  .saved = N_ ("Definition saved"),
  .deleted = N_ ("Definition deleted"),
  /* Translators: what Undo undoes */
  .add_undo = N_ ("Add definition"),
  /* Translators: what Undo undoes; also the tooltip of a definition's edit button */
  .edit_undo = N_ ("Edit definition"),
  /* Translators: what Undo undoes */
  .delete_undo = N_ ("Delete definition"),
  .not_saved = N_ ("The definition was not saved"),
  .not_deleted = N_ ("The definition was not deleted"),
  .gone = N_ ("This definition is no longer in the plan: it was deleted in the meantime."),
};

static VpRecord *
edited (VpDefinitionEditor *self)
{
  return vp_record_editor_get_record (VP_RECORD_EDITOR (self));
}

static void
vp_definition_editor_load (VpRecordEditor *editor)
{
  VpDefinitionEditor *self = VP_DEFINITION_EDITOR (editor);
  VpRecord *definition = edited (self);

  if (definition == NULL)
    return;
  vp_record_editor_show_text (self->term_row, vp_record_get_string (definition, "term"));
  vp_record_editor_show_text (self->section_row, vp_record_get_string (definition, "section"));
  vp_record_editor_show_text (self->text_buffer, vp_record_get_string (definition, "text"));
  self->term_edited = FALSE;
}

static gboolean
vp_definition_editor_validate (VpRecordEditor *editor)
{
  VpDefinitionEditor *self = VP_DEFINITION_EDITOR (editor);
  g_autofree char *term = vp_record_editor_dup_text (self->term_row);
  gboolean has_term = *term != '\0';

  vp_record_editor_show_fault (GTK_WIDGET (self->term_row), self->term_error,
                               has_term || !self->term_edited ? NULL : _ ("Enter the term."));
  return has_term;
}

static VpRecord *
vp_definition_editor_build_draft (VpRecordEditor *editor)
{
  VpDefinitionEditor *self = VP_DEFINITION_EDITOR (editor);
  const char *plan = vp_record_get_uuid (VP_RECORD (vp_record_editor_get_plan (editor)));
  g_autofree char *term = vp_record_editor_dup_text (self->term_row);
  g_autofree char *section = vp_record_editor_dup_text (self->section_row);
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->text_buffer);
  VpRecord *draft;

  if (edited (self) != NULL)
    draft = vp_record_copy (edited (self));
  else
    draft = g_object_new (VP_TYPE_DEFINITION, "plan", plan, "position",
                          vp_record_editor_next_position (editor, VP_TYPE_DEFINITION, plan), NULL);
  vp_record_editor_set_text_field (draft, "term", term);
  vp_record_editor_set_text_field (draft, "section", section);
  vp_record_editor_set_text_field (draft, "text", text);
  return draft;
}

static void
on_term_changed_cb (VpDefinitionEditor *self)
{
  self->term_edited = TRUE;
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
vp_definition_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VP_TYPE_DEFINITION_EDITOR);

  G_OBJECT_CLASS (vp_definition_editor_parent_class)->dispose (object);
}

static void
vp_definition_editor_class_init (VpDefinitionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpRecordEditorClass *editor_class = VP_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = vp_definition_editor_dispose;
  editor_class->texts = &texts;
  editor_class->load = vp_definition_editor_load;
  editor_class->validate = vp_definition_editor_validate;
  editor_class->build_draft = vp_definition_editor_build_draft;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-definition-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpDefinitionEditor, term_row);
  gtk_widget_class_bind_template_child (widget_class, VpDefinitionEditor, section_row);
  gtk_widget_class_bind_template_child (widget_class, VpDefinitionEditor, term_error);
  gtk_widget_class_bind_template_child (widget_class, VpDefinitionEditor, text_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_term_changed_cb);
}

static void
vp_definition_editor_init (VpDefinitionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_definition_editor_new:
 * @parent: the window the editor belongs to
 * @store: the plan database
 * @plan: the plan the definition belongs to
 * @definition: (nullable): the definition to edit, %NULL for a new one
 * @section: (nullable): the section a new definition starts in
 *
 * Returns: (transfer none): a new modal editor over @parent
 */
GtkWidget *
vp_definition_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpDefinition *definition, const char *section)
{
  VpDefinitionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (definition == NULL || VP_IS_DEFINITION (definition), NULL);

  self = g_object_new (VP_TYPE_DEFINITION_EDITOR, "transient-for", parent, "store", store, "plan",
                       plan, "record", definition, NULL);
  if (definition == NULL && section != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->section_row), section);
  return GTK_WIDGET (self);
}
