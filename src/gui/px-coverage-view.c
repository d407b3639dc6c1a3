/* px-coverage-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-coverage-view.h"

/* STUB: to be written. */
struct _PxCoverageView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PxCoverageView, px_coverage_view, GTK_TYPE_WIDGET)

static void
px_coverage_view_class_init (PxCoverageViewClass *klass)
{
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
px_coverage_view_init (PxCoverageView *self)
{
}

GtkWidget *
px_coverage_view_new (void)
{
  return g_object_new (PX_TYPE_COVERAGE_VIEW, NULL);
}
void px_coverage_view_set_comparison (PxCoverageView *self, PxComparison *comparison) { (void) self; (void) comparison; }
