/* px-refresher.c: adding URLs and feeds, and refreshing them (stub until
 * written)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-refresher.h"

struct _PxRefresher
{
  GObject         parent_instance;
  PxArchive      *archive;
  PxFetchOptions  options;
};

G_DEFINE_FINAL_TYPE (PxRefresher, px_refresher, G_TYPE_OBJECT)

static void
px_refresher_finalize (GObject *object)
{
  PxRefresher *self = PX_REFRESHER (object);

  g_clear_object (&self->archive);
  G_OBJECT_CLASS (px_refresher_parent_class)->finalize (object);
}

static void
px_refresher_class_init (PxRefresherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_refresher_finalize;
}

static void
px_refresher_init (PxRefresher *self)
{
  px_fetch_options_init (&self->options);
}

PxRefresher *
px_refresher_new (PxArchive *archive)
{
  PxRefresher *self = g_object_new (PX_TYPE_REFRESHER, NULL);

  self->archive = g_object_ref (archive);
  return self;
}

void
px_refresher_set_options (PxRefresher          *self,
                          const PxFetchOptions *options)
{
  self->options = *options;
}

static PxRefreshResult *
result_new (void)
{
  PxRefreshResult *result = g_new0 (PxRefreshResult, 1);

  result->failed = g_ptr_array_new ();
  result->document_ids = g_ptr_array_new_with_free_func (g_free);
  return result;
}

static void
return_empty (PxRefresher         *self,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_return_pointer (task, result_new (), (GDestroyNotify) px_refresh_result_free);
}

void
px_refresher_refresh_async (PxRefresher         *self,
                            const char * const  *urls,
                            GCancellable        *cancellable,
                            PxRefreshProgress    progress,
                            gpointer             progress_data,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  return_empty (self, cancellable, callback, user_data);
}

PxRefreshResult *
px_refresher_refresh_finish (PxRefresher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
px_refresher_add_urls_async (PxRefresher         *self,
                             const char * const  *urls,
                             GCancellable        *cancellable,
                             PxRefreshProgress    progress,
                             gpointer             progress_data,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  return_empty (self, cancellable, callback, user_data);
}

PxRefreshResult *
px_refresher_add_urls_finish (PxRefresher   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
px_refresher_add_feed_async (PxRefresher         *self,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  return_empty (self, cancellable, callback, user_data);
}

PxRefreshResult *
px_refresher_add_feed_finish (PxRefresher   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

PxRefreshResult *
px_refresher_refresh (PxRefresher         *self,
                      const char * const  *urls,
                      GCancellable        *cancellable,
                      GError             **error)
{
  return result_new ();
}

PxRefreshResult *
px_refresher_add_urls (PxRefresher         *self,
                       const char * const  *urls,
                       GCancellable        *cancellable,
                       GError             **error)
{
  return result_new ();
}

PxRefreshResult *
px_refresher_add_feed (PxRefresher   *self,
                       const char    *url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return result_new ();
}

void
px_refresh_result_free (PxRefreshResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->failed);
  g_ptr_array_unref (result->document_ids);
  g_free (result);
}

char *
px_refresh_result_to_json (const PxRefreshResult *result)
{
  return g_strdup ("{}");
}
