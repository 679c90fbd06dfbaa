/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-priority"

#include "config.h"

#include "vp-budget.h"
#include "vp-priority.h"
#include "vp-plan.h"

/*
 * A priority of a plan, joint or local. budget-cents: its budget in cents,
 * VP_BUDGET_NONE (-1) for none; 0 is a budget of nothing (vp-budget.c).
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpPriority
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpPriority, vp_priority, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_SCOPE,
  PROP_OWNER,
  PROP_AMBITION,
  PROP_PORTFOLIO_HOLDERS,
  PROP_BUDGET_CENTS,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_priority_class_init (VpPriorityClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_NUMBER] = g_param_spec_int ("number", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_SCOPE]
    = g_param_spec_enum ("scope", NULL, NULL, VP_TYPE_SCOPE, 0, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_AMBITION] = g_param_spec_string ("ambition", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_PORTFOLIO_HOLDERS]
    = g_param_spec_boxed ("portfolio-holders", NULL, NULL, G_TYPE_STRV, VP_FIELD_FLAGS);
  properties[PROP_BUDGET_CENTS]
    = g_param_spec_int64 ("budget-cents", NULL, NULL, VP_BUDGET_NONE, VP_BUDGET_MAX_CENTS,
                          VP_BUDGET_NONE, VP_FIELD_FLAGS);
  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, "#3584e4", VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "priority", properties, N_PROPS);
  record_class->parent_field = "plan";
  record_class->parent_type = VP_TYPE_PLAN;
}

static void
vp_priority_init (VpPriority *self)
{
}

const char *
vp_priority_get_plan (VpPriority *self)
{
  g_return_val_if_fail (VP_IS_PRIORITY (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_PLAN);
}

int
vp_priority_get_number (VpPriority *self)
{
  g_return_val_if_fail (VP_IS_PRIORITY (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_NUMBER);
}

const char *
vp_priority_get_title (VpPriority *self)
{
  g_return_val_if_fail (VP_IS_PRIORITY (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TITLE);
}

const char *
vp_priority_get_colour (VpPriority *self)
{
  g_return_val_if_fail (VP_IS_PRIORITY (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_COLOUR);
}
