/* px-archive.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive is a folder the user owns:
 *
 *   parallax.db            SQLite, WAL: the parses, the full-text index and
 *                          everything the user adds
 *   originals/ab/<sha256>.<ext>
 *                          every imported file, byte for byte, named by the
 *                          SHA-256 of its bytes, never modified
 *
 * Durability: an original is written to a temporary name and renamed, then
 * its document goes into the database in one transaction. A process killed
 * anywhere leaves at most an original without a row (imported again, it
 * is recognised and reused) and never a half-written document.
 *
 * User corrections live in their own tables and are applied when reading:
 * re-parsing rewrites the parsed columns only, so it cannot lose them.
 * Lines moved between body and boilerplate are keyed by their text, which
 * survives a re-parse that shifts paragraph numbers.
 */

#define G_LOG_DOMAIN "px-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "px-archive.h"
#include "px-term-set.h"
#include "px-date-extractor.h"
#include "px-fetcher.h"
#include "px-figure-extractor.h"
#include "px-json.h"
#include "px-loader-private.h"
#include "px-parser.h"
#include "px-progress.h"
#include "px-text-decoder.h"

#define DATABASE_NAME  "parallax.db"

/* How much an import commits at once: large enough to amortise a commit,
 * small enough that an import in another thread holds the write lock for
 * half a second at most. */
#define BATCH_DOCUMENTS 200
#define BATCH_USEC      (G_USEC_PER_SEC / 2)
#define ORIGINALS_NAME "originals"

struct _PxArchive
{
  GObject  parent_instance;

  GFile   *folder;
  char    *db_path;
  /* The connection of the thread that opened the archive. Imports in a
   * worker open their own: SQLite connections are not to be shared. */
  sqlite3 *db;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (PxArchive, px_archive, G_TYPE_OBJECT)
G_DEFINE_QUARK (px-archive-error-quark, px_archive_error)

/* ------------------------------------------------------------------ */
/* Schema                                                               */
/* ------------------------------------------------------------------ */

/* Each entry takes the database from version i to i + 1. Never edit a
 * released step: add one. */
static const char *migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE documents ("
  "  id TEXT PRIMARY KEY,"
  "  path TEXT,"
  "  original TEXT NOT NULL,"
  "  format TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  imported TEXT NOT NULL,"
  "  parser_version INTEGER NOT NULL,"
  "  title TEXT, subtitle TEXT, outlet TEXT, authors TEXT, published TEXT, url TEXT,"
  "  parsed TEXT NOT NULL);"
  "CREATE TABLE corrections ("
  "  document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL,"
  "  value TEXT,"
  "  edited TEXT NOT NULL,"
  "  PRIMARY KEY (document, field));"
  "CREATE TABLE moved_lines ("
  "  document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  line TEXT NOT NULL,"
  "  kept INTEGER NOT NULL,"
  "  PRIMARY KEY (document, line));"
  "CREATE VIRTUAL TABLE search USING fts5 (title, outlet, authors, body,"
  "  tokenize = 'unicode61 remove_diacritics 2');",

  /* 1 → 2: the language, tags and notes; indexes for the outlet list and
   * the date order. */
  "ALTER TABLE documents ADD COLUMN language TEXT;"
  "CREATE TABLE tags ("
  "  document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  tag TEXT NOT NULL,"
  "  PRIMARY KEY (document, tag));"
  "CREATE TABLE notes ("
  "  document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL,"
  "  edited TEXT NOT NULL);"
  "CREATE INDEX documents_outlet ON documents (outlet);"
  "CREATE INDEX documents_published ON documents (published);",

  /* 2 → 3: how the user last left each view (the timeline's period and
   * lanes), so that it follows the archive, not the machine. */
  "CREATE TABLE view_state ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);",

  /* 3 → 4: the comparison's edits. A topic the user touched, and the
   * figures pinned to it by key (px_figure_key()), never by row, so that
   * they survive re-parsing; figures the user added; alignments pinned or
   * dismissed; the framing's term sets ("Name: term, term" lines). */
  "CREATE TABLE topics ("
  "  id TEXT PRIMARY KEY,"
  "  label TEXT,"
  "  note TEXT,"
  "  reviewed TEXT,"
  "  edited TEXT NOT NULL);"
  "CREATE TABLE topic_members ("
  "  figure TEXT PRIMARY KEY,"
  "  topic TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE);"
  "CREATE INDEX topic_members_topic ON topic_members (topic);"
  "CREATE TABLE user_figures ("
  "  id INTEGER PRIMARY KEY,"
  "  document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  value REAL NOT NULL, max REAL, qualifier TEXT NOT NULL,"
  "  subject TEXT, role TEXT, text TEXT NOT NULL, sentence TEXT,"
  "  paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
  "  added TEXT NOT NULL);"
  "CREATE TABLE alignment_pins ("
  "  key TEXT PRIMARY KEY,"
  "  state INTEGER NOT NULL);"
  "CREATE TABLE term_sets ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  sets TEXT NOT NULL);",

  /* 4 → 5: selections. An excerpt keeps its document's id without a
   * foreign key: a quotation outlives its document's removal, and an
   * export then says the document is gone. @paragraph is NULL for a whole
   * document and -1 for a passage known by its text only. */
  "CREATE TABLE selections ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE TABLE selection_items ("
  "  id INTEGER PRIMARY KEY,"
  "  selection INTEGER NOT NULL REFERENCES selections (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  detail TEXT,"
  "  note TEXT,"
  "  added TEXT NOT NULL);"
  "CREATE INDEX selection_items_order ON selection_items (selection, position);"
  "CREATE TABLE selection_excerpts ("
  "  item INTEGER NOT NULL REFERENCES selection_items (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  document TEXT NOT NULL,"
  "  source TEXT,"
  "  text TEXT NOT NULL,"
  "  value TEXT,"
  "  paragraph INTEGER,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  PRIMARY KEY (item, position));",

  /* 5 → 6: online sources. A page or a feed to refresh, with the
   * server's validators and when to ask again; every stored version of a
   * page (each a document of its own: the old ones are kept byte for
   * byte, marked superseded_by their successor and left out of lists,
   * counts and search); the feeds' items waiting in the inbox. A
   * document's charset is the server's, for re-parsing a fetched page as
   * it was first parsed. A page the user stopped refreshing keeps its row
   * with @removed set, so that it is not found again through its
   * document's URL; a feed's row goes, and its inbox with it. */
  "ALTER TABLE documents ADD COLUMN superseded_by TEXT REFERENCES documents (id) ON DELETE SET NULL;"
  "ALTER TABLE documents ADD COLUMN charset TEXT;"
  "CREATE INDEX documents_url ON documents (url);"
  "CREATE TABLE sources ("
  "  url TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('page', 'feed')),"
  "  title TEXT,"
  "  document TEXT REFERENCES documents (id) ON DELETE SET NULL,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  fresh_until TEXT,"
  "  retry_after TEXT,"
  "  checked TEXT,"
  "  changed TEXT,"
  "  error TEXT,"
  "  added TEXT NOT NULL,"
  "  removed TEXT);"
  "CREATE INDEX sources_document ON sources (document);"
  "CREATE TABLE revisions ("
  "  document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  url TEXT NOT NULL,"
  "  number INTEGER NOT NULL,"
  "  fetched TEXT NOT NULL);"
  "CREATE INDEX revisions_url ON revisions (url, number);"
  "CREATE TABLE inbox ("
  "  id INTEGER PRIMARY KEY,"
  "  feed TEXT NOT NULL REFERENCES sources (url) ON DELETE CASCADE,"
  "  item TEXT NOT NULL,"
  "  url TEXT,"
  "  title TEXT,"
  "  summary TEXT,"
  "  published TEXT,"
  "  found TEXT NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'dismissed')),"
  "  UNIQUE (feed, item));"
  "CREATE INDEX inbox_url ON inbox (url);",
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

/* The effective metadata: a correction wins over the parsed value. */
#define EFFECTIVE_COLUMNS \
  "d.id, COALESCE (ct.value, d.title), COALESCE (co.value, d.outlet), " \
  "COALESCE (cp.value, d.published), d.path, d.format"
#define EFFECTIVE_JOINS \
  " LEFT JOIN corrections ct ON ct.document = d.id AND ct.field = 'title'" \
  " LEFT JOIN corrections co ON co.document = d.id AND co.field = 'outlet'" \
  " LEFT JOIN corrections cp ON cp.document = d.id AND cp.field = 'published'"

static gboolean
set_db_error (GError    **error,
              sqlite3    *db,
              const char *what)
{
  g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_DATABASE, "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_DATABASE, "%s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* Brings the database to @target, one transaction per step. */
static gboolean
migrate (sqlite3  *db,
         int       target,
         GError  **error)
{
  int version = user_version (db);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_TOO_NEW,
                   _("the archive was made by a newer Parallax (schema %d; this one knows %d)"),
                   version, SCHEMA_VERSION);
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);

      if (!exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (db, migrations[version], error) || !exec (db, bump, error))
        {
          exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, _("cannot upgrade the archive to schema %d: "), version + 1);
          return FALSE;
        }
      if (!exec (db, "COMMIT", error))
        return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_database (const char  *path,
               gboolean     create,
               GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_DATABASE, "%s: %s", path,
                   db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 10000);

  /* WAL: readers go on while an import writes, and a killed writer leaves
   * the last committed state. NORMAL is durable across a process kill; a
   * power cut may lose the last transactions, never corrupt the file. */
  if (!exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA foreign_keys = ON;", error))
    {
      g_prefix_error (error, "%s: ", path);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Prepared statements of the hot paths (importing one document runs five),
 * kept per connection: preparing them anew for each of 100,000 documents
 * costs more than running them. */
static GMutex statements_lock;
static GHashTable *statements; /* sqlite3 * → GHashTable (SQL text → sqlite3_stmt *) */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare_cached (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  GHashTable *mine;
  sqlite3_stmt *stmt;

  g_mutex_lock (&statements_lock);
  if (statements == NULL)
    statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  mine = g_hash_table_lookup (statements, db);
  if (mine == NULL)
    {
      mine = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
      g_hash_table_insert (statements, db, mine);
    }
  stmt = g_hash_table_lookup (mine, sql);
  g_mutex_unlock (&statements_lock);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, "prepare");
      return NULL;
    }

  /* Keyed by the SQL's address: callers pass string literals. */
  g_mutex_lock (&statements_lock);
  g_hash_table_insert (mine, (gpointer) sql, stmt);
  g_mutex_unlock (&statements_lock);

  return stmt;
}

static void
close_database (sqlite3 *db)
{
  if (db == NULL)
    return;

  g_mutex_lock (&statements_lock);
  if (statements != NULL)
    g_hash_table_remove (statements, db);
  g_mutex_unlock (&statements_lock);

  sqlite3_close (db);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */
/* ------------------------------------------------------------------ */

static void
px_archive_finalize (GObject *object)
{
  PxArchive *self = (PxArchive *)object;

  close_database (self->db);
  g_clear_object (&self->folder);
  g_free (self->db_path);

  G_OBJECT_CLASS (px_archive_parent_class)->finalize (object);
}

static void
px_archive_class_init (PxArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_archive_finalize;
}

static void
px_archive_init (PxArchive *self)
{
}

static PxArchive *
open_archive (GFile     *folder,
              gboolean   create,
              int        target_version,
              GError   **error)
{
  g_autoptr(PxArchive) self = g_object_new (PX_TYPE_ARCHIVE, NULL);
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *originals = NULL;

  if (path == NULL)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("%s: an archive must be a local folder"), g_file_peek_path (folder));
      return NULL;
    }

  self->folder = g_object_ref (folder);
  self->db_path = g_build_filename (path, DATABASE_NAME, NULL);
  originals = g_build_filename (path, ORIGINALS_NAME, NULL);

  if (create)
    {
      if (g_mkdir_with_parents (originals, 0755) != 0)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", originals,
                       g_strerror (errsv));
          return NULL;
        }
    }
  else if (!g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
                   _("%s: not a Parallax archive (it has no %s)"), path, DATABASE_NAME);
      return NULL;
    }

  self->db = open_database (self->db_path, create, error);
  if (self->db == NULL)
    return NULL;

  if (!migrate (self->db, target_version, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  self->schema_version = user_version (self->db);

  return g_steal_pointer (&self);
}

/**
 * px_archive_create:
 * @folder: where the archive goes; it may exist, and may even be an archive
 *
 * Returns: (transfer full) (nullable): the archive, ready for imports
 */
PxArchive *
px_archive_create (GFile   *folder,
                   GError **error)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return open_archive (folder, TRUE, SCHEMA_VERSION, error);
}

/* For the migration tests: an archive as an older Parallax made it. */
PxArchive *_px_archive_create_at_version (GFile   *folder,
                                          int      version,
                                          GError **error);

PxArchive *
_px_archive_create_at_version (GFile   *folder,
                               int      version,
                               GError **error)
{
  return open_archive (folder, TRUE, version, error);
}

/**
 * px_archive_open:
 *
 * Opens an existing archive, upgrading its schema if it is older.
 *
 * Returns: (transfer full) (nullable): the archive
 */
PxArchive *
px_archive_open (GFile   *folder,
                 GError **error)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return open_archive (folder, FALSE, SCHEMA_VERSION, error);
}

gboolean
px_archive_is_archive (GFile *folder)
{
  g_autoptr(GFile) db = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  db = g_file_get_child (folder, DATABASE_NAME);
  return g_file_query_file_type (db, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

GFile *
px_archive_get_folder (PxArchive *self)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  return self->folder;
}

int
px_archive_get_schema_version (PxArchive *self)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), 0);

  return self->schema_version;
}

guint
px_archive_get_n_documents (PxArchive *self)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), 0);

  if (sqlite3_prepare_v2 (self->db, "SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* ------------------------------------------------------------------ */
/* Writing documents                                                    */
/* ------------------------------------------------------------------ */

static char *
iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static char *
joined_authors (PxDocument *document)
{
  const char * const *authors = px_document_get_authors (document);

  return authors[0] != NULL ? g_strjoinv (", ", (GStrv) authors) : NULL;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* The extension the original keeps, so that the user can open it. */
static const char *
original_extension (PxDocument *document)
{
  return px_document_get_format (document) == PX_FORMAT_HTML ? "html" : "txt";
}

static char *
original_relative_path (const char *id,
                        const char *extension)
{
  char prefix[3] = { id[0], id[1], '\0' };

  return g_strdup_printf ("%s/%s/%s.%s", ORIGINALS_NAME, prefix, id, extension);
}

/* Writes the bytes under their hash, through a temporary name: the final
 * name either does not exist or holds the whole file. */
static gboolean
store_original (PxArchive   *self,
                const char  *relative,
                GBytes      *bytes,
                GError     **error)
{
  g_autofree char *root = g_file_get_path (self->folder);
  g_autofree char *target = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (target);

  if (g_file_test (target, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0755) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", dir, g_strerror (errsv));
      return FALSE;
    }

  /* A temporary name, then a rename: a process killed half-way leaves a
   * temporary file, never a truncated original. No fsync per file: the
   * database does not sync each transaction either (synchronous=NORMAL),
   * and importing 100,000 files must not wait for the disk 100,000 times. */
  {
    g_autofree char *temporary = g_strconcat (target, ".part", NULL);

    if (!g_file_set_contents_full (temporary, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_NONE, 0444, error))
      return FALSE;
    if (g_rename (temporary, target) != 0)
      {
        int errsv = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", target, g_strerror (errsv));
        g_unlink (temporary);
        return FALSE;
      }
  }

  return TRUE;
}

static char *
body_for_search (PxDocument *document)
{
  return px_document_dup_body_text (document);
}

/* Inserts (or, for a re-parse, replaces) the parsed columns and the
 * search row of @document. Call inside a transaction. @charset is the
 * server's, for a fetched page (a re-parse keeps the stored one). */
static gboolean
write_document (sqlite3     *db,
                PxDocument  *document,
                const char  *original,
                gboolean     replace,
                const char  *charset,
                GError     **error)
{
  g_autoptr(JsonNode) json = px_json_document_for_storage (document);
  g_autofree char *parsed = px_json_to_compact_string (json);
  g_autofree char *authors = joined_authors (document);
  g_autofree char *body = body_for_search (document);
  g_autofree char *now = iso_now ();
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 rowid;
  const char *sql = replace
    ? "UPDATE documents SET parser_version = ?7, title = ?8, subtitle = ?9, outlet = ?10, "
      "authors = ?11, published = ?12, url = ?13, language = ?14, parsed = ?15 WHERE id = ?1"
    : "INSERT INTO documents (id, path, original, format, size, imported, parser_version, title, "
      "subtitle, outlet, authors, published, url, language, parsed, charset) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

  if ((stmt = prepare_cached (db, sql, error)) == NULL)
    return FALSE;

  bind_text (stmt, 1, px_document_get_id (document));
  bind_text (stmt, 2, px_document_get_path (document));
  bind_text (stmt, 3, original);
  bind_text (stmt, 4, px_format_to_string (px_document_get_format (document)));
  sqlite3_bind_int64 (stmt, 5, px_document_get_size (document));
  bind_text (stmt, 6, now);
  sqlite3_bind_int (stmt, 7, PX_PARSER_VERSION);
  bind_text (stmt, 8, px_document_get_title (document));
  bind_text (stmt, 9, px_document_get_subtitle (document));
  bind_text (stmt, 10, px_document_get_outlet (document));
  bind_text (stmt, 11, authors);
  bind_text (stmt, 12, px_document_get_published (document));
  bind_text (stmt, 13, px_document_get_url (document));
  bind_text (stmt, 14, px_document_get_language (document));
  bind_text (stmt, 15, parsed);
  if (!replace)
    bind_text (stmt, 16, charset);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return set_db_error (error, db, "write");
    }
  sqlite3_reset (stmt);

  /* The search row shares the document's rowid. */
  if ((stmt = prepare_cached (db, "SELECT rowid FROM documents WHERE id = ?", error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, px_document_get_id (document));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return set_db_error (error, db, "write");
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if ((stmt = prepare_cached (db, "INSERT OR REPLACE INTO search (rowid, title, outlet, authors, body) "
                                  "VALUES (?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  bind_text (stmt, 2, px_document_get_title (document));
  bind_text (stmt, 3, px_document_get_outlet (document));
  bind_text (stmt, 4, authors);
  bind_text (stmt, 5, body);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return set_db_error (error, db, "write");
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
has_document (sqlite3    *db,
              const char *id)
{
  sqlite3_stmt *stmt = prepare_cached (db, "SELECT 1 FROM documents WHERE id = ?", NULL);
  gboolean found = FALSE;

  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  return found;
}

/* ------------------------------------------------------------------ */
/* Import                                                               */
/* ------------------------------------------------------------------ */

void
px_import_result_free (PxImportResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->failures);
  g_free (result);
}

static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > PX_TEXT_DECODER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_TOO_LARGE, _("%s: the file is too large (%s)"),
                   name, size);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);

  return bytes;
}

static PxImportResult *
import (PxArchive           *self,
        const char * const  *paths,
        GCancellable        *cancellable,
        const PxProgress    *progress,
        GError             **error)
{
  g_autoptr(PxImportResult) result = g_new0 (PxImportResult, 1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autofree gboolean *skip = NULL;
  g_autoptr(GError) batch_error = NULL;
  gboolean in_batch = FALSE;
  gint64 batch_started = 0;
  guint batch_size = 0;
  sqlite3 *db;
  guint total;

  result->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  if (!px_loader_collect (paths, files, cancellable, error))
    return NULL;

  /* This thread's own connection. */
  db = open_database (self->db_path, FALSE, error);
  if (db == NULL)
    return NULL;

  total = files->len;
  skip = _px_loader_prepare (parser, files, result->failures, cancellable, progress, error);
  if (skip == NULL)
    goto cancelled;

  /* Pass 2: documents are committed in batches (of BATCH_DOCUMENTS, or of
   * BATCH_USEC): a commit is all or nothing, so an interruption keeps every
   * committed document whole and nothing of the batch it cut, which an
   * import of the same files adds again. One transaction per document made
   * FTS5 write a segment and the WAL sync a checkpoint every few
   * documents: a fifth of the import's time. */
  for (guint i = 0; i < total; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PxDocument) document = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *relative = NULL;
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto cancelled;
      px_progress_report (progress, total + 2 * i, total * 3);
      if (skip[i])
        continue;

      bytes = read_file (file, cancellable, &local_error);
      if (bytes == NULL)
        {
          g_ptr_array_add (result->failures, local_error);
          continue;
        }

      id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (has_document (db, id))
        {
          result->duplicates++;
          continue;
        }

      name = g_file_get_parse_name (file);
      document = px_parser_parse_bytes (parser, bytes, name, &local_error);
      if (document == NULL)
        {
          g_ptr_array_add (result->failures, local_error);
          continue;
        }

      relative = original_relative_path (id, original_extension (document));
      if (!store_original (self, relative, bytes, &local_error))
        {
          g_prefix_error (&local_error, "%s: ", name);
          g_ptr_array_add (result->failures, local_error);
          continue;
        }

      if (!in_batch)
        {
          if (!exec (db, "BEGIN IMMEDIATE", &batch_error))
            goto batch_failed;
          in_batch = TRUE;
          batch_size = 0;
          batch_started = g_get_monotonic_time ();
        }

      /* Writing fails only when the database does (a full disk): then the
       * batch is rolled back and the import stops, the earlier batches kept.
       * No savepoint per document: FTS5 makes them cost a tenth of the
       * import. */
      if (!write_document (db, document, relative, FALSE, NULL, &batch_error))
        goto batch_failed;

      result->imported++;
      batch_size++;

      if (batch_size >= BATCH_DOCUMENTS || g_get_monotonic_time () - batch_started > BATCH_USEC)
        {
          if (!exec (db, "COMMIT", &batch_error))
            goto batch_failed;
          in_batch = FALSE;
        }
    }

  if (in_batch && !exec (db, "COMMIT", &batch_error))
    goto batch_failed;

  px_progress_report (progress, total * 3, total * 3);
  close_database (db);
  return g_steal_pointer (&result);

cancelled:
  /* What was stored is whole: keep it. */
  if (in_batch)
    exec (db, "COMMIT", NULL);
  close_database (db);
  return NULL;

batch_failed:
  exec (db, "ROLLBACK", NULL);
  close_database (db);
  g_propagate_prefixed_error (error, g_steal_pointer (&batch_error), "%s: ", self->db_path);
  return NULL;
}

/**
 * px_archive_import:
 * @paths: files and folders (folders are read recursively)
 *
 * Returns: (transfer full) (nullable): what was imported, the duplicates
 *   and the failures; %NULL on cancellation or when a folder named in
 *   @paths cannot be listed.
 */
PxImportResult *
px_archive_import (PxArchive           *self,
                   const char * const  *paths,
                   GCancellable        *cancellable,
                   PxLoaderProgress     progress,
                   gpointer             progress_data,
                   GError             **error)
{
  PxProgress p;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  px_progress_init (&p, FALSE, progress, progress_data);
  return import (self, paths, cancellable, &p, error);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PxPathsJob *data = task_data;
  GError *error = NULL;
  PxImportResult *result;

  result = import (source_object, (const char * const *) data->paths, cancellable, &data->progress, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) px_import_result_free);
}

void
px_archive_import_async (PxArchive           *self,
                         const char * const  *paths,
                         GCancellable        *cancellable,
                         PxLoaderProgress     progress,
                         gpointer             progress_data,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PX_IS_ARCHIVE (self));
  g_return_if_fail (paths != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_archive_import_async);
  g_task_set_task_data (task, _px_paths_job_new (paths, progress, progress_data),
                        (GDestroyNotify) _px_paths_job_free);
  g_task_run_in_thread (task, import_worker);
}

PxImportResult *
px_archive_import_finish (PxArchive     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */
/* ------------------------------------------------------------------ */

void
px_document_summary_free (PxDocumentSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->id);
  g_free (summary->title);
  g_free (summary->outlet);
  g_free (summary->published);
  g_free (summary->path);
  g_free (summary->format);
  g_free (summary->snippet);
  g_free (summary);
}

void
px_search_hit_free (PxSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->id);
  g_free (hit->title);
  g_free (hit->outlet);
  g_free (hit->published);
  g_free (hit->snippet);
  g_free (hit);
}

void
px_outlet_count_free (PxOutletCount *outlet)
{
  if (outlet == NULL)
    return;

  g_free (outlet->outlet);
  g_free (outlet);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* What the user typed, as an FTS5 query: every word must occur (in any
 * form with the same letters: FTS folds case and diacritics), a quoted
 * phrase as a phrase. The user's text is never FTS5 syntax, so "AND (" or
 * a lone quote cannot make a query fail. */
static char *
fts_query (const char *text)
{
  GString *query = g_string_new (NULL);
  gboolean in_phrase = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      GString *token = g_string_new (NULL);

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)) && !in_phrase)
        p = g_utf8_next_char (p);
      if (*p == '"')
        {
          in_phrase = !in_phrase;
          p++;
          g_string_free (token, TRUE);
          if (in_phrase)
            g_string_append (query, query->len ? " \"" : "\"");
          else
            g_string_append (query, "\"");
          continue;
        }
      while (*p != '\0' && *p != '"' && (in_phrase || !g_unichar_isspace (g_utf8_get_char (p))))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c) || g_unichar_ismark (c))
            g_string_append_unichar (token, c);
          else if (token->len > 0 && token->str[token->len - 1] != ' ')
            g_string_append_c (token, ' ');
          p = g_utf8_next_char (p);
        }
      g_strchomp (token->str);
      token->len = strlen (token->str);
      if (token->len > 0)
        {
          if (in_phrase)
            g_string_append (query, token->str);
          else
            g_string_append_printf (query, "%s\"%s\"", query->len ? " " : "", token->str);
        }
      g_string_free (token, TRUE);
    }
  if (in_phrase)
    g_string_append_c (query, '"');

  /* A phrase or words with nothing left in them. */
  if (g_str_equal (query->str, "\"\"") || query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* Ranking by relevance stops being worth its time past this many matches. */
#define MAX_RANKED 20000
/* Rows of a result that get a snippet at once. */
#define DEFAULT_SNIPPETS 50

/* How many documents match, counting no further than @stop. */
static guint
count_matches (sqlite3    *db,
               const char *match,
               guint       stop)
{
  sqlite3_stmt *stmt = prepare_cached (db, "SELECT COUNT (*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 LIMIT ?2)", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, stop);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* The body around the matches of @match in document @id, the matched
 * words marked, or NULL when the body does not hold them. */
static char *
snippet_for (sqlite3    *db,
             const char *match,
             const char *id)
{
  sqlite3_stmt *stmt = prepare_cached (db,
                                       "SELECT snippet (search, 3, char (57344), char (57345), '…', 16) FROM search"
                                       " WHERE search MATCH ?1 AND search.rowid = (SELECT rowid FROM documents WHERE id = ?2)",
                                       NULL);
  char *snippet = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, match);
  bind_text (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snippet = column_text (stmt, 0);
  sqlite3_reset (stmt);

  return snippet;
}

/**
 * px_archive_get_snippet:
 * @query: what the user typed, as px_archive_query() takes it
 *
 * Returns: (transfer full) (nullable): the snippet of document @id for
 *   @query, for the rows px_archive_query() left without one
 */
char *
px_archive_get_snippet (PxArchive  *self,
                        const char *query,
                        const char *id)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (query != NULL && id != NULL, NULL);

  match = fts_query (query);
  return match != NULL ? snippet_for (self->db, match, id) : NULL;
}

/**
 * px_archive_query:
 *
 * Returns: (transfer full) (element-type PxDocumentSummary): the documents
 *   @query selects, in its order, with their effective metadata (and a
 *   snippet when @query has text)
 */
GPtrArray *
px_archive_query (PxArchive      *self,
                  const PxQuery  *query,
                  GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *match = NULL;
  g_autofree char *limit = NULL;
  const char *order;
  GPtrArray *rows;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_document_summary_free);

  if (query->text != NULL)
    {
      match = fts_query (query->text);
      /* Words with nothing searchable in them match nothing. */
      if (match == NULL)
        return rows;
    }

  if (match != NULL)
    g_ptr_array_add (args, g_strdup (match));   /* ?1 */

  if (query->outlet != NULL)
    {
      g_ptr_array_add (args, g_strdup (query->outlet));
      g_string_append_printf (filters, " AND COALESCE (co.value, d.outlet) = ?%u", args->len);
    }
  /* EDTF values sort as text; comparing the prefix as long as the bound
   * makes "2019" include every day of 2019. */
  if (query->from != NULL)
    {
      g_ptr_array_add (args, g_strdup (query->from));
      g_string_append_printf (filters, " AND substr (COALESCE (cp.value, d.published), 1, length (?%u)) >= ?%u",
                              args->len, args->len);
    }
  if (query->to != NULL)
    {
      g_ptr_array_add (args, g_strdup (query->to));
      g_string_append_printf (filters, " AND substr (COALESCE (cp.value, d.published), 1, length (?%u)) <= ?%u",
                              args->len, args->len);
    }
  if (query->tag != NULL)
    {
      g_ptr_array_add (args, g_strdup (query->tag));
      g_string_append_printf (filters, " AND EXISTS (SELECT 1 FROM tags t WHERE t.document = d.id AND t.tag = ?%u)",
                              args->len);
    }

  switch (query->sort)
    {
    case PX_SORT_RELEVANCE:
      if (match != NULL)
        {
          order = "bm25 (search, 8.0, 4.0, 2.0, 1.0)";
          break;
        }
      G_GNUC_FALLTHROUGH;
    case PX_SORT_DATE:
    default:
      order = "COALESCE (cp.value, d.published) IS NULL, COALESCE (cp.value, d.published) DESC,"
              " COALESCE (ct.value, d.title)";
      break;
    case PX_SORT_OUTLET:
      order = "COALESCE (co.value, d.outlet) IS NULL, COALESCE (co.value, d.outlet),"
              " COALESCE (cp.value, d.published) DESC";
      break;
    case PX_SORT_TITLE:
      order = "COALESCE (ct.value, d.title) COLLATE NOCASE";
      break;
    }
  if (query->limit > 0)
    limit = g_strdup_printf (" LIMIT %u", query->limit);

  if (match == NULL)
    g_string_append_printf (sql, "SELECT " EFFECTIVE_COLUMNS ", NULL, d.rowid FROM documents d " EFFECTIVE_JOINS
                                 " WHERE d.superseded_by IS NULL%s ORDER BY %s%s",
                            filters->str, order, limit ? limit : "");
  else
    {
      /* Rank alone first, carrying the score out (an outer bm25() would
       * run the full-text cursor again for every row kept: 18 s for a
       * common phrase at 100,000 documents), then take the metadata of the
       * kept rows. Snippets come after, for the first rows only. */
      gboolean needs_joins = filters->len > 0 || query->sort != PX_SORT_RELEVANCE;
      const char *rank_order = order;

      /* A query nearly every document matches is not ranked: bm25 over
       * 100,000 matches takes longer than a search may, and ranks nothing
       * useful. The most recently imported come first. */
      if (query->sort == PX_SORT_RELEVANCE && count_matches (self->db, match, MAX_RANKED + 1) > MAX_RANKED)
        rank_order = "search.rowid DESC";

      g_string_append_printf (sql, "WITH hits AS (SELECT search.rowid AS r, %s AS score FROM search",
                              g_str_equal (rank_order, order) && query->sort == PX_SORT_RELEVANCE
                              ? "bm25 (search, 8.0, 4.0, 2.0, 1.0)" : "0");
      if (needs_joins)
        g_string_append (sql, " JOIN documents d ON d.rowid = search.rowid " EFFECTIVE_JOINS);
      g_string_append_printf (sql, " WHERE search MATCH ?1%s ORDER BY %s%s)",
                              filters->str, query->sort == PX_SORT_RELEVANCE ? rank_order : order,
                              limit ? limit : "");
      /* Older revisions lose their search row in the transaction that
       * supersedes them; the filter keeps a hit from ever showing one. */
      g_string_append (sql, " SELECT " EFFECTIVE_COLUMNS ", NULL, d.rowid FROM hits"
                            " CROSS JOIN documents d ON d.rowid = hits.r " EFFECTIVE_JOINS
                            " WHERE d.superseded_by IS NULL");
      /* The kept rows in the ranking's order. */
      if (query->sort == PX_SORT_RELEVANCE)
        g_string_append (sql, " ORDER BY hits.score, hits.r DESC");
      else
        g_string_append_printf (sql, " ORDER BY %s", order);
    }

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_ptr_array_unref (rows);
      set_db_error (error, self->db, "list");
      return NULL;
    }
  for (guint i = 0; i < args->len; i++)
    bind_text (stmt, i + 1, g_ptr_array_index (args, i));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxDocumentSummary *row = g_new0 (PxDocumentSummary, 1);

      row->id = column_text (stmt, 0);
      row->title = column_text (stmt, 1);
      row->outlet = column_text (stmt, 2);
      row->published = column_text (stmt, 3);
      row->path = column_text (stmt, 4);
      row->format = column_text (stmt, 5);
      row->snippet = column_text (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (rows);
      set_db_error (error, self->db, "list");
      return NULL;
    }

  /* A view shows a few dozen rows: the others get their snippet when
   * asked for it (px_archive_get_snippet). */
  if (match != NULL)
    for (guint i = 0; i < MIN (rows->len, query->snippets > 0 ? query->snippets : DEFAULT_SNIPPETS); i++)
      {
        PxDocumentSummary *row = g_ptr_array_index (rows, i);

        row->snippet = snippet_for (self->db, match, row->id);
      }

  return rows;
}

/**
 * px_archive_list:
 * @outlet: (nullable): only the documents of this outlet
 *
 * Returns: (transfer full) (element-type PxDocumentSummary): the documents,
 *   newest first, with their effective metadata
 */
GPtrArray *
px_archive_list (PxArchive   *self,
                 const char  *outlet,
                 GError     **error)
{
  PxQuery query = { .outlet = outlet, .sort = PX_SORT_DATE };

  return px_archive_query (self, &query, error);
}

/* Rows of (name, count) from @sql, as PxOutletCount. */
static GPtrArray *
list_counts (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  GPtrArray *rows;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, "list");
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_outlet_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxOutletCount *row = g_new0 (PxOutletCount, 1);

      row->outlet = column_text (stmt, 0);
      row->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (rows);
      set_db_error (error, db, "list");
      return NULL;
    }

  return rows;
}

/**
 * px_archive_list_tags:
 *
 * Returns: (transfer full) (element-type PxOutletCount): the tags in use,
 *   with their numbers of documents (PxOutletCount's @outlet is the tag)
 */
GPtrArray *
px_archive_list_tags (PxArchive  *self,
                      GError    **error)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  return list_counts (self->db,
                      "SELECT t.tag, COUNT (*) FROM tags t JOIN documents d ON d.id = t.document"
                      " WHERE d.superseded_by IS NULL GROUP BY t.tag ORDER BY t.tag",
                      error);
}

/**
 * px_archive_list_outlets:
 *
 * Returns: (transfer full) (element-type PxOutletCount): the outlets with
 *   their numbers of documents, most first
 */
GPtrArray *
px_archive_list_outlets (PxArchive  *self,
                         GError    **error)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  return list_counts (self->db,
                      "SELECT COALESCE (co.value, d.outlet) AS o, COUNT (*) FROM documents d"
                      " LEFT JOIN corrections co ON co.document = d.id AND co.field = 'outlet'"
                      " WHERE d.superseded_by IS NULL"
                      " GROUP BY o ORDER BY COUNT (*) DESC, o",
                      error);
}

/**
 * px_archive_search:
 * @query: what the user typed
 * @limit: the most hits to return
 *
 * Returns: (transfer full) (element-type PxSearchHit): the documents that
 *   match, best first, each with a snippet of its body
 */
GPtrArray *
px_archive_search (PxArchive   *self,
                   const char  *query,
                   guint        limit,
                   GError     **error)
{
  PxQuery q = { .text = query, .sort = PX_SORT_RELEVANCE, .limit = limit, .snippets = limit };
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  rows = px_archive_query (self, &q, error);
  if (rows == NULL)
    return NULL;

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) px_search_hit_free);
  for (guint i = 0; i < rows->len; i++)
    {
      PxDocumentSummary *row = g_ptr_array_index (rows, i);
      PxSearchHit *hit = g_new0 (PxSearchHit, 1);

      hit->id = g_steal_pointer (&row->id);
      hit->title = g_steal_pointer (&row->title);
      hit->outlet = g_steal_pointer (&row->outlet);
      hit->published = g_steal_pointer (&row->published);
      hit->snippet = g_steal_pointer (&row->snippet);
      /* The order is the ranking; its position is what scripts compare. */
      hit->rank = i + 1;
      g_ptr_array_add (hits, hit);
    }

  return hits;
}

/* Applies the user's corrections and moved lines to a parsed document. */
static gboolean
apply_user_edits (sqlite3     *db,
                  PxDocument  *document,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean moved = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT field, value FROM corrections WHERE document = ?", -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "load");
  bind_text (stmt, 1, px_document_get_id (document));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxField field = px_field_from_string ((const char *) sqlite3_column_text (stmt, 0));
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (field == PX_N_FIELDS)
        continue;
      if (field == PX_FIELD_AUTHORS)
        {
          g_auto(GStrv) authors = g_regex_split_simple ("\\s*[,;]\\s*", value ? value : "", 0, 0);

          px_document_set_authors (document, (const char * const *) authors, PX_SOURCE_USER);
        }
      else
        px_document_set_field (document, field, value, PX_SOURCE_USER);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_db_error (error, db, "load");

  if (sqlite3_prepare_v2 (db, "SELECT line, kept FROM moved_lines WHERE document = ?", -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "load");
  bind_text (stmt, 1, px_document_get_id (document));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      gboolean kept = sqlite3_column_int (stmt, 1);
      GPtrArray *paragraphs = px_document_get_paragraphs (document);

      for (guint i = 0; i < paragraphs->len; i++)
        {
          PxParagraph *p = g_ptr_array_index (paragraphs, i);

          if (!g_str_equal (p->text, line) || px_paragraph_is_kept (p) == kept)
            continue;
          p->kind = kept ? PX_BLOCK_BODY : PX_BLOCK_REMOVED;
          g_free (p->reason);
          p->reason = kept ? NULL : g_strdup ("user");
          moved = TRUE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_db_error (error, db, "load");

  /* Figures and dates come from the article: find them again in it. */
  if (moved)
    {
      px_document_clear_extractions (document);
      px_date_extractor_extract (document);
      px_figure_extractor_extract (document);
    }

  return TRUE;
}

static PxDocument *
load_parse (sqlite3     *db,
            const char  *id,
            gboolean     with_user_edits,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PxDocument) document = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean parsed;

  if (sqlite3_prepare_v2 (db, "SELECT parsed FROM documents WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, "load");
      return NULL;
    }
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND, _("no document %s in the archive"), id);
      return NULL;
    }
  parsed = json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, error);
  sqlite3_finalize (stmt);
  if (!parsed)
    return NULL;

  document = px_json_to_document (json_parser_get_root (parser), error);
  if (document == NULL || (with_user_edits && !apply_user_edits (db, document, error)))
    return NULL;

  return g_steal_pointer (&document);
}

static PxDocument *
load_document (sqlite3     *db,
               const char  *id,
               GError     **error)
{
  return load_parse (db, id, TRUE, error);
}

/**
 * px_archive_load_document:
 *
 * Returns: (transfer full) (nullable): the document as the user sees it:
 *   the parse with the user's corrections (source PX_SOURCE_USER) and
 *   moved lines applied
 */
PxDocument *
px_archive_load_document (PxArchive   *self,
                          const char  *id,
                          GError     **error)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_document (self->db, id, error);
}

/**
 * px_archive_load_all:
 *
 * Returns: (transfer full) (element-type PxDocument): every document, for
 *   the command line's timeline and the comparisons
 */
GPtrArray *
px_archive_load_all (PxArchive     *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  rows = px_archive_list (self, NULL, error);
  if (rows == NULL)
    return NULL;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      const PxDocumentSummary *row = g_ptr_array_index (rows, i);
      PxDocument *document;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      document = load_document (self->db, row->id, error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }

  return g_steal_pointer (&documents);
}

/**
 * px_archive_get_original:
 *
 * Returns: (transfer full) (nullable): the file holding the original bytes
 */
GFile *
px_archive_get_original (PxArchive  *self,
                         const char *id)
{
  sqlite3_stmt *stmt = NULL;
  GFile *file = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT original FROM documents WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        file = g_file_resolve_relative_path (self->folder, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return file;
}

/* ------------------------------------------------------------------ */
/* What the user adds                                                   */
/* ------------------------------------------------------------------ */

static gboolean
run (sqlite3     *db,
     const char  *sql,
     const char **args,
     guint        n_args,
     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "write");
  for (guint i = 0; i < n_args; i++)
    bind_text (stmt, i + 1, args[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return set_db_error (error, db, "write");
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
require_document (PxArchive   *self,
                  const char  *id,
                  GError     **error)
{
  if (has_document (self->db, id))
    return TRUE;

  g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND, _("no document %s in the archive"), id);
  return FALSE;
}

/* Keeps the search row's title, outlet and authors those the user sees.
 * @insert: (re)creates the row, for a document that becomes the current
 * revision; otherwise an older revision, which has none, stays out. */
static gboolean
write_search_row (sqlite3     *db,
                  const char  *id,
                  gboolean     insert,
                  GError     **error)
{
  g_autoptr(PxDocument) document = load_document (db, id, error);
  g_autofree char *authors = NULL;
  g_autofree char *body = NULL;
  const char *args[5];

  if (document == NULL)
    return FALSE;

  authors = joined_authors (document);
  body = body_for_search (document);
  args[0] = px_document_get_title (document);
  args[1] = px_document_get_outlet (document);
  args[2] = authors;
  args[3] = body;
  args[4] = id;

  if (insert)
    return run (db,
                "INSERT OR REPLACE INTO search (rowid, title, outlet, authors, body)"
                " SELECT rowid, ?1, ?2, ?3, ?4 FROM documents WHERE id = ?5",
                args, 5, error);

  return run (db,
              "UPDATE search SET title = ?1, outlet = ?2, authors = ?3, body = ?4"
              " WHERE rowid = (SELECT rowid FROM documents WHERE id = ?5)",
              args, 5, error);
}

static gboolean
refresh_search_row (PxArchive   *self,
                    const char  *id,
                    GError     **error)
{
  return write_search_row (self->db, id, FALSE, error);
}

/**
 * px_archive_set_correction:
 * @value: (nullable): the user's value; %NULL goes back to the parsed one
 *
 * For %PX_FIELD_AUTHORS, @value is the names separated by commas.
 */
gboolean
px_archive_set_correction (PxArchive   *self,
                           const char  *id,
                           PxField      field,
                           const char  *value,
                           GError     **error)
{
  g_autofree char *now = iso_now ();
  const char *args[4] = { id, px_field_to_string (field), value, now };
  gboolean ok;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (field < PX_N_FIELDS, FALSE);

  if (!require_document (self, id, error) || !exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (value != NULL)
    ok = run (self->db, "INSERT OR REPLACE INTO corrections (document, field, value, edited) "
                        "VALUES (?1, ?2, ?3, ?4)", args, 4, error);
  else
    ok = run (self->db, "DELETE FROM corrections WHERE document = ?1 AND field = ?2", args, 2, error);

  ok = ok && refresh_search_row (self, id, error) && exec (self->db, "COMMIT", error);
  if (!ok)
    exec (self->db, "ROLLBACK", NULL);

  return ok;
}

/**
 * px_archive_set_paragraph_kept:
 * @paragraph: an index into the loaded document's paragraphs
 * @kept: %TRUE to put the line in the article, %FALSE in the boilerplate
 */
gboolean
px_archive_set_paragraph_kept (PxArchive   *self,
                               const char  *id,
                               guint        paragraph,
                               gboolean     kept,
                               GError     **error)
{
  g_autoptr(PxDocument) document = NULL;
  const PxParagraph *p;
  const char *args[3];
  gboolean ok;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  document = load_document (self->db, id, error);
  if (document == NULL)
    return FALSE;
  if (paragraph >= px_document_get_paragraphs (document)->len)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                   _("document %s has no paragraph %u"), id, paragraph);
      return FALSE;
    }

  p = g_ptr_array_index (px_document_get_paragraphs (document), paragraph);
  args[0] = id;
  args[1] = p->text;
  args[2] = kept ? "1" : "0";

  if (!exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = run (self->db, "INSERT OR REPLACE INTO moved_lines (document, line, kept) VALUES (?1, ?2, ?3)",
            args, 3, error) &&
       refresh_search_row (self, id, error) &&
       exec (self->db, "COMMIT", error);
  if (!ok)
    exec (self->db, "ROLLBACK", NULL);

  return ok;
}

gboolean
px_archive_add_tag (PxArchive   *self,
                    const char  *id,
                    const char  *tag,
                    GError     **error)
{
  const char *args[2] = { id, tag };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (id != NULL && tag != NULL, FALSE);

  return require_document (self, id, error) &&
         run (self->db, "INSERT OR IGNORE INTO tags (document, tag) VALUES (?1, ?2)", args, 2, error);
}

/**
 * px_archive_get_view_state:
 *
 * Returns: (transfer full) (nullable): what px_archive_set_view_state()
 *   stored under @key, or NULL.
 */
char *
px_archive_get_view_state (PxArchive  *self,
                           const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM view_state WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* A NULL @value forgets @key. */
gboolean
px_archive_set_view_state (PxArchive   *self,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  const char *args[2] = { key, value };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    return run (self->db, "DELETE FROM view_state WHERE key = ?1", args, 1, error);

  return run (self->db, "INSERT OR REPLACE INTO view_state (key, value) VALUES (?1, ?2)", args, 2, error);
}

/**
 * px_archive_get_document_tags:
 *
 * Returns: (transfer full): a table from document id to a NULL-terminated
 *   array of its tags, in tag order; documents without tags are absent.
 */
GHashTable *
px_archive_get_document_tags (PxArchive  *self,
                              GError    **error)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTable *tags;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT t.document, t.tag FROM tags t JOIN documents d ON d.id = t.document"
                          " WHERE d.superseded_by IS NULL ORDER BY t.document, t.tag",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "read");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (lists, id);

      if (list == NULL)
        {
          list = g_ptr_array_new_null_terminated (1, g_free, TRUE);
          g_hash_table_insert (lists, g_strdup (id), list);
        }
      g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "read");
      return NULL;
    }

  tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (tags, g_strdup (key), g_ptr_array_steal (value, NULL));

  return tags;
}

gboolean
px_archive_set_note (PxArchive   *self,
                     const char  *id,
                     const char  *note,
                     GError     **error)
{
  g_autofree char *now = iso_now ();
  const char *args[3] = { id, note, now };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!require_document (self, id, error))
    return FALSE;
  if (note == NULL || *note == '\0')
    return run (self->db, "DELETE FROM notes WHERE document = ?1", args, 1, error);

  return run (self->db, "INSERT OR REPLACE INTO notes (document, text, edited) VALUES (?1, ?2, ?3)",
              args, 3, error);
}

/**
 * px_archive_reparse:
 * @all: re-parse every document, not only those an older parser read
 *
 * Parses the originals again. The user's corrections and moved lines are
 * kept: they are stored apart and applied on reading.
 *
 * Returns: how many documents were re-parsed
 */
guint
px_archive_reparse (PxArchive     *self,
                    gboolean       all,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) charsets = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint done = 0;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), 0);

  /* Older revisions too: they still load by id. */
  if (sqlite3_prepare_v2 (self->db, all ? "SELECT id, original, path, charset FROM documents"
                                        : "SELECT id, original, path, charset FROM documents WHERE parser_version < ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "re-parse");
      return 0;
    }
  if (!all)
    sqlite3_bind_int (stmt, 1, PX_PARSER_VERSION);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, column_text (stmt, 0));
      g_ptr_array_add (originals, column_text (stmt, 1));
      g_ptr_array_add (paths, column_text (stmt, 2));
      g_ptr_array_add (charsets, column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);

  /* The corpus first, as on import. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->folder, originals->pdata[i]);

      px_parser_prepare_file (parser, file, cancellable, NULL);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->folder, originals->pdata[i]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PxDocument) document = NULL;
      const char *name = paths->pdata[i] != NULL ? paths->pdata[i] : originals->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return done;

      bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (bytes == NULL)
        return done;
      /* The original's name decides the format; the user's path names it.
       * A fetched page is decoded with its server's charset, as when it
       * was fetched. */
      document = px_parser_parse_bytes_with_charset (parser, bytes, originals->pdata[i],
                                                     charsets->pdata[i], error);
      if (document == NULL)
        return done;
      px_document_set_path (document, name);
      /* A fetched page is named by its URL, not by its original's file:
       * it keeps that URL when it names none of its own, as when it was
       * fetched (px_parser_parse_bytes_with_charset). */
      if (px_fetch_is_web_url (name))
        px_document_offer_field (document, PX_FIELD_URL, name, PX_SOURCE_FETCHED);

      if (!exec (self->db, "BEGIN IMMEDIATE", error) ||
          !write_document (self->db, document, originals->pdata[i], TRUE, NULL, error) ||
          !refresh_search_row (self, ids->pdata[i], error) ||
          !run (self->db, "DELETE FROM search WHERE rowid IN"
                          " (SELECT rowid FROM documents WHERE id = ?1 AND superseded_by IS NOT NULL)",
                (const char **) &ids->pdata[i], 1, error) ||
          !exec (self->db, "COMMIT", error))
        {
          exec (self->db, "ROLLBACK", NULL);
          return done;
        }
      done++;
    }

  return done;
}

/* ------------------------------------------------------------------ */
/* The comparison's edits                                               */
/* ------------------------------------------------------------------ */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
load_topic_edits (sqlite3         *db,
                  PxCompareEdits  *edits,
                  GError         **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id, label, note, reviewed FROM topics ORDER BY edited, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "read");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PxTopicEdit *topic = px_topic_edit_new ((const char *) sqlite3_column_text (stmt, 0));

      topic->label = column_dup (stmt, 1);
      topic->note = column_dup (stmt, 2);
      topic->reviewed = column_dup (stmt, 3);
      g_ptr_array_add (edits->topics, topic);
      g_hash_table_insert (by_id, topic->id, topic);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "SELECT topic, figure FROM topic_members ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "read");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PxTopicEdit *topic = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (topic != NULL)
        g_ptr_array_add (topic->members, column_dup (stmt, 1));
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
load_user_figures (sqlite3         *db,
                   PxCompareEdits  *edits,
                   GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, document, value, max, qualifier, subject, role, text, sentence,"
                          " paragraph, start, end FROM user_figures ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "read");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PxUserFigure *uf = g_new0 (PxUserFigure, 1);
      PxFigure *f = px_figure_new ();

      uf->id = sqlite3_column_int64 (stmt, 0);
      uf->document_id = column_dup (stmt, 1);
      f->value = sqlite3_column_double (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        f->max = sqlite3_column_double (stmt, 3);
      f->qualifier = px_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 4));
      f->subject = column_dup (stmt, 5);
      f->role = column_dup (stmt, 6);
      f->text = column_dup (stmt, 7);
      f->sentence = column_dup (stmt, 8);
      f->paragraph = sqlite3_column_int (stmt, 9);
      f->start = sqlite3_column_int64 (stmt, 10);
      f->end = sqlite3_column_int64 (stmt, 11);
      uf->figure = f;
      g_ptr_array_add (edits->figures, uf);
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

/**
 * px_archive_load_compare_edits:
 *
 * Returns: (transfer full): the user's edits to comparisons, or NULL with
 *   @error set.
 */
PxCompareEdits *
px_archive_load_compare_edits (PxArchive  *self,
                               GError    **error)
{
  g_autoptr(PxCompareEdits) edits = px_compare_edits_new ();
  g_autofree char *sets = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  if (!load_topic_edits (self->db, edits, error) || !load_user_figures (self->db, edits, error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT key, state FROM alignment_pins", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "read");
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (edits->alignments, column_dup (stmt, 0),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (self->db, "SELECT sets FROM term_sets WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "read");
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sets = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (sets != NULL)
    edits->term_sets = px_term_sets_from_string (sets);

  return g_steal_pointer (&edits);
}

gboolean
px_archive_save_topic (PxArchive          *self,
                       const PxTopicEdit  *topic,
                       GError            **error)
{
  g_autofree char *now = NULL;
  const char *args[5];
  gboolean ok;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (topic != NULL && topic->id != NULL, FALSE);

  now = iso_now ();
  args[0] = topic->id;
  args[1] = topic->label;
  args[2] = topic->note;
  args[3] = topic->reviewed;
  args[4] = now;

  if (!exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Keeps the row (and its first edit's place in the order) when it
   * exists: INSERT OR REPLACE would delete it and its members. */
  ok = run (self->db,
            "INSERT INTO topics (id, label, note, reviewed, edited) VALUES (?1, ?2, ?3, ?4, ?5)"
            " ON CONFLICT (id) DO UPDATE SET label = ?2, note = ?3, reviewed = ?4",
            args, 5, error)
       && run (self->db, "DELETE FROM topic_members WHERE topic = ?1", args, 1, error);

  for (guint i = 0; ok && i < topic->members->len; i++)
    {
      const char *member[2] = { g_ptr_array_index (topic->members, i), topic->id };

      ok = run (self->db, "INSERT OR REPLACE INTO topic_members (figure, topic) VALUES (?1, ?2)",
                member, 2, error);
    }

  if (!ok || !exec (self->db, "COMMIT", error))
    {
      exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
px_archive_delete_topic (PxArchive   *self,
                         const char  *id,
                         GError     **error)
{
  const char *args[1] = { id };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* Its members go with it: ON DELETE CASCADE. */
  return run (self->db, "DELETE FROM topics WHERE id = ?1", args, 1, error);
}

gint64
px_archive_add_user_figure (PxArchive       *self,
                            const char      *document_id,
                            const PxFigure  *figure,
                            GError         **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), 0);
  g_return_val_if_fail (figure != NULL && figure->text != NULL, 0);

  if (!require_document (self, document_id, error))
    return 0;

  now = iso_now ();
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO user_figures (document, value, max, qualifier, subject, role, text,"
                          " sentence, paragraph, start, end, added)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "write");
      return 0;
    }
  bind_text (stmt, 1, document_id);
  sqlite3_bind_double (stmt, 2, figure->value);
  if (px_figure_has_max (figure))
    sqlite3_bind_double (stmt, 3, figure->max);
  bind_text (stmt, 4, px_qualifier_to_string (figure->qualifier));
  bind_text (stmt, 5, figure->subject);
  bind_text (stmt, 6, figure->role);
  bind_text (stmt, 7, figure->text);
  bind_text (stmt, 8, figure->sentence);
  sqlite3_bind_int (stmt, 9, figure->paragraph);
  sqlite3_bind_int64 (stmt, 10, figure->start);
  sqlite3_bind_int64 (stmt, 11, figure->end);
  bind_text (stmt, 12, now);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      set_db_error (error, self->db, "write");
      return 0;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  return id;
}

gboolean
px_archive_remove_user_figure (PxArchive  *self,
                               gint64      id,
                               GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *args[1] = { text };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);

  return run (self->db, "DELETE FROM user_figures WHERE id = CAST (?1 AS INTEGER)", args, 1, error);
}

gboolean
px_archive_set_alignment_pin (PxArchive   *self,
                              const char  *key,
                              PxPinState   state,
                              GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%d", (int) state);
  const char *args[2] = { key, text };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (state == PX_PIN_NONE)
    return run (self->db, "DELETE FROM alignment_pins WHERE key = ?1", args, 1, error);

  return run (self->db, "INSERT OR REPLACE INTO alignment_pins (key, state) VALUES (?1, CAST (?2 AS INTEGER))",
              args, 2, error);
}

gboolean
px_archive_set_term_sets (PxArchive   *self,
                          GPtrArray   *sets,
                          GError     **error)
{
  g_autofree char *text = NULL;
  const char *args[1];

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);

  if (sets == NULL)
    return run (self->db, "DELETE FROM term_sets", NULL, 0, error);

  text = px_term_sets_to_string (sets);
  args[0] = text;
  return run (self->db, "INSERT OR REPLACE INTO term_sets (id, sets) VALUES (1, ?1)", args, 1, error);
}

/* ------------------------------------------------------------------ */
/* Selections                                                           */
/* ------------------------------------------------------------------ */

void
px_selection_summary_free (PxSelectionSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->modified);
  g_free (self);
}

GPtrArray *
px_archive_list_selections (PxArchive  *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) px_selection_summary_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.id, s.name, s.modified,"
                          " (SELECT count (*) FROM selection_items i WHERE i.selection = s.id)"
                          " FROM selections s ORDER BY s.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "selections");
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxSelectionSummary *summary = g_new0 (PxSelectionSummary, 1);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->name = column_text (stmt, 1);
      summary->modified = column_text (stmt, 2);
      summary->n_items = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, summary);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "selections");
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
load_excerpts (sqlite3          *db,
               PxSelectionItem  *item,
               GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT document, source, text, value, paragraph, start, end"
                          " FROM selection_excerpts WHERE item = ?1 ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "selection");
  sqlite3_bind_int64 (stmt, 1, px_selection_item_get_id (item));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint paragraph;

      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        paragraph = PX_EXCERPT_WHOLE_DOCUMENT;
      else if (sqlite3_column_int64 (stmt, 4) < 0)
        paragraph = PX_EXCERPT_UNPLACED;
      else
        paragraph = sqlite3_column_int (stmt, 4);

      const char *document = (const char *) sqlite3_column_text (stmt, 0);

      /* Saved as "" when there was none: the column is NOT NULL. */
      if (document != NULL && *document == '\0')
        document = NULL;

      px_selection_item_take_excerpt (item,
                                      px_excerpt_new (document,
                                                      (const char *) sqlite3_column_text (stmt, 1),
                                                      (const char *) sqlite3_column_text (stmt, 2),
                                                      (const char *) sqlite3_column_text (stmt, 3),
                                                      paragraph,
                                                      sqlite3_column_int64 (stmt, 5),
                                                      sqlite3_column_int64 (stmt, 6)));
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || set_db_error (error, db, "selection");
}

PxSelection *
px_archive_load_selection (PxArchive  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(PxSelection) selection = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM selections WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "selection");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      selection = px_selection_new ((const char *) sqlite3_column_text (stmt, 0));
      px_selection_set_id (selection, id);
    }
  sqlite3_finalize (stmt);

  if (selection == NULL)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                   _("no selection %" G_GINT64_FORMAT " in the archive"), id);
      return NULL;
    }

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, kind, label, detail, note, added FROM selection_items"
                          " WHERE selection = ?1 ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "selection");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxSelectionKind kind;
      PxSelectionItem *item;

      /* A kind a newer Parallax wrote: keep the rest readable. */
      if (!px_selection_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;

      item = px_selection_item_new (kind, (const char *) sqlite3_column_text (stmt, 2),
                                    (const char *) sqlite3_column_text (stmt, 3));
      px_selection_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      px_selection_item_set_note (item, (const char *) sqlite3_column_text (stmt, 4));
      px_selection_item_set_added (item, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (items, item);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "selection");
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      if (!load_excerpts (self->db, g_ptr_array_index (items, i), error))
        return NULL;
      px_selection_append (selection, g_ptr_array_index (items, i));
    }

  return g_steal_pointer (&selection);
}

static gboolean
save_item (sqlite3          *db,
           gint64            selection,
           guint             position,
           PxSelectionItem  *item,
           GError          **error)
{
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO selection_items (id, selection, position, kind, label, detail, note, added)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "write");

  /* An item keeps its id across saves; a new one gets the next. */
  if (px_selection_item_get_id (item) > 0)
    sqlite3_bind_int64 (stmt, 1, px_selection_item_get_id (item));
  sqlite3_bind_int64 (stmt, 2, selection);
  sqlite3_bind_int (stmt, 3, position);
  bind_text (stmt, 4, px_selection_kind_to_string (px_selection_item_get_kind (item)));
  bind_text (stmt, 5, px_selection_item_get_label (item));
  bind_text (stmt, 6, px_selection_item_get_detail (item));
  bind_text (stmt, 7, px_selection_item_get_note (item));
  bind_text (stmt, 8, px_selection_item_get_added (item));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return set_db_error (error, db, "write");
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (db);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO selection_excerpts (item, position, document, source, text, value,"
                          " paragraph, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (error, db, "write");

  for (guint i = 0; i < excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, excerpt->document_id ? excerpt->document_id : "");
      bind_text (stmt, 4, excerpt->source);
      bind_text (stmt, 5, excerpt->text ? excerpt->text : "");
      bind_text (stmt, 6, excerpt->value);
      if (excerpt->paragraph == PX_EXCERPT_UNPLACED)
        sqlite3_bind_int (stmt, 7, -1);
      else if (excerpt->paragraph != PX_EXCERPT_WHOLE_DOCUMENT)
        sqlite3_bind_int64 (stmt, 7, excerpt->paragraph);
      sqlite3_bind_int64 (stmt, 8, excerpt->start);
      sqlite3_bind_int64 (stmt, 9, excerpt->end);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return set_db_error (error, db, "write");
        }
    }
  sqlite3_finalize (stmt);

  /* Set only once the transaction holds it; the caller rolls back (and
   * forgets the ids) otherwise. */
  px_selection_item_set_id (item, id);
  return TRUE;
}

gboolean
px_archive_save_selection (PxArchive    *self,
                           PxSelection  *selection,
                           GError      **error)
{
  g_autofree char *now = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_items;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (PX_IS_SELECTION (selection), FALSE);

  now = iso_now ();
  id = px_selection_get_id (selection);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));

  /* The ids as they were, to give back if the transaction fails. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      gint64 item_id = px_selection_item_get_id (item);

      g_array_append_val (old_ids, item_id);
    }

  if (!exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (id > 0)
    {
      const char *args[3] = { NULL, px_selection_get_name (selection), now };

      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      args[0] = id_text;
      ok = run (self->db, "UPDATE selections SET name = ?2, modified = ?3 WHERE id = CAST (?1 AS INTEGER)",
                args, 3, error)
           && (sqlite3_changes (self->db) == 1 ||
               (g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                             _("the selection “%s” is no longer in the archive"),
                             px_selection_get_name (selection)), FALSE))
           && run (self->db, "DELETE FROM selection_items WHERE selection = CAST (?1 AS INTEGER)",
                   args, 1, error);
    }
  else
    {
      const char *args[3] = { px_selection_get_name (selection), now, now };

      ok = run (self->db, "INSERT INTO selections (name, created, modified) VALUES (?1, ?2, ?3)",
                args, 3, error);
      if (ok)
        id = sqlite3_last_insert_rowid (self->db);
    }

  for (guint i = 0; ok && i < n_items; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      ok = save_item (self->db, id, i, item, error);
    }

  if (!ok || !exec (self->db, "COMMIT", error))
    {
      exec (self->db, "ROLLBACK", NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

          px_selection_item_set_id (item, g_array_index (old_ids, gint64, i));
        }
      return FALSE;
    }

  px_selection_set_id (selection, id);
  return TRUE;
}

gboolean
px_archive_delete_selection (PxArchive  *self,
                             gint64      id,
                             GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *args[1] = { text };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);

  /* Its items and their excerpts go with it: ON DELETE CASCADE. */
  return run (self->db, "DELETE FROM selections WHERE id = CAST (?1 AS INTEGER)", args, 1, error);
}

/* ------------------------------------------------------------------ */
/* Online sources, inbox, revisions                                     */
/* ------------------------------------------------------------------ */

void
px_source_info_free (PxSourceInfo *self)
{
  if (self == NULL)
    return;
  g_free (self->url);
  g_free (self->title);
  g_free (self->document);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->fresh_until);
  g_free (self->retry_after);
  g_free (self->checked);
  g_free (self->changed);
  g_free (self->error);
  g_free (self);
}

void
px_inbox_item_free (PxInboxItem *self)
{
  if (self == NULL)
    return;
  g_free (self->feed);
  g_free (self->feed_title);
  g_free (self->url);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->published);
  g_free (self->found);
  g_free (self);
}

void
px_revision_free (PxRevision *self)
{
  if (self == NULL)
    return;
  g_free (self->document);
  g_free (self->url);
  g_free (self->fetched);
  g_free (self->title);
  g_free (self);
}

static const char *
source_kind_to_string (PxSourceKind kind)
{
  return kind == PX_SOURCE_FEED ? "feed" : "page";
}

/* A page's title is its document's, as the user corrected it. */
#define SOURCE_COLUMNS \
  "s.url, s.kind, COALESCE (s.title, ct.value, d.title), s.document, s.etag, s.last_modified," \
  " s.fresh_until, s.retry_after, s.checked, s.changed, s.error," \
  " (SELECT COUNT (*) FROM inbox i WHERE i.feed = s.url AND i.state = 'new')" \
  " FROM sources s LEFT JOIN documents d ON d.id = s.document" \
  " LEFT JOIN corrections ct ON ct.document = s.document AND ct.field = 'title'"

static PxSourceInfo *
source_from_row (sqlite3_stmt *stmt)
{
  PxSourceInfo *info = g_new0 (PxSourceInfo, 1);

  info->url = column_text (stmt, 0);
  info->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "feed") == 0 ? PX_SOURCE_FEED
                                                                                       : PX_SOURCE_PAGE;
  info->title = column_text (stmt, 2);
  info->document = column_text (stmt, 3);
  info->etag = column_text (stmt, 4);
  info->last_modified = column_text (stmt, 5);
  info->fresh_until = column_text (stmt, 6);
  info->retry_after = column_text (stmt, 7);
  info->checked = column_text (stmt, 8);
  info->changed = column_text (stmt, 9);
  info->error = column_text (stmt, 10);
  info->n_inbox = sqlite3_column_int (stmt, 11);

  return info;
}

/* Every current document with an http(s) URL (a canonical link found on
 * import) that no source holds becomes a page source. Run before a full
 * refresh rather than on import: an import stays as it was, offline,
 * and a page the user removed keeps its row, so it is not found again. */
static gboolean
discover_pages (sqlite3  *db,
                GError  **error)
{
  g_autofree char *now = iso_now ();
  const char *args[1] = { now };

  return run (db,
              "INSERT OR IGNORE INTO sources (url, kind, document, added)"
              " SELECT d.url, 'page', d.id, ?1 FROM documents d"
              " WHERE d.superseded_by IS NULL"
              "  AND (d.url LIKE 'http://%' OR d.url LIKE 'https://%')"
              "  AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.document = d.id)"
              " ORDER BY d.rowid",
              args, 1, error);
}

static GPtrArray *
list_sources (sqlite3   *db,
              GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) px_source_info_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " SOURCE_COLUMNS " WHERE s.removed IS NULL ORDER BY s.url",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, "sources");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, source_from_row (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, "sources");
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * px_archive_list_sources:
 *
 * Returns: (transfer full) (element-type PxSourceInfo): the pages and
 *   feeds to refresh, by URL; a page the user removed is not among them
 */
GPtrArray *
px_archive_list_sources (PxArchive  *self,
                         GError    **error)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  return list_sources (self->db, error);
}

static gboolean
add_source (sqlite3       *db,
            PxSourceKind   kind,
            const char    *url,
            const char    *title,
            GError       **error)
{
  g_autofree char *now = iso_now ();
  const char *args[4] = { url, source_kind_to_string (kind), title, now };

  /* An existing source keeps its kind, validators and history. */
  return run (db,
              "INSERT INTO sources (url, kind, title, added) VALUES (?1, ?2, ?3, ?4)"
              " ON CONFLICT (url) DO UPDATE SET title = COALESCE (excluded.title, title), removed = NULL",
              args, 4, error);
}

gboolean
px_archive_add_source (PxArchive     *self,
                       PxSourceKind   kind,
                       const char    *url,
                       const char    *title,
                       GError       **error)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  if (!px_fetch_is_web_url (url))
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                   _("%s: not an http or https address"), url);
      return FALSE;
    }

  return add_source (self->db, kind, url, title, error);
}

/**
 * px_archive_remove_source:
 *
 * Stops refreshing @url. A feed goes with its inbox; a page's documents
 * stay in the archive, and the page is not made a source again by its
 * document's URL (px_archive_add_source() brings it back).
 */
gboolean
px_archive_remove_source (PxArchive   *self,
                          const char  *url,
                          GError     **error)
{
  g_autofree char *now = iso_now ();
  const char *args[2] = { url, now };
  int changes;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  if (!run (self->db, "DELETE FROM sources WHERE url = ?1 AND kind = 'feed'", args, 1, error))
    return FALSE;
  changes = sqlite3_changes (self->db);
  if (!run (self->db, "UPDATE sources SET removed = ?2 WHERE url = ?1 AND kind = 'page' AND removed IS NULL",
            args, 2, error))
    return FALSE;
  changes += sqlite3_changes (self->db);

  if (changes == 0)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                   _("%s is not a source of this archive"), url);
      return FALSE;
    }

  return TRUE;
}

static PxInboxState
inbox_state_from_string (const char *state)
{
  if (g_strcmp0 (state, "accepted") == 0)
    return PX_INBOX_ACCEPTED;
  if (g_strcmp0 (state, "dismissed") == 0)
    return PX_INBOX_DISMISSED;
  return PX_INBOX_NEW;
}

/**
 * px_archive_list_inbox:
 *
 * Returns: (transfer full) (element-type PxInboxItem): the feed items
 *   waiting for the user, newest first
 */
GPtrArray *
px_archive_list_inbox (PxArchive  *self,
                       GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) px_inbox_item_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT i.id, i.feed, s.title, i.url, i.title, i.summary, i.published, i.found, i.state"
                          " FROM inbox i JOIN sources s ON s.url = i.feed"
                          " WHERE i.state = 'new'"
                          " ORDER BY COALESCE (i.published, i.found) DESC, i.id DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "inbox");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PxInboxItem *item = g_new0 (PxInboxItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->feed = column_text (stmt, 1);
      item->feed_title = column_text (stmt, 2);
      item->url = column_text (stmt, 3);
      item->title = column_text (stmt, 4);
      item->summary = column_text (stmt, 5);
      item->published = column_text (stmt, 6);
      item->found = column_text (stmt, 7);
      item->state = inbox_state_from_string ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (list, item);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "inbox");
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* A dismissed item keeps its row: the next refresh finds it in the feed
 * again and must not bring it back. */
gboolean
px_archive_dismiss_inbox_item (PxArchive  *self,
                               gint64      id,
                               GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *args[1] = { text };

  g_return_val_if_fail (PX_IS_ARCHIVE (self), FALSE);

  if (!run (self->db, "UPDATE inbox SET state = 'dismissed' WHERE id = CAST (?1 AS INTEGER) AND state = 'new'",
            args, 1, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND,
                   _("no item %" G_GINT64_FORMAT " in the inbox"), id);
      return FALSE;
    }

  return TRUE;
}

static PxRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  PxRevision *revision = g_new0 (PxRevision, 1);

  revision->document = column_text (stmt, 0);
  revision->url = column_text (stmt, 1);
  revision->fetched = column_text (stmt, 2);
  revision->number = sqlite3_column_int (stmt, 3);
  revision->title = column_text (stmt, 4);

  return revision;
}

/**
 * px_archive_list_revisions:
 * @id: any version's document id
 *
 * Returns: (transfer full) (element-type PxRevision): every version of
 *   the page @id is one of, oldest first; a document never revised is its
 *   only version, number 1, fetched when it was imported
 */
GPtrArray *
px_archive_list_revisions (PxArchive   *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) px_revision_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT r.document, r.url, r.fetched, r.number, COALESCE (ct.value, d.title)"
                          " FROM revisions r LEFT JOIN documents d ON d.id = r.document"
                          " LEFT JOIN corrections ct ON ct.document = r.document AND ct.field = 'title'"
                          " WHERE r.url = (SELECT url FROM revisions WHERE document = ?1)"
                          " ORDER BY r.number",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "revisions");
      return NULL;
    }
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, revision_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "revisions");
      return NULL;
    }
  if (list->len > 0)
    return g_steal_pointer (&list);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT d.id, COALESCE (s.url, d.url, d.path), d.imported, 1, COALESCE (ct.value, d.title)"
                          " FROM documents d LEFT JOIN sources s ON s.document = d.id"
                          " LEFT JOIN corrections ct ON ct.document = d.id AND ct.field = 'title'"
                          " WHERE d.id = ?1 LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db, "revisions");
      return NULL;
    }
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, revision_from_row (stmt));
  sqlite3_finalize (stmt);

  if (list->len == 0)
    {
      g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND, _("no document %s in the archive"), id);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* ------------------------------------------------------------------ */
/* The refresher's connection                                           */
/* ------------------------------------------------------------------ */

struct _PxArchiveConnection
{
  PxArchive *archive;
  sqlite3   *db;
};

PxArchiveConnection *
_px_archive_connect (PxArchive  *self,
                     GError    **error)
{
  PxArchiveConnection *connection;
  sqlite3 *db;

  g_return_val_if_fail (PX_IS_ARCHIVE (self), NULL);

  db = open_database (self->db_path, FALSE, error);
  if (db == NULL)
    return NULL;

  connection = g_new0 (PxArchiveConnection, 1);
  connection->archive = g_object_ref (self);
  connection->db = db;

  return connection;
}

/* One refreshed source's writes (its page or items, its validators, its
 * inbox mark) are one transaction: a crash or a busy database between
 * them would otherwise keep validators whose content was never stored,
 * and the next refresh, answered 304, would never store it. The writes
 * inside use savepoints, so they also work outside one. */
gboolean
_px_archive_connection_begin (PxArchiveConnection  *connection,
                              GError              **error)
{
  return exec (connection->db, "BEGIN IMMEDIATE", error);
}

gboolean
_px_archive_connection_commit (PxArchiveConnection  *connection,
                               GError              **error)
{
  if (exec (connection->db, "COMMIT", error))
    return TRUE;
  exec (connection->db, "ROLLBACK", NULL);
  return FALSE;
}

void
_px_archive_connection_rollback (PxArchiveConnection *connection)
{
  exec (connection->db, "ROLLBACK", NULL);
}

void
_px_archive_connection_close (PxArchiveConnection *connection)
{
  if (connection == NULL)
    return;

  close_database (connection->db);
  g_object_unref (connection->archive);
  g_free (connection);
}

GPtrArray *
_px_archive_connection_list_sources (PxArchiveConnection  *connection,
                                     gboolean              discover,
                                     GError              **error)
{
  if (discover && !discover_pages (connection->db, error))
    return NULL;

  return list_sources (connection->db, error);
}

PxSourceInfo *
_px_archive_connection_get_source (PxArchiveConnection  *connection,
                                   const char           *url,
                                   GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  PxSourceInfo *info = NULL;
  int rc;

  if (sqlite3_prepare_v2 (connection->db, "SELECT " SOURCE_COLUMNS " WHERE s.url = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, connection->db, "sources");
      return NULL;
    }
  bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info = source_from_row (stmt);
  else if (rc != SQLITE_DONE)
    set_db_error (error, connection->db, "sources");
  sqlite3_finalize (stmt);

  return info;
}

PxDocument *
_px_archive_connection_load_parse (PxArchiveConnection  *connection,
                                   const char           *id,
                                   GError              **error)
{
  return load_parse (connection->db, id, FALSE, error);
}

static gboolean
save_source (sqlite3             *db,
             const PxSourceInfo  *source,
             gboolean             restore,
             GError             **error)
{
  g_autofree char *now = iso_now ();
  const char *args[13] = {
    source->url, source_kind_to_string (source->kind), source->title, source->document,
    source->etag, source->last_modified, source->fresh_until, source->retry_after,
    source->checked, source->changed, source->error, now, restore ? "1" : "0",
  };

  /* A page's title is its document's (list_sources joins it): only a
   * feed's is stored. */
  if (source->kind == PX_SOURCE_PAGE)
    args[2] = NULL;

  return run (db,
              "INSERT INTO sources (url, kind, title, document, etag, last_modified, fresh_until,"
              " retry_after, checked, changed, error, added)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
              " ON CONFLICT (url) DO UPDATE SET title = COALESCE (excluded.title, title),"
              " document = excluded.document, etag = excluded.etag,"
              " last_modified = excluded.last_modified, fresh_until = excluded.fresh_until,"
              " retry_after = excluded.retry_after, checked = excluded.checked,"
              " changed = excluded.changed, error = excluded.error,"
              " removed = CASE WHEN ?13 = '1' THEN NULL ELSE removed END",
              args, 13, error);
}

gboolean
_px_archive_connection_save_source (PxArchiveConnection  *connection,
                                    const PxSourceInfo   *source,
                                    gboolean              restore,
                                    GError              **error)
{
  return save_source (connection->db, source, restore, error);
}

/* What the user added to @from follows its text to @to: the corrections,
 * tags, note and lines moved between article and boilerplate (keyed by
 * their text, so they apply wherever the line now stands). Not the
 * figures the user added (user_figures), which hold paragraph numbers and
 * character offsets into the old text, nor the topic pins, which name a
 * figure by its document, sentence and words: in a revision the figure
 * or its sentence has changed, and a pin carried over would file the
 * revised value under a topic the user judged with the old one. Both
 * stay with the old revision, which still loads. */
static gboolean
carry_user_edits (sqlite3     *db,
                  const char  *from,
                  const char  *to,
                  GError     **error)
{
  const char *args[2] = { from, to };

  return run (db, "INSERT OR IGNORE INTO corrections (document, field, value, edited)"
                  " SELECT ?2, field, value, edited FROM corrections WHERE document = ?1", args, 2, error) &&
         run (db, "INSERT OR IGNORE INTO tags (document, tag)"
                  " SELECT ?2, tag FROM tags WHERE document = ?1", args, 2, error) &&
         run (db, "INSERT OR IGNORE INTO notes (document, text, edited)"
                  " SELECT ?2, text, edited FROM notes WHERE document = ?1", args, 2, error) &&
         run (db, "INSERT OR IGNORE INTO moved_lines (document, line, kept)"
                  " SELECT ?2, line, kept FROM moved_lines WHERE document = ?1", args, 2, error);
}

/* @next becomes the newest version of the page @previous was. Revisions
 * are numbered along the page's URL as first stored: the first version
 * gets its row (number 1, when it was imported) only now, when it has a
 * second. A version whose bytes were stored before (a page that went
 * back to an older text) moves to the end of the history. */
static gboolean
supersede (sqlite3     *db,
           const char  *page,
           const char  *previous,
           const char  *next,
           const char  *fetched,
           GError     **error)
{
  const char *first[2] = { previous, page };
  const char *args[3] = { next, previous, fetched };

  return run (db, "INSERT OR IGNORE INTO revisions (document, url, number, fetched)"
                  " SELECT id, ?2, 1, imported FROM documents WHERE id = ?1", first, 2, error) &&
         run (db, "INSERT INTO revisions (document, url, number, fetched)"
                  " SELECT ?1, r.url, (SELECT MAX (number) + 1 FROM revisions WHERE url = r.url), ?3"
                  " FROM revisions r WHERE r.document = ?2"
                  " ON CONFLICT (document) DO UPDATE SET url = excluded.url, number = excluded.number,"
                  " fetched = excluded.fetched",
              args, 3, error) &&
         run (db, "UPDATE documents SET superseded_by = ?1 WHERE id = ?2", args, 2, error) &&
         run (db, "UPDATE documents SET superseded_by = NULL WHERE id = ?1", args, 1, error) &&
         run (db, "DELETE FROM search WHERE rowid = (SELECT rowid FROM documents WHERE id = ?2)",
              args, 2, error) &&
         carry_user_edits (db, previous, next, error) &&
         write_search_row (db, next, TRUE, error);
}

gboolean
_px_archive_connection_store_page (PxArchiveConnection  *connection,
                                   PxSourceInfo         *source,
                                   PxDocument           *document,
                                   GBytes               *bytes,
                                   const char           *charset,
                                   const char           *fetched,
                                   gboolean              restore,
                                   PxStoredPage         *outcome,
                                   GError              **error)
{
  sqlite3 *db = connection->db;
  const char *id = px_document_get_id (document);
  g_autofree char *relative = NULL;
  gboolean exists = has_document (db, id);
  gboolean revision;

  revision = source->document != NULL && !g_str_equal (source->document, id) &&
             has_document (db, source->document);

  /* The original first, as on import: a process killed between the two
   * leaves a file without a row, which the next fetch reuses. */
  if (!exists)
    {
      relative = original_relative_path (id, original_extension (document));
      if (!store_original (connection->archive, relative, bytes, error))
        {
          g_prefix_error (error, "%s: ", source->url);
          return FALSE;
        }
    }

  if (!exec (db, "SAVEPOINT store_page", error))
    return FALSE;

  if ((!exists && !write_document (db, document, relative, FALSE, charset, error)) ||
      (revision && !supersede (db, source->url, source->document, id, fetched, error)))
    goto failed;

  g_free (source->document);
  source->document = g_strdup (id);
  if (!save_source (db, source, restore, error) || !exec (db, "RELEASE store_page", error))
    goto failed;

  *outcome = revision ? PX_STORED_REVISION : exists ? PX_STORED_DUPLICATE : PX_STORED_NEW_DOCUMENT;
  return TRUE;

failed:
  exec (db, "ROLLBACK TO store_page; RELEASE store_page", NULL);
  g_prefix_error (error, "%s: ", source->url);
  return FALSE;
}

gboolean
_px_archive_connection_add_items (PxArchiveConnection  *connection,
                                  const char           *feed,
                                  GPtrArray            *items,
                                  guint                *n_added,
                                  GError              **error)
{
  sqlite3 *db = connection->db;
  g_autofree char *now = iso_now ();
  guint added = 0;

  if (!exec (db, "SAVEPOINT add_items", error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const PxFeedItem *item = g_ptr_array_index (items, i);
      const char *args[7] = { feed, item->id != NULL ? item->id : item->link, item->link, item->title,
                              item->summary, item->published, now };

      /* An item without a link cannot be fetched, so cannot be accepted.
       * One whose article is already here (a document or a source with
       * that URL, or an item of another feed) is not news. */
      if (item->link == NULL)
        continue;

      if (!run (db,
                "INSERT OR IGNORE INTO inbox (feed, item, url, title, summary, published, found)"
                " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7"
                " WHERE NOT EXISTS (SELECT 1 FROM sources WHERE url = ?3)"
                "  AND NOT EXISTS (SELECT 1 FROM documents WHERE url = ?3)"
                "  AND NOT EXISTS (SELECT 1 FROM inbox WHERE url = ?3)",
                args, 7, error))
        {
          exec (db, "ROLLBACK TO add_items; RELEASE add_items", NULL);
          return FALSE;
        }
      added += sqlite3_changes (db);
    }

  if (!exec (db, "RELEASE add_items", error))
    {
      exec (db, "ROLLBACK TO add_items; RELEASE add_items", NULL);
      return FALSE;
    }

  *n_added = added;
  return TRUE;
}

gboolean
_px_archive_connection_accept_url (PxArchiveConnection  *connection,
                                   const char           *url,
                                   GError              **error)
{
  const char *args[1] = { url };

  return run (connection->db, "UPDATE inbox SET state = 'accepted' WHERE url = ?1 AND state = 'new'",
              args, 1, error);
}
