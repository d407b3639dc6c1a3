/* px-selection-item.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "px-alignment.h"
#include "px-document.h"
#include "px-timeline-entry.h"
#include "px-topic.h"

G_BEGIN_DECLS

/* px-comparison.h includes the archive, which includes this. */
typedef struct _PxComparison PxComparison;

/* What the user collected. The item keeps a copy of what it shows (the
 * label, the quoted text, the values), so a selection still reads the same
 * after the archive's topics are regrouped; the excerpts keep where each
 * quotation came from, which an export resolves against the documents. */
typedef enum
{
  PX_SELECTION_DOCUMENT,        /* a document of the list: one excerpt, no range */
  PX_SELECTION_PASSAGE,         /* a text range chosen in the reader */
  PX_SELECTION_TOPIC,           /* a ledger row: the topic with every report */
  PX_SELECTION_REPORT,          /* a ledger cell: one source's report of a topic */
  PX_SELECTION_ALIGNMENT,       /* aligned passages, one excerpt per document */
  PX_SELECTION_TIMELINE_ENTRY,  /* a mark on the timeline */
  PX_SELECTION_TIMELINE_RANGE,  /* a span of the timeline with its entries */
} PxSelectionKind;

const char *px_selection_kind_to_string   (PxSelectionKind  kind);
gboolean    px_selection_kind_from_string (const char      *string,
                                           PxSelectionKind *kind);
/* For people: "Passage", "Topic", ... (translated). */
const char *px_selection_kind_to_label    (PxSelectionKind  kind);

#define PX_EXCERPT_WHOLE_DOCUMENT G_MAXUINT

#define PX_TYPE_EXCERPT (px_excerpt_get_type ())

/* One quotation of one document. @paragraph is the index of the paragraph
 * in the document's paragraphs and @start, @end byte offsets in its text;
 * @paragraph is PX_EXCERPT_WHOLE_DOCUMENT for a whole document, and
 * G_MAXUINT - 1 (PX_EXCERPT_UNPLACED) when only the text is known (a
 * timeline entry's sentence), which an export then looks for in the body.
 * @source is the source's name as the view showed it; @value is the
 * figure as written ("more than 40") for a report, or the EDTF date of a
 * timeline entry, else NULL. */
#define PX_EXCERPT_UNPLACED (G_MAXUINT - 1)

typedef struct
{
  char  *document_id;
  char  *source;
  char  *text;
  char  *value;
  guint  paragraph;
  gsize  start;
  gsize  end;
} PxExcerpt;

GType      px_excerpt_get_type (void) G_GNUC_CONST;
PxExcerpt *px_excerpt_new      (const char      *document_id,
                                const char      *source,
                                const char      *text,
                                const char      *value,
                                guint            paragraph,
                                gsize            start,
                                gsize            end);
PxExcerpt *px_excerpt_copy     (const PxExcerpt *self);
void       px_excerpt_free     (PxExcerpt       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxExcerpt, px_excerpt_free)

#define PX_TYPE_SELECTION_ITEM (px_selection_item_get_type ())

G_DECLARE_FINAL_TYPE (PxSelectionItem, px_selection_item, PX, SELECTION_ITEM, GObject)

/* Properties "kind", "label", "detail", "note" (notified), "id". */
PxSelectionItem *px_selection_item_new          (PxSelectionKind   kind,
                                                 const char       *label,
                                                 const char       *detail);
gint64           px_selection_item_get_id       (PxSelectionItem  *self);
void             px_selection_item_set_id       (PxSelectionItem  *self,
                                                 gint64            id);
PxSelectionKind  px_selection_item_get_kind     (PxSelectionItem  *self);
/* What the item is: a title, a topic's label, a date or span. */
const char      *px_selection_item_get_label    (PxSelectionItem  *self);
/* A word about it, or NULL: a topic's agreement ("differ"), a timeline
 * entry's kind ("published", "event"), a span's EDTF interval. */
const char      *px_selection_item_get_detail   (PxSelectionItem  *self);
/* The user's annotation, or NULL. */
const char      *px_selection_item_get_note     (PxSelectionItem  *self);
void             px_selection_item_set_note     (PxSelectionItem  *self,
                                                 const char       *note);
/* When it was added, ISO 8601 UTC. */
const char      *px_selection_item_get_added    (PxSelectionItem  *self);
void             px_selection_item_set_added    (PxSelectionItem  *self,
                                                 const char       *added);
/* (transfer none) PxExcerpt, in the order shown. */
GPtrArray       *px_selection_item_get_excerpts (PxSelectionItem  *self);
void             px_selection_item_take_excerpt (PxSelectionItem  *self,
                                                 PxExcerpt        *excerpt);
/* A one-line summary for a list row: "Passage · The Daily Example". */
char            *px_selection_item_dup_summary  (PxSelectionItem  *self);
/* The detail for people, or NULL when there is nothing to add to the
 * label: a topic's agreement ("≠ differ"), a timeline entry's kind
 * ("Date mentioned"); a period's EDTF is left to machine formats. */
char            *px_selection_item_dup_detail_label (PxSelectionItem *self);
/* A copy with id 0 (not yet stored). */
PxSelectionItem *px_selection_item_copy         (PxSelectionItem  *self);

/* Builders from what the views show. Reports and passages name their
 * documents by index into @comparison's documents. */
PxSelectionItem *px_selection_item_new_document (PxDocument        *document);
PxSelectionItem *px_selection_item_new_passage  (PxDocument        *document,
                                                 guint              paragraph,
                                                 gsize              start,
                                                 gsize              end);
PxSelectionItem *px_selection_item_new_topic    (PxTopic           *topic,
                                                 PxComparison      *comparison);
PxSelectionItem *px_selection_item_new_report   (PxTopic           *topic,
                                                 const PxReport    *report,
                                                 PxComparison      *comparison);
PxSelectionItem *px_selection_item_new_alignment (PxAlignment      *alignment,
                                                  PxComparison     *comparison);
PxSelectionItem *px_selection_item_new_timeline_entry (const PxTimelineEntry *entry);
/* @interval is an EDTF interval ("2024-02-01/2024-02-29"); @entries the
 * PxTimelineEntry inside it, in order. */
PxSelectionItem *px_selection_item_new_timeline_range (const char  *interval,
                                                       GPtrArray   *entries);

G_END_DECLS
