/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-format"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-untrusted-text.h"
#include "rules/vp-plan-rules.h"
#include "store/vp-store-as-of.h"
#include "vp-format.h"

/* How the views write a record's values for people. */

/**
 * vp_format_priority:
 *
 * Returns: (transfer full): a priority's number and title, and for a local
 *   priority its municipality, so that the priorities of several
 *   municipalities with one title are told apart wherever they show
 *   without the plan around them: "2. Ondermijning (Rhenen)"
 */
char *
vp_format_priority (VpStore *store, VpPriority *priority)
{
  const char *owner = vp_record_get_string (VP_RECORD (priority), "owner");
  VpOrganisation *organisation = owner != NULL ? vp_store_lookup_organisation (store, owner) : NULL;

  if (owner == NULL)
    return g_strdup_printf ("%d. %s", vp_priority_get_number (priority),
                            vp_priority_get_title (priority));
  /* Translators: a local priority's number, title and municipality:
   * "2. Ondermijning (Rhenen)" */
  return g_strdup_printf (_ ("%d. %s (%s)"), vp_priority_get_number (priority),
                          vp_priority_get_title (priority),
                          organisation != NULL ? vp_organisation_get_name (organisation) : owner);
}

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
 * Returns: (transfer full): "Q1 2024", or "No quarter": @action's quarter
 *   as @store shows it (the one it had at the date the plan is shown as of)
 */
char *
vp_format_quarter (VpStore *store, VpAction *action)
{
  VpQuarter quarter;
  int year;

  vp_store_get_shown_quarter (store, action, &year, &quarter);
  if (quarter == VP_QUARTER_NONE || year == 0)
    return g_strdup (vp_enum_get_label (VP_TYPE_QUARTER, quarter));
  /* Translators: a quarter and its year: "Q1 2024" */
  return g_strdup_printf (_ ("%s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}

/**
 * vp_format_planned_quarter:
 *
 * Returns: (transfer full) (nullable): "planned Q2 2024" when @action was
 *   moved from the quarter it was planned in (to the quarter @store shows),
 *   else %NULL
 */
char *
vp_format_planned_quarter (VpStore *store, VpAction *action)
{
  int year = vp_action_get_planned_year (action);
  VpQuarter quarter = vp_action_get_planned_quarter (action);
  int shown_year;
  VpQuarter shown_quarter;

  vp_store_get_shown_quarter (store, action, &shown_year, &shown_quarter);
  if (year == 0 || quarter == VP_QUARTER_NONE || (year == shown_year && quarter == shown_quarter))
    return NULL;
  /* Translators: the quarter an action that was moved had been planned in:
   * "planned Q2 2024" */
  return g_strdup_printf (_ ("planned %s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}

/* Characters that reorder or hide what follows them: directional
 * embeddings, overrides and isolates, and the zero-width marks. */
static gboolean
is_hidden_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
         || c == 0x061c;
}

/* The text to show: hidden controls left out, other controls (newlines
 * too, unless @keep_newlines) shown as spaces, cut after @max_chars. */
static char *
make_display_text (const char *text, guint max_chars, gboolean keep_newlines)
{
  GString *shown = g_string_new (NULL);
  guint count = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (shown, FALSE);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (count == max_chars)
        {
          g_string_append (shown, "…");
          break;
        }
      if (is_hidden_control (c))
        continue;
      if (vp_untrusted_text_is_control (c) && !(keep_newlines && c == '\n'))
        c = ' ';
      g_string_append_unichar (shown, c);
      count++;
    }
  return g_string_free (shown, FALSE);
}

/**
 * vp_format_display_text:
 * @text: (nullable): a text a person or a partner's file supplied
 *
 * A text as a label in the window's chrome (a title, a sidebar row, a
 * toast) may show it: on one line, without control characters or
 * directional overrides (a partner's file could otherwise show a text
 * reversed), and cut to %VP_FORMAT_DISPLAY_MAX_CHARS characters with an
 * ellipsis, so that a huge text neither widens the window nor asks the
 * renderer for a surface it cannot make. The result is plain text, not
 * markup: escape it where it meets markup.
 *
 * Returns: (transfer full): the text to show
 */
char *
vp_format_display_text (const char *text)
{
  return make_display_text (text, VP_FORMAT_DISPLAY_MAX_CHARS, FALSE);
}

/**
 * vp_format_display_paragraphs:
 * @text: (nullable): a long text a person or a partner's file supplied (an
 *   ambition, an introduction)
 *
 * Like vp_format_display_text(), for a text shown whole and wrapped: its
 * newlines kept, cut only past %VP_FORMAT_DISPLAY_MAX_PARAGRAPH_CHARS
 * characters, far more than any plan writes, which Pango would take
 * seconds to wrap.
 *
 * Returns: (transfer full): the text to show
 */
char *
vp_format_display_paragraphs (const char *text)
{
  return make_display_text (text, VP_FORMAT_DISPLAY_MAX_PARAGRAPH_CHARS, TRUE);
}

/**
 * vp_format_origin:
 * @action: an action
 *
 * Returns: (transfer full) (nullable): where @action was carried over
 *   from, "from Uitvoeringsplan Veiligheid 2024", or %NULL for an action
 *   that was not; "from an earlier plan" when that plan is not here
 */
char *
vp_format_origin (VpStore *store, VpAction *action)
{
  const char *origin = vp_action_get_origin (action);
  VpRecord *earlier;
  VpPlan *plan;
  g_autofree char *title = NULL;

  if (origin == NULL)
    return NULL;
  earlier = vp_store_lookup (store, origin);
  plan = earlier != NULL ? vp_store_lookup_plan_of (store, earlier) : NULL;
  if (plan == NULL)
    return g_strdup (_ ("from an earlier plan"));
  title = vp_format_display_text (vp_plan_get_title (plan));
  /* Translators: an action carried over into next year's plan; the plan it
   * came from: "from UVP 2024" */
  return g_strdup_printf (_ ("from %s"), title);
}

/**
 * vp_format_lead_and_origin:
 * @action: an action
 *
 * Returns: (transfer full): the lead, and for an action carried over where
 *   from: "Politie · from UVP 2024"
 */
char *
vp_format_lead_and_origin (VpStore *store, VpAction *action)
{
  g_autofree char *lead = vp_format_lead (store, action);
  g_autofree char *origin = vp_format_origin (store, action);

  if (origin == NULL)
    return g_steal_pointer (&lead);
  /* Translators: an action's lead and where it was carried over from */
  return g_strdup_printf (_ ("%s · %s"), lead, origin);
}

/**
 * vp_format_short_name:
 * @code: an organisation's code
 *
 * Returns: (transfer full): the short name the organisation goes by in
 *   badges and narrow columns ("Ren" for Renswoude, see
 *   vp_plan_rules_short_name()), or @code when it is unknown
 */
char *
vp_format_short_name (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  if (organisation == NULL)
    return g_strdup (code);
  return vp_plan_rules_short_name (vp_store_get_records (store, VP_TYPE_ORGANISATION),
                                   organisation);
}

/**
 * vp_format_status_sign:
 *
 * Returns: (transfer none): the sign of @status in badges and the partner
 *   matrix: ○ planned, ◐ in progress, ✓ done, » postponed, ✕ cancelled
 */
const char *
vp_format_status_sign (VpStatus status)
{
  switch (status)
    {
    case VP_STATUS_IN_PROGRESS:
      return "◐";
    case VP_STATUS_DONE:
      return "✓";
    case VP_STATUS_POSTPONED:
      return "»";
    case VP_STATUS_CANCELLED:
      return "✕";
    case VP_STATUS_PLANNED:
    default:
      return "○";
    }
}
