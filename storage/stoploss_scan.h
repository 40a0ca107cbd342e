/* Stop-loss (止损) over a review session: is a row of a week flagged?
 * Reads the ROAS of the weeks before through the session's trend cache.
 * See model/stoploss.h for the rule. */
#ifndef FUPAN_STORAGE_STOPLOSS_SCAN_H
#define FUPAN_STORAGE_STOPLOSS_SCAN_H

#include "storage/review.h"

/* 1 when row of r (a week of rv) is flagged 止损 by weeks, 2 by days
 * (daily data), 0 when not, -1 on a storage error (fp_review_db(rv)->err).
 * *rule (may be NULL) receives the rule that applies to the row. r stays
 * valid. r may be a month's or a quarter's: it is then judged at
 * fp_review_stoploss_week. */
int fp_review_stoploss(fp_review *rv, const fp_rollup *r, int row,
                       const fp_stoploss_rule **rule);
/* The week a period's stop-loss is read at: its newest week with data
 * (its first week when none has any). */
fp_week fp_review_stoploss_week(fp_review *rv, fp_period p);

#endif
