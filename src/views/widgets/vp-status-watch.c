/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-views"

#include "config.h"

#include "vp-status-watch.h"

/*
 * "An action and the status shown for it": what the list's cells, the
 * board's cards and the matrix's rows listen to, so that a change of
 * either (an edit, an undo, an import) shows. The status record an action
 * shows can come, go or be another (a partner set the shared status
 * last): the view asks vp_status_watch_update_status() again when the
 * store's statuses change, and the watch listens to the new one.
 */

static void
on_notify_cb (VpStatusWatch *watch)
{
  watch->changed (watch->data);
}

/**
 * vp_status_watch_init:
 * @changed: called when the record or its status changes
 *
 * Starts @watch, listening to nothing.
 */
void
vp_status_watch_init (VpStatusWatch *watch, VpStatusWatchFunc changed, gpointer data)
{
  *watch = (VpStatusWatch){ NULL, NULL, changed, data };
}

/**
 * vp_status_watch_update_status:
 *
 * Looks again which status record the watched action shows, and listens
 * to it.
 *
 * Returns: whether it is another than before (it came, went or changed)
 */
gboolean
vp_status_watch_update_status (VpStatusWatch *watch, VpStore *store)
{
  VpActionStatus *status = VP_IS_ACTION (watch->record)
                             ? vp_action_find_shown_status (store, VP_ACTION (watch->record))
                             : NULL;

  if (status == watch->status)
    return FALSE;
  if (watch->status != NULL)
    g_signal_handlers_disconnect_by_data (watch->status, watch);
  g_set_object (&watch->status, status);
  if (status != NULL)
    g_signal_connect_swapped (status, "notify", G_CALLBACK (on_notify_cb), watch);
  return TRUE;
}

/**
 * vp_status_watch_set_record:
 * @record: (nullable): the record to listen to, %NULL for none
 *
 * Listens to @record and, of an action, its shown status.
 */
void
vp_status_watch_set_record (VpStatusWatch *watch, VpStore *store, gpointer record)
{
  if (record != watch->record)
    {
      if (watch->record != NULL)
        g_signal_handlers_disconnect_by_data (watch->record, watch);
      g_set_object (&watch->record, record);
      if (record != NULL)
        g_signal_connect_swapped (record, "notify", G_CALLBACK (on_notify_cb), watch);
    }
  vp_status_watch_update_status (watch, store);
}

/**
 * vp_status_watch_get_record:
 *
 * Returns: (transfer none) (nullable): the record listened to
 */
gpointer
vp_status_watch_get_record (VpStatusWatch *watch)
{
  return watch->record;
}

/**
 * vp_status_watch_clear:
 *
 * Stops listening.
 */
void
vp_status_watch_clear (VpStatusWatch *watch)
{
  if (watch->record != NULL)
    g_signal_handlers_disconnect_by_data (watch->record, watch);
  if (watch->status != NULL)
    g_signal_handlers_disconnect_by_data (watch->status, watch);
  g_clear_object (&watch->record);
  g_clear_object (&watch->status);
}
