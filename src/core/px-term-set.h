/* px-term-set.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_TERM_SET (px_term_set_get_type ())

/* Words that name one thing differently ("massacre", "genocide",
 * "tragedy", "killing"), whose use the framing view counts per source.
 * A term may be several words ("crime against humanity"); it matches
 * whole words, in any case, and its inflections ("killings"). */
typedef struct
{
  char  *name;
  char **terms;
} PxTermSet;

/* How a word is inflected, as far as matching terms cares: a term in
 * its bare form ("massacre", "kill") matches every form of the word; a
 * term written in the past ("killed", "died") matches only that form;
 * one written with -ing ("killing") matches -ing and -ings; a plural
 * ("victims") matches the singular too. So "killing" and "killed" can
 * sit in two sets without counting each other's words. */
typedef enum
{
  PX_INFLECTION_NONE,
  PX_INFLECTION_PLURAL,   /* -s, -es, -ies: "massacres", "says" */
  PX_INFLECTION_PAST,     /* -ed, -ied: "killed", "died" */
  PX_INFLECTION_GERUND,   /* -ing, -ings: "killing", "killings" */
} PxInflection;

GType      px_term_set_get_type (void) G_GNUC_CONST;
PxTermSet *px_term_set_new      (const char        *name,
                                 const char * const *terms);
PxTermSet *px_term_set_copy     (const PxTermSet   *self);
void       px_term_set_free     (PxTermSet         *self);

/* The sets a new archive starts with: general words of news reporting
 * for what happened and for how people died, not words of any one event.
 * Returns: (transfer full) (element-type PxTermSet) */
GPtrArray *px_term_sets_new_default (void);

/* Returns: (transfer full) (element-type PxTermSet): a deep copy. */
GPtrArray *px_term_sets_copy        (GPtrArray  *sets);

/* One set per line: "Name: term, term, term". The form the preferences
 * edit and the archive stores.
 *
 * Reading is forgiving, because people type it: blank lines and lines
 * starting with '#' are skipped; spaces around names and terms are
 * trimmed and runs of spaces inside a term become one; a line without a
 * colon, or with nothing before it, is a set named after its first term;
 * empty terms and terms that match the same words as an earlier one of
 * the set (px_term_dup_key()) are dropped; a set with no terms is
 * dropped; a second set with the name of an earlier one (in any case)
 * adds its terms to it. NULL or "" gives no sets.
 *
 * Writing makes any set read back the same: a colon or line break in a
 * name, and a comma or line break in a term, become spaces. */
char      *px_term_sets_to_string   (GPtrArray  *sets);
GPtrArray *px_term_sets_from_string (const char *text);

/* Appends @word to @out in lower case, with curly apostrophes straight:
 * the form words are compared in. */
void         px_term_normalise_append (const char   *word,
                                       gssize        length,
                                       GString      *out);
/* Appends to @out the light stem of one word, the key terms match by:
 * lower case, curly apostrophes made straight, a possessive dropped,
 * then -s/-es/-ies, -ed/-ied and -ing and a final -e taken off
 * ("Massacres" → "massacr", "died" → "die", "killings" → "kill").
 * Returns: how the word was inflected. */
PxInflection px_term_stem_append      (const char   *word,
                                       gssize        length,
                                       GString      *out);
/* Does a word inflected @word match a term word inflected @term? */
gboolean     px_inflection_matches    (PxInflection  term,
                                       PxInflection  word);
/* The stems of a term's words with their inflections, so that two terms
 * that match the same words ("Killing", "killings") have one key.
 * Returns: (transfer full) */
char        *px_term_dup_key          (const char   *term);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTermSet, px_term_set_free)

G_END_DECLS
