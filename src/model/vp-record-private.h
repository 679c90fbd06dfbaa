/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-record.h"

G_BEGIN_DECLS

/* For the store only: fill a record as it is read from the database,
 * without notifications. */
GValue *vp_record_peek_values (VpRecord *self);
void vp_record_set_identity (VpRecord *self,
                             const char *uuid,
                             const char *modified_at,
                             const char *modified_by);
void vp_record_load_string (VpRecord *self, guint index, const char *text);

G_END_DECLS
