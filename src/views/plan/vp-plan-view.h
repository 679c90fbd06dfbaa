/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PLAN_VIEW (vp_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (VpPlanView, vp_plan_view, VP, PLAN_VIEW, GtkWidget)

GtkWidget *vp_plan_view_new (VpStore *store);
void vp_plan_view_set_plan (VpPlanView *self, VpPlan *plan);

G_END_DECLS
