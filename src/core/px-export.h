/* px-export.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-archive.h"
#include "px-comparison.h"
#include "px-document.h"
#include "px-selection.h"

G_BEGIN_DECLS

typedef enum
{
  PX_EXPORT_MARKDOWN,
  PX_EXPORT_HTML,
  PX_EXPORT_CSV,
  PX_EXPORT_JSON,
  PX_EXPORT_CSL_JSON,
} PxExportFormat;

#define PX_EXPORT_N_FORMATS (PX_EXPORT_CSL_JSON + 1)

/* The version of the JSON export's schema (README, "Export"). */
#define PX_EXPORT_SCHEMA_VERSION 1

#define PX_EXPORT_ERROR (px_export_error_quark ())

typedef enum
{
  PX_EXPORT_ERROR_EXISTS,    /* the file is there and overwrite was not asked for */
  PX_EXPORT_ERROR_INVALID,   /* an export file that cannot be read back */
  PX_EXPORT_ERROR_MISMATCH,  /* read back, and the archive says otherwise */
} PxExportError;

GQuark      px_export_error_quark            (void);

/* "md" (or "markdown"), "html", "csv", "json", "csl-json". */
gboolean    px_export_format_from_string     (const char     *string,
                                              PxExportFormat *format);
const char *px_export_format_to_string       (PxExportFormat  format);
const char *px_export_format_get_extension   (PxExportFormat  format);
const char *px_export_format_get_content_type (PxExportFormat format);
/* For people, translated: "Markdown", "CSL-JSON (Zotero)", ... */
const char *px_export_format_get_label       (PxExportFormat  format);

#define PX_TYPE_EXPORT_PLAN (px_export_plan_get_type ())

/* What an export says, resolved once for every format (and for printing):
 * the items in order; the documents they cite, numbered in first-cited
 * order for footnotes; and, for every excerpt, its character offsets in
 * the document's body text (px_document_dup_body_text(): kept paragraphs
 * joined by a blank line), counted in Unicode code points. */
G_DECLARE_FINAL_TYPE (PxExportPlan, px_export_plan, PX, EXPORT_PLAN, GObject)

/* @items: PxSelectionItem. @documents: document id → PxDocument; an
 * excerpt whose document is not there is still exported, with its id and
 * text and no offsets. */
PxExportPlan    *px_export_plan_new              (const char     *title,
                                                  GListModel     *items,
                                                  GHashTable     *documents);
const char      *px_export_plan_get_title        (PxExportPlan   *self);
/* ISO 8601 UTC; now unless set (golden files set it). */
const char      *px_export_plan_get_generated    (PxExportPlan   *self);
void             px_export_plan_set_generated    (PxExportPlan   *self,
                                                  const char     *generated);
guint            px_export_plan_get_n_items      (PxExportPlan   *self);
PxSelectionItem *px_export_plan_get_item         (PxExportPlan   *self,
                                                  guint           index);
/* The cited documents; note numbers are index + 1. */
guint            px_export_plan_get_n_sources    (PxExportPlan   *self);
const char      *px_export_plan_get_source_id    (PxExportPlan   *self,
                                                  guint           index);
/* (nullable): NULL when the document is not known. */
PxDocument      *px_export_plan_get_source       (PxExportPlan   *self,
                                                  guint           index);
/* The 1-based note number of @document_id, 0 if it is not cited. */
guint            px_export_plan_get_note         (PxExportPlan   *self,
                                                  const char     *document_id);
/* Character offsets of excerpt @excerpt of item @item in the body text;
 * FALSE (and -1) for a whole document or a passage not found. */
gboolean         px_export_plan_get_offsets      (PxExportPlan   *self,
                                                  guint           item,
                                                  guint           excerpt,
                                                  gint64         *start,
                                                  gint64         *end);
/* One citation as people read it: "Outlet, “Title”, Authors, 2024-02-26,
 * URL or file, SHA-256 …" */
char            *px_export_plan_dup_citation     (PxExportPlan   *self,
                                                  guint           index);

/* The export in @format, UTF-8. A plan does not change once made and
 * rendering only reads it and its documents: it may run in a worker
 * thread, as long as nothing edits those documents meanwhile. */
GBytes          *px_export_plan_render           (PxExportPlan   *self,
                                                  PxExportFormat  format,
                                                  GError        **error);

/* Writes @bytes to @path atomically: a temporary file beside it, flushed
 * to disk, then renamed into place; on any failure the temporary file is
 * removed and @path is untouched. Unless @overwrite, an existing @path is
 * PX_EXPORT_ERROR_EXISTS. Errors name the file. */
gboolean         px_export_write_file            (const char     *path,
                                                  GBytes         *bytes,
                                                  gboolean        overwrite,
                                                  GError        **error);

/* Loads from @archive each document @selection quotes that @documents
 * (id → PxDocument, both owned by the table: g_free, g_object_unref)
 * does not hold yet. A document removed since it was collected is left
 * out, to be exported as missing; any other failure (the database, the
 * disk) is an error. */
gboolean         px_export_load_documents        (PxArchive      *archive,
                                                  PxSelection    *selection,
                                                  GHashTable     *documents,
                                                  GCancellable   *cancellable,
                                                  GError        **error);

/* Whole views as (unsaved) selections, so one exporter serves both:
 * every document of the list; every topic of the ledger with its reports;
 * every timeline entry. */
PxSelection     *px_export_view_documents        (GPtrArray      *documents);
PxSelection     *px_export_view_topics           (PxComparison   *comparison);
PxSelection     *px_export_view_timeline         (GPtrArray      *entries);

/* Reads a JSON export at @path back and checks it against @archive: each
 * cited document is there and its original has the same SHA-256, and each
 * excerpt's text is what the document's body holds at its offsets. FALSE
 * with PX_EXPORT_ERROR_INVALID when @path is not a Parallax export it can
 * read (or another error when the archive cannot be read); otherwise
 * TRUE, with one line per mismatch in @problems (empty when the export
 * checks out) and, when not NULL, how many documents and excerpts the
 * export holds in @n_documents and @n_excerpts. */
gboolean         px_export_verify                (PxArchive      *archive,
                                                  const char     *path,
                                                  GPtrArray     **problems,
                                                  guint          *n_documents,
                                                  guint          *n_excerpts,
                                                  GError        **error);

G_END_DECLS
