/* px-progress.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-progress"

#include "config.h"

#include "px-progress.h"

typedef struct
{
  PxLoaderProgress callback;
  gpointer         data;
  guint            done;
  guint            total;
} Report;

void
px_progress_init (PxProgress       *self,
                  gboolean          from_thread,
                  PxLoaderProgress  callback,
                  gpointer          data)
{
  self->context = from_thread ? g_main_context_ref_thread_default () : NULL;
  self->callback = callback;
  self->data = data;
}

void
px_progress_clear (PxProgress *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
}

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;

  report->callback (report->done, report->total, report->data);
  return G_SOURCE_REMOVE;
}

void
px_progress_report (const PxProgress *self,
                    guint             done,
                    guint             total)
{
  GSource *source;
  Report *report;

  if (self->callback == NULL)
    return;

  if (self->context == NULL)
    {
      self->callback (done, total, self->data);
      return;
    }

  /* Not g_main_context_invoke(): from a worker, while the main thread is
   * not iterating, it acquires the default context and runs the callback
   * right there, in the worker, where GTK must not be touched. */
  report = g_new (Report, 1);
  report->callback = self->callback;
  report->data = self->data;
  report->done = done;
  report->total = total;

  /* The priority of GTask's completion: sources of one priority are
   * dispatched in the order they were attached, so the last report
   * arrives before the result. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, g_free);
  g_source_set_static_name (source, "[parallax] progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}
