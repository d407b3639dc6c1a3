/* px-fetcher.c: polite, bounded HTTP for the refresher
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession per fetcher, used through libsoup's synchronous API from
 * the caller's (worker) thread: since libsoup 3.2 messages may be sent from
 * any thread once the session is configured, which px_fetcher_new does.
 *
 * Everything a server decides is bounded here: redirects are followed by
 * hand (so each hop is checked and paced), the body is read as a stream
 * and dropped as soon as it passes max_size (after decoding, so a gzip
 * bomb stops at the limit), and a server that stops sending fails after
 * the session's I/O timeout. Nothing is sent but the request: no cookies,
 * no credentials.
 */

#define G_LOG_DOMAIN "px-fetcher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "px-fetcher.h"

#define READ_CHUNK (64 * 1024)
/* A server asking to wait longer than this is asked again then. */
#define MAX_RETRY_AFTER_SECONDS (7 * 24 * 3600)

typedef struct
{
  gboolean busy;
  gint64   last_end;        /* monotonic µs; 0: never */
} HostSlot;

struct _PxFetcher
{
  GObject        parent_instance;
  PxFetchOptions options;
  char          *user_agent;
  SoupSession   *session;

  GMutex         mutex;
  GCond          cond;
  GHashTable    *hosts;     /* host key → HostSlot */
};

G_DEFINE_FINAL_TYPE (PxFetcher, px_fetcher, G_TYPE_OBJECT)
G_DEFINE_QUARK (px-fetch-error-quark, px_fetch_error)

/* A server's max-age or Expires is trusted for a day at most: CDNs send a
 * year for articles that are then corrected, and a refresh the user asks
 * for must not stay silent that long. */
#define MAX_FRESH_SECONDS (24 * 60 * 60)

static void
px_fetcher_finalize (GObject *object)
{
  PxFetcher *self = PX_FETCHER (object);

  g_clear_object (&self->session);
  g_hash_table_unref (self->hosts);
  g_free (self->user_agent);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (px_fetcher_parent_class)->finalize (object);
}

static void
px_fetcher_class_init (PxFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_fetcher_finalize;
}

static void
px_fetcher_init (PxFetcher *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

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
  /* The body grows in a GByteArray. */
  self->options.max_size = MIN (options->max_size, (gsize) G_MAXUINT - READ_CHUNK);
  self->user_agent = g_strdup (options->user_agent != NULL ? options->user_agent
                                                           : "Parallax/" PACKAGE_VERSION " ");
  self->options.user_agent = self->user_agent;

  /* The default session has SoupContentDecoder (gzip, deflate: it sends
   * Accept-Encoding), no cookie jar and no authentication manager that
   * could answer a challenge. Its default TLS database is the system's,
   * and a certificate that does not check fails the request: nothing here
   * connects accept-certificate. */
  self->session = soup_session_new_with_options ("timeout", options->timeout,
                                                 "idle-timeout", MAX (options->timeout, 60u),
                                                 "user-agent", self->user_agent,
                                                 NULL);
  if (!options->use_proxy)
    soup_session_set_proxy_resolver (self->session, NULL);
  return self;
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

/* URLs */

static gboolean
is_web_scheme (const char *scheme)
{
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static gboolean
is_web_uri (GUri *uri)
{
  return uri != NULL && is_web_scheme (g_uri_get_scheme (uri)) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/* NULL unless an http or https URL with a host. */
static GUri *
parse_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  return is_web_uri (uri) ? g_steal_pointer (&uri) : NULL;
}

/**
 * px_fetch_is_web_url:
 *
 * Returns: whether @url is one the fetcher would ask for: http or https
 *   (any case), with a host.
 */
gboolean
px_fetch_is_web_url (const char *url)
{
  g_autoptr(GUri) uri = parse_web_url (url);

  return uri != NULL;
}

static char *
host_key_of (GUri *uri)
{
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  int port = g_uri_get_port (uri);
  gboolean https = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
  gboolean literal6 = strchr (host, ':') != NULL;

  if (port == -1 || port == (https ? 443 : 80))
    return literal6 ? g_strdup_printf ("[%s]", host) : g_steal_pointer (&host);
  return g_strdup_printf (literal6 ? "[%s]:%d" : "%s:%d", host, port);
}

char *
px_fetch_host_key (const char *url)
{
  g_autoptr(GUri) uri = parse_web_url (url);

  return uri != NULL ? host_key_of (uri) : NULL;
}

/* Pacing: one request at a time per host, host_delay_ms apart. */

static void
wake_waiters (GCancellable *cancellable,
              PxFetcher    *self)
{
  g_mutex_lock (&self->mutex);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static gboolean
acquire_host (PxFetcher     *self,
              const char    *key,
              GCancellable  *cancellable,
              GError       **error)
{
  gulong handler = 0;
  HostSlot *slot;
  gboolean ok = TRUE;

  /* Connected before the lock: the callback takes it, and runs at once
   * when the cancellable is already cancelled. */
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), self, NULL);

  g_mutex_lock (&self->mutex);
  slot = g_hash_table_lookup (self->hosts, key);
  if (slot == NULL)
    {
      slot = g_new0 (HostSlot, 1);
      g_hash_table_insert (self->hosts, g_strdup (key), slot);
    }
  for (;;)
    {
      gint64 ready = slot->last_end + (gint64) self->options.host_delay_ms * 1000;

      if (g_cancellable_is_cancelled (cancellable))
        {
          ok = FALSE;
          break;
        }
      if (slot->busy)
        g_cond_wait (&self->cond, &self->mutex);
      else if (slot->last_end != 0 && g_get_monotonic_time () < ready)
        g_cond_wait_until (&self->cond, &self->mutex, ready);
      else
        break;
    }
  if (ok)
    slot->busy = TRUE;
  g_mutex_unlock (&self->mutex);

  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  if (!ok)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  return ok;
}

static void
release_host (PxFetcher  *self,
              const char *key)
{
  HostSlot *slot;

  g_mutex_lock (&self->mutex);
  slot = g_hash_table_lookup (self->hosts, key);
  slot->busy = FALSE;
  slot->last_end = g_get_monotonic_time ();
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/* Errors */

static char *
size_words (gsize size)
{
  if (size >= (1 << 20) && size % (1 << 20) == 0)
    return g_strdup_printf (_("%" G_GSIZE_FORMAT " MiB"), size >> 20);
  if (size >= 1024 && size % 1024 == 0)
    return g_strdup_printf (_("%" G_GSIZE_FORMAT " KiB"), size >> 10);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GSIZE_FORMAT " byte",
                                       "%" G_GSIZE_FORMAT " bytes", size), size);
}

static void
set_too_large (const char  *url,
               gsize        max_size,
               GError     **error)
{
  g_autofree char *limit = size_words (max_size);

  g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TOO_LARGE,
               _("%s: larger than %s"), url, limit);
}

static void
set_timeout (PxFetcher   *self,
             const char  *url,
             GError     **error)
{
  g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TIMEOUT,
               g_dngettext (GETTEXT_PACKAGE, "%s: no answer within %u second",
                            "%s: no answer within %u seconds", self->options.timeout),
               url, self->options.timeout);
}

static char *
certificate_words (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, (gpointer) _("it is not signed by a known authority"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, (gpointer) _("it is for another site"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, (gpointer) _("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, (gpointer) _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, (gpointer) _("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, (gpointer) _("its algorithm is insecure"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, (gpointer) _("it does not check"));
  g_ptr_array_add (reasons, NULL);
  /* TRANSLATORS: joins the reasons a certificate is not trusted */
  return g_strjoinv (_(", "), (char **) reasons->pdata);
}

/* The error of a request that got no answer (or half of one), for @url. */
static void
set_transfer_error (PxFetcher   *self,
                    const char  *url,
                    SoupMessage *msg,
                    GError      *cause,
                    GError     **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    set_timeout (self, url, error);
  else if (cause->domain == G_TLS_ERROR)
    {
      GTlsCertificateFlags flags = msg != NULL ? soup_message_get_tls_peer_certificate_errors (msg) : 0;

      if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) || flags != 0)
        {
          g_autofree char *why = certificate_words (flags);

          g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TLS,
                       _("%s: the certificate is not trusted: %s"), url, why);
        }
      else
        g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TLS,
                     _("%s: the secure connection failed: %s"), url, cause->message);
    }
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK,
                 _("%s: the server's name was not found"), url);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK,
                 _("%s: the server refused the connection"), url);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
           || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK,
                 _("%s: the server cannot be reached (is the network connected?)"), url);
  else
    g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK,
                 _("%s: the request failed: %s"), url, cause->message);
}

/* Headers */

static GDateTime *
fresh_until (SoupMessageHeaders *headers,
             GDateTime          *now)
{
  const char *cache_control = soup_message_headers_get_list (headers, "Cache-Control");
  const char *expires;
  GDateTime *until = NULL;

  if (cache_control != NULL)
    {
      g_autoptr(GHashTable) params = soup_header_parse_param_list (cache_control);
      GHashTableIter iter;
      gpointer key, value;
      gint64 max_age = -1;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (g_ascii_strcasecmp (key, "no-store") == 0 || g_ascii_strcasecmp (key, "no-cache") == 0)
            return NULL;
          if (g_ascii_strcasecmp (key, "max-age") == 0 && value != NULL)
            {
              guint64 seconds;

              if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
                max_age = (gint64) seconds;
            }
        }
      if (max_age >= 0)
        return g_date_time_add_seconds (now, (gdouble) MIN (max_age, MAX_FRESH_SECONDS));
    }

  /* Without max-age, Expires (HTTP/1.0) says the same. */
  expires = soup_message_headers_get_one (headers, "Expires");
  if (expires != NULL)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (expires);

      if (date != NULL)
        {
          g_autoptr(GDateTime) cap = g_date_time_add_seconds (now, MAX_FRESH_SECONDS);

          until = g_date_time_compare (date, cap) > 0 ? g_date_time_ref (cap) : g_date_time_to_utc (date);
        }
    }
  return until;
}

/* Retry-After: seconds or an HTTP date; NULL when it is neither. */
static GDateTime *
parse_retry_after (SoupMessageHeaders *headers,
                   GDateTime          *now)
{
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) limit = NULL;
  guint64 seconds;

  if (value == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (value));
  limit = g_date_time_add_seconds (now, MAX_RETRY_AFTER_SECONDS);
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT64, &seconds, NULL))
    return g_date_time_add_seconds (now, (gdouble) MIN (seconds, (guint64) MAX_RETRY_AFTER_SECONDS));

  {
    g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (trimmed);

    if (date == NULL)
      return NULL;
    /* A date already past means now; one far away, the week's limit. */
    if (g_date_time_compare (date, now) < 0)
      return g_date_time_ref (now);
    if (g_date_time_compare (date, limit) > 0)
      return g_date_time_ref (limit);
    return g_date_time_to_utc (date);
  }
}

static const char *
reason_phrase (SoupMessage *msg)
{
  const char *phrase = soup_message_get_reason_phrase (msg);

  if (phrase == NULL || phrase[0] == '\0')
    phrase = soup_status_get_phrase (soup_message_get_status (msg));
  return phrase != NULL ? phrase : "";
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* The body */

/* Reads @stream to the end, at most max_size decoded bytes. */
static GBytes *
read_body (PxFetcher     *self,
           const char    *url,
           SoupMessage   *msg,
           GInputStream  *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  gsize max_size = self->options.max_size;
  goffset declared = -1;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  gboolean identity = coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0;
  SoupMessageMetrics *metrics;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    declared = soup_message_headers_get_content_length (headers);

  /* Said too large up front: not a byte read. (An encoded body's length
   * is not its decoded size, which the loop below limits.) */
  if (identity && declared > 0 && (guint64) declared > max_size)
    {
      set_too_large (url, max_size, error);
      return NULL;
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize left = max_size - body->len;
      /* One byte past the limit is enough to know. */
      gsize want = left >= READ_CHUNK ? READ_CHUNK : left + 1;
      gssize n = g_input_stream_read (stream, chunk, want, cancellable, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TRUNCATED,
                         _("%s: the connection closed before the end of the page"), url);
          else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK,
                         _("%s: the page could not be decompressed (%s)"), url,
                         coding != NULL ? coding : "identity");
          else
            set_transfer_error (self, url, msg, local_error, error);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > max_size)
        {
          set_too_large (url, max_size, error);
          return NULL;
        }
      g_byte_array_append (body, chunk, (guint) n);
    }

  /* On "Connection: close", libsoup takes the end of the stream for the
   * end of the body even when it is short of the Content-Length: compare
   * the bytes that came (before decoding) with what was announced. */
  metrics = soup_message_get_metrics (msg);
  if (declared > 0 && metrics != NULL
      && soup_message_metrics_get_response_body_bytes_received (metrics) < (guint64) declared)
    {
      g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TRUNCATED,
                   _("%s: the connection closed before the end of the page"), url);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static PxFetchResult *
make_result (const char  *url,
             GUri        *final,
             gboolean     permanent,
             guint        redirects,
             SoupMessage *msg,
             GBytes      *body,
             const PxFetchValidators *validators)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  PxFetchResult *result = g_new0 (PxFetchResult, 1);
  g_autoptr(GHashTable) params = NULL;
  const char *content_type = soup_message_headers_get_content_type (headers, &params);
  const char *etag = soup_message_headers_get_one (headers, "ETag");
  const char *last_modified = soup_message_headers_get_one (headers, "Last-Modified");

  result->url = g_strdup (url);
  result->final_url = g_uri_to_string (final);
  result->permanent = permanent && redirects > 0;
  result->status = soup_message_get_status (msg);
  result->not_modified = result->status == 304;
  result->body = body != NULL ? g_bytes_ref (body) : NULL;
  result->fetched = g_date_time_new_now_utc ();
  if (content_type != NULL)
    result->content_type = g_ascii_strdown (content_type, -1);
  if (params != NULL && g_hash_table_lookup (params, "charset") != NULL)
    result->charset = g_strstrip (g_strdup (g_hash_table_lookup (params, "charset")));
  /* A 304 need not repeat the validators: the ones sent still hold. */
  if (etag == NULL && result->not_modified && validators != NULL)
    etag = validators->etag;
  if (last_modified == NULL && result->not_modified && validators != NULL)
    last_modified = validators->last_modified;
  result->etag = g_strdup (etag);
  result->last_modified = g_strdup (last_modified);
  result->fresh_until = fresh_until (headers, result->fetched);
  return result;
}

PxFetchResult *
px_fetcher_fetch (PxFetcher                *self,
                  const char               *url,
                  const PxFetchValidators  *validators,
                  GDateTime               **retry_after,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(GUri) current = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gboolean permanent = TRUE;
  guint redirects = 0;

  g_return_val_if_fail (PX_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (retry_after != NULL)
    *retry_after = NULL;

  current = parse_web_url (url);
  if (current == NULL)
    {
      g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_INVALID_URL,
                   _("%s: not a web address (only http and https can be fetched)"), url);
      return NULL;
    }
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (;;)
    {
      g_autoptr(SoupMessage) msg = soup_message_new_from_uri ("GET", current);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = host_key_of (current);
      SoupMessageHeaders *request = soup_message_get_request_headers (msg);
      guint status;

      g_hash_table_add (seen, g_uri_to_string (current));

      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_COLLECT_METRICS);
      soup_message_headers_replace (request, "Accept",
                                    "text/html, application/xhtml+xml, application/rss+xml, "
                                    "application/atom+xml, application/xml;q=0.9, */*;q=0.8");
      /* On every hop: they describe the body we have, whatever the path. */
      if (validators != NULL && validators->etag != NULL)
        soup_message_headers_replace (request, "If-None-Match", validators->etag);
      if (validators != NULL && validators->last_modified != NULL)
        soup_message_headers_replace (request, "If-Modified-Since", validators->last_modified);

      if (!acquire_host (self, key, cancellable, error))
        return NULL;
      stream = soup_session_send (self->session, msg, cancellable, &local_error);
      if (stream == NULL)
        {
          release_host (self, key);
          set_transfer_error (self, url, msg, local_error, error);
          return NULL;
        }
      status = soup_message_get_status (msg);

      if (is_redirect (status))
        {
          const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                               "Location");
          g_autoptr(GUri) next = NULL;
          g_autofree char *next_string = NULL;

          /* Closing drops the connection if a body was coming: cheaper
           * than reading what nobody will use. */
          g_input_stream_close (stream, NULL, NULL);
          release_host (self, key);

          if (location == NULL)
            {
              g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_HTTP,
                           _("%s: the server answered %u %s without saying where to"),
                           url, status, reason_phrase (msg));
              return NULL;
            }
          if (status != 301 && status != 308)
            permanent = FALSE;
          next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
          /* https to http is allowed: nothing private is ever sent (no
           * cookies, no credentials), final_url says where the page came
           * from, and many news sites still bounce through plain http. */
          if (!is_web_uri (next))
            {
              g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_INVALID_URL,
                           _("%s: redirected to %s, which is not a web address"), url, location);
              return NULL;
            }
          next_string = g_uri_to_string (next);
          if (g_hash_table_contains (seen, next_string))
            {
              g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_REDIRECT_LOOP,
                           _("%s: the redirects loop back to %s"), url, next_string);
              return NULL;
            }
          if (++redirects > self->options.max_redirects)
            {
              g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_TOO_MANY_REDIRECTS,
                           _("%s: too many redirects (more than %u)"), url, self->options.max_redirects);
              return NULL;
            }
          g_clear_pointer (&current, g_uri_unref);
          current = g_steal_pointer (&next);
          continue;
        }

      if (status == 304)
        {
          g_input_stream_close (stream, NULL, NULL);
          release_host (self, key);
          return make_result (url, current, permanent, redirects, msg, NULL, validators);
        }

      if (status == 200)
        {
          g_autoptr(GBytes) body = read_body (self, url, msg, stream, cancellable, error);

          g_input_stream_close (stream, NULL, NULL);
          release_host (self, key);
          if (body == NULL)
            return NULL;
          return make_result (url, current, permanent, redirects, msg, body, validators);
        }

      g_input_stream_close (stream, NULL, NULL);
      release_host (self, key);

      if (status == 429 || status == 503)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autoptr(GDateTime) when = parse_retry_after (soup_message_get_response_headers (msg), now);

          if (when != NULL)
            {
              g_autofree char *local = NULL;
              g_autoptr(GDateTime) local_when = g_date_time_to_local (when);

              local = g_date_time_format (local_when, "%c");
              g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_RETRY_LATER,
                           _("%s: the server answered %u %s and asks to try again after %s"),
                           url, status, reason_phrase (msg), local);
              if (retry_after != NULL)
                *retry_after = g_steal_pointer (&when);
              return NULL;
            }
        }

      g_set_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_HTTP,
                   _("%s: the server answered %u %s"), url, status, reason_phrase (msg));
      return NULL;
    }
}
