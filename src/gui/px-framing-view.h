/* px-framing-view.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_FRAMING_VIEW (px_framing_view_get_type ())

G_DECLARE_FINAL_TYPE (PxFramingView, px_framing_view, PX, FRAMING_VIEW, GtkWidget)

GtkWidget *px_framing_view_new (void);

/* How each source names the event and its actors: the term sets' uses
 * per 1,000 words per source (editable sets, stored through the
 * comparison), the names found for the event, and the attribution verbs
 * with their speakers.
 *
 * Signals: "passage-activated" (guint document, const char *text). */
void px_framing_view_set_comparison (PxFramingView *self,
                                     PxComparison  *comparison);

/* For tests: the stack of tables (a page per term set, "set-N", then
 * "names", "verbs" and "attributions"), and the terms editor, which the
 * "framing.edit-terms" action opens. */
GtkStack      *_px_framing_view_get_pages         (PxFramingView *self);
GtkWindow     *_px_framing_view_get_editor        (PxFramingView *self);
GtkTextBuffer *_px_framing_view_get_editor_buffer (PxFramingView *self);
gboolean       _px_framing_view_save_terms        (PxFramingView *self);
void           _px_framing_view_reset_terms       (PxFramingView *self);

G_END_DECLS
