/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-fuzz-import"

#include "config.h"

#include "exchange/vp-exchange.h"
#include "fuzz-common.h"

/*
 * A whole import: the bytes read as a partner's file into a fresh store
 * that holds the example plan, every conflict settled with the partner's
 * version, applied, and undone. A file refused, an apply that fails and
 * an undo all leave the database as it was, to the byte of every row.
 */

/* The database before, whole and without its import log. */
static char *before;
static char *before_records;

static void
check_unchanged (const char *was, const char *is, const char *what)
{
  g_auto (GStrv) lines_was = NULL;
  g_auto (GStrv) lines_is = NULL;

  if (g_strcmp0 (was, is) == 0)
    return;
  lines_was = g_strsplit (was, "\n", -1);
  lines_is = g_strsplit (is, "\n", -1);
  for (guint i = 0; lines_was[i] != NULL && lines_is[i] != NULL; i++)
    {
      if (!g_str_equal (lines_was[i], lines_is[i]))
        g_error ("%s changed the database: line %u was\n%s\nand is\n%s", what, i + 1, lines_was[i],
                 lines_is[i]);
    }
  g_error ("%s changed the database: %u lines, were %u", what, g_strv_length (lines_is),
           g_strv_length (lines_was));
}

static void
undo_and_compare (VpStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;

  if (!vp_store_can_undo (store))
    {
      /* An import that changed nothing offers no undo. (Nor is it to be
       * logged, issue 13 point 2; until that is so, the log is left out.) */
      after = vp_fuzz_dump (store, TRUE);
      check_unchanged (before_records, after, "an import without undo");
      return;
    }
  if (!vp_store_undo (store, &error))
    g_error ("undo failed: %s", error->message);
  after = vp_fuzz_dump (store, FALSE);
  check_unchanged (before, after, "an import and its undo");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (VpChangeSet) set = NULL;
  g_autoptr (GError) error = NULL;

  vp_fuzz_init ();
  store = vp_fuzz_store_new ();
  if (before == NULL)
    {
      before = vp_fuzz_dump (store, FALSE);
      before_records = vp_fuzz_dump (store, TRUE);
    }
  set = vp_exchange_read (store, bytes, "fuzz.json", &error);
  if (set == NULL)
    return 0;
  vp_exchange_check_origin (store, set, VP_ORIGIN_ALLOW_OWN | VP_ORIGIN_ALLOW_SAME, NULL);
  vp_change_set_resolve_all (set, VP_RESOLUTION_TAKE_THEIRS);
  if (!vp_change_set_apply (set, store, &error))
    {
      g_autofree char *after = vp_fuzz_dump (store, FALSE);

      check_unchanged (before, after, "a failed import");
      return 0;
    }
  undo_and_compare (store);
  return 0;
}
