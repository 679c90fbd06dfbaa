/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* For the GUI tests: let GTK lay out and paint for a moment. */
void vp_test_wait_for_frames (void);
/* The first widget of @type in @widget's tree (itself included). */
GtkWidget *vp_test_find (GtkWidget *widget, GType type);
/* The same, among the widgets shown (list rows keep hidden ones). */
GtkWidget *vp_test_find_shown (GtkWidget *widget, GType type);
/* Whether a mapped label, inscription, cell text or button in @widget's tree shows
 * exactly @text; the test's log lists what is shown when not. */
gboolean vp_test_shows_text (GtkWidget *widget, const char *text);

/* Chooses the item labelled @label in @row (a combo row over a
 * GtkStringList); fails the test when there is none. */
void vp_test_choose (AdwComboRow *row, const char *label);
/* The label of @row's chosen item, or NULL. */
const char *vp_test_chosen (AdwComboRow *row);

G_END_DECLS
