/* px-export-verify.c: a JSON export read back and checked against the
 * archive
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file may come from anywhere and may have been edited: every member
 * is checked for its type before it is read, and what is not an export of
 * this version is refused with the reason, never half-read.
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-export-private.h"

/* How much of a text a problem line quotes. */
#define QUOTE_CHARS 80

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_INVALID, "%s: %s", path, reason);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_null_or_missing (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* A member read if it is a string, else NULL (json-glib's getters warn
 * on a member of another type, and the file is anybody's). */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return is_string (node) ? json_node_get_string (node) : NULL;
}

/* A member that must be a string; NULL with @error set when it is not. */
static const char *
require_string (JsonObject  *object,
                const char  *name,
                const char  *where,
                const char  *path,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!is_string (node))
    {
      /* TRANSLATORS: "items[2].excerpts[0].text is not a string" */
      invalid (error, path, _("%s.%s is missing or not a string"), where, name);
      return NULL;
    }
  return json_node_get_string (node);
}

static JsonArray *
require_array (JsonObject  *object,
               const char  *name,
               const char  *where,
               const char  *path,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, path, _("%s.%s is missing or not an array"), where, name);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
require_object (JsonArray   *array,
                guint        index,
                const char  *where,
                const char  *path,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, path, _("%s[%u] is not an object"), where, index);
      return NULL;
    }
  return json_node_get_object (node);
}

/* An offset: a whole number from 0, or null. */
static gboolean
read_offset (JsonObject  *object,
             const char  *name,
             const char  *where,
             gint64      *value,
             const char  *path,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = -1;
  if (is_null_or_missing (node))
    return TRUE;
  if (!is_integer (node) || json_node_get_int (node) < 0)
    return invalid (error, path, _("%s.%s is not a whole number from 0"), where, name);
  *value = json_node_get_int (node);
  return TRUE;
}

/* Everything the checks read, checked for its type first. */
static gboolean
check_shape (JsonNode     *root,
             const char   *path,
             GError      **error)
{
  JsonObject *object;
  JsonArray *documents, *items;
  const char *format;
  JsonNode *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, path, _("not a Parallax export (not a JSON object)"));
  object = json_node_get_object (root);

  format = get_string (object, "format");
  if (g_strcmp0 (format, "parallax-export") != 0)
    return invalid (error, path, _("not a Parallax export (its “format” is not “parallax-export”)"));
  version = json_object_get_member (object, "version");
  if (!is_integer (version))
    return invalid (error, path, _("its “version” is missing or not a number"));
  if (json_node_get_int (version) != PX_EXPORT_SCHEMA_VERSION)
    return invalid (error, path, _("written in version %" G_GINT64_FORMAT " of the format, which this Parallax "
                                   "does not read (it reads version %d)"),
                    json_node_get_int (version), PX_EXPORT_SCHEMA_VERSION);

  if ((documents = require_array (object, "documents", "export", path, error)) == NULL ||
      (items = require_array (object, "items", "export", path, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      g_autofree char *where = g_strdup_printf ("documents[%u]", i);
      JsonObject *document = require_object (documents, i, "documents", path, error);
      JsonNode *missing;

      if (document == NULL || require_string (document, "id", where, path, error) == NULL)
        return FALSE;
      missing = json_object_get_member (document, "missing");
      if (missing != NULL && (!JSON_NODE_HOLDS_VALUE (missing) ||
                              json_node_get_value_type (missing) != G_TYPE_BOOLEAN))
        return invalid (error, path, _("%s.missing is not true or false"), where);
      if ((missing == NULL || !json_node_get_boolean (missing)) &&
          require_string (document, "sha256", where, path, error) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *where = g_strdup_printf ("items[%u]", i);
      JsonObject *item = require_object (items, i, "items", path, error);
      JsonArray *excerpts;

      if (item == NULL || (excerpts = require_array (item, "excerpts", where, path, error)) == NULL)
        return FALSE;

      for (guint j = 0; j < json_array_get_length (excerpts); j++)
        {
          g_autofree char *excerpt_where = g_strdup_printf ("%s.excerpts[%u]", where, j);
          g_autofree char *list = g_strdup_printf ("%s.excerpts", where);
          JsonObject *excerpt = require_object (excerpts, j, list, path, error);
          gint64 start, end;

          if (excerpt == NULL ||
              require_string (excerpt, "document", excerpt_where, path, error) == NULL ||
              require_string (excerpt, "text", excerpt_where, path, error) == NULL ||
              !read_offset (excerpt, "start", excerpt_where, &start, path, error) ||
              !read_offset (excerpt, "end", excerpt_where, &end, path, error))
            return FALSE;
          if ((start < 0) != (end < 0) || end < start)
            return invalid (error, path, _("%s: start and end do not make a range"), excerpt_where);
        }
    }

  return TRUE;
}

/* @text cut to QUOTE_CHARS characters, for a problem line. */
static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTE_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, QUOTE_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

typedef struct
{
  PxDocument *document;   /* NULL: not in the archive */
  char       *body;
  glong       length;     /* of body, in characters */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->document);
  g_free (loaded->body);
  g_free (loaded);
}

static char *
original_checksum (PxArchive  *archive,
                   const char *id)
{
  g_autoptr(GFile) file = px_archive_get_original (archive, id);
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL || (bytes = g_file_load_bytes (file, NULL, NULL, NULL)) == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Loads and checks each listed document; @loaded maps its id to what the
 * excerpts are checked against. FALSE only when the archive fails. */
static gboolean
check_documents (PxArchive   *archive,
                 JsonArray   *documents,
                 GHashTable  *loaded,
                 GPtrArray   *problems,
                 GError     **error)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *object = json_array_get_object_element (documents, i);
      const char *id = json_object_get_string_member (object, "id");
      const char *sha256 = get_string (object, "sha256");
      const char *title = get_string (object, "title");
      g_autoptr(GError) local_error = NULL;
      g_autofree char *checksum = NULL;
      g_autofree char *name = NULL;
      Loaded *entry;

      if (g_hash_table_contains (loaded, id))
        continue;

      /* TRANSLATORS: a document in a problem line: its id and its title */
      name = title != NULL
             ? g_strdup_printf (_("document %.12s… (“%s”)"), id, title)
             : g_strdup_printf (_("document %.12s…"), id);

      entry = g_new0 (Loaded, 1);
      g_hash_table_insert (loaded, g_strdup (id), entry);
      entry->document = px_archive_load_document (archive, id, &local_error);
      if (entry->document == NULL)
        {
          if (!g_error_matches (local_error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (problems, g_strdup_printf (_("%s: not in the archive"), name));
          continue;
        }
      entry->body = px_document_dup_body_text (entry->document);
      entry->length = g_utf8_strlen (entry->body, -1);

      if (sha256 == NULL)
        continue;
      checksum = original_checksum (archive, id);
      if (checksum == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("%s: the archive has lost its original file"), name));
      else if (g_ascii_strcasecmp (checksum, sha256) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s: the export gives SHA-256 %s, the archive’s original has %s"),
                                          name, sha256, checksum));
    }

  return TRUE;
}

static void
check_excerpt (JsonObject *excerpt,
               guint       item,
               guint       index,
               GHashTable *loaded,
               GPtrArray  *problems)
{
  const char *document_id = json_object_get_string_member (excerpt, "document");
  const char *text = json_object_get_string_member (excerpt, "text");
  const char *source = get_string (excerpt, "source");
  JsonNode *whole = json_object_get_member (excerpt, "whole");
  JsonNode *start_node = json_object_get_member (excerpt, "start");
  g_autofree char *where = NULL;
  Loaded *entry;

  if (source == NULL)
    source = document_id;
  /* TRANSLATORS: the start of a problem line: the item's number, the
   * excerpt's number within it, and its source */
  where = g_strdup_printf (_("item %u, excerpt %u (%s)"), item + 1, index + 1, source);

  entry = g_hash_table_lookup (loaded, document_id);
  if (entry == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: its document %.12s… is not among the export’s documents"),
                                                  where, document_id));
      return;
    }
  /* Said once, for the document. */
  if (entry->document == NULL)
    return;
  if (whole != NULL && JSON_NODE_HOLDS_VALUE (whole) && json_node_get_value_type (whole) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (whole))
    return;

  if (is_null_or_missing (start_node))
    {
      /* The export could not place it: it can still say whether the text
       * is in the document at all. */
      if (*text != '\0' && strstr (entry->body, text) == NULL)
        {
          g_autofree char *quote = shorten (text);

          g_ptr_array_add (problems, g_strdup_printf (_("%s: “%s” is not in the document’s text"), where, quote));
        }
      return;
    }
  else
    {
      gint64 start = json_object_get_int_member (excerpt, "start");
      gint64 end = json_object_get_int_member (excerpt, "end");
      g_autofree char *found = NULL;
      g_autofree char *quote = NULL;
      g_autofree char *now = NULL;

      if (end > entry->length)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("%s: characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                                              " are beyond the end of the document’s text (%ld characters)"),
                                            where, start, end, entry->length));
          return;
        }
      found = g_utf8_substring (entry->body, start, end);
      if (g_str_equal (found, text))
        return;
      quote = shorten (text);
      now = shorten (found);
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s: the document’s text at characters %" G_GINT64_FORMAT "–%"
                                          G_GINT64_FORMAT " is “%s”, not “%s”"),
                                        where, start, end, now, quote));
    }
}

gboolean
px_export_verify (PxArchive   *archive,
                  const char  *path,
                  GPtrArray  **problems,
                  guint       *n_documents,
                  guint       *n_excerpts,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  JsonObject *object;
  JsonArray *items;
  gsize length;
  guint excerpts = 0;

  g_return_val_if_fail (PX_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    /* The message names the file already. */
    return invalid (error, path, "%s", local_error->message);
  if (length == 0)
    return invalid (error, path, _("the file is empty"));
  if (!g_utf8_validate (contents, length, NULL))
    return invalid (error, path, _("not UTF-8 text"));
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    return invalid (error, path, _("not JSON: %s"), local_error->message);
  if (!check_shape (json_parser_get_root (parser), path, error))
    return FALSE;

  object = json_node_get_object (json_parser_get_root (parser));
  loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) loaded_free);
  if (!check_documents (archive, json_object_get_array_member (object, "documents"), loaded, found, error))
    return FALSE;

  items = json_object_get_array_member (object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonArray *list = json_object_get_array_member (json_array_get_object_element (items, i), "excerpts");

      for (guint j = 0; j < json_array_get_length (list); j++)
        check_excerpt (json_array_get_object_element (list, j), i, j, loaded, found);
      excerpts += json_array_get_length (list);
    }

  /* The lines quote the export, which may come from anyone: no control
   * character reaches a terminal, a cut id stays valid UTF-8, and one
   * problem is one line. */
  for (guint i = 0; i < found->len; i++)
    {
      char *line = _px_export_clean_text (g_ptr_array_index (found, i));

      g_strdelimit (line, "\n", ' ');
      g_free (g_ptr_array_index (found, i));
      g_ptr_array_index (found, i) = line;
    }

  if (n_documents != NULL)
    *n_documents = json_array_get_length (json_object_get_array_member (object, "documents"));
  if (n_excerpts != NULL)
    *n_excerpts = excerpts;
  *problems = g_steal_pointer (&found);
  return TRUE;
}
