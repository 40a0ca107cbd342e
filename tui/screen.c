/* curses start-up and shutdown, real or headless, and the screen dump. */
#include "tui/screen.h"

#include <curses.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "model/i18n.h"

struct fp_screen {
    SCREEN *sp;
    FILE *out, *in;     /* headless: /dev/null */
    bool headless;
};

static bool open_headless(fp_screen *s, int cols, int rows)
{
    static const char *const types[] = {
        "xterm-256color", "xterm", "vt100", "ansi", "dumb"
    };
    s->out = fopen("/dev/null", "w");
    s->in = fopen("/dev/null", "r");
    if (!s->out || !s->in)
        return false;
    for (size_t i = 0; i < sizeof types / sizeof types[0] && !s->sp; i++)
        s->sp = newterm(types[i], s->out, s->in);
    if (!s->sp)
        return false;
    set_term(s->sp);
    resizeterm(rows, cols);
    return true;
}

/* Bracketed paste: the terminal marks pasted text, so that a newline in
 * a pasted paragraph does not save a note half-way (see FP_KEY_PASTE_*). */
static void bracketed_paste(bool on)
{
    putp(on ? "\033[?2004h" : "\033[?2004l");
    fflush(stdout);
}

/* Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ are keys read in order with the
 * text typed before them (in cbreak mode Ctrl-C became a signal that
 * overtook keys still queued). */
static void setup_input(bool headless)
{
    raw();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (!headless) {
        mmask_t want = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
                       | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
        want |= BUTTON5_PRESSED;
#endif
        mousemask(want, NULL);
        define_key("\033[200~", FP_KEY_PASTE_START & ~FP_KEY_FN);
        define_key("\033[201~", FP_KEY_PASTE_END & ~FP_KEY_FN);
        bracketed_paste(true);
    }
}

fp_screen *fp_screen_open(int cols, int rows, char *err, size_t errsz)
{
    fp_screen *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errsz, "%s", _("out of memory"));
        return NULL;
    }
    s->headless = cols > 0 && rows > 0;
    bool ok;
    if (s->headless) {
        ok = open_headless(s, cols, rows);
    } else {
        s->sp = newterm(NULL, stdout, stdin);
        ok = s->sp != NULL;
        if (ok)
            set_term(s->sp);
    }
    if (!ok) {
        snprintf(err, errsz, "%s", s->headless
                 ? _("cannot start a virtual screen (no terminfo?)")
                 : _("cannot start the terminal (is TERM set?)"));
        fp_screen_close(s);
        return NULL;
    }
    setup_input(s->headless);
    return s;
}

void fp_screen_close(fp_screen *s)
{
    if (!s)
        return;
    if (s->sp) {
        if (!s->headless)
            bracketed_paste(false);
        endwin();
        delscreen(s->sp);
    }
    if (s->out)
        fclose(s->out);
    if (s->in)
        fclose(s->in);
    free(s);
}

void fp_screen_apply_resize(const fp_event *ev)
{
    if (ev->type == FP_EV_RESIZE && ev->cols > 0 && ev->rows > 0)
        resizeterm(ev->rows, ev->cols);
}

void fp_screen_repaint(void)
{
    clearok(curscr, TRUE);
}

void fp_screen_suspend(void)
{
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    bracketed_paste(false);
    def_prog_mode();
    endwin();
    sigaction(SIGTSTP, &dfl, &old);
    raise(SIGTSTP); /* stops here until SIGCONT (fg) */
    sigaction(SIGTSTP, &old, NULL);
    reset_prog_mode();
    bracketed_paste(true);
    clearok(curscr, TRUE);
    refresh();
}

/* One screen row as UTF-8, skipping the right half of wide characters. */
static void dump_row(FILE *out, int y)
{
    char line[4096 * 4];
    size_t o = 0, keep = 0;
    for (int x = 0; x < COLS && o + 2 * MB_LEN_MAX < sizeof line; x++) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1] = { 0 };
        attr_t attrs;
        short pair;
        if (mvwin_wch(curscr, y, x, &cc) != OK
            || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0])
            wch[0] = L' ', wch[1] = 0;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        for (int i = 0; wch[i]; i++) {
            size_t n = wcrtomb(line + o, wch[i], &st);
            o += n == (size_t)-1 ? 0 : n;
        }
        if (wch[0] != L' ')
            keep = o;
        if (wcwidth(wch[0]) == 2)
            x++;
    }
    fwrite(line, 1, keep, out);
    fputc('\n', out);
}

void fp_screen_dump(FILE *out)
{
    for (int y = 0; y < LINES; y++)
        dump_row(out, y);
    fflush(out);
}
