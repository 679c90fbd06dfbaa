/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A budget is kept in cents; none is -1 (NULL in the database), and 0 is
 * a budget of nothing, kept as such. */
#define VP_BUDGET_NONE ((gint64) -1)
/* The most a budget can be: €1,000,000,000.00. Its whole euros fit the
 * "budget" key an older release reads (a C int). */
#define VP_BUDGET_MAX_CENTS G_GINT64_CONSTANT (100000000000)

#define VP_BUDGET_ERROR (vp_budget_error_quark ())

typedef enum
{
  VP_BUDGET_ERROR_INVALID, /* not an amount in euros */
  VP_BUDGET_ERROR_TOO_LARGE,
} VpBudgetError;

GQuark vp_budget_error_quark (void);

gboolean vp_budget_parse (const char *text, gint64 *cents, GError **error);
char *vp_budget_format (gint64 cents);
char *vp_budget_format_plain (gint64 cents);
gint64 vp_budget_whole_euros (gint64 cents);

G_END_DECLS
