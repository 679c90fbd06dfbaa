/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app/vp-application.h"
#include "exchange/vp-exchange-folder.h"
#include "app/vp-preferences-window.h"
#include "app/vp-window.h"
#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "vp-import-dialog.h"
#include "vp-import-history.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The import preview on real stores: Nijkerk's database with the example
 * plan, and files that Barneveld's database wrote. */

#define ACTION_DAMOCLES "aab6f567-4d7f-491d-a0f6-fddef2204fed" /* joint */
#define ACTION_CONTROLS "7d03f395-3aea-4815-9b5e-8b362e3ac785" /* joint */
#define ACTION_TRAINING "4e5dfec4-f24d-40e9-90c7-12a80f7a1e0e" /* joint */
#define ACTION_EACH     "3e4bc5ce-54ca-4ce9-9cfd-ec242602ac63" /* joint */
#define PRIORITY_CRIME  "73daa09c-2c1e-4141-91b0-255a594b5c91"

#define B_CONTROLS_TEXT "We organiseren zes (thematische) integrale controles."
#define B_NOTE          "Team Veiligheid Barneveld"
#define N_NOTE          "Afdeling Veiligheid Nijkerk"

typedef struct
{
  VpStore *nijkerk;
  VpStore *barneveld;
  char *dir;
  GDateTime *now;
} Fixture;

static void
tick (Fixture *f)
{
  GDateTime *later = g_date_time_add_minutes (f->now, 1);

  g_date_time_unref (f->now);
  f->now = later;
  vp_store_set_now (f->nijkerk, f->now);
  vp_store_set_now (f->barneveld, f->now);
}

static void
load_example (VpStore *store)
{
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);

  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
}

static void
edit (Fixture *f, VpStore *store, const char *uuid, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;

  tick (f);
  g_assert_true (
    vp_store_update (store, vp_store_lookup (store, uuid), &error, field, value, NULL));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->nijkerk = vp_test_store_new ();
  f->barneveld = vp_test_store_new_for ("Barneveld");
  f->now = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  f->dir = vp_test_make_dir ();
  load_example (f->nijkerk);
  load_example (f->barneveld);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->nijkerk);
  g_clear_object (&f->barneveld);
  g_date_time_unref (f->now);
  g_free (f->dir);
}

static GFile *
export_barneveld (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  tick (f);
  g_assert_true (vp_exchange_export (f->barneveld, NULL, path, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Barneveld changes an action, sets a status and deletes an action;
 * both change the lead note of another: a conflict. */
static GFile *
make_partner_file (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  edit (f, f->barneveld, ACTION_CONTROLS, "text", B_CONTROLS_TEXT);
  tick (f);
  g_assert_true (vp_store_set_status (f->barneveld,
                                      VP_ACTION (vp_store_lookup (f->barneveld, ACTION_EACH)),
                                      "barneveld", VP_STATUS_DONE, 0, NULL, &error));
  g_assert_no_error (error);
  tick (f);
  g_assert_true (
    vp_store_delete (f->barneveld, vp_store_lookup (f->barneveld, ACTION_TRAINING), &error));
  edit (f, f->barneveld, ACTION_DAMOCLES, "lead-note", B_NOTE);
  edit (f, f->nijkerk, ACTION_DAMOCLES, "lead-note", N_NOTE);
  return export_barneveld (f, "barneveld.json");
}

static VpImportDialog *
open_dialog (Fixture *f, GFile *file)
{
  VpImportDialog *dialog = VP_IMPORT_DIALOG (vp_import_dialog_new (NULL, f->nijkerk, file));
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  gtk_window_present (GTK_WINDOW (dialog));
  while (vp_import_dialog_is_loading (dialog) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vp_import_dialog_is_loading (dialog));
  vp_test_wait_for_frames ();
  return dialog;
}

/* The toggle labelled @label in the row titled @title. */
static GtkToggleButton *
find_choice (GtkWidget *widget, const char *title, const char *label)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    {
      for (GtkWidget *w = vp_test_find (widget, GTK_TYPE_TOGGLE_BUTTON); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        {
          if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
            return GTK_TOGGLE_BUTTON (w);
        }
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_choice (child, title, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The widget named @name (a section of the preview is named by its title). */
static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows of the preview under @widget, one per change listed. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_PREFERENCES_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static char *
action_text (VpStore *store, const char *uuid)
{
  return g_strdup (vp_action_get_text (VP_ACTION (vp_store_lookup (store, uuid))));
}

static void
on_imported_cb (VpImportDialog *dialog, const char *message, char **out)
{
  *out = g_strdup (message);
}

/* The preview: the right groups and counts, the values side by side,
 * and nothing written. */
static void
test_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = make_partner_file (f);
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_autofree char *dump_after = NULL;
  g_autofree char *training = action_text (f->nijkerk, ACTION_TRAINING);
  VpImportDialog *dialog = open_dialog (f, file);
  VpChangeSet *set = vp_import_dialog_get_change_set (dialog);
  GtkWidget *widget = GTK_WIDGET (dialog);

  g_assert_nonnull (set);
  g_assert_null (vp_import_dialog_get_error (dialog));
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 1);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_DELETED), ==, 1);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UPDATED), ==, 1);
  /* the status and its history event */
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_ADDED), ==, 2);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import from Barneveld");
  g_assert_true (vp_test_shows_text (widget, "Conflicts"));
  g_assert_true (vp_test_shows_text (widget, "Deleted"));
  g_assert_true (vp_test_shows_text (widget, "Added"));
  g_assert_true (vp_test_shows_text (widget, "Updated"));
  g_assert_true (vp_test_shows_text (widget, "1. Ondermijnende criminaliteit"));
  g_assert_true (vp_test_shows_text (widget, B_CONTROLS_TEXT));
  g_assert_true (vp_test_shows_text (widget, training));
  g_assert_true (vp_test_shows_text (widget, "Barneveld: Done"));
  /* one row for the status set: its history event goes with it */
  g_assert_cmpuint (count_rows (find_named (widget, "Added")), ==, 1);
  g_assert_false (vp_test_shows_text (widget, "Barneveld: Planned → Done"));
  g_assert_true (vp_test_shows_text (widget, "Action · Lead note"));
  g_assert_true (vp_test_shows_text (widget, "Action · deleted by Barneveld"));
  g_assert_true (
    vp_test_shows_text (widget, "111 more records in the file are the same here or older."));

  /* the conflict's values side by side, once expanded */
  g_object_set (vp_test_find (widget, ADW_TYPE_EXPANDER_ROW), "expanded", TRUE, NULL);
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (widget, "Ours"));
  g_assert_true (vp_test_shows_text (widget, N_NOTE));
  g_assert_true (vp_test_shows_text (widget, B_NOTE));

  /* nothing was written */
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_wait_for_frames ();
  dump_after = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_assert_cmpstr (dump_before, ==, dump_after);
}

/* A joint action's one status, set here and by the partner without the
 * other's: a conflict, shown as what changes here. */
static void
test_shared_status (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  VpImportDialog *dialog;
  VpChangeSet *set;

  tick (f);
  g_assert_true (vp_store_set_status (f->nijkerk,
                                      VP_ACTION (vp_store_lookup (f->nijkerk, ACTION_CONTROLS)),
                                      "nijkerk", VP_STATUS_DONE, 0, NULL, &error));
  tick (f);
  g_assert_true (vp_store_set_status (f->barneveld,
                                      VP_ACTION (vp_store_lookup (f->barneveld, ACTION_CONTROLS)),
                                      "barneveld", VP_STATUS_POSTPONED, 0, NULL, &error));
  g_assert_no_error (error);
  file = export_barneveld (f, "barneveld.json");
  dialog = open_dialog (f, file);
  set = vp_import_dialog_get_change_set (dialog);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 1);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (dialog), "Shared status: Done → Postponed"));
  g_assert_false (vp_test_shows_text (GTK_WIDGET (dialog), "Barneveld: Postponed"));
  g_assert_nonnull (
    find_choice (GTK_WIDGET (dialog), "Shared status: Done → Postponed", "Barneveld"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The fixture of the exchange tests: Barneveld's progress on the example. */
static void
test_preview_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "progress.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GDateTime) july = g_date_time_new_utc (2024, 7, 2, 9, 0, 0);
  VpImportDialog *dialog;
  VpChangeSet *set;

  /* the file was written on 1 July: by a clock before it, it would be
   * from the future */
  vp_store_set_now (f->nijkerk, july);
  dialog = open_dialog (f, file);
  set = vp_import_dialog_get_change_set (dialog);
  g_assert_cmpstr (vp_import_dialog_get_error (dialog), ==, NULL);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_ADDED), ==, 5);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_UPDATED), ==, 2);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_CONFLICT), ==, 0);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (dialog), "Priority · Portfolio Holders, Budget"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (dialog), "Action · Quarter"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A choice per conflict, the partner's deletion taken, one import in the
 * log; undo puts everything back as it was. */
static void
test_choose_apply_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = make_partner_file (f);
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_autofree char *dump_after = NULL;
  g_autofree char *message = NULL;
  g_autofree char *damocles = action_text (f->nijkerk, ACTION_DAMOCLES);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) imports = NULL;
  VpImportDialog *dialog = open_dialog (f, file);
  VpChangeSet *set = vp_import_dialog_get_change_set (dialog);
  VpChange *conflict = vp_test_find_change (set, ACTION_DAMOCLES);
  GtkToggleButton *theirs = find_choice (GTK_WIDGET (dialog), damocles, "Barneveld");
  GtkToggleButton *ours = find_choice (GTK_WIDGET (dialog), damocles, "Ours");

  /* keep ours by default; take theirs, then all ours, then all theirs */
  g_assert_nonnull (theirs);
  g_assert_true (gtk_toggle_button_get_active (ours));
  g_assert_cmpint (vp_change_get_resolution (conflict), ==, VP_RESOLUTION_KEEP_OURS);
  gtk_toggle_button_set_active (theirs, TRUE);
  g_assert_cmpint (vp_change_get_resolution (conflict), ==, VP_RESOLUTION_TAKE_THEIRS);
  gtk_toggle_button_set_active (ours, TRUE);
  g_assert_cmpint (vp_change_get_resolution (conflict), ==, VP_RESOLUTION_KEEP_OURS);
  gtk_toggle_button_set_active (theirs, TRUE);
  g_assert_cmpint (vp_change_get_resolution (vp_test_find_change (set, ACTION_TRAINING)), ==,
                   VP_RESOLUTION_TAKE_THEIRS);

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &message);
  tick (f);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpstr (message, ==,
                   "Imported from Barneveld: 2 added, 1 updated, 1 deleted, 1 conflict");
  g_assert_cmpstr (
    vp_action_get_lead_note (VP_ACTION (vp_store_lookup (f->nijkerk, ACTION_DAMOCLES))), ==,
    B_NOTE);
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (vp_store_lookup (f->nijkerk, ACTION_CONTROLS))),
                   ==, B_CONTROLS_TEXT);
  g_assert_null (vp_store_lookup (f->nijkerk, ACTION_TRAINING));
  imports = vp_store_list_imports (f->nijkerk);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpstr (((VpImportEntry *) g_ptr_array_index (imports, 0))->partner, ==, "barneveld");
  g_assert_cmpstr (vp_store_get_undo_label (f->nijkerk), ==, "Import from Barneveld");

  g_assert_true (vp_store_undo (f->nijkerk, &error));
  g_assert_no_error (error);
  dump_after = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_assert_cmpstr (dump_before, ==, dump_after);
}

/* A partner's deletion is taken only if the person agrees: Keep keeps
 * it; a record changed here is a conflict, kept by default. */
static void
test_deletion_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = make_partner_file (f);
  g_autofree char *training = action_text (f->nijkerk, ACTION_TRAINING);
  VpImportDialog *dialog = open_dialog (f, file);
  GtkToggleButton *keep = find_choice (GTK_WIDGET (dialog), training, "Keep");
  GtkToggleButton *delete = find_choice (GTK_WIDGET (dialog), training, "Delete");

  g_assert_nonnull (keep);
  g_assert_true (gtk_toggle_button_get_active (delete));
  gtk_toggle_button_set_active (keep, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  g_assert_nonnull (vp_store_lookup (f->nijkerk, ACTION_TRAINING));
}

static void
test_deletion_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  VpImportDialog *dialog;
  VpChange *change;

  tick (f);
  g_assert_true (
    vp_store_delete (f->barneveld, vp_store_lookup (f->barneveld, ACTION_TRAINING), &error));
  file = export_barneveld (f, "barneveld.json");
  edit (f, f->nijkerk, ACTION_TRAINING, "lead-note", N_NOTE);
  dialog = open_dialog (f, file);
  change = vp_test_find_change (vp_import_dialog_get_change_set (dialog), ACTION_TRAINING);
  g_assert_cmpint (vp_change_get_kind (change), ==, VP_CHANGE_CONFLICT);
  g_assert_cmpint (vp_change_get_resolution (change), ==, VP_RESOLUTION_KEEP_OURS);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (dialog), "Deleted by Barneveld, changed here since"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  g_assert_nonnull (vp_store_lookup (f->nijkerk, ACTION_TRAINING));
}

/* A bad file: a message that names the file and the fault, in the window,
 * and the database as it was. */
static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
close_message (void)
{
  AdwMessageDialog *message = find_message ();

  if (message != NULL)
    gtk_window_destroy (GTK_WINDOW (message));
  vp_test_wait_for_frames ();
}

static void
assert_bad_file (Fixture *f, VpWindow *window, GFile *file, const char *fragment)
{
  g_autofree char *dump_before = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_autofree char *dump_after = NULL;
  gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  AdwMessageDialog *message = NULL;

  vp_window_import_file (window, file);
  while ((message = find_message ()) == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "The File Cannot Be Imported");
  g_test_message ("%s", adw_message_dialog_get_body (message));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), fragment));
  close_message ();
  dump_after = vp_test_dump_file (vp_store_get_path (f->nijkerk));
  g_assert_cmpstr (dump_before, ==, dump_after);
}

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", f->nijkerk, NULL);
  g_autoptr (GFile) good = make_partner_file (f);
  g_autoptr (GFile) own = NULL;
  g_autoptr (GFile) cut = NULL;
  g_autoptr (GFile) old = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cut_path = g_build_filename (f->dir, "kapot.json", NULL);
  g_autofree char *own_path = g_build_filename (f->dir, "eigen.json", NULL);
  g_autoptr (GError) error = NULL;
  gsize length;

  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();

  /* cut off halfway */
  g_file_load_contents (good, NULL, &text, &length, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (cut_path, text, (gssize) (length / 2), &error);
  g_assert_no_error (error);
  cut = g_file_new_for_path (cut_path);
  assert_bad_file (f, window, cut, "kapot.json: The file is not valid JSON: line ");

  /* a file of our own */
  tick (f);
  g_assert_true (vp_exchange_export (f->nijkerk, NULL, own_path, &error));
  own = g_file_new_for_path (own_path);
  assert_bad_file (f, window, own, "eigen.json: This file was exported by Nijkerk");

  /* an older file after a newer one */
  old = export_barneveld (f, "oud.json");
  edit (f, f->barneveld, ACTION_CONTROLS, "lead-note", "Later");
  g_clear_object (&good);
  good = export_barneveld (f, "nieuw.json");
  {
    g_autoptr (VpChangeSet) set = NULL;
    g_autofree char *path = g_file_get_path (good);

    set = vp_exchange_read_file (f->nijkerk, path, &error);
    g_assert_no_error (error);
    vp_change_set_resolve_all (set, VP_RESOLUTION_KEEP_OURS);
    g_assert_true (vp_change_set_apply (set, f->nijkerk, &error));
    g_assert_no_error (error);
  }
  assert_bad_file (f, window, old, "oud.json: This file of Barneveld (exported ");
  assert_bad_file (f, window, good, "was imported already");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The history lists the import, from whom and what it did. */
static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = make_partner_file (f);
  VpImportDialog *dialog = open_dialog (f, file);
  GtkWidget *history;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  vp_test_wait_for_frames ();
  history = vp_import_history_new (NULL, f->nijkerk);
  gtk_window_present (GTK_WINDOW (history));
  vp_test_wait_for_frames ();
  /* newest first; the example plan was the first import */
  g_assert_true (vp_test_shows_text (history, "Barneveld, 1 March 2024, 09:06"));
  g_assert_true (vp_test_shows_text (
    history, "114 added\nnijkerk-uvp-2024.json, exported 28 February 2024, 09:00"));
  g_assert_true (vp_test_shows_text (
    history,
    "2 added, 1 updated, 1 deleted, 1 conflict\nbarneveld.json, exported 1 March 2024, 09:06"));
  gtk_window_destroy (GTK_WINDOW (history));
}

/* The exchange folder: the export is written after a change; a partner's
 * file is announced once complete, never half-written, and only once. */
typedef struct
{
  GPtrArray *files;
} Announced;

static void
on_new_files_cb (VpExchangeFolder *folder,
                 const char *const *paths,
                 const char *const *partners,
                 Announced *announced)
{
  g_assert_cmpuint (g_strv_length ((char **) partners), ==, 1);
  g_assert_cmpstr (partners[0], ==, "barneveld");
  g_ptr_array_add (announced->files, g_path_get_basename (paths[0]));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
announced_one (gpointer announced)
{
  return ((Announced *) announced)->files->len >= 1;
}

static void
test_exchange_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (VpExchangeFolder) folder = vp_exchange_folder_new (f->nijkerk);
  g_autofree char *shared = g_build_filename (f->dir, "gedeeld", NULL);
  g_autofree char *own
    = g_build_filename (shared, "nijkerk-uitvoeringsplan-veiligheid-2024.json", NULL);
  g_autofree char *partner = g_build_filename (shared, "barneveld.json", NULL);
  g_autoptr (GFile) source = make_partner_file (f);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  Announced announced = { g_ptr_array_new_with_free_func (g_free) };
  gsize length;
  FILE *half;

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  vp_exchange_folder_set_delays (folder, 100, 150);
  g_signal_connect (folder, "new-files", G_CALLBACK (on_new_files_cb), &announced);
  vp_exchange_folder_set_path (folder, shared);
  vp_test_wait_until (file_exists, own, 5000);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));

  /* a change: written again */
  g_assert_cmpint (g_unlink (own), ==, 0);
  edit (f, f->nijkerk, ACTION_CONTROLS, "lead-note", "Opnieuw");
  vp_test_wait_until (file_exists, own, 5000);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (announced.files->len, ==, 0);

  /* Barneveld's file arrives slowly: half, a pause, the rest */
  g_file_load_contents (source, NULL, &text, &length, NULL, &error);
  g_assert_no_error (error);
  half = g_fopen (partner, "w");
  fwrite (text, 1, length / 2, half);
  fflush (half);
  vp_test_wait_ms (100);
  g_assert_cmpuint (announced.files->len, ==, 0);
  vp_test_wait_ms (500);
  g_assert_cmpuint (announced.files->len, ==, 0);
  fwrite (text + length / 2, 1, length - length / 2, half);
  fclose (half);
  vp_test_wait_until (announced_one, &announced, 5000);
  g_assert_cmpuint (announced.files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (announced.files, 0), ==, "barneveld.json");

  /* touched again, the same file: not announced twice */
  g_file_set_contents (partner, text, (gssize) length, &error);
  vp_test_wait_ms (800);
  g_assert_cmpuint (announced.files->len, ==, 1);
  g_ptr_array_unref (announced.files);
}

/* The preferences show the exchange folder setting and clear it. */
static void
test_preferences (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "data", NULL);
  g_autoptr (GSettingsSchemaSource) source
    = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, NULL);
  g_autoptr (GSettingsSchema) schema
    = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, FALSE) : NULL;
  g_autoptr (GSettings) settings = NULL;
  GtkWidget *window;
  GtkWidget *clear;

  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  window = vp_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (window, "Exchange Folder"));
  g_assert_true (vp_test_shows_text (window, "None"));
  g_settings_set_string (settings, "exchange-folder", "/srv/gedeeld/veiligheid");
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (window, "/srv/gedeeld/veiligheid"));
  clear = GTK_WIDGET (
    gtk_widget_get_template_child (window, VP_TYPE_PREFERENCES_WINDOW, "clear_button"));
  g_assert_true (gtk_widget_get_visible (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpstr (g_settings_get_string (settings, "exchange-folder"), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-dialog/preview", test_preview);
  ADD ("/import-dialog/preview-progress", test_preview_progress);
  ADD ("/import-dialog/choose-apply-undo", test_choose_apply_undo);
  ADD ("/import-dialog/deletion-kept", test_deletion_kept);
  ADD ("/import-dialog/deletion-conflict", test_deletion_conflict);
  ADD ("/import-dialog/bad-files", test_bad_files);
  ADD ("/import-dialog/history", test_history);
  ADD ("/import-dialog/exchange-folder", test_exchange_folder);
  ADD ("/import-dialog/shared-status", test_shared_status);
#undef ADD
  g_test_add_func ("/import-dialog/preferences", test_preferences);
  return g_test_run ();
}
