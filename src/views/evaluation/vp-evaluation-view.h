/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "vp-action-filter.h"
#include "report/vp-figures.h"

G_BEGIN_DECLS

#define VP_TYPE_EVALUATION_VIEW (vp_evaluation_view_get_type ())

G_DECLARE_FINAL_TYPE (VpEvaluationView, vp_evaluation_view, VP, EVALUATION_VIEW, GtkWidget)

GtkWidget *vp_evaluation_view_new (VpStore *store, VpActionFilter *filter);
void vp_evaluation_view_set_plan (VpEvaluationView *self, VpPlan *plan);
void vp_evaluation_view_refresh (VpEvaluationView *self);
gboolean vp_evaluation_view_set_as_of (VpEvaluationView *self, const char *date, GError **error);
GDateTime *vp_evaluation_view_get_as_of (VpEvaluationView *self);
VpFiguresScope vp_evaluation_view_get_scope (VpEvaluationView *self);
GtkWidget *vp_evaluation_view_get_chart (VpEvaluationView *self);

G_END_DECLS
