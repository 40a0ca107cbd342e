/* Stop-loss decisions; see stoploss.h. */
#include "model/stoploss.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/vec.h"

void fp_stoploss_init(fp_stoploss *sl)
{
    memset(sl, 0, sizeof *sl);
    sl->base.roas = NAN;
}

void fp_stoploss_done(fp_stoploss *sl)
{
    for (int i = 0; i < sl->nstores; i++)
        free(sl->stores[i].store);
    free(sl->stores);
    fp_stoploss_init(sl);
}

fp_stoploss_rule *fp_stoploss_add_store(fp_stoploss *sl, const char *store)
{
    fp_stoploss_rule *grown = fp_grow_one(sl->stores, sizeof *grown,
                                          (size_t)sl->nstores);
    char *code = strdup(store);
    if (!grown || !code) {
        free(code);
        if (grown)
            sl->stores = grown;
        return NULL;
    }
    sl->stores = grown;
    fp_stoploss_rule *r = &sl->stores[sl->nstores++];
    *r = sl->base;
    r->store = code;
    return r;
}

const fp_stoploss_rule *fp_stoploss_rule_for(const fp_stoploss *sl,
                                             const char *store)
{
    for (int i = 0; store && *store && i < sl->nstores; i++)
        if (strcasecmp(sl->stores[i].store, store) == 0)
            return &sl->stores[i];
    return &sl->base;
}

bool fp_stoploss_active(const fp_stoploss_rule *rule)
{
    return fp_has(rule->roas) && (rule->weeks > 0 || rule->days > 0);
}

bool fp_stoploss_run_below(const double *roas, int n, double breakeven)
{
    if (n < 1 || !fp_has(breakeven))
        return false;
    for (int i = 0; i < n; i++)
        if (!fp_has(roas[i]) || roas[i] >= breakeven)
            return false;
    return true;
}

static bool card_has(const fp_catalogue *cat, const char *role, int kpi)
{
    int n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, FP_LVL_PERSON,
                                                    role, &n);
    for (int i = 0; i < n; i++)
        if (card[i].kpi == kpi)
            return true;
    return false;
}

bool fp_stoploss_watches(const fp_rollup *r, int row, int roas_kpi)
{
    if (roas_kpi < 0 || row < 0 || row >= r->nrows)
        return false;
    if (row < r->nnodes) {
        fp_level l = r->tree->nodes[row].level;
        return l == FP_LVL_STORE || l == FP_LVL_CATEGORY;
    }
    const fp_person *p = &r->tree->people[row - r->nnodes];
    return card_has(r->cat, p->role, roas_kpi);
}

const char *fp_stoploss_row_store(const fp_tree *tree, int nnodes, int row)
{
    if (row < nnodes) {
        int s = tree->nodes[row].store;
        return s >= 0 ? tree->nodes[s].code : NULL;
    }
    int p = row - nnodes, store = -1;
    for (int i = 0; i < tree->nnodes; i++) {
        const fp_node *n = &tree->nodes[i];
        if (n->level != FP_LVL_PERSON || n->person != p)
            continue;
        if (store >= 0 && n->store != store)
            return NULL;
        store = n->store;
    }
    return store >= 0 ? tree->nodes[store].code : NULL;
}
