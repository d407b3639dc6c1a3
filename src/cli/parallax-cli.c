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
#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include "px-core.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

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
  if (archive != NULL)
    {
      g_printerr ("parallax-cli: --archive: archives are not supported by this version yet\n");
      return EXIT_FAILED;
    }
  if (paths == NULL)
    return usage_error (context, _("no PATH given"));

  result = load_paths (paths);
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

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "parse", cmd_parse, N_("Parse documents: metadata, clean body, figures, dates") },
  { "timeline", cmd_timeline, N_("List publication dates and the dates documents mention") },
};

/* Commands of the contract that later versions implement. */
static const char *planned[] = {
  "compare", "export", "init", "import", "list", "search", "add-url", "feed", "refresh", NULL,
};

static int
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: parallax-cli COMMAND [OPTION…] PATH…"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “parallax-cli COMMAND --help” for a command’s options."));

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

  if (g_strv_contains (planned, argv[1]))
    {
      g_printerr (_("parallax-cli: “%s” is not available in this version yet\n"), argv[1]);
      return EXIT_FAILED;
    }

  g_printerr (_("parallax-cli: unknown command “%s”\n\n"), argv[1]);
  return print_usage (stderr);
}
