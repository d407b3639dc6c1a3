/* px-progress.h: progress reports from a worker thread
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-loader.h"

G_BEGIN_DECLS

/* Where a long job reports to: @callback runs in @context (the caller's
 * thread-default context, captured when the job starts), or directly when
 * @context is NULL (a synchronous job). */
typedef struct
{
  GMainContext     *context;
  PxLoaderProgress  callback;
  gpointer          data;
} PxProgress;

void px_progress_init   (PxProgress       *self,
                         gboolean          from_thread,
                         PxLoaderProgress  callback,
                         gpointer          data);
void px_progress_clear  (PxProgress       *self);
void px_progress_report (const PxProgress *self,
                         guint             done,
                         guint             total);

G_END_DECLS
