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

G_END_DECLS
