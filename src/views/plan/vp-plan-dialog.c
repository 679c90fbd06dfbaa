/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "model/vp-record-private.h"
#include "rules/vp-plan-rules.h"
#include "vp-plan-dialog.h"

/*
 * New Plan… and Edit Plan…: a plan's title, years, owner (the home
 * municipality, or the coalition as a whole), participants, the framework
 * (IVP) it carries out, and its introduction. What is wrong shows at its
 * field (vp_plan_rules_validate()), and nothing is written until all is
 * right; then the plan, with any municipality added as a participant
 * here, is written in one transaction, one undo step.
 *
 * Signals: "saved" (VpPlan *plan, const char *message) after the commit.
 */

#define N_FIELDS (VP_PLAN_FIELD_FRAMEWORK + 1)

struct _VpPlanDialog
{
  AdwWindow parent_instance;

  VpStore *store;
  /* the plan edited, or NULL for a new one */
  VpPlan *plan;

  GtkWidget *save_button;
  AdwEntryRow *title_row;
  GtkSpinButton *first_year;
  GtkSpinButton *last_year;
  AdwComboRow *owner_row;
  AdwPreferencesGroup *participants_group;
  AdwEntryRow *add_participant_row;
  AdwEntryRow *framework_row;
  GtkSpinButton *framework_first;
  GtkSpinButton *framework_last;
  GtkTextView *intro;
  /* the plan's own budget, and what is wrong with it */
  AdwEntryRow *budget_row;
  GtkWidget *budget_error;
  /* per VpPlanField: the label that says what is wrong, and the row */
  GtkWidget *errors[N_FIELDS];
  GtkWidget *error_rows[N_FIELDS];
  /* GtkCheckButton per municipality code, in the participants group */
  GHashTable *participants;
  /* names of municipalities added here, written with the plan */
  GPtrArray *new_municipalities;
};

G_DEFINE_FINAL_TYPE (VpPlanDialog, vp_plan_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static AdwPreferencesGroup *
add_group (GtkBox *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkSpinButton *
add_year_row (AdwPreferencesGroup *group, const char *title, int year)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1900, 2200, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), year);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (spin), "row", row);
  return GTK_SPIN_BUTTON (spin);
}

static void
clear_errors (VpPlanDialog *self)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_set_visible (self->errors[i], FALSE);
      if (self->error_rows[i] != NULL)
        gtk_widget_remove_css_class (self->error_rows[i], "error");
    }
  gtk_widget_set_visible (self->budget_error, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->budget_row), "error");
}

static void
on_changed_cb (VpPlanDialog *self)
{
  clear_errors (self);
}

static GtkWidget *
add_participant_check (VpPlanDialog *self, const char *code, const char *name, gboolean active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->participants_group, row);
  g_hash_table_insert (self->participants, g_strdup (code), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  return check;
}

static gboolean
takes_part (VpPlanDialog *self, const char *code)
{
  const char *const *participants
    = self->plan != NULL ? vp_record_get_strv (VP_RECORD (self->plan), "participants") : NULL;

  if (self->plan == NULL)
    return g_strcmp0 (code, vp_store_get_home_municipality (self->store)) == 0;
  return participants != NULL && g_strv_contains (participants, code);
}

static void
fill_participants (VpPlanDialog *self)
{
  GListModel *organisations = vp_store_get_records (self->store, VP_TYPE_ORGANISATION);
  const char *home = vp_store_get_home_municipality (self->store);
  const char *home_name = vp_store_get_home_municipality_name (self->store);

  /* the home municipality, also before it is an organisation of the database */
  if (home != NULL && vp_store_lookup_organisation (self->store, home) == NULL)
    gtk_widget_set_sensitive (add_participant_check (self, home, home_name, TRUE), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (VpOrganisation) organisation = g_list_model_get_item (organisations, i);
      const char *code = vp_organisation_get_code (organisation);
      GtkWidget *check;

      if (vp_organisation_get_kind (organisation) != VP_ORGANISATION_KIND_MUNICIPALITY)
        continue;
      check = add_participant_check (self, code, vp_organisation_get_name (organisation),
                                     takes_part (self, code));
      /* the home municipality takes part in a plan it makes */
      if (self->plan == NULL && g_strcmp0 (code, home) == 0)
        gtk_widget_set_sensitive (check, FALSE);
    }
}

/* A municipality not yet known: a check row now, a record on saving. */
static void
on_add_participant_cb (VpPlanDialog *self)
{
  g_autofree char *name
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_participant_row))));
  g_autofree char *code = vp_make_code (name);

  if (*code == '\0' || g_hash_table_contains (self->participants, code))
    return;
  add_participant_check (self, code, name, TRUE);
  g_ptr_array_add (self->new_municipalities, g_steal_pointer (&name));
  gtk_editable_set_text (GTK_EDITABLE (self->add_participant_row), "");
  /* the entry row last, under the new one */
  adw_preferences_group_remove (self->participants_group, GTK_WIDGET (self->add_participant_row));
  adw_preferences_group_add (self->participants_group, GTK_WIDGET (self->add_participant_row));
}

static void
build_plan_groups (VpPlanDialog *self, GtkBox *box)
{
  AdwPreferencesGroup *group = add_group (box, _ ("Plan"), NULL);
  g_autoptr (GDateTime) now = vp_store_get_now (self->store);
  int year = self->plan != NULL ? vp_plan_get_first_year (self->plan) : g_date_time_get_year (now);

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _ ("Title"));
  adw_preferences_group_add (group, GTK_WIDGET (self->title_row));
  self->error_rows[VP_PLAN_FIELD_TITLE] = GTK_WIDGET (self->title_row);
  self->errors[VP_PLAN_FIELD_TITLE] = make_error_label ();
  adw_preferences_group_add (group, self->errors[VP_PLAN_FIELD_TITLE]);

  group = add_group (box, _ ("Years"), _ ("A plan covers one to four years, such as 2023–2024."));
  self->first_year = add_year_row (group, _ ("First year"), year);
  self->last_year = add_year_row (group, _ ("Last year"),
                                  self->plan != NULL ? vp_plan_get_last_year (self->plan) : year);
  self->error_rows[VP_PLAN_FIELD_YEARS] = g_object_get_data (G_OBJECT (self->last_year), "row");
  self->errors[VP_PLAN_FIELD_YEARS] = make_error_label ();
  adw_preferences_group_add (group, self->errors[VP_PLAN_FIELD_YEARS]);

  group = add_group (box, _ ("Budget"),
                     _ ("The plan’s own budget, besides its priorities’: in euros, such as "
                        "25,000 or 0.15; empty for none."));
  self->budget_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the plan's own budget; may stay empty */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->budget_row), _ ("Budget in euros"));
  adw_preferences_group_add (group, GTK_WIDGET (self->budget_row));
  self->budget_error = make_error_label ();
  adw_preferences_group_add (group, self->budget_error);
}

static void
build_owner_group (VpPlanDialog *self, GtkBox *box)
{
  AdwPreferencesGroup *group = add_group (
    box, _ ("Owner"),
    _ ("A plan of your municipality is changed by your municipality only; a plan of the "
       "coalition, such as a regional IVP, by every municipality taking part."));
  const char *home_name = vp_store_get_home_municipality_name (self->store);
  g_autofree char *mine = g_strdup_printf (_ ("%s (your municipality)"),
                                           home_name != NULL ? home_name : _ ("Not chosen yet"));
  const char *const choices[] = { mine, _ ("The coalition as a whole"), NULL };
  g_autoptr (GtkStringList) model = gtk_string_list_new (choices);

  self->owner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _ ("Owner"));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (model));
  if (self->plan != NULL && vp_plan_get_ownership (self->plan) == VP_PLAN_OWNERSHIP_COALITION)
    adw_combo_row_set_selected (self->owner_row, 1);
  adw_preferences_group_add (group, GTK_WIDGET (self->owner_row));
  self->error_rows[VP_PLAN_FIELD_OWNER] = GTK_WIDGET (self->owner_row);
  self->errors[VP_PLAN_FIELD_OWNER] = make_error_label ();
  adw_preferences_group_add (group, self->errors[VP_PLAN_FIELD_OWNER]);

  self->participants_group
    = add_group (box, _ ("Participants"), _ ("The municipalities of the coalition."));
  fill_participants (self);
  self->add_participant_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_participant_row),
                                 _ ("Add a municipality"));
  adw_entry_row_set_show_apply_button (self->add_participant_row, TRUE);
  g_signal_connect_object (self->add_participant_row, "apply", G_CALLBACK (on_add_participant_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_participant_row, "entry-activated",
                           G_CALLBACK (on_add_participant_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->participants_group, GTK_WIDGET (self->add_participant_row));
  self->errors[VP_PLAN_FIELD_PARTICIPANTS] = make_error_label ();
  adw_preferences_group_add (self->participants_group, self->errors[VP_PLAN_FIELD_PARTICIPANTS]);
}

static void
build_framework_group (VpPlanDialog *self, GtkBox *box, int year)
{
  AdwPreferencesGroup *group = add_group (
    box, _ ("Framework"), _ ("The multi-year integral safety plan (IVP) this plan carries out."));
  int first
    = self->plan != NULL ? vp_record_get_int (VP_RECORD (self->plan), "framework-first-year") : 0;
  int last
    = self->plan != NULL ? vp_record_get_int (VP_RECORD (self->plan), "framework-last-year") : 0;

  self->framework_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->framework_row), _ ("Framework title"));
  adw_preferences_group_add (group, GTK_WIDGET (self->framework_row));
  self->framework_first = add_year_row (group, _ ("Framework from"), first != 0 ? first : year);
  self->framework_last = add_year_row (group, _ ("Framework until"), last != 0 ? last : year + 3);
  self->error_rows[VP_PLAN_FIELD_FRAMEWORK] = NULL;
  self->errors[VP_PLAN_FIELD_FRAMEWORK] = make_error_label ();
  adw_preferences_group_add (group, self->errors[VP_PLAN_FIELD_FRAMEWORK]);
}

static void
build_intro_group (VpPlanDialog *self, GtkBox *box)
{
  AdwPreferencesGroup *group = add_group (box, _ ("Introduction"), NULL);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Introduction"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);
  self->intro = GTK_TEXT_VIEW (view);
}

static void
fill_from_plan (VpPlanDialog *self)
{
  const char *intro;

  if (self->plan == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), vp_plan_get_title (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->framework_row),
                         vp_record_get_string (VP_RECORD (self->plan), "framework-title"));
  {
    g_autofree char *budget
      = vp_budget_format_plain (vp_record_get_int64 (VP_RECORD (self->plan), "budget-cents"));

    gtk_editable_set_text (GTK_EDITABLE (self->budget_row), budget);
  }
  intro = vp_record_get_string (VP_RECORD (self->plan), "intro");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->intro), intro != NULL ? intro : "", -1);
}

static void
connect_changes (VpPlanDialog *self)
{
  GObject *editables[] = { G_OBJECT (self->title_row),       G_OBJECT (self->first_year),
                           G_OBJECT (self->last_year),       G_OBJECT (self->framework_row),
                           G_OBJECT (self->framework_first), G_OBJECT (self->framework_last),
                           G_OBJECT (self->budget_row) };

  for (gsize i = 0; i < G_N_ELEMENTS (editables); i++)
    g_signal_connect_object (editables[i], "changed", G_CALLBACK (on_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static char **
dup_participants (VpPlanDialog *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer code, check;
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->participants);
  while (g_hash_table_iter_next (&iter, &code, &check))
    {
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (codes, code);
    }
  g_ptr_array_sort (codes, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < codes->len; i++)
    g_strv_builder_add (builder, *(char **) &codes->pdata[i]);
  return g_strv_builder_end (builder);
}

static char *
dup_intro (VpPlanDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->intro);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The plan as the form has it, a new one or a copy of the one edited. */
static VpPlan *
make_draft (VpPlanDialog *self)
{
  VpRecord *draft = self->plan != NULL ? vp_record_copy (VP_RECORD (self->plan))
                                       : g_object_new (VP_TYPE_PLAN, NULL);
  g_autofree char *title
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *framework
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->framework_row))));
  g_auto (GStrv) participants = dup_participants (self);
  g_autofree char *intro = dup_intro (self);
  gboolean coalition = adw_combo_row_get_selected (self->owner_row) == 1;
  gboolean has_framework = *framework != '\0';
  gint64 budget = VP_BUDGET_NONE;

  /* checked before (check_budget()) */
  vp_budget_parse (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), &budget, NULL);
  g_object_set (draft, "budget-cents", budget, NULL);

  g_object_set (draft, "title", title, "first-year",
                gtk_spin_button_get_value_as_int (self->first_year), "last-year",
                gtk_spin_button_get_value_as_int (self->last_year), "ownership",
                coalition ? VP_PLAN_OWNERSHIP_COALITION : VP_PLAN_OWNERSHIP_MUNICIPALITY,
                "participants", participants, "framework-title", framework, "framework-first-year",
                has_framework ? gtk_spin_button_get_value_as_int (self->framework_first) : 0,
                "framework-last-year",
                has_framework ? gtk_spin_button_get_value_as_int (self->framework_last) : 0,
                "intro", intro, NULL);
  if (self->plan == NULL)
    g_object_set (draft, "owner", vp_store_get_home_municipality (self->store), NULL);
  return VP_PLAN (draft);
}

/* A budget that is no amount, or more than one can be, is said at its row. */
static gboolean
check_budget (VpPlanDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 budget;

  if (vp_budget_parse (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), &budget, &error))
    return TRUE;
  gtk_label_set_text (GTK_LABEL (self->budget_error), error->message);
  gtk_widget_set_visible (self->budget_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->budget_row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->budget_row));
  return FALSE;
}

static void
show_error (VpPlanDialog *self, const GError *error)
{
  int field = error->domain == VP_PLAN_RULES_ERROR && error->code >= 0 && error->code < N_FIELDS
                ? error->code
                : VP_PLAN_FIELD_OWNER;

  gtk_label_set_text (GTK_LABEL (self->errors[field]), error->message);
  gtk_widget_set_visible (self->errors[field], TRUE);
  if (self->error_rows[field] != NULL)
    {
      gtk_widget_add_css_class (self->error_rows[field], "error");
      gtk_widget_grab_focus (self->error_rows[field]);
    }
}

static gboolean
write_municipalities (VpPlanDialog *self, GError **error)
{
  const char *home_name = vp_store_get_home_municipality_name (self->store);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* the home municipality, which owns the plan, is an organisation too */
  if (home_name != NULL)
    g_ptr_array_add (names, (gpointer) home_name);
  g_ptr_array_extend (names, self->new_municipalities, NULL, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *code = vp_make_code (name);
      g_autoptr (VpRecord) organisation = NULL;

      if (vp_store_lookup_organisation (self->store, code) != NULL
          || !g_hash_table_add (written, g_strdup (code)))
        continue;
      organisation = g_object_new (VP_TYPE_ORGANISATION, "code", code, "name", name, "kind",
                                   VP_ORGANISATION_KIND_MUNICIPALITY, NULL);
      if (!vp_store_insert (self->store, organisation, VP_STORE_WRITE_DEFAULT, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  VpPlanDialog *self;
  VpPlan *draft;
} Save;

static gboolean
save_edit (VpStore *store, gpointer data, GError **error)
{
  VpPlanDialog *self = ((Save *) data)->self;
  VpPlan *draft = ((Save *) data)->draft;

  return write_municipalities (self, error)
         && (self->plan != NULL
               ? vp_store_replace (store, VP_RECORD (self->plan), VP_RECORD (draft),
                                   VP_STORE_WRITE_DEFAULT, error)
               : vp_store_insert (store, VP_RECORD (draft), VP_STORE_WRITE_DEFAULT, error));
}

static gboolean
write_plan (VpPlanDialog *self, VpPlan *draft, GError **error)
{
  Save save = { self, draft };

  return vp_store_run (self->store, self->plan != NULL ? _ ("Edit plan") : _ ("New plan"),
                       save_edit, &save, error);
}

/**
 * vp_plan_dialog_save:
 *
 * Checks the form and, if all is right, writes the plan and closes the
 * dialog; else shows what is wrong at its field and writes nothing.
 *
 * Returns: whether the plan was written
 */
gboolean
vp_plan_dialog_save (VpPlanDialog *self)
{
  g_autoptr (VpPlan) draft = make_draft (self);
  g_autoptr (GError) error = NULL;
  VpRecord *saved;
  g_autofree char *message = NULL;

  clear_errors (self);
  if (!check_budget (self))
    return FALSE;
  if (!vp_plan_rules_validate (draft, vp_store_get_records (self->store, VP_TYPE_PLAN), &error)
      || !vp_plan_rules_check_plan_write (self->plan, draft,
                                          vp_store_get_home_municipality (self->store), &error)
      || !write_plan (self, draft, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  saved = self->plan != NULL
            ? VP_RECORD (self->plan)
            : vp_store_lookup (self->store, vp_record_get_uuid (VP_RECORD (draft)));
  message = g_strdup_printf (self->plan != NULL ? _ ("“%s” saved") : _ ("“%s” made"),
                             vp_plan_get_title (VP_PLAN (saved)));
  g_signal_emit (self, signals[SAVED], 0, saved, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (VpPlanDialog *self)
{
  vp_plan_dialog_save (self);
}

static GtkWidget *
build_header (VpPlanDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  self->save_button
    = gtk_button_new_with_mnemonic (self->plan != NULL ? _ ("_Save") : _ ("C_reate"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return header;
}

static void
build (VpPlanDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autoptr (GDateTime) now = vp_store_get_now (self->store);

  gtk_window_set_title (GTK_WINDOW (self), self->plan != NULL ? _ ("Edit Plan") : _ ("New Plan"));
  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  build_plan_groups (self, GTK_BOX (box));
  build_owner_group (self, GTK_BOX (box));
  build_framework_group (self, GTK_BOX (box), g_date_time_get_year (now));
  build_intro_group (self, GTK_BOX (box));
  fill_from_plan (self);
  connect_changes (self);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
vp_plan_dialog_dispose (GObject *object)
{
  VpPlanDialog *self = VP_PLAN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->participants, g_hash_table_unref);
  g_clear_pointer (&self->new_municipalities, g_ptr_array_unref);
  G_OBJECT_CLASS (vp_plan_dialog_parent_class)->dispose (object);
}

static void
vp_plan_dialog_class_init (VpPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_plan_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, VP_TYPE_PLAN, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_plan_dialog_init (VpPlanDialog *self)
{
  self->participants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->new_municipalities = g_ptr_array_new_with_free_func (g_free);
}

/**
 * vp_plan_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @plan: (nullable): the plan to edit, %NULL for a new plan
 *
 * Returns: (transfer floating): a dialog, to present
 */
GtkWidget *
vp_plan_dialog_new (GtkWindow *parent, VpStore *store, VpPlan *plan)
{
  VpPlanDialog *self = g_object_new (VP_TYPE_PLAN_DIALOG, "transient-for", parent, "modal", TRUE,
                                     "default-width", 600, "default-height", 720, NULL);

  self->store = g_object_ref (store);
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;
  build (self);
  return GTK_WIDGET (self);
}

/**
 * vp_plan_dialog_get_title_row:
 *
 * Returns: (transfer none): the title's entry row, for tests
 */
GtkWidget *
vp_plan_dialog_get_title_row (VpPlanDialog *self)
{
  return GTK_WIDGET (self->title_row);
}

/**
 * vp_plan_dialog_get_error_label:
 * @field: a #VpPlanField
 *
 * Returns: (transfer none): the label that says what is wrong with @field, for tests
 */
GtkWidget *
vp_plan_dialog_get_error_label (VpPlanDialog *self, int field)
{
  g_return_val_if_fail (field >= 0 && field < N_FIELDS, NULL);
  return self->errors[field];
}

/**
 * vp_plan_dialog_set_years:
 *
 * Sets the years in the form, for tests.
 */
void
vp_plan_dialog_set_years (VpPlanDialog *self, int first, int last)
{
  gtk_spin_button_set_value (self->first_year, first);
  gtk_spin_button_set_value (self->last_year, last);
}

/**
 * vp_plan_dialog_get_budget_row:
 *
 * Returns: (transfer none): the budget's entry row, for tests
 */
GtkWidget *
vp_plan_dialog_get_budget_row (VpPlanDialog *self)
{
  return GTK_WIDGET (self->budget_row);
}

/**
 * vp_plan_dialog_get_budget_error:
 *
 * Returns: (transfer none): the label that says what is wrong with the
 *   budget, for tests
 */
GtkWidget *
vp_plan_dialog_get_budget_error (VpPlanDialog *self)
{
  return self->budget_error;
}
