/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-views"

#include "config.h"

#include "vp-view.h"

/*
 * What every view of the plan takes and reports, whatever it shows: the
 * store, and where it has them the plan and the filter it shows by; and the "done" signal (a
 * change made in it succeeded: a message for a toast) and "failed" (it
 * failed: the error's message), which the window shows the same way for
 * every view.
 */

G_DEFINE_INTERFACE (VpView, vp_view, GTK_TYPE_WIDGET)

static void
vp_view_default_init (VpViewInterface *iface)
{
  /**
   * VpView::done:
   * @message: what was done, for a toast: "Goal deleted"
   */
  g_signal_new ("done", VP_TYPE_VIEW, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                G_TYPE_STRING);
  /**
   * VpView::failed:
   * @message: why a change was not made
   */
  g_signal_new ("failed", VP_TYPE_VIEW, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                G_TYPE_STRING);
}

/**
 * vp_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store @self shows
 */
VpStore *
vp_view_get_store (VpView *self)
{
  g_return_val_if_fail (VP_IS_VIEW (self), NULL);

  return VP_VIEW_GET_IFACE (self)->get_store (self);
}

/**
 * vp_view_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan @self shows, %NULL for a
 *   view of all plans
 */
VpPlan *
vp_view_get_plan (VpView *self)
{
  VpViewInterface *iface;

  g_return_val_if_fail (VP_IS_VIEW (self), NULL);

  iface = VP_VIEW_GET_IFACE (self);
  return iface->get_plan != NULL ? iface->get_plan (self) : NULL;
}

/**
 * vp_view_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter @self shows by, %NULL
 *   for a view that shows everything
 */
VpActionFilter *
vp_view_get_filter (VpView *self)
{
  VpViewInterface *iface;

  g_return_val_if_fail (VP_IS_VIEW (self), NULL);

  iface = VP_VIEW_GET_IFACE (self);
  return iface->get_filter != NULL ? iface->get_filter (self) : NULL;
}

/**
 * vp_view_done:
 * @message: what was done, for a toast
 *
 * Emits "done".
 */
void
vp_view_done (VpView *self, const char *message)
{
  g_signal_emit_by_name (self, "done", message);
}

/**
 * vp_view_failed:
 * @message: why a change was not made
 *
 * Emits "failed".
 */
void
vp_view_failed (VpView *self, const char *message)
{
  g_signal_emit_by_name (self, "failed", message);
}
