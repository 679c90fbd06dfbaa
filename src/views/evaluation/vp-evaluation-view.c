/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-evaluation-chart.h"
#include "vp-evaluation-view.h"

#include "store/vp-store-as-of.h"
#include "vp-view.h"

/*
 * The evaluation view: the plan's figures at a glance, at a reference
 * date or today, for the home municipality's plan or the whole
 * coalition. Bars per priority and sub-theme, per quarter planned against
 * done, targets, per lead, and the goals' assessments. A click on a bar
 * sets the window's filter to its actions and emits "show-actions".
 */

struct _VpEvaluationView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scroller;
  GtkEntry *date_entry;
  GtkCheckButton *coalition_check;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkLabel *summary_label;
  VpEvaluationChart *chart;

  /* owned */
  VpStore *store;
  VpActionFilter *filter;
  VpPlan *plan;
  GDateTime *as_of;
  guint refresh_id;
};

/* VpView: what it shows */
static VpStore *
view_get_store (VpView *view)
{
  return VP_EVALUATION_VIEW (view)->store;
}

static VpPlan *
view_get_plan (VpView *view)
{
  return VP_EVALUATION_VIEW (view)->plan;
}

static VpActionFilter *
view_get_filter (VpView *view)
{
  return VP_EVALUATION_VIEW (view)->filter;
}

static void
view_iface_init (VpViewInterface *iface)
{
  iface->get_store = view_get_store;
  iface->get_plan = view_get_plan;
  iface->get_filter = view_get_filter;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VpEvaluationView,
                               vp_evaluation_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VP_TYPE_VIEW, view_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  N_PROPS
};

enum
{
  SHOW_ACTIONS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
add_priority_bars (VpEvaluationView *self, VpFigures *figures)
{
  GPtrArray *priorities = vp_figures_get_priorities (figures);
  GListModel *subthemes = vp_store_get_records (self->store, VP_TYPE_SUBTHEME);

  /* Translators: a heading of the evaluation view */
  vp_evaluation_chart_add_heading (self->chart, _ ("Per priority and sub-theme"));
  vp_evaluation_chart_add_legend (self->chart);
  for (guint i = 0; i < priorities->len; i++)
    {
      VpPriority *priority = g_ptr_array_index (priorities, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (priority));
      g_autofree char *label = g_strdup_printf ("%d. %s", vp_priority_get_number (priority),
                                                vp_priority_get_title (priority));
      VpBarTarget target = { (char *) uuid, NULL, -1, NULL };
      VpCounts counts;

      vp_figures_count_priority (figures, uuid, &counts);
      vp_evaluation_chart_add_bar (self->chart, label, counts.by_status, counts.overdue, FALSE,
                                   &target);
      for (guint j = 0; j < g_list_model_get_n_items (subthemes); j++)
        {
          g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (subthemes, j);
          g_autofree char *sub_label = NULL;

          if (g_strcmp0 (vp_subtheme_get_priority (subtheme), uuid) != 0)
            continue;
          target.subtheme = (char *) vp_record_get_uuid (VP_RECORD (subtheme));
          vp_figures_count_subtheme (figures, target.subtheme, &counts);
          sub_label = g_strdup_printf ("%s. %s", vp_subtheme_get_letter (subtheme),
                                       vp_subtheme_get_title (subtheme));
          vp_evaluation_chart_add_bar (self->chart, sub_label, counts.by_status, counts.overdue,
                                       TRUE, &target);
        }
    }
}

static void
add_quarter_bars (VpEvaluationView *self, VpFigures *figures)
{
  int year = vp_plan_get_first_year (self->plan);

  /* Translators: a heading of the evaluation view */
  vp_evaluation_chart_add_heading (self->chart, _ ("Per quarter: done of planned"));
  for (int q = VP_QUARTER_Q1; q <= VP_QUARTER_Q4; q++)
    {
      guint planned, done;
      g_autofree char *label = g_strdup_printf ("Q%d %d", q, year);
      /* Translators: beside a bar: done of planned actions */
      g_autofree char *value = NULL;
      VpBarTarget target = { NULL, NULL, q, NULL };

      vp_figures_count_quarter (figures, q, &planned, &done);
      value = g_strdup_printf (_ ("%u of %u"), done, planned);
      vp_evaluation_chart_add_progress (self->chart, label, done, planned, value, &target);
    }
}

static void
add_target_bars (VpEvaluationView *self, VpFigures *figures)
{
  GPtrArray *actions = vp_figures_get_actions (figures);
  gboolean any = FALSE;

  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);
      int target = vp_action_get_target (at->action);
      g_autofree char *value = NULL;

      if (target <= 0)
        continue;
      if (!any)
        /* Translators: a heading of the evaluation view */
        vp_evaluation_chart_add_heading (self->chart, _ ("Targets"));
      any = TRUE;
      value = g_strdup_printf (_ ("%u of %u"), (guint) at->achieved, (guint) target);
      vp_evaluation_chart_add_progress (self->chart, vp_action_get_text (at->action), at->achieved,
                                        target, value, NULL);
    }
}

static char *
lead_code (VpAction *action)
{
  if (vp_action_get_lead_kind (action) == VP_LEAD_KIND_ORGANISATION)
    return g_strdup (vp_action_get_lead (action));
  return g_strdup (vp_enum_to_nick (VP_TYPE_LEAD_KIND, vp_action_get_lead_kind (action)));
}

static void
add_lead_bars (VpEvaluationView *self, VpFigures *figures)
{
  g_autoptr (GPtrArray) leads = vp_figures_list_leads (figures);
  GPtrArray *actions = vp_figures_get_actions (figures);

  /* Translators: a heading of the evaluation view */
  vp_evaluation_chart_add_heading (self->chart, _ ("Per lead"));
  vp_evaluation_chart_add_legend (self->chart);
  for (guint i = 0; i < leads->len; i++)
    {
      VpLeadCounts *lead = g_ptr_array_index (leads, i);
      g_autofree char *code = NULL;
      VpBarTarget target = { NULL, NULL, -1, NULL };

      /* the filter knows a lead by its code: that of an action it leads */
      for (guint a = 0; a < actions->len && code == NULL; a++)
        {
          const VpActionAt *at = g_ptr_array_index (actions, a);
          g_autofree char *label = vp_figures_lead_label (self->store, at->action);

          if (g_str_equal (label, lead->label))
            code = lead_code (at->action);
        }
      target.lead = code;
      vp_evaluation_chart_add_bar (self->chart, lead->label, lead->counts.by_status,
                                   lead->counts.overdue, FALSE, &target);
    }
}

static void
add_goal_bars (VpEvaluationView *self, VpFigures *figures)
{
  GListModel *goals = vp_store_get_records (self->store, VP_TYPE_GOAL);
  GPtrArray *priorities = vp_figures_get_priorities (figures);
  guint counts[VP_ASSESSMENT_NOT_ACHIEVED + 1] = { 0 };
  guint total = 0;
  g_autofree char *value = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr (VpGoal) goal = g_list_model_get_item (goals, i);

      for (guint p = 0; p < priorities->len; p++)
        if (g_strcmp0 (vp_goal_get_priority (goal),
                       vp_record_get_uuid (VP_RECORD (g_ptr_array_index (priorities, p))))
            == 0)
          {
            counts[vp_goal_get_assessment (goal)]++;
            total++;
          }
    }
  if (total == 0)
    return;
  /* Translators: a heading of the evaluation view */
  vp_evaluation_chart_add_heading (self->chart, _ ("Goals"));
  for (guint a = VP_ASSESSMENT_ACHIEVED; a <= VP_ASSESSMENT_NOT_ACHIEVED; a++)
    {
      g_clear_pointer (&value, g_free);
      value = g_strdup_printf (_ ("%u of %u"), counts[a], total);
      vp_evaluation_chart_add_progress (self->chart, vp_enum_get_label (VP_TYPE_ASSESSMENT, a),
                                        counts[a], total, value, NULL);
    }
}

static void
update_summary (VpEvaluationView *self, VpFigures *figures)
{
  const VpCounts *total = vp_figures_get_total (figures);
  /* Translators: the summary of the evaluation view */
  g_autofree char *summary = g_strdup_printf (
    _ ("%u actions: %u done, %u in progress, %u not started, %u postponed, %u cancelled; %u "
       "overdue."),
    total->total, total->by_status[VP_STATUS_DONE], total->by_status[VP_STATUS_IN_PROGRESS],
    total->by_status[VP_STATUS_PLANNED], total->by_status[VP_STATUS_POSTPONED],
    total->by_status[VP_STATUS_CANCELLED], total->overdue);

  gtk_label_set_text (self->summary_label, summary);
}

static void
update_banner (VpEvaluationView *self)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  /* the window shows the whole plan as of a date: its banner says so,
   * and the evaluation's date is the window's */
  gboolean window_as_of = self->store != NULL && vp_store_get_as_of (self->store) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->date_entry), !window_as_of);
  gtk_revealer_set_reveal_child (self->banner, self->as_of != NULL && !window_as_of);
  if (self->as_of == NULL)
    return;
  date = g_date_time_format (self->as_of, "%Y-%m-%d");
  /* Translators: the banner of the evaluation view at a reference date */
  text = g_strdup_printf (_ ("The figures as they stood at the end of %s, from the history. "
                             "Nothing can be changed here."),
                          date);
  gtk_label_set_text (self->banner_label, text);
}

/**
 * vp_evaluation_view_refresh:
 *
 * Counts the figures again and redraws.
 */
void
vp_evaluation_view_refresh (VpEvaluationView *self)
{
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (VP_IS_EVALUATION_VIEW (self));
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  vp_evaluation_chart_clear (self->chart);
  update_banner (self);
  if (self->plan == NULL)
    return;
  figures = vp_figures_new (self->store, self->plan, self->as_of,
                            vp_evaluation_view_get_scope (self), &error);
  if (figures == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  update_summary (self, figures);
  add_priority_bars (self, figures);
  add_quarter_bars (self, figures);
  add_target_bars (self, figures);
  add_lead_bars (self, figures);
  add_goal_bars (self, figures);
}

static gboolean
refresh_cb (gpointer data)
{
  VpEvaluationView *self = data;

  self->refresh_id = 0;
  vp_evaluation_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (VpEvaluationView *self)
{
  if (self->refresh_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_records_changed_cb (VpEvaluationView *self)
{
  queue_refresh (self);
}

static void
on_date_entry_activate_cb (VpEvaluationView *self, GtkEntry *entry)
{
  g_autoptr (GError) error = NULL;

  if (vp_evaluation_view_set_as_of (self, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
}

static void
on_coalition_toggled_cb (VpEvaluationView *self)
{
  vp_evaluation_view_refresh (self);
}

static void
on_chart_bar_activated_cb (VpEvaluationView *self, const VpBarTarget *target, int status)
{
  vp_action_filter_clear (self->filter);
  g_object_set (self->filter, "priority", target->priority, "subtheme", target->subtheme, "quarter",
                target->quarter, "lead", target->lead, "status", status, NULL);
  g_signal_emit (self, signals[SHOW_ACTIONS], 0);
}

static void
vp_evaluation_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vp_evaluation_view_parent_class)->map (widget);
  vp_evaluation_view_refresh (VP_EVALUATION_VIEW (widget));
}

static void
watch_store (VpEvaluationView *self)
{
  GType types[] = { VP_TYPE_ACTION, VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_GOAL,
                    VP_TYPE_PRIORITY };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_connect_object (vp_store_get_records (self->store, types[i]), "items-changed",
                             G_CALLBACK (on_records_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vp_evaluation_view_constructed (GObject *object)
{
  G_OBJECT_CLASS (vp_evaluation_view_parent_class)->constructed (object);
  watch_store (VP_EVALUATION_VIEW (object));
}

static void
vp_evaluation_view_dispose (GObject *object)
{
  VpEvaluationView *self = VP_EVALUATION_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_EVALUATION_VIEW);
  g_clear_object (&self->plan);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  G_OBJECT_CLASS (vp_evaluation_view_parent_class)->dispose (object);
}

static void
vp_evaluation_view_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  VpEvaluationView *self = VP_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_evaluation_view_class_init (VpEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_evaluation_view_constructed;
  object_class->dispose = vp_evaluation_view_dispose;
  object_class->set_property = vp_evaluation_view_set_property;
  widget_class->map = vp_evaluation_view_map;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER]
    = g_param_spec_object ("filter", NULL, NULL, VP_TYPE_ACTION_FILTER,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpEvaluationView::show-actions:
   *
   * A bar was clicked: the filter now shows its actions.
   */
  signals[SHOW_ACTIONS] = g_signal_new ("show-actions", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (VP_TYPE_EVALUATION_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-evaluation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, coalition_check);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, banner);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VpEvaluationView, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_coalition_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_bar_activated_cb);
}

static void
vp_evaluation_view_init (VpEvaluationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_evaluation_view_new:
 * @filter: the window's filter, which a click on a bar sets
 *
 * Returns: (transfer floating): a new evaluation view
 */
GtkWidget *
vp_evaluation_view_new (VpStore *store, VpActionFilter *filter)
{
  return g_object_new (VP_TYPE_EVALUATION_VIEW, "store", store, "filter", filter, NULL);
}

void
vp_evaluation_view_set_plan (VpEvaluationView *self, VpPlan *plan)
{
  g_return_if_fail (VP_IS_EVALUATION_VIEW (self));
  if (g_set_object (&self->plan, plan))
    queue_refresh (self);
}

/**
 * vp_evaluation_view_set_as_of:
 * @date: (nullable): YYYY-MM-DD, or empty or %NULL for today
 *
 * Returns: whether @date is a date; if not, @error says so and nothing
 *   changed
 */
gboolean
vp_evaluation_view_set_as_of (VpEvaluationView *self, const char *date, GError **error)
{
  GDateTime *as_of = NULL;

  g_return_val_if_fail (VP_IS_EVALUATION_VIEW (self), FALSE);
  if (date != NULL && *date != '\0' && (as_of = vp_figures_parse_date (date, error)) == NULL)
    return FALSE;
  g_clear_pointer (&self->as_of, g_date_time_unref);
  self->as_of = as_of;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), date ? date : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date ? date : "");
  vp_evaluation_view_refresh (self);
  return TRUE;
}

/**
 * vp_evaluation_view_get_as_of:
 *
 * Returns: (transfer none) (nullable): the reference date, %NULL for today
 */
GDateTime *
vp_evaluation_view_get_as_of (VpEvaluationView *self)
{
  g_return_val_if_fail (VP_IS_EVALUATION_VIEW (self), NULL);
  return self->as_of;
}

VpFiguresScope
vp_evaluation_view_get_scope (VpEvaluationView *self)
{
  g_return_val_if_fail (VP_IS_EVALUATION_VIEW (self), VP_FIGURES_SCOPE_HOME);
  return gtk_check_button_get_active (self->coalition_check) ? VP_FIGURES_SCOPE_COALITION
                                                             : VP_FIGURES_SCOPE_HOME;
}

/**
 * vp_evaluation_view_get_chart:
 *
 * Returns: (transfer none): the chart, a VpEvaluationChart
 */
GtkWidget *
vp_evaluation_view_get_chart (VpEvaluationView *self)
{
  g_return_val_if_fail (VP_IS_EVALUATION_VIEW (self), NULL);
  return GTK_WIDGET (self->chart);
}
