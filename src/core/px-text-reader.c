/* px-text-reader.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-text-reader"

#include "config.h"

#include "px-text-reader.h"

void
px_text_reader_read (PxDocument *document,
                     const char *text,
                     PxCorpus   *corpus)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        px_document_add_paragraph (document, PX_BLOCK_BODY, lines[i], NULL, i + 1);
    }
}
