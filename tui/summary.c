/* The summary line under the header: where the week stands, for the
 * room. Company GMV in the reporting currency against its target, red
 * key KPIs, this week's notes, open and overdue action items, and the
 * meeting. Read through the rollup and the notes cache (annot.c). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "model/text.h"
#include "tui/format.h"
#include "tui/grid.h"
#include "tui/ui.h"

/* One part of the line: text in a colour, after a dot or (joined) a
 * blank. */
typedef struct { char text[160]; fp_color color; bool joined; } part;

typedef struct { part p[8]; int n; } parts;

static part *add(parts *ps, fp_color color)
{
    part *p = &ps->p[ps->n < 8 ? ps->n++ : 7];
    *p = (part){ .color = color };
    return p;
}

/* The KPI the company is judged by: GMV, else its card's first. */
static int headline_kpi(fp_ui *ui)
{
    const fp_catalogue *cat = fp_ui_cat(ui);
    int k = fp_catalogue_kpi(cat, "gmv"), n;
    const fp_weighted_kpi *card = fp_catalogue_card(cat, FP_LVL_COMPANY,
                                                    NULL, &n);
    return k >= 0 ? k : n > 0 ? card[0].kpi : -1;
}

static void add_headline(fp_ui *ui, const fp_rollup *r, parts *ps)
{
    int kpi = headline_kpi(ui);
    if (kpi < 0)
        return;
    const fp_kpi *k = &fp_ui_cat(ui)->kpis[kpi];
    const fp_cell *c = fp_rollup_cell(r, 0, kpi);
    const char *cur;
    double v = fp_ui_value(ui, 0, kpi, c->value, &cur);
    double t = fp_ui_value(ui, 0, kpi, c->target, NULL);
    char val[64], tgt[64];
    fp_fmt_kpi_short(k, v, val, sizeof val);
    fp_fmt_kpi_short(k, t, tgt, sizeof tgt);
    part *p = add(ps, FP_C_NORMAL);
    const char *label = fp_kpi_label_first(ui, kpi);
    if (c->flags & FP_CF_NO_RATE)
        snprintf(p->text, sizeof p->text, "%s %s", label, _("no rate"));
    else if (fp_has(c->target))
        snprintf(p->text, sizeof p->text, _("%s %s %s of %s"), label, cur,
                 val, tgt);
    else
        snprintf(p->text, sizeof p->text, _("%s %s %s, no target"),
                 label, cur, val);
    if (!fp_has(c->attainment))
        return;
    p = add(ps, fp_status_color(c->status));
    p->joined = true;
    fp_format_attainment(c->attainment, val, sizeof val);
    snprintf(p->text, sizeof p->text, "%s %s", val,
             ui->gl->status[c->status & 3]);
}

/* Red KPIs of every node's card (its key KPIs), the whole tree. */
static int count_red_key_kpis(fp_ui *ui, const fp_rollup *r)
{
    const fp_tree *t = fp_ui_tree(ui);
    int red = 0;
    for (int i = 0; i < t->nnodes; i++) {
        const fp_node *nd = &t->nodes[i];
        int n;
        const fp_weighted_kpi *card = fp_catalogue_card(fp_ui_cat(ui),
            nd->level, nd->person >= 0 ? t->people[nd->person].role : NULL,
            &n);
        for (int j = 0; j < n; j++)
            red += fp_rollup_cell(r, i, card[j].kpi)->status == FP_ST_RED;
    }
    return red;
}

static void add_counts(fp_ui *ui, const fp_rollup *r, parts *ps)
{
    const fp_annot *a = fp_annot_get(ui);
    int red = count_red_key_kpis(ui, r), notes = (int)a->notes.n;
    int open = (int)a->actions.n, overdue = 0;
    for (size_t i = 0; i < a->actions.n; i++) {
        fp_week due = a->actions.items[i].due;
        overdue += fp_week_valid(due) && due < ui->week;
    }
    part *p = add(ps, red > 0 ? FP_C_RED : FP_C_NORMAL);
    snprintf(p->text, sizeof p->text,
             P_("%d red key KPI", "%d red key KPIs", red), red);
    p = add(ps, FP_C_NORMAL);
    snprintf(p->text, sizeof p->text, P_("%d note", "%d notes", notes), notes);
    p = add(ps, FP_C_NORMAL);
    snprintf(p->text, sizeof p->text,
             P_("%d open item", "%d open items", open), open);
    if (overdue > 0) {
        p = add(ps, FP_C_WARN);
        p->joined = true;
        snprintf(p->text, sizeof p->text, _("(%d overdue)"), overdue);
    }
}

static void add_meeting(fp_ui *ui, parts *ps)
{
    const fp_annot *a = fp_annot_get(ui);
    char when[32];
    part *p = add(ps, FP_C_NORMAL);
    if (!a->has_meeting) {
        snprintf(p->text, sizeof p->text, "%s", _("no meeting yet"));
        return;
    }
    if (!a->meeting.ended_at) { /* the header's clock counts its minutes */
        p->color = FP_C_CLOCK;
        snprintf(p->text, sizeof p->text, "%s", _("meeting on"));
        return;
    }
    fp_meet_time(a->meeting.ended_at, when, sizeof when);
    snprintf(p->text, sizeof p->text, _("meeting ended %s"), when);
}

/* Draws text at x (cut at the screen's edge); returns the next x. */
static int draw_at(fp_ui *ui, int y, int x, const char *text, fp_color c)
{
    int w = fp_text_width(text);
    return x + fp_draw(ui, y, x, w < COLS - x ? w : COLS - x, text,
                       ui->attr[c]);
}

void fp_summary_draw(fp_ui *ui, int y)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    parts ps = { .n = 0 };
    fp_draw_fill(ui, y, 0, COLS, ui->attr[FP_C_NORMAL]);
    if (!r)
        return;
    add_headline(ui, r, &ps);
    add_counts(ui, r, &ps);
    add_meeting(ui, &ps);
    char dot[16];
    snprintf(dot, sizeof dot, " %s ", ui->gl->dot);
    int x = 0;
    for (int i = 0; i < ps.n && x < COLS; i++) {
        if (i > 0)
            x = draw_at(ui, y, x, ps.p[i].joined ? " " : dot, FP_C_NORMAL);
        x = draw_at(ui, y, x, ps.p[i].text, ps.p[i].color);
    }
}
