/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "vp-action-filter.h"
#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_LIST_VIEW (vp_list_view_get_type ())

G_DECLARE_FINAL_TYPE (VpListView, vp_list_view, VP, LIST_VIEW, GtkWidget)

GtkWidget *vp_list_view_new (VpStore *store, VpActionFilter *filter);
void vp_list_view_set_plan (VpListView *self, VpPlan *plan);
GListModel *vp_list_view_get_rows (VpListView *self);
VpAction *vp_list_view_get_selected_action (VpListView *self);
gpointer vp_list_view_get_record (VpListView *self, guint position);
void vp_list_view_select_action (VpListView *self, VpAction *action);

G_END_DECLS
