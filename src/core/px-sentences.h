/* px-sentences.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   px_sentence_bounds (const char *text,
                           gsize       offset,
                           gsize      *start,
                           gsize      *end);
char  *px_sentence_at     (const char *text,
                           gsize       offset);
guint  px_sentence_count  (const char *text);

G_END_DECLS
