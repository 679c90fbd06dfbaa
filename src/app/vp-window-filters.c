/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-accessible.h"
#include "vp-window-private.h"

/*
 * The filter popover (one drop-down per facet) and the chips under the
 * header bar that show the active facets and clear one with a click.
 * Both follow the VpActionFilter's properties, whoever changes them.
 */

typedef struct
{
  const char *property;
  const char *title;
} Facet;

static const Facet facets[] = {
  { "quarter", N_ ("Quarter") },
  { "lead", N_ ("Lead") },
  { "category", N_ ("Category") },
  { "status", N_ ("Status") },
};

/* A choice of a facet: its label and the value it sets. */
typedef struct
{
  char *label;
  int number;
  char *text;
} Choice;

static void
choice_free (Choice *choice)
{
  g_free (choice->label);
  g_free (choice->text);
  g_free (choice);
}

static void
add_choice (GPtrArray *choices, const char *label, int number, const char *text)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->label = g_strdup (label);
  choice->number = number;
  choice->text = g_strdup (text);
  g_ptr_array_add (choices, choice);
}

static void
add_enum_choices (GPtrArray *choices, GType type, int first)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value >= first)
        add_choice (choices, vp_enum_get_label (type, klass->values[i].value),
                    klass->values[i].value, NULL);
    }
}

/* The leads to choose from: joint, each municipality, and every
 * organisation by name. */
static void
add_lead_choices (VpWindow *self, GPtrArray *choices)
{
  GListModel *organisations = vp_store_get_records (self->store, VP_TYPE_ORGANISATION);

  add_choice (choices, vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_JOINT), 0, "joint");
  add_choice (choices, vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_EACH), 0, "each");
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (VpOrganisation) organisation = g_list_model_get_item (organisations, i);

      add_choice (choices, vp_organisation_get_name (organisation), 0,
                  vp_organisation_get_code (organisation));
    }
}

static GPtrArray *
choices_for (VpWindow *self, const char *property)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  /* Translators: the choice of a filter that does not narrow anything */
  add_choice (choices, _ ("Any"), VP_FILTER_ANY, NULL);
  if (g_str_equal (property, "quarter"))
    add_enum_choices (choices, VP_TYPE_QUARTER, VP_QUARTER_Q1);
  else if (g_str_equal (property, "category"))
    add_enum_choices (choices, VP_TYPE_CATEGORY, 0);
  else if (g_str_equal (property, "status"))
    add_enum_choices (choices, VP_TYPE_STATUS, 0);
  else
    add_lead_choices (self, choices);
  return choices;
}

static gboolean
is_text_facet (const char *property)
{
  return g_str_equal (property, "lead");
}

/* Which choice matches the filter's current value. */
static guint
current_choice (VpWindow *self, const char *property, GPtrArray *choices)
{
  g_autofree char *text = NULL;
  int number = VP_FILTER_ANY;

  if (is_text_facet (property))
    g_object_get (self->filter, property, &text, NULL);
  else
    g_object_get (self->filter, property, &number, NULL);
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      if (is_text_facet (property) ? g_strcmp0 (choice->text, text) == 0 : choice->number == number)
        return i;
    }
  return 0;
}

static void
on_facet_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, VpWindow *self)
{
  const char *property = g_object_get_data (G_OBJECT (dropdown), "vp-facet");
  GPtrArray *choices = g_object_get_data (G_OBJECT (dropdown), "vp-choices");
  guint selected = gtk_drop_down_get_selected (dropdown);
  Choice *choice;

  if (selected >= choices->len)
    return;
  choice = g_ptr_array_index (choices, selected);
  if (is_text_facet (property))
    g_object_set (self->filter, property, choice->text, NULL);
  else
    g_object_set (self->filter, property, choice->number, NULL);
}

static GtkWidget *
make_facet_dropdown (VpWindow *self, const Facet *facet)
{
  GPtrArray *choices = choices_for (self, facet->property);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < choices->len; i++)
    gtk_string_list_append (labels, ((Choice *) g_ptr_array_index (choices, i))->label);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data (G_OBJECT (dropdown), "vp-facet", (gpointer) facet->property);
  g_object_set_data_full (G_OBJECT (dropdown), "vp-choices", choices,
                          (GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              current_choice (self, facet->property, choices));
  /* its purpose and its choice, on the toggle button that takes the focus */
  vp_accessible_name_drop_down (GTK_DROP_DOWN (dropdown), _ (facet->title));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_facet_selected_cb), self,
                           0);
  return dropdown;
}

/* The drop-downs are made anew when the popover opens, so that the leads
 * are the database's current organisations. */
static void
fill_popover (VpWindow *self)
{
  GtkWidget *child;
  GtkWidget *overdue;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_grid))) != NULL)
    gtk_grid_remove (self->filter_grid, child);
  for (gsize i = 0; i < G_N_ELEMENTS (facets); i++)
    {
      GtkWidget *label = gtk_label_new (_ (facets[i].title));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->filter_grid, label, 0, i, 1, 1);
      gtk_grid_attach (self->filter_grid, make_facet_dropdown (self, &facets[i]), 1, i, 1, 1);
    }
  overdue = gtk_check_button_new_with_label (_ ("Only overdue actions"));
  g_object_bind_property (self->filter, "overdue", overdue, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_grid_attach (self->filter_grid, overdue, 1, G_N_ELEMENTS (facets), 1, 1);
}

static void
on_popover_show_cb (VpWindow *self)
{
  fill_popover (self);
}

/* The chips: one per active facet, "Quarter: Q1 ✕". */

static void
on_chip_clicked_cb (GtkButton *chip, VpWindow *self)
{
  const char *property = g_object_get_data (G_OBJECT (chip), "vp-facet");

  if (g_str_equal (property, "overdue"))
    g_object_set (self->filter, "overdue", FALSE, NULL);
  else if (is_text_facet (property))
    g_object_set (self->filter, property, NULL, NULL);
  else
    g_object_set (self->filter, property, VP_FILTER_ANY, NULL);
}

static void
add_chip (VpWindow *self, const char *property, const char *text)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *tooltip = g_strdup_printf (_ ("Remove the filter “%s”"), text);

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_widget_add_css_class (chip, "pill");
  gtk_widget_add_css_class (chip, "small");
  g_object_set_data (G_OBJECT (chip), "vp-facet", (gpointer) property);
  g_object_set_data_full (G_OBJECT (chip), "vp-text", g_strdup (text), g_free);
  g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);
  gtk_box_append (self->chips, chip);
}

/* Whether the chips are those of @facets (static strings) and @texts. */
static gboolean
chips_show (VpWindow *self, GPtrArray *properties, GPtrArray *texts)
{
  GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->chips));

  for (guint i = 0; i < properties->len; i++, chip = gtk_widget_get_next_sibling (chip))
    {
      if (chip == NULL
          || g_object_get_data (G_OBJECT (chip), "vp-facet") != g_ptr_array_index (properties, i)
          || g_strcmp0 (g_object_get_data (G_OBJECT (chip), "vp-text"),
                        g_ptr_array_index (texts, i))
               != 0)
        return FALSE;
    }
  return chip == NULL;
}

/* The search is not a chip: the search bar above shows it, and hiding
 * the bar clears it. The chips are made anew only when they change. */
static void
update_chips (VpWindow *self, GParamSpec *pspec)
{
  g_autoptr (GPtrArray) properties = g_ptr_array_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  gboolean overdue;

  if (pspec != NULL && (g_str_equal (pspec->name, "search") || g_str_equal (pspec->name, "active")))
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (facets); i++)
    {
      g_autoptr (GPtrArray) choices = choices_for (self, facets[i].property);
      guint current = current_choice (self, facets[i].property, choices);

      if (current > 0)
        {
          g_ptr_array_add (properties, (gpointer) facets[i].property);
          /* Translators: an active filter: "Quarter: Q1" */
          g_ptr_array_add (
            texts, g_strdup_printf (_ ("%s: %s"), _ (facets[i].title),
                                    ((Choice *) g_ptr_array_index (choices, current))->label));
        }
    }
  g_object_get (self->filter, "overdue", &overdue, NULL);
  if (overdue)
    {
      g_ptr_array_add (properties, (gpointer) "overdue");
      g_ptr_array_add (texts, g_strdup (_ ("Overdue")));
    }
  if (chips_show (self, properties, texts))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_box_remove (self->chips, child);
  for (guint i = 0; i < properties->len; i++)
    add_chip (self, g_ptr_array_index (properties, i), g_ptr_array_index (texts, i));
  gtk_revealer_set_reveal_child (self->chips_revealer, properties->len > 0);
}

/* The whole plan again, of the priority chosen in the sidebar: no search
 * (the search bar closes) and no facet. */
void
vp_window_clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  vp_action_filter_clear (self->filter);
}

/* Opens the filter popover (Ctrl+Shift+F), as its button would. */
void
vp_window_filter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self->filter_grid), GTK_TYPE_POPOVER);
  GtkWidget *button = popover != NULL ? gtk_widget_get_parent (popover) : NULL;

  if (GTK_IS_MENU_BUTTON (button) && gtk_widget_is_drawable (button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
}

/**
 * vp_window_setup_filters:
 *
 * Connects the filter popover and the chips to the window's filter.
 */
void
vp_window_setup_filters (VpWindow *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self->filter_grid), GTK_TYPE_POPOVER);

  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "notify", G_CALLBACK (update_chips), self,
                           G_CONNECT_SWAPPED);
  update_chips (self, NULL);
}
