/* The one INI reader (storage/ini_text.c): sections, keys, values and
 * lines; every problem as "NAME:LINE: what is wrong". */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storage/ini_text.h"
#include "storage/ini_values.h"

static fp_ini_doc lenient(const char *text, size_t len)
{
    fp_ini_doc doc;
    cr_assert(fp_ini_parse_mem(text, len, "t.ini", FP_INI_LENIENT, &doc,
                               NULL, 0));
    return doc;
}

static void expect_strict_error(const char *text, size_t len,
                                const char *want)
{
    fp_ini_doc doc;
    char err[256] = "";
    cr_assert_not(fp_ini_parse_mem(text, len, "t.ini", FP_INI_STRICT, &doc,
                                   err, sizeof err), "accepted: %s", want);
    cr_assert(strncmp(err, want, strlen(want)) == 0, "got '%s', want '%s'",
              err, want);
    cr_assert_eq(doc.nsecs, 0);
}

Test(ini, values_and_lines)
{
    static const char t[] = "\xEF\xBB\xBF; c\n[A]\r\nKey = \"v ; x\"\r\n"
                            "b = 2 ; note\n\n[c.d]\ne=\n";
    fp_ini_doc doc = lenient(t, sizeof t - 1);
    cr_assert_eq(doc.nproblems, 0, "%s", doc.problems[0]);
    cr_assert_eq(doc.nsecs, 2);
    cr_assert_str_eq(doc.secs[0].name, "a");
    cr_assert_eq(doc.secs[0].line, 2);
    const fp_ini_kv *kv = fp_ini_find(&doc.secs[0], "key");
    cr_assert_not_null(kv);
    cr_assert_str_eq(kv->value, "v ; x");
    cr_assert_eq(kv->line, 3);
    cr_assert_str_eq(fp_ini_find(&doc.secs[0], "b")->value, "2");
    cr_assert_str_eq(doc.secs[1].name, "c.d");
    cr_assert_str_eq(fp_ini_find(&doc.secs[1], "e")->value, "");
    fp_ini_doc_done(&doc);
}

Test(ini, nul_byte_is_a_problem_with_its_line)
{
    static const char t[] = "[a]\nx = 1\ny = 2\0 rest\nz = 3\n";
    expect_strict_error(t, sizeof t - 1, "t.ini:3: ");
    fp_ini_doc doc = lenient(t, sizeof t - 1);
    cr_assert_eq(doc.nproblems, 1);
    cr_assert(strstr(doc.problems[0], "NUL"), "%s", doc.problems[0]);
    /* the rest of the file is still read */
    cr_assert_str_eq(fp_ini_find(&doc.secs[0], "z")->value, "3");
    cr_assert_null(fp_ini_find(&doc.secs[0], "y"));
    fp_ini_doc_done(&doc);
}

Test(ini, control_bytes_are_refused_and_not_echoed)
{
    static const char t[] = "[a]\nk\x1b]0;pwned\x07 = 1\nv = \xc2\x9b" "31m\n";
    fp_ini_doc doc = lenient(t, sizeof t - 1);
    cr_assert_eq(doc.nproblems, 2);
    cr_assert(strncmp(doc.problems[0], "t.ini:2: ", 9) == 0);
    cr_assert(strncmp(doc.problems[1], "t.ini:3: ", 9) == 0);
    for (int i = 0; i < doc.nproblems; i++)
        for (const char *p = doc.problems[i]; *p; p++)
            cr_assert((unsigned char)*p >= 0x20 && *p != 0x7f
                      && !((unsigned char)*p == 0xc2
                           && (unsigned char)p[1] < 0xa0),
                      "raw control byte in '%s'", doc.problems[i]);
    fp_ini_doc_done(&doc);
}

Test(ini, invalid_utf8_is_a_problem)
{
    static const char t[] = "[a]\nname = \xd5\xc5\xce\xb0\n"; /* GBK 张伟 */
    expect_strict_error(t, sizeof t - 1, "t.ini:2: ");
}

Test(ini, long_lines_and_joined_lines)
{
    char t[3000];
    int n = snprintf(t, sizeof t, "[a]\nk = %01100d\n", 0);
    expect_strict_error(t, (size_t)n, "t.ini:2: ");
    char j[3000] = "[a]\nk = ";
    for (int i = 0; i < 4; i++)
        strcat(j, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  "\\\n");
    expect_strict_error(j, strlen(j), "t.ini:");
}

Test(ini, duplicates_and_strays_are_problems_when_lenient)
{
    static const char t[] = "x = 0\n[a]\nk = 1\nk = 2\n[b]\n[a]\nm = 3\n"
                            "no equals\n";
    fp_ini_doc doc = lenient(t, sizeof t - 1);
    const char *want[] = { "t.ini:1: ", "t.ini:4: ", "t.ini:6: ",
                           "t.ini:8: " };
    cr_assert_eq(doc.nproblems, 4);
    for (int i = 0; i < 4; i++)
        cr_assert(strncmp(doc.problems[i], want[i], strlen(want[i])) == 0,
                  "%s", doc.problems[i]);
    /* the last value wins, and a repeated section adds to the first */
    cr_assert_eq(doc.nsecs, 2);
    cr_assert_str_eq(fp_ini_find(&doc.secs[0], "k")->value, "2");
    cr_assert_eq(fp_ini_find(&doc.secs[0], "k")->line, 4);
    cr_assert_str_eq(fp_ini_find(&doc.secs[0], "m")->value, "3");
    fp_ini_doc_done(&doc);
}

Test(ini, file_reader_names_the_file)
{
    fp_ini_doc doc;
    char err[256] = "";
    cr_assert_not(fp_ini_load_file("/nonexistent/x.ini", FP_INI_STRICT,
                                   &doc, err, sizeof err));
    cr_assert_str_eq(err, "/nonexistent/x.ini: No such file or directory");
}

Test(ini, currency_codes)
{
    char code[4];
    cr_assert(fp_ini_currency("myr", code));
    cr_assert_str_eq(code, "MYR");
    cr_assert_not(fp_ini_currency("EURO", code));
    cr_assert_not(fp_ini_currency("U$D", code));
    cr_assert_not(fp_ini_currency("", code));
}

static void format(char *out, size_t outsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fp_ini_vformat(out, outsz, fmt, ap);
    va_end(ap);
}

Test(ini, message_format_quotes_values_short_and_clean)
{
    char big[300], out[256];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    format(out, sizeof out, "%s: '%s' is not %d%% or %g", "unit", big, 5, 0.5);
    cr_assert(strncmp(out, "unit: 'xxx", 10) == 0, "%s", out);
    cr_assert(strstr(out, "x\xe2\x80\xa6' is not 5% or 0.5"), "%s", out);
    format(out, sizeof out, "[%s] U+%04X", "a\tb\x1b", 0x1bu);
    cr_assert_str_eq(out, "[a?b?] U+001B");
    /* a cut in the middle of a character drops the whole character */
    format(out, 6, "%s", "ab张伟");
    cr_assert_str_eq(out, "ab张");
    format(out, 5, "%s", "ab张伟");
    cr_assert_str_eq(out, "ab");
}

Test(ini, tabs_never_reach_names_or_messages)
{
    static const char t[] = "[a\tb]\n[c]\nk\tx = 1\nv = a\tb\n";
    fp_ini_doc doc = lenient(t, sizeof t - 1);
    cr_assert_eq(doc.nproblems, 2);
    for (int i = 0; i < doc.nproblems; i++)
        cr_assert_null(strchr(doc.problems[i], '\t'), "%s", doc.problems[i]);
    cr_assert_str_eq(fp_ini_find(&doc.secs[0], "v")->value, "a b");
    fp_ini_doc_done(&doc);
}

/* iniparser refuses a line of 1,023 bytes: the reader must refuse it
 * first, with its line, not fail later without one. */
Test(ini, longest_line_iniparser_reads)
{
    char t[1200];
    fp_ini_doc doc;
    char err[256];
    int n = snprintf(t, sizeof t, "[a]\nk = %0996d\n", 7); /* 1,000 bytes */
    cr_assert(fp_ini_parse_mem(t, (size_t)n, "t.ini", FP_INI_STRICT, &doc,
                               err, sizeof err), "%s", err);
    cr_assert_eq(strlen(fp_ini_find(&doc.secs[0], "k")->value), 996);
    fp_ini_doc_done(&doc);
    n = snprintf(t, sizeof t, "[a]\nk = %01019d\n", 7); /* 1,023 bytes */
    expect_strict_error(t, (size_t)n, "t.ini:2: line longer than 1000 bytes");
}
