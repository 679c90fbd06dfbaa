/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_PLAN (vp_plan_get_type ())

G_DECLARE_FINAL_TYPE (VpPlan, vp_plan, VP, PLAN, VpRecord)

const char *vp_plan_get_title (VpPlan *self);
int vp_plan_get_first_year (VpPlan *self);
int vp_plan_get_last_year (VpPlan *self);
const char *vp_plan_get_owner (VpPlan *self);
VpPlanOwnership vp_plan_get_ownership (VpPlan *self);
gboolean vp_plan_is_closed (VpPlan *self);

G_END_DECLS
