/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void vp_accessible_name_menu_buttons (GtkWidget *widget);
void vp_accessible_name_inner_button (GtkMenuButton *button, const char *label);
void vp_accessible_single_tab_stop (GtkWidget *list);
void vp_accessible_name_inner_list (GtkColumnView *view, const char *label);

char *vp_accessible_strip_mnemonic (const char *text);
void vp_accessible_name_mnemonic (GtkWidget *widget);
void vp_accessible_watch (void);
void vp_accessible_make_heading (GtkWidget *label, int level);
void vp_accessible_heading_groups (GtkWidget *widget, int level);
void vp_accessible_name_drop_down (GtkDropDown *dropdown, const char *purpose);

void vp_accessible_expose_shown_child (GtkWidget *container);
void vp_accessible_expose_when (GtkWidget *widget, const char *property);

char *vp_accessible_spoken (const char *text);

void vp_accessible_explain_insensitive (GtkWidget *widget, AdwPreferencesGroup *group);

G_END_DECLS
