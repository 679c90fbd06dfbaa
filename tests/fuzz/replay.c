/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-fuzz-replay"

#include "config.h"

#include "fuzz-common.h"

/*
 * A fuzz target without libFuzzer, for every build: runs the target once
 * over each file of the folders given (the seeds, and every input that
 * once crashed it), as a normal test.
 */

static guint
replay_path (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  gsize length;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_print ("%s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      return 1;
    }
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.')
        n += replay_path (child);
    }
  return n;
}

int
main (int argc, char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay_path (argv[i]);
  g_print ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
