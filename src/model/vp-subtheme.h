/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_SUBTHEME (vp_subtheme_get_type ())

G_DECLARE_FINAL_TYPE (VpSubtheme, vp_subtheme, VP, SUBTHEME, VpRecord)

const char *vp_subtheme_get_priority (VpSubtheme *self);
const char *vp_subtheme_get_letter (VpSubtheme *self);
const char *vp_subtheme_get_title (VpSubtheme *self);

G_END_DECLS
