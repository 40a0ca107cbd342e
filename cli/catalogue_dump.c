/* fupan --dump-catalogue: the KPI catalogue in use (built-in plus the
 * config's files) written back as INI, in the format of kpis.ini, so a
 * team can start its own file from it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "model/tree.h"
#include "storage/catalogue_ini.h"
#include "storage/config.h"

static const char *const unit_names[] = {
    "count", "money", "percent", "ratio", "seconds"
};
static const char *const dir_names[] = { "higher", "lower", "none" };
static const char *const add_names[] = { "sum", "formula", "none" };

static void print_labels(FILE *out, const char *label, const char *label_zh)
{
    fprintf(out, "label = \"%s\"\n", label ? label : "");
    fprintf(out, "label_zh = \"%s\"\n", label_zh ? label_zh : "");
}

static void print_kpi(FILE *out, const fp_kpi *k)
{
    fprintf(out, "\n[kpi.%s]\n", k->id);
    print_labels(out, k->label, k->label_zh);
    fprintf(out, "unit = %s\ndirection = %s\nadditivity = %s\n",
            unit_names[k->unit], dir_names[k->dir], add_names[k->add]);
    if (k->formula_src)
        fprintf(out, "formula = \"%s\"\n", k->formula_src);
    fprintf(out, "decimals = %d\ngreen = %g\namber = %g\n", k->decimals,
            k->green * 100, k->amber * 100);
    fprintf(out, "maturity_days = %d\nkind = %s\n", k->maturity_days,
            k->is_result ? "result" : "process");
}

/* kpis = "id:weight ..." and, when any, targets = "id:value ...". */
static void print_card(FILE *out, const fp_catalogue *cat,
                       const fp_weighted_kpi *w, int n)
{
    bool targets = false;
    fputs("kpis = \"", out);
    for (int i = 0; i < n; i++) {
        fprintf(out, "%s%s:%g", i ? " " : "", cat->kpis[w[i].kpi].id,
                w[i].weight);
        targets = targets || !isnan(w[i].default_target);
    }
    fputs("\"\n", out);
    if (!targets)
        return;
    fputs("targets = \"", out);
    const char *sep = "";
    for (int i = 0; i < n; i++) {
        if (isnan(w[i].default_target))
            continue;
        bool pct = cat->kpis[w[i].kpi].unit == FP_UNIT_PERCENT;
        fprintf(out, "%s%s:%g%s", sep, cat->kpis[w[i].kpi].id,
                pct ? w[i].default_target * 100 : w[i].default_target,
                pct ? "%" : "");
        sep = " ";
    }
    fputs("\"\n", out);
}

static void print_roles_and_levels(FILE *out, const fp_catalogue *cat)
{
    static const char *const levels[] = { "company", "store", "category" };
    for (int i = 0; i < cat->nroles; i++) {
        const fp_role *r = &cat->roles[i];
        fprintf(out, "\n[role.%s]\n", r->id);
        print_labels(out, r->label, r->label_zh);
        fprintf(out, "scope = %s\n", r->scope == FP_LVL_STORE ? "store"
                : r->scope == FP_LVL_CATEGORY ? "category" : "self");
        if (r->pilot)
            fprintf(out, "pilot = \"%s\"\n", r->pilot);
        print_card(out, cat, r->kpis, r->nkpis);
    }
    for (int l = 0; l < 3; l++) {
        fprintf(out, "\n[level.%s]\n", levels[l]);
        print_card(out, cat, cat->levels[l].kpis, cat->levels[l].nkpis);
    }
}

static void print_rest(FILE *out, const fp_catalogue *cat)
{
    for (int i = 0; i < cat->nconflicts; i++) {
        const fp_conflict *c = &cat->conflicts[i];
        fprintf(out, "\n[conflict.c%d]\na = \"%s:%s\"\nb = \"%s:%s\"\n", i + 1,
                cat->kpis[c->a].id, c->dir_a > 0 ? "up" : "down",
                cat->kpis[c->b].id, c->dir_b > 0 ? "up" : "down");
        fprintf(out, "text = \"%s\"\n", c->text ? c->text : "");
    }
    for (int i = 0; i < cat->ncauses; i++) {
        fprintf(out, "\n[cause.%s]\n", cat->causes[i].id);
        print_labels(out, cat->causes[i].label, cat->causes[i].label_zh);
    }
}

int fp_cli_dump_catalogue(FILE *out, const char *config_path)
{
    char err[1024];
    fp_config *cfg = fp_config_load(config_path, err, sizeof err);
    if (cfg == NULL) {
        fp_cli_error("%s", err);
        return FP_EXIT_INPUT;
    }
    fp_catalogue *cat = fp_catalogue_load(cfg->kpi_file, cfg->causes_file,
                                          err, sizeof err);
    fp_config_free(cfg);
    if (cat == NULL) {
        fp_cli_error("%s", err);
        return FP_EXIT_INPUT;
    }
    fprintf(out, "; the KPI catalogue in use (fupan --dump-catalogue). Conflict\n"
            "; pairs are numbered c1, c2...: a file of your own that holds\n"
            "; them adds pairs (the built-in ids are in kpis.ini).\n\n"
            "[report]\ncurrency = %s\n", cat->reporting_currency
            ? cat->reporting_currency : "USD");
    for (int i = 0; i < cat->nkpis; i++)
        print_kpi(out, &cat->kpis[i]);
    print_roles_and_levels(out, cat);
    print_rest(out, cat);
    fp_catalogue_free(cat);
    return FP_EXIT_OK;
}
