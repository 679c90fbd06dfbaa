/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

gboolean
vp_store_check_organisation_unused (VpStore *self, VpOrganisation *organisation, GError **error);
gboolean vp_store_remove_organisation (VpStore *self, VpOrganisation *organisation, GError **error);

G_END_DECLS
