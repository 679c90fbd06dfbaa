/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store.h"

G_BEGIN_DECLS

/* Adds a large plan to @store, in the caller's transaction: the three
 * municipalities and Politie, one 2024 plan of Nijkerk, about
 * @n_actions / 200 priorities (at least five) with sub-themes A–C, and
 * @n_actions actions whose texts are made of the example plan's sentences.
 * About 40% of the actions get a status of the home municipality. The same
 * @seed gives the same plan (UUIDs included). Returns the plan (the store
 * holds it once the transaction is committed). */
VpPlan *vp_generate_plan (VpStore *store, guint n_actions, guint32 seed, GError **error);

G_END_DECLS
