/* Strict parsing of INI values (iniparser's own getters accept too
 * much: getint is base 0, getdouble ignores trailing junk). Each returns
 * false for a value that is not exactly what it should be; the caller
 * names the file and line. No allocation except in fp_ini_items. */
#ifndef FUPAN_STORAGE_INI_VALUES_H
#define FUPAN_STORAGE_INI_VALUES_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
