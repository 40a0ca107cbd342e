/* The line-breaking rule of running text; see wrap.h. */
#include "model/wrap.h"

#include <stdbool.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "model/pinyin.h"
#include "model/text.h"

static UBreakIterator *words;
static bool words_failed;

void fp_wrap_done(void)
{
    ubrk_close(words);
    words = NULL;
    words_failed = false;
}

/* A word iterator over s (byte offsets), NULL when ICU cannot make one. */
static UBreakIterator *words_over(const char *s, UText **ut)
{
    UErrorCode st = U_ZERO_ERROR;
    if (!words && !words_failed) {
        fp_icu_at_exit();
        words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
        if (U_FAILURE(st)) {
            fp_wrap_done();
            words_failed = true;
        }
    }
    if (!words)
        return NULL;
    st = U_ZERO_ERROR;
    *ut = utext_openUTF8(NULL, s, -1, &st);
    if (U_SUCCESS(st))
        ubrk_setUText(words, *ut, &st);
    if (U_FAILURE(st)) {
        *ut = utext_close(*ut);
        return NULL;
    }
    return words;
}

/* Width in columns of the UTF-8 character at s. */
static int glyph_width(const char *s, int len)
{
    if (len == 1)
        return 1; /* printable ASCII: the text is sanitised */
    char g[8];
    memcpy(g, s, (size_t)len);
    g[len] = '\0';
    return fp_text_width(g);
}

static bool is_one_of(const char *g, int len, const char *const *set)
{
    for (; *set; set++)
        if ((int)strlen(*set) == len && memcmp(g, *set, (size_t)len) == 0)
            return true;
    return false;
}

static bool no_break_before(const char *g, int len)
{
    static const char *const closers[] = {
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "，", "。", "、",
        "；", "：", "！", "？", "）", "」", "』", "》", "】", "…", NULL,
    };
    return is_one_of(g, len, closers);
}

static bool no_break_after(const char *g, int len)
{
    static const char *const openers[] = {
        "(", "[", "{", "（", "「", "『", "《", "【", "\xe2\x80\x9c", NULL,
    };
    return is_one_of(g, len, openers);
}

/* A unit or measure word that follows a number: "万", "天", "%". */
static bool is_unit(const char *g, int len)
{
    static const char *const units[] = {
        "%", "％", "万", "亿", "千", "百", "元", "块", "倍", "成", "个", "次",
        "场", "条", "人", "位", "名", "单", "件", "笔", "款", "家", "天", "日",
        "周", "月", "年", "秒", "分", "小", "点", "号", "折", "毛", "角", NULL,
    };
    return is_one_of(g, len, units);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* True when s[0..at) ends in a currency code ("MYR") after a blank or
 * at the start, and s[at] is a space followed by a digit. */
static bool currency_before_amount(const char *s, size_t at)
{
    if (at < 3 || s[at] != ' ' || !is_digit(s[at + 1]))
        return false;
    for (size_t i = at - 3; i < at; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return at == 3 || s[at - 4] == ' ';
}

/* True when the break at s[at] (a space when skip, else between two
 * characters) separates a number from its unit. */
static bool splits_number_unit(const char *s, size_t at, bool space)
{
    if (at == 0 || !is_digit(s[at - 1]))
        return currency_before_amount(s, at);
    size_t u = at + (space ? 1 : 0);
    return is_unit(s + u, fp_utf8_len(s + u)) ||
           currency_before_amount(s, at);
}

/* A status mark ("✖", "◐", "●", "·") stays with what it marks: no
 * break at the space after it. */
static bool after_status_mark(const char *s, size_t at)
{
    static const char *const marks[] = {
        "\xc2\xb7", "\xe2\x97\x8f", "\xe2\x97\x90", "\xe2\x9c\x96", NULL,
    };
    for (const char *const *m = marks; *m; m++) {
        size_t n = strlen(*m);
        if (at >= n && memcmp(s + at - n, *m, n) == 0 &&
            (at == n || s[at - n - 1] == ' '))
            return true;
    }
    return false;
}

typedef struct {
    const char *s;
    UBreakIterator *words;   /* NULL: every wide neighbour may break */
} wrap_ctx;

/* May the line break between the character at prev and the one at i
 * (neither a space), given their widths? */
static bool may_break_between(const wrap_ctx *c, size_t prev, size_t i,
                              int prev_w, int w)
{
    const char *s = c->s;
    if (w != 2 && prev_w != 2)
        return false; /* inside a Latin word or number */
    if (no_break_before(s + i, fp_utf8_len(s + i)) ||
        no_break_after(s + prev, (int)(i - prev)) ||
        splits_number_unit(s, i, false))
        return false;
    return !c->words || ubrk_isBoundary(c->words, (int32_t)i);
}

static size_t scan(const wrap_ctx *c, int cols, size_t *skip)
{
    const char *s = c->s;
    size_t i = 0, brk = 0, brk_skip = 0, prev = 0;
    int w = 0, prev_w = 0;
    while (s[i]) {
        int len = fp_utf8_len(s + i);
        int gw = glyph_width(s + i, len);
        if (i > 0 && s[i] == ' ') {
            if (!splits_number_unit(s, i, true) && !after_status_mark(s, i))
                brk = i, brk_skip = 1;
        } else if (i > 0 && s[prev] != ' ' &&
                   may_break_between(c, prev, i, prev_w, gw)) {
            brk = i, brk_skip = 0;
        }
        if (w + gw > cols && i > 0)
            break;
        w += gw;
        prev_w = gw;
        prev = i;
        i += (size_t)len;
    }
    *skip = 0;
    if (!s[i] || brk == 0)
        return i;
    *skip = brk_skip;
    return brk;
}

size_t fp_wrap_point(const char *s, int cols, size_t *skip)
{
    UText *ut = NULL;
    wrap_ctx c = { s, words_over(s, &ut) };
    size_t n = scan(&c, cols, skip);
    utext_close(ut);
    return n;
}
