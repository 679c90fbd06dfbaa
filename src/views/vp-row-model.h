/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_ROW (vp_row_get_type ())

G_DECLARE_FINAL_TYPE (VpRow, vp_row, VP, ROW, GObject)

gpointer vp_row_get_record (VpRow *self);

#define VP_TYPE_ROW_MODEL (vp_row_model_get_type ())

G_DECLARE_FINAL_TYPE (VpRowModel, vp_row_model, VP, ROW_MODEL, GObject)

VpRowModel *vp_row_model_new (GListModel *source, GtkFilter *filter, GtkSorter *sorter);
guint vp_row_model_find (VpRowModel *self, gpointer record);
gpointer vp_row_model_get_record (VpRowModel *self, guint position);
void vp_row_model_set_paused (VpRowModel *self, gboolean paused);

G_END_DECLS
