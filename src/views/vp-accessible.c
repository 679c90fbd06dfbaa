/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-accessible"

#include "config.h"

#include "vp-accessible.h"

/*
 * Helpers for what GTK 4.8 leaves unnamed. A GtkMenuButton takes no
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
