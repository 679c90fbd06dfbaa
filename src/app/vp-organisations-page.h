/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_ORGANISATIONS_PAGE (vp_organisations_page_get_type ())

G_DECLARE_FINAL_TYPE (
  VpOrganisationsPage, vp_organisations_page, VP, ORGANISATIONS_PAGE, AdwPreferencesPage)

GtkWidget *vp_organisations_page_new (VpStore *store);
gboolean vp_organisations_page_add (VpOrganisationsPage *self,
                                    const char *name,
                                    VpOrganisationKind kind,
                                    GError **error);

G_END_DECLS
