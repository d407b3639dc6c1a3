/* px-timeline-model.h: the marks of a timeline in flat arrays, by lane
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-edtf.h"
#include "px-timeline-entry.h"

G_BEGIN_DECLS

#define PX_TYPE_TIMELINE_MODEL (px_timeline_model_get_type ())

G_DECLARE_FINAL_TYPE (PxTimelineModel, px_timeline_model, PX, TIMELINE_MODEL, GObject)

/* What the lanes stand for. Outlets are matched ignoring case. A document
 * without an outlet gets a lane of its own, named after its title (else
 * its file), because two unknown sources are not one source. A document
 * with several tags puts its marks in each tag's lane; untagged documents
 * share one lane. */
typedef enum
{
  PX_TIMELINE_LANE_BY_OUTLET,
  PX_TIMELINE_LANE_BY_TAG,
} PxTimelineLaneBy;

/* One mark: a date a document gives (an event) or its publication date.
 * A model holds up to a few million of these in flat arrays, one sorted
 * array per lane and kind, not one GObject each. @payload is the index of
 * the mark's PxTimelineEntry when the model was built from entries. */
typedef struct
{
  double          start;
  double          end;
  guint32         payload;
  guint16         lane;
  guint8          kind;        /* PxTimelineKind */
  guint8          precision;   /* PxEdtfPrecision */
  guint8          flags;       /* PxEdtfFlags */
} PxTimelineMark;

typedef enum
{
  PX_TIMELINE_SHAPE_CLUSTER = 1 << 0,   /* several marks merged at this zoom */
  PX_TIMELINE_SHAPE_SPAN    = 1 << 1,   /* wider than a mark: drawn as a band */
} PxTimelineShapeFlags;

/* What the painter draws and what a pointer or the keyboard can reach: a
 * mark, or the marks of one lane and kind that overlap at the current zoom
 * merged into a cluster. @x0 and @x1 are pixels (equal for a point), @start
 * and @end the union of the members' extents, @mark the id of the first
 * member (see px_timeline_model_get_mark()), @edtf_flags the members'
 * flags in common. */
typedef struct
{
  double   x0;
  double   x1;
  double   start;
  double   end;
  guint32  mark;
  guint32  count;
  guint16  lane;
  guint8   kind;
  guint8   flags;        /* PxTimelineShapeFlags */
  guint8   edtf_flags;   /* PxEdtfFlags */
  guint8   precision;    /* PxEdtfPrecision of @mark */
} PxTimelineShape;

typedef enum
{
  PX_TIMELINE_MOVE_PREVIOUS,
  PX_TIMELINE_MOVE_NEXT,
  PX_TIMELINE_MOVE_UP,
  PX_TIMELINE_MOVE_DOWN,
  PX_TIMELINE_MOVE_FIRST,
  PX_TIMELINE_MOVE_LAST,
} PxTimelineMove;

PxTimelineModel       *px_timeline_model_new             (void);
/* Builds lanes and marks from px_timeline_build() entries. @tags maps a
 * document id to a NULL-terminated array of its tags (only for
 * PX_TIMELINE_LANE_BY_TAG; may be NULL). Entries whose date cannot be
 * placed (an unknown year) are left out. */
PxTimelineModel       *px_timeline_model_new_for_entries (GPtrArray        *entries,
                                                          PxTimelineLaneBy  lane_by,
                                                          GHashTable       *tags);

/* The model is also a GListModel of PxTimelineItem: the entries it was
 * built from, in time order, for list views (made on demand). */

/* Building by hand (benchmarks, tests): lanes first, then marks. */
guint                  px_timeline_model_add_lane        (PxTimelineModel  *self,
                                                          const char       *label);
gboolean               px_timeline_model_add_mark        (PxTimelineModel  *self,
                                                          guint             lane,
                                                          PxTimelineKind    kind,
                                                          const char       *edtf,
                                                          guint32           payload);
void                   px_timeline_model_add_extent      (PxTimelineModel  *self,
                                                          guint             lane,
                                                          PxTimelineKind    kind,
                                                          const PxEdtfExtent *extent,
                                                          guint32           payload);

guint                  px_timeline_model_get_n_lanes     (PxTimelineModel  *self);
const char            *px_timeline_model_get_lane_label  (PxTimelineModel  *self,
                                                          guint             lane);
guint                  px_timeline_model_get_n_marks     (PxTimelineModel  *self);
/* Mark ids run from 0 to n_marks - 1 and stay valid for the model's life. */
const PxTimelineMark  *px_timeline_model_get_mark        (PxTimelineModel  *self,
                                                          guint32           id);
/* The entries the model was built from, or NULL. */
GPtrArray             *px_timeline_model_get_entries     (PxTimelineModel  *self);
/* The entry that mark @id (a mark id, not an entry index) was made from,
 * or NULL for a model built by hand. */
const PxTimelineEntry *px_timeline_model_get_entry       (PxTimelineModel  *self,
                                                          guint32           id);
/* The first mark made from entry @entry; FALSE when its date could not
 * be placed. */
gboolean               px_timeline_model_find_entry_mark (PxTimelineModel  *self,
                                                          guint32           entry,
                                                          guint32          *mark);
/* The earliest start and latest end of all marks; FALSE when empty. */
gboolean               px_timeline_model_get_bounds      (PxTimelineModel  *self,
                                                          double           *start,
                                                          double           *end);

/* The shapes to draw over [@start, @end] at @width pixels: marks outside
 * are culled by binary search; marks of one lane and kind closer than
 * @mark_size pixels merge into a cluster; a mark at least @mark_size wide
 * is a span. Sorted by lane, then kind (published first), then x0.
 *
 * Returns: (transfer full) (element-type PxTimelineShape) */
GArray                *px_timeline_model_layout          (PxTimelineModel  *self,
                                                          double            start,
                                                          double            end,
                                                          double            width,
                                                          double            mark_size);

/* Mark ids of @kind (or of both kinds when @kind is -1) whose extent meets
 * [@start, @end), in lane then time order, each entry payload once.
 *
 * Returns: (transfer full) (element-type guint32) */
GArray                *px_timeline_model_find            (PxTimelineModel  *self,
                                                          double            start,
                                                          double            end,
                                                          int               kind);

/* The mark of @lane and @kind nearest @time on one side: forward, the
 * one starting first at or after @time; backward, the one ending by @time
 * that starts last. For moving the keyboard focus past the screen's edge.
 * FALSE when there is none. */
gboolean               px_timeline_model_find_adjacent   (PxTimelineModel  *self,
                                                          guint             lane,
                                                          PxTimelineKind    kind,
                                                          double            time,
                                                          gboolean          forward,
                                                          guint32          *mark);

/* Hit testing and keyboard moves over a layout. */
int                    px_timeline_shapes_hit            (GArray           *shapes,
                                                          guint             lane,
                                                          PxTimelineKind    kind,
                                                          double            x,
                                                          double            tolerance);
int                    px_timeline_shapes_move           (GArray           *shapes,
                                                          int               current,
                                                          PxTimelineMove    move);

G_END_DECLS
