/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "exchange/vp-change-set.h"

G_BEGIN_DECLS

/* How the import preview shows records: the words and widgets of its rows
 * (vp-import-rows.c). @records maps UUIDs to the file's records, for the
 * names of records the database does not have yet. */

char *vp_import_describe (VpStore *store, VpRecord *record);
const char *vp_import_kind_label (VpRecord *record);
char *vp_import_kind_line (VpStore *store, GHashTable *records, VpRecord *record);
VpRecord *vp_import_find (VpStore *store, GHashTable *records, const char *uuid);
VpPriority *vp_import_priority_of (VpStore *store, GHashTable *records, VpRecord *record);
char *vp_import_changed_fields (VpRecord *ours, VpRecord *theirs);
GtkWidget *vp_import_diff_new (
  VpStore *store, GHashTable *records, VpRecord *ours, VpRecord *theirs, const char *partner);

G_END_DECLS
