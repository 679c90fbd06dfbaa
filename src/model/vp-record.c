/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-record"

#include "config.h"

#include "vp-record.h"
#include "vp-record-private.h"

/*
 * VpRecord is the base of every exchangeable record (organisation, plan,
 * priority, action, …). It carries the identity every record has (uuid,
 * modified-at, modified-by) and keeps the values of the subclass's fields
 * generically, one GValue per property, so that a subclass only declares
 * its fields and the store and the exchange code can read and write any
 * record the same way: property "lead-note" is column lead_note and JSON
 * key "lead_note".
 */

typedef struct
{
  char *uuid;
  char *modified_at;
  /* interned: who changed a record is one of few municipalities */
  const char *modified_by;
  /* one per field of the final class, allocated on first use */
  GValue *values;
  /* counts the changes of any value (vp_record_get_revision()) */
  guint revision;
} VpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VpRecord, vp_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_MODIFIED_AT,
  PROP_MODIFIED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One more revision (vp_record_get_revision()): a value changed. */
static void
count_change (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  priv->revision++;
}

/*
 * Memory: a plan of 10,000 actions holds ten thousand copies of a few
 * values: the UUIDs of its priorities and sub-themes, organisation codes,
 * units, and many empty texts. These fields' strings are interned (kept
 * once, for the program's life: there are few of them), and an empty text
 * is a static "" in any field. GValue knows such strings
 * (g_value_set_interned_string): it neither frees them nor copies them.
 * Texts people write (an action's text, a note) stay copies of their own,
 * so that none outlives its record.
 */
static const char *const shared_fields[] = {
  "priority", "subtheme", "plan", "lead", "owner", "municipality", "target-unit",
};

static gboolean
is_shared_field (GParamSpec *pspec)
{
  for (gsize i = 0; i < G_N_ELEMENTS (shared_fields); i++)
    {
      if (g_str_equal (pspec->name, shared_fields[i]))
        return TRUE;
    }
  return FALSE;
}

static GValue *ensure_values (VpRecord *self);

/* Sets the string field @index's slot, by the rules above. */
static void
set_slot_string (VpRecord *self, guint index, const char *text)
{
  GValue *slot = &ensure_values (self)[index];

  if (text == NULL)
    g_value_set_string (slot, NULL);
  else if (*text == '\0')
    g_value_set_interned_string (slot, "");
  else if (VP_RECORD_GET_CLASS (self)->shared_fields & (G_GUINT64_CONSTANT (1) << index))
    g_value_set_interned_string (slot, g_intern_string (text));
  else
    g_value_set_string (slot, text);
}

static GValue *
ensure_values (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);
  VpRecordClass *klass = VP_RECORD_GET_CLASS (self);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_value_init (&priv->values[i], klass->fields[i]->value_type);
          g_param_value_set_default (klass->fields[i], &priv->values[i]);
        }
    }
  return priv->values;
}

/* Where a field's value is kept: fields are installed in the order of
 * their property ids, 1 to n_fields (vp_record_class_install_fields). */
static guint
field_index (VpRecord *self, GParamSpec *pspec)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (self);
  guint index = pspec->param_id - 1;

  g_assert (index < klass->n_fields && klass->fields[index] == pspec);
  return index;
}

/* Boxed string arrays compare by pointer in GParamSpecBoxed, so compare
 * their contents here. An empty array and NULL are the same, and so are an
 * empty text and NULL: the database keeps either as the other. */
static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRING)
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      return g_str_equal (sa ? sa : "", sb ? sb : "");
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char *const *sa = g_value_get_boxed (a);
      const char *const *sb = g_value_get_boxed (b);
      const char *const empty[] = { NULL };

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
get_field_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpRecord *self = VP_RECORD (object);

  g_value_copy (&ensure_values (self)[field_index (self, pspec)], value);
}

static void
set_field_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpRecord *self = VP_RECORD (object);
  guint index = field_index (self, pspec);
  GValue *slot = &ensure_values (self)[index];

  if (values_equal (pspec, slot, value))
    return;
  count_change (self);
  if (pspec->value_type == G_TYPE_STRING)
    set_slot_string (self, index, g_value_get_string (value));
  else
    g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static void
set_string (VpRecord *self, char **slot, const char *value, GParamSpec *pspec)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  count_change (self);
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
vp_record_finalize (GObject *object)
{
  VpRecord *self = VP_RECORD (object);
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < VP_RECORD_GET_CLASS (self)->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_free (priv->uuid);
  g_free (priv->modified_at);

  G_OBJECT_CLASS (vp_record_parent_class)->finalize (object);
}

static void
vp_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpRecord *self = VP_RECORD (object);
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_MODIFIED_AT:
      g_value_set_string (value, priv->modified_at);
      break;
    case PROP_MODIFIED_BY:
      g_value_set_string (value, priv->modified_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpRecord *self = VP_RECORD (object);
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      set_string (self, &priv->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_MODIFIED_AT:
      set_string (self, &priv->modified_at, g_value_get_string (value), pspec);
      break;
    case PROP_MODIFIED_BY:
      if (g_strcmp0 (priv->modified_by, g_value_get_string (value)) != 0)
        {
          priv->modified_by = g_intern_string (g_value_get_string (value));
          count_change (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_record_class_init (VpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_record_finalize;
  object_class->get_property = vp_record_get_property;
  object_class->set_property = vp_record_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_MODIFIED_AT]
    = g_param_spec_string ("modified-at", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_MODIFIED_BY]
    = g_param_spec_string ("modified-by", NULL, NULL, NULL, VP_FIELD_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_record_init (VpRecord *self)
{
}

/**
 * vp_record_class_install_fields:
 * @klass: a final subclass's class
 * @table: the SQL table of its records
 * @pspecs: (array length=n_pspecs): its fields, element 0 %NULL as for
 *   g_object_class_install_properties()
 *
 * Installs the fields as properties whose values VpRecord keeps. Field
 * names are the column names with '-' for '_'.
 */
void
vp_record_class_install_fields (VpRecordClass *klass,
                                const char *table,
                                GParamSpec **pspecs,
                                guint n_pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = get_field_property;
  object_class->set_property = set_field_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  klass->table = table;
  klass->fields = pspecs + 1;
  klass->n_fields = n_pspecs - 1;
  g_assert (klass->n_fields <= 64);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (is_shared_field (klass->fields[i]))
        klass->shared_fields |= G_GUINT64_CONSTANT (1) << i;
    }
}

const char *
vp_record_get_uuid (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD (self), NULL);
  return priv->uuid;
}

/**
 * vp_record_get_revision:
 *
 * Returns: a number that changes whenever one of the record's values
 *   does (its fields, UUID, modified-at or modified-by), for a view that
 *   keeps what it took from the record and needs to know whether that is
 *   still what the record holds
 */
guint
vp_record_get_revision (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD (self), 0);
  return priv->revision;
}

const char *
vp_record_get_modified_at (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD (self), NULL);
  return priv->modified_at;
}

const char *
vp_record_get_modified_by (VpRecord *self)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);

  g_return_val_if_fail (VP_IS_RECORD (self), NULL);
  return priv->modified_by;
}

/**
 * vp_record_get_parent_uuid:
 *
 * Returns: (nullable): the UUID of the record this one belongs to
 */
const char *
vp_record_get_parent_uuid (VpRecord *self)
{
  const char *parent_field = VP_RECORD_GET_CLASS (self)->parent_field;

  return parent_field != NULL ? vp_record_get_string (self, parent_field) : NULL;
}

/**
 * vp_record_get_field:
 * @field: one of the class's fields
 *
 * Returns: (transfer none): the field's value
 */
const GValue *
vp_record_get_field (VpRecord *self, GParamSpec *field)
{
  g_return_val_if_fail (VP_IS_RECORD (self), NULL);
  return &ensure_values (self)[field_index (self, field)];
}

static const GValue *
get_named (VpRecord *self, const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  g_return_val_if_fail (pspec != NULL, NULL);
  return vp_record_get_field (self, pspec);
}

const char *
vp_record_get_string (VpRecord *self, const char *name)
{
  return g_value_get_string (get_named (self, name));
}

/**
 * vp_record_string_field:
 * @prop_id: the property id of one of the class's string fields
 *
 * What the classes' getters use: no look-up by name, for they are called
 * for every row a view filters or sorts.
 *
 * Returns: (nullable): the field's value
 */
const char *
vp_record_string_field (VpRecord *self, guint prop_id)
{
  g_return_val_if_fail (prop_id >= 1 && prop_id <= VP_RECORD_GET_CLASS (self)->n_fields, NULL);
  return g_value_get_string (&ensure_values (self)[prop_id - 1]);
}

/**
 * vp_record_int_field:
 * @prop_id: the property id of one of the class's int or enum fields
 *
 * Returns: the field's value
 */
int
vp_record_int_field (VpRecord *self, guint prop_id)
{
  const GValue *value;

  g_return_val_if_fail (prop_id >= 1 && prop_id <= VP_RECORD_GET_CLASS (self)->n_fields, 0);
  value = &ensure_values (self)[prop_id - 1];
  return G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);
}

/* For int and enum fields. */
int
vp_record_get_int (VpRecord *self, const char *name)
{
  const GValue *value = get_named (self, name);

  return G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);
}

/* For int64 fields (a budget in cents). */
gint64
vp_record_get_int64 (VpRecord *self, const char *name)
{
  return g_value_get_int64 (get_named (self, name));
}

const char *const *
vp_record_get_strv (VpRecord *self, const char *name)
{
  return g_value_get_boxed (get_named (self, name));
}

/**
 * vp_record_copy:
 *
 * Returns: (transfer full): a new record of the same type with the same
 *   identity and field values; a draft for a change
 */
VpRecord *
vp_record_copy (VpRecord *self)
{
  VpRecord *copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  VpRecordPrivate *priv = vp_record_get_instance_private (self);
  VpRecordPrivate *copy_priv = vp_record_get_instance_private (copy);
  GValue *values = ensure_values (self);
  GValue *copy_values = ensure_values (copy);

  copy_priv->uuid = g_strdup (priv->uuid);
  copy_priv->modified_at = g_strdup (priv->modified_at);
  copy_priv->modified_by = priv->modified_by;
  for (guint i = 0; i < VP_RECORD_GET_CLASS (self)->n_fields; i++)
    g_value_copy (&values[i], &copy_values[i]);
  return copy;
}

/**
 * vp_record_fields_equal:
 *
 * Returns: whether @a and @b, of one type, have the same field values
 *   (identity and modification stamps aside)
 */
gboolean
vp_record_fields_equal (VpRecord *a, VpRecord *b)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (a);
  GValue *va = ensure_values (a);
  GValue *vb = ensure_values (b);

  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!values_equal (klass->fields[i], &va[i], &vb[i]))
        return FALSE;
    }
  return TRUE;
}

/**
 * vp_record_field_equal:
 * @field: one of the fields of the type of @a and @b
 *
 * Returns: whether @a and @b have the same value of @field, by the rule
 *   of vp_record_fields_equal() (an empty text is none)
 */
gboolean
vp_record_field_equal (VpRecord *a, VpRecord *b, GParamSpec *field)
{
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);
  return values_equal (field, vp_record_get_field (a, field), vp_record_get_field (b, field));
}

/**
 * vp_record_compare_field:
 * @field: an int or string field of the type of @a and @b
 *
 * Returns: how @a and @b stand by @field: a number's difference, a
 *   text's byte order (none before any)
 */
int
vp_record_compare_field (VpRecord *a, VpRecord *b, GParamSpec *field)
{
  const GValue *va = vp_record_get_field (a, field);
  const GValue *vb = vp_record_get_field (b, field);

  if (field->value_type == G_TYPE_INT)
    return g_value_get_int (va) - g_value_get_int (vb);
  return g_strcmp0 (g_value_get_string (va), g_value_get_string (vb));
}

/**
 * vp_record_assign:
 * @source: a record of the same type
 *
 * Gives @self the stamps and field values of @source, notifying each
 * property that changed. The store calls this after a commit.
 */
void
vp_record_assign (VpRecord *self, VpRecord *source)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (self);
  VpRecordPrivate *priv = vp_record_get_instance_private (source);
  GValue *values = ensure_values (source);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    g_object_set_property (G_OBJECT (self), klass->fields[i]->name, &values[i]);
  g_object_set (self, "modified-at", priv->modified_at, "modified-by", priv->modified_by, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Private API, see vp-record-private.h. */

GValue *
vp_record_peek_values (VpRecord *self)
{
  return ensure_values (self);
}

void
vp_record_set_identity (VpRecord *self,
                        const char *uuid,
                        const char *modified_at,
                        const char *modified_by)
{
  VpRecordPrivate *priv = vp_record_get_instance_private (self);
  /* The arguments may be the current values. */
  char *new_modified_at = g_strdup (modified_at);

  /* The same UUID keeps its string: the store's index of its records
   * uses it as the key (vp_store_lookup()). */
  if (g_strcmp0 (priv->uuid, uuid) != 0)
    {
      g_free (priv->uuid);
      priv->uuid = g_strdup (uuid);
    }
  g_free (priv->modified_at);
  priv->modified_at = new_modified_at;
  priv->modified_by = g_intern_string (modified_by);
  count_change (self);
}

/**
 * vp_record_load_string:
 * @index: a string field's index in the class's fields
 *
 * For the store, reading a row: sets the field as setting its property
 * would, without a notification.
 */
void
vp_record_load_string (VpRecord *self, guint index, const char *text)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (self);

  g_return_if_fail (index < klass->n_fields);
  set_slot_string (self, index, text);
  count_change (self);
}
