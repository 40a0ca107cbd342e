/* TUI formatting; the shared number rules live in model/format.c. */
#include "tui/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void fp_fmt_kpi(const fp_kpi *k, double v, const char *currency, char *out,
                size_t outsz)
{
    char num[80];
    fp_format_value(k, v, num, sizeof num);
    if (k->unit == FP_UNIT_MONEY && currency && *currency && !isnan(v))
        snprintf(out, outsz, "%s %s", currency, num);
    else
        snprintf(out, outsz, "%s", num);
}

void fp_fmt_kpi_short(const fp_kpi *k, double v, char *out, size_t outsz)
{
    fp_fmt_kpi_short_sig(k, v, 3, out, outsz);
}

void fp_fmt_kpi_short_sig(const fp_kpi *k, double v, int sig, char *out,
                          size_t outsz)
{
    bool counted = k->unit == FP_UNIT_MONEY || k->unit == FP_UNIT_COUNT;
    if (!isnan(v) && counted && fabs(v) >= 10000.0) {
        fp_format_compact_sig(v, sig, out, outsz);
        return;
    }
    fp_kpi whole = *k;
    if (counted && fabs(v) >= 1000.0)
        whole.decimals = 0; /* "1,234" rather than "1,234.56" */
    fp_format_value(&whole, v, out, outsz);
}

int fp_change_dir(double cur, double prev)
{
    if (isnan(cur) || isnan(prev))
        return 2;
    double scale = fabs(prev) > 0 ? fabs(prev) : fabs(cur);
    if (scale == 0.0 || fabs(cur - prev) <= 0.005 * scale)
        return 0;
    return cur > prev ? 1 : -1;
}

void fp_fmt_week_range(fp_week w, const char *dot, const char *dash,
                       char *out, size_t outsz)
{
    char ws[FP_WEEK_STR];
    int y1, m1, d1, y2, m2, d2;
    if (!fp_week_valid(w)) {
        snprintf(out, outsz, "%s", FP_DASH);
        return;
    }
    fp_week_format(w, ws);
    long monday = fp_week_monday(w);
    fp_civil_from_days(monday, &y1, &m1, &d1);
    fp_civil_from_days(monday + 6, &y2, &m2, &d2);
    snprintf(out, outsz, "%s %s %02d-%02d %s %02d-%02d", ws, dot, m1, d1,
             dash, m2, d2);
}

void fp_fmt_clock(long secs, char *out, size_t outsz)
{
    if (secs < 0)
        secs = 0;
    if (secs < 3600)
        snprintf(out, outsz, "%02ld:%02ld", secs / 60, secs % 60);
    else
        snprintf(out, outsz, "%ld:%02ld:%02ld", secs / 3600,
                 secs % 3600 / 60, secs % 60);
}
