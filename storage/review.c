/* A review session: database + tree + catalogue + computed weeks.
 * Full rollups are cached for a few weeks (the week on screen and its
 * neighbours); trends use a lighter cache of values only, which keeps
 * memory small on a big company. */
#include "storage/review.h"
#include "model/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vec.h"
#include "storage/catalogue_ini.h"
#include "storage/meeting_util.h"
#include "storage/org.h"
#include "storage/trend_sums.h"

#define FULL_CACHE 3
#define VALUE_CACHE (FP_TREND_WEEKS + 2)
#define PERIOD_CACHE 2

/* The statements a week is read with. */
enum { SQL_FACTS, SQL_OVERRIDES, SQL_TARGETS, SQL_FX, SQL_COUNT };
static const char *const week_sql[SQL_COUNT] = {
    [SQL_FACTS] = "SELECT node_id, kpi_id, value FROM facts WHERE week = ?1",
    [SQL_OVERRIDES] = "SELECT node_id, kpi_id, value, original, id"
        " FROM overrides WHERE week = ?1 AND reverted_at IS NULL",
    [SQL_TARGETS] = "SELECT node_id, kpi_id, value, week, kind = 'cap'"
        " FROM targets WHERE week = ?1 OR week = 0",
    [SQL_FX] = "SELECT currency, rate FROM fx_rates WHERE week = ?1",
};

typedef struct { fp_week week; fp_rollup *r; unsigned long used; } full_slot;
/* A week's values for trends: every row's, or (upper) only those of the
 * nodes above person level, by rv->upper_of. */
typedef struct {
    fp_week week;
    double *v;
    unsigned long used;
    bool upper;
} value_slot;

struct fp_review {
    fp_db *db;
    fp_config *cfg;
    fp_catalogue *cat;
    fp_tree *tree;
    int *kpi_map;        /* kpis.id -> catalogue index, -1 */
    long long nkpi_map;
    long long data_version;
    long today;
    bool fixed_today;
    unsigned long clock;
    full_slot full[FULL_CACHE];
    fp_rollup *spare;    /* reused to compute the weeks of a period */
    fp_rollup *spare_values; /* reused for weeks needed for trends only
                            (values only: never a full week) */
    value_slot values[VALUE_CACHE];
    full_slot periods[PERIOD_CACHE]; /* months and quarters, by code */
    fp_vec facts, ovr, tgt, fx;      /* a week's rows, memory kept */
    int *upper_of;       /* per row: its row in an upper slot, or -1 */
    int nupper;
    int *kid_row;        /* per node: its row in kids, -1 (fp_kid_sums) */
    fp_vec kids;         /* rows of nkpis doubles; row 0 holds no value */
};

static void free_rows(fp_review *rv)
{
    fp_vec_done(&rv->facts);
    fp_vec_done(&rv->ovr);
    fp_vec_done(&rv->tgt);
    fp_vec_done(&rv->fx);
    fp_vec_done(&rv->kids);
    free(rv->upper_of);
    free(rv->kid_row);
}

static void drop_caches(fp_review *rv)
{
    fp_rollup_free(rv->spare);
    rv->spare = NULL;
    fp_rollup_free(rv->spare_values);
    rv->spare_values = NULL;
    for (int i = 0; i < FULL_CACHE; i++) {
        fp_rollup_free(rv->full[i].r);
        rv->full[i] = (full_slot){0, NULL, 0};
    }
    for (int i = 0; i < VALUE_CACHE; i++) {
        free(rv->values[i].v);
        rv->values[i] = (value_slot){0, NULL, 0, false};
    }
    for (int i = 0; i < PERIOD_CACHE; i++) {
        fp_rollup_free(rv->periods[i].r);
        rv->periods[i] = (full_slot){0, NULL, 0};
    }
}

static bool build_kpi_map(fp_review *rv)
{
    sqlite3_stmt *st = fp_db_prepare(rv->db, "SELECT id, code FROM kpis");
    if (!st)
        return false;
    free(rv->kpi_map);
    rv->kpi_map = NULL;
    rv->nkpi_map = 0;
    bool ok = true;
    int more = 0;
    while (ok && (more = fp_step(rv->db, st, "read kpis")) > 0) {
        long long id = sqlite3_column_int64(st, 0);
        if (id >= rv->nkpi_map) {
            long long n = id + 16;
            int *m = realloc(rv->kpi_map, (size_t)n * sizeof *m);
            ok = m != NULL;
            if (!ok)
                break;
            for (long long i = rv->nkpi_map; i < n; i++)
                m[i] = -1;
            rv->kpi_map = m;
            rv->nkpi_map = n;
        }
        rv->kpi_map[id] = fp_catalogue_kpi(rv->cat,
                              (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return ok && more == 0;
}

static int map_kpi(const fp_review *rv, long long id)
{
    return id >= 0 && id < rv->nkpi_map ? rv->kpi_map[id] : -1;
}

static int map_node(const fp_review *rv, long long id)
{
    return fp_tree_find_db_id(rv->tree, id);
}

/* The newest day any import held (0: none); false on a read error. */
static bool newest_import_day(fp_db *db, long *days)
{
    sqlite3_stmt *st = fp_db_prepare(db, "SELECT max(max_day) FROM imports");
    int y, m, d, row = st ? fp_step(db, st, "read imports") : -1;
    *days = 0;
    if (row > 0 && sqlite3_column_type(st, 0) == SQLITE_TEXT &&
        fp_date_parse((const char *)sqlite3_column_text(st, 0), &y, &m, &d))
        *days = fp_days_from_civil(y, m, d);
    sqlite3_finalize(st);
    return row >= 0;
}

/* The rows an upper value slot keeps: the nodes above person level. */
static bool build_upper_map(fp_review *rv)
{
    int nrows = rv->tree->nnodes + rv->tree->npeople;
    free(rv->upper_of);
    free(rv->kid_row);
    rv->upper_of = malloc(((size_t)nrows + 1) * sizeof *rv->upper_of);
    rv->kid_row = malloc(((size_t)rv->tree->nnodes + 1) *
                         sizeof *rv->kid_row);
    if (!rv->upper_of || !rv->kid_row) {
        snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
        return false;
    }
    rv->nupper = 0;
    for (int row = 0; row < nrows; row++)
        rv->upper_of[row] = row < rv->tree->nnodes &&
            rv->tree->nodes[row].level != FP_LVL_PERSON ? rv->nupper++ : -1;
    return true;
}

static bool reload(fp_review *rv)
{
    drop_caches(rv);
    fp_tree_free(rv->tree);
    rv->tree = fp_org_load_tree(rv->db);
    if (!rv->tree || fp_catalogue_apply_pilots(rv->cat, rv->tree) < 0 ||
        !build_kpi_map(rv) || !build_upper_map(rv))
        return false;
    if (!rv->fixed_today && !newest_import_day(rv->db, &rv->today))
        return false;
    rv->data_version = fp_db_data_version(rv->db);
    return true;
}

/* Turns the current row of st into one item; false skips the row (a
 * node or KPI the tree or catalogue does not know). */
typedef bool (*row_fn)(const fp_review *rv, sqlite3_stmt *st, void *item);

/* Steps st (?1 bound to week) and appends one item per accepted row. */
static bool step_rows(fp_review *rv, sqlite3_stmt *st, fp_week week,
                      fp_vec *out, row_fn convert)
{
    sqlite3_bind_int(st, 1, week);
    bool ok = true;
    int more = 0;
    while (ok && (more = fp_step(rv->db, st, "read")) > 0) {
        void *item = fp_vec_push(out);
        ok = item != NULL;
        if (!ok)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
        else if (!convert(rv, st, item))
            out->n--;
    }
    return ok && more == 0;
}

/* Runs sql (with ?1 = week) and appends one item per accepted row. */
static bool load_rows(fp_review *rv, const char *sql, fp_week week,
                      fp_vec *out, row_fn convert)
{
    sqlite3_stmt *st = fp_db_prepare(rv->db, sql);
    bool ok = st && step_rows(rv, st, week, out, convert);
    sqlite3_finalize(st);
    return ok;
}

/* Same with statement `which` of week_sql; out is emptied first (its
 * memory kept). Statements are not kept between calls: the connection
 * may be reopened between two (fp_db, a file made writable). */
static bool load_week_rows(fp_review *rv, int which, fp_week week,
                           fp_vec *out, row_fn convert)
{
    out->n = 0;
    return load_rows(rv, week_sql[which], week, out, convert);
}

static double column_or_nan(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
        ? FP_NOVAL : sqlite3_column_double(st, col);
}

/* Columns 0 and 1 are node_id and kpi_id. */
static bool node_and_kpi(const fp_review *rv, sqlite3_stmt *st, int first,
                         int *node, int *kpi)
{
    *node = map_node(rv, sqlite3_column_int64(st, first));
    *kpi = map_kpi(rv, sqlite3_column_int64(st, first + 1));
    return *node >= 0 && *kpi >= 0;
}

static bool fact_row(const fp_review *rv, sqlite3_stmt *st, void *item)
{
    fp_fact *f = item;
    f->value = sqlite3_column_double(st, 2);
    return node_and_kpi(rv, st, 0, &f->node, &f->kpi);
}

static bool override_row(const fp_review *rv, sqlite3_stmt *st, void *item)
{
    fp_override *o = item;
    o->value = sqlite3_column_double(st, 2);
    o->original = column_or_nan(st, 3);
    o->id = sqlite3_column_int64(st, 4);
    return node_and_kpi(rv, st, 0, &o->node, &o->kpi);
}

static bool target_row(const fp_review *rv, sqlite3_stmt *st, void *item)
{
    fp_target *t = item;
    t->value = sqlite3_column_double(st, 2);
    t->week = sqlite3_column_int(st, 3);
    t->cap = sqlite3_column_int(st, 4) != 0;
    return node_and_kpi(rv, st, 0, &t->node, &t->kpi);
}

static bool fx_row(const fp_review *rv, sqlite3_stmt *st, void *item)
{
    (void)rv;
    fp_fx *fx = item;
    snprintf(fx->currency, sizeof fx->currency, "%s",
             (const char *)sqlite3_column_text(st, 0));
    fx->rate = sqlite3_column_double(st, 1);
    return true;
}

/* Computes a week into reuse's memory (NULL: new memory); reuse is
 * consumed either way. values_only: what a trend needs (no targets read,
 * fp_rollup_recompute_values). */
static fp_rollup *compute_week(fp_review *rv, fp_week week, fp_rollup *reuse,
                               bool values_only)
{
    fp_rollup *r = NULL;
    rv->tgt.n = 0;
    if (load_week_rows(rv, SQL_FACTS, week, &rv->facts, fact_row) &&
        load_week_rows(rv, SQL_OVERRIDES, week, &rv->ovr, override_row) &&
        (values_only ||
         load_week_rows(rv, SQL_TARGETS, week, &rv->tgt, target_row)) &&
        load_week_rows(rv, SQL_FX, week, &rv->fx, fx_row)) {
        fp_week_input in = {
            .week = week, .facts = rv->facts.items, .nfacts = rv->facts.n,
            .overrides = rv->ovr.items, .noverrides = rv->ovr.n,
            .targets = rv->tgt.items, .ntargets = rv->tgt.n,
            .fx = rv->fx.items, .nfx = rv->fx.n, .today = rv->today,
        };
        r = values_only
            ? fp_rollup_recompute_values(reuse, rv->cat, rv->tree, &in)
            : fp_rollup_recompute(reuse, rv->cat, rv->tree, &in);
        reuse = NULL;
        if (!r)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    }
    fp_rollup_free(reuse);
    return r;
}

/* ---- a trend week above person level, from its trend sums ---- */

/* Every category's children's sums start as "no value" (kids row 0):
 * a category the week's sums do not name has no fact below it. */
static bool kids_begin(fp_review *rv)
{
    size_t nk = (size_t)rv->cat->nkpis;
    rv->kids.n = 0;
    if (!fp_vec_reserve(&rv->kids, nk + 1))
        return false;
    rv->kids.n = nk;
    double *none = rv->kids.items;
    for (size_t k = 0; k < nk; k++)
        none[k] = FP_NOVAL;
    for (int i = 0; i < rv->tree->nnodes; i++)
        rv->kid_row[i] = rv->tree->nodes[i].level == FP_LVL_CATEGORY
                         ? 0 : -1;
    return true;
}

/* A row of its own for node's children's sums (a copy of row 0). */
static double *kids_of(fp_review *rv, int node)
{
    size_t nk = (size_t)rv->cat->nkpis;
    if (rv->kid_row[node] <= 0) {
        if (!fp_vec_reserve(&rv->kids, rv->kids.n + nk))
            return NULL;
        rv->kid_row[node] = (int)(rv->kids.n / nk);
        memcpy((double *)rv->kids.items + rv->kids.n, rv->kids.items,
               nk * sizeof(double));
        rv->kids.n += nk;
    }
    return (double *)rv->kids.items + (size_t)rv->kid_row[node] * nk;
}

typedef struct { fp_review *rv; bool ok; } sums_ctx;

static void take_sum(void *ctx, long long node_id, long long kpi_id,
                     double own, double kids)
{
    sums_ctx *c = ctx;
    fp_review *rv = c->rv;
    int node = map_node(rv, node_id), k = map_kpi(rv, kpi_id);
    if (!c->ok || node < 0 || k < 0 ||
        rv->tree->nodes[node].level == FP_LVL_PERSON)
        return;
    if (fp_has(own)) {
        fp_fact *f = fp_vec_push(&rv->facts);
        c->ok = f != NULL;
        if (f)
            *f = (fp_fact){node, k, own};
    }
    if (fp_has(kids) && rv->kid_row[node] >= 0) {
        double *row = kids_of(rv, node);
        c->ok = c->ok && row != NULL;
        if (row)
            row[k] = kids;
    }
}

/* The facts of node's children, appended to rv->facts. */
static bool load_children_facts(fp_review *rv, fp_week week, int node)
{
    sqlite3_stmt *st = fp_db_prepare(rv->db,
        "SELECT node_id, kpi_id, value FROM facts WHERE week = ?1"
        " AND node_id IN (SELECT id FROM nodes WHERE parent_id = ?2)");
    if (st)
        sqlite3_bind_int64(st, 2, rv->tree->nodes[node].db_id);
    bool ok = st && step_rows(rv, st, week, &rv->facts, fact_row);
    sqlite3_finalize(st);
    return ok;
}

/* A category with an overridden child adds its children up itself: the
 * kept sum is of the facts, not of the overrides. */
static bool unsum_overridden(fp_review *rv, fp_week week)
{
    const fp_override *o = rv->ovr.items;
    for (size_t i = 0; i < rv->ovr.n; i++) {
        int parent = rv->tree->nodes[o[i].node].parent;
        if (rv->tree->nodes[o[i].node].level != FP_LVL_PERSON ||
            parent < 0 || rv->kid_row[parent] < 0)
            continue;
        rv->kid_row[parent] = -1;
        if (!load_children_facts(rv, week, parent))
            return false;
    }
    return true;
}

/* The week's kept sums into rv->facts and rv->kids: 1, or 0 when the
 * week keeps none but has facts (read those), -1 on an error. */
static int load_sums(fp_review *rv, fp_week week)
{
    sums_ctx c = {rv, true};
    rv->facts.n = 0;
    if (!kids_begin(rv))
        c.ok = false;
    int found = c.ok ? fp_trend_sums_read(rv->db, week, take_sum, &c) : 1;
    if (!c.ok) {
        snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
        return -1;
    }
    if (found != 0)
        return found;
    int exists = fp_review_week_exists(rv, week);
    return exists < 0 ? -1 : !exists; /* no fact: nothing to keep */
}

/* The rows above person level of a week needed for trends only, into
 * rv->spare_values: 1, or 0 when the week keeps no sums (nothing
 * computed), -1 on an error. */
static int compute_upper(fp_review *rv, fp_week week)
{
    int found = load_sums(rv, week);
    if (found <= 0)
        return found;
    if (!load_week_rows(rv, SQL_OVERRIDES, week, &rv->ovr, override_row) ||
        !unsum_overridden(rv, week) ||
        !load_week_rows(rv, SQL_FX, week, &rv->fx, fx_row))
        return -1;
    fp_week_input in = {
        .week = week, .facts = rv->facts.items, .nfacts = rv->facts.n,
        .overrides = rv->ovr.items, .noverrides = rv->ovr.n,
        .fx = rv->fx.items, .nfx = rv->fx.n, .today = rv->today,
    };
    fp_kid_sums sums = {rv->kid_row, rv->kids.items};
    rv->spare_values = fp_rollup_recompute_upper(rv->spare_values, rv->cat,
                                                 rv->tree, &in, &sums);
    if (rv->spare_values)
        return 1;
    snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    return -1;
}

const fp_rollup *fp_review_week(fp_review *rv, fp_week week)
{
    int victim = 0;
    for (int i = 0; i < FULL_CACHE; i++) {
        if (rv->full[i].r && rv->full[i].week == week) {
            rv->full[i].used = ++rv->clock;
            return rv->full[i].r;
        }
        if (rv->full[i].used < rv->full[victim].used)
            victim = i;
    }
    fp_rollup *r = compute_week(rv, week, rv->full[victim].r, false);
    rv->full[victim] = (full_slot){week, r, r ? ++rv->clock : 0};
    return r;
}

static const fp_rollup *cached_full(const fp_review *rv, fp_week week);

/* One week of a period: from the full cache, else computed into the
 * spare rollup. NULL on a storage error. */
static const fp_rollup *period_week(fp_review *rv, fp_week week)
{
    const fp_rollup *r = cached_full(rv, week);
    if (r)
        return r;
    rv->spare = compute_week(rv, week, rv->spare, false);
    return rv->spare;
}

static fp_rollup *compute_period(fp_review *rv, fp_period p)
{
    fp_period_acc *acc = fp_period_acc_new(rv->cat, rv->tree, p);
    fp_vec tgt = fp_vec_of(sizeof(fp_target));
    bool ok = acc != NULL;
    if (!ok)
        snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    for (fp_week w = fp_period_first(p); ok && w <= fp_period_last(p);
         w = fp_week_next(w)) {
        int exists = fp_review_week_exists(rv, w);
        const fp_rollup *r = exists >= 0 ? period_week(rv, w) : NULL;
        ok = r != NULL;
        if (ok)
            fp_period_acc_add(acc, r, exists > 0);
    }
    ok = ok && load_rows(rv, week_sql[SQL_TARGETS], fp_period_code(p), &tgt,
                         target_row);
    fp_rollup *out = NULL;
    if (ok) {
        out = fp_period_acc_finish(acc, tgt.items, tgt.n);
        if (!out)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    } else
        fp_period_acc_free(acc);
    fp_vec_done(&tgt);
    return out;
}

const fp_rollup *fp_review_period(fp_review *rv, fp_period p)
{
    if (p.kind == FP_PERIOD_WEEK)
        return fp_review_week(rv, fp_period_first(p));
    int code = fp_period_code(p), victim = 0;
    for (int i = 0; i < PERIOD_CACHE; i++) {
        if (rv->periods[i].r && rv->periods[i].week == code) {
            rv->periods[i].used = ++rv->clock;
            return rv->periods[i].r;
        }
        if (rv->periods[i].used < rv->periods[victim].used)
            victim = i;
    }
    fp_rollup *r = compute_period(rv, p);
    if (!r)
        return NULL;
    fp_rollup_free(rv->periods[victim].r);
    rv->periods[victim] = (full_slot){code, r, ++rv->clock};
    return r;
}

int fp_review_period_exists(fp_review *rv, fp_period p)
{
    int found = 0;
    for (fp_week w = fp_period_first(p); w <= fp_period_last(p) && !found;
         w = fp_week_next(w))
        found = fp_review_week_exists(rv, w);
    return found;
}

/* Copies the values of r's cells into buf (reallocated as needed):
 * every row's, or with upper only the rows rv->upper_of names. */
static double *values_of(const fp_review *rv, const fp_rollup *r,
                         double *buf, bool upper)
{
    size_t nk = (size_t)r->nkpis;
    size_t rows = upper ? (size_t)rv->nupper : (size_t)r->nrows;
    double *v = realloc(buf, rows * nk * sizeof *v + 1);
    if (!v) {
        free(buf);
        return NULL;
    }
    for (int row = 0; row < r->nrows; row++) {
        int to = upper ? rv->upper_of[row] : row;
        const fp_cell *c = fp_rollup_cell(r, row, 0);
        for (size_t k = 0; to >= 0 && k < nk; k++)
            v[(size_t)to * nk + k] = c[k].value;
    }
    return v;
}

static const fp_rollup *cached_full(const fp_review *rv, fp_week week)
{
    for (int i = 0; i < FULL_CACHE; i++)
        if (rv->full[i].r && rv->full[i].week == week)
            return rv->full[i].r;
    return NULL;
}

/* True when an upper slot cannot give row. */
static bool needs_all_rows(const fp_review *rv, int row)
{
    return rv->upper_of[row] < 0;
}

static int value_slot_of(const fp_review *rv, fp_week week)
{
    for (int i = 0; i < VALUE_CACHE; i++)
        if (rv->values[i].v && rv->values[i].week == week)
            return i;
    return -1;
}

bool fp_review_trend_cached(const fp_review *rv, fp_week week, int row)
{
    bool all = needs_all_rows(rv, row);
    for (int i = 0; i < FP_TREND_WEEKS; i++) {
        fp_week w = fp_week_add(week, -i);
        int slot = value_slot_of(rv, w);
        if (!cached_full(rv, w) &&
            (slot < 0 || (all && rv->values[slot].upper)))
            return false;
    }
    return true;
}

/* The week's values for trends into the value slot `slot`: from the
 * full cache, else the rows above person level from the kept sums
 * (unless all rows are needed), else every row computed values only. */
static bool fill_slot(fp_review *rv, int slot, fp_week week, bool all)
{
    value_slot *s = &rv->values[slot];
    const fp_rollup *r = cached_full(rv, week);
    int upper = 0;
    if (!r && !all) {
        upper = compute_upper(rv, week);
        r = upper > 0 ? rv->spare_values : NULL;
    }
    if (!r && upper == 0) {
        rv->spare_values = compute_week(rv, week, rv->spare_values, true);
        r = rv->spare_values;
    }
    double *v = r ? values_of(rv, r, s->v, upper > 0) : NULL;
    if (!r)
        free(s->v);
    *s = (value_slot){week, v, v ? ++rv->clock : 0, upper > 0};
    return v != NULL;
}

/* The value slot of a week that can give row (computed when needed). */
static const value_slot *week_values(fp_review *rv, fp_week week, int row)
{
    bool all = needs_all_rows(rv, row);
    int slot = value_slot_of(rv, week);
    if (slot >= 0 && !(all && rv->values[slot].upper)) {
        rv->values[slot].used = ++rv->clock;
        return &rv->values[slot];
    }
    if (slot < 0) {
        slot = 0;
        for (int i = 1; i < VALUE_CACHE; i++)
            if (rv->values[i].used < rv->values[slot].used)
                slot = i;
    }
    return fill_slot(rv, slot, week, all) ? &rv->values[slot] : NULL;
}

bool fp_review_trend(fp_review *rv, fp_week week, int row, int kpi,
                     double out[FP_TREND_WEEKS])
{
    size_t nk = (size_t)rv->cat->nkpis;
    for (int i = 0; i < FP_TREND_WEEKS; i++) {
        fp_week w = fp_week_add(week, i - (FP_TREND_WEEKS - 1));
        const value_slot *s = week_values(rv, w, row);
        if (!s)
            return false;
        size_t at = s->upper ? (size_t)rv->upper_of[row] : (size_t)row;
        out[i] = s->v[at * nk + (size_t)kpi];
    }
    return true;
}

fp_week fp_review_latest_week(fp_review *rv)
{
    sqlite3_stmt *st = fp_db_prepare(rv->db,
        "SELECT ifnull(max(week), 0) FROM facts");
    long long w = st ? fp_query_id(rv->db, st, 0) : -1;
    return w > 0 ? (fp_week)w : 0;
}

int fp_review_week_exists(fp_review *rv, fp_week week)
{
    return fp_facts_week_exists(rv->db, week);
}

bool fp_review_has_week(fp_review *rv, fp_week week)
{
    return fp_review_week_exists(rv, week) > 0;
}

bool fp_review_refresh(fp_review *rv, bool force)
{
    long long v = fp_db_data_version(rv->db);
    if (!force && v == rv->data_version)
        return false;
    return reload(rv);
}

fp_db *fp_review_db(fp_review *rv) { return rv->db; }
const fp_tree *fp_review_tree(const fp_review *rv) { return rv->tree; }
const fp_config *fp_review_config(const fp_review *rv) { return rv->cfg; }

const fp_catalogue *fp_review_catalogue(const fp_review *rv)
{
    return rv->cat;
}

static bool use_reporting_currency(fp_review *rv)
{
    const char *cur = rv->cfg->reporting_currency;
    if (!cur)
        return true;
    free(rv->cat->reporting_currency);
    rv->cat->reporting_currency = strdup(cur);
    return rv->cat->reporting_currency != NULL;
}

bool fp_review_set_catalogue(fp_review *rv, fp_catalogue *cat)
{
    fp_catalogue_free(rv->cat);
    rv->cat = cat;
    if (!use_reporting_currency(rv)) {
        snprintf(rv->db->err, sizeof rv->db->err, "out of memory");
        return false;
    }
    return reload(rv);
}

fp_review *fp_review_open(const fp_review_opts *opts, char *err, size_t errsz)
{
    bool bad_config;
    return fp_review_open_checked(opts, &bad_config, err, errsz);
}

fp_review *fp_review_open_checked(const fp_review_opts *opts,
                                  bool *bad_config, char *err, size_t errsz)
{
    *bad_config = false;
    fp_review *rv = calloc(1, sizeof *rv);
    char *path = opts->db_path ? strdup(opts->db_path) : fp_db_default_path();
    if (!rv || !path) {
        snprintf(err, errsz, _("out of memory"));
        free(rv);
        free(path);
        return NULL;
    }
    rv->facts = fp_vec_of(sizeof(fp_fact));
    rv->ovr = fp_vec_of(sizeof(fp_override));
    rv->tgt = fp_vec_of(sizeof(fp_target));
    rv->fx = fp_vec_of(sizeof(fp_fx));
    rv->kids = fp_vec_of(sizeof(double));
    rv->fixed_today = opts->today != 0;
    rv->today = opts->today;
    rv->cfg = fp_config_load(opts->config_path, err, errsz);
    if (rv->cfg)
        rv->cat = fp_catalogue_load(rv->cfg->kpi_file, rv->cfg->causes_file,
                                    err, errsz);
    *bad_config = !rv->cat;
    if (rv->cat && use_reporting_currency(rv))
        rv->db = fp_db_open(path, opts->read_only, err, errsz);
    free(path);
    if (rv->db && !reload(rv))
        snprintf(err, errsz, "%s", rv->db->err);
    else if (rv->db)
        return rv;
    fp_review_close(rv);
    return NULL;
}

void fp_review_close(fp_review *rv)
{
    if (!rv)
        return;
    drop_caches(rv);
    free_rows(rv);
    fp_tree_free(rv->tree);
    fp_catalogue_free(rv->cat);
    fp_config_free(rv->cfg);
    fp_db_close(rv->db);
    free(rv->kpi_map);
    free(rv);
}
