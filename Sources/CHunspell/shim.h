#ifndef TOTAALBEELD_CHUNSPELL_SHIM_H
#define TOTAALBEELD_CHUNSPELL_SHIM_H
// Hunspell's C API (Debian/Ubuntu: libhunspell-dev). pkg-config "hunspell" adds the include
// directory (/usr/include/hunspell) and the library, whose name carries its version.
#include <hunspell.h>
#endif
