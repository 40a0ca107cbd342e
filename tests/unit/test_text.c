/* UTF-8 decoding, display width, sanitising and fitting by columns. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"

#define ZHANG_WEI "\xe5\xbc\xa0\xe4\xbc\x9f" /* 张伟: 2 chars, 4 columns */
#define ELL "\xe2\x80\xa6"                    /* … */

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

TestSuite(text, .init = setup);

Test(text, utf8_valid)
{
    size_t bad = 99;
    cr_assert(fp_utf8_valid("abc", 3, &bad));
    cr_assert(fp_utf8_valid(ZHANG_WEI, 6, &bad));
    cr_assert(fp_utf8_valid("\xf0\x9f\x98\x80", 4, &bad)); /* emoji */
    cr_assert(fp_utf8_valid("", 0, &bad));
    cr_assert_eq(bad, 99);

    cr_assert_not(fp_utf8_valid("ab\xff" "c", 4, &bad));
    cr_assert_eq(bad, 2);
    cr_assert_not(fp_utf8_valid("a\xe5\xbc", 3, &bad)); /* truncated */
    cr_assert_eq(bad, 1);
    cr_assert_not(fp_utf8_valid("\xc0\xaf", 2, &bad)); /* overlong '/' */
    cr_assert_eq(bad, 0);
    cr_assert_not(fp_utf8_valid("x\xe0\x80\xaf", 4, &bad)); /* overlong */
    cr_assert_eq(bad, 1);
    cr_assert_not(fp_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    cr_assert_not(fp_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > 10FFFF */
    cr_assert_not(fp_utf8_valid("\x80", 1, &bad)); /* lone continuation */
    cr_assert_not(fp_utf8_valid("\xd5\xc5", 2, &bad)); /* GB18030 张 */
    /* A NUL inside the range is a valid character. */
    cr_assert(fp_utf8_valid("a\0b", 3, &bad));
}

Test(text, utf8_len)
{
    cr_assert_eq(fp_utf8_len("a"), 1);
    cr_assert_eq(fp_utf8_len("\xc3\xa9"), 2);
    cr_assert_eq(fp_utf8_len(ZHANG_WEI), 3);
    cr_assert_eq(fp_utf8_len("\xf0\x9f\x98\x80"), 4);
    cr_assert_eq(fp_utf8_len("\xff"), 1);
    cr_assert_eq(fp_utf8_len("\xe5\xbc"), 1);
}

Test(text, width)
{
    cr_assert_eq(fp_text_width(""), 0);
    cr_assert_eq(fp_text_width("abc"), 3);
    cr_assert_eq(fp_text_width(ZHANG_WEI), 4);
    cr_assert_eq(fp_text_width("A" ZHANG_WEI "b"), 6);
    cr_assert_eq(fp_text_width("e\xcc\x81"), 1); /* e + combining acute */
    cr_assert_eq(fp_text_width("\x1b[31m"), 8);  /* ESC shows as \x1b */
    cr_assert_eq(fp_text_width("a\xffz"), 6);
    cr_assert_eq(fp_text_width("a\xe2\x80\xae" "b"), 10); /* <U+202E> */
    cr_assert_eq(fp_text_width(ELL), 1);
}

Test(text, sanitize)
{
    char *s = fp_text_sanitize("a\tb\nc\x1b[2Jd\x7f\xc2\x9b" "e\xff" ZHANG_WEI);
    cr_assert_str_eq(s, "a b c\\x1b[2Jd\\x7f\\x9b" "e\\xff" ZHANG_WEI);
    free(s);
    /* The terminal-title attack: ESC ] 0 ; pwned BEL. */
    s = fp_text_sanitize("shop\x1b]0;pwned\x07");
    cr_assert_str_eq(s, "shop\\x1b]0;pwned\\x07");
    cr_assert_null(strchr(s, 0x1b));
    free(s);
    s = fp_text_sanitize("");
    cr_assert_str_eq(s, "");
    free(s);
    s = fp_text_sanitize("line\r\n");
    cr_assert_str_eq(s, "line  ");
    free(s);
}

Test(text, fit_short_text_unchanged)
{
    char out[64];
    cr_assert_eq(fp_text_fit("abc", 5, false, out, sizeof out), 3);
    cr_assert_str_eq(out, "abc");
    cr_assert_eq(fp_text_fit("abc", 5, true, out, sizeof out), 5);
    cr_assert_str_eq(out, "abc  ");
    cr_assert_eq(fp_text_fit(ZHANG_WEI, 4, true, out, sizeof out), 4);
    cr_assert_str_eq(out, ZHANG_WEI);
}

Test(text, fit_cuts_with_ellipsis)
{
    char out[64];
    cr_assert_eq(fp_text_fit("abcdef", 4, false, out, sizeof out), 4);
    cr_assert_str_eq(out, "abc" ELL);
    cr_assert_eq(fp_text_fit("abcdef", 1, false, out, sizeof out), 1);
    cr_assert_str_eq(out, ELL);
    cr_assert_eq(fp_text_fit("abcdef", 0, true, out, sizeof out), 0);
    cr_assert_str_eq(out, "");
}

Test(text, fit_never_splits_a_wide_character)
{
    char out[64];
    /* 张伟 is 4 columns; in 3 only 张 (2) fits beside the ellipsis. */
    cr_assert_eq(fp_text_fit(ZHANG_WEI, 3, false, out, sizeof out), 3);
    cr_assert_str_eq(out, "\xe5\xbc\xa0" ELL);
    /* In 2: 张 would leave no room for "…": "…" plus one pad space. */
    cr_assert_eq(fp_text_fit(ZHANG_WEI "x", 2, false, out, sizeof out), 1);
    cr_assert_str_eq(out, ELL);
    cr_assert_eq(fp_text_fit(ZHANG_WEI "x", 2, true, out, sizeof out), 2);
    cr_assert_str_eq(out, ELL " ");
    cr_assert_eq(fp_text_fit("a" ZHANG_WEI, 4, true, out, sizeof out), 4);
    cr_assert_str_eq(out, "a\xe5\xbc\xa0" ELL);
}

Test(text, fit_sanitizes)
{
    char out[64];
    cr_assert_eq(fp_text_fit("a\nb\x1b", 10, false, out, sizeof out), 7);
    cr_assert_str_eq(out, "a b\\x1b");
    /* An escape is one unit: cut before it, never inside it. */
    cr_assert_eq(fp_text_fit("ab\x1b", 5, false, out, sizeof out), 3);
    cr_assert_str_eq(out, "ab" ELL);
    cr_assert_eq(fp_text_fit("\xe2\x80\xae" "ab", 20, false, out, sizeof out),
                 10);
    cr_assert_str_eq(out, "<U+202E>ab");
}

Test(text, sanitize_shows_bidi_and_zero_width)
{
    static const struct { const char *in, *out; } cases[] = {
        {"a\xe2\x80\xae" "b", "a<U+202E>b"},       /* RLO */
        {"\xe2\x80\xaa", "<U+202A>"},               /* LRE */
        {"\xe2\x81\xa6x\xe2\x81\xa9", "<U+2066>x<U+2069>"}, /* LRI PDI */
        {"\xe2\x80\x8b", "<U+200B>"},               /* zero-width space */
        {"\xe2\x80\x8f", "<U+200F>"},               /* RLM */
        {"\xe2\x81\xa0", "<U+2060>"},               /* word joiner */
        {"\xef\xbb\xbf" "id", "<U+FEFF>id"},         /* BOM / ZWNBSP */
        {"\xe2\x80\x90", "\xe2\x80\x90"},         /* hyphen: kept */
        {"\xe2\x80\xaf", "\xe2\x80\xaf"},         /* NNBSP: kept */
        {ZHANG_WEI, ZHANG_WEI},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = fp_text_sanitize(cases[i].in);
        cr_assert_str_eq(s, cases[i].out, "case %zu", i);
        free(s);
    }
}

Test(text, char_width_as_drawn)
{
    cr_assert_eq(fp_text_char_width('a'), 1);
    cr_assert_eq(fp_text_char_width(0x5f20), 2);   /* 张 */
    cr_assert_eq(fp_text_char_width(0x1b), 4);     /* \x1b */
    cr_assert_eq(fp_text_char_width(0x9b), 4);     /* \x9b */
    cr_assert_eq(fp_text_char_width(0x202e), 8);   /* <U+202E> */
    cr_assert_eq(fp_text_char_width(0xfeff), 8);
    cr_assert_eq(fp_text_char_width(0x301), 0);    /* combining acute */
    cr_assert_eq(fp_text_char_width(0xd800), 4);   /* not a character */
}

Test(text, has_invisible)
{
    cr_assert(fp_text_has_invisible("shop\xe2\x80\xae"));
    cr_assert(fp_text_has_invisible("\xe2\x80\x8bshop"));
    cr_assert(fp_text_has_invisible("a\xef\xbb\xbf"));
    cr_assert(fp_text_has_invisible("\xe2\x81\xa9"));
    cr_assert_not(fp_text_has_invisible("shop-my"));
    cr_assert_not(fp_text_has_invisible(ZHANG_WEI));
    cr_assert_not(fp_text_has_invisible("a\xff\x1b"));
    cr_assert_not(fp_text_has_invisible(""));
}

Test(text, fit_respects_buffer_size)
{
    char out[8];
    /* 5 chars of 3 bytes do not fit in 7 bytes: cut by bytes too. */
    const char *s = ZHANG_WEI ZHANG_WEI "\xe5\xbc\xa0";
    int w = fp_text_fit(s, 20, false, out, sizeof out);
    cr_assert_str_eq(out, "\xe5\xbc\xa0" ELL);
    cr_assert_eq(w, 3);
    char tiny[1];
    cr_assert_eq(fp_text_fit("abc", 3, true, tiny, sizeof tiny), 0);
    cr_assert_str_eq(tiny, "");
}

Test(text, fit_right)
{
    char out[64];
    cr_assert_eq(fp_text_fit_right("42", 5, out, sizeof out), 5);
    cr_assert_str_eq(out, "   42");
    cr_assert_eq(fp_text_fit_right(ZHANG_WEI, 6, out, sizeof out), 6);
    cr_assert_str_eq(out, "  " ZHANG_WEI);
    cr_assert_eq(fp_text_fit_right("abcdef", 4, out, sizeof out), 4);
    cr_assert_str_eq(out, "abc" ELL);
    cr_assert_eq(fp_text_fit_right(ZHANG_WEI, 3, out, sizeof out), 3);
    cr_assert_str_eq(out, "\xe5\xbc\xa0" ELL);
}

/* One CSV field writer for every CSV fupan writes (model/list_out.h):
 * quoted only when it must be, blanks at either end kept by quoting. */
Test(text, csv_field_quotes_only_when_it_must)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    const char *fields[] = {"plain", "a,b", "say \"hi\"", " lead",
                            "two\nlines", "", "王强"};
    for (int i = 0; i < 7; i++)
        fp_text_csv_field(f, fields[i], i == 6);
    fclose(f);
    cr_assert_str_eq(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\" lead\","
                          "\"two\nlines\",,王强\n");
    free(buf);
}
