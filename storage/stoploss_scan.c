/* Stop-loss over a review session; see stoploss_scan.h. */
#include "storage/stoploss_scan.h"

#include <stdio.h>
#include <string.h>

#include "storage/meeting_util.h"

static const fp_stoploss_rule *rule_of(fp_review *rv, const fp_rollup *r,
                                       int row)
{
    const char *store = fp_stoploss_row_store(r->tree, r->nnodes, row);
    return fp_stoploss_rule_for(&fp_review_config(rv)->stoploss, store);
}

fp_week fp_review_stoploss_week(fp_review *rv, fp_period p)
{
    fp_week first = fp_period_first(p), w = fp_period_last(p);
    while (w > first && !fp_review_has_week(rv, w))
        w = fp_week_prev(w);
    return w;
}

static int by_weeks(fp_review *rv, fp_week week, int row, int roas,
                    const fp_stoploss_rule *rl)
{
    double trend[FP_TREND_WEEKS];
    if (rl->weeks < 1)
        return 0;
    if (!fp_review_trend(rv, week, row, roas, trend))
        return -1;
    return fp_stoploss_run_below(trend + FP_TREND_WEEKS - rl->weeks,
                                 rl->weeks, rl->roas);
}

/* The newest day with daily data in the week (0: none, -1: error). */
static long last_day(fp_db *db, fp_week week)
{
    char mon[16], sun[16];
    fp_day_format(fp_week_monday(week), mon);
    fp_day_format(fp_week_monday(week) + 6, sun);
    sqlite3_stmt *st = fp_db_prepare(db, "SELECT max(day) FROM daily_facts"
                                     " WHERE day BETWEEN ?1 AND ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, mon, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sun, -1, SQLITE_TRANSIENT);
    int row = fp_step(db, st, "read daily facts"), y, m, d;
    long day = 0;
    if (row > 0 && sqlite3_column_type(st, 0) == SQLITE_TEXT &&
        fp_date_parse((const char *)sqlite3_column_text(st, 0), &y, &m, &d))
        day = fp_days_from_civil(y, m, d);
    sqlite3_finalize(st);
    return row < 0 ? -1 : day;
}

/* Daily gmv and ad_spend of a node (its own daily rows when it has any
 * in the window, else those of every node below it) or of a person (all
 * their nodes), ?1 = node or person db id, ?2..?3 = first and last day. */
static const char *const sql_node_days =
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT n.id FROM nodes n"
    " JOIN sub ON n.parent_id = sub.id),"
    " own AS (SELECT EXISTS(SELECT 1 FROM daily_facts WHERE node_id = ?1"
    " AND day BETWEEN ?2 AND ?3) AS yes)"
    " SELECT d.day, k.code, sum(d.value) FROM daily_facts d JOIN kpis k"
    " ON k.id = d.kpi_id, own WHERE k.code IN ('gmv', 'ad_spend')"
    " AND d.day BETWEEN ?2 AND ?3 AND (d.node_id = ?1 OR (NOT own.yes"
    " AND d.node_id IN (SELECT id FROM sub))) GROUP BY d.day, k.code";
static const char *const sql_person_days =
    "SELECT d.day, k.code, sum(d.value) FROM daily_facts d JOIN kpis k"
    " ON k.id = d.kpi_id JOIN nodes n ON n.id = d.node_id"
    " WHERE n.person_id = ?1 AND k.code IN ('gmv', 'ad_spend')"
    " AND d.day BETWEEN ?2 AND ?3 GROUP BY d.day, k.code";

/* gmv[i] and spend[i] of day first + i, read from st. */
static bool read_days(fp_db *db, sqlite3_stmt *st, long first, int n,
                      double *gmv, double *spend)
{
    int row, y, m, d;
    while ((row = fp_step(db, st, "read daily facts")) > 0) {
        if (!fp_date_parse((const char *)sqlite3_column_text(st, 0), &y, &m,
                           &d))
            continue;
        long i = fp_days_from_civil(y, m, d) - first;
        bool is_gmv = !strcmp((const char *)sqlite3_column_text(st, 1), "gmv");
        if (i >= 0 && i < n)
            (is_gmv ? gmv : spend)[i] = sqlite3_column_double(st, 2);
    }
    sqlite3_finalize(st);
    return row == 0;
}

static int by_days(fp_review *rv, const fp_rollup *r, fp_week week,
                   int row, const fp_stoploss_rule *rl)
{
    fp_db *db = fp_review_db(rv);
    long last = rl->days > 0 ? last_day(db, week) : 0;
    if (last <= 0)
        return (int)last;
    double gmv[31], spend[31], roas[31];
    long first = last - rl->days + 1;
    char a[16], b[16];
    fp_day_format(first, a);
    fp_day_format(last, b);
    bool person = row >= r->nnodes;
    sqlite3_stmt *st = fp_db_prepare(db, person ? sql_person_days
                                                : sql_node_days);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, person ? r->tree->people[row - r->nnodes].db_id
                                     : r->tree->nodes[row].db_id);
    sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, b, -1, SQLITE_TRANSIENT);
    for (int i = 0; i < rl->days; i++)
        gmv[i] = spend[i] = FP_NOVAL;
    if (!read_days(db, st, first, rl->days, gmv, spend))
        return -1;
    for (int i = 0; i < rl->days; i++)
        roas[i] = spend[i] > 0 && fp_has(gmv[i]) ? gmv[i] / spend[i] : NAN;
    return fp_stoploss_run_below(roas, rl->days, rl->roas);
}

int fp_review_stoploss(fp_review *rv, const fp_rollup *r, int row,
                       const fp_stoploss_rule **rule)
{
    const fp_stoploss *sl = &fp_review_config(rv)->stoploss;
    int roas = fp_catalogue_kpi(r->cat, "roas");
    if (rule)
        *rule = &sl->base;
    if ((!fp_stoploss_active(&sl->base) && sl->nstores == 0) ||
        !fp_stoploss_watches(r, row, roas))
        return 0;   /* no rule at all: nothing to read */
    const fp_stoploss_rule *rl = rule_of(rv, r, row);
    if (rule)
        *rule = rl;
    if (!fp_stoploss_active(rl))
        return 0;
    fp_week week = r->period.kind == FP_PERIOD_WEEK
                   ? r->week : fp_review_stoploss_week(rv, r->period);
    int w = by_weeks(rv, week, row, roas, rl);
    if (w != 0)
        return w;
    int d = by_days(rv, r, week, row, rl);
    return d > 0 ? 2 : d;
}
