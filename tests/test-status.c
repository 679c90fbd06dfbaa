/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "vp-action-filter.h"
#include "store/vp-store-status.h"
#include "vp-test-util.h"

/*
 * Whose status an action has (its lead's, one shared, or one per
 * municipality), when it is overdue, and quarter moves with their history.
 * The small test plan: home Nijkerk; "integrale controles" joint (Q1),
 * "Wet Bibob" led by Nijkerk (Q4), "huisvestingslocaties" of each
 * municipality (Q4), "Ariadne" local to Nijkerk (Q4); the clock at
 * 1 March 2024.
 */

static VpAction *
find_action (VpStore *store, const char *words)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (strstr (vp_action_get_text (action), words) != NULL)
        return action;
    }
  g_assert_not_reached ();
}

static void
set_clock (VpStore *store, int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (year, month, day, hour, minute, 0);

  vp_store_set_now (store, now);
}

static void
set (VpStore *store, VpAction *action, const char *municipality, VpStatus status)
{
  g_autoptr (GError) error = NULL;

  /* another municipality's status arrives by import */
  if (g_strcmp0 (municipality, vp_store_get_home_municipality (store)) != 0)
    {
      vp_test_set_status_as (store, action, municipality, status, 0, NULL);
      return;
    }
  g_assert_true (vp_store_set_status (store, action, municipality, status, 0, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_events (VpStore *store, VpAction *action, VpEventKind kind)
{
  GListModel *events = vp_store_get_records (store, VP_TYPE_STATUS_EVENT);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (VpStatusEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (vp_status_event_get_action (event), vp_record_get_uuid (VP_RECORD (action)))
            == 0
          && vp_status_event_get_kind (event) == kind)
        n++;
    }
  return n;
}

static void
test_rules (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();

  vp_test_add_small_plan (store);
  g_assert_cmpint (vp_action_get_status_rule (store, find_action (store, "integrale controles")),
                   ==, VP_STATUS_RULE_SHARED);
  g_assert_cmpint (vp_action_get_status_rule (store, find_action (store, "Wet Bibob")), ==,
                   VP_STATUS_RULE_LEAD);
  g_assert_cmpint (vp_action_get_status_rule (store, find_action (store, "huisvestingslocaties")),
                   ==, VP_STATUS_RULE_EACH);
}

/* An action another municipality leads shows its status, which the home
 * municipality cannot change: refused, and the database stays as it was. */
static void
test_lead_keeps_status (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *keeper = NULL;
  VpAction *bibob;

  vp_test_add_small_plan (store);
  bibob = find_action (store, "Wet Bibob");
  g_assert_false (vp_action_can_set_status (store, bibob, &keeper));
  g_assert_cmpstr (keeper, ==, "nijkerk");

  /* Nijkerk's status, as an import brings it */
  set (store, bibob, "nijkerk", VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (vp_action_get_status (store, bibob), ==, VP_STATUS_IN_PROGRESS);

  before = vp_test_dump_file (vp_store_get_path (store));
  g_assert_false (vp_store_set_status (store, bibob, vp_store_get_home_municipality (store),
                                       VP_STATUS_DONE, 0, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nijkerk"));
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (vp_action_get_status (store, bibob), ==, VP_STATUS_IN_PROGRESS);
}

/* A joint action has one status: the one set last, by whoever. */
static void
test_shared_status_is_the_last (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpAction *controls;

  vp_test_add_small_plan (store);
  controls = find_action (store, "integrale controles");
  g_assert_true (vp_action_can_set_status (store, controls, NULL));
  g_assert_cmpint (vp_action_get_status (store, controls), ==, VP_STATUS_PLANNED);

  set (store, controls, "barneveld", VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (vp_action_get_status (store, controls), ==, VP_STATUS_IN_PROGRESS);
  set_clock (store, 2024, 3, 2, 9, 0);
  set (store, controls, "nijkerk", VP_STATUS_DONE);
  g_assert_cmpint (vp_action_get_status (store, controls), ==, VP_STATUS_DONE);
  g_assert_cmpstr (
    vp_action_status_get_municipality (vp_action_find_shown_status (store, controls)), ==,
    "nijkerk");
  set_clock (store, 2024, 3, 3, 9, 0);
  set (store, controls, "barneveld", VP_STATUS_POSTPONED);
  g_assert_cmpint (vp_action_get_status (store, controls), ==, VP_STATUS_POSTPONED);
  g_assert_cmpint (vp_action_get_overall_status (store, controls), ==, VP_STATUS_POSTPONED);
}

/* An action of each municipality: each sets its own part; done when all
 * are. */
static void
test_each_municipality (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpAction *each;
  const struct
  {
    VpStatus nijkerk, barneveld, scherpenzeel, overall;
  } cases[] = {
    { VP_STATUS_PLANNED, VP_STATUS_PLANNED, VP_STATUS_PLANNED, VP_STATUS_PLANNED },
    { VP_STATUS_DONE, VP_STATUS_PLANNED, VP_STATUS_PLANNED, VP_STATUS_IN_PROGRESS },
    { VP_STATUS_PLANNED, VP_STATUS_POSTPONED, VP_STATUS_PLANNED, VP_STATUS_POSTPONED },
    { VP_STATUS_IN_PROGRESS, VP_STATUS_POSTPONED, VP_STATUS_PLANNED, VP_STATUS_IN_PROGRESS },
    { VP_STATUS_DONE, VP_STATUS_DONE, VP_STATUS_IN_PROGRESS, VP_STATUS_IN_PROGRESS },
    { VP_STATUS_DONE, VP_STATUS_DONE, VP_STATUS_DONE, VP_STATUS_DONE },
    { VP_STATUS_DONE, VP_STATUS_CANCELLED, VP_STATUS_DONE, VP_STATUS_DONE },
    { VP_STATUS_CANCELLED, VP_STATUS_CANCELLED, VP_STATUS_CANCELLED, VP_STATUS_CANCELLED },
    /* nothing begun: one part cancelled is no progress */
    { VP_STATUS_CANCELLED, VP_STATUS_PLANNED, VP_STATUS_PLANNED, VP_STATUS_PLANNED },
  };

  vp_test_add_small_plan (store);
  each = find_action (store, "huisvestingslocaties");
  g_assert_true (vp_action_can_set_status (store, each, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      set (store, each, "nijkerk", cases[i].nijkerk);
      set (store, each, "barneveld", cases[i].barneveld);
      set (store, each, "scherpenzeel", cases[i].scherpenzeel);
      /* the views show the home municipality's part */
      g_assert_cmpint (vp_action_get_status (store, each), ==, cases[i].nijkerk);
      g_assert_cmpint (vp_action_get_overall_status (store, each), ==, cases[i].overall);
    }
}

/* Overdue once the quarter's last day has passed, unless done or
 * cancelled (all municipalities' parts, for each municipality's). */
static void
test_overdue_at_quarter_end (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpAction *controls, *each;

  vp_test_add_small_plan (store);
  controls = find_action (store, "integrale controles");
  each = find_action (store, "huisvestingslocaties");

  set_clock (store, 2024, 3, 31, 23, 59);
  g_assert_false (vp_action_is_overdue (store, controls));
  set_clock (store, 2024, 4, 1, 0, 0);
  g_assert_true (vp_action_is_overdue (store, controls));
  set (store, controls, "nijkerk", VP_STATUS_DONE);
  g_assert_false (vp_action_is_overdue (store, controls));
  set (store, controls, "nijkerk", VP_STATUS_POSTPONED);
  g_assert_true (vp_action_is_overdue (store, controls));
  set (store, controls, "nijkerk", VP_STATUS_CANCELLED);
  g_assert_false (vp_action_is_overdue (store, controls));

  /* Q4 2024 ends on 31 December */
  set_clock (store, 2024, 12, 31, 12, 0);
  g_assert_false (vp_action_is_overdue (store, each));
  set_clock (store, 2025, 1, 1, 0, 0);
  g_assert_true (vp_action_is_overdue (store, each));
  set (store, each, "nijkerk", VP_STATUS_DONE);
  set (store, each, "barneveld", VP_STATUS_DONE);
  g_assert_true (vp_action_is_overdue (store, each));
  set (store, each, "scherpenzeel", VP_STATUS_CANCELLED);
  g_assert_false (vp_action_is_overdue (store, each));
}

/* A move keeps the quarter first planned, writes a quarter event, and is
 * one undo step. */
static void
test_move_to_quarter (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  VpAction *bibob;
  GListModel *events = vp_store_get_records (store, VP_TYPE_STATUS_EVENT);
  g_autoptr (VpStatusEvent) event = NULL;

  vp_test_add_small_plan (store);
  bibob = find_action (store, "Wet Bibob");

  g_assert_true (vp_store_move_to_quarter (store, bibob, 2025, VP_QUARTER_Q1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_action_get_year (bibob), ==, 2025);
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q1);
  g_assert_cmpint (vp_action_get_planned_year (bibob), ==, 2024);
  g_assert_cmpint (vp_action_get_planned_quarter (bibob), ==, VP_QUARTER_Q4);
  g_assert_cmpuint (count_events (store, bibob, VP_EVENT_KIND_QUARTER), ==, 1);
  event = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "2024-Q4");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "2025-Q1");
  g_assert_cmpstr (vp_status_event_get_municipality (event), ==, "nijkerk");

  /* a second move keeps the first plan */
  g_assert_true (vp_store_move_to_quarter (store, bibob, 2025, VP_QUARTER_Q2, &error));
  g_assert_cmpint (vp_action_get_planned_quarter (bibob), ==, VP_QUARTER_Q4);
  g_assert_cmpuint (count_events (store, bibob, VP_EVENT_KIND_QUARTER), ==, 2);
  /* the same quarter: nothing */
  g_assert_true (vp_store_move_to_quarter (store, bibob, 2025, VP_QUARTER_Q2, &error));
  g_assert_cmpuint (count_events (store, bibob, VP_EVENT_KIND_QUARTER), ==, 2);
  /* an action planned without a planned quarter: its quarter becomes it */
  {
    VpAction *each = find_action (store, "huisvestingslocaties");

    g_assert_cmpint (vp_action_get_planned_year (each), ==, 0);
    g_assert_true (vp_store_move_to_quarter (store, each, 2025, VP_QUARTER_Q3, &error));
    g_assert_cmpint (vp_action_get_planned_year (each), ==, 2024);
    g_assert_cmpint (vp_action_get_planned_quarter (each), ==, VP_QUARTER_Q4);
    g_assert_true (vp_store_undo (store, NULL));
  }
  /* no quarter: refused */
  g_assert_false (vp_store_move_to_quarter (store, bibob, 2025, VP_QUARTER_NONE, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);

  /* undone: a newer version of the old values (for the partners), and no
   * history of moves */
  g_assert_true (vp_store_undo (store, NULL));
  g_assert_true (vp_store_undo (store, NULL));
  g_assert_cmpint (vp_action_get_year (bibob), ==, 2024);
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q4);
  g_assert_cmpint (vp_action_get_planned_year (bibob), ==, 2024);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_STATUS_EVENT), ==, 0);
}

/* A failed move leaves the action and the history as they were. */
static void
test_failed_move_changes_nothing (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VpAction *bibob;

  vp_test_add_small_plan (store);
  bibob = find_action (store, "Wet Bibob");
  vp_test_break_inserts (vp_store_get_path (store), "status_event");
  before = vp_test_dump_file (vp_store_get_path (store));
  g_assert_false (vp_store_move_to_quarter (store, bibob, 2025, VP_QUARTER_Q1, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (vp_action_get_year (bibob), ==, 2024);
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q4);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/rules", test_rules);
  g_test_add_func ("/status/lead-keeps-status", test_lead_keeps_status);
  g_test_add_func ("/status/shared-status-is-the-last", test_shared_status_is_the_last);
  g_test_add_func ("/status/each-municipality", test_each_municipality);
  g_test_add_func ("/status/overdue-at-quarter-end", test_overdue_at_quarter_end);
  g_test_add_func ("/status/move-to-quarter", test_move_to_quarter);
  g_test_add_func ("/status/failed-move-changes-nothing", test_failed_move_changes_nothing);
  return g_test_run ();
}
