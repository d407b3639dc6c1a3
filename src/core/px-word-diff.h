/* px-word-diff.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PX_DIFF_EQUAL,
  PX_DIFF_DELETE,   /* in a only */
  PX_DIFF_INSERT,   /* in b only */
  PX_DIFF_REPLACE,  /* a's words stand where b has others */
} PxDiffKind;

/* One run of a word-level comparison, like difflib's opcodes. The
 * offsets are bytes in each text; an empty run (start == end) in a text
 * marks where the other text's words would be. Words compare by their
 * normalised form (px_tokenize()), so "1,480" equals "1480" and a curly
 * quote equals a straight one; punctuation is not compared.
 *
 * The runs tile both texts: the first starts at 0, each starts where the
 * one before ended, the last ends at the text's end, so a view can paint
 * a text by walking them. A DELETE, INSERT or REPLACE covers its words
 * exactly, from the first's start to the last's end (an INSERT's empty
 * range in a sits just after a's word before it, a DELETE's in b
 * likewise); everything between words (spaces, punctuation, quotes)
 * belongs to the EQUAL runs around the changes, so an EQUAL run may hold
 * no word at all (a closing quote after a changed last word).
 *
 * A short EQUAL run of function words between two changes is absorbed
 * into one REPLACE: "7 of the 9" → "8 of the 10" is one change.
 *
 * @number is TRUE when a change involves a number: a REPLACE, DELETE or
 * INSERT with a number among its words ("17" → "18", "and 98 women"
 * added), or a hedge next to a number ("412" → "more than 412", "about
 * 600" → "nearly 600"): views emphasise it. */
typedef struct
{
  PxDiffKind kind;
  guint      a_start;
  guint      a_end;
  guint      b_start;
  guint      b_end;
  gboolean   number;
} PxDiffOp;

/* Texts beyond a few thousand words are compared by their common start
 * and end only, the middle being one REPLACE.
 * Returns: (transfer full): an array of PxDiffOp tiling both texts in
 * order; empty only when both texts are. */
GArray *px_word_diff (const char *a,
                      const char *b);

G_END_DECLS
