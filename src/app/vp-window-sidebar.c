/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-status.h"
#include "views/vp-swatch.h"
#include "vp-window-private.h"

/*
 * The sidebar: "All priorities" and each priority of the plan with its
 * colour and its open and done actions (by the home municipality's
 * statuses). Choosing one narrows every view to it. A handful of rows, so
 * a GtkListBox, rebuilt (at idle, once) when priorities, actions or
 * statuses change.
 */

typedef struct
{
  guint open;
  guint done;
  guint overdue;
} Counts;

static GHashTable *
count_actions (VpWindow *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);
      const char *priority = vp_action_get_priority (action);
      Counts *c = g_hash_table_lookup (counts, priority);
      VpStatus status = vp_action_get_overall_status (self->store, action);

      if (c == NULL)
        g_hash_table_insert (counts, (gpointer) priority, (c = g_new0 (Counts, 1)));
      if (status == VP_STATUS_DONE)
        c->done++;
      else if (status != VP_STATUS_CANCELLED)
        c->open++;
      if (vp_action_is_overdue (self->store, action))
        c->overdue++;
    }
  return counts;
}

static GtkWidget *
make_row (const char *uuid, const char *colour, const char *title, const Counts *counts)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (title);
  g_autofree char *details = NULL;

  if (colour != NULL)
    {
      GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "valign", GTK_ALIGN_CENTER, NULL);

      vp_swatch_set_colour (VP_SWATCH (swatch), colour);
      gtk_box_append (GTK_BOX (box), swatch);
    }
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  /* a long title wraps rather than widen the sidebar */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_box_append (GTK_BOX (labels), name);
  /* Translators: in the sidebar, a priority's actions: "12 open · 7 done" */
  details = g_strdup_printf (_ ("%u open · %u done"), counts->open, counts->done);
  {
    GtkWidget *caption = gtk_label_new (details);

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_widget_add_css_class (caption, "caption");
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_box_append (GTK_BOX (labels), caption);
  }
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "vp-priority", g_strdup (uuid), g_free);
  return row;
}

/* The start summary: how many of the plan's actions are overdue, a
 * button that shows them. */
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

static void
add_all_row (VpWindow *self, GHashTable *counts)
{
  Counts all = { 0, 0, 0 };
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VpRecord *priority = vp_store_lookup (self->store, key);

      if (priority != NULL
          && g_strcmp0 (vp_priority_get_plan (VP_PRIORITY (priority)),
                        vp_record_get_uuid (VP_RECORD (self->plan)))
               == 0)
        {
          all.open += ((Counts *) value)->open;
          all.done += ((Counts *) value)->done;
          all.overdue += ((Counts *) value)->overdue;
        }
    }
  gtk_list_box_append (self->sidebar_list, make_row (NULL, NULL, _ ("All Priorities"), &all));
  show_overdue_count (self, all.overdue);
}

/**
 * vp_window_update_sidebar:
 *
 * Rebuilds the sidebar's rows, keeping the chosen priority.
 */
void
vp_window_update_sidebar (VpWindow *self)
{
  g_autoptr (GHashTable) counts = NULL;
  g_autofree char *chosen = NULL;
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  gtk_widget_set_visible (self->overdue_button, FALSE);
  if (self->plan == NULL)
    return;

  counts = count_actions (self);
  g_object_get (self->filter, "priority", &chosen, NULL);
  add_all_row (self, counts);
  selected = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (priority));
      g_autofree char *title = NULL;
      const Counts none = { 0, 0, 0 };
      const Counts *c = g_hash_table_lookup (counts, uuid);
      GtkWidget *row;

      if (g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (self->plan)))
          != 0)
        continue;
      title = g_strdup_printf ("%d. %s", vp_priority_get_number (priority),
                               vp_priority_get_title (priority));
      row = make_row (uuid, vp_priority_get_colour (priority), title, c != NULL ? c : &none);
      gtk_list_box_append (self->sidebar_list, row);
      if (g_strcmp0 (uuid, chosen) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->sidebar_list, selected);
}

static gboolean
update_sidebar_idle (gpointer data)
{
  VpWindow *self = data;

  self->sidebar_idle = 0;
  vp_window_update_sidebar (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (VpWindow *self)
{
  if (self->sidebar_idle == 0)
    self->sidebar_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_sidebar_idle, self, NULL);
}

static void
on_dispose_remove_idle (gpointer data, GObject *where_the_object_was)
{
  guint *idle = data;

  g_clear_handle_id (idle, g_source_remove);
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
  g_object_weak_ref (G_OBJECT (self), on_dispose_remove_idle, &self->sidebar_idle);
}

void
vp_window_on_sidebar_row_selected_cb (VpWindow *self, GtkListBoxRow *row)
{
  if (row != NULL)
    g_object_set (self->filter, "priority", g_object_get_data (G_OBJECT (row), "vp-priority"),
                  NULL);
}

void
vp_window_on_sidebar_row_activated_cb (VpWindow *self, GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The summary's button: every overdue action of the plan. */
void
vp_window_show_overdue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  /* every priority's: the count was of the whole plan */
  vp_action_filter_clear (self->filter);
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  g_object_set (self->filter, "priority", NULL, "overdue", TRUE, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}
