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

/* A plan database being opened in a thread of its own: vp_store_open()
 * reads every record, which takes a while for a large plan. Its window
 * shows meanwhile (vp_window_new_opening()), and the plan once read. The
 * command line's database starts opening before GTK is set up, so that
 * the two overlap. */
typedef struct
{
  VpApplication *app; /* borrowed: dispose waits for the thread */
  char *path;
  GThread *thread;

  GMutex lock; /* for what the thread writes: */
  gboolean done;
  guint done_id; /* the idle that finishes the opening in the main thread */
  guint read, total;
  VpStore *store;
  GError *error;

  /* main thread only */
  VpWindow *window; /* weak: the window waiting for the store */
  guint progress_id;
} Opening;

struct _VpApplication
{
  AdwApplication parent_instance;

  /* Opening, while their threads run or their windows wait */
  GPtrArray *openings;
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
      if (VP_IS_WINDOW (l->data) && g_strcmp0 (vp_window_get_path (l->data), path) == 0)
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
 * resident memory then); once a frame with the plan (or the empty state)
 * is painted, "plan-shown rss-kib=N"; so that start-up can be timed as a
 * person meets it, from exec to the plan on screen. Half a second later,
 * when what follows the first frame (the list's rows off screen) is made
 * too, "settled rss-kib=N", and quit. */
static void
print_marker (const char *marker)
{
  g_autofree char *status = NULL;
  const char *line;
  long kib = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    kib = atol (line + strlen ("VmRSS:"));
  g_print ("%s rss-kib=%ld\n", marker, kib);
  fflush (stdout);
}

static void
quit_settled_cb (gpointer data)
{
  print_marker ("settled");
  g_application_quit (g_application_get_default ());
}

static void
on_after_paint_cb (GdkFrameClock *clock, VpWindow *window)
{
  if (g_object_get_data (G_OBJECT (window), "vp-first-frame") == NULL)
    {
      print_marker ("first-frame");
      g_object_set_data (G_OBJECT (window), "vp-first-frame", GINT_TO_POINTER (TRUE));
    }
  if (vp_window_get_store (window) == NULL)
    return;
  print_marker ("plan-shown");
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_timeout_add_once (500, quit_settled_cb, NULL);
}

static void
quit_after_first_frame (VpWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (g_getenv ("VEILIGHEIDSPLAN_FIRST_FRAME") != NULL && clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), window);
}

static void
opening_free (Opening *opening)
{
  if (opening->thread != NULL)
    g_thread_join (opening->thread);
  g_clear_handle_id (&opening->done_id, g_source_remove);
  g_clear_handle_id (&opening->progress_id, g_source_remove);
  g_clear_weak_pointer (&opening->window);
  g_clear_object (&opening->store);
  g_clear_error (&opening->error);
  g_mutex_clear (&opening->lock);
  g_free (opening->path);
  g_free (opening);
}

/* In the opening thread. */
static void
on_store_progress (guint read, guint total, gpointer user_data)
{
  Opening *opening = user_data;

  g_mutex_lock (&opening->lock);
  opening->read = read;
  opening->total = total;
  g_mutex_unlock (&opening->lock);
}

static gboolean on_opened_cb (gpointer user_data);

static gpointer
open_in_thread (gpointer user_data)
{
  Opening *opening = user_data;
  g_autoptr (GError) error = NULL;
  VpStore *store = vp_store_open_full (opening->path, on_store_progress, opening, &error);

  g_mutex_lock (&opening->lock);
  opening->store = store;
  opening->error = g_steal_pointer (&error);
  opening->done = TRUE;
  opening->done_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_opened_cb, opening, NULL);
  g_mutex_unlock (&opening->lock);
  return NULL;
}

static Opening *
start_opening (VpApplication *self, const char *path)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->app = self;
  opening->path = g_strdup (path);
  g_mutex_init (&opening->lock);
  g_ptr_array_add (self->openings, opening);
  opening->thread = g_thread_new ("vp-open", open_in_thread, opening);
  return opening;
}

/* The opening of @path no window waits for yet (the command line's). */
static Opening *
find_opening (VpApplication *self, const char *path)
{
  for (guint i = 0; i < self->openings->len; i++)
    {
      Opening *opening = g_ptr_array_index (self->openings, i);

      if (opening->window == NULL && g_str_equal (opening->path, path))
        return opening;
    }
  return NULL;
}

/* Whether the thread is done; if so, its idle is not needed any more. */
static gboolean
opening_is_done (Opening *opening)
{
  gboolean done;

  g_mutex_lock (&opening->lock);
  done = opening->done;
  if (done)
    g_clear_handle_id (&opening->done_id, g_source_remove);
  g_mutex_unlock (&opening->lock);
  return done;
}

/* The store read, or %NULL and why not; frees @opening. */
static VpStore *
take_store (Opening *opening, GError **error)
{
  VpApplication *self = opening->app;
  VpStore *store;

  g_thread_join (g_steal_pointer (&opening->thread));
  store = g_steal_pointer (&opening->store);
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&opening->error));
  g_ptr_array_remove (self->openings, opening);
  return store;
}

/* Why the database at @path cannot be opened, with the backup to
 * restore if there is one. */
static void
report_open_error (VpApplication *self, const char *path, const GError *error)
{
  VpBackup *backup = NULL;

  g_warning ("%s", error->message);
  if (g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED))
    backup = vp_store_find_good_backup (path);
  if (backup != NULL)
    offer_backup (self, path, error, backup);
  else
    show_open_error (self, path, error);
}

/* In the main thread, once the thread is done: the store to the window
 * waiting for it, or why it could not be read instead of the window. */
static gboolean
on_opened_cb (gpointer user_data)
{
  Opening *opening = user_data;
  VpApplication *self = opening->app;
  g_autofree char *path = g_strdup (opening->path);
  VpWindow *window = opening->window;
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* this source ends by returning: not removed again (opening_free()) */
  g_mutex_lock (&opening->lock);
  opening->done_id = 0;
  g_mutex_unlock (&opening->lock);
  store = take_store (opening, &error);
  /* closed while it was read: nobody waits for it */
  if (window == NULL)
    return G_SOURCE_REMOVE;
  if (store != NULL)
    vp_window_set_store (window, store);
  else
    {
      gtk_window_destroy (GTK_WINDOW (window));
      report_open_error (self, path, error);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
update_progress_cb (gpointer user_data)
{
  Opening *opening = user_data;
  double fraction;

  g_mutex_lock (&opening->lock);
  /* the rest of the bar is for showing the plan, once read */
  fraction = opening->total > 0 ? 0.85 * opening->read / opening->total : 0.0;
  g_mutex_unlock (&opening->lock);
  if (opening->window != NULL)
    vp_window_set_opening_progress (opening->window, fraction);
  return G_SOURCE_CONTINUE;
}

/* Opens (or raises) the window of the database at @path: at once, and
 * the plan in it once read. */
static VpWindow *
open_database (VpApplication *self, const char *path)
{
  VpWindow *window = find_window (self, path);
  Opening *opening;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  /* the command line's database may be on its way already */
  opening = find_opening (self, path);
  if (opening == NULL)
    opening = start_opening (self, path);
  if (opening_is_done (opening))
    {
      /* read while GTK started: shown with the plan from the start */
      g_autoptr (GError) error = NULL;
      g_autoptr (VpStore) store = take_store (opening, &error);

      if (store == NULL)
        {
          report_open_error (self, path, error);
          return NULL;
        }
      window = vp_window_new (self, store);
    }
  else
    {
      window = vp_window_new_opening (self, path);
      g_set_weak_pointer (&opening->window, window);
      opening->progress_id = g_timeout_add (100, update_progress_cb, opening);
    }
  gtk_window_present (GTK_WINDOW (window));
  quit_after_first_frame (window);
  return window;
}

/* Partners' files, each into the preview of an import. */
static void
import_files (VpWindow *window, GFile **files, int n_files)
{
  for (int i = 0; window != NULL && i < n_files; i++)
    vp_window_import_file (window, files[i]);
}

/* The database a window is asked for on the command line, as the running
 * instance will see it (vp_application_command_line()). */
static char *
database_path (GVariantDict *options, GApplicationCommandLine *cmdline)
{
  g_autofree char *database = NULL;
  g_autoptr (GFile) file = NULL;

  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    return vp_store_default_path ();
  file = cmdline != NULL ? g_application_command_line_create_file_for_arg (cmdline, database)
                         : g_file_new_for_commandline_arg (database);
  return g_file_get_path (file);
}

static int
vp_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  VpApplication *self = VP_APPLICATION (app);
  g_autofree char *path = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("veiligheidsplan %s\n", PACKAGE_VERSION);
      return 0;
    }
  status = vp_cli_run (options);
  if (status >= 0)
    return status;
  /* A window is asked for: its database is read while GTK starts (in this
   * process; when another one runs already, it is not used). */
  path = database_path (options, NULL);
  if (path != NULL)
    start_opening (self, path);
  return -1;
}

static int
vp_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  VpApplication *self = VP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
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
  path = database_path (options, cmdline);
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

/* The openings still running (the window closed before its plan was
 * read, or this process handed its command line to another one) are
 * waited for: a store is not left half-open. */
static void
vp_application_dispose (GObject *object)
{
  VpApplication *self = VP_APPLICATION (object);

  g_clear_pointer (&self->openings, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_application_parent_class)->dispose (object);
}

static void
vp_application_class_init (VpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vp_application_dispose;
  app_class->handle_local_options = vp_application_handle_local_options;
  app_class->command_line = vp_application_command_line;
  app_class->activate = vp_application_activate;
  app_class->open = vp_application_open;
  app_class->startup = vp_application_startup;
}

static void
vp_application_init (VpApplication *self)
{
  self->openings = g_ptr_array_new_with_free_func ((GDestroyNotify) opening_free);
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
