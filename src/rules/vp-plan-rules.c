/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-plan-rules.h"

/*
 * The rules of a plan itself: who edits it, what a valid plan is, which
 * actions are unfinished at year end, and the short name an organisation
 * goes by where no one chose one.
 *
 * Who edits a plan: for a plan owned by one municipality, that
 * municipality; for a coalition-owned plan (a regional IVP no single
 * municipality owns), every participant. vp_plan_rules_may_edit_plan() is
 * the one place that says so; it belongs with the other ownership rules
 * (vp-ownership.c) and is kept apart here so it can be folded in.
 */

G_DEFINE_QUARK (vp - plan - rules - error - quark, vp_plan_rules_error)

static gboolean
strv_has (const char *const *strv, const char *text)
{
  return strv != NULL && text != NULL && g_strv_contains (strv, text);
}

/**
 * vp_plan_rules_may_edit_plan:
 * @plan: a plan
 * @home: (nullable): the home municipality's code
 *
 * Returns: whether the home municipality changes @plan itself (its title,
 *   years, participants, …): its owner does; for a coalition-owned plan
 *   every participant does. Without a home municipality nobody does.
 */
gboolean
vp_plan_rules_may_edit_plan (VpPlan *plan, const char *home)
{
  g_return_val_if_fail (VP_IS_PLAN (plan), FALSE);

  if (home == NULL || *home == '\0')
    return FALSE;
  if (vp_plan_get_ownership (plan) == VP_PLAN_OWNERSHIP_COALITION)
    return strv_has (vp_record_get_strv (VP_RECORD (plan), "participants"), home)
           || g_strcmp0 (vp_plan_get_owner (plan), home) == 0;
  return g_strcmp0 (vp_plan_get_owner (plan), home) == 0;
}

/**
 * vp_plan_rules_check_plan_write:
 * @current: (nullable): the plan as stored, %NULL for a new plan
 * @draft: the plan as it is to be written
 * @home: (nullable): the home municipality's code
 *
 * Checks that the home municipality may write @draft: a new plan is its
 * own or its coalition's (it takes part); a stored one it may edit
 * (vp_plan_rules_may_edit_plan()), and it may not give away a
 * coalition-owned plan to one participant unless that is itself.
 *
 * Returns: %TRUE if allowed, else %FALSE with @error saying why
 */
gboolean
vp_plan_rules_check_plan_write (VpPlan *current, VpPlan *draft, const char *home, GError **error)
{
  g_return_val_if_fail (VP_IS_PLAN (draft), FALSE);

  if (current == NULL)
    {
      if (vp_plan_rules_may_edit_plan (draft, home))
        return TRUE;
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_OWNER,
                   _ ("A new plan must be your own municipality’s or your coalition’s with your "
                      "municipality taking part."));
      return FALSE;
    }
  if (!vp_plan_rules_may_edit_plan (current, home))
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_OWNER,
                   vp_plan_get_ownership (current) == VP_PLAN_OWNERSHIP_COALITION
                     ? _ ("Only the municipalities taking part in “%s” change it.")
                     : _ ("Only the municipality that owns “%s” changes it; your changes come "
                          "to it as a partner’s, by exchange."),
                   vp_plan_get_title (current));
      return FALSE;
    }
  if (!vp_plan_rules_may_edit_plan (draft, home))
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_OWNER,
                   _ ("Your municipality cannot give “%s” away: it would no longer be able to "
                      "change it."),
                   vp_plan_get_title (current));
      return FALSE;
    }
  return TRUE;
}

static gboolean
title_taken (VpPlan *draft, GListModel *plans)
{
  g_autofree char *wanted = g_utf8_casefold (vp_plan_get_title (draft), -1);
  guint n = plans != NULL ? g_list_model_get_n_items (plans) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VpPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *title = g_utf8_casefold (vp_plan_get_title (plan), -1);

      if (g_strcmp0 (vp_record_get_uuid (VP_RECORD (plan)), vp_record_get_uuid (VP_RECORD (draft)))
            != 0
          && g_strcmp0 (title, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_years (VpPlan *draft, GError **error)
{
  int first = vp_plan_get_first_year (draft);
  int last = vp_plan_get_last_year (draft);
  int framework_first = vp_record_get_int (VP_RECORD (draft), "framework-first-year");
  int framework_last = vp_record_get_int (VP_RECORD (draft), "framework-last-year");

  if (first < 1900 || first > 2200 || last < 1900 || last > 2200)
    g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_YEARS,
                 _ ("The years must lie between 1900 and 2200."));
  else if (last < first)
    g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_YEARS,
                 _ ("The last year comes before the first (%d–%d)."), first, last);
  else if (last - first + 1 > VP_PLAN_MAX_YEARS)
    g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_YEARS,
                 _ ("A plan covers one to four years; %d–%d is %d years."), first, last,
                 last - first + 1);
  else if (framework_first != 0 && framework_last != 0 && framework_last < framework_first)
    g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_FRAMEWORK,
                 _ ("The framework’s last year comes before its first (%d–%d)."), framework_first,
                 framework_last);
  else
    return TRUE;
  return FALSE;
}

static gboolean
has_participants (VpPlan *plan)
{
  const char *const *participants = vp_record_get_strv (VP_RECORD (plan), "participants");

  return participants != NULL && participants[0] != NULL;
}

/**
 * vp_plan_rules_validate:
 * @draft: a plan as a form has filled it in
 * @plans: (nullable): the plans of the database, to keep titles apart
 *
 * Checks what a plan must be before it is written: a title no other plan
 * has, one to four years with the last not before the first, an owner,
 * and for a coalition-owned plan at least one participant. The error's
 * code is the #VpPlanField it is about.
 *
 * Returns: %TRUE if valid, else %FALSE with @error set
 */
gboolean
vp_plan_rules_validate (VpPlan *draft, GListModel *plans, GError **error)
{
  const char *title;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (VP_IS_PLAN (draft), FALSE);

  title = vp_plan_get_title (draft);
  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_TITLE, _ ("The plan needs a title."));
      return FALSE;
    }
  if (title_taken (draft, plans))
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_TITLE,
                   _ ("Another plan is called “%s”; choose a title that tells them apart."), title);
      return FALSE;
    }
  if (!check_years (draft, error))
    return FALSE;
  if (vp_plan_get_owner (draft) == NULL || *vp_plan_get_owner (draft) == '\0')
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_OWNER,
                   _ ("Choose the municipality whose plan this is."));
      return FALSE;
    }
  if (vp_plan_get_ownership (draft) == VP_PLAN_OWNERSHIP_COALITION && !has_participants (draft))
    {
      g_set_error (error, VP_PLAN_RULES_ERROR, VP_PLAN_FIELD_PARTICIPANTS,
                   _ ("A coalition’s plan needs the municipalities taking part."));
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_plan_rules_is_unfinished:
 * @status: an action's overall status
 *
 * Returns: whether an action with @status still needs attention at year
 *   end and goes into next year's plan: planned, in progress or postponed;
 *   not done or cancelled
 */
gboolean
vp_plan_rules_is_unfinished (VpStatus status)
{
  return status == VP_STATUS_PLANNED || status == VP_STATUS_IN_PROGRESS
         || status == VP_STATUS_POSTPONED;
}

/* The first @n letters of @word, or all of it when it is short. */
static char *
word_prefix (const char *word, glong n)
{
  return g_utf8_strlen (word, -1) <= MAX (n, 4) ? g_strdup (word) : g_utf8_substring (word, 0, n);
}

/* "Openbaar Ministerie" → "OM": the initials of a name of two or more
 * capitalised words; else the first @n letters of its first word
 * ("Renswoude" → "Ren"), a word of four letters whole ("Ede"). */
static char *
candidate_short_name (const char *name, glong n)
{
  g_auto (GStrv) words = g_strsplit_set (name, " \t-", -1);
  g_autoptr (GString) initials = g_string_new (NULL);
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (*words[i] == '\0')
        continue;
      n_words++;
      if (!g_unichar_isupper (c))
        continue;
      g_string_append_unichar (initials, c);
    }
  if (n_words >= 2 && initials->len >= 2 && g_utf8_strlen (initials->str, -1) == n_words)
    return g_string_free (g_steal_pointer (&initials), FALSE);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        return word_prefix (words[i], n);
    }
  return g_strdup (name);
}

static gboolean
short_name_used (GListModel *organisations, VpOrganisation *self, const char *candidate, glong n)
{
  guint count = g_list_model_get_n_items (organisations);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr (VpOrganisation) other = g_list_model_get_item (organisations, i);
      g_autofree char *other_candidate = NULL;

      if (other == self
          || g_strcmp0 (vp_organisation_get_code (other), vp_organisation_get_code (self)) == 0)
        continue;
      if (*vp_organisation_get_short_name (other) != '\0')
        {
          if (g_strcmp0 (vp_organisation_get_short_name (other), candidate) == 0)
            return TRUE;
          continue;
        }
      other_candidate = candidate_short_name (vp_organisation_get_name (other), n);
      if (g_strcmp0 (other_candidate, candidate) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * vp_plan_rules_short_name:
 * @organisations: every organisation of the database
 * @organisation: one of them
 *
 * The short name @organisation goes by in badges and columns: the one
 * chosen for it, else its initials ("OM" for Openbaar Ministerie) or the
 * first three letters of its first word ("Ren" for Renswoude), as many
 * more as it takes to differ from the others' ("Rens", "Renk"), and where
 * another organisation would go by the same initials, its whole name.
 *
 * Returns: (transfer full): the short name
 */
char *
vp_plan_rules_short_name (GListModel *organisations, VpOrganisation *organisation)
{
  const char *name;
  glong length;

  g_return_val_if_fail (VP_IS_ORGANISATION (organisation), NULL);

  if (*vp_organisation_get_short_name (organisation) != '\0')
    return g_strdup (vp_organisation_get_short_name (organisation));
  name = vp_organisation_get_name (organisation);
  length = g_utf8_strlen (name, -1);
  for (glong n = 3; n <= length; n++)
    {
      g_autofree char *candidate = candidate_short_name (name, n);

      if (organisations == NULL || !short_name_used (organisations, organisation, candidate, n))
        return g_steal_pointer (&candidate);
      /* initials, or a word taken whole: no more letters to add */
      if (g_utf8_strlen (candidate, -1) < n)
        break;
    }
  return g_strdup (name);
}
