/* The helpers of fuzz.h, included once by each target (a target is one
 * translation unit, with or without the driver). */
#ifndef FUPAN_TESTS_FUZZ_UTIL_H
#define FUPAN_TESTS_FUZZ_UTIL_H
#define _GNU_SOURCE /* memfd_create */
#include "tests/fuzz/fuzz.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "model/text.h"

char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

int fuzz_file(const uint8_t *data, size_t size, char *path, size_t pathsz)
{
    int fd = memfd_create("fupan-fuzz", MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, data + done, size - done);
        if (w <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    snprintf(path, pathsz, "/proc/self/fd/%d", fd);
    return fd;
}

bool fuzz_clean_text(const char *s, const char *allow)
{
    size_t bad;
    if (!fp_utf8_valid(s, strlen(s), &bad))
        return false;
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if ((*u < 0x20 && !strchr(allow, *u)) || *u == 0x7f)
            return false;
        if (*u == 0xc2 && u[1] >= 0x80 && u[1] < 0xa0)
            return false;
    }
    return true;
}

#endif
