/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-action-status"

#include "config.h"

#include "vp-action-status.h"
#include "vp-action.h"

/*
 * The status of an action as one municipality keeps it. An action without
 * one for a municipality is planned there.
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpActionStatus
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpActionStatus, vp_action_status, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_ACTION,
  PROP_MUNICIPALITY,
  PROP_STATUS,
  PROP_ACHIEVED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_action_status_class_init (VpActionStatusClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_MUNICIPALITY]
    = g_param_spec_string ("municipality", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_STATUS]
    = g_param_spec_enum ("status", NULL, NULL, VP_TYPE_STATUS, 0, VP_FIELD_FLAGS);
  properties[PROP_ACHIEVED]
    = g_param_spec_int ("achieved", NULL, NULL, 0, G_MAXINT, 0, VP_FIELD_FLAGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "action_status", properties, N_PROPS);
  record_class->parent_field = "action";
  record_class->parent_type = VP_TYPE_ACTION;
}

static void
vp_action_status_init (VpActionStatus *self)
{
}

const char *
vp_action_status_get_action (VpActionStatus *self)
{
  g_return_val_if_fail (VP_IS_ACTION_STATUS (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_ACTION);
}

const char *
vp_action_status_get_municipality (VpActionStatus *self)
{
  g_return_val_if_fail (VP_IS_ACTION_STATUS (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_MUNICIPALITY);
}

VpStatus
vp_action_status_get_status (VpActionStatus *self)
{
  g_return_val_if_fail (VP_IS_ACTION_STATUS (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_STATUS);
}

int
vp_action_status_get_achieved (VpActionStatus *self)
{
  g_return_val_if_fail (VP_IS_ACTION_STATUS (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_ACHIEVED);
}

const char *
vp_action_status_get_note (VpActionStatus *self)
{
  g_return_val_if_fail (VP_IS_ACTION_STATUS (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_NOTE);
}
