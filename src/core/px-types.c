/* px-types.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-types.h"

G_DEFINE_QUARK (px-parse-error-quark, px_parse_error)

/* These strings are part of the parallax-cli JSON contract: do not rename. */

static const char *block_kinds[] = { "body", "heading", "quote", "caption", "removed" };
static const char *fields[] = {
  "title", "subtitle", "outlet", "authors", "published", "url", "language",
};
static const char *sources[] = {
  NULL, "json-ld", "open-graph", "meta-tag", "html-title", "time-element", "byline",
  "dateline", "date-line", "timestamp", "copyright", "site-name", "anniversary",
  "headline", "text-heuristic", "user", "fetched",
};
static const char *qualifiers[] = {
  "exact", "at-least", "more-than", "about", "up-to", "fewer-than",
};

/* The index of @name in @names, or @fallback. */
static int
lookup (const char  *name,
        const char **names,
        guint        n,
        int          fallback)
{
  for (guint i = 0; name != NULL && i < n; i++)
    if (names[i] != NULL && g_str_equal (names[i], name))
      return i;

  return fallback;
}

PxBlockKind
px_block_kind_from_string (const char *name)
{
  return lookup (name, block_kinds, G_N_ELEMENTS (block_kinds), PX_BLOCK_BODY);
}

/* Returns PX_N_FIELDS for an unknown name. */
PxField
px_field_from_string (const char *name)
{
  return lookup (name, fields, G_N_ELEMENTS (fields), PX_N_FIELDS);
}

PxSource
px_source_from_string (const char *name)
{
  return lookup (name, sources, G_N_ELEMENTS (sources), PX_SOURCE_NONE);
}

PxQualifier
px_qualifier_from_string (const char *name)
{
  return lookup (name, qualifiers, G_N_ELEMENTS (qualifiers), PX_QUALIFIER_EXACT);
}

const char *
px_block_kind_to_string (PxBlockKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (block_kinds), NULL);
  return block_kinds[kind];
}

const char *
px_format_to_string (PxFormat format)
{
  return format == PX_FORMAT_HTML ? "html" : "text";
}

const char *
px_field_to_string (PxField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (fields), NULL);
  return fields[field];
}

const char *
px_source_to_string (PxSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (sources), NULL);
  return sources[source];
}

const char *
px_qualifier_to_string (PxQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifiers), NULL);
  return qualifiers[qualifier];
}
