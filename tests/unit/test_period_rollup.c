/* Months and quarters on the sample data (12 weeks, 2026-W36..W47):
 * figures hand-computed from sample-data/actuals.csv, fx.csv and
 * overrides.csv, and checked against the weeks' own roll-ups. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "model/text.h"
#include "storage/csv_import.h"
#include "storage/review.h"

static fp_scratch sc;
static fp_review *rv;

static void setup(void)
{
    char err[512];
    fp_locale_init();
    fp_scratch_sample(&sc, "period", NULL);
    fp_review_opts o = {sc.db, NULL, false, 0};
    rv = fp_review_open(&o, err, sizeof err);
    cr_assert_not_null(rv, "%s", err);
}

static void teardown(void)
{
    fp_review_close(rv);
    fp_scratch_remove(&sc);
}

TestSuite(period_rollup, .init = setup, .fini = teardown, .timeout = 60);

static fp_period period(const char *text)
{
    fp_period p;
    cr_assert(fp_period_parse(text, &p), "%s", text);
    return p;
}

static int kpi(const char *id)
{
    int k = fp_catalogue_kpi(fp_review_catalogue(rv), id);
    cr_assert_geq(k, 0, "%s", id);
    return k;
}

static int node(const char *path)
{
    int n = fp_tree_find_path(fp_review_tree(rv), path);
    cr_assert_geq(n, 0, "%s", path);
    return n;
}

static const fp_cell *pcell(const char *per, const char *path,
                            const char *id)
{
    const fp_rollup *r = fp_review_period(rv, period(per));
    cr_assert_not_null(r, "%s", fp_review_db(rv)->err);
    return fp_rollup_cell(r, node(path), kpi(id));
}

/* The sum of a cell over weeks first..last, from the weeks' roll-ups. */
static double weekly_sum(fp_week first, fp_week last, int row, int k)
{
    double sum = 0;
    for (fp_week w = first; w <= last; w = fp_week_next(w)) {
        double v = fp_rollup_cell(fp_review_week(rv, w), row, k)->value;
        sum += fp_has(v) ? v : 0;
    }
    return sum;
}

static void assert_near(double got, double want, const char *what)
{
    cr_assert(fabs(got - want) < 1e-6 * fmax(1, fabs(want)),
              "%s: %.6f, expected %.6f", what, got, want);
}

Test(period_rollup, store_month_sums_its_weeks)
{
    /* tts-my store GMV: W45 49,267.43 + W46 70,850.73 + W47 overridden
     * to 49,280.91 (T+1 delay); W48 has no data yet */
    const fp_cell *c = pcell("2026-11", "tts-my", "gmv");
    assert_near(c->value, 49267.43 + 70850.73 + 49280.91, "gmv");
    cr_assert(c->flags & FP_CF_OVERRIDDEN, "a week's override is marked");
    assert_near(pcell("2026-11", "tts-my", "ad_spend")->value,
                weekly_sum(202645, 202648, node("tts-my"), kpi("ad_spend")),
                "ad_spend");
}

Test(period_rollup, month_ratio_is_ratio_of_the_sums)
{
    const fp_cell *gmv = pcell("2026-11", "tts-my", "gmv");
    const fp_cell *spend = pcell("2026-11", "tts-my", "ad_spend");
    const fp_cell *roas = pcell("2026-11", "tts-my", "roas");
    assert_near(roas->value, gmv->value / spend->value, "roas");
    /* not the average of the weekly ROAS */
    double avg = 0;
    for (fp_week w = 202645; w <= 202647; w++)
        avg += fp_rollup_cell(fp_review_week(rv, w), node("tts-my"),
                              kpi("roas"))->value / 3;
    cr_assert(fabs(avg - roas->value) > 1e-3, "avg %f roas %f", avg,
              roas->value);
    const fp_cell *cvr = pcell("2026-11", "tts-my", "cvr");
    assert_near(cvr->value, pcell("2026-11", "tts-my", "orders")->value /
                pcell("2026-11", "tts-my", "clicks")->value, "cvr");
}

Test(period_rollup, company_money_converted_week_by_week)
{
    /* 2026-10 is W40-W44: sum over weeks and stores of the store's GMV
     * times that week's rate (fx.csv), computed by hand from the CSVs */
    assert_near(pcell("2026-10", "", "gmv")->value, 151265.0307387,
                "company gmv");
    assert_near(pcell("2026-10", "", "ad_spend")->value, 16785.1699598,
                "company spend");
    assert_near(pcell("2026-10", "", "roas")->value,
                151265.0307387 / 16785.1699598, "company roas");
}

Test(period_rollup, quarter_is_its_months)
{
    int k = kpi("gmv");
    double q = pcell("2026-Q4", "tts-th", "gmv")->value;
    double months = pcell("2026-10", "tts-th", "gmv")->value +
                    pcell("2026-11", "tts-th", "gmv")->value;
    assert_near(q, months, "quarter = October + November (no December)");
    assert_near(q, weekly_sum(202640, 202653, node("tts-th"), k), "weeks");
}

Test(period_rollup, non_additive_kpis_have_no_period_value)
{
    /* buyers were imported per week: they cannot be added up */
    cr_assert(fp_has(fp_rollup_cell(fp_review_week(rv, 202646),
                                    node("tts-th"), kpi("buyers"))->value));
    cr_assert_not(fp_has(pcell("2026-11", "tts-th", "buyers")->value));
    cr_assert_not(fp_has(pcell("2026-11", "tts-th", "repurchase")->value));
}

Test(period_rollup, partial_when_weeks_lack_data)
{
    const fp_rollup *r = fp_review_period(rv, period("2026-11"));
    cr_assert_eq(r->period_weeks, 4);
    cr_assert_eq(r->weeks_with_data, 3, "W48 has no data yet");
    r = fp_review_period(rv, period("2026-10"));
    cr_assert_eq(r->period_weeks, 5);
    cr_assert_eq(r->weeks_with_data, 5);
    r = fp_review_period(rv, period("2026-Q4"));
    cr_assert_eq(r->period_weeks, 14);
    cr_assert_eq(r->weeks_with_data, 8);
    cr_assert_eq(r->week, 202653, "a period's rollup names its last week");
}

Test(period_rollup, additive_target_is_the_weeks_targets_added)
{
    int row = node("tts-my"), k = kpi("gmv");
    double sum = 0;
    for (fp_week w = 202645; w <= 202648; w++)
        sum += fp_rollup_cell(fp_review_week(rv, w), row, k)->target;
    const fp_cell *c = pcell("2026-11", "tts-my", "gmv");
    assert_near(c->target, sum, "gmv target");
    assert_near(c->attainment, c->value / c->target, "attainment");
    /* a ratio keeps its standing target (targets.csv: tts-my roas 6.7) */
    assert_near(pcell("2026-11", "tts-my", "roas")->target, 6.7, "roas");
}

static void import_targets(const char *text)
{
    char path[200];
    snprintf(path, sizeof path, "%s/t.csv", sc.dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    const char *files[] = {path};
    fp_import_report rep;
    memset(&rep, 0, sizeof rep);
    int st = fp_import_files(fp_review_db(rv), fp_review_catalogue(rv),
                             FP_IMPORT_TARGETS, files, 1, NULL, &rep);
    cr_assert_eq(st, FP_IMPORT_OK, "%s", rep.nproblems ? rep.problems[0]
                                                       : rep.error);
    fp_import_report_done(&rep);
    fp_review_refresh(rv, true);
}

Test(period_rollup, explicit_month_and_quarter_targets_win)
{
    import_targets("week,path,kpi,target\n"
                   "2026-11,tts-my,gmv,250000\n"
                   "2026-11,tts-my,roas,8\n"
                   "2026-Q4,,gmv,500000\n");
    const fp_cell *c = pcell("2026-11", "tts-my", "gmv");
    assert_near(c->target, 250000, "month gmv target");
    assert_near(c->attainment, c->value / 250000, "attainment");
    cr_assert_eq(c->status, FP_ST_RED); /* 169,399 of 250,000 */
    c = pcell("2026-11", "tts-my", "roas");
    assert_near(c->target, 8, "month roas target");
    cr_assert_eq(c->status, FP_ST_AMBER); /* 7.25 of 8: 90.6 % */
    assert_near(pcell("2026-Q4", "", "gmv")->target, 500000, "quarter");
    /* a week keeps its own targets */
    double week_target = fp_rollup_cell(fp_review_week(rv, 202646),
                                        node("tts-my"), kpi("gmv"))->target;
    cr_assert(week_target < 100000, "week target %f", week_target);
}
