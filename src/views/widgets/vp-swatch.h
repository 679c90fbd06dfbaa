/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_SWATCH (vp_swatch_get_type ())

G_DECLARE_FINAL_TYPE (VpSwatch, vp_swatch, VP, SWATCH, GtkWidget)

void vp_swatch_set_colour (VpSwatch *self, const char *colour);

G_END_DECLS
