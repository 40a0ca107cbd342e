/* Number formatting; see format.h. */
#include "model/format.h"
#include "model/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
