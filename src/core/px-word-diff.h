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
 * normalised form (px_tokenize()), so "1,275" equals "1275" and a curly
 * quote equals a straight one. @number is TRUE when a REPLACE changes a
 * number ("613" → "more than 613" or "17" → "18"): views emphasise it. */
typedef struct
{
  PxDiffKind kind;
  guint      a_start;
  guint      a_end;
  guint      b_start;
  guint      b_end;
  gboolean   number;
} PxDiffOp;

/* Returns: (transfer full): an array of PxDiffOp covering both texts in
 * order. */
GArray *px_word_diff (const char *a,
                      const char *b);

G_END_DECLS
