/* px-window-private.h: internals the tests look at
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-core.h"
#include "px-reader-view.h"
#include "px-window.h"

G_BEGIN_DECLS

typedef enum
{
  PX_READER_TAG_HEADING,
  PX_READER_TAG_QUOTE,
  PX_READER_TAG_CAPTION,
  PX_READER_TAG_REMOVED,
  PX_READER_TAG_REMOVED_REASON,
  PX_READER_TAG_FIGURE,
  PX_READER_TAG_DATE,
  PX_READER_N_TAGS
} PxReaderTag;

GListModel         *_px_window_get_document_model (PxWindow     *self);
GtkSingleSelection *_px_window_get_selection      (PxWindow     *self);
PxReaderView       *_px_window_get_reader         (PxWindow     *self);
const char         *_px_window_get_visible_page   (PxWindow     *self);
GtkWidget          *_px_window_get_page           (PxWindow     *self,
                                                   const char   *name);
gboolean            _px_window_is_loading         (PxWindow     *self);
GPtrArray          *_px_window_get_failures       (PxWindow     *self);
const char         *_px_window_get_last_toast     (PxWindow     *self);
void                _px_window_open_folder        (PxWindow     *self,
                                                   const char   *path);

GtkTextBuffer      *_px_reader_view_get_buffer    (PxReaderView *self);
GtkTextView        *_px_reader_view_get_text_view (PxReaderView *self);
GtkTextTag         *_px_reader_view_get_tag       (PxReaderView *self,
                                                   PxReaderTag   tag);
const char         *_px_reader_view_get_title     (PxReaderView *self);
guint               _px_reader_view_get_n_removed (PxReaderView *self);

G_END_DECLS
