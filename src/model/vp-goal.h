/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_GOAL (vp_goal_get_type ())

G_DECLARE_FINAL_TYPE (VpGoal, vp_goal, VP, GOAL, VpRecord)

const char *vp_goal_get_priority (VpGoal *self);
const char *vp_goal_get_text (VpGoal *self);
VpGoalKind vp_goal_get_kind (VpGoal *self);
const char *vp_goal_get_subtheme (VpGoal *self);
VpAssessment vp_goal_get_assessment (VpGoal *self);
const char *vp_goal_get_evaluation (VpGoal *self);
const char *const *vp_goal_get_actions (VpGoal *self);

G_END_DECLS
