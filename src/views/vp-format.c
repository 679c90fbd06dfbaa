/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-format"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"

/* How the views write a record's values for people. */

/**
 * vp_format_lead:
 *
 * Returns: (transfer full): the lead as the plan writes it: "Nijkerk
 *   (Bibob-medewerker)", "Joint", "Each municipality"
 */
char *
vp_format_lead (VpStore *store, VpAction *action)
{
  VpLeadKind kind = vp_action_get_lead_kind (action);
  const char *note = vp_action_get_lead_note (action);
  const char *name;
  VpOrganisation *organisation;

  if (kind != VP_LEAD_KIND_ORGANISATION)
    name = vp_enum_get_label (VP_TYPE_LEAD_KIND, kind);
  else if ((organisation = vp_store_lookup_organisation (store, vp_action_get_lead (action)))
           != NULL)
    name = vp_organisation_get_name (organisation);
  else
    name = vp_action_get_lead (action);

  if (note == NULL || *note == '\0')
    return g_strdup (name);
  /* Translators: a lead and a note on it: "Nijkerk (Bibob-medewerker)" */
  return g_strdup_printf (_ ("%s (%s)"), name, note);
}

/**
 * vp_format_quarter:
 *
 * Returns: (transfer full): "Q1 2024", or "No quarter"
 */
char *
vp_format_quarter (VpAction *action)
{
  VpQuarter quarter = vp_action_get_quarter (action);
  int year = vp_action_get_year (action);

  if (quarter == VP_QUARTER_NONE || year == 0)
    return g_strdup (vp_enum_get_label (VP_TYPE_QUARTER, quarter));
  /* Translators: a quarter and its year: "Q1 2024" */
  return g_strdup_printf (_ ("%s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}

/**
 * vp_format_planned_quarter:
 *
 * Returns: (transfer full) (nullable): "planned Q2 2024" when @action was
 *   moved from the quarter it was planned in, else %NULL
 */
char *
vp_format_planned_quarter (VpAction *action)
{
  int year = vp_action_get_planned_year (action);
  VpQuarter quarter = vp_action_get_planned_quarter (action);

  if (year == 0 || quarter == VP_QUARTER_NONE
      || (year == vp_action_get_year (action) && quarter == vp_action_get_quarter (action)))
    return NULL;
  /* Translators: the quarter an action that was moved had been planned in:
   * "planned Q2 2024" */
  return g_strdup_printf (_ ("planned %s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}
