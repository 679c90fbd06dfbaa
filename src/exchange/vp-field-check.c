/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-exchange-private.h"
#include "vp-field-check.h"

/*
 * What one field's value must be, beyond its type: the rules the exchange
 * reader holds a partner's file to, in one place, so that the command
 * line's --set refuses exactly what a partner would refuse. Errors are
 * VP_EXCHANGE_ERROR_INVALID without the field's place; the caller names
 * it.
 */

typedef enum
{
  CHECK_NONE,
  CHECK_FILLED, /* a text that may not be empty */
  CHECK_CODE,   /* an organisation code */
  CHECK_UUID,
  CHECK_LETTER,
  CHECK_COLOUR,
  CHECK_STAMP, /* a time in UTC */
} TextCheck;

typedef struct
{
  const char *field;
  int min;
  int max;
} Range;

static const Range ranges[] = {
  { "quarter", 1, 4 },
  { "planned-quarter", 1, 4 },
  { "year", 1900, 2200 },
  { "planned-year", 1900, 2200 },
  { "first-year", 1900, 2200 },
  { "last-year", 1900, 2200 },
  { "framework-first-year", 1900, 2200 },
  { "framework-last-year", 1900, 2200 },
  { "number", 1, G_MAXINT },
  { "target", 1, G_MAXINT },
  { "achieved", 0, G_MAXINT },
  { "position", 0, G_MAXINT },
  /* whole euros: VP_BUDGET_MAX_CENTS */
  { "budget", 0, 1000000000 },
};

G_STATIC_ASSERT (VP_BUDGET_MAX_CENTS == G_GINT64_CONSTANT (1000000000) * 100);

static gboolean invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static TextCheck
text_check_for (GType type, const char *field)
{
  if (g_str_equal (field, "code") || g_str_equal (field, "owner") || g_str_equal (field, "lead")
      || g_str_equal (field, "municipality"))
    return CHECK_CODE;
  if (g_str_equal (field, "subtheme") || g_str_equal (field, "origin"))
    return CHECK_UUID;
  if (g_str_equal (field, "closed-at"))
    return CHECK_STAMP;
  if (g_str_equal (field, "letter"))
    return CHECK_LETTER;
  if (g_str_equal (field, "colour"))
    return CHECK_COLOUR;
  if (g_str_equal (field, "title") || g_str_equal (field, "term") || g_str_equal (field, "name")
      || g_str_equal (field, "to") || (g_str_equal (field, "text") && type != VP_TYPE_DEFINITION))
    return CHECK_FILLED;
  return CHECK_NONE;
}

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
        return FALSE;
    }
  return TRUE;
}

/**
 * vp_field_check_text:
 * @type: the record's type
 * @field: the field's property name ("lead-note")
 * @text: the value, not %NULL
 *
 * Returns: whether @text may be the field's value in an exchange file
 */
gboolean
vp_field_check_text (GType type, const char *field, const char *text, GError **error)
{
  g_return_val_if_fail (field != NULL && text != NULL, FALSE);

  switch (text_check_for (type, field))
    {
    case CHECK_FILLED:
      if (*text == '\0')
        return invalid (error, _ ("may not be empty"));
      break;
    case CHECK_CODE:
      if (!vp_exchange_is_code (text))
        return invalid (error, _ ("expected an organisation code such as “nijkerk”, got “%s”"),
                        text);
      break;
    case CHECK_UUID:
      if (!vp_exchange_is_uuid (text))
        return invalid (error, _ ("expected a UUID, got “%s”"), text);
      break;
    case CHECK_LETTER:
      if (strlen (text) != 1 || !g_ascii_isupper (*text))
        return invalid (error, _ ("expected one capital letter, got “%s”"), text);
      break;
    case CHECK_COLOUR:
      if (!is_colour (text))
        return invalid (error, _ ("expected a colour such as “#2a7ab0”, got “%s”"), text);
      break;
    case CHECK_STAMP:
      {
        g_autofree char *stamp = vp_exchange_normalize_timestamp (text);

        if (stamp == NULL || g_strcmp0 (stamp, text) != 0)
          return invalid (
            error, _ ("expected a time in UTC such as “2024-02-28T09:00:00.000Z”, got “%s”"), text);
      }
      break;
    case CHECK_NONE:
    default:
      break;
    }
  return TRUE;
}

/**
 * vp_field_check_number:
 * @field: the field's property name ("planned-year")
 * @number: the value as written in the file
 *
 * A field without a range of its own takes any number a field can hold
 * (a C int): a larger one would be stored as another number.
 *
 * Returns: whether @number may be the field's value
 */
gboolean
vp_field_check_number (const char *field, gint64 number, GError **error)
{
  int min = G_MININT;
  int max = G_MAXINT;

  g_return_val_if_fail (field != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      if (g_str_equal (ranges[i].field, field))
        {
          min = ranges[i].min;
          max = ranges[i].max;
        }
    }
  if (number >= min && number <= max)
    return TRUE;
  if (max != G_MAXINT)
    return invalid (error, _ ("expected %d–%d, got %lld"), min, max, (long long) number);
  if (number < min)
    return invalid (error, _ ("expected a whole number of at least %d, got %lld"), min,
                    (long long) number);
  return invalid (error, _ ("expected a whole number of at most %d, got %lld"), max,
                  (long long) number);
}

/**
 * vp_field_check_line:
 * @text: an item of a list field (a plan's participants)
 *
 * Returns: whether @text is one line, as a list's items must be
 */
gboolean
vp_field_check_line (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (strchr (text, '\n') != NULL)
    return invalid (error, _ ("may not span several lines"));
  return TRUE;
}

/**
 * vp_field_check_record:
 * @record: a record whose fields each passed their own check
 *
 * The rules between the fields of one record: an action's lead names an
 * organisation exactly when its lead kind says so; a plan's last year is
 * not before its first.
 *
 * Returns: whether a partner would take @record, as far as it alone
 *   tells; with @error starting with the JSON key of the field to blame
 */
gboolean
vp_field_check_record (VpRecord *record, GError **error)
{
  g_return_val_if_fail (VP_IS_RECORD (record), FALSE);

  if (VP_IS_ACTION (record)
      && (vp_action_get_lead_kind (VP_ACTION (record)) == VP_LEAD_KIND_ORGANISATION)
           != (vp_action_get_lead (VP_ACTION (record)) != NULL))
    return invalid (error, "lead: %s",
                    _ ("must name an organisation when lead_kind is “organisation”, and only "
                       "then"));
  if (VP_IS_PLAN (record)
      && vp_plan_get_last_year (VP_PLAN (record)) < vp_plan_get_first_year (VP_PLAN (record)))
    return invalid (error, "last_year: %s", _ ("may not come before first_year"));
  return TRUE;
}
