/* The ui's state: messages, the view stack, data access. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model/i18n.h"
#include "tui/screen.h"
#include "tui/ui.h"

void fp_ui_msg(fp_ui *ui, fp_msg_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
    va_end(ap);
    ui->msg_level = level;
}

fp_view *fp_ui_top(fp_ui *ui)
{
    return ui->depth > 0 ? &ui->stack[ui->depth - 1] : NULL;
}

/* Keys that mean the same everywhere in raw mode: Ctrl-\ is Ctrl-C
 * (it would have quit without saving a draft); Ctrl-Z suspends and comes
 * back as a resize, so that every loop redraws. */
static void raw_control_key(fp_ui *ui, fp_event *ev)
{
    if (ev->type != FP_EV_KEY)
        return;
    if (ev->key == 28)
        ev->key = 3;
    if (ev->key == 26 && !ui->headless) {
        fp_screen_suspend();
        *ev = (fp_event){ .type = FP_EV_RESIZE };
    }
}

void fp_ui_next(fp_ui *ui, fp_event *ev, int timeout_ms)
{
    fp_keysrc_next(ui->keys, ev, timeout_ms);
    raw_control_key(ui, ev);
    if (ev->type != FP_EV_END)
        return;
    ui->stop = true;
    if (ui->headless && !ui->dumped) {
        ui->trends_now = true; /* the dumped screen is complete */
        fp_frame_draw(ui);
        fp_screen_dump(stdout);
        ui->dumped = true;
    }
}

bool fp_ui_push(fp_ui *ui, const fp_view_ops *ops, const fp_view_arg *arg)
{
    if (ui->depth == FP_VIEW_MAX) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("Too many open views"));
        return false;
    }
    void *priv = ops->open(ui, arg);
    if (!priv) {
        fp_ui_msg(ui, FP_MSG_ERROR, "%s", _("Cannot open the view"));
        return false;
    }
    fp_view *v = &ui->stack[ui->depth++];
    v->ops = ops;
    v->priv = priv;
    v->node = arg->node;
    v->node_db = fp_ui_tree(ui)->nodes[arg->node].db_id;
    return true;
}

void fp_ui_pop(fp_ui *ui)
{
    if (ui->depth == 0)
        return;
    fp_view *v = &ui->stack[--ui->depth];
    v->ops->done(v->priv);
    memset(v, 0, sizeof *v);
}

void fp_ui_pop_all(fp_ui *ui)
{
    while (ui->depth > 0)
        fp_ui_pop(ui);
}

const fp_tree *fp_ui_tree(fp_ui *ui)
{
    return fp_review_tree(ui->rv);
}

const fp_catalogue *fp_ui_cat(fp_ui *ui)
{
    return fp_review_catalogue(ui->rv);
}

fp_period fp_ui_period(const fp_ui *ui)
{
    return fp_period_at(ui->week, ui->period);
}

const fp_rollup *fp_ui_rollup(fp_ui *ui)
{
    const fp_rollup *r = fp_review_period(ui->rv, fp_ui_period(ui));
    if (!r)
        fp_ui_msg(ui, FP_MSG_ERROR, "%s", fp_review_db(ui->rv)->err);
    return r;
}

const fp_rollup *fp_ui_prev_rollup(fp_ui *ui)
{
    return fp_review_period(ui->rv, fp_period_add(fp_ui_period(ui), -1));
}

/* After a reload node indices may have moved: find views' nodes again by
 * database id; a node that disappeared falls back to the company. */
static void reresolve_views(fp_ui *ui)
{
    const fp_tree *t = fp_ui_tree(ui);
    for (int i = 0; i < ui->depth; i++) {
        fp_view *v = &ui->stack[i];
        int n = fp_tree_find_db_id(t, v->node_db);
        v->node = n >= 0 ? n : 0;
        if (v->ops->reload)
            v->ops->reload(v, ui);
    }
    ui->red_root = -1;
}

bool fp_ui_trend(fp_ui *ui, int row, int kpi, double *out)
{
    if (!ui->trends_now && !fp_review_trend_cached(ui->rv, ui->week, row)) {
        ui->trends_pending = true;
        return false;
    }
    return fp_review_trend(ui->rv, ui->week, row, kpi, out);
}

bool fp_ui_refresh(fp_ui *ui, bool force)
{
    if (!fp_review_refresh(ui->rv, force))
        return false;
    ui->gen++;
    reresolve_views(ui);
    return true;
}

void fp_ui_goto(fp_ui *ui, int node, int kpi)
{
    const fp_tree *t = fp_ui_tree(ui);
    int chain[16], n = 0;
    for (int p = node; p >= 0 && n < 16; p = t->nodes[p].parent)
        chain[n++] = p;
    fp_ui_pop_all(ui);
    /* chain[n-1] is the company; the table of node's parent selects it */
    for (int i = n - 1; i >= 1; i--) {
        fp_view_arg arg = { .node = chain[i], .person = -1 };
        if (!fp_ui_push(ui, &fp_view_table_ops, &arg))
            return;
        fp_view *v = fp_ui_top(ui);
        v->ops->select(v, ui, chain[i - 1], i == 1 ? kpi : -1);
    }
    if (n == 1) {
        fp_view_arg arg = { .node = 0, .person = -1 };
        fp_ui_push(ui, &fp_view_table_ops, &arg);
    }
}

/* Attainment of kpi at node for ranking places: missing sorts last. */
static double place_rank(const fp_rollup *r, int node, int kpi)
{
    double att = r && kpi >= 0 ? fp_rollup_cell(r, node, kpi)->attainment
                               : 0;
    return isnan(att) ? INFINITY : att;
}

int fp_ui_person_node(fp_ui *ui, int person, int under, int kpi)
{
    const fp_tree *t = fp_ui_tree(ui);
    const fp_rollup *r = kpi >= 0 ? fp_ui_rollup(ui) : NULL;
    int best = -1, any = -1;
    for (int i = 0; i < t->nnodes; i++) {
        if (t->nodes[i].person != person)
            continue;
        if (any < 0)
            any = i;
        if (under >= 0 && !fp_tree_is_under(t, i, under))
            continue;
        if (best < 0 || place_rank(r, i, kpi) < place_rank(r, best, kpi))
            best = i;
    }
    return best >= 0 ? best : any;
}
