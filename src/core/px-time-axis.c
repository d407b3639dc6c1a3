/* px-time-axis.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-time-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "px-time-axis.h"

#define DAY (86400.0)

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
 * Hinnant's algorithms). GDateTime stops at years 1 and 9999; a timeline of
 * history should not, and these are exact for any year. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 int    *month,
                 int    *day)
{
  gint64 era, doe, yoe, doy, mp, y;
  int m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = y + (m <= 2);
  *month = m;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
}

typedef struct
{
  gint64 year;
  int    month;
  int    day;
  int    hour;
  int    minute;
} Civil;

static Civil
to_civil (double time)
{
  Civil c;
  double days = floor (time / DAY);
  double seconds = time - days * DAY;

  civil_from_days ((gint64) days, &c.year, &c.month, &c.day);
  c.hour = (int) (seconds / 3600);
  c.minute = (int) (fmod (seconds, 3600) / 60);

  return c;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

double
px_time_from_ymd (int year,
                  int month,
                  int day)
{
  /* Months and days overflow as mktime()'s do: month 13 is January of the
   * next year, which is what callers stepping through time want. */
  gint64 m0 = (gint64) month - 1;
  gint64 y = year + floor_div (m0, 12);
  int m = (int) (m0 - floor_div (m0, 12) * 12) + 1;

  return (double) (days_from_civil (y, m, 1) + day - 1) * DAY;
}

static double
year_start (gint64 year)
{
  return (double) days_from_civil (year, 1, 1) * DAY;
}

double
px_time_floor (double     time,
               PxTimeUnit unit)
{
  Civil c = to_civil (time);

  switch (unit)
    {
    case PX_TIME_UNIT_HOUR:
      return floor (time / 3600) * 3600;
    case PX_TIME_UNIT_DAY:
      return floor (time / DAY) * DAY;
    case PX_TIME_UNIT_MONTH:
      return (double) days_from_civil (c.year, c.month, 1) * DAY;
    case PX_TIME_UNIT_YEAR:
      return year_start (c.year);
    case PX_TIME_UNIT_DECADE:
      return year_start (floor_div (c.year, 10) * 10);
    case PX_TIME_UNIT_CENTURY:
      return year_start (floor_div (c.year, 100) * 100);
    case PX_TIME_UNIT_MILLENNIUM:
    default:
      return year_start (floor_div (c.year, 1000) * 1000);
    }
}

/* GDateTime for what it can hold, so month names follow the locale. */
static char *
format_civil (const Civil *c,
              const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (c->year < 1 || c->year > 9999)
    return NULL;
  dt = g_date_time_new_utc ((int) c->year, c->month, c->day, c->hour, c->minute, 0);

  return dt != NULL ? g_date_time_format (dt, format) : NULL;
}

static char *
format_year (gint64 year)
{
  /* Astronomical year 0 is 1 BCE. */
  if (year <= 0)
    return g_strdup_printf (_("%" G_GINT64_FORMAT " BCE"), 1 - year);

  return g_strdup_printf ("%" G_GINT64_FORMAT, year);
}

char *
px_time_format (double     time,
                PxTimeUnit unit)
{
  Civil c = to_civil (time);
  char *text = NULL;

  switch (unit)
    {
    case PX_TIME_UNIT_HOUR:
      /* Translators: a date and time, see g_date_time_format() */
      text = format_civil (&c, _("%-d %B %Y, %H:%M"));
      break;
    case PX_TIME_UNIT_DAY:
      /* Translators: a date, see g_date_time_format() */
      text = format_civil (&c, _("%-d %B %Y"));
      break;
    case PX_TIME_UNIT_MONTH:
      /* Translators: a month and year, see g_date_time_format() */
      text = format_civil (&c, _("%B %Y"));
      break;
    case PX_TIME_UNIT_DECADE:
      /* Translators: a decade, as in "the 1990s" */
      return c.year > 0 ? g_strdup_printf (_("%" G_GINT64_FORMAT "s"), floor_div (c.year, 10) * 10)
                        : format_year (c.year);
    case PX_TIME_UNIT_YEAR:
    case PX_TIME_UNIT_CENTURY:
    case PX_TIME_UNIT_MILLENNIUM:
    default:
      return format_year (c.year);
    }

  if (text == NULL)
    {
      g_autofree char *year = format_year (c.year);

      text = unit == PX_TIME_UNIT_MONTH ? g_strdup_printf ("%s-%02d", year, c.month)
                                        : g_strdup_printf ("%s-%02d-%02d", year, c.month, c.day);
    }

  return text;
}

static PxTimeUnit
unit_for_precision (PxEdtfPrecision precision)
{
  switch (precision)
    {
    case PX_EDTF_PRECISION_CENTURY:
      return PX_TIME_UNIT_CENTURY;
    case PX_EDTF_PRECISION_DECADE:
      return PX_TIME_UNIT_DECADE;
    case PX_EDTF_PRECISION_YEAR:
      return PX_TIME_UNIT_YEAR;
    case PX_EDTF_PRECISION_SEASON:
    case PX_EDTF_PRECISION_MONTH:
      return PX_TIME_UNIT_MONTH;
    case PX_EDTF_PRECISION_TIME:
      return PX_TIME_UNIT_HOUR;
    case PX_EDTF_PRECISION_DAY:
    default:
      return PX_TIME_UNIT_DAY;
    }
}

static gboolean
is_aligned (double     time,
            PxTimeUnit unit)
{
  return px_time_floor (time, unit) == time;
}

char *
px_time_format_period (double start,
                       double end)
{
  static const PxTimeUnit units[] = { PX_TIME_UNIT_YEAR, PX_TIME_UNIT_MONTH, PX_TIME_UNIT_DAY };
  PxTimeUnit unit = end - start > 2 * DAY ? PX_TIME_UNIT_DAY : PX_TIME_UNIT_HOUR;
  /* The last moment inside the period names its last unit. */
  double last = end > start ? end - 1 : start;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (is_aligned (start, units[i]) && is_aligned (end, units[i]))
      {
        unit = units[i];
        break;
      }

  first_text = px_time_format (start, unit);
  last_text = px_time_format (last, unit);
  if (g_strcmp0 (first_text, last_text) == 0)
    return g_steal_pointer (&first_text);

  if (unit == PX_TIME_UNIT_DAY)
    {
      Civil a = to_civil (start);
      Civil b = to_civil (last);

      if (a.year == b.year && a.month == b.month)
        /* Translators: days of one month, "14–15 March 2003": the first day, then the last date */
        return g_strdup_printf (_("%d–%s"), a.day, last_text);
    }

  /* Translators: a period, "March 2003 – April 2004" */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

char *
px_time_format_extent (const PxEdtfExtent *extent)
{
  PxTimeUnit unit;
  g_autofree char *text = NULL;

  g_return_val_if_fail (extent != NULL, NULL);

  unit = unit_for_precision (extent->precision);
  if (extent->flags & (PX_EDTF_OPEN_START | PX_EDTF_OPEN_END))
    {
      /* An open end's place is a guess: say so rather than draw it. */
      g_autofree char *a = (extent->flags & PX_EDTF_OPEN_START) ? g_strdup ("…") : px_time_format (extent->start, unit);
      g_autofree char *b = (extent->flags & PX_EDTF_OPEN_END) ? g_strdup ("…") : px_time_format (extent->end - 1, unit);

      /* Translators: a period, "February 2010 – …" */
      text = g_strdup_printf (_("%s – %s"), a, b);
    }
  else if ((extent->flags & PX_EDTF_INTERVAL) || extent->precision == PX_EDTF_PRECISION_SEASON)
    text = px_time_format_period (extent->start, extent->end);
  else
    text = px_time_format (extent->start, unit);

  if (extent->flags & PX_EDTF_APPROXIMATE)
    /* Translators: an approximate date, "about 2024" */
    return g_strdup_printf (_("about %s"), text);
  if (extent->flags & PX_EDTF_UNCERTAIN)
    /* Translators: an uncertain date, "possibly 2024" */
    return g_strdup_printf (_("possibly %s"), text);

  return g_steal_pointer (&text);
}

char *
px_edtf_format (const char *value)
{
  PxEdtfExtent extent;

  if (value == NULL || *value == '\0')
    return NULL;
  if (!px_edtf_get_extent (value, &extent))
    return g_strdup (value);

  if (extent.precision == PX_EDTF_PRECISION_TIME && extent.flags == 0)
    {
      /* The extent is in UTC; people want the time as it was written. */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (value, utc);

      if (dt != NULL)
        /* Translators: a date and time, see g_date_time_format() */
        return g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
    }

  return px_time_format_extent (&extent);
}

char *
px_time_to_edtf (double     time,
                 PxTimeUnit unit)
{
  Civil c = to_civil (time);
  g_autofree char *year = c.year < 0 ? g_strdup_printf ("-%04" G_GINT64_FORMAT, -c.year)
                                     : g_strdup_printf ("%04" G_GINT64_FORMAT, c.year);

  switch (unit)
    {
    case PX_TIME_UNIT_HOUR:
      return g_strdup_printf ("%s-%02d-%02dT%02d:00:00Z", year, c.month, c.day, c.hour);
    case PX_TIME_UNIT_DAY:
      return g_strdup_printf ("%s-%02d-%02d", year, c.month, c.day);
    case PX_TIME_UNIT_MONTH:
      return g_strdup_printf ("%s-%02d", year, c.month);
    default:
      return g_steal_pointer (&year);
    }
}

/* Ticks */

typedef struct
{
  PxTimeUnit unit;      /* what a step counts */
  int        count;     /* how many of them */
  PxTimeUnit context;   /* the coarser unit whose starts are major ticks */
  double     approx;    /* the step in seconds, for choosing */
} Step;

#define MONTH (30.436875 * DAY)
#define YEAR (365.2425 * DAY)

static const Step steps[] = {
  { PX_TIME_UNIT_HOUR, 1, PX_TIME_UNIT_DAY, 3600 },
  { PX_TIME_UNIT_HOUR, 3, PX_TIME_UNIT_DAY, 3 * 3600 },
  { PX_TIME_UNIT_HOUR, 6, PX_TIME_UNIT_DAY, 6 * 3600 },
  { PX_TIME_UNIT_HOUR, 12, PX_TIME_UNIT_DAY, 12 * 3600 },
  { PX_TIME_UNIT_DAY, 1, PX_TIME_UNIT_MONTH, DAY },
  { PX_TIME_UNIT_DAY, 2, PX_TIME_UNIT_MONTH, 2 * DAY },
  { PX_TIME_UNIT_DAY, 7, PX_TIME_UNIT_MONTH, 7 * DAY },
  { PX_TIME_UNIT_DAY, 14, PX_TIME_UNIT_MONTH, 14 * DAY },
  { PX_TIME_UNIT_MONTH, 1, PX_TIME_UNIT_YEAR, MONTH },
  { PX_TIME_UNIT_MONTH, 3, PX_TIME_UNIT_YEAR, 3 * MONTH },
  { PX_TIME_UNIT_MONTH, 6, PX_TIME_UNIT_YEAR, 6 * MONTH },
  { PX_TIME_UNIT_YEAR, 1, PX_TIME_UNIT_DECADE, YEAR },
  { PX_TIME_UNIT_YEAR, 2, PX_TIME_UNIT_DECADE, 2 * YEAR },
  { PX_TIME_UNIT_YEAR, 5, PX_TIME_UNIT_DECADE, 5 * YEAR },
  { PX_TIME_UNIT_YEAR, 10, PX_TIME_UNIT_CENTURY, 10 * YEAR },
  { PX_TIME_UNIT_YEAR, 20, PX_TIME_UNIT_CENTURY, 20 * YEAR },
  { PX_TIME_UNIT_YEAR, 50, PX_TIME_UNIT_CENTURY, 50 * YEAR },
  { PX_TIME_UNIT_YEAR, 100, PX_TIME_UNIT_MILLENNIUM, 100 * YEAR },
  { PX_TIME_UNIT_YEAR, 200, PX_TIME_UNIT_MILLENNIUM, 200 * YEAR },
  { PX_TIME_UNIT_YEAR, 500, PX_TIME_UNIT_MILLENNIUM, 500 * YEAR },
  { PX_TIME_UNIT_YEAR, 1000, PX_TIME_UNIT_MILLENNIUM, 1000 * YEAR },
  { PX_TIME_UNIT_YEAR, 2000, PX_TIME_UNIT_MILLENNIUM, 2000 * YEAR },
};

static void
clear_tick (gpointer data)
{
  PxTimeTick *tick = data;

  g_free (tick->label);
  g_free (tick->major_label);
}

static char *
tick_label (const Civil *c,
            const Step  *step)
{
  switch (step->unit)
    {
    case PX_TIME_UNIT_HOUR:
      return g_strdup_printf ("%02d:%02d", c->hour, c->minute);
    case PX_TIME_UNIT_DAY:
      return g_strdup_printf ("%d", c->day);
    case PX_TIME_UNIT_MONTH:
      {
        /* Translators: an abbreviated month on the time axis, see g_date_time_format() */
        char *text = format_civil (c, _("%b"));

        return text != NULL ? text : g_strdup_printf ("%02d", c->month);
      }
    default:
      return format_year (c->year);
    }
}

/* A tick at @time for @step; major where the step's context starts, with
 * that context as its label (centuries and coarser go without). */
static void
append_tick (GArray     *ticks,
             double      time,
             const Step *step)
{
  Civil c = to_civil (time);
  PxTimeTick tick = { 0 };

  tick.time = time;
  tick.unit = step->unit;
  tick.context = step->context;
  tick.major = is_aligned (time, step->context);
  tick.label = tick_label (&c, step);
  if (tick.major && step->context <= PX_TIME_UNIT_DECADE)
    tick.major_label = px_time_format (time, step->context);
  g_array_append_val (ticks, tick);
}

/* The first tick at or after @time for @step, and the one after a tick. */
static double
step_time (const Civil *c,
           const Step  *step,
           gint64       index)
{
  switch (step->unit)
    {
    case PX_TIME_UNIT_HOUR:
      return (double) days_from_civil (c->year, c->month, c->day) * DAY + (double) index * 3600 * step->count;
    case PX_TIME_UNIT_MONTH:
      return px_time_from_ymd ((int) c->year, (int) (1 + index * step->count), 1);
    case PX_TIME_UNIT_YEAR:
    default:
      return year_start (index * step->count);
    }
}

GArray *
px_time_axis_ticks (double start,
                    double end,
                    double width,
                    double min_spacing)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (PxTimeTick));
  const Step *step = &steps[G_N_ELEMENTS (steps) - 1];
  double seconds_per_pixel;
  guint limit;

  g_array_set_clear_func (ticks, clear_tick);

  if (!(end > start) || !(width > 0) || !isfinite (start) || !isfinite (end))
    return ticks;

  seconds_per_pixel = (end - start) / width;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].approx / seconds_per_pixel >= MAX (min_spacing, 1))
      {
        step = &steps[i];
        break;
      }

  /* However wide the window, never more ticks than could be labelled. */
  limit = (guint) (width / MAX (min_spacing, 1)) + 4;

  if (step->unit == PX_TIME_UNIT_DAY)
    {
      /* Days restart at the first of each month, so the labels line up
       * with the months: 1, 8, 15, 22 for weeks. */
      double month = px_time_floor (start, PX_TIME_UNIT_MONTH);

      while (month <= end && ticks->len < limit * 2)
        {
          Civil mc = to_civil (month);
          double next_month = px_time_from_ymd ((int) mc.year, mc.month + 1, 1);

          for (int day = 1; ; day += step->count)
            {
              double t = month + (day - 1) * DAY;

              /* A last tick too close to the next month's first is dropped. */
              if (t + step->count * DAY * 0.5 > next_month && day != 1)
                break;
              if (t > end)
                break;
              if (t >= start)
                append_tick (ticks, t, step);
            }
          month = next_month;
        }

      return ticks;
    }

  {
    Civil first = to_civil (start);
    gint64 index;

    switch (step->unit)
      {
      case PX_TIME_UNIT_HOUR:
        index = floor_div ((gint64) ((start - px_time_floor (start, PX_TIME_UNIT_DAY)) / 3600), step->count);
        break;
      case PX_TIME_UNIT_MONTH:
        index = floor_div (first.month - 1, step->count);
        break;
      default:
        index = floor_div (first.year, step->count);
        break;
      }

    for (guint n = 0; n < limit * 2; n++, index++)
      {
        double t = step_time (&first, step, index);
        if (t > end)
          break;
        if (t >= start)
          append_tick (ticks, t, step);
      }
  }

  return ticks;
}
