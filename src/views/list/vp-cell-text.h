/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_CELL_TEXT (vp_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (VpCellText, vp_cell_text, VP, CELL_TEXT, GtkWidget)

GtkWidget *vp_cell_text_new (int min_chars, int nat_chars, int min_lines, int nat_lines);
void vp_cell_text_set_text (VpCellText *self, const char *text);
const char *vp_cell_text_get_text (VpCellText *self);
void vp_cell_text_set_spoken (VpCellText *self, const char *spoken);
void vp_cell_text_set_attributes (VpCellText *self, PangoAttrList *attributes);
PangoAttrList *vp_cell_text_get_attributes (VpCellText *self);
void vp_cell_text_set_yalign (VpCellText *self, float yalign);
void vp_cell_text_get_font_size (VpCellText *self, int *char_width, int *line_height);
gboolean vp_cell_text_is_cut (VpCellText *self);
void vp_cell_text_wrap_layout (PangoLayout *layout, int width);
guint vp_cell_text_count_shaped (void);

G_END_DECLS
