/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/vp-application.h"
#include "app/vp-home-dialog.h"
#include "app/vp-window-private.h"
#include "app/vp-window.h"
#include "exchange/vp-exchange.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-action-editor.h"
#include "vp-cell-text.h"
#include "vp-format.h"
#include "vp-list-view.h"
#include "vp-matrix-view.h"
#include "vp-test-gui.h"
#include "vp-view.h"
#include "vp-test-util.h"

/* The window on a real store, in English (LANGUAGE=en) or Dutch
 * (LANGUAGE=nl): meson runs this program once for each. */

static gboolean dutch;

/* The expected text in the language the test runs in. */
static const char *
tr (const char *english, const char *nederlands)
{
  return dutch ? nederlands : english;
}

static gpointer
window_child (VpWindow *window, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), VP_TYPE_WINDOW, name);
}

static VpListView *
list_view_of (VpWindow *window)
{
  return VP_LIST_VIEW (vp_test_find (GTK_WIDGET (window), VP_TYPE_LIST_VIEW));
}

static guint
n_rows (VpWindow *window)
{
  return g_list_model_get_n_items (vp_list_view_get_rows (list_view_of (window)));
}

static VpWindow *
open_window (VpStore *store)
{
  VpWindow *window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  return window;
}

static VpHomeDialog *
find_home_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (VP_IS_HOME_DIALOG (window))
        return VP_HOME_DIALOG (window);
    }
  return NULL;
}

/* The button under @widget that activates @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
is_opaque (gpointer widget)
{
  return gtk_widget_get_opacity (widget) == 1.0;
}

/* A window for a plan database still being read (a large one): it shows
 * at once, offers nothing to act on until the store comes, says what it
 * does when that takes a moment, and then shows the plan; a partner's
 * file given meanwhile is imported once the plan is there. */
static void
test_opening (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = vp_test_add_small_plan (store);
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *partner = g_build_filename (dir, "partner.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (partner);
  VpWindow *window = vp_window_new_opening (NULL, vp_store_get_path (store));
  GtkStack *stack = window_child (window, "stack");
  GtkWidget *page = window_child (window, "opening_page");
  GtkProgressBar *progress = window_child (window, "opening_progress");
  GtkWidget *search = window_child (window, "search_button");
  GtkWidget *new_action;

  g_assert_true (g_file_set_contents (partner, "not an exchange file", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  new_action = find_action_button (GTK_WIDGET (window), "win.new-action");
  g_assert_nonnull (new_action);
  g_assert_null (vp_window_get_store (window));
  g_assert_cmpstr (vp_window_get_path (window), ==, vp_store_get_path (store));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "opening");
  g_assert_false (gtk_widget_is_sensitive (new_action));
  g_assert_false (gtk_widget_is_sensitive (search));
  g_assert_false (
    gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (window), "win.show-overdue")));

  /* a moment later, what it does and how far it is */
  vp_window_set_opening_progress (window, 0.5);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0.5);
  g_assert_true (vp_test_wait_until (is_opaque, page, 5000));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Opening the Plan…", "Het plan wordt geopend…")));

  /* a partner's file, asked for meanwhile, waits for the plan (this one
   * is refused then, with its reason) */
  vp_window_import_file (window, file);
  vp_test_wait_ms (200);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  vp_window_set_store (window, store);
  vp_test_wait_for_frames ();
  g_assert_true (vp_window_get_store (window) == store);
  g_assert_true (vp_window_get_plan (window) == plan);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  g_assert_true (gtk_widget_is_sensitive (new_action));
  g_assert_true (gtk_widget_is_sensitive (search));
  g_assert_cmpuint (n_rows (window), ==, 6);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "1. Ondermijnende criminaliteit"));
  g_assert_true (vp_test_wait_until (message_shown, NULL, 5000));
  g_assert_cmpstr (
    adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
    ==, tr ("The File Cannot Be Imported", "Het bestand kan niet worden geïmporteerd"));

  gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  gtk_window_destroy (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
}

static void
test_empty_database (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  VpWindow *window;
  GtkStack *stack;
  AdwStatusPage *page;

  g_assert_no_error (error);
  window = open_window (store);
  stack = window_child (window, "stack");
  page = window_child (window, "empty_page");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, tr ("No Plan Yet", "Nog geen plan"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), tr ("No Plan Yet", "Nog geen plan")));

  gtk_window_destroy (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  /* The home municipality dialog came up, since none was set; closing
   * the window took it along. */
  g_assert_null (find_home_dialog ());
}

static void
test_first_run_asks_home (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  VpWindow *window;
  VpHomeDialog *dialog;
  GtkCheckButton *scherpenzeel;

  g_assert_no_error (error);
  g_assert_null (vp_store_get_home_municipality (store));
  window = open_window (store);
  dialog = find_home_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   tr ("Which Is Your Municipality?", "Wat is uw gemeente?"));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (dialog), tr ("Another municipality:", "Andere gemeente:")));

  /* Nijkerk is preselected; pick Scherpenzeel and continue. */
  scherpenzeel = GTK_CHECK_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), VP_TYPE_HOME_DIALOG, "scherpenzeel"));
  gtk_check_button_set_active (scherpenzeel, TRUE);
  /* What the dialog's button does: emit the response, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_wait_for_frames ();

  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "scherpenzeel");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_municipality_needs_a_name (void)
{
  g_autofree char *path = vp_test_db_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (path, &error);
  VpWindow *window = open_window (store);
  VpHomeDialog *dialog = find_home_dialog ();
  GObject *other
    = gtk_widget_get_template_child (GTK_WIDGET (dialog), VP_TYPE_HOME_DIALOG, "other");
  GObject *name
    = gtk_widget_get_template_child (GTK_WIDGET (dialog), VP_TYPE_HOME_DIALOG, "other_name");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (other), TRUE);
  g_assert_false (
    adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  gtk_editable_set_text (GTK_EDITABLE (name), "  Den Helder ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_wait_for_frames ();

  g_assert_cmpstr (vp_store_get_home_municipality (store), ==, "den-helder");
  g_assert_cmpstr (vp_store_get_home_municipality_name (store), ==, "Den Helder");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_plan_list (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = vp_test_add_small_plan (store);
  VpWindow *window = open_window (store);
  GtkStack *stack = window_child (window, "stack");
  AdwViewSwitcherTitle *title = window_child (window, "title");

  g_assert_null (find_home_dialog ());
  g_assert_true (vp_window_get_plan (window) == plan);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==,
                   "Uitvoeringsplan Veiligheid 2024");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "Nijkerk · 2024");

  /* Two priorities, each followed by its actions. */
  g_assert_cmpuint (n_rows (window), ==, 6);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "1. Ondermijnende criminaliteit"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "2. Vakantieparken (Nijkerk)"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window),
                                     "We organiseren vijf (thematische) integrale controles."));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "Nijkerk (Bibob-medewerker)"));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window),
                                     tr ("Each municipality", "Iedere gemeente individueel")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), tr ("Local", "Lokaal")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "0 / 5"));
  /* the clock stands at 1 March 2024: nothing is overdue yet */
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "Q1 2024"));
  /* the sidebar, with the home municipality's counts */
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("All Priorities", "Alle prioriteiten")));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("3 open · 0 done", "3 open · 0 afgerond")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Overdue: the end of the quarter passed, not done. */
static void
test_overdue (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GDateTime) april = g_date_time_new_utc (2024, 4, 2, 9, 0, 0);
  VpWindow *window;

  vp_test_add_small_plan (store);
  vp_store_set_now (store, april);
  window = open_window (store);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Q1 2024 · overdue", "Q1 2024 · verlopen")));
  /* the summary in the sidebar, which shows them */
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window),
                                     tr ("1 action overdue", "1 actie achter op planning")));
  g_object_set (vp_window_get_filter (window), "search", "Bibob", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overdue", NULL));
  vp_test_wait_for_frames ();
  /* the overdue ones, whatever the list showed before */
  {
    g_autofree char *search = NULL;

    g_object_get (vp_window_get_filter (window), "search", &search, NULL);
    g_assert_null (search);
  }
  /* only the one Q1 action, under its priority; the other priority,
   * with no action overdue, is left out */
  g_assert_cmpuint (n_rows (window), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
filter_searches_bibob (gpointer filter)
{
  g_autofree char *search = NULL;

  g_object_get (filter, "search", &search, NULL);
  return search != NULL && g_ascii_strcasecmp (search, "BIBOB") == 0;
}

/* Search and facets narrow the list; a chip shows each and clears it. */
static void
test_search_and_filters (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  VpActionFilter *filter;
  GtkSearchEntry *entry;
  GtkWidget *chips;
  GtkWidget *chip;
  int category;

  vp_test_add_small_plan (store);
  window = open_window (store);
  filter = vp_window_get_filter (window);
  entry = window_child (window, "search_entry");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "BIBOB");
  /* the entry passes its text on after a delay of its own: wait for it, so
   * that it does not come in the middle of what follows */
  g_assert_true (vp_test_wait_until (filter_searches_bibob, filter, 2000));
  vp_test_wait_for_frames ();
  /* the action under its priority; the other priority has no match */
  g_assert_cmpuint (n_rows (window), ==, 2);
  /* the lead's note is searched too */
  g_object_set (filter, "search", "medewerker", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_object_set (filter, "search", NULL, NULL);

  g_object_set (filter, "quarter", VP_QUARTER_Q4, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 5);
  g_object_set (filter, "category", VP_CATEGORY_LOCAL, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  /* nothing matches: the list says so, and how to go back */
  g_assert_false (
    vp_test_shows_text (GTK_WIDGET (window), tr ("No Matching Actions", "Geen acties gevonden")));
  g_object_set (filter, "lead", "each", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("No Matching Actions", "Geen acties gevonden")));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Clear Filters", "Filters weghalen")));

  chips = window_child (window, "chips");
  g_assert_true (vp_test_shows_text (chips, tr ("Quarter: Q4", "Kwartaal: Q4")));
  /* clicking the category's chip clears the category */
  chip = gtk_widget_get_first_child (chips);
  chip = gtk_widget_get_next_sibling (chip);
  chip = gtk_widget_get_next_sibling (chip);
  g_signal_emit_by_name (chip, "clicked");
  vp_test_wait_for_frames ();
  g_object_get (filter, "category", &category, NULL);
  g_assert_cmpint (category, ==, VP_FILTER_ANY);
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_object_set (filter, "search", "overzicht", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  /* the button of the list that matches nothing: no search, no facet */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (vp_action_filter_is_active (filter));
  g_assert_false (
    vp_test_shows_text (GTK_WIDGET (window), tr ("No Matching Actions", "Geen acties gevonden")));
  g_assert_false (gtk_revealer_get_reveal_child (window_child (window, "chips_revealer")));

  /* a search word alone: the way back clears the search */
  g_object_set (filter, "search", "zwembad", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Clear Search", "Zoekopdracht wissen")));
  g_assert_false (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Clear Filters", "Filters weghalen")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing a priority in the sidebar narrows the list to it. */
static void
test_sidebar_chooses_priority (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkListBox *sidebar;

  vp_test_add_small_plan (store);
  window = open_window (store);
  sidebar = window_child (window, "sidebar_list");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_assert_true (
    gtk_widget_get_state_flags (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)))
    & GTK_STATE_FLAG_SELECTED);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  g_assert_false (
    gtk_widget_get_state_flags (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)))
    & GTK_STATE_FLAG_SELECTED);

  /* moving the focus through the sidebar with the keyboard chooses
   * nothing: every view would be narrowed to each priority in turn */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0)));
  for (int i = 0; i < 2; i++)
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE,
                             &handled);
      vp_test_wait_for_frames ();
      g_assert_cmpuint (n_rows (window), ==, 6);
    }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a screen reader meets first: the window named after the plan, the
 * header bar's icon buttons named (a menu button's focusable inner
 * button too), only the view shown in the tree, the editor a dialog. */
static void
test_accessible_window (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkWidget *filter_button, *editor;
  AdwViewStack *views;

  vp_test_add_small_plan (store);
  window = open_window (store);
  views = window_child (window, "views");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Uitvoeringsplan Veiligheid 2024");
  gtk_test_accessible_assert_property (find_action_button (GTK_WIDGET (window), "win.new-action"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       tr ("New Action", "Nieuwe actie"));
  gtk_test_accessible_assert_property (window_child (window, "search_entry"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       tr ("Search actions", "Acties zoeken"));
  filter_button = gtk_widget_get_parent (
    gtk_widget_get_ancestor (GTK_WIDGET (window_child (window, "filter_grid")), GTK_TYPE_POPOVER));
  g_assert_true (GTK_IS_MENU_BUTTON (filter_button));
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (filter_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       tr ("Filter Actions", "Acties filteren"));

  adw_view_stack_set_visible_child_name (views, "board");
  vp_test_wait_for_frames ();
  gtk_test_accessible_assert_state (adw_view_stack_get_child_by_name (views, "board"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (adw_view_stack_get_child_by_name (views, "list"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  vp_test_wait_for_frames ();
  editor = find_toplevel (VP_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  gtk_test_accessible_assert_role (editor, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @text holds a token of symbols only ("—", "/", "→", "·"). */
static gboolean
has_symbol_token (const char *text)
{
  g_auto (GStrv) tokens = g_strsplit (text != NULL ? text : "", " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      gboolean letters = FALSE;

      for (const char *c = tokens[i]; *c != '\0'; c = g_utf8_next_char (c))
        letters = letters || g_unichar_isalnum (g_utf8_get_char (c))
                  || strchr (",.:;()'\"-?!", *c) != NULL;
      if (*tokens[i] != '\0' && !letters)
        return TRUE;
    }
  return FALSE;
}

/* What a screen reader meets under @widget, as it is shown: a button
 * with a mnemonic named once without the underscore (not "_Save Save"),
 * a label or cell that shows symbols named in words, every focusable
 * button, entry and drop-down named, a preferences group's title a
 * heading with a level. Counts the headings into @headings. */
static void
assert_accessible_tree (GtkWidget *widget, guint *headings)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
      && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *spoken
        = vp_accessible_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));

      gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  if (GTK_IS_LABEL (widget) && has_symbol_token (gtk_label_get_text (GTK_LABEL (widget))))
    {
      g_autofree char *spoken = vp_accessible_spoken (gtk_label_get_text (GTK_LABEL (widget)));

      g_assert_false (has_symbol_token (spoken));
      gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
    }
  if (VP_IS_CELL_TEXT (widget)
      && g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), "GtkColumnViewCell"))
    g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (gtk_widget_get_parent (widget)), GTK_ACCESSIBLE_PROPERTY_LABEL));
  /* (an entry's inner text is read as the entry) */
  if ((GTK_IS_BUTTON (widget) || (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
       || GTK_IS_DROP_DOWN (widget))
      && gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget))
    g_assert_true (
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING)
    {
      g_assert_true (
        gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL));
      (*headings)++;
    }
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && *adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != '\0')
    {
      guint before = *headings;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        assert_accessible_tree (child, headings);
      g_assert_cmpuint (*headings, >, before);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_accessible_tree (child, headings);
}

/* The first shown cell text under @widget that starts with a priority's
 * number and a sub-theme's letter ("1A  We …"), or NULL. */
static VpCellText *
find_numbered_cell (GtkWidget *widget)
{
  if (VP_IS_CELL_TEXT (widget) && gtk_widget_get_mapped (widget)
      && g_regex_match_simple ("^[0-9]+[A-Z]  ",
                               vp_cell_text_get_text (VP_CELL_TEXT (widget)) ?: "", 0, 0))
    return VP_CELL_TEXT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      VpCellText *found = find_numbered_cell (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every view and the action editor, walked as a screen reader reads
 * them; the board's grouping menu says its purpose and its value. */
static void
test_accessible_views (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  const char *views[] = { "list", "board", "quarters", "matrix", "plan", "evaluation" };
  VpWindow *window;
  AdwViewStack *stack;
  GtkWidget *editor, *lanes;
  guint headings = 0;

  vp_test_add_small_plan (store);
  window = open_window (store);
  stack = window_child (window, "views");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_test_message ("view %s", views[i]);
      adw_view_stack_set_visible_child_name (stack, views[i]);
      vp_test_wait_for_frames ();
      assert_accessible_tree (GTK_WIDGET (window), &headings);
    }
  g_assert_cmpuint (headings, >, 0);

  /* a matrix row's "1A  We …" says priority 1, sub-theme A */
  adw_view_stack_set_visible_child_name (stack, "matrix");
  vp_test_wait_for_frames ();
  {
    VpCellText *cell = find_numbered_cell (adw_view_stack_get_child_by_name (stack, "matrix"));
    g_auto (GStrv) parts = NULL;
    g_autofree char *spoken = NULL;

    g_assert_nonnull (cell);
    parts = g_regex_split_simple ("^([0-9]+)([A-Z])  ", vp_cell_text_get_text (cell), 0, 0);
    spoken = g_strconcat (tr ("Priority ", "Prioriteit "), parts[1],
                          tr (", sub-theme ", ", subthema "), parts[2], ": ", parts[3], NULL);
    gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
  }

  adw_view_stack_set_visible_child_name (stack, "board");
  vp_test_wait_for_frames ();
  lanes
    = vp_test_find_shown (adw_view_stack_get_child_by_name (stack, "board"), GTK_TYPE_MENU_BUTTON);
  gtk_test_accessible_assert_property (
    gtk_widget_get_first_child (lanes), GTK_ACCESSIBLE_PROPERTY_LABEL,
    tr ("Group cards: not grouped", "Kaarten groeperen: niet gegroepeerd"));
  g_assert_false (gtk_test_accessible_has_relation (
    GTK_ACCESSIBLE (gtk_widget_get_first_child (lanes)), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  vp_test_wait_for_frames ();
  editor = find_toplevel (VP_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  headings = 0;
  assert_accessible_tree (editor, &headings);
  g_assert_cmpuint (headings, >=, 2);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The words a screen reader says for symbols that stand alone. */
static void
test_accessible_spoken (void)
{
  g_autofree char *overdue = vp_accessible_spoken ("Q1 2024 · overdue");
  g_autofree char *fraction = vp_accessible_spoken ("0 / 5");
  g_autofree char *none = vp_accessible_spoken ("—");
  g_autofree char *plain = vp_accessible_spoken ("Nijkerk");
  g_autofree char *mnemonic = vp_accessible_strip_mnemonic ("Actie _verwijderen");
  g_autofree char *separated = vp_accessible_spoken ("A — Productie en handel in drugs");

  g_assert_cmpstr (overdue, ==, "Q1 2024, overdue");
  g_assert_cmpstr (fraction, ==, tr ("0 of 5", "0 van 5"));
  g_assert_cmpstr (none, ==, tr ("none", "geen"));
  g_assert_null (plain);
  g_assert_cmpstr (mnemonic, ==, "Actie verwijderen");
  g_assert_cmpstr (separated, ==, "A, Productie en handel in drugs");
}

/* An action added with Ctrl+N is selected in the list, in view, with
 * the focus. */
static void
test_new_action_selected (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  const char *text = "We organiseren drie voorlichtingsavonden.";
  VpWindow *window;
  GtkWidget *editor;
  VpListView *list;
  VpAction *selected = NULL;

  vp_test_add_small_plan (store);
  window = open_window (store);
  list = list_view_of (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  vp_test_wait_for_frames ();
  editor = find_toplevel (VP_TYPE_ACTION_EDITOR);
  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (
    GTK_TEXT_BUFFER (gtk_widget_get_template_child (editor, VP_TYPE_ACTION_EDITOR, "text_buffer")),
    text, -1);
  vp_test_wait_for_frames ();
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  for (int i = 0; i < 30 && selected == NULL; i++)
    {
      vp_test_wait_for_frames ();
      selected = vp_list_view_get_selected_action (list);
    }
  g_assert_nonnull (selected);
  g_assert_cmpstr (vp_action_get_text (selected), ==, text);
  g_assert_true (
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (list)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Below 900 pixels the sidebar folds away and the view shows; above it
 * both show. */
static void
test_narrow_window_folds (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  AdwLeaflet *leaflet;

  vp_test_add_small_plan (store);
  window = open_window (store);
  leaflet = window_child (window, "leaflet");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  vp_test_wait_for_frames ();
  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_window_set_default_size (GTK_WINDOW (window), 850, 600);
  for (int i = 0; i < 50 && !adw_leaflet_get_folded (leaflet); i++)
    vp_test_wait_for_frames ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == window_child (window, "content"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  for (int i = 0; i < 50 && adw_leaflet_get_folded (leaflet); i++)
    vp_test_wait_for_frames ();
  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses Tab (or Shift+Tab) where @widget's key controllers hear it
 * first, as GTK does in the capture phase. */
static gboolean
press_tab (GtkWidget *widget, gboolean backward)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed",
                               backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, 0,
                               backward ? GDK_SHIFT_MASK : 0, &handled);
    }
  vp_test_wait_for_frames ();
  return handled;
}

/* The list is one stop of the Tab key: Tab leaves it from any row, and
 * Shift+Tab comes back to it. */
static void
test_list_one_tab_stop (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkWidget *columns, *focus;

  vp_test_add_small_plan (store);
  window = open_window (store);
  columns = vp_test_find (GTK_WIDGET (list_view_of (window)), GTK_TYPE_COLUMN_VIEW);
  /* a row's status button, as a click on the row focuses it */
  gtk_widget_grab_focus (vp_test_find_shown (columns, GTK_TYPE_MENU_BUTTON));
  vp_test_wait_for_frames ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, columns));

  g_assert_true (press_tab (columns, FALSE));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus == columns || gtk_widget_is_ancestor (focus, columns));
  g_assert_true (gtk_widget_get_can_focus (columns));

  /* and back with Shift+Tab, by GTK's own focus chain */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == columns || gtk_widget_is_ancestor (focus, columns));
  g_assert_true (press_tab (columns, TRUE));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (focus == columns || gtk_widget_is_ancestor (focus, columns));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_action_activated_cb (VpListView *view, VpAction *action, VpAction **activated)
{
  *activated = action;
}

/* Enter on a row opens its action wherever the focus is in the row: on
 * the status button too, which a click on the row focuses (Space still
 * opens the status menu, GtkButton's own key). */
static void
test_enter_opens_row (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkWidget *columns, *status;
  g_autoptr (GListModel) controllers = NULL;
  VpAction *activated = NULL;
  gboolean handled = FALSE;

  vp_test_add_small_plan (store);
  window = open_window (store);
  columns = vp_test_find (GTK_WIDGET (list_view_of (window)), GTK_TYPE_COLUMN_VIEW);
  status = vp_test_find_shown (columns, GTK_TYPE_MENU_BUTTON);
  g_signal_connect (list_view_of (window), "action-activated", G_CALLBACK (on_action_activated_cb),
                    &activated);
  gtk_widget_grab_focus (status);
  vp_test_wait_for_frames ();
  controllers = gtk_widget_observe_controllers (columns);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    }
  g_assert_true (handled);
  g_assert_true (VP_IS_ACTION (activated));
  g_assert_false (gtk_menu_button_get_popover (GTK_MENU_BUTTON (status)) != NULL
                  && gtk_widget_get_visible (
                    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (status)))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcut Alt+N in the window's shortcut controllers, or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }
  return NULL;
}

/* Alt+1 … Alt+5 show the views in the view switcher's order, and the
 * keyboard focus goes into the view shown. */
static void
test_view_shortcuts (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  AdwViewStack *views;
  g_autoptr (GtkSelectionModel) pages = NULL;

  vp_test_add_small_plan (store);
  window = open_window (store);
  views = window_child (window, "views");
  pages = adw_view_stack_get_pages (views);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 5);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (pages)); i-- > 0;)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), GDK_KEY_1 + i, GDK_ALT_MASK);
      GtkWidget *focus;

      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (window),
                                                   gtk_shortcut_get_arguments (shortcut)));
      vp_test_wait_for_frames ();
      g_assert_true (adw_view_stack_get_visible_child (views)
                     == adw_view_stack_page_get_child (page));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, adw_view_stack_page_get_child (page)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Shift+F opens the filter popover; the shortcuts window (Ctrl+?)
 * lists it and every view's Alt+number. */
static void
test_filter_shortcut (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GBytes) overlay = g_resources_lookup_data (
    "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-shortcuts-window.ui", 0, NULL);
  const char *text = g_bytes_get_data (overlay, NULL);
  g_autoptr (GtkSelectionModel) pages = NULL;
  GtkShortcut *shortcut;
  GtkWidget *popover;
  GLogLevelFlags fatal;
  VpWindow *window;

  vp_test_add_small_plan (store);
  window = open_window (store);
  popover = gtk_widget_get_ancestor (window_child (window, "filter_grid"), GTK_TYPE_POPOVER);
  g_assert_false (gtk_widget_get_visible (popover));
  shortcut = find_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (window), NULL));
  vp_test_wait_for_frames ();
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Ctrl+? shows the shortcuts window, built only then */
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  /* GTK 4.8's GtkShortcutsWindow warns that one of its own labels
   * "reported min width -3" when it shows (as it did when GtkApplication
   * built it): not fatal while it shows, criticals still are */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  shortcut = find_shortcut (GTK_WIDGET (window), GDK_KEY_question, GDK_CONTROL_MASK);
  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (window), NULL));
  vp_test_wait_for_frames ();
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (
    gtk_window_get_transient_for (GTK_WINDOW (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)))
    == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)));
  g_log_set_always_fatal (fatal);

  g_assert_nonnull (strstr (text, "&lt;Control&gt;&lt;Shift&gt;f"));
  pages = adw_view_stack_get_pages (window_child (window, "views"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autofree char *accelerator = g_strdup_printf ("&lt;Alt&gt;%u<", i + 1);

      g_assert_nonnull (strstr (text, accelerator));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* While a search narrows the list, a priority without a match is left
 * out, but not the one chosen in the sidebar, nor one opened meanwhile;
 * the way back from a search that finds nothing leaves the focus in the
 * list. */
static void
test_narrowed_priorities (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  VpActionFilter *filter;
  GtkListBox *sidebar;
  GtkColumnView *columns;
  GtkWidget *clear;

  vp_test_add_small_plan (store);
  window = open_window (store);
  filter = vp_window_get_filter (window);
  sidebar = window_child (window, "sidebar_list");
  columns = GTK_COLUMN_VIEW (vp_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));

  /* only the second priority's action is about Ariadne */
  g_object_set (filter, "search", "Ariadne", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  /* the first priority, chosen in the sidebar, shows without a match */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_true (VP_IS_PRIORITY (vp_list_view_get_record (list_view_of (window), 0)));
  g_assert_false (
    vp_test_shows_text (GTK_WIDGET (window), tr ("No Matching Actions", "Geen acties gevonden")));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0)));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);

  /* the second priority, collapsed, then a search without a match in it */
  g_object_set (filter, "search", NULL, NULL);
  vp_test_wait_for_frames ();
  g_signal_emit_by_name (columns, "activate", 4);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 5);
  g_object_set (filter, "search", "controles", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 3);
  /* opened, it stays until the search changes */
  g_signal_emit_by_name (columns, "activate", 2);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 3);
  g_object_set (filter, "search", "controle", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);

  g_object_set (filter, "search", "zwembad", NULL);
  vp_test_wait_for_frames ();
  /* the list's, not the window's for an empty database */
  clear = vp_test_find_shown (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  clear = vp_test_find (clear, GTK_TYPE_BUTTON);
  gtk_widget_grab_focus (clear);
  g_signal_emit_by_name (clear, "clicked");
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  g_assert_true (
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (columns)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Delete with the key's action, then undo with Ctrl+Z's: one step each. */
static void
test_delete_and_undo (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkSelectionModel *rows;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  vp_test_add_small_plan (store);
  window = open_window (store);
  rows = GTK_SELECTION_MODEL (vp_list_view_get_rows (list_view_of (window)));
  before = vp_test_dump_file (vp_store_get_path (store));

  gtk_selection_model_select_item (rows, 1, TRUE);
  g_assert_nonnull (vp_list_view_get_selected_action (list_view_of (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-action", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 3);
  g_assert_cmpuint (n_rows (window), ==, 5);
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Action deleted", "Actie verwijderd")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 4);
  g_assert_cmpuint (n_rows (window), ==, 6);
  (void) after;
  gtk_window_destroy (GTK_WINDOW (window));
}

static VpAction *
first_action (VpStore *store)
{
  g_autoptr (VpAction) action
    = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_ACTION), 0);

  return action;
}

/* The view follows the store: a change shows without reopening, and text
 * is shown as text, never as markup. */
static void
test_follows_changes (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  VpWindow *window;
  const char *tricky = "<b>Bibob</b> & \"OM\"";

  vp_test_add_small_plan (store);
  window = open_window (store);
  vp_store_update (store, VP_RECORD (first_action (store)), &error, "text", tricky, NULL);
  g_assert_no_error (error);
  vp_test_wait_for_frames ();

  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), tricky));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search and a status chosen find an action by what it is now: its
 * text edited and its status changed after they looked at it before;
 * typing on narrows, deleting widens, from no search at all too. */
static void
test_search_follows_edits (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  VpWindow *window;
  VpActionFilter *filter;
  VpAction *action;
  guint done;
  gboolean found = FALSE;

  vp_test_add_small_plan (store);
  window = open_window (store);
  filter = vp_window_get_filter (window);
  action = first_action (store);

  g_object_set (filter, "search", "x", NULL);
  vp_test_wait_for_frames ();
  g_object_set (filter, "search", "xyzzy", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_object_set (filter, "search", NULL, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  vp_store_update (store, VP_RECORD (action), &error, "text", "Xyzzy in het zwembad", NULL);
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  g_object_set (filter, "search", "x", NULL);
  vp_test_wait_for_frames ();
  g_object_set (filter, "search", "xyzzy", NULL);
  vp_test_wait_for_frames ();
  /* the action under its priority */
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_object_set (filter, "search", "xyzzy zwembad", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_object_set (filter, "search", "xyzzy zwembadje", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_object_set (filter, "search", "xyz", NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 2);
  g_object_set (filter, "search", NULL, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);

  /* typed letter by letter and deleted again (the filter then asks what
   * it noted while typing): as many rows at each length as when the
   * search is set anew */
  {
    const char *word = "zwembaden";
    guint typed[10];

    for (guint i = 1; i <= strlen (word); i++)
      {
        g_autofree char *part = g_strndup (word, i);

        g_object_set (filter, "search", part, NULL);
        vp_test_wait_for_frames ();
        typed[i] = n_rows (window);
      }
    for (guint i = strlen (word) - 1; i > 0; i--)
      {
        g_autofree char *part = g_strndup (word, i);
        g_autofree char *other = g_strconcat ("q", part, NULL);

        g_object_set (filter, "search", part, NULL);
        vp_test_wait_for_frames ();
        g_assert_cmpuint (n_rows (window), ==, typed[i]);
        /* anew: another word first */
        g_object_set (filter, "search", other, NULL);
        g_object_set (filter, "search", part, NULL);
        vp_test_wait_for_frames ();
        g_assert_cmpuint (n_rows (window), ==, typed[i]);
      }
    /* "zwembad" is in the first action's text now, "zwembaden" nowhere */
    g_assert_cmpuint (typed[7], >=, 2);
    g_assert_cmpuint (typed[9], ==, 0);
  }
  g_object_set (filter, "search", NULL, NULL);
  vp_test_wait_for_frames ();

  g_object_set (filter, "status", VP_STATUS_DONE, NULL);
  vp_test_wait_for_frames ();
  done = n_rows (window);
  g_object_set (filter, "status", VP_FILTER_ANY, NULL);
  vp_test_wait_for_frames ();
  g_assert_cmpint (vp_action_get_status (store, action), !=, VP_STATUS_DONE);
  vp_test_set_status_as (store, action, vp_store_get_home_municipality (store), VP_STATUS_DONE, 0,
                         "");
  vp_test_wait_for_frames ();
  g_object_set (filter, "status", VP_STATUS_DONE, NULL);
  vp_test_wait_for_frames ();
  /* the action, and its priority if it had no action done before */
  g_assert_cmpuint (n_rows (window), >, done);
  for (guint i = 0; i < n_rows (window) && !found; i++)
    found = vp_list_view_get_record (list_view_of (window), i) == (gpointer) action;
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plan that arrives while the window is open replaces the empty state. */
static void
test_plan_arrives (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);
  GtkStack *stack = window_child (window, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  vp_test_add_small_plan (store);
  vp_test_wait_for_frames ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "1. Ondermijnende criminaliteit"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The empty state's button loads the example plan that ships with the
 * program, through the exchange reader. */
static void
test_load_example (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);
  GtkStack *stack = window_child (window, "stack");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL));
  vp_test_wait_for_frames ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "plan");
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 42);
  /* five priorities and their 42 actions */
  g_assert_cmpuint (n_rows (window), ==, 47);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window), "1. Ondermijnende criminaliteit"));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("19 open · 0 done", "19 open · 0 afgerond")));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("Example plan loaded", "Voorbeeldplan geladen")));
  /* Once there is a plan, the action is disabled: nothing is imported
   * again, not even a line in the import log. */
  before = vp_test_dump_file (vp_store_get_path (store));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL);
  vp_test_wait_for_frames ();
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (window));
}

static VpAction *
row_action (VpWindow *window, guint position)
{
  gpointer record = vp_list_view_get_record (list_view_of (window), position);

  return VP_IS_ACTION (record) ? VP_ACTION (record) : NULL;
}

/* A click on a column's header sorts the actions within each priority. */
static void
test_sort_by_column (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkColumnView *view;
  g_autoptr (GtkColumnViewColumn) lead = NULL;

  vp_test_add_small_plan (store);
  window = open_window (store);
  view = GTK_COLUMN_VIEW (vp_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  lead = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  g_assert_cmpstr (gtk_column_view_column_get_title (lead), ==, tr ("Lead", "Trekker"));

  for (int order = GTK_SORT_ASCENDING; order <= GTK_SORT_DESCENDING; order++)
    {
      gtk_column_view_sort_by_column (view, lead, order);
      vp_test_wait_for_frames ();
      /* rows 1–3: the first priority's actions; 0 and 4: priorities */
      g_assert_null (row_action (window, 0));
      g_assert_null (row_action (window, 4));
      for (guint i = 1; i < 3; i++)
        {
          g_autofree char *a = vp_format_lead (store, row_action (window, i));
          g_autofree char *b = vp_format_lead (store, row_action (window, i + 1));
          int cmp = g_utf8_collate (a, b);

          g_assert_cmpint (order == GTK_SORT_ASCENDING ? cmp : -cmp, <=, 0);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
status_shown (GtkMenuButton *button)
{
  return vp_cell_text_get_text (VP_CELL_TEXT (gtk_menu_button_get_child (button)));
}

/* The status changes in place from the row's menu, with its history, and
 * can be undone. */
static void
test_status_in_place (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkMenuButton *status;
  GMenuModel *menu;
  g_autofree char *name = NULL;
  g_autoptr (GVariant) target = NULL;
  g_autoptr (VpStatusEvent) event = NULL;
  VpAction *action;

  vp_test_add_small_plan (store);
  window = open_window (store);
  status = GTK_MENU_BUTTON (
    vp_test_find_shown (GTK_WIDGET (list_view_of (window)), GTK_TYPE_MENU_BUTTON));
  g_assert_cmpstr (status_shown (status), ==, tr ("Planned", "Gepland"));

  /* a screen reader hears the status, described by the action */
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (GTK_WIDGET (status)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       tr ("Status: Planned", "Status: Gepland"));

  /* the menu the button opens: every status, the current one marked (a
   * radio item of the row's action) */
  gtk_menu_button_popup (status);
  vp_test_wait_for_frames ();
  menu = gtk_menu_button_get_menu_model (status);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 5);
  g_assert_true (
    g_menu_model_get_item_attribute (menu, VP_STATUS_DONE, G_MENU_ATTRIBUTE_ACTION, "s", &name));
  g_assert_cmpstr (name, ==, "row.status");
  target = g_menu_model_get_item_attribute_value (menu, VP_STATUS_DONE, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_STRING);
  g_assert_nonnull (target);
  {
    GAction *row = g_object_get_data (G_OBJECT (status), "vp-menu-action");
    g_autoptr (GVariant) state = NULL;

    g_assert_nonnull (row);
    state = g_action_get_state (row);
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "planned");
  }
  gtk_menu_button_popdown (status);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (status), name, target));
  vp_test_wait_for_frames ();

  /* the status of the row's action, with its history */
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_STATUS_EVENT), ==, 1);
  event = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_STATUS_EVENT), 0);
  g_assert_cmpstr (vp_status_event_get_to (event), ==, "done");
  action = VP_ACTION (vp_store_lookup (store, vp_status_event_get_action (event)));
  g_assert_cmpint (vp_action_get_home_status (store, action), ==, VP_STATUS_DONE);
  g_assert_cmpstr (status_shown (status), ==, tr ("Done", "Afgerond"));
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (window), tr ("2 open · 1 done", "2 open · 1 afgerond")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpint (vp_action_get_home_status (store, action), ==, VP_STATUS_PLANNED);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_STATUS_EVENT), ==, 0);
  g_assert_cmpstr (status_shown (status), ==, tr ("Planned", "Gepland"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A priority's row folds its actions away and back, by the row's
 * activation (Enter, double click) as by its arrow. */
static void
test_collapse_priority (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkColumnView *columns;

  vp_test_add_small_plan (store);
  window = open_window (store);
  columns = GTK_COLUMN_VIEW (vp_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (n_rows (window), ==, 6);

  g_signal_emit_by_name (columns, "activate", 0);
  vp_test_wait_for_frames ();
  /* the first priority without its three actions, then the second's */
  g_assert_cmpuint (n_rows (window), ==, 3);
  g_assert_true (VP_IS_PRIORITY (vp_list_view_get_record (list_view_of (window), 0)));
  g_assert_true (VP_IS_PRIORITY (vp_list_view_get_record (list_view_of (window), 1)));
  g_assert_true (VP_IS_ACTION (vp_list_view_get_record (list_view_of (window), 2)));
  /* a search does not open it, nor leave it out; the other priority,
   * without a match, is left out */
  g_object_set (vp_window_get_filter (window), "search", "controles", NULL);
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_assert_true (VP_IS_PRIORITY (vp_list_view_get_record (list_view_of (window), 0)));
  g_object_set (vp_window_get_filter (window), "search", NULL, NULL);

  g_signal_emit_by_name (columns, "activate", 0);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The selection stays with its action while a search moves it, and goes
 * when the search hides it. */
static void
test_selection_follows_action (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  GtkSelectionModel *rows;
  VpListView *list;
  VpAction *bibob;

  vp_test_add_small_plan (store);
  window = open_window (store);
  list = list_view_of (window);
  rows = GTK_SELECTION_MODEL (vp_list_view_get_rows (list));
  bibob = VP_ACTION (vp_list_view_get_record (list, 2));
  g_assert_nonnull (strstr (vp_action_get_text (bibob), "Bibob"));
  gtk_selection_model_select_item (rows, 2, TRUE);

  g_object_set (vp_window_get_filter (window), "search", "Bibob", NULL);
  vp_test_wait_for_frames ();
  g_assert_true (vp_list_view_get_selected_action (list) == bibob);
  g_assert_true (gtk_selection_model_is_selected (rows, 1));

  g_object_set (vp_window_get_filter (window), "search", "Ariadne", NULL);
  vp_test_wait_for_frames ();
  g_assert_null (vp_list_view_get_selected_action (list));
  g_object_set (vp_window_get_filter (window), "search", NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The actions among the matrix's rows (the others are priorities'
 * headings). */
static guint
n_matrix_actions (VpMatrixView *matrix)
{
  GListModel *rows = vp_matrix_view_get_rows (matrix);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    n += VP_IS_ACTION (vp_matrix_view_get_record (matrix, i));
  return n;
}

/* The matrix's rows are grouped: each priority's heading, then its
 * actions, in the priorities' order. */
static void
assert_matrix_grouped (VpMatrixView *matrix)
{
  GListModel *rows = vp_matrix_view_get_rows (matrix);
  VpPriority *heading = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_true (VP_IS_PRIORITY (vp_matrix_view_get_record (matrix, 0)));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      gpointer record = vp_matrix_view_get_record (matrix, i);

      if (VP_IS_PRIORITY (record))
        {
          if (heading != NULL)
            g_assert_cmpint (vp_priority_get_number (heading), <, vp_priority_get_number (record));
          heading = record;
        }
      else
        g_assert_cmpstr (vp_action_get_priority (record), ==,
                         vp_record_get_uuid (VP_RECORD (heading)));
    }
}

static VpMatrixView *
show_matrix (VpWindow *window)
{
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (vp_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "matrix");
  vp_test_wait_for_frames ();
  return VP_MATRIX_VIEW (vp_test_find (GTK_WIDGET (window), VP_TYPE_MATRIX_VIEW));
}

/* The view shown: the page itself, or what a page made when first shown
 * holds. */
static GtkWidget *
shown_view (VpWindow *window, const char *name)
{
  AdwViewStack *views = ADW_VIEW_STACK (window_child (window, "views"));
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (views, name);
  vp_test_wait_for_frames ();
  page = adw_view_stack_get_child_by_name (views, name);
  return ADW_IS_BIN (page) ? adw_bin_get_child (ADW_BIN (page)) : page;
}

/* The message dialog that says @body, if one is open. */
static GtkWidget *
find_message (const char *body)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), body) == 0)
        return window;
    }
  return NULL;
}

/* Every view reports through VpView, and the window hears each in one
 * place: a change that was not saved is said in a dialog, whichever view
 * it was made in. */
static void
test_every_view_heard (void)
{
  const char *names[] = { "list", "board", "quarters", "matrix", "plan", "evaluation" };
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;

  vp_test_add_small_plan (store);
  window = open_window (store);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *view = shown_view (window, names[i]);
      g_autofree char *message = g_strdup_printf ("Not saved in %s", names[i]);
      GtkWidget *dialog;

      g_assert_true (VP_IS_VIEW (view));
      vp_view_failed (VP_VIEW (view), message);
      vp_test_wait_for_frames ();
      dialog = find_message (message);
      g_assert_nonnull (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The partner matrix: a column per municipality of the plan, each one's
 * own status by the rules (a joint action's shared status under each),
 * and the action as a whole; grouped by priority, with a legend. */
static void
test_partner_matrix (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window;
  VpMatrixView *matrix;
  VpAction *each = NULL, *bibob = NULL, *controls = NULL;
  g_autofree char *cell = NULL;
  g_autoptr (GDateTime) april = g_date_time_new_utc (2024, 4, 2, 9, 0, 0);
  const char *municipalities[] = { "nijkerk", "barneveld", "scherpenzeel" };

  vp_test_add_small_plan (store);
  vp_store_set_now (store, april);
  window = open_window (store);
  /* not made before it is first shown (nor the board, the quarter board
   * and the evaluation); then it follows the filter set */
  g_assert_null (vp_test_find (GTK_WIDGET (window), VP_TYPE_MATRIX_VIEW));
  g_assert_null (vp_test_find (GTK_WIDGET (window), VP_TYPE_BOARD_VIEW));
  g_assert_null (vp_test_find (GTK_WIDGET (window), VP_TYPE_EVALUATION_VIEW));
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (
    ADW_VIEW_STACK (vp_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "quarters"))));
  g_object_set (vp_window_get_filter (window), "search", "Bibob", NULL);
  matrix = show_matrix (window);
  g_assert_cmpuint (n_matrix_actions (matrix), ==, 1);
  /* the Bibob action under its priority, no other priority's heading */
  g_assert_cmpuint (g_list_model_get_n_items (vp_matrix_view_get_rows (matrix)), ==, 2);
  assert_matrix_grouped (matrix);
  g_object_set (vp_window_get_filter (window), "search", NULL, NULL);
  g_assert_cmpuint (n_matrix_actions (matrix), ==, 4);
  assert_matrix_grouped (matrix);
  for (guint i = 0; i < g_list_model_get_n_items (vp_matrix_view_get_rows (matrix)); i++)
    {
      VpAction *action = vp_matrix_view_get_record (matrix, i);

      if (!VP_IS_ACTION (action))
        continue;
      if (strstr (vp_action_get_text (action), "huisvesting") != NULL)
        each = action;
      else if (strstr (vp_action_get_text (action), "Bibob") != NULL)
        bibob = action;
      else if (strstr (vp_action_get_text (action), "controles") != NULL)
        controls = action;
    }
  g_assert_nonnull (each);

  /* Barneveld's part, as its file brings it */
  vp_test_set_status_as (store, each, "barneveld", VP_STATUS_DONE, 0, NULL);
  cell = vp_matrix_view_dup_cell_text (matrix, each, "barneveld");
  g_assert_cmpstr (cell, ==, tr ("✓ Done", "✓ Afgerond"));
  g_clear_pointer (&cell, g_free);
  cell = vp_matrix_view_dup_cell_text (matrix, each, "scherpenzeel");
  g_assert_cmpstr (cell, ==, tr ("○ Planned", "○ Gepland"));
  g_clear_pointer (&cell, g_free);
  /* the lead's column only */
  cell = vp_matrix_view_dup_cell_text (matrix, bibob, "nijkerk");
  g_assert_cmpstr (cell, ==, tr ("○ Planned", "○ Gepland"));
  g_clear_pointer (&cell, g_free);
  cell = vp_matrix_view_dup_cell_text (matrix, bibob, "barneveld");
  g_assert_cmpstr (cell, ==, "—");
  g_clear_pointer (&cell, g_free);
  /* the joint action's shared status, set by Barneveld, under everyone */
  vp_test_set_status_as (store, controls, "barneveld", VP_STATUS_IN_PROGRESS, 0, NULL);
  vp_test_wait_for_frames ();
  for (gsize i = 0; i < G_N_ELEMENTS (municipalities); i++)
    {
      cell = vp_matrix_view_dup_cell_text (matrix, controls, municipalities[i]);
      g_assert_cmpstr (cell, ==, tr ("◐ In progress", "◐ In uitvoering"));
      g_clear_pointer (&cell, g_free);
    }
  /* the whole: begun, not done by all */
  g_assert_cmpint (vp_action_get_overall_status (store, each), ==, VP_STATUS_IN_PROGRESS);
  /* the Q1 action is over time (the clock is in April) */
  g_assert_true (vp_test_shows_text (GTK_WIDGET (matrix),
                                     tr ("◐ In progress · overdue", "◐ In uitvoering · verlopen")));
  /* the legend says what "—" means, and the last column is named for
   * what it is, not a sum */
  g_assert_true (
    vp_test_shows_text (GTK_WIDGET (matrix), tr ("— Another municipality leads the action",
                                                 "— Een andere gemeente is trekker van de actie")));
  g_assert_true (vp_test_shows_text (GTK_WIDGET (matrix), tr ("✕ Cancelled", "✕ Vervallen")));
  g_assert_false (vp_test_shows_text (GTK_WIDGET (matrix), "Totaal"));

  /* the shared search narrows it too */
  g_object_set (vp_window_get_filter (window), "search", "Bibob", NULL);
  g_assert_cmpuint (n_matrix_actions (matrix), ==, 1);
  g_object_set (vp_window_get_filter (window), "search", NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A store of Veenendaal's with the coalition of five. */
static VpStore *
coalition_store (void)
{
  VpStore *store = vp_test_store_new_for ("Veenendaal");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "coalition5.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) june = g_date_time_new_utc (2025, 6, 2, 9, 0, 0);
  g_autoptr (VpChangeSet) set = NULL;

  /* after the file was written, in the plan's year */
  vp_store_set_now (store, june);
  set = vp_exchange_read_file (store, path, &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
  return store;
}

static GtkColumnView *
column_view_with (GtkWidget *widget, const char *title)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
            return GTK_COLUMN_VIEW (widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = column_view_with (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Five municipalities: the activity column stays in place while theirs
 * scroll sideways under one vertical scroll; the board's badges tell
 * Renswoude and Rhenen apart. */
static void
test_partner_matrix_five (void)
{
  g_autoptr (VpStore) store = coalition_store ();
  VpWindow *window = open_window (store);
  VpMatrixView *matrix = show_matrix (window);
  GtkColumnView *activity = column_view_with (GTK_WIDGET (matrix), tr ("Activity", "Activiteit"));
  GtkColumnView *statuses = column_view_with (GTK_WIDGET (matrix), "Renswoude");
  GtkWidget *fixed, *scrolled;
  GtkAdjustment *sideways;
  graphene_point_t before, after;
  VpAction *scan = NULL;

  g_assert_nonnull (activity);
  g_assert_nonnull (statuses);
  /* the activity column is not in the part that scrolls sideways */
  g_assert_true (activity != statuses);
  g_assert_null (column_view_with (GTK_WIDGET (statuses), tr ("Activity", "Activiteit")));
  g_assert_nonnull (column_view_with (GTK_WIDGET (statuses), "Wageningen"));
  fixed = gtk_widget_get_ancestor (GTK_WIDGET (activity), GTK_TYPE_SCROLLED_WINDOW);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (statuses), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (activity), scrolled));
  g_assert_true (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (fixed))
                 == gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  /* narrow, the municipalities scroll and the activity stays */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  vp_test_wait_for_frames ();
  sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >,
                     gtk_adjustment_get_page_size (sideways));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (activity), GTK_WIDGET (matrix),
                                           &GRAPHENE_POINT_INIT (0, 0), &before));
  gtk_adjustment_set_value (sideways, gtk_adjustment_get_upper (sideways));
  vp_test_wait_for_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (sideways), >, 0);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (activity), GTK_WIDGET (matrix),
                                           &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (before.x, ==, after.x);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (activity)));
  assert_matrix_grouped (matrix);

  /* Renswoude and Rhenen: "Ren" and "Rhe", not both "R" */
  for (guint i = 0; i < g_list_model_get_n_items (vp_matrix_view_get_rows (matrix)); i++)
    {
      VpAction *action = vp_matrix_view_get_record (matrix, i);

      if (VP_IS_ACTION (action) && strstr (vp_action_get_text (action), "weerbaarheidsscan"))
        scan = action;
    }
  g_assert_nonnull (scan);
  vp_test_set_status_as (store, scan, "renswoude", VP_STATUS_IN_PROGRESS, 0, NULL);
  vp_test_set_status_as (store, scan, "rhenen", VP_STATUS_DONE, 0, NULL);
  vp_test_set_status_as (store, scan, "utrechtse-heuvelrug", VP_STATUS_POSTPONED, 0, NULL);
  vp_test_set_status_as (store, scan, "wageningen", VP_STATUS_CANCELLED, 0, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (vp_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "board");
  vp_test_wait_for_frames ();
  g_assert_true (vp_test_shows_text (GTK_WIDGET (window),
                                     "Ren\u00a0◐  Rhe\u00a0✓  UH\u00a0»  Vee\u00a0○  Wag\u00a0✕"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A partner's local action changes only by its owner's files: here it is
 * not deleted, and the database stays as it was. */
static void
test_partners_action_not_deleted (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VpWindow *window;
  GtkSelectionModel *rows;
  guint ariadne = G_MAXUINT;

  vp_test_add_small_plan (store);
  window = open_window (store);
  rows = GTK_SELECTION_MODEL (vp_list_view_get_rows (list_view_of (window)));
  for (guint i = 0; i < n_rows (window); i++)
    if (row_action (window, i) != NULL
        && strstr (vp_action_get_text (row_action (window, i)), "Ariadne") != NULL)
      ariadne = i;
  g_assert_cmpuint (ariadne, <, n_rows (window));
  before = vp_test_dump_file (vp_store_get_path (store));
  gtk_selection_model_select_item (rows, ariadne, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-action", NULL));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, 4);
  after = vp_test_dump_file (vp_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Several plans in one database: the chooser shows one at a time. */
static void
test_plan_chooser (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) second
    = g_object_new (VP_TYPE_PLAN, "title", "Uitvoeringsplan Veiligheid 2025", "first-year", 2025,
                    "last-year", 2025, "owner", "nijkerk", NULL);
  VpWindow *window;
  GtkDropDown *chooser;
  GtkWidget *new_plan;

  vp_test_add_small_plan (store);
  window = open_window (store);
  chooser = window_child (window, "plan_chooser");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (GTK_WIDGET (chooser))));

  g_assert_true (vp_store_insert (store, second, VP_STORE_WRITE_DEFAULT, &error));
  vp_test_wait_for_frames ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  /* New Plan… beside the chooser */
  new_plan = gtk_widget_get_next_sibling (GTK_WIDGET (chooser));
  g_assert_true (GTK_IS_BUTTON (new_plan) && gtk_widget_get_visible (new_plan));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_plan)), ==, "win.new-plan");
  gtk_drop_down_set_selected (chooser, 1);
  vp_test_wait_for_frames ();
  g_assert_true (VP_RECORD (vp_window_get_plan (window)) == second);
  g_assert_cmpstr (adw_view_switcher_title_get_title (window_child (window, "title")), ==,
                   "Uitvoeringsplan Veiligheid 2025");
  g_assert_cmpuint (n_rows (window), ==, 0);
  gtk_drop_down_set_selected (chooser, 0);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (n_rows (window), ==, 6);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list's column titled @title. */
static GtkColumnViewColumn *
list_column (VpWindow *window, const char *title)
{
  GtkColumnView *view
    = GTK_COLUMN_VIEW (vp_test_find (GTK_WIDGET (list_view_of (window)), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

/* Counts the cell texts on screen under @widget that end in "…", logging
 * them; and how many show @text (cut or not) in @shown. */
static guint
count_cut_texts (GtkWidget *widget, const char *text, guint *shown)
{
  guint cut = 0;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  if (VP_IS_CELL_TEXT (widget)
      && g_strcmp0 (vp_cell_text_get_text (VP_CELL_TEXT (widget)), text) == 0)
    {
      (*shown)++;
      if (vp_cell_text_is_cut (VP_CELL_TEXT (widget)))
        {
          g_test_message ("cut: %s in %d px", text, gtk_widget_get_width (widget));
          cut++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cut += count_cut_texts (child, text, shown);
  return cut;
}

/* No title of a column shown is narrower than it would like. */
static void
assert_titles_whole (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      graphene_rect_t bounds;
      int natural;

      if (!gtk_widget_get_visible (title))
        continue;
      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (title, title, &bounds));
      g_assert_cmpint ((int) bounds.size.width, >=, natural);
    }
}

/* The list fits the window: nothing beyond its right edge, no title
 * clipped, no status and no lead of the kind "Each municipality" cut. */
static void
assert_list_fits (VpWindow *window)
{
  GtkWidget *list = GTK_WIDGET (list_view_of (window));
  GtkColumnView *view = GTK_COLUMN_VIEW (vp_test_find (list, GTK_TYPE_COLUMN_VIEW));
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  const char *texts[]
    = { tr ("In progress", "In uitvoering"), tr ("Planned", "Gepland"),
        tr ("Each municipality", "Iedere gemeente individueel"), tr ("Done", "Afgerond") };
  guint shown[G_N_ELEMENTS (texts)] = { 0 };

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, gtk_widget_get_width (scroller));
  g_assert_cmpint (gtk_widget_get_width (header), <=, gtk_widget_get_width (scroller));
  assert_titles_whole (view);
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpuint (count_cut_texts (list, texts[i], &shown[i]), ==, 0);
  g_assert_cmpuint (shown[1], >, 0);
}

static void
resize_list (VpWindow *window, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (int i = 0; i < 5; i++)
    vp_test_wait_for_frames ();
}

/* At the default size every column fits, measured in the language of the
 * moment; the activity takes what is left. In a narrow window columns go,
 * the status stays. */
static void
test_list_columns_fit (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);
  GtkColumnViewColumn *status;
  guint dropped = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL));
  /* a status of each kind on screen: the widest, in progress */
  for (guint i = 0, set = 0; i < g_list_model_get_n_items (actions) && set < 3; i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (!vp_action_can_set_status (store, action, NULL))
        continue;
      g_assert_true (vp_store_set_status (store, action, "nijkerk",
                                          set++ == 0 ? VP_STATUS_IN_PROGRESS : VP_STATUS_DONE, 0,
                                          "", NULL));
    }
  resize_list (window, 1280, 800);
  assert_list_fits (window);
  status = list_column (window, tr ("Status", "Status"));
  g_assert_true (gtk_column_view_column_get_visible (status));
  g_assert_true (gtk_column_view_column_get_visible (list_column (window, tr ("Lead", "Trekker"))));
  g_assert_true (
    gtk_column_view_column_get_visible (list_column (window, tr ("Quarter", "Kwartaal"))));

  resize_list (window, 800, 600);
  assert_list_fits (window);
  g_assert_true (gtk_column_view_column_get_visible (status));
  g_assert_true (
    gtk_column_view_column_get_visible (list_column (window, tr ("Activity", "Activiteit"))));
  dropped
    += !gtk_column_view_column_get_visible (list_column (window, tr ("Category", "Categorie")));
  dropped += !gtk_column_view_column_get_visible (
    list_column (window, tr ("Last Change", "Laatst gewijzigd")));
  g_assert_cmpuint (dropped, ==, 2);

  /* wide again, they are back */
  resize_list (window, 1280, 800);
  g_assert_true (
    gtk_column_view_column_get_visible (list_column (window, tr ("Category", "Categorie"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cells that show one text at one size lay it out once between them;
 * another text, markup or not, is laid out for itself and kept as text. */
static void
test_cell_texts_share_layouts (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *quarter = g_strdup_printf ("Q2 %u", g_random_int ());
  const char *texts[] = { quarter, quarter, "<b>Bibob</b> & \"OM\"" };
  GtkWidget *cells[G_N_ELEMENTS (texts)];
  guint before = vp_cell_text_count_shaped ();

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      cells[i] = vp_cell_text_new (3, 12, 1, 1);
      /* of one size, whatever the window's */
      gtk_widget_set_size_request (cells[i], 200, -1);
      gtk_widget_set_halign (cells[i], GTK_ALIGN_START);
      vp_cell_text_set_text (VP_CELL_TEXT (cells[i]), texts[i]);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_cell_text_count_shaped () - before, ==, 2);
  g_assert_cmpstr (vp_cell_text_get_text (VP_CELL_TEXT (cells[2])), ==, "<b>Bibob</b> & \"OM\"");
  /* the same text again: nothing new to lay out */
  vp_cell_text_set_text (VP_CELL_TEXT (cells[2]), quarter);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (vp_cell_text_count_shaped () - before, ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A partner's huge, unbreakable plan and priority titles neither widen the
 * window nor the sidebar; a toast shows a partner's markup as text. */
static void
test_huge_titles_fit (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *huge = g_strnfill (100000, 'V');
  g_autoptr (VpRecord) second = g_object_new (VP_TYPE_PLAN, "title", huge, "first-year", 2025,
                                              "last-year", 2025, "owner", "nijkerk", NULL);
  g_autoptr (AdwToast) toast = NULL;
  VpWindow *window;
  int minimum, natural;

  vp_test_add_small_plan (store);
  g_assert_true (vp_store_insert (store, second, VP_STORE_WRITE_DEFAULT, &error));
  window = open_window (store);
  gtk_drop_down_set_selected (window_child (window, "plan_chooser"), 1);
  vp_test_wait_for_frames ();

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL,
                      NULL);
  g_assert_cmpint (minimum, <, 1000);
  gtk_widget_measure (window_child (window, "sidebar"), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      &natural, NULL, NULL);
  g_assert_cmpint (natural, <, 400);

  toast = g_object_ref_sink (vp_window_new_toast ("Import from Politie & <span>OM</span>\u202e"));
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "Import from Politie &amp; &lt;span&gt;OM&lt;/span&gt;");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows the list has at the window's first frame: as many as the
 * window shows (GTK 4.8 binds and lays out every row the list has, up to
 * 200, before that frame), and no gap under them; the rest right after. */
typedef struct
{
  VpWindow *window;
  guint rows;      /* the rows the list had at the first frame */
  int rows_bottom; /* where the lowest row shown then ended */
  int view_height; /* the column view's height */
} FirstFrame;

/* Where the lowest row under @widget ends, in @view's coordinates. */
static int
rows_bottom (GtkWidget *view, GtkWidget *widget)
{
  int bottom = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_child_visible (child) || !gtk_widget_get_visible (child))
        continue;
      if (!g_str_equal (gtk_widget_get_css_name (child), "row"))
        bottom = MAX (bottom, rows_bottom (view, child));
      else if (gtk_widget_compute_bounds (child, view, &bounds))
        bottom = MAX (bottom, (int) (bounds.origin.y + bounds.size.height));
    }
  return bottom;
}

static void
on_first_paint_cb (GdkFrameClock *clock, FirstFrame *first)
{
  GtkWidget *view = vp_test_find (GTK_WIDGET (first->window), GTK_TYPE_COLUMN_VIEW);

  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, first);
  first->rows = n_rows (first->window);
  first->rows_bottom = rows_bottom (view, view);
  first->view_height = gtk_widget_get_height (view);
}

static void
assert_first_frame_rows (VpStore *store, int window_height)
{
  FirstFrame first = { g_object_new (VP_TYPE_WINDOW, "store", store, NULL) };

  gtk_window_set_default_size (GTK_WINDOW (first.window), 1280, window_height);
  /* that tall even on a lower screen (GTK keeps a default size on it) */
  gtk_widget_set_size_request (GTK_WIDGET (first.window), -1, window_height);
  gtk_window_present (GTK_WINDOW (first.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (first.window)), "after-paint",
                    G_CALLBACK (on_first_paint_cb), &first);
  vp_test_wait_for_frames ();

  /* five priorities and their 42 actions: more than the lower windows
   * show (a tall one may hold them all) */
  g_assert_cmpuint (first.rows, >, 1);
  if (window_height <= 800)
    g_assert_cmpuint (first.rows, <, 47);
  g_assert_cmpint (first.view_height, >, window_height / 2);
  g_assert_cmpint (first.rows_bottom, >=, first.view_height);
  g_assert_cmpuint (n_rows (first.window), ==, 47);
  gtk_window_destroy (GTK_WINDOW (first.window));
  vp_test_wait_for_frames ();
}

static void
test_first_frame_rows (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpWindow *window = open_window (store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  vp_test_wait_for_frames ();

  assert_first_frame_rows (store, 500);
  assert_first_frame_rows (store, 800);
  /* taller than 40 rows, which the first frame once had whatever the
   * window's height */
  assert_first_frame_rows (store, 1750);
}

/* The sidebar's first frame, like the list's: a plan of many priorities
 * (a regional one) shows as many rows as the window has room for, with no
 * gap under them; the others are added under them right after, the rows
 * shown kept (and the focus on them). */
typedef struct
{
  VpWindow *window;
  guint rows;        /* the sidebar's rows at the first frame */
  int bottom;        /* where the lowest of them ended, in the sidebar */
  int height;        /* the height of the sidebar's scrolled part */
  GtkWidget *all;    /* the row "All priorities" then (a reference) */
  GtkWidget *lowest; /* the lowest row then (a reference) */
  GtkWidget *focus;  /* the window's focus then */
} SidebarFrame;

static guint
sidebar_rows (VpWindow *window)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (window_child (window, "sidebar_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
on_sidebar_painted_cb (GdkFrameClock *clock, SidebarFrame *first)
{
  GtkWidget *list = window_child (first->window, "sidebar_list");
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_signal_handlers_disconnect_by_func (clock, on_sidebar_painted_cb, first);
  first->rows = sidebar_rows (first->window);
  first->all = g_object_ref (gtk_widget_get_first_child (list));
  first->lowest = g_object_ref (gtk_widget_get_last_child (list));
  first->focus = gtk_window_get_focus (GTK_WINDOW (first->window));
  g_assert_true (gtk_widget_compute_bounds (first->lowest, scrolled, &bounds));
  first->bottom = (int) (bounds.origin.y + bounds.size.height);
  first->height = gtk_widget_get_height (scrolled);
}

/* Notes the sidebar at @first's window's next frame, and waits for the
 * frames after it. */
static void
watch_sidebar_frame (SidebarFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (first->window)), "after-paint",
                    G_CALLBACK (on_sidebar_painted_cb), first);
  vp_test_wait_for_frames ();
}

static void
close_sidebar_frame (SidebarFrame *first)
{
  g_clear_object (&first->all);
  g_clear_object (&first->lowest);
  gtk_window_destroy (GTK_WINDOW (first->window));
  vp_test_wait_for_frames ();
}

/* The sidebar at @first's window's next frame, and after it: as many
 * rows as fill it, then all, those there kept. */
static void
assert_sidebar_fills (SidebarFrame *first)
{
  GtkWidget *list = window_child (first->window, "sidebar_list");

  watch_sidebar_frame (first);

  /* "All priorities" and 42: of them, as many as fill the sidebar */
  g_assert_cmpuint (first->rows, >, 2);
  g_assert_cmpuint (first->rows, <, 43);
  g_assert_cmpint (first->bottom, >=, first->height);
  /* then all, under the rows shown */
  g_assert_cmpuint (sidebar_rows (first->window), ==, 43);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (first->window), "42. Thema 42"));
  g_assert_true (gtk_widget_get_first_child (list) == first->all);
  g_assert_true (gtk_widget_get_parent (first->lowest) == list);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (first->window)) == first->focus);
}

static void
test_first_frame_sidebar (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = vp_test_add_small_plan (store);
  SidebarFrame first = { NULL };
  SidebarFrame opening = { NULL };
  SidebarFrame maximized = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) added = NULL;
  GtkWidget *list, *row;
  VpWindow *folded;

  /* 40 priorities more: 42 */
  for (int i = 3; i <= 42; i++)
    {
      g_autofree char *title = g_strdup_printf ("Thema %d", i);
      g_autoptr (VpRecord) priority
        = g_object_new (VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (VP_RECORD (plan)), "number",
                        i, "title", title, "scope", VP_SCOPE_JOINT, "colour", "#2a7ab0", NULL);

      g_assert_true (vp_test_insert_as_owner (store, priority, &error));
      g_assert_no_error (error);
    }
  first.window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (first.window), 1280, 600);
  gtk_window_present (GTK_WINDOW (first.window));
  assert_sidebar_fills (&first);
  list = window_child (first.window, "sidebar_list");

  /* a priority chosen elsewhere (a bar of the evaluation's chart): its
   * row is marked */
  g_object_set (vp_window_get_filter (first.window), "priority",
                g_object_get_data (
                  G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3)), "vp-priority"),
                NULL);
  g_assert_true (
    gtk_widget_get_state_flags (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3)))
    & GTK_STATE_FLAG_SELECTED);
  g_assert_false (gtk_widget_get_state_flags (first.all) & GTK_STATE_FLAG_SELECTED);
  g_object_set (vp_window_get_filter (first.window), "priority", NULL, NULL);
  g_assert_true (gtk_widget_get_state_flags (first.all) & GTK_STATE_FLAG_SELECTED);

  /* a priority added at the end: a row added, those there kept */
  added = g_object_new (VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (VP_RECORD (plan)), "number",
                        43, "title", "Thema 43", "scope", VP_SCOPE_JOINT, NULL);
  g_assert_true (vp_test_insert_as_owner (store, added, &error));
  g_assert_no_error (error);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (sidebar_rows (first.window), ==, 44);
  g_assert_true (gtk_widget_get_first_child (list) == first.all);
  g_assert_true (gtk_widget_get_parent (first.lowest) == list);
  g_assert_true (vp_test_shows_text (GTK_WIDGET (first.window), "43. Thema 43"));
  /* and one taken away: the rows made anew, in the plan's order; a row
   * chosen meanwhile, before they are, stays and is marked */
  g_assert_true (vp_store_delete (store, added, &error));
  g_assert_no_error (error);
  row = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1)));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (gtk_widget_get_parent (row) == list);
  g_assert_true (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
  g_object_unref (row);
  vp_test_wait_for_frames ();
  g_assert_cmpuint (sidebar_rows (first.window), ==, 43);
  g_assert_false (vp_test_shows_text (GTK_WIDGET (first.window), "43. Thema 43"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
  g_object_set (vp_window_get_filter (first.window), "priority", NULL, NULL);
  close_sidebar_frame (&first);

  /* a narrow window folds the sidebar away: it has its rows all the same */
  folded = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (folded), 700, 500);
  gtk_window_present (GTK_WINDOW (folded));
  for (int i = 0; i < 50 && !adw_leaflet_get_folded (window_child (folded, "leaflet")); i++)
    vp_test_wait_for_frames ();
  g_assert_true (adw_leaflet_get_folded (window_child (folded, "leaflet")));
  g_assert_cmpuint (sidebar_rows (folded), ==, 43);
  gtk_window_destroy (GTK_WINDOW (folded));
  vp_test_wait_for_frames ();

  /* a window shown before its plan is read: the same, once it is */
  opening.window = vp_window_new_opening (NULL, vp_store_get_path (store));
  gtk_window_set_default_size (GTK_WINDOW (opening.window), 1280, 600);
  gtk_window_present (GTK_WINDOW (opening.window));
  vp_test_wait_for_frames ();
  g_assert_cmpuint (sidebar_rows (opening.window), ==, 0);
  vp_window_set_store (opening.window, store);
  assert_sidebar_fills (&opening);
  close_sidebar_frame (&opening);

  /* a maximized window is not told its size before its first frame:
   * all rows, so as to fill it */
  maximized.window = g_object_new (VP_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (maximized.window), 1000, 300);
  gtk_window_maximize (GTK_WINDOW (maximized.window));
  gtk_window_present (GTK_WINDOW (maximized.window));
  watch_sidebar_frame (&maximized);
  g_assert_cmpuint (maximized.rows, ==, 43);
  close_sidebar_frame (&maximized);
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;
  dutch = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "nl");

  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/opening", test_opening);
  g_test_add_func ("/window/first-run-asks-home", test_first_run_asks_home);
  g_test_add_func ("/window/other-municipality-needs-a-name", test_other_municipality_needs_a_name);
  g_test_add_func ("/window/plan-list", test_plan_list);
  g_test_add_func ("/window/overdue", test_overdue);
  g_test_add_func ("/window/search-and-filters", test_search_and_filters);
  g_test_add_func ("/window/sidebar-chooses-priority", test_sidebar_chooses_priority);
  g_test_add_func ("/window/view-shortcuts", test_view_shortcuts);
  g_test_add_func ("/window/filter-shortcut", test_filter_shortcut);
  g_test_add_func ("/window/accessible-window", test_accessible_window);
  g_test_add_func ("/window/accessible-views", test_accessible_views);
  g_test_add_func ("/window/accessible-spoken", test_accessible_spoken);
  g_test_add_func ("/window/narrow-window-folds", test_narrow_window_folds);
  g_test_add_func ("/window/new-action-selected", test_new_action_selected);
  g_test_add_func ("/window/list-one-tab-stop", test_list_one_tab_stop);
  g_test_add_func ("/window/enter-opens-row", test_enter_opens_row);
  g_test_add_func ("/window/narrowed-priorities", test_narrowed_priorities);
  g_test_add_func ("/window/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/window/follows-changes", test_follows_changes);
  g_test_add_func ("/window/search-follows-edits", test_search_follows_edits);
  g_test_add_func ("/window/plan-arrives", test_plan_arrives);
  g_test_add_func ("/window/load-example", test_load_example);
  g_test_add_func ("/window/sort-by-column", test_sort_by_column);
  g_test_add_func ("/window/status-in-place", test_status_in_place);
  g_test_add_func ("/window/plan-chooser", test_plan_chooser);
  g_test_add_func ("/window/huge-titles-fit", test_huge_titles_fit);
  g_test_add_func ("/window/collapse-priority", test_collapse_priority);
  g_test_add_func ("/window/every-view-heard", test_every_view_heard);
  g_test_add_func ("/window/partner-matrix", test_partner_matrix);
  g_test_add_func ("/window/partner-matrix-five", test_partner_matrix_five);
  g_test_add_func ("/window/partners-action-not-deleted", test_partners_action_not_deleted);
  g_test_add_func ("/window/selection-follows-action", test_selection_follows_action);
  g_test_add_func ("/window/cell-texts-share-layouts", test_cell_texts_share_layouts);
  g_test_add_func ("/window/list-columns-fit", test_list_columns_fit);
  g_test_add_func ("/window/first-frame-rows", test_first_frame_rows);
  g_test_add_func ("/window/first-frame-sidebar", test_first_frame_sidebar);
  return g_test_run ();
}
