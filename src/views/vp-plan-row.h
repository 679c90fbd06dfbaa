/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PLAN_ROW (vp_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (VpPlanRow, vp_plan_row, VP, PLAN_ROW, GtkWidget)

GtkWidget *vp_plan_row_new (VpStore *store);
void vp_plan_row_bind (VpPlanRow *self, GtkTreeListRow *row);
void vp_plan_row_unbind (VpPlanRow *self);

G_END_DECLS
