/* px-test-server.h: a scripted HTTP server on 127.0.0.1 for the tests
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server runs in a thread of its own with its own GMainContext, so a
 * test may call blocking fetches from its main thread (or spin a GTK main
 * loop) while it answers. Every function may be called from any thread.
 *
 * A path answers what it was last set to; an unknown path answers 404.
 * Bodies set with px_test_server_set*() carry a strong ETag (a hash of the
 * body) and a Last-Modified (later at every set), and a request whose
 * If-None-Match or If-Modified-Since matches gets 304 with no body.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PxTestServer PxTestServer;

PxTestServer *px_test_server_new            (void);
/* The same over TLS (https://127.0.0.1:<port>) with the certificate and
 * key in these PEM files. */
PxTestServer *px_test_server_new_https      (const char   *cert_file,
                                             const char   *key_file);
/* Closes every connection (stalled ones too) and joins the thread. */
void          px_test_server_free           (PxTestServer *self);
/* "http://127.0.0.1:<port>" (or https) + @path (which starts with "/"). */
char         *px_test_server_url            (PxTestServer *self,
                                             const char   *path);
/* "127.0.0.1:<port>", what px_fetch_host_key gives for its URLs. */
const char   *px_test_server_host           (PxTestServer *self);

/* 200 with @body (NUL-terminated) and its validators. */
void          px_test_server_set            (PxTestServer *self,
                                             const char   *path,
                                             const char   *content_type,
                                             const char   *body);
void          px_test_server_set_bytes      (PxTestServer *self,
                                             const char   *path,
                                             const char   *content_type,
                                             GBytes       *body);
/* @status with no body (a short text body for 4xx/5xx) and @headers,
 * "Name: value\n" lines or NULL: a redirect is
 * set_status (s, "/a", 301, "Location: /b\n"), a busy server
 * set_status (s, "/a", 503, "Retry-After: 120\n"). */
void          px_test_server_set_status     (PxTestServer *self,
                                             const char   *path,
                                             guint         status,
                                             const char   *headers);
/* Headers added to what @path answers ("Cache-Control: max-age=60\n");
 * kept until the path is set again. */
void          px_test_server_add_headers    (PxTestServer *self,
                                             const char   *path,
                                             const char   *headers);
/* Which validators a 200 carries and checks (both by default); a path
 * without any never answers 304. Kept until the path is set again. */
void          px_test_server_set_validators (PxTestServer *self,
                                             const char   *path,
                                             gboolean      etag,
                                             gboolean      last_modified);

/* @path's answer (a body or a status) waits @delay_ms before it goes out;
 * kept until the path is set again. */
void          px_test_server_set_delay      (PxTestServer *self,
                                             const char   *path,
                                             guint         delay_ms);

/* The status line and headers (chunked), then nothing until the client
 * gives up or the server is freed. */
void          px_test_server_set_stall      (PxTestServer *self,
                                             const char   *path);
/* A Content-Length @missing bytes larger than @body, @body, then the
 * connection closes. */
void          px_test_server_set_truncated  (PxTestServer *self,
                                             const char   *path,
                                             const char   *content_type,
                                             const char   *body,
                                             gsize         missing);
/* @body gzip-encoded (Content-Encoding: gzip), with its validators. */
void          px_test_server_set_gzip       (PxTestServer *self,
                                             const char   *path,
                                             const char   *content_type,
                                             const char   *body);
/* A gzip body that decodes to @decoded_size zero bytes (a few KiB sent
 * for megabytes decoded). */
void          px_test_server_set_gzip_bomb  (PxTestServer *self,
                                             const char   *path,
                                             gsize         decoded_size);
/* @size bytes of filler with that Content-Length, generated as they are
 * sent (nothing stored); the server stops when the client closes. */
void          px_test_server_set_huge       (PxTestServer *self,
                                             const char   *path,
                                             gsize         size);

/* The same with no Content-Length (chunked). */
void          px_test_server_set_huge_chunked (PxTestServer *self,
                                               const char   *path,
                                               gsize         size);

/* Requests seen for @path; those that carried If-None-Match or
 * If-Modified-Since; answers with a 200 body. */
guint         px_test_server_count              (PxTestServer *self,
                                                 const char   *path);
guint         px_test_server_count_conditional  (PxTestServer *self,
                                                 const char   *path);
guint         px_test_server_count_full         (PxTestServer *self,
                                                 const char   *path);
/* Body bytes written for @path (before the client closed). */
guint64       px_test_server_bytes_sent         (PxTestServer *self,
                                                 const char   *path);
/* Requests seen on every path. */
guint         px_test_server_count_all          (PxTestServer *self);
/* The most requests the server was answering at once: a request counts
 * from its arrival until its response is written or the client closes
 * (a stalled or truncated answer: until the server is freed). */
guint         px_test_server_max_in_flight      (PxTestServer *self);
/* A header of the last request for @path (NULL if none or absent). */
char         *px_test_server_last_header        (PxTestServer *self,
                                                 const char   *path,
                                                 const char   *name);
/* Blocks until @path has seen @count requests or @timeout_seconds passed;
 * returns whether it has (for cancelling a request the server holds). */
gboolean      px_test_server_wait_count         (PxTestServer *self,
                                                 const char   *path,
                                                 guint         count,
                                                 guint         timeout_seconds);
/* Forgets every counter. */
void          px_test_server_reset_counts       (PxTestServer *self);

G_END_DECLS
