/* px-compare-edits.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-compare-edits.h"
#include "px-term-set.h"

PxCompareEdits *
px_compare_edits_new (void)
{
  PxCompareEdits *self = g_new0 (PxCompareEdits, 1);

  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) px_topic_edit_free);
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) px_user_figure_free);
  self->alignments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
px_compare_edits_free (PxCompareEdits *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->topics);
  g_ptr_array_unref (self->figures);
  g_hash_table_unref (self->alignments);
  g_clear_pointer (&self->term_sets, g_ptr_array_unref);
  g_free (self);
}

PxTopicEdit *
px_topic_edit_new (const char *id)
{
  PxTopicEdit *self = g_new0 (PxTopicEdit, 1);

  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->members = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
px_topic_edit_free (PxTopicEdit *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->label);
  g_free (self->note);
  g_free (self->reviewed);
  g_ptr_array_unref (self->members);
  g_free (self);
}

void
px_user_figure_free (PxUserFigure *self)
{
  if (self == NULL)
    return;

  g_free (self->document_id);
  g_clear_pointer (&self->figure, px_figure_free);
  g_free (self);
}

PxTopicEdit *
px_compare_edits_find_topic (PxCompareEdits *self,
                             const char     *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->topics->len; i++)
    {
      PxTopicEdit *topic = g_ptr_array_index (self->topics, i);

      if (g_strcmp0 (topic->id, id) == 0)
        return topic;
    }

  return NULL;
}
