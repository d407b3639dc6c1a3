/* px-compare-page.h: the Compare view of the window
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_COMPARE_PAGE (px_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (PxComparePage, px_compare_page, PX, COMPARE_PAGE, GtkWidget)

/* How the sources of an archive report the same event: the figure ledger
 * (topics × sources) with the passages of a topic side by side, the
 * aligned passages, coverage, framing and the review queue. The
 * comparison is computed in a worker when the page is first shown and
 * streamed in: the ledger shows as soon as the topics are grouped. The
 * user's edits (merge, split, rename, move, reviewed) are stored in the
 * archive.
 *
 * Signals:
 *   "open-passage" (const char *document_id, const char *text): read the
 *     document at the passage that contains @text. */

GtkWidget *px_compare_page_new         (void);
void       px_compare_page_set_archive (PxComparePage *self,
                                        PxArchive     *archive);
/* Compares again after an import or a correction, keeping the view; a
 * hidden page waits until it is shown. */
void       px_compare_page_reload      (PxComparePage *self);

G_END_DECLS
