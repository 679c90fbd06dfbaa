/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-fuzz-reader"

#include "config.h"

#include "exchange/vp-exchange.h"
#include "exchange/vp-json-strict.h"
#include "fuzz-common.h"

/*
 * The exchange reader over any bytes: the strict check, json-glib, every
 * field and reference, and the comparison with a store that holds the
 * example plan (which reading never changes). Whatever the strict check
 * passes, json-glib must parse: it is what keeps json-glib's recursion
 * and leniency away from a file.
 */

static void
check_json_glib_agrees (const uint8_t *data, size_t size)
{
  VpJsonLimits limits = { VP_EXCHANGE_MAX_DEPTH, NULL, 0, G_MAXUINT64 };
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;

  if (!vp_json_strict_check ((const char *) data, size, &limits, NULL, NULL))
    return;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, &error))
    g_error ("strict JSON that json-glib refuses: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static VpStore *store;
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  vp_fuzz_init ();
  if (store == NULL)
    store = vp_fuzz_store_new ();
  if (size > 0)
    check_json_glib_agrees (data, size);
  set = vp_exchange_read (store, bytes, "fuzz.json", &error);
  g_assert ((set == NULL) == (error != NULL));
  g_assert (error == NULL || error->domain == VP_EXCHANGE_ERROR);
  return 0;
}
