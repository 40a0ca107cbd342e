/* A person's own scorecard (rows nnodes + p): all their nodes across
 * categories and stores added up; for a role scoped to the store (an ops
 * manager), the stores above their nodes instead, each once, so the card
 * is the store's. A person with one node gets that node's row as it is
 * (with the role's default targets where it has none). With several
 * nodes: sum KPIs are added (money converted to the reporting currency
 * when the stores' currencies differ), a `none` KPI is kept only when
 * exactly one node holds it, formulas are recomputed from the added-up
 * row. Targets: sum KPIs add the nodes' targets when every node has one;
 * other KPIs keep a target all nodes agree on; else the role's default
 * (README.md, "scorecard --person"). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/rollup_priv.h"

static void group_nodes(fp_rollup_ctx *c)
{
    int np = c->tree->npeople;
    memset(c->pstart, 0, ((size_t)np + 1) * sizeof *c->pstart);
    for (int i = 0; i < c->r->nnodes; i++) {
        int p = c->tree->nodes[i].person;
        if (p >= 0 && p < np)
            c->pstart[p + 1]++;
    }
    for (int p = 0; p < np; p++)
        c->pstart[p + 1] += c->pstart[p];
    for (int i = 0; i < c->r->nnodes; i++) {
        int p = c->tree->nodes[i].person;
        if (p < 0 || p >= np)
            continue;
        /* pstart[p] is advanced while filling, then shifted back below */
        c->pnodes[c->pstart[p]++] = i;
    }
    for (int p = np; p > 0; p--)
        c->pstart[p] = c->pstart[p - 1];
    c->pstart[0] = 0;
}

/* The currency all of the person's nodes share ("" = reporting), or
 * NULL when they differ. */
static const char *shared_currency(fp_rollup_ctx *c, int p)
{
    const char *rep = c->cat->reporting_currency;
    const char *cur = NULL;
    for (int i = c->pstart[p]; i < c->pstart[p + 1]; i++) {
        const char *nc = c->tree->nodes[c->pnodes[i]].currency;
        if (!*nc)
            nc = rep;
        if (cur && strcmp(cur, nc) != 0)
            return NULL;
        cur = nc;
    }
    return cur ? cur : rep;
}

typedef struct {
    int p, row;
    const int *nodes;
    int n;
    bool convert;        /* money into the reporting currency */
} person;

static double factor(const fp_rollup_ctx *c, const person *ps, int node,
                     int k)
{
    return ps->convert && c->cat->kpis[k].unit == FP_UNIT_MONEY
           ? c->rate[node] : 1.0;
}

static double add(double sum, double v)
{
    return fp_has(sum) ? sum + v : v;
}

static void person_sum(fp_rollup_ctx *c, const person *ps, int k)
{
    fp_cell *cell = fp_ctx_cell(c, ps->row, k);
    double v = NAN, src = NAN, t = 0;
    bool all_targets = ps->n > 0, no_rate = false, all_caps = ps->n > 0;
    for (int i = 0; i < ps->n; i++) {
        const fp_cell *nc = fp_ctx_cell(c, ps->nodes[i], k);
        double f = factor(c, ps, ps->nodes[i], k);
        if (fp_has(nc->value) && !fp_has(f))
            no_rate = true;
        else if (fp_has(nc->value))
            v = add(v, nc->value * f);
        if (fp_has(nc->source) && fp_has(f))
            src = add(src, nc->source * f);
        if (fp_has(nc->target) && fp_has(f))
            t += nc->target * f;
        else
            all_targets = false;
        cell->flags |= nc->flags & (FP_CF_OVERRIDDEN | FP_CF_STALE);
        all_caps = all_caps && (nc->flags & FP_CF_CAP);
    }
    if (no_rate)
        cell->flags |= FP_CF_NO_RATE;
    if (all_caps && all_targets)
        cell->flags |= FP_CF_CAP; /* the person's ceiling: their caps' sum */
    cell->value = cell->kids = no_rate ? NAN : v;
    cell->source = no_rate ? NAN : src;
    cell->target = all_targets ? t : NAN;
}

static void person_none(fp_rollup_ctx *c, const person *ps, int k)
{
    const fp_cell *holder = NULL;
    int holder_node = -1, holders = 0;
    for (int i = 0; i < ps->n; i++) {
        const fp_cell *nc = fp_ctx_cell(c, ps->nodes[i], k);
        if (fp_has(nc->value)) {
            holders++;
            holder = nc;
            holder_node = ps->nodes[i];
        }
    }
    if (holders != 1)
        return;
    fp_cell *cell = fp_ctx_cell(c, ps->row, k);
    double f = factor(c, ps, holder_node, k);
    cell->value = holder->value * f;
    cell->source = holder->source * f;
    cell->flags |= holder->flags & (FP_CF_OVERRIDDEN | FP_CF_STALE);
    if (!fp_has(f))
        cell->flags |= FP_CF_NO_RATE;
}

/* A target every node agrees on, for KPIs that cannot be added. */
static void agreed_target(fp_rollup_ctx *c, const person *ps, int k)
{
    if (ps->convert && c->cat->kpis[k].unit == FP_UNIT_MONEY)
        return;
    double t = NAN;
    for (int i = 0; i < ps->n; i++) {
        double nt = fp_ctx_cell(c, ps->nodes[i], k)->target;
        if (!fp_has(nt) || (fp_has(t) && fp_rollup_differs(t, nt)))
            return;
        t = nt;
    }
    fp_ctx_cell(c, ps->row, k)->target = t;
}

static void role_defaults(fp_rollup_ctx *c, const person *ps)
{
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(
        c->cat, FP_LVL_PERSON, c->tree->people[ps->p].role, &n);
    for (int i = 0; i < n; i++) {
        fp_cell *cell = fp_ctx_cell(c, ps->row, card[i].kpi);
        if (!fp_has(cell->target) && fp_has(card[i].default_target))
            cell->target = card[i].default_target;
    }
}

/* A person whose role is scoped (an ops manager) is read at the nodes
 * their card answers for: nodes[] becomes those nodes, each once (two
 * categories of one store are one store). Returns the new count. */
static int scope_nodes(const fp_rollup_ctx *c, int *nodes, int n)
{
    for (int i = 0; i < n; i++)
        if (fp_rollup_scope_node(c, nodes[i]) < 0)
            return n;
    int out = 0;
    for (int i = 0; i < n; i++) {
        int s = fp_rollup_scope_node(c, nodes[i]), j = 0;
        while (j < out && nodes[j] != s)
            j++;
        if (j == out)
            nodes[out++] = s;
    }
    return out;
}

static void person_row(fp_rollup_ctx *c, int p)
{
    int *nodes = c->pnodes + c->pstart[p];
    person ps = { p, c->r->nnodes + p, nodes,
                  scope_nodes(c, nodes, c->pstart[p + 1] - c->pstart[p]),
                  false };
    const char *cur = shared_currency(c, p);
    ps.convert = cur == NULL;
    snprintf(c->r->person_currency[p], sizeof c->r->person_currency[p],
             "%s", cur ? cur : c->cat->reporting_currency);
    if (ps.n == 1) {
        memcpy(fp_ctx_cell(c, ps.row, 0), fp_ctx_cell(c, ps.nodes[0], 0),
               (size_t)c->nk * sizeof(fp_cell));
        role_defaults(c, &ps);  /* a store read for an ops manager */
        return;
    }
    for (int j = 0; j < c->nsum; j++)
        person_sum(c, &ps, c->sum_k[j]);
    for (int j = 0; j < c->nnone; j++)
        person_none(c, &ps, c->none_k[j]);
    if (ps.n > 0)
        fp_rollup_formulas(c, ps.row, -1);
    for (int k = 0; k < c->nk; k++)
        if (c->cat->kpis[k].add != FP_ADD_SUM)
            agreed_target(c, &ps, k);
    role_defaults(c, &ps);
}

void fp_rollup_people(fp_rollup_ctx *c)
{
    group_nodes(c);
    for (int p = 0; p < c->tree->npeople; p++)
        person_row(c, p);
}
