/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-subtheme-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-subtheme-editor.h"

/*
 * Creates and edits a sub-theme of a priority: its letter (A–Z, unique
 * within the priority), title and ambition. A sub-theme belongs to whom
 * its priority belongs to. Deleting one leaves its goals and actions in
 * the priority, without a sub-theme.
 */

struct _VpSubthemeEditor
{
  VpRecordEditor parent_instance;

  /* template widgets */
  AdwPreferencesGroup *subtheme_group;
  AdwEntryRow *letter_row;
  AdwEntryRow *title_row;
  GtkWidget *letter_error;
  GtkWidget *title_error;
  GtkTextBuffer *ambition_buffer;

  gboolean title_edited;
};

G_DEFINE_FINAL_TYPE (VpSubthemeEditor, vp_subtheme_editor, VP_TYPE_RECORD_EDITOR)

static const VpRecordEditorTexts texts = {
  .new_title = N_ ("New Sub-theme"),
  .edit_title = N_ ("Edit Sub-theme"),
  .delete_button = N_ ("_Delete Sub-theme"),
  .delete_note = N_ ("Its goals and actions stay in the priority, without a sub-theme."),
  .added = N_ ("Sub-theme added"),
  .saved = N_ ("Sub-theme saved"),
  .deleted = N_ ("Sub-theme deleted"),
  /* Translators: what Undo undoes */
  .add_undo = N_ ("Add sub-theme"),
  /* Translators: what Undo undoes; also the tooltip of a sub-theme's edit button */
  .edit_undo = N_ ("Edit sub-theme"),
  /* Translators: what Undo undoes */
  .delete_undo = N_ ("Delete sub-theme"),
  .not_saved = N_ ("The sub-theme was not saved"),
  .not_deleted = N_ ("The sub-theme was not deleted"),
  .gone = N_ ("This sub-theme is no longer in the plan: it was deleted in the meantime."),
};

static VpRecord *
edited (VpSubthemeEditor *self)
{
  return vp_record_editor_get_record (VP_RECORD_EDITOR (self));
}

static VpPriority *
get_priority (VpSubthemeEditor *self)
{
  return vp_record_editor_get_priority (VP_RECORD_EDITOR (self));
}

/* The priority's other sub-theme with @letter, if any. */
static VpSubtheme *
find_lettered (VpSubthemeEditor *self, const char *letter)
{
  GListModel *all
    = vp_store_get_records (vp_record_editor_get_store (VP_RECORD_EDITOR (self)), VP_TYPE_SUBTHEME);
  const char *priority = vp_record_get_uuid (VP_RECORD (get_priority (self)));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (all, i);

      if (VP_RECORD (subtheme) != edited (self)
          && g_strcmp0 (vp_subtheme_get_priority (subtheme), priority) == 0
          && g_strcmp0 (vp_subtheme_get_letter (subtheme), letter) == 0)
        return subtheme;
    }
  return NULL;
}

/* NULL when the letter is fine, else what is wrong with it. @letter gets
 * it in capitals. */
static char *
check_letter (VpSubthemeEditor *self, char letter[2])
{
  g_autofree char *text = vp_record_editor_dup_text (self->letter_row);
  VpSubtheme *other;

  letter[0] = '\0';
  if (strlen (text) != 1 || !g_ascii_isalpha (text[0]))
    return g_strdup (_ ("Enter one letter, A to Z."));
  letter[0] = g_ascii_toupper (text[0]);
  letter[1] = '\0';
  other = find_lettered (self, letter);
  if (other == NULL)
    return NULL;
  /* Translators: %s is a sub-theme's letter, the second %s the title of
   * the sub-theme that has that letter already */
  return g_strdup_printf (_ ("Letter %s is already taken by “%s”."), letter,
                          vp_subtheme_get_title (other));
}

/* A new sub-theme gets the first letter free. */
static void
load_new (VpSubthemeEditor *self)
{
  char letter[2] = { 'A', '\0' };

  for (; letter[0] <= 'Z'; letter[0]++)
    {
      if (find_lettered (self, letter) == NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->letter_row), letter);
          return;
        }
    }
}

static void
vp_subtheme_editor_load (VpRecordEditor *editor)
{
  VpSubthemeEditor *self = VP_SUBTHEME_EDITOR (editor);
  VpRecord *subtheme = edited (self);

  vp_record_editor_describe_priority (editor, self->subtheme_group);
  if (subtheme == NULL)
    {
      load_new (self);
      return;
    }
  vp_record_editor_show_text (self->letter_row, vp_record_get_string (subtheme, "letter"));
  vp_record_editor_show_text (self->title_row, vp_record_get_string (subtheme, "title"));
  vp_record_editor_show_text (self->ambition_buffer, vp_record_get_string (subtheme, "ambition"));
  self->title_edited = FALSE;
}

static gboolean
vp_subtheme_editor_validate (VpRecordEditor *editor)
{
  VpSubthemeEditor *self = VP_SUBTHEME_EDITOR (editor);
  char letter[2];
  g_autofree char *letter_fault = check_letter (self, letter);
  g_autofree char *title = vp_record_editor_dup_text (self->title_row);
  gboolean has_title = *title != '\0';

  vp_record_editor_show_fault (GTK_WIDGET (self->letter_row), self->letter_error, letter_fault);
  vp_record_editor_show_fault (GTK_WIDGET (self->title_row), self->title_error,
                               has_title || !self->title_edited ? NULL : _ ("Enter a title."));
  return letter_fault == NULL && has_title && get_priority (self) != NULL;
}

static VpRecord *
vp_subtheme_editor_build_draft (VpRecordEditor *editor)
{
  VpSubthemeEditor *self = VP_SUBTHEME_EDITOR (editor);
  VpPriority *priority = get_priority (self);
  char letter[2];
  g_autofree char *title = vp_record_editor_dup_text (self->title_row);
  g_autofree char *ambition = vp_record_editor_dup_buffer_text (self->ambition_buffer);
  VpRecord *draft;

  /* only the letter it reads: the fault was shown as it was typed */
  g_free (check_letter (self, letter));
  if (edited (self) != NULL)
    draft = vp_record_copy (edited (self));
  else
    draft = g_object_new (VP_TYPE_SUBTHEME, "priority", vp_record_get_uuid (VP_RECORD (priority)),
                          "owner", vp_record_get_string (VP_RECORD (priority), "owner"), NULL);
  g_object_set (draft, "letter", letter, NULL);
  vp_record_editor_set_text_field (draft, "title", title);
  vp_record_editor_set_text_field (draft, "ambition", ambition);
  return draft;
}

static void
on_field_changed_cb (VpSubthemeEditor *self)
{
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
on_title_changed_cb (VpSubthemeEditor *self)
{
  self->title_edited = TRUE;
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
vp_subtheme_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VP_TYPE_SUBTHEME_EDITOR);

  G_OBJECT_CLASS (vp_subtheme_editor_parent_class)->dispose (object);
}

static void
vp_subtheme_editor_class_init (VpSubthemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpRecordEditorClass *editor_class = VP_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = vp_subtheme_editor_dispose;
  editor_class->texts = &texts;
  editor_class->load = vp_subtheme_editor_load;
  editor_class->validate = vp_subtheme_editor_validate;
  editor_class->build_draft = vp_subtheme_editor_build_draft;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-subtheme-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, subtheme_group);
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, letter_row);
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, letter_error);
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, VpSubthemeEditor, ambition_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
}

static void
vp_subtheme_editor_init (VpSubthemeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_subtheme_editor_new:
 * @parent: the window the editor belongs to
 * @store: the plan database
 * @plan: the plan
 * @subtheme: (nullable): the sub-theme to edit, %NULL for a new one
 * @priority: (nullable): the priority a new sub-theme belongs to
 *
 * Returns: (transfer none): a new modal editor over @parent
 */
GtkWidget *
vp_subtheme_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpSubtheme *subtheme, VpPriority *priority)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (subtheme == NULL || VP_IS_SUBTHEME (subtheme), NULL);
  g_return_val_if_fail (subtheme != NULL || VP_IS_PRIORITY (priority), NULL);

  return g_object_new (VP_TYPE_SUBTHEME_EDITOR, "transient-for", parent, "store", store, "plan",
                       plan, "record", subtheme, "priority", priority, NULL);
}
