/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-accessible.h"

/*
 * Helpers for what GTK 4.8 leaves unnamed, and for the keyboard. A GtkMenuButton takes no
 * focus itself: its inner toggle button does, and a screen reader reads
 * that one's name, which an icon-only menu button leaves as its type
 * ("GtkToggleButton"). GTK 4.10 links the two; here the inner button is
 * named.
 */

/**
 * vp_accessible_name_inner_button:
 * @label: what the menu button is for, as a person would say it
 *
 * Names the toggle button inside @button that takes the focus.
 */
void
vp_accessible_name_inner_button (GtkMenuButton *button, const char *label)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (button));

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  if (GTK_IS_TOGGLE_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

/**
 * vp_accessible_name_menu_buttons:
 * @widget: a widget whose tree holds menu buttons
 *
 * Names each icon-only menu button under @widget after its tooltip (the
 * words a sighted user reads when hovering it).
 */
void
vp_accessible_name_menu_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL
      && gtk_widget_get_tooltip_text (widget) != NULL)
    {
      vp_accessible_name_inner_button (GTK_MENU_BUTTON (widget),
                                       gtk_widget_get_tooltip_text (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vp_accessible_name_menu_buttons (child);
}

/* Tab out of the list: the list is passed over (can-focus off) while the
 * window moves the focus on from it. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint keyval,
                        guint keycode,
                        GdkModifierType state,
                        GtkWidget *list)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));
  GtkDirectionType direction;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;
  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

/**
 * vp_accessible_single_tab_stop:
 * @list: a list view or column view
 *
 * Makes @list one stop of the Tab key: Tab and Shift+Tab leave it, the
 * arrows move within it. GTK 4.8 stops at every row and every button in
 * a row (about 80 presses to pass 42 actions).
 */
void
vp_accessible_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), list);
  gtk_widget_add_controller (list, keys);
}

/**
 * vp_accessible_name_inner_list:
 * @view: a column view
 * @label: what the table holds
 *
 * Names the list inside @view, which takes the focus, and the row of
 * column titles (GTK 4.8 names both after their types).
 */
void
vp_accessible_name_inner_list (GtkColumnView *view, const char *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? label : _ ("Column titles"), -1);
}
