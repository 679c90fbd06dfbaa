/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-ownership.h"
#include "vp-store-as-of.h"
#include "vp-store-private.h"
#include "vp-store-status.h"

/*
 * An action's status as one municipality keeps it, and its history: the
 * one way every view and editor changes a status, so that each change
 * writes a status event beside it. The rules (whose status, the overall
 * status, who sets it, over time) are rules/vp-action-rules.c's: the
 * functions here gather from the store what they ask for.
 */

/* Action UUID → GPtrArray of its VpActionStatuses (one per municipality
 * that keeps one, so a few at most), rebuilt when the list of statuses
 * changes (a status's action and municipality never change), so that
 * views can ask for thousands of actions' statuses cheaply: a search asks
 * once per action and keystroke. */
typedef struct
{
  GListModel *statuses;
  GHashTable *index;
  /* the number of statuses it was built from: a status added or removed
   * shows here at once, even to an items-changed handler that runs before
   * ours */
  guint n_indexed;
  /* the last status indexed: statuses are listed as they were added, so
   * one added since (a first status change) is indexed on its own */
  gpointer last;
} StatusIndex;

static void
status_index_free (StatusIndex *index)
{
  g_signal_handlers_disconnect_by_data (index->statuses, index);
  g_object_unref (index->statuses);
  g_clear_pointer (&index->index, g_hash_table_unref);
  g_free (index);
}

static void
on_statuses_changed_cb (
  GListModel *statuses, guint position, guint removed, guint added, StatusIndex *index)
{
  /* an append is indexed when asked for (get_index()), or was already,
   * by a handler that ran before this one */
  if (removed > 0 || (position != index->n_indexed && position + added != index->n_indexed))
    g_clear_pointer (&index->index, g_hash_table_unref);
}

static void
index_status (StatusIndex *index, VpActionStatus *status)
{
  const char *action = vp_action_status_get_action (status);
  GPtrArray *of_action = g_hash_table_lookup (index->index, action);

  if (of_action == NULL)
    {
      of_action = g_ptr_array_new_full (1, g_object_unref);
      g_hash_table_insert (index->index, g_strdup (action), of_action);
    }
  g_ptr_array_add (of_action, status);
  index->last = status;
}

/* Whether the statuses are those indexed and others after them. */
static gboolean
only_appended (StatusIndex *index, guint n)
{
  g_autoptr (GObject) last = NULL;

  if (n < index->n_indexed)
    return FALSE;
  if (index->n_indexed == 0)
    return TRUE;
  last = g_list_model_get_item (index->statuses, index->n_indexed - 1);
  return last == index->last;
}

static GQuark
index_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("vp-status-index");
  return quark;
}

static GHashTable *
get_index (VpStore *self)
{
  StatusIndex *index = g_object_get_qdata (G_OBJECT (self), index_quark ());
  guint n;

  /* shown as of a date: the statuses then, in place of those now */
  if (vp_store_get_as_of_statuses (self) != NULL)
    return vp_store_get_as_of_statuses (self);
  if (index == NULL)
    {
      index = g_new0 (StatusIndex, 1);
      index->statuses = g_object_ref (vp_store_get_records (self, VP_TYPE_ACTION_STATUS));
      g_signal_connect (index->statuses, "items-changed", G_CALLBACK (on_statuses_changed_cb),
                        index);
      g_object_set_qdata_full (G_OBJECT (self), index_quark (), index,
                               (GDestroyNotify) status_index_free);
    }
  n = g_list_model_get_n_items (index->statuses);
  if (index->index != NULL && index->n_indexed != n && !only_appended (index, n))
    g_clear_pointer (&index->index, g_hash_table_unref);
  if (index->index == NULL)
    {
      index->n_indexed = 0;
      index->last = NULL;
      index->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
    }
  /* takes the list's references */
  for (; index->n_indexed < n; index->n_indexed++)
    index_status (index, g_list_model_get_item (index->statuses, index->n_indexed));
  return index->index;
}

/**
 * vp_store_find_status:
 *
 * Returns: (transfer none) (nullable): @municipality's status of the
 *   action, %NULL when it has none (then it is planned there)
 */
VpActionStatus *
vp_store_find_status (VpStore *self, const char *action_uuid, const char *municipality)
{
  GPtrArray *of_action;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  if (action_uuid == NULL || municipality == NULL)
    return NULL;
  of_action = g_hash_table_lookup (get_index (self), action_uuid);
  for (guint i = 0; of_action != NULL && i < of_action->len; i++)
    {
      VpActionStatus *status = g_ptr_array_index (of_action, i);

      if (g_strcmp0 (vp_action_status_get_municipality (status), municipality) == 0)
        return status;
    }
  return NULL;
}

/**
 * vp_action_get_status_rule:
 *
 * Returns: whose status @action has: its lead's (a municipality), one
 *   shared, or one per participating municipality
 */
VpStatusRule
vp_action_get_status_rule (VpStore *store, VpAction *action)
{
  VpOrganisation *lead = vp_action_get_lead_kind (action) == VP_LEAD_KIND_ORGANISATION
                           ? vp_store_lookup_organisation (store, vp_action_get_lead (action))
                           : NULL;

  return vp_action_rules_status_rule (action, lead);
}

/**
 * vp_action_get_participants:
 *
 * Returns: (transfer none) (nullable): the municipality codes of the
 *   plan @action is in
 */
const char *const *
vp_action_get_participants (VpStore *store, VpAction *action)
{
  VpPriority *priority = vp_store_lookup_priority_of (store, action);
  VpRecord *plan
    = priority != NULL ? vp_store_lookup (store, vp_priority_get_plan (priority)) : NULL;

  return VP_IS_PLAN (plan) ? vp_record_get_strv (plan, "participants") : NULL;
}

static GPtrArray *
statuses_of (VpStore *store, VpAction *action)
{
  return g_hash_table_lookup (get_index (store), vp_record_get_uuid (VP_RECORD (action)));
}

/**
 * vp_action_find_shown_status:
 *
 * The status record the views show for @action: its lead's; the shared
 * status last set; or, of an action of each municipality, the home
 * municipality's own (see vp_action_get_overall_status() for all of them).
 *
 * Returns: (transfer none) (nullable): the record, %NULL when there is
 *   none (then it is planned)
 */
VpActionStatus *
vp_action_find_shown_status (VpStore *store, VpAction *action)
{
  GPtrArray *statuses;
  VpActionStatus *latest = NULL;

  switch (vp_action_get_status_rule (store, action))
    {
    case VP_STATUS_RULE_LEAD:
      return vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (action)),
                                   vp_action_get_lead (action));
    case VP_STATUS_RULE_EACH:
      return vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (action)),
                                   vp_store_get_home_municipality (store));
    case VP_STATUS_RULE_SHARED:
    default:
      statuses = statuses_of (store, action);
      for (guint i = 0; statuses != NULL && i < statuses->len; i++)
        {
          VpActionStatus *status = g_ptr_array_index (statuses, i);

          int newer = latest == NULL ? 1
                                     : g_strcmp0 (vp_record_get_modified_at (VP_RECORD (status)),
                                                  vp_record_get_modified_at (VP_RECORD (latest)));

          /* set at the same moment: every database picks the same one */
          if (newer > 0
              || (newer == 0
                  && g_strcmp0 (vp_action_status_get_municipality (status),
                                vp_action_status_get_municipality (latest))
                       > 0))
            latest = status;
        }
      return latest;
    }
}

/**
 * vp_action_get_status:
 *
 * Returns: the status the views show for @action (see
 *   vp_action_find_shown_status())
 */
VpStatus
vp_action_get_status (VpStore *store, VpAction *action)
{
  VpActionStatus *status = vp_action_find_shown_status (store, action);

  return status != NULL ? vp_action_status_get_status (status) : VP_STATUS_PLANNED;
}

/**
 * vp_action_get_overall_status:
 *
 * Of an action of each municipality, all participants' statuses in one:
 * done when all are done (or cancelled), cancelled when all cancelled,
 * in progress once any has begun, postponed when any is and none has
 * begun, else planned. Of any other action, its status.
 *
 * Returns: the status of @action as a whole
 */
VpStatus
vp_action_get_overall_status (VpStore *store, VpAction *action)
{
  const char *const *participants;
  g_autoptr (GArray) parts = NULL;

  if (vp_action_get_status_rule (store, action) != VP_STATUS_RULE_EACH)
    return vp_action_get_status (store, action);
  participants = vp_action_get_participants (store, action);
  parts = g_array_new (FALSE, FALSE, sizeof (VpStatus));
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      VpActionStatus *status
        = vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (action)), participants[i]);
      VpStatus part = status != NULL ? vp_action_status_get_status (status) : VP_STATUS_PLANNED;

      g_array_append_val (parts, part);
    }
  return vp_action_rules_overall_status ((const VpStatus *) (gpointer) parts->data, parts->len,
                                         vp_action_get_status (store, action));
}

/**
 * vp_action_check_ours:
 *
 * A partner's local action changes only by its owner's files: here it is
 * neither moved, reordered nor deleted.
 *
 * Returns: whether the home municipality may change @action; if not,
 *   @error says whose it is
 */
gboolean
vp_action_check_ours (VpStore *store, VpAction *action, GError **error)
{
  const char *owner = vp_record_get_owner (VP_RECORD (action));
  VpOrganisation *organisation;

  if (!vp_store_check_writable (store, error))
    return FALSE;
  if (vp_ownership_may_change (VP_RECORD (action), vp_store_get_home_municipality (store)))
    return TRUE;
  organisation = vp_store_lookup_organisation (store, owner);
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
               /* Translators: a partner's local action, which only the partner changes */
               _ ("This is a local action of %s: only %s changes it."),
               organisation != NULL ? vp_organisation_get_name (organisation) : owner,
               organisation != NULL ? vp_organisation_get_name (organisation) : owner);
  return FALSE;
}

/**
 * vp_action_can_set_status:
 * @keeper: (out) (optional) (transfer none): the municipality that keeps
 *   the status when it is not the home municipality
 *
 * Returns: whether the home municipality sets (its part of) @action's
 *   status: not of an action another municipality leads, nor of one of
 *   each municipality that it does not take part in, nor while the plan
 *   is shown as of a date (vp_store_dup_read_only_reason() says why)
 */
gboolean
vp_action_can_set_status (VpStore *store, VpAction *action, const char **keeper)
{
  /* nothing is set while the plan is shown as of a date */
  if (vp_store_get_as_of (store) != NULL)
    {
      if (keeper != NULL)
        *keeper = NULL;
      return FALSE;
    }
  return vp_action_rules_may_set_status (vp_action_get_status_rule (store, action), action,
                                         vp_store_get_home_municipality (store),
                                         vp_action_get_participants (store, action), keeper);
}

/**
 * vp_action_get_home_status:
 *
 * Returns: the home municipality's status of @action (planned when it
 *   has none)
 */
VpStatus
vp_action_get_home_status (VpStore *store, VpAction *action)
{
  VpActionStatus *status = vp_store_find_status (store, vp_record_get_uuid (VP_RECORD (action)),
                                                 vp_store_get_home_municipality (store));

  return status != NULL ? vp_action_status_get_status (status) : VP_STATUS_PLANNED;
}

/**
 * vp_action_is_overdue:
 *
 * Returns: whether the end of @action's quarter has passed (by the store's
 *   clock; or at the date the plan is shown as of, with the quarter it had
 *   then) while it is neither done nor cancelled (see
 *   vp_action_rules_is_overdue())
 */
gboolean
vp_action_is_overdue (VpStore *store, VpAction *action)
{
  g_autoptr (GDateTime) now = vp_store_get_shown_now (store);
  int year;
  VpQuarter quarter;

  /* as of a date: the quarter it had then */
  vp_store_get_shown_quarter (store, action, &year, &quarter);
  /* the overall status only when the quarter has passed: cheap for most */
  if (!vp_quarter_has_passed (year, quarter, now))
    return FALSE;
  return vp_rules_is_overdue_in (year, quarter, vp_action_get_overall_status (store, action), now);
}

static gboolean
add_event (VpStore *self,
           VpAction *action,
           const char *municipality,
           VpStatus from,
           VpStatus to,
           GError **error)
{
  g_autoptr (VpRecord) event = g_object_new (
    VP_TYPE_STATUS_EVENT, "action", vp_record_get_uuid (VP_RECORD (action)), "municipality",
    municipality, "kind", VP_EVENT_KIND_STATUS, "from", vp_enum_to_nick (VP_TYPE_STATUS, from),
    "to", vp_enum_to_nick (VP_TYPE_STATUS, to), NULL);

  return vp_store_insert (self, event, VP_STORE_WRITE_DEFAULT, error);
}

static gboolean
write_status (VpStore *self,
              VpAction *action,
              const char *municipality,
              VpStatus status,
              int achieved,
              const char *note,
              GError **error)
{
  VpActionStatus *current
    = vp_store_find_status (self, vp_record_get_uuid (VP_RECORD (action)), municipality);
  VpStatus before = current != NULL ? vp_action_status_get_status (current) : VP_STATUS_PLANNED;
  g_autoptr (VpRecord) created = NULL;

  /* the home municipality changes the status the views show: of a joint
   * action, the one a partner may have set last */
  if (g_strcmp0 (municipality, vp_store_get_home_municipality (self)) == 0)
    before = vp_action_get_status (self, action);

  if (current != NULL
      && !vp_store_update (self, VP_RECORD (current), error, "status", status, "achieved", achieved,
                           "note", note, NULL))
    return FALSE;
  if (current == NULL)
    {
      created = g_object_new (VP_TYPE_ACTION_STATUS, "action",
                              vp_record_get_uuid (VP_RECORD (action)), "municipality", municipality,
                              "status", status, "achieved", achieved, "note", note, NULL);
      if (!vp_store_insert (self, created, VP_STORE_WRITE_DEFAULT, error))
        return FALSE;
    }
  return before == status || add_event (self, action, municipality, before, status, error);
}

/* Whether another program (a second window, a script) wrote
 * @municipality's status of @action, or changed or deleted @action, since
 * this store read them: the file disagrees with the objects. */
static gboolean
is_changed_elsewhere (VpStore *self, VpAction *action, const char *municipality)
{
  VpActionStatus *current
    = vp_store_find_status (self, vp_record_get_uuid (VP_RECORD (action)), municipality);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *status_at = NULL;
  g_autofree char *action_at = NULL;
  gboolean has_action = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT a.modified_at, s.modified_at FROM action AS a LEFT JOIN "
                          "action_status AS s ON s.action = a.uuid AND s.municipality = ?2 "
                          "WHERE a.uuid = ?1",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, vp_record_get_uuid (VP_RECORD (action)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, municipality, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      has_action = TRUE;
      action_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      status_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return !has_action || g_strcmp0 (action_at, vp_record_get_modified_at (VP_RECORD (action))) != 0
         || g_strcmp0 (status_at,
                       current != NULL ? vp_record_get_modified_at (VP_RECORD (current)) : NULL)
              != 0;
}

/* A write refused because another program changed the status (or its
 * action) meanwhile says so: the rule it seems to break ("a record that
 * already exists") is not what happened. */
static void
explain_changed_elsewhere (VpStore *self,
                           VpAction *action,
                           const char *municipality,
                           GError **error)
{
  if (error == NULL || !g_error_matches (*error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID)
      || !is_changed_elsewhere (self, action, municipality))
    return;
  g_clear_error (error);
  g_set_error_literal (
    error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
    _ ("The status was not changed: another program or window changed this action’s status, or "
       "the action, meanwhile. Close the plan and open it again to see it as it is now."));
}

/**
 * vp_store_set_status:
 * @municipality: whose status; a municipality sets only its own
 * @note: (nullable): the evaluation note
 *
 * Sets @municipality's status, achieved count and note of @action, with a
 * status event when the status changed: in the caller's transaction, or
 * in one of its own.
 */
gboolean
vp_store_set_status (VpStore *self,
                     VpAction *action,
                     const char *municipality,
                     VpStatus status,
                     int achieved,
                     const char *note,
                     GError **error)
{
  gboolean own;
  const char *keeper;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_ACTION (action), FALSE);
  g_return_val_if_fail (municipality != NULL, FALSE);

  if (g_strcmp0 (municipality, vp_store_get_home_municipality (self)) == 0
      && !vp_action_can_set_status (self, action, &keeper))
    {
      VpOrganisation *organisation = vp_store_lookup_organisation (self, keeper);

      if (keeper != NULL)
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                     /* Translators: the status of an action another municipality leads */
                     _ ("%s leads this action and sets its status"),
                     organisation != NULL ? vp_organisation_get_name (organisation) : keeper);
      else
        g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                             _ ("This municipality does not take part in this action"));
      return FALSE;
    }
  own = !vp_store_in_transaction (self);
  if (own && !vp_store_begin (self, error))
    return FALSE;
  if (!write_status (self, action, municipality, status, achieved, note, error))
    {
      if (own)
        vp_store_rollback (self);
      explain_changed_elsewhere (self, action, municipality, error);
      return FALSE;
    }
  return !own || vp_store_commit (self, error);
}

static char *
year_quarter (int year, VpQuarter quarter)
{
  if (year == 0 || quarter == VP_QUARTER_NONE)
    return NULL;
  return g_strdup_printf ("%d-Q%d", year, (int) quarter);
}

/**
 * vp_store_note_quarter_move:
 * @action: the action, as it was before the change
 *
 * Writes a quarter event into @action's history when the change of the
 * caller's transaction moves it to another quarter (@year, @quarter): a
 * change made in the editor. Nothing when it stays, or when it has no
 * quarter after (a history names quarters).
 */
gboolean
vp_store_note_quarter_move (
  VpStore *self, VpAction *action, int year, VpQuarter quarter, GError **error)
{
  g_autofree char *from
    = year_quarter (vp_action_get_year (action), vp_action_get_quarter (action));
  g_autofree char *to = year_quarter (year, quarter);
  g_autoptr (VpRecord) event = NULL;

  g_return_val_if_fail (vp_store_in_transaction (self), FALSE);

  if (to == NULL || g_strcmp0 (from, to) == 0 || vp_store_get_home_municipality (self) == NULL)
    return TRUE;
  event = g_object_new (VP_TYPE_STATUS_EVENT, "action", vp_record_get_uuid (VP_RECORD (action)),
                        "municipality", vp_store_get_home_municipality (self), "kind",
                        VP_EVENT_KIND_QUARTER, "from", from, "to", to, NULL);
  return vp_store_insert (self, event, VP_STORE_WRITE_DEFAULT, error);
}

static gboolean
move_to_quarter (VpStore *self, VpAction *action, int year, VpQuarter quarter, GError **error)
{
  int old_year = vp_action_get_year (action);
  VpQuarter old_quarter = vp_action_get_quarter (action);
  gboolean first_move
    = vp_action_get_planned_year (action) == 0 && old_year != 0 && old_quarter != VP_QUARTER_NONE;

  return vp_store_update (
           self, VP_RECORD (action), error, "year", year, "quarter", quarter, "planned-year",
           first_move ? old_year : vp_action_get_planned_year (action), "planned-quarter",
           first_move ? old_quarter : vp_action_get_planned_quarter (action), NULL)
         && vp_store_note_quarter_move (self, action, year, quarter, error);
}

/**
 * vp_store_move_to_quarter:
 * @year: the year of @quarter
 * @quarter: the quarter, not %VP_QUARTER_NONE
 *
 * Moves @action to another quarter with a quarter event in its history:
 * in the caller's transaction, or in one of its own. The quarter it was
 * first planned in stays in the planned year and quarter.
 */
gboolean
vp_store_move_to_quarter (
  VpStore *self, VpAction *action, int year, VpQuarter quarter, GError **error)
{
  gboolean own;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_ACTION (action), FALSE);

  if (year <= 0 || quarter == VP_QUARTER_NONE)
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _ ("An action moves to a quarter of a year"));
      return FALSE;
    }
  if (vp_store_get_home_municipality (self) == NULL)
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _ ("Choose the home municipality first"));
      return FALSE;
    }
  if (!vp_action_check_ours (self, action, error))
    return FALSE;
  if (year == vp_action_get_year (action) && quarter == vp_action_get_quarter (action))
    return TRUE;
  own = !vp_store_in_transaction (self);
  if (own && !vp_store_begin (self, error))
    return FALSE;
  if (!move_to_quarter (self, action, year, quarter, error))
    {
      if (own)
        vp_store_rollback (self);
      return FALSE;
    }
  return !own || vp_store_commit (self, error);
}
