/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-exchange.h"

G_BEGIN_DECLS

/* How records nest in an exchange file: a plan's "priorities", … */
typedef struct
{
  GType parent_type;
  const char *key;
  GType child_type;
} VpChildKind;

const VpChildKind *vp_exchange_child_kinds (guint *n_kinds);
const char *vp_exchange_key (GParamSpec *field);
int vp_exchange_key_since (GType type, GParamSpec *field);
GParamSpec *vp_exchange_sort_field (GType type);
int vp_exchange_compare_records (gconstpointer a, gconstpointer b, gpointer sort_field);

/* vp-merge.c */
const char *vp_merge_get_base (VpRecord *incoming);
VpChangeKind vp_merge_classify (
  VpStore *store, const char *partner, VpRecord *incoming, VpRecord *local, char **reason);
VpChangeKind vp_merge_classify_deletion (VpStore *store,
                                         const char *partner,
                                         const VpTombstone *tombstone,
                                         VpRecord *local,
                                         char **reason);
gboolean vp_merge_tombstone_applies (const VpTombstone *tombstone, VpRecord *incoming);
void vp_merge_collect_belonging (VpStore *store, VpRecord *record, GPtrArray *into);

G_END_DECLS
