/* px-text-reader.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-corpus.h"
#include "px-document.h"

G_BEGIN_DECLS

/* Reads a plain-text scrape (already UTF-8) into @document: one block per
 * paragraph, the article kept and the boilerplate around and inside it
 * REMOVED with a reason, and the metadata the text gives (title, subtitle,
 * outlet, authors, published date), each with its source. @corpus
 * (nullable) tells which lines recur across the archive. */
void px_text_reader_read (PxDocument *document,
                          const char *text,
                          PxCorpus   *corpus);

G_END_DECLS
