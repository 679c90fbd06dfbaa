/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <cairo.h>

#include "vp-figures.h"

G_BEGIN_DECLS

#define VP_REPORT_ERROR (vp_report_error_quark ())

typedef enum
{
  VP_REPORT_ERROR_WRITE, /* the file cannot be written */
} VpReportError;

typedef enum
{
  VP_REPORT_EVALUATION,
  VP_REPORT_PROGRESS,
  VP_REPORT_PLAN,
} VpReportKind;

GQuark vp_report_error_quark (void);

gboolean vp_report_kind_from_name (const char *name, VpReportKind *kind);
const char *vp_report_kind_title (VpReportKind kind);

/* vp-report-csv.c */
char *vp_report_csv_cell (const char *text);
GBytes *vp_report_csv (VpFigures *figures);
gboolean vp_report_write_csv (VpFigures *figures, const char *path, GError **error);

/* vp-report-pdf.c */
typedef struct _VpReportLayout VpReportLayout;

VpReportLayout *vp_report_layout_new (VpFigures *figures, VpReportKind kind, GDateTime *since);
void vp_report_layout_free (VpReportLayout *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpReportLayout, vp_report_layout_free)
guint vp_report_layout_paginate (VpReportLayout *self, cairo_t *cr, double width, double height);
void vp_report_layout_draw_page (VpReportLayout *self, cairo_t *cr, guint page);
void vp_report_status_colour (VpStatus status, double rgb[3]);
GBytes *vp_report_pdf (VpFigures *figures, VpReportKind kind, GDateTime *since, guint *n_pages);
gboolean vp_report_write_pdf (
  VpFigures *figures, VpReportKind kind, GDateTime *since, const char *path, GError **error);

G_END_DECLS
