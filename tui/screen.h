/* Starting and ending curses: on the terminal, or headless on a virtual
 * screen of a given size whose final contents are printed as text. */
#ifndef FUPAN_TUI_SCREEN_H
#define FUPAN_TUI_SCREEN_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/keysrc.h"

typedef struct fp_screen fp_screen;

/* cols/rows > 0: headless. NULL with a message in err on failure. */
fp_screen *fp_screen_open(int cols, int rows, char *err, size_t errsz);
/* Restores the terminal and frees everything. */
void fp_screen_close(fp_screen *s);
/* A scripted resize changes the virtual screen; a real one was already
 * applied by curses. */
void fp_screen_apply_resize(const fp_event *ev);
/* Repaints the whole terminal on the next refresh (Ctrl-L). */
void fp_screen_repaint(void);
/* Ctrl-Z in raw mode: gives the terminal back and stops the process like
 * a shell's job control would; back in curses (repaint pending) once it
 * is continued. Nothing happens without job control (no shell). */
void fp_screen_suspend(void);
/* Writes the screen as UTF-8 text, one line per row, trailing spaces cut. */
void fp_screen_dump(FILE *out);

#endif
