/* parallax-cli.c: Parallax from a terminal
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract (README, "parallax-cli"): JSON on standard output, errors on
 * standard error, a non-zero exit when anything failed. A file that fails
 * does not stop the others: they are still printed.
 */

#define G_LOG_DOMAIN "parallax-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <errno.h>
#include <signal.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static PxArchive *open_archive (const char *path);

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("parallax-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

static void
print_failures (PxLoadResult *result)
{
  for (guint i = 0; i < result->failures->len; i++)
    {
      const GError *error = g_ptr_array_index (result->failures, i);

      g_printerr ("parallax-cli: %s\n", error->message);
    }
}

static PxLoadResult *
load_paths (char **paths)
{
  g_autoptr(GError) error = NULL;
  PxLoadResult *result;

  result = px_loader_load ((const char * const *) paths, NULL, NULL, NULL, &error);
  if (result == NULL)
    g_printerr ("parallax-cli: %s\n", error->message);

  return result;
}

static gboolean
write_stdout (const char *text)
{
  return fputs (text, stdout) >= 0 && fputc ('\n', stdout) != EOF && fflush (stdout) == 0;
}

/* Where parse --outdir writes the clean text of @path: DIR/<input name>.txt,
 * with a counter when two inputs share a name. */
static char *
outdir_target (const char *outdir,
               const char *path,
               GHashTable *used)
{
  g_autofree char *base = g_path_get_basename (path);
  char *target = g_strdup_printf ("%s.txt", base);

  for (guint n = 2; g_hash_table_contains (used, target); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s-%u.txt", base, n);
    }
  g_hash_table_add (used, g_strdup (target));

  return target;
}

static int
cmd_parse (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outdir = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE, text = FALSE;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print each document as JSON (the default)"), NULL },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the clean body only"), NULL },
    { "outdir", 0, 0, G_OPTION_ARG_FILENAME, &outdir, N_("With --text, write DIR/<input name>.txt per input"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (_("PATH… — parse documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (paths == NULL)
    return usage_error (context, _("no PATH given"));
  if (json && text)
    return usage_error (context, _("--json and --text exclude each other"));
  if (outdir != NULL && !text)
    return usage_error (context, _("--outdir needs --text"));

  result = load_paths (paths);
  if (result == NULL)
    return EXIT_FAILED;

  if (outdir != NULL)
    {
      g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (g_mkdir_with_parents (outdir, 0755) != 0)
        {
          g_printerr ("parallax-cli: %s: %s\n", outdir, g_strerror (errno));
          return EXIT_FAILED;
        }

      for (guint i = 0; i < result->documents->len; i++)
        {
          PxDocument *document = g_ptr_array_index (result->documents, i);
          g_autofree char *name = outdir_target (outdir, px_document_get_path (document), used);
          g_autofree char *target = g_build_filename (outdir, name, NULL);
          g_autofree char *body = px_document_dup_body_text (document);
          g_autofree char *contents = g_strconcat (body, "\n", NULL);
          g_autoptr(GError) write_error = NULL;

          if (!g_file_set_contents (target, contents, -1, &write_error))
            {
              g_printerr ("parallax-cli: %s\n", write_error->message);
              ok = FALSE;
            }
        }
    }
  else if (text)
    {
      /* Documents are separated by a form feed line, as `pr` and friends do. */
      for (guint i = 0; i < result->documents->len; i++)
        {
          g_autofree char *body = px_document_dup_body_text (result->documents->pdata[i]);

          if (i > 0)
            fputs ("\f\n", stdout);
          ok &= write_stdout (body);
        }
    }
  else
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();
      g_autofree char *data = NULL;

      for (guint i = 0; i < result->documents->len; i++)
        json_array_add_element (array, px_json_document (result->documents->pdata[i]));
      json_node_set_array (root, array);
      data = px_json_to_string (root);
      ok &= write_stdout (data);
    }

  print_failures (result);

  return ok && result->failures->len == 0 ? EXIT_OK : EXIT_FAILED;
}

/* A command that reads PATH… or --archive DIR takes one of them. */
static int
check_source (GOptionContext  *context,
              const char      *archive,
              char           **paths)
{
  if (archive == NULL && paths == NULL)
    return usage_error (context, _("no PATH given"));
  if (archive != NULL && paths != NULL)
    return usage_error (context, _("give PATH… or --archive, not both"));

  return EXIT_OK;
}

/* The documents of --archive DIR, or of PATH…; NULL when they cannot be
 * read (the reason is printed). @store receives the archive when asked. */
static PxLoadResult *
load_documents (const char  *archive,
                char       **paths,
                PxArchive  **store)
{
  PxLoadResult *result;

  if (archive != NULL)
    {
      g_autoptr(PxArchive) opened = open_archive (archive);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GError) error = NULL;

      if (opened == NULL)
        return NULL;
      documents = px_archive_load_all (opened, NULL, &error);
      if (documents == NULL)
        {
          g_printerr ("parallax-cli: %s\n", error->message);
          return NULL;
        }
      result = g_new0 (PxLoadResult, 1);
      result->documents = g_steal_pointer (&documents);
      result->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      if (store != NULL)
        *store = g_steal_pointer (&opened);
      return result;
    }

  return load_paths (paths);
}

static int
cmd_timeline (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  gboolean ok = TRUE;
  int status;
  const GOptionEntry entries_options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the timeline as JSON"), NULL },
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, N_("Read the documents of an archive"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (_("PATH… — the dates documents give, in time order"));
  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if ((status = check_source (context, archive, paths)) != EXIT_OK)
    return status;

  result = load_documents (archive, paths, NULL);
  if (result == NULL)
    return EXIT_FAILED;

  entries = px_timeline_build (result->documents);

  if (json)
    {
      g_autoptr(JsonNode) root = px_json_timeline (entries);
      g_autofree char *data = px_json_to_string (root);

      ok &= write_stdout (data);
    }
  else
    {
      for (guint i = 0; i < entries->len; i++)
        {
          const PxTimelineEntry *e = g_ptr_array_index (entries, i);
          g_autofree char *line = g_strdup_printf ("%-24s %-9s %-24s %s",
                                                   e->value, px_timeline_kind_to_string (e->kind),
                                                   e->outlet ? e->outlet : "—", e->text ? e->text : "");

          ok &= write_stdout (line);
        }
    }

  print_failures (result);

  return ok && result->failures->len == 0 ? EXIT_OK : EXIT_FAILED;
}

/* The comparison of @documents with the user's edits when they come from
 * an archive (@store), as the Compare page shows it; NULL with the reason
 * printed. */
static PxComparison *
run_comparison (PxArchive      *store,
                GPtrArray      *documents,
                PxCompareStage  stages)
{
  g_autoptr(PxCompareEdits) edits = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  if (store != NULL && (edits = px_archive_load_compare_edits (store, &error)) == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }

  comparison = px_comparison_new (documents, g_steal_pointer (&edits));
  /* Revised pages: their figures' earlier values flag the ledger. */
  if (store != NULL && !px_comparison_load_revisions (comparison, store, NULL, &error))
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }
  if (!px_comparison_run (comparison, stages, NULL, &error))
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }

  return g_steal_pointer (&comparison);
}

static int
cmd_compare (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxArchive) store = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  gboolean ok = TRUE;
  int status;
  GListModel *topics;
  const GOptionEntry entries_options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, N_("Compare the documents of an archive, with its edits"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (_("PATH… — the figures sources give, side by side"));
  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if ((status = check_source (context, archive, paths)) != EXIT_OK)
    return status;

  result = load_documents (archive, paths, &store);
  if (result == NULL)
    return EXIT_FAILED;

  /* The text is the ledger only: passages and framing are for --json. */
  comparison = run_comparison (store, result->documents, json ? PX_COMPARE_ALL : PX_COMPARE_TOPICS);
  if (comparison == NULL)
    return EXIT_FAILED;

  if (json)
    {
      g_autoptr(JsonNode) root = px_comparison_to_json (comparison);
      g_autofree char *data = px_json_to_string (root);

      ok &= write_stdout (data);
    }
  else
    {
      /* The ledger: one line per topic, its agreement and its values. */
      topics = px_comparison_get_topics (comparison);
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);
          g_autofree char *values = px_topic_dup_values (topic);
          g_autofree char *line = NULL;

          line = g_strdup_printf ("%s %-8s %-40s %s", px_agreement_to_symbol (px_topic_get_agreement (topic)),
                                  px_agreement_to_string (px_topic_get_agreement (topic)),
                                  px_topic_get_label (topic), values);
          ok &= write_stdout (line);
        }
    }

  print_failures (result);

  return ok && result->failures->len == 0 ? EXIT_OK : EXIT_FAILED;
}

/* The archive a command named with --archive, opened; NULL with the exit
 * status to return when it was not named or cannot be opened. */
static PxArchive *
require_archive (GOptionContext *context,
                 const char     *path,
                 int            *status)
{
  PxArchive *archive;

  if (path == NULL)
    {
      *status = usage_error (context, _("--archive is required"));
      return NULL;
    }

  archive = open_archive (path);
  *status = EXIT_FAILED;

  return archive;
}

static PxArchive *
open_archive (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  PxArchive *archive = px_archive_open (folder, &error);

  if (archive == NULL)
    g_printerr ("parallax-cli: %s\n", error->message);

  return archive;
}

static gboolean
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = px_json_to_string (root);

  return write_stdout (data);
}

static int
cmd_init (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("DIR — make DIR an archive"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (paths == NULL || paths[1] != NULL)
    return usage_error (context, _("give one DIR"));

  folder = g_file_new_for_commandline_arg (paths[0]);
  archive = px_archive_create (folder, &error);
  if (archive == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  int status;
  g_autoptr(PxImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive to import into"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (_("PATH… — import files and folders into an archive"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (paths == NULL)
    return usage_error (context, _("no PATH given"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  result = px_archive_import (archive, (const char * const *) paths, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_int_value (builder, result->imported);
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, result->duplicates);
      json_builder_set_member_name (builder, "failed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->failures->len; i++)
        {
          const GError *failure = g_ptr_array_index (result->failures, i);
          const char *colon = strstr (failure->message, ": ");
          g_autofree char *path = colon ? g_strndup (failure->message, colon - failure->message) : NULL;

          json_builder_begin_object (builder);
          px_json_add_string (builder, "path", path);
          px_json_add_string (builder, "error", failure->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      if (!print_json (builder))
        return EXIT_FAILED;
    }
  else
    {
      g_print (_("%u imported, %u duplicates, %u failed\n"),
               result->imported, result->duplicates, result->failures->len);
    }

  for (guint i = 0; i < result->failures->len; i++)
    g_printerr ("parallax-cli: %s\n", ((GError *) g_ptr_array_index (result->failures, i))->message);

  return result->failures->len == 0 ? EXIT_OK : EXIT_FAILED;
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  int status;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_autofree char *outlet = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("Only this outlet’s documents"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— the documents of an archive, newest first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  rows = px_archive_list (archive, outlet, &error);
  if (rows == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          const PxDocumentSummary *row = g_ptr_array_index (rows, i);

          json_builder_begin_object (builder);
          px_json_add_string (builder, "id", row->id);
          px_json_add_string (builder, "path", row->path);
          px_json_add_string (builder, "format", row->format);
          px_json_add_string (builder, "title", row->title);
          px_json_add_string (builder, "outlet", row->outlet);
          px_json_add_string (builder, "published", row->published);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return print_json (builder) ? EXIT_OK : EXIT_FAILED;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const PxDocumentSummary *row = g_ptr_array_index (rows, i);

      g_print ("%-12s %-24s %s\n", row->published ? row->published : "—",
               row->outlet ? row->outlet : "—", row->title ? row->title : row->path);
    }

  return EXIT_OK;
}

/* The snippet's markers become the terminal's bold, or brackets in JSON. */
static char *
render_snippet (const char *snippet,
                const char *open,
                const char *close)
{
  GString *s;

  if (snippet == NULL)
    return NULL;

  s = g_string_new (snippet);
  g_string_replace (s, PX_SNIPPET_OPEN, open, 0);
  g_string_replace (s, PX_SNIPPET_CLOSE, close, 0);

  return g_string_free (s, FALSE);
}

static int
cmd_search (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  int status;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_autofree char *query = NULL;
  g_auto(GStrv) words = NULL;
  gboolean json = FALSE;
  int limit = 50;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("The most results (default 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("QUERY") },
    { NULL }
  };

  context = g_option_context_new (_("QUERY — full-text search, best matches first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (words == NULL)
    return usage_error (context, _("no QUERY given"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  query = g_strjoinv (" ", words);
  hits = px_archive_search (archive, query, MAX (limit, 1), &error);
  if (hits == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      px_json_add_string (builder, "query", query);
      json_builder_set_member_name (builder, "results");
      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          const PxSearchHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = render_snippet (hit->snippet, "[", "]");

          json_builder_begin_object (builder);
          px_json_add_string (builder, "id", hit->id);
          px_json_add_string (builder, "title", hit->title);
          px_json_add_string (builder, "outlet", hit->outlet);
          px_json_add_string (builder, "published", hit->published);
          px_json_add_string (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, hit->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return print_json (builder) ? EXIT_OK : EXIT_FAILED;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const PxSearchHit *hit = g_ptr_array_index (hits, i);
      gboolean tty = isatty (STDOUT_FILENO);
      g_autofree char *snippet = render_snippet (hit->snippet, tty ? "\033[1m" : "[", tty ? "\033[0m" : "]");

      g_print ("%s — %s\n    %s\n", hit->title ? hit->title : hit->id,
               hit->outlet ? hit->outlet : "—", snippet ? snippet : "");
    }

  return EXIT_OK;
}

static int
cmd_reparse (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  int status;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  gboolean all = FALSE;
  guint n;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every document, not only those an older parser read"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— parse the originals again, keeping every correction"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  n = px_archive_reparse (archive, all, NULL, &error);
  if (error != NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u document parsed again\n", "%u documents parsed again\n", n), n);

  return EXIT_OK;
}

/* The archive's selection called @name, with the documents it cites;
 * NULL (the reason printed) when there is none by that name. */
static PxSelection *
load_named_selection (PxArchive  *archive,
                      const char *name,
                      GHashTable *documents)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(PxSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  summaries = px_archive_list_selections (archive, &error);
  if (summaries == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }
  for (guint i = 0; i < summaries->len && id == 0; i++)
    {
      const PxSelectionSummary *summary = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (summary->name, name) == 0)
        id = summary->id;
    }
  if (id == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < summaries->len; i++)
        {
          const PxSelectionSummary *summary = g_ptr_array_index (summaries, i);

          g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", summary->name);
        }
      if (summaries->len == 0)
        g_printerr (_("parallax-cli: no selection named “%s”: the archive has none\n"), name);
      else
        g_printerr (_("parallax-cli: no selection named “%s”; the archive has %s\n"), name, names->str);
      return NULL;
    }

  selection = px_archive_load_selection (archive, id, &error);
  if (selection == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }

  /* A document removed since it was collected is exported all the same,
   * as missing. */
  if (!px_export_load_documents (archive, selection, documents, NULL, &error))
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }

  return g_steal_pointer (&selection);
}

static gboolean
write_bytes_stdout (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxArchive) store = NULL;
  g_autoptr(PxSelection) selection = NULL;
  g_autoptr(PxExportPlan) plan = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *selection_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *output = NULL;
  g_autofree char *archive = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean force = FALSE;
  PxExportFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("md, html, csv, json or csl-json"), N_("FORMAT") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("documents (the default), topics or timeline"), N_("WHAT") },
    { "selection", 0, 0, G_OPTION_ARG_STRING, &selection_name, N_("Export a selection of the archive"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The export’s title"), N_("TEXT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, N_("Export from an archive, with its corrections and edits"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (_("PATH… — documents, topics or the timeline, with their sources"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (format_name == NULL)
    return usage_error (context, _("--format is required"));
  if (!px_export_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”: use md, html, csv, json or csl-json"),
                                                  format_name);

      return usage_error (context, message);
    }
  if (what != NULL && !g_str_equal (what, "documents") && !g_str_equal (what, "topics") &&
      !g_str_equal (what, "timeline"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown --what “%s”: use documents, topics or timeline"), what);

      return usage_error (context, message);
    }
  if (selection_name != NULL && what != NULL)
    return usage_error (context, _("--selection and --what exclude each other"));
  if (selection_name != NULL && archive == NULL)
    return usage_error (context, _("--selection needs --archive"));
  if (force && output == NULL)
    return usage_error (context, _("--force needs --output"));
  if ((status = check_source (context, archive, paths)) != EXIT_OK)
    return status;

  /* Said before the work, not after it; the write checks again. */
  if (output != NULL && !force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("parallax-cli: %s: the file already exists (--force replaces it)\n"), output);
      return EXIT_FAILED;
    }

  documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (selection_name != NULL)
    {
      store = open_archive (archive);
      if (store == NULL || (selection = load_named_selection (store, selection_name, documents)) == NULL)
        return EXIT_FAILED;
    }
  else
    {
      result = load_documents (archive, paths, &store);
      if (result == NULL)
        return EXIT_FAILED;
      for (guint i = 0; i < result->documents->len; i++)
        {
          PxDocument *document = g_ptr_array_index (result->documents, i);

          g_hash_table_insert (documents, g_strdup (px_document_get_id (document)), g_object_ref (document));
        }

      if (what == NULL || g_str_equal (what, "documents"))
        selection = px_export_view_documents (result->documents);
      else if (g_str_equal (what, "timeline"))
        {
          g_autoptr(GPtrArray) timeline = px_timeline_build (result->documents);

          selection = px_export_view_timeline (timeline);
        }
      else
        {
          /* The ledger as the user left it, as compare --archive shows it. */
          g_autoptr(PxComparison) comparison = run_comparison (store, result->documents, PX_COMPARE_TOPICS);

          if (comparison == NULL)
            return EXIT_FAILED;
          selection = px_export_view_topics (comparison);
        }
    }

  plan = px_export_plan_new (title != NULL ? title : px_selection_get_name (selection),
                             G_LIST_MODEL (selection), documents);
  bytes = px_export_plan_render (plan, format, &error);
  if (bytes == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (output != NULL)
    {
      if (!px_export_write_file (output, bytes, force, &error))
        {
          if (g_error_matches (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_EXISTS))
            g_printerr (_("parallax-cli: %s: the file already exists (--force replaces it)\n"), output);
          else
            g_printerr ("parallax-cli: %s\n", error->message);
          return EXIT_FAILED;
        }
    }
  else if (!write_bytes_stdout (bytes))
    {
      g_printerr (_("parallax-cli: cannot write to standard output: %s\n"), g_strerror (errno));
      return EXIT_FAILED;
    }

  if (result != NULL)
    {
      print_failures (result);
      if (result->failures->len > 0)
        return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
cmd_verify (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *excerpts = NULL;
  g_auto(GStrv) files = NULL;
  guint n_documents = 0, n_excerpts = 0;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive to check against"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.json") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.json — check a JSON export against the archive"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (files == NULL || files[1] != NULL)
    return usage_error (context, _("give one FILE.json"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  if (!px_export_verify (archive, files[0], &problems, &n_documents, &n_excerpts, &error))
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      /* An export that cannot be read is bad input, as a usage error is. */
      return g_error_matches (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_INVALID) ? EXIT_USAGE : EXIT_FAILED;
    }

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return EXIT_FAILED;

  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents),
                               n_documents);
  excerpts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u excerpt", "%u excerpts", n_excerpts),
                              n_excerpts);
  /* TRANSLATORS: "OK: 3 documents, 12 excerpts checked" */
  g_print (_("OK: %s, %s checked\n"), documents, excerpts);

  return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Online: add-url, feed, refresh, inbox, revisions                     */
/* ------------------------------------------------------------------ */

/* A refresher's run, on the main loop so that each source is printed
 * as it is done; Ctrl+C cancels it, keeping what was stored. */
typedef struct
{
  GMainLoop       *loop;
  PxRefreshResult *result;
  GError          *error;
  gboolean         json;
  gboolean         adding;
} OnlineRun;

static void
online_progress (const char     *url,
                 PxRefreshState  state,
                 const char     *detail,
                 guint           index,
                 guint           total,
                 gpointer        user_data)
{
  OnlineRun *run = user_data;
  const char *what;

  if (run->json)
    return;

  switch (state)
    {
    case PX_REFRESH_NOT_MODIFIED:
      what = _("not modified");
      break;
    case PX_REFRESH_UNCHANGED:
      what = run->adding ? _("already in the archive") : _("unchanged");
      break;
    case PX_REFRESH_NEW_REVISION:
      what = _("new revision");
      break;
    case PX_REFRESH_NEW_DOCUMENT:
      what = _("added");
      break;
    case PX_REFRESH_NEW_ITEMS:
      what = _("new items in the inbox");
      break;
    case PX_REFRESH_SKIPPED:
      what = _("skipped");
      break;
    case PX_REFRESH_WAITING:
    case PX_REFRESH_FETCHING:
    case PX_REFRESH_FAILED:   /* on standard error, at the end */
    default:
      return;
    }

  if (detail != NULL)
    g_print ("%s: %s (%s)\n", url, what, detail);
  else
    g_print ("%s: %s\n", url, what);
}

static void
online_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  OnlineRun *run = user_data;
  PxRefresher *refresher = PX_REFRESHER (source);

  if (g_task_get_source_tag (G_TASK (result)) == px_refresher_add_urls_async)
    run->result = px_refresher_add_urls_finish (refresher, result, &run->error);
  else
    run->result = px_refresher_refresh_finish (refresher, result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupted (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* Refreshes @urls (NULL: every source), or adds them; prints what
 * happened to each, then the summary or the JSON, the failures on
 * standard error. */
static int
run_online (PxArchive           *archive,
            gboolean             adding,
            const char * const  *urls,
            gboolean             json)
{
  g_autoptr(PxRefresher) refresher = px_refresher_new (archive);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PxRefreshResult) result = NULL;
  OnlineRun run = { loop, NULL, NULL, json, adding };
  guint sigint;

  sigint = g_unix_signal_add (SIGINT, interrupted, cancellable);
  if (adding)
    px_refresher_add_urls_async (refresher, urls, cancellable, online_progress, &run, online_done, &run);
  else
    px_refresher_refresh_async (refresher, urls, cancellable, online_progress, &run, online_done, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);

  result = run.result;
  if (result == NULL)
    {
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr (_("parallax-cli: interrupted; what was fetched before is kept\n"));
      else
        g_printerr ("parallax-cli: %s\n", run.error->message);
      g_clear_error (&run.error);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autofree char *data = px_refresh_result_to_json (result);

      if (!write_stdout (data))
        return EXIT_FAILED;
    }
  else
    {
      /* TRANSLATORS: the summary of a refresh; each %u is a number of pages or feeds */
      g_print (_("%u fetched, %u not modified, %u new revisions, %u new documents, %u new items, "
                 "%u skipped, %u failed\n"),
               result->fetched, result->not_modified, result->new_revisions, result->new_documents,
               result->new_items, result->skipped, result->failed->len);
    }

  for (guint i = 0; i < result->failed->len; i++)
    g_printerr ("parallax-cli: %s\n", ((PxRefreshFailure *) g_ptr_array_index (result->failed, i))->error);

  return result->failed->len == 0 ? EXIT_OK : EXIT_FAILED;
}

#define ONLINE_DESCRIPTION \
  N_("The exit status is 1 when any page or feed failed (each is named on standard error, " \
     "the others are done and printed all the same), 2 for a usage error.")

static int
cmd_add_url (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_auto(GStrv) urls = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive to add to"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON, as refresh --json"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &urls, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("URL… — fetch web pages and import them, to be refreshed later"));
  g_option_context_set_description (context, _(ONLINE_DESCRIPTION));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (urls == NULL)
    return usage_error (context, _("no URL given"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  return run_online (archive, TRUE, (const char * const *) urls, json);
}

static int
cmd_refresh (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_auto(GStrv) urls = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &urls, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("[URL…] — fetch again every page with a URL and every feed "
                                    "(or those given): revisions, new feed items"));
  g_option_context_set_description (context, _(ONLINE_DESCRIPTION));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  return run_online (archive, FALSE, (const char * const *) urls, json);
}

/* The archive's feeds, by URL. */
static GPtrArray *
list_feeds (PxArchive *archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = px_archive_list_sources (archive, &error);
  GPtrArray *feeds;

  if (sources == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return NULL;
    }

  feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) px_source_info_free);
  g_ptr_array_set_free_func (sources, NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      PxSourceInfo *source = g_ptr_array_index (sources, i);

      if (source->kind == PX_SOURCE_FEED)
        g_ptr_array_add (feeds, source);
      else
        px_source_info_free (source);
    }

  return feeds;
}

static int
feed_add (PxArchive  *archive,
          char      **urls,
          gboolean    json)
{
  g_autoptr(PxRefresher) refresher = px_refresher_new (archive);
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = px_refresher_add_feed (refresher, urls[0], NULL, &error);
  if (result == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autofree char *data = px_refresh_result_to_json (result);

      if (!write_stdout (data))
        return EXIT_FAILED;
    }
  else if (result->failed->len == 0)
    {
      g_autoptr(GPtrArray) feeds = list_feeds (archive);
      const char *title = NULL;

      for (guint i = 0; feeds != NULL && i < feeds->len; i++)
        if (g_str_equal (((PxSourceInfo *) feeds->pdata[i])->url, urls[0]))
          title = ((PxSourceInfo *) feeds->pdata[i])->title;
      /* TRANSLATORS: "<URL>: subscribed to <feed title>, 12 new items in the inbox" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: subscribed to “%s”, %u new item in the inbox\n",
                            "%s: subscribed to “%s”, %u new items in the inbox\n", result->new_items),
               urls[0], title != NULL ? title : urls[0], result->new_items);
    }

  for (guint i = 0; i < result->failed->len; i++)
    g_printerr ("parallax-cli: %s\n", ((PxRefreshFailure *) g_ptr_array_index (result->failed, i))->error);

  return result->failed->len == 0 ? EXIT_OK : EXIT_FAILED;
}

static int
feed_list (PxArchive *archive,
           gboolean   json)
{
  g_autoptr(GPtrArray) feeds = list_feeds (archive);

  if (feeds == NULL)
    return EXIT_FAILED;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "feeds");
      json_builder_begin_array (builder);
      for (guint i = 0; i < feeds->len; i++)
        {
          const PxSourceInfo *feed = g_ptr_array_index (feeds, i);

          json_builder_begin_object (builder);
          px_json_add_string (builder, "url", feed->url);
          px_json_add_string (builder, "title", feed->title);
          px_json_add_string (builder, "checked", feed->checked);
          px_json_add_string (builder, "changed", feed->changed);
          px_json_add_string (builder, "error", feed->error);
          json_builder_set_member_name (builder, "inbox");
          json_builder_add_int_value (builder, feed->n_inbox);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return print_json (builder) ? EXIT_OK : EXIT_FAILED;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      const PxSourceInfo *feed = g_ptr_array_index (feeds, i);

      g_print ("%s\n    %s", feed->url, feed->title != NULL ? feed->title : "—");
      g_print (g_dngettext (GETTEXT_PACKAGE, " · %u in the inbox", " · %u in the inbox", feed->n_inbox),
               feed->n_inbox);
      if (feed->checked != NULL)
        g_print (_(" · checked %s"), feed->checked);
      g_print ("\n");
      if (feed->error != NULL)
        g_print ("    %s\n", feed->error);
    }

  return EXIT_OK;
}

static int
feed_remove (PxArchive  *archive,
             char      **urls)
{
  g_autoptr(GPtrArray) feeds = list_feeds (archive);
  gboolean ok = TRUE;

  if (feeds == NULL)
    return EXIT_FAILED;

  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean known = FALSE;

      for (guint j = 0; j < feeds->len; j++)
        known |= g_str_equal (((PxSourceInfo *) feeds->pdata[j])->url, urls[i]);
      if (!known)
        {
          g_printerr (_("parallax-cli: %s is not a feed of this archive\n"), urls[i]);
          ok = FALSE;
        }
      else if (!px_archive_remove_source (archive, urls[i], &error))
        {
          g_printerr ("parallax-cli: %s\n", error->message);
          ok = FALSE;
        }
    }

  return ok ? EXIT_OK : EXIT_FAILED;
}

static int
feed_import (PxArchive  *archive,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) subscriptions = NULL;
  g_autoptr(GPtrArray) before = list_feeds (archive);
  g_autoptr(GError) error = NULL;
  guint added = 0, known = 0, failed = 0;

  if (before == NULL)
    return EXIT_FAILED;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr ("parallax-cli: %s: %s\n", path, error->message);
      return EXIT_FAILED;
    }
  subscriptions = px_opml_parse (bytes, path, &error);
  if (subscriptions == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  /* Subscribed without fetching: the next refresh fetches them. */
  for (guint i = 0; i < subscriptions->len; i++)
    {
      const PxFeedSubscription *subscription = g_ptr_array_index (subscriptions, i);
      g_autoptr(GError) add_error = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < before->len; j++)
        seen |= g_str_equal (((PxSourceInfo *) before->pdata[j])->url, subscription->url);

      if (!px_archive_add_source (archive, PX_SOURCE_FEED, subscription->url, subscription->title, &add_error))
        {
          g_printerr ("parallax-cli: %s: %s\n", path, add_error->message);
          failed++;
        }
      else if (seen)
        known++;
      else
        added++;
    }

  /* TRANSLATORS: after importing an OPML file; each %u is a number of feeds */
  g_print (_("subscribed: %u, already there: %u, failed: %u\n"), added, known, failed);

  return failed == 0 ? EXIT_OK : EXIT_FAILED;
}

static int
feed_export (PxArchive  *archive,
             const char *output,
             gboolean    force)
{
  g_autoptr(GPtrArray) feeds = list_feeds (archive);
  g_autoptr(GPtrArray) subscriptions = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *opml;

  if (feeds == NULL)
    return EXIT_FAILED;

  subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_subscription_free);
  for (guint i = 0; i < feeds->len; i++)
    {
      const PxSourceInfo *feed = g_ptr_array_index (feeds, i);

      g_ptr_array_add (subscriptions, px_feed_subscription_new (feed->url, feed->title));
    }
  opml = px_opml_write (subscriptions, _("Parallax subscriptions"));
  bytes = g_bytes_new_take (opml, strlen (opml));

  if (output == NULL)
    {
      if (!write_bytes_stdout (bytes))
        {
          g_printerr (_("parallax-cli: cannot write to standard output: %s\n"), g_strerror (errno));
          return EXIT_FAILED;
        }
      return EXIT_OK;
    }

  if (!px_export_write_file (output, bytes, force, &error))
    {
      if (g_error_matches (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_EXISTS))
        g_printerr (_("parallax-cli: %s: the file already exists (--force replaces it)\n"), output);
      else
        g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
cmd_feed (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive_path = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE, force = FALSE;
  const char *action;
  guint n_args;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("add, list: print the result as JSON"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("export: write to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("export: replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("add URL | list | remove URL… | import FILE.opml | export — the feeds "
                                    "an archive follows"));
  g_option_context_set_description (context,
    _("feed add fetches the feed once, to check it is one, and puts its items in the inbox; feed import "
      "subscribes to an OPML file's feeds without fetching them (refresh does). The exit status is 1 when "
      "anything failed, 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (args == NULL)
    return usage_error (context, _("say what to do: add, list, remove, import or export"));

  action = args[0];
  n_args = g_strv_length (args) - 1;
  if ((g_str_equal (action, "add") || g_str_equal (action, "import")) && n_args != 1)
    return usage_error (context, g_str_equal (action, "add") ? _("give one URL") : _("give one FILE.opml"));
  if (g_str_equal (action, "remove") && n_args == 0)
    return usage_error (context, _("no URL given"));
  if ((g_str_equal (action, "list") || g_str_equal (action, "export")) && n_args != 0)
    return usage_error (context, _("too many arguments"));
  if (!g_str_equal (action, "add") && !g_str_equal (action, "list") && !g_str_equal (action, "remove") &&
      !g_str_equal (action, "import") && !g_str_equal (action, "export"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown action “%s”"), action);

      return usage_error (context, message);
    }
  if ((output != NULL || force) && !g_str_equal (action, "export"))
    return usage_error (context, _("--output and --force are for export"));
  if (force && output == NULL)
    return usage_error (context, _("--force needs --output"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  if (g_str_equal (action, "add"))
    return feed_add (archive, args + 1, json);
  if (g_str_equal (action, "list"))
    return feed_list (archive, json);
  if (g_str_equal (action, "remove"))
    return feed_remove (archive, args + 1);
  if (g_str_equal (action, "import"))
    return feed_import (archive, args[1]);

  return feed_export (archive, output, force);
}

static int
inbox_list (PxArchive *archive,
            gboolean   json)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = px_archive_list_inbox (archive, &error);
  if (items == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          const PxInboxItem *item = g_ptr_array_index (items, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, item->id);
          px_json_add_string (builder, "feed", item->feed);
          px_json_add_string (builder, "feed_title", item->feed_title);
          px_json_add_string (builder, "url", item->url);
          px_json_add_string (builder, "title", item->title);
          px_json_add_string (builder, "summary", item->summary);
          px_json_add_string (builder, "published", item->published);
          px_json_add_string (builder, "found", item->found);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      return print_json (builder) ? EXIT_OK : EXIT_FAILED;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const PxInboxItem *item = g_ptr_array_index (items, i);

      g_print ("%-6" G_GINT64_FORMAT " %-10.10s %s — %s\n       %s\n", item->id,
               item->published != NULL ? item->published : "—",
               item->feed_title != NULL ? item->feed_title : item->feed,
               item->title != NULL ? item->title : "—", item->url);
    }

  return EXIT_OK;
}

/* The inbox items @ids name (all of them with @all); an id that is not
 * there is printed and makes @ok FALSE. */
static GPtrArray *
inbox_pick (PxArchive  *archive,
            char      **ids,
            gboolean    all,
            gboolean   *ok)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *picked;

  items = px_archive_list_inbox (archive, &error);
  if (items == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      *ok = FALSE;
      return NULL;
    }

  picked = g_ptr_array_new_with_free_func ((GDestroyNotify) px_inbox_item_free);
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      PxInboxItem *item = g_ptr_array_index (items, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);

      if (all || g_strv_contains ((const char * const *) ids, id))
        g_ptr_array_add (picked, item);
      else
        px_inbox_item_free (item);
    }

  for (guint i = 0; !all && ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < picked->len; j++)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ((PxInboxItem *) picked->pdata[j])->id);

          found |= g_str_equal (id, ids[i]);
        }
      if (!found)
        {
          g_printerr (_("parallax-cli: no item %s in the inbox\n"), ids[i]);
          *ok = FALSE;
        }
    }

  return picked;
}

static int
cmd_inbox (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) picked = NULL;
  g_autofree char *archive_path = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE, all = FALSE, ok = TRUE;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the items, or what accepting did, as JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("accept, dismiss: every item"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("[accept ID…|--all | dismiss ID…|--all] — the new items of the "
                                    "feeds: list them, fetch and import some, or set them aside"));
  g_option_context_set_description (context, _(ONLINE_DESCRIPTION));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  action = args != NULL ? args[0] : "list";
  if (!g_str_equal (action, "list") && !g_str_equal (action, "accept") && !g_str_equal (action, "dismiss"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown action “%s”"), action);

      return usage_error (context, message);
    }
  if (g_str_equal (action, "list") && (all || (args != NULL && args[1] != NULL)))
    return usage_error (context, _("too many arguments"));
  if (!g_str_equal (action, "list") && all == (args[1] != NULL))
    return usage_error (context, _("give the items’ IDs or --all"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  if (g_str_equal (action, "list"))
    return inbox_list (archive, json);

  picked = inbox_pick (archive, args + 1, all, &ok);
  if (picked == NULL)
    return EXIT_FAILED;

  if (g_str_equal (action, "dismiss"))
    {
      for (guint i = 0; i < picked->len; i++)
        {
          const PxInboxItem *item = g_ptr_array_index (picked, i);
          g_autoptr(GError) dismiss_error = NULL;

          if (!px_archive_dismiss_inbox_item (archive, item->id, &dismiss_error))
            {
              g_printerr ("parallax-cli: %s\n", dismiss_error->message);
              ok = FALSE;
            }
        }
      return ok ? EXIT_OK : EXIT_FAILED;
    }

  /* Accepting is adding the items' pages: those fetched leave the inbox. */
  if (picked->len > 0)
    {
      g_autoptr(GPtrArray) urls = g_ptr_array_new ();

      for (guint i = 0; i < picked->len; i++)
        g_ptr_array_add (urls, ((PxInboxItem *) picked->pdata[i])->url);
      g_ptr_array_add (urls, NULL);
      status = run_online (archive, TRUE, (const char * const *) urls->pdata, json);
    }
  else
    status = EXIT_OK;

  return ok ? status : EXIT_FAILED;
}

static int
cmd_revisions (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(PxDocument) previous = NULL;
  g_autofree char *archive_path = NULL;
  g_auto(GStrv) ids = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive_path, N_("The archive"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the revisions as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("ID — every stored version of a page, oldest first, and the figures "
                                    "each changed"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (ids == NULL || ids[1] != NULL)
    return usage_error (context, _("give one document ID"));

  archive = require_archive (context, archive_path, &status);
  if (archive == NULL)
    return status;

  revisions = px_archive_list_revisions (archive, ids[0], &error);
  if (revisions == NULL)
    {
      g_printerr ("parallax-cli: %s\n", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_object (builder);
  px_json_add_string (builder, "id", ids[0]);
  json_builder_set_member_name (builder, "revisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < revisions->len; i++)
    {
      const PxRevision *revision = g_ptr_array_index (revisions, i);
      g_autoptr(PxDocument) document = px_archive_load_document (archive, revision->document, &error);
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *title = NULL;

      if (document == NULL)
        {
          g_printerr ("parallax-cli: %s\n", error->message);
          return EXIT_FAILED;
        }
      title = px_document_dup_display_title (document);
      /* What each version changed in the figures, against the one before. */
      if (previous != NULL)
        changes = px_revision_figure_changes (previous, document);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, revision->number);
      px_json_add_string (builder, "document", revision->document);
      px_json_add_string (builder, "url", revision->url);
      px_json_add_string (builder, "fetched", revision->fetched);
      px_json_add_string (builder, "title", title);
      json_builder_set_member_name (builder, "current");
      json_builder_add_boolean_value (builder, i + 1 == revisions->len);
      json_builder_set_member_name (builder, "figures_changed");
      json_builder_begin_array (builder);

      if (!json)
        g_print ("%u  %s  %s%s\n    %s\n", revision->number, revision->fetched, revision->document,
                 i + 1 == revisions->len ? _(" (current)") : "", title);

      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          PxFigureChange *change = g_ptr_array_index (changes, j);
          g_autofree char *before = change->before ? px_revision_dup_figure_value (change->before) : NULL;
          g_autofree char *after = change->after ? px_revision_dup_figure_value (change->after) : NULL;
          g_autofree char *description = NULL;

          change->before_fetched = g_strdup (((PxRevision *) revisions->pdata[i - 1])->fetched);
          change->after_fetched = g_strdup (revision->fetched);
          description = px_figure_change_dup_description (change);

          json_builder_begin_object (builder);
          px_json_add_string (builder, "before", before);
          px_json_add_string (builder, "after", after);
          px_json_add_string (builder, "sentence", change->after ? change->after->sentence : change->before->sentence);
          px_json_add_string (builder, "description", description);
          json_builder_end_object (builder);

          if (!json)
            g_print ("    %s\n", description);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      g_clear_object (&previous);
      previous = g_steal_pointer (&document);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    return print_json (builder) ? EXIT_OK : EXIT_FAILED;

  return EXIT_OK;
}

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "parse", cmd_parse, N_("Parse documents: metadata, clean body, figures, dates") },
  { "timeline", cmd_timeline, N_("List publication dates and the dates documents mention") },
  { "compare", cmd_compare, N_("Compare the figures, passages and words of sources") },
  { "export", cmd_export, N_("Export documents, topics, the timeline or a selection, with their sources") },
  { "verify", cmd_verify, N_("Check a JSON export against an archive") },
  { "init", cmd_init, N_("Make a folder an archive") },
  { "import", cmd_import, N_("Import files and folders into an archive") },
  { "list", cmd_list, N_("List the documents of an archive") },
  { "search", cmd_search, N_("Search an archive’s documents") },
  { "reparse", cmd_reparse, N_("Parse an archive’s originals again, keeping corrections") },
  { "add-url", cmd_add_url, N_("Fetch web pages and import them, to be refreshed") },
  { "feed", cmd_feed, N_("Add, list, remove, import (OPML) or export the feeds an archive follows") },
  { "refresh", cmd_refresh, N_("Fetch pages and feeds again: new revisions, new items") },
  { "inbox", cmd_inbox, N_("List the feeds’ new items; accept (import) or dismiss them") },
  { "revisions", cmd_revisions, N_("List the stored versions of a page and the figures they changed") },
};

static int
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: parallax-cli COMMAND [OPTION…] PATH…"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “parallax-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("The exit status is 0 when everything succeeded, 1 when anything failed (each failure is "
                           "named on standard error; the rest is done and printed all the same), 2 for a usage "
                           "error."));

  return out == stdout ? EXIT_OK : EXIT_USAGE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return print_usage (stderr);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return print_usage (stdout);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("parallax-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("parallax-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("parallax-cli: unknown command “%s”\n\n"), argv[1]);
  return print_usage (stderr);
}
