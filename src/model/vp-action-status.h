/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTION_STATUS (vp_action_status_get_type ())

G_DECLARE_FINAL_TYPE (VpActionStatus, vp_action_status, VP, ACTION_STATUS, VpRecord)

const char *vp_action_status_get_action (VpActionStatus *self);
const char *vp_action_status_get_municipality (VpActionStatus *self);
VpStatus vp_action_status_get_status (VpActionStatus *self);
int vp_action_status_get_achieved (VpActionStatus *self);
const char *vp_action_status_get_note (VpActionStatus *self);

G_END_DECLS
