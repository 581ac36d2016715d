#ifndef REPORT_CAIRO_DEFLATE_H
#define REPORT_CAIRO_DEFLATE_H

/// For the calling thread: 1 (the default) compresses the streams Cairo compresses itself (its
/// PDF font files) at zlib level 1 instead of its default 6; 0: at Cairo's own level (tests).
void report_cairo_deflate_fast(int on);
/// The streams of Cairo's this thread began at level 1 instead of the default so far.
long report_cairo_deflate_count(void);

#endif
