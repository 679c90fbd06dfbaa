/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

VpActionStatus *
vp_store_find_status (VpStore *self, const char *action_uuid, const char *municipality);
gboolean vp_store_set_status (VpStore *self,
                              VpAction *action,
                              const char *municipality,
                              VpStatus status,
                              int achieved,
                              const char *note,
                              GError **error);

G_END_DECLS
