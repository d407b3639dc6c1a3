/* px-timeline.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline: one lane per source, each a row of publication marks over
 * a row of event marks, under a shared time axis. The static layer (axis,
 * labels, lanes, marks) is drawn by the painter into one cairo render node
 * which is kept and reused while the range, the size, the scroll offset,
 * the model and the style stay the same; hover, focus and the selections
 * are cheap native nodes drawn over it, so moving the pointer or the
 * keyboard focus never redraws a million marks.
 *
 * The visible period belongs to a PxTimeRange, which other views share;
 * the widget follows its "changed" signal and changes it only through its
 * API. Lanes scroll vertically (GtkScrollable) while the axis and the
 * label column stay in place.
 */

#define G_LOG_DOMAIN "px-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-timeline.h"
#include "px-timeline-painter.h"

#define ZOOM_STEP      1.5
#define PAN_STEP       0.1
#define PAGE_STEP      0.8
#define HIT_TOLERANCE  (PX_TIMELINE_MARK_SIZE / 2 + 1)

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet past the threshold: may be a click */
  DRAG_PAN,
  DRAG_SELECT,
} DragMode;

struct _PxTimeline
{
  GtkWidget          parent_instance;

  /* Owned References */
  PxTimelineModel   *model;
  PxTimeRange       *range;
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  GskRenderNode     *cache;
  GArray            *shapes;          /* PxTimelineShape, the layout drawn */

  gulong             range_changed_id;

  /* What the cache and the layout were made for. */
  double             cache_start;
  double             cache_end;
  double             cache_scroll;
  int                cache_width;
  int                cache_height;
  double             layout_start;
  double             layout_end;
  double             layout_width;

  PxTimelinePalette  palette;

  int                hover;           /* index in shapes, or -1 */
  double             pointer_x;

  /* Focus and the selected mark are kept as shapes, not indexes: a
   * layout lasts only until the next pan or zoom. */
  PxTimelineShape    focus;
  PxTimelineShape    selected;

  double             selection_start;
  double             selection_end;

  DragMode           drag_mode;
  gboolean           drag_on_axis;
  double             drag_x;
  double             drag_y;
  double             drag_range_start;
  double             drag_range_end;
  double             drag_scroll;
  double             zoom_scale;
  double             zoom_anchor;

  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
  guint              has_focus_shape : 1;
  guint              has_selected : 1;
  guint              has_selection : 1;
  guint              range_chosen : 1;   /* someone set the period: a model does not refit it */
};

static void px_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxTimeline, px_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, px_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_RANGE,
  PROP_HAS_SELECTION,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  MARK_SELECTED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Geometry and layout {{{ */

static void
clear_cache (PxTimeline *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
clear_layout (PxTimeline *self)
{
  g_clear_pointer (&self->shapes, g_array_unref);
  self->hover = -1;
}

static double
plot_width (PxTimeline *self)
{
  return MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - PX_TIMELINE_LABEL_WIDTH);
}

static double
scroll_offset (PxTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
ensure_layout (PxTimeline *self)
{
  double start = px_time_range_get_start (self->range);
  double end = px_time_range_get_end (self->range);
  double width = plot_width (self);

  if (self->shapes != NULL
      && start == self->layout_start && end == self->layout_end && width == self->layout_width)
    return;

  clear_layout (self);
  if (self->model != NULL)
    self->shapes = px_timeline_model_layout (self->model, start, end, width, PX_TIMELINE_MARK_SIZE);
  else
    self->shapes = g_array_new (FALSE, FALSE, sizeof (PxTimelineShape));
  self->layout_start = start;
  self->layout_end = end;
  self->layout_width = width;
}

static void
paint_init (PxTimeline      *self,
            PxTimelinePaint *paint)
{
  ensure_layout (self);

  paint->model = self->model;
  paint->shapes = self->shapes;
  paint->start = px_time_range_get_start (self->range);
  paint->end = px_time_range_get_end (self->range);
  paint->width = gtk_widget_get_width (GTK_WIDGET (self));
  paint->height = gtk_widget_get_height (GTK_WIDGET (self));
  paint->scroll = scroll_offset (self);
  paint->palette = &self->palette;
  paint->pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
}

static const PxTimelineShape *
shape_at (PxTimeline *self,
          int         index)
{
  g_assert (self->shapes != NULL && index >= 0 && (guint) index < self->shapes->len);

  return &g_array_index (self->shapes, PxTimelineShape, index);
}

/* The shape of the current layout standing for @shape (kept from an
 * earlier one): the one of the same row holding its middle, else the
 * nearest. -1 when that row shows nothing. */
static int
find_shape (PxTimeline            *self,
            const PxTimelineShape *shape)
{
  double mid = (shape->start + shape->end) / 2;
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  ensure_layout (self);
  for (guint i = 0; i < self->shapes->len; i++)
    {
      const PxTimelineShape *s = shape_at (self, i);
      double distance;

      if (s->lane != shape->lane || s->kind != shape->kind)
        continue;
      if (s->mark == shape->mark && s->count == shape->count)
        return i;
      if (mid >= s->start && mid <= s->end)
        distance = 0;
      else
        distance = MIN (fabs (s->start - mid), fabs (s->end - mid));
      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  return best;
}

/* @shape as it would be laid out now, for drawing a ring around it. */
static void
relayout_shape (PxTimeline            *self,
                const PxTimelineShape *shape,
                PxTimelineShape       *out)
{
  double start = px_time_range_get_start (self->range);
  double end = px_time_range_get_end (self->range);
  double width = plot_width (self);

  *out = *shape;
  out->x0 = px_time_to_x (shape->start, start, end, width);
  out->x1 = px_time_to_x (shape->end, start, end, width);
}

/* }}} */
/* Descriptions {{{ */

static PxTimeUnit
unit_for_span (double span)
{
  if (span > 2 * 365.25 * 86400)
    return PX_TIME_UNIT_YEAR;
  if (span > 62 * 86400)
    return PX_TIME_UNIT_MONTH;
  return PX_TIME_UNIT_DAY;
}

/* The date of a mark at its own precision: "14 March 2003",
 * "2003 – 2005", "about 2024". */
static char *
format_mark_date (const PxTimelineMark *mark)
{
  PxEdtfExtent extent = { mark->start, mark->end, mark->precision, mark->flags };

  return px_time_format_extent (&extent);
}

typedef struct
{
  char *heading;    /* "Event, 14 March 2003" or "12 reports between …" */
  char *written;    /* the date as the source wrote it, or NULL */
  char *source;
  char *sentence;   /* or the title, for a publication; or NULL */
} Description;

static void
description_clear (Description *d)
{
  g_clear_pointer (&d->heading, g_free);
  g_clear_pointer (&d->written, g_free);
  g_clear_pointer (&d->source, g_free);
  g_clear_pointer (&d->sentence, g_free);
}

static void
describe_shape (PxTimeline            *self,
                const PxTimelineShape *shape,
                Description           *d)
{
  const char *lane = px_timeline_model_get_lane_label (self->model, shape->lane);

  memset (d, 0, sizeof *d);

  if (shape->count > 1)
    {
      PxTimeUnit unit = unit_for_span (shape->end - shape->start);
      g_autofree char *a = px_time_format (shape->start, unit);
      g_autofree char *b = px_time_format (shape->end - 1, unit);
      const char *kind = shape->kind == PX_TIMELINE_PUBLISHED ? _("Publications") : _("Events");

      /* TRANSLATORS: "Events: 12 reports between 2003 and 2005" */
      d->heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u report between %s and %s",
                                                 "%s: %u reports between %s and %s",
                                                 shape->count),
                                    kind, shape->count, a, b);
      d->source = g_strdup (lane ? lane : _("Unknown source"));
      return;
    }
  else
    {
      const PxTimelineMark *mark = px_timeline_model_get_mark (self->model, shape->mark);
      const PxTimelineEntry *entry = px_timeline_model_get_entry (self->model, shape->mark);
      g_autofree char *date = mark ? format_mark_date (mark) : g_strdup ("?");

      d->heading = g_strdup_printf ("%s, %s",
                                    shape->kind == PX_TIMELINE_PUBLISHED ? _("Publication") : _("Event"),
                                    date);
      /* The lane may be a tag: the source is the entry's own. */
      d->source = entry != NULL ? px_timeline_entry_dup_source (entry)
                                : g_strdup (lane ? lane : _("Unknown source"));
      if (entry != NULL)
        {
          if (entry->text != NULL && entry->text[0] != '\0' && g_strcmp0 (entry->text, entry->value) != 0)
            d->written = g_strdup (entry->text);
          if (entry->sentence != NULL && entry->sentence[0] != '\0')
            d->sentence = g_strdup (entry->sentence);
          else if (entry->title != NULL && entry->title[0] != '\0')
            d->sentence = g_strdup (entry->title);
        }
    }
}

static char *
description_to_text (const Description *d)
{
  GString *text = g_string_new (d->heading);

  if (d->written != NULL)
    g_string_append_printf (text, " (“%s”)", d->written);
  g_string_append_printf (text, ", %s", d->source);
  if (d->sentence != NULL)
    g_string_append_printf (text, ": %s", d->sentence);
  return g_string_free (text, FALSE);
}

static char *
description_to_markup (const Description *d)
{
  GString *text = g_string_new (NULL);
  g_autofree char *heading = g_markup_escape_text (d->heading, -1);
  g_autofree char *source = g_markup_escape_text (d->source, -1);

  g_string_append_printf (text, "<b>%s</b>\n%s", heading, source);
  if (d->written != NULL)
    {
      g_autofree char *written = g_markup_escape_text (d->written, -1);

      g_string_append_printf (text, " · “%s”", written);
    }
  if (d->sentence != NULL)
    {
      g_autofree char *sentence = g_markup_escape_text (d->sentence, -1);

      g_string_append_printf (text, "\n<i>%s</i>", sentence);
    }
  return g_string_free (text, FALSE);
}

static void
update_accessible (PxTimeline *self)
{
  if (self->has_focus_shape && self->model != NULL)
    {
      Description d;
      g_autofree char *text = NULL;

      describe_shape (self, &self->focus, &d);
      text = description_to_text (&d);
      description_clear (&d);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Use the arrow keys to move between marks"),
                                    -1);
}

/* }}} */
/* Focus and selection of marks {{{ */

static void
set_focus_shape (PxTimeline            *self,
                 const PxTimelineShape *shape)
{
  if (shape != NULL)
    {
      self->focus = *shape;
      self->has_focus_shape = TRUE;
    }
  else
    self->has_focus_shape = FALSE;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_shape (PxTimeline            *self,
              const PxTimelineShape *shape)
{
  self->selected = *shape;
  self->has_selected = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_signal_emit (self, signals[MARK_SELECTED], 0,
                 shape->mark, shape->count, shape->start, shape->end);
}

/* Pans (and scrolls) so that the focused mark is on screen. */
static void
ensure_focus_visible (PxTimeline *self)
{
  PxTimelineShape now;
  double width = plot_width (self);
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double top;

  if (!self->has_focus_shape)
    return;

  relayout_shape (self, &self->focus, &now);
  if (now.x1 < 0 || now.x0 > width
      || (now.x1 - now.x0 < width && (now.x0 < 0 || now.x1 > width)))
    px_time_range_center_on (self->range, (self->focus.start + self->focus.end) / 2);

  if (self->vadjustment == NULL)
    return;
  top = PX_TIMELINE_AXIS_HEIGHT + self->focus.lane * PX_TIMELINE_LANE_HEIGHT - scroll_offset (self);
  if (top < PX_TIMELINE_AXIS_HEIGHT)
    gtk_adjustment_set_value (self->vadjustment, self->focus.lane * PX_TIMELINE_LANE_HEIGHT);
  else if (top + PX_TIMELINE_LANE_HEIGHT > height)
    gtk_adjustment_set_value (self->vadjustment,
                              PX_TIMELINE_AXIS_HEIGHT + (self->focus.lane + 1) * PX_TIMELINE_LANE_HEIGHT - height);
}

/* The layout holds only what is on screen: moving past its last shape
 * looks in the model for the next mark of the row, and pans to it. */
static gboolean
focus_beyond (PxTimeline     *self,
              PxTimelineMove  move)
{
  gboolean forward = move == PX_TIMELINE_MOVE_NEXT;
  guint32 id;

  if (self->model == NULL ||
      !px_timeline_model_find_adjacent (self->model, self->focus.lane, self->focus.kind,
                                        forward ? self->focus.end : self->focus.start, forward, &id))
    return FALSE;

  return px_timeline_focus_mark (self, id);
}

static void
move_focus (PxTimeline     *self,
            PxTimelineMove  move)
{
  int current;
  int next;

  ensure_layout (self);
  current = self->has_focus_shape ? find_shape (self, &self->focus) : -1;

  if (current >= 0 && (move == PX_TIMELINE_MOVE_PREVIOUS || move == PX_TIMELINE_MOVE_NEXT))
    {
      const PxTimelineShape *shape = shape_at (self, current);

      /* The focused shape may be one that merged since; start from it. */
      if (shape->start != self->focus.start || shape->end != self->focus.end)
        self->focus = *shape;
    }

  next = px_timeline_shapes_move (self->shapes, current, move);
  if ((move == PX_TIMELINE_MOVE_PREVIOUS || move == PX_TIMELINE_MOVE_NEXT)
      && self->has_focus_shape && (next < 0 || next == current))
    {
      if (focus_beyond (self, move))
        return;
      if (next < 0)
        return;
    }
  if (next < 0)
    return;

  set_focus_shape (self, shape_at (self, next));
  ensure_focus_visible (self);
}

/* }}} */
/* Drawing {{{ */

static void
append_ring (GtkSnapshot           *snapshot,
             const graphene_rect_t *bounds,
             double                 inset,
             double                 width,
             const GdkRGBA         *color)
{
  GskRoundedRect rect;
  graphene_rect_t r;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  graphene_rect_inset_r (bounds, -inset, -inset, &r);
  gsk_rounded_rect_init_from_rect (&rect, &r, MIN (r.size.height / 2, 8));
  gtk_snapshot_append_border (snapshot, &rect, widths, colors);
}

static void
snapshot_overlay (PxTimeline            *self,
                  GtkSnapshot           *snapshot,
                  const PxTimelinePaint *paint)
{
  const GdkRGBA *accent = &self->palette.accent;
  graphene_rect_t bounds;
  guint n_lanes = self->model ? px_timeline_model_get_n_lanes (self->model) : 0;
  double lanes_bottom = MIN (paint->height,
                             PX_TIMELINE_AXIS_HEIGHT + n_lanes * PX_TIMELINE_LANE_HEIGHT - paint->scroll);

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (PX_TIMELINE_LABEL_WIDTH, 0,
                                               paint->width - PX_TIMELINE_LABEL_WIDTH, paint->height));

  if (self->has_selection)
    {
      double x0 = px_timeline_paint_time_to_x (paint, self->selection_start);
      double x1 = px_timeline_paint_time_to_x (paint, self->selection_end);
      GdkRGBA fill = *accent;
      GdkRGBA edge = *accent;

      fill.alpha = 0.16f;
      edge.alpha = 0.8f;
      x0 = MAX (x0, PX_TIMELINE_LABEL_WIDTH - 2);
      x1 = MIN (x1, paint->width + 2);
      if (x1 > x0)
        {
          gtk_snapshot_append_color (snapshot, &fill,
                                     &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, MAX (lanes_bottom, PX_TIMELINE_AXIS_HEIGHT)));
          gtk_snapshot_append_color (snapshot, &edge,
                                     &GRAPHENE_RECT_INIT (x0, 0, 1, MAX (lanes_bottom, PX_TIMELINE_AXIS_HEIGHT)));
          gtk_snapshot_append_color (snapshot, &edge,
                                     &GRAPHENE_RECT_INIT (x1 - 1, 0, 1, MAX (lanes_bottom, PX_TIMELINE_AXIS_HEIGHT)));
        }
    }

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_AXIS_HEIGHT,
                                               paint->width - PX_TIMELINE_LABEL_WIDTH,
                                               MAX (0, paint->height - PX_TIMELINE_AXIS_HEIGHT)));

  if (self->hover >= 0 && self->shapes != NULL && (guint) self->hover < self->shapes->len)
    {
      GdkRGBA color = self->palette.text;

      color.alpha *= 0.5f;
      px_timeline_paint_shape_bounds (paint, shape_at (self, self->hover), &bounds);
      append_ring (snapshot, &bounds, 2, 1, &color);
    }

  if (self->has_selected)
    {
      PxTimelineShape now;

      relayout_shape (self, &self->selected, &now);
      px_timeline_paint_shape_bounds (paint, &now, &bounds);
      append_ring (snapshot, &bounds, 2.5, 2, accent);
    }

  if (self->has_focus_shape && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      PxTimelineShape now;
      GdkRGBA color = *accent;
      int index = find_shape (self, &self->focus);

      /* Draw around what is on screen now when it holds the focus. */
      if (index >= 0 && shape_at (self, index)->start <= self->focus.start
          && shape_at (self, index)->end >= self->focus.end)
        now = *shape_at (self, index);
      else
        relayout_shape (self, &self->focus, &now);

      color.alpha = 0.7f;
      px_timeline_paint_shape_bounds (paint, &now, &bounds);
      append_ring (snapshot, &bounds, 5, 2, &color);
    }

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
px_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PxTimeline *self = (PxTimeline *)widget;
  PxTimelinePaint paint;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  paint_init (self, &paint);

  if (self->cache != NULL
      && (paint.start != self->cache_start || paint.end != self->cache_end
          || paint.scroll != self->cache_scroll
          || width != self->cache_width || height != self->cache_height))
    clear_cache (self);

  if (self->cache == NULL)
    {
      GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_t *cr = gsk_cairo_node_get_draw_context (node);

      px_timeline_painter_draw (cr, &paint);
      cairo_destroy (cr);

      self->cache = node;
      self->cache_start = paint.start;
      self->cache_end = paint.end;
      self->cache_scroll = paint.scroll;
      self->cache_width = width;
      self->cache_height = height;
    }

  gtk_snapshot_append_node (snapshot, self->cache);
  snapshot_overlay (self, snapshot, &paint);
}

static void
update_palette (PxTimeline *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS

  px_timeline_palette_init (&self->palette,
                            adw_style_manager_get_dark (manager)
                            ? PX_TIMELINE_PALETTE_DARK : PX_TIMELINE_PALETTE_LIGHT);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, "accent_bg_color", &self->palette.accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  clear_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
px_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (px_timeline_parent_class)->css_changed (widget, change);
  update_palette (PX_TIMELINE (widget));
}

static void
px_timeline_system_setting_changed (GtkWidget         *widget,
                                    GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (px_timeline_parent_class)->system_setting_changed (widget, setting);
  /* Fonts and their rendering are in the cached node. */
  clear_cache (PX_TIMELINE (widget));
  gtk_widget_queue_draw (widget);
}

/* }}} */
/* Size and scrolling {{{ */

static double
content_height (PxTimeline *self)
{
  guint n_lanes = self->model ? px_timeline_model_get_n_lanes (self->model) : 0;

  return PX_TIMELINE_AXIS_HEIGHT + n_lanes * PX_TIMELINE_LANE_HEIGHT;
}

static void
px_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  PxTimeline *self = (PxTimeline *)widget;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PX_TIMELINE_LABEL_WIDTH + 120;
      *natural = PX_TIMELINE_LABEL_WIDTH + 720;
    }
  else
    {
      *minimum = PX_TIMELINE_AXIS_HEIGHT + PX_TIMELINE_LANE_HEIGHT;
      *natural = MAX (*minimum, content_height (self));
    }
}

static void
configure_adjustments (PxTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);

  if (self->vadjustment != NULL)
    {
      double upper = MAX (height, content_height (self));

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - height),
                                0, upper,
                                PX_TIMELINE_LANE_HEIGHT, MAX (PX_TIMELINE_LANE_HEIGHT, height * 0.9),
                                height);
    }
}

static void
px_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  configure_adjustments (PX_TIMELINE (widget));
}

static void
adjustment_value_changed_cb (PxTimeline *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PxTimeline     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                const char     *property)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
  g_object_notify (G_OBJECT (self), property);
}

static void
px_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

/* }}} */
/* Input {{{ */

static int
hit (PxTimeline *self,
     double      x,
     double      y)
{
  PxTimelinePaint paint;
  guint lane;
  PxTimelineKind kind;

  if (x < PX_TIMELINE_LABEL_WIDTH || self->model == NULL)
    return -1;
  paint_init (self, &paint);
  if (!px_timeline_paint_row_at (&paint, y, &lane, &kind))
    return -1;
  return px_timeline_shapes_hit (self->shapes, lane, kind, x - PX_TIMELINE_LABEL_WIDTH, HIT_TOLERANCE);
}

static void
motion_cb (PxTimeline *self,
           double      x,
           double      y)
{
  int index = hit (self, x, y);

  self->pointer_x = x;
  if (index != self->hover)
    {
      self->hover = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (PxTimeline *self)
{
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static double
pointer_time (PxTimeline *self,
              double      x)
{
  return px_x_to_time (x - PX_TIMELINE_LABEL_WIDTH,
                       px_time_range_get_start (self->range),
                       px_time_range_get_end (self->range),
                       plot_width (self));
}

static gboolean
lanes_overflow (PxTimeline *self)
{
  return self->vadjustment != NULL
         && gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_lower (self->vadjustment)
            > gtk_adjustment_get_page_size (self->vadjustment) + 0.5;
}

static gboolean
scroll_cb (PxTimeline               *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double per_step = 1.0;

  /* A touchpad gives pixels; a wheel gives clicks. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    per_step = 1.0 / 40;

  if (state & GDK_CONTROL_MASK)
    {
      double anchor = self->pointer_x >= PX_TIMELINE_LABEL_WIDTH
                      ? pointer_time (self, self->pointer_x)
                      : (px_time_range_get_start (self->range) + px_time_range_get_end (self->range)) / 2;

      px_time_range_zoom (self->range, anchor, pow (1.25, -dy * per_step));
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      px_time_range_pan (self->range, (dx + dy) * per_step * PAN_STEP);
      return TRUE;
    }

  if (fabs (dx) > fabs (dy))
    {
      px_time_range_pan (self->range, dx * per_step * PAN_STEP);
      return TRUE;
    }

  if (dy == 0)
    return FALSE;

  /* Lanes that overflow scroll in the GtkScrolledWindow around us, with
   * its kinetic and smooth scrolling: let the event go there. */
  if (lanes_overflow (self))
    return FALSE;

  px_time_range_pan (self->range, dy * per_step * PAN_STEP);

  return TRUE;
}

static void
drag_begin_cb (PxTimeline     *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_mode = DRAG_PENDING;
  self->drag_on_axis = y < PX_TIMELINE_AXIS_HEIGHT && x >= PX_TIMELINE_LABEL_WIDTH;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_range_start = px_time_range_get_start (self->range);
  self->drag_range_end = px_time_range_get_end (self->range);
  self->drag_scroll = scroll_offset (self);
}

static void
drag_update_cb (PxTimeline     *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->drag_mode = self->drag_on_axis ? DRAG_SELECT : DRAG_PAN;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  if (self->drag_mode == DRAG_PAN)
    {
      double shift = -dx * (self->drag_range_end - self->drag_range_start) / plot_width (self);

      px_time_range_set (self->range, self->drag_range_start + shift, self->drag_range_end + shift);
      if (self->vadjustment != NULL && lanes_overflow (self))
        gtk_adjustment_set_value (self->vadjustment, self->drag_scroll - dy);
    }
  else
    {
      double a = pointer_time (self, MAX (self->drag_x, PX_TIMELINE_LABEL_WIDTH));
      double b = pointer_time (self, MAX (self->drag_x + dx, PX_TIMELINE_LABEL_WIDTH));

      px_timeline_set_selection (self, MIN (a, b), MAX (a, b));
    }
}

static void
drag_end_cb (PxTimeline     *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  if (mode != DRAG_PENDING)
    return;

  /* A click: on the axis it clears the period, on a mark it selects. */
  if (self->drag_on_axis)
    px_timeline_clear_selection (self);
  else
    {
      int index = hit (self, self->drag_x, self->drag_y);

      if (index >= 0)
        {
          PxTimelineShape shape = *shape_at (self, index);

          set_focus_shape (self, &shape);
          select_shape (self, &shape);
        }
    }
}

static void
zoom_begin_cb (PxTimeline     *self,
               GdkEventSequence *sequence,
               GtkGestureZoom *gesture)
{
  double x, y;

  self->zoom_scale = 1;
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    self->zoom_anchor = pointer_time (self, MAX (x, PX_TIMELINE_LABEL_WIDTH));
  else
    self->zoom_anchor = (px_time_range_get_start (self->range) + px_time_range_get_end (self->range)) / 2;
}

static void
zoom_scale_changed_cb (PxTimeline     *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  if (scale <= 0 || self->zoom_scale <= 0)
    return;
  px_time_range_zoom (self->range, self->zoom_anchor, scale / self->zoom_scale);
  self->zoom_scale = scale;
}

static gboolean
px_timeline_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  PxTimeline *self = (PxTimeline *)widget;
  PxTimelineShape shape;
  Description d;
  g_autofree char *markup = NULL;

  if (self->model == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      if (!self->has_focus_shape)
        return FALSE;
      shape = self->focus;
    }
  else
    {
      int index = hit (self, x, y);

      if (index < 0)
        return FALSE;
      shape = *shape_at (self, index);
    }

  describe_shape (self, &shape, &d);
  markup = description_to_markup (&d);
  description_clear (&d);
  gtk_tooltip_set_markup (tooltip, markup);

  {
    PxTimelinePaint paint;
    graphene_rect_t bounds;

    paint_init (self, &paint);
    px_timeline_paint_shape_bounds (&paint, &shape, &bounds);
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                         MAX (1, bounds.size.width),
                                                         MAX (1, bounds.size.height) });
  }
  return TRUE;
}

static void
focus_enter_cb (PxTimeline *self)
{
  /* Arriving by Tab, focus the first mark on screen, so that a screen
   * reader has something to say at once. */
  if (!self->has_focus_shape)
    {
      ensure_layout (self);
      if (self->shapes->len > 0)
        set_focus_shape (self, shape_at (self, 0));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (PxTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* }}} */
/* Actions {{{ */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  px_timeline_zoom (PX_TIMELINE (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  px_timeline_zoom (PX_TIMELINE (widget), 1 / ZOOM_STEP);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  px_timeline_fit_selection (PX_TIMELINE (widget));
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  px_timeline_fit_all (PX_TIMELINE (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  px_time_range_pan (PX_TIMELINE (widget)->range, g_variant_get_double (parameter));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_focus (PX_TIMELINE (widget), g_variant_get_int32 (parameter));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PxTimeline *self = PX_TIMELINE (widget);
  PxTimelineShape shape;
  int index;

  if (!self->has_focus_shape)
    {
      move_focus (self, PX_TIMELINE_MOVE_FIRST);
      return;
    }

  /* Select what is on screen there now, which may have merged or split
   * since focus arrived. */
  index = find_shape (self, &self->focus);
  shape = index >= 0 ? *shape_at (self, index) : self->focus;
  set_focus_shape (self, &shape);
  select_shape (self, &shape);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PxTimeline *self = PX_TIMELINE (widget);

  if (self->has_selection)
    px_timeline_clear_selection (self);
  else if (self->has_selected)
    {
      self->has_selected = FALSE;
      gtk_widget_queue_draw (widget);
    }
}

/* }}} */
/* GObject {{{ */

static void
range_changed_cb (PxTimeline *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
px_timeline_dispose (GObject *object)
{
  PxTimeline *self = (PxTimeline *)object;

  if (self->range != NULL)
    g_clear_signal_handler (&self->range_changed_id, self->range);
  g_clear_object (&self->range);
  g_clear_object (&self->model);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  clear_cache (self);
  clear_layout (self);

  G_OBJECT_CLASS (px_timeline_parent_class)->dispose (object);
}

static void
px_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PxTimeline *self = PX_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_RANGE:
      g_value_set_object (value, self->range);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PxTimeline *self = PX_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      px_timeline_set_model (self, g_value_get_object (value));
      break;
    case PROP_RANGE:
      px_timeline_set_range (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), "hadjustment");
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), "vadjustment");
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           kp_keyval,
                  PxTimelineMove  move)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "timeline.move", "i", move);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, 0, "timeline.move", "i", move);
}

static void
px_timeline_class_init (PxTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_timeline_dispose;
  object_class->get_property = px_timeline_get_property;
  object_class->set_property = px_timeline_set_property;

  widget_class->measure = px_timeline_measure;
  widget_class->size_allocate = px_timeline_size_allocate;
  widget_class->snapshot = px_timeline_snapshot;
  widget_class->query_tooltip = px_timeline_query_tooltip;
  widget_class->css_changed = px_timeline_css_changed;
  widget_class->system_setting_changed = px_timeline_system_setting_changed;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         PX_TYPE_TIMELINE_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_RANGE] =
    g_param_spec_object ("range", NULL, NULL,
                         PX_TYPE_TIME_RANGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals [MARK_SELECTED] =
    g_signal_new ("mark-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, fit_all_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "d", pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.pan", "d", -PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.pan", "d", PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan", "d", -PAGE_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan", "d", PAGE_STEP);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, PX_TIMELINE_MOVE_PREVIOUS);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, PX_TIMELINE_MOVE_NEXT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, PX_TIMELINE_MOVE_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, PX_TIMELINE_MOVE_DOWN);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, PX_TIMELINE_MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, PX_TIMELINE_MOVE_LAST);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.escape", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
px_timeline_init (PxTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->hover = -1;
  self->pointer_x = -1;
  self->range = px_time_range_new ();
  self->range_changed_id = g_signal_connect_object (self->range, "changed",
                                                    G_CALLBACK (range_changed_cb), self,
                                                    G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  px_timeline_palette_init (&self->palette, PX_TIMELINE_PALETTE_LIGHT);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
px_timeline_new (void)
{
  return g_object_new (PX_TYPE_TIMELINE, NULL);
}

/**
 * px_timeline_get_model:
 *
 * Returns: (transfer none) (nullable)
 */
PxTimelineModel *
px_timeline_get_model (PxTimeline *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE (self), NULL);

  return self->model;
}

void
px_timeline_set_model (PxTimeline      *self,
                       PxTimelineModel *model)
{
  g_return_if_fail (PX_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || PX_IS_TIMELINE_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  clear_cache (self);
  clear_layout (self);
  self->has_focus_shape = FALSE;
  self->has_selected = FALSE;
  update_accessible (self);

  if (model != NULL && !self->range_chosen)
    {
      px_timeline_fit_all (self);
      self->range_chosen = TRUE;
    }

  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/**
 * px_timeline_get_range:
 *
 * Returns: (transfer none): the visible period, shared with other views
 */
PxTimeRange *
px_timeline_get_range (PxTimeline *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE (self), NULL);

  return self->range;
}

void
px_timeline_set_range (PxTimeline  *self,
                       PxTimeRange *range)
{
  g_return_if_fail (PX_IS_TIMELINE (self));
  g_return_if_fail (range == NULL || PX_IS_TIME_RANGE (range));

  if (range == NULL)
    range = px_time_range_new ();
  else
    g_object_ref (range);

  if (range == self->range)
    {
      g_object_unref (range);
      return;
    }

  g_clear_signal_handler (&self->range_changed_id, self->range);
  g_clear_object (&self->range);
  self->range = range;
  self->range_changed_id = g_signal_connect_object (range, "changed",
                                                    G_CALLBACK (range_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  self->range_chosen = TRUE;

  range_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RANGE]);
}

void
px_timeline_fit_all (PxTimeline *self)
{
  double start, end;

  g_return_if_fail (PX_IS_TIMELINE (self));

  if (self->model != NULL && px_timeline_model_get_bounds (self->model, &start, &end))
    px_time_range_fit (self->range, start, end, PX_TIMELINE_FIT_MARGIN);
}

void
px_timeline_fit_selection (PxTimeline *self)
{
  g_return_if_fail (PX_IS_TIMELINE (self));

  if (self->has_selection)
    px_time_range_fit (self->range, self->selection_start, self->selection_end, 0);
  else if (self->has_selected)
    px_time_range_fit (self->range, self->selected.start, self->selected.end, 0.25);
  else
    px_timeline_fit_all (self);
}

/* Zooms around the focused mark when it is on screen, else the middle. */
void
px_timeline_zoom (PxTimeline *self,
                  double      factor)
{
  double start, end, anchor;

  g_return_if_fail (PX_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  start = px_time_range_get_start (self->range);
  end = px_time_range_get_end (self->range);
  anchor = (start + end) / 2;
  if (self->has_focus_shape)
    {
      double mid = (self->focus.start + self->focus.end) / 2;

      if (mid >= start && mid <= end)
        anchor = mid;
    }

  px_time_range_zoom (self->range, anchor, factor);
}

gboolean
px_timeline_get_selection (PxTimeline *self,
                           double     *start,
                           double     *end)
{
  g_return_val_if_fail (PX_IS_TIMELINE (self), FALSE);

  if (!self->has_selection)
    return FALSE;
  if (start != NULL)
    *start = self->selection_start;
  if (end != NULL)
    *end = self->selection_end;
  return TRUE;
}

void
px_timeline_set_selection (PxTimeline *self,
                           double      start,
                           double      end)
{
  gboolean had;

  g_return_if_fail (PX_IS_TIMELINE (self));
  g_return_if_fail (isfinite (start) && isfinite (end));

  if (end < start)
    {
      double t = start;

      start = end;
      end = t;
    }

  if (self->has_selection && start == self->selection_start && end == self->selection_end)
    return;

  had = self->has_selection;
  self->has_selection = TRUE;
  self->selection_start = start;
  self->selection_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!had)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
px_timeline_clear_selection (PxTimeline *self)
{
  g_return_if_fail (PX_IS_TIMELINE (self));

  if (!self->has_selection)
    return;

  self->has_selection = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_SELECTION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

gboolean
px_timeline_get_focused_shape (PxTimeline      *self,
                               PxTimelineShape *shape)
{
  g_return_val_if_fail (PX_IS_TIMELINE (self), FALSE);

  if (!self->has_focus_shape)
    return FALSE;
  if (shape != NULL)
    *shape = self->focus;
  return TRUE;
}

gboolean
px_timeline_focus_mark (PxTimeline *self,
                        guint32     mark_id)
{
  const PxTimelineMark *mark;
  double mid;
  int index = -1;

  g_return_val_if_fail (PX_IS_TIMELINE (self), FALSE);

  if (self->model == NULL || (mark = px_timeline_model_get_mark (self->model, mark_id)) == NULL)
    return FALSE;

  mid = (mark->start + mark->end) / 2;
  if (mid < px_time_range_get_start (self->range) || mid > px_time_range_get_end (self->range))
    px_time_range_center_on (self->range, mid);

  /* Zoom in until the mark stands on its own, or as far as the range
   * goes: at a coarse zoom it may be one of a cluster. */
  for (guint i = 0; i < 40; i++)
    {
      PxTimelineShape probe = { .start = mark->start, .end = mark->end, .mark = mark_id,
                                .lane = mark->lane, .kind = mark->kind, .count = 1 };
      const PxTimelineShape *shape;
      double span = px_time_range_get_span (self->range);

      index = find_shape (self, &probe);
      if (index < 0)
        break;
      shape = shape_at (self, index);
      if (shape->count <= 1 || span <= PX_TIME_RANGE_MIN_SPAN * 1.01)
        break;
      px_time_range_zoom (self->range, mid, 4);
    }

  if (index < 0)
    return FALSE;

  set_focus_shape (self, shape_at (self, index));
  ensure_focus_visible (self);
  return TRUE;
}

/* }}} */
