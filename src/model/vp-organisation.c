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
  PROP_SHORT_NAME,
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
  /* "" when not chosen: see vp_organisation_dup_short_name() */
  properties[PROP_SHORT_NAME]
    = g_param_spec_string ("short-name", NULL, NULL, NULL, VP_FIELD_FLAGS);

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

/**
 * vp_organisation_get_short_name:
 * @self: an organisation
 *
 * Returns: the short name chosen for badges and columns ("OM"), or "" when
 *   none was chosen; vp_rules_short_name() derives one then.
 */
const char *
vp_organisation_get_short_name (VpOrganisation *self)
{
  const char *short_name;

  g_return_val_if_fail (VP_IS_ORGANISATION (self), "");
  short_name = vp_record_string_field (VP_RECORD (self), PROP_SHORT_NAME);
  return short_name != NULL ? short_name : "";
}
