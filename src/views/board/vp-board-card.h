/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_BOARD_CARD (vp_board_card_get_type ())

G_DECLARE_FINAL_TYPE (VpBoardCard, vp_board_card, VP, BOARD_CARD, GtkWidget)

/* Where a drag would put the dragged card: a line above or below this one. */
typedef enum
{
  VP_BOARD_DROP_NONE,
  VP_BOARD_DROP_BEFORE,
  VP_BOARD_DROP_AFTER,
} VpBoardDrop;

GtkWidget *vp_board_card_new (void);
void vp_board_card_show_action (VpBoardCard *self, VpStore *store, VpAction *action);
void vp_board_card_set_measure_exactly (VpBoardCard *self, gboolean exactly);
gboolean vp_board_card_is_height_guessed (VpBoardCard *self);
void vp_board_card_bind_action (VpBoardCard *self, VpStore *store, VpAction *action);
void vp_board_card_show_heading (VpBoardCard *self, const char *title, const char *colour);
void vp_board_card_clear (VpBoardCard *self);
VpAction *vp_board_card_get_action (VpBoardCard *self);
void vp_board_card_set_drop (VpBoardCard *self, VpBoardDrop drop);

G_END_DECLS
