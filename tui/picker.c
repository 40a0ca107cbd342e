/* The picker band; see picker.h. */
#include "tui/picker.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "tui/grid.h"
#include "tui/listmove.h"
#include "model/i18n.h"
#include "tui/screen.h"

#define ROWS_MAX 12

typedef struct {
    fp_picklist *p;
    const char *title;
    int scroll, rows;
    int done;              /* -1 while picking, 0 cancelled, 1 chosen */
} picker;

static void draw_item(fp_ui *ui, const picker *pk, int y, size_t i)
{
    const fp_pick_item *it = &pk->p->items[pk->p->shown[i]];
    bool sel = i == pk->p->sel;
    char line[1024];
    int a = fp_attr(ui, FP_C_NORMAL, sel);
    fp_draw_fill(ui, y, 0, COLS, a);
    if (sel)
        fp_draw(ui, y, 0, 1, ui->gl->cursor, a);
    if (pk->p->multi)
        snprintf(line, sizeof line, "[%s] %s", it->marked ? "x" : " ",
                 it->label);
    else
        snprintf(line, sizeof line, "%s", it->label);
    fp_draw(ui, y, 2, COLS - 2, line, a);
}

static void draw_picker(fp_ui *ui, void *ctx, int *cy, int *cx)
{
    picker *pk = ctx;
    fp_picklist *p = pk->p;
    int body_h = fp_frame_body(ui).h;
    int max = body_h - 3 < ROWS_MAX ? body_h - 3 : ROWS_MAX;
    pk->rows = (int)p->n < max ? (int)p->n : max;
    pk->rows = pk->rows < 1 ? 1 : pk->rows;
    fp_rect r = fp_band_rect(ui, pk->rows + 3);
    char hint[256], filter[FP_PICK_FILTER_MAX + 64];
    snprintf(hint, sizeof hint, p->multi
             ? _("%zu of %zu · type to filter · Space mark · Enter done · "
                 "Esc cancel")
             : _("%zu of %zu · type to filter · Enter choose · Esc cancel"),
             p->nshown, p->n);
    fp_draw_band(ui, r, pk->title, hint);
    snprintf(filter, sizeof filter, "%s%s", _("Filter: "), p->filter);
    int fw = fp_draw(ui, r.y + 1, 1, r.w - 1, filter, ui->attr[FP_C_NORMAL]);
    *cy = r.y + 1;
    *cx = 1 + fp_text_width(filter) < r.w ? 1 + fp_text_width(filter) : fw;
    fp_list_scroll_to((int)p->sel, (int)p->nshown, pk->rows, &pk->scroll);
    for (int i = 0; i < pk->rows && pk->scroll + i < (int)p->nshown; i++)
        draw_item(ui, pk, r.y + 2 + i, (size_t)(pk->scroll + i));
    if (p->nshown == 0)
        fp_draw(ui, r.y + 2, 2, r.w - 2, _("Nothing matches."),
                ui->attr[FP_C_DIM]);
}

static bool move_key(picker *pk, fp_key k)
{
    int page = pk->rows > 1 ? pk->rows - 1 : 1;
    switch (k) {
    case FP_KEY_FN | KEY_UP: fp_picklist_move(pk->p, -1); break;
    case FP_KEY_FN | KEY_DOWN: fp_picklist_move(pk->p, 1); break;
    case FP_KEY_FN | KEY_PPAGE: fp_picklist_move(pk->p, -page); break;
    case FP_KEY_FN | KEY_NPAGE: fp_picklist_move(pk->p, page); break;
    case FP_KEY_FN | KEY_HOME: fp_picklist_move(pk->p, -(int)pk->p->n); break;
    case FP_KEY_FN | KEY_END: fp_picklist_move(pk->p, (int)pk->p->n); break;
    default: return false;
    }
    return true;
}

static void on_key(picker *pk, fp_key k)
{
    char ch[8];
    if (k == '\n' || k == FP_KEY_CTRL_J) {
        if (pk->p->multi && fp_picklist_nmarked(pk->p) == 0)
            fp_picklist_toggle(pk->p); /* Enter alone takes the current */
        pk->done = fp_picklist_current(pk->p) || pk->p->multi ? 1 : -1;
    } else if (k == 27 || k == 3 || k == 7) {
        pk->done = 0;
    } else if (k == ' ' && pk->p->multi) {
        fp_picklist_toggle(pk->p);
        fp_picklist_move(pk->p, 1);
    } else if (k == (FP_KEY_FN | KEY_BACKSPACE)) {
        fp_picklist_erase(pk->p);
    } else if (k == 21) { /* C-u */
        fp_picklist_set_filter(pk->p, "");
    } else if (!move_key(pk, k) && fp_key_to_utf8(k, ch) > 0) {
        fp_picklist_type(pk->p, ch);
    }
}

bool fp_picker_run(fp_ui *ui, fp_picklist *p, const char *title)
{
    picker pk = { .p = p, .title = title, .done = -1 };
    ui->overlay = draw_picker;
    ui->overlay_ctx = &pk;
    while (pk.done < 0 && !fp_meet_must_stop(ui)) {
        fp_key key;
        if (fp_modal_key(ui, &key))
            on_key(&pk, key);
        if (fp_signal_interrupt())
            pk.done = 0;
    }
    ui->overlay = NULL;
    ui->overlay_ctx = NULL;
    return pk.done == 1;
}
