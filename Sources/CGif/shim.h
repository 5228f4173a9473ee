#ifndef DESCENT_CGIF_SHIM_H
#define DESCENT_CGIF_SHIM_H
#include <gif_lib.h>
#endif
