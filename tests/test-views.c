/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>

#include "vp-board-split.h"
#include "vp-format.h"
#include "vp-poke-model.h"
#include "vp-row-model.h"
#include "vp-status-watch.h"
#include "vp-test-util.h"

/*
 * The models under the list and the board, without a window: which rows
 * a filter change leaves, in which order, and how much it asks the filter
 * to find them; and a card moved by telling the models of that one item.
 */

typedef struct
{
  /* shows the numbers divisible by this; 1 shows all, -1 the odd ones */
  int divisor;
  guint asked;
} Divides;

static gboolean
divides_cb (gpointer item, gpointer data)
{
  Divides *divides = data;
  int n = atoi (gtk_string_object_get_string (item));

  divides->asked++;
  if (divides->divisor < 0)
    return n % 2 == 1;
  return n % divides->divisor == 0;
}

static int
descending_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  return atoi (gtk_string_object_get_string ((gpointer) b))
         - atoi (gtk_string_object_get_string ((gpointer) a));
}

static GListModel *
numbers (guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* The numbers the rows show, "8 4 0". */
static char *
shown (VpRowModel *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr (VpRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      g_assert_true (vp_row_get_record (row) == vp_row_model_get_record (rows, i));
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                              gtk_string_object_get_string (vp_row_get_record (row)));
    }
  return g_string_free (text, FALSE);
}

static void
change (GtkFilter *filter, Divides *divides, int divisor, GtkFilterChange how)
{
  divides->divisor = divisor;
  divides->asked = 0;
  gtk_filter_changed (filter, how);
}

#define assert_shows(rows, expected)                                                               \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *text = shown (rows);                                                          \
    g_assert_cmpstr (text, ==, expected);                                                          \
  }                                                                                                \
  G_STMT_END

/* A stricter filter asks only about the rows shown, a less strict one
 * only about the others, and either keeps the sorter's order. */
static void
test_rows_follow_filter (void)
{
  g_autoptr (GListModel) source = numbers (10);
  Divides divides = { 1, 0 };
  g_autoptr (GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (divides_cb, &divides, NULL));
  g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (descending_cb, NULL, NULL));
  g_autoptr (VpRowModel) rows = vp_row_model_new (source, filter, sorter);

  assert_shows (rows, "9 8 7 6 5 4 3 2 1 0");
  change (filter, &divides, 2, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (rows, "8 6 4 2 0");
  g_assert_cmpuint (divides.asked, ==, 10);
  change (filter, &divides, 4, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (rows, "8 4 0");
  g_assert_cmpuint (divides.asked, ==, 5);
  change (filter, &divides, 2, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shows (rows, "8 6 4 2 0");
  g_assert_cmpuint (divides.asked, ==, 7);
  change (filter, &divides, 1, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shows (rows, "9 8 7 6 5 4 3 2 1 0");
  g_assert_cmpuint (divides.asked, ==, 5);
  /* another filter altogether asks about every record */
  change (filter, &divides, -1, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "9 7 5 3 1");
  g_assert_cmpuint (divides.asked, ==, 10);
}

/* Paused, the rows put off a change and make up for it when resumed. */
static void
test_paused_rows_catch_up (void)
{
  g_autoptr (GListModel) source = numbers (6);
  Divides divides = { 1, 0 };
  g_autoptr (GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (divides_cb, &divides, NULL));
  g_autoptr (VpRowModel) rows = vp_row_model_new (source, filter, NULL);

  vp_row_model_set_paused (rows, TRUE);
  change (filter, &divides, 3, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (divides.asked, ==, 0);
  assert_shows (rows, "0 1 2 3 4 5");
  vp_row_model_set_paused (rows, FALSE);
  assert_shows (rows, "0 3");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint times;
} Changed;

static void
on_items_changed_cb (
  GListModel *model, guint position, guint removed, guint added, Changed *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->times++;
}

/* A poked item is one item changed; the source's own changes pass on. */
static void
test_poke_tells_of_one_item (void)
{
  g_autoptr (GListModel) source = numbers (4);
  g_autoptr (VpPokeModel) poke = vp_poke_model_new (source);
  g_autoptr (GObject) third = g_list_model_get_item (source, 2);
  g_autoptr (GObject) stranger = G_OBJECT (gtk_string_object_new ("7"));
  g_autoptr (GObject) added = NULL;
  Changed changed = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poke)), ==, 4);
  g_signal_connect (poke, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  vp_poke_model_poke (poke, third);
  g_assert_cmpuint (changed.times, ==, 1);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  vp_poke_model_poke (poke, stranger);
  g_assert_cmpuint (changed.times, ==, 1);

  /* an item the source takes in before the others moves them on */
  gtk_string_list_splice (GTK_STRING_LIST (source), 0, 0, (const char *[]){ "new", NULL });
  g_assert_cmpuint (changed.times, ==, 2);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  vp_poke_model_poke (poke, third);
  g_assert_cmpuint (changed.position, ==, 3);
  added = g_list_model_get_item (G_LIST_MODEL (poke), 0);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (added)), ==, "new");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A row is a position: after a change it holds the record now there, or
 * none once the rows are fewer; "published" tells of each change once. */
static void
test_rows_are_positions (void)
{
  g_autoptr (GListModel) source = numbers (6);
  Divides divides = { 1, 0 };
  g_autoptr (GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (divides_cb, &divides, NULL));
  g_autoptr (VpRowModel) rows = vp_row_model_new (source, filter, NULL);
  g_autoptr (VpRow) first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_autoptr (VpRow) last = g_list_model_get_item (G_LIST_MODEL (rows), 5);
  guint published = 0;

  g_signal_connect_swapped (rows, "published", G_CALLBACK (count_cb), &published);
  g_assert_cmpstr (gtk_string_object_get_string (vp_row_get_record (first)), ==, "0");
  g_assert_cmpstr (gtk_string_object_get_string (vp_row_get_record (last)), ==, "5");
  change (filter, &divides, -1, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "1 3 5");
  g_assert_cmpuint (published, ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (vp_row_get_record (first)), ==, "1");
  g_assert_null (vp_row_get_record (last));
  change (filter, &divides, 1, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpuint (published, ==, 2);
  g_assert_cmpstr (gtk_string_object_get_string (vp_row_get_record (last)), ==, "5");
}

/* Headings: the multiples of five, shown whatever the filter says of the
 * items; those "of items" only with an item after them. */
static gboolean
headings_and_divides_cb (gpointer item, gpointer data)
{
  int n = atoi (gtk_string_object_get_string (item));

  return n % 5 == 0 || divides_cb (item, data);
}

static VpRowKind
kind_cb (gpointer item, gpointer data)
{
  int n = atoi (gtk_string_object_get_string (item));
  const int *always = data;

  if (n % 5 != 0)
    return VP_ROW_ITEM;
  return n == *always ? VP_ROW_HEADING : VP_ROW_HEADING_OF_ITEMS;
}

static void
test_lone_headings_left_out (void)
{
  g_autoptr (GListModel) source = numbers (10);
  Divides divides = { 1, 0 };
  g_autoptr (GtkFilter) filter
    = GTK_FILTER (gtk_custom_filter_new (headings_and_divides_cb, &divides, NULL));
  g_autoptr (VpRowModel) rows = vp_row_model_new (source, filter, NULL);
  int always = -1;

  vp_row_model_set_kind_func (rows, kind_cb, &always);
  assert_shows (rows, "0 1 2 3 4 5 6 7 8 9");
  change (filter, &divides, 4, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (rows, "0 4 5 8");
  /* no item after 0 before the next heading */
  change (filter, &divides, 7, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "5 7");
  /* back when the filter is less strict */
  change (filter, &divides, 1, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shows (rows, "0 1 2 3 4 5 6 7 8 9");
  /* a heading shown whether or not items follow it */
  always = 0;
  change (filter, &divides, 7, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "0 5 7");
  change (filter, &divides, 3, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "0 3 5 6 9");
  change (filter, &divides, 11, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (rows, "0");
}

/* A partner's text shown in the window: no override reverses it, no
 * control character reaches a label, and a huge text is cut short. */
static void
test_display_text_is_tamed (void)
{
  g_autofree char *overridden = vp_format_display_text ("\u202eNijkerk\u202c & <b>OM</b>");
  g_autofree char *controls = vp_format_display_text ("Politie\x1b]0;pwned\x07\nOM\tx");
  g_autofree char *paragraphs = vp_format_display_paragraphs ("Ambitie\nTweede regel\u2066");
  g_autofree char *huge_text = g_strnfill (100000, 'V');
  g_autofree char *huge = vp_format_display_text (huge_text);
  g_autofree char *huge_paragraphs = vp_format_display_paragraphs (huge_text);
  g_autofree char *not_utf8 = vp_format_display_text ("\xff\xfe");
  g_autofree char *none = vp_format_display_text (NULL);

  g_assert_cmpstr (overridden, ==, "Nijkerk & <b>OM</b>");
  g_assert_cmpstr (controls, ==, "Politie ]0;pwned  OM x");
  g_assert_cmpstr (paragraphs, ==, "Ambitie\nTweede regel");
  g_assert_cmpint (g_utf8_strlen (huge, -1), ==, VP_FORMAT_DISPLAY_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (huge, "…"));
  g_assert_cmpint (g_utf8_strlen (huge_paragraphs, -1), ==,
                   VP_FORMAT_DISPLAY_MAX_PARAGRAPH_CHARS + 1);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (not_utf8, ==, "");
}

static void
count_heard_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* A watch hears of its action's changes and of the shown status's: the
 * one that comes, and its changes after; none after it is cleared. */
static void
test_status_watch (void)
{
  g_autoptr (VpStore) store = vp_test_store_new ();
  g_autoptr (GError) error = NULL;
  VpAction *action = NULL;
  VpStatusWatch watch;
  guint heard = 0;

  vp_test_add_small_plan (store);
  for (guint i = 0; i < vp_store_count (store, VP_TYPE_ACTION) && action == NULL; i++)
    {
      g_autoptr (VpAction) candidate
        = g_list_model_get_item (vp_store_get_records (store, VP_TYPE_ACTION), i);

      if (vp_action_get_lead_kind (candidate) == VP_LEAD_KIND_JOINT)
        action = candidate;
    }
  g_assert_nonnull (action);
  vp_status_watch_init (&watch, count_heard_cb, &heard);
  vp_status_watch_set_record (&watch, store, action);
  g_assert_true (vp_status_watch_get_record (&watch) == (gpointer) action);

  g_assert_true (
    vp_store_update (store, VP_RECORD (action), &error, "lead-note", "Gewijzigd", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (heard, >, 0);

  /* a first status: the view asks again, and the watch listens to it */
  g_assert_true (
    vp_store_set_status (store, action, "nijkerk", VP_STATUS_IN_PROGRESS, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vp_status_watch_update_status (&watch, store));
  g_assert_false (vp_status_watch_update_status (&watch, store));
  heard = 0;
  g_assert_true (vp_store_set_status (store, action, "nijkerk", VP_STATUS_DONE, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard, >, 0);

  vp_status_watch_clear (&watch);
  heard = 0;
  g_assert_true (vp_store_update (store, VP_RECORD (action), &error, "lead-note", "Weer", NULL));
  g_assert_cmpuint (heard, ==, 0);
  g_assert_null (vp_status_watch_get_record (&watch));
}

/* The split: each column holds the records func puts in it, in the
 * model's order, and tells of every change so that a list kept by its
 * items-changed alone stays the same, through the model's changes,
 * refilters and limits. */

#define SPLIT_COLUMNS 4

typedef struct
{
  /* a record's number → the columns that show it */
  guint32 masks[64];
  /* per column, what its items-changed said */
  GPtrArray *told[SPLIT_COLUMNS];
} Split;

static guint32
split_columns_cb (gpointer item, gpointer data)
{
  Split *split = data;

  return split->masks[atoi (gtk_string_object_get_string (item)) % 64];
}

static void
on_split_column_changed_cb (
  GListModel *column, guint position, guint removed, guint added, GPtrArray *told)
{
  g_ptr_array_remove_range (told, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (told, position + i, g_list_model_get_item (column, position + i));
}

/* Each column is what func says of the model's records, the first @limit,
 * and what it told. */
static void
assert_split (Split *split, VpBoardSplit *columns, GListModel *model, guint limit)
{
  for (guint c = 0; c < SPLIT_COLUMNS; c++)
    {
      GListModel *column = vp_board_split_get_column (columns, c);
      guint n = 0;

      for (guint i = 0; i < g_list_model_get_n_items (model) && n < limit; i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (model, i);
          g_autoptr (GObject) shown = NULL;

          if (!(split_columns_cb (item, split) & (1u << c)))
            continue;
          shown = g_list_model_get_item (column, n);
          g_assert_true (shown == item);
          g_assert_true (g_ptr_array_index (split->told[c], n) == item);
          n++;
        }
      g_assert_cmpuint (g_list_model_get_n_items (column), ==, n);
      g_assert_cmpuint (split->told[c]->len, ==, n);
      g_assert_null (g_list_model_get_item (column, n));
    }
}

static void
test_board_split (void)
{
  g_autoptr (GListModel) model = numbers (40);
  g_autoptr (GListModel) none = numbers (0);
  g_autoptr (VpBoardSplit) columns = NULL;
  Split split = { 0 };
  GRand *rand = g_rand_new_with_seed (20240228);
  guint limit = G_MAXUINT;
  guint next = 40;

  for (guint i = 0; i < G_N_ELEMENTS (split.masks); i++)
    split.masks[i] = g_rand_int_range (rand, 0, 1 << SPLIT_COLUMNS);
  columns = vp_board_split_new (SPLIT_COLUMNS, split_columns_cb, &split);
  for (guint c = 0; c < SPLIT_COLUMNS; c++)
    {
      split.told[c] = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect (vp_board_split_get_column (columns, c), "items-changed",
                        G_CALLBACK (on_split_column_changed_cb), split.told[c]);
    }
  vp_board_split_set_model (columns, model);
  assert_split (&split, columns, model, limit);

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (model);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          {
            /* records taken out and others put in */
            guint at = g_rand_int_range (rand, 0, n + 1);
            guint removed = g_rand_int_range (rand, 0, MIN (n - at, 5) + 1);
            guint added = g_rand_int_range (rand, 0, 5);
            g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
            g_auto (GStrv) texts = NULL;

            for (guint i = 0; i < added; i++)
              {
                g_autofree char *text = g_strdup_printf ("%u", next++);

                g_strv_builder_add (builder, text);
              }
            texts = g_strv_builder_end (builder);
            gtk_string_list_splice (GTK_STRING_LIST (model), at, removed,
                                    (const char *const *) texts);
            break;
          }
        case 1:
          /* what func says changes for a few records */
          for (guint i = 0; i < 3; i++)
            split.masks[g_rand_int_range (rand, 0, 64)] = g_rand_int_range (rand, 0, 16);
          vp_board_split_refilter (columns);
          break;
        case 2:
          /* nothing changes */
          vp_board_split_refilter (columns);
          break;
        default:
          limit = g_rand_boolean (rand) ? G_MAXUINT : (guint) g_rand_int_range (rand, 0, 12);
          vp_board_split_set_limit (columns, limit);
        }
      assert_split (&split, columns, model, limit);
    }

  /* without a model, the columns are empty */
  vp_board_split_set_model (columns, NULL);
  assert_split (&split, columns, none, limit);
  for (guint c = 0; c < SPLIT_COLUMNS; c++)
    g_ptr_array_unref (split.told[c]);
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/rows-follow-filter", test_rows_follow_filter);
  g_test_add_func ("/views/paused-rows-catch-up", test_paused_rows_catch_up);
  g_test_add_func ("/views/rows-are-positions", test_rows_are_positions);
  g_test_add_func ("/views/lone-headings-left-out", test_lone_headings_left_out);
  g_test_add_func ("/views/poke-tells-of-one-item", test_poke_tells_of_one_item);
  g_test_add_func ("/views/board-split", test_board_split);
  g_test_add_func ("/views/display-text-is-tamed", test_display_text_is_tamed);
  g_test_add_func ("/views/status-watch", test_status_watch);
  return g_test_run ();
}
