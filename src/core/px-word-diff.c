/* px-word-diff.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-word-diff.h"

/* STUB: to be written. */
GArray *px_word_diff (const char *a, const char *b) { (void) a; (void) b; return g_array_new (FALSE, TRUE, sizeof (PxDiffOp)); }
