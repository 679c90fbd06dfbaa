/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-goal"

#include "config.h"

#include "vp-goal.h"
#include "vp-priority.h"

/*
 * A goal of a priority: strategic, or for this year.
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpGoal
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpGoal, vp_goal, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PRIORITY,
  PROP_SUBTHEME,
  PROP_KIND,
  PROP_TEXT,
  PROP_POSITION,
  PROP_OWNER,
  PROP_ASSESSMENT,
  PROP_EVALUATION,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_goal_class_init (VpGoalClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_PRIORITY] = g_param_spec_string ("priority", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_SUBTHEME] = g_param_spec_string ("subtheme", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_KIND]
    = g_param_spec_enum ("kind", NULL, NULL, VP_TYPE_GOAL_KIND, 0, VP_FIELD_FLAGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_POSITION]
    = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);

  properties[PROP_ASSESSMENT] = g_param_spec_enum ("assessment", NULL, NULL, VP_TYPE_ASSESSMENT,
                                                   VP_ASSESSMENT_NOT_ASSESSED, VP_FIELD_FLAGS);
  properties[PROP_EVALUATION]
    = g_param_spec_string ("evaluation", NULL, NULL, NULL, VP_FIELD_FLAGS);
  /* the UUIDs of the actions that serve the goal */
  properties[PROP_ACTIONS]
    = g_param_spec_boxed ("actions", NULL, NULL, G_TYPE_STRV, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "goal", properties, N_PROPS);
  record_class->parent_field = "priority";
  record_class->parent_type = VP_TYPE_PRIORITY;
}

static void
vp_goal_init (VpGoal *self)
{
}

const char *
vp_goal_get_priority (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_PRIORITY);
}

const char *
vp_goal_get_text (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TEXT);
}

VpGoalKind
vp_goal_get_kind (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_KIND);
}

const char *
vp_goal_get_subtheme (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), NULL);
  return vp_record_string_field (VP_RECORD (self), PROP_SUBTHEME);
}

VpAssessment
vp_goal_get_assessment (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_ASSESSMENT);
}

const char *
vp_goal_get_evaluation (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), NULL);
  return vp_record_string_field (VP_RECORD (self), PROP_EVALUATION);
}

/**
 * vp_goal_get_actions:
 *
 * Returns: (transfer none) (nullable): the UUIDs of the actions that serve
 *   the goal
 */
const char *const *
vp_goal_get_actions (VpGoal *self)
{
  g_return_val_if_fail (VP_IS_GOAL (self), NULL);
  return vp_record_get_strv (VP_RECORD (self), "actions");
}
