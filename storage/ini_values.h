/* Strict parsing of INI values (iniparser's own getters accept too
 * much: getint is base 0, getdouble ignores trailing junk). Each returns
 * false for a value that is not exactly what it should be; the caller
 * names the file and line. No allocation except in fp_ini_items. */
#ifndef FUPAN_STORAGE_INI_VALUES_H
#define FUPAN_STORAGE_INI_VALUES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Longest quoted value in a message, in bytes (then cut, with "…"). */
#define FP_INI_QUOTE_MAX 80

/* Index of value in the NULL-terminated list words, or -1. */
int fp_ini_word(const char *value, const char *const *words);

/* A decimal integer ("7", "-2") in [lo, hi]. */
bool fp_ini_int(const char *value, long lo, long hi, long *out);

/* A finite decimal number ("2.5", "1e3"). A trailing '%' is accepted
 * only when percent is not NULL, and then sets *percent. */
bool fp_ini_number(const char *value, double *out, bool *percent);

/* A currency code: three ASCII letters ("usd", "MYR"), upper-cased into
 * out (4 bytes). "EURO" or "U$D" are not. */
bool fp_ini_currency(const char *value, char out[4]);

/* Calls fn(ctx, name, arg) for each item "name:arg" of a list separated
 * by blanks or commas ("gmv:30 cvr:20"). Stops when fn returns false.
 * An item without ':' (or with an empty side) stops the walk with the
 * item copied into bad. Returns true when every item was accepted. */
typedef bool (*fp_ini_item_fn)(void *ctx, const char *name, const char *arg);
bool fp_ini_items(const char *value, fp_ini_item_fn fn, void *ctx,
                  char *bad, size_t badsz);

/* vsnprintf for messages about INI text: each %s argument is quoted at
 * most FP_INI_QUOTE_MAX bytes long (cut at a character boundary, ending
 * in "…") with control characters shown as '?', so a long value never
 * pushes the words saying what is wrong out of the message. Knows the
 * conversions d i u x X c g f e s and %% with flags, width and
 * precision (no '*', no length modifiers). The result is cut at a
 * character boundary when out is too small. */
void fp_ini_vformat(char *out, size_t outsz, const char *fmt, va_list ap);

/* Drops an incomplete UTF-8 character left at the end of s by a cut. */
void fp_utf8_cut(char *s);

#endif
