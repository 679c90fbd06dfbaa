/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What vp_yardsticks_measure() takes. */
typedef enum
{
  VP_YARDSTICK_STARTUP = 1 << 0,
  VP_YARDSTICK_MEMORY = 1 << 1,
  VP_YARDSTICK_IMPORT = 1 << 2,
  VP_YARDSTICK_EXPORT = 1 << 3,
} VpYardsticks;

void vp_yardsticks_init (guint rounds, const char *dir);
const char *vp_yardsticks_program (void);
gboolean vp_yardsticks_available (void);
void vp_yardsticks_measure (guint n,
                            const char *database,
                            const char *exchange_file,
                            VpYardsticks which);
void vp_yardsticks_print (void);

G_END_DECLS
