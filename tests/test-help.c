/* SPDX-License-Identifier: EUPL-1.2 */
/* The guide for advisors (F1): the file in the user's language, English
 * otherwise, and every picture and page it links to is there. */
#define G_LOG_DOMAIN "veiligheidsplan"

#include "config.h"

#include "app/vp-application.h"

static char *
help_file_in (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  return vp_application_get_help_file ();
}

static void
test_help_language (void)
{
  g_autofree char *nl = help_file_in ("nl");
  g_autofree char *nl_be = help_file_in ("nl_BE");
  g_autofree char *de = help_file_in ("de");
  g_autofree char *en = help_file_in ("en");

  g_assert_true (g_str_has_suffix (nl, G_DIR_SEPARATOR_S "nl.html"));
  g_assert_true (g_str_has_suffix (nl_be, G_DIR_SEPARATOR_S "nl.html"));
  g_assert_true (g_str_has_suffix (de, G_DIR_SEPARATOR_S "en.html"));
  g_assert_true (g_str_has_suffix (en, G_DIR_SEPARATOR_S "en.html"));
  g_assert_true (g_file_test (nl, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (en, G_FILE_TEST_IS_REGULAR));
}

/* Every src= and local href= of @language's guide names an existing file. */
static void
assert_links_exist (const char *language)
{
  g_autofree char *path = help_file_in (language);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) regex = g_regex_new ("(src|href)=\"([^\"#]+)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint images = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *kind = g_match_info_fetch (match, 1);
      g_autofree char *target = g_match_info_fetch (match, 2);
      g_autofree char *file = g_build_filename (dir, target, NULL);

      /* no address on the web: the guide works offline */
      g_assert_false (g_str_has_prefix (target, "http"));
      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        g_error ("%s links to %s, which is missing", path, target);
      if (g_str_equal (kind, "src"))
        images++;
    }
  /* with screenshots */
  g_assert_cmpuint (images, >=, 4);
}

static void
test_help_links (void)
{
  assert_links_exist ("en");
  assert_links_exist ("nl");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help/language", test_help_language);
  g_test_add_func ("/help/links", test_help_links);
  return g_test_run ();
}
