/* px-topic-private.h: what the comparison builds topics with
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-compare-edits.h"
#include "px-topic.h"

G_BEGIN_DECLS

/* Fills @low, @high and @vague from the figure. @figure is taken. */
PxReport *_px_report_new (guint       document,
                          guint       source,
                          const char *document_id,
                          PxFigure   *figure);

PxReport *_px_report_copy (const PxReport *self);

/* @reports: (transfer full) (element-type PxReport); @edit: (nullable),
 * the user's record of this topic, copied from. */
PxTopic  *_px_topic_new  (const char        *id,
                          const char        *auto_label,
                          GPtrArray         *reports,
                          const PxTopicEdit *edit);

G_END_DECLS
