/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-generate"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vp-generate.h"

/*
 * Large plans for the benchmark and for trying the program on them: the
 * texts are sentences of the example plan (Nijkerk, UVP 2024), now and then
 * with a clause added, two or three to an action; everything else is drawn
 * from a GRand with a fixed seed, so a size and a seed always give the
 * same plan.
 */

#define EXAMPLE_PATH "/nl/veiligheidsplan/Veiligheidsplan/examples/nijkerk-uvp-2024.json"
#define PLAN_YEAR    2024

typedef struct
{
  VpStore *store;
  GRand *rand;
  const char *home;
  /* from the example plan */
  GPtrArray *sentences;
  GPtrArray *priority_titles;
  GPtrArray *subtheme_titles;
  GPtrArray *units;
  GPtrArray *lead_notes;
} Generator;

typedef struct
{
  char *uuid;
  gboolean local;
  char *subthemes[3];
} Priority;

/* More themes of Dutch local safety plans, after the example's own. */
static const char *const more_priorities[] = {
  "Woninginbraken",
  "Verkeersveiligheid",
  "Radicalisering en polarisatie",
  "Huiselijk geweld en kindermishandeling",
  "Brandveiligheid",
  "Evenementen en horeca",
  "Veiligheid in het buitengebied",
  "Crisisbeheersing",
  "Overlast in de openbare ruimte",
  "Fietsdiefstal",
};

static const char *const clauses[] = {
  " in samenwerking met de politie",
  " samen met de ketenpartners",
  " in de kernen Nijkerk, Hoevelaken en Nijkerkerveen",
  " in overleg met het Openbaar Ministerie",
  " met extra aandacht voor jongeren en senioren",
  " op basis van de resultaten van het vorige jaar",
  " binnen de bestaande capaciteit",
  " in het kader van het Integraal Veiligheidsplan",
};

static const char *const notes[] = {
  "Loopt volgens planning.",
  "Vertraagd door een tekort aan capaciteit; verwacht in het volgende kwartaal.",
  "Afgestemd in het driehoeksoverleg.",
  "De eerste bijeenkomst heeft plaatsgevonden, het vervolg in overleg met de wijkagent.",
  "Wacht op de aanlevering van gegevens door de politie.",
  "Afgerond; de evaluatie volgt in het kwartaaloverleg.",
};

static const char *const colours[] = {
  "#c0392b", "#2980b9", "#27ae60", "#d98e04", "#8e44ad", "#16a085", "#e67e22", "#7f8c8d",
};

static const char *
pick (Generator *gen, GPtrArray *array)
{
  return g_ptr_array_index (array, g_rand_int_range (gen->rand, 0, array->len));
}

static gboolean
chance (Generator *gen, double probability)
{
  return g_rand_double (gen->rand) < probability;
}

/* A version 4 UUID from the generator's numbers, so a seed gives the same
 * records every time. */
static char *
make_uuid (Generator *gen)
{
  guint32 a = g_rand_int (gen->rand);
  guint32 b = g_rand_int (gen->rand);
  guint32 c = g_rand_int (gen->rand);
  guint32 d = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", a, b >> 16, b & 0xfff,
                          ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);
}

/* Inserts a new record of @type with the properties given and a UUID of
 * the generator's. Returns it (the store holds it), or NULL. */
static VpRecord *
add (Generator *gen, GError **error, GType type, const char *first_property, ...)
{
  g_autofree char *uuid = make_uuid (gen);
  VpRecord *record;
  gboolean ok;
  va_list args;

  va_start (args, first_property);
  record = VP_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);
  g_object_set (record, "uuid", uuid, NULL);
  ok = vp_store_insert (gen->store, record, VP_STORE_WRITE_DEFAULT, error);
  g_object_unref (record);
  return ok ? record : NULL;
}

/* The example's texts. */

static void
add_sentences (GPtrArray *sentences, const char *text)
{
  const char *start = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '.' || (p[1] != ' ' && p[1] != '\0'))
        continue;
      g_ptr_array_add (sentences, g_strndup (start, p + 1 - start));
      start = p[1] == ' ' ? p + 2 : p + 1;
    }
  if (*start != '\0')
    g_ptr_array_add (sentences, g_strconcat (start, ".", NULL));
}

static void
add_unless_empty (GPtrArray *array, JsonObject *object, const char *member)
{
  const char *text = json_object_get_string_member_with_default (object, member, "");

  if (text != NULL && *text != '\0')
    g_ptr_array_add (array, g_strdup (text));
}

static void
read_priority (Generator *gen, JsonObject *priority)
{
  JsonArray *subthemes = json_object_get_array_member (priority, "subthemes");
  JsonArray *actions = json_object_get_array_member (priority, "actions");

  add_unless_empty (gen->priority_titles, priority, "title");
  for (guint i = 0; subthemes != NULL && i < json_array_get_length (subthemes); i++)
    add_unless_empty (gen->subtheme_titles, json_array_get_object_element (subthemes, i), "title");
  for (guint i = 0; actions != NULL && i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);

      add_sentences (gen->sentences, json_object_get_string_member (action, "text"));
      add_unless_empty (gen->units, action, "target_unit");
      add_unless_empty (gen->lead_notes, action, "lead_note");
    }
}

/* The example ships inside the program (a GResource): its sentences and
 * titles are the material. */
static void
read_example (Generator *gen)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (EXAMPLE_PATH, 0, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *plans;

  g_assert (bytes != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL))
    g_error ("the example plan cannot be read");
  plans
    = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  for (guint p = 0; p < json_array_get_length (plans); p++)
    {
      JsonArray *priorities
        = json_object_get_array_member (json_array_get_object_element (plans, p), "priorities");

      for (guint i = 0; i < json_array_get_length (priorities); i++)
        read_priority (gen, json_array_get_object_element (priorities, i));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (more_priorities); i++)
    g_ptr_array_add (gen->priority_titles, g_strdup (more_priorities[i]));
  g_assert (gen->sentences->len > 0 && gen->subtheme_titles->len > 0 && gen->units->len > 0);
}

/* One of the example's sentences, now and then with a clause before its
 * full stop. */
static char *
make_sentence (Generator *gen)
{
  const char *sentence = pick (gen, gen->sentences);
  gsize length = strlen (sentence);
  const char *clause = clauses[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (clauses))];

  if (!chance (gen, 0.3) || length < 2 || sentence[length - 1] != '.')
    return g_strdup (sentence);
  return g_strdup_printf ("%.*s%s.", (int) length - 1, sentence, clause);
}

/* Sentences until the text has 80 characters, sometimes more, never more
 * than 300. */
static char *
make_text (Generator *gen)
{
  GString *text = g_string_new (NULL);

  for (int tries = 0; tries < 30; tries++)
    {
      glong length = g_utf8_strlen (text->str, -1);
      g_autofree char *sentence = NULL;

      if (length >= 80 && (length >= 180 || !chance (gen, 0.35)))
        break;
      sentence = make_sentence (gen);
      if (length + 1 + g_utf8_strlen (sentence, -1) > 300)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }
  return g_string_free (text, FALSE);
}

/* The records. */

static gboolean
add_organisations (Generator *gen, GError **error)
{
  static const struct
  {
    const char *code, *name;
    VpOrganisationKind kind;
  } organisations[] = {
    { "nijkerk", "Nijkerk", VP_ORGANISATION_KIND_MUNICIPALITY },
    { "barneveld", "Barneveld", VP_ORGANISATION_KIND_MUNICIPALITY },
    { "scherpenzeel", "Scherpenzeel", VP_ORGANISATION_KIND_MUNICIPALITY },
    { "politie", "Politie", VP_ORGANISATION_KIND_PARTNER },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      if (vp_store_lookup_organisation (gen->store, organisations[i].code) != NULL)
        continue;
      if (add (gen, error, VP_TYPE_ORGANISATION, "code", organisations[i].code, "name",
               organisations[i].name, "kind", organisations[i].kind, NULL)
          == NULL)
        return FALSE;
    }
  return TRUE;
}

static VpRecord *
add_plan (Generator *gen, guint n_actions, GError **error)
{
  const char *participants[] = { "nijkerk", "barneveld", "scherpenzeel", NULL };
  g_autofree char *title
    = g_strdup_printf ("Uitvoeringsplan Veiligheid %d (%u acties)", PLAN_YEAR, n_actions);

  return add (gen, error, VP_TYPE_PLAN, "title", title, "first-year", PLAN_YEAR, "last-year",
              PLAN_YEAR, "owner", "nijkerk", "participants", participants, "framework-title",
              "Integraal Veiligheidsplan 2024-2027", "framework-first-year", 2024,
              "framework-last-year", 2027, "intro",
              "Een groot plan, gemaakt voor metingen aan het programma.", NULL);
}

static void
priority_free (Priority *priority)
{
  g_free (priority->uuid);
  for (int i = 0; i < 3; i++)
    g_free (priority->subthemes[i]);
  g_free (priority);
}

static char *
priority_title (Generator *gen, guint number)
{
  guint n_titles = gen->priority_titles->len;
  const char *title = g_ptr_array_index (gen->priority_titles, (number - 1) % n_titles);

  if (number <= n_titles)
    return g_strdup (title);
  return g_strdup_printf ("%s, deel %u", title, (number - 1) / n_titles + 1);
}

static gboolean
add_subthemes (Generator *gen, Priority *priority, GError **error)
{
  for (int i = 0; i < 3; i++)
    {
      const char letter[] = { 'A' + i, '\0' };
      VpRecord *subtheme
        = add (gen, error, VP_TYPE_SUBTHEME, "priority", priority->uuid, "letter", letter, "title",
               pick (gen, gen->subtheme_titles), "owner", priority->local ? "nijkerk" : NULL, NULL);

      if (subtheme == NULL)
        return FALSE;
      priority->subthemes[i] = g_strdup (vp_record_get_uuid (subtheme));
    }
  return TRUE;
}

/* Every fourth priority is Nijkerk's own; the others are joint. */
static Priority *
add_priority (Generator *gen, VpRecord *plan, guint number, GError **error)
{
  Priority *priority = g_new0 (Priority, 1);
  g_autofree char *title = priority_title (gen, number);
  VpRecord *record;

  priority->local = number % 4 == 0;
  record = add (gen, error, VP_TYPE_PRIORITY, "plan", vp_record_get_uuid (plan), "number", number,
                "title", title, "scope", priority->local ? VP_SCOPE_LOCAL : VP_SCOPE_JOINT, "owner",
                priority->local ? "nijkerk" : NULL, "colour",
                colours[(number - 1) % G_N_ELEMENTS (colours)], NULL);
  if (record != NULL)
    priority->uuid = g_strdup (vp_record_get_uuid (record));
  if (record == NULL || !add_subthemes (gen, priority, error))
    {
      priority_free (priority);
      return NULL;
    }
  return priority;
}

/* Mostly a municipality, now and then the police, the coalition or each
 * municipality for itself. */
static const char *
pick_lead (Generator *gen, VpLeadKind *kind)
{
  static const char *const leads[]
    = { "nijkerk", "nijkerk", "nijkerk", "barneveld", "barneveld", "scherpenzeel", "politie" };
  double draw = g_rand_double (gen->rand);

  *kind = draw < 0.15  ? VP_LEAD_KIND_JOINT
          : draw < 0.3 ? VP_LEAD_KIND_EACH
                       : VP_LEAD_KIND_ORGANISATION;
  if (*kind != VP_LEAD_KIND_ORGANISATION)
    return NULL;
  return leads[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (leads))];
}

/* What a status looks like in August: the early quarters mostly done, the
 * later ones under way or not started. */
static VpStatus
pick_status (Generator *gen, VpQuarter quarter)
{
  double draw = g_rand_double (gen->rand);

  if (quarter != VP_QUARTER_NONE && quarter <= VP_QUARTER_Q2)
    return draw < 0.6    ? VP_STATUS_DONE
           : draw < 0.85 ? VP_STATUS_IN_PROGRESS
           : draw < 0.95 ? VP_STATUS_POSTPONED
                         : VP_STATUS_CANCELLED;
  return draw < 0.6    ? VP_STATUS_IN_PROGRESS
         : draw < 0.8  ? VP_STATUS_PLANNED
         : draw < 0.9  ? VP_STATUS_DONE
         : draw < 0.97 ? VP_STATUS_POSTPONED
                       : VP_STATUS_CANCELLED;
}

static gboolean
add_status (Generator *gen, VpRecord *action, VpQuarter quarter, int target, GError **error)
{
  VpStatus status = pick_status (gen, quarter);
  int achieved = 0;
  const char *note
    = chance (gen, 0.3) ? notes[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (notes))] : "";

  if (target > 0 && status == VP_STATUS_DONE)
    achieved = target;
  else if (target > 0 && status == VP_STATUS_IN_PROGRESS)
    achieved = g_rand_int_range (gen->rand, 0, target + 1);
  return add (gen, error, VP_TYPE_ACTION_STATUS, "action", vp_record_get_uuid (action),
              "municipality", gen->home, "status", status, "achieved", achieved, "note", note, NULL)
         != NULL;
}

static gboolean
add_action (Generator *gen, Priority *priority, int position, GError **error)
{
  g_autofree char *text = make_text (gen);
  const char *subtheme
    = chance (gen, 0.1) ? NULL : priority->subthemes[g_rand_int_range (gen->rand, 0, 3)];
  VpLeadKind lead_kind;
  const char *lead = pick_lead (gen, &lead_kind);
  const char *lead_note = chance (gen, 0.1) ? pick (gen, gen->lead_notes) : "";
  VpQuarter quarter = chance (gen, 0.05) ? VP_QUARTER_NONE : g_rand_int_range (gen->rand, 1, 5);
  /* a tenth moved on from an earlier quarter */
  VpQuarter planned = quarter > VP_QUARTER_Q1 && chance (gen, 0.1) ? quarter - 1 : quarter;
  gboolean local = priority->local || chance (gen, 0.25);
  int target = chance (gen, 0.15) ? g_rand_int_range (gen->rand, 1, 13) : 0;
  const char *unit = target > 0 ? pick (gen, gen->units) : "";
  int year = quarter != VP_QUARTER_NONE ? PLAN_YEAR : 0;
  VpRecord *action
    = add (gen, error, VP_TYPE_ACTION, "priority", priority->uuid, "subtheme", subtheme, "text",
           text, "lead-kind", lead_kind, "lead", lead, "lead-note", lead_note, "year", year,
           "quarter", quarter, "planned-year", year, "planned-quarter", planned, "category",
           local ? VP_CATEGORY_LOCAL : VP_CATEGORY_JOINT, "owner", local ? "nijkerk" : NULL,
           "target", target, "target-unit", unit, "position", position, NULL);

  if (action == NULL)
    return FALSE;
  return !chance (gen, 0.4) || add_status (gen, action, quarter, target, error);
}

static void
generator_clear (Generator *gen)
{
  g_rand_free (gen->rand);
  g_ptr_array_unref (gen->sentences);
  g_ptr_array_unref (gen->priority_titles);
  g_ptr_array_unref (gen->subtheme_titles);
  g_ptr_array_unref (gen->units);
  g_ptr_array_unref (gen->lead_notes);
}

static gboolean
add_priorities_and_actions (Generator *gen, VpRecord *plan, guint n_actions, GError **error)
{
  guint n_priorities = MAX (5, n_actions / 200);
  g_autoptr (GPtrArray) priorities
    = g_ptr_array_new_with_free_func ((GDestroyNotify) priority_free);
  guint first = 0;

  for (guint number = 1; number <= n_priorities; number++)
    {
      Priority *priority = add_priority (gen, plan, number, error);

      if (priority == NULL)
        return FALSE;
      g_ptr_array_add (priorities, priority);
    }
  /* The actions in even blocks, one for each priority. */
  for (guint i = 0; i < n_actions; i++)
    {
      guint p = (guint) ((guint64) i * n_priorities / n_actions);

      if (i == 0 || p != (guint) ((guint64) (i - 1) * n_priorities / n_actions))
        first = i;
      if (!add_action (gen, g_ptr_array_index (priorities, p), i - first, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * vp_generate_plan:
 * @store: a store with an open transaction (vp_store_begin())
 *
 * Returns: (transfer none) (nullable): the plan, %NULL with @error set
 */
VpPlan *
vp_generate_plan (VpStore *store, guint n_actions, guint32 seed, GError **error)
{
  Generator gen = {
    .store = store,
    .rand = g_rand_new_with_seed (seed),
    .home = vp_store_get_home_municipality (store) != NULL ? vp_store_get_home_municipality (store)
                                                           : "nijkerk",
    .sentences = g_ptr_array_new_with_free_func (g_free),
    .priority_titles = g_ptr_array_new_with_free_func (g_free),
    .subtheme_titles = g_ptr_array_new_with_free_func (g_free),
    .units = g_ptr_array_new_with_free_func (g_free),
    .lead_notes = g_ptr_array_new_with_free_func (g_free),
  };
  VpRecord *plan = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (vp_store_in_transaction (store), NULL);

  read_example (&gen);
  if (add_organisations (&gen, error))
    plan = add_plan (&gen, n_actions, error);
  if (plan != NULL && !add_priorities_and_actions (&gen, plan, n_actions, error))
    plan = NULL;
  generator_clear (&gen);
  return plan != NULL ? VP_PLAN (plan) : NULL;
}
