/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-ownership.h"
#include "vp-accessible.h"
#include "vp-combo-row.h"
#include "vp-record-editor.h"

/*
 * The base of the editors of a plan's records (priority, sub-theme, goal,
 * definition): a modal window with Cancel and Save, the form, Delete, and
 * a message where a save fails. A subclass's template adds its groups of
 * fields (they go into the page, before Delete); the subclass shows the
 * record, checks the input as it is typed, and builds the changed record.
 * This class writes it in one transaction labelled for undo, and says
 * what was done with the "done" signal, for the main window's toast.
 *
 * A partner's local record is read-only: only its owner changes it, by
 * import (vp_record_editor_can_edit()).
 */

typedef struct
{
  /* template widgets */
  GtkWidget *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_title;
  GtkLabel *error_label;
  AdwPreferencesPage *page;
  GtkWidget *delete_group;
  GtkButton *delete_button;
  GtkLabel *delete_note;

  /* owned */
  VpStore *store;
  VpPlan *plan;
  /* NULL for a new record */
  VpRecord *record;
  /* the priority a sub-theme or goal belongs to */
  VpPriority *priority;

  /* set once the form shows the record: later changes are the user's */
  gboolean loaded;
  /* a read-only record whose form keeps a part to save */
  gboolean saves_read_only;
} VpRecordEditorPrivate;

static void vp_record_editor_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (VpRecordEditor,
                                  vp_record_editor,
                                  ADW_TYPE_WINDOW,
                                  G_ADD_PRIVATE (VpRecordEditor)
                                    G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                           vp_record_editor_buildable_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  PROP_RECORD,
  PROP_PRIORITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkBuildableIface *parent_buildable_iface;

static const VpRecordEditorTexts *
get_texts (VpRecordEditor *self)
{
  return VP_RECORD_EDITOR_GET_CLASS (self)->texts;
}

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Whether two texts differ only in leading and trailing white space, so
 * that an untouched field never counts as a change. */
static gboolean
same_text (const char *stored, const char *shown)
{
  g_autofree char *a = dup_stripped (stored);
  g_autofree char *b = dup_stripped (shown);

  return g_str_equal (a, b);
}

static gboolean
is_editable (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  return priv->record == NULL || vp_record_editor_can_edit (priv->store, priv->record);
}

static void
update_actions (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  gboolean editable = is_editable (self);
  gboolean valid = VP_RECORD_EDITOR_GET_CLASS (self)->validate (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 (editable || priv->saves_read_only) && valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 editable && priv->record != NULL);
}

static gboolean
is_in_store (VpStore *store, gpointer record)
{
  return record == NULL || vp_store_lookup (store, vp_record_get_uuid (record)) == record;
}

/* Things that changed behind the editor's back, said in the plan's words
 * rather than the database's. */
static gboolean
vp_record_editor_real_check_still_there (VpRecordEditor *self, VpRecord *draft, GError **error)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  if (!is_in_store (priv->store, priv->record))
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _ (get_texts (self)->gone));
      return FALSE;
    }
  if (!is_in_store (priv->store, priv->priority))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("The priority “%s” is no longer in the plan: it was deleted in the "
                      "meantime."),
                   vp_priority_get_title (priv->priority));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_still_there (VpRecordEditor *self, VpRecord *draft, GError **error)
{
  return VP_RECORD_EDITOR_GET_CLASS (self)->check_still_there (self, draft, error);
}

/* An undo label of the texts, or NULL for the store's own. */
static const char *
undo_label (const char *label)
{
  return label != NULL ? _ (label) : NULL;
}

static gboolean
write_record (VpRecordEditor *self, VpRecord *draft, GError **error)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  VpRecordEditorClass *klass = VP_RECORD_EDITOR_GET_CLASS (self);
  gboolean ok;

  if (priv->record == NULL)
    ok = vp_store_insert (priv->store, draft, VP_STORE_WRITE_DEFAULT, error);
  else
    ok = vp_store_replace (priv->store, priv->record, draft, VP_STORE_WRITE_DEFAULT, error);
  return ok && (klass->write_more == NULL || klass->write_more (self, draft, error));
}

typedef struct
{
  VpRecordEditor *self;
  VpRecord *draft;
} Save;

static gboolean
save_edit (VpStore *store, gpointer data, GError **error)
{
  Save *save = data;

  return write_record (save->self, save->draft, error);
}

/* Everything in one transaction, one step to undo: on any failure
 * nothing is written. */
static gboolean
write_changes (VpRecordEditor *self, VpRecord *draft, GError **error)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  const VpRecordEditorTexts *texts = get_texts (self);
  Save save = { self, draft };

  return check_still_there (self, draft, error)
         && vp_store_run (priv->store,
                          undo_label (priv->record == NULL ? texts->add_undo : texts->edit_undo),
                          save_edit, &save, error);
}

static gboolean
delete_edit (VpStore *store, gpointer record, GError **error)
{
  return vp_store_delete (store, record, error);
}

static gboolean
delete_record (VpRecordEditor *self, GError **error)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  return check_still_there (self, NULL, error)
         && vp_store_run (priv->store, undo_label (get_texts (self)->delete_undo), delete_edit,
                          priv->record, error);
}

static void
show_error (VpRecordEditor *self, const char *heading, const GError *error)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  gtk_label_set_text (priv->error_title, heading);
  gtk_label_set_text (priv->error_label, error->message);
  gtk_revealer_set_reveal_child (priv->error_revealer, TRUE);
}

static void
finish (VpRecordEditor *self, const char *message)
{
  g_object_ref (self);
  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
has_more_changes (VpRecordEditor *self)
{
  VpRecordEditorClass *klass = VP_RECORD_EDITOR_GET_CLASS (self);

  return klass->has_more_changes != NULL && klass->has_more_changes (self);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (widget);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  const VpRecordEditorTexts *texts = get_texts (self);
  gboolean is_new = priv->record == NULL;
  g_autoptr (VpRecord) draft = NULL;
  g_autoptr (GError) error = NULL;

  /* The plan may have changed since the last key press (an import). */
  if (!VP_RECORD_EDITOR_GET_CLASS (self)->validate (self))
    {
      update_actions (self);
      return;
    }
  draft = VP_RECORD_EDITOR_GET_CLASS (self)->build_draft (self);
  if (!is_new && vp_record_fields_equal (priv->record, draft) && !has_more_changes (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!write_changes (self, draft, &error))
    {
      show_error (self, _ (texts->not_saved), error);
      return;
    }
  finish (self, _ (is_new ? texts->added : texts->saved));
}

/* No confirmation: the main window offers undo. */
static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (widget);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  g_autoptr (GError) error = NULL;

  g_return_if_fail (priv->record != NULL);

  if (!delete_record (self, &error))
    {
      show_error (self, _ (get_texts (self)->not_deleted), error);
      return;
    }
  finish (self, _ (get_texts (self)->deleted));
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_dismiss_clicked_cb (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  gtk_revealer_set_reveal_child (priv->error_revealer, FALSE);
}

/* Row items are plain text, never markup: item labels are made here. */

/* A subclass's <child> AdwPreferencesGroup goes into the page. */
static void
vp_record_editor_buildable_add_child (GtkBuildable *buildable,
                                      GtkBuilder *builder,
                                      GObject *child,
                                      const char *type)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (buildable);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  if (priv->page != NULL && ADW_IS_PREFERENCES_GROUP (child))
    adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
vp_record_editor_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = vp_record_editor_buildable_add_child;
}

/* An edited sub-theme or goal belongs to the priority it names. */
static void
find_priority (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  VpRecord *parent;

  if (priv->priority != NULL || priv->record == NULL)
    return;
  parent = vp_store_lookup (priv->store, vp_record_get_parent_uuid (priv->record));
  if (VP_IS_PRIORITY (parent))
    priv->priority = g_object_ref (VP_PRIORITY (parent));
}

static void
show_frame (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  const VpRecordEditorTexts *texts = get_texts (self);
  gboolean editable = is_editable (self);

  /* Delete comes last, after the subclass's groups. */
  g_object_ref (priv->delete_group);
  adw_preferences_page_remove (priv->page, ADW_PREFERENCES_GROUP (priv->delete_group));
  adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (priv->delete_group));
  g_object_unref (priv->delete_group);

  gtk_window_set_title (GTK_WINDOW (self),
                        _ (priv->record != NULL ? texts->edit_title : texts->new_title));
  gtk_button_set_label (priv->delete_button, _ (texts->delete_button));
  if (texts->delete_note != NULL)
    gtk_label_set_text (priv->delete_note, _ (texts->delete_note));
  gtk_widget_set_visible (GTK_WIDGET (priv->delete_note), texts->delete_note != NULL);
  gtk_widget_set_visible (priv->delete_group, priv->record != NULL && editable);
  if (!editable)
    priv->saves_read_only = VP_RECORD_EDITOR_GET_CLASS (self)->show_read_only (self);
}

static gboolean
vp_record_editor_real_show_read_only (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  gtk_widget_set_sensitive (GTK_WIDGET (priv->page), FALSE);
  return FALSE;
}

static void
vp_record_editor_constructed (GObject *object)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (object);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  G_OBJECT_CLASS (vp_record_editor_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (priv->store) && VP_IS_PLAN (priv->plan));
  g_assert (VP_RECORD_EDITOR_GET_CLASS (self)->texts != NULL);

  find_priority (self);
  show_frame (self);
  VP_RECORD_EDITOR_GET_CLASS (self)->load (self);
  priv->loaded = TRUE;
  update_actions (self);
}

static void
vp_record_editor_dispose (GObject *object)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (object);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  priv->loaded = FALSE;
  /* Not gtk_widget_dispose_template(): on GTK 4.8 it walks the template
   * of the instance's own class (the subclass's), whatever type it is
   * given, and fails on ours. Our children go with the window, and the
   * references the template keeps with the instance. */
  g_clear_object (&priv->store);
  g_clear_object (&priv->plan);
  g_clear_object (&priv->record);
  g_clear_object (&priv->priority);

  G_OBJECT_CLASS (vp_record_editor_parent_class)->dispose (object);
}

static void
vp_record_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (object);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_PLAN:
      g_value_set_object (value, priv->plan);
      break;
    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;
    case PROP_PRIORITY:
      g_value_set_object (value, priv->priority);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_record_editor_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  VpRecordEditor *self = VP_RECORD_EDITOR (object);
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      priv->plan = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;
    case PROP_PRIORITY:
      priv->priority = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, VP_TYPE_PLAN, flags);
  /* the record to edit, NULL for a new one */
  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, VP_TYPE_RECORD, flags);
  /* the priority a new sub-theme or goal belongs to */
  properties[PROP_PRIORITY] = g_param_spec_object ("priority", NULL, NULL, VP_TYPE_PRIORITY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-record-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, error_title);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, page);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, delete_group);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, delete_button);
  gtk_widget_class_bind_template_child_private (widget_class, VpRecordEditor, delete_note);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked_cb);
}

static void
vp_record_editor_class_init (VpRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* a screen reader announces it as a dialog, not a filler */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  vp_accessible_watch ();
  object_class->constructed = vp_record_editor_constructed;
  object_class->dispose = vp_record_editor_dispose;
  object_class->get_property = vp_record_editor_get_property;
  object_class->set_property = vp_record_editor_set_property;
  install_properties (object_class);
  klass->check_still_there = vp_record_editor_real_check_still_there;
  klass->show_read_only = vp_record_editor_real_show_read_only;

  /**
   * VpRecordEditor::done:
   * @message: what was done, for a toast: "Priority saved"
   *
   * Emitted after a save or a delete, before the editor closes.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
vp_record_editor_init (VpRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VpStore *
vp_record_editor_get_store (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD_EDITOR (self), NULL);
  return priv->store;
}

VpPlan *
vp_record_editor_get_plan (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD_EDITOR (self), NULL);
  return priv->plan;
}

/**
 * vp_record_editor_get_record:
 *
 * Returns: (transfer none) (nullable): the record edited, %NULL for a new one
 */
VpRecord *
vp_record_editor_get_record (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD_EDITOR (self), NULL);
  return priv->record;
}

/**
 * vp_record_editor_get_priority:
 *
 * Returns: (transfer none) (nullable): the priority of the sub-theme or
 *   goal edited
 */
VpPriority *
vp_record_editor_get_priority (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD_EDITOR (self), NULL);
  return priv->priority;
}

/**
 * vp_record_editor_changed:
 *
 * For a subclass, when a field changed: checks the form again and enables
 * Save accordingly. Changes while the form is filled do not count.
 */
void
vp_record_editor_changed (VpRecordEditor *self)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);

  g_return_if_fail (VP_IS_RECORD_EDITOR (self));
  if (priv->loaded)
    update_actions (self);
}

/**
 * vp_record_editor_show_fault:
 * @field: the widget the fault is in
 * @label: the label below it that says what is wrong
 * @message: (nullable): the fault, %NULL for none
 */
void
vp_record_editor_show_fault (GtkWidget *field, GtkWidget *label, const char *message)
{
  gboolean fault = message != NULL;

  if (fault)
    gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, fault);
  if (fault)
    gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
  /* A text view would show its text in red; the label says enough. */
  if (!ADW_IS_ENTRY_ROW (field))
    return;
  if (fault)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/**
 * vp_record_editor_dup_text:
 * @editable: a #GtkEditable
 *
 * Returns: (transfer full): its text without leading and trailing space
 */
char *
vp_record_editor_dup_text (gpointer editable)
{
  return dup_stripped (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

/**
 * vp_record_editor_dup_buffer_text:
 *
 * Returns: (transfer full): the text of @buffer without leading and
 *   trailing space
 */
char *
vp_record_editor_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return dup_stripped (text);
}

/**
 * vp_record_editor_show_text:
 * @editable: a #GtkEditable or a #GtkTextBuffer
 * @text: (nullable): the text to show
 */
void
vp_record_editor_show_text (gpointer editable, const char *text)
{
  if (GTK_IS_TEXT_BUFFER (editable))
    gtk_text_buffer_set_text (editable, text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/**
 * vp_record_editor_set_text_field:
 *
 * Sets a text field of @draft, unless it differs only in white space.
 */
void
vp_record_editor_set_text_field (VpRecord *draft, const char *field, const char *text)
{
  if (!same_text (vp_record_get_string (draft, field), text))
    g_object_set (draft, field, text, NULL);
}

/**
 * vp_record_editor_describe_priority:
 * @group: a group of the form
 *
 * Names the priority of the sub-theme or goal below @group's title.
 */
void
vp_record_editor_describe_priority (VpRecordEditor *self, AdwPreferencesGroup *group)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (VP_IS_RECORD_EDITOR (self));
  if (priv->priority == NULL)
    return;
  label = g_strdup_printf ("%d. %s", vp_priority_get_number (priv->priority),
                           vp_priority_get_title (priv->priority));
  /* Group descriptions are markup. */
  escaped = g_markup_escape_text (label, -1);
  adw_preferences_group_set_description (group, escaped);
}

/**
 * vp_record_editor_next_position:
 * @record_type: a record type with a "position" field
 * @parent: the UUID of the records' parent
 *
 * Returns: 1 + the highest position among @parent's records of
 *   @record_type, the record edited aside: the end of the list
 */
int
vp_record_editor_next_position (VpRecordEditor *self, GType record_type, const char *parent)
{
  VpRecordEditorPrivate *priv = vp_record_editor_get_instance_private (self);
  GListModel *all = vp_store_get_records (priv->store, record_type);
  int highest = -1;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (all, i);

      if (record != priv->record && g_strcmp0 (vp_record_get_parent_uuid (record), parent) == 0)
        highest = MAX (highest, vp_record_get_int (record, "position"));
    }
  return highest + 1;
}

/**
 * vp_record_editor_can_edit:
 *
 * Returns: whether this database changes @record: joint records and the
 *   home municipality's own do; a partner's local records change only by
 *   import from their owner. Nothing of a closed plan changes until it is
 *   reopened; a plan itself, see vp_plan_rules_may_edit_plan().
 */
gboolean
vp_record_editor_can_edit (VpStore *store, VpRecord *record)
{
  VpPlan *plan;

  g_return_val_if_fail (VP_IS_STORE (store), FALSE);
  g_return_val_if_fail (VP_IS_RECORD (record), FALSE);

  plan = vp_store_lookup_plan_of (store, record);
  return vp_ownership_may_edit_here (record, plan, vp_store_get_home_municipality (store));
}
