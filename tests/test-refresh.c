/* test-refresh.c: adding URLs and feeds, refreshing, revisions, the inbox
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against px-test-server on 127.0.0.1 only, with the proxy off and no
 * delay between requests. The articles, outlets and feeds are invented.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "px-core.h"
#include "px-test-server.h"
#include "px-test-util.h"

/* ------------------------------------------------------------------ */
/* Fixtures                                                             */
/* ------------------------------------------------------------------ */

#define TOLL_SENTENCE \
  "A landslide buried the mountain road above Vessmark early on Tuesday, and at least %s people were killed, " \
  "the regional rescue service said."

/* An invented article; @toll is the figure the server may revise,
 * @curly the typography a copy desk may change without changing a word. */
static char *
landslide_page (const char *toll,
                gboolean    curly)
{
  g_autofree char *first = g_strdup_printf (TOLL_SENTENCE, toll);

  if (curly)
    {
      /* The same words: curly quotes, an em dash, a no-break space. */
      g_autofree char *nbsp = NULL;
      GString *s = g_string_new (first);

      g_string_replace (s, "early on", "early\u00a0on", 1);
      nbsp = g_string_free (s, FALSE);
      g_free (first);
      first = g_steal_pointer (&nbsp);
    }

  return g_strdup_printf (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Landslide buries road above Vessmark</title>"
    "<meta property=\"og:site_name\" content=\"Vessmark Courier\">"
    "<meta property=\"article:published_time\" content=\"2026-11-18T07:30:00Z\">"
    "</head><body>\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\n"
    "<article><h1>Landslide buries road above Vessmark</h1>\n"
    "<p>%s</p>\n"
    "<p>Rescuers searched through the night %s for drivers caught under the mud, and about 40 residents "
    "of the upper village were evacuated to the school hall.</p>\n"
    "<p>%sThe slope had been moving for weeks,%s said Orla Brenn, who leads the rescue team. The road "
    "will stay closed until the engineers have checked the hillside.</p>\n"
    "</article>\n<footer><p>Share this article on social media</p>"
    "<p>\u00a9 2026 Vessmark Courier. All rights reserved.</p></footer>\n</body></html>\n",
    first, curly ? "\u2014" : "-", curly ? "\u201c" : "\"", curly ? "\u201d" : "\"");
}

/* Other invented articles, in other languages, for feeds' items. */
static const char *other_pages[][2] = {
  { "/news/ferry",
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Le bac de Lorvain reprend du service</title>"
    "<meta property=\"og:site_name\" content=\"Vessmark Courier\"></head><body><article>"
    "<h1>Le bac de Lorvain reprend du service</h1>"
    "<p>Le bac entre Lorvain et l'île de Sarne a repris ses traversées lundi matin, après trois semaines "
    "d'arrêt dues aux tempêtes, a indiqué la compagnie.</p>"
    "<p>Près de 300 passagers ont embarqué dès le premier jour, selon le capitaine du port.</p>"
    "</article></body></html>" },
  { "/news/bridge",
    "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Reabren el puente de Calvera</title>"
    "<meta property=\"og:site_name\" content=\"Vessmark Courier\"></head><body><article>"
    "<h1>Reabren el puente de Calvera</h1>"
    "<p>El puente de Calvera volvió a abrirse al tráfico el jueves, tras dos años de obras, informó el "
    "ayuntamiento.</p><p>Unos 5.000 vehículos cruzan el puente cada día, según el informe municipal.</p>"
    "</article></body></html>" },
  { "/news/harvest",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Late frost spares the valley's orchards</title>"
    "<meta property=\"og:site_name\" content=\"Vessmark Courier\"></head><body><article>"
    "<h1>Late frost spares the valley's orchards</h1>"
    "<p>The late frost that hit the valley on Sunday night spared most of its orchards, the growers' "
    "cooperative said on Monday.</p><p>Only 3 of the 41 farms reported damage to their blossom.</p>"
    "</article></body></html>" },
};

static char *
rss_feed (PxTestServer *server,
          guint         n_items)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                             "<title>Vessmark Courier: News</title><link>");
  g_autofree char *home = px_test_server_url (server, "/");

  g_string_append_printf (s, "%s</link><description>Local news</description>\n", home);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *link = px_test_server_url (server, other_pages[i][0]);

      g_string_append_printf (s, "<item><title>Item %u</title><link>%s</link><guid>urn:courier:%u</guid>"
                                 "<pubDate>1%u Nov 2026 08:00:00 GMT</pubDate>"
                                 "<description>Summary %u</description></item>\n",
                              i, link, i, i, i);
    }
  g_string_append (s, "</channel></rss>\n");

  return g_string_free (s, FALSE);
}

typedef struct
{
  char         *dir;
  PxArchive    *archive;
  PxTestServer *server;
  PxRefresher  *refresher;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  PxFetchOptions options;

  f->dir = g_dir_make_tmp ("px-refresh-XXXXXX", NULL);
  folder = g_file_new_for_path (f->dir);
  f->archive = px_archive_create (folder, &error);
  g_assert_no_error (error);
  f->server = px_test_server_new ();

  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 0;
  options.timeout = 10;
  f->refresher = px_refresher_new (f->archive);
  px_refresher_set_options (f->refresher, &options);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->refresher);
  g_clear_object (&f->archive);
  px_test_server_free (f->server);
  px_test_drain ();
  px_test_remove_folder (f->dir);
  g_free (f->dir);
}

static PxRefreshResult *
add_urls (Fixture    *f,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PxRefreshResult *result;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (urls, px_test_server_url (f->server, path));
  va_end (args);
  g_ptr_array_add (urls, NULL);

  result = px_refresher_add_urls (f->refresher, (const char * const *) urls->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static PxRefreshResult *
refresh (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PxRefreshResult *result = px_refresher_refresh (f->refresher, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
assert_counts (const PxRefreshResult *result,
               guint                  fetched,
               guint                  not_modified,
               guint                  new_revisions,
               guint                  new_documents,
               guint                  n_failed)
{
  for (guint i = 0; i < result->failed->len; i++)
    g_test_message ("failed: %s", ((PxRefreshFailure *) result->failed->pdata[i])->error);
  g_assert_cmpuint (result->fetched, ==, fetched);
  g_assert_cmpuint (result->not_modified, ==, not_modified);
  g_assert_cmpuint (result->new_revisions, ==, new_revisions);
  g_assert_cmpuint (result->new_documents, ==, new_documents);
  g_assert_cmpuint (result->failed->len, ==, n_failed);
}

static PxSourceInfo *
find_source (PxArchive  *archive,
             const char *url)
{
  g_autoptr(GPtrArray) sources = px_archive_list_sources (archive, NULL);

  for (guint i = 0; i < sources->len; i++)
    if (g_str_equal (((PxSourceInfo *) sources->pdata[i])->url, url))
      return g_ptr_array_steal_index (sources, i);

  return NULL;
}

static GBytes *
original_bytes (PxArchive  *archive,
                const char *id)
{
  g_autoptr(GFile) file = px_archive_get_original (archive, id);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_nonnull (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return bytes;
}

static char *
sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* ------------------------------------------------------------------ */
/* Pages                                                                */
/* ------------------------------------------------------------------ */

/* A URL is fetched, parsed and imported like a file, and becomes a
 * source; the same bytes again are no new document and no failure. */
static void
test_add_url (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *id = sha256 (page);
  g_autofree char *url = px_test_server_url (f->server, "/news/landslide");
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) copy = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GError) error = NULL;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page);
  px_test_server_set (f->server, "/mirror/landslide", "text/html; charset=utf-8", page);

  added = add_urls (f, "/news/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);
  g_assert_cmpuint (added->document_ids->len, ==, 1);
  g_assert_cmpstr (added->document_ids->pdata[0], ==, id);

  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
  document = px_archive_load_document (f->archive, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Landslide buries road above Vessmark");
  g_assert_cmpstr (px_document_get_outlet (document), ==, "Vessmark Courier");
  g_assert_cmpstr (px_document_get_path (document), ==, url);
  stored = original_bytes (f->archive, id);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), page, strlen (page));

  source = find_source (f->archive, url);
  g_assert_nonnull (source);
  g_assert_cmpint (source->kind, ==, PX_SOURCE_PAGE);
  g_assert_cmpstr (source->document, ==, id);
  g_assert_cmpstr (source->title, ==, "Landslide buries road above Vessmark");
  g_assert_nonnull (source->etag);
  g_assert_nonnull (source->last_modified);
  g_assert_nonnull (source->checked);
  g_assert_null (source->error);

  /* The same bytes from another address: already here, not an error. */
  copy = add_urls (f, "/mirror/landslide", NULL);
  assert_counts (copy, 1, 0, 0, 0, 0);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
}

/* A second refresh asks with the validators, gets 304 and stores
 * nothing. */
static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *url = px_test_server_url (f->server, "/news/landslide");
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) again = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autofree char *if_none_match = NULL;
  g_autofree char *if_modified_since = NULL;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page);
  added = add_urls (f, "/news/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);
  source = find_source (f->archive, url);

  again = refresh (f);
  assert_counts (again, 0, 1, 0, 0, 0);
  g_assert_cmpuint (px_test_server_count (f->server, "/news/landslide"), ==, 2);
  g_assert_cmpuint (px_test_server_count_conditional (f->server, "/news/landslide"), ==, 1);
  g_assert_cmpuint (px_test_server_count_full (f->server, "/news/landslide"), ==, 1);
  if_none_match = px_test_server_last_header (f->server, "/news/landslide", "If-None-Match");
  if_modified_since = px_test_server_last_header (f->server, "/news/landslide", "If-Modified-Since");
  g_assert_cmpstr (if_none_match, ==, source->etag);
  g_assert_cmpstr (if_modified_since, ==, source->last_modified);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
}

static gboolean
has_tag (PxArchive  *archive,
         const char *id,
         const char *tag)
{
  g_autoptr(GHashTable) tags = px_archive_get_document_tags (archive, NULL);
  const char * const *list = g_hash_table_lookup (tags, id);

  return list != NULL && g_strv_contains (list, tag);
}

static char *
note_of (const char *dir,
         const char *id)
{
  g_autofree char *path = g_build_filename (dir, "parallax.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *note = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT text FROM notes WHERE document = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return note;
}

static guint
find_paragraph (PxDocument *document,
                const char *text)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    if (g_str_equal (((PxParagraph *) paragraphs->pdata[i])->text, text))
      return i;

  g_error ("no paragraph “%s”", text);
  return 0;
}

/* The server revises the toll: a new revision; the old version kept byte
 * for byte and still loading, but out of the list and the search; the
 * user's corrections, tags, note and moved lines on the new one. */
static void
test_revision (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *page1 = landslide_page ("12", FALSE);
  g_autofree char *page2 = landslide_page ("15", FALSE);
  g_autofree char *id1 = sha256 (page1);
  g_autofree char *id2 = sha256 (page2);
  g_autofree char *url = px_test_server_url (f->server, "/news/landslide");
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) revised = NULL;
  g_autoptr(PxRefreshResult) again = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(PxDocument) old = NULL;
  g_autoptr(PxDocument) current = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  const char *footer = "Share this article on social media";

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page1);
  added = add_urls (f, "/news/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);

  /* What the user did to the first version. */
  old = px_archive_load_document (f->archive, id1, &error);
  g_assert_no_error (error);
  g_assert_true (px_archive_set_correction (f->archive, id1, PX_FIELD_AUTHORS, "Ilse Marrow", &error));
  g_assert_true (px_archive_add_tag (f->archive, id1, "landslides", &error));
  g_assert_true (px_archive_set_note (f->archive, id1, "check the toll with the rescue service", &error));
  g_assert_true (px_archive_set_paragraph_kept (f->archive, id1, find_paragraph (old, footer), TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page2);
  revised = refresh (f);
  assert_counts (revised, 1, 0, 1, 0, 0);
  g_assert_cmpuint (revised->document_ids->len, ==, 1);
  g_assert_cmpstr (revised->document_ids->pdata[0], ==, id2);

  /* Two versions, oldest first, from either's id. */
  revisions = px_archive_list_revisions (f->archive, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((PxRevision *) revisions->pdata[0])->document, ==, id1);
  g_assert_cmpuint (((PxRevision *) revisions->pdata[0])->number, ==, 1);
  g_assert_cmpstr (((PxRevision *) revisions->pdata[1])->document, ==, id2);
  g_assert_cmpuint (((PxRevision *) revisions->pdata[1])->number, ==, 2);
  g_assert_cmpstr (((PxRevision *) revisions->pdata[1])->url, ==, url);
  /* Each version's title, without loading it (the History list). */
  g_assert_cmpstr (((PxRevision *) revisions->pdata[0])->title, ==, "Landslide buries road above Vessmark");
  g_assert_cmpstr (((PxRevision *) revisions->pdata[1])->title, ==, "Landslide buries road above Vessmark");
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = px_archive_list_revisions (f->archive, id2, &error);
  g_assert_cmpuint (revisions->len, ==, 2);

  /* The old version, byte for byte, still loads by id. */
  old_bytes = original_bytes (f->archive, id1);
  g_assert_cmpmem (g_bytes_get_data (old_bytes, NULL), g_bytes_get_size (old_bytes), page1, strlen (page1));
  old = px_archive_load_document (f->archive, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((PxFigure *) px_document_get_figures (old)->pdata[0])->value, ==, 12);

  /* Only the newest is listed, counted and found. */
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
  listed = px_archive_list (f->archive, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((PxDocumentSummary *) listed->pdata[0])->id, ==, id2);
  outlets = px_archive_list_outlets (f->archive, &error);
  g_assert_cmpuint (outlets->len, ==, 1);
  g_assert_cmpuint (((PxOutletCount *) outlets->pdata[0])->count, ==, 1);
  tags = px_archive_list_tags (f->archive, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpuint (((PxOutletCount *) tags->pdata[0])->count, ==, 1);
  {
    g_autoptr(GPtrArray) common = px_archive_search (f->archive, "hillside", 10, &error);
    g_autoptr(GPtrArray) old_toll = px_archive_search (f->archive, "12 people", 10, &error);
    g_autoptr(GPtrArray) new_toll = px_archive_search (f->archive, "15 people", 10, &error);
    g_autoptr(GPtrArray) all = px_archive_load_all (f->archive, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (common->len, ==, 1);
    g_assert_cmpstr (((PxSearchHit *) common->pdata[0])->id, ==, id2);
    g_assert_cmpuint (old_toll->len, ==, 0);
    g_assert_cmpuint (new_toll->len, ==, 1);
    g_assert_cmpuint (all->len, ==, 1);
  }

  /* The user's work followed the text. */
  current = px_archive_load_document (f->archive, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((PxFigure *) px_document_get_figures (current)->pdata[0])->value, ==, 15);
  g_assert_cmpstr (px_document_get_authors (current)[0], ==, "Ilse Marrow");
  g_assert_cmpint (px_document_get_field_source (current, PX_FIELD_AUTHORS), ==, PX_SOURCE_USER);
  g_assert_true (has_tag (f->archive, id2, "landslides"));
  note = note_of (f->dir, id2);
  g_assert_cmpstr (note, ==, "check the toll with the rescue service");
  g_assert_cmpint (((PxParagraph *) px_document_get_paragraphs (current)->pdata[find_paragraph (current, footer)])->kind,
                   ==, PX_BLOCK_BODY);
  /* A correction searchable on the new version. */
  {
    g_autoptr(GPtrArray) by_author = px_archive_search (f->archive, "Marrow", 10, &error);

    g_assert_cmpuint (by_author->len, ==, 1);
  }

  source = find_source (f->archive, url);
  g_assert_cmpstr (source->document, ==, id2);
  g_assert_nonnull (source->changed);

  /* Nothing more the next time. */
  again = refresh (f);
  assert_counts (again, 0, 1, 0, 0, 0);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
}

/* Curly quotes, a dash and a no-break space are no revision: the bytes
 * are not stored, only the new validators (the next request is
 * conditional again and answered 304). */
static void
test_typography_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *page1 = landslide_page ("12", FALSE);
  g_autofree char *page2 = landslide_page ("12", TRUE);
  g_autofree char *id1 = sha256 (page1);
  g_autofree char *id2 = sha256 (page2);
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) typo = NULL;
  g_autoptr(PxRefreshResult) again = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) missing = NULL;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page1);
  added = add_urls (f, "/news/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page2);
  typo = refresh (f);
  assert_counts (typo, 1, 0, 0, 0, 0);
  g_assert_cmpuint (typo->document_ids->len, ==, 0);

  revisions = px_archive_list_revisions (f->archive, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  missing = px_archive_load_document (f->archive, id2, &error);
  g_assert_null (missing);
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = refresh (f);
  assert_counts (again, 0, 1, 0, 0, 0);
  g_assert_cmpuint (px_test_server_count_full (f->server, "/news/landslide"), ==, 2);
}

/* A 404 and a 500 in the same run as a revision: both fail with their
 * reasons, kept with their sources; the revision is stored all the same. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *page1 = landslide_page ("12", FALSE);
  g_autofree char *page2 = landslide_page ("15", FALSE);
  g_autofree char *gone = px_test_server_url (f->server, "/news/gone");
  g_autofree char *broken = px_test_server_url (f->server, "/news/broken");
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(PxSourceInfo) gone_source = NULL;
  g_autoptr(PxSourceInfo) broken_source = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_gone = FALSE, saw_broken = FALSE;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page1);
  px_test_server_set_status (f->server, "/news/broken", 500, NULL);
  added = add_urls (f, "/news/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);
  g_assert_true (px_archive_add_source (f->archive, PX_SOURCE_PAGE, gone, NULL, &error));
  g_assert_true (px_archive_add_source (f->archive, PX_SOURCE_PAGE, broken, NULL, &error));
  g_assert_no_error (error);
  /* An unknown path answers 404. */

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page2);
  result = refresh (f);
  assert_counts (result, 1, 0, 1, 0, 2);
  for (guint i = 0; i < result->failed->len; i++)
    {
      const PxRefreshFailure *failure = g_ptr_array_index (result->failed, i);

      g_assert_nonnull (strstr (failure->error, failure->url));
      if (g_str_equal (failure->url, gone))
        saw_gone = strstr (failure->error, "404") != NULL;
      if (g_str_equal (failure->url, broken))
        saw_broken = strstr (failure->error, "500") != NULL;
    }
  g_assert_true (saw_gone);
  g_assert_true (saw_broken);

  gone_source = find_source (f->archive, gone);
  broken_source = find_source (f->archive, broken);
  g_assert_nonnull (strstr (gone_source->error, "404"));
  g_assert_nonnull (strstr (broken_source->error, "500"));
  g_assert_nonnull (gone_source->checked);
  g_assert_null (gone_source->document);

  /* A page that turns unreadable fails, and keeps failing at every
   * refresh (its validators are not taken) with the reason kept. */
  {
    g_autoptr(GBytes) binary = g_bytes_new_static ("\x01\x02\x03\0\0\0\xff\xfe", 8);
    g_autofree char *url = px_test_server_url (f->server, "/news/landslide");
    g_autoptr(PxRefreshResult) first = NULL;
    g_autoptr(PxRefreshResult) second = NULL;
    g_autoptr(PxSourceInfo) source = NULL;

    px_test_server_set_bytes (f->server, "/news/landslide", "text/html", binary);
    first = px_refresher_refresh (f->refresher, (const char *[]) { url, NULL }, NULL, &error);
    g_assert_no_error (error);
    assert_counts (first, 1, 0, 0, 0, 1);
    second = px_refresher_refresh (f->refresher, (const char *[]) { url, NULL }, NULL, &error);
    assert_counts (second, 1, 0, 0, 0, 1);
    source = find_source (f->archive, url);
    g_assert_nonnull (source->error);
    g_assert_nonnull (strstr (source->error, url));
    g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
  }

  /* A URL that is no source of the archive is a failure of its own. */
  {
    g_autofree char *stranger = px_test_server_url (f->server, "/elsewhere");
    const char *urls[] = { stranger, NULL };
    g_autoptr(PxRefreshResult) odd = px_refresher_refresh (f->refresher, urls, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (odd->failed->len, ==, 1);
    g_assert_nonnull (strstr (((PxRefreshFailure *) odd->failed->pdata[0])->error, stranger));
    g_assert_cmpuint (px_test_server_count (f->server, "/elsewhere"), ==, 0);
  }
}

/* The server asked to wait (503, Retry-After): failed once, then skipped
 * without a request until then; a page fresh by max-age is not asked. */
static void
test_retry_and_fresh (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *busy = px_test_server_url (f->server, "/busy");
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) first = NULL;
  g_autoptr(PxRefreshResult) second = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) retry = NULL;

  px_test_server_set (f->server, "/fresh", "text/html; charset=utf-8", page);
  px_test_server_add_headers (f->server, "/fresh", "Cache-Control: max-age=600\n");
  px_test_server_set_status (f->server, "/busy", 503, "Retry-After: 120\n");
  added = add_urls (f, "/fresh", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);
  g_assert_true (px_archive_add_source (f->archive, PX_SOURCE_PAGE, busy, NULL, &error));
  g_assert_no_error (error);

  first = refresh (f);
  /* /fresh is still fresh: answered without a request. */
  assert_counts (first, 0, 1, 0, 0, 1);
  g_assert_cmpuint (first->skipped, ==, 0);
  g_assert_cmpstr (((PxRefreshFailure *) first->failed->pdata[0])->url, ==, busy);
  g_assert_cmpuint (px_test_server_count (f->server, "/fresh"), ==, 1);
  g_assert_cmpuint (px_test_server_count (f->server, "/busy"), ==, 1);

  source = find_source (f->archive, busy);
  g_assert_nonnull (source->retry_after);
  retry = g_date_time_new_from_iso8601 (source->retry_after, NULL);
  g_assert_nonnull (retry);
  g_assert_cmpint (g_date_time_compare (retry, now), >, 0);

  second = refresh (f);
  assert_counts (second, 0, 1, 0, 0, 0);
  g_assert_cmpuint (second->skipped, ==, 1);
  g_assert_cmpuint (px_test_server_count (f->server, "/busy"), ==, 1);
  g_assert_cmpuint (px_test_server_count (f->server, "/fresh"), ==, 1);
}

/* An HTML page imported from a file names its URL (canonical link): a
 * refresh finds it, and the page's newer text is a revision of it. */
static void
test_canonical_link (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *url = px_test_server_url (f->server, "/news/landslide");
  g_autofree char *page1 = landslide_page ("12", FALSE);
  g_autofree char *page2 = landslide_page ("15", FALSE);
  g_autofree char *link = g_strdup_printf ("<link rel=\"canonical\" href=\"%s\"></head>", url);
  g_autofree char *saved = NULL;
  g_autofree char *served = NULL;
  g_autofree char *saved_dir = g_dir_make_tmp ("px-saved-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (saved_dir, "saved-landslide.html", NULL);
  g_autofree char *saved_id = NULL;
  g_autofree char *served_id = NULL;
  g_autoptr(PxImportResult) imported = NULL;
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { file, NULL };
  GString *s;

  s = g_string_new (page1);
  g_string_replace (s, "</head>", link, 1);
  saved = g_string_free (s, FALSE);
  s = g_string_new (page2);
  g_string_replace (s, "</head>", link, 1);
  served = g_string_free (s, FALSE);
  saved_id = sha256 (saved);
  served_id = sha256 (served);

  g_assert_true (g_file_set_contents (file, saved, -1, &error));
  imported = px_archive_import (f->archive, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->imported, ==, 1);
  g_unlink (file);
  g_rmdir (saved_dir);

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", served);
  result = refresh (f);
  assert_counts (result, 1, 0, 1, 0, 0);
  source = find_source (f->archive, url);
  g_assert_nonnull (source);
  g_assert_cmpstr (source->document, ==, served_id);
  revisions = px_archive_list_revisions (f->archive, saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((PxRevision *) revisions->pdata[0])->document, ==, saved_id);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);

  /* Removed, the page stays removed: its document's URL does not bring
   * it back. */
  g_assert_true (px_archive_remove_source (f->archive, url, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PxRefreshResult) none = refresh (f);
    g_autoptr(PxSourceInfo) removed = find_source (f->archive, url);

    assert_counts (none, 0, 0, 0, 0, 0);
    g_assert_null (removed);
  }
}

/* A page in a charset its server declares, and only the server: a
 * re-parse decodes it the same way. */
static void
test_server_charset (Fixture       *f,
                     gconstpointer  data)
{
  const char *title = "Κατολίσθηση στο Βέσμαρκ";
  g_autofree char *utf8 = g_strdup_printf ("<html><head><title>%s</title></head><body><article><h1>%s</h1>"
                                           "<p>Μια κατολίσθηση έκλεισε τον ορεινό δρόμο πάνω από το Βέσμαρκ την "
                                           "Τρίτη το πρωί, ανακοίνωσε η περιφερειακή υπηρεσία διάσωσης.</p>"
                                           "<p>Οι διασώστες έψαχναν όλη τη νύχτα για οδηγούς κάτω από τη λάσπη.</p>"
                                           "</article></body></html>", title, title);
  g_autoptr(GError) error = NULL;
  g_autofree char *greek = g_convert (utf8, -1, "ISO-8859-7", "UTF-8", NULL, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  bytes = g_bytes_new (greek, strlen (greek));
  id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  px_test_server_set_bytes (f->server, "/el/landslide", "text/html; charset=iso-8859-7", bytes);

  added = add_urls (f, "/el/landslide", NULL);
  assert_counts (added, 1, 0, 0, 1, 0);
  document = px_archive_load_document (f->archive, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, title);
  g_clear_object (&document);

  g_assert_cmpuint (px_archive_reparse (f->archive, TRUE, NULL, &error), ==, 1);
  g_assert_no_error (error);
  document = px_archive_load_document (f->archive, id, &error);
  g_assert_cmpstr (px_document_get_title (document), ==, title);
}

/* ------------------------------------------------------------------ */
/* Feeds and the inbox                                                  */
/* ------------------------------------------------------------------ */

/* Subscribe, accept two items (fetched and imported), refresh: every
 * request conditional and nothing downloaded again. */
static void
test_feed_inbox (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *feed_url = px_test_server_url (f->server, "/feed.xml");
  g_autofree char *feed = rss_feed (f->server, 3);
  g_autoptr(PxRefreshResult) subscribed = NULL;
  g_autoptr(PxRefreshResult) accepted = NULL;
  g_autoptr(PxRefreshResult) again = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *urls[3] = { NULL, NULL, NULL };
  guint full_before[3];

  for (guint i = 0; i < G_N_ELEMENTS (other_pages); i++)
    px_test_server_set (f->server, other_pages[i][0], "text/html; charset=utf-8", other_pages[i][1]);
  px_test_server_set (f->server, "/feed.xml", "application/rss+xml", feed);

  subscribed = px_refresher_add_feed (f->refresher, feed_url, NULL, &error);
  g_assert_no_error (error);
  assert_counts (subscribed, 1, 0, 0, 0, 0);
  g_assert_cmpuint (subscribed->new_items, ==, 3);
  source = find_source (f->archive, feed_url);
  g_assert_nonnull (source);
  g_assert_cmpint (source->kind, ==, PX_SOURCE_FEED);
  g_assert_cmpstr (source->title, ==, "Vessmark Courier: News");
  g_assert_cmpuint (source->n_inbox, ==, 3);

  inbox = px_archive_list_inbox (f->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inbox->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((PxInboxItem *) inbox->pdata[0])->title, ==, "Item 2");
  g_assert_cmpstr (((PxInboxItem *) inbox->pdata[0])->feed_title, ==, "Vessmark Courier: News");

  urls[0] = ((PxInboxItem *) inbox->pdata[0])->url;
  urls[1] = ((PxInboxItem *) inbox->pdata[1])->url;
  accepted = px_refresher_add_urls (f->refresher, urls, NULL, &error);
  g_assert_no_error (error);
  assert_counts (accepted, 2, 0, 0, 2, 0);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 2);
  g_clear_pointer (&inbox, g_ptr_array_unref);
  inbox = px_archive_list_inbox (f->archive, &error);
  g_assert_cmpuint (inbox->len, ==, 1);
  g_assert_cmpstr (((PxInboxItem *) inbox->pdata[0])->title, ==, "Item 0");

  full_before[0] = px_test_server_count_full (f->server, "/feed.xml");
  full_before[1] = px_test_server_count_full (f->server, other_pages[1][0]);
  full_before[2] = px_test_server_count_full (f->server, other_pages[2][0]);
  px_test_server_reset_counts (f->server);

  again = refresh (f);
  assert_counts (again, 0, 3, 0, 0, 0);
  g_assert_cmpuint (again->new_items, ==, 0);
  g_assert_cmpuint (px_test_server_count_all (f->server), ==, 3);
  g_assert_cmpuint (px_test_server_count_conditional (f->server, "/feed.xml"), ==, 1);
  g_assert_cmpuint (px_test_server_count_conditional (f->server, other_pages[1][0]), ==, 1);
  g_assert_cmpuint (px_test_server_count_conditional (f->server, other_pages[2][0]), ==, 1);
  g_assert_cmpuint (px_test_server_count_full (f->server, "/feed.xml"), ==, 0);
  g_assert_cmpuint (full_before[0] + full_before[1] + full_before[2], ==, 3);
  /* One host: one request at a time. */
  g_assert_cmpuint (px_test_server_max_in_flight (f->server), ==, 1);
  /* The item not accepted is no page to refresh. */
  g_assert_cmpuint (px_test_server_count (f->server, other_pages[0][0]), ==, 0);

  /* A new item in the feed: one more in the inbox, the old ones not
   * again, a dismissed one not back. */
  g_assert_true (px_archive_dismiss_inbox_item (f->archive, ((PxInboxItem *) inbox->pdata[0])->id, &error));
  {
    g_autoptr(GString) more = g_string_new (feed);
    g_autoptr(PxRefreshResult) grown = NULL;
    g_autoptr(GPtrArray) now = NULL;

    g_string_replace (more, "</channel>", "<item><title>Item 9</title><link>http://127.0.0.1:1/news/late</link>"
                                          "<guid>urn:courier:9</guid></item></channel>", 1);
    px_test_server_set (f->server, "/feed.xml", "application/rss+xml", more->str);
    grown = refresh (f);
    g_assert_cmpuint (grown->new_items, ==, 1);
    now = px_archive_list_inbox (f->archive, &error);
    g_assert_cmpuint (now->len, ==, 1);
    g_assert_cmpstr (((PxInboxItem *) now->pdata[0])->title, ==, "Item 9");
  }
}

/* A feed's new validators and its new items are stored together: when
 * storing the items fails (here a trigger refuses them; a full disk or a
 * crash would do the same), the validators stay the old ones, so the next
 * refresh fetches the feed whole and the items arrive then. */
static void
test_feed_atomic (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *feed_url = px_test_server_url (f->server, "/feed.xml");
  g_autofree char *feed = rss_feed (f->server, 1);
  g_autofree char *db_path = g_build_filename (f->dir, "parallax.db", NULL);
  g_autoptr(GString) more = g_string_new (feed);
  g_autoptr(PxRefreshResult) subscribed = NULL;
  g_autoptr(PxRefreshResult) failed = NULL;
  g_autoptr(PxRefreshResult) again = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  px_test_server_set (f->server, "/feed.xml", "application/rss+xml", feed);
  subscribed = px_refresher_add_feed (f->refresher, feed_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subscribed->new_items, ==, 1);

  g_string_replace (more, "</channel>", "<item><title>Item 9</title><link>http://127.0.0.1:1/news/late</link>"
                                        "<guid>urn:courier:9</guid></item></channel>", 1);
  px_test_server_set (f->server, "/feed.xml", "application/rss+xml", more->str);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON inbox"
                                     " BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL, NULL, NULL), ==, SQLITE_OK);
  failed = px_refresher_refresh (f->refresher, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  px_test_server_reset_counts (f->server);
  again = refresh (f);
  g_assert_cmpuint (px_test_server_count_full (f->server, "/feed.xml"), ==, 1);
  g_assert_cmpuint (again->new_items, ==, 1);
  inbox = px_archive_list_inbox (f->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inbox->len, ==, 2);
}

/* An Atom feed subscribes as well; what is not a feed is refused with the
 * URL named, and not subscribed; a feed that turns malformed fails its
 * refresh, keeping the reason. */
static void
test_feed_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *atom_url = px_test_server_url (f->server, "/atom.xml");
  g_autofree char *page_url = px_test_server_url (f->server, "/news/landslide");
  g_autofree char *bad_url = px_test_server_url (f->server, "/broken.xml");
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *link = px_test_server_url (f->server, other_pages[0][0]);
  g_autofree char *atom = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    "<title>Courrier de Lorvain</title><id>urn:lorvain</id><updated>2026-11-20T08:00:00Z</updated>"
    "<entry><title>Le bac reprend</title><id>urn:lorvain:1</id><link href=\"%s\"/>"
    "<updated>2026-11-20T08:00:00Z</updated></entry></feed>", link);
  g_autoptr(PxRefreshResult) subscribed = NULL;
  g_autoptr(PxRefreshResult) not_feed = NULL;
  g_autoptr(PxRefreshResult) malformed = NULL;
  g_autoptr(PxRefreshResult) broken = NULL;
  g_autoptr(PxSourceInfo) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  px_test_server_set (f->server, "/atom.xml", "application/atom+xml", atom);
  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page);
  px_test_server_set (f->server, "/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Half");

  subscribed = px_refresher_add_feed (f->refresher, atom_url, NULL, &error);
  g_assert_no_error (error);
  assert_counts (subscribed, 1, 0, 0, 0, 0);
  g_assert_cmpuint (subscribed->new_items, ==, 1);

  not_feed = px_refresher_add_feed (f->refresher, page_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (not_feed->failed->len, ==, 1);
  message = ((PxRefreshFailure *) not_feed->failed->pdata[0])->error;
  g_assert_nonnull (strstr (message, page_url));
  g_assert_nonnull (strstr (message, "not an RSS or Atom feed"));

  malformed = px_refresher_add_feed (f->refresher, bad_url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (malformed->failed->len, ==, 1);
  message = ((PxRefreshFailure *) malformed->failed->pdata[0])->error;
  g_assert_nonnull (strstr (message, bad_url));
  g_assert_nonnull (strstr (message, "not an RSS or Atom feed"));

  {
    g_autoptr(PxSourceInfo) none = find_source (f->archive, page_url);
    g_autoptr(PxSourceInfo) none2 = find_source (f->archive, bad_url);

    g_assert_null (none);
    g_assert_null (none2);
  }

  /* The subscribed feed breaks. */
  px_test_server_set (f->server, "/atom.xml", "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>");
  broken = refresh (f);
  g_assert_cmpuint (broken->failed->len, ==, 1);
  g_assert_cmpstr (((PxRefreshFailure *) broken->failed->pdata[0])->url, ==, atom_url);
  g_assert_nonnull (strstr (((PxRefreshFailure *) broken->failed->pdata[0])->error, atom_url));
  source = find_source (f->archive, atom_url);
  g_assert_nonnull (source->error);
  g_assert_cmpstr (source->title, ==, "Courrier de Lorvain");
  /* Its item waits all the same. */
  g_assert_cmpuint (source->n_inbox, ==, 1);
}

/* ------------------------------------------------------------------ */
/* Progress and cancel                                                  */
/* ------------------------------------------------------------------ */

typedef struct
{
  Fixture         *f;
  GMainLoop       *loop;
  GCancellable    *cancellable;
  PxRefreshResult *result;
  GError          *error;
  GPtrArray       *states;       /* "index state url" lines */
  guint            reports_at_finish;
  gboolean         first_stored;
  char            *stall;
} Async;

static void
on_progress (const char     *url,
             PxRefreshState  state,
             const char     *detail,
             guint           index,
             guint           total,
             gpointer        user_data)
{
  Async *a = user_data;

  g_assert_cmpuint (index, <, total);
  g_ptr_array_add (a->states, g_strdup_printf ("%u %d %s", index, state, url));
  if (state == PX_REFRESH_NEW_DOCUMENT)
    a->first_stored = TRUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Async *a = user_data;

  a->reports_at_finish = a->states->len;
  a->result = px_refresher_add_urls_finish (PX_REFRESHER (source), result, &a->error);
  g_main_loop_quit (a->loop);
}

static void
async_clear (Async *a)
{
  g_clear_pointer (&a->loop, g_main_loop_unref);
  g_clear_object (&a->cancellable);
  g_clear_pointer (&a->result, px_refresh_result_free);
  g_clear_error (&a->error);
  g_clear_pointer (&a->states, g_ptr_array_unref);
  g_free (a->stall);
}

/* Every source is reported waiting, then with its outcome, on the
 * caller's context and before the result. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *a_url = px_test_server_url (f->server, "/news/landslide");
  g_autofree char *b_url = px_test_server_url (f->server, "/news/missing");
  const char *urls[] = { a_url, b_url, NULL };
  Async a = { f, g_main_loop_new (NULL, FALSE), NULL, NULL, NULL, g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *waiting0 = NULL;
  g_autofree char *waiting1 = NULL;
  g_autofree char *added = NULL;
  g_autofree char *failed = NULL;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page);
  px_refresher_add_urls_async (f->refresher, urls, NULL, on_progress, &a, on_done, &a);
  g_main_loop_run (a.loop);

  g_assert_no_error (a.error);
  assert_counts (a.result, 1, 0, 0, 1, 1);
  g_assert_cmpuint (a.reports_at_finish, ==, a.states->len);
  waiting0 = g_strdup_printf ("0 %d %s", PX_REFRESH_WAITING, a_url);
  waiting1 = g_strdup_printf ("1 %d %s", PX_REFRESH_WAITING, b_url);
  added = g_strdup_printf ("0 %d %s", PX_REFRESH_NEW_DOCUMENT, a_url);
  failed = g_strdup_printf ("1 %d %s", PX_REFRESH_FAILED, b_url);
  g_assert_cmpstr (a.states->pdata[0], ==, waiting0);
  g_assert_cmpstr (a.states->pdata[1], ==, waiting1);
  g_assert_true (g_ptr_array_find_with_equal_func (a.states, added, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (a.states, failed, g_str_equal, NULL));

  /* A failed add is not a source. */
  {
    g_autoptr(PxSourceInfo) none = find_source (f->archive, b_url);

    g_assert_null (none);
  }

  async_clear (&a);
}

static gboolean
cancel_when_stalled (gpointer user_data)
{
  Async *a = user_data;

  /* The first page stored, the server holding the second: cancel. */
  if (a->first_stored && px_test_server_count (a->f->server, "/stall") > 0)
    {
      g_cancellable_cancel (a->cancellable);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Cancelled while a server stalls: the run ends cancelled, the page stored
 * before is kept, the stalled one is not reported failed. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *page = landslide_page ("12", FALSE);
  g_autofree char *a_url = px_test_server_url (f->server, "/news/landslide");
  g_autofree char *stall = px_test_server_url (f->server, "/stall");
  g_autofree char *c_url = px_test_server_url (f->server, other_pages[0][0]);
  const char *urls[] = { a_url, stall, c_url, NULL };
  Async a = { f, g_main_loop_new (NULL, FALSE), g_cancellable_new (), NULL, NULL,
              g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *stall_failed = g_strdup_printf ("1 %d %s", PX_REFRESH_FAILED, stall);
  guint timeout;

  px_test_server_set (f->server, "/news/landslide", "text/html; charset=utf-8", page);
  px_test_server_set (f->server, other_pages[0][0], "text/html; charset=utf-8", other_pages[0][1]);
  px_test_server_set_stall (f->server, "/stall");

  timeout = g_timeout_add (20, cancel_when_stalled, &a);
  px_refresher_add_urls_async (f->refresher, urls, a.cancellable, on_progress, &a, on_done, &a);
  g_main_loop_run (a.loop);
  if (!g_cancellable_is_cancelled (a.cancellable))
    g_source_remove (timeout);

  g_assert_null (a.result);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (px_archive_get_n_documents (f->archive), ==, 1);
  g_assert_false (g_ptr_array_find_with_equal_func (a.states, stall_failed, g_str_equal, NULL));
  /* The page after the stalled one was not asked for. */
  g_assert_cmpuint (px_test_server_count (f->server, other_pages[0][0]), ==, 0);
  {
    g_autoptr(PxSourceInfo) kept = find_source (f->archive, a_url);

    g_assert_nonnull (kept);
  }

  async_clear (&a);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */
/* ------------------------------------------------------------------ */

static void
test_json (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  PxRefreshResult result = { 2, 3, 1, 4, 5, 6, g_ptr_array_new (), g_ptr_array_new () };
  PxRefreshFailure failure = { (char *) "http://127.0.0.1:1/a", (char *) "http://127.0.0.1:1/a: gone" };
  g_autofree char *json = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonObject *failed;
  const char *expected[] = { "fetched", "not_modified", "new_revisions", "new_documents", "new_items",
                             "skipped", "failed" };

  g_ptr_array_add (result.failed, &failure);
  json = px_refresh_result_to_json (&result);
  g_ptr_array_unref (result.failed);
  g_ptr_array_unref (result.document_ids);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (json_object_has_member (object, expected[i]));
  g_assert_cmpint (json_object_get_int_member (object, "fetched"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "not_modified"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "new_revisions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "new_documents"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "new_items"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 6);
  failed = json_array_get_object_element (json_object_get_array_member (object, "failed"), 0);
  g_assert_cmpstr (json_object_get_string_member (failed, "url"), ==, "http://127.0.0.1:1/a");
  g_assert_cmpstr (json_object_get_string_member (failed, "error"), ==, "http://127.0.0.1:1/a: gone");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Px/Refresh/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-url", test_add_url);
  ADD ("not-modified", test_not_modified);
  ADD ("revision", test_revision);
  ADD ("typography-only", test_typography_only);
  ADD ("failures", test_failures);
  ADD ("retry-and-fresh", test_retry_and_fresh);
  ADD ("canonical-link", test_canonical_link);
  ADD ("server-charset", test_server_charset);
  ADD ("feed-inbox", test_feed_inbox);
  ADD ("feed-errors", test_feed_errors);
  ADD ("feed-atomic", test_feed_atomic);
  ADD ("progress", test_progress);
  ADD ("cancel", test_cancel);
  g_test_add_func ("/Px/Refresh/json", test_json);

  return g_test_run ();
}
