/* Numbers as platforms export them. */
#include <criterion/criterion.h>
#include <math.h>

#include "model/number.h"

static void assert_value(const char *text, bool percent, double expected)
{
    double v = -12345;
    const char *why = "unset";
    fp_num_status st = fp_parse_value(text, percent, &v, &why);
    cr_assert_eq(st, FP_NUM_OK, "'%s' gave status %d (%s)", text, st,
                 why ? why : "");
    cr_assert_eq(v, expected, "'%s' gave %.17g, expected %.17g", text, v,
                 expected);
}

static void assert_status(const char *text, bool percent, fp_num_status want)
{
    double v = -12345;
    const char *why = NULL;
    fp_num_status st = fp_parse_value(text, percent, &v, &why);
    cr_assert_eq(st, want, "'%s' gave status %d, expected %d", text, st,
                 want);
    cr_assert_eq(v, -12345, "'%s' wrote a value", text);
    cr_assert_not_null(why, "'%s' gave no reason", text);
}

Test(number, plain)
{
    assert_value("0", false, 0);
    assert_value("42", false, 42);
    assert_value("1234.5", false, 1234.5);
    assert_value("0.1", false, 0.1);
    assert_value(".5", false, 0.5);
    assert_value("  17 ", false, 17);
    assert_value("007", false, 7);
    assert_value("12.500", false, 12.5);
}

Test(number, signs)
{
    assert_value("-3", false, -3);
    assert_value("+3", false, 3);
    assert_value("-RM12.50", false, -12.5);
    assert_value("RM-12.50", false, -12.5);
    assert_value("\xe2\x88\x92" "5", false, -5); /* U+2212 minus */
    double v = 1;
    cr_assert_eq(fp_parse_value("-0", false, &v, NULL), FP_NUM_OK);
    cr_assert_eq(v, 0);
    cr_assert_not(signbit(v), "-0 should be stored as 0");
}

Test(number, grouping_commas)
{
    assert_value("1,234.50", false, 1234.5);
    assert_value("1,234", false, 1234);
    assert_value("12,345,678", false, 12345678);
    assert_value("999,999.99", false, 999999.99);
}

Test(number, currency_markers)
{
    assert_value("RM1,234.50", false, 1234.5);
    assert_value("RM 1,234.50", false, 1234.5);
    assert_value("rm1,234.50", false, 1234.5);
    assert_value("\xe0\xb8\xbf" "980", false, 980);         /* ฿980 */
    assert_value("980 \xe0\xb8\x9a\xe0\xb8\xb2\xe0\xb8\x97", false, 980);
    assert_value("\xe2\x82\xb1" "1,500.25", false, 1500.25); /* ₱ */
    assert_value("$12.99", false, 12.99);
    assert_value("S$12.99", false, 12.99);
    assert_value("USD 12.99", false, 12.99);
    assert_value("12.99 USD", false, 12.99);
    assert_value("THB\xc2\xa0" "1,000", false, 1000);       /* NBSP */
    assert_value("1,000 \xe2\x82\xab", false, 1000);         /* ₫ */
    assert_value("Rp12,500", false, 12500);
    assert_value("Rp 12500", false, 12500);
    assert_value("$0.500", false, 0.5);
    assert_value("RM1.50", false, 1.5);
}

Test(number, percent)
{
    assert_value("12.5%", true, 0.125);
    assert_value("12.5", true, 0.125);
    assert_value("12.5 %", true, 0.125);
    assert_value("100%", true, 1);
    assert_value("0%", true, 0);
    assert_value("3.25\xef\xbc\x85", true, 0.0325); /* full-width % */
    assert_status("12.5%", false, FP_NUM_BAD);
}

Test(number, empty)
{
    double v = 7;
    cr_assert_eq(fp_parse_value("", false, &v, NULL), FP_NUM_EMPTY);
    cr_assert_eq(fp_parse_value("   ", false, &v, NULL), FP_NUM_EMPTY);
    cr_assert_eq(fp_parse_value("\xc2\xa0", true, &v, NULL), FP_NUM_EMPTY);
    cr_assert_eq(fp_parse_value(NULL, false, &v, NULL), FP_NUM_EMPTY);
    cr_assert_eq(v, 7);
}

Test(number, ambiguous_separators)
{
    assert_status("Rp12.500", false, FP_NUM_AMBIGUOUS);
    assert_status("Rp 1.500.000", false, FP_NUM_AMBIGUOUS);
    assert_status("1.234.567", false, FP_NUM_AMBIGUOUS);
    assert_status("1.234,50", false, FP_NUM_AMBIGUOUS);
    assert_status("12,5", false, FP_NUM_AMBIGUOUS);
    assert_status("1,23", false, FP_NUM_AMBIGUOUS);
    assert_status("1234,567", false, FP_NUM_AMBIGUOUS);
    assert_status("RM1.500", false, FP_NUM_AMBIGUOUS);
    assert_status("12,5%", true, FP_NUM_AMBIGUOUS);
}

Test(number, garbage)
{
    const char *bad[] = {"abc", "inf", "-inf", "nan", "NaN", "infinity",
                         "0x1F", "1e5", "1E-3", "12abc", "12 34", "1..2",
                         "1.2.3", "12.", "1,", ",5", "-", "--5", "RM",
                         "RMRM5", "(12)", "12-", "%5", "5%%x", "1,2,3.4.5",
                         "12/5", "\xe4\xb8\x89", "1,234,56",
                         "1234567890123456789012345678901234567890123"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = -12345;
        fp_num_status st = fp_parse_value(bad[i], true, &v, NULL);
        cr_assert(st == FP_NUM_BAD || st == FP_NUM_AMBIGUOUS,
                  "'%s' accepted as %g", bad[i], v);
        cr_assert_eq(v, -12345, "'%s' wrote a value", bad[i]);
    }
    assert_status("1e5", false, FP_NUM_BAD);
    assert_status("nan", false, FP_NUM_BAD);
    assert_status("0x10", false, FP_NUM_BAD);
}

Test(number, precision)
{
    assert_value("1234567.89", false, 1234567.89);
    assert_value("0.3", false, 0.3);
    assert_value("99.99%", true, 0.9999);
    assert_value("1,234,567,890.12", false, 1234567890.12);
}
