/* Drawing the row table and the detail panel of a grid. */
#include <ctype.h>
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "model/text.h"
#include "tui/cols.h"
#include "tui/format.h"
#include "tui/grid.h"
#include "tui/listmove.h"
#include "model/i18n.h"

#define MAX_KPI_COLS 4
#define MAX_GLYPHS 8

enum { TC_CURSOR, TC_NAME, TC_ROLE, TC_SCORE, TC_GLYPHS, TC_KPI0,
       TC_WOW = TC_KPI0 + MAX_KPI_COLS, TC_SPARK, TC_COUNT };

typedef struct {
    fp_col c[TC_COUNT];
    int nkpi;       /* key KPIs shown as columns */
    int nglyph;     /* status glyphs per row */
    bool mixed;     /* rows have different cards: label each cell */
    const fp_weighted_kpi *card; /* the first row's card */
    int ncard;
} table_layout;

/* One row being drawn. */
typedef struct {
    fp_ui *ui;
    const fp_rollup *r, *prev;
    int y;
    bool sel;       /* the cursor row */
    bool focus;     /* the cursor row of the focused part */
} row_ctx;

static int cattr(const row_ctx *rc, fp_color c)
{
    int a = fp_attr(rc->ui, c, rc->focus);
    return rc->sel && !rc->focus ? a | (int)A_BOLD : a;
}

/* ---- table layout ------------------------------------------------------ */

static void scan_cards(fp_grid *g, fp_ui *ui, table_layout *L, bool *people)
{
    L->ncard = 0;
    L->card = g->nrows ? fp_grid_card(ui, &g->rows[0], &L->ncard) : NULL;
    L->mixed = false;
    *people = g->people;
    int most = L->ncard;
    for (int i = 0; i < g->nrows; i++) {
        int n;
        const fp_weighted_kpi *c = fp_grid_card(ui, &g->rows[i], &n);
        L->mixed |= c != L->card;
        most = n > most ? n : most;
        *people |= g->rows[i].person >= 0
                   || fp_ui_tree(ui)->nodes[g->rows[i].node].person >= 0;
    }
    L->nglyph = most < MAX_GLYPHS ? most : MAX_GLYPHS;
    L->nkpi = most < MAX_KPI_COLS ? most : MAX_KPI_COLS;
}

static void layout_table(fp_grid *g, fp_ui *ui, int width, table_layout *L)
{
    bool people;
    scan_cards(g, ui, L, &people);
    fp_col *c = L->c;
    memset(c, 0, sizeof L->c);
    c[TC_CURSOR] = (fp_col){ .w = 1 };
    int name_w = people ? width / 6 : width / 4 - 4;
    name_w = name_w < 10 ? 10 : name_w > (people ? 16 : 22)
             ? (people ? 16 : 22) : name_w;
    c[TC_NAME] = (fp_col){ .w = name_w, .maxw = 30 };
    c[TC_ROLE] = (fp_col){ .w = 9, .gap = 1, .prio = people ? 1 : 99 };
    c[TC_SCORE] = (fp_col){ .w = 5, .gap = 1 };
    c[TC_GLYPHS] = (fp_col){ .w = L->nglyph > 2 ? L->nglyph : 2, .gap = 1 };
    int kw = L->mixed ? 22 : 15; /* room for "PHP 251k" */
    static const int kpi_prio[MAX_KPI_COLS] = { 2, 5, 6, 7 };
    for (int i = 0; i < MAX_KPI_COLS; i++)
        c[TC_KPI0 + i] = (fp_col){ .w = kw, .gap = 1,
                                   .prio = i < L->nkpi ? kpi_prio[i] : 99 };
    c[TC_WOW] = (fp_col){ .w = 3, .gap = 1, .prio = L->nkpi ? 3 : 99 };
    c[TC_SPARK] = (fp_col){ .w = FP_TREND_WEEKS, .gap = 1,
                            .prio = L->nkpi ? 4 : 99 };
    for (int i = 0; i < TC_COUNT; i++)
        if (c[i].prio == 99)
            c[i].prio = 100 + i, c[i].w = width + 1; /* never fits */
    fp_cols_layout(c, TC_COUNT, 0, width);
}

static bool shown(const table_layout *L, int col)
{
    return L->c[col].x >= 0;
}

/* ---- table ------------------------------------------------------------- */

/* A label in w columns: "GMV" (Chinese: "成交金额"), else the id in
 * capitals ("CVR"), else the label cut ("Return…"). */
static void short_label(const char *label, const fp_kpi *k, int w, char *out,
                        size_t outsz)
{
    if (fp_text_width(label) <= w || strlen(k->id) > (size_t)w) {
        fp_text_fit(label, w, false, out, outsz);
        return;
    }
    size_t i = 0;
    for (; k->id[i] && i + 1 < outsz; i++)
        out[i] = (char)toupper((unsigned char)k->id[i]);
    out[i] = '\0';
}

static void draw_table_header(fp_ui *ui, const table_layout *L, int y, int x0)
{
    int a = ui->attr[FP_C_COLHEAD];
    const fp_catalogue *cat = fp_ui_cat(ui);
    const fp_col *c = L->c;
    fp_draw_fill(ui, y, x0, COLS - x0, ui->attr[FP_C_NORMAL]);
    fp_draw(ui, y, x0 + c[TC_NAME].x, c[TC_NAME].width, _("Name"), a);
    if (shown(L, TC_ROLE))
        fp_draw(ui, y, x0 + c[TC_ROLE].x, c[TC_ROLE].width, _("Role"), a);
    fp_draw_right(ui, y, x0 + c[TC_SCORE].x, c[TC_SCORE].width, _("Score"), a);
    fp_draw(ui, y, x0 + c[TC_GLYPHS].x, c[TC_GLYPHS].width, _("St"), a);
    for (int i = 0; i < L->nkpi; i++) {
        if (!shown(L, TC_KPI0 + i))
            continue;
        const fp_col *k = &c[TC_KPI0 + i];
        char shortl[64] = "";
        if (!L->mixed && i < L->ncard)
            short_label(fp_kpi_label_first(ui, L->card[i].kpi),
                        &cat->kpis[L->card[i].kpi], k->width, shortl,
                        sizeof shortl);
        const char *label = L->mixed ? (i == 0 ? _("Key KPIs") : "") : shortl;
        if (L->mixed)
            fp_draw(ui, y, x0 + k->x, k->width, label, a);
        else
            fp_draw_right(ui, y, x0 + k->x, k->width, label, a);
    }
    if (shown(L, TC_WOW))
        fp_draw(ui, y, x0 + c[TC_WOW].x, c[TC_WOW].width, _("WoW"), a);
    if (shown(L, TC_SPARK))
        fp_draw(ui, y, x0 + c[TC_SPARK].x, c[TC_SPARK].width, _("12 weeks"), a);
}

static void draw_glyphs(const row_ctx *rc, const fp_grid_row *row,
                        const table_layout *L, int x, int w)
{
    int n;
    const fp_weighted_kpi *card = fp_grid_card(rc->ui, row, &n);
    for (int i = 0; i < n && i < L->nglyph && i < w; i++) {
        int st = fp_rollup_cell(rc->r, row->row, card[i].kpi)->status;
        fp_draw(rc->ui, rc->y, x + i, 1, rc->ui->gl->status[st & 3],
                cattr(rc, fp_status_color(st)));
    }
}

/* A short value with the currency of its own figures in front when it
 * is money ("PHP 251k"; "USD 4,261" with $ on), "no rate" when it cannot
 * be converted. */
/* The cell's short value in cols columns: "PHP 25.1万", else with two
 * significant digits "PHP 25万", else the number alone. */
static void short_value(fp_ui *ui, int row, int kpi, const fp_cell *cell,
                        int cols, char *out, size_t outsz)
{
    const char *cur;
    double v = fp_ui_value(ui, row, kpi, cell->value, &cur);
    char num[64];
    if ((cell->flags & FP_CF_NO_RATE) || (isnan(v) && !isnan(cell->value))) {
        snprintf(out, outsz, "%s", _("no rate"));
        return;
    }
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[kpi];
    fp_fmt_kpi_short(k, v, num, sizeof num);
    if (!*cur || isnan(v)) {
        snprintf(out, outsz, "%s", num);
        return;
    }
    int room = cols - fp_text_width(cur) - 1;
    if (fp_text_width(num) > room)
        fp_fmt_kpi_short_sig(k, v, 2, num, sizeof num);
    if (fp_text_width(num) > room)
        fp_fmt_kpi_short(k, v, num, sizeof num);
    if (fp_text_width(num) <= room)
        snprintf(out, outsz, "%s %s", cur, num);
    else
        snprintf(out, outsz, "%s", num);
}

const char *fp_cell_mark(const fp_ui *ui, const fp_cell *cell)
{
    if (cell->flags & FP_CF_OVERRIDDEN)
        return ui->gl->overridden;
    if (cell->flags & FP_CF_PROVISIONAL)
        return ui->gl->provisional;
    return "";
}

static void draw_kpi_cell(const row_ctx *rc, const fp_grid_row *row,
                          const table_layout *L, int slot, const fp_col *c)
{
    int n;
    const fp_weighted_kpi *card = fp_grid_card(rc->ui, row, &n);
    if (slot >= n)
        return;
    const fp_kpi *k = &fp_ui_cat(rc->ui)->kpis[card[slot].kpi];
    const fp_cell *cell = fp_rollup_cell(rc->r, row->row, card[slot].kpi);
    char val[80], att[32];
    int lw = L->mixed ? 8 : 0, aw = 4;
    int vw = c->width - lw - aw - 1;
    short_value(rc->ui, row->row, card[slot].kpi, cell, vw, val, sizeof val);
    fp_format_attainment(cell->attainment, att, sizeof att);
    if (L->mixed) {
        char shortl[64];
        short_label(fp_kpi_label_first(rc->ui, card[slot].kpi), k, lw - 1,
                    shortl, sizeof shortl);
        fp_draw(rc->ui, rc->y, c->x, lw, shortl, cattr(rc, FP_C_DIM));
    }
    fp_draw_right(rc->ui, rc->y, c->x + lw, vw, val, cattr(rc, FP_C_NORMAL));
    const char *mark = fp_cell_mark(rc->ui, cell);
    if (*mark) /* the original and the maturity are in the detail */
        fp_draw(rc->ui, rc->y, c->x + lw + vw, 1, mark, cattr(rc, FP_C_MARK));
    fp_draw_right(rc->ui, rc->y, c->x + lw + vw + 1, aw, att,
                  cattr(rc, fp_status_color(cell->status)));
}

/* WoW arrow and sparkline of the row's first key KPI. */
static void draw_trend(const row_ctx *rc, const fp_grid_row *row,
                       const table_layout *L)
{
    int n;
    const fp_weighted_kpi *card = fp_grid_card(rc->ui, row, &n);
    if (n == 0)
        return;
    int kpi = card[0].kpi;
    const fp_kpi *k = &fp_ui_cat(rc->ui)->kpis[kpi];
    if (shown(L, TC_WOW)) {
        double now = fp_rollup_cell(rc->r, row->row, kpi)->value;
        double was = rc->prev && row->row < rc->prev->nrows
                     ? fp_rollup_cell(rc->prev, row->row, kpi)->value : NAN;
        int d = fp_change_dir(now, was);
        const fp_glyphs *gl = rc->ui->gl;
        const char *g = d == 1 ? gl->up : d == -1 ? gl->down
                      : d == 0 ? gl->flat : " ";
        bool good = (d == 1) == (k->dir != FP_DIR_LOWER);
        fp_color col = d == 0 || d == 2 || k->dir == FP_DIR_NONE ? FP_C_NORMAL
                       : good ? FP_C_GREEN : FP_C_RED;
        fp_draw(rc->ui, rc->y, L->c[TC_WOW].x + 1, 1, g, cattr(rc, col));
    }
    if (shown(L, TC_SPARK)) {
        double v[FP_TREND_WEEKS];
        char spark[FP_TREND_WEEKS * 4 + 1];
        if (!fp_ui_trend(rc->ui, row->row, kpi, v))
            return;
        fp_sparkline(rc->ui, v, FP_TREND_WEEKS, spark, sizeof spark);
        fp_draw(rc->ui, rc->y, L->c[TC_SPARK].x, L->c[TC_SPARK].width, spark,
                cattr(rc, FP_C_NORMAL));
    }
}

static const char *role_label(fp_ui *ui, const fp_grid_row *row)
{
    const fp_tree *t = fp_ui_tree(ui);
    int p = row->person >= 0 ? row->person
          : row->node >= 0 ? t->nodes[row->node].person : -1;
    if (p < 0)
        return "";
    const char *role = t->people[p].role;
    int ri = role ? fp_catalogue_role(fp_ui_cat(ui), role) : -1;
    const fp_role *r = ri >= 0 ? &fp_ui_cat(ui)->roles[ri] : NULL;
    const char *label = r ? fp_ui_label(ui, r->label, r->label_zh)
                          : role ? role : "";
    return t->people[p].pilot ? fp_ui_pilot_label(ui, label) : label;
}

static void draw_table_row(const row_ctx *rc, const fp_grid_row *row,
                           const table_layout *L)
{
    const fp_col *c = L->c;
    char score[32];
    fp_draw_fill(rc->ui, rc->y, 0, COLS, cattr(rc, FP_C_NORMAL));
    if (rc->sel)
        fp_draw(rc->ui, rc->y, c[TC_CURSOR].x, 1, rc->ui->gl->cursor,
                cattr(rc, FP_C_NORMAL));
    fp_draw(rc->ui, rc->y, c[TC_NAME].x, c[TC_NAME].width,
            fp_grid_name(rc->ui, row), cattr(rc, FP_C_NORMAL));
    if (shown(L, TC_ROLE))
        fp_draw(rc->ui, rc->y, c[TC_ROLE].x, c[TC_ROLE].width,
                role_label(rc->ui, row), cattr(rc, FP_C_DIM));
    fp_format_attainment(rc->r->score[row->row], score, sizeof score);
    fp_draw_right(rc->ui, rc->y, c[TC_SCORE].x, c[TC_SCORE].width, score,
                  cattr(rc, FP_C_NORMAL));
    draw_glyphs(rc, row, L, c[TC_GLYPHS].x, c[TC_GLYPHS].width);
    for (int i = 0; i < L->nkpi; i++)
        if (shown(L, TC_KPI0 + i))
            draw_kpi_cell(rc, row, L, i, &c[TC_KPI0 + i]);
    draw_trend(rc, row, L);
}

static void draw_empty(fp_grid *g, fp_ui *ui, int y, int w)
{
    const char *why = g->filter_red && g->nall > 0
        ? _("No red or amber rows here (f shows all).")
        : g->role >= 0 ? _("Nobody with this role here.")
        : _("Nothing below this node for this week.");
    fp_draw(ui, y, 2, w - 2, why, ui->attr[FP_C_DIM]);
}

static void draw_table(fp_grid *g, fp_ui *ui, const fp_rollup *r,
                       fp_rect a)
{
    table_layout L;
    layout_table(g, ui, a.w, &L);
    draw_table_header(ui, &L, a.y, a.x);
    g->table_y = a.y + 1;
    g->table_h = a.h - 1;
    g->page = g->table_h > 0 ? g->table_h : 1;
    if (g->nrows == 0) {
        draw_empty(g, ui, a.y + 1, a.w);
        return;
    }
    fp_list_scroll_to(g->sel, g->nrows, g->table_h, &g->scroll);
    row_ctx rc = { .ui = ui, .r = r, .prev = fp_ui_prev_rollup(ui) };
    for (int i = 0; i < g->table_h && g->scroll + i < g->nrows; i++) {
        rc.y = a.y + 1 + i;
        rc.sel = g->scroll + i == g->sel;
        rc.focus = rc.sel && !g->focus_detail;
        draw_table_row(&rc, &g->rows[g->scroll + i], &L);
    }
}

/* ---- detail panel ------------------------------------------------------ */

enum { DC_CURSOR, DC_LABEL, DC_ACTUAL, DC_TARGET, DC_ATT, DC_ST, DC_WOW,
       DC_TREND, DC_MARKS, DC_COUNT };

static void layout_detail(int width, fp_col *c)
{
    c[DC_CURSOR] = (fp_col){ .w = 1 };
    c[DC_LABEL] = (fp_col){ .w = 12, .maxw = 24 };
    c[DC_ACTUAL] = (fp_col){ .w = 13, .maxw = 17, .gap = 1 };
    c[DC_TARGET] = (fp_col){ .w = 12, .maxw = 14, .gap = 1, .prio = 1 };
    c[DC_ATT] = (fp_col){ .w = 4, .gap = 1 };
    c[DC_ST] = (fp_col){ .w = 1, .gap = 1 };
    c[DC_WOW] = (fp_col){ .w = 8, .gap = 1, .prio = 2 };
    c[DC_TREND] = (fp_col){ .w = FP_TREND_WEEKS, .gap = 1, .prio = 4 };
    c[DC_MARKS] = (fp_col){ .w = 10, .maxw = 60, .gap = 1, .prio = 3 };
    fp_cols_layout(c, DC_COUNT, 0, width);
}

/* A value of kpi at row as shown, without currency ("298,000"). */
static void plain_value(fp_ui *ui, int row, int kpi, double v, char *out,
                        size_t outsz)
{
    fp_format_value(&fp_ui_cat(ui)->kpis[kpi], fp_ui_value(ui, row, kpi, v,
                    NULL), out, outsz);
}

/* Override, source change, provisional, overlap: in words. */
static void cell_marks(fp_ui *ui, int row, int kpi, const fp_cell *c,
                       bool brief, char *out, size_t outsz)
{
    char a[64], b[64];
    size_t o = 0;
    int notes = fp_annot_count(ui, row, kpi);
    out[0] = '\0';
    o += fp_ui_alert_marks(ui, row, kpi, c, out, outsz);
    if ((c->flags & FP_CF_OVERRIDDEN) && o < outsz) {
        plain_value(ui, row, kpi, c->source, a, sizeof a);
        o += (size_t)snprintf(out + o, outsz - o, brief ? _("was %s; ")
                              : _("override, source %s; "), a);
    }
    if ((c->flags & FP_CF_STALE) && o < outsz)
        o += (size_t)snprintf(out + o, outsz - o, "%s; ", _("source changed"));
    if (notes > 0 && o < outsz)
        o += (size_t)snprintf(out + o, outsz - o,
                              P_("%d note; ", "%d notes; ", notes), notes);
    if ((c->flags & FP_CF_PROVISIONAL) && o < outsz)
        o += (size_t)snprintf(out + o, outsz - o, "%s; ", _("provisional"));
    if ((c->flags & FP_CF_OVERLAP) && o < outsz) {
        plain_value(ui, row, kpi, c->own, a, sizeof a);
        plain_value(ui, row, kpi, c->kids, b, sizeof b);
        o += (size_t)snprintf(out + o, outsz - o, _("own %s, children %s; "),
                              a, b);
    }
    if (o >= 2 && o < outsz)
        out[o - 2] = '\0'; /* the last "; " */
}

static void draw_detail_header(fp_ui *ui, const fp_col *c, int y)
{
    int a = ui->attr[FP_C_COLHEAD];
    fp_draw_fill(ui, y, 0, COLS, ui->attr[FP_C_NORMAL]);
    fp_draw(ui, y, c[DC_LABEL].x, c[DC_LABEL].width, _("KPI"), a);
    fp_draw_right(ui, y, c[DC_ACTUAL].x, c[DC_ACTUAL].width, _("Actual"), a);
    if (c[DC_TARGET].x >= 0)
        fp_draw_right(ui, y, c[DC_TARGET].x, c[DC_TARGET].width, _("Target"), a);
    fp_draw_right(ui, y, c[DC_ATT].x, c[DC_ATT].width, _("Att"), a);
    if (c[DC_WOW].x >= 0)
        fp_draw_right(ui, y, c[DC_WOW].x, c[DC_WOW].width, _("WoW"), a);
    if (c[DC_TREND].x >= 0)
        fp_draw(ui, y, c[DC_TREND].x, c[DC_TREND].width, _("12 weeks"), a);
    if (c[DC_MARKS].x >= 0)
        fp_draw(ui, y, c[DC_MARKS].x, c[DC_MARKS].width, _("Marks"), a);
}

static void draw_detail_values(const row_ctx *rc, const fp_col *c, int row,
                               int kpi)
{
    const fp_cell *cell = fp_rollup_cell(rc->r, row, kpi);
    char buf[160];
    int na = cattr(rc, FP_C_NORMAL);
    fp_ui_fmt_value(rc->ui, row, kpi, cell->value, buf, sizeof buf);
    fp_draw_right(rc->ui, rc->y, c[DC_ACTUAL].x, c[DC_ACTUAL].width,
                  cell->flags & FP_CF_NO_RATE ? _("no rate") : buf,
                  cattr(rc, cell->flags & FP_CF_OVERRIDDEN ? FP_C_MARK
                                                           : FP_C_NORMAL));
    if (c[DC_TARGET].x >= 0) {
        plain_value(rc->ui, row, kpi, cell->target, buf, sizeof buf);
        fp_draw_right(rc->ui, rc->y, c[DC_TARGET].x, c[DC_TARGET].width, buf,
                      na);
    }
    fp_format_attainment(cell->attainment, buf, sizeof buf);
    fp_color sc = fp_status_color(cell->status);
    fp_draw_right(rc->ui, rc->y, c[DC_ATT].x, c[DC_ATT].width, buf,
                  cattr(rc, sc));
    fp_draw(rc->ui, rc->y, c[DC_ST].x, 1, rc->ui->gl->status[cell->status & 3],
            cattr(rc, sc));
}

static void draw_detail_trend(const row_ctx *rc, const fp_col *c, int row,
                              int kpi)
{
    const fp_cell *cell = fp_rollup_cell(rc->r, row, kpi);
    char buf[200];
    if (c[DC_WOW].x >= 0) {
        double was = rc->prev && row < rc->prev->nrows
                     ? fp_rollup_cell(rc->prev, row, kpi)->value : NAN;
        fp_format_wow(cell->value, was, buf, sizeof buf);
        fp_draw_right(rc->ui, rc->y, c[DC_WOW].x, c[DC_WOW].width, buf,
                      cattr(rc, FP_C_NORMAL));
    }
    if (c[DC_TREND].x >= 0) {
        double v[FP_TREND_WEEKS];
        if (fp_ui_trend(rc->ui, row, kpi, v)) {
            fp_sparkline(rc->ui, v, FP_TREND_WEEKS, buf, sizeof buf);
            fp_draw(rc->ui, rc->y, c[DC_TREND].x, c[DC_TREND].width, buf,
                    cattr(rc, FP_C_NORMAL));
        }
    }
    if (c[DC_MARKS].x >= 0) {
        cell_marks(rc->ui, row, kpi, cell, true, buf, sizeof buf);
        fp_draw(rc->ui, rc->y, c[DC_MARKS].x, c[DC_MARKS].width, buf,
                cattr(rc, FP_C_MARK));
    }
}

static void draw_detail_row(const row_ctx *rc, const fp_col *c, int row,
                            int kpi)
{
    char label[160];
    fp_draw_fill(rc->ui, rc->y, 0, COLS, cattr(rc, FP_C_NORMAL));
    if (rc->sel)
        fp_draw(rc->ui, rc->y, 0, 1, rc->ui->gl->cursor, cattr(rc, FP_C_NORMAL));
    fp_kpi_label_fit(rc->ui, kpi, c[DC_LABEL].width, label, sizeof label);
    fp_draw(rc->ui, rc->y, c[DC_LABEL].x, c[DC_LABEL].width, label,
            cattr(rc, FP_C_NORMAL));
    draw_detail_values(rc, c, row, kpi);
    draw_detail_trend(rc, c, row, kpi);
}

static void draw_detail_title(fp_grid *g, fp_ui *ui, const fp_rollup *r,
                              const fp_grid_row *row, int y, int w)
{
    char title[512], score[32];
    fp_format_attainment(r->score[row->row], score, sizeof score);
    char notes[64] = "";
    int n = fp_annot_count(ui, row->row, -1);
    if (n > 0)
        snprintf(notes, sizeof notes, P_(" %s %d note", " %s %d notes", n),
                 ui->gl->dot, n);
    snprintf(title, sizeof title, _("%s %s score %s %s %s%s%s"),
             fp_grid_name(ui, row), ui->gl->dot, score, ui->gl->dot,
             ui->reporting ? fp_ui_reporting_currency(ui)
                           : fp_rollup_currency(r, row->row), notes,
             g->filter_red ? _(" · red and amber only") : "");
    fp_draw_rule(ui, y, 0, w, title,
                 ui->attr[g->focus_detail ? FP_C_TITLE : FP_C_DIM]);
}

static void draw_detail(fp_grid *g, fp_ui *ui, const fp_rollup *r, fp_rect a)
{
    const fp_grid_row *row = g->sel < g->nrows ? &g->rows[g->sel] : NULL;
    fp_col c[DC_COUNT];
    for (int i = 0; i < a.h; i++)
        fp_draw_fill(ui, a.y + i, 0, a.w, ui->attr[FP_C_NORMAL]);
    if (!row)
        return;
    draw_detail_title(g, ui, r, row, a.y, a.w);
    layout_detail(a.w, c);
    draw_detail_header(ui, c, a.y + 1);
    int notes_h = fp_notes_lines(ui, row->row, (a.h - 2) / 3);
    g->detail_y = a.y + 2;
    g->detail_h = a.h - 2 - notes_h;
    g->dpage = g->detail_h > 0 ? g->detail_h : 1;
    if (notes_h > 0)
        fp_notes_draw(ui, row->row, fp_grid_current_kpi(g, ui),
                      a.y + a.h - notes_h, notes_h, a.w);
    fp_list_scroll_to(g->dsel, g->ndkpis, g->detail_h, &g->dscroll);
    row_ctx rc = { .ui = ui, .r = r, .prev = fp_ui_prev_rollup(ui) };
    for (int i = 0; i < g->detail_h && g->dscroll + i < g->ndkpis; i++) {
        rc.y = g->detail_y + i;
        rc.sel = g->dscroll + i == g->dsel;
        rc.focus = rc.sel && g->focus_detail;
        draw_detail_row(&rc, c, row->row, g->dkpis[g->dscroll + i]);
    }
    if (g->ndkpis == 0 && g->detail_h > 0)
        fp_draw(ui, g->detail_y, 2, a.w - 2, _("No KPI has a value here."),
                ui->attr[FP_C_DIM]);
}

int fp_grid_detail_hint(fp_grid *g, fp_ui *ui, char *buf, size_t bufsz)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    const fp_grid_row *row = fp_grid_current(g, ui);
    int kpi = fp_grid_current_kpi(g, ui);
    if (!g->focus_detail || !r || !row || kpi < 0)
        return -1;
    const fp_cell *c = fp_rollup_cell(r, row->row, kpi);
    char label[160], val[64], marks[400];
    fp_kpi_label(ui, kpi, label, sizeof label);
    fp_ui_fmt_value(ui, row->row, kpi, c->value, val, sizeof val);
    cell_marks(ui, row->row, kpi, c, false, marks, sizeof marks);
    snprintf(buf, bufsz, "%s: %s %s %s", label, val, *marks ? ui->gl->dot : "",
             marks);
    return c->flags & FP_CF_STALE ? FP_MSG_WARN : FP_MSG_INFO;
}

/* ---- the whole grid ---------------------------------------------------- */

void fp_grid_draw(fp_grid *g, fp_ui *ui, fp_rect a)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    fp_grid_update(g, ui);
    fp_grid_build_detail(g, ui);
    g->detail_y = g->detail_h = 0;
    if (!r) {
        fp_draw(ui, a.y, 0, a.w, _("No data."), ui->attr[FP_C_DIM]);
        return;
    }
    int th = a.h;
    if (a.h >= 7) {
        int need = (g->nrows > 0 ? g->nrows : 1) + 1;
        int dmin = g->ndkpis + 2 < a.h * 45 / 100 ? g->ndkpis + 2
                                                  : a.h * 45 / 100;
        dmin = dmin < 3 ? 3 : dmin;
        th = need < a.h - dmin ? need : a.h - dmin;
        th = th < 3 ? 3 : th;
    }
    draw_table(g, ui, r, (fp_rect){ a.y, a.x, th, a.w });
    if (a.h - th > 0)
        draw_detail(g, ui, r, (fp_rect){ a.y + th, a.x, a.h - th, a.w });
}
