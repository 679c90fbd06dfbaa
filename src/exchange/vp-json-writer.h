/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes JSON the one way our exchange files look: two-space indentation,
 * "key": value, one member or element a line, UTF-8 as is. */
typedef struct _VpJsonWriter VpJsonWriter;

VpJsonWriter *vp_json_writer_new (void);
char *vp_json_writer_free_to_string (VpJsonWriter *self);

void vp_json_writer_begin_object (VpJsonWriter *self);
void vp_json_writer_end_object (VpJsonWriter *self);
void vp_json_writer_begin_array (VpJsonWriter *self);
void vp_json_writer_end_array (VpJsonWriter *self);
/* In an object: the next member's key. In an array: nothing, the next
 * value is the next element. */
void vp_json_writer_key (VpJsonWriter *self, const char *key);
void vp_json_writer_string (VpJsonWriter *self, const char *value);
void vp_json_writer_int (VpJsonWriter *self, gint64 value);
void vp_json_writer_null (VpJsonWriter *self);

G_END_DECLS
