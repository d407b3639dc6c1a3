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
 * where they are marks on Latin, Greek or Cyrillic letters, compatibility
 * forms unified ("ﬁ"), apostrophes dropped ("court’s" → "court",
 * "l'attaque" → "attaque", "O'Brien" → "obrien"), dotted acronyms joined
 * ("U.S." → "us", never a function word), and a light English stem
 * (Porter's steps 1 and 5 with a table of irregulars: "killed" → "kill",
 * "families" → "famili", "children" → "child"); function words are not
 * stemmed.
 *
 * Numbers: thousands separators removed ("1,480", and "1 480" with a
 * space or a no-break space → "1480"; dots group only when they repeat,
 * "1.480.000", so "1.5" and "1.480" stay decimals), digits of any script
 * read as ASCII, number words read as digits ("forty-one" and "forty
 * one" → "41", "seven" → "7", "one hundred and twenty" → "120", "two
 * million" and "2 million" → "2000000", "thirty-first" and "31st" →
 * "31st"). A run of number words
 * is one token spanning them all (only spaces or a hyphen between them).
 *
 * Punctuation, quotes, dashes and symbols (emoji) are not tokens; a dash
 * or hyphen separates words ("death-toll" → "death", "toll"); each Han or
 * kana character is a token of its own. Invalid UTF-8 is read as if each
 * bad byte were punctuation. */
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
 * "women" → "woman", "children" → "child", "killed" → "kill",
 * "evacuated" → "evacuate", "pensioners" → "pensioner", "people" → "people".
 * English rules on ASCII words; other words are only lower-cased.
 * Returns: (transfer full): lower case. */
char       *px_token_lemma        (const char *word);

/* Returns: (transfer full): the stem px_tokenize() puts in @norm for
 * the first word of @word; "" when it holds none. */
char       *px_token_stem         (const char *word);

/* Function words of English (and the commonest of French, German and
 * Spanish) that say nothing about the fact: "the", "of", "were". @norm
 * is a normalised token. */
gboolean    px_token_is_stopword  (const char *norm);

/* A stable, short digest of a sentence's normalised words (all of them,
 * function words too, in order), so that a sentence is found again after
 * re-parsing moved it to another paragraph, and typography changes
 * (quotes, dashes, case, "1,480" for "1480") do not lose it.
 * Returns: (transfer full): 16 lower-case hex digits, the start of a
 * SHA-256. */
char       *px_sentence_digest    (const char *sentence);

/* A copy of @text whose bytes that are not UTF-8 are each replaced by
 * '?', so byte offsets in the copy are offsets in @text; NULL when @text
 * is valid UTF-8. Returns: (transfer full) (nullable) */
char       *px_utf8_repair_keeping_offsets (const char *text);

G_END_DECLS
