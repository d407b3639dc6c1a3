/* px-parser.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a file's bytes to a PxDocument: identify it (SHA-256 of the bytes),
 * decode it, hand it to the text or HTML reader, then find its dates and
 * figures. A parser owns the corpus that tells which lines recur across the
 * documents it has seen, so one parser should read a whole archive.
 */

#define G_LOG_DOMAIN "px-parser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "px-date-extractor.h"
#include "px-fetcher.h"
#include "px-figure-extractor.h"
#include "px-html-reader.h"
#include "px-parser.h"
#include "px-text-decoder.h"
#include "px-text-metadata.h"
#include "px-text-reader.h"

struct _PxParser
{
  GObject   parent_instance;

  PxCorpus *corpus;
};

G_DEFINE_FINAL_TYPE (PxParser, px_parser, G_TYPE_OBJECT)

static void
px_parser_finalize (GObject *object)
{
  PxParser *self = (PxParser *)object;

  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (px_parser_parent_class)->finalize (object);
}

static void
px_parser_class_init (PxParserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_parser_finalize;
}

static void
px_parser_init (PxParser *self)
{
  self->corpus = px_corpus_new ();
}

PxParser *
px_parser_new (void)
{
  return g_object_new (PX_TYPE_PARSER, NULL);
}

/**
 * px_parser_get_corpus:
 *
 * Returns: (transfer none): the lines seen so far across documents
 */
PxCorpus *
px_parser_get_corpus (PxParser *self)
{
  g_return_val_if_fail (PX_IS_PARSER (self), NULL);

  return self->corpus;
}

static const char *html_suffixes[] = { ".html", ".htm", ".xhtml", NULL };
static const char *text_suffixes[] = { ".txt", ".text", ".md", ".markdown", NULL };

static gboolean
has_suffix (const char  *filename,
            const char **suffixes)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

gboolean
px_parser_is_supported (const char *filename)
{
  g_return_val_if_fail (filename != NULL, FALSE);

  return has_suffix (filename, html_suffixes) || has_suffix (filename, text_suffixes);
}

/* The extension decides; without a known one, a page that starts like
 * HTML is read as HTML. */
PxFormat
px_parser_guess_format (const char   *filename,
                        const guint8 *data,
                        gsize         length)
{
  g_autofree char *head = NULL;

  if (filename != NULL && has_suffix (filename, html_suffixes))
    return PX_FORMAT_HTML;
  if (filename != NULL && has_suffix (filename, text_suffixes))
    return PX_FORMAT_TEXT;

  head = g_ascii_strdown ((const char *) data, MIN (length, 512));
  g_strchug (head);
  if (g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html") ||
      g_str_has_prefix (head, "<?xml") || strstr (head, "<head") != NULL)
    return PX_FORMAT_HTML;

  return PX_FORMAT_TEXT;
}

/* The charset an HTML page declares in its first kilobytes, if any:
 * <meta charset="x"> or <meta http-equiv content="...; charset=x">. */
static char *
sniff_html_charset (const guint8 *data,
                    gsize         length)
{
  g_autofree char *head = g_ascii_strdown ((const char *) data, MIN (length, 4096));
  const char *p = head;

  while ((p = strstr (p, "charset")) != NULL)
    {
      const char *start;

      p += strlen ("charset");
      while (*p == ' ' || *p == '=' || *p == '"' || *p == '\'')
        p++;
      start = p;
      while (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        p++;
      if (p > start)
        return g_strndup (start, p - start);
    }

  return NULL;
}

static char *
decode (GBytes      *bytes,
        const char  *name,
        const char  *http_charset,
        PxFormat    *format,
        GError     **error)
{
  g_autofree char *charset = NULL;
  const guint8 *data;
  char *text;
  gsize length;

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }

  *format = px_parser_guess_format (name, data, length);
  /* The HTTP header's charset comes before the page's own, as browsers
   * have it; the decoder still prefers valid UTF-8 to either, which is
   * what a page mislabelled by its server almost always is. */
  if (http_charset != NULL)
    charset = g_strdup (http_charset);
  else if (*format == PX_FORMAT_HTML)
    charset = sniff_html_charset (data, length);

  text = px_text_decoder_decode (data, length, name, charset, NULL, error);
  if (text == NULL)
    return NULL;

  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        {
          g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY,
                       _("%s: the file holds no text"), name);
          g_free (text);
          return NULL;
        }
      if (!g_ascii_isspace (*p))
        break;
    }

  return text;
}

/**
 * px_parser_parse_bytes:
 * @self: a #PxParser
 * @bytes: the contents of a file
 * @name: its path or name; the extension decides the format
 * @error: a #GError naming @name and the reason
 *
 * Returns: (transfer full) (nullable): the parsed document
 */
PxDocument *
px_parser_parse_bytes (PxParser    *self,
                       GBytes      *bytes,
                       const char  *name,
                       GError     **error)
{
  return px_parser_parse_bytes_with_charset (self, bytes, name, NULL, error);
}

/**
 * px_parser_parse_bytes_with_charset:
 * @charset: (nullable): the charset a server declared for @bytes
 *
 * As px_parser_parse_bytes(), for a page fetched over HTTP.
 */
PxDocument *
px_parser_parse_bytes_with_charset (PxParser    *self,
                                    GBytes      *bytes,
                                    const char  *name,
                                    const char  *charset,
                                    GError     **error)
{
  g_autoptr(PxDocument) document = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  PxFormat format;

  g_return_val_if_fail (PX_IS_PARSER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  text = decode (bytes, name, charset, &format, error);
  if (text == NULL)
    return NULL;

  id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  document = px_document_new ();
  px_document_set_id (document, id);
  px_document_set_path (document, name);
  px_document_set_format (document, format);
  px_document_set_size (document, g_bytes_get_size (bytes));

  if (format == PX_FORMAT_HTML)
    {
      if (!px_html_reader_read (document, text, strlen (text), error))
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
    }
  else
    {
      px_corpus_add_document (self->corpus, id, text);
      px_text_reader_read (document, text, self->corpus);
    }

  /* A page fetched from the web (named by its URL) that names no URL of
   * its own is known by the one it came from, so that exports cite it;
   * here rather than in the refresher, so that re-parsing keeps it. */
  if (px_fetch_is_web_url (name))
    px_document_offer_field (document, PX_FIELD_URL, name, PX_SOURCE_FETCHED);

  px_text_metadata_tidy (document);
  px_date_extractor_extract (document);
  px_text_metadata_complete (document);
  px_figure_extractor_extract (document);

  return g_steal_pointer (&document);
}

/* Registers a text file's lines in the corpus without parsing it, so that
 * documents parsed afterwards see it. HTML pages carry their own structure
 * and do not need it. */
gboolean
px_parser_prepare_bytes (PxParser    *self,
                         GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  PxFormat format;

  g_return_val_if_fail (PX_IS_PARSER (self), FALSE);

  text = decode (bytes, name, NULL, &format, error);
  if (text == NULL)
    return FALSE;

  if (format == PX_FORMAT_TEXT)
    {
      id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      px_corpus_add_document (self->corpus, id, text);
    }

  return TRUE;
}

static GBytes *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s: not a regular file"), name);
      return NULL;
    }

  /* Refuse before reading: a 2 GB file must not be loaded to be refused. */
  if (g_file_info_get_size (info) > PX_TEXT_DECODER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (PX_TEXT_DECODER_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s; the limit is %s)"), name, size, limit);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);

  return bytes;
}

gboolean
px_parser_prepare_file (PxParser      *self,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PX_IS_PARSER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = load_file (file, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  name = g_file_get_parse_name (file);
  return px_parser_prepare_bytes (self, bytes, name, error);
}

/**
 * px_parser_parse_file:
 *
 * Returns: (transfer full) (nullable): the parsed document, or %NULL with
 *   @error naming the file and the reason
 */
PxDocument *
px_parser_parse_file (PxParser      *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PX_IS_PARSER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = load_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  return px_parser_parse_bytes (self, bytes, name, error);
}
