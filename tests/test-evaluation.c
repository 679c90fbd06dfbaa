/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-evaluation"

#include "config.h"

#include "app/vp-application.h"
#include "app/vp-report-print.h"
#include "app/vp-window.h"
#include "store/vp-store-status.h"
#include "views/evaluation/vp-evaluation-chart.h"
#include "views/evaluation/vp-evaluation-view.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The evaluation page of the window, and printing a report. */

#define SMALL_CONTROLS "We organiseren vijf (thematische) integrale controles."
#define SMALL_BIBOB    "We stellen een organisatiebreed projectplan op voor de Wet Bibob."
#define SMALL_HOUSING                                                                              \
  "We creëren een actueel overzicht van huisvestingslocaties van arbeidsmigranten."

static VpAction *
find_action (VpStore *store, const char *text)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (g_str_equal (vp_action_get_text (action), text))
        return action;
    }
  g_assert_not_reached ();
}

static VpPlan *
add_fixture (VpStore *store)
{
  VpPlan *plan = vp_test_add_small_plan (store);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, 4, 2, 10, 0, 0);
  g_autoptr (GError) error = NULL;

  vp_store_set_now (store, now);
  vp_store_set_status (store, find_action (store, SMALL_CONTROLS), "nijkerk", VP_STATUS_DONE, 3, "",
                       &error);
  g_assert_no_error (error);
  vp_store_set_status (store, find_action (store, SMALL_BIBOB), "nijkerk", VP_STATUS_IN_PROGRESS, 0,
                       "", &error);
  g_assert_no_error (error);
  vp_store_set_status (store, find_action (store, SMALL_HOUSING), "nijkerk", VP_STATUS_IN_PROGRESS,
                       0, "", &error);
  g_assert_no_error (error);
  return plan;
}

static VpEvaluationView *
show_evaluation (VpWindow *window)
{
  AdwViewStack *views
    = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, "views"));

  adw_view_stack_set_visible_child_name (views, "evaluation");
  vp_test_wait_for_frames ();
  return VP_EVALUATION_VIEW (vp_test_find (GTK_WIDGET (window), VP_TYPE_EVALUATION_VIEW));
}

static const char *
summary_of (VpEvaluationView *view)
{
  GtkLabel *label = GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (view), VP_TYPE_EVALUATION_VIEW, "summary_label"));

  return gtk_label_get_text (label);
}

/* A click on the first priority's bar, on its first part (in progress):
 * the list shows that priority's actions in progress. */
static void
test_click_shows_actions (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);
  VpEvaluationView *view;
  GtkWidget *chart;
  AdwViewStack *views;
  VpPriority *first;
  g_autofree char *priority = NULL;
  int status;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  view = show_evaluation (window);
  g_assert_nonnull (view);
  chart = vp_evaluation_view_get_chart (view);
  g_test_message ("summary: %s", summary_of (view));
  g_assert_nonnull (strstr (summary_of (view), "4 actions: 1 done, 2 in progress, 1 not started"));
  /* heading, legend, 2 priorities, 2 sub-themes (6); heading and 4
   * quarters (5); heading and a target (2); heading, legend and 3 leads (5) */
  g_assert_cmpuint (vp_evaluation_chart_get_n_rows (VP_EVALUATION_CHART (chart)), ==, 18);

  /* the first priority's bar: below the heading (36) and the legend (26) */
  g_assert_true (vp_evaluation_chart_activate_at (VP_EVALUATION_CHART (chart),
                                                  gtk_widget_get_width (chart) * 0.34 + 2, 75));
  views
    = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, "views"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "list");
  g_object_get (vp_window_get_filter (window), "priority", &priority, "status", &status, NULL);
  first = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PRIORITY), 0);
  g_assert_cmpstr (priority, ==, vp_record_get_uuid (VP_RECORD (first)));
  g_assert_cmpint (status, ==, VP_STATUS_IN_PROGRESS);
  g_object_unref (first);
  g_assert_true (plan != NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At a reference date the view says so, and a wrong date changes nothing. */
static void
test_reference_date (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  VpEvaluationView *view;
  GtkRevealer *banner;
  g_autoptr (GError) error = NULL;

  add_fixture (store);
  window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  view = show_evaluation (window);
  banner = GTK_REVEALER (
    gtk_widget_get_template_child (GTK_WIDGET (view), VP_TYPE_EVALUATION_VIEW, "banner"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  g_assert_true (vp_evaluation_view_set_as_of (view, "2024-04-01", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  /* the day before the statuses were set */
  g_assert_nonnull (strstr (summary_of (view), "4 actions: 0 done, 0 in progress, 4 not started"));

  g_assert_false (vp_evaluation_view_set_as_of (view, "2024-13-01", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (vp_evaluation_view_get_as_of (view));
  g_assert_nonnull (strstr (summary_of (view), "0 done"));

  g_assert_true (vp_evaluation_view_set_as_of (view, "", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (summary_of (view), "1 done"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, guint *drawn)
{
  (*drawn)++;
}

/* Printing draws the pages of the PDF's layout (exported to a file here,
 * as the print dialog's "Print to File" does). */
static void
test_print (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpFigures) figures
    = vp_figures_new (store, plan, NULL, VP_FIGURES_SCOPE_COALITION, NULL);
  g_autoptr (GtkPrintOperation) operation
    = vp_report_print_operation_new (figures, VP_REPORT_EVALUATION);
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  guint drawn = 0;
  int n_pages;

  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &drawn);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (
    gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
    GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpuint (drawn, ==, (guint) n_pages);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;
  g_test_add_func ("/evaluation/click-shows-actions", test_click_shows_actions);
  g_test_add_func ("/evaluation/reference-date", test_reference_date);
  g_test_add_func ("/evaluation/print", test_print);
  return g_test_run ();
}
