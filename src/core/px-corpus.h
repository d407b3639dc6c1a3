/* px-corpus.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_CORPUS (px_corpus_get_type ())

G_DECLARE_FINAL_TYPE (PxCorpus, px_corpus, PX, CORPUS, GObject)

PxCorpus *px_corpus_new            (void);
void      px_corpus_add_document   (PxCorpus   *self,
                                    const char *id,
                                    const char *text);
guint     px_corpus_get_n_documents (PxCorpus  *self);
guint     px_corpus_count_others   (PxCorpus   *self,
                                    const char *id,
                                    const char *line);
char     *px_corpus_normalize_line (const char *line);

G_END_DECLS
