/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

GtkWidget *vp_plan_page_new (VpStore *store, VpPlan *plan);

G_END_DECLS
