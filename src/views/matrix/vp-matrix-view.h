/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "vp-action-filter.h"
#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_MATRIX_VIEW (vp_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (VpMatrixView, vp_matrix_view, VP, MATRIX_VIEW, GtkWidget)

GtkWidget *vp_matrix_view_new (VpStore *store, VpActionFilter *filter);
void vp_matrix_view_set_plan (VpMatrixView *self, VpPlan *plan);
GListModel *vp_matrix_view_get_rows (VpMatrixView *self);
gpointer vp_matrix_view_get_record (VpMatrixView *self, guint position);
char *vp_matrix_view_dup_cell_text (VpMatrixView *self, VpAction *action, const char *municipality);

G_END_DECLS
