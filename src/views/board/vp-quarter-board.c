/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "vp-board-view-private.h"

/*
 * The quarter board's columns: Q1–Q4 of each year of the plan, then
 * "Later" (a quarter after the plan's years: work carried over) and "No
 * Quarter". A card moved to another quarter keeps the quarter it was first
 * planned in (vp_store_move_to_quarter()), which the card shows, and the
 * move goes into the action's history. Today's quarter is marked.
 */

/* the most years the board shows: 30 columns */
#define MAX_YEARS 7

/* The years the board was made for, read off its plan once: its columns
 * are made then, and stay (a plan of other years gets a new board). */
static void
plan_years (VpBoardView *board, int *first, int *last)
{
  int *years = g_object_get_data (G_OBJECT (board), "vp-quarter-years");

  if (years == NULL)
    {
      VpPlan *plan = vp_board_view_get_plan (board);
      g_autoptr (GDateTime) now = vp_store_get_now (vp_board_view_get_store (board));

      years = g_new (int, 2);
      years[0] = plan != NULL ? vp_plan_get_first_year (plan) : 0;
      years[1] = plan != NULL ? vp_plan_get_last_year (plan) : 0;
      if (years[0] <= 0)
        years[0] = g_date_time_get_year (now);
      if (years[1] < years[0])
        years[1] = years[0];
      /* a plan covers four years at most; one written around the store's
       * checks shows its first seven, the years after them under Later
       * (the board takes 32 columns) */
      if ((gint64) years[1] - years[0] > MAX_YEARS - 1)
        years[1] = years[0] + MAX_YEARS - 1;
      g_object_set_data_full (G_OBJECT (board), "vp-quarter-years", years, g_free);
    }
  *first = years[0];
  *last = years[1];
}

/**
 * vp_quarter_board_get_years:
 *
 * The years whose quarters are @board's columns, which stay what they
 * were when it was made.
 */
void
vp_quarter_board_get_years (VpBoardView *board, int *first, int *last)
{
  plan_years (board, first, last);
}

static guint
quarter_n_columns (VpBoardView *board)
{
  int first, last;

  plan_years (board, &first, &last);
  /* the plan's quarters, Later, No Quarter */
  return 4 * (last - first + 1) + 2;
}

/* The year and quarter of a column of the plan's quarters; FALSE for
 * Later and No Quarter. */
static gboolean
column_quarter (VpBoardView *board, guint column, int *year, VpQuarter *quarter)
{
  int first, last;

  plan_years (board, &first, &last);
  if (column >= 4 * (guint) (last - first + 1))
    return FALSE;
  *year = first + column / 4;
  *quarter = column % 4 + 1;
  return TRUE;
}

static gboolean
is_later (VpBoardView *board, guint column)
{
  return column == quarter_n_columns (board) - 2;
}

static char *
format_quarter (int year, VpQuarter quarter)
{
  /* Translators: a quarter and its year: "Q1 2024" */
  return g_strdup_printf (_ ("%s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}

static char *
quarter_title (VpBoardView *board, guint column)
{
  g_autoptr (GDateTime) now = vp_store_get_shown_now (vp_board_view_get_store (board));
  int year;
  VpQuarter quarter;
  g_autofree char *title = NULL;

  if (!column_quarter (board, column, &year, &quarter))
    /* Translators: the quarter board's column of actions moved past the
     * plan's years */
    return g_strdup (is_later (board, column)
                       ? _ ("Later")
                       : vp_enum_get_label (VP_TYPE_QUARTER, VP_QUARTER_NONE));
  title = format_quarter (year, quarter);
  if (vp_quarter_is_now (year, quarter, now))
    /* Translators: the column of the quarter we are in: "Q3 2024 · now" */
    return g_strdup_printf (_ ("%s · now"), title);
  return g_steal_pointer (&title);
}

static int
quarter_column_of (VpBoardView *board, VpAction *action)
{
  int first, last;
  int year;
  VpQuarter quarter;
  guint n = quarter_n_columns (board);

  /* as of a date, the quarter it had then */
  vp_store_get_shown_quarter (vp_board_view_get_store (board), action, &year, &quarter);
  plan_years (board, &first, &last);
  if (year == 0 || quarter == VP_QUARTER_NONE || year < first)
    return n - 1;
  if (year > last)
    return n - 2;
  return (year - first) * 4 + quarter - 1;
}

static gboolean
quarter_move (VpBoardView *board, VpAction *action, guint column, GError **error)
{
  VpStore *store = vp_board_view_get_store (board);
  int first, last, year;
  VpQuarter quarter;

  plan_years (board, &first, &last);
  if (column_quarter (board, column, &year, &quarter))
    return vp_store_move_to_quarter (store, action, year, quarter, error);
  if (is_later (board, column))
    /* the first quarter after the plan */
    return vp_store_move_to_quarter (store, action, last + 1, VP_QUARTER_Q1, error);
  g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _ ("An action keeps its quarter here: clear it in the editor."));
  return FALSE;
}

static char *
quarter_moved_message (VpBoardView *board, guint column)
{
  int first, last, year;
  VpQuarter quarter;
  g_autofree char *to = NULL;

  plan_years (board, &first, &last);
  if (column_quarter (board, column, &year, &quarter))
    to = format_quarter (year, quarter);
  else
    to = format_quarter (last + 1, VP_QUARTER_Q1);
  /* Translators: a toast after a card was moved to another quarter */
  return g_strdup_printf (_ ("Moved to %s"), to);
}

/* Today's quarter (the store's clock, or the date the plan is shown as
 * of), or the plan's
 * first or last quarter when today lies before or after it. */
static guint
quarter_opening_column (VpBoardView *board)
{
  g_autoptr (GDateTime) now = vp_store_get_shown_now (vp_board_view_get_store (board));
  int first, last;
  int year = g_date_time_get_year (now);
  int quarter = vp_quarter_of_date (now) - 1;

  plan_years (board, &first, &last);
  if (year < first)
    return 0;
  if (year > last)
    return 4 * (guint) (last - first + 1) - 1;
  return (guint) ((year - first) * 4 + quarter);
}

/* A partner's local action keeps its quarter, and No Quarter takes no
 * card. */
static char *
quarter_refusal (VpBoardView *board, VpAction *action, guint column)
{
  g_autoptr (GError) error = NULL;
  int year;
  VpQuarter quarter;

  if (!vp_action_check_ours (vp_board_view_get_store (board), action, &error))
    return g_strdup (error->message);
  if (!column_quarter (board, column, &year, &quarter) && !is_later (board, column))
    return g_strdup (_ ("An action keeps its quarter here: clear it in the editor."));
  return NULL;
}

const VpBoardColumns vp_quarter_board_columns = {
  .n_columns = quarter_n_columns,
  .title = quarter_title,
  .column_of = quarter_column_of,
  .move = quarter_move,
  .refusal = quarter_refusal,
  /* Translators: what Undo undoes after a card was moved to another quarter */
  .undo_label = N_ ("Move to another quarter"),
  .moved_message = quarter_moved_message,
  .opening_column = quarter_opening_column,
};
