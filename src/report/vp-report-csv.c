/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-report-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-status.h"
#include "vp-report.h"

/*
 * The spreadsheet export: one row per action with every field and every
 * municipality's status, at the figures' reference date. UTF-8 with a
 * byte order mark and ';' between cells, as Dutch Excel reads a CSV file
 * without asking; a cell a spreadsheet would take for a formula is made
 * text.
 */

G_DEFINE_QUARK (vp - report - error - quark, vp_report_error)

/**
 * vp_report_csv_cell:
 * @text: (nullable): a cell's text
 *
 * Returns: (transfer full): @text as a CSV cell: a leading '=', '+', '-',
 *   '@', tab or carriage return gets an apostrophe before it, so that no
 *   spreadsheet runs it as a formula; quoted when it holds ';', '"' or a
 *   line break
 */
char *
vp_report_csv_cell (const char *text)
{
  GString *cell = g_string_new (NULL);
  gboolean quote;

  if (text == NULL)
    text = "";
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);
  quote = strpbrk (cell->str, ";\"\n\r") != NULL;
  if (quote)
    {
      g_string_replace (cell, "\"", "\"\"", 0);
      g_string_prepend_c (cell, '"');
      g_string_append_c (cell, '"');
    }
  return g_string_free (cell, FALSE);
}

static void
add_cell (GString *row, const char *text)
{
  g_autofree char *cell = vp_report_csv_cell (text);

  if (row->len > 0)
    g_string_append_c (row, ';');
  g_string_append (row, cell);
}

static void
add_number (GString *row, int number)
{
  g_autofree char *text = number > 0 ? g_strdup_printf ("%d", number) : g_strdup ("");

  add_cell (row, text);
}

static const char *const *
participants_of (VpFigures *figures)
{
  return vp_record_get_strv (VP_RECORD (vp_figures_get_plan (figures)), "participants");
}

static const char *
organisation_name (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

static void
end_row (GString *out, GString *row)
{
  g_string_append_len (out, row->str, row->len);
  g_string_append (out, "\r\n");
}

static void
add_header (VpFigures *figures, GString *out)
{
  g_autoptr (GString) row = g_string_new (NULL);
  const char *const *participants = participants_of (figures);
  const char *const columns[] = {
    /* Translators: a column of the spreadsheet export */
    N_ ("Priority number"),
    N_ ("Priority"),
    N_ ("Sub-theme"),
    N_ ("Action"),
    N_ ("Lead"),
    N_ ("Lead note"),
    N_ ("Category"),
    N_ ("Quarter"),
    N_ ("Planned quarter"),
    N_ ("Target"),
    N_ ("Target unit"),
    N_ ("Achieved"),
    N_ ("Status"),
    N_ ("Overdue"),
    N_ ("Evaluation"),
    N_ ("UUID"),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    add_cell (row, _ (columns[i]));
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      /* Translators: a column of the spreadsheet export: one municipality's status */
      g_autofree char *column = g_strdup_printf (
        _ ("Status %s"), organisation_name (vp_figures_get_store (figures), participants[i]));

      add_cell (row, column);
    }
  end_row (out, row);
}

static char *
quarter_text (int year, VpQuarter quarter)
{
  if (quarter == VP_QUARTER_NONE)
    return g_strdup ("");
  return year > 0 ? g_strdup_printf ("Q%d %d", (int) quarter, year)
                  : g_strdup_printf ("Q%d", (int) quarter);
}

static void
add_place (VpStore *store, GString *out, VpAction *action)
{
  VpPriority *priority = vp_store_lookup_priority_of (store, action);
  VpRecord *subtheme = vp_action_get_subtheme (action) != NULL
                         ? vp_store_lookup (store, vp_action_get_subtheme (action))
                         : NULL;
  g_autofree char *subtheme_text = NULL;

  if (VP_IS_SUBTHEME (subtheme))
    subtheme_text = g_strdup_printf ("%s. %s", vp_subtheme_get_letter (VP_SUBTHEME (subtheme)),
                                     vp_subtheme_get_title (VP_SUBTHEME (subtheme)));
  add_number (out, priority != NULL ? vp_priority_get_number (priority) : 0);
  add_cell (out, priority != NULL ? vp_priority_get_title (priority) : "");
  add_cell (out, subtheme_text);
}

static void
add_row (VpFigures *figures, GString *out, const VpActionAt *at)
{
  g_autoptr (GString) row = g_string_new (NULL);
  VpStore *store = vp_figures_get_store (figures);
  VpAction *action = at->action;
  const char *const *participants = participants_of (figures);
  g_autofree char *lead = vp_figures_lead_label (store, action);
  g_autofree char *quarter = quarter_text (at->year, at->quarter);
  g_autofree char *planned
    = quarter_text (vp_action_get_planned_year (action), vp_action_get_planned_quarter (action));
  g_autofree char *achieved = g_strdup_printf ("%d", at->achieved);

  add_place (store, row, action);
  add_cell (row, vp_action_get_text (action));
  add_cell (row, lead);
  add_cell (row, vp_action_get_lead_note (action));
  add_cell (row, vp_enum_get_label (VP_TYPE_CATEGORY, vp_action_get_category (action)));
  add_cell (row, quarter);
  add_cell (row, planned);
  add_number (row, vp_action_get_target (action));
  add_cell (row, vp_action_get_target_unit (action));
  add_cell (row, vp_action_get_target (action) > 0 ? achieved : "");
  add_cell (row, vp_enum_get_label (VP_TYPE_STATUS, at->status));
  /* Translators: the overdue column of the spreadsheet export */
  add_cell (row, at->overdue ? _ ("yes") : "");
  add_cell (row, vp_action_get_evaluation (action));
  add_cell (row, vp_record_get_uuid (VP_RECORD (action)));
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    add_cell (row, vp_enum_get_label (VP_TYPE_STATUS,
                                      vp_figures_status_of (figures, action, participants[i])));
  end_row (out, row);
}

/**
 * vp_report_csv:
 *
 * Returns: (transfer full): the spreadsheet export of @figures
 */
GBytes *
vp_report_csv (VpFigures *figures)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  GPtrArray *actions = vp_figures_get_actions (figures);

  add_header (figures, out);
  for (guint i = 0; i < actions->len; i++)
    add_row (figures, out, g_ptr_array_index (actions, i));
  return g_string_free_to_bytes (out);
}

/**
 * vp_report_write_csv:
 * @path: the file to write, replaced whole or not at all
 *
 * Returns: whether the file was written; if not, @error says why
 */
gboolean
vp_report_write_csv (VpFigures *figures, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = vp_report_csv (figures);
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
