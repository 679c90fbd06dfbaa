/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>

#include "vp-exchange-private.h"
#include "vp-json-writer.h"

/*
 * Writes an exchange file: one plan or the whole database, nested by plan
 * and priority, keys in the order of the fields, records in the order of
 * vp_exchange_compare_records(). The same data always gives the same
 * bytes, whichever database holds it (the header's exported_at aside).
 */

/* A field as a record type writes it: made once an export, not asked of
 * the type and the store for every record. */
typedef struct
{
  GParamSpec *field;
  const char *key;
  VpFieldFlags flags;
  /* "budget-cents": "budget" and "budget_cents" (write_budget()) */
  gboolean is_budget;
} FieldOut;

typedef struct
{
  FieldOut *fields;
  guint n_fields;
} TypeOut;

static void
type_out_free (TypeOut *type)
{
  g_free (type->fields);
  g_free (type);
}

typedef struct
{
  VpStore *store;
  VpJsonWriter *json;
  /* the format version written: keys of later versions are left out */
  int version;
  /* per child kind: parent UUID → GPtrArray of its records, in order */
  GHashTable *children[8];
  /* the records written, or NULL when nobody asks */
  GPtrArray *written;
  /* UUID → the version a change made here was built on (find_bases()) */
  GHashTable *bases;
  /* GType → TypeOut */
  GHashTable *types;
} Export;

/* The fields of @type the export writes, in order: not the parent (where
 * the record stands), nor keys newer than the version written. */
static TypeOut *
get_type_out (Export *export, GType type)
{
  TypeOut *out = g_hash_table_lookup (export->types, GSIZE_TO_POINTER (type));
  VpRecordClass *klass;

  if (out != NULL)
    return out;
  klass = g_type_class_peek (type);
  out = g_new0 (TypeOut, 1);
  out->fields = g_new0 (FieldOut, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      FieldOut *fo;

      if (g_strcmp0 (field->name, klass->parent_field) == 0
          || vp_exchange_key_since (type, field) > export->version)
        continue;
      fo = &out->fields[out->n_fields++];
      fo->field = field;
      fo->key = vp_exchange_key (field);
      fo->flags = vp_store_get_field_flags (export->store, type, field);
      fo->is_budget = g_str_equal (field->name, "budget-cents");
    }
  g_hash_table_insert (export->types, GSIZE_TO_POINTER (type), out);
  return out;
}

static void
write_value (Export *export, VpRecord *record, GParamSpec *field, VpFieldFlags flags)
{
  const GValue *value = vp_record_get_field (record, field);
  gboolean optional = (flags & VP_FIELD_OPTIONAL) != 0;

  if (field->value_type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (optional && (text == NULL || *text == '\0'))
        vp_json_writer_null (export->json);
      else
        vp_json_writer_string (export->json, text);
    }
  else if (field->value_type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (value);

      vp_json_writer_begin_array (export->json);
      for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
        vp_json_writer_string (export->json, strv[i]);
      vp_json_writer_end_array (export->json);
    }
  else if (G_VALUE_HOLDS_ENUM (value) && !(flags & VP_FIELD_INTEGER))
    vp_json_writer_string (export->json,
                           vp_enum_to_nick (field->value_type, g_value_get_enum (value)));
  else
    {
      int number = G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);

      if (optional && number == 0)
        vp_json_writer_null (export->json);
      else
        vp_json_writer_int (export->json, number);
    }
}

/* A budget: "budget" in whole euros for every reader, and where it has
 * cents, "budget_cents" (version 2). */
static void
write_budget (Export *export, VpRecord *record)
{
  gint64 cents = vp_record_get_int64 (record, "budget-cents");

  vp_json_writer_key (export->json, "budget");
  if (cents < 0)
    vp_json_writer_null (export->json);
  else
    vp_json_writer_int (export->json, vp_budget_whole_euros (cents));
  if (cents >= 0 && cents % 100 != 0 && export->version >= 2)
    {
      vp_json_writer_key (export->json, "budget_cents");
      vp_json_writer_int (export->json, cents);
    }
}

static void write_record (Export *export, VpRecord *record);

static void
write_children (Export *export, VpRecord *record)
{
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      GPtrArray *children;

      if (kinds[k].parent_type != G_OBJECT_TYPE (record))
        continue;
      children = g_hash_table_lookup (export->children[k], vp_record_get_uuid (record));
      vp_json_writer_key (export->json, kinds[k].key);
      vp_json_writer_begin_array (export->json);
      for (guint i = 0; children != NULL && i < children->len; i++)
        write_record (export, g_ptr_array_index (children, i));
      vp_json_writer_end_array (export->json);
    }
}

static void
write_record (Export *export, VpRecord *record)
{
  TypeOut *type = get_type_out (export, G_OBJECT_TYPE (record));

  if (export->written != NULL)
    g_ptr_array_add (export->written, g_object_ref (record));
  vp_json_writer_begin_object (export->json);
  vp_json_writer_key (export->json, "uuid");
  vp_json_writer_string (export->json, vp_record_get_uuid (record));
  for (guint i = 0; i < type->n_fields; i++)
    {
      FieldOut *fo = &type->fields[i];

      if (fo->is_budget)
        {
          write_budget (export, record);
          continue;
        }
      vp_json_writer_key (export->json, fo->key);
      write_value (export, record, fo->field, fo->flags);
    }
  vp_json_writer_key (export->json, "modified_at");
  vp_json_writer_string (export->json, vp_record_get_modified_at (record));
  vp_json_writer_key (export->json, "modified_by");
  vp_json_writer_string (export->json, vp_record_get_modified_by (record));
  /* version 2: which version a change made here was built on */
  if (export->version >= 2 && g_hash_table_contains (export->bases, vp_record_get_uuid (record)))
    {
      vp_json_writer_key (export->json, "base");
      vp_json_writer_string (export->json,
                             g_hash_table_lookup (export->bases, vp_record_get_uuid (record)));
    }
  write_children (export, record);
  vp_json_writer_end_object (export->json);
}

/* All records of @type, sorted, optionally only those of @plan. */
static GPtrArray *
sorted_records (VpStore *store, GType type, VpPlan *plan)
{
  GListModel *list = vp_store_get_records (store, type);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      VpRecord *record = g_list_model_get_item (list, i);

      if (plan == NULL || VP_RECORD (plan) == record)
        g_ptr_array_add (records, record);
      else
        g_object_unref (record);
    }
  g_ptr_array_sort_with_data (records, vp_exchange_compare_records, vp_exchange_sort_field (type));
  return records;
}

static GHashTable *
index_children (VpStore *store, GType type)
{
  GHashTable *index
    = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) records = sorted_records (store, type, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      VpRecord *record = g_ptr_array_index (records, i);
      const char *parent = vp_record_get_parent_uuid (record);
      GPtrArray *siblings = g_hash_table_lookup (index, parent);

      if (siblings == NULL)
        {
          siblings = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (index, (gpointer) parent, siblings);
        }
      g_ptr_array_add (siblings, g_object_ref (record));
    }
  return index;
}

static void
write_list (Export *export, const char *key, GPtrArray *records)
{
  vp_json_writer_key (export->json, key);
  vp_json_writer_begin_array (export->json);
  for (guint i = 0; i < records->len; i++)
    write_record (export, g_ptr_array_index (records, i));
  vp_json_writer_end_array (export->json);
}

/* The deletions made here or passed on, for partners that still have the
 * records; left out when there are none, so that such a file reads as
 * it did before deletions travelled. */
static void
write_deletions (Export *export)
{
  g_autoptr (GPtrArray) tombstones = vp_store_list_tombstones (export->store);

  if (tombstones->len == 0)
    return;
  vp_json_writer_key (export->json, "deletions");
  vp_json_writer_begin_array (export->json);
  for (guint i = 0; i < tombstones->len; i++)
    {
      VpTombstone *tombstone = g_ptr_array_index (tombstones, i);

      vp_json_writer_begin_object (export->json);
      vp_json_writer_key (export->json, "uuid");
      vp_json_writer_string (export->json, tombstone->uuid);
      vp_json_writer_key (export->json, "kind");
      vp_json_writer_string (export->json, tombstone->kind);
      vp_json_writer_key (export->json, "deleted_at");
      vp_json_writer_string (export->json, tombstone->deleted_at);
      vp_json_writer_key (export->json, "deleted_by");
      vp_json_writer_string (export->json, tombstone->deleted_by);
      vp_json_writer_end_object (export->json);
    }
  vp_json_writer_end_array (export->json);
}

static void
write_header (Export *export)
{
  g_autoptr (GDateTime) now = vp_store_get_now (export->store);
  g_autofree char *exported_at = vp_store_format_timestamp (now);

  vp_json_writer_key (export->json, "format");
  vp_json_writer_string (export->json, VP_EXCHANGE_FORMAT);
  vp_json_writer_key (export->json, "version");
  vp_json_writer_int (export->json, export->version);
  vp_json_writer_key (export->json, "exported_at");
  vp_json_writer_string (export->json, exported_at);
  vp_json_writer_key (export->json, "exported_by");
  vp_json_writer_string (export->json, vp_store_get_home_municipality (export->store));
  vp_json_writer_key (export->json, "generator");
  vp_json_writer_string (export->json, "Veiligheidsplan " PACKAGE_VERSION);
}

static void
find_bases_of (Export *export, GHashTable *taken, GType type)
{
  GListModel *list = vp_store_get_records (export->store, type);
  const char *home = vp_store_get_home_municipality (export->store);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (VpRecord) record = g_list_model_get_item (list, i);
      const char *base = g_hash_table_lookup (taken, vp_record_get_uuid (record));

      if (base != NULL && g_strcmp0 (vp_record_get_modified_by (record), home) == 0
          && strcmp (vp_record_get_modified_at (record), base) > 0)
        g_hash_table_insert (export->bases, g_strdup (vp_record_get_uuid (record)),
                             g_strdup (base));
    }
}

/* The records changed here since a version was taken from a partner, and
 * that version, which partners compare with theirs (vp-merge.c): a
 * partner that changed the record too and did not have ours has a
 * conflict, whichever change is older. */
static void
find_bases (Export *export)
{
  g_autoptr (GHashTable) taken = vp_store_dup_taken_versions (export->store);
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);

  export->bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  find_bases_of (export, taken, VP_TYPE_ORGANISATION);
  find_bases_of (export, taken, VP_TYPE_PLAN);
  for (guint k = 0; k < n_kinds; k++)
    find_bases_of (export, taken, kinds[k].child_type);
}

static char *
write_export (VpStore *store, VpPlan *plan, int version, GPtrArray *written, GError **error)
{
  Export export = { store, NULL, version, { NULL }, written, NULL, NULL };
  guint n_kinds;
  const VpChildKind *kinds = vp_exchange_child_kinds (&n_kinds);
  g_autoptr (GPtrArray) organisations = NULL;
  g_autoptr (GPtrArray) plans = NULL;

  if (vp_store_get_home_municipality (store) == NULL)
    {
      g_set_error (
        error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_NO_HOME,
        _ ("This plan database does not know its municipality yet, so an export cannot say "
           "whom it is from. Choose the municipality first."));
      return NULL;
    }

  for (guint k = 0; k < n_kinds; k++)
    export.children[k] = index_children (store, kinds[k].child_type);
  organisations = sorted_records (store, VP_TYPE_ORGANISATION, NULL);
  plans = sorted_records (store, VP_TYPE_PLAN, plan);

  find_bases (&export);
  export.types = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) type_out_free);
  export.json = vp_json_writer_new ();
  vp_json_writer_begin_object (export.json);
  write_header (&export);
  write_list (&export, "organisations", organisations);
  write_list (&export, "plans", plans);
  write_deletions (&export);
  vp_json_writer_end_object (export.json);

  for (guint k = 0; k < n_kinds; k++)
    g_hash_table_unref (export.children[k]);
  g_hash_table_unref (export.bases);
  g_hash_table_unref (export.types);
  return vp_json_writer_free_to_string (export.json);
}

/**
 * vp_exchange_write:
 * @plan: (nullable): the plan to export, %NULL for every plan
 *
 * The text of an export, for a look at it: nothing is noted as sent.
 *
 * Returns: (transfer full): the exchange file's text, or %NULL with
 *   @error set when the database has no home municipality to sign it with
 */
char *
vp_exchange_write (VpStore *store, VpPlan *plan, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan == NULL || VP_IS_PLAN (plan), NULL);

  return write_export (store, plan, VP_EXCHANGE_VERSION, NULL, error);
}

static gboolean
check_version (int version, GError **error)
{
  if (version >= VP_EXCHANGE_OLDEST_VERSION && version <= VP_EXCHANGE_VERSION)
    return TRUE;
  g_set_error (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_TOO_NEW,
               _ ("This program writes versions %d–%d of the exchange format, not %d."),
               VP_EXCHANGE_OLDEST_VERSION, VP_EXCHANGE_VERSION, version);
  return FALSE;
}

/**
 * vp_exchange_write_version:
 * @plan: (nullable): the plan to export, %NULL for every plan
 * @version: the format version to write (VP_EXCHANGE_OLDEST_VERSION to
 *   VP_EXCHANGE_VERSION); an older one leaves out the keys added since
 *
 * As vp_exchange_write(), in an older version of the format for a partner
 * on an older release.
 *
 * Returns: (transfer full): the exchange file's text, or %NULL with @error set
 */
char *
vp_exchange_write_version (VpStore *store, VpPlan *plan, int version, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  if (!check_version (version, error))
    return NULL;
  return write_export (store, plan, version, NULL, error);
}

/* Replaces @path at once or not at all (a temporary file renamed over
 * it). A file replaced keeps its permissions: an export kept private
 * stays private; a new one follows the umask. */
static gboolean
write_file (const char *path, const char *text, GError **error)
{
  GStatBuf old;
  gboolean replacing = g_stat (path, &old) == 0 && S_ISREG (old.st_mode);
  int mode = replacing ? (int) (old.st_mode & 0777) : 0666;

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, mode, error))
    return FALSE;
  /* the umask may have taken bits the file had */
  if (replacing && g_chmod (path, mode) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("The permissions of “%s” could not be kept: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_exchange_export:
 * @plan: (nullable): the plan to export, %NULL for every plan
 * @path: the file, or "-" for standard output
 *
 * Writes an exchange file for partners, at once or not at all (a
 * temporary file renamed over @path), and notes the versions sent, so
 * that a partner's later change of a record changed here too is seen as
 * a conflict.
 *
 * Returns: %TRUE when both were done; %FALSE with @error set otherwise,
 *   and then vp_exchange_export_was_written() tells whether the file was
 *   written all the same (a read-only database cannot note what it sent)
 */
gboolean
vp_exchange_export (VpStore *store, VpPlan *plan, const char *path, GError **error)
{
  return vp_exchange_export_version (store, plan, path, VP_EXCHANGE_VERSION, error);
}

/**
 * vp_exchange_export_version:
 * @version: the format version to write; see vp_exchange_write_version()
 *
 * As vp_exchange_export(), in the format version a partner reads.
 */
gboolean
vp_exchange_export_version (
  VpStore *store, VpPlan *plan, const char *path, int version, GError **error)
{
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan == NULL || VP_IS_PLAN (plan), FALSE);

  if (!check_version (version, error))
    return FALSE;
  text = write_export (store, plan, version, written, error);
  if (text == NULL)
    return FALSE;
  if (g_strcmp0 (path, "-") == 0)
    {
      if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _ ("The export could not be written."));
          return FALSE;
        }
    }
  else if (!write_file (path, text, error))
    return FALSE;
  return vp_store_note_sent (store, written, error);
}

/**
 * vp_exchange_export_was_written:
 * @error: the error of a vp_exchange_export() that returned %FALSE
 *
 * Returns: whether the file was written, and only the note of the
 *   versions sent failed: the store's errors come after the file's
 */
gboolean
vp_exchange_export_was_written (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);
  return error->domain == VP_STORE_ERROR;
}
