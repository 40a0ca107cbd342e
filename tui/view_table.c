/* The node table: the children of a node (company -> stores ->
 * categories -> people), with the detail panel of the highlighted row. */
#include <stdio.h>
#include <stdlib.h>

#include "tui/grid.h"
#include "model/i18n.h"

typedef struct {
    fp_grid grid;
    int node;
    long long sel_db;    /* database id of the selected row's node */
} table_view;

static void collect_children(fp_grid *g, fp_ui *ui, void *ctx)
{
    table_view *tv = ctx;
    const fp_tree *t = fp_ui_tree(ui);
    for (int c = t->nodes[tv->node].first_child; c >= 0;
         c = t->nodes[c].next_sibling)
        fp_grid_add(g, c, c, -1);
}

static void *table_open(fp_ui *ui, const fp_view_arg *arg)
{
    table_view *tv = calloc(1, sizeof *tv);
    (void)ui;
    if (!tv)
        return NULL;
    tv->node = arg->node;
    tv->sel_db = -1;
    fp_grid_init(&tv->grid, collect_children, tv);
    return tv;
}

static void remember_selection(table_view *tv, fp_ui *ui)
{
    const fp_grid_row *row = fp_grid_current(&tv->grid, ui);
    tv->sel_db = row ? fp_ui_tree(ui)->nodes[row->node].db_id : -1;
}

static void table_draw(fp_view *v, fp_ui *ui, fp_rect area)
{
    table_view *tv = v->priv;
    fp_grid_draw(&tv->grid, ui, area);
    remember_selection(tv, ui);
}

static int drill(fp_ui *ui, const fp_grid_row *row)
{
    const fp_tree *t = fp_ui_tree(ui);
    const fp_node *n = &t->nodes[row->node];
    fp_view_arg arg = { .node = row->node, .person = n->person };
    if (n->person >= 0)
        fp_ui_push(ui, &fp_view_person_ops, &arg);
    else if (n->first_child >= 0)
        fp_ui_push(ui, &fp_view_table_ops, &arg);
    else
        fp_ui_msg(ui, FP_MSG_INFO, _("Nothing below %s"), n->name);
    return FP_R_REDRAW;
}

static int table_request(fp_view *v, fp_ui *ui, fp_action act)
{
    table_view *tv = v->priv;
    const fp_grid_row *row;
    switch (act) {
    case FP_ACT_DRILL_DOWN:
        row = fp_grid_current(&tv->grid, ui);
        return row ? drill(ui, row) : FP_R_NONE;
    case FP_ACT_BACK:
        if (tv->grid.focus_detail) {
            tv->grid.focus_detail = false;
            return FP_R_REDRAW;
        }
        if (ui->depth > 1) {
            fp_ui_pop(ui);
            return FP_R_REDRAW;
        }
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Already at the top"));
        return FP_R_REDRAW;
    default:
        return fp_grid_request(&tv->grid, ui, act);
    }
}

static int table_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    table_view *tv = v->priv;
    bool dbl;
    int r = fp_grid_mouse(&tv->grid, ui, ev, &dbl);
    return dbl ? table_request(v, ui, FP_ACT_DRILL_DOWN) : r;
}

static void table_reload(fp_view *v, fp_ui *ui)
{
    table_view *tv = v->priv;
    tv->node = v->node;
    tv->grid.nrows = 0; /* old rows hold old indices */
    tv->grid.stale = true;
    int sel = fp_tree_find_db_id(fp_ui_tree(ui), tv->sel_db);
    if (sel >= 0)
        fp_grid_select(&tv->grid, ui, sel, -1, -1);
}

static fp_keyctx table_context(fp_view *v)
{
    table_view *tv = v->priv;
    return tv->grid.focus_detail ? FP_CTX_DETAIL : FP_CTX_TABLE;
}

static void table_cursor(fp_view *v, fp_ui *ui, int *node, int *kpi)
{
    table_view *tv = v->priv;
    const fp_grid_row *row = fp_grid_current(&tv->grid, ui);
    *node = row ? row->node : -1;
    *kpi = tv->grid.focus_detail ? fp_grid_current_kpi(&tv->grid, ui) : -1;
}

static bool table_select(fp_view *v, fp_ui *ui, int node, int kpi)
{
    table_view *tv = v->priv;
    if (!fp_grid_select(&tv->grid, ui, node, -1, kpi))
        return false;
    if (kpi >= 0)
        tv->grid.focus_detail = true; /* the KPI shown is the one acted on */
    return true;
}

static bool row_has_red(fp_ui *ui, const fp_rollup *r, const fp_grid_row *row)
{
    int n;
    const fp_weighted_kpi *card = fp_grid_card(ui, row, &n);
    for (int i = 0; i < n; i++)
        if (fp_rollup_cell(r, row->row, card[i].kpi)->status == FP_ST_RED)
            return true;
    return false;
}

/* "3 stores · 1 red" style summary, or a warning about changed sources. */
/* Role of the person on a row, NULL for other rows. */
static const char *person_role(fp_ui *ui, const fp_grid_row *row)
{
    const fp_tree *t = fp_ui_tree(ui);
    int p = row->person >= 0 ? row->person
          : row->node >= 0 ? t->nodes[row->node].person : -1;
    return p >= 0 ? t->people[p].role : NULL;
}

static int table_hint(fp_view *v, fp_ui *ui, char *buf, size_t bufsz)
{
    table_view *tv = v->priv;
    const fp_rollup *r = fp_ui_rollup(ui);
    const fp_grid_row *row = fp_grid_current(&tv->grid, ui);
    if (!r || !row)
        return -1;
    int level = fp_grid_detail_hint(&tv->grid, ui, buf, bufsz);
    if (level >= 0)
        return level;
    for (int k = 0; k < r->nkpis; k++)
        if (fp_rollup_cell(r, row->row, k)->flags & FP_CF_STALE) {
            snprintf(buf, bufsz, _("Source changed under the override of "
                     "%s at %s: check and revert it"),
                     fp_kpi_label_first(ui, k), fp_grid_name(ui, row));
            return FP_MSG_WARN;
        }
    int fired[4];
    const fp_rollup *prev = fp_ui_prev_rollup(ui);
    if (prev && fp_rollup_conflicts(r, prev, row->row, fired, 4) > 0) {
        snprintf(buf, bufsz, _("Conflicting KPIs at %s: %s"),
                 fp_grid_name(ui, row), fp_ui_cat(ui)->conflicts[fired[0]].text);
        return FP_MSG_WARN;
    }
    const char *role = person_role(ui, row);
    if (role && fp_card_result_only(fp_ui_cat(ui), role)) {
        snprintf(buf, bufsz, _("The %s scorecard has only result KPIs "
                 "(结果指标) and no process KPI (过程指标): add one to the "
                 "catalogue"), role);
        return FP_MSG_WARN;
    }
    int red = 0;
    for (int i = 0; i < tv->grid.nrows; i++)
        red += row_has_red(ui, r, &tv->grid.rows[i]);
    snprintf(buf, bufsz, _("%d rows %s %d with a red key KPI %s n: walk "
             "the reds"), tv->grid.nrows, ui->gl->dot, red, ui->gl->dot);
    return FP_MSG_INFO;
}

static void table_done(void *priv)
{
    table_view *tv = priv;
    fp_grid_done(&tv->grid);
    free(tv);
}

/* In a meeting, the notes, overrides and action items come first. */
static const fp_action table_bar[] = {
    FP_ACT_DRILL_DOWN, FP_ACT_BACK, FP_ACT_PREV_WEEK, FP_ACT_NEXT_WEEK,
    FP_ACT_NEXT_RED, FP_ACT_ANNOTATE, FP_ACT_OVERRIDE, FP_ACT_NEW_ACTION,
    FP_ACT_SEARCH, FP_ACT_TOGGLE_FOCUS, FP_ACT_PEOPLE_VIEW, FP_ACT_MEETING,
    FP_ACT_MINUTES_PREVIEW, FP_ACT_SORT, FP_ACT_FILTER_RED, FP_ACT_GOTO_WEEK,
    FP_ACT_NONE
};

const fp_view_ops fp_view_table_ops = {
    .name = "table",
    .ctx = FP_CTX_TABLE,
    .open = table_open,
    .draw = table_draw,
    .request = table_request,
    .mouse = table_mouse,
    .reload = table_reload,
    .context = table_context,
    .cursor = table_cursor,
    .select = table_select,
    .hint = table_hint,
    .bar = table_bar,
    .done = table_done,
};
