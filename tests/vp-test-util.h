/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "exchange/vp-change-set.h"
#include "store/vp-store.h"

G_BEGIN_DECLS

/* A fresh folder under the test's temporary directory, removed at exit. */
char *vp_test_make_dir (void);
/* A fresh database path in such a folder (the file does not exist yet). */
char *vp_test_db_path (void);
/* Opens a new empty store, home municipality "nijkerk", clock fixed at
 * 2024-03-01 09:00 UTC. */
VpStore *vp_test_store_new (void);
/* The same, for another home municipality ("Barneveld"). */
VpStore *vp_test_store_new_for (const char *municipality);
/* Inserts @record as its owner's database made it and an import brings
 * it: stamped now by its owner (the home municipality for a joint one),
 * the stamps kept. For fixtures that hold other municipalities' records,
 * which the store refuses to write in the home municipality's name. */
gboolean vp_test_insert_as_owner (VpStore *store, VpRecord *record, GError **error);
/* Sets @municipality's status of @action as its own database did (with a
 * history event when the status changes) and an import brings it: stamped
 * now by @municipality, the stamps kept. */
void vp_test_set_status_as (VpStore *store,
                            VpAction *action,
                            const char *municipality,
                            VpStatus status,
                            int achieved,
                            const char *note);
/* Changes fields of @record (pairs of property and value, ending in NULL)
 * as @municipality's database did and an import brings it. */
void vp_test_update_as (VpStore *store,
                        VpRecord *record,
                        const char *municipality,
                        const char *first_property,
                        ...) G_GNUC_NULL_TERMINATED;
void vp_test_break_inserts (const char *path, const char *table);
/* Adds a small plan: the three municipalities, Politie, a 2024 plan of
 * Nijkerk with two priorities (one joint with sub-themes A and B, one
 * local), four actions and a definition. Returns the plan. */
VpPlan *vp_test_add_small_plan (VpStore *store);
/* The whole database as text (every table's rows in order), to check that
 * a refused change left it as it was. */
char *vp_test_dump_file (const char *path);

/* The example plan's file (data/examples, via VEILIGHEIDSPLAN_EXAMPLES). */
char *vp_test_example_path (void);
/* The number of records of each type, for a test's log. */
char *vp_test_describe_counts (VpStore *store);
/* The database file as text without the rows of @tables (NULL-terminated,
 * or NULL for none). */
char *vp_test_dump_without (VpStore *store, const char *const *tables);
/* The change of @set for the record @uuid. */
VpChange *vp_test_find_change (VpChangeSet *set, const char *uuid);

G_END_DECLS
