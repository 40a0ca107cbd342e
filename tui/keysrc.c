/* Key sources: the terminal, or a parsed key script for headless runs. */
#include "tui/keysrc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/i18n.h"
#include "model/vec.h"

struct fp_keysrc {
    bool script;
    fp_event *ev;            /* script events */
    int nev, cap, pos;
    int quick_errors;        /* curses: ERRs that did not wait */
};

static bool push_event(fp_keysrc *src, const fp_event *ev)
{
    bool ok = true;
    FP_GROW(src->ev, src->nev + 1, src->cap, ok);
    if (!ok)
        return false;
    src->ev[src->nev++] = *ev;
    return true;
}

static bool push_key(fp_keysrc *src, fp_key key)
{
    fp_event ev = { .type = FP_EV_KEY, .key = key };
    return push_event(src, &ev);
}

/* text:你好 -> one key per UTF-8 character. */
static bool push_text(fp_keysrc *src, const char *text)
{
    char one[8];
    while (*text) {
        const unsigned char c = (unsigned char)*text;
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                : (c >> 3) == 30 ? 4 : 1;
        if ((int)strnlen(text, (size_t)len) < len)
            return false;
        memcpy(one, text, (size_t)len);
        one[len] = '\0';
        fp_key k;
        if (!fp_key_parse(one, &k) || !push_key(src, k))
            return false;
        text += len;
    }
    return true;
}

static const struct { const char *prefix; fp_mouse_kind kind; } mouse_tokens[] = {
    { "click:", FP_MOUSE_CLICK }, { "dclick:", FP_MOUSE_DOUBLE },
    { "wheelup:", FP_MOUSE_WHEEL_UP }, { "wheeldown:", FP_MOUSE_WHEEL_DOWN },
};

static bool parse_pair(const char *s, char sep, int *a, int *b)
{
    char tail;
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%d%c%%d%%c", sep);
    return sscanf(s, fmt, a, b, &tail) == 2 && *a >= 0 && *b >= 0;
}

static bool parse_token(fp_keysrc *src, const char *tok)
{
    fp_event ev = { .type = FP_EV_RESIZE };
    if (strncmp(tok, "text:", 5) == 0)
        return push_text(src, tok + 5);
    if (strncmp(tok, "resize:", 7) == 0)
        return parse_pair(tok + 7, 'x', &ev.cols, &ev.rows) && ev.cols > 0
               && ev.rows > 0 && push_event(src, &ev);
    for (size_t i = 0; i < sizeof mouse_tokens / sizeof mouse_tokens[0]; i++) {
        size_t n = strlen(mouse_tokens[i].prefix);
        if (strncmp(tok, mouse_tokens[i].prefix, n) == 0) {
            ev.type = FP_EV_MOUSE;
            ev.mouse = mouse_tokens[i].kind;
            return parse_pair(tok + n, ',', &ev.x, &ev.y)
                   && push_event(src, &ev);
        }
    }
    fp_key k;
    return fp_key_parse(tok, &k) && push_key(src, k);
}

fp_keysrc *fp_keysrc_script_new(const char *script, char *err, size_t errsz)
{
    fp_keysrc *src = calloc(1, sizeof *src);
    char *copy = strdup(script ? script : "");
    if (!src || !copy) {
        free(src);
        free(copy);
        snprintf(err, errsz, "%s", _("out of memory"));
        return NULL;
    }
    src->script = true;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t\n", &save); tok;
         tok = strtok_r(NULL, " \t\n", &save)) {
        if (!parse_token(src, tok)) {
            snprintf(err, errsz, _("unknown key in script: '%s'"), tok);
            free(copy);
            fp_keysrc_free(src);
            return NULL;
        }
    }
    free(copy);
    return src;
}

fp_keysrc *fp_keysrc_curses_new(void)
{
    return calloc(1, sizeof(fp_keysrc));
}

static void read_mouse(fp_event *ev)
{
    MEVENT me;
    ev->type = FP_EV_TIMEOUT;
    if (getmouse(&me) != OK)
        return;
    ev->x = me.x;
    ev->y = me.y;
    ev->type = FP_EV_MOUSE;
    if (me.bstate & BUTTON1_DOUBLE_CLICKED)
        ev->mouse = FP_MOUSE_DOUBLE;
    else if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
        ev->mouse = FP_MOUSE_CLICK;
    else if (me.bstate & BUTTON4_PRESSED)
        ev->mouse = FP_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    else if (me.bstate & BUTTON5_PRESSED)
        ev->mouse = FP_MOUSE_WHEEL_DOWN;
#endif
    else
        ev->type = FP_EV_TIMEOUT;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* get_wch gives ERR both on a timeout and when the terminal is gone; many
 * ERRs that come back at once mean the latter. */
static void note_error(fp_keysrc *src, fp_event *ev, long waited,
                       int timeout_ms)
{
    if (timeout_ms < 0 || waited < timeout_ms / 2)
        src->quick_errors++;
    else
        src->quick_errors = 0;
    ev->type = src->quick_errors > 50 ? FP_EV_END : FP_EV_TIMEOUT;
}

/* After Esc: a key that came with it (curses found no escape sequence)
 * means Alt was held, as terminals send Alt-x as Esc x. */
static fp_key read_alt(void)
{
    wint_t wc = 0;
    timeout(0);
    int rc = get_wch(&wc);
    if (rc == ERR)
        return 27;
    if (rc == KEY_CODE_YES && (wc == KEY_RESIZE || wc == KEY_MOUSE)) {
        ungetch((int)wc); /* for the next read */
        return 27;
    }
    fp_key k = fp_key_from_input(rc, (unsigned int)wc);
    return k == 27 ? 27 : k | FP_KEY_ALT;
}

static void read_curses(fp_keysrc *src, fp_event *ev, int timeout_ms)
{
    wint_t wc = 0;
    memset(ev, 0, sizeof *ev);
    timeout(timeout_ms);
    long t0 = now_ms();
    int rc = get_wch(&wc);
    if (rc == ERR) {
        note_error(src, ev, now_ms() - t0, timeout_ms);
        return;
    }
    src->quick_errors = 0;
    if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
        ev->type = FP_EV_RESIZE;
    } else if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
        read_mouse(ev);
    } else {
        ev->type = FP_EV_KEY;
        ev->key = fp_key_from_input(rc, (unsigned int)wc);
        if (ev->key == 27)
            ev->key = read_alt();
    }
}

void fp_keysrc_next(fp_keysrc *src, fp_event *ev, int timeout_ms)
{
    if (!src->script) {
        read_curses(src, ev, timeout_ms);
        return;
    }
    if (src->pos >= src->nev) {
        memset(ev, 0, sizeof *ev);
        ev->type = FP_EV_END;
        return;
    }
    *ev = src->ev[src->pos++];
}

int fp_keysrc_count(const fp_keysrc *src)
{
    return src->nev;
}

void fp_keysrc_free(fp_keysrc *src)
{
    if (!src)
        return;
    free(src->ev);
    free(src);
}
