/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-store.h"

G_BEGIN_DECLS

/* How many backups are kept beside a database; the oldest go first. */
#define VP_STORE_MAX_BACKUPS 10

/* Why a backup was made: the last part of its file's name. */
#define VP_BACKUP_IMPORT         "import"
#define VP_BACKUP_NEXT_YEAR      "next-year"
#define VP_BACKUP_BEFORE_RESTORE "before-restore"
/* a copy of a damaged database, as it was, kept before a restore */
#define VP_BACKUP_DAMAGED "damaged"

/* One backup file: where it is, when it was made (UTC) and why. */
typedef struct
{
  char *path;
  char *reason;
  GDateTime *time;
  /* within the same second: the file's time of change (ns), and n of -n */
  gint64 written;
  guint sequence;
} VpBackup;

void vp_backup_free (VpBackup *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpBackup, vp_backup_free)

char *vp_store_backup_dir (const char *db_path);
char *vp_store_backup (VpStore *store, const char *reason, GError **error);
gboolean vp_store_backup_before_import (VpStore *store, GError **error);
GPtrArray *vp_store_list_backups (const char *db_path);
gboolean vp_store_check_backup (const char *backup_path, GError **error);
VpBackup *vp_store_find_good_backup (const char *db_path);
gboolean
vp_store_restore_backup (VpStore *store, const char *backup_path, char **saved, GError **error);
gboolean
vp_store_restore_backup_file (const char *db_path, const char *backup_path, GError **error);

G_END_DECLS
