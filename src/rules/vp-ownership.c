/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-rules"

#include "config.h"

#include "vp-ownership.h"
#include "vp-plan-rules.h"

/*
 * Who owns a record, and who may change it: the one rule the store
 * enforces on every write, the merge judges partners' files by, the undo
 * restores stamps by, and the views show as read-only (DESIGN.md, "One
 * plan, replicated, with owners").
 *
 * - A record with an owner (a local priority, action, goal, …; a plan)
 *   is that municipality's: only it changes or deletes it. Without one it
 *   is the coalition's (joint): any participant changes it. A plan the
 *   coalition owns as a whole is changed by its participants only
 *   (vp-plan-rules.c).
 * - A status, and a status event, belong to their municipality.
 * - An organisation of kind municipality is that municipality's: only it
 *   renames or deletes it. Anyone may add it, though: a plan names every
 *   municipality of the coalition, and whoever writes the plan first
 *   makes their records (the example plan is Nijkerk's, with Barneveld's
 *   and Scherpenzeel's organisations in it).
 * - A partner organisation (Politie, OM, an environmental service) is not
 *   a party to the exchange and signs nothing itself: it is the
 *   coalition's, as a joint record, and any participant corrects its
 *   name; two corrections between exchanges are a conflict as on any
 *   joint record.
 *
 * A writer is a municipality code: the home municipality for a change made
 * here, the one that made the change (its modified_by, or a deletion's
 * deleted_by) for a change an import brings.
 */

/**
 * vp_record_get_owner:
 *
 * Returns: (nullable): the code of the municipality that alone changes
 *   @record, %NULL for a record of the coalition
 */
const char *
vp_record_get_owner (VpRecord *record)
{
  GObjectClass *klass;
  const char *owner = NULL;

  g_return_val_if_fail (VP_IS_RECORD (record), NULL);

  klass = G_OBJECT_GET_CLASS (record);
  /* every participant edits a coalition-owned plan, as a joint record */
  if (VP_IS_PLAN (record)
      && vp_plan_get_ownership (VP_PLAN (record)) == VP_PLAN_OWNERSHIP_COALITION)
    return NULL;
  if (VP_IS_ORGANISATION (record))
    {
      VpOrganisation *organisation = VP_ORGANISATION (record);

      if (vp_organisation_get_kind (organisation) == VP_ORGANISATION_KIND_MUNICIPALITY)
        owner = vp_organisation_get_code (organisation);
    }
  else if (g_object_class_find_property (klass, "owner") != NULL)
    owner = vp_record_get_string (record, "owner");
  else if (g_object_class_find_property (klass, "municipality") != NULL)
    owner = vp_record_get_string (record, "municipality");
  return owner != NULL && *owner != '\0' ? owner : NULL;
}

/**
 * vp_ownership_is_joint:
 *
 * Returns: whether @record is the coalition's: any participant changes it
 */
gboolean
vp_ownership_is_joint (VpRecord *record)
{
  return vp_record_get_owner (record) == NULL;
}

/**
 * vp_ownership_may_change:
 * @record: the record as it is now
 * @writer: (nullable): the municipality that changes or deletes it
 *
 * Returns: whether @writer may change or delete @record: a joint record
 *   anyone, an owned one only its owner
 */
gboolean
vp_ownership_may_change (VpRecord *record, const char *writer)
{
  const char *owner;

  /* a plan: its owner, or of a coalition's plan, its participants */
  if (VP_IS_PLAN (record))
    return vp_plan_rules_may_edit_plan (VP_PLAN (record), writer);
  owner = vp_record_get_owner (record);
  return owner == NULL || g_strcmp0 (owner, writer) == 0;
}

/**
 * vp_ownership_may_add:
 * @record: a new record
 * @writer: (nullable): the municipality that adds it
 *
 * Returns: whether @writer may add @record: as it may change it, except
 *   that anyone adds a municipality's organisation
 */
gboolean
vp_ownership_may_add (VpRecord *record, const char *writer)
{
  return VP_IS_ORGANISATION (record) || vp_ownership_may_change (record, writer);
}

/**
 * vp_ownership_may_edit_here:
 * @record: the record as it is now
 * @plan: (nullable): the plan @record is in (or @record itself)
 * @home: (nullable): the home municipality
 *
 * What the views and editors offer to change: what @home may change
 * (vp_ownership_may_change()), except that nothing of a closed plan
 * changes until it is reopened.
 *
 * Returns: whether this database changes @record
 */
gboolean
vp_ownership_may_edit_here (VpRecord *record, VpPlan *plan, const char *home)
{
  g_return_val_if_fail (VP_IS_RECORD (record), FALSE);

  if (plan != NULL && vp_plan_is_closed (plan))
    return FALSE;
  return vp_ownership_may_change (record, home);
}
