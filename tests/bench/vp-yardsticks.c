/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "vp-yardsticks.h"

/*
 * The program beside its yardsticks, as a person meets it: each measure
 * runs a new process of the program and one of its yardstick, alternating
 * (the order turned every round, so that neither always follows the
 * other), and compares their medians. The machine's noise hits both.
 *
 * - start-up: exec to the first frame painted (VEILIGHEIDSPLAN_FIRST_FRAME
 *   makes the program print a marker then and quit), against an empty
 *   AdwApplicationWindow with a header bar (vp-floor-window);
 * - memory: the resident memory at that frame, against the same window;
 * - import and export: the processor time of the child (user + system,
 *   from wait4), against vp-floor-exchange, which parses the file and
 *   inserts its actions and statuses in one transaction, or reads them
 *   and writes indented JSON, checking nothing.
 */

typedef struct
{
  char *measure;
  const char *unit;
  GArray *ours;
  GArray *floor;
  /* ours / the floor's, at most; 0 when the issue sets none */
  double target;
} Comparison;

static GPtrArray *comparisons;
static guint rounds = 5;
static char *work_dir;

static void
comparison_free (Comparison *c)
{
  g_free (c->measure);
  g_array_unref (c->ours);
  g_array_unref (c->floor);
  g_free (c);
}

static Comparison *
comparison_new (const char *measure, const char *unit, double target)
{
  Comparison *c = g_new0 (Comparison, 1);

  c->measure = g_strdup (measure);
  c->unit = unit;
  c->ours = g_array_new (FALSE, FALSE, sizeof (double));
  c->floor = g_array_new (FALSE, FALSE, sizeof (double));
  c->target = target;
  g_ptr_array_add (comparisons, c);
  return c;
}

/**
 * vp_yardsticks_init:
 * @n_rounds: how many times each is run
 * @dir: a folder for the databases and files written
 */
void
vp_yardsticks_init (guint n_rounds, const char *dir)
{
  rounds = n_rounds;
  g_free (work_dir);
  work_dir = g_strdup (dir);
  comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) comparison_free);
}

/**
 * vp_yardsticks_program:
 *
 * Returns: the program measured: the one built beside the benchmark, or
 *   another build of it named by VP_BENCH_PROGRAM (to compare two)
 */
const char *
vp_yardsticks_program (void)
{
  const char *program = g_getenv ("VP_BENCH_PROGRAM");

  return program != NULL && *program != '\0' ? program : VP_BENCH_PROGRAM;
}

/**
 * vp_yardsticks_available:
 *
 * Returns: whether the program and the yardsticks were built
 */
gboolean
vp_yardsticks_available (void)
{
  return g_file_test (vp_yardsticks_program (), G_FILE_TEST_IS_EXECUTABLE)
         && g_file_test (VP_BENCH_FLOOR_WINDOW, G_FILE_TEST_IS_EXECUTABLE)
         && g_file_test (VP_BENCH_FLOOR_EXCHANGE, G_FILE_TEST_IS_EXECUTABLE);
}

/* The processor time of the children waited for so far. */
static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* What a start of a program came to. */
typedef struct
{
  double first_ms; /* exec to the window's first frame */
  double shown_ms; /* exec to the frame with the plan shown */
  double rss_mib;  /* resident memory half a second later, all made */
  double cpu_ms;   /* processor time, start to end */
} Start;

/* Runs @argv to its end (src/app/vp-application.c): the time from before
 * the exec until its first frame and until the plan was shown, the
 * resident memory it reports last (half a second after the plan showed,
 * when what followed it is made too), and its processor time, start to
 * end. A program that shows no plan (the yardstick's empty window, which
 * quits after its first frame) has it shown with its first frame. */
static gboolean
run_to_first_frame (const char *const *argv, Start *result)
{
  double cpu_before = children_cpu_ms ();
  g_autoptr (GSubprocessLauncher) launcher
    = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;
  char *line;
  gboolean found = FALSE;

  g_subprocess_launcher_setenv (launcher, "VEILIGHEIDSPLAN_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
    {
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      gboolean shown = g_str_has_prefix (line, "plan-shown rss-kib=");
      gboolean settled = g_str_has_prefix (line, "settled rss-kib=");

      if (g_str_has_prefix (line, "first-frame rss-kib="))
        {
          result->first_ms = result->shown_ms = ms;
          result->rss_mib = atol (line + strlen ("first-frame rss-kib=")) / 1024.0;
          found = TRUE;
        }
      else if (shown)
        {
          result->shown_ms = ms;
          result->rss_mib = atol (line + strlen ("plan-shown rss-kib=")) / 1024.0;
        }
      else if (settled)
        result->rss_mib = atol (line + strlen ("settled rss-kib=")) / 1024.0;
      g_free (line);
      if (settled)
        break;
    }
  if (!found)
    g_printerr ("%s: no first frame\n", argv[0]);
  g_subprocess_wait (process, NULL, NULL);
  result->cpu_ms = children_cpu_ms () - cpu_before;
  return found;
}

/* Runs @argv to its end: its processor time (user and system). */
static gboolean
run_for_cpu (const char *const *argv, double *ms)
{
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s %s: failed\n", argv[0], argv[1]);
      return FALSE;
    }
  *ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  return TRUE;
}

/* A database and what SQLite and the program keep beside it. */
static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = g_strconcat (path, ".backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (backups, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_unlink (file);
    }
  g_rmdir (backups);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

static void
measure_startup (guint n, const char *database, VpYardsticks which)
{
  const char *ours[] = { vp_yardsticks_program (), "--database", database, NULL };
  const char *floor[] = { VP_BENCH_FLOOR_WINDOW, NULL };
  g_autofree char *label = g_strdup_printf ("start-up to the plan shown, %u actions", n);
  g_autofree char *label_first = g_strdup_printf ("start-up to first frame, %u actions", n);
  g_autofree char *label_rss = g_strdup_printf ("resident memory, 0.5 s after, %u actions", n);
  /* the targets: the plan shown for the example plan and 10,000
   * actions; at 100,000 the window first, the plan following */
  Comparison *startup = comparison_new (label, "ms", n < 1000 ? 1.15 : n <= 10000 ? 1.5 : 0);
  Comparison *first = comparison_new (label_first, "ms", n > 10000 ? 3.0 : 0);
  g_autofree char *label_cpu = g_strdup_printf ("  its processor time (to the end), %u actions", n);
  /* less hit by the noise of a shared machine; no target of its own */
  Comparison *startup_cpu = comparison_new (label_cpu, "ms", 0);
  Comparison *memory = NULL;
  Start start;

  if (which & VP_YARDSTICK_MEMORY)
    memory = comparison_new (label_rss, "MiB", n == 10000 ? 1.3 : 0);
  /* once each first, not counted: the first start reads from the disk
   * what the others find in the page cache */
  if (!run_to_first_frame (ours, &start) || !run_to_first_frame (floor, &start))
    return;
  for (guint r = 0; r < rounds; r++)
    {
      for (guint i = 0; i < 2; i++)
        {
          gboolean is_ours = (i + r) % 2 == 0;

          if (!run_to_first_frame (is_ours ? ours : floor, &start))
            return;
          g_array_append_val (is_ours ? startup->ours : startup->floor, start.shown_ms);
          g_array_append_val (is_ours ? first->ours : first->floor, start.first_ms);
          g_array_append_val (is_ours ? startup_cpu->ours : startup_cpu->floor, start.cpu_ms);
          if (memory != NULL)
            g_array_append_val (is_ours ? memory->ours : memory->floor, start.rss_mib);
        }
    }
}

static void
measure_import (guint n, const char *file)
{
  g_autofree char *db = g_build_filename (work_dir, "import.db", NULL);
  g_autofree char *floor_db = g_build_filename (work_dir, "import-floor.db", NULL);
  const char *ours[] = {
    vp_yardsticks_program (), "--database", db, "--municipality", "Nijkerk", "--import", file, NULL
  };
  const char *floor[] = { VP_BENCH_FLOOR_EXCHANGE, "import", file, floor_db, NULL };
  g_autofree char *label = g_strdup_printf ("import, processor time, %u actions", n);
  Comparison *c = comparison_new (label, "ms", 1.5);

  for (guint r = 0; r < rounds; r++)
    {
      for (guint i = 0; i < 2; i++)
        {
          gboolean is_ours = (i + r) % 2 == 0;
          double ms;

          remove_database (is_ours ? db : floor_db);
          if (!run_for_cpu (is_ours ? ours : floor, &ms))
            return;
          g_array_append_val (is_ours ? c->ours : c->floor, ms);
        }
    }
  remove_database (db);
  remove_database (floor_db);
}

static void
measure_export (guint n, const char *database)
{
  g_autofree char *out = g_build_filename (work_dir, "export.json", NULL);
  g_autofree char *floor_out = g_build_filename (work_dir, "export-floor.json", NULL);
  const char *ours[] = { vp_yardsticks_program (), "--database", database, "--export", out, NULL };
  const char *floor[] = { VP_BENCH_FLOOR_EXCHANGE, "export", database, floor_out, NULL };
  g_autofree char *label = g_strdup_printf ("export, processor time, %u actions", n);
  Comparison *c = comparison_new (label, "ms", 1.0);

  for (guint r = 0; r < rounds; r++)
    {
      for (guint i = 0; i < 2; i++)
        {
          gboolean is_ours = (i + r) % 2 == 0;
          double ms;

          if (!run_for_cpu (is_ours ? ours : floor, &ms))
            return;
          g_array_append_val (is_ours ? c->ours : c->floor, ms);
        }
    }
  g_unlink (out);
  g_unlink (floor_out);
}

/**
 * vp_yardsticks_measure:
 * @n: the plan's actions
 * @database: a plan database holding it (its home municipality set)
 * @exchange_file: (nullable): the plan as an exchange file, for an import
 * @which: what to measure
 */
void
vp_yardsticks_measure (guint n, const char *database, const char *exchange_file, VpYardsticks which)
{
  g_printerr ("%u actions: beside the yardsticks…\n", n);
  if (which & VP_YARDSTICK_STARTUP)
    measure_startup (n, database, which);
  if ((which & VP_YARDSTICK_IMPORT) && exchange_file != NULL)
    measure_import (n, exchange_file);
  if (which & VP_YARDSTICK_EXPORT)
    measure_export (n, database);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return NAN;
  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

static void
print_comparison (Comparison *c)
{
  double ours = median (c->ours), floor = median (c->floor);
  double ratio = ours / floor;
  g_autofree char *target = c->target > 0 ? g_strdup_printf ("≤ %.2f×", c->target) : NULL;
  const char *result = "";

  if (c->target > 0)
    result = c->ours->len == 0 || c->floor->len == 0 ? "none"
             : ratio <= c->target                    ? "PASS"
                                                     : "FAIL";
  g_print ("%-48s %3u %9.1f %9.1f %3s %6.2f× %8s  %s\n", c->measure, c->ours->len, ours, floor,
           c->unit, ratio, target != NULL ? target : "-", result);
}

/**
 * vp_yardsticks_print:
 *
 * Prints each measure's medians, ours as a ratio to its yardstick's, and
 * whether it meets the target.
 */
void
vp_yardsticks_print (void)
{
  if (comparisons == NULL || comparisons->len == 0)
    return;
  g_print (
    "\nBeside the yardsticks: medians of %u alternating runs each, new processes.\n"
    "Start-up is exec to the frame painted with the plan shown, and to the window's\n"
    "first frame (the same frame unless the plan took longer to read), against an\n"
    "empty AdwApplicationWindow with a header bar; import and export are the child's processor\n"
    "time (the floor: json-glib and one transaction of prepared inserts, no checks;\n"
    "its reverse writing indented JSON).\n\n",
    rounds);
  g_print ("%-48s %3s %9s %9s %3s %7s %8s  %s\n", "measure", "n", "ours", "floor", "", "ratio",
           "target", "result");
  for (guint i = 0; i < comparisons->len; i++)
    print_comparison (g_ptr_array_index (comparisons, i));
  g_print ("\n");
}
