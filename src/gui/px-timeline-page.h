/* px-timeline-page.h: the Timeline view of the window
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_TIMELINE_PAGE (px_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (PxTimelinePage, px_timeline_page, PX, TIMELINE_PAGE, GtkWidget)

/* The timeline of an archive: a toolbar (lanes by outlet or tag, zoom, fit,
 * jump to a date, list or chart, export), the PxTimeline or the list of
 * the same entries, and below it the passages that date the selected mark.
 * Entries are built in a worker; the visible period and the lane choice
 * are remembered in the archive.
 *
 * Signals:
 *   "open-passage" (const char *document_id, const char *text): open the
 *     document at the passage that contains @text.
 *   "period-changed" (const char *from, const char *to): the period chosen
 *     on the axis, as EDTF days, or two NULLs when cleared; the window
 *     filters its document list with it. */

GtkWidget *px_timeline_page_new         (void);
void       px_timeline_page_set_archive (PxTimelinePage *self,
                                         PxArchive      *archive);
/* Rebuild after an import or a correction, keeping the view. */
void       px_timeline_page_reload      (PxTimelinePage *self);
/* Forgets the period chosen on the axis (and emits "period-changed"). */
void       px_timeline_page_clear_period (PxTimelinePage *self);

G_END_DECLS
