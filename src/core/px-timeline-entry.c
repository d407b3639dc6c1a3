/* px-timeline-entry.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-timeline-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-timeline-entry.h"

G_DEFINE_BOXED_TYPE (PxTimelineEntry, px_timeline_entry, px_timeline_entry_copy, px_timeline_entry_free)

static PxTimelineEntry *
px_timeline_entry_new (const char     *value,
                       PxTimelineKind  kind,
                       PxDocument     *document,
                       const char     *text,
                       const char     *sentence)
{
  PxTimelineEntry *self = g_new0 (PxTimelineEntry, 1);

  self->value = g_strdup (value);
  self->document_id = g_strdup (px_document_get_id (document));
  self->title = g_strdup (px_document_get_title (document));
  self->kind = kind;
  self->path = g_strdup (px_document_get_path (document));
  self->outlet = g_strdup (px_document_get_outlet (document));
  self->text = g_strdup (text);
  self->sentence = g_strdup (sentence);

  return self;
}

PxTimelineEntry *
px_timeline_entry_copy (const PxTimelineEntry *self)
{
  PxTimelineEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PxTimelineEntry, 1);
  copy->value = g_strdup (self->value);
  copy->document_id = g_strdup (self->document_id);
  copy->title = g_strdup (self->title);
  copy->kind = self->kind;
  copy->path = g_strdup (self->path);
  copy->outlet = g_strdup (self->outlet);
  copy->text = g_strdup (self->text);
  copy->sentence = g_strdup (self->sentence);

  return copy;
}

void
px_timeline_entry_free (PxTimelineEntry *self)
{
  if (self == NULL)
    return;

  g_free (self->value);
  g_free (self->document_id);
  g_free (self->title);
  g_free (self->path);
  g_free (self->outlet);
  g_free (self->text);
  g_free (self->sentence);
  g_free (self);
}

char *
px_timeline_entry_dup_source (const PxTimelineEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->outlet != NULL && *self->outlet != '\0')
    return g_strdup (self->outlet);
  if (self->title != NULL && *self->title != '\0')
    return g_strdup (self->title);
  if (self->path != NULL && *self->path != '\0')
    return g_path_get_basename (self->path);

  return g_strdup (_("Unknown source"));
}

const char *
px_timeline_kind_to_string (PxTimelineKind kind)
{
  return kind == PX_TIMELINE_PUBLISHED ? "published" : "event";
}

/* Orders EDTF values by the start of the span they denote; at an equal
 * start the coarser value ("2003") comes before the finer ("2003-03-15"). */
int
px_edtf_compare (const char *a,
                 const char *b)
{
  gsize la = strcspn (a, "/~?%T ");
  gsize lb = strcspn (b, "/~?%T ");
  int cmp = strncmp (a, b, MIN (la, lb));

  if (cmp != 0)
    return cmp;
  if (la != lb)
    return la < lb ? -1 : 1;

  return strcmp (a, b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PxTimelineEntry *ea = *(PxTimelineEntry **) a;
  const PxTimelineEntry *eb = *(PxTimelineEntry **) b;
  int cmp = px_edtf_compare (ea->value, eb->value);

  if (cmp == 0)
    cmp = (int) ea->kind - (int) eb->kind;
  if (cmp == 0)
    cmp = g_strcmp0 (ea->path, eb->path);

  return cmp;
}

/**
 * px_timeline_build:
 * @documents: (element-type PxDocument): parsed documents
 *
 * Returns: (transfer full) (element-type PxTimelineEntry): each document's
 *   publication date and every placed date it mentions, in time order
 */
GPtrArray *
px_timeline_build (GPtrArray *documents)
{
  GPtrArray *entries;

  g_return_val_if_fail (documents != NULL, NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) px_timeline_entry_free);

  for (guint i = 0; i < documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (documents, i);
      GPtrArray *dates = px_document_get_dates (document);
      const char *published = px_document_get_published (document);

      if (published != NULL)
        g_ptr_array_add (entries,
                         px_timeline_entry_new (published, PX_TIMELINE_PUBLISHED, document,
                                                px_document_get_title (document), NULL));

      for (guint j = 0; j < dates->len; j++)
        {
          const PxDateMention *date = g_ptr_array_index (dates, j);

          if (px_date_mention_is_placed (date))
            g_ptr_array_add (entries,
                             px_timeline_entry_new (date->value, PX_TIMELINE_EVENT, document,
                                                    date->text, date->sentence));
        }
    }

  g_ptr_array_sort (entries, compare_entries);

  return entries;
}
