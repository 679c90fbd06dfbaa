/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "model/vp-model.h"

G_BEGIN_DECLS

gboolean vp_field_check_text (GType type, const char *field, const char *text, GError **error);
gboolean vp_field_check_number (const char *field, gint64 number, GError **error);
gboolean vp_field_check_line (const char *text, GError **error);
gboolean vp_field_check_record (VpRecord *record, GError **error);

G_END_DECLS
