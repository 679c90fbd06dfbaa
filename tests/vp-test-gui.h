/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the GUI tests: let GTK lay out and paint for a moment. */
void vp_test_wait_for_frames (void);
/* The first widget of @type in @widget's tree (itself included). */
GtkWidget *vp_test_find (GtkWidget *widget, GType type);
/* The same, among the widgets shown (list rows keep hidden ones). */
GtkWidget *vp_test_find_shown (GtkWidget *widget, GType type);
/* Whether a mapped label, inscription or button in @widget's tree shows
 * exactly @text; the test's log lists what is shown when not. */
gboolean vp_test_shows_text (GtkWidget *widget, const char *text);

G_END_DECLS
