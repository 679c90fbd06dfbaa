/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <string.h>

#include "vp-exchange-private.h"

G_DEFINE_QUARK (vp_exchange_error, vp_exchange_error)

/**
 * vp_exchange_child_kinds:
 *
 * Returns: (array length=n_kinds): the nesting of the format, parents
 *   before children
 */
const VpChildKind *
vp_exchange_child_kinds (guint *n_kinds)
{
  static VpChildKind kinds[7];
  static gsize initialised;

  /* GTypes are not constants, so the table is filled on first use. */
  if (g_once_init_enter (&initialised))
    {
      const VpChildKind init[G_N_ELEMENTS (kinds)] = {
        { VP_TYPE_PLAN, "priorities", VP_TYPE_PRIORITY },
        { VP_TYPE_PRIORITY, "subthemes", VP_TYPE_SUBTHEME },
        { VP_TYPE_PRIORITY, "goals", VP_TYPE_GOAL },
        { VP_TYPE_PRIORITY, "actions", VP_TYPE_ACTION },
        { VP_TYPE_ACTION, "statuses", VP_TYPE_ACTION_STATUS },
        { VP_TYPE_ACTION, "history", VP_TYPE_STATUS_EVENT },
        { VP_TYPE_PLAN, "definitions", VP_TYPE_DEFINITION },
      };

      memcpy (kinds, init, sizeof kinds);
      g_once_init_leave (&initialised, 1);
    }
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * vp_exchange_key_since:
 * @type: a record type
 * @field: one of its fields
 *
 * Which version of the format added @field's key. Keys added after
 * version 1 are optional: a file without one (from a partner on an older
 * release) leaves the value this database has. See data/README.md,
 * "Versions".
 *
 * Returns: the format version that brought the key
 */
int
vp_exchange_key_since (GType type, GParamSpec *field)
{
  static const struct
  {
    GType (*get_type) (void);
    const char *field;
  } since_2[] = {
    { vp_organisation_get_type, "short-name" },
    { vp_plan_get_type, "ownership" },
    { vp_plan_get_type, "closed-at" },
    { vp_action_get_type, "origin" },
    { vp_action_get_type, "evaluation" },
    { vp_goal_get_type, "assessment" },
    { vp_goal_get_type, "evaluation" },
    { vp_goal_get_type, "actions" },
    /* a priority's "budget" is version 1; its "budget_cents" is written
     * from version 2 on (vp-exchange-writer.c) */
    { vp_plan_get_type, "budget-cents" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (since_2); i++)
    {
      if (type == since_2[i].get_type () && g_str_equal (field->name, since_2[i].field))
        return 2;
    }
  return 1;
}

/**
 * vp_exchange_key:
 *
 * Returns: (transfer none): the JSON key of a field: "lead-note" is
 *   "lead_note"
 */
const char *
vp_exchange_key (GParamSpec *field)
{
  static GQuark quark;
  const char *key;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("vp-exchange-key");
  key = g_param_spec_get_qdata (field, quark);
  if (key == NULL)
    {
      char *made = g_strdelimit (g_strdup (field->name), "-", '_');

      g_param_spec_set_qdata_full (field, quark, made, g_free);
      key = made;
    }
  return key;
}

/**
 * vp_exchange_sort_field:
 * @type: a VpRecord type
 *
 * Returns: (nullable): the field that orders records of @type in a file
 * (see vp_exchange_compare_records()), or NULL for a type with none of
 * them (a plan)
 */
GParamSpec *
vp_exchange_sort_field (GType type)
{
  static const char *const candidates[]
    = { "position", "number", "letter", "code", "municipality" };
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      GParamSpec *field = g_object_class_find_property (G_OBJECT_CLASS (klass), candidates[i]);

      if (field != NULL)
        return field;
    }
  return NULL;
}

/**
 * vp_exchange_compare_records:
 * @a: (type VpRecord*): a pointer to a record of the same type as @b
 * @sort_field: (type GParamSpec) (nullable): vp_exchange_sort_field() of
 *   their type, looked up once for a whole sort
 *
 * The order records stand in a file: by position, number, letter, code or
 * municipality as the type has one (vp_exchange_sort_field()), else by
 * the time they were changed, then by UUID, so that the order never
 * depends on a database.
 */
int
vp_exchange_compare_records (gconstpointer a, gconstpointer b, gpointer sort_field)
{
  VpRecord *ra = *(VpRecord **) a;
  VpRecord *rb = *(VpRecord **) b;
  int result = sort_field != NULL
                 ? vp_record_compare_field (ra, rb, sort_field)
                 : g_strcmp0 (vp_record_get_modified_at (ra), vp_record_get_modified_at (rb));

  return result != 0 ? result : g_strcmp0 (vp_record_get_uuid (ra), vp_record_get_uuid (rb));
}

gboolean
vp_exchange_is_uuid (const char *text)
{
  static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof pattern - 1; i++)
    {
      gboolean hex = g_ascii_isdigit (text[i]) || (text[i] >= 'a' && text[i] <= 'f');

      if (pattern[i] == '-' ? text[i] != '-' : !hex)
        return FALSE;
    }
  return TRUE;
}

gboolean
vp_exchange_is_code (const char *text)
{
  if (text == NULL || *text == '\0' || strlen (text) > 64 || *text == '-')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!(g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'z') || *p == '-'))
        return FALSE;
    }
  return TRUE;
}

static guint
digits_at (const char *text, guint at, guint n)
{
  guint value = 0;

  for (guint i = at; i < at + n; i++)
    value = value * 10 + (guint) (text[i] - '0');
  return value;
}

/* Whether @text (digits and separators checked) is a time the database
 * writes as it is: milliseconds, and every part in its range. Most files
 * hold only such stamps; what is not (a leap second, a year before 1000,
 * 30 February) is left to GDateTime, as before. */
static gboolean
is_database_form (const char *text)
{
  guint year = digits_at (text, 0, 4);
  guint month = digits_at (text, 5, 2);
  guint day = digits_at (text, 8, 2);

  return text[19] == '.' && year >= 1000 && month >= 1 && month <= 12 && day >= 1
         && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)
         && digits_at (text, 11, 2) <= 23 && digits_at (text, 14, 2) <= 59
         && digits_at (text, 17, 2) <= 59;
}

/**
 * vp_exchange_normalize_timestamp:
 * @text: "2024-02-28T09:00:00Z", with up to six digits of fraction
 *
 * Returns: (transfer full) (nullable): the same time as the database
 *   writes it ("2024-02-28T09:00:00.000Z"), %NULL if @text is not one
 */
char *
vp_exchange_normalize_timestamp (const char *text)
{
  g_autoptr (GDateTime) time = NULL;
  gsize len = text != NULL ? strlen (text) : 0;
  const char *dot;

  /* The strict form of the format: date, 'T', time, optional fraction, 'Z'. */
  if (len < 20 || text[10] != 'T' || text[len - 1] != 'Z' || text[4] != '-' || text[7] != '-'
      || text[13] != ':' || text[16] != ':')
    return NULL;
  dot = strchr (text, '.');
  if ((dot == NULL && len != 20) || (dot != NULL && (dot - text != 19 || len < 22 || len > 27)))
    return NULL;
  for (gsize i = 0; i < len - 1; i++)
    {
      if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && i != 19
          && !g_ascii_isdigit (text[i]))
        return NULL;
    }
  if (len == 24 && is_database_form (text))
    return g_strndup (text, len);
  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL ? vp_store_format_timestamp (time) : NULL;
}
