/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-test"

#include "config.h"

#include "views/vp-cell-text.h"
#include "vp-test-gui.h"

void
vp_test_wait_for_frames (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static GtkWidget *
find (GtkWidget *widget, GType type, gboolean shown_only)
{
  /* a list hides what a row does not show without changing its size */
  if (shown_only && !(gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget)))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, shown_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
vp_test_find (GtkWidget *widget, GType type)
{
  return find (widget, type, FALSE);
}

GtkWidget *
vp_test_find_shown (GtkWidget *widget, GType type)
{
  return find (widget, type, TRUE);
}

static void
collect_texts (GtkWidget *widget, GPtrArray *texts)
{
  const char *text = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (VP_IS_CELL_TEXT (widget))
    text = vp_cell_text_get_text (VP_CELL_TEXT (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  if (text != NULL)
    g_ptr_array_add (texts, (gpointer) text);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

gboolean
vp_test_shows_text (GtkWidget *widget, const char *text)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
        return TRUE;
    }
  g_test_message ("“%s” not among the %u texts shown", text, texts->len);
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("  shown: “%s”", (const char *) g_ptr_array_index (texts, i));
  return FALSE;
}

void
vp_test_choose (AdwComboRow *row, const char *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” is not a choice of %s", label, gtk_widget_get_name (GTK_WIDGET (row)));
}

const char *
vp_test_chosen (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}
