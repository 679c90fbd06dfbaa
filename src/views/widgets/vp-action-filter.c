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
  /* the text facets, interned */
  const char *priority;
  const char *subtheme;
  /* VP_FILTER_ANY or the value */
  int quarter;
  const char *lead;
  int category;
  int status;
  gboolean overdue;
  /* the home municipality's notes on actions, casefolded, by key (NULL:
   * none); made when a search needs them, dropped when the store changes */
  GPtrArray *notes;
  char *notes_home;
  /* while clearing: the filter models hear of one change at the end */
  gboolean clearing;
  gboolean cleared_any;
  /* folds the actions' texts before the first search needs them */
  guint warm_up_id;
  guint warmed_up;
  /* the warm-up looks up every entry's status too: at start-up, and after
   * a change once a status was chosen or a view placed actions by it */
  gboolean warm_statuses;
  gboolean statuses_used;
  /* What the filter looks at of each action, by key (its index here):
   * at 100,000 actions, filtering is a walk over this table rather than
   * over the actions' fields and strings scattered in memory. */
  GArray *entries;
  /* VpAction → its key + 1 */
  GHashTable *keys;
  /* the entries' casefolded texts, one after the other */
  GStringChunk *texts;
  /* where a text is put together before it is folded */
  GString *scratch;
  /* counts the store's changes: an entry made before the last one is
   * looked at again (its action's revision) before it is used */
  guint generation;
  /* the store shows the plan as of a date (vp_store_get_as_of()) */
  gboolean as_of;
  /* The search session: the longest last word typed while the user types
   * and deletes it, and the store's generation it began in. Deleting a
   * letter then asks each action only how much of the word it holds,
   * which it noted while the word was typed. */
  char *track;
  guint track_generation;
  guint16 session;
  /* the search's last word is a beginning of track */
  gboolean tracking;
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

/* An action as the filter looks at it, in 64 bytes: filtering walks
 * the entries one after the other. The facets' strings are interned: a
 * facet compares by pointer. */
typedef struct
{
  /* 0: not filled yet */
  guint generation;
  /* of status: 0, not looked up yet */
  guint status_generation;
  gint8 quarter;
  gint8 category;
  /* the home municipality's status, as of status_generation */
  gint8 status;
  /* in the search session track_session (see matches_last_word()): the
   * text or note holds the first depth bytes of the word tracked, and
   * when failed, not one more */
  guint8 depth;
  guint16 track_session;
  guint8 failed;
  const char *priority;
  const char *subtheme;
  /* an organisation code, or "joint" / "each" */
  const char *lead;
  /* in texts: the text, lead note and lead's name, casefolded; NULL
   * until a search needs it */
  const char *folded;
  /* a reference: the key stays this action's while the filter lives */
  VpAction *action;
  /* the action's revision it was filled from */
  guint revision;
} Entry;

G_STATIC_ASSERT (VP_STATUS_CANCELLED <= G_MAXINT8 && VP_QUARTER_Q4 <= G_MAXINT8
                 && VP_CATEGORY_LOCAL <= G_MAXINT8);

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->action);
}

static const char *
lead_key (VpAction *action)
{
  return vp_action_get_lead_kind (action) == VP_LEAD_KIND_ORGANISATION
           ? vp_action_get_lead (action)
           : vp_enum_to_nick (VP_TYPE_LEAD_KIND, vp_action_get_lead_kind (action));
}

/* Takes what the facets look at from the action; its text is folded
 * when a search first needs it (folded_text()). */
static void
fill_entry (VpActionFilter *self, Entry *entry)
{
  VpAction *action = entry->action;

  entry->revision = vp_record_get_revision (VP_RECORD (action));
  entry->priority = g_intern_string (vp_action_get_priority (action));
  entry->subtheme = g_intern_string (vp_action_get_subtheme (action));
  entry->lead = g_intern_string (lead_key (action));
  entry->quarter = vp_action_get_quarter (action);
  entry->category = vp_action_get_category (action);
  /* an older text of the action stays behind in texts, unused */
  entry->folded = NULL;
}

/* The entry of @key, up to date. Since the store last changed, an entry
 * is looked at once: whether its action's revision is still the one it
 * was filled at. @strict: look at it anyway (for a filter model that
 * asks in the middle of a commit, before the store says it changed). */
static Entry *
get_entry (VpActionFilter *self, guint key, gboolean strict)
{
  Entry *entry = &g_array_index (self->entries, Entry, key);

  if (entry->generation == self->generation && !strict)
    return entry;
  if (entry->generation == 0
      || entry->revision != vp_record_get_revision (VP_RECORD (entry->action)))
    fill_entry (self, entry);
  entry->generation = self->generation;
  return entry;
}

/* What a search looks in, casefolded: an action's text, lead and lead
 * note in one string, one after the other in texts: typing a search
 * looks at thousands. */
static void
put_together (VpActionFilter *self, VpAction *action, GString *all)
{
  VpOrganisation *lead = vp_store_lookup_organisation (self->store, vp_action_get_lead (action));

  g_string_truncate (all, 0);
  g_string_append (all, vp_action_get_text (action) ? vp_action_get_text (action) : "");
  g_string_append_c (all, '\n');
  g_string_append (all, vp_action_get_lead_note (action) ? vp_action_get_lead_note (action) : "");
  g_string_append_c (all, '\n');
  g_string_append (all, lead != NULL ? vp_organisation_get_name (lead) : "");
}

static const char *
folded_text (VpActionFilter *self, Entry *entry)
{
  GString *all = self->scratch;
  gboolean ascii = TRUE;

  if (entry->folded != NULL)
    return entry->folded;
  put_together (self, entry->action, all);
  for (char *c = all->str; *c != '\0' && ascii; c++)
    ascii = (guchar) *c < 0x80;
  if (ascii)
    {
      /* plain ASCII, most texts: casefolded, that is lower case */
      for (char *c = all->str; *c != '\0'; c++)
        *c = g_ascii_tolower (*c);
      entry->folded = g_string_chunk_insert_len (self->texts, all->str, all->len);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (all->str, all->len);

      entry->folded = g_string_chunk_insert (self->texts, folded);
    }
  return entry->folded;
}

static void warm_up (VpActionFilter *self, guint delay);

static void
on_store_changed_cb (VpActionFilter *self)
{
  /* 0 is "not filled" */
  if (++self->generation == 0)
    self->generation = 1;
  /* not in the frames that show the change */
  self->warm_statuses = self->statuses_used;
  if (self->store != NULL)
    warm_up (self, 1000);
}

static GPtrArray *home_notes (VpActionFilter *self);
static int entry_status (VpActionFilter *self, Entry *entry, gboolean strict);

/* A slice of the warm-up, at idle after start-up and after every change
 * of the store: every entry's folded text, the home municipality's
 * notes, then every entry's status. The first keystroke of a search, or
 * a status chosen, then only filters. The entries are taken in the order
 * of their keys, the order a view asked for them in: the folded texts
 * then lie in memory in the order a search walks them. */
static gboolean
warm_up_cb (gpointer data)
{
  VpActionFilter *self = data;
  guint n = self->entries->len;
  guint last = self->warm_statuses ? 2 * n : n;
  guint end = MIN (last, self->warmed_up + 256);

  for (; self->warmed_up < end; self->warmed_up++)
    {
      Entry *entry = get_entry (self, self->warmed_up % n, FALSE);

      if (self->warmed_up == n)
        home_notes (self);
      if (self->warmed_up < n)
        folded_text (self, entry);
      else
        entry_status (self, entry, FALSE);
    }
  if (self->warmed_up < last)
    return G_SOURCE_CONTINUE;
  if (n == 0 || !self->warm_statuses)
    home_notes (self);
  self->warm_up_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
start_warm_up_cb (gpointer data)
{
  VpActionFilter *self = data;

  self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Warms up from the start, after @delay milliseconds. */
static void
warm_up (VpActionFilter *self, guint delay)
{
  self->warmed_up = 0;
  g_clear_handle_id (&self->warm_up_id, g_source_remove);
  if (delay == 0)
    self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
  else
    self->warm_up_id = g_timeout_add_full (G_PRIORITY_LOW, delay, start_warm_up_cb, self, NULL);
}

static void
drop_notes (VpActionFilter *self)
{
  g_clear_pointer (&self->notes, g_ptr_array_unref);
}

/* The home municipality's notes, by key: most actions have none, so a
 * search asks one table rather than the store for every action. */
static GPtrArray *
home_notes (VpActionFilter *self)
{
  const char *home = vp_store_get_home_municipality (self->store);
  GListModel *statuses;

  if (self->notes != NULL && g_strcmp0 (self->notes_home, home) == 0)
    return self->notes;
  drop_notes (self);
  g_free (self->notes_home);
  self->notes_home = g_strdup (home);
  self->notes = g_ptr_array_new_with_free_func (g_free);
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
      if (VP_IS_ACTION (action))
        {
          guint key = vp_action_filter_key (self, action);

          if (self->notes->len <= key)
            g_ptr_array_set_size (self->notes, key + 1);
          g_free (g_ptr_array_index (self->notes, key));
          g_ptr_array_index (self->notes, key) = g_utf8_casefold (note, -1);
        }
    }
  return self->notes;
}

/* Every word of the search is in the action's text, its lead (name or
 * note) or the home municipality's note on it. */
static const char *
entry_note (VpActionFilter *self, Entry *entry)
{
  GPtrArray *notes = home_notes (self);
  guint key = entry - (Entry *) (gpointer) self->entries->data;

  return key < notes->len ? g_ptr_array_index (notes, key) : NULL;
}

/* Whether the text or note holds the first @length bytes of track. */
static gboolean
holds_track (VpActionFilter *self, const char *text, const char *note, guint length)
{
  char part[256];

  if (length == 0)
    return TRUE;
  memcpy (part, self->track, length);
  part[length] = '\0';
  return strstr (text, part) != NULL || (note != NULL && strstr (note, part) != NULL);
}

/* The search's last word, a beginning of track: the entry knows how much
 * of track it holds, or finds out and notes it. How much of a word a
 * text holds only grows with the length looked for, so the most it holds
 * is found by halving. */
static gboolean
matches_last_word (VpActionFilter *self, Entry *entry, const char *text, guint length)
{
  const char *note;
  guint low, high;

  if (entry->track_session == self->session)
    {
      if (length <= entry->depth)
        return TRUE;
      if (entry->failed)
        return FALSE;
    }
  else
    {
      entry->track_session = self->session;
      entry->depth = 0;
      entry->failed = FALSE;
    }
  note = entry_note (self, entry);
  if (holds_track (self, text, note, length))
    {
      entry->depth = length;
      return TRUE;
    }
  low = entry->depth;
  high = length;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (holds_track (self, text, note, middle))
        low = middle;
      else
        high = middle;
    }
  entry->depth = low;
  entry->failed = TRUE;
  return FALSE;
}

static gboolean
matches_search (VpActionFilter *self, Entry *entry)
{
  const char *text = folded_text (self, entry);
  const char *note = NULL;
  gboolean note_looked_up = FALSE;

  for (char **word = self->words; word != NULL && *word != NULL; word++)
    {
      if (word[1] == NULL && self->tracking && self->track_generation == self->generation)
        return matches_last_word (self, entry, text, strlen (*word));
      if (strstr (text, *word) != NULL)
        continue;
      if (!note_looked_up)
        {
          note = entry_note (self, entry);
          note_looked_up = TRUE;
        }
      if (note == NULL || strstr (note, *word) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The action's status (the home municipality's, as shown): a status
 * changes in a commit, after which the store says so. */
static int
entry_status (VpActionFilter *self, Entry *entry, gboolean strict)
{
  if (strict || entry->status_generation != self->generation)
    {
      entry->status = vp_action_get_status (self->store, entry->action);
      entry->status_generation = self->generation;
    }
  return entry->status;
}

/* The facets compare by pointer: theirs are interned too. */
static gboolean
matches_entry (VpActionFilter *self, Entry *entry, gboolean strict)
{
  VpAction *action = entry->action;

  /* shown as of a date: not the actions made after it */
  if (self->as_of && !vp_store_is_shown (self->store, action))
    return FALSE;
  if ((self->priority != NULL && entry->priority != self->priority)
      || (self->subtheme != NULL && entry->subtheme != self->subtheme)
      || (self->quarter != VP_FILTER_ANY && entry->quarter != self->quarter)
      || (self->category != VP_FILTER_ANY && entry->category != self->category)
      || (self->lead != NULL && entry->lead != self->lead))
    return FALSE;
  if (self->status != VP_FILTER_ANY)
    {
      self->statuses_used = TRUE;
      if (entry_status (self, entry, strict) != self->status)
        return FALSE;
    }
  if (self->overdue && !vp_action_is_overdue (self->store, action))
    return FALSE;
  return self->words == NULL || matches_search (self, entry);
}

static gboolean
vp_action_filter_match (GtkFilter *filter, gpointer item)
{
  VpActionFilter *self = VP_ACTION_FILTER (filter);

  if (!VP_IS_ACTION (item))
    return TRUE;
  return matches_entry (self, get_entry (self, vp_action_filter_key (self, item), TRUE), TRUE);
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
set_text_facet (VpActionFilter *self, const char **slot, const char *value, GParamSpec *pspec)
{
  gboolean was_any = *slot == NULL;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  /* interned, as the entries' (matches_entry()) */
  *slot = g_intern_string (value);
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

/* Typing on or deleting the last word of the search stays in its
 * session; another word, or the store changed, begins a new one. */
static void
update_tracking (VpActionFilter *self)
{
  const char *last;

  self->tracking = FALSE;
  if (self->words == NULL)
    return;
  last = self->words[g_strv_length (self->words) - 1];
  if (strlen (last) > G_MAXUINT8)
    return;
  self->tracking = TRUE;
  if (self->track != NULL && self->track_generation == self->generation)
    {
      if (g_str_has_prefix (self->track, last))
        return;
      if (g_str_has_prefix (last, self->track))
        {
          /* what the entries noted of the shorter word holds */
          g_free (self->track);
          self->track = g_strdup (last);
          return;
        }
    }
  g_free (self->track);
  self->track = g_strdup (last);
  self->track_generation = self->generation;
  if (++self->session == 0)
    {
      /* 65,536 sessions later: what the entries noted is forgotten */
      for (guint i = 0; i < self->entries->len; i++)
        g_array_index (self->entries, Entry, i).track_session = 0;
      self->session = 1;
    }
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
  update_tracking (self);
  self->search = g_strdup (search);

  /* Typing on narrows what was found, deleting widens it; no search at
   * all is the empty one, which every action matches. */
  if (g_str_has_prefix (search != NULL ? search : "", old != NULL ? old : ""))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old != NULL ? old : "", search != NULL ? search : ""))
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
  g_free (self->track);
  g_hash_table_unref (self->keys);
  g_array_unref (self->entries);
  g_string_chunk_free (self->texts);
  g_string_free (self->scratch, TRUE);

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
  self->as_of = vp_store_get_as_of (self->store) != NULL;
  on_store_changed_cb (self);
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
          self->as_of = vp_store_get_as_of (self->store) != NULL;
          g_signal_connect_swapped (self->store, "changed", G_CALLBACK (drop_notes), self);
          g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
          /* another home municipality: other statuses */
          g_signal_connect_swapped (self->store, "notify::home-municipality",
                                    G_CALLBACK (on_store_changed_cb), self);
          g_signal_connect_swapped (self->store, "notify::as-of", G_CALLBACK (on_as_of_cb), self);
          self->warm_statuses = TRUE;
          warm_up (self, 0);
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
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->keys = g_hash_table_new (NULL, NULL);
  self->texts = g_string_chunk_new (1 << 20);
  self->scratch = g_string_new (NULL);
  self->generation = 1;
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

/**
 * vp_action_filter_key:
 * @record: a record
 *
 * For a view that filters many actions: the key of @record, for
 * vp_action_filter_match_key(). A key stays the action's while the
 * filter lives.
 *
 * Returns: @record's key, or %VP_ACTION_FILTER_NO_KEY when it is not an
 *   action
 */
guint
vp_action_filter_key (VpActionFilter *self, gpointer record)
{
  gpointer found;
  Entry entry = { 0 };

  g_return_val_if_fail (VP_IS_ACTION_FILTER (self), VP_ACTION_FILTER_NO_KEY);
  if (!VP_IS_ACTION (record))
    return VP_ACTION_FILTER_NO_KEY;
  found = g_hash_table_lookup (self->keys, record);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  /* filled when first matched */
  entry.action = g_object_ref (record);
  g_array_append_val (self->entries, entry);
  g_hash_table_insert (self->keys, record, GUINT_TO_POINTER (self->entries->len));
  return self->entries->len - 1;
}

/**
 * vp_action_filter_match_key:
 * @key: an action's key (vp_action_filter_key())
 *
 * As gtk_filter_match() for the action, when the store is not in the
 * middle of a commit: the filter looks at what it took from the action
 * when the store last changed.
 *
 * Returns: whether the action matches
 */
gboolean
vp_action_filter_match_key (VpActionFilter *self, guint key)
{
  g_return_val_if_fail (VP_IS_ACTION_FILTER (self), FALSE);
  g_return_val_if_fail (key < self->entries->len, FALSE);
  /* nothing to look at: the entry is not filled here. The list with
   * every priority open asks only this at the window's start, so its
   * first frame fills no entry; the idle warm-up (warm_up_cb()) does */
  if (!self->as_of && !vp_action_filter_is_active (self))
    return TRUE;
  return matches_entry (self, get_entry (self, key, FALSE), FALSE);
}

/**
 * vp_action_filter_key_priority:
 * @key: an action's key (vp_action_filter_key())
 *
 * Returns: the UUID of the action's priority (interned), as the filter
 *   last took it
 */
const char *
vp_action_filter_key_priority (VpActionFilter *self, guint key)
{
  g_return_val_if_fail (VP_IS_ACTION_FILTER (self), NULL);
  g_return_val_if_fail (key < self->entries->len, NULL);
  return get_entry (self, key, FALSE)->priority;
}

/**
 * vp_action_filter_get_status:
 * @action: an action
 *
 * vp_action_get_status() of @action, as the filter last looked it up
 * since the store last changed: for a view that places many actions by
 * their status, when the store is not in the middle of a commit.
 *
 * Returns: the status the views show
 */
VpStatus
vp_action_filter_get_status (VpActionFilter *self, VpAction *action)
{
  g_return_val_if_fail (VP_IS_ACTION_FILTER (self), VP_STATUS_PLANNED);
  g_return_val_if_fail (VP_IS_ACTION (action), VP_STATUS_PLANNED);
  self->statuses_used = TRUE;
  return entry_status (self, get_entry (self, vp_action_filter_key (self, action), FALSE), FALSE);
}
