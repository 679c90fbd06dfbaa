/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-evaluation-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-action-filter.h"
#include "report/vp-report.h"
#include "vp-evaluation-chart.h"

/*
 * The evaluation view's bars, drawn with GtkSnapshot: a row per priority,
 * sub-theme, quarter or lead, its actions stacked by status in the
 * colours of the reports, and progress bars (planned against done, a
 * target's achieved count). A click on a bar emits "bar-activated" with
 * what the bar stands for and, on a status's part, that status, so that
 * the window can show those actions in the list.
 */

#define ROW_HEIGHT     26
#define HEADING_HEIGHT 36
#define BAR_HEIGHT     16
#define LABEL_SHARE    0.34
#define VALUE_WIDTH    110

typedef enum
{
  ROW_HEADING,
  ROW_STATUSES,
  ROW_PROGRESS,
  ROW_LEGEND,
} RowKind;

typedef struct
{
  RowKind kind;
  char *label;
  char *value;
  guint counts[VP_N_STATUSES];
  guint overdue;
  guint part;
  guint whole;
  gboolean indented;
  VpBarTarget target;
  int y;
  int height;
} Row;

struct _VpEvaluationChart
{
  GtkWidget parent_instance;

  /* owned: Row */
  GPtrArray *rows;
  /* the largest total of a status row, the scale */
  guint max;
};

G_DEFINE_FINAL_TYPE (VpEvaluationChart, vp_evaluation_chart, GTK_TYPE_WIDGET)

enum
{
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_free (Row *row)
{
  g_free (row->label);
  g_free (row->value);
  g_free (row->target.priority);
  g_free (row->target.subtheme);
  g_free (row->target.lead);
  g_free (row);
}

static Row *
add_row (VpEvaluationChart *self, RowKind kind, const char *label, const VpBarTarget *target)
{
  Row *row = g_new0 (Row, 1);
  Row *last = self->rows->len > 0 ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;

  row->kind = kind;
  row->label = g_strdup (label);
  row->height = kind == ROW_HEADING ? HEADING_HEIGHT : ROW_HEIGHT;
  row->y = last != NULL ? last->y + last->height : 0;
  row->target.quarter = VP_FILTER_ANY;
  if (target != NULL)
    {
      row->target.priority = g_strdup (target->priority);
      row->target.subtheme = g_strdup (target->subtheme);
      row->target.quarter = target->quarter;
      row->target.lead = g_strdup (target->lead);
    }
  g_ptr_array_add (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return row;
}

static void
append_text (VpEvaluationChart *self,
             GtkSnapshot *snapshot,
             const char *text,
             int x,
             int y,
             int width,
             gboolean bold)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA colour;
  int height;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (1.15));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &colour);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot *snapshot, const double rgb[3], double alpha, float x, float y, float w)
{
  GdkRGBA colour = { rgb[0], rgb[1], rgb[2], alpha };

  gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (x, y, w, BAR_HEIGHT));
}

static void
bar_geometry (VpEvaluationChart *self, double *left, double *width)
{
  int total = gtk_widget_get_width (GTK_WIDGET (self));

  *left = total * LABEL_SHARE;
  *width = MAX (total - *left - VALUE_WIDTH, 10);
}

static void
snapshot_statuses (VpEvaluationChart *self, GtkSnapshot *snapshot, Row *row, double top)
{
  double left, width, x;
  g_autofree char *value = NULL;
  guint sum = 0;

  bar_geometry (self, &left, &width);
  x = left;
  for (guint s = 0; s < VP_N_STATUSES; s++)
    {
      double rgb[3];
      double w = self->max > 0 ? width * row->counts[s] / self->max : 0;

      vp_report_status_colour (s, rgb);
      append_rect (snapshot, rgb, 1.0, x, top, w);
      x += w;
      sum += row->counts[s];
    }
  /* Translators: beside a bar in the evaluation view: actions, of which overdue */
  value = row->overdue > 0 ? g_strdup_printf (_ ("%u (%u overdue)"), sum, row->overdue)
                           : g_strdup_printf ("%u", sum);
  append_text (self, snapshot, value, x + 6, top + BAR_HEIGHT / 2, VALUE_WIDTH - 6, FALSE);
}

static void
snapshot_progress (VpEvaluationChart *self, GtkSnapshot *snapshot, Row *row, double top)
{
  static const double track[3] = { 0.6, 0.6, 0.6 };
  double rgb[3];
  double left, width;

  bar_geometry (self, &left, &width);
  vp_report_status_colour (VP_STATUS_DONE, rgb);
  append_rect (snapshot, track, 0.25, left, top, width);
  append_rect (snapshot, rgb, 1.0, left, top,
               row->whole > 0 ? width * MIN (row->part, row->whole) / row->whole : 0);
  append_text (self, snapshot, row->value, left + width + 6, top + BAR_HEIGHT / 2, VALUE_WIDTH - 6,
               FALSE);
}

static void
snapshot_legend (VpEvaluationChart *self, GtkSnapshot *snapshot, double top)
{
  double left, width;

  bar_geometry (self, &left, &width);
  for (guint s = 0; s < VP_N_STATUSES; s++)
    {
      double rgb[3];
      double x = left + s * (width + VALUE_WIDTH) / VP_N_STATUSES;
      GdkRGBA colour;

      vp_report_status_colour (s, rgb);
      colour = (GdkRGBA){ rgb[0], rgb[1], rgb[2], 1.0 };
      gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (x, top + 3, 10, 10));
      append_text (self, snapshot, vp_enum_get_label (VP_TYPE_STATUS, s), x + 14, top + 8,
                   (width + VALUE_WIDTH) / VP_N_STATUSES - 18, FALSE);
    }
}

static void
vp_evaluation_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  VpEvaluationChart *self = VP_EVALUATION_CHART (widget);
  double left, width;

  bar_geometry (self, &left, &width);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      double middle = row->y + row->height / 2.0;
      int indent = row->indented ? 18 : 0;

      if (row->kind == ROW_HEADING)
        {
          append_text (self, snapshot, row->label, 0, middle + 4, gtk_widget_get_width (widget),
                       TRUE);
          continue;
        }
      if (row->kind == ROW_LEGEND)
        {
          snapshot_legend (self, snapshot, middle - BAR_HEIGHT / 2.0);
          continue;
        }
      append_text (self, snapshot, row->label, indent, middle, left - indent - 8, FALSE);
      if (row->kind == ROW_STATUSES)
        snapshot_statuses (self, snapshot, row, middle - BAR_HEIGHT / 2.0);
      else
        snapshot_progress (self, snapshot, row, middle - BAR_HEIGHT / 2.0);
    }
}

static void
vp_evaluation_chart_measure (GtkWidget *widget,
                             GtkOrientation orientation,
                             int for_size,
                             int *minimum,
                             int *natural,
                             int *minimum_baseline,
                             int *natural_baseline)
{
  VpEvaluationChart *self = VP_EVALUATION_CHART (widget);
  Row *last;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 720;
      return;
    }
  last = self->rows->len > 0 ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;
  *minimum = *natural = last != NULL ? last->y + last->height : 0;
}

/* The status of a status row's part under @x, or -1 outside the bar. */
static int
status_at (VpEvaluationChart *self, Row *row, double x)
{
  double left, width, edge;

  bar_geometry (self, &left, &width);
  edge = left;
  if (row->kind != ROW_STATUSES || x < left)
    return VP_FILTER_ANY;
  for (guint s = 0; s < VP_N_STATUSES; s++)
    {
      edge += self->max > 0 ? width * row->counts[s] / self->max : 0;
      if (x < edge)
        return s;
    }
  return VP_FILTER_ANY;
}

static void
on_click_released_cb (VpEvaluationChart *self, int n_press, double x, double y)
{
  vp_evaluation_chart_activate_at (self, x, y);
}

static void
vp_evaluation_chart_finalize (GObject *object)
{
  VpEvaluationChart *self = VP_EVALUATION_CHART (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (vp_evaluation_chart_parent_class)->finalize (object);
}

static void
vp_evaluation_chart_class_init (VpEvaluationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vp_evaluation_chart_finalize;
  widget_class->snapshot = vp_evaluation_chart_snapshot;
  widget_class->measure = vp_evaluation_chart_measure;

  /**
   * VpEvaluationChart::bar-activated:
   * @target: (type gpointer): the VpBarTarget of the bar
   * @status: the status of the part clicked, or -1 for the whole bar
   */
  signals[BAR_ACTIVATED]
    = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_INT);
  gtk_widget_class_set_css_name (widget_class, "vp-evaluation-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vp_evaluation_chart_init (VpEvaluationChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
vp_evaluation_chart_new (void)
{
  return g_object_new (VP_TYPE_EVALUATION_CHART, NULL);
}

void
vp_evaluation_chart_clear (VpEvaluationChart *self)
{
  g_return_if_fail (VP_IS_EVALUATION_CHART (self));
  g_ptr_array_set_size (self->rows, 0);
  self->max = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * vp_evaluation_chart_add_legend:
 *
 * Adds a row that names the statuses' colours.
 */
void
vp_evaluation_chart_add_legend (VpEvaluationChart *self)
{
  g_return_if_fail (VP_IS_EVALUATION_CHART (self));
  add_row (self, ROW_LEGEND, NULL, NULL);
}

void
vp_evaluation_chart_add_heading (VpEvaluationChart *self, const char *text)
{
  g_return_if_fail (VP_IS_EVALUATION_CHART (self));
  add_row (self, ROW_HEADING, text, NULL);
}

/**
 * vp_evaluation_chart_add_bar:
 * @counts: (array fixed-size=5): the actions per status
 * @target: (nullable): what the bar stands for
 *
 * Adds a bar of actions stacked by status; every status bar shares one
 * scale.
 */
void
vp_evaluation_chart_add_bar (VpEvaluationChart *self,
                             const char *label,
                             const guint counts[VP_N_STATUSES],
                             guint overdue,
                             gboolean indented,
                             const VpBarTarget *target)
{
  Row *row;
  guint sum = 0;

  g_return_if_fail (VP_IS_EVALUATION_CHART (self));
  row = add_row (self, ROW_STATUSES, label, target);
  memcpy (row->counts, counts, sizeof row->counts);
  row->overdue = overdue;
  row->indented = indented;
  for (guint s = 0; s < VP_N_STATUSES; s++)
    sum += counts[s];
  self->max = MAX (self->max, sum);
}

/**
 * vp_evaluation_chart_add_progress:
 * @value: the text beside the bar ("3 of 5")
 * @target: (nullable): what the bar stands for
 */
void
vp_evaluation_chart_add_progress (VpEvaluationChart *self,
                                  const char *label,
                                  guint part,
                                  guint whole,
                                  const char *value,
                                  const VpBarTarget *target)
{
  Row *row;

  g_return_if_fail (VP_IS_EVALUATION_CHART (self));
  row = add_row (self, ROW_PROGRESS, label, target);
  row->part = part;
  row->whole = whole;
  row->value = g_strdup (value);
}

guint
vp_evaluation_chart_get_n_rows (VpEvaluationChart *self)
{
  g_return_val_if_fail (VP_IS_EVALUATION_CHART (self), 0);
  return self->rows->len;
}

/**
 * vp_evaluation_chart_activate_at:
 *
 * What a click at (@x, @y) does: emits "bar-activated" for the bar there.
 *
 * Returns: whether there was a bar
 */
gboolean
vp_evaluation_chart_activate_at (VpEvaluationChart *self, double x, double y)
{
  g_return_val_if_fail (VP_IS_EVALUATION_CHART (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (y < row->y || y >= row->y + row->height || row->kind == ROW_HEADING
          || row->kind == ROW_LEGEND)
        continue;
      g_signal_emit (self, signals[BAR_ACTIVATED], 0, &row->target, status_at (self, row, x));
      return TRUE;
    }
  return FALSE;
}
