/* The frame around the views: header (week, breadcrumb, read-only badge,
 * clock), status line and the key bar generated from the live keymap. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/text.h"
#include "tui/format.h"
#include "model/i18n.h"
#include "tui/ui.h"

#define CRUMB_MAX 8

static bool too_small(const fp_ui *ui)
{
    (void)ui;
    return COLS < FP_MIN_COLS || LINES < FP_MIN_ROWS;
}

fp_rect fp_frame_body(const fp_ui *ui)
{
    (void)ui;
    /* header, summary line; status line, key bar */
    return (fp_rect){ 2, 0, LINES - 4 > 0 ? LINES - 4 : 0, COLS };
}

/* ---- header ------------------------------------------------------------ */

/* Names from the company down to the top view's node, plus its extra. */
static int crumb_parts(fp_ui *ui, const char **parts)
{
    fp_view *v = fp_ui_top(ui);
    const fp_tree *t = fp_ui_tree(ui);
    int chain[CRUMB_MAX], n = 0;
    for (int p = v ? v->node : 0; p >= 0 && n < CRUMB_MAX - 1;
         p = t->nodes[p].parent)
        chain[n++] = p;
    for (int i = 0; i < n; i++)
        parts[i] = t->nodes[chain[n - 1 - i]].name;
    const char *extra = v && v->ops->crumb ? v->ops->crumb(v, ui) : NULL;
    if (extra)
        parts[n++] = extra;
    return n;
}

/* Joins parts from first on; "…" in front when parts were left out. */
static void join_crumb(fp_ui *ui, const char **parts, int n, int first,
                       char *out, size_t outsz)
{
    size_t o = 0;
    out[0] = '\0';
    if (first > 0)
        o += (size_t)snprintf(out, outsz, "%s%s",
                              ui->utf8 ? "\xe2\x80\xa6" : "...",
                              ui->gl->crumb_sep);
    for (int i = first; i < n && o < outsz; i++)
        o += (size_t)snprintf(out + o, outsz - o, "%s%s", parts[i],
                              i + 1 < n ? ui->gl->crumb_sep : "");
}

static void draw_crumb(fp_ui *ui, int x, int w)
{
    const char *parts[CRUMB_MAX];
    char text[1024];
    int n = crumb_parts(ui, parts), first = 0;
    join_crumb(ui, parts, n, first, text, sizeof text);
    while (fp_text_width(text) > w && first < n - 1)
        join_crumb(ui, parts, n, ++first, text, sizeof text);
    fp_draw(ui, 0, x, w, text, ui->attr[FP_C_CRUMB]);
}

/* A month or a quarter: "2026-11 (W45-W48)", and "partial 3/4" while
 * some of its weeks have no data. */
static void period_header(fp_ui *ui, char *out, size_t outsz)
{
    fp_period p = fp_ui_period(ui);
    const fp_rollup *r = fp_review_period(ui->rv, p);
    char label[FP_PERIOD_LABEL], name[FP_PERIOD_STR];
    fp_period_label(p, label);
    fp_period_format(p, name);
    if (COLS < 70) /* room for the breadcrumb: "2026-11 W45-48" */
        snprintf(label, sizeof label, "%s W%02d-%02d", name,
                 fp_period_first(p) % 100, fp_period_last(p) % 100);
    if (r && r->weeks_with_data < r->period_weeks)
        snprintf(out, outsz, _("%s partial %d/%d"), label,
                 r->weeks_with_data, r->period_weeks);
    else
        snprintf(out, outsz, "%s", label);
}

static void draw_header(fp_ui *ui)
{
    char week[64], clock[32], right[96];
    if (ui->period != FP_PERIOD_WEEK)
        period_header(ui, week, sizeof week);
    else if (COLS >= 70)
        fp_fmt_week_range(ui->week, ui->gl->dot, ui->gl->dash, week,
                          sizeof week);
    else
        fp_week_format(ui->week, week); /* room for the breadcrumb */
    long now = (long)time(NULL);
    long meeting = fp_annot_meeting_elapsed(ui, now);
    long secs = ui->headless ? 0 : meeting >= 0 ? meeting : now - ui->start;
    fp_fmt_clock(secs, clock, sizeof clock);
    char badge[128] = "";
    if (ui->meet.npending > 0) /* notes the database has not taken yet */
        fp_meet_pending_badge(ui, COLS - 20, badge, sizeof badge);
    else if (ui->read_only)
        snprintf(badge, sizeof badge, "%s", _(" READ-ONLY "));
    char money[32] = "";
    if (ui->reporting) /* $: every money figure converted */
        snprintf(money, sizeof money, _("in %s  "),
                 fp_ui_reporting_currency(ui));
    if (meeting >= 0)
        snprintf(right, sizeof right, _("%smeeting %s"), money, clock);
    else
        snprintf(right, sizeof right, "%s%s", money, clock);
    int cw = fp_text_width(right), bw = fp_text_width(badge);
    fp_draw_fill(ui, 0, 0, COLS, ui->attr[FP_C_HEADER]);
    int x = fp_draw(ui, 0, 0, fp_text_width(week), week, ui->attr[FP_C_HEADER]);
    int rx = COLS - cw - bw - 1;
    draw_crumb(ui, x + 2, rx - x - 3);
    if (bw)
        fp_draw(ui, 0, rx, bw, badge, ui->attr[FP_C_BADGE]);
    fp_draw(ui, 0, COLS - cw, cw, right, ui->attr[FP_C_CLOCK]);
}

/* ---- status line and key bar ------------------------------------------- */

static void draw_status(fp_ui *ui)
{
    int y = LINES - 2;
    static const fp_color level_color[] = { FP_C_INFO, FP_C_WARN, FP_C_ERROR };
    fp_draw_fill(ui, y, 0, COLS, ui->attr[FP_C_NORMAL]);
    if (ui->prompt) {
        char line[1024];
        snprintf(line, sizeof line, "%s%s", ui->prompt, ui->prompt_text);
        int w = fp_draw(ui, y, 0, COLS - 1, line, ui->attr[FP_C_NORMAL]);
        move(y, w < COLS ? w : COLS - 1);
        return;
    }
    char hint[512];
    const char *text = ui->msg;
    int level = ui->msg_level;
    fp_view *v = fp_ui_top(ui);
    if (!*text && v && v->ops->hint) {
        level = v->ops->hint(v, ui, hint, sizeof hint);
        text = level >= 0 ? hint : "";
    }
    if (level < 0 || level > 2)
        level = 0;
    fp_draw(ui, y, 0, COLS, text, ui->attr[level_color[level]]);
}

static bool bar_item_on(const fp_ui *ui, fp_action act)
{
    const fp_action_info *info = fp_action_get(act);
    return info->available && !(info->needs_write && ui->read_only);
}

/* Draws one "key label" item at x; returns the next x, or -1 if it did
 * not fit before limit. */
static int draw_bar_item(fp_ui *ui, fp_keyctx ctx, fp_action act, int x,
                         int limit)
{
    const fp_action_info *info = fp_action_get(act);
    fp_key key = fp_keymap_first_key(ui->km, ctx, act);
    if (!info || !info->bar || key == FP_KEY_NONE)
        return x;
    char kn[32];
    fp_key_short_name(key, kn, sizeof kn);
    const char *label = _(info->bar);
    int kw = fp_text_width(kn), lw = fp_text_width(label);
    if (x + kw + lw + 2 > limit)
        return -1;
    bool on = bar_item_on(ui, act);
    fp_draw(ui, LINES - 1, x, kw, kn,
            ui->attr[on ? FP_C_BAR_KEY : FP_C_BAR_OFF]);
    fp_draw(ui, LINES - 1, x + kw + 1, lw, label,
            ui->attr[on ? FP_C_BAR_LABEL : FP_C_BAR_OFF]);
    return x + kw + lw + 2;
}

static void draw_keybar(fp_ui *ui)
{
    fp_view *v = fp_ui_top(ui);
    fp_keyctx ctx = v ? (v->ops->context ? v->ops->context(v) : v->ops->ctx)
                      : FP_CTX_GENERIC;
    fp_draw_fill(ui, LINES - 1, 0, COLS, ui->attr[FP_C_BAR_LABEL]);
    char qn[32];
    fp_key qk = fp_keymap_first_key(ui->km, ctx, FP_ACT_QUIT);
    fp_key_short_name(qk, qn, sizeof qn);
    int reserve = qk == FP_KEY_NONE ? 0
                  : fp_text_width(qn) + fp_text_width(_("Quit")) + 2;
    int x = draw_bar_item(ui, ctx, FP_ACT_HELP, 0, COLS);
    for (const fp_action *a = v ? v->ops->bar : NULL; a && *a && x >= 0; a++) {
        int nx = draw_bar_item(ui, ctx, *a, x, COLS - reserve);
        if (nx >= 0)
            x = nx;
    }
    if (x >= 0 && reserve)
        draw_bar_item(ui, ctx, FP_ACT_QUIT, COLS - reserve, COLS + 1);
}

/* ---- the frame --------------------------------------------------------- */

static void draw_too_small(fp_ui *ui)
{
    char need[64];
    snprintf(need, sizeof need, _("(need %dx%d)"), FP_MIN_COLS, FP_MIN_ROWS);
    const char *lines[] = { _("Terminal too small"), need };
    int y0 = LINES >= 2 ? LINES / 2 - 1 : 0;
    for (int i = 0; i < 2 && y0 + i < LINES; i++)
        fp_draw(ui, y0 + i, 0, COLS, lines[i],
                ui->attr[i ? FP_C_NORMAL : FP_C_WARN]);
}

void fp_frame_draw(fp_ui *ui)
{
    erase();
    curs_set(0);
    if (too_small(ui)) {
        draw_too_small(ui);
    } else {
        fp_view *v = fp_ui_top(ui);
        if (v)
            v->ops->draw(v, ui, fp_frame_body(ui));
        draw_header(ui);
        fp_summary_draw(ui, 1);
        draw_keybar(ui);
        int cy = -1, cx = -1;
        if (ui->overlay)
            ui->overlay(ui, ui->overlay_ctx, &cy, &cx);
        draw_status(ui); /* a prompt puts the cursor on the status line */
        if (!ui->prompt && cy >= 0 && cx >= 0)
            move(cy, cx);
        if (ui->prompt || cy >= 0)
            curs_set(1);
    }
    refresh();
}

/* ---- bands for editors and pickers ------------------------------------- */

fp_rect fp_band_rect(const fp_ui *ui, int h)
{
    fp_rect body = fp_frame_body(ui);
    if (h > body.h)
        h = body.h;
    return (fp_rect){ body.y + body.h - h, 0, h, body.w };
}

void fp_draw_band(fp_ui *ui, fp_rect r, const char *title, const char *hint)
{
    for (int i = 0; i < r.h; i++)
        fp_draw_fill(ui, r.y + i, r.x, r.w, ui->attr[FP_C_NORMAL]);
    fp_draw_rule(ui, r.y, r.x, r.w, title, ui->attr[FP_C_TITLE]);
    if (r.h >= 3 && hint)
        fp_draw(ui, r.y + r.h - 1, r.x + 1, r.w - 1, hint,
                ui->attr[FP_C_DIM]);
}
