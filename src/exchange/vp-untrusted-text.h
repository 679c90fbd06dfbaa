/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean vp_untrusted_text_is_control (gunichar c);
char *vp_untrusted_text_for_terminal (const char *text);

G_END_DECLS
