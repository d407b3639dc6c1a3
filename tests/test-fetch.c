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

#include "px-test-server.h"

/* Helpers */

static SoupSession *
bare_session (void)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 10, NULL);

  soup_session_set_proxy_resolver (session, NULL);
  return session;
}

static void
drain (SoupSession **session)
{
  g_clear_object (session);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  drain (&session);
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
    drain (&impatient);
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

  drain (&session);
  px_test_server_free (server);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fetch/server/basics", test_server_basics);
  g_test_add_func ("/fetch/server/modes", test_server_modes);

  return g_test_run ();
}
