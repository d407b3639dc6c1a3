/* px-window-private.h: internals the tests look at
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-core.h"
#include "px-metadata-panel.h"
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
  PX_READER_TAG_MATCH,
  PX_READER_N_TAGS
} PxReaderTag;

PxArchive          *_px_window_get_archive        (PxWindow     *self);
GListModel         *_px_window_get_document_model (PxWindow     *self);
GtkSingleSelection *_px_window_get_selection      (PxWindow     *self);
PxReaderView       *_px_window_get_reader         (PxWindow     *self);
GtkListBox         *_px_window_get_outlet_list    (PxWindow     *self);
GtkSearchEntry     *_px_window_get_search_entry   (PxWindow     *self);
const char         *_px_window_get_visible_page   (PxWindow     *self);
const char         *_px_window_get_list_page      (PxWindow     *self);
GtkWidget          *_px_window_get_page           (PxWindow     *self,
                                                   const char   *name);
gboolean            _px_window_is_importing       (PxWindow     *self);
GPtrArray          *_px_window_get_failures       (PxWindow     *self);
const char         *_px_window_get_last_toast     (PxWindow     *self);
gboolean            _px_window_open_archive       (PxWindow     *self,
                                                   const char   *path);
gboolean            _px_window_create_archive     (PxWindow     *self,
                                                   const char   *path);
void                _px_window_import             (PxWindow     *self,
                                                   const char * const *paths);
gboolean            _px_window_select_outlet      (PxWindow     *self,
                                                   const char   *outlet);
const char         *_px_window_get_current_id     (PxWindow     *self);
GtkDropTarget      *_px_window_get_drop_target    (PxWindow     *self);

GtkTextBuffer      *_px_reader_view_get_buffer    (PxReaderView *self);
GtkTextView        *_px_reader_view_get_text_view (PxReaderView *self);
GtkTextTag         *_px_reader_view_get_tag       (PxReaderView *self,
                                                   PxReaderTag   tag);
const char         *_px_reader_view_get_title     (PxReaderView *self);
guint               _px_reader_view_get_n_removed (PxReaderView *self);
int                 _px_reader_view_get_cursor_paragraph (PxReaderView *self);
void                _px_reader_view_place_cursor_in_paragraph (PxReaderView *self,
                                                               guint         index);
PxMetadataPanel    *_px_reader_view_get_metadata_panel (PxReaderView *self);
GMenuModel         *_px_reader_view_get_line_menu (PxReaderView *self);
guint               _px_reader_view_get_n_matches (PxReaderView *self);

AdwEntryRow        *_px_metadata_panel_get_row    (PxMetadataPanel *self,
                                                   PxField          field);
GtkLabel           *_px_metadata_panel_get_source_label (PxMetadataPanel *self,
                                                         PxField          field);
GtkButton          *_px_metadata_panel_get_revert_button (PxMetadataPanel *self,
                                                          PxField          field);
gboolean            _px_metadata_panel_is_edtf    (const char      *value);

G_END_DECLS
