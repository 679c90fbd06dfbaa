/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-plan-rules.h"
#include "store/vp-store-organisations.h"
#include "vp-home-dialog.h"
#include "vp-organisations-page.h"

/*
 * Preferences, "Organisations": the home municipality (with a button to
 * choose it), and the municipalities and partner organisations (Politie,
 * Openbaar Ministerie, a welfare foundation) that lead actions or take part
 * in plans: added, renamed with a short name for badges and columns, and
 * removed when nothing refers to them (else the reason says what does).
 */

struct _VpOrganisationsPage
{
  AdwPreferencesPage parent_instance;

  VpStore *store;
  AdwActionRow *home_row;
  AdwPreferencesGroup *list_group;
  GtkLabel *message;
  /* the rows shown in list_group, to remove on a rebuild */
  GPtrArray *rows;
  AdwEntryRow *add_municipality;
  AdwEntryRow *add_partner;
};

G_DEFINE_FINAL_TYPE (VpOrganisationsPage, vp_organisations_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (VpOrganisationsPage *self);

static void
say (VpOrganisationsPage *self, const char *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
update_home (VpOrganisationsPage *self)
{
  const char *name = vp_store_get_home_municipality_name (self->store);
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : _ ("Not chosen yet"), -1);

  adw_action_row_set_subtitle (self->home_row, escaped);
}

static void
on_choose_home_clicked_cb (VpOrganisationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (
    GTK_WINDOW (vp_home_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store)));
}

/**
 * vp_organisations_page_add:
 * @name: the organisation's name, "Openbaar Ministerie"
 * @kind: a municipality or a partner
 *
 * Adds an organisation; its code is made from its name.
 *
 * Returns: %TRUE when added, else %FALSE with @error set and nothing written
 */
gboolean
vp_organisations_page_add (VpOrganisationsPage *self,
                           const char *name,
                           VpOrganisationKind kind,
                           GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *code = vp_make_code (stripped);
  g_autoptr (VpRecord) organisation = NULL;

  if (*code == '\0')
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("Type the organisation’s name, with at least one letter or digit."));
      return FALSE;
    }
  if (vp_store_lookup_organisation (self->store, code) != NULL)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, _ ("%s is there already."),
                   vp_organisation_get_name (vp_store_lookup_organisation (self->store, code)));
      return FALSE;
    }
  organisation
    = g_object_new (VP_TYPE_ORGANISATION, "code", code, "name", stripped, "kind", kind, NULL);
  vp_store_set_undo_label (self->store, _ ("Add organisation"));
  return vp_store_insert (self->store, organisation, VP_STORE_WRITE_DEFAULT, error);
}

static void
add_from_row (VpOrganisationsPage *self, AdwEntryRow *row, VpOrganisationKind kind)
{
  g_autoptr (GError) error = NULL;

  if (!vp_organisations_page_add (self, gtk_editable_get_text (GTK_EDITABLE (row)), kind, &error))
    {
      say (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  say (self, NULL);
}

static void
on_add_municipality_cb (VpOrganisationsPage *self)
{
  add_from_row (self, self->add_municipality, VP_ORGANISATION_KIND_MUNICIPALITY);
}

static void
on_add_partner_cb (VpOrganisationsPage *self)
{
  add_from_row (self, self->add_partner, VP_ORGANISATION_KIND_PARTNER);
}

static void
on_remove_clicked_cb (GtkButton *button, VpOrganisationsPage *self)
{
  VpOrganisation *organisation = g_object_get_data (G_OBJECT (button), "organisation");
  g_autoptr (GError) error = NULL;

  if (!vp_store_remove_organisation (self->store, organisation, &error))
    {
      /* Translators: a refused removal; the reason follows */
      g_autofree char *text = g_strdup_printf (_ ("Not removed: %s"), error->message);

      say (self, text);
      return;
    }
  say (self, NULL);
}

/* The expander's entries are written when one of them is applied. */
static void
on_rename_applied_cb (AdwEntryRow *entry, VpOrganisationsPage *self)
{
  VpOrganisation *organisation = g_object_get_data (G_OBJECT (entry), "organisation");
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  if (g_str_equal (field, "name") && *text == '\0')
    {
      say (self, _ ("An organisation needs a name."));
      return;
    }
  vp_store_set_undo_label (self->store, _ ("Rename organisation"));
  if (!vp_store_update (self->store, VP_RECORD (organisation), &error, field, text, NULL))
    say (self, error->message);
  else
    say (self, NULL);
}

static GtkWidget *
make_entry (VpOrganisationsPage *self,
            VpOrganisation *organisation,
            const char *title,
            const char *field,
            const char *value)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), value);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data_full (G_OBJECT (entry), "organisation", g_object_ref (organisation),
                          g_object_unref);
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect_object (entry, "apply", G_CALLBACK (on_rename_applied_cb), self, 0);
  return entry;
}

static GtkWidget *
make_row (VpOrganisationsPage *self, VpOrganisation *organisation)
{
  GListModel *organisations = vp_store_get_records (self->store, VP_TYPE_ORGANISATION);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *short_name = vp_plan_rules_short_name (organisations, organisation);
  g_autofree char *title = g_markup_escape_text (vp_organisation_get_name (organisation), -1);
  g_autofree char *subtitle = g_strdup_printf (
    /* Translators: an organisation's row: its kind and short name */
    _ ("%s · short name %s"),
    vp_organisation_get_kind (organisation) == VP_ORGANISATION_KIND_MUNICIPALITY
      ? _ ("Municipality")
      : _ ("Partner organisation"),
    short_name);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove"));
  g_object_set_data_full (G_OBJECT (remove), "organisation", g_object_ref (organisation),
                          g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  adw_expander_row_add_row (
    ADW_EXPANDER_ROW (row),
    make_entry (self, organisation, _ ("Name"), "name", vp_organisation_get_name (organisation)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry (self, organisation, _ ("Short name"), "short-name",
                                        vp_organisation_get_short_name (organisation)));
  return row;
}

static void
rebuild (VpOrganisationsPage *self)
{
  GListModel *organisations = vp_store_get_records (self->store, VP_TYPE_ORGANISATION);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (VpOrganisation) organisation = g_list_model_get_item (organisations, i);
      GtkWidget *row = make_row (self, organisation);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static AdwEntryRow *
make_add_row (VpOrganisationsPage *self,
              AdwPreferencesGroup *group,
              const char *title,
              GCallback callback)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", callback, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", callback, self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
build (VpOrganisationsPage *self)
{
  GtkWidget *home_group = adw_preferences_group_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_ ("_Choose…"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _ ("Organisations"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (home_group), _ ("Your Municipality"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (home_group),
    _ ("The municipality this plan database belongs to: it sets its own statuses and edits its "
       "own plans."));
  self->home_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->home_row), _ ("Municipality"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_object (choose, "clicked", G_CALLBACK (on_choose_home_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->home_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (home_group), GTK_WIDGET (self->home_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (home_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _ ("Add"));
  self->add_municipality
    = make_add_row (self, ADW_PREFERENCES_GROUP (add_group), _ ("Add a municipality"),
                    G_CALLBACK (on_add_municipality_cb));
  self->add_partner
    = make_add_row (self, ADW_PREFERENCES_GROUP (add_group), _ ("Add a partner organisation"),
                    G_CALLBACK (on_add_partner_cb));
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->message));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (add_group));

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _ ("Municipalities and Partners"));
  adw_preferences_group_set_description (
    self->list_group, _ ("The short name shows in badges and columns; leave it empty for one "
                         "made from the name."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->list_group);
}

static void
vp_organisations_page_dispose (GObject *object)
{
  VpOrganisationsPage *self = VP_ORGANISATIONS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vp_organisations_page_parent_class)->dispose (object);
}

static void
vp_organisations_page_class_init (VpOrganisationsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vp_organisations_page_dispose;
}

static void
vp_organisations_page_init (VpOrganisationsPage *self)
{
  self->rows = g_ptr_array_new ();
}

/**
 * vp_organisations_page_new:
 *
 * Returns: (transfer floating): the Organisations page of Preferences
 */
GtkWidget *
vp_organisations_page_new (VpStore *store)
{
  VpOrganisationsPage *self = g_object_new (VP_TYPE_ORGANISATIONS_PAGE, NULL);
  GListModel *organisations = vp_store_get_records (store, VP_TYPE_ORGANISATION);

  self->store = g_object_ref (store);
  build (self);
  update_home (self);
  rebuild (self);
  g_signal_connect_object (store, "notify::home-municipality", G_CALLBACK (update_home), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (organisations, "items-changed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  /* a rename shows in the row's title and subtitle */
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (GObject) organisation = g_list_model_get_item (organisations, i);

      g_signal_connect_object (organisation, "notify", G_CALLBACK (rebuild), self,
                               G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
}
