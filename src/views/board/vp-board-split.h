/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The columns that show @item: bit c for column c. */
typedef guint32 (*VpBoardSplitFunc) (gpointer item, gpointer user_data);

#define VP_BOARD_SPLIT_MAX_COLUMNS 32

#define VP_TYPE_BOARD_SPLIT (vp_board_split_get_type ())
G_DECLARE_FINAL_TYPE (VpBoardSplit, vp_board_split, VP, BOARD_SPLIT, GObject)

VpBoardSplit *vp_board_split_new (guint n_columns, VpBoardSplitFunc func, gpointer user_data);
void vp_board_split_set_model (VpBoardSplit *self, GListModel *model);
GListModel *vp_board_split_get_column (VpBoardSplit *self, guint column);
void vp_board_split_refilter (VpBoardSplit *self);
void vp_board_split_set_limit (VpBoardSplit *self, guint limit);

G_END_DECLS
