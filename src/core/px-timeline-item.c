/* px-timeline-item.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-timeline-item"

#include "config.h"

#include "px-timeline-item.h"

struct _PxTimelineItem
{
  GObject          parent_instance;

  PxTimelineEntry *entry;
  guint            position;
};

G_DEFINE_FINAL_TYPE (PxTimelineItem, px_timeline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_KIND,
  PROP_OUTLET,
  PROP_TEXT,
  PROP_SENTENCE,
  PROP_TITLE,
  PROP_DOCUMENT_ID,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_timeline_item_finalize (GObject *object)
{
  PxTimelineItem *self = (PxTimelineItem *)object;

  g_clear_pointer (&self->entry, px_timeline_entry_free);

  G_OBJECT_CLASS (px_timeline_item_parent_class)->finalize (object);
}

static void
px_timeline_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PxTimelineItem *self = PX_TIMELINE_ITEM (object);
  const PxTimelineEntry *entry = self->entry;

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, entry->value);
      break;

    case PROP_KIND:
      g_value_set_int (value, entry->kind);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, entry->outlet);
      break;

    case PROP_TEXT:
      g_value_set_string (value, entry->text);
      break;

    case PROP_SENTENCE:
      g_value_set_string (value, entry->sentence);
      break;

    case PROP_TITLE:
      g_value_set_string (value, entry->title);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_string (value, entry->document_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_timeline_item_class_init (PxTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = px_timeline_item_finalize;
  object_class->get_property = px_timeline_item_get_property;

  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, PX_TIMELINE_EVENT, 0, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SENTENCE] = g_param_spec_string ("sentence", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_timeline_item_init (PxTimelineItem *self)
{
}

PxTimelineItem *
px_timeline_item_new (const PxTimelineEntry *entry,
                      guint                  position)
{
  PxTimelineItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PX_TYPE_TIMELINE_ITEM, NULL);
  self->entry = px_timeline_entry_copy (entry);
  self->position = position;

  return self;
}

const PxTimelineEntry *
px_timeline_item_get_entry (PxTimelineItem *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_ITEM (self), NULL);

  return self->entry;
}

guint
px_timeline_item_get_position (PxTimelineItem *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_ITEM (self), 0);

  return self->position;
}
