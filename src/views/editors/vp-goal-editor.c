/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-goal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-goal-editor.h"
#include "vp-combo-row.h"
#include "vp-format.h"

/*
 * Creates and edits a goal of a priority: strategic or for this year,
 * optionally of one of the priority's sub-themes. A new goal goes to the
 * end of its priority's goals and belongs to whom the priority belongs to.
 */

struct _VpGoalEditor
{
  VpRecordEditor parent_instance;

  /* template widgets */
  AdwPreferencesGroup *goal_group;
  GtkTextBuffer *text_buffer;
  GtkWidget *text_view;
  GtkWidget *text_error;
  AdwComboRow *kind_row;
  AdwComboRow *subtheme_row;
  AdwComboRow *assessment_row;
  AdwExpanderRow *actions_row;
  GtkTextBuffer *evaluation_buffer;

  /* what subtheme_row lists after "None": the priority's VpSubtheme */
  GPtrArray *subthemes;
  /* a GtkCheckButton per action of the priority, its UUID as "vp-uuid" */
  GPtrArray *action_checks;
  gboolean text_edited;
};

G_DEFINE_FINAL_TYPE (VpGoalEditor, vp_goal_editor, VP_TYPE_RECORD_EDITOR)

static const VpRecordEditorTexts texts = {
  .new_title = N_ ("New Goal"),
  .edit_title = N_ ("Edit Goal"),
  .delete_button = N_ ("_Delete Goal"),
  .added = N_ ("Goal added"),
  .saved = N_ ("Goal saved"),
  .deleted = N_ ("Goal deleted"),
  /* Translators: what Undo undoes */
  .add_undo = N_ ("Add goal"),
  /* Translators: what Undo undoes; also the tooltip of a goal's edit button */
  .edit_undo = N_ ("Edit goal"),
  /* Translators: what Undo undoes */
  .delete_undo = N_ ("Delete goal"),
  .not_saved = N_ ("The goal was not saved"),
  .not_deleted = N_ ("The goal was not deleted"),
  .gone = N_ ("This goal is no longer in the plan: it was deleted in the meantime."),
};

static VpRecord *
edited (VpGoalEditor *self)
{
  return vp_record_editor_get_record (VP_RECORD_EDITOR (self));
}

static VpPriority *
get_priority (VpGoalEditor *self)
{
  return vp_record_editor_get_priority (VP_RECORD_EDITOR (self));
}

static void
load_kinds (VpGoalEditor *self)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_GOAL_KIND, VP_GOAL_KIND_STRATEGIC));
  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_GOAL_KIND, VP_GOAL_KIND_YEAR));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (choices));
  g_object_unref (choices);
}

/* The priority's sub-themes, after "None". */
static void
load_subthemes (VpGoalEditor *self)
{
  VpPriority *priority = get_priority (self);
  GListModel *all
    = vp_store_get_records (vp_record_editor_get_store (VP_RECORD_EDITOR (self)), VP_TYPE_SUBTHEME);
  /* Translators: the choice of no sub-theme for a goal */
  const char *const none[] = { _ ("None"), NULL };
  GtkStringList *choices = gtk_string_list_new (none);

  for (guint i = 0; priority != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (all, i);
      g_autofree char *label = NULL;

      if (g_strcmp0 (vp_subtheme_get_priority (subtheme), vp_record_get_uuid (VP_RECORD (priority)))
          != 0)
        continue;
      /* Translators: a sub-theme's letter and title: "A — Productie en handel in drugs" */
      label = g_strdup_printf (_ ("%s — %s"), vp_subtheme_get_letter (subtheme),
                               vp_subtheme_get_title (subtheme));
      gtk_string_list_append (choices, label);
      g_ptr_array_add (self->subthemes, g_steal_pointer (&subtheme));
    }
  adw_combo_row_set_model (self->subtheme_row, G_LIST_MODEL (choices));
  g_object_unref (choices);
}

static void
load_assessments (VpGoalEditor *self)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  for (int a = VP_ASSESSMENT_NOT_ASSESSED; a <= VP_ASSESSMENT_NOT_ACHIEVED; a++)
    gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_ASSESSMENT, a));
  adw_combo_row_set_model (self->assessment_row, G_LIST_MODEL (choices));
  g_object_unref (choices);
}

static void on_field_changed_cb (VpGoalEditor *self);

/* A check button per action of the priority, ticked when it serves. */
static void
load_actions (VpGoalEditor *self, const char *const *serving)
{
  VpPriority *priority = get_priority (self);
  GListModel *all
    = vp_store_get_records (vp_record_editor_get_store (VP_RECORD_EDITOR (self)), VP_TYPE_ACTION);

  for (guint i = 0; priority != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (all, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (action));
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (g_strcmp0 (vp_action_get_priority (action), vp_record_get_uuid (VP_RECORD (priority)))
          != 0)
        continue;
      label = vp_format_display_text (vp_action_get_text (action));
      check = gtk_check_button_new_with_label (label);
      gtk_widget_set_margin_start (check, 12);
      gtk_widget_set_margin_end (check, 12);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   serving != NULL && g_strv_contains (serving, uuid));
      g_object_set_data_full (G_OBJECT (check), "vp-uuid", g_strdup (uuid), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->actions_row, check);
      g_ptr_array_add (self->action_checks, check);
    }
}

static GStrv
chosen_actions (VpGoalEditor *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->action_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->action_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "vp-uuid"));
    }
  return g_strv_builder_end (builder);
}

static guint
find_subtheme (VpGoalEditor *self, const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < self->subthemes->len; i++)
    {
      if (g_strcmp0 (vp_record_get_uuid (g_ptr_array_index (self->subthemes, i)), uuid) == 0)
        return i + 1;
    }
  return 0;
}

static const char *
chosen_subtheme (VpGoalEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->subtheme_row);

  if (selected == 0 || selected > self->subthemes->len)
    return NULL;
  return vp_record_get_uuid (g_ptr_array_index (self->subthemes, selected - 1));
}

static VpGoalKind
chosen_kind (VpGoalEditor *self)
{
  return adw_combo_row_get_selected (self->kind_row) == VP_GOAL_KIND_YEAR ? VP_GOAL_KIND_YEAR
                                                                          : VP_GOAL_KIND_STRATEGIC;
}

static void
vp_goal_editor_load (VpRecordEditor *editor)
{
  VpGoalEditor *self = VP_GOAL_EDITOR (editor);
  VpRecord *goal = edited (self);

  vp_record_editor_describe_priority (editor, self->goal_group);
  load_kinds (self);
  load_subthemes (self);
  load_assessments (self);
  load_actions (self, goal != NULL ? vp_record_get_strv (goal, "actions") : NULL);
  if (goal == NULL)
    return;
  adw_combo_row_set_selected (self->assessment_row, vp_record_get_int (goal, "assessment"));
  vp_record_editor_show_text (self->evaluation_buffer, vp_record_get_string (goal, "evaluation"));
  vp_record_editor_show_text (self->text_buffer, vp_record_get_string (goal, "text"));
  adw_combo_row_set_selected (self->kind_row, vp_record_get_int (goal, "kind"));
  adw_combo_row_set_selected (self->subtheme_row,
                              find_subtheme (self, vp_record_get_string (goal, "subtheme")));
  self->text_edited = FALSE;
}

static gboolean
vp_goal_editor_validate (VpRecordEditor *editor)
{
  VpGoalEditor *self = VP_GOAL_EDITOR (editor);
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->text_buffer);
  gboolean has_text = *text != '\0';

  vp_record_editor_show_fault (self->text_view, self->text_error,
                               has_text || !self->text_edited ? NULL : _ ("Describe the goal."));
  return has_text && get_priority (self) != NULL;
}

static VpRecord *
vp_goal_editor_build_draft (VpRecordEditor *editor)
{
  VpGoalEditor *self = VP_GOAL_EDITOR (editor);
  VpRecord *priority = VP_RECORD (get_priority (self));
  const char *priority_uuid = vp_record_get_uuid (priority);
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->text_buffer);
  g_autofree char *evaluation = vp_record_editor_dup_buffer_text (self->evaluation_buffer);
  g_auto (GStrv) actions = chosen_actions (self);
  guint assessment = adw_combo_row_get_selected (self->assessment_row);
  VpRecord *draft;

  if (edited (self) != NULL)
    draft = vp_record_copy (edited (self));
  else
    draft = g_object_new (
      VP_TYPE_GOAL, "priority", priority_uuid, "owner", vp_record_get_string (priority, "owner"),
      "position", vp_record_editor_next_position (editor, VP_TYPE_GOAL, priority_uuid), NULL);
  g_object_set (draft, "kind", chosen_kind (self), "subtheme", chosen_subtheme (self), NULL);
  vp_record_editor_set_text_field (draft, "text", text);
  vp_record_editor_set_text_field (draft, "evaluation", evaluation);
  g_object_set (draft, "assessment",
                assessment <= VP_ASSESSMENT_NOT_ACHIEVED ? (int) assessment
                                                         : VP_ASSESSMENT_NOT_ASSESSED,
                "actions", actions, NULL);
  return draft;
}

static void
on_text_changed_cb (VpGoalEditor *self)
{
  self->text_edited = TRUE;
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
on_field_changed_cb (VpGoalEditor *self)
{
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
vp_goal_editor_dispose (GObject *object)
{
  VpGoalEditor *self = VP_GOAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_GOAL_EDITOR);
  g_clear_pointer (&self->subthemes, g_ptr_array_unref);
  g_clear_pointer (&self->action_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_goal_editor_parent_class)->dispose (object);
}

static void
vp_goal_editor_class_init (VpGoalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpRecordEditorClass *editor_class = VP_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = vp_goal_editor_dispose;
  editor_class->texts = &texts;
  editor_class->load = vp_goal_editor_load;
  editor_class->validate = vp_goal_editor_validate;
  editor_class->build_draft = vp_goal_editor_build_draft;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-goal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, goal_group);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, text_buffer);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, text_error);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, subtheme_row);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, actions_row);
  gtk_widget_class_bind_template_child (widget_class, VpGoalEditor, evaluation_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
vp_goal_editor_init (VpGoalEditor *self)
{
  self->subthemes = g_ptr_array_new_with_free_func (g_object_unref);
  self->action_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_row_show_full_text (self->kind_row);
  vp_combo_row_show_full_text (self->subtheme_row);
}

/**
 * vp_goal_editor_new:
 * @parent: the window the editor belongs to
 * @store: the plan database
 * @plan: the plan
 * @goal: (nullable): the goal to edit, %NULL for a new one
 * @priority: (nullable): the priority a new goal belongs to
 * @kind: the kind a new goal starts as
 *
 * Returns: (transfer none): a new modal editor over @parent
 */
GtkWidget *
vp_goal_editor_new (GtkWindow *parent,
                    VpStore *store,
                    VpPlan *plan,
                    VpGoal *goal,
                    VpPriority *priority,
                    VpGoalKind kind)
{
  VpGoalEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (goal == NULL || VP_IS_GOAL (goal), NULL);
  g_return_val_if_fail (goal != NULL || VP_IS_PRIORITY (priority), NULL);

  self = g_object_new (VP_TYPE_GOAL_EDITOR, "transient-for", parent, "store", store, "plan", plan,
                       "record", goal, "priority", priority, NULL);
  if (goal == NULL)
    adw_combo_row_set_selected (self->kind_row, kind);
  return GTK_WIDGET (self);
}
