/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-action-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rules/vp-ownership.h"
#include "store/vp-store-status.h"
#include "vp-accessible.h"
#include "vp-format.h"
#include "vp-action-editor.h"
#include "vp-combo-row.h"
#include "vp-format.h"

/*
 * Creates and edits one action: its text, its place in the plan, its lead
 * and target, and the progress the home municipality keeps on it. Input
 * is checked as it is typed, with the fault next to the field; Save writes
 * everything in one transaction, or nothing. A partner's local action is
 * read-only here: only its owner changes it, by import; the progress on it
 * stays the home municipality's to change and save.
 *
 * A VpRecordEditor like the others: the frame (Cancel, Save, the message
 * of a failed save, Delete, the still-there check and the one transaction
 * of a save) is the base's; this class adds the form, the progress and
 * quarter move written in the save's transaction (write_more), and what
 * stays open on a read-only action (show_read_only).
 */

struct _VpActionEditor
{
  VpRecordEditor parent_instance;

  /* template widgets */
  AdwPreferencesGroup *action_group;
  GtkTextView *text_view;
  GtkTextBuffer *text_buffer;
  GtkWidget *text_error;
  GtkWidget *plan_group;
  AdwComboRow *priority_row;
  AdwComboRow *subtheme_row;
  AdwComboRow *category_row;
  GtkSpinButton *year_spin;
  AdwComboRow *quarter_row;
  GtkWidget *lead_group;
  AdwComboRow *lead_row;
  AdwEntryRow *lead_note_row;
  AdwEntryRow *evaluation_row;
  GtkWidget *target_group;
  AdwEntryRow *target_row;
  AdwEntryRow *unit_row;
  GtkWidget *target_error;
  AdwPreferencesGroup *progress_group;
  AdwPreferencesGroup *history_group;
  /* the rows added to history_group */
  GPtrArray *history_rows;
  AdwComboRow *status_row;
  GtkSpinButton *achieved_spin;
  AdwEntryRow *note_row;

  /* owned */
  /* what priority_row lists: the plan's VpPriority */
  GPtrArray *priorities;
  /* what subtheme_row lists after "None": the chosen priority's VpSubtheme */
  GPtrArray *subthemes;
  /* per item of lead_row: NULL (joint, each municipality) or a code */
  GPtrArray *lead_codes;

  /* the year shown at first: an action without a year shows the plan's */
  int shown_year;
  gboolean text_edited;
};

G_DEFINE_FINAL_TYPE (VpActionEditor, vp_action_editor, VP_TYPE_RECORD_EDITOR)

static const VpRecordEditorTexts texts = {
  .new_title = N_ ("New Action"),
  .edit_title = N_ ("Edit Action"),
  .delete_button = N_ ("_Delete Action"),
  .added = N_ ("Action added"),
  .saved = N_ ("Action saved"),
  .deleted = N_ ("Action deleted"),
  /* the undo labels are the store's own */
  .not_saved = N_ ("The action was not saved"),
  .not_deleted = N_ ("The action was not deleted"),
  .gone = N_ ("This action is no longer in the plan: it was deleted in the meantime."),
};

static VpStore *
get_store (VpActionEditor *self)
{
  return vp_record_editor_get_store (VP_RECORD_EDITOR (self));
}

static VpPlan *
get_plan (VpActionEditor *self)
{
  return vp_record_editor_get_plan (VP_RECORD_EDITOR (self));
}

/* the action edited, NULL for a new one */
static VpAction *
get_action (VpActionEditor *self)
{
  return VP_ACTION (vp_record_editor_get_record (VP_RECORD_EDITOR (self)));
}

/* The first items of lead_row, before the organisations. */
enum
{
  LEAD_JOINT,
  LEAD_EACH,
  N_LEAD_KINDS
};

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Whether two texts differ only in leading and trailing white space, so
 * that an untouched field never counts as a change. */
static gboolean
same_text (const char *stored, const char *shown)
{
  g_autofree char *a = dup_stripped (stored);
  g_autofree char *b = dup_stripped (shown);

  return g_str_equal (a, b);
}

/* Row items are plain text, never markup: see vp-combo-row.c. */
static void
setup_combo_rows (VpActionEditor *self)
{
  AdwComboRow *rows[] = { self->priority_row, self->subtheme_row, self->category_row,
                          self->quarter_row,  self->lead_row,     self->status_row };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    vp_combo_row_show_full_text (rows[i]);
}

static void
set_choices (AdwComboRow *row, GtkStringList *choices)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  g_object_unref (choices);
}

static void
load_enum_choices (AdwComboRow *row, GType enum_type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (choices, vp_enum_get_label (enum_type, klass->values[i].value));
  set_choices (row, choices);
}

static gboolean
has_parent (gpointer record, VpRecord *parent)
{
  return g_strcmp0 (vp_record_get_parent_uuid (record), vp_record_get_uuid (parent)) == 0;
}

static void
load_priorities (VpActionEditor *self)
{
  GListModel *all = vp_store_get_records (get_store (self), VP_TYPE_PRIORITY);
  GtkStringList *choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (all, i);
      g_autofree char *label = NULL;

      if (!has_parent (priority, VP_RECORD (get_plan (self))))
        continue;
      label = vp_format_priority (get_store (self), priority);
      gtk_string_list_append (choices, label);
      g_ptr_array_add (self->priorities, g_steal_pointer (&priority));
    }
  set_choices (self->priority_row, choices);
}

static VpPriority *
selected_priority (VpActionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->priority_row);

  if (self->priorities == NULL || selected >= self->priorities->len)
    return NULL;
  return g_ptr_array_index (self->priorities, selected);
}

/* The sub-themes of the chosen priority, after "None". */
static void
load_subthemes (VpActionEditor *self)
{
  VpPriority *priority = selected_priority (self);
  GListModel *all = vp_store_get_records (get_store (self), VP_TYPE_SUBTHEME);
  /* Translators: the choice of no sub-theme for an action */
  const char *const none[] = { _ ("None"), NULL };
  GtkStringList *choices = gtk_string_list_new (none);

  g_ptr_array_set_size (self->subthemes, 0);
  for (guint i = 0; priority != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpSubtheme) subtheme = g_list_model_get_item (all, i);
      g_autofree char *label = NULL;

      if (!has_parent (subtheme, VP_RECORD (priority)))
        continue;
      /* Translators: a sub-theme's letter and title: "A — Productie en handel in drugs" */
      label = g_strdup_printf (_ ("%s — %s"), vp_subtheme_get_letter (subtheme),
                               vp_subtheme_get_title (subtheme));
      gtk_string_list_append (choices, label);
      g_ptr_array_add (self->subthemes, g_steal_pointer (&subtheme));
    }
  set_choices (self->subtheme_row, choices);
}

static int
compare_organisation_names (gconstpointer a, gconstpointer b)
{
  VpOrganisation *first = *(VpOrganisation **) a;
  VpOrganisation *second = *(VpOrganisation **) b;

  return g_utf8_collate (vp_organisation_get_name (first), vp_organisation_get_name (second));
}

/* Joint, each municipality, then every organisation by name. */
static void
load_leads (VpActionEditor *self)
{
  GListModel *all = vp_store_get_records (get_store (self), VP_TYPE_ORGANISATION);
  g_autoptr (GPtrArray) organisations = g_ptr_array_new_with_free_func (g_object_unref);
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_JOINT));
  gtk_string_list_append (choices, vp_enum_get_label (VP_TYPE_LEAD_KIND, VP_LEAD_KIND_EACH));
  g_ptr_array_add (self->lead_codes, NULL);
  g_ptr_array_add (self->lead_codes, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    g_ptr_array_add (organisations, g_list_model_get_item (all, i));
  g_ptr_array_sort (organisations, compare_organisation_names);
  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);

      gtk_string_list_append (choices, vp_organisation_get_name (organisation));
      g_ptr_array_add (self->lead_codes, g_strdup (vp_organisation_get_code (organisation)));
    }
  set_choices (self->lead_row, choices);
}

static void
load_years (VpActionEditor *self)
{
  int first = vp_plan_get_first_year (get_plan (self));
  int last = vp_plan_get_last_year (get_plan (self));
  int year = get_action (self) != NULL ? vp_action_get_year (get_action (self)) : 0;
  g_autoptr (GDateTime) now = vp_store_get_now (get_store (self));

  /* An action carried over from another year keeps its year. */
  if (year != 0)
    gtk_spin_button_set_range (self->year_spin, MIN (first, year), MAX (last, year));
  else
    gtk_spin_button_set_range (self->year_spin, first, last);
  if (year == 0)
    year = CLAMP (g_date_time_get_year (now), first, last);
  gtk_spin_button_set_value (self->year_spin, year);
  self->shown_year = year;
}

static guint
find_priority (VpActionEditor *self, const char *uuid)
{
  for (guint i = 0; i < self->priorities->len; i++)
    {
      if (g_strcmp0 (vp_record_get_uuid (g_ptr_array_index (self->priorities, i)), uuid) == 0)
        return i;
    }
  return 0;
}

static guint
find_subtheme (VpActionEditor *self, const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < self->subthemes->len; i++)
    {
      if (g_strcmp0 (vp_record_get_uuid (g_ptr_array_index (self->subthemes, i)), uuid) == 0)
        return i + 1;
    }
  return 0;
}

static guint
find_lead (VpActionEditor *self, VpLeadKind kind, const char *code)
{
  if (kind == VP_LEAD_KIND_JOINT)
    return LEAD_JOINT;
  if (kind == VP_LEAD_KIND_EACH)
    return LEAD_EACH;
  for (guint i = N_LEAD_KINDS; i < self->lead_codes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->lead_codes, i), code) == 0)
        return i;
    }
  /* An organisation this database does not know (yet): keep its code. */
  gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (self->lead_row)), code);
  g_ptr_array_add (self->lead_codes, g_strdup (code));
  return self->lead_codes->len - 1;
}

static void
show_new_action (VpActionEditor *self)
{
  VpPriority *priority = vp_record_editor_get_priority (VP_RECORD_EDITOR (self));
  VpScope scope;

  if (priority != NULL)
    adw_combo_row_set_selected (self->priority_row,
                                find_priority (self, vp_record_get_uuid (VP_RECORD (priority))));
  priority = selected_priority (self);
  scope = priority != NULL ? vp_record_get_int (VP_RECORD (priority), "scope") : VP_SCOPE_JOINT;
  adw_combo_row_set_selected (self->category_row,
                              scope == VP_SCOPE_LOCAL ? VP_CATEGORY_LOCAL : VP_CATEGORY_JOINT);
  adw_combo_row_set_selected (self->lead_row, LEAD_JOINT);
  adw_combo_row_set_selected (self->quarter_row, VP_QUARTER_NONE);
}

static void
show_action (VpActionEditor *self)
{
  VpAction *action = get_action (self);
  g_autofree char *target = NULL;

  if (action == NULL)
    {
      show_new_action (self);
      return;
    }
  target = vp_action_get_target (action) > 0 ? g_strdup_printf ("%d", vp_action_get_target (action))
                                             : g_strdup ("");
  gtk_text_buffer_set_text (
    self->text_buffer, vp_action_get_text (action) != NULL ? vp_action_get_text (action) : "", -1);
  adw_combo_row_set_selected (self->priority_row,
                              find_priority (self, vp_action_get_priority (action)));
  adw_combo_row_set_selected (self->subtheme_row,
                              find_subtheme (self, vp_action_get_subtheme (action)));
  adw_combo_row_set_selected (self->category_row, vp_action_get_category (action));
  adw_combo_row_set_selected (self->quarter_row, vp_action_get_quarter (action));
  adw_combo_row_set_selected (self->lead_row, find_lead (self, vp_action_get_lead_kind (action),
                                                         vp_action_get_lead (action)));
  vp_record_editor_show_text (self->lead_note_row, vp_action_get_lead_note (action));
  vp_record_editor_show_text (self->evaluation_row, vp_action_get_evaluation (action));
  vp_record_editor_show_text (self->target_row, target);
  vp_record_editor_show_text (self->unit_row, vp_action_get_target_unit (action));
}

static const char *
action_uuid (VpActionEditor *self)
{
  return get_action (self) != NULL ? vp_record_get_uuid (VP_RECORD (get_action (self))) : NULL;
}

/* Progress is kept per municipality, so only with a home municipality
 * that the plan knows. */
/* The status the list shows (vp_action_find_shown_status()): the home
 * municipality's to change, or another's (the lead's) to read. */
static VpActionStatus *
shown_status (VpActionEditor *self)
{
  return get_action (self) != NULL
           ? vp_action_find_shown_status (get_store (self), get_action (self))
           : NULL;
}

static const char *
organisation_name (VpActionEditor *self, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (get_store (self), code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

static VpAction *build_draft (VpActionEditor *self);

/* Whether the home municipality sets the status of the action as it
 * stands in the editor (its lead may have just changed): the progress
 * rows are open or show the lead's status to read. */
static void
show_progress_rule (VpActionEditor *self)
{
  g_autoptr (VpAction) draft = NULL;
  const char *keeper = NULL;
  gboolean ours = TRUE;
  const char *home_name = vp_store_get_home_municipality_name (get_store (self));
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->priorities != NULL && selected_priority (self) != NULL)
    {
      draft = build_draft (self);
      ours = vp_action_can_set_status (get_store (self), draft, &keeper);
    }
  /* Group titles are markup. */
  name = g_markup_escape_text (keeper != NULL      ? organisation_name (self, keeper)
                               : home_name != NULL ? home_name
                                                   : "",
                               -1);
  /* Translators: the heading above the status of an action in one municipality */
  title = g_strdup_printf (_ ("Progress of %s"), name);
  adw_preferences_group_set_title (self->progress_group, title);
  /* a status another municipality keeps is shown, not changed, here */
  adw_preferences_group_set_description (
    self->progress_group,
    ours ? NULL : _ ("Only the municipality that leads this action sets its status."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), ours);
  gtk_widget_set_sensitive (GTK_WIDGET (self->achieved_spin), ours);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), ours);
  /* a screen reader says why, too */
  vp_accessible_explain_insensitive (GTK_WIDGET (self->status_row), self->progress_group);
  vp_accessible_explain_insensitive (GTK_WIDGET (self->achieved_spin), self->progress_group);
  vp_accessible_explain_insensitive (GTK_WIDGET (self->note_row), self->progress_group);
}

static void
on_lead_chosen_cb (VpActionEditor *self)
{
  /* not while the editor is being filled */
  if (get_store (self) != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    show_progress_rule (self);
}

static void
show_progress (VpActionEditor *self)
{
  const char *home = vp_store_get_home_municipality (get_store (self));
  VpActionStatus *status = shown_status (self);

  load_enum_choices (self->status_row, VP_TYPE_STATUS);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group),
                          vp_store_lookup_organisation (get_store (self), home) != NULL);
  show_progress_rule (self);
  if (status == NULL)
    return;
  adw_combo_row_set_selected (self->status_row, vp_action_status_get_status (status));
  gtk_spin_button_set_value (self->achieved_spin, vp_action_status_get_achieved (status));
  vp_record_editor_show_text (self->note_row, vp_action_status_get_note (status));
}

static int
compare_events_newest_first (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (vp_record_get_modified_at (*(VpRecord **) a),
                     vp_record_get_modified_at (*(VpRecord **) b));
}

/* "2024-Q3" as "Q3 2024" */
static char *
format_year_quarter (const char *value)
{
  int year, quarter;

  if (value == NULL || sscanf (value, "%d-Q%d", &year, &quarter) != 2 || quarter < 1 || quarter > 4)
    return g_strdup (value != NULL ? value : "");
  /* Translators: a quarter and its year: "Q1 2024" */
  return g_strdup_printf (_ ("%s %d"), vp_enum_get_label (VP_TYPE_QUARTER, quarter), year);
}

static char *
format_event_value (VpStatusEvent *event, const char *value)
{
  int status;

  if (vp_status_event_get_kind (event) == VP_EVENT_KIND_QUARTER)
    return format_year_quarter (value);
  if (value == NULL || !vp_enum_from_nick (VP_TYPE_STATUS, value, &status))
    return g_strdup (value != NULL ? value : "");
  return g_strdup (vp_enum_get_label (VP_TYPE_STATUS, status));
}

static AdwActionRow *
make_history_row (VpActionEditor *self, VpStatusEvent *event)
{
  g_autofree char *from = format_event_value (event, vp_status_event_get_from (event));
  g_autofree char *to = format_event_value (event, vp_status_event_get_to (event));
  g_autoptr (GDateTime) utc
    = g_date_time_new_from_iso8601 (vp_record_get_modified_at (VP_RECORD (event)), NULL);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: when a change in an action's history was made, see strftime(3) */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _ ("%-d %b %Y, %H:%M")) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  if (vp_status_event_get_kind (event) == VP_EVENT_KIND_QUARTER)
    /* Translators: an action moved from one quarter to another: "Q2 2024 → Q3 2024" */
    title = g_strdup_printf (_ ("Moved: %s → %s"), from, to);
  else if (vp_status_event_get_from (event) == NULL)
    title = g_strdup (to);
  else
    /* Translators: a status change in an action's history: "Planned → In progress" */
    title = g_strdup_printf (_ ("%s → %s"), from, to);
  /* Translators: who made a change and when: "Nijkerk · 3 Mar 2024, 10:15" */
  subtitle = g_strdup_printf (_ ("%s · %s"),
                              organisation_name (self, vp_status_event_get_municipality (event)),
                              when != NULL ? when : "");
  /* the values are text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  return row;
}

/* Every status change and quarter move of the action, newest first. */
static void
show_history (VpActionEditor *self)
{
  GListModel *events = vp_store_get_records (get_store (self), VP_TYPE_STATUS_EVENT);
  g_autoptr (GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->history_rows != NULL && i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  for (guint i = 0; get_action (self) != NULL && i < g_list_model_get_n_items (events); i++)
    {
      VpStatusEvent *event = g_list_model_get_item (events, i);

      if (g_strcmp0 (vp_status_event_get_action (event), action_uuid (self)) == 0)
        g_ptr_array_add (mine, event);
      else
        g_object_unref (event);
    }
  g_ptr_array_sort (mine, compare_events_newest_first);
  for (guint i = 0; i < mine->len; i++)
    {
      AdwActionRow *row = make_history_row (self, g_ptr_array_index (mine, i));

      adw_preferences_group_add (self->history_group, GTK_WIDGET (row));
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), mine->len > 0);
}

static const char *
action_owner (VpActionEditor *self)
{
  return get_action (self) != NULL ? vp_record_get_owner (VP_RECORD (get_action (self))) : NULL;
}

/* A partner's local action is theirs to change; its progress here is ours. */
static gboolean
is_partners_action (VpActionEditor *self)
{
  return get_action (self) != NULL
         && !vp_ownership_may_change (VP_RECORD (get_action (self)),
                                      vp_store_get_home_municipality (get_store (self)));
}

/* An action carried over into next year's plan says where from; one of a
 * closed plan changes no more until the plan is reopened. */
static gboolean
show_origin_and_closed (VpActionEditor *self)
{
  g_autofree char *origin
    = get_action (self) != NULL ? vp_format_origin (get_store (self), get_action (self)) : NULL;
  gboolean closed = get_plan (self) != NULL && vp_plan_is_closed (get_plan (self));
  g_autofree char *description = NULL;

  if (closed)
    description = g_strdup (_ ("This plan is closed: reopen it from its page in the Plan view to "
                               "change it."));
  else if (origin != NULL)
    /* Translators: above an action carried over; "from UVP 2024" */
    description = g_strdup_printf (_ ("Carried over, %s."), origin);
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (self->action_group, escaped);
    }
  return closed;
}

static void
show_ownership (VpActionEditor *self)
{
  gboolean closed = show_origin_and_closed (self);
  gboolean partners = is_partners_action (self);
  VpOrganisation *owner;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (!partners || closed)
    return;
  owner = vp_store_lookup_organisation (get_store (self), action_owner (self));
  name = g_markup_escape_text (
    owner != NULL ? vp_organisation_get_name (owner) : action_owner (self), -1);
  /* Translators: shown above a partner's local action, which only the
   * partner changes; %s is the partner municipality's name */
  description = g_strdup_printf (
    _ ("Only %s changes this local action. You keep your own progress on it below."), name);
  adw_preferences_group_set_description (self->action_group, description);
}

static gboolean
parse_target (VpActionEditor *self, int *target)
{
  g_autofree char *text = vp_record_editor_dup_text (self->target_row);
  guint64 number = 0;

  *target = 0;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &number, NULL))
    return FALSE;
  *target = (int) number;
  return TRUE;
}

static void
set_invalid (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
}

static gboolean
text_is_valid (VpActionEditor *self)
{
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->text_buffer);

  return *text != '\0';
}

/* Faults show where they are typed; a new action's empty text only once
 * someone typed in it. */
static gboolean
validate (VpRecordEditor *editor)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);
  gboolean text_fault = self->text_edited && !text_is_valid (self);
  int target;
  gboolean target_fault = !parse_target (self, &target);

  gtk_widget_set_visible (self->text_error, text_fault);
  set_invalid (GTK_WIDGET (self->text_view), text_fault);
  gtk_widget_set_visible (self->target_error, target_fault);
  set_invalid (GTK_WIDGET (self->target_row), target_fault);
  if (target_fault)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
  return text_is_valid (self) && !target_fault && selected_priority (self) != NULL;
}

static int
read_year (VpActionEditor *self)
{
  int year;

  gtk_spin_button_update (self->year_spin);
  year = gtk_spin_button_get_value_as_int (self->year_spin);
  /* An action without a year keeps none until someone picks one. */
  if (get_action (self) != NULL && year == self->shown_year)
    return vp_action_get_year (get_action (self));
  return year;
}

static int
read_achieved (VpActionEditor *self)
{
  gtk_spin_button_update (self->achieved_spin);
  return gtk_spin_button_get_value_as_int (self->achieved_spin);
}

static const char *
selected_subtheme_uuid (VpActionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->subtheme_row);

  if (selected == 0 || selected > self->subthemes->len)
    return NULL;
  return vp_record_get_uuid (g_ptr_array_index (self->subthemes, selected - 1));
}

static const char *
selected_lead (VpActionEditor *self, VpLeadKind *kind)
{
  guint selected = adw_combo_row_get_selected (self->lead_row);

  if (selected == LEAD_EACH)
    *kind = VP_LEAD_KIND_EACH;
  else if (selected >= N_LEAD_KINDS && selected < self->lead_codes->len)
    *kind = VP_LEAD_KIND_ORGANISATION;
  else
    *kind = VP_LEAD_KIND_JOINT;
  return *kind == VP_LEAD_KIND_ORGANISATION ? g_ptr_array_index (self->lead_codes, selected) : NULL;
}

static void
set_editable_field (VpAction *draft, const char *field, gpointer editable)
{
  g_autofree char *text = vp_record_editor_dup_text (editable);

  vp_record_editor_set_text_field (VP_RECORD (draft), field, text);
}

/* 1 + the highest position among the priority's actions. */
static int
next_position (VpActionEditor *self, const char *priority_uuid)
{
  GListModel *all = vp_store_get_records (get_store (self), VP_TYPE_ACTION);
  int highest = -1;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (all, i);

      if (action != get_action (self)
          && g_strcmp0 (vp_action_get_priority (action), priority_uuid) == 0)
        highest = MAX (highest, vp_record_get_int (VP_RECORD (action), "position"));
    }
  return highest + 1;
}

/* Where the action moves to another priority or category, it goes to the
 * end of the list, and a local action belongs to the home municipality. */
static void
set_placement (VpActionEditor *self, VpAction *draft, const char *priority_uuid)
{
  VpCategory category = adw_combo_row_get_selected (self->category_row);
  const char *home = vp_store_get_home_municipality (get_store (self));

  if (get_action (self) == NULL
      || g_strcmp0 (vp_action_get_priority (get_action (self)), priority_uuid) != 0)
    g_object_set (draft, "position", next_position (self, priority_uuid), NULL);
  if (get_action (self) == NULL || vp_action_get_category (get_action (self)) != category)
    g_object_set (draft, "category", category, "owner", category == VP_CATEGORY_LOCAL ? home : NULL,
                  NULL);
}

/* The action as the form has it: a new one, or a copy of the edited one
 * with the form's values. */
static VpAction *
build_draft (VpActionEditor *self)
{
  const char *priority_uuid = vp_record_get_uuid (VP_RECORD (selected_priority (self)));
  g_autofree char *text = vp_record_editor_dup_buffer_text (self->text_buffer);
  int year = read_year (self);
  VpQuarter quarter = adw_combo_row_get_selected (self->quarter_row);
  VpLeadKind lead_kind;
  const char *lead = selected_lead (self, &lead_kind);
  int target;
  VpAction *draft;

  if (get_action (self) != NULL)
    {
      draft = VP_ACTION (vp_record_copy (VP_RECORD (get_action (self))));
      /* moved for the first time: the quarter it was planned in stays */
      if (vp_action_get_planned_year (draft) == 0 && vp_action_get_year (draft) != 0
          && vp_action_get_quarter (draft) != VP_QUARTER_NONE
          && (year != vp_action_get_year (draft) || quarter != vp_action_get_quarter (draft)))
        g_object_set (draft, "planned-year", vp_action_get_year (draft), "planned-quarter",
                      vp_action_get_quarter (draft), NULL);
    }
  else
    draft = g_object_new (VP_TYPE_ACTION, "planned-year", year, "planned-quarter", quarter, NULL);
  parse_target (self, &target);
  g_object_set (draft, "priority", priority_uuid, "subtheme", selected_subtheme_uuid (self),
                "lead-kind", lead_kind, "lead", lead, "year", year, "quarter", quarter, "target",
                target, NULL);
  vp_record_editor_set_text_field (VP_RECORD (draft), "text", text);
  set_editable_field (draft, "lead-note", self->lead_note_row);
  set_editable_field (draft, "evaluation", self->evaluation_row);
  set_editable_field (draft, "target-unit", self->unit_row);
  set_placement (self, draft, priority_uuid);
  return draft;
}

static gboolean
progress_changed (VpActionEditor *self, VpActionStatus *stored)
{
  VpStatus status = adw_combo_row_get_selected (self->status_row);
  int achieved = read_achieved (self);
  g_autofree char *note = vp_record_editor_dup_text (self->note_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->progress_group)))
    return FALSE;
  if (stored == NULL)
    return status != VP_STATUS_PLANNED || achieved != 0 || *note != '\0';
  return status != vp_action_status_get_status (stored)
         || achieved != vp_action_status_get_achieved (stored)
         || !same_text (vp_action_status_get_note (stored), note);
}

static gboolean
has_more_changes (VpRecordEditor *editor)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);

  return progress_changed (self, shown_status (self));
}

/* The home municipality's status, achieved count and note; a change of
 * status goes into the action's history (vp_store_set_status()). Whose
 * status it is follows @action as saved: the draft, whose lead may have
 * changed too. */
static gboolean
write_progress (VpActionEditor *self, VpAction *action, GError **error)
{
  const char *home = vp_store_get_home_municipality (get_store (self));
  VpActionStatus *stored = vp_action_find_shown_status (get_store (self), action);
  g_autofree char *note = vp_record_editor_dup_text (self->note_row);

  if (!vp_action_can_set_status (get_store (self), action, NULL)
      || !progress_changed (self, stored))
    return TRUE;
  return vp_store_set_status (get_store (self), action, home,
                              adw_combo_row_get_selected (self->status_row), read_achieved (self),
                              note, error);
}

/* In the save's transaction, after the action: a move to another quarter
 * goes into the history (the edited action is as it was until the
 * commit), and the progress. */
static gboolean
write_more (VpRecordEditor *editor, VpRecord *record, GError **error)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);
  VpAction *draft = VP_ACTION (record);

  return (get_action (self) == NULL
          || vp_store_note_quarter_move (get_store (self), get_action (self),
                                         vp_action_get_year (draft), vp_action_get_quarter (draft),
                                         error))
         && write_progress (self, draft, error);
}

/* Things that changed behind the editor's back, said in the plan's words
 * rather than the database's: the action, and the priority chosen. */
static gboolean
check_still_there (VpRecordEditor *editor, VpRecord *draft, GError **error)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);
  VpPriority *priority = selected_priority (self);

  if (get_action (self) != NULL
      && vp_store_lookup (get_store (self), action_uuid (self)) != VP_RECORD (get_action (self)))
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, _ (texts.gone));
      return FALSE;
    }
  if (draft != NULL
      && vp_store_lookup (get_store (self), vp_record_get_uuid (VP_RECORD (priority)))
           != VP_RECORD (priority))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _ ("The priority “%s” is no longer in the plan. Choose another priority."),
                   vp_priority_get_title (priority));
      return FALSE;
    }
  return TRUE;
}

/* A partner's local action, or one of a closed plan: its text, place,
 * lead and target are read-only, the progress stays the home
 * municipality's to save. */
static gboolean
show_read_only (VpRecordEditor *editor)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);
  GtkWidget *parts[]
    = { GTK_WIDGET (self->text_view), self->plan_group, self->lead_group, self->target_group };

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_widget_set_sensitive (parts[i], FALSE);
  return TRUE;
}

static void
on_text_changed_cb (VpActionEditor *self)
{
  self->text_edited = TRUE;
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
on_target_changed_cb (VpActionEditor *self)
{
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

static void
on_priority_selected_cb (VpActionEditor *self)
{
  /* set while the template is built and taken down */
  if (self->subthemes == NULL || get_store (self) == NULL)
    return;
  load_subthemes (self);
  vp_record_editor_changed (VP_RECORD_EDITOR (self));
}

/* Called by the base once it made the frame, before it checks the form. */
static void
load (VpRecordEditor *editor)
{
  VpActionEditor *self = VP_ACTION_EDITOR (editor);

  load_priorities (self);
  load_enum_choices (self->category_row, VP_TYPE_CATEGORY);
  load_enum_choices (self->quarter_row, VP_TYPE_QUARTER);
  load_leads (self);
  load_years (self);
  show_action (self);
  show_progress (self);
  show_history (self);
  show_ownership (self);
  self->text_edited = FALSE;
}

static VpRecord *
build_record (VpRecordEditor *editor)
{
  return VP_RECORD (build_draft (VP_ACTION_EDITOR (editor)));
}

static void
vp_action_editor_dispose (GObject *object)
{
  VpActionEditor *self = VP_ACTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ACTION_EDITOR);
  g_clear_pointer (&self->priorities, g_ptr_array_unref);
  g_clear_pointer (&self->subthemes, g_ptr_array_unref);
  g_clear_pointer (&self->lead_codes, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_action_editor_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, action_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, text_buffer);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, text_error);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, subtheme_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, year_spin);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, lead_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, lead_note_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, evaluation_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, target_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, target_error);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, progress_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, achieved_spin);
  gtk_widget_class_bind_template_child (widget_class, VpActionEditor, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_priority_selected_cb);
}

static void
vp_action_editor_class_init (VpActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VpRecordEditorClass *editor_class = VP_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = vp_action_editor_dispose;
  editor_class->texts = &texts;
  editor_class->load = load;
  editor_class->validate = validate;
  editor_class->build_draft = build_record;
  editor_class->write_more = write_more;
  editor_class->has_more_changes = has_more_changes;
  editor_class->check_still_there = check_still_there;
  editor_class->show_read_only = show_read_only;
  bind_template (GTK_WIDGET_CLASS (klass));
}

static void
vp_action_editor_init (VpActionEditor *self)
{
  self->history_rows = g_ptr_array_new ();
  self->priorities = g_ptr_array_new_with_free_func (g_object_unref);
  self->subthemes = g_ptr_array_new_with_free_func (g_object_unref);
  self->lead_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_combo_rows (self);
  g_signal_connect_swapped (self->lead_row, "notify::selected", G_CALLBACK (on_lead_chosen_cb),
                            self);
}

/**
 * vp_action_editor_new:
 * @parent: the window the editor belongs to
 * @store: the plan database
 * @plan: the plan the action belongs to
 * @action: (nullable): the action to edit, %NULL for a new one
 * @priority: (nullable): the priority a new action starts in
 *
 * Returns: (transfer none): a new modal editor over @parent
 */
GtkWidget *
vp_action_editor_new (
  GtkWindow *parent, VpStore *store, VpPlan *plan, VpAction *action, VpPriority *priority)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (action == NULL || VP_IS_ACTION (action), NULL);
  g_return_val_if_fail (priority == NULL || VP_IS_PRIORITY (priority), NULL);

  return g_object_new (VP_TYPE_ACTION_EDITOR, "transient-for", parent, "store", store, "plan", plan,
                       "record", action, "priority", priority, NULL);
}

/**
 * vp_action_editor_get_action:
 *
 * Returns: (transfer none) (nullable): the action edited, %NULL for a new one
 */
VpAction *
vp_action_editor_get_action (VpActionEditor *self)
{
  g_return_val_if_fail (VP_IS_ACTION_EDITOR (self), NULL);
  return get_action (self);
}
