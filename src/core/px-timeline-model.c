/* px-timeline-model.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-timeline-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-timeline-item.h"
#include "px-timeline-model.h"

/* Each lane and kind (a "row") keeps its marks in tiers by duration, each
 * about four times the last: up to a day, a week, a month, a season, a
 * year, four years, and longer. Within a tier the marks are sorted by
 * start in parallel flat arrays (read in order, never through the mark
 * table, so a frame does not pay a cache miss per mark), and the tier
 * knows its shortest and longest mark:
 *  - the first mark that can reach into a view is found by binary search
 *    for start >= view start - longest, so a decade-long interval does not
 *    make every day before it a candidate;
 *  - at most one tier is mixed at a given zoom; in the others every mark
 *    is a point, or every mark a band, and a run of marks that fall into
 *    one cluster is counted by binary search rather than one by one. */
#define N_TIERS 7

#define DAY (86400.0)

static const double tier_limits[N_TIERS] = {
  DAY, 8 * DAY, 32 * DAY, 100 * DAY, 367 * DAY, 1500 * DAY, G_MAXDOUBLE
};

typedef struct
{
  GArray *starts;   /* double */
  GArray *ends;     /* double */
  GArray *ids;      /* guint32 */
  GArray *flags;    /* guint8, PxEdtfFlags */
  double  shortest;
  double  longest;
} Tier;

typedef struct
{
  Tier tiers[N_TIERS];
} Row;

struct _PxTimelineModel
{
  GObject    parent_instance;

  GArray    *marks;         /* PxTimelineMark, by id */
  GPtrArray *lanes;         /* char *label */
  GPtrArray *entries;       /* PxTimelineEntry, or NULL */
  GArray    *entry_marks;   /* guint32 per entry: its first mark, or G_MAXUINT32 */
  GArray    *rows;          /* Row, lane * 2 + kind */
  gboolean   indexed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxTimelineModel, px_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
clear_rows (PxTimelineModel *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      for (guint t = 0; t < N_TIERS; t++)
        {
          g_array_unref (row->tiers[t].starts);
          g_array_unref (row->tiers[t].ends);
          g_array_unref (row->tiers[t].ids);
          g_array_unref (row->tiers[t].flags);
        }
    }
  g_array_set_size (self->rows, 0);
  self->indexed = FALSE;
}

static void
px_timeline_model_finalize (GObject *object)
{
  PxTimelineModel *self = (PxTimelineModel *)object;

  clear_rows (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->entry_marks, g_array_unref);

  G_OBJECT_CLASS (px_timeline_model_parent_class)->finalize (object);
}

static void
px_timeline_model_class_init (PxTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_timeline_model_finalize;
}

static void
px_timeline_model_init (PxTimelineModel *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (PxTimelineMark));
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->entry_marks = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* GListModel: the entries, made into objects only when asked for. */

static GType
list_get_item_type (GListModel *model)
{
  return PX_TYPE_TIMELINE_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  PxTimelineModel *self = PX_TIMELINE_MODEL (model);

  return self->entries != NULL ? self->entries->len : 0;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  PxTimelineModel *self = PX_TIMELINE_MODEL (model);

  if (self->entries == NULL || position >= self->entries->len)
    return NULL;

  return px_timeline_item_new (g_ptr_array_index (self->entries, position), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

PxTimelineModel *
px_timeline_model_new (void)
{
  return g_object_new (PX_TYPE_TIMELINE_MODEL, NULL);
}

guint
px_timeline_model_add_lane (PxTimelineModel *self,
                            const char      *label)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), 0);
  g_return_val_if_fail (self->lanes->len < G_MAXUINT16, self->lanes->len - 1);

  g_ptr_array_add (self->lanes, g_strdup (label != NULL ? label : ""));
  self->indexed = FALSE;

  return self->lanes->len - 1;
}

void
px_timeline_model_add_extent (PxTimelineModel    *self,
                              guint               lane,
                              PxTimelineKind      kind,
                              const PxEdtfExtent *extent,
                              guint32             payload)
{
  PxTimelineMark mark = { 0 };

  g_return_if_fail (PX_IS_TIMELINE_MODEL (self));
  g_return_if_fail (lane < self->lanes->len);
  g_return_if_fail (extent != NULL);

  if (!isfinite (extent->start) || !isfinite (extent->end) || extent->end < extent->start)
    return;

  mark.start = extent->start;
  mark.end = extent->end;
  mark.payload = payload;
  mark.lane = (guint16) lane;
  mark.kind = kind == PX_TIMELINE_PUBLISHED ? PX_TIMELINE_PUBLISHED : PX_TIMELINE_EVENT;
  mark.precision = extent->precision;
  mark.flags = extent->flags;
  g_array_append_val (self->marks, mark);
  self->indexed = FALSE;
}

gboolean
px_timeline_model_add_mark (PxTimelineModel *self,
                            guint            lane,
                            PxTimelineKind   kind,
                            const char      *edtf,
                            guint32          payload)
{
  PxEdtfExtent extent;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), FALSE);

  if (!px_edtf_get_extent (edtf, &extent))
    return FALSE;
  px_timeline_model_add_extent (self, lane, kind, &extent, payload);

  return TRUE;
}

/* Indexing */

typedef struct
{
  double  start;
  double  end;
  guint32 id;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->start != kb->start)
    return ka->start < kb->start ? -1 : 1;
  if (ka->end != kb->end)
    return ka->end < kb->end ? -1 : 1;

  return ka->id < kb->id ? -1 : ka->id > kb->id;
}

static guint
tier_of (const PxTimelineMark *mark)
{
  double duration = mark->end - mark->start;

  for (guint t = 0; t < N_TIERS; t++)
    if (duration <= tier_limits[t])
      return t;

  return N_TIERS - 1;
}

static void
ensure_index (PxTimelineModel *self)
{
  guint n_rows;
  g_autofree guint *counts = NULL;
  g_autofree SortKey **keys = NULL;

  if (self->indexed)
    return;

  clear_rows (self);
  n_rows = self->lanes->len * 2;
  g_array_set_size (self->rows, n_rows);
  counts = g_new0 (guint, n_rows * N_TIERS);
  keys = g_new0 (SortKey *, n_rows * N_TIERS);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const PxTimelineMark *mark = &g_array_index (self->marks, PxTimelineMark, i);

      counts[(mark->lane * 2 + mark->kind) * N_TIERS + tier_of (mark)]++;
    }
  for (guint k = 0; k < n_rows * N_TIERS; k++)
    {
      keys[k] = g_new (SortKey, MAX (counts[k], 1));
      counts[k] = 0;
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const PxTimelineMark *mark = &g_array_index (self->marks, PxTimelineMark, i);
      guint k = (mark->lane * 2 + mark->kind) * N_TIERS + tier_of (mark);

      keys[k][counts[k]++] = (SortKey) { mark->start, mark->end, i };
    }

  for (guint r = 0; r < n_rows; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      for (guint t = 0; t < N_TIERS; t++)
        {
          guint k = r * N_TIERS + t;
          Tier *tier = &row->tiers[t];

          qsort (keys[k], counts[k], sizeof (SortKey), compare_keys);
          tier->starts = g_array_sized_new (FALSE, FALSE, sizeof (double), counts[k]);
          tier->ends = g_array_sized_new (FALSE, FALSE, sizeof (double), counts[k]);
          tier->ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), counts[k]);
          tier->flags = g_array_sized_new (FALSE, FALSE, sizeof (guint8), counts[k]);
          tier->longest = 0;
          tier->shortest = G_MAXDOUBLE;
          for (guint i = 0; i < counts[k]; i++)
            {
              guint8 flags = g_array_index (self->marks, PxTimelineMark, keys[k][i].id).flags;

              g_array_append_val (tier->starts, keys[k][i].start);
              g_array_append_val (tier->ends, keys[k][i].end);
              g_array_append_val (tier->ids, keys[k][i].id);
              g_array_append_val (tier->flags, flags);
              tier->longest = MAX (tier->longest, keys[k][i].end - keys[k][i].start);
              tier->shortest = MIN (tier->shortest, keys[k][i].end - keys[k][i].start);
            }
          g_free (keys[k]);
        }
    }

  self->indexed = TRUE;
}

/* The first index in [@lo, @hi) whose start is >= @time. */
static guint
lower_bound (const double *starts,
             guint         lo,
             guint         hi,
             double        time)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] < time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Building from entries */

typedef struct
{
  char  *key;
  char  *sort_key;
  char  *label;
  guint  group;   /* named lanes first, then the catch-all ones */
  guint  index;
} Lane;

static void
lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->key);
  g_free (lane->sort_key);
  g_free (lane->label);
  g_free (lane);
}

static Lane *
intern_lane (GHashTable *lanes,
             const char *key,
             const char *label,
             guint       group)
{
  Lane *lane = g_hash_table_lookup (lanes, key);

  if (lane == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (label, -1);

      lane = g_new0 (Lane, 1);
      lane->key = g_strdup (key);
      lane->label = g_strdup (label);
      lane->sort_key = g_utf8_collate_key (folded, -1);
      lane->group = group;
      g_hash_table_insert (lanes, lane->key, lane);
    }

  return lane;
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const Lane *la = *(Lane **) a;
  const Lane *lb = *(Lane **) b;

  if (la->group != lb->group)
    return la->group < lb->group ? -1 : 1;

  return strcmp (la->sort_key, lb->sort_key);
}

/* The lanes an entry's marks go in, as keys into @lanes (created on the
 * way). */
static void
lanes_of_entry (const PxTimelineEntry *entry,
                PxTimelineLaneBy       lane_by,
                GHashTable            *tags,
                GHashTable            *lanes,
                GPtrArray             *found)
{
  g_ptr_array_set_size (found, 0);

  if (lane_by == PX_TIMELINE_LANE_BY_TAG)
    {
      const char * const *list = tags != NULL && entry->document_id != NULL
                               ? g_hash_table_lookup (tags, entry->document_id) : NULL;

      if (list == NULL || list[0] == NULL)
        {
          g_ptr_array_add (found, intern_lane (lanes, "", _("No tag"), 1));
          return;
        }
      for (guint i = 0; list[i] != NULL; i++)
        g_ptr_array_add (found, intern_lane (lanes, list[i], list[i], 0));
      return;
    }

  if (entry->outlet != NULL && *entry->outlet != '\0')
    {
      g_autofree char *key = g_utf8_casefold (entry->outlet, -1);

      g_ptr_array_add (found, intern_lane (lanes, key, entry->outlet, 0));
    }
  else
    {
      /* A key no outlet can have: a control character and the document. */
      g_autofree char *key = g_strconcat ("\001", entry->document_id != NULL ? entry->document_id
                                                  : entry->path != NULL ? entry->path : "", NULL);
      g_autofree char *label = px_timeline_entry_dup_source (entry);

      g_ptr_array_add (found, intern_lane (lanes, key, label, 1));
    }
}

PxTimelineModel *
px_timeline_model_new_for_entries (GPtrArray        *entries,
                                   PxTimelineLaneBy  lane_by,
                                   GHashTable       *tags)
{
  g_autoptr(PxTimelineModel) self = NULL;
  g_autoptr(GHashTable) lanes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, lane_free);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (entries != NULL, NULL);

  self = px_timeline_model_new ();
  self->entries = g_ptr_array_ref (entries);

  /* Lanes in a stable order, whatever order the entries came in. */
  for (guint i = 0; i < entries->len; i++)
    lanes_of_entry (g_ptr_array_index (entries, i), lane_by, tags, lanes, found);
  order = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, lanes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (order, value);
  g_ptr_array_sort (order, compare_lanes);
  for (guint i = 0; i < order->len && i < G_MAXUINT16; i++)
    {
      Lane *lane = g_ptr_array_index (order, i);

      lane->index = px_timeline_model_add_lane (self, lane->label);
    }

  g_array_set_size (self->entry_marks, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const PxTimelineEntry *entry = g_ptr_array_index (entries, i);
      PxEdtfExtent extent;

      g_array_index (self->entry_marks, guint32, i) = G_MAXUINT32;
      if (!px_edtf_get_extent (entry->value, &extent))
        continue;

      lanes_of_entry (entry, lane_by, tags, lanes, found);
      for (guint j = 0; j < found->len; j++)
        {
          const Lane *lane = g_ptr_array_index (found, j);

          if (lane->index >= self->lanes->len)
            continue;
          if (j == 0)
            g_array_index (self->entry_marks, guint32, i) = self->marks->len;
          px_timeline_model_add_extent (self, lane->index, entry->kind, &extent, i);
        }
    }

  /* Sorting a million marks takes a while: do it here, which may be a
   * worker thread, rather than on the first frame. */
  ensure_index (self);

  return g_steal_pointer (&self);
}

guint
px_timeline_model_get_n_lanes (PxTimelineModel *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), 0);

  return self->lanes->len;
}

const char *
px_timeline_model_get_lane_label (PxTimelineModel *self,
                                  guint            lane)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, lane);
}

guint
px_timeline_model_get_n_marks (PxTimelineModel *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), 0);

  return self->marks->len;
}

const PxTimelineMark *
px_timeline_model_get_mark (PxTimelineModel *self,
                            guint32          id)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (id < self->marks->len, NULL);

  return &g_array_index (self->marks, PxTimelineMark, id);
}

GPtrArray *
px_timeline_model_get_entries (PxTimelineModel *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), NULL);

  return self->entries;
}

const PxTimelineEntry *
px_timeline_model_get_entry (PxTimelineModel *self,
                             guint32          id)
{
  const PxTimelineMark *mark;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), NULL);

  if (self->entries == NULL || id >= self->marks->len)
    return NULL;
  mark = &g_array_index (self->marks, PxTimelineMark, id);
  if (mark->payload >= self->entries->len)
    return NULL;

  return g_ptr_array_index (self->entries, mark->payload);
}

gboolean
px_timeline_model_find_entry_mark (PxTimelineModel *self,
                                   guint32          entry,
                                   guint32         *mark)
{
  guint32 id;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), FALSE);

  if (entry >= self->entry_marks->len)
    return FALSE;
  id = g_array_index (self->entry_marks, guint32, entry);
  if (id == G_MAXUINT32)
    return FALSE;
  if (mark != NULL)
    *mark = id;

  return TRUE;
}

gboolean
px_timeline_model_get_bounds (PxTimelineModel *self,
                              double          *start,
                              double          *end)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), FALSE);

  if (self->marks->len == 0)
    return FALSE;

  ensure_index (self);
  /* The first start of each tier and the last end over its tail suffice,
   * without a pass over every mark. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      for (guint t = 0; t < N_TIERS; t++)
        {
          const Tier *tier = &row->tiers[t];
          const double *starts = (const double *) tier->starts->data;
          const double *ends = (const double *) tier->ends->data;
          guint n = tier->starts->len;

          if (n == 0)
            continue;
          lo = MIN (lo, starts[0]);
          for (guint i = lower_bound (starts, 0, n, starts[n - 1] - tier->longest); i < n; i++)
            hi = MAX (hi, ends[i]);
        }
    }
  if (start != NULL)
    *start = lo;
  if (end != NULL)
    *end = hi;

  return TRUE;
}

/* Layout */

/* Marks merge per column of one mark's width. Columns are counted from
 * the epoch, not from the view's left edge, so that panning does not make
 * clusters form and break apart. */
typedef struct
{
  PxTimelineShape shape;
  gboolean        open;
  double          column;
} Cluster;

static void
flush_cluster (Cluster *cluster,
               GArray  *out)
{
  if (!cluster->open)
    return;
  if (cluster->shape.count > 1)
    cluster->shape.flags |= PX_TIMELINE_SHAPE_CLUSTER;
  g_array_append_val (out, cluster->shape);
  cluster->open = FALSE;
}

static int
compare_shapes_x (gconstpointer a,
                  gconstpointer b)
{
  const PxTimelineShape *sa = a;
  const PxTimelineShape *sb = b;

  if (sa->x0 != sb->x0)
    return sa->x0 < sb->x0 ? -1 : 1;
  /* Wider first, so a band is drawn under the marks that start with it. */
  if (sa->x1 != sb->x1)
    return sa->x1 > sb->x1 ? -1 : 1;

  return sa->mark < sb->mark ? -1 : sa->mark > sb->mark;
}

static void
start_cluster (Cluster         *cluster,
               PxTimelineModel *self,
               guint32          id,
               double           column,
               double           x0,
               double           x1,
               double           start,
               double           end,
               guint            lane,
               guint            kind,
               guint8           flags,
               guint8           edtf_flags)
{
  cluster->open = TRUE;
  cluster->column = column;
  cluster->shape = (PxTimelineShape) {
    .x0 = x0, .x1 = x1, .start = start, .end = end, .mark = id, .count = 1,
    .lane = lane, .kind = kind, .flags = flags, .edtf_flags = edtf_flags,
    .precision = g_array_index (self->marks, PxTimelineMark, id).precision,
  };
}

static void
layout_tier (PxTimelineModel *self,
             const Tier      *tier,
             guint            lane,
             guint            kind,
             double           start,
             double           end,
             double           width,
             double           mark_size,
             GArray          *out)
{
  const double *starts = (const double *) tier->starts->data;
  const double *ends = (const double *) tier->ends->data;
  const guint32 *ids = (const guint32 *) tier->ids->data;
  const guint8 *flags = (const guint8 *) tier->flags->data;
  double spp = (end - start) / width;
  double column_width = mark_size * spp;
  gboolean all_points = tier->longest / spp < mark_size;
  gboolean all_spans = tier->shortest / spp >= mark_size;
  guint n = tier->starts->len;
  guint hi = lower_bound (starts, 0, n, end);
  guint i = lower_bound (starts, 0, hi, start - tier->longest);
  double clip_lo = -2 * mark_size, clip_hi = width + 2 * mark_size;
  Cluster points = { 0 }, spans = { 0 };

  while (i < hi)
    {
      double x0, x1, xc, column;

      if (ends[i] <= start)
        {
          i++;
          continue;
        }
      x0 = (starts[i] - start) / spp;
      x1 = (ends[i] - start) / spp;

      if (x1 - x0 >= mark_size)
        {
          /* Bands that start in one column are one band over their
           * union, with a count; those that start left of the view all
           * start, as drawn, at its edge. */
          column = floor (MAX (starts[i], start + clip_lo * spp) / column_width);
          if (spans.open && column == spans.column)
            {
              spans.shape.x1 = MAX (spans.shape.x1, MIN (x1, clip_hi));
              spans.shape.end = MAX (spans.shape.end, ends[i]);
              spans.shape.count++;
              spans.shape.edtf_flags &= flags[i];
              i++;
              continue;
            }
          flush_cluster (&spans, out);
          start_cluster (&spans, self, ids[i], column, MAX (x0, clip_lo), MIN (x1, clip_hi),
                         starts[i], ends[i], lane, kind, PX_TIMELINE_SHAPE_SPAN, flags[i]);
          i++;

          if (all_spans && starts[i - 1] >= start)
            {
              guint j = lower_bound (starts, i, hi, (column + 1) * column_width);
              double last_end = spans.shape.end;
              guint8 common = spans.shape.edtf_flags;

              for (guint k = i; k < j; k++)
                {
                  last_end = MAX (last_end, ends[k]);
                  common &= flags[k];
                }
              spans.shape.count += j - i;
              spans.shape.end = last_end;
              spans.shape.x1 = MIN ((last_end - start) / spp, clip_hi);
              spans.shape.edtf_flags = common;
              i = j;
            }
          continue;
        }

      xc = (x0 + x1) / 2;
      column = floor ((starts[i] / 2 + ends[i] / 2) / column_width);
      if (points.open && column == points.column)
        {
          points.shape.x1 = xc;
          points.shape.count++;
          points.shape.end = MAX (points.shape.end, ends[i]);
          points.shape.edtf_flags &= flags[i];
          i++;
          continue;
        }

      flush_cluster (&points, out);
      start_cluster (&points, self, ids[i], column, xc, xc, starts[i], ends[i], lane, kind, 0, flags[i]);
      i++;

      if (all_points && starts[i - 1] >= start)
        {
          /* Any mark starting before this time has its centre within the
           * column, whatever its (short) duration. */
          double limit = (column + 1) * column_width - tier->longest / 2;
          guint j = lower_bound (starts, i, hi, limit);

          if (j > i)
            {
              guint8 common = points.shape.edtf_flags;

              for (guint k = i; k < j; k++)
                common &= flags[k];
              points.shape.count += j - i;
              points.shape.x1 = MAX (points.shape.x1, (starts[j - 1] - start) / spp);
              points.shape.end = MAX (points.shape.end, ends[j - 1]);
              points.shape.edtf_flags = common;
              i = j;
            }
        }
    }
  flush_cluster (&points, out);
  flush_cluster (&spans, out);
}

/* The tiers cluster apart, so a day and a month that are both points at
 * this zoom can sit on the same pixels: merge such neighbours, keeping a
 * cluster of points no wider than a mark. */
static void
merge_into (PxTimelineShape       *into,
            const PxTimelineShape *shape)
{
  if (shape->start < into->start)
    {
      into->start = shape->start;
      into->mark = shape->mark;
      into->precision = shape->precision;
    }
  into->x1 = MAX (into->x1, shape->x1);
  into->end = MAX (into->end, shape->end);
  into->count += shape->count;
  into->flags |= PX_TIMELINE_SHAPE_CLUSTER;
  into->edtf_flags &= shape->edtf_flags;
}

static void
merge_points (GArray *row,
              double  start,
              double  spp,
              double  mark_size,
              GArray *out)
{
  double column_width = mark_size * spp;
  double last_column[2] = { NAN, NAN };
  int last[2] = { -1, -1 };

  for (guint i = 0; i < row->len; i++)
    {
      const PxTimelineShape *shape = &g_array_index (row, PxTimelineShape, i);
      guint span = (shape->flags & PX_TIMELINE_SHAPE_SPAN) != 0;
      /* A band's column is that of its start; a point's that of its
       * first member's centre, which is x0. */
      double column = floor ((span ? MAX (shape->start, start + shape->x0 * spp) : start + shape->x0 * spp)
                             / column_width);

      if (last[span] >= 0 && column == last_column[span])
        {
          merge_into (&g_array_index (out, PxTimelineShape, last[span]), shape);
          continue;
        }
      g_array_append_vals (out, shape, 1);
      last[span] = out->len - 1;
      last_column[span] = column;
    }
}

GArray *
px_timeline_model_layout (PxTimelineModel *self,
                          double           start,
                          double           end,
                          double           width,
                          double           mark_size)
{
  GArray *shapes = g_array_new (FALSE, FALSE, sizeof (PxTimelineShape));
  g_autoptr(GArray) row_shapes = g_array_new (FALSE, FALSE, sizeof (PxTimelineShape));

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), shapes);

  if (!(end > start) || !(width >= 1) || !isfinite (start) || !isfinite (end))
    return shapes;
  mark_size = MAX (mark_size, 1);

  ensure_index (self);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      g_array_set_size (row_shapes, 0);
      for (guint t = N_TIERS; t-- > 0; )
        layout_tier (self, &row->tiers[t], r / 2, r % 2, start, end, width, mark_size, row_shapes);
      g_array_sort (row_shapes, compare_shapes_x);
      merge_points (row_shapes, start, (end - start) / width, mark_size, shapes);
    }

  return shapes;
}

/* Finding */

typedef struct
{
  guint16 lane;
  double  start;
  guint32 id;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a;
  const Found *fb = b;

  if (fa->lane != fb->lane)
    return fa->lane < fb->lane ? -1 : 1;
  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;

  return fa->id < fb->id ? -1 : fa->id > fb->id;
}

GArray *
px_timeline_model_find (PxTimelineModel *self,
                        double           start,
                        double           end,
                        int              kind)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), result);

  if (end <= start)
    end = start + 1;
  ensure_index (self);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      if (kind >= 0 && (int) (r % 2) != kind)
        continue;
      for (guint t = 0; t < N_TIERS; t++)
        {
          const Tier *tier = &row->tiers[t];
          const double *starts = (const double *) tier->starts->data;
          const double *ends = (const double *) tier->ends->data;
          guint n = tier->starts->len;
          guint hi = lower_bound (starts, 0, n, end);

          for (guint i = lower_bound (starts, 0, hi, start - tier->longest); i < hi; i++)
            if (ends[i] > start || (ends[i] == starts[i] && starts[i] >= start))
              {
                Found f = { r / 2, starts[i], g_array_index (tier->ids, guint32, i) };

                g_array_append_val (found, f);
              }
        }
    }
  g_array_sort (found, compare_found);

  if (self->entries != NULL)
    seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      guint32 id = g_array_index (found, Found, i).id;

      if (seen != NULL)
        {
          guint32 payload = g_array_index (self->marks, PxTimelineMark, id).payload;

          if (!g_hash_table_add (seen, GUINT_TO_POINTER (payload)))
            continue;
        }
      g_array_append_val (result, id);
    }

  return result;
}

gboolean
px_timeline_model_find_adjacent (PxTimelineModel *self,
                                 guint            lane,
                                 PxTimelineKind   kind,
                                 double           time,
                                 gboolean         forward,
                                 guint32         *mark)
{
  const Row *row;
  gboolean found = FALSE;
  double best = forward ? G_MAXDOUBLE : -G_MAXDOUBLE;
  guint32 best_id = 0;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (self), FALSE);

  ensure_index (self);
  if (lane * 2 + kind >= self->rows->len)
    return FALSE;
  row = &g_array_index (self->rows, Row, lane * 2 + kind);

  for (guint t = 0; t < N_TIERS; t++)
    {
      const Tier *tier = &row->tiers[t];
      const double *starts = (const double *) tier->starts->data;
      const double *ends = (const double *) tier->ends->data;
      guint n = tier->starts->len;
      guint i = lower_bound (starts, 0, n, time);

      if (forward)
        {
          if (i < n && starts[i] < best)
            {
              best = starts[i];
              best_id = g_array_index (tier->ids, guint32, i);
              found = TRUE;
            }
          continue;
        }

      /* Back from the last start before @time: the first that has ended
       * by then starts last. Only marks spanning @time are passed over, and
       * none starts more than the tier's longest before it. */
      while (i-- > 0)
        if (ends[i] <= time)
          {
            if (starts[i] > best)
              {
                best = starts[i];
                best_id = g_array_index (tier->ids, guint32, i);
                found = TRUE;
              }
            break;
          }
    }

  if (found && mark != NULL)
    *mark = best_id;

  return found;
}

/* Hit testing and moves */

static const PxTimelineShape *
shape_at (GArray *shapes,
          guint   i)
{
  return &g_array_index (shapes, PxTimelineShape, i);
}

static int
row_key (const PxTimelineShape *shape)
{
  return shape->lane * 2 + shape->kind;
}

/* The range [*first, *last) of shapes in row @key. */
static void
row_bounds (GArray *shapes,
            int     key,
            guint  *first,
            guint  *last)
{
  guint lo = 0, hi = shapes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row_key (shape_at (shapes, mid)) < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  hi = shapes->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row_key (shape_at (shapes, mid)) <= key)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;
}

int
px_timeline_shapes_hit (GArray         *shapes,
                        guint           lane,
                        PxTimelineKind  kind,
                        double          x,
                        double          tolerance)
{
  guint first, last;
  int best = -1, best_span = -1;
  double best_distance = G_MAXDOUBLE, best_span_width = G_MAXDOUBLE;

  g_return_val_if_fail (shapes != NULL, -1);

  row_bounds (shapes, lane * 2 + kind, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const PxTimelineShape *shape = shape_at (shapes, i);

      if (x < shape->x0 - tolerance || x > shape->x1 + tolerance)
        continue;
      /* Points and clusters are drawn over bands, so they win; among
       * bands the narrowest, the most precise, wins. */
      if (shape->flags & PX_TIMELINE_SHAPE_SPAN)
        {
          if (shape->x1 - shape->x0 < best_span_width)
            {
              best_span = i;
              best_span_width = shape->x1 - shape->x0;
            }
        }
      else
        {
          double distance = x < shape->x0 ? shape->x0 - x : x > shape->x1 ? x - shape->x1 : 0;

          if (distance < best_distance)
            {
              best = i;
              best_distance = distance;
            }
        }
    }

  return best >= 0 ? best : best_span;
}

static double
center_of (const PxTimelineShape *shape)
{
  return (shape->x0 + shape->x1) / 2;
}

int
px_timeline_shapes_move (GArray         *shapes,
                         int             current,
                         PxTimelineMove  move)
{
  const PxTimelineShape *from;
  guint first, last;

  g_return_val_if_fail (shapes != NULL, -1);

  if (shapes->len == 0)
    return -1;
  if (current < 0 || (guint) current >= shapes->len)
    return move == PX_TIMELINE_MOVE_LAST || move == PX_TIMELINE_MOVE_PREVIOUS ? (int) shapes->len - 1 : 0;

  from = shape_at (shapes, current);
  row_bounds (shapes, row_key (from), &first, &last);

  switch (move)
    {
    case PX_TIMELINE_MOVE_PREVIOUS:
      return (guint) current > first ? current - 1 : current;

    case PX_TIMELINE_MOVE_NEXT:
      return (guint) current + 1 < last ? current + 1 : current;

    case PX_TIMELINE_MOVE_FIRST:
      return first;

    case PX_TIMELINE_MOVE_LAST:
      return last - 1;

    case PX_TIMELINE_MOVE_UP:
    case PX_TIMELINE_MOVE_DOWN:
      {
        /* The nearest shape, by centre, in the next row that has any. */
        gboolean up = move == PX_TIMELINE_MOVE_UP;
        guint row_first, row_last;
        int best = -1;
        double best_distance = G_MAXDOUBLE;

        if (up && first == 0)
          return current;
        if (!up && last >= shapes->len)
          return current;
        row_bounds (shapes, row_key (shape_at (shapes, up ? first - 1 : last)), &row_first, &row_last);
        for (guint i = row_first; i < row_last; i++)
          {
            double distance = fabs (center_of (shape_at (shapes, i)) - center_of (from));

            if (distance < best_distance)
              {
                best = i;
                best_distance = distance;
              }
          }
        return best;
      }

    default:
      return current;
    }
}
