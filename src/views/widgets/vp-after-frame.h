/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*VpAfterFrameFunc) (GtkWidget *widget, gpointer data);

void
vp_after_frame (GtkWidget *widget, VpAfterFrameFunc func, gpointer data, GDestroyNotify destroy);

int vp_first_frame_height (GtkWidget *widget);
guint vp_first_frame_rows (GtkWidget *row);

G_END_DECLS
