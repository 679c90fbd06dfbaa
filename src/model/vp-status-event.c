/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-status-event"

#include "config.h"

#include "vp-status-event.h"
#include "vp-action.h"

/*
 * One entry of an action's history: a status change ("planned" to
 * "in-progress") or a quarter move ("2024-Q2" to "2024-Q3"), by whom
 * (modified-by) and when (modified-at).
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpStatusEvent
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpStatusEvent, vp_status_event, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_ACTION,
  PROP_MUNICIPALITY,
  PROP_KIND,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_status_event_class_init (VpStatusEventClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_MUNICIPALITY]
    = g_param_spec_string ("municipality", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_KIND]
    = g_param_spec_enum ("kind", NULL, NULL, VP_TYPE_EVENT_KIND, 0, VP_FIELD_FLAGS);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "status_event", properties, N_PROPS);
  record_class->parent_field = "action";
  record_class->parent_type = VP_TYPE_ACTION;
}

static void
vp_status_event_init (VpStatusEvent *self)
{
}

const char *
vp_status_event_get_action (VpStatusEvent *self)
{
  g_return_val_if_fail (VP_IS_STATUS_EVENT (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_ACTION);
}

const char *
vp_status_event_get_municipality (VpStatusEvent *self)
{
  g_return_val_if_fail (VP_IS_STATUS_EVENT (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_MUNICIPALITY);
}

const char *
vp_status_event_get_from (VpStatusEvent *self)
{
  g_return_val_if_fail (VP_IS_STATUS_EVENT (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_FROM);
}

const char *
vp_status_event_get_to (VpStatusEvent *self)
{
  g_return_val_if_fail (VP_IS_STATUS_EVENT (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TO);
}

VpEventKind
vp_status_event_get_kind (VpStatusEvent *self)
{
  g_return_val_if_fail (VP_IS_STATUS_EVENT (self), 0);
  return vp_record_int_field (VP_RECORD (self), PROP_KIND);
}
