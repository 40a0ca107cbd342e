/* Cursor and scroll of every list on screen; see listmove.h. */
#include "tui/listmove.h"

void fp_list_clamp(int *sel, int n)
{
    if (*sel >= n)
        *sel = n - 1;
    if (*sel < 0)
        *sel = 0;
}

bool fp_list_move(int *sel, int n, int page, fp_action act)
{
    int step = page > 1 ? page - 1 : 1; /* a page keeps one row in view */
    switch (act) {
    case FP_ACT_MOVE_UP: *sel -= 1; break;
    case FP_ACT_MOVE_DOWN: *sel += 1; break;
    case FP_ACT_PAGE_UP: *sel -= step; break;
    case FP_ACT_PAGE_DOWN: *sel += step; break;
    case FP_ACT_FIRST: *sel = 0; break;
    case FP_ACT_LAST: *sel = n - 1; break;
    default: return false;
    }
    fp_list_clamp(sel, n);
    return true;
}

void fp_list_step(int *sel, int n, int delta)
{
    *sel += delta;
    fp_list_clamp(sel, n);
}

void fp_list_scroll_to(int sel, int n, int h, int *scroll)
{
    if (h <= 0)
        return;
    if (sel < *scroll)
        *scroll = sel;
    if (sel >= *scroll + h)
        *scroll = sel - h + 1;
    if (*scroll > n - h)
        *scroll = n - h;
    if (*scroll < 0)
        *scroll = 0;
}

int fp_list_row_at(int y, int top, int h, int scroll, int n)
{
    int i = y - top;
    if (i < 0 || i >= h || scroll + i >= n)
        return -1;
    return scroll + i;
}
