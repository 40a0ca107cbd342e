/* Money as shown: each row's own currency, or everything converted into
 * the reporting currency at the week's FX rates while `$` is on. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/i18n.h"
#include "storage/fx.h"
#include "tui/format.h"
#include "tui/grid.h"
#include "tui/ui.h"

const char *fp_ui_reporting_currency(fp_ui *ui)
{
    return fp_row_currency(ui, 0); /* the company's money */
}

static void load_rates(fp_ui *ui)
{
    if (ui->fx.loaded && ui->fx.week == ui->week && ui->fx.gen == ui->gen)
        return;
    if (!fp_fx_week(fp_review_db(ui->rv), ui->week, ui->fx.rate, FP_FX_MAX,
                    &ui->fx.n))
        ui->fx.n = 0;
    ui->fx.loaded = true;
    ui->fx.week = ui->week;
    ui->fx.gen = ui->gen;
}

/* Reporting-currency units for one unit of currency, NAN if unknown. */
static double rate_of(fp_ui *ui, const char *currency)
{
    if (strcmp(currency, fp_ui_reporting_currency(ui)) == 0)
        return 1.0;
    load_rates(ui);
    for (size_t i = 0; i < ui->fx.n; i++)
        if (strcmp(ui->fx.rate[i].currency, currency) == 0)
            return ui->fx.rate[i].rate;
    return NAN;
}

double fp_ui_value(fp_ui *ui, int row, int kpi, double v,
                   const char **currency)
{
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[kpi];
    const char *cur = k->unit == FP_UNIT_MONEY ? fp_row_currency(ui, row) : "";
    if (*cur && ui->reporting) {
        v *= rate_of(ui, cur);
        cur = fp_ui_reporting_currency(ui);
    }
    if (currency)
        *currency = cur;
    return v;
}

void fp_ui_fmt_value(fp_ui *ui, int row, int kpi, double v, char *out,
                     size_t outsz)
{
    const char *cur;
    double shown = fp_ui_value(ui, row, kpi, v, &cur);
    if (isnan(shown) && !isnan(v))
        snprintf(out, outsz, "%s", _("no rate"));
    else
        fp_fmt_kpi(&fp_ui_cat(ui)->kpis[kpi], shown, cur, out, outsz);
}
