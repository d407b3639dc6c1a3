/* test-parser.c: whole documents against hand-written expectations
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fixture X.txt (or a sample archive page) has an X.expect.json that a
 * person wrote by reading the page: its title, subtitle, outlet, authors and
 * publication date, every article paragraph, every boilerplate line and
 * every caption. The folders are loaded the way the app loads them (one
 * parser, so lines shared across documents are known), and each document is
 * held to its expectations.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-core.h"

typedef struct
{
  const char *documents;   /* folder of documents, relative to the source tree */
  const char *expectations;
} Corpus;

static char *
source_path (const char *relative)
{
  /* G_TEST_SRCDIR is tests/; the sample archive lives in data/. */
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "..", relative, NULL);
}

/* Scrapes space their menus with runs of blanks; the parser collapses
 * them, so expectations are compared with whitespace collapsed too. */
static char *
collapse (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return g_regex_replace_literal (spaces, copy, -1, 0, " ", 0, NULL);
}

static gboolean
in_kinds (PxDocument  *document,
          const char  *text,
          guint        kinds)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  g_autofree char *wanted = collapse (text);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if ((kinds & (1u << p->kind)) && g_str_equal (p->text, wanted))
        return TRUE;
    }

  return FALSE;
}

#define KEPT_KINDS ((1u << PX_BLOCK_BODY) | (1u << PX_BLOCK_HEADING) | (1u << PX_BLOCK_QUOTE))

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* Returns the number of mismatches, each reported with g_test_message so a
 * failure lists every problem of a document, not only the first. */
static guint
check_document (PxDocument *document,
                JsonObject *expect,
                const char *name)
{
  static const struct { const char *key; PxField field; gboolean fold; } fields[] = {
    { "title", PX_FIELD_TITLE, FALSE },
    { "subtitle", PX_FIELD_SUBTITLE, FALSE },
    /* An outlet written in capitals ("NORTH WIRE") is the same outlet. */
    { "outlet", PX_FIELD_OUTLET, TRUE },
    { "published", PX_FIELD_PUBLISHED, FALSE },
  };
  guint errors = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *want, *got;

      if (!json_object_has_member (expect, fields[i].key))
        continue;
      want = member_string (expect, fields[i].key);
      got = px_document_get_field (document, fields[i].field);
      if (fields[i].fold ? (want == NULL) != (got == NULL) || (want && g_ascii_strcasecmp (want, got) != 0)
                         : g_strcmp0 (want, got) != 0)
        {
          g_test_message ("%s: %s is “%s”, expected “%s”", name, fields[i].key, got, want);
          errors++;
        }
    }

  if (json_object_has_member (expect, "authors"))
    {
      JsonArray *authors = json_object_get_array_member (expect, "authors");
      const char * const *got = px_document_get_authors (document);
      guint n = json_array_get_length (authors);

      if (g_strv_length ((GStrv) got) != n)
        {
          g_test_message ("%s: %u authors, expected %u", name, g_strv_length ((GStrv) got), n);
          errors++;
        }
      for (guint i = 0; i < n && i < g_strv_length ((GStrv) got); i++)
        if (g_strcmp0 (got[i], json_array_get_string_element (authors, i)) != 0)
          {
            g_test_message ("%s: author “%s”, expected “%s”", name, got[i],
                            json_array_get_string_element (authors, i));
            errors++;
          }
    }

  if (json_object_has_member (expect, "article"))
    {
      JsonArray *article = json_object_get_array_member (expect, "article");

      for (guint i = 0; i < json_array_get_length (article); i++)
        {
          const char *text = json_array_get_string_element (article, i);

          if (!in_kinds (document, text, KEPT_KINDS))
            {
              g_test_message ("%s: article paragraph lost: %.70s", name, text);
              errors++;
            }
        }
    }

  if (json_object_has_member (expect, "boilerplate"))
    {
      JsonArray *boilerplate = json_object_get_array_member (expect, "boilerplate");

      for (guint i = 0; i < json_array_get_length (boilerplate); i++)
        {
          const char *text = json_array_get_string_element (boilerplate, i);

          if (in_kinds (document, text, KEPT_KINDS | (1u << PX_BLOCK_CAPTION)))
            {
              g_test_message ("%s: boilerplate kept: %.70s", name, text);
              errors++;
            }
          /* Nothing is dropped silently: it is there, removed, with a reason. */
          else if (px_document_get_format (document) == PX_FORMAT_TEXT &&
                   !in_kinds (document, text, 1u << PX_BLOCK_REMOVED))
            {
              g_test_message ("%s: boilerplate line missing from the document: %.70s", name, text);
              errors++;
            }
        }
    }

  if (json_object_has_member (expect, "captions"))
    {
      JsonArray *captions = json_object_get_array_member (expect, "captions");

      for (guint i = 0; i < json_array_get_length (captions); i++)
        {
          const char *text = json_array_get_string_element (captions, i);

          if (in_kinds (document, text, KEPT_KINDS))
            {
              g_test_message ("%s: caption in the body: %.70s", name, text);
              errors++;
            }
        }
    }

  /* Every removed block says why. */
  for (guint i = 0; i < px_document_get_paragraphs (document)->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (px_document_get_paragraphs (document), i);

      if (p->kind == PX_BLOCK_REMOVED && (p->reason == NULL || *p->reason == '\0'))
        {
          g_test_message ("%s: removed without a reason: %.70s", name, p->text);
          errors++;
        }
    }

  return errors;
}

/* Every non-empty line of a text file is in the document, kept or removed. */
static guint
check_nothing_dropped (PxDocument *document,
                       const char *path,
                       const char *name)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint errors = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = collapse (lines[i]);

      if (*line != '\0' && !in_kinds (document, line, ~0u))
        {
          g_test_message ("%s: line %u dropped: %.70s", name, i + 1, line);
          errors++;
        }
    }

  return errors;
}

static void
test_corpus (gconstpointer data)
{
  const Corpus *corpus = data;
  g_autofree char *documents_dir = source_path (corpus->documents);
  g_autofree char *expect_dir = source_path (corpus->expectations);
  const char *paths[] = { documents_dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint checked = 0, errors = 0;

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->failures->len, ==, 0);

  dir = g_dir_open (expect_dir, 0, &error);
  g_assert_no_error (error);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *expect_path = g_build_filename (expect_dir, entry, NULL);
      g_autofree char *stem = NULL;
      PxDocument *document = NULL;

      if (!g_str_has_suffix (entry, ".expect.json"))
        continue;
      stem = g_strndup (entry, strlen (entry) - strlen (".expect.json"));

      for (guint i = 0; i < result->documents->len && document == NULL; i++)
        {
          PxDocument *candidate = g_ptr_array_index (result->documents, i);
          g_autofree char *base = g_path_get_basename (px_document_get_path (candidate));
          char *dot = strrchr (base, '.');

          if (dot != NULL)
            *dot = '\0';
          if (g_str_equal (base, stem))
            document = candidate;
        }
      g_assert_nonnull (document);

      g_assert_true (json_parser_load_from_file (parser, expect_path, &error));
      g_assert_no_error (error);

      errors += check_document (document, json_node_get_object (json_parser_get_root (parser)), stem);
      if (px_document_get_format (document) == PX_FORMAT_TEXT)
        errors += check_nothing_dropped (document, px_document_get_path (document), stem);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 5);
  g_assert_cmpuint (errors, ==, 0);
}

#define SITE_LINE "The Harbour Gazette is printed in Kelby and delivered before seven."

/* The same lines in several documents of one site are its furniture: a
 * line the others share is removed even where it looks like prose and
 * occurs once, in the middle of the article. */
static PxDocument *
parse_with_siblings (guint n_siblings)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PxDocument *document;

  for (guint i = 0; i < n_siblings; i++)
    {
      g_autofree char *sibling = g_strdup_printf ("Storm number %u closes the harbour road\n\n"
                                                  "The storm closed the harbour road for %u hours on Monday, "
                                                  "the port authority said, and boats stayed in.\n\n%s\n\n"
                                                  "Fishermen said the waves were the highest they had seen "
                                                  "since the winter of %u, when the pier was damaged.\n",
                                                  i + 1, i + 5, SITE_LINE, 1990 + i);
      g_autoptr(GBytes) sibling_bytes = g_bytes_new_take (g_steal_pointer (&sibling), strlen (sibling));
      g_autofree char *name = g_strdup_printf ("storm-%u.txt", i);

      g_assert_true (px_parser_prepare_bytes (parser, sibling_bytes, name, &error));
    }

  text = g_strdup ("Harbour reopens after the storm\n\n"
                   "The harbour reopened on Thursday after three days, the port "
                   "authority said, and the first ferry left at noon.\n\n" SITE_LINE "\n\n"
                   "Traders at the fish market said they had lost a week of sales "
                   "and asked the council for help with the repairs.\n");
  bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  document = px_parser_parse_bytes (parser, bytes, "reopens.txt", &error);
  g_assert_no_error (error);

  return document;
}

static void
test_site_wide_lines (void)
{
  g_autoptr(PxDocument) alone = parse_with_siblings (0);
  g_autoptr(PxDocument) shared = parse_with_siblings (3);

  /* Alone, the line is prose inside the article; shared, it is furniture. */
  g_assert_true (in_kinds (alone, SITE_LINE, KEPT_KINDS));
  g_assert_false (in_kinds (shared, SITE_LINE, KEPT_KINDS));
  g_assert_true (in_kinds (shared, SITE_LINE, 1u << PX_BLOCK_REMOVED));
  g_assert_cmpuint (px_document_get_n_kept (shared), ==, 2);
  g_assert_cmpstr (px_document_get_title (shared), ==, "Harbour reopens after the storm");
}

static PxDocument *
document_named (PxLoadResult *result,
                const char   *name)
{
  for (guint i = 0; i < result->documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (result->documents, i);

      if (g_str_has_suffix (px_document_get_path (document), name))
        return document;
    }

  return NULL;
}

static const GError *
failure_for (PxLoadResult *result,
             const char   *name)
{
  for (guint i = 0; i < result->failures->len; i++)
    {
      const GError *error = g_ptr_array_index (result->failures, i);

      if (strstr (error->message, name) != NULL)
        return error;
    }

  return NULL;
}

/* A folder of bad files, imported as a user would: each bad file is one
 * failure naming it and the reason; every file that can be read is. */
static void
test_hostile_folder (void)
{
  g_autofree char *dir = source_path ("tests/data/hostile");
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  static const char *readable[] = {
    "utf16-le.txt", "utf16-be.txt", "utf8-bom.txt", "invalid-utf8.txt", "broken-nesting.html",
  };

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_error (failure_for (result, "empty.txt"), PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
  g_assert_error (failure_for (result, "blank.md"), PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
  g_assert_error (failure_for (result, "binary.txt"), PX_PARSE_ERROR, PX_PARSE_ERROR_BINARY);
  g_assert_error (failure_for (result, "image.html"), PX_PARSE_ERROR, PX_PARSE_ERROR_BINARY);
  g_assert_cmpuint (result->failures->len, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (readable); i++)
    {
      PxDocument *document = document_named (result, readable[i]);

      g_assert_nonnull (document);
      g_assert_cmpuint (px_document_get_n_kept (document), >, 0);
    }

  /* The same article in three encodings reads the same. */
  {
    g_autofree char *le = px_document_dup_body_text (document_named (result, "utf16-le.txt"));
    g_autofree char *be = px_document_dup_body_text (document_named (result, "utf16-be.txt"));
    g_autofree char *bom = px_document_dup_body_text (document_named (result, "utf8-bom.txt"));

    g_assert_cmpstr (le, ==, be);
    g_assert_cmpstr (le, ==, bom);
    g_assert_nonnull (strstr (le, "board’s chair"));
    g_assert_cmpstr (px_document_get_title (document_named (result, "utf16-le.txt")), ==,
                     "Wind farm approved after three-year dispute");
  }

  /* Windows-1252 is read as such: accents and guillemets survive. */
  {
    PxDocument *french = document_named (result, "windows-1252.txt");
    g_autofree char *body = px_document_dup_body_text (french);

    g_assert_cmpstr (px_document_get_title (french), ==, "Le café du port rouvre après l'incendie");
    g_assert_nonnull (strstr (body, "« Chez Mireille »"));
    g_assert_cmpstr (px_document_get_language (french), ==, "fr");
  }

  /* Broken nesting loses no text. */
  {
    g_autofree char *body = px_document_dup_body_text (document_named (result, "broken-nesting.html"));

    g_assert_nonnull (strstr (body, "Ferry fares across the strait rise by 8 percent"));
    g_assert_nonnull (strstr (body, "2 million euros"));
    g_assert_nonnull (strstr (body, "review the increase"));
  }
}

int
main (int   argc,
      char *argv[])
{
  static const Corpus fixtures = { "tests/data/text", "tests/data/text" };
  static const Corpus sample = { "data/sample", "tests/data/sample-expect" };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/Px/Parser/fixtures", &fixtures, test_corpus);
  g_test_add_data_func ("/Px/Parser/sample-archive", &sample, test_corpus);
  g_test_add_func ("/Px/Parser/site-wide-lines", test_site_wide_lines);
  g_test_add_func ("/Px/Parser/hostile-folder", test_hostile_folder);

  return g_test_run ();
}
