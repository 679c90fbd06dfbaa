/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/vp-untrusted-text.h"
#include "app/vp-cli.h"
#include "model/vp-model.h"
#include "store/vp-store-status.h"
#include "vp-test-util.h"

/*
 * The command line as a script meets it: the built program
 * ($VEILIGHEIDSPLAN_PROGRAM) run on databases of its own, its exit status,
 * what it prints and what it leaves behind.
 */

#define DAMOCLES  "aab6f567-4d7f-491d-a0f6-fddef2204fed"
#define OTHER_SUB "fc568731-8bb1-4c89-a4fb-9bbf6fff40b1" /* of another priority */
#define SUB_B     "d39a4403-740a-4970-8517-ca89c96ff272" /* letter B; A is taken */
#define PLAN      "b8f0cf9a-ab92-4fd6-a711-3fea86331c2e"
#define OM        "8f4a842b-91f0-4ccf-8458-a57b597afa87"
#define EACH      "3e4bc5ce-54ca-4ce9-9cfd-ec242602ac63" /* joint, each municipality */
#define PARKS     "3867fee3-40fb-43dc-b3aa-24d9fe097ee8" /* Nijkerk's own */
#define CRIME     "73daa09c-2c1e-4141-91b0-255a594b5c91" /* joint, with Nijkerk's actions */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

/* As root, the child runs as "nobody", for whom a file's mode counts. */
static void
drop_root (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (99);
}

/* Runs the program with --database @db and @args (NULL-terminated). */
static void
run_program (Run *run, gboolean as_user, const char *db, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher
    = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VEILIGHEIDSPLAN_PROGRAM"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (as_user)
    g_subprocess_launcher_set_child_setup (launcher, drop_root, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  /* a crash is a status no exit gives */
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  g_test_message ("exit %d\nout: %s\nerr: %s", run->status, run->out, run->err);
}

#define RUN(run, db, ...) run_program (run, FALSE, db, __VA_ARGS__, NULL)

/* A database of @municipality with the example plan. */
static char *
example_db (const char *municipality)
{
  g_autofree char *dir = vp_test_make_dir ();
  char *db = g_build_filename (dir, "plan.db", NULL);
  g_autofree char *example = vp_test_example_path ();
  g_auto (Run) run = { 0 };

  RUN (&run, db, "--municipality", municipality, "--import", example);
  g_assert_cmpint (run.status, ==, 0);
  return db;
}

static VpAction *
lookup_action (VpStore *store, const char *uuid)
{
  VpRecord *record = vp_store_lookup (store, uuid);

  g_assert_true (VP_IS_ACTION (record));
  return VP_ACTION (record);
}

/* --set */

typedef struct
{
  const char *spec;
  /* what the message must say */
  const char *says;
} Refusal;

static const Refusal refusals[] = {
  { DAMOCLES ":uuid=x", "“uuid” cannot be set" },
  { DAMOCLES ":modified_at=2030-01-01T00:00:00Z", "“modified_at” cannot be set" },
  { DAMOCLES ":modified_by=barneveld", "“modified_by” cannot be set" },
  { DAMOCLES ":owner=barneveld", "“owner” cannot be set" },
  { DAMOCLES ":priority=" OTHER_SUB, "“priority” cannot be set" },
  { DAMOCLES ":year=-5", "year: expected 1900–2200, got -5" },
  { DAMOCLES ":planned_year=99999", "planned_year: expected 1900–2200, got 99999" },
  { DAMOCLES ":target=-3", "target: expected a whole number of at least 1, got -3" },
  { DAMOCLES ":position=99999999999",
    "position: expected a whole number of at most 2147483647, got 99999999999" },
  { DAMOCLES ":position=99999999999999999999999", "position: “99999999999999999999999” is not" },
  { DAMOCLES ":quarter=5", "quarter: expected 1–4, got 5" },
  { DAMOCLES ":quarter=q5", "quarter: “q5” is not a whole number" },
  { DAMOCLES ":subtheme=" OTHER_SUB, "belongs to another priority" },
  { DAMOCLES ":subtheme=x", "subtheme: expected a UUID" },
  { DAMOCLES ":text=", "text: may not be empty" },
  { DAMOCLES ":lead=nobody", "lead: there is no organisation “nobody”" },
  { DAMOCLES ":lead=Nij kerk", "lead: expected an organisation code" },
  { DAMOCLES ":lead=", "lead: must name an organisation" },
  { DAMOCLES ":category=foo", "category: expected one of joint, local, got “foo”" },
  { DAMOCLES ":nonsense=1", "has no field “nonsense”" },
  { SUB_B ":letter=A", "letter: the sub-theme “Productie en handel in drugs” of this priority "
                       "has the letter A" },
  { SUB_B ":letter=b", "letter: expected one capital letter, got “b”" },
  { PLAN ":first_year=2030", "last_year: may not come before first_year" },
  { PLAN ":participants=nijkerk,nobody", "participants: there is no organisation “nobody”" },
  { PLAN ":participants=nijkerk,Bad", "participants: expected an organisation code" },
  { OM ":code=ommm", "An organisation’s code cannot change" },
};

static void
test_set_refused (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *before = vp_test_dump_file (db);

  for (gsize i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *after = NULL;

      RUN (&run, db, "--set", refusals[i].spec);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, refusals[i].says));
      g_assert_null (strstr (run.err, "CRITICAL"));
      g_assert_null (strstr (run.err, "WARNING"));
      after = vp_test_dump_file (db);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_set_accepted (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_auto (Run) run = { 0 };
  g_auto (Run) joint = { 0 };
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GError) error = NULL;
  VpAction *action;

  RUN (&run, db, "--set", DAMOCLES ":quarter=4", "--set", DAMOCLES ":planned_quarter=q2", "--set",
       DAMOCLES ":year=2025", "--set", DAMOCLES ":position=7", "--set",
       DAMOCLES ":target=", "--set", DAMOCLES ":target_unit=");
  g_assert_cmpint (run.status, ==, 0);
  /* the lead goes with the kind "organisation" */
  RUN (&joint, db, "--set", DAMOCLES ":lead_kind=joint");
  g_assert_cmpint (joint.status, ==, 0);

  store = vp_store_open (db, &error);
  g_assert_no_error (error);
  action = lookup_action (store, DAMOCLES);
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_Q4);
  g_assert_cmpint (vp_action_get_planned_quarter (action), ==, VP_QUARTER_Q2);
  g_assert_cmpint (vp_action_get_year (action), ==, 2025);
  g_assert_cmpint (vp_record_get_int (VP_RECORD (action), "position"), ==, 7);
  g_assert_cmpint (vp_action_get_target (action), ==, 0);
  g_assert_cmpint (vp_action_get_lead_kind (action), ==, VP_LEAD_KIND_JOINT);
  g_assert_null (vp_action_get_lead (action));
}

/* --set, --status and --delete in one command: all or none. Each command
 * here has valid edits before one that fails, at any of them. */
static void
test_all_or_nothing (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *before = vp_test_dump_file (db);
  const char *const failing[][8] = {
    { "--set", DAMOCLES ":lead_note=Nieuw", "--status", EACH ":done", "--delete",
      "00000000-0000-4000-8000-000000000000", NULL },
    { "--set", DAMOCLES ":lead_note=Nieuw", "--delete", PARKS, "--status", EACH ":nonsense", NULL },
    { "--status", EACH ":done", "--set", DAMOCLES ":lead_note=Nieuw", "--set",
      DAMOCLES ":quarter=5", NULL },
    { "--set", DAMOCLES ":lead_note=Nieuw", "--delete", PARKS, "--delete", PARKS, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *after = NULL;
      const char *const *a = failing[i];

      RUN (&run, db, a[0], a[1], a[2], a[3], a[4], a[5]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_null (strstr (run.err, "CRITICAL"));
      after = vp_test_dump_file (db);
      g_assert_cmpstr (after, ==, before);
    }
}

static gint64
budget_in (const char *db, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VpStore) store = vp_store_open (db, &error);

  g_assert_no_error (error);
  return vp_record_get_int64 (vp_store_lookup (store, uuid), "budget-cents");
}

/* --set budget= as municipalities write amounts: cents, €0 kept as €0, the
 * plan's own budget; a wrong one named with the real limit, nothing
 * written. */
static void
test_set_budget (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) cents = { 0 };
  g_auto (Run) zero = { 0 };
  g_auto (Run) none = { 0 };
  g_auto (Run) large = { 0 };
  g_auto (Run) word = { 0 };

  RUN (&cents, db, "--set", CRIME ":budget=0,15", "--set", PLAN ":budget=€ 1.250.000,50");
  g_assert_cmpint (cents.status, ==, 0);
  g_assert_cmpint (budget_in (db, CRIME), ==, 15);
  g_assert_cmpint (budget_in (db, PLAN), ==, 125000050);
  RUN (&zero, db, "--set", CRIME ":budget=0", "--set", PLAN ":budget=1,234.5");
  g_assert_cmpint (zero.status, ==, 0);
  g_assert_cmpint (budget_in (db, CRIME), ==, 0);
  g_assert_cmpint (budget_in (db, PLAN), ==, 123450);
  RUN (&none, db, "--set", PLAN ":budget=");
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpint (budget_in (db, PLAN), ==, VP_BUDGET_NONE);

  before = vp_test_dump_file (db);
  RUN (&large, db, "--set", DAMOCLES ":lead_note=Nieuw", "--set", CRIME ":budget=2000000000");
  g_assert_cmpint (large.status, ==, 1);
  g_assert_nonnull (strstr (large.err, "budget: “2000000000” is more than a budget can be: at "
                                       "most €1,000,000,000."));
  RUN (&word, db, "--set", CRIME ":budget=veel", "--set", CRIME ":budget_cents=15");
  g_assert_cmpint (word.status, ==, 1);
  g_assert_nonnull (strstr (word.err, "“veel” is not an amount in euros"));
  after = vp_test_dump_file (db);
  g_assert_cmpstr (after, ==, before);
}

/* Barneveld deletes a joint priority that holds Nijkerk's local actions:
 * refused, named, and the command's other edit not made either. */
static void
test_delete_takes_partners (void)
{
  g_autofree char *db = example_db ("Barneveld");
  g_autofree char *before = vp_test_dump_file (db);
  g_autofree char *after = NULL;
  g_auto (Run) run = { 0 };

  RUN (&run, db, "--set", DAMOCLES ":lead_note=Nieuw", "--delete", CRIME);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "a record of Nijkerk"));
  g_assert_null (strstr (run.err, "CRITICAL"));
  after = vp_test_dump_file (db);
  g_assert_cmpstr (after, ==, before);
}

/* The edits of one command are one step of the undo stack. */
static void
test_one_undo_step (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autoptr (VpStore) store = NULL;
  g_autoptr (GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *sets[] = { DAMOCLES ":lead_note=Nieuw", DAMOCLES ":quarter=4", NULL };
  const char *statuses[] = { EACH ":done", NULL };
  const char *deletions[] = { PARKS, NULL };
  VpAction *action;
  VpQuarter quarter;
  g_autofree char *note = NULL;
  VpStatus status;

  store = vp_store_open (db, &error);
  g_assert_no_error (error);
  action = lookup_action (store, DAMOCLES);
  quarter = vp_action_get_quarter (action);
  note = g_strdup (vp_record_get_string (VP_RECORD (action), "lead-note"));
  status = vp_action_get_status (store, lookup_action (store, EACH));
  g_variant_dict_insert_value (options, "set", g_variant_new_strv (sets, -1));
  g_variant_dict_insert_value (options, "status", g_variant_new_strv (statuses, -1));
  g_variant_dict_insert_value (options, "delete", g_variant_new_strv (deletions, -1));
  g_assert_false (vp_store_can_undo (store));

  g_assert_true (vp_cli_edit (store, options));
  g_assert_null (vp_store_lookup (store, PARKS));
  g_assert_cmpint (vp_action_get_quarter (action), ==, VP_QUARTER_Q4);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (action), "lead-note"), ==, "Nieuw");
  g_assert_cmpint (vp_action_get_status (store, lookup_action (store, EACH)), ==, VP_STATUS_DONE);

  g_assert_true (vp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_false (vp_store_can_undo (store));
  g_assert_nonnull (vp_store_lookup (store, PARKS));
  g_assert_cmpint (vp_action_get_quarter (action), ==, quarter);
  g_assert_cmpstr (vp_record_get_string (VP_RECORD (action), "lead-note"), ==, note);
  g_assert_cmpint (vp_action_get_status (store, lookup_action (store, EACH)), ==, status);
}

/* What --set stores a partner takes: the example's sub-theme of its own
 * priority, then an export that a partner imports without a refusal. */
static void
test_set_partner_takes (void)
{
  g_autofree char *n = example_db ("Nijkerk");
  g_autofree char *b = example_db ("Barneveld");
  g_autofree char *dir = g_path_get_dirname (n);
  g_autofree char *file = g_build_filename (dir, "n.json", NULL);
  g_auto (Run) set = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) import = { 0 };

  RUN (&set, n, "--set", DAMOCLES ":quarter=3", "--set", DAMOCLES ":target=12");
  g_assert_cmpint (set.status, ==, 0);
  RUN (&export, n, "--export", file);
  g_assert_cmpint (export.status, ==, 0);
  RUN (&import, b, "--import", file);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, " 0 refused"));
  g_assert_nonnull (strstr (import.out, "1 updated"));
}

/* The terminal */

#define HOSTILE "Damocles\033]0;pwned\007\033[2J\342\200\256reversed\302\233"

static void
assert_harmless (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      g_assert_true (c != (gunichar) -1 && c != (gunichar) -2);
      if (c != '\n')
        g_assert_false (vp_untrusted_text_is_control (c));
    }
}

static void
test_terminal_text (void)
{
  g_autofree char *safe = vp_untrusted_text_for_terminal (HOSTILE);
  g_autofree char *broken = vp_untrusted_text_for_terminal ("a\377b\tc\u2066d\u2069");
  g_autofree char *plain = vp_untrusted_text_for_terminal ("Café “ok” – ½ \u05d0");

  g_assert_cmpstr (safe, ==, "Damocles\\x1B]0;pwned\\x07\\x1B[2J\\u202Ereversed\\x9B");
  g_assert_cmpstr (broken, ==, "a\357\277\275b\\x09c\\u2066d\\u2069");
  g_assert_cmpstr (plain, ==, "Café “ok” – ½ \u05d0");
}

/* A conflict shows the partner's text, escapes shown, not obeyed. */
static void
test_terminal_conflict (void)
{
  g_autofree char *n = example_db ("Nijkerk");
  g_autofree char *b = example_db ("Barneveld");
  g_autofree char *dir = g_path_get_dirname (b);
  g_autofree char *file = g_build_filename (dir, "b.json", NULL);
  g_autofree char *spec = g_strdup_printf ("%s:text=%s", DAMOCLES, HOSTILE);
  g_auto (Run) there = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) here = { 0 };
  g_auto (Run) import = { 0 };

  RUN (&there, b, "--set", spec);
  g_assert_cmpint (there.status, ==, 0);
  RUN (&export, b, "--export", file);
  g_assert_cmpint (export.status, ==, 0);
  RUN (&here, n, "--set", DAMOCLES ":text=Ons Damocles-beleid");
  g_assert_cmpint (here.status, ==, 0);
  RUN (&import, n, "--import", file);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Conflict"));
  g_assert_nonnull (strstr (import.out, "Damocles\\x1B]0;pwned\\x07"));
  assert_harmless (import.out);
  assert_harmless (import.err);
}

/* A refused file's fault quotes the file: shown, not obeyed. */
static void
test_terminal_fault (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *example = vp_test_example_path ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *file = g_build_filename (dir, "hostile\033[2J.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GString) hostile = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  g_file_get_contents (example, &text, NULL, &error);
  g_assert_no_error (error);
  hostile = g_string_new (text);
  g_assert_cmpuint (g_string_replace (hostile, "\"letter\": \"A\"",
                                      "\"letter\": \"\\u001b]0;pwned\\u0007\\u202e\"", 1),
                    ==, 1);
  g_file_set_contents (file, hostile->str, -1, &error);
  g_assert_no_error (error);
  RUN (&run, db, "--import", file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "\\x1B]0;pwned\\x07\\u202E"));
  g_assert_nonnull (strstr (run.err, "hostile\\x1B[2J.json"));
  assert_harmless (run.err);
}

/* Files */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_export_mode (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *private = g_build_filename (dir, "private.json", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_auto (Run) first = { 0 };
  g_auto (Run) second = { 0 };
  g_auto (Run) third = { 0 };
  mode_t umask_before;

  g_assert_true (g_file_set_contents (private, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);
  g_assert_true (g_file_set_contents (shared, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);

  umask_before = umask (027);
  RUN (&first, db, "--export", private);
  RUN (&second, db, "--export", shared);
  RUN (&third, db, "--export", fresh);
  umask (umask_before);

  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpint (third.status, ==, 0);
  g_assert_cmpuint (file_mode (private), ==, 0600);
  g_assert_cmpuint (file_mode (shared), ==, 0664);
  g_assert_cmpuint (file_mode (fresh), ==, 0640);
}

static void
remove_wal (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
}

/* A database that cannot be written is exported from all the same, with a
 * word that the note of what was sent is missing. */
static void
test_export_read_only (void)
{
  g_autofree char *db = example_db ("Nijkerk");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autofree char *before = vp_test_dump_file (db);
  g_autofree char *after = NULL;
  g_auto (Run) run = { 0 };
  /* for "nobody", when the test runs as root: the folder open to all, and
   * no WAL index left by the dump's read-only connection (owned by root) */
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  remove_wal (db);
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  run_program (&run, TRUE, db, "--export", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.err, "could not note what was sent"));
  after = vp_test_dump_file (db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("VEILIGHEIDSPLAN_PROGRAM") == NULL)
    {
      g_printerr ("VEILIGHEIDSPLAN_PROGRAM is not set\n");
      return 77;
    }
  g_test_add_func ("/cli/set/refused", test_set_refused);
  g_test_add_func ("/cli/set/accepted", test_set_accepted);
  g_test_add_func ("/cli/set/partner-takes", test_set_partner_takes);
  g_test_add_func ("/cli/edit/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/cli/edit/one-undo-step", test_one_undo_step);
  g_test_add_func ("/cli/edit/delete-takes-partners", test_delete_takes_partners);
  g_test_add_func ("/cli/set/budget", test_set_budget);
  g_test_add_func ("/cli/terminal/text", test_terminal_text);
  g_test_add_func ("/cli/terminal/conflict", test_terminal_conflict);
  g_test_add_func ("/cli/terminal/fault", test_terminal_fault);
  g_test_add_func ("/cli/export/mode", test_export_mode);
  g_test_add_func ("/cli/export/read-only", test_export_read_only);
  return g_test_run ();
}
