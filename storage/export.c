/* Tables out: scorecards and facts, and the dispatch; see export.h. */
#include "storage/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "storage/export_priv.h"

static const char *const kind_names[FP_EXP_KIND_COUNT] = {
    "scorecards", "facts", "notes", "overrides", "actions",
};

bool fp_export_kind_parse(const char *name, fp_export_kind *out)
{
    for (int k = 0; k < FP_EXP_KIND_COUNT; k++)
        if (name && !strcmp(name, kind_names[k])) {
            *out = (fp_export_kind)k;
            return true;
        }
    return false;
}

bool fp_export_format_parse(const char *name, fp_export_format *out)
{
    static const char *const names[] = {"csv", "json", "xlsx"};
    for (int i = 0; i < 3; i++)
        if (name && !strcmp(name, names[i])) {
            *out = (fp_export_format)i;
            return true;
        }
    return false;
}

const char *fp_export_format_ext(fp_export_format fmt)
{
    return fmt == FP_EXPF_JSON ? "json" : fmt == FP_EXPF_XLSX ? "xlsx"
                                                              : "csv";
}

/* ---- where a row sits: store, category, person with their names ---- */

typedef struct {
    char path[512];
    const char *store, *store_name, *cat, *cat_name, *person, *person_name;
} node_parts;

static void node_parts_of(const fp_tree *t, int row, node_parts *p)
{
    *p = (node_parts){ .path = "" };
    if (row >= t->nnodes) {    /* a personal scorecard */
        const fp_person *pp = &t->people[row - t->nnodes];
        snprintf(p->path, sizeof p->path, "%s", pp->code);
        p->person = pp->code;
        p->person_name = pp->name;
        return;
    }
    fp_tree_path(t, row, p->path, sizeof p->path);
    for (int a = row; a >= 0; a = t->nodes[a].parent) {
        const fp_node *n = &t->nodes[a];
        if (n->level == FP_LVL_STORE) {
            p->store = n->code;
            p->store_name = n->name;
        } else if (n->level == FP_LVL_CATEGORY) {
            p->cat = n->code;
            p->cat_name = n->name;
        } else if (n->level == FP_LVL_PERSON && n->person >= 0) {
            p->person = t->people[n->person].code;
            p->person_name = t->people[n->person].name;
        }
    }
}

/* The first 8 cells of a scorecard or fact row; returns 8. */
static int place_cells(const node_parts *p, const char *week, fp_xcell *c)
{
    const char *v[] = {week, p->path, p->store, p->store_name, p->cat,
                       p->cat_name, p->person, p->person_name};
    for (int i = 0; i < 8; i++)
        c[i] = fp_xcell_text(v[i] ? v[i] : "");
    return 8;
}

#define PLACE_COLS "week", "path", "store", "store_name", "category", \
                   "category_name", "person", "person_name"

/* ---- scorecards ---- */

static const char *const scorecard_cols[] = {
    PLACE_COLS, "kpi", "kpi_label", "value", "prev", "target", "attainment",
    "status", "overridden", "provisional",
};
#define SCORECARD_NCOLS 17

/* The rollup rows asked for, in tree order; *n of them (caller frees). */
static int *scorecard_rows(const fp_tree *t, const fp_export_req *req,
                           int *n)
{
    int *rows = malloc(((size_t)t->nnodes + (size_t)t->npeople + 1)
                       * sizeof *rows);
    *n = 0;
    if (!rows)
        return NULL;
    if (req->scope == FP_XS_PERSON) {
        rows[(*n)++] = t->nnodes + req->person;
        return rows;
    }
    if (req->scope == FP_XS_PEOPLE) {
        for (int p = 0; p < t->npeople; p++)
            for (int i = 0; i < t->nnodes; i++)
                if (t->nodes[i].person == p &&
                    fp_tree_is_under(t, i, req->node)) {
                    rows[(*n)++] = t->nnodes + p;
                    break;
                }
        return rows;
    }
    for (int i = 0; i < t->nnodes; i++)
        if (req->scope == FP_XS_CHILDREN ? t->nodes[i].parent == req->node
                                         : fp_tree_is_under(t, i, req->node))
            rows[(*n)++] = i;
    return rows;
}

typedef struct {
    const fp_catalogue *cat;
    const fp_tree *tree;
    const fp_rollup *now, *prev;
    char week[FP_WEEK_STR];
    fp_xsink *sink;
} sc_week;

static bool scorecard_row(const sc_week *w, int row)
{
    node_parts p;
    node_parts_of(w->tree, row, &p);
    fp_xcell c[SCORECARD_NCOLS];
    int base = place_cells(&p, w->week, c);
    for (int k = 0; k < w->cat->nkpis; k++) {
        const fp_kpi *kpi = &w->cat->kpis[k];
        const fp_cell *cell = fp_rollup_cell(w->now, row, k);
        if (!fp_has(cell->value) && !fp_has(cell->target))
            continue;
        int i = base;
        c[i++] = fp_xcell_text(kpi->id);
        c[i++] = fp_xcell_text(fp_export_kpi_label(kpi));
        c[i++] = fp_xcell_kpi(kpi, cell->value);
        c[i++] = fp_xcell_kpi(kpi, fp_rollup_cell(w->prev, row, k)->value);
        c[i++] = fp_xcell_kpi(kpi, cell->target);
        c[i++] = fp_xcell_num(cell->attainment, 1, true);
        c[i++] = fp_xcell_status(cell->status);
        c[i++] = fp_xcell_bool(cell->flags & FP_CF_OVERRIDDEN);
        c[i++] = fp_xcell_bool(cell->flags & FP_CF_PROVISIONAL);
        if (!w->sink->row(w->sink, c))
            return false;
    }
    return true;
}

static bool db_error(fp_review *rv, char *err, size_t errsz)
{
    snprintf(err, errsz, "%s", fp_review_db(rv)->err);
    return false;
}

/* One week of scorecards: every KPI with a value or target of each row. */
static bool scorecard_week(fp_review *rv, fp_week week, const int *rows,
                           int nrows, fp_xsink *sink, char *err,
                           size_t errsz)
{
    sc_week w = { fp_review_catalogue(rv), fp_review_tree(rv), NULL, NULL,
                  "", sink };
    w.prev = fp_review_week(rv, fp_week_prev(week));
    w.now = fp_review_week(rv, week);   /* after prev: both stay cached */
    if (!w.now || !w.prev)
        return db_error(rv, err, errsz);
    fp_week_format(week, w.week);
    for (int r = 0; r < nrows; r++)
        if (!scorecard_row(&w, rows[r])) {
            snprintf(err, errsz, "%s", _("cannot write the export"));
            return false;
        }
    return true;
}

static bool export_scorecards(fp_review *rv, const fp_export_req *req,
                              fp_xweeks wk, fp_xsink *sink, char *err,
                              size_t errsz)
{
    if (!sink->begin(sink, "scorecards", scorecard_cols, SCORECARD_NCOLS))
        return false;
    int nrows;
    int *rows = scorecard_rows(fp_review_tree(rv), req, &nrows);
    bool ok = rows != NULL;
    for (fp_week w = wk.from; ok && w && w <= wk.to; w = fp_week_next(w)) {
        int exists = fp_review_week_exists(rv, w);
        if (exists < 0)
            ok = db_error(rv, err, errsz);
        else if (exists)
            ok = scorecard_week(rv, w, rows, nrows, sink, err, errsz);
    }
    if (!rows)
        snprintf(err, errsz, "%s", _("out of memory"));
    free(rows);
    return ok;
}

/* ---- facts: the values as imported (before overrides) ---- */

static const char *const fact_cols[] = {PLACE_COLS, "kpi", "kpi_label",
                                        "value"};
#define FACT_NCOLS 11

static bool fact_row(fp_review *rv, sqlite3_stmt *st, int node,
                     fp_xsink *sink)
{
    const fp_tree *t = fp_review_tree(rv);
    const fp_catalogue *cat = fp_review_catalogue(rv);
    char week[FP_WEEK_STR];
    const char *code = (const char *)sqlite3_column_text(st, 2);
    int k = fp_catalogue_kpi(cat, code ? code : "");
    const fp_kpi *kpi = k >= 0 ? &cat->kpis[k] : NULL;
    node_parts p;
    fp_xcell c[FACT_NCOLS];
    fp_week_format((fp_week)sqlite3_column_int(st, 0), week);
    node_parts_of(t, node, &p);
    int i = place_cells(&p, week, c);
    c[i++] = fp_xcell_text(code);
    c[i++] = fp_xcell_text(kpi ? fp_export_kpi_label(kpi) : code);
    c[i++] = kpi ? fp_xcell_kpi(kpi, sqlite3_column_double(st, 3))
                 : fp_xcell_num(sqlite3_column_double(st, 3), 2, false);
    return sink->row(sink, c);
}

/* Tree index by database id for the nodes at and below node, -1 for
 * the others (caller frees); *max_id is the largest id. */
static int *wanted_by_db_id(const fp_tree *t, int node, long long *max_id)
{
    *max_id = 0;
    for (int i = 0; i < t->nnodes; i++)
        if (t->nodes[i].db_id > *max_id)
            *max_id = t->nodes[i].db_id;
    int *by_id = malloc(((size_t)*max_id + 1) * sizeof *by_id);
    if (!by_id)
        return NULL;
    for (long long id = 0; id <= *max_id; id++)
        by_id[id] = -1;
    for (int i = 0; i < t->nnodes; i++)
        if (t->nodes[i].db_id >= 0 && fp_tree_is_under(t, i, node))
            by_id[t->nodes[i].db_id] = i;
    return by_id;
}

static bool export_facts(fp_review *rv, const fp_export_req *req,
                         fp_xweeks wk, fp_xsink *sink, char *err,
                         size_t errsz)
{
    fp_db *db = fp_review_db(rv);
    const fp_tree *t = fp_review_tree(rv);
    if (!sink->begin(sink, "facts", fact_cols, FACT_NCOLS))
        return false;
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT f.week, f.node_id, k.code, f.value FROM facts f"
        " JOIN kpis k ON k.id = f.kpi_id WHERE f.week BETWEEN ?1 AND ?2"
        " ORDER BY f.week, f.node_id, f.kpi_id");   /* the key: no sort */
    if (!st)
        return db_error(rv, err, errsz);
    sqlite3_bind_int(st, 1, (int)wk.from);
    sqlite3_bind_int(st, 2, (int)wk.to);
    int rc = SQLITE_DONE;
    long long max_id;
    int *wanted = wanted_by_db_id(t, req->node, &max_id);
    bool ok = wanted != NULL;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 1);
        if (id >= 0 && id <= max_id && wanted[id] >= 0)
            ok = fact_row(rv, st, wanted[id], sink);
    }
    if (ok && rc != SQLITE_DONE) {
        fp_db_set_error(db, "facts");
        ok = db_error(rv, err, errsz);
    } else if (!ok) {
        snprintf(err, errsz, "%s", wanted ? _("cannot write the export")
                                          : _("out of memory"));
    }
    sqlite3_finalize(st);
    free(wanted);
    return ok;
}

/* ---- weeks and dispatch ---- */

static bool resolve_weeks(fp_review *rv, const fp_export_req *req,
                          fp_xweeks *wk, char *err, size_t errsz)
{
    bool list = req->kind >= FP_EXP_NOTES;
    *wk = (fp_xweeks){ req->from, req->to };
    if (!wk->from && !wk->to && !list) {
        wk->from = wk->to = fp_review_latest_week(rv);
        if (!wk->from) {
            snprintf(err, errsz, "%s", _("the database holds no data"));
            return false;
        }
    }
    if (wk->from > wk->to) {
        snprintf(err, errsz, "%s", _("--from is after --to"));
        return false;
    }
    if (wk->from != wk->to || list || req->from != req->to || !req->from)
        return true;
    int exists = fp_review_week_exists(rv, wk->from);
    if (exists > 0)
        return true;
    char w[FP_WEEK_STR];
    fp_week_format(wk->from, w);
    if (exists < 0)
        return db_error(rv, err, errsz);
    snprintf(err, errsz, _("no data for %s"), w);
    return false;
}

bool fp_export_rows(fp_review *rv, const fp_export_req *req, fp_xsink *sink,
                    char *err, size_t errsz)
{
    fp_xweeks wk;
    if (!resolve_weeks(rv, req, &wk, err, errsz))
        return false;
    switch (req->kind) {
    case FP_EXP_SCORECARDS:
        return export_scorecards(rv, req, wk, sink, err, errsz);
    case FP_EXP_FACTS:
        return export_facts(rv, req, wk, sink, err, errsz);
    case FP_EXP_NOTES:
        return fp_export_notes(rv, req, wk, sink, err, errsz);
    case FP_EXP_OVERRIDES:
        return fp_export_overrides(rv, req, wk, sink, err, errsz);
    default:
        return fp_export_actions(rv, req, wk, sink, err, errsz);
    }
}
