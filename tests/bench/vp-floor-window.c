/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-floor-window"

#include "config.h"

#include <adwaita.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The benchmark's yardstick for start-up: an empty AdwApplicationWindow
 * with a header bar, of the program's default size, in an application as
 * the program's is (an application id, registered on the session bus when
 * there is one). When its first frame is painted it prints the marker the
 * program prints under VEILIGHEIDSPLAN_FIRST_FRAME (vp-bench waits for it)
 * and quits.
 */

/* The marker, as the program prints it (src/app/vp-application.c). */
static void
print_first_frame (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kib = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    kib = atol (line + strlen ("VmRSS:"));
  g_print ("first-frame rss-kib=%ld\n", kib);
  fflush (stdout);
}

static void
on_after_paint_cb (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  print_first_frame ();
  g_application_quit (app);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Yardstick");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new (
    "nl.veiligheidsplan.Veiligheidsplan.Yardstick", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
