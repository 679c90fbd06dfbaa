/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"
#include "vp-record-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTION_EDITOR (vp_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpActionEditor, vp_action_editor, VP, ACTION_EDITOR, VpRecordEditor)

GtkWidget *vp_action_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpAction *action, VpPriority *priority);

VpAction *vp_action_editor_get_action (VpActionEditor *self);

G_END_DECLS
