/* px-parser.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-corpus.h"
#include "px-document.h"

G_BEGIN_DECLS

#define PX_TYPE_PARSER (px_parser_get_type ())

G_DECLARE_FINAL_TYPE (PxParser, px_parser, PX, PARSER, GObject)

PxParser   *px_parser_new            (void);
PxCorpus   *px_parser_get_corpus     (PxParser      *self);
gboolean    px_parser_is_supported   (const char    *filename);
PxFormat    px_parser_guess_format   (const char    *filename,
                                      const guint8  *data,
                                      gsize          length);
gboolean    px_parser_prepare_bytes  (PxParser      *self,
                                      GBytes        *bytes,
                                      const char    *name,
                                      GError       **error);
gboolean    px_parser_prepare_file   (PxParser      *self,
                                      GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
PxDocument *px_parser_parse_bytes    (PxParser      *self,
                                      GBytes        *bytes,
                                      const char    *name,
                                      GError       **error);
PxDocument *px_parser_parse_bytes_with_charset (PxParser *self,
                                                GBytes        *bytes,
                                                const char    *name,
                                                const char    *charset,
                                                GError       **error);
PxDocument *px_parser_parse_file     (PxParser      *self,
                                      GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
