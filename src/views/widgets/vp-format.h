/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store.h"

G_BEGIN_DECLS

char *vp_format_lead (VpStore *store, VpAction *action);
char *vp_format_priority (VpStore *store, VpPriority *priority);
char *vp_format_quarter (VpStore *store, VpAction *action);
char *vp_format_planned_quarter (VpStore *store, VpAction *action);
char *vp_format_origin (VpStore *store, VpAction *action);
char *vp_format_lead_and_origin (VpStore *store, VpAction *action);
char *vp_format_short_name (VpStore *store, const char *code);
const char *vp_format_status_sign (VpStatus status);

/* What a label may show of a text a person or a partner wrote. */
#define VP_FORMAT_DISPLAY_MAX_CHARS           500
#define VP_FORMAT_DISPLAY_MAX_PARAGRAPH_CHARS 5000

char *vp_format_display_text (const char *text);
char *vp_format_display_paragraphs (const char *text);

G_END_DECLS
