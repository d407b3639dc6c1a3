/* test-seeds.c: the reference corpus beside the checkout (../shared/seeds)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seeds are real scraped pages; the project does not copy them. These
 * expectations name lines by number, so the test holds the parser to the
 * pages without quoting them: the title is line N, the article is exactly
 * lines A, B, C… in order, and nothing else is in the body. The test skips
 * when the folder is not there.
 */

#include "config.h"

#include <string.h>

#include "px-core.h"

typedef struct
{
  const char  *prefix;        /* the file name starts with it */
  guint        title;         /* line of the headline */
  guint        subtitle;      /* 0: none */
  const char  *outlet;        /* compared ignoring case; NULL: none */
  const char  *published;     /* EDTF; NULL: none */
  const char  *author;        /* NULL: none */
  guint        article[20];   /* the body, in order; 0-terminated */
  guint        captions[4];
} Seed;

static const Seed seeds[] = {
  { "000_", 3, 5, "TheJ.Ca", "2023~", NULL,
    { 13, 15, 17, 22, 24, 26, 28, 32, 34, 36, 40, 42, 46, 48 }, { 9, 38, 44 } },
  { "001_", 1, 0, "AZERTAC", "2022-02-28", NULL,
    { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 }, { 0 } },
  { "002_", 3, 0, NULL, NULL, NULL,
    { 6, 8, 10, 12, 14, 16, 18 }, { 0 } },
  { "003_", 3, 0, "The Muslim News", "2021-02-26", "Tahir Taghizade",
    { 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 29, 31 }, { 8 } },
  { "004_", 1, 0, NULL, "2024~", NULL,
    { 3, 5, 7, 11, 13, 15, 17, 19, 21, 23, 25 }, { 0 } },
};

static char *
seeds_dir (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");

  return dir != NULL ? g_strdup (dir) : g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "shared", "seeds", NULL);
}

static char *
find_seed (const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static char *
line_of (GStrv  lines,
         guint  n)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *copy = g_strstrip (g_strdup (lines[n - 1]));

  return g_regex_replace_literal (spaces, copy, -1, 0, " ", 0, NULL);
}

static void
test_seed (gconstpointer data)
{
  const Seed *seed = data;
  g_autofree char *dir = seeds_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) body = g_ptr_array_new ();
  const char *paths[] = { dir, NULL };
  PxDocument *document = NULL;
  GPtrArray *paragraphs;
  guint n_article = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || (path = find_seed (dir, seed->prefix)) == NULL)
    {
      g_test_skip ("the seeds folder is not there");
      return;
    }

  /* The whole folder, as a user imports it: the seeds see each other. */
  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The loader canonicalises paths ("a/../b" → "b"): compare names. */
  for (guint i = 0; i < result->documents->len; i++)
    {
      g_autofree char *a = g_path_get_basename (px_document_get_path (result->documents->pdata[i]));
      g_autofree char *b = g_path_get_basename (path);

      if (g_str_equal (a, b))
        document = result->documents->pdata[i];
    }
  g_assert_nonnull (document);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  {
    g_autofree char *title = line_of (lines, seed->title);

    g_assert_cmpstr (px_document_get_title (document), ==, title);
  }
  if (seed->subtitle != 0)
    {
      g_autofree char *subtitle = line_of (lines, seed->subtitle);

      g_assert_cmpstr (px_document_get_subtitle (document), ==, subtitle);
    }
  else
    g_assert_null (px_document_get_subtitle (document));

  if (seed->outlet != NULL)
    {
      g_assert_nonnull (px_document_get_outlet (document));
      g_assert_cmpint (g_ascii_strcasecmp (px_document_get_outlet (document), seed->outlet), ==, 0);
    }
  else
    g_assert_null (px_document_get_outlet (document));

  g_assert_cmpstr (px_document_get_published (document), ==, seed->published);
  if (seed->author != NULL)
    g_assert_cmpstr (px_document_get_authors (document)[0], ==, seed->author);

  /* The body is exactly the article, in order: no paragraph lost, no
   * boilerplate line kept. */
  paragraphs = px_document_get_paragraphs (document);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind == PX_BLOCK_BODY || p->kind == PX_BLOCK_QUOTE || p->kind == PX_BLOCK_HEADING)
        g_ptr_array_add (body, (gpointer) p);
      if (p->kind == PX_BLOCK_REMOVED)
        g_assert_nonnull (p->reason);
    }

  while (seed->article[n_article] != 0)
    n_article++;

  for (guint i = 0; i < MAX (body->len, n_article); i++)
    {
      const PxParagraph *p = i < body->len ? g_ptr_array_index (body, i) : NULL;

      if (p == NULL)
        g_error ("%s: article line %u is missing from the body", seed->prefix, seed->article[i]);
      if (i >= n_article)
        g_error ("%s: line %u is in the body but is not article: %.60s", seed->prefix, p->line, p->text);
      g_assert_cmpuint (p->line, ==, seed->article[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed->captions) && seed->captions[i] != 0; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < paragraphs->len; j++)
        {
          const PxParagraph *p = g_ptr_array_index (paragraphs, j);

          found |= p->line == seed->captions[i] && p->kind == PX_BLOCK_CAPTION;
        }
      g_assert_true (found);
    }

  /* Every line of the file is somewhere in the document. */
  {
    guint non_empty = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      non_empty += *g_strstrip (lines[i]) != '\0';
    g_assert_cmpuint (paragraphs->len, ==, non_empty);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Px/Seeds/%s", seeds[i].prefix);

      g_test_add_data_func (path, &seeds[i], test_seed);
    }

  return g_test_run ();
}
