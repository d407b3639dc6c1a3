/* px-text-metadata.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Fills what is still missing after the readers ran, from the document's
 * own prose: the publication date from an anniversary or "N years ago"
 * counted from a dated event (marked approximate), and the language. */
void px_text_metadata_complete (PxDocument *document);

G_END_DECLS
