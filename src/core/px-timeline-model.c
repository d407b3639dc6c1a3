/* px-timeline-model.c: stub, being written */

#include "config.h"

#include "px-timeline-model.h"

struct _PxTimelineModel { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (PxTimelineModel, px_timeline_model, G_TYPE_OBJECT)
static void px_timeline_model_class_init (PxTimelineModelClass *klass) { }
static void px_timeline_model_init (PxTimelineModel *self) { }
