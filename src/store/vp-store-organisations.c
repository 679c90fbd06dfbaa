/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-store-organisations.h"

/*
 * Removing an organisation: only one that nothing refers to. One that
 * leads actions, owns records, has statuses or takes part in a plan stays,
 * and the refusal says which, so a person can change those first.
 */

static guint
count_with (VpStore *self, GType type, const char *field, const char *code)
{
  GListModel *records = vp_store_get_records (self, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (records, i);

      n += g_strcmp0 (vp_record_get_string (record, field), code) == 0 ? 1 : 0;
    }
  return n;
}

static VpPlan *
find_plan_with (VpStore *self, const char *code)
{
  GListModel *plans = vp_store_get_records (self, VP_TYPE_PLAN);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (VpPlan) plan = g_list_model_get_item (plans, i);
      const char *const *participants = vp_record_get_strv (VP_RECORD (plan), "participants");

      if (g_strcmp0 (vp_plan_get_owner (plan), code) == 0
          || (participants != NULL && g_strv_contains (participants, code)))
        return plan;
    }
  return NULL;
}

/**
 * vp_store_check_organisation_unused:
 * @organisation: an organisation of the store
 *
 * Returns: %TRUE when nothing refers to @organisation, else %FALSE with
 *   @error saying what does
 */
gboolean
vp_store_check_organisation_unused (VpStore *self, VpOrganisation *organisation, GError **error)
{
  const char *code = vp_organisation_get_code (organisation);
  const char *name = vp_organisation_get_name (organisation);
  guint leads = count_with (self, VP_TYPE_ACTION, "lead", code);
  guint statuses = count_with (self, VP_TYPE_ACTION_STATUS, "municipality", code);
  guint owned = count_with (self, VP_TYPE_PRIORITY, "owner", code)
                + count_with (self, VP_TYPE_ACTION, "owner", code)
                + count_with (self, VP_TYPE_GOAL, "owner", code);
  VpPlan *plan = find_plan_with (self, code);

  if (g_strcmp0 (code, vp_store_get_home_municipality (self)) == 0)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, _ ("%s is your own municipality."),
                 name);
  else if (leads > 0)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s leads %u action; choose another lead for it first.",
                              "%s leads %u actions; choose another lead for them first.", leads),
                 name, leads);
  else if (plan != NULL)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, _ ("%s takes part in “%s”."), name,
                 vp_plan_get_title (plan));
  else if (owned > 0 || statuses > 0)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 _ ("%s has its own priorities, actions or statuses in a plan."), name);
  else
    return TRUE;
  return FALSE;
}

/**
 * vp_store_remove_organisation:
 * @organisation: an organisation nothing refers to
 *
 * Removes @organisation, or refuses with the reason
 * (vp_store_check_organisation_unused()), changing nothing.
 *
 * Returns: %TRUE when removed
 */
gboolean
vp_store_remove_organisation (VpStore *self, VpOrganisation *organisation, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_ORGANISATION (organisation), FALSE);

  if (!vp_store_check_organisation_unused (self, organisation, error))
    return FALSE;
  vp_store_set_undo_label (self, _ ("Remove organisation"));
  return vp_store_delete (self, VP_RECORD (organisation), error);
}
