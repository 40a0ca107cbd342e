/* A person's scorecard: the role's KPIs with weight, actual, target,
 * attainment, contribution to the score and a 12-week trend; where the
 * person works; notes and action items (with the meeting features). */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "tui/cols.h"
#include "tui/format.h"
#include "tui/grid.h"
#include "tui/listmove.h"
#include "model/i18n.h"

#define SCORE_CAP 1.2 /* one KPI cannot buy the whole score */

typedef struct {
    int node, person;
    long long person_db;
    int sel, scroll, page;
    int list_y, list_h;
} person_view;

enum { PC_CURSOR, PC_LABEL, PC_WEIGHT, PC_ACTUAL, PC_TARGET, PC_ATT, PC_ST,
       PC_POINTS, PC_TREND, PC_COUNT };

static const fp_weighted_kpi *card_of(fp_ui *ui, const person_view *pv,
                                      int *n)
{
    const char *role = fp_ui_tree(ui)->people[pv->person].role;
    return fp_catalogue_card(fp_ui_cat(ui), FP_LVL_PERSON, role, n);
}

static int row_of(fp_ui *ui, const person_view *pv)
{
    return fp_ui_tree(ui)->nnodes + pv->person;
}

/* The card's KPI ids in order (caller frees), *n of them. */
static int *card_kpis(fp_ui *ui, const person_view *pv, int *n)
{
    const fp_weighted_kpi *card = card_of(ui, pv, n);
    int *kpis = malloc((size_t)*n * sizeof *kpis + 1);
    for (int i = 0; kpis && i < *n; i++)
        kpis[i] = card[i].kpi;
    if (!kpis)
        *n = 0;
    return kpis;
}

/* Puts the cursor on kpi when the card has it. */
static void select_kpi(fp_ui *ui, person_view *pv, int kpi)
{
    int n;
    const fp_weighted_kpi *card = card_of(ui, pv, &n);
    for (int i = 0; i < n; i++)
        if (card[i].kpi == kpi)
            pv->sel = i;
}

/* A scorecard opens on the person's worst red KPI. */
static void *person_open(fp_ui *ui, const fp_view_arg *arg)
{
    person_view *pv = calloc(1, sizeof *pv);
    if (!pv)
        return NULL;
    pv->node = arg->node;
    pv->person = arg->person;
    pv->person_db = fp_ui_tree(ui)->people[arg->person].db_id;
    int n, *kpis = card_kpis(ui, pv, &n);
    select_kpi(ui, pv, fp_nav_worst_red(ui, row_of(ui, pv), kpis, n));
    free(kpis);
    return pv;
}

static void layout(int width, fp_col *c)
{
    c[PC_CURSOR] = (fp_col){ .w = 1 };
    c[PC_LABEL] = (fp_col){ .w = 12, .maxw = 22 };
    c[PC_WEIGHT] = (fp_col){ .w = 6, .gap = 1, .prio = 2 };
    c[PC_ACTUAL] = (fp_col){ .w = 12, .maxw = 17, .gap = 1 };
    c[PC_TARGET] = (fp_col){ .w = 12, .maxw = 14, .gap = 1, .prio = 1 };
    c[PC_ATT] = (fp_col){ .w = 4, .gap = 1 };
    c[PC_ST] = (fp_col){ .w = 1, .gap = 1 };
    c[PC_POINTS] = (fp_col){ .w = 6, .gap = 1, .prio = 3 };
    c[PC_TREND] = (fp_col){ .w = FP_TREND_WEEKS, .gap = 1, .prio = 4 };
    fp_cols_layout(c, PC_COUNT, 0, width);
}

static void draw_header(fp_ui *ui, const fp_col *c, int y)
{
    int a = ui->attr[FP_C_COLHEAD];
    fp_draw(ui, y, c[PC_LABEL].x, c[PC_LABEL].width, _("KPI"), a);
    if (c[PC_WEIGHT].x >= 0)
        fp_draw_right(ui, y, c[PC_WEIGHT].x, c[PC_WEIGHT].width, _("Weight"), a);
    fp_draw_right(ui, y, c[PC_ACTUAL].x, c[PC_ACTUAL].width, _("Actual"), a);
    if (c[PC_TARGET].x >= 0)
        fp_draw_right(ui, y, c[PC_TARGET].x, c[PC_TARGET].width, _("Target"), a);
    fp_draw_right(ui, y, c[PC_ATT].x, c[PC_ATT].width, _("Att"), a);
    if (c[PC_POINTS].x >= 0)
        fp_draw_right(ui, y, c[PC_POINTS].x, c[PC_POINTS].width, _("Points"), a);
    if (c[PC_TREND].x >= 0)
        fp_draw(ui, y, c[PC_TREND].x, c[PC_TREND].width, _("12 weeks"), a);
}

/* Sum of the weights of KPIs that have an attainment (the score's base). */
static double scored_weight(const fp_rollup *r, int row,
                            const fp_weighted_kpi *card, int n)
{
    double w = 0;
    for (int i = 0; i < n; i++)
        if (!isnan(fp_rollup_cell(r, row, card[i].kpi)->attainment))
            w += card[i].weight;
    return w;
}

static void draw_kpi_trend(fp_ui *ui, const fp_col *c, int y, int row,
                           int kpi, int attr)
{
    double v[FP_TREND_WEEKS];
    char spark[FP_TREND_WEEKS * 4 + 1];
    if (c[PC_TREND].x < 0
        || !fp_ui_trend(ui, row, kpi, v))
        return;
    fp_sparkline(ui, v, FP_TREND_WEEKS, spark, sizeof spark);
    fp_draw(ui, y, c[PC_TREND].x, c[PC_TREND].width, spark, attr);
}

static void draw_kpi_row(fp_ui *ui, const fp_col *c, int y, const fp_rollup *r,
                         int row, const fp_weighted_kpi *wk, double wsum,
                         bool sel)
{
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[wk->kpi];
    const fp_cell *cell = fp_rollup_cell(r, row, wk->kpi);
    char buf[160];
    int na = fp_attr(ui, FP_C_NORMAL, sel);
    fp_color sc = fp_status_color(cell->status);
    fp_draw_fill(ui, y, 0, COLS, na);
    if (sel)
        fp_draw(ui, y, 0, 1, ui->gl->cursor, na);
    fp_kpi_label_fit(ui, wk->kpi, c[PC_LABEL].width, buf, sizeof buf);
    fp_draw(ui, y, c[PC_LABEL].x, c[PC_LABEL].width, buf, na);
    snprintf(buf, sizeof buf, "%.2g", wk->weight);
    if (c[PC_WEIGHT].x >= 0)
        fp_draw_right(ui, y, c[PC_WEIGHT].x, c[PC_WEIGHT].width, buf, na);
    fp_ui_fmt_value(ui, row, wk->kpi, cell->value, buf, sizeof buf); /* $ */
    fp_draw_right(ui, y, c[PC_ACTUAL].x, c[PC_ACTUAL].width,
                  cell->flags & FP_CF_NO_RATE ? _("no rate") : buf, na);
    fp_format_value(k, fp_ui_value(ui, row, wk->kpi, cell->target, NULL),
                    buf, sizeof buf);
    if (c[PC_TARGET].x >= 0)
        fp_draw_right(ui, y, c[PC_TARGET].x, c[PC_TARGET].width, buf, na);
    fp_format_attainment(cell->attainment, buf, sizeof buf);
    fp_draw_right(ui, y, c[PC_ATT].x, c[PC_ATT].width, buf, fp_attr(ui, sc, sel));
    fp_draw(ui, y, c[PC_ST].x, 1, ui->gl->status[cell->status & 3],
            fp_attr(ui, sc, sel));
    double att = cell->attainment;
    if (!isnan(att) && wsum > 0)
        snprintf(buf, sizeof buf, "%.1f",
                 wk->weight * fmin(att, SCORE_CAP) / wsum * 100.0);
    else
        snprintf(buf, sizeof buf, "%s", FP_DASH);
    if (c[PC_POINTS].x >= 0)
        fp_draw_right(ui, y, c[PC_POINTS].x, c[PC_POINTS].width, buf, na);
    draw_kpi_trend(ui, c, y, row, wk->kpi, na);
}

static void draw_title(fp_ui *ui, const person_view *pv, const fp_rollup *r,
                       int y, int w)
{
    const fp_person *p = &fp_ui_tree(ui)->people[pv->person];
    const fp_catalogue *cat = fp_ui_cat(ui);
    int ri = p->role ? fp_catalogue_role(cat, p->role) : -1;
    const char *role = ri < 0 ? _("no role")
        : fp_ui_label(ui, cat->roles[ri].label, cat->roles[ri].label_zh);
    char title[512], score[32];
    fp_format_attainment(r->score[row_of(ui, pv)], score, sizeof score);
    snprintf(title, sizeof title, _("%s %s %s %s score %s %s %s"), p->name,
             ui->gl->dot, ri >= 0 && p->pilot ? fp_ui_pilot_label(ui, role)
                                              : role,
             ui->gl->dot, score, ui->gl->dot,
             ui->reporting ? fp_ui_reporting_currency(ui)
                           : fp_rollup_currency(r, row_of(ui, pv)));
    fp_draw_rule(ui, y, 0, w, title, ui->attr[FP_C_TITLE]);
}

/* Returns the next free line. */
static int draw_kpis(fp_ui *ui, person_view *pv, const fp_rollup *r,
                     fp_rect a, int rows)
{
    fp_col c[PC_COUNT];
    int n;
    const fp_weighted_kpi *card = card_of(ui, pv, &n);
    int row = row_of(ui, pv);
    double wsum = scored_weight(r, row, card, n);
    layout(a.w, c);
    draw_header(ui, c, a.y);
    pv->list_y = a.y + 1;
    pv->list_h = rows;
    pv->page = rows > 0 ? rows : 1;
    fp_list_scroll_to(pv->sel, n, rows, &pv->scroll);
    int y = pv->list_y;
    for (int i = pv->scroll; i < n && y < pv->list_y + rows; i++, y++)
        draw_kpi_row(ui, c, y, r, row, &card[i], wsum, i == pv->sel);
    if (n == 0)
        fp_draw(ui, y++, 2, a.w - 2, _("No scorecard: this person has no "
                "role with KPIs in the catalogue."), ui->attr[FP_C_DIM]);
    return y;
}

/* Where the person works: path and score of each of their nodes. */
static int draw_places(fp_ui *ui, person_view *pv, const fp_rollup *r,
                       int y, int end, int w)
{
    const fp_tree *t = fp_ui_tree(ui);
    char line[512], score[32];
    if (y >= end)
        return y;
    fp_draw_rule(ui, y++, 0, w, _("Works in"), ui->attr[FP_C_DIM]);
    for (int i = 0; i < t->nnodes && y < end; i++) {
        if (t->nodes[i].person != pv->person)
            continue;
        int cat = t->nodes[i].parent, store = cat >= 0 ? t->nodes[cat].parent : -1;
        fp_format_attainment(r->score[i], score, sizeof score);
        snprintf(line, sizeof line, "%s%s%s  %s %s", store > 0
                 ? t->nodes[store].name : "", store > 0 ? ui->gl->crumb_sep : "",
                 cat >= 0 ? t->nodes[cat].name : "", _("score"), score);
        fp_draw(ui, y++, 2, w - 2, line, ui->attr[FP_C_NORMAL]);
    }
    return y;
}

/* This week's notes on the person's nodes, then their open items. */
static int draw_note_lines(fp_ui *ui, person_view *pv, int y, int end, int w)
{
    const fp_annot *a = fp_annot_get(ui);
    char line[2048];
    for (size_t i = 0; i < a->notes.n && y < end; i++) {
        const fp_note *n = &a->notes.items[i];
        if (!fp_annot_row_has(ui, row_of(ui, pv), n->node_id))
            continue;
        char kl[160];
        fp_kpi_label_of(ui, n->kpi, kl, sizeof kl);
        snprintf(line, sizeof line, "[%s] %s%s%s %s %s",
                 fp_meet_cause_label(ui, n->cause), kl, *kl ? ": " : "", n->text,
                 ui->gl->range, n->author);
        fp_draw(ui, y++, 2, w - 2, line, ui->attr[FP_C_NORMAL]);
    }
    const char *code = fp_ui_tree(ui)->people[pv->person].code;
    for (size_t i = 0; i < a->actions.n && y < end; i++) {
        const fp_action_item *it = &a->actions.items[i];
        char due[FP_WEEK_STR];
        if (!it->owner || strcmp(it->owner, code) != 0)
            continue;
        fp_week_format(it->due, due);
        snprintf(line, sizeof line, _("[open] %s (due %s)"), it->text, due);
        fp_draw(ui, y++, 2, w - 2, line, ui->attr[FP_C_NORMAL]);
    }
    return y;
}

static void draw_notes(fp_ui *ui, person_view *pv, int y, int end, int w)
{
    if (y + 1 >= end)
        return;
    fp_draw_rule(ui, y++, 0, w, _("Notes this week and open action items"),
                 ui->attr[FP_C_DIM]);
    if (draw_note_lines(ui, pv, y, end, w) == y)
        fp_draw(ui, y, 2, w - 2, _("None."), ui->attr[FP_C_DIM]);
}

static void person_draw(fp_view *v, fp_ui *ui, fp_rect a)
{
    person_view *pv = v->priv;
    const fp_rollup *r = fp_ui_rollup(ui);
    int n;
    card_of(ui, pv, &n);
    if (!r || a.h < 3)
        return;
    draw_title(ui, pv, r, a.y, a.w);
    int end = a.y + a.h;
    int rows = n < a.h - 2 ? n : a.h - 2;
    int y = draw_kpis(ui, pv, r, (fp_rect){ a.y + 1, 0, a.h - 1, a.w }, rows);
    y = draw_places(ui, pv, r, y, end - 2, a.w);
    draw_notes(ui, pv, y, end, a.w);
}

static int person_move(person_view *pv, fp_ui *ui, fp_action act)
{
    int n;
    card_of(ui, pv, &n);
    return fp_list_move(&pv->sel, n, pv->page, act) ? FP_R_REDRAW
                                                    : FP_R_UNHANDLED;
}

/* n/N inside a scorecard walk this person's reds. */
static int person_red(person_view *pv, fp_ui *ui, int dir)
{
    int n, *kpis = card_kpis(ui, pv, &n);
    int cur = pv->sel < n ? kpis[pv->sel] : -1;
    select_kpi(ui, pv, fp_nav_red_card(ui, row_of(ui, pv), kpis, n, cur, dir));
    free(kpis);
    return FP_R_REDRAW;
}

static int person_request(fp_view *v, fp_ui *ui, fp_action act)
{
    person_view *pv = v->priv;
    if (act == FP_ACT_NEXT_RED || act == FP_ACT_PREV_RED)
        return person_red(pv, ui, act == FP_ACT_NEXT_RED ? 1 : -1);
    if (act == FP_ACT_BACK) {
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    }
    if (act == FP_ACT_DRILL_DOWN) {
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("A scorecard is the bottom: "
                  "Back returns to the list"));
        return FP_R_REDRAW;
    }
    return person_move(pv, ui, act);
}

static int person_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    person_view *pv = v->priv;
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN)
        return person_move(pv, ui, ev->mouse == FP_MOUSE_WHEEL_UP
                                   ? FP_ACT_MOVE_UP : FP_ACT_MOVE_DOWN);
    int n;
    card_of(ui, pv, &n);
    int i = fp_list_row_at(ev->y, pv->list_y, pv->list_h, pv->scroll, n);
    if (i >= 0)
        pv->sel = i;
    return FP_R_REDRAW;
}

static void person_reload(fp_view *v, fp_ui *ui)
{
    person_view *pv = v->priv;
    const fp_tree *t = fp_ui_tree(ui);
    pv->node = v->node;
    for (int p = 0; p < t->npeople; p++)
        if (t->people[p].db_id == pv->person_db)
            pv->person = p;
    if (pv->person >= t->npeople)
        pv->person = 0;
}

static void person_cursor(fp_view *v, fp_ui *ui, int *node, int *kpi)
{
    person_view *pv = v->priv;
    int n;
    const fp_weighted_kpi *card = card_of(ui, pv, &n);
    *kpi = pv->sel < n ? card[pv->sel].kpi : -1;
    *node = fp_ui_tree(ui)->nodes[pv->node].person == pv->person
            ? pv->node : fp_ui_person_node(ui, pv->person, pv->node, *kpi);
}

static const char *person_crumb(fp_view *v, fp_ui *ui)
{
    person_view *pv = v->priv;
    const fp_tree *t = fp_ui_tree(ui);
    /* a person node already ends the path with the name */
    return t->nodes[pv->node].person == pv->person ? NULL
                                                   : t->people[pv->person].name;
}

static void person_done(void *priv)
{
    free(priv);
}

static const fp_action person_bar[] = {
    FP_ACT_BACK, FP_ACT_PREV_WEEK, FP_ACT_NEXT_WEEK, FP_ACT_NEXT_RED,
    FP_ACT_SEARCH, FP_ACT_ANNOTATE, FP_ACT_OVERRIDE, FP_ACT_NEW_ACTION,
    FP_ACT_NONE
};

const fp_view_ops fp_view_person_ops = {
    .name = "person",
    .ctx = FP_CTX_PERSON,
    .open = person_open,
    .draw = person_draw,
    .request = person_request,
    .mouse = person_mouse,
    .reload = person_reload,
    .cursor = person_cursor,
    .crumb = person_crumb,
    .bar = person_bar,
    .done = person_done,
};
