/* px-timeline-entry.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

#define PX_TYPE_TIMELINE_ENTRY (px_timeline_entry_get_type ())

typedef enum
{
  PX_TIMELINE_PUBLISHED,
  PX_TIMELINE_EVENT,
} PxTimelineKind;

/* One mark on the timeline: when a document was published, or a date it
 * says something happened. @sentence is NULL for publication entries;
 * @document_id is the archive id (the SHA-256 of the original) and
 * @title the document's title, which a view shows beside the passage. */
struct _PxTimelineEntry
{
  char           *value;
  char           *document_id;
  char           *title;
  PxTimelineKind  kind;
  char           *path;
  char           *outlet;
  char           *text;
  char           *sentence;
};

GType            px_timeline_entry_get_type (void) G_GNUC_CONST;
PxTimelineEntry *px_timeline_entry_copy     (const PxTimelineEntry *self);
void             px_timeline_entry_free     (PxTimelineEntry       *self);
const char      *px_timeline_kind_to_string (PxTimelineKind         kind);
/* What the entry's source is called: its outlet, else its document's
 * title (two unknown outlets are not one source), else its file name. */
char            *px_timeline_entry_dup_source (const PxTimelineEntry *self);
int              px_edtf_compare            (const char            *a,
                                             const char            *b);
GPtrArray       *px_timeline_build          (GPtrArray             *documents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTimelineEntry, px_timeline_entry_free)

G_END_DECLS
