/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_IMPORT_HISTORY (vp_import_history_get_type ())

G_DECLARE_FINAL_TYPE (VpImportHistory, vp_import_history, VP, IMPORT_HISTORY, AdwWindow)

GtkWidget *vp_import_history_new (GtkWindow *parent, VpStore *store);

G_END_DECLS
