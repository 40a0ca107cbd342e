/* SHA-256 (FIPS 180-4), to fingerprint imported files. No allocation. */
#ifndef FUPAN_STORAGE_SHA256_H
#define FUPAN_STORAGE_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t total;          /* bytes hashed so far */
    unsigned char block[64];
    size_t used;             /* bytes waiting in block */
} fp_sha256_ctx;

void fp_sha256_init(fp_sha256_ctx *ctx);
void fp_sha256_update(fp_sha256_ctx *ctx, const void *data, size_t len);
void fp_sha256_final(fp_sha256_ctx *ctx, unsigned char digest[32]);

/* Lower-case hex digest of data[0..len) into hex (65 bytes with NUL). */
void fp_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
