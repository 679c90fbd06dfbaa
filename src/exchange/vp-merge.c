/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rules/vp-ownership.h"
#include "vp-exchange-private.h"

/*
 * How a record of a partner's file relates to ours: the rules that keep
 * everybody's work (data/README.md, "Importing").
 *
 * - Owned records (an owner, or a status's municipality) change only by
 *   their owner: a version stamped by anyone else is refused. And what
 *   the home municipality owns changes only here: a partner's file may
 *   bring it back when it is missing, but never a newer version of it.
 * - A version here by one who may not change it (made before the store
 *   refused such writes) was refused by every partner: the version of
 *   one who may change it is taken back, newer or not, so that it
 *   settles.
 * - Otherwise compare with the versions both sides last had. Theirs is
 *   news when it is newer than the version last taken from this partner
 *   (or, never having taken one from it, the newest taken from anyone),
 *   newer than every version taken from anyone (a version passed on by a
 *   third is no news), and not the version we sent (our own, back). Ours
 *   changed when it is newer than the versions both sides may have had:
 *   those taken from anyone, and the one we sent if theirs is newer than
 *   it (a partner may have built on what we sent; a version older than it
 *   was made without it). A file that says which version theirs was
 *   changed from (its "base", exchange format 2) settles that guess:
 *   ours changed unless it is that version (or one taken from a partner),
 *   so two partners that both changed a record before taking the other's
 *   change both see the conflict, whichever change is older. News on both
 *   sides: a conflict. Else the newer version wins. The same fields,
 *   newer, are a conflict settled there the way we have it: its stamps
 *   are taken, so that both sides end with the same. A conflict decided
 *   either way is
 *   stamped anew (see vp-change-set.c), so the decision travels.
 * - A deletion is a version too, stamped when it was made: by the same
 *   rules it removes a record that was not changed here since (after a
 *   person agreed), is a conflict with one that was (or with anything
 *   that belongs to it and was), and is left alone when our version is
 *   newer. Only the owner of a record deletes it; a joint record, anyone
 *   of the coalition.
 */

/* "Barneveld" for "barneveld", as far as the database knows it. */
static const char *
name_of (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

static gboolean
is_ours (VpStore *store, const char *partner, VpRecord *record)
{
  const char *home = vp_store_get_home_municipality (store);

  return home != NULL && g_strcmp0 (vp_record_get_owner (record), home) == 0
         && g_strcmp0 (partner, home) != 0;
}

static char *
explain_not_owner (VpStore *store, const char *owner, const char *by)
{
  /* Translators: a partner's file changes a record of another municipality:
   * "Only Nijkerk changes it; this version is by Barneveld." */
  return g_strdup_printf (_ ("Only %s changes it; this version is by %s."), name_of (store, owner),
                          name_of (store, by));
}

static char *
explain_ours (VpStore *store)
{
  /* Translators: %s is this database's municipality */
  return g_strdup_printf (_ ("Records of %s change only here."),
                          name_of (store, vp_store_get_home_municipality (store)));
}

typedef struct
{
  char *there;
  char *taken;
  char *sent;
} Bases;

static void
bases_clear (Bases *bases)
{
  g_free (bases->there);
  g_free (bases->taken);
  g_free (bases->sent);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bases, bases_clear)

/* Whether theirs (a version, or a deletion) is news. */
static gboolean
is_changed_there (VpStore *store, const char *partner, const char *uuid, const char *theirs)
{
  g_auto (Bases) bases = { NULL };

  vp_store_get_sync_bases (store, partner, uuid, &bases.there, &bases.taken, &bases.sent);
  return (bases.there == NULL || strcmp (theirs, bases.there) > 0)
         && (bases.taken == NULL || strcmp (theirs, bases.taken) > 0)
         && g_strcmp0 (theirs, bases.sent) != 0;
}

/* Whether ours changed since the versions both sides may have had when
 * theirs was made. When the file says which version theirs was changed
 * from (@base), ours changed unless it is that one, or one taken from a
 * partner (a third's version: its conflict is that partner's). Else we
 * guess: a partner may have built on the version we sent, if theirs is
 * newer. A record that was never exchanged is new here when it belongs
 * to another one (@new_is_change), which is what the deletion of that one
 * must not take along unasked. */
static gboolean
is_changed_here (VpStore *store,
                 const char *partner,
                 VpRecord *record,
                 const char *theirs,
                 const char *base,
                 gboolean new_is_change)
{
  g_auto (Bases) bases = { NULL };
  const char *ours = vp_record_get_modified_at (record);
  const char *common;

  vp_store_get_sync_bases (store, partner, vp_record_get_uuid (record), &bases.there, &bases.taken,
                           &bases.sent);
  if (base != NULL)
    {
      if (strcmp (ours, base) == 0)
        return FALSE;
      return bases.taken == NULL ? bases.sent != NULL || new_is_change
                                 : strcmp (ours, bases.taken) > 0;
    }
  common = bases.taken;
  if (bases.sent != NULL && strcmp (bases.sent, theirs) <= 0
      && (common == NULL || strcmp (bases.sent, common) > 0))
    common = bases.sent;
  if (common == NULL)
    return bases.sent != NULL || new_is_change;
  return strcmp (ours, common) > 0;
}

/**
 * vp_merge_get_base:
 * @incoming: a record of a partner's file
 *
 * Returns: (nullable): the version its writer changed it from, if the
 *   file says (its "base")
 */
const char *
vp_merge_get_base (VpRecord *incoming)
{
  return g_object_get_data (G_OBJECT (incoming), "vp-merge-base");
}

static VpChangeKind
classify_existing (
  VpStore *store, const char *partner, VpRecord *incoming, VpRecord *local, char **reason)
{
  const char *theirs = vp_record_get_modified_at (incoming);
  const char *ours = vp_record_get_modified_at (local);
  gboolean changed_there = is_changed_there (store, partner, vp_record_get_uuid (incoming), theirs);
  gboolean changed_here
    = is_changed_here (store, partner, local, theirs, vp_merge_get_base (incoming), FALSE);

  if (strcmp (theirs, ours) > 0 && is_ours (store, partner, incoming))
    {
      *reason = explain_ours (store);
      return VP_CHANGE_REFUSED;
    }
  if (changed_there && changed_here)
    return VP_CHANGE_CONFLICT;
  return strcmp (theirs, ours) > 0 ? VP_CHANGE_UPDATED : VP_CHANGE_OLDER;
}

/* Whether our version of a record was made by one who may not change it
 * (an older release let a municipality change another's record from the
 * command line): its owner's partners all refuse it, so it would never
 * settle. */
static gboolean
is_refused_version (VpRecord *local)
{
  return !vp_ownership_may_change (local, vp_record_get_modified_by (local));
}

static char *
explain_taken_back (VpStore *store, VpRecord *local, const char *by)
{
  /* Translators: our version of another municipality's record was made
   * here by one who may not change it; the owner's version is taken back:
   * "Only Nijkerk changes it: its version replaces the one Barneveld made." */
  return g_strdup_printf (_ ("Only %s changes it: its version replaces the one %s made."),
                          name_of (store, by), name_of (store, vp_record_get_modified_by (local)));
}

/**
 * vp_merge_classify:
 * @partner: the code of the municipality whose database wrote the file
 * @local: (nullable): our version of @incoming
 * @reason: (out) (transfer full): why it is refused, or %NULL
 *
 * Returns: what importing @incoming would do
 */
VpChangeKind
vp_merge_classify (
  VpStore *store, const char *partner, VpRecord *incoming, VpRecord *local, char **reason)
{
  const char *owner = vp_record_get_owner (incoming);
  const char *by = vp_record_get_modified_by (incoming);

  *reason = NULL;
  if (local != NULL && vp_record_fields_equal (incoming, local))
    {
      /* the same, stamped later (a conflict settled there the way we
       * have it): taken, so that both sides have the same stamps */
      if (strcmp (vp_record_get_modified_at (incoming), vp_record_get_modified_at (local)) > 0
          && !is_ours (store, partner, incoming) && vp_ownership_may_change (local, by)
          && vp_ownership_may_change (incoming, by))
        return VP_CHANGE_UPDATED;
      return VP_CHANGE_UNCHANGED;
    }
  if (local == NULL
        ? !vp_ownership_may_add (incoming, by)
        : !vp_ownership_may_change (incoming, by) || !vp_ownership_may_change (local, by))
    {
      /* whose it is here, if the file gave it to another */
      if (local != NULL && !vp_ownership_may_change (local, by))
        owner = vp_record_get_owner (local);
      *reason = explain_not_owner (store, owner, vp_record_get_modified_by (incoming));
      return VP_CHANGE_REFUSED;
    }
  if (local == NULL)
    return VP_CHANGE_ADDED;
  if (is_refused_version (local) && vp_ownership_may_change (incoming, by))
    {
      *reason = explain_taken_back (store, local, by);
      return VP_CHANGE_UPDATED;
    }
  return classify_existing (store, partner, incoming, local, reason);
}

/**
 * vp_merge_collect_belonging:
 * @into: (element-type VpRecord): where to add them
 *
 * Adds the records that belong to @record (its priorities, actions, their
 * statuses, …), depth first: what deleting it deletes with it.
 */
void
vp_merge_collect_belonging (VpStore *store, VpRecord *record, GPtrArray *into)
{
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *list;

      if (kinds[k].parent_type != G_OBJECT_TYPE (record))
        continue;
      list = vp_store_get_records (store, kinds[k].child_type);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) child = g_list_model_get_item (list, i);

          if (g_strcmp0 (vp_record_get_parent_uuid (child), vp_record_get_uuid (record)) != 0)
            continue;
          g_ptr_array_add (into, g_object_ref (child));
          vp_merge_collect_belonging (store, child, into);
        }
    }
}

/* Whether @local, or anything that belongs to it, changed here since the
 * last exchange. */
static gboolean
is_subtree_changed_here (VpStore *store, const char *partner, VpRecord *local, const char *theirs)
{
  g_autoptr (GPtrArray) belonging = g_ptr_array_new_with_free_func (g_object_unref);

  if (is_changed_here (store, partner, local, theirs, NULL, FALSE))
    return TRUE;
  vp_merge_collect_belonging (store, local, belonging);
  for (guint i = 0; i < belonging->len; i++)
    {
      if (is_changed_here (store, partner, g_ptr_array_index (belonging, i), theirs, NULL, TRUE))
        return TRUE;
    }
  return FALSE;
}

/* A deletion a partner's file puts in the home municipality's name, of a
 * record the home database still has: it did not make it (its own
 * deletions are made here, and a record it deleted is not here). */
static gboolean
is_claimed_here (VpStore *store, const char *partner, const VpTombstone *tombstone)
{
  const char *home = vp_store_get_home_municipality (store);

  return home != NULL && g_strcmp0 (tombstone->deleted_by, home) == 0
         && g_strcmp0 (partner, home) != 0;
}

/* How a record shows in a message: its title or text, shortened; a
 * status or an event by its action's. */
static char *
describe_record (VpStore *store, VpRecord *record)
{
  static const char *const fields[] = { "title", "term", "text" };
  const char *text = NULL;
  VpRecord *action;

  if (VP_IS_ACTION_STATUS (record) || VP_IS_STATUS_EVENT (record))
    {
      action = vp_store_lookup (store, vp_record_get_string (record, "action"));
      if (action != NULL)
        record = action;
    }
  for (gsize i = 0; text == NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i]) != NULL)
      text = vp_record_get_string (record, fields[i]);
  if (text == NULL || *text == '\0')
    text = vp_record_get_uuid (record);
  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 59);

      return g_strdup_printf ("“%s…”", start);
    }
  return g_strdup_printf ("“%s”", text);
}

/* Whether @record refers to the organisation @code: as its lead, owner or
 * municipality (the fields that name an organisation by its code). */
static gboolean
refers_to (VpRecord *record, const char *code)
{
  static const char *const fields[] = { "lead", "owner", "municipality" };
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_object_class_find_property (klass, fields[i]) != NULL
        && g_strcmp0 (vp_record_get_string (record, fields[i]), code) == 0)
      return TRUE;
  return FALSE;
}

/* The records here that refer to @organisation, which the database keeps
 * from being deleted under them. */
static GPtrArray *
find_users (VpStore *store, VpOrganisation *organisation)
{
  GType types[]
    = { VP_TYPE_PLAN,   VP_TYPE_PRIORITY,      VP_TYPE_SUBTHEME,     VP_TYPE_GOAL,
        VP_TYPE_ACTION, VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION };
  const char *code = vp_organisation_get_code (organisation);
  GPtrArray *users = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *list = vp_store_get_records (store, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

          if (refers_to (record, code))
            g_ptr_array_add (users, g_object_ref (record));
        }
    }
  return users;
}

/* Why an organisation that records here still refer to is not deleted:
 * naming the first few of them. */
static char *
explain_in_use (VpStore *store, GPtrArray *users)
{
  g_autoptr (GString) list = g_string_new (NULL);
  guint shown = MIN (users->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *name = describe_record (store, g_ptr_array_index (users, i));

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, name);
    }
  if (users->len > shown)
    return g_strdup_printf (
      /* Translators: a partner deleted an organisation that records here still
       * name; the first %s lists a few of them, %u how many more there are */
      ngettext (
        "Still in use here, by %s and %u more record: it stays until nothing refers to it.",
        "Still in use here, by %s and %u more records: it stays until nothing refers to it.",
        users->len - shown),
      list->str, users->len - shown);
  /* Translators: a partner deleted an organisation that records here still
   * name; %s lists them */
  return g_strdup_printf (_ ("Still in use here, by %s: it stays until nothing refers to it."),
                          list->str);
}

/**
 * vp_merge_classify_deletion:
 * @tombstone: a partner's deletion of @local
 * @reason: (out) (transfer full): why it is refused or left alone, or
 *   %NULL
 *
 * Returns: what taking the deletion would do: %VP_CHANGE_DELETED,
 *   %VP_CHANGE_CONFLICT, %VP_CHANGE_OLDER or %VP_CHANGE_REFUSED
 */
VpChangeKind
vp_merge_classify_deletion (
  VpStore *store, const char *partner, const VpTombstone *tombstone, VpRecord *local, char **reason)
{
  const char *owner = vp_record_get_owner (local);
  const char *theirs = tombstone->deleted_at;

  *reason = NULL;
  if (is_ours (store, partner, local))
    {
      *reason = explain_ours (store);
      return VP_CHANGE_REFUSED;
    }
  if (is_claimed_here (store, partner, tombstone))
    {
      /* Translators: a partner's file says this database's municipality
       * deleted a record it still has: "Nijkerk did not delete it: …" */
      *reason = g_strdup_printf (
        _ ("%s did not delete it: a deletion by %s is made only here, and this database has none."),
        name_of (store, tombstone->deleted_by), name_of (store, tombstone->deleted_by));
      return VP_CHANGE_REFUSED;
    }
  if (!vp_ownership_may_change (local, tombstone->deleted_by))
    {
      /* Translators: a partner's file deletes a record of another municipality:
       * "Only Nijkerk deletes it; Barneveld deleted it." */
      *reason = g_strdup_printf (_ ("Only %s deletes it; %s deleted it."), name_of (store, owner),
                                 name_of (store, tombstone->deleted_by));
      return VP_CHANGE_REFUSED;
    }
  {
    VpRecord *part = vp_store_find_protected_part (store, local, tombstone->deleted_by);

    /* taking it would take another's record with it (the store refuses) */
    if (part != NULL)
      {
        /* Translators: a partner's file deletes a joint record that holds another
         * municipality's record: "It holds a record of Rhenen, which only Rhenen
         * deletes; Veenendaal deleted it." */
        *reason = g_strdup_printf (_ ("It holds a record of %s, which only %s deletes; %s "
                                      "deleted it."),
                                   name_of (store, vp_record_get_owner (part)),
                                   name_of (store, vp_record_get_owner (part)),
                                   name_of (store, tombstone->deleted_by));
        return VP_CHANGE_REFUSED;
      }
  }
  if (VP_IS_ORGANISATION (local))
    {
      g_autoptr (GPtrArray) users = find_users (store, VP_ORGANISATION (local));

      /* taking it would fail the whole import, and every later file of
       * the partner, which carries the deletion too */
      if (users->len > 0)
        {
          *reason = explain_in_use (store, users);
          return VP_CHANGE_REFUSED;
        }
    }
  if (is_changed_there (store, partner, tombstone->uuid, theirs)
      && is_subtree_changed_here (store, partner, local, theirs))
    return VP_CHANGE_CONFLICT;
  if (strcmp (theirs, vp_record_get_modified_at (local)) > 0)
    return VP_CHANGE_DELETED;
  *reason = g_strdup (_ ("Changed here after it was deleted there."));
  return VP_CHANGE_OLDER;
}

/**
 * vp_merge_tombstone_applies:
 * @tombstone: (nullable): our tombstone of @incoming's UUID
 *
 * A record this database deleted comes back in a partner's file: whether
 * our deletion counts for it. A tombstone of an owned record by anyone
 * but its owner does not.
 */
gboolean
vp_merge_tombstone_applies (const VpTombstone *tombstone, VpRecord *incoming)
{
  if (tombstone == NULL)
    return FALSE;
  return vp_ownership_may_change (incoming, tombstone->deleted_by);
}
