/* px-side-by-side.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SIDE_BY_SIDE (px_side_by_side_get_type ())

G_DECLARE_FINAL_TYPE (PxSideBySide, px_side_by_side, PX, SIDE_BY_SIDE, GtkWidget)

GtkWidget *px_side_by_side_new (void);

/* One column per source with the passages of a topic or an aligned
 * passage, words that differ from the first column marked (inserted,
 * deleted, changed numbers emphasised), scrolled together; horizontal
 * scrolling beyond the columns that fit.
 *
 * Signals: "passage-activated" (guint document, const char *text): the
 * user asked to read that passage in its document. */
void px_side_by_side_set_comparison (PxSideBySide *self,
                                     PxComparison *comparison);
void px_side_by_side_show_topic     (PxSideBySide *self,
                                     PxTopic      *topic);
void px_side_by_side_show_alignment (PxSideBySide *self,
                                     PxAlignment  *alignment);
void px_side_by_side_clear          (PxSideBySide *self);

G_END_DECLS
