/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "rules/vp-action-rules.h"
#include "rules/vp-ownership.h"

/*
 * The domain rules on their own: no store, no display. This program links
 * the core library only (tests/meson.build), so it also shows that the
 * core builds without GTK.
 */

static VpAction *
make_action (VpLeadKind kind, const char *lead, int year, VpQuarter quarter)
{
  return g_object_new (VP_TYPE_ACTION, "lead-kind", kind, "lead", lead, "year", year, "quarter",
                       quarter, NULL);
}

static VpOrganisation *
make_organisation (const char *code, VpOrganisationKind kind)
{
  return g_object_new (VP_TYPE_ORGANISATION, "code", code, "name", code, "kind", kind, NULL);
}

static void
test_status_rule (void)
{
  g_autoptr (VpAction) each = make_action (VP_LEAD_KIND_EACH, NULL, 2025, VP_QUARTER_Q1);
  g_autoptr (VpAction) joint = make_action (VP_LEAD_KIND_JOINT, NULL, 2025, VP_QUARTER_Q1);
  g_autoptr (VpAction) led = make_action (VP_LEAD_KIND_ORGANISATION, "rhenen", 2025, VP_QUARTER_Q1);
  g_autoptr (VpAction) police
    = make_action (VP_LEAD_KIND_ORGANISATION, "politie", 2025, VP_QUARTER_Q1);
  g_autoptr (VpOrganisation) rhenen
    = make_organisation ("rhenen", VP_ORGANISATION_KIND_MUNICIPALITY);
  g_autoptr (VpOrganisation) politie = make_organisation ("politie", VP_ORGANISATION_KIND_PARTNER);

  g_assert_cmpint (vp_action_rules_status_rule (each, NULL), ==, VP_STATUS_RULE_EACH);
  g_assert_cmpint (vp_action_rules_status_rule (joint, NULL), ==, VP_STATUS_RULE_SHARED);
  g_assert_cmpint (vp_action_rules_status_rule (led, rhenen), ==, VP_STATUS_RULE_LEAD);
  g_assert_cmpint (vp_action_rules_status_rule (police, politie), ==, VP_STATUS_RULE_SHARED);
  /* a lead the database does not know: shared, as a partner's */
  g_assert_cmpint (vp_action_rules_status_rule (led, NULL), ==, VP_STATUS_RULE_SHARED);
}

static void
test_overall_status (void)
{
  const VpStatus all_done[] = { VP_STATUS_DONE, VP_STATUS_DONE, VP_STATUS_CANCELLED };
  const VpStatus all_cancelled[] = { VP_STATUS_CANCELLED, VP_STATUS_CANCELLED };
  const VpStatus begun[] = { VP_STATUS_PLANNED, VP_STATUS_DONE };
  const VpStatus postponed[] = { VP_STATUS_PLANNED, VP_STATUS_POSTPONED };
  const VpStatus planned[] = { VP_STATUS_PLANNED, VP_STATUS_CANCELLED };

  g_assert_cmpint (vp_action_rules_overall_status (all_done, 3, VP_STATUS_PLANNED), ==,
                   VP_STATUS_DONE);
  g_assert_cmpint (vp_action_rules_overall_status (all_cancelled, 2, VP_STATUS_PLANNED), ==,
                   VP_STATUS_CANCELLED);
  g_assert_cmpint (vp_action_rules_overall_status (begun, 2, VP_STATUS_PLANNED), ==,
                   VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (vp_action_rules_overall_status (postponed, 2, VP_STATUS_PLANNED), ==,
                   VP_STATUS_POSTPONED);
  g_assert_cmpint (vp_action_rules_overall_status (planned, 2, VP_STATUS_DONE), ==,
                   VP_STATUS_PLANNED);
  /* no participants: the status shown */
  g_assert_cmpint (vp_action_rules_overall_status (NULL, 0, VP_STATUS_POSTPONED), ==,
                   VP_STATUS_POSTPONED);
}

static void
test_may_set_status (void)
{
  g_autoptr (VpAction) led = make_action (VP_LEAD_KIND_ORGANISATION, "rhenen", 2025, VP_QUARTER_Q1);
  g_autoptr (VpAction) each = make_action (VP_LEAD_KIND_EACH, NULL, 2025, VP_QUARTER_Q1);
  const char *participants[] = { "rhenen", "veenendaal", NULL };
  const char *keeper = "unset";

  g_assert_true (
    vp_action_rules_may_set_status (VP_STATUS_RULE_LEAD, led, "rhenen", NULL, &keeper));
  g_assert_null (keeper);
  g_assert_false (
    vp_action_rules_may_set_status (VP_STATUS_RULE_LEAD, led, "veenendaal", NULL, &keeper));
  g_assert_cmpstr (keeper, ==, "rhenen");
  g_assert_true (
    vp_action_rules_may_set_status (VP_STATUS_RULE_EACH, each, "veenendaal", participants, NULL));
  g_assert_false (vp_action_rules_may_set_status (VP_STATUS_RULE_EACH, each, "wageningen",
                                                  participants, &keeper));
  g_assert_null (keeper);
  g_assert_true (
    vp_action_rules_may_set_status (VP_STATUS_RULE_SHARED, each, "wageningen", NULL, NULL));
  /* no home municipality yet: nobody here sets a status */
  g_assert_false (vp_action_rules_may_set_status (VP_STATUS_RULE_SHARED, each, NULL, NULL, NULL));
}

static void
test_quarters (void)
{
  g_autoptr (GDateTime) may = g_date_time_new_utc (2025, 5, 20, 12, 0, 0);
  g_autoptr (GDateTime) march_end = g_date_time_new_utc (2025, 3, 31, 23, 59, 59);
  g_autoptr (GDateTime) april = g_date_time_new_utc (2025, 4, 1, 0, 0, 0);
  g_autoptr (VpAction) q1 = make_action (VP_LEAD_KIND_JOINT, NULL, 2025, VP_QUARTER_Q1);
  g_autoptr (VpAction) none = make_action (VP_LEAD_KIND_JOINT, NULL, 0, VP_QUARTER_NONE);

  g_assert_cmpint (vp_quarter_of_date (may), ==, 2);
  g_assert_cmpint (vp_quarter_of_date (march_end), ==, 1);
  g_assert_true (vp_quarter_is_now (2025, VP_QUARTER_Q2, may));
  g_assert_false (vp_quarter_is_now (2024, VP_QUARTER_Q2, may));
  g_assert_false (vp_quarter_has_passed (2025, VP_QUARTER_Q1, march_end));
  g_assert_true (vp_quarter_has_passed (2025, VP_QUARTER_Q1, april));
  g_assert_true (vp_quarter_has_passed (2024, VP_QUARTER_Q4, april));
  g_assert_false (vp_quarter_has_passed (2025, VP_QUARTER_Q2, may));
  g_assert_false (vp_action_quarter_has_passed (none, may));

  g_assert_true (vp_action_rules_is_overdue (q1, VP_STATUS_IN_PROGRESS, may));
  g_assert_true (vp_action_rules_is_overdue (q1, VP_STATUS_PLANNED, may));
  g_assert_false (vp_action_rules_is_overdue (q1, VP_STATUS_DONE, may));
  g_assert_false (vp_action_rules_is_overdue (q1, VP_STATUS_CANCELLED, may));
  g_assert_false (vp_action_rules_is_overdue (q1, VP_STATUS_PLANNED, march_end));
  g_assert_false (vp_action_rules_is_overdue (none, VP_STATUS_PLANNED, may));
}

static void
test_ownership (void)
{
  g_autoptr (VpAction) local
    = g_object_new (VP_TYPE_ACTION, "category", VP_CATEGORY_LOCAL, "owner", "rhenen", NULL);
  g_autoptr (VpAction) joint = make_action (VP_LEAD_KIND_JOINT, NULL, 2025, VP_QUARTER_Q1);
  g_autoptr (VpPlan) open = g_object_new (VP_TYPE_PLAN, "title", "Plan", NULL);
  g_autoptr (VpPlan) closed
    = g_object_new (VP_TYPE_PLAN, "title", "Plan", "closed-at", "2026-01-01T00:00:00Z", NULL);

  g_assert_cmpstr (vp_record_get_owner (VP_RECORD (local)), ==, "rhenen");
  g_assert_null (vp_record_get_owner (VP_RECORD (joint)));
  g_assert_true (vp_ownership_is_joint (VP_RECORD (joint)));
  g_assert_true (vp_ownership_may_change (VP_RECORD (local), "rhenen"));
  g_assert_false (vp_ownership_may_change (VP_RECORD (local), "veenendaal"));
  g_assert_true (vp_ownership_may_change (VP_RECORD (joint), "veenendaal"));

  g_assert_true (vp_ownership_may_edit_here (VP_RECORD (joint), open, "veenendaal"));
  g_assert_true (vp_ownership_may_edit_here (VP_RECORD (local), NULL, "rhenen"));
  g_assert_false (vp_ownership_may_edit_here (VP_RECORD (local), open, "veenendaal"));
  /* nothing of a closed plan changes, not even one's own */
  g_assert_false (vp_ownership_may_edit_here (VP_RECORD (joint), closed, "veenendaal"));
  g_assert_false (vp_ownership_may_edit_here (VP_RECORD (local), closed, "rhenen"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/status-rule", test_status_rule);
  g_test_add_func ("/rules/overall-status", test_overall_status);
  g_test_add_func ("/rules/may-set-status", test_may_set_status);
  g_test_add_func ("/rules/quarters", test_quarters);
  g_test_add_func ("/rules/ownership", test_ownership);
  return g_test_run ();
}
