/* TUI-specific formatting on top of model/format.h: values with their
 * currency, short values for narrow cells, week ranges and the clock.
 * Plain C (no curses), unit-tested directly. No value prints as FP_DASH. */
#ifndef FUPAN_TUI_FORMAT_H
#define FUPAN_TUI_FORMAT_H

#include <stddef.h>

#include "model/catalogue.h"
#include "model/format.h"
#include "model/week.h"

/* fp_format_value with the currency in front for money: "MYR 118,200"
 * (currency NULL or "": none). */
void fp_fmt_kpi(const fp_kpi *k, double v, const char *currency, char *out,
                size_t outsz);
/* Short form for table cells, compact (fp_format_compact) from 10,000
 * on: "118k", "1.25M" (Chinese: "11.8万", "125万", "1.24亿"), "12.5%",
 * "3.20x", "0:45". */
void fp_fmt_kpi_short(const fp_kpi *k, double v, char *out, size_t outsz);
/* fp_fmt_kpi_short with sig significant digits in compact numbers:
 * 2 gives "5.4万", "54k" for a cell that has no room for more. */
void fp_fmt_kpi_short_sig(const fp_kpi *k, double v, int sig, char *out,
                          size_t outsz);
/* +1 up, -1 down, 0 flat (within 0.5%), 2 when it cannot be said. */
int fp_change_dir(double cur, double prev);
/* "2026-W47 · 11-16 – 11-22" with the given separators. */
void fp_fmt_week_range(fp_week w, const char *dot, const char *dash,
                       char *out, size_t outsz);
/* Elapsed seconds as "12:34" or "1:02:03". */
void fp_fmt_clock(long secs, char *out, size_t outsz);

#endif
