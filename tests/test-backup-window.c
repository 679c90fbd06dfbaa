/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-backup-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/vp-application.h"
#include "app/vp-window.h"
#include "store/vp-store-backup.h"
#include "vp-import-dialog.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* Backups in the window: the import preview backs up before it writes,
 * and Restore From Backup… in the primary menu puts a backup back. */

#define ACTION_CONTROLS "We organiseren vijf (thematische) integrale controles."

static VpRecord *
find_action (VpStore *store, const char *text)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpRecord) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (vp_record_get_string (action, "text"), text) == 0)
        return action;
    }
  return NULL;
}

static AdwMessageDialog *
find_message (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static VpWindow *
find_window_other_than (VpWindow *old)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (VP_IS_WINDOW (window) && (gpointer) window != (gpointer) old)
        return VP_WINDOW (window);
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *menu, const char *action)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
some_menu_has_action (GtkWidget *widget, const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget)
      && menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), action))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (some_menu_has_action (child, action))
        return TRUE;
    }
  return FALSE;
}

static VpWindow *
open_window (VpStore *store)
{
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  return window;
}

/* The menu item, its list, the question, and the plan back as it was, in
 * a window that takes the old one's place. */
static void
test_restore_from_menu (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autofree char *backup = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  AdwMessageDialog *list_dialog, *confirm;
  VpWindow *window, *restored;
  GtkListBox *list;

  vp_test_add_small_plan (store);
  backup = vp_store_backup (store, VP_BACKUP_IMPORT, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_delete (store, find_action (store, ACTION_CONTROLS), &error));
  damaged = g_build_filename (dir, "plan-2024-03-01T10-00-00Z-damaged.db", NULL);
  g_file_set_contents (damaged, "damaged", -1, &error);
  g_assert_no_error (error);
  window = open_window (store);
  g_clear_object (&store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_assert_true (some_menu_has_action (GTK_WIDGET (window), "win.restore-backup"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  vp_test_wait_for_frames ();
  list_dialog = find_message ("Restore From Backup");
  g_assert_nonnull (list_dialog);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (list_dialog), "Before an import"));
  list = GTK_LIST_BOX (vp_test_find (GTK_WIDGET (list_dialog), GTK_TYPE_LIST_BOX));
  /* the damaged copy is not offered */
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (adw_message_dialog_get_response_enabled (list_dialog, "restore"));
  adw_message_dialog_response (list_dialog, "restore");
  vp_test_wait_for_frames ();

  confirm = find_message ("Restore the Plan?");
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "backed up first"));
  adw_message_dialog_response (confirm, "restore");
  vp_test_wait_for_frames ();

  g_assert_null (window);
  restored = find_window_other_than (NULL);
  g_assert_nonnull (restored);
  g_assert_nonnull (find_action (vp_window_get_store (restored), ACTION_CONTROLS));
  backups = vp_store_list_backups (db_path);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 1))->reason, ==,
                   VP_BACKUP_BEFORE_RESTORE);
  gtk_window_destroy (GTK_WINDOW (restored));
}

/* Cancelled at the question: nothing changes. */
static void
test_restore_cancelled (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  AdwMessageDialog *list_dialog, *confirm;
  VpWindow *window;
  GtkListBox *list;

  vp_test_add_small_plan (store);
  backup = vp_store_backup (store, VP_BACKUP_IMPORT, &error);
  g_assert_true (vp_store_delete (store, find_action (store, ACTION_CONTROLS), &error));
  before = vp_test_dump_file (vp_store_get_path (store));
  window = open_window (store);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  vp_test_wait_for_frames ();
  list_dialog = find_message ("Restore From Backup");
  list = GTK_LIST_BOX (vp_test_find (GTK_WIDGET (list_dialog), GTK_TYPE_LIST_BOX));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  adw_message_dialog_response (list_dialog, "restore");
  vp_test_wait_for_frames ();
  confirm = find_message ("Restore the Plan?");
  adw_message_dialog_response (confirm, "cancel");
  vp_test_wait_for_frames ();

  /* adw_message_dialog_response() leaves closing to the button */
  gtk_window_destroy (GTK_WINDOW (confirm));
  gtk_window_destroy (GTK_WINDOW (list_dialog));
  g_assert_true (find_window_other_than (NULL) == window);
  g_assert_null (find_action (store, ACTION_CONTROLS));
  {
    g_autofree char *after = vp_test_dump_file (vp_store_get_path (store));

    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_backups (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);
  AdwMessageDialog *message;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  vp_test_wait_for_frames ();
  message = find_message ("No Backups Yet");
  g_assert_nonnull (message);
  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (window));
}

static VpImportDialog *
open_import (VpStore *store)
{
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  VpImportDialog *dialog = VP_IMPORT_DIALOG (vp_import_dialog_new (NULL, store, file));
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  gtk_window_present (GTK_WINDOW (dialog));
  while (vp_import_dialog_is_loading (dialog) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vp_import_dialog_is_loading (dialog));
  vp_test_wait_for_frames ();
  return dialog;
}

/* The preview's Import backs the plan up first. */
static void
test_import_backs_up (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  g_autoptr (GPtrArray) backups = NULL;
  VpImportDialog *dialog = open_import (store);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), >, 0);
  backups = vp_store_list_backups (vp_store_get_path (store));
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((VpBackup *) g_ptr_array_index (backups, 0))->reason, ==, VP_BACKUP_IMPORT);
}

/* No backup, no import, and a message that says why. */
static void
test_import_needs_backup (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  g_autofree char *dir = vp_store_backup_dir (vp_store_get_path (store));
  g_autoptr (GError) error = NULL;
  VpImportDialog *dialog;
  AdwMessageDialog *message;

  g_file_set_contents (dir, "not a folder", -1, &error);
  g_assert_no_error (error);
  dialog = open_import (store);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 0);
  message = find_message ("The File Was Not Imported");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Nothing was imported"));
  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The damaged database at start-up: the application asks, and opens the
 * restored plan once told to. */

typedef struct
{
  GApplication *app;
  const char *response;
  gboolean asked;
  gboolean opened;
  guint ticks;
} StartUp;

static gboolean
answer_cb (gpointer user_data)
{
  StartUp *start = user_data;
  AdwMessageDialog *question = find_message ("The Plan Database Is Damaged");
  VpWindow *window = find_window_other_than (NULL);

  if (question != NULL && !start->asked)
    {
      start->asked = TRUE;
      g_assert_true (adw_message_dialog_has_response (question, "restore"));
      adw_message_dialog_response (question, start->response);
      gtk_window_destroy (GTK_WINDOW (question));
      return G_SOURCE_CONTINUE;
    }
  /* (the window shows first; its plan once read) */
  if (window != NULL && vp_window_get_store (window) != NULL)
    {
      start->opened = vp_store_count (vp_window_get_store (window), VP_TYPE_ACTION) == 4;
      gtk_window_destroy (GTK_WINDOW (window));
    }
  /* no question in ten seconds: give up, the test fails */
  if (++start->ticks == 1000)
    g_application_quit (start->app);
  return G_SOURCE_CONTINUE;
}

static gboolean
ignore_open_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return g_strcmp0 (domain, "vp-application") != 0;
}

static void
start_on_damaged (const char *response, StartUp *start)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *db_path = g_strdup (vp_store_get_path (store));
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (VpApplication) app = vp_application_new ();
  char *argv[] = { "veiligheidsplan", "--database", db_path, NULL };
  gsize length;
  guint id;

  vp_test_add_small_plan (store);
  backup = vp_store_backup (store, VP_BACKUP_IMPORT, &error);
  g_clear_object (&store);
  g_file_get_contents (db_path, &contents, &length, &error);
  g_assert_no_error (error);
  memset (contents + 4096 * 3, 0xff, 200);
  g_file_set_contents (db_path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app))
                                                  | G_APPLICATION_NON_UNIQUE);
  start->app = G_APPLICATION (app);
  start->response = response;
  g_test_log_set_fatal_handler (ignore_open_warning, NULL);
  id = g_timeout_add (10, answer_cb, start);
  g_application_run (G_APPLICATION (app), 3, argv);
  g_source_remove (id);
}

static void
test_start_up_restores (void)
{
  StartUp start = { 0 };

  start_on_damaged ("restore", &start);
  g_assert_true (start.asked);
  g_assert_true (start.opened);
}

static void
test_start_up_quits (void)
{
  StartUp start = { 0 };

  start_on_damaged ("quit", &start);
  g_assert_true (start.asked);
  g_assert_false (start.opened);
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/backup-window/restore", test_restore_from_menu);
  g_test_add_func ("/backup-window/restore-cancelled", test_restore_cancelled);
  g_test_add_func ("/backup-window/no-backups", test_no_backups);
  g_test_add_func ("/backup-window/import", test_import_backs_up);
  g_test_add_func ("/backup-window/import-needs-backup", test_import_needs_backup);
  g_test_add_func ("/backup-window/start-up/restore", test_start_up_restores);
  g_test_add_func ("/backup-window/start-up/quit", test_start_up_quits);
  return g_test_run ();
}
