#ifndef DESCENT_CBLAS_SHIM_H
#define DESCENT_CBLAS_SHIM_H
/* OpenBLAS's CBLAS interface (libopenblas-dev): cblas_dgemm, and openblas_set_num_threads,
   which DescentNetwork calls once with 1 so that runs are single-threaded and reproducible. */
#include <cblas.h>
#endif
