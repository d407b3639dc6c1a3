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

/* The geometry, in pixels: a column of lane labels on the left, the axis
 * strip on top, then one lane per model lane, each with a row of
 * publication marks above a row of event marks. */
#define PX_TIMELINE_LABEL_WIDTH  160.0
#define PX_TIMELINE_AXIS_HEIGHT   46.0
#define PX_TIMELINE_ROW_HEIGHT    22.0
#define PX_TIMELINE_LANE_HEIGHT   50.0
/* Marks closer than this merge into a cluster; a mark at least this wide
 * is drawn as a band over its extent. */
#define PX_TIMELINE_MARK_SIZE     12.0

typedef enum
{
  PX_TIMELINE_PALETTE_LIGHT,
  PX_TIMELINE_PALETTE_DARK,
  PX_TIMELINE_PALETTE_PAPER,   /* exports: light, with white paper */
} PxTimelinePaletteStyle;

typedef struct
{
  GdkRGBA background;        /* the lanes */
  GdkRGBA lane_alt;          /* every other lane, over background */
  GdkRGBA axis_background;
  GdkRGBA label_background;
  GdkRGBA text;
  GdkRGBA dim_text;
  GdkRGBA grid;
  GdkRGBA grid_major;
  GdkRGBA published;
  GdkRGBA event;
  GdkRGBA on_mark;           /* a cluster's count */
  GdkRGBA accent;            /* selection and focus */
} PxTimelinePalette;

void     px_timeline_palette_init          (PxTimelinePalette      *palette,
                                            PxTimelinePaletteStyle  style);

/* Everything one static frame depends on. @shapes come from
 * px_timeline_model_layout() over [@start, @end] at the plot width
 * (px_timeline_paint_get_plot_width()) with PX_TIMELINE_MARK_SIZE; their
 * x are relative to the plot's left edge. @scroll moves the lanes (not the
 * axis) up. */
typedef struct
{
  PxTimelineModel         *model;
  GArray                  *shapes;
  double                   start;
  double                   end;
  double                   width;
  double                   height;
  double                   scroll;
  const PxTimelinePalette *palette;
  PangoContext            *pango;
} PxTimelinePaint;

double   px_timeline_paint_get_plot_width  (const PxTimelinePaint *paint);
/* The x of @time in the drawing (not the plot). */
double   px_timeline_paint_time_to_x       (const PxTimelinePaint *paint,
                                            double                 time);
double   px_timeline_paint_x_to_time       (const PxTimelinePaint *paint,
                                            double                 x);
/* The vertical centre of the row of @kind in @lane. */
double   px_timeline_paint_row_y           (const PxTimelinePaint *paint,
                                            guint                  lane,
                                            PxTimelineKind         kind);
/* The lane and row under @y; FALSE over the axis or below the lanes. */
gboolean px_timeline_paint_row_at          (const PxTimelinePaint *paint,
                                            double                 y,
                                            guint                 *lane,
                                            PxTimelineKind        *kind);
/* Where @shape is drawn, in the drawing's coordinates. */
void     px_timeline_paint_shape_bounds    (const PxTimelinePaint *paint,
                                            const PxTimelineShape *shape,
                                            graphene_rect_t       *bounds);

/* The static layer: backgrounds, grid, marks, lane labels, the axis. */
void     px_timeline_painter_draw          (cairo_t               *cr,
                                            const PxTimelinePaint *paint);

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
