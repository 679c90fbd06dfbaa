/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_HOME_DIALOG (vp_home_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpHomeDialog, vp_home_dialog, VP, HOME_DIALOG, AdwMessageDialog)

GtkWidget *vp_home_dialog_new (GtkWindow *parent, VpStore *store);
char *vp_home_dialog_dup_choice (VpHomeDialog *self);

G_END_DECLS
