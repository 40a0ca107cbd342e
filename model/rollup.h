/* One week of numbers for the whole tree: sums, formulas (ratio of sums),
 * node facts over children, overrides, FX, targets, attainment, status,
 * score. Plain C.
 *
 * "No value" is NAN throughout (fp_has() tells); it is never shown as
 * NaN: the front ends print "—".
 *
 * Rows: rows 0..nnodes-1 are the tree's nodes; rows nnodes+p are person
 * p's own scorecard (all their nodes added up across stores/categories).
 * Cells: row * nkpis + kpi.
 * Ownership: fp_rollup_compute returns a new rollup; fp_rollup_free. */
#ifndef FUPAN_MODEL_ROLLUP_H
#define FUPAN_MODEL_ROLLUP_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/catalogue.h"
#include "model/tree.h"
#include "model/week.h"

#define FP_NOVAL NAN
static inline bool fp_has(double v) { return !isnan(v); }

typedef struct { int node, kpi; double value; } fp_fact;

typedef struct {
    int node, kpi;
    double value;        /* the override */
    double original;     /* source value when it was set (NAN if none) */
    long long id;        /* storage id, for the front ends */
} fp_override;

typedef struct {
    fp_week week;        /* 0 = standing target */
    int node, kpi;
    double value;
    bool cap;            /* a ceiling (budget cap): above it is red */
} fp_target;

typedef struct { char currency[8]; double rate; } fp_fx; /* 1 unit = rate
                                                  reporting-currency units */

typedef struct {
    fp_week week;
    const fp_fact *facts; size_t nfacts;
    const fp_override *overrides; size_t noverrides; /* active ones */
    const fp_target *targets; size_t ntargets; /* this week's and standing */
    const fp_fx *fx; size_t nfx;               /* this week's rates */
    long today;          /* days since epoch for maturity; 0 = never provisional */
} fp_week_input;

typedef enum { FP_ST_NONE = 0, FP_ST_GREEN, FP_ST_AMBER, FP_ST_RED } fp_status;

enum {
    FP_CF_OWN = 1,          /* imported at this node */
    FP_CF_OVERRIDDEN = 2,   /* value comes from an override */
    FP_CF_STALE = 4,        /* override's source changed since it was set */
    FP_CF_NO_RATE = 8,      /* money above store level lacks an FX rate */
    FP_CF_PROVISIONAL = 16, /* week still inside the KPI's maturity */
    FP_CF_OVERLAP = 32,     /* own value and children's sum both exist and differ */
    FP_CF_CAP = 64          /* the target is a ceiling (kind = cap): at or
                               under it green, above it red; see
                               docs/kpi-system.md */
};

typedef struct {
    double value;        /* what is shown: override > own > children's sum,
                            or the formula over the node's components */
    double own;          /* imported at this node (NAN if none) */
    double kids;         /* sum of the children's values (sum KPIs) */
    double source;       /* value before any override at this node */
    double target;       /* resolved target (NAN if none) */
    double attainment;   /* direction-aware ratio, NAN if none */
    uint8_t status;      /* fp_status */
    uint8_t flags;       /* FP_CF_* */
} fp_cell;

typedef struct {
    fp_week week;        /* a period's rollup: its last week */
    fp_period period;    /* the week itself, or the month or quarter */
    int period_weeks;    /* weeks in the period (1 for a week) */
    int weeks_with_data; /* of those, weeks with any fact: the period is
                            partial while fewer */
    int nrows, nnodes, nkpis;
    fp_cell *cells;      /* nrows * nkpis */
    double *score;       /* per row: weighted, capped; NAN if no KPI scores */
    const fp_catalogue *cat; /* borrowed */
    const fp_tree *tree;     /* borrowed */
    /* Currency of person p's row (rows nnodes+p): the currency of their
     * stores when they all share one, else the reporting currency (their
     * money then converted with the week's FX). */
    char (*person_currency)[8];
} fp_rollup;

fp_rollup *fp_rollup_compute(const fp_catalogue *cat, const fp_tree *tree,
                             const fp_week_input *in);
/* Same, reusing (or freeing) reuse's memory; reuse may be NULL. The
 * result replaces reuse, which must not be used afterwards. */
fp_rollup *fp_rollup_recompute(fp_rollup *reuse, const fp_catalogue *cat,
                               const fp_tree *tree, const fp_week_input *in);
/* Same as fp_rollup_recompute for every cell's value, own, kids and
 * source (bit for bit) and the flags own, overridden, stale, no rate and
 * overlap. Targets are not resolved (in->targets is not read; do not
 * read target, attainment, status or the provisional flag of such a
 * rollup) and every score is NAN. What a trend needs, in less work. */
fp_rollup *fp_rollup_recompute_values(fp_rollup *reuse,
                                      const fp_catalogue *cat,
                                      const fp_tree *tree,
                                      const fp_week_input *in);
/* ---- a trend week above person level (issue 11: a cold `g`) ----
 * The children's sums of the nodes whose children are person nodes (the
 * categories), kept by storage per week so that a trend need not read
 * every fact. fp_rollup_kid_sums makes them from a week's facts; a
 * rollup given them adds nothing below those nodes. */
typedef struct {
    const int *row;      /* per node: its row in kids, or -1: its children
                            are rolled up from in->facts as usual */
    const double *kids;  /* rows of cat->nkpis (catalogue order): the
                            children's sum of each KPI, NAN where none */
} fp_kid_sums;

/* For a week's facts (node: tree index; kpi: any column 0..ncols-1),
 * fills own (nnodes * ncols: the facts of each node, a repeated key
 * added) and kids (nnodes * ncols: at each node with children, all of
 * them person nodes, the children's facts added in tree order, the way
 * the roll-up adds them; NAN elsewhere). Bit for bit the children's sum
 * the roll-up computes when no child has an override. Facts out of range
 * are skipped. */
void fp_rollup_kid_sums(const fp_tree *tree, const fp_fact *facts,
                        size_t nfacts, int ncols, double *own, double *kids);
/* As fp_rollup_recompute_values for the rows of the nodes that are not
 * person nodes (value, own, kids, source, the same flags, bit for bit),
 * taking the children's sums of every node with sums->row[node] >= 0
 * from sums instead of from its children. in->facts need only hold the
 * facts of nodes above person level and of the children of nodes with
 * row -1. Only those rows are computed: the person nodes' and people's
 * rows hold nothing to read. */
fp_rollup *fp_rollup_recompute_upper(fp_rollup *reuse,
                                     const fp_catalogue *cat,
                                     const fp_tree *tree,
                                     const fp_week_input *in,
                                     const fp_kid_sums *sums);
void fp_rollup_free(fp_rollup *r);

static inline const fp_cell *fp_rollup_cell(const fp_rollup *r, int row,
                                            int kpi)
{
    return &r->cells[(size_t)row * (size_t)r->nkpis + (size_t)kpi];
}

/* Attainment of actual against target in the KPI's direction; NAN when
 * either is missing or zero. */
double fp_attainment(const fp_kpi *kpi, double actual, double target);
fp_status fp_status_of(const fp_kpi *kpi, double attainment);
/* A ceiling's attainment: cap / value whatever the KPI's direction
 * (NAN without a value, a cap, or with no spend); its status: green at
 * or under the cap, red above it, never amber. */
double fp_cap_attainment(double value, double cap);
fp_status fp_cap_status(double value, double cap);

/* Currency the money of a row is in: the reporting currency for the
 * company, the store's currency below it, see person_currency. */
const char *fp_rollup_currency(const fp_rollup *r, int row);

/* The configured conflict pairs (cat->conflicts) whose two KPIs both
 * moved at row since prev (the previous week's rollup over the same
 * tree) in their flagged directions. Writes up to max indices into out;
 * returns how many pairs fired (0 when prev is NULL). */
int fp_rollup_conflicts(const fp_rollup *now, const fp_rollup *prev,
                        int row, int *out, int max);

/* ---- a month or a quarter (model/rollup_period.c) ----
 * A period's rollup is built from the rollups of its weeks, in the same
 * shape: sum KPIs add the weeks' values (money above store level is
 * already converted at each week's rate; a week without a rate leaves
 * the period without a value, FP_CF_NO_RATE); formula KPIs are computed
 * again from the period's summed components (a month's ROAS is its GMV
 * over its spend); `none` KPIs have no value (nothing is imported for a
 * period). Flags of the weeks are kept (overridden, provisional ...).
 * Targets: an explicit target for the period (fp_target.week ==
 * fp_period_code) wins; else for sum KPIs the sum of the weeks' targets
 * when every week has one; else for other KPIs the target every week
 * agrees on, or the node's standing target, or the card's default.
 * Attainment, status and score as for a week.
 * Ownership: fp_period_acc_new; add each week (any order, each once);
 * fp_period_acc_finish returns a new rollup (fp_rollup_free) and frees
 * the accumulator; fp_period_acc_free drops one not finished. */
typedef struct fp_period_acc fp_period_acc;

fp_period_acc *fp_period_acc_new(const fp_catalogue *cat,
                                 const fp_tree *tree, fp_period period);
/* week: the rollup of one of the period's weeks over the same tree and
 * catalogue; has_data: the week holds any fact (for partial marking). */
void fp_period_acc_add(fp_period_acc *acc, const fp_rollup *week,
                       bool has_data);
/* targets: the period's explicit ones and standing ones (week 0); others
 * are ignored. NULL when out of memory (acc is freed either way). */
fp_rollup *fp_period_acc_finish(fp_period_acc *acc,
                                const fp_target *targets, size_t ntargets);
void fp_period_acc_free(fp_period_acc *acc);

#endif
