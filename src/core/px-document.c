/* px-document.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-document"

#include "config.h"

#include <glib/gi18n.h>

#include "px-document.h"

struct _PxDocument
{
  GObject    parent_instance;

  char      *id;
  char      *path;
  PxFormat   format;
  gsize      size;

  char      *fields[PX_N_FIELDS];
  PxSource   sources[PX_N_FIELDS];
  GStrv      authors;

  GPtrArray *paragraphs;
  GPtrArray *figures;
  GPtrArray *dates;
};

G_DEFINE_FINAL_TYPE (PxDocument, px_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_AUTHORS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const int field_props[PX_N_FIELDS] = {
  [PX_FIELD_TITLE] = PROP_TITLE,
  [PX_FIELD_SUBTITLE] = PROP_SUBTITLE,
  [PX_FIELD_OUTLET] = PROP_OUTLET,
  [PX_FIELD_AUTHORS] = PROP_AUTHORS,
  [PX_FIELD_PUBLISHED] = PROP_PUBLISHED,
};

static void
px_document_finalize (GObject *object)
{
  PxDocument *self = (PxDocument *)object;

  g_free (self->id);
  g_free (self->path);
  for (guint i = 0; i < PX_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->authors);
  g_ptr_array_unref (self->paragraphs);
  g_ptr_array_unref (self->figures);
  g_ptr_array_unref (self->dates);

  G_OBJECT_CLASS (px_document_parent_class)->finalize (object);
}

static void
px_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PxDocument *self = PX_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_TITLE:
      g_value_set_string (value, px_document_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, px_document_get_subtitle (self));
      break;

    case PROP_OUTLET:
      g_value_set_string (value, px_document_get_outlet (self));
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, px_document_get_published (self));
      break;

    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_class_init (PxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_document_finalize;
  object_class->get_property = px_document_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_document_init (PxDocument *self)
{
  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) px_paragraph_free);
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_free);
  self->dates = g_ptr_array_new_with_free_func ((GDestroyNotify) px_date_mention_free);
  self->authors = g_new0 (char *, 1);
}

PxDocument *
px_document_new (void)
{
  return g_object_new (PX_TYPE_DOCUMENT, NULL);
}

const char *
px_document_get_id (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return self->id;
}

void
px_document_set_id (PxDocument *self,
                    const char *id)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
px_document_get_path (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return self->path;
}

void
px_document_set_path (PxDocument *self,
                      const char *path)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PATH]);
}

PxFormat
px_document_get_format (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), PX_FORMAT_TEXT);

  return self->format;
}

void
px_document_set_format (PxDocument *self,
                        PxFormat    format)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));

  self->format = format;
}

gsize
px_document_get_size (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);

  return self->size;
}

void
px_document_set_size (PxDocument *self,
                      gsize       size)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));

  self->size = size;
}

const char *
px_document_get_field (PxDocument *self,
                       PxField     field)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (field < PX_N_FIELDS, NULL);

  if (field == PX_FIELD_AUTHORS)
    return self->authors[0];

  return self->fields[field];
}

PxSource
px_document_get_field_source (PxDocument *self,
                              PxField     field)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), PX_SOURCE_NONE);
  g_return_val_if_fail (field < PX_N_FIELDS, PX_SOURCE_NONE);

  return self->sources[field];
}

static void
notify_field (PxDocument *self,
              PxField     field)
{
  if (field_props[field] != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [field_props[field]]);
}

/* Sets @field unconditionally; a NULL or empty @value clears it. For
 * AUTHORS, @value is one name and replaces the list. */
void
px_document_set_field (PxDocument *self,
                       PxField     field,
                       const char *value,
                       PxSource    source)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  g_return_if_fail (field < PX_N_FIELDS);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (field == PX_FIELD_AUTHORS)
    {
      const char *one[] = { value, NULL };

      px_document_set_authors (self, one, source);
      return;
    }

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  self->sources[field] = value != NULL ? source : PX_SOURCE_NONE;
  notify_field (self, field);
}

/* Readers offer candidates in order of decreasing trust: the first value
 * offered for a field wins. Returns TRUE if @value was taken. */
gboolean
px_document_offer_field (PxDocument *self,
                         PxField     field,
                         const char *value,
                         PxSource    source)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field < PX_N_FIELDS, FALSE);

  if (value == NULL || *value == '\0' || self->sources[field] != PX_SOURCE_NONE)
    return FALSE;

  px_document_set_field (self, field, value, source);
  return TRUE;
}

const char *
px_document_get_title (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_TITLE);
}

const char *
px_document_get_subtitle (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_SUBTITLE);
}

const char *
px_document_get_outlet (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_OUTLET);
}

const char *
px_document_get_published (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_PUBLISHED);
}

const char *
px_document_get_url (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_URL);
}

const char *
px_document_get_language (PxDocument *self)
{
  return px_document_get_field (self, PX_FIELD_LANGUAGE);
}

const char * const *
px_document_get_authors (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return (const char * const *) self->authors;
}

void
px_document_set_authors (PxDocument         *self,
                         const char * const *authors,
                         PxSource            source)
{
  GPtrArray *list;

  g_return_if_fail (PX_IS_DOCUMENT (self));

  list = g_ptr_array_new ();
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    {
      gboolean seen = *authors[i] == '\0';

      for (guint j = 0; !seen && j < list->len; j++)
        seen = g_str_equal (g_ptr_array_index (list, j), authors[i]);
      if (!seen)
        g_ptr_array_add (list, g_strdup (authors[i]));
    }
  g_ptr_array_add (list, NULL);

  g_strfreev (self->authors);
  self->authors = (GStrv) g_ptr_array_free (list, FALSE);
  self->sources[PX_FIELD_AUTHORS] = self->authors[0] != NULL ? source : PX_SOURCE_NONE;
  notify_field (self, PX_FIELD_AUTHORS);
}

GPtrArray *
px_document_get_paragraphs (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return self->paragraphs;
}

void
px_document_take_paragraph (PxDocument  *self,
                            PxParagraph *paragraph)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  g_return_if_fail (paragraph != NULL);

  g_ptr_array_add (self->paragraphs, paragraph);
}

void
px_document_add_paragraph (PxDocument  *self,
                           PxBlockKind  kind,
                           const char  *text,
                           const char  *reason,
                           guint        line)
{
  px_document_take_paragraph (self, px_paragraph_new (kind, text, reason, line));
}

guint
px_document_get_n_kept (PxDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < self->paragraphs->len; i++)
    n += px_paragraph_is_kept (g_ptr_array_index (self->paragraphs, i));

  return n;
}

/* The clean text: every kept paragraph, separated by blank lines. */
char *
px_document_dup_body_text (PxDocument *self)
{
  GString *str;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (self->paragraphs, i);

      if (!px_paragraph_in_body (p))
        continue;
      if (str->len > 0)
        g_string_append (str, "\n\n");
      g_string_append (str, p->text);
    }

  return g_string_free (str, FALSE);
}

GPtrArray *
px_document_get_figures (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return self->figures;
}

void
px_document_take_figure (PxDocument *self,
                         PxFigure   *figure)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  g_return_if_fail (figure != NULL);

  g_ptr_array_add (self->figures, figure);
}

GPtrArray *
px_document_get_dates (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  return self->dates;
}

void
px_document_take_date (PxDocument    *self,
                       PxDateMention *date)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));
  g_return_if_fail (date != NULL);

  g_ptr_array_add (self->dates, date);
}

/* Forgets the figures and dates, before they are found again (after the
 * user moved lines between body and boilerplate). */
void
px_document_clear_extractions (PxDocument *self)
{
  g_return_if_fail (PX_IS_DOCUMENT (self));

  g_ptr_array_set_size (self->figures, 0);
  g_ptr_array_set_size (self->dates, 0);
}

char *
px_document_dup_display_title (PxDocument *self)
{
  const char *title;
  const char *path;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  title = px_document_get_title (self);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  path = px_document_get_path (self);
  if (path != NULL && *path != '\0')
    return g_path_get_basename (path);

  return g_strdup (_("Untitled Document"));
}

char *
px_document_dup_source_name (PxDocument *self)
{
  const char *outlet;
  const char *title;
  const char *path;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  outlet = px_document_get_outlet (self);
  if (outlet != NULL && *outlet != '\0')
    return g_strdup (outlet);

  title = px_document_get_title (self);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  path = px_document_get_path (self);
  if (path != NULL && *path != '\0')
    return g_path_get_basename (path);

  return g_strdup (_("Unknown source"));
}
