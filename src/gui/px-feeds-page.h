/* px-feeds-page.h: the subscriptions and the inbox of new articles
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_FEEDS_PAGE (px_feeds_page_get_type ())

G_DECLARE_FINAL_TYPE (PxFeedsPage, px_feeds_page, PX, FEEDS_PAGE, GtkWidget)

GtkWidget  *px_feeds_page_new           (void);
void        px_feeds_page_set_archive   (PxFeedsPage        *self,
                                         PxArchive          *archive);
/* Reads the sources and the inbox from the archive again, keeping what
 * the user had chosen in the inbox where it is still there. */
void        px_feeds_page_reload        (PxFeedsPage        *self);
/* The inbox items whose links are being fetched (an Accept under way):
 * their rows say so instead of offering Accept again. NULL: none. */
void        px_feeds_page_set_pending   (PxFeedsPage        *self,
                                         const char * const *urls);
/* Items waiting in the inbox (the "n-waiting" property). */
guint       px_feeds_page_get_n_waiting (PxFeedsPage        *self);

G_END_DECLS
