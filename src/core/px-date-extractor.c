/* px-date-extractor.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-date-extractor"

#include "config.h"

#include "px-date-extractor.h"

GPtrArray *
px_date_extractor_find (const char *text,
                        const char *anchor)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) px_date_mention_free);
}

void
px_date_extractor_extract (PxDocument *document)
{
}

char *
px_date_extractor_parse (const char *text)
{
  return NULL;
}
