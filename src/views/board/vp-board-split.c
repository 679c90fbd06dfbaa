/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-board-split"

#include "config.h"

#include "vp-board-split.h"

/*
 * The board's columns as list models, split off one model of all its
 * records in one walk. A GtkFilterListModel per column walked the board's
 * 100,000 actions once per column, taking and dropping a reference to
 * each, and that was most of the board's first frame. Here one walk asks
 * once of each record which columns show it (a lane's heading shows in
 * several), and each column keeps the positions of its records in the
 * model, in order. A change of the model moves only the positions after
 * it; refiltering tells each column of the one range that changed, as a
 * GtkFilterListModel does, so its cards stay bound where nothing changed.
 *
 * A column may show only its first records for a while (a limit): GTK
 * 4.8's GtkListView makes a card for up to 200 records of its model at
 * once, and the board's first frame needs only those on screen.
 */

/* A column: the positions of its records in the model, ascending. */
#define VP_TYPE_BOARD_SPLIT_COLUMN (vp_board_split_column_get_type ())
G_DECLARE_FINAL_TYPE (VpBoardSplitColumn, vp_board_split_column, VP, BOARD_SPLIT_COLUMN, GObject)

struct _VpBoardSplitColumn
{
  GObject parent_instance;

  GListModel *model;
  GArray *positions;
  /* how many of them it shows at most */
  guint limit;
};

static void vp_board_split_column_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpBoardSplitColumn,
                               vp_board_split_column,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vp_board_split_column_list_model_init))

static GType
column_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
column_get_n_items (GListModel *model)
{
  VpBoardSplitColumn *self = VP_BOARD_SPLIT_COLUMN (model);

  return MIN (self->positions->len, self->limit);
}

static gpointer
column_get_item (GListModel *model, guint position)
{
  VpBoardSplitColumn *self = VP_BOARD_SPLIT_COLUMN (model);

  if (position >= MIN (self->positions->len, self->limit))
    return NULL;
  return g_list_model_get_item (self->model, g_array_index (self->positions, guint, position));
}

static void
vp_board_split_column_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = column_get_item_type;
  iface->get_n_items = column_get_n_items;
  iface->get_item = column_get_item;
}

static void
vp_board_split_column_finalize (GObject *object)
{
  VpBoardSplitColumn *self = VP_BOARD_SPLIT_COLUMN (object);

  g_clear_object (&self->model);
  g_array_unref (self->positions);

  G_OBJECT_CLASS (vp_board_split_column_parent_class)->finalize (object);
}

static void
vp_board_split_column_class_init (VpBoardSplitColumnClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_board_split_column_finalize;
}

static void
vp_board_split_column_init (VpBoardSplitColumn *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->limit = G_MAXUINT;
}

struct _VpBoardSplit
{
  GObject parent_instance;

  GListModel *model;
  VpBoardSplitFunc func;
  gpointer user_data;
  guint n_columns;
  VpBoardSplitColumn **columns;
};

G_DEFINE_FINAL_TYPE (VpBoardSplit, vp_board_split, G_TYPE_OBJECT)

/* How a column's records changed: as items-changed says it, with how
 * many it had before. */
typedef struct
{
  guint position, removed, added;
  guint old_length;
} Change;

/* The columns of the model's @n records from @position, as func says. */
static guint32 *
ask_columns (VpBoardSplit *self, guint position, guint n)
{
  guint32 *masks = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (self->model, position + i);

      masks[i] = self->func (item, self->user_data);
    }
  return masks;
}

/* The positions, in @masks of the records from @position, of column @c. */
static GArray *
positions_of (guint32 *masks, guint position, guint n, guint c)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      if (masks[i] & (1u << c))
        {
          guint at = position + i;

          g_array_append_val (positions, at);
        }
    }
  return positions;
}

/* The index of the first of @positions that is @position or after it. */
static guint
find_position (GArray *positions, guint position)
{
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (positions, guint, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Tells each column how it changed, once all columns are up to date.
 * Under a limit, what it shows from the change on changed (the records
 * after it moved up or down). */
static void
tell_columns (VpBoardSplit *self, const Change *changes)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      VpBoardSplitColumn *column = self->columns[c];
      Change change = changes[c];

      if (change.removed == 0 && change.added == 0)
        continue;
      if (column->limit != G_MAXUINT)
        {
          if (change.position >= column->limit)
            continue;
          change.removed = MIN (change.old_length, column->limit) - change.position;
          change.added = MIN (column->positions->len, column->limit) - change.position;
          /* all of it below what is shown */
          if (change.removed == 0 && change.added == 0)
            continue;
        }
      g_list_model_items_changed (G_LIST_MODEL (column), change.position, change.removed,
                                  change.added);
    }
}

static void
on_items_changed_cb (
  GListModel *model, guint position, guint removed, guint added, VpBoardSplit *self)
{
  g_autofree guint32 *masks = ask_columns (self, position, added);
  Change changes[VP_BOARD_SPLIT_MAX_COLUMNS] = { 0 };

  for (guint c = 0; c < self->n_columns; c++)
    {
      GArray *positions = self->columns[c]->positions;
      guint from = find_position (positions, position);
      guint to = find_position (positions, position + removed);
      g_autoptr (GArray) put = positions_of (masks, position, added, c);

      changes[c] = (Change){ from, to - from, put->len, positions->len };
      /* those after the change move by what it added less what it took */
      for (guint i = to; i < positions->len; i++)
        g_array_index (positions, guint, i) = g_array_index (positions, guint, i) - removed + added;
      g_array_remove_range (positions, from, to - from);
      g_array_insert_vals (positions, from, put->data, put->len);
    }
  tell_columns (self, changes);
}

/**
 * vp_board_split_refilter:
 *
 * Asks again of every record which columns show it: after what func
 * answers changed. Each column is told of the one range that changed in
 * it, from its first record that changed to its last.
 */
void
vp_board_split_refilter (VpBoardSplit *self)
{
  Change changes[VP_BOARD_SPLIT_MAX_COLUMNS] = { 0 };
  g_autofree guint32 *masks = NULL;
  guint n;

  g_return_if_fail (VP_IS_BOARD_SPLIT (self));
  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  masks = ask_columns (self, 0, n);
  for (guint c = 0; c < self->n_columns; c++)
    {
      VpBoardSplitColumn *column = self->columns[c];
      GArray *old = column->positions;
      GArray *now = positions_of (masks, 0, n, c);
      guint shorter = MIN (old->len, now->len);
      guint same_start = 0, same_end = 0;

      while (same_start < shorter
             && g_array_index (old, guint, same_start) == g_array_index (now, guint, same_start))
        same_start++;
      while (same_end < shorter - same_start
             && g_array_index (old, guint, old->len - 1 - same_end)
                  == g_array_index (now, guint, now->len - 1 - same_end))
        same_end++;
      changes[c] = (Change){ same_start, old->len - same_start - same_end,
                             now->len - same_start - same_end, old->len };
      column->positions = now;
      g_array_unref (old);
    }
  tell_columns (self, changes);
}

/**
 * vp_board_split_set_model:
 * @model: (nullable): the records to split
 */
void
vp_board_split_set_model (VpBoardSplit *self, GListModel *model)
{
  Change changes[VP_BOARD_SPLIT_MAX_COLUMNS] = { 0 };

  g_return_if_fail (VP_IS_BOARD_SPLIT (self));
  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  for (guint c = 0; c < self->n_columns; c++)
    {
      changes[c].removed = changes[c].old_length = self->columns[c]->positions->len;
      g_array_set_size (self->columns[c]->positions, 0);
      g_set_object (&self->columns[c]->model, model);
    }
  tell_columns (self, changes);
  if (model == NULL)
    return;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  on_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
}

/**
 * vp_board_split_set_limit:
 * @limit: how many records each column shows at most, or %G_MAXUINT
 *
 * Each column shows only its first @limit records: the others follow
 * when the limit is raised.
 */
void
vp_board_split_set_limit (VpBoardSplit *self, guint limit)
{
  g_return_if_fail (VP_IS_BOARD_SPLIT (self));
  for (guint c = 0; c < self->n_columns; c++)
    {
      VpBoardSplitColumn *column = self->columns[c];
      guint before = MIN (column->positions->len, column->limit);
      guint after = MIN (column->positions->len, limit);

      column->limit = limit;
      if (after > before)
        g_list_model_items_changed (G_LIST_MODEL (column), before, 0, after - before);
      else if (after < before)
        g_list_model_items_changed (G_LIST_MODEL (column), after, before - after, 0);
    }
}

/**
 * vp_board_split_get_column:
 *
 * Returns: (transfer none): the records column @column shows, in the
 *   model's order
 */
GListModel *
vp_board_split_get_column (VpBoardSplit *self, guint column)
{
  g_return_val_if_fail (VP_IS_BOARD_SPLIT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return G_LIST_MODEL (self->columns[column]);
}

static void
vp_board_split_dispose (GObject *object)
{
  VpBoardSplit *self = VP_BOARD_SPLIT (object);

  /* the columns may live on, empty */
  vp_board_split_set_model (self, NULL);

  G_OBJECT_CLASS (vp_board_split_parent_class)->dispose (object);
}

static void
vp_board_split_finalize (GObject *object)
{
  VpBoardSplit *self = VP_BOARD_SPLIT (object);

  for (guint c = 0; c < self->n_columns; c++)
    g_object_unref (self->columns[c]);
  g_free (self->columns);

  G_OBJECT_CLASS (vp_board_split_parent_class)->finalize (object);
}

static void
vp_board_split_class_init (VpBoardSplitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_board_split_dispose;
  object_class->finalize = vp_board_split_finalize;
}

static void
vp_board_split_init (VpBoardSplit *self)
{
}

/**
 * vp_board_split_new:
 * @n_columns: at most %VP_BOARD_SPLIT_MAX_COLUMNS
 * @func: the columns that show a record
 *
 * Returns: (transfer full): the split, with no model yet
 */
VpBoardSplit *
vp_board_split_new (guint n_columns, VpBoardSplitFunc func, gpointer user_data)
{
  VpBoardSplit *self;

  g_return_val_if_fail (n_columns <= VP_BOARD_SPLIT_MAX_COLUMNS, NULL);
  g_return_val_if_fail (func != NULL, NULL);
  self = g_object_new (VP_TYPE_BOARD_SPLIT, NULL);
  self->func = func;
  self->user_data = user_data;
  self->n_columns = n_columns;
  self->columns = g_new (VpBoardSplitColumn *, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    self->columns[c] = g_object_new (VP_TYPE_BOARD_SPLIT_COLUMN, NULL);
  return self;
}
