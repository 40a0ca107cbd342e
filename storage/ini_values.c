/* Strict INI value parsing; see ini_values.h. */
#include "storage/ini_values.h"
#include "model/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fp_ini_word(const char *value, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcmp(value, words[i]) == 0)
            return i;
    return -1;
}

bool fp_ini_int(const char *value, long lo, long hi, long *out)
{
    const char *p = value;
    if (*p == '-' || *p == '+')
        p++;
    if (!isdigit((unsigned char)*p))
        return false;
    for (const char *q = p; *q; q++)
        if (!isdigit((unsigned char)*q))
            return false;
    errno = 0;
    long v = strtol(value, NULL, 10);
    if (errno || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* Only digits, one optional sign, '.', and an exponent: strtod would
 * also take "inf", "nan" and hex. */
static bool plain_decimal(const char *s, size_t len)
{
    size_t i = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    bool digits = false;
    while (i < len && isdigit((unsigned char)s[i]))
        i++, digits = true;
    if (i < len && s[i] == '.')
        for (i++; i < len && isdigit((unsigned char)s[i]); i++)
            digits = true;
    if (!digits)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
        if (i == len || !isdigit((unsigned char)s[i]))
            return false;
        while (i < len && isdigit((unsigned char)s[i]))
            i++;
    }
    return i == len;
}

bool fp_ini_number(const char *value, double *out, bool *percent)
{
    size_t len = strlen(value);
    bool pct = len > 0 && value[len - 1] == '%';
    if (pct && !percent)
        return false;
    if (pct)
        len--;
    char buf[64];
    if (len == 0 || len >= sizeof buf || !plain_decimal(value, len))
        return false;
    memcpy(buf, value, len);
    buf[len] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v))
        return false;
    *out = v;
    if (percent)
        *percent = pct;
    return true;
}

bool fp_ini_currency(const char *value, char out[4])
{
    if (strlen(value) != 3)
        return false;
    for (int i = 0; i < 3; i++) {
        unsigned char c = (unsigned char)value[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
        out[i] = (char)toupper(c);
    }
    out[3] = '\0';
    return true;
}

static bool is_separator(char c)
{
    return isspace((unsigned char)c) || c == ',';
}

bool fp_ini_items(const char *value, fp_ini_item_fn fn, void *ctx,
                  char *bad, size_t badsz)
{
    char *copy = strdup(value);
    if (!copy) {
        snprintf(bad, badsz, _("(out of memory)"));
        return false;
    }
    bool ok = true;
    char *p = copy;
    while (ok) {
        while (*p && is_separator(*p))
            p++;
        if (!*p)
            break;
        char *item = p;
        while (*p && !is_separator(*p))
            p++;
        if (*p)
            *p++ = '\0';
        char *colon = strchr(item, ':');
        if (!colon || colon == item || !colon[1]) {
            snprintf(bad, badsz, "%s", item);
            ok = false;
            break;
        }
        *colon = '\0';
        ok = fn(ctx, item, colon + 1);
    }
    free(copy);
    return ok;
}

void fp_utf8_cut(char *s)
{
    size_t n = strlen(s), start = n;
    while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80)
        start--;
    if (start == 0)
        return;
    unsigned char lead = (unsigned char)s[start - 1];
    size_t want = lead < 0x80 ? 1 : (lead & 0xe0) == 0xc0 ? 2
                : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 1;
    if (n - (start - 1) < want)
        s[start - 1] = '\0';
}

/* s as quoted in a message: control characters as '?', cut after
 * FP_INI_QUOTE_MAX bytes at a character boundary with "…". */
static void quote(const char *s, char *out, size_t outsz)
{
    size_t n = 0;
    for (; s[n] && n < FP_INI_QUOTE_MAX && n + 4 < outsz; n++) {
        unsigned char c = (unsigned char)s[n];
        out[n] = c < 0x20 || c == 0x7f ? '?' : (char)c;
    }
    out[n] = '\0';
    if (!s[n])
        return;
    fp_utf8_cut(out);
    strcat(out, "\xe2\x80\xa6"); /* … */
}

static void append(char *out, size_t outsz, size_t *o, const char *s,
                   size_t n)
{
    if (n > outsz - 1 - *o)
        n = outsz - 1 - *o;
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
}

/* One conversion: spec is "%...c"; writes it into piece. False when the
 * conversion is not one fp_ini_vformat knows. */
static bool convert(const char *spec, char conv, va_list *ap, char *piece,
                    size_t piecesz)
{
    switch (conv) {
    case 's': quote(va_arg(*ap, const char *), piece, piecesz); break;
    case 'd': case 'i': case 'x': case 'X': case 'c':
        snprintf(piece, piecesz, spec, va_arg(*ap, int)); break;
    case 'u': snprintf(piece, piecesz, spec, va_arg(*ap, unsigned)); break;
    case 'g': case 'f': case 'e':
        snprintf(piece, piecesz, spec, va_arg(*ap, double)); break;
    case '%': snprintf(piece, piecesz, "%%"); break;
    default: return false;
    }
    return true;
}

void fp_ini_vformat(char *out, size_t outsz, const char *fmt, va_list ap)
{
    size_t o = 0;
    if (outsz == 0)
        return;
    out[0] = '\0';
    va_list aq;
    va_copy(aq, ap);
    while (*fmt && o + 1 < outsz) {
        const char *pct = strchr(fmt, '%');
        size_t lit = pct ? (size_t)(pct - fmt) : strlen(fmt);
        append(out, outsz, &o, fmt, lit);
        if (!pct)
            break;
        size_t n = 1 + strspn(pct + 1, "-+ #0123456789.");
        char spec[32], piece[FP_INI_QUOTE_MAX + 64];
        if (n + 2 > sizeof spec || !pct[n])
            break;
        memcpy(spec, pct, n + 1);
        spec[n + 1] = '\0';
        if (!convert(spec, pct[n], &aq, piece, sizeof piece))
            break;
        append(out, outsz, &o, piece, strlen(piece));
        fmt = pct + n + 1;
    }
    va_end(aq);
    fp_utf8_cut(out);
}
