/* px-timeline-page.c: stub, being written */

#include "config.h"

#include "px-timeline-page.h"

struct _PxTimelinePage { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (PxTimelinePage, px_timeline_page, GTK_TYPE_WIDGET)
static void px_timeline_page_class_init (PxTimelinePageClass *klass) { }
static void px_timeline_page_init (PxTimelinePage *self) { }
