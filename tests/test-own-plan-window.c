/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-own-plan-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/vp-application.h"
#include "app/vp-home-dialog.h"
#include "app/vp-window-private.h"
#include "app/vp-window.h"
#include "exchange/vp-exchange.h"
#include "rules/vp-plan-rules.h"
#include "store/vp-store-next-year.h"
#include "vp-next-year-dialog.h"
#include "vp-plan-dialog.h"
#include "vp-record-editor.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/*
 * A plan of one's own in the window (issue 18): New Plan… from an empty
 * database, with what is wrong shown at its field; the banner while the
 * database has no municipality; Next Year's Plan… with its checklist; a
 * closed plan read-only.
 */

static gboolean dutch;

static const char *
tr (const char *english, const char *nederlands)
{
  return dutch ? nederlands : english;
}

static gpointer
window_child (VpWindow *window, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, name);
}

static VpWindow *
open_window (VpStore *store)
{
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  return window;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static void
load_example (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);

  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
}

static void
test_new_plan (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);
  GtkStack *stack = window_child (window, "stack");
  VpPlanDialog *dialog;
  GtkWidget *title_row;
  VpPlan *plan;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_revealer_get_reveal_child (window_child (window, "home_banner")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), tr ("_New Plan…", "_Nieuw plan…")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  vp_test_wait_for_frames ();
  dialog = find_toplevel (VP_TYPE_PLAN_DIALOG);
  g_assert_nonnull (dialog);
  title_row = vp_plan_dialog_get_title_row (dialog);

  /* an empty title: shown at the field, nothing written */
  g_assert_false (vp_plan_dialog_save (dialog));
  g_assert_true (
    gtk_widget_get_visible (vp_plan_dialog_get_error_label (dialog, VP_PLAN_FIELD_TITLE)));
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 0);

  /* the last year before the first */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "UVP Nijkerk 2023–2024");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  vp_plan_dialog_set_years (dialog, 2024, 2023);
  g_assert_false (vp_plan_dialog_save (dialog));
  g_assert_true (
    gtk_widget_get_visible (vp_plan_dialog_get_error_label (dialog, VP_PLAN_FIELD_YEARS)));
  g_assert_false (
    gtk_widget_get_visible (vp_plan_dialog_get_error_label (dialog, VP_PLAN_FIELD_TITLE)));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 0);

  /* a budget larger than one can be: said at its field, with the limit */
  vp_plan_dialog_set_years (dialog, 2023, 2024);
  gtk_editable_set_text (GTK_EDITABLE (vp_plan_dialog_get_budget_row (dialog)), "2.000.000.000");
  g_assert_false (vp_plan_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (vp_plan_dialog_get_budget_error (dialog)));
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (vp_plan_dialog_get_budget_error (dialog))),
            tr ("at most €1,000,000,000", "hoogstens € 1.000.000.000")));
  g_assert_true (gtk_widget_has_css_class (vp_plan_dialog_get_budget_row (dialog), "error"));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 0);

  /* right: written, shown on the Plan view, the window titled by it; the
   * plan's own budget in cents, as written: 15 cents per inhabitant */
  gtk_editable_set_text (GTK_EDITABLE (vp_plan_dialog_get_budget_row (dialog)), "€ 0,15");
  g_assert_true (vp_plan_dialog_save (dialog));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 1);
  plan = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PLAN), 0);
  g_object_unref (plan);
  g_assert_cmpstr (vp_plan_get_owner (plan), ==, "nijkerk");
  g_assert_cmpint (vp_plan_get_last_year (plan), ==, 2024);
  g_assert_cmpint (vp_record_get_int64 (VP_RECORD (plan), "budget-cents"), ==, 15);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), tr ("€0.15", "€ 0,15")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window_child (window, "views")), ==,
                   "plan");
  g_assert_cmpstr (adw_view_switcher_title_get_title (window_child (window, "title")), ==,
                   "UVP Nijkerk 2023–2024");
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "UVP Nijkerk 2023–2024"));
  g_assert_null (find_toplevel (VP_TYPE_PLAN_DIALOG));

  /* a second plan of the same title is refused at the field */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  dialog = find_toplevel (VP_TYPE_PLAN_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (vp_plan_dialog_get_title_row (dialog)),
                         "uvp nijkerk 2023–2024");
  g_assert_false (vp_plan_dialog_save (dialog));
  g_assert_true (
    gtk_widget_get_visible (vp_plan_dialog_get_error_label (dialog, VP_PLAN_FIELD_TITLE)));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape on the first-run question leaves a banner with a way back. */
static void
test_home_banner (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  VpWindow *window;
  GtkWidget *dialog;

  g_assert_no_error (error);
  window = open_window (store);
  dialog = find_toplevel (VP_TYPE_HOME_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_wait_for_frames ();
  g_assert_true (gtk_revealer_get_reveal_child (window_child (window, "home_banner")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-home", NULL));
  vp_test_wait_for_frames ();
  dialog = find_toplevel (VP_TYPE_HOME_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_wait_for_frames ();
  g_assert_nonnull (vp_store_get_home_municipality (store));
  g_assert_false (gtk_revealer_get_reveal_child (window_child (window, "home_banner")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_actions_of (VpStore *store, VpPlan *plan)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpRecord) action = g_list_model_get_item (actions, i);

      n += vp_store_lookup_plan_of (store, action) == plan ? 1 : 0;
    }
  return n;
}

static void
test_next_year (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  VpNextYearDialog *dialog;
  g_autoptr (VpPlan) old = NULL;
  g_autoptr (GPtrArray) unfinished = NULL;
  g_autoptr (VpPlan) next = NULL;
  GListModel *priorities = vp_store_get_records (store, VP_TYPE_PRIORITY);

  load_example (store);
  old = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PLAN), 0);
  unfinished = vp_store_list_unfinished_actions (store, old);
  window = open_window (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-year", NULL));
  vp_test_wait_for_frames ();
  dialog = find_toplevel (VP_TYPE_NEXT_YEAR_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (vp_next_year_dialog_count_ticked (dialog), ==, unfinished->len);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (dialog),
                                     tr ("Actions to Carry Over", "Acties om mee te nemen")));
  vp_next_year_dialog_tick (dialog, 0, FALSE);
  g_assert_true (vp_next_year_dialog_make (dialog));
  vp_test_wait_for_frames ();

  next = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PLAN), 1);
  g_assert_cmpuint (count_actions_of (store, next), ==, unfinished->len - 1);
  g_assert_true (vp_plan_is_closed (old));
  g_assert_cmpstr (adw_view_switcher_title_get_title (window_child (window, "title")), ==,
                   vp_plan_get_title (next));

  /* the old plan is read-only: its priorities and itself */
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpRecord) priority = g_list_model_get_item (priorities, i);

      g_assert_cmpint (vp_record_editor_can_edit (store, priority), ==,
                       vp_store_lookup_plan_of (store, priority) == next);
    }
  g_assert_false (vp_record_editor_can_edit (store, VP_RECORD (old)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;
  dutch = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "nl");

  g_test_add_func ("/own-plan-window/new-plan", test_new_plan);
  g_test_add_func ("/own-plan-window/home-banner", test_home_banner);
  g_test_add_func ("/own-plan-window/next-year", test_next_year);
  return g_test_run ();
}
