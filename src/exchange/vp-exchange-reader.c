/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/vp-record-private.h"
#include "store/vp-store-status.h"
#include "vp-exchange-private.h"
#include "vp-field-check.h"
#include "vp-json-strict.h"

/*
 * Reads an exchange file into a change set, touching nothing: first the
 * whole file is checked (encoding, JSON, every field of every record,
 * every reference), and only a file without any fault is compared with
 * the database, record by record, by UUID. Every fault names its place in
 * the file: "plans[0].priorities[2].actions[4].quarter: expected 1–4,
 * got 7".
 */

typedef struct
{
  VpRecord *record;
  char *path;
} Incoming;

/* A partner's deletion, from the file's "deletions". */
typedef struct
{
  VpTombstone tombstone;
  char *path;
} Deletion;

/* What the reader needs of a record type's fields, made once an import
 * rather than asked of the type and the store for every record. */
typedef struct
{
  GParamSpec *field;
  /* its key in the file */
  const char *key;
  /* the format version that brought the key (vp_exchange_key_since()) */
  int since;
  VpFieldFlags flags;
  /* "budget-cents", read by read_budget() */
  gboolean is_budget;
} FieldInfo;

typedef struct
{
  /* the fields read from the file: all but the parent field */
  FieldInfo *fields;
  guint n_fields;
  /* every key a record of the type may have */
  GHashTable *keys;
} TypeInfo;

static void
type_info_free (TypeInfo *info)
{
  g_free (info->fields);
  g_hash_table_unref (info->keys);
  g_free (info);
}

typedef struct
{
  VpStore *store;
  char *partner;
  /* UUID → Incoming, every record of the file */
  GHashTable *by_uuid;
  /* codes of the organisations in the file */
  GHashTable *codes;
  /* Incoming, in the order they are to be applied */
  GPtrArray *records;
  /* unique key (see unique_key()) → UUID, of the file and the database */
  GHashTable *keys;
  /* no record may be stamped later than this (VP_EXCHANGE_MAX_DAYS_AHEAD) */
  char *latest_stamp;
  /* Deletion, in file order; by UUID */
  GPtrArray *deletions;
  GHashTable *deleted;
  /* UUID → why the record cannot be taken though the file is valid (a
   * sub-theme letter used here by another sub-theme) */
  GHashTable *clashes;
  /* UUID → VpTombstone, every deletion made here or taken (read once:
   * a query for each record of a large file took longer than the rest of
   * the comparison); owned by tombstone_list */
  GHashTable *tombstones;
  GPtrArray *tombstone_list;
  /* GType → TypeInfo */
  GHashTable *types;
  /* the place of a field in the file, for its faults */
  GString *field_path;
  /* the file's format version */
  int version;
} Import;

static void
incoming_free (Incoming *incoming)
{
  g_object_unref (incoming->record);
  g_free (incoming->path);
  g_free (incoming);
}

static void
deletion_free (Deletion *deletion)
{
  g_free (deletion->tombstone.uuid);
  g_free (deletion->tombstone.kind);
  g_free (deletion->tombstone.deleted_at);
  g_free (deletion->tombstone.deleted_by);
  g_free (deletion->path);
  g_free (deletion);
}

static gboolean fail (GError **error, const char *path, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

/* Sets an INVALID error "path: message"; returns FALSE. */
static gboolean
fail (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a fault in a file: "plans[0].title: required but missing" */
  g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_INVALID, _ ("%s: %s"), path, message);
  return FALSE;
}

/* The rules of one field (vp-field-check.c), with the fault's place. */
static gboolean
check_text (GType type, const char *field, const char *text, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (vp_field_check_text (type, field, text, &local))
    return TRUE;
  return fail (error, path, "%s", local->message);
}

static gboolean
check_range (const char *field, gint64 number, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (vp_field_check_number (field, number, &local))
    return TRUE;
  return fail (error, path, "%s", local->message);
}

static const char *
json_type_name (const VpJson *node)
{
  switch (node->type)
    {
    case VP_JSON_NULL:
      return "null";
    case VP_JSON_OBJECT:
      return _ ("an object");
    case VP_JSON_ARRAY:
      return _ ("a list");
    case VP_JSON_STRING:
      return _ ("text");
    case VP_JSON_BOOLEAN:
      return _ ("true or false");
    case VP_JSON_INTEGER:
    case VP_JSON_DOUBLE:
    default:
      return _ ("a number");
    }
}

static gboolean
expect_string (const VpJson *node, const char *path, GError **error)
{
  if (node->type == VP_JSON_STRING)
    return TRUE;
  return fail (error, path, _ ("expected text, got %s"), json_type_name (node));
}

static gboolean
expect_integer (const VpJson *node, const char *path, GError **error)
{
  if (node->type == VP_JSON_INTEGER)
    return TRUE;
  return fail (error, path, _ ("expected a whole number, got %s"), json_type_name (node));
}

static char *
enum_nicks (GType enum_type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr (GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

static gboolean
read_enum (const VpJson *node,
           GParamSpec *field,
           VpFieldFlags flags,
           GValue *value,
           const char *path,
           GError **error)
{
  int number;

  if (flags & VP_FIELD_INTEGER)
    {
      if (!expect_integer (node, path, error)
          || !check_range (field->name, vp_json_get_int (node), path, error))
        return FALSE;
      g_value_set_enum (value, (int) vp_json_get_int (node));
      return TRUE;
    }
  if (!expect_string (node, path, error))
    return FALSE;
  if (!vp_enum_from_nick (field->value_type, vp_json_get_string (node), &number))
    {
      g_autofree char *nicks = enum_nicks (field->value_type);

      return fail (error, path, _ ("expected one of %s, got “%s”"), nicks,
                   vp_json_get_string (node));
    }
  g_value_set_enum (value, number);
  return TRUE;
}

static gboolean
read_strv (const VpJson *node, GValue *value, const char *path, GError **error)
{
  const VpJson *array;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (!(node->type == VP_JSON_ARRAY))
    return fail (error, path, _ ("expected a list, got %s"), json_type_name (node));
  array = node;
  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      const VpJson *item = &array->elements[i];

      if (!expect_string (item, item_path, error))
        return FALSE;
      if (!vp_field_check_line (vp_json_get_string (item), NULL))
        return fail (error, item_path, _ ("may not span several lines"));
      g_strv_builder_add (builder, vp_json_get_string (item));
    }
  g_value_take_boxed (value, g_strv_builder_end (builder));
  return TRUE;
}

/* Reads one field's JSON value into @value, checked. */
static gboolean
read_value (GType type,
            GParamSpec *field,
            VpFieldFlags flags,
            const VpJson *node,
            GValue *value,
            const char *path,
            GError **error)
{
  if ((node->type == VP_JSON_NULL) && field->value_type != G_TYPE_STRV)
    {
      if (!(flags & VP_FIELD_OPTIONAL))
        return fail (error, path, _ ("may not be null"));
      return TRUE; /* the value's default: NULL or 0 */
    }
  if (field->value_type == G_TYPE_STRING)
    {
      if (!expect_string (node, path, error)
          || !check_text (type, field->name, vp_json_get_string (node), path, error))
        return FALSE;
      /* the document outlives the value, which the record copies */
      g_value_set_static_string (value, vp_json_get_string (node));
      return TRUE;
    }
  if (field->value_type == G_TYPE_STRV)
    return read_strv (node, value, path, error);
  if (G_TYPE_IS_ENUM (field->value_type))
    return read_enum (node, field, flags, value, path, error);

  if (!expect_integer (node, path, error)
      || !check_range (field->name, vp_json_get_int (node), path, error))
    return FALSE;
  g_value_set_int (value, (int) vp_json_get_int (node));
  return TRUE;
}

/* The fields and keys of @type. */
static TypeInfo *
make_type_info (Import *import, GType type)
{
  VpRecordClass *klass = g_type_class_peek (type);
  TypeInfo *info = g_new0 (TypeInfo, 1);
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);

  info->fields = g_new0 (FieldInfo, klass->n_fields);
  info->keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (info->keys, (gpointer) "uuid");
  g_hash_table_add (info->keys, (gpointer) "modified_at");
  g_hash_table_add (info->keys, (gpointer) "modified_by");
  g_hash_table_add (info->keys, (gpointer) "base");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      FieldInfo *fi;

      if (g_strcmp0 (field->name, klass->parent_field) == 0)
        continue;
      fi = &info->fields[info->n_fields++];
      /* a budget is "budget", with "budget_cents" besides (read_budget()) */
      fi->is_budget = g_str_equal (field->name, "budget-cents");
      if (fi->is_budget)
        g_hash_table_add (info->keys, (gpointer) "budget");
      g_hash_table_add (info->keys, (gpointer) vp_exchange_key (field));
      fi->field = field;
      fi->key = vp_exchange_key (field);
      fi->since = vp_exchange_key_since (type, field);
      fi->flags = vp_store_get_field_flags (import->store, type, field);
    }
  for (guint k = 0; k < n_kinds; k++)
    {
      if (kinds[k].parent_type == type)
        g_hash_table_add (info->keys, (gpointer) kinds[k].key);
    }
  return info;
}

static TypeInfo *
get_type_info (Import *import, GType type)
{
  TypeInfo *info = g_hash_table_lookup (import->types, GSIZE_TO_POINTER (type));

  if (info == NULL)
    {
      info = make_type_info (import, type);
      g_hash_table_insert (import->types, GSIZE_TO_POINTER (type), info);
    }
  return info;
}

/* Every key of @object known for @type; the first unknown one, in the
 * file's order, is the fault. */
static gboolean
check_keys (Import *import, GType type, const VpJson *object, const char *path, GError **error)
{
  GHashTable *known = get_type_info (import, type)->keys;

  for (guint i = 0; i < object->length; i++)
    {
      if (!g_hash_table_contains (known, object->keys[i]))
        return fail (error, path, _ ("unknown key “%s”"), object->keys[i]);
    }
  return TRUE;
}

static const VpJson *
get_member (const VpJson *object, const char *key, const char *path, GError **error)
{
  const VpJson *node = vp_json_get_member (object, key);

  if (node == NULL)
    {
      g_autofree char *member_path = g_strconcat (path, ".", key, NULL);

      fail (error, member_path, _ ("required but missing"));
    }
  return node;
}

/* The version the writer changed the record from, if the file says
 * (version 2): kept with the record for the merge (vp_merge_get_base()). */
static gboolean
read_base (VpRecord *record, const VpJson *object, const char *path, GError **error)
{
  g_autofree char *base_path = NULL;
  const VpJson *node = vp_json_get_member (object, "base");
  char *base;

  if (node == NULL)
    return TRUE;
  base_path = g_strconcat (path, ".base", NULL);
  if (!expect_string (node, base_path, error))
    return FALSE;
  base = vp_exchange_normalize_timestamp (vp_json_get_string (node));
  if (base == NULL || strcmp (base, vp_record_get_modified_at (record)) >= 0)
    {
      g_free (base);
      return fail (error, base_path,
                   _ ("expected a time in UTC before the record’s modified_at, got “%s”"),
                   vp_json_get_string (node));
    }
  g_object_set_data_full (G_OBJECT (record), "vp-merge-base", base, g_free);
  return TRUE;
}

/* "path.key", for a fault: made only when there is one. */
static const char *
place (char **slot, const char *path, const char *key)
{
  if (*slot == NULL)
    *slot = g_strconcat (path, ".", key, NULL);
  return *slot;
}

static gboolean
read_identity (
  Import *import, VpRecord *record, const VpJson *object, const char *path, GError **error)
{
  g_autofree char *uuid_path = NULL;
  g_autofree char *at_path = NULL;
  g_autofree char *by_path = NULL;
  const VpJson *uuid, *at, *by;
  g_autofree char *modified_at = NULL;

  if ((uuid = get_member (object, "uuid", path, error)) == NULL
      || (at = get_member (object, "modified_at", path, error)) == NULL
      || (by = get_member (object, "modified_by", path, error)) == NULL)
    return FALSE;
  if (uuid->type != VP_JSON_STRING)
    return expect_string (uuid, place (&uuid_path, path, "uuid"), error);
  if (at->type != VP_JSON_STRING)
    return expect_string (at, place (&at_path, path, "modified_at"), error);
  if (by->type != VP_JSON_STRING)
    return expect_string (by, place (&by_path, path, "modified_by"), error);

  if (!vp_exchange_is_uuid (vp_json_get_string (uuid)))
    return fail (error, place (&uuid_path, path, "uuid"), _ ("expected a UUID, got “%s”"),
                 vp_json_get_string (uuid));
  if (g_hash_table_contains (import->by_uuid, vp_json_get_string (uuid)))
    return fail (error, place (&uuid_path, path, "uuid"),
                 _ ("the UUID %s appears more than once in the file"), vp_json_get_string (uuid));
  modified_at = vp_exchange_normalize_timestamp (vp_json_get_string (at));
  if (modified_at == NULL)
    return fail (error, place (&at_path, path, "modified_at"),
                 _ ("expected a time in UTC such as “2024-02-28T09:00:00.000Z”, got “%s”"),
                 vp_json_get_string (at));
  if (strcmp (modified_at, import->latest_stamp) > 0)
    return fail (
      error, place (&at_path, path, "modified_at"),
      _ ("the time %s lies in the future; is the clock of the computer that wrote the file right?"),
      modified_at);
  if (!vp_exchange_is_code (vp_json_get_string (by)))
    return fail (error, place (&by_path, path, "modified_by"),
                 _ ("expected an organisation code such as “nijkerk”, got “%s”"),
                 vp_json_get_string (by));

  vp_record_set_identity (record, vp_json_get_string (uuid), modified_at, vp_json_get_string (by));
  return read_base (record, object, path, error);
}

static gboolean read_record (Import *import,
                             GType type,
                             const VpJson *node,
                             const char *path,
                             const char *parent_uuid,
                             GError **error);

static gboolean
read_array (Import *import,
            GType type,
            const VpJson *object,
            const char *key,
            const char *path,
            const char *parent_uuid,
            GError **error)
{
  g_autofree char *array_path = path != NULL ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
  const VpJson *node
    = path != NULL ? get_member (object, key, path, error) : vp_json_get_member (object, key);
  const VpJson *array;
  g_autoptr (GString) item_path = NULL;

  if (node == NULL)
    return path != NULL ? FALSE : fail (error, array_path, _ ("required but missing"));
  if (!(node->type == VP_JSON_ARRAY))
    return fail (error, array_path, _ ("expected a list, got %s"), json_type_name (node));
  array = node;
  item_path = g_string_new (array_path);
  for (guint i = 0; i < array->length; i++)
    {
      char digits[16];
      guint n = 0;

      /* "array_path[i]", without a printf for each of thousands */
      for (guint rest = i; n == 0 || rest > 0; rest /= 10)
        digits[n++] = (char) ('0' + rest % 10);
      g_string_truncate (item_path, strlen (array_path));
      g_string_append_c (item_path, '[');
      while (n > 0)
        g_string_append_c (item_path, digits[--n]);
      g_string_append_c (item_path, ']');
      if (!read_record (import, type, &array->elements[i], item_path->str, parent_uuid, error))
        return FALSE;
    }
  return TRUE;
}

/* A key added after version 1 that the file leaves out (a partner on an
 * older release wrote it) leaves this database's value as it is. */
static void
keep_local_value (Import *import, VpRecord *record, GParamSpec *field)
{
  VpRecord *local = vp_store_lookup (import->store, vp_record_get_uuid (record));

  if (local == NULL && VP_IS_ORGANISATION (record))
    local = VP_RECORD (vp_store_lookup_organisation (
      import->store, vp_organisation_get_code (VP_ORGANISATION (record))));
  if (local != NULL && G_OBJECT_TYPE (local) == G_OBJECT_TYPE (record))
    g_object_set_property (G_OBJECT (record), field->name, vp_record_get_field (local, field));
}

/* The "budget_cents" of a budget whose "budget" is @euros: where given,
 * @euros rounded from it. */
static gboolean
read_cents (const VpJson *object, gint64 euros, const char *path, gint64 *cents, GError **error)
{
  g_autofree char *cents_path = g_strconcat (path, ".budget_cents", NULL);
  const VpJson *node = vp_json_get_member (object, "budget_cents");
  g_autofree char *amount = NULL;

  if (!expect_integer (node, cents_path, error))
    return FALSE;
  *cents = vp_json_get_int (node);
  if (*cents < 0 || *cents > VP_BUDGET_MAX_CENTS)
    return fail (error, cents_path, _ ("expected %d–%lld, got %lld"), 0,
                 (long long) VP_BUDGET_MAX_CENTS, (long long) *cents);
  if (euros >= 0 && vp_budget_whole_euros (*cents) == euros)
    return TRUE;
  amount = vp_budget_format (*cents);
  if (euros < 0)
    return fail (error, cents_path,
                 /* Translators: a fault in a file; budget and budget_cents are its keys */
                 _ ("is %s, but budget is null; budget must be budget_cents in whole euros"),
                 amount);
  return fail (error, cents_path,
               /* Translators: a fault in a file: “is €25,000.40, but budget is 24000; …” */
               _ ("is %s, but budget is %lld; budget must be budget_cents in whole euros, "
                  "rounded (%lld)"),
               amount, (long long) euros, (long long) vp_budget_whole_euros (*cents));
}

/* A budget: "budget" in whole euros (or null), the key every version
 * reads; "budget_cents" besides it (version 2) where it has cents. A
 * version 1 file's whole euros leave the cents this database has, where
 * they round to them: an older release rounded them for its reader. */
static gboolean
read_budget (
  Import *import, VpRecord *record, const VpJson *object, const char *path, GError **error)
{
  GParamSpec *field = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "budget-cents");
  g_autofree char *euros_path = g_strconcat (path, ".budget", NULL);
  const VpJson *node = vp_json_get_member (object, "budget");
  gint64 euros = -1;
  gint64 cents = VP_BUDGET_NONE;
  VpRecord *local;

  if (node == NULL && vp_exchange_key_since (G_OBJECT_TYPE (record), field) > 1
      && !(vp_json_get_member (object, "budget_cents") != NULL))
    {
      keep_local_value (import, record, field);
      return TRUE;
    }
  if (node == NULL)
    return fail (error, euros_path, _ ("required but missing"));
  if (!(node->type == VP_JSON_NULL)
      && (!expect_integer (node, euros_path, error)
          || !check_range ("budget", vp_json_get_int (node), euros_path, error)))
    return FALSE;
  if (!(node->type == VP_JSON_NULL))
    cents = (euros = vp_json_get_int (node)) * 100;
  if ((vp_json_get_member (object, "budget_cents") != NULL))
    {
      if (!read_cents (object, euros, path, &cents, error))
        return FALSE;
    }
  else if (import->version < 2 && euros >= 0
           && (local = vp_store_lookup (import->store, vp_record_get_uuid (record))) != NULL
           && G_OBJECT_TYPE (local) == G_OBJECT_TYPE (record)
           && vp_record_get_int64 (local, "budget-cents") >= 0
           && vp_budget_whole_euros (vp_record_get_int64 (local, "budget-cents")) == euros)
    cents = vp_record_get_int64 (local, "budget-cents");
  g_object_set (record, "budget-cents", cents, NULL);
  return TRUE;
}

/* Sets the fields read so far, in one notification freeze rather than
 * one for each property. */
static void
flush_fields (VpRecord *record, const char **names, GValue *values, guint *n)
{
  if (*n > 0)
    g_object_setv (G_OBJECT (record), *n, names, values);
  for (guint i = 0; i < *n; i++)
    g_value_unset (&values[i]);
  *n = 0;
}

/* The fields of @record from @object, checked, in the order of the
 * class's fields (the first fault is the one named). */
static gboolean
read_fields (
  Import *import, VpRecord *record, const VpJson *object, const char *path, GError **error)
{
  TypeInfo *info = get_type_info (import, G_OBJECT_TYPE (record));
  const char **names = g_newa (const char *, MAX (info->n_fields, 1));
  GValue *values = g_newa (GValue, MAX (info->n_fields, 1));
  guint n = 0;
  gboolean ok = TRUE;

  memset (values, 0, sizeof (GValue) * MAX (info->n_fields, 1));
  for (guint i = 0; ok && i < info->n_fields; i++)
    {
      FieldInfo *fi = &info->fields[i];
      const VpJson *node;

      if (fi->is_budget)
        {
          /* it looks at the record as read so far */
          flush_fields (record, names, values, &n);
          ok = read_budget (import, record, object, path, error);
          continue;
        }
      node = vp_json_get_member (object, fi->key);
      /* a key newer than the file's format: the value this database has */
      if (node == NULL && fi->since > 1)
        {
          flush_fields (record, names, values, &n);
          keep_local_value (import, record, fi->field);
          continue;
        }
      if (node == NULL)
        {
          ok = get_member (object, fi->key, path, error) != NULL;
          break;
        }
      g_string_truncate (import->field_path, 0);
      g_string_append (import->field_path, path);
      g_string_append_c (import->field_path, '.');
      g_string_append (import->field_path, fi->key);
      g_value_init (&values[n], fi->field->value_type);
      names[n] = fi->field->name;
      ok = read_value (G_OBJECT_TYPE (record), fi->field, fi->flags, node, &values[n++],
                       import->field_path->str, error);
    }
  if (ok)
    flush_fields (record, names, values, &n);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return ok;
}

static gboolean
read_children (
  Import *import, VpRecord *record, const VpJson *object, const char *path, GError **error)
{
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      if (kinds[k].parent_type == G_OBJECT_TYPE (record)
          && !read_array (import, kinds[k].child_type, object, kinds[k].key, path,
                          vp_record_get_uuid (record), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_record (Import *import,
             GType type,
             const VpJson *node,
             const char *path,
             const char *parent_uuid,
             GError **error)
{
  g_autoptr (VpRecord) record = g_object_new (type, NULL);
  VpRecordClass *klass = VP_RECORD_GET_CLASS (record);
  const VpJson *object;
  Incoming *incoming;

  if (!(node->type == VP_JSON_OBJECT))
    return fail (error, path, _ ("expected an object, got %s"), json_type_name (node));
  object = node;
  if (!check_keys (import, type, object, path, error)
      || !read_identity (import, record, object, path, error)
      || !read_fields (import, record, object, path, error))
    return FALSE;
  if (klass->parent_field != NULL)
    g_object_set (record, klass->parent_field, parent_uuid, NULL);

  incoming = g_new0 (Incoming, 1);
  incoming->record = g_object_ref (record);
  incoming->path = g_strdup (path);
  g_hash_table_insert (import->by_uuid, g_strdup (vp_record_get_uuid (record)), incoming);
  g_ptr_array_add (import->records, incoming);
  if (VP_IS_ORGANISATION (record))
    g_hash_table_add (import->codes,
                      (gpointer) vp_organisation_get_code (VP_ORGANISATION (record)));

  return read_children (import, record, object, path, error);
}

static gboolean
code_known (Import *import, const char *code)
{
  return g_hash_table_contains (import->codes, code)
         || vp_store_lookup_organisation (import->store, code) != NULL;
}

/* The record a UUID names, in the file or else in the database. */
static VpRecord *
find_record (Import *import, const char *uuid)
{
  Incoming *incoming = g_hash_table_lookup (import->by_uuid, uuid);

  return incoming != NULL ? incoming->record : vp_store_lookup (import->store, uuid);
}

static gboolean
check_code_field (Import *import, Incoming *incoming, const char *field, GError **error)
{
  const char *code;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (incoming->record), field) == NULL)
    return TRUE;
  code = vp_record_get_string (incoming->record, field);
  if (code == NULL || code_known (import, code))
    return TRUE;
  {
    g_autofree char *path = g_strconcat (incoming->path, ".", field, NULL);

    return fail (error, path,
                 _ ("the organisation “%s” is neither in the file nor in this database"), code);
  }
}

static gboolean
check_subtheme (Import *import, Incoming *incoming, GError **error)
{
  const char *uuid;
  VpRecord *subtheme;
  g_autofree char *path = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (incoming->record), "subtheme") == NULL
      || (uuid = vp_record_get_string (incoming->record, "subtheme")) == NULL)
    return TRUE;
  subtheme = find_record (import, uuid);
  path = g_strconcat (incoming->path, ".subtheme", NULL);
  if (!VP_IS_SUBTHEME (subtheme))
    return fail (error, path, _ ("the sub-theme %s is neither in the file nor in this database"),
                 uuid);
  if (g_strcmp0 (vp_subtheme_get_priority (VP_SUBTHEME (subtheme)),
                 vp_record_get_string (incoming->record, "priority"))
      != 0)
    return fail (error, path, _ ("the sub-theme %s belongs to another priority"), uuid);
  return TRUE;
}

/* What the database keeps unique besides UUIDs: a sub-theme's letter in
 * its priority, one status per action and municipality, an organisation's
 * code. Returns the field to blame and the key, or NULL. */
static const char *
unique_key (VpRecord *record, char **key)
{
  if (VP_IS_SUBTHEME (record))
    {
      *key = g_strconcat ("subtheme:", vp_record_get_string (record, "priority"), "/",
                          vp_record_get_string (record, "letter"), NULL);
      return "letter";
    }
  if (VP_IS_ACTION_STATUS (record))
    {
      *key = g_strconcat ("status:", vp_record_get_string (record, "action"), "/",
                          vp_record_get_string (record, "municipality"), NULL);
      return "municipality";
    }
  if (VP_IS_ORGANISATION (record))
    {
      *key = g_strconcat ("organisation:", vp_record_get_string (record, "code"), NULL);
      return "code";
    }
  *key = NULL;
  return NULL;
}

static void
add_key (GHashTable *keys, VpRecord *record)
{
  char *key = NULL;

  if (unique_key (record, &key) != NULL)
    g_hash_table_insert (keys, key, g_strdup (vp_record_get_uuid (record)));
}

/* A sub-theme whose letter a sub-theme of this database has in the same
 * priority: partners added one each, or renamed one. The file is fine;
 * this record cannot be taken until one of them changes its letter. */
static gboolean
note_letter_clash (Import *import, Incoming *incoming, const char *holder)
{
  VpRecord *other = vp_store_lookup (import->store, holder);
  char *reason = g_strdup_printf (
    /* Translators: a partner's sub-theme has the letter of one here */
    _ ("Letter %s is used here by the sub-theme “%s”."),
    vp_record_get_string (incoming->record, "letter"), vp_record_get_string (other, "title"));

  g_hash_table_insert (import->clashes, g_strdup (vp_record_get_uuid (incoming->record)), reason);
  return TRUE;
}

/* Whether the key is taken by a record of the database that the file does
 * not have with the same key: not a fault of the file. */
static gboolean
is_clash_with_database (Import *import, const char *holder, const char *key)
{
  Incoming *in_file = g_hash_table_lookup (import->by_uuid, holder);
  g_autofree char *file_key = NULL;

  if (vp_store_lookup (import->store, holder) == NULL)
    return FALSE;
  if (in_file == NULL)
    return TRUE;
  unique_key (in_file->record, &file_key);
  return g_strcmp0 (file_key, key) != 0;
}

/* The database's keys, then the file's, each only once. */
static gboolean
check_unique (Import *import, Incoming *incoming, GError **error)
{
  g_autofree char *key = NULL;
  const char *field = unique_key (incoming->record, &key);
  const char *holder;

  if (import->keys == NULL)
    {
      GType types[] = { VP_TYPE_SUBTHEME, VP_TYPE_ACTION_STATUS };

      import->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
        {
          GListModel *list = vp_store_get_records (import->store, types[t]);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr (VpRecord) record = g_list_model_get_item (list, i);

              add_key (import->keys, record);
            }
        }
    }
  if (field == NULL)
    return TRUE;
  holder = g_hash_table_lookup (import->keys, key);
  if (holder != NULL && g_strcmp0 (holder, vp_record_get_uuid (incoming->record)) != 0)
    {
      g_autofree char *path = g_strconcat (incoming->path, ".", field, NULL);

      if (VP_IS_SUBTHEME (incoming->record) && is_clash_with_database (import, holder, key))
        return note_letter_clash (import, incoming, holder);
      return fail (error, path, _ ("“%s” is already taken by another record (%s)"),
                   vp_record_get_string (incoming->record, field), holder);
    }
  g_hash_table_insert (import->keys, g_steal_pointer (&key),
                       g_strdup (vp_record_get_uuid (incoming->record)));
  return TRUE;
}

static gboolean
check_rules (Import *import, Incoming *incoming, GError **error)
{
  VpRecord *record = incoming->record;
  VpRecord *local = vp_store_lookup (import->store, vp_record_get_uuid (record));

  if (local != NULL && G_OBJECT_TYPE (local) != G_OBJECT_TYPE (record))
    {
      g_autofree char *path = g_strconcat (incoming->path, ".uuid", NULL);

      return fail (error, path,
                   _ ("this UUID belongs to a different kind of record in this database"));
    }
  if (VP_IS_ORGANISATION (local)
      && g_strcmp0 (vp_organisation_get_code (VP_ORGANISATION (local)),
                    vp_organisation_get_code (VP_ORGANISATION (record)))
           != 0)
    {
      g_autofree char *path = g_strconcat (incoming->path, ".code", NULL);

      return fail (error, path,
                   _ ("an organisation’s code cannot change; this database knows it as “%s”"),
                   vp_organisation_get_code (VP_ORGANISATION (local)));
    }
  if (VP_IS_ACTION (record)
      && (vp_action_get_lead_kind (VP_ACTION (record)) == VP_LEAD_KIND_ORGANISATION)
           != (vp_action_get_lead (VP_ACTION (record)) != NULL))
    {
      g_autofree char *path = g_strconcat (incoming->path, ".lead", NULL);

      return fail (error, path,
                   _ ("must name an organisation when lead_kind is “organisation”, and only then"));
    }
  if (VP_IS_PLAN (record)
      && vp_plan_get_last_year (VP_PLAN (record)) < vp_plan_get_first_year (VP_PLAN (record)))
    {
      g_autofree char *path = g_strconcat (incoming->path, ".last_year", NULL);

      return fail (error, path, _ ("may not come before first_year"));
    }
  if (VP_IS_PLAN (record))
    {
      const char *const *participants = vp_record_get_strv (record, "participants");

      for (gsize i = 0; participants != NULL && participants[i] != NULL; i++)
        {
          g_autofree char *path
            = g_strdup_printf ("%s.participants[%" G_GSIZE_FORMAT "]", incoming->path, i);

          if (!vp_exchange_is_code (participants[i]) || !code_known (import, participants[i]))
            return fail (error, path,
                         _ ("the organisation “%s” is neither in the file nor in this database"),
                         participants[i]);
        }
    }
  return check_unique (import, incoming, error)
         && check_code_field (import, incoming, "owner", error)
         && check_code_field (import, incoming, "lead", error)
         && check_code_field (import, incoming, "municipality", error)
         && check_subtheme (import, incoming, error);
}

/* An organisation is known by its code: one that a partner made with
 * another UUID is the same organisation. */
static VpRecord *
find_local (Import *import, VpRecord *incoming)
{
  VpRecord *local = vp_store_lookup (import->store, vp_record_get_uuid (incoming));
  VpOrganisation *same_code;

  if (local != NULL || !VP_IS_ORGANISATION (incoming))
    return local;
  same_code = vp_store_lookup_organisation (import->store,
                                            vp_organisation_get_code (VP_ORGANISATION (incoming)));
  if (same_code != NULL)
    vp_record_set_identity (incoming, vp_record_get_uuid (VP_RECORD (same_code)),
                            vp_record_get_modified_at (incoming),
                            vp_record_get_modified_by (incoming));
  return VP_RECORD (same_code);
}

/* The UUIDs a record refers to and cannot be without: its parent, its
 * sub-theme. */
static void
get_needed (VpRecord *record, const char *needed[2])
{
  needed[0] = vp_record_get_parent_uuid (record);
  needed[1] = VP_IS_ACTION (record) || VP_IS_GOAL (record)
                ? vp_record_get_string (record, "subtheme")
                : NULL;
}

/* The database's tombstone of @uuid, if any. */
static VpTombstone *
find_tombstone (Import *import, const char *uuid)
{
  if (import->tombstones == NULL)
    {
      import->tombstone_list = vp_store_list_tombstones (import->store);
      import->tombstones = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < import->tombstone_list->len; i++)
        {
          VpTombstone *tombstone = g_ptr_array_index (import->tombstone_list, i);

          g_hash_table_insert (import->tombstones, tombstone->uuid, tombstone);
        }
    }
  return g_hash_table_lookup (import->tombstones, uuid);
}

/* Our deletion of the record, where it counts for it. */
static VpTombstone *
find_deleted_here (Import *import, VpRecord *record, VpRecord *local)
{
  VpTombstone *tombstone;

  if (local != NULL)
    return NULL;
  tombstone = find_tombstone (import, vp_record_get_uuid (record));
  if (!vp_merge_tombstone_applies (tombstone, record))
    return NULL;
  return tombstone;
}

/* Records deleted here that the file has, each with what belongs to it in
 * the file: root UUID → the newest stamp in its subtree, so that the
 * root's change is a conflict when any of it changed there after our
 * deletion. @roots maps every record of such a subtree to its root. */
static void
find_deleted_subtrees (Import *import, GHashTable *roots, GHashTable *newest)
{
  for (guint i = 0; i < import->records->len; i++)
    {
      Incoming *incoming = g_ptr_array_index (import->records, i);
      VpRecord *record = incoming->record;
      VpRecord *local = vp_store_lookup (import->store, vp_record_get_uuid (record));
      VpTombstone *tombstone = find_deleted_here (import, record, local);
      const char *needed[2];
      const char *root = NULL;
      const char *stamp;

      get_needed (record, needed);
      if (tombstone != NULL)
        root = vp_record_get_uuid (record);
      for (int n = 0; root == NULL && local == NULL && n < 2; n++)
        root = needed[n] != NULL ? g_hash_table_lookup (roots, needed[n]) : NULL;
      if (root == NULL)
        continue;
      g_hash_table_insert (roots, (gpointer) vp_record_get_uuid (record), (gpointer) root);
      stamp = g_hash_table_lookup (newest, root);
      if (stamp == NULL || strcmp (vp_record_get_modified_at (record), stamp) > 0)
        g_hash_table_insert (newest, (gpointer) root,
                             (gpointer) vp_record_get_modified_at (record));
    }
}

/* The change of a record left out (refused, or deleted here) that
 * @record cannot be without, if any. */
static VpChange *
find_left_out (GHashTable *left_out, VpRecord *record)
{
  const char *needed[2];

  get_needed (record, needed);
  for (int n = 0; n < 2; n++)
    {
      VpChange *change = needed[n] != NULL ? g_hash_table_lookup (left_out, needed[n]) : NULL;

      if (change != NULL)
        return change;
    }
  return NULL;
}

typedef struct
{
  Import *import;
  VpChangeSet *set;
  /* UUID → VpChange (borrowed) of a record that is not here and will not
   * be added (refused), or only if a person says so (deleted here) */
  GHashTable *left_out;
  GHashTable *roots;
  GHashTable *newest;
} Build;

/* A record deleted here, which the file has: left alone when the file's
 * version (and what belongs to it) is no newer than the deletion, else a
 * conflict a person decides. */
static VpChange *
add_deleted_here (Build *build, Incoming *incoming, VpTombstone *tombstone)
{
  const char *uuid = vp_record_get_uuid (incoming->record);
  const char *newest = g_hash_table_lookup (build->newest, uuid);
  gboolean changed_there = newest != NULL && strcmp (newest, tombstone->deleted_at) > 0;
  VpChange *change
    = vp_change_set_add (build->set, changed_there ? VP_CHANGE_CONFLICT : VP_CHANGE_OLDER,
                         incoming->record, NULL, incoming->path);

  vp_change_set_mark_deleted_here (change, tombstone);
  if (!changed_there)
    vp_change_set_explain (change, _ ("Deleted here."));
  return change;
}

static VpChange *
add_dependent (Build *build, Incoming *incoming, VpChange *parent)
{
  VpChange *root
    = vp_change_get_depends_on (parent) != NULL ? vp_change_get_depends_on (parent) : parent;
  VpChangeKind kind = vp_change_get_kind (root);
  VpChange *change;

  if (kind == VP_CHANGE_REFUSED)
    {
      change = vp_change_set_add (build->set, kind, incoming->record, NULL, incoming->path);
      vp_change_set_explain (change, _ ("It belongs to a record that was refused."));
      return change;
    }
  change = vp_change_set_add (build->set, kind, incoming->record, NULL, incoming->path);
  vp_change_set_depend (change, root);
  return change;
}

/* A partner's status of an action whose status is shared, that would
 * become the action's in place of ours although the partner set it
 * without having ours (the file lacks our current status): our status, a
 * conflict. */
static VpRecord *
find_shared_clash (Import *import, VpRecord *incoming)
{
  const char *home = vp_store_get_home_municipality (import->store);
  VpRecord *action;
  VpActionStatus *ours;
  Incoming *ours_there;

  if (!VP_IS_ACTION_STATUS (incoming) || home == NULL
      || g_strcmp0 (vp_action_status_get_municipality (VP_ACTION_STATUS (incoming)), home) == 0)
    return NULL;
  action
    = vp_store_lookup (import->store, vp_action_status_get_action (VP_ACTION_STATUS (incoming)));
  if (!VP_IS_ACTION (action)
      || vp_action_get_status_rule (import->store, VP_ACTION (action)) != VP_STATUS_RULE_SHARED)
    return NULL;
  ours = vp_store_find_status (import->store, vp_record_get_uuid (action), home);
  if (ours == NULL
      || vp_action_status_get_status (ours)
           == vp_action_status_get_status (VP_ACTION_STATUS (incoming)))
    return NULL;
  ours_there = g_hash_table_lookup (import->by_uuid, vp_record_get_uuid (VP_RECORD (ours)));
  if (ours_there != NULL
      && g_strcmp0 (vp_record_get_modified_at (ours_there->record),
                    vp_record_get_modified_at (VP_RECORD (ours)))
           == 0)
    return NULL;
  return VP_RECORD (ours);
}

static void
add_record (Build *build, Incoming *incoming)
{
  Import *import = build->import;
  VpRecord *local = find_local (import, incoming->record);
  const char *uuid = vp_record_get_uuid (incoming->record);
  const char *clash = g_hash_table_lookup (import->clashes, uuid);
  VpTombstone *tombstone = find_deleted_here (import, incoming->record, local);
  g_autofree char *reason = NULL;
  VpChangeKind kind
    = vp_merge_classify (import->store, import->partner, incoming->record, local, &reason);
  VpChange *parent = local == NULL ? find_left_out (build->left_out, incoming->record) : NULL;
  VpChange *change;

  if (clash != NULL && kind != VP_CHANGE_UNCHANGED)
    {
      kind = VP_CHANGE_REFUSED;
      g_free (reason);
      reason = g_strdup (clash);
    }
  if (kind != VP_CHANGE_REFUSED && tombstone != NULL)
    change = add_deleted_here (build, incoming, tombstone);
  else if (kind != VP_CHANGE_REFUSED && parent != NULL)
    change = add_dependent (build, incoming, parent);
  else
    {
      VpRecord *shared = kind == VP_CHANGE_ADDED || kind == VP_CHANGE_UPDATED
                           ? find_shared_clash (import, incoming->record)
                           : NULL;

      change = vp_change_set_add (build->set, shared != NULL ? VP_CHANGE_CONFLICT : kind,
                                  incoming->record, local, incoming->path);
      vp_change_set_explain (change, reason);
      if (shared != NULL)
        vp_change_set_mark_shared (change, shared);
    }
  if (local == NULL
      && (vp_change_get_kind (change) == VP_CHANGE_REFUSED
          || vp_change_get_deletion (change) == VP_DELETION_HERE
          || vp_change_get_depends_on (change) != NULL))
    g_hash_table_insert (build->left_out, (gpointer) uuid, change);
}

/* A partner's deletion: a change when we have the record, else kept to
 * pass on (unless we have it already). */
static void
add_deletion (Build *build, Deletion *deletion)
{
  Import *import = build->import;
  VpRecord *local = vp_store_lookup (import->store, deletion->tombstone.uuid);
  g_autofree char *reason = NULL;
  VpChangeKind kind;
  VpChange *change;

  if (local == NULL)
    {
      if (find_tombstone (import, deletion->tombstone.uuid) == NULL)
        vp_change_set_add_relay (build->set, &deletion->tombstone);
      return;
    }
  kind = vp_merge_classify_deletion (import->store, import->partner, &deletion->tombstone, local,
                                     &reason);
  change
    = vp_change_set_add_deletion (build->set, kind, &deletion->tombstone, local, deletion->path);
  vp_change_set_explain (change, reason);
}

static VpChangeSet *
build_change_set (Import *import, const char *exported_at, const char *file_name)
{
  Build build = {
    import,
    vp_change_set_new (import->partner, exported_at, file_name),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (g_str_hash, g_str_equal),
  };

  find_deleted_subtrees (import, build.roots, build.newest);
  for (guint i = 0; i < import->records->len; i++)
    add_record (&build, g_ptr_array_index (import->records, i));
  for (guint i = 0; i < import->deletions->len; i++)
    add_deletion (&build, g_ptr_array_index (import->deletions, i));
  g_hash_table_unref (build.left_out);
  g_hash_table_unref (build.roots);
  g_hash_table_unref (build.newest);
  return build.set;
}

/* Deletions */

static const char *
table_of_kind (const char *kind)
{
  GType types[] = {
    VP_TYPE_ORGANISATION,  VP_TYPE_PLAN,         VP_TYPE_PRIORITY,
    VP_TYPE_SUBTHEME,      VP_TYPE_GOAL,         VP_TYPE_ACTION,
    VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (VP_RECORD_CLASS (klass)->table, kind) == 0)
        return VP_RECORD_CLASS (klass)->table;
    }
  return NULL;
}

static gboolean
read_deletion_text (
  const VpJson *object, const char *key, const char *path, char **value, GError **error)
{
  g_autofree char *member_path = g_strconcat (path, ".", key, NULL);
  const VpJson *node = get_member (object, key, path, error);

  if (node == NULL || !expect_string (node, member_path, error))
    return FALSE;
  *value = g_strdup (vp_json_get_string (node));
  return TRUE;
}

static gboolean
check_deletion (Import *import, Deletion *deletion, GError **error)
{
  VpTombstone *t = &deletion->tombstone;
  g_autofree char *uuid_path = g_strconcat (deletion->path, ".uuid", NULL);
  g_autofree char *kind_path = g_strconcat (deletion->path, ".kind", NULL);
  g_autofree char *at_path = g_strconcat (deletion->path, ".deleted_at", NULL);
  g_autofree char *by_path = g_strconcat (deletion->path, ".deleted_by", NULL);
  g_autofree char *at = NULL;
  VpRecord *local;

  if (!vp_exchange_is_uuid (t->uuid))
    return fail (error, uuid_path, _ ("expected a UUID, got “%s”"), t->uuid);
  if (g_hash_table_contains (import->by_uuid, t->uuid)
      || g_hash_table_contains (import->deleted, t->uuid))
    return fail (error, uuid_path, _ ("the UUID %s appears more than once in the file"), t->uuid);
  if (table_of_kind (t->kind) == NULL)
    return fail (error, kind_path, _ ("expected the kind of a record such as “action”, got “%s”"),
                 t->kind);
  if ((at = vp_exchange_normalize_timestamp (t->deleted_at)) == NULL)
    return fail (error, at_path,
                 _ ("expected a time in UTC such as “2024-02-28T09:00:00.000Z”, got “%s”"),
                 t->deleted_at);
  if (strcmp (at, import->latest_stamp) > 0)
    return fail (
      error, at_path,
      _ ("the time %s lies in the future; is the clock of the computer that wrote the file right?"),
      at);
  if (!vp_exchange_is_code (t->deleted_by))
    return fail (error, by_path, _ ("expected an organisation code such as “nijkerk”, got “%s”"),
                 t->deleted_by);
  local = vp_store_lookup (import->store, t->uuid);
  if (local != NULL && g_strcmp0 (VP_RECORD_GET_CLASS (local)->table, t->kind) != 0)
    return fail (error, uuid_path,
                 _ ("this UUID belongs to a different kind of record in this database"));
  g_free (t->deleted_at);
  t->deleted_at = g_steal_pointer (&at);
  return TRUE;
}

static gboolean
read_deletion (Import *import, const VpJson *node, const char *path, GError **error)
{
  static const char *const keys[] = { "uuid", "kind", "deleted_at", "deleted_by", NULL };
  Deletion *deletion = g_new0 (Deletion, 1);
  const VpJson *object;

  deletion->path = g_strdup (path);
  g_ptr_array_add (import->deletions, deletion);
  if (!(node->type == VP_JSON_OBJECT))
    return fail (error, path, _ ("expected an object, got %s"), json_type_name (node));
  object = node;
  for (guint i = 0; i < object->length; i++)
    {
      if (!g_strv_contains (keys, object->keys[i]))
        return fail (error, path, _ ("unknown key “%s”"), object->keys[i]);
    }
  if (!read_deletion_text (object, "uuid", path, &deletion->tombstone.uuid, error)
      || !read_deletion_text (object, "kind", path, &deletion->tombstone.kind, error)
      || !read_deletion_text (object, "deleted_at", path, &deletion->tombstone.deleted_at, error)
      || !read_deletion_text (object, "deleted_by", path, &deletion->tombstone.deleted_by, error)
      || !check_deletion (import, deletion, error))
    return FALSE;
  g_hash_table_insert (import->deleted, deletion->tombstone.uuid, deletion);
  return TRUE;
}

/* "deletions" is optional: files without deletions look as before. */
static gboolean
read_deletions (Import *import, const VpJson *root, GError **error)
{
  const VpJson *node = vp_json_get_member (root, "deletions");
  const VpJson *array;

  if (node == NULL)
    return TRUE;
  if (!(node->type == VP_JSON_ARRAY))
    return fail (error, "deletions", _ ("expected a list, got %s"), json_type_name (node));
  array = node;
  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = g_strdup_printf ("deletions[%u]", i);

      if (!read_deletion (import, &array->elements[i], path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_header_string (const VpJson *root, const char *key, const char **value, GError **error)
{
  const VpJson *node = vp_json_get_member (root, key);

  if (node == NULL)
    return fail (error, key, _ ("required but missing"));
  if (!expect_string (node, key, error))
    return FALSE;
  *value = vp_json_get_string (node);
  return TRUE;
}

static gboolean
read_header (Import *import, const VpJson *root, char **exported_at, GError **error)
{
  const VpJson *format = vp_json_get_member (root, "format");
  const VpJson *version = vp_json_get_member (root, "version");
  const char *at, *by, *generator;
  static const char *const keys[]
    = { "format",        "version", "exported_at", "exported_by", "generator",
        "organisations", "plans",   "deletions",   NULL };

  if (format == NULL
      || !(format->type != VP_JSON_NULL && format->type != VP_JSON_OBJECT
           && format->type != VP_JSON_ARRAY)
      || g_strcmp0 (vp_json_get_string (format), VP_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _ ("This is not a Veiligheidsplan exchange file (its “format” is not “%s”)."),
                   VP_EXCHANGE_FORMAT);
      return FALSE;
    }
  if (version == NULL || !expect_integer (version, "version", error))
    return version != NULL ? FALSE : fail (error, "version", _ ("required but missing"));
  if (vp_json_get_int (version) > VP_EXCHANGE_VERSION)
    {
      g_set_error (
        error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_TOO_NEW,
        _ (
          "The file is in version %lld of the exchange format, newer than this program understands "
          "(version %d). Update Veiligheidsplan to import it."),
        (long long) vp_json_get_int (version), VP_EXCHANGE_VERSION);
      return FALSE;
    }
  if (vp_json_get_int (version) < 1)
    return fail (error, "version", _ ("expected %d–%d, got %lld"), 1, VP_EXCHANGE_VERSION,
                 (long long) vp_json_get_int (version));

  for (guint i = 0; i < root->length; i++)
    {
      if (!g_strv_contains (keys, root->keys[i]))
        return fail (error, root->keys[i], _ ("unknown key “%s”"), root->keys[i]);
    }
  if (!read_header_string (root, "exported_at", &at, error)
      || !read_header_string (root, "exported_by", &by, error)
      || !read_header_string (root, "generator", &generator, error))
    return FALSE;
  if ((*exported_at = vp_exchange_normalize_timestamp (at)) == NULL)
    return fail (error, "exported_at",
                 _ ("expected a time in UTC such as “2024-02-28T09:00:00.000Z”, got “%s”"), at);
  if (strcmp (*exported_at, import->latest_stamp) > 0)
    return fail (
      error, "exported_at",
      _ ("the time %s lies in the future; is the clock of the computer that wrote the file right?"),
      *exported_at);
  if (!vp_exchange_is_code (by))
    return fail (error, "exported_by",
                 _ ("expected an organisation code such as “nijkerk”, got “%s”"), by);
  import->partner = g_strdup (by);
  import->version = (int) vp_json_get_int (version);
  return TRUE;
}

static char *
latest_allowed_stamp (VpStore *store)
{
  g_autoptr (GDateTime) now = vp_store_get_now (store);
  g_autoptr (GDateTime) latest = g_date_time_add_days (now, VP_EXCHANGE_MAX_DAYS_AHEAD);

  return vp_store_format_timestamp (latest);
}

/* The most records of each kind one file may hold: far more than any
 * database has (a coalition of a few municipalities with some partners,
 * a plan a year, some hundreds of actions to a plan; the benchmark's
 * largest plan has 10,000), and few enough that a file of empty objects is
 * refused before json-glib builds them. */
static const VpJsonKindLimit kind_limits[] = {
  /* the Netherlands have 342 municipalities */
  { "organisations", 1000, N_ ("organisations") },
  /* a plan a year for each coalition a database takes part in */
  { "plans", 100, N_ ("plans") },
  { "priorities", 2000, N_ ("priorities") },
  { "subthemes", 10000, N_ ("sub-themes") },
  { "goals", 100000, N_ ("goals") },
  /* 200,000 actions take some 120 MiB, about VP_EXCHANGE_MAX_SIZE */
  { "actions", 200000, N_ ("actions") },
  { "definitions", 10000, N_ ("definitions") },
  /* one per action and municipality */
  { "statuses", 1000000, N_ ("statuses") },
  { "history", 2000000, N_ ("history events") },
  { "deletions", 1000000, N_ ("deletions") },
  /* lists of texts: a coalition's municipalities, a priority's portfolio
   * holders, in every plan of the file */
  { "participants", 10000, N_ ("participants") },
  { "portfolio_holders", 10000, N_ ("portfolio holders") },
};

/* What json-glib may take to hold a file, as vp_json_strict_check()
 * estimates it (some fifth above what it takes): a file as our writer
 * makes it comes to about 5.5 times its size, one written without spaces
 * to about 9 (the benchmark's plan of 10,000 actions: 5.7 and 9.2). With
 * the file itself and the records read from it, reading stays within
 * about ten times the file, and a small file within some tens of MiB. */
#define TREE_FACTOR 12
#define TREE_FLOOR  (16 * 1024 * 1024)

static const char *
strict_prefix (int code)
{
  switch (code)
    {
    case VP_JSON_STRICT_ERROR_ENCODING:
      return _ ("The file is not valid UTF-8 text");
    case VP_JSON_STRICT_ERROR_SYNTAX:
    case VP_JSON_STRICT_ERROR_DUPLICATE:
      return _ ("The file is not valid JSON");
    case VP_JSON_STRICT_ERROR_TOO_MANY:
    case VP_JSON_STRICT_ERROR_TOO_DENSE:
      return _ ("The file is too large to be an exchange file");
    case VP_JSON_STRICT_ERROR_DEPTH:
    default:
      return _ ("The file is not an exchange file");
    }
}

static int
exchange_code (int strict_code)
{
  switch (strict_code)
    {
    case VP_JSON_STRICT_ERROR_ENCODING:
      return VP_EXCHANGE_ERROR_ENCODING;
    case VP_JSON_STRICT_ERROR_TOO_MANY:
    case VP_JSON_STRICT_ERROR_TOO_DENSE:
      return VP_EXCHANGE_ERROR_TOO_LARGE;
    default:
      /* a file still being written is cut off: the exchange folder reads
       * a file with a fault in its syntax again a little later */
      return VP_EXCHANGE_ERROR_SYNTAX;
    }
}

/* Strict JSON within our limits, checked without recursion: json-glib
 * takes comments, single quotes, duplicate keys and more, and parses
 * recursively without a depth limit. It only ever sees what passed. */
static gboolean
check_strict (GBytes *bytes, GError **error)
{
  VpJsonKindLimit kinds[G_N_ELEMENTS (kind_limits)];
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  VpJsonLimits limits = { VP_EXCHANGE_MAX_DEPTH, kinds, G_N_ELEMENTS (kinds),
                          MAX ((guint64) TREE_FLOOR, (guint64) size * TREE_FACTOR) };
  g_autoptr (GError) strict_error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      kinds[i] = kind_limits[i];
      kinds[i].name = _ (kind_limits[i].name);
    }
  if (vp_json_strict_check (data, size, &limits, NULL, &strict_error))
    return TRUE;
  /* Translators: "The file is not valid JSON: line 3, column 7: comments are not allowed …" */
  g_set_error (error, VP_EXCHANGE_ERROR, exchange_code (strict_error->code), _ ("%s: %s"),
               strict_prefix (strict_error->code), strict_error->message);
  return FALSE;
}

/* The tree of a file check_strict() passed: built by our own loop, which
 * takes a fraction of the time json-glib's parser does (its scanner looks
 * at the file character by character); the nodes are json-glib's. */
static JsonNode *
parse_json (GBytes *bytes, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX, _ ("The file is empty."));
      return NULL;
    }
  root = vp_json_strict_build (data, size);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _ ("This is not a Veiligheidsplan exchange file (it is not a JSON object)."));
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* The file's tree as the reader reads it: vp_json_document_parse(),
 * without json-glib's nodes. */
static VpJsonDocument *
parse_document (GBytes *bytes, GError **error)
{
  g_autoptr (VpJsonDocument) doc = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX, _ ("The file is empty."));
      return NULL;
    }
  doc = vp_json_document_parse (data, size);
  if (doc == NULL || vp_json_document_get_root (doc)->type != VP_JSON_OBJECT)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _ ("This is not a Veiligheidsplan exchange file (it is not a JSON object)."));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

static gboolean
read_document (Import *import, const VpJson *root, char **exported_at, GError **error)
{
  if (!read_header (import, root, exported_at, error)
      || !read_array (import, VP_TYPE_ORGANISATION, root, "organisations", NULL, NULL, error)
      || !read_array (import, VP_TYPE_PLAN, root, "plans", NULL, NULL, error)
      || !read_deletions (import, root, error))
    return FALSE;
  for (guint i = 0; i < import->records->len; i++)
    {
      if (!check_rules (import, g_ptr_array_index (import->records, i), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_size (gsize size, GError **error)
{
  if (size <= VP_EXCHANGE_MAX_SIZE)
    return TRUE;
  g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_TOO_LARGE,
               _ ("The file is larger than %d MiB, too large to be an exchange file."),
               VP_EXCHANGE_MAX_SIZE / (1024 * 1024));
  return FALSE;
}

/**
 * vp_exchange_parse:
 * @bytes: a file's contents
 *
 * The first half of vp_exchange_read(), which needs no database and may
 * run in any thread: size, then strict JSON (RFC 8259) in UTF-8 within
 * the limits of nesting, records and memory, checked before json-glib
 * parses anything.
 *
 * Returns: (transfer full): the JSON document (immutable), or %NULL with
 *   @error set
 */
JsonNode *
vp_exchange_parse (GBytes *bytes, GError **error)
{
  if (!check_size (g_bytes_get_size (bytes), error) || !check_strict (bytes, error))
    return NULL;
  return parse_json (bytes, error);
}

/* Checks every record of @root and compares the file with @store. */
static VpChangeSet *
read_tree (VpStore *store, const VpJson *root, const char *file_name, GError **error)
{
  Import import = { store };
  g_autofree char *exported_at = NULL;
  VpChangeSet *set = NULL;

  import.latest_stamp = latest_allowed_stamp (store);
  import.by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.codes = g_hash_table_new (g_str_hash, g_str_equal);
  import.records = g_ptr_array_new_with_free_func ((GDestroyNotify) incoming_free);
  import.deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) deletion_free);
  import.deleted = g_hash_table_new (g_str_hash, g_str_equal);
  import.clashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.types = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) type_info_free);
  import.field_path = g_string_new (NULL);
  if (read_document (&import, root, &exported_at, error))
    set = build_change_set (&import, exported_at, file_name);

  g_hash_table_unref (import.by_uuid);
  g_hash_table_unref (import.codes);
  g_ptr_array_unref (import.records);
  g_hash_table_unref (import.deleted);
  g_ptr_array_unref (import.deletions);
  g_hash_table_unref (import.clashes);
  g_clear_pointer (&import.keys, g_hash_table_unref);
  g_clear_pointer (&import.tombstones, g_hash_table_unref);
  g_hash_table_unref (import.types);
  g_string_free (import.field_path, TRUE);
  g_clear_pointer (&import.tombstone_list, g_ptr_array_unref);
  g_free (import.latest_stamp);
  g_free (import.partner);
  return set;
}

/**
 * vp_exchange_read_json:
 * @root: a document from vp_exchange_parse()
 * @file_name: (nullable): for the import log
 *
 * The second half of vp_exchange_read(): checks every record and compares
 * the file with @store, which it does not change. In the thread of
 * @store (the main thread).
 *
 * Returns: (transfer full): what importing it would do, or %NULL with
 *   @error naming the first fault
 */
VpChangeSet *
vp_exchange_read_json (VpStore *store, JsonNode *root, const char *file_name, GError **error)
{
  g_autoptr (VpJsonDocument) doc = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root), NULL);

  /* the reader reads the compact tree; a copy of json-glib's nodes takes
   * a fraction of the time the checks do */
  doc = vp_json_document_from_node (root);
  if (doc == NULL)
    {
      g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _ ("This is not a Veiligheidsplan exchange file (it is not a JSON object)."));
      return NULL;
    }
  return read_tree (store, vp_json_document_get_root (doc), file_name, error);
}

/**
 * vp_exchange_read:
 * @bytes: the file's contents
 * @file_name: (nullable): for the import log
 *
 * Checks an exchange file completely and compares it with @store, which
 * it does not change. As vp_exchange_parse() and vp_exchange_read_json(),
 * without json-glib's nodes in between.
 *
 * Returns: (transfer full): what importing it would do, or %NULL with
 *   @error naming the first fault
 */
VpChangeSet *
vp_exchange_read (VpStore *store, GBytes *bytes, const char *file_name, GError **error)
{
  g_autoptr (VpJsonDocument) doc = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  if (!check_size (g_bytes_get_size (bytes), error) || !check_strict (bytes, error))
    return NULL;
  doc = parse_document (bytes, error);
  if (doc == NULL)
    return NULL;
  return read_tree (store, vp_json_document_get_root (doc), file_name, error);
}

/* A file larger than an exchange file can be is refused before it is
 * read. A file is read at once, into memory of its size, not in small
 * blocks into memory that grows (a tenth of an import's time for a large
 * file); one that grows meanwhile, or does not tell its size, the slow
 * way. */
static GBytes *
load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autoptr (GFileInputStream) stream = NULL;
  gsize size, n_read = 0;
  char *data;

  if (info == NULL || !check_size ((gsize) g_file_info_get_size (info), error))
    return NULL;
  size = (gsize) g_file_info_get_size (info);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  /* one byte more, to see whether there is more */
  data = g_malloc (size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, size + 1, &n_read, cancellable,
                                error))
    {
      g_free (data);
      return NULL;
    }
  if (n_read <= size)
    return g_bytes_new_take (data, n_read);
  g_free (data);
  return g_file_load_bytes (file, cancellable, NULL, error);
}

/**
 * vp_exchange_read_file:
 *
 * As vp_exchange_read(), from a file.
 */
VpChangeSet *
vp_exchange_read_file (VpStore *store, const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = load_file (file, NULL, error);
  g_autofree char *name = g_path_get_basename (path);

  if (bytes == NULL)
    return NULL;
  return vp_exchange_read (store, bytes, name, error);
}

static void
load_in_thread (GTask *task, gpointer source, gpointer file, GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr (GBytes) bytes = load_file (file, cancellable, &error);
  JsonNode *root = bytes != NULL ? vp_exchange_parse (bytes, &error) : NULL;

  if (root == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

/**
 * vp_exchange_load_async:
 * @file: an exchange file
 *
 * Reads and parses @file in a worker thread (vp_exchange_parse()), for
 * vp_exchange_read_json() in the main thread: a large file does not stop
 * the window.
 */
void
vp_exchange_load_async (GFile *file,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));
  g_task_set_source_tag (task, vp_exchange_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * vp_exchange_load_finish:
 *
 * Returns: (transfer full): the JSON document, or %NULL with @error set
 */
JsonNode *
vp_exchange_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
