/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_RECORD (vp_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (VpRecord, vp_record, VP, RECORD, GObject)

/* Flags for the properties that are a record's fields: stored in the
 * database, carried in the exchange file. */
#define VP_FIELD_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

struct _VpRecordClass
{
  GObjectClass parent_class;

  /* The SQL table, also the record's name in messages. */
  const char *table;
  /* The field that names the record this one belongs to (an action's
   * "priority"), or NULL for a top-level record. */
  const char *parent_field;
  /* The type of that parent record. */
  GType parent_type;

  /* Set by vp_record_class_install_fields(). */
  GParamSpec **fields;
  guint n_fields;
  /* bit i: field i's strings are interned (see vp-record.c) */
  guint64 shared_fields;
};

void vp_record_class_install_fields (VpRecordClass *klass,
                                     const char *table,
                                     GParamSpec **pspecs,
                                     guint n_pspecs);

const char *vp_record_get_uuid (VpRecord *self);
const char *vp_record_get_modified_at (VpRecord *self);
guint vp_record_get_revision (VpRecord *self);
const char *vp_record_get_modified_by (VpRecord *self);
const char *vp_record_get_parent_uuid (VpRecord *self);

const GValue *vp_record_get_field (VpRecord *self, GParamSpec *field);
const char *vp_record_get_string (VpRecord *self, const char *name);
int vp_record_get_int (VpRecord *self, const char *name);
gint64 vp_record_get_int64 (VpRecord *self, const char *name);
const char *const *vp_record_get_strv (VpRecord *self, const char *name);
const char *vp_record_string_field (VpRecord *self, guint prop_id);
int vp_record_int_field (VpRecord *self, guint prop_id);

VpRecord *vp_record_copy (VpRecord *self);
gboolean vp_record_fields_equal (VpRecord *a, VpRecord *b);
gboolean vp_record_field_equal (VpRecord *a, VpRecord *b, GParamSpec *field);
int vp_record_compare_field (VpRecord *a, VpRecord *b, GParamSpec *field);
void vp_record_assign (VpRecord *self, VpRecord *source);

G_END_DECLS
