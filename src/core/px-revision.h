/* px-revision.h: when a page's new version is a revision, and what changed
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"
#include "px-figure.h"

G_BEGIN_DECLS

/* @text with typography folded: curly and angle quotes to straight ones,
 * every dash and minus to '-', ellipsis to "...", soft hyphens and
 * zero-width characters removed, runs of white space (NBSP too) to one
 * space, trimmed. Two versions whose folded title and body are equal are
 * the same text. */
char      *px_revision_fold_typography (const char  *text);
gboolean   px_revision_text_changed    (PxDocument  *before,
                                        PxDocument  *after);

/* A figure one source revised: @before in the older version, @after in
 * the newer, matched by what they count (subject and role, then
 * position). Either may be NULL: a figure the newer version added or dropped. */
typedef struct
{
  PxFigure *before;
  PxFigure *after;
} PxFigureChange;

/* (element-type PxFigureChange): the figures whose value changed. */
GPtrArray *px_revision_figure_changes  (PxDocument  *before,
                                        PxDocument  *after);
void       px_figure_change_free       (PxFigureChange *change);

G_END_DECLS
