/* ISO 8601 weeks and calendar dates. Plain C, no allocation. */
#include "model/week.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#define FP_WEEK_MIN_YEAR 1000
#define FP_WEEK_MAX_YEAR 9999

/* Floor division and modulo: C's / and % truncate towards zero. */
static long floor_div(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static long floor_mod(long a, long b)
{
    return a - floor_div(a, b) * b;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, with March as the first month of the computing year. */
long fp_days_from_civil(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = floor_div(yy, 400);
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void fp_civil_from_days(long days, int *y, int *m, int *d)
{
    long z = days + 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

/* 1 = Monday ... 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int iso_weekday(long days)
{
    return (int)floor_mod(days + 3, 7) + 1;
}

/* Monday of ISO week 1: the week that holds 4 January. */
static long week1_monday(int year)
{
    long jan4 = fp_days_from_civil(year, 1, 4);
    return jan4 - (iso_weekday(jan4) - 1);
}

int fp_iso_weeks_in_year(int year)
{
    /* 28 December is always in the last ISO week of its year. */
    long dec28 = fp_days_from_civil(year, 12, 28);
    return (int)((dec28 - week1_monday(year)) / 7) + 1;
}

bool fp_week_valid(fp_week week)
{
    int year = week / 100, num = week % 100;
    if (year < FP_WEEK_MIN_YEAR || year > FP_WEEK_MAX_YEAR)
        return false;
    return num >= 1 && num <= fp_iso_weeks_in_year(year);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s; false if any is not a digit. */
static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool fp_week_parse(const char *text, fp_week *out)
{
    int year, num;
    if (text == NULL || !read_digits(text, 4, &year))
        return false;
    const char *p = text + 4;
    if (*p == '-')
        p++;
    if (*p != 'W' && *p != 'w')
        return false;
    p++;
    if (!read_digits(p, 2, &num) || p[2] != '\0')
        return false;
    fp_week w = year * 100 + num;
    if (!fp_week_valid(w))
        return false;
    *out = w;
    return true;
}

void fp_week_format(fp_week week, char *out)
{
    int year = week / 100, num = week % 100;
    if (year < 0 || year > 9999 || num < 0) {
        year = 0;
        num = 0;
    }
    out[0] = (char)('0' + year / 1000 % 10);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = 'W';
    out[6] = (char)('0' + num / 10 % 10);
    out[7] = (char)('0' + num % 10);
    out[8] = '\0';
}

long fp_week_monday(fp_week week)
{
    return week1_monday(week / 100) + 7L * (week % 100 - 1);
}

static fp_week week_of_days(long days)
{
    /* The ISO year is the year of the week's Thursday. */
    long thursday = days - iso_weekday(days) + 4;
    int y, m, d;
    fp_civil_from_days(thursday, &y, &m, &d);
    long jan1 = fp_days_from_civil(y, 1, 1);
    return y * 100 + (int)((thursday - jan1) / 7) + 1;
}

fp_week fp_week_of_date(int y, int m, int d)
{
    return week_of_days(fp_days_from_civil(y, m, d));
}

fp_week fp_week_add(fp_week week, int delta)
{
    return week_of_days(fp_week_monday(week) + 7L * delta);
}

fp_week fp_week_prev(fp_week week)
{
    return fp_week_add(week, -1);
}

fp_week fp_week_next(fp_week week)
{
    return fp_week_add(week, 1);
}

int fp_week_diff(fp_week a, fp_week b)
{
    return (int)((fp_week_monday(a) - fp_week_monday(b)) / 7);
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads 1 or 2 digits (Excel writes 2026/1/5); returns chars used. */
static int read_small(const char *s, int *out)
{
    if (!is_digit(s[0]))
        return 0;
    if (is_digit(s[1])) {
        *out = (s[0] - '0') * 10 + (s[1] - '0');
        return 2;
    }
    *out = s[0] - '0';
    return 1;
}

bool fp_date_parse(const char *text, int *y, int *m, int *d)
{
    int year, month, day, n;
    if (text == NULL || !read_digits(text, 4, &year))
        return false;
    char sep = text[4];
    if (sep != '-' && sep != '/')
        return false;
    const char *p = text + 5;
    if ((n = read_small(p, &month)) == 0 || p[n] != sep)
        return false;
    p += n + 1;
    if ((n = read_small(p, &day)) == 0 || p[n] != '\0')
        return false;
    if (year < FP_WEEK_MIN_YEAR || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return false;
    *y = year;
    *m = month;
    *d = day;
    return true;
}

/* " HH:MM", " HH:MM:SS" (also with a 'T', fractions of a second) or
 * nothing at s: the time of day of a date-time, which does not count. */
static bool time_of_day_ok(const char *s)
{
    int h, m, sec, n;
    if (*s == '\0')
        return true;
    if (*s != ' ' && *s != 'T')
        return false;
    s++;
    if ((n = read_small(s, &h)) == 0 || s[n] != ':' || h > 24 ||
        !read_digits(s + n + 1, 2, &m) || m > 59)
        return false;
    s += n + 3;
    if (*s == ':') {
        if (!read_digits(s + 1, 2, &sec) || sec > 60)
            return false;
        s += 3;
        if (*s == '.')
            for (s++; is_digit(*s); s++)
                ;
    }
    return *s == '\0';
}

/* D/M/YYYY or M/D/YYYY ('/', '-' or '.' between): *end after it. */
static bool day_month_year(const char *text, bool day_first, int *y, int *m,
                           int *d, const char **end)
{
    int a, b, n;
    const char *p = text;
    if ((n = read_small(p, &a)) == 0)
        return false;
    char sep = p[n];
    if (sep != '/' && sep != '-' && sep != '.')
        return false;
    p += n + 1;
    if ((n = read_small(p, &b)) == 0 || p[n] != sep ||
        !read_digits(p + n + 1, 4, y))
        return false;
    *d = day_first ? a : b;
    *m = day_first ? b : a;
    *end = p + n + 5;
    return true;
}

/* YYYY-M-D or YYYY/M/D: *end after it. */
static bool year_month_day(const char *text, int *y, int *m, int *d,
                           const char **end)
{
    int n;
    if (!read_digits(text, 4, y))
        return false;
    char sep = text[4];
    if (sep != '-' && sep != '/')
        return false;
    const char *p = text + 5;
    if ((n = read_small(p, m)) == 0 || p[n] != sep)
        return false;
    p += n + 1;
    if ((n = read_small(p, d)) == 0)
        return false;
    *end = p + n;
    return true;
}

bool fp_date_parse_order(const char *text, fp_date_order order, int *y,
                         int *m, int *d)
{
    int year, month, day;
    const char *end;
    bool ok;
    if (text == NULL)
        return false;
    if (order == FP_DATE_AUTO || order == FP_DATE_YMD)
        ok = year_month_day(text, &year, &month, &day, &end);
    else
        ok = day_month_year(text, order == FP_DATE_DMY, &year, &month, &day,
                            &end);
    if (!ok || !time_of_day_ok(end) || year < FP_WEEK_MIN_YEAR ||
        month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return false;
    *y = year;
    *m = month;
    *d = day;
    return true;
}

bool fp_date_order_parse(const char *name, fp_date_order *out)
{
    static const struct { const char *name; fp_date_order order; } names[] = {
        {"YYYY-MM-DD", FP_DATE_YMD}, {"YYYY/MM/DD", FP_DATE_YMD},
        {"DD/MM/YYYY", FP_DATE_DMY}, {"DD-MM-YYYY", FP_DATE_DMY},
        {"DD.MM.YYYY", FP_DATE_DMY}, {"MM/DD/YYYY", FP_DATE_MDY},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].order;
            return true;
        }
    return false;
}

bool fp_week_parse_near(const char *text, fp_week near, bool ahead,
                        fp_week *out)
{
    if (fp_week_parse(text, out))
        return true;
    if (*text == 'W' || *text == 'w')
        text++;
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 1 || n > 53)
        return false;
    *out = near / 100 * 100 + (int)n;
    if (ahead && *out < near)
        *out += 100;
    return fp_week_valid(*out);
}

/* ---- periods ---------------------------------------------------------- */

#define CODE_MONTH 60
#define CODE_QUARTER 80

/* Month (1-12) of the week's Thursday. */
static int month_of_week(fp_week week)
{
    int y, m, d;
    fp_civil_from_days(fp_week_monday(week) + 3, &y, &m, &d);
    return m;
}

fp_period fp_period_at(fp_week week, fp_period_kind kind)
{
    fp_period p = { kind, week / 100, week % 100 };
    if (kind == FP_PERIOD_MONTH)
        p.num = month_of_week(week);
    else if (kind == FP_PERIOD_QUARTER)
        p.num = (month_of_week(week) - 1) / 3 + 1;
    return p;
}

fp_period fp_period_of_week(fp_week week)
{
    return fp_period_at(week, FP_PERIOD_WEEK);
}

static bool period_valid(fp_period p)
{
    if (p.kind == FP_PERIOD_WEEK)
        return fp_week_valid(p.year * 100 + p.num);
    if (p.year < FP_WEEK_MIN_YEAR || p.year > FP_WEEK_MAX_YEAR)
        return false;
    return p.num >= 1 && p.num <= (p.kind == FP_PERIOD_MONTH ? 12 : 4);
}

/* First month of p (a quarter's first month). */
static int first_month(fp_period p)
{
    return p.kind == FP_PERIOD_QUARTER ? (p.num - 1) * 3 + 1 : p.num;
}

fp_week fp_period_first(fp_period p)
{
    if (p.kind == FP_PERIOD_WEEK)
        return p.year * 100 + p.num;
    /* the week of the month's first Thursday */
    long day1 = fp_days_from_civil(p.year, first_month(p), 1);
    long thursday = day1 + floor_mod(4 - iso_weekday(day1), 7);
    return week_of_days(thursday);
}

fp_week fp_period_last(fp_period p)
{
    if (p.kind == FP_PERIOD_WEEK)
        return p.year * 100 + p.num;
    return fp_week_prev(fp_period_first(fp_period_add(p, 1)));
}

int fp_period_nweeks(fp_period p)
{
    return fp_week_diff(fp_period_last(p), fp_period_first(p)) + 1;
}

fp_period fp_period_add(fp_period p, int delta)
{
    if (p.kind == FP_PERIOD_WEEK)
        return fp_period_of_week(fp_week_add(p.year * 100 + p.num, delta));
    int per_year = p.kind == FP_PERIOD_MONTH ? 12 : 4;
    long i = (long)p.year * per_year + (p.num - 1) + delta;
    p.year = (int)floor_div(i, per_year);
    p.num = (int)floor_mod(i, per_year) + 1;
    return p;
}

int fp_period_code(fp_period p)
{
    int base = p.kind == FP_PERIOD_MONTH ? CODE_MONTH
             : p.kind == FP_PERIOD_QUARTER ? CODE_QUARTER : 0;
    return p.year * 100 + base + p.num;
}

bool fp_period_from_code(int code, fp_period *out)
{
    int rest = code % 100;
    fp_period p = { FP_PERIOD_WEEK, code / 100, rest };
    if (rest > CODE_QUARTER) {
        p.kind = FP_PERIOD_QUARTER;
        p.num = rest - CODE_QUARTER;
    } else if (rest > CODE_MONTH) {
        p.kind = FP_PERIOD_MONTH;
        p.num = rest - CODE_MONTH;
    }
    if (code <= 0 || !period_valid(p))
        return false;
    *out = p;
    return true;
}

bool fp_period_parse(const char *text, fp_period *out)
{
    fp_week w;
    int year, num;
    if (fp_week_parse(text, &w)) {
        *out = fp_period_of_week(w);
        return true;
    }
    if (text == NULL || !read_digits(text, 4, &year) || text[4] != '-')
        return false;
    const char *p = text + 5;
    fp_period_kind kind = FP_PERIOD_MONTH;
    if (*p == 'Q' || *p == 'q') {
        kind = FP_PERIOD_QUARTER;
        p++;
        if (!read_digits(p, 1, &num) || p[1] != '\0')
            return false;
    } else if (!read_digits(p, 2, &num) || p[2] != '\0')
        return false;
    fp_period r = { kind, year, num };
    if (!period_valid(r))
        return false;
    *out = r;
    return true;
}

void fp_period_format(fp_period p, char *out)
{
    if (p.kind == FP_PERIOD_WEEK) {
        fp_week_format(p.year * 100 + p.num, out);
        return;
    }
    int y = p.year >= 0 && p.year <= 9999 ? p.year : 0;
    int n = p.num >= 0 && p.num <= 99 ? p.num : 0;
    if (p.kind == FP_PERIOD_QUARTER)
        snprintf(out, FP_PERIOD_STR, "%04d-Q%d", y, n % 10);
    else
        snprintf(out, FP_PERIOD_STR, "%04d-%02d", y, n);
}

void fp_period_label(fp_period p, char *out)
{
    char name[FP_PERIOD_STR];
    fp_period_format(p, name);
    if (p.kind == FP_PERIOD_WEEK) {
        snprintf(out, FP_PERIOD_LABEL, "%s", name);
        return;
    }
    snprintf(out, FP_PERIOD_LABEL, "%s (W%02d-W%02d)", name,
             fp_period_first(p) % 100, fp_period_last(p) % 100);
}

void fp_day_format(long days, char out[11])
{
    int y, m, d;
    fp_civil_from_days(days, &y, &m, &d);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}
