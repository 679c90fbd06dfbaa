/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-board-card.h"
#include "vp-board-split.h"
#include "vp-board-view.h"
#include "vp-poke-model.h"

G_BEGIN_DECLS

/* vp-quarter-board.c */
extern const VpBoardColumns vp_quarter_board_columns;

/* The board's parts, shared by vp-board-view.c (models, columns, cards)
 * and vp-board-view-moves.c (moves, drag and drop, menu, keys). */

/* How each column groups its cards. */
typedef enum
{
  VP_BOARD_LANES_NONE,
  VP_BOARD_LANES_PRIORITY,
  VP_BOARD_LANES_LEAD,
} VpBoardLanes;

/* A column: its widgets, its cards (the split's column of the board's
 * sorted records) and what the last placement put in it. */
typedef struct
{
  VpBoardView *self;
  guint index;
  /* the column, which takes drops */
  GtkWidget *widget;
  GtkWidget *count;
  GtkWidget *placeholder;
  GtkWidget *list;
  GtkSingleSelection *selection;
  /* lane key → number of cards in the lane, by the last placement */
  GHashTable *lanes;
  guint n_cards;
} VpBoardColumn;

struct _VpBoardView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *main;
  GtkWidget *summary;
  GtkMenuButton *lanes_button;
  GtkWidget *columns_box;
  GtkWidget *scroller;
  /* whether the board is still to open at its opening column */
  gboolean opening_pending;

  /* borrowed */
  const VpBoardColumns *def;
  /* the def's, for the plan the board was made with */
  guint n_columns;

  /* owned */
  VpStore *store;
  VpActionFilter *filter;
  VpPlan *plan;
  VpBoardLanes lanes;
  VpBoardColumn *columns;
  /* the lanes' headings (a model of priorities or of lead keys), then the
   * actions */
  GListStore *parts;
  /* the leads' keys, as GtkStringObjects; key → rank in the lanes' order */
  GListStore *lead_lanes;
  GHashTable *lead_ranks;
  GtkCustomSorter *sorter;
  GtkSortListModel *sorted;
  /* the sorted records, split into the columns' models */
  VpBoardSplit *split;
  /* the priorities changed: with lanes, the sorter is to sort again */
  gboolean resort;
  /* the sorted model's source: tells it of an action that moved */
  VpPokeModel *source;
  /* the poke model's source: the records nearly in order (a
   * VpBoardPresort) */
  gpointer presort;
  /* looks up the cards' positions in source, after the first frame */
  guint prepare_id;
  /* the UUIDs of the plan's priorities, interned */
  GHashTable *plan_priorities;
  /* VpAction (a reference) → its Place, for the actions shown */
  GHashTable *placement;
  /* VpAction (a reference) set: to be placed again */
  GHashTable *dirty;
  /* every action is to be placed again; actions may have been deleted */
  gboolean replace_all;
  gboolean deleted;
  /* every bound card's Watch */
  GHashTable *watches;
  guint placement_idle;
  /* the placement is out of date while the board is not on screen */
  gboolean stale;
  GtkWidget *menu;
  /* a drag under way: its action and card, where on the card it began */
  VpAction *dragged;
  GtkWidget *dragged_card;
  double drag_x, drag_y;
  /* the card that shows where a drop would go */
  GtkWidget *marked;
  /* the action the last move on the board moved: Undo moves it back, and
   * the focus follows it */
  VpAction *last_moved;
};

/* vp-board-view.c */
int vp_board_view_column_of (VpBoardView *self, VpAction *action);
void vp_board_view_flush (VpBoardView *self);
void vp_board_view_show_all_cards (VpBoardView *self);

/* vp-board-view-moves.c */
void vp_board_view_watch_column (VpBoardView *self, VpBoardColumn *column);
void vp_board_view_add_shortcuts (VpBoardView *self);
void vp_board_view_install_actions (GtkWidgetClass *widget_class);
VpBoardCard *vp_board_view_focused_card (VpBoardView *self);

G_END_DECLS
