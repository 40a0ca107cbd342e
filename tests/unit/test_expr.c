/* The formula language: parsing, precedence, missing values, division
 * by zero, error columns, components. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "model/expr.h"

/* KPIs a=0, b=1, c=2, gmv=3, ad_spend=4 */
static const char *ids[] = { "a", "b", "c", "gmv", "ad_spend" };

static int lookup(void *ctx, const char *id, size_t len)
{
    (void)ctx;
    for (int i = 0; i < 5; i++)
        if (strlen(ids[i]) == len && memcmp(ids[i], id, len) == 0)
            return i;
    return -1;
}

static double eval_with(const char *src, const double *vals)
{
    char err[128];
    fp_expr *e = fp_expr_compile(src, lookup, NULL, NULL, err, sizeof err);
    cr_assert_not_null(e, "%s: %s", src, err);
    double v = fp_expr_eval(e, vals);
    fp_expr_free(e);
    return v;
}

static const double row[] = { 6, 3, 2, 1000, 250 };

Test(expr, precedence_and_associativity)
{
    cr_assert_float_eq(eval_with("a + b * c", row), 12, 1e-12);
    cr_assert_float_eq(eval_with("(a + b) * c", row), 18, 1e-12);
    cr_assert_float_eq(eval_with("a - b - c", row), 1, 1e-12);
    cr_assert_float_eq(eval_with("a / b / c", row), 1, 1e-12);
    cr_assert_float_eq(eval_with("gmv / ad_spend", row), 4, 1e-12);
    cr_assert_float_eq(eval_with("ad_spend / gmv * 1000", row), 250, 1e-12);
}

Test(expr, numbers_and_unary_minus)
{
    cr_assert_float_eq(eval_with("-a + 10", row), 4, 1e-12);
    cr_assert_float_eq(eval_with("--a", row), 6, 1e-12);
    cr_assert_float_eq(eval_with("a * -b", row), -18, 1e-12);
    cr_assert_float_eq(eval_with("-(a - c) * 2", row), -8, 1e-12);
    cr_assert_float_eq(eval_with("1.5e3 + .5", row), 1500.5, 1e-12);
    cr_assert_float_eq(eval_with("  a\t*2 ", row), 12, 1e-12);
}

Test(expr, division_by_zero_is_no_value)
{
    const double zero[] = { 5, 0, 0, 0, 0 };
    cr_assert(isnan(eval_with("a / b", zero)));
    cr_assert(isnan(eval_with("b / c", zero)));       /* 0/0 */
    cr_assert(isnan(eval_with("a / (b - 0)", zero)));
    cr_assert(isnan(eval_with("-a / b", zero)));
    cr_assert(isnan(eval_with("1e308 * 10", zero)));  /* never inf */
}

Test(expr, missing_component_is_no_value)
{
    const double miss[] = { 4, NAN, 2, 0, 0 };
    cr_assert(isnan(eval_with("a + b", miss)));
    cr_assert(isnan(eval_with("b * 0", miss)));
    cr_assert_float_eq(eval_with("a / c", miss), 2, 1e-12);
}

static void expect_error(const char *src, int col, const char *needle)
{
    char err[128] = "";
    int ecol = -1;
    fp_expr *e = fp_expr_compile(src, lookup, NULL, &ecol, err, sizeof err);
    cr_assert_null(e, "'%s' should not compile", src);
    cr_assert_eq(ecol, col, "'%s': column %d, expected %d (%s)", src, ecol,
                 col, err);
    cr_assert(strstr(err, needle), "'%s': message '%s' lacks '%s'", src,
              err, needle);
}

Test(expr, errors_name_the_column)
{
    expect_error("orders / clickz", 1, "unknown KPI 'orders'");
    expect_error("a / clickz", 5, "unknown KPI 'clickz'");
    expect_error("a +", 4, "end of formula");
    expect_error("(a + b", 7, "missing ')'");
    expect_error("a b", 3, "unexpected 'b'");
    expect_error("a $ b", 3, "unexpected '$'");
    expect_error("", 1, "empty formula");
    expect_error("a + )", 5, "found ')'");
    expect_error("2a", 2, "after a number");
    expect_error("1.2.3", 4, "after a number");
}

Test(expr, error_column_counts_characters_not_bytes)
{
    char err[128];
    int col = 0;
    /* "é" is two bytes but one column */
    cr_assert_null(fp_expr_compile("a +é", lookup, NULL, &col, err,
                                   sizeof err));
    cr_assert_eq(col, 4);
    cr_assert(strstr(err, "column 4:"), "%s", err);
}

Test(expr, too_deep_is_refused_not_crashing)
{
    char src[400];
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        src[n++] = '(';
    src[n++] = 'a';
    for (int i = 0; i < 100; i++)
        src[n++] = ')';
    src[n] = '\0';
    char err[128];
    cr_assert_null(fp_expr_compile(src, lookup, NULL, NULL, err, sizeof err));
    cr_assert(strstr(err, "deeply") || strstr(err, "complex"), "%s", err);
}

Test(expr, components_are_distinct_in_order_of_use)
{
    char err[128];
    fp_expr *e = fp_expr_compile("(gmv - a) / gmv + c * a", lookup, NULL,
                                 NULL, err, sizeof err);
    cr_assert_not_null(e, "%s", err);
    cr_assert_eq(fp_expr_ncomponents(e), 3);
    const int *c = fp_expr_components(e);
    cr_assert_eq(c[0], 3);
    cr_assert_eq(c[1], 0);
    cr_assert_eq(c[2], 2);
    cr_assert(fp_expr_uses(e, 2));
    cr_assert_not(fp_expr_uses(e, 1));
    fp_expr_free(e);
}
