/* px-framing.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"
#include "px-term-set.h"

G_BEGIN_DECLS

/* Someone a document quotes or paraphrases, and the verb it uses for it:
 * "…, the ministry said", "according to the directorate", "X claimed
 * that". @verb is the lemma ("say", "claim", "according to"). */
typedef struct
{
  guint  source;
  guint  document;
  guint  paragraph;   /* in px_document_get_paragraphs(), removed ones too */
  guint  start;       /* the sentence, bytes in the paragraph */
  guint  end;
  char  *verb;
  char  *speaker;     /* nullable: "the ministry", "Emil Varga" */
  char  *sentence;
} PxAttribution;

#define PX_TYPE_ATTRIBUTION (px_attribution_get_type ())

GType          px_attribution_get_type (void) G_GNUC_CONST;
PxAttribution *px_attribution_copy     (const PxAttribution *self);
void           px_attribution_free     (PxAttribution       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxAttribution, px_attribution_free)

#define PX_TYPE_FRAMING (px_framing_get_type ())

G_DECLARE_FINAL_TYPE (PxFraming, px_framing, PX, FRAMING, GObject)

/* How each source words the event: how often it uses each term of
 * @term_sets per 1,000 words of its kept text, and which attribution
 * verbs it uses, with their speakers.
 *
 * A document's text is its title (unless a kept paragraph repeats it)
 * and its kept paragraphs (px_paragraph_is_kept()); its words are runs
 * of letters and digits, a hyphenated compound counting once. Several
 * documents of one source add up. The rules of matching and finding
 * speakers and names are in px-framing.c.
 *
 * @term_sets: (element-type PxTermSet): copied. */
PxFraming       *px_framing_new              (GPtrArray  *term_sets,
                                              guint       n_sources);
/* @document is the index the caller gives it (the comparison's). */
void             px_framing_add_document     (PxFraming  *self,
                                              PxDocument *document,
                                              guint       document_index,
                                              guint       source);

GPtrArray       *px_framing_get_term_sets    (PxFraming  *self);
guint            px_framing_get_n_sources    (PxFraming  *self);
guint            px_framing_get_n_words      (PxFraming  *self,
                                              guint       source);
guint            px_framing_get_count        (PxFraming  *self,
                                              guint       source,
                                              guint       set,
                                              guint       term);
/* Uses per 1,000 words; 0 when the source has no words. */
double           px_framing_get_rate         (PxFraming  *self,
                                              guint       source,
                                              guint       set,
                                              guint       term);
/* Returns: (transfer none) (element-type PxAttribution): in source, then
 * document order. */
GPtrArray       *px_framing_get_attributions (PxFraming  *self);
/* The attribution verbs used anywhere, commonest first.
 * Returns: (transfer full) */
GStrv            px_framing_dup_verbs        (PxFraming  *self);
guint            px_framing_get_verb_count   (PxFraming  *self,
                                              guint       source,
                                              const char *verb);

/* The names the sources give the event: phrases made of a name the
 * documents share and the common noun beside it ("the Cadrelle flood",
 * "Brannock Dam disaster"), found from the text, per source.
 * Returns: (transfer full): the phrases, commonest first. */
GStrv            px_framing_dup_event_names  (PxFraming  *self);
guint            px_framing_get_event_name_count (PxFraming  *self,
                                                  guint       source,
                                                  const char *name);

G_END_DECLS
