/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include "model/vp-model.h"

/* The model without a store: the enums and VpRecord's generic fields,
 * checked for every record type through its class's field list. */

#define N_ENUM_TYPES 8

static void
get_enum_types (GType types[N_ENUM_TYPES])
{
  GType all[N_ENUM_TYPES] = {
    VP_TYPE_STATUS,  VP_TYPE_SCOPE,     VP_TYPE_CATEGORY,          VP_TYPE_GOAL_KIND,
    VP_TYPE_QUARTER, VP_TYPE_LEAD_KIND, VP_TYPE_ORGANISATION_KIND, VP_TYPE_EVENT_KIND,
  };

  for (guint i = 0; i < N_ENUM_TYPES; i++)
    types[i] = all[i];
}

/* Notifications, one property name per emission. */
static void
on_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (pspec->name));
}

static GPtrArray *
watch_notify (gpointer object)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (object, "notify", G_CALLBACK (on_notify_cb), names);
  return names;
}

static void
unwatch_notify (gpointer object, GPtrArray *names)
{
  g_signal_handlers_disconnect_by_func (object, on_notify_cb, names);
  g_ptr_array_unref (names);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names notified so far, sorted, "a,b,c": one comparison in a test
 * shows both a missing and an extra notification. */
static char *
notified (GPtrArray *names)
{
  /* not g_ptr_array_copy(): the copy would free the names too */
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (names->len + 1);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (names, i));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

static VpRecordClass *
record_class (GType type)
{
  /* The record types are static types: their class lives for the program. */
  return g_type_class_ref (type);
}

/* A value for @field, different for each @variant (0, 1) and for variant 0
 * different from the field's default. */
static void
init_sample (GValue *value, GParamSpec *field, int variant)
{
  GType type = field->value_type;

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("%s %d", field->name, variant));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, 2024 + variant);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 15 + variant); /* a budget in cents */
  else if (type == G_TYPE_STRV)
    {
      const char *strv[] = { field->name, variant == 0 ? "a" : "b", NULL };

      g_value_set_boxed (value, strv);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);

      g_value_set_enum (value, klass->values[(1 + variant) % klass->n_values].value);
      g_type_class_unref (klass);
    }
  else
    g_assert_not_reached ();
}

static void
set_sample (VpRecord *record, GParamSpec *field, int variant)
{
  GValue value = G_VALUE_INIT;

  init_sample (&value, field, variant);
  g_object_set_property (G_OBJECT (record), field->name, &value);
  g_value_unset (&value);
}

static gboolean
value_equals (const GValue *a, const GValue *b)
{
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_ENUM (a))
    return g_value_get_enum (a) == g_value_get_enum (b);
  g_assert_not_reached ();
}

/* A record of @type with every field set to its sample and an identity. */
static VpRecord *
new_filled (GType type, int variant)
{
  VpRecordClass *klass = record_class (type);
  VpRecord *record
    = g_object_new (type, "uuid", "6f1c2c52-3f0e-4a53-9d4b-0d1b1d6c9a01", "modified-at",
                    "2024-03-01T09:00:00.000Z", "modified-by", "nijkerk", NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    set_sample (record, klass->fields[i], variant);
  g_type_class_unref (klass);
  return record;
}

/* Enums */

static void
test_enum_labels (void)
{
  GType types[N_ENUM_TYPES];

  get_enum_types (types);
  for (guint t = 0; t < N_ENUM_TYPES; t++)
    {
      GEnumClass *klass = g_type_class_ref (types[t]);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (klass->n_values, >=, 2);
      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = vp_enum_get_label (types[t], klass->values[i].value);

          g_test_message ("%s %s: %s", g_type_name (types[t]), klass->values[i].value_nick, label);
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          /* a label names one value: a copied line would show as a duplicate */
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
        }
      g_type_class_unref (klass);
    }
}

/* A value outside the enum is a programming error: a critical, not a crash. */
static void
test_enum_label_unknown (void)
{
  const char *label;

  g_test_expect_message ("vp-enums", G_LOG_LEVEL_CRITICAL, "*");
  label = vp_enum_get_label (VP_TYPE_STATUS, 99);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (label, ==, "");
}

static void
test_enum_nicks (void)
{
  GType types[N_ENUM_TYPES];

  get_enum_types (types);
  for (guint t = 0; t < N_ENUM_TYPES; t++)
    {
      GEnumClass *klass = g_type_class_ref (types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *nick = vp_enum_to_nick (types[t], klass->values[i].value);
          int value = -1;

          g_assert_cmpstr (nick, ==, klass->values[i].value_nick);
          g_assert_true (vp_enum_from_nick (types[t], nick, &value));
          g_assert_cmpint (value, ==, klass->values[i].value);
        }
      g_type_class_unref (klass);
    }

  /* the nicks the database and the exchange file store */
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_STATUS, VP_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_EACH), ==, "each");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_QUARTER, VP_QUARTER_Q3), ==, "q3");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_ORGANISATION_KIND, VP_ORGANISATION_KIND_PARTNER), ==,
                   "partner");
}

static void
test_enum_nick_unknown (void)
{
  int value = 42;

  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, "finished", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, "In progress", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, "IN-PROGRESS", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, "", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, NULL, &value));
  /* a nick of another enum type */
  g_assert_false (vp_enum_from_nick (VP_TYPE_STATUS, "joint", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_CATEGORY, "each", &value));
  /* a failed lookup leaves the out value alone */
  g_assert_cmpint (value, ==, 42);
}

/* Records: each test runs once per record type, the GType as data. */

static void
test_record_defaults (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = g_object_new (type, NULL);

  g_assert_nonnull (klass->table);
  g_assert_cmpuint (klass->n_fields, >=, 2);
  g_assert_null (vp_record_get_uuid (record));
  g_assert_null (vp_record_get_modified_at (record));
  g_assert_null (vp_record_get_modified_by (record));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      const GValue *value = vp_record_get_field (record, field);

      /* a field is a property of the record's own class */
      g_assert_true (g_object_class_find_property (G_OBJECT_CLASS (klass), field->name) == field);
      g_assert_true (G_VALUE_TYPE (value) == field->value_type);
      g_assert_true (g_param_value_defaults (field, value));
    }
  g_type_class_unref (klass);
}

static void
test_record_set_get (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = g_object_new (type, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      GValue expected = G_VALUE_INIT;
      GValue got = G_VALUE_INIT;

      init_sample (&expected, field, 0);
      g_object_set_property (G_OBJECT (record), field->name, &expected);
      g_value_init (&got, field->value_type);
      g_object_get_property (G_OBJECT (record), field->name, &got);
      g_assert_true (value_equals (&expected, &got));
      g_assert_true (value_equals (&expected, vp_record_get_field (record, field)));

      if (field->value_type == G_TYPE_STRING)
        g_assert_cmpstr (vp_record_get_string (record, field->name), ==,
                         g_value_get_string (&expected));
      else if (field->value_type == G_TYPE_INT)
        g_assert_cmpint (vp_record_get_int (record, field->name), ==, g_value_get_int (&expected));
      else if (G_TYPE_IS_ENUM (field->value_type))
        g_assert_cmpint (vp_record_get_int (record, field->name), ==, g_value_get_enum (&expected));
      else if (field->value_type == G_TYPE_INT64)
        g_assert_cmpint (vp_record_get_int64 (record, field->name), ==,
                         g_value_get_int64 (&expected));
      else
        g_assert_true (
          g_strv_equal (vp_record_get_strv (record, field->name), g_value_get_boxed (&expected)));
      g_value_unset (&expected);
      g_value_unset (&got);
    }

  /* the fields set one after the other kept their values */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GValue expected = G_VALUE_INIT;

      init_sample (&expected, klass->fields[i], 0);
      g_assert_true (value_equals (&expected, vp_record_get_field (record, klass->fields[i])));
      g_value_unset (&expected);
    }
  g_type_class_unref (klass);
}

static void
test_record_notify (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = g_object_new (type, NULL);
  GPtrArray *names = watch_notify (record);
  g_autofree char *got = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];

      g_ptr_array_set_size (names, 0);
      set_sample (record, field, 0);
      set_sample (record, field, 0);
      g_assert_cmpuint (names->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (names, 0), ==, field->name);

      set_sample (record, field, 1);
      g_assert_cmpuint (names->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (names, 1), ==, field->name);
    }

  /* the identity is notified the same way */
  g_ptr_array_set_size (names, 0);
  g_object_set (record, "modified-at", "2024-03-01T09:00:00.000Z", NULL);
  g_object_set (record, "modified-at", "2024-03-01T09:00:00.000Z", NULL);
  g_object_set (record, "modified-by", "nijkerk", "uuid", "u-1", NULL);
  g_object_set (record, "modified-by", "nijkerk", "uuid", "u-1", NULL);
  got = notified (names);
  g_assert_cmpstr (got, ==, "modified-at,modified-by,uuid");

  unwatch_notify (record, names);
  g_type_class_unref (klass);
}

static void
test_record_strv_equal (void)
{
  const char *holders[] = { "burgemeester Renkema", "wethouder Kuiper", NULL };
  g_auto (GStrv) same = g_strdupv ((char **) holders);
  const char *other[] = { "burgemeester Renkema", NULL };
  const char *empty[] = { NULL };
  g_autoptr (VpRecord) priority = g_object_new (VP_TYPE_PRIORITY, NULL);
  GPtrArray *names = watch_notify (priority);

  g_object_set (priority, "portfolio-holders", holders, NULL);
  g_assert_cmpuint (names->len, ==, 1);
  /* a copy is a different pointer with the same contents */
  g_assert_true ((gpointer) same != (gpointer) holders);
  g_object_set (priority, "portfolio-holders", same, NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_strv_equal (vp_record_get_strv (priority, "portfolio-holders"), holders));

  g_object_set (priority, "portfolio-holders", other, NULL);
  g_assert_cmpuint (names->len, ==, 2);

  /* an empty array and none are the same value */
  g_object_set (priority, "portfolio-holders", empty, NULL);
  g_assert_cmpuint (names->len, ==, 3);
  g_object_set (priority, "portfolio-holders", NULL, NULL);
  g_assert_cmpuint (names->len, ==, 3);
  g_object_set (priority, "portfolio-holders", empty, NULL);
  g_assert_cmpuint (names->len, ==, 3);

  unwatch_notify (priority, names);
}

static void
test_record_copy (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = new_filled (type, 0);
  g_autoptr (VpRecord) copy = vp_record_copy (record);

  g_assert_true (copy != record);
  g_assert_true (G_OBJECT_TYPE (copy) == type);
  g_assert_cmpint (G_OBJECT (copy)->ref_count, ==, 1);
  g_assert_true (vp_record_fields_equal (record, copy));
  g_assert_true (vp_record_fields_equal (copy, record));
  g_assert_cmpstr (vp_record_get_uuid (copy), ==, vp_record_get_uuid (record));
  g_assert_cmpstr (vp_record_get_modified_at (copy), ==, vp_record_get_modified_at (record));
  g_assert_cmpstr (vp_record_get_modified_by (copy), ==, vp_record_get_modified_by (record));

  /* independent: changing the copy leaves the record as it was */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *original = vp_record_get_field (record, klass->fields[i]);
      const GValue *copied = vp_record_get_field (copy, klass->fields[i]);

      /* a deep copy: texts and lists are the copy's own, but for the
       * interned values of shared fields (never freed, never changed) */
      if (G_VALUE_HOLDS_STRING (original))
        g_assert_true (g_value_get_string (original) != g_value_get_string (copied)
                       || g_intern_string (g_value_get_string (original))
                            == g_value_get_string (original));
      else if (G_VALUE_HOLDS (original, G_TYPE_STRV))
        g_assert_true (g_value_get_boxed (original) != g_value_get_boxed (copied));
      set_sample (copy, klass->fields[i], 1);
    }
  g_object_set (copy, "modified-at", "2025-01-01T00:00:00.000Z", "modified-by", "barneveld", NULL);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GValue expected = G_VALUE_INIT;

      init_sample (&expected, klass->fields[i], 0);
      g_assert_true (value_equals (&expected, vp_record_get_field (record, klass->fields[i])));
      g_value_unset (&expected);
    }
  g_assert_cmpstr (vp_record_get_modified_at (record), ==, "2024-03-01T09:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (record), ==, "nijkerk");
  g_assert_false (vp_record_fields_equal (record, copy));

  /* and the record outlives its copy */
  g_clear_object (&copy);
  g_assert_cmpstr (vp_record_get_uuid (record), ==, "6f1c2c52-3f0e-4a53-9d4b-0d1b1d6c9a01");
  g_type_class_unref (klass);
}

static void
test_record_fields_equal (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = new_filled (type, 0);
  g_autoptr (VpRecord) blank = g_object_new (type, NULL);
  g_autoptr (VpRecord) other_blank = g_object_new (type, NULL);

  g_assert_true (vp_record_fields_equal (record, record));
  g_assert_true (vp_record_fields_equal (blank, other_blank));
  g_assert_false (vp_record_fields_equal (record, blank));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autoptr (VpRecord) changed = vp_record_copy (record);
      g_autoptr (VpRecord) reset = vp_record_copy (record);

      set_sample (changed, klass->fields[i], 1);
      g_assert_false (vp_record_fields_equal (record, changed));
      g_assert_false (vp_record_fields_equal (changed, record));

      /* back to the default (NULL, 0, the first enum value) is a change too */
      g_object_set_property (G_OBJECT (reset), klass->fields[i]->name,
                             g_param_spec_get_default_value (klass->fields[i]));
      g_assert_false (vp_record_fields_equal (record, reset));

      set_sample (changed, klass->fields[i], 0);
      g_assert_true (vp_record_fields_equal (record, changed));
    }

  /* identity and stamps aside */
  {
    g_autoptr (VpRecord) restamped = vp_record_copy (record);

    g_object_set (restamped, "uuid", "another", "modified-at", "2030-01-01T00:00:00.000Z",
                  "modified-by", "barneveld", NULL);
    g_assert_true (vp_record_fields_equal (record, restamped));
  }
  g_type_class_unref (klass);
}

static void
test_record_assign (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  VpRecordClass *klass = record_class (type);
  g_autoptr (VpRecord) record = new_filled (type, 0);
  g_autoptr (VpRecord) source = vp_record_copy (record);
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();
  GPtrArray *names;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  guint revision;

  /* change every other field, and the stamp but not its author */
  for (guint i = 0; i < klass->n_fields; i += 2)
    {
      set_sample (source, klass->fields[i], 1);
      g_ptr_array_add (expected, (gpointer) klass->fields[i]->name);
    }
  g_object_set (source, "uuid", "not-assigned", "modified-at", "2024-03-02T10:00:00.000Z", NULL);
  g_ptr_array_add (expected, "modified-at");

  names = watch_notify (record);
  revision = vp_record_get_revision (record);
  vp_record_assign (record, source);
  g_assert_cmpuint (vp_record_get_revision (record), !=, revision);
  got = notified (names);
  want = notified (expected);
  g_assert_cmpstr (got, ==, want);
  /* each once, even with notifications frozen during the assignment */
  g_assert_cmpuint (names->len, ==, expected->len);

  g_assert_true (vp_record_fields_equal (record, source));
  g_assert_cmpstr (vp_record_get_modified_at (record), ==, "2024-03-02T10:00:00.000Z");
  g_assert_cmpstr (vp_record_get_modified_by (record), ==, "nijkerk");
  /* the identity is the record's own */
  g_assert_cmpstr (vp_record_get_uuid (record), ==, "6f1c2c52-3f0e-4a53-9d4b-0d1b1d6c9a01");

  /* assigning equal values notifies nothing, and is no revision */
  g_ptr_array_set_size (names, 0);
  revision = vp_record_get_revision (record);
  vp_record_assign (record, source);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (vp_record_get_revision (record), ==, revision);
  /* one field, or who changed it, is a revision too */
  set_sample (record, klass->fields[0], 0);
  g_assert_cmpuint (vp_record_get_revision (record), !=, revision);
  revision = vp_record_get_revision (record);
  g_object_set (record, "modified-by", "barneveld", NULL);
  g_assert_cmpuint (vp_record_get_revision (record), !=, revision);
  vp_record_assign (record, source);

  /* the source stays independent */
  set_sample (source, klass->fields[0], 0);
  g_assert_false (vp_record_fields_equal (record, source));

  unwatch_notify (record, names);
  g_type_class_unref (klass);
}

/* Values many records share are kept once (interned); texts people
 * write are each record's own. */
static void
test_record_shared_strings (void)
{
  g_autofree char *priority = g_strdup ("priority-1");
  g_autoptr (VpRecord) a
    = g_object_new (VP_TYPE_ACTION, "priority", "priority-1", "text", "Een tekst.", NULL);
  g_autoptr (VpRecord) b
    = g_object_new (VP_TYPE_ACTION, "priority", priority, "text", "Een tekst.", NULL);
  g_autoptr (VpRecord) copy = NULL;

  g_assert_true (vp_action_get_priority (VP_ACTION (a)) == vp_action_get_priority (VP_ACTION (b)));
  g_assert_true (vp_action_get_priority (VP_ACTION (a)) == g_intern_string ("priority-1"));
  g_assert_true (vp_action_get_text (VP_ACTION (a)) != vp_action_get_text (VP_ACTION (b)));

  /* a change of one leaves the other as it was */
  g_object_set (b, "priority", "priority-2", "text", "Anders.", NULL);
  g_assert_cmpstr (vp_action_get_priority (VP_ACTION (a)), ==, "priority-1");
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (a)), ==, "Een tekst.");

  copy = vp_record_copy (a);
  g_object_set (a, "priority", NULL, "text", NULL, NULL);
  g_assert_cmpstr (vp_action_get_priority (VP_ACTION (copy)), ==, "priority-1");
  g_assert_cmpstr (vp_action_get_text (VP_ACTION (copy)), ==, "Een tekst.");
}

static void
test_record_parent (void)
{
  g_autoptr (VpRecord) organisation = g_object_new (VP_TYPE_ORGANISATION, "code", "nijkerk", NULL);
  g_autoptr (VpRecord) plan = g_object_new (VP_TYPE_PLAN, "owner", "nijkerk", NULL);
  g_autoptr (VpRecord) priority = g_object_new (VP_TYPE_PRIORITY, "plan", "plan-1", NULL);
  g_autoptr (VpRecord) subtheme = g_object_new (VP_TYPE_SUBTHEME, "priority", "priority-1", NULL);
  g_autoptr (VpRecord) goal = g_object_new (VP_TYPE_GOAL, "priority", "priority-2", NULL);
  g_autoptr (VpRecord) action
    = g_object_new (VP_TYPE_ACTION, "priority", "priority-3", "subtheme", "subtheme-1", NULL);
  g_autoptr (VpRecord) status
    = g_object_new (VP_TYPE_ACTION_STATUS, "action", "action-1", "municipality", "nijkerk", NULL);
  g_autoptr (VpRecord) event = g_object_new (VP_TYPE_STATUS_EVENT, "action", "action-2", NULL);
  g_autoptr (VpRecord) definition = g_object_new (VP_TYPE_DEFINITION, "plan", "plan-2", NULL);
  g_autoptr (VpRecord) orphan = g_object_new (VP_TYPE_ACTION, NULL);

  g_assert_null (vp_record_get_parent_uuid (organisation));
  g_assert_null (vp_record_get_parent_uuid (plan));
  g_assert_cmpstr (vp_record_get_parent_uuid (priority), ==, "plan-1");
  g_assert_cmpstr (vp_record_get_parent_uuid (subtheme), ==, "priority-1");
  g_assert_cmpstr (vp_record_get_parent_uuid (goal), ==, "priority-2");
  g_assert_cmpstr (vp_record_get_parent_uuid (action), ==, "priority-3");
  g_assert_cmpstr (vp_record_get_parent_uuid (status), ==, "action-1");
  g_assert_cmpstr (vp_record_get_parent_uuid (event), ==, "action-2");
  g_assert_cmpstr (vp_record_get_parent_uuid (definition), ==, "plan-2");
  g_assert_null (vp_record_get_parent_uuid (orphan));

  /* the parent follows the field */
  g_object_set (action, "priority", "priority-4", NULL);
  g_assert_cmpstr (vp_record_get_parent_uuid (action), ==, "priority-4");

  g_assert_true (VP_RECORD_GET_CLASS (priority)->parent_type == VP_TYPE_PLAN);
  g_assert_true (VP_RECORD_GET_CLASS (action)->parent_type == VP_TYPE_PRIORITY);
  g_assert_true (VP_RECORD_GET_CLASS (status)->parent_type == VP_TYPE_ACTION);
}

static void
test_record_getters (void)
{
  const char *participants[] = { "nijkerk", "barneveld", NULL };
  g_autoptr (VpAction) action = g_object_new (
    VP_TYPE_ACTION, "priority", "p", "subtheme", "s", "text",
    "We organiseren vijf integrale controles.", "lead-kind", VP_LEAD_KIND_ORGANISATION, "lead",
    "politie", "lead-note", "wijkagent", "year", 2024, "quarter", VP_QUARTER_Q3, "category",
    VP_CATEGORY_LOCAL, "target", 5, "target-unit", "controles", NULL);
  g_autoptr (VpPlan) plan
    = g_object_new (VP_TYPE_PLAN, "title", "UVP 2024", "first-year", 2024, "last-year", 2025,
                    "owner", "nijkerk", "participants", participants, NULL);
  g_autoptr (VpActionStatus) status
    = g_object_new (VP_TYPE_ACTION_STATUS, "action", "a", "municipality", "barneveld", "status",
                    VP_STATUS_POSTPONED, "achieved", 3, "note", "na de zomer", NULL);
  g_autoptr (VpOrganisation) organisation
    = g_object_new (VP_TYPE_ORGANISATION, "code", "politie", "name", "Politie", "kind",
                    VP_ORGANISATION_KIND_PARTNER, NULL);

  g_assert_cmpstr (vp_action_get_priority (action), ==, "p");
  g_assert_cmpstr (vp_action_get_subtheme (action), ==, "s");
  g_assert_cmpstr (vp_action_get_text (action), ==, "We organiseren vijf integrale controles.");
  g_assert_cmpint (vp_action_get_lead_kind (action), ==, VP_LEAD_KIND_ORGANISATION);
  g_assert_cmpstr (vp_action_get_lead (action), ==, "politie");
  g_assert_cmpstr (vp_action_get_lead_note (action), ==, "wijkagent");
  g_assert_cmpint (vp_action_get_year (action), ==, 2024);
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_Q3);
  g_assert_cmpint (vp_action_get_category (action), ==, VP_CATEGORY_LOCAL);
  g_assert_cmpint (vp_action_get_target (action), ==, 5);
  g_assert_cmpstr (vp_action_get_target_unit (action), ==, "controles");

  g_assert_cmpstr (vp_plan_get_title (plan), ==, "UVP 2024");
  g_assert_cmpint (vp_plan_get_first_year (plan), ==, 2024);
  g_assert_cmpint (vp_plan_get_last_year (plan), ==, 2025);
  g_assert_cmpstr (vp_plan_get_owner (plan), ==, "nijkerk");
  g_assert_true (
    g_strv_equal (vp_record_get_strv (VP_RECORD (plan), "participants"), participants));

  g_assert_cmpstr (vp_action_status_get_action (status), ==, "a");
  g_assert_cmpstr (vp_action_status_get_municipality (status), ==, "barneveld");
  g_assert_cmpint (vp_action_status_get_status (status), ==, VP_STATUS_POSTPONED);
  g_assert_cmpint (vp_action_status_get_achieved (status), ==, 3);
  g_assert_cmpstr (vp_action_status_get_note (status), ==, "na de zomer");

  g_assert_cmpstr (vp_organisation_get_code (organisation), ==, "politie");
  g_assert_cmpstr (vp_organisation_get_name (organisation), ==, "Politie");
  g_assert_cmpint (vp_organisation_get_kind (organisation), ==, VP_ORGANISATION_KIND_PARTNER);
}

static void
add_record_tests (GType type)
{
  static const struct
  {
    const char *name;
    GTestDataFunc func;
  } tests[] = {
    { "defaults", test_record_defaults },
    { "set-get", test_record_set_get },
    { "notify", test_record_notify },
    { "copy", test_record_copy },
    { "fields-equal", test_record_fields_equal },
    { "assign", test_record_assign },
  };
  VpRecordClass *klass = record_class (type);

  for (gsize i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/record/%s/%s", klass->table, tests[i].name);

      g_strdelimit (path, "_", '-');
      g_test_add_data_func (path, GSIZE_TO_POINTER (type), tests[i].func);
    }
  g_type_class_unref (klass);
}

int
main (int argc, char *argv[])
{
  GType types[] = {
    VP_TYPE_ORGANISATION,  VP_TYPE_PLAN,         VP_TYPE_PRIORITY,
    VP_TYPE_SUBTHEME,      VP_TYPE_GOAL,         VP_TYPE_ACTION,
    VP_TYPE_ACTION_STATUS, VP_TYPE_STATUS_EVENT, VP_TYPE_DEFINITION,
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enum/labels", test_enum_labels);
  g_test_add_func ("/model/enum/label-unknown", test_enum_label_unknown);
  g_test_add_func ("/model/enum/nicks", test_enum_nicks);
  g_test_add_func ("/model/enum/nick-unknown", test_enum_nick_unknown);
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    add_record_tests (types[i]);
  g_test_add_func ("/model/record/strv-equal", test_record_strv_equal);
  g_test_add_func ("/model/record/parent", test_record_parent);
  g_test_add_func ("/model/record/shared-strings", test_record_shared_strings);
  g_test_add_func ("/model/record/getters", test_record_getters);

  return g_test_run ();
}
