/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-report.h"

G_BEGIN_DECLS

typedef enum
{
  VP_BLOCK_TITLE,
  VP_BLOCK_HEADING,
  VP_BLOCK_SUBHEADING,
  VP_BLOCK_TEXT,
  VP_BLOCK_SMALL,
  VP_BLOCK_ROW,
  VP_BLOCK_BARS,
  VP_BLOCK_PAGE_BREAK,
} VpBlockKind;

typedef struct _VpBlock VpBlock;

/* A bar of a chart: a label and the counts per status. */
typedef struct
{
  char *label;
  guint counts[VP_N_STATUSES];
} VpBar;

void vp_bar_clear (VpBar *bar);

void vp_report_layout_add_text (VpReportLayout *self, VpBlockKind kind, const char *markup);
VpBlock *vp_report_layout_add_row (VpReportLayout *self,
                                   const double *columns,
                                   guint n_columns,
                                   const char *const *cells,
                                   VpBlock *repeat);
void vp_report_layout_add_bars (VpReportLayout *self, GArray *bars);
void vp_report_layout_add_page_break (VpReportLayout *self);

/* vp-report-build.c: the reports' contents */
char *vp_report_format_date (GDateTime *date);
void vp_report_build (VpReportLayout *layout,
                      VpFigures *figures,
                      VpReportKind kind,
                      GDateTime *since,
                      char **header_left,
                      char **header_right);

G_END_DECLS
