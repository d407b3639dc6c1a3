/* px-print-export.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_PRINT_EXPORT (px_print_export_get_type ())

G_DECLARE_FINAL_TYPE (PxPrintExport, px_print_export, PX, PRINT_EXPORT, GtkPrintOperation)

/* A print operation that lays out an export (PxExportPlan) on pages with
 * Pango: the title, each item with its quotations indented and in
 * italics, a topic's reports as a table, the sources as numbered notes,
 * and page numbers. Run it with GTK_PRINT_OPERATION_ACTION_EXPORT and an
 * export-filename for a PDF, or with PRINT_DIALOG to print (the dialog
 * previews). The layout is made a few items at a time ("paginate"), so
 * the main loop runs on while a long export is laid out; cancel it with
 * gtk_print_operation_cancel(). */
PxPrintExport *px_print_export_new         (PxExportPlan  *plan);
/* How many pages, once all is laid out ("paginate" is done); 0 before. */
int            px_print_export_get_n_pages (PxPrintExport *self);
/* How many pages end on a heading or a quotation whose continuation
 * starts the next page: 0 unless something is taller than a page. */
int            px_print_export_get_n_stranded (PxPrintExport *self);
/* How much is laid out, from 0 to 1 ("layout-fraction", notified as it
 * grows). */
double         px_print_export_get_layout_fraction (PxPrintExport *self);

G_END_DECLS
