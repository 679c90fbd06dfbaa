/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-import-rows.h"

/*
 * The words of the import preview: a record in one line ("Sub-theme B:
 * Mensenhandel"), its kind, the priority it belongs to, and the fields a
 * partner's version changes, side by side with ours.
 */

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "title", N_ ("Title") },
  { "text", N_ ("Text") },
  { "number", N_ ("Number") },
  { "scope", N_ ("Scope") },
  { "owner", N_ ("Owner") },
  { "ambition", N_ ("Ambition") },
  { "portfolio-holders", N_ ("Portfolio Holders") },
  { "budget-cents", N_ ("Budget") },
  { "colour", N_ ("Colour") },
  { "letter", N_ ("Letter") },
  { "subtheme", N_ ("Sub-theme") },
  { "kind", N_ ("Kind") },
  { "position", N_ ("Order") },
  { "lead-kind", N_ ("Lead") },
  { "lead", N_ ("Lead") },
  { "lead-note", N_ ("Lead note") },
  { "year", N_ ("Year") },
  { "quarter", N_ ("Quarter") },
  { "planned-year", N_ ("Planned Year") },
  { "planned-quarter", N_ ("Planned Quarter") },
  { "category", N_ ("Category") },
  { "target", N_ ("Target") },
  { "target-unit", N_ ("Unit") },
  { "status", N_ ("Status") },
  { "achieved", N_ ("Achieved") },
  { "note", N_ ("Note") },
  { "municipality", N_ ("Municipality") },
  { "from", N_ ("From") },
  { "to", N_ ("To") },
  { "section", N_ ("Section") },
  { "term", N_ ("Term") },
  { "first-year", N_ ("First Year") },
  { "last-year", N_ ("Last Year") },
  { "participants", N_ ("Participants") },
  { "framework-title", N_ ("Framework") },
  { "framework-first-year", N_ ("Framework From") },
  { "framework-last-year", N_ ("Framework Until") },
  { "intro", N_ ("Introduction") },
  { "name", N_ ("Name") },
  { "code", N_ ("Code") },
};

static const char *
field_label (GParamSpec *field)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if (g_str_equal (field_labels[i].field, field->name))
        return _ (field_labels[i].label);
    }
  return field->name;
}

/**
 * vp_import_find:
 *
 * Returns: (transfer none) (nullable): the record @uuid of the file, or of
 *   the database
 */
VpRecord *
vp_import_find (VpStore *store, GHashTable *records, const char *uuid)
{
  VpRecord *record;

  if (uuid == NULL)
    return NULL;
  record = g_hash_table_lookup (records, uuid);
  return record != NULL ? record : vp_store_lookup (store, uuid);
}

/**
 * vp_import_priority_of:
 *
 * Returns: (transfer none) (nullable): the priority @record is (part of),
 *   %NULL for a plan, an organisation or a definition
 */
VpPriority *
vp_import_priority_of (VpStore *store, GHashTable *records, VpRecord *record)
{
  for (VpRecord *r = record; r != NULL;
       r = vp_import_find (store, records, vp_record_get_parent_uuid (r)))
    {
      if (VP_IS_PRIORITY (r))
        return VP_PRIORITY (r);
    }
  return NULL;
}

/**
 * vp_import_kind_label:
 *
 * Returns: what @record is, for people: "Action", "Sub-theme"
 */
const char *
vp_import_kind_label (VpRecord *record)
{
  if (VP_IS_ORGANISATION (record))
    return _ ("Organisation");
  if (VP_IS_PLAN (record))
    return _ ("Plan");
  if (VP_IS_PRIORITY (record))
    return _ ("Priority");
  if (VP_IS_SUBTHEME (record))
    return _ ("Sub-theme");
  if (VP_IS_GOAL (record))
    return vp_record_get_int (record, "kind") == VP_GOAL_KIND_STRATEGIC ? _ ("Strategic goal")
                                                                        : _ ("Goal for this year");
  if (VP_IS_ACTION (record))
    return _ ("Action");
  if (VP_IS_ACTION_STATUS (record))
    return _ ("Status");
  if (VP_IS_STATUS_EVENT (record))
    return _ ("History");
  if (VP_IS_DEFINITION (record))
    return _ ("Definition");
  return VP_RECORD_GET_CLASS (record)->table;
}

static const char *
name_of (VpStore *store, const char *code)
{
  VpOrganisation *organisation = vp_store_lookup_organisation (store, code);

  return organisation != NULL ? vp_organisation_get_name (organisation) : code;
}

static const char *
status_label (const char *nick)
{
  int status;

  if (nick != NULL && vp_enum_from_nick (VP_TYPE_STATUS, nick, &status))
    return vp_enum_get_label (VP_TYPE_STATUS, status);
  return nick != NULL ? nick : "—";
}

/**
 * vp_import_describe:
 *
 * Returns: (transfer full): @record in a line, plain text: "Sub-theme B:
 *   Mensenhandel", an action's text, "Barneveld: Done"
 */
char *
vp_import_describe (VpStore *store, VpRecord *record)
{
  if (VP_IS_SUBTHEME (record))
    /* Translators: a sub-theme's letter and title */
    return g_strdup_printf (_ ("%s. %s"), vp_record_get_string (record, "letter"),
                            vp_record_get_string (record, "title"));
  if (VP_IS_PRIORITY (record))
    /* Translators: a priority's number and title */
    return g_strdup_printf (_ ("%d. %s"), vp_record_get_int (record, "number"),
                            vp_record_get_string (record, "title"));
  if (VP_IS_ACTION_STATUS (record))
    /* Translators: a municipality's status of an action: "Barneveld: Done" */
    return g_strdup_printf (
      _ ("%s: %s"), name_of (store, vp_record_get_string (record, "municipality")),
      vp_enum_get_label (VP_TYPE_STATUS, vp_record_get_int (record, "status")));
  if (VP_IS_STATUS_EVENT (record))
    {
      const char *from = vp_record_get_string (record, "from");
      const char *to = vp_record_get_string (record, "to");

      if (vp_record_get_int (record, "kind") == VP_EVENT_KIND_STATUS)
        from = status_label (from), to = status_label (to);
      /* Translators: a change in an action's history: "Barneveld: Planned → Done" */
      return g_strdup_printf (_ ("%s: %s → %s"),
                              name_of (store, vp_record_get_string (record, "municipality")),
                              from != NULL ? from : "—", to);
    }
  if (VP_IS_ORGANISATION (record))
    return g_strdup (vp_record_get_string (record, "name"));
  if (VP_IS_PLAN (record))
    return g_strdup (vp_record_get_string (record, "title"));
  if (VP_IS_DEFINITION (record))
    return g_strdup (vp_record_get_string (record, "term"));
  return g_strdup (vp_record_get_string (record, "text"));
}

static gboolean
field_differs (VpRecord *a, VpRecord *b, GParamSpec *field)
{
  return !vp_record_field_equal (a, b, field);
}

/**
 * vp_import_changed_fields:
 *
 * Returns: (transfer full): the labels of the fields that differ: "Text,
 *   Quarter"
 */
char *
vp_import_changed_fields (VpRecord *ours, VpRecord *theirs)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (ours);
  g_autoptr (GString) labels = g_string_new (NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!field_differs (ours, theirs, klass->fields[i]))
        continue;
      if (labels->len > 0)
        /* Translators: between the names of fields: "Text, Quarter" */
        g_string_append (labels, _ (", "));
      g_string_append (labels, field_label (klass->fields[i]));
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static char *
format_reference (VpStore *store, GHashTable *records, GParamSpec *field, const char *text)
{
  VpRecord *record;

  if (g_str_equal (field->name, "lead") || g_str_equal (field->name, "owner")
      || g_str_equal (field->name, "municipality"))
    return g_strdup (name_of (store, text));
  if (g_str_equal (field->name, "subtheme") || g_str_equal (field->name, "priority"))
    {
      record = vp_import_find (store, records, text);
      return record != NULL ? vp_import_describe (store, record) : g_strdup (text);
    }
  return g_strdup (text);
}

/* A field's value, for people: "—" for none. */
static char *
format_value (VpStore *store, GHashTable *records, VpRecord *record, GParamSpec *field)
{
  const GValue *value = vp_record_get_field (record, field);

  if (field->value_type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return g_strdup ("—");
      return format_reference (store, records, field, text);
    }
  if (field->value_type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (value);

      if (strv == NULL || strv[0] == NULL)
        return g_strdup ("—");
      /* Translators: between the items of a list */
      return g_strjoinv (_ (", "), (char **) strv);
    }
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value) < 0 ? g_strdup ("—")
                                         : vp_budget_format (g_value_get_int64 (value));
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (vp_enum_get_label (field->value_type, g_value_get_enum (value)));
  if (g_value_get_int (value) == 0
      && vp_store_get_field_flags (store, G_OBJECT_TYPE (record), field) & VP_FIELD_OPTIONAL)
    return g_strdup ("—");
  return g_strdup_printf ("%d", g_value_get_int (value));
}

static GtkWidget *
cell_new (const char *text, const char *style, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), wrap);
  if (wrap)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/**
 * vp_import_diff_new:
 * @partner: the partner's name, the heading of its column
 *
 * Returns: (transfer floating): a grid of the fields in which @theirs
 *   differs from @ours: field, ours, theirs
 */
GtkWidget *
vp_import_diff_new (
  VpStore *store, GHashTable *records, VpRecord *ours, VpRecord *theirs, const char *partner)
{
  VpRecordClass *klass = VP_RECORD_GET_CLASS (ours);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int row = 1;

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "vp-diff");
  /* Translators: the heading of the column of this database's values */
  /* the word of the choice that keeps it: one word for one idea */
  gtk_grid_attach (grid, cell_new (_ ("Ours"), "caption-heading", FALSE), 1, 0, 1, 1);
  gtk_grid_attach (grid, cell_new (partner, "caption-heading", FALSE), 2, 0, 1, 1);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *field = klass->fields[i];
      g_autofree char *our_value = NULL;
      g_autofree char *their_value = NULL;

      if (!field_differs (ours, theirs, field))
        continue;
      our_value = format_value (store, records, ours, field);
      their_value = format_value (store, records, theirs, field);
      gtk_grid_attach (grid, cell_new (field_label (field), "dim-label", FALSE), 0, row, 1, 1);
      gtk_grid_attach (grid, cell_new (our_value, NULL, TRUE), 1, row, 1, 1);
      gtk_grid_attach (grid, cell_new (their_value, NULL, TRUE), 2, row, 1, 1);
      row++;
    }
  return GTK_WIDGET (grid);
}

/**
 * vp_import_kind_line:
 *
 * Returns: (transfer full): what @record is, with the action it belongs to
 *   for a status or a history event: "Status · We organiseren vijf…"
 */
char *
vp_import_kind_line (VpStore *store, GHashTable *records, VpRecord *record)
{
  VpRecord *action;
  g_autofree char *text = NULL;

  if (!VP_IS_ACTION_STATUS (record) && !VP_IS_STATUS_EVENT (record))
    return g_strdup (vp_import_kind_label (record));
  action = vp_import_find (store, records, vp_record_get_parent_uuid (record));
  if (action == NULL)
    return g_strdup (vp_import_kind_label (record));
  text = g_strdup (vp_record_get_string (action, "text"));
  if (g_utf8_strlen (text, -1) > 60)
    {
      g_utf8_offset_to_pointer (text, 59)[0] = '\0';
      /* Translators: a shortened text */
      return g_strdup_printf (_ ("%s · %s…"), vp_import_kind_label (record), text);
    }
  /* Translators: what a record is and the action it belongs to: "Status · We organiseren…" */
  return g_strdup_printf (_ ("%s · %s"), vp_import_kind_label (record), text);
}
