/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-accessible.h"
#include "vp-format.h"

/*
 * Helpers for what GTK 4.8 leaves unnamed, and for the keyboard. A GtkMenuButton takes no
 * focus itself: its inner toggle button does, and a screen reader reads
 * that one's name, which an icon-only menu button leaves as its type
 * ("GtkToggleButton"). GTK 4.10 links the two; here the inner button is
 * named.
 */

/**
 * vp_accessible_name_inner_button:
 * @label: what the menu button is for, as a person would say it
 *
 * Names the toggle button inside @button that takes the focus.
 */
void
vp_accessible_name_inner_button (GtkMenuButton *button, const char *label)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (button));

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  /* the button's own name too, and not its label's text after it
   * ("Group cards: not grouped Not Grouped") */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (GTK_IS_TOGGLE_BUTTON (inner))
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

/**
 * vp_accessible_name_menu_buttons:
 * @widget: a widget whose tree holds menu buttons
 *
 * Names each icon-only menu button under @widget after its tooltip (the
 * words a sighted user reads when hovering it).
 */
void
vp_accessible_name_menu_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL
      && gtk_widget_get_tooltip_text (widget) != NULL)
    {
      vp_accessible_name_inner_button (GTK_MENU_BUTTON (widget),
                                       gtk_widget_get_tooltip_text (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vp_accessible_name_menu_buttons (child);
}

/* Tab out of the list: the list is passed over (can-focus off) while the
 * window moves the focus on from it. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint keyval,
                        guint keycode,
                        GdkModifierType state,
                        GtkWidget *list)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));
  GtkDirectionType direction;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;
  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

/**
 * vp_accessible_single_tab_stop:
 * @list: a list view or column view
 *
 * Makes @list one stop of the Tab key: Tab and Shift+Tab leave it, the
 * arrows move within it. GTK 4.8 stops at every row and every button in
 * a row (about 80 presses to pass 42 actions).
 */
void
vp_accessible_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), list);
  gtk_widget_add_controller (list, keys);
}

/**
 * vp_accessible_name_inner_list:
 * @view: a column view
 * @label: what the table holds
 *
 * Names the list inside @view, which takes the focus, and the row of
 * column titles (GTK 4.8 names both after their types).
 */
void
vp_accessible_name_inner_list (GtkColumnView *view, const char *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? label : _ ("Column titles"), -1);
}

/**
 * vp_accessible_strip_mnemonic:
 * @text: a label's text with its mnemonic ("_Save", "Actie _verwijderen")
 *
 * Returns: (transfer full): @text as it is read, without the underscore
 * that marks the mnemonic ("__" stays one underscore).
 */
char *
vp_accessible_strip_mnemonic (const char *text)
{
  GString *spoken = g_string_new (NULL);

  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (spoken, *c);
    }
  return g_string_free (spoken, FALSE);
}

/* The status a sign of vp_format_status_sign() stands for; -1 for none. */
static int
status_of_sign (const char *token)
{
  for (int status = VP_STATUS_PLANNED; status <= VP_STATUS_CANCELLED; status++)
    if (g_str_equal (token, vp_format_status_sign (status)))
      return status;
  return -1;
}

/* A status sign read aloud, as a partner's badge says it; NULL for none. */
static const char *
spoken_status (int status)
{
  switch (status)
    {
    case VP_STATUS_PLANNED:
      /* Translators: a partner's status badge read aloud */
      return _ ("planned");
    case VP_STATUS_IN_PROGRESS:
      /* Translators: a partner's status badge read aloud */
      return _ ("in progress");
    case VP_STATUS_DONE:
      /* Translators: a partner's status badge read aloud */
      return _ ("done");
    case VP_STATUS_POSTPONED:
      /* Translators: a partner's status badge read aloud */
      return _ ("postponed");
    case VP_STATUS_CANCELLED:
      /* Translators: a partner's status badge read aloud */
      return _ ("cancelled");
    default:
      return NULL;
    }
}

/* A token of symbols the screen reader would read by name, as words. */
static const char *
spoken_symbol (const char *token)
{
  if (g_str_equal (token, "·") || g_str_equal (token, "|") || g_str_equal (token, "—")
      || g_str_equal (token, "–"))
    return ",";
  /* Translators: "3 / 5" read aloud: "3 of 5" */
  if (g_str_equal (token, "/"))
    return _ ("of");
  /* Translators: "Planned → Done" read aloud: "Planned to Done" */
  if (g_str_equal (token, "→"))
    return _ ("to");
  return spoken_status (status_of_sign (token));
}

/* A status sign before its word ("○ Planned") is not read: the word says it. */
static gboolean
is_status_sign (const char *token)
{
  return status_of_sign (token) >= 0;
}

/**
 * vp_accessible_spoken:
 * @text: a text as it shows: "Q1 2024 · overdue", "0 / 5", "—"
 *
 * Returns: (transfer full): @text as a screen reader should say it,
 * words for the symbols that stand alone between spaces ("Q1 2024,
 * overdue", "0 of 5", "A, Drugs"; "none" for a dash alone); %NULL when
 * @text has none.
 */
char *
vp_accessible_spoken (const char *text)
{
  /* a badge keeps its name and sign together with a no-break space */
  g_autoptr (GString) spaced = g_string_new (text);
  g_auto (GStrv) tokens = NULL;
  GString *spoken = g_string_new (NULL);
  gboolean changed = FALSE;

  g_string_replace (spaced, "\u00a0", " ", 0);
  tokens = g_strsplit (spaced->str, " ", -1);

  /* a dash alone stands for no value; between words it separates them */
  if (g_strcmp0 (text, "—") == 0 || g_strcmp0 (text, "–") == 0)
    {
      g_string_free (spoken, TRUE);
      /* Translators: "—" read aloud, where a value is missing: "none" */
      return g_strdup (_ ("none"));
    }

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *word = spoken_symbol (tokens[i]);

      /* "○ Planned" reads "Planned"; "— Another …" reads "Another …" */
      if (word != NULL && spoken->len == 0 && tokens[i + 1] != NULL && *tokens[i + 1] != '\0'
          && (is_status_sign (tokens[i]) || g_str_equal (word, ",")))
        {
          changed = TRUE;
          continue;
        }
      if (word != NULL && g_str_equal (word, ",") && spoken->len > 0)
        g_string_append_c (spoken, ',');
      else if (word != NULL)
        g_string_append_printf (spoken, "%s%s", spoken->len > 0 ? " " : "", word);
      else if (*tokens[i] != '\0')
        g_string_append_printf (spoken, "%s%s", spoken->len > 0 ? " " : "", tokens[i]);
      changed = changed || word != NULL;
    }
  if (!changed)
    {
      g_string_free (spoken, TRUE);
      return NULL;
    }
  return g_string_free (spoken, FALSE);
}

static void
name_label_as_spoken (GtkLabel *label)
{
  g_autofree char *spoken = vp_accessible_spoken (gtk_label_get_text (label));

  /* (a label without symbols is named by GTK after its text, anew with
   * each text) */
  if (spoken != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                    -1);
}

/* A label that shows symbols is named in words, now and when its text
 * changes ("Nijkerk · 2024" reads "Nijkerk, 2024"). */
static void
watch_label (GtkLabel *label)
{
  if (g_object_get_data (G_OBJECT (label), "vp-spoken") != NULL)
    return;
  g_object_set_data (G_OBJECT (label), "vp-spoken", GINT_TO_POINTER (TRUE));
  name_label_as_spoken (label);
  g_signal_connect (label, "notify::label", G_CALLBACK (name_label_as_spoken), NULL);
}

/* GTK 4.8 names a button with a mnemonic after its raw label and, again,
 * after the label inside it ("_Save Save"), and a check button after its
 * raw label ("_Whole coalition"): the name is set once, as it is read. */
static void
name_after_label (GtkWidget *widget)
{
  const char *label = GTK_IS_BUTTON (widget)
                        ? gtk_button_get_label (GTK_BUTTON (widget))
                        : gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  g_autofree char *spoken = vp_accessible_strip_mnemonic (label);

  if (label == NULL)
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static gboolean
uses_mnemonic (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget))
    return gtk_button_get_use_underline (GTK_BUTTON (widget))
           && gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget))
           && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL;
  return FALSE;
}

/**
 * vp_accessible_name_mnemonic:
 * @widget: a button or check button
 *
 * Names @widget after its label once, without the mnemonic's underscore,
 * now and whenever its label changes. Does nothing to a widget without a
 * mnemonic.
 */
void
vp_accessible_name_mnemonic (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!uses_mnemonic (widget))
    return;
  name_after_label (widget);
  if (g_object_get_data (G_OBJECT (widget), "vp-mnemonic-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "vp-mnemonic-named", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (name_after_label), NULL);
}

/* The title label AdwPreferencesGroup (1.2) shows: a label of the group's
 * own header whose text is the title. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text, int depth)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  if (depth == 0 || GTK_IS_LIST_BOX (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, depth - 1);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * vp_accessible_make_heading:
 * @label: a label that titles what follows it
 * @level: its level (1 for the page's title)
 *
 * Makes @label a heading of @level to a screen reader (Orca's H key
 * moves from one to the next).
 */
void
vp_accessible_make_heading (GtkWidget *label, int level)
{
  g_return_if_fail (GTK_IS_WIDGET (label));

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) != GTK_ACCESSIBLE_ROLE_HEADING)
    g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
}

/* A group's title as a heading of @level, unless it is one already. */
static void
heading_group (AdwPreferencesGroup *group, int level)
{
  const char *title = adw_preferences_group_get_title (group);
  GtkWidget *label
    = title != NULL && *title != '\0' ? find_label (GTK_WIDGET (group), title, 4) : NULL;

  if (label != NULL
      && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) != GTK_ACCESSIBLE_ROLE_HEADING)
    vp_accessible_make_heading (label, level);
}

/**
 * vp_accessible_heading_groups:
 * @widget: a page, editor or dialog
 * @level: the level of its groups' titles
 *
 * Makes the title of each titled AdwPreferencesGroup under @widget a
 * heading of @level.
 */
void
vp_accessible_heading_groups (GtkWidget *widget, int level)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_PREFERENCES_GROUP (widget))
    heading_group (ADW_PREFERENCES_GROUP (widget), level);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vp_accessible_heading_groups (child, level);
}

static void
name_drop_down (GtkDropDown *dropdown)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  const char *purpose = g_object_get_data (G_OBJECT (dropdown), "vp-purpose");
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto (GValue) value = G_VALUE_INIT;
  const char *chosen = NULL;
  g_autofree char *name = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    chosen = gtk_string_object_get_string (item);
  else if (item != NULL && expression != NULL && gtk_expression_evaluate (expression, item, &value)
           && G_VALUE_HOLDS_STRING (&value))
    chosen = g_value_get_string (&value);
  /* Translators: a drop-down's name: what it chooses, and what is chosen
   * ("Status: In progress") */
  name = chosen != NULL ? g_strdup_printf (_ ("%s: %s"), purpose, chosen) : g_strdup (purpose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  for (; inner != NULL; inner = gtk_widget_get_next_sibling (inner))
    {
      if (GTK_IS_TOGGLE_BUTTON (inner))
        gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }
}

/**
 * vp_accessible_name_drop_down:
 * @dropdown: a drop-down
 * @purpose: what it chooses, as a person would say it
 *
 * Names @dropdown and the toggle button inside it that takes the focus
 * (which GTK 4.8 names after its type) after its purpose and its choice,
 * "Status: In progress", now and whenever the choice changes.
 */
void
vp_accessible_name_drop_down (GtkDropDown *dropdown, const char *purpose)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_object_set_data_full (G_OBJECT (dropdown), "vp-purpose", g_strdup (purpose), g_free);
  name_drop_down (dropdown);
  if (g_object_get_data (G_OBJECT (dropdown), "vp-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "vp-named", GINT_TO_POINTER (TRUE));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (name_drop_down), NULL);
  g_signal_connect (dropdown, "notify::model", G_CALLBACK (name_drop_down), NULL);
}

static void
expose_shown_child (GtkWidget *container)
{
  g_autoptr (GtkWidget) shown = NULL;

  g_object_get (container, "visible-child", &shown, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != shown, -1);
}

/**
 * vp_accessible_expose_shown_child:
 * @container: a GtkStack or AdwSqueezer (a widget with a "visible-child")
 *
 * Leaves only the child @container shows in the accessibility tree, now
 * and whenever it shows another: GTK 4.8 lists the hidden ones too, and a
 * screen reader read them as if they were on screen.
 */
void
vp_accessible_expose_shown_child (GtkWidget *container)
{
  g_return_if_fail (GTK_IS_WIDGET (container));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (container), "visible-child")
                    != NULL);

  expose_shown_child (container);
  g_signal_connect (container, "notify::visible-child", G_CALLBACK (expose_shown_child), NULL);
}

static void
expose_when_cb (GObject *source, GParamSpec *pspec, GtkWidget *widget)
{
  gboolean shown = FALSE;

  g_object_get (source, g_param_spec_get_name (pspec), &shown, NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

/**
 * vp_accessible_expose_when:
 * @widget: a widget that is in the tree only while it shows
 * @property: a boolean property of @widget that says whether it shows
 *   (a revealer's "reveal-child", a view switcher bar's "reveal")
 *
 * Leaves @widget out of the accessibility tree while @property is false.
 */
void
vp_accessible_expose_when (GtkWidget *widget, const char *property)
{
  GParamSpec *pspec;
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), property);
  g_return_if_fail (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN);

  expose_when_cb (G_OBJECT (widget), pspec, widget);
  if (g_object_get_data (G_OBJECT (widget), "vp-exposed-when") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "vp-exposed-when", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, signal, G_CALLBACK (expose_when_cb), widget);
}

/**
 * vp_accessible_explain_insensitive:
 * @widget: a control that may be greyed
 * @group: the group whose description says why
 *
 * While @widget is insensitive and @group has a description, @widget is
 * described by the label that shows it, so that a screen reader says why
 * it cannot be changed; otherwise by nothing.
 */
void
vp_accessible_explain_insensitive (GtkWidget *widget, AdwPreferencesGroup *group)
{
  const char *text;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  text = adw_preferences_group_get_description (group);
  label = text != NULL && *text != '\0' ? find_label (GTK_WIDGET (group), text, 4) : NULL;
  if (label != NULL && !gtk_widget_get_sensitive (widget))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      label, NULL, -1);
      g_object_set_data (G_OBJECT (widget), "vp-explained", GINT_TO_POINTER (TRUE));
    }
  else if (g_object_get_data (G_OBJECT (widget), "vp-explained") != NULL)
    {
      /* (a row's own description, its subtitle, goes with it: these
       * rows have none) */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      g_object_set_data (G_OBJECT (widget), "vp-explained", NULL);
    }
}

/* A combo row's or drop-down's list of choices, in the tree only while it
 * pops up (GTK 4.8 lists it, unnamed, all the time); a combo row's list
 * that only shows its choice (unnamed, its item too) leaves the tree, and
 * the row is described by its choice instead. */
static void
expose_popovers (GtkWidget *widget, gboolean in_row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        vp_accessible_expose_when (child, "visible");
      else if (in_row && GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        expose_popovers (child, in_row);
    }
}

/* The first list box under @widget. */
static GtkWidget *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LIST_BOX (child) ? child : find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* libadwaita names a group's list after the group's title and leaves it
 * unnamed without one, an expander row's list always: the first is named
 * after its window ("Edit Goal"), the second after its row. */
static void
name_list (GtkWidget *widget)
{
  GtkWidget *list = find_list_box (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = NULL;

  if (ADW_IS_EXPANDER_ROW (widget))
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_WINDOW (root))
    name = gtk_window_get_title (GTK_WINDOW (root));
  if (list != NULL && name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
describe_combo_row (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto (GValue) value = G_VALUE_INIT;
  const char *chosen = NULL;
  g_autofree char *spoken = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    chosen = gtk_string_object_get_string (item);
  else if (item != NULL && expression != NULL && gtk_expression_evaluate (expression, item, &value)
           && G_VALUE_HOLDS_STRING (&value))
    chosen = g_value_get_string (&value);
  spoken = vp_accessible_spoken (chosen);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  spoken != NULL   ? spoken
                                  : chosen != NULL ? chosen
                                                   : "",
                                  -1);
}

static void
watch_combo_row (AdwComboRow *row)
{
  expose_popovers (GTK_WIDGET (row), TRUE);
  describe_combo_row (row);
  if (g_object_get_data (G_OBJECT (row), "vp-described") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "vp-described", GINT_TO_POINTER (TRUE));
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (describe_combo_row), NULL);
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint n_values,
                       const GValue *values,
                       gpointer data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (GTK_IS_BUTTON (object) || GTK_IS_CHECK_BUTTON (object))
    vp_accessible_name_mnemonic (GTK_WIDGET (object));
  else if (ADW_IS_PREFERENCES_GROUP (object))
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (object));

      heading_group (ADW_PREFERENCES_GROUP (object), 2);
      if (title == NULL || *title == '\0')
        name_list (GTK_WIDGET (object));
    }
  else if (ADW_IS_EXPANDER_ROW (object))
    name_list (GTK_WIDGET (object));
  else if (GTK_IS_LABEL (object))
    watch_label (GTK_LABEL (object));
  else if (GTK_IS_REVEALER (object))
    vp_accessible_expose_when (GTK_WIDGET (object), "reveal-child");
  else if (ADW_IS_COMBO_ROW (object))
    watch_combo_row (ADW_COMBO_ROW (object));
  else if (GTK_IS_DROP_DOWN (object))
    expose_popovers (GTK_WIDGET (object), FALSE);
  return TRUE;
}

/**
 * vp_accessible_watch:
 *
 * From now on, when a widget is first shown: every button and check
 * button with a mnemonic is named once, without the underscore (GTK 4.8
 * reads "_Save Save"); the title of every preferences group is a heading
 * of level 2 unless it was made one already (the editors' and dialogs'
 * groups, libadwaita's message dialogs' buttons alike); a label that
 * shows symbols is named in words (vp_accessible_spoken()); a revealer's
 * child and a combo row's or drop-down's popover are in the tree only
 * while they show. Safe to call more
 * than once.
 */
void
vp_accessible_watch (void)
{
  static gsize watching = 0;

  if (g_once_init_enter (&watching))
    {
      guint map = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map, 0, on_widget_map_hook_cb, NULL, NULL);
      g_once_init_leave (&watching, 1);
    }
}
