/* px-timeline.c: stub, being written */

#include "config.h"

#include "px-timeline.h"

struct _PxTimeline { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (PxTimeline, px_timeline, GTK_TYPE_WIDGET)
static void px_timeline_class_init (PxTimelineClass *klass) { }
static void px_timeline_init (PxTimeline *self) { }
