#ifndef DESCENT_CZLIB_SHIM_H
#define DESCENT_CZLIB_SHIM_H
/* zlib (zlib1g-dev): gzip-compressed data sets (the bundled digits, IDX files), indexed PNG thumbnails. */
#include <zlib.h>
#endif
