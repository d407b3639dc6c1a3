/* px-bench-timeline.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timeline benchmark: builds a PxTimelineModel of N marks over 12 lanes
 * and about 40 years (mostly days, some months and years, intervals,
 * approximate dates, both kinds), shows it in a PxTimeline 1200x600, and
 * times frames at "fit all", one year, one month and one day:
 *
 *   snapshot  the widget's snapshot vfunc into a GtkSnapshot, with the
 *             cached static layer invalidated every frame by nudging the
 *             range (the worst case: a pan or zoom on every frame), so it
 *             includes the layout (culling, clustering) and the drawing;
 *   render    that node rendered into a texture by a cairo GskRenderer;
 *   frame     the two together: the figure against the targets, 8 ms at
 *             100,000 marks and 16 ms at 1,000,000.
 *
 * Also a cached frame (no nudge: the node is reused) for comparison.
 * Run it under `xvfb-run -a env GSK_RENDERER=cairo`.
 *
 * Usage: px-bench-timeline [--count N] [--frames F] [--seed S] [--png DIR]
 * Without --count, runs N = 10000, 100000 and 1000000.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "px-core.h"
#include "px-timeline.h"
#include "px-timeline-painter.h"
#include "px-test-display.h"

#ifndef PX_BENCH_BUILDTYPE
#define PX_BENCH_BUILDTYPE "unknown"
#endif

#define WIDTH   1200
#define HEIGHT  600
#define N_LANES 12
#define DAY     86400.0

static const char * const lane_names[N_LANES] = {
  "Northern Ledger", "Harbour Times", "Valley Post", "The Morning Wire", "Capital Review",
  "Coastal Herald", "Daily Meridian", "Plains Observer", "Metro Dispatch", "Island Chronicle",
  "Embassy press office", "Frontier Gazette",
};

/* Statistics {{{ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static double
worst (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len - 1) : 0;
}

/* }}} */
/* The model {{{ */

static void
random_date (GRand *rand,
             int   *y,
             int   *m,
             int   *d)
{
  /* 1985 to 2024, more recent years more often, as archives are. */
  double u = g_rand_double (rand);

  *y = 1985 + (int) (40 * sqrt (u));
  *m = g_rand_int_range (rand, 1, 13);
  *d = g_rand_int_range (rand, 1, 29);
}

static PxTimelineModel *
build_model (guint  count,
             guint  seed,
             double *seconds)
{
  PxTimelineModel *model = px_timeline_model_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  gint64 t0 = g_get_monotonic_time ();
  char edtf[64];

  for (guint i = 0; i < N_LANES; i++)
    px_timeline_model_add_lane (model, lane_names[i]);

  for (guint i = 0; i < count; i++)
    {
      /* Lanes are uneven: a few outlets write most of the reports. */
      guint lane = (guint) (N_LANES * pow (g_rand_double (rand), 1.6));
      PxTimelineKind kind = g_rand_double (rand) < 0.4 ? PX_TIMELINE_PUBLISHED : PX_TIMELINE_EVENT;
      double r = g_rand_double (rand);
      int y, m, d;

      random_date (rand, &y, &m, &d);
      if (kind == PX_TIMELINE_PUBLISHED || r < 0.70)
        g_snprintf (edtf, sizeof edtf, "%04d-%02d-%02d", y, m, d);          /* a day */
      else if (r < 0.82)
        g_snprintf (edtf, sizeof edtf, "%04d-%02d", y, m);                  /* a month */
      else if (r < 0.87)
        g_snprintf (edtf, sizeof edtf, "%04d", y);                          /* a year */
      else if (r < 0.93)
        {
          int length = g_rand_int_range (rand, 1, 20);                     /* an interval */
          int d2 = MIN (28, d + length);

          g_snprintf (edtf, sizeof edtf, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y, m, d2);
        }
      else if (r < 0.97)
        g_snprintf (edtf, sizeof edtf, "%04d-%02d~", y, m);                 /* approximate */
      else if (r < 0.99)
        g_snprintf (edtf, sizeof edtf, "%04d-%02d-%02d?", y, m, d);         /* uncertain */
      else
        g_snprintf (edtf, sizeof edtf, "%04d-%02d/..", y, m);               /* open end */

      if (!px_timeline_model_add_mark (model, lane, kind, edtf, i))
        g_error ("the generator made a date the model refuses: %s", edtf);
    }

  /* The first layout builds the model's index: count it here, not in
   * the first frame. */
  {
    double start, end;
    g_autoptr(GArray) shapes = NULL;

    px_timeline_model_get_bounds (model, &start, &end);
    shapes = px_timeline_model_layout (model, start, end, WIDTH - PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_MARK_SIZE);
  }

  *seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_rand_free (rand);
  return model;
}

/* }}} */
/* Frames {{{ */

typedef struct
{
  double snapshot_median;
  double render_median;
  double frame_median;
  double frame_worst;
  double cached_median;
  guint  shapes;
} Figures;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static guint
count_nodes_shapes (PxTimelineModel *model,
                    PxTimeRange     *range)
{
  g_autoptr(GArray) shapes = px_timeline_model_layout (model,
                                                       px_time_range_get_start (range),
                                                       px_time_range_get_end (range),
                                                       WIDTH - PX_TIMELINE_LABEL_WIDTH, PX_TIMELINE_MARK_SIZE);

  return shapes->len;
}

static void
measure (GtkWidget       *widget,
         GskRenderer     *renderer,
         PxTimelineModel *model,
         guint            frames,
         const char      *png,
         Figures         *figures)
{
  PxTimeRange *range = px_timeline_get_range (PX_TIMELINE (widget));
  double start = px_time_range_get_start (range);
  double end = px_time_range_get_end (range);
  g_autoptr(GArray) snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cached_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT);

  for (guint i = 0; i < frames + 3; i++)
    {
      /* A shift of a millionth of the span: too small to see, enough to
       * invalidate the cached node and the layout. */
      double nudge = (i % 2) * (end - start) * 1e-6;
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      GdkTexture *texture;
      double t0, t1, t2;

      px_time_range_set (range, start + nudge, end + nudge);

      t0 = now_ms ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      t1 = now_ms ();
      texture = gsk_renderer_render_texture (renderer, node, &viewport);
      t2 = now_ms ();

      if (png != NULL && i == frames + 2)
        gdk_texture_save_to_png (texture, png);
      g_object_unref (texture);
      gsk_render_node_unref (node);

      if (i < 3)
        continue;   /* warm-up: fonts, glyph caches */
      g_array_append_val (snapshot_ms, (double) { t1 - t0 });
      g_array_append_val (render_ms, (double) { t2 - t1 });
      g_array_append_val (frame_ms, (double) { t2 - t0 });
    }

  /* The common case between pans: nothing changed, the node is reused. */
  for (guint i = 0; i < frames; i++)
    {
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      double t0;

      t0 = now_ms ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_array_append_val (cached_ms, (double) { now_ms () - t0 });
      gsk_render_node_unref (node);
    }

  figures->snapshot_median = median (snapshot_ms);
  figures->render_median = median (render_ms);
  figures->frame_median = median (frame_ms);
  figures->frame_worst = worst (frame_ms);
  figures->cached_median = median (cached_ms);
  figures->shapes = count_nodes_shapes (model, range);
}

static void
run (guint       count,
     guint       frames,
     guint       seed,
     const char *png_dir)
{
  static const struct {
    const char *name;
    double      span;   /* 0: fit all */
  } zooms[] = {
    { "fit all", 0 },
    { "1 year", 365.25 * DAY },
    { "1 month", 30.44 * DAY },
    { "1 day", DAY },
  };
  g_autoptr(PxTimelineModel) model = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *timeline;
  PxTimeRange *range;
  double build_seconds;
  double lo, hi;

  model = build_model (count, seed, &build_seconds);
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("cairo renderer: %s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  timeline = px_timeline_new ();
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  px_timeline_set_model (PX_TIMELINE (timeline), model);
  gtk_window_present (GTK_WINDOW (window));
  if (!px_test_wait_for_draw (timeline, 30))
    g_error ("the timeline was never shown: is there a display (xvfb-run -a)?");
  range = px_timeline_get_range (PX_TIMELINE (timeline));
  px_timeline_model_get_bounds (model, &lo, &hi);

  g_print ("\nN = %u marks, %d lanes, %.0f years; model built in %.2f s; widget %dx%d\n",
           count, N_LANES, (hi - lo) / (365.25 * DAY), build_seconds,
           gtk_widget_get_width (timeline), gtk_widget_get_height (timeline));
  g_print ("%-8s  %7s  %9s  %9s  %13s  %12s  %10s\n",
           "zoom", "shapes", "snapshot", "render", "frame median", "frame worst", "cached");

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree char *png = NULL;
      Figures figures;

      if (zooms[z].span == 0)
        px_timeline_fit_all (PX_TIMELINE (timeline));
      else
        {
          /* Around the middle of the busiest decade. */
          double mid = px_time_from_ymd (2015, 3, 14) + 12 * 3600;

          px_time_range_set (range, mid - zooms[z].span / 2, mid + zooms[z].span / 2);
        }

      if (png_dir != NULL)
        png = g_strdup_printf ("%s/timeline-%u-%u.png", png_dir, count, z);
      measure (timeline, renderer, model, frames, png, &figures);
      g_print ("%-8s  %7u  %6.2f ms  %6.2f ms  %10.2f ms  %9.2f ms  %7.3f ms\n",
               zooms[z].name, figures.shapes, figures.snapshot_median, figures.render_median,
               figures.frame_median, figures.frame_worst, figures.cached_median);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gsk_renderer_unrealize (renderer);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time timeline frames");
  g_autoptr(GError) error = NULL;
  int count = 0;
  int frames = 30;
  int seed = 1;
  g_autofree char *png_dir = NULL;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Marks (default: 10000, 100000, 1000000)", "N" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per zoom (default: 30)", "F" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed (default: 1)", "S" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_dir, "Save the last frame of each zoom here", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("px-bench-timeline: no display; run it under xvfb-run -a\n");
      return 1;
    }
  adw_init ();

  g_print ("px-bench-timeline: buildtype %s, GSK_RENDERER=%s, %d frames per zoom\n",
           PX_BENCH_BUILDTYPE, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)",
           MAX (frames, 1));

  if (count > 0)
    run (count, MAX (frames, 1), seed, png_dir);
  else
    {
      run (10000, MAX (frames, 1), seed, png_dir);
      run (100000, MAX (frames, 1), seed, png_dir);
      run (1000000, MAX (frames, 1), seed, png_dir);
    }

  return 0;
}
