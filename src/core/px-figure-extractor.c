/* px-figure-extractor.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-figure-extractor"

#include "config.h"

#include "px-figure-extractor.h"

GPtrArray *
px_figure_extractor_find (const char *text)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_free);
}

void
px_figure_extractor_extract (PxDocument *document)
{
}
