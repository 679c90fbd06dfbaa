/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-combo-row"

#include "config.h"

#include "vp-combo-row.h"

/*
 * The default factory of libadwaita 1.2 cuts every item of an AdwComboRow
 * at 20 characters, too short for the titles of a Dutch plan. These
 * factories show the chosen item in full where there is room, and wrap
 * the items in the list, with a check mark at the chosen one. The items
 * are GtkStringObjects, shown as plain text (never markup).
 */

static void
on_value_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_value_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
on_choice_selected_cb (AdwComboRow *row, GParamSpec *pspec, GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  gboolean selected = adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item);

  gtk_widget_set_opacity (check, selected ? 1.0 : 0.0);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (on_choice_selected_cb), item);
  on_choice_selected_cb (row, NULL, item);
}

static void
on_choice_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  g_signal_handlers_disconnect_by_func (row, on_choice_selected_cb, item);
}

/**
 * vp_combo_row_show_full_text:
 * @row: a combo row over a GtkStringList
 *
 * Gives @row the factories described above.
 */
void
vp_combo_row_show_full_text (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) value_factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) choice_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (value_factory, "setup", G_CALLBACK (on_value_setup_cb), NULL);
  g_signal_connect (value_factory, "bind", G_CALLBACK (on_value_bind_cb), NULL);
  g_signal_connect (choice_factory, "setup", G_CALLBACK (on_choice_setup_cb), NULL);
  g_signal_connect (choice_factory, "bind", G_CALLBACK (on_choice_bind_cb), row);
  g_signal_connect (choice_factory, "unbind", G_CALLBACK (on_choice_unbind_cb), row);
  adw_combo_row_set_factory (row, value_factory);
  adw_combo_row_set_list_factory (row, choice_factory);
}
