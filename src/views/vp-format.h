/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store.h"

G_BEGIN_DECLS

char *vp_format_lead (VpStore *store, VpAction *action);
char *vp_format_quarter (VpAction *action);
char *vp_format_planned_quarter (VpAction *action);

G_END_DECLS
