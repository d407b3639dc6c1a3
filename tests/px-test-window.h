/* px-test-window.h: what the window tests share: waiting on the main
 * loop, temporary archives, a fresh window
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-test-util.h"
#include "px-window.h"

G_BEGIN_DECLS

typedef gboolean (*PxTestPredicate) (gpointer data);

/* Spins the main loop until @predicate holds; fails (rather than hangs)
 * after a minute. */
void      px_test_wait_until      (PxTestPredicate  predicate,
                                   gpointer         data);
/* Spins the main loop for @msec. */
void      px_test_spin            (guint            msec);
/* A new archive in a new temporary folder @root: the archive's path. */
char     *px_test_new_archive     (char           **root);
/* A window presented at @width × @height, remembering no archive and
 * with the view settings at their defaults: the memory settings backend
 * lives as long as the test program. */
PxWindow *px_test_new_window      (int              width,
                                   int              height);
/* Destroys a window (any GtkWindow) and runs what that leaves pending. */
void      px_test_destroy_window  (gpointer         window);
/* The window is not importing: for px_test_wait_until(). */
gboolean  px_test_not_importing   (gpointer         window);
/* $PX_SAMPLE_DIR imported into a new archive (in @root): its path, or
 * NULL, the test skipped, without the sample. */
char     *px_test_import_sample   (char           **root);

/* What every window test's main() does first: the user data folder, where
 * the window makes its default archive, pointed at a new temporary one
 * named after @name; the display tests' log writer; g_test_init(); GTK
 * and libadwaita. Returns: the data folder, to remove after the run, or
 * NULL when there is no display (the tests are then reported skipped). */
char     *px_test_window_start    (int              *argc,
                                   char           ***argv,
                                   const char       *name);

G_END_DECLS
