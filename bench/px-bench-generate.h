/* px-bench-generate.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   text_files;
  guint   html_files;
  guint64 bytes;
  guint64 planted_figures;
  guint64 planted_dates;
} PxBenchGenStats;

/* Writes documents 0 … @count - 1 of @seed into @dir as doc-NNNNNN.txt or
 * doc-NNNNNN.html. Document i does not depend on @count. */
gboolean    px_bench_generate        (const char       *dir,
                                      guint             count,
                                      guint64           seed,
                                      PxBenchGenStats  *stats,
                                      GError          **error);

/* The generator's word lists, to make queries that find something. */
typedef enum
{
  PX_BENCH_WORDS_OUTLETS,
  PX_BENCH_WORDS_PLACES,
  PX_BENCH_WORDS_EVENTS,
  PX_BENCH_WORDS_OFFICIALS,
  PX_BENCH_WORDS_FIRST_NAMES,
  PX_BENCH_WORDS_LAST_NAMES,
  PX_BENCH_WORDS_FILLERS,
} PxBenchWords;

guint       px_bench_words_count     (PxBenchWords      words);
const char *px_bench_words_get       (PxBenchWords      words,
                                      guint             index);

/* A "VmXXX:   1234 kB" field of /proc/self/status, in kB; -1 if absent. */
gint64      px_bench_proc_status_kb  (const char       *field);
/* Resets VmHWM to the current RSS (Linux >= 4.0), so that each run
 * reports its own peak. */
gboolean    px_bench_reset_peak_rss  (void);
/* User + system CPU time of the process, all threads. */
double      px_bench_cpu_seconds     (void);
double      px_bench_mb              (guint64           bytes);
/* rm -r: a file, or a folder and everything in it (symbolic links are
 * removed, not followed). */
gboolean    px_bench_remove_tree     (const char       *path,
                                      GError          **error);
/* Adds the sizes of the files under @path: @apparent bytes and the disk
 * blocks @allocated to them, in bytes. */
gboolean    px_bench_tree_size       (const char       *path,
                                      guint64          *apparent,
                                      guint64          *allocated,
                                      guint            *files,
                                      GError          **error);

G_END_DECLS
