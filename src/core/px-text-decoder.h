/* px-text-decoder.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused rather than read: no news page is. */
#define PX_TEXT_DECODER_MAX_SIZE (32 * 1024 * 1024)

char *px_text_decoder_decode (const guint8  *data,
                              gsize          length,
                              const char    *name,
                              const char    *charset_hint,
                              const char   **detected,
                              GError       **error);

G_END_DECLS
