/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

/* libFuzzer's entry point; tests/fuzz/replay.c calls it in normal builds. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A store of Barneveld that holds the example plan, as imported from
 * Nijkerk, its clock at FUZZ_NOW: the first call imports the example into
 * a template database, every call opens a fresh copy of it. */
VpStore *vp_fuzz_store_new (void);
/* The database file as text: every table, or all but the import log. */
char *vp_fuzz_dump (VpStore *store, gboolean without_log);
/* Criticals and warnings abort: they are findings too. */
void vp_fuzz_init (void);

G_END_DECLS
