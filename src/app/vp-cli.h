/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

extern const GOptionEntry vp_cli_option_entries[];

int vp_cli_run (GVariantDict *options);

/* vp-cli-edit.c */
gboolean vp_cli_wants_edits (GVariantDict *options);
gboolean vp_cli_edit (VpStore *store, GVariantDict *options);

/* vp-cli-backup.c */
int vp_cli_run_backups (GVariantDict *options);
/* vp-cli-report.c */
gboolean vp_cli_wants_report (GVariantDict *options);
gboolean vp_cli_report (VpStore *store, GVariantDict *options);

G_END_DECLS
