/* Months and quarters made of whole ISO weeks (the Thursday rule),
 * hand-checked against a calendar: 2026-01-01 and 2026-10-01 are
 * Thursdays, 2026-11-01 a Sunday, 2027-01-01 a Friday. */
#include <criterion/criterion.h>

#include "model/week.h"

static fp_period parse_ok(const char *text)
{
    fp_period p = {0, 0, 0};
    cr_assert(fp_period_parse(text, &p), "should parse: %s", text);
    return p;
}

static void assert_round_trip(const char *text)
{
    char buf[FP_PERIOD_STR];
    fp_period_format(parse_ok(text), buf);
    cr_assert_str_eq(buf, text);
}

Test(period, parse_and_format)
{
    fp_period p = parse_ok("2026-11");
    cr_assert_eq(p.kind, FP_PERIOD_MONTH);
    cr_assert_eq(p.year, 2026);
    cr_assert_eq(p.num, 11);
    p = parse_ok("2026-Q4");
    cr_assert_eq(p.kind, FP_PERIOD_QUARTER);
    cr_assert_eq(p.num, 4);
    p = parse_ok("2026-W47");
    cr_assert_eq(p.kind, FP_PERIOD_WEEK);
    cr_assert_eq(p.num, 47);
    assert_round_trip("2026-11");
    assert_round_trip("2026-01");
    assert_round_trip("2026-Q4");
    assert_round_trip("2027-W01");
}

Test(period, parse_rejects_malformed)
{
    const char *bad[] = {"", "2026", "2026-13", "2026-00", "2026-1",
                         "2026-Q5", "2026-Q0", "2026-Q", "2026-Q41",
                         "2026-111", "2025-W53", "2026/11", " 2026-11"};
    fp_period p = {FP_PERIOD_WEEK, 7, 7};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_not(fp_period_parse(bad[i], &p), "accepted '%s'", bad[i]);
        cr_assert_eq(p.year, 7, "wrote the output for '%s'", bad[i]);
    }
    cr_assert_not(fp_period_parse(NULL, &p));
}

Test(period, month_is_the_weeks_whose_thursday_it_holds)
{
    fp_period nov = parse_ok("2026-11");
    /* Thu 5 Nov is in W45; Thu 26 Nov in W48; Thu 3 Dec in W49 */
    cr_assert_eq(fp_period_first(nov), 202645);
    cr_assert_eq(fp_period_last(nov), 202648);
    cr_assert_eq(fp_period_nweeks(nov), 4);
    /* W44 (Mon 26 Oct - Sun 1 Nov) holds Thu 29 Oct: October's */
    cr_assert_eq(fp_period_at(202644, FP_PERIOD_MONTH).num, 10);
    cr_assert_eq(fp_period_at(202645, FP_PERIOD_MONTH).num, 11);
    fp_period oct = parse_ok("2026-10");
    cr_assert_eq(fp_period_first(oct), 202640);
    cr_assert_eq(fp_period_last(oct), 202644);
    cr_assert_eq(fp_period_nweeks(oct), 5);
}

Test(period, year_edges_w53_and_w01)
{
    /* 2026-W53 is Mon 28 Dec 2026 - Sun 3 Jan 2027; Thursday 31 Dec */
    fp_period m = fp_period_at(202653, FP_PERIOD_MONTH);
    cr_assert_eq(m.year, 2026);
    cr_assert_eq(m.num, 12);
    cr_assert_eq(fp_period_last(m), 202653);
    cr_assert_eq(fp_period_at(202653, FP_PERIOD_QUARTER).num, 4);
    /* 2027-W01 (Mon 4 Jan) is January 2027's first week */
    m = fp_period_at(202701, FP_PERIOD_MONTH);
    cr_assert_eq(m.year, 2027);
    cr_assert_eq(m.num, 1);
    cr_assert_eq(fp_period_first(m), 202701);
    /* 2026-W01 (Mon 29 Dec 2025, Thu 1 Jan 2026) is January 2026's */
    m = fp_period_at(202601, FP_PERIOD_MONTH);
    cr_assert_eq(m.year, 2026);
    cr_assert_eq(m.num, 1);
    fp_period q = parse_ok("2026-Q4");
    cr_assert_eq(fp_period_first(q), 202640);
    cr_assert_eq(fp_period_last(q), 202653);
    cr_assert_eq(fp_period_nweeks(q), 14);
    /* Thursdays 7 Jan - 25 Mar 2027: twelve; 1 Apr 2027 is in Q2 */
    cr_assert_eq(fp_period_nweeks(parse_ok("2027-Q1")), 12);
    cr_assert_eq(fp_period_first(parse_ok("2027-Q2")), 202713);
}

Test(period, step_and_code)
{
    fp_period p = fp_period_add(parse_ok("2026-12"), 1);
    cr_assert_eq(p.year, 2027);
    cr_assert_eq(p.num, 1);
    p = fp_period_add(parse_ok("2026-Q1"), -1);
    cr_assert_eq(p.year, 2025);
    cr_assert_eq(p.num, 4);
    p = fp_period_add(parse_ok("2026-W53"), 1);
    cr_assert_eq(p.year, 2027);
    cr_assert_eq(p.num, 1);
    const char *all[] = {"2026-W47", "2026-11", "2026-Q4", "2026-12"};
    for (size_t i = 0; i < 4; i++) {
        fp_period a = parse_ok(all[i]), b;
        cr_assert(fp_period_from_code(fp_period_code(a), &b));
        cr_assert_eq(a.kind, b.kind);
        cr_assert_eq(a.num, b.num);
    }
    cr_assert_eq(fp_period_code(parse_ok("2026-W47")), 202647);
    cr_assert_eq(fp_period_code(parse_ok("2026-11")), 202671);
    cr_assert_eq(fp_period_code(parse_ok("2026-Q4")), 202684);
}

Test(period, label_says_which_weeks)
{
    char buf[FP_PERIOD_LABEL];
    fp_period_label(parse_ok("2026-11"), buf);
    cr_assert_str_eq(buf, "2026-11 (W45-W48)");
    fp_period_label(parse_ok("2026-Q4"), buf);
    cr_assert_str_eq(buf, "2026-Q4 (W40-W53)");
    fp_period_label(parse_ok("2026-W47"), buf);
    cr_assert_str_eq(buf, "2026-W47");
}
