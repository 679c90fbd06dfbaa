/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-after-frame.h"
#include "vp-format.h"
#include "vp-swatch.h"
#include "vp-window-private.h"

/*
 * The sidebar: "All priorities" and each priority of the plan with its
 * colour and its open and done actions (by the home municipality's
 * statuses). Choosing one narrows every view to it. A handful of rows, so
 * a GtkListBox, brought up to date (at idle, once) when priorities,
 * actions or statuses change: the counts in place, the rows made anew
 * only when the priorities changed.
 *
 * A regional plan has dozens of priorities, and a list box lays out all
 * its rows before the window's first frame. So until the window is shown
 * the sidebar makes one priority's row, to measure; then those the window
 * has room for; right after that frame the others, added below them. (A
 * window never shown keeps the one, as its list keeps its first rows.)
 */

/* The priorities' rows made before the window is shown: one. */
#define SIDEBAR_ROWS_MEASURED 1

typedef struct
{
  guint open;
  guint done;
  guint overdue;
} Counts;

/* One look at each action: a status change counts again 10,000 actions
 * after the next frame. The counts are kept for rows made later, past the
 * store's next change: the keys are copies. */
static GHashTable *
count_actions (VpWindow *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  guint n = g_list_model_get_n_items (actions);
  g_autoptr (GDateTime) now = vp_store_get_shown_now (self->store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);
      const char *priority = vp_action_get_priority (action);
      Counts *c = g_hash_table_lookup (counts, priority);
      VpStatus status = vp_action_get_overall_status (self->store, action);
      gboolean finished = status == VP_STATUS_DONE || status == VP_STATUS_CANCELLED;

      /* shown as of a date: the actions there then */
      if (!vp_store_is_shown (self->store, action))
        continue;
      if (c == NULL)
        g_hash_table_insert (counts, g_strdup (priority), (c = g_new0 (Counts, 1)));
      if (status == VP_STATUS_DONE)
        c->done++;
      else if (status != VP_STATUS_CANCELLED)
        c->open++;
      /* as vp_action_is_overdue(), with the clock read once */
      if (!finished && vp_action_quarter_has_passed (action, now))
        c->overdue++;
    }
  return counts;
}

/* The row of the priority chosen (the filter's) looks and reads
 * selected: "All priorities" when none is, none while the chosen one's
 * row is not made yet. The list box selects nothing itself: its selection
 * followed the focus, and tabbing or arrowing through the sidebar
 * narrowed every view to each priority in turn; a priority is chosen only
 * by activating its row (a click, Enter, Space), or elsewhere (a bar of
 * the evaluation's chart). */
static void
mark_chosen (VpWindow *self)
{
  g_autofree char *chosen = NULL;

  g_object_get (self->filter, "priority", &chosen, NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gboolean is_chosen
        = g_strcmp0 (g_object_get_data (G_OBJECT (row), "vp-priority"), chosen) == 0;

      if (is_chosen)
        gtk_widget_set_state_flags (row, GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_SELECTED);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, is_chosen,
                                   -1);
    }
}

/* What a row shows, set on a new row or one shown before. */
static void
show_row (GtkWidget *row, const char *colour, const char *title, const Counts *counts)
{
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "vp-swatch");
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "vp-name");
  GtkLabel *caption = g_object_get_data (G_OBJECT (row), "vp-caption");
  /* Translators: in the sidebar, a priority's actions: "12 open · 7 done" */
  g_autofree char *details = g_strdup_printf (_ ("%u open · %u done"), counts->open, counts->done);
  g_autofree char *shown = vp_format_display_text (title);

  if (swatch != NULL && colour != NULL)
    vp_swatch_set_colour (VP_SWATCH (swatch), colour);

  if (g_strcmp0 (gtk_label_get_text (name), shown) != 0)
    gtk_label_set_text (name, shown);
  if (g_strcmp0 (gtk_label_get_text (caption), details) != 0)
    {
      g_autofree char *spoken = NULL;
      g_autofree char *words = NULL;

      gtk_label_set_text (caption, details);
      /* a screen reader says the row's title and counts */
      spoken = g_strdup_printf ("%s, %s", shown, details);
      words = vp_accessible_spoken (spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      words != NULL ? words : spoken, -1);
    }
}

static GtkWidget *
make_row (const char *uuid, const char *colour, const char *title, const Counts *counts)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  if (colour != NULL)
    {
      GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "valign", GTK_ALIGN_CENTER, NULL);

      gtk_box_append (GTK_BOX (box), swatch);
      g_object_set_data (G_OBJECT (row), "vp-swatch", swatch);
    }
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  /* a long title wraps, inside a word if it must, rather than widen the
   * sidebar; past three lines it is cut short */
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 3);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (labels), caption);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "vp-priority", g_strdup (uuid), g_free);
  g_object_set_data (G_OBJECT (row), "vp-name", name);
  g_object_set_data (G_OBJECT (row), "vp-caption", caption);
  show_row (row, colour, title, counts);
  return row;
}

static void
show_overdue_count (VpWindow *self, guint overdue)
{
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->overdue_button, overdue > 0);
  label = g_strdup_printf (
    /* Translators: the summary in the sidebar, a button that shows them */
    ngettext ("%u action overdue", "%u actions overdue", overdue), overdue);
  adw_button_content_set_label (self->overdue_content, label);
}

/* The plan's priorities, in the sidebar's order. */
static GPtrArray *
plan_priorities (VpWindow *self)
{
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);
  GPtrArray *of_plan = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);

      if (g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
          == 0)
        g_ptr_array_add (of_plan, g_steal_pointer (&priority));
    }
  return of_plan;
}

/* How many rows of @priorities the sidebar has after "All priorities",
 * in their order from the first; -1 when its rows are others (or more). */
static int
rows_made (VpWindow *self, GPtrArray *priorities)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
  guint made = 0;

  if (row == NULL || g_object_get_data (G_OBJECT (row), "vp-priority") != NULL)
    return -1;
  for (row = gtk_widget_get_next_sibling (row); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (made == priorities->len
          || g_strcmp0 (g_object_get_data (G_OBJECT (row), "vp-priority"),
                        vp_record_get_uuid (g_ptr_array_index (priorities, made)))
               != 0)
        return -1;
      made++;
    }
  return (int) made;
}

/* The rows: "All priorities" and as many of the plan's priorities as the
 * sidebar makes now, with the counts last counted. */
static void
show_rows (VpWindow *self)
{
  g_autoptr (GPtrArray) priorities = plan_priorities (self);
  const Counts none = { 0, 0, 0 };
  Counts all = { 0, 0, 0 };
  int made;
  GtkWidget *row;

  for (guint i = 0; i < priorities->len; i++)
    {
      const Counts *c = g_hash_table_lookup (
        self->sidebar_counts, vp_record_get_uuid (g_ptr_array_index (priorities, i)));

      if (c != NULL)
        {
          all.open += c->open;
          all.done += c->done;
          all.overdue += c->overdue;
        }
    }
  show_overdue_count (self, all.overdue);

  /* a status change: the counts change in place; priorities added at
   * the end (or rows not made yet): the rows added */
  made = rows_made (self, priorities);
  if (made < 0)
    {
      while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
        gtk_list_box_remove (self->sidebar_list, row);
      gtk_list_box_append (self->sidebar_list, make_row (NULL, NULL, _ ("All Priorities"), &all));
      made = 0;
    }
  row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
  show_row (row, NULL, _ ("All Priorities"), &all);
  for (guint i = 0; i < priorities->len && i < self->sidebar_room; i++)
    {
      VpPriority *priority = g_ptr_array_index (priorities, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (priority));
      const Counts *c = g_hash_table_lookup (self->sidebar_counts, uuid);
      g_autofree char *title = vp_format_priority (self->store, priority);

      if (i < (guint) made)
        {
          row = gtk_widget_get_next_sibling (row);
          show_row (row, vp_priority_get_colour (priority), title, c != NULL ? c : &none);
        }
      else
        {
          row = make_row (uuid, vp_priority_get_colour (priority), title, c != NULL ? c : &none);
          gtk_list_box_append (self->sidebar_list, row);
        }
    }
  mark_chosen (self);
}

static void
make_all_rows (GtkWidget *window, gpointer data)
{
  VpWindow *self = VP_WINDOW (window);

  /* the plan gone meanwhile: the next is shown as the first */
  if (self->sidebar_counts == NULL)
    return;
  self->sidebar_room = G_MAXUINT;
  /* with the counts of the rows made: a change since is queued */
  show_rows (self);
}

/* The window is shown, or about to be: of the sidebar's rows, those it
 * has room for (as low as the lowest made so far) now, the others right
 * after its next frame. */
static void
make_rows_with_room (VpWindow *self)
{
  guint room = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    room = MAX (room, vp_first_frame_rows (row));
  /* less "All priorities"; none measured, or the window's size not known
   * (maximized, before it is told how large): all */
  self->sidebar_room = room > 1 ? room - 1 : G_MAXUINT;
  show_rows (self);
  vp_after_frame (GTK_WIDGET (self), make_all_rows, NULL, NULL);
}

void
vp_window_update_sidebar (VpWindow *self)
{
  GtkWidget *row;
  gboolean first;

  g_clear_pointer (&self->sidebar_counts, g_hash_table_unref);
  if (self->plan == NULL)
    {
      while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
        gtk_list_box_remove (self->sidebar_list, row);
      gtk_widget_set_visible (self->overdue_button, FALSE);
      return;
    }
  self->sidebar_counts = count_actions (self);
  /* none made yet (or since the plan went): a plan shown as the first */
  first = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)) == NULL;
  if (first)
    self->sidebar_room = SIDEBAR_ROWS_MEASURED;
  show_rows (self);
  /* a window shown before its plan was read: measured now */
  if (first && gtk_widget_get_mapped (GTK_WIDGET (self)))
    make_rows_with_room (self);
}

static void
update_sidebar (GtkWidget *window, gpointer data)
{
  VP_WINDOW (window)->sidebar_queued = FALSE;
  vp_window_update_sidebar (VP_WINDOW (window));
}

/* Once, after the frame that shows the change: counting the plan's
 * actions again (10,000 of them) is work for a frame of its own, not for
 * the one that shows a card dropped or a status changed. */
static void
queue_update (VpWindow *self)
{
  if (self->sidebar_queued)
    return;
  self->sidebar_queued = TRUE;
  vp_after_frame (GTK_WIDGET (self), update_sidebar, NULL, NULL);
}

/* The window is about to show its first frame. (A folded sidebar is not
 * shown; it has its rows all the same.) */
static void
on_first_map_cb (VpWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map_cb, NULL);
  /* some rows made, not all */
  if (self->sidebar_counts != NULL && self->sidebar_room != G_MAXUINT)
    make_rows_with_room (self);
}

/**
 * vp_window_watch_sidebar:
 *
 * Keeps the sidebar up to date: priorities, actions and status events
 * (every status change writes one) change its rows or counts.
 */
void
vp_window_watch_sidebar (VpWindow *self)
{
  GType types[] = { VP_TYPE_PRIORITY, VP_TYPE_ACTION, VP_TYPE_STATUS_EVENT, VP_TYPE_ACTION_STATUS };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_connect_object (vp_store_get_records (self->store, types[i]), "items-changed",
                             G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect (self, "map", G_CALLBACK (on_first_map_cb), NULL);
  /* chosen here, or elsewhere (a bar of the evaluation's chart) */
  g_signal_connect_object (self->filter, "notify::priority", G_CALLBACK (mark_chosen), self,
                           G_CONNECT_SWAPPED);
}

void
vp_window_on_sidebar_row_activated_cb (VpWindow *self, GtkListBoxRow *row)
{
  /* marked as it is chosen (mark_chosen()) */
  g_object_set (self->filter, "priority", g_object_get_data (G_OBJECT (row), "vp-priority"), NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The summary's button: every overdue action of the plan. */
void
vp_window_show_overdue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  /* every priority's: the count was of the whole plan */
  vp_action_filter_clear (self->filter);
  g_object_set (self->filter, "priority", NULL, "overdue", TRUE, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}
