/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-after-frame.h"
#include "vp-board-view-private.h"
#include "vp-format.h"
#include "vp-status-watch.h"
#include "vp-view.h"

/*
 * The board: the plan's actions as cards in a column per status (the
 * home municipality's), moved between columns by drag and drop or
 * Ctrl+arrows, and reordered within their priority the same way.
 *
 * The columns are a VpBoardColumns (which actions each holds, what a
 * move to one does), so that a board of quarters can reuse all of this.
 *
 * Models: the store's actions (and, with lanes, the lanes' headings) are
 * sorted once into the board's order; each column is a filter of that.
 * Which column an action is in, and whether it is shown at all (plan,
 * search, facets), is worked out before the columns refilter, the
 * placement: the columns' filters only look it up, and a lane's heading
 * shows in a column only when that column has cards in the lane. A search
 * or facet places every action again in one pass, one items-changed per
 * column; a status change or a move places again only the actions it
 * touched, and only the columns they left or joined refilter. Changes
 * that arrive as many signals (a commit, an undo) are gathered before the
 * next frame, and nothing is placed while the board is not on screen.
 *
 * Cards are recycled as in the list (vp-list-view.c): a bound card shows
 * its action and watches it and its home status; unbound, it keeps them
 * until it is bound to another (see Watch). Drag
 * sources, drop targets, the context menu and the keyboard shortcuts
 * belong to the columns and the board, never to a card; they are in
 * vp-board-view-moves.c.
 */

/* in pixels */
#define COLUMN_MIN_WIDTH 180
/* the least a card or a lane's heading is high, in pixels */
#define LEAST_CARD_HEIGHT 32

static const char *const lanes_nicks[] = { "none", "priority", "lead" };

/* VpView: what it shows */
static VpStore *
view_get_store (VpView *view)
{
  return VP_BOARD_VIEW (view)->store;
}

static VpPlan *
view_get_plan (VpView *view)
{
  return VP_BOARD_VIEW (view)->plan;
}

static VpActionFilter *
view_get_filter (VpView *view)
{
  return VP_BOARD_VIEW (view)->filter;
}

static void
view_iface_init (VpViewInterface *iface)
{
  iface->get_store = view_get_store;
  iface->get_plan = view_get_plan;
  iface->get_filter = view_get_filter;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VpBoardView,
                               vp_board_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VP_TYPE_VIEW, view_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LANES,
  PROP_COLUMNS,
  PROP_PLAN,
  N_PROPS
};

enum
{
  ACTION_ACTIVATED,
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The status board's columns: one per status, the one the views show
 * (vp_action_get_status()): the lead's, the shared one, or the home
 * municipality's part. A status another municipality keeps is refused
 * by the store, with a message. */

static guint
status_n_columns (VpBoardView *self)
{
  return VP_STATUS_CANCELLED + 1;
}

static char *
status_title (VpBoardView *self, guint column)
{
  return g_strdup (vp_enum_get_label (VP_TYPE_STATUS, column));
}

static int
status_column_of (VpBoardView *self, VpAction *action)
{
  /* the filter keeps every action's status since the store last changed:
   * placing 100,000 actions looks each up once */
  return vp_action_filter_get_status (self->filter, action);
}

static gboolean
status_move (VpBoardView *self, VpAction *action, guint column, GError **error)
{
  VpStore *store = self->store;
  const char *home = vp_store_get_home_municipality (store);
  VpActionStatus *status = vp_action_find_shown_status (store, action);

  return vp_store_set_status (store, action, home, column,
                              status != NULL ? vp_action_status_get_achieved (status) : 0,
                              status != NULL ? vp_action_status_get_note (status) : "", error);
}

static char *
status_moved_message (VpBoardView *self, guint column)
{
  /* Translators: a status was changed from the list or the board; its
   * new status follows */
  return g_strdup_printf (_ ("Status set to “%s”"), vp_enum_get_label (VP_TYPE_STATUS, column));
}

/* A status another municipality keeps, or one of each municipality that
 * the home municipality takes no part in, is not ours to move. */
static char *
status_refusal (VpBoardView *self, VpAction *action, guint column)
{
  const char *keeper = NULL;
  VpOrganisation *organisation;
  g_autofree char *name = NULL;

  if (vp_store_get_home_municipality (self->store) == NULL)
    return g_strdup (_ ("Choose your municipality first: a status on the board is always your "
                        "municipality’s."));
  if (vp_action_can_set_status (self->store, action, &keeper))
    return NULL;
  if (keeper == NULL)
    return g_strdup (_ ("Only the municipality that leads this action sets its status."));
  organisation = vp_store_lookup_organisation (self->store, keeper);
  name = vp_format_display_text (organisation != NULL ? vp_organisation_get_name (organisation)
                                                      : keeper);
  /* Translators: why a status is greyed: "Only Barneveld sets this status." */
  return g_strdup_printf (_ ("Only %s sets this status."), name);
}

static const VpBoardColumns status_columns = {
  .n_columns = status_n_columns,
  .title = status_title,
  .column_of = status_column_of,
  .move = status_move,
  .refusal = status_refusal,
  /* Translators: what Undo undoes after a card was moved to another status */
  .undo_label = N_ ("Change status"),
  .moved_message = status_moved_message,
};

/* Records and lanes. */

static gboolean
in_plan (VpBoardView *self, VpPriority *priority)
{
  return self->plan != NULL && priority != NULL
         && g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
              == 0;
}

/* The lead an action's lane is for: an organisation's code, or "joint" or
 * "each" (as the action filter writes them). */
static const char *
lead_key (VpAction *action)
{
  if (vp_action_get_lead_kind (action) == VP_LEAD_KIND_ORGANISATION)
    return vp_action_get_lead (action) != NULL ? vp_action_get_lead (action) : "";
  return vp_enum_to_nick (VP_TYPE_LEAD_KIND, vp_action_get_lead_kind (action));
}

/* The lane of a heading or a card: a priority's UUID or a lead's key. */
static const char *
lane_key (VpBoardView *self, gpointer item)
{
  if (GTK_IS_STRING_OBJECT (item))
    return gtk_string_object_get_string (item);
  if (VP_IS_PRIORITY (item))
    return vp_record_get_uuid (item);
  if (self->lanes == VP_BOARD_LANES_PRIORITY)
    return vp_action_get_priority (item);
  if (self->lanes == VP_BOARD_LANES_LEAD)
    return lead_key (item);
  return NULL;
}

static char *
lead_title (VpBoardView *self, const char *key)
{
  int kind;
  VpOrganisation *organisation;

  if (vp_enum_from_nick (VP_TYPE_LEAD_KIND, key, &kind) && kind != VP_LEAD_KIND_ORGANISATION)
    return g_strdup (vp_enum_get_label (VP_TYPE_LEAD_KIND, kind));
  organisation = vp_store_lookup_organisation (self->store, key);
  return g_strdup (organisation != NULL ? vp_organisation_get_name (organisation) : key);
}

/* The order of the leads' lanes: joint, each, then the organisations by
 * name. */
static int
compare_lead_keys (VpBoardView *self, const char *a, const char *b)
{
  int ra = g_str_equal (a, "joint") ? 0 : g_str_equal (a, "each") ? 1 : 2;
  int rb = g_str_equal (b, "joint") ? 0 : g_str_equal (b, "each") ? 1 : 2;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (ra != rb)
    return ra - rb;
  ta = lead_title (self, a);
  tb = lead_title (self, b);
  return g_utf8_collate (ta, tb);
}

static int
compare_lead_keys_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_lead_keys (data, *(const char *const *) a, *(const char *const *) b);
}

static gboolean
same_keys (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b, key))
        return FALSE;
    }
  return TRUE;
}

/* The leads' lanes: one per lead of any action, in order, remade when the
 * leads change. */
static void
update_lead_lanes (VpBoardView *self)
{
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) lanes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gpointer *sorted = NULL;
  guint n_keys;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      g_hash_table_add (keys, (gpointer) lead_key (action));
    }
  if (same_keys (keys, self->lead_ranks))
    return;
  sorted = g_hash_table_get_keys_as_array (keys, &n_keys);
  g_qsort_with_data (sorted, n_keys, sizeof (gpointer), compare_lead_keys_cb, self);
  g_hash_table_remove_all (self->lead_ranks);
  for (guint i = 0; i < n_keys; i++)
    {
      g_hash_table_insert (self->lead_ranks, g_strdup (sorted[i]), GUINT_TO_POINTER (i));
      g_ptr_array_add (lanes, gtk_string_object_new (sorted[i]));
    }
  g_list_store_splice (self->lead_lanes, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->lead_lanes)), lanes->pdata,
                       lanes->len);
}

/* The board's order: by lane (its heading first), then by priority, then
 * in the store's order (by position), which the stable sort keeps. */

static int
compare_numbers (int a, int b)
{
  return (a > b) - (a < b);
}

static int
compare_priorities (VpBoardView *self, gpointer a, gpointer b)
{
  VpPriority *pa, *pb;
  int by_number;

  if (VP_IS_ACTION (a) && VP_IS_ACTION (b)
      && g_strcmp0 (vp_action_get_priority (a), vp_action_get_priority (b)) == 0)
    return 0;
  pa = vp_store_lookup_priority_of (self->store, a);
  pb = vp_store_lookup_priority_of (self->store, b);
  if (pa == pb)
    return 0;
  by_number = compare_numbers (pa != NULL ? vp_priority_get_number (pa) : G_MAXINT,
                               pb != NULL ? vp_priority_get_number (pb) : G_MAXINT);
  if (by_number != 0 || pa == NULL || pb == NULL)
    return by_number;
  /* two plans' priorities of one number */
  return g_strcmp0 (vp_record_get_uuid (VP_RECORD (pa)), vp_record_get_uuid (VP_RECORD (pb)));
}

static int
compare_lanes (VpBoardView *self, gpointer a, gpointer b)
{
  if (self->lanes == VP_BOARD_LANES_PRIORITY)
    return compare_priorities (self, a, b);
  if (self->lanes == VP_BOARD_LANES_LEAD)
    return compare_numbers (
      GPOINTER_TO_INT (g_hash_table_lookup (self->lead_ranks, lane_key (self, a))),
      GPOINTER_TO_INT (g_hash_table_lookup (self->lead_ranks, lane_key (self, b))));
  return 0;
}

static int
compare_items (gconstpointer a, gconstpointer b, gpointer data)
{
  VpBoardView *self = data;
  int by_lane = compare_lanes (self, (gpointer) a, (gpointer) b);
  gboolean a_card = VP_IS_ACTION ((gpointer) a);
  gboolean b_card = VP_IS_ACTION ((gpointer) b);

  if (by_lane != 0)
    return by_lane;
  if (a_card != b_card)
    return a_card - b_card;
  return a_card ? compare_priorities (self, (gpointer) a, (gpointer) b) : 0;
}

/* The placement: which actions show in which column (and lane), and how
 * many cards each column has in each lane. */

typedef struct
{
  int column;
  /* the lane's key, or NULL without lanes */
  char *lane;
} Place;

static void
place_free (Place *place)
{
  g_free (place->lane);
  g_free (place);
}

static void
count_card (VpBoardColumn *column, const char *lane, int delta)
{
  guint n;

  column->n_cards += delta;
  if (lane == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (column->lanes, lane)) + delta;
  if (n == 0)
    g_hash_table_remove (column->lanes, lane);
  else
    g_hash_table_insert (column->lanes, g_strdup (lane), GUINT_TO_POINTER (n));
}

/* Where @action goes: its column, or -1 when it is not shown. */
static int
place_action (VpBoardView *self, VpAction *action)
{
  int column;
  /* what the filter took from the action: the placement is made after
   * the store changed, never in the middle of a commit */
  guint key = vp_action_filter_key (self->filter, action);

  if (!g_hash_table_contains (self->plan_priorities,
                              vp_action_filter_key_priority (self->filter, key))
      || !vp_action_filter_match_key (self->filter, key))
    return -1;
  column = self->def->column_of (self, action);
  return column >= 0 && column < (int) self->n_columns ? column : -1;
}

/* Places @action again. */
/* Returns: whether the action went to another column or lane */
static gboolean
replace_action (VpBoardView *self, VpAction *action)
{
  Place *old = g_hash_table_lookup (self->placement, action);
  int column = place_action (self, action);
  const char *lane = column >= 0 ? lane_key (self, action) : NULL;
  Place *place;

  if (old != NULL && old->column == column && g_strcmp0 (old->lane, lane) == 0)
    return FALSE;
  if (old != NULL)
    {
      count_card (&self->columns[old->column], old->lane, -1);
      g_hash_table_remove (self->placement, action);
    }
  if (column < 0)
    return TRUE;
  place = g_new0 (Place, 1);
  place->column = column;
  place->lane = g_strdup (lane);
  g_hash_table_insert (self->placement, g_object_ref (action), place);
  count_card (&self->columns[column], lane, 1);
  return TRUE;
}

/* The UUIDs of the plan's priorities, interned (as the filter's). */
static void
update_plan_priorities (VpBoardView *self)
{
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);

  g_hash_table_remove_all (self->plan_priorities);
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);

      if (in_plan (self, priority))
        g_hash_table_add (self->plan_priorities,
                          (gpointer) g_intern_string (vp_record_get_uuid (VP_RECORD (priority))));
    }
}

static void
update_placement (VpBoardView *self)
{
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);

  g_hash_table_remove_all (self->placement);
  g_hash_table_remove_all (self->dirty);
  self->replace_all = FALSE;
  self->deleted = FALSE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_hash_table_remove_all (self->columns[c].lanes);
      self->columns[c].n_cards = 0;
    }
  /* no plan, no action in it (the board is shown before it has one) */
  if (self->plan == NULL)
    return;
  update_plan_priorities (self);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      replace_action (self, action);
    }
}

int
vp_board_view_column_of (VpBoardView *self, VpAction *action)
{
  Place *place = g_hash_table_lookup (self->placement, action);

  return place != NULL ? place->column : -1;
}

/* The columns that show @item (a bit each): an action's card shows in
 * its column, a lane's heading in every column with cards in the lane. */
static guint32
columns_showing (gpointer item, gpointer data)
{
  VpBoardView *self = data;
  const char *lane;
  guint32 columns = 0;

  if (VP_IS_ACTION (item))
    {
      int column = vp_board_view_column_of (self, item);

      return column >= 0 ? 1u << column : 0;
    }
  if (self->lanes == VP_BOARD_LANES_NONE)
    return 0;
  lane = lane_key (self, item);
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (g_hash_table_contains (self->columns[c].lanes, lane))
        columns |= 1u << c;
    }
  return columns;
}

static void
update_headers (VpBoardView *self)
{
  guint total = 0;
  g_autofree char *summary = NULL;

  for (guint c = 0; c < self->n_columns; c++)
    {
      VpBoardColumn *column = &self->columns[c];
      g_autofree char *count = g_strdup_printf ("%u", column->n_cards);

      gtk_label_set_text (GTK_LABEL (column->count), count);
      gtk_widget_set_visible (column->placeholder, column->n_cards == 0);
      total += column->n_cards;
    }
  /* Translators: above the board: the number of actions on it */
  summary = g_strdup_printf (ngettext ("%u action", "%u actions", total), total);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
}

static void fill (VpBoardView *self);

static gboolean
prepare_cb (gpointer data)
{
  VpBoardView *self = data;

  self->prepare_id = 0;
  vp_poke_model_prepare (self->source);
  return G_SOURCE_REMOVE;
}

/* Places all actions again and refilters the columns: at once when the
 * board is on screen, else when it comes back. */
static void
refresh (VpBoardView *self)
{
  g_clear_handle_id (&self->placement_idle, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* not filled yet (it had no plan): filling places every action */
  if (self->source == NULL)
    {
      fill (self);
      return;
    }
  self->stale = FALSE;
  if (self->lanes == VP_BOARD_LANES_LEAD)
    update_lead_lanes (self);
  update_placement (self);
  /* without lanes, the presort puts the priorities in order itself */
  if (self->resort && self->lanes != VP_BOARD_LANES_NONE)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->resort = FALSE;
  vp_board_split_refilter (self->split);
  update_headers (self);
}

/* Takes the cards of deleted actions off the board. */
/* Returns: whether there were any */
static gboolean
forget_deleted (VpBoardView *self)
{
  GHashTableIter iter;
  gpointer action, value;
  gboolean any = FALSE;

  self->deleted = FALSE;
  g_hash_table_iter_init (&iter, self->placement);
  while (g_hash_table_iter_next (&iter, &action, &value))
    {
      Place *place = value;

      if (vp_store_lookup (self->store, vp_record_get_uuid (action)) == action)
        continue;
      count_card (&self->columns[place->column], place->lane, -1);
      g_hash_table_iter_remove (&iter);
      any = TRUE;
    }
  return any;
}

/* Places again only the actions that changed (a status, a move). Without
 * lanes, the columns look again only at the cards that moved (told by
 * the sorted model's source); with lanes, a lane's heading may come or go
 * too, and the columns are split again when any card moved or went. */
static void
refresh_changed (VpBoardView *self)
{
  g_autoptr (GHashTable) dirty = g_steal_pointer (&self->dirty);
  g_autoptr (GPtrArray) moved = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer action;
  gboolean gone = FALSE;

  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  update_plan_priorities (self);
  if (self->lanes == VP_BOARD_LANES_LEAD)
    update_lead_lanes (self);
  if (self->deleted)
    gone = forget_deleted (self);
  g_hash_table_iter_init (&iter, dirty);
  while (g_hash_table_iter_next (&iter, &action, NULL))
    {
      if (replace_action (self, action))
        g_ptr_array_add (moved, action);
    }
  if (self->lanes == VP_BOARD_LANES_NONE)
    {
      /* deleted cards went with the store's items-changed already */
      for (guint i = 0; i < moved->len; i++)
        vp_poke_model_poke (self->source, g_ptr_array_index (moved, i));
    }
  else if (gone || moved->len > 0)
    vp_board_split_refilter (self->split);
  update_headers (self);
}

static void
run_refresh (VpBoardView *self)
{
  g_clear_handle_id (&self->placement_idle, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->replace_all || self->stale || self->source == NULL)
    refresh (self);
  else
    refresh_changed (self);
}

static gboolean
refresh_idle (gpointer data)
{
  VpBoardView *self = data;

  self->placement_idle = 0;
  run_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many signals of one change (a commit, an undo, an import) make one
 * refresh, before the next frame is laid out: of the actions marked, or
 * of all when @all. */
static void
queue_refresh (VpBoardView *self, gboolean all)
{
  /* not on screen: all of them, when it is back */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->replace_all = self->replace_all || all;
  if (self->placement_idle == 0)
    self->placement_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_idle, self, NULL);
}

static void
mark_changed (VpBoardView *self, const char *action_uuid)
{
  VpRecord *action = vp_store_lookup (self->store, action_uuid);

  if (VP_IS_ACTION (action) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_hash_table_add (self->dirty, g_object_ref (action));
  queue_refresh (self, FALSE);
}

/* Runs a queued refresh now: after a change made here, before looking
 * for the moved card. */
void
vp_board_view_flush (VpBoardView *self)
{
  if (self->placement_idle != 0)
    run_refresh (self);
}

static void
on_filter_changed_cb (VpBoardView *self)
{
  refresh (self);
}

/* What a bound card watches: its action and the home status of it, as in
 * the list (vp-list-view.c). A card's Watch is made with the card and
 * keeps its action while unbound: GTK 4.8 binds every card after one that
 * left a column again (its position changed), and a card bound again to
 * its action then costs nothing. */
typedef struct
{
  VpBoardView *self;
  GtkListItem *item;
  gboolean bound;
  VpStatusWatch target;
  /* a card off screen (unmapped: GTK 4.8 keeps some 200 per column) is
   * shown again when it comes on screen, not at every change */
  gboolean stale;
} Watch;

static void on_watched_changed_cb (Watch *watch);

static void
show_card (VpBoardView *self, GtkListItem *item)
{
  VpBoardCard *card = VP_BOARD_CARD (gtk_list_item_get_child (item));
  gpointer record = gtk_list_item_get_item (item);

  if (VP_IS_ACTION (record))
    vp_board_card_show_action (card, self->store, record);
}

/* Whether the watched status record changed: it came, went or is another. */
static gboolean
watch_status (Watch *watch)
{
  return vp_status_watch_update_status (&watch->target, watch->self->store);
}

/* Listens to @action (and its status), or to nothing. */
static void
watch_action (Watch *watch, VpAction *action)
{
  if (action != vp_status_watch_get_record (&watch->target))
    vp_status_watch_set_record (&watch->target, watch->self->store, action);
}

static gboolean
put_off (Watch *watch)
{
  watch->stale = !gtk_widget_get_mapped (gtk_list_item_get_child (watch->item));
  return watch->stale;
}

static void
on_watched_changed_cb (Watch *watch)
{
  /* an unbound card lets go of its action when bound to another */
  if (!watch->bound || put_off (watch))
    return;
  watch_status (watch);
  show_card (watch->self, watch->item);
}

static void
on_card_mapped_cb (GtkListItem *item)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");

  if (watch->stale)
    on_watched_changed_cb (watch);
}

/* GTK unbinds a card before it goes: the view no longer knows it. */
static void
watch_free (Watch *watch)
{
  g_assert (!watch->bound);
  watch_action (watch, NULL);
  g_free (watch);
}

static void
refresh_cards (VpBoardView *self)
{
  GHashTableIter iter;
  gpointer watch;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &watch, NULL))
    on_watched_changed_cb (watch);
}

/* The home municipality's status of the actions in @statuses (status
 * records or status events) between @position and @position + @added. */
static void
mark_statuses (VpBoardView *self, GListModel *statuses, guint position, guint added)
{
  const char *home = vp_store_get_home_municipality (self->store);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (statuses, i);

      if (g_strcmp0 (vp_record_get_string (record, "municipality"), home) == 0)
        mark_changed (self, vp_record_get_string (record, "action"));
    }
}

/* A status record came or went (a first change, an undo, an import): the
 * cards whose record it is show it, and the cards move. */
static void
on_statuses_changed_cb (
  GListModel *statuses, guint position, guint removed, guint added, VpBoardView *self)
{
  GHashTableIter iter;
  gpointer watch;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &watch, NULL))
    {
      if (!put_off (watch) && watch_status (watch))
        show_card (self, ((Watch *) watch)->item);
    }
  mark_statuses (self, statuses, position, added);
  /* which actions lost their status is gone with it */
  queue_refresh (self, removed > 0);
}

/* Every status change writes a status event. */
static void
on_events_changed_cb (
  GListModel *events, guint position, guint removed, guint added, VpBoardView *self)
{
  mark_statuses (self, events, position, added);
  queue_refresh (self, removed > 0);
}

static void
start_watching (VpBoardView *self, GtkListItem *item, VpAction *action)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");

  watch->bound = TRUE;
  watch_action (watch, action);
  /* its status record may have come or gone while it was unbound */
  watch_status (watch);
  g_hash_table_add (self->watches, watch);
}

static void
stop_watching (VpBoardView *self, GtkListItem *item)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");

  watch->bound = FALSE;
  watch->stale = FALSE;
  g_hash_table_remove (self->watches, watch);
}

/* The cards' factory. */

static void
setup_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpBoardView *self)
{
  GtkWidget *card = vp_board_card_new ();
  Watch *watch = g_new0 (Watch, 1);

  watch->self = self;
  watch->item = item;
  vp_status_watch_init (&watch->target, (VpStatusWatchFunc) on_watched_changed_cb, watch);
  g_object_set_data_full (G_OBJECT (item), "vp-watch", watch, (GDestroyNotify) watch_free);
  gtk_list_item_set_child (item, card);
  g_signal_connect_swapped (card, "map", G_CALLBACK (on_card_mapped_cb), item);
}

static void
show_heading (VpBoardView *self, VpBoardCard *card, gpointer record)
{
  g_autofree char *title = NULL;

  if (VP_IS_PRIORITY (record))
    {
      title = vp_format_priority (self->store, record);
      vp_board_card_show_heading (card, title, vp_priority_get_colour (record));
      return;
    }
  title = lead_title (self, gtk_string_object_get_string (record));
  vp_board_card_show_heading (card, title, NULL);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpBoardView *self)
{
  VpBoardCard *card = VP_BOARD_CARD (gtk_list_item_get_child (item));
  gpointer record = gtk_list_item_get_item (item);
  gboolean is_card = VP_IS_ACTION (record);

  gtk_list_item_set_selectable (item, is_card);
  gtk_list_item_set_activatable (item, is_card);
  /* the cards on screen when the board is shown measure their text */
  vp_board_card_set_measure_exactly (card, gtk_list_item_get_position (item) < 24);
  if (!is_card)
    {
      /* a lane's heading watches nothing */
      watch_action (g_object_get_data (G_OBJECT (item), "vp-watch"), NULL);
      show_heading (self, card, record);
      return;
    }
  vp_board_card_bind_action (card, self->store, record);
  start_watching (self, item, record);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpBoardView *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  if (card == self->marked)
    self->marked = NULL;
  vp_board_card_clear (VP_BOARD_CARD (card));
  stop_watching (self, item);
}

/* The columns. */

static void
on_activate_cb (GtkListView *list, guint position, VpBoardColumn *column)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (column->selection), position);

  if (VP_IS_ACTION (item))
    g_signal_emit (column->self, signals[ACTION_ACTIVATED], 0, item);
}

/* One card is selected on the whole board. */
static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         guint position,
                         guint n,
                         VpBoardColumn *column)
{
  VpBoardView *self = column->self;

  if (gtk_single_selection_get_selected_item (selection) == NULL)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (c != column->index)
        gtk_single_selection_set_selected (self->columns[c].selection, GTK_INVALID_LIST_POSITION);
    }
}

static GtkWidget *
make_header (VpBoardView *self, VpBoardColumn *column)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *text = self->def->title (self, column->index);
  /* a heading to a screen reader too, which lists a board by them */
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role",
                                   GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (header, "board-column-header");
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  column->count = gtk_label_new ("0");
  gtk_widget_add_css_class (column->count, "dim-label");
  gtk_widget_add_css_class (column->count, "numeric");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), column->count);
  return header;
}

static GtkWidget *
make_list (VpBoardView *self, VpBoardColumn *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListModel *cards = vp_board_split_get_column (self->split, column->index);
  g_autofree char *title = self->def->title (self, column->index);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  column->selection = gtk_single_selection_new (g_object_ref (cards));
  gtk_single_selection_set_autoselect (column->selection, FALSE);
  gtk_single_selection_set_can_unselect (column->selection, TRUE);
  g_signal_connect (column->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                    column);
  column->list
    = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (column->selection)), factory);
  gtk_widget_add_css_class (column->list, "board-cards");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect (column->list, "activate", G_CALLBACK (on_activate_cb), column);

  return column->list;
}

static void
add_column (VpBoardView *self, guint index)
{
  VpBoardColumn *column = &self->columns[index];
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  column->self = self;
  column->index = index;
  column->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  column->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (column->widget, "board-column");
  /* narrower, cards are hard to read: the board scrolls sideways instead */
  gtk_widget_set_size_request (column->widget, COLUMN_MIN_WIDTH, -1);
  gtk_box_append (GTK_BOX (column->widget), make_header (self, column));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), make_list (self, column));
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scroller);
  /* Translators: in an empty column of the board */
  column->placeholder = gtk_label_new (_ ("No actions"));
  gtk_widget_add_css_class (column->placeholder, "dim-label");
  gtk_widget_add_css_class (column->placeholder, "board-placeholder");
  gtk_widget_set_valign (column->placeholder, GTK_ALIGN_START);
  gtk_widget_set_can_target (column->placeholder, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), column->placeholder);
  gtk_box_append (GTK_BOX (column->widget), overlay);

  vp_board_view_watch_column (self, column);
  gtk_box_append (GTK_BOX (self->columns_box), column->widget);
}

/* The board's records, as the sort model's source. At 100,000 actions,
 * sorting them from the store's order (by position) and asking for each
 * in the store's GSequence cost most of the board's first frame. Here,
 * without lanes, the actions are put in the order of their priorities
 * once, keeping the store's order among those of one priority, and each
 * added or moved one is put in its place: that is the board's order
 * (compare_items() without lanes), and the sort model, given no sorter
 * then, only passes it on. With lanes, they are in the source's order,
 * and the sort model sorts them. */

#define VP_TYPE_BOARD_PRESORT (vp_board_presort_get_type ())

G_DECLARE_FINAL_TYPE (VpBoardPresort, vp_board_presort, VP, BOARD_PRESORT, GObject)

struct _VpBoardPresort
{
  GObject parent_instance;

  VpStore *store;
  GListModel *source;
  /* the source's records (references), in the source's order */
  GPtrArray *mirror;
  /* the same, in this model's order (borrowed from mirror) */
  GPtrArray *items;
  /* whether items are in the order of their priorities */
  gboolean ranked;
  /* a priority's UUID → its rank + 1 (made when needed) */
  GHashTable *ranks;
};

static void vp_board_presort_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpBoardPresort,
                               vp_board_presort,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vp_board_presort_list_model_init))

static GType
vp_board_presort_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
vp_board_presort_get_n_items (GListModel *model)
{
  return VP_BOARD_PRESORT (model)->items->len;
}

static gpointer
vp_board_presort_get_item (GListModel *model, guint position)
{
  VpBoardPresort *self = VP_BOARD_PRESORT (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vp_board_presort_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vp_board_presort_get_item_type;
  iface->get_n_items = vp_board_presort_get_n_items;
  iface->get_item = vp_board_presort_get_item;
}

static int
compare_priority_records (gconstpointer a, gconstpointer b)
{
  VpPriority *pa = *(VpPriority **) a;
  VpPriority *pb = *(VpPriority **) b;
  int by_number = compare_numbers (vp_priority_get_number (pa), vp_priority_get_number (pb));

  if (by_number != 0)
    return by_number;
  return g_strcmp0 (vp_record_get_uuid (VP_RECORD (pa)), vp_record_get_uuid (VP_RECORD (pb)));
}

/* Where @record goes in the order of priorities (compare_priorities()):
 * records of one priority, and those of none, rank the same. */
static guint
presort_rank (VpBoardPresort *self, gpointer record)
{
  VpStore *store = self->store;
  const char *priority;
  gpointer rank;

  if (self->ranks == NULL)
    {
      GListModel *priorities = vp_store_get_records (store, VP_TYPE_PRIORITY);
      guint n = g_list_model_get_n_items (priorities);
      g_autoptr (GPtrArray) sorted = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (sorted, g_list_model_get_item (priorities, i));
      g_ptr_array_sort (sorted, compare_priority_records);
      self->ranks = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        g_hash_table_insert (
          self->ranks,
          (gpointer) g_intern_string (vp_record_get_uuid (g_ptr_array_index (sorted, i))),
          GUINT_TO_POINTER (i + 1));
    }
  if (!VP_IS_ACTION (record))
    return 0;
  /* an action's priority is interned, as the keys are (the string's own
   * interned copy, if it has one, for any other) */
  priority = vp_action_get_priority (record);
  rank = g_hash_table_lookup (self->ranks, priority);
  if (rank == NULL && priority != NULL && g_quark_try_string (priority) != 0)
    rank = g_hash_table_lookup (self->ranks, g_quark_to_string (g_quark_try_string (priority)));
  /* one of none (an unknown UUID) ranks last */
  return rank != NULL ? GPOINTER_TO_UINT (rank) : G_MAXUINT;
}

typedef struct
{
  guint rank;
  /* in the source */
  guint position;
} PresortKey;

static int
compare_presort_keys (gconstpointer a, gconstpointer b)
{
  const PresortKey *ka = a, *kb = b;

  if (ka->rank != kb->rank)
    return ka->rank < kb->rank ? -1 : 1;
  return compare_numbers (ka->position, kb->position);
}

/* Takes every record from the source again, and puts them in order. */
static void
presort_reload (VpBoardPresort *self)
{
  guint n = g_list_model_get_n_items (self->source);
  g_autofree PresortKey *keys = NULL;

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->mirror, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mirror, g_list_model_get_item (self->source, i));
  if (!self->ranked)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->items, g_ptr_array_index (self->mirror, i));
      return;
    }
  keys = g_new (PresortKey, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i].rank = presort_rank (self, g_ptr_array_index (self->mirror, i));
      keys[i].position = i;
    }
  qsort (keys, n, sizeof (PresortKey), compare_presort_keys);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_ptr_array_index (self->mirror, keys[i].position));
}

static guint
presort_index_of (VpBoardPresort *self, gpointer record)
{
  guint index = 0;

  g_ptr_array_find (self->items, record, &index);
  return index;
}

/* Where the record at @position in the source goes: after the nearest
 * record of its rank before it in the source, else before the first
 * record of its rank or higher. */
static guint
presort_place (VpBoardPresort *self, guint position)
{
  guint rank = presort_rank (self, g_ptr_array_index (self->mirror, position));
  guint low = 0, high = self->items->len;

  for (guint i = position; i > 0; i--)
    {
      gpointer before = g_ptr_array_index (self->mirror, i - 1);

      if (presort_rank (self, before) == rank)
        return presort_index_of (self, before) + 1;
    }
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (presort_rank (self, g_ptr_array_index (self->items, middle)) < rank)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
presort_rebuild (VpBoardPresort *self)
{
  guint before = self->items->len;

  presort_reload (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->items->len);
}

static void
on_presort_source_changed_cb (VpBoardPresort *self, guint position, guint removed, guint added)
{
  if (!self->ranked)
    {
      g_ptr_array_remove_range (self->items, position, removed);
      g_ptr_array_remove_range (self->mirror, position, removed);
      for (guint i = 0; i < added; i++)
        {
          gpointer record = g_list_model_get_item (self->source, position + i);

          g_ptr_array_insert (self->mirror, position + i, record);
          g_ptr_array_insert (self->items, position + i, record);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  /* many (an import, a plan deleted): put in order anew */
  if (removed + added > 64)
    {
      presort_rebuild (self);
      return;
    }
  for (guint i = 0; i < removed; i++)
    {
      guint index = presort_index_of (self, g_ptr_array_index (self->mirror, position + i));

      g_ptr_array_remove_index (self->items, index);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
    }
  g_ptr_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gpointer record = g_list_model_get_item (self->source, position + i);
      guint index;

      g_ptr_array_insert (self->mirror, position + i, record);
      index = presort_place (self, position + i);
      g_ptr_array_insert (self->items, index, record);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 0, 1);
    }
}

/* The priorities changed: their order may be another. */
static void
on_presort_priorities_changed_cb (VpBoardPresort *self)
{
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  if (self->ranked)
    presort_rebuild (self);
}

static void
vp_board_presort_dispose (GObject *object)
{
  VpBoardPresort *self = VP_BOARD_PRESORT (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ranks, g_hash_table_unref);

  G_OBJECT_CLASS (vp_board_presort_parent_class)->dispose (object);
}

static void
vp_board_presort_finalize (GObject *object)
{
  VpBoardPresort *self = VP_BOARD_PRESORT (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->mirror);

  G_OBJECT_CLASS (vp_board_presort_parent_class)->finalize (object);
}

static void
vp_board_presort_class_init (VpBoardPresortClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vp_board_presort_dispose;
  G_OBJECT_CLASS (klass)->finalize = vp_board_presort_finalize;
}

static void
vp_board_presort_init (VpBoardPresort *self)
{
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new ();
}

static VpBoardPresort *
vp_board_presort_new (VpStore *store, GListModel *source, gboolean ranked)
{
  VpBoardPresort *self = g_object_new (VP_TYPE_BOARD_PRESORT, NULL);

  self->store = g_object_ref (store);
  self->source = g_object_ref (source);
  self->ranked = ranked;
  presort_reload (self);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (on_presort_source_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vp_store_get_records (store, VP_TYPE_PRIORITY), "items-changed",
                           G_CALLBACK (on_presort_priorities_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* With lanes or without: in the order of priorities only without. */
static void
vp_board_presort_set_ranked (VpBoardPresort *self, gboolean ranked)
{
  if (self->ranked == ranked)
    return;
  self->ranked = ranked;
  presort_rebuild (self);
}

/* How many cards a column shows at most on screen: the board's height
 * by the least card's. */
static guint
cards_on_screen (VpBoardView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* not laid out yet: the window's height is more than the board's (at
   * start-up, the window's first frame is the board's) */
  if (height <= 0)
    height = vp_first_frame_height (GTK_WIDGET (self));
  return height > 0 ? (guint) height / LEAST_CARD_HEIGHT + 1 : G_MAXUINT;
}

/* Every card in its column's model: after the board's first frame, or
 * before a card is looked for (a move made before that frame). */
void
vp_board_view_show_all_cards (VpBoardView *self)
{
  if (self->split != NULL)
    vp_board_split_set_limit (self->split, G_MAXUINT);
}

static void
show_all_cards_cb (GtkWidget *widget, gpointer data)
{
  vp_board_view_show_all_cards (VP_BOARD_VIEW (widget));
}

/* Without lanes the presort's order is the board's (the sort model then
 * only passes it on: sorting 100,000 actions found in order still took a
 * tenth of a second); with lanes, the sorter puts them in order. */
static GtkSorter *
board_sorter (VpBoardView *self)
{
  return self->lanes == VP_BOARD_LANES_NONE ? NULL : GTK_SORTER (self->sorter);
}

/* The models are filled when the board is first shown: the window makes
 * every view, and a board of 10,000 actions takes a moment to sort. */
static void
fill (VpBoardView *self)
{
  g_autoptr (GtkFlattenListModel) records = NULL;

  if (gtk_sort_list_model_get_model (self->sorted) != NULL)
    {
      if (self->stale)
        refresh (self);
      return;
    }
  /* without a plan nothing shows: the models are filled once it has one
   * (the window gives it after showing the board) */
  if (self->plan == NULL)
    {
      self->stale = FALSE;
      update_headers (self);
      return;
    }
  if (self->lanes == VP_BOARD_LANES_LEAD)
    update_lead_lanes (self);
  update_placement (self);
  self->stale = FALSE;
  records = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->parts)));
  self->presort = vp_board_presort_new (self->store, G_LIST_MODEL (records),
                                        self->lanes == VP_BOARD_LANES_NONE);
  self->source = vp_poke_model_new (G_LIST_MODEL (self->presort));
  /* GTK 4.8's GtkListView makes a card for up to 200 records of its
   * model at once, and five columns of 200 cards were half the first
   * frame of a large board: that frame makes those on screen, the next
   * the others (one frame more, not one per screenful: the drops a
   * person makes right away wait for it once) */
  vp_board_split_set_limit (self->split, cards_on_screen (self));
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->source));
  /* sorted now, with the priorities as they are */
  self->resort = FALSE;
  vp_after_frame (GTK_WIDGET (self), show_all_cards_cb, NULL, NULL);
  /* the first card moved shows as soon as the others: its position is
   * looked up after the first frame */
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_cb, self, NULL);
  update_headers (self);
}

static GListModel *
headings_model (VpBoardView *self)
{
  switch (self->lanes)
    {
    case VP_BOARD_LANES_PRIORITY:
      return vp_store_get_records (self->store, VP_TYPE_PRIORITY);
    case VP_BOARD_LANES_LEAD:
      return G_LIST_MODEL (self->lead_lanes);
    case VP_BOARD_LANES_NONE:
    default:
      return g_object_get_data (G_OBJECT (self), "vp-no-lanes");
    }
}

static void
update_lanes_button (VpBoardView *self)
{
  const char *labels[] = {
    /* Translators: the board's cards are not grouped in lanes */
    N_ ("Not Grouped"),
    /* Translators: the board's cards are grouped in a lane per priority */
    N_ ("Grouped by Priority"),
    /* Translators: the board's cards are grouped in a lane per lead */
    N_ ("Grouped by Lead"),
  };

  const char *spoken[] = {
    /* Translators: the board's grouping menu to a screen reader: its
     * purpose, then its value */
    N_ ("Group cards: not grouped"),
    N_ ("Group cards: by priority"),
    N_ ("Group cards: by lead"),
  };

  gtk_menu_button_set_label (self->lanes_button, _ (labels[self->lanes]));
  /* what the button is for, not only its value ("Not Grouped") */
  vp_accessible_name_inner_button (self->lanes_button, _ (spoken[self->lanes]));
}

static void
set_lanes (VpBoardView *self, const char *nick)
{
  VpBoardLanes lanes = VP_BOARD_LANES_NONE;
  gpointer model;

  for (guint i = 0; i < G_N_ELEMENTS (lanes_nicks); i++)
    {
      if (g_strcmp0 (nick, lanes_nicks[i]) == 0)
        lanes = i;
    }
  if (lanes == self->lanes)
    return;
  self->lanes = lanes;
  if (lanes == VP_BOARD_LANES_LEAD)
    update_lead_lanes (self);
  model = headings_model (self);
  g_list_store_splice (self->parts, 0, 1, &model, 1);
  if (self->presort != NULL)
    vp_board_presort_set_ranked (self->presort, lanes == VP_BOARD_LANES_NONE);
  if (gtk_sort_list_model_get_sorter (self->sorted) != NULL && lanes != VP_BOARD_LANES_NONE)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  else
    gtk_sort_list_model_set_sorter (self->sorted, board_sorter (self));
  refresh (self);
  update_lanes_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

/* Actions added, or moved (the store takes out and puts back an action
 * whose position or priority changes): those are placed again, and the
 * cards of those deleted go. */
static void
on_actions_changed_cb (
  GListModel *actions, guint position, guint removed, guint added, VpBoardView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      g_hash_table_add (self->dirty, g_object_ref (action));
    }
  self->deleted = self->deleted || removed > 0;
  queue_refresh (self, FALSE);
}

/* A priority renumbered comes back in the store's list (taken out, then
 * put back: two changes): its cards and lane move with it, sorted again
 * once, in the refresh. Its title or colour may have changed too. */
static void
on_priorities_changed_cb (VpBoardView *self, guint position, guint removed, guint added)
{
  self->resort = TRUE;
  refresh_cards (self);
  queue_refresh (self, TRUE);
}

static void
setup_models (VpBoardView *self)
{
  GListStore *no_lanes = g_list_store_new (G_TYPE_OBJECT);
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);

  g_object_set_data_full (G_OBJECT (self), "vp-no-lanes", no_lanes, g_object_unref);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, headings_model (self));
  g_list_store_append (self->parts, actions);
  self->sorter = gtk_custom_sorter_new (compare_items, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  gtk_sort_list_model_set_sorter (self->sorted, board_sorter (self));
  self->n_columns = self->def->n_columns (self);
  /* whatever the plan's years: the quarter board shows seven at most */
  g_assert (self->n_columns <= VP_BOARD_SPLIT_MAX_COLUMNS);
  self->split = vp_board_split_new (self->n_columns, columns_showing, self);
  vp_board_split_set_model (self->split, G_LIST_MODEL (self->sorted));
  self->columns = g_new0 (VpBoardColumn, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    add_column (self, c);

  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (actions, "items-changed", G_CALLBACK (on_actions_changed_cb), self, 0);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_PRIORITY), "items-changed",
                           G_CALLBACK (on_priorities_changed_cb), self, G_CONNECT_SWAPPED);
  /* every status change writes a status event; an import may bring
   * statuses */
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_ACTION_STATUS),
                           "items-changed", G_CALLBACK (on_statuses_changed_cb), self, 0);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_STATUS_EVENT),
                           "items-changed", G_CALLBACK (on_events_changed_cb), self, 0);
}

/* GObject and GtkWidget. */

/* Once the columns are laid out, the opening column is brought to the
 * start of the view (as far as the board reaches). The columns are all as
 * wide, so its place is its share of the width. */
static void
on_hadjustment_changed_cb (GtkAdjustment *adjustment, VpBoardView *self)
{
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  guint column = vp_board_view_get_opening_column (self);

  if (!self->opening_pending || upper <= 0 || page <= 0)
    return;
  self->opening_pending = FALSE;
  if (column == 0 || upper <= page)
    return;
  gtk_adjustment_set_value (adjustment,
                            MIN (upper * column / MAX (self->n_columns, 1), upper - page));
}

static void
vp_board_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vp_board_view_parent_class)->map (widget);
  fill (VP_BOARD_VIEW (widget));
}

static void
vp_board_view_measure (GtkWidget *widget,
                       GtkOrientation orientation,
                       int for_size,
                       int *minimum,
                       int *natural,
                       int *minimum_baseline,
                       int *natural_baseline)
{
  gtk_widget_measure (VP_BOARD_VIEW (widget)->main, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
vp_board_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  VpBoardView *self = VP_BOARD_VIEW (widget);

  gtk_widget_allocate (self->main, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
vp_board_view_constructed (GObject *object)
{
  VpBoardView *self = VP_BOARD_VIEW (object);

  G_OBJECT_CLASS (vp_board_view_parent_class)->constructed (object);
  setup_models (self);
  self->opening_pending = TRUE;
  g_signal_connect_object (vp_board_view_get_hadjustment (self), "changed",
                           G_CALLBACK (on_hadjustment_changed_cb), self, 0);
  update_lanes_button (self);
}

static void
vp_board_view_dispose (GObject *object)
{
  VpBoardView *self = VP_BOARD_VIEW (object);

  g_clear_handle_id (&self->placement_idle, g_source_remove);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_BOARD_VIEW);
  self->marked = NULL;
  g_clear_object (&self->dragged);
  g_clear_object (&self->last_moved);
  g_clear_object (&self->dragged_card);
  for (guint c = 0; self->columns != NULL && c < self->n_columns; c++)
    g_clear_object (&self->columns[c].selection);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_object (&self->split);
  g_clear_object (&self->sorted);
  g_clear_object (&self->source);
  g_clear_object (&self->presort);
  g_clear_object (&self->sorter);
  g_clear_object (&self->parts);
  g_clear_object (&self->lead_lanes);
  g_clear_object (&self->plan);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_board_view_parent_class)->dispose (object);
}

static void
vp_board_view_finalize (GObject *object)
{
  VpBoardView *self = VP_BOARD_VIEW (object);

  /* after dispose, which unbinds the cards that remove their watches */
  for (guint c = 0; self->columns != NULL && c < self->n_columns; c++)
    g_hash_table_unref (self->columns[c].lanes);
  g_free (self->columns);
  g_hash_table_unref (self->placement);
  g_hash_table_unref (self->plan_priorities);
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->watches);
  g_hash_table_unref (self->lead_ranks);

  G_OBJECT_CLASS (vp_board_view_parent_class)->finalize (object);
}

static void
vp_board_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpBoardView *self = VP_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANES:
      g_value_set_string (value, lanes_nicks[self->lanes]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_board_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpBoardView *self = VP_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    case PROP_LANES:
      set_lanes (self, g_value_get_string (value));
      break;
    case PROP_COLUMNS:
      if (g_value_get_pointer (value) != NULL)
        self->def = g_value_get_pointer (value);
      break;
    case PROP_PLAN:
      g_set_object (&self->plan, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_board_view_class_init (VpBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_board_view_constructed;
  object_class->dispose = vp_board_view_dispose;
  object_class->finalize = vp_board_view_finalize;
  object_class->get_property = vp_board_view_get_property;
  object_class->set_property = vp_board_view_set_property;
  widget_class->map = vp_board_view_map;
  widget_class->measure = vp_board_view_measure;
  widget_class->size_allocate = vp_board_view_size_allocate;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER]
    = g_param_spec_object ("filter", NULL, NULL, VP_TYPE_ACTION_FILTER,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* how each column groups its cards: "none", "priority" or "lead" */
  properties[PROP_LANES]
    = g_param_spec_string ("lanes", NULL, NULL, "none",
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* the board's VpBoardColumns (the status board's when not set) */
  properties[PROP_COLUMNS] = g_param_spec_pointer (
    "columns", NULL, NULL, G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the plan it is made for, whose years a quarter board's columns are */
  properties[PROP_PLAN]
    = g_param_spec_object ("plan", NULL, NULL, VP_TYPE_PLAN,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpBoardView::action-activated:
   * @action: the action whose card was activated (double click, Enter, Edit)
   */
  signals[ACTION_ACTIVATED]
    = g_signal_new ("action-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, VP_TYPE_ACTION);
  /* "done" and "failed" are VpView's */
  /* A move the board does not make, and why (a message for a toast):
   * nothing was tried. */
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpBoardView, main);
  gtk_widget_class_bind_template_child (widget_class, VpBoardView, summary);
  gtk_widget_class_bind_template_child (widget_class, VpBoardView, lanes_button);
  gtk_widget_class_bind_template_child (widget_class, VpBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, VpBoardView, scroller);
  vp_board_view_install_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "board.lanes", "lanes");
  gtk_widget_class_set_css_name (widget_class, "board");
}

static void
vp_board_view_init (VpBoardView *self)
{
  self->def = &status_columns;
  self->placement = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) place_free);
  self->plan_priorities = g_hash_table_new (NULL, NULL);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->watches = g_hash_table_new (NULL, NULL);
  self->lead_lanes = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->lead_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  vp_board_view_add_shortcuts (self);
}

/**
 * vp_board_view_new:
 * @filter: the search and facets, shared with the other views
 */
GtkWidget *
vp_board_view_new (VpStore *store, VpActionFilter *filter)
{
  return g_object_new (VP_TYPE_BOARD_VIEW, "store", store, "filter", filter, NULL);
}

/**
 * vp_board_view_new_quarters:
 * @plan: (nullable): the plan whose years' quarters are the columns
 *
 * The quarter board: a column per quarter of @plan's years, one for later
 * quarters and one for actions without a quarter; a move saves the new
 * quarter with its history (vp_store_move_to_quarter()). Its columns are
 * @plan's: another plan of other years needs another board.
 */
GtkWidget *
vp_board_view_new_quarters (VpStore *store, VpActionFilter *filter, VpPlan *plan)
{
  return g_object_new (VP_TYPE_BOARD_VIEW, "store", store, "filter", filter, "columns",
                       &vp_quarter_board_columns, "plan", plan, NULL);
}

/**
 * vp_board_view_get_store:
 *
 * Returns: (transfer none): the store the board shows
 */
VpStore *
vp_board_view_get_store (VpBoardView *self)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  return self->store;
}

/**
 * vp_board_view_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the board shows
 */
VpPlan *
vp_board_view_get_plan (VpBoardView *self)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  return self->plan;
}

/**
 * vp_board_view_set_plan:
 * @plan: (nullable): the plan whose actions to show
 */
void
vp_board_view_set_plan (VpBoardView *self, VpPlan *plan)
{
  g_return_if_fail (VP_IS_BOARD_VIEW (self));

  if (g_set_object (&self->plan, plan))
    refresh (self);
}

/**
 * vp_board_view_get_opening_column:
 *
 * Returns: the column the board opens at (today's quarter on the quarter
 *   board), 0 when it has none
 */
guint
vp_board_view_get_opening_column (VpBoardView *self)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), 0);
  if (self->def->opening_column == NULL)
    return 0;
  return MIN (self->def->opening_column (self), self->n_columns - 1);
}

/**
 * vp_board_view_get_hadjustment:
 *
 * Returns: (transfer none): how far the board is scrolled sideways
 */
GtkAdjustment *
vp_board_view_get_hadjustment (VpBoardView *self)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  return gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

guint
vp_board_view_get_n_columns (VpBoardView *self)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), 0);
  return self->n_columns;
}

/**
 * vp_board_view_get_column:
 *
 * Returns: (transfer none): the widget of column @column, which takes
 *   the drops
 */
GtkWidget *
vp_board_view_get_column (VpBoardView *self, guint column)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column].widget;
}

/**
 * vp_board_view_get_cards:
 *
 * Returns: (transfer none): what column @column shows, in a
 *   GtkSelectionModel: its cards' actions (VpAction) and, with lanes,
 *   the lanes' headings (VpPriority or GtkStringObject) before them. It
 *   is filled once the board was shown.
 */
GListModel *
vp_board_view_get_cards (VpBoardView *self, guint column)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return G_LIST_MODEL (self->columns[column].selection);
}

/**
 * vp_board_view_get_count:
 *
 * Returns: the number of cards in column @column, as its header shows
 */
guint
vp_board_view_get_count (VpBoardView *self, guint column)
{
  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->columns[column].n_cards;
}

/**
 * vp_board_view_get_selected_action:
 *
 * Returns: (transfer none) (nullable): the action of the focused card, or
 *   else of the selected one
 */
VpAction *
vp_board_view_get_selected_action (VpBoardView *self)
{
  VpBoardCard *card;

  g_return_val_if_fail (VP_IS_BOARD_VIEW (self), NULL);
  card = vp_board_view_focused_card (self);
  if (card != NULL && vp_board_card_get_action (card) != NULL)
    return vp_board_card_get_action (card);
  for (guint c = 0; c < self->n_columns; c++)
    {
      gpointer item = gtk_single_selection_get_selected_item (self->columns[c].selection);

      if (VP_IS_ACTION (item))
        return item;
    }
  return NULL;
}
