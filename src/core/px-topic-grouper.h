/* px-topic-grouper.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-topic.h"

G_BEGIN_DECLS

/* A set of reports the grouping found to report one quantity. @members
 * are indices into the reports given; @label names the quantity for
 * people ("people killed"). */
typedef struct
{
  GArray *members;
  char   *label;
} PxReportGroup;

void       px_report_group_free (PxReportGroup *group);

/* Groups @reports (element-type PxReport) into topics: see
 * px-topic-grouper.c for how. Every report lands in exactly one group.
 * Returns: (transfer full) (element-type PxReportGroup), or NULL when
 * cancelled. */
GPtrArray *px_group_reports     (GPtrArray     *reports,
                                 GCancellable  *cancellable);

G_END_DECLS
