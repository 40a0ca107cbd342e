/* Tables out: notes, overrides and action items, with the columns of
 * `note list`, `override list` and `action list --format csv`. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/i18n.h"
#include "storage/export_priv.h"
#include "storage/meeting.h"

static bool fail_db(fp_review *rv, char *err, size_t errsz)
{
    snprintf(err, errsz, "%s", fp_review_db(rv)->err);
    return false;
}

static bool fail_write(char *err, size_t errsz)
{
    if (!*err)
        snprintf(err, errsz, "%s", _("cannot write the export"));
    return false;
}

/* The first and last week holding rows of table (notes, overrides,
 * actions) when wk asks for every week; false on a read error. */
static bool span_of(fp_review *rv, const char *sql, fp_xweeks *wk)
{
    if (wk->from || wk->to)
        return true;
    sqlite3_stmt *st = fp_db_prepare(fp_review_db(rv), sql);
    if (!st)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        wk->from = (fp_week)sqlite3_column_int(st, 0);
        wk->to = (fp_week)sqlite3_column_int(st, 1);
    } else {
        fp_db_set_error(fp_review_db(rv), "weeks");
    }
    sqlite3_finalize(st);
    return ok;
}

/* ---- notes: id,week,path,kpi,cause,author,created,text ---- */

static bool note_rows(const fp_note_list *l, fp_xsink *sink)
{
    for (size_t i = 0; i < l->n; i++) {
        const fp_note *n = &l->items[i];
        char week[FP_WEEK_STR];
        fp_week_format(n->week, week);
        fp_xcell c[] = {
            fp_xcell_int(n->id), fp_xcell_text(week), fp_xcell_text(n->path),
            fp_xcell_text(n->kpi ? n->kpi : ""), fp_xcell_text(n->cause),
            fp_xcell_text(n->author), fp_xcell_text(n->created_at),
            fp_xcell_text(n->text),
        };
        if (!sink->row(sink, c))
            return false;
    }
    return true;
}

bool fp_export_notes(fp_review *rv, const fp_export_req *req, fp_xweeks wk,
                     fp_xsink *sink, char *err, size_t errsz)
{
    static const char *const cols[] = {"id", "week", "path", "kpi", "cause",
                                       "author", "created", "text"};
    if (!sink->begin(sink, "notes", cols, 8))
        return fail_write(err, errsz);
    if (!span_of(rv, "SELECT ifnull(min(week),0), ifnull(max(week),0)"
                     " FROM notes WHERE deleted_at IS NULL", &wk))
        return fail_db(rv, err, errsz);
    long long node_db = req->node > 0
        ? fp_review_tree(rv)->nodes[req->node].db_id : 0;
    for (fp_week w = wk.from; w && w <= wk.to; w = fp_week_next(w)) {
        fp_note_list l;
        if (!fp_note_list_week(fp_review_db(rv), w, node_db, &l))
            return fail_db(rv, err, errsz);
        bool ok = note_rows(&l, sink);
        fp_note_list_done(&l);
        if (!ok)
            return fail_write(err, errsz);
    }
    return true;
}

/* ---- overrides: id,week,path,kpi,original,value,reason,author,created,
 * reverted ---- */

static fp_xcell value_cell(const fp_catalogue *cat, const char *kpi,
                           double v)
{
    int k = fp_catalogue_kpi(cat, kpi ? kpi : "");
    return k >= 0 ? fp_xcell_kpi(&cat->kpis[k], v) : fp_xcell_num(v, 2, false);
}

static bool override_rows(fp_review *rv, const fp_export_req *req,
                          const fp_override_list *l, fp_xsink *sink)
{
    const fp_catalogue *cat = fp_review_catalogue(rv);
    const fp_tree *t = fp_review_tree(rv);
    for (size_t i = 0; i < l->n; i++) {
        const fp_override_rec *r = &l->items[i];
        int node = fp_tree_find_db_id(t, r->node_id);
        if (req->node > 0 && (node < 0 || !fp_tree_is_under(t, node,
                                                             req->node)))
            continue;
        char week[FP_WEEK_STR];
        fp_week_format(r->week, week);
        fp_xcell c[] = {
            fp_xcell_int(r->id), fp_xcell_text(week), fp_xcell_text(r->path),
            fp_xcell_text(r->kpi), value_cell(cat, r->kpi, r->original),
            value_cell(cat, r->kpi, r->value), fp_xcell_text(r->reason),
            fp_xcell_text(r->author), fp_xcell_text(r->created_at),
            fp_xcell_text(r->reverted_at),
        };
        if (!sink->row(sink, c))
            return false;
    }
    return true;
}

bool fp_export_overrides(fp_review *rv, const fp_export_req *req,
                         fp_xweeks wk, fp_xsink *sink, char *err,
                         size_t errsz)
{
    static const char *const cols[] = {"id", "week", "path", "kpi",
        "original", "value", "reason", "author", "created", "reverted"};
    if (!sink->begin(sink, "overrides", cols, 10))
        return fail_write(err, errsz);
    bool all = !wk.from && !wk.to;   /* newest first, as override list */
    for (fp_week w = wk.from; all || (w && w <= wk.to); w = fp_week_next(w)) {
        fp_override_list l;
        if (!fp_override_list_get(fp_review_db(rv), w, 0, NULL, &l))
            return fail_db(rv, err, errsz);
        bool ok = override_rows(rv, req, &l, sink);
        fp_override_list_done(&l);
        if (!ok)
            return fail_write(err, errsz);
        if (all)
            break;
    }
    return true;
}

/* ---- action items: id,week,path,owner,due,status,text ---- */

static bool action_wanted(fp_review *rv, const fp_export_req *req,
                          fp_xweeks wk, const fp_action_item *a)
{
    const fp_tree *t = fp_review_tree(rv);
    if (wk.from != wk.to && (a->week < wk.from || a->week > wk.to))
        return false;
    if (req->node <= 0)
        return true;
    int node = a->node_id ? fp_tree_find_db_id(t, a->node_id) : -1;
    return node >= 0 && fp_tree_is_under(t, node, req->node);
}

bool fp_export_actions(fp_review *rv, const fp_export_req *req,
                       fp_xweeks wk, fp_xsink *sink, char *err, size_t errsz)
{
    static const char *const cols[] = {"id", "week", "path", "owner", "due",
                                       "status", "text"};
    if (!sink->begin(sink, "actions", cols, 7))
        return fail_write(err, errsz);
    fp_action_item_list l;   /* one week: as action list --week W */
    if (!fp_action_list_get(fp_review_db(rv), wk.from == wk.to ? wk.from : 0,
                            false, &l))
        return fail_db(rv, err, errsz);
    bool ok = true;
    for (size_t i = 0; ok && i < l.n; i++) {
        const fp_action_item *a = &l.items[i];
        if (!action_wanted(rv, req, wk, a))
            continue;
        char week[FP_WEEK_STR], due[FP_WEEK_STR];
        fp_week_format(a->week, week);
        fp_week_format(a->due, due);
        fp_xcell c[] = {
            fp_xcell_int(a->id), fp_xcell_text(week),
            fp_xcell_text(a->node_id ? a->path : ""), fp_xcell_text(a->owner),
            fp_xcell_text(due), fp_xcell_text(a->state),
            fp_xcell_text(a->text),
        };
        ok = sink->row(sink, c);
    }
    fp_action_list_done(&l);
    return ok || fail_write(err, errsz);
}
