/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VP_JSON_STRICT_ERROR (vp_json_strict_error_quark ())

typedef enum
{
  VP_JSON_STRICT_ERROR_ENCODING,  /* not UTF-8 */
  VP_JSON_STRICT_ERROR_SYNTAX,    /* not strict JSON (RFC 8259) */
  VP_JSON_STRICT_ERROR_DUPLICATE, /* a key twice in one object */
  VP_JSON_STRICT_ERROR_DEPTH,     /* nested deeper than the limit */
  VP_JSON_STRICT_ERROR_TOO_MANY,  /* more records of a kind than the limit */
  VP_JSON_STRICT_ERROR_TOO_DENSE, /* its tree would take more memory than allowed */
} VpJsonStrictError;

/* The elements of every list that is the value of @key ("actions": [ {…},
 * … ]) count as one kind; a file may hold at most @max of them. */
typedef struct
{
  const char *key;
  guint max;
  /* for messages, translated: "actions" */
  const char *name;
} VpJsonKindLimit;

typedef struct
{
  /* lists and objects nested in each other, the outermost counting 1;
   * at most VP_JSON_STRICT_MAX_DEPTH */
  guint max_depth;
  const VpJsonKindLimit *kinds;
  guint n_kinds;
  /* what json-glib would take to hold the document, estimated */
  guint64 max_tree_bytes;
} VpJsonLimits;

#define VP_JSON_STRICT_MAX_DEPTH 256

GQuark vp_json_strict_error_quark (void);
gboolean vp_json_strict_check (
  const char *data, gsize size, const VpJsonLimits *limits, guint64 *tree_bytes, GError **error);
JsonNode *vp_json_strict_build (const char *data, gsize size);

/* A checked document as a compact tree (the reader's) */
typedef enum
{
  VP_JSON_NULL,
  VP_JSON_BOOLEAN,
  VP_JSON_INTEGER,
  VP_JSON_DOUBLE,
  VP_JSON_STRING,
  VP_JSON_ARRAY,
  VP_JSON_OBJECT,
} VpJsonType;

typedef struct _VpJson VpJson;

struct _VpJson
{
  VpJsonType type;
  /* of a list or object: its elements or members */
  guint length;
  union
  {
    gboolean boolean;
    gint64 integer;
    double number;
    const char *string;
    /* of a list or object: @length values */
    VpJson *elements;
  };
  /* of an object: @length keys, in file order, beside the values */
  const char *const *keys;
};

typedef struct _VpJsonDocument VpJsonDocument;

VpJsonDocument *vp_json_document_parse (const char *data, gsize size);
VpJsonDocument *vp_json_document_from_node (JsonNode *node);
const VpJson *vp_json_document_get_root (VpJsonDocument *doc);
void vp_json_document_free (VpJsonDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpJsonDocument, vp_json_document_free)

const VpJson *vp_json_get_member (const VpJson *object, const char *key);
const char *vp_json_get_string (const VpJson *value);
gint64 vp_json_get_int (const VpJson *value);

G_END_DECLS
