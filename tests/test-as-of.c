/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-as-of"

#include "config.h"

#include "app/vp-application.h"
#include "app/vp-window-private.h"
#include "app/vp-window.h"
#include "report/vp-figures.h"
#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "views/evaluation/vp-evaluation-view.h"
#include "vp-board-view.h"
#include "vp-format.h"
#include "vp-list-view.h"
#include "vp-plan-view.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The window shows the plan as of a date (peildatum): the statuses of
 * then, not the actions made after it, and nothing can be changed; and a
 * plan whose years are over offers to be shown as of its last day. */

#define SMALL_CONTROLS "We organiseren vijf (thematische) integrale controles."
#define SMALL_BIBOB    "We stellen een organisatiebreed projectplan op voor de Wet Bibob."
#define LATE_ACTION    "We houden een extra controle na de zomer."

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

static void
set_now (VpStore *store, int month, int day)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, month, day, 10, 0, 0);

  vp_store_set_now (store, now);
}

/* The small plan (made 1 March 2024), the controls done on 10 May, an
 * action added on 1 July, Bibob begun on 1 August, the controls (a
 * shared status) set back to in progress by Barneveld on 15 August; today
 * is 1 September. */
static void
add_fixture (VpStore *store)
{
  VpPlan *plan = vp_test_add_small_plan (store);
  VpPriority *first = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PRIORITY), 0);
  g_autoptr (VpRecord) late = NULL;
  g_autoptr (GError) error = NULL;

  set_now (store, 5, 10);
  vp_store_set_status (store, find_action (store, SMALL_CONTROLS), "nijkerk", VP_STATUS_DONE, 3, "",
                       &error);
  g_assert_no_error (error);
  set_now (store, 7, 1);
  late = g_object_new (VP_TYPE_ACTION, "priority", vp_record_get_uuid (VP_RECORD (first)), "text",
                       LATE_ACTION, "lead-kind", VP_LEAD_KIND_JOINT, "year", 2024, "quarter",
                       VP_QUARTER_Q3, "category", VP_CATEGORY_JOINT, "position", 5, NULL);
  g_assert_true (vp_store_insert (store, late, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  set_now (store, 8, 1);
  vp_store_set_status (store, find_action (store, SMALL_BIBOB), "nijkerk", VP_STATUS_IN_PROGRESS, 0,
                       "", &error);
  g_assert_no_error (error);
  set_now (store, 8, 15);
  vp_test_set_status_as (store, find_action (store, SMALL_CONTROLS), "barneveld",
                         VP_STATUS_IN_PROGRESS, 3, "");
  /* moved after the date: over time now, not as of 30 June (Q4 then) */
  set_now (store, 8, 20);
  g_assert_true (vp_store_move_to_quarter (store, find_action (store, SMALL_BIBOB), 2024,
                                           VP_QUARTER_Q1, &error));
  g_assert_no_error (error);
  set_now (store, 9, 1);
  g_object_unref (first);
  g_assert_nonnull (plan);
}

static VpWindow *
open_window (VpStore *store)
{
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  return window;
}

static GtkWidget *
child_of (VpWindow *window, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, name));
}

static VpListView *
list_view_of (VpWindow *window)
{
  return VP_LIST_VIEW (vp_test_find (GTK_WIDGET (window), VP_TYPE_LIST_VIEW));
}

static VpEvaluationView *
evaluation_of (VpWindow *window)
{
  /* made when first shown or asked for, as a report asks for it */
  VpEvaluationView *view = vp_window_get_evaluation (window);

  g_assert_true (view == (gpointer) vp_test_find (GTK_WIDGET (window), VP_TYPE_EVALUATION_VIEW));
  return view;
}

/* Whether the list has a row of @text. */
static gboolean
lists (VpWindow *window, const char *text)
{
  VpListView *list = list_view_of (window);
  guint n = g_list_model_get_n_items (vp_list_view_get_rows (list));

  for (guint i = 0; i < n; i++)
    {
      gpointer record = vp_list_view_get_record (list, i);

      if (VP_IS_ACTION (record) && g_str_equal (vp_action_get_text (record), text))
        return TRUE;
    }
  return FALSE;
}

static guint
n_toplevels (void)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ());
}

/* The first status button of the list, which is sensitive unless the
 * status cannot be set. */
static GtkWidget *
find_status_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "status")
      && gtk_widget_get_child_visible (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button of @widget's tree that activates @action. */
static GtkWidget *
find_button_of (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_of (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_refused_cb (VpBoardView *board, const char *message, char **refused)
{
  g_free (*refused);
  *refused = g_strdup (message);
}

/* A move on the board is refused up front, with the reason. */
static void
check_board_refuses (VpWindow *window, VpStore *store)
{
  AdwViewStack *views = ADW_VIEW_STACK (child_of (window, "views"));
  VpBoardView *board;
  VpAction *bibob = find_action (store, SMALL_BIBOB);
  g_autofree char *refused = NULL;

  adw_view_stack_set_visible_child_name (views, "board");
  vp_test_wait_for_frames ();
  board = VP_BOARD_VIEW (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views))));
  g_signal_connect (board, "refused", G_CALLBACK (on_refused_cb), &refused);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", "(su)",
                                             vp_record_get_uuid (VP_RECORD (bibob)),
                                             (guint) VP_STATUS_DONE));
  vp_test_wait_for_frames ();
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (refused, "nothing can be changed"));
  g_assert_cmpint (vp_action_get_status (store, bibob), ==, VP_STATUS_PLANNED);
  g_signal_handlers_disconnect_by_func (board, on_refused_cb, &refused);
  adw_view_stack_set_visible_child_name (views, "list");
  vp_test_wait_for_frames ();
}

/* Nothing can be changed: no editor opens, Undo undoes nothing, the store
 * refuses a status, the status buttons are greyed with the reason. */
static void
check_read_only (VpWindow *window, VpStore *store)
{
  guint windows = n_toplevels ();
  guint actions = vp_store_count (store, VP_TYPE_ACTION);
  g_autoptr (GError) error = NULL;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (vp_test_find (GTK_WIDGET (window), VP_TYPE_PLAN_VIEW),
                              "plan.add-priority", NULL);
  /* an action's editor: a double click on its row */
  g_signal_emit_by_name (list_view_of (window), "action-activated",
                         find_action (store, SMALL_CONTROLS));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_toplevels (), ==, windows);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, actions);
  g_assert_false (vp_store_set_status (store, find_action (store, SMALL_CONTROLS), "nijkerk",
                                       VP_STATUS_POSTPONED, 0, "", &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  /* New Action's button follows its action, which is disabled */
  g_assert_false (
    gtk_widget_get_sensitive (find_button_of (GTK_WIDGET (window), "win.new-action")));
  button = find_status_button (GTK_WIDGET (list_view_of (window)));
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  /* its tooltip says why (asked for when shown: query-tooltip) */
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_nonnull (
    strstr (g_object_get_data (G_OBJECT (button), "vp-refusal"), "nothing can be changed"));
}

/* The evaluation's figures at the date, made before the window shows it. */
static VpFigures *
figures_at (VpStore *store, VpWindow *window, const char *date)
{
  g_autoptr (GDateTime) as_of = vp_figures_parse_date (date, NULL);

  return vp_figures_new (store, vp_window_get_plan (window), as_of, VP_FIGURES_SCOPE_COALITION,
                         NULL);
}

/* Every action the window shows has the status and over-time mark the
 * evaluation's figures give at the date. */
static void
check_same_as_figures (VpStore *store, VpFigures *figures)
{
  GPtrArray *actions = vp_figures_get_actions (figures);

  g_assert_cmpuint (actions->len, ==, 4);
  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);

      g_assert_true (vp_store_is_shown (store, at->action));
      g_assert_cmpint (vp_action_get_overall_status (store, at->action), ==, at->status);
      g_assert_cmpint (vp_action_is_overdue (store, at->action), ==, at->overdue);
    }
}

static void
test_as_of (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpFigures) figures = NULL;
  g_autofree char *quarter = NULL;
  guint windows;

  add_fixture (store);
  window = open_window (store);
  g_assert_true (lists (window, LATE_ACTION));
  g_assert_cmpint (vp_action_get_status (store, find_action (store, SMALL_CONTROLS)), ==,
                   VP_STATUS_IN_PROGRESS);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (window, "as_of_banner"))));
  figures = figures_at (store, window, "2024-06-30");

  g_assert_true (vp_window_show_as_of (window, "2024-06-30", &error));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (window, "as_of_banner"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (window, "as_of_label"))), ==,
                   "Shown as of 30 June 2024 — nothing can be changed");
  /* made after the date; the controls done then, Bibob not yet begun */
  g_assert_false (lists (window, LATE_ACTION));
  g_assert_true (lists (window, SMALL_BIBOB));
  g_assert_cmpint (vp_action_get_status (store, find_action (store, SMALL_CONTROLS)), ==,
                   VP_STATUS_DONE);
  g_assert_cmpint (vp_action_get_status (store, find_action (store, SMALL_BIBOB)), ==,
                   VP_STATUS_PLANNED);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (list_view_of (window)), "Done"));
  g_assert_false (vp_test_shows_text (GTK_WIDGET (list_view_of (window)), "In Progress"));
  /* over time at the date: Q1 passed, the controls done; nothing else */
  g_assert_false (vp_action_is_overdue (store, find_action (store, SMALL_CONTROLS)));
  check_same_as_figures (store, figures);
  /* the quarter Bibob had then (moved to Q1 since), as cards and the list
   * show it */
  quarter = vp_format_quarter (store, find_action (store, SMALL_BIBOB));
  g_assert_cmpstr (quarter, ==, "Q4 2024");
  g_clear_pointer (&quarter, g_free);
  /* the evaluation and the reports are of the date too */
  g_assert_nonnull (vp_evaluation_view_get_as_of (evaluation_of (window)));
  /* its own date follows the window's: not set apart there, and one banner */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (evaluation_of (window)), VP_TYPE_EVALUATION_VIEW, "date_entry"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (
    GTK_WIDGET (evaluation_of (window)), VP_TYPE_EVALUATION_VIEW, "banner"))));
  check_read_only (window, store);
  check_board_refuses (window, store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-today", NULL));
  vp_test_wait_for_frames ();
  g_assert_null (vp_store_get_as_of (store));
  g_assert_null (vp_evaluation_view_get_as_of (evaluation_of (window)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (evaluation_of (window)), VP_TYPE_EVALUATION_VIEW, "date_entry"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (window, "as_of_banner"))));
  g_assert_true (lists (window, LATE_ACTION));
  g_assert_cmpint (vp_action_get_status (store, find_action (store, SMALL_BIBOB)), ==,
                   VP_STATUS_IN_PROGRESS);
  quarter = vp_format_quarter (store, find_action (store, SMALL_BIBOB));
  g_assert_cmpstr (quarter, ==, "Q1 2024");
  g_assert_true (
    gtk_widget_get_sensitive (find_status_button (GTK_WIDGET (list_view_of (window)))));
  g_assert_true (gtk_widget_get_sensitive (find_button_of (GTK_WIDGET (window), "win.new-action")));
  windows = n_toplevels ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_toplevels (), ==, windows + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A date ahead, or no date, is refused and changes nothing. */
static void
test_bad_date (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  g_autoptr (GError) error = NULL;

  add_fixture (store);
  window = open_window (store);
  g_assert_false (vp_window_show_as_of (window, "2024-09-30", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (vp_window_show_as_of (window, "30-06-2024", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_null (vp_store_get_as_of (store));
  g_assert_true (lists (window, LATE_ACTION));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The example plan of 2024, opened in December 2026: a banner says its
 * year is over and offers to show it as of its last day. */
static void
test_ended_plan (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 7, 9, 0, 0);
  VpWindow *window;
  GtkWidget *banner;

  window = open_window (store);
  banner = child_of (window, "ended_banner");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  vp_store_set_now (store, now);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL));
  vp_test_wait_for_frames ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (window, "ended_label"))), ==,
                   "This plan ran until 31 December 2024");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child_of (window, "ended_button"))), ==,
                   "_View as of 31 December 2024");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view-plan-end", NULL));
  vp_test_wait_for_frames ();
  g_assert_nonnull (vp_store_get_as_of (store));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (window, "as_of_label"))), ==,
                   "Shown as of 31 December 2024 — nothing can be changed");
  /* every action of the plan was there then */
  g_assert_cmpuint (g_list_model_get_n_items (vp_list_view_get_rows (list_view_of (window))), >,
                    40);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plan of this year has no such banner. */
static void
test_current_plan (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;

  vp_test_add_small_plan (store);
  window = open_window (store);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (window, "ended_banner"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  vp_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("no display: skipped\n");
      return 77;
    }
  adw_init ();
  g_test_add_func ("/as-of/window", test_as_of);
  g_test_add_func ("/as-of/bad-date", test_bad_date);
  g_test_add_func ("/as-of/ended-plan", test_ended_plan);
  g_test_add_func ("/as-of/current-plan", test_current_plan);
  return g_test_run ();
}
