/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_DEFINITION (vp_definition_get_type ())

G_DECLARE_FINAL_TYPE (VpDefinition, vp_definition, VP, DEFINITION, VpRecord)

const char *vp_definition_get_plan (VpDefinition *self);
const char *vp_definition_get_term (VpDefinition *self);
const char *vp_definition_get_text (VpDefinition *self);

G_END_DECLS
