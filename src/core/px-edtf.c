/* px-edtf.c: stub, being written */

#include "config.h"

#include "px-edtf.h"
