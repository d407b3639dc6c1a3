/* test-archive.c: the archive store, its import, its models
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "px-core.h"

PxArchive *_px_archive_create_at_version (GFile *folder, int version, GError **error);

static char *
fixtures (const char *folder)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", folder, NULL);
}

static char *
make_tmp (void)
{
  return g_dir_make_tmp ("px-archive-XXXXXX", NULL);
}

static PxArchive *
new_archive (char **out_dir)
{
  g_autofree char *dir = make_tmp ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PxArchive *archive = px_archive_create (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (archive);
  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);

  return archive;
}

static PxArchive *
reopen (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PxArchive *archive = px_archive_open (folder, &error);

  g_assert_no_error (error);
  return archive;
}

static PxImportResult *
import_paths (PxArchive  *archive,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PxImportResult *result;
  va_list args;

  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (paths, (gpointer) p);
  va_end (args);
  g_ptr_array_add (paths, NULL);

  result = px_archive_import (archive, (const char * const *) paths->pdata, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static const PxDocumentSummary *
find_row (GPtrArray  *rows,
          const char *title_prefix)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PxDocumentSummary *row = g_ptr_array_index (rows, i);

      if (row->title != NULL && g_str_has_prefix (row->title, title_prefix))
        return row;
    }

  g_error ("no row titled “%s…”", title_prefix);
  return NULL;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *text = fixtures ("text");
  g_autoptr(PxArchive) archive = new_archive (&dir);
  g_autoptr(PxImportResult) result = import_paths (archive, text, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { text, NULL };
  g_autoptr(PxLoadResult) direct = px_loader_load (paths, NULL, NULL, NULL, &error);

  g_assert_cmpuint (result->imported, ==, 13);
  g_assert_cmpuint (result->duplicates, ==, 0);
  g_assert_cmpuint (result->failures->len, ==, 0);
  g_assert_cmpuint (px_archive_get_n_documents (archive), ==, 13);

  rows = px_archive_list (archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 13);

  /* Each stored document is the parse, and its original the same bytes. */
  for (guint i = 0; i < direct->documents->len; i++)
    {
      PxDocument *expected = g_ptr_array_index (direct->documents, i);
      g_autoptr(PxDocument) stored = px_archive_load_document (archive, px_document_get_id (expected), &error);
      g_autoptr(GFile) original = px_archive_get_original (archive, px_document_get_id (expected));
      g_autoptr(GBytes) bytes = g_file_load_bytes (original, NULL, NULL, &error);
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_autofree char *a = px_document_dup_body_text (expected);
      g_autofree char *b = px_document_dup_body_text (stored);

      g_assert_no_error (error);
      g_assert_cmpstr (sum, ==, px_document_get_id (expected));
      g_assert_cmpstr (px_document_get_title (stored), ==, px_document_get_title (expected));
      g_assert_cmpstr (px_document_get_outlet (stored), ==, px_document_get_outlet (expected));
      g_assert_cmpstr (px_document_get_published (stored), ==, px_document_get_published (expected));
      g_assert_cmpint (px_document_get_field_source (stored, PX_FIELD_TITLE), ==,
                       px_document_get_field_source (expected, PX_FIELD_TITLE));
      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (px_document_get_paragraphs (stored)->len, ==, px_document_get_paragraphs (expected)->len);
      g_assert_cmpuint (px_document_get_figures (stored)->len, ==, px_document_get_figures (expected)->len);
      g_assert_cmpuint (px_document_get_dates (stored)->len, ==, px_document_get_dates (expected)->len);
      /* Sentences are not stored but found again from the offsets. */
      for (guint j = 0; j < px_document_get_figures (stored)->len; j++)
        g_assert_cmpstr (((PxFigure *) px_document_get_figures (stored)->pdata[j])->sentence, ==,
                         ((PxFigure *) px_document_get_figures (expected)->pdata[j])->sentence);
      for (guint j = 0; j < px_document_get_dates (stored)->len; j++)
        g_assert_cmpstr (((PxDateMention *) px_document_get_dates (stored)->pdata[j])->sentence, ==,
                         ((PxDateMention *) px_document_get_dates (expected)->pdata[j])->sentence);
    }

  /* Reopened, all is there. */
  {
    g_autoptr(PxArchive) again = reopen (dir);

    g_assert_cmpuint (px_archive_get_n_documents (again), ==, 13);
    g_assert_cmpint (px_archive_get_schema_version (again), ==, 6);
  }
}

static void
test_duplicates_and_failures (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *src = make_tmp ();
  g_autofree char *good1 = g_build_filename (src, "a.txt", NULL);
  g_autofree char *copy = g_build_filename (src, "a-copy.txt", NULL);
  g_autofree char *bad = g_build_filename (src, "b.txt", NULL);
  g_autofree char *good2 = g_build_filename (src, "c.txt", NULL);
  g_autoptr(PxArchive) archive = new_archive (&dir);
  const char *article = "Bridge reopens\n\nThe old bridge over the Lune reopened on Friday after two years "
                        "of repairs, the county council said.\n";

  g_assert_true (g_file_set_contents (good1, article, -1, NULL));
  g_assert_true (g_file_set_contents (copy, article, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "\x01\x02\x03\0\0\0\xff", 7, NULL));
  g_assert_true (g_file_set_contents (good2, "Ferry cancelled\n\nThe morning ferry to the island was cancelled "
                                             "because of high winds, the operator said.\n", -1, NULL));

  {
    g_autoptr(PxImportResult) first = import_paths (archive, src, NULL);
    const GError *failure;

    /* The same bytes under two names are one document. */
    g_assert_cmpuint (first->imported, ==, 2);
    g_assert_cmpuint (first->duplicates, ==, 1);
    /* The bad file in the middle is reported; the files after it came in. */
    g_assert_cmpuint (first->failures->len, ==, 1);
    failure = g_ptr_array_index (first->failures, 0);
    g_assert_error (failure, PX_PARSE_ERROR, PX_PARSE_ERROR_BINARY);
    g_assert_nonnull (strstr (failure->message, "b.txt"));
  }

  {
    g_autoptr(PxImportResult) second = import_paths (archive, good1, good2, NULL);

    g_assert_cmpuint (second->imported, ==, 0);
    g_assert_cmpuint (second->duplicates, ==, 2);
  }

  g_assert_cmpuint (px_archive_get_n_documents (archive), ==, 2);
}

static void
test_corrections_survive (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *text = fixtures ("text");
  g_autoptr(PxArchive) archive = new_archive (&dir);
  g_autoptr(PxImportResult) result = import_paths (archive, text, NULL);
  g_autoptr(GPtrArray) rows = px_archive_list (archive, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (find_row (rows, "Fourteen votes")->id);
  g_autoptr(PxDocument) before = px_archive_load_document (archive, id, &error);
  guint removed = 0;

  /* Correct the outlet and the date; move the first removed line into the body. */
  g_assert_true (px_archive_set_correction (archive, id, PX_FIELD_OUTLET, "Dunmarrow Post", &error));
  g_assert_true (px_archive_set_correction (archive, id, PX_FIELD_PUBLISHED, "2022-05-07", &error));
  for (guint i = 0; i < px_document_get_paragraphs (before)->len; i++)
    if (((PxParagraph *) px_document_get_paragraphs (before)->pdata[i])->kind == PX_BLOCK_REMOVED)
      {
        removed = i;
        break;
      }
  g_assert_true (px_archive_set_paragraph_kept (archive, id, removed, TRUE, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(PxArchive) current = NULL;
      g_autoptr(PxDocument) document = NULL;
      g_autoptr(GPtrArray) outlets = NULL;
      const PxParagraph *moved;

      /* 0: as is; 1: re-opened and every document re-parsed; 2: the
       * same files imported again. */
      current = reopen (dir);
      if (round == 1)
        g_assert_cmpuint (px_archive_reparse (current, TRUE, NULL, &error), ==, 13);
      if (round == 2)
        {
          g_autoptr(PxImportResult) again = import_paths (current, text, NULL);

          g_assert_cmpuint (again->duplicates, ==, 13);
        }
      g_assert_no_error (error);

      document = px_archive_load_document (current, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_outlet (document), ==, "Dunmarrow Post");
      g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_OUTLET), ==, PX_SOURCE_USER);
      g_assert_cmpstr (px_document_get_published (document), ==, "2022-05-07");
      /* The parsed title is untouched and keeps its source. */
      g_assert_cmpstr (px_document_get_title (document), ==, px_document_get_title (before));
      g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_TITLE), !=, PX_SOURCE_USER);
      moved = g_ptr_array_index (px_document_get_paragraphs (document), removed);
      g_assert_cmpint (moved->kind, ==, PX_BLOCK_BODY);

      /* The list and the outlets see the correction too. */
      outlets = px_archive_list_outlets (current, &error);
      g_assert_no_error (error);
      {
        g_autoptr(GPtrArray) listed = px_archive_list (current, "Dunmarrow Post", &error);

        g_assert_cmpuint (listed->len, ==, 1);
        g_assert_cmpstr (((PxDocumentSummary *) listed->pdata[0])->id, ==, id);
      }
    }

  /* Clearing the correction brings the parsed value back. */
  g_assert_true (px_archive_set_correction (archive, id, PX_FIELD_OUTLET, NULL, &error));
  {
    g_autoptr(PxDocument) restored = px_archive_load_document (archive, id, &error);

    g_assert_cmpstr (px_document_get_outlet (restored), ==, px_document_get_outlet (before));
    g_assert_cmpint (px_document_get_field_source (restored, PX_FIELD_OUTLET), !=, PX_SOURCE_USER);
  }
}

static void
test_search (void)
{
  g_autofree char *src = make_tmp ();
  g_autofree char *file = g_build_filename (src, "cafe.txt", NULL);
  g_autofree char *sample = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "data", "sample", NULL);
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportResult) r1 = NULL;
  g_autoptr(PxImportResult) r2 = NULL;

  g_assert_true (g_file_set_contents (file, "Café Hodžić reopens in Sarajevo\n\n"
                                            "The Café Hodžić on the river reopened on Monday, and its owner "
                                            "Amra Hodžić said the espresso machine survived the flood.\n", -1, NULL));
  r1 = import_paths (archive, file, NULL);
  r2 = import_paths (archive, sample, NULL);

  /* Diacritics and case are folded both ways. */
  {
    g_autoptr(GPtrArray) hits = px_archive_search (archive, "cafe hodzic", 10, &error);
    const PxSearchHit *hit;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    hit = g_ptr_array_index (hits, 0);
    g_assert_cmpstr (hit->title, ==, "Café Hodžić reopens in Sarajevo");
    g_assert_nonnull (strstr (hit->snippet, PX_SNIPPET_OPEN "Hodžić" PX_SNIPPET_CLOSE));
  }
  {
    g_autoptr(GPtrArray) hits = px_archive_search (archive, "CAFÉ ESPRESSO", 10, &error);

    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* A phrase, and the ranking: a title match first. */
  {
    g_autoptr(GPtrArray) phrase = px_archive_search (archive, "\"Brannock Dam breach\"", 10, &error);
    g_autoptr(GPtrArray) words = px_archive_search (archive, "spillway", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (phrase->len, >=, 1);
    g_assert_true (g_str_has_prefix (((PxSearchHit *) phrase->pdata[0])->title, "Brannock Dam breach"));
    g_assert_cmpuint (words->len, >=, 2);
  }

  /* What FTS5 would take as syntax is taken as words: no error. */
  {
    g_autoptr(GPtrArray) odd = px_archive_search (archive, "AND ( \" NEAR*", 10, &error);

    g_assert_no_error (error);
    g_assert_nonnull (odd);
  }
}

static void
test_migration (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *db_path = g_build_filename (dir, "parallax.db", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* A version-1 archive, as the first Parallax wrote it, with a document. */
  {
    g_autoptr(PxArchive) old = _px_archive_create_at_version (folder, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (px_archive_get_schema_version (old), ==, 1);
  }
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO documents (id, path, original, format, size, imported, parser_version, title, outlet, published, parsed)"
    " VALUES ('abc', '/old/a.txt', 'originals/ab/abc.txt', 'text', 10, '2026-01-01T00:00:00Z', 1,"
    "  'An old title', 'Old Outlet', '2020-01-01',"
    "  '{\"id\":\"abc\",\"path\":\"/old/a.txt\",\"format\":\"text\",\"title\":\"An old title\",\"outlet\":\"Old Outlet\","
    "    \"published\":\"2020-01-01\",\"authors\":[],\"paragraphs\":[{\"kind\":\"body\",\"text\":\"Old words.\"}]}');"
    "INSERT INTO search (rowid, title, outlet, authors, body) VALUES (1, 'An old title', 'Old Outlet', NULL, 'Old words.');"
    "INSERT INTO corrections (document, field, value, edited) VALUES ('abc', 'title', 'A corrected title', 'x');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Opening it upgrades it, and keeps the document and the correction. */
  {
    g_autoptr(PxArchive) archive = px_archive_open (folder, &error);
    g_autoptr(GPtrArray) rows = NULL;
    g_autoptr(PxDocument) document = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (px_archive_get_schema_version (archive), ==, 6);
    rows = px_archive_list (archive, NULL, &error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (((PxDocumentSummary *) rows->pdata[0])->title, ==, "A corrected title");
    document = px_archive_load_document (archive, "abc", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (px_document_get_outlet (document), ==, "Old Outlet");
    /* What version 2 added works. */
    g_assert_true (px_archive_add_tag (archive, "abc", "flood", &error));
    g_assert_true (px_archive_set_note (archive, "abc", "check the toll", &error));
    g_assert_no_error (error);
    /* And what version 3 added: the state of views, and tags by document. */
    g_assert_true (px_archive_add_tag (archive, "abc", "dam", &error));
    g_assert_true (px_archive_set_view_state (archive, "timeline", "1 2", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(PxArchive) archive = px_archive_open (folder, &error);
    g_autoptr(GHashTable) tags = px_archive_get_document_tags (archive, &error);
    g_autofree char *state = px_archive_get_view_state (archive, "timeline");
    g_autofree char *missing = px_archive_get_view_state (archive, "nothing");
    const char * const *abc;

    g_assert_no_error (error);
    g_assert_cmpstr (state, ==, "1 2");
    g_assert_null (missing);
    abc = g_hash_table_lookup (tags, "abc");
    g_assert_nonnull (abc);
    g_assert_cmpstr (abc[0], ==, "dam");
    g_assert_cmpstr (abc[1], ==, "flood");
    g_assert_null (abc[2]);
    g_assert_true (px_archive_set_view_state (archive, "timeline", NULL, &error));
    g_clear_pointer (&state, g_free);
    state = px_archive_get_view_state (archive, "timeline");
    g_assert_null (state);
  }

  /* An archive from a newer Parallax is refused, not damaged. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(PxArchive) newer = px_archive_open (folder, &error);

    g_assert_null (newer);
    g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_TOO_NEW);
  }
}

/* An archive as the last offline Parallax (schema 5) left it: it opens,
 * gains the online tables, and keeps its documents listed, searchable and
 * edited as they were. */
static void
test_migration_v5 (void)
{
  g_autofree char *dir = make_tmp ();
  g_autofree char *db_path = g_build_filename (dir, "parallax.db", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(PxArchive) old = _px_archive_create_at_version (folder, 5, &error);

    g_assert_no_error (error);
    g_assert_cmpint (px_archive_get_schema_version (old), ==, 5);
  }
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO documents (id, path, original, format, size, imported, parser_version, title, outlet, published,"
    "  url, language, parsed)"
    " VALUES ('d5', '/old/ferry.html', 'originals/d5/d5.html', 'html', 10, '2026-02-01T00:00:00Z', 1,"
    "  'Ferry strike ends', 'Harbour Gazette', '2026-01-30', 'https://gazette.invalid/ferry', 'en',"
    "  '{\"id\":\"d5\",\"path\":\"/old/ferry.html\",\"format\":\"html\",\"title\":\"Ferry strike ends\","
    "    \"outlet\":\"Harbour Gazette\",\"published\":\"2026-01-30\",\"url\":\"https://gazette.invalid/ferry\","
    "    \"authors\":[],\"paragraphs\":[{\"kind\":\"body\",\"text\":\"The ferries sail again.\"}]}');"
    "INSERT INTO search (rowid, title, outlet, authors, body) VALUES (1, 'Ferry strike ends', 'Harbour Gazette', NULL,"
    "  'The ferries sail again.');"
    "INSERT INTO tags (document, tag) VALUES ('d5', 'strikes');"
    "INSERT INTO notes (document, text, edited) VALUES ('d5', 'ask the union', 'x');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(PxArchive) archive = px_archive_open (folder, &error);
    g_autoptr(GPtrArray) rows = NULL;
    g_autoptr(GPtrArray) hits = NULL;
    g_autoptr(GPtrArray) tags = NULL;
    g_autoptr(GPtrArray) sources = NULL;
    g_autoptr(GPtrArray) revisions = NULL;
    g_autoptr(GPtrArray) inbox = NULL;
    const PxRevision *revision;

    g_assert_no_error (error);
    g_assert_cmpint (px_archive_get_schema_version (archive), ==, 6);
    g_assert_cmpuint (px_archive_get_n_documents (archive), ==, 1);
    rows = px_archive_list (archive, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    hits = px_archive_search (archive, "ferries", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    tags = px_archive_list_tags (archive, &error);
    g_assert_cmpuint (tags->len, ==, 1);
    g_assert_cmpuint (((PxOutletCount *) tags->pdata[0])->count, ==, 1);

    /* No source until a refresh finds the page's URL or one is added. */
    sources = px_archive_list_sources (archive, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sources->len, ==, 0);
    inbox = px_archive_list_inbox (archive, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (inbox->len, ==, 0);

    /* A document never revised is its only version. */
    revisions = px_archive_list_revisions (archive, "d5", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (revisions->len, ==, 1);
    revision = g_ptr_array_index (revisions, 0);
    g_assert_cmpstr (revision->document, ==, "d5");
    g_assert_cmpuint (revision->number, ==, 1);
    g_assert_cmpstr (revision->url, ==, "https://gazette.invalid/ferry");
    g_assert_cmpstr (revision->fetched, ==, "2026-02-01T00:00:00Z");
  }
}

/* Sources and the inbox, without the network: what the refresher stores
 * through its connection, the user lists, dismisses and removes. */
static void
test_sources_and_inbox (void)
{
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_item_free);
  PxArchiveConnection *connection;
  PxFeedItem *item;
  guint added = 0;

  g_assert_true (px_archive_add_source (archive, PX_SOURCE_FEED, "http://127.0.0.1:9/news.xml", "Valley Wire", &error));
  g_assert_true (px_archive_add_source (archive, PX_SOURCE_PAGE, "http://127.0.0.1:9/article", NULL, &error));
  g_assert_no_error (error);
  /* Added again: its title changes, nothing else. */
  g_assert_true (px_archive_add_source (archive, PX_SOURCE_FEED, "http://127.0.0.1:9/news.xml", "Valley Wire (all)", &error));
  g_assert_false (px_archive_add_source (archive, PX_SOURCE_FEED, "file:///etc/passwd", NULL, &error));
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "file:///etc/passwd"));
  g_clear_error (&error);
  /* An address every refresh would fail on: no host. */
  g_assert_false (px_archive_add_source (archive, PX_SOURCE_FEED, "http://", NULL, &error));
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The scheme in capitals is still the web. */
  g_assert_true (px_archive_add_source (archive, PX_SOURCE_FEED, "HTTP://127.0.0.1:9/caps.xml", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (px_archive_remove_source (archive, "HTTP://127.0.0.1:9/caps.xml", &error));

  /* Three items: one new, one with the same link (not news twice), one
   * without a link (nothing to accept). */
  item = g_new0 (PxFeedItem, 1);
  item->id = g_strdup ("urn:item:1");
  item->link = g_strdup ("http://127.0.0.1:9/first");
  item->title = g_strdup ("Levee holds at Orrin Ford");
  item->published = g_strdup ("2026-11-20T08:15:00Z");
  g_ptr_array_add (items, item);
  item = g_new0 (PxFeedItem, 1);
  item->id = g_strdup ("urn:item:2");
  item->link = g_strdup ("http://127.0.0.1:9/first");
  g_ptr_array_add (items, item);
  item = g_new0 (PxFeedItem, 1);
  item->id = g_strdup ("urn:item:3");
  item->title = g_strdup ("No link");
  g_ptr_array_add (items, item);

  connection = _px_archive_connect (archive, &error);
  g_assert_no_error (error);
  g_assert_true (_px_archive_connection_add_items (connection, "http://127.0.0.1:9/news.xml", items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  /* Seen before: not again. */
  g_assert_true (_px_archive_connection_add_items (connection, "http://127.0.0.1:9/news.xml", items, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  _px_archive_connection_close (connection);

  sources = px_archive_list_sources (archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (((PxSourceInfo *) sources->pdata[0])->url, ==, "http://127.0.0.1:9/article");
  g_assert_cmpint (((PxSourceInfo *) sources->pdata[0])->kind, ==, PX_SOURCE_PAGE);
  g_assert_cmpstr (((PxSourceInfo *) sources->pdata[1])->title, ==, "Valley Wire (all)");
  g_assert_cmpuint (((PxSourceInfo *) sources->pdata[1])->n_inbox, ==, 1);

  inbox = px_archive_list_inbox (archive, &error);
  g_assert_cmpuint (inbox->len, ==, 1);
  {
    const PxInboxItem *waiting = g_ptr_array_index (inbox, 0);

    g_assert_cmpstr (waiting->title, ==, "Levee holds at Orrin Ford");
    g_assert_cmpstr (waiting->feed_title, ==, "Valley Wire (all)");
    g_assert_cmpint (waiting->state, ==, PX_INBOX_NEW);
    g_assert_true (px_archive_dismiss_inbox_item (archive, waiting->id, &error));
    g_assert_no_error (error);
    /* Once only. */
    g_assert_false (px_archive_dismiss_inbox_item (archive, waiting->id, &error));
    g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_clear_pointer (&inbox, g_ptr_array_unref);
  inbox = px_archive_list_inbox (archive, &error);
  g_assert_cmpuint (inbox->len, ==, 0);

  /* Removing: the feed goes, the page stops being refreshed; neither is
   * listed, and a source that is not there is an error. */
  g_assert_true (px_archive_remove_source (archive, "http://127.0.0.1:9/news.xml", &error));
  g_assert_true (px_archive_remove_source (archive, "http://127.0.0.1:9/article", &error));
  g_assert_no_error (error);
  g_assert_false (px_archive_remove_source (archive, "http://127.0.0.1:9/article", &error));
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = px_archive_list_sources (archive, &error);
  g_assert_cmpuint (sources->len, ==, 0);

  /* Added again, the page is back. */
  g_assert_true (px_archive_add_source (archive, PX_SOURCE_PAGE, "http://127.0.0.1:9/article", NULL, &error));
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = px_archive_list_sources (archive, &error);
  g_assert_cmpuint (sources->len, ==, 1);
}

static void
test_not_an_archive (void)
{
  g_autofree char *dir = make_tmp ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxArchive) archive = px_archive_open (folder, &error);

  g_assert_null (archive);
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_AN_ARCHIVE);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_false (px_archive_is_archive (folder));
}

/* Writes @n small distinct documents into a new folder. */
static char *
generate (guint n)
{
  g_autofree char *dir = make_tmp ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/doc-%05u.txt", dir, i);
      g_autofree char *text = g_strdup_printf ("Harbour report number %u\n\n"
                                               "The harbour master said that %u boats came in on day %u, "
                                               "and that the quay would be repaired before the winter.\n\n"
                                               "Fishermen said the catch had been good for the season.\n",
                                               i, i % 50 + 3, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }

  return g_steal_pointer (&dir);
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("PARALLAX_CLI");

  return cli != NULL ? cli : "parallax-cli";
}

/* A process killed in the middle of an import leaves an archive that opens,
 * in which every document is whole, and importing again finishes the job. */
static void
test_killed_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *src = generate (1500);
  g_autofree char *db_path = NULL;
  g_autoptr(PxArchive) archive = new_archive (&dir);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli_path (), "import", "--archive", dir, src, NULL };
  GPid pid;
  guint before;
  int status;

  g_clear_object (&archive);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* Let it write some documents, then kill it with no chance to clean up. */
  db_path = g_build_filename (dir, "parallax.db", NULL);
  for (guint waited = 0; waited < 3000; waited += 10)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      int count = 0;

      g_usleep (10 * 1000);
      if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
          sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM documents", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      if (count >= 20)
        break;
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  archive = reopen (dir);
  before = px_archive_get_n_documents (archive);
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (before, <, 1500);

  /* Whole: the database is sound, every row loads, every original is there
   * with the bytes its name promises. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  {
    g_autoptr(GPtrArray) rows = px_archive_list (archive, NULL, &error);

    g_assert_cmpuint (rows->len, ==, before);
    for (guint i = 0; i < rows->len; i++)
      {
        const PxDocumentSummary *row = g_ptr_array_index (rows, i);
        g_autoptr(PxDocument) document = px_archive_load_document (archive, row->id, &error);
        g_autoptr(GFile) original = px_archive_get_original (archive, row->id);
        g_autoptr(GBytes) bytes = g_file_load_bytes (original, NULL, NULL, &error);
        g_autofree char *sum = NULL;

        g_assert_no_error (error);
        g_assert_cmpuint (px_document_get_n_kept (document), >, 0);
        sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
        g_assert_cmpstr (sum, ==, row->id);
      }
  }

  /* Importing again finishes the job. */
  {
    g_autoptr(PxImportResult) again = import_paths (archive, src, NULL);

    g_assert_cmpuint (again->duplicates, ==, before);
    g_assert_cmpuint (again->imported, ==, 1500 - before);
    g_assert_cmpuint (px_archive_get_n_documents (archive), ==, 1500);
  }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *calls)
{
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static void
test_document_list (void)
{
  g_autofree char *sample = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "data", "sample", NULL);
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(PxImportResult) result = import_paths (archive, sample, NULL);
  g_autoptr(PxDocumentList) list = px_document_list_new (archive);
  guint calls[4] = { 0 };
  PxDocumentInfo *info;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PX_TYPE_DOCUMENT_INFO);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), calls);

  /* Filtering is one change: everything out, the matches in. */
  px_document_list_set_outlet (list, "Cadrelle Gazette");
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, 0);
  g_assert_cmpuint (calls[2], ==, 8);
  g_assert_cmpuint (calls[3], ==, 1);
  info = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (px_document_info_get_outlet (info), ==, "Cadrelle Gazette");
  g_assert_null (px_document_info_get_snippet (info));
  g_assert_cmpint (px_document_list_find (list, px_document_info_get_id (info)), ==, 0);
  g_object_unref (info);

  /* Setting the same filter again changes nothing. */
  px_document_list_set_outlet (list, "Cadrelle Gazette");
  g_assert_cmpuint (calls[0], ==, 1);

  /* A query within the outlet, then across all outlets. */
  px_document_list_set_query (list, "shovels");
  g_assert_cmpuint (calls[0], ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  info = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (strstr (px_document_info_get_snippet (info), PX_SNIPPET_OPEN "shovels" PX_SNIPPET_CLOSE));
  g_object_unref (info);

  px_document_list_set_outlet (list, NULL);
  px_document_list_set_query (list, "spillway");
  g_assert_cmpuint (calls[0], ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 2);

  px_document_list_set_query (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 8));

  /* Newest first by default; by title on request. */
  info = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (px_document_info_get_published (info), ==, "2024~");
  g_object_unref (info);
  px_document_list_set_sort (list, PX_SORT_TITLE);
  info = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (g_str_has_prefix (px_document_info_get_title (info), "5 years"));
  g_object_unref (info);

  /* A date range by EDTF prefixes: the coverage of 2019. */
  px_document_list_set_date_range (list, "2019", "2019");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  px_document_list_set_date_range (list, "2019-03-16", "2020");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  px_document_list_set_date_range (list, NULL, NULL);

  /* A tag. */
  {
    g_autoptr(GError) error = NULL;

    info = g_list_model_get_item (G_LIST_MODEL (list), 2);
    g_assert_true (px_archive_add_tag (archive, px_document_info_get_id (info), "checked", &error));
    g_assert_no_error (error);
    px_document_list_set_tag (list, "checked");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    {
      g_autoptr(GPtrArray) tags = px_archive_list_tags (archive, &error);

      g_assert_cmpuint (tags->len, ==, 1);
      g_assert_cmpstr (((PxOutletCount *) tags->pdata[0])->outlet, ==, "checked");
      g_assert_cmpuint (((PxOutletCount *) tags->pdata[0])->count, ==, 1);
    }
    g_object_unref (info);
    px_document_list_set_tag (list, NULL);
  }

  g_assert_finalize_object (g_steal_pointer (&list));
}

static GThread *main_thread;
static guint progress_last_done;
static guint progress_at_finish;

static void
import_progress (guint    done,
                 guint    total,
                 gpointer data)
{
  guint *last = data;

  /* Progress runs where the caller is, never in the worker. */
  g_assert_true (g_thread_self () == main_thread);

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
  progress_last_done = done;
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  PxImportResult **out = data;
  g_autoptr(GError) error = NULL;

  *out = px_archive_import_finish (PX_ARCHIVE (source), result, &error);
  g_assert_no_error (error);
  progress_at_finish = progress_last_done;
}

static void
test_import_async (void)
{
  g_autofree char *sample = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "data", "sample", NULL);
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(PxImportResult) result = NULL;
  const char *paths[] = { sample, NULL };
  guint progress[2] = { 0 };

  main_thread = g_thread_self ();
  px_archive_import_async (archive, paths, NULL, import_progress, progress, import_done, &result);
  /* While this thread is busy elsewhere and not iterating, the worker must
   * still not run the progress callback itself. */
  g_usleep (G_USEC_PER_SEC / 5);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (result->imported, ==, 8);
  g_assert_cmpuint (progress[1], >, 0);
  g_assert_cmpuint (progress[0], ==, progress[1]);
  /* Every report came before the result: a caller may free what the
   * reports use in its callback. */
  g_assert_cmpuint (progress_at_finish, ==, progress[1]);
}

static void
test_import_cancelled (void)
{
  g_autofree char *src = generate (200);
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportResult) result = NULL;
  const char *paths[] = { src, NULL };

  g_cancellable_cancel (cancellable);
  result = px_archive_import (archive, paths, cancellable, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (px_archive_get_n_documents (archive), ==, 0);
}

/* A search gives snippets to its first rows at once, and to the others when
 * a view asks for them. */
static void
test_snippets_on_demand (void)
{
  g_autofree char *src = generate (120);
  g_autoptr(PxArchive) archive = new_archive (NULL);
  g_autoptr(PxImportResult) result = import_paths (archive, src, NULL);
  g_autoptr(PxDocumentList) list = px_document_list_new (archive);
  g_autoptr(GError) error = NULL;
  PxQuery query = { .text = "quay", .sort = PX_SORT_RELEVANCE };
  g_autoptr(GPtrArray) rows = px_archive_query (archive, &query, &error);
  PxDocumentInfo *info;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 120);
  g_assert_nonnull (((PxDocumentSummary *) rows->pdata[0])->snippet);
  g_assert_null (((PxDocumentSummary *) rows->pdata[100])->snippet);

  px_document_list_set_query (list, "quay");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 120);
  info = g_list_model_get_item (G_LIST_MODEL (list), 100);
  g_assert_nonnull (strstr (px_document_info_get_snippet (info), PX_SNIPPET_OPEN "quay" PX_SNIPPET_CLOSE));
  g_object_unref (info);

  /* parallax-cli's search ranks too, every hit with its snippet. */
  {
    g_autoptr(GPtrArray) hits = px_archive_search (archive, "quay repaired", 100, &error);

    g_assert_cmpuint (hits->len, ==, 100);
    for (guint i = 0; i < hits->len; i++)
      {
        const PxSearchHit *hit = g_ptr_array_index (hits, i);

        g_assert_nonnull (hit->snippet);
        g_assert_cmpfloat (hit->rank, ==, i + 1);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Archive/round-trip", test_round_trip);
  g_test_add_func ("/Px/Archive/duplicates-and-failures", test_duplicates_and_failures);
  g_test_add_func ("/Px/Archive/corrections-survive", test_corrections_survive);
  g_test_add_func ("/Px/Archive/search", test_search);
  g_test_add_func ("/Px/Archive/migration", test_migration);
  g_test_add_func ("/Px/Archive/migration-v5", test_migration_v5);
  g_test_add_func ("/Px/Archive/sources-and-inbox", test_sources_and_inbox);
  g_test_add_func ("/Px/Archive/not-an-archive", test_not_an_archive);
  g_test_add_func ("/Px/Archive/killed-import", test_killed_import);
  g_test_add_func ("/Px/Archive/document-list", test_document_list);
  g_test_add_func ("/Px/Archive/import-async", test_import_async);
  g_test_add_func ("/Px/Archive/import-cancelled", test_import_cancelled);
  g_test_add_func ("/Px/Archive/snippets-on-demand", test_snippets_on_demand);

  return g_test_run ();
}
