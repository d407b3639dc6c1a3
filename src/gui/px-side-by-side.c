/* px-side-by-side.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-side-by-side.h"

/* STUB: to be written. */
struct _PxSideBySide
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PxSideBySide, px_side_by_side, GTK_TYPE_WIDGET)

static void
px_side_by_side_class_init (PxSideBySideClass *klass)
{
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
px_side_by_side_init (PxSideBySide *self)
{
}

GtkWidget *
px_side_by_side_new (void)
{
  return g_object_new (PX_TYPE_SIDE_BY_SIDE, NULL);
}

void px_side_by_side_set_comparison (PxSideBySide *self, PxComparison *comparison) { (void) self; (void) comparison; }
void px_side_by_side_show_topic (PxSideBySide *self, PxTopic *topic) { (void) self; (void) topic; }
void px_side_by_side_show_alignment (PxSideBySide *self, PxAlignment *alignment) { (void) self; (void) alignment; }
void px_side_by_side_clear (PxSideBySide *self) { (void) self; }
