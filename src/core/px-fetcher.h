/* px-fetcher.h: polite, bounded HTTP for the refresher
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PX_TYPE_FETCHER (px_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (PxFetcher, px_fetcher, PX, FETCHER, GObject)

#define PX_FETCH_ERROR (px_fetch_error_quark ())

/* Every error's message names the URL and says why, in words a user reads
 * in the refresh summary ("http://…/a: the server answered 404 Not Found"). */
typedef enum
{
  PX_FETCH_ERROR_INVALID_URL,        /* not an http or https URL */
  PX_FETCH_ERROR_HTTP,               /* a status other than 200 or 304 */
  PX_FETCH_ERROR_TOO_LARGE,          /* the body is over the limit */
  PX_FETCH_ERROR_TOO_MANY_REDIRECTS,
  PX_FETCH_ERROR_REDIRECT_LOOP,
  PX_FETCH_ERROR_TRUNCATED,          /* fewer bytes than Content-Length */
  PX_FETCH_ERROR_TIMEOUT,
  PX_FETCH_ERROR_TLS,                /* a certificate that does not check */
  PX_FETCH_ERROR_NETWORK,            /* no route, refused, name not found */
  PX_FETCH_ERROR_RETRY_LATER,        /* 429 or 503 with Retry-After: see retry_after */
} PxFetchError;

/* How a fetcher behaves. Tests turn the proxy off and shorten the waits. */
typedef struct
{
  guint       timeout;         /* seconds without progress before giving up */
  gsize       max_size;        /* bytes of decoded body */
  guint       max_redirects;
  guint       host_delay_ms;   /* between two requests to one host */
  gboolean    use_proxy;       /* the system's proxy settings; FALSE: direct */
  const char *user_agent;
} PxFetchOptions;

/* Defaults: 30 s, 16 MiB, 5 redirects, 1000 ms, the system proxy. */
void px_fetch_options_init (PxFetchOptions *options);

/* What is known of a URL from its last fetch; every member may be NULL. */
typedef struct
{
  const char *etag;
  const char *last_modified;
} PxFetchValidators;

typedef struct
{
  char      *url;            /* as asked */
  char      *final_url;      /* after redirects */
  gboolean   permanent;      /* redirected, and every redirect on the way was
                              * permanent (301, 308): FALSE without redirects */
  guint      status;         /* 200, or 304 when not_modified */
  gboolean   not_modified;
  GBytes    *body;           /* decoded (gzip, deflate); NULL when not modified */
  char      *content_type;   /* "text/html", without parameters; nullable */
  char      *charset;        /* from Content-Type; nullable */
  char      *etag;           /* the new validators; nullable */
  char      *last_modified;
  GDateTime *fresh_until;    /* now + Cache-Control max-age; nullable */
  GDateTime *fetched;
} PxFetchResult;

GQuark         px_fetch_error_quark     (void);

/* A fetcher belongs to the thread that made it (it owns a SoupSession);
 * px_fetcher_fetch blocks, so call it from a worker thread. */
PxFetcher     *px_fetcher_new           (const PxFetchOptions     *options);

/* Fetches @url: conditional when @validators has any, redirects followed
 * up to the limit, one request at a time and host_delay_ms after the last
 * one to the same host. A 304 gives not_modified and no body. On 429 or
 * 503 with Retry-After, fails with PX_FETCH_ERROR_RETRY_LATER and sets
 * @retry_after (nullable) to when to ask again. */
PxFetchResult *px_fetcher_fetch         (PxFetcher                *self,
                                         const char               *url,
                                         const PxFetchValidators  *validators,
                                         GDateTime               **retry_after,
                                         GCancellable             *cancellable,
                                         GError                  **error);

void           px_fetch_result_free     (PxFetchResult            *result);

gboolean       px_fetch_is_web_url      (const char               *url);

/* The host (lower case, with a non-default port) requests are paced by. */
char          *px_fetch_host_key        (const char               *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFetchResult, px_fetch_result_free)

G_END_DECLS
