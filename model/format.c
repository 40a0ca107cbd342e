/* Number formatting; see format.h. */
#include "model/format.h"
#include "model/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/lang.h"

void fp_format_decimal(double v, char *buf, size_t bufsz)
{
    if (isnan(v)) {
        snprintf(buf, bufsz, "%s", "");
        return;
    }
    snprintf(buf, bufsz, "%.6f", v);
    char *dot = strchr(buf, '.');
    if (!dot)
        return;
    char *end = buf + strlen(buf) - 1;
    while (end > dot && *end == '0')
        *end-- = '\0';
    if (end == dot)
        *end = '\0';
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, bufsz, "0");
}

void fp_format_plain(const fp_kpi *kpi, double v, char *buf, size_t bufsz)
{
    double scale = kpi && kpi->unit == FP_UNIT_PERCENT ? 100.0 : 1.0;
    fp_format_decimal(isnan(v) ? v : v * scale, buf, bufsz);
}

/* Inserts ',' every three digits of the integer part of a plain number. */
static void group_thousands(const char *in, char *out, size_t outsz)
{
    const char *digits = in + (*in == '-');
    size_t intlen = strcspn(digits, ".");
    size_t o = 0;
    if (*in == '-' && o + 1 < outsz)
        out[o++] = '-';
    for (size_t i = 0; i < intlen && o + 2 < outsz; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    snprintf(out + o, outsz - o, "%s", digits + intlen);
}

static void format_seconds(double v, char *buf, size_t bufsz)
{
    long s = lround(v);
    if (s >= 3600)
        snprintf(buf, bufsz, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, bufsz, "%ld:%02ld", s / 60, s % 60);
}

void fp_format_value(const fp_kpi *kpi, double v, char *buf, size_t bufsz)
{
    if (isnan(v)) {
        snprintf(buf, bufsz, "%s", FP_DASH);
        return;
    }
    int dec = kpi ? kpi->decimals : 0;
    fp_unit unit = kpi ? kpi->unit : FP_UNIT_COUNT;
    char plain[64];
    if (unit == FP_UNIT_SECONDS) {
        format_seconds(v, buf, bufsz);
        return;
    }
    if (unit == FP_UNIT_PERCENT) {
        snprintf(buf, bufsz, "%.*f%%", dec, v * 100.0);
        return;
    }
    snprintf(plain, sizeof plain, "%.*f", dec, v);
    if (unit == FP_UNIT_RATIO) {
        snprintf(buf, bufsz, "%sx", plain);
        return;
    }
    group_thousands(plain, buf, bufsz);
}

typedef struct {
    double div;
    const char *suffix;
} compact_scale;

static const compact_scale scale_en[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" }, { 0, NULL },
};
static const compact_scale scale_zh[] = {
    { 1e12, "万亿" }, { 1e8, "亿" }, { 1e4, "万" }, { 0, NULL },
};

void fp_format_compact(double v, char *buf, size_t bufsz)
{
    fp_format_compact_sig(v, 3, buf, bufsz);
}

/* Decimals that give sig significant digits to x (1 <= x < 10000). */
static int sig_decimals(double x, int sig)
{
    for (int dec = sig - 1; dec > 0; dec--)
        if (x < pow(10.0, sig - dec) - 0.5 * pow(10.0, -dec))
            return dec;
    return 0;
}

void fp_format_compact_sig(double v, int sig, char *buf, size_t bufsz)
{
    if (isnan(v)) {
        snprintf(buf, bufsz, "%s", FP_DASH);
        return;
    }
    const compact_scale *scale =
        fp_ui_lang() == FP_LANG_ZH ? scale_zh : scale_en;
    double a = fabs(v);
    for (size_t i = 0; scale[i].suffix; i++) {
        if (a < scale[i].div * 0.9995)
            continue;
        double x = a / scale[i].div;
        int dec = sig_decimals(x, sig < 1 ? 1 : sig > 3 ? 3 : sig);
        snprintf(buf, bufsz, "%s%.*f%s", v < 0 ? "-" : "", dec, x,
                 scale[i].suffix);
        return;
    }
    snprintf(buf, bufsz, "%.0f", v);
}

void fp_format_attainment(double att, char *buf, size_t bufsz)
{
    if (isnan(att))
        snprintf(buf, bufsz, "%s", FP_DASH);
    else /* floor, so 99.6% never reads "100%" next to an amber mark */
        snprintf(buf, bufsz, "%.0f%%", floor(att * 100.0 + 1e-9));
}

void fp_format_wow(double now, double prev, char *buf, size_t bufsz)
{
    if (isnan(now) || isnan(prev) || prev == 0.0)
        snprintf(buf, bufsz, "%s", FP_DASH);
    else
        snprintf(buf, bufsz, "%+.1f%%", (now - prev) / fabs(prev) * 100.0);
}

const char *fp_status_word(int status)
{
    static const char *const words[] = {N_("none"), N_("green"), N_("amber"),
                                        N_("red")};
    return status >= 0 && status <= 3 ? words[status] : "none";
}
