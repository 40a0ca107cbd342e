/* A scrollable text under a title: the minutes preview and histories. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "tui/ui.h"

typedef struct {
    char *text;         /* the copy, cut into lines in place */
    char **lines;
    int n;
    int scroll, page;
    char title[512];
    bool minutes;
} text_view;

/* What fp_text_view_open hands to open() through the view arg. */
typedef struct {
    const char *title, *text;
    bool minutes;
} text_arg;

static bool split_lines(text_view *tv)
{
    int cap = 1;
    for (const char *p = tv->text; *p; p++)
        cap += *p == '\n';
    tv->lines = calloc((size_t)cap + 1, sizeof *tv->lines);
    if (!tv->lines)
        return false;
    for (char *p = tv->text; p && *p;) {
        tv->lines[tv->n++] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    return true;
}

static void *text_open(fp_ui *ui, const fp_view_arg *arg)
{
    const text_arg *ta = arg->data;
    text_view *tv = calloc(1, sizeof *tv);
    (void)ui;
    if (!tv || !ta || !(tv->text = strdup(ta->text ? ta->text : ""))
        || !split_lines(tv)) {
        if (tv)
            free(tv->text);
        free(tv);
        return NULL;
    }
    snprintf(tv->title, sizeof tv->title, "%s", ta->title ? ta->title : "");
    tv->minutes = ta->minutes;
    return tv;
}

static void clamp_scroll(text_view *tv)
{
    int max = tv->n - tv->page;
    tv->scroll = tv->scroll > max ? max : tv->scroll;
    tv->scroll = tv->scroll < 0 ? 0 : tv->scroll;
}

static void text_draw(fp_view *v, fp_ui *ui, fp_rect a)
{
    text_view *tv = v->priv;
    if (a.h < 2)
        return;
    fp_draw_rule(ui, a.y, 0, a.w, tv->title, ui->attr[FP_C_TITLE]);
    tv->page = a.h - 1;
    clamp_scroll(tv);
    for (int i = 0; i < tv->page && tv->scroll + i < tv->n; i++)
        fp_draw(ui, a.y + 1 + i, 0, a.w, tv->lines[tv->scroll + i],
                ui->attr[FP_C_NORMAL]);
}

static int text_request(fp_view *v, fp_ui *ui, fp_action act)
{
    text_view *tv = v->priv;
    int step = tv->page > 1 ? tv->page - 1 : 1;
    switch (act) {
    case FP_ACT_BACK:
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    case FP_ACT_MINUTES_PREVIEW:
        if (!tv->minutes)
            return FP_R_UNHANDLED;
        fp_ui_pop(ui); /* m again closes the preview */
        return FP_R_REDRAW;
    case FP_ACT_MOVE_UP: tv->scroll--; break;
    case FP_ACT_MOVE_DOWN: tv->scroll++; break;
    case FP_ACT_PAGE_UP: tv->scroll -= step; break;
    case FP_ACT_PAGE_DOWN: tv->scroll += step; break;
    case FP_ACT_FIRST: tv->scroll = 0; break;
    case FP_ACT_LAST: tv->scroll = tv->n; break;
    default: return FP_R_UNHANDLED;
    }
    clamp_scroll(tv);
    return FP_R_REDRAW;
}

static int text_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN)
        return text_request(v, ui, ev->mouse == FP_MOUSE_WHEEL_UP
                                   ? FP_ACT_MOVE_UP : FP_ACT_MOVE_DOWN);
    return FP_R_NONE;
}

static const char *text_crumb(fp_view *v, fp_ui *ui)
{
    text_view *tv = v->priv;
    (void)ui;
    return tv->minutes ? _("minutes") : _("history");
}

static int text_hint(fp_view *v, fp_ui *ui, char *buf, size_t bufsz)
{
    text_view *tv = v->priv;
    int last = tv->scroll + tv->page;
    (void)ui;
    snprintf(buf, bufsz, _("Lines %d-%d of %d"), tv->n ? tv->scroll + 1 : 0,
             last < tv->n ? last : tv->n, tv->n);
    return FP_MSG_INFO;
}

static void text_done(void *priv)
{
    text_view *tv = priv;
    free(tv->lines);
    free(tv->text);
    free(tv);
}

static const fp_action text_bar[] = {
    FP_ACT_BACK, FP_ACT_PAGE_DOWN, FP_ACT_PAGE_UP, FP_ACT_EXPORT_MINUTES,
    FP_ACT_PUSH_MINUTES, FP_ACT_COPY_MINUTES, FP_ACT_NONE
};

const fp_view_ops fp_view_text_ops = {
    .name = "text",
    .ctx = FP_CTX_TEXT,
    .open = text_open,
    .draw = text_draw,
    .request = text_request,
    .mouse = text_mouse,
    .crumb = text_crumb,
    .hint = text_hint,
    .bar = text_bar,
    .done = text_done,
};

bool fp_text_view_open(fp_ui *ui, const char *title, const char *text,
                       bool minutes)
{
    fp_view *top = fp_ui_top(ui);
    text_arg ta = { title, text, minutes };
    fp_view_arg arg = { .node = top ? top->node : 0, .person = -1,
                        .data = &ta };
    return fp_ui_push(ui, &fp_view_text_ops, &arg);
}
