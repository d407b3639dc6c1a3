/* px-document-row.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_DOCUMENT_ROW (px_document_row_get_type ())

G_DECLARE_FINAL_TYPE (PxDocumentRow, px_document_row, PX, DOCUMENT_ROW, GtkWidget)

GtkWidget      *px_document_row_new      (void);
PxDocumentInfo *px_document_row_get_info (PxDocumentRow  *self);
void            px_document_row_set_info (PxDocumentRow  *self,
                                          PxDocumentInfo *info);

/* Pango markup for a search snippet: matches in bold, the rest escaped. */
char       *_px_snippet_to_markup          (const char  *snippet);

G_END_DECLS
