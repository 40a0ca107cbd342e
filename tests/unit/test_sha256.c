/* SHA-256 against the FIPS 180-4 / NIST example vectors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "storage/sha256.h"

static void assert_digest(const char *data, size_t len, const char *want)
{
    char hex[65];
    fp_sha256_hex(data, len, hex);
    cr_assert_str_eq(hex, want);
}

Test(sha256, known_vectors)
{
    assert_digest("", 0, "e3b0c44298fc1c149afbf4c8996fb924"
                         "27ae41e4649b934ca495991b7852b855");
    assert_digest("abc", 3, "ba7816bf8f01cfea414140de5dae2223"
                            "b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_digest(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039"
                                    "a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, million_a_in_pieces)
{
    static char block[1001];
    unsigned char d[32];
    char hex[65];
    fp_sha256_ctx ctx;
    memset(block, 'a', sizeof block);
    fp_sha256_init(&ctx);
    for (int i = 0; i < 1000; i++)
        fp_sha256_update(&ctx, block, i % 2 ? 999 : 1001);
    fp_sha256_final(&ctx, d);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
                          "f1809a48a497200e046d39ccc7112cd0");
}

Test(sha256, padding_edges)
{
    /* 55, 56 and 64 bytes: the length fits, does not fit, full block. */
    char buf[64];
    memset(buf, 'a', sizeof buf);
    assert_digest(buf, 55, "9f4390f8d30c2dd92ec9f095b65e2b9a"
                           "e9b0a925a5258e241c9f1e910f734318");
    assert_digest(buf, 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f"
                           "590ce20f1bde7090ef7970686ec6738a");
    assert_digest(buf, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209"
                           "f439851db43d0ba5997337df154668eb");
}

static void assert_hmac(const char *key, size_t keylen, const char *msg,
                        const char *want_hex)
{
    unsigned char mac[32];
    char hex[65];
    fp_hmac_sha256(key, keylen, msg, strlen(msg), mac);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", mac[i]);
    cr_assert_str_eq(hex, want_hex);
}

/* RFC 4231 test cases 1, 2 and 6 (a key longer than a block). */
Test(sha256, hmac_rfc4231)
{
    char k1[20], k6[131];
    memset(k1, 0x0b, sizeof k1);
    memset(k6, 0xaa, sizeof k6);
    assert_hmac(k1, sizeof k1, "Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b"
                "881dc200c9833da726e9376c2e32cff7");
    assert_hmac("Jefe", 4, "what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c7"
                "5a003f089d2739839dec58b964ec3843");
    assert_hmac(k6, sizeof k6,
                "Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f"
                "8e0bc6213728c5140546040f0ee37f54");
}

/* RFC 4648 section 10. */
Test(sha256, base64_rfc4648)
{
    static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba",
                                     "foobar"};
    static const char *const out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==",
                                      "Zm9vYmE=", "Zm9vYmFy"};
    char got[16];
    for (int i = 0; i < 7; i++) {
        fp_base64(in[i], strlen(in[i]), got);
        cr_assert_str_eq(got, out[i]);
    }
}
