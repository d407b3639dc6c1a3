/* px-tokens.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words of a text, normalised so that two wordings of one fact compare
 * equal where only typography or inflection differs.
 *
 * @start and @end are byte offsets of the word in the text given, so a
 * view can mark it. @norm is the word case-folded, without diacritics
 * where they are marks, with quotes, apostrophes and dashes unified,
 * thousands separators removed ("1,275" and "1 275" → "1275"), number
 * words read as digits ("forty-one" → "41", "seven" → "7") and a light
 * stem ("killed" → "kill", "families" → "famili"). Punctuation is not a
 * token. */
typedef struct
{
  guint  start;
  guint  end;
  char  *norm;
  guint  is_number : 1;
  guint  is_stopword : 1;
  guint  is_capitalised : 1;
} PxToken;

/* Returns: (transfer full): an array of PxToken, which frees their @norm. */
GArray     *px_tokenize           (const char *text);

/* The lemma for people, not for matching: "families" → "family",
 * "women" → "woman", "killed" → "kill", "elderlies" → "elderly".
 * Returns: (transfer full): lower case. */
char       *px_token_lemma        (const char *word);

/* Returns: (transfer full): the stem px_tokenize() puts in @norm. */
char       *px_token_stem         (const char *word);

/* Function words of English (and the commonest of French, German and
 * Spanish) that say nothing about the fact: "the", "of", "were". @norm
 * is a normalised token. */
gboolean    px_token_is_stopword  (const char *norm);

/* A stable, short digest of a sentence's normalised words, so that a
 * sentence is found again after re-parsing moved it to another
 * paragraph, and typography changes do not lose it.
 * Returns: (transfer full): 16 hex digits. */
char       *px_sentence_digest    (const char *sentence);

G_END_DECLS
