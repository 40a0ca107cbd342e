/* The editing buffer and its wrap layout; see edbuf.h. */
#include "tui/edbuf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "model/text.h"
#include "model/vec.h"

#define REPLACEMENT 0xfffd

/* As fp_text_fit will draw it: a bidi control shows as "<U+202E>". */
int fp_wchar_cols(wchar_t c)
{
    return fp_text_char_width((uint32_t)c);
}

void fp_edbuf_init(fp_edbuf *b, bool multiline, size_t max_chars)
{
    memset(b, 0, sizeof *b);
    b->multiline = multiline;
    b->max = max_chars;
    b->goal = -1;
}

void fp_edbuf_done(fp_edbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
    b->goal = -1;
}

static bool reserve(fp_edbuf *b, size_t extra)
{
    bool ok = extra < SIZE_MAX - b->len - 1;
    if (ok)
        FP_GROW(b->s, b->len + extra + 1, b->cap, ok);
    return ok;
}

static void changed(fp_edbuf *b)
{
    b->changes++;
    b->goal = -1;
}

/* What a typed or loaded character becomes: itself, a space, or 0 when it
 * is refused. */
static wchar_t accept_char(const fp_edbuf *b, wchar_t c)
{
    if (c == L'\t')
        return L' ';
    if (c == L'\n' || c == L'\r')
        return b->multiline ? L'\n' : L' ';
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return 0;
    if (c == 0x2028 || c == 0x2029) /* Unicode line/paragraph separators */
        return b->multiline ? L'\n' : L' ';
    return c;
}

bool fp_edbuf_insert(fp_edbuf *b, wchar_t c)
{
    c = accept_char(b, c);
    if (!c || (b->max && b->len >= b->max) || !reserve(b, 1))
        return false;
    memmove(b->s + b->cur + 1, b->s + b->cur,
            (b->len - b->cur) * sizeof *b->s);
    b->s[b->cur++] = c;
    b->s[++b->len] = L'\0';
    changed(b);
    return true;
}

/* Decodes one character of s (n bytes left); returns the bytes used. */
static size_t decode(const char *s, size_t n, wchar_t *out)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t used = mbrtowc(out, s, n, &st);
    if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
        *out = REPLACEMENT;
        return 1;
    }
    return used;
}

size_t fp_edbuf_insert_utf8(fp_edbuf *b, const char *utf8)
{
    size_t n = utf8 ? strlen(utf8) : 0, done = 0;
    for (size_t i = 0; i < n;) {
        wchar_t c;
        i += decode(utf8 + i, n - i, &c);
        if (c == L'\r' && utf8[i] == '\n')
            continue; /* CRLF: one newline */
        done += fp_edbuf_insert(b, c);
    }
    return done;
}

bool fp_edbuf_set(fp_edbuf *b, const char *utf8)
{
    b->len = b->cur = 0;
    if (!reserve(b, 0))
        return false;
    b->s[0] = L'\0';
    fp_edbuf_insert_utf8(b, utf8);
    changed(b);
    return true;
}

char *fp_edbuf_text(const fp_edbuf *b)
{
    char *out = malloc(b->len * MB_LEN_MAX + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (size_t i = 0; i < b->len; i++) {
        size_t n = wcrtomb(out + o, b->s[i], &st);
        if (n == (size_t)-1) {
            memset(&st, 0, sizeof st);
            out[o] = '?';
            n = 1;
        }
        o += n;
    }
    out[o] = '\0';
    return out;
}

bool fp_edbuf_blank(const fp_edbuf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (!iswspace((wint_t)b->s[i]) && b->s[i] != 0x3000)
            return false;
    return true;
}

/* Removes characters [from, to) and puts the cursor at from. */
static size_t erase_range(fp_edbuf *b, size_t from, size_t to)
{
    if (to <= from)
        return 0;
    memmove(b->s + from, b->s + to, (b->len - to + 1) * sizeof *b->s);
    b->len -= to - from;
    b->cur = from;
    changed(b);
    return to - from;
}

bool fp_edbuf_backspace(fp_edbuf *b)
{
    return b->cur > 0 && erase_range(b, b->cur - 1, b->cur) == 1;
}

bool fp_edbuf_delete(fp_edbuf *b)
{
    return b->cur < b->len && erase_range(b, b->cur, b->cur + 1) == 1;
}

bool fp_edbuf_left(fp_edbuf *b)
{
    b->goal = -1;
    if (b->cur == 0)
        return false;
    b->cur--;
    return true;
}

bool fp_edbuf_right(fp_edbuf *b)
{
    b->goal = -1;
    if (b->cur >= b->len)
        return false;
    b->cur++;
    return true;
}

static size_t line_start(const fp_edbuf *b, size_t at)
{
    while (at > 0 && b->s[at - 1] != L'\n')
        at--;
    return at;
}

static size_t line_end(const fp_edbuf *b, size_t at)
{
    while (at < b->len && b->s[at] != L'\n')
        at++;
    return at;
}

void fp_edbuf_home(fp_edbuf *b)
{
    b->goal = -1;
    b->cur = line_start(b, b->cur);
}

void fp_edbuf_end(fp_edbuf *b)
{
    b->goal = -1;
    b->cur = line_end(b, b->cur);
}

size_t fp_edbuf_kill_before(fp_edbuf *b)
{
    return erase_range(b, line_start(b, b->cur), b->cur);
}

size_t fp_edbuf_kill_after(fp_edbuf *b)
{
    size_t end = line_end(b, b->cur);
    if (end == b->cur && end < b->len)
        end++; /* at the end of a line: join the next one */
    size_t at = b->cur, n = erase_range(b, at, end);
    b->cur = at;
    return n;
}

/* ---- wrap layout ------------------------------------------------------- */

void fp_edlayout_init(fp_edlayout *L)
{
    memset(L, 0, sizeof *L);
}

void fp_edlayout_done(fp_edlayout *L)
{
    free(L->v);
    memset(L, 0, sizeof *L);
}

static bool push_line(fp_edlayout *L, size_t start, size_t end, int width)
{
    bool ok = true;
    FP_GROW(L->v, L->n + 1, L->cap, ok);
    if (!ok)
        return false;
    L->v[L->n++] = (fp_edline){ start, end, width };
    return true;
}

static bool word_char(wchar_t c)
{
    return c < 0x80 && c != L' ';
}

/* Where a line starting at start must break before character i (which
 * does not fit): after the last space when a word would be cut. */
static size_t break_at(const fp_edbuf *b, size_t start, size_t i)
{
    if (!word_char(b->s[i]) || !word_char(b->s[i - 1]))
        return i;
    for (size_t j = i - 1; j > start; j--) {
        if (b->s[j - 1] == L' ')
            return j;
        if (!word_char(b->s[j - 1]))
            return j; /* after a CJK character: no space needed */
    }
    return i;
}

static int span_width(const fp_edbuf *b, size_t from, size_t to)
{
    int w = 0;
    for (size_t i = from; i < to; i++)
        w += fp_wchar_cols(b->s[i]);
    return w;
}

/* Screen lines of the logical line [start, end). */
static bool layout_line(fp_edlayout *L, const fp_edbuf *b, size_t start,
                        size_t end, int cols)
{
    size_t ls = start;
    int w = 0;
    for (size_t i = start; i < end; i++) {
        int cw = fp_wchar_cols(b->s[i]);
        if (w + cw > cols && i > ls) {
            size_t br = break_at(b, ls, i);
            if (!push_line(L, ls, br, span_width(b, ls, br)))
                return false;
            ls = br;
            w = span_width(b, ls, i);
        }
        w += cw;
    }
    return push_line(L, ls, end, w);
}

bool fp_edlayout_build(fp_edlayout *L, const fp_edbuf *b, int cols)
{
    L->n = 0;
    L->cols = cols < 1 ? 1 : cols;
    size_t start = 0;
    for (;;) {
        size_t end = line_end(b, start);
        if (!layout_line(L, b, start, end, L->cols))
            return false;
        if (end >= b->len)
            return true;
        start = end + 1;
    }
}

/* True when screen line k ends its logical line (a newline or the end of
 * the text follows), so that the cursor may stand at its end. */
static bool ends_logical(const fp_edlayout *L, const fp_edbuf *b, size_t k)
{
    size_t e = L->v[k].end;
    return e >= b->len || b->s[e] == L'\n';
}

static size_t row_of(const fp_edlayout *L, const fp_edbuf *b, size_t at)
{
    for (size_t k = 0; k < L->n; k++) {
        const fp_edline *l = &L->v[k];
        if (at >= l->start && (at < l->end
                               || (at == l->end && ends_logical(L, b, k))))
            return k;
    }
    return L->n ? L->n - 1 : 0;
}

void fp_edlayout_cursor(const fp_edlayout *L, const fp_edbuf *b, int *row,
                        int *col)
{
    size_t k = row_of(L, b, b->cur);
    *row = (int)k;
    *col = L->n ? span_width(b, L->v[k].start, b->cur) : 0;
}

bool fp_edbuf_vmove(fp_edbuf *b, const fp_edlayout *L, int delta)
{
    int row, col;
    fp_edlayout_cursor(L, b, &row, &col);
    long target = (long)row + delta;
    if (target < 0)
        target = 0;
    if (target >= (long)L->n)
        target = (long)L->n - 1;
    if (target == row || L->n == 0)
        return false;
    int goal = b->goal >= 0 ? b->goal : col;
    const fp_edline *l = &L->v[target];
    size_t last = ends_logical(L, b, (size_t)target) || l->end == l->start
                  ? l->end : l->end - 1;
    size_t p = l->start;
    int w = 0;
    while (p < last && w + fp_wchar_cols(b->s[p]) <= goal)
        w += fp_wchar_cols(b->s[p++]);
    b->cur = p;
    b->goal = goal;
    return true;
}

void fp_edlayout_line(const fp_edlayout *L, const fp_edbuf *b, size_t i,
                      char *out, size_t outsz)
{
    size_t o = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    out[0] = '\0';
    if (i >= L->n || outsz == 0)
        return;
    for (size_t k = L->v[i].start; k < L->v[i].end; k++) {
        char mb[MB_LEN_MAX];
        size_t n = wcrtomb(mb, b->s[k], &st);
        if (n == (size_t)-1) {
            memset(&st, 0, sizeof st);
            mb[0] = '?';
            n = 1;
        }
        if (o + n + 1 > outsz)
            break;
        memcpy(out + o, mb, n);
        o += n;
    }
    out[o] = '\0';
}
