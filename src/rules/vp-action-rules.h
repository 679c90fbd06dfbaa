/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "model/vp-model.h"

G_BEGIN_DECLS

/* Whose status an action has (DESIGN.md, "Statuses"). */
typedef enum
{
  /* led by one municipality: its status, which only it sets */
  VP_STATUS_RULE_LEAD,
  /* joint, or led by a partner organisation: one shared status, the one
   * a municipality set last */
  VP_STATUS_RULE_SHARED,
  /* each municipality: one status per participating municipality, done
   * when all are */
  VP_STATUS_RULE_EACH,
} VpStatusRule;

VpStatusRule vp_action_rules_status_rule (VpAction *action, VpOrganisation *lead);
VpStatus vp_action_rules_overall_status (const VpStatus *parts, guint n_parts, VpStatus shown);
gboolean vp_action_rules_may_set_status (VpStatusRule rule,
                                         VpAction *action,
                                         const char *home,
                                         const char *const *participants,
                                         const char **keeper);
gboolean vp_action_rules_is_overdue (VpAction *action, VpStatus overall, GDateTime *now);
gboolean vp_rules_is_overdue_in (int year, VpQuarter quarter, VpStatus overall, GDateTime *now);

int vp_quarter_of_date (GDateTime *date);
gboolean vp_quarter_is_now (int year, VpQuarter quarter, GDateTime *now);
gboolean vp_quarter_has_passed (int year, VpQuarter quarter, GDateTime *now);
gboolean vp_action_quarter_has_passed (VpAction *action, GDateTime *now);

G_END_DECLS
