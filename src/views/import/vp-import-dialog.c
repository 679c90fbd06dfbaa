/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "exchange/vp-exchange.h"
#include "store/vp-store-backup.h"
#include "store/vp-store-status.h"
#include "vp-import-dialog.h"
#include "vp-import-rows.h"

/*
 * The preview of an import: a partner's file is read (in a worker thread,
 * vp_exchange_load_async()) and compared with the database, and the
 * window lists what importing it would do, before anything is written:
 * conflicts first, with a choice per record (keep ours by default), then
 * the partner's deletions (taken by default unless changed here), what is
 * added, updated, refused and left alone, each grouped by priority, with
 * the old and new values side by side. Import applies it in one
 * transaction (vp_change_set_apply()); "imported" carries the summary for
 * the window's toast. A file that cannot be imported emits "failed" with
 * the reader's message; the window says so and closes this one.
 */

/* Enough to see what a file does; the rest is counted. */
#define MAX_ROWS 150

typedef enum
{
  SECTION_CONFLICTS,
  SECTION_DELETED,
  SECTION_ADDED,
  SECTION_UPDATED,
  SECTION_REFUSED,
  SECTION_LEFT_ALONE,
  N_SECTIONS
} Section;

/* A choice of a person: which of two resolutions */
typedef struct
{
  VpChange *change;
  GtkToggleButton *ours;
  GtkToggleButton *theirs;
} Choice;

struct _VpImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *title;
  GtkStack *stack;
  GtkBox *sections;
  GtkLabel *summary;
  GtkWidget *import_button;
  GtkSpinner *spinner;

  /* owned */
  VpStore *store;
  GFile *file;
  GCancellable *cancellable;
  VpChangeSet *set;
  /* UUID → VpRecord of the file */
  GHashTable *records;
  /* root change → number of records that go with it */
  GHashTable *dependents;
  char *partner_name;
  char *error_message;
  /* Choice */
  GArray *choices;
};

G_DEFINE_FINAL_TYPE (VpImportDialog, vp_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  IMPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Words */

static char *
find_partner_name (VpImportDialog *self)
{
  const char *code = vp_change_set_get_partner (self->set);
  VpOrganisation *organisation = vp_store_lookup_organisation (self->store, code);
  GHashTableIter iter;
  gpointer record;

  if (organisation != NULL)
    return g_strdup (vp_organisation_get_name (organisation));
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    {
      if (VP_IS_ORGANISATION (record) && g_strcmp0 (vp_organisation_get_code (record), code) == 0)
        return g_strdup (vp_organisation_get_name (record));
    }
  return g_strdup (code);
}

/* Adds @part (owned) to a summary. */
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

/**
 * vp_import_summarize:
 * @set: an applied change set
 *
 * Returns: (transfer full): what the import did, for a toast: "Imported
 *   from Barneveld: 3 added, 2 updated"
 */
char *
vp_import_summarize (VpChangeSet *set, const char *partner_name)
{
  const guint *counts = vp_change_set_get_applied_counts (set);
  g_autoptr (GString) parts = g_string_new (NULL);

  guint added = counts[VP_IMPORT_ADDED];
  guint updated = counts[VP_IMPORT_UPDATED];
  guint deleted = counts[VP_IMPORT_DELETED];
  guint conflicts = counts[VP_IMPORT_CONFLICTS];
  guint refused = counts[VP_IMPORT_REFUSED];

  /* Translators: parts of the summary of an import: "3 added, 2 updated" */
  append_part (parts, added, g_strdup_printf (ngettext ("%u added", "%u added", added), added));
  append_part (parts, updated,
               g_strdup_printf (ngettext ("%u updated", "%u updated", updated), updated));
  append_part (parts, deleted,
               g_strdup_printf (ngettext ("%u deleted", "%u deleted", deleted), deleted));
  append_part (parts, conflicts,
               g_strdup_printf (ngettext ("%u conflict", "%u conflicts", conflicts), conflicts));
  append_part (parts, refused,
               g_strdup_printf (ngettext ("%u refused", "%u refused", refused), refused));
  if (parts->len == 0)
    /* Translators: a toast after an import that brought nothing new */
    return g_strdup_printf (_ ("Imported from %s: nothing new"), partner_name);
  /* Translators: a toast after an import: "Imported from Barneveld: 3 added, 2 updated" */
  return g_strdup_printf (_ ("Imported from %s: %s"), partner_name, parts->str);
}

/* Which section a change is listed in, or -1 when it is only counted. */
static int
section_of (VpChange *change)
{
  if (vp_change_get_depends_on (change) != NULL)
    return -1;
  switch (vp_change_get_kind (change))
    {
    case VP_CHANGE_CONFLICT:
      return SECTION_CONFLICTS;
    case VP_CHANGE_DELETED:
      return SECTION_DELETED;
    case VP_CHANGE_ADDED:
      return SECTION_ADDED;
    case VP_CHANGE_UPDATED:
      return SECTION_UPDATED;
    case VP_CHANGE_REFUSED:
      return SECTION_REFUSED;
    case VP_CHANGE_OLDER:
      return vp_change_get_reason (change) != NULL ? SECTION_LEFT_ALONE : -1;
    case VP_CHANGE_UNCHANGED:
    default:
      return -1;
    }
}

/* Rows */

static void
on_choice_toggled_cb (GtkToggleButton *button, gpointer user_data)
{
  VpImportDialog *self = user_data;

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (button == choice->ours)
        vp_change_set_resolution (choice->change, VP_RESOLUTION_KEEP_OURS);
      else if (button == choice->theirs)
        vp_change_set_resolution (choice->change, VP_RESOLUTION_TAKE_THEIRS);
    }
}

static GtkToggleButton *
choice_button_new (VpImportDialog *self, const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled_cb), self, 0);
  return GTK_TOGGLE_BUTTON (button);
}

/* Two linked buttons for keeping ours or taking theirs, the change's
 * resolution chosen. */
static GtkWidget *
choice_new (VpImportDialog *self,
            VpChange *change,
            const char *ours_label,
            const char *theirs_label,
            const char *theirs_tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  Choice choice = {
    change,
    /* Translators: the tooltip of the choice to keep this database's version */
    choice_button_new (self, ours_label, _ ("Keep it as it is here")),
    choice_button_new (self, theirs_label, theirs_tooltip),
  };

  gtk_toggle_button_set_group (choice.theirs, choice.ours);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice.ours));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice.theirs));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_array_append_val (self->choices, choice);
  gtk_toggle_button_set_active (
    vp_change_get_resolution (change) == VP_RESOLUTION_TAKE_THEIRS ? choice.theirs : choice.ours,
    TRUE);
  return box;
}

static GtkWidget *
action_row_new (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* what partners write is text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static GtkWidget *
expander_row_new (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

static char *
with_belonging (const char *text, guint n)
{
  if (n == 0)
    return g_strdup (text);
  return g_strdup_printf (
    /* Translators: a row's subtitle and how many records go with it:
     * "Deleted by Barneveld · 4 records belong to it" */
    ngettext ("%s · %u record belongs to it", "%s · %u records belong to it", n), text, n);
}

/* What a partner's status of an action with one shared status does to
 * the action's status here: "Shared status: Done → Postponed", or NULL
 * when it leaves it as it is. */
static char *
describe_shared_status (VpImportDialog *self, VpChange *change)
{
  VpRecord *incoming = vp_change_get_incoming (change);
  VpRecord *ours = vp_change_get_shared_ours (change);
  VpRecord *action;
  VpActionStatus *shown;
  VpStatus before, after;

  if (!VP_IS_ACTION_STATUS (incoming))
    return NULL;
  action = vp_store_lookup (self->store, vp_action_status_get_action (VP_ACTION_STATUS (incoming)));
  if (!VP_IS_ACTION (action)
      || vp_action_get_status_rule (self->store, VP_ACTION (action)) != VP_STATUS_RULE_SHARED)
    return NULL;
  shown = ours != NULL ? VP_ACTION_STATUS (ours)
                       : vp_action_find_shown_status (self->store, VP_ACTION (action));
  before = shown != NULL ? vp_action_status_get_status (shown) : VP_STATUS_PLANNED;
  after = vp_action_status_get_status (VP_ACTION_STATUS (incoming));
  if (ours == NULL && shown != NULL
      && strcmp (vp_record_get_modified_at (incoming),
                 vp_record_get_modified_at (VP_RECORD (shown)))
           <= 0
      && vp_record_get_uuid (incoming) != NULL
      && g_strcmp0 (vp_record_get_uuid (incoming), vp_record_get_uuid (VP_RECORD (shown))) != 0)
    return NULL;
  if (before == after)
    return NULL;
  /* Translators: a joint action's one status, as it is here and as the
   * partner's file would make it: "Shared status: Done → Postponed" */
  return g_strdup_printf (_ ("Shared status: %s → %s"), vp_enum_get_label (VP_TYPE_STATUS, before),
                          vp_enum_get_label (VP_TYPE_STATUS, after));
}

/* A shared status set here and by the partner, each without the other's. */
static GtkWidget *
shared_status_row_new (VpImportDialog *self, VpChange *change)
{
  g_autofree char *title = describe_shared_status (self, change);
  g_autofree char *kind
    = vp_import_kind_line (self->store, self->records, vp_change_get_incoming (change));
  /* Translators: "Status · We organiseren vijf… · set by Barneveld without ours" */
  g_autofree char *subtitle
    = g_strdup_printf (_ ("%s · set by %s without knowing ours"), kind, self->partner_name);
  /* Translators: the tooltip of the choice to take a partner's status */
  g_autofree char *tooltip = g_strdup_printf (_ ("Take the status %s set"), self->partner_name);
  GtkWidget *row = action_row_new (title != NULL ? title : "", subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             choice_new (self, change, _ ("Ours"), self->partner_name, tooltip));
  return row;
}

/* An update or a conflict: the changed fields, ours and theirs. */
static GtkWidget *
changed_row_new (VpImportDialog *self, VpChange *change)
{
  VpRecord *incoming = vp_change_get_incoming (change);
  VpRecord *local = vp_change_get_local (change);
  g_autofree char *shared = describe_shared_status (self, change);
  g_autofree char *title
    = shared != NULL ? g_strdup (shared) : vp_import_describe (self->store, incoming);
  g_autofree char *fields = vp_import_changed_fields (local, incoming);
  g_autofree char *kind = vp_import_kind_line (self->store, self->records, incoming);
  /* Translators: a record's kind and the fields that changed: "Action · Text, Quarter" */
  g_autofree char *subtitle = g_strdup_printf (_ ("%s · %s"), kind, fields);
  const char *reason = vp_change_get_reason (change);
  GtkWidget *row = NULL;

  /* a change made here that its owner refused, replaced by the owner's
   * version: said why */
  if (reason != NULL && vp_change_get_kind (change) == VP_CHANGE_UPDATED)
    {
      g_autofree char *with_reason = g_strdup_printf (_ ("%s · %s"), subtitle, reason);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_reason);
    }
  row = expander_row_new (title, subtitle);
  adw_expander_row_add_row (
    ADW_EXPANDER_ROW (row),
    vp_import_diff_new (self->store, self->records, local, incoming, self->partner_name));
  return row;
}

static GtkWidget *
deletion_row_new (VpImportDialog *self, VpChange *change, const char *what)
{
  VpRecord *local = vp_change_get_local (change);
  g_autofree char *title = vp_import_describe (self->store, local);
  g_autofree char *subtitle
    = with_belonging (what, vp_exchange_count_belonging (self->store, local));
  GtkWidget *row = action_row_new (title, subtitle);
  /* Translators: the tooltip of the choice to take a partner's deletion */
  g_autofree char *tooltip
    = g_strdup_printf (_ ("Delete it here too, as %s did"), self->partner_name);

  /* Translators: the two choices for a record a partner deleted */
  adw_action_row_add_suffix (
    ADW_ACTION_ROW (row),
    choice_new (self, change, C_ ("deletion", "Keep"), C_ ("deletion", "Delete"), tooltip));
  return row;
}

static GtkWidget *
conflict_row_new (VpImportDialog *self, VpChange *change)
{
  VpRecord *incoming = vp_change_get_incoming (change);
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row;

  switch (vp_change_get_deletion (change))
    {
    case VP_DELETION_THERE:
      /* Translators: a conflict: a partner deleted a record that was changed here */
      what = g_strdup_printf (_ ("Deleted by %s, changed here since"), self->partner_name);
      return deletion_row_new (self, change, what);
    case VP_DELETION_HERE:
      title = vp_import_describe (self->store, incoming);
      /* Translators: a conflict: deleted here, changed by a partner since */
      what = g_strdup_printf (_ ("Deleted here, changed by %s since"), self->partner_name);
      subtitle
        = with_belonging (what, GPOINTER_TO_UINT (g_hash_table_lookup (self->dependents, change)));
      row = action_row_new (title, subtitle);
      /* Translators: the tooltip of the choice to bring back a record deleted here */
      tooltip = g_strdup_printf (_ ("Bring it back as %s has it"), self->partner_name);
      /* Translators: the two choices for a record deleted here that a partner changed */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice_new (self, change, _ ("Keep Deleted"),
                                                                   _ ("Restore"), tooltip));
      return row;
    case VP_DELETION_NONE:
    default:
      if (vp_change_get_shared_ours (change) != NULL)
        return shared_status_row_new (self, change);
      row = changed_row_new (self, change);
      /* Translators: the tooltip of the choice to take a partner's version */
      tooltip = g_strdup_printf (_ ("Take the version of %s"), self->partner_name);
      /* Translators: the choice of this database's version in a conflict; the other
       * choice is the partner's name */
      adw_expander_row_add_action (
        ADW_EXPANDER_ROW (row), choice_new (self, change, _ ("Ours"), self->partner_name, tooltip));
      return row;
    }
}

static GtkWidget *
row_new (VpImportDialog *self, Section section, VpChange *change)
{
  VpRecord *incoming = vp_change_get_incoming (change);
  g_autofree char *title = vp_import_describe (self->store, incoming);
  g_autofree char *kind = vp_import_kind_line (self->store, self->records, incoming);
  g_autofree char *what = NULL;

  switch (section)
    {
    case SECTION_CONFLICTS:
      return conflict_row_new (self, change);
    case SECTION_DELETED:
      /* Translators: a record a partner deleted: "Action · deleted by Barneveld" */
      what = g_strdup_printf (_ ("%s · deleted by %s"), kind, self->partner_name);
      return deletion_row_new (self, change, what);
    case SECTION_UPDATED:
      return changed_row_new (self, change);
    case SECTION_REFUSED:
    case SECTION_LEFT_ALONE:
      /* Translators: a record's kind and why it is not taken: "Action · Deleted here." */
      what = g_strdup_printf (_ ("%s · %s"), kind, vp_change_get_reason (change));
      return action_row_new (title, what);
    case SECTION_ADDED:
    default:
      {
        g_autofree char *shared = describe_shared_status (self, change);

        if (shared != NULL)
          {
            /* Translators: "Status · We organiseren… · Barneveld: Postponed" */
            g_autofree char *line = g_strdup_printf (_ ("%s · %s"), kind, title);

            return action_row_new (shared, line);
          }
        return action_row_new (title, kind);
      }
    }
}

/* Sections */

typedef struct
{
  VpChange *change;
  int priority;
  guint index;
} Listed;

static int
compare_listed (gconstpointer a, gconstpointer b)
{
  const Listed *la = a;
  const Listed *lb = b;

  if (la->priority != lb->priority)
    return la->priority - lb->priority;
  return (int) la->index - (int) lb->index;
}

static const char *
section_title (Section section)
{
  static const char *const titles[N_SECTIONS] = {
    N_ ("Conflicts"), N_ ("Deleted"), N_ ("Added"),
    N_ ("Updated"),   N_ ("Refused"), N_ ("Ours Is Newer"),
  };

  return _ (titles[section]);
}

static char *
section_description (VpImportDialog *self, Section section)
{
  const char *partner = self->partner_name;

  switch (section)
    {
    case SECTION_CONFLICTS:
      return g_strdup_printf (_ ("Changed here and by %s since the last exchange. Choose per "
                                 "record which version to keep."),
                              partner);
    case SECTION_DELETED:
      return g_strdup_printf (_ ("Deleted by %s and not changed here since. Choose Keep for what "
                                 "you want to keep."),
                              partner);
    case SECTION_ADDED:
      return g_strdup (_ ("New in the file."));
    case SECTION_UPDATED:
      return g_strdup_printf (_ ("Changed by %s; not changed here since the last exchange."),
                              partner);
    case SECTION_REFUSED:
      return g_strdup (_ ("Not taken. Each says why."));
    case SECTION_LEFT_ALONE:
    default:
      return g_strdup (_ ("In the file, but not taken: the version here is newer."));
    }
}

static void
on_keep_all_clicked_cb (VpImportDialog *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (vp_change_get_kind (choice->change) == VP_CHANGE_CONFLICT)
        gtk_toggle_button_set_active (choice->ours, TRUE);
    }
}

static void
on_take_all_clicked_cb (VpImportDialog *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (vp_change_get_kind (choice->change) == VP_CHANGE_CONFLICT)
        gtk_toggle_button_set_active (choice->theirs, TRUE);
    }
}

static GtkWidget *
all_buttons_new (VpImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_ ("_Keep All Ours"));
  GtkWidget *take = gtk_button_new_with_mnemonic (_ ("_Take All Theirs"));

  gtk_widget_set_name (keep, "keep-all");
  gtk_widget_set_name (take, "take-all");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (keep, "flat");
  gtk_widget_add_css_class (take, "flat");
  g_signal_connect_object (keep, "clicked", G_CALLBACK (on_keep_all_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (take, "clicked", G_CALLBACK (on_take_all_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), keep);
  gtk_box_append (GTK_BOX (box), take);
  return box;
}

static GtkWidget *
section_header_new (VpImportDialog *self, Section section, guint n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (section_title (section));
  g_autofree char *count_text = g_strdup_printf ("%u", n);
  GtkWidget *count = gtk_label_new (count_text);
  g_autofree char *text = section_description (self, section);
  GtkWidget *description = gtk_label_new (text);

  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "title-4");
  gtk_widget_set_hexpand (count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), count);
  if (section == SECTION_CONFLICTS && n > 1)
    gtk_box_append (GTK_BOX (line), all_buttons_new (self));
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), description);
  return box;
}

static char *
priority_heading (VpImportDialog *self, int number, VpChange *change)
{
  VpRecord *record = vp_change_get_incoming (change);
  VpPriority *priority = vp_import_priority_of (self->store, self->records, record);

  if (number == 0 || priority == NULL)
    return g_strdup (_ ("Plan and Organisations"));
  return vp_import_describe (self->store, VP_RECORD (priority));
}

/* A boxed list under a priority's heading. */
static GtkListBox *
group_new (GtkBox *section_box, const char *heading)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  gtk_box_append (section_box, label);
  gtk_box_append (section_box, list);
  return GTK_LIST_BOX (list);
}

static void
add_more_row (GtkListBox *list, guint n)
{
  g_autofree char *text = g_strdup_printf (
    /* Translators: the last row of a long list in the import preview */
    ngettext ("And %u more record", "And %u more records", n), n);
  GtkWidget *row = action_row_new (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static int
priority_number (VpImportDialog *self, VpChange *change)
{
  VpPriority *priority
    = vp_import_priority_of (self->store, self->records, vp_change_get_incoming (change));

  return priority != NULL ? vp_priority_get_number (priority) : 0;
}

static void
add_section (VpImportDialog *self, Section section, GArray *listed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkListBox *list = NULL;
  int current = -1;
  guint shown = MIN (listed->len, MAX_ROWS);

  gtk_widget_set_name (box, section_title (section));
  g_array_sort (listed, compare_listed);
  gtk_box_append (GTK_BOX (box), section_header_new (self, section, listed->len));
  for (guint i = 0; i < shown; i++)
    {
      Listed *item = &g_array_index (listed, Listed, i);

      if (list == NULL || item->priority != current)
        {
          g_autofree char *heading = priority_heading (self, item->priority, item->change);

          list = group_new (GTK_BOX (box), heading);
          current = item->priority;
        }
      gtk_list_box_append (list, row_new (self, section, item->change));
    }
  if (listed->len > shown)
    add_more_row (list, listed->len - shown);
  gtk_box_append (self->sections, box);
}

/* The records the file leaves as they are, counted. */
static void
add_unchanged_count (VpImportDialog *self, guint unchanged, guint older)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (unchanged + older == 0)
    return;
  text = g_strdup_printf (
    /* Translators: at the end of the import preview */
    ngettext ("%u more record in the file is the same here or older.",
              "%u more records in the file are the same here or older.", unchanged + older),
    unchanged + older);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->sections, label);
}

static void
count_dependents (VpImportDialog *self, VpChange *change)
{
  VpChange *root = vp_change_get_depends_on (change);
  guint n;

  if (root == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->dependents, root));
  g_hash_table_insert (self->dependents, root, GUINT_TO_POINTER (n + 1));
}

/* What a listed change is named by, for the history events that go with
 * it: an action's status by its action and municipality, an action by its
 * UUID. */
static char *
told_key (VpRecord *record)
{
  if (VP_IS_ACTION_STATUS (record))
    return g_strdup_printf ("status %s %s", vp_action_status_get_action (VP_ACTION_STATUS (record)),
                            vp_action_status_get_municipality (VP_ACTION_STATUS (record)));
  if (VP_IS_STATUS_EVENT (record))
    {
      VpStatusEvent *event = VP_STATUS_EVENT (record);

      if (vp_status_event_get_kind (event) == VP_EVENT_KIND_STATUS)
        return g_strdup_printf ("status %s %s", vp_status_event_get_action (event),
                                vp_status_event_get_municipality (event));
      return g_strdup_printf ("action %s", vp_status_event_get_action (event));
    }
  if (VP_IS_ACTION (record))
    return g_strdup_printf ("action %s", vp_record_get_uuid (record));
  return NULL;
}

/* A history event the file adds with a change that the preview lists (a
 * status set, an action moved to another quarter) is part of that change:
 * one row says it, not a second "History" row. */
static gboolean
told_by_its_change (GHashTable *told, VpChange *change)
{
  VpRecord *incoming = vp_change_get_incoming (change);
  g_autofree char *key = NULL;

  if (!VP_IS_STATUS_EVENT (incoming) || vp_change_get_kind (change) != VP_CHANGE_ADDED)
    return FALSE;
  key = told_key (incoming);
  return g_hash_table_contains (told, key);
}

/* The keys of the statuses and actions the preview lists. */
static GHashTable *
collect_told (GListModel *changes)
{
  GHashTable *told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);
      VpRecord *incoming = vp_change_get_incoming (change);

      if (section_of (change) >= 0 && !VP_IS_STATUS_EVENT (incoming)
          && vp_change_get_kind (change) != VP_CHANGE_OLDER
          && vp_change_get_kind (change) != VP_CHANGE_REFUSED)
        {
          char *key = told_key (incoming);

          if (key != NULL)
            g_hash_table_add (told, key);
        }
    }
  return told;
}

static void
build_preview (VpImportDialog *self)
{
  GListModel *changes = vp_change_set_get_changes (self->set);
  g_autoptr (GHashTable) told = collect_told (changes);
  GArray *listed[N_SECTIONS];
  guint unchanged = 0;
  guint older = 0;

  for (int s = 0; s < N_SECTIONS; s++)
    listed[s] = g_array_new (FALSE, FALSE, sizeof (Listed));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);
      int section = section_of (change);
      Listed item = { change, 0, i };

      count_dependents (self, change);
      if (section >= 0 && told_by_its_change (told, change))
        continue;
      if (section < 0)
        {
          unchanged += vp_change_get_kind (change) == VP_CHANGE_UNCHANGED;
          older += vp_change_get_kind (change) == VP_CHANGE_OLDER;
          continue;
        }
      item.priority = priority_number (self, change);
      g_array_append_val (listed[section], item);
    }
  for (int s = 0; s < N_SECTIONS; s++)
    {
      if (listed[s]->len > 0)
        add_section (self, s, listed[s]);
      g_array_unref (listed[s]);
    }
  add_unchanged_count (self, unchanged, older);
}

/* Loading */

static void
fail (VpImportDialog *self, const GError *error)
{
  g_autofree char *name = g_file_get_basename (self->file);

  gtk_spinner_stop (self->spinner);
  /* Translators: a file's name and what is wrong with it */
  self->error_message = g_strdup_printf (_ ("%s: %s"), name, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  g_signal_emit (self, signals[FAILED], 0, self->error_message);
}

static void
collect_records (VpImportDialog *self)
{
  GListModel *changes = vp_change_set_get_changes (self->set);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);
      VpRecord *incoming = vp_change_get_incoming (change);

      g_hash_table_insert (self->records, (gpointer) vp_record_get_uuid (incoming), incoming);
    }
}

/* A conflict is kept as it is here unless a person chooses otherwise. */
static void
set_default_choices (VpImportDialog *self)
{
  vp_change_set_resolve_all (self->set, VP_RESOLUTION_KEEP_OURS);
}

static void
show_preview (VpImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *when = vp_exchange_format_time (vp_change_set_get_exported_at (self->set));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  collect_records (self);
  self->partner_name = find_partner_name (self);
  /* Translators: the title of the import preview */
  title = g_strdup_printf (_ ("Import from %s"), self->partner_name);
  /* Translators: the file's name and when it was exported */
  subtitle = g_strdup_printf (_ ("%s · exported %s"), name, when);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->summary, _ ("What importing this file would change. Nothing is "
                                        "written until you choose Import."));
  set_default_choices (self);
  build_preview (self);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", TRUE);
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (VpImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vp_exchange_load_finish (result, &error);
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;
  if (root != NULL)
    {
      /* the store is the main thread's: the comparison happens here */
      name = g_file_get_basename (self->file);
      self->set = vp_exchange_read_json (self->store, root, name, &error);
    }
  if (self->set != NULL
      && !vp_exchange_check_origin (self->store, self->set, VP_ORIGIN_DEFAULT, &error))
    g_clear_object (&self->set);
  if (self->set == NULL)
    fail (self, error);
  else
    show_preview (self);
}

/* Import */

static void
show_apply_error (VpImportDialog *self, const GError *error)
{
  GtkWidget *dialog
    = adw_message_dialog_new (GTK_WINDOW (self), _ ("The File Was Not Imported"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->set == NULL)
    return;
  if (!vp_store_backup_before_import (self->store, &error))
    {
      show_apply_error (self, error);
      return;
    }
  /* Translators: what Undo undoes: "Import from Barneveld" */
  label = g_strdup_printf (_ ("Import from %s"), self->partner_name);
  vp_store_set_undo_label (self->store, label);
  if (!vp_change_set_apply (self->set, self->store, &error))
    {
      show_apply_error (self, error);
      return;
    }
  message = vp_import_summarize (self->set, self->partner_name);
  g_signal_emit (self, signals[IMPORTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
vp_import_dialog_constructed (GObject *object)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (vp_import_dialog_parent_class)->constructed (object);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  gtk_spinner_start (self->spinner);
  vp_exchange_load_async (self->file, self->cancellable, on_loaded_cb, g_object_ref (self));
}

static void
vp_import_dialog_dispose (GObject *object)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_import_dialog_parent_class)->dispose (object);
}

static void
vp_import_dialog_finalize (GObject *object)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->set);
  g_hash_table_unref (self->records);
  g_hash_table_unref (self->dependents);
  g_array_unref (self->choices);
  g_free (self->partner_name);
  g_free (self->error_message);

  G_OBJECT_CLASS (vp_import_dialog_parent_class)->finalize (object);
}

static void
vp_import_dialog_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_import_dialog_class_init (VpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* a screen reader announces it as a dialog, not a filler */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = vp_import_dialog_constructed;
  object_class->dispose = vp_import_dialog_dispose;
  object_class->finalize = vp_import_dialog_finalize;
  object_class->set_property = vp_import_dialog_set_property;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE]
    = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpImportDialog::imported:
   * @message: what the import did, for a toast
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * VpImportDialog::failed:
   * @message: the file's name and what is wrong with it
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, sections);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, spinner);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_import_dialog_init (VpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->records = g_hash_table_new (g_str_hash, g_str_equal);
  self->dependents = g_hash_table_new (NULL, NULL);
  self->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

/**
 * vp_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @file: a partner's exchange file
 *
 * Returns: (transfer floating): the preview of importing @file, which
 *   starts reading it at once
 */
GtkWidget *
vp_import_dialog_new (GtkWindow *parent, VpStore *store, GFile *file)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (VP_TYPE_IMPORT_DIALOG, "transient-for", parent, "store", store, "file", file,
                       NULL);
}

/**
 * vp_import_dialog_get_change_set:
 *
 * Returns: (transfer none) (nullable): what importing the file would do,
 *   once it was read
 */
VpChangeSet *
vp_import_dialog_get_change_set (VpImportDialog *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_DIALOG (self), NULL);
  return self->set;
}

/**
 * vp_import_dialog_get_error:
 *
 * Returns: (nullable): what is wrong with the file, once it was read
 */
const char *
vp_import_dialog_get_error (VpImportDialog *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_DIALOG (self), NULL);
  return self->error_message;
}

gboolean
vp_import_dialog_is_loading (VpImportDialog *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_DIALOG (self), FALSE);
  return self->set == NULL && self->error_message == NULL;
}
