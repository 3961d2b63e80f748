#ifndef TOTAALBEELD_CSTEMMER_SHIM_H
#define TOTAALBEELD_CSTEMMER_SHIM_H
// Snowball's libstemmer (Debian/Ubuntu: libstemmer-dev). It ships no pkg-config file, so the
// module map links "stemmer" by name and the header is found on the default include path.
#include <libstemmer.h>
#endif
