/* px-document-list.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-archive.h"

G_BEGIN_DECLS

#define PX_TYPE_DOCUMENT_INFO (px_document_info_get_type ())

G_DECLARE_FINAL_TYPE (PxDocumentInfo, px_document_info, PX, DOCUMENT_INFO, GObject)

/* A row of the archive's document list: properties "id", "title",
 * "outlet", "published", "path", "format", "snippet" (search results
 * only, marked with PX_SNIPPET_OPEN/CLOSE). No body: the reader loads the
 * document with px_archive_load_document() when it is selected. */
const char *px_document_info_get_id        (PxDocumentInfo *self);
const char *px_document_info_get_title     (PxDocumentInfo *self);
const char *px_document_info_get_outlet    (PxDocumentInfo *self);
const char *px_document_info_get_published (PxDocumentInfo *self);
const char *px_document_info_get_path      (PxDocumentInfo *self);
const char *px_document_info_get_format    (PxDocumentInfo *self);
const char *px_document_info_get_snippet   (PxDocumentInfo *self);

#define PX_TYPE_DOCUMENT_LIST (px_document_list_get_type ())

G_DECLARE_FINAL_TYPE (PxDocumentList, px_document_list, PX, DOCUMENT_LIST, GObject)

/* A GListModel of PxDocumentInfo over an archive: the rows are read from
 * the database into flat arrays, and item objects are made only when a
 * view asks for them. Filtering (outlet, date range, tag, full-text query)
 * and sorting are done by the database, which at 100,000 rows is faster
 * than a GtkFilterListModel over objects; every change is one
 * items-changed. */
PxDocumentList *px_document_list_new         (PxArchive      *archive);
PxArchive      *px_document_list_get_archive (PxDocumentList *self);
const char     *px_document_list_get_outlet  (PxDocumentList *self);
void            px_document_list_set_outlet  (PxDocumentList *self,
                                              const char     *outlet);
const char     *px_document_list_get_query   (PxDocumentList *self);
void            px_document_list_set_query   (PxDocumentList *self,
                                              const char     *query);
void            px_document_list_set_tag     (PxDocumentList *self,
                                              const char     *tag);
void            px_document_list_set_date_range (PxDocumentList *self,
                                              const char     *from,
                                              const char     *to);
void            px_document_list_set_sort    (PxDocumentList *self,
                                              PxSort          sort);
void            px_document_list_reload      (PxDocumentList *self);
int             px_document_list_find        (PxDocumentList *self,
                                              const char     *id);

G_END_DECLS
