/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-definition"

#include "config.h"

#include "vp-definition.h"
#include "vp-plan.h"

/*
 * A term of the plan's definitions appendix.
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpDefinition
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpDefinition, vp_definition, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_SECTION,
  PROP_TERM,
  PROP_TEXT,
  PROP_POSITION,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_definition_class_init (VpDefinitionClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TERM] = g_param_spec_string ("term", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_POSITION]
    = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "definition", properties, N_PROPS);
  record_class->parent_field = "plan";
  record_class->parent_type = VP_TYPE_PLAN;
}

static void
vp_definition_init (VpDefinition *self)
{
}

const char *
vp_definition_get_plan (VpDefinition *self)
{
  g_return_val_if_fail (VP_IS_DEFINITION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_PLAN);
}

const char *
vp_definition_get_term (VpDefinition *self)
{
  g_return_val_if_fail (VP_IS_DEFINITION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TERM);
}

const char *
vp_definition_get_text (VpDefinition *self)
{
  g_return_val_if_fail (VP_IS_DEFINITION (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TEXT);
}
