/* px-document-list.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive's documents as a GListModel. An archive holds up to hundreds
 * of thousands of documents, so the model keeps only the rows' summaries
 * (a few short strings each) and makes the item objects on demand, as
 * sysprof's document does: a view of 30 visible rows creates 30 objects.
 */

#define G_LOG_DOMAIN "px-document-list"

#include "config.h"

#include "px-document-list.h"

/* ------------------------------------------------------------------ */
/* PxDocumentInfo                                                       */
/* ------------------------------------------------------------------ */

struct _PxDocumentInfo
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *outlet;
  char    *published;
  char    *path;
  char    *format;
  char    *snippet;
};

G_DEFINE_FINAL_TYPE (PxDocumentInfo, px_document_info, G_TYPE_OBJECT)

enum {
  INFO_PROP_0,
  INFO_PROP_ID,
  INFO_PROP_TITLE,
  INFO_PROP_OUTLET,
  INFO_PROP_PUBLISHED,
  INFO_PROP_PATH,
  INFO_PROP_FORMAT,
  INFO_PROP_SNIPPET,
  INFO_N_PROPS
};

static GParamSpec *info_properties [INFO_N_PROPS];

static void
px_document_info_finalize (GObject *object)
{
  PxDocumentInfo *self = (PxDocumentInfo *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->outlet);
  g_free (self->published);
  g_free (self->path);
  g_free (self->format);
  g_free (self->snippet);

  G_OBJECT_CLASS (px_document_info_parent_class)->finalize (object);
}

static void
px_document_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PxDocumentInfo *self = PX_DOCUMENT_INFO (object);

  switch (prop_id)
    {
    case INFO_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case INFO_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case INFO_PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case INFO_PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case INFO_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case INFO_PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;
    case INFO_PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_info_class_init (PxDocumentInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[] = { NULL, "id", "title", "outlet", "published", "path", "format", "snippet" };

  object_class->finalize = px_document_info_finalize;
  object_class->get_property = px_document_info_get_property;

  for (guint i = 1; i < INFO_N_PROPS; i++)
    info_properties [i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                               (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, INFO_N_PROPS, info_properties);
}

static void
px_document_info_init (PxDocumentInfo *self)
{
}

const char *
px_document_info_get_id (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->id;
}

const char *
px_document_info_get_title (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->title;
}

const char *
px_document_info_get_outlet (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->outlet;
}

const char *
px_document_info_get_published (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->published;
}

const char *
px_document_info_get_path (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->path;
}

const char *
px_document_info_get_format (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->format;
}

const char *
px_document_info_get_snippet (PxDocumentInfo *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_INFO (self), NULL);
  return self->snippet;
}

/* ------------------------------------------------------------------ */
/* PxDocumentList                                                       */
/* ------------------------------------------------------------------ */

struct _PxDocumentList
{
  GObject    parent_instance;

  PxArchive *archive;
  char      *outlet;
  char      *query;
  char      *tag;
  char      *from;
  char      *to;
  PxSort     sort;

  /* PxDocumentSummary, the rows as the database gave them. */
  GPtrArray *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxDocumentList, px_document_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ARCHIVE,
  PROP_OUTLET,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Search results are capped: nobody reads past the first thousand, and
 * ranking all matches of a common word in 100,000 documents is slow. */
#define SEARCH_LIMIT 1000

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_DOCUMENT_INFO;
}

static guint
get_n_items (GListModel *model)
{
  return PX_DOCUMENT_LIST (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PxDocumentList *self = PX_DOCUMENT_LIST (model);
  PxDocumentInfo *info;

  if (position >= self->rows->len)
    return NULL;

  info = g_object_new (PX_TYPE_DOCUMENT_INFO, NULL);
  {
    PxDocumentSummary *row = g_ptr_array_index (self->rows, position);

    /* Only the first rows of a search come with a snippet: the others
     * get theirs when a view shows them ("" once looked for in vain). */
    if (self->query != NULL && row->snippet == NULL)
      {
        row->snippet = px_archive_get_snippet (self->archive, self->query, row->id);
        if (row->snippet == NULL)
          row->snippet = g_strdup ("");
      }

    info->id = g_strdup (row->id);
    info->title = g_strdup (row->title);
    info->outlet = g_strdup (row->outlet);
    info->published = g_strdup (row->published);
    info->path = g_strdup (row->path);
    info->format = g_strdup (row->format);
    info->snippet = row->snippet != NULL && *row->snippet != '\0' ? g_strdup (row->snippet) : NULL;
  }

  return info;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
px_document_list_dispose (GObject *object)
{
  PxDocumentList *self = (PxDocumentList *)object;

  g_clear_object (&self->archive);

  G_OBJECT_CLASS (px_document_list_parent_class)->dispose (object);
}

static void
px_document_list_finalize (GObject *object)
{
  PxDocumentList *self = (PxDocumentList *)object;

  g_free (self->outlet);
  g_free (self->query);
  g_free (self->tag);
  g_free (self->from);
  g_free (self->to);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (px_document_list_parent_class)->finalize (object);
}

static void
px_document_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PxDocumentList *self = PX_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_ARCHIVE:
      g_value_set_object (value, self->archive);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PxDocumentList *self = PX_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_ARCHIVE:
      self->archive = g_value_dup_object (value);
      break;
    case PROP_OUTLET:
      px_document_list_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_QUERY:
      px_document_list_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_list_constructed (GObject *object)
{
  G_OBJECT_CLASS (px_document_list_parent_class)->constructed (object);

  px_document_list_reload (PX_DOCUMENT_LIST (object));
}

static void
px_document_list_class_init (PxDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = px_document_list_constructed;
  object_class->dispose = px_document_list_dispose;
  object_class->finalize = px_document_list_finalize;
  object_class->get_property = px_document_list_get_property;
  object_class->set_property = px_document_list_set_property;

  properties [PROP_ARCHIVE] =
    g_param_spec_object ("archive", NULL, NULL, PX_TYPE_ARCHIVE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_document_list_init (PxDocumentList *self)
{
  self->rows = g_ptr_array_new ();
}

PxDocumentList *
px_document_list_new (PxArchive *archive)
{
  g_return_val_if_fail (PX_IS_ARCHIVE (archive), NULL);

  return g_object_new (PX_TYPE_DOCUMENT_LIST, "archive", archive, NULL);
}

PxArchive *
px_document_list_get_archive (PxDocumentList *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_LIST (self), NULL);

  return self->archive;
}

const char *
px_document_list_get_outlet (PxDocumentList *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_LIST (self), NULL);

  return self->outlet;
}

void
px_document_list_set_outlet (PxDocumentList *self,
                             const char     *outlet)
{
  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  if (!set_string (&self->outlet, outlet))
    return;
  px_document_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OUTLET]);
}

const char *
px_document_list_get_query (PxDocumentList *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_LIST (self), NULL);

  return self->query;
}

void
px_document_list_set_query (PxDocumentList *self,
                            const char     *query)
{
  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  if (!set_string (&self->query, query))
    return;
  px_document_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUERY]);
}

/* Reads the rows again (after an import, a correction, a new filter) and
 * tells the views with one items-changed. While there is a query, the
 * best matches come first whatever the sort. */
void
px_document_list_reload (PxDocumentList *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *old;
  guint old_len;
  PxQuery query = {
    .outlet = self->outlet,
    .from = self->from,
    .to = self->to,
    .tag = self->tag,
    .text = self->query,
    .sort = self->query != NULL ? PX_SORT_RELEVANCE : self->sort,
    .limit = self->query != NULL ? SEARCH_LIMIT : 0,
  };

  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  if (self->archive == NULL)
    return;

  rows = px_archive_query (self->archive, &query, &error);
  if (rows == NULL)
    {
      g_warning ("%s", error->message);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) px_document_summary_free);
    }

  old = self->rows;
  old_len = old->len;
  self->rows = g_steal_pointer (&rows);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rows->len);
  if (old_len != self->rows->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);

  g_ptr_array_unref (old);
}

/* Only this tag's documents; NULL for all. */
void
px_document_list_set_tag (PxDocumentList *self,
                          const char     *tag)
{
  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  if (set_string (&self->tag, tag))
    px_document_list_reload (self);
}

/* Only documents published within [@from, @to], EDTF prefixes ("2019",
 * "2019-03"); either may be NULL. */
void
px_document_list_set_date_range (PxDocumentList *self,
                                 const char     *from,
                                 const char     *to)
{
  gboolean changed;

  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  changed = set_string (&self->from, from);
  changed |= set_string (&self->to, to);
  if (changed)
    px_document_list_reload (self);
}

void
px_document_list_set_sort (PxDocumentList *self,
                           PxSort          sort)
{
  g_return_if_fail (PX_IS_DOCUMENT_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  px_document_list_reload (self);
}

/* The position of document @id, or -1. */
int
px_document_list_find (PxDocumentList *self,
                       const char     *id)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_LIST (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_str_equal (((PxDocumentSummary *) self->rows->pdata[i])->id, id))
      return i;

  return -1;
}
