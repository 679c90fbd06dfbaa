/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_NEXT_YEAR_DIALOG (vp_next_year_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpNextYearDialog, vp_next_year_dialog, VP, NEXT_YEAR_DIALOG, AdwWindow)

GtkWidget *vp_next_year_dialog_new (GtkWindow *parent, VpStore *store, VpPlan *plan);
gboolean vp_next_year_dialog_make (VpNextYearDialog *self);
guint vp_next_year_dialog_count_ticked (VpNextYearDialog *self);
void vp_next_year_dialog_tick (VpNextYearDialog *self, guint index, gboolean ticked);

G_END_DECLS
