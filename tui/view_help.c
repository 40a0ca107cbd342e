/* The help view: the live keymap, grouped, then the legend of the
 * symbols on screen; scrollable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/format.h"
#include "model/rollup.h"
#include "model/text.h"

#include "tui/helptext.h"
#include "model/i18n.h"
#include "tui/ui.h"

#define LEGEND_COLS 14 /* the symbol column, like the keys' */

typedef struct {
    fp_help help;
    int scroll, page;
} help_view;

/* ---- the legend: every symbol the screens draw, from the glyph set
 * the drawing uses (UTF-8 or ASCII) ---- */

static bool add_symbol(fp_help *h, const char *symbol, const char *meaning)
{
    char line[512];
    int pad = LEGEND_COLS - fp_text_width(symbol);
    snprintf(line, sizeof line, "  %s%*s%s", symbol, pad > 1 ? pad : 1, "",
             meaning);
    return fp_help_add(h, FP_HL_ACTION, line);
}

static bool add_legend(fp_help *h, const fp_glyphs *gl)
{
    char arrows[64], spark[64] = "";
    snprintf(arrows, sizeof arrows, "%s %s %s", gl->up, gl->down, gl->flat);
    for (int i = 0; i < 8; i++)
        strncat(spark, gl->spark[i], sizeof spark - strlen(spark) - 1);
    bool ok = fp_help_add(h, FP_HL_NOTE, "")
              && fp_help_add(h, FP_HL_TITLE, _("Symbols"))
              && add_symbol(h, gl->status[FP_ST_GREEN],
                            _("Green: at or above target"))
              && add_symbol(h, gl->status[FP_ST_AMBER], _("Amber: a little "
                            "below target (within the KPI's amber band)"))
              && add_symbol(h, gl->status[FP_ST_RED],
                            _("Red: below target"))
              && add_symbol(h, gl->status[FP_ST_NONE],
                            _("No status: no target or no value"));
    return ok
           && add_symbol(h, gl->overridden, _("Overridden by hand (the "
                         "detail shows the original)"))
           && add_symbol(h, gl->provisional, _("Provisional: the week is "
                         "still inside the KPI's maturity"))
           && add_symbol(h, arrows, _("Week over week: up, down, flat "
                         "(green when better, red when worse)"))
           && add_symbol(h, spark, _("The last 12 weeks, lowest to highest"))
           && add_symbol(h, FP_DASH, _("No value (nothing imported, or a "
                         "division by zero)"))
           && add_symbol(h, gl->cursor, _("The cursor row"));
}

static void *help_open(fp_ui *ui, const fp_view_arg *arg)
{
    help_view *hv = calloc(1, sizeof *hv);
    (void)arg;
    if (!hv)
        return NULL;
    if (!fp_help_build(&hv->help, ui->km, ui->read_only, true)) {
        free(hv);
        return NULL;
    }
    if (!add_legend(&hv->help, ui->gl)) {
        fp_help_done(&hv->help);
        free(hv);
        return NULL;
    }
    return hv;
}

static int line_attr(const fp_ui *ui, fp_help_kind kind)
{
    switch (kind) {
    case FP_HL_TITLE: return ui->attr[FP_C_TITLE];
    case FP_HL_OFF: return ui->attr[FP_C_DIM];
    case FP_HL_NOTE: return ui->attr[FP_C_WARN];
    default: return ui->attr[FP_C_NORMAL];
    }
}

static void clamp_scroll(help_view *hv)
{
    int max = hv->help.n - hv->page;
    hv->scroll = hv->scroll > max ? max : hv->scroll;
    hv->scroll = hv->scroll < 0 ? 0 : hv->scroll;
}

static void help_draw(fp_view *v, fp_ui *ui, fp_rect a)
{
    help_view *hv = v->priv;
    if (a.h < 2)
        return;
    fp_draw_rule(ui, a.y, 0, a.w, _("Keys (from the keymap in use)"),
                 ui->attr[FP_C_TITLE]);
    hv->page = a.h - 1;
    clamp_scroll(hv);
    for (int i = 0; i < hv->page && hv->scroll + i < hv->help.n; i++) {
        const fp_help_line *l = &hv->help.lines[hv->scroll + i];
        fp_draw(ui, a.y + 1 + i, 0, a.w, l->text, line_attr(ui, l->kind));
    }
}

static int help_request(fp_view *v, fp_ui *ui, fp_action act)
{
    help_view *hv = v->priv;
    int step = hv->page > 1 ? hv->page - 1 : 1;
    switch (act) {
    case FP_ACT_BACK: case FP_ACT_HELP:
        fp_ui_pop(ui);
        return FP_R_REDRAW;
    case FP_ACT_MOVE_UP: hv->scroll--; break;
    case FP_ACT_MOVE_DOWN: hv->scroll++; break;
    case FP_ACT_PAGE_UP: hv->scroll -= step; break;
    case FP_ACT_PAGE_DOWN: hv->scroll += step; break;
    case FP_ACT_FIRST: hv->scroll = 0; break;
    case FP_ACT_LAST: hv->scroll = hv->help.n; break;
    default: return FP_R_UNHANDLED;
    }
    clamp_scroll(hv);
    return FP_R_REDRAW;
}

static int help_mouse(fp_view *v, fp_ui *ui, const fp_event *ev)
{
    if (ev->mouse == FP_MOUSE_WHEEL_UP || ev->mouse == FP_MOUSE_WHEEL_DOWN)
        return help_request(v, ui, ev->mouse == FP_MOUSE_WHEEL_UP
                                   ? FP_ACT_MOVE_UP : FP_ACT_MOVE_DOWN);
    return FP_R_NONE;
}

static const char *help_crumb(fp_view *v, fp_ui *ui)
{
    (void)v;
    (void)ui;
    return _("help");
}

static int help_hint(fp_view *v, fp_ui *ui, char *buf, size_t bufsz)
{
    help_view *hv = v->priv;
    int last = hv->scroll + hv->page;
    snprintf(buf, bufsz, _("Lines %d-%d of %d"), hv->scroll + 1,
             last < hv->help.n ? last : hv->help.n, hv->help.n);
    (void)ui;
    return FP_MSG_INFO;
}

static void help_done(void *priv)
{
    help_view *hv = priv;
    fp_help_done(&hv->help);
    free(hv);
}

static const fp_action help_bar[] = {
    FP_ACT_BACK, FP_ACT_PAGE_DOWN, FP_ACT_PAGE_UP, FP_ACT_NONE
};

const fp_view_ops fp_view_help_ops = {
    .name = "help",
    .ctx = FP_CTX_HELP,
    .open = help_open,
    .draw = help_draw,
    .request = help_request,
    .mouse = help_mouse,
    .crumb = help_crumb,
    .hint = help_hint,
    .bar = help_bar,
    .done = help_done,
};
