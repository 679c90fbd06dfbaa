/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <json-glib/json-glib.h>

#include "exchange/vp-exchange.h"
#include "report/vp-report.h"
#include "store/vp-store-status.h"
#include "vp-test-util.h"

/* Figures at a reference date, the reports as PDF and the CSV export. */

#define SMALL_CONTROLS "We organiseren vijf (thematische) integrale controles."
#define SMALL_BIBOB    "We stellen een organisatiebreed projectplan op voor de Wet Bibob."
#define SMALL_HOUSING                                                                              \
  "We creëren een actueel overzicht van huisvestingslocaties van arbeidsmigranten."
#define SMALL_ARIADNE "We evalueren de samenwerking met het project Ariadne."

static void
set_clock (VpStore *store, int month, int day)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, month, day, 10, 0, 0);

  vp_store_set_now (store, now);
}

static VpAction *
find_action (VpStore *store, const char *text)
{
  GListModel *actions = vp_store_get_records (store, VP_TYPE_ACTION);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, i);

      if (g_str_equal (vp_action_get_text (action), text))
        return action;
    }
  g_assert_not_reached ();
}

static void
set_status (VpStore *store, const char *text, const char *who, VpStatus status, int achieved)
{
  g_autoptr (GError) error = NULL;

  /* another municipality's status arrives by import */
  if (g_strcmp0 (who, vp_store_get_home_municipality (store)) != 0)
    {
      vp_test_set_status_as (store, find_action (store, text), who, status, achieved, "");
      return;
    }
  vp_store_set_status (store, find_action (store, text), who, status, achieved, "", &error);
  g_assert_no_error (error);
}

static GDateTime *
day_end (int month, int day)
{
  return g_date_time_new_utc (2024, month, day, 23, 59, 59.999);
}

/* The small plan with these statuses, hand-counted in the tests below:
 * controls (joint, Q1, target 5) done with 3; Bibob (Nijkerk, Q4) in
 * progress; housing (each, Q4) done in Nijkerk, in progress in Barneveld;
 * Ariadne (local, Q4) postponed. */
static VpPlan *
add_fixture (VpStore *store)
{
  VpPlan *plan = vp_test_add_small_plan (store);

  set_clock (store, 4, 2);
  set_status (store, SMALL_CONTROLS, "nijkerk", VP_STATUS_DONE, 3);
  set_status (store, SMALL_BIBOB, "nijkerk", VP_STATUS_IN_PROGRESS, 0);
  set_status (store, SMALL_HOUSING, "nijkerk", VP_STATUS_DONE, 0);
  set_status (store, SMALL_HOUSING, "barneveld", VP_STATUS_IN_PROGRESS, 0);
  set_status (store, SMALL_ARIADNE, "nijkerk", VP_STATUS_POSTPONED, 0);
  return plan;
}

static void
assert_counts (const VpCounts *counts,
               guint planned,
               guint in_progress,
               guint done,
               guint postponed,
               guint cancelled,
               guint overdue)
{
  g_assert_cmpuint (counts->by_status[VP_STATUS_PLANNED], ==, planned);
  g_assert_cmpuint (counts->by_status[VP_STATUS_IN_PROGRESS], ==, in_progress);
  g_assert_cmpuint (counts->by_status[VP_STATUS_DONE], ==, done);
  g_assert_cmpuint (counts->by_status[VP_STATUS_POSTPONED], ==, postponed);
  g_assert_cmpuint (counts->by_status[VP_STATUS_CANCELLED], ==, cancelled);
  g_assert_cmpuint (counts->overdue, ==, overdue);
  g_assert_cmpuint (counts->total, ==, planned + in_progress + done + postponed + cancelled);
}

static VpPriority *
priority_number (VpFigures *figures, guint i)
{
  return g_ptr_array_index (vp_figures_get_priorities (figures), i);
}

static void
test_figures_fixture (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (GDateTime) june = day_end (6, 30);
  g_autoptr (GDateTime) january = g_date_time_new_utc (2025, 1, 5, 12, 0, 0);
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (VpFigures) late = NULL;
  g_autoptr (GPtrArray) leads = NULL;
  g_autoptr (GError) error = NULL;
  VpCounts counts;
  guint planned, done, n, met, achieved, target;

  figures = vp_figures_new (store, plan, june, VP_FIGURES_SCOPE_COALITION, &error);
  g_assert_no_error (error);
  assert_counts (vp_figures_get_total (figures), 0, 2, 1, 1, 0, 0);
  vp_figures_count_priority (figures, vp_record_get_uuid (VP_RECORD (priority_number (figures, 0))),
                             &counts);
  assert_counts (&counts, 0, 2, 1, 0, 0, 0);
  vp_figures_count_priority (figures, vp_record_get_uuid (VP_RECORD (priority_number (figures, 1))),
                             &counts);
  assert_counts (&counts, 0, 0, 0, 1, 0, 0);
  vp_figures_count_quarter (figures, VP_QUARTER_Q1, &planned, &done);
  g_assert_cmpuint (planned, ==, 1);
  g_assert_cmpuint (done, ==, 1);
  vp_figures_count_quarter (figures, VP_QUARTER_Q4, &planned, &done);
  g_assert_cmpuint (planned, ==, 3);
  g_assert_cmpuint (done, ==, 0);
  vp_figures_count_targets (figures, &n, &met, &achieved, &target);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (met, ==, 0);
  g_assert_cmpuint (achieved, ==, 3);
  g_assert_cmpuint (target, ==, 5);
  leads = vp_figures_list_leads (figures);
  g_assert_cmpuint (leads->len, ==, 3);
  g_assert_cmpstr (((VpLeadCounts *) leads->pdata[0])->label, ==, "Joint");
  assert_counts (&((VpLeadCounts *) leads->pdata[0])->counts, 0, 0, 1, 0, 0, 0);
  g_assert_cmpstr (((VpLeadCounts *) leads->pdata[1])->label, ==, "Nijkerk");
  assert_counts (&((VpLeadCounts *) leads->pdata[1])->counts, 0, 1, 0, 1, 0, 0);
  g_assert_cmpstr (((VpLeadCounts *) leads->pdata[2])->label, ==, "Each municipality");
  assert_counts (&((VpLeadCounts *) leads->pdata[2])->counts, 0, 1, 0, 0, 0, 0);
  g_assert_cmpint (vp_figures_status_of (figures, find_action (store, SMALL_HOUSING), "barneveld"),
                   ==, VP_STATUS_IN_PROGRESS);
  g_assert_cmpint (
    vp_figures_status_of (figures, find_action (store, SMALL_HOUSING), "scherpenzeel"), ==,
    VP_STATUS_PLANNED);

  /* once the year is out, the three Q4 actions not done are overdue */
  late = vp_figures_new (store, plan, january, VP_FIGURES_SCOPE_COALITION, &error);
  g_assert_no_error (error);
  assert_counts (vp_figures_get_total (late), 0, 2, 1, 1, 0, 3);
}

static void
test_figures_scope (void)
{
  g_autoptr (VpStore) store = vp_test_store_new_for ("Barneveld");
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpFigures) home = NULL;
  g_autoptr (VpFigures) all = NULL;

  /* Ariadne is Nijkerk's local action: not in Barneveld's own plan */
  home = vp_figures_new (store, plan, NULL, VP_FIGURES_SCOPE_HOME, NULL);
  all = vp_figures_new (store, plan, NULL, VP_FIGURES_SCOPE_COALITION, NULL);
  g_assert_cmpuint (vp_figures_get_total (home)->total, ==, 3);
  g_assert_cmpuint (vp_figures_get_total (all)->total, ==, 4);
  /* nor is Nijkerk's local priority */
  g_assert_cmpuint (vp_figures_get_priorities (home)->len, ==, 1);
  g_assert_cmpuint (vp_figures_get_priorities (all)->len, ==, 2);
}

static char *
copy_database (VpStore *store)
{
  g_autofree char *dir = vp_test_make_dir ();
  char *copy = g_build_filename (dir, "copy.db", NULL);
  const char *suffixes[] = { "", "-wal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (vp_store_get_path (store), suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr (GError) error = NULL;

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      g_file_get_contents (from, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, length, &error);
      g_assert_no_error (error);
    }
  return copy;
}

static char *
dump_at (VpStore *store, GDateTime *as_of)
{
  VpPlan *plan = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PLAN), 0);
  g_autoptr (VpFigures) figures
    = vp_figures_new (store, plan, as_of, VP_FIGURES_SCOPE_COALITION, NULL);

  g_object_unref (plan);
  return vp_figures_dump (figures);
}

static void
change_after_copy (VpStore *store, VpPlan *plan)
{
  g_autoptr (GError) error = NULL;
  VpRecord *priority = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PRIORITY), 0);
  g_autoptr (VpRecord) added
    = g_object_new (VP_TYPE_ACTION, "priority", vp_record_get_uuid (priority), "text",
                    "Later toegevoegd.", "lead-kind", VP_LEAD_KIND_JOINT, "year", 2024, "quarter",
                    VP_QUARTER_Q3, "category", VP_CATEGORY_JOINT, "position", 9, NULL);

  g_object_unref (priority);
  set_clock (store, 5, 20);
  set_status (store, SMALL_CONTROLS, "nijkerk", VP_STATUS_DONE, 5);
  set_status (store, SMALL_HOUSING, "scherpenzeel", VP_STATUS_DONE, 0);
  set_status (store, SMALL_BIBOB, "nijkerk", VP_STATUS_CANCELLED, 0);
  vp_store_move_to_quarter (store, find_action (store, SMALL_ARIADNE), 2024, VP_QUARTER_Q2, &error);
  g_assert_no_error (error);
  vp_store_insert (store, added, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  set_clock (store, 11, 1);
  set_status (store, SMALL_ARIADNE, "nijkerk", VP_STATUS_DONE, 0);
}

/* Figures as of a moment equal those of a copy of the database made then. */
static void
test_figures_as_of_copy (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = vp_test_add_small_plan (store);
  g_autoptr (GDateTime) moment = day_end (4, 10);
  g_autoptr (VpStore) copy = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *then = NULL;
  g_autofree char *of_copy = NULL;
  g_autofree char *now = NULL;
  g_autoptr (GError) error = NULL;

  set_clock (store, 4, 10);
  set_status (store, SMALL_CONTROLS, "nijkerk", VP_STATUS_IN_PROGRESS, 2);
  set_status (store, SMALL_BIBOB, "nijkerk", VP_STATUS_IN_PROGRESS, 0);
  set_status (store, SMALL_HOUSING, "barneveld", VP_STATUS_POSTPONED, 0);
  copy_path = copy_database (store);
  change_after_copy (store, plan);

  copy = vp_store_open (copy_path, &error);
  g_assert_no_error (error);
  then = dump_at (store, moment);
  of_copy = dump_at (copy, moment);
  g_test_message ("as of 2024-04-10:\n%s", then);
  g_assert_cmpstr (then, ==, of_copy);
  /* and the changes since do count now */
  now = dump_at (store, NULL);
  g_assert_cmpstr (now, !=, then);
  /* the controls were overdue then (Q1 passed, in progress), not now */
  g_assert_nonnull (strstr (then, "in-progress 2024-Q1 achieved 2 overdue"));
  g_assert_nonnull (strstr (now, "done 2024-Q1 achieved 5\n"));
}

/* PDF */

static char *
run_pdftotext (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

static char *
write_report (VpFigures *figures, VpReportKind kind, guint *n_pages)
{
  g_autofree char *dir = vp_test_make_dir ();
  char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GBytes) first = vp_report_pdf (figures, kind, NULL, n_pages);
  g_autoptr (GBytes) second = vp_report_pdf (figures, kind, NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (vp_report_write_pdf (figures, kind, NULL, path, &error));
  g_assert_no_error (error);
  return path;
}

/* pdftotext's text of the report, its pages checked against the layout's
 * count and the page numbers printed on them. */
static char *
report_text (VpFigures *figures, VpReportKind kind, guint min_pages)
{
  guint n_pages;
  g_autofree char *path = write_report (figures, kind, &n_pages);
  char *text = run_pdftotext (path);
  g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

  g_assert_cmpuint (n_pages, >=, min_pages);
  if (text == NULL)
    return NULL;
  g_assert_cmpuint (count_pages (text), ==, n_pages);
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, last));
  return text;
}

static void
add_goals (VpStore *store)
{
  VpRecord *priority = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PRIORITY), 0);
  const char *served[]
    = { vp_record_get_uuid (VP_RECORD (find_action (store, SMALL_CONTROLS))), NULL };
  g_autoptr (VpRecord) strategic = g_object_new (
    VP_TYPE_GOAL, "priority", vp_record_get_uuid (priority), "kind", VP_GOAL_KIND_STRATEGIC, "text",
    "Minder drugsgerelateerde criminaliteit.", "assessment", VP_ASSESSMENT_PARTLY, "evaluation",
    "Drie van de vijf controles gehouden.", "actions", served, NULL);
  g_autoptr (VpRecord) year
    = g_object_new (VP_TYPE_GOAL, "priority", vp_record_get_uuid (priority), "kind",
                    VP_GOAL_KIND_YEAR, "text", "Bibob-beleid vastgesteld.", "position", 1, NULL);
  g_autoptr (GError) error = NULL;

  g_object_unref (priority);
  vp_store_insert (store, strategic, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  vp_store_insert (store, year, VP_STORE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  vp_store_update (store, VP_RECORD (find_action (store, SMALL_BIBOB)), &error, "evaluation",
                   "Vertraagd: de Bibob-medewerker begon pas in september.", NULL);
  g_assert_no_error (error);
}

static VpFigures *
fixture_figures (VpStore *store, VpPlan *plan)
{
  g_autoptr (GDateTime) december = day_end (12, 31);
  g_autoptr (GError) error = NULL;
  VpFigures *figures = vp_figures_new (store, plan, december, VP_FIGURES_SCOPE_COALITION, &error);

  g_assert_no_error (error);
  return figures;
}

static void
test_pdf_evaluation (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpFigures) figures = NULL;
  g_autofree char *text = NULL;

  add_goals (store);
  figures = fixture_figures (store, plan);
  /* the summary, then a page per priority */
  text = report_text (figures, VP_REPORT_EVALUATION, 3);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Evaluation"));
  g_assert_nonnull (strstr (text, "Nijkerk · Uitvoeringsplan Veiligheid 2024"));
  g_assert_nonnull (strstr (text, "reference date 2024-12-31"));
  g_assert_nonnull (strstr (text, "Of 4 actions, 1 are done"));
  g_assert_nonnull (strstr (text, "1. Ondermijnende criminaliteit"));
  g_assert_nonnull (strstr (text, "2. Vakantieparken"));
  g_assert_nonnull (strstr (text, "Partly achieved"));
  g_assert_nonnull (strstr (text, "Drie van de vijf controles gehouden."));
  g_assert_nonnull (strstr (text, "Not yet assessed"));
  g_assert_nonnull (strstr (text, "Vertraagd:"));
  g_assert_nonnull (strstr (text, "3 of 5"));
}

static void
test_pdf_progress (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpFigures) figures = fixture_figures (store, plan);
  g_autofree char *text = report_text (figures, VP_REPORT_PROGRESS, 1);

  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Progress report"));
  g_assert_nonnull (strstr (text, "Changed since"));
  g_assert_nonnull (strstr (text, "The partners’ statuses"));
  g_assert_nonnull (strstr (text, "Scherpenzeel"));
  /* the status changes of April fall within three months before December? no: none listed */
  g_assert_nonnull (strstr (text, "No status changed in this period."));
}

static void
test_pdf_plan (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpFigures) figures = NULL;
  g_autofree char *text = NULL;

  add_goals (store);
  /* the plan's own budget, in cents as written: 15 cents per inhabitant */
  g_assert_true (
    vp_store_update (store, VP_RECORD (plan), NULL, "budget-cents", (gint64) 15, NULL));
  /* a priority's €0 is a budget of nothing, said as such */
  {
    g_autoptr (VpRecord) first
      = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_PRIORITY), 0);

    g_assert_true (vp_store_update (store, first, NULL, "budget-cents", (gint64) 0, NULL));
  }
  figures = fixture_figures (store, plan);
  text = report_text (figures, VP_REPORT_PLAN, 4);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Implementation plan"));
  g_assert_nonnull (strstr (text, "Strategic goals"));
  g_assert_nonnull (strstr (text, "Minder drugsgerelateerde criminaliteit."));
  g_assert_nonnull (strstr (text, "A. Productie en handel in drugs"));
  g_assert_nonnull (strstr (text, "Budget: €0.15"));
  g_assert_nonnull (strstr (text, "Budget: €0\n"));
  g_assert_nonnull (strstr (text, "Planning per quarter"));
  g_assert_nonnull (strstr (text, "Q4 2024"));
  g_assert_nonnull (strstr (text, "Appendix: definitions"));
  g_assert_nonnull (strstr (text, "Wet bevordering integriteitsbeoordelingen"));
}

/* Markup is text, and a text longer than a page goes on over pages. */
static void
test_pdf_long_and_markup (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (GString) long_text = g_string_new ("BEGIN ");
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  while (long_text->len < 100000)
    g_string_append (long_text, "veiligheid woord ");
  g_string_append (long_text, "EINDE");
  vp_store_update (store, VP_RECORD (plan), &error, "intro", long_text->str, NULL);
  g_assert_no_error (error);
  vp_store_update (store, VP_RECORD (find_action (store, SMALL_BIBOB)), &error, "text",
                   "<b>vet</b> & <span size=\"90000\">groot</span> </i>", "evaluation",
                   long_text->str, NULL);
  g_assert_no_error (error);
  figures = fixture_figures (store, plan);
  text = report_text (figures, VP_REPORT_PLAN, 10);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_assert_nonnull (strstr (text, "<b>vet</b> & <span size=\"90000\">groot</span> </i>"));
  g_assert_nonnull (strstr (text, "BEGIN"));
  g_assert_nonnull (strstr (text, "EINDE"));
  g_free (text);
  /* in a table cell, the long evaluation is cut short: the page stays */
  text = report_text (figures, VP_REPORT_EVALUATION, 3);
  g_assert_nonnull (strstr (text, "<b>vet</b>"));
}

/* CSV */

static void
test_csv_cell (void)
{
  const char *cases[][2] = {
    { "plain", "plain" },    { "=SUM(A1:A2)", "'=SUM(A1:A2)" },
    { "+31 33", "'+31 33" }, { "-1", "'-1" },
    { "@cmd", "'@cmd" },     { "\tx", "'\tx" },
    { "a;b", "\"a;b\"" },    { "zeg \"ja\"", "\"zeg \"\"ja\"\"\"" },
    { "\rx", "\"'\rx\"" },   { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = vp_report_csv_cell (cases[i][0]);

      g_assert_cmpstr (cell, ==, cases[i][1]);
    }
}

static JsonArray *
read_back (const char *path, JsonParser *parser)
{
  const char *script = "import csv, json, sys\n"
                       "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                       "    print(json.dumps(list(csv.reader(f, delimiter=';'))))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_csv_read_back (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  const char *tricky = "=HYPERLINK(\"http://x\";\"klik\")\nregel 2; \"quote\"";
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "acties.csv", NULL);
  g_autoptr (VpFigures) figures = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_strconcat ("'", tricky, NULL);
  g_autofree char *bytes = NULL;
  JsonArray *rows, *header;
  gboolean found = FALSE;

  vp_store_update (store, VP_RECORD (find_action (store, SMALL_BIBOB)), &error, "text", tricky,
                   "lead-note", "-Bibob", "evaluation", "@ja", NULL);
  g_assert_no_error (error);
  figures = fixture_figures (store, plan);
  g_assert_true (vp_report_write_csv (figures, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &bytes, NULL, &error);
  g_assert_true (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));

  rows = read_back (path, parser);
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  header = json_array_get_array_element (rows, 0);
  g_assert_cmpstr (json_array_get_string_element (header, 3), ==, "Action");
  g_assert_cmpstr (json_array_get_string_element (header, 16), ==, "Status Nijkerk");
  g_assert_cmpstr (json_array_get_string_element (header, 18), ==, "Status Scherpenzeel");
  for (guint i = 1; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpuint (json_array_get_length (row), ==, json_array_get_length (header));
      if (g_strcmp0 (json_array_get_string_element (row, 3), expected) != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (json_array_get_string_element (row, 5), ==, "'-Bibob");
      g_assert_cmpstr (json_array_get_string_element (row, 12), ==, "In progress");
      g_assert_cmpstr (json_array_get_string_element (row, 14), ==, "'@ja");
    }
  g_assert_true (found);
  /* the housing action's statuses side by side */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 16), ==,
                   "Done");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 17), ==,
                   "In progress");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 11), ==,
                   "3");
}

/* The evaluation fields travel (format version 2), and a version 1
 * export, for a partner on 0.1, leaves them out. */
static void
test_exchange_evaluation (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  VpPlan *plan = add_fixture (store);
  g_autoptr (VpStore) partner = vp_test_store_new_for ("Barneveld");
  g_autofree char *dir = vp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *goals;
  gboolean partly = FALSE;

  add_goals (store);
  g_assert_true (vp_exchange_export_version (store, plan, path, 1, &error));
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_null (strstr (json, "\"assessment\""));
  g_assert_null (strstr (json, "\"evaluation\""));
  g_clear_pointer (&json, g_free);

  g_assert_true (vp_exchange_export (store, plan, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_nonnull (strstr (json, "\"assessment\": \"partly\""));

  set_clock (partner, 4, 3);
  set = vp_exchange_read_file (partner, path, &error);
  g_assert_no_error (error);
  g_assert_true (vp_change_set_apply (set, partner, &error));
  g_assert_no_error (error);
  goals = vp_store_get_records (partner, VP_TYPE_GOAL);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (VpGoal) goal = g_list_model_get_item (goals, i);

      if (vp_goal_get_assessment (goal) == VP_ASSESSMENT_PARTLY)
        {
          partly = TRUE;
          g_assert_cmpstr (vp_goal_get_evaluation (goal), ==,
                           "Drie van de vijf controles gehouden.");
          g_assert_cmpuint (g_strv_length ((char **) vp_goal_get_actions (goal)), ==, 1);
        }
    }
  g_assert_true (partly);
  g_assert_cmpstr (vp_action_get_evaluation (find_action (partner, SMALL_BIBOB)), ==,
                   "Vertraagd: de Bibob-medewerker begon pas in september.");
}

static void
test_parse_date (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = vp_figures_parse_date ("2024-06-30", &error);
  const char *bad[] = { "2024-02-30", "30-06-2024", "2024-6-30", "2024-06-30x", "" };

  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 30);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 23);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GDateTime) none = vp_figures_parse_date (bad[i], &error);

      g_assert_null (none);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_clear_error (&error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/figures/fixture", test_figures_fixture);
  g_test_add_func ("/report/figures/scope", test_figures_scope);
  g_test_add_func ("/report/figures/as-of-equals-copy", test_figures_as_of_copy);
  g_test_add_func ("/report/figures/parse-date", test_parse_date);
  g_test_add_func ("/report/pdf/evaluation", test_pdf_evaluation);
  g_test_add_func ("/report/pdf/progress", test_pdf_progress);
  g_test_add_func ("/report/pdf/plan", test_pdf_plan);
  g_test_add_func ("/report/pdf/long-and-markup", test_pdf_long_and_markup);
  g_test_add_func ("/report/csv/cell", test_csv_cell);
  g_test_add_func ("/report/csv/read-back", test_csv_read_back);
  g_test_add_func ("/report/exchange/evaluation", test_exchange_evaluation);
  return g_test_run ();
}
