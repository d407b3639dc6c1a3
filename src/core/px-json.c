/* px-json.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-json.h"
#include "px-sentences.h"
#include "px-timeline-entry.h"

/* A member that is a string or null: the contract's nullable strings. */
void
px_json_add_string (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_derived_lists (JsonBuilder *builder,
                   GPtrArray   *paragraphs)
{
  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind == PX_BLOCK_BODY || p->kind == PX_BLOCK_HEADING || p->kind == PX_BLOCK_QUOTE)
        json_builder_add_string_value (builder, p->text);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "captions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind == PX_BLOCK_CAPTION)
        json_builder_add_string_value (builder, p->text);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "removed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind != PX_BLOCK_REMOVED)
        continue;
      json_builder_begin_object (builder);
      px_json_add_string (builder, "text", p->text);
      px_json_add_string (builder, "reason", p->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* @storage leaves out what can be derived from the rest (the body, removed
 * and caption lists, the sentences of figures and dates): the archive
 * stores this, and px_json_to_document() derives them again. */
static JsonNode *
build_document (PxDocument *document,
                gboolean    storage)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *authors;
  GPtrArray *paragraphs, *figures, *dates;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  json_builder_begin_object (builder);
  px_json_add_string (builder, "path", px_document_get_path (document));
  px_json_add_string (builder, "id", px_document_get_id (document));
  px_json_add_string (builder, "format", px_format_to_string (px_document_get_format (document)));
  px_json_add_string (builder, "title", px_document_get_title (document));
  px_json_add_string (builder, "subtitle", px_document_get_subtitle (document));
  px_json_add_string (builder, "outlet", px_document_get_outlet (document));

  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  authors = px_document_get_authors (document);
  for (guint i = 0; authors[i] != NULL; i++)
    json_builder_add_string_value (builder, authors[i]);
  json_builder_end_array (builder);

  px_json_add_string (builder, "published", px_document_get_published (document));
  px_json_add_string (builder, "url", px_document_get_url (document));
  px_json_add_string (builder, "language", px_document_get_language (document));

  /* Where each metadata value came from. */
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_object (builder);
  for (PxField field = 0; field < PX_N_FIELDS; field++)
    {
      PxSource source = px_document_get_field_source (document, field);

      if (source != PX_SOURCE_NONE)
        px_json_add_string (builder, px_field_to_string (field), px_source_to_string (source));
    }
  json_builder_end_object (builder);

  paragraphs = px_document_get_paragraphs (document);

  /* The article, captions and removed lines, as the contract lists them. */
  if (!storage)
    add_derived_lists (builder, paragraphs);

  /* Every block in reading order, with its kind: the full picture. */
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "kind", px_block_kind_to_string (p->kind));
      px_json_add_string (builder, "text", p->text);
      if (p->reason != NULL)
        px_json_add_string (builder, "reason", p->reason);
      if (p->line != 0)
        {
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, p->line);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  figures = px_document_get_figures (document);
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < figures->len; i++)
    {
      const PxFigure *f = g_ptr_array_index (figures, i);

      json_builder_begin_object (builder);
      add_number (builder, "value", f->value);
      add_number (builder, "max", f->max);
      px_json_add_string (builder, "qualifier", px_qualifier_to_string (f->qualifier));
      px_json_add_string (builder, "subject", f->subject);
      px_json_add_string (builder, "role", f->role);
      px_json_add_string (builder, "attribution", f->attribution);
      px_json_add_string (builder, "text", f->text);
      if (!storage)
        px_json_add_string (builder, "sentence", f->sentence);
      json_builder_set_member_name (builder, "paragraph");
      json_builder_add_int_value (builder, f->paragraph);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, f->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, f->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  dates = px_document_get_dates (document);
  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "value", d->value);
      px_json_add_string (builder, "text", d->text);
      if (!storage)
        px_json_add_string (builder, "sentence", d->sentence);
      json_builder_set_member_name (builder, "relative");
      json_builder_add_boolean_value (builder, d->relative);
      json_builder_set_member_name (builder, "paragraph");
      json_builder_add_int_value (builder, d->paragraph);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, d->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, d->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
px_json_document (PxDocument *document)
{
  return build_document (document, FALSE);
}

JsonNode *
px_json_document_for_storage (PxDocument *document)
{
  return build_document (document, TRUE);
}

JsonNode *
px_json_timeline (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const PxTimelineEntry *e = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "value", e->value);
      px_json_add_string (builder, "kind", px_timeline_kind_to_string (e->kind));
      px_json_add_string (builder, "path", e->path);
      px_json_add_string (builder, "outlet", e->outlet);
      px_json_add_string (builder, "text", e->text);
      px_json_add_string (builder, "sentence", e->sentence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
px_json_to_compact_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

char *
px_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static double
get_number (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  return json_node_get_double (node);
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
sentence_of (PxDocument *document,
             guint       paragraph,
             gsize       offset)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  const PxParagraph *p;

  if (paragraph >= paragraphs->len)
    return NULL;
  p = g_ptr_array_index (paragraphs, paragraph);
  if (offset > strlen (p->text))
    return NULL;

  return px_sentence_at (p->text, offset);
}

/**
 * px_json_to_document:
 * @node: what px_json_document() made
 *
 * The inverse of px_json_document(): the archive stores parses this way.
 *
 * Returns: (transfer full) (nullable): the document
 */
PxDocument *
px_json_to_document (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(PxDocument) document = NULL;
  JsonObject *object, *sources = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_MALFORMED, "not a parsed document");
      return NULL;
    }

  object = json_node_get_object (node);
  document = px_document_new ();
  px_document_set_id (document, get_string (object, "id"));
  px_document_set_path (document, get_string (object, "path"));
  px_document_set_format (document, g_strcmp0 (get_string (object, "format"), "html") == 0
                                    ? PX_FORMAT_HTML : PX_FORMAT_TEXT);

  if (json_object_has_member (object, "sources") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "sources")))
    sources = json_object_get_object_member (object, "sources");

  for (PxField field = 0; field < PX_N_FIELDS; field++)
    {
      const char *name = px_field_to_string (field);
      PxSource source = sources ? px_source_from_string (get_string (sources, name)) : PX_SOURCE_NONE;

      if (source == PX_SOURCE_NONE)
        source = PX_SOURCE_TEXT_HEURISTIC;

      if (field == PX_FIELD_AUTHORS)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) authors = NULL;

          if ((array = get_array (object, "authors")) != NULL)
            for (guint i = 0; i < json_array_get_length (array); i++)
              {
                JsonNode *element = json_array_get_element (array, i);

                if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
                  g_strv_builder_add (builder, json_node_get_string (element));
              }
          authors = g_strv_builder_end (builder);
          px_document_set_authors (document, (const char * const *) authors, source);
        }
      else
        px_document_set_field (document, field, get_string (object, name), source);
    }

  if ((array = get_array (object, "paragraphs")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *p = json_array_get_object_element (array, i);

        if (p == NULL || get_string (p, "text") == NULL)
          continue;
        px_document_add_paragraph (document, px_block_kind_from_string (get_string (p, "kind")),
                                   get_string (p, "text"), get_string (p, "reason"), get_int (p, "line"));
      }

  if ((array = get_array (object, "figures")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *f = json_array_get_object_element (array, i);
        PxFigure *figure;

        if (f == NULL)
          continue;
        figure = px_figure_new ();
        figure->value = get_number (f, "value");
        figure->max = get_number (f, "max");
        figure->qualifier = px_qualifier_from_string (get_string (f, "qualifier"));
        figure->subject = g_strdup (get_string (f, "subject"));
        figure->role = g_strdup (get_string (f, "role"));
        figure->attribution = g_strdup (get_string (f, "attribution"));
        figure->text = g_strdup (get_string (f, "text"));
        figure->paragraph = get_int (f, "paragraph");
        figure->start = get_int (f, "start");
        figure->end = get_int (f, "end");
        figure->sentence = g_strdup (get_string (f, "sentence"));
        if (figure->sentence == NULL)
          figure->sentence = sentence_of (document, figure->paragraph, figure->start);
        px_document_take_figure (document, figure);
      }

  if ((array = get_array (object, "dates")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *d = json_array_get_object_element (array, i);
        PxDateMention *date;

        if (d == NULL || get_string (d, "value") == NULL)
          continue;
        date = px_date_mention_new (get_string (d, "value"), get_string (d, "text"));
        date->relative = json_object_has_member (d, "relative") && json_object_get_boolean_member (d, "relative");
        date->paragraph = get_int (d, "paragraph");
        date->start = get_int (d, "start");
        date->end = get_int (d, "end");
        date->sentence = g_strdup (get_string (d, "sentence"));
        if (date->sentence == NULL)
          date->sentence = sentence_of (document, date->paragraph, date->start);
        px_document_take_date (document, date);
      }

  return g_steal_pointer (&document);
}
