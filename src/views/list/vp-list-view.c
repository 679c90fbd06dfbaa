/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-list-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-format.h"
#include "vp-after-frame.h"
#include "vp-cell-text.h"
#include "vp-list-view.h"
#include "vp-row-model.h"
#include "vp-status-watch.h"
#include "vp-swatch.h"
#include "vp-view.h"

/*
 * The list: every action of the plan in a GtkColumnView, grouped under
 * its priority, sortable by any column within the groups.
 *
 * The rows are one flat model: the store's priorities and actions, sorted
 * by priority (its heading first) and then by the column chosen, and
 * filtered by plan, by the collapsed priorities and by the shared action
 * filter. One flat model, not a GtkTreeListModel with a model per
 * priority: a search or facet change is then one items-changed, and GTK
 * 4.8 rebuilds the rows on screen once rather than once per priority.
 *
 * Cells are recycled: a bound cell shows its row's record and watches it
 * (and the home municipality's status of it) for changes; an unbound one
 * keeps them until it is bound to another (see Watch). Setting a cell up
 * is cheap (no drop-down, no tooltip set per bind): GTK 4.8 makes new
 * cells when the rows it keeps bound grow in number.
 */

typedef char *(*FormatFunc) (VpListView *self, VpAction *action);

/* the columns after the activity */
#define N_COLUMNS 7
/* the activity's least width, in average characters; narrower, the
 * list leaves out columns (fit_columns()) */
#define ACTIVITY_CHARS 40
/* the lead's greatest width (in two lines), in average characters */
#define LEAD_CHARS 18

typedef struct _Column Column;

struct _VpListView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scroller;
  GtkColumnView *column_view;
  GtkWidget *no_match;
  GtkWidget *no_match_button;

  /* borrowed: the columns, and what they show */
  GtkColumnViewColumn *activity;
  GtkColumnViewColumn *column_views[N_COLUMNS];
  const Column *columns[N_COLUMNS];
  /* their widths, in pixels (measure_columns()) */
  int widths[N_COLUMNS];
  int title_widths[N_COLUMNS];
  int activity_width;
  gboolean titles_measured;
  gboolean measured;

  /* owned */
  VpStore *store;
  VpActionFilter *filter;
  VpPlan *plan;
  /* which rows show: plan, collapsed priorities, the action filter */
  GtkCustomFilter *row_filter;
  /* priorities before their actions, in their numbers' order */
  GtkCustomSorter *group_sorter;
  VpRowModel *rows;
  /* the rows the column view is given: at first only those the first
   * frame can show (show_all_rows()); the selection holds it */
  GtkSliceListModel *first_rows;
  GtkSingleSelection *selection;
  /* the record selected, kept there while the rows show others */
  GObject *selected;
  gboolean publishing;
  /* every bound cell's Watch */
  GHashTable *watches;
  /* the Watches of cells off screen that show an earlier record, and
   * the idle that shows their records a few at a time */
  GHashTable *stale;
  guint catch_up_id;
  gboolean catch_up_queued;
  /* UUIDs of the priorities whose actions are hidden */
  GHashTable *collapsed;
  /* UUIDs of the priorities shown (the plan's, or the one chosen), and
   * of those of them whose actions show (not collapsed): one look-up per
   * row when filtering */
  GHashTable *headings;
  GHashTable *open;
  /* every action in the store is under an open heading, or the filter's
   * priority facet chooses them: no look-up per row */
  gboolean all_open;
  /* a search or facet narrows the plan's priorities: those without a
   * match are left out (row_kind()), but for the UUIDs of those opened
   * meanwhile, which stay in view where they were opened */
  gboolean narrowed;
  GHashTable *opened;
  /* a priority's title in the activity column */
  PangoAttrList *heading_attributes;
  GTimeZone *local;
};

/* VpView: what it shows */
static VpStore *
view_get_store (VpView *view)
{
  return VP_LIST_VIEW (view)->store;
}

static VpPlan *
view_get_plan (VpView *view)
{
  return VP_LIST_VIEW (view)->plan;
}

static VpActionFilter *
view_get_filter (VpView *view)
{
  return VP_LIST_VIEW (view)->filter;
}

static void
view_iface_init (VpViewInterface *iface)
{
  iface->get_store = view_get_store;
  iface->get_plan = view_get_plan;
  iface->get_filter = view_get_filter;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VpListView,
                               vp_list_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VP_TYPE_VIEW, view_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  N_PROPS
};

enum
{
  ACTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The status record the list shows: the lead's, the shared one, or the
 * home municipality's part (vp_action_find_shown_status()). */
static VpActionStatus *
shown_status (VpListView *self, VpAction *action)
{
  return vp_action_find_shown_status (self->store, action);
}

/* Formatters: what a cell of each column shows for an action. */

static char *
format_subtheme (VpListView *self, VpAction *action)
{
  VpRecord *subtheme = vp_store_lookup (self->store, vp_action_get_subtheme (action));

  return g_strdup (VP_IS_SUBTHEME (subtheme) ? vp_subtheme_get_letter (VP_SUBTHEME (subtheme))
                                             : "");
}

static char *
format_lead (VpListView *self, VpAction *action)
{
  return vp_format_lead_and_origin (self->store, action);
}

static char *
format_quarter (VpListView *self, VpAction *action)
{
  g_autofree char *quarter = vp_format_quarter (self->store, action);
  g_autofree char *planned = vp_format_planned_quarter (self->store, action);

  if (vp_action_is_overdue (self->store, action))
    {
      g_autofree char *overdue = g_steal_pointer (&quarter);

      /* Translators: an action whose quarter has passed: "Q1 2024 · overdue" */
      quarter = g_strdup_printf (_ ("%s · overdue"), overdue);
    }
  /* a moved action, on a second line: "planned Q2 2024" */
  if (planned != NULL)
    return g_strdup_printf ("%s\n%s", quarter, planned);
  return g_steal_pointer (&quarter);
}

static char *
format_category (VpListView *self, VpAction *action)
{
  /* the column says what kind of action; short, for a narrow column */
  if (vp_action_get_category (action) == VP_CATEGORY_LOCAL)
    /* Translators: the category of an action, in the list: a local action */
    return g_strdup (C_ ("category", "Local"));
  /* Translators: the category of an action, in the list: a joint action */
  return g_strdup (C_ ("category", "Joint"));
}

static char *
format_progress (VpListView *self, VpAction *action)
{
  VpActionStatus *status = shown_status (self, action);
  int achieved = status != NULL ? vp_action_status_get_achieved (status) : 0;

  if (vp_action_get_target (action) == 0)
    return g_strdup ("");
  /* Translators: achieved of the target: "3 / 5" */
  return g_strdup_printf (_ ("%d / %d"), achieved, vp_action_get_target (action));
}

static const char *
last_change (VpListView *self, VpAction *action)
{
  VpActionStatus *status = shown_status (self, action);
  const char *at = vp_record_get_modified_at (VP_RECORD (action));

  if (status != NULL && g_strcmp0 (vp_record_get_modified_at (VP_RECORD (status)), at) > 0)
    at = vp_record_get_modified_at (VP_RECORD (status));
  return at;
}

static char *
format_last_change (VpListView *self, VpAction *action)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (last_change (self, action), NULL);
  /* not g_date_time_to_local(), which reads the time zone at every call */
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, self->local) : NULL;

  /* Translators: a date in the list, see strftime(3): "28 Feb 2024" */
  return local != NULL ? g_date_time_format (local, _ ("%-d %b %Y")) : g_strdup ("");
}

/* Comparisons for sorting, of two actions. */

typedef int (*CompareFunc) (VpListView *self, VpAction *a, VpAction *b);

static int
collate (const char *a, const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static int
compare_numbers (double a, double b)
{
  return (a > b) - (a < b);
}

static int
compare_text (VpListView *self, VpAction *a, VpAction *b)
{
  return collate (vp_action_get_text (a), vp_action_get_text (b));
}

static int
compare_subtheme (VpListView *self, VpAction *a, VpAction *b)
{
  g_autofree char *sa = format_subtheme (self, a);
  g_autofree char *sb = format_subtheme (self, b);

  return collate (sa, sb);
}

static int
compare_lead (VpListView *self, VpAction *a, VpAction *b)
{
  g_autofree char *la = format_lead (self, a);
  g_autofree char *lb = format_lead (self, b);

  return collate (la, lb);
}

/* Actions without a quarter sort last; by the quarter shown (as of a date,
 * the one an action had then). */
static double
quarter_key (VpStore *store, VpAction *action)
{
  int year;
  VpQuarter quarter;

  vp_store_get_shown_quarter (store, action, &year, &quarter);
  if (quarter == VP_QUARTER_NONE)
    return G_MAXDOUBLE;
  return year * 10 + (int) quarter;
}

static int
compare_quarter (VpListView *self, VpAction *a, VpAction *b)
{
  return compare_numbers (quarter_key (self->store, a), quarter_key (self->store, b));
}

static int
compare_category (VpListView *self, VpAction *a, VpAction *b)
{
  return compare_numbers (vp_action_get_category (a), vp_action_get_category (b));
}

static int
compare_status (VpListView *self, VpAction *a, VpAction *b)
{
  return compare_numbers (vp_action_get_status (self->store, a),
                          vp_action_get_status (self->store, b));
}

/* Actions without a target sort first. */
static double
progress_key (VpListView *self, VpAction *action)
{
  VpActionStatus *status = shown_status (self, action);

  if (vp_action_get_target (action) == 0)
    return -1;
  return (status != NULL ? vp_action_status_get_achieved (status) : 0)
         / (double) vp_action_get_target (action);
}

static int
compare_progress (VpListView *self, VpAction *a, VpAction *b)
{
  return compare_numbers (progress_key (self, a), progress_key (self, b));
}

static int
compare_last_change (VpListView *self, VpAction *a, VpAction *b)
{
  return g_strcmp0 (last_change (self, a), last_change (self, b));
}

typedef struct
{
  VpListView *self;
  CompareFunc compare;
} SortBy;

/* The column view's sorter orders the actions within each priority (see
 * create_children()). */
static int
sort_rows_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  SortBy *by = data;

  if (!VP_IS_ACTION ((gpointer) a))
    return 0;
  return by->compare (by->self, (VpAction *) a, (VpAction *) b);
}

static GtkSorter *
make_sorter (VpListView *self, CompareFunc compare)
{
  SortBy *by = g_new0 (SortBy, 1);

  by->self = self;
  by->compare = compare;
  return GTK_SORTER (gtk_custom_sorter_new (sort_rows_cb, by, g_free));
}

/* The texts a column can show, in the language of the moment: what its
 * width is measured from (see measure_columns()). */
typedef void (*SamplesFunc) (VpListView *self, GPtrArray *texts);

static void
samples_subtheme (VpListView *self, GPtrArray *texts)
{
  GListModel *subthemes = vp_store_get_records (self->store, VP_TYPE_SUBTHEME);

  for (guint i = 0; i < g_list_model_get_n_items (subthemes); i++)
    {
      g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (subthemes, i);

      g_ptr_array_add (texts, g_strdup (vp_subtheme_get_letter (subtheme)));
    }
}

static void
samples_lead (VpListView *self, GPtrArray *texts)
{
  GListModel *organisations = vp_store_get_records (self->store, VP_TYPE_ORGANISATION);

  g_ptr_array_add (texts, g_strdup (vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_JOINT)));
  g_ptr_array_add (texts, g_strdup (vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_EACH)));
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (VpOrganisation) organisation = g_list_model_get_item (organisations, i);

      g_ptr_array_add (texts, g_strdup (vp_organisation_get_name (organisation)));
    }
}

static void
samples_quarter (VpListView *self, GPtrArray *texts)
{
  const char *q4 = vp_enum_get_label (VP_TYPE_QUARTER, VP_QUARTER_Q4);
  g_autofree char *quarter = g_strdup_printf (_ ("%s %d"), q4, 2024);

  g_ptr_array_add (texts, g_strdup (vp_enum_get_label (VP_TYPE_QUARTER, VP_QUARTER_NONE)));
  g_ptr_array_add (texts, g_strdup_printf (_ ("%s · overdue"), quarter));
  g_ptr_array_add (texts, g_strdup_printf (_ ("planned %s %d"), q4, 2024));
}

static void
samples_category (VpListView *self, GPtrArray *texts)
{
  g_ptr_array_add (texts, g_strdup (C_ ("category", "Local")));
  g_ptr_array_add (texts, g_strdup (C_ ("category", "Joint")));
}

static void
samples_progress (VpListView *self, GPtrArray *texts)
{
  g_ptr_array_add (texts, g_strdup_printf (_ ("%d / %d"), 88, 88));
}

/* the date of every month: their names differ in width */
static void
samples_last_change (VpListView *self, GPtrArray *texts)
{
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr (GDateTime) date = g_date_time_new (self->local, 2024, month, 28, 12, 0, 0);

      g_ptr_array_add (texts, g_date_time_format (date, _ ("%-d %b %Y")));
    }
}

static void
samples_status (VpListView *self, GPtrArray *texts)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (VP_TYPE_STATUS);

  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (texts, g_strdup (vp_enum_get_label (VP_TYPE_STATUS, klass->values[i].value)));
}

struct _Column
{
  const char *title;
  FormatFunc format;
  CompareFunc compare;
  SamplesFunc samples;
  /* how many lines a text may wrap to, at word boundaries */
  int lines;
  /* in a narrow window the columns of lower rank go first */
  int rank;
};

static const Column label_columns[] = {
  /* Translators: the column of sub-theme letters */
  { N_ ("Sub-theme"), format_subtheme, compare_subtheme, samples_subtheme, 1, 3 },
  { N_ ("Lead"), format_lead, compare_lead, samples_lead, 2, 5 },
  { N_ ("Quarter"), format_quarter, compare_quarter, samples_quarter, 1, 4 },
  { N_ ("Category"), format_category, compare_category, samples_category, 1, 1 },
  /* Translators: the column of achieved counts of the target */
  { N_ ("Progress"), format_progress, compare_progress, samples_progress, 1, 2 },
  { N_ ("Last Change"), format_last_change, compare_last_change, samples_last_change, 1, 0 },
};

/* The status column, among the others after the category. */
static const Column status_column
  = { N_ ("Status"), NULL, compare_status, samples_status, 1, G_MAXINT };

/* What a cell watches while it is bound: the record its row holds
 * (another after a search or sort: the view looks again at every bound
 * cell when the rows are published, on_rows_published_cb()), that
 * record, and an action's home status. When a status appears or goes (a
 * change, an undo, an import), the view refreshes all bound cells
 * (on_statuses_changed_cb()). A cell's Watch is made with the cell and
 * lives as long: binding one costs no allocation. Unbound, it keeps its
 * record (and listens to it, ignoring what it hears) until it is bound
 * to a row that holds another.
 *
 * GTK 4.8 keeps some 200 rows bound around the ones on screen, and a
 * search or a jump puts other records in all of them. A cell off screen
 * (unmapped) only notes that it is stale: it shows its record when it is
 * mapped, or before, at idle, a few cells at a time (catch_up_cb()), so
 * that scrolling finds most rows ready. All rows are alike in height (see
 * refresh_activity()), so the list knows their heights without their
 * contents. */
typedef void (*RefreshFunc) (VpListView *self, GtkListItem *item);

typedef struct
{
  VpListView *self;
  GtkListItem *item;
  RefreshFunc refresh;
  gboolean bound;
  /* what the cell shows, and listens to */
  VpStatusWatch target;
  /* whether the cell shows an earlier record than its row's */
  gboolean stale;
} Watch;

static gpointer
item_record (GtkListItem *item)
{
  VpRow *row = gtk_list_item_get_item (item);

  return row != NULL ? vp_row_get_record (row) : NULL;
}

static void on_watched_changed_cb (Watch *watch);

/* Listens to @record (and its status), or to nothing. */
static void
watch_record (Watch *watch, VpRecord *record)
{
  vp_status_watch_set_record (&watch->target, watch->self->store, record);
}

static void
show_record (Watch *watch)
{
  if (watch->stale)
    g_hash_table_remove (watch->self->stale, watch);
  watch->stale = FALSE;
  watch_record (watch, item_record (watch->item));
  watch->refresh (watch->self, watch->item);
}

/* A slice of the cells off screen: about a millisecond's work. */
static gboolean
catch_up_cb (gpointer data)
{
  VpListView *self = data;
  Watch *slice[32];
  guint n = 0;
  GHashTableIter iter;
  gpointer watch;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->catch_up_id = 0;
      return G_SOURCE_REMOVE;
    }
  g_hash_table_iter_init (&iter, self->stale);
  while (n < G_N_ELEMENTS (slice) && g_hash_table_iter_next (&iter, &watch, NULL))
    slice[n++] = watch;
  for (guint i = 0; i < n; i++)
    show_record (slice[i]);
  if (g_hash_table_size (self->stale) > 0)
    return G_SOURCE_CONTINUE;
  self->catch_up_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_catch_up (GtkWidget *widget, gpointer data)
{
  VpListView *self = VP_LIST_VIEW (widget);

  self->catch_up_queued = FALSE;
  /* disposed meanwhile, or another view is shown: the cells catch up
   * when the list is shown again (vp_list_view_map()) */
  if (self->store == NULL || !gtk_widget_get_mapped (widget))
    return;
  if (self->catch_up_id == 0 && g_hash_table_size (self->stale) > 0)
    self->catch_up_id = g_idle_add_full (G_PRIORITY_LOW, catch_up_cb, self, NULL);
}

/* After the frame that shows the change: not while it waits for it. */
static void
queue_catch_up (VpListView *self)
{
  g_clear_handle_id (&self->catch_up_id, g_source_remove);
  if (!self->catch_up_queued)
    {
      self->catch_up_queued = TRUE;
      vp_after_frame (GTK_WIDGET (self), start_catch_up, NULL, NULL);
    }
}

static void
on_watched_changed_cb (Watch *watch)
{
  VpListView *self = watch->self;

  /* an unbound cell lets go of its record when bound again */
  if (!watch->bound)
    return;
  if (gtk_widget_get_mapped (gtk_list_item_get_child (watch->item)))
    {
      show_record (watch);
      return;
    }
  if (!watch->stale)
    {
      watch->stale = TRUE;
      g_hash_table_add (self->stale, watch);
    }
  queue_catch_up (self);
}

/* Connected once per cell, when it is made: a cell off screen that comes
 * on screen shows its record if it has not yet. */
static void
on_cell_mapped_cb (GtkListItem *item)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");

  if (watch->stale)
    show_record (watch);
}

/* GTK unbinds a cell before it goes: the view no longer knows it. */
static void
watch_free (Watch *watch)
{
  g_assert (!watch->bound);
  watch_record (watch, NULL);
  g_free (watch);
}

/* A new cell, with @child and its Watch. */
static void
set_cell (VpListView *self, GtkListItem *item, GtkWidget *child, RefreshFunc refresh)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->self = self;
  watch->item = item;
  watch->refresh = refresh;
  vp_status_watch_init (&watch->target, (VpStatusWatchFunc) on_watched_changed_cb, watch);
  g_object_set_data_full (G_OBJECT (item), "vp-watch", watch, (GDestroyNotify) watch_free);
  gtk_list_item_set_child (item, child);
  g_signal_connect_swapped (child, "map", G_CALLBACK (on_cell_mapped_cb), item);
}

static void
on_statuses_changed_cb (VpListView *self)
{
  GHashTableIter iter;
  gpointer watch;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &watch, NULL))
    on_watched_changed_cb (watch);
}

/* The records in the rows changed: the cells that show an earlier one
 * show their row's (or note that they must). */
static void
refresh_published (VpListView *self)
{
  GHashTableIter iter;
  gpointer data;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &data, NULL))
    {
      Watch *watch = data;

      if (vp_status_watch_get_record (&watch->target) != item_record (watch->item))
        on_watched_changed_cb (watch);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");
  VpListView *self = watch->self;

  watch->bound = TRUE;
  g_hash_table_add (self->watches, watch);
  on_watched_changed_cb (watch);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  Watch *watch = g_object_get_data (G_OBJECT (item), "vp-watch");

  watch->bound = FALSE;
  g_hash_table_remove (watch->self->watches, watch);
  if (watch->stale)
    g_hash_table_remove (watch->self->stale, watch);
  watch->stale = FALSE;
}

/* The label columns. */

static void
refresh_label (VpListView *self, GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "vp-column");
  gpointer record = item_record (item);
  g_autofree char *text = VP_IS_ACTION (record) ? column->format (self, record) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);

  vp_cell_text_set_text (VP_CELL_TEXT (label), text);
  if (column->format == format_quarter && VP_IS_ACTION (record)
      && vp_action_is_overdue (self->store, record))
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

/* A text cut short (a long lead), whole. */
static gboolean
on_label_tooltip_cb (
  GtkWidget *text, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  if (!vp_cell_text_is_cut (VP_CELL_TEXT (text)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, vp_cell_text_get_text (VP_CELL_TEXT (text)));
  return TRUE;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, const Column *column)
{
  /* as many lines as an action's text shows at least */
  GtkWidget *label = vp_cell_text_new (3, 12, 1, 2);

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_tooltip_cb), NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (item), "vp-column", (gpointer) column);
  set_cell (g_object_get_data (G_OBJECT (factory), "vp-list-view"), item, label, refresh_label);
}

/* The activity column: a priority's arrow, colour and title, or an
 * action's text, indented under it. */

static void toggle_priority (VpListView *self, VpPriority *priority);

/* An action's whole text, which the cell may cut short. */
static gboolean
on_activity_tooltip_cb (
  GtkWidget *text, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  g_autofree char *shown = NULL;

  if (vp_cell_text_get_attributes (VP_CELL_TEXT (text)) != NULL)
    return FALSE;
  shown = vp_format_display_paragraphs (vp_cell_text_get_text (VP_CELL_TEXT (text)));
  gtk_tooltip_set_text (tooltip, shown);
  return TRUE;
}

static void
on_arrow_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *item)
{
  GtkWidget *arrow = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  VpListView *self = VP_LIST_VIEW (gtk_widget_get_ancestor (arrow, VP_TYPE_LIST_VIEW));
  gpointer record = item_record (item);

  if (VP_IS_PRIORITY (record))
    toggle_priority (self, record);
}

/* A priority's row and an action's are alike in size: a change of a
 * cell's size makes GTK 4.8 measure every cell of its column again, so a
 * search that puts a priority where an action was would lay out the
 * whole list. What differs is hidden (child-visible) or drawn otherwise. */
static void
refresh_activity (VpListView *self, GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *arrow = gtk_widget_get_first_child (box);
  GtkWidget *swatch = gtk_widget_get_next_sibling (arrow);
  VpCellText *text = VP_CELL_TEXT (gtk_widget_get_last_child (box));
  gpointer record = item_record (item);

  gtk_widget_set_child_visible (arrow, VP_IS_PRIORITY (record));
  gtk_widget_set_child_visible (swatch, VP_IS_PRIORITY (record));
  if (VP_IS_PRIORITY (record))
    {
      g_autofree char *title = vp_format_priority (self->store, record);
      gboolean collapsed = g_hash_table_contains (self->collapsed, vp_record_get_uuid (record));
      const char *icon = collapsed ? "pan-end-symbolic" : "pan-down-symbolic";

      /* setting an icon resizes the image, even the same icon */
      if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (arrow)), icon) != 0)
        gtk_image_set_from_icon_name (GTK_IMAGE (arrow), icon);
      vp_swatch_set_colour (VP_SWATCH (swatch), vp_priority_get_colour (record));
      vp_cell_text_set_text (text, title);
      vp_cell_text_set_attributes (text, self->heading_attributes);
      vp_cell_text_set_yalign (text, 0.5);
      gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_EXPANDED, !collapsed,
                                   -1);
      /* the heading row's focus lands here, which says the title and
       * whether it is open (the row itself GTK 4.8 names after its type) */
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_widget_set_focusable (box, TRUE);
    }
  else
    {
      vp_cell_text_set_text (text, vp_action_get_text (record));
      vp_cell_text_set_attributes (text, NULL);
      vp_cell_text_set_yalign (text, 0);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_EXPANDED);
      gtk_widget_set_focusable (box, FALSE);
    }
}

static void
setup_activity_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpListView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *arrow = gtk_image_new ();
  GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "valign", GTK_ALIGN_CENTER, NULL);
  /* Not a wrapping label: its size does not depend on its text, so
   * binding a row does not lay out the whole column again. Two lines at
   * least, enough to recognise an action by, up to three; the tooltip and
   * the editor have the whole text. */
  GtkWidget *text = vp_cell_text_new (20, 70, 2, 3);
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_arrow_pressed_cb), item);
  gtk_widget_add_controller (arrow, GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  /* the tooltip is asked for when shown: setting one at every bind costs
   * a round trip to the display server */
  gtk_widget_set_has_tooltip (text, TRUE);
  g_signal_connect (text, "query-tooltip", G_CALLBACK (on_activity_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), text);
  set_cell (self, item, box, refresh_activity);
}

/* The status column: the home municipality's status, changed in place
 * from a menu of statuses (list.set-status) that is made when opened. */

static void
set_status_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpListView *self = VP_LIST_VIEW (widget);
  const char *uuid, *nick;
  VpRecord *record;
  VpActionStatus *status;
  int chosen;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_variant_get (parameter, "(&s&s)", &uuid, &nick);
  record = vp_store_lookup (self->store, uuid);
  if (!VP_IS_ACTION (record) || !vp_enum_from_nick (VP_TYPE_STATUS, nick, &chosen)
      || chosen == (int) vp_action_get_status (self->store, VP_ACTION (record)))
    return;
  status = shown_status (self, VP_ACTION (record));
  if (!vp_store_set_status (self->store, VP_ACTION (record),
                            vp_store_get_home_municipality (self->store), chosen,
                            status != NULL ? vp_action_status_get_achieved (status) : 0,
                            status != NULL ? vp_action_status_get_note (status) : "", &error))
    {
      g_signal_emit_by_name (self, "failed", error->message);
      return;
    }
  /* Translators: a status was changed from the list; its new status follows */
  message = g_strdup_printf (_ ("Status set to “%s”"), vp_enum_get_label (VP_TYPE_STATUS, chosen));
  g_signal_emit_by_name (self, "done", message);
}

/* The menu's choice: the status chosen, for the row's action. */
static void
on_status_chosen_cb (GSimpleAction *action, GVariant *value, GtkWidget *button)
{
  gpointer record = item_record (g_object_get_data (G_OBJECT (button), "vp-item"));

  g_simple_action_set_state (action, value);
  if (VP_IS_ACTION (record))
    gtk_widget_activate_action (button, "list.set-status", "(ss)", vp_record_get_uuid (record),
                                g_variant_get_string (value, NULL));
}

static GVariant *
status_nick (VpStatus status)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (VP_TYPE_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return g_variant_new_string (value != NULL ? value->value_nick : "");
}

/* The menu marks the current status, as the editor's does: its items
 * are the radio items of a stateful action of the button's own. */
static GSimpleAction *
status_menu_action (GtkWidget *button)
{
  GSimpleAction *action = g_object_get_data (G_OBJECT (button), "vp-menu-action");
  g_autoptr (GSimpleActionGroup) group = NULL;

  if (action != NULL)
    return action;
  group = g_simple_action_group_new ();
  action
    = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_STRING, g_variant_new_string (""));
  g_signal_connect_object (action, "change-state", G_CALLBACK (on_status_chosen_cb), button, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (button, "row", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (button), "vp-menu-action", action, g_object_unref);
  return action;
}

static void
create_status_menu_cb (GtkMenuButton *button, gpointer data)
{
  GtkListItem *item = data;
  gpointer record = item_record (item);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GEnumClass) klass = g_type_class_ref (VP_TYPE_STATUS);
  VpListView *view;

  if (!VP_IS_ACTION (record))
    return;
  view = VP_LIST_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), VP_TYPE_LIST_VIEW));
  g_simple_action_set_state (status_menu_action (GTK_WIDGET (button)),
                             status_nick (vp_action_get_status (view->store, record)));
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autoptr (GMenuItem) entry
        = g_menu_item_new (vp_enum_get_label (VP_TYPE_STATUS, klass->values[i].value), NULL);

      g_menu_item_set_action_and_target (entry, "row.status", "s", klass->values[i].value_nick);
      g_menu_append_item (menu, entry);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  /* the record the menu is for (see refresh_status()) */
  g_object_set_data (G_OBJECT (button), "vp-menu-for", record);
}

/* Why the home municipality cannot set an action's status: @keeper
 * keeps it (or, without one, the lead). */
static char *
refusal (VpListView *self, const char *keeper)
{
  VpOrganisation *organisation
    = keeper != NULL ? vp_store_lookup_organisation (self->store, keeper) : NULL;
  g_autofree char *name = NULL;
  char *read_only = vp_store_dup_read_only_reason (self->store);

  if (read_only != NULL)
    return read_only;
  if (keeper == NULL)
    return g_strdup (_ ("Only the municipality that leads this action sets its status."));
  name = vp_format_display_text (organisation != NULL ? vp_organisation_get_name (organisation)
                                                      : keeper);
  /* Translators: why a status is greyed: "Only Barneveld sets this status." */
  return g_strdup_printf (_ ("Only %s sets this status."), name);
}

/* A screen reader hears the status and what it is of ("Status: In
 * progress", described by the activity), and why it cannot be changed
 * here when another municipality keeps it. The focusable one is the
 * menu button's inner button. */
static void
describe_status (GtkWidget *button, const char *label, VpAction *action, const char *refused)
{
  GtkWidget *inner = gtk_widget_get_first_child (button);
  g_autofree char *activity = vp_format_display_text (vp_action_get_text (action));
  /* Translators: what a screen reader says of a status button in the list */
  g_autofree char *name = g_strdup_printf (_ ("Status: %s"), label);
  g_autofree char *description = NULL;

  if (refused != NULL)
    description = g_strdup_printf ("%s %s", refused, activity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : activity, -1);
}

static void
refresh_status (VpListView *self, GtkListItem *item)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  gpointer record = item_record (item);
  g_autofree char *refused = NULL;
  const char *keeper = NULL;
  VpStatus status;
  const char *label;
  gboolean settable;

  /* hidden, not invisible: see refresh_activity(); nor in the
   * accessibility tree */
  gtk_widget_set_child_visible (button, VP_IS_ACTION (record));
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_HIDDEN,
                               !VP_IS_ACTION (record), -1);
  /* the cell shows another action: its menu is made anew when opened */
  if (g_object_get_data (G_OBJECT (button), "vp-menu-for") != record)
    {
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), NULL);
      g_object_set_data (G_OBJECT (button), "vp-menu-for", NULL);
    }
  if (!VP_IS_ACTION (record))
    {
      /* a heading row's cell, empty */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("empty"), -1);
      return;
    }
  status = vp_action_get_status (self->store, record);
  label = vp_enum_get_label (VP_TYPE_STATUS, status);
  vp_cell_text_set_text (VP_CELL_TEXT (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))),
                         label);
  /* a status another municipality keeps is shown, not changed, here */
  settable = vp_action_can_set_status (self->store, record, &keeper);
  if (!settable)
    refused = refusal (self, keeper);
  gtk_widget_set_sensitive (button, settable);
  /* why it is greyed, for on_status_tooltip_cb() */
  g_object_set_data_full (G_OBJECT (button), "vp-refusal", g_strdup (refused), g_free);
  describe_status (button, label, record, refused);
  if (g_object_get_data (G_OBJECT (button), "vp-menu-action") != NULL)
    g_simple_action_set_state (status_menu_action (button), status_nick (status));
}

/* The tooltip of a greyed status: asked for when one is shown. Set on
 * every bind, a widget's tooltip text asked the display server where the
 * pointer is (a round trip per row a search or a scroll showed anew). */
static gboolean
on_status_tooltip_cb (
  GtkWidget *button, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  const char *refused = g_object_get_data (G_OBJECT (button), "vp-refusal");

  if (refused == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, refused);
  return TRUE;
}

static void
setup_status_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpListView *self)
{
  /* a group to a screen reader: the button inside it is the one that
   * takes the focus and says the status (GTK 4.8 names this one after
   * its type) */
  GtkWidget *button
    = g_object_new (GTK_TYPE_MENU_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *label = vp_cell_text_new (6, 12, 1, 1);

  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_status_menu_cb, item,
                                         NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "status");
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_status_tooltip_cb), NULL);
  g_object_set_data (G_OBJECT (button), "vp-item", item);
  set_cell (self, item, button, refresh_status);
}

static GtkColumnViewColumn *
add_column (VpListView *self, const char *title, GtkListItemFactory *factory, GtkSorter *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static GtkListItemFactory *
make_factory (VpListView *self, GCallback setup, gpointer data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "vp-list-view", self);
  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}

/* Every column has a fixed width, else each change of the rows measures
 * all their cells again: the activity's least width (it takes the room
 * left), the others' measured from what they show (measure_columns()). */
static void
add_columns (VpListView *self)
{
  guint n = 0;

  self->activity
    = add_column (self, _ ("Activity"), make_factory (self, G_CALLBACK (setup_activity_cb), self),
                  make_sorter (self, compare_text));
  gtk_column_view_column_set_expand (self->activity, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (label_columns); i++)
    {
      const Column *column = &label_columns[i];

      self->columns[n] = column;
      self->column_views[n++]
        = add_column (self, _ (column->title),
                      make_factory (self, G_CALLBACK (setup_label_cb), (gpointer) column),
                      make_sorter (self, column->compare));
      if (column->format == format_category)
        {
          self->columns[n] = &status_column;
          self->column_views[n++] = add_column (
            self, _ (status_column.title), make_factory (self, G_CALLBACK (setup_status_cb), self),
            make_sorter (self, compare_status));
        }
    }
  g_assert (n == N_COLUMNS);
}

/* Column widths */

/* The narrowest width, in pixels, at which @text takes at most @lines
 * lines broken at spaces (each of its own lines: a quarter's text has
 * two). */
static int
text_width (PangoLayout *layout, const char *text, int lines)
{
  PangoRectangle logical;
  int low, high;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  low = 1;
  high = logical.width;
  if (lines <= 1)
    return high;
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  while (low < high)
    {
      int width = (low + high) / 2;

      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      /* a word longer than the width overflows it */
      if (pango_layout_get_line_count (layout) <= lines && logical.width <= width)
        high = width;
      else
        low = width + 1;
    }
  return high;
}

/* The widest of the texts @column shows, in the cells' font. */
static int
content_width (VpListView *self, const Column *column)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PangoLayout) layout
    = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  int widest = 0;

  column->samples (self, texts);
  for (guint i = 0; i < texts->len; i++)
    widest = MAX (widest, text_width (layout, g_ptr_array_index (texts, i), column->lines));
  return widest;
}

/* What a cell of column @i adds to its text (padding, border, a menu
 * button's arrow), measured on a cell of the list; -1 while the list
 * has no such cell. */
static int
cell_chrome (VpListView *self, guint i)
{
  GHashTableIter iter;
  gpointer data;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &data, NULL))
    {
      Watch *watch = data;
      GtkWidget *child = gtk_list_item_get_child (watch->item);
      GtkWidget *text = child;
      gboolean status = watch->refresh == refresh_status;
      int cell_width, text_width_;

      if (status ? self->columns[i] != &status_column
                 : g_object_get_data (G_OBJECT (watch->item), "vp-column") != self->columns[i])
        continue;
      if (status)
        text = gtk_menu_button_get_child (GTK_MENU_BUTTON (child));
      gtk_widget_measure (gtk_widget_get_parent (child), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                          &cell_width, NULL, NULL);
      gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &text_width_, NULL, NULL);
      return cell_width - text_width_;
    }
  return -1;
}

/* Each column's title, as wide as it would like (with its sort arrow and
 * padding): measured once, while every column shows. */
static void
measure_titles (VpListView *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  /* the activity's title first, then the others' in their order */
  for (int i = -1; i < N_COLUMNS && title != NULL; i++, title = gtk_widget_get_next_sibling (title))
    if (i >= 0)
      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &self->title_widths[i], NULL,
                          NULL);
  self->titles_measured = TRUE;
}

/* Each column as wide as its widest text and its title (the lead's at
 * most LEAD_CHARS characters: a longer one ends in "…", whole in its
 * tooltip). Measured again while the list has no cells to measure their
 * padding on, and when the organisations change. */
static void
measure_columns (VpListView *self)
{
  gboolean all_measured = TRUE;
  g_autoptr (PangoLayout) layout = NULL;
  PangoFontMetrics *metrics;
  int char_width;

  if (!self->titles_measured)
    measure_titles (self);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  metrics = pango_context_get_metrics (pango_layout_get_context (layout), NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int chrome = cell_chrome (self, i);
      int content = content_width (self, self->columns[i]);

      if (self->columns[i]->format == format_lead)
        content = MIN (content, PANGO_PIXELS_CEIL (LEAD_CHARS * char_width));
      all_measured &= chrome >= 0;
      self->widths[i] = MAX (self->title_widths[i], content + MAX (chrome, 0));
    }
  self->activity_width = PANGO_PIXELS_CEIL (ACTIVITY_CHARS * char_width);
  self->measured = all_measured;
}

/* The columns that fit beside the activity at @width, the others left
 * out, those of lowest rank first; the status stays. */
static void
fit_columns (VpListView *self, int width)
{
  gboolean shown[N_COLUMNS];
  int used = self->activity_width;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      shown[i] = TRUE;
      used += self->widths[i];
    }
  while (used > width)
    {
      int lowest = -1;

      for (guint i = 0; i < N_COLUMNS; i++)
        if (shown[i] && self->columns[i] != &status_column
            && (lowest < 0 || self->columns[i]->rank < self->columns[lowest]->rank))
          lowest = i;
      if (lowest < 0)
        break;
      shown[lowest] = FALSE;
      used -= self->widths[lowest];
    }
  /* GTK 4.8 gives the room left to no column with a fixed width, though
   * it expands: the activity takes it here */
  gtk_column_view_column_set_fixed_width (self->activity,
                                          self->activity_width + MAX (width - used, 0));
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gtk_column_view_column_set_fixed_width (self->column_views[i], self->widths[i]);
      gtk_column_view_column_set_visible (self->column_views[i], shown[i]);
    }
}

static void
on_organisations_changed_cb (VpListView *self)
{
  self->measured = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
row_shown (gpointer record, gpointer data)
{
  VpListView *self = data;

  if (VP_IS_PRIORITY (record))
    return g_hash_table_contains (self->headings, vp_record_get_uuid (record));
  return (self->all_open || g_hash_table_contains (self->open, vp_action_get_priority (record)))
         && gtk_filter_match (GTK_FILTER (self->filter), record);
}

/* The rows' keys: the filter's, for an action (row_shown_key()). */
G_STATIC_ASSERT (VP_ACTION_FILTER_NO_KEY == VP_ROW_NO_KEY);

static guint
row_key (gpointer record, gpointer data)
{
  VpListView *self = data;

  return vp_action_filter_key (self->filter, record);
}

/* As row_shown(), sooner: at 100,000 actions a search looks at what the
 * filter took from the actions, not at the actions. */
static gboolean
row_shown_key (gpointer record, guint key, gpointer data)
{
  VpListView *self = data;

  if (key == VP_ACTION_FILTER_NO_KEY)
    return row_shown (record, data);
  return (self->all_open
          || g_hash_table_contains (self->open, vp_action_filter_key_priority (self->filter, key)))
         && vp_action_filter_match_key (self->filter, key);
}

/* Which priorities show, and which of them with their actions. */
static void
update_groups (VpListView *self)
{
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);
  g_autofree char *chosen = NULL;

  g_hash_table_remove_all (self->headings);
  g_hash_table_remove_all (self->open);
  self->all_open = FALSE;
  self->narrowed = FALSE;
  if (self->plan == NULL)
    return;
  g_object_get (self->filter, "priority", &chosen, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (priority));

      if (g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
            != 0
          || (chosen != NULL && g_strcmp0 (chosen, uuid) != 0))
        continue;
      g_hash_table_add (self->headings, g_strdup (uuid));
      if (!g_hash_table_contains (self->collapsed, uuid))
        g_hash_table_add (self->open, g_strdup (uuid));
    }
  self->all_open = g_hash_table_size (self->open)
                   == (chosen != NULL ? 1 : g_list_model_get_n_items (priorities));
  self->narrowed = chosen == NULL && vp_action_filter_is_active (self->filter);
}

/* While a search or facet narrows the plan, a priority shows only with
 * actions that match, unless it is collapsed or was opened meanwhile; a
 * priority the sidebar chose shows, matches or not (not narrowed). */
static VpRowKind
row_kind (gpointer record, gpointer data)
{
  VpListView *self = data;

  if (!VP_IS_PRIORITY (record))
    return VP_ROW_ITEM;
  if (self->narrowed && !g_hash_table_contains (self->collapsed, vp_record_get_uuid (record))
      && !g_hash_table_contains (self->opened, vp_record_get_uuid (record)))
    return VP_ROW_HEADING_OF_ITEMS;
  return VP_ROW_HEADING;
}

static void
on_filter_changed_cb (VpListView *self, GtkFilterChange change)
{
  gboolean was_narrowed = self->narrowed;

  /* the priority chosen may be another */
  update_groups (self);
  g_hash_table_remove_all (self->opened);
  /* a priority chosen in the sidebar shows, though a search left it out
   * before: that is not among the rows a stricter filter looks at */
  if (was_narrowed && !self->narrowed)
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (GTK_FILTER (self->row_filter), change);
}

static void
toggle_priority (VpListView *self, VpPriority *priority)
{
  const char *uuid = vp_record_get_uuid (VP_RECORD (priority));
  GtkFilterChange change = GTK_FILTER_CHANGE_LESS_STRICT;

  if (!g_hash_table_remove (self->collapsed, uuid))
    {
      g_hash_table_add (self->collapsed, g_strdup (uuid));
      change = GTK_FILTER_CHANGE_MORE_STRICT;
    }
  else if (self->narrowed)
    /* opened in a narrowed list, it stays, matches or not, rather than
     * go from under the pointer */
    g_hash_table_add (self->opened, g_strdup (uuid));
  update_groups (self);
  gtk_filter_changed (GTK_FILTER (self->row_filter), change);
  /* the heading's arrow */
  g_object_notify (G_OBJECT (priority), "title");
}

/* Priorities in their numbers' order, each before its actions. */
static int
compare_groups (gconstpointer a, gconstpointer b, gpointer data)
{
  VpListView *self = data;
  VpPriority *pa, *pb;
  int by_number;

  /* most comparisons, sorting a large plan, are of two actions of one
   * priority: one string, interned (vp-record.c), no look-ups */
  if (VP_IS_ACTION ((gpointer) a) && VP_IS_ACTION ((gpointer) b)
      && vp_action_get_priority ((gpointer) a) == vp_action_get_priority ((gpointer) b))
    return 0;
  pa = vp_store_lookup_priority_of (self->store, (gpointer) a);
  pb = vp_store_lookup_priority_of (self->store, (gpointer) b);
  by_number = compare_numbers (pa != NULL ? vp_priority_get_number (pa) : G_MAXINT,
                               pb != NULL ? vp_priority_get_number (pb) : G_MAXINT);

  if (by_number != 0 || pa == pb)
    return by_number != 0
             ? by_number
             : compare_numbers (VP_IS_ACTION ((gpointer) a), VP_IS_ACTION ((gpointer) b));
  /* two plans' priorities of one number */
  return g_strcmp0 (vp_record_get_uuid (VP_RECORD (pa)), vp_record_get_uuid (VP_RECORD (pb)));
}

/* Runs before the row models hear of the change (it is connected first):
 * a new priority is known to the row filter when they look at it, and a
 * priority renumbered (back in the store's list) takes its actions along. */
static void
on_priorities_changed_cb (VpListView *self, guint position, guint removed, guint added)
{
  update_groups (self);
  if (removed > 0 && added > 0)
    gtk_sorter_changed (GTK_SORTER (self->group_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* A search or sort puts other records in the rows: the selection follows
 * its record, or goes when the record is no longer shown. */
static void
on_rows_publishing_cb (VpListView *self)
{
  self->publishing = TRUE;
}

/* A search or facet that matches nothing says so, and how to go back;
 * the focus, on the way back, goes to the list. */
/* Whether the search alone narrows the list, no facet. */
static gboolean
only_searched (VpListView *self)
{
  g_autofree char *subtheme = NULL;
  g_autofree char *lead = NULL;
  int quarter, category, status;
  gboolean overdue;

  g_object_get (self->filter, "subtheme", &subtheme, "lead", &lead, "quarter", &quarter, "category",
                &category, "status", &status, "overdue", &overdue, NULL);
  return subtheme == NULL && lead == NULL && quarter == VP_FILTER_ANY && category == VP_FILTER_ANY
         && status == VP_FILTER_ANY && !overdue;
}

/* The way back offers what narrowed the list: the search alone, or the
 * search and filters. */
static void
show_way_back (VpListView *self)
{
  gboolean searched = only_searched (self);

  adw_status_page_set_description (ADW_STATUS_PAGE (self->no_match),
                                   searched ? _ ("Try other words.")
                                            : _ ("Try other words, or clear the filters."));
  gtk_button_set_label (GTK_BUTTON (self->no_match_button),
                        searched ? _ ("_Clear Search") : _ ("_Clear Filters"));
}

static void
update_no_match (VpListView *self)
{
  gboolean none = self->narrowed && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (none)
    show_way_back (self);
  if (none == gtk_widget_get_visible (self->no_match))
    return;
  gtk_widget_set_visible (self->no_match, none);
  gtk_widget_set_visible (self->scroller, !none);
  if (!none && focus != NULL && gtk_widget_is_ancestor (focus, self->no_match))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_rows_published_cb (VpListView *self)
{
  guint position = vp_row_model_find (self->rows, self->selected);

  self->publishing = FALSE;
  refresh_published (self);
  update_no_match (self);
  if (position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
on_selected_cb (VpListView *self)
{
  if (!self->publishing)
    g_set_object (
      &self->selected,
      vp_row_model_get_record (self->rows, gtk_single_selection_get_selected (self->selection)));
}

/* GTK 4.8's list views make up to 200 rows whatever their height, each
 * bound, measured and laid out before the window's first frame, where
 * some 20 show. So the list first holds two rows, a priority's heading
 * and an action (alike in height by design, see refresh_activity(); the
 * lower counts); when it is about to be shown, as many as the window's
 * height has room for. The others follow right after the first frame. */
#define FIRST_ROWS_MEASURED 2
/* With no row to measure (a plan still empty, or one that arrives after
 * the list is shown: its rows are published after the first map), the
 * first frame may hold this many: as many as a tall window shows. */
#define FIRST_ROWS_UNMEASURED 40

/* The widget of the row a cell's @child is in, or NULL. */
static GtkWidget *
row_of_cell (GtkWidget *child)
{
  for (GtkWidget *widget = child; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
        return widget;
    }
  return NULL;
}

/* How many rows the window's first frame can show at most: as many as
 * of the lowest row made so far (vp_first_frame_rows()). */
static guint
rows_first_shown (VpListView *self)
{
  GHashTableIter iter;
  gpointer watch;
  guint most = 0;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &watch, NULL))
    {
      GtkWidget *row = row_of_cell (gtk_list_item_get_child (((Watch *) watch)->item));

      if (row != NULL)
        most = MAX (most, vp_first_frame_rows (row));
    }
  return most > 0 ? most : FIRST_ROWS_UNMEASURED;
}

static void
show_all_rows (GtkWidget *widget, gpointer data)
{
  VpListView *self = VP_LIST_VIEW (widget);

  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

static void
on_first_map_cb (VpListView *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map_cb, NULL);
  gtk_slice_list_model_set_size (self->first_rows, rows_first_shown (self));
  vp_after_frame (GTK_WIDGET (self), show_all_rows, NULL, NULL);
}

/* The rows: the store's priorities and actions (in the store's order,
 * which the stable sort keeps among equals), sorted into groups and by the
 * column view's sorter within them, then filtered. */
static void
setup_rows (VpListView *self)
{
  g_autoptr (GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GtkFlattenListModel) records = NULL;
  g_autoptr (GtkMultiSorter) sorter = gtk_multi_sorter_new ();

  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_PRIORITY), "items-changed",
                           G_CALLBACK (on_priorities_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (parts, vp_store_get_records (self->store, VP_TYPE_PRIORITY));
  g_list_store_append (parts, vp_store_get_records (self->store, VP_TYPE_ACTION));
  records = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  self->group_sorter = gtk_custom_sorter_new (compare_groups, self, NULL);
  gtk_multi_sorter_append (sorter, g_object_ref (GTK_SORTER (self->group_sorter)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->row_filter = gtk_custom_filter_new (row_shown, self, NULL);
  /* filtered by row_shown_key(), which says what row_filter does */
  self->rows = vp_row_model_new_full (G_LIST_MODEL (records), GTK_FILTER (self->row_filter),
                                      GTK_SORTER (sorter), row_key, row_shown_key, row_kind, self);
  self->first_rows
    = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), 0, FIRST_ROWS_MEASURED);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->first_rows));
  g_signal_connect (self, "map", G_CALLBACK (on_first_map_cb), NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->rows, "publishing", G_CALLBACK (on_rows_publishing_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows, "published", G_CALLBACK (on_rows_published_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_ACTION_STATUS),
                           "items-changed", G_CALLBACK (on_statuses_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* the leads' and letters' widths */
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_ORGANISATION),
                           "items-changed", G_CALLBACK (on_organisations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_SUBTHEME), "items-changed",
                           G_CALLBACK (on_organisations_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
on_column_view_activate_cb (VpListView *self, guint position)
{
  gpointer record = vp_row_model_get_record (self->rows, position);

  if (VP_IS_ACTION (record))
    g_signal_emit (self, signals[ACTION_ACTIVATED], 0, record);
  else if (VP_IS_PRIORITY (record))
    toggle_priority (self, VP_PRIORITY (record));
}

/* Enter opens the row's action wherever the focus is in the row: on the
 * status button too, which a click on the row focuses (Space opens the
 * status menu). */
static gboolean
on_row_key_pressed_cb (
  GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, VpListView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *button = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) : NULL;
  GtkListItem *item = button != NULL ? g_object_get_data (G_OBJECT (button), "vp-item") : NULL;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (item == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  on_column_view_activate_cb (self, gtk_list_item_get_position (item));
  return TRUE;
}

static void
vp_list_view_constructed (GObject *object)
{
  VpListView *self = VP_LIST_VIEW (object);
  GtkEventController *keys;

  G_OBJECT_CLASS (vp_list_view_parent_class)->constructed (object);
  add_columns (self);
  setup_rows (self);
  /* one stop of the Tab key; the arrows move among the rows */
  vp_accessible_single_tab_stop (GTK_WIDGET (self->column_view));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_row_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  vp_accessible_name_inner_list (self->column_view, _ ("Actions by priority"));
}

static void
vp_list_view_dispose (GObject *object)
{
  VpListView *self = VP_LIST_VIEW (object);

  g_clear_handle_id (&self->catch_up_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_LIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);
  g_clear_object (&self->row_filter);
  g_clear_object (&self->group_sorter);
  g_clear_object (&self->plan);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_list_view_parent_class)->dispose (object);
}

static void
vp_list_view_finalize (GObject *object)
{
  VpListView *self = VP_LIST_VIEW (object);

  /* after dispose, which unbinds the cells that remove their watches */
  g_clear_handle_id (&self->catch_up_id, g_source_remove);
  g_hash_table_unref (self->watches);
  g_hash_table_unref (self->stale);
  g_hash_table_unref (self->collapsed);
  g_hash_table_unref (self->opened);
  g_hash_table_unref (self->headings);
  g_hash_table_unref (self->open);
  g_time_zone_unref (self->local);
  pango_attr_list_unref (self->heading_attributes);

  G_OBJECT_CLASS (vp_list_view_parent_class)->finalize (object);
}

static void
vp_list_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpListView *self = VP_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Hidden (another view in front), the list puts off following changes:
 * a card moved on the board would sort the whole list again, and bring
 * all its cells up to date at idle. */
static void
vp_list_view_map (GtkWidget *widget)
{
  VpListView *self = VP_LIST_VIEW (widget);

  vp_row_model_set_paused (self->rows, FALSE);
  GTK_WIDGET_CLASS (vp_list_view_parent_class)->map (widget);
  if (g_hash_table_size (self->stale) > 0)
    queue_catch_up (self);
}

static void
vp_list_view_measure (GtkWidget *widget,
                      GtkOrientation orientation,
                      int for_size,
                      int *minimum,
                      int *natural,
                      int *minimum_baseline,
                      int *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/* The columns are fitted to the width before the list is laid out in it:
 * nothing scrolls sideways. */
static void
vp_list_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  VpListView *self = VP_LIST_VIEW (widget);

  if (!self->measured)
    measure_columns (self);
  fit_columns (self, width);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
vp_list_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vp_list_view_parent_class)->unmap (widget);
  vp_row_model_set_paused (VP_LIST_VIEW (widget)->rows, TRUE);
}

static void
vp_list_view_class_init (VpListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_list_view_constructed;
  object_class->dispose = vp_list_view_dispose;
  object_class->finalize = vp_list_view_finalize;
  object_class->set_property = vp_list_view_set_property;
  widget_class->map = vp_list_view_map;
  widget_class->unmap = vp_list_view_unmap;
  widget_class->measure = vp_list_view_measure;
  widget_class->size_allocate = vp_list_view_size_allocate;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER]
    = g_param_spec_object ("filter", NULL, NULL, VP_TYPE_ACTION_FILTER,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpListView::action-activated:
   * @action: the action whose row was activated (double click, Enter)
   */
  signals[ACTION_ACTIVATED]
    = g_signal_new ("action-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, VP_TYPE_ACTION);
  /* "done" and "failed" are VpView's */

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VpListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VpListView, no_match);
  gtk_widget_class_bind_template_child (widget_class, VpListView, no_match_button);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_install_action (widget_class, "list.set-status", "(ss)", set_status_action_cb);
}

static void
vp_list_view_init (VpListView *self)
{
  self->watches = g_hash_table_new (NULL, NULL);
  self->stale = g_hash_table_new (NULL, NULL);
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->local = g_time_zone_new_local ();
  self->heading_attributes = pango_attr_list_new ();
  pango_attr_list_insert (self->heading_attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_list_view_new:
 * @filter: the search and facets, shared with the other views
 */
GtkWidget *
vp_list_view_new (VpStore *store, VpActionFilter *filter)
{
  return g_object_new (VP_TYPE_LIST_VIEW, "store", store, "filter", filter, NULL);
}

/**
 * vp_list_view_set_plan:
 * @plan: (nullable): the plan whose actions to list
 */
void
vp_list_view_set_plan (VpListView *self, VpPlan *plan)
{
  g_return_if_fail (VP_IS_LIST_VIEW (self));

  if (!g_set_object (&self->plan, plan))
    return;
  update_groups (self);
  gtk_filter_changed (GTK_FILTER (self->row_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * vp_list_view_get_rows:
 *
 * Returns: (transfer none): the rows shown, a GtkSelectionModel of VpRows:
 *   each priority followed by its actions (see vp_list_view_get_record())
 */
GListModel *
vp_list_view_get_rows (VpListView *self)
{
  g_return_val_if_fail (VP_IS_LIST_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * vp_list_view_get_selected_action:
 *
 * Returns: (transfer none) (nullable): the action of the selected row
 */
VpAction *
vp_list_view_get_selected_action (VpListView *self)
{
  gpointer record;

  g_return_val_if_fail (VP_IS_LIST_VIEW (self), NULL);
  record
    = vp_row_model_get_record (self->rows, gtk_single_selection_get_selected (self->selection));
  return VP_IS_ACTION (record) ? VP_ACTION (record) : NULL;
}

/**
 * vp_list_view_get_record:
 * @position: a row's position in vp_list_view_get_rows()
 *
 * Returns: (transfer none) (nullable): the VpPriority or VpAction the row
 *   shows
 */
gpointer
vp_list_view_get_record (VpListView *self, guint position)
{
  g_return_val_if_fail (VP_IS_LIST_VIEW (self), NULL);
  return vp_row_model_get_record (self->rows, position);
}

/* Selects @action's row, scrolls it into view and gives it the focus;
 * FALSE when no row shows it (yet: rows are published after the frame). */
static gboolean
select_row_of (VpListView *self, VpAction *action)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    if (vp_row_model_get_record (self->rows, i) == (gpointer) action)
      {
        gtk_single_selection_set_selected (self->selection, i);
        for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
             child != NULL; child = gtk_widget_get_next_sibling (child))
          if (GTK_IS_LIST_VIEW (child))
            gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
        return TRUE;
      }
  return FALSE;
}

static gboolean
select_later_cb (gpointer data)
{
  VpListView *self = data;
  VpAction *action = g_object_get_data (G_OBJECT (self), "vp-select-later");
  int tries = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "vp-select-tries"));

  if (action == NULL || select_row_of (self, action) || tries >= 10)
    {
      g_object_set_data (G_OBJECT (self), "vp-select-later", NULL);
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (self), "vp-select-tries", GINT_TO_POINTER (tries + 1));
  return G_SOURCE_CONTINUE;
}

/**
 * vp_list_view_select_action:
 *
 * Selects @action's row, scrolls it into view and focuses it: at once
 * when its row is there, else once the list has it (a new action).
 */
void
vp_list_view_select_action (VpListView *self, VpAction *action)
{
  g_return_if_fail (VP_IS_LIST_VIEW (self));
  g_return_if_fail (VP_IS_ACTION (action));

  if (select_row_of (self, action))
    return;
  g_object_set_data_full (G_OBJECT (self), "vp-select-later", g_object_ref (action),
                          g_object_unref);
  g_object_set_data (G_OBJECT (self), "vp-select-tries", GINT_TO_POINTER (0));
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 50, select_later_cb, g_object_ref (self),
                      g_object_unref);
}
