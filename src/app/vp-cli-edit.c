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
  /* a budget is set in euros, as the file's "budget" key: budget=0,15 */
  if (g_str_equal (name, "budget"))
    name = (g_free (name), g_strdup ("budget-cents"));
  else if (g_str_equal (name, "budget-cents"))
    name = (g_free (name), g_strdup (""));
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
  if (field->value_type == G_TYPE_INT64)
    {
      gint64 cents;

      if (!vp_budget_parse (text, &cents, error))
        return FALSE;
      g_value_set_int64 (value, cents);
      return TRUE;
    }
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

/* One edit the command line asks for, checked: a record's new values
 * (every --set of one record in one draft), a status, or a deletion. */
typedef struct
{
  const char *option;
  char *spec;
  VpRecord *record;
  VpRecord *draft;
  int status;
} Edit;

static void
edit_free (Edit *edit)
{
  g_free (edit->spec);
  g_clear_object (&edit->record);
  g_clear_object (&edit->draft);
  g_free (edit);
}

static Edit *
edit_new (const char *option, const char *spec, VpRecord *record)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->option = option;
  edit->spec = g_strdup (spec);
  edit->record = g_object_ref (record);
  return edit;
}

/* The edit of @record's values, if an earlier --set made one. */
static Edit *
find_draft (GPtrArray *edits, VpRecord *record)
{
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (edits, i);

      if (edit->draft != NULL && edit->record == record)
        return edit;
    }
  return NULL;
}

/* UUID:FIELD=VALUE, into the record's draft */
static gboolean
check_set (VpStore *store, const char *spec, GPtrArray *edits, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (spec, ":", 2);
  g_auto (GStrv) assignment = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  GParamSpec *field;
  VpRecord *record;
  Edit *edit;

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
  if ((edit = find_draft (edits, record)) == NULL)
    {
      edit = edit_new ("set", spec, record);
      edit->draft = vp_record_copy (record);
      g_ptr_array_add (edits, edit);
    }
  g_object_set_property (G_OBJECT (edit->draft), field->name, &value);
  /* a lead is named only for the kind "organisation" */
  if (VP_IS_ACTION (edit->draft) && g_str_equal (field->name, "lead-kind")
      && g_value_get_enum (&value) != VP_LEAD_KIND_ORGANISATION)
    g_object_set (edit->draft, "lead", NULL, NULL);
  return TRUE;
}

/* A record's values once all its --set are in: checked as a whole (a
 * plan's first and last year together). */
static gboolean
check_draft (VpStore *store, Edit *edit, GError **error)
{
  return vp_field_check_record (edit->draft, error) && check_references (store, edit->draft, error);
}

/* ACTION:STATUS */
static gboolean
check_status (VpStore *store, const char *spec, GPtrArray *edits, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (spec, ":", 2);
  const char *keeper = NULL;
  VpRecord *action;
  Edit *edit;
  int status;

  if (g_strv_length (parts) != 2)
    return fail (error, _ ("--status expects ACTION:STATUS, got “%s”"), spec);
  if ((action = find_record (store, parts[0], error)) == NULL)
    return FALSE;
  if (!VP_IS_ACTION (action))
    return fail (error, _ ("%s is not an action"), parts[0]);
  if (!vp_enum_from_nick (VP_TYPE_STATUS, parts[1], &status))
    return fail (error, _ ("“%s” is not a status"), parts[1]);
  if (!vp_action_can_set_status (store, VP_ACTION (action), &keeper))
    {
      VpOrganisation *organisation
        = keeper != NULL ? vp_store_lookup_organisation (store, keeper) : NULL;

      if (keeper != NULL)
        return fail (error, _ ("%s leads this action and sets its status"),
                     organisation != NULL ? vp_organisation_get_name (organisation) : keeper);
      return fail (error, _ ("This municipality does not take part in this action"));
    }
  edit = edit_new ("status", spec, action);
  edit->status = status;
  g_ptr_array_add (edits, edit);
  return TRUE;
}

static gboolean
check_delete (VpStore *store, const char *uuid, GPtrArray *edits, GError **error)
{
  VpRecord *record = find_record (store, uuid, error);

  if (record == NULL)
    return FALSE;
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (edits, i);

      if (g_str_equal (edit->option, "delete") && edit->record == record)
        return fail (error, _ ("%s is deleted once already in this command"), uuid);
    }
  g_ptr_array_add (edits, edit_new ("delete", uuid, record));
  return TRUE;
}

static void
print_failure (const char *option, const char *text, const GError *error)
{
  g_autofree char *spec = vp_untrusted_text_for_terminal (text);
  g_autofree char *message = vp_untrusted_text_for_terminal (error->message);

  g_printerr ("veiligheidsplan: --%s %s: %s\n", option, spec, message);
}

/* Checks every spec of @option into @edits; prints the first that fails. */
static gboolean
check_each (VpStore *store,
            GVariantDict *options,
            const char *option,
            gboolean (*check) (VpStore *, const char *, GPtrArray *, GError **),
            GPtrArray *edits)
{
  g_auto (GStrv) specs = NULL;

  if (!g_variant_dict_lookup (options, option, "^as", &specs))
    return TRUE;
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!check (store, specs[i], edits, &error))
        {
          print_failure (option, specs[i], error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_edit (VpStore *store, Edit *edit, GError **error)
{
  if (edit->draft != NULL)
    return vp_store_replace (store, edit->record, edit->draft, VP_STORE_WRITE_DEFAULT, error);
  if (g_str_equal (edit->option, "status"))
    return vp_store_set_status (store, VP_ACTION (edit->record),
                                vp_store_get_home_municipality (store), edit->status, 0, NULL,
                                error);
  return vp_store_delete (store, edit->record, error);
}

/* All of @edits in one transaction (one step of the undo stack), or
 * none of them. */
static gboolean
apply_all (VpStore *store, GPtrArray *edits)
{
  g_autoptr (GError) error = NULL;

  if (!vp_store_begin (store, &error))
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return FALSE;
    }
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (edits, i);

      if (!apply_edit (store, edit, &error))
        {
          vp_store_rollback (store);
          print_failure (edit->option, edit->spec, error);
          g_printerr (_ ("veiligheidsplan: nothing was changed\n"));
          return FALSE;
        }
    }
  if (!vp_store_commit (store, &error))
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
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
 * Makes the edits the command line asks for, all or none: every --set,
 * --status and --delete is checked first, then all are applied in one
 * transaction (the values of a record's --set together, then the
 * statuses, then the deletions), one step of the undo stack.
 *
 * Returns: %FALSE after printing the first that failed; then nothing was
 *   changed
 */
gboolean
vp_cli_edit (VpStore *store, GVariantDict *options)
{
  g_autoptr (GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);

  if (!vp_cli_wants_edits (options))
    return TRUE;
  if (vp_store_get_home_municipality (store) == NULL)
    {
      g_printerr (_ ("veiligheidsplan: edits need the database’s municipality "
                     "(--municipality)\n"));
      return FALSE;
    }
  if (!check_each (store, options, "set", check_set, edits))
    return FALSE;
  for (guint i = 0; i < edits->len; i++)
    {
      g_autoptr (GError) error = NULL;
      Edit *edit = g_ptr_array_index (edits, i);

      if (!check_draft (store, edit, &error))
        {
          print_failure (edit->option, edit->spec, error);
          return FALSE;
        }
    }
  if (!check_each (store, options, "status", check_status, edits)
      || !check_each (store, options, "delete", check_delete, edits))
    return FALSE;
  return apply_all (store, edits);
}
