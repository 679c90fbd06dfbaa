/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "store/vp-store.h"
#include "vp-action-filter.h"

G_BEGIN_DECLS

#define VP_TYPE_VIEW (vp_view_get_type ())

G_DECLARE_INTERFACE (VpView, vp_view, VP, VIEW, GtkWidget)

struct _VpViewInterface
{
  GTypeInterface parent_iface;

  /* what the view shows; NULL when it has none (a view of all plans, one
   * without a filter) */
  VpStore *(*get_store) (VpView *self);
  VpPlan *(*get_plan) (VpView *self);
  VpActionFilter *(*get_filter) (VpView *self);
};

VpStore *vp_view_get_store (VpView *self);
VpPlan *vp_view_get_plan (VpView *self);
VpActionFilter *vp_view_get_filter (VpView *self);
void vp_view_done (VpView *self, const char *message);
void vp_view_failed (VpView *self, const char *message);

G_END_DECLS
