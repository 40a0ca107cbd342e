/* Growable string; see buf.h. */
#include "model/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fp_buf_init(fp_buf *b)
{
    *b = (fp_buf){NULL, 0, 0, false};
}

void fp_buf_done(fp_buf *b)
{
    free(b->s);
    fp_buf_init(b);
}

static bool reserve(fp_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void fp_buf_addn(fp_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void fp_buf_add(fp_buf *b, const char *s)
{
    fp_buf_addn(b, s, strlen(s));
}

void fp_buf_addc(fp_buf *b, char c)
{
    fp_buf_addn(b, &c, 1);
}

void fp_buf_repeat(fp_buf *b, const char *s, int n)
{
    for (int i = 0; i < n; i++)
        fp_buf_add(b, s);
}

void fp_buf_printf(fp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *fp_buf_str(const fp_buf *b)
{
    return b->s ? b->s : "";
}

char *fp_buf_take(fp_buf *b)
{
    char *s = b->failed ? NULL : b->s ? b->s : strdup("");
    if (b->failed)
        free(b->s);
    fp_buf_init(b);
    return s;
}
