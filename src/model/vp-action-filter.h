/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTION_FILTER (vp_action_filter_get_type ())

G_DECLARE_FINAL_TYPE (VpActionFilter, vp_action_filter, VP, ACTION_FILTER, GtkFilter)

/* A facet that is not set matches every action. */
#define VP_FILTER_ANY (-1)

VpActionFilter *vp_action_filter_new (VpStore *store);
gboolean vp_action_filter_is_active (VpActionFilter *self);
void vp_action_filter_clear (VpActionFilter *self);

gboolean vp_action_is_overdue (VpStore *store, VpAction *action);
gboolean vp_action_quarter_has_passed (VpAction *action, GDateTime *now);
VpStatus vp_action_get_home_status (VpStore *store, VpAction *action);

G_END_DECLS
