/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store-status.h"

G_BEGIN_DECLS

typedef void (*VpStatusWatchFunc) (gpointer data);

/* What a row, card or cell listens to: a record and, of an action, the
 * status shown for it (vp_action_find_shown_status()). Kept inside the
 * view's own per-cell struct, so that binding a cell allocates nothing. */
typedef struct
{
  /*< private >*/
  VpRecord *record;
  VpActionStatus *status;
  VpStatusWatchFunc changed;
  gpointer data;
} VpStatusWatch;

void vp_status_watch_init (VpStatusWatch *watch, VpStatusWatchFunc changed, gpointer data);
void vp_status_watch_set_record (VpStatusWatch *watch, VpStore *store, gpointer record);
gboolean vp_status_watch_update_status (VpStatusWatch *watch, VpStore *store);
gpointer vp_status_watch_get_record (VpStatusWatch *watch);
void vp_status_watch_clear (VpStatusWatch *watch);

G_END_DECLS
