/* px-bench-parse.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing throughput and memory benchmark. Generates N synthetic news
 * documents (plain-text scrapes, and one in five as HTML) with a
 * deterministic PRNG (px-bench-generate.c) into a folder, then loads the
 * folder with px_loader_load(), the same two-pass load the application
 * runs, and reports documents/s, MB/s and memory. Document i is the same
 * whatever N is, so runs of different sizes share their first documents.
 *
 * Usage: px-bench-parse [--count N] [--seed S] [--keep DIR] [--json]
 * Without --count, runs N = 1000 then N = 10000.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "px-bench-generate.h"
#include "px-document.h"
#include "px-json.h"
#include "px-loader.h"

#ifndef PX_BENCH_BUILDTYPE
#define PX_BENCH_BUILDTYPE "unknown"
#endif

typedef struct
{
  guint           count;
  PxBenchGenStats gen;
  double          generate_seconds;
  double          seconds;
  double          cpu_seconds;
  guint           documents;
  guint           failures;
  guint64         paragraphs_kept;
  guint64         paragraphs_removed;
  guint64         figures;
  guint64         dates;
  gint64          rss_before_kb;
  gint64          rss_after_kb;
  gint64          rss_freed_kb;
  gint64          peak_kb;
  gboolean        peak_reset;
  char           *first_failure;
} RunStats;

static void
run_stats_clear (RunStats *stats)
{
  g_clear_pointer (&stats->first_failure, g_free);
}

static gboolean
run_once (const char  *dir,
          guint        count,
          guint64      seed,
          RunStats    *stats,
          GError     **error)
{
  g_autoptr(PxLoadResult) result = NULL;
  const char *paths[] = { dir, NULL };
  gint64 t0, t1;
  double c0;

  memset (stats, 0, sizeof *stats);
  stats->count = count;

  t0 = g_get_monotonic_time ();
  if (!px_bench_generate (dir, count, seed, &stats->gen, error))
    return FALSE;
  stats->generate_seconds = (g_get_monotonic_time () - t0) / 1e6;

  /* Start from a clean heap, so that the previous run does not count. */
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  stats->peak_reset = px_bench_reset_peak_rss ();
  stats->rss_before_kb = px_bench_proc_status_kb ("VmRSS");

  c0 = px_bench_cpu_seconds ();
  t0 = g_get_monotonic_time ();
  result = px_loader_load (paths, NULL, NULL, NULL, error);
  t1 = g_get_monotonic_time ();
  stats->cpu_seconds = px_bench_cpu_seconds () - c0;
  if (result == NULL)
    return FALSE;

  stats->seconds = (t1 - t0) / 1e6;
  stats->peak_kb = px_bench_proc_status_kb ("VmHWM");
  stats->rss_after_kb = px_bench_proc_status_kb ("VmRSS");
  stats->documents = result->documents->len;
  stats->failures = result->failures->len;
  if (result->failures->len > 0)
    stats->first_failure = g_strdup (((GError *) result->failures->pdata[0])->message);

  for (guint i = 0; i < result->documents->len; i++)
    {
      PxDocument *document = result->documents->pdata[i];
      GPtrArray *paragraphs = px_document_get_paragraphs (document);

      for (guint j = 0; j < paragraphs->len; j++)
        {
          const PxParagraph *p = paragraphs->pdata[j];

          if (p->kind == PX_BLOCK_REMOVED)
            stats->paragraphs_removed++;
          else
            stats->paragraphs_kept++;
        }
      stats->figures += px_document_get_figures (document)->len;
      stats->dates += px_document_get_dates (document)->len;
    }

  g_clear_pointer (&result, px_load_result_free);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  stats->rss_freed_kb = px_bench_proc_status_kb ("VmRSS");

  return TRUE;
}

static void
print_human (const RunStats *s)
{
  double total_mb = px_bench_mb (s->gen.bytes);

  g_print ("N = %u (%u text, %u HTML), %.2f MB, generated in %.2f s\n",
           s->count, s->gen.text_files, s->gen.html_files, total_mb, s->generate_seconds);
  g_print ("  load:      %.3f s wall, %.3f s CPU\n", s->seconds, s->cpu_seconds);
  g_print ("  speed:     %.0f documents/s, %.2f MB/s\n",
           s->seconds > 0 ? s->count / s->seconds : 0.0,
           s->seconds > 0 ? total_mb / s->seconds : 0.0);
  g_print ("  memory:    RSS before %.1f MB, after %.1f MB (documents held), "
           "after free %.1f MB; peak (VmHWM) %.1f MB%s\n",
           s->rss_before_kb / 1024.0, s->rss_after_kb / 1024.0, s->rss_freed_kb / 1024.0,
           s->peak_kb / 1024.0, s->peak_reset ? "" : " (process lifetime: reset failed)");
  g_print ("  parsed:    %u documents, %u failures; %" G_GUINT64_FORMAT " blocks kept, %"
           G_GUINT64_FORMAT " removed\n",
           s->documents, s->failures, s->paragraphs_kept, s->paragraphs_removed);
  g_print ("  extracted: %" G_GUINT64_FORMAT " figures (%" G_GUINT64_FORMAT " planted), %"
           G_GUINT64_FORMAT " dates (%" G_GUINT64_FORMAT " planted)\n",
           s->figures, s->gen.planted_figures, s->dates, s->gen.planted_dates);
  if (s->first_failure != NULL)
    g_print ("  first failure: %s\n", s->first_failure);
}

static void
add_run_json (JsonBuilder    *b,
              const RunStats *s)
{
  double total_mb = px_bench_mb (s->gen.bytes);

#define MEMBER_INT(name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_int_value (b, (gint64) (value)); } G_STMT_END
#define MEMBER_DOUBLE(name, value) \
  G_STMT_START { json_builder_set_member_name (b, name); json_builder_add_double_value (b, (value)); } G_STMT_END

  json_builder_begin_object (b);
  MEMBER_INT ("count", s->count);
  MEMBER_INT ("text_files", s->gen.text_files);
  MEMBER_INT ("html_files", s->gen.html_files);
  MEMBER_INT ("bytes", s->gen.bytes);
  MEMBER_DOUBLE ("mb", total_mb);
  MEMBER_DOUBLE ("generate_seconds", s->generate_seconds);
  MEMBER_DOUBLE ("seconds", s->seconds);
  MEMBER_DOUBLE ("cpu_seconds", s->cpu_seconds);
  MEMBER_DOUBLE ("documents_per_second", s->seconds > 0 ? s->count / s->seconds : 0.0);
  MEMBER_DOUBLE ("mb_per_second", s->seconds > 0 ? total_mb / s->seconds : 0.0);
  MEMBER_INT ("rss_before_kb", s->rss_before_kb);
  MEMBER_INT ("rss_after_kb", s->rss_after_kb);
  MEMBER_INT ("rss_after_free_kb", s->rss_freed_kb);
  MEMBER_INT ("peak_kb", s->peak_kb);
  json_builder_set_member_name (b, "peak_is_per_run");
  json_builder_add_boolean_value (b, s->peak_reset);
  MEMBER_INT ("documents", s->documents);
  MEMBER_INT ("failures", s->failures);
  MEMBER_INT ("paragraphs_kept", s->paragraphs_kept);
  MEMBER_INT ("paragraphs_removed", s->paragraphs_removed);
  MEMBER_INT ("figures", s->figures);
  MEMBER_INT ("planted_figures", s->gen.planted_figures);
  MEMBER_INT ("dates", s->dates);
  MEMBER_INT ("planted_dates", s->gen.planted_dates);
  json_builder_set_member_name (b, "first_failure");
  if (s->first_failure != NULL)
    json_builder_add_string_value (b, s->first_failure);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

#undef MEMBER_INT
#undef MEMBER_DOUBLE
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *keep = NULL;
  gint count = 0;
  gint64 seed = 1;
  gboolean json = FALSE;
  guint counts[2] = { 1000, 10000 };
  guint n_counts = 2;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of documents (default: 1000, then 10000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "PRNG seed (default: 1)", "S" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Generate into DIR/n<N>/ and keep the files", "DIR" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the results as JSON", NULL },
    { NULL }
  };

  context = g_option_context_new ("— benchmark parsing of synthetic news documents");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("px-bench-parse: %s\n", error->message);
      return 2;
    }
  if (count < 0 || argc > 1)
    {
      g_printerr ("px-bench-parse: --count must be positive; no positional arguments\n");
      return 2;
    }
  if (count > 0)
    {
      counts[0] = (guint) count;
      n_counts = 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "benchmark");
  json_builder_add_string_value (builder, "px-bench-parse");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "buildtype");
  json_builder_add_string_value (builder, PX_BENCH_BUILDTYPE);
  json_builder_set_member_name (builder, "processors");
  json_builder_add_int_value (builder, g_get_num_processors ());
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, seed);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);

  if (!json)
    g_print ("px-bench-parse: %s build, %u processors, seed %" G_GINT64_FORMAT "\n",
             PX_BENCH_BUILDTYPE, g_get_num_processors (), seed);

  for (guint i = 0; i < n_counts && status == EXIT_SUCCESS; i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(GError) run_error = NULL;
      RunStats stats;
      gboolean ok;

      if (keep != NULL)
        {
          g_autofree char *sub = g_strdup_printf ("n%u", counts[i]);

          dir = g_build_filename (keep, sub, NULL);
          if (g_file_test (dir, G_FILE_TEST_EXISTS))
            {
              g_printerr ("px-bench-parse: %s exists; remove it or choose another --keep\n", dir);
              status = EXIT_FAILURE;
              break;
            }
          if (g_mkdir_with_parents (dir, 0755) != 0)
            {
              g_printerr ("px-bench-parse: %s: %s\n", dir, g_strerror (errno));
              status = EXIT_FAILURE;
              break;
            }
        }
      else
        {
          dir = g_dir_make_tmp ("px-bench-XXXXXX", &run_error);
          if (dir == NULL)
            {
              g_printerr ("px-bench-parse: %s\n", run_error->message);
              status = EXIT_FAILURE;
              break;
            }
        }

      ok = run_once (dir, counts[i], (guint64) seed, &stats, &run_error);
      if (!ok)
        {
          g_printerr ("px-bench-parse: N = %u: %s\n", counts[i], run_error->message);
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

          if (!px_bench_remove_tree (dir, &rm_error))
            {
              g_printerr ("px-bench-parse: cannot remove %s: %s\n", dir, rm_error->message);
              status = EXIT_FAILURE;
            }
        }
      else if (!json)
        g_print ("  kept in:   %s\n", dir);
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
