/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-board"

#include "config.h"

#include <adwaita.h>

#include "app/vp-application.h"
#include "app/vp-window.h"
#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "vp-action-editor.h"
#include "vp-board-card.h"
#include "vp-board-view-private.h"
#include "vp-board-view.h"
#include "vp-view.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The board in the window, on a real store, in English (LANGUAGE=en) or
 * Dutch (LANGUAGE=nl): meson runs this program once for each. Drops are
 * made by emitting the columns' GtkDropTarget "drop" with a real GValue,
 * keys by activating the board's own shortcuts: the code a real drag or
 * key press runs. */

static gboolean dutch;

static const char *
tr (const char *english, const char *nederlands)
{
  return dutch ? nederlands : english;
}

typedef struct
{
  VpStore *store;
  VpPlan *plan;
  VpWindow *window;
  VpBoardView *board;
  /* what "failed" and "done" said last */
  char *failed;
  char *done;
} Fixture;

static void
on_failed_cb (VpBoardView *board, const char *message, Fixture *fixture)
{
  g_free (fixture->failed);
  fixture->failed = g_strdup (message);
}

static void
on_done_cb (VpBoardView *board, const char *message, Fixture *fixture)
{
  g_free (fixture->done);
  fixture->done = g_strdup (message);
}

static void
show_board (Fixture *fixture)
{
  AdwViewStack *views = ADW_VIEW_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), VP_TYPE_WINDOW, "views"));

  adw_view_stack_set_visible_child_name (views, "board");
  vp_test_wait_for_frames ();
}

/* The list, hidden while the board is shown. */
static void
show_list (Fixture *fixture)
{
  AdwViewStack *views = ADW_VIEW_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), VP_TYPE_WINDOW, "views"));

  adw_view_stack_set_visible_child_name (views, "list");
  vp_test_wait_for_frames ();
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_new (VP_TYPE_WINDOW, "store", fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  vp_test_wait_for_frames ();
  /* the board is made when first shown */
  show_board (fixture);
  fixture->board = VP_BOARD_VIEW (vp_test_find (GTK_WIDGET (fixture->window), VP_TYPE_BOARD_VIEW));
  g_assert_nonnull (fixture->board);
  g_signal_connect (fixture->board, "failed", G_CALLBACK (on_failed_cb), fixture);
  g_signal_connect (fixture->board, "refused", G_CALLBACK (on_failed_cb), fixture);
  g_signal_connect (fixture->board, "done", G_CALLBACK (on_done_cb), fixture);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = vp_test_store_new ();
  fixture->plan = vp_test_add_small_plan (fixture->store);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (fixture->board, fixture);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      vp_test_wait_for_frames ();
    }
  g_clear_object (&fixture->store);
  g_free (fixture->failed);
  g_free (fixture->done);
}

/* The small plan's actions: joint priority (1): controls (A, target 5),
 * Bibob (A, Nijkerk), housing (B, each); local priority (2): Ariadne. */
#define CONTROLS "We organiseren vijf"
#define BIBOB    "We stellen een organisatiebreed"
#define HOUSING  "We creëren"
#define ARIADNE  "We evalueren"

static VpAction *
find_action (Fixture *fixture, const char *start)
{
  GListModel *actions = vp_store_get_records (fixture->store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (g_str_has_prefix (vp_action_get_text (action), start))
        return action;
    }
  g_error ("no action “%s…”", start);
}

static void
set_status (Fixture *fixture, VpAction *action, const char *municipality, VpStatus status)
{
  g_autoptr (GError) error = NULL;

  /* another municipality's status arrives by import */
  if (g_strcmp0 (municipality, vp_store_get_home_municipality (fixture->store)) != 0)
    {
      vp_test_set_status_as (fixture->store, action, municipality, status, 0, NULL);
      return;
    }
  g_assert_true (vp_store_set_status (fixture->store, action, municipality, status, 0, "", &error));
  g_assert_no_error (error);
}

/* The actions of a column, in its order (lane headings left out). */
static GPtrArray *
cards_of (Fixture *fixture, guint column)
{
  GListModel *cards = vp_board_view_get_cards (fixture->board, column);
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      GObject *item = g_list_model_get_item (cards, i);

      if (VP_IS_ACTION (item))
        g_ptr_array_add (actions, item);
      else
        g_object_unref (item);
    }
  return actions;
}

static guint
n_cards (Fixture *fixture, guint column)
{
  g_autoptr (GPtrArray) cards = cards_of (fixture, column);

  return cards->len;
}

static gboolean
in_column (Fixture *fixture, guint column, VpAction *action)
{
  g_autoptr (GPtrArray) cards = cards_of (fixture, column);

  return g_ptr_array_find (cards, action, NULL);
}

static int
position_of (VpAction *action)
{
  return vp_record_get_int (VP_RECORD (action), "position");
}

/* The card widget that shows @action. */
static GtkWidget *
find_card (GtkWidget *widget, VpAction *action)
{
  if (VP_IS_BOARD_CARD (widget) && vp_board_card_get_action (VP_BOARD_CARD (widget)) == action
      && gtk_widget_get_child_visible (gtk_widget_get_parent (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The card widget bound to @action, on screen or not. */
static GtkWidget *
any_card (GtkWidget *widget, VpAction *action)
{
  if (VP_IS_BOARD_CARD (widget) && vp_board_card_get_action (VP_BOARD_CARD (widget)) == action)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = any_card (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkDropTarget *
drop_target_of (Fixture *fixture, guint column)
{
  GtkWidget *widget = vp_board_view_get_column (fixture->board, column);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_error ("column %u takes no drops", column);
}

/* Drops @action on @column: next to @neighbour's card (in its upper or
 * lower half), or in the column's empty space under the cards. */
static gboolean
drop (Fixture *fixture, VpAction *action, guint column, VpAction *neighbour, gboolean after)
{
  GtkWidget *widget = vp_board_view_get_column (fixture->board, column);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  double x = 20, y = gtk_widget_get_height (widget) - 10;

  if (neighbour != NULL)
    {
      GtkWidget *card = find_card (widget, neighbour);
      graphene_rect_t bounds;

      g_assert_nonnull (card);
      g_assert_true (gtk_widget_compute_bounds (card, widget, &bounds));
      x = bounds.origin.x + bounds.size.width / 2;
      y = after ? bounds.origin.y + bounds.size.height - 4 : bounds.origin.y + 4;
    }
  g_value_init (&value, VP_TYPE_ACTION);
  g_value_set_object (&value, action);
  g_signal_emit_by_name (drop_target_of (fixture, column), "drop", &value, x, y, &handled);
  g_value_unset (&value);
  vp_test_wait_for_frames ();
  return handled;
}

/* Runs the board's shortcut for @accelerator ("<Control>Right") on the
 * focused card, as a key press would. */
static void
press (Fixture *fixture, const char *accelerator)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->board));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *trigger
            = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (fixture->board), NULL));
              vp_test_wait_for_frames ();
              return;
            }
        }
    }
  g_error ("the board has no shortcut %s", accelerator);
}

static void
focus (Fixture *fixture, VpAction *action)
{
  GtkWidget *card = find_card (GTK_WIDGET (fixture->board), action);

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (card)));
  vp_test_wait_for_frames ();
}

static VpAction *
focused_action (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  /* the card takes the focus of its row */
  GtkWidget *card = VP_IS_BOARD_CARD (focus) ? focus
                    : focus != NULL          ? gtk_widget_get_first_child (focus)
                                             : NULL;

  return VP_IS_BOARD_CARD (card) ? vp_board_card_get_action (VP_BOARD_CARD (card)) : NULL;
}

static guint
n_events (Fixture *fixture)
{
  return vp_store_count (fixture->store, VP_TYPE_STATUS_EVENT);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  vp_test_wait_for_frames ();
}

/* Each column holds the actions of its status (the home municipality's),
 * the plan's priorities in their order, with its count in the header. */
static void
test_columns (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *bibob = find_action (fixture, BIBOB);
  VpAction *ariadne = find_action (fixture, ARIADNE);
  g_autoptr (GPtrArray) planned = NULL;
  const char *titles[] = {
    tr ("Planned", "Gepland"),      tr ("In progress", "In uitvoering"), tr ("Done", "Afgerond"),
    tr ("Postponed", "Uitgesteld"), tr ("Cancelled", "Vervallen"),
  };

  set_status (fixture, controls, "nijkerk", VP_STATUS_IN_PROGRESS);
  set_status (fixture, bibob, "nijkerk", VP_STATUS_DONE);
  /* a partner's status is the partner's: not on this board */
  set_status (fixture, ariadne, "barneveld", VP_STATUS_CANCELLED);
  open_window (fixture);

  g_assert_cmpuint (vp_board_view_get_n_columns (fixture->board), ==, 5);
  for (guint c = 0; c < 5; c++)
    g_assert_true (vp_test_shows_text (vp_board_view_get_column (fixture->board, c), titles[c]));
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 2);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_POSTPONED), ==, 0);
  g_assert_true (in_column (fixture, VP_STATUS_IN_PROGRESS, controls));
  g_assert_true (in_column (fixture, VP_STATUS_DONE, bibob));
  /* the first priority's action before the second's */
  planned = cards_of (fixture, VP_STATUS_PLANNED);
  g_assert_true (g_ptr_array_index (planned, 1) == ariadne);
  /* the headers' counts, and the placeholder of an empty column */
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 2);
  g_assert_true (vp_test_shows_text (vp_board_view_get_column (fixture->board, 0), "2"));
  g_assert_true (vp_test_shows_text (vp_board_view_get_column (fixture->board, 4),
                                     tr ("No actions", "Geen acties")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), tr ("4 actions", "4 acties")));

  /* a card: priority, text, sub-theme, lead, quarter, progress */
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (fixture->board), "1. Ondermijnende criminaliteit"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board),
                                     "We organiseren vijf (thematische) integrale controles."));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "B"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "Nijkerk (Bibob-medewerker)"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board),
                                     tr ("Each municipality", "Iedere gemeente individueel")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "Q4 2024"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "0 / 5"));

  /* a status changed elsewhere moves the card, and the counts follow */
  set_status (fixture, ariadne, "nijkerk", VP_STATUS_POSTPONED);
  vp_test_wait_for_frames ();
  g_assert_true (in_column (fixture, VP_STATUS_POSTPONED, ariadne));
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 1);
  g_assert_true (vp_test_shows_text (vp_board_view_get_column (fixture->board, 3), "1"));
}

/* The progress toward a target comes from the home status; an overdue
 * card has the mark. */
static void
test_card_details (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  g_autoptr (GDateTime) april = g_date_time_new_utc (2024, 4, 2, 9, 0, 0);
  g_autoptr (GError) error = NULL;
  GtkWidget *card;
  GtkWidget *mark;

  g_assert_true (vp_store_set_status (fixture->store, controls, "nijkerk", VP_STATUS_IN_PROGRESS, 3,
                                      "", &error));
  vp_store_set_now (fixture->store, april);
  open_window (fixture);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "3 / 5"));
  card = find_card (GTK_WIDGET (fixture->board), controls);
  mark = vp_test_find (card, GTK_TYPE_IMAGE);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_true (gtk_widget_has_css_class (mark, "overdue"));
  /* the overdue mark says so to a screen reader too: in the card's label */

  /* done: no longer overdue */
  g_assert_true (
    vp_store_set_status (fixture->store, controls, "nijkerk", VP_STATUS_DONE, 5, "", &error));
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "5 / 5"));
  card = find_card (GTK_WIDGET (fixture->board), controls);
  g_assert_false (gtk_widget_get_visible (vp_test_find (card, GTK_TYPE_IMAGE)));
}

/* Text is text: never read as markup. */
static void
test_markup_literal (Fixture *fixture, gconstpointer data)
{
  const char *tricky = "<b>Bibob</b> & \"OM\"";
  g_autoptr (GError) error = NULL;

  open_window (fixture);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (find_action (fixture, CONTROLS)),
                                  &error, "text", tricky, NULL));
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), tricky));
}

/* The example plan: 42 actions, all planned at first. */
static void
test_example_plan (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr (VpChangeSet) changes = NULL;

  fixture.store = vp_test_store_new ();
  g_assert_no_error (error);
  changes = vp_exchange_read (fixture.store, bytes, "nijkerk-uvp-2024.json", &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (changes, fixture.store, &error));
  open_window (&fixture);

  g_assert_cmpuint (vp_board_view_get_count (fixture.board, VP_STATUS_PLANNED), ==, 42);
  g_assert_cmpuint (n_cards (&fixture, VP_STATUS_PLANNED), ==, 42);
  for (guint c = 1; c < 5; c++)
    g_assert_cmpuint (n_cards (&fixture, c), ==, 0);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture.board), tr ("42 actions", "42 acties")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture.board), "42"));

  /* the cards below the first screenful guess their height until they
   * come on screen, and then lay out their text */
  {
    g_autoptr (GPtrArray) planned = cards_of (&fixture, VP_STATUS_PLANNED);
    VpAction *last = g_ptr_array_index (planned, 41);
    GtkWidget *card = any_card (GTK_WIDGET (fixture.board), last);
    GtkScrolledWindow *scroller
      = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    g_assert_true (vp_board_card_is_height_guessed (VP_BOARD_CARD (card)));
    for (int i = 0; i < 5; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        vp_test_wait_for_frames ();
      }
    card = any_card (GTK_WIDGET (fixture.board), last);
    g_assert_true (gtk_widget_get_mapped (card));
    g_assert_false (vp_board_card_is_height_guessed (VP_BOARD_CARD (card)));
  }

  /* a move on the big board, and back */
  g_assert_true (drop (&fixture, find_action (&fixture, CONTROLS), VP_STATUS_DONE, NULL, FALSE));
  g_assert_cmpuint (vp_board_view_get_count (fixture.board, VP_STATUS_PLANNED), ==, 41);
  g_assert_cmpuint (vp_board_view_get_count (fixture.board, VP_STATUS_DONE), ==, 1);
  undo (&fixture);
  g_assert_cmpuint (vp_board_view_get_count (fixture.board, VP_STATUS_PLANNED), ==, 42);

  /* A board shown anew (here in a window that opens on it) makes the
   * cards that fit on screen first, the others after that frame; a move
   * before that frame still selects the card moved. */
  {
    VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", fixture.store, NULL);
    AdwViewStack *views = NULL;
    VpBoardView *board;
    g_autoptr (GPtrArray) planned = cards_of (&fixture, VP_STATUS_PLANNED);
    VpAction *last = g_ptr_array_index (planned, 41);

    /* the window opens on the board, as when it was left there */
    views = ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, "views"));
    adw_view_stack_set_visible_child_name (views, "board");
    /* the last card in progress, to come back below the first cards */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.board), "board.move-to", "(su)",
                                               vp_record_get_uuid (VP_RECORD (last)),
                                               (guint) VP_STATUS_IN_PROGRESS));
    vp_test_wait_for_frames ();
    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    gtk_window_present (GTK_WINDOW (window));
    board = VP_BOARD_VIEW (vp_test_find (GTK_WIDGET (window), VP_TYPE_BOARD_VIEW));
    /* the board is given its plan once shown */
    while (g_list_model_get_n_items (vp_board_view_get_cards (board, VP_STATUS_PLANNED)) == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (vp_board_view_get_cards (board, VP_STATUS_PLANNED)),
                      <, 41);
    g_assert_cmpuint (g_list_model_get_n_items (vp_board_view_get_cards (board, VP_STATUS_PLANNED)),
                      >, 4);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", "(su)",
                                               vp_record_get_uuid (VP_RECORD (last)),
                                               (guint) VP_STATUS_PLANNED));
    g_assert_true (vp_board_view_get_selected_action (board) == last);
    vp_test_wait_for_frames ();
    g_assert_cmpuint (g_list_model_get_n_items (vp_board_view_get_cards (board, VP_STATUS_PLANNED)),
                      ==, 42);
    g_assert_true (vp_board_view_get_selected_action (board) == last);
    gtk_window_destroy (GTK_WINDOW (window));
    vp_test_wait_for_frames ();
  }
  fixture_tear_down (&fixture, NULL);
}

/* The window's search and facets narrow the board as they do the list. */
static void
test_search_and_facets (Fixture *fixture, gconstpointer data)
{
  VpActionFilter *filter;
  GtkListBox *sidebar;

  set_status (fixture, find_action (fixture, CONTROLS), "nijkerk", VP_STATUS_IN_PROGRESS);
  open_window (fixture);
  filter = vp_window_get_filter (fixture->window);

  g_object_set (filter, "search", "BIBOB", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 1);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_IN_PROGRESS), ==, 0);
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 1);
  g_object_set (filter, "search", NULL, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 3);

  g_object_set (filter, "quarter", VP_QUARTER_Q1, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 0);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_IN_PROGRESS), ==, 1);
  vp_action_filter_clear (filter);

  /* the sidebar's priority */
  sidebar = GTK_LIST_BOX (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), VP_TYPE_WINDOW, "sidebar_list"));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 1);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_IN_PROGRESS), ==, 0);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 3);

  /* a search that changes while the board is hidden shows when it is back */
  show_list (fixture);
  g_object_set (filter, "search", "Ariadne", NULL);
  show_board (fixture);
  g_assert_cmpuint (n_cards (fixture, VP_STATUS_PLANNED), ==, 1);
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 1);
}

/* A drop on another column sets the home status in one transaction with
 * its history, says so in a toast, and is one step to undo. */
static void
test_drop_sets_status (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  g_autoptr (VpStatusEvent) event = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_window (fixture);
  before = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_true (drop (fixture, controls, VP_STATUS_DONE, NULL, FALSE));

  g_assert_cmpint (vp_action_get_home_status (fixture->store, controls), ==, VP_STATUS_DONE);
  g_assert_true (in_column (fixture, VP_STATUS_DONE, controls));
  g_assert_false (in_column (fixture, VP_STATUS_PLANNED, controls));
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (n_events (fixture), ==, 1);
  event = g_list_model_get_item (vp_store_get_records (fixture->store, VP_TYPE_STATUS_EVENT), 0);
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "planned");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "done");
  g_assert_cmpstr (vp_status_event_get_municipality (event), ==, "nijkerk");
  g_assert_cmpstr (fixture->done, ==,
                   tr ("Status set to “Done”", "Status gewijzigd in ‘Afgerond’"));
  g_assert_true (vp_test_shows_text (
    GTK_WIDGET (fixture->window), tr ("Status set to “Done”", "Status gewijzigd in ‘Afgerond’")));
  /* the list, hidden meanwhile, shows it when it is back */
  show_list (fixture);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->window), tr ("Done", "Afgerond")));
  show_board (fixture);

  /* a drop on its own column, under the cards, changes nothing */
  g_clear_pointer (&fixture->done, g_free);
  g_assert_false (drop (fixture, controls, VP_STATUS_DONE, NULL, FALSE));
  g_assert_null (fixture->done);
  g_assert_cmpuint (n_events (fixture), ==, 1);

  undo (fixture);
  g_assert_cmpint (vp_action_get_home_status (fixture->store, controls), ==, VP_STATUS_PLANNED);
  g_assert_true (in_column (fixture, VP_STATUS_PLANNED, controls));
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_DONE), ==, 0);
  g_assert_cmpuint (n_events (fixture), ==, 0);
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (fixture->failed);
}

/* Closes the message dialog that shows @message; fails when there is none. */
static void
close_error (const char *message)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), message) == 0)
        {
          gtk_window_destroy (GTK_WINDOW (window));
          vp_test_wait_for_frames ();
          return;
        }
    }
  g_error ("no dialog says “%s”", message);
}

/* A refused move is said in a toast: no dialog comes up. */
static void
assert_no_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      g_assert_false (ADW_IS_MESSAGE_DIALOG (window));
    }
}

/* A save that fails leaves the card and the database as they were, and
 * says why. */
static void
test_failed_save (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_window (fixture);
  vp_test_break_inserts (vp_store_get_path (fixture->store), "status_event");
  before = vp_test_dump_file (vp_store_get_path (fixture->store));

  g_assert_false (drop (fixture, controls, VP_STATUS_IN_PROGRESS, NULL, FALSE));
  g_assert_nonnull (fixture->failed);
  g_assert_null (fixture->done);
  g_assert_cmpint (vp_action_get_home_status (fixture->store, controls), ==, VP_STATUS_PLANNED);
  g_assert_true (in_column (fixture, VP_STATUS_PLANNED, controls));
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_IN_PROGRESS), ==, 0);
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  /* the window shows the error */
  close_error (fixture->failed);

  /* the keyboard's move fails the same way */
  g_clear_pointer (&fixture->failed, g_free);
  focus (fixture, controls);
  press (fixture, "<Control>Right");
  g_assert_nonnull (fixture->failed);
  g_assert_true (in_column (fixture, VP_STATUS_PLANNED, controls));
  close_error (fixture->failed);
  g_free (after);
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
}

/* While a drag hovers over a column, the column is marked; when it
 * leaves, the mark goes. (The line where the card would go needs a real
 * drag: the board takes the dragged action from its drag source.) */
static void
show_feedback (Fixture *fixture, VpAction *over)
{
  GtkWidget *planned = vp_board_view_get_column (fixture->board, VP_STATUS_PLANNED);
  GtkWidget *card = find_card (planned, over);
  GtkDropTarget *target = drop_target_of (fixture, VP_STATUS_PLANNED);
  graphene_rect_t bounds;
  GdkDragAction action = 0;

  g_assert_true (gtk_widget_compute_bounds (card, planned, &bounds));
  g_signal_emit_by_name (target, "enter", bounds.origin.x + 20, bounds.origin.y + 4, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (gtk_widget_has_css_class (planned, "drop-target"));
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_has_css_class (planned, "drop-target"));
  g_assert_false (gtk_widget_has_css_class (card, "drop-before"));
}

/* A drop among the cards of the action's own priority orders them: the
 * positions of that priority's actions, in one transaction. */
static void
test_reorder (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *bibob = find_action (fixture, BIBOB);
  VpAction *housing = find_action (fixture, HOUSING);
  g_autoptr (GPtrArray) planned = NULL;
  g_autoptr (VpStore) reopened = NULL;
  g_autoptr (GError) error = NULL;

  open_window (fixture);
  show_feedback (fixture, controls);
  /* housing before controls */
  g_assert_true (drop (fixture, housing, VP_STATUS_PLANNED, controls, FALSE));
  g_assert_cmpint (position_of (housing), ==, 0);
  g_assert_cmpint (position_of (controls), ==, 1);
  g_assert_cmpint (position_of (bibob), ==, 2);
  planned = cards_of (fixture, VP_STATUS_PLANNED);
  g_assert_true (planned->pdata[0] == housing);
  g_assert_true (planned->pdata[1] == controls);
  g_assert_true (planned->pdata[2] == bibob);
  g_assert_cmpuint (n_events (fixture), ==, 0);
  g_assert_nonnull (fixture->done);

  /* in the file */
  reopened = vp_store_open (vp_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    position_of (VP_ACTION (vp_store_lookup (reopened, vp_record_get_uuid (VP_RECORD (housing))))),
    ==, 0);
  g_assert_cmpint (
    position_of (VP_ACTION (vp_store_lookup (reopened, vp_record_get_uuid (VP_RECORD (bibob))))),
    ==, 2);
  g_clear_object (&reopened);

  /* one step to undo */
  undo (fixture);
  g_assert_cmpint (position_of (controls), ==, 0);
  g_assert_cmpint (position_of (bibob), ==, 1);
  g_assert_cmpint (position_of (housing), ==, 2);
  g_ptr_array_unref (g_steal_pointer (&planned));
  planned = cards_of (fixture, VP_STATUS_PLANNED);
  g_assert_true (planned->pdata[0] == controls);

  /* after the card below it: where it is already */
  g_clear_pointer (&fixture->done, g_free);
  g_assert_false (drop (fixture, bibob, VP_STATUS_PLANNED, controls, TRUE));
  g_assert_null (fixture->done);
}

/* A drop next to another priority's card does not move the action to
 * that priority: refused, with a message, nothing changed. */
static void
test_cross_priority_refused (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *ariadne = find_action (fixture, ARIADNE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *priority = vp_action_get_priority (controls);

  open_window (fixture);
  before = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_false (drop (fixture, controls, VP_STATUS_PLANNED, ariadne, TRUE));
  g_assert_nonnull (fixture->failed);
  g_assert_nonnull (strstr (fixture->failed, "Ondermijnende criminaliteit"));
  g_assert_null (fixture->done);
  assert_no_dialog ();
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (vp_action_get_priority (controls), ==, priority);

  /* on another column, next to another priority's card: the status
   * changes, the priority and order stay */
  set_status (fixture, ariadne, "nijkerk", VP_STATUS_DONE);
  vp_test_wait_for_frames ();
  g_clear_pointer (&fixture->failed, g_free);
  g_assert_true (drop (fixture, controls, VP_STATUS_DONE, ariadne, FALSE));
  g_assert_null (fixture->failed);
  g_assert_cmpint (vp_action_get_home_status (fixture->store, controls), ==, VP_STATUS_DONE);
  g_assert_cmpstr (vp_action_get_priority (controls), ==, priority);
  g_assert_cmpint (position_of (controls), ==, 0);
}

/* Ctrl+Right and Ctrl+Left move the focused card across the columns (the
 * focus follows), Ctrl+Up and Ctrl+Down within its priority; each is one
 * step to undo. */
static void
test_keyboard (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *bibob = find_action (fixture, BIBOB);
  VpAction *housing = find_action (fixture, HOUSING);
  VpAction *ariadne = find_action (fixture, ARIADNE);

  open_window (fixture);
  focus (fixture, bibob);
  press (fixture, "<Control>Right");
  g_assert_cmpint (vp_action_get_home_status (fixture->store, bibob), ==, VP_STATUS_IN_PROGRESS);
  g_assert_true (in_column (fixture, VP_STATUS_IN_PROGRESS, bibob));
  g_assert_true (focused_action (fixture) == bibob);
  g_assert_true (vp_board_view_get_selected_action (fixture->board) == bibob);
  press (fixture, "<Control>Right");
  g_assert_cmpint (vp_action_get_home_status (fixture->store, bibob), ==, VP_STATUS_DONE);
  g_assert_true (focused_action (fixture) == bibob);
  g_assert_cmpuint (n_events (fixture), ==, 2);
  press (fixture, "<Control>Left");
  g_assert_cmpint (vp_action_get_home_status (fixture->store, bibob), ==, VP_STATUS_IN_PROGRESS);
  g_assert_cmpuint (n_events (fixture), ==, 3);
  undo (fixture);
  g_assert_cmpint (vp_action_get_home_status (fixture->store, bibob), ==, VP_STATUS_DONE);

  /* within the column: housing up, above controls */
  focus (fixture, housing);
  press (fixture, "<Control>Up");
  g_assert_cmpint (position_of (housing), ==, 0);
  g_assert_cmpint (position_of (controls), ==, 1);
  g_assert_true (focused_action (fixture) == housing);
  /* the top of its priority: no further */
  press (fixture, "<Control>Up");
  g_assert_cmpint (position_of (housing), ==, 0);
  press (fixture, "<Control>Down");
  g_assert_cmpint (position_of (housing), ==, 1);
  g_assert_cmpint (position_of (controls), ==, 0);
  /* the next card is another priority's: it stays */
  press (fixture, "<Control>Down");
  g_assert_cmpint (position_of (housing), ==, 1);
  g_assert_cmpstr (vp_action_get_priority (housing), ==, vp_action_get_priority (controls));
  g_assert_cmpint (position_of (ariadne), ==, 0);
  g_assert_null (fixture->failed);
}

static void
close_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (VP_IS_ACTION_EDITOR (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  vp_test_wait_for_frames ();
}

/* The card's menu moves it and opens the editor; win.edit-action and
 * win.delete-action work on the focused card. */
static void
test_menu_and_window_actions (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *bibob = find_action (fixture, BIBOB);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *bibob_uuid = g_strdup (vp_record_get_uuid (VP_RECORD (bibob)));
  GtkWidget *menu;
  guint n_toplevels;

  open_window (fixture);
  focus (fixture, controls);
  press (fixture, "<Shift>F10");
  /* the board's card menu, after its content */
  menu = gtk_widget_get_last_child (GTK_WIDGET (fixture->board));
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  g_assert_true (gtk_widget_get_visible (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.move-to", "(su)",
                                             vp_record_get_uuid (VP_RECORD (controls)),
                                             (guint) VP_STATUS_POSTPONED));
  vp_test_wait_for_frames ();
  g_assert_cmpint (vp_action_get_home_status (fixture->store, controls), ==, VP_STATUS_POSTPONED);
  g_assert_true (focused_action (fixture) == controls);

  n_toplevels = g_list_model_get_n_items (toplevels);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-action", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  close_editors ();

  /* Enter or a double click on a card: the list's "activate" */
  g_signal_emit_by_name (
    vp_test_find (vp_board_view_get_column (fixture->board, VP_STATUS_PLANNED), GTK_TYPE_LIST_VIEW),
    "activate", 0);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  close_editors ();

  focus (fixture, bibob);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-action", NULL));
  vp_test_wait_for_frames ();
  g_assert_null (vp_store_lookup (fixture->store, bibob_uuid));
  g_assert_cmpuint (vp_store_count (fixture->store, VP_TYPE_ACTION), ==, 3);
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 2);
}

/* Without lanes, a column's cards are in the order of their priorities'
 * numbers, and in the store's order within a priority. */
static void
assert_in_priority_order (Fixture *fixture, guint n)
{
  g_autoptr (GPtrArray) cards = cards_of (fixture, VP_STATUS_PLANNED);
  GListModel *actions = vp_store_get_records (fixture->store, VP_TYPE_ACTION);
  int last_number = G_MININT;
  guint last_index = 0;

  g_assert_cmpuint (cards->len, ==, n);
  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      int number = vp_priority_get_number (vp_store_lookup_priority_of (fixture->store, card));
      guint index = 0;

      while (index < g_list_model_get_n_items (actions))
        {
          g_autoptr (GObject) action = g_list_model_get_item (actions, index);

          if (action == card)
            break;
          index++;
        }
      g_assert_cmpint (number, >=, last_number);
      if (number == last_number)
        g_assert_cmpuint (index, >, last_index);
      last_number = number;
      last_index = index;
    }
}

/* With lanes by priority, each card is under its priority's heading, and
 * the headings are in the order of their numbers. */
static void
assert_in_lanes (Fixture *fixture)
{
  GListModel *cards = vp_board_view_get_cards (fixture->board, VP_STATUS_PLANNED);
  VpPriority *lane = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (cards, i);

      if (VP_IS_PRIORITY (item))
        {
          g_assert_true (lane == NULL
                         || vp_priority_get_number (lane)
                              < vp_priority_get_number (VP_PRIORITY (item)));
          lane = VP_PRIORITY (item);
        }
      else
        g_assert_true (vp_store_lookup_priority_of (fixture->store, item) == lane);
    }
  g_assert_nonnull (lane);
}

/* The cards follow a priority renumbered and an action moved to another
 * priority, without lanes as with them. */
static void
test_priority_order (Fixture *fixture, gconstpointer data)
{
  VpAction *housing = find_action (fixture, HOUSING);
  VpAction *ariadne = find_action (fixture, ARIADNE);
  VpPriority *first = vp_store_lookup_priority_of (fixture->store, housing);
  VpPriority *second = vp_store_lookup_priority_of (fixture->store, ariadne);
  g_autoptr (GPtrArray) planned = NULL;
  g_autoptr (GError) error = NULL;

  open_window (fixture);
  assert_in_priority_order (fixture, 4);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (first), &error, "number", 3, NULL));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
  planned = cards_of (fixture, VP_STATUS_PLANNED);
  g_assert_true (g_ptr_array_index (planned, 0) == ariadne);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (housing), &error, "priority",
                                  vp_record_get_uuid (VP_RECORD (second)), NULL));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
  g_clear_pointer (&planned, g_ptr_array_unref);
  planned = cards_of (fixture, VP_STATUS_PLANNED);
  g_assert_true (g_ptr_array_index (planned, 0) == ariadne
                 || g_ptr_array_index (planned, 0) == housing);

  /* with lanes, a priority renumbered, and back */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.lanes", "s", "priority"));
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
  assert_in_lanes (fixture);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (first), &error, "number", 1, NULL));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
  assert_in_lanes (fixture);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.lanes", "s", "none"));
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (first), &error, "number", 3, NULL));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  assert_in_priority_order (fixture, 4);
}

/* Lanes: headings in each column before its group, only where the column
 * has cards of the group; the choice is kept in the settings. */
static void
test_lanes (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  GListModel *planned;
  GListModel *progress;
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) third = NULL;
  g_autofree char *lanes = NULL;

  set_status (fixture, controls, "nijkerk", VP_STATUS_IN_PROGRESS);
  open_window (fixture);
  planned = vp_board_view_get_cards (fixture->board, VP_STATUS_PLANNED);
  progress = vp_board_view_get_cards (fixture->board, VP_STATUS_IN_PROGRESS);
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 3);

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.lanes", "s", "priority"));
  vp_test_wait_for_frames ();
  /* heading 1, bibob, housing, heading 2, ariadne */
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 5);
  first = g_list_model_get_item (planned, 0);
  third = g_list_model_get_item (planned, 3);
  g_assert_true (VP_IS_PRIORITY (first));
  g_assert_true (VP_IS_PRIORITY (third));
  g_assert_cmpint (vp_priority_get_number (VP_PRIORITY (third)), ==, 2);
  /* in progress: only the first priority's lane */
  g_assert_cmpuint (g_list_model_get_n_items (progress), ==, 2);
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, VP_STATUS_PLANNED), ==, 3);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "2. Vakantieparken (Nijkerk)"));

  g_object_set (vp_window_get_filter (fixture->window), "search", "Ariadne", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (progress), ==, 0);
  g_object_set (vp_window_get_filter (fixture->window), "search", NULL, NULL);
  vp_test_wait_for_frames ();

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.lanes", "s", "lead"));
  vp_test_wait_for_frames ();
  g_clear_object (&first);
  first = g_list_model_get_item (planned, 0);
  g_assert_true (GTK_IS_STRING_OBJECT (first));
  /* each municipality, then Nijkerk (twice) */
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 5);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board),
                                     tr ("Each municipality", "Iedere gemeente individueel")));

  /* remembered */
  g_object_get (fixture->board, "lanes", &lanes, NULL);
  g_assert_cmpstr (lanes, ==, "lead");
  if (g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE))
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *kept = g_settings_get_string (settings, "board-lanes");

      g_assert_cmpstr (kept, ==, "lead");
      g_settings_set_string (settings, "board-lanes", "none");
    }
  else
    g_test_message ("no settings schema: the setting is not checked");
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.lanes", "s", "none");
  vp_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 3);
}

/* A card of an action of each municipality shows every participant's
 * status as a badge: partners' from their files, ours as we set it. */
static void
test_partner_badges (Fixture *fixture, gconstpointer data)
{
  VpAction *housing = find_action (fixture, HOUSING);

  set_status (fixture, housing, "barneveld", VP_STATUS_DONE);
  set_status (fixture, housing, "scherpenzeel", VP_STATUS_IN_PROGRESS);
  open_window (fixture);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (fixture->board), "Nij\u00a0○  Bar\u00a0✓  Sch\u00a0◐"));
  /* our part moves the card, the partners' badges stay */
  g_assert_true (drop (fixture, housing, VP_STATUS_DONE, NULL, FALSE));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (fixture->board), "Nij\u00a0✓  Bar\u00a0✓  Sch\u00a0◐"));
  /* the others have no badges */
  g_assert_false (
    vp_test_shows_text (GTK_WIDGET (fixture->board), "Nij\u00a0○  Bar\u00a0○  Sch\u00a0○"));
}

/* The quarter board: the same board, a column per quarter of the plan. */
static void
open_quarters (Fixture *fixture)
{
  AdwViewStack *views;

  open_window (fixture);
  g_signal_handlers_disconnect_by_data (fixture->board, fixture);
  views = ADW_VIEW_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->window), VP_TYPE_WINDOW, "views"));
  adw_view_stack_set_visible_child_name (views, "quarters");
  vp_test_wait_for_frames ();
  fixture->board
    = VP_BOARD_VIEW (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views))));
  g_signal_connect (fixture->board, "failed", G_CALLBACK (on_failed_cb), fixture);
  g_signal_connect (fixture->board, "refused", G_CALLBACK (on_failed_cb), fixture);
  g_signal_connect (fixture->board, "done", G_CALLBACK (on_done_cb), fixture);
}

/* A plan of more years than a plan may have (written around the store's
 * checks): the board shows seven years' quarters, the actions of the
 * years after them under Later, and hides none. */
static void
test_quarter_years_capped (Fixture *fixture, gconstpointer data)
{
  guint n, total = 0;

  /* in memory only: the store would refuse it */
  g_object_set (fixture->plan, "first-year", 2020, "last-year", 2043, NULL);
  open_quarters (fixture);
  n = vp_board_view_get_n_columns (fixture->board);
  g_assert_cmpuint (n, ==, 4 * 7 + 2);
  g_assert_true (
    vp_test_shows_text (vp_board_view_get_column (fixture->board, n - 2), tr ("Later", "Later")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "Q4 2026"));
  for (guint c = 0; c < n; c++)
    total += vp_board_view_get_count (fixture->board, c);
  g_assert_cmpuint (total, ==, 4);
}

/* Q1–Q4 2024, Later and No Quarter; today's quarter (the tests' clock:
 * 1 March 2024) marked; each action in its quarter. */
static void
test_quarter_columns (Fixture *fixture, gconstpointer data)
{
  open_quarters (fixture);
  g_assert_cmpuint (vp_board_view_get_n_columns (fixture->board), ==, 6);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (fixture->board), tr ("Q1 2024 · now", "Q1 2024 · nu")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), "Q4 2024"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (fixture->board), tr ("Later", "Later")));
  g_assert_true (in_column (fixture, 0, find_action (fixture, CONTROLS)));
  g_assert_true (in_column (fixture, 3, find_action (fixture, BIBOB)));
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, 3), ==, 3);
  g_assert_cmpuint (vp_board_view_get_count (fixture->board, 5), ==, 0);

  /* the plan's years edited: a board of their quarters, 2023–2024 */
  {
    g_autoptr (GError) error = NULL;
    AdwViewStack *views = ADW_VIEW_STACK (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->window), VP_TYPE_WINDOW, "views"));
    VpBoardView *quarters;

    g_signal_handlers_disconnect_by_data (fixture->board, fixture);
    g_assert_true (vp_store_update (fixture->store, VP_RECORD (fixture->plan), &error, "first-year",
                                    2023, NULL));
    vp_test_wait_for_frames ();
    quarters
      = VP_BOARD_VIEW (adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (views))));
    g_assert_cmpuint (vp_board_view_get_n_columns (quarters), ==, 10);
    /* Q1 2024 is the fifth column now */
    fixture->board = quarters;
    g_signal_connect (fixture->board, "failed", G_CALLBACK (on_failed_cb), fixture);
    g_signal_connect (fixture->board, "refused", G_CALLBACK (on_failed_cb), fixture);
    g_assert_true (in_column (fixture, 4, find_action (fixture, CONTROLS)));
  }
}

/* A plan of four years opens at today's quarter (the tests' clock: Q1
 * 2025, its ninth column), scrolled into view; the others stay reachable. */
static void
test_quarter_opens_today (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) today = g_date_time_new_utc (2025, 2, 10, 9, 0, 0);
  GtkAdjustment *adjustment;
  double per_column;
  guint column;

  vp_store_set_now (fixture->store, today);
  g_assert_true (vp_store_update (fixture->store, VP_RECORD (fixture->plan), &error, "first-year",
                                  2023, "last-year", 2026, NULL));
  g_assert_no_error (error);
  open_quarters (fixture);
  g_assert_cmpuint (vp_board_view_get_n_columns (fixture->board), ==, 18);
  column = vp_board_view_get_opening_column (fixture->board);
  g_assert_cmpuint (column, ==, 8);
  adjustment = vp_board_view_get_hadjustment (fixture->board);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  per_column = gtk_adjustment_get_upper (adjustment) / 18;
  /* today's column is in view */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <=, per_column * column + 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment)
                       + gtk_adjustment_get_page_size (adjustment),
                     >=, per_column * (column + 1) - 1);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (fixture->board), tr ("Q1 2025 · now", "Q1 2025 · nu")));
}

/* A drop on another quarter moves the action there, keeps the quarter it
 * was planned in, writes the move in its history, and is undone as one. */
static void
test_quarter_drop_moves (Fixture *fixture, gconstpointer data)
{
  VpAction *bibob = find_action (fixture, BIBOB);
  g_autoptr (VpStatusEvent) event = NULL;

  open_quarters (fixture);
  g_assert_true (drop (fixture, bibob, 1, NULL, FALSE));
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q2);
  g_assert_cmpint (vp_action_get_planned_quarter (bibob), ==, VP_QUARTER_Q4);
  g_assert_true (in_column (fixture, 1, bibob));
  g_assert_cmpuint (n_events (fixture), ==, 1);
  event = g_list_model_get_item (vp_store_get_records (fixture->store, VP_TYPE_STATUS_EVENT), 0);
  g_assert_cmpint (vp_status_event_get_kind (event), ==, VP_EVENT_KIND_QUARTER);
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "2024-Q2");
  g_assert_cmpstr (fixture->done, ==, tr ("Moved to Q2 2024", "Verschoven naar Q2 2024"));
  /* the card says where it was planned */
  g_assert_true (vp_test_shows_text (
    GTK_WIDGET (fixture->board), tr ("Q2 2024 (planned Q4 2024)", "Q2 2024 (gepland Q4 2024)")));

  /* Later: the first quarter after the plan */
  g_assert_true (drop (fixture, bibob, 4, NULL, FALSE));
  g_assert_cmpint (vp_action_get_year (bibob), ==, 2025);
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q1);
  g_assert_true (in_column (fixture, 4, bibob));

  undo (fixture);
  undo (fixture);
  g_assert_cmpint (vp_action_get_year (bibob), ==, 2024);
  g_assert_cmpint (vp_action_get_quarter (bibob), ==, VP_QUARTER_Q4);
  g_assert_true (in_column (fixture, 3, bibob));
  g_assert_cmpuint (n_events (fixture), ==, 0);
  g_assert_null (fixture->failed);
}

/* No Quarter takes no drops: a clear message, nothing changed. The
 * keyboard moves a card to the next quarter. */
static void
test_quarter_refusal_and_keys (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_quarters (fixture);
  before = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_false (drop (fixture, controls, 5, NULL, FALSE));
  g_assert_nonnull (fixture->failed);
  g_assert_true (in_column (fixture, 0, controls));
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  assert_no_dialog ();

  focus (fixture, controls);
  press (fixture, "<Control>Right");
  g_assert_cmpint (vp_action_get_quarter (controls), ==, VP_QUARTER_Q2);
  g_assert_true (in_column (fixture, 1, controls));
  g_assert_cmpuint (n_events (fixture), ==, 1);
}

/* A status another municipality keeps (an action it leads) does not move
 * on our board: refused with the reason, nothing changed. */
static void
test_status_kept_by_lead (Fixture *fixture, gconstpointer data)
{
  VpAction *bibob = find_action (fixture, BIBOB);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (
    vp_store_update (fixture->store, VP_RECORD (bibob), &error, "lead", "barneveld", NULL));
  open_window (fixture);
  before = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_false (drop (fixture, bibob, VP_STATUS_DONE, NULL, FALSE));
  g_assert_nonnull (strstr (fixture->failed, "Barneveld"));
  g_assert_true (in_column (fixture, VP_STATUS_PLANNED, bibob));
  after = vp_test_dump_file (vp_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  /* said in a toast, not a dialog */
  assert_no_dialog ();

  /* refused up front: while the card is dragged, another column does not
   * light up nor take it */
  {
    GtkWidget *done = vp_board_view_get_column (fixture->board, VP_STATUS_DONE);
    GdkDragAction action = GDK_ACTION_MOVE;

    g_set_object (&fixture->board->dragged, bibob);
    g_signal_emit_by_name (drop_target_of (fixture, VP_STATUS_DONE), "enter", 20.0, 20.0, &action);
    g_assert_cmpint (action, ==, 0);
    g_assert_false (gtk_widget_has_css_class (done, "drop-target"));
    g_signal_emit_by_name (drop_target_of (fixture, VP_STATUS_DONE), "leave");
    g_clear_object (&fixture->board->dragged);
  }
}

/* After a drop and Ctrl+Z the focus follows the card moved back, rather
 * than stay where it was. */
static void
test_focus_follows_undo (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  VpAction *bibob = find_action (fixture, BIBOB);

  open_window (fixture);
  /* the focus elsewhere, as after a drag with the mouse */
  focus (fixture, bibob);
  g_assert_true (drop (fixture, controls, VP_STATUS_IN_PROGRESS, NULL, FALSE));
  g_assert_true (in_column (fixture, VP_STATUS_IN_PROGRESS, controls));
  g_assert_true (focused_action (fixture) == bibob);
  undo (fixture);
  for (int i = 0; i < 20 && focused_action (fixture) != controls; i++)
    vp_test_wait_for_frames ();
  g_assert_true (in_column (fixture, VP_STATUS_PLANNED, controls));
  g_assert_true (focused_action (fixture) == controls);
  g_assert_true (
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                            vp_board_view_get_column (fixture->board, VP_STATUS_PLANNED)));
}

/* A card takes its row's focus and speaks: its text and status as its
 * name, its quarter, lead and priority as its description. */
static void
test_cards_named (Fixture *fixture, gconstpointer data)
{
  VpAction *controls = find_action (fixture, CONTROLS);
  GtkWidget *card;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  open_window (fixture);
  card = find_card (GTK_WIDGET (fixture->board), controls);
  g_assert_true (gtk_widget_get_focusable (card));
  focus (fixture, controls);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == card);
  name = g_strconcat (vp_action_get_text (controls), " (status: ", tr ("Planned", "Gepland"), ")",
                      NULL);
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  description
    = g_strconcat ("Q1 2024; ", tr ("lead: ", "trekker: "), tr ("Joint; ", "Gezamenlijk; "),
                   tr ("priority: ", "prioriteit: "), "1. Ondermijnende criminaliteit A", NULL);
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* a column's title is a heading */
  {
    GtkWidget *planned = vp_board_view_get_column (fixture->board, VP_STATUS_PLANNED);
    GtkWidget *title = NULL;

    for (GtkWidget *w = planned; w != NULL && title == NULL; w = gtk_widget_get_first_child (w))
      if (GTK_IS_LABEL (w))
        title = w;
    g_assert_nonnull (title);
    gtk_test_accessible_assert_role (title, GTK_ACCESSIBLE_ROLE_HEADING);
  }
}

/* The board is a VpView: the window takes its store and hears its
 * "done" and "failed" as of every view. */
static void
test_is_a_view (Fixture *f, gconstpointer data)
{
  open_window (f);
  g_assert_true (VP_IS_VIEW (f->board));
  g_assert_true (vp_view_get_store (VP_VIEW (f->board)) == f->store);
  g_assert_nonnull (vp_view_get_filter (VP_VIEW (f->board)));
  vp_view_done (VP_VIEW (f->board), "Gedaan");
  g_assert_cmpstr (f->done, ==, "Gedaan");
  vp_view_failed (VP_VIEW (f->board), "Mislukt");
  g_assert_cmpstr (f->failed, ==, "Mislukt");
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;
  dutch = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "nl");

#define ADD(path, func)                                                                            \
  g_test_add ("/board/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("columns", test_columns);
  ADD ("is-a-view", test_is_a_view);
  ADD ("focus-follows-undo", test_focus_follows_undo);
  ADD ("cards-named", test_cards_named);
  ADD ("card-details", test_card_details);
  ADD ("markup-literal", test_markup_literal);
  ADD ("search-and-facets", test_search_and_facets);
  ADD ("drop-sets-status", test_drop_sets_status);
  ADD ("failed-save", test_failed_save);
  ADD ("reorder", test_reorder);
  ADD ("cross-priority-refused", test_cross_priority_refused);
  ADD ("keyboard", test_keyboard);
  ADD ("menu-and-window-actions", test_menu_and_window_actions);
  ADD ("lanes", test_lanes);
  ADD ("priority-order", test_priority_order);
  ADD ("partner-badges", test_partner_badges);
  ADD ("quarter-columns", test_quarter_columns);
  ADD ("quarter-years-capped", test_quarter_years_capped);
  ADD ("quarter-opens-today", test_quarter_opens_today);
  ADD ("quarter-drop-moves", test_quarter_drop_moves);
  ADD ("quarter-refusal-and-keys", test_quarter_refusal_and_keys);
  ADD ("status-kept-by-lead", test_status_kept_by_lead);
#undef ADD
  g_test_add_func ("/board/example-plan", test_example_plan);
  return g_test_run ();
}
