/* The notes of the week at a node and below: one line each, the full
 * text of the highlighted one underneath; edit, delete (hidden, kept in
 * the history) and the history of a note. Opened with `v`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/text.h"
#include "tui/edbuf.h"
#include "tui/grid.h"
#include "tui/listmove.h"
#include "model/i18n.h"
#include "tui/ui.h"

#define PREVIEW_MAX 8

typedef struct {
    int node;
    fp_note_list list;
    bool loaded;
    unsigned gen;
    fp_week week;
    int sel, scroll, page;
    long long sel_id;       /* keeps the cursor on its note over reloads */
} notes_view;

static void load(notes_view *nv, fp_ui *ui)
{
    if (nv->loaded && nv->gen == ui->gen && nv->week == ui->week)
        return;
    if (nv->loaded)
        fp_note_list_done(&nv->list);
    long long id = fp_ui_tree(ui)->nodes[nv->node].db_id;
    if (!fp_note_list_week(fp_review_db(ui->rv), ui->week, nv->node ? id : 0,
                           &nv->list))
        memset(&nv->list, 0, sizeof nv->list);
    nv->loaded = true;
    nv->gen = ui->gen;
    nv->week = ui->week;
    for (size_t i = 0; i < nv->list.n; i++)
        if (nv->list.items[i].id == nv->sel_id)
            nv->sel = (int)i;
    fp_list_clamp(&nv->sel, (int)nv->list.n);
}

static const fp_note *current(notes_view *nv, fp_ui *ui)
{
    load(nv, ui);
    return nv->sel < (int)nv->list.n ? &nv->list.items[nv->sel] : NULL;
}

static void *notes_open(fp_ui *ui, const fp_view_arg *arg)
{
    notes_view *nv = calloc(1, sizeof *nv);
    (void)ui;
    if (nv)
        nv->node = arg->node;
    return nv;
}

/* ---- drawing ----------------------------------------------------------- */

/* Names from below `top` down to node: "美妆 › 朱琳" ("" when node is top). */
static void relative_label(fp_ui *ui, int top, int node, char *out,
                           size_t outsz)
{
    const fp_tree *t = fp_ui_tree(ui);
    int chain[8], n = 0;
    for (int p = node; p >= 0 && p != top && n < 8; p = t->nodes[p].parent)
        chain[n++] = p;
    size_t o = 0;
    out[0] = '\0';
    for (int i = n - 1; i >= 0 && o < outsz; i--)
        o += (size_t)snprintf(out + o, outsz - o, "%s%s",
                              t->nodes[chain[i]].name,
                              i ? ui->gl->crumb_sep : "");
}

static void note_where(fp_ui *ui, int top, const fp_note *n, char *out,
                       size_t outsz)
{
    int node = fp_tree_find_db_id(fp_ui_tree(ui), n->node_id);
    char where[512] = "", kl[160];
    if (node >= 0)
        relative_label(ui, top, node, where, sizeof where);
    fp_kpi_label_of(ui, n->kpi, kl, sizeof kl);
    snprintf(out, outsz, "%s%s%s", where, *where && *kl
             ? ui->gl->crumb_sep : "", kl);
}

static void draw_row(fp_ui *ui, int top, const fp_note *n, int y, int w,
                     bool sel)
{
    char cause[128], where[800], line[4096], when[32];
    int a = fp_attr(ui, FP_C_NORMAL, sel);
    fp_draw_fill(ui, y, 0, w, a);
    if (sel)
        fp_draw(ui, y, 0, 1, ui->gl->cursor, a);
    fp_text_fit(fp_meet_cause_label(ui, n->cause), 14, true, cause,
                sizeof cause);
    note_where(ui, top, n, where, sizeof where);
    fp_meet_time(n->updated_at, when, sizeof when);
    snprintf(line, sizeof line, "%s %s%s%s", cause, where, *where ? ": " : "",
             n->text);
    int right = fp_text_width(n->author) + 14;
    fp_draw(ui, y, 2, w - 3 - right, line, a);
    snprintf(line, sizeof line, "%s %s", n->author, when);
    fp_draw_right(ui, y, w - right, right, line, fp_attr(ui, FP_C_DIM, sel));
}

/* The highlighted note in full, wrapped, from y to end. */
static void draw_preview(fp_ui *ui, const fp_note *n, int y, int end, int w)
{
    fp_edbuf b;
    fp_edlayout L;
    char title[512], when[32], line[4096];
    fp_meet_time(n->updated_at, when, sizeof when);
    snprintf(title, sizeof title, "%s %s %s %s %s",
             fp_meet_cause_label(ui, n->cause), ui->gl->dot, n->author,
             ui->gl->dot, when);
    fp_draw_rule(ui, y++, 0, w, title, ui->attr[FP_C_DIM]);
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    if (fp_edbuf_set(&b, n->text) && fp_edlayout_build(&L, &b, w - 3))
        for (size_t i = 0; i < L.n && y < end; i++) {
            fp_edlayout_line(&L, &b, i, line, sizeof line);
            fp_draw(ui, y++, 1, w - 1, line, ui->attr[FP_C_NORMAL]);
        }
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

static void notes_draw(fp_view *v, fp_ui *ui, fp_rect a)
{
    notes_view *nv = v->priv;
    char title[512], week[FP_WEEK_STR];
    load(nv, ui);
    fp_week_format(ui->week, week);
    snprintf(title, sizeof title, _("Notes %s %s %s %zu"), ui->gl->dot, week,
             ui->gl->dot, nv->list.n);
    fp_draw_rule(ui, a.y, 0, a.w, title, ui->attr[FP_C_TITLE]);
    int preview = nv->list.n ? (a.h - 1) / 3 : 0;
    preview = preview > PREVIEW_MAX ? PREVIEW_MAX : preview;
    nv->page = a.h - 1 - preview;
    nv->page = nv->page < 1 ? 1 : nv->page;
    fp_list_scroll_to(nv->sel, (int)nv->list.n, nv->page, &nv->scroll);
    for (int i = 0; i < nv->page && nv->scroll + i < (int)nv->list.n; i++)
        draw_row(ui, nv->node, &nv->list.items[nv->scroll + i], a.y + 1 + i,
                 a.w,
                 nv->scroll + i == nv->sel);
    if (nv->list.n == 0)
        fp_draw(ui, a.y + 1, 2, a.w - 2, _("No notes here this week: a "
                "writes one."), ui->attr[FP_C_DIM]);
    const fp_note *n = current(nv, ui);
    if (n && preview >= 2)
        draw_preview(ui, n, a.y + a.h - preview, a.y + a.h, a.w);
}

/* ---- actions ----------------------------------------------------------- */

static int edit_note(notes_view *nv, fp_ui *ui)
{
    const fp_note *n = current(nv, ui);
    if (!n)
        return FP_R_REDRAW;
    int node = fp_tree_find_db_id(fp_ui_tree(ui), n->node_id);
    int k = n->kpi ? fp_catalogue_kpi(fp_ui_cat(ui), n->kpi) : -1;
    if (node < 0)
        return FP_R_REDRAW;
    char *cause = strdup(n->cause), *text = strdup(n->text);
    long long id = n->id;
    int r = cause && text ? fp_meet_write_note(ui, node, k, id, cause, text)
                          : FP_R_REDRAW;
    free(cause);
    free(text);
    return r;
}

static int delete_note(notes_view *nv, fp_ui *ui)
{
    const fp_note *n = current(nv, ui);
    if (!n)
        return FP_R_REDRAW;
    long long id = n->id;
    if (fp_ask(ui, _("Delete this note? It stays in the history. (y/N) "),
               "yn") != 'y')
        return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
    fp_db *db = fp_review_db(ui->rv);
    if (!fp_note_delete(db, id, fp_meet_author(ui)))
        fp_ui_msg(ui, FP_MSG_ERROR, _("Note NOT deleted: %s"), db->err);
    else {
        fp_meet_after_write(ui);
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Note deleted (kept in the "
                  "history)"));
    }
    return FP_R_REDRAW;
}

static const char *change_label(const char *change)
{
    if (!change)
        return "";
    return strcmp(change, "add") == 0 ? _("written")
           : strcmp(change, "edit") == 0 ? _("changed")
           : strcmp(change, "delete") == 0 ? _("deleted") : change;
}

/* text wrapped to cols columns (by display width, as the editor wraps),
 * each line indented by two spaces. */
static void add_wrapped(fp_buf *out, const char *text, int cols)
{
    fp_edbuf b;
    fp_edlayout L;
    char line[4096];
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    if (fp_edbuf_set(&b, text) && fp_edlayout_build(&L, &b, cols - 2)) {
        for (size_t i = 0; i < L.n; i++) {
            fp_edlayout_line(&L, &b, i, line, sizeof line);
            fp_buf_printf(out, "  %s\n", line);
        }
    } else {
        fp_buf_printf(out, "  %s\n", text); /* out of memory: one line */
    }
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

/* Every version in full, newest last, wrapped to the screen's width. */
static int note_history(notes_view *nv, fp_ui *ui)
{
    const fp_note *n = current(nv, ui);
    fp_note_list h;
    if (!n)
        return FP_R_REDRAW;
    if (!fp_note_history(fp_review_db(ui->rv), n->id, &h)) {
        fp_ui_msg(ui, FP_MSG_ERROR, "%s", fp_review_db(ui->rv)->err);
        return FP_R_REDRAW;
    }
    fp_buf b;
    char when[32], where[800];
    fp_buf_init(&b);
    for (size_t i = 0; i < h.n; i++) {
        const fp_note *v = &h.items[i];
        fp_meet_time(v->updated_at, when, sizeof when);
        fp_buf_printf(&b, "%s  %s %s  [%s]\n", when, change_label(v->change),
                      v->author, fp_meet_cause_label(ui, v->cause));
        add_wrapped(&b, v->text, fp_frame_body(ui).w);
        fp_buf_add(&b, "\n");
    }
    note_where(ui, 0, n, where, sizeof where);
    char title[1024];
    snprintf(title, sizeof title, _("History of a note %s %s"), ui->gl->dot,
             where);
    fp_text_view_open(ui, title, fp_buf_str(&b), false);
    fp_buf_done(&b);
    fp_note_list_done(&h);
    return FP_R_REDRAW;
}

static int move(notes_view *nv, fp_action act)
{
    int n = (int)nv->list.n;
    if (!fp_list_move(&nv->sel, n, nv->page, act))
        return FP_R_UNHANDLED;
    nv->sel_id = n ? nv->list.items[nv->sel].id : 0;
    return FP_R_REDRAW;
}

static int notes_request(fp_view *v, fp_ui *ui, fp_action act)
{
    notes_view *nv = v->priv;
    load(nv, ui);
    switch (act) {
    case FP_ACT_BACK: case FP_ACT_NOTES_VIEW:
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    case FP_ACT_EDIT_NOTE: return edit_note(nv, ui);
    case FP_ACT_DELETE_NOTE: return delete_note(nv, ui);
    case FP_ACT_NOTE_HISTORY: return note_history(nv, ui);
    default: return move(nv, act);
    }
}

static int notes_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN)
        return notes_request(v, ui, ev->mouse == FP_MOUSE_WHEEL_UP
                                    ? FP_ACT_MOVE_UP : FP_ACT_MOVE_DOWN);
    return FP_R_NONE;
}

static void notes_cursor(fp_view *v, fp_ui *ui, int *node, int *kpi)
{
    notes_view *nv = v->priv;
    const fp_note *n = current(nv, ui);
    *node = nv->node;
    *kpi = -1;
    if (!n)
        return;
    int found = fp_tree_find_db_id(fp_ui_tree(ui), n->node_id);
    *node = found >= 0 ? found : nv->node;
    *kpi = n->kpi ? fp_catalogue_kpi(fp_ui_cat(ui), n->kpi) : -1;
}

static void notes_reload(fp_view *v, fp_ui *ui)
{
    notes_view *nv = v->priv;
    (void)ui;
    nv->node = v->node;
    nv->gen = ui->gen - 1; /* load again */
}

static const char *notes_crumb(fp_view *v, fp_ui *ui)
{
    (void)v;
    (void)ui;
    return _("notes");
}

static void notes_done(void *priv)
{
    notes_view *nv = priv;
    if (nv->loaded)
        fp_note_list_done(&nv->list);
    free(nv);
}

static const fp_action notes_bar[] = {
    FP_ACT_BACK, FP_ACT_EDIT_NOTE, FP_ACT_DELETE_NOTE, FP_ACT_NOTE_HISTORY,
    FP_ACT_ANNOTATE, FP_ACT_NONE
};

const fp_view_ops fp_view_notes_ops = {
    .name = "notes",
    .ctx = FP_CTX_NOTES,
    .open = notes_open,
    .draw = notes_draw,
    .request = notes_request,
    .mouse = notes_mouse,
    .reload = notes_reload,
    .cursor = notes_cursor,
    .crumb = notes_crumb,
    .bar = notes_bar,
    .done = notes_done,
};

int fp_act_notes(fp_ui *ui)
{
    fp_view *v = fp_ui_top(ui);
    int node = -1, kpi = -1;
    if (v && v->ops->cursor)
        v->ops->cursor(v, ui, &node, &kpi);
    fp_view_arg arg = { .node = node >= 0 ? node : v ? v->node : 0,
                        .person = -1 };
    fp_ui_push(ui, &fp_view_notes_ops, &arg);
    return FP_R_REDRAW;
}
