#ifndef REPORT_FONT_SORT_MEMO_H
#define REPORT_FONT_SORT_MEMO_H

/// Sorts and matches answered from the memo, and those computed, since the process started (font_sort_memo.c).
void report_font_sort_counts(long *answered, long *computed);

#include <fontconfig/fontconfig.h>

/// fontconfig's own FcFontSetMatch, bypassing the memo.
FcPattern *report_font_match_direct(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcResult *result);

/// fontconfig's own FcFontSetSort, bypassing the memo: the oracle of the tests.
FcFontSet *report_font_sort_direct(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
                                   FcBool trim, FcCharSet **csp, FcResult *result);

#endif
