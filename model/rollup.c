/* One week of numbers for the whole tree; see rollup.h.
 * One pass over the nodes from the last to the first (children always
 * come after their parent, so this is bottom-up): each node pulls its
 * children's sums, lets its own fact win over them, applies overrides,
 * evaluates its formulas from its own row, and resolves its targets.
 * Then the people's rows, then attainment, status and score of every
 * row. Cells live in one flat array; scratch is one allocation. */
#include "model/rollup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/expr.h"
#include "model/rollup_priv.h"

bool fp_rollup_differs(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) != isnan(b);
    return fabs(a - b) > 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

double fp_attainment(const fp_kpi *kpi, double actual, double target)
{
    if (!fp_has(actual) || !fp_has(target) || actual == 0 || target == 0)
        return NAN;
    double a = kpi->dir == FP_DIR_HIGHER ? actual / target
             : kpi->dir == FP_DIR_LOWER ? target / actual : NAN;
    return isfinite(a) ? a : NAN;
}

fp_status fp_status_of(const fp_kpi *kpi, double attainment)
{
    const double eps = 1e-9; /* 0.9999999999 is 100 % */
    if (!fp_has(attainment))
        return FP_ST_NONE;
    if (attainment + eps >= kpi->green)
        return FP_ST_GREEN;
    if (attainment + eps >= kpi->amber)
        return FP_ST_AMBER;
    return FP_ST_RED;
}

double fp_cap_attainment(double value, double cap)
{
    if (!fp_has(value) || !fp_has(cap) || value <= 0 || cap <= 0)
        return NAN;
    return cap / value;
}

fp_status fp_cap_status(double value, double cap)
{
    if (!fp_has(value) || !fp_has(cap))
        return FP_ST_NONE;
    return value <= cap * (1 + 1e-9) ? FP_ST_GREEN : FP_ST_RED;
}

/* ---- set-up ---- */

static size_t scratch_size(int nn, int np, int nk, size_t nov)
{
    return sizeof(double) * ((size_t)nn + (size_t)nk) +
           sizeof(int) * ((size_t)nn * 2 + nov + (size_t)nk * 2 +
                          (size_t)np + 1) + (size_t)nk;
}

/* The rollup's own arrays, reusing those of `reuse` when its shape is
 * the same (no fresh pages to fault in for every week computed). */
fp_rollup *fp_rollup_alloc(int nn, int np, int nk, fp_rollup *reuse)
{
    if (reuse && reuse->nnodes == nn && reuse->nrows == nn + np &&
        reuse->nkpis == nk) {
        memset(reuse->person_currency, 0,
               ((size_t)np + 1) * sizeof *reuse->person_currency);
        return reuse;
    }
    fp_rollup_free(reuse);
    fp_rollup *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->nnodes = nn;
    r->nrows = nn + np;
    r->nkpis = nk;
    r->cells = malloc((size_t)r->nrows * (size_t)nk * sizeof *r->cells + 1);
    r->score = malloc(((size_t)r->nrows + 1) * sizeof *r->score);
    r->person_currency = calloc((size_t)np + 1, sizeof *r->person_currency);
    if (!r->cells || !r->score || !r->person_currency) {
        fp_rollup_free(r);
        return NULL;
    }
    return r;
}

static bool alloc_ctx(fp_rollup_ctx *c, fp_rollup *reuse)
{
    int nn = c->tree->nnodes, np = c->tree->npeople, nk = c->nk;
    size_t nov = c->in->noverrides;
    char *s = malloc(scratch_size(nn, np, nk, nov));
    c->r = fp_rollup_alloc(nn, np, nk, reuse);
    c->scratch = s;
    if (!c->r || !s)
        return false;
    c->rate = (double *)s;
    c->row = c->rate + nn;
    c->ovr_head = (int *)(c->row + nk);
    c->pnodes = c->ovr_head + nn;
    c->ovr_next = c->pnodes + nn;
    c->sum_k = c->ovr_next + nov;
    c->none_k = c->sum_k + nk;
    c->pstart = c->none_k + nk;
    c->prov = (unsigned char *)(c->pstart + np + 1);
    return true;
}

void fp_rollup_blank(fp_rollup *r)
{
    size_t n = (size_t)r->nrows * (size_t)r->nkpis;
    const fp_cell blank = { NAN, NAN, NAN, NAN, NAN, NAN, FP_ST_NONE, 0 };
    for (size_t i = 0; i < n; i++)
        r->cells[i] = blank;
}

static void classify_kpis(fp_rollup_ctx *c)
{
    const fp_week_input *in = c->in;
    long sunday = fp_week_monday(in->week) + 6;
    c->nsum = c->nnone = 0;
    for (int k = 0; k < c->nk; k++) {
        fp_additivity add = c->cat->kpis[k].add;
        if (add == FP_ADD_SUM)
            c->sum_k[c->nsum++] = k;
        else if (add == FP_ADD_NONE)
            c->none_k[c->nnone++] = k;
        c->prov[k] = in->today != 0 &&
                     sunday + fp_catalogue_maturity(c->cat, k) > in->today;
    }
}

/* False for a node an upper rollup leaves alone: a person node whose
 * parent's children's sums are given. */
static bool computed(const fp_rollup_ctx *c, int node)
{
    if (!c->sums || c->tree->nodes[node].level != FP_LVL_PERSON)
        return true;
    int parent = c->tree->nodes[node].parent;
    return parent < 0 || c->sums->row[parent] < 0;
}

/* The rows an upper rollup computes, blank; the others are left as
 * they are (fp_rollup_blank for every row costs more than the rest). */
static void blank_computed_rows(fp_rollup_ctx *c)
{
    const fp_cell blank = { NAN, NAN, NAN, NAN, NAN, NAN, FP_ST_NONE, 0 };
    for (int i = 0; i < c->r->nnodes; i++) {
        if (!computed(c, i))
            continue;
        fp_cell *row = fp_ctx_cell(c, i, 0);
        for (int k = 0; k < c->nk; k++)
            row[k] = blank;
    }
}

static void place_facts(fp_rollup_ctx *c)
{
    for (size_t i = 0; i < c->in->nfacts; i++) {
        const fp_fact *f = &c->in->facts[i];
        if (f->node < 0 || f->node >= c->r->nnodes || f->kpi < 0 ||
            f->kpi >= c->nk || !fp_has(f->value) ||
            !computed(c, f->node))
            continue;
        fp_cell *cell = fp_ctx_cell(c, f->node, f->kpi);
        /* keys are unique after import; a repeated key is added */
        cell->own = fp_has(cell->own) ? cell->own + f->value : f->value;
        cell->flags |= FP_CF_OWN;
    }
}

static void index_overrides(fp_rollup_ctx *c)
{
    for (int i = 0; i < c->r->nnodes; i++)
        c->ovr_head[i] = -1;
    /* pushed at the head: for a repeated key the last one wins */
    for (size_t i = 0; i < c->in->noverrides; i++) {
        const fp_override *o = &c->in->overrides[i];
        if (o->node < 0 || o->node >= c->r->nnodes || o->kpi < 0 ||
            o->kpi >= c->nk)
            continue;
        c->ovr_next[i] = c->ovr_head[o->node];
        c->ovr_head[o->node] = (int)i;
    }
}

/* Standing targets first, then this week's explicit ones over them. */
static void place_targets(fp_rollup_ctx *c)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->in->ntargets; i++) {
            const fp_target *t = &c->in->targets[i];
            bool standing = t->week == 0;
            if ((pass == 0) != standing || (!standing &&
                                            t->week != c->in->week))
                continue;
            if (t->node < 0 || t->node >= c->r->nnodes || t->kpi < 0 ||
                t->kpi >= c->nk || !fp_has(t->value))
                continue;
            fp_cell *cell = fp_ctx_cell(c, t->node, t->kpi);
            cell->target = t->value;
            cell->flags = (uint8_t)((cell->flags & ~FP_CF_CAP) |
                                    (t->cap ? FP_CF_CAP : 0));
        }
}

static double fx_rate(const fp_rollup_ctx *c, const char *currency)
{
    if (!*currency || strcmp(currency, c->cat->reporting_currency) == 0)
        return 1.0;
    for (size_t i = 0; i < c->in->nfx; i++)
        if (strcmp(c->in->fx[i].currency, currency) == 0 &&
            fp_has(c->in->fx[i].rate) && c->in->fx[i].rate > 0)
            return c->in->fx[i].rate;
    return NAN;
}

static void store_rates(fp_rollup_ctx *c)
{
    for (int i = 0; i < c->r->nnodes; i++) {
        const fp_node *n = &c->tree->nodes[i];
        c->rate[i] = n->level == FP_LVL_COMPANY ? 1.0
                   : n->level == FP_LVL_STORE ? fx_rate(c, n->currency)
                   : c->rate[n->store >= 0 ? n->store : 0];
    }
}

/* ---- one node ---- */

/* Children's sum of a sum KPI (money into the reporting currency at the
 * company), the node's own fact over it, and the children's targets. */
static void pull_sum(fp_rollup_ctx *c, int node, int k)
{
    const fp_node *n = &c->tree->nodes[node];
    bool convert = n->level == FP_LVL_COMPANY &&
                   c->cat->kpis[k].unit == FP_UNIT_MONEY;
    fp_cell *cell = fp_ctx_cell(c, node, k);
    double kids = NAN, tsum = 0;
    bool all_targets = n->first_child >= 0, no_rate = false;
    int kid_row = c->sums ? c->sums->row[node] : -1;
    if (kid_row >= 0) {
        kids = c->sums->kids[(size_t)kid_row * (size_t)c->nk + (size_t)k];
        all_targets = false; /* values only */
    }
    for (int ch = kid_row >= 0 ? -1 : n->first_child; ch >= 0;
         ch = c->tree->nodes[ch].next_sibling) {
        const fp_cell *cc = fp_ctx_cell(c, ch, k);
        double f = convert ? c->rate[ch] : 1.0;
        if (fp_has(cc->value) && !fp_has(f))
            no_rate = true;
        else if (fp_has(cc->value))
            kids = fp_has(kids) ? kids + cc->value * f : cc->value * f;
        if (fp_has(cc->target) && fp_has(f))
            tsum += cc->target * f;
        else
            all_targets = false;
    }
    if (no_rate) {
        kids = NAN;
        cell->flags |= FP_CF_NO_RATE;
    }
    cell->kids = kids;
    cell->source = fp_has(cell->own) ? cell->own : kids;
    cell->value = cell->source;
    if (fp_has(cell->own) && fp_has(kids) &&
        fp_rollup_differs(cell->own, kids))
        cell->flags |= FP_CF_OVERLAP;
    if (!fp_has(cell->target) && all_targets)
        cell->target = tsum;
}

void fp_rollup_apply_override(fp_rollup_ctx *c, int node, int kpi,
                              fp_cell *cell)
{
    for (int o = c->ovr_head[node]; o >= 0; o = c->ovr_next[o]) {
        const fp_override *ov = &c->in->overrides[o];
        if (ov->kpi != kpi)
            continue;
        cell->value = ov->value;
        cell->flags |= FP_CF_OVERRIDDEN;
        if (fp_rollup_differs(ov->original, cell->source))
            cell->flags |= FP_CF_STALE;
        return;
    }
}

void fp_rollup_formulas(fp_rollup_ctx *c, int row, int node)
{
    double *vals = c->row;
    const fp_cell *cells = fp_ctx_cell(c, row, 0);
    for (int k = 0; k < c->nk; k++)
        vals[k] = cells[k].value;
    for (int j = 0; j < c->cat->neval; j++) {
        int k = c->cat->eval_order[j];
        fp_cell *cell = fp_ctx_cell(c, row, k);
        double computed = fp_expr_eval(c->cat->kpis[k].formula, vals);
        cell->kids = computed;
        cell->source = fp_has(cell->own) ? cell->own : computed;
        cell->value = cell->source;
        if (node >= 0 && c->ovr_head[node] >= 0)
            fp_rollup_apply_override(c, node, k, cell);
        vals[k] = cell->value;
    }
}

double fp_rollup_card_target(const fp_catalogue *cat, int level,
                             const char *role, int kpi)
{
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, level, role, &n);
    for (int i = 0; i < n; i++)
        if (card[i].kpi == kpi)
            return card[i].default_target;
    return NAN;
}

static const char *role_of_node(const fp_rollup_ctx *c, int node)
{
    int p = c->tree->nodes[node].person;
    return p >= 0 ? c->tree->people[p].role : NULL;
}

/* The node above `node` at `level`, or -1. */
static int ancestor_at(const fp_tree *tree, int node, int level)
{
    for (int n = node; n >= 0; n = tree->nodes[n].parent)
        if ((int)tree->nodes[n].level == level)
            return n;
    return -1;
}

int fp_rollup_scope_node(const fp_rollup_ctx *c, int node)
{
    const char *role_id = role_of_node(c, node);
    int role = role_id ? fp_catalogue_role(c->cat, role_id) : -1;
    int scope = role >= 0 ? c->cat->roles[role].scope : 0;
    return scope ? ancestor_at(c->tree, node, scope) : -1;
}

/* A person whose role is scoped to their store or category (an ops
 * manager) has the KPIs of their card read entirely at that node: value,
 * flags and target (the role's default where the node has none), even
 * where they have facts of their own, so a card never mixes the two.
 * Runs after the roll-up: their own facts are already in the sums
 * above, and nothing is summed twice. */
static void scope_card(fp_rollup_ctx *c, int node)
{
    int from = fp_rollup_scope_node(c, node);
    if (from < 0)
        return;
    const fp_role *r = &c->cat->roles[fp_catalogue_role(
        c->cat, role_of_node(c, node))];
    for (int i = 0; i < r->nkpis; i++) {
        fp_cell *cell = fp_ctx_cell(c, node, r->kpis[i].kpi);
        *cell = *fp_ctx_cell(c, from, r->kpis[i].kpi);
        if (!fp_has(cell->target))
            cell->target = r->kpis[i].default_target;
    }
}

void fp_rollup_scope_cards(fp_rollup_ctx *c)
{
    for (int i = 0; i < c->tree->nnodes; i++)
        if (c->tree->nodes[i].level == FP_LVL_PERSON)
            scope_card(c, i);
}

/* Last step of target resolution: the card's default (role or level). */
static void card_defaults(fp_rollup_ctx *c, int node)
{
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(
        c->cat, (int)c->tree->nodes[node].level, role_of_node(c, node), &n);
    for (int i = 0; i < n; i++) {
        fp_cell *cell = fp_ctx_cell(c, node, card[i].kpi);
        if (!fp_has(cell->target) && fp_has(card[i].default_target))
            cell->target = card[i].default_target;
    }
}

static void roll_node(fp_rollup_ctx *c, int node)
{
    for (int j = 0; j < c->nsum; j++)
        pull_sum(c, node, c->sum_k[j]);
    for (int j = 0; j < c->nnone; j++) {
        fp_cell *cell = fp_ctx_cell(c, node, c->none_k[j]);
        cell->value = cell->source = cell->own;
    }
    for (int o = c->ovr_head[node]; o >= 0; o = c->ovr_next[o]) {
        int k = c->in->overrides[o].kpi;
        fp_cell *cell = fp_ctx_cell(c, node, k);
        if (c->cat->kpis[k].add != FP_ADD_FORMULA &&
            !(cell->flags & FP_CF_OVERRIDDEN))
            fp_rollup_apply_override(c, node, k, cell);
    }
    fp_rollup_formulas(c, node, node);
    if (!c->values_only)
        card_defaults(c, node);
}

/* ---- every row: attainment, status, provisional, score ---- */

static void judge_cell(fp_cell *cell, const fp_kpi *kpi)
{
    if (cell->flags & FP_CF_CAP) {
        cell->attainment = fp_cap_attainment(cell->value, cell->target);
        cell->status = (uint8_t)fp_cap_status(cell->value, cell->target);
    } else {
        cell->attainment = fp_attainment(kpi, cell->value, cell->target);
        cell->status = (uint8_t)fp_status_of(kpi, cell->attainment);
    }
}

static void finish_row(fp_rollup_ctx *c, int row, int level,
                       const char *role)
{
    for (int k = 0; k < c->nk; k++) {
        fp_cell *cell = fp_ctx_cell(c, row, k);
        judge_cell(cell, &c->cat->kpis[k]);
        if (c->prov[k])
            cell->flags |= FP_CF_PROVISIONAL;
    }
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(c->cat, level, role, &n);
    double sum = 0, weights = 0;
    for (int i = 0; i < n; i++) {
        double att = fp_ctx_cell(c, row, card[i].kpi)->attainment;
        if (!fp_has(att))
            continue;
        sum += card[i].weight * fmin(att, 1.2);
        weights += card[i].weight;
    }
    c->r->score[row] = weights > 0 ? sum / weights : NAN;
}

void fp_rollup_finish_rows(fp_rollup_ctx *c)
{
    for (int i = 0; i < c->r->nnodes; i++)
        finish_row(c, i, (int)c->tree->nodes[i].level, role_of_node(c, i));
    for (int p = 0; p < c->tree->npeople; p++)
        finish_row(c, c->r->nnodes + p, FP_LVL_PERSON,
                   c->tree->people[p].role);
}

static void blank_scores(fp_rollup *r)
{
    for (int i = 0; i < r->nrows; i++)
        r->score[i] = NAN;
}

fp_rollup *fp_rollup_compute(const fp_catalogue *cat, const fp_tree *tree,
                             const fp_week_input *in)
{
    return fp_rollup_recompute(NULL, cat, tree, in);
}

static fp_rollup *compute(fp_rollup *reuse, const fp_catalogue *cat,
                          const fp_tree *tree, const fp_week_input *in,
                          bool values_only, const fp_kid_sums *sums)
{
    fp_rollup_ctx c = { .cat = cat, .tree = tree, .in = in,
                        .nk = cat->nkpis, .values_only = values_only,
                        .sums = sums };
    if (!alloc_ctx(&c, reuse)) {
        free(c.scratch);
        fp_rollup_free(c.r);
        return NULL;
    }
    c.r->week = in->week;
    c.r->period = fp_period_of_week(in->week);
    c.r->period_weeks = 1;
    c.r->weeks_with_data = in->nfacts > 0;
    c.r->cat = cat;
    c.r->tree = tree;
    if (sums)
        blank_computed_rows(&c);
    else
        fp_rollup_blank(c.r);
    classify_kpis(&c);
    place_facts(&c);
    index_overrides(&c);
    if (!values_only)
        place_targets(&c);
    store_rates(&c);
    for (int i = tree->nnodes - 1; i >= 0; i--)
        if (computed(&c, i))
            roll_node(&c, i);
    if (!sums) {
        fp_rollup_scope_cards(&c);
        fp_rollup_people(&c);
    }
    if (values_only)
        blank_scores(c.r);
    else
        fp_rollup_finish_rows(&c);
    free(c.scratch);
    return c.r;
}

fp_rollup *fp_rollup_recompute(fp_rollup *reuse, const fp_catalogue *cat,
                               const fp_tree *tree, const fp_week_input *in)
{
    return compute(reuse, cat, tree, in, false, NULL);
}

fp_rollup *fp_rollup_recompute_values(fp_rollup *reuse,
                                      const fp_catalogue *cat,
                                      const fp_tree *tree,
                                      const fp_week_input *in)
{
    return compute(reuse, cat, tree, in, true, NULL);
}

fp_rollup *fp_rollup_recompute_upper(fp_rollup *reuse,
                                     const fp_catalogue *cat,
                                     const fp_tree *tree,
                                     const fp_week_input *in,
                                     const fp_kid_sums *sums)
{
    return compute(reuse, cat, tree, in, true, sums);
}

static bool parent_of_people(const fp_tree *tree, int node)
{
    int ch = tree->nodes[node].first_child;
    if (ch < 0)
        return false;
    for (; ch >= 0; ch = tree->nodes[ch].next_sibling)
        if (tree->nodes[ch].level != FP_LVL_PERSON)
            return false;
    return true;
}

/* The children are added as pull_sum adds them: in sibling order, the
 * first value taken as it is (x * 1.0 is x: no currency below the
 * company). */
void fp_rollup_kid_sums(const fp_tree *tree, const fp_fact *facts,
                        size_t nfacts, int ncols, double *own, double *kids)
{
    size_t n = (size_t)tree->nnodes * (size_t)ncols;
    for (size_t i = 0; i < n; i++)
        own[i] = kids[i] = NAN;
    for (size_t i = 0; i < nfacts; i++) {
        const fp_fact *f = &facts[i];
        if (f->node < 0 || f->node >= tree->nnodes || f->kpi < 0 ||
            f->kpi >= ncols || !fp_has(f->value))
            continue;
        double *o = &own[(size_t)f->node * (size_t)ncols + (size_t)f->kpi];
        *o = fp_has(*o) ? *o + f->value : f->value;
    }
    for (int node = 0; node < tree->nnodes; node++) {
        if (!parent_of_people(tree, node))
            continue;
        double *sum = &kids[(size_t)node * (size_t)ncols];
        for (int ch = tree->nodes[node].first_child; ch >= 0;
             ch = tree->nodes[ch].next_sibling) {
            const double *v = &own[(size_t)ch * (size_t)ncols];
            for (int k = 0; k < ncols; k++)
                if (fp_has(v[k]))
                    sum[k] = fp_has(sum[k]) ? sum[k] + v[k] : v[k];
        }
    }
}

void fp_rollup_free(fp_rollup *r)
{
    if (!r)
        return;
    free(r->cells);
    free(r->score);
    free(r->person_currency);
    free(r);
}

const char *fp_rollup_currency(const fp_rollup *r, int row)
{
    const char *cur = "";
    if (row < r->nnodes)
        cur = r->tree->nodes[row].currency;
    else if (row < r->nrows)
        cur = r->person_currency[row - r->nnodes];
    return *cur ? cur : r->cat->reporting_currency;
}

static int sign_of_move(double now, double prev)
{
    if (!fp_has(now) || !fp_has(prev) || !fp_rollup_differs(now, prev))
        return 0;
    return now > prev ? 1 : -1;
}

int fp_rollup_conflicts(const fp_rollup *now, const fp_rollup *prev,
                        int row, int *out, int max)
{
    if (!prev || row < 0 || row >= now->nrows || row >= prev->nrows ||
        now->nkpis != prev->nkpis)
        return 0;
    const fp_catalogue *cat = now->cat;
    int n = 0;
    for (int i = 0; i < cat->nconflicts; i++) {
        const fp_conflict *f = &cat->conflicts[i];
        int ma = sign_of_move(fp_rollup_cell(now, row, f->a)->value,
                              fp_rollup_cell(prev, row, f->a)->value);
        int mb = sign_of_move(fp_rollup_cell(now, row, f->b)->value,
                              fp_rollup_cell(prev, row, f->b)->value);
        if (ma == f->dir_a && mb == f->dir_b) {
            if (n < max)
                out[n] = i;
            n++;
        }
    }
    return n;
}
