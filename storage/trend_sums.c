/* The trend sums of a week; see trend_sums.h. */
#include "storage/trend_sums.h"
#include "model/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/rollup.h"
#include "model/vec.h"
#include "storage/meeting_util.h"
#include "storage/org.h"

#define FORMAT_VERSION 1
enum { HAS_OWN = 1, HAS_KIDS = 2 };
/* flags, node id, KPI id, own, kids */
#define ENTRY_MAX (1 + 4 + 4 + 8 + 8)

/* ---- encoding ---- */

static unsigned char *put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static unsigned char *put_f64(unsigned char *p, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    for (int i = 0; i < 8; i++)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static uint32_t get_u32(const unsigned char *p)
{
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static double get_f64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

/* ---- writing ---- */

struct fp_trend_writer {
    fp_db *db;
    fp_tree *tree;           /* as the database holds it now */
    long long max_node;      /* the largest nodes.id of the tree */
    int *col_of;             /* kpis.id -> column, -1 */
    long long ncol_of;
    long long *kpi_of;       /* column -> kpis.id */
    int ncols;
    fp_vec facts;            /* fp_fact of one week (kpi: a column, then
                                a column of the week: pick_columns) */
    int *week_col;           /* column -> column of the week, -1 */
    long long *week_kpi;     /* column of the week -> kpis.id */
    int nweek_cols;          /* the KPIs the week's facts name */
    fp_vec own, kids;        /* doubles, nnodes * nweek_cols */
    fp_vec blob;             /* bytes */
    sqlite3_stmt *read, *write;
};

static void free_maps(fp_trend_writer *w)
{
    fp_tree_free(w->tree);
    free(w->col_of);
    free(w->kpi_of);
    free(w->week_col);
    free(w->week_kpi);
    w->tree = NULL;
    w->col_of = w->week_col = NULL;
    w->kpi_of = w->week_kpi = NULL;
}

void fp_trend_writer_free(fp_trend_writer *w)
{
    if (!w)
        return;
    free_maps(w);
    fp_vec_done(&w->facts);
    fp_vec_done(&w->own);
    fp_vec_done(&w->kids);
    fp_vec_done(&w->blob);
    sqlite3_finalize(w->read);
    sqlite3_finalize(w->write);
    free(w);
}

static bool out_of_memory(fp_db *db)
{
    snprintf(db->err, sizeof db->err, _("out of memory"));
    return false;
}

/* The largest node id (the format keeps 32 bits). */
static long long max_node_id(const fp_tree *tree)
{
    long long max = 1;
    for (int i = 0; i < tree->nnodes; i++)
        if (tree->nodes[i].db_id > max)
            max = tree->nodes[i].db_id;
    return max;
}

/* Columns are the rows of table kpis, in id order. */
static bool map_kpis(fp_trend_writer *w)
{
    sqlite3_stmt *st = fp_db_prepare(w->db,
        "SELECT id FROM kpis ORDER BY id");
    fp_vec ids = fp_vec_of(sizeof(long long));
    bool ok = st != NULL;
    int more = 0;
    while (ok && (more = fp_step(w->db, st, "read kpis")) > 0) {
        long long *id = fp_vec_push(&ids);
        ok = id ? (*id = sqlite3_column_int64(st, 0)) >= 0
                : out_of_memory(w->db);
    }
    sqlite3_finalize(st);
    ok = ok && more == 0;
    long long max = ids.n ? ((long long *)ids.items)[ids.n - 1] : 0;
    w->kpi_of = ids.items;
    w->ncols = (int)ids.n;
    w->ncol_of = max + 1;
    w->col_of = ok ? malloc((size_t)w->ncol_of * sizeof *w->col_of) : NULL;
    if (ok && !w->col_of)
        return out_of_memory(w->db);
    for (long long i = 0; ok && i < w->ncol_of; i++)
        w->col_of[i] = -1;
    for (int c = 0; ok && c < w->ncols; c++)
        w->col_of[w->kpi_of[c]] = c;
    return ok;
}

/* The tree, the id maps and the week's arrays, (again) from the
 * database: a row may name a node or KPI made since. */
static bool load_maps(fp_trend_writer *w)
{
    free_maps(w);
    w->tree = fp_org_load_tree(w->db);
    if (!w->tree || !map_kpis(w))
        return false;
    w->max_node = max_node_id(w->tree);
    w->week_col = malloc(((size_t)w->ncols + 1) * sizeof *w->week_col);
    w->week_kpi = malloc(((size_t)w->ncols + 1) * sizeof *w->week_kpi);
    if (!w->week_col || !w->week_kpi)
        return out_of_memory(w->db);
    return true;
}

fp_trend_writer *fp_trend_writer_new(fp_db *db)
{
    fp_trend_writer *w = calloc(1, sizeof *w);
    if (!w) {
        out_of_memory(db);
        return NULL;
    }
    w->db = db;
    w->facts = fp_vec_of(sizeof(fp_fact));
    w->own = w->kids = fp_vec_of(sizeof(double));
    w->blob = fp_vec_of(1);
    w->read = fp_db_prepare(db,
        "SELECT node_id, kpi_id, value FROM facts WHERE week = ?1");
    w->write = w->read ? fp_db_prepare(db,
        "INSERT OR REPLACE INTO trend_sums(week, data) VALUES(?1, ?2)")
        : NULL;
    if (w->write && load_maps(w))
        return w;
    fp_trend_writer_free(w);
    return NULL;
}

/* Adds a fact with its database ids to w->facts; *unknown when an id
 * is not in the maps (made after they were loaded). */
static bool add_fact(fp_trend_writer *w, long long node, long long kpi,
                     double value, bool *unknown)
{
    int at = fp_tree_find_db_id(w->tree, node);
    if (at < 0 || kpi < 0 || kpi >= w->ncol_of || w->col_of[kpi] < 0) {
        *unknown = true;
        return true;
    }
    fp_fact *f = fp_vec_push(&w->facts);
    if (!f)
        return out_of_memory(w->db);
    *f = (fp_fact){at, w->col_of[kpi], value};
    return true;
}

static bool read_facts(fp_trend_writer *w, fp_week week, bool *unknown)
{
    w->facts.n = 0;
    sqlite3_bind_int(w->read, 1, week);
    bool ok = true;
    int more;
    while (ok && (more = fp_step(w->db, w->read, "read facts")) > 0)
        ok = add_fact(w, sqlite3_column_int64(w->read, 0),
                      sqlite3_column_int64(w->read, 1),
                      sqlite3_column_double(w->read, 2), unknown);
    sqlite3_reset(w->read);
    return ok && more == 0;
}

/* Only the KPIs the week's facts name get a column (in column order,
 * so the same facts give the same bytes whatever order they came in):
 * a company of 100,000 stores with one KPI needs 100,000 cells, not
 * 100,000 x every KPI. Sizes the week's arrays. */
static bool pick_columns(fp_trend_writer *w)
{
    fp_fact *f = w->facts.items;
    for (int c = 0; c < w->ncols; c++)
        w->week_col[c] = -1;
    for (size_t i = 0; i < w->facts.n; i++)
        w->week_col[f[i].kpi] = 0;
    w->nweek_cols = 0;
    for (int c = 0; c < w->ncols; c++)
        if (w->week_col[c] == 0) {
            w->week_kpi[w->nweek_cols] = w->kpi_of[c];
            w->week_col[c] = w->nweek_cols++;
        }
    for (size_t i = 0; i < w->facts.n; i++)
        f[i].kpi = w->week_col[f[i].kpi];
    size_t cells = (size_t)w->tree->nnodes * (size_t)w->nweek_cols + 1;
    if (!fp_vec_reserve(&w->own, cells) || !fp_vec_reserve(&w->kids, cells)
        || !fp_vec_reserve(&w->blob, 1 + cells * ENTRY_MAX))
        return out_of_memory(w->db);
    return true;
}

/* The sums of w->facts into w->blob; returns the length, 0 when out of
 * memory. */
static size_t encode(fp_trend_writer *w)
{
    if (!pick_columns(w))
        return 0;
    double *owns = w->own.items, *kidss = w->kids.items;
    fp_rollup_kid_sums(w->tree, w->facts.items, w->facts.n, w->nweek_cols,
                       owns, kidss);
    unsigned char *p = w->blob.items;
    *p++ = FORMAT_VERSION;
    for (int i = 0; i < w->tree->nnodes; i++) {
        if (w->tree->nodes[i].level == FP_LVL_PERSON)
            continue;
        size_t row = (size_t)i * (size_t)w->nweek_cols;
        for (int c = 0; c < w->nweek_cols; c++) {
            double own = owns[row + (size_t)c];
            double kids = kidss[row + (size_t)c];
            int flags = (fp_has(own) ? HAS_OWN : 0) |
                        (fp_has(kids) ? HAS_KIDS : 0);
            if (!flags)
                continue;
            *p++ = (unsigned char)flags;
            p = put_u32(p, (uint32_t)w->tree->nodes[i].db_id);
            p = put_u32(p, (uint32_t)w->week_kpi[c]);
            if (flags & HAS_OWN)
                p = put_f64(p, own);
            if (flags & HAS_KIDS)
                p = put_f64(p, kids);
        }
    }
    return (size_t)(p - (unsigned char *)w->blob.items);
}

/* Ids beyond 32 bits do not fit the format: such a database keeps no
 * sums (its trends read the facts). */
static bool ids_fit(const fp_trend_writer *w)
{
    return w->max_node <= (long long)UINT32_MAX &&
           w->ncol_of - 1 <= (long long)UINT32_MAX;
}

/* Writes the sums of w->facts as week's row. */
static bool put_week(fp_trend_writer *w, fp_week week)
{
    if (!ids_fit(w)) {
        sqlite3_stmt *st = fp_db_prepare(w->db,
            "DELETE FROM trend_sums WHERE week = ?1");
        if (st)
            sqlite3_bind_int(st, 1, week);
        return fp_db_exec_stmt(w->db, st);
    }
    size_t len = encode(w);
    if (len == 0)
        return false;
    sqlite3_bind_int(w->write, 1, week);
    sqlite3_bind_blob(w->write, 2, w->blob.items, (int)len, SQLITE_STATIC);
    bool ok = fp_step(w->db, w->write, "write trend sums") == 0;
    sqlite3_reset(w->write);
    return ok;
}

/* The week's facts into w->facts, the maps loaded again first when a
 * fact names a node or KPI they do not know. */
static bool gather_facts(fp_trend_writer *w, fp_week week)
{
    bool unknown = false;
    if (!read_facts(w, week, &unknown))
        return false;
    return !unknown || (load_maps(w) && read_facts(w, week, &unknown));
}

bool fp_trend_writer_from_facts(fp_trend_writer *w, fp_week week)
{
    return gather_facts(w, week) && put_week(w, week);
}

static bool take_rows(fp_trend_writer *w, const fp_trend_row *rows,
                      size_t n, bool *unknown)
{
    w->facts.n = 0;
    bool ok = fp_vec_reserve(&w->facts, n) || out_of_memory(w->db);
    for (size_t i = 0; ok && i < n; i++)
        ok = add_fact(w, rows[i].node, rows[i].kpi, rows[i].value, unknown);
    return ok;
}

bool fp_trend_writer_from_rows(fp_trend_writer *w, fp_week week,
                               const fp_trend_row *rows, size_t n)
{
    bool unknown = false;
    if (!take_rows(w, rows, n, &unknown))
        return false;
    if (unknown && !(load_maps(w) && take_rows(w, rows, n, &unknown)))
        return false;
    return put_week(w, week);
}

bool fp_trend_sums_write(fp_db *db, const fp_week *weeks, size_t n)
{
    if (n == 0)
        return true;
    fp_trend_writer *w = fp_trend_writer_new(db);
    bool ok = w != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = fp_trend_writer_from_facts(w, weeks[i]);
    fp_trend_writer_free(w);
    return ok;
}

/* Every week that holds a fact, into weeks (fp_week). */
static bool weeks_with_facts(fp_db *db, fp_vec *weeks)
{
    sqlite3_stmt *st = fp_db_prepare(db, "SELECT DISTINCT week FROM facts");
    bool ok = st != NULL;
    int more = 0;
    while (ok && (more = fp_step(db, st, "read facts")) > 0) {
        fp_week *wk = fp_vec_push(weeks);
        ok = wk ? (*wk = sqlite3_column_int(st, 0), true)
                : out_of_memory(db);
    }
    sqlite3_finalize(st);
    return ok && more == 0;
}

bool fp_trend_sums_write_all(fp_db *db)
{
    fp_vec weeks = fp_vec_of(sizeof(fp_week));
    bool ok = weeks_with_facts(db, &weeks) &&
              fp_trend_sums_write(db, weeks.items, weeks.n);
    fp_vec_done(&weeks);
    return ok;
}

/* 1 when the kept row of week is what its facts give now, 0 when not
 * (or missing), -1 on an error. */
static int week_matches(fp_trend_writer *w, fp_week week)
{
    if (!gather_facts(w, week))
        return -1;
    size_t len = encode(w);
    if (len == 0)
        return -1;
    sqlite3_stmt *st = fp_db_prepare(w->db,
        "SELECT data FROM trend_sums WHERE week = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, week);
    int row = fp_step(w->db, st, "read trend sums");
    int same = row < 0 ? -1
        : row > 0 && (size_t)sqlite3_column_bytes(st, 0) == len &&
          memcmp(sqlite3_column_blob(st, 0), w->blob.items, len) == 0;
    sqlite3_finalize(st);
    return same;
}

int fp_trend_sums_verify(fp_db *db, fp_trend_bad_fn bad, void *ctx)
{
    fp_vec weeks = fp_vec_of(sizeof(fp_week));
    fp_trend_writer *w = NULL;
    bool ok = weeks_with_facts(db, &weeks) &&
              (w = fp_trend_writer_new(db)) != NULL;
    int nbad = 0;
    for (size_t i = 0; ok && ids_fit(w) && i < weeks.n; i++) {
        fp_week week = ((fp_week *)weeks.items)[i];
        int same = week_matches(w, week);
        ok = same >= 0;
        if (same == 0) {
            nbad++;
            bad(ctx, week);
        }
    }
    fp_trend_writer_free(w);
    fp_vec_done(&weeks);
    return ok ? nbad : -1;
}

/* ---- reading ---- */

/* True when blob[0..len) is a whole row of this format. */
static bool well_formed(const unsigned char *p, size_t len)
{
    if (len < 1 || p[0] != FORMAT_VERSION)
        return false;
    size_t at = 1;
    while (at < len) {
        int flags = p[at];
        size_t need = 9 + (flags & HAS_OWN ? 8 : 0) +
                      (flags & HAS_KIDS ? 8 : 0);
        if (flags < 1 || flags > 3 || len - at < need)
            return false;
        at += need;
    }
    return true;
}

static void decode(const unsigned char *p, size_t len, fp_trend_sum_fn fn,
                   void *ctx)
{
    for (size_t at = 1; at < len;) {
        int flags = p[at];
        long long node = get_u32(p + at + 1), kpi = get_u32(p + at + 5);
        at += 9;
        double own = NAN, kids = NAN;
        if (flags & HAS_OWN) {
            own = get_f64(p + at);
            at += 8;
        }
        if (flags & HAS_KIDS) {
            kids = get_f64(p + at);
            at += 8;
        }
        fn(ctx, node, kpi, own, kids);
    }
}

int fp_trend_sums_read(fp_db *db, fp_week week, fp_trend_sum_fn fn,
                       void *ctx)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT data FROM trend_sums WHERE week = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, week);
    int row = fp_step(db, st, "read trend sums");
    const unsigned char *p = row > 0 ? sqlite3_column_blob(st, 0) : NULL;
    size_t len = row > 0 ? (size_t)sqlite3_column_bytes(st, 0) : 0;
    int found = row < 0 ? -1 : 0;
    if (p && well_formed(p, len)) {
        decode(p, len, fn, ctx);
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}
