/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The start of every GUI test's main(): gettext, g_test_init(), GTK and
 * libadwaita. FALSE when there is no display: main() then returns 77
 * (skipped). */
gboolean vp_test_gui_init (int *argc, char ***argv);

/* A condition vp_test_wait_until() waits for. */
typedef gboolean (*VpTestPredicate) (gpointer data);

/* Runs the main context until @predicate holds, for @timeout_ms at most.
 * Returns whether it holds. */
gboolean vp_test_wait_until (VpTestPredicate predicate, gpointer data, guint timeout_ms);
/* Runs the main context for @ms (for what the program does after a set
 * time: an exchange folder's settling, say). */
void vp_test_wait_ms (guint ms);
/* For the GUI tests: runs the main context until GTK has nothing left to
 * do and every window has laid out and painted twice since. */
void vp_test_wait_for_frames (void);
/* The first widget of @type in @widget's tree (itself included). */
GtkWidget *vp_test_find (GtkWidget *widget, GType type);
/* The same, among the widgets shown (list rows keep hidden ones). */
GtkWidget *vp_test_find_shown (GtkWidget *widget, GType type);
/* Whether a mapped label, inscription, cell text or button in @widget's tree shows
 * exactly @text; the test's log lists what is shown when not. */
gboolean vp_test_shows_text (GtkWidget *widget, const char *text);

/* Saves what @widget shows as a PNG at @path (for the screenshot tools
 * VP_SCREENSHOT_DIR asks for). */
void vp_test_save_screenshot (GtkWidget *widget, const char *path);

/* Chooses the item labelled @label in @row (a combo row over a
 * GtkStringList); fails the test when there is none. */
void vp_test_choose (AdwComboRow *row, const char *label);
/* The label of @row's chosen item, or NULL. */
const char *vp_test_chosen (AdwComboRow *row);

G_END_DECLS
