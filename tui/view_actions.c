/* The action items of the meeting (`A`): open ones agreed this week and
 * before (carried over, with their age), and the ones closed this week;
 * d marks done, x drops, r reopens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/listmove.h"
#include "tui/grid.h"
#include "model/i18n.h"
#include "tui/ui.h"

typedef struct {
    int node;               /* where the list was opened: t links there */
    fp_action_item_list list;
    bool loaded;
    unsigned gen;
    fp_week week;
    int sel, scroll, page;
} actions_view;

static void load(actions_view *av, fp_ui *ui)
{
    if (av->loaded && av->gen == ui->gen && av->week == ui->week)
        return;
    if (av->loaded)
        fp_action_list_done(&av->list);
    if (!fp_action_list_get(fp_review_db(ui->rv), ui->week, false,
                            &av->list))
        memset(&av->list, 0, sizeof av->list);
    av->loaded = true;
    av->gen = ui->gen;
    av->week = ui->week;
    fp_list_clamp(&av->sel, (int)av->list.n);
}

static void *actions_open(fp_ui *ui, const fp_view_arg *arg)
{
    actions_view *av = calloc(1, sizeof *av);
    const int *link = arg->data;
    (void)ui;
    if (av)
        av->node = link ? *link : arg->node;
    return av;
}

static const char *state_mark(const fp_action_item *it)
{
    return strcmp(it->state, "done") == 0 ? "[x]"
           : strcmp(it->state, "dropped") == 0 ? "[-]" : "[ ]";
}

/* "due 2026-W48", "overdue since 2026-W46", "carried 2 wk". */
static void item_when(fp_ui *ui, const fp_action_item *it, char *out,
                      size_t outsz)
{
    char due[FP_WEEK_STR];
    fp_week_format(it->due, due);
    int age = fp_week_diff(ui->week, it->week);
    bool open = strcmp(it->state, "open") == 0;
    size_t o = (size_t)snprintf(out, outsz, open && it->due < ui->week
                                ? _("overdue, due %s") : _("due %s"), due);
    if (age > 0 && o < outsz)
        snprintf(out + o, outsz - o, _(" %s carried %d wk"), ui->gl->dot, age);
}

static void draw_row(fp_ui *ui, const fp_action_item *it, int y, int w,
                     bool sel)
{
    char line[4096], when[128], right[512];
    bool open = strcmp(it->state, "open") == 0;
    bool late = open && it->due < ui->week;
    int a = fp_attr(ui, open ? FP_C_NORMAL : FP_C_DIM, sel);
    fp_draw_fill(ui, y, 0, w, a);
    if (sel)
        fp_draw(ui, y, 0, 1, ui->gl->cursor, a);
    item_when(ui, it, when, sizeof when);
    snprintf(right, sizeof right, "%s %s %s",
             it->owner_name && *it->owner_name ? it->owner_name : it->owner,
             ui->gl->dot, when);
    int rw = fp_text_width(right);
    rw = rw > w / 2 ? w / 2 : rw;
    snprintf(line, sizeof line, "%s %s", state_mark(it), it->text);
    fp_draw(ui, y, 2, w - rw - 4, line, a);
    fp_draw_right(ui, y, w - rw - 1, rw, right,
                  fp_attr(ui, late ? FP_C_RED : FP_C_DIM, sel));
}

static void actions_draw(fp_view *v, fp_ui *ui, fp_rect a)
{
    actions_view *av = v->priv;
    char title[256], week[FP_WEEK_STR];
    load(av, ui);
    size_t open = 0;
    for (size_t i = 0; i < av->list.n; i++)
        open += strcmp(av->list.items[i].state, "open") == 0;
    fp_week_format(ui->week, week);
    snprintf(title, sizeof title, _("Action items up to %s %s %zu open"),
             week, ui->gl->dot, open);
    fp_draw_rule(ui, a.y, 0, a.w, title, ui->attr[FP_C_TITLE]);
    av->page = a.h - 1 > 0 ? a.h - 1 : 1;
    fp_list_scroll_to(av->sel, (int)av->list.n, av->page, &av->scroll);
    for (int i = 0; i < av->page && av->scroll + i < (int)av->list.n; i++)
        draw_row(ui, &av->list.items[av->scroll + i], a.y + 1 + i, a.w,
                 av->scroll + i == av->sel);
    if (av->list.n == 0)
        fp_draw(ui, a.y + 1, 2, a.w - 2, _("No action items: t creates "
                "one."), ui->attr[FP_C_DIM]);
}

static int set_state(actions_view *av, fp_ui *ui, const char *state)
{
    load(av, ui);
    if (av->sel >= (int)av->list.n)
        return FP_R_REDRAW;
    const fp_action_item *it = &av->list.items[av->sel];
    fp_db *db = fp_review_db(ui->rv);
    if (strcmp(it->state, state) == 0)
        return FP_R_REDRAW;
    if (!fp_action_set_state(db, it->id, state, ui->week)) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not saved: %s"), db->err);
        return FP_R_REDRAW;
    }
    char *text = strdup(it->text);
    fp_meet_after_write(ui);
    fp_ui_msg(ui, FP_MSG_INFO, strcmp(state, "done") == 0 ? _("Done: %s")
              : strcmp(state, "dropped") == 0 ? _("Dropped: %s")
              : _("Open again: %s"), text ? text : "");
    free(text);
    return FP_R_REDRAW;
}

static int actions_request(fp_view *v, fp_ui *ui, fp_action act)
{
    actions_view *av = v->priv;
    switch (act) {
    case FP_ACT_BACK: case FP_ACT_LIST_ACTIONS:
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    case FP_ACT_ITEM_DONE: return set_state(av, ui, "done");
    case FP_ACT_ITEM_DROP: return set_state(av, ui, "dropped");
    case FP_ACT_ITEM_REOPEN: return set_state(av, ui, "open");
    default:
        return fp_list_move(&av->sel, (int)av->list.n, av->page, act)
               ? FP_R_REDRAW : FP_R_UNHANDLED;
    }
}

static int actions_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN)
        return actions_request(v, ui, ev->mouse == FP_MOUSE_WHEEL_UP
                                      ? FP_ACT_MOVE_UP : FP_ACT_MOVE_DOWN);
    return FP_R_NONE;
}

static void actions_cursor(fp_view *v, fp_ui *ui, int *node, int *kpi)
{
    actions_view *av = v->priv;
    (void)ui;
    *node = av->node;
    *kpi = -1;
}

static void actions_reload(fp_view *v, fp_ui *ui)
{
    actions_view *av = v->priv;
    if (av->node >= fp_ui_tree(ui)->nnodes)
        av->node = v->node;
    av->gen = ui->gen - 1;
}

static int actions_hint(fp_view *v, fp_ui *ui, char *buf, size_t bufsz)
{
    actions_view *av = v->priv;
    load(av, ui);
    if (av->sel >= (int)av->list.n)
        return -1;
    const fp_action_item *it = &av->list.items[av->sel];
    char week[FP_WEEK_STR];
    fp_week_format(it->week, week);
    snprintf(buf, bufsz, _("Agreed %s by %s %s %s"), week, it->author,
             ui->gl->dot, it->path && *it->path ? it->path : _("(company)"));
    return FP_MSG_INFO;
}

static const char *actions_crumb(fp_view *v, fp_ui *ui)
{
    (void)v;
    (void)ui;
    return _("action items");
}

static void actions_done(void *priv)
{
    actions_view *av = priv;
    if (av->loaded)
        fp_action_list_done(&av->list);
    free(av);
}

static const fp_action actions_bar[] = {
    FP_ACT_BACK, FP_ACT_ITEM_DONE, FP_ACT_ITEM_DROP, FP_ACT_ITEM_REOPEN,
    FP_ACT_NEW_ACTION, FP_ACT_NONE
};

const fp_view_ops fp_view_actions_ops = {
    .name = "actions",
    .ctx = FP_CTX_ACTIONS,
    .open = actions_open,
    .draw = actions_draw,
    .request = actions_request,
    .mouse = actions_mouse,
    .reload = actions_reload,
    .cursor = actions_cursor,
    .crumb = actions_crumb,
    .hint = actions_hint,
    .bar = actions_bar,
    .done = actions_done,
};

int fp_act_list_actions(fp_ui *ui)
{
    fp_view *v = fp_ui_top(ui);
    int node = -1, kpi = -1;
    if (v && v->ops->cursor)
        v->ops->cursor(v, ui, &node, &kpi);
    /* the list is the week's; new items link to the row under the cursor */
    fp_view_arg arg = { .node = v ? v->node : 0, .person = -1,
                        .data = &node };
    fp_ui_push(ui, &fp_view_actions_ops, &arg);
    return FP_R_REDRAW;
}
