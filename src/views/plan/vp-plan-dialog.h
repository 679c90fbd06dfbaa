/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PLAN_DIALOG (vp_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpPlanDialog, vp_plan_dialog, VP, PLAN_DIALOG, AdwWindow)

GtkWidget *vp_plan_dialog_new (GtkWindow *parent, VpStore *store, VpPlan *plan);
gboolean vp_plan_dialog_save (VpPlanDialog *self);
GtkWidget *vp_plan_dialog_get_title_row (VpPlanDialog *self);
GtkWidget *vp_plan_dialog_get_error_label (VpPlanDialog *self, int field);
GtkWidget *vp_plan_dialog_get_budget_row (VpPlanDialog *self);
GtkWidget *vp_plan_dialog_get_budget_error (VpPlanDialog *self);
void vp_plan_dialog_set_years (VpPlanDialog *self, int first, int last);

G_END_DECLS
