/* px-edtf.h: where an EDTF date lies on the time line
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How finely a date is known, coarsest first. An interval has the
 * precision of its coarser end. */
typedef enum
{
  PX_EDTF_PRECISION_CENTURY,
  PX_EDTF_PRECISION_DECADE,
  PX_EDTF_PRECISION_YEAR,
  PX_EDTF_PRECISION_SEASON,
  PX_EDTF_PRECISION_MONTH,
  PX_EDTF_PRECISION_DAY,
  PX_EDTF_PRECISION_TIME,
} PxEdtfPrecision;

typedef enum
{
  PX_EDTF_APPROXIMATE = 1 << 0,   /* "~" or "%": about that date */
  PX_EDTF_UNCERTAIN   = 1 << 1,   /* "?" or "%": possibly that date */
  PX_EDTF_INTERVAL    = 1 << 2,   /* "a/b" */
  PX_EDTF_OPEN_START  = 1 << 3,   /* "../b" or "/b": start unknown */
  PX_EDTF_OPEN_END    = 1 << 4,   /* "a/.." or "a/": still going on */
} PxEdtfFlags;

/* The span a date covers, in seconds since 1970-01-01 UTC: a day is
 * [00:00, 24:00), a year-precise date is the whole year, an interval runs
 * from the start of its first end to the end of its last. An open end is
 * placed one unit of the known end's precision beyond it. */
typedef struct
{
  double          start;
  double          end;
  PxEdtfPrecision precision;
  PxEdtfFlags     flags;
} PxEdtfExtent;

gboolean px_edtf_get_extent (const char   *value,
                             PxEdtfExtent *extent);

G_END_DECLS
