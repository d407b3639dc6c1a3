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
 * previews). */
PxPrintExport *px_print_export_new         (PxExportPlan  *plan);
/* Once laid out (after "begin-print"): how many pages. */
int            px_print_export_get_n_pages (PxPrintExport *self);

G_END_DECLS
