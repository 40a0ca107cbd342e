/* A review session: the database, the org tree, the catalogue and the
 * computed weeks (cached), shared by the CLI and the TUI.
 * Ownership: fp_review_open/fp_review_close; rollups returned are owned
 * by the session and stay valid until the next refresh or close. */
#ifndef FUPAN_STORAGE_REVIEW_H
#define FUPAN_STORAGE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "model/catalogue.h"
#include "model/rollup.h"
#include "model/tree.h"
#include "storage/config.h"
#include "storage/db.h"

#define FP_TREND_WEEKS 12

typedef struct fp_review fp_review;

typedef struct {
    const char *db_path;     /* NULL: fp_db_default_path() */
    const char *config_path; /* NULL: $XDG_CONFIG_HOME/fupan/config.ini if any */
    bool read_only;
    long today;              /* days since epoch; 0: newest imported day */
} fp_review_opts;

fp_review *fp_review_open(const fp_review_opts *opts, char *err, size_t errsz);
/* Same; on failure *bad_config tells whether the config or the KPI
 * catalogue file was refused (input: exit 3) rather than the database. */
fp_review *fp_review_open_checked(const fp_review_opts *opts,
                                  bool *bad_config, char *err, size_t errsz);
void fp_review_close(fp_review *rv);

fp_db *fp_review_db(fp_review *rv);
const fp_tree *fp_review_tree(const fp_review *rv);
const fp_catalogue *fp_review_catalogue(const fp_review *rv);
const fp_config *fp_review_config(const fp_review *rv);

/* Newest week with any fact, 0 when the database is empty (or cannot
 * be read: db->err). */
fp_week fp_review_latest_week(fp_review *rv);
/* 1 when the database holds any fact for that week, 0 when not, -1 when
 * it cannot be read (message in fp_review_db(rv)->err). */
int fp_review_week_exists(fp_review *rv, fp_week week);
/* fp_review_week_exists(...) > 0. */
bool fp_review_has_week(fp_review *rv, fp_week week);
/* The computed week (cached). NULL with the message in
 * fp_review_db(rv)->err on a storage error. */
const fp_rollup *fp_review_week(fp_review *rv, fp_week week);
/* The computed period (cached): a week as fp_review_week, a month or a
 * quarter rolled up from its weeks (model/rollup.h, fp_period_acc).
 * Same ownership and errors as fp_review_week. */
const fp_rollup *fp_review_period(fp_review *rv, fp_period p);
/* 1 when any week of p holds a fact, 0 when none, -1 on a read error. */
int fp_review_period_exists(fp_review *rv, fp_period p);
/* Values of one cell over the FP_TREND_WEEKS weeks ending at week
 * (out[FP_TREND_WEEKS-1] is week itself); NAN where there is none. */
bool fp_review_trend(fp_review *rv, fp_week week, int row, int kpi,
                     double out[FP_TREND_WEEKS]);
/* True when fp_review_trend for week and row would compute nothing new
 * (all its weeks are cached), so a screen can draw first and fill
 * trends after. Trend weeks keep the rows above person level only until
 * a person's trend is asked for (those weeks are then computed whole). */
bool fp_review_trend_cached(const fp_review *rv, fp_week week, int row);
/* Replaces the session's catalogue with cat (taken over, freed at
 * close) and drops every computed week, so that the same data can be
 * read under another catalogue (what-if, catalogue versions). False
 * with the message in fp_review_db(rv)->err on a storage error. */
bool fp_review_set_catalogue(fp_review *rv, fp_catalogue *cat);
/* Reloads tree and drops cached weeks when another process wrote
 * (PRAGMA data_version). Returns true when something changed. Call after
 * this process writes too (force = true). */
bool fp_review_refresh(fp_review *rv, bool force);

#endif
