/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"

#include "vp-accessible.h"
#include "vp-board-view-private.h"

/*
 * What the board changes: a card moved to another column (a drop, the
 * card's menu, Ctrl+Left and Ctrl+Right) sets what the column stands for,
 * the home municipality's status; a card moved among its priority's
 * (a drop, Ctrl+Up and Ctrl+Down) renumbers that priority's actions. Each
 * move is one transaction and one step to undo; one that fails changes
 * nothing and says why ("failed").
 */

/* Finding cards. */

/* The row of @list at (@x, @y), in @list's coordinates, or NULL. */
static GtkWidget *
row_at (GtkWidget *list, double x, double y)
{
  GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

/* The card at (@x, @y) of @list, and in which half of it. */
static VpBoardCard *
card_at (GtkWidget *list, double x, double y, VpBoardDrop *side)
{
  GtkWidget *row = row_at (list, x, y);
  GtkWidget *card = row != NULL ? gtk_widget_get_first_child (row) : NULL;
  graphene_rect_t bounds;

  if (!VP_IS_BOARD_CARD (card))
    return NULL;
  if (side != NULL && gtk_widget_compute_bounds (row, list, &bounds))
    *side
      = y < bounds.origin.y + bounds.size.height / 2 ? VP_BOARD_DROP_BEFORE : VP_BOARD_DROP_AFTER;
  return VP_BOARD_CARD (card);
}

/* The card that has the keyboard focus, if any. */
VpBoardCard *
vp_board_view_focused_card (VpBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  for (GtkWidget *widget = focus; widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (VP_IS_BOARD_CARD (widget))
        return VP_BOARD_CARD (widget);
    }
  /* a focused row holds its card */
  child = gtk_widget_get_first_child (focus);
  return VP_IS_BOARD_CARD (child) ? VP_BOARD_CARD (child) : NULL;
}

/* Where @action's card is: its column and its place in it. */
static VpBoardColumn *
find_card (VpBoardView *self, VpAction *action, guint *position)
{
  int index = vp_board_view_column_of (self, action);
  GListModel *cards;

  if (index < 0)
    return NULL;
  vp_board_view_show_all_cards (self);
  cards = G_LIST_MODEL (self->columns[index].selection);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (cards, i);

      if (item == G_OBJECT (action))
        {
          *position = i;
          return &self->columns[index];
        }
    }
  return NULL;
}

static gboolean
focus_row (VpBoardColumn *column, VpAction *action)
{
  for (GtkWidget *row = gtk_widget_get_first_child (column->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (VP_IS_BOARD_CARD (card) && vp_board_card_get_action (VP_BOARD_CARD (card)) == action
          && gtk_widget_get_child_visible (row))
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}

static gboolean
focus_later_cb (gpointer data)
{
  VpAction *action = g_object_get_data (data, "vp-focus-later");
  guint position;
  VpBoardColumn *column = action != NULL ? find_card (data, action, &position) : NULL;

  if (column != NULL)
    focus_row (column, action);
  g_object_set_data (data, "vp-focus-later", NULL);
  return G_SOURCE_REMOVE;
}

/* Selects @action's card and gives it the focus: after a move, the focus
 * follows the card. */
static void
focus_card (VpBoardView *self, VpAction *action)
{
  guint position;
  VpBoardColumn *column = find_card (self, action, &position);

  if (column == NULL)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (column->selection), position, TRUE);
  gtk_widget_activate_action (column->list, "list.scroll-to-item", "u", position);
  if (focus_row (column, action))
    return;
  /* the row is made when the list is laid out */
  g_object_set_data_full (G_OBJECT (self), "vp-focus-later", g_object_ref (action), g_object_unref);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_later_cb, g_object_ref (self), g_object_unref);
}

/* Moves. */

static gboolean
same_priority (VpAction *a, VpAction *b)
{
  return g_strcmp0 (vp_action_get_priority (a), vp_action_get_priority (b)) == 0;
}

/* The actions of @action's priority in their order, with @action put
 * before or after @neighbour; NULL when that is the order they have. */
static GPtrArray *
reorder (VpBoardView *self, VpAction *action, VpAction *neighbour, gboolean after)
{
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  g_autoptr (GPtrArray) before = g_ptr_array_new ();
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  guint at;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) other = g_list_model_get_item (actions, i);

      if (!same_priority (other, action))
        continue;
      /* the store holds them */
      g_ptr_array_add (before, other);
      if (other != action)
        g_ptr_array_add (order, other);
    }
  if (!g_ptr_array_find (order, neighbour, &at))
    return NULL;
  g_ptr_array_insert (order, at + (after ? 1 : 0), action);
  for (guint i = 0; i < order->len; i++)
    {
      if (order->pdata[i] != before->pdata[i])
        return g_steal_pointer (&order);
    }
  return NULL;
}

/* Numbers the actions of one priority in @order's order, writing only
 * those whose place changes. */
static gboolean
write_positions (VpBoardView *self, GPtrArray *order, GError **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      VpRecord *action = order->pdata[i];

      if (vp_record_get_int (action, "position") != (int) i
          && !vp_store_update (self->store, action, error, "position", (int) i, NULL))
        return FALSE;
    }
  return TRUE;
}

static void
fail (VpBoardView *self, const char *message)
{
  g_signal_emit_by_name (self, "failed", message);
}

/* A move not tried: the reason goes in a toast, not a dialog. */
static void
refuse (VpBoardView *self, const char *message)
{
  g_signal_emit_by_name (self, "refused", message);
}

/* Why @action cannot move to column @to (another than its own), or NULL. */
static char *
refusal (VpBoardView *self, VpAction *action, int to)
{
  char *read_only = vp_store_dup_read_only_reason (self->store);

  if (read_only != NULL)
    return read_only;
  if (to < 0 || self->def->refusal == NULL || to == vp_board_view_column_of (self, action))
    return NULL;
  return self->def->refusal (self, action, to);
}

/* A drop, as vp_store_run() writes it: the column's change (a status, a
 * quarter) and the new order. */
typedef struct
{
  VpBoardView *self;
  VpAction *action;
  int to;
  GPtrArray *order;
} Drop;

static gboolean
drop_edit (VpStore *store, gpointer data, GError **error)
{
  Drop *drop = data;

  return (drop->to < 0 || drop->self->def->move (drop->self, drop->action, drop->to, error))
         && (drop->order == NULL || write_positions (drop->self, drop->order, error));
}

/* Moves @action to column @to (unless -1), and before or after
 * @neighbour (unless NULL) among its priority's actions: one transaction,
 * one step to undo. On failure nothing changed and "failed" tells why. */
static gboolean
move_action (VpBoardView *self, VpAction *action, int to, VpAction *neighbour, gboolean after)
{
  g_autoptr (GPtrArray) order = neighbour != NULL ? reorder (self, action, neighbour, after) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *refused = refusal (self, action, to);

  if (to < 0 && order == NULL)
    return FALSE;
  if (refused != NULL)
    {
      refuse (self, refused);
      return FALSE;
    }
  /* a partner's local action keeps its place: only its owner moves it */
  if (order != NULL && !vp_action_check_ours (self->store, action, &error))
    {
      refuse (self, error->message);
      return FALSE;
    }
  if (to >= 0 && vp_store_get_home_municipality (self->store) == NULL)
    {
      fail (self, _ ("Choose your municipality first: a status on the board is always your "
                     "municipality’s."));
      return FALSE;
    }
  /* Translators: what Undo undoes after cards were reordered on the board */
  if (!vp_store_run (self->store, to >= 0 ? _ (self->def->undo_label) : _ ("Reorder actions"),
                     drop_edit, &(Drop){ self, action, to, order }, &error))
    {
      fail (self, error->message);
      return FALSE;
    }
  vp_board_view_flush (self);
  g_set_object (&self->last_moved, action);
  /* Translators: a toast after cards were reordered on the board */
  message = to >= 0 ? self->def->moved_message (self, to) : g_strdup (_ ("Order changed"));
  g_signal_emit_by_name (self, "done", message);
  return TRUE;
}

/* A drop of @action on column @to, next to @neighbour (or none): on
 * another column it changes the status, on its own the order. */
static gboolean
drop_action (VpBoardView *self, VpAction *action, guint to, VpAction *neighbour, gboolean after)
{
  int from = vp_board_view_column_of (self, action);

  if (from < 0
      || vp_store_lookup (self->store, vp_record_get_uuid (VP_RECORD (action)))
           != VP_RECORD (action))
    return FALSE;
  /* to another column: what the column stands for changes, and the card
   * takes its place there among its priority's */
  if (from != (int) to)
    return move_action (self, action, to, NULL, FALSE);
  if (neighbour == action || neighbour == NULL)
    return FALSE;
  if (!same_priority (neighbour, action))
    {
      VpPriority *priority = vp_store_lookup_priority_of (self->store, action);
      g_autofree char *message = NULL;

      /* Translators: a card was dropped among another priority's cards;
       * %s is the title of its own priority */
      message = g_strdup_printf (_ ("An action stays with its priority: it can only move among "
                                    "the actions of “%s”."),
                                 priority != NULL ? vp_priority_get_title (priority) : "");
      refuse (self, message);
      return FALSE;
    }
  return move_action (self, action, -1, neighbour, after);
}

/* Moves @action @delta columns on (Ctrl+Left, Ctrl+Right). */
static gboolean
move_across (VpBoardView *self, VpAction *action, int delta)
{
  int to = vp_board_view_column_of (self, action) + delta;

  if (vp_board_view_column_of (self, action) < 0 || to < 0 || to >= (int) self->n_columns)
    return FALSE;
  if (!move_action (self, action, to, NULL, FALSE))
    return FALSE;
  focus_card (self, action);
  return TRUE;
}

/* Moves @action one place up or down its column, among its priority's
 * actions (Ctrl+Up, Ctrl+Down). */
static gboolean
move_within (VpBoardView *self, VpAction *action, int delta)
{
  guint position;
  VpBoardColumn *column = find_card (self, action, &position);
  g_autoptr (GObject) next = NULL;

  if (column == NULL || (delta < 0 && position == 0))
    return FALSE;
  next = g_list_model_get_item (G_LIST_MODEL (column->selection), position + delta);
  if (!VP_IS_ACTION (next) || !same_priority (VP_ACTION (next), action))
    return FALSE;
  if (!move_action (self, action, -1, VP_ACTION (next), delta > 0))
    return FALSE;
  focus_card (self, action);
  return TRUE;
}

/* Drag and drop: a drag source on each column's list, a drop target on
 * each column. */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source, double x, double y, VpBoardColumn *column)
{
  VpBoardView *self = column->self;
  VpBoardCard *card = card_at (column->list, x, y, NULL);
  VpAction *action = card != NULL ? vp_board_card_get_action (card) : NULL;
  graphene_point_t at;

  if (action == NULL || vp_store_get_home_municipality (self->store) == NULL
      || vp_store_get_as_of (self->store) != NULL)
    return NULL;
  g_set_object (&self->dragged, action);
  g_set_object (&self->dragged_card, GTK_WIDGET (card));
  if (!gtk_widget_compute_point (column->list, GTK_WIDGET (card), &GRAPHENE_POINT_INIT (x, y), &at))
    at = GRAPHENE_POINT_INIT (0, 0);
  self->drag_x = at.x;
  self->drag_y = at.y;
  return gdk_content_provider_new_typed (VP_TYPE_ACTION, action);
}

static void
on_drag_begin_cb (GtkDragSource *source, GdkDrag *drag, VpBoardColumn *column)
{
  VpBoardView *self = column->self;
  g_autoptr (GdkPaintable) card = NULL;
  g_autoptr (GdkPaintable) icon = NULL;

  if (self->dragged_card == NULL)
    return;
  /* the card as it is now, before it dims in its column */
  card = gtk_widget_paintable_new (self->dragged_card);
  icon = gdk_paintable_get_current_image (card);
  gtk_drag_source_set_icon (source, icon, self->drag_x, self->drag_y);
  gtk_widget_add_css_class (self->dragged_card, "dragged");
}

static void
mark_drop (VpBoardView *self, GtkWidget *card, VpBoardDrop side)
{
  if (self->marked != NULL && self->marked != card)
    vp_board_card_set_drop (VP_BOARD_CARD (self->marked), VP_BOARD_DROP_NONE);
  self->marked = card;
  if (card != NULL)
    vp_board_card_set_drop (VP_BOARD_CARD (card), side);
}

static void
on_drag_end_cb (GtkDragSource *source, GdkDrag *drag, gboolean delete_data, VpBoardColumn *column)
{
  VpBoardView *self = column->self;

  if (self->dragged_card != NULL)
    gtk_widget_remove_css_class (self->dragged_card, "dragged");
  g_clear_object (&self->dragged_card);
  g_clear_object (&self->dragged);
  mark_drop (self, NULL, VP_BOARD_DROP_NONE);
}

/* The action next to which a drop at (@x, @y) of @column would go, and on
 * which side; NULL where there is no card. */
static VpAction *
neighbour_at (VpBoardColumn *column, double x, double y, VpBoardDrop *side, VpBoardCard **card)
{
  graphene_point_t point;
  VpBoardCard *found = NULL;

  if (gtk_widget_compute_point (column->widget, column->list, &GRAPHENE_POINT_INIT (x, y), &point))
    found = card_at (column->list, point.x, point.y, side);
  if (card != NULL)
    *card = found;
  return found != NULL ? vp_board_card_get_action (found) : NULL;
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget *target, double x, double y, VpBoardColumn *column)
{
  VpBoardView *self = column->self;
  const GValue *value = gtk_drop_target_get_value (target);
  VpAction *dragged = value != NULL && G_VALUE_HOLDS (value, VP_TYPE_ACTION)
                        ? g_value_get_object (value)
                        : self->dragged;
  VpBoardDrop side = VP_BOARD_DROP_NONE;
  VpBoardCard *card = NULL;
  VpAction *neighbour = neighbour_at (column, x, y, &side, &card);
  g_autofree char *refused = dragged != NULL ? refusal (self, dragged, column->index) : NULL;

  /* a move that would be refused is not offered */
  if (refused != NULL)
    {
      mark_drop (self, NULL, VP_BOARD_DROP_NONE);
      return 0;
    }
  /* a line where the card would go: in its own column, among its own
   * priority's (in another it takes its priority's place) */
  if (dragged == NULL || neighbour == NULL || neighbour == dragged
      || vp_board_view_column_of (self, dragged) != (int) column->index
      || !same_priority (neighbour, dragged))
    card = NULL;
  mark_drop (self, GTK_WIDGET (card), side);
  return GDK_ACTION_MOVE;
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget *target, double x, double y, VpBoardColumn *column)
{
  GdkDragAction action = on_drop_motion_cb (target, x, y, column);

  /* lit only where the card may go */
  if (action != 0)
    gtk_widget_add_css_class (column->widget, "drop-target");
  return action;
}

static void
on_drop_leave_cb (GtkDropTarget *target, VpBoardColumn *column)
{
  gtk_widget_remove_css_class (column->widget, "drop-target");
  mark_drop (column->self, NULL, VP_BOARD_DROP_NONE);
}

static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, VpBoardColumn *column)
{
  VpBoardView *self = column->self;
  VpBoardDrop side = VP_BOARD_DROP_NONE;
  VpAction *neighbour;
  g_autoptr (VpAction) action = NULL;

  on_drop_leave_cb (target, column);
  if (!G_VALUE_HOLDS (value, VP_TYPE_ACTION) || g_value_get_object (value) == NULL)
    return FALSE;
  action = g_value_dup_object (value);
  neighbour = neighbour_at (column, x, y, &side, NULL);
  return drop_action (self, action, column->index, neighbour, side == VP_BOARD_DROP_AFTER);
}

/* The context menu and the keyboard. */

static void
popup_menu (VpBoardView *self, VpAction *action, const graphene_rect_t *at)
{
  const char *uuid = vp_record_get_uuid (VP_RECORD (action));
  int current = vp_board_view_column_of (self, action);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) columns = g_menu_new ();
  g_autoptr (GMenuItem) edit = NULL;
  g_autofree char *refused = NULL;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *title = NULL;
      g_autofree char *why = NULL;

      if ((int) c == current)
        continue;
      /* a column the card may not go to is not offered */
      why = refusal (self, action, c);
      if (why != NULL)
        {
          if (refused == NULL)
            refused = g_steal_pointer (&why);
          continue;
        }
      title = self->def->title (self, c);
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target (item, "board.move-to", "(su)", uuid, c);
      g_menu_append_item (columns, item);
    }
  /* Translators: in a card's menu, the submenu of the columns (statuses)
   * to move it to */
  if (g_menu_model_get_n_items (G_MENU_MODEL (columns)) > 0)
    g_menu_append_submenu (menu, _ ("_Move To"), G_MENU_MODEL (columns));
  else
    {
      g_autoptr (GMenu) why = g_menu_new ();

      /* insensitive (items without an action are), with the reason below */
      g_menu_append (menu, _ ("_Move To"), NULL);
      if (refused != NULL)
        g_menu_append (why, refused, NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (why));
    }
  edit = g_menu_item_new (_ ("_Edit"), NULL);
  g_menu_item_set_action_and_target (edit, "board.edit", "s", uuid);
  g_menu_append_item (menu, edit);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle){ (int) at->origin.x, (int) at->origin.y,
                                                MAX ((int) at->size.width, 1),
                                                MAX ((int) at->size.height, 1) });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
popup_card_menu (VpBoardView *self, VpBoardCard *card)
{
  graphene_rect_t bounds;

  if (vp_board_card_get_action (card) != NULL
      && gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (self), &bounds))
    popup_menu (self, vp_board_card_get_action (card), &bounds);
}

static void
on_secondary_pressed_cb (
  GtkGestureClick *gesture, int n_press, double x, double y, VpBoardColumn *column)
{
  VpBoardView *self = column->self;
  VpBoardCard *card = card_at (column->list, x, y, NULL);
  VpAction *action = card != NULL ? vp_board_card_get_action (card) : NULL;
  graphene_point_t point;

  if (action == NULL
      || !gtk_widget_compute_point (column->list, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y),
                                    &point))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  focus_card (self, action);
  popup_menu (self, action, &GRAPHENE_RECT_INIT (point.x, point.y, 1, 1));
}

static void
move_to_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpBoardView *self = VP_BOARD_VIEW (widget);
  const char *uuid;
  guint to;
  VpRecord *action;

  g_variant_get (parameter, "(&su)", &uuid, &to);
  action = vp_store_lookup (self->store, uuid);
  if (VP_IS_ACTION (action) && to < self->n_columns
      && move_action (self, VP_ACTION (action), to, NULL, FALSE))
    focus_card (self, VP_ACTION (action));
}

static void
edit_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpBoardView *self = VP_BOARD_VIEW (widget);
  VpRecord *action = vp_store_lookup (self->store, g_variant_get_string (parameter, NULL));

  if (VP_IS_ACTION (action))
    g_signal_emit_by_name (self, "action-activated", action);
}

typedef enum
{
  KEY_LEFT,
  KEY_RIGHT,
  KEY_UP,
  KEY_DOWN,
  KEY_MENU,
} Key;

/* Ctrl+arrows move the focused card, Menu and Shift+F10 open its menu.
 * Without a focused card the key goes on as if the board had no
 * shortcuts. */
static gboolean
on_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  VpBoardView *self = VP_BOARD_VIEW (widget);
  VpBoardCard *card = vp_board_view_focused_card (self);
  g_autoptr (VpAction) action = NULL;
  gboolean moved = FALSE;

  if (card == NULL || vp_board_card_get_action (card) == NULL)
    return FALSE;
  action = g_object_ref (vp_board_card_get_action (card));
  switch ((Key) GPOINTER_TO_INT (data))
    {
    case KEY_LEFT:
    case KEY_RIGHT:
      moved = move_across (self, action, GPOINTER_TO_INT (data) == KEY_LEFT ? -1 : 1);
      break;
    case KEY_UP:
    case KEY_DOWN:
      moved = move_within (self, action, GPOINTER_TO_INT (data) == KEY_UP ? -1 : 1);
      break;
    case KEY_MENU:
      popup_card_menu (self, card);
      return TRUE;
    }
  if (!moved)
    gtk_widget_error_bell (widget);
  return TRUE;
}

void
vp_board_view_add_shortcuts (VpBoardView *self)
{
  static const struct
  {
    guint keyval;
    GdkModifierType modifiers;
    Key key;
  } keys[] = {
    { GDK_KEY_Left, GDK_CONTROL_MASK, KEY_LEFT },
    { GDK_KEY_Right, GDK_CONTROL_MASK, KEY_RIGHT },
    { GDK_KEY_Up, GDK_CONTROL_MASK, KEY_UP },
    { GDK_KEY_Down, GDK_CONTROL_MASK, KEY_DOWN },
    { GDK_KEY_Menu, 0, KEY_MENU },
    { GDK_KEY_F10, GDK_SHIFT_MASK, KEY_MENU },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* before the lists, whose own Ctrl+arrows move the focus */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (
        gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
        gtk_callback_action_new (on_shortcut_cb, GINT_TO_POINTER (keys[i].key), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * vp_board_view_watch_column:
 *
 * Makes @column's cards draggable, its menu open on a right click, and
 * the column take drops.
 */
void
vp_board_view_watch_column (VpBoardView *self, VpBoardColumn *column)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkDropTarget *drop = gtk_drop_target_new (VP_TYPE_ACTION, GDK_ACTION_MOVE);

  /* ahead of the rows' own clicks, which a drag then cancels */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), column);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), column);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), column);
  gtk_widget_add_controller (column->list, GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), column);
  gtk_widget_add_controller (column->list, GTK_EVENT_CONTROLLER (secondary));
  /* a column is one stop of the Tab key; the arrows move among its cards */
  vp_accessible_single_tab_stop (column->list);

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_enter_cb), column);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion_cb), column);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave_cb), column);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), column);
  gtk_widget_add_controller (column->widget, GTK_EVENT_CONTROLLER (drop));
}

/**
 * vp_board_view_follow_undo:
 *
 * After an undo: the card the board moved last, moved back, has the
 * focus (it stayed where the card was).
 */
void
vp_board_view_follow_undo (VpBoardView *self)
{
  g_autoptr (VpAction) action = NULL;

  g_return_if_fail (VP_IS_BOARD_VIEW (self));

  action = g_steal_pointer (&self->last_moved);
  if (action == NULL
      || vp_store_lookup (self->store, vp_record_get_uuid (VP_RECORD (action)))
           != VP_RECORD (action))
    return;
  vp_board_view_flush (self);
  focus_card (self, action);
}

void
vp_board_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.move-to", "(su)", move_to_action_cb);
  gtk_widget_class_install_action (widget_class, "board.edit", "s", edit_action_cb);
}
