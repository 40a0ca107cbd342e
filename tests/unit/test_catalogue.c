/* The KPI catalogue: the shipped INI, a team's file on top of it, and
 * every loading error as FILE:LINE: what is wrong. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/catalogue.h"
#include "model/tree.h"
#include "storage/catalogue_ini.h"
#include "storage/ini_text.h"

static char path[64];

static const char *write_ini(const char *text)
{
    if (*path)
        unlink(path); /* several files in one test: keep only the last */
    snprintf(path, sizeof path, "/tmp/fupan-cat-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    size_t len = strlen(text);
    cr_assert_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void cleanup(void)
{
    if (*path)
        unlink(path);
}

static fp_catalogue *load_builtin(void)
{
    char err[512] = "";
    fp_catalogue *cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "built-in catalogue: %s", err);
    return cat;
}

/* Loads text as the team's KPI file and expects exactly this error
 * after "PATH:". */
static void expect_error(const char *text, const char *expected)
{
    const char *p = write_ini(text);
    char err[512] = "", want[600];
    fp_catalogue *cat = fp_catalogue_load(p, NULL, err, sizeof err);
    cr_assert_null(cat, "loaded, expected %s", expected);
    snprintf(want, sizeof want, "%s:%s", p, expected);
    cr_assert_str_eq(err, want);
}

static fp_catalogue *load_text(const char *text)
{
    char err[512] = "";
    fp_catalogue *cat = fp_catalogue_load(write_ini(text), NULL, err,
                                          sizeof err);
    cr_assert_not_null(cat, "%s", err);
    return cat;
}

Test(catalogue, builtin_has_the_domain_table)
{
    fp_catalogue *cat = load_builtin();
    cr_assert_eq(cat->nkpis, 42);
    cr_assert_str_eq(cat->reporting_currency, "USD");
    /* the LIVE KPIs of the platform exports (import profiles) */
    const fp_kpi *peak = &cat->kpis[fp_catalogue_kpi(cat, "peak_viewers")];
    cr_assert_eq(peak->add, FP_ADD_NONE); /* never summed across people */
    const fp_kpi *er = &cat->kpis[fp_catalogue_kpi(cat, "engagement_rate")];
    cr_assert_str_eq(er->label_zh, "互动率");
    cr_assert_str_eq(er->formula_src, "(likes + comments + shares) / views");
    cr_assert_eq(cat->kpis[fp_catalogue_kpi(cat, "live_seconds")].unit,
                 FP_UNIT_SECONDS);
    cr_assert(fp_catalogue_kpi(cat, "sku_orders") >= 0);
    const fp_kpi *cvr = &cat->kpis[fp_catalogue_kpi(cat, "cvr")];
    cr_assert_str_eq(cvr->label_zh, "转化率");
    cr_assert_eq(cvr->unit, FP_UNIT_PERCENT);
    cr_assert_eq(cvr->add, FP_ADD_FORMULA);
    cr_assert_str_eq(cvr->formula_src, "orders / clicks");
    cr_assert_not_null(cvr->formula);
    const fp_kpi *viewers = &cat->kpis[fp_catalogue_kpi(cat, "viewers")];
    cr_assert_eq(viewers->add, FP_ADD_NONE);
    const fp_kpi *rr = &cat->kpis[fp_catalogue_kpi(cat, "return_rate")];
    cr_assert_eq(rr->dir, FP_DIR_LOWER);
    cr_assert_eq(rr->maturity_days, 28);
    cr_assert_float_eq(rr->green, 1.0, 1e-12);
    cr_assert_float_eq(rr->amber, 0.9, 1e-12);
    cr_assert(cat->kpis[fp_catalogue_kpi(cat, "gmv")].is_result);
    cr_assert_not(cat->kpis[fp_catalogue_kpi(cat, "ctr")].is_result);
    cr_assert_eq(fp_catalogue_kpi(cat, "nope"), -1);
    fp_catalogue_free(cat);
}

Test(catalogue, formulas_come_after_their_components)
{
    fp_catalogue *cat = load_builtin();
    cr_assert_eq(cat->neval, 16);
    bool *done = calloc((size_t)cat->nkpis, 1);
    for (int i = 0; i < cat->neval; i++) {
        int k = cat->eval_order[i];
        const fp_kpi *kpi = &cat->kpis[k];
        cr_assert_eq(kpi->add, FP_ADD_FORMULA);
        for (int j = 0; j < cat->nkpis; j++)
            if (cat->kpis[j].add == FP_ADD_FORMULA && j != k &&
                strstr(kpi->formula_src, cat->kpis[j].id))
                cr_assert(done[j]);
        done[k] = true;
    }
    free(done);
    fp_catalogue_free(cat);
}

Test(catalogue, roles_levels_causes_conflicts)
{
    fp_catalogue *cat = load_builtin();
    cr_assert_eq(cat->nroles, 4);
    int n;
    const fp_weighted_kpi *host = fp_catalogue_card(cat, FP_LVL_PERSON,
                                                    "host", &n);
    cr_assert_eq(n, 5);
    cr_assert_eq(host[1].kpi, fp_catalogue_kpi(cat, "cvr"));
    cr_assert_float_eq(host[1].weight, 20, 1e-12);
    cr_assert_float_eq(host[1].default_target, 0.025, 1e-12);
    cr_assert(isnan(host[0].default_target));
    const fp_weighted_kpi *editor = fp_catalogue_card(cat, FP_LVL_PERSON,
                                                      "editor", &n);
    for (int i = 0; i < n; i++)
        cr_assert_neq(editor[i].kpi, fp_catalogue_kpi(cat, "cvr"));
    cr_assert_null(fp_catalogue_card(cat, FP_LVL_PERSON, NULL, &n));
    cr_assert_eq(n, 0);
    fp_catalogue_card(cat, FP_LVL_PERSON, "astronaut", &n);
    cr_assert_eq(n, 0);
    fp_catalogue_card(cat, FP_LVL_STORE, NULL, &n);
    cr_assert_eq(n, 4);
    cr_assert_eq(cat->ncauses, 13);
    cr_assert_str_eq(cat->causes[0].id, "data_delay");
    cr_assert_str_eq(cat->causes[3].label_zh, "缺货/供应链");
    cr_assert_str_eq(cat->causes[12].id, "other");
    cr_assert_eq(fp_catalogue_cause(cat, "pricing"), 4);
    cr_assert_eq(cat->nconflicts, 2);
    cr_assert_eq(cat->conflicts[0].a, fp_catalogue_kpi(cat, "aov"));
    cr_assert_eq(cat->conflicts[0].dir_a, -1);
    cr_assert_eq(cat->conflicts[0].b, fp_catalogue_kpi(cat, "margin"));
    cr_assert_eq(cat->conflicts[0].dir_b, 1);
    fp_catalogue_free(cat);
}

Test(catalogue, maturity_includes_components)
{
    fp_catalogue *cat = load_builtin();
    cr_assert_eq(fp_catalogue_maturity(cat, fp_catalogue_kpi(cat, "cvr")), 1);
    cr_assert_eq(fp_catalogue_maturity(cat, fp_catalogue_kpi(cat, "ctr")), 0);
    cr_assert_eq(fp_catalogue_maturity(cat, fp_catalogue_kpi(cat, "roas")),
                 7);
    cr_assert_eq(fp_catalogue_maturity(cat, fp_catalogue_kpi(cat, "cpc")), 7);
    cr_assert_eq(fp_catalogue_maturity(cat,
                 fp_catalogue_kpi(cat, "return_rate")), 28);
    fp_catalogue_free(cat);
}

Test(catalogue, result_only_cards_are_flagged, .fini = cleanup)
{
    fp_catalogue *cat = load_text("[role.closer]\nkpis = \"gmv:50 roas:50\"\n");
    cr_assert(fp_card_result_only(cat, "closer"));
    cr_assert_not(fp_card_result_only(cat, "host"));
    cr_assert_not(fp_card_result_only(cat, "editor"));
    cr_assert_not(fp_card_result_only(cat, "nobody"));
    fp_catalogue_free(cat);
}

Test(catalogue, team_file_adds_and_replaces, .fini = cleanup)
{
    fp_catalogue *cat = load_text(
        "; a team's own KPIs\r\n"
        "[report]\r\ncurrency = myr\r\n"
        "[kpi.cvr]\r\nunit = percent\r\nadditivity = formula\r\n"
        "formula = \"orders / (clicks + 1)\"\r\ngreen = 105%\r\n"
        "[kpi.followers]\r\nlabel = \"Followers ; new\"\r\n"
        "additivity = none\r\nkind = result\r\n");
    cr_assert_str_eq(cat->reporting_currency, "MYR");
    int cvr = fp_catalogue_kpi(cat, "cvr");
    cr_assert_eq(cvr, 28); /* keeps its place in the built-in order */
    cr_assert_str_eq(cat->kpis[cvr].formula_src, "orders / (clicks + 1)");
    cr_assert_float_eq(cat->kpis[cvr].green, 1.05, 1e-12);
    cr_assert_str_eq(cat->kpis[cvr].label, "cvr"); /* replaced whole */
    int f = fp_catalogue_kpi(cat, "followers");
    cr_assert_eq(f, 42);
    cr_assert_str_eq(cat->kpis[f].label, "Followers ; new");
    cr_assert_str_eq(cat->kpis[f].label_zh, "Followers ; new");
    cr_assert_eq(cat->kpis[f].add, FP_ADD_NONE);
    cr_assert(cat->kpis[f].is_result);
    fp_catalogue_free(cat);
}

Test(catalogue, bom_is_skipped, .fini = cleanup)
{
    fp_catalogue *cat = load_text("\xEF\xBB\xBF[kpi.saves]\nunit = count\n");
    cr_assert_eq(fp_catalogue_kpi(cat, "saves"), 42);
    fp_catalogue_free(cat);
}

Test(catalogue, unknown_formula_component, .fini = cleanup)
{
    expect_error("[kpi.cvr2]\nadditivity = formula\nunit = percent\n"
                 "formula = \"orders / clickz\"\n",
                 "4: formula of cvr2, column 10: unknown KPI 'clickz'");
}

Test(catalogue, formula_syntax_error, .fini = cleanup)
{
    expect_error("[kpi.x]\nadditivity = formula\nformula = \"(gmv + 1\"\n",
                 "3: formula of x, column 9: missing ')' for the '(' at "
                 "column 1");
}

Test(catalogue, formula_cycle, .fini = cleanup)
{
    expect_error("[kpi.x]\nadditivity = formula\nformula = \"y + 1\"\n\n"
                 "[kpi.y]\nadditivity = formula\nformula = \"x * 2\"\n",
                 "3: formula cycle: x -> y -> x");
}

Test(catalogue, formula_using_itself, .fini = cleanup)
{
    expect_error("[kpi.x]\nadditivity = formula\nformula = \"x + gmv\"\n",
                 "3: formula cycle: x -> x");
}

Test(catalogue, bad_thresholds, .fini = cleanup)
{
    expect_error("[kpi.x]\ngreen = 90\namber = 95\n",
                 "3: amber threshold 95% is above green 90% (need amber <= "
                 "green)");
}

Test(catalogue, threshold_not_a_number, .fini = cleanup)
{
    expect_error("[kpi.x]\n\namber = lots\n",
                 "3: amber: 'lots' is not an attainment in percent above 0 "
                 "(like 90)");
}

Test(catalogue, negative_threshold, .fini = cleanup)
{
    expect_error("[kpi.x]\ngreen = -5\n",
                 "2: green: '-5' is not an attainment in percent above 0 "
                 "(like 90)");
}

Test(catalogue, duplicate_id_in_one_file, .fini = cleanup)
{
    expect_error("[kpi.likes]\nunit = count\n\n[KPI.Likes]\nunit = count\n",
                 "4: duplicate section [kpi.likes] (first at line 1)");
}

Test(catalogue, duplicate_key, .fini = cleanup)
{
    expect_error("[kpi.likes]\nunit = count\nUnit = money\n",
                 "3: duplicate key 'unit' in [kpi.likes] (first at line 2)");
}

Test(catalogue, bad_words_and_numbers, .fini = cleanup)
{
    expect_error("[kpi.a]\nunit = dollars\n",
                 "2: unit: 'dollars' is not count, money, percent, ratio or "
                 "seconds");
    expect_error("[kpi.a]\ndirection = up\n",
                 "2: direction: 'up' is not higher, lower or none");
    expect_error("[kpi.a]\nadditivity = average\n",
                 "2: additivity: 'average' is not sum, formula or none");
    expect_error("[kpi.a]\ndecimals = 010x\n",
                 "2: decimals: '010x' is not a whole number from 0 to 6");
    expect_error("[kpi.a]\nmaturity_days = 400\n",
                 "2: maturity_days: '400' is not a number of days from 0 to "
                 "366");
    expect_error("[kpi.a]\nkind = outcome\n",
                 "2: kind: 'outcome' is not process or result");
}

Test(catalogue, formula_and_additivity_must_agree, .fini = cleanup)
{
    expect_error("[kpi.a]\nadditivity = formula\n",
                 "2: additivity = formula needs a formula key");
    expect_error("[kpi.a]\nformula = \"gmv / 2\"\n",
                 "2: a formula needs additivity = formula");
}

Test(catalogue, structure_errors, .fini = cleanup)
{
    expect_error("[kpi.a]\nunit count\n",
                 "2: expected 'key = value' or '[section]'");
    expect_error("unit = count\n", "1: key outside a [section]");
    expect_error("[kpi.a\n", "1: a section header must end with ']'");
    expect_error("[kpi.a]\nlable = \"A\"\n",
                 "2: unknown key 'lable' in a [kpi.*] section");
    expect_error("[metric.a]\n",
                 "1: unknown section [metric.a] (expected [report], "
                 "[kpi.ID], [role.ID], [level.ID], [conflict.ID] or "
                 "[cause.ID])");
    expect_error("[level.region]\nkpis = \"gmv:1\"\n",
                 "1: unknown level 'region' (company, store or category)");
    expect_error("[kpi.Bad-Id]\n",
                 "1: bad KPI id 'bad-id' (use a-z, 0-9 and '_', starting "
                 "with a letter)");
}

Test(catalogue, long_line_is_refused, .fini = cleanup)
{
    char text[1200] = "[kpi.a]\nlabel = \"";
    size_t n = strlen(text);
    memset(text + n, 'x', 1100);
    strcpy(text + n + 1100, "\"\n");
    expect_error(text, "2: line longer than 1000 bytes");
}

Test(catalogue, role_errors, .fini = cleanup)
{
    expect_error("[role.host]\nkpis = \"gmv:30 cvx:20\"\n",
                 "2: kpis: unknown KPI 'cvx'");
    expect_error("[role.host]\nkpis = \"gmv:-1\"\n",
                 "2: kpis: weight of gmv: '-1' is not a number of 0 or more");
    expect_error("[role.host]\nkpis = \"gmv30\"\n",
                 "2: kpis: 'gmv30' is not kpi:weight");
    expect_error("[role.host]\nkpis = \"gmv:1 gmv:2\"\n",
                 "2: kpis: gmv listed twice");
    expect_error("[role.host]\nkpis = \"gmv:1\"\ntargets = \"cvr:2%\"\n",
                 "3: targets: cvr is not in kpis");
    expect_error("[role.host]\nkpis = \"gmv:1\"\ntargets = \"gmv:5%\"\n",
                 "3: targets: target of gmv: gmv is not a percent KPI");
    expect_error("[role.host]\nlabel = \"Host\"\n",
                 "1: [role.host] needs a kpis list (\"gmv:40 cvr:20 ...\")");
}

Test(catalogue, role_targets_in_percent, .fini = cleanup)
{
    fp_catalogue *cat = load_text("[role.host]\nkpis = \"cvr:1, roas:1\"\n"
                                  "targets = \"cvr:2.5 roas:3\"\n");
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, FP_LVL_PERSON,
                                                    "host", &n);
    cr_assert_eq(n, 2);
    cr_assert_float_eq(card[0].default_target, 0.025, 1e-12);
    cr_assert_float_eq(card[1].default_target, 3, 1e-12);
    fp_catalogue_free(cat);
}

Test(catalogue, conflict_errors, .fini = cleanup)
{
    expect_error("[conflict.x]\na = \"aov:sideways\"\nb = \"margin:up\"\n",
                 "2: a: move 'sideways' is not up or down");
    expect_error("[conflict.x]\na = \"aov:down\"\n",
                 "1: a conflict needs b = \"kpi:up\" or \"kpi:down\"");
    expect_error("[conflict.x]\na = \"aov:down\"\nb = \"price:up\"\n",
                 "3: b: unknown KPI 'price'");
}

Test(catalogue, missing_file)
{
    char err[256];
    cr_assert_null(fp_catalogue_load("/nonexistent/kpis.ini", NULL, err,
                                     sizeof err));
    cr_assert_str_eq(err, "/nonexistent/kpis.ini: No such file or directory");
}

Test(catalogue, causes_file_replaces_labels, .fini = cleanup)
{
    char err[256];
    fp_catalogue *cat = fp_catalogue_load(NULL, write_ini(
        "[cause.stockout]\nlabel = \"Out of stock\"\nlabel_zh = \"断货\"\n"
        "[cause.weather]\nlabel = \"Weather\"\n"), err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    cr_assert_eq(cat->ncauses, 14);
    cr_assert_str_eq(cat->causes[3].label_zh, "断货");
    cr_assert_str_eq(cat->causes[13].label_zh, "Weather");
    fp_catalogue_free(cat);
}

Test(catalogue, builtin_name_in_messages)
{
    fp_ini_doc doc;
    char err[256];
    cr_assert_not(fp_ini_parse("[a]\nx = 1\n\nbroken\n", "<built-in kpis.ini>",
                               &doc, err, sizeof err));
    cr_assert_str_eq(err, "<built-in kpis.ini>:4: expected 'key = value' or "
                     "'[section]'");
}

Test(catalogue, validate_built_by_hand)
{
    fp_catalogue *cat = fp_catalogue_new();
    int a = fp_catalogue_add_kpi(cat, "a");
    fp_catalogue_add_kpi(cat, "b");
    int c = fp_catalogue_add_kpi(cat, "c");
    fp_catalogue_set_formula(cat, c, "a / b");
    char err[200];
    fp_cat_where w;
    cr_assert(fp_catalogue_validate(cat, &w, err, sizeof err), "%s", err);
    cr_assert_eq(cat->neval, 1);
    cr_assert_eq(cat->eval_order[0], c);
    cat->kpis[a].amber = 0;
    cr_assert_not(fp_catalogue_validate(cat, &w, err, sizeof err));
    cr_assert_eq(w.kind, FP_WHERE_KPI);
    cr_assert_eq(w.index, a);
    cat->kpis[a].amber = 0.9;
    fp_catalogue_add_kpi(cat, "a");
    cr_assert_not(fp_catalogue_validate(cat, &w, err, sizeof err));
    cr_assert_str_eq(err, "duplicate KPI id 'a'");
    cr_assert_eq(w.index, 3);
    fp_catalogue_free(cat);
}

Test(catalogue, nul_byte_names_its_line, .fini = cleanup)
{
    static const char text[] = "[kpi.x]\nlabel = \"X\"\nunit = count\0\n";
    write_ini("");
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(text, 1, sizeof text - 1, f), sizeof text - 1);
    fclose(f);
    char err[512] = "", want[128];
    cr_assert_null(fp_catalogue_load(path, NULL, err, sizeof err));
    snprintf(want, sizeof want, "%s:3: NUL byte", path);
    cr_assert(strncmp(err, want, strlen(want)) == 0, "%s", err);
}
