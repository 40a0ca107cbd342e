/* A review session: database + tree + catalogue + computed weeks.
 * Full rollups are cached for a few weeks (the week on screen and its
 * neighbours); trends use a lighter cache of values only, which keeps
 * memory small on a big company. */
#include "storage/review.h"
#include "model/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/catalogue_ini.h"
#include "storage/meeting_util.h"
#include "storage/org.h"

#define FULL_CACHE 3
#define VALUE_CACHE (FP_TREND_WEEKS + 2)
#define PERIOD_CACHE 2

typedef struct { fp_week week; fp_rollup *r; unsigned long used; } full_slot;
typedef struct { fp_week week; double *v; unsigned long used; } value_slot;

struct fp_review {
    fp_db *db;
    fp_config *cfg;
    fp_catalogue *cat;
    fp_tree *tree;
    int *kpi_map;        /* kpis.id -> catalogue index, -1 */
    long long nkpi_map;
    int *node_map;       /* nodes.id -> tree index, -1 */
    long long nnode_map;
    long long data_version;
    long today;
    bool fixed_today;
    unsigned long clock;
    full_slot full[FULL_CACHE];
    fp_rollup *spare;    /* reused to compute weeks needed for trends only */
    value_slot values[VALUE_CACHE];
    full_slot periods[PERIOD_CACHE]; /* months and quarters, by code */
};

static void drop_caches(fp_review *rv)
{
    fp_rollup_free(rv->spare);
    rv->spare = NULL;
    for (int i = 0; i < FULL_CACHE; i++) {
        fp_rollup_free(rv->full[i].r);
        rv->full[i] = (full_slot){0, NULL, 0};
    }
    for (int i = 0; i < VALUE_CACHE; i++) {
        free(rv->values[i].v);
        rv->values[i] = (value_slot){0, NULL, 0};
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

static bool build_node_map(fp_review *rv)
{
    long long max = 1;
    for (int i = 0; i < rv->tree->nnodes; i++)
        if (rv->tree->nodes[i].db_id > max)
            max = rv->tree->nodes[i].db_id;
    free(rv->node_map);
    rv->nnode_map = max + 1;
    rv->node_map = malloc((size_t)rv->nnode_map * sizeof *rv->node_map);
    if (!rv->node_map)
        return false;
    for (long long i = 0; i < rv->nnode_map; i++)
        rv->node_map[i] = -1;
    for (int i = 0; i < rv->tree->nnodes; i++)
        rv->node_map[rv->tree->nodes[i].db_id] = i;
    return true;
}

static int map_kpi(const fp_review *rv, long long id)
{
    return id >= 0 && id < rv->nkpi_map ? rv->kpi_map[id] : -1;
}

static int map_node(const fp_review *rv, long long id)
{
    return id >= 0 && id < rv->nnode_map ? rv->node_map[id] : -1;
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

static bool reload(fp_review *rv)
{
    drop_caches(rv);
    fp_tree_free(rv->tree);
    rv->tree = fp_org_load_tree(rv->db);
    if (!rv->tree || fp_catalogue_apply_pilots(rv->cat, rv->tree) < 0 ||
        !build_kpi_map(rv) || !build_node_map(rv))
        return false;
    if (!rv->fixed_today && !newest_import_day(rv->db, &rv->today))
        return false;
    rv->data_version = fp_db_data_version(rv->db);
    return true;
}

/* A list of fixed-size items, grown by fp_list_push. */
typedef struct { void *items; size_t n, size; } vec;

/* Turns the current row of st into one item; false skips the row (a
 * node or KPI the tree or catalogue does not know). */
typedef bool (*row_fn)(const fp_review *rv, sqlite3_stmt *st, void *item);

/* Runs sql (with ?1 = week) and appends one item per accepted row. */
static bool load_rows(fp_review *rv, const char *sql, fp_week week,
                      vec *out, row_fn convert)
{
    sqlite3_stmt *st = fp_db_prepare(rv->db, sql);
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    bool ok = true;
    int more = 0;
    while (ok && (more = fp_step(rv->db, st, "read")) > 0) {
        void *item = fp_list_push(&out->items, &out->n, out->size);
        ok = item != NULL;
        if (!ok)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
        else if (!convert(rv, st, item))
            out->n--;
    }
    sqlite3_finalize(st);
    return ok && more == 0;
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
 * consumed either way. */
static fp_rollup *compute_week(fp_review *rv, fp_week week, fp_rollup *reuse)
{
    vec facts = {NULL, 0, sizeof(fp_fact)};
    vec ovr = {NULL, 0, sizeof(fp_override)};
    vec tgt = {NULL, 0, sizeof(fp_target)};
    vec fx = {NULL, 0, sizeof(fp_fx)};
    fp_rollup *r = NULL;
    if (load_rows(rv, "SELECT node_id, kpi_id, value FROM facts"
                  " WHERE week = ?1", week, &facts, fact_row) &&
        load_rows(rv, "SELECT node_id, kpi_id, value, original, id"
                  " FROM overrides WHERE week = ?1 AND reverted_at IS NULL",
                  week, &ovr, override_row) &&
        load_rows(rv, "SELECT node_id, kpi_id, value, week,"
                  " kind = 'cap' FROM targets"
                  " WHERE week = ?1 OR week = 0", week, &tgt, target_row) &&
        load_rows(rv, "SELECT currency, rate FROM fx_rates WHERE week = ?1",
                  week, &fx, fx_row)) {
        fp_week_input in = {
            .week = week, .facts = facts.items, .nfacts = facts.n,
            .overrides = ovr.items, .noverrides = ovr.n,
            .targets = tgt.items, .ntargets = tgt.n,
            .fx = fx.items, .nfx = fx.n, .today = rv->today,
        };
        r = fp_rollup_recompute(reuse, rv->cat, rv->tree, &in);
        reuse = NULL;
        if (!r)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    }
    free(facts.items);
    free(ovr.items);
    free(tgt.items);
    free(fx.items);
    fp_rollup_free(reuse);
    return r;
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
    fp_rollup *r = compute_week(rv, week, rv->full[victim].r);
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
    rv->spare = compute_week(rv, week, rv->spare);
    return rv->spare;
}

static fp_rollup *compute_period(fp_review *rv, fp_period p)
{
    fp_period_acc *acc = fp_period_acc_new(rv->cat, rv->tree, p);
    vec tgt = {NULL, 0, sizeof(fp_target)};
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
    ok = ok && load_rows(rv, "SELECT node_id, kpi_id, value, week FROM"
                         " targets WHERE week = ?1 OR week = 0",
                         fp_period_code(p), &tgt, target_row);
    fp_rollup *out = NULL;
    if (ok) {
        out = fp_period_acc_finish(acc, tgt.items, tgt.n);
        if (!out)
            snprintf(rv->db->err, sizeof rv->db->err, _("out of memory"));
    } else
        fp_period_acc_free(acc);
    free(tgt.items);
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

/* Copies the values of every cell of r into buf (reallocated as needed). */
static double *values_of(const fp_rollup *r, double *buf)
{
    size_t n = (size_t)r->nrows * (size_t)r->nkpis;
    double *v = realloc(buf, n * sizeof *v);
    if (v)
        for (size_t i = 0; i < n; i++)
            v[i] = r->cells[i].value;
    else
        free(buf);
    return v;
}

static const fp_rollup *cached_full(const fp_review *rv, fp_week week)
{
    for (int i = 0; i < FULL_CACHE; i++)
        if (rv->full[i].r && rv->full[i].week == week)
            return rv->full[i].r;
    return NULL;
}

static bool cached_values(const fp_review *rv, fp_week week)
{
    for (int i = 0; i < VALUE_CACHE; i++)
        if (rv->values[i].v && rv->values[i].week == week)
            return true;
    return false;
}

bool fp_review_trend_cached(const fp_review *rv, fp_week week)
{
    for (int i = 0; i < FP_TREND_WEEKS; i++) {
        fp_week w = fp_week_add(week, -i);
        if (!cached_values(rv, w) && !cached_full(rv, w))
            return false;
    }
    return true;
}

/* Values of every cell of a week, from the value cache; the evicted
 * slot's buffer and the spare rollup are reused. */
static const double *week_values(fp_review *rv, fp_week week)
{
    int victim = 0;
    for (int i = 0; i < VALUE_CACHE; i++) {
        if (rv->values[i].v && rv->values[i].week == week) {
            rv->values[i].used = ++rv->clock;
            return rv->values[i].v;
        }
        if (rv->values[i].used < rv->values[victim].used)
            victim = i;
    }
    const fp_rollup *r = cached_full(rv, week);
    if (!r) {
        rv->spare = compute_week(rv, week, rv->spare);
        r = rv->spare;
    }
    double *v = r ? values_of(r, rv->values[victim].v) : NULL;
    if (!r)
        free(rv->values[victim].v);
    rv->values[victim] = (value_slot){week, v, v ? ++rv->clock : 0};
    return v;
}

bool fp_review_trend(fp_review *rv, fp_week week, int row, int kpi,
                     double out[FP_TREND_WEEKS])
{
    size_t nk = (size_t)rv->cat->nkpis;
    for (int i = 0; i < FP_TREND_WEEKS; i++) {
        fp_week w = fp_week_add(week, i - (FP_TREND_WEEKS - 1));
        const double *v = week_values(rv, w);
        if (!v)
            return false;
        out[i] = v[(size_t)row * nk + (size_t)kpi];
    }
    return true;
}

/* One integer from sql (?1 = week, when it has one); -1 on an error. */
static long long query_week(fp_db *db, const char *sql, fp_week week)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    if (!st)
        return -1;
    if (sqlite3_bind_parameter_count(st) > 0)
        sqlite3_bind_int(st, 1, week);
    return fp_query_id(db, st, 0);
}

fp_week fp_review_latest_week(fp_review *rv)
{
    long long w = query_week(rv->db,
        "SELECT ifnull(max(week), 0) FROM facts", 0);
    return w > 0 ? (fp_week)w : 0;
}

int fp_review_week_exists(fp_review *rv, fp_week week)
{
    long long v = query_week(rv->db,
        "SELECT EXISTS(SELECT 1 FROM facts WHERE week = ?1)", week);
    return v < 0 ? -1 : v != 0;
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
    fp_tree_free(rv->tree);
    fp_catalogue_free(rv->cat);
    fp_config_free(rv->cfg);
    fp_db_close(rv->db);
    free(rv->kpi_map);
    free(rv->node_map);
    free(rv);
}
