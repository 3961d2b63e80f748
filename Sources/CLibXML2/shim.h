#ifndef TOTAALBEELD_CLIBXML2_SHIM_H
#define TOTAALBEELD_CLIBXML2_SHIM_H
// libxml2 pulls in ICU headers that clash with Foundation's module; switch ICU off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>

// libxml2's generic error callback is C-variadic, which Swift cannot implement, so the
// "print nothing" handler lives here. Without it libxml2 writes some messages to stderr.
static inline void totaalbeeld_discard_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/// Silences libxml2's generic error output for the calling thread and for threads whose
/// libxml2 state is created later (libxml2 2.9 keeps these handlers per thread).
static inline void totaalbeeld_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, totaalbeeld_discard_generic_error);
    xmlThrDefSetGenericErrorFunc(NULL, totaalbeeld_discard_generic_error);
}
#endif
