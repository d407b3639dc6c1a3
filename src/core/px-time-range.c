/* px-time-range.c: stub, being written */

#include "config.h"

#include "px-time-range.h"

struct _PxTimeRange { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (PxTimeRange, px_time_range, G_TYPE_OBJECT)
static void px_time_range_class_init (PxTimeRangeClass *klass) { }
static void px_time_range_init (PxTimeRange *self) { }
