/* px-tokens.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-tokens.h"

/* STUB: to be written. */
GArray *px_tokenize (const char *text) { GArray *a = g_array_new (FALSE, TRUE, sizeof (PxToken)); (void) text; return a; }
char *px_token_lemma (const char *word) { return g_utf8_strdown (word, -1); }
char *px_token_stem (const char *word) { return g_utf8_strdown (word, -1); }
gboolean px_token_is_stopword (const char *norm) { (void) norm; return FALSE; }
char *px_sentence_digest (const char *sentence) { return g_compute_checksum_for_string (G_CHECKSUM_SHA1, sentence, -1); }
