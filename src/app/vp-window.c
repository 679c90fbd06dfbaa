/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"

#include "exchange/vp-exchange.h"
#include "vp-action-filter.h"
#include "vp-accessible.h"
#include "vp-action-editor.h"
#include "vp-format.h"
#include "vp-board-view.h"
#include "vp-list-view.h"
#include "vp-plan-view.h"
#include "vp-swatch.h"
#include "vp-view.h"
#include "vp-home-dialog.h"
#include "vp-window-private.h"

/*
 * The main window of one plan database: the priorities in a sidebar, the
 * plan's actions in the chosen view, a search bar and filters that every
 * view shares, or a status page when the database holds no plan yet. On
 * first use it asks for the home municipality. The filter bar is in
 * vp-window-filters.c.
 */

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

/* How long the window shows only itself while its plan is read, before
 * it says so: a short wait is not worth a word. */
#define OPENING_PROGRESS_DELAY_MS 400

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (VpWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (GtkWidget *widget, gpointer toast)
{
  adw_toast_overlay_add_toast (VP_WINDOW (widget)->toasts, g_object_ref (toast));
}

/**
 * vp_window_new_toast:
 * @text: plain text, which may hold what a partner wrote
 *
 * A toast's title is markup in libadwaita 1.2: every toast is made here,
 * so that a partner's "&" or "<span>" shows as written, and a huge or
 * reordering text as vp_format_display_text() makes it.
 *
 * Returns: (transfer full): a toast showing @text
 */
AdwToast *
vp_window_new_toast (const char *text)
{
  g_autofree char *shown = vp_format_display_text (text);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  return adw_toast_new (escaped);
}

/**
 * vp_window_toast:
 * @message: what was done, plain text
 *
 * Confirms a change with a toast that offers to undo it.
 */
void
vp_window_toast (VpWindow *self, const char *message)
{
  AdwToast *toast = vp_window_new_toast (message);

  /* not after a change that made no step (an import with nothing new):
   * Undo would take back the one before */
  if (vp_store_last_change_can_undo (self->store))
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  /* the change shows first; the toast (a handful of new widgets) slides
   * in after it */
  vp_after_frame (GTK_WIDGET (self), add_toast, toast, g_object_unref);
}

static void
update_actions (VpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.load-example", self->plan == NULL);
  gtk_widget_action_set_enabled (widget, "win.new-action", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-action", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-action", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "win.preferences", self->settings != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo", vp_store_can_undo (self->store));
  vp_window_update_plan_actions (self);
}

/**
 * vp_window_update_actions:
 *
 * Enables and disables the window's actions for what it shows.
 */
void
vp_window_update_actions (VpWindow *self)
{
  update_actions (self);
}

/* The example plan ships inside the program, so it is there however the
 * program was installed. */
static void
load_example_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
    "/nl/veiligheidsplan/Veiligheidsplan/examples/nijkerk-uvp-2024.json", 0, &error);
  g_autoptr (VpChangeSet) changes = NULL;

  if (bytes != NULL)
    changes = vp_exchange_read (self->store, bytes, "nijkerk-uvp-2024.json", &error);
  vp_store_set_undo_label (self->store, _ ("Load example plan"));
  if (changes == NULL || !vp_change_set_apply (changes, self->store, &error))
    {
      show_error (self, _ ("The Example Plan Could Not Be Loaded"), error->message);
      return;
    }
  vp_window_toast (self, _ ("Example plan loaded"));
}

/* The focus follows a card that Undo moved back on the board shown. */
static void
follow_undo (VpWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->views);

  if (visible == self->board_page && self->board_view != NULL)
    vp_board_view_follow_undo (self->board_view);
  else if (visible == self->quarters_page && self->quarters_view != NULL)
    vp_board_view_follow_undo (self->quarters_view);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autofree char *label = g_strdup (vp_store_get_undo_label (self->store));
  g_autoptr (GError) error = NULL;

  if (!vp_store_undo (self->store, &error))
    {
      show_error (self, _ ("The Change Could Not Be Undone"), error->message);
      return;
    }
  if (label != NULL)
    {
      /* Translators: a toast after undo; the change that was undone follows */
      g_autofree char *message = g_strdup_printf (_ ("Undone: %s"), label);

      adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (message));
    }
  follow_undo (self);
}

static void
on_editor_done_cb (VpWindow *self, const char *message, GtkWidget *editor)
{
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  guint n = g_list_model_get_n_items (actions);

  vp_window_toast (self, message);
  /* a new action (the store's last) is selected and shown in the list */
  if (g_object_get_data (G_OBJECT (editor), "vp-new-action") != NULL && n > 0
      && adw_view_stack_get_visible_child (self->views) == GTK_WIDGET (self->list_view))
    {
      g_autoptr (VpAction) added = g_list_model_get_item (actions, n - 1);

      if (g_object_get_data (G_OBJECT (editor), "vp-new-action") != added)
        vp_list_view_select_action (self->list_view, added);
    }
}

static void
open_editor (VpWindow *self, VpAction *action)
{
  VpPriority *priority = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *read_only = vp_store_dup_read_only_reason (self->store);
  GtkWidget *editor;

  /* shown as of a date: no editor, and why in a toast */
  if (read_only != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (read_only));
      return;
    }
  g_object_get (self->filter, "priority", &chosen, NULL);
  if (chosen != NULL)
    priority = VP_PRIORITY (vp_store_lookup (self->store, chosen));
  editor = vp_action_editor_new (GTK_WINDOW (self), self->store, self->plan, action, priority);
  if (action == NULL)
    {
      GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
      guint n = g_list_model_get_n_items (actions);
      /* the store's last action before: the one after it is the new one */
      g_autoptr (GObject) last = n > 0 ? g_list_model_get_item (actions, n - 1) : NULL;

      g_object_set_data (G_OBJECT (editor), "vp-new-action",
                         last != NULL ? (gpointer) last : (gpointer) editor);
    }
  g_signal_connect_object (editor, "done", G_CALLBACK (on_editor_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (VP_WINDOW (widget), NULL);
}

/* The action chosen in the view shown: the list's selected row, the
 * board's focused or selected card. */
static VpAction *
selected_action (VpWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->views);

  if (visible == self->board_page && self->board_view != NULL)
    return vp_board_view_get_selected_action (self->board_view);
  if (visible == self->quarters_page && self->quarters_view != NULL)
    return vp_board_view_get_selected_action (self->quarters_view);
  /* not the list's selection while another view, which does not show it,
   * is in front */
  if (visible == GTK_WIDGET (self->list_view))
    return vp_list_view_get_selected_action (self->list_view);
  return NULL;
}

static void
edit_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpAction *action = selected_action (self);

  if (action != NULL)
    open_editor (self, action);
}

static void
delete_action_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpAction *action = selected_action (self);
  g_autoptr (GError) error = NULL;

  if (action == NULL)
    return;
  if (!vp_action_check_ours (self->store, action, &error))
    {
      show_error (self, _ ("The Action Could Not Be Deleted"), error->message);
      return;
    }
  vp_store_set_undo_label (self->store, _ ("Delete action"));
  if (!vp_store_delete (self->store, VP_RECORD (action), &error))
    show_error (self, _ ("The Action Could Not Be Deleted"), error->message);
  else
    vp_window_toast (self, _ ("Action deleted"));
}

static void
on_list_action_activated_cb (VpWindow *self, VpAction *action)
{
  open_editor (self, action);
}

static void
on_view_failed_cb (VpWindow *self, const char *message)
{
  show_error (self, _ ("The Change Was Not Saved"), message);
}

/**
 * vp_window_connect_view:
 * @view: a #VpView of this window
 *
 * What every view reports, heard in one place: a change made, in a toast
 * that offers Undo; a change that was not saved, in a dialog.
 */
void
vp_window_connect_view (VpWindow *self, gpointer view)
{
  g_return_if_fail (VP_IS_VIEW (view));

  g_signal_connect_object (view, "done", G_CALLBACK (vp_window_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "failed", G_CALLBACK (on_view_failed_cb), self, G_CONNECT_SWAPPED);
}

/* The shortcuts window, built when asked for: GtkApplication builds the
 * one at gtk/help-overlay.ui with every window, before its first frame. */
static void
show_shortcuts_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (
    "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
show_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed_cb (VpWindow *self)
{
  if (self->filter == NULL)
    return;
  g_object_set (self->filter, "search", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                NULL);
}

static char *
plan_subtitle (VpWindow *self)
{
  int first = vp_plan_get_first_year (self->plan);
  int last = vp_plan_get_last_year (self->plan);
  VpOrganisation *owner
    = vp_store_lookup_organisation (self->store, vp_plan_get_owner (self->plan));
  g_autofree char *owner_name = vp_format_display_text (
    owner != NULL ? vp_organisation_get_name (owner) : vp_plan_get_owner (self->plan));

  if (first == last)
    /* Translators: the plan's municipality and year: "Nijkerk · 2024" */
    return g_strdup_printf (_ ("%s · %d"), owner_name, first);
  /* Translators: the plan's municipality and years: "Den Helder · 2023–2024" */
  return g_strdup_printf (_ ("%s · %d–%d"), owner_name, first, last);
}

/* A move the board refused up front: why, in a toast. */
static void
on_board_refused_cb (VpWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, vp_window_new_toast (message));
}

static void
connect_board (VpWindow *self, VpBoardView *board)
{
  g_signal_connect_object (board, "refused", G_CALLBACK (on_board_refused_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (board, "action-activated", G_CALLBACK (on_list_action_activated_cb),
                           self, G_CONNECT_SWAPPED);
  vp_window_connect_view (self, board);
}

/* The quarter board's columns are the plan's years' quarters: a plan of
 * other years gets a board of its own. */
static void
show_quarters (VpWindow *self)
{
  vp_window_show_quarters (self, FALSE);
}

/**
 * vp_window_show_quarters:
 * @anew: whether to make the board anew even for a plan of the same
 *   years (it opens at the quarter of the date shown)
 *
 * Gives the quarter board the plan shown.
 */
void
vp_window_show_quarters (VpWindow *self, gboolean anew)
{
  int first = 0, last = 0;

  /* made when first shown, not before the window's first frame */
  if (self->quarters_view == NULL
      && adw_view_stack_get_visible_child (self->views) != self->quarters_page)
    return;
  if (self->quarters_view != NULL)
    vp_quarter_board_get_years (self->quarters_view, &first, &last);
  if (!anew && self->quarters_view != NULL && self->plan != NULL
      && first == vp_plan_get_first_year (self->plan) && last == vp_plan_get_last_year (self->plan))
    {
      vp_board_view_set_plan (self->quarters_view, self->plan);
      return;
    }
  self->quarters_view
    = VP_BOARD_VIEW (vp_board_view_new_quarters (self->store, self->filter, self->plan));
  connect_board (self, self->quarters_view);
  adw_bin_set_child (ADW_BIN (self->quarters_page), GTK_WIDGET (self->quarters_view));
  vp_board_view_set_plan (self->quarters_view, self->plan);
}

static void
on_years_changed_cb (VpWindow *self, GParamSpec *pspec, VpPlan *plan)
{
  /* only the plan shown */
  if (plan == self->plan)
    show_quarters (self);
}

static void
show_plan (VpWindow *self, VpPlan *plan)
{
  /* a date shown is of the plan shown: another plan is shown as it is */
  if (plan != self->plan)
    vp_store_set_as_of (self->store, NULL, NULL, NULL);
  if (!g_set_object (&self->plan, plan))
    return;
  vp_list_view_set_plan (self->list_view, self->plan);
  if (self->board_view != NULL)
    vp_board_view_set_plan (self->board_view, self->plan);
  show_quarters (self);
  /* the plan's years edited (or imported): the quarter board follows */
  if (self->plan != NULL)
    {
      g_signal_connect_object (self->plan, "notify::first-year", G_CALLBACK (on_years_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan, "notify::last-year", G_CALLBACK (on_years_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  vp_window_watch_plan (self, self->plan);
  if (self->matrix_view != NULL)
    vp_matrix_view_set_plan (self->matrix_view, self->plan);
  vp_plan_view_set_plan (self->plan_view, self->plan);
  if (self->evaluation_view != NULL)
    vp_evaluation_view_set_plan (self->evaluation_view, self->plan);
  g_object_set (self->filter, "priority", NULL, NULL);
  vp_window_update_sidebar (self);
}

/* The plan to show: the one shown, while it exists, else the first. */
static VpPlan *
plan_to_show (VpWindow *self, guint *position)
{
  GListModel *plans = vp_store_get_records (self->store, VP_TYPE_PLAN);

  *position = 0;
  if (self->plan != NULL && g_list_store_find (G_LIST_STORE (plans), self->plan, position))
    return g_object_ref (self->plan);
  return g_list_model_get_item (plans, 0);
}

/* Shows a plan of the database (the plan chooser offers the others), or
 * the empty state. */
static void
show_sidebar_title (VpWindow *self, const char *title, const char *subtitle)
{
  gtk_label_set_text (self->plan_title, title);
  gtk_label_set_text (self->plan_subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_subtitle), subtitle != NULL);
}

static void
update_plan (VpWindow *self)
{
  GListModel *plans = vp_store_get_records (self->store, VP_TYPE_PLAN);
  guint position;
  g_autoptr (VpPlan) plan = plan_to_show (self, &position);

  show_plan (self, plan);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_chooser), g_list_model_get_n_items (plans) > 1);
  if (plan != NULL)
    gtk_drop_down_set_selected (self->plan_chooser, position);
  if (self->plan == NULL)
    {
      adw_view_switcher_title_set_title (self->title, _ ("Veiligheidsplan"));
      adw_view_switcher_title_set_subtitle (self->title, "");
      gtk_window_set_title (GTK_WINDOW (self), _ ("Veiligheidsplan"));
      show_sidebar_title (self, _ ("Priorities"), NULL);
      adw_status_page_set_icon_name (self->empty_page, "x-office-document-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      g_autofree char *subtitle = plan_subtitle (self);
      g_autofree char *title = vp_format_display_text (vp_plan_get_title (self->plan));

      /* The header bar shows the view switcher when there is room for
       * it, the title when not; the sidebar always has the title. */
      adw_view_switcher_title_set_title (self->title, title);
      adw_view_switcher_title_set_subtitle (self->title, subtitle);
      show_sidebar_title (self, title, subtitle);
      /* what a screen reader and the window list call the window */
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_stack_set_visible_child_name (self->stack, "plan");
    }
  update_actions (self);
}

/**
 * vp_window_show_plan:
 * @plan: a plan of the window's database
 *
 * Shows @plan, as choosing it in the plan chooser does.
 */
void
vp_window_show_plan (VpWindow *self, VpPlan *plan)
{
  show_plan (self, plan);
  update_plan (self);
}

/* The chooser's items: the expression is evaluated on each plan. */
static char *
plan_chooser_title (VpPlan *plan)
{
  return vp_format_display_text (vp_plan_get_title (plan));
}

/* The chooser's label and items: a plan's title cut short, so that a long
 * one does not widen the sidebar (GtkDropDown's own labels do not). */
static void
on_chooser_item_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
on_chooser_item_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  g_autofree char *title = plan_chooser_title (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

static void
setup_plan_chooser (VpWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_chooser_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_chooser_item_bind_cb), NULL);
  gtk_drop_down_set_factory (self->plan_chooser, factory);
  gtk_drop_down_set_expression (
    self->plan_chooser, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                     G_CALLBACK (plan_chooser_title), NULL, NULL));
  gtk_drop_down_set_model (self->plan_chooser, vp_store_get_records (self->store, VP_TYPE_PLAN));
  vp_accessible_name_drop_down (self->plan_chooser, _ ("Plan"));
}

static void
on_plan_chosen_cb (VpWindow *self)
{
  VpPlan *chosen = gtk_drop_down_get_selected_item (self->plan_chooser);

  if (chosen != NULL && chosen != self->plan)
    {
      show_plan (self, chosen);
      update_plan (self);
    }
}

static void
on_plans_changed_cb (VpWindow *self)
{
  update_plan (self);
}

static void
on_can_undo_cb (VpWindow *self)
{
  update_actions (self);
}

static gboolean
ask_home_municipality (gpointer user_data)
{
  VpWindow *self = user_data;
  GtkWidget *dialog = vp_home_dialog_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Window size and the view shown last are remembered, where the settings
 * schema is installed. */
static void
setup_settings (VpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema
    = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
setup_views (VpWindow *self)
{
  AdwViewStackPage *page;

  self->list_view = VP_LIST_VIEW (vp_list_view_new (self->store, self->filter));
  page = adw_view_stack_add_titled (self->views, GTK_WIDGET (self->list_view), "list", _ ("List"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  g_signal_connect_object (self->list_view, "action-activated",
                           G_CALLBACK (on_list_action_activated_cb), self, G_CONNECT_SWAPPED);
  vp_window_connect_view (self, self->list_view);

  /* the board, made when first shown (build_board()) */
  self->board_page = adw_bin_new ();
  page = adw_view_stack_add_titled (self->views, self->board_page, "board", _ ("Board"));
  adw_view_stack_page_set_icon_name (page, "vp-board-symbolic");

  /* the quarter board, made when first shown and anew for a plan of other
   * years (show_quarters()) */
  self->quarters_page = adw_bin_new ();
  page = adw_view_stack_add_titled (self->views, self->quarters_page, "quarters", _ ("Quarters"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  show_quarters (self);
  /* the partner matrix, for the driehoek: made when first shown */
  self->matrix_page = adw_bin_new ();
  page = adw_view_stack_add_titled (self->views, self->matrix_page, "matrix", _ ("Municipalities"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");

  self->plan_view = VP_PLAN_VIEW (vp_plan_view_new (self->store));
  page = adw_view_stack_add_titled (self->views, GTK_WIDGET (self->plan_view), "plan", _ ("Plan"));
  adw_view_stack_page_set_icon_name (page, "x-office-document-symbolic");
  vp_window_connect_view (self, self->plan_view);
  vp_window_setup_report (self);
}

/* The partner matrix keeps rows of its own for every action: it is made
 * the first time it is shown, not before the window's first frame. */
static void
build_matrix (VpWindow *self)
{
  if (self->matrix_view != NULL
      || adw_view_stack_get_visible_child (self->views) != self->matrix_page)
    return;
  self->matrix_view = VP_MATRIX_VIEW (vp_matrix_view_new (self->store, self->filter));
  adw_bin_set_child (ADW_BIN (self->matrix_page), GTK_WIDGET (self->matrix_view));
  vp_window_connect_view (self, self->matrix_view);
  vp_accessible_name_menu_buttons (GTK_WIDGET (self->matrix_view));
  vp_matrix_view_set_plan (self->matrix_view, self->plan);
}

/* The board keeps a card for every action of its columns: it is made the
 * first time it is shown, with the same signals as the list's, not
 * before the window's first frame. Its lanes are remembered, where the
 * settings schema is installed. */
static void
build_board (VpWindow *self)
{
  if (self->board_view != NULL
      || adw_view_stack_get_visible_child (self->views) != self->board_page)
    return;
  self->board_view = VP_BOARD_VIEW (vp_board_view_new (self->store, self->filter));
  adw_bin_set_child (ADW_BIN (self->board_page), GTK_WIDGET (self->board_view));
  vp_accessible_name_menu_buttons (GTK_WIDGET (self->board_view));
  connect_board (self, self->board_view);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "board-lanes", self->board_view, "lanes",
                     G_SETTINGS_BIND_DEFAULT);
  vp_board_view_set_plan (self->board_view, self->plan);
}

/* Alt+1, Alt+2, … show the view switcher's pages in its order: a view
 * added later gets the next number. */
static void
show_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *page
    = adw_view_stack_get_child_by_name (self->views, g_variant_get_string (parameter, NULL));

  if (page == NULL || self->plan == NULL)
    return;
  adw_view_stack_set_visible_child (self->views, page);
  /* the keyboard goes along: into the view, not left on the one hidden */
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Only the view shown is in the accessibility tree: a screen reader
 * listed the lists and cards of every view at once. */
static void
on_visible_view_cb (VpWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->views);

  build_matrix (self);
  build_board (self);
  if (visible == self->evaluation_page)
    vp_window_get_evaluation (self);
  if (self->quarters_view == NULL && visible == self->quarters_page)
    show_quarters (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != visible, -1);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Only what is on screen is in the accessibility tree: the page of the
 * stack shown (not the empty page's buttons under the plan), a banner
 * while it is revealed, and one view switcher (the title's wide or narrow
 * one, or the bar at the bottom), not three. */
static void
setup_accessible_tree (VpWindow *self)
{
  GtkWidget *squeezer = find_descendant (GTK_WIDGET (self->title), ADW_TYPE_SQUEEZER);
  GtkWidget *bar = find_descendant (self->content, ADW_TYPE_VIEW_SWITCHER_BAR);

  vp_accessible_expose_shown_child (GTK_WIDGET (self->stack));
  vp_accessible_expose_when (GTK_WIDGET (self->home_banner), "reveal-child");
  vp_accessible_expose_when (GTK_WIDGET (self->chips_revealer), "reveal-child");
  if (squeezer != NULL)
    vp_accessible_expose_shown_child (squeezer);
  if (bar != NULL)
    vp_accessible_expose_when (bar, "reveal");
}

static void
setup_view_shortcuts (VpWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = adw_view_stack_get_pages (self->views);
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (pages)), 9);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkShortcut *shortcut
        = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                            gtk_named_action_new ("win.show-view"));

      gtk_shortcut_set_arguments (shortcut,
                                  g_variant_new_string (adw_view_stack_page_get_name (page)));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Below this width the sidebar folds away (the back button and the
 * header bar's title show it); above it the sidebar and a view of at
 * least CONTENT_WIDTH fit side by side. */
#define FOLD_WIDTH    900
#define SIDEBAR_WIDTH 230
#define CONTENT_WIDTH 360

/* AdwLeaflet (1.2) folds when its children's minimum widths do not fit:
 * the view's minimum is raised past what is left beside the sidebar
 * while the window is narrower than FOLD_WIDTH. */
static gboolean
update_fold_cb (gpointer data)
{
  VpWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int wanted = CONTENT_WIDTH;

  self->fold_id = 0;
  if (width > 0 && width < FOLD_WIDTH)
    wanted = MAX (CONTENT_WIDTH, width - SIDEBAR_WIDTH + 1);
  gtk_widget_set_size_request (self->content, wanted, -1);
  return G_SOURCE_REMOVE;
}

/* Folded, the window shows the view; the back button leads to the
 * sidebar. */
static void
on_folded_cb (VpWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Not while allocating: a size request changed then is laid out in the
 * next frame. */
static void
vp_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  VpWindow *self = VP_WINDOW (widget);
  int wanted = width < FOLD_WIDTH ? MAX (CONTENT_WIDTH, width - SIDEBAR_WIDTH + 1) : CONTENT_WIDTH;
  int current;

  GTK_WIDGET_CLASS (vp_window_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_widget_get_size_request (self->content, &current, NULL);
  if (current != wanted && self->fold_id == 0)
    self->fold_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_fold_cb, self, NULL);
}

/* Every window action (those of this class, not GtkWindow's own) on or
 * off: off while the plan database is still being read. */
static void
set_actions_enabled (VpWindow *self, gboolean enabled)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  GType owner;
  const char *name;
  const GVariantType *parameter_type;
  const char *property;

  /* (GTK 4.8 needs every out argument) */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    {
      if (owner == VP_TYPE_WINDOW)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
    }
}

/* The header bar's search and filter, which are not actions: off while
 * there is nothing to search or filter. */
static void
set_header_buttons_sensitive (VpWindow *self, gboolean sensitive)
{
  gtk_widget_set_sensitive (self->search_button, sensitive);
  gtk_widget_set_sensitive (self->filter_button, sensitive);
}

/* Only when reading the plan takes long: a moment's wait shows nothing
 * more than the window itself. */
static gboolean
show_opening_progress_cb (gpointer user_data)
{
  VpWindow *self = user_data;

  self->opening_id = 0;
  gtk_widget_set_opacity (GTK_WIDGET (self->opening_page), 1.0);
  return G_SOURCE_REMOVE;
}

/* The window while its plan database is read (vp_window_new_opening()):
 * the header bar and an empty content, then the progress. */
static void
show_opening (VpWindow *self)
{
  set_actions_enabled (self, FALSE);
  set_header_buttons_sensitive (self, FALSE);
  adw_view_switcher_title_set_title (self->title, _ ("Veiligheidsplan"));
  show_sidebar_title (self, _ ("Veiligheidsplan"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_chooser), FALSE);
  gtk_widget_set_visible (self->overdue_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "opening");
  self->opening_id = g_timeout_add (OPENING_PROGRESS_DELAY_MS, show_opening_progress_cb, self);
}

/* Everything that shows the plan database: the views, the sidebar, the
 * filters and the window's actions. */
static void
setup_store (VpWindow *self)
{
  self->filter = vp_action_filter_new (self->store);
  setup_views (self);
  setup_view_shortcuts (self);
  vp_accessible_name_menu_buttons (self->content);
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (on_visible_view_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "last-view", self->views, "visible-child-name",
                     G_SETTINGS_BIND_DEFAULT);
  on_visible_view_cb (self);
  vp_window_setup_filters (self);
  setup_plan_chooser (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_PLAN), "items-changed",
                           G_CALLBACK (on_plans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-undo", G_CALLBACK (on_can_undo_cb), self,
                           G_CONNECT_SWAPPED);
  vp_window_watch_sidebar (self);
  vp_window_setup_exchange (self);
  vp_window_setup_plan (self);
  vp_window_setup_as_of (self);
  update_plan (self);

  if (vp_store_get_home_municipality (self->store) == NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_home_municipality, g_object_ref (self),
                     g_object_unref);
  /* partners' files asked for while the database was read */
  for (guint i = 0; self->pending_imports != NULL && i < self->pending_imports->len; i++)
    vp_window_import_file (self, g_ptr_array_index (self->pending_imports, i));
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);
}

static void
vp_window_constructed (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  G_OBJECT_CLASS (vp_window_parent_class)->constructed (object);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  setup_settings (self);
  setup_accessible_tree (self);
  if (self->store != NULL)
    setup_store (self);
  else
    show_opening (self);
}

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  vp_window_dispose_exchange (self);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  g_clear_handle_id (&self->opening_id, g_source_remove);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);
  g_clear_pointer (&self->sidebar_counts, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->filter);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_window_parent_class)->dispose (object);
}

static void
vp_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.load-example", NULL, load_example_action);
  gtk_widget_class_install_action (widget_class, "win.new-action", NULL, new_action_action);
  gtk_widget_class_install_action (widget_class, "win.edit-action", NULL, edit_action_action);
  gtk_widget_class_install_action (widget_class, "win.delete-action", NULL, delete_action_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-overdue", NULL,
                                   vp_window_show_overdue_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   vp_window_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.filter", NULL, vp_window_filter_action);
  vp_window_install_report_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-action",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-action", NULL);
  /* import, export, their history, preferences */
  vp_window_install_exchange_actions (widget_class);
  vp_window_install_backup_actions (widget_class);
  /* new plan, edit plan, next year's plan, the home municipality */
  vp_window_install_plan_actions (widget_class);
  /* the plan as of a date */
  vp_window_install_as_of_actions (widget_class);
}

static void
vp_window_class_init (VpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* names read once, group titles as headings, in every window it opens */
  vp_accessible_watch ();
  object_class->constructed = vp_window_constructed;
  object_class->dispose = vp_window_dispose;
  object_class->get_property = vp_window_get_property;
  object_class->set_property = vp_window_set_property;
  widget_class->size_allocate = vp_window_size_allocate;

  properties[PROP_STORE] = g_param_spec_object (
    "store", NULL, NULL, VP_TYPE_STORE,
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VP_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, plan_subtitle);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, plan_chooser);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, overdue_content);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, home_banner);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, as_of_banner);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, ended_banner);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, ended_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, ended_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, chips);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, opening_progress);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, views);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, vp_window_on_sidebar_row_activated_cb);
  install_actions (widget_class);
}

static void
vp_window_init (VpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_window_new:
 * @store: the plan database to show
 *
 * Returns: (transfer none): a new window of @application
 */
VpWindow *
vp_window_new (VpApplication *application, VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_WINDOW, "application", application, "store", store, NULL);
}

/**
 * vp_window_new_opening:
 * @path: the plan database being opened
 *
 * A window for a plan database that is still being read (a large one
 * takes a while): it shows at once, without its actions, and shows the
 * plan when vp_window_set_store() gives it the store.
 *
 * Returns: (transfer none): a new window of @application
 */
VpWindow *
vp_window_new_opening (VpApplication *application, const char *path)
{
  VpWindow *self = g_object_new (VP_TYPE_WINDOW, "application", application, NULL);

  self->path = g_strdup (path);
  return self;
}

/**
 * vp_window_set_store:
 * @store: the plan database the window was opened for
 *
 * Gives a window made with vp_window_new_opening() its store: it shows
 * the plan.
 */
void
vp_window_set_store (VpWindow *self, VpStore *store)
{
  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (VP_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_clear_pointer (&self->path, g_free);
  g_clear_handle_id (&self->opening_id, g_source_remove);
  set_actions_enabled (self, TRUE);
  set_header_buttons_sensitive (self, TRUE);
  gtk_widget_set_visible (self->overdue_button, TRUE);
  setup_store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * vp_window_set_opening_progress:
 * @fraction: how much of the plan database has been read, 0 to 1
 */
void
vp_window_set_opening_progress (VpWindow *self, double fraction)
{
  g_return_if_fail (VP_IS_WINDOW (self));

  gtk_progress_bar_set_fraction (self->opening_progress, CLAMP (fraction, 0.0, 1.0));
}

/**
 * vp_window_get_store:
 *
 * Returns: (transfer none) (nullable): the plan database, %NULL while it
 *   is being opened
 */
VpStore *
vp_window_get_store (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * vp_window_get_path:
 *
 * Returns: the file of the window's plan database, also while it is
 *   being opened
 */
const char *
vp_window_get_path (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);
  return self->store != NULL ? vp_store_get_path (self->store) : self->path;
}

/**
 * vp_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the window shows
 */
VpPlan *
vp_window_get_plan (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);
  return self->plan;
}

/**
 * vp_window_get_filter:
 *
 * Returns: (transfer none): the search and facets the views share
 */
VpActionFilter *
vp_window_get_filter (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);
  return self->filter;
}
