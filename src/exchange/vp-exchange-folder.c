/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange-folder"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/vp-exchange.h"
#include "vp-exchange-folder.h"

/*
 * (GTK-free, GIO only: part of the core library beside the reader and
 * writer it uses.)
 *
 * A folder the partners share (a network drive, a synchronised folder):
 * a few seconds after each change the plan's export is written there,
 * atomically (a temporary file renamed over the old one), under a name of
 * the municipality and the plan; and the folder is watched for partners'
 * files. A partner's file newer than the last one imported from it is
 * announced with "new-file"; importing it is a person's decision (the
 * window offers the preview). A file is read only once its size stayed
 * the same for a moment, and one that is not whole JSON yet is tried
 * again a little later: a file still being written is never half-read.
 * It is read and checked off the main thread, then compared with the
 * database as an import would: only what an import would take is
 * announced, once, whatever its name (a file is known by its content and
 * by its sender and time). Only regular files are read, never through a
 * symbolic link. What arrives together is announced together, the newest
 * file of each partner. Our own export, and any file of our own
 * municipality, is ignored.
 */

/* After a change, wait this long for more before writing the export. */
#define EXPORT_DELAY_MS 3000
/* A file whose size did not change for this long is probably complete. */
#define SETTLE_DELAY_MS 1500
/* How often to try a file that is not whole JSON yet, or still empty. */
#define MAX_TRIES 5
/* How many settle delays an announcement waits for files still arriving. */
#define MAX_ANNOUNCE_WAITS 20

struct _VpExchangeFolder
{
  GObject parent_instance;

  VpStore *store;
  GFile *folder;
  GFileMonitor *monitor;
  GCancellable *cancellable;
  guint export_source;
  guint export_ms;
  guint settle_ms;
  /* basename → Pending, files waiting to be looked at */
  GHashTable *pending;
  /* checksums of the files read, and "partner exported_at" of those
   * announced: a copy under another name is not news */
  GHashTable *seen;
  /* partner → Arrival, to announce */
  GHashTable *arrived;
  guint announce_source;
  guint announce_waits;
};

typedef struct
{
  VpExchangeFolder *self;
  GFile *file;
  goffset size;
  guint source;
  guint tries;
  /* being read; and looked at again after that */
  gboolean loading;
  gboolean again;
} Pending;

G_DEFINE_FINAL_TYPE (VpExchangeFolder, vp_exchange_folder, G_TYPE_OBJECT)

enum
{
  NEW_FILES,
  EXPORT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_free (Pending *pending)
{
  g_clear_handle_id (&pending->source, g_source_remove);
  g_object_unref (pending->file);
  g_free (pending);
}

/* Exporting */

/* The names this database writes: one file per plan. */
static gboolean
is_own_name (VpExchangeFolder *self, const char *name)
{
  GListModel *plans = vp_store_get_records (self->store, VP_TYPE_PLAN);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (VpPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *own = vp_exchange_file_name (self->store, plan, FALSE);

      if (g_str_equal (own, name))
        return TRUE;
    }
  return FALSE;
}

/**
 * vp_exchange_folder_export_now:
 *
 * Writes the export of each plan into the folder, under a name of the
 * municipality and the plan, replacing the one before.
 */
gboolean
vp_exchange_folder_export_now (VpExchangeFolder *self, GError **error)
{
  GListModel *plans = vp_store_get_records (self->store, VP_TYPE_PLAN);

  g_return_val_if_fail (VP_IS_EXCHANGE_FOLDER (self), FALSE);
  if (self->folder == NULL || vp_store_get_home_municipality (self->store) == NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (VpPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *name = vp_exchange_file_name (self->store, plan, FALSE);
      g_autoptr (GFile) file = g_file_get_child (self->folder, name);
      g_autofree char *path = g_file_get_path (file);

      g_autoptr (GError) local = NULL;

      /* a temporary file renamed over the old one: partners never see
       * half of it; a read-only database cannot note what it sent, which
       * at worst shows a partner's later change as a conflict */
      if (vp_exchange_export (self->store, plan, path, &local))
        continue;
      if (!vp_exchange_export_was_written (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_debug ("%s written, not noted as sent: %s", name, local->message);
    }
  return TRUE;
}

static gboolean
on_export_timeout_cb (gpointer user_data)
{
  VpExchangeFolder *self = user_data;
  g_autoptr (GError) error = NULL;

  self->export_source = 0;
  if (!vp_exchange_folder_export_now (self, &error))
    {
      g_warning ("exchange folder: %s", error->message);
      g_signal_emit (self, signals[EXPORT_FAILED], 0, error->message);
    }
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (VpExchangeFolder *self)
{
  if (self->folder == NULL)
    return;
  g_clear_handle_id (&self->export_source, g_source_remove);
  self->export_source = g_timeout_add (self->export_ms, on_export_timeout_cb, self);
}

/* Watching */

static void schedule (VpExchangeFolder *self, GFile *file);

/* A file read off the main thread: its checksum, and its JSON or why not. */
typedef struct
{
  char *checksum;
  JsonNode *root;
  GError *error;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->checksum);
  g_clear_pointer (&loaded->root, json_node_unref);
  g_clear_error (&loaded->error);
  g_free (loaded);
}

static GBytes *
fail_errno (GError **error, const char *path, int saved)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path,
               g_strerror (saved));
  return NULL;
}

/* The bytes of a regular file, never through a symbolic link (one that
 * points out of the folder is not a partner's file), and never more than
 * a plan can be. */
static GBytes *
read_regular_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
  g_autoptr (GByteArray) data = NULL;
  struct stat st;
  guint8 buffer[65536];
  gssize n = 0;

  if (fd < 0)
    return fail_errno (error, path, errno);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file", path);
      return NULL;
    }
  data = g_byte_array_sized_new (MIN (st.st_size, VP_EXCHANGE_MAX_SIZE) + 1);
  while (data->len <= VP_EXCHANGE_MAX_SIZE
         && ((n = read (fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)))
    g_byte_array_append (data, buffer, MAX (n, 0));
  close (fd);
  if (n < 0)
    return fail_errno (error, path, errno);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
load_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr (GBytes) bytes = read_regular_file (task_data, &error);
  Loaded *loaded;

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  loaded = g_new0 (Loaded, 1);
  loaded->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  loaded->root = vp_exchange_parse (bytes, &loaded->error);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

/* The files of one partner that arrived since the last announcement:
 * the newest, which holds all the others hold. */
typedef struct
{
  GFile *file;
  char *exported_at;
} Arrival;

static void
arrival_free (Arrival *arrival)
{
  g_object_unref (arrival->file);
  g_free (arrival->exported_at);
  g_free (arrival);
}

static int
compare_strings (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* One "new-files" for what arrived, partners in alphabetical order. */
static void
announce (VpExchangeFolder *self)
{
  guint n = 0;
  g_autofree gpointer *partners = g_hash_table_get_keys_as_array (self->arrived, &n);
  g_autoptr (GStrvBuilder) paths = g_strv_builder_new ();
  g_auto (GStrv) path_list = NULL;
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  g_auto (GStrv) code_list = NULL;

  g_qsort_with_data (partners, n, sizeof *partners, compare_strings, NULL);
  for (guint i = 0; i < n; i++)
    {
      Arrival *arrival = g_hash_table_lookup (self->arrived, partners[i]);

      g_strv_builder_add (paths, g_file_peek_path (arrival->file));
      g_strv_builder_add (codes, partners[i]);
    }
  path_list = g_strv_builder_end (paths);
  code_list = g_strv_builder_end (codes);
  g_hash_table_remove_all (self->arrived);
  g_signal_emit (self, signals[NEW_FILES], 0, path_list, code_list);
}

/* Announces once the files that were arriving are all looked at, or after
 * a while of files arriving without end. */
static gboolean
on_announce_timeout_cb (gpointer user_data)
{
  VpExchangeFolder *self = user_data;

  if (g_hash_table_size (self->pending) > 0 && ++self->announce_waits < MAX_ANNOUNCE_WAITS)
    return G_SOURCE_CONTINUE;
  self->announce_source = 0;
  self->announce_waits = 0;
  announce (self);
  return G_SOURCE_REMOVE;
}

static void
note_arrival (VpExchangeFolder *self, GFile *file, const char *partner, const char *exported_at)
{
  Arrival *arrival = g_hash_table_lookup (self->arrived, partner);

  if (arrival == NULL || strcmp (exported_at, arrival->exported_at) > 0)
    {
      arrival = g_new0 (Arrival, 1);
      arrival->file = g_object_ref (file);
      arrival->exported_at = g_strdup (exported_at);
      g_hash_table_insert (self->arrived, g_strdup (partner), arrival);
    }
  if (self->announce_source == 0)
    self->announce_source = g_timeout_add (self->settle_ms, on_announce_timeout_cb, self);
}

/* A partner's file that importing would take, not seen before under any
 * name: checked as the import checks it, so that nothing is announced
 * that would then be refused. */
static void
consider (VpExchangeFolder *self, GFile *file, JsonNode *root)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (VpChangeSet) set = vp_exchange_read_json (self->store, root, name, &error);
  g_autofree char *key = NULL;

  if (set == NULL || !vp_exchange_check_origin (self->store, set, VP_ORIGIN_DEFAULT, &error))
    {
      g_debug ("%s is not offered: %s", name, error->message);
      return;
    }
  key = g_strdup_printf ("%s %s", vp_change_set_get_partner (set),
                         vp_change_set_get_exported_at (set));
  if (!g_hash_table_add (self->seen, g_steal_pointer (&key)))
    return;
  note_arrival (self, file, vp_change_set_get_partner (set), vp_change_set_get_exported_at (set));
}

static void
on_file_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  /* cancelled when the folder stopped: @user_data is gone */
  Pending *pending = error == NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                       ? user_data
                       : NULL;
  VpExchangeFolder *self;
  g_autofree char *name = NULL;
  g_autoptr (GFile) file = NULL;

  if (pending == NULL)
    return;
  self = pending->self;
  name = g_file_get_basename (pending->file);
  file = g_object_ref (pending->file);
  pending->loading = FALSE;
  if (pending->again)
    {
      /* changed while it was read */
      g_clear_pointer (&loaded, loaded_free);
      pending->again = FALSE;
      pending->tries = 0;
      schedule (self, file);
      return;
    }
  if (loaded != NULL && loaded->root == NULL
      && g_error_matches (loaded->error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX)
      && ++pending->tries < MAX_TRIES)
    {
      /* still being written, probably: look again later */
      g_debug ("%s not whole yet: %s", name, loaded->error->message);
      loaded_free (loaded);
      pending->size = -1;
      schedule (self, pending->file);
      return;
    }
  g_hash_table_remove (self->pending, name);
  if (loaded == NULL)
    g_debug ("%s is not read: %s", name, error->message);
  else if (!g_hash_table_add (self->seen, g_strdup (loaded->checksum)))
    g_debug ("%s holds what another file held", name);
  else if (loaded->root == NULL)
    g_debug ("%s is not an exchange file: %s", name, loaded->error->message);
  else
    consider (self, file, loaded->root);
  g_clear_pointer (&loaded, loaded_free);
}

static void
load (Pending *pending)
{
  g_autoptr (GTask) task
    = g_task_new (NULL, pending->self->cancellable, on_file_loaded_cb, pending);

  pending->loading = TRUE;
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, g_file_get_path (pending->file), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

static void
forget (Pending *pending)
{
  g_autofree char *name = g_file_get_basename (pending->file);

  g_hash_table_remove (pending->self->pending, name);
}

/* Reads the file once its size stayed the same since the last look; an
 * empty one only until it was empty a few times (it may be on its way). */
static gboolean
on_settled_cb (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr (GFileInfo) info = NULL;
  goffset size;

  pending->source = 0;
  info = g_file_query_info (pending->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
      || (g_file_info_get_size (info) == 0 && ++pending->tries >= MAX_TRIES))
    {
      forget (pending);
      return G_SOURCE_REMOVE;
    }
  size = g_file_info_get_size (info);
  if (size != pending->size || size == 0)
    {
      pending->size = size;
      pending->source = g_timeout_add (pending->self->settle_ms, on_settled_cb, pending);
      return G_SOURCE_REMOVE;
    }
  load (pending);
  return G_SOURCE_REMOVE;
}

static gboolean
is_candidate (VpExchangeFolder *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".json") && name[0] != '.'
         && !is_own_name (self, name);
}

/* Looks at @file after a moment, or again if it is waited for already. */
static void
schedule (VpExchangeFolder *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  Pending *pending;

  if (!is_candidate (self, file))
    return;
  pending = g_hash_table_lookup (self->pending, name);
  if (pending != NULL && pending->loading)
    {
      pending->again = TRUE;
      return;
    }
  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->self = self;
      pending->file = g_object_ref (file);
      pending->size = -1;
      g_hash_table_insert (self->pending, g_strdup (name), pending);
    }
  g_clear_handle_id (&pending->source, g_source_remove);
  pending->source = g_timeout_add (self->settle_ms, on_settled_cb, pending);
}

static void
on_folder_changed_cb (
  GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer user_data)
{
  VpExchangeFolder *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      schedule (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other != NULL)
        schedule (self, other);
      break;
    default:
      break;
    }
}

/* The files that are there already when watching starts. */
static void
scan (VpExchangeFolder *self)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
    self->folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr (GFile) child = g_file_get_child (self->folder, g_file_info_get_name (info));

      schedule (self, child);
      g_object_unref (info);
    }
}

static void
stop (VpExchangeFolder *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->arrived);
  g_clear_handle_id (&self->announce_source, g_source_remove);
  self->announce_waits = 0;
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->folder);
  g_clear_handle_id (&self->export_source, g_source_remove);
}

/* GObject */

static void
vp_exchange_folder_dispose (GObject *object)
{
  VpExchangeFolder *self = VP_EXCHANGE_FOLDER (object);

  stop (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_exchange_folder_parent_class)->dispose (object);
}

static void
vp_exchange_folder_finalize (GObject *object)
{
  VpExchangeFolder *self = VP_EXCHANGE_FOLDER (object);

  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->seen);
  g_hash_table_unref (self->arrived);

  G_OBJECT_CLASS (vp_exchange_folder_parent_class)->finalize (object);
}

static void
vp_exchange_folder_class_init (VpExchangeFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_exchange_folder_dispose;
  object_class->finalize = vp_exchange_folder_finalize;

  /**
   * VpExchangeFolder::new-files:
   * @paths: partners' files that an import would take, the newest of each
   *   partner, in the order of @partners
   * @partners: the codes of the partners, in alphabetical order
   *
   * What arrived in the folder since the last time, at once.
   */
  signals[NEW_FILES] = g_signal_new ("new-files", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
  /**
   * VpExchangeFolder::export-failed:
   * @message: why the export could not be written
   */
  signals[EXPORT_FAILED]
    = g_signal_new ("export-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vp_exchange_folder_init (VpExchangeFolder *self)
{
  self->export_ms = EXPORT_DELAY_MS;
  self->settle_ms = SETTLE_DELAY_MS;
  self->pending
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pending_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->arrived
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) arrival_free);
}

/**
 * vp_exchange_folder_new:
 *
 * Returns: (transfer full): a folder exchange for @store, without a folder
 *   yet
 */
VpExchangeFolder *
vp_exchange_folder_new (VpStore *store)
{
  VpExchangeFolder *self = g_object_new (VP_TYPE_EXCHANGE_FOLDER, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * vp_exchange_folder_set_path:
 * @path: (nullable): the folder, %NULL or "" for none
 *
 * Starts exchanging through @path: writes the export there at once and
 * after each change, and watches it for partners' files (those there
 * already count as arriving now).
 */
void
vp_exchange_folder_set_path (VpExchangeFolder *self, const char *path)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (VP_IS_EXCHANGE_FOLDER (self));

  stop (self);
  if (path == NULL || *path == '\0')
    return;
  self->folder = g_file_new_for_path (path);
  self->cancellable = g_cancellable_new ();
  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES,
                                            self->cancellable, &error);
  if (self->monitor == NULL)
    g_warning ("exchange folder %s cannot be watched: %s", path, error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);
  on_store_changed_cb (self);
  scan (self);
}

/**
 * vp_exchange_folder_get_path:
 *
 * Returns: (nullable): the folder, as set
 */
const char *
vp_exchange_folder_get_path (VpExchangeFolder *self)
{
  g_return_val_if_fail (VP_IS_EXCHANGE_FOLDER (self), NULL);
  return self->folder != NULL ? g_file_peek_path (self->folder) : NULL;
}

/**
 * vp_exchange_folder_set_delays:
 * @export_ms: how long after a change the export is written
 * @settle_ms: how long a file's size must stay the same before it is read
 *
 * For tests, which cannot wait seconds.
 */
void
vp_exchange_folder_set_delays (VpExchangeFolder *self, guint export_ms, guint settle_ms)
{
  g_return_if_fail (VP_IS_EXCHANGE_FOLDER (self));
  self->export_ms = export_ms;
  self->settle_ms = settle_ms;
}

/**
 * vp_exchange_folder_get_n_waiting:
 *
 * Returns: how many files are waited for or being read, for tests
 */
guint
vp_exchange_folder_get_n_waiting (VpExchangeFolder *self)
{
  g_return_val_if_fail (VP_IS_EXCHANGE_FOLDER (self), 0);
  return g_hash_table_size (self->pending);
}
