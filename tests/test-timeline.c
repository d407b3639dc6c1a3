/* test-timeline.c: dates on the time line, the axis, the visible range, and
 * the marks model (culling, clustering, hit testing, keyboard moves)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "px-core.h"

#define DAY 86400.0

static double
ymd (int y, int m, int d)
{
  return px_time_from_ymd (y, m, d);
}

/* Calendar */

static void
test_calendar (void)
{
  g_assert_cmpfloat (ymd (1970, 1, 1), ==, 0);
  g_assert_cmpfloat (ymd (2000, 3, 1), ==, 951868800);
  g_assert_cmpfloat (ymd (1986, 3, 11), ==, 510883200);
  /* Leap years: 2000 had a 29 February, 1900 did not. */
  g_assert_cmpfloat (ymd (2000, 3, 1) - ymd (2000, 2, 28), ==, 2 * DAY);
  g_assert_cmpfloat (ymd (1900, 3, 1) - ymd (1900, 2, 28), ==, DAY);
  /* Months overflow into years, both ways. */
  g_assert_cmpfloat (ymd (1986, 13, 1), ==, ymd (1987, 1, 1));
  g_assert_cmpfloat (ymd (1986, 0, 1), ==, ymd (1985, 12, 1));
  g_assert_cmpfloat (ymd (1986, -11, 1), ==, ymd (1985, 1, 1));
  /* Beyond what GDateTime holds. */
  g_assert_cmpfloat (ymd (-500, 1, 1), <, ymd (1, 1, 1));
  g_assert_cmpfloat (ymd (12000, 1, 1) - ymd (11999, 1, 1), ==, 365 * DAY);

  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11) + 5000, PX_TIME_UNIT_DAY), ==, ymd (1986, 3, 11));
  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11) + 5000, PX_TIME_UNIT_HOUR), ==, ymd (1986, 3, 11) + 3600);
  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11), PX_TIME_UNIT_MONTH), ==, ymd (1986, 3, 1));
  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11), PX_TIME_UNIT_YEAR), ==, ymd (1986, 1, 1));
  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11), PX_TIME_UNIT_DECADE), ==, ymd (1980, 1, 1));
  g_assert_cmpfloat (px_time_floor (ymd (1986, 3, 11), PX_TIME_UNIT_CENTURY), ==, ymd (1900, 1, 1));
  g_assert_cmpfloat (px_time_floor (ymd (-45, 6, 1), PX_TIME_UNIT_DECADE), ==, ymd (-50, 1, 1));

  {
    g_autofree char *day = px_time_format (ymd (1986, 3, 11), PX_TIME_UNIT_DAY);
    g_autofree char *month = px_time_format (ymd (1986, 3, 11), PX_TIME_UNIT_MONTH);
    g_autofree char *year = px_time_format (ymd (1986, 3, 11), PX_TIME_UNIT_YEAR);
    g_autofree char *bce = px_time_format (ymd (-43, 3, 15), PX_TIME_UNIT_YEAR);
    g_autofree char *edtf = px_time_to_edtf (ymd (1986, 3, 11), PX_TIME_UNIT_DAY);
    g_autofree char *edtf_month = px_time_to_edtf (ymd (1986, 3, 11), PX_TIME_UNIT_MONTH);

    g_assert_cmpstr (day, ==, "11 March 1986");
    g_assert_cmpstr (month, ==, "March 1986");
    g_assert_cmpstr (year, ==, "1986");
    g_assert_cmpstr (bce, ==, "44 BCE");
    g_assert_cmpstr (edtf, ==, "1986-03-11");
    g_assert_cmpstr (edtf_month, ==, "1986-03");
  }
}

/* Dates and periods for people, at their own precision */

static void
test_format (void)
{
  const char *cases[][2] = {
    { "1986-03-11", "11 March 1986" },
    { "1986-03", "March 1986" },
    { "1986", "1986" },
    { "198X", "1980s" },
    { "1986-21", "March 1986 – May 1986" },
    { "1986-03-11/1986-03-12", "11–12 March 1986" },
    { "1977/1983", "1977 – 1983" },
    { "1986-03/1987-04", "March 1986 – April 1987" },
    { "2010-02/..", "February 2010 – …" },
    { "2024~", "about 2024" },
    { "1986-03?", "possibly March 1986" },
    /* A time as it was written, not moved to UTC. */
    { "1986-03-11T14:30:00+02:00", "11 March 1986, 14:30" },
    /* What cannot be placed is shown as written. */
    { "XXXX-02-25", "XXXX-02-25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = px_edtf_format (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
    }
  g_assert_null (px_edtf_format (NULL));
  g_assert_null (px_edtf_format (""));

  /* A view's period: whole units where both ends fall on them, else days. */
  {
    g_autofree char *years = px_time_format_period (ymd (1990, 1, 1), ymd (2000, 1, 1));
    g_autofree char *days = px_time_format_period (ymd (1986, 11, 21) + 5000, ymd (2026, 2, 10) + 7000);
    g_autofree char *one = px_time_format_period (ymd (2019, 3, 14), ymd (2019, 3, 15));

    g_assert_cmpstr (years, ==, "1990 – 1999");
    g_assert_cmpstr (days, ==, "21 November 1986 – 10 February 2026");
    g_assert_cmpstr (one, ==, "14 March 2019");
  }
}

/* EDTF precision to extent */

typedef struct
{
  const char *edtf;
  double      start;
  double      end;
  int         precision;
  int         flags;
} ExtentCase;

static void
test_edtf_extent (void)
{
  const ExtentCase cases[] = {
    { "1986-03-11", ymd (1986, 3, 11), ymd (1986, 3, 12), PX_EDTF_PRECISION_DAY, 0 },
    { "1986-03", ymd (1986, 3, 1), ymd (1986, 4, 1), PX_EDTF_PRECISION_MONTH, 0 },
    { "1986", ymd (1986, 1, 1), ymd (1987, 1, 1), PX_EDTF_PRECISION_YEAR, 0 },
    { "198X", ymd (1980, 1, 1), ymd (1990, 1, 1), PX_EDTF_PRECISION_DECADE, 0 },
    { "19XX", ymd (1900, 1, 1), ymd (2000, 1, 1), PX_EDTF_PRECISION_CENTURY, 0 },
    { "1986-XX", ymd (1986, 1, 1), ymd (1987, 1, 1), PX_EDTF_PRECISION_YEAR, 0 },
    { "1986-03-XX", ymd (1986, 3, 1), ymd (1986, 4, 1), PX_EDTF_PRECISION_MONTH, 0 },
    { "1986-21", ymd (1986, 3, 1), ymd (1986, 6, 1), PX_EDTF_PRECISION_SEASON, 0 },
    { "1986-24", ymd (1986, 12, 1), ymd (1987, 3, 1), PX_EDTF_PRECISION_SEASON, 0 },
    { "2024~", ymd (2024, 1, 1), ymd (2025, 1, 1), PX_EDTF_PRECISION_YEAR, PX_EDTF_APPROXIMATE },
    { "1986-03?", ymd (1986, 3, 1), ymd (1986, 4, 1), PX_EDTF_PRECISION_MONTH, PX_EDTF_UNCERTAIN },
    { "1986%", ymd (1986, 1, 1), ymd (1987, 1, 1), PX_EDTF_PRECISION_YEAR, PX_EDTF_APPROXIMATE | PX_EDTF_UNCERTAIN },
    { "1986-03-11T14:30:00Z", ymd (1986, 3, 11) + 14 * 3600 + 30 * 60, ymd (1986, 3, 11) + 14 * 3600 + 31 * 60,
      PX_EDTF_PRECISION_TIME, 0 },
    { "1986-03-11T14:30:00+02:00", ymd (1986, 3, 11) + 12 * 3600 + 30 * 60, ymd (1986, 3, 11) + 12 * 3600 + 31 * 60,
      PX_EDTF_PRECISION_TIME, 0 },
    { "1986-03-11/1986-03-12", ymd (1986, 3, 11), ymd (1986, 3, 13), PX_EDTF_PRECISION_DAY, PX_EDTF_INTERVAL },
    { "1977/1983", ymd (1977, 1, 1), ymd (1984, 1, 1), PX_EDTF_PRECISION_YEAR, PX_EDTF_INTERVAL },
    { "2011-04-03/2011-06", ymd (2011, 4, 3), ymd (2011, 7, 1), PX_EDTF_PRECISION_MONTH, PX_EDTF_INTERVAL },
    { "2010-02/..", ymd (2010, 2, 1), ymd (2010, 3, 29), PX_EDTF_PRECISION_MONTH, PX_EDTF_INTERVAL | PX_EDTF_OPEN_END },
    { "../2010", ymd (2009, 1, 1), ymd (2011, 1, 1), PX_EDTF_PRECISION_YEAR, PX_EDTF_INTERVAL | PX_EDTF_OPEN_START },
    { "1986~/1987", ymd (1986, 1, 1), ymd (1988, 1, 1), PX_EDTF_PRECISION_YEAR, PX_EDTF_INTERVAL | PX_EDTF_APPROXIMATE },
    { "-0044-03-15", ymd (-44, 3, 15), ymd (-44, 3, 16), PX_EDTF_PRECISION_DAY, 0 },
  };
  const char *refused[] = {
    "", "XXXX-03-11", "1986-02-30", "1986-13", "1986-00", "86", "1986-2", "1X86", "1986/1984",
    "1986/1987/1989", "/", "../..", "1986-03-11T25:00", "yesterday", "1986-03-11junk", "2023-02-29",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PxEdtfExtent extent;

      g_test_message ("%s", cases[i].edtf);
      g_assert_true (px_edtf_get_extent (cases[i].edtf, &extent));
      g_assert_cmpfloat (extent.start, ==, cases[i].start);
      g_assert_cmpfloat (extent.end, ==, cases[i].end);
      g_assert_cmpint (extent.precision, ==, cases[i].precision);
      g_assert_cmpint (extent.flags, ==, cases[i].flags);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      PxEdtfExtent extent;

      g_test_message ("refused: %s", refused[i]);
      g_assert_false (px_edtf_get_extent (refused[i], &extent));
    }
  g_assert_false (px_edtf_get_extent (NULL, &(PxEdtfExtent) { 0 }));
}

/* Mapping and ticks */

static void
test_mapping (void)
{
  double start = ymd (1990, 1, 1), end = ymd (2000, 1, 1);

  g_assert_cmpfloat (px_time_to_x (start, start, end, 1000), ==, 0);
  g_assert_cmpfloat (px_time_to_x (end, start, end, 1000), ==, 1000);
  g_assert_cmpfloat_with_epsilon (px_time_to_x (ymd (1995, 1, 1), start, end, 1000), 500, 0.5);
  for (double x = -100; x <= 1100; x += 37.5)
    g_assert_cmpfloat_with_epsilon (px_time_to_x (px_x_to_time (x, start, end, 1000), start, end, 1000),
                                    x, 1e-6);
  /* Two days a pixel apart stay a pixel apart even far from 1970. */
  g_assert_cmpfloat_with_epsilon (px_time_to_x (ymd (9000, 1, 2), ymd (9000, 1, 1), ymd (9000, 1, 11), 10),
                                  1, 1e-9);
}

typedef struct
{
  double      span;
  PxTimeUnit  unit;
  const char *first_label;   /* of the first tick, starting at 1 January 1986 */
} TickCase;

static void
test_ticks (void)
{
  const TickCase cases[] = {
    { 6 * 3600, PX_TIME_UNIT_HOUR, "00:00" },
    { 3 * DAY, PX_TIME_UNIT_HOUR, "00:00" },
    { 20 * DAY, PX_TIME_UNIT_DAY, "1" },
    { 200 * DAY, PX_TIME_UNIT_DAY, "1" },
    { 2 * 365 * DAY, PX_TIME_UNIT_MONTH, "Jan" },
    { 12 * 365 * DAY, PX_TIME_UNIT_YEAR, "1986" },
    { 300 * 365 * DAY, PX_TIME_UNIT_YEAR, NULL },
    { 9000 * 365.25 * DAY, PX_TIME_UNIT_YEAR, NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double start = ymd (1986, 1, 1), end = start + cases[c].span;
      g_autoptr(GArray) ticks = px_time_axis_ticks (start, end, 1000, 60);
      guint majors = 0;

      g_test_message ("span %g days", cases[c].span / DAY);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpuint (ticks->len, <=, 1000 / 60 + 2);
      g_assert_cmpint (g_array_index (ticks, PxTimeTick, 0).unit, ==, cases[c].unit);
      if (cases[c].first_label != NULL)
        g_assert_cmpstr (g_array_index (ticks, PxTimeTick, 0).label, ==, cases[c].first_label);
      for (guint i = 0; i < ticks->len; i++)
        {
          const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);

          g_assert_cmpfloat (tick->time, >=, start);
          g_assert_cmpfloat (tick->time, <=, end);
          g_assert_nonnull (tick->label);
          g_assert_cmpstr (tick->label, !=, "");
          majors += tick->major;
          if (i > 0)
            {
              const PxTimeTick *prev = &g_array_index (ticks, PxTimeTick, i - 1);
              double gap = px_time_to_x (tick->time, start, end, 1000) - px_time_to_x (prev->time, start, end, 1000);

              /* Calendar steps are uneven (a day step restarts each
               * month), but never closer than half the asked spacing. */
              g_assert_cmpfloat (gap, >=, 30);
            }
        }
      /* Every scale finer than centuries marks where its context starts. */
      if (cases[c].span < 100 * 365 * DAY)
        g_assert_cmpuint (majors, >=, 1);
    }

  /* Months: the first of the year is major, with the year as context. */
  {
    g_autoptr(GArray) ticks = px_time_axis_ticks (ymd (1985, 11, 15), ymd (1986, 11, 15), 1200, 60);
    gboolean seen = FALSE;

    for (guint i = 0; i < ticks->len; i++)
      {
        const PxTimeTick *tick = &g_array_index (ticks, PxTimeTick, i);

        if (tick->time == ymd (1986, 1, 1))
          {
            g_assert_true (tick->major);
            g_assert_cmpint (tick->context, ==, PX_TIME_UNIT_YEAR);
            g_assert_cmpstr (tick->major_label, ==, "1986");
            seen = TRUE;
          }
        else
          g_assert_false (tick->major);
      }
    g_assert_true (seen);
  }

  /* Days: weeks restart each month at 1, 8, 15, 22. */
  {
    g_autoptr(GArray) ticks = px_time_axis_ticks (ymd (1986, 2, 1), ymd (1986, 4, 1), 600, 60);
    g_autoptr(GString) days = g_string_new (NULL);

    for (guint i = 0; i < ticks->len; i++)
      g_string_append_printf (days, "%s ", g_array_index (ticks, PxTimeTick, i).label);
    g_assert_cmpstr (days->str, ==, "1 8 15 22 1 8 15 22 1 ");
    g_assert_cmpstr (g_array_index (ticks, PxTimeTick, 4).major_label, ==, "March 1986");
  }

  /* Nonsense in, nothing out. */
  {
    g_autoptr(GArray) none = px_time_axis_ticks (10, 5, 1000, 60);
    g_autoptr(GArray) nan = px_time_axis_ticks (NAN, 5, 1000, 60);
    g_autoptr(GArray) narrow = px_time_axis_ticks (0, 1e9, 0, 60);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (nan->len, ==, 0);
    g_assert_cmpuint (narrow->len, ==, 0);
  }
}

/* The visible range */

static void
count_changes (PxTimeRange *range,
               guint       *count)
{
  (*count)++;
}

static void
test_range (void)
{
  g_autoptr(PxTimeRange) range = px_time_range_new ();
  g_autofree char *text = NULL;
  guint changes = 0;
  double anchor, ratio;

  g_signal_connect (range, "changed", G_CALLBACK (count_changes), &changes);

  px_time_range_set (range, ymd (1980, 1, 1), ymd (1990, 1, 1));
  g_assert_cmpuint (changes, ==, 1);
  px_time_range_set (range, ymd (1980, 1, 1), ymd (1990, 1, 1));
  g_assert_cmpuint (changes, ==, 1);

  /* Zooming keeps the anchor at its place on screen. */
  anchor = ymd (1986, 3, 11);
  ratio = (anchor - px_time_range_get_start (range)) / px_time_range_get_span (range);
  px_time_range_zoom (range, anchor, 4);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpfloat_with_epsilon (px_time_range_get_span (range), (ymd (1990, 1, 1) - ymd (1980, 1, 1)) / 4, 1);
  g_assert_cmpfloat_with_epsilon ((anchor - px_time_range_get_start (range)) / px_time_range_get_span (range),
                                  ratio, 1e-9);

  /* Never finer than an hour nor wider than ten thousand years. */
  px_time_range_zoom (range, anchor, 1e12);
  g_assert_cmpfloat_with_epsilon (px_time_range_get_span (range), PX_TIME_RANGE_MIN_SPAN, 1e-3);
  px_time_range_zoom (range, anchor, 1e-12);
  g_assert_cmpfloat_with_epsilon (px_time_range_get_span (range), PX_TIME_RANGE_MAX_SPAN, 1e3);

  /* Panning moves by a fraction of the span. */
  px_time_range_set (range, ymd (1990, 1, 1), ymd (1991, 1, 1));
  px_time_range_pan (range, -1);
  g_assert_cmpfloat (px_time_range_get_start (range), ==, ymd (1990, 1, 1) - 365 * DAY);

  /* Fitting leaves a margin, and widens a single instant to a day. */
  px_time_range_fit (range, ymd (1986, 1, 1), ymd (1987, 1, 1), 0.05);
  g_assert_cmpfloat (px_time_range_get_start (range), <, ymd (1986, 1, 1));
  g_assert_cmpfloat (px_time_range_get_end (range), >, ymd (1987, 1, 1));
  px_time_range_fit (range, ymd (1986, 3, 11), ymd (1986, 3, 11), 0);
  g_assert_cmpfloat_with_epsilon (px_time_range_get_span (range), DAY, 1e-3);

  /* Stored and read back; anything else is refused without harm. */
  px_time_range_set (range, -12345.5, 67890.25);
  text = px_time_range_to_string (range);
  px_time_range_set (range, 0, DAY);
  g_assert_true (px_time_range_set_from_string (range, text));
  g_assert_cmpfloat (px_time_range_get_start (range), ==, -12345.5);
  g_assert_cmpfloat (px_time_range_get_end (range), ==, 67890.25);
  {
    const char *bad[] = { "", "1", "1 ", "2 1", "nan 5", "1 inf", "1 2 3", "a b", "1e400 1e401" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      g_assert_false (px_time_range_set_from_string (range, bad[i]));
    g_assert_false (px_time_range_set_from_string (range, NULL));
    g_assert_cmpfloat (px_time_range_get_start (range), ==, -12345.5);
  }
}

/* The model */

static PxTimelineEntry *
entry (const char     *value,
       PxTimelineKind  kind,
       const char     *id,
       const char     *outlet,
       const char     *text,
       const char     *sentence)
{
  PxTimelineEntry *e = g_new0 (PxTimelineEntry, 1);

  e->value = g_strdup (value);
  e->kind = kind;
  e->document_id = g_strdup (id);
  e->path = g_strdup_printf ("/tmp/%s.txt", id);
  e->title = g_strdup_printf ("Report %s", id);
  e->outlet = g_strdup (outlet);
  e->text = g_strdup (text);
  e->sentence = g_strdup (sentence);

  return e;
}

/* Three sources dating one night three ways, plus other dates. */
static GPtrArray *
make_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) px_timeline_entry_free);

  g_ptr_array_add (entries, entry ("1986-03-11/1986-03-12", PX_TIMELINE_EVENT, "a", "North Wire",
                                   "the night from 11 to 12 March", "On the night from 11 to 12 March the dam gave way."));
  g_ptr_array_add (entries, entry ("1986-03", PX_TIMELINE_EVENT, "b", "south herald",
                                   "March 1986", "The dam failed in March 1986."));
  g_ptr_array_add (entries, entry ("1986~", PX_TIMELINE_EVENT, "c", NULL,
                                   "38 years ago", "The dam failed 38 years ago."));
  g_ptr_array_add (entries, entry ("1989-05-09", PX_TIMELINE_EVENT, "b", "South Herald",
                                   "May 9, 1989", "An inquiry opened on May 9, 1989."));
  g_ptr_array_add (entries, entry ("2021-10-14", PX_TIMELINE_PUBLISHED, "a", "North Wire", "Report a", NULL));
  g_ptr_array_add (entries, entry ("2022-06-23", PX_TIMELINE_PUBLISHED, "b", "SOUTH HERALD", "Report b", NULL));
  g_ptr_array_add (entries, entry ("2024~", PX_TIMELINE_PUBLISHED, "c", NULL, "Report c", NULL));
  g_ptr_array_add (entries, entry ("XXXX-03-11", PX_TIMELINE_EVENT, "d", NULL, "11 March", "It was on 11 March."));
  g_ptr_array_add (entries, entry ("2019", PX_TIMELINE_EVENT, "d", NULL, "2019", "Rebuilt in 2019."));

  return entries;
}

static void
test_model_lanes (void)
{
  g_autoptr(GPtrArray) entries = make_entries ();
  g_autoptr(PxTimelineModel) model = px_timeline_model_new_for_entries (entries, PX_TIMELINE_LANE_BY_OUTLET, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
  g_autoptr(PxTimelineModel) by_tag = NULL;
  guint32 mark;
  double start, end;

  /* Outlets ignoring case, named outlets first; each unknown source apart. */
  g_assert_cmpuint (px_timeline_model_get_n_lanes (model), ==, 4);
  g_assert_cmpstr (px_timeline_model_get_lane_label (model, 0), ==, "North Wire");
  g_assert_cmpstr (px_timeline_model_get_lane_label (model, 1), ==, "south herald");
  g_assert_cmpstr (px_timeline_model_get_lane_label (model, 2), ==, "Report c");
  g_assert_cmpstr (px_timeline_model_get_lane_label (model, 3), ==, "Report d");
  /* The date with no year is listed but not placed. */
  g_assert_cmpuint (px_timeline_model_get_n_marks (model), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
  g_assert_false (px_timeline_model_find_entry_mark (model, 7, &mark));
  g_assert_true (px_timeline_model_find_entry_mark (model, 5, &mark));
  g_assert_cmpstr (px_timeline_model_get_entry (model, mark)->value, ==, "2022-06-23");
  g_assert_cmpuint (px_timeline_model_get_mark (model, mark)->lane, ==, 1);
  g_assert_cmpuint (px_timeline_model_get_mark (model, mark)->kind, ==, PX_TIMELINE_PUBLISHED);

  g_assert_true (px_timeline_model_get_bounds (model, &start, &end));
  g_assert_cmpfloat (start, ==, ymd (1986, 1, 1));
  g_assert_cmpfloat (end, ==, ymd (2025, 1, 1));

  /* A source is its outlet, else its title, else its file. */
  {
    PxTimelineEntry bare = { .path = (char *) "/somewhere/report.txt" };
    g_autofree char *by_file = px_timeline_entry_dup_source (&bare);
    g_autofree char *by_title = px_timeline_entry_dup_source (g_ptr_array_index (entries, 2));
    g_autofree char *by_outlet = px_timeline_entry_dup_source (g_ptr_array_index (entries, 1));

    g_assert_cmpstr (by_file, ==, "report.txt");
    g_assert_cmpstr (by_title, ==, "Report c");
    g_assert_cmpstr (by_outlet, ==, "south herald");
  }

  /* The list view's items. */
  {
    g_autoptr(PxTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autofree char *text = NULL;
    int kind;

    g_assert_true (PX_IS_TIMELINE_ITEM (item));
    g_object_get (item, "text", &text, "kind", &kind, NULL);
    g_assert_cmpstr (text, ==, "March 1986");
    g_assert_cmpint (kind, ==, PX_TIMELINE_EVENT);
    g_assert_cmpuint (px_timeline_item_get_position (item), ==, 1);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 9));
  }

  /* By tag: a document in two tags is in two lanes; the untagged share one. */
  g_hash_table_insert (tags, "a", g_strsplit ("dam,inquiry", ",", -1));
  g_hash_table_insert (tags, "b", g_strsplit ("dam", ",", -1));
  by_tag = px_timeline_model_new_for_entries (entries, PX_TIMELINE_LANE_BY_TAG, tags);
  g_assert_cmpuint (px_timeline_model_get_n_lanes (by_tag), ==, 3);
  g_assert_cmpstr (px_timeline_model_get_lane_label (by_tag, 0), ==, "dam");
  g_assert_cmpstr (px_timeline_model_get_lane_label (by_tag, 1), ==, "inquiry");
  g_assert_cmpstr (px_timeline_model_get_lane_label (by_tag, 2), ==, "No tag");
  g_assert_cmpuint (px_timeline_model_get_n_marks (by_tag), ==, 10);

  /* One passage once, however many lanes show it. */
  {
    g_autoptr(GArray) found = px_timeline_model_find (by_tag, ymd (1986, 3, 11), ymd (1986, 3, 13), PX_TIMELINE_EVENT);

    g_assert_cmpuint (found->len, ==, 3);
  }
}

static void
test_model_find (void)
{
  g_autoptr(GPtrArray) entries = make_entries ();
  g_autoptr(PxTimelineModel) model = px_timeline_model_new_for_entries (entries, PX_TIMELINE_LANE_BY_OUTLET, NULL);
  g_autoptr(GArray) night = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) published = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

  /* Selecting the night finds every source that dates it, however coarsely. */
  night = px_timeline_model_find (model, ymd (1986, 3, 11), ymd (1986, 3, 13), PX_TIMELINE_EVENT);
  g_assert_cmpuint (night->len, ==, 3);
  for (guint i = 0; i < night->len; i++)
    g_hash_table_add (values, px_timeline_model_get_entry (model, g_array_index (night, guint32, i))->value);
  g_assert_true (g_hash_table_contains (values, "1986-03-11/1986-03-12"));
  g_assert_true (g_hash_table_contains (values, "1986-03"));
  g_assert_true (g_hash_table_contains (values, "1986~"));
  /* In lane order. */
  g_assert_cmpstr (px_timeline_model_get_entry (model, g_array_index (night, guint32, 0))->outlet, ==, "North Wire");

  /* Ends are exclusive: the day after the night finds no day-precise mark. */
  {
    g_autoptr(GArray) after = px_timeline_model_find (model, ymd (1986, 3, 13), ymd (1986, 3, 14), PX_TIMELINE_EVENT);

    g_assert_cmpuint (after->len, ==, 2);
  }

  all = px_timeline_model_find (model, ymd (1900, 1, 1), ymd (2100, 1, 1), -1);
  g_assert_cmpuint (all->len, ==, 8);
  published = px_timeline_model_find (model, ymd (1900, 1, 1), ymd (2100, 1, 1), PX_TIMELINE_PUBLISHED);
  g_assert_cmpuint (published->len, ==, 3);
}

/* A model of @n random marks in @lanes lanes over 1980–2020, and the same
 * marks for a brute-force check. */
static PxTimelineModel *
random_model (guint   n,
              guint   lanes,
              guint32 seed,
              GArray *extents)
{
  PxTimelineModel *model = px_timeline_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint l = 0; l < lanes; l++)
    {
      g_autofree char *label = g_strdup_printf ("Lane %u", l);

      px_timeline_model_add_lane (model, label);
    }
  for (guint i = 0; i < n; i++)
    {
      PxEdtfExtent extent = { 0 };
      double day = floor (g_rand_double_range (rand, ymd (1980, 1, 1), ymd (2020, 1, 1)) / DAY) * DAY;
      int kind = g_rand_int_range (rand, 0, 10);

      extent.start = day;
      extent.end = day + DAY;
      extent.precision = PX_EDTF_PRECISION_DAY;
      if (kind == 0)
        {
          extent.end = day + 365 * DAY;
          extent.precision = PX_EDTF_PRECISION_YEAR;
        }
      else if (kind == 1)
        {
          extent.end = day + g_rand_int_range (rand, 2, 4000) * DAY;
          extent.flags = PX_EDTF_INTERVAL;
        }
      px_timeline_model_add_extent (model, g_rand_int_range (rand, 0, lanes),
                                    g_rand_boolean (rand) ? PX_TIMELINE_EVENT : PX_TIMELINE_PUBLISHED,
                                    &extent, i);
      if (extents != NULL)
        g_array_append_val (extents, extent);
    }

  return model;
}

static void
test_layout_culls_and_counts (void)
{
  /* Whatever the zoom, the shapes account for exactly the marks that meet
   * the view: culling by binary search loses none and adds none. */
  const double views[][2] = {
    { ymd (1970, 1, 1), ymd (2030, 1, 1) },
    { ymd (1995, 1, 1), ymd (1996, 1, 1) },
    { ymd (1995, 6, 1), ymd (1995, 7, 1) },
    { ymd (1995, 6, 10), ymd (1995, 6, 11) },
    { ymd (2019, 12, 1), ymd (2021, 1, 1) },
  };
  g_autoptr(GArray) extents = g_array_new (FALSE, FALSE, sizeof (PxEdtfExtent));
  g_autoptr(PxTimelineModel) model = random_model (20000, 5, 42, extents);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      double start = views[v][0], end = views[v][1];
      g_autoptr(GArray) shapes = px_timeline_model_layout (model, start, end, 1000, 12);
      guint expected = 0, counted = 0;

      for (guint i = 0; i < extents->len; i++)
        {
          const PxEdtfExtent *e = &g_array_index (extents, PxEdtfExtent, i);

          expected += e->end > start && e->start < end;
        }
      for (guint i = 0; i < shapes->len; i++)
        {
          const PxTimelineShape *shape = &g_array_index (shapes, PxTimelineShape, i);

          counted += shape->count;
          g_assert_cmpuint (shape->count, >=, 1);
          g_assert_cmpfloat (shape->end, >, start);
          g_assert_cmpfloat (shape->start, <, end);
          g_assert_cmpfloat (shape->x0, <=, shape->x1);
          if (shape->count > 1)
            g_assert_true (shape->flags & PX_TIMELINE_SHAPE_CLUSTER);
          if (!(shape->flags & PX_TIMELINE_SHAPE_SPAN))
            /* A cluster is never wider than a mark: it merges one pixel column. */
            g_assert_cmpfloat (shape->x1 - shape->x0, <, 12 + 1e-6);
          if (i > 0)
            {
              const PxTimelineShape *prev = &g_array_index (shapes, PxTimelineShape, i - 1);

              g_assert_cmpint (prev->lane * 2 + prev->kind, <=, shape->lane * 2 + shape->kind);
              if (prev->lane == shape->lane && prev->kind == shape->kind)
                g_assert_cmpfloat (prev->x0, <=, shape->x0);
            }
        }
      g_test_message ("view %u: %u shapes for %u marks", v, shapes->len, expected);
      g_assert_cmpuint (counted, ==, expected);
      /* Merging bounds the work: at most a few shapes per mark width. */
      if (v == 0)
        g_assert_cmpuint (shapes->len, <, 10 * 2 * 1000 / 12 * 3);
    }
}

static void
test_layout_shapes (void)
{
  g_autoptr(PxTimelineModel) model = px_timeline_model_new ();
  guint lane = px_timeline_model_add_lane (model, "One");
  g_autoptr(GArray) wide = NULL;
  g_autoptr(GArray) close = NULL;
  const PxTimelineShape *s;

  px_timeline_model_add_mark (model, lane, PX_TIMELINE_EVENT, "1986-03-11", 0);
  px_timeline_model_add_mark (model, lane, PX_TIMELINE_EVENT, "1986-03-12", 1);
  px_timeline_model_add_mark (model, lane, PX_TIMELINE_EVENT, "1986", 2);
  px_timeline_model_add_mark (model, lane, PX_TIMELINE_EVENT, "1986", 3);
  px_timeline_model_add_mark (model, lane, PX_TIMELINE_EVENT, "1986-06-01", 4);
  px_timeline_model_add_mark (model, lane, PX_TIMELINE_PUBLISHED, "2000-01-01", 5);

  /* Over forty years, 1000 px: the two days merge, the year is a point
   * too (25 px a year is narrower than a 30 px mark). */
  wide = px_timeline_model_layout (model, ymd (1980, 1, 1), ymd (2020, 1, 1), 1000, 30);
  g_assert_cmpuint (wide->len, ==, 2);
  s = &g_array_index (wide, PxTimelineShape, 0);
  g_assert_cmpuint (s->kind, ==, PX_TIMELINE_PUBLISHED);
  g_assert_cmpuint (s->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (s->x0, px_time_to_x (ymd (2000, 1, 1) + DAY / 2, ymd (1980, 1, 1), ymd (2020, 1, 1), 1000), 1e-6);
  s = &g_array_index (wide, PxTimelineShape, 1);
  g_assert_cmpuint (s->kind, ==, PX_TIMELINE_EVENT);
  g_assert_cmpuint (s->count, ==, 5);
  g_assert_true (s->flags & PX_TIMELINE_SHAPE_CLUSTER);
  g_assert_cmpfloat (s->start, ==, ymd (1986, 1, 1));
  g_assert_cmpfloat (s->end, ==, ymd (1987, 1, 1));

  /* Over 1986 at 1000 px: the year is a band of two reports; the two
   * adjacent days (2.7 px apart) merge; June stands alone. */
  close = px_timeline_model_layout (model, ymd (1986, 1, 1), ymd (1987, 1, 1), 1000, 12);
  g_assert_cmpuint (close->len, ==, 3);
  s = &g_array_index (close, PxTimelineShape, 0);
  g_assert_true (s->flags & PX_TIMELINE_SHAPE_SPAN);
  g_assert_cmpuint (s->count, ==, 2);
  g_assert_cmpint (s->precision, ==, PX_EDTF_PRECISION_YEAR);
  s = &g_array_index (close, PxTimelineShape, 1);
  g_assert_cmpuint (s->count, ==, 2);
  g_assert_cmpfloat (s->start, ==, ymd (1986, 3, 11));
  g_assert_cmpfloat (s->end, ==, ymd (1986, 3, 13));
  s = &g_array_index (close, PxTimelineShape, 2);
  g_assert_cmpuint (s->count, ==, 1);
  g_assert_false (s->flags & PX_TIMELINE_SHAPE_CLUSTER);

  /* Hit testing: the point wins over the band beneath it; between marks,
   * the band; outside everything, nothing. */
  {
    double x_day = px_time_to_x (ymd (1986, 3, 11), ymd (1986, 1, 1), ymd (1987, 1, 1), 1000);
    double x_june = px_time_to_x (ymd (1986, 6, 1) + DAY / 2, ymd (1986, 1, 1), ymd (1987, 1, 1), 1000);

    g_assert_cmpint (px_timeline_shapes_hit (close, lane, PX_TIMELINE_EVENT, x_day + 1, 6), ==, 1);
    g_assert_cmpint (px_timeline_shapes_hit (close, lane, PX_TIMELINE_EVENT, x_june + 4, 6), ==, 2);
    g_assert_cmpint (px_timeline_shapes_hit (close, lane, PX_TIMELINE_EVENT, 800, 6), ==, 0);
    g_assert_cmpint (px_timeline_shapes_hit (close, lane, PX_TIMELINE_PUBLISHED, 800, 6), ==, -1);
    g_assert_cmpint (px_timeline_shapes_hit (close, 7, PX_TIMELINE_EVENT, 800, 6), ==, -1);
  }
}

static void
test_moves (void)
{
  g_autoptr(PxTimelineModel) model = px_timeline_model_new ();
  g_autoptr(GArray) shapes = NULL;
  const char *lanes[] = { "A", "B", "C" };
  int i;

  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    px_timeline_model_add_lane (model, lanes[l]);
  /* A: events in 1990, 1995, 2000; B: nothing; C: published 1996, 2010. */
  px_timeline_model_add_mark (model, 0, PX_TIMELINE_EVENT, "1990-01-01", 0);
  px_timeline_model_add_mark (model, 0, PX_TIMELINE_EVENT, "1995-01-01", 1);
  px_timeline_model_add_mark (model, 0, PX_TIMELINE_EVENT, "2000-01-01", 2);
  px_timeline_model_add_mark (model, 2, PX_TIMELINE_PUBLISHED, "1996-01-01", 3);
  px_timeline_model_add_mark (model, 2, PX_TIMELINE_PUBLISHED, "2010-01-01", 4);
  shapes = px_timeline_model_layout (model, ymd (1985, 1, 1), ymd (2015, 1, 1), 900, 12);
  g_assert_cmpuint (shapes->len, ==, 5);

#define MARK(i) (px_timeline_model_get_mark (model, g_array_index (shapes, PxTimelineShape, (i)).mark)->payload)

  i = px_timeline_shapes_move (shapes, -1, PX_TIMELINE_MOVE_NEXT);
  g_assert_cmpuint (MARK (i), ==, 0);
  i = px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_NEXT);
  g_assert_cmpuint (MARK (i), ==, 1);
  i = px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_LAST);
  g_assert_cmpuint (MARK (i), ==, 2);
  /* The end of a row holds. */
  g_assert_cmpint (px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_NEXT), ==, i);
  i = px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_FIRST);
  g_assert_cmpuint (MARK (i), ==, 0);
  g_assert_cmpint (px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_PREVIOUS), ==, i);
  /* Down skips the empty lane and lands on the nearest mark in time. */
  i = px_timeline_shapes_move (shapes, 1, PX_TIMELINE_MOVE_DOWN);
  g_assert_cmpuint (MARK (i), ==, 3);
  g_assert_cmpint (px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_DOWN), ==, i);
  i = px_timeline_shapes_move (shapes, px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_NEXT), PX_TIMELINE_MOVE_UP);
  g_assert_cmpuint (MARK (i), ==, 2);
  g_assert_cmpint (px_timeline_shapes_move (shapes, i, PX_TIMELINE_MOVE_UP), ==, i);

#undef MARK

  /* Past the screen's edge, the model finds the neighbour in one lane. */
  {
    guint32 id;

    g_assert_true (px_timeline_model_find_adjacent (model, 0, PX_TIMELINE_EVENT, ymd (1990, 1, 2), TRUE, &id));
    g_assert_cmpuint (px_timeline_model_get_mark (model, id)->payload, ==, 1);
    g_assert_true (px_timeline_model_find_adjacent (model, 0, PX_TIMELINE_EVENT, ymd (2000, 1, 1), FALSE, &id));
    g_assert_cmpuint (px_timeline_model_get_mark (model, id)->payload, ==, 1);
    g_assert_false (px_timeline_model_find_adjacent (model, 0, PX_TIMELINE_EVENT, ymd (1990, 1, 1), FALSE, &id));
    g_assert_false (px_timeline_model_find_adjacent (model, 0, PX_TIMELINE_EVENT, ymd (2000, 1, 2), TRUE, &id));
    g_assert_false (px_timeline_model_find_adjacent (model, 1, PX_TIMELINE_EVENT, ymd (1980, 1, 1), TRUE, &id));
    g_assert_true (px_timeline_model_find_adjacent (model, 2, PX_TIMELINE_PUBLISHED, ymd (1980, 1, 1), TRUE, &id));
    g_assert_cmpuint (px_timeline_model_get_mark (model, id)->payload, ==, 3);
    g_assert_false (px_timeline_model_find_adjacent (model, 9, PX_TIMELINE_EVENT, ymd (1980, 1, 1), TRUE, &id));
  }

  {
    g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (PxTimelineShape));

    g_assert_cmpint (px_timeline_shapes_move (empty, -1, PX_TIMELINE_MOVE_NEXT), ==, -1);
  }
}

/* The reference corpus: how each source dates the night of February 1992. */
static void
test_seeds (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PxTimelineModel) model = NULL;
  g_autoptr(GArray) night = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint published = 0;
  PxEdtfExtent extent;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seeds folder is not there");
      return;
    }

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  entries = px_timeline_build (result->documents);
  model = px_timeline_model_new_for_entries (entries, PX_TIMELINE_LANE_BY_OUTLET, NULL);

  /* Five documents, five lanes: three outlets and two unknown sources. */
  g_assert_cmpuint (px_timeline_model_get_n_lanes (model), ==, 5);

  /* The reports were published from 2021 to 2024. */
  for (guint i = 0; i < entries->len; i++)
    {
      const PxTimelineEntry *e = g_ptr_array_index (entries, i);

      if (e->kind != PX_TIMELINE_PUBLISHED)
        continue;
      published++;
      g_assert_true (px_edtf_get_extent (e->value, &extent));
      g_assert_cmpfloat (extent.start, >=, ymd (2021, 1, 1));
      g_assert_cmpfloat (extent.end, <=, ymd (2025, 1, 1));
    }
  g_assert_cmpuint (published, ==, 4);

  /* The night of 25 to 26 February 1992, as each source dates it. */
  night = px_timeline_model_find (model, ymd (1992, 2, 25), ymd (1992, 2, 27), PX_TIMELINE_EVENT);
  for (guint i = 0; i < night->len; i++)
    {
      const PxTimelineEntry *e = px_timeline_model_get_entry (model, g_array_index (night, guint32, i));
      const PxTimelineMark *mark = px_timeline_model_get_mark (model, g_array_index (night, guint32, i));

      g_hash_table_add (sources, (gpointer) px_timeline_model_get_lane_label (model, mark->lane));
      g_assert_nonnull (e->sentence);
      g_assert_true (px_edtf_get_extent (e->value, &extent));
      g_assert_cmpfloat (extent.start, <=, ymd (1992, 2, 25));
      g_assert_cmpfloat (extent.end, >=, ymd (1992, 2, 26));
    }
  /* A day-precise night in two sources, the month in a third, the year
   * in a fourth. */
  g_assert_cmpuint (g_hash_table_size (sources), >=, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Px/Timeline/calendar", test_calendar);
  g_test_add_func ("/Px/Timeline/edtf-extent", test_edtf_extent);
  g_test_add_func ("/Px/Timeline/format", test_format);
  g_test_add_func ("/Px/Timeline/mapping", test_mapping);
  g_test_add_func ("/Px/Timeline/ticks", test_ticks);
  g_test_add_func ("/Px/Timeline/range", test_range);
  g_test_add_func ("/Px/Timeline/model-lanes", test_model_lanes);
  g_test_add_func ("/Px/Timeline/model-find", test_model_find);
  g_test_add_func ("/Px/Timeline/layout-culls-and-counts", test_layout_culls_and_counts);
  g_test_add_func ("/Px/Timeline/layout-shapes", test_layout_shapes);
  g_test_add_func ("/Px/Timeline/moves", test_moves);
  g_test_add_func ("/Px/Timeline/seeds", test_seeds);

  return g_test_run ();
}
