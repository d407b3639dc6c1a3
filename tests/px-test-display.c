/* px-test-display.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-test-display.h"

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

gboolean
px_test_wait_for_draw (GtkWidget *widget,
                       guint      timeout_seconds)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;

  /* Not a blocking iteration: the deadline must be seen even when no
   * frame ever comes (no display). */
  while ((frames < 3 || !gtk_widget_get_mapped (widget)) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  gtk_widget_remove_tick_callback (widget, id);

  return frames >= 3 && gtk_widget_get_mapped (widget);
}
