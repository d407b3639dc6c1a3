/* px-revision-view.h: a page's versions and what changed between two
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_REVISION_VIEW (px_revision_view_get_type ())

G_DECLARE_FINAL_TYPE (PxRevisionView, px_revision_view, PX, REVISION_VIEW, GtkWidget)

GtkWidget  *px_revision_view_new            (void);
/* Lists every version of the page @document_id is one of, from
 * @archive (on its thread), and compares the one before the newest with
 * the newest. FALSE with @error when the archive cannot say. */
gboolean    px_revision_view_load           (PxRevisionView *self,
                                             PxArchive      *archive,
                                             const char     *document_id,
                                             GError        **error);
guint       px_revision_view_get_n_versions (PxRevisionView *self);
/* Compares version @from with version @to (indices, 0 the oldest); the
 * same index twice shows that version whole, unmarked. */
void        px_revision_view_compare        (PxRevisionView *self,
                                             guint           from,
                                             guint           to);

/* A window holding a view of @document_id's versions, transient for
 * @parent; NULL with @error when they cannot be listed. */
GtkWindow  *px_revision_view_present        (GtkWindow      *parent,
                                             PxArchive      *archive,
                                             const char     *document_id,
                                             GError        **error);

/* For the tests. */
GtkTextBuffer *_px_revision_view_get_buffer       (PxRevisionView *self);
GtkWidget     *_px_revision_view_get_diff_view    (PxRevisionView *self);
GtkListBox    *_px_revision_view_get_versions     (PxRevisionView *self);
GtkListBox    *_px_revision_view_get_figures      (PxRevisionView *self);
GtkDropDown   *_px_revision_view_get_from         (PxRevisionView *self);
GtkDropDown   *_px_revision_view_get_to           (PxRevisionView *self);
const char    *_px_revision_view_get_summary      (PxRevisionView *self);

G_END_DECLS
