/* px-alignment.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One sentence of one document. @document is an index into the
 * documents the comparison was given; @start and @end are byte offsets
 * of the sentence within paragraph @paragraph's text. */
typedef struct
{
  guint  document;
  guint  paragraph;
  guint  start;
  guint  end;
  char  *text;
} PxPassage;

void px_passage_clear (PxPassage *passage);

#define PX_TYPE_ALIGNMENT (px_alignment_get_type ())

G_DECLARE_FINAL_TYPE (PxAlignment, px_alignment, PX, ALIGNMENT, GObject)

/* Sentences of different documents that report the same fact, at most
 * one per document, in document order. Properties: "n-passages",
 * "score", "key", "label", "pinned" (notified). */
PxAlignment     *px_alignment_new           (void);
void             px_alignment_add_passage   (PxAlignment     *self,
                                             const PxPassage *passage);
guint            px_alignment_get_n_passages (PxAlignment    *self);
const PxPassage *px_alignment_get_passage   (PxAlignment     *self,
                                             guint            index);
/* How alike the passages are, 0 to 1: the lowest similarity (the
 * aligner's IDF-weighted cosine) between the first passage and another;
 * 1 when they all have the same words. */
double           px_alignment_get_score     (PxAlignment     *self);
void             px_alignment_set_score     (PxAlignment     *self,
                                             double           score);
/* Stable across re-parsing: the SHA-1 (40 hex digits) of the documents'
 * ids with their sentences' px_sentence_digest(), sorted, so a pin
 * survives as long as the same sentences of the same documents align.
 * Set by the aligner. */
const char      *px_alignment_get_key       (PxAlignment     *self);
void             px_alignment_set_key       (PxAlignment     *self,
                                             const char      *key);
/* A short label: the first passage's words, cut at a word boundary
 * before 60 characters with an ellipsis. */
const char      *px_alignment_get_label     (PxAlignment     *self);
void             px_alignment_set_label     (PxAlignment     *self,
                                             const char      *label);
gboolean         px_alignment_get_pinned    (PxAlignment     *self);
void             px_alignment_set_pinned    (PxAlignment     *self,
                                             gboolean         pinned);

G_END_DECLS
