/* px-html-reader.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Reads an HTML page (already decoded to UTF-8) into @document: its blocks,
 * in reading order, with the main content kept and the rest REMOVED with a
 * reason; and its metadata from JSON-LD, Open Graph and meta tags, <title>,
 * <time> and bylines, each with its source. Never touches the network. */
gboolean px_html_reader_read (PxDocument  *document,
                              const char  *html,
                              gsize        length,
                              GError     **error);

G_END_DECLS
