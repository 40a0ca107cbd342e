/* Drawing helpers: all text is sanitised and cut by display columns
 * (fp_text_fit) before it reaches curses, clipped to the screen. */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "tui/ui.h"

#define DRAW_MAX_COLS 1000

/* Clamps a span to the screen; false when nothing is visible. */
static bool clip(int y, int x, int *w)
{
    /* ncurses 6.4 reads outside a 1-column line when the last cell is
       written (lower-right corner handling): draw nothing that narrow */
    if (y < 0 || y >= LINES || x < 0 || x >= COLS || *w <= 0 || COLS < 2)
        return false;
    if (*w > COLS - x)
        *w = COLS - x;
    if (*w > DRAW_MAX_COLS)
        *w = DRAW_MAX_COLS;
    return true;
}

static void put(int y, int x, const char *s, int attr)
{
    attrset(attr);
    mvaddstr(y, x, s);
    attrset(A_NORMAL);
}

int fp_draw(fp_ui *ui, int y, int x, int w, const char *text, int attr)
{
    char buf[DRAW_MAX_COLS * 4 + 8];
    (void)ui;
    if (!clip(y, x, &w))
        return 0;
    int used = fp_text_fit(text ? text : "", w, true, buf, sizeof buf);
    put(y, x, buf, attr);
    return used;
}

int fp_draw_right(fp_ui *ui, int y, int x, int w, const char *text, int attr)
{
    char buf[DRAW_MAX_COLS * 4 + 8];
    (void)ui;
    if (!clip(y, x, &w))
        return 0;
    int used = fp_text_fit_right(text ? text : "", w, buf, sizeof buf);
    put(y, x, buf, attr);
    return used;
}

void fp_draw_fill(fp_ui *ui, int y, int x, int w, int attr)
{
    fp_draw(ui, y, x, w, "", attr);
}

void fp_draw_rule(fp_ui *ui, int y, int x, int w, const char *title,
                  int attr)
{
    char line[DRAW_MAX_COLS * 4 + 8];
    size_t hl = strlen(ui->gl->hline), o = 0;
    if (!clip(y, x, &w))
        return;
    for (int i = 0; i < w && o + hl < sizeof line; i++, o += hl)
        memcpy(line + o, ui->gl->hline, hl);
    line[o] = '\0';
    fp_draw(ui, y, x, w, line, attr);
    if (title && *title && w > 4) {
        char t[DRAW_MAX_COLS * 4 + 8];
        snprintf(t, sizeof t, " %s ", title);
        int tw = fp_text_width(t);
        fp_draw(ui, y, x + 2, tw < w - 2 ? tw : w - 2, t, attr);
    }
}

void fp_sparkline(const fp_ui *ui, const double *v, int n, char *out,
                  size_t outsz)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t o = 0;
    for (int i = 0; i < n; i++)
        if (isfinite(v[i])) {
            lo = v[i] < lo ? v[i] : lo;
            hi = v[i] > hi ? v[i] : hi;
        }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *g = " ";
        if (isfinite(v[i])) {
            int lvl = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * 7.0)
                              : 3;
            g = ui->gl->spark[lvl < 0 ? 0 : lvl > 7 ? 7 : lvl];
        }
        size_t gl = strlen(g);
        if (o + gl + 1 > outsz)
            break;
        memcpy(out + o, g, gl);
        o += gl;
        out[o] = '\0';
    }
}
