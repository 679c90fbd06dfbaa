/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_STATUS_EVENT (vp_status_event_get_type ())

G_DECLARE_FINAL_TYPE (VpStatusEvent, vp_status_event, VP, STATUS_EVENT, VpRecord)

const char *vp_status_event_get_action (VpStatusEvent *self);
const char *vp_status_event_get_municipality (VpStatusEvent *self);
const char *vp_status_event_get_from (VpStatusEvent *self);
const char *vp_status_event_get_to (VpStatusEvent *self);
VpEventKind vp_status_event_get_kind (VpStatusEvent *self);

G_END_DECLS
