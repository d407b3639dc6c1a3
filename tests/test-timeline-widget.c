/* test-timeline-widget.c: the timeline widget and its export, under a real display
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "px-core.h"
#include "px-test-display.h"
#include "px-timeline.h"
#include "px-timeline-painter.h"

#define TIMEOUT_SECONDS 30
#define WIDTH  860
#define HEIGHT 400

/* Helpers {{{ */

static double
day (int y,
     int m,
     int d)
{
  return px_time_from_ymd (y, m, d);
}

static PxTimelineEntry *
entry_new (const char     *value,
           PxTimelineKind  kind,
           const char     *outlet,
           const char     *text,
           const char     *sentence)
{
  PxTimelineEntry *entry = g_new0 (PxTimelineEntry, 1);

  entry->value = g_strdup (value);
  entry->kind = kind;
  entry->outlet = g_strdup (outlet);
  entry->text = g_strdup (text);
  entry->sentence = g_strdup (sentence);
  entry->path = g_strdup_printf ("/archive/%s.txt", outlet);
  entry->document_id = g_strdup ("0123");
  entry->title = g_strdup ("A report");
  return entry;
}

/* Two outlets, each with a publication and dated events, in 2000. */
static PxTimelineModel *
make_model (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) px_timeline_entry_free);

  g_ptr_array_add (entries, entry_new ("2000-06-15", PX_TIMELINE_PUBLISHED, "Alpha Gazette",
                                       "15 June 2000", NULL));
  g_ptr_array_add (entries, entry_new ("2000-03-10", PX_TIMELINE_EVENT, "Alpha Gazette",
                                       "on 10 March", "The bridge closed on 10 March after the flood."));
  g_ptr_array_add (entries, entry_new ("2000-09-20", PX_TIMELINE_EVENT, "Alpha Gazette",
                                       "20 September", "Repairs ended on 20 September."));
  g_ptr_array_add (entries, entry_new ("2000-07-01", PX_TIMELINE_PUBLISHED, "Beta Courier",
                                       "1 July 2000", NULL));
  g_ptr_array_add (entries, entry_new ("2000-03-11", PX_TIMELINE_EVENT, "Beta Courier",
                                       "the next day", "The bridge was shut the next day, officials said."));
  g_ptr_array_add (entries, entry_new ("2000-05", PX_TIMELINE_EVENT, "Beta Courier",
                                       "in May", "Work started in May."));

  return px_timeline_model_new_for_entries (entries, PX_TIMELINE_LANE_BY_OUTLET, NULL);
}

typedef struct
{
  GtkWidget       *window;
  PxTimeline      *timeline;
  PxTimelineModel *model;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->model = make_model ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, HEIGHT);
  f->timeline = PX_TIMELINE (px_timeline_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  px_timeline_set_model (f->timeline, f->model);
  px_time_range_set (px_timeline_get_range (f->timeline), day (2000, 1, 1), day (2001, 1, 1));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (f->timeline), TIMEOUT_SECONDS));
  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->model);
}

/* The paint geometry the widget uses now. */
static void
widget_paint (Fixture         *f,
              PxTimelinePaint *paint)
{
  PxTimeRange *range = px_timeline_get_range (f->timeline);

  memset (paint, 0, sizeof *paint);
  paint->model = f->model;
  paint->start = px_time_range_get_start (range);
  paint->end = px_time_range_get_end (range);
  paint->width = gtk_widget_get_width (GTK_WIDGET (f->timeline));
  paint->height = gtk_widget_get_height (GTK_WIDGET (f->timeline));
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The widget's own snapshot rendered by a cairo renderer: the pixels,
 * ARGB32 in native order. */
static guint32 *
render_widget (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderNode) node = snapshot_widget (widget);
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gsk_renderer_unrealize (renderer);

  pixels = g_new (guint32, *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, *width * 4);
  return pixels;
}

static void
assert_pixel (const guint32 *pixels,
              int            stride,
              double         x,
              double         y,
              const GdkRGBA *expected)
{
  guint32 p = pixels[(int) y * stride + (int) x];
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
  int er = (int) (expected->red * 255 + 0.5);
  int eg = (int) (expected->green * 255 + 0.5);
  int eb = (int) (expected->blue * 255 + 0.5);

  if (ABS (r - er) > 3 || ABS (g - eg) > 3 || ABS (b - eb) > 3)
    g_error ("pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x",
             (int) x, (int) y, r, g, b, er, eg, eb);
}

/* The accessible description. GTK 4.8 has no getter: the test AT
 * context's check returns the actual value when it differs from the
 * expected one, so asking for a value it cannot have gives it back. */
static char *
get_description (PxTimeline *timeline)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (timeline),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "\x01");

  g_assert_nonnull (value);
  return value;
}

static PxTimelineShape
focused (PxTimeline *timeline)
{
  PxTimelineShape shape;

  g_assert_true (px_timeline_get_focused_shape (timeline, &shape));
  return shape;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

/* A press, an optional move and a release, through the widget's own drag
 * gesture handlers (GTK 4.8 cannot synthesise pointer events). */
static void
drag (PxTimeline *timeline,
      double      x,
      double      y,
      double      dx,
      double      dy)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  if (dx != 0 || dy != 0)
    g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

/* }}} */
/* Tests {{{ */

static void
test_pixels (Fixture       *f,
             gconstpointer  data)
{
  PxTimelinePalette palette;
  PxTimelinePaint paint;
  g_autofree guint32 *pixels = NULL;
  double plot;
  double x;
  int width, height;

  px_timeline_palette_init (&palette, PX_TIMELINE_PALETTE_LIGHT);
  widget_paint (f, &paint);
  plot = px_timeline_paint_get_plot_width (&paint);
  g_assert_cmpfloat (plot, >, 400);
  pixels = render_widget (GTK_WIDGET (f->timeline), &width, &height);

  /* Alpha Gazette is the first lane: its publication of 15 June is a
   * diamond in the upper row, drawn at the middle of the day. */
  x = PX_TIMELINE_LABEL_WIDTH + px_time_to_x (day (2000, 6, 15) + 43200, paint.start, paint.end, plot);
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_PUBLISHED),
                &palette.published);
  /* Nothing below it in the event row on that day. */
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_EVENT),
                &palette.background);

  /* Its event of 10 March is a circle in the lower row. */
  x = PX_TIMELINE_LABEL_WIDTH + px_time_to_x (day (2000, 3, 10) + 43200, paint.start, paint.end, plot);
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_EVENT),
                &palette.event);
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_PUBLISHED),
                &palette.background);

  /* Elsewhere in the first lane: background. */
  x = PX_TIMELINE_LABEL_WIDTH + px_time_to_x (day (2000, 11, 16), paint.start, paint.end, plot);
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_PUBLISHED),
                &palette.background);
  assert_pixel (pixels, width, x, px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_EVENT),
                &palette.background);

  /* Beta Courier's "2000-05" is a month wide: a band over May, so the
   * middle of May is filled (translucent) and not background. */
  x = PX_TIMELINE_LABEL_WIDTH + px_time_to_x (day (2000, 5, 16), paint.start, paint.end, plot);
  {
    guint32 p = pixels[(int) px_timeline_paint_row_y (&paint, 1, PX_TIMELINE_EVENT) * width + (int) x];

    g_assert_cmpint (p & 0xff, >, ((p >> 16) & 0xff) + 40);   /* bluish */
  }

  if (g_getenv ("PX_TEST_SAVE_PNG"))
    {
      g_autoptr(GBytes) bytes = g_bytes_new (pixels, width * height * 4);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT,
                                                              bytes, width * 4);

      gdk_texture_save_to_png (texture, g_getenv ("PX_TEST_SAVE_PNG"));
    }
}

/* The cairo node of the static layer. GtkSnapshot returns a lone node
 * bare and several in a container, and whether hover, focus or selection
 * overlays are drawn depends on the window's focus under Xvfb: look
 * through containers rather than assume one shape of tree. */
static GskRenderNode *
find_cairo_node (GskRenderNode *node)
{
  if (gsk_render_node_get_node_type (node) == GSK_CAIRO_NODE)
    return node;
  if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      {
        GskRenderNode *found = find_cairo_node (gsk_container_node_get_child (node, i));

        if (found != NULL)
          return found;
      }

  return NULL;
}

/* The static layer is one node, reused until the range changes. */
static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GskRenderNode) a = snapshot_widget (GTK_WIDGET (f->timeline));
  g_autoptr(GskRenderNode) b = snapshot_widget (GTK_WIDGET (f->timeline));
  g_autoptr(GskRenderNode) c = NULL;
  PxTimeRange *range = px_timeline_get_range (f->timeline);

  g_assert_nonnull (find_cairo_node (a));
  g_assert_true (find_cairo_node (a) == find_cairo_node (b));

  px_time_range_pan (range, 0.01);
  c = snapshot_widget (GTK_WIDGET (f->timeline));
  g_assert_nonnull (find_cairo_node (c));
  g_assert_true (find_cairo_node (a) != find_cairo_node (c));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  PxTimelineShape shape;
  char *description;

  /* The focus of its window: whether that window is the active one is up
   * to the X server, which other tests running at the same time share. */
  g_assert_true (gtk_widget_is_focus (widget));
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_FIRST);
  shape = focused (f->timeline);
  g_assert_cmpint (shape.lane, ==, 0);
  g_assert_cmpint (shape.kind, ==, PX_TIMELINE_PUBLISHED);
  g_assert_cmpfloat (shape.start, ==, day (2000, 6, 15));
  description = get_description (f->timeline);
  g_assert_nonnull (strstr (description, "Publication"));
  g_assert_nonnull (strstr (description, "Alpha Gazette"));
  g_assert_nonnull (strstr (description, "2000"));
  g_free (description);

  /* Down: the events of the same lane, the one nearest in time. */
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_DOWN);
  shape = focused (f->timeline);
  g_assert_cmpint (shape.lane, ==, 0);
  g_assert_cmpint (shape.kind, ==, PX_TIMELINE_EVENT);
  description = get_description (f->timeline);
  g_assert_nonnull (strstr (description, "Event"));
  g_free (description);

  /* Home, then Right: from 10 March to 20 September. */
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_FIRST);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 3, 10));
  description = get_description (f->timeline);
  g_assert_nonnull (strstr (description, "The bridge closed on 10 March after the flood."));
  g_free (description);
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_NEXT);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 9, 20));
  description = get_description (f->timeline);
  g_assert_nonnull (strstr (description, "Repairs ended on 20 September."));
  g_free (description);

  /* Left goes back; End goes to the last. */
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_PREVIOUS);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 3, 10));
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_LAST);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 9, 20));

  /* Down again: the second lane. */
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_DOWN);
  shape = focused (f->timeline);
  g_assert_cmpint (shape.lane, ==, 1);
  description = get_description (f->timeline);
  g_assert_nonnull (strstr (description, "Beta Courier"));
  g_free (description);
}

/* Moving past the edge of the screen pans to the next mark. */
static void
test_keyboard_beyond (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  PxTimeRange *range = px_timeline_get_range (f->timeline);

  px_time_range_set (range, day (2000, 3, 1), day (2000, 4, 1));
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_FIRST);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 3, 10));
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_NEXT);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 9, 20));
  g_assert_cmpfloat (px_time_range_get_start (range), <, day (2000, 9, 20));
  g_assert_cmpfloat (px_time_range_get_end (range), >, day (2000, 9, 21));
  /* And back. */
  gtk_widget_activate_action (widget, "timeline.move", "i", PX_TIMELINE_MOVE_PREVIOUS);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 3, 10));
  g_assert_cmpfloat (px_time_range_get_start (range), <, day (2000, 3, 10));
}

typedef struct
{
  guint   calls;
  guint32 mark;
  guint   count;
  double  start;
  double  end;
} Selected;

static void
mark_selected_cb (PxTimeline *timeline,
                  guint       mark,
                  guint       count,
                  double      start,
                  double      end,
                  Selected   *selected)
{
  selected->calls++;
  selected->mark = mark;
  selected->count = count;
  selected->start = start;
  selected->end = end;
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  PxTimelinePaint paint;
  Selected selected = { 0 };
  const PxTimelineEntry *entry;
  double x, y;

  g_signal_connect (f->timeline, "mark-selected", G_CALLBACK (mark_selected_cb), &selected);
  widget_paint (f, &paint);

  /* Beta Courier's event of 11 March. */
  x = px_timeline_paint_time_to_x (&paint, day (2000, 3, 11) + 43200);
  y = px_timeline_paint_row_y (&paint, 1, PX_TIMELINE_EVENT);
  drag (f->timeline, x + 2, y - 1, 0, 0);
  g_assert_cmpuint (selected.calls, ==, 1);
  g_assert_cmpuint (selected.count, ==, 1);
  g_assert_cmpfloat (selected.start, ==, day (2000, 3, 11));
  entry = px_timeline_model_get_entry (f->model, selected.mark);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->value, ==, "2000-03-11");
  g_assert_cmpstr (entry->outlet, ==, "Beta Courier");
  /* The click also moved the keyboard focus there. */
  g_assert_cmpuint (focused (f->timeline).mark, ==, selected.mark);

  /* The same place in the other row, or an empty place, selects nothing. */
  drag (f->timeline, x, px_timeline_paint_row_y (&paint, 1, PX_TIMELINE_PUBLISHED), 0, 0);
  drag (f->timeline, px_timeline_paint_time_to_x (&paint, day (2000, 12, 1)), y, 0, 0);
  g_assert_cmpuint (selected.calls, ==, 1);

  /* Enter on the focused mark selects it again. */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.activate", NULL);
  g_assert_cmpuint (selected.calls, ==, 2);
  g_assert_cmpfloat (selected.start, ==, day (2000, 3, 11));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_axis_selection (Fixture       *f,
                     gconstpointer  data)
{
  PxTimelinePaint paint;
  guint changed = 0;
  double start, end;
  double x0, x1;
  gboolean has;

  g_signal_connect (f->timeline, "selection-changed", G_CALLBACK (count_cb), &changed);
  widget_paint (f, &paint);
  x0 = px_timeline_paint_time_to_x (&paint, day (2000, 3, 1));
  x1 = px_timeline_paint_time_to_x (&paint, day (2000, 5, 1));

  g_assert_false (px_timeline_get_selection (f->timeline, NULL, NULL));
  drag (f->timeline, x0, PX_TIMELINE_AXIS_HEIGHT / 2, x1 - x0, 3);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_true (px_timeline_get_selection (f->timeline, &start, &end));
  g_object_get (f->timeline, "has-selection", &has, NULL);
  g_assert_true (has);
  /* Within a pixel's time of the dragged span. */
  g_assert_cmpfloat (fabs (start - day (2000, 3, 1)), <, 2 * (paint.end - paint.start) / px_timeline_paint_get_plot_width (&paint));
  g_assert_cmpfloat (fabs (end - day (2000, 5, 1)), <, 2 * (paint.end - paint.start) / px_timeline_paint_get_plot_width (&paint));
  /* The range did not move: the axis selects, it does not pan. */
  g_assert_cmpfloat (px_time_range_get_start (px_timeline_get_range (f->timeline)), ==, paint.start);

  /* Ctrl+0 fits the selection. */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.fit", NULL);
  g_assert_cmpfloat (fabs (px_time_range_get_start (px_timeline_get_range (f->timeline)) - start), <, 86400);
  g_assert_cmpfloat (fabs (px_time_range_get_end (px_timeline_get_range (f->timeline)) - end), <, 86400);

  /* Escape clears it. */
  changed = 0;
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.escape", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (px_timeline_get_selection (f->timeline, NULL, NULL));

  /* So does a click on the axis. */
  px_timeline_set_selection (f->timeline, day (2000, 3, 1), day (2000, 4, 1));
  g_assert_true (px_timeline_get_selection (f->timeline, NULL, NULL));
  drag (f->timeline, x0 + 10, PX_TIMELINE_AXIS_HEIGHT / 2, 0, 0);
  g_assert_false (px_timeline_get_selection (f->timeline, NULL, NULL));
}

/* Dragging the lanes pans: the time under the pointer stays under it. */
static void
test_pan (Fixture       *f,
          gconstpointer  data)
{
  PxTimeRange *range = px_timeline_get_range (f->timeline);
  PxTimelinePaint paint;
  double before;

  widget_paint (f, &paint);
  before = px_timeline_paint_x_to_time (&paint, 500);
  drag (f->timeline, 500, PX_TIMELINE_AXIS_HEIGHT + 30, -120, 0);
  widget_paint (f, &paint);
  g_assert_cmpfloat (fabs (px_timeline_paint_x_to_time (&paint, 380) - before), <, 60);

  before = px_time_range_get_start (range);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.pan", "d", 0.1);
  g_assert_cmpfloat (px_time_range_get_start (range), >, before);
}

/* Zooming with the keyboard keeps the focused mark where it is. */
static void
test_zoom_anchor (Fixture       *f,
                  gconstpointer  data)
{
  PxTimeRange *range = px_timeline_get_range (f->timeline);
  PxTimelinePaint paint;
  double span = px_time_range_get_span (range);
  double anchor = day (2000, 3, 10) + 43200;
  double x;

  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move", "i", PX_TIMELINE_MOVE_FIRST);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move", "i", PX_TIMELINE_MOVE_DOWN);
  g_assert_cmpfloat (focused (f->timeline).start, ==, day (2000, 3, 10));

  widget_paint (f, &paint);
  x = px_timeline_paint_time_to_x (&paint, anchor);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (px_time_range_get_span (range), <, span * 0.9);
  widget_paint (f, &paint);
  g_assert_cmpfloat (fabs (px_timeline_paint_time_to_x (&paint, anchor) - x), <, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-out", NULL);
  g_assert_cmpfloat (fabs (px_time_range_get_span (range) - span), <, span * 0.01);
  widget_paint (f, &paint);
  g_assert_cmpfloat (fabs (px_timeline_paint_time_to_x (&paint, anchor) - x), <, 1);

  /* Fit all (nothing selected): every mark is in view. */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.fit-all", NULL);
  g_assert_cmpfloat (px_time_range_get_start (range), <=, day (2000, 3, 10));
  g_assert_cmpfloat (px_time_range_get_end (range), >=, day (2000, 9, 21));
}

static void
test_focus_mark (Fixture       *f,
                 gconstpointer  data)
{
  PxTimeRange *range = px_timeline_get_range (f->timeline);
  guint32 mark;

  /* Entry 4 is Beta Courier's 11 March; start far away. */
  g_assert_true (px_timeline_model_find_entry_mark (f->model, 4, &mark));
  px_time_range_set (range, day (1990, 1, 1), day (1991, 1, 1));
  g_assert_true (px_timeline_focus_mark (f->timeline, mark));
  g_assert_cmpuint (focused (f->timeline).mark, ==, mark);
  g_assert_cmpuint (focused (f->timeline).count, ==, 1);
  g_assert_cmpfloat (px_time_range_get_start (range), <, day (2000, 3, 11));
  g_assert_cmpfloat (px_time_range_get_end (range), >, day (2000, 3, 12));
}

static void
test_tooltip_text (Fixture       *f,
                   gconstpointer  data)
{
  PxTimelinePaint paint;
  gboolean shown;
  g_autoptr(GtkTooltip) tooltip = NULL;
  double x, y;

  /* A GtkTooltip cannot be made outside GTK; query-tooltip is checked
   * for whether it answers over a mark and not elsewhere. */
  widget_paint (f, &paint);
  x = px_timeline_paint_time_to_x (&paint, day (2000, 9, 20) + 43200);
  y = px_timeline_paint_row_y (&paint, 0, PX_TIMELINE_EVENT);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (f->timeline, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_signal_emit_by_name (f->timeline, "query-tooltip", (int) x, (int) y + 60, FALSE, tooltip, &shown);
  g_assert_false (shown);
}

/* Export {{{ */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
collect_text (xmlNode  *node,
              GString  *text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE && node->content != NULL)
        g_string_append (text, (const char *) node->content);
      collect_text (node->children, text);
    }
}

static void
test_export (void)
{
  g_autoptr(PxTimelineModel) model = make_model ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-test-timeline-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "timeline.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "timeline.pdf", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  double start = day (2000, 1, 1), end = day (2001, 1, 1);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);

  /* PNG: the signature, and the width asked for in the header. */
  px_timeline_painter_export (model, start, end, 900, PX_TIMELINE_FORMAT_PNG, png_file, &error);
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (((guint8) contents[16] << 24) | ((guint8) contents[17] << 16)
                    | ((guint8) contents[18] << 8) | (guint8) contents[19], ==, 900);
  if (g_getenv ("PX_TEST_SAVE_PNG"))
    {
      g_autofree char *copy = g_strconcat (g_getenv ("PX_TEST_SAVE_PNG"), ".export.png", NULL);

      g_file_set_contents (copy, contents, length, NULL);
    }
  g_clear_pointer (&contents, g_free);

  /* SVG: well-formed XML whose text names the lanes. */
  px_timeline_painter_export (model, start, end, 900, PX_TIMELINE_FORMAT_SVG, svg_file, &error);
  g_assert_no_error (error);
  {
    xmlDoc *doc = xmlReadFile (svg, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    g_autoptr(GString) text = g_string_new (NULL);
    xmlNode *root;

    g_assert_nonnull (doc);
    root = xmlDocGetRootElement (doc);
    g_assert_cmpstr ((const char *) root->name, ==, "svg");
    g_assert_cmpstr ((const char *) xmlGetProp (root, (const xmlChar *) "width") ?: "", !=, "");
    collect_text (root, text);
    g_assert_nonnull (strstr (text->str, "Alpha Gazette"));
    g_assert_nonnull (strstr (text->str, "Beta Courier"));
    xmlFreeDoc (doc);
  }

  /* PDF: the header and exactly one page. */
  px_timeline_painter_export (model, start, end, 900, PX_TIMELINE_FORMAT_PDF, pdf_file, &error);
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    guint pages = 0;

    /* Binary streams hold NULs: memmem, not a string search. */
    for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)); p++)
      if (p[11] != 's')
        pages++;
    g_assert_cmpuint (pages, ==, 1);
  }

  /* A failure names the file and leaves the old one as it was. */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "timeline.svg", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    g_assert_false (px_timeline_painter_export (model, start, end, 900, PX_TIMELINE_FORMAT_SVG,
                                                missing_file, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "timeline.svg"));
    g_clear_error (&error);
  }

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
}

/* }}} */
/* }}} */

int
main (int   argc,
      char *argv[])
{
  px_test_display_init ();
  g_test_init (&argc, &argv, NULL);
  /* The test AT context keeps accessible properties where the test can
   * read them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/Px/TimelineWidget/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("pixels", test_pixels);
  ADD ("cache", test_cache);
  ADD ("keyboard", test_keyboard);
  ADD ("keyboard-beyond-screen", test_keyboard_beyond);
  ADD ("click", test_click);
  ADD ("axis-selection", test_axis_selection);
  ADD ("pan", test_pan);
  ADD ("zoom-anchor", test_zoom_anchor);
  ADD ("focus-mark", test_focus_mark);
  ADD ("tooltip", test_tooltip_text);
  g_test_add_func ("/Px/TimelineWidget/export", test_export);

  return g_test_run ();
}
