/* The trial period (issue 16): pilot roles, --set changes on top of the
 * catalogue, weights of 0. */
#include <criterion/criterion.h>
#include <string.h>

#include "model/catalogue.h"
#include "model/tree.h"
#include "storage/catalogue_ini.h"

static fp_catalogue *load(const fp_catalogue_set *sets, int n, char *err)
{
    fp_catalogue_layers l = {.sets = sets, .nsets = n};
    return fp_catalogue_load_layers(&l, err, 512);
}

Test(trial, pilot_people_get_the_pilot_role_first_one_wins)
{
    char err[512];
    fp_catalogue_set sets[] = {
        {"role.host_trial", "kpis", "gmv:1"},
        {"role.host_trial", "pilot", "张伟 li nobody"},
        {"role.other_trial", "kpis", "cvr:1"},
        {"role.other_trial", "pilot", "li"},
    };
    fp_catalogue *cat = load(sets, 4, err);
    cr_assert_not_null(cat, "%s", err);
    fp_tree *t = fp_tree_new("Company");
    fp_tree_add_person(t, 1, "zw", "张伟", "host");
    fp_tree_add_person(t, 2, "li", "李娜", "host");
    fp_tree_add_person(t, 3, "hl", "黄丽", "host");
    cr_assert_eq(fp_catalogue_apply_pilots(cat, t), 2);
    cr_assert_str_eq(t->people[0].role, "host_trial"); /* by name */
    cr_assert_str_eq(t->people[1].role, "host_trial"); /* by code, first */
    cr_assert_str_eq(t->people[2].role, "host");
    cr_assert(t->people[0].pilot && t->people[1].pilot);
    cr_assert_not(t->people[2].pilot);
    fp_tree_free(t);
    fp_catalogue_free(cat);
}

Test(trial, a_set_changes_one_key_and_keeps_the_section)
{
    char err[512];
    fp_catalogue_set set = {"kpi.roas", "amber", "50"};
    fp_catalogue *cat = load(&set, 1, err);
    cr_assert_not_null(cat, "%s", err);
    const fp_kpi *roas = &cat->kpis[fp_catalogue_kpi(cat, "roas")];
    cr_assert_float_eq(roas->amber, 0.5, 1e-12);
    cr_assert_float_eq(roas->green, 1.0, 1e-12);
    cr_assert_str_eq(roas->label_zh, "广告投产比");  /* kept */
    cr_assert_str_eq(roas->formula_src, "gmv / ad_spend");
    fp_catalogue_free(cat);
}

Test(trial, a_bad_set_is_named_in_the_message)
{
    char err[512];
    fp_catalogue_set set = {"kpi.roas", "amber", "zz"};
    cr_assert_null(load(&set, 1, err));
    cr_assert(strstr(err, "--set kpi.roas.amber") != NULL, "%s", err);
}

Test(trial, a_weight_of_zero_is_on_the_card_unscored)
{
    char err[512];
    fp_catalogue_set set = {"role.host", "kpis",
                            "gmv:0 cvr:1 avg_watch:1 return_rate:1"};
    fp_catalogue *cat = load(&set, 1, err);
    cr_assert_not_null(cat, "%s", err);
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, 3, "host", &n);
    cr_assert_eq(n, 4);
    cr_assert_float_eq(card[0].weight, 0, 0);
    fp_catalogue_free(cat);
}

Test(trial, parse_set_splits_at_the_last_dot_before_the_equals)
{
    char buf[256];
    fp_catalogue_set s;
    cr_assert(fp_catalogue_parse_set("role.host.kpis=gmv:50 cvr:50", buf,
                                     sizeof buf, &s));
    cr_assert_str_eq(s.section, "role.host");
    cr_assert_str_eq(s.key, "kpis");
    cr_assert_str_eq(s.value, "gmv:50 cvr:50");
    cr_assert_not(fp_catalogue_parse_set("amber", buf, sizeof buf, &s));
    cr_assert_not(fp_catalogue_parse_set("amber=5", buf, sizeof buf, &s));
    cr_assert_not(fp_catalogue_parse_set("kpi.=5", buf, sizeof buf, &s));
}
