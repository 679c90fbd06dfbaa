/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

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

/* "2" for an int, "in-progress" for an enum, "a,b" for a list. */
static gboolean
parse_value (GParamSpec *field, const char *text, GValue *value, GError **error)
{
  int number;
  char *end = NULL;

  g_value_init (value, field->value_type);
  if (field->value_type == G_TYPE_STRING)
    g_value_set_string (value, *text != '\0' ? text : NULL);
  else if (field->value_type == G_TYPE_STRV)
    g_value_take_boxed (value, *text != '\0' ? g_strsplit (text, ",", -1) : NULL);
  else if (G_TYPE_IS_ENUM (field->value_type))
    {
      if (!vp_enum_from_nick (field->value_type, text, &number))
        return fail (error, _ ("“%s” is not a value of %s"), text, field->name);
      g_value_set_enum (value, number);
    }
  else
    {
      number = (int) strtol (text, &end, 10);
      if (*text == '\0' || *end != '\0')
        return fail (error, _ ("“%s” is not a whole number"), text);
      g_value_set_int (value, number);
    }
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
  g_autofree char *name = NULL;
  GParamSpec *field;
  VpRecord *record;

  if (g_strv_length (parts) != 2 || strchr (parts[1], '=') == NULL)
    return fail (error, _ ("--set expects UUID:FIELD=VALUE, got “%s”"), spec);
  assignment = g_strsplit (parts[1], "=", 2);
  if ((record = find_record (store, parts[0], error)) == NULL)
    return FALSE;
  name = g_strdelimit (g_strdup (assignment[0]), "_", '-');
  field = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
  if (field == NULL || (field->flags & VP_FIELD_FLAGS) != VP_FIELD_FLAGS)
    return fail (error, _ ("a %s has no field “%s”"), VP_RECORD_GET_CLASS (record)->table,
                 assignment[0]);
  if (!parse_value (field, assignment[1], &value, error))
    return FALSE;
  draft = vp_record_copy (record);
  g_object_set_property (G_OBJECT (draft), name, &value);
  return vp_store_replace (store, record, draft, VP_STORE_WRITE_DEFAULT, error);
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
          g_printerr ("veiligheidsplan: --%s %s: %s\n", option, specs[i], error->message);
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
