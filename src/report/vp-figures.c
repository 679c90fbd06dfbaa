/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-figures"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "store/vp-store-history.h"
#include "store/vp-store-status.h"
#include "vp-figures.h"

/*
 * The figures of a plan at a reference date (peildatum): every action's
 * status, quarter, achieved count and over-time mark as they stood then,
 * reconstructed from the history (status events, quarter events, and the
 * local facts of schema 4), so that a report made again later is the same
 * report. Without a date, the store's clock's present is the date.
 *
 * Status at a moment, per municipality: the last status event up to it;
 * with none, the "from" of the first event after it; with no events at
 * all, the status now. The same for the quarter with quarter events.
 */

struct _VpFigures
{
  VpStore *store;
  VpPlan *plan;
  GDateTime *as_of;
  char *stamp;
  VpFiguresScope scope;
  /* VpPriority, by number */
  GPtrArray *priorities;
  /* VpActionAt, by priority and position */
  GPtrArray *actions;
  /* uuid → VpActionAt */
  GHashTable *by_action;
  /* action uuid → GPtrArray of VpStatusEvent, oldest first */
  GHashTable *events;
  /* action uuid → GPtrArray of VpActionFact, oldest first */
  GHashTable *facts;
  VpCounts total;
};

static void
lead_counts_free (VpLeadCounts *lead)
{
  g_free (lead->label);
  g_free (lead);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  VpRecord *ea = *(VpRecord **) a;
  VpRecord *eb = *(VpRecord **) b;
  int by_time = g_strcmp0 (vp_record_get_modified_at (ea), vp_record_get_modified_at (eb));

  return by_time != 0 ? by_time : g_strcmp0 (vp_record_get_uuid (ea), vp_record_get_uuid (eb));
}

static GPtrArray *
group_of (GHashTable *table, const char *action, GDestroyNotify free_func)
{
  GPtrArray *group = g_hash_table_lookup (table, action);

  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func (free_func);
      g_hash_table_insert (table, g_strdup (action), group);
    }
  return group;
}

static void
index_events (VpFigures *self)
{
  GListModel *events = vp_store_get_records (self->store, VP_TYPE_STATUS_EVENT);
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (VpStatusEvent) event = g_list_model_get_item (events, i);

      g_ptr_array_add (group_of (self->events, vp_status_event_get_action (event), g_object_unref),
                       g_object_ref (event));
    }
  g_hash_table_iter_init (&iter, self->events);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_sort (group, compare_events);
}

static gboolean
index_facts (VpFigures *self, GError **error)
{
  g_autoptr (GPtrArray) facts = vp_store_list_action_facts (self->store, error);

  if (facts == NULL)
    return FALSE;
  /* already oldest first */
  g_ptr_array_set_free_func (facts, NULL);
  for (guint i = 0; i < facts->len; i++)
    {
      VpActionFact *fact = g_ptr_array_index (facts, i);

      g_ptr_array_add (group_of (self->facts, fact->action, (GDestroyNotify) vp_action_fact_free),
                       fact);
    }
  return TRUE;
}

/* The value an event-kept quantity had at the moment: see the top. */
static const char *
value_at (
  VpFigures *self, GPtrArray *events, VpEventKind kind, const char *municipality, gboolean *known)
{
  VpStatusEvent *last = NULL;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      VpStatusEvent *event = g_ptr_array_index (events, i);

      if (vp_status_event_get_kind (event) != kind
          || (municipality != NULL
              && g_strcmp0 (vp_status_event_get_municipality (event), municipality) != 0))
        continue;
      if (g_strcmp0 (vp_record_get_modified_at (VP_RECORD (event)), self->stamp) > 0)
        {
          *known = TRUE;
          return last != NULL ? vp_status_event_get_to (last) : vp_status_event_get_from (event);
        }
      last = event;
    }
  *known = last != NULL;
  return last != NULL ? vp_status_event_get_to (last) : NULL;
}

static VpStatus
status_now (VpFigures *self, VpAction *action, const char *municipality)
{
  VpActionStatus *status;

  if (municipality == NULL)
    return vp_action_get_status (self->store, action);
  status
    = vp_store_find_status (self->store, vp_record_get_uuid (VP_RECORD (action)), municipality);
  return status != NULL ? vp_action_status_get_status (status) : VP_STATUS_PLANNED;
}

/* @municipality: whose status, or %NULL for a shared status (any) */
static VpStatus
status_at (VpFigures *self, VpAction *action, const char *municipality)
{
  GPtrArray *events = g_hash_table_lookup (self->events, vp_record_get_uuid (VP_RECORD (action)));
  gboolean known;
  const char *nick = value_at (self, events, VP_EVENT_KIND_STATUS, municipality, &known);
  int status = VP_STATUS_PLANNED;

  if (!known)
    return status_now (self, action, municipality);
  if (nick != NULL)
    vp_enum_from_nick (VP_TYPE_STATUS, nick, &status);
  return status;
}

/* Of an action of each municipality: as vp_action_get_overall_status(). */
static VpStatus
combine_each (const VpStatus *statuses, guint n)
{
  guint counts[VP_N_STATUSES] = { 0 };

  for (guint i = 0; i < n; i++)
    counts[statuses[i]]++;
  if (counts[VP_STATUS_CANCELLED] == n)
    return VP_STATUS_CANCELLED;
  if (counts[VP_STATUS_DONE] + counts[VP_STATUS_CANCELLED] == n)
    return VP_STATUS_DONE;
  if (counts[VP_STATUS_PLANNED] + counts[VP_STATUS_POSTPONED] + counts[VP_STATUS_CANCELLED] < n)
    return VP_STATUS_IN_PROGRESS;
  return counts[VP_STATUS_POSTPONED] > 0 ? VP_STATUS_POSTPONED : VP_STATUS_PLANNED;
}

static VpStatus
overall_status_at (VpFigures *self, VpAction *action)
{
  const char *const *participants;
  g_autofree VpStatus *statuses = NULL;
  guint n;

  switch (vp_action_get_status_rule (self->store, action))
    {
    case VP_STATUS_RULE_LEAD:
      return status_at (self, action, vp_action_get_lead (action));
    case VP_STATUS_RULE_EACH:
      participants = vp_action_get_participants (self->store, action);
      n = participants != NULL ? g_strv_length ((char **) participants) : 0;
      if (n == 0)
        return status_at (self, action, vp_store_get_home_municipality (self->store));
      statuses = g_new (VpStatus, n);
      for (guint i = 0; i < n; i++)
        statuses[i] = status_at (self, action, participants[i]);
      return combine_each (statuses, n);
    case VP_STATUS_RULE_SHARED:
    default:
      return status_at (self, action, NULL);
    }
}

static void
quarter_at (VpFigures *self, VpAction *action, int *year, VpQuarter *quarter)
{
  GPtrArray *events = g_hash_table_lookup (self->events, vp_record_get_uuid (VP_RECORD (action)));
  gboolean known;
  const char *text = value_at (self, events, VP_EVENT_KIND_QUARTER, NULL, &known);
  int y = 0, q = 0;

  *year = vp_action_get_year (action);
  *quarter = vp_action_get_quarter (action);
  if (!known)
    return;
  if (text == NULL || sscanf (text, "%d-Q%d", &y, &q) != 2 || q < 1 || q > 4)
    y = q = 0;
  *year = y;
  *quarter = q;
}

/* The achieved count a municipality's status had at the moment, from the
 * facts; 0 before the first. */
static int
achieved_of (VpFigures *self, GPtrArray *facts, const char *municipality)
{
  int achieved = 0;

  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      VpActionFact *fact = g_ptr_array_index (facts, i);

      if (g_strcmp0 (fact->at, self->stamp) > 0)
        break;
      if (!fact->created && g_strcmp0 (fact->municipality, municipality) == 0)
        achieved = fact->achieved;
    }
  return achieved;
}

/* Of an action of each municipality, the sum; else the count of the
 * status the views show (its lead's, or the last set). */
static int
achieved_at (VpFigures *self, VpAction *action)
{
  GPtrArray *facts = g_hash_table_lookup (self->facts, vp_record_get_uuid (VP_RECORD (action)));
  VpActionStatus *shown;
  const char *const *participants;
  int sum = 0;

  switch (vp_action_get_status_rule (self->store, action))
    {
    case VP_STATUS_RULE_LEAD:
      return achieved_of (self, facts, vp_action_get_lead (action));
    case VP_STATUS_RULE_EACH:
      participants = vp_action_get_participants (self->store, action);
      for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
        sum += achieved_of (self, facts, participants[i]);
      return sum;
    case VP_STATUS_RULE_SHARED:
    default:
      for (guint i = 0; facts != NULL && i < facts->len; i++)
        {
          VpActionFact *fact = g_ptr_array_index (facts, i);

          if (g_strcmp0 (fact->at, self->stamp) > 0)
            break;
          if (!fact->created)
            sum = fact->achieved;
        }
      shown = vp_action_find_shown_status (self->store, action);
      return facts != NULL ? sum : (shown != NULL ? vp_action_status_get_achieved (shown) : 0);
    }
}

static gboolean
existed (VpFigures *self, VpAction *action)
{
  GPtrArray *facts = g_hash_table_lookup (self->facts, vp_record_get_uuid (VP_RECORD (action)));

  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      VpActionFact *fact = g_ptr_array_index (facts, i);

      if (fact->created)
        return g_strcmp0 (fact->at, self->stamp) <= 0;
    }
  /* no record of its coming: it was there before the history began */
  return TRUE;
}

static void
count (VpCounts *counts, const VpActionAt *at)
{
  counts->by_status[at->status]++;
  counts->total++;
  if (at->overdue)
    counts->overdue++;
}

/* Of the home municipality's plan: joint, or its own. */
static gboolean
in_scope (VpFigures *self, VpRecord *record)
{
  const char *owner = vp_record_get_string (record, "owner");
  const char *home = vp_store_get_home_municipality (self->store);

  return self->scope == VP_FIGURES_SCOPE_COALITION || owner == NULL || *owner == '\0'
         || home == NULL || g_str_equal (owner, home);
}

static VpActionAt *
make_action_at (VpFigures *self, VpAction *action)
{
  VpActionAt *at = g_new0 (VpActionAt, 1);

  at->action = action;
  at->status = overall_status_at (self, action);
  quarter_at (self, action, &at->year, &at->quarter);
  at->achieved = achieved_at (self, action);
  at->overdue = vp_quarter_has_passed (at->year, at->quarter, self->as_of)
                && at->status != VP_STATUS_DONE && at->status != VP_STATUS_CANCELLED;
  return at;
}

static int
compare_priorities (gconstpointer a, gconstpointer b)
{
  return vp_priority_get_number (*(VpPriority **) a) - vp_priority_get_number (*(VpPriority **) b);
}

static void
collect_priorities (VpFigures *self)
{
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);
  const char *plan = vp_record_get_uuid (VP_RECORD (self->plan));

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);

      if (g_strcmp0 (vp_priority_get_plan (priority), plan) == 0
          && in_scope (self, VP_RECORD (priority)))
        g_ptr_array_add (self->priorities, g_object_ref (priority));
    }
  g_ptr_array_sort (self->priorities, compare_priorities);
}

static int
compare_actions (gconstpointer a, gconstpointer b)
{
  VpAction *x = (*(VpActionAt **) a)->action;
  VpAction *y = (*(VpActionAt **) b)->action;

  return vp_record_get_int (VP_RECORD (x), "position")
         - vp_record_get_int (VP_RECORD (y), "position");
}

static void
collect_actions (VpFigures *self, VpPriority *priority)
{
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  const char *uuid = vp_record_get_uuid (VP_RECORD (priority));
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (vp_action_get_priority (action), uuid) == 0
          && in_scope (self, VP_RECORD (action)) && existed (self, action))
        g_ptr_array_add (mine, make_action_at (self, action));
    }
  g_ptr_array_sort (mine, compare_actions);
  for (guint i = 0; i < mine->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (mine, i);

      g_ptr_array_add (self->actions, at);
      g_hash_table_insert (self->by_action, (gpointer) vp_record_get_uuid (VP_RECORD (at->action)),
                           at);
      count (&self->total, at);
    }
}

/**
 * vp_figures_new:
 * @plan: the plan whose figures
 * @as_of: (nullable): the reference date, a moment; %NULL for the store's
 *   present
 * @scope: whose actions count
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 *   set when the history cannot be read
 */
VpFigures *
vp_figures_new (
  VpStore *store, VpPlan *plan, GDateTime *as_of, VpFiguresScope scope, GError **error)
{
  g_autoptr (VpFigures) self = g_new0 (VpFigures, 1);

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);

  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  self->as_of = as_of != NULL ? g_date_time_to_utc (as_of) : vp_store_get_now (store);
  /* the present holds every change, also those stamped a moment ahead
   * of the clock (stamps of one instant are made distinct) */
  self->stamp = as_of != NULL ? vp_store_format_timestamp (self->as_of)
                              : g_strdup ("9999-12-31T23:59:59.999Z");
  self->scope = scope;
  self->priorities = g_ptr_array_new_with_free_func (g_object_unref);
  self->actions = g_ptr_array_new_with_free_func (g_free);
  self->by_action = g_hash_table_new (g_str_hash, g_str_equal);
  self->events
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->facts
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  index_events (self);
  if (!index_facts (self, error))
    return NULL;
  collect_priorities (self);
  for (guint i = 0; i < self->priorities->len; i++)
    collect_actions (self, g_ptr_array_index (self->priorities, i));
  return g_steal_pointer (&self);
}

void
vp_figures_free (VpFigures *self)
{
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_free (self->stamp);
  g_clear_pointer (&self->priorities, g_ptr_array_unref);
  g_clear_pointer (&self->by_action, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_hash_table_unref);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_free (self);
}

VpStore *
vp_figures_get_store (VpFigures *self)
{
  return self->store;
}

VpPlan *
vp_figures_get_plan (VpFigures *self)
{
  return self->plan;
}

/**
 * vp_figures_get_as_of:
 *
 * Returns: (transfer none): the moment the figures are of, in UTC
 */
GDateTime *
vp_figures_get_as_of (VpFigures *self)
{
  return self->as_of;
}

/**
 * vp_figures_get_priorities:
 *
 * Returns: (transfer none) (element-type VpPriority): the plan's
 *   priorities by number
 */
GPtrArray *
vp_figures_get_priorities (VpFigures *self)
{
  return self->priorities;
}

/**
 * vp_figures_get_actions:
 *
 * Returns: (transfer none) (element-type VpActionAt): the actions that
 *   count, by priority and position
 */
GPtrArray *
vp_figures_get_actions (VpFigures *self)
{
  return self->actions;
}

/**
 * vp_figures_lookup:
 *
 * Returns: (nullable): @action at the date, %NULL when it does not count
 */
const VpActionAt *
vp_figures_lookup (VpFigures *self, VpAction *action)
{
  return g_hash_table_lookup (self->by_action, vp_record_get_uuid (VP_RECORD (action)));
}

const VpCounts *
vp_figures_get_total (VpFigures *self)
{
  return &self->total;
}

/**
 * vp_figures_count_priority:
 * @counts: (out caller-allocates): the counts of @priority's actions
 */
void
vp_figures_count_priority (VpFigures *self, const char *priority, VpCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);

      if (g_strcmp0 (vp_action_get_priority (at->action), priority) == 0)
        count (counts, at);
    }
}

/**
 * vp_figures_count_subtheme:
 * @counts: (out caller-allocates): the counts of @subtheme's actions
 */
void
vp_figures_count_subtheme (VpFigures *self, const char *subtheme, VpCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);

      if (g_strcmp0 (vp_action_get_subtheme (at->action), subtheme) == 0)
        count (counts, at);
    }
}

/**
 * vp_figures_count_quarter:
 * @planned: (out): the actions in @quarter of the plan's first year
 * @done: (out): of those, the ones done
 */
void
vp_figures_count_quarter (VpFigures *self, VpQuarter quarter, guint *planned, guint *done)
{
  int year = vp_record_get_int (VP_RECORD (self->plan), "first-year");

  *planned = *done = 0;
  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);

      if (at->quarter != quarter || (at->year != 0 && at->year != year))
        continue;
      (*planned)++;
      if (at->status == VP_STATUS_DONE)
        (*done)++;
    }
}

/**
 * vp_figures_count_targets:
 * @n_actions: (out): the actions with a target
 * @met: (out): of those, the ones whose target was reached
 * @achieved: (out): their achieved counts added up, each up to its target
 * @target: (out): their targets added up
 */
void
vp_figures_count_targets (
  VpFigures *self, guint *n_actions, guint *met, guint *achieved, guint *target)
{
  *n_actions = *met = *achieved = *target = 0;
  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);
      int goal = vp_action_get_target (at->action);

      if (goal <= 0)
        continue;
      (*n_actions)++;
      *target += goal;
      *achieved += MIN (at->achieved, goal);
      if (at->achieved >= goal)
        (*met)++;
    }
}

/**
 * vp_figures_lead_label:
 *
 * Returns: (transfer full): who leads @action, as a report names it
 */
char *
vp_figures_lead_label (VpStore *store, VpAction *action)
{
  VpLeadKind kind = vp_action_get_lead_kind (action);
  VpOrganisation *organisation;

  if (kind != VP_LEAD_KIND_ORGANISATION)
    return g_strdup (vp_enum_get_label (VP_TYPE_LEAD_KIND, kind));
  organisation = vp_store_lookup_organisation (store, vp_action_get_lead (action));
  return g_strdup (organisation != NULL ? vp_organisation_get_name (organisation)
                                        : vp_action_get_lead (action));
}

/**
 * vp_figures_list_leads:
 *
 * Returns: (transfer container) (element-type VpLeadCounts): the counts
 *   per lead, in the order the leads first appear in the plan
 */
GPtrArray *
vp_figures_list_leads (VpFigures *self)
{
  GPtrArray *leads = g_ptr_array_new_with_free_func ((GDestroyNotify) lead_counts_free);
  g_autoptr (GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);
      g_autofree char *label = vp_figures_lead_label (self->store, at->action);
      VpLeadCounts *lead = g_hash_table_lookup (by_label, label);

      if (lead == NULL)
        {
          lead = g_new0 (VpLeadCounts, 1);
          lead->label = g_steal_pointer (&label);
          g_hash_table_insert (by_label, lead->label, lead);
          g_ptr_array_add (leads, lead);
        }
      count (&lead->counts, at);
    }
  return leads;
}

/**
 * vp_figures_status_of:
 *
 * Returns: @municipality's own status of @action at the date
 */
VpStatus
vp_figures_status_of (VpFigures *self, VpAction *action, const char *municipality)
{
  return status_at (self, action, municipality);
}

/* The stamp of the last status event or achieved count @municipality
 * set on the action up to the date, %NULL when it set none. */
static const char *
last_set_at (VpFigures *self, GPtrArray *events, GPtrArray *facts, const char *municipality)
{
  const char *at = NULL;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      VpStatusEvent *event = g_ptr_array_index (events, i);
      const char *stamp = vp_record_get_modified_at (VP_RECORD (event));

      if (vp_status_event_get_kind (event) == VP_EVENT_KIND_STATUS
          && g_strcmp0 (vp_status_event_get_municipality (event), municipality) == 0
          && g_strcmp0 (stamp, self->stamp) <= 0 && g_strcmp0 (stamp, at) > 0)
        at = stamp;
    }
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      VpActionFact *fact = g_ptr_array_index (facts, i);

      if (!fact->created && g_strcmp0 (fact->municipality, municipality) == 0
          && g_strcmp0 (fact->at, self->stamp) <= 0 && g_strcmp0 (fact->at, at) > 0)
        at = fact->at;
    }
  return at;
}

/* @municipality's status record of @action as it stood at the date, or
 * %NULL when it had none (then the action was planned there). */
static VpActionStatus *
make_status_at (VpFigures *self, VpAction *action, const char *municipality)
{
  const char *uuid = vp_record_get_uuid (VP_RECORD (action));
  GPtrArray *events = g_hash_table_lookup (self->events, uuid);
  GPtrArray *facts = g_hash_table_lookup (self->facts, uuid);
  VpActionStatus *now = vp_store_find_status (self->store, uuid, municipality);
  const char *set_at = last_set_at (self, events, facts, municipality);
  VpStatus status = status_at (self, action, municipality);
  int achieved = facts != NULL ? achieved_of (self, facts, municipality)
                 : now != NULL ? vp_action_status_get_achieved (now)
                               : 0;

  if (set_at == NULL && status == VP_STATUS_PLANNED && achieved == 0)
    return NULL;
  return g_object_new (VP_TYPE_ACTION_STATUS, "action", uuid, "municipality", municipality,
                       "status", status, "achieved", achieved, "note",
                       now != NULL ? vp_action_status_get_note (now) : "", "modified-at",
                       set_at != NULL ? set_at : "", "modified-by", municipality, NULL);
}

static void
add_keeper (GPtrArray *keepers, const char *code)
{
  if (code != NULL && *code != '\0'
      && !g_ptr_array_find_with_equal_func (keepers, code, g_str_equal, NULL))
    g_ptr_array_add (keepers, g_strdup (code));
}

/* Every municipality that keeps, kept or may keep a status of @action:
 * its plan's participants, those in its history, those with a status
 * record now (@kept: action uuid → GPtrArray of their codes). */
static GPtrArray *
list_keepers (VpFigures *self, VpAction *action, GHashTable *kept)
{
  const char *uuid = vp_record_get_uuid (VP_RECORD (action));
  const char *const *participants = vp_action_get_participants (self->store, action);
  GPtrArray *events = g_hash_table_lookup (self->events, uuid);
  GPtrArray *now = g_hash_table_lookup (kept, uuid);
  GPtrArray *keepers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    add_keeper (keepers, participants[i]);
  for (guint i = 0; events != NULL && i < events->len; i++)
    add_keeper (keepers, vp_status_event_get_municipality (g_ptr_array_index (events, i)));
  for (guint i = 0; now != NULL && i < now->len; i++)
    add_keeper (keepers, g_ptr_array_index (now, i));
  return keepers;
}

/* Action uuid → GPtrArray of the codes of the municipalities that keep a
 * status of it now. */
static GHashTable *
index_keepers (VpFigures *self)
{
  GListModel *statuses = vp_store_get_records (self->store, VP_TYPE_ACTION_STATUS);
  GHashTable *kept
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr (VpActionStatus) status = g_list_model_get_item (statuses, i);

      g_ptr_array_add (group_of (kept, vp_action_status_get_action (status), g_free),
                       g_strdup (vp_action_status_get_municipality (status)));
    }
  return kept;
}

/**
 * vp_figures_make_statuses:
 *
 * The status records of the actions that count as they stood at the
 * date, for the window to show the plan as of it (vp_store_set_as_of()).
 *
 * Returns: (transfer full): action uuid → #GPtrArray of #VpActionStatus,
 *   one per municipality that had one; every action that counts is in it
 */
GHashTable *
vp_figures_make_statuses (VpFigures *self)
{
  GHashTable *statuses
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) kept = index_keepers (self);

  for (guint i = 0; i < self->actions->len; i++)
    {
      VpAction *action = ((VpActionAt *) g_ptr_array_index (self->actions, i))->action;
      g_autoptr (GPtrArray) keepers = list_keepers (self, action, kept);
      GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; k < keepers->len; k++)
        {
          VpActionStatus *status = make_status_at (self, action, g_ptr_array_index (keepers, k));

          if (status != NULL)
            g_ptr_array_add (records, status);
        }
      g_hash_table_insert (statuses, g_strdup (vp_record_get_uuid (VP_RECORD (action))), records);
    }
  return statuses;
}

/**
 * vp_figures_make_quarters:
 *
 * The quarter each action that counts had at the date (moves made since
 * undone), for the window to show the plan as of it (vp_store_set_as_of()).
 *
 * Returns: (transfer full): action uuid → GINT_TO_POINTER (year * 8 +
 *   quarter), see vp_store_get_shown_quarter()
 */
GHashTable *
vp_figures_make_quarters (VpFigures *self)
{
  GHashTable *quarters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (self->actions, i);

      g_hash_table_insert (quarters, g_strdup (vp_record_get_uuid (VP_RECORD (at->action))),
                           GINT_TO_POINTER (at->year * 8 + (int) at->quarter));
    }
  return quarters;
}

static void
dump_counts (GString *out, const char *what, const VpCounts *counts)
{
  g_string_append_printf (out, "%s:", what);
  for (guint s = 0; s < VP_N_STATUSES; s++)
    g_string_append_printf (out, " %u", counts->by_status[s]);
  g_string_append_printf (out, " overdue %u total %u\n", counts->overdue, counts->total);
}

static void
dump_actions (VpFigures *self, GString *out)
{
  for (guint i = 0; i < self->actions->len; i++)
    {
      VpActionAt *at = g_ptr_array_index (self->actions, i);

      g_string_append_printf (out, "%s %s %d-Q%d achieved %d%s\n",
                              vp_record_get_uuid (VP_RECORD (at->action)),
                              vp_enum_to_nick (VP_TYPE_STATUS, at->status), at->year, at->quarter,
                              at->achieved, at->overdue ? " overdue" : "");
    }
}

/**
 * vp_figures_dump:
 *
 * Returns: (transfer full): every figure as text, to compare two sets
 */
char *
vp_figures_dump (VpFigures *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) leads = vp_figures_list_leads (self);
  guint planned, done, n, met, achieved, target;

  dump_counts (out, "total", &self->total);
  for (guint i = 0; i < self->priorities->len; i++)
    {
      VpCounts counts;
      VpPriority *priority = g_ptr_array_index (self->priorities, i);

      vp_figures_count_priority (self, vp_record_get_uuid (VP_RECORD (priority)), &counts);
      dump_counts (out, vp_priority_get_title (priority), &counts);
    }
  for (guint q = VP_QUARTER_Q1; q <= VP_QUARTER_Q4; q++)
    {
      vp_figures_count_quarter (self, q, &planned, &done);
      g_string_append_printf (out, "Q%u: planned %u done %u\n", q, planned, done);
    }
  vp_figures_count_targets (self, &n, &met, &achieved, &target);
  g_string_append_printf (out, "targets: %u met %u achieved %u of %u\n", n, met, achieved, target);
  for (guint i = 0; i < leads->len; i++)
    {
      VpLeadCounts *lead = g_ptr_array_index (leads, i);

      dump_counts (out, lead->label, &lead->counts);
    }
  dump_actions (self, out);
  return g_string_free (out, FALSE);
}

/**
 * vp_figures_parse_date:
 * @text: a date, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the end of that day in local time,
 *   or %NULL with @error set
 */
GDateTime *
vp_figures_parse_date (const char *text, GError **error)
{
  int y, m, d;
  char end;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y) || strlen (text) != 10)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2024-06-30"),
                   text != NULL ? text : "");
      return NULL;
    }
  return g_date_time_new (zone, y, m, d, 23, 59, 59.999);
}
