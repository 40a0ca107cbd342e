/* SHA-256 after FIPS 180-4, section 6.2. */
#include "storage/sha256.h"

#include <string.h>

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], a[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^
                      (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^
                      (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(a, h, sizeof a);
    /* the eight working variables rotate by name, not by memmove */
    uint32_t va = a[0], vb = a[1], vc = a[2], vd = a[3], ve = a[4],
             vf = a[5], vg = a[6], vh = a[7];
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = rotr(ve, 6) ^ rotr(ve, 11) ^ rotr(ve, 25);
        uint32_t ch = (ve & vf) ^ (~ve & vg);
        uint32_t t1 = vh + s1 + ch + k[i] + w[i];
        uint32_t s0 = rotr(va, 2) ^ rotr(va, 13) ^ rotr(va, 22);
        uint32_t maj = (va & vb) ^ (va & vc) ^ (vb & vc);
        vh = vg;
        vg = vf;
        vf = ve;
        ve = vd + t1;
        vd = vc;
        vc = vb;
        vb = va;
        va = t1 + s0 + maj;
    }
    h[0] += va;
    h[1] += vb;
    h[2] += vc;
    h[3] += vd;
    h[4] += ve;
    h[5] += vf;
    h[6] += vg;
    h[7] += vh;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(FP_SHA256_PORTABLE)
#include <immintrin.h>
#define HAVE_SHANI_PATH 1

/* Whole blocks with the x86 SHA extensions (most CPUs since 2017): an
 * import hashes every byte of its files. Four rounds per step. */
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_shani(uint32_t h[8], const unsigned char *p,
                           size_t nblocks)
{
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
                                        0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h),
                                    0xB1);
    __m128i st1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(h + 4)),
                                    0x1B);
    __m128i st0 = _mm_alignr_epi8(tmp, st1, 8);   /* ABEF */
    st1 = _mm_blend_epi16(st1, tmp, 0xF0);        /* CDGH */
    for (; nblocks > 0; nblocks--, p += 64) {
        __m128i abef = st0, cdgh = st1, w[4];
        for (int i = 0; i < 4; i++)
            w[i] = _mm_shuffle_epi8(
                _mm_loadu_si128((const __m128i *)(p + 16 * i)), mask);
        for (int r = 0; r < 16; r++) {
            __m128i msg = _mm_add_epi32(
                w[r & 3], _mm_loadu_si128((const __m128i *)&k[4 * r]));
            st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
            if (r < 12) {
                __m128i t = _mm_sha256msg1_epu32(w[r & 3], w[(r + 1) & 3]);
                t = _mm_add_epi32(t, _mm_alignr_epi8(w[(r + 3) & 3],
                                                     w[(r + 2) & 3], 4));
                w[r & 3] = _mm_sha256msg2_epu32(t, w[(r + 3) & 3]);
            }
            st0 = _mm_sha256rnds2_epu32(st0, st1,
                                        _mm_shuffle_epi32(msg, 0x0E));
        }
        st0 = _mm_add_epi32(st0, abef);
        st1 = _mm_add_epi32(st1, cdgh);
    }
    tmp = _mm_shuffle_epi32(st0, 0x1B);           /* FEBA */
    st1 = _mm_shuffle_epi32(st1, 0xB1);           /* DCHG */
    _mm_storeu_si128((__m128i *)h, _mm_blend_epi16(tmp, st1, 0xF0));
    _mm_storeu_si128((__m128i *)(h + 4), _mm_alignr_epi8(st1, tmp, 8));
}

static int have_shani(void)
{
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("sha") &&
                __builtin_cpu_supports("sse4.1");
    }
    return known;
}
#endif

/* nblocks whole 64-byte blocks at p. */
static void compress_blocks(uint32_t h[8], const unsigned char *p,
                            size_t nblocks)
{
#ifdef HAVE_SHANI_PATH
    if (have_shani()) {
        compress_shani(h, p, nblocks);
        return;
    }
#endif
    for (; nblocks > 0; nblocks--, p += 64)
        compress(h, p);
}

void fp_sha256_init(fp_sha256_ctx *ctx)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
    memcpy(ctx->h, h0, sizeof h0);
    ctx->total = 0;
    ctx->used = 0;
}

void fp_sha256_update(fp_sha256_ctx *ctx, const void *data, size_t len)
{
    const unsigned char *p = data;
    ctx->total += len;
    /* whole blocks straight from the input */
    if (ctx->used == 0 && len >= 64) {
        compress_blocks(ctx->h, p, len / 64);
        p += len / 64 * 64;
        len %= 64;
    }
    while (len > 0) {
        size_t n = 64 - ctx->used;
        if (n > len)
            n = len;
        memcpy(ctx->block + ctx->used, p, n);
        ctx->used += n;
        p += n;
        len -= n;
        if (ctx->used == 64) {
            compress_blocks(ctx->h, ctx->block, 1);
            ctx->used = 0;
        }
    }
}

void fp_sha256_final(fp_sha256_ctx *ctx, unsigned char digest[32])
{
    uint64_t bits = ctx->total * 8;
    unsigned char pad[72] = {0x80};
    /* Pad to 56 mod 64, then the length in bits, big-endian. */
    size_t padlen = ctx->used < 56 ? 56 - ctx->used : 120 - ctx->used;
    unsigned char len_be[8];
    for (int i = 0; i < 8; i++)
        len_be[i] = (unsigned char)(bits >> (56 - 8 * i));
    fp_sha256_update(ctx, pad, padlen);
    fp_sha256_update(ctx, len_be, 8);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (unsigned char)(ctx->h[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(ctx->h[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(ctx->h[i] >> 8);
        digest[4 * i + 3] = (unsigned char)ctx->h[i];
    }
}

void fp_sha256_final_hex(fp_sha256_ctx *ctx, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[32];
    fp_sha256_final(ctx, d);
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

void fp_sha256_hex(const void *data, size_t len, char hex[65])
{
    fp_sha256_ctx ctx;
    fp_sha256_init(&ctx);
    fp_sha256_update(&ctx, data, len);
    fp_sha256_final_hex(&ctx, hex);
}

/* HMAC (RFC 2104) over SHA-256: keys longer than a block are hashed. */
void fp_hmac_sha256(const void *key, size_t keylen, const void *msg,
                    size_t len, unsigned char mac[32])
{
    unsigned char k[64] = {0}, pad[64], inner[32];
    fp_sha256_ctx ctx;
    if (keylen > sizeof k) {
        fp_sha256_init(&ctx);
        fp_sha256_update(&ctx, key, keylen);
        fp_sha256_final(&ctx, k);
    } else if (keylen > 0) {
        memcpy(k, key, keylen);
    }
    for (int i = 0; i < 64; i++)
        pad[i] = k[i] ^ 0x36;
    fp_sha256_init(&ctx);
    fp_sha256_update(&ctx, pad, sizeof pad);
    fp_sha256_update(&ctx, msg, len);
    fp_sha256_final(&ctx, inner);
    for (int i = 0; i < 64; i++)
        pad[i] = k[i] ^ 0x5c;
    fp_sha256_init(&ctx);
    fp_sha256_update(&ctx, pad, sizeof pad);
    fp_sha256_update(&ctx, inner, sizeof inner);
    fp_sha256_final(&ctx, mac);
}

void fp_base64(const void *data, size_t len, char *out)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = data;
    size_t o = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < len)
            v |= p[i + 2];
        out[o++] = digits[(v >> 18) & 63];
        out[o++] = digits[(v >> 12) & 63];
        out[o++] = i + 1 < len ? digits[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < len ? digits[v & 63] : '=';
    }
    out[o] = '\0';
}
