/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-record-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_DEFINITION_EDITOR (vp_definition_editor_get_type ())

G_DECLARE_FINAL_TYPE (
  VpDefinitionEditor, vp_definition_editor, VP, DEFINITION_EDITOR, VpRecordEditor)

GtkWidget *vp_definition_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpDefinition *definition, const char *section);

G_END_DECLS
