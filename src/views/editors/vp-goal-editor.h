/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-record-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_GOAL_EDITOR (vp_goal_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpGoalEditor, vp_goal_editor, VP, GOAL_EDITOR, VpRecordEditor)

GtkWidget *vp_goal_editor_new (GtkWindow *parent,
                               VpStore *store,
                               VpPlan *plan,
                               VpGoal *goal,
                               VpPriority *priority,
                               VpGoalKind kind);

G_END_DECLS
