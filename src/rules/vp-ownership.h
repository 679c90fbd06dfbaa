/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "model/vp-model.h"

G_BEGIN_DECLS

const char *vp_record_get_owner (VpRecord *record);
gboolean vp_ownership_is_joint (VpRecord *record);
gboolean vp_ownership_may_add (VpRecord *record, const char *writer);
gboolean vp_ownership_may_change (VpRecord *record, const char *writer);
gboolean vp_ownership_may_edit_here (VpRecord *record, VpPlan *plan, const char *home);

G_END_DECLS
