/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange-folder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "exchange/vp-exchange.h"
#include "vp-exchange-folder.h"

/*
 * A folder the partners share (a network drive, a synchronised folder):
 * a few seconds after each change the plan's export is written there,
 * atomically (a temporary file renamed over the old one), under a name of
 * the municipality and the plan; and the folder is watched for partners'
 * files. A partner's file newer than the last one imported from it is
 * announced with "new-file"; importing it is a person's decision (the
 * window offers the preview). A file is read only once its size stayed
 * the same for a moment, and one that is not whole JSON yet is tried
 * again a little later: a file still being written is never half-read.
 * Our own export, and any file of our own municipality, is ignored.
 */

/* After a change, wait this long for more before writing the export. */
#define EXPORT_DELAY_MS 3000
/* A file whose size did not change for this long is probably complete. */
#define SETTLE_DELAY_MS 1500
/* How often to try a file that is not whole JSON yet. */
#define MAX_TRIES 5

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
  /* "name exported_at" of the files announced already */
  GHashTable *announced;
};

typedef struct
{
  VpExchangeFolder *self;
  GFile *file;
  goffset size;
  guint source;
  guint tries;
} Pending;

G_DEFINE_FINAL_TYPE (VpExchangeFolder, vp_exchange_folder, G_TYPE_OBJECT)

enum
{
  NEW_FILE,
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

      /* a temporary file renamed over the old one: partners never see
       * half of it */
      if (!vp_exchange_export (self->store, plan, path, error))
        return FALSE;
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

static const char *
header_string (JsonNode *root, const char *key)
{
  JsonNode *node = json_object_get_member (json_node_get_object (root), key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

/* A partner's file newer than the last imported from it, not announced
 * before. */
static gboolean
is_news (VpExchangeFolder *self, GFile *file, JsonNode *root)
{
  const char *by = header_string (root, "exported_by");
  const char *at = header_string (root, "exported_at");
  g_autofree char *normal = at != NULL ? vp_exchange_normalize_timestamp (at) : NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *key = NULL;

  if (by == NULL || normal == NULL
      || g_strcmp0 (by, vp_store_get_home_municipality (self->store)) == 0)
    return FALSE;
  last = vp_store_dup_last_import (self->store, by);
  if (last != NULL && strcmp (normal, last) <= 0)
    return FALSE;
  key = g_strdup_printf ("%s %s", name, normal);
  if (g_hash_table_contains (self->announced, key))
    return FALSE;
  g_hash_table_add (self->announced, g_steal_pointer (&key));
  return TRUE;
}

static void
on_file_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *pending = user_data;
  VpExchangeFolder *self = pending->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vp_exchange_load_finish (result, &error);
  g_autofree char *name = g_file_get_basename (pending->file);
  g_autoptr (GFile) file = g_object_ref (pending->file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (root == NULL && g_error_matches (error, VP_EXCHANGE_ERROR, VP_EXCHANGE_ERROR_SYNTAX)
      && ++pending->tries < MAX_TRIES)
    {
      /* still being written, probably: look again later */
      g_debug ("%s not whole yet: %s", name, error->message);
      pending->size = -1;
      schedule (self, pending->file);
      return;
    }
  g_hash_table_remove (self->pending, name);
  if (root == NULL)
    {
      g_debug ("%s is not an exchange file: %s", name, error->message);
      return;
    }
  if (is_news (self, file, root))
    g_signal_emit (self, signals[NEW_FILE], 0, file, header_string (root, "exported_by"));
}

/* Reads the file once its size stayed the same since the last look. */
static gboolean
on_settled_cb (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr (GFileInfo) info = NULL;
  goffset size;

  pending->source = 0;
  info = g_file_query_info (pending->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL)
    {
      g_autofree char *name = g_file_get_basename (pending->file);

      g_hash_table_remove (pending->self->pending, name);
      return G_SOURCE_REMOVE;
    }
  size = g_file_info_get_size (info);
  if (size != pending->size || size == 0)
    {
      pending->size = size;
      pending->source = g_timeout_add (pending->self->settle_ms, on_settled_cb, pending);
      return G_SOURCE_REMOVE;
    }
  vp_exchange_load_async (pending->file, pending->self->cancellable, on_file_loaded_cb, pending);
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
  g_hash_table_unref (self->announced);

  G_OBJECT_CLASS (vp_exchange_folder_parent_class)->finalize (object);
}

static void
vp_exchange_folder_class_init (VpExchangeFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_exchange_folder_dispose;
  object_class->finalize = vp_exchange_folder_finalize;

  /**
   * VpExchangeFolder::new-file:
   * @file: a partner's file, newer than the last imported from it
   * @partner: the code of the partner
   */
  signals[NEW_FILE] = g_signal_new ("new-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);
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
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
