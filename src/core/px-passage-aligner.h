/* px-passage-aligner.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-alignment.h"
#include "px-document.h"

G_BEGIN_DECLS

/* Finds sentences of different documents that report the same fact,
 * whatever order each document tells them in: a similarity over
 * px_tokenize()'s normalised words, weighted by how rare each word is in
 * the documents given, robust to paraphrase. Kept paragraphs only.
 *
 * @documents: (element-type PxDocument)
 * @pinned: (nullable): alignment keys (px_alignment_get_key()) the user
 *   pinned (value 1) or dismissed (value 0): a dismissed alignment is
 *   left out, a pinned one is marked so.
 * Returns: (transfer full) (element-type PxAlignment): best first; NULL
 *   only when @cancellable was cancelled. */
GPtrArray *px_align_passages (GPtrArray    *documents,
                              GHashTable   *pinned,
                              GCancellable *cancellable,
                              GError      **error);

/* The similarity the aligner uses, 0 to 1, with every word weighted
 * alike; exposed for tests and for the views. */
double     px_passage_similarity (const char *a,
                                  const char *b);

G_END_DECLS
