/* px-test-display.h: waiting for widgets to be on screen, for the widget
 * tests and the timeline benchmark
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Spins the main loop until @widget is mapped and three frames went by,
 * or @timeout_seconds passed. Returns whether it was drawn. */
gboolean px_test_wait_for_draw (GtkWidget *widget,
                                guint      timeout_seconds);

/* Call first in a widget test's main(). Keeps every warning fatal except
 * GTK's "Trying to snapshot … without a current allocation", which is
 * printed instead: see px-test-display.c. */
void     px_test_display_init  (void);

/* An accessible property's value. GTK 4.8 has no getter: the test AT
 * context's check returns the actual value when it differs from the
 * expected one, so asking for a value it cannot have gives it back. */
char    *px_test_get_accessible (GtkWidget             *widget,
                                 GtkAccessibleProperty  property);

/* Adds @widget and every widget under it of @type to @found, in tree
 * order. */
void     px_test_collect_type   (GtkWidget             *widget,
                                 GType                  type,
                                 GPtrArray             *found);

G_END_DECLS
