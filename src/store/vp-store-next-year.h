/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

GPtrArray *vp_store_list_unfinished_actions (VpStore *self, VpPlan *plan);
char *vp_store_next_year_title (VpStore *self, VpPlan *plan);
VpPlan *
vp_store_make_next_year (VpStore *self, VpPlan *plan, const char *const *carry, GError **error);
gboolean vp_store_reopen_plan (VpStore *self, VpPlan *plan, GError **error);

G_END_DECLS
