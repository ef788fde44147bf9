// Debian's OpenBLAS (libopenblas-dev): the CBLAS matrix products the Recognition engine's network runs on.
#include <cblas.h>
