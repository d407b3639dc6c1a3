/* px-timeline-painter.c: stub, being written */

#include "config.h"

#include "px-timeline-painter.h"
