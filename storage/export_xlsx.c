/* Tables out as .xlsx through libxlsxwriter: one sheet per export, the
 * header row bold and frozen, numbers as numbers with the KPI's decimals
 * (percent KPIs and attainment as percent), status cells coloured,
 * column widths that fit the longest cell (a CJK character is 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>
#include <xlsxwriter.h>

#include "storage/export_priv.h"

#define MAX_DECIMALS 6
#define MAX_WIDTH 60

struct fp_xlsx {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *header;
    lxw_format *num[2][MAX_DECIMALS + 1];  /* [percent][decimals] */
    lxw_format *status[4];                 /* fp_status */
    int ncols;
    int *width;
    lxw_row_t row;
    lxw_error error;
    bool too_many;          /* past the sheet's last row */
};

fp_xlsx *fp_xlsx_open(const char *file, char *err, size_t errsz)
{
    fp_xlsx *x = calloc(1, sizeof *x);
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
    if (x)
        x->wb = workbook_new_opt(file, &opt);
    if (!x || !x->wb) {
        snprintf(err, errsz, "%s: cannot create the workbook", file);
        free(x);
        return NULL;
    }
    return x;
}

static lxw_format *status_format(fp_xlsx *x, int status)
{
    /* fill and font: Excel's own "good", "neutral", "bad" and grey */
    static const lxw_color_t fill[4] = {0xEDEDED, 0xC6EFCE, 0xFFEB9C,
                                        0xFFC7CE};
    static const lxw_color_t font[4] = {0x595959, 0x006100, 0x9C5700,
                                        0x9C0006};
    int s = status >= 0 && status <= 3 ? status : 0;
    if (!x->status[s]) {
        x->status[s] = workbook_add_format(x->wb);
        format_set_bg_color(x->status[s], fill[s]);
        format_set_font_color(x->status[s], font[s]);
    }
    return x->status[s];
}

static lxw_format *number_format(fp_xlsx *x, int decimals, bool percent)
{
    int d = decimals < 0 ? 0 : decimals > MAX_DECIMALS ? MAX_DECIMALS
                                                       : decimals;
    lxw_format **f = &x->num[percent][d];
    if (!*f) {
        char code[32];
        snprintf(code, sizeof code, "%s%s%.*s%s", percent ? "0" : "#,##0",
                 d ? "." : "", d, "000000", percent ? "%" : "");
        *f = workbook_add_format(x->wb);
        format_set_num_format(*f, code);
    }
    return *f;
}

bool fp_xlsx_begin(fp_xlsx *x, const char *name, const char *const *cols,
                   int ncols)
{
    x->ws = workbook_add_worksheet(x->wb, name);
    x->width = calloc((size_t)ncols, sizeof *x->width);
    x->header = workbook_add_format(x->wb);
    if (!x->ws || !x->width || !x->header)
        return false;
    format_set_bold(x->header);
    x->ncols = ncols;
    for (int c = 0; c < ncols; c++) {
        x->width[c] = (int)strlen(cols[c]);
        if (!x->error)
            x->error = worksheet_write_string(x->ws, 0, (lxw_col_t)c,
                                              cols[c], x->header);
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    x->row = 1;
    return !x->error;
}

static lxw_error write_cell(fp_xlsx *x, lxw_col_t col, const fp_xcell *c)
{
    lxw_worksheet *ws = x->ws;
    switch (c->type) {
    case FP_XT_NUM:
        if (isnan(c->num))
            return LXW_NO_ERROR;
        return worksheet_write_number(ws, x->row, col, c->num,
                                      number_format(x, c->decimals,
                                                    c->percent));
    case FP_XT_BOOL:
        return worksheet_write_boolean(ws, x->row, col, c->flag, NULL);
    case FP_XT_STATUS:
        return worksheet_write_string(ws, x->row, col, c->text ? c->text
                                      : "", status_format(x, c->status));
    default:
        if (!c->text || !*c->text)
            return LXW_NO_ERROR;
        return worksheet_write_string(ws, x->row, col, c->text, NULL);
    }
}

bool fp_xlsx_row(fp_xlsx *x, const fp_xcell *cells)
{
    if (x->row >= LXW_ROW_MAX) {
        x->too_many = true;
        return false;
    }
    for (int c = 0; c < x->ncols && !x->error; c++) {
        x->error = write_cell(x, (lxw_col_t)c, &cells[c]);
        int w = fp_xcell_width(&cells[c]);
        if (w > x->width[c])
            x->width[c] = w > MAX_WIDTH ? MAX_WIDTH : w;
    }
    x->row++;
    return !x->error;
}

bool fp_xlsx_close(fp_xlsx *x, char *err, size_t errsz)
{
    for (int c = 0; x->ws && c < x->ncols; c++)
        worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c,
                             x->width[c] + 2, NULL);
    lxw_error e = workbook_close(x->wb);
    if (!x->error)
        x->error = e;
    bool ok = !x->error && !x->too_many;
    if (x->too_many)
        snprintf(err, errsz, "xlsx: more than %u rows, a sheet's limit: "
                 "export fewer weeks or a --path, or as csv",
                 (unsigned)LXW_ROW_MAX - 1);
    else if (!ok)
        snprintf(err, errsz, "xlsx: %s", lxw_strerror(x->error));
    free(x->width);
    free(x);
    return ok;
}
