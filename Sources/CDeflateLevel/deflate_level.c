// cairo 1.16 deflates every PDF stream (page contents at cairo_show_page, embedded font
// programs at cairo_surface_finish) with deflateInit (Z_DEFAULT_COMPRESSION = level 6) and has
// no setting for it. This definition of zlib's deflateInit_ (what the deflateInit macro calls)
// comes before libz's in the link, so cairo's calls reach it: on a thread inside
// report_deflate_default_begin/_end a default-level stream gets the given level, every other
// call is exactly zlib's own deflateInit_ (deflateInit2_ with its default parameters).
#include "deflate_level.h"
#include <zlib.h>

#define NO_OVERRIDE (-100)
static _Thread_local int default_level = NO_OVERRIDE;

void report_deflate_default_begin(int level) { default_level = level; }
void report_deflate_default_end(void) { default_level = NO_OVERRIDE; }

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION && default_level != NO_OVERRIDE) level = default_level;
    // zlib's deflateInit_: window 2^15 (MAX_WBITS), memLevel 8 (DEF_MEM_LEVEL), default strategy.
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
