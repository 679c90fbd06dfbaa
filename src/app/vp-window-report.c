/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window-report"

#include "config.h"

#include <glib/gi18n.h>

#include "report/vp-report.h"
#include "store/vp-store-as-of.h"
#include "vp-accessible.h"
#include "vp-report-print.h"
#include "vp-window-private.h"

/*
 * The window's evaluation page and its reports: each report as PDF and
 * the spreadsheet export from the primary menu, at the evaluation view's
 * reference date and scope, and printing with the same drawing code.
 */

static VpFigures *
current_figures (VpWindow *self, GError **error)
{
  VpEvaluationView *evaluation = vp_window_get_evaluation (self);

  return vp_figures_new (self->store, self->plan, vp_evaluation_view_get_as_of (evaluation),
                         vp_evaluation_view_get_scope (evaluation), error);
}

static void
on_toast_open_cb (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "vp-file");
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri (uri, NULL, NULL);
}

static void
saved_toast (VpWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a toast after a report or spreadsheet was saved */
  g_autofree char *message = g_strdup_printf (_ ("Saved %s"), name);
  AdwToast *toast = vp_window_new_toast (message);

  /* the preview: the file in the PDF viewer or spreadsheet */
  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "vp-file", g_object_ref (file), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), NULL);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
show_failure (VpWindow *self, const char *message)
{
  /* Translators: a toast when a report could not be made; the reason follows */
  g_autofree char *text = g_strdup_printf (_ ("Not saved: %s"), message);

  adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (text));
}

static void
on_save_response_cb (GtkNativeDialog *chooser, int response, VpWindow *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "vp-kind"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (GError) error = NULL;
  gboolean saved;

  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      figures = current_figures (self, &error);
      saved = figures != NULL
              && (kind < 0 ? vp_report_write_csv (figures, path, &error)
                           : vp_report_write_pdf (figures, kind, NULL, path, &error));
      if (saved)
        saved_toast (self, file);
      else
        show_failure (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static char *
suggested_name (VpWindow *self, int kind)
{
  GDateTime *as_of = vp_evaluation_view_get_as_of (vp_window_get_evaluation (self));
  g_autoptr (GDateTime) now = vp_store_get_now (self->store);
  g_autofree char *date = g_date_time_format (as_of != NULL ? as_of : now, "%Y-%m-%d");
  g_autofree char *title = g_strdup (kind < 0 ? _ ("Actions") : vp_report_kind_title (kind));

  return g_strdup_printf ("%s %s %s.%s", title, vp_plan_get_title (self->plan), date,
                          kind < 0 ? "csv" : "pdf");
}

/* @kind: a VpReportKind, or -1 for the spreadsheet */
static void
choose_file (VpWindow *self, int kind)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->plan == NULL)
    return;
  name = suggested_name (self, kind);
  chooser = gtk_file_chooser_native_new (kind < 0 ? _ ("Export Spreadsheet") : _ ("Save Report"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Save"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, kind < 0 ? _ ("Spreadsheets (CSV)") : _ ("PDF documents"));
  gtk_file_filter_add_pattern (filter, kind < 0 ? "*.csv" : "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "vp-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpReportKind kind;

  if (vp_report_kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    choose_file (VP_WINDOW (widget), kind);
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (VP_WINDOW (widget), -1);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpReportKind kind;
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  if (self->plan == NULL
      || !vp_report_kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    return;
  figures = current_figures (self, &error);
  if (figures == NULL)
    {
      show_failure (self, error->message);
      return;
    }
  operation = vp_report_print_operation_new (figures, kind);
  /* the dialog runs its own loop: the figures stay until it is done */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_failure (self, error->message);
}

static void
on_show_actions_cb (VpWindow *self)
{
  adw_view_stack_set_visible_child_name (self->views, "list");
}

/**
 * vp_window_install_report_actions:
 *
 * win.report and win.print-report ("evaluation", "progress", "plan") and
 * win.export-csv.
 */
void
vp_window_install_report_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.report", "s", report_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
}

/**
 * vp_window_setup_report:
 *
 * Adds the evaluation page to the view stack: an empty page, which
 * vp_window_get_evaluation() fills.
 */
void
vp_window_setup_report (VpWindow *self)
{
  AdwViewStackPage *page;

  self->evaluation_page = adw_bin_new ();
  page = adw_view_stack_add_titled (self->views, self->evaluation_page, "evaluation",
                                    _ ("Evaluation"));
  adw_view_stack_page_set_icon_name (page, "x-office-presentation-symbolic");
}

/**
 * vp_window_get_evaluation:
 *
 * The evaluation view, made the first time it is shown or asked for (a
 * report is at its date and scope), not before the window's first frame:
 * of the plan shown, at the window's date if it shows one.
 *
 * Returns: (transfer none): the evaluation view
 */
VpEvaluationView *
vp_window_get_evaluation (VpWindow *self)
{
  GDateTime *as_of = vp_store_get_as_of (self->store);
  g_autofree char *date = NULL;

  if (self->evaluation_view != NULL)
    return self->evaluation_view;
  self->evaluation_view = VP_EVALUATION_VIEW (vp_evaluation_view_new (self->store, self->filter));
  adw_bin_set_child (ADW_BIN (self->evaluation_page), GTK_WIDGET (self->evaluation_view));
  vp_window_connect_view (self, self->evaluation_view);
  vp_accessible_name_menu_buttons (GTK_WIDGET (self->evaluation_view));
  g_signal_connect_object (self->evaluation_view, "show-actions", G_CALLBACK (on_show_actions_cb),
                           self, G_CONNECT_SWAPPED);
  vp_evaluation_view_set_plan (self->evaluation_view, self->plan);
  if (as_of != NULL)
    {
      date = g_date_time_format (as_of, "%Y-%m-%d");
      vp_evaluation_view_set_as_of (self->evaluation_view, date, NULL);
    }
  return self->evaluation_view;
}
