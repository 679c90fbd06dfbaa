/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "vp-action-filter.h"
#include "store/vp-store.h"

G_BEGIN_DECLS

typedef struct _VpBoardView VpBoardView;

/* What makes a board: its columns, which actions each holds and what
 * moving an action to one does. The status board's is in vp-board-view.c,
 * the quarter board's in vp-quarter-board.c. */
typedef struct
{
  /* how many columns the board has (for its plan, which it is made with) */
  guint (*n_columns) (VpBoardView *board);
  /* the column's title, newly allocated */
  char *(*title) (VpBoardView *board, guint column);
  /* the column @action is in, or -1 for none */
  int (*column_of) (VpBoardView *board, VpAction *action);
  /* gives @action the value of @column, in the caller's transaction */
  gboolean (*move) (VpBoardView *board, VpAction *action, guint column, GError **error);
  /* why @action cannot move to @column, newly allocated, or NULL when it
   * can: asked before a drop is offered, so that it is refused up front */
  char *(*refusal) (VpBoardView *board, VpAction *action, guint column);
  /* the label of the undo step and the toast after a move to @column */
  const char *undo_label;
  char *(*moved_message) (VpBoardView *board, guint column);
  /* (optional) the column the board opens at, scrolled into view: the
   * quarter board's today */
  guint (*opening_column) (VpBoardView *board);
} VpBoardColumns;

#define VP_TYPE_BOARD_VIEW (vp_board_view_get_type ())

G_DECLARE_FINAL_TYPE (VpBoardView, vp_board_view, VP, BOARD_VIEW, GtkWidget)

GtkWidget *vp_board_view_new (VpStore *store, VpActionFilter *filter);
GtkWidget *vp_board_view_new_quarters (VpStore *store, VpActionFilter *filter, VpPlan *plan);
VpStore *vp_board_view_get_store (VpBoardView *self);
VpPlan *vp_board_view_get_plan (VpBoardView *self);
void vp_quarter_board_get_years (VpBoardView *board, int *first, int *last);
void vp_board_view_set_plan (VpBoardView *self, VpPlan *plan);
guint vp_board_view_get_n_columns (VpBoardView *self);
guint vp_board_view_get_opening_column (VpBoardView *self);
GtkAdjustment *vp_board_view_get_hadjustment (VpBoardView *self);
GtkWidget *vp_board_view_get_column (VpBoardView *self, guint column);
GListModel *vp_board_view_get_cards (VpBoardView *self, guint column);
guint vp_board_view_get_count (VpBoardView *self, guint column);
VpAction *vp_board_view_get_selected_action (VpBoardView *self);
void vp_board_view_follow_undo (VpBoardView *self);

G_END_DECLS
