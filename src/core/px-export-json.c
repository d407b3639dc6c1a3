/* px-export-json.c: a selection as JSON (README, "Export") and its
 * sources as CSL-JSON, for reference managers
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <string.h>

#include "px-edtf.h"
#include "px-export-private.h"
#include "px-json.h"

/* JSON strings must be UTF-8; text from elsewhere that is not gets the
 * replacement character, as anything else would be refused. */
static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  g_autofree char *valid = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  px_json_add_string (builder, name, value);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gboolean     known,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The exports are written piece by piece, not as one json-glib tree: the
 * ledger of 10,000 documents is some 140,000 items, and their tree took
 * five times the memory of the text it became (0.9 GB for 186 MB). Each
 * element of the arrays is built and generated alone, then freed; the
 * envelope around them is written as json-glib writes it, so the text
 * is the same, byte for byte (tests/test-export-json.c). */
typedef struct
{
  GString       *out;
  GString       *scratch;
  JsonGenerator *generator;
  JsonBuilder   *builder;
  guint          n_elements;
} JsonStream;

/* px_json_to_string()'s settings: the exports were its output. */
#define JSON_INDENT 2

static void
json_stream_init (JsonStream *stream)
{
  stream->out = g_string_new (NULL);
  stream->scratch = g_string_new (NULL);
  stream->generator = json_generator_new ();
  json_generator_set_pretty (stream->generator, TRUE);
  json_generator_set_indent (stream->generator, JSON_INDENT);
  stream->builder = json_builder_new ();
  stream->n_elements = 0;
}

static GBytes *
json_stream_finish (JsonStream *stream)
{
  g_string_free (stream->scratch, TRUE);
  g_object_unref (stream->generator);
  g_object_unref (stream->builder);

  /* A text file ends with a line end. */
  g_string_append_c (stream->out, '\n');
  return g_string_free_to_bytes (stream->out);
}

/* Appends what @stream's builder holds, as json-glib writes a node @level
 * deep in a pretty-printed tree, the indent of its first line included,
 * and empties the builder. The generator only starts at the root: the
 * node is generated inside @level arrays of one element, whose lines
 * (their brackets and indents) are then left out, so that the text is
 * the whole tree's, byte for byte, whatever json-glib does inside. */
static void
json_stream_append_built (JsonStream *stream,
                          guint       level)
{
  g_autoptr(JsonNode) root = json_builder_get_root (stream->builder);
  const char *start, *end;

  json_builder_reset (stream->builder);
  for (guint i = 0; i < level; i++)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (1);

      json_array_add_element (array, g_steal_pointer (&root));
      root = json_node_init_array (json_node_alloc (), array);
    }

  g_string_truncate (stream->scratch, 0);
  json_generator_set_root (stream->generator, root);
  json_generator_to_gstring (stream->generator, stream->scratch);
  /* The generator keeps the root until the next: let this one go now. */
  json_generator_set_root (stream->generator, NULL);

  /* A bracket, always alone on its line: values escape their line ends. */
  start = stream->scratch->str;
  end = start + stream->scratch->len;
  for (guint i = 0; i < level; i++)
    {
      start = strchr (start, '\n') + 1;
      end = g_strrstr_len (start, end - start, "\n");
    }
  g_string_append_len (stream->out, start, end - start);
}

/* An array's opening bracket, after what was written before it (a
 * member's name). */
static void
json_stream_begin_array (JsonStream *stream)
{
  g_string_append_c (stream->out, '[');
  stream->n_elements = 0;
}

/* The next element, @level deep: what the builder holds. */
static void
json_stream_add_element (JsonStream *stream,
                         guint       level)
{
  g_string_append (stream->out, stream->n_elements++ == 0 ? "\n" : ",\n");
  json_stream_append_built (stream, level);
}

/* Closes the array whose elements were @level deep. json-glib writes an
 * empty array as "[]", on one line. */
static void
json_stream_end_array (JsonStream *stream,
                       guint       level)
{
  if (stream->n_elements > 0)
    g_string_append_printf (stream->out, "\n%*s", (int) ((level - 1) * JSON_INDENT), "");
  g_string_append_c (stream->out, ']');
}

static void
add_document (JsonBuilder  *builder,
              PxExportPlan *plan,
              guint         index)
{
  PxDocument *document = px_export_plan_get_source (plan, index);
  const char *id = px_export_plan_get_source_id (plan, index);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_int_value (builder, index + 1);
  add_string (builder, "id", id);

  if (document == NULL)
    {
      json_builder_set_member_name (builder, "missing");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else
    {
      const char * const *authors = px_document_get_authors (document);
      g_autofree char *file = _px_export_dup_file_name (document);
      g_autofree char *citation = px_export_plan_dup_citation (plan, index);

      /* The id is the SHA-256 of the original's bytes; said twice, so a
       * reader need not know that. */
      add_string (builder, "sha256", px_document_get_id (document));
      add_string (builder, "title", px_document_get_title (document));
      add_string (builder, "subtitle", px_document_get_subtitle (document));
      add_string (builder, "outlet", px_document_get_outlet (document));
      json_builder_set_member_name (builder, "authors");
      json_builder_begin_array (builder);
      for (guint i = 0; authors[i] != NULL; i++)
        json_builder_add_string_value (builder, authors[i]);
      json_builder_end_array (builder);
      add_string (builder, "published", px_document_get_published (document));
      add_string (builder, "url", px_document_get_url (document));
      add_string (builder, "file", file);
      add_string (builder, "language", px_document_get_language (document));
      add_string (builder, "citation", citation);
    }
  json_builder_end_object (builder);
}

static void
add_item (JsonBuilder  *builder,
          PxExportPlan *plan,
          guint         index)
{
  PxSelectionItem *item = px_export_plan_get_item (plan, index);
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);

  json_builder_begin_object (builder);
  add_string (builder, "kind", px_selection_kind_to_string (px_selection_item_get_kind (item)));
  add_string (builder, "label", px_selection_item_get_label (item));
  add_string (builder, "detail", px_selection_item_get_detail (item));
  add_string (builder, "note", px_selection_item_get_note (item));
  add_string (builder, "added", px_selection_item_get_added (item));

  json_builder_set_member_name (builder, "excerpts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      gboolean placed = excerpt->paragraph != PX_EXCERPT_WHOLE_DOCUMENT &&
                        excerpt->paragraph != PX_EXCERPT_UNPLACED;
      gint64 start = -1, end = -1;
      gboolean found = px_export_plan_get_offsets (plan, index, i, &start, &end);

      json_builder_begin_object (builder);
      add_string (builder, "document", excerpt->document_id);
      json_builder_set_member_name (builder, "whole");
      json_builder_add_boolean_value (builder, _px_export_excerpt_is_whole (excerpt));
      add_string (builder, "source", excerpt->source);
      add_string (builder, "text", excerpt->text);
      add_string (builder, "value", excerpt->value);
      add_int_or_null (builder, "paragraph", placed, excerpt->paragraph);
      add_int_or_null (builder, "start", found, start);
      add_int_or_null (builder, "end", found, end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
_px_export_render_json (PxExportPlan *plan)
{
  JsonStream stream;

  json_stream_init (&stream);

  /* The header is generated as an object of its own, whose closing
   * bracket is then taken back: the arrays are its last members. */
  json_builder_begin_object (stream.builder);
  add_string (stream.builder, "format", "parallax-export");
  json_builder_set_member_name (stream.builder, "version");
  json_builder_add_int_value (stream.builder, PX_EXPORT_SCHEMA_VERSION);
  add_string (stream.builder, "title", px_export_plan_get_title (plan));
  add_string (stream.builder, "generated", px_export_plan_get_generated (plan));
  json_builder_end_object (stream.builder);
  json_stream_append_built (&stream, 0);
  g_assert (g_str_has_suffix (stream.out->str, "\n}"));
  g_string_truncate (stream.out, stream.out->len - 2);

  /* The names are ASCII: nothing to escape. One level deep. */
  g_string_append (stream.out, ",\n  \"documents\" : ");
  json_stream_begin_array (&stream);
  for (guint i = 0; i < px_export_plan_get_n_sources (plan); i++)
    {
      add_document (stream.builder, plan, i);
      json_stream_add_element (&stream, 2);
    }
  json_stream_end_array (&stream, 2);

  g_string_append (stream.out, ",\n  \"items\" : ");
  json_stream_begin_array (&stream);
  for (guint i = 0; i < px_export_plan_get_n_items (plan); i++)
    {
      add_item (stream.builder, plan, i);
      json_stream_add_element (&stream, 2);
    }
  json_stream_end_array (&stream, 2);
  g_string_append (stream.out, "\n}");

  return json_stream_finish (&stream);
}

/* CSL-JSON */

/* One EDTF date (not an interval) as CSL date-parts, with only the parts
 * it gives: "2024" is [2024], "2024-02" [2024, 2], a time is its day. A
 * season ("2024-21", spring) is its year plus CSL's season (1–4). FALSE
 * for what date-parts cannot say: a decade or century ("199X"), or
 * anything that does not parse. */
static gboolean
edtf_date_parts (const char *value,
                 int         parts[3],
                 guint      *n_parts,
                 int        *season)
{
  g_autoptr(GString) bare = g_string_new (NULL);
  const char *p;
  int year, month, day;
  gboolean negative = FALSE;

  /* Qualifiers say how sure the date is, not which it is. */
  for (p = value; *p != '\0' && *p != 'T'; p++)
    if (*p != '~' && *p != '?' && *p != '%')
      g_string_append_c (bare, *p);

  p = bare->str;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (strlen (p) < 4 || !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) ||
      !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]))
    return FALSE;
  year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  /* CSL counts years before the common era as negative, as EDTF does. */
  parts[0] = negative ? -year : year;
  *n_parts = 1;
  *season = 0;
  p += 4;

  if (p[0] != '-' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return *p == '\0' || g_str_has_prefix (p, "-XX");
  month = (p[1] - '0') * 10 + (p[2] - '0');
  if (month >= 21 && month <= 24)
    {
      *season = month - 20;
      return TRUE;
    }
  parts[(*n_parts)++] = month;
  p += 3;

  if (p[0] != '-' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return TRUE;
  day = (p[1] - '0') * 10 + (p[2] - '0');
  parts[(*n_parts)++] = day;
  return TRUE;
}

static void
add_date_parts (JsonBuilder *builder,
                const int    parts[3],
                guint        n_parts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_parts; i++)
    json_builder_add_int_value (builder, parts[i]);
  json_builder_end_array (builder);
}

/* "issued", when the EDTF value can be said in CSL: a date, or an
 * interval of two known ends (two date-parts). "circa" for approximate
 * or uncertain dates. Returns FALSE when it cannot, so the caller keeps
 * the value as written in the note. */
static gboolean
add_issued (JsonBuilder *builder,
            const char  *published)
{
  PxEdtfExtent extent;
  g_auto(GStrv) ends = NULL;
  int parts[2][3];
  guint n_parts[2];
  int season[2];
  guint n_ends;

  if (published == NULL || !px_edtf_get_extent (published, &extent))
    return FALSE;
  if (extent.flags & (PX_EDTF_OPEN_START | PX_EDTF_OPEN_END))
    return FALSE;

  ends = g_strsplit (published, "/", 2);
  n_ends = g_strv_length (ends);
  for (guint i = 0; i < n_ends; i++)
    if (!edtf_date_parts (ends[i], parts[i], &n_parts[i], &season[i]))
      return FALSE;

  json_builder_set_member_name (builder, "issued");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date-parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ends; i++)
    add_date_parts (builder, parts[i], n_parts[i]);
  json_builder_end_array (builder);
  if (n_ends == 1 && season[0] != 0)
    {
      json_builder_set_member_name (builder, "season");
      json_builder_add_int_value (builder, season[0]);
    }
  if (extent.flags & (PX_EDTF_APPROXIMATE | PX_EDTF_UNCERTAIN))
    {
      json_builder_set_member_name (builder, "circa");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
has_text (const char *value)
{
  return value != NULL && *value != '\0';
}

/* An item of the CSL-JSON schema (citation-style-language/schema,
 * csl-data.json): "id" and "type" are required. Authors are literal
 * names: a byline does not say which part is the family name ("Redacción",
 * a news agency, two family names, a name written family first), and a
 * wrong split would be cited wrongly ever after. */
static void
add_csl_item (JsonBuilder  *builder,
              PxExportPlan *plan,
              guint         index)
{
  PxDocument *document = px_export_plan_get_source (plan, index);
  const char *id = px_export_plan_get_source_id (plan, index);
  g_autofree char *csl_id = g_strdup_printf ("px-%.16s", id);
  g_autoptr(GString) note = g_string_new (NULL);
  const char *outlet, *url, *published, *address = NULL;
  const char * const *authors;
  g_autofree char *file = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "id", csl_id);

  if (document == NULL)
    {
      add_string (builder, "type", "article");
      g_string_append_printf (note, "SHA-256: %s", id);
      add_string (builder, "note", note->str);
      json_builder_end_object (builder);
      return;
    }

  outlet = px_document_get_outlet (document);
  url = px_document_get_url (document);
  published = px_document_get_published (document);
  authors = px_document_get_authors (document);
  file = _px_export_dup_file_name (document);

  /* Zotero opens an item's URL: only a web address is one; another is
   * kept in the note, as text. */
  if (has_text (url) && !_px_export_is_web_url (url))
    {
      address = url;
      url = NULL;
    }

  add_string (builder, "type", has_text (outlet) ? "article-newspaper" : has_text (url) ? "webpage" : "article");
  if (has_text (px_document_get_title (document)))
    add_string (builder, "title", px_document_get_title (document));
  if (has_text (outlet))
    add_string (builder, "container-title", outlet);
  if (authors[0] != NULL)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_array (builder);
      for (guint i = 0; authors[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "literal", authors[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  g_string_append_printf (note, "SHA-256: %s", px_document_get_id (document));
  if (has_text (published) && !add_issued (builder, published))
    g_string_append_printf (note, "\nPublished (EDTF): %s", published);
  if (has_text (url))
    add_string (builder, "URL", url);
  if (has_text (px_document_get_language (document)))
    add_string (builder, "language", px_document_get_language (document));
  if (address != NULL)
    g_string_append_printf (note, "\nAddress: %s", address);
  if (file != NULL)
    g_string_append_printf (note, "\nFile: %s", file);
  add_string (builder, "note", note->str);
  json_builder_end_object (builder);
}

GBytes *
_px_export_render_csl_json (PxExportPlan *plan)
{
  JsonStream stream;

  json_stream_init (&stream);
  json_stream_begin_array (&stream);
  for (guint i = 0; i < px_export_plan_get_n_sources (plan); i++)
    {
      add_csl_item (stream.builder, plan, i);
      json_stream_add_element (&stream, 1);
    }
  json_stream_end_array (&stream, 1);

  return json_stream_finish (&stream);
}
