/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "exchange/vp-exchange.h"
#include "rules/vp-plan-rules.h"
#include "store/vp-store-next-year.h"
#include "store/vp-store-organisations.h"
#include "store/vp-store-status.h"
#include "vp-test-util.h"

/*
 * A plan of one's own (issue 18): the rules of a plan, a coalition-owned
 * plan edited by its participants and by no one else, next year's plan
 * from the example, and the exchange keys added in format version 2 kept
 * when a partner on 0.1.x sends a version 1 file.
 */

static VpPlan *
load_example (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = vp_test_example_path ();
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);
  g_autoptr (VpPlan) plan = NULL;

  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, store, &error));
  g_assert_no_error (error);
  plan = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PLAN), 0);
  return plan;
}

static VpAction *
nth_action_of (VpStore *store, VpPlan *plan, guint n)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (vp_store_lookup_plan_of (store, action) == plan && n-- == 0)
        return action;
    }
  g_assert_not_reached ();
}

static VpPlan *
draft_plan (const char *title, int first, int last)
{
  const char *participants[] = { "nijkerk", NULL };

  return g_object_new (VP_TYPE_PLAN, "title", title, "first-year", first, "last-year", last,
                       "owner", "nijkerk", "participants", participants, NULL);
}

static void
assert_invalid (VpPlan *draft, GListModel *plans, VpPlanField field, const char *words)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (vp_plan_rules_validate (draft, plans, &error));
  g_assert_error (error, VP_PLAN_RULES_ERROR, (int) field);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_validate (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  GListModel *plans = vp_store_get_records (store, VP_TYPE_PLAN);
  g_autoptr (VpPlan) fine = draft_plan ("UVP 2023–2024", 2023, 2024);
  g_autoptr (VpPlan) empty = draft_plan ("  ", 2024, 2024);
  g_autoptr (VpPlan) backwards = draft_plan ("UVP", 2025, 2024);
  g_autoptr (VpPlan) too_long = draft_plan ("UVP", 2024, 2028);
  g_autoptr (VpPlan) taken = draft_plan ("uitvoeringsplan veiligheid 2024", 2024, 2024);
  g_autoptr (VpPlan) alone = draft_plan ("Regionaal", 2024, 2024);
  g_autoptr (GError) error = NULL;

  load_example (store);
  g_assert_true (vp_plan_rules_validate (fine, plans, &error));
  g_assert_no_error (error);
  assert_invalid (empty, plans, VP_PLAN_FIELD_TITLE, "needs a title");
  assert_invalid (backwards, plans, VP_PLAN_FIELD_YEARS, "before the first");
  assert_invalid (too_long, plans, VP_PLAN_FIELD_YEARS, "one to four years");
  assert_invalid (taken, plans, VP_PLAN_FIELD_TITLE, "Another plan");
  g_object_set (alone, "ownership", VP_PLAN_OWNERSHIP_COALITION, "participants", NULL, NULL);
  assert_invalid (alone, plans, VP_PLAN_FIELD_PARTICIPANTS, "taking part");
}

static void
test_short_names (void)
{
  g_autoptr (GListStore) organisations = g_list_store_new (VP_TYPE_ORGANISATION);
  g_autoptr (VpOrganisation) om
    = g_object_new (VP_TYPE_ORGANISATION, "code", "om", "name", "Openbaar Ministerie", NULL);
  g_autoptr (VpOrganisation) politie
    = g_object_new (VP_TYPE_ORGANISATION, "code", "politie", "name", "Politie", NULL);
  g_autoptr (VpOrganisation) welzijn = g_object_new (VP_TYPE_ORGANISATION, "code", "welzijn",
                                                     "name", "Stichting welzijn Nijkerk", NULL);
  g_autoptr (VpOrganisation) om2
    = g_object_new (VP_TYPE_ORGANISATION, "code", "oostmeer", "name", "Openbaar Meldpunt", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  g_list_store_append (organisations, om);
  g_list_store_append (organisations, politie);
  g_list_store_append (organisations, welzijn);
  a = vp_plan_rules_short_name (G_LIST_MODEL (organisations), om);
  b = vp_plan_rules_short_name (G_LIST_MODEL (organisations), politie);
  c = vp_plan_rules_short_name (G_LIST_MODEL (organisations), welzijn);
  g_assert_cmpstr (a, ==, "OM");
  g_assert_cmpstr (b, ==, "Pol");
  g_assert_cmpstr (c, ==, "Sti");
  /* two would both be "OM": each goes by its name */
  g_list_store_append (organisations, om2);
  d = vp_plan_rules_short_name (G_LIST_MODEL (organisations), om2);
  g_assert_cmpstr (d, ==, "Openbaar Meldpunt");
  /* one chosen is used as it is */
  g_object_set (om, "short-name", "OvJ", NULL);
  e = vp_plan_rules_short_name (G_LIST_MODEL (organisations), om);
  g_assert_cmpstr (e, ==, "OvJ");
}

/* Renswoude and Rhenen are not both "R": three letters, and more where
 * names begin alike (Renswoude, Renkum, Rensen); a short name stays whole. */
static void
test_short_names_distinct (void)
{
  static const char *const names[][2] = { { "Renswoude", "Rensw" },
                                          { "Rhenen", "Rhe" },
                                          { "Renkum", "Renk" },
                                          { "Rensen", "Rense" },
                                          { "Utrechtse Heuvelrug", "UH" },
                                          { "Ede", "Ede" } };
  g_autoptr (GListStore) organisations = g_list_store_new (VP_TYPE_ORGANISATION);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *code = g_strdup_printf ("m%zu", i);
      g_autoptr (VpOrganisation) organisation
        = g_object_new (VP_TYPE_ORGANISATION, "code", code, "name", names[i][0], NULL);

      g_list_store_append (organisations, organisation);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (VpOrganisation) organisation
        = g_list_model_get_item (G_LIST_MODEL (organisations), i);
      g_autofree char *short_name
        = vp_plan_rules_short_name (G_LIST_MODEL (organisations), organisation);

      g_assert_cmpstr (short_name, ==, names[i][1]);
    }
}

/* A coalition-owned plan: Nijkerk made it, Barneveld takes part and edits
 * it too, also by exchange; Scherpenzeel, not taking part, is refused. */
static void
test_coalition_plan (void)
{
  g_autoptr (VpStore) nijkerk = vp_test_store_new ();
  g_autoptr (VpStore) barneveld = vp_test_store_new_for ("Barneveld");
  g_autoptr (VpStore) scherpenzeel = vp_test_store_new_for ("Scherpenzeel");
  VpPlan *plan = vp_test_add_small_plan (nijkerk);
  const char *participants[] = { "nijkerk", "barneveld", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  VpRecord *there;
  g_autofree char *uuid = g_strdup (vp_record_get_uuid (VP_RECORD (plan)));

  /* the owner gives it to the coalition */
  g_assert_true (vp_store_update (nijkerk, VP_RECORD (plan), &error, "ownership",
                                  VP_PLAN_OWNERSHIP_COALITION, "participants", participants, NULL));
  g_assert_no_error (error);
  g_assert_true (vp_plan_rules_may_edit_plan (plan, "barneveld"));
  g_assert_false (vp_plan_rules_may_edit_plan (plan, "scherpenzeel"));

  file = vp_exchange_write (nijkerk, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (file, strlen (file));
  for (VpStore **store = (VpStore *[]){ barneveld, scherpenzeel, NULL }; *store != NULL; store++)
    {
      g_autoptr (VpChangeSet) taken = vp_exchange_read (*store, bytes, "nijkerk.json", &error);

      g_assert_no_error (error);
      g_assert_true (vp_change_set_apply (taken, *store, &error));
      g_assert_no_error (error);
    }

  /* a participant edits it */
  there = vp_store_lookup (barneveld, uuid);
  g_assert_cmpint (vp_plan_get_ownership (VP_PLAN (there)), ==, VP_PLAN_OWNERSHIP_COALITION);
  g_assert_true (
    vp_store_update (barneveld, there, &error, "intro", "Samen met Barneveld opgesteld.", NULL));
  g_assert_no_error (error);

  /* an outsider is refused, and nothing changes */
  there = vp_store_lookup (scherpenzeel, uuid);
  g_assert_false (vp_store_update (scherpenzeel, there, &error, "title", "Van ons", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "taking part"));
  g_clear_error (&error);
  g_assert_cmpstr (vp_plan_get_title (VP_PLAN (there)), !=, "Van ons");

  /* a participant may not give it away to another */
  there = vp_store_lookup (barneveld, uuid);
  g_assert_false (
    vp_store_update (barneveld, there, &error, "ownership", VP_PLAN_OWNERSHIP_MUNICIPALITY, NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the owner takes the participant's edit by exchange */
  back = vp_exchange_write (barneveld, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (bytes);
  bytes = g_bytes_new (back, strlen (back));
  set = vp_exchange_read (nijkerk, bytes, "barneveld.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_REFUSED), ==, 0);
  g_assert_true (vp_change_set_apply (set, nijkerk, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (plan), "intro"), ==,
                   "Samen met Barneveld opgesteld.");
}

/* A plan owned by one municipality is edited by it alone. */
static void
test_owned_plan (void)
{
  g_autoptr (VpStore) nijkerk = vp_test_store_new ();
  g_autoptr (VpStore) barneveld = vp_test_store_new_for ("Barneveld");
  VpPlan *plan = vp_test_add_small_plan (nijkerk);
  g_autoptr (GError) error = NULL;
  g_autofree char *file = vp_exchange_write (nijkerk, NULL, &error);
  g_autoptr (GBytes) bytes = g_bytes_new (file, strlen (file));
  g_autoptr (VpChangeSet) set = vp_exchange_read (barneveld, bytes, "nijkerk.json", &error);

  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, barneveld, &error));
  g_assert_true (vp_store_update (nijkerk, VP_RECORD (plan), &error, "title", "Ons plan", NULL));
  g_assert_no_error (error);
  g_assert_false (
    vp_store_update (barneveld, vp_store_lookup (barneveld, vp_record_get_uuid (VP_RECORD (plan))),
                     &error, "title", "Van Barneveld", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
}

/* The example's export, but for the lines of the plan record itself
 * (from its "uuid" to its "priorities"), which closing changes. */
static char *
export_without_plan_header (VpStore *store, VpPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = vp_exchange_write (store, plan, &error);
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) kept = g_string_new (NULL);
  gboolean in_header = FALSE;

  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  \"exported_at\""))
        continue;
      if (g_str_has_prefix (lines[i], "  \"plans\""))
        in_header = TRUE;
      if (in_header && g_str_has_prefix (lines[i], "      \"priorities\""))
        in_header = FALSE;
      if (!in_header)
        g_string_append_printf (kept, "%s\n", lines[i]);
    }
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static guint
count_children (VpStore *store, GType type, VpPlan *plan)
{
  GListModel *records = vp_store_get_records (store, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (records, i);

      if (vp_store_lookup_plan_of (store, record) == plan)
        n++;
    }
  return n;
}

static guint
count_goals (VpStore *store, VpPlan *plan, VpGoalKind kind)
{
  GListModel *goals = vp_store_get_records (store, VP_TYPE_GOAL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr (VpRecord) goal = g_list_model_get_item (goals, i);

      if (vp_store_lookup_plan_of (store, goal) == plan
          && vp_record_get_int (goal, "kind") == (int) kind)
        n++;
    }
  return n;
}

static void
test_next_year (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = load_example (store);
  const char *home = vp_store_get_home_municipality (store);
  const VpStatus statuses[]
    = { VP_STATUS_DONE, VP_STATUS_CANCELLED, VP_STATUS_IN_PROGRESS, VP_STATUS_POSTPONED };
  g_autoptr (GPtrArray) unfinished = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) origins = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);
  guint n_old_actions;
  VpAction *first_done = NULL;
  VpPlan *next;

  for (guint i = 0, n = 0; i < G_N_ELEMENTS (statuses); n++)
    {
      VpAction *action = nth_action_of (store, plan, n);
      const char *keeper;

      if (!vp_action_can_set_status (store, action, &keeper))
        continue;
      if (i == 0)
        first_done = action;
      g_assert_true (vp_store_set_status (store, action, home, statuses[i++], 0, NULL, &error));
      g_assert_no_error (error);
    }
  n_old_actions = count_children (store, VP_TYPE_ACTION, plan);
  unfinished = vp_store_list_unfinished_actions (store, plan);
  g_assert_cmpuint (unfinished->len, ==, n_old_actions - 2);
  before = export_without_plan_header (store, plan);

  next = vp_store_make_next_year (store, plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpstr (vp_plan_get_title (next), ==, "Uitvoeringsplan Veiligheid 2025");
  g_assert_cmpint (vp_plan_get_first_year (next), ==, 2025);
  g_assert_false (vp_plan_is_closed (next));
  g_assert_true (vp_plan_is_closed (plan));
  g_assert_cmpstrv (vp_record_get_strv (VP_RECORD (next), "participants"),
                    vp_record_get_strv (VP_RECORD (plan), "participants"));

  /* exactly the unfinished actions, each linked to where it came from */
  g_assert_cmpuint (count_children (store, VP_TYPE_ACTION, next), ==, unfinished->len);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (vp_store_lookup_plan_of (store, action) != next)
        continue;
      g_assert_nonnull (vp_action_get_origin (action));
      g_hash_table_add (origins, (gpointer) vp_action_get_origin (action));
    }
  for (guint i = 0; i < unfinished->len; i++)
    g_assert_true (
      g_hash_table_contains (origins, vp_record_get_uuid (g_ptr_array_index (unfinished, i))));
  g_assert_false (g_hash_table_contains (origins, vp_record_get_uuid (VP_RECORD (first_done))));

  /* the frame copied, year goals left behind */
  g_assert_cmpuint (count_children (store, VP_TYPE_PRIORITY, next), ==,
                    count_children (store, VP_TYPE_PRIORITY, plan));
  g_assert_cmpuint (count_children (store, VP_TYPE_SUBTHEME, next), ==,
                    count_children (store, VP_TYPE_SUBTHEME, plan));
  g_assert_cmpuint (count_children (store, VP_TYPE_DEFINITION, next), ==,
                    count_children (store, VP_TYPE_DEFINITION, plan));
  g_assert_cmpuint (count_goals (store, next, VP_GOAL_KIND_STRATEGIC), ==,
                    count_goals (store, plan, VP_GOAL_KIND_STRATEGIC));
  g_assert_cmpuint (count_goals (store, next, VP_GOAL_KIND_YEAR), ==, 0);
  g_assert_cmpuint (count_goals (store, plan, VP_GOAL_KIND_YEAR), >, 0);

  /* the old plan: every record of it the same bytes, but its closed mark */
  after = export_without_plan_header (store, plan);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_children (store, VP_TYPE_ACTION, plan), ==, n_old_actions);

  /* closed: nothing of it changes here, its statuses neither */
  g_assert_false (
    vp_store_update (store, VP_RECORD (first_done), &error, "lead-note", "Later", NULL));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "closed"));
  g_clear_error (&error);
  g_assert_false (
    vp_store_set_status (store, first_done, home, VP_STATUS_PLANNED, 0, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_store_delete (store, VP_RECORD (first_done), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* once closed, not again; reopened, it is open */
  g_assert_null (vp_store_make_next_year (store, plan, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vp_store_reopen_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_false (vp_plan_is_closed (plan));
  g_assert_true (
    vp_store_update (store, VP_RECORD (first_done), &error, "lead-note", "Later", NULL));
  g_assert_no_error (error);
}

/* One undo takes next year's plan away and reopens the old one. */
static void
test_next_year_undo (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = load_example (store);
  guint n_plans = vp_store_count (store, VP_TYPE_PLAN);
  guint n_actions = vp_store_count (store, VP_TYPE_ACTION);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (vp_store_make_next_year (store, plan, NULL, &error));
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, n_plans + 1);
  g_assert_cmpstr (vp_store_get_undo_label (store), ==, "Next year’s plan");
  g_assert_true (vp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, n_plans);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_ACTION), ==, n_actions);
  g_assert_false (vp_plan_is_closed (plan));
}

/* A chosen few, and an unknown UUID refused with nothing changed. */
static void
test_next_year_chosen (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = load_example (store);
  const char *carry[] = { vp_record_get_uuid (VP_RECORD (nth_action_of (store, plan, 3))), NULL };
  const char *wrong[] = { "00000000-0000-4000-8000-000000000000", NULL };
  guint n_plans = vp_store_count (store, VP_TYPE_PLAN);
  g_autoptr (GError) error = NULL;
  VpPlan *next;

  g_assert_null (vp_store_make_next_year (store, plan, wrong, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (vp_store_count (store, VP_TYPE_PLAN), ==, n_plans);
  g_assert_false (vp_plan_is_closed (plan));

  next = vp_store_make_next_year (store, plan, carry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_children (store, VP_TYPE_ACTION, next), ==, 1);
}

/* A partner on 0.1.x sends version 1 files: the keys it does not know
 * keep the values this database has. */
static void
test_version_1_keeps (void)
{
  g_autoptr (VpStore) nijkerk = vp_test_store_new ();
  g_autoptr (VpStore) barneveld = vp_test_store_new_for ("Barneveld");
  VpPlan *plan = load_example (nijkerk);
  g_autoptr (GError) error = NULL;
  g_autofree char *v1 = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (VpChangeSet) back = NULL;
  VpPlan *next = vp_store_make_next_year (nijkerk, plan, NULL, &error);
  VpAction *carried = nth_action_of (nijkerk, next, 0);
  g_autofree char *origin = g_strdup (vp_action_get_origin (carried));

  g_assert_no_error (error);
  /* the partner's copy, as a 0.1.x release would keep it: no new keys */
  v1 = vp_exchange_write_version (nijkerk, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (v1, "\"origin\""));
  g_assert_null (strstr (v1, "\"closed_at\""));
  g_assert_nonnull (strstr (v1, "\"version\": 1,"));
  bytes = g_bytes_new (v1, strlen (v1));
  set = vp_exchange_read (barneveld, bytes, "nijkerk.json", &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, barneveld, &error));
  g_assert_no_error (error);
  g_assert_null (vp_action_get_origin (
    VP_ACTION (vp_store_lookup (barneveld, vp_record_get_uuid (VP_RECORD (carried))))));

  /* it changes the carried action and sends it back in version 1 */
  g_assert_true (vp_store_update (
    barneveld, vp_store_lookup (barneveld, vp_record_get_uuid (VP_RECORD (carried))), &error,
    "lead-note", "Via Barneveld", NULL));
  g_clear_pointer (&v1, g_free);
  v1 = vp_exchange_write_version (barneveld, NULL, 1, &error);
  g_bytes_unref (bytes);
  bytes = g_bytes_new (v1, strlen (v1));
  back = vp_exchange_read (nijkerk, bytes, "barneveld.json", &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (back, nijkerk, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (carried), "lead-note"), ==, "Via Barneveld");
  g_assert_cmpstr (vp_action_get_origin (carried), ==, origin);
  g_assert_true (vp_plan_is_closed (plan));
}

static void
exchange (VpStore *from, VpStore *to, const char *name, guint max_refused)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = vp_exchange_write (from, NULL, &error);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (VpChangeSet) set = vp_exchange_read (to, bytes, name, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (vp_change_set_count (set, VP_CHANGE_REFUSED), <=, max_refused);
  g_assert_true (vp_change_set_apply (set, to, &error));
  g_assert_no_error (error);
}

/* Barneveld's local action, carried over by Nijkerk, reaches Barneveld as
 * its own: taken by import, not refused. */
static void
test_partners_action_carried (void)
{
  g_autoptr (VpStore) nijkerk = vp_test_store_new ();
  g_autoptr (VpStore) barneveld = vp_test_store_new_for ("Barneveld");
  VpPlan *plan = load_example (nijkerk);
  VpAction *first = nth_action_of (nijkerk, plan, 0);
  g_autoptr (VpRecord) local
    = g_object_new (VP_TYPE_ACTION, "priority", vp_action_get_priority (first), "text",
                    "We houden een bijeenkomst voor Barneveldse ondernemers.", "lead-kind",
                    VP_LEAD_KIND_ORGANISATION, "lead", "barneveld", "category", VP_CATEGORY_LOCAL,
                    "owner", "barneveld", NULL);
  g_autoptr (GError) error = NULL;
  GListModel *actions = vp_store_get_records (barneveld, VP_TYPE_ACTION);
  VpPlan *next;
  gboolean found = FALSE;

  exchange (nijkerk, barneveld, "nijkerk.json", 0);
  g_assert_true (vp_store_insert (barneveld, local, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  exchange (barneveld, nijkerk, "barneveld.json", 0);
  next = vp_store_make_next_year (nijkerk, plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  exchange (nijkerk, barneveld, "nijkerk-2025.json", 0);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (vp_action_get_origin (action), vp_record_get_uuid (local)) != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (vp_record_get_string (VP_RECORD (action), "owner"), ==, "barneveld");
      /* Barneveld changes it, as its own */
      g_assert_true (vp_store_update (barneveld, VP_RECORD (action), &error, "lead-note",
                                      "Bedrijvencontactfunctionaris", NULL));
      g_assert_no_error (error);
    }
  g_assert_true (found);
}

/* An organisation in use stays, with the reason; an unused one goes. */
static void
test_remove_organisation (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VpRecord) welzijn
    = g_object_new (VP_TYPE_ORGANISATION, "code", "welzijn", "name", "Stichting Welzijn", "kind",
                    VP_ORGANISATION_KIND_PARTNER, NULL);
  g_autofree char *before = NULL;
  VpOrganisation *politie;
  VpOrganisation *barneveld;

  load_example (store);
  politie = vp_store_lookup_organisation (store, "politie");
  barneveld = vp_store_lookup_organisation (store, "barneveld");
  g_assert_nonnull (politie);
  before = vp_test_dump_without (store, NULL);
  g_assert_false (vp_store_remove_organisation (store, politie, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "leads"));
  g_clear_error (&error);
  g_assert_false (vp_store_remove_organisation (store, barneveld, &error));
  g_assert_nonnull (strstr (error->message, "Barneveld"));
  g_clear_error (&error);
  {
    g_autofree char *after = vp_test_dump_without (store, NULL);

    g_assert_cmpstr (before, ==, after);
  }
  g_assert_true (vp_store_insert (store, welzijn, VP_STORE_WRITE_DEFAULT, &error));
  g_assert_true (vp_store_remove_organisation (store, VP_ORGANISATION (welzijn), &error));
  g_assert_no_error (error);
  g_assert_null (vp_store_lookup_organisation (store, "welzijn"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/own-plan/validate", test_validate);
  g_test_add_func ("/own-plan/short-names", test_short_names);
  g_test_add_func ("/own-plan/short-names-distinct", test_short_names_distinct);
  g_test_add_func ("/own-plan/coalition-plan", test_coalition_plan);
  g_test_add_func ("/own-plan/owned-plan", test_owned_plan);
  g_test_add_func ("/own-plan/next-year", test_next_year);
  g_test_add_func ("/own-plan/next-year-undo", test_next_year_undo);
  g_test_add_func ("/own-plan/next-year-chosen", test_next_year_chosen);
  g_test_add_func ("/own-plan/version-1-keeps", test_version_1_keeps);
  g_test_add_func ("/own-plan/remove-organisation", test_remove_organisation);
  g_test_add_func ("/own-plan/partners-action-carried", test_partners_action_carried);
  return g_test_run ();
}
