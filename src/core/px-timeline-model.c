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

/* Each lane and kind (a "row") keeps its marks in three tiers by duration:
 * up to a day, up to about a year, and longer. Within a tier the marks are
 * sorted by start in parallel flat arrays, and the tier knows its longest
 * mark, so the first mark that can reach into a view is found by binary
 * search for start >= view start - longest. Tiers keep that bound tight: a
 * decade-long interval must not make every day-precise mark before it a
 * candidate. */
#define N_TIERS 3

static const double tier_limits[N_TIERS] = { 86400.0, 400 * 86400.0, G_MAXDOUBLE };

typedef struct
{
  GArray *starts;   /* double */
  GArray *ends;     /* double */
  GArray *ids;      /* guint32 */
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
          tier->longest = 0;
          for (guint i = 0; i < counts[k]; i++)
            {
              g_array_append_val (tier->starts, keys[k][i].start);
              g_array_append_val (tier->ends, keys[k][i].end);
              g_array_append_val (tier->ids, keys[k][i].id);
              tier->longest = MAX (tier->longest, keys[k][i].end - keys[k][i].start);
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

static char *
unknown_source_label (const PxTimelineEntry *entry)
{
  if (entry->title != NULL && *entry->title != '\0')
    return g_strdup (entry->title);
  if (entry->path != NULL)
    return g_path_get_basename (entry->path);

  return g_strdup (_("Unknown source"));
}

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
      g_autofree char *label = unknown_source_label (entry);

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

typedef struct
{
  PxTimelineShape shape;
  gboolean        open;
  double          first_x;
} Cluster;

static void
flush_cluster (Cluster *cluster,
               GArray  *out)
{
  if (!cluster->open)
    return;
  if (cluster->shape.count > 1)
    {
      cluster->shape.flags |= PX_TIMELINE_SHAPE_CLUSTER;
      cluster->shape.precision = 0;
    }
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
  double spp = (end - start) / width;
  /* Every mark of this tier is narrower than a mark at this zoom, so runs
   * of them can be counted by binary search instead of one by one: this is
   * what keeps "fit all" on a million marks cheap. */
  gboolean all_points = tier->longest / spp < mark_size;
  guint n = tier->starts->len;
  guint hi = lower_bound (starts, 0, n, end);
  guint i = lower_bound (starts, 0, hi, start - tier->longest);
  double clip_lo = -2 * mark_size, clip_hi = width + 2 * mark_size;
  Cluster cluster = { 0 };
  int last_span = -1;

  while (i < hi)
    {
      const PxTimelineMark *mark;
      double x0, x1, xc;

      if (ends[i] <= start && ends[i] != starts[i])
        {
          i++;
          continue;
        }
      mark = &g_array_index (self->marks, PxTimelineMark, ids[i]);
      x0 = (starts[i] - start) / spp;
      x1 = (ends[i] - start) / spp;

      if (x1 - x0 >= mark_size)
        {
          PxTimelineShape *prev = last_span >= 0 ? &g_array_index (out, PxTimelineShape, last_span) : NULL;
          double cx0 = MAX (x0, clip_lo), cx1 = MIN (x1, clip_hi);

          /* Spans covering the same pixels are one band with a count. */
          if (prev != NULL && fabs (prev->x0 - cx0) < 1 && fabs (prev->x1 - cx1) < 1)
            {
              prev->count++;
              prev->flags |= PX_TIMELINE_SHAPE_CLUSTER;
              prev->edtf_flags &= mark->flags;
            }
          else
            {
              PxTimelineShape shape = { 0 };

              shape.x0 = cx0;
              shape.x1 = cx1;
              shape.start = starts[i];
              shape.end = ends[i];
              shape.mark = ids[i];
              shape.count = 1;
              shape.lane = lane;
              shape.kind = kind;
              shape.flags = PX_TIMELINE_SHAPE_SPAN;
              shape.edtf_flags = mark->flags;
              shape.precision = mark->precision;
              g_array_append_val (out, shape);
              last_span = out->len - 1;
            }
          i++;
          continue;
        }

      xc = (x0 + x1) / 2;
      if (cluster.open && xc - cluster.first_x < mark_size)
        {
          cluster.shape.x1 = xc;
          cluster.shape.count++;
          cluster.shape.end = MAX (cluster.shape.end, ends[i]);
          cluster.shape.edtf_flags &= mark->flags;
          i++;
          continue;
        }

      flush_cluster (&cluster, out);
      cluster.open = TRUE;
      cluster.first_x = xc;
      cluster.shape = (PxTimelineShape) {
        .x0 = xc, .x1 = xc, .start = starts[i], .end = ends[i], .mark = ids[i], .count = 1,
        .lane = lane, .kind = kind, .flags = 0, .edtf_flags = mark->flags, .precision = mark->precision,
      };
      i++;

      if (all_points && starts[i - 1] >= start)
        {
          /* Any mark starting before this time has its centre within the
           * cluster, whatever its (short) duration. */
          double limit = start + (xc + mark_size) * spp - tier->longest;
          guint j = lower_bound (starts, i, hi, limit);

          if (j > i)
            {
              cluster.shape.count += j - i;
              cluster.shape.x1 = MAX (cluster.shape.x1, (starts[j - 1] - start) / spp);
              cluster.shape.end = MAX (cluster.shape.end, ends[j - 1]);
              cluster.shape.edtf_flags = 0;
              i = j;
            }
        }
    }
  flush_cluster (&cluster, out);
}

/* The tiers cluster apart, so a day and a year that are both points at
 * this zoom can sit on the same pixels: merge such neighbours, keeping a
 * cluster no wider than a mark. */
static void
merge_points (GArray *row,
              double  mark_size,
              GArray *out)
{
  int last = -1;

  for (guint i = 0; i < row->len; i++)
    {
      const PxTimelineShape *shape = &g_array_index (row, PxTimelineShape, i);
      PxTimelineShape *prev;

      if (shape->flags & PX_TIMELINE_SHAPE_SPAN)
        {
          g_array_append_vals (out, shape, 1);
          continue;
        }
      prev = last >= 0 ? &g_array_index (out, PxTimelineShape, last) : NULL;
      if (prev != NULL && shape->x1 - prev->x0 < mark_size)
        {
          if (shape->start < prev->start)
            {
              prev->start = shape->start;
              prev->mark = shape->mark;
            }
          prev->x1 = MAX (prev->x1, shape->x1);
          prev->end = MAX (prev->end, shape->end);
          prev->count += shape->count;
          prev->flags |= PX_TIMELINE_SHAPE_CLUSTER;
          prev->edtf_flags &= shape->edtf_flags;
          prev->precision = 0;
          continue;
        }
      g_array_append_vals (out, shape, 1);
      last = out->len - 1;
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
      merge_points (row_shapes, mark_size, shapes);
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
