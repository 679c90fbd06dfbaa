/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VP_TYPE_APPLICATION (vp_application_get_type ())

G_DECLARE_FINAL_TYPE (VpApplication, vp_application, VP, APPLICATION, AdwApplication)

void vp_application_init_i18n (void);
char *vp_application_get_prefix (void);
char *vp_application_get_help_file (void);
VpApplication *vp_application_new (void);

G_END_DECLS
