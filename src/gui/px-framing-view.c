/* px-framing-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-framing-view.h"

/* STUB: to be written. */
struct _PxFramingView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PxFramingView, px_framing_view, GTK_TYPE_WIDGET)

static void
px_framing_view_class_init (PxFramingViewClass *klass)
{
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
px_framing_view_init (PxFramingView *self)
{
}

GtkWidget *
px_framing_view_new (void)
{
  return g_object_new (PX_TYPE_FRAMING_VIEW, NULL);
}
void px_framing_view_set_comparison (PxFramingView *self, PxComparison *comparison) { (void) self; (void) comparison; }
