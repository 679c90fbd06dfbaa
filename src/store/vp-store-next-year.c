/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "model/vp-record-private.h"
#include "rules/vp-plan-rules.h"
#include "vp-store-backup.h"
#include "vp-store-next-year.h"
#include "vp-store-status.h"

/*
 * Next year's plan, made from this year's: a new plan for the period that
 * follows, with the priorities, sub-themes, strategic goals, definitions
 * and participants copied under new UUIDs, and the unfinished actions
 * chosen carried over, each with a link (origin) to the action it came
 * from. Year goals and finished or cancelled actions stay behind. The old
 * plan is left as it was but for its closed mark, so it opens read-only
 * until it is reopened. All of it is one transaction, one undo step.
 *
 * A partner's local action stays the partner's: it is carried over with
 * the partner as owner and with the stamps of the action it came from, so
 * that the partner takes it by import as its own record.
 */

/* Old UUID → new UUID, for the records copied. */
typedef struct
{
  VpStore *store;
  VpPlan *old_plan;
  VpPlan *new_plan;
  int shift;
  GHashTable *map;
} Copy;

static gboolean
belongs_to (VpRecord *record, GHashTable *parents)
{
  const char *parent = vp_record_get_parent_uuid (record);

  return parent != NULL && g_hash_table_contains (parents, parent);
}

/**
 * vp_store_list_unfinished_actions:
 * @plan: a plan
 *
 * Returns: (transfer container) (element-type VpAction): the actions of
 *   @plan that still need attention (vp_plan_rules_is_unfinished()), in
 *   the order of their priorities and positions
 */
GPtrArray *
vp_store_list_unfinished_actions (VpStore *self, VpPlan *plan)
{
  GListModel *actions = vp_store_get_records (self, VP_TYPE_ACTION);
  GListModel *priorities = vp_store_get_records (self, VP_TYPE_PRIORITY);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (VP_IS_STORE (self), result);
  g_return_val_if_fail (VP_IS_PLAN (plan), result);

  for (guint p = 0; p < g_list_model_get_n_items (priorities); p++)
    {
      g_autoptr (VpRecord) priority = g_list_model_get_item (priorities, p);

      if (g_strcmp0 (vp_record_get_parent_uuid (priority), vp_record_get_uuid (VP_RECORD (plan)))
          != 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

          if (g_strcmp0 (vp_action_get_priority (action), vp_record_get_uuid (priority)) == 0
              && vp_plan_rules_is_unfinished (vp_action_get_overall_status (self, action)))
            g_ptr_array_add (result, g_steal_pointer (&action));
        }
    }
  return result;
}

static gboolean
title_used (VpStore *self, const char *title)
{
  GListModel *plans = vp_store_get_records (self, VP_TYPE_PLAN);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (VpPlan) plan = g_list_model_get_item (plans, i);

      if (g_utf8_collate (vp_plan_get_title (plan), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every year of the plan's period in the title moves on by the length of
 * the period: "UVP 2024" → "UVP 2025", "UVP 2023–2024" → "UVP 2025–2026". */
static char *
shift_years (const char *title, int first, int last, int shift)
{
  g_autoptr (GString) result = g_string_new (NULL);
  gboolean found = FALSE;

  for (const char *p = title; *p != '\0';)
    {
      if (g_ascii_isdigit (*p) && (p == title || !g_ascii_isdigit (p[-1])) && g_ascii_isdigit (p[1])
          && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          int year = atoi (p);

          if (year >= first && year <= last)
            {
              g_string_append_printf (result, "%d", year + shift);
              found = TRUE;
              p += 4;
              continue;
            }
        }
      g_string_append_c (result, *p++);
    }
  if (!found)
    {
      if (shift == 1)
        g_string_append_printf (result, " %d", first + shift);
      else
        g_string_append_printf (result, " %d–%d", first + shift, last + shift);
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * vp_store_next_year_title:
 * @plan: a plan
 *
 * Returns: (transfer full): the title next year's plan gets: @plan's with
 *   its years moved on, and a number added if another plan has it
 */
char *
vp_store_next_year_title (VpStore *self, VpPlan *plan)
{
  int first = vp_plan_get_first_year (plan);
  int last = vp_plan_get_last_year (plan);
  g_autofree char *title = shift_years (vp_plan_get_title (plan), first, last, last - first + 1);

  for (int n = 2; title_used (self, title) && n < 1000; n++)
    {
      g_autofree char *base = shift_years (vp_plan_get_title (plan), first, last, last - first + 1);

      g_free (title);
      title = g_strdup_printf ("%s (%d)", base, n);
    }
  return g_steal_pointer (&title);
}

/* A copy of @record under a new UUID, stamped when inserted. */
static VpRecord *
copy_record (Copy *copy, VpRecord *record)
{
  VpRecord *result = vp_record_copy (record);
  g_autofree char *uuid = g_uuid_string_random ();

  vp_record_set_identity (result, uuid, NULL, NULL);
  g_hash_table_insert (copy->map, g_strdup (vp_record_get_uuid (record)), g_strdup (uuid));
  return result;
}

static const char *
mapped (Copy *copy, const char *uuid)
{
  return uuid != NULL ? g_hash_table_lookup (copy->map, uuid) : NULL;
}

static gboolean
copy_children (
  Copy *copy, GType type, GHashTable *parents, gboolean (*keep) (VpRecord *), GError **error)
{
  GListModel *records = vp_store_get_records (copy->store, type);
  g_autoptr (GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  /* first collect: the list grows as the copies go in */
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (records, i);

      if (belongs_to (record, parents) && (keep == NULL || keep (record)))
        g_ptr_array_add (chosen, g_steal_pointer (&record));
    }
  for (guint i = 0; i < chosen->len; i++)
    {
      VpRecord *record = g_ptr_array_index (chosen, i);
      g_autoptr (VpRecord) draft = copy_record (copy, record);
      VpRecordClass *klass = VP_RECORD_GET_CLASS (record);

      g_object_set (draft, klass->parent_field, mapped (copy, vp_record_get_parent_uuid (record)),
                    NULL);
      if (g_object_class_find_property (G_OBJECT_CLASS (klass), "subtheme") != NULL)
        g_object_set (draft, "subtheme", mapped (copy, vp_record_get_string (record, "subtheme")),
                      NULL);
      if (!vp_store_insert (copy->store, draft, VP_STORE_WRITE_DEFAULT, error))
        return FALSE;
      g_hash_table_add (parents, g_strdup (vp_record_get_uuid (draft)));
    }
  return TRUE;
}

static gboolean
is_strategic (VpRecord *goal)
{
  return vp_record_get_int (goal, "kind") == VP_GOAL_KIND_STRATEGIC;
}

/* The year an action carried over is planned in: its own, unless that lies
 * before the new period, then the new period's first year. */
static void
move_into_period (Copy *copy, VpRecord *draft)
{
  int first = vp_plan_get_first_year (copy->new_plan);
  const char *const fields[] = { "year", "planned-year" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      int year = vp_record_get_int (draft, fields[i]);

      if (year != 0 && year < first)
        g_object_set (draft, fields[i], first, NULL);
    }
}

static gboolean
carry_action (Copy *copy, VpAction *action, GError **error)
{
  VpRecord *record = VP_RECORD (action);
  const char *owner = vp_record_get_string (record, "owner");
  const char *home = vp_store_get_home_municipality (copy->store);
  gboolean partners = owner != NULL && *owner != '\0' && g_strcmp0 (owner, home) != 0;
  g_autoptr (VpRecord) draft = copy_record (copy, record);
  const char *priority = mapped (copy, vp_action_get_priority (action));

  if (priority == NULL)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("The action “%s” is not part of “%s”."), vp_action_get_text (action),
                   vp_plan_get_title (copy->old_plan));
      return FALSE;
    }
  g_object_set (draft, "priority", priority, "subtheme",
                mapped (copy, vp_action_get_subtheme (action)), "origin",
                vp_record_get_uuid (record), NULL);
  move_into_period (copy, draft);
  if (partners)
    vp_record_set_identity (draft, vp_record_get_uuid (draft), vp_record_get_modified_at (record),
                            vp_record_get_modified_by (record));
  return vp_store_insert (copy->store, draft,
                          partners ? VP_STORE_WRITE_KEEP_STAMPS : VP_STORE_WRITE_DEFAULT, error);
}

static gboolean
copy_plan (Copy *copy, const char *const *carry, GError **error)
{
  g_autoptr (GHashTable) plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) priorities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  VpRecord *old = VP_RECORD (copy->old_plan);

  g_hash_table_add (plans, g_strdup (vp_record_get_uuid (old)));
  if (!copy_children (copy, VP_TYPE_PRIORITY, plans, NULL, error)
      || !copy_children (copy, VP_TYPE_DEFINITION, plans, NULL, error))
    return FALSE;
  /* the old priorities, whose sub-themes and goals come along */
  for (GList *l = g_hash_table_get_keys (copy->map); l != NULL; l = g_list_delete_link (l, l))
    {
      VpRecord *record = vp_store_lookup (copy->store, l->data);

      if (VP_IS_PRIORITY (record))
        g_hash_table_add (priorities, g_strdup (l->data));
    }
  if (!copy_children (copy, VP_TYPE_SUBTHEME, priorities, NULL, error)
      || !copy_children (copy, VP_TYPE_GOAL, priorities, is_strategic, error))
    return FALSE;
  for (gsize i = 0; carry != NULL && carry[i] != NULL; i++)
    {
      VpRecord *action = vp_store_lookup (copy->store, carry[i]);

      if (!VP_IS_ACTION (action))
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _ ("There is no action %s to carry over."), carry[i]);
          return FALSE;
        }
      if (!carry_action (copy, VP_ACTION (action), error))
        return FALSE;
    }
  return TRUE;
}

static VpPlan *
new_plan_from (VpStore *self, VpPlan *plan, int shift)
{
  VpRecord *copy = vp_record_copy (VP_RECORD (plan));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *title = vp_store_next_year_title (self, plan);

  vp_record_set_identity (copy, uuid, NULL, NULL);
  g_object_set (copy, "title", title, "first-year", vp_plan_get_first_year (plan) + shift,
                "last-year", vp_plan_get_last_year (plan) + shift, "closed-at", NULL, NULL);
  return VP_PLAN (copy);
}

static gboolean
check_can_close (VpStore *self, VpPlan *plan, GError **error)
{
  if (vp_plan_is_closed (plan))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("“%s” is closed: next year’s plan was made from it already. Reopen it "
                      "first to make another."),
                   vp_plan_get_title (plan));
      return FALSE;
    }
  if (vp_plan_get_last_year (plan) + (vp_plan_get_last_year (plan) - vp_plan_get_first_year (plan))
        + 1
      > 2200)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("“%s” ends too late for a plan after it."), vp_plan_get_title (plan));
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_store_make_next_year:
 * @plan: this year's plan, which the home municipality may edit
 * @carry: (nullable) (array zero-terminated=1): the UUIDs of the actions of
 *   @plan to carry over, or %NULL for every unfinished one
 *
 * Makes next year's plan from @plan and closes @plan, in one transaction
 * and one undo step. See the comment at the top of this file.
 *
 * Returns: (transfer none) (nullable): the new plan, or %NULL with @error
 *   set and nothing changed
 */
VpPlan *
vp_store_make_next_year (VpStore *self, VpPlan *plan, const char *const *carry, GError **error)
{
  int shift;
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (VpPlan) new_plan = NULL;
  g_auto (GStrv) all = NULL;
  g_autofree char *closed_at = NULL;
  g_autofree char *backup = NULL;
  Copy copy;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);

  if (!check_can_close (self, plan, error))
    return NULL;
  shift = vp_plan_get_last_year (plan) - vp_plan_get_first_year (plan) + 1;
  if (carry == NULL)
    {
      g_autoptr (GPtrArray) unfinished = vp_store_list_unfinished_actions (self, plan);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < unfinished->len; i++)
        g_strv_builder_add (builder, vp_record_get_uuid (g_ptr_array_index (unfinished, i)));
      all = g_strv_builder_end (builder);
      carry = (const char *const *) all;
    }
  new_plan = new_plan_from (self, plan, shift);
  copy = (Copy){ self, plan, new_plan, shift, map };
  g_hash_table_insert (map, g_strdup (vp_record_get_uuid (VP_RECORD (plan))),
                       g_strdup (vp_record_get_uuid (VP_RECORD (new_plan))));
  closed_at = vp_store_make_stamp (self);

  /* a backup of the database as it was, before anything changes */
  backup = vp_store_backup (self, VP_BACKUP_NEXT_YEAR, error);
  if (backup == NULL || !vp_store_begin (self, error))
    return NULL;
  vp_store_set_undo_label (self, _ ("Next year’s plan"));
  if (!vp_store_insert (self, VP_RECORD (new_plan), VP_STORE_WRITE_DEFAULT, error)
      || !copy_plan (&copy, carry, error)
      || !vp_store_update (self, VP_RECORD (plan), error, "closed-at", closed_at, NULL))
    {
      vp_store_rollback (self);
      return NULL;
    }
  if (!vp_store_commit (self, error))
    return NULL;
  return VP_PLAN (vp_store_lookup (self, vp_record_get_uuid (VP_RECORD (new_plan))));
}

/**
 * vp_store_reopen_plan:
 * @plan: a closed plan
 *
 * Takes away @plan's closed mark, so it can be edited again.
 *
 * Returns: %TRUE on success
 */
gboolean
vp_store_reopen_plan (VpStore *self, VpPlan *plan, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_PLAN (plan), FALSE);

  vp_store_set_undo_label (self, _ ("Reopen plan"));
  return vp_store_update (self, VP_RECORD (plan), error, "closed-at", NULL, NULL);
}
