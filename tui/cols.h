/* Column layout for tables: mandatory columns, optional ones added by
 * priority while the width lasts, flexible ones grown to their maximum. */
#ifndef FUPAN_TUI_COLS_H
#define FUPAN_TUI_COLS_H

typedef struct {
    int w;        /* width (the minimum for a flexible column) */
    int maxw;     /* > w: flexible up to this width */
    int prio;     /* 0: always shown; 1, 2, ...: added in this order */
    int gap;      /* blank columns before it */
    int x;        /* out: position, -1 when dropped */
    int width;    /* out: final width */
} fp_col;

/* Lays out n columns from x0 within width columns. */
void fp_cols_layout(fp_col *c, int n, int x0, int width);

#endif
