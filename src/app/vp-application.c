/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/vp-store-backup.h"
#include "store/vp-store.h"
#include "vp-application.h"
#include "vp-cli.h"
#include "vp-window.h"

/*
 * The application: one process, one window per plan database. Options
 * that need no window (--version, --import, --export) are answered in the
 * process that was started; the others go to the running instance, which
 * opens or raises the window of the database asked for. Files given
 * without an option (`veiligheidsplan partner.json`, or opened from the
 * file manager) are partners' exchange files: each opens the import
 * preview in that window.
 */

struct _VpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (VpApplication, vp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[]
  = { { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("Open the plan database FILE instead of the default one"), N_ ("FILE") },
      { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
        N_ ("Show the program version and quit"), NULL },
      { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
        N_ ("[FILE…]") },
      { NULL } };

static VpWindow *
find_window (VpApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (VP_IS_WINDOW (l->data)
          && g_strcmp0 (vp_store_get_path (vp_window_get_store (l->data)), path) == 0)
        return l->data;
    }
  return NULL;
}

static void
show_open_error (VpApplication *self, const char *path, const GError *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog
    = adw_message_dialog_new (parent, _ ("The Plan Database Cannot Be Opened"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static VpWindow *open_database (VpApplication *self, const char *path);

static void
on_restore_response_cb (AdwMessageDialog *dialog, const char *response, VpApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  VpBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;
  if (!vp_store_restore_backup_file (path, backup->path, &error))
    show_open_error (self, path, error);
  else
    open_database (self, path);
}

/* A damaged database with a good backup: offered, never done unasked. */
static void
offer_backup (VpApplication *self, const char *path, const GError *error, VpBackup *backup)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _ ("The Plan Database Is Damaged"), NULL);
  g_autofree char *when = vp_window_describe_backup_time (backup->time);
  /* Translators: the button that restores the backup made at that time */
  g_autofree char *label = g_strdup_printf (_ ("_Restore Backup of %s"), when);

  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    _ ("%s\n\nThe newest good backup was made on %s. Restoring it loses the changes made "
       "since; the damaged file is kept beside the backups."),
    error->message, when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "quit", _ ("_Quit"), "restore",
                                    label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "backup", backup, (GDestroyNotify) vp_backup_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* VEILIGHEIDSPLAN_FIRST_FRAME set (for the benchmark, tests/bench): once
 * the window's first frame is painted, print "first-frame rss-kib=N" (the
 * resident memory then) and quit, so that start-up can be timed as a
 * person meets it, from exec to the plan on screen. */
static void
on_first_frame_cb (GdkFrameClock *clock, VpApplication *self)
{
  g_autofree char *status = NULL;
  const char *line;
  long kib = -1;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    kib = atol (line + strlen ("VmRSS:"));
  g_print ("first-frame rss-kib=%ld\n", kib);
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

static void
quit_after_first_frame (VpApplication *self, VpWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (g_getenv ("VEILIGHEIDSPLAN_FIRST_FRAME") != NULL && clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_cb), self);
}

/* Opens (or raises) the window of the database at @path. */
static VpWindow *
open_database (VpApplication *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = NULL;
  VpWindow *window = find_window (self, path);

  if (window == NULL)
    {
      store = vp_store_open (path, &error);
      if (store == NULL)
        {
          VpBackup *backup = NULL;

          g_warning ("%s", error->message);
          if (g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED))
            backup = vp_store_find_good_backup (path);
          if (backup != NULL)
            offer_backup (self, path, error, backup);
          else
            show_open_error (self, path, error);
          return NULL;
        }
      window = vp_window_new (self, store);
      gtk_window_present (GTK_WINDOW (window));
      quit_after_first_frame (self, window);
      return window;
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Partners' files, each into the preview of an import. */
static void
import_files (VpWindow *window, GFile **files, int n_files)
{
  for (int i = 0; window != NULL && i < n_files; i++)
    vp_window_import_file (window, files[i]);
}

static int
vp_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("veiligheidsplan %s\n", PACKAGE_VERSION);
      return 0;
    }
  return vp_cli_run (options);
}

static int
vp_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  VpApplication *self = VP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree const char **arguments = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  VpWindow *window;

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &arguments))
    {
      for (gsize i = 0; arguments[i] != NULL; i++)
        g_ptr_array_add (files,
                         g_application_command_line_create_file_for_arg (cmdline, arguments[i]));
    }
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);

      path = g_file_get_path (file);
    }
  else
    path = vp_store_default_path ();

  window = open_database (self, path);
  import_files (window, (GFile **) files->pdata, (int) files->len);
  return 0;
}

/* Files opened from the file manager: into the default database. */
static void
vp_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  g_autofree char *path = vp_store_default_path ();

  import_files (open_database (VP_APPLICATION (app), path), files, n_files);
}

static void
vp_application_activate (GApplication *app)
{
  g_autofree char *path = vp_store_default_path ();

  open_database (VP_APPLICATION (app), path);
}

static void
on_about_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  VpApplication *self = user_data;
  const char *developers[] = { _ ("The Veiligheidsplan developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about, "application-name", _ ("Veiligheidsplan"), "application-icon", APP_ID,
                "version", PACKAGE_VERSION, "comments",
                _ ("Plan, track and evaluate the municipal safety implementation plan"),
                "developers", developers, "license-type", GTK_LICENSE_CUSTOM, "license",
                _ ("European Union Public Licence, version 1.2 (EUPL-1.2)"), "transient-for",
                gtk_application_get_active_window (GTK_APPLICATION (self)), NULL);
  /* the addresses the build was given (meson options website, issue_url) */
  if (*PACKAGE_WEBSITE != '\0')
    adw_about_window_set_website (ADW_ABOUT_WINDOW (about), PACKAGE_WEBSITE);
  if (*PACKAGE_ISSUE_URL != '\0')
    adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about), PACKAGE_ISSUE_URL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_help_shown_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (source);
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;
  /* Translators: the guide could not be opened; the body says where it is */
  dialog = adw_message_dialog_new (parent, _ ("The Guide Cannot Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the guide's file, then the reason */
                                  _ ("Open %s in a web browser. (%s)"), path, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the guide for advisors in the browser (no help viewer needed). */
static void
on_help_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *path = vp_application_get_help_file ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (parent == NULL || uri == NULL)
    return;
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, on_help_shown_cb,
                     g_steal_pointer (&path));
}

static void
on_quit_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
vp_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", on_about_action_cb },
    { "help", on_help_action_cb },
    { "quit", on_quit_action_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (vp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

static void
vp_application_class_init (VpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = vp_application_handle_local_options;
  app_class->command_line = vp_application_command_line;
  app_class->activate = vp_application_activate;
  app_class->open = vp_application_open;
  app_class->startup = vp_application_startup;
}

static void
vp_application_init (VpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_add_main_option_entries (G_APPLICATION (self), vp_cli_option_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self), _ ("Plan, track and evaluate the municipal safety implementation plan."));
}

/**
 * vp_application_get_prefix:
 *
 * The prefix the running program was installed into, seen from where it
 * is: the folder above its bin/ (so that a copy installed with DESTDIR or
 * unpacked from the Debian package elsewhere finds its own files).
 *
 * Returns: (transfer full) (nullable): the prefix, or %NULL when the
 * program does not run from an installed bin/ folder (the build tree).
 */
char *
vp_application_get_prefix (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *bindir = NULL;

  if (exe == NULL || g_path_is_absolute (BINDIR_IN_PREFIX))
    return NULL;
  dir = g_path_get_dirname (exe);
  bindir = g_strconcat (G_DIR_SEPARATOR_S, BINDIR_IN_PREFIX, NULL);
  if (!g_str_has_suffix (dir, bindir))
    return NULL;
  return g_strndup (dir, strlen (dir) - strlen (bindir));
}

/* @relative under the installed prefix, or @fallback (the configured
 * place) when the program is not installed or that does not exist. */
static char *
installed_path (const char *relative, const char *fallback)
{
  g_autofree char *prefix = vp_application_get_prefix ();
  g_autofree char *path = NULL;

  if (prefix == NULL || g_path_is_absolute (relative))
    return g_strdup (fallback);
  path = g_build_filename (prefix, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup (fallback);
  return g_steal_pointer (&path);
}

/**
 * vp_application_get_help_file:
 *
 * The guide for advisors in the user's language (English when there is
 * none in it): `help/LANGUAGE.html` in the program's data folder, or in
 * VEILIGHEIDSPLAN_HELPDIR when set (the source tree's data/help, when run
 * from the build tree).
 *
 * Returns: (transfer full): the guide's file name
 */
char *
vp_application_get_help_file (void)
{
  const char *const *languages = g_get_language_names ();
  g_autofree char *dir = NULL;
  g_autofree char *datadir = NULL;

  if (g_getenv ("VEILIGHEIDSPLAN_HELPDIR") != NULL)
    dir = g_strdup (g_getenv ("VEILIGHEIDSPLAN_HELPDIR"));
  else
    {
      datadir = installed_path (DATADIR_IN_PREFIX, NULL);
      dir = datadir != NULL ? g_build_filename (datadir, GETTEXT_PACKAGE, "help", NULL)
                            : g_build_filename (PKGDATADIR, "help", NULL);
    }
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (languages[i], ".html", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return g_build_filename (dir, "en.html", NULL);
}

/**
 * vp_application_init_i18n:
 *
 * Sets up gettext. VEILIGHEIDSPLAN_LOCALEDIR points at another locale
 * folder (the build tree's, for tests); an installed program uses the
 * one in its own prefix (vp_application_get_prefix()).
 */
void
vp_application_init_i18n (void)
{
  const char *env_localedir = g_getenv ("VEILIGHEIDSPLAN_LOCALEDIR");
  g_autofree char *localedir = NULL;

  localedir = env_localedir != NULL ? g_strdup (env_localedir)
                                    : installed_path (LOCALEDIR_IN_PREFIX, LOCALEDIR);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

VpApplication *
vp_application_new (void)
{
  return g_object_new (VP_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/nl/veiligheidsplan/Veiligheidsplan", NULL);
}
