/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-action"

#include "config.h"

#include "vp-action.h"
#include "vp-priority.h"

/*
 * A concrete action of a priority, with its lead and quarter. lead is an
 * organisation code when lead-kind is VP_LEAD_KIND_ORGANISATION. year and
 * target are 0 when not set.
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpAction
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpAction, vp_action, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PRIORITY,
  PROP_SUBTHEME,
  PROP_TEXT,
  PROP_LEAD_KIND,
  PROP_LEAD,
  PROP_LEAD_NOTE,
  PROP_YEAR,
  PROP_QUARTER,
  PROP_PLANNED_YEAR,
  PROP_PLANNED_QUARTER,
  PROP_CATEGORY,
  PROP_OWNER,
  PROP_TARGET,
  PROP_TARGET_UNIT,
  PROP_POSITION,
  PROP_EVALUATION,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_action_class_init (VpActionClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_PRIORITY] = g_param_spec_string ("priority", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_SUBTHEME] = g_param_spec_string ("subtheme", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_LEAD_KIND]
    = g_param_spec_enum ("lead-kind", NULL, NULL, VP_TYPE_LEAD_KIND, 0, VP_FIELD_FLAGS);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_LEAD_NOTE] = g_param_spec_string ("lead-note", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_QUARTER]
    = g_param_spec_enum ("quarter", NULL, NULL, VP_TYPE_QUARTER, 0, VP_FIELD_FLAGS);
  properties[PROP_PLANNED_YEAR]
    = g_param_spec_int ("planned-year", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_PLANNED_QUARTER]
    = g_param_spec_enum ("planned-quarter", NULL, NULL, VP_TYPE_QUARTER, 0, VP_FIELD_FLAGS);
  properties[PROP_CATEGORY]
    = g_param_spec_enum ("category", NULL, NULL, VP_TYPE_CATEGORY, 0, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TARGET] = g_param_spec_int ("target", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_TARGET_UNIT]
    = g_param_spec_string ("target-unit", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_POSITION]
    = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  /* the UUID of the action in an earlier plan this one was carried over from */
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, VP_FIELD_FLAGS);

  /* the result, or the reason for a delay, for the year's evaluation */
  properties[PROP_EVALUATION]
    = g_param_spec_string ("evaluation", NULL, NULL, NULL, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "action", properties, N_PROPS);
  record_class->parent_field = "priority";
  record_class->parent_type = VP_TYPE_PRIORITY;
}

static void
vp_action_init (VpAction *self)
{
}

const char *
vp_action_get_priority (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_PRIORITY);
}

const char *
vp_action_get_subtheme (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_SUBTHEME);
}

const char *
vp_action_get_text (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TEXT);
}

VpLeadKind
vp_action_get_lead_kind (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_LEAD_KIND);
}

const char *
vp_action_get_lead (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_LEAD);
}

const char *
vp_action_get_lead_note (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_LEAD_NOTE);
}

int
vp_action_get_year (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_YEAR);
}

VpQuarter
vp_action_get_quarter (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_QUARTER);
}

int
vp_action_get_planned_year (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_PLANNED_YEAR);
}

VpQuarter
vp_action_get_planned_quarter (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_PLANNED_QUARTER);
}

VpCategory
vp_action_get_category (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_CATEGORY);
}

int
vp_action_get_target (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_TARGET);
}

const char *
vp_action_get_target_unit (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TARGET_UNIT);
}

const char *
vp_action_get_evaluation (VpAction *self)
{
  g_return_val_if_fail (VP_IS_ACTION (self), NULL);
  return vp_record_string_field (VP_RECORD (self), PROP_EVALUATION);
}

/**
 * vp_action_get_origin:
 * @self: an action
 *
 * Returns: (nullable): the UUID of the action in an earlier plan that this
 *   one was carried over from, or %NULL
 */
const char *
vp_action_get_origin (VpAction *self)
{
  const char *origin;

  g_return_val_if_fail (VP_IS_ACTION (self), NULL);
  origin = vp_record_string_field (VP_RECORD (self), PROP_ORIGIN);
  return origin != NULL && *origin != '\0' ? origin : NULL;
}
