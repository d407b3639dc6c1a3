/* px-timeline-painter.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One set of cairo drawing functions for the timeline: the widget records
 * them into a cairo render node (and caches it), the exporter plays them
 * onto PNG, SVG and PDF surfaces. Marks differ by shape as well as colour:
 * a publication is a diamond (pointed ends when it grows into a band or a
 * cluster), an event a circle (round ends). A date wider than a mark is a
 * band over its extent, an interval a bar with end caps, an approximate or
 * uncertain date fades out at both ends, an open end fades out on its side.
 */

#define G_LOG_DOMAIN "px-timeline-painter"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-timeline-painter.h"

#define LANE_PAD        4.0    /* above the first row of a lane */
#define POINT_RADIUS    5.5
#define BAND_HALF       6.0
#define BAR_HALF        2.0
#define CAP_HALF        7.0
#define PILL_HALF       7.5
#define TICK_SPACING   72.0    /* pixels between labelled ticks, at least */
#define FADE            0.35   /* fraction of a soft shape that fades */

#define EXPORT_MARGIN  16.0
#define TITLE_HEIGHT   58.0
#define LEGEND_ROW     26.0

/* Palettes {{{ */

static void
rgba (GdkRGBA *c,
      guint32  rgb,
      float    alpha)
{
  c->red = ((rgb >> 16) & 0xff) / 255.f;
  c->green = ((rgb >> 8) & 0xff) / 255.f;
  c->blue = (rgb & 0xff) / 255.f;
  c->alpha = alpha;
}

/* Adwaita's palette: blue for events and orange for publications stay
 * apart for the common colour blindnesses, and shapes carry the
 * difference anyway. */
void
px_timeline_palette_init (PxTimelinePalette      *palette,
                          PxTimelinePaletteStyle  style)
{
  g_return_if_fail (palette != NULL);

  if (style == PX_TIMELINE_PALETTE_DARK)
    {
      rgba (&palette->background, 0x1e1e1e, 1.f);
      rgba (&palette->lane_alt, 0xffffff, 0.03f);
      rgba (&palette->axis_background, 0x303030, 1.f);
      rgba (&palette->label_background, 0x242424, 1.f);
      rgba (&palette->text, 0xffffff, 0.9f);
      rgba (&palette->dim_text, 0xffffff, 0.55f);
      rgba (&palette->grid, 0xffffff, 0.07f);
      rgba (&palette->grid_major, 0xffffff, 0.16f);
      rgba (&palette->published, 0xffa348, 1.f);
      rgba (&palette->event, 0x62a0ea, 1.f);
      rgba (&palette->on_mark, 0x000000, 0.85f);
      rgba (&palette->accent, 0x78aeed, 1.f);
    }
  else
    {
      rgba (&palette->background, 0xffffff, 1.f);
      rgba (&palette->lane_alt, 0x000000, 0.025f);
      rgba (&palette->axis_background, 0xf6f5f4, 1.f);
      rgba (&palette->label_background, 0xfafafa, 1.f);
      rgba (&palette->text, 0x000000, 0.8f);
      rgba (&palette->dim_text, 0x000000, 0.55f);
      rgba (&palette->grid, 0x000000, 0.07f);
      rgba (&palette->grid_major, 0x000000, 0.18f);
      rgba (&palette->published, 0xc64600, 1.f);
      rgba (&palette->event, 0x1c71d8, 1.f);
      rgba (&palette->on_mark, 0xffffff, 1.f);
      rgba (&palette->accent, 0x3584e4, 1.f);
    }

  if (style == PX_TIMELINE_PALETTE_PAPER)
    rgba (&palette->axis_background, 0xffffff, 1.f);
}

/* }}} */
/* Geometry {{{ */

double
px_timeline_paint_get_plot_width (const PxTimelinePaint *paint)
{
  return MAX (1.0, paint->width - PX_TIMELINE_LABEL_WIDTH);
}

double
px_timeline_paint_time_to_x (const PxTimelinePaint *paint,
                             double                 time)
{
  return PX_TIMELINE_LABEL_WIDTH
         + px_time_to_x (time, paint->start, paint->end, px_timeline_paint_get_plot_width (paint));
}

double
px_timeline_paint_x_to_time (const PxTimelinePaint *paint,
                             double                 x)
{
  return px_x_to_time (x - PX_TIMELINE_LABEL_WIDTH, paint->start, paint->end,
                       px_timeline_paint_get_plot_width (paint));
}

static double
lane_top (const PxTimelinePaint *paint,
          guint                  lane)
{
  return PX_TIMELINE_AXIS_HEIGHT + lane * PX_TIMELINE_LANE_HEIGHT - paint->scroll;
}

double
px_timeline_paint_row_y (const PxTimelinePaint *paint,
                         guint                  lane,
                         PxTimelineKind         kind)
{
  return lane_top (paint, lane) + LANE_PAD
         + (kind == PX_TIMELINE_PUBLISHED ? 0.5 : 1.5) * PX_TIMELINE_ROW_HEIGHT;
}

gboolean
px_timeline_paint_row_at (const PxTimelinePaint *paint,
                          double                 y,
                          guint                 *lane,
                          PxTimelineKind        *kind)
{
  double rel;
  guint n_lanes;
  guint l;

  if (y < PX_TIMELINE_AXIS_HEIGHT || paint->model == NULL)
    return FALSE;

  rel = y - PX_TIMELINE_AXIS_HEIGHT + paint->scroll;
  n_lanes = px_timeline_model_get_n_lanes (paint->model);
  if (rel < 0 || rel >= n_lanes * PX_TIMELINE_LANE_HEIGHT)
    return FALSE;

  l = (guint) (rel / PX_TIMELINE_LANE_HEIGHT);
  rel -= l * PX_TIMELINE_LANE_HEIGHT;
  if (lane != NULL)
    *lane = l;
  if (kind != NULL)
    *kind = rel < LANE_PAD + PX_TIMELINE_ROW_HEIGHT ? PX_TIMELINE_PUBLISHED : PX_TIMELINE_EVENT;
  return TRUE;
}

static guint
count_digits (guint32 count)
{
  guint n = 1;

  if (count >= 1000000)
    count /= 1000000;
  else if (count >= 10000)
    count /= 1000;
  while (count >= 10)
    {
      count /= 10;
      n++;
    }
  return n + 1;
}

void
px_timeline_paint_shape_bounds (const PxTimelinePaint *paint,
                                const PxTimelineShape *shape,
                                graphene_rect_t       *bounds)
{
  double x0 = PX_TIMELINE_LABEL_WIDTH + shape->x0;
  double x1 = PX_TIMELINE_LABEL_WIDTH + shape->x1;
  double cy = px_timeline_paint_row_y (paint, shape->lane, shape->kind);
  double half = POINT_RADIUS;

  if (shape->count > 1 && (shape->flags & PX_TIMELINE_SHAPE_CLUSTER))
    {
      /* A pill may grow to hold its count (see draw_shape()); the
       * digits' width is estimated here, enough for a ring around it. */
      if (!(shape->flags & PX_TIMELINE_SHAPE_SPAN))
        {
          double w = MAX (MAX (x1 - x0, PX_TIMELINE_MARK_SIZE), count_digits (shape->count) * 6.5 + 6.0);
          double xc = (x0 + x1) / 2;

          x0 = xc - w / 2;
          x1 = xc + w / 2;
        }
      half = PILL_HALF;
    }
  else if (x1 - x0 < PX_TIMELINE_MARK_SIZE)
    {
      double xc = (x0 + x1) / 2;

      x0 = xc - POINT_RADIUS;
      x1 = xc + POINT_RADIUS;
    }
  else
    half = (shape->edtf_flags & PX_EDTF_INTERVAL) ? CAP_HALF : BAND_HALF;

  graphene_rect_init (bounds, x0, cy - half, x1 - x0, 2 * half);
}

/* }}} */
/* Text {{{ */

/* A cluster's count is drawn for every cluster on screen, up to a few
 * thousand a frame: one PangoLayout each costs more than the rest of the
 * frame, so the digits' glyphs are looked up once per frame and shown
 * with cairo_show_glyphs(). */
#define DIGITS "0123456789kM"

typedef struct
{
  cairo_scaled_font_t *font;
  unsigned long        glyph[sizeof DIGITS - 1];
  double               advance[sizeof DIGITS - 1];
  double               baseline;
  double               height;
  PangoLayout         *fallback;
} Digits;

static PangoFontDescription *
font_for (PangoContext *pango,
          double        scale,
          PangoWeight   weight)
{
  PangoFontDescription *desc = pango_font_description_copy (pango_context_get_font_description (pango));
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

static void
digits_init (Digits       *digits,
             PangoContext *pango)
{
  g_autoptr(PangoFontDescription) desc = font_for (pango, 0.75, PANGO_WEIGHT_BOLD);
  PangoLayout *layout = pango_layout_new (pango);
  PangoLayoutLine *line;
  PangoRectangle logical;

  memset (digits, 0, sizeof *digits);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, DIGITS, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  digits->baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  digits->height = logical.height / (double) PANGO_SCALE;
  digits->fallback = layout;

  line = pango_layout_get_line_readonly (layout, 0);
  if (line != NULL && line->runs != NULL && line->runs->next == NULL)
    {
      PangoGlyphItem *run = line->runs->data;
      PangoFont *font = run->item->analysis.font;

      if (run->glyphs->num_glyphs == (int) strlen (DIGITS) && PANGO_IS_CAIRO_FONT (font))
        {
          for (guint i = 0; i < strlen (DIGITS); i++)
            {
              digits->glyph[i] = run->glyphs->glyphs[i].glyph;
              digits->advance[i] = run->glyphs->glyphs[i].geometry.width / (double) PANGO_SCALE;
            }
          digits->font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
        }
    }
}

static void
digits_clear (Digits *digits)
{
  g_clear_pointer (&digits->font, cairo_scaled_font_destroy);
  g_clear_object (&digits->fallback);
}

static void
format_count (char    *buf,
              gsize    size,
              guint32  count)
{
  if (count >= 1000000)
    g_snprintf (buf, size, "%uM", count / 1000000);
  else if (count >= 10000)
    g_snprintf (buf, size, "%uk", count / 1000);
  else
    g_snprintf (buf, size, "%u", count);
}

static double
digits_measure (Digits     *digits,
                const char *text)
{
  double w = 0;

  if (digits->font == NULL)
    {
      int pw;

      pango_layout_set_text (digits->fallback, text, -1);
      pango_layout_get_size (digits->fallback, &pw, NULL);
      return pw / (double) PANGO_SCALE;
    }

  for (const char *p = text; *p; p++)
    w += digits->advance[strchr (DIGITS, *p) - DIGITS];
  return w;
}

/* Shows @text centred on (@xc, @cy). */
static void
digits_show (cairo_t    *cr,
             Digits     *digits,
             const char *text,
             double      xc,
             double      cy)
{
  double w = digits_measure (digits, text);
  double x = xc - w / 2;
  double top = cy - digits->height / 2;

  if (digits->font == NULL)
    {
      cairo_move_to (cr, x, top);
      pango_cairo_show_layout (cr, digits->fallback);
      return;
    }
  else
    {
      cairo_glyph_t glyphs[16];
      int n = 0;

      for (const char *p = text; *p && n < 16; p++, n++)
        {
          int i = strchr (DIGITS, *p) - DIGITS;

          glyphs[n].index = digits->glyph[i];
          glyphs[n].x = x;
          glyphs[n].y = top + digits->baseline;
          x += digits->advance[i];
        }
      cairo_set_scaled_font (cr, digits->font);
      cairo_show_glyphs (cr, glyphs, n);
    }
}

static void
show_text (cairo_t           *cr,
           PangoLayout       *layout,
           const char        *text,
           double             x,
           double             y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  return w / (double) PANGO_SCALE;
}

/* }}} */
/* Shapes {{{ */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *c,
           double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* A horizontal fade from nothing at a soft end to @alpha inside. */
static void
set_soft_color (cairo_t       *cr,
                const GdkRGBA *c,
                double         alpha,
                double         x0,
                double         x1,
                gboolean       fade_start,
                gboolean       fade_end)
{
  cairo_pattern_t *pattern;

  if ((!fade_start && !fade_end) || x1 - x0 < 1)
    {
      set_color (cr, c, alpha);
      return;
    }

  pattern = cairo_pattern_create_linear (x0, 0, x1, 0);
  cairo_pattern_add_color_stop_rgba (pattern, 0, c->red, c->green, c->blue,
                                     c->alpha * alpha * (fade_start ? 0.1 : 1));
  cairo_pattern_add_color_stop_rgba (pattern, FADE, c->red, c->green, c->blue, c->alpha * alpha);
  cairo_pattern_add_color_stop_rgba (pattern, 1 - FADE, c->red, c->green, c->blue, c->alpha * alpha);
  cairo_pattern_add_color_stop_rgba (pattern, 1, c->red, c->green, c->blue,
                                     c->alpha * alpha * (fade_end ? 0.1 : 1));
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* A band from @x0 to @x1: pointed ends for publications, round ends for
 * events, so that the kind survives without colour. */
static void
band_path (cairo_t        *cr,
           PxTimelineKind  kind,
           double          x0,
           double          x1,
           double          cy,
           double          half)
{
  double w = x1 - x0;

  if (kind == PX_TIMELINE_PUBLISHED)
    {
      double k = MIN (half, w / 3);

      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x0 + k, cy - half);
      cairo_line_to (cr, x1 - k, cy - half);
      cairo_line_to (cr, x1, cy);
      cairo_line_to (cr, x1 - k, cy + half);
      cairo_line_to (cr, x0 + k, cy + half);
      cairo_close_path (cr);
    }
  else
    {
      double r = MIN (half, w / 2);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x0 + r, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x1 - r, cy, r, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
    }
}

static void
point_path (cairo_t        *cr,
            PxTimelineKind  kind,
            double          xc,
            double          cy)
{
  if (kind == PX_TIMELINE_PUBLISHED)
    {
      double r = POINT_RADIUS + 0.5;

      cairo_move_to (cr, xc, cy - r);
      cairo_line_to (cr, xc + r, cy);
      cairo_line_to (cr, xc, cy + r);
      cairo_line_to (cr, xc - r, cy);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, xc, cy, POINT_RADIUS - 0.5, 0, 2 * G_PI);
    }
}

/* The width of a cluster's pill: its extent, at least a mark, grown to
 * hold the count when the neighbours leave room. */
static double
pill_width (Digits                *digits,
            const PxTimelineShape *shape,
            double                 x0,
            double                 x1,
            double                 room_x0,
            double                 room_x1,
            char                   text[16],
            gboolean              *with_text)
{
  double xc = (x0 + x1) / 2;
  double w = MAX (x1 - x0, PX_TIMELINE_MARK_SIZE);
  double text_w;

  format_count (text, 16, shape->count);
  text_w = digits_measure (digits, text) + 6;
  if (text_w > w && xc - text_w / 2 >= room_x0 && xc + text_w / 2 <= room_x1)
    w = text_w;
  *with_text = text_w <= w + 0.5;
  return w;
}

/* Points with no soft edges are filled together, a row at a time (see
 * draw_row()); everything else is drawn here. A cluster's pill may grow
 * into [@room_x0, @room_x1] to hold its count; when its neighbours leave
 * no room, the count is left to the tooltip rather than drawn over them. */
static void
draw_shape (cairo_t                 *cr,
            const PxTimelinePalette *palette,
            Digits                  *digits,
            const PxTimelineShape   *shape,
            double                   x0,
            double                   x1,
            double                   cy,
            double                   room_x0,
            double                   room_x1)
{
  const GdkRGBA *c = shape->kind == PX_TIMELINE_PUBLISHED ? &palette->published : &palette->event;
  gboolean soft = (shape->edtf_flags & (PX_EDTF_APPROXIMATE | PX_EDTF_UNCERTAIN)) != 0;
  gboolean open_start = (shape->edtf_flags & PX_EDTF_OPEN_START) != 0;
  gboolean open_end = (shape->edtf_flags & PX_EDTF_OPEN_END) != 0;

  if (shape->count > 1 && (shape->flags & PX_TIMELINE_SHAPE_CLUSTER))
    {
      char text[16];
      double text_w;

      format_count (text, sizeof text, shape->count);
      text_w = digits_measure (digits, text) + 6;

      if (shape->flags & PX_TIMELINE_SHAPE_SPAN)
        {
          /* Merged bands stay a band, so that the points over them show;
           * the count sits at its start. */
          band_path (cr, shape->kind, x0, x1, cy, BAND_HALF);
          set_color (cr, c, 0.4);
          cairo_fill_preserve (cr);
          set_color (cr, c, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          if (text_w + 4 <= x1 - x0)
            {
              set_color (cr, &palette->text, 1);
              digits_show (cr, digits, text, MAX (x0, room_x0) + 2 + text_w / 2, cy);
            }
        }
      else
        {
          double xc = (x0 + x1) / 2;
          gboolean with_text;
          double w = pill_width (digits, shape, x0, x1, room_x0, room_x1, text, &with_text);

          band_path (cr, shape->kind, xc - w / 2, xc + w / 2, cy, PILL_HALF);
          set_color (cr, c, 1);
          cairo_fill (cr);
          if (with_text)
            {
              set_color (cr, &palette->on_mark, 1);
              digits_show (cr, digits, text, xc, cy);
            }
        }
    }
  else if (x1 - x0 < PX_TIMELINE_MARK_SIZE)
    {
      double xc = (x0 + x1) / 2;

      point_path (cr, shape->kind, xc, cy);
      set_soft_color (cr, c, 1, xc - POINT_RADIUS - 1, xc + POINT_RADIUS + 1, soft, soft);
      cairo_fill (cr);
    }
  else if (shape->edtf_flags & PX_EDTF_INTERVAL)
    {
      set_soft_color (cr, c, 0.85, x0, x1, soft || open_start, soft || open_end);
      cairo_rectangle (cr, x0, cy - BAR_HALF, x1 - x0, 2 * BAR_HALF);
      if (!open_start)
        cairo_rectangle (cr, x0, cy - CAP_HALF, 2, 2 * CAP_HALF);
      if (!open_end)
        cairo_rectangle (cr, x1 - 2, cy - CAP_HALF, 2, 2 * CAP_HALF);
      cairo_fill (cr);
    }
  else
    {
      band_path (cr, shape->kind, x0, x1, cy, BAND_HALF);
      set_soft_color (cr, c, 0.4, x0, x1, soft || open_start, soft || open_end);
      if (soft || open_start || open_end)
        cairo_fill (cr);
      else
        {
          cairo_fill_preserve (cr);
          set_color (cr, c, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
    }
}

/* Where a neighbour's drawing begins and ends, for a cluster deciding
 * whether its count has room (bands lie under the points and do not
 * count). */
static double
shape_left (GArray *shapes,
            guint   i)
{
  const PxTimelineShape *s = &g_array_index (shapes, PxTimelineShape, i);

  if ((s->flags & PX_TIMELINE_SHAPE_SPAN) && !(s->flags & PX_TIMELINE_SHAPE_CLUSTER))
    return G_MAXDOUBLE;
  return PX_TIMELINE_LABEL_WIDTH + MIN (s->x0, (s->x0 + s->x1) / 2 - PX_TIMELINE_MARK_SIZE / 2);
}

static double
shape_right (GArray *shapes,
             guint   i)
{
  const PxTimelineShape *s = &g_array_index (shapes, PxTimelineShape, i);

  if ((s->flags & PX_TIMELINE_SHAPE_SPAN) && !(s->flags & PX_TIMELINE_SHAPE_CLUSTER))
    return -G_MAXDOUBLE;
  return PX_TIMELINE_LABEL_WIDTH + MAX (s->x1, (s->x0 + s->x1) / 2 + PX_TIMELINE_MARK_SIZE / 2);
}

typedef enum
{
  DRAW_ALONE,   /* its own path and paint: bands, bars, soft edges, counts */
  DRAW_POINT,   /* filled with the row's other plain shapes at once */
  DRAW_PILL,
} DrawBatch;

/* A frame has thousands of shapes, and replaying one fill per shape
 * costs more than drawing them: plain points and pills too narrow for
 * their count all have the row's colour, so each row fills them as one
 * path. */
static DrawBatch
classify (const PxTimelineShape *shape,
          Digits                *digits,
          double                 x0,
          double                 x1,
          double                 room_x0,
          double                 room_x1,
          double                *pill_w)
{
  if (shape->count > 1 && (shape->flags & PX_TIMELINE_SHAPE_CLUSTER))
    {
      char text[16];
      gboolean with_text;

      if (shape->flags & PX_TIMELINE_SHAPE_SPAN)
        return DRAW_ALONE;
      *pill_w = pill_width (digits, shape, x0, x1, room_x0, room_x1, text, &with_text);
      return with_text ? DRAW_ALONE : DRAW_PILL;
    }
  if (x1 - x0 < PX_TIMELINE_MARK_SIZE && !(shape->edtf_flags & (PX_EDTF_APPROXIMATE | PX_EDTF_UNCERTAIN)))
    return DRAW_POINT;
  return DRAW_ALONE;
}

/* Shapes [@first, @last) of one row: the ones drawn alone first, then
 * the plain ones over them in one fill. */
static void
draw_row (cairo_t               *cr,
          const PxTimelinePaint *paint,
          Digits                *digits,
          guint                  first,
          guint                  last)
{
  const PxTimelineShape *row = &g_array_index (paint->shapes, PxTimelineShape, first);
  double cy = px_timeline_paint_row_y (paint, row->lane, row->kind);
  double plot_right = paint->width + PX_TIMELINE_MARK_SIZE;
  gboolean any_batched = FALSE;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = first; i < last; i++)
        {
          const PxTimelineShape *shape = &g_array_index (paint->shapes, PxTimelineShape, i);
          double x0 = PX_TIMELINE_LABEL_WIDTH + shape->x0;
          double x1 = PX_TIMELINE_LABEL_WIDTH + shape->x1;
          double room_x0, room_x1;
          double pill_w = 0;
          DrawBatch batch;

          if (x1 < PX_TIMELINE_LABEL_WIDTH - PX_TIMELINE_MARK_SIZE || x0 > plot_right)
            continue;

          room_x0 = i > first ? shape_right (paint->shapes, i - 1) + 1 : -G_MAXDOUBLE;
          room_x1 = i + 1 < last ? shape_left (paint->shapes, i + 1) - 1 : G_MAXDOUBLE;
          batch = classify (shape, digits, x0, x1, room_x0, room_x1, &pill_w);

          if (pass == 0)
            {
              if (batch == DRAW_ALONE)
                draw_shape (cr, paint->palette, digits, shape, MAX (x0, -100),
                            MIN (x1, plot_right + 100), cy, room_x0, room_x1);
              else
                any_batched = TRUE;
            }
          else if (batch == DRAW_POINT)
            point_path (cr, row->kind, (x0 + x1) / 2, cy);
          else if (batch == DRAW_PILL)
            band_path (cr, row->kind, (x0 + x1) / 2 - pill_w / 2, (x0 + x1) / 2 + pill_w / 2, cy, PILL_HALF);
        }

      if (!any_batched)
        return;
    }

  set_color (cr, row->kind == PX_TIMELINE_PUBLISHED ? &paint->palette->published : &paint->palette->event, 1);
  cairo_fill (cr);
}

static void
draw_marks (cairo_t               *cr,
            const PxTimelinePaint *paint)
{
  Digits digits;
  guint n;
  guint first = 0;

  if (paint->shapes == NULL || paint->shapes->len == 0)
    return;

  digits_init (&digits, paint->pango);

  cairo_save (cr);
  cairo_rectangle (cr, PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_AXIS_HEIGHT,
                   paint->width - PX_TIMELINE_LABEL_WIDTH, paint->height - PX_TIMELINE_AXIS_HEIGHT);
  cairo_clip (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* The layout is sorted by lane, then kind: split it into rows. */
  n = paint->shapes->len;
  while (first < n)
    {
      const PxTimelineShape *head = &g_array_index (paint->shapes, PxTimelineShape, first);
      double top = lane_top (paint, head->lane);
      guint last = first + 1;

      while (last < n)
        {
          const PxTimelineShape *s = &g_array_index (paint->shapes, PxTimelineShape, last);

          if (s->lane != head->lane || s->kind != head->kind)
            break;
          last++;
        }

      if (top + PX_TIMELINE_LANE_HEIGHT > PX_TIMELINE_AXIS_HEIGHT && top < paint->height)
        draw_row (cr, paint, &digits, first, last);
      first = last;
    }

  cairo_restore (cr);
  digits_clear (&digits);
}

/* }}} */
/* Axis, grid, lanes {{{ */

static void
draw_lanes (cairo_t               *cr,
            const PxTimelinePaint *paint)
{
  const PxTimelinePalette *p = paint->palette;
  guint n_lanes = paint->model ? px_timeline_model_get_n_lanes (paint->model) : 0;

  set_color (cr, &p->background, 1);
  cairo_paint (cr);

  for (guint lane = 1; lane < n_lanes; lane += 2)
    {
      double top = lane_top (paint, lane);

      if (top + PX_TIMELINE_LANE_HEIGHT < PX_TIMELINE_AXIS_HEIGHT || top > paint->height)
        continue;
      cairo_rectangle (cr, 0, top, paint->width, PX_TIMELINE_LANE_HEIGHT);
    }
  set_color (cr, &p->lane_alt, 1);
  cairo_fill (cr);
}

static void
draw_grid (cairo_t               *cr,
           const PxTimelinePaint *paint,
           GArray                *ticks)
{
  const PxTimelinePalette *p = paint->palette;
  guint n_lanes = paint->model ? px_timeline_model_get_n_lanes (paint->model) : 0;
  double bottom = MIN (paint->height, lane_top (paint, n_lanes));

  for (int major = 0; major <= 1; major++)
    {
      for (guint i = 0; i < ticks->len; i++)
        {
          const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);
          double x = round (px_timeline_paint_time_to_x (paint, tick->time)) + 0.5;

          if (!!tick->major != major || x < PX_TIMELINE_LABEL_WIDTH)
            continue;
          cairo_move_to (cr, x, PX_TIMELINE_AXIS_HEIGHT);
          cairo_line_to (cr, x, bottom);
        }
      set_color (cr, major ? &p->grid_major : &p->grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

static void
draw_axis (cairo_t               *cr,
           const PxTimelinePaint *paint,
           GArray                *ticks)
{
  const PxTimelinePalette *p = paint->palette;
  g_autoptr(PangoFontDescription) small = font_for (paint->pango, 0.85, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) bold = font_for (paint->pango, 0.85, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) layout = pango_layout_new (paint->pango);
  double row1 = 5;
  double row2 = PX_TIMELINE_AXIS_HEIGHT / 2 + 2;
  double first_major = G_MAXDOUBLE;

  set_color (cr, &p->axis_background, 1);
  cairo_rectangle (cr, 0, 0, paint->width, PX_TIMELINE_AXIS_HEIGHT);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, PX_TIMELINE_LABEL_WIDTH, 0, paint->width - PX_TIMELINE_LABEL_WIDTH,
                   PX_TIMELINE_AXIS_HEIGHT);
  cairo_clip (cr);

  /* Tick marks: a short one per tick, a full-height one where a coarser
   * unit begins. */
  for (guint i = 0; i < ticks->len; i++)
    {
      const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);
      double x = round (px_timeline_paint_time_to_x (paint, tick->time)) + 0.5;

      cairo_move_to (cr, x, tick->major ? 0 : PX_TIMELINE_AXIS_HEIGHT - 6);
      cairo_line_to (cr, x, PX_TIMELINE_AXIS_HEIGHT);
    }
  set_color (cr, &p->grid_major, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* Minor labels on the lower row, the context on the upper one. */
  set_color (cr, &p->dim_text, 1);
  pango_layout_set_font_description (layout, small);
  for (guint i = 0; i < ticks->len; i++)
    {
      const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);
      double x = px_timeline_paint_time_to_x (paint, tick->time);

      if (tick->label != NULL)
        show_text (cr, layout, tick->label, x + 4, row2);
    }

  set_color (cr, &p->text, 1);
  pango_layout_set_font_description (layout, bold);
  for (guint i = 0; i < ticks->len; i++)
    {
      const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);
      double x = px_timeline_paint_time_to_x (paint, tick->time);

      if (!tick->major || tick->major_label == NULL)
        continue;
      first_major = MIN (first_major, x);
      show_text (cr, layout, tick->major_label, x + 4, row1);
    }

  /* Keep the context in view when the last major tick has scrolled off
   * to the left: "2003" above "Feb Mar Apr". */
  if (ticks->len > 0)
    {
      const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, 0);
      /* The context the axis reads its ticks in, as its major labels name
       * it, for the part of the axis before the first of them. */
      if (tick->context <= PX_TIME_UNIT_DECADE)
        {
          g_autofree char *text = px_time_format (paint->start, tick->context);

          if (text != NULL
              && PX_TIMELINE_LABEL_WIDTH + 4 + text_width (layout, text) + 12 < first_major)
            show_text (cr, layout, text, PX_TIMELINE_LABEL_WIDTH + 4, row1);
        }
    }

  cairo_restore (cr);

  set_color (cr, &p->grid_major, 1);
  cairo_rectangle (cr, 0, PX_TIMELINE_AXIS_HEIGHT - 1, paint->width, 1);
  cairo_fill (cr);
}

static void
draw_labels (cairo_t               *cr,
             const PxTimelinePaint *paint)
{
  const PxTimelinePalette *p = paint->palette;
  guint n_lanes = paint->model ? px_timeline_model_get_n_lanes (paint->model) : 0;
  g_autoptr(PangoFontDescription) desc = font_for (paint->pango, 1.0, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) layout = pango_layout_new (paint->pango);
  double glyph_x = PX_TIMELINE_LABEL_WIDTH - 14;

  cairo_save (cr);
  cairo_rectangle (cr, 0, PX_TIMELINE_AXIS_HEIGHT, PX_TIMELINE_LABEL_WIDTH,
                   MIN (paint->height, lane_top (paint, n_lanes)) - PX_TIMELINE_AXIS_HEIGHT);
  cairo_clip (cr);
  set_color (cr, &p->label_background, 1);
  cairo_paint (cr);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((PX_TIMELINE_LABEL_WIDTH - 40) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      double top = lane_top (paint, lane);
      const char *label;
      int h;

      if (top + PX_TIMELINE_LANE_HEIGHT < PX_TIMELINE_AXIS_HEIGHT || top > paint->height)
        continue;

      if (lane % 2 == 1)
        {
          set_color (cr, &p->lane_alt, 1);
          cairo_rectangle (cr, 0, top, PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_LANE_HEIGHT);
          cairo_fill (cr);
        }

      label = px_timeline_model_get_lane_label (paint->model, lane);
      pango_layout_set_text (layout, label ? label : _("Unknown source"), -1);
      pango_layout_get_size (layout, NULL, &h);
      set_color (cr, &p->text, 1);
      cairo_move_to (cr, 12, top + (PX_TIMELINE_LANE_HEIGHT - h / (double) PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);

      /* Which row holds which kind, by the same shapes as the marks. */
      cairo_save (cr);
      cairo_translate (cr, glyph_x, px_timeline_paint_row_y (paint, lane, PX_TIMELINE_PUBLISHED));
      cairo_scale (cr, 0.7, 0.7);
      point_path (cr, PX_TIMELINE_PUBLISHED, 0, 0);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_translate (cr, glyph_x, px_timeline_paint_row_y (paint, lane, PX_TIMELINE_EVENT));
      cairo_scale (cr, 0.7, 0.7);
      point_path (cr, PX_TIMELINE_EVENT, 0, 0);
      cairo_restore (cr);
      set_color (cr, &p->dim_text, 1);
      cairo_fill (cr);
    }

  cairo_restore (cr);

  /* The column's edge, and the line under each lane. */
  set_color (cr, &p->grid_major, 1);
  cairo_rectangle (cr, PX_TIMELINE_LABEL_WIDTH - 1, PX_TIMELINE_AXIS_HEIGHT, 1,
                   MIN (paint->height, lane_top (paint, n_lanes)) - PX_TIMELINE_AXIS_HEIGHT);
  cairo_fill (cr);
  set_color (cr, &p->grid, 1);
  for (guint lane = 1; lane <= n_lanes; lane++)
    {
      double y = lane_top (paint, lane);

      if (y > PX_TIMELINE_AXIS_HEIGHT && y < paint->height)
        cairo_rectangle (cr, 0, y - 1, paint->width, 1);
    }
  cairo_fill (cr);

  /* The corner above the labels. */
  set_color (cr, &p->axis_background, 1);
  cairo_rectangle (cr, 0, 0, PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_AXIS_HEIGHT - 1);
  cairo_fill (cr);
}

void
px_timeline_painter_draw (cairo_t               *cr,
                          const PxTimelinePaint *paint)
{
  g_autoptr(GArray) ticks = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (paint != NULL && paint->palette != NULL && paint->pango != NULL);

  if (paint->end > paint->start)
    ticks = px_time_axis_ticks (paint->start, paint->end,
                                px_timeline_paint_get_plot_width (paint), TICK_SPACING);
  if (ticks == NULL)
    ticks = g_array_new (FALSE, FALSE, sizeof (PxTimeTick));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, paint->width, paint->height);
  cairo_clip (cr);

  draw_lanes (cr, paint);
  draw_grid (cr, paint, ticks);
  draw_marks (cr, paint);
  draw_labels (cr, paint);
  draw_axis (cr, paint, ticks);

  cairo_restore (cr);
}

/* }}} */
/* Export {{{ */

typedef struct
{
  const char *label;
  PxTimelineShape shape;
  double width;
} LegendItem;

/* The legend draws a sample of each shape with draw_shape(), so that it
 * cannot drift from the marks. Returns its height; draws only when @cr
 * is not NULL. */
static double
draw_legend (cairo_t               *cr,
             const PxTimelinePaint *paint,
             PangoLayout           *layout,
             double                 top)
{
  const LegendItem items[] = {
    { N_("Publication"), { .kind = PX_TIMELINE_PUBLISHED, .count = 1 }, 0 },
    { N_("Event"), { .kind = PX_TIMELINE_EVENT, .count = 1 }, 0 },
    { N_("Month or year"), { .kind = PX_TIMELINE_EVENT, .count = 1, .flags = PX_TIMELINE_SHAPE_SPAN }, 36 },
    { N_("Interval"), { .kind = PX_TIMELINE_EVENT, .count = 1, .flags = PX_TIMELINE_SHAPE_SPAN,
                        .edtf_flags = PX_EDTF_INTERVAL }, 36 },
    { N_("Approximate or uncertain"), { .kind = PX_TIMELINE_EVENT, .count = 1,
                                        .flags = PX_TIMELINE_SHAPE_SPAN,
                                        .edtf_flags = PX_EDTF_APPROXIMATE }, 36 },
    { N_("Open end"), { .kind = PX_TIMELINE_EVENT, .count = 1, .flags = PX_TIMELINE_SHAPE_SPAN,
                        .edtf_flags = PX_EDTF_INTERVAL | PX_EDTF_OPEN_END }, 36 },
    { N_("Several marks, with their count"), { .kind = PX_TIMELINE_EVENT, .count = 12,
                                                .flags = PX_TIMELINE_SHAPE_CLUSTER }, 20 },
  };
  Digits digits;
  double x = EXPORT_MARGIN;
  double y = top + LEGEND_ROW / 2;

  if (cr != NULL)
    digits_init (&digits, paint->pango);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const char *label = _(items[i].label);
      double glyph_w = MAX (items[i].width, 2 * POINT_RADIUS);
      double w = glyph_w + 6 + text_width (layout, label) + 24;

      if (x > EXPORT_MARGIN && x + w > paint->width - EXPORT_MARGIN)
        {
          x = EXPORT_MARGIN;
          y += LEGEND_ROW;
        }

      if (cr != NULL)
        {
          int h;

          if (items[i].width > 0)
            draw_shape (cr, paint->palette, &digits, &items[i].shape, x, x + glyph_w, y,
                        -G_MAXDOUBLE, G_MAXDOUBLE);
          else
            draw_shape (cr, paint->palette, &digits, &items[i].shape,
                        x + POINT_RADIUS, x + POINT_RADIUS, y, -G_MAXDOUBLE, G_MAXDOUBLE);
          pango_layout_set_text (layout, label, -1);
          pango_layout_get_size (layout, NULL, &h);
          set_color (cr, &paint->palette->text, 1);
          cairo_move_to (cr, x + glyph_w + 6, y - h / (double) PANGO_SCALE / 2);
          pango_cairo_show_layout (cr, layout);
        }
      x += w;
    }

  if (cr != NULL)
    digits_clear (&digits);

  return y + LEGEND_ROW / 2 - top + EXPORT_MARGIN / 2;
}

/* The title, the period and the counts, above the timeline. */
static void
draw_title (cairo_t               *cr,
            const PxTimelinePaint *paint,
            PangoContext          *pango)
{
  g_autoptr(PangoFontDescription) title_font = font_for (pango, 1.4, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) text_font = font_for (pango, 1.0, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) layout = pango_layout_new (pango);
  g_autofree char *period = px_time_format_period (paint->start, paint->end);
  g_autofree char *line = NULL;
  guint n_lanes = px_timeline_model_get_n_lanes (paint->model);
  guint n_marks = px_timeline_model_get_n_marks (paint->model);
  g_autofree char *lanes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lane", "%u lanes", n_lanes),
                                            n_lanes);
  g_autofree char *marks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mark", "%u marks", n_marks),
                                            n_marks);

  /* TRANSLATORS: the period shown, the number of lanes, the number of marks */
  line = g_strdup_printf (_("%s · %s · %s"), period, lanes, marks);

  pango_layout_set_width (layout, (int) ((paint->width - 2 * EXPORT_MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_color (cr, &paint->palette->text, 1);
  pango_layout_set_font_description (layout, title_font);
  show_text (cr, layout, _("Timeline"), EXPORT_MARGIN, EXPORT_MARGIN - 4);
  pango_layout_set_font_description (layout, text_font);
  set_color (cr, &paint->palette->dim_text, 1);
  show_text (cr, layout, line, EXPORT_MARGIN, EXPORT_MARGIN + 22);
}

typedef struct
{
  GOutputStream *stream;
  GByteArray    *buffer;   /* SVG goes here first, to be given a title */
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *data,
          const unsigned char *bytes,
          unsigned int         length)
{
  WriteClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (closure->buffer != NULL)
    {
      g_byte_array_append (closure->buffer, bytes, length);
      return CAIRO_STATUS_SUCCESS;
    }
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* cairo's SVG has glyph outlines, not text: a <title> and a <desc> give
 * search, screen readers and people reading the file the words. */
static GBytes *
svg_with_title (GByteArray            *svg,
                const PxTimelinePaint *paint)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *period = px_time_format_period (paint->start, paint->end);
  g_autofree char *title = NULL;
  g_autofree char *head = NULL;
  guint n_lanes = px_timeline_model_get_n_lanes (paint->model);
  const char *tag;
  const char *end = NULL;

  /* TRANSLATORS: the title of an exported timeline; %s is its period */
  title = g_strdup_printf (_("Timeline, %s"), period);
  g_string_append_printf (text, "\n<title>%s</title>\n<desc>", title);
  g_string_append (text, _("Lanes:"));
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const char *label = px_timeline_model_get_lane_label (paint->model, lane);
      g_autofree char *escaped = g_markup_escape_text (label ? label : _("Unknown source"), -1);

      g_string_append_printf (text, "%s%s", lane ? ", " : " ", escaped);
    }
  g_string_append (text, ". ");
  g_string_append (text, _("Diamonds are publication dates, circles are dates of events; bands "
                           "cover a month or a year, bars are intervals, faded ends are approximate "
                           "or open, pills count several marks."));
  g_string_append (text, "</desc>");

  tag = g_strstr_len ((const char *) svg->data, svg->len, "<svg");
  if (tag != NULL)
    end = memchr (tag, '>', svg->len - (tag - (const char *) svg->data));
  if (end == NULL)
    return g_byte_array_free_to_bytes (g_byte_array_ref (svg));

  {
    gsize at = end + 1 - (const char *) svg->data;
    GByteArray *out = g_byte_array_sized_new (svg->len + text->len);

    g_byte_array_append (out, svg->data, at);
    g_byte_array_append (out, (const guint8 *) text->str, text->len);
    g_byte_array_append (out, svg->data + at, svg->len - at);
    return g_byte_array_free_to_bytes (out);
  }
}

static gboolean
export_error (GError **error,
              GFile   *file,
              GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, cause ? cause->domain : G_IO_ERROR, cause ? cause->code : G_IO_ERROR_FAILED,
               _("Could not export the timeline to “%s”: %s"), name,
               cause ? cause->message : _("drawing failed"));
  return FALSE;
}

gboolean
px_timeline_painter_export (PxTimelineModel  *model,
                            double            start,
                            double            end,
                            int               width,
                            PxTimelineFormat  format,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) pango_owner = NULL;
  PangoContext *pango;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(PangoFontDescription) legend_font = NULL;
  g_autoptr(PangoLayout) legend_layout = NULL;
  g_autoptr(GArray) shapes = NULL;
  g_autoptr(GByteArray) svg = NULL;
  PxTimelinePalette palette;
  PxTimelinePaint paint = { 0 };
  WriteClosure closure = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  double timeline_height;
  double legend_height;
  double height;
  cairo_t *cr;

  g_return_val_if_fail (PX_IS_TIMELINE_MODEL (model), FALSE);
  g_return_val_if_fail (end > start, FALSE);
  g_return_val_if_fail (width > PX_TIMELINE_LABEL_WIDTH, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  px_timeline_palette_init (&palette, PX_TIMELINE_PALETTE_PAPER);

  /* Text at the screen's 96 dpi in every format, so that a file has the
   * widget's proportions: a PDF point is a pixel here. */
  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_owner = G_OBJECT (pango);
  pango_cairo_context_set_resolution (pango, 96);
  pango_context_set_font_description (pango, font);

  timeline_height = PX_TIMELINE_AXIS_HEIGHT
                    + px_timeline_model_get_n_lanes (model) * PX_TIMELINE_LANE_HEIGHT;
  paint.model = model;
  paint.start = start;
  paint.end = end;
  paint.width = width;
  paint.height = timeline_height;
  paint.palette = &palette;
  paint.pango = pango;
  shapes = px_timeline_model_layout (model, start, end, px_timeline_paint_get_plot_width (&paint),
                                     PX_TIMELINE_MARK_SIZE);
  paint.shapes = shapes;

  legend_font = font_for (pango, 0.9, PANGO_WEIGHT_NORMAL);
  legend_layout = pango_layout_new (pango);
  pango_layout_set_font_description (legend_layout, legend_font);
  legend_height = draw_legend (NULL, &paint, legend_layout, 0);
  height = ceil (TITLE_HEIGHT + timeline_height + legend_height);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           &local_error);
  if (stream == NULL)
    return export_error (error, file, local_error);
  closure.stream = G_OUTPUT_STREAM (stream);

  switch (format)
    {
    case PX_TIMELINE_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, (int) height);
      break;
    case PX_TIMELINE_FORMAT_SVG:
      svg = g_byte_array_new ();
      closure.buffer = svg;
      surface = cairo_svg_surface_create_for_stream (write_cb, &closure, width, height);
      break;
    case PX_TIMELINE_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Timeline"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Parallax");
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  set_color (cr, &palette.background, 1);
  cairo_paint (cr);
  draw_title (cr, &paint, pango);
  cairo_save (cr);
  cairo_translate (cr, 0, TITLE_HEIGHT);
  px_timeline_painter_draw (cr, &paint);
  cairo_restore (cr);
  draw_legend (cr, &paint, legend_layout, TITLE_HEIGHT + timeline_height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  /* An image is written out whole; the vector surfaces write as they
   * finish. */
  if (status == CAIRO_STATUS_SUCCESS && format == PX_TIMELINE_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, &closure);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && svg != NULL)
    {
      g_autoptr(GBytes) bytes = svg_with_title (svg, &paint);
      gsize size;
      gconstpointer data = g_bytes_get_data (bytes, &size);

      if (!g_output_stream_write_all (closure.stream, data, size, NULL, NULL, &closure.error))
        status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS || closure.error != NULL)
    {
      g_autoptr(GError) cause = closure.error;

      if (cause == NULL)
        cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      /* Closing a cancelled replace leaves whatever was there before. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (closure.stream, cancellable, NULL);
      return export_error (error, file, cause);
    }

  if (!g_output_stream_close (closure.stream, NULL, &local_error))
    return export_error (error, file, local_error);

  return TRUE;
}

/* }}} */
