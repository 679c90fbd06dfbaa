/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cell-text"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-accessible.h"
#include "vp-cell-text.h"

/*
 * The text of a table cell: like GtkInscription (its size comes from a
 * number of characters and lines, not from its text, and a text too long
 * wraps and ends in "…"), but the text is laid out once for all cells
 * that show it. Laying out text (shaping it) was a quarter of the work
 * of a frame after a search or a filter change: thirty rows of eight
 * cells, where most cells of a column show one of a few texts ("Q2 2024",
 * "Joint", "Planned").
 *
 * Layouts are kept per font settings, text, attributes and size, made
 * with a Pango context of their own that copies the settings of the cell
 * that first needed them (a cell's own context changes with its style).
 * The cache is emptied when it holds MAX_LAYOUTS: a few screens of
 * rows, some megabytes at most.
 *
 * Unlike GtkInscription, a text shorter than the cell is at its top
 * unless told otherwise (vp_cell_text_set_yalign()), in line with the
 * first line of a longer text in the row; CSS text attributes
 * (letter-spacing, font features) do not apply, only the font; and
 * screen readers get the text as the cell's label.
 */

#define MAX_LAYOUTS 1024

struct _VpCellText
{
  GtkWidget parent_instance;

  char *text;
  /* what a screen reader says instead of the text, or NULL */
  char *spoken;
  /* compared by pointer: the caller keeps one list per kind of text */
  PangoAttrList *attributes;
  float yalign;
  int min_chars;
  int nat_chars;
  int min_lines;
  int nat_lines;
  /* the shaper of the settings of the cell's context, while its serial
   * says they are the same (shapers are never freed) */
  gpointer shaper;
  guint shaper_serial;
};

G_DEFINE_FINAL_TYPE (VpCellText, vp_cell_text, GTK_TYPE_WIDGET)

/* A Pango context for one font and its settings, and the layouts made
 * with it. */
typedef struct
{
  PangoContext *context;
  /* "width height attributes text" → PangoLayout */
  GHashTable *layouts;
  /* the font's, in Pango units, once asked for (a widget's own context
   * would work them out anew for every new cell) */
  gboolean measured;
  int char_width;
  int line_height;
} Shaper;

static GHashTable *shapers;
static guint n_layouts;
static guint n_shaped;

static void
shaper_free (Shaper *shaper)
{
  g_object_unref (shaper->context);
  g_hash_table_unref (shaper->layouts);
  g_free (shaper);
}

/* The shaper for the font and settings of @widget's context, made like
 * it: what it says of the font, resolution, direction, glyph rounding
 * and hinting is what a layout looks like. */
static Shaper *
find_shaper (GtkWidget *widget)
{
  PangoContext *own = gtk_widget_get_pango_context (widget);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (own);
  g_autofree char *font
    = pango_font_description_to_string (pango_context_get_font_description (own));
  g_autofree char *key = g_strdup_printf (
    "%s|%g|%d|%d|%lu|%s", font, pango_cairo_context_get_resolution (own),
    pango_context_get_base_dir (own), pango_context_get_round_glyph_positions (own),
    options != NULL ? cairo_font_options_hash (options) : 0,
    pango_language_to_string (pango_context_get_language (own)));
  Shaper *shaper;

  if (shapers == NULL)
    shapers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) shaper_free);
  shaper = g_hash_table_lookup (shapers, key);
  if (shaper != NULL)
    return shaper;
  shaper = g_new0 (Shaper, 1);
  shaper->context = pango_font_map_create_context (pango_context_get_font_map (own));
  pango_context_set_font_description (shaper->context, pango_context_get_font_description (own));
  pango_context_set_language (shaper->context, pango_context_get_language (own));
  pango_context_set_base_dir (shaper->context, pango_context_get_base_dir (own));
  pango_context_set_round_glyph_positions (shaper->context,
                                           pango_context_get_round_glyph_positions (own));
  pango_cairo_context_set_resolution (shaper->context, pango_cairo_context_get_resolution (own));
  pango_cairo_context_set_font_options (shaper->context, options);
  shaper->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_insert (shapers, g_steal_pointer (&key), shaper);
  return shaper;
}

/* The cell's shaper: looked up again only when its context changed. */
static Shaper *
cell_shaper (VpCellText *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->shaper == NULL || serial != self->shaper_serial)
    {
      self->shaper = find_shaper (GTK_WIDGET (self));
      self->shaper_serial = serial;
    }
  return self->shaper;
}

static void
forget_layouts (void)
{
  GHashTableIter iter;
  gpointer shaper;

  g_hash_table_iter_init (&iter, shapers);
  while (g_hash_table_iter_next (&iter, NULL, &shaper))
    g_hash_table_remove_all (((Shaper *) shaper)->layouts);
  n_layouts = 0;
}

/**
 * vp_cell_text_wrap_layout:
 * @layout: a layout with its text and attributes
 * @width: the width of its lines, in pixels
 *
 * Sets @layout's lines to break between words; only a word longer than
 * a whole line ("handhavingsuitvoeringsplan" in a narrow card) breaks
 * inside, where it must, without a hyphen Pango would put at a place
 * that is no syllable's end.
 */
void
vp_cell_text_wrap_layout (PangoLayout *layout, int width)
{
  PangoAttrList *attributes = pango_layout_get_attributes (layout);
  g_autoptr (PangoAttrList) own
    = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  PangoRectangle logical;

  pango_attr_list_change (own, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, own);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.x + logical.width > width)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
}

/* The layout of the cell's text at its size, made the first time. */
static PangoLayout *
find_layout (VpCellText *self, int width, int height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Shaper *shaper = cell_shaper (self);
  /* a cached layout holds a reference on its attributes: their address
   * is not another list's while it is cached */
  g_autofree char *key
    = g_strdup_printf ("%d %d %p %s", width, height, (gpointer) self->attributes, self->text);
  PangoLayout *layout = g_hash_table_lookup (shaper->layouts, key);

  if (layout != NULL)
    return layout;
  if (n_layouts >= MAX_LAYOUTS)
    forget_layouts ();
  layout = pango_layout_new (shaper->context);
  pango_layout_set_text (layout, self->text, -1);
  pango_layout_set_attributes (layout, self->attributes);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, height * PANGO_SCALE);
  vp_cell_text_wrap_layout (layout, width);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  g_hash_table_insert (shaper->layouts, g_steal_pointer (&key), layout);
  n_layouts++;
  n_shaped++;
  return layout;
}

static void
measure_font (Shaper *shaper)
{
  PangoFontMetrics *metrics;

  if (shaper->measured)
    return;
  metrics = pango_context_get_metrics (shaper->context, NULL, NULL);
  shaper->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));
  shaper->line_height
    = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  shaper->measured = TRUE;
  pango_font_metrics_unref (metrics);
}

/**
 * vp_cell_text_get_font_size:
 * @char_width: (out) (optional): the width of an average character
 * @line_height: (out) (optional): the height of a line
 *
 * Of the cell's font, in Pango units.
 */
void
vp_cell_text_get_font_size (VpCellText *self, int *char_width, int *line_height)
{
  Shaper *shaper;

  g_return_if_fail (VP_IS_CELL_TEXT (self));

  shaper = cell_shaper (self);
  measure_font (shaper);
  if (char_width != NULL)
    *char_width = shaper->char_width;
  if (line_height != NULL)
    *line_height = shaper->line_height;
}

static void
vp_cell_text_measure (GtkWidget *widget,
                      GtkOrientation orientation,
                      int for_size,
                      int *minimum,
                      int *natural,
                      int *minimum_baseline,
                      int *natural_baseline)
{
  VpCellText *self = VP_CELL_TEXT (widget);
  int char_width, line_height;

  vp_cell_text_get_font_size (self, &char_width, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * char_width);
    }
  else
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_lines * line_height);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_lines, self->nat_lines) * line_height);
    }
}

static void
vp_cell_text_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  VpCellText *self = VP_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  float y = 0;

  if (self->text == NULL || *self->text == '\0' || width <= 0 || height <= 0)
    return;
  layout = find_layout (self, width, height);
  /* a text cut short fills its lines, but for one of one line */
  if (!pango_layout_is_ellipsized (layout) || pango_layout_get_line_count (layout) == 1)
    {
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      /* whole pixels, as GtkInscription: never above the top */
      y = MAX (0, (int) ((height - logical.height) * self->yalign));
    }
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, layout);
  gtk_snapshot_pop (snapshot);
}

static void
vp_cell_text_finalize (GObject *object)
{
  VpCellText *self = VP_CELL_TEXT (object);

  g_free (self->text);
  g_free (self->spoken);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);

  G_OBJECT_CLASS (vp_cell_text_parent_class)->finalize (object);
}

static void
vp_cell_text_class_init (VpCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vp_cell_text_finalize;
  widget_class->measure = vp_cell_text_measure;
  widget_class->snapshot = vp_cell_text_snapshot;

  gtk_widget_class_set_css_name (widget_class, "inscription");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void name_cell (VpCellText *self);

static void
vp_cell_text_init (VpCellText *self)
{
  /* the table cell it lands in is named after it */
  g_signal_connect (self, "notify::parent", G_CALLBACK (name_cell), NULL);
}

/**
 * vp_cell_text_new:
 * @min_chars: how many characters wide it is at least
 * @nat_chars: and would like to be
 * @min_lines: how many lines high it is at least
 * @nat_lines: and would like to be
 *
 * Returns: (transfer floating): a cell text, empty
 */
GtkWidget *
vp_cell_text_new (int min_chars, int nat_chars, int min_lines, int nat_lines)
{
  VpCellText *self = g_object_new (VP_TYPE_CELL_TEXT, NULL);

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  self->min_lines = min_lines;
  self->nat_lines = nat_lines;
  return GTK_WIDGET (self);
}

/* The cell's text in words (vp_accessible_spoken()), on this widget and
 * on the table cell it is in, which GTK 4.8 names after its type
 * ("GtkColumnViewCell"); an empty cell says so. */
static void
name_cell (VpCellText *self)
{
  g_autofree char *spoken = vp_accessible_spoken (self->text);
  const char *name = self->spoken != NULL ? self->spoken : spoken != NULL ? spoken : self->text;
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  /* Translators: a table cell that shows nothing, read aloud */
  if (name == NULL || *name == '\0')
    name = _ ("empty");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* the cell may hold it in a box or a button */
  for (int depth = 0; cell != NULL && depth < 6; depth++, cell = gtk_widget_get_parent (cell))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (cell), "GtkColumnViewCell"))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          break;
        }
    }
}

/**
 * vp_cell_text_set_text:
 * @text: (nullable): what the cell shows, as it is (no markup)
 */
void
vp_cell_text_set_text (VpCellText *self, const char *text)
{
  g_return_if_fail (VP_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->spoken, g_free);
  name_cell (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vp_cell_text_set_spoken:
 * @spoken: (nullable): what a screen reader says for the text shown
 *   ("Priority 1, sub-theme A: …" for "1A  …"), until the text changes
 */
void
vp_cell_text_set_spoken (VpCellText *self, const char *spoken)
{
  g_return_if_fail (VP_IS_CELL_TEXT (self));

  g_free (self->spoken);
  self->spoken = g_strdup (spoken);
  name_cell (self);
}

const char *
vp_cell_text_get_text (VpCellText *self)
{
  g_return_val_if_fail (VP_IS_CELL_TEXT (self), NULL);
  return self->text;
}

/**
 * vp_cell_text_set_attributes:
 * @attributes: (nullable): how the text is drawn (bold, say); cells that
 *   draw alike should share one list, which must not change afterwards
 */
void
vp_cell_text_set_attributes (VpCellText *self, PangoAttrList *attributes)
{
  g_return_if_fail (VP_IS_CELL_TEXT (self));

  if (self->attributes == attributes)
    return;
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  self->attributes = attributes != NULL ? pango_attr_list_ref (attributes) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

PangoAttrList *
vp_cell_text_get_attributes (VpCellText *self)
{
  g_return_val_if_fail (VP_IS_CELL_TEXT (self), NULL);
  return self->attributes;
}

/**
 * vp_cell_text_set_yalign:
 * @yalign: where a text shorter than the cell is, from 0 (top) to 1
 */
void
vp_cell_text_set_yalign (VpCellText *self, float yalign)
{
  g_return_if_fail (VP_IS_CELL_TEXT (self));

  if (self->yalign == yalign)
    return;
  self->yalign = yalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * vp_cell_text_is_cut:
 *
 * Returns: whether the text, at the cell's size, ends in "…" (for a
 *   tooltip with the whole text; %FALSE while the cell has no size)
 */
gboolean
vp_cell_text_is_cut (VpCellText *self)
{
  int width, height;

  g_return_val_if_fail (VP_IS_CELL_TEXT (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->text == NULL || *self->text == '\0' || width <= 0 || height <= 0)
    return FALSE;
  return pango_layout_is_ellipsized (find_layout (self, width, height));
}

/**
 * vp_cell_text_count_shaped:
 *
 * Returns: how many layouts cells have made so far (for tests and the
 *   benchmark: cells that show one text at one size share one)
 */
guint
vp_cell_text_count_shaped (void)
{
  return n_shaped;
}
