/* Cursor and scroll of every list on screen, in one place (as tig's
 * move_view/scroll_view serve all its views): the node table and its
 * detail panel, the people view, a scorecard, the notes and the action
 * items. A list is n rows with a cursor (sel), the first row shown
 * (scroll) and the rows shown in the last frame (page); the views keep
 * these ints and hand them here. No curses, so it is unit-tested. */
#ifndef FUPAN_TUI_LISTMOVE_H
#define FUPAN_TUI_LISTMOVE_H

#include <stdbool.h>

#include "tui/action.h"

/* Moves the cursor *sel for a movement action (up, down, page up/down by
 * page - 1 rows, first, last); false, nothing changed, for any other
 * action. The cursor ends within 0..n-1 (0 when the list is empty). */
bool fp_list_move(int *sel, int n, int page, fp_action act);
/* Moves the cursor by delta rows (the mouse wheel), within the list. */
void fp_list_step(int *sel, int n, int delta);
/* Puts the cursor back within 0..n-1 (the list changed under it). */
void fp_list_clamp(int *sel, int n);
/* Keeps sel visible in a window of h rows starting at *scroll, with no
 * empty rows at the end while the list fills the window. */
void fp_list_scroll_to(int sel, int n, int h, int *scroll);
/* The row under screen line y of a list drawn from line top on h lines,
 * scrolled by scroll; -1 when y shows no row. */
int fp_list_row_at(int y, int top, int h, int scroll, int n);

#endif
