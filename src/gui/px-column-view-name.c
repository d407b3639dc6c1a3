/* px-column-view-name.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-column-view-name.h"

/* GTK 4.8 keeps a column view's rows in an inner list view, which it
 * exports to screen readers named after its type: this is that list, or
 * the view itself if a later GTK has none. */
GtkWidget *
px_column_view_get_list (GtkColumnView *view)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return GTK_WIDGET (view);
}

/* Names the table and its rows' list alike, for screen readers. */
void
px_column_view_set_name (GtkColumnView *view,
                         const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (px_column_view_get_list (view)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
