/* SPDX-License-Identifier: EUPL-1.2 */
/* Every icon the application names, in its UI templates and its C
 * sources, is found by the GTK icon theme (with the application's own
 * icons registered, as GtkApplication does) and its file can be loaded.
 * A theme that finds an SVG icon but has no SVG loader (librsvg2-common
 * missing) shows "image-missing": this test fails then. */
#define G_LOG_DOMAIN "veiligheidsplan"

#include "config.h"

#include <adwaita.h>

#include "vp-test-gui.h"

#define ICON_RESOURCE_PATH "/nl/veiligheidsplan/Veiligheidsplan/icons"

/* Adds to @names every icon name in @text: icon-name properties of a UI
 * template, or string literals ending in -symbolic in C. */
static void
collect_icon_names (const char *text, gboolean is_ui, GHashTable *names)
{
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;

  if (is_ui)
    regex = g_regex_new ("name=\"[a-z-]*icon[-_]name\"[^>]*>([A-Za-z0-9._-]+)<", 0, 0, NULL);
  else
    regex = g_regex_new ("\"([a-z0-9._-]+-symbolic)\"", 0, 0, NULL);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

/* Reads every .ui or .c file under @dir, recursively. */
static void
collect_from_dir (const char *dir, GHashTable *names)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *text = NULL;
      gboolean is_ui = g_str_has_suffix (entry, ".ui");

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_from_dir (path, names);
          continue;
        }
      if (!is_ui && !g_str_has_suffix (entry, ".c"))
        continue;
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      collect_icon_names (text, is_ui, names);
    }
}

static GHashTable *
icon_names_of_the_app (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *ui = g_build_filename (root, "resources", NULL);
  g_autofree char *src = g_build_filename (root, "src", NULL);

  collect_from_dir (ui, names);
  collect_from_dir (src, names);
  /* the about window's and the desktop file's */
  g_hash_table_add (names, g_strdup (APP_ID));
  return names;
}

/* Loads @name's file the way GTK does (through GdkPixbuf's loaders); the
 * message says what is wrong when it cannot. */
static void
assert_icon_loads (GtkIconTheme *theme, const char *name)
{
  g_autoptr (GtkIconPaintable) icon = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    g_error ("The icon theme has no icon \"%s\" (named by the application)", name);
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 32, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_test_message ("%s: %s", name, uri);
  if (strstr (uri, "image-missing") != NULL)
    g_error ("The icon \"%s\" was looked up as %s", name, uri);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 32, 32, TRUE, NULL, &error);
  if (pixbuf == NULL)
    g_error ("The icon \"%s\" (%s) cannot be loaded: %s. An SVG icon needs the SVG loader "
             "(Debian: librsvg2-common)",
             name, uri, error->message);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 0);
}

static void
test_icons_load (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr (GHashTable) names = icon_names_of_the_app ();
  g_autofree char **list = NULL;
  guint n = 0;

  gtk_icon_theme_add_resource_path (theme, ICON_RESOURCE_PATH);
  list = (char **) g_hash_table_get_keys_as_array (names, &n);
  /* the templates name a dozen icons at least: a pattern that finds none
   * would let the test pass without looking at anything */
  g_assert_cmpuint (n, >=, 12);
  for (guint i = 0; i < n; i++)
    assert_icon_loads (theme, list[i]);
}

/* The check itself notices a name the theme does not have. */
static void
test_unknown_icon_fails (void)
{
  if (g_test_subprocess ())
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

      assert_icon_loads (theme, "vp-no-such-icon-symbolic");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no icon \"vp-no-such-icon-symbolic\"*");
}

int
main (int argc, char *argv[])
{
  if (!vp_test_gui_init (&argc, &argv))
    return 77;
  g_test_add_func ("/icons/load", test_icons_load);
  g_test_add_func ("/icons/unknown-fails", test_unknown_icon_fails);
  return g_test_run ();
}
