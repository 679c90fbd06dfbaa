/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-report-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "vp-report-private.h"

/*
 * A report as a flow of blocks (headings, paragraphs, table rows, charts)
 * laid out on A4 pages with a running header and page numbers. The same
 * drawing serves the PDF file and the printer (GtkPrintOperation gives a
 * cairo context per page). Text is Pango markup built here, every text a
 * person or a partner wrote escaped, so no text can change the layout; a
 * paragraph longer than a page continues on the next, a table cell is cut
 * short after a page's worth of lines.
 */

#define FONT_FAMILY    "Cantarell, DejaVu Sans, sans-serif"
#define HEADER_HEIGHT  36.0
#define FOOTER_HEIGHT  28.0
#define CELL_PADDING   2.5
#define CELL_MAX_LINES 40
#define BLOCK_SPACING  6.0

typedef struct
{
  VpBlockKind kind;
  /* text, heading: markup; row: one markup per cell */
  char *markup;
  char **cells;
  /* row: the columns' shares of the width, the header row it repeats */
  const double *columns;
  guint n_columns;
  gboolean header;
  VpBlock *repeat;
  /* bars */
  GArray *bars;
  /* laid out: a text block's layout, shared by its pieces, and where
   * this piece begins in it */
  PangoLayout *layout;
  double offset;
  double height;
} Block;

typedef struct
{
  GPtrArray *blocks;
} Page;

struct _VpReportLayout
{
  VpFigures *figures;
  VpReportKind kind;
  GDateTime *since;
  GPtrArray *blocks;
  GPtrArray *pages;
  char *header_left;
  char *header_right;
  double width;
  double height;
  double margin;
};

void
vp_bar_clear (VpBar *bar)
{
  g_free (bar->label);
}

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_strfreev (block->cells);
  g_clear_pointer (&block->bars, g_array_unref);
  g_clear_object (&block->layout);
  g_free (block);
}

static Block *
add_block (VpReportLayout *self, VpBlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

/**
 * vp_report_layout_add_text:
 * @markup: Pango markup, every outside text in it escaped
 */
void
vp_report_layout_add_text (VpReportLayout *self, VpBlockKind kind, const char *markup)
{
  Block *block = add_block (self, kind);

  block->markup = g_strdup (markup);
}

/**
 * vp_report_layout_add_row:
 * @columns: (array length=n_columns): the columns' shares of the width
 *   (static)
 * @cells: (array length=n_columns): markup per cell
 *
 * Returns: (transfer none): the row, to pass as @repeat of the rows
 *   under a header row
 */
VpBlock *
vp_report_layout_add_row (VpReportLayout *self,
                          const double *columns,
                          guint n_columns,
                          const char *const *cells,
                          VpBlock *repeat)
{
  Block *block = add_block (self, VP_BLOCK_ROW);

  block->columns = columns;
  block->n_columns = n_columns;
  block->cells = g_strdupv ((char **) cells);
  block->header = repeat == NULL;
  block->repeat = repeat;
  return (VpBlock *) block;
}

/**
 * vp_report_layout_add_bars:
 * @bars: (transfer full) (element-type VpBar): one bar per line
 */
void
vp_report_layout_add_bars (VpReportLayout *self, GArray *bars)
{
  Block *block = add_block (self, VP_BLOCK_BARS);

  block->bars = bars;
}

void
vp_report_layout_add_page_break (VpReportLayout *self)
{
  add_block (self, VP_BLOCK_PAGE_BREAK);
}

/**
 * vp_report_status_colour:
 * @rgb: (out caller-allocates) (array fixed-size=3): the colour of @status
 *   in charts
 */
void
vp_report_status_colour (VpStatus status, double rgb[3])
{
  static const double colours[][3] = {
    [VP_STATUS_PLANNED] = { 0.60, 0.60, 0.59 },   [VP_STATUS_IN_PROGRESS] = { 0.21, 0.52, 0.89 },
    [VP_STATUS_DONE] = { 0.15, 0.64, 0.41 },      [VP_STATUS_POSTPONED] = { 0.90, 0.65, 0.04 },
    [VP_STATUS_CANCELLED] = { 0.37, 0.36, 0.39 },
  };

  memcpy (rgb, colours[status], sizeof colours[status]);
}

static PangoLayout *
make_layout (cairo_t *cr, const char *markup, double width, const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* hinting differs between screens and files: none, so that a page
   * breaks at the same place everywhere */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static const char *
font_of (VpBlockKind kind)
{
  switch (kind)
    {
    case VP_BLOCK_TITLE:
      return FONT_FAMILY " Bold 20";
    case VP_BLOCK_HEADING:
      return FONT_FAMILY " Bold 14";
    case VP_BLOCK_SUBHEADING:
      return FONT_FAMILY " Bold 11";
    case VP_BLOCK_SMALL:
      return FONT_FAMILY " 8";
    case VP_BLOCK_TEXT:
    default:
      return FONT_FAMILY " 10";
    }
}

static double
space_before (VpBlockKind kind)
{
  switch (kind)
    {
    case VP_BLOCK_TITLE:
      return 0;
    case VP_BLOCK_HEADING:
      return 14;
    case VP_BLOCK_SUBHEADING:
      return 8;
    case VP_BLOCK_ROW:
      return 0;
    default:
      return BLOCK_SPACING;
    }
}

/* A column's name in a smaller font where a word of it would not fit:
 * never broken inside a word. */
static PangoLayout *
header_layout (cairo_t *cr, const char *markup, double column)
{
  PangoLayout *layout = NULL;

  for (double size = 7.0; size >= 5.0; size -= 0.5)
    {
      g_autofree char *font = g_strdup_printf ("%s Bold %.1f", FONT_FAMILY, size);
      int w;

      g_clear_object (&layout);
      layout = make_layout (cr, markup, column, font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_size (layout, &w, NULL);
      if (pango_units_to_double (w) <= column + 0.5)
        break;
    }
  return layout;
}

static PangoLayout *
cell_layout (cairo_t *cr, Block *row, guint i, double width)
{
  double column = width * row->columns[i] - 2 * CELL_PADDING;
  PangoLayout *layout = row->header ? header_layout (cr, row->cells[i], column)
                                    : make_layout (cr, row->cells[i], column, FONT_FAMILY " 8");

  pango_layout_set_height (layout, -CELL_MAX_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static double
row_height (cairo_t *cr, Block *row, double width)
{
  double height = 0;

  for (guint i = 0; i < row->n_columns; i++)
    {
      g_autoptr (PangoLayout) layout = cell_layout (cr, row, i, width);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, pango_units_to_double (h));
    }
  return height + 2 * CELL_PADDING;
}

#define BAR_HEIGHT 14.0
#define BAR_GAP    6.0

static double
bars_height (Block *block)
{
  /* the bars and a legend line */
  return block->bars->len * (BAR_HEIGHT + BAR_GAP) + 22;
}

static Page *
new_page (VpReportLayout *self)
{
  Page *page = g_new0 (Page, 1);

  page->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_ptr_array_add (self->pages, page);
  return page;
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->blocks);
  g_free (page);
}

static Block *
place (Page *page, Block *block, double height)
{
  Block *placed = g_new0 (Block, 1);

  *placed = *block;
  placed->markup = g_strdup (block->markup);
  placed->cells = g_strdupv (block->cells);
  placed->bars = block->bars != NULL ? g_array_ref (block->bars) : NULL;
  placed->layout = block->layout != NULL ? g_object_ref (block->layout) : NULL;
  placed->height = height;
  g_ptr_array_add (page->blocks, placed);
  return placed;
}

typedef struct
{
  VpReportLayout *self;
  cairo_t *cr;
  Page *page;
  double y;
  double body;
  double width;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = new_page (flow->self);
  flow->y = 0;
}

/* The top of each line and, last, the layout's bottom. */
static double *
line_tops (PangoLayout *layout, int *n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double *tops;
  int h, i = 0;

  *n = pango_layout_get_line_count (layout);
  tops = g_new (double, *n + 1);
  do
    {
      PangoRectangle rect;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      tops[i++] = pango_units_to_double (rect.y);
    }
  while (i < *n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pango_layout_get_size (layout, NULL, &h);
  tops[*n] = pango_units_to_double (h);
  return tops;
}

/* A paragraph taller than what is left goes on line by line. */
static void
flow_text (Flow *flow, Block *block)
{
  g_autoptr (PangoLayout) layout
    = make_layout (flow->cr, block->markup, flow->width, font_of (block->kind));
  int n, first = 0;
  g_autofree double *tops = line_tops (layout, &n);

  /* a heading keeps with what follows: it wants room for some lines */
  if ((block->kind == VP_BLOCK_HEADING || block->kind == VP_BLOCK_SUBHEADING) && flow->y > 0
      && flow->y + tops[n] + 60 > flow->body)
    flow_new_page (flow);
  while (first < n)
    {
      int last = first;
      Block *placed;

      while (last < n && tops[last + 1] - tops[first] <= flow->body - flow->y)
        last++;
      if (last == first && flow->y > 0)
        {
          flow_new_page (flow);
          continue;
        }
      last = MAX (last, first + 1);
      placed = place (flow->page, block, tops[last] - tops[first]);
      placed->layout = g_object_ref (layout);
      placed->offset = tops[first];
      flow->y += placed->height + BLOCK_SPACING;
      first = last;
      if (first < n)
        flow_new_page (flow);
    }
}

static void
flow_block (Flow *flow, Block *block)
{
  double height;

  if (block->kind == VP_BLOCK_PAGE_BREAK)
    {
      if (flow->y > 0)
        flow_new_page (flow);
      return;
    }
  if (flow->y > 0)
    flow->y += space_before (block->kind);
  if (block->kind != VP_BLOCK_ROW && block->kind != VP_BLOCK_BARS)
    {
      flow_text (flow, block);
      return;
    }
  height
    = block->kind == VP_BLOCK_ROW ? row_height (flow->cr, block, flow->width) : bars_height (block);
  if (flow->y + height > flow->body && flow->y > 0)
    {
      flow_new_page (flow);
      /* a table goes on under its header row */
      if (block->repeat != NULL)
        {
          Block *header = (Block *) block->repeat;
          double header_height = row_height (flow->cr, header, flow->width);

          place (flow->page, header, header_height);
          flow->y += header_height;
        }
    }
  place (flow->page, block, height);
  flow->y += height;
  if (block->kind == VP_BLOCK_BARS)
    flow->y += BLOCK_SPACING;
}

/**
 * vp_report_layout_paginate:
 * @cr: a context of the target (for font metrics)
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Returns: the number of pages
 */
guint
vp_report_layout_paginate (VpReportLayout *self, cairo_t *cr, double width, double height)
{
  Flow flow = { self, cr, NULL, 0, 0, 0 };

  self->width = width;
  self->height = height;
  self->margin = MIN (width, height) / 10.5;
  g_ptr_array_set_size (self->pages, 0);
  flow.width = width - 2 * self->margin;
  flow.body = height - 2 * self->margin - HEADER_HEIGHT - FOOTER_HEIGHT;
  flow_new_page (&flow);
  for (guint i = 0; i < self->blocks->len; i++)
    flow_block (&flow, g_ptr_array_index (self->blocks, i));
  return self->pages->len;
}

static void
draw_text (VpReportLayout *self, cairo_t *cr, Block *block, double y, double width)
{
  PangoLayout *layout = block->layout;
  double top = block->offset;

  cairo_save (cr);
  cairo_rectangle (cr, self->margin, y, width, block->height + 1);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (block->kind == VP_BLOCK_HEADING || block->kind == VP_BLOCK_TITLE)
    cairo_set_source_rgb (cr, 0.09, 0.25, 0.45);
  cairo_move_to (cr, self->margin, y - top);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_row (VpReportLayout *self, cairo_t *cr, Block *row, double y, double width)
{
  double x = self->margin;

  if (row->header)
    {
      cairo_set_source_rgb (cr, 0.90, 0.92, 0.95);
      cairo_rectangle (cr, x, y, width, row->height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < row->n_columns; i++)
    {
      g_autoptr (PangoLayout) layout = cell_layout (cr, row, i, width);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += width * row->columns[i];
    }
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->margin, y + row->height);
  cairo_line_to (cr, self->margin + width, y + row->height);
  cairo_stroke (cr);
}

static void
draw_label (cairo_t *cr, const char *text, double x, double y, double width, gboolean right)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr (PangoLayout) layout = make_layout (cr, escaped, width, FONT_FAMILY " 8");
  int w;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  cairo_move_to (cr, right ? x + width - pango_units_to_double (w) : x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
label_width (cairo_t *cr, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr (PangoLayout) layout = make_layout (cr, escaped, -1, FONT_FAMILY " 8");
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  return pango_units_to_double (w) + 1;
}

static void
draw_bar (cairo_t *cr, const VpBar *bar, double x, double y, double width, guint max)
{
  double left = x;

  for (guint s = 0; s < VP_N_STATUSES; s++)
    {
      double rgb[3];
      double w = max > 0 ? width * bar->counts[s] / max : 0;

      vp_report_status_colour (s, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, left, y, w, BAR_HEIGHT);
      cairo_fill (cr);
      left += w;
    }
}

static void
draw_legend (cairo_t *cr, double x, double y, double width)
{
  double item = width / VP_N_STATUSES;

  for (guint s = 0; s < VP_N_STATUSES; s++)
    {
      double rgb[3];

      vp_report_status_colour (s, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, y + 2, 8, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_label (cr, vp_enum_get_label (VP_TYPE_STATUS, s), x + 11, y, item - 13, FALSE);
      x += item;
    }
}

static void
draw_bars (VpReportLayout *self, cairo_t *cr, Block *block, double y, double width)
{
  double label_width = width * 0.32;
  double bar_width = width - label_width - 40;
  guint max = 0;

  for (guint i = 0; i < block->bars->len; i++)
    {
      VpBar *bar = &g_array_index (block->bars, VpBar, i);
      guint sum = 0;

      for (guint s = 0; s < VP_N_STATUSES; s++)
        sum += bar->counts[s];
      max = MAX (max, sum);
    }
  for (guint i = 0; i < block->bars->len; i++)
    {
      VpBar *bar = &g_array_index (block->bars, VpBar, i);
      double top = y + i * (BAR_HEIGHT + BAR_GAP);
      guint sum = 0;
      g_autofree char *total = NULL;

      for (guint s = 0; s < VP_N_STATUSES; s++)
        sum += bar->counts[s];
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_label (cr, bar->label, self->margin, top + 1, label_width - 6, FALSE);
      draw_bar (cr, bar, self->margin + label_width, top, bar_width, max);
      total = g_strdup_printf ("%u", sum);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_label (cr, total,
                  self->margin + label_width + bar_width * (max ? (double) sum / max : 0) + 4,
                  top + 1, 36, FALSE);
    }
  draw_legend (cr, self->margin, y + block->bars->len * (BAR_HEIGHT + BAR_GAP) + 4, width);
}

static void
draw_frame (VpReportLayout *self, cairo_t *cr, guint page)
{
  double width = self->width - 2 * self->margin;
  /* Translators: the footer of a report page: page 2 of 7 */
  g_autofree char *number = g_strdup_printf (_ ("Page %u of %u"), page + 1, self->pages->len);
  double right = MIN (label_width (cr, self->header_right), width * 0.6);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_label (cr, self->header_left, self->margin, self->margin, width - right - 12, FALSE);
  draw_label (cr, self->header_right, self->margin + width - right, self->margin, right, TRUE);
  cairo_set_source_rgb (cr, 0.09, 0.25, 0.45);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, self->margin, self->margin + 16);
  cairo_line_to (cr, self->margin + width, self->margin + 16);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_label (cr, number, self->margin, self->height - self->margin - 10, width, TRUE);
}

/**
 * vp_report_layout_draw_page:
 * @page: 0 to the number of pages less one
 *
 * Draws one page, as vp_report_layout_paginate() laid it out.
 */
void
vp_report_layout_draw_page (VpReportLayout *self, cairo_t *cr, guint page)
{
  Page *p;
  double y, width;

  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  width = self->width - 2 * self->margin;
  y = self->margin + HEADER_HEIGHT;
  draw_frame (self, cr, page);
  for (guint i = 0; i < p->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (p->blocks, i);

      if (i > 0)
        y += space_before (block->kind);
      if (block->kind == VP_BLOCK_ROW)
        draw_row (self, cr, block, y, width);
      else if (block->kind == VP_BLOCK_BARS)
        draw_bars (self, cr, block, y, width);
      else
        draw_text (self, cr, block, y, width);
      y += block->height + (block->kind != VP_BLOCK_ROW ? BLOCK_SPACING : 0);
    }
}

/**
 * vp_report_layout_new:
 * @since: (nullable): of a progress report, the date from which changes
 *   are listed
 *
 * Returns: (transfer full): the report of @kind on @figures, its blocks
 *   built, not yet paginated
 */
VpReportLayout *
vp_report_layout_new (VpFigures *figures, VpReportKind kind, GDateTime *since)
{
  VpReportLayout *self = g_new0 (VpReportLayout, 1);

  self->figures = figures;
  self->kind = kind;
  self->since = since != NULL ? g_date_time_ref (since) : NULL;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  vp_report_build (self, figures, kind, since, &self->header_left, &self->header_right);
  return self;
}

void
vp_report_layout_free (VpReportLayout *self)
{
  g_clear_pointer (&self->since, g_date_time_unref);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self);
}
