/* A list of scorecard rows (nodes or people) with its detail panel: the
 * part shared by the node table and the people view. It keeps the
 * cursor, scroll, sort, filters and the detail cursor; the owning view
 * collects the candidate rows.
 * Ownership: fp_grid_init/fp_grid_done (embedded in the view's struct). */
#ifndef FUPAN_TUI_GRID_H
#define FUPAN_TUI_GRID_H

#include <stdbool.h>

#include "tui/ui.h"

typedef struct {
    int row;     /* rollup row: a node, or nnodes + person */
    int node;    /* tree node to drill into, -1 for a scorecard row */
    int person;  /* person index, or -1 */
} fp_grid_row;

enum { FP_SORT_NATURAL, FP_SORT_SCORE, FP_SORT_NAME, FP_SORT_KPI0 };

typedef struct fp_grid fp_grid;
/* Fills g with every candidate row (fp_grid_add); filters and sorting
 * are applied afterwards. */
typedef void (*fp_grid_collect)(fp_grid *g, fp_ui *ui, void *ctx);

struct fp_grid {
    fp_grid_row *all;        /* candidates, natural order */
    int nall, cap;
    fp_grid_row *rows;       /* shown: filtered and sorted */
    int nrows;
    int sel, scroll, page;   /* table cursor; page = rows drawn */
    int *dkpis;              /* KPIs in the detail panel */
    int ndkpis;
    int dsel, dscroll, dpage;
    int want_kpi;            /* KPI to put the detail cursor on, -1 */
    bool focus_detail;
    int sort;                /* FP_SORT_* (FP_SORT_KPI0 + i: key KPI i) */
    bool reverse;
    bool filter_red;
    int role;                /* role filter (catalogue index), -1: all */
    bool people;             /* rows are people: show the role column */
    unsigned gen;            /* ui->gen the rows were built for */
    bool stale;              /* sort or filter changed: rebuild */
    fp_grid_collect collect;
    void *collect_ctx;
    int table_y, table_h, detail_y, detail_h; /* last drawn, for the mouse */
};

void fp_grid_init(fp_grid *g, fp_grid_collect collect, void *ctx);
void fp_grid_done(fp_grid *g);
void fp_grid_add(fp_grid *g, int row, int node, int person);
/* Rebuilds the shown rows when data, week, sort or filter changed. */
void fp_grid_update(fp_grid *g, fp_ui *ui);
/* The row under the cursor, or NULL when the list is empty. */
const fp_grid_row *fp_grid_current(fp_grid *g, fp_ui *ui);
/* The KPI under the detail cursor, -1 when none. */
int fp_grid_current_kpi(fp_grid *g, fp_ui *ui);
/* Moves the cursor to the row of node (or person when node < 0) and the
 * detail cursor to kpi (-1: keep). False when no such row is shown. */
bool fp_grid_select(fp_grid *g, fp_ui *ui, int node, int person, int kpi);
/* Movement, focus, sort and filter actions; FP_R_UNHANDLED otherwise. */
int fp_grid_request(fp_grid *g, fp_ui *ui, fp_action act);
/* Mouse: click selects, wheel scrolls; *drill is set on a double click
 * on a row. */
int fp_grid_mouse(fp_grid *g, fp_ui *ui, const fp_event *ev, bool *drill);
void fp_grid_draw(fp_grid *g, fp_ui *ui, fp_rect area);
/* With the detail focused: the highlighted KPI in full, marks included,
 * for the status line. Returns an fp_msg_level, -1 for none. */
int fp_grid_detail_hint(fp_grid *g, fp_ui *ui, char *buf, size_t bufsz);

/* Rebuilds the detail panel's KPIs. */
void fp_grid_build_detail(fp_grid *g, fp_ui *ui);

/* Scorecard of a row: its level's or its role's weighted KPIs. */
const fp_weighted_kpi *fp_grid_card(fp_ui *ui, const fp_grid_row *r,
                                    int *n);
/* Display name of a row (person name or node name). */
const char *fp_grid_name(fp_ui *ui, const fp_grid_row *r);
/* Currency for money of a rollup row: the store's, else reporting. */
const char *fp_row_currency(fp_ui *ui, int row);
/* The one-column mark after a value in a table cell: overridden (the
 * glyph set's "*"), else provisional ("~"), else "". */
const char *fp_cell_mark(const fp_ui *ui, const fp_cell *cell);
/* Label of a KPI for the screen in the interface language's order:
 * "GMV 成交金额" in English, "成交金额 GMV" in Chinese (model/labels.h);
 * the English one alone on a terminal without UTF-8. */
void fp_kpi_label(fp_ui *ui, int kpi, char *out, size_t outsz);
/* The same for a KPI id: "" for NULL, the id itself when the catalogue
 * does not know it (a note written under another catalogue). */
void fp_kpi_label_of(fp_ui *ui, const char *id, char *out, size_t outsz);
/* fp_kpi_label when it fits in cols columns, else the language's own
 * label alone ("成交金额" rather than "成交金额 G…"). */
void fp_kpi_label_fit(fp_ui *ui, int kpi, int cols, char *out, size_t outsz);
/* The language's own half of a label pair for narrow places ("成交金额"
 * in Chinese, "GMV" in English); the English one without UTF-8. */
const char *fp_ui_label(fp_ui *ui, const char *label, const char *label_zh);
const char *fp_kpi_label_first(fp_ui *ui, int kpi);

#endif
