/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-exchange.h"
#include "views/vp-plan-row.h"
#include "vp-home-dialog.h"
#include "vp-window.h"

/*
 * The main window of one plan database: the plan's title in the header
 * bar and its actions grouped by priority, or a status page when the
 * database holds no plan yet. On first use it asks for the home
 * municipality.
 */

struct _VpWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkListView *list_view;

  /* owned */
  VpStore *store;
  VpPlan *plan;
  GtkCustomFilter *plan_filter;
};

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
record_has_parent (gpointer item, gpointer parent_uuid)
{
  return g_strcmp0 (vp_record_get_parent_uuid (item), parent_uuid) == 0;
}

static gboolean
priority_in_shown_plan (gpointer item, gpointer user_data)
{
  VpWindow *self = user_data;

  return self->plan != NULL
         && record_has_parent (item, (gpointer) vp_record_get_uuid (VP_RECORD (self->plan)));
}

/* The children of a priority row: its actions. */
static GListModel *
create_child_model (gpointer item, gpointer user_data)
{
  VpWindow *self = user_data;
  GtkCustomFilter *filter;

  if (!VP_IS_PRIORITY (item))
    return NULL;
  filter = gtk_custom_filter_new (record_has_parent, g_strdup (vp_record_get_uuid (item)), g_free);
  return G_LIST_MODEL (gtk_filter_list_model_new (
    g_object_ref (vp_store_get_records (self->store, VP_TYPE_ACTION)), GTK_FILTER (filter)));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpWindow *self)
{
  gtk_list_item_set_child (item, vp_plan_row_new (self->store));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpWindow *self)
{
  vp_plan_row_bind (VP_PLAN_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, VpWindow *self)
{
  vp_plan_row_unbind (VP_PLAN_ROW (gtk_list_item_get_child (item)));
}

static void
setup_outline (VpWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *priorities;
  GtkTreeListModel *tree;

  self->plan_filter = gtk_custom_filter_new (priority_in_shown_plan, self, NULL);
  priorities = gtk_filter_list_model_new (
    g_object_ref (vp_store_get_records (self->store, VP_TYPE_PRIORITY)),
    g_object_ref (GTK_FILTER (self->plan_filter)));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (priorities), FALSE, TRUE, create_child_model, self,
                                  NULL);

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))));
  g_object_unref (factory);
}

static void
update_actions (VpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example", self->plan == NULL);
}

static void
show_error (VpWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (changes == NULL || !vp_change_set_apply (changes, self->store, &error))
    {
      show_error (self, _ ("The Example Plan Could Not Be Loaded"), error);
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_ ("Example plan loaded")));
}

static char *
plan_subtitle (VpWindow *self)
{
  int first = vp_plan_get_first_year (self->plan);
  int last = vp_plan_get_last_year (self->plan);
  VpOrganisation *owner
    = vp_store_lookup_organisation (self->store, vp_plan_get_owner (self->plan));
  const char *owner_name
    = owner != NULL ? vp_organisation_get_name (owner) : vp_plan_get_owner (self->plan);

  if (first == last)
    /* Translators: the plan's municipality and year: "Nijkerk · 2024" */
    return g_strdup_printf (_ ("%s · %d"), owner_name, first);
  /* Translators: the plan's municipality and years: "Den Helder · 2023–2024" */
  return g_strdup_printf (_ ("%s · %d–%d"), owner_name, first, last);
}

/* Shows the first plan of the database, or the empty state. The plan
 * chooser (several plans in one database) will set self->plan instead. */
static void
update_plan (VpWindow *self)
{
  GListModel *plans = vp_store_get_records (self->store, VP_TYPE_PLAN);
  g_autoptr (VpPlan) first = g_list_model_get_item (plans, 0);

  if (first != self->plan)
    {
      g_set_object (&self->plan, first);
      gtk_filter_changed (GTK_FILTER (self->plan_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  if (self->plan == NULL)
    {
      adw_window_title_set_title (self->title, _ ("Veiligheidsplan"));
      adw_window_title_set_subtitle (self->title, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      g_autofree char *subtitle = plan_subtitle (self);

      adw_window_title_set_title (self->title, vp_plan_get_title (self->plan));
      adw_window_title_set_subtitle (self->title, subtitle);
      gtk_stack_set_visible_child_name (self->stack, "plan");
    }
  update_actions (self);
}

static void
on_plans_changed_cb (VpWindow *self, guint position, guint removed, guint added, GListModel *plans)
{
  update_plan (self);
}

static gboolean
ask_home_municipality (gpointer user_data)
{
  VpWindow *self = user_data;
  GtkWidget *dialog = vp_home_dialog_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
vp_window_constructed (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  G_OBJECT_CLASS (vp_window_parent_class)->constructed (object);

  setup_outline (self);
  g_signal_connect_object (vp_store_get_records (self->store, VP_TYPE_PLAN), "items-changed",
                           G_CALLBACK (on_plans_changed_cb), self, G_CONNECT_SWAPPED);
  update_plan (self);

  if (vp_store_get_home_municipality (self->store) == NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_home_municipality, g_object_ref (self),
                     g_object_unref);
}

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);
  g_clear_object (&self->plan_filter);
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
vp_window_class_init (VpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_window_constructed;
  object_class->dispose = vp_window_dispose;
  object_class->get_property = vp_window_get_property;
  object_class->set_property = vp_window_set_property;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, list_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.load-example", NULL, load_example_action);
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
  return g_object_new (VP_TYPE_WINDOW, "application", application, "store", store, NULL);
}

VpStore *
vp_window_get_store (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);
  return self->store;
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
