/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-report-print"

#include "config.h"

#include "vp-report-print.h"

/*
 * Printing a report: GtkPrintOperation with the drawing code of the PDF
 * (vp-report-layout.c), laid out on the printer's page.
 */

typedef struct
{
  VpFigures *figures;
  VpReportLayout *layout;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->layout, vp_report_layout_free);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, Job *job)
{
  guint pages = vp_report_layout_paginate (
    job->layout, gtk_print_context_get_cairo_context (context),
    gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, Job *job)
{
  vp_report_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context),
                              (guint) page);
}

/**
 * vp_report_print_operation_new:
 * @figures: the figures, kept alive by the caller while the operation runs
 *
 * Returns: (transfer full): an operation that prints the report of @kind
 *   on A4, its pages full-page (the report has its own margins)
 */
GtkPrintOperation *
vp_report_print_operation_new (VpFigures *figures, VpReportKind kind)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);

  job->figures = figures;
  job->layout = vp_report_layout_new (figures, kind, NULL);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, vp_report_kind_title (kind));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "vp-job", job, (GDestroyNotify) job_free);
  return operation;
}
