/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-home-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-home-dialog.h"

/*
 * Asked once, on first use: which municipality this database belongs to.
 * The board and the statuses show the world from there.
 */

struct _VpHomeDialog
{
  AdwMessageDialog parent_instance;

  /* template widgets */
  GtkCheckButton *nijkerk;
  GtkCheckButton *barneveld;
  GtkCheckButton *scherpenzeel;
  GtkCheckButton *other;
  GtkEntry *other_name;

  /* owned */
  VpStore *store;
};

G_DEFINE_FINAL_TYPE (VpHomeDialog, vp_home_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_response (VpHomeDialog *self)
{
  g_autofree char *choice = vp_home_dialog_dup_choice (self);
  g_autofree char *code = vp_make_code (choice != NULL ? choice : "");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue", *code != '\0');
}

static void
on_choice_toggled_cb (VpHomeDialog *self)
{
  if (gtk_check_button_get_active (self->other))
    gtk_widget_grab_focus (GTK_WIDGET (self->other_name));
  update_response (self);
}

static void
on_other_name_changed_cb (VpHomeDialog *self)
{
  if (gtk_entry_get_text_length (self->other_name) > 0)
    gtk_check_button_set_active (self->other, TRUE);
  update_response (self);
}

static void
vp_home_dialog_response (AdwMessageDialog *dialog, const char *response)
{
  VpHomeDialog *self = VP_HOME_DIALOG (dialog);
  g_autofree char *choice = vp_home_dialog_dup_choice (self);
  g_autoptr (GError) error = NULL;

  /* Closed without an answer: asked again next time. */
  if (g_strcmp0 (response, "continue") != 0 || choice == NULL)
    return;
  if (!vp_store_set_home_municipality (self->store, choice, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      GtkWidget *message
        = adw_message_dialog_new (parent, _ ("The Municipality Was Not Saved"), NULL);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (message), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
vp_home_dialog_dispose (GObject *object)
{
  VpHomeDialog *self = VP_HOME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_HOME_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_home_dialog_parent_class)->dispose (object);
}

static void
vp_home_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpHomeDialog *self = VP_HOME_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_home_dialog_class_init (VpHomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = vp_home_dialog_dispose;
  object_class->set_property = vp_home_dialog_set_property;
  dialog_class->response = vp_home_dialog_response;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-home-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpHomeDialog, nijkerk);
  gtk_widget_class_bind_template_child (widget_class, VpHomeDialog, barneveld);
  gtk_widget_class_bind_template_child (widget_class, VpHomeDialog, scherpenzeel);
  gtk_widget_class_bind_template_child (widget_class, VpHomeDialog, other);
  gtk_widget_class_bind_template_child (widget_class, VpHomeDialog, other_name);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_other_name_changed_cb);
}

static void
vp_home_dialog_init (VpHomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_response (self);
}

/**
 * vp_home_dialog_new:
 * @store: the database whose home municipality to set
 *
 * Returns: (transfer none): a new modal dialog over @parent
 */
GtkWidget *
vp_home_dialog_new (GtkWindow *parent, VpStore *store)
{
  return g_object_new (VP_TYPE_HOME_DIALOG, "transient-for", parent, "store", store, NULL);
}

/**
 * vp_home_dialog_dup_choice:
 *
 * Returns: (transfer full) (nullable): the name chosen or typed
 */
char *
vp_home_dialog_dup_choice (VpHomeDialog *self)
{
  GtkCheckButton *fixed[] = { self->nijkerk, self->barneveld, self->scherpenzeel };

  for (gsize i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      if (gtk_check_button_get_active (fixed[i]))
        return g_strdup (gtk_check_button_get_label (fixed[i]));
    }
  if (gtk_check_button_get_active (self->other))
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_name))));
  return NULL;
}
