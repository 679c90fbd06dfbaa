/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-next-year-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-next-year.h"
#include "store/vp-store-status.h"
#include "vp-format.h"
#include "vp-next-year-dialog.h"

/*
 * Next Year's Plan…: what the new plan takes from this one, and a
 * checklist of the unfinished actions (planned, in progress, postponed),
 * all ticked, to carry over. Making it is one store call
 * (vp_store_make_next_year()), one undo step; this plan is closed then.
 *
 * Signals: "saved" (VpPlan *new_plan, const char *message).
 */

struct _VpNextYearDialog
{
  AdwWindow parent_instance;

  VpStore *store;
  VpPlan *plan;
  /* the unfinished actions, and a GtkCheckButton for each */
  GPtrArray *actions;
  GPtrArray *checks;
  GtkWidget *make_button;
  GtkLabel *count_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (VpNextYearDialog, vp_next_year_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * vp_next_year_dialog_count_ticked:
 *
 * Returns: how many actions are ticked to carry over
 */
guint
vp_next_year_dialog_count_ticked (VpNextYearDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i)) ? 1 : 0;
  return n;
}

/**
 * vp_next_year_dialog_tick:
 * @index: the action's place in the checklist
 *
 * Ticks or unticks an action, as a click does; for tests.
 */
void
vp_next_year_dialog_tick (VpNextYearDialog *self, guint index, gboolean ticked)
{
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), ticked);
}

static void
update_count (VpNextYearDialog *self)
{
  g_autofree char *text = g_strdup_printf (
    /* Translators: under the checklist of next year's plan */
    g_dngettext (GETTEXT_PACKAGE, "%u of %u action carried over", "%u of %u actions carried over",
                 self->checks->len),
    vp_next_year_dialog_count_ticked (self), self->checks->len);

  gtk_label_set_text (self->count_label, text);
}

static void
tick_all (VpNextYearDialog *self, gboolean ticked)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), ticked);
}

static void
on_all_clicked_cb (VpNextYearDialog *self)
{
  tick_all (self, TRUE);
}

static void
on_none_clicked_cb (VpNextYearDialog *self)
{
  tick_all (self, FALSE);
}

static char *
describe_action (VpNextYearDialog *self, VpAction *action)
{
  VpStatus status = vp_action_get_overall_status (self->store, action);
  const char *lead = vp_action_get_lead (action);
  VpOrganisation *organisation
    = lead != NULL ? vp_store_lookup_organisation (self->store, lead) : NULL;
  const char *status_label = vp_enum_get_label (VP_TYPE_STATUS, status);

  if (organisation != NULL)
    /* Translators: a row of next year's checklist: status · lead */
    return g_strdup_printf (_ ("%s · %s"), status_label, vp_organisation_get_name (organisation));
  return g_strdup (status_label);
}

static GtkWidget *
make_action_row (VpNextYearDialog *self, VpAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *shown = vp_format_display_text (vp_action_get_text (action));
  g_autofree char *title = g_markup_escape_text (shown, -1);
  g_autofree char *description = describe_action (self, action);
  g_autofree char *subtitle = g_markup_escape_text (description, -1);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->checks, check);
  return row;
}

static GtkWidget *
make_intro (VpNextYearDialog *self)
{
  g_autofree char *title = vp_store_next_year_title (self->store, self->plan);
  g_autofree char *old_title = vp_format_display_text (vp_plan_get_title (self->plan));
  g_autofree char *text = g_strdup_printf (
    _ ("“%s” takes the priorities, sub-themes, strategic goals, definitions and participants of "
       "“%s”. Goals for the year and finished or cancelled actions stay behind. Tick the "
       "unfinished actions that still need attention; each keeps a link to where it came from. "
       "“%s” is closed then: it opens read-only until you reopen it."),
    title, old_title, old_title);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
make_checklist (VpNextYearDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *all = gtk_button_new_with_mnemonic (_ ("_All"));
  GtkWidget *none = gtk_button_new_with_mnemonic (_ ("_None"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Actions to Carry Over"));
  gtk_widget_add_css_class (all, "flat");
  gtk_widget_add_css_class (none, "flat");
  gtk_box_append (GTK_BOX (buttons), all);
  gtk_box_append (GTK_BOX (buttons), none);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  g_signal_connect_object (all, "clicked", G_CALLBACK (on_all_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (none, "clicked", G_CALLBACK (on_none_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < self->actions->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_action_row (self, g_ptr_array_index (self->actions, i)));
  if (self->actions->len == 0)
    adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group), _ ("Every action of this plan is finished or cancelled."));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->count_label));
  update_count (self);
  return group;
}

/**
 * vp_next_year_dialog_make:
 *
 * Makes next year's plan with the actions ticked, and closes the dialog;
 * or says why not, changing nothing.
 *
 * Returns: whether the plan was made
 */
gboolean
vp_next_year_dialog_make (VpNextYearDialog *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) carry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  VpPlan *next;

  for (guint i = 0; i < self->checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        g_strv_builder_add (builder,
                            vp_record_get_uuid (VP_RECORD (g_ptr_array_index (self->actions, i))));
    }
  carry = g_strv_builder_end (builder);
  next = vp_store_make_next_year (self->store, self->plan, (const char *const *) carry, &error);
  if (next == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  /* Translators: a toast after Next Year's Plan… */
  message = g_strdup_printf (_ ("“%s” made; “%s” is closed"), vp_plan_get_title (next),
                             vp_plan_get_title (self->plan));
  g_signal_emit (self, signals[SAVED], 0, next, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_make_clicked_cb (VpNextYearDialog *self)
{
  vp_next_year_dialog_make (self);
}

static GtkWidget *
build_header (VpNextYearDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  self->make_button = gtk_button_new_with_mnemonic (_ ("_Make Plan"));
  gtk_widget_add_css_class (self->make_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->make_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_object (self->make_button, "clicked", G_CALLBACK (on_make_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return header;
}

static void
build (VpNextYearDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_window_set_title (GTK_WINDOW (self), _ ("Next Year’s Plan"));
  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), make_intro (self));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), make_checklist (self));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->make_button);
}

static void
vp_next_year_dialog_dispose (GObject *object)
{
  VpNextYearDialog *self = VP_NEXT_YEAR_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (vp_next_year_dialog_parent_class)->dispose (object);
}

static void
vp_next_year_dialog_class_init (VpNextYearDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_next_year_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, VP_TYPE_PLAN, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_next_year_dialog_init (VpNextYearDialog *self)
{
  self->checks = g_ptr_array_new ();
}

/**
 * vp_next_year_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @plan: this year's plan
 *
 * Returns: (transfer floating): a dialog, to present
 */
GtkWidget *
vp_next_year_dialog_new (GtkWindow *parent, VpStore *store, VpPlan *plan)
{
  VpNextYearDialog *self = g_object_new (VP_TYPE_NEXT_YEAR_DIALOG, "transient-for", parent, "modal",
                                         TRUE, "default-width", 640, "default-height", 720, NULL);

  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  self->actions = vp_store_list_unfinished_actions (store, plan);
  build (self);
  return GTK_WIDGET (self);
}
