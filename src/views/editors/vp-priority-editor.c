/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-priority-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-priority-editor.h"
#include "vp-combo-row.h"
#include "vp-swatch.h"

/*
 * Creates and edits a priority of the plan: its number (unique in the
 * plan), title, scope, ambition, portfolio holders, budget and colour. A
 * local priority belongs to the home municipality, a joint one to the
 * coalition; a change of scope takes the priority's own sub-themes and
 * goals along, in the same transaction.
 */

struct _VpPriorityEditor
{
  VpRecordEditor parent_instance;

  /* template widgets */
  AdwEntryRow *number_row;
  AdwEntryRow *title_row;
  AdwComboRow *scope_row;
  GtkWidget *number_error;
  GtkWidget *title_error;
  GtkWidget *scope_error;
  GtkTextBuffer *ambition_buffer;
  GtkTextBuffer *holders_buffer;
  AdwEntryRow *budget_row;
  GtkWidget *budget_error;
  GtkBox *colour_box;

  gboolean title_edited;
};

G_DEFINE_FINAL_TYPE (VpPriorityEditor, vp_priority_editor, VP_TYPE_RECORD_EDITOR)

/* Named colours of the GNOME palette, dark enough to show on white. */
static const struct
{
  const char *colour;
  const char *name;
} palette[] = {
  /* Translators: a colour a priority can have */
  { "#3584e4", N_ ("Blue") },
  /* Translators: a colour a priority can have */
  { "#2ec27e", N_ ("Green") },
  /* Translators: a colour a priority can have */
  { "#e5a50a", N_ ("Yellow") },
  /* Translators: a colour a priority can have */
  { "#ff7800", N_ ("Orange") },
  /* Translators: a colour a priority can have */
  { "#e01b24", N_ ("Red") },
  /* Translators: a colour a priority can have */
  { "#9141ac", N_ ("Purple") },
  /* Translators: a colour a priority can have */
  { "#986a44", N_ ("Brown") },
  /* Translators: a colour a priority can have */
  { "#77767b", N_ ("Grey") },
};

static const VpRecordEditorTexts texts = {
  .new_title = N_ ("New Priority"),
  .edit_title = N_ ("Edit Priority"),
  .delete_button = N_ ("_Delete Priority"),
  .delete_note = N_ ("Its sub-themes, goals and actions are deleted with it."),
  .added = N_ ("Priority added"),
  .saved = N_ ("Priority saved"),
  .deleted = N_ ("Priority deleted"),
  /* Translators: what Undo undoes */
  .add_undo = N_ ("Add priority"),
  /* Translators: what Undo undoes; also the tooltip of a priority's edit button */
  .edit_undo = N_ ("Edit priority"),
  /* Translators: what Undo undoes */
  .delete_undo = N_ ("Delete priority"),
  .not_saved = N_ ("The priority was not saved"),
  .not_deleted = N_ ("The priority was not deleted"),
  .gone = N_ ("This priority is no longer in the plan: it was deleted in the meantime."),
};

static VpPriority *
edited (VpPriorityEditor *self)
{
  return VP_PRIORITY (vp_record_editor_get_record (VP_RECORD_EDITOR (self)));
}

static VpStore *
get_store (VpPriorityEditor *self)
{
  return vp_record_editor_get_store (VP_RECORD_EDITOR (self));
}

static gboolean
in_plan (VpPriorityEditor *self, VpPriority *priority)
{
  VpPlan *plan = vp_record_editor_get_plan (VP_RECORD_EDITOR (self));

  return g_strcmp0 (vp_priority_get_plan (priority), vp_record_get_uuid (VP_RECORD (plan))) == 0;
}

/* The plan's priorities but the one edited, in number order. */
static GPtrArray *
list_others (VpPriorityEditor *self)
{
  GListModel *all = vp_store_get_records (get_store (self), VP_TYPE_PRIORITY);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (all, i);

      if (priority != edited (self) && in_plan (self, priority))
        g_ptr_array_add (others, g_steal_pointer (&priority));
    }
  return others;
}

static VpPriority *
find_numbered (GPtrArray *others, int number)
{
  for (guint i = 0; i < others->len; i++)
    {
      if (vp_priority_get_number (g_ptr_array_index (others, i)) == number)
        return g_ptr_array_index (others, i);
    }
  return NULL;
}

/* NULL when the number is fine, else what is wrong with it. */
static char *
check_number (VpPriorityEditor *self, int *number)
{
  g_autofree char *text = vp_record_editor_dup_text (self->number_row);
  g_autoptr (GPtrArray) others = NULL;
  VpPriority *other;
  guint64 value;

  *number = 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    return g_strdup (_ ("Enter a whole number, 1 or more."));
  *number = (int) value;
  others = list_others (self);
  other = find_numbered (others, *number);
  if (other == NULL)
    return NULL;
  /* Translators: %d is a priority's number, %s the title of the
   * priority that has that number already */
  return g_strdup_printf (_ ("Number %d is already taken by “%s”."), *number,
                          vp_priority_get_title (other));
}

static VpScope
chosen_scope (VpPriorityEditor *self)
{
  return adw_combo_row_get_selected (self->scope_row) == VP_SCOPE_LOCAL ? VP_SCOPE_LOCAL
                                                                        : VP_SCOPE_JOINT;
}

/* A local priority is the home municipality's: the plan must know it. */
static char *
check_scope (VpPriorityEditor *self)
{
  VpStore *store = get_store (self);
  const char *home = vp_store_get_home_municipality (store);
  const char *name = vp_store_get_home_municipality_name (store);

  if (chosen_scope (self) != VP_SCOPE_LOCAL || vp_store_lookup_organisation (store, home) != NULL)
    return NULL;
  /* Translators: %s is the home municipality's name */
  return g_strdup_printf (_ ("A local priority belongs to %s, which is not among the "
                             "organisations of this plan."),
                          name != NULL ? name : "—");
}

static const char *
owner_for (VpPriorityEditor *self, VpScope scope)
{
  return scope == VP_SCOPE_LOCAL ? vp_store_get_home_municipality (get_store (self)) : NULL;
}

static char **
read_holders (VpPriorityEditor *self)
{
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->holders_buffer);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (names, lines[i]);
    }
  return g_strv_builder_end (names);
}

static GtkWidget *
add_colour_toggle (VpPriorityEditor *self, const char *colour, const char *name)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->colour_box));
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "width-request", 20, "height-request", 20,
                                    "halign", GTK_ALIGN_CENTER, "valign", GTK_ALIGN_CENTER, NULL);

  vp_swatch_set_colour (VP_SWATCH (swatch), colour);
  gtk_button_set_child (GTK_BUTTON (toggle), swatch);
  gtk_widget_set_tooltip_text (toggle, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_add_css_class (toggle, "circular");
  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (first));
  g_object_set_data_full (G_OBJECT (toggle), "vp-colour", g_ascii_strdown (colour, -1), g_free);
  gtk_box_append (self->colour_box, toggle);
  return toggle;
}

static gboolean
in_palette (const char *colour)
{
  for (gsize i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      if (g_ascii_strcasecmp (palette[i].colour, colour) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A new priority gets the first colour no other priority has. */
static const char *
unused_colour (VpPriorityEditor *self)
{
  g_autoptr (GPtrArray) others = list_others (self);

  for (gsize i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < others->len && !used; j++)
        used = g_ascii_strcasecmp (vp_priority_get_colour (g_ptr_array_index (others, j)),
                                   palette[i].colour)
               == 0;
      if (!used)
        return palette[i].colour;
    }
  return palette[0].colour;
}

/* The palette, after the priority's own colour where that is another
 * (one an import brought). */
static void
show_colours (VpPriorityEditor *self, const char *colour)
{
  GtkWidget *toggle;

  if (!in_palette (colour))
    /* Translators: the tooltip and accessible name of the colour a
     * priority has now, where that is none of the palette's */
    add_colour_toggle (self, colour, _ ("Current colour"));
  for (gsize i = 0; i < G_N_ELEMENTS (palette); i++)
    add_colour_toggle (self, palette[i].colour, _ (palette[i].name));
  for (toggle = gtk_widget_get_first_child (GTK_WIDGET (self->colour_box)); toggle != NULL;
       toggle = gtk_widget_get_next_sibling (toggle))
    {
      if (g_ascii_strcasecmp (g_object_get_data (G_OBJECT (toggle), "vp-colour"), colour) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          return;
        }
    }
}

static const char *
chosen_colour (VpPriorityEditor *self)
{
  for (GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->colour_box));
       toggle != NULL; toggle = gtk_widget_get_next_sibling (toggle))
    {
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        return g_object_get_data (G_OBJECT (toggle), "vp-colour");
    }
  return NULL;
}

static void
load_scopes (VpPriorityEditor *self)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_SCOPE, VP_SCOPE_JOINT));
  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_SCOPE, VP_SCOPE_LOCAL));
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (choices));
  g_object_unref (choices);
}

static void
load_new (VpPriorityEditor *self)
{
  g_autoptr (GPtrArray) others = list_others (self);
  int highest = 0;
  g_autofree char *number = NULL;

  for (guint i = 0; i < others->len; i++)
    highest = MAX (highest, vp_priority_get_number (g_ptr_array_index (others, i)));
  number = g_strdup_printf ("%d", highest + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  adw_combo_row_set_selected (self->scope_row, VP_SCOPE_JOINT);
  show_colours (self, unused_colour (self));
}

static void
vp_priority_editor_load (VpRecordEditor *editor)
{
  VpPriorityEditor *self = VP_PRIORITY_EDITOR (editor);
  VpRecord *priority = VP_RECORD (edited (self));
  const char *const *holders;
  g_autofree char *number = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *joined = NULL;

  load_scopes (self);
  if (priority == NULL)
    {
      load_new (self);
      return;
    }
  number = g_strdup_printf ("%d", vp_record_get_int (priority, "number"));
  budget = vp_budget_format_plain (vp_record_get_int64 (priority, "budget-cents"));
  holders = vp_record_get_strv (priority, "portfolio-holders");
  joined = holders != NULL ? g_strjoinv ("\n", (char **) holders) : g_strdup ("");
  vp_record_editor_show_text (self->number_row, number);
  vp_record_editor_show_text (self->title_row, vp_record_get_string (priority, "title"));
  adw_combo_row_set_selected (self->scope_row, vp_record_get_int (priority, "scope"));
  vp_record_editor_show_text (self->ambition_buffer, vp_record_get_string (priority, "ambition"));
  vp_record_editor_show_text (self->holders_buffer, joined);
  vp_record_editor_show_text (self->budget_row, budget);
  show_colours (self, vp_priority_get_colour (VP_PRIORITY (priority)));
  self->title_edited = FALSE;
}

/* Faults show where they are typed; a new priority's empty title only
 * once someone typed in it. */
static gboolean
vp_priority_editor_validate (VpRecordEditor *editor)
{
  VpPriorityEditor *self = VP_PRIORITY_EDITOR (editor);
  int number;
  gint64 budget;
  g_autoptr (GError) budget_error = NULL;
  g_autofree char *number_fault = check_number (self, &number);
  g_autofree char *scope_fault = check_scope (self);
  g_autofree char *title = vp_record_editor_dup_text (self->title_row);
  g_autofree char *budget_text = vp_record_editor_dup_text (self->budget_row);
  gboolean has_title = *title != '\0';
  gboolean budget_ok = vp_budget_parse (budget_text, &budget, &budget_error);

  vp_record_editor_show_fault (GTK_WIDGET (self->number_row), self->number_error, number_fault);
  vp_record_editor_show_fault (GTK_WIDGET (self->title_row), self->title_error,
                               has_title || !self->title_edited ? NULL : _ ("Enter a title."));
  vp_record_editor_show_fault (GTK_WIDGET (self->scope_row), self->scope_error, scope_fault);
  vp_record_editor_show_fault (GTK_WIDGET (self->budget_row), self->budget_error,
                               budget_ok ? NULL : budget_error->message);
  return number_fault == NULL && scope_fault == NULL && has_title && budget_ok;
}

static VpRecord *
vp_priority_editor_build_draft (VpRecordEditor *editor)
{
  VpPriorityEditor *self = VP_PRIORITY_EDITOR (editor);
  VpPriority *priority = edited (self);
  VpScope scope = chosen_scope (self);
  g_autofree char *number_fault = NULL;
  g_autofree char *title = vp_record_editor_dup_text (self->title_row);
  g_autofree char *ambition = vp_record_editor_dup_buffer_text (self->ambition_buffer);
  g_autofree char *budget_text = vp_record_editor_dup_text (self->budget_row);
  g_auto (GStrv) holders = read_holders (self);
  int number;
  gint64 budget;
  VpRecord *draft;

  number_fault = check_number (self, &number);
  vp_budget_parse (budget_text, &budget, NULL);
  if (priority != NULL)
    draft = vp_record_copy (VP_RECORD (priority));
  else
    draft
      = g_object_new (VP_TYPE_PRIORITY, "plan",
                      vp_record_get_uuid (VP_RECORD (vp_record_editor_get_plan (editor))), NULL);
  if (priority == NULL || vp_record_get_int (VP_RECORD (priority), "scope") != (int) scope)
    g_object_set (draft, "scope", scope, "owner", owner_for (self, scope), NULL);
  g_object_set (draft, "number", number, "budget-cents", budget, "portfolio-holders", holders,
                NULL);
  if (chosen_colour (self) != NULL)
    g_object_set (draft, "colour", chosen_colour (self), NULL);
  vp_record_editor_set_text_field (draft, "title", title);
  vp_record_editor_set_text_field (draft, "ambition", ambition);
  return draft;
}

static gboolean
needs_owner (VpStore *store, VpRecord *record, const char *priority, const char *owner)
{
  const char *current = vp_record_get_string (record, "owner");

  return g_strcmp0 (vp_record_get_parent_uuid (record), priority) == 0
         && vp_record_editor_can_edit (store, record)
         && g_strcmp0 (current != NULL ? current : "", owner != NULL ? owner : "") != 0;
}

/* A priority that changes scope takes its own sub-themes and goals along:
 * they are the coalition's or the home municipality's as it is. */
static gboolean
vp_priority_editor_write_more (VpRecordEditor *editor, VpRecord *draft, GError **error)
{
  VpStore *store = vp_record_editor_get_store (editor);
  const char *uuid = vp_record_get_uuid (draft);
  const char *owner = vp_record_get_string (draft, "owner");
  const GType types[] = { VP_TYPE_SUBTHEME, VP_TYPE_GOAL };

  if (vp_record_editor_get_record (editor) == NULL)
    return TRUE;
  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *all = vp_store_get_records (store, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr (VpRecord) record = g_list_model_get_item (all, i);

          if (needs_owner (store, record, uuid, owner)
              && !vp_store_update (store, record, error, "owner", owner, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

static void
on_field_changed_cb (VpPriorityEditor *self)
{
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
on_title_changed_cb (VpPriorityEditor *self)
{
  self->title_edited = TRUE;
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
vp_priority_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VP_TYPE_PRIORITY_EDITOR);

  G_OBJECT_CLASS (vp_priority_editor_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-priority-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, number_error);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, scope_error);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, ambition_buffer);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, holders_buffer);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, budget_error);
  gtk_widget_class_bind_template_child (widget_class, VpPriorityEditor, colour_box);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
}

static void
vp_priority_editor_class_init (VpPriorityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VpRecordEditorClass *editor_class = VP_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = vp_priority_editor_dispose;
  editor_class->texts = &texts;
  editor_class->load = vp_priority_editor_load;
  editor_class->validate = vp_priority_editor_validate;
  editor_class->build_draft = vp_priority_editor_build_draft;
  editor_class->write_more = vp_priority_editor_write_more;

  g_type_ensure (VP_TYPE_SWATCH);
  bind_template (GTK_WIDGET_CLASS (klass));
}

static void
vp_priority_editor_init (VpPriorityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_row_show_full_text (self->scope_row);
}

/**
 * vp_priority_editor_new:
 * @parent: the window the editor belongs to
 * @store: the plan database
 * @plan: the plan the priority belongs to
 * @priority: (nullable): the priority to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new modal editor over @parent
 */
GtkWidget *
vp_priority_editor_new (GtkWindow *parent, VpStore *store, VpPlan *plan, VpPriority *priority)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (priority == NULL || VP_IS_PRIORITY (priority), NULL);

  return g_object_new (VP_TYPE_PRIORITY_EDITOR, "transient-for", parent, "store", store, "plan",
                       plan, "record", priority, NULL);
}
