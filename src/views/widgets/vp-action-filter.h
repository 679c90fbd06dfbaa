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

G_END_DECLS
