/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vp-store-backup.h"
#include "vp-store-private.h"

/*
 * Backups of the plan database, beside it in `<name>.backups/` (mode
 * 0700, files 0600): `plan-2026-12-07T10-15-30Z-import.db`, the time in
 * UTC and why it was made (a second backup in the same second gets
 * `-2`). Each is written with SQLite's online backup API, so the
 * database may be in use meanwhile, and checked (PRAGMA quick_check)
 * before the oldest beyond VP_STORE_MAX_BACKUPS are removed: a failed
 * backup never costs a good one.
 *
 * A restore writes a backup into the open database with the same API,
 * in one transaction, after the plan as it was is itself backed up
 * ("before-restore"), so a restore can be undone by another. A database
 * too damaged to open is replaced as a file instead: a copy of it is
 * kept ("damaged"), the backup is written to a new file in the same
 * folder, synced, and renamed over it after its -wal, -shm and -journal
 * files are gone.
 */

#define TIME_FORMAT "%Y-%m-%dT%H-%M-%SZ"
#define NAME_PATTERN                                                                               \
  "^.*-(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d)-(\\d\\d)-(\\d\\d)Z-([a-z]+(?:-[a-z]+)*)(?:-(\\d+))?"    \
  "\\.db$"

void
vp_backup_free (VpBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->reason);
  g_clear_pointer (&backup->time, g_date_time_unref);
  g_free (backup);
}

static gboolean
set_failed (GError **error, const char *dir, const char *detail)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
               _ ("No backup of the plan database could be written to “%s”: %s"), dir, detail);
  return FALSE;
}

static char *
db_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

/* A reason is a file-name part: lower-case words joined by hyphens. */
static gboolean
reason_is_valid (const char *reason)
{
  g_autoptr (GRegex) regex = g_regex_new ("^[a-z]+(-[a-z]+)*$", 0, 0, NULL);

  return reason != NULL && g_regex_match (regex, reason, 0, NULL);
}

/* Makes the file with mode 0600, so that SQLite writes into a file that
 * was never readable by others; the next free name in that second. */
static char *
create_backup_file (const char *dir, const char *stem, GDateTime *time, const char *reason)
{
  g_autofree char *stamp = g_date_time_format (time, TIME_FORMAT);

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%s-%s.db", stem, stamp, reason)
                                     : g_strdup_printf ("%s-%s-%s-%u.db", stem, stamp, reason, n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&path);
        }
      if (errno != EEXIST)
        return NULL;
    }
  errno = EEXIST;
  return NULL;
}

/* The copy is a database on its own: no -wal beside it. */
static int
copy_database (sqlite3 *source, const char *dest_path)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          int finish;

          rc = sqlite3_backup_step (backup, -1);
          finish = sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = finish;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  return rc;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const VpBackup *x = *(VpBackup **) a;
  const VpBackup *y = *(VpBackup **) b;
  int by_time = g_date_time_compare (y->time, x->time);

  if (by_time != 0)
    return by_time;
  if (x->written != y->written)
    return x->written < y->written ? 1 : -1;
  if (x->sequence != y->sequence)
    return x->sequence < y->sequence ? 1 : -1;
  return g_strcmp0 (y->path, x->path);
}

/* Orders backups made in the same second. */
static gint64
modified_ns (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static VpBackup *
parse_backup_name (GRegex *regex, const char *dir, const char *name)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *sequence = NULL;
  int part[6];
  VpBackup *backup;

  if (!g_regex_match (regex, name, 0, &match))
    return NULL;
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *text = g_match_info_fetch (match, i + 1);

      part[i] = (int) g_ascii_strtoll (text, NULL, 10);
    }
  backup = g_new0 (VpBackup, 1);
  backup->time = g_date_time_new_utc (part[0], part[1], part[2], part[3], part[4], part[5]);
  if (backup->time == NULL)
    {
      vp_backup_free (backup);
      return NULL;
    }
  backup->path = g_build_filename (dir, name, NULL);
  backup->written = modified_ns (backup->path);
  backup->reason = g_match_info_fetch (match, 7);
  sequence = g_match_info_fetch (match, 8);
  backup->sequence = sequence != NULL && *sequence != '\0' ? (guint) atoi (sequence) : 1;
  return backup;
}

/* Removes the oldest beyond the limit, never @keep. */
static void
prune_backups (const char *db_path, const char *keep)
{
  g_autoptr (GPtrArray) backups = vp_store_list_backups (db_path);
  guint kept = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      VpBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *wal = g_strconcat (backup->path, "-wal", NULL);

      if (kept < VP_STORE_MAX_BACKUPS || g_strcmp0 (backup->path, keep) == 0)
        {
          kept++;
          continue;
        }
      if (g_unlink (backup->path) != 0)
        g_warning ("The old backup “%s” cannot be removed: %s", backup->path, g_strerror (errno));
      g_unlink (wal);
    }
}

static gboolean
make_backup_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_failed (error, dir, g_strerror (errno));
  return TRUE;
}

static char *
backup_keeping (VpStore *store, const char *reason, const char *keep, GError **error)
{
  g_autofree char *dir = vp_store_backup_dir (store->path);
  g_autofree char *stem = db_stem (store->path);
  g_autoptr (GDateTime) now = vp_store_get_now (store);
  g_autofree char *path = NULL;
  g_autoptr (GError) check_error = NULL;
  int rc;

  if (!make_backup_dir (dir, error))
    return NULL;
  path = create_backup_file (dir, stem, now, reason);
  if (path == NULL)
    {
      set_failed (error, dir, g_strerror (errno));
      return NULL;
    }
  rc = copy_database (store->db, path);
  if (rc != SQLITE_OK || !vp_store_check_backup (path, &check_error))
    {
      g_unlink (path);
      set_failed (error, dir, rc != SQLITE_OK ? sqlite3_errstr (rc) : check_error->message);
      return NULL;
    }
  prune_backups (store->path, keep);
  return g_steal_pointer (&path);
}

/**
 * vp_store_backup_dir:
 * @db_path: a plan database's file
 *
 * Returns: (transfer full): the folder of its backups, `plan.db.backups`
 *   beside `plan.db`
 */
char *
vp_store_backup_dir (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".backups", NULL);
}

/**
 * vp_store_backup:
 * @reason: why, a file-name part such as %VP_BACKUP_IMPORT
 *
 * Writes a backup of the database as it is now (committed changes) into
 * its backups folder, checks it, and then removes the oldest beyond
 * %VP_STORE_MAX_BACKUPS. Call it before a change that Undo in the window
 * cannot take back alone: an import, next year's plan.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 *   (nothing else changed)
 */
char *
vp_store_backup (VpStore *store, const char *reason, GError **error)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (reason_is_valid (reason), NULL);
  g_return_val_if_fail (!vp_store_in_transaction (store), NULL);

  return backup_keeping (store, reason, NULL, error);
}

/**
 * vp_store_list_backups:
 * @db_path: a plan database's file
 *
 * Returns: (transfer container) (element-type VpBackup): its backups,
 *   newest first; empty when there are none
 */
GPtrArray *
vp_store_list_backups (const char *db_path)
{
  g_autoptr (GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_backup_free);
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr (GRegex) regex = g_regex_new (NAME_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      VpBackup *backup = parse_backup_name (regex, dir, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

static int
query_int (sqlite3 *db, const char *sql, int *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
quick_check (sqlite3 *db, char **result)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/**
 * vp_store_check_backup:
 * @backup_path: a backup's file
 *
 * Whether the file is a whole plan database this program can open: it
 * passes PRAGMA quick_check and has a schema version we know.
 *
 * Returns: %TRUE if so; else %FALSE with @error (%VP_STORE_ERROR_DAMAGED)
 */
gboolean
vp_store_check_backup (const char *backup_path, GError **error)
{
  sqlite3 *db = NULL;
  g_autofree char *check = NULL;
  int version = -1;
  int rc = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = quick_check (db, &check);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &version);
  sqlite3_close (db);
  if (rc == SQLITE_OK && g_strcmp0 (check, "ok") == 0 && version >= 1
      && version <= VP_STORE_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_DAMAGED,
               _ ("The backup “%s” is damaged or not a plan database: %s"), backup_path,
               rc != SQLITE_OK ? sqlite3_errstr (rc)
               : check != NULL ? check
                               : "?");
  return FALSE;
}

/**
 * vp_store_find_good_backup:
 * @db_path: a plan database's file
 *
 * Returns: (transfer full) (nullable): the newest of its backups that
 *   passes vp_store_check_backup(), or %NULL
 */
VpBackup *
vp_store_find_good_backup (const char *db_path)
{
  g_autoptr (GPtrArray) backups = vp_store_list_backups (db_path);

  for (guint i = 0; i < backups->len; i++)
    {
      if (vp_store_check_backup (((VpBackup *) g_ptr_array_index (backups, i))->path, NULL))
        return g_ptr_array_steal_index (backups, i);
    }
  return NULL;
}

/* Into the open database, in one transaction of its own. */
static gboolean
write_backup_into (VpStore *store, const char *backup_path, GError **error)
{
  sqlite3 *source = NULL;
  sqlite3_backup *backup = NULL;
  int rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (store->db, "main", source, "main");
      rc = backup == NULL ? sqlite3_extended_errcode (store->db) : sqlite3_backup_step (backup, -1);
      if (backup != NULL && sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
        rc = sqlite3_extended_errcode (store->db);
    }
  sqlite3_close (source);
  if (rc == SQLITE_DONE)
    return TRUE;
  return vp_store_set_sqlite_error (store, rc, "restore", error);
}

/**
 * vp_store_restore_backup:
 * @store: the open database
 * @backup_path: a backup's file (vp_store_list_backups())
 * @saved: (out) (optional) (transfer full): where the plan as it was is
 *   kept
 *
 * Puts the plan back as it was in the backup: checks the backup, backs
 * the database up as it is now (%VP_BACKUP_BEFORE_RESTORE), and writes
 * the backup into it in one transaction. The objects of @store are then
 * out of date: drop @store and open the database again.
 *
 * Returns: %TRUE on success; else %FALSE with @error, and nothing changed
 */
gboolean
vp_store_restore_backup (VpStore *store, const char *backup_path, char **saved, GError **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (!vp_store_in_transaction (store), FALSE);

  if (!vp_store_check_backup (backup_path, error))
    return FALSE;
  before = backup_keeping (store, VP_BACKUP_BEFORE_RESTORE, backup_path, error);
  if (before == NULL || !write_backup_into (store, backup_path, error))
    return FALSE;
  if (saved != NULL)
    *saved = g_steal_pointer (&before);
  return TRUE;
}

static gboolean
set_restore_failed (GError **error, const char *db_path, const char *detail)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
               _ ("The plan database “%s” could not be restored: %s"), db_path, detail);
  return FALSE;
}

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* The damaged file as it was (and its -wal, which may hold the newest
 * changes), for whoever wants to rescue something from it. */
static gboolean
keep_damaged_copy (const char *db_path, GError **error)
{
  g_autofree char *dir = vp_store_backup_dir (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!make_backup_dir (dir, error))
    return FALSE;
  copy = create_backup_file (dir, stem, now, VP_BACKUP_DAMAGED);
  if (copy == NULL)
    return set_failed (error, dir, g_strerror (errno));
  copy_wal = g_strconcat (copy, "-wal", NULL);
  if (!copy_file (db_path, copy, &local_error)
      || (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_file (wal, copy_wal, &local_error)))
    {
      g_unlink (copy);
      g_unlink (copy_wal);
      return set_failed (error, dir, local_error->message);
    }
  return TRUE;
}

static gboolean
sync_path (const char *path, int flags)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* The backup as a new file in the database's folder, on disk. */
static char *
write_temp_copy (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.restore-XXXXXX", dir, base);
  sqlite3 *source = NULL;
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  int rc;

  if (fd < 0)
    {
      set_restore_failed (error, db_path, g_strerror (errno));
      return NULL;
    }
  close (fd);
  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (source, temp);
  sqlite3_close (source);
  if (rc != SQLITE_OK || !sync_path (temp, O_RDONLY))
    {
      const char *detail = rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno);

      g_unlink (temp);
      set_restore_failed (error, db_path, detail);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

/* A -wal or -journal left beside the new file would be played into it. */
static gboolean
remove_side_files (const char *db_path, GError **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        return set_restore_failed (error, db_path, g_strerror (errno));
    }
  return TRUE;
}

/**
 * vp_store_restore_backup_file:
 * @db_path: a plan database's file, open nowhere (it may be damaged)
 * @backup_path: a backup's file
 *
 * Replaces the database's file by the backup, for a database too damaged
 * to open (for one that opens, use vp_store_restore_backup(), which
 * other programs using it notice). The damaged file is kept in the
 * backups folder (%VP_BACKUP_DAMAGED); the backup is written to a new
 * file beside the database, synced, and renamed over it.
 *
 * Returns: %TRUE on success; else %FALSE with @error
 */
gboolean
vp_store_restore_backup_file (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!vp_store_check_backup (backup_path, error) || !keep_damaged_copy (db_path, error))
    return FALSE;
  temp = write_temp_copy (db_path, backup_path, error);
  if (temp == NULL)
    return FALSE;
  if (!remove_side_files (db_path, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, db_path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_restore_failed (error, db_path, g_strerror (saved));
    }
  dir = g_path_get_dirname (db_path);
  sync_path (dir, O_RDONLY | O_DIRECTORY);
  return TRUE;
}

/**
 * vp_store_backup_before_import:
 *
 * The backup before an import (vp_store_backup() with
 * %VP_BACKUP_IMPORT), with a message that says the import was not done
 * when it fails.
 *
 * Returns: %TRUE when the backup is there; else %FALSE with @error
 */
gboolean
vp_store_backup_before_import (VpStore *store, GError **error)
{
  g_autofree char *backup = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), FALSE);

  backup = vp_store_backup (store, VP_BACKUP_IMPORT, error);
  if (backup == NULL)
    g_prefix_error (error, _ ("Nothing was imported, as the plan could not be backed up first. "));
  return backup != NULL;
}
