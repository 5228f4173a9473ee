#ifndef DESCENT_CCAIRO_SHIM_H
#define DESCENT_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
/* libpng's simplified write API (libpng 1.6, a dependency of cairo): PNG files written
   with PNG_IMAGE_FLAG_FAST, 2-3x faster than cairo_surface_write_to_png. */
#include <png.h>
#endif
