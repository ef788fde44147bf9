// Debian's Tesseract (libtesseract-dev) through its C API, and Leptonica (libleptonica-dev), which decodes
// images and which Tesseract's API takes pictures from.
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
