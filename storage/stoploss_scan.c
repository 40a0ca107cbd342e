/* Stop-loss over a review session; see stoploss_scan.h. */
#include "storage/stoploss_scan.h"

static const fp_stoploss_rule *rule_of(fp_review *rv, const fp_rollup *r,
                                       int row)
{
    const char *store = fp_stoploss_row_store(r->tree, r->nnodes, row);
    return fp_stoploss_rule_for(&fp_review_config(rv)->stoploss, store);
}

int fp_review_stoploss(fp_review *rv, const fp_rollup *r, int row,
                       const fp_stoploss_rule **rule)
{
    int roas = fp_catalogue_kpi(r->cat, "roas");
    const fp_stoploss_rule *rl = rule_of(rv, r, row);
    if (rule)
        *rule = rl;
    if (!fp_stoploss_watches(r, row, roas) || !fp_stoploss_active(rl) ||
        rl->weeks < 1)
        return 0;
    double trend[FP_TREND_WEEKS];
    if (!fp_review_trend(rv, r->week, row, roas, trend))
        return -1;
    return fp_stoploss_run_below(trend + FP_TREND_WEEKS - rl->weeks,
                                 rl->weeks, rl->roas);
}
