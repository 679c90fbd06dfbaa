/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "exchange/vp-field-check.h"
#include "exchange/vp-untrusted-text.h"
#include "store/vp-store-status.h"
#include "vp-cli.h"

/*
 * Small edits from the command line, for scripts that play partners
 * against each other (tests/three-party.sh): change a field of a record,
 * set the home municipality's status of an action, delete a record. Each
 * is one change through the store, as the window makes it: stamped now by
 * the home municipality, a delete with its tombstone.
 */

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (VP_STORE_ERROR, VP_STORE_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static VpRecord *
find_record (VpStore *store, const char *uuid, GError **error)
{
  VpRecord *record = vp_store_lookup (store, uuid);

  if (record == NULL)
    fail (error, _ ("there is no record with UUID %s in this database"), uuid);
  return record;
}

/* The field @key names, if a person may set it: not the record's identity
 * and stamps, nor where it stands (its parent), nor whose it is. */
static GParamSpec *
find_settable (VpRecord *record, const char *key, GError **error)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (record);
  g_autofree char *name = g_strdelimit (g_strdup (key), "_", '-');

  if (g_str_equal (name, "uuid") || g_str_equal (name, "modified-at")
      || g_str_equal (name, "modified-by") || g_str_equal (name, "owner")
      || g_strcmp0 (name, klass->parent_field) == 0)
    {
      fail (error, _ ("the field “%s” cannot be set: it is kept by the program"), key);
      return NULL;
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (g_str_equal (klass->fields[i]->name, name))
        return klass->fields[i];
    }
  fail (error, _ ("a %s has no field “%s”"), klass->table, key);
  return NULL;
}

/* A whole number in @text, or the nick of the field's enum ("q4"). */
static gboolean
parse_number (GParamSpec *field, const char *text, gint64 *number, GError **error)
{
  int nick_value;

  if (G_TYPE_IS_ENUM (field->value_type)
      && vp_enum_from_nick (field->value_type, text, &nick_value))
    {
      *number = nick_value;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, number, NULL))
    return fail (error, _ ("“%s” is not a whole number"), text);
  return TRUE;
}

static gboolean
parse_enum (GParamSpec *field, VpFieldFlags flags, const char *text, GValue *value, GError **error)
{
  int number;

  if (!vp_enum_from_nick (field->value_type, text, &number))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (field->value_type);
      g_autoptr (GString) nicks = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      return fail (error, _ ("expected one of %s, got “%s”"), nicks->str, text);
    }
  g_value_set_enum (value, number);
  return TRUE;
}

/* A number as the file carries it: none (0) where the field is optional,
 * else within the field's range. */
static gboolean
parse_int (GParamSpec *field, VpFieldFlags flags, const char *text, GValue *value, GError **error)
{
  gint64 number = 0;

  if ((*text != '\0' || !(flags & VP_FIELD_OPTIONAL))
      && !parse_number (field, text, &number, error))
    return FALSE;
  if (!(number == 0 && (flags & VP_FIELD_OPTIONAL))
      && !vp_field_check_number (field->name, number, error))
    return FALSE;
  if (G_TYPE_IS_ENUM (field->value_type))
    g_value_set_enum (value, (int) number);
  else
    g_value_set_int (value, (int) number);
  return TRUE;
}

static gboolean
parse_strv (const char *text, GValue *value, GError **error)
{
  g_auto (GStrv) items = *text != '\0' ? g_strsplit (text, ",", -1) : NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (!vp_field_check_line (items[i], error))
        return FALSE;
    }
  g_value_take_boxed (value, g_steal_pointer (&items));
  return TRUE;
}

/* "2" for an int, "in-progress" for an enum, "a,b" for a list; checked as
 * the exchange reader checks a partner's value. */
static gboolean
parse_value (VpStore *store,
             VpRecord *record,
             GParamSpec *field,
             const char *text,
             GValue *value,
             GError **error)
{
  GType type = G_OBJECT_TYPE (record);
  VpFieldFlags flags = vp_store_get_field_flags (store, type, field);

  g_value_init (value, field->value_type);
  if (field->value_type == G_TYPE_STRING)
    {
      if (*text == '\0' && (flags & VP_FIELD_OPTIONAL))
        return TRUE;
      if (!vp_field_check_text (type, field->name, text, error))
        return FALSE;
      g_value_set_string (value, text);
      return TRUE;
    }
  if (field->value_type == G_TYPE_STRV)
    return parse_strv (text, value, error);
  if (G_TYPE_IS_ENUM (field->value_type) && !(flags & VP_FIELD_INTEGER))
    return parse_enum (field, flags, text, value, error);
  return parse_int (field, flags, text, value, error);
}

static gboolean
check_organisation (VpStore *store, const char *key, const char *code, GError **error)
{
  if (code == NULL || vp_store_lookup_organisation (store, code) != NULL)
    return TRUE;
  return fail (error, _ ("%s: there is no organisation “%s” in this database"), key, code);
}

static gboolean
check_participants (VpStore *store, VpRecord *draft, GError **error)
{
  const char *const *participants = vp_record_get_strv (draft, "participants");

  for (gsize i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      if (!vp_field_check_text (VP_TYPE_PLAN, "code", participants[i], error))
        {
          g_prefix_error (error, "participants: ");
          return FALSE;
        }
      if (!check_organisation (store, "participants", participants[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_subtheme (VpStore *store, VpRecord *draft, GError **error)
{
  const char *uuid = vp_record_get_string (draft, "subtheme");
  VpRecord *subtheme = uuid != NULL ? vp_store_lookup (store, uuid) : NULL;

  if (uuid == NULL)
    return TRUE;
  if (!VP_IS_SUBTHEME (subtheme))
    return fail (error, _ ("subtheme: there is no sub-theme %s in this database"), uuid);
  if (g_strcmp0 (vp_subtheme_get_priority (VP_SUBTHEME (subtheme)),
                 vp_record_get_string (draft, "priority"))
      != 0)
    return fail (error, _ ("subtheme: the sub-theme %s belongs to another priority"), uuid);
  return TRUE;
}

/* A sub-theme's letter is its priority's only one of that letter. */
static gboolean
check_letter (VpStore *store, VpRecord *draft, GError **error)
{
  GListModel *subthemes = vp_store_get_records (store, VP_TYPE_SUBTHEME);
  const char *letter = vp_record_get_string (draft, "letter");
  const char *priority = vp_record_get_string (draft, "priority");

  for (guint i = 0; i < g_list_model_get_n_items (subthemes); i++)
    {
      g_autoptr (VpRecord) other = g_list_model_get_item (subthemes, i);

      if (g_strcmp0 (vp_record_get_uuid (other), vp_record_get_uuid (draft)) != 0
          && g_strcmp0 (vp_record_get_string (other, "priority"), priority) == 0
          && g_strcmp0 (vp_record_get_string (other, "letter"), letter) == 0)
        return fail (error, _ ("letter: the sub-theme “%s” of this priority has the letter %s"),
                     vp_record_get_string (other, "title"), letter);
    }
  return TRUE;
}

/* What the exchange reader checks between records: the organisations and
 * the sub-theme a record names are there, the sub-theme in the record's
 * own priority; a sub-theme's letter is not taken. (An organisation's code
 * is the store's to keep unchanged.) */
static gboolean
check_references (VpStore *store, VpRecord *draft, GError **error)
{
  if (VP_IS_ACTION (draft))
    return check_organisation (store, "lead", vp_record_get_string (draft, "lead"), error)
           && check_subtheme (store, draft, error);
  if (VP_IS_ACTION_STATUS (draft))
    return check_organisation (store, "municipality", vp_record_get_string (draft, "municipality"),
                               error);
  if (VP_IS_PLAN (draft))
    return check_participants (store, draft, error);
  if (VP_IS_SUBTHEME (draft))
    return check_letter (store, draft, error);
  return TRUE;
}

/* UUID:FIELD=VALUE */
static gboolean
set_field (VpStore *store, const char *spec, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (spec, ":", 2);
  g_auto (GStrv) assignment = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  g_autoptr (VpRecord) draft = NULL;
  GParamSpec *field;
  VpRecord *record;

  if (g_strv_length (parts) != 2 || strchr (parts[1], '=') == NULL)
    return fail (error, _ ("--set expects UUID:FIELD=VALUE, got “%s”"), spec);
  assignment = g_strsplit (parts[1], "=", 2);
  if ((record = find_record (store, parts[0], error)) == NULL
      || (field = find_settable (record, assignment[0], error)) == NULL)
    return FALSE;
  if (!parse_value (store, record, field, assignment[1], &value, error))
    {
      g_prefix_error (error, "%s: ", assignment[0]);
      return FALSE;
    }
  draft = vp_record_copy (record);
  g_object_set_property (G_OBJECT (draft), field->name, &value);
  /* a lead is named only for the kind "organisation" */
  if (VP_IS_ACTION (draft) && g_str_equal (field->name, "lead-kind")
      && g_value_get_enum (&value) != VP_LEAD_KIND_ORGANISATION)
    g_object_set (draft, "lead", NULL, NULL);
  return vp_field_check_record (draft, error) && check_references (store, draft, error)
         && vp_store_replace (store, record, draft, VP_STORE_WRITE_DEFAULT, error);
}

/* ACTION:STATUS */
static gboolean
set_status (VpStore *store, const char *spec, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (spec, ":", 2);
  VpRecord *action;
  int status;

  if (g_strv_length (parts) != 2)
    return fail (error, _ ("--status expects ACTION:STATUS, got “%s”"), spec);
  if ((action = find_record (store, parts[0], error)) == NULL)
    return FALSE;
  if (!VP_IS_ACTION (action))
    return fail (error, _ ("%s is not an action"), parts[0]);
  if (!vp_enum_from_nick (VP_TYPE_STATUS, parts[1], &status))
    return fail (error, _ ("“%s” is not a status"), parts[1]);
  return vp_store_set_status (store, VP_ACTION (action), vp_store_get_home_municipality (store),
                              status, 0, NULL, error);
}

static gboolean
each (VpStore *store,
      GVariantDict *options,
      const char *option,
      gboolean (*edit) (VpStore *, const char *, GError **),
      gboolean *edited)
{
  g_auto (GStrv) specs = NULL;

  if (!g_variant_dict_lookup (options, option, "^as", &specs))
    return TRUE;
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      *edited = TRUE;
      if (!edit (store, specs[i], &error))
        {
          g_autofree char *spec = vp_untrusted_text_for_terminal (specs[i]);
          g_autofree char *message = vp_untrusted_text_for_terminal (error->message);

          g_printerr ("veiligheidsplan: --%s %s: %s\n", option, spec, message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
delete_record (VpStore *store, const char *uuid, GError **error)
{
  VpRecord *record = find_record (store, uuid, error);

  return record != NULL && vp_store_delete (store, record, error);
}

/**
 * vp_cli_wants_edits:
 *
 * Returns: whether the command line asks for --set, --status or --delete
 */
gboolean
vp_cli_wants_edits (GVariantDict *options)
{
  return g_variant_dict_contains (options, "set") || g_variant_dict_contains (options, "status")
         || g_variant_dict_contains (options, "delete");
}

/**
 * vp_cli_edit:
 *
 * Makes the edits the command line asks for, in the order --set, --status,
 * --delete, each a change of its own.
 *
 * Returns: %FALSE after printing the first that failed
 */
gboolean
vp_cli_edit (VpStore *store, GVariantDict *options)
{
  gboolean edited = FALSE;

  if (vp_cli_wants_edits (options) && vp_store_get_home_municipality (store) == NULL)
    {
      g_printerr (_ ("veiligheidsplan: edits need the database’s municipality "
                     "(--municipality)\n"));
      return FALSE;
    }
  return each (store, options, "set", set_field, &edited)
         && each (store, options, "status", set_status, &edited)
         && each (store, options, "delete", delete_record, &edited);
}
