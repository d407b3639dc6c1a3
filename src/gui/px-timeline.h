/* px-timeline.h: the timeline widget, lanes of marks over a shared time axis
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_TIMELINE (px_timeline_get_type ())

G_DECLARE_FINAL_TYPE (PxTimeline, px_timeline, PX, TIMELINE, GtkWidget)

/* Properties: "model" (PxTimelineModel), "range" (PxTimeRange, the visible
 * period; shared, never NULL), "has-selection" (a period chosen on the
 * axis), "vadjustment" and friends (GtkScrollable: lanes scroll vertically
 * while the axis stays).
 *
 * Signals:
 *   "mark-selected" (guint32 mark, guint count, double start, double end):
 *     a mark or cluster was clicked or chosen with Enter/Space.
 *   "selection-changed": the axis range selection changed or was cleared. */

/* The margin "fit all" leaves either side, as a fraction of the span; an
 * export of the whole timeline frames it the same way. */
#define PX_TIMELINE_FIT_MARGIN 0.03

GtkWidget       *px_timeline_new                (void);
PxTimelineModel *px_timeline_get_model          (PxTimeline      *self);
void             px_timeline_set_model          (PxTimeline      *self,
                                                 PxTimelineModel *model);
PxTimeRange     *px_timeline_get_range          (PxTimeline      *self);
void             px_timeline_set_range          (PxTimeline      *self,
                                                 PxTimeRange     *range);

void             px_timeline_fit_all            (PxTimeline      *self);
/* Fits the range selection, or the selected mark, or everything. */
void             px_timeline_fit_selection      (PxTimeline      *self);
void             px_timeline_zoom               (PxTimeline      *self,
                                                 double           factor);

gboolean         px_timeline_get_selection      (PxTimeline      *self,
                                                 double          *start,
                                                 double          *end);
void             px_timeline_set_selection      (PxTimeline      *self,
                                                 double           start,
                                                 double           end);
void             px_timeline_clear_selection    (PxTimeline      *self);

/* The shape with keyboard focus (see px_timeline_model_layout()); FALSE
 * when none. */
gboolean         px_timeline_get_focused_shape  (PxTimeline      *self,
                                                 PxTimelineShape *shape);
/* Moves focus to the shape holding @mark, zooming in if needed. */
gboolean         px_timeline_focus_mark         (PxTimeline      *self,
                                                 guint32          mark);

G_END_DECLS
