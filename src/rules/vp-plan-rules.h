/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "model/vp-model.h"

G_BEGIN_DECLS

#define VP_PLAN_RULES_ERROR (vp_plan_rules_error_quark ())

/* Which field of a plan a rule is about, so a form shows it there. */
typedef enum
{
  VP_PLAN_FIELD_TITLE,
  VP_PLAN_FIELD_YEARS,
  VP_PLAN_FIELD_OWNER,
  VP_PLAN_FIELD_PARTICIPANTS,
  VP_PLAN_FIELD_FRAMEWORK,
} VpPlanField;

/* The longest period one implementation plan covers, in years. */
#define VP_PLAN_MAX_YEARS 4

GQuark vp_plan_rules_error_quark (void);

gboolean vp_plan_rules_may_edit_plan (VpPlan *plan, const char *home);
gboolean
vp_plan_rules_check_plan_write (VpPlan *current, VpPlan *draft, const char *home, GError **error);
gboolean vp_plan_rules_validate (VpPlan *draft, GListModel *plans, GError **error);
gboolean vp_plan_rules_is_unfinished (VpStatus status);
char *vp_plan_rules_short_name (GListModel *organisations, VpOrganisation *organisation);

G_END_DECLS
