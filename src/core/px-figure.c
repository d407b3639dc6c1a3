/* px-figure.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "px-figure.h"

G_DEFINE_BOXED_TYPE (PxFigure, px_figure, px_figure_copy, px_figure_free)

PxFigure *
px_figure_new (void)
{
  PxFigure *self = g_new0 (PxFigure, 1);

  self->max = NAN;
  self->qualifier = PX_QUALIFIER_EXACT;

  return self;
}

PxFigure *
px_figure_copy (const PxFigure *self)
{
  PxFigure *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->subject = g_strdup (self->subject);
  copy->role = g_strdup (self->role);
  copy->attribution = g_strdup (self->attribution);
  copy->text = g_strdup (self->text);
  copy->sentence = g_strdup (self->sentence);

  return copy;
}

void
px_figure_free (PxFigure *self)
{
  if (self == NULL)
    return;

  g_free (self->subject);
  g_free (self->role);
  g_free (self->attribution);
  g_free (self->text);
  g_free (self->sentence);
  g_free (self);
}

gboolean
px_figure_has_max (const PxFigure *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !isnan (self->max);
}
