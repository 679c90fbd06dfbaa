/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-rules"

#include "config.h"

#include "vp-action-rules.h"

/*
 * The rules about an action's status and time (DESIGN.md, "Statuses"):
 * whose status it has, the status of all its parts in one, who sets it,
 * and when it is over time; and the quarter arithmetic they need. GTK-free
 * and store-free: the store gathers what they ask for (the lead's
 * organisation, the parts' statuses, its clock) and asks them
 * (store/vp-store-status.c); the views and the report ask the store.
 */

/**
 * vp_action_rules_status_rule:
 * @lead: (nullable): the organisation that leads @action, if it leads it
 *   alone and the database knows it
 *
 * Returns: whose status @action has: its lead's (a municipality), one
 *   shared, or one per participating municipality
 */
VpStatusRule
vp_action_rules_status_rule (VpAction *action, VpOrganisation *lead)
{
  g_return_val_if_fail (VP_IS_ACTION (action), VP_STATUS_RULE_SHARED);

  switch (vp_action_get_lead_kind (action))
    {
    case VP_LEAD_KIND_EACH:
      return VP_STATUS_RULE_EACH;
    case VP_LEAD_KIND_ORGANISATION:
      if (lead != NULL && vp_organisation_get_kind (lead) == VP_ORGANISATION_KIND_MUNICIPALITY)
        return VP_STATUS_RULE_LEAD;
      return VP_STATUS_RULE_SHARED;
    case VP_LEAD_KIND_JOINT:
    default:
      return VP_STATUS_RULE_SHARED;
    }
}

/**
 * vp_action_rules_overall_status:
 * @parts: (array length=n_parts): each participant's status of an action
 *   of each municipality (planned where one has none)
 * @shown: the status shown for the action, for when it has no parts
 *
 * All participants' statuses in one: done when all are done (or
 * cancelled), cancelled when all cancelled, in progress once any has
 * begun, postponed when any is and none has begun, else planned.
 *
 * Returns: the status of the action as a whole
 */
VpStatus
vp_action_rules_overall_status (const VpStatus *parts, guint n_parts, VpStatus shown)
{
  guint planned = 0, done = 0, cancelled = 0, postponed = 0;

  if (n_parts == 0)
    return shown;
  for (guint i = 0; i < n_parts; i++)
    switch (parts[i])
      {
      case VP_STATUS_PLANNED:
        planned++;
        break;
      case VP_STATUS_DONE:
        done++;
        break;
      case VP_STATUS_CANCELLED:
        cancelled++;
        break;
      case VP_STATUS_POSTPONED:
        postponed++;
        break;
      case VP_STATUS_IN_PROGRESS:
      default:
        break;
      }
  if (cancelled == n_parts)
    return VP_STATUS_CANCELLED;
  if (done + cancelled == n_parts)
    return VP_STATUS_DONE;
  /* begun: some part in progress or done */
  if (planned + postponed + cancelled < n_parts)
    return VP_STATUS_IN_PROGRESS;
  return postponed > 0 ? VP_STATUS_POSTPONED : VP_STATUS_PLANNED;
}

/**
 * vp_action_rules_may_set_status:
 * @rule: @action's status rule
 * @home: (nullable): the home municipality
 * @participants: (nullable): the municipality codes of @action's plan
 * @keeper: (out) (optional) (transfer none): the municipality that keeps
 *   the status when it is not @home
 *
 * Returns: whether @home sets (its part of) @action's status: not of an
 *   action another municipality leads, nor of one of each municipality
 *   that it does not take part in
 */
gboolean
vp_action_rules_may_set_status (VpStatusRule rule,
                                VpAction *action,
                                const char *home,
                                const char *const *participants,
                                const char **keeper)
{
  if (keeper != NULL)
    *keeper = NULL;
  if (home == NULL)
    return FALSE;
  switch (rule)
    {
    case VP_STATUS_RULE_LEAD:
      if (keeper != NULL && g_strcmp0 (vp_action_get_lead (action), home) != 0)
        *keeper = vp_action_get_lead (action);
      return g_strcmp0 (vp_action_get_lead (action), home) == 0;
    case VP_STATUS_RULE_EACH:
      return participants == NULL || g_strv_contains (participants, home);
    case VP_STATUS_RULE_SHARED:
    default:
      return TRUE;
    }
}

/**
 * vp_quarter_of_date:
 *
 * Returns: the quarter (1–4) @date falls in
 */
int
vp_quarter_of_date (GDateTime *date)
{
  return (g_date_time_get_month (date) - 1) / 3 + 1;
}

/**
 * vp_quarter_is_now:
 *
 * Returns: whether @now falls in @quarter of @year
 */
gboolean
vp_quarter_is_now (int year, VpQuarter quarter, GDateTime *now)
{
  return g_date_time_get_year (now) == year && vp_quarter_of_date (now) == (int) quarter;
}

/**
 * vp_quarter_has_passed:
 * @now: the date that counts
 *
 * Returns: whether @now is past the end of @quarter of @year (%FALSE when
 *   there is no quarter)
 */
gboolean
vp_quarter_has_passed (int year, VpQuarter quarter, GDateTime *now)
{
  int now_year = g_date_time_get_year (now);

  if (year == 0 || quarter == VP_QUARTER_NONE)
    return FALSE;
  return now_year > year || (now_year == year && vp_quarter_of_date (now) > (int) quarter);
}

/**
 * vp_action_quarter_has_passed:
 * @now: the date that counts
 *
 * Returns: whether @now is past the end of @action's quarter (%FALSE
 *   when it has none)
 */
gboolean
vp_action_quarter_has_passed (VpAction *action, GDateTime *now)
{
  return vp_quarter_has_passed (vp_action_get_year (action), vp_action_get_quarter (action), now);
}

/**
 * vp_action_rules_is_overdue:
 * @overall: @action's status as a whole (vp_action_get_overall_status())
 * @now: the date that counts
 *
 * Returns: whether the end of @action's quarter has passed while it is
 *   neither done nor cancelled
 */
gboolean
vp_action_rules_is_overdue (VpAction *action, VpStatus overall, GDateTime *now)
{
  return vp_rules_is_overdue_in (vp_action_get_year (action), vp_action_get_quarter (action),
                                 overall, now);
}

/**
 * vp_rules_is_overdue_in:
 * @year: the year of an action's quarter (0: none)
 * @quarter: its quarter
 * @overall: the action's status as a whole
 * @now: the date that counts
 *
 * The over-time rule for an action in @quarter of @year: the quarter it
 * had at a reference date, say, rather than the one it has now.
 *
 * Returns: whether the end of @quarter has passed while the action is
 *   neither done nor cancelled
 */
gboolean
vp_rules_is_overdue_in (int year, VpQuarter quarter, VpStatus overall, GDateTime *now)
{
  return vp_quarter_has_passed (year, quarter, now) && overall != VP_STATUS_DONE
         && overall != VP_STATUS_CANCELLED;
}
