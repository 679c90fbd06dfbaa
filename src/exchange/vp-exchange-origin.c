/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-exchange-private.h"

/*
 * Whether a valid exchange file is one to import here: from a partner
 * (not from this database's own municipality), of this coalition's plan,
 * and newer than the last file imported from that partner. The reader
 * checks a file's contents; these are the mistakes of picking the wrong
 * file, which the window (and the command line, less strictly) refuse
 * with a message that says which file it was.
 */

static const char *
name_of (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

/* The plans of the file, as the change set has them. */
static GPtrArray *
file_plans (VpChangeSet *set)
{
  GListModel *changes = vp_change_set_get_changes (set);
  GPtrArray *plans = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);
      VpRecord *incoming = vp_change_get_incoming (change);

      if (VP_IS_PLAN (incoming) && vp_change_get_deletion (change) == VP_DELETION_NONE)
        g_ptr_array_add (plans, incoming);
    }
  return plans;
}

static gboolean
takes_part (VpPlan *plan, const char *code)
{
  const char *const *participants = vp_record_get_strv (VP_RECORD (plan), "participants");

  return g_strcmp0 (vp_plan_get_owner (plan), code) == 0
         || (participants != NULL && g_strv_contains (participants, code));
}

/* A plan of this database with the same title and years but another UUID:
 * a partner that typed the plan instead of importing it. Taking it would
 * double every priority and action. */
static VpPlan *
find_lookalike (VpStore *store, VpPlan *plan)
{
  GListModel *plans = vp_store_get_records (store, VP_TYPE_PLAN);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (VpPlan) ours = g_list_model_get_item (plans, i);

      if (g_strcmp0 (vp_record_get_uuid (VP_RECORD (ours)), vp_record_get_uuid (VP_RECORD (plan)))
            != 0
          && g_strcmp0 (vp_plan_get_title (ours), vp_plan_get_title (plan)) == 0
          && vp_plan_get_first_year (ours) == vp_plan_get_first_year (plan)
          && vp_plan_get_last_year (ours) == vp_plan_get_last_year (plan))
        return ours;
    }
  return NULL;
}

static gboolean
check_plans (VpStore *store, VpChangeSet *set, GError **error)
{
  const char *home = vp_store_get_home_municipality (store);
  g_autoptr (GPtrArray) plans = file_plans (set);
  gboolean ours = FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      VpPlan *plan = g_ptr_array_index (plans, i);

      ours = ours || takes_part (plan, home);
      if (find_lookalike (store, plan) != NULL)
        {
          g_set_error (
            error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_OTHER_PLAN,
            /* Translators: %s is a plan's title */
            _ ("The file holds a plan “%s” that is not the one of the same name here: the two "
               "were made separately, so importing would put every priority and action in twice. "
               "Ask the partner for an export of the plan they imported from this coalition."),
            vp_plan_get_title (plan));
          return FALSE;
        }
    }
  if (plans->len > 0 && !ours)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_OTHER_COALITION,
                   /* Translators: %s is this database's municipality */
                   _ ("The file holds the plan of another coalition: %s does not take part in it."),
                   name_of (store, home));
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_exchange_format_time:
 * @stamp: a time as files and the database write it
 *
 * Returns: (transfer full): the time for people, in local time: "1 July
 *   2024, 14:00"
 */
char *
vp_exchange_format_time (const char *stamp)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (stamp, NULL);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* Translators: a date and time, see g_date_time_format(): "1 July 2024, 14:00" */
  return local != NULL ? g_date_time_format (local, _ ("%-d %B %Y, %H:%M")) : g_strdup (stamp);
}

static gboolean
check_newer (VpStore *store, VpChangeSet *set, VpOriginFlags flags, GError **error)
{
  const char *partner = vp_change_set_get_partner (set);
  const char *exported_at = vp_change_set_get_exported_at (set);
  g_autofree char *last = vp_store_dup_last_import (store, partner);
  g_autofree char *when = NULL;
  g_autofree char *last_when = NULL;
  int order;

  if (last == NULL)
    return TRUE;
  order = strcmp (exported_at, last);
  if (order > 0 || (order == 0 && (flags & VP_ORIGIN_ALLOW_SAME)))
    return TRUE;
  when = vp_exchange_format_time (exported_at);
  last_when = vp_exchange_format_time (last);
  if (order == 0)
    g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_IMPORTED,
                 /* Translators: %s is a partner, then when its file was written */
                 _ ("This file of %s (exported %s) was imported already."),
                 name_of (store, partner), when);
  else
    g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_OLDER,
                 /* Translators: a partner, when its file was written, when its last
                  * imported file was written */
                 _ ("This file of %s (exported %s) is older than the one imported last "
                    "(exported %s). Nothing in it would be news."),
                 name_of (store, partner), when, last_when);
  return FALSE;
}

/**
 * vp_exchange_check_origin:
 * @set: a file as vp_exchange_read() found it
 *
 * Refuses a file that is valid but not one to import here: one of this
 * database's own municipality (unless @flags allow it), of another
 * coalition, of another plan of the same name, or not newer than the file
 * imported last from the same partner (the same one again, if @flags
 * allow it).
 *
 * Returns: %FALSE with @error saying what is wrong
 */
gboolean
vp_exchange_check_origin (VpStore *store, VpChangeSet *set, VpOriginFlags flags, GError **error)
{
  const char *home = vp_store_get_home_municipality (store);

  g_return_val_if_fail (VP_IS_STORE (store), FALSE);
  g_return_val_if_fail (VP_IS_CHANGE_SET (set), FALSE);

  if (home != NULL && g_strcmp0 (vp_change_set_get_partner (set), home) == 0
      && !(flags & VP_ORIGIN_ALLOW_OWN))
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_OWN_FILE,
                   /* Translators: %s is this database's municipality */
                   _ ("This file was exported by %s, this database’s own municipality. Import "
                      "the files of partners."),
                   name_of (store, home));
      return FALSE;
    }
  return (home == NULL || check_plans (store, set, error))
         && check_newer (store, set, flags, error);
}

/**
 * vp_exchange_file_name:
 * @dated: with today's date, for a file sent by hand; without, for the
 *   exchange folder, where it replaces the one before
 *
 * Returns: (transfer full): "nijkerk-uitvoeringsplan-veiligheid-2024-2026-11-23.json":
 *   the municipality, the plan and the day, ASCII
 */
char *
vp_exchange_file_name (VpStore *store, VpPlan *plan, gboolean dated)
{
  g_autoptr (GDateTime) now = vp_store_get_now (store);
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
  const char *code = vp_store_get_home_municipality (store);
  g_autofree char *home = vp_make_code (code != NULL ? code : "");
  g_autofree char *title = vp_make_code (plan != NULL ? vp_plan_get_title (plan) : "");
  g_autoptr (GString) name = g_string_new (*home != '\0' ? home : "veiligheidsplan");

  if (*title != '\0')
    g_string_append_printf (name, "-%s", title);
  if (dated)
    g_string_append_printf (name, "-%s", day);
  g_string_append (name, ".json");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * vp_exchange_count_belonging:
 *
 * Returns: how many records belong to @record, and go when it is deleted
 */
guint
vp_exchange_count_belonging (VpStore *store, VpRecord *record)
{
  g_autoptr (GPtrArray) belonging = g_ptr_array_new_with_free_func (g_object_unref);

  vp_merge_collect_belonging (store, record, belonging);
  return belonging->len;
}
