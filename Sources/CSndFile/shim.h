// Debian's libsndfile (libsndfile1-dev): decodes wav, flac, ogg (vorbis, opus) and mp3 uploads.
#include <sndfile.h>
