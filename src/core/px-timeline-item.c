/* px-timeline-item.c: stub, being written */

#include "config.h"

#include "px-timeline-item.h"

struct _PxTimelineItem { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (PxTimelineItem, px_timeline_item, G_TYPE_OBJECT)
static void px_timeline_item_class_init (PxTimelineItemClass *klass) { }
static void px_timeline_item_init (PxTimelineItem *self) { }
