/* px-time-axis.c: stub, being written */

#include "config.h"

#include "px-time-axis.h"
