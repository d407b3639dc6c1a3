/* px-selection-panel.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SELECTION_PANEL (px_selection_panel_get_type ())

G_DECLARE_FINAL_TYPE (PxSelectionPanel, px_selection_panel, PX, SELECTION_PANEL, GtkWidget)

/* The side panel of the window that shows what the user collected: the
 * archive's named selections (switch, new, rename, delete), the items of
 * the current one (reorder by dragging or Alt+Up/Down, annotate,
 * remove), and the way to export, copy or print it (the window's
 * actions). Every change is stored in the archive at once; the current
 * selection is remembered per archive. */
GtkWidget   *px_selection_panel_new           (void);
void         px_selection_panel_set_archive   (PxSelectionPanel *self,
                                               PxArchive        *archive);
/* (transfer none) (nullable): the current selection. */
PxSelection *px_selection_panel_get_selection (PxSelectionPanel *self);
/* Appends @items (PxSelectionItem) to the current selection and stores
 * it, leaving out those already there. Returns how many were added, or
 * -1 with @error set when the archive refused the change (the selection
 * then shows what is stored). */
int          px_selection_panel_add_items     (PxSelectionPanel *self,
                                               GPtrArray        *items,
                                               GError          **error);
/* Whether the last addition, removal or clearing can be undone. */
gboolean     px_selection_panel_can_undo      (PxSelectionPanel *self);
void         px_selection_panel_undo          (PxSelectionPanel *self);
/* Puts the keyboard on the items (or the empty page). */
void         px_selection_panel_focus_items   (PxSelectionPanel *self);

/* For tests. */
GtkListBox  *_px_selection_panel_get_list     (PxSelectionPanel *self);
GtkDropDown *_px_selection_panel_get_selector (PxSelectionPanel *self);
/* Switches to the selection at @position of the selector. */
void         _px_selection_panel_switch_to    (PxSelectionPanel *self,
                                               guint             position);
/* What the New, Rename and Delete dialogs do once answered. */
void         _px_selection_panel_create       (PxSelectionPanel *self,
                                               const char       *name);
void         _px_selection_panel_rename       (PxSelectionPanel *self,
                                               const char       *name);
void         _px_selection_panel_delete       (PxSelectionPanel *self);

G_END_DECLS
