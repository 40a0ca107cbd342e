/* SHA-256 (FIPS 180-4), to fingerprint imported files; HMAC-SHA256 and
 * base64, to sign the group bots' webhooks (storage/push.c). No
 * allocation. */
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
/* fp_sha256_final as a lower-case hex digest (65 bytes with NUL). */
void fp_sha256_final_hex(fp_sha256_ctx *ctx, char hex[65]);

/* Lower-case hex digest of data[0..len) into hex (65 bytes with NUL). */
void fp_sha256_hex(const void *data, size_t len, char hex[65]);

/* HMAC-SHA256 (RFC 2104) of msg[0..len) keyed with key[0..keylen). */
void fp_hmac_sha256(const void *key, size_t keylen, const void *msg,
                    size_t len, unsigned char mac[32]);

/* Standard base64 (RFC 4648, with '=' padding) of data[0..len) into out,
 * which holds 4 * ((len + 2) / 3) + 1 bytes. */
void fp_base64(const void *data, size_t len, char *out);

#endif
