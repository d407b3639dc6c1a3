/* px-text-metadata.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-text-metadata"

#include "config.h"

#include "px-text-metadata.h"

void
px_text_metadata_complete (PxDocument *document)
{
}
