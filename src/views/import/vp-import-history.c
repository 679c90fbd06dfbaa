/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-import-history"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-exchange.h"
#include "vp-import-history.h"

/*
 * The import log, for people: from whom each file came, when it was
 * imported and written, and what it changed. An import that was undone
 * is not in it.
 */

struct _VpImportHistory
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkListBox *list;

  /* owned */
  VpStore *store;
};

G_DEFINE_FINAL_TYPE (VpImportHistory, vp_import_history, ADW_TYPE_WINDOW)

static void
append_part (GString *text, guint n, char *part)
{
  if (n > 0)
    {
      if (text->len > 0)
        /* Translators: between the parts of a summary: "3 added, 2 updated" */
        g_string_append (text, _ (", "));
      g_string_append (text, part);
    }
  g_free (part);
}

static char *
describe_counts (const VpImportEntry *entry)
{
  const guint *n = entry->counts;
  g_autoptr (GString) text = g_string_new (NULL);

  /* Translators: parts of the summary of an import: "3 added, 2 updated" */
  append_part (
    text, n[VP_IMPORT_ADDED],
    g_strdup_printf (ngettext ("%u added", "%u added", n[VP_IMPORT_ADDED]), n[VP_IMPORT_ADDED]));
  append_part (text, n[VP_IMPORT_UPDATED],
               g_strdup_printf (ngettext ("%u updated", "%u updated", n[VP_IMPORT_UPDATED]),
                                n[VP_IMPORT_UPDATED]));
  append_part (text, n[VP_IMPORT_DELETED],
               g_strdup_printf (ngettext ("%u deleted", "%u deleted", n[VP_IMPORT_DELETED]),
                                n[VP_IMPORT_DELETED]));
  append_part (text, n[VP_IMPORT_CONFLICTS],
               g_strdup_printf (ngettext ("%u conflict", "%u conflicts", n[VP_IMPORT_CONFLICTS]),
                                n[VP_IMPORT_CONFLICTS]));
  append_part (text, n[VP_IMPORT_REFUSED],
               g_strdup_printf (ngettext ("%u refused", "%u refused", n[VP_IMPORT_REFUSED]),
                                n[VP_IMPORT_REFUSED]));
  if (text->len == 0)
    /* Translators: an import that changed nothing */
    return g_strdup (_ ("Nothing new"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
row_new (VpImportHistory *self, const VpImportEntry *entry)
{
  VpOrganisation *partner = vp_store_lookup_organisation (self->store, entry->partner);
  g_autofree char *imported = vp_exchange_format_time (entry->imported_at);
  g_autofree char *exported = vp_exchange_format_time (entry->exported_at);
  g_autofree char *counts = describe_counts (entry);
  /* Translators: an import in the history: the partner, and when it was imported */
  g_autofree char *title = g_strdup_printf (
    _ ("%s, %s"), partner != NULL ? vp_organisation_get_name (partner) : entry->partner, imported);
  /* Translators: what an import changed; the file's name; when the file was written */
  g_autofree char *subtitle
    = g_strdup_printf (_ ("%s\n%s, exported %s"), counts, entry->file_name, exported);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

static void
fill (VpImportHistory *self)
{
  g_autoptr (GPtrArray) entries = vp_store_list_imports (self->store);

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, row_new (self, g_ptr_array_index (entries, i)));
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
}

static void
vp_import_history_dispose (GObject *object)
{
  VpImportHistory *self = VP_IMPORT_HISTORY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_IMPORT_HISTORY);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_import_history_parent_class)->dispose (object);
}

static void
vp_import_history_class_init (VpImportHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* a screen reader announces it as a dialog, not a filler */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->dispose = vp_import_history_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-import-history.ui");
  gtk_widget_class_bind_template_child (widget_class, VpImportHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, VpImportHistory, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_import_history_init (VpImportHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vp_import_history_new:
 *
 * Returns: (transfer floating): a window listing the imports into @store,
 *   newest first
 */
GtkWidget *
vp_import_history_new (GtkWindow *parent, VpStore *store)
{
  VpImportHistory *self = g_object_new (VP_TYPE_IMPORT_HISTORY, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  fill (self);
  return GTK_WIDGET (self);
}
