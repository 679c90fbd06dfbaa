/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-enums.h"
#include "vp-record.h"

G_BEGIN_DECLS

#define VP_TYPE_ORGANISATION (vp_organisation_get_type ())

G_DECLARE_FINAL_TYPE (VpOrganisation, vp_organisation, VP, ORGANISATION, VpRecord)

const char *vp_organisation_get_code (VpOrganisation *self);
const char *vp_organisation_get_name (VpOrganisation *self);
VpOrganisationKind vp_organisation_get_kind (VpOrganisation *self);
const char *vp_organisation_get_short_name (VpOrganisation *self);

G_END_DECLS
