/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-plan-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-plan-row.h"
#include "vp-swatch.h"

/*
 * One row of the plan outline: a priority heading, or an action beneath
 * it. Rows are recycled by the list view: bind gives a row its record,
 * unbind takes it away, and while bound the row follows the record's
 * changes.
 */

struct _VpPlanRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkTreeExpander *expander;
  GtkWidget *priority_box;
  VpSwatch *swatch;
  GtkLabel *priority_title;
  GtkLabel *priority_details;
  GtkWidget *action_box;
  GtkLabel *letter;
  GtkLabel *action_text;
  GtkLabel *action_details;

  /* owned */
  VpStore *store;
  GtkTreeListRow *row;
  VpRecord *record;
};

G_DEFINE_FINAL_TYPE (VpPlanRow, vp_plan_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_priority (VpPlanRow *self, VpPriority *priority)
{
  g_autofree char *title = g_strdup_printf ("%d. %s", vp_priority_get_number (priority),
                                            vp_priority_get_title (priority));
  VpScope scope = vp_record_get_int (VP_RECORD (priority), "scope");
  GListModel *actions = self->row != NULL ? gtk_tree_list_row_get_children (self->row) : NULL;
  guint n_actions = actions != NULL ? g_list_model_get_n_items (actions) : 0;
  /* Translators: a priority's scope and its number of actions: "Joint priority · 19 actions" */
  g_autofree char *details
    = g_strdup_printf (ngettext ("%s · %u action", "%s · %u actions", n_actions),
                       vp_enum_get_label (VP_TYPE_SCOPE, scope), n_actions);

  vp_swatch_set_colour (self->swatch, vp_priority_get_colour (priority));
  gtk_label_set_text (self->priority_title, title);
  gtk_label_set_text (self->priority_details, details);
  gtk_widget_set_visible (self->priority_box, TRUE);
  gtk_widget_set_visible (self->action_box, FALSE);
}

static VpSubtheme *
find_subtheme (VpPlanRow *self, VpAction *action)
{
  VpRecord *subtheme = vp_store_lookup (self->store, vp_action_get_subtheme (action));

  return VP_IS_SUBTHEME (subtheme) ? VP_SUBTHEME (subtheme) : NULL;
}

static void
show_action (VpPlanRow *self, VpAction *action)
{
  g_autofree char *lead = vp_format_lead (self->store, action);
  g_autofree char *quarter = vp_format_quarter (action);
  const char *category = vp_enum_get_label (VP_TYPE_CATEGORY, vp_action_get_category (action));
  g_autofree char *details = NULL;
  VpSubtheme *subtheme = find_subtheme (self, action);

  if (vp_action_get_target (action) > 0)
    /* Translators: lead · quarter · category · target, e.g.
     * "Joint · Q1 2024 · Joint action · Target: 5 integrale controles" */
    details = g_strdup_printf (_ ("%s · %s · %s · Target: %d %s"), lead, quarter, category,
                               vp_action_get_target (action), vp_action_get_target_unit (action));
  else
    /* Translators: lead · quarter · category */
    details = g_strdup_printf (_ ("%s · %s · %s"), lead, quarter, category);

  gtk_widget_set_visible (GTK_WIDGET (self->letter), subtheme != NULL);
  if (subtheme != NULL)
    {
      gtk_label_set_text (self->letter, vp_subtheme_get_letter (subtheme));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->letter), vp_subtheme_get_title (subtheme));
    }
  gtk_label_set_text (self->action_text, vp_action_get_text (action));
  gtk_label_set_text (self->action_details, details);
  gtk_widget_set_visible (self->priority_box, FALSE);
  gtk_widget_set_visible (self->action_box, TRUE);
}

static void
update (VpPlanRow *self)
{
  if (VP_IS_PRIORITY (self->record))
    show_priority (self, VP_PRIORITY (self->record));
  else if (VP_IS_ACTION (self->record))
    show_action (self, VP_ACTION (self->record));
}

static void
on_record_notify_cb (VpPlanRow *self, GParamSpec *pspec, VpRecord *record)
{
  update (self);
}

static void
on_children_changed_cb (
  VpPlanRow *self, guint position, guint removed, guint added, GListModel *children)
{
  update (self);
}

static void
vp_plan_row_dispose (GObject *object)
{
  VpPlanRow *self = VP_PLAN_ROW (object);

  vp_plan_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PLAN_ROW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_plan_row_parent_class)->dispose (object);
}

static void
vp_plan_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpPlanRow *self = VP_PLAN_ROW (object);

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
vp_plan_row_class_init (VpPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_plan_row_dispose;
  object_class->set_property = vp_plan_row_set_property;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VP_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, expander);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, priority_box);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, priority_title);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, priority_details);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, action_box);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, letter);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, action_text);
  gtk_widget_class_bind_template_child (widget_class, VpPlanRow, action_details);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planrow");
}

static void
vp_plan_row_init (VpPlanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vp_plan_row_new (VpStore *store)
{
  return g_object_new (VP_TYPE_PLAN_ROW, "store", store, NULL);
}

/**
 * vp_plan_row_bind:
 * @row: the tree row whose item (a priority or an action) to show
 */
void
vp_plan_row_bind (VpPlanRow *self, GtkTreeListRow *row)
{
  g_return_if_fail (VP_IS_PLAN_ROW (self));

  vp_plan_row_unbind (self);
  gtk_tree_expander_set_list_row (self->expander, row);
  self->row = g_object_ref (row);
  self->record = gtk_tree_list_row_get_item (row);
  g_signal_connect_object (self->record, "notify", G_CALLBACK (on_record_notify_cb), self,
                           G_CONNECT_SWAPPED);
  if (gtk_tree_list_row_get_children (row) != NULL)
    g_signal_connect_object (gtk_tree_list_row_get_children (row), "items-changed",
                             G_CALLBACK (on_children_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

void
vp_plan_row_unbind (VpPlanRow *self)
{
  g_return_if_fail (VP_IS_PLAN_ROW (self));

  if (self->record != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->record, on_record_notify_cb, self);
      g_clear_object (&self->record);
    }
  if (self->row != NULL && gtk_tree_list_row_get_children (self->row) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_tree_list_row_get_children (self->row),
                                          on_children_changed_cb, self);
  g_clear_object (&self->row);
  if (self->expander != NULL)
    gtk_tree_expander_set_list_row (self->expander, NULL);
}
