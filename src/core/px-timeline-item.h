/* px-timeline-item.h: one timeline entry as an object, for list views
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "px-timeline-entry.h"

G_BEGIN_DECLS

#define PX_TYPE_TIMELINE_ITEM (px_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (PxTimelineItem, px_timeline_item, PX, TIMELINE_ITEM, GObject)

/* PxTimelineModel is a GListModel of these, made on demand, so a list of a
 * million entries costs objects only for the rows on screen. Properties:
 * "value" (EDTF), "kind" (PxTimelineKind as int), "outlet", "text",
 * "sentence", "title", "document-id", "position" (index of the entry). */
PxTimelineItem        *px_timeline_item_new             (const PxTimelineEntry *entry,
                                                         guint                  position);
const PxTimelineEntry *px_timeline_item_get_entry       (PxTimelineItem        *self);
guint                  px_timeline_item_get_position    (PxTimelineItem        *self);

G_END_DECLS
