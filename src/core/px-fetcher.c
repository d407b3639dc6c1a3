/* px-fetcher.c: polite, bounded HTTP for the refresher (stub until written)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-fetcher.h"

struct _PxFetcher
{
  GObject        parent_instance;
  PxFetchOptions options;
};

G_DEFINE_FINAL_TYPE (PxFetcher, px_fetcher, G_TYPE_OBJECT)
G_DEFINE_QUARK (px-fetch-error-quark, px_fetch_error)

static void px_fetcher_class_init (PxFetcherClass *klass) { }
static void px_fetcher_init (PxFetcher *self) { }

void
px_fetch_options_init (PxFetchOptions *options)
{
  *options = (PxFetchOptions) { 30, 16 << 20, 5, 1000, TRUE, NULL };
}

PxFetcher *
px_fetcher_new (const PxFetchOptions *options)
{
  PxFetcher *self = g_object_new (PX_TYPE_FETCHER, NULL);

  self->options = *options;
  return self;
}

PxFetchResult *
px_fetcher_fetch (PxFetcher                *self,
                  const char               *url,
                  const PxFetchValidators  *validators,
                  GDateTime               **retry_after,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK, "%s: not written yet", url);
  return NULL;
}

void
px_fetch_result_free (PxFetchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_free (result->final_url);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->content_type);
  g_free (result->charset);
  g_free (result->etag);
  g_free (result->last_modified);
  g_clear_pointer (&result->fresh_until, g_date_time_unref);
  g_clear_pointer (&result->fetched, g_date_time_unref);
  g_free (result);
}

char *
px_fetch_host_key (const char *url)
{
  return NULL;
}
