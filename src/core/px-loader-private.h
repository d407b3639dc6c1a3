/* px-loader-private.h: what the loader shares with the archive's import
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-parser.h"
#include "px-progress.h"

G_BEGIN_DECLS

gboolean *_px_loader_prepare (PxParser         *parser,
                              GPtrArray        *files,
                              GPtrArray        *failures,
                              GCancellable     *cancellable,
                              const PxProgress *progress,
                              GError          **error);

/* The data of a load or an import run in a worker: the paths, and where
 * progress goes (the caller's context). */
typedef struct
{
  GStrv      paths;
  PxProgress progress;
} PxPathsJob;

PxPathsJob *_px_paths_job_new  (const char * const *paths,
                                PxLoaderProgress    progress,
                                gpointer            progress_data);
void        _px_paths_job_free (PxPathsJob         *job);

G_END_DECLS
