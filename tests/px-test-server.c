/* px-test-server.c: a scripted HTTP server on 127.0.0.1 for the tests
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through SoupServer: the answers a well-behaved server
 * never gives (a stall after the headers, a body shorter than its
 * Content-Length, a body too big to keep) are streamed, with the response
 * body not accumulated, from the message's wrote-chunk signal. (Stealing
 * the connection and writing by hand would be simpler, but libsoup 3.2.3
 * leaks the message and its connection when one is stolen.)
 */

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "px-test-server.h"

typedef enum
{
  MODE_BODY,        /* 200 with a body and validators */
  MODE_STATUS,      /* a status and headers */
  MODE_STALL,
  MODE_TRUNCATED,
  MODE_HUGE,
} Mode;

/* Never changed once in the table (copied to change), so a handler can use
 * one it holds a reference on without the lock. */
typedef struct
{
  Mode       mode;
  guint      status;
  char      *content_type;
  GBytes    *body;           /* as sent: gzip-encoded when encoding is set */
  const char *encoding;
  char      *headers;        /* "Name: value\n" lines */
  char      *etag;
  char      *last_modified;
  GDateTime *modified;
  gboolean   send_etag;
  gboolean   send_last_modified;
  gsize      size;           /* MODE_HUGE: bytes; MODE_TRUNCATED: missing */
  gboolean   chunked;        /* MODE_HUGE without a Content-Length */
  guint      delay_ms;       /* before a body or a status goes out */
} Route;

typedef struct
{
  guint               all;
  guint               conditional;
  guint               full;
  guint64             bytes_sent;
  SoupMessageHeaders *last_request;
} Counts;

struct _PxTestServer
{
  GMutex        mutex;
  GCond         cond;
  GHashTable   *routes;      /* path → Route */
  GHashTable   *counts;      /* path → Counts */
  guint         in_flight;
  guint         max_in_flight;
  GDateTime    *clock;       /* the next Last-Modified */

  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  SoupServer   *server;
  guint         port;
  char         *host;
  gboolean      ready;
  GTlsCertificate *certificate;   /* for https */
};

static Route *
route_new (Mode mode)
{
  Route *route = g_atomic_rc_box_new0 (Route);

  route->mode = mode;
  route->status = 200;
  route->send_etag = TRUE;
  route->send_last_modified = TRUE;
  return route;
}

static void
route_clear (Route *route)
{
  g_free (route->content_type);
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route->headers);
  g_free (route->etag);
  g_free (route->last_modified);
  g_clear_pointer (&route->modified, g_date_time_unref);
}

static Route *
route_ref (Route *route)
{
  return g_atomic_rc_box_acquire (route);
}

static void
route_unref (Route *route)
{
  g_atomic_rc_box_release_full (route, (GDestroyNotify) route_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Route, route_unref)

static Route *
route_dup (const Route *route)
{
  Route *copy = route_new (route->mode);

  copy->status = route->status;
  copy->content_type = g_strdup (route->content_type);
  copy->body = route->body != NULL ? g_bytes_ref (route->body) : NULL;
  copy->encoding = route->encoding;
  copy->headers = g_strdup (route->headers);
  copy->etag = g_strdup (route->etag);
  copy->last_modified = g_strdup (route->last_modified);
  copy->modified = route->modified != NULL ? g_date_time_ref (route->modified) : NULL;
  copy->send_etag = route->send_etag;
  copy->send_last_modified = route->send_last_modified;
  copy->size = route->size;
  copy->chunked = route->chunked;
  copy->delay_ms = route->delay_ms;
  return copy;
}

static void
counts_free (Counts *counts)
{
  g_clear_pointer (&counts->last_request, soup_message_headers_unref);
  g_free (counts);
}

/* Called with the lock held. */
static Counts *
counts_for (PxTestServer *self,
            const char   *path)
{
  Counts *counts = g_hash_table_lookup (self->counts, path);

  if (counts == NULL)
    {
      counts = g_new0 (Counts, 1);
      g_hash_table_insert (self->counts, g_strdup (path), counts);
    }
  return counts;
}

/* Takes @route; called without the lock. Every body gets validators of
 * its own: the ETag hashes the bytes, the Last-Modified is a clock that
 * moves a minute at every set, so a new body is always later. */
static void
put_route (PxTestServer *self,
           const char   *path,
           Route        *route)
{
  g_mutex_lock (&self->mutex);
  if (route->body != NULL && route->etag == NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, route->body);
      GDateTime *next = g_date_time_add_minutes (self->clock, 1);

      route->etag = g_strdup_printf ("\"%.16s\"", hash);
      route->modified = self->clock;
      route->last_modified = soup_date_time_to_string (route->modified, SOUP_DATE_HTTP);
      self->clock = next;
    }
  g_hash_table_insert (self->routes, g_strdup (path), route);
  g_mutex_unlock (&self->mutex);
}

static GBytes *
gzip_compress (const guint8 *data,
               gsize         length,
               gsize         times)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[65536];

  for (gsize i = 0; i < times; i++)
    {
      const guint8 *in = data;
      gsize left = length;
      gboolean last = i + 1 == times;

      while (left > 0 || last)
        {
          g_autoptr(GError) error = NULL;
          gsize read = 0, written = 0;
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (compressor), in, left,
                                        buffer, sizeof buffer,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (out, buffer, (guint) written);
          in += read;
          left -= read;
          if (result == G_CONVERTER_FINISHED)
            break;
        }
    }
  return g_byte_array_free_to_bytes (out);
}

static void
append_header_lines (SoupMessageHeaders *headers,
                     const char         *lines)
{
  g_auto(GStrv) split = NULL;

  if (lines == NULL)
    return;
  split = g_strsplit (lines, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      char *colon = strchr (split[i], ':');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (colon == NULL)
        continue;
      name = g_strstrip (g_strndup (split[i], (gsize) (colon - split[i])));
      value = g_strstrip (g_strdup (colon + 1));
      soup_message_headers_append (headers, name, value);
    }
}

/* The streamed answers. */

static char filler[65536];
static gsize filler_ready;

typedef struct
{
  gsize left;
} Huge;

static void
huge_wrote_chunk (SoupServerMessage *msg,
                  Huge              *huge)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize n = MIN (sizeof filler, huge->left);

  /* Appended before the I/O looks for the next chunk, so it never pauses. */
  if (n == 0)
    soup_message_body_complete (body);
  else
    soup_message_body_append (body, SOUP_MEMORY_STATIC, filler, n);
  huge->left -= n;
}

/* The body is on its way: the client sees the end of the stream, short of
 * the Content-Length, and the server's side of the message ends. */
static void
truncated_wrote_chunk (SoupServerMessage *msg,
                       gpointer           data)
{
  g_socket_shutdown (soup_server_message_get_socket (msg), FALSE, TRUE, NULL);
  soup_message_body_complete (soup_server_message_get_response_body (msg));
}

static void
message_finished (SoupServerMessage *msg,
                  PxTestServer      *self)
{
  g_mutex_lock (&self->mutex);
  self->in_flight--;
  g_mutex_unlock (&self->mutex);
}

typedef struct
{
  PxTestServer *self;
  char         *path;
} Wrote;

static void
wrote_free (gpointer data,
            GClosure *closure)
{
  Wrote *wrote = data;

  g_free (wrote->path);
  g_free (wrote);
}

static void
message_wrote_body_data (SoupServerMessage *msg,
                         guint              size,
                         Wrote             *wrote)
{
  g_mutex_lock (&wrote->self->mutex);
  counts_for (wrote->self, wrote->path)->bytes_sent += size;
  g_mutex_unlock (&wrote->self->mutex);
}

static gboolean
unpause_later (gpointer data)
{
  soup_server_message_unpause (data);
  return G_SOURCE_REMOVE;
}

static void
hold (PxTestServer      *self,
      SoupServerMessage *msg,
      guint              delay_ms)
{
  GSource *source;

  if (delay_ms == 0)
    return;
  source = g_timeout_source_new (delay_ms);
  soup_server_message_pause (msg);
  g_source_set_callback (source, unpause_later, g_object_ref (msg), g_object_unref);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = g_strsplit (if_none_match, ",", -1);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (strcmp (tag, "*") == 0 || strcmp (tag, etag) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  PxTestServer *self = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");
  gboolean conditional = if_none_match != NULL || if_modified_since != NULL;
  g_autoptr(Route) route = NULL;
  Counts *counts;
  gboolean not_modified = FALSE;

  g_mutex_lock (&self->mutex);
  counts = counts_for (self, path);
  counts->all++;
  if (conditional)
    counts->conditional++;
  g_clear_pointer (&counts->last_request, soup_message_headers_unref);
  counts->last_request = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  {
    SoupMessageHeadersIter iter;
    const char *name, *value;

    soup_message_headers_iter_init (&iter, request);
    while (soup_message_headers_iter_next (&iter, &name, &value))
      soup_message_headers_append (counts->last_request, name, value);
  }
  if (g_hash_table_lookup (self->routes, path) != NULL)
    route = route_ref (g_hash_table_lookup (self->routes, path));
  if (route != NULL && (route->mode == MODE_TRUNCATED || route->mode == MODE_HUGE))
    counts->full++;
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_signal_connect (msg, "finished", G_CALLBACK (message_finished), self);
  {
    Wrote *wrote = g_new0 (Wrote, 1);

    wrote->self = self;
    wrote->path = g_strdup (path);
    g_signal_connect_data (msg, "wrote-body-data", G_CALLBACK (message_wrote_body_data),
                           wrote, wrote_free, 0);
  }

  if (route == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        "404 Not Found\n", strlen ("404 Not Found\n"));
      return;
    }

  append_header_lines (response, route->headers);

  if (route->mode == MODE_STALL || route->mode == MODE_TRUNCATED || route->mode == MODE_HUGE)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (response, route->content_type, NULL);
      soup_message_body_set_accumulate (body, FALSE);
      if (route->mode == MODE_STALL)
        {
          /* The headers go out, then the I/O pauses for a first chunk that
           * never comes, until the client closes or the server is freed. */
          soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
        }
      else if (route->mode == MODE_TRUNCATED)
        {
          gsize length = g_bytes_get_size (route->body);

          soup_message_headers_set_content_length (response, length + route->size);
          soup_message_body_append_bytes (body, route->body);
          g_signal_connect (msg, "wrote-chunk", G_CALLBACK (truncated_wrote_chunk), NULL);
        }
      else
        {
          Huge *huge = g_new0 (Huge, 1);

          huge->left = route->size;
          if (route->chunked)
            soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
          else
            soup_message_headers_set_content_length (response, route->size);
          g_object_set_data_full (G_OBJECT (msg), "px-test-server-huge", huge, g_free);
          g_signal_connect (msg, "wrote-chunk", G_CALLBACK (huge_wrote_chunk), huge);
          huge_wrote_chunk (msg, huge);
        }
      return;
    }

  hold (self, msg, route->delay_ms);

  if (route->mode == MODE_STATUS)
    {
      soup_server_message_set_status (msg, route->status, NULL);
      if (route->status >= 400)
        {
          g_autofree char *text = g_strdup_printf ("%u %s\n", route->status,
                                                   soup_status_get_phrase (route->status));

          soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, text, strlen (text));
        }
      return;
    }

  /* If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2). */
  if (if_none_match != NULL)
    not_modified = route->send_etag && etag_matches (if_none_match, route->etag);
  else if (if_modified_since != NULL && route->send_last_modified)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (if_modified_since);

      not_modified = since != NULL && g_date_time_compare (since, route->modified) >= 0;
    }

  if (route->send_etag)
    soup_message_headers_replace (response, "ETag", route->etag);
  if (route->send_last_modified)
    soup_message_headers_replace (response, "Last-Modified", route->last_modified);

  if (not_modified)
    {
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }

  g_mutex_lock (&self->mutex);
  counts_for (self, path)->full++;
  g_mutex_unlock (&self->mutex);

  soup_server_message_set_status (msg, 200, NULL);
  if (route->encoding != NULL)
    soup_message_headers_replace (response, "Content-Encoding", route->encoding);
  soup_server_message_set_response (msg, route->content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (route->body, NULL),
                                    g_bytes_get_size (route->body));
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
server_thread (gpointer data)
{
  PxTestServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "px-test-server ", NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  if (self->certificate != NULL)
    soup_server_set_tls_certificate (self->server, self->certificate);
  soup_server_listen_local (self->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY
                            | (self->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);

  g_mutex_lock (&self->mutex);
  self->port = (guint) g_uri_get_port (uris->data);
  self->host = g_strdup_printf ("127.0.0.1:%u", self->port);
  self->ready = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static PxTestServer *
server_new (GTlsCertificate *certificate)
{
  PxTestServer *self = g_new0 (PxTestServer, 1);

  self->certificate = certificate;

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_unref);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) counts_free);
  self->clock = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  if (g_once_init_enter (&filler_ready))
    {
      memset (filler, 'x', sizeof filler);
      g_once_init_leave (&filler_ready, 1);
    }
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("px-test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
  return self;
}

PxTestServer *
px_test_server_new (void)
{
  return server_new (NULL);
}

PxTestServer *
px_test_server_new_https (const char *cert_file,
                          const char *key_file)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);

  g_assert_no_error (error);
  return server_new (certificate);
}

void
px_test_server_free (PxTestServer *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->routes);
  g_hash_table_unref (self->counts);
  g_date_time_unref (self->clock);
  g_free (self->host);
  g_clear_object (&self->certificate);
  g_cond_clear (&self->cond);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

char *
px_test_server_url (PxTestServer *self,
                    const char   *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", self->certificate != NULL ? "https" : "http",
                          self->port, path);
}

const char *
px_test_server_host (PxTestServer *self)
{
  return self->host;
}

void
px_test_server_set_bytes (PxTestServer *self,
                          const char   *path,
                          const char   *content_type,
                          GBytes       *body)
{
  Route *route = route_new (MODE_BODY);

  route->content_type = g_strdup (content_type);
  route->body = g_bytes_ref (body);
  put_route (self, path, route);
}

void
px_test_server_set (PxTestServer *self,
                    const char   *path,
                    const char   *content_type,
                    const char   *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  px_test_server_set_bytes (self, path, content_type, bytes);
}

void
px_test_server_set_status (PxTestServer *self,
                           const char   *path,
                           guint         status,
                           const char   *headers)
{
  Route *route = route_new (MODE_STATUS);

  route->status = status;
  route->headers = g_strdup (headers);
  put_route (self, path, route);
}

/* Replaces @path's route with a copy changed by @change. */
static void
change_route (PxTestServer *self,
              const char   *path,
              void        (*change) (Route *route, gconstpointer data),
              gconstpointer data)
{
  Route *route;

  g_mutex_lock (&self->mutex);
  route = g_hash_table_lookup (self->routes, path);
  g_assert_nonnull (route);
  route = route_dup (route);
  change (route, data);
  g_hash_table_insert (self->routes, g_strdup (path), route);
  g_mutex_unlock (&self->mutex);
}

static void
change_headers (Route        *route,
                gconstpointer data)
{
  char *headers = g_strconcat (route->headers != NULL ? route->headers : "", data, NULL);

  g_free (route->headers);
  route->headers = headers;
}

void
px_test_server_add_headers (PxTestServer *self,
                            const char   *path,
                            const char   *headers)
{
  change_route (self, path, change_headers, headers);
}

static void
change_delay (Route        *route,
              gconstpointer data)
{
  route->delay_ms = *(const guint *) data;
}

void
px_test_server_set_delay (PxTestServer *self,
                          const char   *path,
                          guint         delay_ms)
{
  change_route (self, path, change_delay, &delay_ms);
}

static void
change_validators (Route        *route,
                   gconstpointer data)
{
  const gboolean *which = data;

  route->send_etag = which[0];
  route->send_last_modified = which[1];
}

void
px_test_server_set_validators (PxTestServer *self,
                               const char   *path,
                               gboolean      etag,
                               gboolean      last_modified)
{
  gboolean which[2] = { etag, last_modified };

  change_route (self, path, change_validators, which);
}

void
px_test_server_set_stall (PxTestServer *self,
                          const char   *path)
{
  Route *route = route_new (MODE_STALL);

  route->content_type = g_strdup ("text/html");
  put_route (self, path, route);
}

void
px_test_server_set_truncated (PxTestServer *self,
                              const char   *path,
                              const char   *content_type,
                              const char   *body,
                              gsize         missing)
{
  Route *route = route_new (MODE_TRUNCATED);

  route->content_type = g_strdup (content_type);
  route->body = g_bytes_new (body, strlen (body));
  route->size = missing;
  put_route (self, path, route);
}

void
px_test_server_set_gzip (PxTestServer *self,
                         const char   *path,
                         const char   *content_type,
                         const char   *body)
{
  Route *route = route_new (MODE_BODY);

  route->content_type = g_strdup (content_type);
  route->body = gzip_compress ((const guint8 *) body, strlen (body), 1);
  route->encoding = "gzip";
  put_route (self, path, route);
}

void
px_test_server_set_gzip_bomb (PxTestServer *self,
                              const char   *path,
                              gsize         decoded_size)
{
  Route *route = route_new (MODE_BODY);
  gsize chunk = 1 << 20;
  g_autofree guint8 *zeros = g_malloc0 (chunk);

  g_assert_cmpuint (decoded_size % chunk, ==, 0);
  route->content_type = g_strdup ("text/html");
  route->body = gzip_compress (zeros, chunk, decoded_size / chunk);
  route->encoding = "gzip";
  put_route (self, path, route);
}

void
px_test_server_set_huge (PxTestServer *self,
                         const char   *path,
                         gsize         size)
{
  Route *route = route_new (MODE_HUGE);

  route->content_type = g_strdup ("text/html");
  route->size = size;
  put_route (self, path, route);
}

void
px_test_server_set_huge_chunked (PxTestServer *self,
                                 const char   *path,
                                 gsize         size)
{
  Route *route = route_new (MODE_HUGE);

  route->content_type = g_strdup ("text/html");
  route->size = size;
  route->chunked = TRUE;
  put_route (self, path, route);
}

static guint
get_count (PxTestServer *self,
           const char   *path,
           gsize         offset)
{
  Counts *counts;
  guint value = 0;

  g_mutex_lock (&self->mutex);
  counts = g_hash_table_lookup (self->counts, path);
  if (counts != NULL)
    value = G_STRUCT_MEMBER (guint, counts, offset);
  g_mutex_unlock (&self->mutex);
  return value;
}

guint
px_test_server_count (PxTestServer *self,
                      const char   *path)
{
  return get_count (self, path, G_STRUCT_OFFSET (Counts, all));
}

guint
px_test_server_count_conditional (PxTestServer *self,
                                  const char   *path)
{
  return get_count (self, path, G_STRUCT_OFFSET (Counts, conditional));
}

guint
px_test_server_count_full (PxTestServer *self,
                           const char   *path)
{
  return get_count (self, path, G_STRUCT_OFFSET (Counts, full));
}

guint64
px_test_server_bytes_sent (PxTestServer *self,
                           const char   *path)
{
  Counts *counts;
  guint64 value = 0;

  g_mutex_lock (&self->mutex);
  counts = g_hash_table_lookup (self->counts, path);
  if (counts != NULL)
    value = counts->bytes_sent;
  g_mutex_unlock (&self->mutex);
  return value;
}

guint
px_test_server_count_all (PxTestServer *self)
{
  GHashTableIter iter;
  gpointer value;
  guint all = 0;

  g_mutex_lock (&self->mutex);
  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    all += ((Counts *) value)->all;
  g_mutex_unlock (&self->mutex);
  return all;
}

guint
px_test_server_max_in_flight (PxTestServer *self)
{
  guint value;

  g_mutex_lock (&self->mutex);
  value = self->max_in_flight;
  g_mutex_unlock (&self->mutex);
  return value;
}

char *
px_test_server_last_header (PxTestServer *self,
                            const char   *path,
                            const char   *name)
{
  Counts *counts;
  char *value = NULL;

  g_mutex_lock (&self->mutex);
  counts = g_hash_table_lookup (self->counts, path);
  if (counts != NULL && counts->last_request != NULL)
    value = g_strdup (soup_message_headers_get_one (counts->last_request, name));
  g_mutex_unlock (&self->mutex);
  return value;
}

gboolean
px_test_server_wait_count (PxTestServer *self,
                           const char   *path,
                           guint         count,
                           guint         timeout_seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_seconds * G_TIME_SPAN_SECOND;
  gboolean reached;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      Counts *counts = g_hash_table_lookup (self->counts, path);

      reached = counts != NULL && counts->all >= count;
      if (reached || !g_cond_wait_until (&self->cond, &self->mutex, end))
        break;
    }
  if (!reached)
    {
      Counts *counts = g_hash_table_lookup (self->counts, path);

      reached = counts != NULL && counts->all >= count;
    }
  g_mutex_unlock (&self->mutex);
  return reached;
}

void
px_test_server_reset_counts (PxTestServer *self)
{
  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->counts);
  self->max_in_flight = self->in_flight;
  g_mutex_unlock (&self->mutex);
}
