/* px-timeline-painter.h: drawing a timeline with cairo, on screen and in files
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

typedef enum
{
  PX_TIMELINE_FORMAT_PNG,
  PX_TIMELINE_FORMAT_SVG,
  PX_TIMELINE_FORMAT_PDF,
} PxTimelineFormat;

/* The widget and the exporter call the same drawing functions declared
 * here (the widget through a cached cairo render node), so a file shows
 * exactly what the screen shows, plus a title and a legend. */

/* Writes the timeline of @model over [@start, @end] to @file, @width
 * pixels (points for PDF and SVG) wide, atomically: a temporary file
 * renamed into place, so a failure leaves no broken file. */
gboolean px_timeline_painter_export (PxTimelineModel  *model,
                                     double            start,
                                     double            end,
                                     int               width,
                                     PxTimelineFormat  format,
                                     GFile            *file,
                                     GError          **error);

G_END_DECLS
