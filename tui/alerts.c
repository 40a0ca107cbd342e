/* Budget ceilings and the stop-loss (止损) on screen: the marks of a
 * cell, for the detail panel and the red walk. Reads only. */
#include "tui/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/format.h"
#include "model/i18n.h"
#include "storage/stoploss_scan.h"

void fp_ui_stoploss_done(fp_ui *ui)
{
    free(ui->stoploss.hit);
    ui->stoploss.hit = NULL;
    ui->stoploss.nrows = 0;
}

/* The judgement slot of row, emptied when the data, the week or the
 * rollup changed since the last judgement; NULL out of memory. */
static signed char *stoploss_slot(fp_ui *ui, const fp_rollup *r, int row)
{
    if (ui->stoploss.r != r || ui->stoploss.gen != ui->gen ||
        ui->stoploss.nrows != r->nrows) {
        fp_ui_stoploss_done(ui);
        ui->stoploss.hit = calloc((size_t)r->nrows, 1);
        if (!ui->stoploss.hit)
            return NULL;
        ui->stoploss.nrows = r->nrows;
        ui->stoploss.r = r;
        ui->stoploss.gen = ui->gen;
        ui->stoploss.roas = fp_catalogue_kpi(r->cat, "roas");
    }
    return row >= 0 && row < r->nrows ? &ui->stoploss.hit[row] : NULL;
}

bool fp_ui_stoploss_in(fp_ui *ui, const fp_rollup *r, int row, int kpi)
{
    if (!r || kpi < 0)
        return false;
    if (row < r->nnodes && r->tree->nodes[row].level == FP_LVL_PERSON)
        row = r->nnodes + r->tree->nodes[row].person;
    signed char *slot = stoploss_slot(ui, r, row);
    /* only ROAS is flagged; asked of every cell a red walk passes */
    if (kpi != ui->stoploss.roas)
        return false;
    if (slot && *slot)
        return *slot == 2;
    bool hit = fp_review_stoploss(ui->rv, r, row, NULL) > 0;
    if (slot)
        *slot = hit ? 2 : 1;
    return hit;
}

bool fp_ui_stoploss(fp_ui *ui, int row, int kpi)
{
    return fp_ui_stoploss_in(ui, fp_ui_rollup(ui), row, kpi);
}

size_t fp_ui_alert_marks(fp_ui *ui, int row, int kpi, const fp_cell *c,
                         char *out, size_t outsz)
{
    size_t o = 0;
    if (fp_ui_stoploss(ui, row, kpi))
        o += (size_t)snprintf(out, outsz, "%s; ", _("止损 stop-loss"));
    if (!(c->flags & FP_CF_CAP) || !fp_has(c->value) || o >= outsz)
        return o;
    char room[64];
    double left = c->target - c->value;
    fp_format_value(&fp_ui_cat(ui)->kpis[kpi], fabs(left), room, sizeof room);
    o += (size_t)snprintf(out + o, outsz - o, left >= 0
                          ? _("cap, headroom %s; ") : _("over the cap by %s; "),
                          room);
    return o;
}

const char *fp_ui_pilot_label(fp_ui *ui, const char *label)
{
    static char buf[128];
    (void)ui;
    snprintf(buf, sizeof buf, _("试点 %s"), label);
    return buf;
}
