/* test-cli.c: parallax-cli keeps its contract
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scripts rely on the command line: JSON on standard output with the field
 * names of the contract, errors on standard error naming the file, a
 * non-zero exit when anything failed, and the rest of the work done anyway.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/wait.h>

#include "px-core.h"
#include "px-test-server.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The system's data folders, as they were before the test isolated its
 * own: parallax-cli's fetches find the system proxy settings' schema
 * there (glib-networking's GNOME resolver aborts without it), as on a
 * user's machine; no_proxy (main) keeps them off the proxy. */
static char *system_data_dirs;

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_DIRS", system_data_dirs, TRUE);
  const char *cli = g_getenv ("PARALLAX_CLI");
  va_list args;

  if (cli == NULL)
    cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "parallax-cli", NULL);

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
}

static int
exit_code (const Run *run)
{
  return WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static char *
fixture (const char *folder,
         const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), folder, name, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_member_type (JsonObject *object,
                    const char *name,
                    GType       type,
                    gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return;
  if (type == JSON_TYPE_ARRAY)
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  else if (type == JSON_TYPE_OBJECT)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  else
    g_assert_cmpint (json_node_get_value_type (node), ==, type);
}

static void
test_parse_json (void)
{
  g_autofree char *text = fixture ("data/text", "court-verdict-short.txt");
  g_autofree char *html = fixture ("../data/sample", "kestria-dam-collapse-feared-dead.html");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *documents;

  run_cli (&run, "parse", "--json", text, html, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  documents = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);
      JsonArray *figures, *dates, *removed;

      assert_member_type (doc, "path", G_TYPE_STRING, FALSE);
      assert_member_type (doc, "format", G_TYPE_STRING, FALSE);
      assert_member_type (doc, "title", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "subtitle", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "outlet", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "authors", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (doc, "published", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "url", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "language", G_TYPE_STRING, TRUE);
      assert_member_type (doc, "body", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (doc, "removed", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (doc, "figures", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (doc, "dates", JSON_TYPE_ARRAY, FALSE);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "body")), >, 0);

      removed = json_object_get_array_member (doc, "removed");
      for (guint j = 0; j < json_array_get_length (removed); j++)
        {
          JsonObject *r = json_array_get_object_element (removed, j);

          assert_member_type (r, "text", G_TYPE_STRING, FALSE);
          assert_member_type (r, "reason", G_TYPE_STRING, FALSE);
        }

      figures = json_object_get_array_member (doc, "figures");
      for (guint j = 0; j < json_array_get_length (figures); j++)
        {
          JsonObject *f = json_array_get_object_element (figures, j);
          const char *qualifier = json_object_get_string_member (f, "qualifier");

          g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (f, "value")));
          assert_member_type (f, "max", G_TYPE_DOUBLE, TRUE);
          g_assert_true (g_str_equal (qualifier, "exact") || g_str_equal (qualifier, "at-least") ||
                         g_str_equal (qualifier, "more-than") || g_str_equal (qualifier, "about") ||
                         g_str_equal (qualifier, "up-to") || g_str_equal (qualifier, "fewer-than"));
          assert_member_type (f, "subject", G_TYPE_STRING, TRUE);
          assert_member_type (f, "role", G_TYPE_STRING, TRUE);
          assert_member_type (f, "text", G_TYPE_STRING, FALSE);
          assert_member_type (f, "sentence", G_TYPE_STRING, FALSE);
        }

      dates = json_object_get_array_member (doc, "dates");
      for (guint j = 0; j < json_array_get_length (dates); j++)
        {
          JsonObject *d = json_array_get_object_element (dates, j);

          assert_member_type (d, "value", G_TYPE_STRING, FALSE);
          assert_member_type (d, "text", G_TYPE_STRING, FALSE);
          assert_member_type (d, "sentence", G_TYPE_STRING, FALSE);
        }
    }

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "format"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1), "format"), ==, "html");
}

static void
test_parse_text (void)
{
  g_autofree char *a = fixture ("data/text", "court-verdict-short.txt");
  g_autofree char *b = fixture ("data/text", "landslide-no-boilerplate.txt");
  g_auto(Run) run = { 0 };
  g_auto(GStrv) parts = NULL;

  run_cli (&run, "parse", "--text", a, b, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  /* One body per document, separated by a form feed line. */
  parts = g_strsplit (run.out, "\f\n", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  /* Clean text: no share prompt, which the first fixture ends with. */
  g_assert_null (strstr (parts[0], "Share this article"));
  g_assert_nonnull (strstr (parts[1], "No one was hurt."));
}

static void
test_parse_outdir (void)
{
  g_autofree char *a = fixture ("data/text", "court-verdict-short.txt");
  g_autofree char *b = fixture ("data/text", "landslide-no-boilerplate.txt");
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *first = g_build_filename (out, "court-verdict-short.txt.txt", NULL);
  g_autofree char *second = g_build_filename (out, "landslide-no-boilerplate.txt.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "parse", "--text", "--outdir", out, a, b, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  g_assert_true (g_file_get_contents (second, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "No one was hurt."));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));

  g_unlink (first);
  g_unlink (second);
  g_rmdir (out);
  g_rmdir (dir);
}

static void
test_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *good = fixture ("data/text", "court-verdict-short.txt");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, "\x7f" "ELF\0\0\0\0\x01\x02", 10, NULL));

  run_cli (&run, "parse", "--json", empty, good, binary, "/nonexistent/file.txt", NULL);

  /* The good document is printed all the same... */
  g_assert_cmpint (exit_code (&run), ==, 1);
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);

  /* ...and each failure names its file and the reason. */
  g_assert_nonnull (strstr (run.err, "empty.txt: the file is empty"));
  g_assert_nonnull (strstr (run.err, "binary.txt: not a text file"));
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.txt"));

  g_unlink (empty);
  g_unlink (binary);
  g_rmdir (dir);
}

static void
test_timeline (void)
{
  g_autofree char *folder = fixture ("../data", "sample");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *entries;
  guint published = 0, events = 0;

  run_cli (&run, "timeline", "--json", folder, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  root = parse_json (run.out);
  entries = json_object_get_array_member (json_node_get_object (root), "entries");
  g_assert_cmpuint (json_array_get_length (entries), >, 10);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);
      const char *kind = json_object_get_string_member (e, "kind");

      assert_member_type (e, "value", G_TYPE_STRING, FALSE);
      assert_member_type (e, "path", G_TYPE_STRING, FALSE);
      assert_member_type (e, "outlet", G_TYPE_STRING, TRUE);
      assert_member_type (e, "text", G_TYPE_STRING, TRUE);
      assert_member_type (e, "sentence", G_TYPE_STRING, TRUE);
      published += g_str_equal (kind, "published");
      events += g_str_equal (kind, "event");

      /* In time order. */
      if (i > 0)
        {
          const char *prev = json_object_get_string_member (json_array_get_object_element (entries, i - 1), "value");

          g_assert_cmpint (px_edtf_compare (prev, json_object_get_string_member (e, "value")), <=, 0);
        }
    }

  /* Every sample document has a publication date. */
  g_assert_cmpuint (published, ==, 8);
  g_assert_cmpuint (events, >, published);
}

/* compare --json, per the contract: documents, and topics whose reports
 * carry path, value, max, qualifier, text and sentence; the sample's dead
 * differ. */
static void
test_compare (void)
{
  g_autofree char *folder = fixture ("../data", "sample");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };
  JsonObject *object;
  JsonArray *topics;
  guint differ = 0;

  run_cli (&run, "compare", "--json", folder, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "documents")), ==, 8);
  topics = json_object_get_array_member (object, "topics");
  g_assert_cmpuint (json_array_get_length (topics), >, 5);

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *t = json_array_get_object_element (topics, i);
      JsonArray *reports = json_object_get_array_member (t, "reports");

      assert_member_type (t, "label", G_TYPE_STRING, FALSE);
      assert_member_type (t, "agreement", G_TYPE_STRING, FALSE);
      differ += g_str_equal (json_object_get_string_member (t, "agreement"), "differ");
      g_assert_cmpuint (json_array_get_length (reports), >, 0);
      for (guint r = 0; r < json_array_get_length (reports); r++)
        {
          JsonObject *rep = json_array_get_object_element (reports, r);

          assert_member_type (rep, "path", G_TYPE_STRING, FALSE);
          assert_member_type (rep, "qualifier", G_TYPE_STRING, FALSE);
          assert_member_type (rep, "text", G_TYPE_STRING, FALSE);
          assert_member_type (rep, "sentence", G_TYPE_STRING, TRUE);
          g_assert_true (json_object_has_member (rep, "value") && json_object_has_member (rep, "max"));
        }
    }
  g_assert_cmpuint (differ, >, 0);
  g_assert_true (json_object_has_member (object, "aligned"));
  g_assert_true (json_object_has_member (object, "coverage"));
  g_assert_true (json_object_has_member (object, "framing"));

  run_cli (&usage, "compare", "--json", NULL);
  g_assert_cmpint (exit_code (&usage), ==, 2);
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_path = { 0 };
  g_auto(Run) outdir = { 0 };
  g_auto(Run) planned = { 0 };
  g_auto(Run) no_feed_action = { 0 };
  g_auto(Run) no_ids = { 0 };
  g_auto(Run) no_url = { 0 };
  g_auto(Run) no_format = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) bad_what = { 0 };
  g_auto(Run) force = { 0 };
  g_auto(Run) selection = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) help = { 0 };

  run_cli (&none, NULL);
  g_assert_cmpint (exit_code (&none), ==, 2);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (exit_code (&unknown), ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (&no_path, "parse", "--json", NULL);
  g_assert_cmpint (exit_code (&no_path), ==, 2);

  run_cli (&outdir, "parse", "--outdir", "/tmp/x", "a.txt", NULL);
  g_assert_cmpint (exit_code (&outdir), ==, 2);

  /* The online commands: an archive, and what to do. */
  run_cli (&planned, "refresh", NULL);
  g_assert_cmpint (exit_code (&planned), ==, 2);
  g_assert_nonnull (strstr (planned.err, "--archive"));
  run_cli (&no_feed_action, "feed", "--archive", "/tmp/x", NULL);
  g_assert_cmpint (exit_code (&no_feed_action), ==, 2);
  run_cli (&no_ids, "inbox", "accept", "--archive", "/tmp/x", NULL);
  g_assert_cmpint (exit_code (&no_ids), ==, 2);
  run_cli (&no_url, "add-url", "--archive", "/tmp/x", NULL);
  g_assert_cmpint (exit_code (&no_url), ==, 2);

  /* export: a format is required and must be known; --force needs a
   * file; --selection an archive. */
  run_cli (&no_format, "export", "a.txt", NULL);
  g_assert_cmpint (exit_code (&no_format), ==, 2);
  g_assert_nonnull (strstr (no_format.err, "--format"));
  run_cli (&bad_format, "export", "--format", "pdf", "a.txt", NULL);
  g_assert_cmpint (exit_code (&bad_format), ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "pdf"));
  run_cli (&bad_what, "export", "--format", "md", "--what", "figures", "a.txt", NULL);
  g_assert_cmpint (exit_code (&bad_what), ==, 2);
  run_cli (&force, "export", "--format", "md", "--force", "a.txt", NULL);
  g_assert_cmpint (exit_code (&force), ==, 2);
  run_cli (&selection, "export", "--format", "md", "--selection", "x", "a.txt", NULL);
  g_assert_cmpint (exit_code (&selection), ==, 2);
  run_cli (&verify, "verify", "a.json", NULL);
  g_assert_cmpint (exit_code (&verify), ==, 2);

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (exit_code (&help), ==, 0);
  g_assert_nonnull (strstr (help.out, "timeline"));
  g_assert_nonnull (strstr (help.out, "refresh"));
  g_assert_nonnull (strstr (help.out, "exit status"));
}

static void
test_archive_commands (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *text = fixture ("data", "text");
  g_autofree char *hostile = fixture ("data", "hostile");
  g_autoptr(JsonNode) imported = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) timeline = { 0 };
  g_auto(Run) missing = { 0 };
  JsonObject *object;
  JsonArray *results;

  run_cli (&init, "init", archive, NULL);
  g_assert_cmpint (exit_code (&init), ==, 0);

  run_cli (&import, "import", "--archive", archive, "--json", text, hostile, NULL);
  /* Some files failed: non-zero, and the JSON says which. */
  g_assert_cmpint (exit_code (&import), ==, 1);
  imported = parse_json (import.out);
  object = json_node_get_object (imported);
  g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 13 + 6);
  g_assert_cmpint (json_object_get_int_member (object, "duplicates"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "failed")), ==, 4);
  assert_member_type (json_array_get_object_element (json_object_get_array_member (object, "failed"), 0),
                      "path", G_TYPE_STRING, FALSE);

  run_cli (&again, "import", "--archive", archive, "--json", text, NULL);
  g_assert_cmpint (exit_code (&again), ==, 0);
  g_assert_nonnull (strstr (again.out, "\"duplicates\" : 13"));

  run_cli (&list, "list", "--archive", archive, "--json", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  listed = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (listed), "documents")), ==, 19);

  run_cli (&search, "search", "--archive", archive, "--json", "turnstiles", NULL);
  g_assert_cmpint (exit_code (&search), ==, 0);
  found = parse_json (search.out);
  results = json_object_get_array_member (json_node_get_object (found), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (results, 0), "snippet"),
                            "[turnstiles]"));

  run_cli (&timeline, "timeline", "--archive", archive, "--json", NULL);
  g_assert_cmpint (exit_code (&timeline), ==, 0);
  g_assert_nonnull (strstr (timeline.out, "\"kind\" : \"published\""));

  run_cli (&missing, "list", "--archive", dir, NULL);
  g_assert_cmpint (exit_code (&missing), ==, 1);
  g_assert_nonnull (strstr (missing.err, "not a Parallax archive"));
}

/* export */

static const char *export_fixtures[] = {
  "quenby-ledger-crane.txt", "norlan-press-crane.html", "sada-almarfa-crane.html",
  "harbour-watch-hostile.txt", "harbour-watch-hostile.html",
};

/* parallax-cli export ARGS… on the export fixtures (named one by one:
 * their folder holds golden files too). */
static void
run_export (Run        *run,
            const char *format,
            const char *what)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PARALLAX_CLI");

  if (cli == NULL)
    cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "parallax-cli", NULL);
  g_ptr_array_add (args, g_strdup (cli));
  g_ptr_array_add (args, g_strdup ("export"));
  g_ptr_array_add (args, g_strdup ("--format"));
  g_ptr_array_add (args, g_strdup (format));
  if (what != NULL)
    {
      g_ptr_array_add (args, g_strdup ("--what"));
      g_ptr_array_add (args, g_strdup (what));
    }
  for (guint i = 0; i < G_N_ELEMENTS (export_fixtures); i++)
    g_ptr_array_add (args, fixture ("data/export", export_fixtures[i]));
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
}

/* Records of an RFC 4180 file: CRLFs outside quotes. */
static guint
count_csv_records (const char *csv)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        n++;
    }
  return n;
}

static void
test_export_formats (void)
{
  g_auto(Run) md = { 0 };
  g_auto(Run) html = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) csl = { 0 };
  g_auto(Run) timeline = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) csl_root = NULL;
  g_autoptr(JsonNode) timeline_root = NULL;
  xmlDoc *doc;

  /* Without --what: the documents. */
  run_export (&md, "md", NULL);
  g_assert_cmpint (exit_code (&md), ==, 0);
  g_assert_cmpstr (md.err, ==, "");
  g_assert_true (g_str_has_prefix (md.out, "# Documents\n"));
  g_assert_nonnull (strstr (md.out, "\n[^5]: "));
  /* The hostile titles' markup is escaped: no "<" without a backslash. */
  g_assert_nonnull (strstr (md.out, "\\<script\\>"));
  g_assert_false (g_regex_match_simple ("(^|[^\\\\])<", md.out, 0, 0));

  run_export (&html, "html", NULL);
  g_assert_cmpint (exit_code (&html), ==, 0);
  doc = xmlReadMemory (html.out, strlen (html.out), "export.html", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_null (strstr (html.out, "<script"));

  run_export (&csv, "csv", NULL);
  g_assert_cmpint (exit_code (&csv), ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "\xef\xbb\xbfitem,kind,label,"));
  /* The header and one row per document. */
  g_assert_cmpuint (count_csv_records (csv.out), ==, 1 + 5);

  run_export (&json, "json", NULL);
  g_assert_cmpint (exit_code (&json), ==, 0);
  root = parse_json (json.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "format"), ==, "parallax-export");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "items")),
                    ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "documents")),
                    ==, 5);

  run_export (&csl, "csl-json", NULL);
  g_assert_cmpint (exit_code (&csl), ==, 0);
  csl_root = parse_json (csl.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl_root)), ==, 5);

  /* --what timeline: one item per entry of the timeline. */
  run_export (&timeline, "json", "timeline");
  g_assert_cmpint (exit_code (&timeline), ==, 0);
  timeline_root = parse_json (timeline.out);
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (json_node_get_object (timeline_root),
                                                                             "items")); i++)
    {
      JsonObject *item = json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (timeline_root), "items"), i);

      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "timeline-entry");
    }
}

/* --what topics --format csv is the ledger: one row per report. */
static void
test_export_ledger (void)
{
  g_autofree char *folder = fixture ("../data", "sample");
  g_autoptr(JsonNode) compared = NULL;
  g_auto(Run) compare = { 0 };
  g_auto(Run) csv = { 0 };
  JsonArray *topics;
  guint reports = 0;

  run_cli (&compare, "compare", "--json", folder, NULL);
  g_assert_cmpint (exit_code (&compare), ==, 0);
  compared = parse_json (compare.out);
  topics = json_object_get_array_member (json_node_get_object (compared), "topics");
  for (guint i = 0; i < json_array_get_length (topics); i++)
    reports += json_array_get_length (json_object_get_array_member (json_array_get_object_element (topics, i),
                                                                    "reports"));
  g_assert_cmpuint (reports, >, 10);

  run_cli (&csv, "export", "--format", "csv", "--what", "topics", folder, NULL);
  g_assert_cmpint (exit_code (&csv), ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "\xef\xbb\xbfitem,kind,label,detail,note,source,value,quote,"));
  g_assert_cmpuint (count_csv_records (csv.out), ==, 1 + reports);
  g_assert_nonnull (strstr (csv.out, ",topic,"));
}

static void
test_export_archive (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *sample = fixture ("../data", "sample");
  g_autofree char *output = g_build_filename (dir, "sources.md", NULL);
  g_autofree char *ledger = g_build_filename (dir, "ledger.json", NULL);
  g_autofree char *tampered = g_build_filename (dir, "tampered.json", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(JsonNode) csl_root = NULL;
  g_autoptr(JsonNode) ledger_root = NULL;
  g_autoptr(PxArchive) store = NULL;
  g_autoptr(PxSelection) selection = NULL;
  g_autoptr(PxSelectionItem) item = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) csl = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) forced = { 0 };
  g_auto(Run) named = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) topics = { 0 };
  g_auto(Run) verified = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) unreadable = { 0 };
  JsonArray *items;

  run_cli (&init, "init", archive, NULL);
  g_assert_cmpint (exit_code (&init), ==, 0);
  run_cli (&import, "import", "--archive", archive, sample, NULL);
  g_assert_cmpint (exit_code (&import), ==, 0);

  /* The sources for Zotero. */
  run_cli (&csl, "export", "--format", "csl-json", "--archive", archive, NULL);
  g_assert_cmpint (exit_code (&csl), ==, 0);
  csl_root = parse_json (csl.out);
  items = json_node_get_array (csl_root);
  g_assert_cmpuint (json_array_get_length (items), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "id"), "px-"));
      g_assert_nonnull (json_object_get_string_member (object, "type"));
      g_assert_nonnull (json_object_get_string_member (object, "title"));
    }

  /* --output: written, then refused, then replaced with --force. */
  run_cli (&first, "export", "--format", "md", "--title", "First", "--archive", archive, "--output", output, NULL);
  g_assert_cmpint (exit_code (&first), ==, 0);
  g_assert_cmpstr (first.out, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# First\n"));
  g_clear_pointer (&contents, g_free);

  run_cli (&again, "export", "--format", "md", "--title", "Second", "--archive", archive, "--output", output, NULL);
  g_assert_cmpint (exit_code (&again), ==, 1);
  g_assert_nonnull (strstr (again.err, output));
  g_assert_nonnull (strstr (again.err, "--force"));
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# First\n"));
  g_clear_pointer (&contents, g_free);

  run_cli (&forced, "export", "--format", "md", "--title", "Second", "--archive", archive, "--output", output,
           "--force", NULL);
  g_assert_cmpint (exit_code (&forced), ==, 0);
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Second\n"));
  g_clear_pointer (&contents, g_free);

  /* A named selection of the archive. */
  folder = g_file_new_for_path (archive);
  store = px_archive_open (folder, &error);
  g_assert_no_error (error);
  documents = px_archive_load_all (store, NULL, &error);
  g_assert_no_error (error);
  selection = px_selection_new ("For the desk");
  item = px_selection_item_new_document (documents->pdata[0]);
  px_selection_append (selection, item);
  g_assert_true (px_archive_save_selection (store, selection, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run_cli (&named, "export", "--format", "md", "--selection", "For the desk", "--archive", archive, NULL);
  g_assert_cmpint (exit_code (&named), ==, 0);
  g_assert_true (g_str_has_prefix (named.out, "# For the desk\n"));
  g_assert_nonnull (strstr (named.out, "## 1. Document: "));
  run_cli (&unknown, "export", "--format", "md", "--selection", "Nope", "--archive", archive, NULL);
  g_assert_cmpint (exit_code (&unknown), ==, 1);
  g_assert_nonnull (strstr (unknown.err, "Nope"));
  g_assert_nonnull (strstr (unknown.err, "“For the desk”"));

  /* verify: the ledger checks out against the archive... */
  run_cli (&topics, "export", "--format", "json", "--what", "topics", "--archive", archive, "--output", ledger, NULL);
  g_assert_cmpint (exit_code (&topics), ==, 0);
  run_cli (&verified, "verify", "--archive", archive, ledger, NULL);
  g_assert_cmpint (exit_code (&verified), ==, 0);
  g_assert_true (g_str_has_prefix (verified.out, "OK: 8 documents, "));
  g_assert_nonnull (strstr (verified.out, " excerpts checked\n"));

  /* ...and a passage edited in the file does not. */
  g_assert_true (g_file_get_contents (ledger, &contents, NULL, NULL));
  ledger_root = parse_json (contents);
  json_object_set_string_member (
    json_array_get_object_element (
      json_object_get_array_member (
        json_array_get_object_element (json_object_get_array_member (json_node_get_object (ledger_root), "items"), 0),
        "excerpts"), 0),
    "text", "Nothing of the kind happened.");
  edited = px_json_to_string (ledger_root);
  g_assert_true (g_file_set_contents (tampered, edited, -1, NULL));
  run_cli (&broken, "verify", "--archive", archive, tampered, NULL);
  g_assert_cmpint (exit_code (&broken), ==, 1);
  g_assert_true (g_str_has_prefix (broken.out, "item 1, excerpt 1 "));
  g_assert_nonnull (strstr (broken.out, "Nothing of the kind happened."));

  /* An export that is not one: unreadable input. */
  g_assert_true (g_file_set_contents (garbage, "{\"format\": \"parallax-export\", \"version\": 99}", -1, NULL));
  run_cli (&unreadable, "verify", "--archive", archive, garbage, NULL);
  g_assert_cmpint (exit_code (&unreadable), ==, 2);
  g_assert_nonnull (strstr (unreadable.err, "garbage.json"));

  g_unlink (output);
  g_unlink (ledger);
  g_unlink (tampered);
  g_unlink (garbage);
}

/* online: add-url, feed, inbox, refresh, revisions against px-test-server */

static const char landslide[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Landslide buries road above Vessmark</title>"
  "<meta property=\"og:site_name\" content=\"Vessmark Courier\"></head><body><article>"
  "<h1>Landslide buries road above Vessmark</h1>"
  "<p>A landslide buried the mountain road above Vessmark early on Tuesday, and at least %s people were killed, "
  "the regional rescue service said.</p>"
  "<p>Rescuers searched through the night for drivers caught under the mud, the rescue team said.</p>"
  "</article></body></html>";

static const char ferry[] =
  "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Le bac de Lorvain reprend du service</title>"
  "</head><body><article><h1>Le bac de Lorvain reprend du service</h1>"
  "<p>Le bac entre Lorvain et l'île de Sarne a repris ses traversées lundi matin, après trois semaines "
  "d'arrêt dues aux tempêtes, a indiqué la compagnie.</p></article></body></html>";

static const char bridge[] =
  "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Reabren el puente de Calvera</title>"
  "</head><body><article><h1>Reabren el puente de Calvera</h1>"
  "<p>El puente de Calvera volvió a abrirse al tráfico el jueves, tras dos años de obras, informó el "
  "ayuntamiento.</p></article></body></html>";

static JsonArray *
json_array_of (JsonNode   *root,
               const char *member)
{
  return json_object_get_array_member (json_node_get_object (root), member);
}

static void
test_online (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *second = g_build_filename (dir, "second", NULL);
  g_autofree char *opml = g_build_filename (dir, "feeds.opml", NULL);
  g_autofree char *page_url = px_test_server_url (server, "/news/landslide");
  g_autofree char *feed_url = px_test_server_url (server, "/feed.xml");
  g_autofree char *ferry_url = px_test_server_url (server, "/news/ferry");
  g_autofree char *bridge_url = px_test_server_url (server, "/news/bridge");
  g_autofree char *missing_url = px_test_server_url (server, "/news/missing");
  g_autofree char *about_url = px_test_server_url (server, "/about");
  g_autofree char *page12 = g_strdup_printf (landslide, "12");
  g_autofree char *page15 = g_strdup_printf (landslide, "15");
  g_autofree char *id12 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, page12, -1);
  g_autofree char *feed = g_strdup_printf (
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Vessmark Courier</title>"
    "<link>http://127.0.0.1/</link><description>News</description>"
    "<item><title>Le bac reprend</title><link>%s</link><guid>urn:c:1</guid></item>"
    "<item><title>Reabren el puente</title><link>%s</link><guid>urn:c:2</guid></item>"
    "</channel></rss>", ferry_url, bridge_url);
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autoptr(JsonNode) inbox = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  g_autoptr(JsonNode) emptied = NULL;
  g_autoptr(JsonNode) refreshed = NULL;
  g_autoptr(JsonNode) revisions = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) feeds = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) subscribe = { 0 };
  g_auto(Run) list_inbox = { 0 };
  g_auto(Run) accept = { 0 };
  g_auto(Run) list_again = { 0 };
  g_auto(Run) refresh = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) not_feed = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) init2 = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) feed_list = { 0 };
  JsonObject *object;
  JsonArray *items;
  JsonArray *versions;
  JsonObject *change;

  px_test_server_set (server, "/news/landslide", "text/html; charset=utf-8", page12);
  px_test_server_set (server, "/news/ferry", "text/html; charset=utf-8", ferry);
  px_test_server_set (server, "/news/bridge", "text/html; charset=utf-8", bridge);
  px_test_server_set (server, "/feed.xml", "application/rss+xml", feed);
  px_test_server_set (server, "/about", "text/html; charset=utf-8", bridge);

  run_cli (&init, "init", archive, NULL);
  g_assert_cmpint (exit_code (&init), ==, 0);

  /* add-url: says what happened to the page. */
  run_cli (&add, "add-url", "--archive", archive, page_url, NULL);
  g_assert_cmpint (exit_code (&add), ==, 0);
  g_assert_nonnull (strstr (add.out, page_url));
  g_assert_nonnull (strstr (add.out, "added"));
  g_assert_cmpstr (add.err, ==, "");

  /* feed add: the items wait in the inbox. */
  run_cli (&subscribe, "feed", "add", "--archive", archive, feed_url, NULL);
  g_assert_cmpint (exit_code (&subscribe), ==, 0);
  g_assert_nonnull (strstr (subscribe.out, "Vessmark Courier"));
  g_assert_nonnull (strstr (subscribe.out, "2 new items"));

  run_cli (&list_inbox, "inbox", "--archive", archive, "--json", NULL);
  g_assert_cmpint (exit_code (&list_inbox), ==, 0);
  inbox = parse_json (list_inbox.out);
  items = json_array_of (inbox, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      assert_member_type (item, "id", G_TYPE_INT64, FALSE);
      assert_member_type (item, "url", G_TYPE_STRING, FALSE);
      assert_member_type (item, "title", G_TYPE_STRING, TRUE);
      assert_member_type (item, "feed", G_TYPE_STRING, FALSE);
    }
  id1 = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_array_get_object_element (items, 0), "id"));
  id2 = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_array_get_object_element (items, 1), "id"));

  /* inbox accept: both fetched and imported, the inbox empty. */
  run_cli (&accept, "inbox", "accept", "--archive", archive, "--json", id1, id2, NULL);
  g_assert_cmpint (exit_code (&accept), ==, 0);
  accepted = parse_json (accept.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (accepted), "new_documents"), ==, 2);
  run_cli (&list_again, "inbox", "--archive", archive, "--json", NULL);
  emptied = parse_json (list_again.out);
  g_assert_cmpuint (json_array_get_length (json_array_of (emptied, "items")), ==, 0);

  /* refresh --json: the contract's fields; the revised toll is a new
   * revision, everything else answered 304 to a conditional request. */
  px_test_server_set (server, "/news/landslide", "text/html; charset=utf-8", page15);
  px_test_server_reset_counts (server);
  run_cli (&refresh, "refresh", "--archive", archive, "--json", NULL);
  g_assert_cmpint (exit_code (&refresh), ==, 0);
  refreshed = parse_json (refresh.out);
  object = json_node_get_object (refreshed);
  assert_member_type (object, "fetched", G_TYPE_INT64, FALSE);
  assert_member_type (object, "not_modified", G_TYPE_INT64, FALSE);
  assert_member_type (object, "new_revisions", G_TYPE_INT64, FALSE);
  assert_member_type (object, "new_documents", G_TYPE_INT64, FALSE);
  assert_member_type (object, "failed", JSON_TYPE_ARRAY, FALSE);
  assert_member_type (object, "new_items", G_TYPE_INT64, FALSE);
  assert_member_type (object, "skipped", G_TYPE_INT64, FALSE);
  g_assert_cmpint (json_object_get_int_member (object, "fetched"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "not_modified"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "new_revisions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "new_documents"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "failed")), ==, 0);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/feed.xml"), ==, 1);
  g_assert_cmpuint (px_test_server_count_full (server, "/news/ferry"), ==, 0);

  /* revisions: both versions, and the figure the second changed. */
  run_cli (&history, "revisions", "--archive", archive, "--json", id12, NULL);
  g_assert_cmpint (exit_code (&history), ==, 0);
  revisions = parse_json (history.out);
  versions = json_array_of (revisions, "revisions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (versions, 0), "document"), ==, id12);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (versions, 1), "current"));
  change = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (versions, 1),
                                                                        "figures_changed"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "before"), ==, "at least 12");
  g_assert_cmpstr (json_object_get_string_member (change, "after"), ==, "at least 15");

  /* A page that is not there: exit 1, the JSON and standard error name it. */
  run_cli (&missing, "add-url", "--archive", archive, "--json", missing_url, NULL);
  g_assert_cmpint (exit_code (&missing), ==, 1);
  failed = parse_json (missing.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array_of (failed, "failed"), 0),
                                                  "url"), ==, missing_url);
  g_assert_nonnull (strstr (missing.err, missing_url));
  g_assert_nonnull (strstr (missing.err, "404"));

  /* A page is no feed. */
  run_cli (&not_feed, "feed", "add", "--archive", archive, about_url, NULL);
  g_assert_cmpint (exit_code (&not_feed), ==, 1);
  g_assert_nonnull (strstr (not_feed.err, about_url));
  g_assert_nonnull (strstr (not_feed.err, "not an RSS or Atom feed"));

  /* OPML: exported from one archive, imported into another. */
  run_cli (&export, "feed", "export", "--archive", archive, "--output", opml, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  run_cli (&init2, "init", second, NULL);
  run_cli (&import, "feed", "import", "--archive", second, opml, NULL);
  g_assert_cmpint (exit_code (&import), ==, 0);
  run_cli (&feed_list, "feed", "list", "--archive", second, "--json", NULL);
  g_assert_cmpint (exit_code (&feed_list), ==, 0);
  feeds = parse_json (feed_list.out);
  g_assert_cmpuint (json_array_get_length (json_array_of (feeds, "feeds")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array_of (feeds, "feeds"), 0),
                                                  "url"), ==, feed_url);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array_of (feeds, "feeds"), 0),
                                                  "title"), ==, "Vessmark Courier");

  g_unlink (opml);
  px_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS") != NULL && *g_getenv ("XDG_DATA_DIRS") != '\0'
                                ? g_getenv ("XDG_DATA_DIRS") : "/usr/local/share:/usr/share");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* parallax-cli's fetches go to 127.0.0.1 only, never through a proxy. */
  g_setenv ("no_proxy", "*", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");

  g_test_add_func ("/Px/Cli/parse-json", test_parse_json);
  g_test_add_func ("/Px/Cli/parse-text", test_parse_text);
  g_test_add_func ("/Px/Cli/parse-outdir", test_parse_outdir);
  g_test_add_func ("/Px/Cli/failures", test_failures);
  g_test_add_func ("/Px/Cli/timeline", test_timeline);
  g_test_add_func ("/Px/Cli/compare", test_compare);
  g_test_add_func ("/Px/Cli/usage", test_usage);
  g_test_add_func ("/Px/Cli/archive", test_archive_commands);
  g_test_add_func ("/Px/Cli/export-formats", test_export_formats);
  g_test_add_func ("/Px/Cli/export-ledger", test_export_ledger);
  g_test_add_func ("/Px/Cli/export-archive", test_export_archive);
  g_test_add_func ("/Px/Cli/online", test_online);

  status = g_test_run ();
  g_free (system_data_dirs);
  return status;
}
