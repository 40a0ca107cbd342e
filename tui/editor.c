/* The text editor band; see editor.h. */
#include "tui/editor.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/edbuf.h"
#include "model/i18n.h"
#include "tui/screen.h"

#define KEY_WAIT_MS 300    /* idle time after which a draft is saved */
#define DRAFT_EVERY_MS 800 /* and at least this often while typing */
#define BATCH_MAX 4096     /* keys handled before drawing (a paste) */
#define ROWS_MAX 10

typedef struct {
    fp_ui *ui;
    const fp_editor_opts *o;
    fp_edbuf buf;
    fp_edlayout lay;
    int top;               /* first text line shown */
    int rows;              /* text lines shown */
    bool paste;            /* inside a bracketed paste */
    unsigned drafted;      /* buf.changes at the last draft */
    long draft_ms;
    char note[256];        /* a message on the hint line */
    int done;              /* -1 while editing, else an fp_ed_result */
} editor;

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- drawing ----------------------------------------------------------- */

static int text_rows(const editor *ed, int body_h)
{
    int max = body_h - 4 - (ed->o->info ? 1 : 0);
    max = max > ROWS_MAX ? ROWS_MAX : max < 1 ? 1 : max;
    int want = ed->o->multiline ? (int)ed->lay.n : 1;
    want = want < (ed->o->multiline ? 3 : 1) ? (ed->o->multiline ? 3 : 1)
                                             : want;
    return want < max ? want : max;
}

static void hint_text(const editor *ed, char *out, size_t outsz)
{
    if (*ed->note) {
        snprintf(out, outsz, "%s", ed->note);
        return;
    }
    const char *keys = ed->o->multiline
        ? _("Enter save · Ctrl-J or Alt-Enter new line · Esc cancel")
        : _("Enter save · Esc cancel");
    if (ed->lay.n > (size_t)ed->rows)
        snprintf(out, outsz, _("%s · line %d/%d"), keys,
                 ed->top + 1, (int)ed->lay.n);
    else
        snprintf(out, outsz, "%s", keys);
}

static void layout(editor *ed, int cols)
{
    fp_edlayout_build(&ed->lay, &ed->buf, cols);
    ed->rows = text_rows(ed, fp_frame_body(ed->ui).h);
    int row, col;
    fp_edlayout_cursor(&ed->lay, &ed->buf, &row, &col);
    if (row < ed->top)
        ed->top = row;
    if (row >= ed->top + ed->rows)
        ed->top = row - ed->rows + 1;
}

static void draw_editor(fp_ui *ui, void *ctx, int *cy, int *cx)
{
    editor *ed = ctx;
    int info = ed->o->info ? 1 : 0;
    layout(ed, COLS - 3);
    fp_rect r = fp_band_rect(ui, ed->rows + 2 + info);
    char hint[512], line[4096];
    hint_text(ed, hint, sizeof hint);
    fp_draw_band(ui, r, ed->o->title, hint);
    if (info)
        fp_draw(ui, r.y + 1, 1, r.w - 1, ed->o->info, ui->attr[FP_C_MARK]);
    int y0 = r.y + 1 + info;
    for (int i = 0; i < ed->rows && ed->top + i < (int)ed->lay.n; i++) {
        fp_edlayout_line(&ed->lay, &ed->buf, (size_t)(ed->top + i), line,
                         sizeof line);
        fp_draw(ui, y0 + i, 1, r.w - 2, line, ui->attr[FP_C_NORMAL]);
    }
    int row, col;
    fp_edlayout_cursor(&ed->lay, &ed->buf, &row, &col);
    *cy = y0 + row - ed->top;
    *cx = 1 + col;
    if (*cy >= r.y + r.h - 1 || *cx >= COLS)
        *cy = *cx = -1; /* the screen is too small for it */
}

/* ---- drafts ------------------------------------------------------------ */

static void save_draft(editor *ed, bool force)
{
    if (!ed->o->draft || ed->buf.changes == ed->drafted)
        return;
    long now = now_ms();
    if (!force && now - ed->draft_ms < DRAFT_EVERY_MS)
        return;
    char *text = fp_edbuf_text(&ed->buf);
    if (!text)
        return;
    ed->o->draft(ed->ui, ed->o->ctx, text);
    free(text);
    ed->drafted = ed->buf.changes;
    ed->draft_ms = now;
}

/* ---- keys -------------------------------------------------------------- */

static bool text_changed(const editor *ed)
{
    char *now = fp_edbuf_text(&ed->buf);
    bool changed = !now || strcmp(now, ed->o->text ? ed->o->text : "") != 0;
    free(now);
    return changed;
}

/* Esc or Ctrl-C: leave at once when nothing was typed, else ask. */
static void ask_cancel(editor *ed)
{
    if ((!ed->o->unsaved_start && !text_changed(ed))
        || fp_edbuf_blank(&ed->buf)) {
        ed->done = FP_ED_CANCELLED;
        return;
    }
    save_draft(ed, true); /* whatever the answer, nothing is lost yet */
    int a = fp_ask(ed->ui, _("Throw the typed text away? (y/N) "), "yn");
    if (a == 'y')
        ed->done = FP_ED_CANCELLED;
    else
        snprintf(ed->note, sizeof ed->note, "%s",
                 _("Kept. Enter saves, Esc then y throws the text away."));
}

static void enter(editor *ed)
{
    if (ed->paste) {
        fp_edbuf_insert(&ed->buf, L'\n');
    } else if (fp_edbuf_blank(&ed->buf) && !ed->o->allow_empty) {
        snprintf(ed->note, sizeof ed->note, "%s",
                 _("Type some text first (Esc cancels)."));
    } else {
        ed->done = FP_ED_SAVED;
    }
}

static bool motion_key(editor *ed, fp_key k)
{
    fp_edbuf *b = &ed->buf;
    switch (k) {
    case FP_KEY_FN | KEY_LEFT: fp_edbuf_left(b); break;
    case FP_KEY_FN | KEY_RIGHT: fp_edbuf_right(b); break;
    case FP_KEY_FN | KEY_UP: fp_edbuf_vmove(b, &ed->lay, -1); break;
    case FP_KEY_FN | KEY_DOWN: fp_edbuf_vmove(b, &ed->lay, 1); break;
    case FP_KEY_FN | KEY_PPAGE: fp_edbuf_vmove(b, &ed->lay, -ed->rows); break;
    case FP_KEY_FN | KEY_NPAGE: fp_edbuf_vmove(b, &ed->lay, ed->rows); break;
    case FP_KEY_FN | KEY_HOME: case 1: fp_edbuf_home(b); break;
    case FP_KEY_FN | KEY_END: case 5: fp_edbuf_end(b); break;
    default: return false;
    }
    return true;
}

static bool edit_key(editor *ed, fp_key k)
{
    fp_edbuf *b = &ed->buf;
    switch (k) {
    case FP_KEY_FN | KEY_BACKSPACE: fp_edbuf_backspace(b); break;
    case FP_KEY_FN | KEY_DC: fp_edbuf_delete(b); break;
    case 21: fp_edbuf_kill_before(b); break;  /* C-u */
    case 11: fp_edbuf_kill_after(b); break;   /* C-k */
    case FP_KEY_CTRL_J: case FP_KEY_ALT | '\n':
        fp_edbuf_insert(b, L'\n');
        break;
    case FP_KEY_PASTE_START: ed->paste = true; break;
    case FP_KEY_PASTE_END: ed->paste = false; break;
    default:
        if (k < 0x20 || (k & (FP_KEY_FN | FP_KEY_ALT)))
            return false;
        if (!fp_edbuf_insert(b, (wchar_t)k) && ed->o->max_chars
            && b->len >= ed->o->max_chars)
            snprintf(ed->note, sizeof ed->note, _("At most %zu characters."),
                     ed->o->max_chars);
    }
    return true;
}

static void on_key(editor *ed, fp_key k)
{
    ed->note[0] = '\0';
    if (k == '\n')
        enter(ed);
    else if (k == 27 || k == 3 || k == 7) /* Esc, C-c, C-g */
        ask_cancel(ed);
    else if (!motion_key(ed, k))
        edit_key(ed, k);
    layout(ed, COLS - 3); /* up/down need the current lines */
}

static void on_event(editor *ed, const fp_event *ev)
{
    switch (ev->type) {
    case FP_EV_KEY: on_key(ed, ev->key); break;
    case FP_EV_RESIZE: fp_screen_apply_resize(ev); break;
    case FP_EV_TIMEOUT: save_draft(ed, true); break;
    case FP_EV_END: ed->ui->stop = true; break;
    default: break;
    }
    if (fp_signal_interrupt() && ed->done < 0)
        ask_cancel(ed); /* Ctrl-C never loses the text */
    if (fp_meet_must_stop(ed->ui) && ed->done < 0)
        ed->done = FP_ED_STOPPED;
    save_draft(ed, ed->done == FP_ED_STOPPED);
}

/* Handles keys that are already waiting (a paste) before drawing again. */
static void run_batch(editor *ed)
{
    fp_event ev;
    fp_ui_next(ed->ui, &ev, KEY_WAIT_MS);
    on_event(ed, &ev);
    for (int i = 0; i < BATCH_MAX && ed->done < 0 && ev.type == FP_EV_KEY;
         i++) {
        fp_ui_next(ed->ui, &ev, 0);
        if (ev.type != FP_EV_TIMEOUT)
            on_event(ed, &ev);
    }
}

fp_ed_result fp_editor_run(fp_ui *ui, const fp_editor_opts *o, char **out)
{
    editor ed = { .ui = ui, .o = o, .done = -1 };
    fp_edbuf_init(&ed.buf, o->multiline, o->max_chars);
    fp_edlayout_init(&ed.lay);
    fp_edbuf_set(&ed.buf, o->text ? o->text : "");
    ed.drafted = ed.buf.changes;
    ed.draft_ms = now_ms();
    layout(&ed, COLS - 3);
    ui->overlay = draw_editor;
    ui->overlay_ctx = &ed;
    if (fp_meet_must_stop(ui))
        ed.done = FP_ED_STOPPED;
    while (ed.done < 0) {
        fp_frame_draw(ui);
        run_batch(&ed);
    }
    ui->overlay = NULL;
    ui->overlay_ctx = NULL;
    *out = ed.done == FP_ED_CANCELLED ? NULL : fp_edbuf_text(&ed.buf);
    fp_edlayout_done(&ed.lay);
    fp_edbuf_done(&ed.buf);
    return (fp_ed_result)ed.done;
}
