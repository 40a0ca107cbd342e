/* Stop-loss (止损) on ad spend: a store, a category or an ad buyer whose
 * ROAS stays below break-even for N consecutive weeks is flagged. The
 * rules come from the config ([stoploss], [stoploss.STORE]); this file
 * only decides. Plain C. See docs/kpi-system.md.
 * Ownership: fp_stoploss is embedded (fp_stoploss_init/_done); it owns
 * its per-store rules and their strings. */
#ifndef FUPAN_MODEL_STOPLOSS_H
#define FUPAN_MODEL_STOPLOSS_H

#include <stdbool.h>

#include "model/rollup.h"

#define FP_STOPLOSS_MAX_WEEKS 12   /* = FP_TREND_WEEKS */

typedef struct {
    char *store;   /* store code (lower case, as iniparser gives it); NULL
                      for the [stoploss] rule itself */
    double roas;   /* break-even ROAS; NAN: no rule */
    int weeks;     /* consecutive weeks below it; 0: not by weeks */
    int days;      /* consecutive days below it (daily data); 0: not */
} fp_stoploss_rule;

typedef struct {
    fp_stoploss_rule base;
    fp_stoploss_rule *stores;
    int nstores;
} fp_stoploss;

void fp_stoploss_init(fp_stoploss *sl);   /* no rule */
void fp_stoploss_done(fp_stoploss *sl);
/* Adds a [stoploss.STORE] rule (a copy of base with store set); returns
 * it for the caller to fill, NULL when out of memory. */
fp_stoploss_rule *fp_stoploss_add_store(fp_stoploss *sl, const char *store);

/* The rule for a store: its own section, else the base rule.
 * Comparison ignores case. store may be NULL or "" (the base rule). */
const fp_stoploss_rule *fp_stoploss_rule_for(const fp_stoploss *sl,
                                             const char *store);
bool fp_stoploss_active(const fp_stoploss_rule *rule);

/* True when each of the last n values of roas[] (oldest first, n >= 1)
 * has a value and lies below breakeven. A week without a ROAS (no spend)
 * breaks the run. */
bool fp_stoploss_run_below(const double *roas, int n, double breakeven);

/* True when a row of r is watched by the stop-loss: a store or a
 * category node, or a person whose card carries the KPI roas_kpi (an ad
 * buyer). The company and person nodes are not. */
bool fp_stoploss_watches(const fp_rollup *r, int row, int roas_kpi);

/* Store code of a row for the rule: the node's store; for a person row
 * the store of all their nodes when they share one, else NULL. */
const char *fp_stoploss_row_store(const fp_tree *tree, int nnodes, int row);

#endif
