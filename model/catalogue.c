/* The KPI catalogue: building, lookups, validation; see catalogue.h.
 * Catalogues are small (tens of KPIs): arrays grow one item at a time
 * and lookups are linear. */
#include "model/catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "model/expr.h"
#include "model/tree.h"
#include "model/vec.h"

fp_catalogue *fp_catalogue_new(void)
{
    fp_catalogue *cat = calloc(1, sizeof *cat);
    if (!cat)
        return NULL;
    cat->reporting_currency = strdup("USD");
    if (!cat->reporting_currency) {
        free(cat);
        return NULL;
    }
    return cat;
}

static void free_kpi(fp_kpi *k)
{
    free(k->id);
    free(k->label);
    free(k->label_zh);
    free(k->formula_src);
    fp_expr_free(k->formula);
}

void fp_catalogue_free(fp_catalogue *cat)
{
    if (!cat)
        return;
    for (int i = 0; i < cat->nkpis; i++)
        free_kpi(&cat->kpis[i]);
    free(cat->kpis);
    free(cat->eval_order);
    for (int i = 0; i < cat->nroles; i++) {
        free(cat->roles[i].id);
        free(cat->roles[i].label);
        free(cat->roles[i].label_zh);
        free(cat->roles[i].kpis);
        free(cat->roles[i].pilot);
    }
    free(cat->roles);
    for (int i = 0; i < cat->ncauses; i++) {
        free(cat->causes[i].id);
        free(cat->causes[i].label);
        free(cat->causes[i].label_zh);
    }
    free(cat->causes);
    for (int i = 0; i < cat->nconflicts; i++)
        free(cat->conflicts[i].text);
    free(cat->conflicts);
    for (int i = 0; i < 3; i++)
        free(cat->levels[i].kpis);
    free(cat->reporting_currency);
    free(cat);
}

/* ---- lookups ---- */

int fp_catalogue_kpi(const fp_catalogue *cat, const char *id)
{
    for (int i = 0; i < cat->nkpis; i++)
        if (strcmp(cat->kpis[i].id, id) == 0)
            return i;
    return -1;
}

int fp_catalogue_role(const fp_catalogue *cat, const char *id)
{
    for (int i = 0; i < cat->nroles; i++)
        if (strcmp(cat->roles[i].id, id) == 0)
            return i;
    return -1;
}

int fp_catalogue_cause(const fp_catalogue *cat, const char *id)
{
    for (int i = 0; i < cat->ncauses; i++)
        if (strcmp(cat->causes[i].id, id) == 0)
            return i;
    return -1;
}

const fp_weighted_kpi *fp_catalogue_card(const fp_catalogue *cat, int level,
                                         const char *role, int *nkpis)
{
    *nkpis = 0;
    if (level == FP_LVL_PERSON) {
        int r = role ? fp_catalogue_role(cat, role) : -1;
        if (r < 0)
            return NULL;
        *nkpis = cat->roles[r].nkpis;
        return cat->roles[r].kpis;
    }
    if (level < FP_LVL_COMPANY || level > FP_LVL_CATEGORY)
        return NULL;
    *nkpis = cat->levels[level].nkpis;
    return cat->levels[level].kpis;
}

bool fp_card_result_only(const fp_catalogue *cat, const char *role)
{
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, FP_LVL_PERSON,
                                                    role, &n);
    if (n == 0)
        return false;
    for (int i = 0; i < n; i++)
        if (!cat->kpis[card[i].kpi].is_result)
            return false;
    return true;
}

int fp_catalogue_maturity(const fp_catalogue *cat, int kpi)
{
    const fp_kpi *k = &cat->kpis[kpi];
    int m = k->maturity_days;
    if (k->add != FP_ADD_FORMULA || !k->formula)
        return m;
    const int *comps = fp_expr_components(k->formula);
    for (int i = 0; i < fp_expr_ncomponents(k->formula); i++) {
        int c = fp_catalogue_maturity(cat, comps[i]);
        if (c > m)
            m = c;
    }
    return m;
}

/* ---- building ---- */

/* Replaces *field with a copy of s (NULL stays NULL). */
static int set_str(char **field, const char *s)
{
    char *copy = NULL;
    if (s && !(copy = strdup(s)))
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

int fp_catalogue_add_kpi(fp_catalogue *cat, const char *id)
{
    fp_kpi *k = fp_grow_one(cat->kpis, sizeof *k, (size_t)cat->nkpis);
    if (!k)
        return -1;
    cat->kpis = k;
    k = &cat->kpis[cat->nkpis];
    memset(k, 0, sizeof *k);
    k->unit = FP_UNIT_COUNT;
    k->dir = FP_DIR_HIGHER;
    k->add = FP_ADD_SUM;
    k->green = 1.0;
    k->amber = 0.9;
    if (set_str(&k->id, id) || set_str(&k->label, id) ||
        set_str(&k->label_zh, id)) {
        free_kpi(k);
        return -1;
    }
    return cat->nkpis++;
}

int fp_catalogue_set_labels(fp_catalogue *cat, int kpi, const char *label,
                            const char *label_zh)
{
    fp_kpi *k = &cat->kpis[kpi];
    if (label && set_str(&k->label, label))
        return -1;
    if (label_zh && set_str(&k->label_zh, label_zh))
        return -1;
    return 0;
}

int fp_catalogue_set_formula(fp_catalogue *cat, int kpi, const char *src)
{
    fp_kpi *k = &cat->kpis[kpi];
    if (set_str(&k->formula_src, src))
        return -1;
    fp_expr_free(k->formula);
    k->formula = NULL;
    k->add = FP_ADD_FORMULA;
    return 0;
}

int fp_catalogue_add_role(fp_catalogue *cat, const char *id,
                          const char *label, const char *label_zh)
{
    fp_role *r = fp_grow_one(cat->roles, sizeof *r, (size_t)cat->nroles);
    if (!r)
        return -1;
    cat->roles = r;
    r = &cat->roles[cat->nroles];
    memset(r, 0, sizeof *r);
    if (set_str(&r->id, id) || set_str(&r->label, label ? label : id) ||
        set_str(&r->label_zh, label_zh ? label_zh : label ? label : id)) {
        free(r->id);
        free(r->label);
        free(r->label_zh);
        return -1;
    }
    return cat->nroles++;
}

static int card_add(fp_weighted_kpi **kpis, int *n, int kpi, double weight,
                    double target)
{
    fp_weighted_kpi *w = fp_grow_one(*kpis, sizeof *w, (size_t)*n);
    if (!w)
        return -1;
    *kpis = w;
    w[*n] = (fp_weighted_kpi){ kpi, weight, target };
    (*n)++;
    return 0;
}

int fp_catalogue_role_add(fp_catalogue *cat, int role, int kpi,
                          double weight, double default_target)
{
    fp_role *r = &cat->roles[role];
    return card_add(&r->kpis, &r->nkpis, kpi, weight, default_target);
}

int fp_catalogue_level_add(fp_catalogue *cat, int level, int kpi,
                           double weight, double default_target)
{
    if (level < FP_LVL_COMPANY || level > FP_LVL_CATEGORY)
        return -1;
    fp_level_card *c = &cat->levels[level];
    return card_add(&c->kpis, &c->nkpis, kpi, weight, default_target);
}

int fp_catalogue_add_cause(fp_catalogue *cat, const char *id,
                           const char *label, const char *label_zh)
{
    fp_cause *c = fp_grow_one(cat->causes, sizeof *c, (size_t)cat->ncauses);
    if (!c)
        return -1;
    cat->causes = c;
    c = &cat->causes[cat->ncauses];
    memset(c, 0, sizeof *c);
    if (set_str(&c->id, id) || set_str(&c->label, label ? label : id) ||
        set_str(&c->label_zh, label_zh ? label_zh : label ? label : id)) {
        free(c->id);
        free(c->label);
        free(c->label_zh);
        return -1;
    }
    return cat->ncauses++;
}

int fp_catalogue_add_conflict(fp_catalogue *cat, int a, int dir_a, int b,
                              int dir_b, const char *text)
{
    fp_conflict *c = fp_grow_one(cat->conflicts, sizeof *c,
                                 (size_t)cat->nconflicts);
    if (!c)
        return -1;
    cat->conflicts = c;
    c = &cat->conflicts[cat->nconflicts];
    *c = (fp_conflict){ a, b, dir_a, dir_b, NULL };
    if (set_str(&c->text, text ? text : ""))
        return -1;
    return cat->nconflicts++;
}

int fp_catalogue_set_currency(fp_catalogue *cat, const char *code)
{
    return set_str(&cat->reporting_currency, code);
}
