/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-record-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_SUBTHEME_EDITOR (vp_subtheme_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpSubthemeEditor, vp_subtheme_editor, VP, SUBTHEME_EDITOR, VpRecordEditor)

GtkWidget *vp_subtheme_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpSubtheme *subtheme, VpPriority *priority);

G_END_DECLS
