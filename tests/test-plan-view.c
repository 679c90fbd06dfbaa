/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-plan-view"

#include "config.h"

#include <adwaita.h>

#include "app/vp-application.h"
#include "exchange/vp-exchange.h"
#include "vp-definition-editor.h"
#include "vp-goal-editor.h"
#include "vp-plan-view.h"
#include "vp-priority-editor.h"
#include "vp-subtheme-editor.h"
#include "vp-test-gui.h"
#include "vp-test-util.h"

/* The plan view on the example plan, and its editors, driven through
 * the buttons and fields as a person would. */

typedef struct
{
  VpStore *store;
  VpPlan *plan;
  GtkWindow *window;
  VpPlanView *view;
  /* the message of the view's last "done" signal */
  char *done;
} Fixture;

static const char *const tricky = "<b>Bibob</b> & \"OM\"";

static void
wait_for_frames (void)
{
  vp_test_wait_for_frames ();
}

static void
load_example (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
    "/nl/veiligheidsplan/Veiligheidsplan/examples/nijkerk-uvp-2024.json", 0, &error);
  g_autoptr (VpChangeSet) changes = NULL;

  g_assert_no_error (error);
  changes = vp_exchange_read (store, bytes, "nijkerk-uvp-2024.json", &error);
  g_assert_no_error (error);
  vp_change_set_apply (changes, store, &error);
  g_assert_no_error (error);
}

static gpointer
record_at (VpStore *store, GType type, guint position)
{
  g_autoptr (GObject) record = g_list_model_get_item (vp_store_get_records (store, type), position);

  return record;
}

static void
on_done_cb (VpPlanView *view, const char *message, Fixture *f)
{
  g_free (f->done);
  f->done = g_strdup (message);
}

static void
open_view (Fixture *f, VpStore *store)
{
  g_set_object (&f->store, store);
  f->plan = record_at (store, VP_TYPE_PLAN, 0);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 800);
  f->view = VP_PLAN_VIEW (vp_plan_view_new (store));
  g_signal_connect (f->view, "done", G_CALLBACK (on_done_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  vp_plan_view_set_plan (f->view, f->plan);
  gtk_window_present (f->window);
  wait_for_frames ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (VpStore) store = vp_test_store_new ();

  load_example (store);
  open_view (f, store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  wait_for_frames ();
  g_clear_pointer (&f->done, g_free);
  g_clear_object (&f->store);
}

/* Every widget under @widget of @type, depth first. */
static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

static GPtrArray *
find_all (gpointer widget, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  return found;
}

static gboolean
shows_text (gpointer widget, const char *text)
{
  g_autoptr (GPtrArray) labels = find_all (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
  g_test_message ("“%s” is not shown", text);
  return FALSE;
}

/* The button of the view that runs @action with @target (NULL: any). */
static GtkWidget *
find_button (Fixture *f, const char *action, GVariant *target)
{
  g_autoptr (GPtrArray) buttons = find_all (f->view, GTK_TYPE_BUTTON);
  g_autoptr (GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);
      GVariant *value = gtk_actionable_get_action_target_value (button);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), action) == 0
          && (target == NULL || (value != NULL && g_variant_equal (value, target))))
        return GTK_WIDGET (button);
    }
  return NULL;
}

static GtkWidget *
edit_button (Fixture *f, gpointer record)
{
  return find_button (f, "plan.edit", g_variant_new_string (vp_record_get_uuid (record)));
}

static guint
count_buttons (Fixture *f, const char *action)
{
  g_autoptr (GPtrArray) buttons = find_all (f->view, GTK_TYPE_BUTTON);
  guint n = 0;

  for (guint i = 0; i < buttons->len; i++)
    n += g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0;
  return n;
}

static AdwPreferencesGroup *
find_group (gpointer widget, const char *title, guint nth)
{
  g_autoptr (GPtrArray) groups = find_all (widget, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (adw_preferences_group_get_title (group), title) == 0 && nth-- == 0)
        return group;
    }
  return NULL;
}

/* The rows under groups titled @title, all together. */
static guint
count_rows (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) groups = find_all (f->view, ADW_TYPE_PREFERENCES_GROUP);
  guint n = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr (GPtrArray) rows = NULL;

      if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) != 0)
        continue;
      rows = find_all (g_ptr_array_index (groups, i), ADW_TYPE_PREFERENCES_ROW);
      n += rows->len;
    }
  return n;
}

static GtkAdjustment *
get_vadjustment (Fixture *f)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (
    gtk_widget_get_template_child (GTK_WIDGET (f->view), VP_TYPE_PLAN_VIEW, "scroller"));

  return gtk_scrolled_window_get_vadjustment (scroller);
}

static double
scroll_position (Fixture *f)
{
  return gtk_adjustment_get_value (get_vadjustment (f));
}

static void
scroll_to (Fixture *f, double fraction)
{
  GtkAdjustment *adjustment = get_vadjustment (f);

  gtk_adjustment_set_value (
    adjustment,
    fraction * (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
}

/* Scrolls so that @widget shows at 60 % of the view's height, so that a
 * record that moves up a group stays in view. */
static void
scroll_to_show (Fixture *f, GtkWidget *widget)
{
  GtkAdjustment *adjustment = get_vadjustment (f);
  GtkWidget *viewport = gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW)));
  graphene_point_t point;

  /* the viewport's coordinates are those of the part scrolled to */
  g_assert_true (gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y
                                          - gtk_adjustment_get_page_size (adjustment) * 0.6);
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Clicks @button and returns the editor it opened. */
static VpRecordEditor *
click_for_editor (GtkWidget *button, GType type)
{
  VpRecordEditor *editor;

  g_assert_nonnull (button);
  g_assert_null (find_toplevel (VP_TYPE_RECORD_EDITOR));
  gtk_widget_grab_focus (button);
  gtk_widget_activate (button);
  /* a button activated from the keyboard clicks after 250 ms */
  for (int i = 0; i < 20 && (editor = find_toplevel (type)) == NULL; i++)
    wait_for_frames ();
  g_assert_nonnull (editor);
  return editor;
}

static gpointer
child (VpRecordEditor *editor, const char *name)
{
  GType type = G_OBJECT_TYPE (editor);
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), type, name);

  if (object == NULL)
    object = gtk_widget_get_template_child (GTK_WIDGET (editor), VP_TYPE_RECORD_EDITOR, name);
  g_assert_nonnull (object);
  return object;
}

static gboolean
can_save (VpRecordEditor *editor)
{
  return gtk_widget_get_sensitive (child (editor, "save_button"));
}

static void
set_entry (VpRecordEditor *editor, const char *name, const char *text)
{
  gtk_editable_set_text (child (editor, name), text);
}

static void
set_buffer (VpRecordEditor *editor, const char *name, const char *text)
{
  gtk_text_buffer_set_text (child (editor, name), text, -1);
}

/* The fault shown next to a field, NULL for none. */
static const char *
fault (VpRecordEditor *editor, const char *name)
{
  GtkWidget *label = child (editor, name);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
choose (VpRecordEditor *editor, const char *row_name, const char *label)
{
  vp_test_choose (child (editor, row_name), label);
}

static const char *
chosen (VpRecordEditor *editor, const char *row_name)
{
  return vp_test_chosen (child (editor, row_name));
}

static void
run_action (VpRecordEditor *editor, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL);
  wait_for_frames ();
}

/* Saves and checks that the editor closed. */
static void
save (VpRecordEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (can_save (editor));
  run_action (editor, "editor.save");
  g_assert_null (editor);
}

static void
delete_in (VpRecordEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_get_visible (child (editor, "delete_group")));
  run_action (editor, "editor.delete");
  g_assert_null (editor);
}

static void
cancel (VpRecordEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  run_action (editor, "editor.cancel");
  g_assert_null (editor);
}

static void
undo (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vp_store_undo (f->store, &error));
  g_assert_no_error (error);
  wait_for_frames ();
}

static gpointer
find_record (VpStore *store, GType type, const char *field, const char *value)
{
  GListModel *all = vp_store_get_records (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      VpRecord *record = record_at (store, type, i);

      if (g_strcmp0 (vp_record_get_string (record, field), value) == 0)
        return record;
    }
  return NULL;
}

static VpPriority *
priority_numbered (VpStore *store, int number)
{
  for (guint i = 0; i < vp_store_count (store, VP_TYPE_PRIORITY); i++)
    {
      VpPriority *priority = record_at (store, VP_TYPE_PRIORITY, i);

      if (vp_priority_get_number (priority) == number)
        return priority;
    }
  return NULL;
}

static VpSubtheme *
subtheme_of (VpStore *store, VpPriority *priority, const char *letter)
{
  GListModel *all = vp_store_get_records (store, VP_TYPE_SUBTHEME);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      VpSubtheme *subtheme = record_at (store, VP_TYPE_SUBTHEME, i);

      if (g_strcmp0 (vp_subtheme_get_priority (subtheme), vp_record_get_uuid (VP_RECORD (priority)))
            == 0
          && g_strcmp0 (vp_subtheme_get_letter (subtheme), letter) == 0)
        return subtheme;
    }
  return NULL;
}

static guint
count_children (VpStore *store, GType type, gpointer parent, const char *field, const char *value)
{
  GListModel *all = vp_store_get_records (store, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      VpRecord *record = record_at (store, type, i);

      n += g_strcmp0 (vp_record_get_parent_uuid (record), vp_record_get_uuid (parent)) == 0
           && (field == NULL || g_strcmp0 (vp_record_get_string (record, field), value) == 0);
    }
  return n;
}

static const char *
owner (gpointer record)
{
  return vp_record_get_string (record, "owner");
}

static void
test_example (Fixture *f, gconstpointer data)
{
  const char *titles[]
    = { "1. Ondermijnende criminaliteit", "2. Digitale veiligheid", "3. Zorg en veiligheid",
        "4. Vakantieparken", "5. Jongerenoverlast en criminaliteit" };
  GtkWidget *definitions = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (f->view), VP_TYPE_PLAN_VIEW, "definitions_box"));
  g_autoptr (GPtrArray) definition_rows = find_all (definitions, ADW_TYPE_PREFERENCES_ROW);
  g_autoptr (GPtrArray) section_groups = find_all (definitions, ADW_TYPE_PREFERENCES_GROUP);

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (shows_text (f->view, titles[i]));
  g_assert_true (shows_text (f->view, "Joint priority"));
  g_assert_true (shows_text (f->view, "Local priority"));
  /* the Ondermijning sub-themes, with their ambitions */
  g_assert_true (shows_text (f->view, "Productie en handel in drugs"));
  g_assert_true (shows_text (f->view, "Mensenhandel, gericht op uitbuiting"));
  g_assert_true (shows_text (f->view, "Zorgfraude"));
  g_assert_true (shows_text (
    f->view,
    vp_record_get_string (VP_RECORD (subtheme_of (f->store, priority_numbered (f->store, 1), "C")),
                          "ambition")));
  g_assert_true (shows_text (
    f->view, vp_record_get_string (VP_RECORD (priority_numbered (f->store, 2)), "ambition")));
  /* goals by kind: 19 strategic, 15 for 2024 */
  g_assert_cmpuint (count_rows (f, "Sub-themes"), ==, 8);
  g_assert_cmpuint (count_rows (f, "Strategic Goals"), ==, 19);
  g_assert_cmpuint (count_rows (f, "Goals for 2024"), ==, 15);
  /* the appendix: 19 terms in 5 sections */
  g_assert_cmpuint (definition_rows->len, ==, 19);
  g_assert_cmpuint (section_groups->len, ==, 5);
  g_assert_nonnull (find_group (definitions, "Zorg en veiligheid", 0));
  g_assert_true (shows_text (f->view, "Jonge aanwas"));
  /* everything is Nijkerk's to change: 5 + 8 + 34 + 19 records */
  g_assert_cmpuint (count_buttons (f, "plan.edit"), ==, 66);
  g_assert_cmpuint (count_buttons (f, "plan.add-subtheme"), ==, 5);
  g_assert_cmpuint (count_buttons (f, "plan.add-goal"), ==, 10);
  g_assert_cmpuint (count_buttons (f, "plan.add-definition"), ==, 6);
}

/* A partner's local priorities are theirs: no edit or add buttons. */
static void
test_partner_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  VpPriority *local;
  VpSubtheme *subtheme;

  gtk_window_destroy (f->window);
  load_example (store);
  open_view (f, store);
  local = priority_numbered (store, 4);
  subtheme = subtheme_of (store, local, "A");

  g_assert_true (shows_text (f->view, "Local priority of Nijkerk"));
  g_assert_null (edit_button (f, local));
  g_assert_null (edit_button (f, subtheme));
  g_assert_null (find_button (f, "plan.add-subtheme",
                              g_variant_new_string (vp_record_get_uuid (VP_RECORD (local)))));
  g_assert_nonnull (edit_button (f, priority_numbered (store, 1)));
  /* 3 joint priorities with 6 sub-themes and 30 goals, and the appendix */
  g_assert_cmpuint (count_buttons (f, "plan.edit"), ==, 3 + 6 + 30 + 19);
  /* nor does the action open an editor */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.edit", "s",
                              vp_record_get_uuid (VP_RECORD (local)));
  wait_for_frames ();
  g_assert_null (find_toplevel (VP_TYPE_RECORD_EDITOR));
}

static void
test_empty_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (VpRecord) plan = NULL;
  g_autoptr (GError) error = NULL;

  gtk_window_destroy (f->window);
  vp_test_add_small_plan (store);
  plan = g_object_new (VP_TYPE_PLAN, "title", "Uitvoeringsplan 2025", "first-year", 2025,
                       "last-year", 2026, "owner", "nijkerk", NULL);
  vp_store_insert (store, plan, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  open_view (f, store);
  vp_plan_view_set_plan (f->view, VP_PLAN (plan));
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "No priorities yet. Add the themes this plan works on."));
  g_assert_true (shows_text (f->view, "No definitions yet."));

  /* A priority of its own, then: empty parts say so; a two-year plan's
   * goals are for "this year". */
  {
    VpRecordEditor *editor
      = click_for_editor (find_button (f, "plan.add-priority", NULL), VP_TYPE_PRIORITY_EDITOR);

    g_assert_cmpstr (gtk_editable_get_text (child (editor, "number_row")), ==, "1");
    set_entry (editor, "title_row", "Evenementen");
    save (editor);
  }
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "1. Evenementen"));
  g_assert_true (shows_text (f->view, "No ambition yet."));
  g_assert_true (shows_text (f->view, "No sub-themes."));
  g_assert_true (shows_text (f->view, "No strategic goals yet."));
  g_assert_true (shows_text (f->view, "No goals for this year yet."));
  g_assert_nonnull (find_group (f->view, "Goals for This Year", 0));
}

static void
test_priority (Fixture *f, gconstpointer data)
{
  VpRecordEditor *editor;
  VpPriority *added;
  GtkWidget *red = NULL;
  g_autoptr (GPtrArray) colours = NULL;
  const char *const *holders;

  editor = click_for_editor (find_button (f, "plan.add-priority", NULL), VP_TYPE_PRIORITY_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Priority");
  g_assert_false (gtk_widget_get_visible (child (editor, "delete_group")));
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "number_row")), ==, "6");
  set_entry (editor, "title_row", "Evenementenveiligheid");
  choose (editor, "scope_row", "Local priority");
  set_buffer (editor, "ambition_buffer", "Veilige evenementen.");
  set_buffer (editor, "holders_buffer", "Burgemeester Renkema\n\n  Wethouder Van den Berg \n");
  set_entry (editor, "budget_row", "€ 25.000");
  colours = find_all (child (editor, "colour_box"), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpuint (colours->len, ==, 8);
  for (guint i = 0; i < colours->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (colours, i)), "Red") == 0)
      red = g_ptr_array_index (colours, i);
  g_assert_nonnull (red);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (red), TRUE);
  save (editor);

  g_assert_cmpstr (f->done, ==, "Priority added");
  g_assert_cmpstr (vp_store_get_undo_label (f->store), ==, "Add priority");
  added = priority_numbered (f->store, 6);
  g_assert_nonnull (added);
  g_assert_cmpstr (vp_priority_get_title (added), ==, "Evenementenveiligheid");
  g_assert_cmpstr (owner (added), ==, "nijkerk");
  g_assert_cmpint (vp_record_get_int64 (VP_RECORD (added), "budget-cents"), ==, 2500000);
  g_assert_cmpstr (vp_priority_get_colour (added), ==, "#e01b24");
  holders = vp_record_get_strv (VP_RECORD (added), "portfolio-holders");
  g_assert_cmpuint (g_strv_length ((char **) holders), ==, 2);
  g_assert_cmpstr (holders[1], ==, "Wethouder Van den Berg");
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "6. Evenementenveiligheid"));
  g_assert_true (shows_text (f->view, "Local priority · Portfolio holders: Burgemeester Renkema, "
                                      "Wethouder Van den Berg · Budget: €25,000"));

  /* Edit: the form shows it as saved; another title. */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_PRIORITY_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Priority");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "budget_row")), ==, "25,000");
  g_assert_cmpstr (chosen (editor, "scope_row"), ==, "Local priority");
  set_entry (editor, "title_row", "Evenementen");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Priority saved");
  g_assert_cmpstr (vp_store_get_undo_label (f->store), ==, "Edit priority");

  /* Cents, as per inhabitant; and €0, kept as a budget of nothing */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_PRIORITY_EDITOR);
  set_entry (editor, "budget_row", "€ 0,15");
  save (editor);
  g_assert_cmpint (vp_record_get_int64 (VP_RECORD (added), "budget-cents"), ==, 15);
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "Local priority · Portfolio holders: Burgemeester Renkema, "
                                      "Wethouder Van den Berg · Budget: €0.15"));
  editor = click_for_editor (edit_button (f, added), VP_TYPE_PRIORITY_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "budget_row")), ==, "0.15");
  set_entry (editor, "budget_row", "0");
  save (editor);
  g_assert_cmpint (vp_record_get_int64 (VP_RECORD (added), "budget-cents"), ==, 0);
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "Local priority · Portfolio holders: Burgemeester Renkema, "
                                      "Wethouder Van den Berg · Budget: €0"));
  editor = click_for_editor (edit_button (f, added), VP_TYPE_PRIORITY_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "budget_row")), ==, "0");
  set_entry (editor, "budget_row", "");
  save (editor);
  g_assert_cmpint (vp_record_get_int64 (VP_RECORD (added), "budget-cents"), ==, VP_BUDGET_NONE);
  g_assert_cmpstr (vp_priority_get_title (added), ==, "Evenementen");
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "6. Evenementen"));
  /* the focus is back on the edit button of the priority */
  g_assert_true (gtk_widget_has_focus (edit_button (f, added)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (f->view)));

  /* Delete, and undo. */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_PRIORITY_EDITOR);
  delete_in (editor);
  g_assert_cmpstr (f->done, ==, "Priority deleted");
  g_assert_cmpstr (vp_store_get_undo_label (f->store), ==, "Delete priority");
  g_assert_null (priority_numbered (f->store, 6));
  wait_for_frames ();
  g_assert_false (shows_text (f->view, "6. Evenementen"));
  undo (f);
  g_assert_nonnull (priority_numbered (f->store, 6));
  g_assert_true (shows_text (f->view, "6. Evenementen"));
}

/* A priority that becomes joint takes its sub-themes and goals along, in
 * one step to undo. */
static void
test_priority_scope (Fixture *f, gconstpointer data)
{
  VpPriority *parks = priority_numbered (f->store, 4);
  VpSubtheme *subtheme = subtheme_of (f->store, parks, "A");
  VpGoal *goal
    = find_record (f->store, VP_TYPE_GOAL, "priority", vp_record_get_uuid (VP_RECORD (parks)));
  VpRecordEditor *editor;

  g_assert_cmpstr (owner (subtheme), ==, "nijkerk");
  editor = click_for_editor (edit_button (f, parks), VP_TYPE_PRIORITY_EDITOR);
  /* its own colour, not of the palette, is kept and shown first */
  g_assert_cmpstr (
    gtk_widget_get_tooltip_text (gtk_widget_get_first_child (child (editor, "colour_box"))), ==,
    "Current colour");
  choose (editor, "scope_row", "Joint priority");
  save (editor);
  g_assert_null (owner (parks));
  g_assert_null (owner (subtheme));
  g_assert_null (owner (goal));
  g_assert_cmpstr (vp_priority_get_colour (parks), ==, "#d98e04");
  undo (f);
  g_assert_cmpstr (owner (parks), ==, "nijkerk");
  g_assert_cmpstr (owner (subtheme), ==, "nijkerk");
  g_assert_cmpstr (owner (goal), ==, "nijkerk");
}

static void
test_subtheme (Fixture *f, gconstpointer data)
{
  VpPriority *crime = priority_numbered (f->store, 1);
  VpPriority *parks = priority_numbered (f->store, 4);
  VpSubtheme *trafficking = subtheme_of (f->store, crime, "B");
  g_autofree char *trafficking_uuid = g_strdup (vp_record_get_uuid (VP_RECORD (trafficking)));
  guint n_goals_b = count_children (f->store, VP_TYPE_GOAL, crime, "subtheme", trafficking_uuid);
  VpRecordEditor *editor;
  VpSubtheme *added;

  editor
    = click_for_editor (find_button (f, "plan.add-subtheme",
                                     g_variant_new_string (vp_record_get_uuid (VP_RECORD (crime)))),
                        VP_TYPE_SUBTHEME_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Sub-theme");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "letter_row")), ==, "D");
  set_entry (editor, "letter_row", "d");
  set_entry (editor, "title_row", "Witwassen");
  set_buffer (editor, "ambition_buffer", "Crimineel geld opsporen.");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Sub-theme added");
  added = subtheme_of (f->store, crime, "D");
  g_assert_nonnull (added);
  g_assert_cmpstr (vp_subtheme_get_title (added), ==, "Witwassen");
  g_assert_null (owner (added));
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "Witwassen"));
  g_assert_true (shows_text (f->view, "Crimineel geld opsporen."));

  /* in a local priority: the home municipality's */
  editor
    = click_for_editor (find_button (f, "plan.add-subtheme",
                                     g_variant_new_string (vp_record_get_uuid (VP_RECORD (parks)))),
                        VP_TYPE_SUBTHEME_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "letter_row")), ==, "B");
  set_entry (editor, "title_row", "Permanente bewoning");
  save (editor);
  g_assert_cmpstr (owner (subtheme_of (f->store, parks, "B")), ==, "nijkerk");

  /* edit */
  wait_for_frames ();
  editor = click_for_editor (edit_button (f, added), VP_TYPE_SUBTHEME_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "title_row")), ==, "Witwassen");
  set_entry (editor, "letter_row", "E");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Sub-theme saved");
  g_assert_cmpstr (vp_subtheme_get_letter (added), ==, "E");

  /* Deleting B leaves its goals without a sub-theme; one undo brings
   * both back. */
  wait_for_frames ();
  g_assert_cmpuint (n_goals_b, >, 0);
  editor = click_for_editor (edit_button (f, trafficking), VP_TYPE_SUBTHEME_EDITOR);
  delete_in (editor);
  g_assert_cmpstr (f->done, ==, "Sub-theme deleted");
  g_assert_null (subtheme_of (f->store, crime, "B"));
  g_assert_cmpuint (count_children (f->store, VP_TYPE_GOAL, crime, NULL, NULL), ==, 14);
  undo (f);
  g_assert_nonnull (subtheme_of (f->store, crime, "B"));
  /* the store has a new object for it: the old one went with the delete */
  g_assert_cmpuint (count_children (f->store, VP_TYPE_GOAL, crime, "subtheme", trafficking_uuid),
                    ==, n_goals_b);
}

static void
test_goal (Fixture *f, gconstpointer data)
{
  VpPriority *digital = priority_numbered (f->store, 2);
  VpSubtheme *resilience = subtheme_of (f->store, digital, "A");
  VpRecordEditor *editor;
  VpGoal *added;
  double position;
  g_autoptr (GVariant) target = g_variant_ref_sink (
    g_variant_new ("(si)", vp_record_get_uuid (VP_RECORD (digital)), VP_GOAL_KIND_YEAR));

  editor = click_for_editor (find_button (f, "plan.add-goal", g_variant_ref (target)),
                             VP_TYPE_GOAL_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Goal");
  g_assert_cmpstr (chosen (editor, "kind_row"), ==, "Goal for this year");
  g_assert_cmpstr (chosen (editor, "subtheme_row"), ==, "None");
  choose (editor, "subtheme_row", "A — Digitale weerbaarheid");
  set_buffer (editor, "text_buffer", "We geven twee voorlichtingen over phishing.");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Goal added");
  g_assert_cmpuint (count_children (f->store, VP_TYPE_GOAL, digital, NULL, NULL), ==, 7);
  added
    = find_record (f->store, VP_TYPE_GOAL, "text", "We geven twee voorlichtingen over phishing.");
  g_assert_nonnull (added);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (added), "kind"), ==, VP_GOAL_KIND_YEAR);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (added), "subtheme"), ==,
                   vp_record_get_uuid (VP_RECORD (resilience)));
  g_assert_cmpint (vp_record_get_int (VP_RECORD (added), "position"), ==, 6);
  g_assert_null (owner (added));
  wait_for_frames ();
  g_assert_cmpuint (count_rows (f, "Goals for 2024"), ==, 16);

  /* edit: now a strategic goal; the view stays where it was (with the
   * goal in view: the plan's own page above moved what 0.3 of the way
   * shows) */
  scroll_to_show (f, edit_button (f, added));
  position = scroll_position (f);
  g_assert_cmpfloat (position, >, 0);
  editor = click_for_editor (edit_button (f, added), VP_TYPE_GOAL_EDITOR);
  g_assert_cmpstr (chosen (editor, "subtheme_row"), ==, "A — Digitale weerbaarheid");
  choose (editor, "kind_row", "Strategic goal");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Goal saved");
  g_assert_cmpint (vp_record_get_int (VP_RECORD (added), "kind"), ==, VP_GOAL_KIND_STRATEGIC);
  wait_for_frames ();
  g_assert_cmpfloat (scroll_position (f), ==, position);
  g_assert_cmpuint (count_rows (f, "Strategic Goals"), ==, 20);
  g_assert_cmpuint (count_rows (f, "Goals for 2024"), ==, 15);

  /* delete, undo */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_GOAL_EDITOR);
  delete_in (editor);
  g_assert_cmpstr (f->done, ==, "Goal deleted");
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_GOAL), ==, 34);
  undo (f);
  g_assert_cmpuint (vp_store_count (f->store, VP_TYPE_GOAL), ==, 35);
  g_assert_cmpuint (count_rows (f, "Strategic Goals"), ==, 20);
}

static void
test_definition (Fixture *f, gconstpointer data)
{
  VpRecordEditor *editor;
  VpDefinition *added;
  AdwPreferencesGroup *group;
  g_autoptr (GPtrArray) rows = NULL;

  editor = click_for_editor (
    find_button (f, "plan.add-definition", g_variant_new_string ("Zorg en veiligheid")),
    VP_TYPE_DEFINITION_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Definition");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "section_row")), ==, "Zorg en veiligheid");
  set_entry (editor, "term_row", "Levensloopaanpak");
  set_buffer (editor, "text_buffer", "Een persoonsgerichte aanpak over een langere periode.");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Definition added");
  added = find_record (f->store, VP_TYPE_DEFINITION, "term", "Levensloopaanpak");
  g_assert_nonnull (added);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (added), "position"), ==, 19);
  g_assert_null (owner (added));
  wait_for_frames ();
  group = find_group (f->view, "Zorg en veiligheid", 0);
  rows = find_all (group, ADW_TYPE_PREFERENCES_ROW);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_true (shows_text (group, "Levensloopaanpak"));

  /* edit: to a section of its own, which comes last */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_DEFINITION_EDITOR);
  set_entry (editor, "section_row", "Algemeen");
  save (editor);
  g_assert_cmpstr (f->done, ==, "Definition saved");
  wait_for_frames ();
  g_assert_true (shows_text (find_group (f->view, "Algemeen", 0), "Levensloopaanpak"));

  /* the top button adds a term without a section */
  editor = click_for_editor (find_button (f, "plan.add-definition", g_variant_new_string ("")),
                             VP_TYPE_DEFINITION_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "section_row")), ==, "");
  cancel (editor);

  /* delete, undo */
  editor = click_for_editor (edit_button (f, added), VP_TYPE_DEFINITION_EDITOR);
  delete_in (editor);
  g_assert_cmpstr (f->done, ==, "Definition deleted");
  g_assert_null (find_record (f->store, VP_TYPE_DEFINITION, "term", "Levensloopaanpak"));
  undo (f);
  g_assert_nonnull (find_record (f->store, VP_TYPE_DEFINITION, "term", "Levensloopaanpak"));
}

/* Behind another view it waits, and catches up when shown. */
static void
test_hidden_waits (Fixture *f, gconstpointer data)
{
  VpPriority *crime = priority_numbered (f->store, 1);
  g_autoptr (VpRecord) goal
    = g_object_new (VP_TYPE_GOAL, "priority", vp_record_get_uuid (VP_RECORD (crime)), "kind",
                    VP_GOAL_KIND_YEAR, "text", "Een doel erbij.", "position", 99, NULL);
  g_autoptr (GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  vp_store_insert (f->store, goal, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  wait_for_frames ();
  g_assert_cmpuint (count_rows (f, "Goals for 2024"), ==, 15);
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  wait_for_frames ();
  g_assert_cmpuint (count_rows (f, "Goals for 2024"), ==, 16);
  g_assert_true (shows_text (f->view, "Een doel erbij."));
}

/* Faults show next to the field and keep Save off; nothing is written. */
static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (f->store));
  g_autofree char *after = NULL;
  VpPriority *crime = priority_numbered (f->store, 1);
  VpRecordEditor *editor;

  editor = click_for_editor (find_button (f, "plan.add-priority", NULL), VP_TYPE_PRIORITY_EDITOR);
  /* an empty title is a fault only once typed in, but Save waits for one */
  g_assert_null (fault (editor, "title_error"));
  g_assert_false (can_save (editor));
  set_entry (editor, "title_row", "Iets");
  g_assert_true (can_save (editor));
  set_entry (editor, "title_row", "  ");
  g_assert_cmpstr (fault (editor, "title_error"), ==, "Enter a title.");
  g_assert_false (can_save (editor));
  set_entry (editor, "title_row", "Iets");
  set_entry (editor, "number_row", "3");
  g_assert_cmpstr (fault (editor, "number_error"), ==,
                   "Number 3 is already taken by “Zorg en veiligheid”.");
  g_assert_false (can_save (editor));
  set_entry (editor, "number_row", "0");
  g_assert_cmpstr (fault (editor, "number_error"), ==, "Enter a whole number, 1 or more.");
  set_entry (editor, "number_row", "7");
  g_assert_null (fault (editor, "number_error"));
  g_assert_true (can_save (editor));
  set_entry (editor, "budget_row", "veel");
  g_assert_cmpstr (fault (editor, "budget_error"), ==,
                   "“veel” is not an amount in euros; write it such as 25000, 1,250,000 or 0.15.");
  g_assert_true (gtk_widget_has_css_class (child (editor, "budget_row"), "error"));
  g_assert_false (can_save (editor));
  /* Save does nothing while it is off */
  run_action (editor, "editor.save");
  g_assert_nonnull (find_toplevel (VP_TYPE_PRIORITY_EDITOR));
  set_entry (editor, "budget_row", "25,50");
  g_assert_true (can_save (editor));
  set_entry (editor, "budget_row", "1.234.56");
  g_assert_false (can_save (editor));
  /* the real limit, named */
  set_entry (editor, "budget_row", "2.000.000.000");
  g_assert_cmpstr (fault (editor, "budget_error"), ==,
                   "“2.000.000.000” is more than a budget can be: at most €1,000,000,000.");
  g_assert_false (can_save (editor));
  set_entry (editor, "budget_row", "1.250.000");
  g_assert_null (fault (editor, "budget_error"));
  g_assert_false (gtk_widget_has_css_class (child (editor, "budget_row"), "error"));
  g_assert_true (can_save (editor));
  cancel (editor);

  /* editing priority 3 keeps its own number */
  editor
    = click_for_editor (edit_button (f, priority_numbered (f->store, 3)), VP_TYPE_PRIORITY_EDITOR);
  g_assert_null (fault (editor, "number_error"));
  set_entry (editor, "number_row", "1");
  g_assert_cmpstr (fault (editor, "number_error"), ==,
                   "Number 1 is already taken by “Ondermijnende criminaliteit”.");
  cancel (editor);

  editor
    = click_for_editor (find_button (f, "plan.add-subtheme",
                                     g_variant_new_string (vp_record_get_uuid (VP_RECORD (crime)))),
                        VP_TYPE_SUBTHEME_EDITOR);
  set_entry (editor, "title_row", "Witwassen");
  set_entry (editor, "letter_row", "b");
  g_assert_cmpstr (fault (editor, "letter_error"), ==,
                   "Letter B is already taken by “Mensenhandel, gericht op uitbuiting”.");
  g_assert_false (can_save (editor));
  set_entry (editor, "letter_row", "AB");
  g_assert_cmpstr (fault (editor, "letter_error"), ==, "Enter one letter, A to Z.");
  set_entry (editor, "letter_row", "D");
  g_assert_true (can_save (editor));
  set_entry (editor, "title_row", "");
  g_assert_cmpstr (fault (editor, "title_error"), ==, "Enter a title.");
  g_assert_false (can_save (editor));
  cancel (editor);

  editor = click_for_editor (
    find_button (f, "plan.add-goal",
                 g_variant_new ("(si)", vp_record_get_uuid (VP_RECORD (crime)), 0)),
    VP_TYPE_GOAL_EDITOR);
  g_assert_false (can_save (editor));
  set_buffer (editor, "text_buffer", "Iets");
  set_buffer (editor, "text_buffer", "");
  g_assert_cmpstr (fault (editor, "text_error"), ==, "Describe the goal.");
  cancel (editor);

  editor = click_for_editor (find_button (f, "plan.add-definition", g_variant_new_string ("")),
                             VP_TYPE_DEFINITION_EDITOR);
  g_assert_false (can_save (editor));
  set_entry (editor, "term_row", "x");
  set_entry (editor, "term_row", "");
  g_assert_cmpstr (fault (editor, "term_error"), ==, "Enter the term.");
  cancel (editor);

  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (f->done);
}

/* Opening and saving without a change writes nothing and says nothing. */
static void
test_nothing_changed (Fixture *f, gconstpointer data)
{
  g_autofree char *before = vp_test_dump_file (vp_store_get_path (f->store));
  g_autofree char *after = NULL;
  gpointer records[]
    = { priority_numbered (f->store, 1),
        subtheme_of (f->store, priority_numbered (f->store, 1), "A"),
        record_at (f->store, VP_TYPE_GOAL, 0), record_at (f->store, VP_TYPE_DEFINITION, 0) };

  for (gsize i = 0; i < G_N_ELEMENTS (records); i++)
    save (click_for_editor (edit_button (f, records[i]), VP_TYPE_RECORD_EDITOR));
  after = vp_test_dump_file (vp_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (f->done);
}

/* A record deleted behind the editor's back: the editor says so, and
 * stays open. */
static void
test_deleted_meanwhile (Fixture *f, gconstpointer data)
{
  VpPriority *crime = priority_numbered (f->store, 1);
  VpRecordEditor *editor;
  g_autoptr (GError) error = NULL;

  editor
    = click_for_editor (find_button (f, "plan.add-subtheme",
                                     g_variant_new_string (vp_record_get_uuid (VP_RECORD (crime)))),
                        VP_TYPE_SUBTHEME_EDITOR);
  set_entry (editor, "title_row", "Witwassen");
  vp_store_delete (f->store, VP_RECORD (crime), &error);
  g_assert_no_error (error);
  run_action (editor, "editor.save");
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "error_revealer")));
  g_assert_cmpstr (gtk_label_get_text (child (editor, "error_title")), ==,
                   "The sub-theme was not saved");
  g_assert_cmpstr (gtk_label_get_text (child (editor, "error_label")), ==,
                   "The priority “Ondermijnende criminaliteit” is no longer in the plan: it was "
                   "deleted in the meantime.");
  cancel (editor);
}

/* User text is shown as text, never as markup. */
static void
test_markup_shown_literally (Fixture *f, gconstpointer data)
{
  VpPriority *crime = priority_numbered (f->store, 1);
  VpSubtheme *drugs = subtheme_of (f->store, crime, "A");
  VpGoal *goal
    = find_record (f->store, VP_TYPE_GOAL, "subtheme", vp_record_get_uuid (VP_RECORD (drugs)));
  VpDefinition *definition = record_at (f->store, VP_TYPE_DEFINITION, 0);
  g_autofree char *heading = g_strdup_printf ("1. %s", tricky);
  g_autofree char *details = g_strdup_printf ("Joint priority · Portfolio holder: %s", tricky);
  const char *holders[] = { tricky, NULL };
  g_autoptr (GError) error = NULL;
  VpRecordEditor *editor;

  vp_store_update (f->store, VP_RECORD (crime), &error, "title", tricky, "ambition", tricky,
                   "portfolio-holders", holders, NULL);
  vp_store_update (f->store, VP_RECORD (drugs), &error, "title", tricky, NULL);
  vp_store_update (f->store, VP_RECORD (goal), &error, "text", tricky, NULL);
  vp_store_update (f->store, VP_RECORD (definition), &error, "section", tricky, "term", tricky,
                   "text", tricky, NULL);
  g_assert_no_error (error);
  wait_for_frames ();

  g_assert_true (shows_text (f->view, heading));
  g_assert_true (shows_text (f->view, details));
  g_assert_true (shows_text (f->view, tricky));
  g_assert_nonnull (find_group (f->view, tricky, 0));

  editor = click_for_editor (edit_button (f, drugs), VP_TYPE_SUBTHEME_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "title_row")), ==, tricky);
  /* the priority named above the form */
  g_assert_true (shows_text (editor, heading));
  set_entry (editor, "letter_row", "B");
  g_assert_cmpstr (fault (editor, "letter_error"), ==,
                   "Letter B is already taken by “Mensenhandel, gericht op uitbuiting”.");
  cancel (editor);

  editor = click_for_editor (edit_button (f, goal), VP_TYPE_GOAL_EDITOR);
  choose (editor, "subtheme_row", "A — <b>Bibob</b> & \"OM\"");
  set_buffer (editor, "text_buffer", "<i>Bibob</i> &amp; OM");
  save (editor);
  g_assert_cmpstr (vp_goal_get_text (goal), ==, "<i>Bibob</i> &amp; OM");
  wait_for_frames ();
  g_assert_true (shows_text (f->view, "<i>Bibob</i> &amp; OM"));
}

static void
save_screenshot (GtkWidget *widget, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  vp_test_save_screenshot (widget, path);
  g_test_message ("screenshot %s", path);
}

/* With VP_SCREENSHOT_DIR set: pictures of the view and the editors on the
 * example plan, to look at. */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("VP_SCREENSHOT_DIR");
  VpPriority *crime = priority_numbered (f->store, 1);
  const char *holders[] = { "Burgemeester G.D. Renkema", NULL };
  VpRecordEditor *editor;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("set VP_SCREENSHOT_DIR to take screenshots");
      return;
    }
  /* a budget and a portfolio holder, as some plans have */
  vp_store_update (f->store, VP_RECORD (crime), &error, "budget-cents", (gint64) 2500000,
                   "portfolio-holders", holders, NULL);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (f->window), dir, "plan-view.png");
  scroll_to (f, 0.45);
  save_screenshot (GTK_WIDGET (f->window), dir, "plan-view-middle.png");
  scroll_to (f, 1.0);
  save_screenshot (GTK_WIDGET (f->window), dir, "plan-view-definitions.png");
  gtk_window_set_default_size (f->window, 400, 700);
  scroll_to (f, 0.0);
  save_screenshot (GTK_WIDGET (f->window), dir, "plan-view-narrow.png");
  gtk_window_set_default_size (f->window, 1000, 800);

  editor = click_for_editor (edit_button (f, crime), VP_TYPE_PRIORITY_EDITOR);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 1000);
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (editor), dir, "priority-editor.png");
  set_entry (editor, "number_row", "3");
  set_entry (editor, "title_row", "");
  set_entry (editor, "budget_row", "veel");
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (editor), dir, "priority-editor-faults.png");
  cancel (editor);

  editor = click_for_editor (edit_button (f, subtheme_of (f->store, crime, "B")),
                             VP_TYPE_SUBTHEME_EDITOR);
  set_entry (editor, "letter_row", "a");
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (editor), dir, "subtheme-editor.png");
  cancel (editor);

  editor = click_for_editor (edit_button (f, find_record (f->store, VP_TYPE_GOAL, "priority",
                                                          vp_record_get_uuid (VP_RECORD (crime)))),
                             VP_TYPE_GOAL_EDITOR);
  for (int i = 0; i < 5; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (editor), dir, "goal-editor.png");
  cancel (editor);

  editor = click_for_editor (edit_button (f, record_at (f->store, VP_TYPE_DEFINITION, 0)),
                             VP_TYPE_DEFINITION_EDITOR);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 640);
  for (int i = 0; i < 25; i++)
    wait_for_frames ();
  save_screenshot (GTK_WIDGET (editor), dir, "definition-editor.png");
  cancel (editor);
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

  add_test ("/plan-view/example", test_example);
  add_test ("/plan-view/partner-read-only", test_partner_read_only);
  add_test ("/plan-view/empty-plan", test_empty_plan);
  add_test ("/plan-view/priority", test_priority);
  add_test ("/plan-view/priority-scope", test_priority_scope);
  add_test ("/plan-view/subtheme", test_subtheme);
  add_test ("/plan-view/goal", test_goal);
  add_test ("/plan-view/definition", test_definition);
  add_test ("/plan-view/hidden-waits", test_hidden_waits);
  add_test ("/plan-view/validation", test_validation);
  add_test ("/plan-view/nothing-changed", test_nothing_changed);
  add_test ("/plan-view/deleted-meanwhile", test_deleted_meanwhile);
  add_test ("/plan-view/markup-shown-literally", test_markup_shown_literally);
  /* a tool to look with, not a test: only asked for */
  if (g_getenv ("VP_SCREENSHOT_DIR") != NULL)
    add_test ("/plan-view/screenshot", test_screenshot);
  return g_test_run ();
}
