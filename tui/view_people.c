/* The people view: everyone below a node in one list, ranked by their
 * scorecard (worst first), filterable by role. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/grid.h"
#include "model/i18n.h"

typedef struct {
    fp_grid grid;
    int node;
    long long sel_person_db;
} people_view;

static void collect_people(fp_grid *g, fp_ui *ui, void *ctx)
{
    people_view *pv = ctx;
    const fp_tree *t = fp_ui_tree(ui);
    bool *seen = calloc((size_t)t->npeople + 1, sizeof *seen);
    if (!seen)
        return;
    for (int i = 0; i < t->nnodes; i++) {
        int p = t->nodes[i].person;
        if (p >= 0 && !seen[p] && fp_tree_is_under(t, i, pv->node)) {
            seen[p] = true;
            fp_grid_add(g, t->nnodes + p, -1, p);
        }
    }
    free(seen);
}

static void *people_open(fp_ui *ui, const fp_view_arg *arg)
{
    people_view *pv = calloc(1, sizeof *pv);
    (void)ui;
    if (!pv)
        return NULL;
    pv->node = arg->node;
    pv->sel_person_db = -1;
    fp_grid_init(&pv->grid, collect_people, pv);
    pv->grid.people = true;
    pv->grid.sort = FP_SORT_SCORE;
    return pv;
}

static void people_draw(fp_view *v, fp_ui *ui, fp_rect area)
{
    people_view *pv = v->priv;
    fp_grid_draw(&pv->grid, ui, area);
    const fp_grid_row *row = fp_grid_current(&pv->grid, ui);
    pv->sel_person_db = row ? fp_ui_tree(ui)->people[row->person].db_id : -1;
}

/* Cycles all -> each role present below the node -> all. */
static int next_role(people_view *pv, fp_ui *ui)
{
    const fp_catalogue *cat = fp_ui_cat(ui);
    const fp_tree *t = fp_ui_tree(ui);
    for (int r = pv->grid.role + 1; r < cat->nroles; r++)
        for (int i = 0; i < pv->grid.nall; i++) {
            const char *role = t->people[pv->grid.all[i].person].role;
            if (role && strcmp(role, cat->roles[r].id) == 0)
                return r;
        }
    return -1;
}

static int filter_role(people_view *pv, fp_ui *ui)
{
    fp_grid_update(&pv->grid, ui);
    pv->grid.role = next_role(pv, ui);
    pv->grid.stale = true;
    if (pv->grid.role < 0)
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("All roles"));
    else
        fp_ui_msg(ui, FP_MSG_INFO, _("Role: %s"),
                  fp_ui_label(ui, fp_ui_cat(ui)->roles[pv->grid.role].label,
                              fp_ui_cat(ui)->roles[pv->grid.role].label_zh));
    return FP_R_REDRAW;
}

static int people_request(fp_view *v, fp_ui *ui, fp_action act)
{
    people_view *pv = v->priv;
    const fp_grid_row *row;
    switch (act) {
    case FP_ACT_DRILL_DOWN:
        row = fp_grid_current(&pv->grid, ui);
        if (row) {
            fp_view_arg arg = { .node = pv->node, .person = row->person };
            fp_ui_push(ui, &fp_view_person_ops, &arg);
        }
        return FP_R_REDRAW;
    case FP_ACT_BACK:
    case FP_ACT_PEOPLE_VIEW:
        if (pv->grid.focus_detail && act == FP_ACT_BACK) {
            pv->grid.focus_detail = false;
            return FP_R_REDRAW;
        }
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    case FP_ACT_FILTER_ROLE:
        return filter_role(pv, ui);
    default:
        return fp_grid_request(&pv->grid, ui, act);
    }
}

static int people_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    people_view *pv = v->priv;
    bool dbl;
    int r = fp_grid_mouse(&pv->grid, ui, ev, &dbl);
    return dbl ? people_request(v, ui, FP_ACT_DRILL_DOWN) : r;
}

static void people_reload(fp_view *v, fp_ui *ui)
{
    people_view *pv = v->priv;
    const fp_tree *t = fp_ui_tree(ui);
    pv->node = v->node;
    pv->grid.nrows = 0;
    pv->grid.stale = true;
    for (int p = 0; p < t->npeople; p++)
        if (t->people[p].db_id == pv->sel_person_db)
            fp_grid_select(&pv->grid, ui, -1, p, -1);
}

static fp_keyctx people_context(fp_view *v)
{
    (void)v;
    return FP_CTX_PEOPLE;
}

static void people_cursor(fp_view *v, fp_ui *ui, int *node, int *kpi)
{
    people_view *pv = v->priv;
    const fp_grid_row *row = fp_grid_current(&pv->grid, ui);
    *kpi = pv->grid.focus_detail ? fp_grid_current_kpi(&pv->grid, ui) : -1;
    *node = row ? fp_ui_person_node(ui, row->person, pv->node, *kpi) : -1;
}

static bool people_select(fp_view *v, fp_ui *ui, int node, int kpi)
{
    people_view *pv = v->priv;
    int p = node >= 0 ? fp_ui_tree(ui)->nodes[node].person : -1;
    return p >= 0 && fp_grid_select(&pv->grid, ui, -1, p, kpi);
}

static const char *people_crumb(fp_view *v, fp_ui *ui)
{
    (void)v;
    (void)ui;
    return _("people");
}

static int people_hint(fp_view *v, fp_ui *ui, char *buf, size_t bufsz)
{
    people_view *pv = v->priv;
    int level = fp_grid_detail_hint(&pv->grid, ui, buf, bufsz);
    if (level >= 0)
        return level;
    const char *role = pv->grid.role >= 0
                       ? fp_ui_label(ui,
                                     fp_ui_cat(ui)->roles[pv->grid.role].label,
                                     fp_ui_cat(ui)->roles[pv->grid.role].label_zh)
                       : _("all roles");
    snprintf(buf, bufsz, _("%d people %s %s %s r: role, s: sort"),
             pv->grid.nrows, ui->gl->dot, role, ui->gl->dot);
    return FP_MSG_INFO;
}

static void people_done(void *priv)
{
    people_view *pv = priv;
    fp_grid_done(&pv->grid);
    free(pv);
}

static const fp_action people_bar[] = {
    FP_ACT_DRILL_DOWN, FP_ACT_BACK, FP_ACT_FILTER_ROLE, FP_ACT_SORT,
    FP_ACT_PREV_WEEK, FP_ACT_NEXT_WEEK, FP_ACT_FILTER_RED,
    FP_ACT_TOGGLE_FOCUS, FP_ACT_SEARCH, FP_ACT_NONE
};

const fp_view_ops fp_view_people_ops = {
    .name = "people",
    .ctx = FP_CTX_PEOPLE,
    .open = people_open,
    .draw = people_draw,
    .request = people_request,
    .mouse = people_mouse,
    .reload = people_reload,
    .context = people_context,
    .cursor = people_cursor,
    .select = people_select,
    .crumb = people_crumb,
    .hint = people_hint,
    .bar = people_bar,
    .done = people_done,
};
