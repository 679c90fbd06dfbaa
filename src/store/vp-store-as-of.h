/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

gboolean
vp_store_set_as_of (VpStore *self, GDateTime *as_of, GHashTable *statuses, GHashTable *quarters);
void vp_store_get_shown_quarter (VpStore *self, VpAction *action, int *year, VpQuarter *quarter);
GDateTime *vp_store_get_as_of (VpStore *self);
GDateTime *vp_store_get_shown_now (VpStore *self);
gboolean vp_store_is_shown (VpStore *self, gpointer action);
char *vp_store_dup_read_only_reason (VpStore *self);
gboolean vp_store_check_writable (VpStore *self, GError **error);
char *vp_store_format_day (GDateTime *time);

/* vp-store-status.c: the statuses of the date, in place of the store's */
GHashTable *vp_store_get_as_of_statuses (VpStore *self);

G_END_DECLS
