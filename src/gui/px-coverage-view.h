/* px-coverage-view.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_COVERAGE_VIEW (px_coverage_view_get_type ())

G_DECLARE_FINAL_TYPE (PxCoverageView, px_coverage_view, PX, COVERAGE_VIEW, GtkWidget)

GtkWidget *px_coverage_view_new (void);

/* Which source reports which topic (a sources × topics matrix with a
 * mark and text, never colour alone) and each source's publication lag
 * for each topic where dates allow.
 *
 * Signals: "topic-activated" (PxTopic *topic). */
void px_coverage_view_set_comparison (PxCoverageView *self,
                                      PxComparison   *comparison);

/* For tests: the table, its first row the counts per source, then a row
 * per topic. */
GtkColumnView *_px_coverage_view_get_column_view (PxCoverageView *self);

G_END_DECLS
