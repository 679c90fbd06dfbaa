/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-record-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_PRIORITY_EDITOR (vp_priority_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpPriorityEditor, vp_priority_editor, VP, PRIORITY_EDITOR, VpRecordEditor)

GtkWidget *
vp_priority_editor_new (GtkWindow *parent, VpStore *store, VpPlan *plan, VpPriority *priority);

G_END_DECLS
