/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store-history"

#include "config.h"

#include "vp-store-history.h"
#include "vp-store-private.h"

/*
 * The history a report at a reference date reads beside the status
 * events: the triggers of resources/sql/004-evaluation.sql keep it, so no
 * writer has to.
 */

void
vp_action_fact_free (VpActionFact *fact)
{
  g_free (fact->action);
  g_free (fact->municipality);
  g_free (fact->at);
  g_free (fact);
}

static VpActionFact *
read_fact (sqlite3_stmt *stmt)
{
  VpActionFact *fact = g_new0 (VpActionFact, 1);

  fact->action = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  fact->municipality = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  fact->created = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "created") == 0;
  fact->achieved = sqlite3_column_int (stmt, 3);
  fact->at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  return fact;
}

/**
 * vp_store_list_action_facts:
 *
 * Returns: (transfer full) (element-type VpActionFact) (nullable): every
 *   fact, oldest first (in the order written where two share a moment),
 *   or %NULL with @error set
 */
GPtrArray *
vp_store_list_action_facts (VpStore *self, GError **error)
{
  g_autoptr (GPtrArray) facts
    = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_action_fact_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT action, municipality, kind, value, at FROM action_fact "
                           "ORDER BY at, rowid",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (facts, read_fact (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      vp_store_set_sqlite_error (self, rc, "action_fact", error);
      return NULL;
    }
  return g_steal_pointer (&facts);
}
