/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-subtheme"

#include "config.h"

#include "vp-subtheme.h"
#include "vp-priority.h"

/*
 * A sub-theme of a priority (Ondermijning: A drugs, B human trafficking, …).
 *
 * The fields are kept by VpRecord; see vp-record.c.
 */

struct _VpSubtheme
{
  VpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (VpSubtheme, vp_subtheme, VP_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PRIORITY,
  PROP_LETTER,
  PROP_TITLE,
  PROP_AMBITION,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_subtheme_class_init (VpSubthemeClass *klass)
{
  VpRecordClass *record_class = VP_RECORD_CLASS (klass);

  properties[PROP_PRIORITY] = g_param_spec_string ("priority", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_LETTER] = g_param_spec_string ("letter", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_AMBITION] = g_param_spec_string ("ambition", NULL, NULL, NULL, VP_FIELD_FLAGS);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, VP_FIELD_FLAGS);

  vp_record_class_install_fields (record_class, "subtheme", properties, N_PROPS);
  record_class->parent_field = "priority";
  record_class->parent_type = VP_TYPE_PRIORITY;
}

static void
vp_subtheme_init (VpSubtheme *self)
{
}

const char *
vp_subtheme_get_priority (VpSubtheme *self)
{
  g_return_val_if_fail (VP_IS_SUBTHEME (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_PRIORITY);
}

const char *
vp_subtheme_get_letter (VpSubtheme *self)
{
  g_return_val_if_fail (VP_IS_SUBTHEME (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_LETTER);
}

const char *
vp_subtheme_get_title (VpSubtheme *self)
{
  g_return_val_if_fail (VP_IS_SUBTHEME (self), 0);
  return vp_record_string_field (VP_RECORD (self), PROP_TITLE);
}
