/* px-date-extractor.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Finds the dates in one piece of text. @anchor (EDTF, nullable) is the
 * date relative expressions ("the following day") resolve against when the
 * text itself gives none before them. Returns (transfer full) an array of
 * PxDateMention with start/end/sentence set and paragraph 0, in text order.
 * Invalid UTF-8 is repaired first (offsets then refer to the repaired
 * text); a sentence longer than 1 KiB is cut to a window around the date. */
GPtrArray *px_date_extractor_find    (const char *text,
                                      const char *anchor);

/* Finds the dates in every kept paragraph of @document, in order, carrying
 * the last absolute date across paragraphs for relative expressions, and
 * adds them to the document with their paragraph index. */
void       px_date_extractor_extract (PxDocument *document);

/* Parses a string that is a date and nothing else ("17th Nov 2021",
 * "2019-11-07 09:20:00"), returning its EDTF or NULL. */
char      *px_date_extractor_parse   (const char *text);

G_END_DECLS
