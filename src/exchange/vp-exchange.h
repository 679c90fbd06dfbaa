/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "store/vp-store.h"
#include "vp-change-set.h"

G_BEGIN_DECLS

/* The exchange format: see data/README.md and the JSON Schema in data/. */
#define VP_EXCHANGE_FORMAT "veiligheidsplan"
/* 2: keys of a plan of one's own, of the evaluation, and a record's
 * "base" (which version it was changed from); see data/README.md */
#define VP_EXCHANGE_VERSION 2
/* The oldest version this program still writes, for partners on 0.1.x. */
#define VP_EXCHANGE_OLDEST_VERSION 1
/* Larger than any plan (100,000 actions take some 60 MiB), small enough
 * that a wrong file is not read into memory. */
#define VP_EXCHANGE_MAX_SIZE (128 * 1024 * 1024)
/* A partner's clock may be off, but a record stamped more than a month
 * ahead of ours would win every comparison until then: refused. */
#define VP_EXCHANGE_MAX_DAYS_AHEAD 31
/* Our files nest some ten levels deep. */
#define VP_EXCHANGE_MAX_DEPTH 32

#define VP_EXCHANGE_ERROR (vp_exchange_error_quark ())

typedef enum
{
  VP_EXCHANGE_ERROR_TOO_LARGE,
  VP_EXCHANGE_ERROR_ENCODING,
  VP_EXCHANGE_ERROR_SYNTAX,
  VP_EXCHANGE_ERROR_NOT_EXCHANGE,
  VP_EXCHANGE_ERROR_TOO_NEW,
  VP_EXCHANGE_ERROR_INVALID,
  VP_EXCHANGE_ERROR_NO_HOME,
  /* vp_exchange_check_origin(): a valid file, but not one to import */
  VP_EXCHANGE_ERROR_OWN_FILE,
  VP_EXCHANGE_ERROR_OTHER_COALITION,
  VP_EXCHANGE_ERROR_OTHER_PLAN,
  VP_EXCHANGE_ERROR_OLDER,
  VP_EXCHANGE_ERROR_IMPORTED,
} VpExchangeError;

typedef enum
{
  VP_ORIGIN_DEFAULT = 0,
  /* a file of this database's own municipality (a backup, the example) */
  VP_ORIGIN_ALLOW_OWN = 1 << 0,
  /* the file imported last from the partner, once more */
  VP_ORIGIN_ALLOW_SAME = 1 << 1,
} VpOriginFlags;

GQuark vp_exchange_error_quark (void);

char *vp_exchange_write (VpStore *store, VpPlan *plan, GError **error);
gboolean vp_exchange_export (VpStore *store, VpPlan *plan, const char *path, GError **error);
gboolean vp_exchange_export_was_written (const GError *error);
char *vp_exchange_write_version (VpStore *store, VpPlan *plan, int version, GError **error);
gboolean vp_exchange_export_version (
  VpStore *store, VpPlan *plan, const char *path, int version, GError **error);

VpChangeSet *
vp_exchange_read (VpStore *store, GBytes *bytes, const char *file_name, GError **error);
VpChangeSet *vp_exchange_read_file (VpStore *store, const char *path, GError **error);
JsonNode *vp_exchange_parse (GBytes *bytes, GError **error);
VpChangeSet *
vp_exchange_read_json (VpStore *store, JsonNode *root, const char *file_name, GError **error);
void vp_exchange_load_async (GFile *file,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
JsonNode *vp_exchange_load_finish (GAsyncResult *result, GError **error);

gboolean
vp_exchange_check_origin (VpStore *store, VpChangeSet *set, VpOriginFlags flags, GError **error);
char *vp_exchange_file_name (VpStore *store, VpPlan *plan, gboolean dated);
char *vp_exchange_format_time (const char *stamp);
guint vp_exchange_count_belonging (VpStore *store, VpRecord *record);

gboolean vp_exchange_is_uuid (const char *text);
gboolean vp_exchange_is_code (const char *text);
char *vp_exchange_normalize_timestamp (const char *text);

G_END_DECLS
