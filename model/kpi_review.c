/* The quarterly review of the KPI system; see kpi_review.h. */
#include "model/kpi_review.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

fp_kpi_review *fp_kpi_review_new(const fp_catalogue *cat, int npeople)
{
    fp_kpi_review *rv = calloc(1, sizeof *rv);
    if (!rv)
        return NULL;
    rv->cat = cat;
    rv->npeople = npeople;
    rv->rows = calloc((size_t)cat->nkpis + 1, sizeof *rv->rows);
    rv->conflicts = calloc((size_t)cat->nconflicts + 1, sizeof(int));
    rv->seen = calloc((size_t)npeople * (size_t)cat->nkpis + 1, 1);
    bool ok = rv->rows && rv->conflicts && rv->seen;
    for (int k = 0; ok && k < cat->nkpis; k++) {
        rv->rows[k].causes = calloc((size_t)cat->ncauses + 1, sizeof(int));
        rv->rows[k].r = NAN;
        ok = rv->rows[k].causes != NULL;
    }
    if (!ok) {
        fp_kpi_review_free(rv);
        return NULL;
    }
    return rv;
}

void fp_kpi_review_free(fp_kpi_review *rv)
{
    if (!rv)
        return;
    for (int k = 0; rv->rows && k < rv->cat->nkpis; k++)
        free(rv->rows[k].causes);
    free(rv->rows);
    free(rv->conflicts);
    free(rv->seen);
    free(rv);
}

static bool card_active(const fp_rollup *r, int row,
                        const fp_weighted_kpi *card, int n)
{
    for (int i = 0; i < n; i++)
        if (fp_has(fp_rollup_cell(r, row, card[i].kpi)->value))
            return true;
    return false;
}

/* Mean attainment (each capped at 120 %, as the score) of the card's
 * result KPIs that have one; NAN when none. */
static double result_attainment(const fp_rollup *r, int row,
                                const fp_weighted_kpi *card, int n)
{
    double sum = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
        double a = fp_rollup_cell(r, row, card[i].kpi)->attainment;
        if (r->cat->kpis[card[i].kpi].is_result && fp_has(a)) {
            sum += fmin(a, 1.2);
            m++;
        }
    }
    return m ? sum / m : NAN;
}

static void count_status(fp_kpi_review_row *row, int status)
{
    if (status == FP_ST_NONE)
        return;
    row->judged++;
    row->green += status == FP_ST_GREEN;
    row->amber += status == FP_ST_AMBER;
    row->red += status == FP_ST_RED;
}

static void add_pair(fp_kpi_review_row *row, double x, double y)
{
    if (!fp_has(x) || !fp_has(y))
        return;
    x = fmin(x, 1.2);
    row->pairs++;
    row->sx += x;
    row->sy += y;
    row->sxx += x * x;
    row->syy += y * y;
    row->sxy += x * y;
}

static void add_person(fp_kpi_review *rv, const fp_rollup *now, int p)
{
    int row = now->nnodes + p, n;
    const fp_weighted_kpi *card = fp_catalogue_card(
        rv->cat, FP_LVL_PERSON, now->tree->people[p].role, &n);
    if (!card_active(now, row, card, n))
        return;
    rv->person_weeks++;
    double results = result_attainment(now, row, card, n);
    for (int i = 0; i < n; i++) {
        int k = card[i].kpi;
        const fp_cell *c = fp_rollup_cell(now, row, k);
        fp_kpi_review_row *kr = &rv->rows[k];
        kr->person_weeks++;
        rv->seen[(size_t)p * (size_t)rv->cat->nkpis + (size_t)k] = 1;
        count_status(kr, c->status);
        if (!rv->cat->kpis[k].is_result)
            add_pair(kr, c->attainment, results);
    }
}

static void add_conflicts(fp_kpi_review *rv, const fp_rollup *now,
                          const fp_rollup *prev, int p)
{
    int fired[16];
    int n = fp_rollup_conflicts(now, prev, now->nnodes + p, fired, 16);
    for (int i = 0; i < n && i < 16; i++)
        rv->conflicts[fired[i]]++;
}

void fp_kpi_review_add_week(fp_kpi_review *rv, const fp_rollup *now,
                            const fp_rollup *prev)
{
    rv->weeks++;
    for (int p = 0; p < rv->npeople && p < now->tree->npeople; p++) {
        add_person(rv, now, p);
        add_conflicts(rv, now, prev, p);
    }
}

void fp_kpi_review_add_overrides(fp_kpi_review *rv, int kpi, int n)
{
    if (kpi >= 0 && kpi < rv->cat->nkpis)
        rv->rows[kpi].overrides += n;
}

void fp_kpi_review_add_notes(fp_kpi_review *rv, int kpi, int cause, int n)
{
    if (kpi < 0 || kpi >= rv->cat->nkpis)
        return;
    rv->rows[kpi].notes += n;
    if (cause >= 0 && cause < rv->cat->ncauses)
        rv->rows[kpi].causes[cause] += n;
}

static double pearson(const fp_kpi_review_row *r)
{
    double n = r->pairs;
    double vx = n * r->sxx - r->sx * r->sx, vy = n * r->syy - r->sy * r->sy;
    if (r->pairs < FP_REVIEW_MIN_PAIRS || vx <= 1e-12 || vy <= 1e-12)
        return NAN;
    return (n * r->sxy - r->sx * r->sy) / sqrt(vx * vy);
}

static void finish_row(fp_kpi_review *rv, int k)
{
    fp_kpi_review_row *r = &rv->rows[k];
    for (int p = 0; p < rv->npeople; p++)
        r->people += rv->seen[(size_t)p * (size_t)rv->cat->nkpis + (size_t)k];
    if (r->judged > 0) {
        double g = (double)r->green / r->judged;
        r->always_green = g + 1e-9 >= FP_REVIEW_ALWAYS_GREEN;
        r->never_green = g <= FP_REVIEW_NEVER_GREEN + 1e-9;
    }
    r->r = pearson(r);
    r->moves_no_result = fp_has(r->r) && fabs(r->r) < FP_REVIEW_NO_MOVE;
}

void fp_kpi_review_finish(fp_kpi_review *rv)
{
    for (int k = 0; k < rv->cat->nkpis; k++)
        finish_row(rv, k);
}

bool fp_kpi_review_listed(const fp_kpi_review *rv, int kpi)
{
    return rv->rows[kpi].person_weeks > 0;
}

bool fp_quarter_parse(const char *text, int *year, int *quarter)
{
    fp_period p;
    if (!fp_period_parse(text, &p) || p.kind != FP_PERIOD_QUARTER)
        return false;
    *year = p.year;
    *quarter = p.num;
    return true;
}

/* The period rule of model/week.h (a week is in the quarter that holds
 * its Thursday): fp_period_first .. fp_period_last. */
int fp_quarter_weeks(int year, int quarter, fp_week *out)
{
    fp_period p = {FP_PERIOD_QUARTER, year, quarter};
    int n = 0;
    fp_week last = fp_period_last(p);
    for (fp_week w = fp_period_first(p);
         w <= last && n < FP_QUARTER_MAX_WEEKS; w = fp_week_next(w))
        out[n++] = w;
    return n;
}
