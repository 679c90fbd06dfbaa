/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-action-editor"

#include "config.h"

#include <adwaita.h>

#include "app/vp-application.h"
#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "vp-action-editor.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The action editor on a real store, driven through its template children
 * and its actions as a person would through the widgets. */

typedef struct
{
  VpStore *store;
  VpPlan *plan;
  GtkWindow *parent;
  VpActionEditor *editor;
  /* the message of the "done" signal, NULL until it came */
  char *done;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = vp_test_store_new ();
  f->plan = vp_test_add_small_plan (f->store);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  gtk_window_destroy (f->parent);
  vp_test_wait_for_frames ();
  g_assert_null (f->editor);
  g_clear_pointer (&f->done, g_free);
  g_clear_object (&f->store);
}

static void
on_done_cb (VpActionEditor *editor, const char *message, Fixture *f)
{
  g_assert_null (f->done);
  f->done = g_strdup (message);
}

static void
open_editor (Fixture *f, VpAction *action, VpPriority *priority)
{
  f->editor
    = VP_ACTION_EDITOR (vp_action_editor_new (f->parent, f->store, f->plan, action, priority));
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_signal_connect (f->editor, "done", G_CALLBACK (on_done_cb), f);
  gtk_window_present (GTK_WINDOW (f->editor));
  vp_test_wait_for_frames ();
}

/* The form's widgets are the action editor's template's; the frame's
 * (Save, the error message, Delete) its base VpRecordEditor's. */
static gpointer
child (Fixture *f, const char *name)
{
  GObject *object
    = gtk_widget_get_template_child (GTK_WIDGET (f->editor), VP_TYPE_ACTION_EDITOR, name);

  if (object == NULL)
    object = gtk_widget_get_template_child (GTK_WIDGET (f->editor), VP_TYPE_RECORD_EDITOR, name);
  g_assert_nonnull (object);
  return object;
}

static gboolean
save (Fixture *f)
{
  gboolean activated = gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);

  vp_test_wait_for_frames ();
  return activated;
}

static gboolean
can_save (Fixture *f)
{
  return gtk_widget_get_sensitive (child (f, "save_button"));
}

static void
set_text (Fixture *f, const char *text)
{
  gtk_text_buffer_set_text (child (f, "text_buffer"), text, -1);
}

static void
set_entry (Fixture *f, const char *name, const char *text)
{
  gtk_editable_set_text (child (f, name), text);
}

/* Chooses the item of a combo row that reads @label. */
static void
choose (Fixture *f, const char *row_name, const char *label)
{
  vp_test_choose (child (f, row_name), label);
}

static const char *
chosen (Fixture *f, const char *row_name)
{
  return vp_test_chosen (child (f, row_name));
}

static gpointer
record_at (VpStore *store, GType type, guint position)
{
  g_autoptr (GObject) record = g_list_model_get_item (vp_store_get_records (store, type), position);

  return record;
}

static VpAction *
find_action (VpStore *store, const char *text)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      VpAction *action = record_at (store, VP_TYPE_ACTION, i);

      if (g_strcmp0 (vp_action_get_text (action), text) == 0)
        return action;
    }
  return NULL;
}

static VpActionStatus *
find_status (VpStore *store, VpAction *action)
{
  GListModel *statuses = vp_store_get_records (store, VP_TYPE_ACTION_STATUS);
  const char *uuid = vp_record_get_uuid (VP_RECORD (action));

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      VpActionStatus *status = record_at (store, VP_TYPE_ACTION_STATUS, i);

      if (g_strcmp0 (vp_action_status_get_action (status), uuid) == 0)
        return status;
    }
  return NULL;
}

static VpStatusEvent *
last_event (VpStore *store)
{
  guint n = vp_store_count (store, VP_TYPE_STATUS_EVENT);

  return n > 0 ? record_at (store, VP_TYPE_STATUS_EVENT, n - 1) : NULL;
}

static VpPriority *
priority_numbered (Fixture *f, int number)
{
  for (guint i = 0; i < vp_store_count (f->store, VP_TYPE_PRIORITY); i++)
    {
      VpPriority *priority = record_at (f->store, VP_TYPE_PRIORITY, i);

      if (vp_priority_get_number (priority) == number)
        return priority;
    }
  g_assert_not_reached ();
}

static VpAction *
bibob_action (Fixture *f)
{
  VpAction *action
    = find_action (f->store, "We stellen een organisatiebreed projectplan op voor de Wet Bibob.");

  g_assert_nonnull (action);
  return action;
}

static void
advance_clock (VpStore *store)
{
  g_autoptr (GDateTime) later = g_date_time_new_utc (2024, 4, 2, 14, 30, 0);

  vp_store_set_now (store, later);
}

static void
test_new_action (Fixture *f, gconstpointer data)
{
  const char *text = "We organiseren drie voorlichtingsavonden over mensenhandel.";
  VpPriority *joint = priority_numbered (f, 1);
  guint n_actions = vp_store_count (f->store, VP_TYPE_ACTION);
  VpAction *action;
  VpActionStatus *status;
  VpStatusEvent *event;

  open_editor (f, NULL, joint);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "New Action");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->editor)) == f->parent);
  g_assert_false (gtk_widget_get_visible (child (f, "delete_group")));
  g_assert_cmpstr (chosen (f, "priority_row"), ==, "1. Ondermijnende criminaliteit");
  g_assert_cmpstr (chosen (f, "subtheme_row"), ==, "None");
  g_assert_cmpstr (chosen (f, "category_row"), ==, "Joint action");
  g_assert_cmpstr (chosen (f, "lead_row"), ==, "Joint");
  g_assert_cmpstr (chosen (f, "quarter_row"), ==, "No quarter");
  g_assert_cmpstr (chosen (f, "status_row"), ==, "Planned");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "year_spin")), ==, 2024);
  g_assert_false (can_save (f));

  set_text (f, text);
  choose (f, "subtheme_row", "B — Mensenhandel");
  choose (f, "category_row", "Local action");
  choose (f, "quarter_row", "Q3");
  choose (f, "lead_row", "Politie");
  set_entry (f, "lead_note_row", "Wijkagent");
  set_entry (f, "target_row", "3");
  set_entry (f, "unit_row", "voorlichtingsavonden");
  choose (f, "status_row", "In progress");
  gtk_spin_button_set_value (child (f, "achieved_spin"), 1);
  set_entry (f, "note_row", "De eerste avond was in maart.");
  g_assert_true (can_save (f));
  g_assert_true (save (f));

  g_assert_null (f->editor);
  g_assert_cmpstr (f->done, ==, "Action added");
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION), ==, n_actions + 1);
  action = find_action (f->store, text);
  g_assert_nonnull (action);
  g_assert_cmpstr (vp_action_get_priority (action), ==, vp_record_get_uuid (VP_RECORD (joint)));
  g_assert_nonnull (vp_action_get_subtheme (action));
  g_assert_cmpstr (vp_subtheme_get_letter (
                     VP_SUBTHEME (vp_store_lookup (f->store, vp_action_get_subtheme (action)))),
                   ==, "B");
  g_assert_cmpint (vp_action_get_category (action), ==, VP_CATEGORY_LOCAL);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (action), "owner"), ==, "nijkerk");
  g_assert_cmpint (vp_action_get_year (action), ==, 2024);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (action), "planned-year"), ==, 2024);
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_Q3);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (action), "planned-quarter"), ==, VP_QUARTER_Q3);
  g_assert_cmpint (vp_action_get_lead_kind (action), ==, VP_LEAD_KIND_ORGANISATION);
  g_assert_cmpstr (vp_action_get_lead (action), ==, "politie");
  g_assert_cmpstr (vp_action_get_lead_note (action), ==, "Wijkagent");
  g_assert_cmpint (vp_action_get_target (action), ==, 3);
  g_assert_cmpstr (vp_action_get_target_unit (action), ==, "voorlichtingsavonden");
  /* after the three actions of the priority, at 0, 1 and 2 */
  g_assert_cmpint (vp_record_get_int (VP_RECORD (action), "position"), ==, 3);
  g_assert_cmpstr (vp_record_get_modified_by (VP_RECORD (action)), ==, "nijkerk");

  status = find_status (f->store, action);
  g_assert_nonnull (status);
  g_assert_cmpstr (vp_action_status_get_municipality (status), ==, "nijkerk");
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (vp_action_status_get_achieved (status), ==, 1);
  g_assert_cmpstr (vp_action_status_get_note (status), ==, "De eerste avond was in maart.");
  event = last_event (f->store);
  g_assert_nonnull (event);
  g_assert_cmpstr (vp_status_event_get_action (event), ==, vp_record_get_uuid (VP_RECORD (action)));
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "planned");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "in-progress");
  g_assert_cmpstr (vp_status_event_get_municipality (event), ==, "nijkerk");
}

/* The minimal new action: text only, planned, joint. */
static void
test_new_action_defaults (Fixture *f, gconstpointer data)
{
  VpPriority *local = priority_numbered (f, 2);
  guint n_statuses = vp_store_count (f->store, VP_TYPE_ACTION_STATUS);
  VpAction *action;

  open_editor (f, NULL, local);
  g_assert_cmpstr (chosen (f, "priority_row"), ==, "2. Vakantieparken (Nijkerk)");
  /* a local priority's actions are local ones to begin with */
  g_assert_cmpstr (chosen (f, "category_row"), ==, "Local action");
  set_text (f, "  We houden een werksessie.\n");
  g_assert_true (save (f));

  action = find_action (f->store, "We houden een werksessie.");
  g_assert_nonnull (action);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (action), "position"), ==, 1);
  g_assert_cmpint (vp_action_get_lead_kind (action), ==, VP_LEAD_KIND_JOINT);
  g_assert_null (vp_action_get_lead (action));
  g_assert_null (vp_action_get_subtheme (action));
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_NONE);
  g_assert_cmpint (vp_action_get_target (action), ==, 0);
  /* planned, nothing achieved: no status row, no history */
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION_STATUS), ==, n_statuses);
}

static void
test_empty_text (Fixture *f, gconstpointer data)
{
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (f->store));
  g_autofree char *after = NULL;

  open_editor (f, NULL, NULL);
  /* Nothing typed yet: no fault shown, but nothing to save either. */
  g_assert_false (gtk_widget_get_visible (child (f, "text_error")));
  g_assert_false (can_save (f));
  set_text (f, "We");
  g_assert_true (can_save (f));
  set_text (f, " \n\t ");
  g_assert_true (gtk_widget_get_visible (child (f, "text_error")));
  g_assert_cmpstr (gtk_label_get_text (child (f, "text_error")), ==, "Describe the action.");
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Describe the action."));
  g_assert_false (can_save (f));
  save (f);
  g_assert_nonnull (f->editor);
  g_assert_nonnull (f->editor);

  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (f->done);
}

static void
test_empty_text_of_existing (Fixture *f, gconstpointer data)
{
  open_editor (f, bibob_action (f), NULL);
  g_assert_false (gtk_widget_get_visible (child (f, "text_error")));
  g_assert_true (can_save (f));
  set_text (f, "");
  g_assert_true (gtk_widget_get_visible (child (f, "text_error")));
  g_assert_false (can_save (f));
  save (f);
  g_assert_nonnull (f->editor);
  g_assert_cmpstr (vp_action_get_text (bibob_action (f)), ==,
                   "We stellen een organisatiebreed projectplan op voor de Wet Bibob.");
}

static void
test_target_not_a_number (Fixture *f, gconstpointer data)
{
  const char *faulty[] = { "vijf", "0", "-3", "2.5", "5 controles", "99999999999" };
  const char *fine[] = { "5", " 12 ", "" };
  GtkWidget *row;

  open_editor (f, bibob_action (f), NULL);
  row = child (f, "target_row");
  for (gsize i = 0; i < G_N_ELEMENTS (faulty); i++)
    {
      set_entry (f, "target_row", faulty[i]);
      g_assert_true (gtk_widget_get_visible (child (f, "target_error")));
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_false (can_save (f));
    }
  g_assert_cmpstr (gtk_label_get_text (child (f, "target_error")), ==,
                   "Enter a whole number, or leave it empty.");
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (f->editor), "Enter a whole number, or leave it empty."));
  save (f);
  g_assert_nonnull (f->editor);
  g_assert_cmpint (vp_action_get_target (bibob_action (f)), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      set_entry (f, "target_row", fine[i]);
      g_assert_false (gtk_widget_get_visible (child (f, "target_error")));
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      g_assert_true (can_save (f));
    }
  set_entry (f, "target_row", " 12 ");
  g_assert_true (save (f));
  g_assert_cmpint (vp_action_get_target (bibob_action (f)), ==, 12);
}

/* A status change writes the status and a history entry, together. */
static void
test_status_change (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  g_autofree char *modified_at = g_strdup (vp_record_get_modified_at (VP_RECORD (action)));
  guint n_statuses = vp_store_count (f->store, VP_TYPE_ACTION_STATUS);
  guint n_events = vp_store_count (f->store, VP_TYPE_STATUS_EVENT);
  VpActionStatus *status;
  VpStatusEvent *event;

  open_editor (f, action, NULL);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Progress of Nijkerk"));
  choose (f, "status_row", "Done");
  gtk_spin_button_set_value (child (f, "achieved_spin"), 1);
  g_assert_true (save (f));

  g_assert_cmpstr (f->done, ==, "Action saved");
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION_STATUS), ==, n_statuses + 1);
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_STATUS_EVENT), ==, n_events + 1);
  status = find_status (f->store, action);
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_DONE);
  g_assert_cmpint (vp_action_status_get_achieved (status), ==, 1);
  event = last_event (f->store);
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "planned");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "done");
  /* the action itself did not change */
  g_assert_cmpstr (vp_record_get_modified_at (VP_RECORD (action)), ==, modified_at);

  /* Again, from the status now kept: one row, updated; one more event. */
  g_clear_pointer (&f->done, g_free);
  open_editor (f, action, NULL);
  g_assert_cmpstr (chosen (f, "status_row"), ==, "Done");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "achieved_spin")), ==, 1);
  choose (f, "status_row", "Postponed");
  set_entry (f, "note_row", "Wacht op de landelijke handreiking.");
  g_assert_true (save (f));
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION_STATUS), ==, n_statuses + 1);
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_STATUS_EVENT), ==, n_events + 2);
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_POSTPONED);
  g_assert_cmpstr (vp_action_status_get_note (status), ==, "Wacht op de landelijke handreiking.");
  event = last_event (f->store);
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "done");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "postponed");

  /* A note alone changes the status row, without a history entry. */
  g_clear_pointer (&f->done, g_free);
  open_editor (f, action, NULL);
  set_entry (f, "note_row", "Handreiking is er.");
  g_assert_true (save (f));
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_STATUS_EVENT), ==, n_events + 2);
  g_assert_cmpstr (vp_action_status_get_note (status), ==, "Handreiking is er.");
}

static void
test_edit_text_only (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  g_autoptr (VpRecord) before = vp_record_copy (VP_RECORD (action));
  const char *text = "We stellen een projectplan op voor de Wet Bibob, met de gemeentebrede "
                     "aanpak.";

  advance_clock (f->store);
  open_editor (f, action, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "Edit Action");
  g_assert_true (gtk_widget_get_visible (child (f, "delete_group")));
  g_assert_cmpstr (chosen (f, "subtheme_row"), ==, "A — Productie en handel in drugs");
  g_assert_cmpstr (chosen (f, "lead_row"), ==, "Nijkerk");
  g_assert_cmpstr (chosen (f, "quarter_row"), ==, "Q4");
  g_assert_cmpstr (gtk_editable_get_text (child (f, "lead_note_row")), ==, "Bibob-medewerker");
  set_text (f, text);
  g_assert_true (save (f));

  g_assert_cmpstr (f->done, ==, "Action saved");
  g_assert_cmpstr (vp_action_get_text (action), ==, text);
  g_assert_cmpstr (vp_record_get_modified_at (VP_RECORD (action)), ==, "2024-04-02T14:30:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_at (before), !=,
                   vp_record_get_modified_at (VP_RECORD (action)));
  /* every other field as it was */
  g_object_set (before, "text", text, NULL);
  g_assert_true (vp_record_fields_equal (before, VP_RECORD (action)));
}

/* Opening and saving without a change writes nothing and says nothing. */
static void
test_nothing_changed (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VpAction *action;

  /* an action without a year keeps none */
  action = bibob_action (f);
  vp_store_update (f->store, VP_RECORD (action), NULL, "year", 0, "text",
                   "  We stellen een projectplan op.  ", NULL);
  before = vp_test_dump_file (vp_store_get_path (f->store));
  advance_clock (f->store);
  open_editor (f, action, NULL);
  g_assert_true (save (f));
  g_assert_null (f->editor);
  g_assert_null (f->done);
  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (VP_RECORD (action)));
  guint n_actions = vp_store_count (f->store, VP_TYPE_ACTION);
  guint n_statuses;
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) status = g_object_new (VP_TYPE_ACTION_STATUS, "action", uuid, "municipality",
                                              "nijkerk", "status", VP_STATUS_IN_PROGRESS, NULL);
  g_autoptr (VpRecord) theirs = g_object_new (VP_TYPE_ACTION_STATUS, "action", uuid, "municipality",
                                              "barneveld", "status", VP_STATUS_DONE, NULL);

  vp_store_insert (f->store, status, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  vp_test_insert_as_owner (f->store, theirs, &error);
  g_assert_no_error (error);
  n_statuses = vp_store_count (f->store, VP_TYPE_ACTION_STATUS);

  open_editor (f, action, NULL);
  g_assert_cmpstr (chosen (f, "status_row"), ==, "In progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete", NULL));
  vp_test_wait_for_frames ();

  g_assert_null (f->editor);
  g_assert_cmpstr (f->done, ==, "Action deleted");
  g_assert_null (vp_store_lookup (f->store, uuid));
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION), ==, n_actions - 1);
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_ACTION_STATUS), ==, n_statuses - 2);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (f->store));
  g_autofree char *after = NULL;

  open_editor (f, bibob_action (f), NULL);
  set_text (f, "Iets anders");
  choose (f, "status_row", "Cancelled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  vp_test_wait_for_frames ();
  g_assert_null (f->editor);
  g_assert_null (f->done);
  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
}

/* The priority the new action is for disappears behind the editor's
 * back: the save fails with a message in the editor, which stays open,
 * and the database is as it was. */
static void
test_priority_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_editor (f, NULL, priority_numbered (f, 2));
  set_text (f, "We evalueren het project.");
  vp_store_delete (f->store, VP_RECORD (priority_numbered (f, 2)), &error);
  g_assert_no_error (error);
  before = vp_test_dump_file (vp_store_get_path (f->store));

  g_assert_false (gtk_revealer_get_reveal_child (child (f, "error_revealer")));
  g_assert_true (save (f));
  g_assert_nonnull (f->editor);
  g_assert_null (f->done);
  g_assert_true (gtk_revealer_get_reveal_child (child (f, "error_revealer")));
  g_assert_cmpstr (gtk_label_get_text (child (f, "error_title")), ==, "The action was not saved");
  g_assert_cmpstr (gtk_label_get_text (child (f, "error_label")), ==,
                   "The priority “Vakantieparken” is no longer in the plan. Choose another "
                   "priority.");
  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (find_action (f->store, "We evalueren het project."));

  /* Another priority, and it saves. */
  choose (f, "priority_row", "1. Ondermijnende criminaliteit");
  g_assert_true (save (f));
  g_assert_null (f->editor);
  g_assert_nonnull (find_action (f->store, "We evalueren het project."));
}

/* A write that fails halfway (the status, after the action was written)
 * takes the whole save back. */
static void
test_failure_rolls_back (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_editor (f, action, NULL);
  set_text (f, "Een nieuwe tekst");
  choose (f, "status_row", "Done");
  /* the status fails after the action was written: neither is kept */
  vp_test_break_inserts (vp_store_get_path (f->store), "action_status");
  before = vp_test_dump_file (vp_store_get_path (f->store));

  g_assert_true (save (f));
  g_assert_nonnull (f->editor);
  g_assert_true (gtk_revealer_get_reveal_child (child (f, "error_revealer")));
  g_assert_cmpstr (gtk_label_get_text (child (f, "error_label")), !=, "");
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "The action was not saved"));
  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (vp_action_get_text (action), ==,
                   "We stellen een organisatiebreed projectplan op voor de Wet Bibob.");
  g_assert_null (find_status (f->store, action));

  /* The message can be dismissed. */
  gtk_revealer_set_reveal_child (child (f, "error_revealer"), FALSE);
}

static void
test_action_deleted_meanwhile (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  open_editor (f, bibob_action (f), NULL);
  set_text (f, "Een nieuwe tekst");
  vp_store_delete (f->store, VP_RECORD (bibob_action (f)), &error);
  g_assert_no_error (error);
  g_assert_true (save (f));
  g_assert_nonnull (f->editor);
  g_assert_cmpstr (gtk_label_get_text (child (f, "error_label")), ==,
                   "This action is no longer in the plan: it was deleted in the meantime.");
  g_assert_null (find_action (f->store, "Een nieuwe tekst"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete", NULL));
  g_assert_cmpstr (gtk_label_get_text (child (f, "error_title")), ==, "The action was not deleted");
}

static void
test_subthemes_follow_priority (Fixture *f, gconstpointer data)
{
  AdwComboRow *subthemes;

  open_editor (f, bibob_action (f), NULL);
  subthemes = child (f, "subtheme_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (subthemes)), ==, 3);
  choose (f, "priority_row", "2. Vakantieparken (Nijkerk)");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (subthemes)), ==, 1);
  g_assert_cmpstr (chosen (f, "subtheme_row"), ==, "None");
  choose (f, "priority_row", "1. Ondermijnende criminaliteit");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (subthemes)), ==, 3);

  /* Moved to the other priority, the action goes to its end. */
  choose (f, "priority_row", "2. Vakantieparken (Nijkerk)");
  g_assert_true (save (f));
  g_assert_cmpstr (vp_action_get_priority (bibob_action (f)), ==,
                   vp_record_get_uuid (VP_RECORD (priority_numbered (f, 2))));
  g_assert_null (vp_action_get_subtheme (bibob_action (f)));
  g_assert_cmpint (vp_record_get_int (VP_RECORD (bibob_action (f)), "position"), ==, 1);
}

/* User text is shown as text, never as markup. */
static void
test_markup_shown_literally (Fixture *f, gconstpointer data)
{
  const char *tricky = "<b>Bibob</b> & \"OM\"";
  VpAction *action = bibob_action (f);
  g_autoptr (GError) error = NULL;
  g_autofree char *priority_label = g_strdup_printf ("1. %s", tricky);
  g_autofree char *subtheme_label = g_strdup_printf ("A — %s", tricky);
  g_autofree char *progress = g_strdup_printf ("Progress of %s", tricky);
  GtkTextIter start, end;
  g_autofree char *shown_text = NULL;

  vp_store_update (f->store, VP_RECORD (priority_numbered (f, 1)), &error, "title", tricky, NULL);
  vp_store_update (f->store, vp_store_lookup (f->store, vp_action_get_subtheme (action)), &error,
                   "title", tricky, NULL);
  vp_store_update (f->store, VP_RECORD (vp_store_lookup_organisation (f->store, "nijkerk")), &error,
                   "name", tricky, NULL);
  vp_store_update (f->store, VP_RECORD (action), &error, "text", tricky, "lead-note", tricky,
                   "target-unit", tricky, NULL);
  g_assert_no_error (error);

  open_editor (f, action, NULL);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), priority_label));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), subtheme_label));
  /* the lead, Nijkerk by its new name */
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), tricky));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), progress));
  gtk_text_buffer_get_bounds (child (f, "text_buffer"), &start, &end);
  shown_text = gtk_text_buffer_get_text (child (f, "text_buffer"), &start, &end, FALSE);
  g_assert_cmpstr (shown_text, ==, tricky);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "lead_note_row")), ==, tricky);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "unit_row")), ==, tricky);

  /* and saved as typed */
  set_text (f, "<i>Bibob</i> &amp; OM");
  g_assert_true (save (f));
  g_assert_cmpstr (vp_action_get_text (action), ==, "<i>Bibob</i> &amp; OM");
}

/* A partner's local action is theirs: only its progress here is ours. */
static void
test_partners_action (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  g_autofree char *modified_at = NULL;
  g_autoptr (GError) error = NULL;

  /* made Barneveld's by Barneveld, as its file brings it */
  vp_test_update_as (f->store, VP_RECORD (action), "barneveld", "category", VP_CATEGORY_LOCAL,
                     "owner", "barneveld", NULL);
  modified_at = g_strdup (vp_record_get_modified_at (VP_RECORD (action)));

  open_editor (f, action, NULL);
  g_assert_false (gtk_widget_get_sensitive (child (f, "text_view")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "plan_group")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "lead_group")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "target_group")));
  g_assert_false (gtk_widget_get_visible (child (f, "delete_group")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor),
                                     "Only Barneveld changes this local action. You keep your own "
                                     "progress on it below."));
  choose (f, "status_row", "In progress");
  g_assert_true (save (f));
  g_assert_cmpint (vp_action_status_get_status (find_status (f->store, action)), ==,
                   VP_STATUS_IN_PROGRESS);
  g_assert_cmpstr (vp_record_get_modified_at (VP_RECORD (action)), ==, modified_at);
}

/* Ctrl+Return saves from anywhere, the text view included: a shortcut
 * that runs before the text view takes the key as a new line. */
static void
test_save_shortcut (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) controllers = NULL;
  gboolean found = FALSE;

  open_editor (f, NULL, NULL);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->editor));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger
            = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action
            = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          found |= strstr (trigger, "<Control>Return") != NULL
                   && g_str_equal (action, "action(editor.save)");
        }
    }
  g_assert_true (found);
}

static gboolean
load_example (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
    "/nl/veiligheidsplan/Veiligheidsplan/examples/nijkerk-uvp-2024.json", 0, &error);
  g_autoptr (VpChangeSet) changes = NULL;

  g_assert_no_error (error);
  changes = vp_exchange_read (store, bytes, "nijkerk-uvp-2024.json", &error);
  g_assert_no_error (error);
  return vp_change_set_apply (changes, store, &error);
}

/* A popover is a surface of its own: the whole screen shows it. */
static void
capture_popup (Fixture *f, const char *dir, const char *language)
{
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *name
    = g_strdup_printf ("action-editor-popup-%s.png", language != NULL ? language : "en");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const char *argv[] = { import, "-window", "root", path, NULL };
  g_autoptr (GError) error = NULL;

  if (import == NULL)
    return;
  gtk_widget_activate (child (f, "subtheme_row"));
  for (int i = 0; i < 20; i++)
    vp_test_wait_for_frames ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gtk_widget_activate (child (f, "subtheme_row"));
  vp_test_wait_for_frames ();
}

/* With VP_SCREENSHOT_DIR set: pictures of the editor on an action of the
 * example plan, to look at. */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("VP_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  VpAction *action;

  if (dir == NULL)
    {
      g_test_skip ("set VP_SCREENSHOT_DIR to take screenshots");
      return;
    }
  g_assert_true (load_example (store));
  g_set_object (&f->store, store);
  f->plan = record_at (store, VP_TYPE_PLAN, 0);
  action = find_action (store, "We organiseren vijf (thematische) integrale controles. Door "
                               "georganiseerd samen te werken, roepen we criminaliteit een halt "
                               "toe. We communiceren actief over de behaalde resultaten.");
  g_assert_nonnull (action);
  open_editor (f, action, NULL);
  name = g_strdup_printf ("action-editor-%s.png", language != NULL ? language : "en");
  path = g_build_filename (dir, name, NULL);
  vp_test_save_screenshot (GTK_WIDGET (f->editor), path);

  /* the whole form at once */
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 560, 1240);
  vp_test_wait_for_frames ();
  g_free (name);
  g_free (path);
  name = g_strdup_printf ("action-editor-full-%s.png", language != NULL ? language : "en");
  path = g_build_filename (dir, name, NULL);
  vp_test_save_screenshot (GTK_WIDGET (f->editor), path);
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 560, 680);

  capture_popup (f, dir, language);

  gtk_window_set_default_size (GTK_WINDOW (f->editor), 560, 1240);
  set_entry (f, "target_row", "vijf");
  set_text (f, "");
  gtk_revealer_set_reveal_child (child (f, "error_revealer"), TRUE);
  gtk_label_set_text (child (f, "error_title"), "The action was not saved");
  gtk_label_set_text (child (f, "error_label"), "The plan database is in use by another program.");
  /* past the revealer's transition */
  for (int i = 0; i < 20; i++)
    vp_test_wait_for_frames ();
  g_free (name);
  g_free (path);
  name = g_strdup_printf ("action-editor-faults-%s.png", language != NULL ? language : "en");
  path = g_build_filename (dir, name, NULL);
  vp_test_save_screenshot (GTK_WIDGET (f->editor), path);
  g_test_message ("screenshots in %s", dir);
}

/* A quarter changed in the editor goes into the history, which the
 * editor shows with the status changes, newest first. */
static void
test_history (Fixture *f, gconstpointer data)
{
  VpAction *action = bibob_action (f);
  guint n_events = vp_store_count (f->store, VP_TYPE_STATUS_EVENT);
  VpStatusEvent *event;

  open_editor (f, action, NULL);
  g_assert_false (gtk_widget_get_visible (child (f, "history_group")));
  choose (f, "status_row", "In progress");
  choose (f, "quarter_row", "Q3");
  g_assert_true (save (f));
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_STATUS_EVENT), ==, n_events + 2);
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_Q3);
  /* it was planned in Q4, and stays so */
  g_assert_cmpint (vp_action_get_planned_quarter (action), ==, VP_QUARTER_Q4);
  /* the move, then the status change */
  event = record_at (f->store, VP_TYPE_STATUS_EVENT, n_events);
  g_assert_cmpint (vp_status_event_get_kind (event), ==, VP_EVENT_KIND_QUARTER);
  g_assert_cmpstr (vp_status_event_get_from (event), ==, "2024-Q4");
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "2024-Q3");

  g_clear_pointer (&f->done, g_free);
  open_editor (f, action, NULL);
  g_assert_true (gtk_widget_get_visible (child (f, "history_group")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Moved: Q4 2024 → Q3 2024"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Planned → In progress"));
  {
    /* the test's clock, in this computer's time zone */
    g_autoptr (GDateTime) utc = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
    g_autoptr (GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *when = g_date_time_format (local, "Nijkerk · %-d %b %Y, %H:%M");

    g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), when));
  }
}

/* The mapped label under @widget that shows @text, or NULL. */
static GtkWidget *
find_label_showing (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An action another municipality leads: its status is shown, not
 * changed, and saving the rest leaves it alone. */
static void
test_status_kept_by_lead (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  VpAction *action = bibob_action (f);
  GtkWidget *why;
  guint n_events;

  g_assert_true (vp_store_update (f->store, VP_RECORD (action), &error, "lead", "barneveld", NULL));
  vp_test_set_status_as (f->store, action, "barneveld", VP_STATUS_IN_PROGRESS, 0,
                         "Barneveld is bezig.");
  n_events = vp_store_count (f->store, VP_TYPE_STATUS_EVENT);
  open_editor (f, action, NULL);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Progress of Barneveld"));
  g_assert_cmpstr (chosen (f, "status_row"), ==, "In progress");
  g_assert_false (gtk_widget_get_sensitive (child (f, "status_row")));
  /* a screen reader says why: the status is described by the group's note */
  why = find_label_showing (GTK_WIDGET (f->editor),
                            "Only the municipality that leads this action sets its status.");
  g_assert_nonnull (why);
  gtk_test_accessible_assert_relation (child (f, "status_row"),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, why, NULL);
  set_text (f, "We stellen een projectplan op voor de Wet Bibob.");
  g_assert_true (save (f));
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_STATUS_EVENT), ==, n_events);
  g_assert_cmpint (vp_action_get_status (f->store, action), ==, VP_STATUS_IN_PROGRESS);

  /* the lead back to Nijkerk, in the editor: the status is ours to set again */
  g_clear_pointer (&f->done, g_free);
  open_editor (f, action, NULL);
  choose (f, "lead_row", "Nijkerk");
  g_assert_true (gtk_widget_get_sensitive (child (f, "status_row")));
  g_assert_null (find_label_showing (
    GTK_WIDGET (f->editor), "Only the municipality that leads this action sets its status."));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child (f, "status_row")),
                                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (f->editor), "Progress of Nijkerk"));
}

static void
add_test (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;

  add_test ("/action-editor/new-action", test_new_action);
  add_test ("/action-editor/new-action-defaults", test_new_action_defaults);
  add_test ("/action-editor/empty-text", test_empty_text);
  add_test ("/action-editor/empty-text-of-existing", test_empty_text_of_existing);
  add_test ("/action-editor/target-not-a-number", test_target_not_a_number);
  add_test ("/action-editor/status-change", test_status_change);
  add_test ("/action-editor/edit-text-only", test_edit_text_only);
  add_test ("/action-editor/nothing-changed", test_nothing_changed);
  add_test ("/action-editor/delete", test_delete);
  add_test ("/action-editor/cancel", test_cancel);
  add_test ("/action-editor/priority-gone", test_priority_gone);
  add_test ("/action-editor/failure-rolls-back", test_failure_rolls_back);
  add_test ("/action-editor/action-deleted-meanwhile", test_action_deleted_meanwhile);
  add_test ("/action-editor/subthemes-follow-priority", test_subthemes_follow_priority);
  add_test ("/action-editor/markup-shown-literally", test_markup_shown_literally);
  add_test ("/action-editor/partners-action", test_partners_action);
  add_test ("/action-editor/save-shortcut", test_save_shortcut);
  add_test ("/action-editor/history", test_history);
  add_test ("/action-editor/status-kept-by-lead", test_status_kept_by_lead);
  /* a tool to look with, not a test: only asked for */
  if (g_getenv ("VP_SCREENSHOT_DIR") != NULL)
    add_test ("/action-editor/screenshot", test_screenshot);
  return g_test_run ();
}
