/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "exchange/vp-change-set.h"

G_BEGIN_DECLS

#define VP_TYPE_IMPORT_DIALOG (vp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpImportDialog, vp_import_dialog, VP, IMPORT_DIALOG, AdwWindow)

GtkWidget *vp_import_dialog_new (GtkWindow *parent, VpStore *store, GFile *file);
VpChangeSet *vp_import_dialog_get_change_set (VpImportDialog *self);
const char *vp_import_dialog_get_error (VpImportDialog *self);
gboolean vp_import_dialog_is_loading (VpImportDialog *self);
char *vp_import_summarize (VpChangeSet *set, const char *partner_name);

G_END_DECLS
