/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "store/vp-store-backup.h"
#include "vp-cli.h"

/*
 * Backups from the command line: list them (--list-backups), and put
 * one back (--restore FILE, or --restore latest for the newest good
 * one). A database that opens is restored through the store, in one
 * transaction, after a backup of it as it was; one too damaged to open
 * has its file replaced, a copy of it kept.
 */

static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S %Z");
}

static int
list_backups (const char *database)
{
  g_autoptr (GPtrArray) backups = vp_store_list_backups (database);
  g_autofree char *dir = vp_store_backup_dir (database);

  if (backups->len == 0)
    {
      g_print (_ ("There are no backups of “%s” yet.\n"), database);
      return 0;
    }
  /* Translators: above the list of backups, newest first */
  g_print (_ ("Backups of “%s” in %s, newest first:\n"), database, dir);
  for (guint i = 0; i < backups->len; i++)
    {
      VpBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *time = format_time (backup->time);
      g_autofree char *name = g_path_get_basename (backup->path);

      g_print ("  %s  %-15s %s\n", time, backup->reason, name);
    }
  return 0;
}

/* "latest", a path, or the name of a file in the backups folder. */
static char *
find_backup (const char *database, const char *which, GError **error)
{
  g_autofree char *dir = vp_store_backup_dir (database);
  g_autofree char *in_dir = NULL;
  g_autoptr (VpBackup) latest = NULL;

  if (g_str_equal (which, "latest"))
    {
      latest = vp_store_find_good_backup (database);
      if (latest != NULL)
        return g_strdup (latest->path);
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN,
                   _ ("There is no good backup of “%s” in %s."), database, dir);
      return NULL;
    }
  if (g_file_test (which, G_FILE_TEST_IS_REGULAR))
    return g_strdup (which);
  in_dir = g_build_filename (dir, which, NULL);
  if (strchr (which, G_DIR_SEPARATOR) == NULL && g_file_test (in_dir, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&in_dir);
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_OPEN,
               _ ("There is no backup “%s” (see --list-backups)."), which);
  return NULL;
}

/* Through the store when the database opens, else by replacing its file. */
static gboolean
restore (const char *database, const char *backup, GError **error)
{
  g_autoptr (VpStore) store = vp_store_open (database, error);
  g_autofree char *saved = NULL;
  g_autofree char *dir = NULL;

  if (store != NULL)
    {
      if (!vp_store_restore_backup (store, backup, &saved, error))
        return FALSE;
      g_print (_ ("Restored %s from %s.\nThe plan as it was is kept in %s.\n"), database, backup,
               saved);
      return TRUE;
    }
  if (!g_error_matches (*error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED))
    return FALSE;
  g_clear_error (error);
  if (!vp_store_restore_backup_file (database, backup, error))
    return FALSE;
  dir = vp_store_backup_dir (database);
  g_print (_ ("Restored %s from %s.\nThe damaged file is kept in %s.\n"), database, backup, dir);
  return TRUE;
}

/**
 * vp_cli_run_backups:
 * @options: the parsed command line
 *
 * Returns: the exit status of --list-backups or --restore, or -1 when
 *   neither was asked for
 */
int
vp_cli_run_backups (GVariantDict *options)
{
  g_autofree char *database = NULL;
  g_autofree char *which = NULL;
  g_autofree char *backup = NULL;
  g_autoptr (GError) error = NULL;
  gboolean list = g_variant_dict_contains (options, "list-backups");

  g_variant_dict_lookup (options, "restore", "^ay", &which);
  if (!list && which == NULL)
    return -1;
  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    database = vp_store_default_path ();
  if (list)
    return list_backups (database);
  backup = find_backup (database, which, &error);
  if (backup == NULL || !restore (database, backup, &error))
    {
      g_printerr ("veiligheidsplan: %s\n", error->message);
      return 1;
    }
  return 0;
}
