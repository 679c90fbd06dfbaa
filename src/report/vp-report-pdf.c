/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "vp-report-private.h"

/*
 * A report as a PDF file: A4, through the layout of vp-report-layout.c.
 * Made twice at the same reference date, the file is the same, byte for
 * byte: its creation date is the reference date, and cairo 1.16 writes
 * no other changing stamp or identifier.
 */

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

static const char *const kind_names[] = {
  [VP_REPORT_EVALUATION] = "evaluation",
  [VP_REPORT_PROGRESS] = "progress",
  [VP_REPORT_PLAN] = "plan",
};

/**
 * vp_report_kind_from_name:
 * @name: "evaluation", "progress" or "plan"
 *
 * Returns: whether @name names a report; then @kind is set
 */
gboolean
vp_report_kind_from_name (const char *name, VpReportKind *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (name, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * vp_report_kind_title:
 *
 * Returns: (transfer none): the report's title, translated
 */
const char *
vp_report_kind_title (VpReportKind kind)
{
  switch (kind)
    {
    case VP_REPORT_EVALUATION:
      /* Translators: the title of the year-end report for the council */
      return _ ("Evaluation");
    case VP_REPORT_PROGRESS:
      /* Translators: the title of the report for the driehoek or college */
      return _ ("Progress report");
    case VP_REPORT_PLAN:
    default:
      /* Translators: the title of the plan as a document */
      return _ ("Implementation plan");
    }
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t *surface, VpFigures *figures, VpReportKind kind)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (vp_figures_get_as_of (figures));
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = g_strdup_printf ("%s — %s", vp_report_kind_title (kind),
                                            vp_plan_get_title (vp_figures_get_plan (figures)));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Veiligheidsplan");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/**
 * vp_report_pdf:
 * @since: (nullable): of a progress report, where its changes begin
 * @n_pages: (out) (optional): the number of pages
 *
 * Returns: (transfer full): the report as a PDF document
 */
GBytes *
vp_report_pdf (VpFigures *figures, VpReportKind kind, GDateTime *since, guint *n_pages)
{
  GByteArray *bytes = g_byte_array_new ();
  g_autoptr (VpReportLayout) layout = vp_report_layout_new (figures, kind, since);
  cairo_surface_t *surface
    = cairo_pdf_surface_create_for_stream (write_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint pages;

  set_metadata (surface, figures, kind);
  pages = vp_report_layout_paginate (layout, cr, A4_WIDTH, A4_HEIGHT);
  for (guint i = 0; i < pages; i++)
    {
      vp_report_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (n_pages != NULL)
    *n_pages = pages;
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * vp_report_write_pdf:
 * @since: (nullable): of a progress report, where its changes begin
 * @path: the file to write, replaced whole or not at all
 *
 * Returns: whether the file was written; if not, @error says why
 */
gboolean
vp_report_write_pdf (
  VpFigures *figures, VpReportKind kind, GDateTime *since, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = vp_report_pdf (figures, kind, since, NULL);
  g_autoptr (GError) local = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents (path, data, size, &local))
    {
      g_set_error (error, VP_REPORT_ERROR, VP_REPORT_ERROR_WRITE, _ ("Could not write “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  return TRUE;
}
