/* px-selection.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-selection-item.h"

G_BEGIN_DECLS

#define PX_TYPE_SELECTION (px_selection_get_type ())

/* A named, ordered list of what the user collected; a GListModel of
 * PxSelectionItem. The archive stores several (px_archive_save_selection);
 * the object itself does no I/O. Properties "id", "name" (notified). */
G_DECLARE_FINAL_TYPE (PxSelection, px_selection, PX, SELECTION, GObject)

PxSelection *px_selection_new        (const char      *name);
gint64       px_selection_get_id     (PxSelection     *self);
void         px_selection_set_id     (PxSelection     *self,
                                      gint64           id);
const char  *px_selection_get_name   (PxSelection     *self);
void         px_selection_set_name   (PxSelection     *self,
                                      const char      *name);
void         px_selection_append     (PxSelection     *self,
                                      PxSelectionItem *item);
void         px_selection_insert     (PxSelection     *self,
                                      guint            position,
                                      PxSelectionItem *item);
void         px_selection_remove     (PxSelection     *self,
                                      guint            position);
/* Moves the item at @from to @to (both < n_items). */
void         px_selection_move       (PxSelection     *self,
                                      guint            from,
                                      guint            to);
void         px_selection_remove_all (PxSelection     *self);
/* The ids of the documents the items quote, each once, in first-quoted
 * order. */
GStrv        px_selection_dup_document_ids (PxSelection *self);

G_END_DECLS
