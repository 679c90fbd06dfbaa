/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

extern const GOptionEntry vp_cli_option_entries[];

int vp_cli_run (GVariantDict *options);

G_END_DECLS
