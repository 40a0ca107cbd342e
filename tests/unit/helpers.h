/* Shared by the Criterion tests that run the real fupan binary ($FUPAN_BIN,
 * set by `make unit`) on a fresh sample database. */
#ifndef FUPAN_TESTS_HELPERS_H
#define FUPAN_TESTS_HELPERS_H

#include <stdio.h>

typedef struct { char dir[64], db[128]; const char *bin; } fp_scratch;

/* A temp folder /tmp/fupan-NAME-XXXXXX holding sample.db made by
 * `fupan init --sample`; user_name (may be NULL) goes into the folder's
 * fupan/config.ini, which XDG_CONFIG_HOME=dir finds. Skips the test when
 * FUPAN_BIN is not set. */
void fp_scratch_sample(fp_scratch *sc, const char *name,
                       const char *user_name);
void fp_scratch_remove(const fp_scratch *sc);
/* All of f, NUL-terminated; caller frees. */
char *fp_read_all(FILE *f);

#endif
