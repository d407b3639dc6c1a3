/* px-edtf.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-edtf"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-edtf.h"
#include "px-time-axis.h"

#define DAY (86400.0)

/* Reads one EDTF date (no interval) as the span it covers. Qualifiers may
 * follow any part ("2003-03~", "2003?-03"); unspecified digits widen the
 * span ("198X" is the 1980s, "2003-XX" the year). */
static gboolean
parse_date (const char   *text,
            PxEdtfExtent *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  char digits[8] = { 0 };
  guint n = 0, unknown = 0;
  int year, month = 0, day = 0, hour = -1, minute = 0, second = 0;
  PxEdtfFlags flags = 0;
  double start, end;

#define QUALIFIERS()                                             \
  while (*p == '~' || *p == '?' || *p == '%')                     \
    {                                                            \
      flags |= *p == '~' ? PX_EDTF_APPROXIMATE :                 \
               *p == '?' ? PX_EDTF_UNCERTAIN :                   \
               (PX_EDTF_APPROXIMATE | PX_EDTF_UNCERTAIN);         \
      p++;                                                       \
    }

  QUALIFIERS ();
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  while (n < 4 && (g_ascii_isdigit (*p) || *p == 'X'))
    {
      if (*p == 'X')
        unknown++;
      else if (unknown > 0)
        return FALSE;   /* "1X92": not a span */
      digits[n++] = *p == 'X' ? '0' : *p;
      p++;
    }
  if (n != 4 || unknown == 4)
    return FALSE;
  year = atoi (digits);
  if (negative)
    year = -year;
  QUALIFIERS ();

  if (unknown > 0)
    {
      int width = unknown == 1 ? 10 : unknown == 2 ? 100 : 1000;

      if (*p != '\0')
        return FALSE;
      out->start = px_time_from_ymd (year, 1, 1);
      out->end = px_time_from_ymd (year + (negative ? -width : width), 1, 1);
      if (negative)
        {
          double t = out->start;
          out->start = out->end;
          out->end = t;
        }
      out->precision = unknown == 1 ? PX_EDTF_PRECISION_DECADE : PX_EDTF_PRECISION_CENTURY;
      out->flags = flags;
      return TRUE;
    }

  if (*p == '-')
    {
      p++;
      if (p[0] == 'X' && p[1] == 'X')
        month = -1;
      else if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
        month = (p[0] - '0') * 10 + (p[1] - '0');
      else
        return FALSE;
      p += 2;
      QUALIFIERS ();
      if (month == 0 || (month > 12 && (month < 21 || month > 24)))
        return FALSE;

      if (*p == '-' && month > 0 && month <= 12)
        {
          p++;
          if (p[0] == 'X' && p[1] == 'X')
            day = -1;
          else if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
            day = (p[0] - '0') * 10 + (p[1] - '0');
          else
            return FALSE;
          p += 2;
          QUALIFIERS ();
          if (day == 0 || day > 31)
            return FALSE;
          if (day > 0 && px_time_from_ymd (year, month, day) >= px_time_from_ymd (year, month + 1, 1))
            return FALSE;   /* 30 February */

          if (*p == 'T' && day > 0)
            {
              p++;
              if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != ':' ||
                  !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]))
                return FALSE;
              hour = (p[0] - '0') * 10 + (p[1] - '0');
              minute = (p[3] - '0') * 10 + (p[4] - '0');
              p += 5;
              if (p[0] == ':' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
                {
                  second = (p[1] - '0') * 10 + (p[2] - '0');
                  p += 3;
                }
              if (hour > 24 || minute > 59 || second > 60)
                return FALSE;
              /* A zone shifts the instant to UTC. */
              if (*p == 'Z')
                p++;
              else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
                {
                  int sign = *p == '-' ? -1 : 1;
                  int zh = (p[1] - '0') * 10 + (p[2] - '0');
                  int zm = 0;

                  p += 3;
                  if (*p == ':')
                    p++;
                  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
                    {
                      zm = (p[0] - '0') * 10 + (p[1] - '0');
                      p += 2;
                    }
                  hour -= sign * zh;
                  minute -= sign * zm;
                }
            }
        }
    }
  if (*p != '\0')
    return FALSE;

  if (month > 20)
    {
      /* Seasons, northern hemisphere: spring is March to May, winter runs
       * from December into the next year. */
      int first = 3 + (month - 21) * 3;

      start = px_time_from_ymd (year, first, 1);
      end = px_time_from_ymd (year, first + 3, 1);
      out->precision = PX_EDTF_PRECISION_SEASON;
    }
  else if (month <= 0)
    {
      start = px_time_from_ymd (year, 1, 1);
      end = px_time_from_ymd (year + 1, 1, 1);
      out->precision = PX_EDTF_PRECISION_YEAR;
    }
  else if (day <= 0)
    {
      start = px_time_from_ymd (year, month, 1);
      end = px_time_from_ymd (year, month + 1, 1);
      out->precision = PX_EDTF_PRECISION_MONTH;
    }
  else if (hour < 0)
    {
      start = px_time_from_ymd (year, month, day);
      end = start + DAY;
      out->precision = PX_EDTF_PRECISION_DAY;
    }
  else
    {
      /* A time is an instant; a minute gives it a width to be drawn. */
      start = px_time_from_ymd (year, month, day) + hour * 3600.0 + minute * 60.0 + second;
      end = start + 60;
      out->precision = PX_EDTF_PRECISION_TIME;
    }

  out->start = start;
  out->end = end;
  out->flags = flags;

  return TRUE;
#undef QUALIFIERS
}

/* How far an open end reaches beyond the known one: one unit of its
 * precision, so "2020/.." is drawn as going on, not as forever. */
static double
open_width (const PxEdtfExtent *known)
{
  return known->end - known->start;
}

gboolean
px_edtf_get_extent (const char   *value,
                    PxEdtfExtent *extent)
{
  const char *slash;
  PxEdtfExtent a = { 0 }, b = { 0 };

  g_return_val_if_fail (extent != NULL, FALSE);

  memset (extent, 0, sizeof *extent);
  if (value == NULL || *value == '\0' || strlen (value) > 64)
    return FALSE;

  slash = strchr (value, '/');
  if (slash == NULL)
    return parse_date (value, extent);

  {
    g_autofree char *first = g_strndup (value, slash - value);
    const char *second = slash + 1;
    gboolean open_start = *first == '\0' || strcmp (first, "..") == 0;
    gboolean open_end = *second == '\0' || strcmp (second, "..") == 0;

    if (strchr (second, '/') != NULL || (open_start && open_end))
      return FALSE;
    if (!open_start && !parse_date (first, &a))
      return FALSE;
    if (!open_end && !parse_date (second, &b))
      return FALSE;

    if (open_start)
      {
        a = b;
        a.start = b.start - open_width (&b);
        a.end = b.start;
      }
    if (open_end)
      {
        b = a;
        b.start = a.end;
        b.end = a.end + open_width (&a);
      }
    if (b.end < a.start)
      return FALSE;   /* ends before it starts */

    extent->start = a.start;
    extent->end = MAX (a.end, b.end);
    extent->precision = MIN (a.precision, b.precision);
    extent->flags = (a.flags | b.flags) | PX_EDTF_INTERVAL |
                    (open_start ? PX_EDTF_OPEN_START : 0) |
                    (open_end ? PX_EDTF_OPEN_END : 0);
  }

  return TRUE;
}
