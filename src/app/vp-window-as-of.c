/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "report/vp-figures.h"
#include "store/vp-store-as-of.h"
#include "vp-window-private.h"

/*
 * The window's part in showing the plan as of a date (peildatum): View as
 * of…, the banner that says so with Back to Today, and the banner of a
 * plan whose years are over. What is shown then and that nothing can be
 * changed is the store's (vp-store-as-of.c): the window gives it the
 * statuses of the date and follows its "as-of" property, as the views do.
 */

/* What the window disables while nothing can be changed: every action
 * that writes, or opens a window that does. */
static const char *const writing_actions[] = {
  "win.new-action",   "win.edit-action",    "win.delete-action", "win.undo",      "win.import",
  "win.review-files", "win.restore-backup", "win.new-plan",      "win.edit-plan", "win.next-year",
  "win.reopen-plan",  "win.choose-home",    "win.load-example",
};

/* Of those, the ones no other update enables again. */
static const char *const always_writing_actions[] = {
  "win.import",
  "win.review-files",
  "win.restore-backup",
  "win.choose-home",
};

/* The end of the plan's last year, when that lies before today. */
static GDateTime *
plan_end_passed (VpWindow *self)
{
  g_autoptr (GDateTime) now = vp_store_get_now (self->store);
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int last;

  if (self->plan == NULL)
    return NULL;
  last = MAX (vp_plan_get_last_year (self->plan), vp_plan_get_first_year (self->plan));
  if (last <= 0 || last >= g_date_time_get_year (now))
    return NULL;
  return g_date_time_new (zone, last, 12, 31, 23, 59, 59.999);
}

static void
update_banners (VpWindow *self)
{
  GDateTime *as_of = vp_store_get_as_of (self->store);
  g_autoptr (GDateTime) end = plan_end_passed (self);

  gtk_revealer_set_reveal_child (self->as_of_banner, as_of != NULL);
  if (as_of != NULL)
    {
      g_autofree char *day = vp_store_format_day (as_of);
      /* Translators: the banner while the plan is shown as of a reference
       * date (peildatum); the date follows */
      g_autofree char *text = g_strdup_printf (_ ("Shown as of %s — nothing can be changed"), day);

      gtk_label_set_text (self->as_of_label, text);
    }
  gtk_revealer_set_reveal_child (self->ended_banner, end != NULL && as_of == NULL);
  if (end != NULL)
    {
      g_autofree char *day = vp_store_format_day (end);
      /* Translators: the banner of a plan whose last year is over */
      g_autofree char *text = g_strdup_printf (_ ("This plan ran until %s"), day);
      /* Translators: the button on that banner: shows the plan as it
       * stood on its last day */
      g_autofree char *button = g_strdup_printf (_ ("_View as of %s"), day);

      gtk_label_set_text (self->ended_label, text);
      gtk_button_set_label (self->ended_button, button);
    }
}

/**
 * vp_window_update_as_of:
 *
 * Disables every action that writes while the plan is shown as of a
 * date; shows the banners. Called last of the window's updates of its
 * actions.
 */
void
vp_window_update_as_of (VpWindow *self)
{
  gboolean read_only = vp_store_get_as_of (self->store) != NULL;

  for (gsize i = 0; !read_only && i < G_N_ELEMENTS (always_writing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), always_writing_actions[i], TRUE);
  for (gsize i = 0; read_only && i < G_N_ELEMENTS (writing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing_actions[i], FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view-as-of", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-to-today", read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view-plan-end", self->plan != NULL);
  update_banners (self);
}

static gboolean
show_as_of (VpWindow *self, GDateTime *as_of, GError **error)
{
  g_autoptr (VpFigures) figures = NULL;

  if (self->plan == NULL)
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _ ("There is no plan to show"));
      return FALSE;
    }
  /* the history is read from the statuses as they are now */
  vp_store_set_as_of (self->store, NULL, NULL, NULL);
  figures = vp_figures_new (self->store, self->plan, as_of, VP_FIGURES_SCOPE_COALITION, error);
  if (figures == NULL)
    return FALSE;
  if (!vp_store_set_as_of (self->store, as_of, vp_figures_make_statuses (figures),
                           vp_figures_make_quarters (figures)))
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_BUSY,
                           _ ("A change is being saved: try again in a moment"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_window_show_as_of:
 * @date: (nullable): a date, YYYY-MM-DD, up to today; %NULL to show the
 *   plan as it is now
 *
 * Shows the plan shown as it stood at the end of @date, read only, or as
 * it is now again.
 *
 * Returns: whether it is shown so; if not, @error says why and nothing
 *   changed
 */
gboolean
vp_window_show_as_of (VpWindow *self, const char *date, GError **error)
{
  g_autoptr (GDateTime) as_of = NULL;
  g_autoptr (GDateTime) now = NULL;

  g_return_val_if_fail (VP_IS_WINDOW (self), FALSE);

  if (date == NULL)
    return vp_store_set_as_of (self->store, NULL, NULL, NULL);
  as_of = vp_figures_parse_date (date, error);
  if (as_of == NULL)
    return FALSE;
  now = vp_store_get_now (self->store);
  if (g_date_time_compare (as_of, now) > 0
      && g_date_time_get_day_of_year (as_of) != g_date_time_get_day_of_year (now))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the date chosen to view the plan as of */
                   _ ("%s lies ahead: choose a date up to today"), date);
      return FALSE;
    }
  return show_as_of (self, as_of, error);
}

static void
show_date (VpWindow *self, const char *date)
{
  g_autoptr (GError) error = NULL;

  if (!vp_window_show_as_of (self, date, &error))
    adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (error->message));
}

static void
on_as_of_chosen_cb (AdwMessageDialog *dialog, const char *response, VpWindow *self)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "vp-calendar");
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "view") != 0)
    return;
  day = gtk_calendar_get_date (calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  show_date (self, date);
}

/* The calendar opens at the date shown, else the plan's last day when
 * that has passed, else today. */
static GDateTime *
opening_day (VpWindow *self)
{
  GDateTime *as_of = vp_store_get_as_of (self->store);
  GDateTime *end = plan_end_passed (self);

  if (as_of != NULL)
    {
      g_clear_pointer (&end, g_date_time_unref);
      return g_date_time_to_local (as_of);
    }
  return end != NULL ? end : g_date_time_new_now_local ();
}

static void
view_as_of_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr (GDateTime) day = opening_day (self);
  /* Translators: the heading of the dialog that asks for a reference
   * date (peildatum) */
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("View the Plan as of a Date"),
                                              _ ("The plan is shown as it stood at the end of the "
                                                 "day chosen, from its history. Nothing can be "
                                                 "changed until you go back to today."));

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  g_object_set_data (G_OBJECT (dialog), "vp-calendar", calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "view",
                                    _ ("_View"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "view",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "view");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_as_of_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_to_today_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_date (VP_WINDOW (widget), NULL);
}

static void
view_plan_end_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr (GDateTime) end = plan_end_passed (self);
  g_autofree char *date = end != NULL ? g_date_time_format (end, "%Y-%m-%d") : NULL;

  if (date != NULL)
    show_date (self, date);
}

static void
show_as_of_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_date (VP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The store shows another date (or today): the evaluation and the
 * quarter board are of it too, and the actions follow. */
static void
on_as_of_cb (VpWindow *self)
{
  GDateTime *as_of = vp_store_get_as_of (self->store);
  g_autofree char *date = as_of != NULL ? g_date_time_format (as_of, "%Y-%m-%d") : NULL;

  if (self->evaluation_view != NULL)
    vp_evaluation_view_set_as_of (self->evaluation_view, date, NULL);
  vp_window_show_quarters (self, TRUE);
  vp_window_update_actions (self);
}

/**
 * vp_window_install_as_of_actions:
 *
 * The actions of vp-window-as-of.c, for the window's class.
 */
void
vp_window_install_as_of_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.view-as-of", NULL, view_as_of_action);
  gtk_widget_class_install_action (widget_class, "win.show-as-of", "s", show_as_of_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-today", NULL, back_to_today_action);
  gtk_widget_class_install_action (widget_class, "win.view-plan-end", NULL, view_plan_end_action);
}

/**
 * vp_window_setup_as_of:
 *
 * Follows the date the store shows the plan as of.
 */
void
vp_window_setup_as_of (VpWindow *self)
{
  g_signal_connect_object (self->store, "notify::as-of", G_CALLBACK (on_as_of_cb), self,
                           G_CONNECT_SWAPPED);
}
