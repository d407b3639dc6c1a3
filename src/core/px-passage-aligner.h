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
 * whatever order each document tells them in: a cosine over
 * px_tokenize()'s normalised content words, each weighted by how rare it
 * is among the sentences given (IDF; numbers weigh more, names less),
 * robust to paraphrase. Kept paragraphs only; sentences with fewer than
 * six content words are left out. Pairs of sentences of different
 * documents with a similarity of at least 0.4 are joined, best first,
 * into alignments with at most one sentence per document; two groups
 * join only if the pair's ends are close, on average, to the other
 * group's sentences. The same sentence in documents of one outlet only
 * is that outlet's boilerplate, not a fact, and is left out. The result
 * does not depend on the order of @documents (but for the score, which
 * is measured from the first passage).
 *
 * Scales with the rare words, not with the pairs of sentences: on the
 * benchmarks' generated documents (bench/px-bench-generate.c, ~50
 * sentences each), 0.04 s of CPU for 100, 0.7 s for 1,000 and 7.4 s for
 * 10,000 (debugoptimized build, one core). Checks @cancellable at every
 * step, every few hundred documents or sentences within one.
 *
 * @documents: (element-type PxDocument)
 * @pinned: (nullable): alignment key (px_alignment_get_key()) →
 *   GINT_TO_POINTER (PxPinState): a PX_PIN_DISMISSED alignment is left
 *   out, a PX_PIN_PINNED one is marked so (px_alignment_get_pinned()).
 * Returns: (transfer full) (element-type PxAlignment): pinned first, then
 *   by number of documents, then by score; NULL (with @error set) only
 *   when @cancellable was cancelled. */
GPtrArray *px_align_passages (GPtrArray    *documents,
                              GHashTable   *pinned,
                              GCancellable *cancellable,
                              GError      **error);

/* The similarity the aligner uses, 0 to 1, with every word weighted
 * alike (there is no corpus to weigh them by): the cosine of the two
 * sets of content words. Exposed for tests and for the views. */
double     px_passage_similarity (const char *a,
                                  const char *b);

G_END_DECLS
