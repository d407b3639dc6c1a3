/* px-time-range.h: the visible period of a timeline, shared by its parts
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_TIME_RANGE (px_time_range_get_type ())

G_DECLARE_FINAL_TYPE (PxTimeRange, px_time_range, PX, TIME_RANGE, GObject)

/* One object owns the visible period, and every view of it (lanes, axis,
 * the list of entries, what is remembered per archive) follows its
 * "changed" signal. Start and end are seconds since 1970 UTC; the span is
 * kept between one hour and 10,000 years, and "changed" is emitted once
 * per change of either end. */

#define PX_TIME_RANGE_MIN_SPAN (3600.0)
#define PX_TIME_RANGE_MAX_SPAN (10000.0 * 365.2425 * 86400.0)

PxTimeRange *px_time_range_new       (void);
double       px_time_range_get_start (PxTimeRange *self);
double       px_time_range_get_end   (PxTimeRange *self);
double       px_time_range_get_span  (PxTimeRange *self);
void         px_time_range_set       (PxTimeRange *self,
                                      double       start,
                                      double       end);
/* Zoom by @factor (> 1 zooms in) keeping @anchor where it is on screen. */
void         px_time_range_zoom      (PxTimeRange *self,
                                      double       anchor,
                                      double       factor);
/* Move by @fraction of the span (negative moves back in time). */
void         px_time_range_pan       (PxTimeRange *self,
                                      double       fraction);
/* Show [@start, @end] with @margin (a fraction of the span) either side;
 * a single instant is widened to a day. */
void         px_time_range_fit       (PxTimeRange *self,
                                      double       start,
                                      double       end,
                                      double       margin);
/* Centre on @time, keeping the span. */
void         px_time_range_center_on (PxTimeRange *self,
                                      double       time);

/* "START END" as EDTF-free text for storage, and back. */
char        *px_time_range_to_string (PxTimeRange *self);
gboolean     px_time_range_set_from_string (PxTimeRange *self,
                                            const char  *text);

G_END_DECLS
