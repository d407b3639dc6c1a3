/* px-review-queue.h: the open discrepancies of a comparison, one by one
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_REVIEW_QUEUE (px_review_queue_get_type ())

G_DECLARE_FINAL_TYPE (PxReviewQueue, px_review_queue, PX, REVIEW_QUEUE, GtkWidget)

/* The topics whose sources differ or hedge and that nobody reviewed yet,
 * with their passages side by side; usable from the keyboard alone
 * (arrows, Enter, R, Ctrl+Enter, N). Reviewed ones move to a list of
 * their own, with their notes.
 *
 * Properties: "n-open" (guint), read-only.
 * Signals: "passage-activated" (guint document, const char *text), from
 * the side by side: read that passage in its document. */
GtkWidget *px_review_queue_new            (void);
void       px_review_queue_set_comparison (PxReviewQueue *self,
                                           PxComparison  *comparison);
guint      px_review_queue_get_n_open     (PxReviewQueue *self);
/* Selects the open discrepancy @id, if it is one. */
gboolean   px_review_queue_select_topic   (PxReviewQueue *self,
                                           const char    *id);
/* Marks the selected discrepancy reviewed with the note typed, and
 * selects the next one. */
gboolean   px_review_queue_mark_reviewed  (PxReviewQueue *self);
/* The discrepancy after the selected one, from the top after the last. */
void       px_review_queue_select_next    (PxReviewQueue *self);

G_END_DECLS
