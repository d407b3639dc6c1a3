/* px-types.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-types.h"

G_DEFINE_QUARK (px-parse-error-quark, px_parse_error)

/* These strings are part of the parallax-cli JSON contract: do not rename. */

const char *
px_block_kind_to_string (PxBlockKind kind)
{
  static const char *names[] = { "body", "heading", "quote", "caption", "removed" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
px_format_to_string (PxFormat format)
{
  return format == PX_FORMAT_HTML ? "html" : "text";
}

const char *
px_field_to_string (PxField field)
{
  static const char *names[] = {
    "title", "subtitle", "outlet", "authors", "published", "url", "language",
  };

  g_return_val_if_fail (field < G_N_ELEMENTS (names), NULL);
  return names[field];
}

const char *
px_source_to_string (PxSource source)
{
  static const char *names[] = {
    NULL, "json-ld", "open-graph", "meta-tag", "html-title", "time-element", "byline",
    "dateline", "date-line", "timestamp", "copyright", "site-name", "anniversary",
    "headline", "text-heuristic", "user",
  };

  g_return_val_if_fail (source < G_N_ELEMENTS (names), NULL);
  return names[source];
}

const char *
px_qualifier_to_string (PxQualifier qualifier)
{
  static const char *names[] = {
    "exact", "at-least", "more-than", "about", "up-to", "fewer-than",
  };

  g_return_val_if_fail (qualifier < G_N_ELEMENTS (names), NULL);
  return names[qualifier];
}
