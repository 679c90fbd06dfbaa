/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-plan-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/vp-store-as-of.h"
#include "vp-accessible.h"
#include "vp-definition-editor.h"
#include "vp-goal-editor.h"
#include "vp-format.h"
#include "vp-plan-page.h"
#include "vp-plan-view.h"
#include "vp-priority-editor.h"
#include "vp-record-editor.h"
#include "vp-subtheme-editor.h"
#include "vp-swatch.h"
#include "vp-view.h"

/*
 * The plan to read: per priority, in number order, its colour, title,
 * scope, portfolio holders and budget, its ambition, its sub-themes, and
 * its strategic goals and goals for this year; at the end the appendix of
 * definitions by section. Each record the home municipality may change
 * has an edit button, each part an "Add" button; both open an editor.
 *
 * A plan has a few dozen of these records, so a widget per record is
 * fine here: the view is rebuilt, once, at idle, when the store's lists
 * or a record shown change. The focus stays on "the same" button.
 */

struct _VpPlanView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scroller;
  GtkBox *plan_box;
  GtkBox *priorities_box;
  GtkBox *definitions_box;

  /* owned */
  VpStore *store;
  VpPlan *plan;
  /* the plan whose own page (vp-plan-page.c) plan_box shows: made anew
   * only when that plan changes, so that rebuilding the rest for a goal
   * or an action leaves the page, and the scroll position, alone */
  VpPlan *page_plan;
  gulong page_handler;
  /* the records shown, whose changes rebuild the view */
  GPtrArray *watched;
  /* the buttons made for the records, by button_key() */
  GHashTable *buttons;
  guint rebuild_idle;
  /* whether the view shows something else than the store has */
  gboolean stale;
  /* what the focused button did before a rebuild; see restore_focus() */
  char *focus_key;
  guint focus_tick;
  guint focus_frames;
};

/* VpView: what it shows */
static VpStore *
view_get_store (VpView *view)
{
  return VP_PLAN_VIEW (view)->store;
}

static VpPlan *
view_get_plan (VpView *view)
{
  return VP_PLAN_VIEW (view)->plan;
}

static void
view_iface_init (VpViewInterface *iface)
{
  iface->get_store = view_get_store;
  iface->get_plan = view_get_plan;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VpPlanView,
                               vp_plan_view,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VP_TYPE_VIEW, view_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_rebuild (VpPlanView *self);

static gboolean
belongs_to (gpointer record, gpointer parent)
{
  return parent != NULL
         && g_strcmp0 (vp_record_get_parent_uuid (record), vp_record_get_uuid (parent)) == 0;
}

static gboolean
can_edit (VpPlanView *self, gpointer record)
{
  return vp_record_editor_can_edit (self->store, record);
}

static void
watch (VpPlanView *self, gpointer record)
{
  g_signal_connect_object (record, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (record));
}

static void
unwatch_all (VpPlanView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), queue_rebuild,
                                          self);
  g_ptr_array_set_size (self->watched, 0);
}

/* Plain text, never markup, wrapped; a text longer than any plan's is cut
 * short (vp_format_display_paragraphs(), and after MAX_LINES), so that it
 * cannot make a row taller than the renderer can draw. */
#define MAX_LINES 60

static GtkWidget *
make_label (const char *text, const char *css_class)
{
  g_autofree char *shown = vp_format_display_paragraphs (text);
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), MAX_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_hint (const char *text)
{
  return make_label (text, "dim-label");
}

static char *
button_key (GtkWidget *button)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_autofree char *printed = target != NULL ? g_variant_print (target, FALSE) : g_strdup ("");

  return g_strdup_printf ("%s %s", gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                          printed);
}

static void
remember_button (VpPlanView *self, GtkWidget *button)
{
  g_hash_table_replace (self->buttons, button_key (button), button);
}

/* @label says what it does ("Edit goal"), @description which record. */
static GtkWidget *
make_edit_button (VpPlanView *self, gpointer record, const char *label, const char *description)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", vp_record_get_uuid (record));
  remember_button (self, button);
  return button;
}

/* @description says where it adds: a group's title, a priority. */
static GtkWidget *
make_add_button (VpPlanView *self,
                 const char *label,
                 const char *description,
                 const char *action,
                 GVariant *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  remember_button (self, button);
  return button;
}

static GtkWidget *
make_letter (const char *letter, const char *tooltip)
{
  GtkWidget *label = gtk_label_new (letter);

  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "heading");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

/* Prefix, the labels, suffix, side by side. A grid, not a horizontal
 * box: GTK 4.8's box asks a wrapping label for its width at a height,
 * which lays the text out some hundred times (a second for the example
 * plan), where a grid takes four. The prefix shares the baseline of the
 * first line. */
static GtkWidget *
make_line (GtkWidget *prefix, GtkWidget *first, GtkWidget *second, GtkWidget *suffix)
{
  GtkWidget *grid = gtk_grid_new ();
  int rows = second != NULL ? 2 : 1;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_hexpand (first, TRUE);
  gtk_widget_set_valign (first, GTK_ALIGN_BASELINE);
  gtk_grid_attach (GTK_GRID (grid), first, 1, 0, 1, 1);
  if (second != NULL)
    gtk_grid_attach (GTK_GRID (grid), second, 1, 1, 1, 1);
  if (prefix != NULL)
    {
      gtk_widget_set_valign (prefix, GTK_ALIGN_BASELINE);
      gtk_grid_attach (GTK_GRID (grid), prefix, 0, 0, 1, 1);
    }
  if (suffix != NULL)
    {
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), suffix, 2, 0, 1, rows);
    }
  return grid;
}

/* A record as a row of a boxed list: a heading and a text that wraps at
 * full size, readable where a row's subtitle is small and dim. */
static GtkWidget *
make_row (GtkWidget *prefix, const char *heading, const char *text, GtkWidget *suffix)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *first = NULL;
  GtkWidget *second = NULL;
  GtkWidget *line;

  if (heading != NULL && *heading != '\0')
    first = make_label (heading, "heading");
  if (text != NULL && *text != '\0')
    *(first == NULL ? &first : &second) = make_label (text, NULL);
  if (first == NULL)
    first = make_label ("", NULL);
  line = make_line (prefix, first, second, suffix);
  g_object_set (line, "valign", GTK_ALIGN_CENTER, "margin-start", 12, "margin-end", 6, "margin-top",
                10, "margin-bottom", 10, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  return row;
}

/* Group titles are markup. */
static GtkWidget *
make_group (const char *title, GtkWidget *suffix)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *shown = vp_format_display_text (title);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  /* under the plan (1), Priorities (2) and the priority's title (3) */
  vp_accessible_heading_groups (group, 4);
  if (suffix != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  return group;
}

static char *
describe_scope (VpPlanView *self, VpRecord *priority)
{
  VpScope scope = vp_record_get_int (priority, "scope");
  const char *owner = vp_record_get_string (priority, "owner");
  VpOrganisation *organisation;

  if (scope != VP_SCOPE_LOCAL || can_edit (self, priority))
    return g_strdup (vp_enum_get_label (VP_TYPE_SCOPE, scope));
  organisation = vp_store_lookup_organisation (self->store, owner);
  /* Translators: a partner municipality's own priority, which only it
   * changes; %s is the municipality's name */
  return g_strdup_printf (_ ("Local priority of %s"),
                          organisation != NULL ? vp_organisation_get_name (organisation) : owner);
}

/* "Joint priority · Portfolio holder: … · Budget: €25,000" */
static char *
describe_priority (VpPlanView *self, VpRecord *priority)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *const *holders = vp_record_get_strv (priority, "portfolio-holders");
  gint64 budget = vp_record_get_int64 (priority, "budget-cents");

  g_ptr_array_add (parts, describe_scope (self, priority));
  if (holders != NULL && holders[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) holders);
      guint n = g_strv_length ((char **) holders);

      /* Translators: %s is the name of an alderman or mayor, or a list of names */
      g_ptr_array_add (
        parts,
        g_strdup_printf (ngettext ("Portfolio holder: %s", "Portfolio holders: %s", n), names));
    }
  /* a budget of €0 is one: said so */
  if (budget >= 0)
    {
      g_autofree char *amount = vp_budget_format (budget);

      /* Translators: a priority's budget, %s is the amount: “Budget: €25,000” */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Budget: %s"), amount));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
make_priority_header (VpPlanView *self, VpPriority *priority)
{
  VpRecord *record = VP_RECORD (priority);
  GtkWidget *edit = NULL, *heading;
  GtkWidget *swatch = g_object_new (VP_TYPE_SWATCH, "width-request", 18, "height-request", 18,
                                    "valign", GTK_ALIGN_START, "margin-top", 7, NULL);
  GtkWidget *line;
  g_autofree char *shown = vp_format_display_text (vp_priority_get_title (priority));
  g_autofree char *title = g_strdup_printf ("%d. %s", vp_priority_get_number (priority), shown);
  g_autofree char *details = describe_priority (self, record);

  vp_swatch_set_colour (VP_SWATCH (swatch), vp_priority_get_colour (priority));
  if (can_edit (self, record))
    /* Translators: the tooltip of a priority's edit button */
    edit = make_edit_button (self, record, _ ("Edit priority"), title);
  heading = make_label (title, "title-2");
  vp_accessible_make_heading (heading, 3);
  line = make_line (NULL, heading, make_label (details, "dim-label"), edit);
  /* a swatch has no baseline: it goes beside the title's first line */
  gtk_grid_attach (GTK_GRID (line), swatch, 0, 0, 1, 1);
  return line;
}

static gboolean
has_text (gpointer record, const char *field)
{
  const char *text = vp_record_get_string (record, field);

  return text != NULL && *text != '\0';
}

/* Where a priority's ambition is in its sub-themes (Ondermijning), the
 * priority itself has none to show. */
static GtkWidget *
make_ambition (VpPriority *priority, GPtrArray *subthemes)
{
  GtkWidget *group;

  if (!has_text (priority, "ambition"))
    {
      for (guint i = 0; subthemes != NULL && i < subthemes->len; i++)
        {
          if (has_text (g_ptr_array_index (subthemes, i), "ambition"))
            return NULL;
        }
    }
  group = make_group (_ ("Ambition"), NULL);
  if (has_text (priority, "ambition"))
    adw_preferences_group_add (
      ADW_PREFERENCES_GROUP (group),
      make_label (vp_record_get_string (VP_RECORD (priority), "ambition"), NULL));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_hint (_ ("No ambition yet.")));
  return group;
}

static GtkWidget *
make_subtheme_row (VpPlanView *self, VpSubtheme *subtheme)
{
  const char *title = vp_subtheme_get_title (subtheme);
  GtkWidget *edit = NULL;

  if (can_edit (self, subtheme))
    /* Translators: the tooltip of a sub-theme's edit button */
    edit = make_edit_button (self, subtheme, _ ("Edit sub-theme"), title);
  watch (self, subtheme);
  return make_row (make_letter (vp_subtheme_get_letter (subtheme), NULL), title,
                   vp_record_get_string (VP_RECORD (subtheme), "ambition"), edit);
}

static GtkWidget *
make_subthemes_group (VpPlanView *self, VpPriority *priority, GPtrArray *subthemes)
{
  GtkWidget *add = NULL;
  GtkWidget *group;

  if (can_edit (self, priority))
    add = make_add_button (self, _ ("Add Sub-theme"), vp_priority_get_title (priority),
                           "plan.add-subtheme",
                           g_variant_new_string (vp_record_get_uuid (VP_RECORD (priority))));
  group = make_group (_ ("Sub-themes"), add);
  for (guint i = 0; subthemes != NULL && i < subthemes->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_subtheme_row (self, g_ptr_array_index (subthemes, i)));
  if (subthemes == NULL || subthemes->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_hint (_ ("No sub-themes.")));
  return group;
}

/* The goal's sub-theme letter, or a blank as wide where the priority has
 * sub-themes, so that the texts line up. */
static GtkWidget *
make_goal_prefix (VpPlanView *self, VpGoal *goal, gboolean has_subthemes)
{
  VpRecord *subtheme
    = vp_store_lookup (self->store, vp_record_get_string (VP_RECORD (goal), "subtheme"));

  if (VP_IS_SUBTHEME (subtheme))
    return make_letter (vp_subtheme_get_letter (VP_SUBTHEME (subtheme)),
                        vp_subtheme_get_title (VP_SUBTHEME (subtheme)));
  return has_subthemes ? make_letter ("", NULL) : NULL;
}

static GtkWidget *
make_goal_row (VpPlanView *self, VpGoal *goal, gboolean has_subthemes)
{
  const char *text = vp_goal_get_text (goal);
  GtkWidget *edit = NULL;

  if (can_edit (self, goal))
    /* Translators: the tooltip of a goal's edit button */
    edit = make_edit_button (self, goal, _ ("Edit goal"), text);
  watch (self, goal);
  return make_row (make_goal_prefix (self, goal, has_subthemes), NULL, text, edit);
}

static const char *
goals_title (VpPlanView *self, VpGoalKind kind, char **owned)
{
  int first = vp_plan_get_first_year (self->plan);

  if (kind == VP_GOAL_KIND_STRATEGIC)
    return _ ("Strategic Goals");
  if (first != vp_plan_get_last_year (self->plan))
    return _ ("Goals for This Year");
  /* Translators: the heading above a one-year plan's goals for its year: “Goals for 2024” */
  return *owned = g_strdup_printf (_ ("Goals for %d"), first);
}

static GtkWidget *
make_goals_group (
  VpPlanView *self, VpPriority *priority, GPtrArray *goals, VpGoalKind kind, gboolean has_subthemes)
{
  g_autofree char *owned_title = NULL;
  const char *title = goals_title (self, kind, &owned_title);
  GtkWidget *add = NULL;
  GtkWidget *group;
  guint shown = 0;

  if (can_edit (self, priority))
    add = make_add_button (self, _ ("Add Goal"), title, "plan.add-goal",
                           g_variant_new ("(si)", vp_record_get_uuid (VP_RECORD (priority)), kind));
  group = make_group (title, add);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      VpGoal *goal = g_ptr_array_index (goals, i);

      if (vp_record_get_int (VP_RECORD (goal), "kind") != (int) kind)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 make_goal_row (self, goal, has_subthemes));
      shown++;
    }
  if (shown == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_hint (kind == VP_GOAL_KIND_STRATEGIC
                                            ? _ ("No strategic goals yet.")
                                            : _ ("No goals for this year yet.")));
  return group;
}

static GtkWidget *
make_priority_section (VpPlanView *self,
                       VpPriority *priority,
                       GPtrArray *subthemes,
                       GPtrArray *goals)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *ambition = make_ambition (priority, subthemes);
  gboolean has_subthemes = subthemes != NULL && subthemes->len > 0;

  gtk_box_append (GTK_BOX (section), make_priority_header (self, priority));
  if (ambition != NULL)
    gtk_box_append (GTK_BOX (section), ambition);
  gtk_box_append (GTK_BOX (section), make_subthemes_group (self, priority, subthemes));
  gtk_box_append (GTK_BOX (section),
                  make_goals_group (self, priority, goals, VP_GOAL_KIND_STRATEGIC, has_subthemes));
  gtk_box_append (GTK_BOX (section),
                  make_goals_group (self, priority, goals, VP_GOAL_KIND_YEAR, has_subthemes));
  watch (self, priority);
  return section;
}

/* The records of @type, in the store's order, by the UUID of the record
 * they belong to. */
static GHashTable *
collect_by_parent (VpPlanView *self, GType type)
{
  GHashTable *by_parent
    = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *all = vp_store_get_records (self->store, type);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      VpRecord *record = g_list_model_get_item (all, i);
      const char *parent = vp_record_get_parent_uuid (record);
      GPtrArray *records = g_hash_table_lookup (by_parent, parent);

      if (records == NULL)
        {
          records = g_ptr_array_new_with_free_func (g_object_unref);
          /* the key lives as long as the record the array holds */
          g_hash_table_insert (by_parent, (gpointer) parent, records);
        }
      g_ptr_array_add (records, record);
    }
  return by_parent;
}

static void
show_priorities (VpPlanView *self)
{
  g_autoptr (GHashTable) subthemes = collect_by_parent (self, VP_TYPE_SUBTHEME);
  g_autoptr (GHashTable) goals = collect_by_parent (self, VP_TYPE_GOAL);
  GListModel *priorities = vp_store_get_records (self->store, VP_TYPE_PRIORITY);
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr (VpPriority) priority = g_list_model_get_item (priorities, i);
      const char *uuid = vp_record_get_uuid (VP_RECORD (priority));

      if (!belongs_to (priority, self->plan))
        continue;
      gtk_box_append (self->priorities_box,
                      make_priority_section (self, priority, g_hash_table_lookup (subthemes, uuid),
                                             g_hash_table_lookup (goals, uuid)));
      shown++;
    }
  if (shown == 0)
    gtk_box_append (self->priorities_box,
                    make_hint (_ ("No priorities yet. Add the themes this plan works on.")));
}

static GtkWidget *
make_definition_row (VpPlanView *self, VpDefinition *definition)
{
  const char *term = vp_definition_get_term (definition);
  GtkWidget *edit = NULL;

  if (can_edit (self, definition))
    /* Translators: the tooltip of a definition's edit button */
    edit = make_edit_button (self, definition, _ ("Edit definition"), term);
  watch (self, definition);
  return make_row (NULL, term, vp_definition_get_text (definition), edit);
}

static GtkWidget *
make_section_group (VpPlanView *self, const char *section)
{
  GtkWidget *add = make_add_button (self, _ ("Add Definition"), section, "plan.add-definition",
                                    g_variant_new_string (section));

  return make_group (section, add);
}

/* A group per section, in the order the sections first come in. */
static void
show_definitions (VpPlanView *self)
{
  GListModel *definitions = vp_store_get_records (self->store, VP_TYPE_DEFINITION);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (definitions); i++)
    {
      g_autoptr (VpDefinition) definition = g_list_model_get_item (definitions, i);
      const char *section = vp_record_get_string (VP_RECORD (definition), "section");
      GtkWidget *group;

      if (!belongs_to (definition, self->plan))
        continue;
      section = section != NULL ? section : "";
      group = g_hash_table_lookup (groups, section);
      if (group == NULL)
        {
          group = make_section_group (self, section);
          g_hash_table_insert (groups, g_strdup (section), group);
          gtk_box_append (self->definitions_box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 make_definition_row (self, definition));
    }
  if (g_hash_table_size (groups) == 0)
    gtk_box_append (self->definitions_box, make_hint (_ ("No definitions yet.")));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gboolean
is_value (gpointer key, gpointer value, gpointer user_data)
{
  return value == user_data;
}

/* What the focused button does, if the focus is on one that a rebuild
 * replaces. */
static char *
dup_focus_key (VpPlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  while (focus != NULL && g_hash_table_find (self->buttons, is_value, focus) == NULL)
    focus = gtk_widget_get_parent (focus);
  return focus != NULL ? button_key (focus) : NULL;
}

/* While the buttons are replaced, the focus waits on the view itself:
 * left on a button that goes, GTK would move it to another one, and the
 * scrolled window would scroll there. */
static void
hold_focus (VpPlanView *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Focusable only while it holds the focus: no extra stop for Tab. */
static void
on_focus_is_focus_cb (VpPlanView *self, GParamSpec *pspec, GtkEventControllerFocus *focus)
{
  if (!gtk_event_controller_focus_is_focus (focus))
    gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static gboolean
on_tick_restore_focus_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);
  GtkWidget *button = g_hash_table_lookup (self->buttons, self->focus_key);

  if (button != NULL && gtk_widget_get_width (button) == 0 && self->focus_frames++ < 10)
    return G_SOURCE_CONTINUE;
  if (button != NULL)
    gtk_widget_grab_focus (button);
  self->focus_tick = 0;
  g_clear_pointer (&self->focus_key, g_free);
  return G_SOURCE_REMOVE;
}

/* The focus goes back to the button that does what the focused one did,
 * once the new buttons have their place: grabbed before, the scrolled
 * window would scroll to where they are not yet. */
static void
restore_focus (VpPlanView *self, char *key)
{
  g_free (self->focus_key);
  self->focus_key = key;
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick
      = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_restore_focus_cb, NULL, NULL);
}

static void
update_actions (VpPlanView *self)
{
  const char *actions[] = { "plan.add-priority", "plan.add-subtheme", "plan.add-goal",
                            "plan.add-definition", "plan.edit" };

  /* nor while the plan is shown as of a date */
  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i],
                                   self->plan != NULL && !vp_plan_is_closed (self->plan)
                                     && vp_store_get_as_of (self->store) == NULL);
}

static void
drop_plan_page (VpPlanView *self)
{
  if (self->page_plan != NULL)
    g_clear_signal_handler (&self->page_handler, self->page_plan);
  g_clear_object (&self->page_plan);
  clear_box (self->plan_box);
}

static void
on_page_plan_notify_cb (VpPlanView *self)
{
  drop_plan_page (self);
  queue_rebuild (self);
}

static void
show_plan_page (VpPlanView *self)
{
  if (self->page_plan == self->plan)
    return;
  drop_plan_page (self);
  self->page_plan = g_object_ref (self->plan);
  self->page_handler = g_signal_connect_object (
    self->plan, "notify", G_CALLBACK (on_page_plan_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->plan_box, vp_plan_page_new (self->store, self->plan));
}

static void
rebuild (VpPlanView *self)
{
  g_autofree char *focus_key = dup_focus_key (self);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->stale = FALSE;
  if (focus_key != NULL)
    hold_focus (self);
  unwatch_all (self);
  g_hash_table_remove_all (self->buttons);
  clear_box (self->priorities_box);
  clear_box (self->definitions_box);
  update_actions (self);
  if (self->plan == NULL)
    {
      drop_plan_page (self);
      return;
    }
  /* the plan itself first: its title, years, owner, … */
  show_plan_page (self);
  show_priorities (self);
  show_definitions (self);
  if (focus_key != NULL && g_hash_table_contains (self->buttons, focus_key))
    restore_focus (self, g_steal_pointer (&focus_key));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  VpPlanView *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Hidden behind another view, it waits until it is shown. */
static void
queue_rebuild (VpPlanView *self)
{
  self->stale = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, self, NULL);
}

static void
on_editor_done_cb (VpPlanView *self, const char *message)
{
  vp_view_done (VP_VIEW (self), message);
}

static void
present_editor (VpPlanView *self, GtkWidget *editor)
{
  g_signal_connect_object (editor, "done", G_CALLBACK (on_editor_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWindow *
get_parent_window (VpPlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_priority_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);

  present_editor (self,
                  vp_priority_editor_new (get_parent_window (self), self->store, self->plan, NULL));
}

static void
add_subtheme_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);
  VpRecord *priority = vp_store_lookup (self->store, g_variant_get_string (parameter, NULL));

  if (!VP_IS_PRIORITY (priority) || !can_edit (self, priority))
    return;
  present_editor (self, vp_subtheme_editor_new (get_parent_window (self), self->store, self->plan,
                                                NULL, VP_PRIORITY (priority)));
}

static void
add_goal_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);
  const char *uuid;
  int kind;
  VpRecord *priority;

  g_variant_get (parameter, "(&si)", &uuid, &kind);
  priority = vp_store_lookup (self->store, uuid);
  if (!VP_IS_PRIORITY (priority) || !can_edit (self, priority))
    return;
  present_editor (self, vp_goal_editor_new (get_parent_window (self), self->store, self->plan, NULL,
                                            VP_PRIORITY (priority), kind));
}

static void
add_definition_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);

  present_editor (self, vp_definition_editor_new (get_parent_window (self), self->store, self->plan,
                                                  NULL, g_variant_get_string (parameter, NULL)));
}

static GtkWidget *
make_editor (VpPlanView *self, VpRecord *record)
{
  GtkWindow *parent = get_parent_window (self);

  if (VP_IS_PRIORITY (record))
    return vp_priority_editor_new (parent, self->store, self->plan, VP_PRIORITY (record));
  if (VP_IS_SUBTHEME (record))
    return vp_subtheme_editor_new (parent, self->store, self->plan, VP_SUBTHEME (record), NULL);
  if (VP_IS_GOAL (record))
    return vp_goal_editor_new (parent, self->store, self->plan, VP_GOAL (record), NULL, 0);
  if (VP_IS_DEFINITION (record))
    return vp_definition_editor_new (parent, self->store, self->plan, VP_DEFINITION (record), NULL);
  return NULL;
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);
  VpRecord *record = vp_store_lookup (self->store, g_variant_get_string (parameter, NULL));
  GtkWidget *editor;

  if (record == NULL || !can_edit (self, record))
    return;
  editor = make_editor (self, record);
  if (editor != NULL)
    present_editor (self, editor);
}

static void
watch_store (VpPlanView *self)
{
  GType types[] = { VP_TYPE_PRIORITY, VP_TYPE_SUBTHEME, VP_TYPE_GOAL, VP_TYPE_DEFINITION,
                    VP_TYPE_ORGANISATION };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_connect_object (vp_store_get_records (self->store, types[i]), "items-changed",
                             G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::home-municipality", G_CALLBACK (queue_rebuild),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::as-of", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
}

static void
vp_plan_view_constructed (GObject *object)
{
  VpPlanView *self = VP_PLAN_VIEW (object);

  G_OBJECT_CLASS (vp_plan_view_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));
  watch_store (self);
  rebuild (self);
}

static void
vp_plan_view_map (GtkWidget *widget)
{
  VpPlanView *self = VP_PLAN_VIEW (widget);

  GTK_WIDGET_CLASS (vp_plan_view_parent_class)->map (widget);
  if (self->stale)
    rebuild (self);
}

static void
vp_plan_view_dispose (GObject *object)
{
  VpPlanView *self = VP_PLAN_VIEW (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  g_clear_pointer (&self->focus_key, g_free);
  if (self->watched != NULL)
    unwatch_all (self);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  if (self->plan_box != NULL)
    drop_plan_page (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PLAN_VIEW);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_plan_view_parent_class)->dispose (object);
}

static void
vp_plan_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpPlanView *self = VP_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_plan_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VpPlanView *self = VP_PLAN_VIEW (object);

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
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.add-priority", NULL, add_priority_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-subtheme", "s", add_subtheme_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", "(si)", add_goal_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-definition", "s",
                                   add_definition_activated);
  gtk_widget_class_install_action (widget_class, "plan.edit", "s", edit_activated);
}

static void
vp_plan_view_class_init (VpPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_plan_view_constructed;
  object_class->dispose = vp_plan_view_dispose;
  object_class->get_property = vp_plan_view_get_property;
  object_class->set_property = vp_plan_view_set_property;
  widget_class->map = vp_plan_view_map;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "done" (what an editor did, for a toast) is VpView's */

  gtk_widget_class_set_template_from_resource (
    widget_class, "/nl/veiligheidsplan/Veiligheidsplan/ui/vp-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPlanView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VpPlanView, plan_box);
  gtk_widget_class_bind_template_child (widget_class, VpPlanView, priorities_box);
  gtk_widget_class_bind_template_child (widget_class, VpPlanView, definitions_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  install_actions (widget_class);
}

static void
vp_plan_view_init (VpPlanView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (focus, "notify::is-focus", G_CALLBACK (on_focus_is_focus_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * vp_plan_view_new:
 * @store: the plan database
 *
 * The plan view for the main window: add it to the window's view stack,
 * give it the plan shown with vp_plan_view_set_plan(), and show its
 * "done" messages (an editor saved or deleted something) as toasts.
 *
 * Returns: (transfer floating): a new plan view, showing no plan
 */
GtkWidget *
vp_plan_view_new (VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_PLAN_VIEW, "store", store, NULL);
}

/**
 * vp_plan_view_set_plan:
 * @plan: (nullable): the plan to show
 */
void
vp_plan_view_set_plan (VpPlanView *self, VpPlan *plan)
{
  g_return_if_fail (VP_IS_PLAN_VIEW (self));
  g_return_if_fail (plan == NULL || VP_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || plan == NULL)
    rebuild (self);
  else
    queue_rebuild (self);
}
