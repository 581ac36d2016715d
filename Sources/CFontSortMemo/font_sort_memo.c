// Pango 1.50 sorts the whole font set (FcFontSetSort over every installed font) on a new thread
// for every new font description, and a description's size is part of it: each size a chart's
// label fitting tries costs a sort (~0.8 ms of CPU over ~320 fonts; the default report does 53,
// most of them differing only in size). Where the size cannot change the order, the order is
// the same for every size, so this definition of FcFontSetSort (before fontconfig's in the link,
// so Pango's calls reach it) answers those from a memo keyed by the pattern without its sizes.
//
// Why the size cannot change the order: fontconfig scores a font only on the objects both the
// pattern and the font have; no font has FC_SIZE, and at most one has FC_PIXEL_SIZE (a bitmap
// strike such as Noto Color Emoji's). That one font's pixel-size score is the distance to the
// requested pixel size, against 0 for every other font; the sort compares it only with those
// zeros, so all that matters is whether it is 0: that is part of the key. Any other font set,
// or a call that asks for the charset, is passed through untouched. Trimming (Pango asks
// for it) keeps a font only if it covers characters the fonts before it do not: a function of
// the order alone, so it is part of the key. FcFontSetMatch (the description's first font, which
// Pango waits for, also one thread each) is the best font by the same scores, prepared with the
// request: the best font is kept by the same key and prepared for each request.
#define _GNU_SOURCE
#include "font_sort_memo.h"
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef FcFontSet *(*sort_fn)(FcConfig *, FcFontSet **, int, FcPattern *, FcBool, FcCharSet **, FcResult *);

typedef FcPattern *(*match_fn)(FcConfig *, FcFontSet **, int, FcPattern *, FcResult *);

typedef struct entry {
    struct entry *next;
    int kind;             // 0 FcFontSetSort, 1 FcFontSetMatch
    FcConfig *config;
    FcFontSet *sets[4];   // copies of the sets sorted (Pango hands each thread its own set)
    int nsets;
    FcBool trim;
    FcPattern *key;       // the request without FC_SIZE and FC_PIXEL_SIZE
    int strikeMatches;    // the one strike's pixel size equals the request's (-1: no strike)
    FcFontSet *sorted;    // sort: patterns referenced, handed out as copies (NULL: the sort failed)
    FcPattern *best;      // match: the font chosen, referenced (NULL: each caller matches for itself)
    int done;             // the answer is set
    FcResult result;
} entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t answered_cond = PTHREAD_COND_INITIALIZER;
static entry *memo;
static atomic_long answered, computed;

void report_font_sort_counts(long *a, long *c) { *a = atomic_load(&answered); *c = atomic_load(&computed); }

static sort_fn real_sort(void) {
    static _Atomic(sort_fn) fn;
    sort_fn f = atomic_load(&fn);
    if (!f) { f = (sort_fn)dlsym(RTLD_NEXT, "FcFontSetSort"); atomic_store(&fn, f); }
    return f;
}

/// The pixel size of the one font with a size, or: 0 none has one, -1 the order may depend on the size.
static int strike(FcFontSet **sets, int nsets, double *pixels) {
    int found = 0;
    for (int s = 0; s < nsets; s++) {
        if (!sets[s]) continue;
        for (int i = 0; i < sets[s]->nfont; i++) {
            FcPattern *font = sets[s]->fonts[i];
            FcValue v;
            if (FcPatternGet(font, FC_SIZE, 0, &v) == FcResultMatch) return -1;
            if (FcPatternGet(font, FC_PIXEL_SIZE, 0, &v) != FcResultMatch) continue;
            if (found || FcPatternGet(font, FC_PIXEL_SIZE, 1, &v) == FcResultMatch) return -1;
            if (v.type == FcTypeDouble) *pixels = v.u.d;
            else if (v.type == FcTypeInteger) *pixels = v.u.i;
            else return -1;
            found = 1;
        }
    }
    return found;
}

static match_fn real_match(void) {
    static _Atomic(match_fn) fn;
    match_fn f = atomic_load(&fn);
    if (!f) { f = (match_fn)dlsym(RTLD_NEXT, "FcFontSetMatch"); atomic_store(&fn, f); }
    return f;
}

FcFontSet *report_font_sort_direct(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
                                   FcBool trim, FcCharSet **csp, FcResult *result) {
    return real_sort()(config, sets, nsets, p, trim, csp, result);
}

FcPattern *report_font_match_direct(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcResult *result) {
    return real_match()(config, sets, nsets, p, result);
}

static FcFontSet *copy(const FcFontSet *set) {
    FcFontSet *out = FcFontSetCreate();
    if (!out) return NULL;
    for (int i = 0; i < set->nfont; i++) {
        FcPatternReference(set->fonts[i]);
        if (!FcFontSetAdd(out, set->fonts[i])) { FcPatternDestroy(set->fonts[i]); FcFontSetDestroy(out); return NULL; }
    }
    return out;
}

/// The same fonts in the same order (the copies hold references: a pattern cannot be freed and
/// its address reused while an entry names it).
static int sameSet(const FcFontSet *a, const FcFontSet *b) {
    if (!a || !b) return a == b;
    if (a->nfont != b->nfont) return 0;
    for (int i = 0; i < a->nfont; i++) if (a->fonts[i] != b->fonts[i]) return 0;
    return 1;
}

static int same(const entry *e, int kind, FcConfig *config, FcFontSet **sets, int nsets, FcBool trim, FcPattern *key, int strikeMatches) {
    if (e->kind != kind || e->config != config || e->nsets != nsets || e->trim != trim || e->strikeMatches != strikeMatches) return 0;
    for (int s = 0; s < nsets; s++) if (!sameSet(e->sets[s], sets[s])) return 0;
    return FcPatternEqual(e->key, key);
}

/// The memo's entry for a request, or NULL when the size may change the answer (the caller asks
/// fontconfig). `*fresh`: this thread computes the answer and hands it to `finish`; otherwise
/// the entry is done (its answer never changes after that). Pango starts a build's sorts and
/// matches at about the same moment, one thread each: the first thread of a key computes, the
/// others wait for it.
static FcPattern *keyOf(FcFontSet **sets, int nsets, FcPattern *p, int *strikeMatches);

static entry *lookup(int kind, FcConfig *config, FcFontSet **sets, int nsets, FcBool trim, FcPattern *p, int *fresh) {
    int strikeMatches;
    FcPattern *key = keyOf(sets, nsets, p, &strikeMatches);
    if (!key) return NULL;
    // NULL config is fontconfig's current one: the key names it, so a later FcConfigSetCurrent misses.
    FcConfig *named = config ? config : FcConfigGetCurrent();

    pthread_mutex_lock(&lock);
    entry *e = memo;
    while (e && !same(e, kind, named, sets, nsets, trim, key, strikeMatches)) e = e->next;
    if (e) {
        while (!e->done) pthread_cond_wait(&answered_cond, &lock);
        pthread_mutex_unlock(&lock);
        FcPatternDestroy(key);
        *fresh = 0;
        return e;
    }
    e = calloc(1, sizeof *e);
    if (e) {
        *e = (entry){ .kind = kind, .config = named, .nsets = nsets, .trim = trim, .key = key, .strikeMatches = strikeMatches };
        int complete = 1;
        for (int s = 0; s < nsets; s++) if (sets[s] && !(e->sets[s] = copy(sets[s]))) complete = 0;
        if (complete) { e->next = memo; memo = e; }
        else { for (int s = 0; s < nsets; s++) if (e->sets[s]) FcFontSetDestroy(e->sets[s]); free(e); e = NULL; }
    }
    pthread_mutex_unlock(&lock);
    if (!e) FcPatternDestroy(key);
    *fresh = 1;
    return e;
}

/// The request's key as `lookup` makes it (the request without its sizes; NULL: not memoised).
static FcPattern *keyOf(FcFontSet **sets, int nsets, FcPattern *p, int *strikeMatches) {
    double pixels = 0;
    int kindOfSet = (nsets < 1 || nsets > 4 || !p || !sets) ? -1 : strike(sets, nsets, &pixels);
    FcValue request;
    *strikeMatches = -1;
    if (kindOfSet == 1) {
        if (FcPatternGet(p, FC_PIXEL_SIZE, 1, &request) == FcResultMatch) kindOfSet = -1;
        else if (FcPatternGet(p, FC_PIXEL_SIZE, 0, &request) != FcResultMatch) *strikeMatches = -1;
        else if (request.type == FcTypeDouble) *strikeMatches = request.u.d == pixels;
        else if (request.type == FcTypeInteger) *strikeMatches = request.u.i == pixels;
        else kindOfSet = -1;
    }
    FcPattern *key = kindOfSet < 0 ? NULL : FcPatternDuplicate(p);
    if (!key) return NULL;
    FcPatternDel(key, FC_SIZE);
    FcPatternDel(key, FC_PIXEL_SIZE);
    return key;
}

int report_font_memo_answers(int kind, FcConfig *config, FcFontSet **sets, int nsets, FcBool trim, FcPattern *p) {
    int strikeMatches;
    FcPattern *key = keyOf(sets, nsets, p, &strikeMatches);
    if (!key) return 0;
    FcConfig *named = config ? config : FcConfigGetCurrent();
    int answers = 0;
    pthread_mutex_lock(&lock);
    for (entry *e = memo; e; e = e->next) {
        if (!same(e, kind, named, sets, nsets, trim, key, strikeMatches)) continue;
        answers = e->done && (kind == 0 ? e->sorted != NULL : e->best != NULL);
        break;
    }
    pthread_mutex_unlock(&lock);
    FcPatternDestroy(key);
    return answers;
}

static void finish(entry *e, FcFontSet *sorted, FcPattern *best, FcResult result) {
    pthread_mutex_lock(&lock);
    e->sorted = sorted;
    e->best = best;
    e->result = result;
    e->done = 1;
    pthread_cond_broadcast(&answered_cond);
    pthread_mutex_unlock(&lock);
}

FcFontSet *FcFontSetSort(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcBool trim,
                         FcCharSet **csp, FcResult *result) {
    sort_fn sort = real_sort();
    int fresh = 0;
    entry *e = csp ? NULL : lookup(0, config, sets, nsets, trim, p, &fresh);
    if (!e) return sort(config, sets, nsets, p, trim, csp, result);
    if (!fresh) {
        FcFontSet *out = e->sorted ? copy(e->sorted) : NULL;   // NULL: sort for ourselves
        if (!out) return sort(config, sets, nsets, p, trim, csp, result);
        if (result) *result = e->result;
        atomic_fetch_add(&answered, 1);
        return out;
    }
    FcResult r = FcResultNoMatch;
    FcFontSet *sorted = sort(config, sets, nsets, p, trim, csp, &r);
    if (result) *result = r;
    atomic_fetch_add(&computed, 1);
    finish(e, sorted ? copy(sorted) : NULL, NULL, r);
    return sorted;
}

/// The one font of the sets with the file and face index of `prepared`, referenced; NULL if not exactly one.
static FcPattern *fontOf(const entry *e, FcPattern *prepared) {
    FcChar8 *file = NULL;
    int index = 0;
    if (!prepared || FcPatternGetString(prepared, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetInteger(prepared, FC_INDEX, 0, &index) != FcResultMatch) return NULL;
    FcPattern *found = NULL;
    for (int s = 0; s < e->nsets; s++) {
        if (!e->sets[s]) continue;
        for (int i = 0; i < e->sets[s]->nfont; i++) {
            FcPattern *font = e->sets[s]->fonts[i];
            FcChar8 *f = NULL;
            int n = 0;
            if (FcPatternGetString(font, FC_FILE, 0, &f) != FcResultMatch || FcStrCmp(f, file) != 0) continue;
            if (FcPatternGetInteger(font, FC_INDEX, 0, &n) != FcResultMatch || n != index) continue;
            if (found) return NULL;
            found = font;
        }
    }
    if (found) FcPatternReference(found);
    return found;
}

// FcFontSetMatch is the best font of the sets (scored as the sort scores them) prepared with
// the request (FcFontRenderPrepare): the best font is kept by the same key, and each request
// prepares it with its own pattern, sizes included.
FcPattern *FcFontSetMatch(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcResult *result) {
    match_fn match = real_match();
    int fresh = 0;
    entry *e = lookup(1, config, sets, nsets, FcFalse, p, &fresh);
    if (!e) return match(config, sets, nsets, p, result);
    if (!fresh) {
        if (!e->best) return match(config, sets, nsets, p, result);
        FcPattern *out = FcFontRenderPrepare(e->config, p, e->best);
        if (!out) return match(config, sets, nsets, p, result);
        if (result) *result = FcResultMatch;
        atomic_fetch_add(&answered, 1);
        return out;
    }
    FcResult r = FcResultNoMatch;
    FcPattern *prepared = match(config, sets, nsets, p, &r);
    if (result) *result = r;
    atomic_fetch_add(&computed, 1);
    finish(e, NULL, r == FcResultMatch ? fontOf(e, prepared) : NULL, r);
    return prepared;
}
