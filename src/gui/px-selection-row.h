/* px-selection-row.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SELECTION_ROW (px_selection_row_get_type ())

G_DECLARE_FINAL_TYPE (PxSelectionRow, px_selection_row, PX, SELECTION_ROW, GtkListBoxRow)

/* One item of a selection in the selection panel: what it is, where it
 * comes from, the first words it quotes and the user's note, with
 * buttons to annotate and remove it and a menu to move it. It can be
 * dragged onto another row to move it there.
 *
 * Everything it changes goes through the panel's actions, given the
 * row's position: "selection.move" (uu) from, to; "selection.remove-at"
 * (u); "selection.set-note" (us). */
GtkWidget       *px_selection_row_new        (PxSelectionItem *item);
PxSelectionItem *px_selection_row_get_item   (PxSelectionRow  *self);
/* Opens the note's editor, with the keyboard in it. */
void             px_selection_row_edit_note  (PxSelectionRow  *self);
/* Enables Move Up and Move Down for a row at @position of @n_items. */
void             px_selection_row_set_bounds (PxSelectionRow  *self,
                                              guint            position,
                                              guint            n_items);

/* For tests: the note's entry in its popover. */
GtkEditable     *_px_selection_row_get_note_entry (PxSelectionRow *self);

G_END_DECLS
