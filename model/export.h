/* Tables out (issue 15): one long table streamed row by row into a sink
 * (CSV, JSON or .xlsx, see storage/export.h). Plain C.
 * A row is an array of cells, one per column; a cell is text, a number
 * (with the decimals and percent format of its KPI), a yes/no flag or a
 * status word (coloured in a spreadsheet).
 * Ownership: cells borrow their text for the call only; a sink copies
 * what it keeps. */
#ifndef FUPAN_MODEL_EXPORT_H
#define FUPAN_MODEL_EXPORT_H

#include <stdbool.h>
#include "model/catalogue.h"

typedef enum { FP_XT_TEXT, FP_XT_NUM, FP_XT_BOOL, FP_XT_STATUS } fp_xtype;

typedef struct {
    fp_xtype type;
    const char *text;  /* TEXT, STATUS (the status word); NULL: empty */
    double num;        /* NUM: NAN = no value; a percent as a fraction */
    int decimals;      /* NUM: digits shown after the point */
    bool percent;      /* NUM: shown as a percent (x 100 in CSV/JSON) */
    bool flag;         /* BOOL */
    int status;        /* STATUS: fp_status */
} fp_xcell;

typedef struct fp_xsink fp_xsink;
struct fp_xsink {
    /* The table starts: its name (a sheet) and its column names. */
    bool (*begin)(fp_xsink *s, const char *name, const char *const *cols,
                  int ncols);
    /* One row of ncols cells. False stops the export (error kept by the
     * sink). */
    bool (*row)(fp_xsink *s, const fp_xcell *cells);
};

fp_xcell fp_xcell_text(const char *s);
fp_xcell fp_xcell_int(long long v);
/* A number of no KPI: up to 6 decimals in CSV, decimals in a sheet. */
fp_xcell fp_xcell_num(double v, int decimals, bool percent);
/* A KPI's value: its decimals, percent KPIs as percent. */
fp_xcell fp_xcell_kpi(const fp_kpi *kpi, double v);
fp_xcell fp_xcell_bool(bool v);
fp_xcell fp_xcell_status(int status);

/* The cell as plain text for CSV/JSON ("12.5", "" for no value, percent
 * numbers x 100 as fupan scorecard --format csv writes them). */
void fp_xcell_plain(const fp_xcell *c, char *buf, size_t bufsz);
/* Columns a spreadsheet needs to show the cell (a CJK character is 2). */
int fp_xcell_width(const fp_xcell *c);

/* A KPI's label in the UI language (fp_ui_lang, model/lang.h): the
 * Chinese one in Chinese, else the English one (fp_label_first); the id
 * when it has neither. */
const char *fp_export_kpi_label(const fp_kpi *kpi);

#endif
