/* px-export-plan.c: what an export says, resolved once for every format
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-export-private.h"
#include "px-time-axis.h"

typedef struct
{
  gint64 start;
  gint64 end;
} Span;

/* A document's body text, and where each kept paragraph starts in it (in
 * characters), so that an excerpt's paragraph and byte offsets translate
 * without searching. */
typedef struct
{
  char   *body;
  GArray *starts;   /* gint64 per paragraph; -1 for one the body leaves out */
} Body;

struct _PxExportPlan
{
  GObject     parent_instance;

  char       *title;
  char       *generated;
  GPtrArray  *items;        /* PxSelectionItem */
  GHashTable *documents;    /* id → PxDocument, the caller's */
  GPtrArray  *source_ids;   /* char *, in first-cited order */
  GHashTable *notes;        /* id → note number */
  GPtrArray  *spans;        /* per item: GArray of Span, per excerpt */
};

G_DEFINE_FINAL_TYPE (PxExportPlan, px_export_plan, G_TYPE_OBJECT)

static void
body_free (Body *body)
{
  g_free (body->body);
  g_array_unref (body->starts);
  g_free (body);
}

static void
px_export_plan_finalize (GObject *object)
{
  PxExportPlan *self = PX_EXPORT_PLAN (object);

  g_free (self->title);
  g_free (self->generated);
  g_ptr_array_unref (self->items);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_ptr_array_unref (self->source_ids);
  g_hash_table_unref (self->notes);
  g_ptr_array_unref (self->spans);

  G_OBJECT_CLASS (px_export_plan_parent_class)->finalize (object);
}

static void
px_export_plan_class_init (PxExportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_export_plan_finalize;
}

static void
px_export_plan_init (PxExportPlan *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_hash_table_new (g_str_hash, g_str_equal);
  self->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static Body *
body_new (PxDocument *document)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  Body *body = g_new0 (Body, 1);
  gint64 at = 0;

  body->body = px_document_dup_body_text (document);
  body->starts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), paragraphs->len);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      gint64 start = -1;

      if (px_paragraph_in_body (paragraph))
        {
          /* The same joining as px_document_dup_body_text(): "\n\n"
           * once some text came before, so an empty first paragraph
           * adds nothing. */
          if (at > 0)
            at += 2;
          start = at;
          at += g_utf8_strlen (paragraph->text ? paragraph->text : "", -1);
        }
      g_array_append_val (body->starts, start);
    }

  return body;
}

/* Where @excerpt stands in its document's body, in characters. */
static Span
resolve (PxDocument      *document,
         Body            *body,
         const PxExcerpt *excerpt)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  Span span = { -1, -1 };
  gsize length = strlen (excerpt->text);
  const char *found;

  if (_px_export_excerpt_is_whole (excerpt) || length == 0)
    return span;

  /* Its own place, while the paragraph is in the body and still says the
   * same at those bytes... */
  if (excerpt->paragraph < paragraphs->len &&
      g_array_index (body->starts, gint64, excerpt->paragraph) >= 0)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, excerpt->paragraph);
      const char *text = paragraph->text ? paragraph->text : "";

      if (excerpt->start <= excerpt->end && excerpt->end <= strlen (text) &&
          excerpt->end - excerpt->start == length &&
          memcmp (text + excerpt->start, excerpt->text, length) == 0)
        {
          span.start = g_array_index (body->starts, gint64, excerpt->paragraph) +
                       g_utf8_strlen (text, excerpt->start);
          span.end = span.start + g_utf8_strlen (excerpt->text, -1);
          return span;
        }
    }

  /* ...else (a date's sentence, a document parsed again, a line moved to
   * the boilerplate) where the text first stands in the body. */
  found = strstr (body->body, excerpt->text);
  if (found != NULL)
    {
      span.start = g_utf8_strlen (body->body, found - body->body);
      span.end = span.start + g_utf8_strlen (excerpt->text, -1);
    }

  return span;
}

PxExportPlan *
px_export_plan_new (const char *title,
                    GListModel *items,
                    GHashTable *documents)
{
  g_autoptr(GHashTable) bodies = NULL;
  PxExportPlan *self;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (PX_TYPE_EXPORT_PLAN, NULL);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Selection"));
  if (documents != NULL)
    self->documents = g_hash_table_ref (documents);

  bodies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) body_free);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (items, i);
      GPtrArray *excerpts = px_selection_item_get_excerpts (item);
      GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), excerpts->len);

      for (guint j = 0; j < excerpts->len; j++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, j);
          PxDocument *document = NULL;
          Span span = { -1, -1 };

          if (excerpt->document_id != NULL)
            {
              if (!g_hash_table_contains (self->notes, excerpt->document_id))
                {
                  g_ptr_array_add (self->source_ids, g_strdup (excerpt->document_id));
                  /* The key is the array's copy, which lives as long. */
                  g_hash_table_insert (self->notes, g_ptr_array_index (self->source_ids, self->source_ids->len - 1),
                                       GUINT_TO_POINTER (self->source_ids->len));
                }
              document = _px_export_plan_lookup (self, excerpt->document_id);
            }

          if (document != NULL)
            {
              Body *body = g_hash_table_lookup (bodies, excerpt->document_id);

              if (body == NULL)
                {
                  body = body_new (document);
                  g_hash_table_insert (bodies, excerpt->document_id, body);
                }
              span = resolve (document, body, excerpt);
            }
          g_array_append_val (spans, span);
        }

      g_ptr_array_add (self->spans, spans);
      g_ptr_array_add (self->items, g_steal_pointer (&item));
    }

  return self;
}

const char *
px_export_plan_get_title (PxExportPlan *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  return self->title;
}

const char *
px_export_plan_get_generated (PxExportPlan *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  return self->generated;
}

void
px_export_plan_set_generated (PxExportPlan *self,
                              const char   *generated)
{
  g_return_if_fail (PX_IS_EXPORT_PLAN (self));
  g_return_if_fail (generated != NULL);

  g_free (self->generated);
  self->generated = g_strdup (generated);
}

guint
px_export_plan_get_n_items (PxExportPlan *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), 0);
  return self->items->len;
}

PxSelectionItem *
px_export_plan_get_item (PxExportPlan *self,
                         guint         index)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
px_export_plan_get_n_sources (PxExportPlan *self)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), 0);
  return self->source_ids->len;
}

const char *
px_export_plan_get_source_id (PxExportPlan *self,
                              guint         index)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->source_ids->len, NULL);
  return g_ptr_array_index (self->source_ids, index);
}

PxDocument *
px_export_plan_get_source (PxExportPlan *self,
                           guint         index)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->source_ids->len, NULL);
  return _px_export_plan_lookup (self, g_ptr_array_index (self->source_ids, index));
}

guint
px_export_plan_get_note (PxExportPlan *self,
                         const char   *document_id)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), 0);

  if (document_id == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->notes, document_id));
}

gboolean
px_export_plan_get_offsets (PxExportPlan *self,
                            guint         item,
                            guint         excerpt,
                            gint64       *start,
                            gint64       *end)
{
  GArray *spans;
  Span span;

  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (item < self->spans->len, FALSE);
  spans = g_ptr_array_index (self->spans, item);
  g_return_val_if_fail (excerpt < spans->len, FALSE);

  span = g_array_index (spans, Span, excerpt);
  if (start != NULL)
    *start = span.start;
  if (end != NULL)
    *end = span.end;
  return span.start >= 0;
}

PxDocument *
_px_export_plan_lookup (PxExportPlan *plan,
                        const char   *id)
{
  g_assert (PX_IS_EXPORT_PLAN (plan));

  if (plan->documents == NULL || id == NULL)
    return NULL;
  return g_hash_table_lookup (plan->documents, id);
}

static gboolean
has_text (const char *value)
{
  return value != NULL && *value != '\0';
}

char *
_px_export_dup_authors (PxDocument *document)
{
  const char * const *authors = px_document_get_authors (document);

  if (authors == NULL || authors[0] == NULL)
    return NULL;
  /* TRANSLATORS: joins the authors of a document in a citation */
  return g_strjoinv (_(", "), (char **) authors);
}

gboolean
_px_export_is_web_url (const char *url)
{
  const char *scheme;

  if (url == NULL || strpbrk (url, " \t\r\n\"'<>") != NULL)
    return FALSE;
  /* Lower case and interned. */
  scheme = g_uri_peek_scheme (url);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

char *
_px_export_dup_file_name (PxDocument *document)
{
  const char *path = px_document_get_path (document);

  if (!has_text (path))
    return NULL;
  return g_path_get_basename (path);
}

GStrv
_px_export_plan_dup_citation_parts (PxExportPlan *plan,
                                    guint         index,
                                    int          *url)
{
  /* g_strv_builder_take() is GLib 2.80. */
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *id = px_export_plan_get_source_id (plan, index);
  PxDocument *document = px_export_plan_get_source (plan, index);
  int n = 0;

  *url = -1;
  if (document == NULL)
    {
      g_ptr_array_add (parts, g_strdup (_("Document not in the archive")));
      g_ptr_array_add (parts, g_strdup_printf ("SHA-256 %s", id));
      g_ptr_array_add (parts, NULL);
      return (GStrv) g_ptr_array_steal (parts, NULL);
    }

  if (has_text (px_document_get_outlet (document)))
    {
      g_ptr_array_add (parts, g_strdup (px_document_get_outlet (document)));
      n++;
    }
  if (has_text (px_document_get_title (document)))
    {
      /* TRANSLATORS: a document's title in a citation */
      g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), px_document_get_title (document)));
      n++;
    }
  if (px_document_get_authors (document)[0] != NULL)
    {
      g_ptr_array_add (parts, _px_export_dup_authors (document));
      n++;
    }
  if (has_text (px_document_get_published (document)))
    {
      /* Said for people ("about 2017", "14 October 2021"), as the reader
       * says it: citations are read; the EDTF stays in CSV and JSON. */
      char *published = px_edtf_format (px_document_get_published (document));

      g_ptr_array_add (parts, published ? published : g_strdup (px_document_get_published (document)));
      n++;
    }
  if (has_text (px_document_get_url (document)))
    {
      g_ptr_array_add (parts, g_strdup (px_document_get_url (document)));
      *url = n++;
    }
  else
    {
      char *file = _px_export_dup_file_name (document);

      if (file != NULL)
        {
          g_ptr_array_add (parts, file);
          n++;
        }
    }
  g_ptr_array_add (parts, g_strdup_printf ("SHA-256 %s", px_document_get_id (document)));

  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_steal (parts, NULL);
}

char *
px_export_plan_dup_citation (PxExportPlan *self,
                             guint         index)
{
  g_auto(GStrv) parts = NULL;
  int url;

  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->source_ids->len, NULL);

  parts = _px_export_plan_dup_citation_parts (self, index, &url);
  /* TRANSLATORS: separates the parts of a citation */
  return g_strjoinv (_(", "), parts);
}

gboolean
_px_export_excerpt_is_whole (const PxExcerpt *excerpt)
{
  return excerpt->paragraph == PX_EXCERPT_WHOLE_DOCUMENT;
}

char *
_px_export_plan_dup_location (PxExportPlan *plan,
                              guint         item,
                              guint         excerpt)
{
  PxSelectionItem *selection_item = px_export_plan_get_item (plan, item);
  const PxExcerpt *e = g_ptr_array_index (px_selection_item_get_excerpts (selection_item), excerpt);
  gint64 start, end;

  if (_px_export_excerpt_is_whole (e))
    return g_strdup (_("whole document"));
  if (_px_export_plan_lookup (plan, e->document_id) == NULL)
    return g_strdup (_("document not in the archive"));
  if (!px_export_plan_get_offsets (plan, item, excerpt, &start, &end))
    return g_strdup (_("not found in the document’s text"));
  /* TRANSLATORS: where a quotation stands in a document's text: its first
   * character and the one after its last, counted from 0 */
  return g_strdup_printf (_("characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT), start, end);
}

char *
_px_export_plan_dup_summary (PxExportPlan *plan)
{
  guint n_items = px_export_plan_get_n_items (plan);
  guint n_sources = px_export_plan_get_n_sources (plan);
  g_autofree char *items = NULL;
  g_autofree char *sources = NULL;

  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items), n_items);
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_sources),
                             n_sources);
  /* TRANSLATORS: the first line of an export: the date and time (ISO 8601),
   * "3 items", "2 documents" */
  return g_strdup_printf (_("Exported by Parallax on %s: %s citing %s."),
                          px_export_plan_get_generated (plan), items, sources);
}

char *
_px_export_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  /* Documents are valid UTF-8 once decoded; a selection read back from
   * elsewhere may not be. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          /* "\r\n" is one line end. */
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xfffe || c == 0xffff)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}
