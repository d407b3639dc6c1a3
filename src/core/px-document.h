/* px-document.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-date-mention.h"
#include "px-figure.h"
#include "px-paragraph.h"
#include "px-types.h"

G_BEGIN_DECLS

#define PX_TYPE_DOCUMENT (px_document_get_type ())

G_DECLARE_FINAL_TYPE (PxDocument, px_document, PX, DOCUMENT, GObject)

PxDocument         *px_document_new               (void);

const char         *px_document_get_id            (PxDocument   *self);
void                px_document_set_id            (PxDocument   *self,
                                                   const char   *id);
const char         *px_document_get_path          (PxDocument   *self);
void                px_document_set_path          (PxDocument   *self,
                                                   const char   *path);
PxFormat            px_document_get_format        (PxDocument   *self);
void                px_document_set_format        (PxDocument   *self,
                                                   PxFormat      format);
gsize               px_document_get_size          (PxDocument   *self);
void                px_document_set_size          (PxDocument   *self,
                                                   gsize         size);

/* Metadata. Every value carries the source it came from. */
const char         *px_document_get_field         (PxDocument   *self,
                                                   PxField       field);
PxSource            px_document_get_field_source  (PxDocument   *self,
                                                   PxField       field);
void                px_document_set_field         (PxDocument   *self,
                                                   PxField       field,
                                                   const char   *value,
                                                   PxSource      source);
gboolean            px_document_offer_field       (PxDocument   *self,
                                                   PxField       field,
                                                   const char   *value,
                                                   PxSource      source);
const char         *px_document_get_title         (PxDocument   *self);
const char         *px_document_get_subtitle      (PxDocument   *self);
const char         *px_document_get_outlet        (PxDocument   *self);
const char         *px_document_get_published     (PxDocument   *self);
const char         *px_document_get_url           (PxDocument   *self);
const char         *px_document_get_language      (PxDocument   *self);
const char * const *px_document_get_authors       (PxDocument   *self);
/* What to call the document: its title, else its file's name, else
 * "Untitled Document". */
char               *px_document_dup_display_title (PxDocument   *self);
/* What to call its source: its outlet, else its title (two documents
 * without an outlet are not one source), else its file's name. */
char               *px_document_dup_source_name   (PxDocument   *self);
void                px_document_set_authors       (PxDocument   *self,
                                                   const char * const *authors,
                                                   PxSource      source);

/* Content, in reading order. All arrays are (transfer none). */
GPtrArray          *px_document_get_paragraphs    (PxDocument   *self);
void                px_document_take_paragraph    (PxDocument   *self,
                                                   PxParagraph  *paragraph);
void                px_document_add_paragraph     (PxDocument   *self,
                                                   PxBlockKind   kind,
                                                   const char   *text,
                                                   const char   *reason,
                                                   guint         line);
guint               px_document_get_n_kept        (PxDocument   *self);
char               *px_document_dup_body_text     (PxDocument   *self);
GPtrArray          *px_document_get_figures       (PxDocument   *self);
void                px_document_take_figure       (PxDocument   *self,
                                                   PxFigure     *figure);
GPtrArray          *px_document_get_dates         (PxDocument   *self);
void                px_document_clear_extractions (PxDocument   *self);
void                px_document_take_date         (PxDocument   *self,
                                                   PxDateMention *date);

G_END_DECLS
