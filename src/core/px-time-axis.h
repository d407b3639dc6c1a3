/* px-time-axis.h: mapping time to pixels, and the ticks of a time axis
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "px-edtf.h"

G_BEGIN_DECLS

/* Times are seconds since 1970-01-01 00:00 UTC, as doubles: a double holds
 * whole seconds exactly for ±285 million years, and pixel maths wants
 * floating point anyway. */

typedef enum
{
  PX_TIME_UNIT_HOUR,
  PX_TIME_UNIT_DAY,
  PX_TIME_UNIT_MONTH,
  PX_TIME_UNIT_YEAR,
  PX_TIME_UNIT_DECADE,
  PX_TIME_UNIT_CENTURY,
  PX_TIME_UNIT_MILLENNIUM,
} PxTimeUnit;

/* A tick at @time. @label names it at the axis' step ("Mar", "14",
 * "14:00", "1990"); @context is the coarser unit the step is read in,
 * a @major tick starts one, and @major_label names it ("2003",
 * "March 2003", "14 March 2003"; none for centuries and coarser). */
typedef struct
{
  double      time;
  PxTimeUnit  unit;
  PxTimeUnit  context;
  gboolean    major;
  char       *label;
  char       *major_label;
} PxTimeTick;

static inline double
px_time_to_x (double time,
              double start,
              double end,
              double width)
{
  return (time - start) * width / (end - start);
}

static inline double
px_x_to_time (double x,
              double start,
              double end,
              double width)
{
  return start + x * (end - start) / width;
}

/* Ticks over [@start, @end] drawn @width pixels wide, with at least
 * @min_spacing pixels between labelled ticks. The step is the finest of
 * 1, 3, 6 hours; 1 day; 1, 3, 6 months; 1, 2, 5, 10, 20, 50, 100, 200,
 * 500, 1000 years that keeps that spacing.
 *
 * Returns: (transfer full) (element-type PxTimeTick): ticks in time order. */
GArray     *px_time_axis_ticks      (double      start,
                                     double      end,
                                     double      width,
                                     double      min_spacing);

/* The start of the @unit containing @time (days and hours in UTC). */
double      px_time_floor           (double      time,
                                     PxTimeUnit  unit);
double      px_time_from_ymd        (int         year,
                                     int         month,
                                     int         day);

/* A date for people at @unit's precision ("2003", "March 2003",
 * "14 March 2003", "14 March 2003, 14:00"), in the user's locale. */
char       *px_time_format          (double      time,
                                     PxTimeUnit  unit);
/* A period for people, @end exclusive, in the coarsest unit both ends
 * fall on: "2003", "1977 – 1983", "14–15 March 2003", "March 2003 –
 * April 2004"; days for anything else longer than two days. */
char       *px_time_format_period   (double      start,
                                     double      end);
/* A date for people at its own precision, never finer, with its
 * qualifiers: "14 March 2003", "1980s", "14–15 March 2003",
 * "February 2010 – …", "about 2024", "possibly March 2003". */
char       *px_time_format_extent   (const PxEdtfExtent *extent);
/* The same from EDTF text; a time keeps the zone it was written in. A
 * value that cannot be placed (an unknown year) is returned as written,
 * and NULL or "" gives NULL. */
char       *px_edtf_format          (const char *value);

/* The EDTF of @time at @unit's precision ("2003", "2003-03",
 * "2003-03-14"); decades and coarser give years. */
char       *px_time_to_edtf         (double      time,
                                     PxTimeUnit  unit);

G_END_DECLS
