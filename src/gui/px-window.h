/* px-window.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())

G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow *px_window_new               (GtkApplication      *application);
gboolean  px_window_open_last_archive (PxWindow            *self);
void      px_window_open_paths        (PxWindow            *self,
                                       const char * const  *paths);

G_END_DECLS
