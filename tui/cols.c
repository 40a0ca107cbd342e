/* Column layout; see cols.h. */
#include "tui/cols.h"

static int max_prio(const fp_col *c, int n)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        m = c[i].prio > m ? c[i].prio : m;
    return m;
}

void fp_cols_layout(fp_col *c, int n, int x0, int width)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        c[i].x = c[i].prio == 0 ? 0 : -1;
        c[i].width = c[i].w;
        if (c[i].prio == 0)
            total += c[i].gap + c[i].w;
    }
    for (int p = 1, top = max_prio(c, n); p <= top; p++)
        for (int i = 0; i < n; i++)
            if (c[i].prio == p && total + c[i].gap + c[i].w <= width) {
                c[i].x = 0;
                total += c[i].gap + c[i].w;
            }
    for (int i = 0; i < n && total < width; i++)
        if (c[i].x == 0 && c[i].maxw > c[i].w) {
            int add = c[i].maxw - c[i].w;
            add = add < width - total ? add : width - total;
            c[i].width += add;
            total += add;
        }
    int x = x0;
    for (int i = 0; i < n; i++)
        if (c[i].x == 0) {
            c[i].x = x + c[i].gap;
            x = c[i].x + c[i].width;
        }
}
