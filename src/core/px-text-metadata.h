/* px-text-metadata.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Sets aside what the head of the body restates (title, standfirst, date,
 * byline, a kicker), whichever reader kept it. Run before dates and figures
 * are extracted, so that they come from the article only. */
void px_text_metadata_tidy     (PxDocument *document);

/* Fills what is still missing after the readers ran, from the document's
 * own prose: the publication date from an anniversary or "N years ago"
 * counted from a dated event (marked approximate), and the language. Needs
 * the dates. */
void px_text_metadata_complete (PxDocument *document);

G_END_DECLS
