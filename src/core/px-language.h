/* px-language.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Function words are what make a line prose rather than a label, a menu or
 * a list of names: every language's running text is about half made of
 * them. These helpers know the commonest ones of a few European languages. */
gboolean    px_language_is_function_word (const char *word_lower);
const char *px_language_guess           (const char *text);

G_END_DECLS
