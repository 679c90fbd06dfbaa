/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-action-filter.h"
#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "vp-board-card.h"
#include "vp-cell-text.h"
#include "vp-format.h"

/*
 * A card of the board: the priority's colour as a strip on the left, the
 * priority (small), the sub-theme letter, the activity in up to four
 * lines, and below it the lead, the quarter (in the error colour when
 * overdue) and the progress toward the target. Or, bound to a lane
 * heading, just the heading's title after a dot of its colour.
 *
 * GtkListView makes cards whenever the rows on screen change (GTK 4.8
 * rebuilds them on every filter change), so a card is a handful of plain
 * children laid out by hand: no boxes, no template, no tooltip set per
 * bind (query-tooltip asks when one is shown). The layout is its own so
 * that a card is as high as its text needs: GtkInscription, which never
 * reads markup, has a height that does not follow its text, so the card
 * measures the text's lines (at most four) for the width it is given.
 */

/* in pixels */
#define STRIP_WIDTH 5
#define PAD_START   10
#define PAD_END     10
#define PAD_TOP     8
#define PAD_BOTTOM  9
#define ROW_GAP     4
#define COLUMN_GAP  8
#define ICON_GAP    4
#define DOT_SIZE    8
#define MAX_LINES   4
#define HEADING_PAD 4

struct _VpBoardCard
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *priority;
  GtkWidget *letter;
  GtkWidget *text;
  GtkWidget *overdue;
  GtkWidget *quarter;
  GtkWidget *lead;
  GtkWidget *progress;
  /* of an action of each municipality: every participant's status */
  GtkWidget *partners;

  /* owned */
  VpAction *action;
  GdkRGBA colour;
  gboolean heading;
  /* the partners' statuses in words, for the tooltip and screen readers */
  char *partners_text;
  /* whether the styles of the card or heading are set */
  gboolean styled;
  /* for measuring the text's lines: made on first use */
  PangoLayout *layout;
  /* what the card shows, to know when a row bound again is up to date:
   * the action's UUID and stamp, its status record and that's stamp */
  char *shown_uuid;
  char *shown_stamp;
  gpointer shown_status;
  char *shown_status_stamp;
  /* the width the height was last asked for without one */
  int guessed_width;
  /* the text's height at a width and font, last measured */
  int measured_width;
  guint measured_serial;
  int measured_height;
  /* whether it was estimated (off screen), not measured */
  gboolean estimated;
  /* whether to measure, not estimate, off screen too: the first cards of
   * a column, on screen when the board is shown */
  gboolean measure_exactly;
  /* measures the text, from idle: the card comes on screen while the list
   * is being laid out, too late to be measured again in that frame */
  guint remeasure_id;
  /* the height last asked for by ask_again_if_short() */
  int asked_height;
};

G_DEFINE_FINAL_TYPE (VpBoardCard, vp_board_card, GTK_TYPE_WIDGET)

static int
height_for (GtkWidget *child, int width)
{
  int min = 0;

  if (!gtk_widget_get_visible (child))
    return 0;
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL, NULL);
  return min;
}

static int
width_of (GtkWidget *child, gboolean natural)
{
  int min = 0, nat = 0;

  if (!gtk_widget_get_visible (child))
    return 0;
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

/* Whether the card is on screen: mapped in a list laid out before, and
 * laid out itself before. GTK maps all the cards it makes (when the board
 * is first shown, and as a column makes more after that), and then hides
 * those it does not place on screen. */
static gboolean
on_screen (VpBoardCard *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && list != NULL
         && gtk_widget_get_width (list) > 0 && gtk_widget_get_width (GTK_WIDGET (self)) > 0;
}

/* The height of the text's lines at @width, four at most, guessed from
 * its length and the font's average character: GTK 4.8 makes some 200
 * cards per column, and laying out all their texts made showing the board
 * slow. A card measures its text when it comes on screen. */
static int
estimated_text_height (VpBoardCard *self, int width)
{
  const char *text = vp_cell_text_get_text (VP_CELL_TEXT (self->text));
  double chars = text != NULL ? g_utf8_strlen (text, -1) : 0;
  int char_units, line_units;
  double char_width;
  int line;
  /* a wrapped line ends short of the width, at a word */
  double per_line = MAX (width, 1) * 0.9;
  int lines;

  vp_cell_text_get_font_size (VP_CELL_TEXT (self->text), &char_units, &line_units);
  char_width = char_units / (double) PANGO_SCALE;
  line = PANGO_PIXELS_CEIL (line_units);
  lines = CLAMP ((int) ((chars * char_width + per_line - 1) / per_line), 1, MAX_LINES);
  return MAX (lines * line, height_for (self->text, width));
}

/* The height of the text's lines at @width, four at most, as the
 * cell text will wrap them. */
static int
text_height (VpBoardCard *self, int width)
{
  const char *text = vp_cell_text_get_text (VP_CELL_TEXT (self->text));
  /* changes with the font, when the card's style is known or changes */
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (self->text));
  int height;

  if (width == self->measured_width && serial == self->measured_serial)
    return self->measured_height;
  self->estimated = !self->measure_exactly && !on_screen (self);
  if (self->estimated)
    {
      self->measured_width = width;
      self->measured_serial = serial;
      self->measured_height = estimated_text_height (self, width);
      return self->measured_height;
    }
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (self->text, NULL);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -MAX_LINES);
    }
  pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  /* as the cell text wraps it */
  vp_cell_text_wrap_layout (self->layout, MAX (width, 1));
  pango_layout_get_pixel_size (self->layout, NULL, &height);
  /* never less than the cell text's own minimum of one line */
  self->measured_width = width;
  self->measured_serial = serial;
  self->measured_height = MAX (height, height_for (self->text, width));
  return self->measured_height;
}

static int
inner_width (int width)
{
  return MAX (width - STRIP_WIDTH - PAD_START - PAD_END, 1);
}

/* Whether the lead goes on a line of its own, under the quarter: a
 * moved action's "Q3 2024 (planned Q1 2024)" leaves it no room beside. */
static gboolean
lead_below (VpBoardCard *self, int inner)
{
  int used = width_of (self->overdue, TRUE) + ICON_GAP + width_of (self->quarter, TRUE) + COLUMN_GAP
             + width_of (self->progress, TRUE) + COLUMN_GAP;

  return gtk_widget_get_visible (self->lead) && gtk_widget_get_visible (self->quarter)
         && used + MIN (width_of (self->lead, TRUE), inner / 3) > inner;
}

/* The row under the text: the overdue mark, quarter, lead and progress;
 * or two, the lead under the others. */
static int
bottom_height (VpBoardCard *self, int inner)
{
  int marks = MAX (height_for (self->overdue, -1),
                   MAX (height_for (self->quarter, -1), height_for (self->progress, -1)));

  if (lead_below (self, inner))
    return marks + ROW_GAP + height_for (self->lead, inner);
  return MAX (height_for (self->lead, inner), marks);
}

static int
measure_height (VpBoardCard *self, int width)
{
  int inner = inner_width (width);
  int top, bottom, partners;

  if (self->heading)
    return height_for (self->priority, width - DOT_SIZE - COLUMN_GAP) + 2 * HEADING_PAD;
  top = MAX (height_for (self->priority, inner), height_for (self->letter, -1));
  bottom = bottom_height (self, inner);
  partners = height_for (self->partners, inner);
  return PAD_TOP + top + ROW_GAP + text_height (self, inner) + ROW_GAP
         + (partners > 0 ? partners + ROW_GAP : 0) + bottom + PAD_BOTTOM;
}

static int
horizontal_box (GtkWidget *widget)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);
  return margin.left + margin.right + border.left + border.right + padding.left + padding.right;
}

/* The width the card will get. GtkListView (4.8) asks its rows for their
 * height for no particular width, and gives them the list's width: that
 * less the row's and the card's own margins, borders and padding. */
static int
expected_width (VpBoardCard *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  int width = list != NULL ? gtk_widget_get_width (list) : 0;

  if (width <= 0)
    return -1;
  width -= horizontal_box (row) + horizontal_box (GTK_WIDGET (self));
  return width > 0 ? width : -1;
}

static void
vp_board_card_measure (GtkWidget *widget,
                       GtkOrientation orientation,
                       int for_size,
                       int *minimum,
                       int *natural,
                       int *minimum_baseline,
                       int *natural_baseline)
{
  VpBoardCard *self = VP_BOARD_CARD (widget);
  int pad = STRIP_WIDTH + PAD_START + PAD_END;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = pad + width_of (self->text, FALSE);
      *natural = pad + width_of (self->text, TRUE);
      return;
    }
  if (for_size < 0)
    for_size = expected_width (self);
  if (for_size < 0)
    for_size = pad + width_of (self->text, TRUE);
  self->guessed_width = for_size;
  *minimum = *natural = measure_height (self, for_size);
}

static void
place (GtkWidget *child, int x, int y, int width, int height)
{
  if (gtk_widget_get_visible (child))
    gtk_widget_size_allocate (child, &(GtkAllocation){ x, y, MAX (width, 0), MAX (height, 0) }, -1);
}

static void
allocate_heading (VpBoardCard *self, int width, int height)
{
  int x = DOT_SIZE + COLUMN_GAP;

  place (self->priority, x, HEADING_PAD, width - x, height - 2 * HEADING_PAD);
}

/* The quarter (after the overdue mark) on the left, the progress on the
 * right, the lead between them, giving way to both; or on a line of its
 * own below them (lead_below()). */
static void
allocate_bottom (VpBoardCard *self, int x, int y, int inner, int height)
{
  int end = x + inner;
  gboolean below = lead_below (self, inner);
  int overdue = width_of (self->overdue, TRUE);
  int quarter = width_of (self->quarter, TRUE);
  int progress = MIN (width_of (self->progress, TRUE), inner);

  if (below)
    {
      int marks = MAX (height_for (self->overdue, -1),
                       MAX (height_for (self->quarter, -1), height_for (self->progress, -1)));

      place (self->lead, x, y + marks + ROW_GAP, inner, height - marks - ROW_GAP);
      height = marks;
    }

  place (self->progress, end - progress, y, progress, height);
  if (progress > 0)
    end -= progress + COLUMN_GAP;
  place (self->overdue, x, y, overdue, height);
  if (overdue > 0)
    x += overdue + ICON_GAP;
  quarter = MIN (quarter, MAX (end - x, 0));
  place (self->quarter, x, y, quarter, height);
  if (quarter > 0)
    x += quarter + COLUMN_GAP;
  if (!below)
    place (self->lead, x, y, end - x, height);
}

static gboolean remeasure_cb (gpointer data);

static gboolean
resize_cb (gpointer data)
{
  VpBoardCard *self = data;

  self->remeasure_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Given less height than its text needs: its height was guessed when the
 * list measured it (before the list was laid out, the card counted as
 * off screen), and is measured now; the list is asked again, once for
 * each height. */
static void
ask_again_if_short (VpBoardCard *self, int width, int height)
{
  int needed = measure_height (self, width);

  if (height >= needed || needed == self->asked_height || self->remeasure_id != 0)
    return;
  self->asked_height = needed;
  self->remeasure_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_cb, self, NULL);
}

static void
vp_board_card_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  VpBoardCard *self = VP_BOARD_CARD (widget);
  int x = STRIP_WIDTH + PAD_START;
  int inner = inner_width (width);
  int letter_width = width_of (self->letter, TRUE);
  int top, text, partners;
  int y = PAD_TOP;

  /* measured for another width (the window's changed): measure again */
  if (width != self->guessed_width && height != measure_height (self, width))
    {
      self->guessed_width = width;
      gtk_widget_queue_resize (widget);
    }
  if (self->heading)
    {
      allocate_heading (self, width, height);
      return;
    }
  top = MAX (height_for (self->priority, inner), height_for (self->letter, -1));
  place (self->priority, x, y, inner - (letter_width > 0 ? letter_width + COLUMN_GAP : 0), top);
  place (self->letter, x + inner - letter_width, y, letter_width, top);
  y += top + ROW_GAP;

  text = text_height (self, inner);
  place (self->text, x, y, inner, text);
  y += text + ROW_GAP;
  partners = height_for (self->partners, inner);
  place (self->partners, x, y, inner, partners);
  if (partners > 0)
    y += partners + ROW_GAP;

  allocate_bottom (self, x, y, inner, bottom_height (self, inner));
  ask_again_if_short (self, width, height);
  /* a card made (and mapped) outside a frame is measured before it is
   * first laid out, so its height was guessed even where it is on screen:
   * now that it is laid out, it is measured if so */
  if (self->estimated && self->remeasure_id == 0 && gtk_widget_get_mapped (widget))
    self->remeasure_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, remeasure_cb, self, NULL);
}

static void
vp_board_card_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  VpBoardCard *self = VP_BOARD_CARD (widget);
  int height = gtk_widget_get_height (widget);

  if (self->heading && self->colour.alpha > 0)
    {
      GskRoundedRect dot;
      float y = (height - DOT_SIZE) / 2.f;

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (0, y, DOT_SIZE, DOT_SIZE),
                                       DOT_SIZE / 2.f);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &self->colour, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
  else if (!self->heading)
    /* the card's rounded corners (overflow: hidden) round it off */
    gtk_snapshot_append_color (snapshot, &self->colour,
                               &GRAPHENE_RECT_INIT (0, 0, STRIP_WIDTH, height));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

/* The whole text, which the card may cut short, the lead and the quarter. */
static gboolean
vp_board_card_query_tooltip (
  GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  VpBoardCard *self = VP_BOARD_CARD (widget);
  const char *quarter = gtk_label_get_text (GTK_LABEL (self->quarter));
  g_autofree char *when = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (self->action == NULL)
    return FALSE;
  if (gtk_widget_get_visible (self->overdue))
    /* Translators: an action whose quarter has passed: "Q1 2024 · overdue" */
    when = g_strdup_printf (_ ("%s · overdue"), quarter);
  else
    when = g_strdup (quarter);
  activity = vp_format_display_paragraphs (vp_action_get_text (self->action));
  text = g_strdup_printf ("%s\n%s\n%s\n%s", activity,
                          vp_cell_text_get_text (VP_CELL_TEXT (self->lead)), when,
                          self->partners_text != NULL ? self->partners_text : "");
  /* a label that wraps: a tooltip's own does not, and activities are long */
  label = gtk_label_new (g_strstrip (text));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static void
vp_board_card_dispose (GObject *object)
{
  VpBoardCard *self = VP_BOARD_CARD (object);
  GtkWidget *child;

  g_clear_handle_id (&self->remeasure_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->action);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->shown_uuid, g_free);
  g_clear_pointer (&self->shown_stamp, g_free);
  g_clear_pointer (&self->shown_status_stamp, g_free);
  g_clear_pointer (&self->partners_text, g_free);

  G_OBJECT_CLASS (vp_board_card_parent_class)->dispose (object);
}

static gboolean
remeasure_cb (gpointer data)
{
  VpBoardCard *self = data;

  self->remeasure_id = 0;
  if (self->estimated && on_screen (self))
    {
      self->measured_width = -1;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

/* On screen, a guessed height is measured. */
static void
vp_board_card_map (GtkWidget *widget)
{
  VpBoardCard *self = VP_BOARD_CARD (widget);

  GTK_WIDGET_CLASS (vp_board_card_parent_class)->map (widget);
  if (self->estimated && self->remeasure_id == 0)
    self->remeasure_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, remeasure_cb, self, NULL);
}

static void
vp_board_card_class_init (VpBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_board_card_dispose;
  widget_class->map = vp_board_card_map;
  widget_class->measure = vp_board_card_measure;
  widget_class->size_allocate = vp_board_card_size_allocate;
  widget_class->snapshot = vp_board_card_snapshot;
  widget_class->query_tooltip = vp_board_card_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A text of one line, or up to @lines, cut short with "…": the cards'
 * names, leads and partners repeat, and are laid out once (VpCellText). */
static GtkWidget *
add_text (VpBoardCard *self, int min_chars, int nat_chars, int lines, const char *css_class)
{
  GtkWidget *text = vp_cell_text_new (min_chars, nat_chars, 1, lines);

  /* a line amid taller things is in the middle of them */
  if (lines == 1)
    vp_cell_text_set_yalign (VP_CELL_TEXT (text), 0.5);
  if (css_class != NULL)
    gtk_widget_add_css_class (text, css_class);
  gtk_widget_set_parent (text, GTK_WIDGET (self));
  return text;
}

static GtkWidget *
add_label (VpBoardCard *self, const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
vp_board_card_init (VpBoardCard *self)
{
  self->priority = add_text (self, 0, 20, 1, "priority");
  gtk_widget_add_css_class (self->priority, "caption");
  self->letter = add_label (self, "subtheme");
  self->text = add_text (self, 10, 28, MAX_LINES, "activity");
  self->overdue = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_widget_add_css_class (self->overdue, "overdue");
  gtk_widget_set_parent (self->overdue, GTK_WIDGET (self));
  self->quarter = add_label (self, "caption");
  /* a moved action's "Q3 2024 (planned Q1 2024)" may be wider than a
   * narrow card: cut short, not spilling over the strip and the icon */
  gtk_label_set_ellipsize (GTK_LABEL (self->quarter), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->quarter), 0);
  self->lead = add_text (self, 0, 16, 1, "caption");
  gtk_widget_add_css_class (self->lead, "dim-label");
  self->progress = add_label (self, "caption");
  gtk_widget_add_css_class (self->progress, "numeric");
  /* a label that wraps: five municipalities' badges take two lines */
  self->partners = add_label (self, "caption");
  gtk_label_set_wrap (GTK_LABEL (self->partners), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->partners), 0);
  gtk_widget_set_halign (self->partners, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (self->partners, "partners");
  gtk_widget_set_visible (self->partners, FALSE);
  self->measured_width = -1;
  /* the row's focus lands on the card, which a screen reader can name
   * (GTK 4.8 names a list's rows after their type) */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
vp_board_card_new (void)
{
  return g_object_new (VP_TYPE_BOARD_CARD, NULL);
}

static void
set_heading (VpBoardCard *self, gboolean heading)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->styled && self->heading == heading)
    return;
  self->styled = TRUE;
  self->heading = heading;
  gtk_widget_set_visible (self->text, !heading);
  gtk_widget_set_visible (self->lead, !heading);
  gtk_widget_set_focusable (widget, !heading);
  gtk_widget_set_has_tooltip (widget, !heading);
  if (heading)
    {
      gtk_widget_set_visible (self->overdue, FALSE);
      gtk_widget_set_visible (self->quarter, FALSE);
      gtk_widget_set_visible (self->letter, FALSE);
      gtk_widget_set_visible (self->progress, FALSE);
      gtk_widget_set_visible (self->partners, FALSE);
      gtk_widget_remove_css_class (widget, "card");
      gtk_widget_add_css_class (widget, "lane-heading");
      gtk_widget_remove_css_class (self->priority, "caption");
      gtk_widget_add_css_class (self->priority, "caption-heading");
    }
  else
    {
      gtk_widget_remove_css_class (widget, "lane-heading");
      gtk_widget_add_css_class (widget, "card");
      gtk_widget_remove_css_class (self->priority, "caption-heading");
      gtk_widget_add_css_class (self->priority, "caption");
    }
}

static void
set_colour (VpBoardCard *self, const char *colour)
{
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  if (!gdk_rgba_equal (&rgba, &self->colour))
    {
      self->colour = rgba;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
set_text (VpBoardCard *self, const char *text)
{
  if (g_strcmp0 (vp_cell_text_get_text (VP_CELL_TEXT (self->text)), text) == 0)
    return;
  vp_cell_text_set_text (VP_CELL_TEXT (self->text), text);
  self->measured_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
set_label (GtkWidget *label, const char *text)
{
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static void
show_priority (VpBoardCard *self, VpStore *store, VpAction *action)
{
  VpRecord *priority = vp_store_lookup (store, vp_action_get_priority (action));
  VpRecord *subtheme = vp_store_lookup (store, vp_action_get_subtheme (action));
  g_autofree char *title = NULL;

  if (VP_IS_PRIORITY (priority))
    title = vp_format_priority (store, VP_PRIORITY (priority));
  vp_cell_text_set_text (VP_CELL_TEXT (self->priority), title);
  set_colour (self,
              VP_IS_PRIORITY (priority) ? vp_priority_get_colour (VP_PRIORITY (priority)) : NULL);
  set_label (self->letter,
             VP_IS_SUBTHEME (subtheme) ? vp_subtheme_get_letter (VP_SUBTHEME (subtheme)) : NULL);
}

/* The quarter, in the error colour after a mark when it passed while the
 * action is open. */
static void
show_quarter (VpBoardCard *self, VpStore *store, VpAction *action, gboolean overdue)
{
  g_autofree char *quarter = vp_format_quarter (store, action);
  g_autofree char *planned = vp_format_planned_quarter (store, action);
  int year;
  VpQuarter shown;

  /* a moved action says where it was planned: "Q3 2024 (planned Q2 2024)" */
  if (planned != NULL)
    {
      g_autofree char *moved = g_steal_pointer (&quarter);

      /* Translators: a moved action's quarter and where it was planned */
      quarter = g_strdup_printf (_ ("%s (%s)"), moved, planned);
    }
  gtk_widget_set_visible (self->overdue, overdue);
  vp_store_get_shown_quarter (store, action, &year, &shown);
  set_label (self->quarter, shown != VP_QUARTER_NONE ? quarter : NULL);
  if (overdue)
    {
      gtk_widget_add_css_class (self->quarter, "overdue");
      gtk_widget_remove_css_class (self->quarter, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->quarter, "overdue");
      gtk_widget_add_css_class (self->quarter, "dim-label");
    }
}

static void
show_progress (VpBoardCard *self, VpStore *store, VpAction *action)
{
  VpActionStatus *status = vp_action_find_shown_status (store, action);
  g_autofree char *progress = NULL;

  if (vp_action_get_target (action) > 0)
    /* Translators: achieved of the target: "3 / 5" */
    progress
      = g_strdup_printf (_ ("%d / %d"), status != NULL ? vp_action_status_get_achieved (status) : 0,
                         vp_action_get_target (action));
  set_label (self->progress, progress);
}

/* Of an action of each municipality, each participant's status as a
 * badge of its short name ("Ren ✓  Rhe ◐  UH ○"), a badge kept whole on
 * one line (a no-break space within it), wrapping between badges; the
 * tooltip and the screen reader have the names and statuses in words. */
static void
show_partners (VpBoardCard *self, VpStore *store, VpAction *action)
{
  const char *const *participants = vp_action_get_participants (store, action);
  g_autoptr (GString) badges = g_string_new (NULL);
  g_autoptr (GString) words = g_string_new (NULL);

  if (vp_action_get_status_rule (store, action) != VP_STATUS_RULE_EACH || participants == NULL)
    {
      gtk_widget_set_visible (self->partners, FALSE);
      g_clear_pointer (&self->partners_text, g_free);
      return;
    }
  for (gsize i = 0; participants[i] != NULL; i++)
    {
      VpOrganisation *organisation = vp_store_lookup_organisation (store, participants[i]);
      const char *name
        = organisation != NULL ? vp_organisation_get_name (organisation) : participants[i];
      VpActionStatus *status
        = vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (action)), participants[i]);
      VpStatus value = status != NULL ? vp_action_status_get_status (status) : VP_STATUS_PLANNED;
      g_autofree char *short_name = vp_format_short_name (store, participants[i]);

      g_string_append_printf (badges, "%s%s\u00a0%s", i > 0 ? "  " : "", short_name,
                              vp_format_status_sign (value));
      if (i > 0)
        g_string_append (words, ", ");
      /* Translators: a municipality's status of an action: "Barneveld: done" */
      g_string_append_printf (words, _ ("%s: %s"), name, vp_enum_get_label (VP_TYPE_STATUS, value));
    }
  gtk_label_set_text (GTK_LABEL (self->partners), badges->str);
  gtk_widget_set_visible (self->partners, TRUE);
  g_free (self->partners_text);
  self->partners_text = g_string_free (g_steal_pointer (&words), FALSE);
}

/* What a screen reader says of the card: the whole text, the status and
 * whether it is overdue; described by its quarter, lead, priority and
 * sub-theme, and the partners' statuses in words. */
static void
describe (VpBoardCard *self, VpStore *store, VpAction *action, gboolean overdue)
{
  const char *status = vp_enum_get_label (VP_TYPE_STATUS, vp_action_get_status (store, action));
  const char *quarter
    = gtk_widget_get_visible (self->quarter) ? gtk_label_get_text (GTK_LABEL (self->quarter)) : "";
  const char *priority = vp_cell_text_get_text (VP_CELL_TEXT (self->priority));
  const char *letter
    = gtk_widget_get_visible (self->letter) ? gtk_label_get_text (GTK_LABEL (self->letter)) : "";
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (overdue)
    /* Translators: what a screen reader says of a card on the board: the
     * action's text and its status; the action's quarter has passed */
    label = g_strdup_printf (_ ("%s (status: %s, overdue)"), vp_action_get_text (action), status);
  else
    /* Translators: what a screen reader says of a card on the board: the
     * action's text and its status */
    label = g_strdup_printf (_ ("%s (status: %s)"), vp_action_get_text (action), status);
  /* Translators: how a screen reader describes a card: its quarter, lead,
   * priority and sub-theme: "Q1 2024; lead: Nijkerk; priority: 1.
   * Ondermijning A" */
  description = g_strdup_printf (_ ("%s; lead: %s; priority: %s %s"), quarter,
                                 vp_cell_text_get_text (VP_CELL_TEXT (self->lead)),
                                 priority != NULL ? priority : "", letter);
  if (self->partners_text != NULL)
    {
      g_autofree char *alone = g_steal_pointer (&description);

      description = g_strdup_printf ("%s; %s", alone, self->partners_text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* The status record the card shows (vp_action_find_shown_status()). */
static VpActionStatus *
shown_status (VpStore *store, VpAction *action)
{
  return vp_action_find_shown_status (store, action);
}

static void
remember_shown (VpBoardCard *self, VpStore *store, VpAction *action)
{
  VpActionStatus *status = shown_status (store, action);

  g_free (self->shown_uuid);
  self->shown_uuid = g_strdup (vp_record_get_uuid (VP_RECORD (action)));
  g_free (self->shown_stamp);
  self->shown_stamp = g_strdup (vp_record_get_modified_at (VP_RECORD (action)));
  self->shown_status = status;
  g_free (self->shown_status_stamp);
  self->shown_status_stamp
    = status != NULL ? g_strdup (vp_record_get_modified_at (VP_RECORD (status))) : NULL;
}

/* Whether the card shows @action as it is: GTK 4.8 binds rows again to
 * the actions they had whenever the list changes near them. */
static gboolean
shows (VpBoardCard *self, VpStore *store, VpAction *action)
{
  VpActionStatus *status;

  if (self->heading || g_strcmp0 (self->shown_uuid, vp_record_get_uuid (VP_RECORD (action))) != 0
      || g_strcmp0 (self->shown_stamp, vp_record_get_modified_at (VP_RECORD (action))) != 0)
    return FALSE;
  status = shown_status (store, action);
  return status == self->shown_status
         && (status == NULL
             || g_strcmp0 (self->shown_status_stamp, vp_record_get_modified_at (VP_RECORD (status)))
                  == 0);
}

/**
 * vp_board_card_is_height_guessed:
 *
 * Returns: whether the card's height comes from its text's length, not
 *   from its laid-out lines: until it first comes on screen
 */
gboolean
vp_board_card_is_height_guessed (VpBoardCard *self)
{
  g_return_val_if_fail (VP_IS_BOARD_CARD (self), FALSE);
  return self->estimated;
}

/**
 * vp_board_card_set_measure_exactly:
 * @exactly: whether to lay out the text to measure it also off screen
 *
 * For the first cards of a column, which are on screen when the board is
 * shown: the others guess their height until they come on screen.
 */
void
vp_board_card_set_measure_exactly (VpBoardCard *self, gboolean exactly)
{
  g_return_if_fail (VP_IS_BOARD_CARD (self));
  self->measure_exactly = exactly;
}

/**
 * vp_board_card_bind_action:
 *
 * Shows @action in a card bound to it: at once when the card showed it
 * last, as it is now.
 */
void
vp_board_card_bind_action (VpBoardCard *self, VpStore *store, VpAction *action)
{
  g_return_if_fail (VP_IS_BOARD_CARD (self));
  g_return_if_fail (VP_IS_ACTION (action));

  if (shows (self, store, action))
    {
      g_set_object (&self->action, action);
      return;
    }
  vp_board_card_show_action (self, store, action);
}

/**
 * vp_board_card_show_action:
 *
 * Shows @action (again: after it or its status changed).
 */
void
vp_board_card_show_action (VpBoardCard *self, VpStore *store, VpAction *action)
{
  g_autofree char *lead = NULL;
  gboolean overdue;

  g_return_if_fail (VP_IS_BOARD_CARD (self));
  g_return_if_fail (VP_IS_ACTION (action));

  g_set_object (&self->action, action);
  set_heading (self, FALSE);
  remember_shown (self, store, action);
  show_priority (self, store, action);
  set_text (self, vp_action_get_text (action));
  lead = vp_format_lead_and_origin (store, action);
  vp_cell_text_set_text (VP_CELL_TEXT (self->lead), lead);
  overdue = vp_action_is_overdue (store, action);
  show_quarter (self, store, action, overdue);
  show_progress (self, store, action);
  show_partners (self, store, action);
  describe (self, store, action, overdue);
}

/**
 * vp_board_card_show_heading:
 * @colour: (nullable): "#rrggbb" for a dot before the title, or %NULL
 *
 * Makes the card a lane's heading.
 */
void
vp_board_card_show_heading (VpBoardCard *self, const char *title, const char *colour)
{
  g_return_if_fail (VP_IS_BOARD_CARD (self));

  g_clear_object (&self->action);
  g_clear_pointer (&self->shown_uuid, g_free);
  set_heading (self, TRUE);
  vp_cell_text_set_text (VP_CELL_TEXT (self->priority), title);
  if (colour != NULL)
    set_colour (self, colour);
  else
    self->colour.alpha = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * vp_board_card_clear:
 *
 * Lets go of the action, when the card's row is unbound.
 */
void
vp_board_card_clear (VpBoardCard *self)
{
  g_return_if_fail (VP_IS_BOARD_CARD (self));

  g_clear_object (&self->action);
  vp_board_card_set_drop (self, VP_BOARD_DROP_NONE);
}

/**
 * vp_board_card_get_action:
 *
 * Returns: (transfer none) (nullable): the action shown, %NULL for a heading
 */
VpAction *
vp_board_card_get_action (VpBoardCard *self)
{
  g_return_val_if_fail (VP_IS_BOARD_CARD (self), NULL);
  return self->action;
}

/**
 * vp_board_card_set_drop:
 *
 * Shows where a drop would put the dragged card: a line above or below.
 */
void
vp_board_card_set_drop (VpBoardCard *self, VpBoardDrop drop)
{
  g_return_if_fail (VP_IS_BOARD_CARD (self));

  if (drop == VP_BOARD_DROP_BEFORE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
  if (drop == VP_BOARD_DROP_AFTER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}
