/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "rules/vp-action-rules.h"
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
gboolean vp_store_note_quarter_move (
  VpStore *self, VpAction *action, int year, VpQuarter quarter, GError **error);
gboolean vp_store_move_to_quarter (
  VpStore *self, VpAction *action, int year, VpQuarter quarter, GError **error);

VpStatusRule vp_action_get_status_rule (VpStore *store, VpAction *action);
const char *const *vp_action_get_participants (VpStore *store, VpAction *action);
VpActionStatus *vp_action_find_shown_status (VpStore *store, VpAction *action);
VpStatus vp_action_get_status (VpStore *store, VpAction *action);
VpStatus vp_action_get_overall_status (VpStore *store, VpAction *action);
gboolean vp_action_check_ours (VpStore *store, VpAction *action, GError **error);
gboolean vp_action_can_set_status (VpStore *store, VpAction *action, const char **keeper);
VpStatus vp_action_get_home_status (VpStore *store, VpAction *action);
gboolean vp_action_is_overdue (VpStore *store, VpAction *action);

G_END_DECLS
