/* px-paragraph.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-types.h"

G_BEGIN_DECLS

#define PX_TYPE_PARAGRAPH (px_paragraph_get_type ())

/* One block of a document, in reading order. @reason says why a REMOVED
 * block was set aside ("navigation", "repeated", ...); @line is the 1-based
 * line of a text file it came from (0 for HTML). */
typedef struct
{
  PxBlockKind  kind;
  char        *text;
  char        *reason;
  guint        line;
} PxParagraph;

GType        px_paragraph_get_type (void) G_GNUC_CONST;
PxParagraph *px_paragraph_new      (PxBlockKind        kind,
                                    const char        *text,
                                    const char        *reason,
                                    guint              line);
PxParagraph *px_paragraph_copy     (const PxParagraph *self);
void         px_paragraph_free     (PxParagraph       *self);
gboolean     px_paragraph_is_kept  (const PxParagraph *self);
/* Whether the paragraph is part of the document's body text
 * (px_document_dup_body_text()): kept, and not a caption. */
gboolean     px_paragraph_in_body  (const PxParagraph *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxParagraph, px_paragraph_free)

G_END_DECLS
