/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-plan-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rules/vp-plan-rules.h"
#include "vp-accessible.h"
#include "vp-format.h"
#include "vp-plan-page.h"

/*
 * The top of the Plan view: the plan itself, its title, years, owner,
 * participants, framework and introduction, with Edit Plan… and Next
 * Year's Plan… for those who may change it (win.edit-plan,
 * win.next-year), and for a closed plan a line saying so with Reopen.
 * Made anew with the rest of the view when the plan changes.
 */

static GtkWidget *
make_text (const char *text, const char *css_class)
{
  g_autofree char *shown = vp_format_display_paragraphs (text);
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A long introduction shows its first lines; Edit Plan… has all of it. */
#define MAX_LINES 6

static void
add_field (GtkWidget *group, const char *heading, const char *value)
{
  gboolean empty = value == NULL || *value == '\0';
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *shown = vp_format_display_paragraphs (value);
  GtkWidget *text = make_text (empty ? "—" : shown, NULL);
  /* Translators: what a screen reader says of a field of the plan: "Years: 2024" */
  g_autofree char *spoken = g_strdup_printf (_ ("%s: %s"), heading, empty ? _ ("not set") : shown);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (box), make_text (heading, "dim-label"));
  gtk_label_set_lines (GTK_LABEL (text), MAX_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  /* the group's list, which takes the focus */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("The plan"), -1);
}

static char *
format_years (int first, int last)
{
  if (first == 0)
    return g_strdup ("");
  if (last == 0 || last == first)
    return g_strdup_printf ("%d", first);
  return g_strdup_printf ("%d–%d", first, last);
}

static const char *
organisation_name (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

static char *
format_owner (VpStore *store, VpPlan *plan)
{
  if (vp_plan_get_ownership (plan) == VP_PLAN_OWNERSHIP_COALITION)
    return g_strdup (_ ("The coalition as a whole: every municipality taking part edits it"));
  return g_strdup (organisation_name (store, vp_plan_get_owner (plan)));
}

static char *
format_participants (VpStore *store, VpPlan *plan)
{
  const char *const *codes = vp_record_get_strv (VP_RECORD (plan), "participants");
  g_autoptr (GString) text = g_string_new (NULL);

  for (gsize i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", organisation_name (store, codes[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_framework (VpPlan *plan)
{
  const char *title = vp_record_get_string (VP_RECORD (plan), "framework-title");
  g_autofree char *years
    = format_years (vp_record_get_int (VP_RECORD (plan), "framework-first-year"),
                    vp_record_get_int (VP_RECORD (plan), "framework-last-year"));

  g_autofree char *hyphen
    = g_strdup_printf ("%d-%d", vp_record_get_int (VP_RECORD (plan), "framework-first-year"),
                       vp_record_get_int (VP_RECORD (plan), "framework-last-year"));

  if (title == NULL || *title == '\0')
    return g_strdup ("");
  /* "Integraal Veiligheidsplan 2024-2027" says its years already */
  if (*years == '\0' || strstr (title, years) != NULL || strstr (title, hyphen) != NULL)
    return g_strdup (title);
  /* Translators: the framework a plan carries out, and its years */
  return g_strdup_printf (_ ("%s (%s)"), title, years);
}

static GtkWidget *
make_button (const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
make_heading (VpStore *store, VpPlan *plan)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = make_text (vp_plan_get_title (plan), "title-1");
  gboolean mine = vp_plan_rules_may_edit_plan (plan, vp_store_get_home_municipality (store));

  gtk_widget_set_hexpand (title, TRUE);
  vp_accessible_make_heading (title, 1);
  gtk_box_append (GTK_BOX (box), title);
  if (mine && !vp_plan_is_closed (plan))
    {
      gtk_box_append (GTK_BOX (box), make_button (_ ("_Edit Plan…"), "win.edit-plan"));
      gtk_box_append (GTK_BOX (box), make_button (_ ("Next _Year’s Plan…"), "win.next-year"));
    }
  return box;
}

static GtkWidget *
make_closed_line (VpStore *store, VpPlan *plan)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *closed_at = vp_record_get_string (VP_RECORD (plan), "closed-at");
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (closed_at, NULL);
  g_autoptr (GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;
  g_autofree char *date = local != NULL ? g_date_time_format (local, "%x") : g_strdup ("");
  /* Translators: on a closed plan's page; the date it was closed */
  g_autofree char *text = g_strdup_printf (
    _ ("Closed on %s, when next year’s plan was made from it: it is read-only."), date);

  gtk_widget_add_css_class (box, "home-banner");
  gtk_box_append (GTK_BOX (box), make_text (text, NULL));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (box), TRUE);
  if (vp_plan_rules_may_edit_plan (plan, vp_store_get_home_municipality (store)))
    gtk_box_append (GTK_BOX (box), make_button (_ ("_Reopen"), "win.reopen-plan"));
  return box;
}

/**
 * vp_plan_page_new:
 * @plan: the plan shown
 *
 * Returns: (transfer floating): the plan's own part of the Plan view
 */
GtkWidget *
vp_plan_page_new (VpStore *store, VpPlan *plan)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *years
    = format_years (vp_plan_get_first_year (plan), vp_plan_get_last_year (plan));
  g_autofree char *owner = format_owner (store, plan);
  g_autofree char *participants = format_participants (store, plan);
  g_autofree char *framework = format_framework (plan);

  gtk_box_append (GTK_BOX (box), make_heading (store, plan));
  if (vp_plan_is_closed (plan))
    gtk_box_append (GTK_BOX (box), make_closed_line (store, plan));
  add_field (group, _ ("Years"), years);
  add_field (group, _ ("Owner"), owner);
  add_field (group, _ ("Participants"), participants);
  add_field (group, _ ("Framework"), framework);
  if (vp_record_get_int64 (VP_RECORD (plan), "budget-cents") >= 0)
    {
      g_autofree char *budget
        = vp_budget_format (vp_record_get_int64 (VP_RECORD (plan), "budget-cents"));

      /* Translators: the plan's own budget, besides its priorities' */
      add_field (group, _ ("Budget"), budget);
    }
  add_field (group, _ ("Introduction"), vp_record_get_string (VP_RECORD (plan), "intro"));
  gtk_box_append (GTK_BOX (box), group);
  return box;
}
