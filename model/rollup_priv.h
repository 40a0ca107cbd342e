/* Internal state of one fp_rollup_compute (model/rollup*.c only). */
#ifndef FUPAN_MODEL_ROLLUP_PRIV_H
#define FUPAN_MODEL_ROLLUP_PRIV_H

#include "model/rollup.h"

typedef struct {
    const fp_catalogue *cat;
    const fp_tree *tree;
    const fp_week_input *in;
    fp_rollup *r;
    int nk;              /* KPIs per row */
    void *scratch;       /* one allocation holding the arrays below */
    double *rate;        /* per node: its store's money -> reporting */
    int *ovr_head;       /* per node: first override index or -1 */
    int *ovr_next;       /* per override: next one of the same node */
    int *sum_k, nsum;    /* KPIs by additivity */
    int *none_k, nnone;
    int *pstart;         /* person p's nodes: pnodes[pstart[p]..pstart[p+1]) */
    int *pnodes;
    double *row;         /* nk values, for formulas */
    unsigned char *prov; /* per KPI: the week is provisional */
    bool values_only;    /* no targets, attainment, status, score */
    const fp_kid_sums *sums; /* upper rows only (fp_rollup_recompute_upper) */
} fp_rollup_ctx;

static inline fp_cell *fp_ctx_cell(fp_rollup_ctx *c, int row, int kpi)
{
    return &c->r->cells[(size_t)row * (size_t)c->nk + (size_t)kpi];
}

/* True when a and b are not the same value (NAN = no value). */
bool fp_rollup_differs(double a, double b);
/* Applies the override of (node, kpi), if any, to cell. */
void fp_rollup_apply_override(fp_rollup_ctx *c, int node, int kpi,
                              fp_cell *cell);
/* Evaluates the formula KPIs of row from its values, in dependency
 * order; node >= 0 for a tree node (own values and overrides of
 * formula KPIs win), -1 for a person row. */
void fp_rollup_formulas(fp_rollup_ctx *c, int row, int node);
/* The node whose figures the card of a person node is read at (the
 * store or category above it, by the role's scope), or -1 when the
 * card is read on the person's own facts. */
int fp_rollup_scope_node(const fp_rollup_ctx *c, int node);
/* Rows nnodes..nrows-1: each person's own scorecard. */
void fp_rollup_people(fp_rollup_ctx *c);
/* Default target of kpi on the node's card (role or level), or NAN. */
double fp_rollup_card_target(const fp_catalogue *cat, int level,
                             const char *role, int kpi);
/* The rollup's arrays for nn nodes, np people and nk KPIs, reusing
 * reuse's when the shape is the same (else reuse is freed). Cells are
 * not initialised: fp_rollup_blank. NULL when out of memory. */
fp_rollup *fp_rollup_alloc(int nn, int np, int nk, fp_rollup *reuse);
/* Every cell "no value", no target, no flag. */
void fp_rollup_blank(fp_rollup *r);
/* Person nodes of a scoped role read their card at the scope node. */
void fp_rollup_scope_cards(fp_rollup_ctx *c);
/* Attainment, status, provisional (c->prov) and score of every row. */
void fp_rollup_finish_rows(fp_rollup_ctx *c);

#endif
