/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "model/vp-action-filter.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-cell-text.h"
#include "vp-format.h"
#include "vp-matrix-view.h"
#include "vp-row-model.h"

/*
 * The partner matrix, for the driehoek: the plan's actions as rows, the
 * participating municipalities as columns, each municipality's status of
 * the action in the cells as its last file (or this database, for the home
 * municipality) says, and the action's status as a whole at the end.
 *
 * A cell shows a municipality's own status record: the lead's status of an
 * action one municipality leads ("—" under the others), each one's part of
 * an action of each municipality (planned while it has none), and, of a
 * joint action, the status each set (the one set last counts, see
 * vp_action_get_status()). Its tooltip says when it was set.
 */

typedef enum
{
  COLUMN_ACTIVITY,
  COLUMN_MUNICIPALITY,
  COLUMN_OVERALL,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  char *municipality;
} Column;

struct _VpMatrixView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkColumnView *column_view;

  VpStore *store;
  VpActionFilter *filter;
  VpPlan *plan;
  GtkCustomFilter *row_filter;
  VpRowModel *rows;
  GtkNoSelection *selection;
  /* the bound cells (GtkListItems), refreshed when a status changes */
  GHashTable *bound;
};

G_DEFINE_FINAL_TYPE (VpMatrixView, vp_matrix_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
column_free (Column *column)
{
  g_free (column->municipality);
  g_free (column);
}

/**
 * vp_matrix_view_dup_cell_text:
 * @municipality: a municipality code
 *
 * Returns: (transfer full): what the matrix shows for @municipality's
 *   status of @action: a status, or "—" where it keeps none
 */
char *
vp_matrix_view_dup_cell_text (VpMatrixView *self, VpAction *action, const char *municipality)
{
  VpActionStatus *status
    = vp_store_find_status (self->store, vp_record_get_uuid (VP_RECORD (action)), municipality);
  VpStatusRule rule = vp_action_get_status_rule (self->store, action);

  if (status != NULL)
    return g_strdup (vp_enum_get_label (VP_TYPE_STATUS, vp_action_status_get_status (status)));
  if (rule == VP_STATUS_RULE_EACH
      || (rule == VP_STATUS_RULE_LEAD
          && g_strcmp0 (vp_action_get_lead (action), municipality) == 0))
    return g_strdup (vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_PLANNED));
  /* Translators: in the partner matrix, a municipality that keeps no
   * status of the action */
  return g_strdup (C_ ("status", "—"));
}

static const char *status_classes[]
  = { "planned", "in-progress", "done", "postponed", "cancelled" };

static void
set_status_class (GtkWidget *label, int status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if ((int) i == status)
        gtk_widget_add_css_class (label, status_classes[i]);
      else
        gtk_widget_remove_css_class (label, status_classes[i]);
    }
}

/* "1A  We organiseren …" as a screen reader says it. */
static char *
spoken_activity (VpPriority *priority, VpRecord *subtheme, VpAction *action)
{
  int number = priority != NULL ? vp_priority_get_number (priority) : 0;

  if (VP_IS_SUBTHEME (subtheme))
    /* Translators: a matrix row's activity read aloud, for "1A  We organiseren …" */
    return g_strdup_printf (_ ("Priority %d, sub-theme %s: %s"), number,
                            vp_subtheme_get_letter (VP_SUBTHEME (subtheme)),
                            vp_action_get_text (action));
  /* Translators: a matrix row's activity read aloud, for "1  We organiseren …" */
  return g_strdup_printf (_ ("Priority %d: %s"), number, vp_action_get_text (action));
}

static void
refresh_cell (VpMatrixView *self, GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "vp-column");
  VpRow *row = gtk_list_item_get_item (item);
  VpAction *action = row != NULL ? vp_row_get_record (row) : NULL;
  VpCellText *label = VP_CELL_TEXT (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  int status = -1;
  gboolean overdue = FALSE;

  /* the record shown, to see after a search whether it is another */
  g_object_set_data_full (G_OBJECT (item), "vp-shown",
                          action != NULL ? g_object_ref (action) : NULL, g_object_unref);
  if (action == NULL)
    {
      vp_cell_text_set_text (label, NULL);
      return;
    }
  switch (column->kind)
    {
    case COLUMN_ACTIVITY:
      {
        VpPriority *priority = vp_store_lookup_priority_of (self->store, action);
        VpRecord *subtheme = vp_store_lookup (self->store, vp_action_get_subtheme (action));

        /* "1A  We organiseren …" */
        text = g_strdup_printf (
          "%d%s  %s", priority != NULL ? vp_priority_get_number (priority) : 0,
          VP_IS_SUBTHEME (subtheme) ? vp_subtheme_get_letter (VP_SUBTHEME (subtheme)) : "",
          vp_action_get_text (action));
        spoken = spoken_activity (priority, subtheme, action);
        break;
      }
    case COLUMN_MUNICIPALITY:
      {
        VpActionStatus *record = vp_store_find_status (
          self->store, vp_record_get_uuid (VP_RECORD (action)), column->municipality);

        text = vp_matrix_view_dup_cell_text (self, action, column->municipality);
        if (record != NULL)
          status = vp_action_status_get_status (record);
        break;
      }
    case COLUMN_OVERALL:
    default:
      status = vp_action_get_overall_status (self->store, action);
      overdue = vp_action_is_overdue (self->store, action);
      if (overdue)
        /* Translators: an action whose quarter has passed: "Planned · overdue" */
        text = g_strdup_printf (_ ("%s · overdue"), vp_enum_get_label (VP_TYPE_STATUS, status));
      else
        text = g_strdup (vp_enum_get_label (VP_TYPE_STATUS, status));
      break;
    }
  vp_cell_text_set_text (label, text);
  if (spoken != NULL)
    vp_cell_text_set_spoken (label, spoken);
  set_status_class (GTK_WIDGET (label), status);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "overdue");
}

/* When and by whom the status in a cell was set. */
static gboolean
on_query_tooltip_cb (
  GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "vp-column");
  VpMatrixView *self = VP_MATRIX_VIEW (gtk_widget_get_ancestor (label, VP_TYPE_MATRIX_VIEW));
  VpRow *row = gtk_list_item_get_item (item);
  VpAction *action = row != NULL ? vp_row_get_record (row) : NULL;
  VpActionStatus *status;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (action == NULL || column->kind == COLUMN_OVERALL)
    return FALSE;
  if (column->kind == COLUMN_ACTIVITY)
    {
      g_autofree char *shown = vp_format_display_paragraphs (vp_action_get_text (action));

      gtk_tooltip_set_text (tooltip, shown);
      return TRUE;
    }
  status = vp_store_find_status (self->store, vp_record_get_uuid (VP_RECORD (action)),
                                 column->municipality);
  if (status == NULL)
    return FALSE;
  utc = g_date_time_new_from_iso8601 (vp_record_get_modified_at (VP_RECORD (status)), NULL);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: a date in a tooltip, see strftime(3): "3 Mar 2024" */
  when = local != NULL ? g_date_time_format (local, _ ("%-d %b %Y")) : g_strdup ("");
  /* Translators: the tooltip of a status in the partner matrix: "Set on 3 Mar 2024" */
  text = g_strdup_printf (_ ("Set on %s"), when);
  if (*vp_action_status_get_note (status) != '\0')
    {
      g_autofree char *with_note = g_steal_pointer (&text);

      text = g_strdup_printf ("%s\n%s", with_note, vp_action_status_get_note (status));
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  gboolean activity = column->kind == COLUMN_ACTIVITY;
  GtkWidget *label = vp_cell_text_new (activity ? 30 : 8, activity ? 70 : 12, activity ? 2 : 1, 2);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, activity);
  /* the row's focus lands on its activity, which a screen reader can name
   * (GTK 4.8 names the row after its type) */
  gtk_widget_set_focusable (label, activity);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), item);
  g_object_set_data (G_OBJECT (item), "vp-column", column);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  VpMatrixView *self = g_object_get_data (G_OBJECT (factory), "vp-matrix-view");

  g_hash_table_add (self->bound, item);
  refresh_cell (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  VpMatrixView *self = g_object_get_data (G_OBJECT (factory), "vp-matrix-view");

  g_hash_table_remove (self->bound, item);
}

static void
on_statuses_changed_cb (VpMatrixView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    refresh_cell (self, item);
}

/* A search or sort put other actions in the rows. */
static void
on_rows_published_cb (VpMatrixView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      VpRow *row = gtk_list_item_get_item (item);

      if (g_object_get_data (item, "vp-shown") != vp_row_get_record (row))
        refresh_cell (self, item);
    }
}

static void
add_column (VpMatrixView *self, const char *title, ColumnKind kind, const char *municipality)
{
  Column *column = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  column->kind = kind;
  column->municipality = g_strdup (municipality);
  g_object_set_data (G_OBJECT (factory), "vp-matrix-view", self);
  g_object_set_data_full (G_OBJECT (factory), "vp-column", column, (GDestroyNotify) column_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (kind == COLUMN_ACTIVITY)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (view_column, 130);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* One column per participating municipality of the plan. */
static void
rebuild_columns (VpMatrixView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  const char *const *participants
    = self->plan != NULL ? vp_record_get_strv (VP_RECORD (self->plan), "participants") : NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  add_column (self, _ ("Activity"), COLUMN_ACTIVITY, NULL);
  for (gsize i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      VpOrganisation *organisation = vp_store_lookup_organisation (self->store, participants[i]);

      add_column (self,
                  organisation != NULL ? vp_organisation_get_name (organisation) : participants[i],
                  COLUMN_MUNICIPALITY, participants[i]);
    }
  /* Translators: the partner matrix's last column: the action's status as a whole */
  add_column (self, _ ("Overall"), COLUMN_OVERALL, NULL);
}

static gboolean
row_shown (gpointer record, gpointer data)
{
  VpMatrixView *self = data;
  VpPriority *priority = vp_store_lookup_priority_of (self->store, record);

  return self->plan != NULL && priority != NULL
         && g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
              == 0
         && gtk_filter_match (GTK_FILTER (self->filter), record);
}

/* By priority, then as the store orders them (by position). */
static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  VpMatrixView *self = data;
  VpPriority *pa = vp_store_lookup_priority_of (self->store, (gpointer) a);
  VpPriority *pb = vp_store_lookup_priority_of (self->store, (gpointer) b);
  int na = pa != NULL ? vp_priority_get_number (pa) : G_MAXINT;
  int nb = pb != NULL ? vp_priority_get_number (pb) : G_MAXINT;

  return (na > nb) - (na < nb);
}

static void
on_filter_changed_cb (VpMatrixView *self, GtkFilterChange change)
{
  gtk_filter_changed (GTK_FILTER (self->row_filter), change);
}

static void
vp_matrix_view_constructed (GObject *object)
{
  VpMatrixView *self = VP_MATRIX_VIEW (object);
  g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_rows, self, NULL);

  G_OBJECT_CLASS (vp_matrix_view_parent_class)->constructed (object);
  /* one stop of the Tab key; the arrows move among the rows */
  vp_accessible_single_tab_stop (GTK_WIDGET (self->column_view));
  self->row_filter = gtk_custom_filter_new (row_shown, self, NULL);
  self->rows = vp_row_model_new (vp_store_get_records (self->store, VP_TYPE_ACTION),
                                 GTK_FILTER (self->row_filter), GTK_SORTER (sorter));
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  vp_row_model_set_paused (self->rows, !gtk_widget_get_mapped (GTK_WIDGET (self)));
  g_signal_connect_object (self->rows, "published", G_CALLBACK (on_rows_published_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_columns (self);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_ACTION_STATUS),
                           "items-changed", G_CALLBACK (on_statuses_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* a status changed in place, an action edited: after every commit */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_statuses_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Hidden, the matrix puts off following searches and changes. */
static void
vp_matrix_view_map (GtkWidget *widget)
{
  vp_row_model_set_paused (VP_MATRIX_VIEW (widget)->rows, FALSE);
  GTK_WIDGET_CLASS (vp_matrix_view_parent_class)->map (widget);
}

static void
vp_matrix_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vp_matrix_view_parent_class)->unmap (widget);
  vp_row_model_set_paused (VP_MATRIX_VIEW (widget)->rows, TRUE);
}

static void
vp_matrix_view_dispose (GObject *object)
{
  VpMatrixView *self = VP_MATRIX_VIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->row_filter);
  g_clear_object (&self->plan);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_matrix_view_parent_class)->dispose (object);
}

static void
vp_matrix_view_finalize (GObject *object)
{
  g_hash_table_unref (VP_MATRIX_VIEW (object)->bound);

  G_OBJECT_CLASS (vp_matrix_view_parent_class)->finalize (object);
}

static void
vp_matrix_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpMatrixView *self = VP_MATRIX_VIEW (object);

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

static void
vp_matrix_view_class_init (VpMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_matrix_view_constructed;
  object_class->dispose = vp_matrix_view_dispose;
  object_class->finalize = vp_matrix_view_finalize;
  object_class->set_property = vp_matrix_view_set_property;
  widget_class->map = vp_matrix_view_map;
  widget_class->unmap = vp_matrix_view_unmap;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER]
    = g_param_spec_object ("filter", NULL, NULL, VP_TYPE_ACTION_FILTER,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vp_matrix_view_init (VpMatrixView *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "matrix");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Status of each action per municipality"), -1);
  vp_accessible_name_inner_list (self->column_view, _ ("Status of each action per municipality"));
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller),
                                 GTK_WIDGET (self->column_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/**
 * vp_matrix_view_new:
 * @filter: the search and facets, shared with the other views
 */
GtkWidget *
vp_matrix_view_new (VpStore *store, VpActionFilter *filter)
{
  return g_object_new (VP_TYPE_MATRIX_VIEW, "store", store, "filter", filter, NULL);
}

/**
 * vp_matrix_view_set_plan:
 * @plan: (nullable): the plan whose actions and municipalities to show
 */
void
vp_matrix_view_set_plan (VpMatrixView *self, VpPlan *plan)
{
  g_return_if_fail (VP_IS_MATRIX_VIEW (self));

  if (!g_set_object (&self->plan, plan))
    return;
  rebuild_columns (self);
  gtk_filter_changed (GTK_FILTER (self->row_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * vp_matrix_view_get_rows:
 *
 * Returns: (transfer none): the rows, VpRows of the actions shown
 */
GListModel *
vp_matrix_view_get_rows (VpMatrixView *self)
{
  g_return_val_if_fail (VP_IS_MATRIX_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * vp_matrix_view_get_record:
 *
 * Returns: (transfer none) (nullable): the action at @position
 */
gpointer
vp_matrix_view_get_record (VpMatrixView *self, guint position)
{
  g_return_val_if_fail (VP_IS_MATRIX_VIEW (self), NULL);
  return vp_row_model_get_record (self->rows, position);
}
