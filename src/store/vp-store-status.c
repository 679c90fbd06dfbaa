/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include "vp-store-status.h"

/*
 * An action's status as one municipality keeps it, and its history: the
 * one way every view and editor changes a status, so that each change
 * writes a status event beside it.
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
  g_clear_pointer (&index->index, g_hash_table_unref);
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

  if (index == NULL)
    {
      index = g_new0 (StatusIndex, 1);
      index->statuses = g_object_ref (vp_store_get_records (self, VP_TYPE_ACTION_STATUS));
      g_signal_connect (index->statuses, "items-changed", G_CALLBACK (on_statuses_changed_cb),
                        index);
      g_object_set_qdata_full (G_OBJECT (self), index_quark (), index,
                               (GDestroyNotify) status_index_free);
    }
  if (index->index != NULL && index->n_indexed != g_list_model_get_n_items (index->statuses))
    g_clear_pointer (&index->index, g_hash_table_unref);
  if (index->index == NULL)
    {
      guint n = g_list_model_get_n_items (index->statuses);

      index->n_indexed = n;
      index->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < n; i++)
        {
          VpActionStatus *status = g_list_model_get_item (index->statuses, i);
          const char *action = vp_action_status_get_action (status);
          GPtrArray *of_action = g_hash_table_lookup (index->index, action);

          if (of_action == NULL)
            {
              of_action = g_ptr_array_new_full (1, g_object_unref);
              g_hash_table_insert (index->index, g_strdup (action), of_action);
            }
          g_ptr_array_add (of_action, status);
        }
    }
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

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_ACTION (action), FALSE);
  g_return_val_if_fail (municipality != NULL, FALSE);

  own = !vp_store_in_transaction (self);
  if (own && !vp_store_begin (self, error))
    return FALSE;
  if (!write_status (self, action, municipality, status, achieved, note, error))
    {
      if (own)
        vp_store_rollback (self);
      return FALSE;
    }
  return !own || vp_store_commit (self, error);
}
