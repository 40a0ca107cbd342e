/* Where the main loop's input comes from: the terminal (curses get_wch)
 * or, in headless mode, a key script ("Enter Enter ] ?"). Script tokens:
 * key names as in the keymap (<Enter> or Enter, Down, C-x, F1, j, ?),
 * `text:你好` (literal characters), `resize:40x12`, and mouse events
 * `click:X,Y`, `dclick:X,Y`, `wheelup:X,Y`, `wheeldown:X,Y` (0-based).
 * Ownership: fp_keysrc_*_new/fp_keysrc_free. */
#ifndef FUPAN_TUI_KEYSRC_H
#define FUPAN_TUI_KEYSRC_H

#include <stddef.h>

#include "tui/keymap.h"

typedef enum {
    FP_EV_KEY, FP_EV_MOUSE, FP_EV_RESIZE, FP_EV_TIMEOUT, FP_EV_END
} fp_event_type;

typedef enum {
    FP_MOUSE_CLICK, FP_MOUSE_DOUBLE, FP_MOUSE_WHEEL_UP, FP_MOUSE_WHEEL_DOWN
} fp_mouse_kind;

typedef struct {
    fp_event_type type;
    fp_key key;              /* FP_EV_KEY */
    fp_mouse_kind mouse;     /* FP_EV_MOUSE */
    int x, y;                /* FP_EV_MOUSE: screen cell */
    int cols, rows;          /* FP_EV_RESIZE from a script: the new size
                                (0 when curses already resized) */
} fp_event;

typedef struct fp_keysrc fp_keysrc;

/* Reads the terminal through curses (after initscr/newterm). */
fp_keysrc *fp_keysrc_curses_new(void);
/* Parses a key script; NULL with "unknown key 'X'" in err. */
fp_keysrc *fp_keysrc_script_new(const char *script, char *err, size_t errsz);
/* Next event; waits at most timeout_ms (curses) before FP_EV_TIMEOUT.
 * A script ends with FP_EV_END, and so does a closed terminal. */
void fp_keysrc_next(fp_keysrc *src, fp_event *ev, int timeout_ms);
/* Number of events a script holds (for tests). */
int fp_keysrc_count(const fp_keysrc *src);
void fp_keysrc_free(fp_keysrc *src);

#endif
