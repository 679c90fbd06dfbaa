/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-exchange.h"
#include "vp-import-dialog.h"
#include "vp-import-history.h"
#include "vp-preferences-window.h"
#include "vp-organisations-page.h"
#include "vp-window-private.h"

/*
 * Exchange with partners, from the window: export the plan by a native
 * file chooser, to a file named after the municipality, the plan and the
 * day; import a partner's file (the menu, Ctrl+O, a file dropped on the
 * window, a file given on the command line) through a preview
 * (VpImportDialog) that writes nothing until a person says so; the import
 * history; and the exchange folder (VpExchangeFolder), set in the
 * preferences, which offers partners' new files with a toast.
 */

static void
show_message (VpWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
open_folder_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

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
      /* a read-only database exports, without its note of what was sent */
      if (path != NULL
          && (vp_exchange_export (self->store, self->plan, path, &error)
              || vp_exchange_export_was_written (error)))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast after an export; the file's name follows */
          g_autofree char *message = g_strdup_printf (_ ("Exported to %s"), name);
          AdwToast *toast = vp_window_new_toast (message);
          g_autoptr (GFile) folder = g_file_get_parent (file);
          g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

          /* the file is to be sent: its folder opens from the toast */
          if (uri != NULL)
            {
              adw_toast_set_button_label (toast, _ ("_Open Folder"));
              adw_toast_set_action_name (toast, "win.open-folder");
              adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
            }
          adw_toast_overlay_add_toast (self->toasts, toast);
        }
      else
        show_message (self, _ ("The Plan Was Not Exported"), error != NULL ? error->message : NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Exchange files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  return filter;
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr (GtkFileFilter) filter = json_filter_new ();

  if (self->plan == NULL || vp_store_get_home_municipality (self->store) == NULL)
    return;
  name = vp_exchange_file_name (self->store, self->plan, TRUE);
  chooser
    = gtk_file_chooser_native_new (_ ("Export Plan for Partners"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import */

static void
on_import_failed_cb (VpImportDialog *dialog, const char *message, VpWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  show_message (self, _ ("The File Cannot Be Imported"), message);
}

static void
on_imported_cb (VpImportDialog *dialog, const char *message, VpWindow *self)
{
  vp_window_toast (self, message);
}

/**
 * vp_window_import_file:
 * @file: a partner's exchange file
 *
 * Reads @file and shows what importing it would do; nothing is written
 * until the person confirms. A file that cannot be imported is named with
 * its fault in a message.
 */
static GtkWidget *
open_import (VpWindow *self, GFile *file)
{
  GtkWidget *dialog = vp_import_dialog_new (GTK_WINDOW (self), self->store, file);

  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_import_failed_cb), self, 0);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
vp_window_import_file (VpWindow *self, GFile *file)
{
  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* the plan database still being read: imported once it is there */
  if (self->store == NULL)
    {
      if (self->pending_imports == NULL)
        self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->pending_imports, g_object_ref (file));
      return;
    }
  open_import (self, file);
}

static void
on_import_response_cb (GtkNativeDialog *chooser, int response, VpWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vp_window_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = json_filter_new ();
  GtkFileChooserNative *chooser
    = gtk_file_chooser_native_new (_ ("Import from a Partner"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A file dropped on the window: the first, if several. */
static gboolean
on_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, VpWindow *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL)
    return FALSE;
  vp_window_import_file (self, file);
  return TRUE;
}

static void review_files (VpWindow *self, const char *const *paths);

static void
on_review_dialog_destroy_cb (GtkWidget *dialog, VpWindow *self)
{
  const char *const *rest = g_object_get_data (G_OBJECT (dialog), "vp-review-rest");

  review_files (self, rest);
}

/* The files that arrived together, one preview after the other. */
static void
review_files (VpWindow *self, const char *const *paths)
{
  g_autoptr (GFile) file = NULL;
  GtkWidget *dialog;

  if (paths == NULL || paths[0] == NULL)
    return;
  file = g_file_new_for_path (paths[0]);
  dialog = open_import (self, file);
  if (paths[1] == NULL)
    return;
  g_object_set_data_full (G_OBJECT (dialog), "vp-review-rest", g_strdupv ((char **) paths + 1),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_review_dialog_destroy_cb), self, 0);
}

static void
review_files_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

  review_files (VP_WINDOW (widget), paths);
}

static void
import_history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (vp_import_history_new (GTK_WINDOW (self), self->store)));
}

static void
preferences_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;
  preferences = vp_preferences_window_new (GTK_WINDOW (self), self->settings);
  /* the home municipality and the organisations (vp-organisations-page.c) */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                              ADW_PREFERENCES_PAGE (vp_organisations_page_new (self->store)));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The exchange folder */

static char *
describe_arrival (VpWindow *self, const char *const *partners)
{
  VpOrganisation *organisation;

  if (partners[1] != NULL)
    /* Translators: a toast when files of several partners appear in the exchange folder */
    return g_strdup_printf (_ ("%u new files from partners"), g_strv_length ((char **) partners));
  organisation = vp_store_lookup_organisation (self->store, partners[0]);
  /* Translators: a toast when a partner's file appears in the exchange folder */
  return g_strdup_printf (_ ("New file from %s"), organisation != NULL
                                                    ? vp_organisation_get_name (organisation)
                                                    : partners[0]);
}

/* One toast for what arrived; Review shows the files one after another. */
static void
on_new_files_cb (VpExchangeFolder *folder,
                 const char *const *paths,
                 const char *const *partners,
                 VpWindow *self)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (paths == NULL || paths[0] == NULL)
    return;
  message = describe_arrival (self, partners);
  toast = vp_window_new_toast (message);
  adw_toast_set_button_label (toast, _ ("_Review"));
  adw_toast_set_action_name (toast, "win.review-files");
  adw_toast_set_action_target_value (toast, g_variant_new_strv (paths, -1));
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
on_export_failed_cb (VpExchangeFolder *folder, const char *message, VpWindow *self)
{
  /* Translators: a toast when the export to the exchange folder failed */
  g_autofree char *text = g_strdup_printf (_ ("Not written to the exchange folder: %s"), message);

  adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (text));
}

static void
on_folder_setting_cb (VpWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "exchange-folder");

  vp_exchange_folder_set_path (self->exchange_folder, path);
}

/**
 * vp_window_setup_exchange:
 *
 * Accepts dropped files and, where the settings are, follows the
 * exchange folder setting.
 */
void
vp_window_setup_exchange (VpWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  if (self->settings == NULL)
    return;
  self->exchange_folder = vp_exchange_folder_new (self->store);
  g_signal_connect_object (self->exchange_folder, "new-files", G_CALLBACK (on_new_files_cb), self,
                           0);
  g_signal_connect_object (self->exchange_folder, "export-failed", G_CALLBACK (on_export_failed_cb),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::exchange-folder",
                           G_CALLBACK (on_folder_setting_cb), self, G_CONNECT_SWAPPED);
  on_folder_setting_cb (self);
}

void
vp_window_dispose_exchange (VpWindow *self)
{
  g_clear_object (&self->exchange_folder);
}

void
vp_window_install_exchange_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.review-files", "as", review_files_action);
  gtk_widget_class_install_action (widget_class, "win.import-history", NULL, import_history_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
}
