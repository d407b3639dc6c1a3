/* px-test-util.h: what tests of the core and of the window share: the
 * main loop drained, temporary folders removed, a page stored in versions
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-archive.h"

G_BEGIN_DECLS

/* Runs what is pending, without blocking. */
void      px_test_drain           (void);
void      px_test_remove_folder   (const char      *dir);
/* How many entries @dir holds (a write that failed must leave none). */
guint     px_test_count_files     (const char      *dir);
/* Stores @html as the page at @url fetched at @fetched, as a refresh
 * does: a second version of a page becomes its revision. Returns: the
 * stored document's id. */
char     *px_test_store_version   (PxArchive       *archive,
                                   const char      *url,
                                   const char      *html,
                                   const char      *fetched);

G_END_DECLS
