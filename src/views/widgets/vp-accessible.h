/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vp_accessible_name_menu_buttons (GtkWidget *widget);
void vp_accessible_name_inner_button (GtkMenuButton *button, const char *label);
void vp_accessible_single_tab_stop (GtkWidget *list);
void vp_accessible_name_inner_list (GtkColumnView *view, const char *label);

G_END_DECLS
