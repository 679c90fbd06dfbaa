/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-exchange.h"
#include "vp-window-private.h"

/*
 * Exchange files from the window: export the plan for partners, by a
 * native file chooser, to a file named after the municipality, the plan
 * and the day.
 */

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, VpWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL && vp_exchange_export (self->store, self->plan, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast after an export; the file's name follows */
          g_autofree char *message = g_strdup_printf (_ ("Exported to %s"), name);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
        }
      else
        {
          GtkWidget *dialog
            = adw_message_dialog_new (GTK_WINDOW (self), _ ("The Plan Was Not Exported"),
                                      error != NULL ? error->message : NULL);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
vp_window_export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->plan == NULL || vp_store_get_home_municipality (self->store) == NULL)
    return;
  name = vp_exchange_file_name (self->store, self->plan, TRUE);
  chooser
    = gtk_file_chooser_native_new (_ ("Export Plan for Partners"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("Exchange files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
