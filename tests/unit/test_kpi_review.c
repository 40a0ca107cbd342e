/* The quarterly review of the KPI system (model/kpi_review.c) on a
 * hand-made quarter: one host with four weeks. */
#include <criterion/criterion.h>
#include <math.h>

#include "model/kpi_review.h"
#include "storage/catalogue_ini.h"

static fp_catalogue *cat;
static fp_tree *tree;
static int host, idle;

static void setup(void)
{
    char err[512];
    fp_catalogue_set sets[] = {{"role.host", "kpis", "gmv:50 cvr:50"},
                               {"role.host", "targets", "cvr:10%"}};
    fp_catalogue_layers l = {.sets = sets, .nsets = 2};
    cat = fp_catalogue_load_layers(&l, err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    tree = fp_tree_new("Company");
    int pa = fp_tree_add_person(tree, 1, "a", "张伟", "host");
    int pb = fp_tree_add_person(tree, 2, "b", "李娜", "host");
    int s = fp_tree_add_node(tree, 0, FP_LVL_STORE, 10, "s", NULL, "USD", -1);
    int c = fp_tree_add_node(tree, s, FP_LVL_CATEGORY, 11, "c", NULL, NULL, -1);
    host = fp_tree_add_node(tree, c, FP_LVL_PERSON, 12, "a", NULL, NULL, pa);
    idle = fp_tree_add_node(tree, c, FP_LVL_PERSON, 13, "b", NULL, NULL, pb);
}

static void teardown(void)
{
    fp_tree_free(tree);
    fp_catalogue_free(cat);
}

TestSuite(kpi_review, .init = setup, .fini = teardown);

static int K(const char *id) { return fp_catalogue_kpi(cat, id); }

/* The host's week: gmv against a standing 100, cvr = orders / 100 clicks
 * against the role's 10 %. The idle host has no fact: not a person-week. */
static fp_rollup *week(fp_week w, double gmv, double orders)
{
    fp_fact f[] = {{host, K("gmv"), gmv}, {host, K("orders"), orders},
                   {host, K("clicks"), 100}};
    fp_target t[] = {{0, host, K("gmv"), 100, false}};
    fp_week_input in = {.week = w, .facts = f, .nfacts = 3, .targets = t,
                        .ntargets = 1};
    fp_rollup *r = fp_rollup_compute(cat, tree, &in);
    cr_assert_not_null(r);
    return r;
}

/* Four weeks: gmv attainment 100, 100, 120, 120 % (green); cvr
 * attainment as given (all red when under 90 %). */
static fp_kpi_review *quarter(const double cvr_orders[4])
{
    static const double gmv[4] = {100, 100, 120, 120};
    fp_kpi_review *kr = fp_kpi_review_new(cat, tree->npeople);
    cr_assert_not_null(kr);
    fp_rollup *prev = NULL;
    for (int i = 0; i < 4; i++) {
        fp_rollup *now = week(202640 + i, gmv[i], cvr_orders[i]);
        fp_kpi_review_add_week(kr, now, prev);
        fp_rollup_free(prev);
        prev = now;
    }
    fp_rollup_free(prev);
    fp_kpi_review_finish(kr);
    return kr;
}

Test(kpi_review, shares_flags_and_a_process_kpi_that_moves_no_result)
{
    /* cvr 5, 6, 5, 6 %: attainment 50/60 %, against gmv's 1, 1, 1.2, 1.2:
     * r = 0 exactly */
    fp_kpi_review *kr = quarter((const double[]){5, 6, 5, 6});
    cr_assert_eq(kr->person_weeks, 4);          /* 李娜 has no fact */
    const fp_kpi_review_row *g = &kr->rows[K("gmv")], *c = &kr->rows[K("cvr")];
    cr_assert_eq(g->people, 1);
    cr_assert_eq(g->person_weeks, 4);
    cr_assert_eq(g->green, 4);
    cr_assert(g->always_green);
    cr_assert_not(g->never_green);
    cr_assert_eq(c->red, 4);
    cr_assert(c->never_green);
    cr_assert_eq(c->pairs, 4);
    cr_assert_float_eq(c->r, 0.0, 1e-9);
    cr_assert(c->moves_no_result);
    cr_assert(isnan(g->r));                     /* a result KPI: none */
    cr_assert_not(fp_kpi_review_listed(kr, K("roas")));
    fp_kpi_review_free(kr);
}

Test(kpi_review, a_process_kpi_that_moves_with_the_result)
{
    fp_kpi_review *kr = quarter((const double[]){5, 5, 6, 6});
    cr_assert_float_eq(kr->rows[K("cvr")].r, 1.0, 1e-9);
    cr_assert_not(kr->rows[K("cvr")].moves_no_result);
    fp_kpi_review_free(kr);
}

Test(kpi_review, overrides_and_note_causes_count_per_kpi)
{
    fp_kpi_review *kr = quarter((const double[]){5, 5, 6, 6});
    int stockout = fp_catalogue_cause(cat, "stockout");
    fp_kpi_review_add_overrides(kr, K("gmv"), 2);
    fp_kpi_review_add_notes(kr, K("gmv"), stockout, 3);
    fp_kpi_review_add_notes(kr, -1, stockout, 3);   /* not on a KPI */
    cr_assert_eq(kr->rows[K("gmv")].overrides, 2);
    cr_assert_eq(kr->rows[K("gmv")].causes[stockout], 3);
    cr_assert_eq(kr->rows[K("gmv")].notes, 3);
    fp_kpi_review_free(kr);
}

Test(kpi_review, a_quarter_is_the_weeks_whose_thursday_is_in_it)
{
    fp_week w[FP_QUARTER_MAX_WEEKS];
    int y, q;
    cr_assert(fp_quarter_parse("2026-Q4", &y, &q));
    cr_assert_eq(y * 10 + q, 20264);
    cr_assert_not(fp_quarter_parse("2026-Q5", &y, &q));
    cr_assert_not(fp_quarter_parse("2026-Q4x", &y, &q));
    int n = fp_quarter_weeks(2026, 4, w);        /* W40-W53 */
    cr_assert_eq(n, 14);
    cr_assert_eq(w[0], 202640);
    cr_assert_eq(w[13], 202653);
    n = fp_quarter_weeks(2027, 1, w);   /* 2027-01-01 is a Friday (W53 of */
    cr_assert_eq(w[0], 202701);         /* 2026); 90 days: 12 Thursdays */
    cr_assert_eq(n, 12);
    cr_assert_eq(w[11], 202712);
    n = fp_quarter_weeks(2026, 1, w);            /* 2026-01-01 a Thursday */
    cr_assert_eq(w[0], 202601);
    cr_assert_eq(w[n - 1], 202613);
}
