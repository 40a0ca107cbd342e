/* Budget ceilings (targets of kind cap) in the roll-up and the stop-loss
 * rule (model/stoploss.c), issue 16. Hand-made figures. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "model/rollup.h"
#include "model/stoploss.h"
#include "model/tree.h"
#include "storage/catalogue_ini.h"

#define WEEK 202647

static fp_catalogue *cat;
static fp_tree *tree;
static fp_fact facts[32];
static size_t nfacts;
static fp_target tgts[16];
static size_t ntgts;
/* company -> tts-my (MYR) -> apparel -> wang, zhao (ad buyers) ; host li */
static int store, apparel, wang, zhao, li;

static void setup(void)
{
    char err[256];
    cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    tree = fp_tree_new("Company");
    nfacts = ntgts = 0;
    int pw = fp_tree_add_person(tree, 1, "wang", "王强", "ad_buyer");
    int pz = fp_tree_add_person(tree, 2, "zhao", "赵敏", "ad_buyer");
    int pl = fp_tree_add_person(tree, 3, "li", "李娜", "host");
    store = fp_tree_add_node(tree, 0, FP_LVL_STORE, 10, "tts-my", NULL,
                             "MYR", -1);
    apparel = fp_tree_add_node(tree, store, FP_LVL_CATEGORY, 11, "apparel",
                               NULL, NULL, -1);
    wang = fp_tree_add_node(tree, apparel, FP_LVL_PERSON, 12, "wang", NULL,
                            NULL, pw);
    zhao = fp_tree_add_node(tree, apparel, FP_LVL_PERSON, 13, "zhao", NULL,
                            NULL, pz);
    li = fp_tree_add_node(tree, apparel, FP_LVL_PERSON, 14, "li", NULL,
                          NULL, pl);
}

static void teardown(void)
{
    fp_tree_free(tree);
    fp_catalogue_free(cat);
}

TestSuite(cap, .init = setup, .fini = teardown);
TestSuite(stoploss, .init = setup, .fini = teardown);

static int K(const char *id)
{
    int k = fp_catalogue_kpi(cat, id);
    cr_assert(k >= 0, "no KPI %s", id);
    return k;
}

static void fact(int node, const char *kpi, double v)
{
    facts[nfacts++] = (fp_fact){node, K(kpi), v};
}

static void target(fp_week w, int node, const char *kpi, double v, bool cap)
{
    tgts[ntgts++] = (fp_target){w, node, K(kpi), v, cap};
}

static fp_rollup *run(void)
{
    fp_week_input in = {.week = WEEK, .facts = facts, .nfacts = nfacts,
                        .targets = tgts, .ntargets = ntgts};
    fp_rollup *r = fp_rollup_compute(cat, tree, &in);
    cr_assert_not_null(r);
    return r;
}

static const fp_cell *cell(const fp_rollup *r, int row, const char *kpi)
{
    return fp_rollup_cell(r, row, K(kpi));
}

Test(cap, above_the_ceiling_is_red_where_a_target_would_be_amber)
{
    fact(wang, "ad_spend", 1000);
    fact(zhao, "ad_spend", 1000);
    target(WEEK, wang, "ad_spend", 950, true);   /* 95 %: red as a cap */
    target(WEEK, zhao, "ad_spend", 950, false);  /* 95 %: amber */
    fp_rollup *r = run();
    const fp_cell *w = cell(r, wang, "ad_spend");
    cr_assert(w->flags & FP_CF_CAP);
    cr_assert_eq(w->status, FP_ST_RED);
    cr_assert_float_eq(w->attainment, 0.95, 1e-12);
    const fp_cell *z = cell(r, zhao, "ad_spend");
    cr_assert_not(z->flags & FP_CF_CAP);
    cr_assert_eq(z->status, FP_ST_AMBER);
    fp_rollup_free(r);
}

Test(cap, at_or_under_the_ceiling_is_green)
{
    fact(wang, "ad_spend", 1000);
    fact(zhao, "ad_spend", 400);
    target(WEEK, wang, "ad_spend", 1000, true);
    target(WEEK, zhao, "ad_spend", 1000, true);
    fp_rollup *r = run();
    cr_assert_eq(cell(r, wang, "ad_spend")->status, FP_ST_GREEN);
    cr_assert_eq(cell(r, zhao, "ad_spend")->status, FP_ST_GREEN);
    cr_assert_float_eq(cell(r, zhao, "ad_spend")->attainment, 2.5, 1e-12);
    fp_rollup_free(r);
}

Test(cap, a_week_target_over_a_standing_cap_is_no_ceiling)
{
    fact(wang, "ad_spend", 1000);
    target(0, wang, "ad_spend", 950, true);
    target(WEEK, wang, "ad_spend", 950, false);
    fp_rollup *r = run();
    cr_assert_not(cell(r, wang, "ad_spend")->flags & FP_CF_CAP);
    cr_assert_eq(cell(r, wang, "ad_spend")->status, FP_ST_AMBER);
    fp_rollup_free(r);
}

Test(cap, a_person_row_keeps_the_ceiling_of_their_node)
{
    fact(wang, "ad_spend", 1000);
    target(WEEK, wang, "ad_spend", 900, true);
    fp_rollup *r = run();
    int row = r->nnodes + tree->nodes[wang].person;
    cr_assert(cell(r, row, "ad_spend")->flags & FP_CF_CAP);
    cr_assert_eq(cell(r, row, "ad_spend")->status, FP_ST_RED);
    fp_rollup_free(r);
}

Test(cap, cap_helpers)
{
    cr_assert_eq(fp_cap_status(NAN, 10), FP_ST_NONE);
    cr_assert_eq(fp_cap_status(0, 10), FP_ST_GREEN);
    cr_assert(isnan(fp_cap_attainment(0, 10)));
    cr_assert_eq(fp_cap_status(10.000000001, 10), FP_ST_GREEN);
    cr_assert_eq(fp_cap_status(10.01, 10), FP_ST_RED);
}

Test(stoploss, a_run_below_break_even)
{
    double roas[] = {1.2, 1.0, 1.1};
    cr_assert(fp_stoploss_run_below(roas, 3, 1.5));
    cr_assert(fp_stoploss_run_below(roas + 1, 2, 1.2));
    cr_assert_not(fp_stoploss_run_below(roas, 3, 1.2)); /* 1.2 is not below */
    double gap[] = {1.0, NAN, 1.0};
    cr_assert_not(fp_stoploss_run_below(gap, 3, 1.5));  /* no spend breaks */
    cr_assert_not(fp_stoploss_run_below(roas, 0, 1.5));
    cr_assert_not(fp_stoploss_run_below(roas, 3, NAN));
}

Test(stoploss, a_store_section_overrides_the_base_rule)
{
    fp_stoploss sl;
    fp_stoploss_init(&sl);
    cr_assert_not(fp_stoploss_active(&sl.base));
    sl.base.roas = 1.0;
    sl.base.weeks = 2;
    fp_stoploss_rule *my = fp_stoploss_add_store(&sl, "tts-my");
    cr_assert_not_null(my);
    cr_assert_float_eq(my->roas, 1.0, 0);  /* inherits what it leaves out */
    my->roas = 1.5;
    cr_assert_float_eq(fp_stoploss_rule_for(&sl, "TTS-MY")->roas, 1.5, 0);
    cr_assert_float_eq(fp_stoploss_rule_for(&sl, "tts-th")->roas, 1.0, 0);
    cr_assert_float_eq(fp_stoploss_rule_for(&sl, NULL)->roas, 1.0, 0);
    cr_assert_eq(fp_stoploss_rule_for(&sl, "tts-my")->weeks, 2);
    fp_stoploss_done(&sl);
}

Test(stoploss, watches_stores_categories_and_ad_buyers_only)
{
    fp_rollup *r = run();
    int roas = K("roas");
    cr_assert_not(fp_stoploss_watches(r, 0, roas));       /* company */
    cr_assert(fp_stoploss_watches(r, store, roas));
    cr_assert(fp_stoploss_watches(r, apparel, roas));
    cr_assert_not(fp_stoploss_watches(r, wang, roas));    /* person node */
    cr_assert(fp_stoploss_watches(r, r->nnodes + 0, roas));  /* 王强 */
    cr_assert_not(fp_stoploss_watches(r, r->nnodes + 2, roas)); /* host */
    cr_assert_str_eq(fp_stoploss_row_store(tree, r->nnodes, r->nnodes),
                     "tts-my");
    cr_assert_str_eq(fp_stoploss_row_store(tree, r->nnodes, apparel),
                     "tts-my");
    fp_rollup_free(r);
}
