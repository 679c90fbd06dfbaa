/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-row-model"

#include "config.h"

#include "vp-row-model.h"

/*
 * The rows of a list or board: the records of a source model, sorted and
 * filtered, each shown in a VpRow that stays at its position while the
 * record in it changes.
 *
 * Why not GtkSortListModel and GtkFilterListModel: on GTK 4.8, a list
 * view destroys the widgets of every item that leaves the model and makes
 * new ones for the items that come in. A search changes the items on
 * screen, so every keystroke re-created the rows on screen, which cost
 * more than all the filtering. Here a search changes only which record
 * is at each position: the list view keeps its widgets, the model
 * announces only the change of its length, and then "published", on which
 * a view looks again at the rows it shows (vp_row_get_record()). A row
 * is only a position: a search that changes ten thousand rows does not
 * touch them one by one.
 *
 * A filter or sorter change is applied at once (a filter that became
 * stricter is asked only about the records shown); changes of the source
 * (an insert, a delete, an import of thousands) are gathered and applied
 * before the next frame.
 */

struct _VpRow
{
  GObject parent_instance;

  /* weak: cleared when the model goes */
  VpRowModel *model;
  guint position;
};

G_DEFINE_FINAL_TYPE (VpRow, vp_row, G_TYPE_OBJECT)

enum
{
  PUBLISHING,
  PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vp_row_class_init (VpRowClass *klass)
{
}

static void
vp_row_init (VpRow *self)
{
}

/**
 * vp_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record the row shows now, or
 *   %NULL when the row is no longer in the model
 */
gpointer
vp_row_get_record (VpRow *self)
{
  g_return_val_if_fail (VP_IS_ROW (self), NULL);
  return self->model != NULL ? vp_row_model_get_record (self->model, self->position) : NULL;
}

struct _VpRowModel
{
  GObject parent_instance;

  GListModel *source;
  GtkFilter *filter;
  GtkSorter *sorter;
  /* every record of the source, in the sorter's order */
  GPtrArray *sorted;
  /* those the filter lets through: their positions in sorted (guint) */
  GArray *shown;
  /* with a key function: each sorted record's key (guint), which the
   * match function filters by without looking at the record */
  VpRowKeyFunc key_func;
  VpRowMatchFunc match_func;
  gpointer key_data;
  GArray *keys;
  /* VpRows, at least as many as shown; the first n_items are the model */
  GPtrArray *rows;
  guint n_items;
  /* which records are headings (NULL: none) */
  VpRowKindFunc kind_func;
  gpointer kind_data;
  guint rebuild_id;
  /* while paused, changes are only noted, and applied on resuming */
  gboolean paused;
  gboolean stale;
};

static void vp_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpRowModel,
                               vp_row_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vp_row_model_list_model_init))

static GType
vp_row_model_get_item_type (GListModel *model)
{
  return VP_TYPE_ROW;
}

static guint
vp_row_model_get_n_items (GListModel *model)
{
  return VP_ROW_MODEL (model)->n_items;
}

static gpointer
vp_row_model_get_item (GListModel *model, guint position)
{
  VpRowModel *self = VP_ROW_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
vp_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vp_row_model_get_item_type;
  iface->get_n_items = vp_row_model_get_n_items;
  iface->get_item = vp_row_model_get_item;
}

static int
compare_records (gconstpointer a, gconstpointer b, gpointer data)
{
  VpRowModel *self = data;

  return gtk_sorter_compare (self->sorter, *(gpointer *) a, *(gpointer *) b);
}

/* A stable sort: records the sorter finds equal keep the source's order. */
static void
sort (VpRowModel *self)
{
  if (self->sorter != NULL)
    g_ptr_array_sort_with_data (self->sorted, compare_records, self);
}

static gpointer
sorted_at (VpRowModel *self, guint index)
{
  return g_ptr_array_index (self->sorted, index);
}

static gpointer
shown_at (VpRowModel *self, guint position)
{
  return sorted_at (self, g_array_index (self->shown, guint, position));
}

/* Whether the record at @index in sorted shows. */
static gboolean
shows (VpRowModel *self, guint index)
{
  if (self->key_func != NULL)
    return self->match_func (sorted_at (self, index), g_array_index (self->keys, guint, index),
                             self->key_data);
  return self->filter == NULL || gtk_filter_match (self->filter, sorted_at (self, index));
}

/* What the record at @index in sorted is: one with a key is an item. */
static VpRowKind
kind_of (VpRowModel *self, guint index)
{
  if (self->kind_func == NULL
      || (self->key_func != NULL && g_array_index (self->keys, guint, index) != VP_ROW_NO_KEY))
    return VP_ROW_ITEM;
  return self->kind_func (sorted_at (self, index), self->kind_data);
}

/* Leaves out the headings that show only with items, where none follows
 * before the next heading. */
static void
drop_lone_headings (VpRowModel *self)
{
  guint kept = 0;
  /* the record kept last is a heading that waits for an item */
  gboolean waiting = FALSE;
  guint *shown = (guint *) (gpointer) self->shown->data;

  if (self->kind_func == NULL)
    return;
  for (guint i = 0; i < self->shown->len; i++)
    {
      guint index = shown[i];
      VpRowKind kind = kind_of (self, index);

      if (waiting && kind != VP_ROW_ITEM)
        kept--;
      shown[kept++] = index;
      waiting = kind == VP_ROW_HEADING_OF_ITEMS;
    }
  g_array_set_size (self->shown, waiting ? kept - 1 : kept);
}

/* Which records show, asking the filter only what @change leaves open:
 * when it became stricter only the records shown can stay, when it
 * became less strict the records shown stay (the filter says so), and
 * only the others are asked. Both keep the sorted order. A heading left
 * out for want of items is not among the records shown, so it is asked
 * again when the filter becomes less strict. */
static void
refilter (VpRowModel *self, GtkFilterChange change)
{
  g_autoptr (GArray) before = NULL;
  guint kept = 0;
  guint *shown;

  switch (change)
    {
    case GTK_FILTER_CHANGE_MORE_STRICT:
      shown = (guint *) (gpointer) self->shown->data;
      for (guint i = 0; i < self->shown->len; i++)
        {
          if (shows (self, shown[i]))
            shown[kept++] = shown[i];
        }
      g_array_set_size (self->shown, kept);
      break;
    case GTK_FILTER_CHANGE_LESS_STRICT:
      before = g_steal_pointer (&self->shown);
      self->shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->sorted->len);
      for (guint i = 0; i < self->sorted->len; i++)
        {
          if (kept < before->len && g_array_index (before, guint, kept) == i)
            {
              g_array_append_val (self->shown, i);
              kept++;
            }
          else if (shows (self, i))
            g_array_append_val (self->shown, i);
        }
      break;
    case GTK_FILTER_CHANGE_DIFFERENT:
    default:
      g_array_set_size (self->shown, 0);
      for (guint i = 0; i < self->sorted->len; i++)
        {
          if (shows (self, i))
            g_array_append_val (self->shown, i);
        }
    }
  drop_lone_headings (self);
}

/* Each sorted record's key. */
static void
make_keys (VpRowModel *self)
{
  if (self->key_func == NULL)
    return;
  g_array_set_size (self->keys, self->sorted->len);
  for (guint i = 0; i < self->sorted->len; i++)
    g_array_index (self->keys, guint, i) = self->key_func (sorted_at (self, i), self->key_data);
}

/* Announces the records shown: the change of length, then "published". */
static void
publish (VpRowModel *self)
{
  guint before = self->n_items;
  guint after = self->shown->len;
  guint common = MIN (before, after);

  g_signal_emit (self, signals[PUBLISHING], 0);
  while (self->rows->len < after)
    {
      VpRow *row = g_object_new (VP_TYPE_ROW, NULL);

      row->model = self;
      row->position = self->rows->len;
      g_ptr_array_add (self->rows, row);
    }
  self->n_items = after;
  if (before != after)
    g_list_model_items_changed (G_LIST_MODEL (self), common, before - common, after - common);
  g_signal_emit (self, signals[PUBLISHED], 0);
}

static void
rebuild (VpRowModel *self)
{
  guint n = g_list_model_get_n_items (self->source);

  g_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->sorted, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->sorted, g_list_model_get_item (self->source, i));
  sort (self);
  make_keys (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  publish (self);
}

static gboolean
pause_change (VpRowModel *self)
{
  if (self->paused)
    self->stale = TRUE;
  return self->paused;
}

static gboolean
rebuild_cb (gpointer data)
{
  VpRowModel *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_source_changed_cb (VpRowModel *self)
{
  if (pause_change (self))
    return;
  /* before the next frame is laid out (GDK_PRIORITY_REDRAW comes later) */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
on_filter_changed_cb (VpRowModel *self, GtkFilterChange change)
{
  if (pause_change (self))
    return;
  /* a rebuild to come starts from the source anyway */
  if (self->rebuild_id != 0)
    change = GTK_FILTER_CHANGE_DIFFERENT;
  refilter (self, change);
  publish (self);
}

/* From the source's order again: records equal in the new order are in
 * the store's, not in the last sort's. */
static void
on_sorter_changed_cb (VpRowModel *self)
{
  if (pause_change (self))
    return;
  rebuild (self);
}

static void
vp_row_model_dispose (GObject *object)
{
  VpRowModel *self = VP_ROW_MODEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->source);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  /* a row a list item still holds shows nothing */
  for (guint i = 0; i < self->rows->len; i++)
    VP_ROW (g_ptr_array_index (self->rows, i))->model = NULL;

  G_OBJECT_CLASS (vp_row_model_parent_class)->dispose (object);
}

static void
vp_row_model_finalize (GObject *object)
{
  VpRowModel *self = VP_ROW_MODEL (object);

  g_ptr_array_unref (self->rows);
  g_array_unref (self->shown);
  g_array_unref (self->keys);
  g_ptr_array_unref (self->sorted);

  G_OBJECT_CLASS (vp_row_model_parent_class)->finalize (object);
}

static void
vp_row_model_class_init (VpRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_row_model_dispose;
  object_class->finalize = vp_row_model_finalize;

  /**
   * VpRowModel::publishing:
   *
   * The records have changed (the rows already show the new ones, up to
   * the old length); the change of length and "published" follow.
   */
  signals[PUBLISHING] = g_signal_new ("publishing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VpRowModel::published:
   *
   * The rows show the records anew (after a filter, sorter or source
   * change), whether or not the model's length changed: a row a view
   * shows may now hold another record (vp_row_get_record()), and a
   * selection made by position may now be another record's.
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vp_row_model_init (VpRowModel *self)
{
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->keys = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * vp_row_model_new:
 * @source: the records
 * @filter: (nullable): which records show
 * @sorter: (nullable): their order (else the source's)
 *
 * Returns: (transfer full): a GListModel of VpRows, filled at once
 */
VpRowModel *
vp_row_model_new (GListModel *source, GtkFilter *filter, GtkSorter *sorter)
{
  return vp_row_model_new_full (source, filter, sorter, NULL, NULL, NULL, NULL);
}

/**
 * vp_row_model_new_full:
 * @key_func: (nullable): a record's key, or %VP_ROW_NO_KEY
 * @match_func: (nullable): whether a record shows, told its key: what
 *   the filter says, sooner
 * @kind_func: (nullable): as vp_row_model_set_kind_func()
 * @data: for the three functions
 *
 * As vp_row_model_new(). For many rows, with a key function: the model
 * keeps each record's key, and filters by @match_func rather than by the
 * filter, which still says when to filter again and how. A record with a
 * key is an item, never a heading.
 *
 * Returns: (transfer full): a GListModel of VpRows, filled at once
 */
VpRowModel *
vp_row_model_new_full (GListModel *source,
                       GtkFilter *filter,
                       GtkSorter *sorter,
                       VpRowKeyFunc key_func,
                       VpRowMatchFunc match_func,
                       VpRowKindFunc kind_func,
                       gpointer data)
{
  VpRowModel *self = g_object_new (VP_TYPE_ROW_MODEL, NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail ((key_func == NULL) == (match_func == NULL), NULL);

  self->key_func = key_func;
  self->match_func = match_func;
  self->key_data = data;
  self->kind_func = kind_func;
  self->kind_data = data;

  self->source = g_object_ref (source);
  self->filter = filter != NULL ? g_object_ref (filter) : NULL;
  self->sorter = sorter != NULL ? g_object_ref (sorter) : NULL;
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_changed_cb), self);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  if (sorter != NULL)
    g_signal_connect_swapped (sorter, "changed", G_CALLBACK (on_sorter_changed_cb), self);
  rebuild (self);
  return self;
}

/**
 * vp_row_model_find:
 *
 * Returns: the position of the row that shows @record, or
 *   GTK_INVALID_LIST_POSITION
 */
guint
vp_row_model_find (VpRowModel *self, gpointer record)
{
  g_return_val_if_fail (VP_IS_ROW_MODEL (self), GTK_INVALID_LIST_POSITION);
  for (guint position = 0; record != NULL && position < self->shown->len; position++)
    {
      if (shown_at (self, position) == record)
        return position;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * vp_row_model_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown at @position
 */
gpointer
vp_row_model_get_record (VpRowModel *self, guint position)
{
  g_return_val_if_fail (VP_IS_ROW_MODEL (self), NULL);
  /* while a change is being published, the rows show the new records
   * up to the shorter of the two lengths: past the old length the model
   * has no rows yet, past the new one its rows are about to go */
  if (position >= MIN (self->n_items, self->shown->len))
    return NULL;
  return shown_at (self, position);
}

/**
 * vp_row_model_set_paused:
 * @paused: whether to put off changes
 *
 * A view that is not shown pauses its rows: a search or an import then
 * costs it nothing until it is shown again, when the rows are made anew
 * once if anything changed meanwhile.
 */
void
vp_row_model_set_paused (VpRowModel *self, gboolean paused)
{
  g_return_if_fail (VP_IS_ROW_MODEL (self));

  self->paused = paused;
  if (!paused && self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }
}

/**
 * vp_row_model_set_kind_func:
 * @func: (nullable): says which records are headings of the ones after
 *   them (%NULL: none is)
 *
 * A heading of kind %VP_ROW_HEADING_OF_ITEMS is left out of the rows
 * when no item follows it before the next heading: a search that finds
 * nothing under a priority does not show the priority. The rows are
 * filtered anew; when what @func says changes, the filter must say so,
 * with a change at least as wide: a heading left out is not among the
 * rows a stricter filter looks at again.
 */
void
vp_row_model_set_kind_func (VpRowModel *self, VpRowKindFunc func, gpointer data)
{
  g_return_if_fail (VP_IS_ROW_MODEL (self));

  self->kind_func = func;
  self->kind_data = data;
  if (pause_change (self))
    return;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  publish (self);
}
