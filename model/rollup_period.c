/* A month or a quarter from the rollups of its weeks; see rollup.h.
 * The accumulator is a rollup of the same shape whose sum cells add the
 * weeks' values and targets (a week without a target makes the sum NAN),
 * plus, for the other KPIs, whether the weeks disagreed on a target.
 * A cell is a ceiling (FP_CF_CAP) when every week's was: a month's ad
 * budget is the sum of its weeks' budgets. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/expr.h"
#include "model/rollup_priv.h"

struct fp_period_acc {
    const fp_catalogue *cat;
    const fp_tree *tree;
    fp_rollup *r;
    unsigned char *differ; /* per cell: the weeks' targets differ */
    int nadded;
};

fp_period_acc *fp_period_acc_new(const fp_catalogue *cat,
                                 const fp_tree *tree, fp_period period)
{
    fp_period_acc *acc = calloc(1, sizeof *acc);
    if (!acc)
        return NULL;
    acc->cat = cat;
    acc->tree = tree;
    acc->r = fp_rollup_alloc(tree->nnodes, tree->npeople, cat->nkpis, NULL);
    size_t ncells = (size_t)(tree->nnodes + tree->npeople) *
                    (size_t)cat->nkpis;
    acc->differ = calloc(ncells + 1, 1);
    if (!acc->r || !acc->differ) {
        fp_period_acc_free(acc);
        return NULL;
    }
    fp_rollup_blank(acc->r);
    acc->r->cat = cat;
    acc->r->tree = tree;
    acc->r->period = period;
    acc->r->week = fp_period_last(period);
    acc->r->period_weeks = fp_period_nweeks(period);
    return acc;
}

void fp_period_acc_free(fp_period_acc *acc)
{
    if (!acc)
        return;
    fp_rollup_free(acc->r);
    free(acc->differ);
    free(acc);
}

static double add(double sum, double v)
{
    if (!fp_has(v))
        return sum;
    return fp_has(sum) ? sum + v : v;
}

enum { KEEP_SUM = FP_CF_OWN | FP_CF_OVERRIDDEN | FP_CF_STALE |
                  FP_CF_NO_RATE | FP_CF_PROVISIONAL | FP_CF_OVERLAP,
       KEEP_OTHER = FP_CF_NO_RATE | FP_CF_PROVISIONAL };

/* Ceiling only while every week added so far had one. */
static void keep_cap(const fp_period_acc *acc, fp_cell *cell,
                     const fp_cell *wc)
{
    if (acc->nadded == 0)
        cell->flags |= wc->flags & FP_CF_CAP;
    else if (!(wc->flags & FP_CF_CAP))
        cell->flags &= (uint8_t)~FP_CF_CAP;
}

static void add_sum(fp_period_acc *acc, fp_cell *cell, const fp_cell *wc)
{
    keep_cap(acc, cell, wc);
    cell->value = add(cell->value, wc->value);
    cell->own = add(cell->own, wc->own);
    cell->kids = add(cell->kids, wc->kids);
    cell->source = add(cell->source, wc->source);
    /* NAN (no target) in any week stays NAN */
    cell->target = acc->nadded == 0 ? wc->target : cell->target + wc->target;
    cell->flags |= wc->flags & KEEP_SUM;
}

static void add_other(fp_period_acc *acc, size_t i, const fp_cell *wc)
{
    fp_cell *cell = &acc->r->cells[i];
    keep_cap(acc, cell, wc);
    if (acc->nadded == 0)
        cell->target = wc->target;
    else if (fp_rollup_differs(cell->target, wc->target))
        acc->differ[i] = 1;
    cell->flags |= wc->flags & KEEP_OTHER;
}

void fp_period_acc_add(fp_period_acc *acc, const fp_rollup *week,
                       bool has_data)
{
    fp_rollup *r = acc->r;
    if (!week || week->nrows != r->nrows || week->nkpis != r->nkpis)
        return;
    if (acc->nadded == 0)
        memcpy(r->person_currency, week->person_currency,
               ((size_t)acc->tree->npeople + 1) * sizeof *r->person_currency);
    for (int row = 0; row < r->nrows; row++)
        for (int k = 0; k < r->nkpis; k++) {
            size_t i = (size_t)row * (size_t)r->nkpis + (size_t)k;
            if (acc->cat->kpis[k].add == FP_ADD_SUM)
                add_sum(acc, &r->cells[i], &week->cells[i]);
            else
                add_other(acc, i, &week->cells[i]);
        }
    acc->nadded++;
    r->weeks_with_data += has_data;
}

/* Formula KPIs again from the row's summed components. */
static void row_formulas(fp_period_acc *acc, int row, double *vals)
{
    const fp_catalogue *cat = acc->cat;
    fp_cell *cells = &acc->r->cells[(size_t)row * (size_t)cat->nkpis];
    for (int k = 0; k < cat->nkpis; k++) {
        bool sum = cat->kpis[k].add == FP_ADD_SUM;
        if (sum && (cells[k].flags & FP_CF_NO_RATE))
            cells[k].value = cells[k].kids = cells[k].source = NAN;
        vals[k] = sum ? cells[k].value : NAN;
    }
    for (int j = 0; j < cat->neval; j++) {
        int k = cat->eval_order[j];
        double v = fp_expr_eval(cat->kpis[k].formula, vals);
        cells[k].value = cells[k].kids = cells[k].source = v;
        vals[k] = v;
    }
}

static const char *role_of_row(const fp_period_acc *acc, int row)
{
    const fp_tree *t = acc->tree;
    int p = row < t->nnodes ? t->nodes[row].person : row - t->nnodes;
    return p >= 0 ? t->people[p].role : NULL;
}

static const fp_target *standing_target(const fp_target *t, size_t n,
                                        int node, int k)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].week == 0 && t[i].node == node && t[i].kpi == k)
            return &t[i];
    return NULL;
}

static void set_cap(fp_cell *cell, bool cap)
{
    cell->flags = (uint8_t)((cell->flags & ~FP_CF_CAP) |
                            (cap ? FP_CF_CAP : 0));
}

/* Where the weeks disagreed on a ratio's target: the node's standing
 * target, else the card's default. */
static void fallback_targets(fp_period_acc *acc, const fp_target *t,
                             size_t n)
{
    fp_rollup *r = acc->r;
    for (int row = 0; row < r->nrows; row++)
        for (int k = 0; k < r->nkpis; k++) {
            size_t i = (size_t)row * (size_t)r->nkpis + (size_t)k;
            if (!acc->differ[i])
                continue;
            bool node = row < r->nnodes;
            const fp_target *st = node ? standing_target(t, n, row, k)
                                       : NULL;
            int level = node ? (int)acc->tree->nodes[row].level
                             : FP_LVL_PERSON;
            bool has = st && fp_has(st->value);
            r->cells[i].target = has ? st->value : fp_rollup_card_target(
                acc->cat, level, role_of_row(acc, row), k);
            set_cap(&r->cells[i], has && st->cap);
        }
}

static void explicit_targets(fp_period_acc *acc, const fp_target *t,
                             size_t n)
{
    int code = fp_period_code(acc->r->period);
    for (size_t i = 0; i < n; i++)
        if (t[i].week == code && t[i].node >= 0 &&
            t[i].node < acc->r->nnodes && t[i].kpi >= 0 &&
            t[i].kpi < acc->r->nkpis && fp_has(t[i].value)) {
            fp_cell *cell = &acc->r->cells[(size_t)t[i].node *
                                           (size_t)acc->r->nkpis +
                                           (size_t)t[i].kpi];
            cell->target = t[i].value;
            set_cap(cell, t[i].cap);
        }
}

/* A person read at one node (or one store, when scoped) has that
 * node's row as theirs, as in a week (rollup_person.c). */
static void copy_single_nodes(fp_period_acc *acc, fp_rollup_ctx *c,
                              int *only)
{
    const fp_tree *t = acc->tree;
    for (int p = 0; p < t->npeople; p++)
        only[p] = -2;
    for (int i = 0; i < t->nnodes; i++) {
        int p = t->nodes[i].person, s;
        if (p < 0 || p >= t->npeople)
            continue;
        s = fp_rollup_scope_node(c, i);
        s = s >= 0 ? s : i;
        only[p] = only[p] == -2 || only[p] == s ? s : -1;
    }
    for (int p = 0; p < t->npeople; p++) {
        if (only[p] < 0)
            continue;
        memcpy(fp_ctx_cell(c, t->nnodes + p, 0), fp_ctx_cell(c, only[p], 0),
               (size_t)c->nk * sizeof(fp_cell));
        int n;
        const fp_weighted_kpi *card = fp_catalogue_card(
            acc->cat, FP_LVL_PERSON, t->people[p].role, &n);
        for (int j = 0; j < n; j++) {
            fp_cell *cell = fp_ctx_cell(c, t->nnodes + p, card[j].kpi);
            if (!fp_has(cell->target))
                cell->target = card[j].default_target;
        }
    }
}

fp_rollup *fp_period_acc_finish(fp_period_acc *acc,
                                const fp_target *targets, size_t ntargets)
{
    if (!acc)
        return NULL;
    int nk = acc->cat->nkpis;
    double *vals = malloc(((size_t)nk + 1) * sizeof *vals);
    unsigned char *prov = calloc((size_t)nk + 1, 1);
    int *only = malloc(((size_t)acc->tree->npeople + 1) * sizeof *only);
    fp_rollup *r = NULL;
    if (vals && prov && only) {
        fp_rollup_ctx c = { .cat = acc->cat, .tree = acc->tree,
                            .r = acc->r, .nk = nk, .prov = prov };
        for (int row = 0; row < acc->r->nrows; row++)
            row_formulas(acc, row, vals);
        fallback_targets(acc, targets, ntargets);
        explicit_targets(acc, targets, ntargets);
        fp_rollup_scope_cards(&c);
        copy_single_nodes(acc, &c, only);
        fp_rollup_finish_rows(&c);
        r = acc->r;
        acc->r = NULL;
    }
    free(vals);
    free(prov);
    free(only);
    fp_period_acc_free(acc);
    return r;
}
