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
 * the newer, matched by what they count (subject and role as lemmas; when
 * several figures count the same, the likest sentences, then order; a
 * figure whose subject or role was reworded pairs when its sentence is
 * mostly the same words). Either may be NULL: a figure the newer version
 * added or dropped. @before_fetched and @after_fetched are when each
 * version was fetched (ISO 8601), when the caller knows it; NULL from
 * px_revision_figure_changes(). */
typedef struct
{
  PxFigure *before;
  PxFigure *after;
  char     *before_fetched;
  char     *after_fetched;
} PxFigureChange;

/* (element-type PxFigureChange): the figures whose value, upper bound or
 * qualifier changed, and those added or dropped, in the newer version's
 * order (a dropped figure where it stood). */
GPtrArray *px_revision_figure_changes  (PxDocument  *before,
                                        PxDocument  *after);
void       px_figure_change_free       (PxFigureChange *change);

/* @figure's value as a person reads it: "at least 12", "20–30",
 * "hundreds", like px_report_dup_value(). Returns: (transfer full) */
char      *px_revision_dup_figure_value (const PxFigure *figure);

/* "20 Nov 2026" in local time, for an ISO 8601 date and time, or with
 * @with_time "20 Nov 2026, 17:40" (two versions of one day told apart);
 * NULL when @iso8601 is NULL or not one. Returns: (transfer full) (nullable) */
char      *px_revision_format_date     (const char  *iso8601,
                                        gboolean     with_time);
/* What changed, in words: "Was at least 12 on 20 Nov 2026; 15 since 22
 * Nov 2026", "7, new since 22 Nov 2026", "9 on 20 Nov 2026, since
 * removed"; dates left out when unknown. Returns: (transfer full) */
char      *px_figure_change_dup_description (const PxFigureChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFigureChange, px_figure_change_free)

G_END_DECLS
