/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store-status.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTION_FILTER (vp_action_filter_get_type ())

G_DECLARE_FINAL_TYPE (VpActionFilter, vp_action_filter, VP, ACTION_FILTER, GtkFilter)

/* A facet that is not set matches every action. */
#define VP_FILTER_ANY (-1)

VpActionFilter *vp_action_filter_new (VpStore *store);
gboolean vp_action_filter_is_active (VpActionFilter *self);
void vp_action_filter_clear (VpActionFilter *self);

/* not an action (vp_action_filter_key()) */
#define VP_ACTION_FILTER_NO_KEY G_MAXUINT

guint vp_action_filter_key (VpActionFilter *self, gpointer record);
gboolean vp_action_filter_match_key (VpActionFilter *self, guint key);
const char *vp_action_filter_key_priority (VpActionFilter *self, guint key);
VpStatus vp_action_filter_get_status (VpActionFilter *self, VpAction *action);

G_END_DECLS
