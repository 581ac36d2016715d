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

/// 1 when the memo holds a finished answer for this request (kind 0 FcFontSetSort, 1
/// FcFontSetMatch): answering it costs a copy. Never waits or adds an entry.
int report_font_memo_answers(int kind, FcConfig *config, FcFontSet **sets, int nsets, FcBool trim, FcPattern *p);

/// Pango match and sort threads run on their caller (their answer was in the memo), and threads
/// started through g_thread_new, since the process started (pango_threads.c).
void report_pango_thread_counts(long *onCaller, long *threads);

/// 0: every Pango match and sort gets its own thread again (tests compare the two); 1 (the default): as above.
void report_pango_threads_on_caller(int allowed);

#endif
