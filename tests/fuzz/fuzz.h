/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c). Each target defines
 * LLVMFuzzerTestOneInput; `make fuzz` links it with libFuzzer (clang),
 * `make test` with driver.c (gcc), which feeds it each corpus file.
 * A broken promise is reported with FUZZ_CHECK, which aborts: libFuzzer
 * keeps the input, the driver names the file. */
#ifndef FUPAN_TESTS_FUZZ_H
#define FUPAN_TESTS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__,       \
                    __LINE__, #cond);                                       \
            abort();                                                        \
        }                                                                   \
    } while (0)

/* data[0..size) as a NUL-terminated string (cut at the first NUL);
 * caller frees. */
char *fuzz_cstr(const uint8_t *data, size_t size);

/* An anonymous file holding data[0..size): its descriptor (close it),
 * and in path a name open() understands. -1 on error. */
int fuzz_file(const uint8_t *data, size_t size, char *path, size_t pathsz);

/* True when s holds no C0 control (but the ones in allow), no DEL and
 * no C1 control (U+0080..U+009F) and is valid UTF-8. */
bool fuzz_clean_text(const char *s, const char *allow);

#endif
