/* px-bench-export.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export benchmark: generates N synthetic documents (px-bench-generate.c,
 * the documents the other benchmarks use), parses them and groups their
 * figures, then times, for the whole document list and the whole ledger:
 * resolving the export plan (every excerpt's offsets in its document's
 * body) and rendering each format, and writing the largest file
 * atomically. These are the biggest exports a user can ask for; a
 * selection is a few dozen items.
 *
 * Usage: px-bench-export [--count N]... [--seed S]
 * Without --count, runs N = 1,000 and 10,000.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "px-bench-generate.h"
#include "px-comparison.h"
#include "px-export.h"
#include "px-loader.h"

#ifndef PX_BENCH_BUILDTYPE
#define PX_BENCH_BUILDTYPE "unknown"
#endif

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The process's peak so far, in MB. The kernel's (VmHWM) is reset before
 * each render, to see what that render alone adds; the overall peak is
 * kept here. */
static double peak_mb;

static double
update_peak (void)
{
  peak_mb = MAX (peak_mb, px_bench_proc_status_kb ("VmHWM") / 1024.0);
  return peak_mb;
}

/* Plans and renders @view in every format; prints one line per format. */
static gboolean
bench_view (const char   *name,
            PxSelection  *view,
            GHashTable   *documents,
            const char   *dir,
            GError      **error)
{
  g_autoptr(PxExportPlan) plan = NULL;
  g_autoptr(GBytes) largest = NULL;
  g_autofree char *path = NULL;
  double start, seconds;
  guint excerpts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (view)); i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (view), i);

      excerpts += px_selection_item_get_excerpts (item)->len;
    }

  start = now ();
  plan = px_export_plan_new (name, G_LIST_MODEL (view), documents);
  seconds = now () - start;
  g_print ("  %-9s %6u items %7u excerpts  plan %8.3f s   peak %6.0f MB\n", name,
           g_list_model_get_n_items (G_LIST_MODEL (view)), excerpts, seconds, update_peak ());

  for (PxExportFormat format = 0; format < PX_EXPORT_N_FORMATS; format++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *added = NULL;
      double resident;
      gboolean reset;

      update_peak ();
      resident = px_bench_proc_status_kb ("VmRSS") / 1024.0;
      reset = px_bench_reset_peak_rss ();
      start = now ();
      bytes = px_export_plan_render (plan, format, error);
      if (bytes == NULL)
        return FALSE;
      seconds = now () - start;
      /* What the render needed above what was resident before it, the
       * text it returns included: a format that holds a whole tree in
       * memory shows here. Without a reset (an old kernel) the peak can
       * be an earlier one. */
      added = reset ? g_strdup_printf ("%6.0f MB", px_bench_proc_status_kb ("VmHWM") / 1024.0 - resident)
                    : g_strdup ("     ? MB");
      g_print ("            %-9s %8.3f s %9.1f MB   adds %s   peak %6.0f MB\n", px_export_format_to_string (format),
               seconds, g_bytes_get_size (bytes) / 1048576.0, added, update_peak ());
      if (largest == NULL || g_bytes_get_size (bytes) > g_bytes_get_size (largest))
        {
          g_clear_pointer (&largest, g_bytes_unref);
          largest = g_steal_pointer (&bytes);
        }
    }

  path = g_build_filename (dir, "export.out", NULL);
  start = now ();
  if (!px_export_write_file (path, largest, TRUE, error))
    return FALSE;
  g_print ("            write     %8.3f s (largest, atomic with fsync)\n", now () - start);
  g_unlink (path);

  return TRUE;
}

static gboolean
run_one (guint     count,
         guint64   seed,
         GError  **error)
{
  g_autofree char *dir = g_dir_make_tmp ("px-bench-export-XXXXXX", error);
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(PxSelection) list = NULL;
  g_autoptr(PxSelection) ledger = NULL;
  const char *paths[2] = { NULL, NULL };
  PxBenchGenStats generated;

  if (dir == NULL || !px_bench_generate (dir, count, seed, &generated, error))
    return FALSE;

  paths[0] = dir;
  result = px_loader_load (paths, NULL, NULL, NULL, error);
  if (result == NULL)
    return FALSE;

  documents = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < result->documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (result->documents, i);

      g_hash_table_insert (documents, (gpointer) px_document_get_id (document), document);
    }

  comparison = px_comparison_new (result->documents, NULL);
  if (!px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, error))
    return FALSE;

  g_print ("N=%u documents\n", count);
  list = px_export_view_documents (result->documents);
  ledger = px_export_view_topics (comparison);
  if (!bench_view ("documents", list, documents, dir, error) ||
      !bench_view ("ledger", ledger, documents, dir, error))
    return FALSE;
  g_print ("  peak memory %.0f MB\n", update_peak ());

  return px_bench_remove_tree (dir, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) counts = NULL;
  gint64 seed = 1;
  const char *defaults[] = { "1000", "10000", NULL };
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &counts, "Documents to export (repeatable)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Generator seed", "S" },
    { NULL }
  };

  context = g_option_context_new ("— time exporting the document list and the ledger");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("px-bench-export (%s build, one thread, seed %" G_GINT64_FORMAT ")\n", PX_BENCH_BUILDTYPE, seed);
  for (const char * const *count = counts ? (const char * const *) counts : defaults; *count; count++)
    if (!run_one (g_ascii_strtoull (*count, NULL, 10), seed, &error))
      {
        g_printerr ("px-bench-export: %s\n", error->message);
        return 1;
      }

  return 0;
}
