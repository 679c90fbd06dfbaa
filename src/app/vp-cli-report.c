/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cli-report"

#include "config.h"

#include <glib/gi18n.h>

#include "report/vp-report.h"
#include "vp-cli.h"

/*
 * Reports and the spreadsheet export from the command line:
 * --report evaluation|progress|plan --as-of YYYY-MM-DD --output FILE.pdf
 * and --csv FILE, for scripts and tests.
 */

/**
 * vp_cli_wants_report:
 *
 * Returns: whether the command line asks for a report or a CSV file
 */
gboolean
vp_cli_wants_report (GVariantDict *options)
{
  return g_variant_dict_contains (options, "report") || g_variant_dict_contains (options, "csv");
}

static VpPlan *
find_plan (VpStore *store, const char *uuid)
{
  GListModel *plans = vp_store_get_records (store, VP_TYPE_PLAN);
  VpPlan *first;

  if (uuid != NULL)
    {
      VpRecord *plan = vp_store_lookup (store, uuid);

      return VP_IS_PLAN (plan) ? VP_PLAN (plan) : NULL;
    }
  /* the store keeps it */
  first = g_list_model_get_item (plans, 0);
  if (first != NULL)
    g_object_unref (first);
  return first;
}

static gboolean
read_date (GVariantDict *options, const char *key, GDateTime **date)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  *date = NULL;
  if (!g_variant_dict_lookup (options, key, "s", &text))
    return TRUE;
  *date = vp_figures_parse_date (text, &error);
  if (*date == NULL)
    g_printerr ("veiligheidsplan: --%s: %s\n", key, error->message);
  return *date != NULL;
}

static gboolean
check_request (const char *report, const char *output, VpReportKind *kind)
{
  if (report != NULL && !vp_report_kind_from_name (report, kind))
    {
      g_printerr (_ ("veiligheidsplan: --report expects “evaluation”, “progress” or “plan”, got "
                     "“%s”\n"),
                  report);
      return FALSE;
    }
  if (report != NULL && output == NULL)
    {
      g_printerr (_ ("veiligheidsplan: --report needs --output FILE.pdf\n"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_outputs (VpFigures *figures,
               const char *report,
               VpReportKind kind,
               GDateTime *since,
               const char *output,
               const char *csv)
{
  g_autoptr (GError) error = NULL;

  if (report != NULL && !vp_report_write_pdf (figures, kind, since, output, &error))
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return FALSE;
    }
  if (csv != NULL && !vp_report_write_csv (figures, csv, &error))
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_cli_report:
 *
 * Writes the report and the CSV file the command line asks for.
 *
 * Returns: whether they were written; if not, the fault is on standard
 *   error
 */
gboolean
vp_cli_report (VpStore *store, GVariantDict *options)
{
  g_autofree char *report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *plan_uuid = NULL;
  g_autoptr (GDateTime) as_of = NULL;
  g_autoptr (GDateTime) since = NULL;
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (GError) error = NULL;
  VpReportKind kind = VP_REPORT_EVALUATION;
  VpPlan *plan;

  g_variant_dict_lookup (options, "report", "s", &report);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "csv", "^ay", &csv);
  g_variant_dict_lookup (options, "plan", "s", &plan_uuid);
  if (!check_request (report, output, &kind) || !read_date (options, "as-of", &as_of)
      || !read_date (options, "since", &since))
    return FALSE;
  plan = find_plan (store, plan_uuid);
  if (plan == NULL)
    {
      g_printerr (_ ("veiligheidsplan: there is no plan to report on in this database\n"));
      return FALSE;
    }
  figures = vp_figures_new (store, plan, as_of, VP_FIGURES_SCOPE_COALITION, &error);
  if (figures == NULL)
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return FALSE;
    }
  return write_outputs (figures, report, kind, since, output, csv);
}
