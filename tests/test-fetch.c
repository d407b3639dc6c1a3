/* test-fetch.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test server itself (through a bare SoupSession), then PxFetcher
 * against it. Nothing here touches the network: 127.0.0.1 only, no proxy.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "px-document.h"
#include "px-fetcher.h"
#include "px-parser.h"
#include "px-test-server.h"
#include "px-test-util.h"

/* Helpers */

static SoupSession *
bare_session (void)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 10, NULL);

  soup_session_set_proxy_resolver (session, NULL);
  return session;
}

/* GETs @url with @header (NULL or "Name: value"), returns the status and
 * the body in *body. */
static guint
bare_get (SoupSession  *session,
          const char   *url,
          const char   *header_name,
          const char   *header_value,
          GBytes      **body)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (header_name != NULL)
    soup_message_headers_append (soup_message_get_request_headers (msg), header_name, header_value);
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (body != NULL)
    *body = bytes;
  else
    g_bytes_unref (bytes);
  return soup_message_get_status (msg);
}

/* The server */

static void
test_server_basics (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(SoupSession) session = bare_session ();
  g_autofree char *url = px_test_server_url (server, "/a");
  g_autofree char *missing = px_test_server_url (server, "/none");
  g_autofree char *moved = px_test_server_url (server, "/moved");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  const char *etag, *last_modified;

  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (url, "/a"));

  px_test_server_set (server, "/a", "text/html; charset=utf-8", "<p>Hello</p>");
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "<p>Hello</p>", 12);
  etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");
  last_modified = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Last-Modified");
  g_assert_nonnull (etag);
  g_assert_true (etag[0] == '"');
  g_assert_nonnull (last_modified);

  /* Both validators, each alone, and a stale one. */
  g_assert_cmpuint (bare_get (session, url, "If-None-Match", etag, NULL), ==, 304);
  g_assert_cmpuint (bare_get (session, url, "If-Modified-Since", last_modified, NULL), ==, 304);
  g_assert_cmpuint (bare_get (session, url, "If-None-Match", "\"other\"", NULL), ==, 200);
  g_assert_cmpuint (px_test_server_count (server, "/a"), ==, 4);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/a"), ==, 3);
  g_assert_cmpuint (px_test_server_count_full (server, "/a"), ==, 2);

  /* A new body: the old validators no longer match. */
  px_test_server_set (server, "/a", "text/html", "<p>Hello again</p>");
  g_assert_cmpuint (bare_get (session, url, "If-None-Match", etag, NULL), ==, 200);
  g_assert_cmpuint (bare_get (session, url, "If-Modified-Since", last_modified, NULL), ==, 200);

  g_assert_cmpuint (bare_get (session, missing, NULL, NULL, NULL), ==, 404);
  px_test_server_set_status (server, "/moved", 301, "Location: /a\n");
  g_assert_cmpuint (bare_get (session, moved, NULL, NULL, NULL), ==, 301);
  g_assert_cmpuint (px_test_server_count_all (server), ==, 8);
  g_assert_cmpuint (px_test_server_max_in_flight (server), ==, 1);

  g_clear_object (&session);
  px_test_drain ();
  px_test_server_free (server);
}

static void
test_server_modes (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(SoupSession) session = bare_session ();
  g_autofree char *gzip = px_test_server_url (server, "/gzip");
  g_autofree char *truncated = px_test_server_url (server, "/truncated");
  g_autofree char *huge = px_test_server_url (server, "/huge");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  /* The default session decodes gzip. */
  px_test_server_set_gzip (server, "/gzip", "text/plain", "squeezed text, squeezed text");
  g_assert_cmpuint (bare_get (session, gzip, NULL, NULL, &body), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                   "squeezed text, squeezed text", 28);
  g_clear_pointer (&body, g_bytes_unref);

  /* The body is short of its Content-Length: on a connection kept alive,
   * libsoup says so; on "Connection: close" it takes the end of the stream
   * for the end of the body, so the fetcher has to compare the counts. */
  px_test_server_set_truncated (server, "/truncated", "text/html", "<p>half", 100);
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", truncated);

    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
    g_assert_null (body);
    g_clear_error (&error);
  }
  px_test_server_add_headers (server, "/truncated", "Connection: close\n");
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", truncated);

    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (soup_message_headers_get_content_length (soup_message_get_response_headers (msg)),
                     ==, 107);
    g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "<p>half", 7);
    g_clear_pointer (&body, g_bytes_unref);
  }

  /* A huge body: read the start and close. */
  px_test_server_set_huge (server, "/huge", 64 << 20);
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", huge);
    g_autoptr(GInputStream) in = soup_session_send (session, msg, NULL, &error);
    char buffer[4096];

    g_assert_no_error (error);
    g_assert_cmpint (soup_message_headers_get_content_length (soup_message_get_response_headers (msg)),
                     ==, 64 << 20);
    g_assert_true (g_input_stream_read_all (in, buffer, sizeof buffer, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (buffer[0], ==, 'x');
    g_input_stream_close (in, NULL, NULL);
  }
  g_assert_cmpuint (px_test_server_count_full (server, "/huge"), ==, 1);

  /* A stall: the headers, then nothing. */
  px_test_server_set_stall (server, "/stall");
  {
    g_autofree char *stall = px_test_server_url (server, "/stall");
    g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", stall);
    g_autoptr(GInputStream) in = NULL;
    char buffer[16];

    soup_session_set_proxy_resolver (impatient, NULL);
    in = soup_session_send (impatient, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_cmpint (g_input_stream_read (in, buffer, sizeof buffer, NULL, &error), ==, -1);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
    g_clear_error (&error);
    g_clear_object (&in);
    g_clear_object (&impatient);
    px_test_drain ();
  }

  /* A bomb: a few KiB that decode to 32 MiB of zeros. */
  px_test_server_set_gzip_bomb (server, "/bomb", 32 << 20);
  {
    g_autofree char *bomb = px_test_server_url (server, "/bomb");
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", bomb);
    g_autoptr(GInputStream) in = soup_session_send (session, msg, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (soup_message_headers_get_content_length (soup_message_get_response_headers (msg)),
                     <, 64 << 10);
    g_input_stream_close (in, NULL, NULL);
  }

  g_clear_object (&session);
  px_test_drain ();
  px_test_server_free (server);
}

/* The fetcher */

static PxFetcher *
test_fetcher (guint timeout,
              gsize max_size)
{
  PxFetchOptions options;

  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 0;
  if (timeout != 0)
    options.timeout = timeout;
  if (max_size != 0)
    options.max_size = max_size;
  return px_fetcher_new (&options);
}

/* Fetches @path, expecting an error in PX_FETCH_ERROR; returns it. */
static GError *
fetch_error (PxFetcher    *fetcher,
             PxTestServer *server,
             const char   *path,
             int           code)
{
  g_autofree char *url = px_test_server_url (server, path);
  GError *error = NULL;
  PxFetchResult *result = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PX_FETCH_ERROR, code);
  /* Every message starts with the URL asked for. */
  g_assert_true (g_str_has_prefix (error->message, url));
  return error;
}

static void
test_fetch_ok (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *url = px_test_server_url (server, "/page");
  g_autofree char *nocache = px_test_server_url (server, "/nocache");
  g_autofree char *accept_encoding = NULL;
  g_autofree char *user_agent = NULL;
  g_autoptr(PxFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *page = "<html><head><title>Quay</title></head><body><p>Text.</p></body></html>";

  px_test_server_set (server, "/page", "Text/HTML; charset=UTF-8", page);
  px_test_server_add_headers (server, "/page", "Cache-Control: public, max-age=600\n");
  result = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_false (result->not_modified);
  g_assert_cmpstr (result->url, ==, url);
  g_assert_cmpstr (result->final_url, ==, url);
  g_assert_false (result->permanent);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body), page, strlen (page));
  g_assert_cmpstr (result->content_type, ==, "text/html");
  g_assert_cmpstr (result->charset, ==, "UTF-8");
  g_assert_nonnull (result->etag);
  g_assert_true (result->etag[0] == '"');
  g_assert_nonnull (result->last_modified);
  g_assert_nonnull (result->fetched);
  g_assert_nonnull (result->fresh_until);
  g_assert_cmpint (g_date_time_difference (result->fresh_until, result->fetched), ==, 600 * G_TIME_SPAN_SECOND);

  /* What went out: gzip and deflate offered, our name. */
  accept_encoding = px_test_server_last_header (server, "/page", "Accept-Encoding");
  g_assert_nonnull (accept_encoding);
  g_assert_nonnull (strstr (accept_encoding, "gzip"));
  g_assert_nonnull (strstr (accept_encoding, "deflate"));
  user_agent = px_test_server_last_header (server, "/page", "User-Agent");
  g_assert_true (g_str_has_prefix (user_agent, "Parallax/"));
  g_clear_pointer (&result, px_fetch_result_free);

  /* no-cache and no-store: nothing is fresh. */
  px_test_server_set (server, "/nocache", "application/rss+xml", "<rss/>");
  px_test_server_add_headers (server, "/nocache", "Cache-Control: max-age=600, no-cache\n");
  result = px_fetcher_fetch (fetcher, nocache, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (result->fresh_until);
  g_assert_null (result->charset);
  g_assert_cmpstr (result->content_type, ==, "application/rss+xml");

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_not_modified (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *url = px_test_server_url (server, "/feed");
  g_autofree char *lm_only = px_test_server_url (server, "/lm-only");
  g_autofree char *sent_etag = NULL;
  g_autofree char *sent_since = NULL;
  g_autoptr(PxFetchResult) first = NULL;
  g_autoptr(PxFetchResult) second = NULL;
  g_autoptr(PxFetchResult) third = NULL;
  g_autoptr(GError) error = NULL;
  PxFetchValidators validators = { NULL, NULL };

  px_test_server_set (server, "/feed", "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
  first = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (px_test_server_last_header (server, "/feed", "If-None-Match"));

  validators.etag = first->etag;
  validators.last_modified = first->last_modified;
  second = px_fetcher_fetch (fetcher, url, &validators, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, first->etag);
  g_assert_cmpstr (second->last_modified, ==, first->last_modified);

  /* The server saw both validators, and sent the body once. */
  sent_etag = px_test_server_last_header (server, "/feed", "If-None-Match");
  sent_since = px_test_server_last_header (server, "/feed", "If-Modified-Since");
  g_assert_cmpstr (sent_etag, ==, first->etag);
  g_assert_cmpstr (sent_since, ==, first->last_modified);
  g_assert_cmpuint (px_test_server_count (server, "/feed"), ==, 2);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/feed"), ==, 1);
  g_assert_cmpuint (px_test_server_count_full (server, "/feed"), ==, 1);

  /* Changed on the server: the old validators get the new body. */
  px_test_server_set (server, "/feed", "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>New</title></feed>");
  third = px_fetcher_fetch (fetcher, url, &validators, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (third->not_modified);
  g_assert_cmpstr (third->etag, !=, first->etag);
  g_assert_cmpuint (px_test_server_count_full (server, "/feed"), ==, 2);
  g_clear_pointer (&third, px_fetch_result_free);

  /* A server with Last-Modified only. */
  px_test_server_set (server, "/lm-only", "text/html", "<p>old news</p>");
  px_test_server_set_validators (server, "/lm-only", FALSE, TRUE);
  third = px_fetcher_fetch (fetcher, lm_only, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (third->etag);
  validators.etag = NULL;
  validators.last_modified = third->last_modified;
  {
    g_autoptr(PxFetchResult) again = px_fetcher_fetch (fetcher, lm_only, &validators, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (again->not_modified);
    g_assert_cmpstr (again->last_modified, ==, third->last_modified);
  }

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_http_errors (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *missing = px_test_server_url (server, "/missing");
  g_autofree char *expected = g_strdup_printf ("%s: the server answered 404 Not Found", missing);
  GError *error;

  error = fetch_error (fetcher, server, "/missing", PX_FETCH_ERROR_HTTP);
  g_assert_cmpstr (error->message, ==, expected);
  g_error_free (error);

  px_test_server_set_status (server, "/broken", 500, NULL);
  error = fetch_error (fetcher, server, "/broken", PX_FETCH_ERROR_HTTP);
  g_assert_true (g_str_has_suffix (error->message, ": the server answered 500 Internal Server Error"));
  g_error_free (error);

  /* Busy without saying until when: an HTTP error, not "retry later". */
  px_test_server_set_status (server, "/busy", 503, NULL);
  error = fetch_error (fetcher, server, "/busy", PX_FETCH_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "503"));
  g_error_free (error);

  /* No content is no page. */
  px_test_server_set_status (server, "/empty", 204, NULL);
  error = fetch_error (fetcher, server, "/empty", PX_FETCH_ERROR_HTTP);
  g_error_free (error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_redirects (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *start = px_test_server_url (server, "/a");
  g_autofree char *moved = px_test_server_url (server, "/old/feed");
  g_autofree char *final = px_test_server_url (server, "/final");
  g_autoptr(PxFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  px_test_server_set (server, "/final", "text/html", "<p>here</p>");

  /* 301, then a temporary 302: not permanent. */
  px_test_server_set_status (server, "/a", 301, "Location: /b\n");
  px_test_server_set_status (server, "/b", 302, "Location: final\n");
  result = px_fetcher_fetch (fetcher, start, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_cmpstr (result->url, ==, start);
  g_assert_cmpstr (result->final_url, ==, final);
  g_assert_false (result->permanent);
  g_assert_cmpuint (px_test_server_count (server, "/a"), ==, 1);
  g_assert_cmpuint (px_test_server_count (server, "/b"), ==, 1);
  g_clear_pointer (&result, px_fetch_result_free);

  /* 301 and 308, absolute and relative: permanent. */
  {
    g_autofree char *full = px_test_server_url (server, "/new/feed");
    g_autofree char *line = g_strdup_printf ("Location: %s\n", full);

    px_test_server_set_status (server, "/old/feed", 301, line);
  }
  px_test_server_set_status (server, "/new/feed", 308, "Location: ../final\n");
  result = px_fetcher_fetch (fetcher, moved, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->final_url, ==, final);
  g_assert_true (result->permanent);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_redirect_limits (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *back = px_test_server_url (server, "/loop1");
  GError *error;

  /* A loop: 1 → 2 → 1. */
  px_test_server_set_status (server, "/loop1", 302, "Location: /loop2\n");
  px_test_server_set_status (server, "/loop2", 301, "Location: /loop1\n");
  error = fetch_error (fetcher, server, "/loop1", PX_FETCH_ERROR_REDIRECT_LOOP);
  g_assert_nonnull (strstr (error->message, "the redirects loop back to "));
  g_assert_true (g_str_has_suffix (error->message, back));
  g_assert_cmpuint (px_test_server_count (server, "/loop1"), ==, 1);
  g_error_free (error);

  px_test_server_set_status (server, "/self", 307, "Location: /self\n");
  error = fetch_error (fetcher, server, "/self", PX_FETCH_ERROR_REDIRECT_LOOP);
  g_error_free (error);

  /* A chain of 6: /c0 … /c6, the page at /c6. Five are followed. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *path = g_strdup_printf ("/c%d", i);
      g_autofree char *location = g_strdup_printf ("Location: /c%d\n", i + 1);

      px_test_server_set_status (server, path, 302, location);
    }
  px_test_server_set (server, "/c6", "text/html", "<p>far</p>");
  error = fetch_error (fetcher, server, "/c0", PX_FETCH_ERROR_TOO_MANY_REDIRECTS);
  g_assert_true (g_str_has_suffix (error->message, ": too many redirects (more than 5)"));
  g_assert_cmpuint (px_test_server_count (server, "/c5"), ==, 1);
  g_assert_cmpuint (px_test_server_count (server, "/c6"), ==, 0);
  g_error_free (error);

  /* Five exactly is fine. */
  {
    g_autofree char *c1 = px_test_server_url (server, "/c1");
    g_autoptr(GError) local_error = NULL;
    g_autoptr(PxFetchResult) result = px_fetcher_fetch (fetcher, c1, NULL, NULL, NULL, &local_error);

    g_assert_no_error (local_error);
    g_assert_cmpuint (px_test_server_count (server, "/c6"), ==, 1);
  }

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_invalid_urls (void)
{
  const char *urls[] = {
    "file:///etc/hostname",
    "ftp://ftp.example/feed.xml",
    "not a url",
    "http://",
    "javascript:alert(1)",
  };
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  GError *error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(PxFetchResult) result = px_fetcher_fetch (fetcher, urls[i], NULL, NULL, NULL, &error);

      g_assert_null (result);
      g_assert_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_INVALID_URL);
      g_assert_true (g_str_has_prefix (error->message, urls[i]));
      g_clear_error (&error);
    }

  /* A redirect off the web is refused before anything is read there. */
  px_test_server_set_status (server, "/to-file", 302, "Location: file:///etc/hostname\n");
  px_test_server_set_status (server, "/to-ftp", 301, "Location: ftp://ftp.example/feed.xml\n");
  error = fetch_error (fetcher, server, "/to-file", PX_FETCH_ERROR_INVALID_URL);
  g_assert_nonnull (strstr (error->message, "redirected to file:///etc/hostname"));
  g_clear_error (&error);
  error = fetch_error (fetcher, server, "/to-ftp", PX_FETCH_ERROR_INVALID_URL);
  g_clear_error (&error);

  /* And a redirect without a Location is the server's error. */
  px_test_server_set_status (server, "/nowhere", 302, NULL);
  error = fetch_error (fetcher, server, "/nowhere", PX_FETCH_ERROR_HTTP);
  g_clear_error (&error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_timeout (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (1, 0);
  GError *error;

  px_test_server_set_stall (server, "/stall");
  error = fetch_error (fetcher, server, "/stall", PX_FETCH_ERROR_TIMEOUT);
  g_assert_true (g_str_has_suffix (error->message, ": no answer within 1 second"));
  g_error_free (error);

  /* Not even the headers. */
  px_test_server_set (server, "/slow", "text/html", "<p>late</p>");
  px_test_server_set_delay (server, "/slow", 30000);
  error = fetch_error (fetcher, server, "/slow", PX_FETCH_ERROR_TIMEOUT);
  g_error_free (error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_truncated (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  GError *error;

  /* Kept alive (libsoup's partial input) and closed (the counts). */
  px_test_server_set_truncated (server, "/alive", "text/html", "<p>The ferry terminal", 500);
  px_test_server_set_truncated (server, "/closed", "text/html", "<p>The ferry terminal", 500);
  px_test_server_add_headers (server, "/closed", "Connection: close\n");
  for (int i = 0; i < 2; i++)
    {
      error = fetch_error (fetcher, server, i == 0 ? "/alive" : "/closed", PX_FETCH_ERROR_TRUNCATED);
      g_assert_true (g_str_has_suffix (error->message, ": the connection closed before the end of the page"));
      g_error_free (error);
    }

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_too_large (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 1 << 20);
  GError *error;

  /* Announced by its Content-Length: refused before reading. */
  px_test_server_set_huge (server, "/huge", 64 << 20);
  error = fetch_error (fetcher, server, "/huge", PX_FETCH_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, ": larger than 1 MiB"));
  g_error_free (error);
  g_test_message ("sent of /huge: %" G_GUINT64_FORMAT, px_test_server_bytes_sent (server, "/huge"));
  g_assert_cmpuint (px_test_server_bytes_sent (server, "/huge"), <, 32 << 20);

  /* Not announced: stopped once past the limit. The socket buffers hold a
   * few MiB at most, so the server never got near the end. */
  px_test_server_set_huge_chunked (server, "/growing", 64 << 20);
  error = fetch_error (fetcher, server, "/growing", PX_FETCH_ERROR_TOO_LARGE);
  g_error_free (error);
  g_test_message ("sent of /growing: %" G_GUINT64_FORMAT, px_test_server_bytes_sent (server, "/growing"));
  g_assert_cmpuint (px_test_server_bytes_sent (server, "/growing"), >, 1 << 20);
  g_assert_cmpuint (px_test_server_bytes_sent (server, "/growing"), <, 32 << 20);

  /* At the limit exactly is fine. */
  px_test_server_set_huge (server, "/exact", 1 << 20);
  {
    g_autofree char *exact = px_test_server_url (server, "/exact");
    g_autoptr(GError) local_error = NULL;
    g_autoptr(PxFetchResult) result = px_fetcher_fetch (fetcher, exact, NULL, NULL, NULL, &local_error);

    g_assert_no_error (local_error);
    g_assert_cmpuint (g_bytes_get_size (result->body), ==, 1 << 20);
  }

  /* The server is done with both big ones once the fetcher closed. */
  px_test_server_free (server);
  g_clear_object (&fetcher);
}

static void
test_fetch_gzip (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 1 << 20);
  g_autofree char *url = px_test_server_url (server, "/squeezed");
  g_autoptr(PxFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) page = g_string_new ("<html><body>");
  GError *too_large;

  for (int i = 0; i < 2000; i++)
    g_string_append (page, "<p>The ferry terminal reopened on Saturday.</p>");
  g_string_append (page, "</body></html>");
  px_test_server_set_gzip (server, "/squeezed", "text/html; charset=utf-8", page->str);
  result = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body), page->str, page->len);

  /* 32 MiB of zeros in a few KiB: stopped at the limit, decoded. */
  px_test_server_set_gzip_bomb (server, "/bomb", 32 << 20);
  too_large = fetch_error (fetcher, server, "/bomb", PX_FETCH_ERROR_TOO_LARGE);
  g_error_free (too_large);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_wrong_charset (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *url = px_test_server_url (server, "/cafe");
  g_autoptr(PxFetchResult) result = NULL;
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *page = "<html><head><title>Le café du port rouvre</title></head><body>"
                     "<article><h1>Le café du port rouvre</h1>"
                     "<p>Le café du port a rouvert samedi après l'incendie du terminal des ferries. "
                     "Les clients sont revenus dès l'ouverture, a indiqué la gérante.</p>"
                     "<p>Les pompiers avaient maîtrisé le feu avant l'aube, selon la préfecture.</p>"
                     "</article></body></html>";

  /* UTF-8 bytes, labelled Latin-1 by the server. */
  px_test_server_set (server, "/cafe", "text/html; charset=iso-8859-1", page);
  result = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->charset, ==, "iso-8859-1");

  document = px_parser_parse_bytes_with_charset (parser, result->body, "cafe.html", result->charset, &error);
  g_assert_no_error (error);
  body = px_document_dup_body_text (document);
  g_assert_nonnull (strstr (body, "Le café du port a rouvert samedi après"));
  g_assert_null (strstr (body, "Ã©"));

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_retry_after (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autofree char *busy = px_test_server_url (server, "/busy");
  g_autofree char *limited = px_test_server_url (server, "/limited");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) tomorrow_s = g_date_time_new_utc (g_date_time_get_year (tomorrow),
                                                         g_date_time_get_month (tomorrow),
                                                         g_date_time_get_day_of_month (tomorrow),
                                                         g_date_time_get_hour (tomorrow),
                                                         g_date_time_get_minute (tomorrow),
                                                         g_date_time_get_second (tomorrow));
  g_autofree char *http_date = soup_date_time_to_string (tomorrow_s, SOUP_DATE_HTTP);
  g_autofree char *header = g_strdup_printf ("Retry-After: %s\n", http_date);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  PxFetchResult *result;

  /* Seconds: between (call time + 120 s) at both ends of the call. */
  px_test_server_set_status (server, "/busy", 503, "Retry-After: 120\n");
  before = g_date_time_new_now_utc ();
  result = px_fetcher_fetch (fetcher, busy, NULL, &when, NULL, &error);
  after = g_date_time_new_now_utc ();
  g_assert_null (result);
  g_assert_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_RETRY_LATER);
  g_assert_true (g_str_has_prefix (error->message, busy));
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_difference (when, before), >=, 120 * G_TIME_SPAN_SECOND - G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (when, after), <=, 120 * G_TIME_SPAN_SECOND + G_TIME_SPAN_SECOND);
  g_clear_error (&error);
  g_clear_pointer (&when, g_date_time_unref);

  /* An HTTP date on a 429. */
  px_test_server_set_status (server, "/limited", 429, header);
  result = px_fetcher_fetch (fetcher, limited, NULL, &when, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_RETRY_LATER);
  g_assert_nonnull (when);
  g_assert_true (g_date_time_equal (when, tomorrow_s));
  g_clear_error (&error);
  g_clear_pointer (&when, g_date_time_unref);

  /* Garbage in Retry-After: a plain HTTP error, no date. */
  px_test_server_set_status (server, "/busy", 503, "Retry-After: whenever\n");
  result = px_fetcher_fetch (fetcher, busy, NULL, &when, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_HTTP);
  g_assert_null (when);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

typedef struct
{
  PxFetcher    *fetcher;
  char         *url;
  GCancellable *cancellable;
  GError       *error;
  PxFetchResult *result;
} FetchJob;

static gpointer
fetch_in_thread (gpointer data)
{
  FetchJob *job = data;

  job->result = px_fetcher_fetch (job->fetcher, job->url, NULL, NULL, job->cancellable, &job->error);
  return NULL;
}

static void
test_fetch_cancel (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autoptr(PxFetcher) fetcher = test_fetcher (30, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *stall = px_test_server_url (server, "/stall");
  g_autofree char *page = px_test_server_url (server, "/page");
  FetchJob job = { fetcher, stall, cancellable, NULL, NULL };
  GThread *thread;

  /* Cancelled from another thread while the server holds the request. */
  px_test_server_set_stall (server, "/stall");
  thread = g_thread_new ("fetch", fetch_in_thread, &job);
  g_assert_true (px_test_server_wait_count (server, "/stall", 1, 30));
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_null (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);

  /* Already cancelled: nothing is sent. */
  px_test_server_set (server, "/page", "text/html", "<p>x</p>");
  job.url = page;
  fetch_in_thread (&job);
  g_assert_null (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (px_test_server_count (server, "/page"), ==, 0);
  g_clear_error (&job.error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_cancel_while_paced (void)
{
  PxTestServer *server = px_test_server_new ();
  PxFetchOptions options;
  g_autoptr(PxFetcher) fetcher = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *page = px_test_server_url (server, "/page");
  g_autoptr(PxFetchResult) first = NULL;
  g_autoptr(GError) error = NULL;
  FetchJob job = { NULL, page, cancellable, NULL, NULL };
  GThread *thread;

  /* An hour between two requests: the second waits until cancelled. */
  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 3600 * 1000;
  fetcher = px_fetcher_new (&options);
  job.fetcher = fetcher;
  px_test_server_set (server, "/page", "text/html", "<p>x</p>");
  first = px_fetcher_fetch (fetcher, page, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("fetch", fetch_in_thread, &job);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (px_test_server_count (server, "/page"), ==, 1);
  g_clear_error (&job.error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_refused (void)
{
  g_autoptr(PxFetcher) fetcher = test_fetcher (0, 0);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  PxFetchResult *result;

  /* A port that was just free and nobody listens on. */
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/feed", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  result = px_fetcher_fetch (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PX_FETCH_ERROR, PX_FETCH_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (error->message, url));
}

static void
test_fetch_host_key (void)
{
  const struct { const char *url; const char *key; } cases[] = {
    { "HTTP://Harbour-Ledger.EXAMPLE/feeds/a", "harbour-ledger.example" },
    { "https://harbour-ledger.example:443/", "harbour-ledger.example" },
    { "http://harbour-ledger.example:80/x", "harbour-ledger.example" },
    { "http://harbour-ledger.example:8080/x", "harbour-ledger.example:8080" },
    { "https://harbour-ledger.example:80/x", "harbour-ledger.example:80" },
    { "http://127.0.0.1:4711/feed", "127.0.0.1:4711" },
    { "http://[::1]:8080/", "[::1]:8080" },
    { "ftp://harbour-ledger.example/", NULL },
    { "nonsense", NULL },
    { "", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = px_fetch_host_key (cases[i].url);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

typedef struct
{
  PxFetcher *fetcher;
  char      *urls[3];
  guint      ok;
} PacedJob;

static gpointer
paced_thread (gpointer data)
{
  PacedJob *job = data;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PxFetchResult) result = px_fetcher_fetch (job->fetcher, job->urls[i], NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      job->ok++;
    }
  return NULL;
}

static void
test_fetch_host_pacing (void)
{
  PxTestServer *server = px_test_server_new ();
  PxFetchOptions options;
  g_autoptr(PxFetcher) fetcher = NULL;
  PacedJob jobs[2] = { { 0 } };
  GThread *threads[2];

  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 50;
  fetcher = px_fetcher_new (&options);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/p%d", i);

      px_test_server_set (server, path, "text/html", "<p>paced</p>");
      /* Held long enough that two requests sent together overlap. */
      px_test_server_set_delay (server, path, 100);
    }
  /* Two threads share the fetcher, as two refreshes might: the server
   * never sees two of their six requests at once. */
  for (int t = 0; t < 2; t++)
    {
      jobs[t].fetcher = fetcher;
      for (int i = 0; i < 3; i++)
        {
          g_autofree char *path = g_strdup_printf ("/p%d", (i + t) % 3);

          jobs[t].urls[i] = px_test_server_url (server, path);
        }
      threads[t] = g_thread_new ("paced", paced_thread, &jobs[t]);
    }
  for (int t = 0; t < 2; t++)
    {
      g_thread_join (threads[t]);
      g_assert_cmpuint (jobs[t].ok, ==, 3);
      for (int i = 0; i < 3; i++)
        g_free (jobs[t].urls[i]);
    }
  g_assert_cmpuint (px_test_server_count_all (server), ==, 6);
  g_assert_cmpuint (px_test_server_max_in_flight (server), ==, 1);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

static void
test_fetch_tls (void)
{
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "data", "feeds", "self-signed-cert.pem", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "data", "feeds", "self-signed-key.pem", NULL);
  PxTestServer *server;
  g_autoptr(PxFetcher) fetcher = NULL;
  GError *error;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("no TLS backend (glib-networking)");
      return;
    }
  server = px_test_server_new_https (cert, key);
  fetcher = test_fetcher (0, 0);
  px_test_server_set (server, "/feed", "application/rss+xml", "<rss/>");

  error = fetch_error (fetcher, server, "/feed", PX_FETCH_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, ": the certificate is not trusted: "));
  g_assert_nonnull (strstr (error->message, "not signed by a known authority"));
  g_assert_cmpuint (px_test_server_count (server, "/feed"), ==, 0);
  g_error_free (error);

  g_clear_object (&fetcher);
  px_test_server_free (server);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fetch/server/basics", test_server_basics);
  g_test_add_func ("/fetch/server/modes", test_server_modes);
  g_test_add_func ("/fetch/ok", test_fetch_ok);
  g_test_add_func ("/fetch/not-modified", test_fetch_not_modified);
  g_test_add_func ("/fetch/http-errors", test_fetch_http_errors);
  g_test_add_func ("/fetch/redirects", test_fetch_redirects);
  g_test_add_func ("/fetch/redirect-limits", test_fetch_redirect_limits);
  g_test_add_func ("/fetch/invalid-urls", test_fetch_invalid_urls);
  g_test_add_func ("/fetch/timeout", test_fetch_timeout);
  g_test_add_func ("/fetch/truncated", test_fetch_truncated);
  g_test_add_func ("/fetch/too-large", test_fetch_too_large);
  g_test_add_func ("/fetch/gzip", test_fetch_gzip);
  g_test_add_func ("/fetch/wrong-charset", test_fetch_wrong_charset);
  g_test_add_func ("/fetch/retry-after", test_fetch_retry_after);
  g_test_add_func ("/fetch/cancel", test_fetch_cancel);
  g_test_add_func ("/fetch/cancel-while-paced", test_fetch_cancel_while_paced);
  g_test_add_func ("/fetch/refused", test_fetch_refused);
  g_test_add_func ("/fetch/host-key", test_fetch_host_key);
  g_test_add_func ("/fetch/host-pacing", test_fetch_host_pacing);
  g_test_add_func ("/fetch/tls", test_fetch_tls);

  return g_test_run ();
}
