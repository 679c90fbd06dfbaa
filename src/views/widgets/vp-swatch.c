/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-swatch"

#include "config.h"

#include "vp-swatch.h"

/* A priority's colour as a rounded block; its size comes from CSS
 * (min-width, min-height), so it serves as a dot or a strip. */

struct _VpSwatch
{
  GtkWidget parent_instance;

  GdkRGBA colour;
};

G_DEFINE_FINAL_TYPE (VpSwatch, vp_swatch, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_swatch_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  VpSwatch *self = VP_SWATCH (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float radius = MIN (width, height) / 2.f;
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->colour, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
vp_swatch_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLOUR:
      vp_swatch_set_colour (VP_SWATCH (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_swatch_class_init (VpSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = vp_swatch_set_property;
  widget_class->snapshot = vp_swatch_snapshot;

  properties[PROP_COLOUR]
    = g_param_spec_string ("colour", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
vp_swatch_init (VpSwatch *self)
{
  gdk_rgba_parse (&self->colour, "#3584e4");
}

/**
 * vp_swatch_set_colour:
 * @colour: (nullable): "#rrggbb"; %NULL or an unreadable one is grey
 */
void
vp_swatch_set_colour (VpSwatch *self, const char *colour)
{
  GdkRGBA rgba;

  g_return_if_fail (VP_IS_SWATCH (self));
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  if (gdk_rgba_equal (&rgba, &self->colour))
    return;
  self->colour = rgba;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
