/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-test"

#include "config.h"

#include "app/vp-application.h"
#include "vp-cell-text.h"
#include "vp-test-gui.h"

/**
 * vp_test_gui_init:
 *
 * Returns: whether there is a display (else the test is skipped)
 */
gboolean
vp_test_gui_init (int *argc, char ***argv)
{
  vp_application_init_i18n ();
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("no display: skipped\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

static gboolean
wake_cb (gpointer data)
{
  gboolean *woken = data;

  *woken = TRUE;
  return G_SOURCE_REMOVE;
}

/* One blocking iteration, woken after @ms at the latest. */
static void
iterate_at_most (guint ms)
{
  gboolean woken = FALSE;
  guint id = g_timeout_add (ms, wake_cb, &woken);

  g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (id);
}

gboolean
vp_test_wait_until (VpTestPredicate predicate, gpointer data, guint timeout_ms)
{
  gint64 give_up = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () >= give_up)
        return predicate (data);
      iterate_at_most (10);
    }
  return TRUE;
}

static gboolean
time_is_up (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
vp_test_wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  vp_test_wait_until (time_is_up, &until, ms + 1000);
}

typedef struct
{
  /* the frame clocks of the windows shown, and how often each painted */
  GPtrArray *clocks;
  GArray *painted;
} Frames;

static void
on_after_paint_cb (GdkFrameClock *clock, Frames *frames)
{
  for (guint i = 0; i < frames->clocks->len; i++)
    if (g_ptr_array_index (frames->clocks, i) == clock)
      g_array_index (frames->painted, guint, i)++;
}

static gboolean
frames_done (gpointer data)
{
  Frames *frames = data;

  if (g_main_context_pending (NULL))
    return FALSE;
  for (guint i = 0; i < frames->clocks->len; i++)
    {
      GdkFrameClock *clock = g_ptr_array_index (frames->clocks, i);

      if (g_array_index (frames->painted, guint, i) < 2)
        {
          /* a window with nothing new to show paints nonetheless */
          gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
          return FALSE;
        }
    }
  return TRUE;
}

void
vp_test_wait_for_frames (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  Frames frames = { g_ptr_array_new (), g_array_new (FALSE, TRUE, sizeof (guint)) };
  guint zero = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock
        = gtk_widget_get_mapped (window) ? gtk_widget_get_frame_clock (window) : NULL;

      if (clock == NULL || g_ptr_array_find (frames.clocks, clock, NULL))
        continue;
      g_ptr_array_add (frames.clocks, g_object_ref (clock));
      g_array_append_val (frames.painted, zero);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
    }
  /* 100 ms was the old fixed wait: the longest this takes when a window
   * keeps painting (an animation) */
  vp_test_wait_until (frames_done, &frames, 100);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < frames.clocks->len; i++)
    {
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (frames.clocks, i), &frames);
      g_object_unref (g_ptr_array_index (frames.clocks, i));
    }
  g_ptr_array_unref (frames.clocks);
  g_array_unref (frames.painted);
}

static GtkWidget *
find (GtkWidget *widget, GType type, gboolean shown_only)
{
  /* a list hides what a row does not show without changing its size */
  if (shown_only && !(gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget)))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, shown_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
vp_test_find (GtkWidget *widget, GType type)
{
  return find (widget, type, FALSE);
}

GtkWidget *
vp_test_find_shown (GtkWidget *widget, GType type)
{
  return find (widget, type, TRUE);
}

static void
collect_texts (GtkWidget *widget, GPtrArray *texts)
{
  const char *text = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (VP_IS_CELL_TEXT (widget))
    text = vp_cell_text_get_text (VP_CELL_TEXT (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  if (text != NULL)
    g_ptr_array_add (texts, (gpointer) text);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

gboolean
vp_test_shows_text (GtkWidget *widget, const char *text)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
        return TRUE;
    }
  g_test_message ("“%s” not among the %u texts shown", text, texts->len);
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("  shown: “%s”", (const char *) g_ptr_array_index (texts, i));
  return FALSE;
}

void
vp_test_choose (AdwComboRow *row, const char *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” is not a choice of %s", label, gtk_widget_get_name (GTK_WIDGET (row)));
}

const char *
vp_test_chosen (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

void
vp_test_save_screenshot (GtkWidget *widget, const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_object_unref (paintable);
}
