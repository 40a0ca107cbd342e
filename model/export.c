/* Cells of an exported table; see export.h. */
#include "model/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "model/labels.h"
#include "model/text.h"

fp_xcell fp_xcell_text(const char *s)
{
    return (fp_xcell){ .type = FP_XT_TEXT, .text = s, .num = NAN };
}

fp_xcell fp_xcell_int(long long v)
{
    return (fp_xcell){ .type = FP_XT_NUM, .num = (double)v };
}

fp_xcell fp_xcell_num(double v, int decimals, bool percent)
{
    return (fp_xcell){ .type = FP_XT_NUM, .num = v, .decimals = decimals,
                       .percent = percent };
}

fp_xcell fp_xcell_kpi(const fp_kpi *kpi, double v)
{
    bool pct = kpi && kpi->unit == FP_UNIT_PERCENT;
    return fp_xcell_num(v, kpi ? kpi->decimals : 0, pct);
}

fp_xcell fp_xcell_bool(bool v)
{
    return (fp_xcell){ .type = FP_XT_BOOL, .flag = v, .num = NAN };
}

fp_xcell fp_xcell_status(int status)
{
    return (fp_xcell){ .type = FP_XT_STATUS, .status = status, .num = NAN,
                       .text = fp_status_word(status) };
}

void fp_xcell_plain(const fp_xcell *c, char *buf, size_t bufsz)
{
    switch (c->type) {
    case FP_XT_NUM:
        fp_format_decimal(isnan(c->num) || !c->percent ? c->num
                                                       : c->num * 100.0,
                          buf, bufsz);
        break;
    case FP_XT_BOOL:
        snprintf(buf, bufsz, "%s", c->flag ? "1" : "0");
        break;
    default:
        snprintf(buf, bufsz, "%s", c->text ? c->text : "");
    }
}

int fp_xcell_width(const fp_xcell *c)
{
    if (c->type != FP_XT_NUM)
        return c->text ? fp_text_width(c->text) : 1;
    if (isnan(c->num))
        return 1;
    char buf[64];
    /* as a sheet shows it: grouping commas, the decimals, a % sign */
    snprintf(buf, sizeof buf, "%.*f", c->decimals,
             c->percent ? c->num * 100.0 : c->num);
    int n = (int)strlen(buf);
    int digits = n - (c->decimals > 0 ? c->decimals + 1 : 0) - (buf[0] == '-');
    return n + (digits - 1) / 3 + (c->percent ? 1 : 0);
}

const char *fp_export_kpi_label(const fp_kpi *kpi)
{
    const char *s = fp_label_first(kpi->label, kpi->label_zh);
    return *s ? s : kpi->id;
}
