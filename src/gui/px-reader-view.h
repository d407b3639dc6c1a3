/* px-reader-view.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_READER_VIEW (px_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (PxReaderView, px_reader_view, PX, READER_VIEW, GtkWidget)

GtkWidget  *px_reader_view_new               (void);
PxDocument *px_reader_view_get_document      (PxReaderView *self);
void        px_reader_view_set_document      (PxReaderView *self,
                                              PxDocument   *document);
gboolean    px_reader_view_get_show_removed  (PxReaderView *self);
void        px_reader_view_set_show_removed  (PxReaderView *self,
                                              gboolean      show_removed);
void        px_reader_view_set_highlight     (PxReaderView *self,
                                              const char   *query);
gboolean    px_reader_view_reveal_text       (PxReaderView *self,
                                              const char   *text);

G_END_DECLS
