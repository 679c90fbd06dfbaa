/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/vp-exchange.h"
#include "exchange/vp-untrusted-text.h"
#include "store/vp-store-backup.h"
#include "store/vp-store-next-year.h"
#include "vp-cli.h"

/*
 * The command line without a window: import and export for scripts and
 * tests, through the same code as the window. Exit status 0 on success,
 * 1 with the fault on standard error otherwise.
 */

const GOptionEntry vp_cli_option_entries[]
  = { { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("Import the exchange file FILE into the plan database, without a window"),
        N_ ("FILE") },
      { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("Export the plan database to the exchange file FILE (“-” for standard output), without "
            "a window"),
        N_ ("FILE") },
      { "plan", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("Export only the plan with this UUID"), N_ ("UUID") },
      { "municipality", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("Set the municipality the plan database belongs to"), N_ ("NAME") },
      { "resolve", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("With --import: settle every conflict by keeping “ours” or taking “theirs” (else "
            "conflicts are left as they are here)"),
        N_ ("ours|theirs") },
      { "set", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
        N_ ("Change a field of a record, before any import or export (for scripts; may be given "
            "more than once)"),
        N_ ("UUID:FIELD=VALUE") },
      { "status", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
        N_ ("Set the database’s municipality’s status of an action (planned, in-progress, done, "
            "postponed, cancelled)"),
        N_ ("UUID:STATUS") },
      { "delete", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
        N_ ("Delete a record and all that belongs to it; partners learn of it from the next "
            "export"),
        N_ ("UUID") },
      { "list-backups", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
        N_ ("List the backups of the plan database, newest first"), NULL },
      { "restore", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("Put the plan database back as it was in a backup (“latest” for the newest); the plan "
            "as it is now is backed up first"),
        N_ ("FILE|latest") },
      { "report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("Write a report as PDF to the file given with --output, without a window"),
        N_ ("evaluation|progress|plan") },
      { "as-of", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("With --report or --csv: the reference date (default: today)"), N_ ("YYYY-MM-DD") },
      { "since", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("With --report progress: list the changes from this date (default: three months "
            "before the reference date)"),
        N_ ("YYYY-MM-DD") },
      { "output", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("With --report: the PDF file to write"), N_ ("FILE") },
      { "csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
        N_ ("Write every action with its statuses to the spreadsheet file FILE (CSV), without a "
            "window"),
        N_ ("FILE") },
      { "next-year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
        N_ ("Make next year’s plan from the plan with this UUID, carrying over its unfinished "
            "actions, and close that plan (after any import, before any export)"),
        N_ ("UUID") },
      { "format-version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
        N_ ("With --export: write this version of the exchange format (1 for partners still on "
            "Veiligheidsplan 0.1)"),
        N_ ("N") },
      { NULL } };

/* A fault, which may quote a partner's file: its control characters are
 * shown, not obeyed. */
static void
print_error (const char *context, const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;

  g_return_if_fail (error != NULL);
  message = vp_untrusted_text_for_terminal (error->message);
  if (context == NULL)
    {
      g_printerr ("veiligheidsplan: %s\n", message);
      return;
    }
  where = vp_untrusted_text_for_terminal (context);
  g_printerr ("veiligheidsplan: %s: %s\n", where, message);
}

/* A line to recognise a record by: its title, text, term or name, as the
 * partner wrote it but for control characters. */
static char *
describe_text (VpRecord *record)
{
  static const char *const fields[] = { "title", "text", "term", "name", "status", "to" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), fields[i]);

      if (pspec != NULL && pspec->value_type == G_TYPE_STRING)
        {
          const char *text = vp_record_get_string (record, fields[i]);
          g_autofree char *line = g_strdup (text != NULL ? text : "");

          if (g_utf8_strlen (line, -1) > 70)
            {
              g_utf8_offset_to_pointer (line, 69)[0] = '\0';
              return g_strdup_printf ("“%s…”", line);
            }
          return g_strdup_printf ("“%s”", line);
        }
    }
  return g_strdup (vp_record_get_uuid (record));
}

static char *
describe (VpRecord *record)
{
  g_autofree char *text = describe_text (record);

  return vp_untrusted_text_for_terminal (text);
}

/* A conflict, and how it was settled: by --resolve, or not at all. */
static void
print_conflict (VpChange *change, const char *path, const char *what)
{
  gboolean theirs = vp_change_get_resolution (change) == VP_RESOLUTION_TAKE_THEIRS;
  gboolean ours = vp_change_get_resolution (change) == VP_RESOLUTION_KEEP_OURS;

  switch (vp_change_get_deletion (change))
    {
    case VP_DELETION_THERE:
      if (theirs)
        /* Translators: deleted by the partner, changed here; deleted by --resolve */
        g_print (_ ("  Conflict, deleted there and changed here, deleted: %s %s\n"), path, what);
      else
        /* Translators: deleted by the partner, changed here; kept */
        g_print (_ ("  Conflict, deleted there and changed here, kept: %s %s\n"), path, what);
      break;
    case VP_DELETION_HERE:
      if (theirs)
        /* Translators: deleted here, changed by the partner; restored by --resolve */
        g_print (_ ("  Conflict, deleted here and changed there, restored: %s %s\n"), path, what);
      else
        /* Translators: deleted here, changed by the partner; not taken */
        g_print (_ ("  Conflict, deleted here and changed there, left deleted: %s %s\n"), path,
                 what);
      break;
    case VP_DELETION_NONE:
    default:
      if (theirs)
        /* Translators: a record changed here and in the file; the file's taken */
        g_print (_ ("  Conflict, settled with their version: %s %s\n"), path, what);
      else if (ours)
        /* Translators: a record changed here and in the file; ours kept and stamped anew */
        g_print (_ ("  Conflict, settled with our version: %s %s\n"), path, what);
      else
        /* Translators: a record changed here and in the file; left as it is here */
        g_print (_ ("  Conflict, kept as it is here: %s %s\n"), path, what);
    }
}

/* Only the changes worth a line are described: a large import's
 * thousands of additions are counted, not told one by one. */
static gboolean
is_told (VpChange *change)
{
  switch (vp_change_get_kind (change))
    {
    case VP_CHANGE_CONFLICT:
    case VP_CHANGE_REFUSED:
    case VP_CHANGE_DELETED:
      return TRUE;
    case VP_CHANGE_UPDATED:
      return vp_change_get_reason (change) != NULL;
    default:
      return FALSE;
    }
}

static void
print_change (VpChange *change)
{
  g_autofree char *what = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;

  if (vp_change_get_depends_on (change) != NULL || !is_told (change))
    return;
  what = describe (vp_change_get_incoming (change));
  path = vp_untrusted_text_for_terminal (vp_change_get_path (change));
  reason = vp_untrusted_text_for_terminal (vp_change_get_reason (change));
  switch (vp_change_get_kind (change))
    {
    case VP_CHANGE_CONFLICT:
      print_conflict (change, path, what);
      break;
    case VP_CHANGE_REFUSED:
      /* Translators: a change refused, and why */
      g_print (_ ("  Refused: %s %s: %s\n"), path, what, reason);
      break;
    case VP_CHANGE_DELETED:
      /* Translators: a record the partner deleted, deleted here too */
      g_print (_ ("  Deleted: %s %s\n"), path, what);
      break;
    case VP_CHANGE_UPDATED:
      /* an update with a reason: a change made here that its owner
       * refused, replaced by the owner's version */
      if (vp_change_get_reason (change) != NULL)
        /* Translators: a change made here replaced by its owner's version, and why */
        g_print (_ ("  Taken back: %s %s: %s\n"), path, what, reason);
      break;
    default:
      break;
    }
}

static void
print_left_out (VpChangeSet *set)
{
  GListModel *changes = vp_change_set_get_changes (set);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (VpChange) change = g_list_model_get_item (changes, i);

      print_change (change);
    }
}

/* A file of another coalition or plan, or older than the one imported
 * last from the same partner, is refused as in the window; one's own
 * file (a backup, the example) and the same file again are not. */
static gboolean
import_file (VpStore *store, const char *path, VpResolution resolution)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpChangeSet) set = vp_exchange_read_file (store, path, &error);
  g_autofree char *partner = NULL;
  g_autofree char *exported_at = NULL;
  g_autofree char *shown_path = NULL;

  if (set != NULL)
    vp_change_set_resolve_all (set, resolution);
  if (set == NULL
      || !vp_exchange_check_origin (store, set, VP_ORIGIN_ALLOW_OWN | VP_ORIGIN_ALLOW_SAME, &error)
      || !vp_store_backup_before_import (store, &error)
      || !vp_change_set_apply (set, store, &error))
    {
      print_error (path, error);
      return FALSE;
    }
  shown_path = vp_untrusted_text_for_terminal (path);
  partner = vp_untrusted_text_for_terminal (vp_change_set_get_partner (set));
  exported_at = vp_untrusted_text_for_terminal (vp_change_set_get_exported_at (set));
  g_print (_ ("Imported %s from %s (exported %s):\n"), shown_path, partner, exported_at);
  /* Translators: the summary of an import, record counts */
  g_print (
    _ ("  %u added, %u updated, %u unchanged, %u older than ours, %u conflicts, %u "
       "refused, %u deleted\n"),
    vp_change_set_count (set, VP_CHANGE_ADDED), vp_change_set_count (set, VP_CHANGE_UPDATED),
    vp_change_set_count (set, VP_CHANGE_UNCHANGED), vp_change_set_count (set, VP_CHANGE_OLDER),
    vp_change_set_count (set, VP_CHANGE_CONFLICT), vp_change_set_count (set, VP_CHANGE_REFUSED),
    vp_change_set_count (set, VP_CHANGE_DELETED));
  print_left_out (set);
  return TRUE;
}

static gboolean
make_next_year (VpStore *store, const char *plan_uuid)
{
  g_autoptr (GError) error = NULL;
  VpRecord *plan = vp_store_lookup (store, plan_uuid);
  g_autoptr (GPtrArray) unfinished = NULL;
  VpPlan *next;

  if (!VP_IS_PLAN (plan))
    {
      g_printerr (_ ("veiligheidsplan: there is no plan with UUID %s in this database\n"),
                  plan_uuid);
      return FALSE;
    }
  unfinished = vp_store_list_unfinished_actions (store, VP_PLAN (plan));
  next = vp_store_make_next_year (store, VP_PLAN (plan), NULL, &error);
  if (next == NULL)
    {
      print_error (NULL, error);
      return FALSE;
    }
  /* Translators: --next-year: the new plan's title and UUID, then how many
   * actions it carried over, and the old plan's title */
  g_print (
    g_dngettext (GETTEXT_PACKAGE, "Made “%s” (%s) with %u action carried over; “%s” is closed.\n",
                 "Made “%s” (%s) with %u actions carried over; “%s” is closed.\n", unfinished->len),
    vp_plan_get_title (next), vp_record_get_uuid (VP_RECORD (next)), unfinished->len,
    vp_plan_get_title (VP_PLAN (plan)));
  return TRUE;
}

static gboolean
export_file (VpStore *store, const char *path, const char *plan_uuid, int version)
{
  g_autoptr (GError) error = NULL;
  VpRecord *plan = NULL;

  if (plan_uuid != NULL)
    {
      plan = vp_store_lookup (store, plan_uuid);
      if (!VP_IS_PLAN (plan))
        {
          g_printerr (_ ("veiligheidsplan: there is no plan with UUID %s in this database\n"),
                      plan_uuid);
          return FALSE;
        }
    }
  if (vp_exchange_export_version (store, VP_PLAN (plan), path, version, &error))
    return TRUE;
  if (vp_exchange_export_was_written (error))
    {
      /* The file is whole and right; only this database's note of what
       * partners have was not kept, which at worst shows a partner's later
       * change as a conflict to settle. A read-only database is fine to
       * export from. */
      g_autofree char *message = vp_untrusted_text_for_terminal (error->message);

      g_printerr (_ ("veiligheidsplan: the export was written, but this database could not note "
                     "what was sent (%s); a partner’s later change of these records may be shown "
                     "as a conflict\n"),
                  message);
      return TRUE;
    }
  print_error (g_strcmp0 (path, "-") != 0 ? path : NULL, error);
  return FALSE;
}

static gboolean
parse_resolution (const char *text, VpResolution *resolution)
{
  if (g_str_equal (text, "ours"))
    *resolution = VP_RESOLUTION_KEEP_OURS;
  else if (g_str_equal (text, "theirs"))
    *resolution = VP_RESOLUTION_TAKE_THEIRS;
  else
    {
      g_printerr (_ ("veiligheidsplan: --resolve expects “ours” or “theirs”, got “%s”\n"), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * vp_cli_run:
 * @options: the parsed command line
 *
 * Returns: the exit status, or -1 when the command line asks for a window
 */
int
vp_cli_run (GVariantDict *options)
{
  g_autofree char *database = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *plan_uuid = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *resolve = NULL;
  g_autofree char *next_year = NULL;
  int version = VP_EXCHANGE_VERSION;
  VpResolution resolution = VP_RESOLUTION_NONE;
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = vp_cli_run_backups (options);

  if (status >= 0)
    return status;
  g_variant_dict_lookup (options, "import", "^ay", &import_path);
  g_variant_dict_lookup (options, "export", "^ay", &export_path);
  g_variant_dict_lookup (options, "plan", "s", &plan_uuid);
  g_variant_dict_lookup (options, "municipality", "s", &municipality);
  g_variant_dict_lookup (options, "resolve", "s", &resolve);
  g_variant_dict_lookup (options, "next-year", "s", &next_year);
  g_variant_dict_lookup (options, "format-version", "i", &version);
  if (import_path == NULL && export_path == NULL && municipality == NULL && next_year == NULL
      && !vp_cli_wants_edits (options) && !vp_cli_wants_report (options))
    return -1;
  if (resolve != NULL && !parse_resolution (resolve, &resolution))
    return 1;
  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    database = vp_store_default_path ();

  store = vp_store_open (database, &error);
  if (store == NULL)
    {
      print_error (NULL, error);
      return 1;
    }
  /* the process ends with these changes: nobody undoes them */
  vp_store_set_keeps_undo (store, FALSE);
  if (municipality != NULL && !vp_store_set_home_municipality (store, municipality, &error))
    {
      print_error (NULL, error);
      return 1;
    }
  if (!vp_cli_edit (store, options))
    return 1;
  if (import_path != NULL && !import_file (store, import_path, resolution))
    return 1;
  if (next_year != NULL && !make_next_year (store, next_year))
    return 1;
  if (export_path != NULL && !export_file (store, export_path, plan_uuid, version))
    return 1;
  if (vp_cli_wants_report (options) && !vp_cli_report (store, options))
    return 1;
  return 0;
}
