/* The group bots' webhooks over libcurl; see push.h. */
#include "storage/push.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/buf.h"
#include "model/text.h"
#include "storage/sha256.h"

#define MAX_ANSWER (64 * 1024)

void fp_push_sign(fp_chat_platform kind, const char *timestamp,
                  const char *secret, char sig[45])
{
    unsigned char mac[32];
    fp_buf s;
    fp_buf_init(&s);
    fp_buf_printf(&s, "%s\n%s", timestamp, secret);
    if (kind == FP_CHAT_FEISHU) /* keyed with the string, over nothing */
        fp_hmac_sha256(fp_buf_str(&s), s.len, "", 0, mac);
    else /* DingTalk: keyed with the secret, over the string */
        fp_hmac_sha256(secret, strlen(secret), fp_buf_str(&s), s.len, mac);
    fp_buf_done(&s);
    fp_base64(mac, sizeof mac, sig);
}

/* Seconds (Feishu) or milliseconds (DingTalk) since the epoch. */
static void timestamp_now(fp_chat_platform kind, char *ts, size_t tssz)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (kind == FP_CHAT_FEISHU)
        snprintf(ts, tssz, "%lld", (long long)now.tv_sec);
    else
        snprintf(ts, tssz, "%lld", (long long)now.tv_sec * 1000 +
                                       now.tv_nsec / 1000000);
}

static bool signed_dest(const fp_push_dest *d)
{
    return d->secret && *d->secret && d->kind != FP_CHAT_WECOM;
}

/* The address and body to send, signed as the platform wants. */
static bool prepare(CURL *c, const fp_push_dest *d, const char *body,
                    fp_buf *url, fp_buf *payload)
{
    fp_buf_add(url, d->url);
    if (!signed_dest(d)) {
        fp_buf_add(payload, body);
        return !url->failed && !payload->failed;
    }
    char ts[32], sig[45];
    timestamp_now(d->kind, ts, sizeof ts);
    fp_push_sign(d->kind, ts, d->secret, sig);
    if (d->kind == FP_CHAT_FEISHU) {
        fp_buf_printf(payload, "{\"timestamp\":\"%s\",\"sign\":\"%s\",%s", ts,
                      sig, body[0] == '{' ? body + 1 : body);
    } else {
        char *esc = curl_easy_escape(c, sig, 0);
        if (!esc)
            return false;
        fp_buf_printf(url, "%stimestamp=%s&sign=%s",
                      strchr(d->url, '?') ? "&" : "?", ts, esc);
        curl_free(esc);
        fp_buf_add(payload, body);
    }
    return !url->failed && !payload->failed;
}

static size_t keep_answer(char *data, size_t size, size_t n, void *user)
{
    fp_buf *b = user;
    size_t len = size * n;
    if (b->len < MAX_ANSWER)
        fp_buf_addn(b, data, len < MAX_ANSWER - b->len ? len
                                                      : MAX_ANSWER - b->len);
    return len;
}

static double timeout_of(const fp_push_dest *d)
{
    if (d->timeout > 0)
        return d->timeout;
    const char *env = getenv("FUPAN_PUSH_TIMEOUT");
    double t = env ? strtod(env, NULL) : 0;
    return t > 0 && t <= 600 ? t : 10;
}

static void set_options(CURL *c, const fp_push_dest *d, const char *url,
                        const char *payload, struct curl_slist *headers,
                        fp_buf *answer)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)(timeout_of(d) * 1000));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "fupan");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, answer);
}

/* ------------------------------------------------------------- answers */

/* The value after "key": in a flat JSON answer: a number into *num, a
 * string (unescaped simply, cut to outsz) into out. */
static bool json_number(const char *json, const char *key, long *num)
{
    const char *p = strstr(json, key);
    if (!p)
        return false;
    p += strlen(key);
    p += strspn(p, " \t\r\n");
    if (*p++ != ':')
        return false;
    char *end;
    *num = strtol(p, &end, 10);
    return end != p;
}

static void json_string(const char *json, const char *key, char *out,
                        size_t outsz)
{
    const char *p = strstr(json, key);
    size_t o = 0;
    if (p) {
        p += strlen(key);
        p += strspn(p, " \t\r\n:");
        if (*p == '"')
            for (p++; *p && *p != '"' && o + 1 < outsz; p++)
                out[o++] = *p == '\\' && p[1] ? *++p : *p;
    }
    out[o] = '\0';
}

/* Sanitised copy of at most 200 bytes of s into out. */
static void shown(const char *s, char *out, size_t outsz)
{
    char cut[201];
    size_t n = strlen(s) < sizeof cut - 1 ? strlen(s) : sizeof cut - 1;
    memcpy(cut, s, n);
    cut[n] = '\0';
    char *c = fp_text_sanitize(cut);
    snprintf(out, outsz, "%s", c ? c : "");
    free(c);
}

/* 0 when the answer says the message was taken; else -1 and err. */
static int check_answer(fp_chat_platform kind, long status, const char *body,
                        char *err, size_t errsz)
{
    char text[256], msg[256];
    bool feishu = kind == FP_CHAT_FEISHU;
    long code = 0;
    bool has_code = json_number(body, feishu ? "\"code\"" : "\"errcode\"",
                                &code);
    json_string(body, feishu ? "\"msg\"" : "\"errmsg\"", text, sizeof text);
    shown(*text ? text : body, msg, sizeof msg);
    if (status < 200 || status > 299) {
        snprintf(err, errsz, "%s: HTTP %ld%s%s", fp_chat_platform_name(kind),
                 status, *msg ? ": " : "", msg);
        return -1;
    }
    if (has_code && code != 0) {
        snprintf(err, errsz, "%s: %s (%ld)", fp_chat_platform_name(kind),
                 msg, code);
        return -1;
    }
    return 0;
}

static int perform(CURL *c, const fp_push_dest *d, const char *url,
                   const char *payload, char *err, size_t errsz)
{
    struct curl_slist *headers = curl_slist_append(
        NULL, "Content-Type: application/json; charset=utf-8");
    fp_buf answer;
    fp_buf_init(&answer);
    set_options(c, d, url, payload, headers, &answer);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    int result = -1;
    if (rc != CURLE_OK) {
        snprintf(err, errsz, "%s: %s", fp_chat_platform_name(d->kind),
                 curl_easy_strerror(rc));
    } else {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        result = check_answer(d->kind, status, fp_buf_str(&answer), err,
                              errsz);
    }
    fp_buf_done(&answer);
    curl_slist_free_all(headers);
    return result;
}

int fp_push_send(const fp_push_dest *d, const char *body, char *err,
                 size_t errsz)
{
    CURL *c = curl_easy_init();
    if (!c) {
        snprintf(err, errsz, "cannot start libcurl");
        return -1;
    }
    fp_buf url, payload;
    fp_buf_init(&url);
    fp_buf_init(&payload);
    int rc = -1;
    if (!prepare(c, d, body, &url, &payload))
        snprintf(err, errsz, "out of memory");
    else
        rc = perform(c, d, fp_buf_str(&url), fp_buf_str(&payload), err,
                     errsz);
    fp_buf_done(&url);
    fp_buf_done(&payload);
    curl_easy_cleanup(c);
    return rc;
}
