/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-budget"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-budget.h"

/*
 * Amounts of money as municipalities write them: €0.15 per inhabitant as
 * well as €1,250,000, and €0 for a priority that has no money of its own
 * (which is not the same as no budget given). Kept as whole cents.
 */

G_DEFINE_QUARK (vp_budget_error, vp_budget_error)

static gboolean
is_separator (gunichar c)
{
  /* a narrow or plain no-break space, as a word processor groups */
  return c == '.' || c == ',' || c == ' ' || c == 0xa0 || c == 0x202f;
}

static gboolean
fail_invalid (const char *text, GError **error)
{
  g_set_error (error, VP_BUDGET_ERROR, VP_BUDGET_ERROR_INVALID,
               /* Translators: %s is what was typed as a budget */
               _ ("“%s” is not an amount in euros; write it such as 25000, 1,250,000 or 0.15."),
               text);
  return FALSE;
}

/* Splits "1.234,56" into its runs of digits ("1", "234", "56") and the
 * separators between them; FALSE for anything else. */
static gboolean
split_runs (const char *p, GPtrArray *runs, GArray *separators)
{
  g_autoptr (GString) run = g_string_new (NULL);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && g_ascii_isdigit (c))
        {
          g_string_append_c (run, (char) c);
          continue;
        }
      if (!is_separator (c) || run->len == 0)
        return FALSE;
      g_ptr_array_add (runs, g_strdup (run->str));
      g_array_append_val (separators, c);
      g_string_truncate (run, 0);
    }
  if (run->len == 0)
    return FALSE;
  g_ptr_array_add (runs, g_strdup (run->str));
  return TRUE;
}

/* Groups of thousands: "1.234.567", "1 234", one separator throughout,
 * the first group 1 to 3 digits and not a 0 that leads. */
static gboolean
check_groups (GPtrArray *runs, GArray *separators, guint n_runs, gunichar decimal)
{
  for (guint i = 0; i < n_runs; i++)
    {
      const char *digits = g_ptr_array_index (runs, i);
      gsize length = strlen (digits);

      if (n_runs == 1)
        return TRUE;
      if (i == 0 ? (length > 3 || digits[0] == '0') : length != 3)
        return FALSE;
      if (i > 0
          && (g_array_index (separators, gunichar, i - 1) != g_array_index (separators, gunichar, 0)
              || g_array_index (separators, gunichar, i - 1) == decimal))
        return FALSE;
    }
  return TRUE;
}

/**
 * vp_budget_parse:
 * @text: an amount as people write it: "25000", "25.000", "€ 1.250.000",
 *   "1,250,000", "0,15", "€0.15", "1.234,56", "1,234.56"; empty for none
 * @cents: (out): the amount in cents, %VP_BUDGET_NONE for none
 *
 * One or two digits after the last point or comma are cents; three are a
 * group of thousands. So the Dutch and the English way both read as meant,
 * and nothing reads two ways.
 *
 * Returns: whether @text is an amount a budget can be; else @error says
 *   why, naming the limit where it is too large
 */
gboolean
vp_budget_parse (const char *text, gint64 *cents, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) separators = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p = stripped;
  guint n_whole;
  gunichar decimal = 0;
  guint64 value;
  const char *last;

  *cents = VP_BUDGET_NONE;
  if (g_str_has_prefix (p, "€"))
    p += strlen ("€");
  while (*p != '\0' && (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0xa0))
    p = g_utf8_next_char (p);
  if (*stripped == '\0')
    return TRUE;
  if (*p == '\0' || !split_runs (p, runs, separators))
    return fail_invalid (stripped, error);

  n_whole = runs->len;
  last = g_ptr_array_index (runs, runs->len - 1);
  if (runs->len > 1 && strlen (last) <= 2)
    {
      decimal = g_array_index (separators, gunichar, separators->len - 1);
      if (decimal != '.' && decimal != ',')
        return fail_invalid (stripped, error);
      n_whole--;
    }
  if (!check_groups (runs, separators, n_whole, decimal))
    return fail_invalid (stripped, error);
  for (guint i = 0; i < n_whole; i++)
    g_string_append (digits, g_ptr_array_index (runs, i));
  g_string_append (digits, decimal != 0 ? last : "");
  if (decimal == 0 || strlen (last) == 1)
    g_string_append (digits, decimal == 0 ? "00" : "0");

  if (digits->len > 15
      || !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXUINT64, &value, NULL)
      || value > (guint64) VP_BUDGET_MAX_CENTS)
    {
      g_autofree char *limit = vp_budget_format (VP_BUDGET_MAX_CENTS);

      g_set_error (error, VP_BUDGET_ERROR, VP_BUDGET_ERROR_TOO_LARGE,
                   /* Translators: %s is what was typed, the second %s the largest
                    * budget there can be: “€1,000,000,000” */
                   _ ("“%s” is more than a budget can be: at most %s."), stripped, limit);
      return FALSE;
    }
  *cents = (gint64) value;
  return TRUE;
}

/**
 * vp_budget_whole_euros:
 * @cents: a budget, not %VP_BUDGET_NONE
 *
 * Returns: @cents in whole euros, rounded (half a euro up): what the
 *   "budget" key of an exchange file carries
 */
gint64
vp_budget_whole_euros (gint64 cents)
{
  g_return_val_if_fail (cents >= 0, 0);
  return (cents + 50) / 100;
}

/**
 * vp_budget_format_plain:
 * @cents: a budget, or %VP_BUDGET_NONE
 *
 * Returns: (transfer full): the amount as an editor shows it to be
 *   changed, without "€": "25.000", "0,15" in Dutch; "" for none
 */
char *
vp_budget_format_plain (gint64 cents)
{
  /* Translators: the thousands separator in amounts of money: 25,000 (Dutch: 25.000) */
  const char *separator = C_ ("thousands separator", ",");
  /* Translators: the decimal separator in amounts of money: 0.15 (Dutch: 0,15) */
  const char *decimal = C_ ("decimal separator", ".");
  g_autofree char *digits = NULL;
  g_autoptr (GString) grouped = g_string_new (NULL);
  gsize length;

  if (cents < 0)
    return g_strdup ("");
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
  length = strlen (digits);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (grouped, separator);
      g_string_append_c (grouped, digits[i]);
    }
  if (cents % 100 != 0)
    g_string_append_printf (grouped, "%s%02d", decimal, (int) (cents % 100));
  return g_string_free (g_steal_pointer (&grouped), FALSE);
}

/**
 * vp_budget_format:
 * @cents: a budget, or %VP_BUDGET_NONE
 *
 * Returns: (transfer full): the amount as a plan shows it: “€25,000”,
 *   “€0.15”, “€0” (Dutch: “€ 25.000”, “€ 0,15”); "" for none
 */
char *
vp_budget_format (gint64 cents)
{
  g_autofree char *amount = vp_budget_format_plain (cents);

  if (cents < 0)
    return g_strdup ("");
  /* Translators: an amount in euros, %s is the number: “€25,000” (Dutch: “€ 25.000”) */
  return g_strdup_printf (_ ("€%s"), amount);
}
