/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-backup.h"
#include "vp-window-private.h"

/*
 * Restore From Backup…: a list of the database's backups (made before
 * every import), a confirmation, and then the plan as it was in the
 * chosen one. The store writes the backup into the database after
 * backing it up as it is; the window then shows it from a store opened
 * anew, in a new window that takes this one's place, so that no view is
 * left holding a record of the plan that was.
 */

/**
 * vp_window_describe_backup_time:
 * @time: when a backup was made
 *
 * Returns: (transfer full): @time as a person reads it, in local time
 */
char *
vp_window_describe_backup_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  /* Translators: when a backup was made, as g_date_time_format() writes it:
   * "7 December 2026, 10:15" */
  return g_date_time_format (local, _ ("%-d %B %Y, %H:%M"));
}

/**
 * vp_window_describe_backup_reason:
 * @reason: the reason part of a backup's name
 *
 * Returns: (transfer none): why the backup was made, as a person reads it
 */
const char *
vp_window_describe_backup_reason (const char *reason)
{
  if (g_strcmp0 (reason, VP_BACKUP_IMPORT) == 0)
    return _ ("Before an import");
  if (g_strcmp0 (reason, VP_BACKUP_NEXT_YEAR) == 0)
    return _ ("Before next year’s plan");
  if (g_strcmp0 (reason, VP_BACKUP_BEFORE_RESTORE) == 0)
    return _ ("Before a restore");
  if (g_strcmp0 (reason, VP_BACKUP_DAMAGED) == 0)
    return _ ("The damaged database, kept as it was");
  return reason;
}

static void
show_message (VpWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new window on the database opened anew takes this one's place. */
static void
reopen (VpWindow *self, const char *when)
{
  g_autofree char *path = g_strdup (vp_store_get_path (self->store));
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  VpWindow *window;
  g_autofree char *message = NULL;

  if (store == NULL)
    {
      show_message (self, _ ("The Restored Plan Cannot Be Opened"), error->message);
      return;
    }
  window = g_object_new (VP_TYPE_WINDOW, "application",
                         gtk_window_get_application (GTK_WINDOW (self)), "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* Translators: a toast after a restore; when the backup was made follows */
  message = g_strdup_printf (_ ("Restored the plan as it was on %s"), when);
  adw_toast_overlay_add_toast (window->toasts, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore (VpWindow *self, VpBackup *backup)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *when = vp_window_describe_backup_time (backup->time);

  if (!vp_store_restore_backup (self->store, backup->path, NULL, &error))
    {
      show_message (self, _ ("The Plan Was Not Restored"), error->message);
      return;
    }
  reopen (self, when);
}

typedef struct
{
  VpWindow *window;
  VpBackup *backup;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->window);
  vp_backup_free (restore->backup);
  g_free (restore);
}

static gboolean
restore_cb (gpointer user_data)
{
  Restore *data = user_data;

  restore (data->window, data->backup);
  return G_SOURCE_REMOVE;
}

/* Once the question is gone: the window it belongs to may go too. */
static void
on_confirm_response_cb (AdwMessageDialog *dialog, const char *response, VpWindow *self)
{
  Restore *data;

  if (!g_str_equal (response, "restore"))
    return;
  data = g_new0 (Restore, 1);
  data->window = g_object_ref (self);
  data->backup = g_object_steal_data (G_OBJECT (dialog), "backup");
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_cb, data, (GDestroyNotify) restore_free);
}

static void
confirm (VpWindow *self, VpBackup *backup)
{
  g_autofree char *when = vp_window_describe_backup_time (backup->time);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Restore the Plan?"), NULL);

  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    _ ("Restore the plan as it was on %s? The current plan is backed up first."), when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", backup, (GDestroyNotify) vp_backup_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
backup_row_new (VpBackup *backup)
{
  g_autofree char *when = vp_window_describe_backup_time (backup->time);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               vp_window_describe_backup_reason (backup->reason));
  return row;
}

static void
on_list_response_cb (AdwMessageDialog *dialog, const char *response, VpWindow *self)
{
  GPtrArray *backups = g_object_get_data (G_OBJECT (dialog), "backups");
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "list");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  if (g_str_equal (response, "restore") && row != NULL)
    confirm (self, g_ptr_array_steal_index (backups, (guint) gtk_list_box_row_get_index (row)));
}

static GtkWidget *
backup_list_new (GPtrArray *backups, AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), backup_row_new (g_ptr_array_index (backups, i)));
  /* the newest, chosen to begin with */
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  g_object_set_data (G_OBJECT (dialog), "list", list);
  return scrolled;
}

/* The copies of a damaged database are kept for a rescue by hand: they
 * cannot be restored. */
static GPtrArray *
list_restorable (VpWindow *self)
{
  GPtrArray *backups = vp_store_list_backups (vp_store_get_path (self->store));

  for (guint i = backups->len; i > 0; i--)
    {
      VpBackup *backup = g_ptr_array_index (backups, i - 1);

      if (g_str_equal (backup->reason, VP_BACKUP_DAMAGED))
        g_ptr_array_remove_index (backups, i - 1);
    }
  return backups;
}

static void
restore_backup_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr (GPtrArray) backups = list_restorable (self);
  GtkWidget *dialog;

  if (backups->len == 0)
    {
      show_message (self, _ ("No Backups Yet"),
                    _ ("A backup of the plan is made before every import. There is none yet."));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Restore From Backup"),
                                   _ ("Choose the backup to go back to. One is made before every "
                                      "import; the last ten are kept."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      backup_list_new (backups, ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backups", g_steal_pointer (&backups),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_list_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vp_window_install_backup_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
}
