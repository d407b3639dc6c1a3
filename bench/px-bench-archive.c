/* px-bench-archive.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Archive benchmark: imports N generated documents (px-bench-generate.c,
 * the same documents px-bench-parse parses) into a new archive and
 * measures what a user waits for:
 *
 *   import   px_archive_import() in this thread: wall and CPU time,
 *            documents/s, MB/s, peak memory, and the archive's size;
 *   open     px_archive_open() + px_document_list_new() (which reads every
 *            row) + the first 30 items, in a child process so that the
 *            import's heap does not count in its memory;
 *   search   50 queries made from the generator's vocabulary, 3 times each,
 *            through px_document_list_set_query() as the window searches;
 *   load     px_archive_load_document() of 200 random documents.
 *
 * Usage: px-bench-archive [--count N] [--seed S] [--keep DIR [--reuse]] [--json]
 * Without --count, runs N = 10000 then N = 100000.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "px-archive.h"
#include "px-bench-generate.h"
#include "px-document-list.h"
#include "px-json.h"

#ifndef PX_BENCH_BUILDTYPE
#define PX_BENCH_BUILDTYPE "unknown"
#endif

/* How many rows a window shows at first: the items the list view asks for. */
#define FIRST_ROWS     30
/* The open is measured several times: the first right after the import,
 * the others show how much it varies. */
#define OPEN_RUNS      5
#define SEARCH_REPEATS 3
/* The list model's cap on search results (SEARCH_LIMIT in
 * px-document-list.c), only to tell when it was reached. */
#define SEARCH_LIMIT   1000
#define LOADS          200

/* ------------------------------------------------------------------ */
/* Small statistics.                                                  */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values in place. */
static double
median (double *values,
        guint   n)
{
  if (n == 0)
    return 0.0;
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
maximum (const double *values,
         guint         n)
{
  double m = 0.0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* ------------------------------------------------------------------ */
/* Open, in a child process.                                          */

typedef struct
{
  double open_seconds;     /* px_archive_open */
  double list_seconds;     /* px_document_list_new: every row read */
  double rows_seconds;     /* the first FIRST_ROWS items made */
  double total_seconds;
  double process_seconds;  /* as the parent saw it: exec to exit */
  guint  n_items;
  gint64 rss_start_kb;     /* before opening: the program and its libraries */
  gint64 rss_kb;           /* after, with the model holding every row */
  gint64 peak_kb;          /* VmHWM of the child: its whole life */
} OpenStats;

/* The hidden --open-only DIR: what a window does when it opens an archive,
 * in a process that has done nothing else. Prints key=value lines. */
static int
open_only (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(PxDocumentList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rss_start = px_bench_proc_status_kb ("VmRSS");
  double t0, t1, t2, t3;
  guint n;

  t0 = now_seconds ();
  archive = px_archive_open (folder, &error);
  if (archive == NULL)
    {
      g_printerr ("px-bench-archive: %s\n", error->message);
      return EXIT_FAILURE;
    }
  t1 = now_seconds ();
  list = px_document_list_new (archive);
  t2 = now_seconds ();
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, FIRST_ROWS); i++)
    {
      g_autoptr(PxDocumentInfo) info = g_list_model_get_item (G_LIST_MODEL (list), i);

      /* What a row widget reads; keeps the compiler from dropping it. */
      if (px_document_info_get_title (info) == NULL && px_document_info_get_id (info) == NULL)
        g_printerr ("px-bench-archive: row %u is empty\n", i);
    }
  t3 = now_seconds ();

  g_print ("open_seconds=%.6f\nlist_seconds=%.6f\nrows_seconds=%.6f\ntotal_seconds=%.6f\n"
           "n_items=%u\nrss_start_kb=%" G_GINT64_FORMAT "\nrss_kb=%" G_GINT64_FORMAT "\n"
           "peak_kb=%" G_GINT64_FORMAT "\n",
           t1 - t0, t2 - t1, t3 - t2, t3 - t0, n, rss_start,
           px_bench_proc_status_kb ("VmRSS"), px_bench_proc_status_kb ("VmHWM"));
  return EXIT_SUCCESS;
}

static gboolean
run_open_child (const char  *archive_dir,
                OpenStats   *stats,
                GError     **error)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status;
  double t0;

  if (self_exe == NULL)
    return FALSE;

  {
    const char *argv[] = { self_exe, "--open-only", archive_dir, NULL };

    t0 = now_seconds ();
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       &out, NULL, &wait_status, error) ||
        !g_spawn_check_wait_status (wait_status, error))
      return FALSE;
    stats->process_seconds = now_seconds () - t0;
  }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *eq = strchr (lines[i], '=');
      const char *value;

      if (eq == NULL)
        continue;
      value = eq + 1;
#define KEY(name) (strncmp (lines[i], name, eq - lines[i]) == 0 && strlen (name) == (gsize) (eq - lines[i]))
      if (KEY ("open_seconds"))
        stats->open_seconds = g_ascii_strtod (value, NULL);
      else if (KEY ("list_seconds"))
        stats->list_seconds = g_ascii_strtod (value, NULL);
      else if (KEY ("rows_seconds"))
        stats->rows_seconds = g_ascii_strtod (value, NULL);
      else if (KEY ("total_seconds"))
        stats->total_seconds = g_ascii_strtod (value, NULL);
      else if (KEY ("n_items"))
        stats->n_items = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (KEY ("rss_start_kb"))
        stats->rss_start_kb = g_ascii_strtoll (value, NULL, 10);
      else if (KEY ("rss_kb"))
        stats->rss_kb = g_ascii_strtoll (value, NULL, 10);
      else if (KEY ("peak_kb"))
        stats->peak_kb = g_ascii_strtoll (value, NULL, 10);
#undef KEY
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The queries.                                                       */

typedef struct
{
  const char *kind;
  char       *text;
  double      seconds[SEARCH_REPEATS];
  double      median;
  double      worst;
  guint       hits;      /* rows in the list, at most SEARCH_LIMIT */
  gint64      matches;   /* every matching document, counted apart */
} Query;

static void
query_clear (gpointer data)
{
  g_free (((Query *) data)->text);
}

static void
add_query (GArray     *queries,
           const char *kind,
           char       *text)
{
  Query q = { kind, text, { 0 }, 0, 0, 0, -1 };

  g_array_append_val (queries, q);
}

/* The longest word of a sentence, without its punctuation. */
static char *
longest_word (const char *sentence)
{
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  const char *best = "";

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strdelimit (words[i], ".,;:", '\0');
      if (strlen (words[i]) > strlen (best))
        best = words[i];
    }
  return g_strdup (best);
}

/* @word with its first vowel accented: a user typing "Dübois" or
 * "éarthquake" must find what the index holds as "dubois", "earthquake". */
static char *
accented (const char *word)
{
  static const struct { char plain; const char *accent; } vowels[] = {
    { 'e', "é" }, { 'a', "á" }, { 'o', "ö" }, { 'u', "ü" }, { 'i', "í" },
  };
  const char *p = word;

  for (; *p != '\0'; p++)
    for (guint v = 0; v < G_N_ELEMENTS (vowels); v++)
      if (g_ascii_tolower (*p) == vowels[v].plain)
        return g_strdup_printf ("%.*s%s%s", (int) (p - word), word, vowels[v].accent, p + 1);
  return g_strdup (word);
}

/* The @n terms of at least 4 characters in the fewest documents. The
 * generator's words all recur, so these are years, dates and figures:
 * what a user looks up that only a handful of documents hold. (Shorter
 * terms are fragments of "1,035" that nobody types alone.) */
static void
add_rare_terms (GArray     *queries,
                sqlite3    *db,
                guint       n)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary"
                        " USING fts5vocab (main, 'search', 'row')", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT term FROM temp.vocabulary WHERE length (term) >= 4 ORDER BY doc, term LIMIT ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("px-bench-archive: fts5vocab: %s\n", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return;
    }
  sqlite3_bind_int (stmt, 1, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_query (queries, "rare word", g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
}

/* 50 queries: what people type into a search box. */
static GArray *
make_queries (sqlite3 *db)
{
  GArray *queries = g_array_new (FALSE, TRUE, sizeof (Query));
  guint n_places = px_bench_words_count (PX_BENCH_WORDS_PLACES);
  guint n_events = px_bench_words_count (PX_BENCH_WORDS_EVENTS);
  guint single_events = 0;

  g_array_set_clear_func (queries, query_clear);

  /* 15 common words: the one-word events, and the longest word of the
   * filler sentences ("Residents", "Television", …). */
  for (guint i = 0; i < n_events; i++)
    {
      const char *noun = px_bench_words_get (PX_BENCH_WORDS_EVENTS, i);

      if (strchr (noun, ' ') == NULL && single_events < 6)
        {
          add_query (queries, "common word", g_strdup (noun));
          single_events++;
        }
    }
  for (guint i = 0; queries->len < 15; i++)
    add_query (queries, "common word", longest_word (px_bench_words_get (PX_BENCH_WORDS_FILLERS, i)));

  /* 10 rare words: the 7 rarest terms of the index and 3 it does not
   * have (a typo, a word from another story). */
  add_rare_terms (queries, db, 7);
  add_query (queries, "absent word", g_strdup ("zeppelin"));
  add_query (queries, "absent word", g_strdup ("marzipan"));
  add_query (queries, "absent word", g_strdup ("Quetzalcoatl"));

  /* 12 two-word queries: a place and an event, a person, an official. */
  for (guint i = 0, e = 0; i < 6; i++, e = (e + 3) % n_events)
    add_query (queries, "two words",
               g_strdup_printf ("%s %s", px_bench_words_get (PX_BENCH_WORDS_PLACES, (i * 5) % n_places),
                                px_bench_words_get (PX_BENCH_WORDS_EVENTS, e)));
  for (guint i = 0; i < 3; i++)
    add_query (queries, "two words",
               g_strdup_printf ("%s %s", px_bench_words_get (PX_BENCH_WORDS_FIRST_NAMES, i * 7),
                                px_bench_words_get (PX_BENCH_WORDS_LAST_NAMES, i * 6 + 1)));
  add_query (queries, "two words", g_strdup ("interior ministry"));
  add_query (queries, "two words", g_strdup ("Red Cross"));
  add_query (queries, "two words", g_strdup ("death toll"));

  /* 8 phrases in quotes. */
  add_query (queries, "phrase", g_strdup ("\"death toll rose\""));
  add_query (queries, "phrase", g_strdup ("\"national mourning\""));
  add_query (queries, "phrase", g_strdup ("\"civil protection agency\""));
  for (guint i = 0, found = 0; i < n_events && found < 3; i++)
    {
      const char *noun = px_bench_words_get (PX_BENCH_WORDS_EVENTS, i);

      if (strchr (noun, ' ') != NULL)
        {
          add_query (queries, "phrase", g_strdup_printf ("\"%s\"", noun));
          found++;
        }
    }
  for (guint i = 0, found = 0; i < n_places && found < 2; i++)
    {
      const char *place = px_bench_words_get (PX_BENCH_WORDS_PLACES, i);

      if (strchr (place, ' ') != NULL)
        {
          add_query (queries, "phrase", g_strdup_printf ("\"%s\"", place));
          found++;
        }
    }

  /* 5 words with diacritics. The generator writes ASCII only (its output
   * is fixed, see px-bench-generate.c), so these are accented forms of
   * its words, which the index folds to the same terms. */
  add_query (queries, "diacritics", accented (px_bench_words_get (PX_BENCH_WORDS_LAST_NAMES, 3)));
  add_query (queries, "diacritics", accented (px_bench_words_get (PX_BENCH_WORDS_LAST_NAMES, 13)));
  add_query (queries, "diacritics", accented (px_bench_words_get (PX_BENCH_WORDS_PLACES, 0)));
  add_query (queries, "diacritics", accented (px_bench_words_get (PX_BENCH_WORDS_EVENTS, 0)));
  add_query (queries, "diacritics", g_strdup ("évacuated"));

  return queries;
}

/* Every document matching @text, counted with a query of our own (the
 * list holds at most SEARCH_LIMIT). Words are quoted one by one, as
 * the archive does, so that none is read as FTS5 syntax. */
static gint64
count_matches (sqlite3    *db,
               const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (text[0] == '"')
    g_string_assign (match, text);
  else
    {
      g_auto(GStrv) words = g_strsplit (text, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        g_string_append_printf (match, "%s\"%s\"", i ? " " : "", words[i]);
    }

  if (sqlite3_prepare_v2 (db, "SELECT COUNT (*) FROM search WHERE search MATCH ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match->str, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return n;
}

/* ------------------------------------------------------------------ */
/* One run.                                                           */

typedef struct
{
  guint           count;
  gboolean        reused;
  PxBenchGenStats gen;
  double          generate_seconds;

  /* Import. */
  double          import_seconds;
  double          import_cpu_seconds;
  double          corpus_seconds;   /* pass 1 of the import: the lines' corpus */
  double          close_seconds;    /* closing the archive: the WAL checkpoint */
  guint           imported;
  guint           duplicates;
  guint           failures;
  char           *first_failure;
  gint64          import_rss_before_kb;
  gint64          import_peak_kb;

  /* Size on disk. */
  guint64         db_bytes;
  guint64         originals_bytes;
  guint64         archive_bytes;    /* apparent, every file */
  guint64         archive_disk;     /* allocated blocks */
  guint           originals_files;

  OpenStats       open[OPEN_RUNS];

  GArray         *queries;
  double          search_median;
  double          search_worst;
  guint           search_fast;      /* queries whose worst is under 50 ms */

  double          load_median;
  double          load_worst;
  double          load_mean;
} RunStats;

static void
run_stats_clear (RunStats *stats)
{
  g_clear_pointer (&stats->first_failure, g_free);
  g_clear_pointer (&stats->queries, g_array_unref);
}

typedef struct
{
  double start;
  double pass1_end;
  guint  total;
  gboolean verbose;
  double last_report;
} ImportProgress;

/* px_archive_import's progress runs 0 … 3 × files: the first third is
 * the corpus pass, the rest the parse-and-store pass. */
static void
import_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  ImportProgress *p = user_data;
  double now;

  if (p->pass1_end == 0 && total > 0 && done >= total / 3)
    p->pass1_end = now_seconds ();
  if (!p->verbose)
    return;
  now = now_seconds ();
  if (now - p->last_report >= 10.0 || done == total)
    {
      g_printerr ("  … import %3.0f%% (%.0f s)\n", total ? 100.0 * done / total : 100.0, now - p->start);
      p->last_report = now;
    }
}

static gboolean
measure_import (const char  *docs_dir,
                const char  *archive_dir,
                RunStats    *stats,
                gboolean     verbose,
                GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (archive_dir);
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(PxImportResult) result = NULL;
  const char *paths[] = { docs_dir, NULL };
  ImportProgress progress = { 0 };
  double t0, c0;

  /* Start from a clean heap: the generator's garbage does not count. */
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  px_bench_reset_peak_rss ();
  stats->import_rss_before_kb = px_bench_proc_status_kb ("VmRSS");

  archive = px_archive_create (folder, error);
  if (archive == NULL)
    return FALSE;

  progress.verbose = verbose;
  c0 = px_bench_cpu_seconds ();
  t0 = progress.start = progress.last_report = now_seconds ();
  result = px_archive_import (archive, paths, NULL, import_progress, &progress, error);
  stats->import_seconds = now_seconds () - t0;
  stats->import_cpu_seconds = px_bench_cpu_seconds () - c0;
  stats->import_peak_kb = px_bench_proc_status_kb ("VmHWM");
  if (result == NULL)
    return FALSE;
  stats->corpus_seconds = progress.pass1_end > 0 ? progress.pass1_end - t0 : 0;

  stats->imported = result->imported;
  stats->duplicates = result->duplicates;
  stats->failures = result->failures->len;
  if (result->failures->len > 0)
    stats->first_failure = g_strdup (((GError *) result->failures->pdata[0])->message);

  /* The last connection to close checkpoints the WAL into the database:
   * part of the import's cost, measured apart. */
  t0 = now_seconds ();
  g_clear_object (&archive);
  stats->close_seconds = now_seconds () - t0;

  return TRUE;
}

static gboolean
measure_size (const char  *archive_dir,
              RunStats    *stats,
              GError     **error)
{
  g_autofree char *originals = g_build_filename (archive_dir, "originals", NULL);
  guint64 allocated = 0;
  guint files = 0;

  stats->archive_bytes = stats->archive_disk = 0;
  if (!px_bench_tree_size (archive_dir, &stats->archive_bytes, &stats->archive_disk, &files, error))
    return FALSE;
  stats->originals_bytes = 0;
  stats->originals_files = 0;
  if (!px_bench_tree_size (originals, &stats->originals_bytes, &allocated, &stats->originals_files, error))
    return FALSE;
  /* parallax.db and, if a reader kept them, its -wal and -shm. */
  stats->db_bytes = stats->archive_bytes - stats->originals_bytes;

  return TRUE;
}

static gboolean
measure_search_and_load (const char  *archive_dir,
                         guint64      seed,
                         RunStats    *stats,
                         GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (archive_dir);
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(PxDocumentList) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *db_path = g_build_filename (archive_dir, "parallax.db", NULL);
  g_autofree double *all = NULL;
  double loads[LOADS];
  double sum = 0;
  sqlite3 *db = NULL;
  guint n_all = 0;

  archive = px_archive_open (folder, error);
  if (archive == NULL)
    return FALSE;

  /* A connection of our own, read-only, for what the API does not give:
   * the rarest terms, the full number of matches. */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", db_path,
                   db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  stats->queries = make_queries (db);

  all = g_new (double, stats->queries->len * SEARCH_REPEATS);
  /* Through the list model, as the window's search entry does: the query
   * (relevance order, SEARCH_LIMIT rows, snippets) and the items-changed.
   * Round-robin over the queries: each set_query is a new search, and a
   * query's repeats are not served from the same warm SQLite cache. */
  list = px_document_list_new (archive);
  for (guint r = 0; r < SEARCH_REPEATS; r++)
    for (guint i = 0; i < stats->queries->len; i++)
      {
        Query *q = &g_array_index (stats->queries, Query, i);
        double t0 = now_seconds ();

        px_document_list_set_query (list, q->text);
        q->seconds[r] = now_seconds () - t0;
        q->hits = g_list_model_get_n_items (G_LIST_MODEL (list));
        all[n_all++] = q->seconds[r];
      }
  g_clear_object (&list);
  for (guint i = 0; i < stats->queries->len; i++)
    {
      Query *q = &g_array_index (stats->queries, Query, i);
      double copy[SEARCH_REPEATS];

      memcpy (copy, q->seconds, sizeof copy);
      q->worst = maximum (copy, SEARCH_REPEATS);
      q->median = median (copy, SEARCH_REPEATS);
      q->matches = count_matches (db, q->text);
      if (q->worst < 0.05)
        stats->search_fast++;
    }
  stats->search_worst = maximum (all, n_all);
  stats->search_median = median (all, n_all);
  sqlite3_close (db);

  /* Loads: random documents, as a user clicks through the list. */
  rows = px_archive_list (archive, NULL, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;
  rand = g_rand_new_with_seed ((guint32) seed);
  for (guint i = 0; i < LOADS; i++)
    {
      const PxDocumentSummary *row = rows->pdata[g_rand_int_range (rand, 0, rows->len)];
      g_autoptr(PxDocument) document = NULL;
      double t0 = now_seconds ();

      document = px_archive_load_document (archive, row->id, error);
      loads[i] = now_seconds () - t0;
      if (document == NULL)
        return FALSE;
      sum += loads[i];
    }
  stats->load_mean = sum / LOADS;
  stats->load_worst = maximum (loads, LOADS);
  stats->load_median = median (loads, LOADS);

  return TRUE;
}

static gboolean
run_once (const char  *base,
          guint        count,
          guint64      seed,
          gboolean     reuse,
          gboolean     verbose,
          RunStats    *stats,
          GError     **error)
{
  g_autofree char *docs_dir = g_build_filename (base, "documents", NULL);
  g_autofree char *archive_dir = g_build_filename (base, "archive", NULL);
  g_autoptr(GFile) archive_folder = g_file_new_for_path (archive_dir);

  memset (stats, 0, sizeof *stats);
  stats->count = count;

  if (reuse && px_archive_is_archive (archive_folder))
    stats->reused = TRUE;
  else
    {
      double t0;

      if (g_mkdir_with_parents (docs_dir, 0755) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", docs_dir,
                       g_strerror (errno));
          return FALSE;
        }
      if (verbose)
        g_printerr ("N = %u: generating into %s\n", count, docs_dir);
      t0 = now_seconds ();
      if (!px_bench_generate (docs_dir, count, seed, &stats->gen, error))
        return FALSE;
      stats->generate_seconds = now_seconds () - t0;

      if (verbose)
        g_printerr ("N = %u: importing into %s\n", count, archive_dir);
      if (!measure_import (docs_dir, archive_dir, stats, verbose, error))
        return FALSE;

      /* The originals are in the archive now; the disk is better spent
       * elsewhere. */
      if (!px_bench_remove_tree (docs_dir, error))
        return FALSE;
    }

  if (!measure_size (archive_dir, stats, error))
    return FALSE;

  if (verbose)
    g_printerr ("N = %u: opening, %u times\n", count, OPEN_RUNS);
  for (guint i = 0; i < OPEN_RUNS; i++)
    if (!run_open_child (archive_dir, &stats->open[i], error))
      return FALSE;

  if (verbose)
    g_printerr ("N = %u: searching and loading\n", count);
  return measure_search_and_load (archive_dir, seed, stats, error);
}

/* ------------------------------------------------------------------ */
/* Reporting.                                                         */

typedef struct
{
  double total;
  double open;
  double list;
  double rows;
  double process;
  double worst;
  gint64 peak_kb;
  gint64 rss_kb;
  gint64 rss_start_kb;
} OpenSummary;

static void
summarize_open (const RunStats *s,
                OpenSummary    *o)
{
  double total[OPEN_RUNS], open[OPEN_RUNS], list[OPEN_RUNS], rows[OPEN_RUNS], process[OPEN_RUNS];

  memset (o, 0, sizeof *o);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      total[i] = s->open[i].total_seconds;
      open[i] = s->open[i].open_seconds;
      list[i] = s->open[i].list_seconds;
      rows[i] = s->open[i].rows_seconds;
      process[i] = s->open[i].process_seconds;
      o->worst = MAX (o->worst, total[i]);
      o->peak_kb = MAX (o->peak_kb, s->open[i].peak_kb);
      o->rss_kb = MAX (o->rss_kb, s->open[i].rss_kb);
      o->rss_start_kb = MAX (o->rss_start_kb, s->open[i].rss_start_kb);
    }
  o->total = median (total, OPEN_RUNS);
  o->open = median (open, OPEN_RUNS);
  o->list = median (list, OPEN_RUNS);
  o->rows = median (rows, OPEN_RUNS);
  o->process = median (process, OPEN_RUNS);
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
print_human (const RunStats *s)
{
  OpenSummary o;
  double docs_per_s = s->import_seconds > 0 ? s->imported / s->import_seconds : 0;

  summarize_open (s, &o);

  g_print ("N = %u\n", s->count);
  if (s->reused)
    g_print ("  import:    (reused an existing archive: not measured)\n");
  else
    {
      g_print ("  generated: %u text + %u HTML, %.1f MB in %.1f s\n",
               s->gen.text_files, s->gen.html_files, px_bench_mb (s->gen.bytes), s->generate_seconds);
      g_print ("  import:    %.1f s wall, %.1f s CPU (corpus pass %.1f s); %.0f documents/s, %.2f MB/s "
               "[target >= 500/s: %s]\n",
               s->import_seconds, s->import_cpu_seconds, s->corpus_seconds, docs_per_s,
               s->import_seconds > 0 ? px_bench_mb (s->gen.bytes) / s->import_seconds : 0,
               verdict (docs_per_s >= 500));
      g_print ("             %u imported, %u duplicates, %u failures; closing (WAL checkpoint) %.2f s; "
               "peak RSS %.0f MB (from %.0f MB)\n",
               s->imported, s->duplicates, s->failures, s->close_seconds,
               s->import_peak_kb / 1024.0, s->import_rss_before_kb / 1024.0);
      if (s->first_failure != NULL)
        g_print ("             first failure: %s\n", s->first_failure);
    }
  g_print ("  size:      %.1f MB on disk (%.1f MB apparent): database %.1f MB, "
           "%u originals %.1f MB\n",
           px_bench_mb (s->archive_disk), px_bench_mb (s->archive_bytes), px_bench_mb (s->db_bytes),
           s->originals_files, px_bench_mb (s->originals_bytes));
  g_print ("  open:      %.3f s median of %u, worst %.3f s, first %.3f s "
           "(open %.3f + list of %u rows %.3f + first %d rows %.4f) [target < 0.5 s: %s]\n",
           o.total, OPEN_RUNS, o.worst, s->open[0].total_seconds, o.open, s->open[0].n_items, o.list,
           FIRST_ROWS, o.rows, verdict (o.worst < 0.5));
  g_print ("             child process, exec to exit: %.3f s median\n", o.process);
  g_print ("  memory:    open child: VmHWM %.1f MB, RSS %.1f MB (%.1f MB before opening) "
           "[target < 300 MB: %s]\n",
           o.peak_kb / 1024.0, o.rss_kb / 1024.0, o.rss_start_kb / 1024.0, verdict (o.peak_kb < 300 * 1024));
  g_print ("  search:    %u queries × %d: median %.2f ms, worst %.2f ms; %u of %u queries always under 50 ms "
           "[target < 50 ms: %s]\n",
           s->queries->len, SEARCH_REPEATS, s->search_median * 1e3, s->search_worst * 1e3,
           s->search_fast, s->queries->len, verdict (s->search_worst < 0.05));
  for (guint i = 0; i < s->queries->len; i++)
    {
      const Query *q = &g_array_index (s->queries, Query, i);

      /* printf pads bytes, not characters: "Dübois" would stand out. */
      int pad = 32 - (int) g_utf8_strlen (q->text, -1);

      g_print ("             %-12s %s%*s median %8.2f ms  worst %8.2f ms  hits %4u  matches %7" G_GINT64_FORMAT "\n",
               q->kind, q->text, MAX (pad, 0), "", q->median * 1e3, q->worst * 1e3, q->hits, q->matches);
    }
  g_print ("  load:      %d random documents: median %.2f ms, mean %.2f ms, worst %.2f ms\n",
           LOADS, s->load_median * 1e3, s->load_mean * 1e3, s->load_worst * 1e3);
}

#define MEMBER_INT(b, name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_int_value (b, (gint64) (value)); } G_STMT_END
#define MEMBER_DOUBLE(b, name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_double_value (b, (value)); } G_STMT_END
#define MEMBER_STRING(b, name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_string_value (b, (value)); } G_STMT_END

static void
add_run_json (JsonBuilder    *b,
              const RunStats *s)
{
  OpenSummary o;
  double docs_per_s = s->import_seconds > 0 ? s->imported / s->import_seconds : 0;

  summarize_open (s, &o);

  json_builder_begin_object (b);
  MEMBER_INT (b, "count", s->count);
  json_builder_set_member_name (b, "reused_archive");
  json_builder_add_boolean_value (b, s->reused);
  MEMBER_INT (b, "text_files", s->gen.text_files);
  MEMBER_INT (b, "html_files", s->gen.html_files);
  MEMBER_INT (b, "bytes", s->gen.bytes);
  MEMBER_DOUBLE (b, "mb", px_bench_mb (s->gen.bytes));
  MEMBER_DOUBLE (b, "generate_seconds", s->generate_seconds);

  json_builder_set_member_name (b, "import");
  json_builder_begin_object (b);
  MEMBER_DOUBLE (b, "seconds", s->import_seconds);
  MEMBER_DOUBLE (b, "cpu_seconds", s->import_cpu_seconds);
  MEMBER_DOUBLE (b, "corpus_pass_seconds", s->corpus_seconds);
  MEMBER_DOUBLE (b, "close_seconds", s->close_seconds);
  MEMBER_DOUBLE (b, "documents_per_second", docs_per_s);
  MEMBER_DOUBLE (b, "mb_per_second", s->import_seconds > 0 ? px_bench_mb (s->gen.bytes) / s->import_seconds : 0);
  MEMBER_INT (b, "imported", s->imported);
  MEMBER_INT (b, "duplicates", s->duplicates);
  MEMBER_INT (b, "failures", s->failures);
  json_builder_set_member_name (b, "first_failure");
  if (s->first_failure != NULL)
    json_builder_add_string_value (b, s->first_failure);
  else
    json_builder_add_null_value (b);
  MEMBER_INT (b, "rss_before_kb", s->import_rss_before_kb);
  MEMBER_INT (b, "peak_kb", s->import_peak_kb);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "size");
  json_builder_begin_object (b);
  MEMBER_INT (b, "disk_bytes", s->archive_disk);
  MEMBER_INT (b, "apparent_bytes", s->archive_bytes);
  MEMBER_INT (b, "database_bytes", s->db_bytes);
  MEMBER_INT (b, "originals_bytes", s->originals_bytes);
  MEMBER_INT (b, "originals_files", s->originals_files);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "open");
  json_builder_begin_object (b);
  MEMBER_DOUBLE (b, "median_seconds", o.total);
  MEMBER_DOUBLE (b, "worst_seconds", o.worst);
  MEMBER_DOUBLE (b, "open_seconds", o.open);
  MEMBER_DOUBLE (b, "list_seconds", o.list);
  MEMBER_DOUBLE (b, "first_rows_seconds", o.rows);
  MEMBER_DOUBLE (b, "process_seconds", o.process);
  MEMBER_INT (b, "rows", s->open[0].n_items);
  MEMBER_INT (b, "peak_kb", o.peak_kb);
  MEMBER_INT (b, "rss_kb", o.rss_kb);
  MEMBER_INT (b, "rss_before_open_kb", o.rss_start_kb);
  json_builder_set_member_name (b, "runs_seconds");
  json_builder_begin_array (b);
  for (guint i = 0; i < OPEN_RUNS; i++)
    json_builder_add_double_value (b, s->open[i].total_seconds);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "search");
  json_builder_begin_object (b);
  MEMBER_INT (b, "limit", SEARCH_LIMIT);
  MEMBER_INT (b, "repeats", SEARCH_REPEATS);
  MEMBER_DOUBLE (b, "median_ms", s->search_median * 1e3);
  MEMBER_DOUBLE (b, "worst_ms", s->search_worst * 1e3);
  MEMBER_INT (b, "queries_under_50_ms", s->search_fast);
  json_builder_set_member_name (b, "queries");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->queries->len; i++)
    {
      const Query *q = &g_array_index (s->queries, Query, i);

      json_builder_begin_object (b);
      MEMBER_STRING (b, "kind", q->kind);
      MEMBER_STRING (b, "query", q->text);
      MEMBER_DOUBLE (b, "median_ms", q->median * 1e3);
      MEMBER_DOUBLE (b, "worst_ms", q->worst * 1e3);
      MEMBER_INT (b, "hits", q->hits);
      MEMBER_INT (b, "matches", q->matches);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "load");
  json_builder_begin_object (b);
  MEMBER_INT (b, "documents", LOADS);
  MEMBER_DOUBLE (b, "median_ms", s->load_median * 1e3);
  MEMBER_DOUBLE (b, "mean_ms", s->load_mean * 1e3);
  MEMBER_DOUBLE (b, "worst_ms", s->load_worst * 1e3);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "targets");
  json_builder_begin_object (b);
  /* null: a reused archive's import was not measured. */
  json_builder_set_member_name (b, "import_500_per_second");
  if (s->reused)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, docs_per_s >= 500);
  json_builder_set_member_name (b, "open_under_half_second");
  json_builder_add_boolean_value (b, o.worst < 0.5);
  json_builder_set_member_name (b, "search_under_50_ms");
  json_builder_add_boolean_value (b, s->search_worst < 0.05);
  json_builder_set_member_name (b, "memory_under_300_mb");
  json_builder_add_boolean_value (b, o.peak_kb < 300 * 1024);
  json_builder_end_object (b);

  json_builder_end_object (b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *keep = NULL;
  g_autofree char *open_dir = NULL;
  gint count = 0;
  gint64 seed = 1;
  gboolean json = FALSE;
  gboolean reuse = FALSE;
  gboolean verbose;
  guint counts[2] = { 10000, 100000 };
  guint n_counts = 2;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of documents (default: 10000, then 100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "PRNG seed (default: 1)", "S" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Build the archive in DIR/n<N>/archive and keep it", "DIR" },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse,
      "With --keep: if DIR/n<N>/archive exists, measure it instead of importing again", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the results as JSON", NULL },
    { "open-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &open_dir, NULL, "DIR" },
    { NULL }
  };

  /* The queries and the report have non-ASCII text; numbers stay in the
   * C locale, which the parent reads back from --open-only. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  context = g_option_context_new ("— benchmark the archive: import, open, search, load");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("px-bench-archive: %s\n", error->message);
      return 2;
    }
  if (open_dir != NULL)
    return open_only (open_dir);
  if (count < 0 || argc > 1 || (reuse && keep == NULL))
    {
      g_printerr ("px-bench-archive: --count must be positive, --reuse needs --keep; no positional arguments\n");
      return 2;
    }
  if (count > 0)
    {
      counts[0] = (guint) count;
      n_counts = 1;
    }
  /* Progress on the terminal only: a 100,000-document run takes minutes. */
  verbose = isatty (STDERR_FILENO);

  json_builder_begin_object (builder);
  MEMBER_STRING (builder, "benchmark", "px-bench-archive");
  MEMBER_STRING (builder, "version", PACKAGE_VERSION);
  MEMBER_STRING (builder, "buildtype", PX_BENCH_BUILDTYPE);
  MEMBER_STRING (builder, "sqlite", sqlite3_libversion ());
  MEMBER_INT (builder, "processors", g_get_num_processors ());
  MEMBER_INT (builder, "seed", seed);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);

  if (!json)
    g_print ("px-bench-archive: %s build, %u processors, SQLite %s, seed %" G_GINT64_FORMAT "\n"
             "(files read from the page cache: nothing is dropped from it)\n",
             PX_BENCH_BUILDTYPE, g_get_num_processors (), sqlite3_libversion (), seed);

  for (guint i = 0; i < n_counts && status == EXIT_SUCCESS; i++)
    {
      g_autofree char *base = NULL;
      g_autoptr(GError) run_error = NULL;
      RunStats stats;

      if (keep != NULL)
        {
          g_autofree char *sub = g_strdup_printf ("n%u", counts[i]);
          g_autofree char *archive_dir = NULL;

          base = g_build_filename (keep, sub, NULL);
          archive_dir = g_build_filename (base, "archive", NULL);
          if (g_file_test (archive_dir, G_FILE_TEST_EXISTS) && !reuse)
            {
              g_printerr ("px-bench-archive: %s exists; remove it, choose another --keep or add --reuse\n",
                          archive_dir);
              status = EXIT_FAILURE;
              break;
            }
          if (g_mkdir_with_parents (base, 0755) != 0)
            {
              g_printerr ("px-bench-archive: %s: %s\n", base, g_strerror (errno));
              status = EXIT_FAILURE;
              break;
            }
        }
      else
        {
          base = g_dir_make_tmp ("px-bench-archive-XXXXXX", &run_error);
          if (base == NULL)
            {
              g_printerr ("px-bench-archive: %s\n", run_error->message);
              status = EXIT_FAILURE;
              break;
            }
        }

      if (!run_once (base, counts[i], (guint64) seed, reuse, verbose, &stats, &run_error))
        {
          g_printerr ("px-bench-archive: N = %u: %s\n", counts[i], run_error->message);
          status = EXIT_FAILURE;
        }
      else if (json)
        add_run_json (builder, &stats);
      else
        print_human (&stats);
      run_stats_clear (&stats);

      if (keep == NULL)
        {
          g_autoptr(GError) rm_error = NULL;

          if (!px_bench_remove_tree (base, &rm_error))
            {
              g_printerr ("px-bench-archive: cannot remove %s: %s\n", base, rm_error->message);
              status = EXIT_FAILURE;
            }
        }
      else if (!json)
        g_print ("  kept in:   %s/archive\n", base);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *data = px_json_to_string (root);

      g_print ("%s\n", data);
    }

  return status;
}
