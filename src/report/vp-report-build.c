/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-report-build"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-status.h"
#include "vp-report-private.h"

/*
 * What each report says, as blocks for vp-report-layout.c: the
 * evaluation for the council, the progress report for the driehoek, and
 * the plan document. Every text from the plan is escaped into the markup.
 */

typedef struct
{
  VpReportLayout *layout;
  VpFigures *figures;
  VpStore *store;
  VpPlan *plan;
} Build;

/**
 * vp_report_format_date:
 *
 * Returns: (transfer full): @date as a report writes it
 */
char *
vp_report_format_date (GDateTime *date)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (date);

  /* Translators: a date in a report (strftime); Dutch: %d-%m-%Y */
  return g_date_time_format (local, _ ("%Y-%m-%d"));
}

static void text (Build *b, VpBlockKind kind, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* @format: markup with printf conversions whose arguments are escaped */
static void
text (Build *b, VpBlockKind kind, const char *format, ...)
{
  va_list args;
  g_autofree char *markup = NULL;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  vp_report_layout_add_text (b->layout, kind, markup);
}

/* A text a person wrote, paragraphs kept, when there is one. */
static void
paragraph (Build *b, const char *label, const char *body)
{
  if (body == NULL || *body == '\0')
    return;
  if (label != NULL)
    text (b, VP_BLOCK_TEXT, "<b>%s</b>\n%s", label, body);
  else
    text (b, VP_BLOCK_TEXT, "%s", body);
}

static const char *
municipality_name (Build *b)
{
  const char *name = vp_store_get_home_municipality_name (b->store);
  VpOrganisation *owner;

  if (name != NULL)
    return name;
  owner = vp_store_lookup_organisation (b->store, vp_plan_get_owner (b->plan));
  return owner != NULL ? vp_organisation_get_name (owner) : "";
}

static char *
count_cell (guint n)
{
  return n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("–");
}

static void
bar_from_counts (GArray *bars, const char *label, const VpCounts *counts)
{
  VpBar bar = { g_strdup (label), { 0 } };

  memcpy (bar.counts, counts->by_status, sizeof bar.counts);
  g_array_append_val (bars, bar);
}

static GArray *
new_bars (void)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (VpBar));

  g_array_set_clear_func (bars, (GDestroyNotify) vp_bar_clear);
  return bars;
}

static char *
priority_label (VpPriority *priority)
{
  return g_strdup_printf ("%d. %s", vp_priority_get_number (priority),
                          vp_priority_get_title (priority));
}

static void
add_priority_bars (Build *b)
{
  GPtrArray *priorities = vp_figures_get_priorities (b->figures);
  GArray *bars = new_bars ();

  for (guint i = 0; i < priorities->len; i++)
    {
      VpPriority *priority = g_ptr_array_index (priorities, i);
      g_autofree char *label = priority_label (priority);
      VpCounts counts;

      vp_figures_count_priority (b->figures, vp_record_get_uuid (VP_RECORD (priority)), &counts);
      bar_from_counts (bars, label, &counts);
    }
  vp_report_layout_add_bars (b->layout, bars);
}

static const double status_columns[] = { 0.23, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11 };

static VpBlock *
status_table_header (Build *b, const char *first)
{
  const char *cells[] = {
    first,
    vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_PLANNED),
    vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_IN_PROGRESS),
    vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_DONE),
    vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_POSTPONED),
    vp_enum_get_label (VP_TYPE_STATUS, VP_STATUS_CANCELLED),
    /* Translators: a column of a report's table: actions past their quarter */
    _ ("Overdue"),
    /* Translators: a column of a report's table */
    _ ("Total"),
  };
  g_auto (GStrv) escaped = g_new0 (char *, G_N_ELEMENTS (cells) + 1);

  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    escaped[i] = g_markup_escape_text (cells[i], -1);
  return vp_report_layout_add_row (b->layout, status_columns, G_N_ELEMENTS (cells),
                                   (const char *const *) escaped, NULL);
}

static void
status_table_row (
  Build *b, VpBlock *header, const char *label, const VpCounts *counts, gboolean bold)
{
  g_auto (GStrv) cells = g_new0 (char *, 9);

  cells[0] = bold ? g_markup_printf_escaped ("<b>%s</b>", label) : g_markup_escape_text (label, -1);
  for (guint s = 0; s < VP_N_STATUSES; s++)
    cells[1 + s] = count_cell (counts->by_status[s]);
  cells[6] = count_cell (counts->overdue);
  cells[7] = count_cell (counts->total);
  vp_report_layout_add_row (b->layout, status_columns, 8, (const char *const *) cells, header);
}

static void
add_priority_table (Build *b)
{
  GPtrArray *priorities = vp_figures_get_priorities (b->figures);
  /* Translators: a column of a report's table */
  VpBlock *header = status_table_header (b, _ ("Priority"));

  for (guint i = 0; i < priorities->len; i++)
    {
      VpPriority *priority = g_ptr_array_index (priorities, i);
      g_autofree char *label = priority_label (priority);
      VpCounts counts;

      vp_figures_count_priority (b->figures, vp_record_get_uuid (VP_RECORD (priority)), &counts);
      status_table_row (b, header, label, &counts, FALSE);
    }
  /* Translators: the last row of a report's table */
  status_table_row (b, header, _ ("All priorities"), vp_figures_get_total (b->figures), TRUE);
}

static void
add_lead_table (Build *b)
{
  g_autoptr (GPtrArray) leads = vp_figures_list_leads (b->figures);
  /* Translators: a column of a report's table */
  VpBlock *header = status_table_header (b, _ ("Lead"));

  for (guint i = 0; i < leads->len; i++)
    {
      VpLeadCounts *lead = g_ptr_array_index (leads, i);

      status_table_row (b, header, lead->label, &lead->counts, FALSE);
    }
}

static const double quarter_columns[] = { 0.25, 0.25, 0.25, 0.25 };

static void
add_quarter_table (Build *b)
{
  const char *names[] = {
    /* Translators: a column of a report's table */
    N_ ("Quarter"),
    N_ ("Planned in it"),
    N_ ("Done"),
    N_ ("Share done"),
  };
  g_auto (GStrv) head = g_new0 (char *, 5);
  VpBlock *header;

  for (guint i = 0; i < 4; i++)
    head[i] = g_markup_escape_text (_ (names[i]), -1);
  header
    = vp_report_layout_add_row (b->layout, quarter_columns, 4, (const char *const *) head, NULL);
  for (guint q = VP_QUARTER_Q1; q <= VP_QUARTER_Q4; q++)
    {
      guint planned, done;
      g_auto (GStrv) cells = g_new0 (char *, 5);

      vp_figures_count_quarter (b->figures, q, &planned, &done);
      cells[0] = g_strdup_printf ("Q%u %d", q, vp_plan_get_first_year (b->plan));
      cells[1] = count_cell (planned);
      cells[2] = count_cell (done);
      cells[3] = planned > 0 ? g_strdup_printf ("%u%%", (done * 100 + planned / 2) / planned)
                             : g_strdup ("–");
      vp_report_layout_add_row (b->layout, quarter_columns, 4, (const char *const *) cells, header);
    }
}

static void
add_summary (Build *b)
{
  const VpCounts *total = vp_figures_get_total (b->figures);
  guint n, met, achieved, target;

  /* Translators: a heading of a report */
  text (b, VP_BLOCK_HEADING, "%s", _ ("Summary"));
  text (b, VP_BLOCK_TEXT,
        /* Translators: the summary of a report: done actions of all, overdue ones */
        _ ("Of %u actions, %u are done, %u in progress, %u not started, %u postponed and %u "
           "cancelled; %u are overdue."),
        total->total, total->by_status[VP_STATUS_DONE], total->by_status[VP_STATUS_IN_PROGRESS],
        total->by_status[VP_STATUS_PLANNED], total->by_status[VP_STATUS_POSTPONED],
        total->by_status[VP_STATUS_CANCELLED], total->overdue);
  vp_figures_count_targets (b->figures, &n, &met, &achieved, &target);
  if (n > 0)
    text (b, VP_BLOCK_TEXT,
          /* Translators: the summary of a report: actions with a number to reach */
          _ ("%u actions have a target; %u of them reached it. Together %u of %u were achieved."),
          n, met, achieved, target);
  add_priority_bars (b);
  add_priority_table (b);
  /* Translators: a heading of a report */
  text (b, VP_BLOCK_SUBHEADING, "%s", _ ("Per quarter: planned and done"));
  add_quarter_table (b);
  /* Translators: a heading of a report */
  text (b, VP_BLOCK_SUBHEADING, "%s", _ ("Per lead"));
  add_lead_table (b);
}

static char *
quarter_text (int year, VpQuarter quarter)
{
  if (quarter == VP_QUARTER_NONE)
    return g_strdup ("–");
  return year > 0 ? g_strdup_printf ("Q%d %d", (int) quarter, year)
                  : g_strdup_printf ("Q%d", (int) quarter);
}

static const double action_columns[] = { 0.40, 0.14, 0.10, 0.10, 0.14, 0.12 };

static VpBlock *
action_table_header (Build *b)
{
  const char *names[] = {
    /* Translators: columns of a report's table of actions */
    N_ ("Action"), N_ ("Lead"), N_ ("Planned"), N_ ("Quarter"), N_ ("Status"), N_ ("Achieved"),
  };
  g_auto (GStrv) cells = g_new0 (char *, G_N_ELEMENTS (names) + 1);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    cells[i] = g_markup_escape_text (_ (names[i]), -1);
  return vp_report_layout_add_row (b->layout, action_columns, G_N_ELEMENTS (names),
                                   (const char *const *) cells, NULL);
}

static char *
achieved_cell (const VpActionAt *at)
{
  int target = vp_action_get_target (at->action);

  if (target <= 0)
    return g_strdup ("–");
  /* Translators: achieved of a target in a report: "3 of 5 integrale controles" */
  return g_markup_printf_escaped (_ ("%d of %d %s"), at->achieved, target,
                                  vp_action_get_target_unit (at->action));
}

static void
action_row (Build *b, VpBlock *header, const VpActionAt *at)
{
  VpAction *action = at->action;
  const char *evaluation = vp_action_get_evaluation (action);
  g_autofree char *lead = vp_figures_lead_label (b->store, action);
  g_auto (GStrv) cells = g_new0 (char *, 7);
  g_autofree char *planned = NULL;
  g_autofree char *quarter = quarter_text (at->year, at->quarter);
  const char *status = vp_enum_get_label (VP_TYPE_STATUS, at->status);

  planned
    = vp_action_get_planned_quarter (action) != VP_QUARTER_NONE
        ? quarter_text (vp_action_get_planned_year (action), vp_action_get_planned_quarter (action))
        : g_strdup (quarter);
  if (evaluation != NULL && *evaluation != '\0')
    cells[0] = g_markup_printf_escaped ("%s\n<i>%s</i>", vp_action_get_text (action), evaluation);
  else
    cells[0] = g_markup_escape_text (vp_action_get_text (action), -1);
  cells[1] = g_markup_escape_text (lead, -1);
  cells[2] = g_markup_escape_text (planned, -1);
  cells[3] = g_markup_escape_text (quarter, -1);
  /* Translators: a status in a report with the mark of an overdue action */
  cells[4] = at->overdue ? g_markup_printf_escaped (_ ("%s, <b>overdue</b>"), status)
                         : g_markup_escape_text (status, -1);
  cells[5] = achieved_cell (at);
  vp_report_layout_add_row (b->layout, action_columns, 6, (const char *const *) cells, header);
}

static GPtrArray *
goals_of (Build *b, VpPriority *priority, VpGoalKind kind)
{
  GListModel *goals = vp_store_get_records (b->store, VP_TYPE_GOAL);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr (VpGoal) goal = g_list_model_get_item (goals, i);

      if (g_strcmp0 (vp_goal_get_priority (goal), vp_record_get_uuid (VP_RECORD (priority))) == 0
          && vp_goal_get_kind (goal) == kind)
        g_ptr_array_add (mine, g_object_ref (goal));
    }
  return mine;
}

static char *
served_by (Build *b, VpGoal *goal)
{
  const char *const *actions = vp_goal_get_actions (goal);
  g_autoptr (GString) list = g_string_new (NULL);

  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      VpRecord *action = vp_store_lookup (b->store, actions[i]);

      if (VP_IS_ACTION (action))
        g_string_append_printf (list, "\n• %s", vp_action_get_text (VP_ACTION (action)));
    }
  return list->len > 0 ? g_strdup (list->str + 1) : NULL;
}

static void
add_goal_assessments (Build *b, VpPriority *priority, VpGoalKind kind, const char *heading)
{
  g_autoptr (GPtrArray) goals = goals_of (b, priority, kind);

  if (goals->len == 0)
    return;
  text (b, VP_BLOCK_SUBHEADING, "%s", heading);
  for (guint i = 0; i < goals->len; i++)
    {
      VpGoal *goal = g_ptr_array_index (goals, i);
      const char *evaluation = vp_goal_get_evaluation (goal);
      g_autofree char *actions = served_by (b, goal);

      text (b, VP_BLOCK_TEXT, "%s\n<b>%s</b>%s%s", vp_goal_get_text (goal),
            vp_enum_get_label (VP_TYPE_ASSESSMENT, vp_goal_get_assessment (goal)),
            evaluation != NULL && *evaluation != '\0' ? " — " : "",
            evaluation != NULL ? evaluation : "");
      if (actions != NULL)
        /* Translators: in a report, the actions that serve a goal */
        text (b, VP_BLOCK_SMALL, "%s\n%s", _ ("Served by:"), actions);
    }
}

static void
add_priority_actions (Build *b, VpPriority *priority)
{
  GPtrArray *actions = vp_figures_get_actions (b->figures);
  VpBlock *header = NULL;

  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);

      if (g_strcmp0 (vp_action_get_priority (at->action), vp_record_get_uuid (VP_RECORD (priority)))
          != 0)
        continue;
      if (header == NULL)
        {
          /* Translators: a heading of a report */
          text (b, VP_BLOCK_SUBHEADING, "%s", _ ("Actions"));
          header = action_table_header (b);
        }
      action_row (b, header, at);
    }
}

static void
add_evaluation_priority (Build *b, VpPriority *priority)
{
  g_autofree char *label = priority_label (priority);
  VpCounts counts;

  text (b, VP_BLOCK_HEADING, "%s", label);
  /* Translators: a label in a report */
  paragraph (b, _ ("Ambition"), vp_record_get_string (VP_RECORD (priority), "ambition"));
  vp_figures_count_priority (b->figures, vp_record_get_uuid (VP_RECORD (priority)), &counts);
  text (b, VP_BLOCK_TEXT,
        /* Translators: a priority's figures in a report */
        _ ("%u actions: %u done, %u in progress, %u not started, %u postponed, %u cancelled."),
        counts.total, counts.by_status[VP_STATUS_DONE], counts.by_status[VP_STATUS_IN_PROGRESS],
        counts.by_status[VP_STATUS_PLANNED], counts.by_status[VP_STATUS_POSTPONED],
        counts.by_status[VP_STATUS_CANCELLED]);
  /* Translators: a heading of a report */
  add_goal_assessments (b, priority, VP_GOAL_KIND_STRATEGIC, _ ("Strategic goals"));
  /* Translators: a heading of a report */
  add_goal_assessments (b, priority, VP_GOAL_KIND_YEAR, _ ("Goals for this year"));
  add_priority_actions (b, priority);
}

static void
build_evaluation (Build *b)
{
  GPtrArray *priorities = vp_figures_get_priorities (b->figures);

  add_summary (b);
  for (guint i = 0; i < priorities->len; i++)
    {
      vp_report_layout_add_page_break (b->layout);
      add_evaluation_priority (b, g_ptr_array_index (priorities, i));
    }
}

static const double overdue_columns[] = { 0.52, 0.18, 0.14, 0.16 };

static void
add_overdue (Build *b)
{
  GPtrArray *actions = vp_figures_get_actions (b->figures);
  const char *names[] = { N_ ("Action"), N_ ("Lead"), N_ ("Quarter"), N_ ("Status") };
  VpBlock *header = NULL;

  /* Translators: a heading of a progress report */
  text (b, VP_BLOCK_HEADING, "%s", _ ("Overdue"));
  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);
      g_autofree char *lead = NULL;
      g_autofree char *quarter = NULL;
      g_auto (GStrv) cells = NULL;

      if (!at->overdue)
        continue;
      if (header == NULL)
        {
          g_auto (GStrv) head = g_new0 (char *, 5);

          for (guint c = 0; c < 4; c++)
            head[c] = g_markup_escape_text (_ (names[c]), -1);
          header = vp_report_layout_add_row (b->layout, overdue_columns, 4,
                                             (const char *const *) head, NULL);
        }
      lead = vp_figures_lead_label (b->store, at->action);
      quarter = quarter_text (at->year, at->quarter);
      cells = g_new0 (char *, 5);
      cells[0] = g_markup_escape_text (vp_action_get_text (at->action), -1);
      cells[1] = g_markup_escape_text (lead, -1);
      cells[2] = g_markup_escape_text (quarter, -1);
      cells[3] = g_markup_escape_text (vp_enum_get_label (VP_TYPE_STATUS, at->status), -1);
      vp_report_layout_add_row (b->layout, overdue_columns, 4, (const char *const *) cells, header);
    }
  if (header == NULL)
    /* Translators: in a progress report, when no action is overdue */
    text (b, VP_BLOCK_TEXT, "%s", _ ("No action is overdue."));
}

static const double change_columns[] = { 0.14, 0.46, 0.16, 0.24 };

static int
compare_stamps (gconstpointer a, gconstpointer b)
{
  VpRecord *x = *(VpRecord **) a;
  VpRecord *y = *(VpRecord **) b;
  int by_time = g_strcmp0 (vp_record_get_modified_at (x), vp_record_get_modified_at (y));

  return by_time != 0 ? by_time : g_strcmp0 (vp_record_get_uuid (x), vp_record_get_uuid (y));
}

/* The status events between @since and the reference date, of actions
 * that count, oldest first. */
static GPtrArray *
changes_since (Build *b, GDateTime *since)
{
  GListModel *events = vp_store_get_records (b->store, VP_TYPE_STATUS_EVENT);
  g_autofree char *from = vp_store_format_timestamp (since);
  g_autofree char *to = vp_store_format_timestamp (vp_figures_get_as_of (b->figures));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (VpStatusEvent) event = g_list_model_get_item (events, i);
      const char *at = vp_record_get_modified_at (VP_RECORD (event));
      VpRecord *action = vp_store_lookup (b->store, vp_status_event_get_action (event));

      if (vp_status_event_get_kind (event) == VP_EVENT_KIND_STATUS && g_strcmp0 (at, from) > 0
          && g_strcmp0 (at, to) <= 0 && VP_IS_ACTION (action)
          && vp_figures_lookup (b->figures, VP_ACTION (action)) != NULL)
        g_ptr_array_add (found, g_object_ref (event));
    }
  g_ptr_array_sort (found, compare_stamps);
  return found;
}

static char *
status_label (const char *nick)
{
  int status = VP_STATUS_PLANNED;

  if (nick != NULL)
    vp_enum_from_nick (VP_TYPE_STATUS, nick, &status);
  return g_strdup (vp_enum_get_label (VP_TYPE_STATUS, status));
}

static void
change_row (Build *b, VpBlock *header, VpStatusEvent *event)
{
  g_autoptr (GDateTime) when
    = g_date_time_new_from_iso8601 (vp_record_get_modified_at (VP_RECORD (event)), NULL);
  VpAction *action = VP_ACTION (vp_store_lookup (b->store, vp_status_event_get_action (event)));
  VpOrganisation *who
    = vp_store_lookup_organisation (b->store, vp_status_event_get_municipality (event));
  g_autofree char *from = status_label (vp_status_event_get_from (event));
  g_autofree char *to = status_label (vp_status_event_get_to (event));
  g_autofree char *date = when != NULL ? vp_report_format_date (when) : g_strdup ("");
  g_auto (GStrv) cells = g_new0 (char *, 5);

  cells[0] = g_markup_escape_text (date, -1);
  cells[1] = g_markup_escape_text (vp_action_get_text (action), -1);
  cells[2] = g_markup_escape_text (
    who != NULL ? vp_organisation_get_name (who) : vp_status_event_get_municipality (event), -1);
  cells[3] = g_markup_printf_escaped ("%s → %s", from, to);
  vp_report_layout_add_row (b->layout, change_columns, 4, (const char *const *) cells, header);
}

static void
add_changes (Build *b, GDateTime *since)
{
  g_autoptr (GPtrArray) events = changes_since (b, since);
  g_autofree char *date = vp_report_format_date (since);
  const char *names[] = { N_ ("Date"), N_ ("Action"), N_ ("Municipality"), N_ ("Status") };
  g_auto (GStrv) head = g_new0 (char *, 5);
  VpBlock *header;

  /* Translators: a heading of a progress report, with a date */
  text (b, VP_BLOCK_HEADING, _ ("Changed since %s"), date);
  if (events->len == 0)
    {
      /* Translators: in a progress report */
      text (b, VP_BLOCK_TEXT, "%s", _ ("No status changed in this period."));
      return;
    }
  for (guint c = 0; c < 4; c++)
    head[c] = g_markup_escape_text (_ (names[c]), -1);
  header
    = vp_report_layout_add_row (b->layout, change_columns, 4, (const char *const *) head, NULL);
  for (guint i = 0; i < events->len; i++)
    change_row (b, header, g_ptr_array_index (events, i));
}

#define MAX_SIDE_BY_SIDE 8

static void
add_side_by_side (Build *b)
{
  const char *const *participants = vp_record_get_strv (VP_RECORD (b->plan), "participants");
  guint n
    = participants != NULL ? MIN (g_strv_length ((char **) participants), MAX_SIDE_BY_SIDE) : 0;
  static double columns[MAX_SIDE_BY_SIDE + 1];
  g_auto (GStrv) head = g_new0 (char *, n + 2);
  GPtrArray *actions = vp_figures_get_actions (b->figures);
  VpBlock *header;

  if (n == 0)
    return;
  /* Translators: a heading of a progress report */
  text (b, VP_BLOCK_HEADING, "%s", _ ("The partners’ statuses"));
  columns[0] = 0.40;
  head[0] = g_markup_escape_text (_ ("Action"), -1);
  for (guint i = 0; i < n; i++)
    {
      VpOrganisation *who = vp_store_lookup_organisation (b->store, participants[i]);

      columns[i + 1] = 0.60 / n;
      head[i + 1]
        = g_markup_escape_text (who != NULL ? vp_organisation_get_name (who) : participants[i], -1);
    }
  header = vp_report_layout_add_row (b->layout, columns, n + 1, (const char *const *) head, NULL);
  for (guint a = 0; a < actions->len; a++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, a);
      g_auto (GStrv) cells = g_new0 (char *, n + 2);

      cells[0] = g_markup_escape_text (vp_action_get_text (at->action), -1);
      for (guint i = 0; i < n; i++)
        cells[i + 1] = g_markup_escape_text (
          vp_enum_get_label (VP_TYPE_STATUS,
                             vp_figures_status_of (b->figures, at->action, participants[i])),
          -1);
      vp_report_layout_add_row (b->layout, columns, n + 1, (const char *const *) cells, header);
    }
}

static void
build_progress (Build *b, GDateTime *since)
{
  g_autoptr (GDateTime) start = NULL;

  /* Translators: a heading of a progress report */
  text (b, VP_BLOCK_HEADING, "%s", _ ("Actions per priority"));
  add_priority_bars (b);
  add_priority_table (b);
  add_overdue (b);
  if (since == NULL)
    start = g_date_time_add_months (vp_figures_get_as_of (b->figures), -3);
  add_changes (b, since != NULL ? since : start);
  add_side_by_side (b);
}

static void
add_goal_list (Build *b, VpPriority *priority, VpGoalKind kind, const char *heading)
{
  g_autoptr (GPtrArray) goals = goals_of (b, priority, kind);
  g_autoptr (GString) list = g_string_new (NULL);

  if (goals->len == 0)
    return;
  text (b, VP_BLOCK_SUBHEADING, "%s", heading);
  for (guint i = 0; i < goals->len; i++)
    {
      g_autofree char *item
        = g_markup_printf_escaped ("• %s", vp_goal_get_text (g_ptr_array_index (goals, i)));

      vp_report_layout_add_text (b->layout, VP_BLOCK_TEXT, item);
    }
}

static void
add_plan_actions (Build *b, VpPriority *priority, const char *subtheme)
{
  GPtrArray *actions = vp_figures_get_actions (b->figures);

  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);
      const char *own = vp_action_get_subtheme (at->action);
      g_autofree char *lead = NULL;
      g_autofree char *quarter = NULL;

      if (g_strcmp0 (vp_action_get_priority (at->action), vp_record_get_uuid (VP_RECORD (priority)))
            != 0
          || g_strcmp0 (own != NULL && *own != '\0' ? own : NULL, subtheme) != 0)
        continue;
      lead = vp_figures_lead_label (b->store, at->action);
      quarter = quarter_text (at->year, at->quarter);
      text (b, VP_BLOCK_TEXT, "• %s\n   <small>%s · %s</small>", vp_action_get_text (at->action),
            lead, quarter);
    }
}

/* A plan's or a priority's budget, €0 too; nothing where none is given. */
static void
add_budget (Build *b, VpRecord *record)
{
  gint64 cents = vp_record_get_int64 (record, "budget-cents");
  g_autofree char *amount = NULL;

  if (cents < 0)
    return;
  amount = vp_budget_format (cents);
  /* Translators: a label in the plan document: “Budget: €25,000” */
  text (b, VP_BLOCK_SMALL, "%s: %s", _ ("Budget"), amount);
}

static void
add_plan_priority (Build *b, VpPriority *priority)
{
  g_autofree char *label = priority_label (priority);
  const char *const *holders = vp_record_get_strv (VP_RECORD (priority), "portfolio-holders");
  GListModel *subthemes = vp_store_get_records (b->store, VP_TYPE_SUBTHEME);

  text (b, VP_BLOCK_HEADING, "%s", label);
  if (holders != NULL && holders[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) holders);

      /* Translators: a label in the plan document */
      text (b, VP_BLOCK_SMALL, "%s: %s", _ ("Portfolio holder"), names);
    }
  add_budget (b, VP_RECORD (priority));
  paragraph (b, _ ("Ambition"), vp_record_get_string (VP_RECORD (priority), "ambition"));
  add_goal_list (b, priority, VP_GOAL_KIND_STRATEGIC, _ ("Strategic goals"));
  add_goal_list (b, priority, VP_GOAL_KIND_YEAR, _ ("Goals for this year"));
  /* Translators: a heading of the plan document */
  text (b, VP_BLOCK_SUBHEADING, "%s", _ ("Actions"));
  add_plan_actions (b, priority, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (subthemes); i++)
    {
      g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (subthemes, i);

      if (g_strcmp0 (vp_subtheme_get_priority (subtheme), vp_record_get_uuid (VP_RECORD (priority)))
          != 0)
        continue;
      text (b, VP_BLOCK_SUBHEADING, "%s. %s", vp_subtheme_get_letter (subtheme),
            vp_subtheme_get_title (subtheme));
      paragraph (b, NULL, vp_record_get_string (VP_RECORD (subtheme), "ambition"));
      add_plan_actions (b, priority, vp_record_get_uuid (VP_RECORD (subtheme)));
    }
}

static const double planning_columns[] = { 0.28, 0.50, 0.22 };

static void
add_planning_quarter (Build *b, VpQuarter quarter)
{
  GPtrArray *actions = vp_figures_get_actions (b->figures);
  const char *names[] = { N_ ("Sub-theme"), N_ ("Activity"), N_ ("Lead") };
  g_auto (GStrv) head = g_new0 (char *, 4);
  VpBlock *header;

  text (b, VP_BLOCK_SUBHEADING, "Q%d %d", (int) quarter, vp_plan_get_first_year (b->plan));
  for (guint c = 0; c < 3; c++)
    head[c] = g_markup_escape_text (_ (names[c]), -1);
  header
    = vp_report_layout_add_row (b->layout, planning_columns, 3, (const char *const *) head, NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      const VpActionAt *at = g_ptr_array_index (actions, i);
      VpRecord *subtheme = vp_store_lookup (
        b->store, vp_action_get_subtheme (at->action) ? vp_action_get_subtheme (at->action) : "");
      VpPriority *priority = vp_store_lookup_priority_of (b->store, at->action);
      g_autofree char *lead = NULL;
      g_auto (GStrv) cells = NULL;

      if (at->quarter != quarter)
        continue;
      lead = vp_figures_lead_label (b->store, at->action);
      cells = g_new0 (char *, 4);
      cells[0]
        = VP_IS_SUBTHEME (subtheme)
            ? g_markup_printf_escaped ("%s. %s", vp_subtheme_get_letter (VP_SUBTHEME (subtheme)),
                                       vp_subtheme_get_title (VP_SUBTHEME (subtheme)))
            : g_markup_escape_text (priority != NULL ? vp_priority_get_title (priority) : "", -1);
      cells[1] = g_markup_escape_text (vp_action_get_text (at->action), -1);
      cells[2] = g_markup_escape_text (lead, -1);
      vp_report_layout_add_row (b->layout, planning_columns, 3, (const char *const *) cells,
                                header);
    }
}

static void
add_definitions (Build *b)
{
  GListModel *definitions = vp_store_get_records (b->store, VP_TYPE_DEFINITION);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (definitions); i++)
    {
      g_autoptr (VpDefinition) definition = g_list_model_get_item (definitions, i);

      if (g_strcmp0 (vp_definition_get_plan (definition), vp_record_get_uuid (VP_RECORD (b->plan)))
          != 0)
        continue;
      if (!any)
        {
          vp_report_layout_add_page_break (b->layout);
          /* Translators: the appendix of the plan document */
          text (b, VP_BLOCK_HEADING, "%s", _ ("Appendix: definitions"));
          any = TRUE;
        }
      text (b, VP_BLOCK_TEXT, "<b>%s</b>\n%s", vp_definition_get_term (definition),
            vp_definition_get_text (definition));
    }
}

static void
build_plan (Build *b)
{
  GPtrArray *priorities = vp_figures_get_priorities (b->figures);
  const char *intro = vp_record_get_string (VP_RECORD (b->plan), "intro");

  if (intro != NULL && *intro != '\0')
    {
      /* Translators: a heading of the plan document */
      text (b, VP_BLOCK_HEADING, "%s", _ ("Introduction"));
      paragraph (b, NULL, intro);
    }
  /* the plan's own budget, besides its priorities' */
  add_budget (b, VP_RECORD (b->plan));
  for (guint i = 0; i < priorities->len; i++)
    {
      vp_report_layout_add_page_break (b->layout);
      add_plan_priority (b, g_ptr_array_index (priorities, i));
    }
  vp_report_layout_add_page_break (b->layout);
  /* Translators: a heading of the plan document */
  text (b, VP_BLOCK_HEADING, "%s", _ ("Planning per quarter"));
  for (guint q = VP_QUARTER_Q1; q <= VP_QUARTER_Q4; q++)
    add_planning_quarter (b, q);
  add_definitions (b);
}

static void
add_title (Build *b, VpReportKind kind)
{
  const char *framework = vp_record_get_string (VP_RECORD (b->plan), "framework-title");
  g_autofree char *date = vp_report_format_date (vp_figures_get_as_of (b->figures));

  text (b, VP_BLOCK_TITLE, "%s\n<span size=\"75%%\">%s</span>", vp_report_kind_title (kind),
        vp_plan_get_title (b->plan));
  if (framework != NULL && *framework != '\0')
    text (b, VP_BLOCK_TEXT, "%s", framework);
  /* Translators: under a report's title: the municipality and the reference date */
  text (b, VP_BLOCK_TEXT, _ ("%s · reference date %s"), municipality_name (b), date);
}

void
vp_report_build (VpReportLayout *layout,
                 VpFigures *figures,
                 VpReportKind kind,
                 GDateTime *since,
                 char **header_left,
                 char **header_right)
{
  Build b = { layout, figures, vp_figures_get_store (figures), vp_figures_get_plan (figures) };
  g_autofree char *date = vp_report_format_date (vp_figures_get_as_of (figures));

  *header_left = g_strdup_printf ("%s · %s", municipality_name (&b), vp_plan_get_title (b.plan));
  /* Translators: the running header of a report: its kind and reference date */
  *header_right = g_strdup_printf (_ ("%s · reference date %s"), vp_report_kind_title (kind), date);
  add_title (&b, kind);
  switch (kind)
    {
    case VP_REPORT_EVALUATION:
      build_evaluation (&b);
      break;
    case VP_REPORT_PROGRESS:
      build_progress (&b, since);
      break;
    case VP_REPORT_PLAN:
    default:
      build_plan (&b);
      break;
    }
}
