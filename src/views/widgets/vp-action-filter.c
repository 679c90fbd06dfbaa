/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-action-filter"

#include "config.h"

#include <string.h>

#include "store/vp-store-as-of.h"
#include "store/vp-store-status.h"
#include "vp-action-filter.h"

/*
 * Which actions the views show: the search text and the facets (priority,
 * sub-theme, quarter, lead, category, status, overdue), all combined. The
 * facets are properties, so a filter bar binds to them; every change
 * tells the filter models how it changed, so they refilter only what they
 * must. A GtkFilter, so it lives with the views; the rules it filters by
 * (over time, the status shown) are rules/ and store/'s.
 */

struct _VpActionFilter
{
  GtkFilter parent_instance;

  VpStore *store;
  char *search;
  /* casefolded words of the search */
  char **words;
  char *priority;
  char *subtheme;
  /* VP_FILTER_ANY or the value */
  int quarter;
  char *lead;
  int category;
  int status;
  gboolean overdue;
  /* the home municipality's notes on actions, casefolded, by action; made
   * when a search needs them, dropped when the store changes */
  GHashTable *notes;
  char *notes_home;
  /* while clearing: the filter models hear of one change at the end */
  gboolean clearing;
  gboolean cleared_any;
  /* folds the actions' texts before the first search needs them */
  guint warm_up_id;
  guint warmed_up;
};

G_DEFINE_FINAL_TYPE (VpActionFilter, vp_action_filter, GTK_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_PRIORITY,
  PROP_SUBTHEME,
  PROP_QUARTER,
  PROP_LEAD,
  PROP_CATEGORY,
  PROP_STATUS,
  PROP_OVERDUE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *modified_at;
  char *folded;
} Folded;

static void
folded_free (Folded *folded)
{
  g_free (folded->modified_at);
  g_free (folded->folded);
  g_free (folded);
}

static GQuark
folded_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("vp-action-filter-folded");
  return quark;
}

/* What a search looks in, casefolded: an action's text, lead and lead
 * note in one string. Made once per version of the action and kept on
 * it: typing a search looks at thousands. */
static const char *
folded_text (VpActionFilter *self, VpAction *action)
{
  const char *modified_at = vp_record_get_modified_at (VP_RECORD (action));
  Folded *folded = g_object_get_qdata (G_OBJECT (action), folded_quark ());

  if (folded == NULL || g_strcmp0 (folded->modified_at, modified_at) != 0)
    {
      VpOrganisation *lead
        = vp_store_lookup_organisation (self->store, vp_action_get_lead (action));
      g_autofree char *all
        = g_strjoin ("\n", vp_action_get_text (action) ? vp_action_get_text (action) : "",
                     vp_action_get_lead_note (action) ? vp_action_get_lead_note (action) : "",
                     lead != NULL ? vp_organisation_get_name (lead) : "", NULL);

      folded = g_new0 (Folded, 1);
      folded->modified_at = g_strdup (modified_at);
      folded->folded = g_utf8_casefold (all, -1);
      g_object_set_qdata_full (G_OBJECT (action), folded_quark (), folded,
                               (GDestroyNotify) folded_free);
    }
  return folded->folded;
}

/* A slice of the folding, at idle after start-up: the first keystroke of
 * a search then only searches. */
static gboolean
warm_up_cb (gpointer data)
{
  VpActionFilter *self = data;
  GListModel *actions = vp_store_get_records (self->store, VP_TYPE_ACTION);
  guint n = g_list_model_get_n_items (actions);
  guint end = MIN (n, self->warmed_up + 256);

  for (; self->warmed_up < end; self->warmed_up++)
    {
      g_autoptr (VpAction) action = g_list_model_get_item (actions, self->warmed_up);

      folded_text (self, action);
    }
  if (self->warmed_up < n)
    return G_SOURCE_CONTINUE;
  self->warm_up_id = 0;
  return G_SOURCE_REMOVE;
}

static void
drop_notes (VpActionFilter *self)
{
  g_clear_pointer (&self->notes, g_hash_table_unref);
}

/* The home municipality's notes, by action: most actions have none, so a
 * search asks one table rather than the store for every action. */
static GHashTable *
home_notes (VpActionFilter *self)
{
  const char *home = vp_store_get_home_municipality (self->store);
  GListModel *statuses;

  if (self->notes != NULL && g_strcmp0 (self->notes_home, home) == 0)
    return self->notes;
  drop_notes (self);
  g_free (self->notes_home);
  self->notes_home = g_strdup (home);
  self->notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  statuses = vp_store_get_records (self->store, VP_TYPE_ACTION_STATUS);
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr (VpActionStatus) status = g_list_model_get_item (statuses, i);
      const char *note = vp_action_status_get_note (status);
      gpointer action;

      if (note == NULL || *note == '\0'
          || g_strcmp0 (vp_action_status_get_municipality (status), home) != 0)
        continue;
      action = vp_store_lookup (self->store, vp_action_status_get_action (status));
      if (action != NULL)
        g_hash_table_insert (self->notes, action, g_utf8_casefold (note, -1));
    }
  return self->notes;
}

/* Every word of the search is in the action's text, its lead (name or
 * note) or the home municipality's note on it. */
static gboolean
matches_search (VpActionFilter *self, VpAction *action)
{
  const char *text = folded_text (self, action);
  const char *note = NULL;
  gboolean note_looked_up = FALSE;

  for (char **word = self->words; word != NULL && *word != NULL; word++)
    {
      if (strstr (text, *word) != NULL)
        continue;
      if (!note_looked_up)
        {
          GHashTable *notes = home_notes (self);

          note = g_hash_table_size (notes) > 0 ? g_hash_table_lookup (notes, action) : NULL;
          note_looked_up = TRUE;
        }
      if (note == NULL || strstr (note, *word) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
vp_action_filter_match (GtkFilter *filter, gpointer item)
{
  VpActionFilter *self = VP_ACTION_FILTER (filter);
  VpAction *action;

  if (!VP_IS_ACTION (item))
    return TRUE;
  action = VP_ACTION (item);
  /* shown as of a date: not the actions made after it */
  if (!vp_store_is_shown (self->store, action))
    return FALSE;
  if ((self->priority != NULL && g_strcmp0 (vp_action_get_priority (action), self->priority) != 0)
      || (self->subtheme != NULL
          && g_strcmp0 (vp_action_get_subtheme (action), self->subtheme) != 0)
      || (self->quarter != VP_FILTER_ANY && (int) vp_action_get_quarter (action) != self->quarter)
      || (self->category != VP_FILTER_ANY
          && (int) vp_action_get_category (action) != self->category))
    return FALSE;
  if (self->lead != NULL)
    {
      const char *lead = vp_action_get_lead_kind (action) == VP_LEAD_KIND_ORGANISATION
                           ? vp_action_get_lead (action)
                           : vp_enum_to_nick (VP_TYPE_LEAD_KIND, vp_action_get_lead_kind (action));

      if (g_strcmp0 (lead, self->lead) != 0)
        return FALSE;
    }
  if (self->status != VP_FILTER_ANY
      && (int) vp_action_get_status (self->store, action) != self->status)
    return FALSE;
  if (self->overdue && !vp_action_is_overdue (self->store, action))
    return FALSE;
  return self->words == NULL || matches_search (self, action);
}

static GtkFilterMatch
vp_action_filter_get_strictness (GtkFilter *filter)
{
  VpActionFilter *self = VP_ACTION_FILTER (filter);

  return vp_action_filter_is_active (self) || vp_store_get_as_of (self->store) != NULL
           ? GTK_FILTER_MATCH_SOME
           : GTK_FILTER_MATCH_ALL;
}

static void
tell_models (VpActionFilter *self, GtkFilterChange change)
{
  if (self->clearing)
    self->cleared_any = TRUE;
  else
    gtk_filter_changed (GTK_FILTER (self), change);
}

/* A facet changed from @before to now: narrower, wider or different. */
static void
changed (VpActionFilter *self, gboolean was_any, gboolean is_any, GParamSpec *pspec)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (was_any && !is_any)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (!was_any && is_any)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  tell_models (self, change);
}

static void
set_text_facet (VpActionFilter *self, char **slot, const char *value, GParamSpec *pspec)
{
  gboolean was_any = *slot == NULL;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  changed (self, was_any, value == NULL, pspec);
}

static void
set_int_facet (VpActionFilter *self, int *slot, int value, GParamSpec *pspec)
{
  gboolean was_any = *slot == VP_FILTER_ANY;

  if (*slot == value)
    return;
  *slot = value;
  changed (self, was_any, value == VP_FILTER_ANY, pspec);
}

static void
set_search (VpActionFilter *self, const char *search)
{
  g_autofree char *folded = g_utf8_casefold (search != NULL ? search : "", -1);
  g_autofree char *old = g_steal_pointer (&self->search);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (old != NULL ? old : "", search != NULL ? search : "") == 0)
    {
      self->search = g_steal_pointer (&old);
      g_strv_builder_unref (builder);
      return;
    }
  for (char **w = words; *w != NULL; w++)
    {
      if (**w != '\0')
        g_strv_builder_add (builder, *w);
    }
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (self->words[0] == NULL)
    g_clear_pointer (&self->words, g_strfreev);
  self->search = g_strdup (search);

  /* Typing on narrows what was found, deleting widens it. */
  if (old != NULL && search != NULL && g_str_has_prefix (search, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && search != NULL && g_str_has_prefix (old, search))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  tell_models (self, change);
}

static void
vp_action_filter_finalize (GObject *object)
{
  VpActionFilter *self = VP_ACTION_FILTER (object);

  g_clear_handle_id (&self->warm_up_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  drop_notes (self);
  g_free (self->notes_home);
  g_free (self->search);
  g_strfreev (self->words);
  g_free (self->priority);
  g_free (self->subtheme);
  g_free (self->lead);

  G_OBJECT_CLASS (vp_action_filter_parent_class)->finalize (object);
}

static void
vp_action_filter_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VpActionFilter *self = VP_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_PRIORITY:
      g_value_set_string (value, self->priority);
      break;
    case PROP_SUBTHEME:
      g_value_set_string (value, self->subtheme);
      break;
    case PROP_QUARTER:
      g_value_set_int (value, self->quarter);
      break;
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;
    case PROP_CATEGORY:
      g_value_set_int (value, self->category);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, vp_action_filter_is_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown as of another date: other actions, statuses and over-time marks. */
static void
on_as_of_cb (VpActionFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
vp_action_filter_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  VpActionFilter *self = VP_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        {
          g_signal_connect_swapped (self->store, "changed", G_CALLBACK (drop_notes), self);
          g_signal_connect_swapped (self->store, "notify::as-of", G_CALLBACK (on_as_of_cb), self);
          self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
        }
      break;
    case PROP_SEARCH:
      set_search (self, g_value_get_string (value));
      break;
    case PROP_PRIORITY:
      set_text_facet (self, &self->priority, g_value_get_string (value), pspec);
      break;
    case PROP_SUBTHEME:
      set_text_facet (self, &self->subtheme, g_value_get_string (value), pspec);
      break;
    case PROP_QUARTER:
      set_int_facet (self, &self->quarter, g_value_get_int (value), pspec);
      break;
    case PROP_LEAD:
      set_text_facet (self, &self->lead, g_value_get_string (value), pspec);
      break;
    case PROP_CATEGORY:
      set_int_facet (self, &self->category, g_value_get_int (value), pspec);
      break;
    case PROP_STATUS:
      set_int_facet (self, &self->status, g_value_get_int (value), pspec);
      break;
    case PROP_OVERDUE:
      if (self->overdue != g_value_get_boolean (value))
        {
          self->overdue = g_value_get_boolean (value);
          changed (self, self->overdue, !self->overdue, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_action_filter_class_init (VpActionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vp_action_filter_finalize;
  object_class->get_property = vp_action_filter_get_property;
  object_class->set_property = vp_action_filter_set_property;
  filter_class->match = vp_action_filter_match;
  filter_class->get_strictness = vp_action_filter_get_strictness;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY] = g_param_spec_string ("priority", NULL, NULL, NULL, flags);
  properties[PROP_SUBTHEME] = g_param_spec_string ("subtheme", NULL, NULL, NULL, flags);
  properties[PROP_QUARTER]
    = g_param_spec_int ("quarter", NULL, NULL, VP_FILTER_ANY, VP_QUARTER_Q4, VP_FILTER_ANY, flags);
  /* an organisation code, or "joint" / "each" */
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_int ("category", NULL, NULL, VP_FILTER_ANY,
                                                VP_CATEGORY_LOCAL, VP_FILTER_ANY, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, VP_FILTER_ANY,
                                              VP_STATUS_CANCELLED, VP_FILTER_ANY, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_ACTIVE]
    = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_action_filter_init (VpActionFilter *self)
{
  self->quarter = VP_FILTER_ANY;
  self->category = VP_FILTER_ANY;
  self->status = VP_FILTER_ANY;
}

VpActionFilter *
vp_action_filter_new (VpStore *store)
{
  return g_object_new (VP_TYPE_ACTION_FILTER, "store", store, NULL);
}

/**
 * vp_action_filter_is_active:
 *
 * Returns: whether the search or any facet narrows the actions (the
 *   priority chosen in the sidebar counts too)
 */
gboolean
vp_action_filter_is_active (VpActionFilter *self)
{
  g_return_val_if_fail (VP_IS_ACTION_FILTER (self), FALSE);
  return self->words != NULL || self->priority != NULL || self->subtheme != NULL
         || self->quarter != VP_FILTER_ANY || self->lead != NULL || self->category != VP_FILTER_ANY
         || self->status != VP_FILTER_ANY || self->overdue;
}

/**
 * vp_action_filter_clear:
 *
 * Clears the search and every facet but the priority (the sidebar's).
 */
void
vp_action_filter_clear (VpActionFilter *self)
{
  g_return_if_fail (VP_IS_ACTION_FILTER (self));
  self->clearing = TRUE;
  self->cleared_any = FALSE;
  g_object_set (self, "search", NULL, "subtheme", NULL, "quarter", VP_FILTER_ANY, "lead", NULL,
                "category", VP_FILTER_ANY, "status", VP_FILTER_ANY, "overdue", FALSE, NULL);
  self->clearing = FALSE;
  /* one refilter, not one per facet */
  if (self->cleared_any)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}
