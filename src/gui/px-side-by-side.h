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
/* The source the other columns are compared with; by default the first
 * source that reports. The user can choose another in each column. */
void px_side_by_side_set_reference  (PxSideBySide *self,
                                     guint         source);

/* For tests: the columns, reference first (each a GtkBox whose passages
 * are GtkLabels with the "diff-passage" style class and whose buttons to
 * open them have "open-passage"), and the scrolled window around them. */
guint              _px_side_by_side_get_n_columns       (PxSideBySide *self);
GtkWidget         *_px_side_by_side_get_column          (PxSideBySide *self,
                                                         guint         index);
GtkScrolledWindow *_px_side_by_side_get_scrolled_window (PxSideBySide *self);
GtkLabel          *_px_side_by_side_get_legend          (PxSideBySide *self);

G_END_DECLS
