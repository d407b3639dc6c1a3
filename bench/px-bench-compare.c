/* px-bench-compare.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comparison benchmark: generates N synthetic documents (px-bench-generate.c,
 * the documents the parse and archive benchmarks use), parses them, then
 * times px_comparison_run() stage by stage on one thread: grouping the
 * figures into topics, aligning passages, counting the framing. Parsing is
 * reported apart: the Compare view reads parsed documents from the archive.
 *
 * Usage: px-bench-compare [--count N]... [--seed S] [--json]
 * Without --count, runs N = 100, 1,000 and 10,000.
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "px-bench-generate.h"
#include "px-comparison.h"
#include "px-json.h"
#include "px-loader.h"

#ifndef PX_BENCH_BUILDTYPE
#define PX_BENCH_BUILDTYPE "unknown"
#endif

typedef struct
{
  guint   count;
  double  parse_seconds;
  double  stage_seconds[3];
  double  total_seconds;
  double  cpu_seconds;
  guint   figures;
  guint   topics;
  guint   shared_topics;   /* reported by more than one source */
  guint   alignments;
  guint   sources;
  gint64  peak_kb;
} Run;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gboolean
run_one (guint     count,
         guint64   seed,
         Run      *run,
         GError  **error)
{
  g_autofree char *dir = g_dir_make_tmp ("px-bench-compare-XXXXXX", error);
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  const PxCompareStage stages[] = { PX_COMPARE_TOPICS, PX_COMPARE_PASSAGES, PX_COMPARE_FRAMING };
  const char *paths[2] = { NULL, NULL };
  PxBenchGenStats generated;
  GListModel *topics;
  double start, cpu;

  if (dir == NULL || !px_bench_generate (dir, count, seed, &generated, error))
    return FALSE;

  run->count = count;
  paths[0] = dir;
  start = now ();
  result = px_loader_load (paths, NULL, NULL, NULL, error);
  if (result == NULL)
    return FALSE;
  run->parse_seconds = now () - start;

  for (guint i = 0; i < result->documents->len; i++)
    run->figures += px_document_get_figures (g_ptr_array_index (result->documents, i))->len;

  px_bench_reset_peak_rss ();
  cpu = px_bench_cpu_seconds ();
  start = now ();
  comparison = px_comparison_new (result->documents, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      double stage_start = now ();

      if (!px_comparison_run (comparison, stages[s], NULL, error))
        return FALSE;
      run->stage_seconds[s] = now () - stage_start;
    }
  run->total_seconds = now () - start;
  run->cpu_seconds = px_bench_cpu_seconds () - cpu;
  run->peak_kb = px_bench_proc_status_kb ("VmHWM");

  topics = px_comparison_get_topics (comparison);
  run->topics = g_list_model_get_n_items (topics);
  for (guint i = 0; i < run->topics; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      if (px_topic_get_n_sources (topic) > 1)
        run->shared_topics++;
    }
  run->alignments = g_list_model_get_n_items (px_comparison_get_alignments (comparison));
  run->sources = px_comparison_get_n_sources (comparison);

  return px_bench_remove_tree (dir, error);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) counts = NULL;
  gint64 seed = 1;
  gboolean json = FALSE;
  const char *defaults[] = { "100", "1000", "10000", NULL };
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &counts, "Documents to compare (repeatable)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Generator seed", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the results as JSON", NULL },
    { NULL }
  };

  context = g_option_context_new ("— time the comparison of N documents");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "buildtype");
  json_builder_add_string_value (builder, PX_BENCH_BUILDTYPE);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);

  if (!json)
    g_print ("%8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "docs", "parse s", "topics s", "align s",
             "framing s", "total s", "figures", "topics", "shared", "aligned");

  for (const char * const *c = counts != NULL ? (const char * const *) counts : defaults; *c != NULL; c++)
    {
      Run run = { 0 };
      guint64 count = g_ascii_strtoull (*c, NULL, 10);

      if (count == 0 || !run_one ((guint) count, (guint64) seed, &run, &error))
        {
          g_printerr ("px-bench-compare: %s\n", error != NULL ? error->message : "a count is a positive number");
          return EXIT_FAILURE;
        }

      if (!json)
        g_print ("%8u %8.2f %8.3f %8.3f %8.3f %8.3f %8u %8u %8u %8u\n", run.count, run.parse_seconds,
                 run.stage_seconds[0], run.stage_seconds[1], run.stage_seconds[2], run.total_seconds,
                 run.figures, run.topics, run.shared_topics, run.alignments);

      json_builder_begin_object (builder);
      add_int (builder, "documents", run.count);
      add_int (builder, "sources", run.sources);
      add_int (builder, "figures", run.figures);
      add_double (builder, "parse_seconds", run.parse_seconds);
      add_double (builder, "topics_seconds", run.stage_seconds[0]);
      add_double (builder, "passages_seconds", run.stage_seconds[1]);
      add_double (builder, "framing_seconds", run.stage_seconds[2]);
      add_double (builder, "compare_seconds", run.total_seconds);
      add_double (builder, "compare_cpu_seconds", run.cpu_seconds);
      add_int (builder, "topics", run.topics);
      add_int (builder, "topics_with_several_sources", run.shared_topics);
      add_int (builder, "alignments", run.alignments);
      add_int (builder, "peak_rss_kb", run.peak_kb);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      root = json_builder_get_root (builder);
      text = px_json_to_string (root);
      g_print ("%s\n", text);
    }

  return EXIT_SUCCESS;
}
