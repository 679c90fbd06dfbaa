/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_PRIORITY (vp_priority_get_type ())

G_DECLARE_FINAL_TYPE (VpPriority, vp_priority, VP, PRIORITY, VpRecord)

const char *vp_priority_get_plan (VpPriority *self);
int vp_priority_get_number (VpPriority *self);
const char *vp_priority_get_title (VpPriority *self);
const char *vp_priority_get_colour (VpPriority *self);

G_END_DECLS
