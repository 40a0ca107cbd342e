/* UTF-8 measured and cut by terminal columns. The decoder is written by
 * hand (strict: no overlong forms, no surrogates, nothing above
 * U+10FFFF) so the result never depends on the locale's mbrtowc; the
 * width comes from wcwidth, with a small East Asian table as fallback
 * when the locale cannot tell. */
#include "model/text.h"
#include "model/list_out.h"

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#define ELLIPSIS "\xe2\x80\xa6" /* "…", one column */
#define ELLIPSIS_LEN 3

static bool codeset_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
                          strcasecmp(cs, "utf8") == 0);
}

bool fp_locale_init(void)
{
    if (setlocale(LC_ALL, "") == NULL || !codeset_is_utf8()) {
        if (setlocale(LC_ALL, "C.UTF-8") == NULL)
            setlocale(LC_ALL, "C.utf8");
    }
    /* Numbers are written with '.' whatever the user's locale says. */
    setlocale(LC_NUMERIC, "C");
    return codeset_is_utf8();
}

/* Decodes one character from s (at most avail bytes); returns its length
 * and sets *cp, or returns 0 for an invalid or truncated sequence. */
int fp_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    unsigned char c = s[0];
    int len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        v = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        v = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if ((size_t)len > avail)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min_for_len[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return len;
}

int fp_utf8_len(const char *s)
{
    uint32_t cp;
    size_t avail = strnlen(s, 4);
    if (avail == 0)
        return 1;
    int n = fp_utf8_decode((const unsigned char *)s, avail, &cp);
    return n > 0 ? n : 1;
}

bool fp_utf8_valid(const char *s, size_t len, size_t *bad_at)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        int n = fp_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0) {
            if (bad_at != NULL)
                *bad_at = i;
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

static bool is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

/* Bidi controls (the Unicode Bidi_Control property) and zero-width
 * characters: drawn as-is they reorder or hide text around them. */
static bool is_invisible(uint32_t cp)
{
    return cp == 0x061c || (cp >= 0x200b && cp <= 0x200f) ||
           (cp >= 0x202a && cp <= 0x202e) || cp == 0x2060 ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/* Wide characters for when wcwidth cannot tell (a non-UTF-8 locale). */
static bool is_east_asian_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
           (cp >= 0x3041 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
           (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
           (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
           (cp >= 0x1f300 && cp <= 0x1f64f) ||
           (cp >= 0x1f900 && cp <= 0x1f9ff) ||
           (cp >= 0x20000 && cp <= 0x3fffd);
}

static int char_width(uint32_t cp)
{
    int w = wcwidth((wchar_t)cp);
    if (w >= 0)
        return w;
    return is_east_asian_wide(cp) ? 2 : 1;
}

/* One character as it will be drawn after sanitising: either the
 * source bytes or a visible replacement kept in esc. */
typedef struct {
    const char *src;    /* source bytes, or NULL: the text is esc */
    char esc[12];       /* "\x1b", "<U+202E>", " " */
    int nbytes;
    int width;
    int advance;        /* bytes consumed from the source */
} glyph;

static const char *glyph_bytes(const glyph *g)
{
    return g->src != NULL ? g->src : g->esc;
}

static glyph replaced(int advance, const char *fmt, unsigned value)
{
    glyph g = {.src = NULL, .advance = advance};
    g.nbytes = snprintf(g.esc, sizeof g.esc, fmt, value);
    g.width = g.nbytes;
    return g;
}

/* The one rule: how character cp (n bytes at src) is shown. */
static glyph glyph_of(uint32_t cp, const char *src, int n)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return replaced(n, " ", 0);
    if (is_control(cp))
        return replaced(n, "\\x%02x", cp);
    if (is_invisible(cp))
        return replaced(n, "<U+%04X>", cp);
    return (glyph){.src = src, .nbytes = n, .width = char_width(cp),
                   .advance = n};
}

static glyph next_glyph(const char *s)
{
    uint32_t cp;
    size_t avail = strnlen(s, 4);
    int n = fp_utf8_decode((const unsigned char *)s, avail, &cp);
    if (n == 0) /* not UTF-8: the byte itself, escaped */
        return replaced(1, "\\x%02x", (unsigned char)s[0]);
    return glyph_of(cp, s, n);
}

int fp_text_char_width(uint32_t cp)
{
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 4; /* never decoded from UTF-8: its bytes show as \xHH */
    return glyph_of(cp, NULL, 1).width;
}

bool fp_text_has_invisible(const char *s)
{
    uint32_t cp;
    while (*s != '\0') {
        int n = fp_utf8_decode((const unsigned char *)s, strnlen(s, 4), &cp);
        if (n > 0 && is_invisible(cp))
            return true;
        s += n > 0 ? n : 1;
    }
    return false;
}

int fp_text_width(const char *s)
{
    int w = 0;
    while (*s != '\0') {
        glyph g = next_glyph(s);
        w += g.width;
        s += g.advance;
    }
    return w;
}

/* Bytes of the sanitised form of s, without the final NUL. */
static size_t sanitized_size(const char *s)
{
    size_t n = 0;
    while (*s != '\0') {
        glyph g = next_glyph(s);
        n += (size_t)g.nbytes;
        s += g.advance;
    }
    return n;
}

char *fp_text_sanitize(const char *s)
{
    char *out = malloc(sanitized_size(s) + 1), *o = out;
    if (out == NULL)
        return NULL;
    while (*s != '\0') {
        glyph g = next_glyph(s);
        memcpy(o, glyph_bytes(&g), (size_t)g.nbytes);
        o += g.nbytes;
        s += g.advance;
    }
    *o = '\0';
    return out;
}

bool fp_text_fputs(const char *s, FILE *f)
{
    while (*s != '\0') {
        glyph g = next_glyph(s);
        if (fwrite(glyph_bytes(&g), 1, (size_t)g.nbytes, f) != (size_t)g.nbytes)
            return false;
        s += g.advance;
    }
    return true;
}

/* Bytes and width of s when it fits in cols columns and room bytes. */
static bool fits_whole(const char *s, int cols, size_t room)
{
    int w = 0;
    size_t bytes = 0;
    while (*s != '\0') {
        glyph g = next_glyph(s);
        w += g.width;
        bytes += (size_t)g.nbytes;
        if (w > cols || bytes > room)
            return false;
        s += g.advance;
    }
    return true;
}

/* Copies glyphs while they fit in cols columns and room bytes; returns
 * the width written and advances *o. */
static int copy_glyphs(const char *s, int cols, size_t room, char **o)
{
    int w = 0;
    size_t bytes = 0;
    while (*s != '\0') {
        glyph g = next_glyph(s);
        if (w + g.width > cols || bytes + (size_t)g.nbytes > room)
            break;
        memcpy(*o + bytes, glyph_bytes(&g), (size_t)g.nbytes);
        bytes += (size_t)g.nbytes;
        w += g.width;
        s += g.advance;
    }
    *o += bytes;
    return w;
}

int fp_text_fit(const char *s, int cols, bool pad, char *out, size_t outsz)
{
    if (outsz == 0)
        return 0;
    char *o = out;
    int w = 0;
    size_t room = outsz - 1;
    if (cols > 0 && fits_whole(s, cols, room)) {
        w = copy_glyphs(s, cols, room, &o);
    } else if (cols > 0 && room >= ELLIPSIS_LEN) {
        w = copy_glyphs(s, cols - 1, room - ELLIPSIS_LEN, &o);
        memcpy(o, ELLIPSIS, ELLIPSIS_LEN);
        o += ELLIPSIS_LEN;
        w++;
    }
    while (pad && w < cols && (size_t)(o - out) < room) {
        *o++ = ' ';
        w++;
    }
    *o = '\0';
    return w;
}

int fp_text_fit_right(const char *s, int cols, char *out, size_t outsz)
{
    int w = fp_text_fit(s, cols, false, out, outsz);
    if (w >= cols || outsz == 0)
        return w;
    size_t len = strlen(out);
    size_t shift = (size_t)(cols - w);
    if (len + shift + 1 > outsz)
        shift = outsz - 1 - len;
    memmove(out + shift, out, len + 1);
    memset(out, ' ', shift);
    return w + (int)shift;
}

void fp_text_csv_field(FILE *f, const char *s, bool last)
{
    fp_csv_field(f, s);
    fputc(last ? '\n' : ',', f);
}

void fp_text_column(FILE *f, const char *s, int cols, bool right)
{
    char buf[512];
    if (right)
        fp_text_fit_right(s, cols, buf, sizeof buf);
    else
        fp_text_fit(s, cols, true, buf, sizeof buf);
    fputs(buf, f);
    fputc(' ', f);
}

void fp_md_escape(fp_buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<|~", *s))
            fp_buf_addc(b, '\\');
        fp_buf_addc(b, *s);
    }
}

void fp_md_escape_line(fp_buf *b, const char *s)
{
    size_t digits = strspn(s, "0123456789");
    if (*s && strchr("#>-+=", *s)) {
        fp_buf_addc(b, '\\');
    } else if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
        fp_buf_addn(b, s, digits);
        fp_buf_addc(b, '\\');
        s += digits;
    }
    fp_md_escape(b, s);
}
