// Cairo compresses each font file it embeds in a PDF at zlib's default level (6), on the thread
// that finishes the PDF: ~2–3 ms of a 20-page report's single-threaded PDF stage, for three CJK
// subsets of ~150 KB. The page content, which Cairo leaves uncompressed (CAIRO_DEBUG_PDF), the
// accessibility pass already compresses at level 1. These definitions of deflateInit_ and
// deflateInit2_ (the executable's, so Cairo's calls reach them before zlib's, as with
// __snprintf_chk in CFixedPrintf) give a stream that Cairo's code starts at the default level
// level 1 instead: the same data, a valid stream any reader inflates, ~3× faster to make and
// ~10% larger. Every other caller (ZIPFoundation, our own PNG and PDF streams, libpng) and
// every explicit level go to zlib untouched.
#define _GNU_SOURCE
#include "cairo_deflate.h"
#include <dlfcn.h>
#include <stdatomic.h>
#include <string.h>
#include <zlib.h>

typedef int (*init_fn)(z_streamp, int, const char *, int);
typedef int (*init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

// Per thread (Cairo compresses on the thread that finishes the PDF): a test turning it off for
// its own PDF does not change the PDFs other threads write meanwhile.
static _Thread_local int cairosLevel;
static _Thread_local long given;

void report_cairo_deflate_fast(int on) { cairosLevel = !on; }
long report_cairo_deflate_count(void) { return given; }

/// Whether the call came from Cairo's library.
static int fromCairo(void *caller) {
    Dl_info info;
    if (!dladdr(caller, &info) || !info.dli_fname) return 0;
    const char *slash = strrchr(info.dli_fname, '/');
    const char *base = slash ? slash + 1 : info.dli_fname;
    return strncmp(base, "libcairo.so", 11) == 0;
}

static int levelFor(int level, void *caller) {
    if (level != Z_DEFAULT_COMPRESSION || cairosLevel || !fromCairo(caller)) return level;
    given += 1;
    return 1;
}

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    static _Atomic(init_fn) real;
    init_fn next = atomic_load(&real);
    if (!next) { next = (init_fn)dlsym(RTLD_NEXT, "deflateInit_"); atomic_store(&real, next); }
    return next(strm, levelFor(level, __builtin_return_address(0)), version, stream_size);
}

int deflateInit2_(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy,
                  const char *version, int stream_size) {
    static _Atomic(init2_fn) real;
    init2_fn next = atomic_load(&real);
    if (!next) { next = (init2_fn)dlsym(RTLD_NEXT, "deflateInit2_"); atomic_store(&real, next); }
    return next(strm, levelFor(level, __builtin_return_address(0)), method, windowBits, memLevel, strategy,
                version, stream_size);
}
