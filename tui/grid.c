/* The row list behind the node table and the people view: candidates,
 * filter, sort, cursor and the detail panel's KPI list. */
#include "tui/grid.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "model/labels.h"
#include "model/pinyin.h"
#include "model/vec.h"
#include "tui/listmove.h"

void fp_grid_init(fp_grid *g, fp_grid_collect collect, void *ctx)
{
    memset(g, 0, sizeof *g);
    g->collect = collect;
    g->collect_ctx = ctx;
    g->role = -1;
    g->want_kpi = -1;
    g->stale = true;
}

void fp_grid_done(fp_grid *g)
{
    free(g->all);
    free(g->rows);
    free(g->dkpis);
    memset(g, 0, sizeof *g);
}

void fp_grid_add(fp_grid *g, int row, int node, int person)
{
    bool ok = true;
    FP_GROW(g->all, g->nall + 1, g->cap, ok);
    if (!ok)
        return;
    g->all[g->nall++] = (fp_grid_row){ row, node, person };
}

/* ---- rows: names, cards ------------------------------------------------ */

const fp_weighted_kpi *fp_grid_card(fp_ui *ui, const fp_grid_row *r, int *n)
{
    const fp_tree *t = fp_ui_tree(ui);
    int person = r->person;
    if (person < 0 && r->node >= 0)
        person = t->nodes[r->node].person;
    if (person >= 0)
        return fp_catalogue_card(fp_ui_cat(ui), FP_LVL_PERSON,
                                 t->people[person].role, n);
    return fp_catalogue_card(fp_ui_cat(ui), t->nodes[r->node].level, NULL, n);
}

const char *fp_grid_name(fp_ui *ui, const fp_grid_row *r)
{
    const fp_tree *t = fp_ui_tree(ui);
    if (r->node >= 0)
        return t->nodes[r->node].name;
    return t->people[r->person].name;
}

const char *fp_row_currency(fp_ui *ui, int row)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    const fp_config *cfg = fp_review_config(ui->rv);
    if (r)
        return fp_rollup_currency(r, row);
    if (cfg && cfg->reporting_currency)
        return cfg->reporting_currency;
    return fp_ui_cat(ui)->reporting_currency;
}

void fp_kpi_label(fp_ui *ui, int kpi, char *out, size_t outsz)
{
    fp_label_kpi(&fp_ui_cat(ui)->kpis[kpi],
                 ui->utf8 ? FP_LABEL_BOTH : FP_LABEL_LATIN, out, outsz);
}

void fp_kpi_label_of(fp_ui *ui, const char *id, char *out, size_t outsz)
{
    int k = id ? fp_catalogue_kpi(fp_ui_cat(ui), id) : -1;
    if (k >= 0)
        fp_kpi_label(ui, k, out, outsz);
    else
        snprintf(out, outsz, "%s", id ? id : "");
}

void fp_kpi_label_fit(fp_ui *ui, int kpi, int cols, char *out, size_t outsz)
{
    fp_label_kpi_fit(&fp_ui_cat(ui)->kpis[kpi],
                     ui->utf8 ? FP_LABEL_BOTH : FP_LABEL_LATIN, cols, out,
                     outsz);
}

const char *fp_ui_label(fp_ui *ui, const char *label, const char *label_zh)
{
    if (!ui->utf8)
        return label && *label ? label : "";
    return fp_label_first(label, label_zh);
}

const char *fp_kpi_label_first(fp_ui *ui, int kpi)
{
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[kpi];
    return fp_ui_label(ui, k->label, k->label_zh);
}

/* ---- filter and sort --------------------------------------------------- */

static bool row_is_red_or_amber(fp_ui *ui, const fp_rollup *r,
                                const fp_grid_row *row)
{
    int n;
    const fp_weighted_kpi *card = fp_grid_card(ui, row, &n);
    for (int i = 0; i < n; i++) {
        int st = fp_rollup_cell(r, row->row, card[i].kpi)->status;
        if (st == FP_ST_RED || st == FP_ST_AMBER)
            return true;
    }
    return false;
}

static bool row_passes(fp_grid *g, fp_ui *ui, const fp_rollup *r,
                       const fp_grid_row *row)
{
    const fp_tree *t = fp_ui_tree(ui);
    if (g->role >= 0 && row->person >= 0) {
        const char *role = t->people[row->person].role;
        if (strcmp(role ? role : "", fp_ui_cat(ui)->roles[g->role].id) != 0)
            return false;
    }
    return !g->filter_red || (r && row_is_red_or_amber(ui, r, row));
}

typedef struct {
    double key;          /* NAN sorts last */
    const char *name;
    int natural;
    fp_grid_row row;
} sort_item;

static int cmp_items(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    bool na = isnan(a->key), nb = isnan(b->key);
    if (na != nb)
        return na ? 1 : -1;
    if (!na && a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->name && b->name) {
        int c = fp_name_cmp(a->name, b->name); /* pinyin in Chinese */
        if (c != 0)
            return c;
    }
    return a->natural - b->natural;
}

/* Sort key: worst first for score and attainment. */
static double sort_key(fp_grid *g, fp_ui *ui, const fp_rollup *r,
                       const fp_grid_row *row)
{
    if (!r || g->sort == FP_SORT_NATURAL || g->sort == FP_SORT_NAME)
        return g->sort == FP_SORT_NAME ? 0.0 : NAN;
    if (g->sort == FP_SORT_SCORE)
        return r->score[row->row];
    int n;
    const fp_weighted_kpi *card = fp_grid_card(ui, row, &n);
    int slot = g->sort - FP_SORT_KPI0;
    return slot < n ? fp_rollup_cell(r, row->row, card[slot].kpi)->attainment
                    : NAN;
}

static void sort_rows(fp_grid *g, fp_ui *ui, const fp_rollup *r)
{
    if (g->sort == FP_SORT_NATURAL && !g->reverse)
        return;
    sort_item *it = malloc((size_t)g->nrows * sizeof *it + 1);
    if (!it)
        return;
    for (int i = 0; i < g->nrows; i++) {
        it[i].row = g->rows[i];
        it[i].natural = i;
        it[i].name = g->sort == FP_SORT_NAME ? fp_grid_name(ui, &g->rows[i])
                                             : NULL;
        it[i].key = g->sort == FP_SORT_NATURAL ? (double)i
                    : sort_key(g, ui, r, &g->rows[i]);
    }
    qsort(it, (size_t)g->nrows, sizeof *it, cmp_items);
    for (int i = 0; i < g->nrows; i++)
        g->rows[g->reverse ? g->nrows - 1 - i : i] = it[i].row;
    free(it);
}

static int find_row(const fp_grid *g, int node, int person)
{
    for (int i = 0; i < g->nrows; i++)
        if (node >= 0 ? g->rows[i].node == node
                      : g->rows[i].person == person)
            return i;
    return -1;
}

void fp_grid_update(fp_grid *g, fp_ui *ui)
{
    if (g->gen == ui->gen && !g->stale)
        return;
    int keep_node = -1, keep_person = -1;
    if (g->sel < g->nrows) {
        keep_node = g->rows[g->sel].node;
        keep_person = g->rows[g->sel].person;
    }
    const fp_rollup *r = fp_ui_rollup(ui);
    g->nall = 0;
    g->collect(g, ui, g->collect_ctx);
    free(g->rows);
    g->rows = malloc((size_t)g->nall * sizeof *g->rows + 1);
    g->nrows = 0;
    for (int i = 0; g->rows && i < g->nall; i++)
        if (row_passes(g, ui, r, &g->all[i]))
            g->rows[g->nrows++] = g->all[i];
    sort_rows(g, ui, r);
    int at = (keep_node >= 0 || keep_person >= 0)
             ? find_row(g, keep_node, keep_person) : -1;
    g->sel = at >= 0 ? at : g->sel >= g->nrows ? g->nrows - 1 : g->sel;
    if (g->sel < 0)
        g->sel = 0;
    g->gen = ui->gen;
    g->stale = false;
}

const fp_grid_row *fp_grid_current(fp_grid *g, fp_ui *ui)
{
    fp_grid_update(g, ui);
    return g->sel < g->nrows ? &g->rows[g->sel] : NULL;
}

/* ---- the detail panel's KPI list -------------------------------------- */

static bool detail_shows(fp_grid *g, const fp_cell *c)
{
    bool any = !isnan(c->value) || !isnan(c->target)
               || (c->flags & ~FP_CF_PROVISIONAL) != 0;
    bool bad = c->status == FP_ST_RED || c->status == FP_ST_AMBER;
    return any && (!g->filter_red || bad);
}

static void add_dkpi(fp_grid *g, int kpi)
{
    for (int i = 0; i < g->ndkpis; i++)
        if (g->dkpis[i] == kpi)
            return;
    g->dkpis[g->ndkpis++] = kpi;
}

/* The card's KPIs first, then every other KPI with something to show. */
static void build_detail(fp_grid *g, fp_ui *ui)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    const fp_grid_row *row = g->sel < g->nrows ? &g->rows[g->sel] : NULL;
    int keep = (g->dsel < g->ndkpis) ? g->dkpis[g->dsel] : -1;
    g->ndkpis = 0;
    if (!r || !row)
        return;
    free(g->dkpis);
    g->dkpis = malloc((size_t)r->nkpis * sizeof *g->dkpis + 1);
    if (!g->dkpis)
        return;
    int n;
    const fp_weighted_kpi *card = fp_grid_card(ui, row, &n);
    for (int i = 0; i < n; i++)
        if (detail_shows(g, fp_rollup_cell(r, row->row, card[i].kpi)))
            add_dkpi(g, card[i].kpi);
    for (int k = 0; k < r->nkpis; k++)
        if (detail_shows(g, fp_rollup_cell(r, row->row, k)))
            add_dkpi(g, k);
    int want = g->want_kpi >= 0 ? g->want_kpi : keep;
    g->dsel = 0;
    for (int i = 0; i < g->ndkpis; i++)
        if (g->dkpis[i] == want)
            g->dsel = i;
    g->want_kpi = -1;
}

int fp_grid_current_kpi(fp_grid *g, fp_ui *ui)
{
    fp_grid_update(g, ui);
    build_detail(g, ui);
    return g->dsel < g->ndkpis ? g->dkpis[g->dsel] : -1;
}

bool fp_grid_select(fp_grid *g, fp_ui *ui, int node, int person, int kpi)
{
    fp_grid_update(g, ui);
    int at = find_row(g, node, person);
    if (at < 0 && g->filter_red) {
        g->filter_red = false; /* the target is hidden: show everything */
        g->stale = true;
        fp_grid_update(g, ui);
        at = find_row(g, node, person);
    }
    if (at < 0)
        return false;
    g->sel = at;
    if (kpi >= 0)
        g->want_kpi = kpi;
    return true;
}

/* ---- actions ----------------------------------------------------------- */

static const char *sort_name(fp_grid *g, fp_ui *ui, char *buf, size_t bufsz)
{
    if (g->sort == FP_SORT_NATURAL)
        return _("natural order");
    if (g->sort == FP_SORT_SCORE)
        return _("score, worst first");
    if (g->sort == FP_SORT_NAME)
        return _("name");
    int n;
    const fp_weighted_kpi *card = g->nrows ? fp_grid_card(ui, &g->rows[0], &n)
                                           : NULL;
    int slot = g->sort - FP_SORT_KPI0;
    if (!card || slot >= n)
        return "?";
    snprintf(buf, bufsz, _("%s attainment, worst first"),
             fp_kpi_label_first(ui, card[slot].kpi));
    return buf;
}

/* natural -> score -> name -> key KPI 1..n -> natural */
static void next_sort(fp_grid *g, fp_ui *ui)
{
    int n = 0;
    if (g->nrows)
        fp_grid_card(ui, &g->rows[0], &n);
    g->sort++;
    if (g->sort >= FP_SORT_KPI0 + n)
        g->sort = g->people ? FP_SORT_SCORE : FP_SORT_NATURAL;
    g->reverse = false;
    g->stale = true;
}

static int grid_display_action(fp_grid *g, fp_ui *ui, fp_action act)
{
    char buf[128];
    switch (act) {
    case FP_ACT_SORT:
        next_sort(g, ui);
        fp_ui_msg(ui, FP_MSG_INFO, _("Sorted by %s"), sort_name(g, ui, buf,
                  sizeof buf));
        return FP_R_REDRAW;
    case FP_ACT_SORT_REVERSE:
        g->reverse = !g->reverse;
        g->stale = true;
        fp_ui_msg(ui, FP_MSG_INFO, "%s", g->reverse ? _("Order reversed")
                                                    : _("Order restored"));
        return FP_R_REDRAW;
    case FP_ACT_FILTER_RED:
        g->filter_red = !g->filter_red;
        g->stale = true;
        fp_ui_msg(ui, FP_MSG_INFO, "%s", g->filter_red
                  ? _("Showing red and amber only") : _("Showing all rows"));
        return FP_R_REDRAW;
    case FP_ACT_TOGGLE_FOCUS:
        g->focus_detail = !g->focus_detail;
        return FP_R_REDRAW;
    default:
        return FP_R_UNHANDLED;
    }
}

int fp_grid_request(fp_grid *g, fp_ui *ui, fp_action act)
{
    fp_grid_update(g, ui);
    switch (act) {
    case FP_ACT_MOVE_UP: case FP_ACT_MOVE_DOWN: case FP_ACT_PAGE_UP:
    case FP_ACT_PAGE_DOWN: case FP_ACT_FIRST: case FP_ACT_LAST:
        if (g->focus_detail) {
            build_detail(g, ui);
            fp_list_move(&g->dsel, g->ndkpis, g->dpage, act);
            g->want_kpi = g->dsel < g->ndkpis ? g->dkpis[g->dsel] : -1;
        } else {
            fp_list_move(&g->sel, g->nrows, g->page, act);
        }
        return FP_R_REDRAW;
    default:
        return grid_display_action(g, ui, act);
    }
}

int fp_grid_mouse(fp_grid *g, fp_ui *ui, const fp_event *ev, bool *drill)
{
    fp_grid_update(g, ui);
    *drill = false;
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN) {
        bool in_detail = ev->y >= g->detail_y;
        int *sel = in_detail ? &g->dsel : &g->sel;
        int n = in_detail ? g->ndkpis : g->nrows;
        fp_list_step(sel, n, ev->mouse == FP_MOUSE_WHEEL_UP ? -3 : 3);
        if (in_detail)
            g->want_kpi = g->dsel < g->ndkpis ? g->dkpis[g->dsel] : -1;
        return FP_R_REDRAW;
    }
    int trow = fp_list_row_at(ev->y, g->table_y, g->table_h, g->scroll,
                              g->nrows);
    int drow = fp_list_row_at(ev->y, g->detail_y, g->detail_h, g->dscroll,
                              g->ndkpis);
    if (trow >= 0) {
        g->sel = trow;
        g->focus_detail = false;
        *drill = ev->mouse == FP_MOUSE_DOUBLE;
    } else if (drow >= 0) {
        g->dsel = drow;
        g->want_kpi = g->dkpis[g->dsel];
        g->focus_detail = true;
    }
    return FP_R_REDRAW;
}

void fp_grid_build_detail(fp_grid *g, fp_ui *ui)
{
    build_detail(g, ui);
}
