/* px-loader.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-document.h"

G_BEGIN_DECLS


/* What loading a set of paths gave: the documents parsed, in path order,
 * and one GError per file that could not be read or parsed (its message
 * names the file). */
typedef struct
{
  GPtrArray *documents;
  GPtrArray *failures;
} PxLoadResult;

/* Called on the thread-default main context of the caller of
 * px_loader_load_async(), or directly by px_loader_load(). */
typedef void (*PxLoaderProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

void          px_load_result_free      (PxLoadResult        *self);
gboolean      px_loader_collect        (const char * const  *paths,
                                        GPtrArray           *files,
                                        GCancellable        *cancellable,
                                        GError             **error);
PxLoadResult *px_loader_load           (const char * const  *paths,
                                        GCancellable        *cancellable,
                                        PxLoaderProgress     progress,
                                        gpointer             progress_data,
                                        GError             **error);
void          px_loader_load_async     (const char * const  *paths,
                                        GCancellable        *cancellable,
                                        PxLoaderProgress     progress,
                                        gpointer             progress_data,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
PxLoadResult *px_loader_load_finish    (GAsyncResult        *result,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxLoadResult, px_load_result_free)

G_END_DECLS
