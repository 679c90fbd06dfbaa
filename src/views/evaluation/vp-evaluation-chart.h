/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "report/vp-figures.h"

G_BEGIN_DECLS

#define VP_TYPE_EVALUATION_CHART (vp_evaluation_chart_get_type ())

G_DECLARE_FINAL_TYPE (VpEvaluationChart, vp_evaluation_chart, VP, EVALUATION_CHART, GtkWidget)

/* What a bar stands for, so that a click can show its actions. */
typedef struct
{
  char *priority;
  char *subtheme;
  /* VP_FILTER_ANY (-1) for any */
  int quarter;
  char *lead;
} VpBarTarget;

GtkWidget *vp_evaluation_chart_new (void);
void vp_evaluation_chart_clear (VpEvaluationChart *self);
void vp_evaluation_chart_add_legend (VpEvaluationChart *self);
void vp_evaluation_chart_add_heading (VpEvaluationChart *self, const char *text);
void vp_evaluation_chart_add_bar (VpEvaluationChart *self,
                                  const char *label,
                                  const guint counts[VP_N_STATUSES],
                                  guint overdue,
                                  gboolean indented,
                                  const VpBarTarget *target);
void vp_evaluation_chart_add_progress (VpEvaluationChart *self,
                                       const char *label,
                                       guint part,
                                       guint whole,
                                       const char *value,
                                       const VpBarTarget *target);
guint vp_evaluation_chart_get_n_rows (VpEvaluationChart *self);
gboolean vp_evaluation_chart_activate_at (VpEvaluationChart *self, double x, double y);

G_END_DECLS
