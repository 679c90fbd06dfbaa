/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-after-frame"

#include "config.h"

#include "vp-after-frame.h"

/*
 * Work that follows a change but is not the change itself (a toast, the
 * sidebar's counts, the rows off screen) is done once the frame that
 * shows the change is painted: it then costs a frame of its own, not the
 * one the person is waiting for.
 */

typedef struct
{
  VpAfterFrameFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Pending;

/* What waits on one widget, kept on it. */
typedef struct
{
  GtkWidget *widget;
  GPtrArray *pending;
  /* the frame clock whose next frame is waited for */
  gpointer clock;
  guint idle;
  /* the idle is there for want of a frame clock */
  gboolean clockless;
} Waiting;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void on_frame_painted_cb (GdkFrameClock *clock, Waiting *waiting);
static void on_clock_gone (gpointer data, GObject *where_the_clock_was);

static void
stop_waiting_for_clock (Waiting *waiting)
{
  if (waiting->clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (waiting->clock, on_frame_painted_cb, waiting);
  g_object_weak_unref (waiting->clock, on_clock_gone, waiting);
  waiting->clock = NULL;
}

static void
waiting_free (Waiting *waiting)
{
  stop_waiting_for_clock (waiting);
  g_clear_handle_id (&waiting->idle, g_source_remove);
  g_ptr_array_unref (waiting->pending);
  g_free (waiting);
}

static GQuark
waiting_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("vp-after-frame");
  return quark;
}

static gboolean
run_cb (gpointer data)
{
  Waiting *waiting = data;
  g_autoptr (GPtrArray) due = g_steal_pointer (&waiting->pending);

  waiting->idle = 0;
  waiting->clockless = FALSE;
  waiting->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  for (guint i = 0; i < due->len; i++)
    {
      Pending *pending = g_ptr_array_index (due, i);

      pending->func (waiting->widget, pending->data);
    }
  return G_SOURCE_REMOVE;
}

static void
on_frame_painted_cb (GdkFrameClock *clock, Waiting *waiting)
{
  stop_waiting_for_clock (waiting);
  if (waiting->idle == 0)
    waiting->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_cb, waiting, NULL);
}

/* The clock went away (the widget was unrealized): do it at idle. */
static void
on_clock_gone (gpointer data, GObject *where_the_clock_was)
{
  Waiting *waiting = data;

  waiting->clock = NULL;
  if (waiting->idle == 0)
    {
      waiting->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_cb, waiting, NULL);
      waiting->clockless = TRUE;
    }
}

/**
 * vp_after_frame:
 * @widget: whose frame to wait for
 * @func: what to do then, once
 * @destroy: (nullable): frees @data afterwards, or when @widget goes
 *
 * Calls @func at idle after @widget's next frame is painted, or at idle
 * when @widget has no frame clock (unless it gets one before that idle:
 * then after its first frame). Nothing is called once @widget is
 * finalized.
 */
void
vp_after_frame (GtkWidget *widget, VpAfterFrameFunc func, gpointer data, GDestroyNotify destroy)
{
  Waiting *waiting = g_object_get_qdata (G_OBJECT (widget), waiting_quark ());
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Pending *pending = g_new0 (Pending, 1);

  if (waiting == NULL)
    {
      waiting = g_new0 (Waiting, 1);
      waiting->widget = widget;
      waiting->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
      g_object_set_qdata_full (G_OBJECT (widget), waiting_quark (), waiting,
                               (GDestroyNotify) waiting_free);
    }
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  g_ptr_array_add (waiting->pending, pending);
  /* asked before the widget was realized, and now it has a clock (it is
   * being shown): all wait for its frame */
  if (waiting->clockless && clock != NULL)
    {
      g_clear_handle_id (&waiting->idle, g_source_remove);
      waiting->clockless = FALSE;
    }
  if (waiting->idle != 0 || (clock != NULL && clock == waiting->clock))
    return;
  if (clock == NULL)
    {
      waiting->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_cb, waiting, NULL);
      waiting->clockless = TRUE;
      return;
    }
  stop_waiting_for_clock (waiting);
  waiting->clock = clock;
  g_object_weak_ref (G_OBJECT (clock), on_clock_gone, waiting);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_painted_cb), waiting);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The size @widget's window has in the frame being made, else the size
 * it will have in its first frame (its default size, unless it is
 * maximized or fullscreen: then as large as its monitor, which it is not
 * told yet); FALSE when unknown. */
static gboolean
window_size (GtkWidget *widget, int *width, int *height)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!GTK_IS_WINDOW (root))
    return FALSE;
  *width = gtk_widget_get_width (GTK_WIDGET (root));
  *height = gtk_widget_get_height (GTK_WIDGET (root));
  if (*width > 0 && *height > 0)
    return TRUE;
  if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)))
    return FALSE;
  gtk_window_get_default_size (GTK_WINDOW (root), width, height);
  return *width > 0 && *height > 0;
}

/**
 * vp_first_frame_height:
 * @widget: a widget in a window
 *
 * Returns: the height of @widget's window, or the height it will have at
 *   its first frame (its default height), or 0 when that is not known (a
 *   window maximized or fullscreen before its first frame)
 */
int
vp_first_frame_height (GtkWidget *widget)
{
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  return window_size (widget, &width, &height) ? height : 0;
}

/**
 * vp_first_frame_rows:
 * @row: a row of a list in a window
 *
 * GTK lays out every row a list has before the window's first frame; a
 * list that makes its rows off screen after it needs to know how many its
 * window can show: as many rows as low as @row, measured as wide as the
 * window (a row no wider is no lower), as the window's height holds, and
 * the one cut off at the bottom.
 *
 * Returns: that many, or 0 when the window's size is not known
 */
guint
vp_first_frame_rows (GtkWidget *row)
{
  int width, height, row_height = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (row), 0);

  if (!window_size (row, &width, &height))
    return 0;
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &row_height, NULL, NULL, NULL);
  if (row_height <= 0)
    return 0;
  return height / row_height + 1;
}
