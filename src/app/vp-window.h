/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "vp-action-filter.h"
#include "store/vp-store.h"
#include "vp-application.h"

G_BEGIN_DECLS

#define VP_TYPE_WINDOW (vp_window_get_type ())

G_DECLARE_FINAL_TYPE (VpWindow, vp_window, VP, WINDOW, AdwApplicationWindow)

VpWindow *vp_window_new (VpApplication *application, VpStore *store);
VpWindow *vp_window_new_opening (VpApplication *application, const char *path);
void vp_window_set_store (VpWindow *self, VpStore *store);
void vp_window_set_opening_progress (VpWindow *self, double fraction);
VpStore *vp_window_get_store (VpWindow *self);
const char *vp_window_get_path (VpWindow *self);
VpPlan *vp_window_get_plan (VpWindow *self);
VpActionFilter *vp_window_get_filter (VpWindow *self);
void vp_window_import_file (VpWindow *self, GFile *file);
gboolean vp_window_show_as_of (VpWindow *self, const char *date, GError **error);

/* vp-window-backup.c */
char *vp_window_describe_backup_time (GDateTime *time);
const char *vp_window_describe_backup_reason (const char *reason);

G_END_DECLS
