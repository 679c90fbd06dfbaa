/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "report/vp-report.h"

G_BEGIN_DECLS

GtkPrintOperation *vp_report_print_operation_new (VpFigures *figures, VpReportKind kind);

G_END_DECLS
