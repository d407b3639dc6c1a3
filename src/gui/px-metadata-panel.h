/* px-metadata-panel.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_METADATA_PANEL (px_metadata_panel_get_type ())

G_DECLARE_FINAL_TYPE (PxMetadataPanel, px_metadata_panel, PX, METADATA_PANEL, GtkWidget)

GtkWidget  *px_metadata_panel_new          (void);
PxDocument *px_metadata_panel_get_document (PxMetadataPanel *self);
void        px_metadata_panel_set_document (PxMetadataPanel *self,
                                            PxDocument      *document);

/* "Edited by you", "From the dateline": where a value came from, in words. */
const char *_px_source_to_phrase           (PxSource         source);

G_END_DECLS
