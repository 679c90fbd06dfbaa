/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-preferences-window.h"

/*
 * Preferences: the exchange folder (settings key "exchange-folder"),
 * chosen with the desktop's folder chooser. The window that owns the
 * exchange follows the setting.
 */

struct _VpPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwActionRow *folder_row;
  GtkWidget *clear_button;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (VpPreferencesWindow, vp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_folder (VpPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "exchange-folder");

  adw_action_row_set_subtitle (self->folder_row, *path != '\0' ? path : _ ("None"));
  gtk_widget_set_visible (self->clear_button, *path != '\0');
}

static void
on_folder_chosen_cb (GtkNativeDialog *chooser, int response, VpPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "exchange-folder", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_choose_clicked_cb (VpPreferencesWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Choose the Exchange Folder"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    _ ("_Choose"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_clear_clicked_cb (VpPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "exchange-folder", "");
}

static void
vp_preferences_window_dispose (GObject *object)
{
  VpPreferencesWindow *self = VP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vp_preferences_window_parent_class)->dispose (object);
}

static void
vp_preferences_window_class_init (VpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, VpPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
vp_preferences_window_init (VpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer floating): the preferences window
 */
GtkWidget *
vp_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  VpPreferencesWindow *self
    = g_object_new (VP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::exchange-folder", G_CALLBACK (update_folder), self,
                           G_CONNECT_SWAPPED);
  update_folder (self);
  return GTK_WIDGET (self);
}
