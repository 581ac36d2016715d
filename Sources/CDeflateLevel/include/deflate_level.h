#ifndef REPORT_DEFLATE_LEVEL_H
#define REPORT_DEFLATE_LEVEL_H

/// Until `report_deflate_default_end`, every zlib stream this thread opens with
/// Z_DEFAULT_COMPRESSION (cairo's PDF streams: page contents, font programs) uses `level`.
void report_deflate_default_begin(int level);
void report_deflate_default_end(void);

#endif
