/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-organisation"

#include "config.h"

#include "vp-organisation.h"

/*
 * An organisation: a municipality of the coalition or a partner (police, OM, …).
 * Other records refer to it by its code (`nijkerk`).
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpOrganisation
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpOrganisation, vp_organisation, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_organisation_class_init (VpOrganisationClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_KIND]
    = g_param_spec_enum ("kind", NULL, NULL, VP_TYPE_ORGANISATION_KIND, 0, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "organisation", properties, N_PROPS);
}

static void
vp_organisation_init (VpOrganisation *self)
{
}

const char *
vp_organisation_get_code (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_CODE);
}

const char *
vp_organisation_get_name (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_NAME);
}

VpOrganisationKind
vp_organisation_get_kind (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_KIND);
}
