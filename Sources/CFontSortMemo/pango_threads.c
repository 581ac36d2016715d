// Pango 1.50 starts two threads for every new font description of every font map: one runs
// FcFontSetMatch, one FcFontSetSort (pango_fc_patterns_new), and the caller then waits for the
// first answer. With the memo (font_sort_memo.c) most of those answers are a copy taken in
// microseconds, while a thread costs its caller ~40-140 us in g_thread_new (clone, stack, TLS)
// and the process one more thread to start and end: 17 threads for a 100-event timeline, 53
// for a 30-chart report, 153 for the default report with its fitted sizes.
//
// This g_thread_new (the executable's, so it comes before GLib's for Pango's calls) runs those
// functions on the calling thread instead: the match always (the caller's next step is to wait
// for it: the first font of the set), the sort when its answer is in the memo already. The same
// functions on the same data, so the same answer is stored in the same place before the caller
// looks for it. A sort the memo cannot answer yet still gets its thread, so a cold sort (~0.8 ms
// over every installed font, needed only for a character the first font lacks) keeps running
// beside the caller as Pango intends.
// Anything else, and any Pango but the 1.50 series (whose thread data layout this reads), goes
// to GLib's g_thread_new untouched.
#define _GNU_SOURCE
#include "font_sort_memo.h"
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <stdatomic.h>
#include <string.h>

typedef struct _GThread GThread;
typedef void *(*GThreadFunc)(void *data);
typedef GThread *(*thread_new_fn)(const char *name, GThreadFunc func, void *data);

// pango/pangofc-fontmap.c (1.50): the data each match or sort thread is handed.
typedef struct {
    FcConfig *config;
    FcFontSet *fonts;
    FcPattern *pattern;
    void *patterns;
} PangoThreadData;

static atomic_long inlined, started;
static atomic_int onCallerAllowed = 1;

void report_pango_threads_on_caller(int allowed) { atomic_store(&onCallerAllowed, allowed != 0); }

void report_pango_thread_counts(long *onCaller, long *threads) {
    *onCaller = atomic_load(&inlined);
    *threads = atomic_load(&started);
}

/// 1: Pango 1.50.x, whose thread data this reads; 0: anything else (never inline).
static int knownPango(void) {
    static _Atomic int known = -1;
    int k = atomic_load(&known);
    if (k < 0) {
        int (*version)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "pango_version");
        int v = version ? version() : 0;
        k = v >= 15000 && v < 15100;
        atomic_store(&known, k);
    }
    return k;
}

GThread *g_thread_new(const char *name, GThreadFunc func, void *data) {
    static _Atomic(thread_new_fn) real;
    thread_new_fn next = atomic_load(&real);
    if (!next) { next = (thread_new_fn)dlsym(RTLD_NEXT, "g_thread_new"); atomic_store(&real, next); }
    if (name && data && atomic_load(&onCallerAllowed) && knownPango()) {
        int match = strcmp(name, "[pango] FcFontSetMatch") == 0;
        int sort = !match && strcmp(name, "[pango] FcFontSetSort") == 0;
        if (match || sort) {
            PangoThreadData *td = data;
            FcFontSet *sets[1] = { td->fonts };
            if (match || report_font_memo_answers(0, td->config, sets, 1, FcTrue, td->pattern)) {
                GThread *(*self)(void) = (GThread *(*)(void))dlsym(RTLD_DEFAULT, "g_thread_self");
                GThread *(*ref)(GThread *) = (GThread *(*)(GThread *))dlsym(RTLD_DEFAULT, "g_thread_ref");
                if (self && ref) {
                    func(data);
                    atomic_fetch_add(&inlined, 1);
                    // Pango unrefs what it is given at once: a reference to this thread.
                    return ref(self());
                }
            }
        }
    }
    atomic_fetch_add(&started, 1);
    return next(name, func, data);
}
