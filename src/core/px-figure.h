/* px-figure.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-types.h"

G_BEGIN_DECLS

#define PX_TYPE_FIGURE (px_figure_get_type ())

/* A quantity a document reports: "more than 412 civilians were killed".
 *
 * @text is the figure as written, with its qualifier ("more than 412");
 * @start and @end are byte offsets of @text within paragraph @paragraph of
 * the document; @sentence is the whole sentence it stands in. @max is NaN
 * unless the figure is a range ("between 20 and 30"). */
typedef struct
{
  double       value;
  double       max;
  PxQualifier  qualifier;
  char        *subject;
  char        *role;
  char        *attribution;
  char        *text;
  char        *sentence;
  guint        paragraph;
  gsize        start;
  gsize        end;
} PxFigure;

GType     px_figure_get_type (void) G_GNUC_CONST;
PxFigure *px_figure_new      (void);
PxFigure *px_figure_copy     (const PxFigure *self);
void      px_figure_free     (PxFigure       *self);
gboolean  px_figure_has_max  (const PxFigure *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFigure, px_figure_free)

G_END_DECLS
