/* px-figure-extractor.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Finds the figures in one piece of text. Returns (transfer full) an array
 * of PxFigure with start/end/sentence set and paragraph 0, in text order. */
GPtrArray *px_figure_extractor_find    (const char *text);

/* Finds the figures in every kept paragraph of @document and adds them
 * with their paragraph index. Dates must be extracted first: a number that
 * lies inside a date mention is not a figure. */
void       px_figure_extractor_extract (PxDocument *document);

G_END_DECLS
