/* ISO 8601 weeks and calendar dates. Plain C, no allocation.
 * A week is encoded as year*100 + week number: 2026-W47 is 202647. */
#ifndef FUPAN_MODEL_WEEK_H
#define FUPAN_MODEL_WEEK_H

#include <stdbool.h>

typedef int fp_week;

#define FP_WEEK_STR 9 /* "2026-W47" plus NUL */

/* Parses "YYYY-Www" (also "YYYYWww"); false for malformed text and for
 * weeks that do not exist (2025-W53). */
bool fp_week_parse(const char *text, fp_week *out);
/* Parses what a person types for a week: "2026-W45", "W45", "w45" or
 * "45" (in the year of `near`). With ahead, a bare week number before
 * `near` means next year's (W02 said in W50). */
bool fp_week_parse_near(const char *text, fp_week near, bool ahead,
                        fp_week *out);
/* Writes "YYYY-Www" into out (at least FP_WEEK_STR bytes). */
void fp_week_format(fp_week week, char *out);
bool fp_week_valid(fp_week week);
/* 52 or 53. */
int fp_iso_weeks_in_year(int year);
fp_week fp_week_add(fp_week week, int delta);
fp_week fp_week_prev(fp_week week);
fp_week fp_week_next(fp_week week);
/* a - b in weeks. */
int fp_week_diff(fp_week a, fp_week b);

/* Days since 1970-01-01 (proleptic Gregorian) and back. */
long fp_days_from_civil(int y, int m, int d);
void fp_civil_from_days(long days, int *y, int *m, int *d);
/* "YYYY-MM-DD" of days since the epoch (out: 11 bytes with NUL). */
void fp_day_format(long days, char out[11]);
/* Parses "YYYY-MM-DD" or "YYYY/MM/DD", validating the day of month. */
bool fp_date_parse(const char *text, int *y, int *m, int *d);

/* The order of a date's parts in an imported file. */
typedef enum {
    FP_DATE_AUTO,   /* YYYY-MM-DD or YYYY/MM/DD (as FP_DATE_YMD) */
    FP_DATE_YMD,
    FP_DATE_DMY,    /* DD/MM/YYYY (also '-' or '.'): most markets */
    FP_DATE_MDY     /* MM/DD/YYYY */
} fp_date_order;
/* A date in that order, with or without a time of day after a blank or
 * a 'T' (HH:MM, HH:MM:SS): only the date part counts. */
bool fp_date_parse_order(const char *text, fp_date_order order, int *y,
                         int *m, int *d);
/* "YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY",
 * "MM/DD/YYYY" (any case). False for anything else. */
bool fp_date_order_parse(const char *name, fp_date_order *out);
fp_week fp_week_of_date(int y, int m, int d);
/* Monday of the week as days since the epoch; Sunday is +6. */
long fp_week_monday(fp_week week);

/* ---- periods: a week, a month or a quarter, made of whole ISO weeks ----
 * A week belongs to the month that holds its Thursday (the rule that
 * also gives a week its ISO year): 2026-11 is W45-W48, 2026-Q4 (its three
 * months) W40-W53, and 2026-W53 belongs to 2026-12, 2027-W01 to 2027-01. */
typedef enum { FP_PERIOD_WEEK = 0, FP_PERIOD_MONTH, FP_PERIOD_QUARTER }
    fp_period_kind;

typedef struct {
    fp_period_kind kind;
    int year;
    int num;             /* week 1-53, month 1-12 or quarter 1-4 */
} fp_period;

#define FP_PERIOD_STR 9  /* "2026-W47", "2026-11", "2026-Q4" plus NUL */
#define FP_PERIOD_MAX_WEEKS 14 /* a quarter has 12 to 14 weeks */

/* Parses "2026-W47" (also "2026W47"), "2026-11" or "2026-Q4"; false for
 * malformed text and periods that do not exist. */
bool fp_period_parse(const char *text, fp_period *out);
/* Writes "2026-W47", "2026-11" or "2026-Q4" (FP_PERIOD_STR bytes). */
void fp_period_format(fp_period p, char *out);
fp_period fp_period_of_week(fp_week week);
/* The period of `kind` that holds week. */
fp_period fp_period_at(fp_week week, fp_period_kind kind);
/* First and last week of p; how many weeks it has (1, 4-5, 12-14). */
fp_week fp_period_first(fp_period p);
fp_week fp_period_last(fp_period p);
int fp_period_nweeks(fp_period p);
/* The period delta periods of the same kind after p (before when < 0). */
fp_period fp_period_add(fp_period p, int delta);
/* One integer per period, as stored in a targets row's week column: a
 * week is its fp_week (202647), a month year*100 + 60 + month (202671),
 * a quarter year*100 + 80 + quarter (202684). 0 stays "standing". */
int fp_period_code(fp_period p);
/* "2026-11 (W45-W48)", "2026-Q4 (W40-W53)", a week as "2026-W47": which
 * weeks the period covers (they always share one ISO year). out holds
 * FP_PERIOD_LABEL bytes. */
#define FP_PERIOD_LABEL 32
void fp_period_label(fp_period p, char *out);
bool fp_period_from_code(int code, fp_period *out);

#endif
