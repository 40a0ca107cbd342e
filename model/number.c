/* Parsing numbers as platforms export them. The text is split into a
 * prefix (blanks, sign, currency marker), one run of digits with ',' and
 * '.', and a suffix (blanks, currency marker, '%'). Anything else is an
 * error. The value is computed by hand, never with strtod: strtod follows
 * LC_NUMERIC and accepts inf, nan, hex and exponents. */
#include "model/number.h"
#include "model/i18n.h"

#include <string.h>
#include <strings.h>

#define MAX_DIGITS 40

typedef struct {
    const char *s;
    size_t pos;
    bool negative, has_sign, has_currency, has_percent;
    const char *body;   /* the digit run */
    size_t body_len;
} scan;

/* Currency markers seen in Southeast Asian and Middle East exports.
 * Longest first so "US$" wins over "$" and "USD" over "US$"'s prefix. */
static const char *const currency_markers[] = {
    "\xe0\xb8\x9a\xe0\xb8\xb2\xe0\xb8\x97", /* บาท */
    "VND", "\x56\x4e\xc4\x90",                 /* VNĐ */
    "USD", "US$", "MYR", "IDR", "THB", "PHP", "SGD", "SAR", "AED", "RMB",
    "CNY", "EUR", "GBP",
    "\xef\xb7\xbc",  /* ﷼ */
    "\xe2\x82\xb1",  /* ₱ */
    "\xe2\x82\xab",  /* ₫ */
    "\xe2\x82\xac",  /* € */
    "\xef\xbf\xa5",  /* ￥ */
    "\xe5\x85\x83",  /* 元 */
    "\xe0\xb8\xbf",  /* ฿ */
    "RM", "Rp", "S$", "SR",
    "\xc4\x91",      /* đ */
    "\xc2\xa3",      /* £ */
    "\xc2\xa5",      /* ¥ */
    "$",
};

/* Blanks: ASCII space and tab, NBSP, thin space, narrow NBSP. */
static size_t blank_len(const char *s)
{
    if (s[0] == ' ' || s[0] == '\t')
        return 1;
    if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
        return 2;
    if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x89 || (unsigned char)s[2] == 0xaf))
        return 3;
    return 0;
}

static size_t currency_len(const char *s)
{
    size_t n = sizeof currency_markers / sizeof currency_markers[0];
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(currency_markers[i]);
        if (strncasecmp(s, currency_markers[i], len) == 0)
            return len;
    }
    return 0;
}

/* '-' or U+2212 MINUS SIGN; '+'. Returns bytes used, 0 if none. */
static size_t sign_len(const char *s, bool *negative)
{
    if (s[0] == '-' || s[0] == '+') {
        *negative = s[0] == '-';
        return 1;
    }
    if (strncmp(s, "\xe2\x88\x92", 3) == 0) {
        *negative = true;
        return 3;
    }
    return 0;
}

/* '%' or the full-width U+FF05. */
static size_t percent_len(const char *s)
{
    if (s[0] == '%')
        return 1;
    return strncmp(s, "\xef\xbc\x85", 3) == 0 ? 3 : 0;
}

static bool is_body_char(char c)
{
    return (c >= '0' && c <= '9') || c == ',' || c == '.';
}

static bool scan_prefix(scan *sc, const char **why)
{
    for (;;) {
        const char *p = sc->s + sc->pos;
        size_t n;
        bool neg = false;
        if (is_body_char(*p) || *p == '\0')
            return true;
        if ((n = blank_len(p)) > 0) {
        } else if ((n = currency_len(p)) > 0) {
            if (sc->has_currency) {
                *why = _("two currency markers");
                return false;
            }
            sc->has_currency = true;
        } else if ((n = sign_len(p, &neg)) > 0) {
            if (sc->has_sign) {
                *why = _("two signs");
                return false;
            }
            sc->has_sign = true;
            sc->negative = neg;
        } else {
            *why = _("unexpected character before the number");
            return false;
        }
        sc->pos += n;
    }
}

static bool scan_suffix(scan *sc, const char **why)
{
    for (;;) {
        const char *p = sc->s + sc->pos;
        size_t n;
        if (*p == '\0')
            return true;
        if (sc->has_percent && blank_len(p) == 0) {
            *why = _("text after '%'");
            return false;
        }
        if ((n = blank_len(p)) > 0) {
        } else if ((n = percent_len(p)) > 0) {
            sc->has_percent = true;
        } else if ((n = currency_len(p)) > 0 && !sc->has_currency) {
            sc->has_currency = true;
        } else {
            *why = is_body_char(*p) ? "two numbers in one field"
                                    : _("unexpected character after the number");
            return false;
        }
        sc->pos += n;
    }
}

/* Number of digits before the first non-digit at s. */
static size_t digit_run(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

/* Checks "d{1,3}(<sep>ddd)+" over s[0..len). */
static bool valid_grouping(const char *s, size_t len, char sep)
{
    size_t first = digit_run(s, len);
    if (first < 1 || first > 3 || first == len)
        return false;
    size_t i = first;
    while (i < len) {
        if (s[i] != sep || digit_run(s + i + 1, len - i - 1) != 3)
            return false;
        i += 4;
    }
    return true;
}

static bool integer_part_is_zero(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '1' && s[i] <= '9')
            return false;
    return true;
}

/* Classifies the separators of the digit run; on OK, *dot is the offset
 * of the decimal point or body_len when there is none. */
static fp_num_status check_separators(const scan *sc, size_t *dot,
                                      const char **why)
{
    const char *b = sc->body;
    size_t len = sc->body_len, ndots = 0, ncommas = 0;
    const char *first_dot = memchr(b, '.', len);
    const char *last_comma = NULL;
    for (size_t i = 0; i < len; i++) {
        ndots += b[i] == '.';
        if (b[i] == ',') {
            ncommas++;
            last_comma = b + i;
        }
    }
    if (b[len - 1] == ',' || b[len - 1] == '.') {
        *why = _("the number ends with a separator");
        return FP_NUM_BAD;
    }
    if (ndots > 1) {
        size_t grouped = last_comma ? (size_t)(last_comma - b) : len;
        if (!valid_grouping(b, grouped, '.')) {
            *why = _("misplaced separators");
            return FP_NUM_BAD;
        }
        *why = _("'.' as thousands separator? write the plain number");
        return FP_NUM_AMBIGUOUS;
    }
    if (first_dot && last_comma && last_comma > first_dot) {
        *why = _("'.' before ',': decimal comma? write the plain number");
        return FP_NUM_AMBIGUOUS;
    }
    size_t int_len = first_dot ? (size_t)(first_dot - b) : len;
    if (ncommas > 0 && !valid_grouping(b, int_len, ',')) {
        *why = _("',' is not a thousands separator here (decimal comma?)");
        return FP_NUM_AMBIGUOUS;
    }
    if (first_dot && digit_run(first_dot + 1, len - int_len - 1) !=
                         len - int_len - 1) {
        *why = _("misplaced separator");
        return FP_NUM_BAD;
    }
    /* Rp12.500 is twelve thousand five hundred in Indonesia. */
    if (first_dot && ncommas == 0 && sc->has_currency &&
        len - int_len - 1 == 3 && !integer_part_is_zero(b, int_len)) {
        *why = _("'.' with 3 digits after a currency: thousands separator or "
               "decimal point? write the plain number");
        return FP_NUM_AMBIGUOUS;
    }
    *dot = int_len;
    return FP_NUM_OK;
}

/* Digits are summed into an exact integer and divided once by a power of
 * ten, which rounds correctly while the mantissa stays below 2^53. */
static bool compute(const scan *sc, size_t dot, int extra_scale,
                    double *out, const char **why)
{
    double mantissa = 0;
    int digits = 0, scale = extra_scale;
    for (size_t i = 0; i < sc->body_len; i++) {
        char c = sc->body[i];
        if (c < '0' || c > '9')
            continue;
        if (++digits > MAX_DIGITS) {
            *why = _("too many digits");
            return false;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (i > dot)
            scale++;
    }
    double divisor = 1;
    for (int i = 0; i < scale; i++)
        divisor *= 10;
    double v = mantissa / divisor;
    *out = sc->negative && v != 0 ? -v : v;
    return true;
}

static bool is_blank_text(const char *s)
{
    size_t n;
    while (*s != '\0') {
        if ((n = blank_len(s)) == 0)
            return false;
        s += n;
    }
    return true;
}

fp_decimal fp_decimal_for_market(const char *market)
{
    static const char *const comma[] = {"ID", "VN"};
    static const char *const point[] = {"MY", "TH", "PH", "SG"};
    for (size_t i = 0; market && i < sizeof comma / sizeof comma[0]; i++)
        if (strcasecmp(market, comma[i]) == 0)
            return FP_DEC_COMMA;
    for (size_t i = 0; market && i < sizeof point / sizeof point[0]; i++)
        if (strcasecmp(market, point[i]) == 0)
            return FP_DEC_POINT;
    return FP_DEC_UNKNOWN;
}

/* The separators when the decimal one is known: b[0..len) written with
 * group (',' for FP_DEC_POINT) and decimal ('.'). */
static fp_num_status check_known(const char *b, size_t len, char group,
                                 char decimal, size_t *dot, const char **why)
{
    const char *dec = memchr(b, decimal, len);
    size_t int_len = dec ? (size_t)(dec - b) : len;
    if (b[len - 1] == ',' || b[len - 1] == '.') {
        *why = _("the number ends with a separator");
        return FP_NUM_BAD;
    }
    if (dec != NULL && digit_run(dec + 1, len - int_len - 1) !=
                           len - int_len - 1) {
        *why = group == ',' ? _("text after the decimal point (this market "
                                "writes 1,250.50)")
                            : _("text after the decimal comma (this market "
                                "writes 1.250,50)");
        return FP_NUM_AMBIGUOUS;
    }
    if (memchr(b, group, int_len) != NULL &&
        !valid_grouping(b, int_len, group)) {
        *why = group == ',' ? _("',' is not a thousands separator here "
                                "(this market writes 1,250.50)")
                            : _("'.' is not a thousands separator here "
                                "(this market writes 1.250,50)");
        return FP_NUM_AMBIGUOUS;
    }
    *dot = int_len;
    return FP_NUM_OK;
}

static fp_num_status check_separators_as(const scan *sc, fp_decimal decimal,
                                         size_t *dot, const char **why)
{
    if (decimal == FP_DEC_POINT)
        return check_known(sc->body, sc->body_len, ',', '.', dot, why);
    return check_known(sc->body, sc->body_len, '.', ',', dot, why);
}

fp_num_status fp_parse_value(const char *text, bool percent, double *out,
                             const char **why)
{
    return fp_parse_value_as(text, percent, FP_DEC_UNKNOWN, out, why);
}

fp_num_status fp_parse_value_as(const char *text, bool percent,
                                fp_decimal decimal, double *out,
                                const char **why)
{
    const char *dummy;
    if (why == NULL)
        why = &dummy;
    *why = NULL;
    if (text == NULL || is_blank_text(text)) {
        *why = _("empty");
        return FP_NUM_EMPTY;
    }
    scan sc = {.s = text};
    if (!scan_prefix(&sc, why))
        return FP_NUM_BAD;
    sc.body = text + sc.pos;
    while (is_body_char(text[sc.pos]))
        sc.pos++;
    sc.body_len = (size_t)(text + sc.pos - sc.body);
    if (sc.body_len == 0 || sc.body[0] == ',') {
        *why = _("not a number");
        return FP_NUM_BAD;
    }
    if (!scan_suffix(&sc, why))
        return FP_NUM_BAD;
    if (sc.has_percent && !percent) {
        /* xgettext:no-c-format */
        *why = _("'%' for a KPI that is not a percentage");
        return FP_NUM_BAD;
    }
    size_t dot;
    fp_num_status st = decimal == FP_DEC_UNKNOWN
                           ? check_separators(&sc, &dot, why)
                           : check_separators_as(&sc, decimal, &dot, why);
    if (st != FP_NUM_OK)
        return st;
    return compute(&sc, dot, percent ? 2 : 0, out, why) ? FP_NUM_OK
                                                        : FP_NUM_BAD;
}
