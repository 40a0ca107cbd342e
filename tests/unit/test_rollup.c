/* Roll-up of one week: hand-computed fixtures for every rule, and a
 * property test over random trees. Uses the shipped catalogue. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/rollup.h"
#include "model/tree.h"
#include "model/week.h"
#include "storage/catalogue_ini.h"

#define WEEK 202647 /* 2026-W47: Monday 2026-11-16 .. Sunday 2026-11-22 */
#define MAXF 4096

static fp_catalogue *cat;
static fp_tree *tree;
static fp_fact facts[MAXF];
static size_t nfacts;
static fp_override ovr[16];
static size_t novr;
static fp_target tgts[32];
static size_t ntgts;
static fp_fx fx[8];
static size_t nfx;
static long today;

static void setup(void)
{
    char err[256];
    cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    tree = fp_tree_new("Company");
    nfacts = novr = ntgts = nfx = 0;
    today = 0;
}

static void teardown(void)
{
    fp_tree_free(tree);
    fp_catalogue_free(cat);
}

TestSuite(rollup, .init = setup, .fini = teardown);

static int K(const char *id)
{
    int k = fp_catalogue_kpi(cat, id);
    cr_assert(k >= 0, "no KPI %s", id);
    return k;
}

static void fact(int node, const char *kpi, double v)
{
    cr_assert(nfacts < MAXF);
    facts[nfacts++] = (fp_fact){ node, K(kpi), v };
}

static void target(fp_week w, int node, const char *kpi, double v)
{
    tgts[ntgts++] = (fp_target){ w, node, K(kpi), v, false };
}

/* A ceiling (targets.csv kind cap). */
static void cap_target(fp_week w, int node, const char *kpi, double v)
{
    tgts[ntgts++] = (fp_target){ w, node, K(kpi), v, true };
}

static void override(int node, const char *kpi, double v, double original)
{
    ovr[novr] = (fp_override){ node, K(kpi), v, original, (long long)novr };
    novr++;
}

static void rate(const char *currency, double r)
{
    snprintf(fx[nfx].currency, sizeof fx[nfx].currency, "%s", currency);
    fx[nfx++].rate = r;
}

static fp_rollup *run_week(fp_week week)
{
    fp_week_input in = { week, facts, nfacts, ovr, novr, tgts, ntgts,
                         fx, nfx, today };
    fp_rollup *r = fp_rollup_compute(cat, tree, &in);
    cr_assert_not_null(r);
    return r;
}

static fp_rollup *run(void)
{
    return run_week(WEEK);
}

static const fp_cell *cell(const fp_rollup *r, int row, const char *kpi)
{
    return fp_rollup_cell(r, row, K(kpi));
}

static double val(const fp_rollup *r, int row, const char *kpi)
{
    return cell(r, row, kpi)->value;
}

/* company(0) -> store (USD) -> apparel -> zhang (host), li (host) */
typedef struct { int store, cat, a, b, pa, pb; } org;

static org small_org(const char *currency)
{
    org o;
    o.pa = fp_tree_add_person(tree, 1, "zhang", "张伟", "host");
    o.pb = fp_tree_add_person(tree, 2, "li", "李娜", "host");
    o.store = fp_tree_add_node(tree, 0, FP_LVL_STORE, 10, "tts-us", NULL,
                               currency, -1);
    o.cat = fp_tree_add_node(tree, o.store, FP_LVL_CATEGORY, 11, "apparel",
                             NULL, NULL, -1);
    o.a = fp_tree_add_node(tree, o.cat, FP_LVL_PERSON, 12, "zhang", NULL,
                           NULL, o.pa);
    o.b = fp_tree_add_node(tree, o.cat, FP_LVL_PERSON, 13, "li", NULL, NULL,
                           o.pb);
    return o;
}

/* ---- sums and formulas ---- */

Test(rollup, ratio_of_sums_not_average_of_ratios)
{
    org o = small_org("USD");
    fact(o.a, "orders", 1);
    fact(o.a, "clicks", 10);
    fact(o.b, "orders", 100);
    fact(o.b, "clicks", 10000);
    fp_rollup *r = run();
    cr_assert_float_eq(val(r, o.a, "cvr"), 0.10, 1e-12);
    cr_assert_float_eq(val(r, o.b, "cvr"), 0.01, 1e-12);
    /* 101 / 10,010 = 1.00899 %, not (10 % + 1 %) / 2 = 5.5 % */
    cr_assert_float_eq(val(r, o.cat, "orders"), 101, 1e-9);
    cr_assert_float_eq(val(r, o.cat, "clicks"), 10010, 1e-9);
    cr_assert_float_eq(val(r, o.cat, "cvr"), 0.0100899100899, 1e-12);
    cr_assert_float_eq(val(r, o.store, "cvr"), 0.0100899100899, 1e-12);
    cr_assert_float_eq(val(r, 0, "cvr"), 0.0100899100899, 1e-12);
    fp_rollup_free(r);
}

Test(rollup, node_fact_is_authoritative_over_children)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 300);
    fact(o.b, "gmv", 400);
    fact(o.a, "orders", 3);
    fact(o.b, "orders", 7);
    fact(o.cat, "gmv", 500); /* Shop Analytics: person GMV overlaps */
    fp_rollup *r = run();
    const fp_cell *c = cell(r, o.cat, "gmv");
    cr_assert_float_eq(c->value, 500, 1e-9);
    cr_assert_float_eq(c->own, 500, 1e-9);
    cr_assert_float_eq(c->kids, 700, 1e-9);
    cr_assert(c->flags & FP_CF_OWN);
    cr_assert(c->flags & FP_CF_OVERLAP);
    const fp_cell *s = cell(r, o.store, "gmv");
    cr_assert_float_eq(s->value, 500, 1e-9);
    cr_assert_float_eq(s->kids, 500, 1e-9);
    cr_assert_not(s->flags & (FP_CF_OVERLAP | FP_CF_OWN));
    cr_assert_float_eq(val(r, o.cat, "aov"), 50, 1e-9);   /* 500 / 10 */
    cr_assert_float_eq(val(r, o.a, "aov"), 100, 1e-9);
    fp_rollup_free(r);
}

Test(rollup, own_fact_equal_to_children_is_no_overlap)
{
    org o = small_org("USD");
    fact(o.a, "orders", 3);
    fact(o.b, "orders", 7);
    fact(o.cat, "orders", 10);
    fp_rollup *r = run();
    cr_assert_not(cell(r, o.cat, "orders")->flags & FP_CF_OVERLAP);
    fp_rollup_free(r);
}

Test(rollup, none_kpis_only_where_imported)
{
    org o = small_org("USD");
    fact(o.a, "viewers", 100);
    fact(o.b, "viewers", 50);
    fact(o.store, "viewers", 120);
    fact(o.a, "ad_spend", 90);
    fact(o.b, "ad_spend", 10);
    fact(o.a, "new_buyers", 3);
    fp_rollup *r = run();
    cr_assert_float_eq(val(r, o.a, "viewers"), 100, 1e-9);
    cr_assert(isnan(val(r, o.cat, "viewers")));   /* never summed */
    cr_assert_float_eq(val(r, o.store, "viewers"), 120, 1e-9);
    cr_assert(isnan(val(r, 0, "viewers")));       /* never inherited */
    /* cac = ad_spend / new_buyers only where new_buyers was imported */
    cr_assert_float_eq(val(r, o.a, "cac"), 30, 1e-9);
    cr_assert(isnan(val(r, o.b, "cac")));
    cr_assert(isnan(val(r, o.cat, "cac")));
    cr_assert_float_eq(val(r, o.cat, "ad_spend"), 100, 1e-9);
    fp_rollup_free(r);
}

Test(rollup, division_by_zero_is_no_value)
{
    org o = small_org("USD");
    fact(o.a, "orders", 5);
    fact(o.a, "clicks", 0);
    fact(o.b, "orders", 0);
    fact(o.b, "clicks", 0);
    fact(o.b, "returns", 2);
    fp_rollup *r = run();
    cr_assert(isnan(val(r, o.a, "cvr")));
    cr_assert(isnan(val(r, o.b, "cvr")));
    cr_assert(isnan(val(r, o.b, "return_rate")));
    cr_assert(isnan(val(r, o.cat, "cvr")));
    cr_assert_float_eq(val(r, o.cat, "return_rate"), 0.4, 1e-12);
    for (int row = 0; row < r->nrows; row++)
        for (int k = 0; k < r->nkpis; k++)
            cr_assert_not(isinf(fp_rollup_cell(r, row, k)->value));
    fp_rollup_free(r);
}

Test(rollup, nothing_imported_is_no_value)
{
    org o = small_org("USD");
    fp_rollup *r = run();
    cr_assert(isnan(val(r, o.cat, "gmv")));
    cr_assert(isnan(val(r, 0, "cvr")));
    cr_assert_eq(cell(r, o.cat, "gmv")->status, FP_ST_NONE);
    cr_assert(isnan(r->score[o.cat]));
    fp_rollup_free(r);
}

/* ---- attainment, status, score ---- */

Test(rollup, attainment_by_direction)
{
    const fp_kpi *gmv = &cat->kpis[K("gmv")];
    const fp_kpi *rr = &cat->kpis[K("return_rate")];
    const fp_kpi *neg = &cat->kpis[K("neg_reviews")];
    cr_assert_float_eq(fp_attainment(gmv, 1100, 1000), 1.1, 1e-12);
    cr_assert_float_eq(fp_attainment(rr, 0.08, 0.10), 1.25, 1e-12);
    cr_assert_float_eq(fp_attainment(rr, 0.125, 0.10), 0.8, 1e-12);
    cr_assert(isnan(fp_attainment(rr, 0, 0.10)));
    cr_assert(isnan(fp_attainment(gmv, 1000, 0)));
    cr_assert(isnan(fp_attainment(gmv, NAN, 1000)));
    cr_assert(isnan(fp_attainment(gmv, 1000, NAN)));
    cr_assert(isnan(fp_attainment(neg, 5, 4)));
    cr_assert_eq(fp_status_of(gmv, 1.0), FP_ST_GREEN);
    cr_assert_eq(fp_status_of(gmv, 0.9999999999999), FP_ST_GREEN);
    cr_assert_eq(fp_status_of(gmv, 0.95), FP_ST_AMBER);
    cr_assert_eq(fp_status_of(gmv, 0.90), FP_ST_AMBER);
    cr_assert_eq(fp_status_of(gmv, 0.899), FP_ST_RED);
    cr_assert_eq(fp_status_of(gmv, NAN), FP_ST_NONE);
}

Test(rollup, lower_is_better_in_the_rollup)
{
    org o = small_org("USD");
    fact(o.a, "orders", 100);
    fact(o.a, "returns", 12);     /* 12 % against 10 %: 83 %, red */
    fact(o.b, "orders", 100);
    fact(o.b, "returns", 8);      /* 8 %: 125 %, green */
    target(WEEK, o.a, "return_rate", 0.10);
    target(WEEK, o.b, "return_rate", 0.10);
    target(WEEK, o.cat, "return_rate", 0.105); /* 10 %: 105 %, green */
    target(WEEK, o.store, "return_rate", 0.095); /* 95 %, amber */
    fp_rollup *r = run();
    cr_assert_float_eq(cell(r, o.a, "return_rate")->attainment, 0.10 / 0.12,
                       1e-12);
    cr_assert_eq(cell(r, o.a, "return_rate")->status, FP_ST_RED);
    cr_assert_float_eq(cell(r, o.b, "return_rate")->attainment, 1.25, 1e-12);
    cr_assert_eq(cell(r, o.b, "return_rate")->status, FP_ST_GREEN);
    cr_assert_eq(cell(r, o.cat, "return_rate")->status, FP_ST_GREEN);
    cr_assert_float_eq(cell(r, o.store, "return_rate")->attainment, 0.95,
                       1e-12);
    cr_assert_eq(cell(r, o.store, "return_rate")->status, FP_ST_AMBER);
    fp_rollup_free(r);
}

Test(rollup, score_is_weighted_and_capped)
{
    org o = small_org("USD");
    /* category card: gmv:40 cvr:30 return_rate:30 */
    fact(o.a, "gmv", 2000);
    fact(o.a, "orders", 10);
    fact(o.a, "clicks", 1000);
    target(WEEK, o.cat, "gmv", 1000);     /* 200 % counts as 120 % */
    target(WEEK, o.cat, "cvr", 0.02);     /* 1 % of 2 %: 50 % */
    /* return_rate: no target, left out of the weights */
    fp_rollup *r = run();
    cr_assert_float_eq(cell(r, o.cat, "gmv")->attainment, 2.0, 1e-12);
    cr_assert_float_eq(r->score[o.cat], (40 * 1.2 + 30 * 0.5) / 70.0, 1e-12);
    /* the store card has gmv:40 roas:20 cvr:20 return_rate:20; only gmv
     * has a target there (its one category's) */
    cr_assert_float_eq(cell(r, o.store, "gmv")->target, 1000, 1e-9);
    cr_assert_float_eq(r->score[o.store], 1.2, 1e-12);
    /* the company card: gmv:40 roas:20 margin:20 return_rate:20 */
    cr_assert_float_eq(r->score[0], 1.2, 1e-12);
    fp_rollup_free(r);
}

Test(rollup, person_score_uses_the_role_card)
{
    org o = small_org("USD");
    /* host: gmv:30 cvr:20 (2.5 %) views_per_session:20 avg_watch:15 (60 s)
     * return_rate:15 (8 %) */
    fact(o.a, "orders", 5);
    fact(o.a, "clicks", 100);          /* cvr 5 %: 200 % -> 120 % */
    fact(o.a, "watch_seconds", 4500);
    fact(o.a, "views", 100);           /* 45 s of 60: 75 % */
    fp_rollup *r = run();
    cr_assert_float_eq(cell(r, o.a, "cvr")->target, 0.025, 1e-12);
    double want = (20 * 1.2 + 15 * 0.75) / 35.0;
    cr_assert_float_eq(r->score[o.a], want, 1e-12);
    cr_assert_float_eq(r->score[r->nnodes + o.pa], want, 1e-12);
    fp_rollup_free(r);
}

/* ---- targets ---- */

Test(rollup, target_resolution_order)
{
    org o = small_org("USD");
    int b2 = fp_tree_add_node(tree, o.store, FP_LVL_CATEGORY, 14, "beauty",
                              NULL, NULL, -1);
    int c = fp_tree_add_node(tree, b2, FP_LVL_PERSON, 15, "li", NULL, NULL,
                             o.pb);
    /* 1. explicit this week beats standing */
    target(0, o.a, "gmv", 800);
    target(WEEK, o.a, "gmv", 900);
    target(fp_week_prev(WEEK), o.b, "gmv", 1);  /* another week: ignored */
    /* 2. standing */
    target(0, o.b, "gmv", 400);
    /* 3. apparel: children 900 + 400; beauty: its only child has none */
    /* 4. role default: host cvr 2.5 % on person nodes */
    target(WEEK, c, "orders", 5);
    fp_rollup *r = run();
    cr_assert_float_eq(cell(r, o.a, "gmv")->target, 900, 1e-9);
    cr_assert_float_eq(cell(r, o.b, "gmv")->target, 400, 1e-9);
    cr_assert_float_eq(cell(r, o.cat, "gmv")->target, 1300, 1e-9);
    cr_assert(isnan(cell(r, b2, "gmv")->target));
    /* store: beauty has no gmv target, so no sum */
    cr_assert(isnan(cell(r, o.store, "gmv")->target));
    cr_assert_float_eq(cell(r, b2, "orders")->target, 5, 1e-9);
    cr_assert_float_eq(cell(r, o.a, "cvr")->target, 0.025, 1e-12);
    /* 3 is for sum KPIs only: no cvr target from the children */
    cr_assert(isnan(cell(r, o.cat, "cvr")->target));
    /* 5. none: status "no target" */
    cr_assert_eq(cell(r, o.cat, "cvr")->status, FP_ST_NONE);
    fp_rollup_free(r);
}

Test(rollup, explicit_target_beats_children_and_role)
{
    org o = small_org("USD");
    target(WEEK, o.a, "gmv", 100);
    target(WEEK, o.b, "gmv", 100);
    target(0, o.cat, "gmv", 150);
    target(WEEK, o.a, "cvr", 0.03);
    fp_rollup *r = run();
    cr_assert_float_eq(cell(r, o.cat, "gmv")->target, 150, 1e-9);
    cr_assert_float_eq(cell(r, o.a, "cvr")->target, 0.03, 1e-12);
    cr_assert_float_eq(cell(r, o.b, "cvr")->target, 0.025, 1e-12);
    fp_rollup_free(r);
}

/* ---- money and FX ---- */

typedef struct { int my, th, us, my_cat, th_cat; } fx_org;

static fx_org fx_tree(void)
{
    fx_org o;
    o.my = fp_tree_add_node(tree, 0, FP_LVL_STORE, 20, "tts-my", NULL, "MYR",
                            -1);
    o.my_cat = fp_tree_add_node(tree, o.my, FP_LVL_CATEGORY, 21, "apparel",
                                NULL, NULL, -1);
    o.th = fp_tree_add_node(tree, 0, FP_LVL_STORE, 22, "shopee-th", NULL,
                            "THB", -1);
    o.th_cat = fp_tree_add_node(tree, o.th, FP_LVL_CATEGORY, 23, "beauty",
                                NULL, NULL, -1);
    o.us = fp_tree_add_node(tree, 0, FP_LVL_STORE, 24, "tts-us", NULL, "USD",
                            -1);
    fact(o.my_cat, "gmv", 1000);
    fact(o.my_cat, "ad_spend", 250);
    fact(o.my_cat, "orders", 10);
    fact(o.th_cat, "gmv", 10000);
    fact(o.th_cat, "ad_spend", 5000);
    fact(o.th_cat, "orders", 20);
    fact(o.us, "gmv", 100);
    fact(o.us, "orders", 10);
    return o;
}

Test(rollup, money_is_converted_above_store_level)
{
    fx_org o = fx_tree();
    rate("MYR", 0.21);
    rate("THB", 0.028);
    target(WEEK, o.my, "gmv", 2000);
    target(WEEK, o.th, "gmv", 20000);
    target(WEEK, o.us, "gmv", 100);
    fp_rollup *r = run();
    /* stores keep their own currency */
    cr_assert_float_eq(val(r, o.my, "gmv"), 1000, 1e-9);
    cr_assert_float_eq(val(r, o.th, "aov"), 500, 1e-9);
    /* 1000*0.21 + 10000*0.028 + 100 = 210 + 280 + 100 */
    cr_assert_float_eq(val(r, 0, "gmv"), 590, 1e-9);
    cr_assert_float_eq(val(r, 0, "orders"), 40, 1e-9);   /* not money */
    cr_assert_float_eq(val(r, 0, "aov"), 590 / 40.0, 1e-9);
    /* roas from converted components: 590 / (52.5 + 140) */
    cr_assert_float_eq(val(r, 0, "roas"), 590 / 192.5, 1e-9);
    cr_assert_float_eq(cell(r, 0, "gmv")->target, 420 + 560 + 100, 1e-9);
    cr_assert_not(cell(r, 0, "gmv")->flags & FP_CF_NO_RATE);
    cr_assert_str_eq(fp_rollup_currency(r, 0), "USD");
    cr_assert_str_eq(fp_rollup_currency(r, o.th_cat), "THB");
    fp_rollup_free(r);
}

Test(rollup, missing_rate_says_so)
{
    fx_org o = fx_tree();
    rate("MYR", 0.21);                /* no THB rate this week */
    fp_rollup *r = run();
    const fp_cell *g = cell(r, 0, "gmv");
    cr_assert(isnan(g->value));
    cr_assert(g->flags & FP_CF_NO_RATE);
    cr_assert(isnan(val(r, 0, "aov")));
    cr_assert(isnan(val(r, 0, "roas")));
    cr_assert_float_eq(val(r, 0, "orders"), 40, 1e-9);
    cr_assert_not(cell(r, 0, "orders")->flags & FP_CF_NO_RATE);
    cr_assert_float_eq(val(r, o.th, "gmv"), 10000, 1e-9);
    fp_rollup_free(r);
}

Test(rollup, store_without_money_needs_no_rate)
{
    int th = fp_tree_add_node(tree, 0, FP_LVL_STORE, 30, "th", NULL, "THB",
                              -1);
    int us = fp_tree_add_node(tree, 0, FP_LVL_STORE, 31, "us", NULL, "USD",
                              -1);
    fact(th, "orders", 3);
    fact(us, "gmv", 50);
    fp_rollup *r = run();
    cr_assert_float_eq(val(r, 0, "gmv"), 50, 1e-9);
    cr_assert_not(cell(r, 0, "gmv")->flags & FP_CF_NO_RATE);
    fp_rollup_free(r);
}

/* ---- overrides ---- */

Test(rollup, base_override_flows_up)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 300);
    fact(o.b, "gmv", 400);
    fact(o.a, "orders", 3);
    override(o.a, "gmv", 350, 300);
    fp_rollup *r = run();
    const fp_cell *a = cell(r, o.a, "gmv");
    cr_assert_float_eq(a->value, 350, 1e-9);
    cr_assert_float_eq(a->source, 300, 1e-9);
    cr_assert(a->flags & FP_CF_OVERRIDDEN);
    cr_assert_not(a->flags & FP_CF_STALE);
    cr_assert_float_eq(val(r, o.cat, "gmv"), 750, 1e-9);
    cr_assert_float_eq(val(r, o.store, "gmv"), 750, 1e-9);
    cr_assert_float_eq(val(r, 0, "gmv"), 750, 1e-9);
    cr_assert_float_eq(val(r, o.a, "aov"), 350 / 3.0, 1e-9);
    cr_assert_not(cell(r, o.cat, "gmv")->flags & FP_CF_OVERRIDDEN);
    fp_rollup_free(r);
}

Test(rollup, store_override_replaces_the_sum)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 300);
    fact(o.b, "gmv", 400);
    override(o.store, "gmv", 1000, 700); /* T+1: the store total is late */
    fp_rollup *r = run();
    const fp_cell *s = cell(r, o.store, "gmv");
    cr_assert_float_eq(s->value, 1000, 1e-9);
    cr_assert_float_eq(s->kids, 700, 1e-9);
    cr_assert_float_eq(s->source, 700, 1e-9);
    cr_assert(s->flags & FP_CF_OVERRIDDEN);
    cr_assert_not(s->flags & FP_CF_STALE);
    cr_assert_float_eq(val(r, 0, "gmv"), 1000, 1e-9);
    fp_rollup_free(r);
}

Test(rollup, derived_override_and_recompute)
{
    org o = small_org("USD");
    fact(o.a, "orders", 1);
    fact(o.a, "clicks", 10);
    fact(o.b, "orders", 100);
    fact(o.b, "clicks", 10000);
    override(o.cat, "cvr", 0.05, 101 / 10010.0);
    override(o.b, "orders", 200, 100);
    fp_rollup *r = run();
    /* derived override holds at its node, with the computed value kept */
    const fp_cell *c = cell(r, o.cat, "cvr");
    cr_assert_float_eq(c->value, 0.05, 1e-12);
    cr_assert(c->flags & FP_CF_OVERRIDDEN);
    cr_assert_float_eq(c->source, 201 / 10010.0, 1e-12);
    cr_assert(c->flags & FP_CF_STALE); /* orders changed underneath */
    /* above it, cvr is recomputed from the (overridden) components */
    cr_assert_float_eq(val(r, o.store, "cvr"), 201 / 10010.0, 1e-12);
    cr_assert_float_eq(val(r, o.b, "cvr"), 0.02, 1e-12);
    fp_rollup_free(r);
}

Test(rollup, stale_override_when_source_changed)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 320);          /* re-imported: was 300 */
    fact(o.b, "gmv", 400);
    override(o.a, "gmv", 350, 300);
    override(o.b, "gmv", 450, 400.0000000001); /* same within tolerance */
    fact(o.b, "orders", 4);
    override(o.cat, "orders", 5, NAN);  /* set when there was no value */
    fp_rollup *r = run();
    cr_assert(cell(r, o.cat, "orders")->flags & FP_CF_STALE);
    cr_assert(cell(r, o.a, "gmv")->flags & FP_CF_STALE);
    cr_assert_float_eq(cell(r, o.a, "gmv")->source, 320, 1e-9);
    cr_assert_not(cell(r, o.b, "gmv")->flags & FP_CF_STALE);
    cr_assert_float_eq(val(r, o.cat, "gmv"), 800, 1e-9);
    fp_rollup_free(r);
}

Test(rollup, override_of_a_none_kpi)
{
    org o = small_org("USD");
    override(o.cat, "viewers", 77, NAN);
    fp_rollup *r = run();
    cr_assert_float_eq(val(r, o.cat, "viewers"), 77, 1e-9);
    cr_assert_not(cell(r, o.cat, "viewers")->flags & FP_CF_STALE);
    cr_assert(isnan(val(r, o.store, "viewers")));
    fp_rollup_free(r);
}

/* ---- provisional ---- */

Test(rollup, provisional_by_maturity)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 1);
    long sunday = fp_week_monday(WEEK) + 6;
    today = sunday + 1;            /* Monday after: T+1 has arrived */
    fp_rollup *r = run();
    cr_assert_not(cell(r, o.a, "gmv")->flags & FP_CF_PROVISIONAL);
    cr_assert_not(cell(r, o.a, "ctr")->flags & FP_CF_PROVISIONAL);
    cr_assert(cell(r, o.a, "roas")->flags & FP_CF_PROVISIONAL);    /* 7 */
    cr_assert(cell(r, o.a, "cpc")->flags & FP_CF_PROVISIONAL);  /* spend */
    cr_assert(cell(r, o.cat, "return_rate")->flags & FP_CF_PROVISIONAL);
    fp_rollup_free(r);
    today = sunday;
    r = run();
    cr_assert(cell(r, o.a, "gmv")->flags & FP_CF_PROVISIONAL);
    cr_assert(cell(r, o.a, "aov")->flags & FP_CF_PROVISIONAL);
    cr_assert_not(cell(r, o.a, "ctr")->flags & FP_CF_PROVISIONAL);
    fp_rollup_free(r);
    today = sunday + 28;
    r = run();
    cr_assert_not(cell(r, o.cat, "return_rate")->flags & FP_CF_PROVISIONAL);
    fp_rollup_free(r);
    today = 0;
    r = run();
    cr_assert_not(cell(r, o.cat, "return_rate")->flags & FP_CF_PROVISIONAL);
    fp_rollup_free(r);
}

Test(rollup, week_53_targets_and_maturity)
{
    org o = small_org("USD");
    fp_week w53 = 202653;
    cr_assert(fp_week_valid(w53));
    target(w53, o.a, "gmv", 10);
    target(202701, o.a, "gmv", 99);
    fact(o.a, "gmv", 10);
    today = fp_week_monday(w53) + 7;  /* 2027-01-04 */
    fp_rollup *r = run_week(w53);
    cr_assert_eq(r->week, w53);
    cr_assert_float_eq(cell(r, o.a, "gmv")->target, 10, 1e-9);
    cr_assert_eq(cell(r, o.a, "gmv")->status, FP_ST_GREEN);
    cr_assert_not(cell(r, o.a, "gmv")->flags & FP_CF_PROVISIONAL);
    fp_rollup_free(r);
}

/* ---- people ---- */

Test(rollup, person_with_one_node_is_that_node)
{
    org o = small_org("USD");
    fact(o.a, "gmv", 300);
    fact(o.a, "viewers", 40);
    fact(o.a, "orders", 3);
    override(o.a, "gmv", 330, 300);
    fp_rollup *r = run();
    int row = r->nnodes + o.pa;
    cr_assert_eq(r->nrows, r->nnodes + 2);
    cr_assert_float_eq(val(r, row, "gmv"), 330, 1e-9);
    cr_assert(cell(r, row, "gmv")->flags & FP_CF_OVERRIDDEN);
    cr_assert_float_eq(val(r, row, "viewers"), 40, 1e-9);
    cr_assert_float_eq(val(r, row, "aov"), 110, 1e-9);
    cr_assert_float_eq(cell(r, row, "cvr")->target, 0.025, 1e-12);
    fp_rollup_free(r);
}

Test(rollup, person_adds_up_across_categories_and_stores)
{
    org o = small_org("MYR");
    int th = fp_tree_add_node(tree, 0, FP_LVL_STORE, 40, "th", NULL, "THB",
                              -1);
    int thc = fp_tree_add_node(tree, th, FP_LVL_CATEGORY, 41, "beauty", NULL,
                               NULL, -1);
    int a2 = fp_tree_add_node(tree, thc, FP_LVL_PERSON, 42, "zhang", NULL,
                              NULL, o.pa);
    rate("MYR", 0.2);
    rate("THB", 0.03);
    fact(o.a, "gmv", 1000);
    fact(o.a, "orders", 10);
    fact(o.a, "clicks", 100);
    fact(o.a, "viewers", 500);
    fact(a2, "gmv", 10000);
    fact(a2, "orders", 30);
    fact(a2, "clicks", 3000);
    fact(a2, "viewers", 900);
    fact(a2, "new_buyers", 4);
    target(WEEK, o.a, "orders", 10);
    target(WEEK, a2, "orders", 40);
    target(WEEK, o.a, "gmv", 1000);
    fp_rollup *r = run();
    int row = r->nnodes + o.pa;
    cr_assert_str_eq(fp_rollup_currency(r, row), "USD");
    cr_assert_float_eq(val(r, row, "gmv"), 200 + 300, 1e-9);
    cr_assert_float_eq(val(r, row, "orders"), 40, 1e-9);
    cr_assert_float_eq(val(r, row, "cvr"), 40 / 3100.0, 1e-12);
    cr_assert_float_eq(val(r, row, "aov"), 500 / 40.0, 1e-9);
    cr_assert(isnan(val(r, row, "viewers")));     /* two nodes hold it */
    cr_assert_float_eq(val(r, row, "new_buyers"), 4, 1e-9); /* only one */
    cr_assert_float_eq(cell(r, row, "orders")->target, 50, 1e-9);
    cr_assert(isnan(cell(r, row, "gmv")->target));  /* a2 has none */
    cr_assert_float_eq(cell(r, row, "cvr")->target, 0.025, 1e-12);
    /* li has one node in a MYR store: his row stays in MYR */
    cr_assert_str_eq(fp_rollup_currency(r, r->nnodes + o.pb), "MYR");
    fp_rollup_free(r);
}

Test(rollup, person_in_one_currency_is_not_converted)
{
    org o = small_org("MYR");
    int c2 = fp_tree_add_node(tree, o.store, FP_LVL_CATEGORY, 50, "home",
                              NULL, NULL, -1);
    int a2 = fp_tree_add_node(tree, c2, FP_LVL_PERSON, 51, "zhang", NULL,
                              NULL, o.pa);
    fact(o.a, "gmv", 100);
    fact(a2, "gmv", 50);                  /* no FX rate needed */
    fp_rollup *r = run();
    int row = r->nnodes + o.pa;
    cr_assert_str_eq(fp_rollup_currency(r, row), "MYR");
    cr_assert_float_eq(val(r, row, "gmv"), 150, 1e-9);
    cr_assert(isnan(val(r, 0, "gmv")));   /* company: no MYR rate */
    cr_assert(cell(r, 0, "gmv")->flags & FP_CF_NO_RATE);
    fp_rollup_free(r);
}

/* ---- conflicts ---- */

Test(rollup, conflict_pairs_against_last_week)
{
    org o = small_org("USD");
    fact(o.cat, "gmv", 1000);
    fact(o.cat, "orders", 20);         /* aov 50 */
    fact(o.cat, "gross_profit", 200);  /* margin 20 % */
    fp_rollup *prev = run_week(fp_week_prev(WEEK));
    nfacts = 0;
    fact(o.cat, "gmv", 900);
    fact(o.cat, "orders", 20);         /* aov 45: down */
    fact(o.cat, "gross_profit", 225);  /* margin 25 %: up */
    fp_rollup *now = run();
    int out[4];
    cr_assert_eq(fp_rollup_conflicts(now, prev, o.cat, out, 4), 1);
    cr_assert_eq(out[0], 0);
    cr_assert_eq(fp_rollup_conflicts(now, NULL, o.cat, out, 4), 0);
    cr_assert_eq(fp_rollup_conflicts(now, prev, o.a, out, 4), 0);
    fp_rollup_free(prev);
    fp_rollup_free(now);
}

/* ---- property: summing children then deriving = deriving the total ---- */

static double frand(double lo, double hi)
{
    return lo + (hi - lo) * (rand() / (double)RAND_MAX);
}

typedef struct { double gmv, orders, clicks, spend, returns; } totals;

static void add_leaf(int node, totals *t, double rate_to_usd)
{
    double g = floor(frand(0, 5000)), o = floor(frand(0, 50));
    double c = floor(frand(1, 2000)), s = floor(frand(1, 800));
    double rt = floor(frand(0, 5));
    fact(node, "gmv", g);
    fact(node, "orders", o);
    fact(node, "clicks", c);
    fact(node, "ad_spend", s);
    fact(node, "returns", rt);
    t->gmv += g * rate_to_usd;
    t->spend += s * rate_to_usd;
    t->orders += o;
    t->clicks += c;
    t->returns += rt;
}

static void check_totals(const fp_rollup *r, int row, const totals *t)
{
    cr_assert_float_eq(val(r, row, "gmv"), t->gmv, 1e-6 * (1 + t->gmv));
    cr_assert_float_eq(val(r, row, "cvr"), t->orders / t->clicks, 1e-12);
    cr_assert_float_eq(val(r, row, "roas"), t->gmv / t->spend, 1e-9);
    cr_assert_float_eq(val(r, row, "cpc"), t->spend / t->clicks, 1e-9);
    if (t->orders > 0)
        cr_assert_float_eq(val(r, row, "return_rate"),
                           t->returns / t->orders, 1e-12);
    else
        cr_assert(isnan(val(r, row, "return_rate")));
}

static void random_tree_once(unsigned seed)
{
    static const char *cur[] = { "MYR", "THB", "USD" };
    static const double rates[] = { 0.21, 0.028, 1 };
    srand(seed);
    fp_tree_free(tree);
    tree = fp_tree_new("Co");
    nfacts = 0;
    totals all = { 0 };
    int ns = 1 + rand() % 4, db = 100;
    for (int s = 0; s < ns; s++) {
        int ci = rand() % 3;
        int store = fp_tree_add_node(tree, 0, FP_LVL_STORE, db++, "s", NULL,
                                     cur[ci], -1);
        totals st = { 0 };
        int nc = 1 + rand() % 4;
        for (int c = 0; c < nc; c++) {
            int catg = fp_tree_add_node(tree, store, FP_LVL_CATEGORY, db++,
                                        "c", NULL, NULL, -1);
            totals ct = { 0 };
            int np = 1 + rand() % 5;
            for (int p = 0; p < np; p++)
                add_leaf(fp_tree_add_node(tree, catg, FP_LVL_PERSON, db++,
                                          "p", NULL, NULL, -1), &ct, 1);
            st.gmv += ct.gmv, st.orders += ct.orders, st.clicks += ct.clicks;
            st.spend += ct.spend, st.returns += ct.returns;
            fp_rollup *r = run();
            check_totals(r, catg, &ct);
            fp_rollup_free(r);
        }
        all.gmv += st.gmv * rates[ci], all.spend += st.spend * rates[ci];
        all.orders += st.orders, all.clicks += st.clicks;
        all.returns += st.returns;
        fp_rollup *r = run();
        check_totals(r, store, &st);
        fp_rollup_free(r);
    }
    nfx = 0;
    rate("MYR", rates[0]);
    rate("THB", rates[1]);
    fp_rollup *r = run();
    check_totals(r, 0, &all);
    fp_rollup_free(r);
}

Test(rollup, random_trees_sum_then_derive)
{
    for (unsigned seed = 1; seed <= 40; seed++)
        random_tree_once(seed);
}

Test(rollup, flat_equals_deep)
{
    /* the same leaves under one category or spread over a deep tree give
     * the same company numbers */
    srand(7);
    totals t1 = { 0 };
    int s = fp_tree_add_node(tree, 0, FP_LVL_STORE, 2, "s", NULL, "USD", -1);
    int c = fp_tree_add_node(tree, s, FP_LVL_CATEGORY, 3, "c", NULL, NULL,
                             -1);
    for (int i = 0; i < 30; i++)
        add_leaf(fp_tree_add_node(tree, c, FP_LVL_PERSON, 10 + i, "p", NULL,
                                  NULL, -1), &t1, 1);
    fp_rollup *deep = run();
    double cvr = val(deep, 0, "cvr"), roas = val(deep, 0, "roas");
    fp_rollup_free(deep);
    /* one fact per KPI at the company holding the totals */
    nfacts = 0;
    fact(0, "gmv", t1.gmv);
    fact(0, "orders", t1.orders);
    fact(0, "clicks", t1.clicks);
    fact(0, "ad_spend", t1.spend);
    fp_rollup *flat = run();
    cr_assert_float_eq(val(flat, 0, "cvr"), cvr, 1e-12);
    cr_assert_float_eq(val(flat, 0, "roas"), roas, 1e-12);
    fp_rollup_free(flat);
}

/* ---- roles scoped to the store (ops managers) ---- */

Test(rollup, ops_manager_card_reads_the_store)
{
    int pm = fp_tree_add_person(tree, 3, "wang", "王芳", "ops_manager");
    org o = small_org("USD");
    int m = fp_tree_add_node(tree, o.cat, FP_LVL_PERSON, 14, "wang", NULL,
                             NULL, pm);
    fact(o.store, "gmv", 1000);       /* Shop Analytics, authoritative */
    fact(o.a, "gmv", 700);
    fact(o.b, "gmv", 500);
    fact(o.store, "returns", 6);
    fact(o.store, "orders", 100);
    target(0, o.store, "gmv", 800);
    fp_rollup *r = run();
    /* her card shows the store's figures and the store's target */
    cr_assert_float_eq(val(r, m, "gmv"), 1000, 1e-9);
    cr_assert_float_eq(cell(r, m, "gmv")->target, 800, 1e-9);
    cr_assert_float_eq(cell(r, m, "gmv")->attainment, 1.25, 1e-12);
    cr_assert_float_eq(val(r, m, "return_rate"), 0.06, 1e-12);
    cr_assert_float_eq(val(r, r->nnodes + pm, "gmv"), 1000, 1e-9);
    /* ... without being added into the category: 700 + 500 */
    cr_assert_float_eq(val(r, o.cat, "gmv"), 1200, 1e-9);
    /* a host keeps their own facts */
    cr_assert_float_eq(val(r, o.a, "gmv"), 700, 1e-9);
    fp_rollup_free(r);
}

/* Issue 10: an ops manager with facts of their own got a card mixed KPI
 * by KPI (gmv 5 of their own, margin 40 % green against the store's
 * 1.9 %). A `scope = store` card is read entirely at the store: value,
 * target and so score; their own facts still roll up into the tree. */
Test(rollup, ops_manager_with_own_facts_reads_the_store_entirely)
{
    int pm = fp_tree_add_person(tree, 3, "wang", "王芳", "ops_manager");
    org o = small_org("USD");
    int m = fp_tree_add_node(tree, o.cat, FP_LVL_PERSON, 14, "wang", NULL,
                             NULL, pm);
    fact(o.store, "gmv", 1000);
    fact(o.store, "gross_profit", 19);
    fact(o.a, "gmv", 700);
    fact(o.b, "gmv", 500);
    fact(m, "gmv", 5);                /* her own little shop-window sales */
    fact(m, "gross_profit", 2);
    target(0, o.store, "gmv", 800);
    target(0, m, "gmv", 4);           /* her own target: not on the card */
    target(0, m, "margin", 0.30);
    fp_rollup *r = run();
    for (int pass = 0; pass < 2; pass++) {
        int row = pass ? r->nnodes + pm : m;
        cr_assert_float_eq(val(r, row, "gmv"), 1000, 1e-9);
        cr_assert_float_eq(cell(r, row, "gmv")->target, 800, 1e-9);
        cr_assert_float_eq(val(r, row, "margin"), 0.019, 1e-12);
        cr_assert_float_eq(cell(r, row, "margin")->target, 0.25, 1e-12,
                           "the role's default, not her own 30 %%");
        cr_assert_eq(cell(r, row, "margin")->status, FP_ST_RED);
        /* gmv 1.25 capped at 1.2, weight 40; margin 0.076, weight 20 */
        cr_assert_float_eq(r->score[row], (40 * 1.2 + 20 * 0.076) / 60,
                           1e-9);
    }
    /* her own facts still roll up: 700 + 500 + 5 */
    cr_assert_float_eq(val(r, o.cat, "gmv"), 1205, 1e-9);
    cr_assert_float_eq(val(r, o.store, "gmv"), 1000, 1e-9);
    fp_rollup_free(r);
}

/* An ops manager listed under two categories of one store answers for
 * that store once, not twice. */
Test(rollup, ops_manager_under_two_categories_counts_the_store_once)
{
    int pm = fp_tree_add_person(tree, 3, "wang", "王芳", "ops_manager");
    org o = small_org("USD");
    int c2 = fp_tree_add_node(tree, o.store, FP_LVL_CATEGORY, 20, "home",
                              NULL, NULL, -1);
    int m1 = fp_tree_add_node(tree, o.cat, FP_LVL_PERSON, 14, "wang", NULL,
                              NULL, pm);
    int m2 = fp_tree_add_node(tree, c2, FP_LVL_PERSON, 21, "wang", NULL,
                              NULL, pm);
    fact(o.store, "gmv", 1000);
    fact(m1, "gmv", 5);
    fact(m2, "gmv", 7);
    target(0, o.store, "gmv", 800);
    fp_rollup *r = run();
    int row = r->nnodes + pm;
    cr_assert_float_eq(val(r, m2, "gmv"), 1000, 1e-9);
    cr_assert_float_eq(val(r, row, "gmv"), 1000, 1e-9);
    cr_assert_float_eq(cell(r, row, "gmv")->target, 800, 1e-9);
    cr_assert_float_eq(cell(r, row, "gmv")->attainment, 1.25, 1e-12);
    fp_rollup_free(r);
}

/* ---- a month from its weeks (rollup_period.c) ---- */

static fp_period month_2026_11(void)
{
    fp_period p;
    cr_assert(fp_period_parse("2026-11", &p));
    return p;
}

/* Adds the weeks W45..W48 of 2026-11, each computed with set_week(w)'s
 * facts, rates and targets; then finishes with the period targets. */
static fp_rollup *run_month(void (*set_week)(fp_week w, void *ctx),
                            void *ctx, const fp_target *pt, size_t npt)
{
    fp_period_acc *acc = fp_period_acc_new(cat, tree, month_2026_11());
    cr_assert_not_null(acc);
    for (fp_week w = 202645; w <= 202648; w++) {
        nfacts = nfx = ntgts = 0;
        set_week(w, ctx);
        fp_rollup *r = run_week(w);
        fp_period_acc_add(acc, r, nfacts > 0);
        fp_rollup_free(r);
    }
    fp_rollup *m = fp_period_acc_finish(acc, pt, npt);
    cr_assert_not_null(m);
    return m;
}

/* W45: MY 1000 gmv / 250 spend at 0.2; W46: MY 3000 / 500 at 0.3;
 * W47: TH 10000 / 2000 with no THB rate (when ctx says so); W48: none. */
static void month_weeks(fp_week w, void *ctx)
{
    const fx_org *o = ctx;
    rate("USD", 1);
    if (w == 202645) {
        fact(o->my_cat, "gmv", 1000);
        fact(o->my_cat, "ad_spend", 250);
        rate("MYR", 0.2);
        target(w, o->my, "roas", 4);
    } else if (w == 202646) {
        fact(o->my_cat, "gmv", 3000);
        fact(o->my_cat, "ad_spend", 500);
        rate("MYR", 0.3);
        target(w, o->my, "roas", 5);
    } else if (w == 202647 && o->th_cat >= 0) {
        fact(o->th_cat, "gmv", 10000);
        fact(o->th_cat, "ad_spend", 2000);
    }
    target(0, o->my, "roas", 4.5); /* standing */
    target(w, o->my, "gmv", 1000);
}

Test(rollup, month_converts_week_by_week_and_derives_from_sums)
{
    fx_org o = fx_tree();
    o.th_cat = -1; /* no Thai facts */
    fp_target standing = { 0, o.my, K("roas"), 4.5, false };
    fp_rollup *m = run_month(month_weeks, &o, &standing, 1);
    cr_assert_eq(m->period_weeks, 4);
    cr_assert_eq(m->weeks_with_data, 2);
    cr_assert_eq(m->week, 202648);
    cr_assert_float_eq(val(m, o.my, "gmv"), 4000, 1e-9);
    /* ROAS 4000 / 750, not the mean of 4 and 6 */
    cr_assert_float_eq(val(m, o.my, "roas"), 4000 / 750.0, 1e-9);
    /* 1000 x 0.2 + 3000 x 0.3, not 4000 at either week's rate */
    cr_assert_float_eq(val(m, 0, "gmv"), 1100, 1e-9);
    cr_assert_float_eq(val(m, 0, "roas"), 1100 / (50 + 150.0), 1e-9);
    /* targets: 4 weeks x 1000; ROAS weeks disagree: the standing 4.5 */
    cr_assert_float_eq(cell(m, o.my, "gmv")->target, 4000, 1e-9);
    cr_assert_float_eq(cell(m, o.my, "roas")->target, 4.5, 1e-9);
    cr_assert_eq(cell(m, o.my, "gmv")->status, FP_ST_GREEN);
    fp_rollup_free(m);
}

Test(rollup, month_without_a_weeks_rate_says_so)
{
    fx_org o = fx_tree();
    fp_rollup *m = run_month(month_weeks, &o, NULL, 0);
    const fp_cell *g = cell(m, 0, "gmv");
    cr_assert(isnan(g->value), "W47 has no THB rate: %f", g->value);
    cr_assert(g->flags & FP_CF_NO_RATE);
    cr_assert(isnan(val(m, 0, "roas")));
    cr_assert_float_eq(val(m, o.th, "gmv"), 10000, 1e-9);
    fp_rollup_free(m);
}

Test(rollup, month_explicit_target_wins)
{
    fx_org o = fx_tree();
    o.th_cat = -1;
    fp_target pt[] = {
        { fp_period_code(month_2026_11()), o.my, K("gmv"), 5000, false },
        { fp_period_code(month_2026_11()), o.my, K("roas"), 6, false },
        { 202645, o.my, K("gmv"), 1, false }, /* a week's: not the month's */
    };
    fp_rollup *m = run_month(month_weeks, &o, pt, 3);
    cr_assert_float_eq(cell(m, o.my, "gmv")->target, 5000, 1e-9);
    cr_assert_float_eq(cell(m, o.my, "gmv")->attainment, 0.8, 1e-9);
    cr_assert_eq(cell(m, o.my, "gmv")->status, FP_ST_RED);
    cr_assert_float_eq(cell(m, o.my, "roas")->target, 6, 1e-9);
    fp_rollup_free(m);
}

/* Ad budgets: W45 and W46 capped at 300 each (250 + 500 spent), W47 and
 * W48 capped at 200 each with nothing spent: the month's ceiling is 1000,
 * spend 750 is under it. With W48 a goal instead, no month ceiling. */
typedef struct { fx_org o; bool all_caps; } cap_ctx;

static void month_caps(fp_week w, void *ctx)
{
    cap_ctx *c = ctx;
    month_weeks(w, &c->o);
    double budget = w <= 202646 ? 300 : 200;
    if (w != 202648 || c->all_caps)
        cap_target(w, c->o.my, "ad_spend", budget);
    else
        target(w, c->o.my, "ad_spend", budget);
}

Test(rollup, month_ceiling_is_the_sum_of_the_weeks_ceilings)
{
    cap_ctx c = { fx_tree(), true };
    c.o.th_cat = -1;
    fp_rollup *m = run_month(month_caps, &c, NULL, 0);
    const fp_cell *s = cell(m, c.o.my, "ad_spend");
    cr_assert(s->flags & FP_CF_CAP, "the month keeps the ceiling");
    cr_assert_float_eq(s->target, 1000, 1e-9);
    cr_assert_float_eq(s->value, 750, 1e-9);
    cr_assert_eq(s->status, FP_ST_GREEN);
    cr_assert_float_eq(s->attainment, 1000 / 750.0, 1e-9);
    fp_rollup_free(m);
    /* an explicit month ceiling below the spend: red */
    fp_target pt = { fp_period_code(month_2026_11()), c.o.my,
                     K("ad_spend"), 700, true };
    m = run_month(month_caps, &c, &pt, 1);
    s = cell(m, c.o.my, "ad_spend");
    cr_assert(s->flags & FP_CF_CAP);
    cr_assert_eq(s->status, FP_ST_RED);
    fp_rollup_free(m);
    /* one week a goal: the month is no ceiling */
    c.all_caps = false;
    m = run_month(month_caps, &c, NULL, 0);
    cr_assert_not(cell(m, c.o.my, "ad_spend")->flags & FP_CF_CAP);
    fp_rollup_free(m);
}

/* ---- the values-only roll-up that trends use ---- */

static bool same_double(double a, double b)
{
    return isnan(a) ? isnan(b) : memcmp(&a, &b, sizeof a) == 0;
}

/* Every row's value, own, kids and source bit for bit, and the flags a
 * values-only roll-up keeps. */
static void assert_same_values(const fp_rollup *full, const fp_rollup *v)
{
    const uint8_t kept = FP_CF_OWN | FP_CF_OVERRIDDEN | FP_CF_STALE |
                         FP_CF_NO_RATE | FP_CF_OVERLAP;
    cr_assert_eq(full->nrows, v->nrows);
    for (int row = 0; row < full->nrows; row++)
        for (int k = 0; k < full->nkpis; k++) {
            const fp_cell *a = fp_rollup_cell(full, row, k);
            const fp_cell *b = fp_rollup_cell(v, row, k);
            cr_assert(same_double(a->value, b->value) &&
                      same_double(a->own, b->own) &&
                      same_double(a->kids, b->kids) &&
                      same_double(a->source, b->source) &&
                      (a->flags & kept) == (b->flags & kept),
                      "row %d kpi %s: %g/%g", row, cat->kpis[k].id,
                      a->value, b->value);
        }
}

Test(rollup, values_only_equals_the_full_rollup)
{
    fx_org f = fx_tree();
    org o = small_org("USD");
    int ops = fp_tree_add_person(tree, 3, "wang", "王芳", "ops_manager");
    int m = fp_tree_add_node(tree, f.my_cat, FP_LVL_PERSON, 40, "wang", NULL,
                             NULL, ops);
    fact(o.a, "gmv", 300.25);
    fact(o.b, "gmv", 400.5);
    fact(o.a, "orders", 3);
    fact(o.b, "clicks", 70);
    fact(o.store, "gmv", 650);
    fact(m, "gmv", 12.5);
    fact(o.a, "viewers", 900);
    override(o.a, "gmv", 350, 300);           /* stale: source is 300.25 */
    override(o.cat, "cvr", 0.05, NAN);        /* a formula override */
    target(WEEK, o.a, "gmv", 500);
    target(0, o.store, "gmv", 1000);
    today = fp_week_monday(WEEK) + 3;         /* provisional KPIs */
    for (int with_rates = 0; with_rates < 2; with_rates++) {
        nfx = 0;
        rate("MYR", 0.21);
        if (with_rates)
            rate("THB", 0.028);               /* else: no rate at company */
        fp_week_input in = { WEEK, facts, nfacts, ovr, novr, tgts, ntgts,
                             fx, nfx, today };
        fp_rollup *full = fp_rollup_compute(cat, tree, &in);
        fp_rollup *v = fp_rollup_recompute_values(NULL, cat, tree, &in);
        cr_assert(full && v);
        assert_same_values(full, v);
        cr_assert(isnan(v->score[0]));
        fp_rollup_free(v);
        /* reusing the memory of a full week gives the same again */
        v = fp_rollup_recompute_values(full, cat, tree, &in);
        fp_rollup *again = fp_rollup_compute(cat, tree, &in);
        assert_same_values(again, v);
        fp_rollup_free(again);
        fp_rollup_free(v);
    }
}

/* A node by its database id: the first node of an id, ids small or too
 * large to index alike, and -1 for an id no node has. */
Test(rollup, tree_finds_nodes_by_db_id)
{
    fp_tree *t = fp_tree_new("co");
    int a = fp_tree_add_node(t, 0, FP_LVL_STORE, 7, "a", NULL, "THB", -1);
    int b = fp_tree_add_node(t, 0, FP_LVL_STORE, 1LL << 40, "b", NULL,
                             "THB", -1);
    int c = fp_tree_add_node(t, a, FP_LVL_CATEGORY, 3, "c", NULL, NULL, -1);
    fp_tree_add_node(t, a, FP_LVL_CATEGORY, 7, "d", NULL, NULL, -1);
    cr_assert_eq(fp_tree_find_db_id(t, 7), a);
    cr_assert_eq(fp_tree_find_db_id(t, 1LL << 40), b);
    cr_assert_eq(fp_tree_find_db_id(t, 3), c);
    cr_assert_eq(fp_tree_find_db_id(t, 1), 0);
    cr_assert_eq(fp_tree_find_db_id(t, 5), -1);
    cr_assert_eq(fp_tree_find_db_id(t, -2), -1);
    fp_tree_free(t);
}
