/* px-test-display.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "px-test-display.h"

/* GTK warns "Trying to snapshot <widget> without a current allocation"
 * when a frame paints a widget whose resize was queued after that frame's
 * layout phase; the next frame lays it out and paints it. Under a loaded
 * Xvfb this happens now and then in the window's main stack right after an
 * import lands (seen about once in ten runs of the compare page's reload
 * test before selections existed, with no Parallax code on the stack), and
 * g_test_init() makes every warning abort. It is a frame's timing, not a
 * behaviour the tests check, so it is printed and the test goes on; any
 * other warning still aborts. */
static GLogWriterOutput
writer (GLogLevelFlags   log_level,
        const GLogField *fields,
        gsize            n_fields,
        gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0)
    for (gsize i = 0; i < n_fields; i++)
      if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          g_str_has_prefix (fields[i].value, "Trying to snapshot ") &&
          strstr (fields[i].value, " without a current allocation") != NULL)
        return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
px_test_display_init (void)
{
  g_log_set_writer_func (writer, NULL, NULL);
}

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

char *
px_test_get_accessible (GtkWidget             *widget,
                        GtkAccessibleProperty  property)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");

  g_assert_nonnull (value);
  return value;
}

void
px_test_collect_type (GtkWidget *widget,
                      GType      type,
                      GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    px_test_collect_type (child, type, found);
}
