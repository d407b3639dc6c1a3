/* px-time-range.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-time-range"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "px-time-axis.h"
#include "px-time-range.h"

struct _PxTimeRange
{
  GObject parent_instance;

  double  start;
  double  end;
};

G_DEFINE_FINAL_TYPE (PxTimeRange, px_time_range, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
px_time_range_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxTimeRange *self = PX_TIME_RANGE (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_double (value, self->start);
      break;

    case PROP_END:
      g_value_set_double (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_time_range_class_init (PxTimeRangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = px_time_range_get_property;

  /* Read-only: both ends change together through px_time_range_set(), so
   * no one ever sees a range with one end moved and not the other. */
  properties[PROP_START] =
    g_param_spec_double ("start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_double ("end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_time_range_init (PxTimeRange *self)
{
  /* Until someone fits it to data: the last thirty years. */
  self->start = px_time_from_ymd (2000, 1, 1);
  self->end = px_time_from_ymd (2030, 1, 1);
}

PxTimeRange *
px_time_range_new (void)
{
  return g_object_new (PX_TYPE_TIME_RANGE, NULL);
}

double
px_time_range_get_start (PxTimeRange *self)
{
  g_return_val_if_fail (PX_IS_TIME_RANGE (self), 0);

  return self->start;
}

double
px_time_range_get_end (PxTimeRange *self)
{
  g_return_val_if_fail (PX_IS_TIME_RANGE (self), 0);

  return self->end;
}

double
px_time_range_get_span (PxTimeRange *self)
{
  g_return_val_if_fail (PX_IS_TIME_RANGE (self), 0);

  return self->end - self->start;
}

void
px_time_range_set (PxTimeRange *self,
                   double       start,
                   double       end)
{
  double span, middle;

  g_return_if_fail (PX_IS_TIME_RANGE (self));

  if (!isfinite (start) || !isfinite (end))
    return;
  if (end < start)
    {
      double t = start;
      start = end;
      end = t;
    }

  /* Keep the span where the axis has ticks for it, around the middle. */
  span = CLAMP (end - start, PX_TIME_RANGE_MIN_SPAN, PX_TIME_RANGE_MAX_SPAN);
  middle = start / 2 + end / 2;
  start = middle - span / 2;
  end = middle + span / 2;

  if (start == self->start && end == self->end)
    return;

  self->start = start;
  self->end = end;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
px_time_range_zoom (PxTimeRange *self,
                    double       anchor,
                    double       factor)
{
  double span, new_span, ratio;

  g_return_if_fail (PX_IS_TIME_RANGE (self));

  if (!(factor > 0) || !isfinite (factor) || !isfinite (anchor))
    return;

  span = self->end - self->start;
  new_span = CLAMP (span / factor, PX_TIME_RANGE_MIN_SPAN, PX_TIME_RANGE_MAX_SPAN);
  /* The anchor keeps its place on screen: the same fraction of the span
   * lies before it after the zoom as before. */
  ratio = CLAMP ((anchor - self->start) / span, 0, 1);
  px_time_range_set (self, anchor - ratio * new_span, anchor - ratio * new_span + new_span);
}

void
px_time_range_pan (PxTimeRange *self,
                   double       fraction)
{
  double delta;

  g_return_if_fail (PX_IS_TIME_RANGE (self));

  delta = (self->end - self->start) * fraction;
  px_time_range_set (self, self->start + delta, self->end + delta);
}

void
px_time_range_fit (PxTimeRange *self,
                   double       start,
                   double       end,
                   double       margin)
{
  double span;

  g_return_if_fail (PX_IS_TIME_RANGE (self));

  if (end - start < 86400)
    {
      double middle = start / 2 + end / 2;

      start = middle - 43200;
      end = middle + 43200;
    }
  span = end - start;
  px_time_range_set (self, start - span * margin, end + span * margin);
}

void
px_time_range_center_on (PxTimeRange *self,
                         double       time)
{
  double span;

  g_return_if_fail (PX_IS_TIME_RANGE (self));

  span = self->end - self->start;
  px_time_range_set (self, time - span / 2, time + span / 2);
}

char *
px_time_range_to_string (PxTimeRange *self)
{
  char start[G_ASCII_DTOSTR_BUF_SIZE];
  char end[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (PX_IS_TIME_RANGE (self), NULL);

  return g_strdup_printf ("%s %s",
                          g_ascii_dtostr (start, sizeof start, self->start),
                          g_ascii_dtostr (end, sizeof end, self->end));
}

/* Anything but two finite numbers, in order, is refused and changes
 * nothing: the text comes from a file the user may have edited. */
gboolean
px_time_range_set_from_string (PxTimeRange *self,
                               const char  *text)
{
  char *rest = NULL;
  double start, end;

  g_return_val_if_fail (PX_IS_TIME_RANGE (self), FALSE);

  if (text == NULL)
    return FALSE;
  start = g_ascii_strtod (text, &rest);
  if (rest == text || *rest != ' ')
    return FALSE;
  text = rest + 1;
  end = g_ascii_strtod (text, &rest);
  if (rest == text || *rest != '\0' || !isfinite (start) || !isfinite (end) || !(end > start))
    return FALSE;

  px_time_range_set (self, start, end);

  return TRUE;
}
