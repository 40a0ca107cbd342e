/* ISO 8601 weeks and dates: hand-checked against a calendar. */
#include <criterion/criterion.h>

#include "model/week.h"

static fp_week parse_ok(const char *text)
{
    fp_week w = -1;
    cr_assert(fp_week_parse(text, &w), "should parse: %s", text);
    return w;
}

static void assert_formats(fp_week w, const char *expected)
{
    char buf[FP_WEEK_STR];
    fp_week_format(w, buf);
    cr_assert_str_eq(buf, expected);
}

Test(week, parse_and_format)
{
    cr_assert_eq(parse_ok("2026-W47"), 202647);
    cr_assert_eq(parse_ok("2026W47"), 202647);
    cr_assert_eq(parse_ok("2026-w01"), 202601);
    assert_formats(202647, "2026-W47");
    assert_formats(202601, "2026-W01");
}

Test(week, parse_rejects_malformed)
{
    const char *bad[] = {"", "2026", "2026-47", "2026-W7", "2026-W470",
                         "26-W47", "2026-W00", "2026-W54", "2026-W4x",
                         " 2026-W47", "2026-W47 ", "2026--W47", "abcd-W01"};
    fp_week w = 12345;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_not(fp_week_parse(bad[i], &w), "accepted '%s'", bad[i]);
        cr_assert_eq(w, 12345, "wrote the output for '%s'", bad[i]);
    }
    cr_assert_not(fp_week_parse(NULL, &w));
}

Test(week, years_with_53_weeks)
{
    /* A year has 53 weeks when 1 January is a Thursday, or a Wednesday
     * in a leap year: 2015 (Thu), 2020 (Wed, leap), 2026 (Thu). */
    cr_assert_eq(fp_iso_weeks_in_year(2026), 53);
    cr_assert_eq(fp_iso_weeks_in_year(2020), 53);
    cr_assert_eq(fp_iso_weeks_in_year(2015), 53);
    cr_assert_eq(fp_iso_weeks_in_year(2025), 52);
    cr_assert_eq(fp_iso_weeks_in_year(2024), 52);
    cr_assert_eq(fp_iso_weeks_in_year(2027), 52);
    cr_assert_eq(fp_iso_weeks_in_year(2021), 52);
}

Test(week, w53_exists_only_in_long_years)
{
    fp_week w;
    cr_assert(fp_week_parse("2026-W53", &w));
    cr_assert(fp_week_parse("2020-W53", &w));
    cr_assert_not(fp_week_parse("2025-W53", &w));
    cr_assert_not(fp_week_parse("2027-W53", &w));
    cr_assert(fp_week_valid(202653));
    cr_assert_not(fp_week_valid(202553));
    cr_assert_not(fp_week_valid(202600));
}

Test(week, next_and_prev_across_years)
{
    cr_assert_eq(fp_week_next(202652), 202653);
    cr_assert_eq(fp_week_next(202653), 202701);
    cr_assert_eq(fp_week_prev(202701), 202653);
    cr_assert_eq(fp_week_next(202552), 202601);
    cr_assert_eq(fp_week_prev(202601), 202552);
    cr_assert_eq(fp_week_prev(202101), 202053);
    cr_assert_eq(fp_week_add(202647, 10), 202704);
    cr_assert_eq(fp_week_add(202647, -47), 202552);
}

Test(week, diff)
{
    cr_assert_eq(fp_week_diff(202701, 202652), 2);
    cr_assert_eq(fp_week_diff(202601, 202552), 1);
    cr_assert_eq(fp_week_diff(202647, 202647), 0);
    cr_assert_eq(fp_week_diff(202552, 202701), -54);
}

Test(week, week_of_dates_near_new_year)
{
    cr_assert_eq(fp_week_of_date(2024, 12, 30), 202501);
    cr_assert_eq(fp_week_of_date(2024, 12, 29), 202452);
    cr_assert_eq(fp_week_of_date(2027, 1, 1), 202653);
    cr_assert_eq(fp_week_of_date(2027, 1, 3), 202653);
    cr_assert_eq(fp_week_of_date(2027, 1, 4), 202701);
    cr_assert_eq(fp_week_of_date(2021, 1, 3), 202053);
    cr_assert_eq(fp_week_of_date(2026, 1, 1), 202601);
    cr_assert_eq(fp_week_of_date(2025, 12, 29), 202601);
    cr_assert_eq(fp_week_of_date(2026, 11, 16), 202647);
    cr_assert_eq(fp_week_of_date(2026, 11, 22), 202647);
    cr_assert_eq(fp_week_of_date(2026, 11, 23), 202648);
}

Test(week, monday_and_sunday)
{
    int y, m, d;
    fp_civil_from_days(fp_week_monday(202647), &y, &m, &d);
    cr_assert(y == 2026 && m == 11 && d == 16, "got %d-%d-%d", y, m, d);
    fp_civil_from_days(fp_week_monday(202647) + 6, &y, &m, &d);
    cr_assert(y == 2026 && m == 11 && d == 22, "got %d-%d-%d", y, m, d);
    fp_civil_from_days(fp_week_monday(202501), &y, &m, &d);
    cr_assert(y == 2024 && m == 12 && d == 30, "got %d-%d-%d", y, m, d);
    fp_civil_from_days(fp_week_monday(202653) + 6, &y, &m, &d);
    cr_assert(y == 2027 && m == 1 && d == 3, "got %d-%d-%d", y, m, d);
}

Test(week, civil_days_round_trip)
{
    cr_assert_eq(fp_days_from_civil(1970, 1, 1), 0);
    cr_assert_eq(fp_days_from_civil(1970, 1, 2), 1);
    cr_assert_eq(fp_days_from_civil(1969, 12, 31), -1);
    cr_assert_eq(fp_days_from_civil(2000, 3, 1), 11017);
    for (long day = -800000; day < 800000; day += 997) {
        int y, m, d;
        fp_civil_from_days(day, &y, &m, &d);
        cr_assert_eq(fp_days_from_civil(y, m, d), day);
    }
}

Test(week, date_parse)
{
    int y = 0, m = 0, d = 0;
    cr_assert(fp_date_parse("2026-11-16", &y, &m, &d));
    cr_assert(y == 2026 && m == 11 && d == 16);
    cr_assert(fp_date_parse("2026/11/17", &y, &m, &d));
    cr_assert(y == 2026 && m == 11 && d == 17);
    cr_assert(fp_date_parse("2026/1/5", &y, &m, &d));
    cr_assert(y == 2026 && m == 1 && d == 5);
    cr_assert(fp_date_parse("2024-02-29", &y, &m, &d));
    cr_assert(fp_date_parse("2000-02-29", &y, &m, &d));
}

Test(week, date_parse_rejects)
{
    const char *bad[] = {"", "2026-11", "2026-13-01", "2026-00-10",
                         "2026-11-31", "2025-02-29", "1900-02-29",
                         "2026-11/16", "2026.11.16", "16/11/2026",
                         "2026-11-16x", "2026-011-16", "2026-11-160",
                         "2026-W47"};
    int y = -1, m = -1, d = -1;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_not(fp_date_parse(bad[i], &y, &m, &d), "accepted %s",
                      bad[i]);
    cr_assert(y == -1 && m == -1 && d == -1);
}

Test(week, typed_near_a_week)
{
    fp_week w;
    cr_assert(fp_week_parse_near("2026-W45", 202650, false, &w));
    cr_assert_eq(w, 202645);
    cr_assert(fp_week_parse_near("W45", 202650, false, &w));
    cr_assert_eq(w, 202645);
    cr_assert(fp_week_parse_near("3", 202650, false, &w));
    cr_assert_eq(w, 202603);
    cr_assert(fp_week_parse_near("w2", 202650, true, &w));
    cr_assert_eq(w, 202702, "a due week ahead of W50 is next year's");
    cr_assert(fp_week_parse_near("53", 202601, false, &w));
    cr_assert_eq(w, 202653);
    cr_assert_not(fp_week_parse_near("53", 202501, false, &w),
                  "2025 has no W53");
    cr_assert_not(fp_week_parse_near("W", 202650, false, &w));
    cr_assert_not(fp_week_parse_near("54", 202650, false, &w));
    cr_assert_not(fp_week_parse_near("4x", 202650, false, &w));
}
