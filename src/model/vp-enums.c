/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-enums.h"

G_DEFINE_ENUM_TYPE (VpStatus,
                    vp_status,
                    G_DEFINE_ENUM_VALUE (VP_STATUS_PLANNED, "planned"),
                    G_DEFINE_ENUM_VALUE (VP_STATUS_IN_PROGRESS, "in-progress"),
                    G_DEFINE_ENUM_VALUE (VP_STATUS_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (VP_STATUS_POSTPONED, "postponed"),
                    G_DEFINE_ENUM_VALUE (VP_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (VpAssessment,
                    vp_assessment,
                    G_DEFINE_ENUM_VALUE (VP_ASSESSMENT_NOT_ASSESSED, "not-assessed"),
                    G_DEFINE_ENUM_VALUE (VP_ASSESSMENT_ACHIEVED, "achieved"),
                    G_DEFINE_ENUM_VALUE (VP_ASSESSMENT_PARTLY, "partly"),
                    G_DEFINE_ENUM_VALUE (VP_ASSESSMENT_NOT_ACHIEVED, "not-achieved"))

G_DEFINE_ENUM_TYPE (VpScope,
                    vp_scope,
                    G_DEFINE_ENUM_VALUE (VP_SCOPE_JOINT, "joint"),
                    G_DEFINE_ENUM_VALUE (VP_SCOPE_LOCAL, "local"))

G_DEFINE_ENUM_TYPE (VpCategory,
                    vp_category,
                    G_DEFINE_ENUM_VALUE (VP_CATEGORY_JOINT, "joint"),
                    G_DEFINE_ENUM_VALUE (VP_CATEGORY_LOCAL, "local"))

G_DEFINE_ENUM_TYPE (VpGoalKind,
                    vp_goal_kind,
                    G_DEFINE_ENUM_VALUE (VP_GOAL_KIND_STRATEGIC, "strategic"),
                    G_DEFINE_ENUM_VALUE (VP_GOAL_KIND_YEAR, "year"))

/* Stored as the number 1–4 (NULL for none), not as a nick. */
G_DEFINE_ENUM_TYPE (VpQuarter,
                    vp_quarter,
                    G_DEFINE_ENUM_VALUE (VP_QUARTER_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (VP_QUARTER_Q1, "q1"),
                    G_DEFINE_ENUM_VALUE (VP_QUARTER_Q2, "q2"),
                    G_DEFINE_ENUM_VALUE (VP_QUARTER_Q3, "q3"),
                    G_DEFINE_ENUM_VALUE (VP_QUARTER_Q4, "q4"))

G_DEFINE_ENUM_TYPE (VpLeadKind,
                    vp_lead_kind,
                    G_DEFINE_ENUM_VALUE (VP_LEAD_KIND_ORGANISATION, "organisation"),
                    G_DEFINE_ENUM_VALUE (VP_LEAD_KIND_JOINT, "joint"),
                    G_DEFINE_ENUM_VALUE (VP_LEAD_KIND_EACH, "each"))

G_DEFINE_ENUM_TYPE (VpOrganisationKind,
                    vp_organisation_kind,
                    G_DEFINE_ENUM_VALUE (VP_ORGANISATION_KIND_MUNICIPALITY, "municipality"),
                    G_DEFINE_ENUM_VALUE (VP_ORGANISATION_KIND_PARTNER, "partner"))

G_DEFINE_ENUM_TYPE (VpPlanOwnership,
                    vp_plan_ownership,
                    G_DEFINE_ENUM_VALUE (VP_PLAN_OWNERSHIP_MUNICIPALITY, "municipality"),
                    G_DEFINE_ENUM_VALUE (VP_PLAN_OWNERSHIP_COALITION, "coalition"))

G_DEFINE_ENUM_TYPE (VpEventKind,
                    vp_event_kind,
                    G_DEFINE_ENUM_VALUE (VP_EVENT_KIND_STATUS, "status"),
                    G_DEFINE_ENUM_VALUE (VP_EVENT_KIND_QUARTER, "quarter"))

typedef struct
{
  GType (*get_type) (void);
  int value;
  const char *label;
} EnumLabel;

/* Labels are looked up through gettext at run time, so they follow the
 * language the program runs in. */
static const EnumLabel labels[] = {
  { vp_status_get_type, VP_STATUS_PLANNED, N_ ("Planned") },
  { vp_status_get_type, VP_STATUS_IN_PROGRESS, N_ ("In progress") },
  { vp_status_get_type, VP_STATUS_DONE, N_ ("Done") },
  { vp_status_get_type, VP_STATUS_POSTPONED, N_ ("Postponed") },
  { vp_status_get_type, VP_STATUS_CANCELLED, N_ ("Cancelled") },
  /* Translators: a goal's assessment at the year's end */
  { vp_assessment_get_type, VP_ASSESSMENT_NOT_ASSESSED, N_ ("Not yet assessed") },
  /* Translators: a goal's assessment at the year's end */
  { vp_assessment_get_type, VP_ASSESSMENT_ACHIEVED, N_ ("Achieved") },
  /* Translators: a goal's assessment at the year's end */
  { vp_assessment_get_type, VP_ASSESSMENT_PARTLY, N_ ("Partly achieved") },
  /* Translators: a goal's assessment at the year's end */
  { vp_assessment_get_type, VP_ASSESSMENT_NOT_ACHIEVED, N_ ("Not achieved") },
  /* Translators: the scope of a priority shared by the coalition */
  { vp_scope_get_type, VP_SCOPE_JOINT, N_ ("Joint priority") },
  { vp_scope_get_type, VP_SCOPE_LOCAL, N_ ("Local priority") },
  { vp_category_get_type, VP_CATEGORY_JOINT, N_ ("Joint action") },
  { vp_category_get_type, VP_CATEGORY_LOCAL, N_ ("Local action") },
  { vp_goal_kind_get_type, VP_GOAL_KIND_STRATEGIC, N_ ("Strategic goal") },
  { vp_goal_kind_get_type, VP_GOAL_KIND_YEAR, N_ ("Goal for this year") },
  /* Translators: an action planned in no particular quarter */
  { vp_quarter_get_type, VP_QUARTER_NONE, N_ ("No quarter") },
  { vp_quarter_get_type, VP_QUARTER_Q1, N_ ("Q1") },
  { vp_quarter_get_type, VP_QUARTER_Q2, N_ ("Q2") },
  { vp_quarter_get_type, VP_QUARTER_Q3, N_ ("Q3") },
  { vp_quarter_get_type, VP_QUARTER_Q4, N_ ("Q4") },
  /* Translators: the lead of an action is one organisation */
  { vp_lead_kind_get_type, VP_LEAD_KIND_ORGANISATION, N_ ("One organisation") },
  /* Translators: the lead of an action, the municipalities together */
  { vp_lead_kind_get_type, VP_LEAD_KIND_JOINT, N_ ("Joint") },
  /* Translators: the lead of an action, every municipality on its own */
  { vp_lead_kind_get_type, VP_LEAD_KIND_EACH, N_ ("Each municipality") },
  { vp_organisation_kind_get_type, VP_ORGANISATION_KIND_MUNICIPALITY, N_ ("Municipality") },
  { vp_organisation_kind_get_type, VP_ORGANISATION_KIND_PARTNER, N_ ("Partner") },
  /* Translators: a history entry that records a change of status */
  { vp_event_kind_get_type, VP_EVENT_KIND_STATUS, N_ ("Status change") },
  /* Translators: a history entry that records a move to another quarter */
  { vp_event_kind_get_type, VP_EVENT_KIND_QUARTER, N_ ("Quarter move") },
};

/**
 * vp_enum_get_label:
 * @enum_type: one of the enum types of this file
 * @value: a value of it
 *
 * Returns: (transfer none): the translated label of @value, for people
 */
const char *
vp_enum_get_label (GType enum_type, int value)
{
  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (labels[i].get_type () == enum_type && labels[i].value == value)
        return _ (labels[i].label);
    }

  g_return_val_if_reached ("");
}

/**
 * vp_enum_to_nick:
 *
 * Returns: (transfer none): the stored name of @value ("in-progress")
 */
const char *
vp_enum_to_nick (GType enum_type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_return_val_if_fail (ev != NULL, NULL);
  return ev->value_nick;
}

/**
 * vp_enum_from_nick:
 * @value: (out): the value named @nick
 *
 * Returns: %FALSE when @nick names no value of @enum_type
 */
gboolean
vp_enum_from_nick (GType enum_type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}
