/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <string.h>

#include "vp-exchange-private.h"

/*
 * How a record of a partner's file relates to ours: the rules that keep
 * everybody's work (data/README.md, "Importing").
 *
 * - Owned records (an owner, or a status's municipality) change only by
 *   their owner: a version stamped by anyone else is refused. And what
 *   the home municipality owns changes only here: a partner's file may
 *   bring it back when it is missing, but never a newer version of it.
 * - Otherwise compare with the versions both sides last had: "there" is
 *   the version last taken from this partner (or, never having taken one
 *   from it, the newest taken from or sent to anyone); "here" is the
 *   newest version taken from or sent to anyone. Theirs changed when it
 *   is newer than both (a version seen before is no change); ours when it
 *   is newer than "here". Changed on both sides: a conflict. Else the
 *   newer version wins.
 */

static const char *
owner_of (VpRecord *record)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);

  if (g_object_class_find_property (klass, "owner") != NULL)
    return vp_record_get_string (record, "owner");
  if (g_object_class_find_property (klass, "municipality") != NULL)
    return vp_record_get_string (record, "municipality");
  return NULL;
}

static gboolean
is_refused (VpRecord *incoming)
{
  const char *owner = owner_of (incoming);

  return owner != NULL && *owner != '\0'
         && g_strcmp0 (vp_record_get_modified_by (incoming), owner) != 0;
}

static gboolean
is_ours (VpStore *store, const char *partner, VpRecord *incoming)
{
  const char *home = vp_store_get_home_municipality (store);

  return home != NULL && g_strcmp0 (owner_of (incoming), home) == 0
         && g_strcmp0 (partner, home) != 0;
}

static VpChangeKind
classify_existing (VpStore *store, const char *partner, VpRecord *incoming, VpRecord *local)
{
  const char *uuid = vp_record_get_uuid (incoming);
  const char *theirs = vp_record_get_modified_at (incoming);
  const char *ours = vp_record_get_modified_at (local);
  g_autofree char *base_there = vp_store_dup_sync_base (store, partner, uuid);
  g_autofree char *base_here = vp_store_dup_latest_sync_base (store, uuid);
  /* a version we took or sent already is no change of theirs */
  gboolean changed_there = (base_there == NULL || strcmp (theirs, base_there) > 0)
                           && (base_here == NULL || strcmp (theirs, base_here) > 0);
  gboolean changed_here = base_here != NULL && strcmp (ours, base_here) > 0;

  if (strcmp (theirs, ours) > 0 && is_ours (store, partner, incoming))
    return VP_CHANGE_REFUSED;
  if (changed_there && changed_here)
    return VP_CHANGE_CONFLICT;
  return strcmp (theirs, ours) > 0 ? VP_CHANGE_UPDATED : VP_CHANGE_OLDER;
}

/**
 * vp_merge_classify:
 * @partner: the code of the municipality whose database wrote the file
 * @local: (nullable): our version of @incoming
 *
 * Returns: what importing @incoming would do
 */
VpChangeKind
vp_merge_classify (VpStore *store, const char *partner, VpRecord *incoming, VpRecord *local)
{
  if (local != NULL && vp_record_fields_equal (incoming, local))
    return VP_CHANGE_UNCHANGED;
  if (is_refused (incoming))
    return VP_CHANGE_REFUSED;
  if (local == NULL)
    return VP_CHANGE_ADDED;
  return classify_existing (store, partner, incoming, local);
}
