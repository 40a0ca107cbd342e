/* Moves across the hierarchy: weeks, the red-KPI walk, search. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "model/pinyin.h"
#include "model/vec.h"
#include "tui/grid.h"
#include "tui/ui.h"

/* ---- weeks ------------------------------------------------------------- */

static int set_week(fp_ui *ui, fp_week w)
{
    char ws[FP_WEEK_STR];
    ui->week = w;
    ui->gen++;
    fp_week_format(w, ws);
    if (!fp_review_has_week(ui->rv, w))
        fp_ui_msg(ui, FP_MSG_WARN, _("No data for %s"), ws);
    return FP_R_REDRAW;
}

/* A period on screen is shown at its newest week with data (or its
 * first), so P back to the week lands where the figures are. */
static fp_week week_in(fp_ui *ui, fp_period p)
{
    fp_week w = fp_period_last(p), latest = fp_review_latest_week(ui->rv);
    if (latest > 0 && w > latest)
        w = latest > fp_period_first(p) ? latest : fp_period_first(p);
    return w;
}

static int set_period(fp_ui *ui, fp_period p)
{
    char ps[FP_PERIOD_STR];
    ui->week = week_in(ui, p);
    ui->period = p.kind;
    ui->gen++;
    fp_period_format(p, ps);
    if (fp_review_period_exists(ui->rv, p) <= 0)
        fp_ui_msg(ui, FP_MSG_WARN, _("No data for %s"), ps);
    return FP_R_REDRAW;
}

int fp_nav_week(fp_ui *ui, int delta)
{
    if (ui->period != FP_PERIOD_WEEK)
        return set_period(ui, fp_period_add(fp_ui_period(ui), delta));
    return set_week(ui, fp_week_add(ui->week, delta));
}

int fp_nav_cycle_period(fp_ui *ui)
{
    static const char *const what[] = {
        N_("Week view: [ ] step by week"),
        N_("Month view (the weeks whose Thursday is in the month): "
           "[ ] step by month"),
        N_("Quarter view (its three months' weeks): [ ] step by quarter"),
    };
    ui->period = (fp_period_kind)((ui->period + 1) % 3);
    ui->gen++;
    if (ui->period != FP_PERIOD_WEEK)
        ui->reporting = false; /* $ converts at one week's rates */
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _(what[ui->period]));
    return FP_R_REDRAW;
}

int fp_nav_goto_week(fp_ui *ui)
{
    char answer[64];
    fp_week w;
    if (!fp_prompt(ui, _("Go to week (2026-W45, W45, 45): "), answer,
                   sizeof answer) || !*answer)
        return FP_R_REDRAW;
    if (!fp_week_parse_near(answer, ui->week, false, &w)) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not a week: %s"), answer);
        return FP_R_REDRAW;
    }
    return set_week(ui, w);
}

/* ---- tree order -------------------------------------------------------- */

/* Nodes strictly below root in depth-first order (the screen's order).
 * Returns a new array (caller frees) of *n nodes. */
static int *preorder_below(const fp_tree *t, int root, int *n)
{
    int *out = malloc((size_t)t->nnodes * sizeof *out + 1);
    int *stack = malloc((size_t)t->nnodes * sizeof *stack + 1);
    int top = 0;
    *n = 0;
    if (!out || !stack) {
        free(out);
        free(stack);
        return NULL;
    }
    for (int c = t->nodes[root].first_child; c >= 0; c = t->nodes[c].next_sibling)
        stack[top++] = c;
    /* the stack pops the last sibling first: reverse each pushed run */
    for (int i = 0; i < top / 2; i++) {
        int tmp = stack[i];
        stack[i] = stack[top - 1 - i];
        stack[top - 1 - i] = tmp;
    }
    while (top > 0) {
        int node = stack[--top], first = top;
        out[(*n)++] = node;
        for (int c = t->nodes[node].first_child; c >= 0;
             c = t->nodes[c].next_sibling)
            stack[top++] = c;
        for (int i = 0; i < (top - first) / 2; i++) {
            int tmp = stack[first + i];
            stack[first + i] = stack[top - 1 - i];
            stack[top - 1 - i] = tmp;
        }
    }
    free(stack);
    return out;
}

/* "store › category › person" for a node; a person's name for a
 * person's scorecard row (nnodes + person). */
static void path_text(fp_ui *ui, int row, char *out, size_t outsz)
{
    const fp_tree *t = fp_ui_tree(ui);
    if (row >= t->nnodes) {
        snprintf(out, outsz, "%s", t->people[row - t->nnodes].name);
        return;
    }
    int chain[16], n = 0;
    for (int p = row; p > 0 && n < 16; p = t->nodes[p].parent)
        chain[n++] = p;
    size_t o = 0;
    out[0] = '\0';
    for (int i = n - 1; i >= 0 && o < outsz; i--)
        o += (size_t)snprintf(out + o, outsz - o, "%s%s", t->nodes[chain[i]].name,
                              i ? ui->gl->crumb_sep : "");
}

/* ---- the red walk ------------------------------------------------------ */

/* A red KPI: row (a node, or a person's scorecard row), its tree order
 * (node rank, then the KPI's place at the node: its card first, then the
 * catalogue's order, like the detail panel), whether it is a key KPI of
 * the row and its attainment. */
typedef struct {
    int rank, pos, node, kpi;
    bool key;
    double att;
    bool stop;            /* flagged 止损: walked before ordinary reds */
} spot;

/* The KPIs of a node in detail-panel order; *nkey of them are its card. */
static int kpi_order(fp_ui *ui, int node, int *out, int *nkey)
{
    const fp_tree *t = fp_ui_tree(ui);
    const fp_catalogue *cat = fp_ui_cat(ui);
    const fp_node *nd = &t->nodes[node];
    int n = 0, ncard;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, nd->level,
        nd->person >= 0 ? t->people[nd->person].role : NULL, &ncard);
    for (int i = 0; i < ncard; i++)
        out[n++] = card[i].kpi;
    for (int k = 0; k < cat->nkpis; k++) {
        bool seen = false;
        for (int i = 0; i < ncard; i++)
            seen |= card[i].kpi == k;
        if (!seen)
            out[n++] = k;
    }
    *nkey = ncard;
    return n;
}

static int compare_tree(const spot *a, const spot *b)
{
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Key KPIs first, each group by attainment (lowest first), then tree. */
static int compare_worst(const void *pa, const void *pb)
{
    const spot *a = pa, *b = pb;
    if (a->stop != b->stop)
        return a->stop ? -1 : 1;
    if (a->key != b->key)
        return a->key ? -1 : 1;
    bool an = isnan(a->att), bn = isnan(b->att);
    if (an != bn)
        return an ? 1 : -1;
    if (!an && a->att != b->att)
        return a->att < b->att ? -1 : 1;
    return compare_tree(a, b);
}

typedef struct {
    int *order, norder;   /* nodes in tree order */
    spot *spots;          /* red KPIs in walk order */
    int nspots, cap;
    bool by_tree;         /* [ui] red_order = tree */
} walk;

static void add_spot(walk *w, spot s)
{
    bool ok = true;
    FP_GROW(w->spots, w->nspots + 1, w->cap, ok);
    if (!ok)
        return;
    w->spots[w->nspots++] = s;
}

static void add_if_red(fp_ui *ui, walk *w, const fp_rollup *r, spot s)
{
    const fp_cell *c = fp_rollup_cell(r, s.node, s.kpi);
    s.stop = fp_ui_stoploss_in(ui, r, s.node, s.kpi);
    if (c->status != FP_ST_RED && !s.stop)
        return;
    s.att = c->attainment;
    add_spot(w, s);
}

static void sort_walk(walk *w)
{
    if (!w->by_tree && w->nspots > 1)
        qsort(w->spots, (size_t)w->nspots, sizeof *w->spots, compare_worst);
}

static void scan_reds(fp_ui *ui, const fp_rollup *r, walk *w)
{
    int *kpis = malloc((size_t)r->nkpis * sizeof *kpis + 1);
    if (!kpis)
        return;
    for (int i = 0; i < w->norder; i++) {
        int node = w->order[i], nkey, n = kpi_order(ui, node, kpis, &nkey);
        for (int j = 0; j < n; j++)
            add_if_red(ui, w, r,
                       (spot){ i, j, node, kpis[j], j < nkey, NAN, false });
    }
    free(kpis);
    sort_walk(w);
}

static bool walk_by_tree(fp_ui *ui)
{
    const fp_config *cfg = fp_review_config(ui->rv);
    return cfg && cfg->red_order && strcmp(cfg->red_order, "tree") == 0;
}

/* Where the cursor is in walk order. With the table focused the cursor is
 * before the row's first KPI, unless the walk itself put it on one. */
static spot cursor_spot(fp_ui *ui, const walk *w)
{
    fp_view *v = fp_ui_top(ui);
    int node = -1, kpi = -1;
    if (v->ops->cursor)
        v->ops->cursor(v, ui, &node, &kpi);
    if (kpi < 0 && node == ui->red_node)
        kpi = ui->red_kpi;
    spot s = { -1, -1, node, kpi, false, NAN, false };
    for (int i = 0; i < w->norder && s.rank < 0; i++)
        if (w->order[i] == node)
            s.rank = i;
    if (s.rank < 0 || kpi < 0)
        return s;
    int *kpis = malloc((size_t)fp_ui_cat(ui)->nkpis * sizeof *kpis + 1);
    int nkey, n = kpis ? kpi_order(ui, node, kpis, &nkey) : 0;
    for (int j = 0; j < n; j++)
        if (kpis[j] == kpi)
            s.pos = j;
    free(kpis);
    return s;
}

static void announce_red(fp_ui *ui, const fp_rollup *r, const spot *s,
                         int nth, int count, bool wrapped)
{
    char path[512], val[64], tgt[64], att[32];
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[s->kpi];
    const fp_cell *c = fp_rollup_cell(r, s->node, s->kpi);
    path_text(ui, s->node, path, sizeof path);
    fp_format_value(k, c->value, val, sizeof val);
    fp_format_value(k, c->target, tgt, sizeof tgt);
    fp_format_attainment(c->attainment, att, sizeof att);
    fp_ui_msg(ui, FP_MSG_INFO, _("%sRed %d of %d: %s %s %s %s, target %s (%s)"),
              wrapped ? _("(wrapped) ") : s->stop ? _("止损 stop-loss ") : "",
              nth, count, path, ui->gl->dot,
              fp_ui_label(ui, k->label, k->label_zh), val, tgt, att);
}

/* Tree order: the next (dir > 0) or previous spot from the cursor. */
static int pick_in_tree(const walk *w, const spot *from, int dir,
                        bool *wrapped)
{
    *wrapped = false;
    if (dir > 0) {
        for (int i = 0; i < w->nspots; i++)
            if (compare_tree(&w->spots[i], from) > 0)
                return i;
        *wrapped = true;
        return 0;
    }
    for (int i = w->nspots - 1; i >= 0; i--)
        if (compare_tree(&w->spots[i], from) < 0)
            return i;
    *wrapped = true;
    return w->nspots - 1;
}

/* Worst first: the spot after (before) the one under the cursor; from
 * anywhere else the walk starts at the worst (ends at the least bad). */
static int pick_spot(const walk *w, const spot *from, int dir, bool *wrapped)
{
    if (w->by_tree)
        return pick_in_tree(w, from, dir, wrapped);
    *wrapped = false;
    int at = -1;
    for (int i = 0; i < w->nspots && at < 0; i++)
        if (w->spots[i].node == from->node && w->spots[i].kpi == from->kpi)
            at = i;
    if (at < 0)
        return dir > 0 ? 0 : w->nspots - 1;
    int next = at + (dir > 0 ? 1 : -1);
    *wrapped = next < 0 || next >= w->nspots;
    return (next + w->nspots) % w->nspots;
}

/* The walk runs below the node where it started, so that walking into a
 * category does not narrow the next step to that category. */
static int walk_root(fp_ui *ui)
{
    fp_view *v = fp_ui_top(ui);
    const fp_tree *t = fp_ui_tree(ui);
    if (ui->red_root < 0 || ui->red_root >= t->nnodes
        || !fp_tree_is_under(t, v->node, ui->red_root))
        ui->red_root = v->node;
    return ui->red_root;
}

int fp_nav_red(fp_ui *ui, int dir)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    if (!r)
        return FP_R_REDRAW;
    int root = walk_root(ui);
    walk w = { .order = preorder_below(fp_ui_tree(ui), root, &w.norder),
               .by_tree = walk_by_tree(ui) };
    if (w.order)
        scan_reds(ui, r, &w);
    if (w.nspots == 0) {
        fp_ui_msg(ui, FP_MSG_INFO, _("No red KPI below %s this week"),
                  fp_ui_tree(ui)->nodes[root].name);
    } else {
        spot from = cursor_spot(ui, &w);
        bool wrapped;
        int i = pick_spot(&w, &from, dir, &wrapped);
        spot s = w.spots[i];
        fp_ui_goto(ui, s.node, s.kpi);
        ui->red_root = root; /* fp_ui_goto rebuilt the views */
        ui->red_node = s.node;
        ui->red_kpi = s.kpi;
        announce_red(ui, r, &s, i + 1, w.nspots, wrapped);
    }
    free(w.order);
    free(w.spots);
    return FP_R_REDRAW;
}

int fp_nav_red_card(fp_ui *ui, int row, const int *kpis, int n, int cur,
                    int dir)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    walk w = { .by_tree = walk_by_tree(ui) };
    int kpi = -1;
    if (!r)
        return -1;
    for (int j = 0; j < n; j++)
        add_if_red(ui, &w, r, (spot){ 0, j, row, kpis[j], true, NAN, false });
    sort_walk(&w);
    if (w.nspots == 0) {
        char who[256];
        path_text(ui, row, who, sizeof who);
        fp_ui_msg(ui, FP_MSG_INFO, _("No red KPI on %s this week"), who);
    } else {
        spot from = { 0, -1, row, cur, true, NAN, false };
        for (int j = 0; j < n; j++)
            if (kpis[j] == cur)
                from.pos = j;
        bool wrapped;
        int i = pick_spot(&w, &from, dir, &wrapped);
        kpi = w.spots[i].kpi;
        announce_red(ui, r, &w.spots[i], i + 1, w.nspots, wrapped);
    }
    free(w.spots);
    return kpi;
}

int fp_nav_worst_red(fp_ui *ui, int row, const int *kpis, int n)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    walk w = { 0 };
    int kpi = -1;
    for (int j = 0; r && j < n; j++)
        add_if_red(ui, &w, r, (spot){ 0, j, row, kpis[j], true, NAN, false });
    sort_walk(&w);
    if (w.nspots > 0)
        kpi = w.spots[0].kpi;
    free(w.spots);
    return kpi;
}

/* ---- search ------------------------------------------------------------ */

/* The name or the code, as characters or as pinyin: "王", "wq" and
 * "wangqiang" find 王强 (model/pinyin.h). */
static bool node_matches(const fp_tree *t, int node, const char *text)
{
    const fp_node *n = &t->nodes[node];
    return fp_name_matches(n->name, text) || fp_name_matches(n->code, text);
}

static int search_from(fp_ui *ui, const char *text, int *nth, int *count)
{
    const fp_tree *t = fp_ui_tree(ui);
    int norder, *order = preorder_below(t, 0, &norder);
    fp_view *v = fp_ui_top(ui);
    int cur = -1, kpi, start = -1, hit = -1, first = -1;
    if (v->ops->cursor)
        v->ops->cursor(v, ui, &cur, &kpi);
    *count = 0;
    for (int i = 0; order && i < norder; i++) {
        if (order[i] == cur)
            start = i;
        if (!node_matches(t, order[i], text))
            continue;
        ++*count;
        if (first < 0)
            first = i;
        if (hit < 0 && start >= 0 && i > start)
            hit = i, *nth = *count;
    }
    if (hit < 0 && first >= 0)
        hit = first, *nth = 1;
    int node = hit >= 0 ? order[hit] : -1;
    free(order);
    return node;
}

int fp_nav_search(fp_ui *ui)
{
    char text[256];
    if (!fp_prompt(ui, _("Search name: "), text, sizeof text))
        return FP_R_REDRAW;
    if (!*text)
        snprintf(text, sizeof text, "%s", ui->search); /* next match */
    if (!*text)
        return FP_R_REDRAW;
    snprintf(ui->search, sizeof ui->search, "%s", text);
    int nth = 0, count = 0, node = search_from(ui, text, &nth, &count);
    if (node < 0) {
        fp_ui_msg(ui, FP_MSG_WARN, _("No name contains \"%s\""), text);
        return FP_R_REDRAW;
    }
    char path[512];
    path_text(ui, node, path, sizeof path);
    fp_ui_goto(ui, node, -1);
    fp_ui_msg(ui, FP_MSG_INFO, _("Match %d of %d: %s (/ then Enter: next)"),
              nth, count, path);
    return FP_R_REDRAW;
}
