/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VP_TYPE_POKE_MODEL (vp_poke_model_get_type ())
G_DECLARE_FINAL_TYPE (VpPokeModel, vp_poke_model, VP, POKE_MODEL, GObject)

VpPokeModel *vp_poke_model_new (GListModel *source);
void vp_poke_model_prepare (VpPokeModel *self);
void vp_poke_model_poke (VpPokeModel *self, gpointer item);

G_END_DECLS
