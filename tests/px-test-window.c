/* px-test-window.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "px-core.h"
#include "px-test-display.h"
#include "px-test-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 60

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
px_test_wait_until (PxTestPredicate predicate,
                    gpointer        data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

void
px_test_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

char *
px_test_new_archive (char **root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PxArchive) archive = NULL;
  char *path;

  *root = g_dir_make_tmp ("px-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*root, "archive", NULL);
  folder = g_file_new_for_path (path);
  archive = px_archive_create (folder, &error);
  g_assert_no_error (error);

  return path;
}

PxWindow *
px_test_new_window (int width,
                    int height)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax.Parallax");
  const char *keys[] = { "last-archive", "recent-archives", "show-removed", "show-details",
                         "show-selection-panel" };
  PxWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);

  window = px_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
px_test_destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_drain ();
}

gboolean
px_test_not_importing (gpointer window)
{
  return !_px_window_is_importing (window);
}

char *
px_test_import_sample (char **root)
{
  const char *sample = g_getenv ("PX_SAMPLE_DIR");
  const char *paths[] = { sample, NULL };
  PxWindow *window;
  char *archive;

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no sample folder");
      return NULL;
    }

  archive = px_test_new_archive (root);
  window = px_test_new_window (1200, 800);
  g_assert_true (_px_window_open_archive (window, archive));
  _px_window_import (window, paths);
  px_test_wait_until (px_test_not_importing, window);
  px_test_destroy_window (window);

  return archive;
}

char *
px_test_window_start (int          *argc,
                      char       ***argv,
                      const char   *name)
{
  g_autofree char *template = g_strdup_printf ("px-test-%s-data-XXXXXX", name);
  g_autofree char *data_home = g_dir_make_tmp (template, NULL);

  /* (G_TEST_OPTION_ISOLATE_DIRS would also hide the system's MIME
   * database, which GTK needs for the icons.) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  px_test_display_init ();
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      px_test_remove_folder (data_home);
      return NULL;
    }
  adw_init ();
  return g_steal_pointer (&data_home);
}
