/* Numbers as people read them ("124,950", "1.01%", "3.2x", "—") and as
 * machines read them ("124950.5"). Shared by the CLI, TUI and minutes. */
#ifndef FUPAN_MODEL_FORMAT_H
#define FUPAN_MODEL_FORMAT_H

#include <stddef.h>
#include "model/catalogue.h"

#define FP_DASH "—"   /* no value */

/* A KPI value for display: thousands grouping, the KPI's decimals,
 * percent for percent KPIs, "x" for ratios, "m:ss" for seconds;
 * FP_DASH for NAN. Currency codes are not added. */
void fp_format_value(const fp_kpi *kpi, double v, char *buf, size_t bufsz);
/* A big number in few columns, three significant digits (at least the
 * whole units), in the interface language (model/lang.h): English
 * "118k", "1.25M", "3.40B", "1.00T"; Chinese "11.8万", "251万",
 * "1234万", "1.24亿", "1.00万亿". Below the first unit (999.5 in
 * English, 9,995 in Chinese: they round up to "1.00k", "1.00万") the
 * whole number: "999", "9990". FP_DASH for NAN. */
void fp_format_compact(double v, char *buf, size_t bufsz);
/* fp_format_compact with sig (1-3) significant digits: 2 gives "25万",
 * "5.4万", "53k" for a narrow cell. */
void fp_format_compact_sig(double v, int sig, char *buf, size_t bufsz);
/* Plain decimal: '.' separator, no grouping, up to 6 decimals with
 * trailing zeros removed; percent KPIs multiplied by 100; "" for NAN. */
void fp_format_plain(const fp_kpi *kpi, double v, char *buf, size_t bufsz);
/* Attainment as "98%" (FP_DASH for NAN). */
void fp_format_attainment(double att, char *buf, size_t bufsz);
/* Week-over-week change as "+12.3%" (FP_DASH when not computable). */
void fp_format_wow(double now, double prev, char *buf, size_t bufsz);
/* Plain decimal of any number: up to 6 decimals, trailing zeros cut. */
void fp_format_decimal(double v, char *buf, size_t bufsz);
/* Status as a word: "green", "amber", "red", "none". */
const char *fp_status_word(int status);

#endif
