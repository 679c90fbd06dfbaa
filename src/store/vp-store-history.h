/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

/* A fact of an action's local history beside its status events (schema 4,
 * action_fact): when it came into this database, or an achieved count one
 * municipality's status had from a moment on. */
typedef struct
{
  char *action;
  /* "" for a creation */
  char *municipality;
  gboolean created;
  int achieved;
  char *at;
} VpActionFact;

void vp_action_fact_free (VpActionFact *fact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpActionFact, vp_action_fact_free)

GPtrArray *vp_store_list_action_facts (VpStore *self, GError **error);

G_END_DECLS
