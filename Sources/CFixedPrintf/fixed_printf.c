// cairo writes every number of a PDF page (path coordinates, text positions, colours) through
// `_cairo_dtostr`, which calls snprintf with "%f", "%.18f" or "%.*f" and then trims the zeros.
// glibc's printf prints a double exactly with multi-precision arithmetic, ~0.3 µs a number: 13%
// of a 10,000-event timeline's PDF process, 6% of the 20-page report's. This definition of
// `__snprintf_chk` (the fortified snprintf cairo calls; the executable's definition comes before
// libc's, as with FcFontSetSort in CFontSortMemo) prints exactly those three formats with 128-bit
// integer arithmetic, to the same bytes as glibc: the double's exact binary value times 10^p,
// rounded to nearest with ties to even (glibc's rule in the default rounding mode). Any other
// format, a non-finite or large value, a precision past 18, a locale whose decimal point is not
// ".", or another rounding mode goes to glibc's `__vsnprintf_chk` untouched.
#define _GNU_SOURCE
#include "fixed_printf.h"
#include <fenv.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);
extern void __chk_fail(void) __attribute__((noreturn));

static const uint64_t powers_of_ten[19] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull,
};

/// `d` with `precision` decimals as "%.{precision}f" prints it, into `out` (at least 64 bytes);
/// returns its length, or -1 when the value is outside the exact fast path.
int report_fixed_format(char *out, double d, int precision) {
    if (precision < 0 || precision > 18 || !isfinite(d)) return -1;
    double a = fabs(d);
    // Below 2^52 the value has a fraction or is an integer with e < 0 in m·2^e, m < 2^53, and
    // m·10^p < 2^113 fits an unsigned 128-bit integer.
    if (a >= 4503599627370496.0) return -1;
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int exponent = (int)((bits >> 52) & 0x7ff);
    uint64_t mantissa = bits & ((1ull << 52) - 1);
    int shift; // value = mantissa · 2^-shift
    if (exponent == 0) { shift = 1074; } else { mantissa |= 1ull << 52; shift = 1075 - exponent; }
    unsigned __int128 scaled = (unsigned __int128)mantissa * powers_of_ten[precision];
    unsigned __int128 q;
    if (mantissa == 0) {
        q = 0;
    } else if (shift <= 0) {
        return -1; // not reached below 2^52; kept so the shifts below are always in range
    } else if (shift >= 114) {
        q = 0; // scaled < 2^113 ≤ half of 2^shift: rounds down to 0
    } else {
        q = scaled >> shift;
        unsigned __int128 rest = scaled - (q << shift);
        unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
        if (rest > half || (rest == half && (q & 1))) q += 1;
    }
    // Digits of q, at least precision + 1 of them (a leading "0." for values below 1).
    char digits[48];
    int n = 0;
    if (q >> 64 == 0) { // the usual case: 64-bit division, not the 128-bit library call
        uint64_t small = (uint64_t)q;
        do { digits[n++] = (char)('0' + (int)(small % 10)); small /= 10; } while (small != 0);
    } else {
        do { digits[n++] = (char)('0' + (int)(q % 10)); q /= 10; } while (q != 0);
    }
    while (n < precision + 1) digits[n++] = '0';
    int len = 0;
    if (signbit(d)) out[len++] = '-';
    for (int i = n - 1; i >= precision; i--) out[len++] = digits[i];
    if (precision > 0) {
        out[len++] = '.';
        for (int i = precision - 1; i >= 0; i--) out[len++] = digits[i];
    }
    out[len] = 0;
    return len;
}

/// The precision of the formats taken ("%f", "%.18f", "%.*f"), or -1.
static int taken_format(const char *format, int *star) {
    *star = 0;
    if (format[0] != '%') return -1;
    if (format[1] == 'f' && format[2] == 0) return 6;
    if (format[1] != '.') return -1;
    if (format[2] == '*' && format[3] == 'f' && format[4] == 0) { *star = 1; return 0; }
    if (format[2] == '1' && format[3] == '8' && format[4] == 'f' && format[5] == 0) return 18;
    return -1;
}

static int plain_locale_and_rounding(void) {
    const char *point = localeconv()->decimal_point;
    return point[0] == '.' && point[1] == 0 && fegetround() == FE_TONEAREST;
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int star;
    int precision = taken_format(format, &star);
    if (precision >= 0) {
        if (slen < maxlen) __chk_fail();
        va_list copy;
        va_copy(copy, ap);
        if (star) precision = va_arg(copy, int);
        double d = va_arg(copy, double);
        va_end(copy);
        char text[64];
        int len;
        if (plain_locale_and_rounding() && (len = report_fixed_format(text, d, precision)) >= 0) {
            va_end(ap);
            if (maxlen > 0) {
                size_t n = (size_t)len < maxlen - 1 ? (size_t)len : maxlen - 1;
                memcpy(s, text, n);
                s[n] = 0;
            }
            return len;
        }
    }
    int r = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
    va_end(ap);
    return r;
}

int report_fixed_snprintf_probe(char *out, size_t size, double d, int precision) {
    return __snprintf_chk(out, size, 1, size, "%.*f", precision, d);
}

int report_fixed_snprintf_other(char *out, size_t size, double d) {
    return __snprintf_chk(out, size, 1, size, "%g", d);
}

const void *report_fixed_snprintf_address(void) { return (const void *)&__snprintf_chk; }
