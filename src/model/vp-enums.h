/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value ("in-progress") is what the database and the
 * exchange file store; the label is what a person reads. */

typedef enum
{
  VP_STATUS_PLANNED,
  VP_STATUS_IN_PROGRESS,
  VP_STATUS_DONE,
  VP_STATUS_POSTPONED,
  VP_STATUS_CANCELLED,
} VpStatus;

typedef enum
{
  VP_SCOPE_JOINT,
  VP_SCOPE_LOCAL,
} VpScope;

typedef enum
{
  VP_CATEGORY_JOINT,
  VP_CATEGORY_LOCAL,
} VpCategory;

typedef enum
{
  VP_GOAL_KIND_STRATEGIC,
  VP_GOAL_KIND_YEAR,
} VpGoalKind;

typedef enum
{
  VP_QUARTER_NONE,
  VP_QUARTER_Q1,
  VP_QUARTER_Q2,
  VP_QUARTER_Q3,
  VP_QUARTER_Q4,
} VpQuarter;

typedef enum
{
  VP_LEAD_KIND_ORGANISATION,
  VP_LEAD_KIND_JOINT,
  VP_LEAD_KIND_EACH,
} VpLeadKind;

typedef enum
{
  VP_ORGANISATION_KIND_MUNICIPALITY,
  VP_ORGANISATION_KIND_PARTNER,
} VpOrganisationKind;

/* Who edits a plan itself: its owner municipality, or every participant. */
typedef enum
{
  VP_PLAN_OWNERSHIP_MUNICIPALITY,
  VP_PLAN_OWNERSHIP_COALITION,
} VpPlanOwnership;

typedef enum
{
  VP_EVENT_KIND_STATUS,
  VP_EVENT_KIND_QUARTER,
} VpEventKind;

/* How far a goal was achieved, judged at the year's end. */
typedef enum
{
  VP_ASSESSMENT_NOT_ASSESSED,
  VP_ASSESSMENT_ACHIEVED,
  VP_ASSESSMENT_PARTLY,
  VP_ASSESSMENT_NOT_ACHIEVED,
} VpAssessment;

#define VP_TYPE_STATUS            (vp_status_get_type ())
#define VP_TYPE_ASSESSMENT        (vp_assessment_get_type ())
#define VP_TYPE_SCOPE             (vp_scope_get_type ())
#define VP_TYPE_CATEGORY          (vp_category_get_type ())
#define VP_TYPE_GOAL_KIND         (vp_goal_kind_get_type ())
#define VP_TYPE_QUARTER           (vp_quarter_get_type ())
#define VP_TYPE_LEAD_KIND         (vp_lead_kind_get_type ())
#define VP_TYPE_ORGANISATION_KIND (vp_organisation_kind_get_type ())
#define VP_TYPE_EVENT_KIND        (vp_event_kind_get_type ())
#define VP_TYPE_PLAN_OWNERSHIP    (vp_plan_ownership_get_type ())

GType vp_status_get_type (void) G_GNUC_CONST;
GType vp_assessment_get_type (void) G_GNUC_CONST;
GType vp_scope_get_type (void) G_GNUC_CONST;
GType vp_category_get_type (void) G_GNUC_CONST;
GType vp_goal_kind_get_type (void) G_GNUC_CONST;
GType vp_quarter_get_type (void) G_GNUC_CONST;
GType vp_lead_kind_get_type (void) G_GNUC_CONST;
GType vp_organisation_kind_get_type (void) G_GNUC_CONST;
GType vp_event_kind_get_type (void) G_GNUC_CONST;
GType vp_plan_ownership_get_type (void) G_GNUC_CONST;

const char *vp_enum_get_label (GType enum_type, int value);
const char *vp_enum_to_nick (GType enum_type, int value);
gboolean vp_enum_from_nick (GType enum_type, const char *nick, int *value);

G_END_DECLS
