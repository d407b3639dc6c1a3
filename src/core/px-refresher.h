/* px-refresher.h: adding URLs and feeds, and refreshing them
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-archive.h"
#include "px-fetcher.h"

G_BEGIN_DECLS

#define PX_TYPE_REFRESHER (px_refresher_get_type ())

G_DECLARE_FINAL_TYPE (PxRefresher, px_refresher, PX, REFRESHER, GObject)

/* Where one source stands during a refresh. */
typedef enum
{
  PX_REFRESH_WAITING,
  PX_REFRESH_FETCHING,
  PX_REFRESH_NOT_MODIFIED,   /* 304, or still fresh (max-age) */
  PX_REFRESH_UNCHANGED,      /* fetched, same text (typography aside) */
  PX_REFRESH_NEW_REVISION,
  PX_REFRESH_NEW_DOCUMENT,   /* added by URL, or an accepted inbox item */
  PX_REFRESH_NEW_ITEMS,      /* a feed with new items for the inbox */
  PX_REFRESH_SKIPPED,        /* Retry-After not over */
  PX_REFRESH_FAILED,
} PxRefreshState;

/* Runs on the caller's thread-default context; @index counts the sources
 * of this run in the order first reported (0 … total - 1); @detail is the
 * reason when failed, else a title or NULL. */
typedef void (*PxRefreshProgress) (const char     *url,
                                   PxRefreshState  state,
                                   const char     *detail,
                                   guint           index,
                                   guint           total,
                                   gpointer        user_data);

typedef struct
{
  char *url;
  char *error;
} PxRefreshFailure;

/* What a run did; the CLI prints it as refresh --json does. */
typedef struct
{
  guint      fetched;        /* answered 200 */
  guint      not_modified;   /* answered 304, or still fresh */
  guint      new_revisions;
  guint      new_documents;
  guint      new_items;      /* feed items that landed in the inbox */
  guint      skipped;
  GPtrArray *failed;         /* PxRefreshFailure */
  GPtrArray *document_ids;   /* ids of the new documents and revisions */
} PxRefreshResult;

/* A refresher works on @archive in a worker thread of its own, one
 * request at a time per host, several hosts at once. */
PxRefresher     *px_refresher_new            (PxArchive             *archive);
void             px_refresher_set_options    (PxRefresher           *self,
                                              const PxFetchOptions  *options);

/* Re-fetches @urls (NULL: every source: each document with a URL and each
 * feed). */
void             px_refresher_refresh_async  (PxRefresher           *self,
                                              const char * const    *urls,
                                              GCancellable          *cancellable,
                                              PxRefreshProgress      progress,
                                              gpointer               progress_data,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
/* %NULL only when cancelled or the archive fails; every source's own
 * failure is in the result's @failed. What was stored before a cancel is
 * kept. */
PxRefreshResult *px_refresher_refresh_finish (PxRefresher           *self,
                                              GAsyncResult          *result,
                                              GError               **error);

/* Fetches each page, imports it like a file (its source then is @url),
 * and makes it a source to refresh. For add-url and for "Accept" in the
 * inbox (@urls are the items' links; accepted items leave the inbox). */
void             px_refresher_add_urls_async (PxRefresher           *self,
                                              const char * const    *urls,
                                              GCancellable          *cancellable,
                                              PxRefreshProgress      progress,
                                              gpointer               progress_data,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
PxRefreshResult *px_refresher_add_urls_finish (PxRefresher          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Subscribes to the feed at @url: fetched once, to check it is a feed and
 * learn its title; its items land in the inbox. */
void             px_refresher_add_feed_async (PxRefresher           *self,
                                              const char            *url,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
PxRefreshResult *px_refresher_add_feed_finish (PxRefresher          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Synchronous forms, for the command line (no progress). */
PxRefreshResult *px_refresher_refresh        (PxRefresher           *self,
                                              const char * const    *urls,
                                              GCancellable          *cancellable,
                                              GError               **error);
PxRefreshResult *px_refresher_add_urls       (PxRefresher           *self,
                                              const char * const    *urls,
                                              GCancellable          *cancellable,
                                              GError               **error);
PxRefreshResult *px_refresher_add_feed       (PxRefresher           *self,
                                              const char            *url,
                                              GCancellable          *cancellable,
                                              GError               **error);

void             px_refresh_result_free      (PxRefreshResult       *result);
/* {"fetched", "not_modified", "new_revisions", "new_documents", "failed":
 * [{"url", "error"}], …}: the contract's refresh --json. */
char            *px_refresh_result_to_json   (const PxRefreshResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxRefreshResult, px_refresh_result_free)

G_END_DECLS
