/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_ROW (vp_row_get_type ())

G_DECLARE_FINAL_TYPE (VpRow, vp_row, VP, ROW, GObject)

gpointer vp_row_get_record (VpRow *self);

/* What a record is in the rows (vp_row_model_set_kind_func()). */
typedef enum
{
  VP_ROW_ITEM,
  /* a heading of the items after it, shown whether or not any follow */
  VP_ROW_HEADING,
  /* a heading shown only with items after it */
  VP_ROW_HEADING_OF_ITEMS,
} VpRowKind;

typedef VpRowKind (*VpRowKindFunc) (gpointer record, gpointer data);

/* a record without a key (vp_row_model_new_full()) */
#define VP_ROW_NO_KEY G_MAXUINT

typedef guint (*VpRowKeyFunc) (gpointer record, gpointer data);
typedef gboolean (*VpRowMatchFunc) (gpointer record, guint key, gpointer data);

#define VP_TYPE_ROW_MODEL (vp_row_model_get_type ())

G_DECLARE_FINAL_TYPE (VpRowModel, vp_row_model, VP, ROW_MODEL, GObject)

VpRowModel *vp_row_model_new (GListModel *source, GtkFilter *filter, GtkSorter *sorter);
VpRowModel *vp_row_model_new_full (GListModel *source,
                                   GtkFilter *filter,
                                   GtkSorter *sorter,
                                   VpRowKeyFunc key_func,
                                   VpRowMatchFunc match_func,
                                   VpRowKindFunc kind_func,
                                   gpointer data);
guint vp_row_model_find (VpRowModel *self, gpointer record);
gpointer vp_row_model_get_record (VpRowModel *self, guint position);
void vp_row_model_set_paused (VpRowModel *self, gboolean paused);
void vp_row_model_set_kind_func (VpRowModel *self, VpRowKindFunc func, gpointer data);

G_END_DECLS
