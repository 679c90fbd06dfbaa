/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-action-filter.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-cell-text.h"
#include "vp-format.h"
#include "vp-matrix-view.h"
#include "vp-row-model.h"
#include "vp-swatch.h"
#include "vp-view.h"

/*
 * The partner matrix, for the driehoek: the plan's actions as rows, the
 * participating municipalities as columns, each municipality's status of
 * the action in the cells as its last file (or this database, for the home
 * municipality) says, and the action's status as a whole at the end.
 *
 * A cell shows a municipality's status of the action as a sign and a
 * word ("◐ In progress"): the lead's status of an action one municipality
 * leads ("—" under the others), each one's part of an action of each
 * municipality (planned while it has none), and of a joint action the
 * shared status under every participant (the one set last, see
 * vp_action_get_status()). Its tooltip says when and by whom it was set.
 * A legend under the table says what the signs mean.
 *
 * The actions are grouped under their priorities, as in the list (a
 * heading row before each priority's actions, left out when a search
 * leaves it none). The activity column stays in place while the
 * municipalities' columns scroll sideways: two column views side by side
 * over one model, one vertical adjustment, rows of one height. The
 * activity view takes the focus (one Tab stop, the arrows move among the
 * rows, Left and Right scroll the municipalities); a row's focus lands on
 * its activity, described to a screen reader by every municipality's
 * status in words.
 */

/* The least width of the activity column, beside which the
 * municipalities' columns scroll */
#define ACTIVITY_MIN_WIDTH 280
/* around a status in its cell, and around a column's title */
#define CELL_PADDING  28
#define TITLE_PADDING 22

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

  /* the activity column, in place */
  GtkWidget *box;
  GtkWidget *activity_scroller;
  GtkColumnView *activity_view;
  /* the municipalities' and the overall column, scrolling sideways */
  GtkWidget *scroller;
  GtkColumnView *column_view;
  GtkWidget *legend;
  GtkWidget *short_names;
  GtkSizeGroup *headers;

  VpStore *store;
  VpActionFilter *filter;
  VpPlan *plan;
  GtkCustomFilter *row_filter;
  VpRowModel *rows;
  GtkNoSelection *selection;
  /* the bound cells (GtkListItems), refreshed when a status changes */
  GHashTable *bound;
  /* a priority's title in the activity column */
  PangoAttrList *heading_attributes;
  /* a municipality's column, as wide as its widest status */
  int column_width;
};

/* VpView: what it shows */
static VpStore *
view_get_store (VpView *view)
{
  return VP_MATRIX_VIEW (view)->store;
}

static VpPlan *
view_get_plan (VpView *view)
{
  return VP_MATRIX_VIEW (view)->plan;
}

static VpActionFilter *
view_get_filter (VpView *view)
{
  return VP_MATRIX_VIEW (view)->filter;
}

static void
view_iface_init (VpViewInterface *iface)
{
  iface->get_store = view_get_store;
  iface->get_plan = view_get_plan;
  iface->get_filter = view_get_filter;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VpMatrixView,
                               vp_matrix_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VP_TYPE_VIEW, view_iface_init))

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

static char *
format_status (VpStatus status)
{
  return g_strdup_printf ("%s %s", vp_format_status_sign (status),
                          vp_enum_get_label (VP_TYPE_STATUS, status));
}

static const char *
name_of (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

/* Which status a cell shows: FALSE where @municipality keeps none of
 * @action (another leads it), else its record (NULL while planned) and
 * status. A joint action's shared status shows under every participant. */
static gboolean
find_cell_status (VpMatrixView *self,
                  VpAction *action,
                  const char *municipality,
                  VpActionStatus **record,
                  VpStatus *status)
{
  const char *const *participants = vp_action_get_participants (self->store, action);

  *record = NULL;
  switch (vp_action_get_status_rule (self->store, action))
    {
    case VP_STATUS_RULE_SHARED:
      if (participants == NULL || !g_strv_contains (participants, municipality))
        return FALSE;
      *record = vp_action_find_shown_status (self->store, action);
      break;
    case VP_STATUS_RULE_LEAD:
      if (g_strcmp0 (vp_action_get_lead (action), municipality) != 0)
        return FALSE;
      /* fall through */
    case VP_STATUS_RULE_EACH:
    default:
      *record
        = vp_store_find_status (self->store, vp_record_get_uuid (VP_RECORD (action)), municipality);
    }
  *status = *record != NULL ? vp_action_status_get_status (*record) : VP_STATUS_PLANNED;
  return TRUE;
}

/**
 * vp_matrix_view_dup_cell_text:
 * @municipality: a municipality code
 *
 * Returns: (transfer full): what the matrix shows for @municipality's
 *   status of @action: a status's sign and word ("✓ Done"; of a joint
 *   action the shared status), or "—" where it keeps none
 */
char *
vp_matrix_view_dup_cell_text (VpMatrixView *self, VpAction *action, const char *municipality)
{
  VpActionStatus *record;
  VpStatus status;

  g_return_val_if_fail (VP_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (VP_IS_ACTION (action), NULL);

  if (!find_cell_status (self, action, municipality, &record, &status))
    /* Translators: in the partner matrix, a municipality that keeps no
     * status of the action */
    return g_strdup (C_ ("status", "—"));
  return format_status (status);
}

/* The action as a whole: "◐ In progress · overdue", or in words alone
 * for a screen reader */
static char *
dup_overall_text (VpMatrixView *self, VpAction *action, gboolean sign)
{
  VpStatus overall = vp_action_get_overall_status (self->store, action);
  g_autofree char *status
    = sign ? format_status (overall) : g_strdup (vp_enum_get_label (VP_TYPE_STATUS, overall));

  if (vp_action_is_overdue (self->store, action))
    /* Translators: an action whose quarter has passed: "Planned · overdue" */
    return g_strdup_printf (_ ("%s · overdue"), status);
  return g_steal_pointer (&status);
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

/* What a screen reader says of an action's row beside its text: the
 * status of each municipality that keeps one, in words, and the action as
 * a whole (the municipalities' columns are left out of the accessible
 * tree: their rows cannot take the focus). */
static char *
describe_statuses (VpMatrixView *self, VpAction *action)
{
  const char *const *participants
    = self->plan != NULL ? vp_record_get_strv (VP_RECORD (self->plan), "participants") : NULL;
  g_autoptr (GString) words = g_string_new (NULL);
  g_autofree char *overall = dup_overall_text (self, action, FALSE);
  g_autofree char *spoken = NULL;

  for (gsize i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      VpActionStatus *record;
      VpStatus status;

      if (!find_cell_status (self, action, participants[i], &record, &status))
        continue;
      /* Translators: a municipality's status of an action: "Barneveld: done" */
      g_string_append_printf (words, _ ("%s: %s"), name_of (self->store, participants[i]),
                              vp_enum_get_label (VP_TYPE_STATUS, status));
      g_string_append (words, "; ");
    }
  /* Translators: a municipality's status of an action: "Barneveld: done" */
  g_string_append_printf (words, _ ("%s: %s"), _ ("Overall"), overall);
  /* "Planned · overdue" read as "Planned, overdue" */
  spoken = vp_accessible_spoken (words->str);
  return spoken != NULL ? g_steal_pointer (&spoken)
                        : g_string_free (g_steal_pointer (&words), FALSE);
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

/* A priority's heading (its colour and title), or an action's number and
 * text, described by its statuses. */
static void
refresh_activity (VpMatrixView *self, GtkListItem *item, gpointer record)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  VpCellText *text = VP_CELL_TEXT (gtk_widget_get_last_child (box));
  g_autofree char *shown = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_child_visible (swatch, VP_IS_PRIORITY (record));
  if (VP_IS_PRIORITY (record))
    {
      shown = vp_format_priority (self->store, record);
      vp_swatch_set_colour (VP_SWATCH (swatch), vp_priority_get_colour (record));
      vp_cell_text_set_attributes (text, self->heading_attributes);
      vp_cell_text_set_yalign (text, 0.5);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      VpPriority *priority = vp_store_lookup_priority_of (self->store, record);
      VpRecord *subtheme = vp_store_lookup (self->store, vp_action_get_subtheme (record));

      /* "1A  We organiseren …" */
      shown = g_strdup_printf (
        "%d%s  %s", priority != NULL ? vp_priority_get_number (priority) : 0,
        VP_IS_SUBTHEME (subtheme) ? vp_subtheme_get_letter (VP_SUBTHEME (subtheme)) : "",
        vp_action_get_text (record));
      vp_cell_text_set_attributes (text, NULL);
      vp_cell_text_set_yalign (text, 0);
      spoken = spoken_activity (priority, subtheme, record);
      description = describe_statuses (self, record);
      gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  vp_cell_text_set_text (text, shown);
  if (spoken != NULL)
    vp_cell_text_set_spoken (text, spoken);
}

static void
refresh_cell (VpMatrixView *self, GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "vp-column");
  VpRow *row = gtk_list_item_get_item (item);
  gpointer record = row != NULL ? vp_row_get_record (row) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  VpActionStatus *status_record;
  VpStatus status;
  int shown_status = -1;
  gboolean overdue = FALSE;

  /* the record shown, to see after a search whether it is another */
  g_object_set_data_full (G_OBJECT (item), "vp-shown",
                          record != NULL ? g_object_ref (record) : NULL, g_object_unref);
  if (column->kind == COLUMN_ACTIVITY)
    {
      if (record != NULL)
        refresh_activity (self, item, record);
      return;
    }
  if (VP_IS_ACTION (record) && column->kind == COLUMN_MUNICIPALITY)
    {
      text = vp_matrix_view_dup_cell_text (self, record, column->municipality);
      if (find_cell_status (self, record, column->municipality, &status_record, &status))
        shown_status = status;
    }
  else if (VP_IS_ACTION (record))
    {
      text = dup_overall_text (self, record, TRUE);
      shown_status = vp_action_get_overall_status (self->store, record);
      overdue = vp_action_is_overdue (self->store, record);
    }
  vp_cell_text_set_text (VP_CELL_TEXT (label), text);
  set_status_class (label, shown_status);
  if (overdue)
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

/* "3 Mar 2024" */
static char *
format_when (VpRecord *record)
{
  g_autoptr (GDateTime) utc
    = g_date_time_new_from_iso8601 (vp_record_get_modified_at (record), NULL);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* Translators: a date in a tooltip, see strftime(3): "3 Mar 2024" */
  return local != NULL ? g_date_time_format (local, _ ("%-d %b %Y")) : g_strdup ("");
}

/* When the status in a cell was set (and of a shared one, by whom). */
static char *
describe_cell (VpMatrixView *self, VpAction *action, const char *municipality)
{
  VpActionStatus *status;
  VpStatus value;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (!find_cell_status (self, action, municipality, &status, &value) || status == NULL)
    return NULL;
  when = format_when (VP_RECORD (status));
  if (vp_action_get_status_rule (self->store, action) == VP_STATUS_RULE_SHARED)
    /* Translators: the tooltip of a joint action's status in the partner
     * matrix: "Shared status, set by Rhenen on 3 Mar 2024" */
    text
      = g_strdup_printf (_ ("Shared status, set by %s on %s"),
                         name_of (self->store, vp_action_status_get_municipality (status)), when);
  else
    /* Translators: the tooltip of a status in the partner matrix: "Set on 3 Mar 2024" */
    text = g_strdup_printf (_ ("Set on %s"), when);
  if (*vp_action_status_get_note (status) != '\0')
    {
      g_autofree char *with_note = g_steal_pointer (&text);

      text = g_strdup_printf ("%s\n%s", with_note, vp_action_status_get_note (status));
    }
  return g_steal_pointer (&text);
}

static gboolean
on_query_tooltip_cb (
  GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "vp-column");
  VpMatrixView *self = VP_MATRIX_VIEW (gtk_widget_get_ancestor (label, VP_TYPE_MATRIX_VIEW));
  VpRow *row = gtk_list_item_get_item (item);
  gpointer record = row != NULL ? vp_row_get_record (row) : NULL;
  g_autofree char *text = NULL;

  if (!VP_IS_ACTION (record) || column->kind == COLUMN_OVERALL)
    return FALSE;
  if (column->kind == COLUMN_ACTIVITY)
    text = vp_format_display_paragraphs (vp_action_get_text (record));
  else
    text = describe_cell (self, record, column->municipality);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Every cell is two lines high, in both views, so that their rows are
 * of one height and one vertical adjustment scrolls both. */
static GtkWidget *
make_text (VpMatrixView *self, GtkListItem *item, int min_chars, int nat_chars)
{
  GtkWidget *text = vp_cell_text_new (min_chars, nat_chars, 2, 2);

  gtk_widget_set_valign (text, GTK_ALIGN_START);
  gtk_widget_set_has_tooltip (text, TRUE);
  g_signal_connect (text, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), item);
  return text;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *column)
{
  VpMatrixView *self = g_object_get_data (G_OBJECT (factory), "vp-matrix-view");

  g_object_set_data (G_OBJECT (item), "vp-column", column);
  if (column->kind == COLUMN_ACTIVITY)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "valign", GTK_ALIGN_CENTER, NULL);
      GtkWidget *text = make_text (self, item, 20, 70);

      gtk_widget_set_hexpand (text, TRUE);
      /* the row's focus lands on its activity, which a screen reader can
       * name (GTK 4.8 names the row after its type) */
      gtk_widget_set_focusable (text, TRUE);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, make_text (self, item, 4, 10));
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

/* A search or sort put other records in the rows. */
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

static GtkColumnViewColumn *
add_column (VpMatrixView *self,
            GtkColumnView *view,
            const char *title,
            ColumnKind kind,
            const char *municipality)
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
  if (kind == COLUMN_ACTIVITY)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (view_column, self->column_width);
  gtk_column_view_append_column (view, view_column);
  return view_column;
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

/* How wide @text is in the view's font, bold for a column's title. */
static int
text_width (VpMatrixView *self, const char *text, gboolean bold)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  if (bold)
    pango_layout_set_attributes (layout, self->heading_attributes);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A municipality's column is as wide as the widest status in it, and
 * the cell's padding. */
static int
measure_column_width (VpMatrixView *self)
{
  int widest = 0;

  for (int status = VP_STATUS_PLANNED; status <= VP_STATUS_CANCELLED; status++)
    {
      g_autofree char *text = format_status (status);

      widest = MAX (widest, text_width (self, text, FALSE));
    }
  return widest + CELL_PADDING;
}

/* The title of each of @view's columns (a GtkColumnView's header row
 * holds one per column, in their order): the whole name where a column
 * shows a short name. */
static void
set_title_tooltips (GtkColumnView *view, GPtrArray *tooltips)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *title
    = header != NULL && !GTK_IS_LIST_VIEW (header) ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; title != NULL && i < tooltips->len;
       i++, title = gtk_widget_get_next_sibling (title))
    gtk_widget_set_tooltip_text (title, g_ptr_array_index (tooltips, i));
}

/* A municipality's column: titled with its name, as wide as that or as
 * its widest status; where the name is much wider, with its short name
 * ("UH"), which the legend and the title's tooltip spell out. */
static void
add_municipality (VpMatrixView *self, const char *code, GString *short_names, GPtrArray *tooltips)
{
  const char *name = name_of (self->store, code);
  int width = text_width (self, name, TRUE) + TITLE_PADDING;
  g_autofree char *short_name = NULL;

  if (width <= self->column_width * 13 / 10)
    {
      gtk_column_view_column_set_fixed_width (
        add_column (self, self->column_view, name, COLUMN_MUNICIPALITY, code),
        MAX (width, self->column_width));
      g_ptr_array_add (tooltips, NULL);
      return;
    }
  short_name = vp_format_short_name (self->store, code);
  add_column (self, self->column_view, short_name, COLUMN_MUNICIPALITY, code);
  if (short_names->len > 0)
    g_string_append (short_names, "  ·  ");
  /* Translators: a short name in the partner matrix's legend: "UH: Utrechtse Heuvelrug" */
  g_string_append_printf (short_names, _ ("%s: %s"), short_name, name);
  g_ptr_array_add (tooltips, g_strdup (name));
}

/* One column per participating municipality of the plan. */
static void
rebuild_columns (VpMatrixView *self)
{
  const char *const *participants
    = self->plan != NULL ? vp_record_get_strv (VP_RECORD (self->plan), "participants") : NULL;
  g_autoptr (GString) short_names = g_string_new (NULL);
  g_autoptr (GPtrArray) tooltips = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the partner matrix's last column: the action's status
   * as a whole (of an action of each municipality, all of theirs in one) */
  const char *overall = _ ("Overall");

  remove_columns (self->activity_view);
  remove_columns (self->column_view);
  self->column_width = measure_column_width (self);
  add_column (self, self->activity_view, _ ("Activity"), COLUMN_ACTIVITY, NULL);
  for (gsize i = 0; participants != NULL && participants[i] != NULL; i++)
    add_municipality (self, participants[i], short_names, tooltips);
  gtk_column_view_column_set_fixed_width (
    add_column (self, self->column_view, overall, COLUMN_OVERALL, NULL),
    MAX (self->column_width, text_width (self, overall, TRUE) + TITLE_PADDING));
  set_title_tooltips (self->column_view, tooltips);
  gtk_label_set_text (GTK_LABEL (self->short_names), short_names->str);
  gtk_widget_set_visible (self->short_names, short_names->len > 0);
}

static gboolean
row_shown (gpointer record, gpointer data)
{
  VpMatrixView *self = data;
  VpPriority *priority
    = VP_IS_PRIORITY (record) ? record : vp_store_lookup_priority_of (self->store, record);

  return self->plan != NULL && priority != NULL
         && g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
              == 0
         && (VP_IS_PRIORITY (record) || gtk_filter_match (GTK_FILTER (self->filter), record));
}

/* A priority's heading shows only with actions under it. */
static VpRowKind
row_kind (gpointer record, gpointer data)
{
  return VP_IS_PRIORITY (record) ? VP_ROW_HEADING_OF_ITEMS : VP_ROW_ITEM;
}

static int
compare_numbers (int a, int b)
{
  return (a > b) - (a < b);
}

/* By priority, its heading first, then as the store orders them (by
 * position), as in the list. */
static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  VpMatrixView *self = data;
  VpPriority *pa = VP_IS_PRIORITY ((gpointer) a)
                     ? (gpointer) a
                     : vp_store_lookup_priority_of (self->store, (gpointer) a);
  VpPriority *pb = VP_IS_PRIORITY ((gpointer) b)
                     ? (gpointer) b
                     : vp_store_lookup_priority_of (self->store, (gpointer) b);
  int by_number = compare_numbers (pa != NULL ? vp_priority_get_number (pa) : G_MAXINT,
                                   pb != NULL ? vp_priority_get_number (pb) : G_MAXINT);

  if (by_number != 0)
    return by_number;
  if (pa == pb || pa == NULL || pb == NULL)
    return compare_numbers (VP_IS_ACTION ((gpointer) a), VP_IS_ACTION ((gpointer) b));
  /* two plans' priorities of one number */
  return g_strcmp0 (vp_record_get_uuid (VP_RECORD (pa)), vp_record_get_uuid (VP_RECORD (pb)));
}

static void
on_filter_changed_cb (VpMatrixView *self, GtkFilterChange change)
{
  gtk_filter_changed (GTK_FILTER (self->row_filter), change);
}

/* Left and Right, in the activity column, scroll the municipalities'
 * columns by one column. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *keys,
                   guint keyval,
                   guint keycode,
                   GdkModifierType state,
                   VpMatrixView *self)
{
  GtkAdjustment *adjustment
    = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double step = self->column_width;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -step;
  else if (keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Right)
    return FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return TRUE;
}

static void
vp_matrix_view_constructed (GObject *object)
{
  VpMatrixView *self = VP_MATRIX_VIEW (object);
  g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_rows, self, NULL);
  g_autoptr (GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GtkFlattenListModel) records = NULL;

  G_OBJECT_CLASS (vp_matrix_view_parent_class)->constructed (object);
  g_list_store_append (parts, vp_store_get_records (self->store, VP_TYPE_PRIORITY));
  g_list_store_append (parts, vp_store_get_records (self->store, VP_TYPE_ACTION));
  records = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  self->row_filter = gtk_custom_filter_new (row_shown, self, NULL);
  self->rows
    = vp_row_model_new (G_LIST_MODEL (records), GTK_FILTER (self->row_filter), GTK_SORTER (sorter));
  vp_row_model_set_kind_func (self->rows, row_kind, self);
  /* one model for both views: their rows are the same */
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->activity_view, GTK_SELECTION_MODEL (self->selection));
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

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->headers);
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
  VpMatrixView *self = VP_MATRIX_VIEW (object);

  g_hash_table_unref (self->bound);
  pango_attr_list_unref (self->heading_attributes);

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

static GtkColumnView *
make_view (VpMatrixView *self)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "matrix");
  vp_accessible_name_inner_list (view, _ ("Status of each action per municipality"));
  /* the rows of both line up under column titles of one height */
  if (header != NULL && !GTK_IS_LIST_VIEW (header))
    gtk_size_group_add_widget (self->headers, header);
  return view;
}

static GtkWidget *
make_scroller (GtkColumnView *view)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

/* The activity column in place at the left; the municipalities' columns
 * beside it as wide as they are, scrolling sideways where the window is
 * narrower, under one vertical scroll bar (theirs). */
static void
init_views (VpMatrixView *self)
{
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->activity_view = make_view (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->activity_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Status of each action per municipality"), -1);
  self->activity_scroller = make_scroller (self->activity_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->activity_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_EXTERNAL);
  gtk_widget_set_size_request (self->activity_scroller, ACTIVITY_MIN_WIDTH, -1);
  gtk_widget_set_hexpand (self->activity_scroller, TRUE);
  self->column_view = make_view (self);
  /* the keyboard stays in the activity column (one Tab stop) */
  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), FALSE);
  self->scroller = make_scroller (self->column_view);
  /* its rows would take the focus from a screen reader's pointer (GTK 4.8
   * has no way to say they cannot); the activity's description has what
   * they show */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->scroller), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_vadjustment (
    GTK_SCROLLED_WINDOW (self->activity_scroller),
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)));
  /* one stop of the Tab key; the arrows move among the rows */
  vp_accessible_single_tab_stop (GTK_WIDGET (self->activity_view));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->activity_view), keys);
  gtk_box_append (GTK_BOX (panes), self->activity_scroller);
  gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (panes), self->scroller);
  gtk_box_append (GTK_BOX (self->box), panes);
}

static GtkWidget *
add_legend_label (GtkWidget *box, const char *text, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* Under the table, what each sign and column means. */
static void
init_legend (VpMatrixView *self)
{
  GtkWidget *signs = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  self->legend = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->legend, "matrix-legend");
  gtk_widget_add_css_class (self->legend, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Legend"), -1);
  for (int status = VP_STATUS_PLANNED; status <= VP_STATUS_CANCELLED; status++)
    {
      g_autofree char *text = format_status (status);

      set_status_class (add_legend_label (signs, text, FALSE), status);
    }
  /* Translators: the partner matrix's legend: what "—" in a cell means */
  add_legend_label (signs, _ ("— Another municipality leads the action"), TRUE);
  gtk_box_append (GTK_BOX (self->legend), signs);
  gtk_widget_add_css_class (
    add_legend_label (self->legend,
                      /* Translators: the partner matrix's legend */
                      _ ("A joint action has one shared status, shown under every municipality "
                         "taking part. Overall: the action as a whole; of an action of each "
                         "municipality, done when all are done, in progress once one has begun. "
                         "Overdue: its quarter has passed and it is not done."),
                      TRUE),
    "dim-label");
  self->short_names = add_legend_label (self->legend, NULL, TRUE);
  gtk_widget_add_css_class (self->short_names, "dim-label");
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), self->legend);
}

static void
vp_matrix_view_init (VpMatrixView *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->heading_attributes = pango_attr_list_new ();
  pango_attr_list_insert (self->heading_attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  self->headers = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  init_views (self);
  init_legend (self);
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
 * Returns: (transfer none): the rows, VpRows of the priorities (headings)
 *   and actions shown
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
 * Returns: (transfer none) (nullable): the priority (a heading) or action
 *   at @position
 */
gpointer
vp_matrix_view_get_record (VpMatrixView *self, guint position)
{
  g_return_val_if_fail (VP_IS_MATRIX_VIEW (self), NULL);
  return vp_row_model_get_record (self->rows, position);
}
