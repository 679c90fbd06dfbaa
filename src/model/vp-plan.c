/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-plan"

#include "config.h"

#include "vp-budget.h"
#include "vp-plan.h"

/*
 * An implementation plan (Uitvoeringsplan) for one or more years, part of a
 * multi-year framework (the IVP). participants: the municipality codes of the
 * coalition.
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpPlan
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpPlan, vp_plan, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  PROP_OWNER,
  PROP_PARTICIPANTS,
  PROP_FRAMEWORK_TITLE,
  PROP_FRAMEWORK_FIRST_YEAR,
  PROP_FRAMEWORK_LAST_YEAR,
  PROP_INTRO,
  PROP_OWNERSHIP,
  PROP_CLOSED_AT,
  PROP_BUDGET_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_plan_class_init (VpPlanClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_FIRST_YEAR]
    = g_param_spec_int ("first-year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_LAST_YEAR]
    = g_param_spec_int ("last-year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_PARTICIPANTS]
    = g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV, VP_FIELD_FLAGS);
  properties[PROP_FRAMEWORK_TITLE]
    = g_param_spec_string ("framework-title", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_FRAMEWORK_FIRST_YEAR]
    = g_param_spec_int ("framework-first-year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_FRAMEWORK_LAST_YEAR]
    = g_param_spec_int ("framework-last-year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_INTRO] = g_param_spec_string ("intro", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_OWNERSHIP]
    = g_param_spec_enum ("ownership", NULL, NULL, VP_TYPE_PLAN_OWNERSHIP, 0, VP_FIELD_FLAGS);
  properties[PROP_CLOSED_AT] = g_param_spec_string ("closed-at", NULL, NULL, NULL, VP_FIELD_FLAGS);
  /* the plan's own budget, besides its priorities': as a priority's */
  properties[PROP_BUDGET_CENTS]
    = g_param_spec_int64 ("budget-cents", NULL, NULL, VP_BUDGET_NONE, VP_BUDGET_MAX_CENTS,
                          VP_BUDGET_NONE, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "plan", properties, N_PROPS);
}

static void
vp_plan_init (VpPlan *self)
{
}

const char *
vp_plan_get_title (VpPlan *self)
{
  g_return_val_if_fail (VP_IS_PLAN (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TITLE);
}

int
vp_plan_get_first_year (VpPlan *self)
{
  g_return_val_if_fail (VP_IS_PLAN (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_FIRST_YEAR);
}

int
vp_plan_get_last_year (VpPlan *self)
{
  g_return_val_if_fail (VP_IS_PLAN (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_LAST_YEAR);
}

const char *
vp_plan_get_owner (VpPlan *self)
{
  g_return_val_if_fail (VP_IS_PLAN (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_OWNER);
}

/**
 * vp_plan_get_ownership:
 * @self: a plan
 *
 * Returns: whether the owner municipality or every participant edits the plan
 */
VpPlanOwnership
vp_plan_get_ownership (VpPlan *self)
{
  g_return_val_if_fail (VP_IS_PLAN (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_OWNERSHIP);
}

/**
 * vp_plan_is_closed:
 * @self: a plan
 *
 * Returns: whether the plan was closed (next year's plan made from it)
 */
gboolean
vp_plan_is_closed (VpPlan *self)
{
  const char *closed_at;

  g_return_val_if_fail (VP_IS_PLAN (self), FALSE);
  closed_at = vp_record_string_field (VP_RECORD (self), PROP_CLOSED_AT);
  return closed_at != NULL && *closed_at != '\0';
}
