/* px-column-view-name.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       px_column_view_set_name (GtkColumnView *view,
                                    const char    *name);
GtkWidget *px_column_view_get_list (GtkColumnView *view);

G_END_DECLS
