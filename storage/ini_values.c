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
