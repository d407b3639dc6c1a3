/* px-types.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PxDocument      PxDocument;
typedef struct _PxParser        PxParser;
typedef struct _PxCorpus        PxCorpus;
typedef struct _PxTimelineEntry PxTimelineEntry;

/* What a stretch of text is. REMOVED blocks stay in the document with a
 * reason, so nothing the parser sets aside is ever lost. */
typedef enum
{
  PX_BLOCK_BODY,
  PX_BLOCK_HEADING,
  PX_BLOCK_QUOTE,
  PX_BLOCK_CAPTION,
  PX_BLOCK_REMOVED,
} PxBlockKind;

typedef enum
{
  PX_FORMAT_TEXT,
  PX_FORMAT_HTML,
} PxFormat;

/* The metadata fields a document carries; each records where its value came from. */
typedef enum
{
  PX_FIELD_TITLE,
  PX_FIELD_SUBTITLE,
  PX_FIELD_OUTLET,
  PX_FIELD_AUTHORS,
  PX_FIELD_PUBLISHED,
  PX_FIELD_URL,
  PX_FIELD_LANGUAGE,
  PX_N_FIELDS
} PxField;

typedef enum
{
  PX_SOURCE_NONE,
  PX_SOURCE_JSON_LD,
  PX_SOURCE_OPEN_GRAPH,
  PX_SOURCE_META_TAG,
  PX_SOURCE_HTML_TITLE,
  PX_SOURCE_TIME_ELEMENT,
  PX_SOURCE_BYLINE,
  PX_SOURCE_DATELINE,
  PX_SOURCE_DATE_LINE,
  PX_SOURCE_TIMESTAMP,
  PX_SOURCE_COPYRIGHT,
  PX_SOURCE_SITE_NAME,
  PX_SOURCE_ANNIVERSARY,
  PX_SOURCE_HEADLINE,
  PX_SOURCE_TEXT_HEURISTIC,
  PX_SOURCE_USER,
  PX_SOURCE_FETCHED,    /* the URL a page was fetched from */
} PxSource;

typedef enum
{
  PX_QUALIFIER_EXACT,
  PX_QUALIFIER_AT_LEAST,
  PX_QUALIFIER_MORE_THAN,
  PX_QUALIFIER_ABOUT,
  PX_QUALIFIER_UP_TO,
  PX_QUALIFIER_FEWER_THAN,
} PxQualifier;

#define PX_PARSE_ERROR (px_parse_error_quark ())

typedef enum
{
  PX_PARSE_ERROR_EMPTY,
  PX_PARSE_ERROR_BINARY,
  PX_PARSE_ERROR_TOO_LARGE,
  PX_PARSE_ERROR_ENCODING,
  PX_PARSE_ERROR_UNSUPPORTED,
  PX_PARSE_ERROR_MALFORMED,
} PxParseError;

GQuark       px_parse_error_quark   (void);
const char  *px_block_kind_to_string (PxBlockKind kind);
const char  *px_format_to_string     (PxFormat    format);
const char  *px_field_to_string      (PxField     field);
const char  *px_source_to_string     (PxSource    source);
const char  *px_qualifier_to_string  (PxQualifier qualifier);
PxBlockKind  px_block_kind_from_string (const char *name);
PxField      px_field_from_string      (const char *name);
PxSource     px_source_from_string     (const char *name);
PxQualifier  px_qualifier_from_string  (const char *name);

G_END_DECLS
