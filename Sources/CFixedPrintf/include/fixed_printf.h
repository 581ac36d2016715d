#ifndef REPORT_FIXED_PRINTF_H
#define REPORT_FIXED_PRINTF_H

/// `d` printed as "%.{precision}f" would print it (C locale, round to nearest), into `out`
/// (64 bytes or more); returns the length, or -1 outside the fast path (non-finite, |d| ≥ 2^52,
/// precision outside 0…18). fixed_printf.c's `__snprintf_chk` uses it for cairo's numbers.
int report_fixed_format(char *out, double d, int precision);

#include <stddef.h>

/// `snprintf(out, size, "%.*f", precision, d)` through this file's `__snprintf_chk` (the fast
/// path or glibc's): what cairo's calls get. For the tests.
int report_fixed_snprintf_probe(char *out, size_t size, double d, int precision);

/// The same call with another format ("%g"), which must reach glibc. For the tests.
int report_fixed_snprintf_other(char *out, size_t size, double d);

/// This file's `__snprintf_chk`, to compare with what the dynamic linker resolves. For the tests.
const void *report_fixed_snprintf_address(void);

#endif
