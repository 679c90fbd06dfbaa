/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTION (vp_action_get_type ())

G_DECLARE_FINAL_TYPE (VpAction, vp_action, VP, ACTION, VpRecord)

const char *vp_action_get_priority (VpAction *self);
const char *vp_action_get_subtheme (VpAction *self);
const char *vp_action_get_text (VpAction *self);
VpLeadKind vp_action_get_lead_kind (VpAction *self);
const char *vp_action_get_lead (VpAction *self);
const char *vp_action_get_lead_note (VpAction *self);
int vp_action_get_year (VpAction *self);
VpQuarter vp_action_get_quarter (VpAction *self);
int vp_action_get_planned_year (VpAction *self);
VpQuarter vp_action_get_planned_quarter (VpAction *self);
VpCategory vp_action_get_category (VpAction *self);
int vp_action_get_target (VpAction *self);
const char *vp_action_get_target_unit (VpAction *self);
const char *vp_action_get_evaluation (VpAction *self);

const char *vp_action_get_origin (VpAction *self);

G_END_DECLS
