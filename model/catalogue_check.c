/* fp_catalogue_validate: the checks that keep a broken catalogue from
 * ever putting wrong numbers on the projector; see catalogue.h. */
#include "model/catalogue.h"
#include "model/i18n.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/expr.h"

typedef struct {
    fp_catalogue *cat;
    fp_cat_where *where;
    char *err;
    size_t errsz;
} checker;

static bool complain(checker *c, fp_where_kind kind, int index,
                     const char *fmt, ...)
{
    if (c->where)
        *c->where = (fp_cat_where){ kind, index };
    if (c->err && c->errsz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err, c->errsz, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool is_identifier(const char *s)
{
    if (!s || !(islower((unsigned char)*s) || *s == '_'))
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
              *s == '_'))
            return false;
    return true;
}

static bool check_kpi(checker *c, int i)
{
    const fp_kpi *k = &c->cat->kpis[i];
    if (!is_identifier(k->id))
        return complain(c, FP_WHERE_KPI, i, _("bad KPI id '%s' (use a-z, "
                        "0-9 and '_', starting with a letter)"), k->id);
    for (int j = 0; j < i; j++)
        if (strcmp(c->cat->kpis[j].id, k->id) == 0)
            return complain(c, FP_WHERE_KPI, i, _("duplicate KPI id '%s'"),
                            k->id);
    if (!isfinite(k->amber) || !isfinite(k->green) || k->amber <= 0 ||
        k->amber > k->green)
        return complain(c, FP_WHERE_KPI, i, _("%s: bad thresholds amber "
                        "%g%% green %g%% (need 0 < amber <= green)"),
                        k->id, k->amber * 100, k->green * 100);
    if (k->decimals < 0 || k->decimals > 6)
        return complain(c, FP_WHERE_KPI, i, _("%s: decimals %d not in 0..6"),
                        k->id, k->decimals);
    if (k->maturity_days < 0 || k->maturity_days > 366)
        return complain(c, FP_WHERE_KPI, i, _("%s: maturity_days %d not in "
                        "0..366"), k->id, k->maturity_days);
    if (k->add == FP_ADD_FORMULA && !k->formula_src)
        return complain(c, FP_WHERE_KPI, i, _("%s: additivity is formula "
                        "but there is no formula"), k->id);
    if (k->add != FP_ADD_FORMULA && k->formula_src)
        return complain(c, FP_WHERE_FORMULA, i, _("%s: a formula needs "
                        "additivity = formula"), k->id);
    return true;
}

static int lookup_kpi(void *ctx, const char *id, size_t len)
{
    const fp_catalogue *cat = ctx;
    for (int i = 0; i < cat->nkpis; i++)
        if (strlen(cat->kpis[i].id) == len &&
            memcmp(cat->kpis[i].id, id, len) == 0)
            return i;
    return -1;
}

static bool compile_formula(checker *c, int i)
{
    fp_kpi *k = &c->cat->kpis[i];
    if (k->add != FP_ADD_FORMULA)
        return true;
    char msg[200];
    fp_expr_free(k->formula);
    k->formula = fp_expr_compile(k->formula_src, lookup_kpi, c->cat, NULL,
                                 msg, sizeof msg);
    if (!k->formula)
        return complain(c, FP_WHERE_FORMULA, i, _("formula of %s, %s"), k->id,
                        msg);
    return true;
}

/* Writes "a -> b -> a" for the cycle path[from..depth) closing at k. */
static bool report_cycle(checker *c, const int *path, int depth, int k)
{
    char buf[400];
    size_t used = 0;
    int from = depth - 1;
    while (from > 0 && path[from] != k)
        from--;
    for (int i = from; i < depth && used < sizeof buf; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s -> ",
                                 c->cat->kpis[path[i]].id);
    if (used < sizeof buf)
        snprintf(buf + used, sizeof buf - used, "%s", c->cat->kpis[k].id);
    return complain(c, FP_WHERE_FORMULA, k, _("formula cycle: %s"), buf);
}

/* Depth-first post-order over formula components; state 1 = on the
 * current path (seeing it again is a cycle), 2 = done. */
static bool visit(checker *c, int k, char *state, int *path, int depth)
{
    const fp_kpi *kpi = &c->cat->kpis[k];
    if (state[k] == 2 || kpi->add != FP_ADD_FORMULA)
        return true;
    if (state[k] == 1)
        return report_cycle(c, path, depth, k);
    state[k] = 1;
    path[depth] = k;
    const int *comps = fp_expr_components(kpi->formula);
    for (int i = 0; i < fp_expr_ncomponents(kpi->formula); i++)
        if (!visit(c, comps[i], state, path, depth + 1))
            return false;
    state[k] = 2;
    c->cat->eval_order[c->cat->neval++] = k;
    return true;
}

static bool order_formulas(checker *c)
{
    fp_catalogue *cat = c->cat;
    free(cat->eval_order);
    cat->neval = 0;
    cat->eval_order = malloc((size_t)(cat->nkpis + 1) * sizeof(int));
    char *state = calloc((size_t)cat->nkpis + 1, 1);
    int *path = malloc((size_t)(cat->nkpis + 1) * sizeof *path);
    bool ok = cat->eval_order && state && path;
    if (!ok)
        complain(c, FP_WHERE_NONE, -1, _("out of memory"));
    for (int k = 0; ok && k < cat->nkpis; k++)
        ok = visit(c, k, state, path, 0);
    free(state);
    free(path);
    return ok;
}

static bool check_card(checker *c, fp_where_kind kind, int index,
                       const char *name, const fp_weighted_kpi *card, int n)
{
    for (int i = 0; i < n; i++) {
        if (card[i].kpi < 0 || card[i].kpi >= c->cat->nkpis)
            return complain(c, kind, index, _("%s: unknown KPI"), name);
        const char *id = c->cat->kpis[card[i].kpi].id;
        if (!isfinite(card[i].weight) || card[i].weight < 0)
            return complain(c, kind, index, _("%s: weight of %s must be a "
                            "number of 0 or more"), name, id);
        for (int j = 0; j < i; j++)
            if (card[j].kpi == card[i].kpi)
                return complain(c, kind, index, _("%s: %s listed twice"),
                                name, id);
    }
    return true;
}

static bool check_roles(checker *c)
{
    const fp_catalogue *cat = c->cat;
    for (int i = 0; i < cat->nroles; i++) {
        const fp_role *r = &cat->roles[i];
        if (!is_identifier(r->id))
            return complain(c, FP_WHERE_ROLE, i, _("bad role id '%s'"), r->id);
        for (int j = 0; j < i; j++)
            if (strcmp(cat->roles[j].id, r->id) == 0)
                return complain(c, FP_WHERE_ROLE, i, _("duplicate role id "
                                "'%s'"), r->id);
        if (!check_card(c, FP_WHERE_ROLE, i, r->id, r->kpis, r->nkpis))
            return false;
    }
    static const char *names[3] = { "company", "store", "category" };
    for (int l = 0; l < 3; l++)
        if (!check_card(c, FP_WHERE_LEVEL, l, names[l], cat->levels[l].kpis,
                        cat->levels[l].nkpis))
            return false;
    return true;
}

static bool check_causes_and_conflicts(checker *c)
{
    const fp_catalogue *cat = c->cat;
    for (int i = 0; i < cat->ncauses; i++) {
        if (!is_identifier(cat->causes[i].id))
            return complain(c, FP_WHERE_CAUSE, i, _("bad cause id '%s'"),
                            cat->causes[i].id);
        for (int j = 0; j < i; j++)
            if (strcmp(cat->causes[j].id, cat->causes[i].id) == 0)
                return complain(c, FP_WHERE_CAUSE, i, _("duplicate cause id "
                                "'%s'"), cat->causes[i].id);
    }
    for (int i = 0; i < cat->nconflicts; i++) {
        const fp_conflict *f = &cat->conflicts[i];
        if (f->a < 0 || f->a >= cat->nkpis || f->b < 0 ||
            f->b >= cat->nkpis || f->a == f->b)
            return complain(c, FP_WHERE_CONFLICT, i, _("a conflict pair needs "
                            "two different known KPIs"));
        if ((f->dir_a != 1 && f->dir_a != -1) ||
            (f->dir_b != 1 && f->dir_b != -1))
            return complain(c, FP_WHERE_CONFLICT, i, _("a conflict move must "
                            "be up or down"));
    }
    return true;
}

static bool check_currency(checker *c)
{
    const char *cur = c->cat->reporting_currency;
    bool ok = cur && strlen(cur) == 3;
    for (int i = 0; ok && i < 3; i++)
        ok = isupper((unsigned char)cur[i]);
    if (!ok)
        return complain(c, FP_WHERE_NONE, -1, _("reporting currency must be "
                        "a 3-letter ISO code like USD"));
    return true;
}

bool fp_catalogue_validate(fp_catalogue *cat, fp_cat_where *where,
                           char *err, size_t errsz)
{
    checker c = { cat, where, err, errsz };
    if (where)
        *where = (fp_cat_where){ FP_WHERE_NONE, -1 };
    for (int i = 0; i < cat->nkpis; i++)
        if (!check_kpi(&c, i))
            return false;
    for (int i = 0; i < cat->nkpis; i++)
        if (!compile_formula(&c, i))
            return false;
    return order_formulas(&c) && check_roles(&c) &&
           check_causes_and_conflicts(&c) && check_currency(&c);
}
