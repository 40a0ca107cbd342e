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
/* Parses "YYYY-MM-DD" or "YYYY/MM/DD", validating the day of month. */
bool fp_date_parse(const char *text, int *y, int *m, int *d);
fp_week fp_week_of_date(int y, int m, int d);
/* Monday of the week as days since the epoch; Sunday is +6. */
long fp_week_monday(fp_week week);

#endif
