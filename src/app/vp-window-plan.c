/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-plan-rules.h"
#include "store/vp-store-next-year.h"
#include "vp-next-year-dialog.h"
#include "vp-plan-dialog.h"
#include "vp-home-dialog.h"
#include "vp-window-private.h"

/*
 * The window's part in a plan of one's own: New Plan…, Edit Plan…, Next
 * Year's Plan…, reopening a closed plan, and the banner that asks for the
 * home municipality while the database does not know it (in place of
 * statuses that are silently locked).
 */

static void
on_plan_saved_cb (VpWindow *self, VpPlan *plan, const char *message)
{
  vp_window_show_plan (self, plan);
  adw_view_stack_set_visible_child_name (self->views, "plan");
  vp_window_toast (self, message);
}

static void
present_plan_dialog (VpWindow *self, GtkWidget *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_plan_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  present_plan_dialog (self, vp_plan_dialog_new (GTK_WINDOW (self), self->store, NULL));
}

static void
edit_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (self->plan != NULL)
    present_plan_dialog (self, vp_plan_dialog_new (GTK_WINDOW (self), self->store, self->plan));
}

static void
next_year_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (self->plan != NULL)
    present_plan_dialog (self,
                         vp_next_year_dialog_new (GTK_WINDOW (self), self->store, self->plan));
}

static void
reopen_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->plan == NULL)
    return;
  if (!vp_store_reopen_plan (self->store, self->plan, &error))
    {
      vp_window_toast (self, error->message);
      return;
    }
  /* Translators: a toast; the plan's title */
  message = g_strdup_printf (_ ("“%s” reopened"), vp_plan_get_title (self->plan));
  vp_window_toast (self, message);
}

static void
choose_home_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (vp_home_dialog_new (GTK_WINDOW (self), self->store)));
}

/**
 * vp_window_update_plan_actions:
 *
 * Enables what can be done with the plan shown: edit it (its owner, or
 * any participant of a coalition's plan, while it is open), make next
 * year's plan from it, reopen it when closed.
 */
void
vp_window_update_plan_actions (VpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *home = vp_store_get_home_municipality (self->store);
  gboolean mine = self->plan != NULL && vp_plan_rules_may_edit_plan (self->plan, home);
  gboolean closed = self->plan != NULL && vp_plan_is_closed (self->plan);

  gtk_widget_action_set_enabled (widget, "win.new-plan", home != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-plan", mine && !closed);
  gtk_widget_action_set_enabled (widget, "win.next-year", mine && !closed);
  gtk_widget_action_set_enabled (widget, "win.reopen-plan", mine && closed);
  gtk_revealer_set_reveal_child (self->home_banner, home == NULL);
  /* shown as of a date, nothing is changed */
  vp_window_update_as_of (self);
}

/**
 * vp_window_install_plan_actions:
 *
 * The actions of vp-window-plan.c, for the window's class.
 */
void
vp_window_install_plan_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.edit-plan", NULL, edit_plan_action);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-plan", NULL, reopen_plan_action);
  gtk_widget_class_install_action (widget_class, "win.choose-home", NULL, choose_home_action);
}

static void
on_plan_notify_cb (VpWindow *self)
{
  vp_window_update_plan_actions (self);
}

/**
 * vp_window_setup_plan:
 *
 * Follows the home municipality and the plans' closed marks and owners,
 * for the banner and the actions.
 */
void
vp_window_setup_plan (VpWindow *self)
{
  g_signal_connect_object (self->store, "notify::home-municipality", G_CALLBACK (on_plan_notify_cb),
                           self, G_CONNECT_SWAPPED);
  vp_window_update_plan_actions (self);
}

/**
 * vp_window_watch_plan:
 * @plan: (nullable): the plan shown now
 *
 * Follows @plan's closed mark, ownership and participants.
 */
void
vp_window_watch_plan (VpWindow *self, VpPlan *plan)
{
  const char *const properties[]
    = { "notify::closed-at", "notify::ownership", "notify::participants", "notify::owner" };

  if (plan == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (properties); i++)
    g_signal_connect_object (plan, properties[i], G_CALLBACK (on_plan_notify_cb), self,
                             G_CONNECT_SWAPPED);
}
