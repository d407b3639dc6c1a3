/* px-test-util.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "px-parser.h"
#include "px-test-util.h"

void
px_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
px_test_remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        px_test_remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

char *
px_test_store_version (PxArchive  *archive,
                       const char *url,
                       const char *html,
                       const char *fetched)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_parser_parse_bytes (parser, bytes, url, &error);
  g_autoptr(PxSourceInfo) source = NULL;
  PxArchiveConnection *connection;
  PxStoredPage outcome;

  g_assert_no_error (error);
  connection = _px_archive_connect (archive, &error);
  g_assert_no_error (error);
  source = _px_archive_connection_get_source (connection, url, &error);
  g_assert_no_error (error);
  if (source == NULL)
    {
      source = g_new0 (PxSourceInfo, 1);
      source->url = g_strdup (url);
      source->kind = PX_SOURCE_PAGE;
    }
  g_assert_true (_px_archive_connection_store_page (connection, source, document, bytes, "utf-8",
                                                    fetched, FALSE, &outcome, &error));
  g_assert_no_error (error);
  _px_archive_connection_close (connection);

  return g_strdup (px_document_get_id (document));
}

guint
px_test_count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}
