/* px-json.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "px-document.h"

G_BEGIN_DECLS

/* The parallax-cli JSON contract (see README): keep field names stable. */
JsonNode   *px_json_document    (PxDocument *document);
JsonNode   *px_json_document_for_storage (PxDocument *document);
JsonNode   *px_json_timeline    (GPtrArray  *entries);
PxDocument *px_json_to_document (JsonNode   *node,
                                 GError    **error);
char       *px_json_to_string   (JsonNode   *node);
void        px_json_add_string  (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value);
char       *px_json_to_compact_string (JsonNode *node);

G_END_DECLS
