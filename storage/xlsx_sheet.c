/* Streaming one sheet of a workbook: expat events -> cells -> rows for
 * the callback. Only the row being read is kept. See xlsx_read.h. */
#include "storage/xlsx_priv.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Excel has at most 16384 columns (XFD). */
#define MAX_COLS 16384

typedef struct {
    fp_xlsx_book *book;
    fp_xlsx_stream *s;
    XML_Parser p;
    fp_buf row;              /* the row's cells, each NUL-terminated */
    long *cell_off;          /* per column: offset in row, -1 for none */
    unsigned char *numeric;  /* per column: 1 for a number cell */
    char **ptrs;
    int ncols, cap_cols;
    int row_no;
    bool in_cell, in_v, in_is, in_t;
    int in_rph;
    int col, next_col;
    char type[16];
    long style;
    fp_buf cell;             /* the text of the cell being read */
    bool nomem, stopped, bad;
} sheet_ctx;

static int column_of(const char *ref, int dflt)
{
    int col = 0, n = 0;
    for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
        col = col * 26 + (*ref - 'A' + 1);
    return n == 0 ? dflt : col - 1;
}

static bool grow_cols(sheet_ctx *c, int need)
{
    /* Three arrays of one capacity, each grown from it by the one rule,
     * so they come out the same; cap_cols moves when all three did. */
    int cap_off = c->cap_cols, cap_num = c->cap_cols, cap_ptrs = c->cap_cols;
    bool ok = true;
    FP_GROW(c->cell_off, need, cap_off, ok);
    if (ok)
        FP_GROW(c->numeric, need, cap_num, ok);
    if (ok)
        FP_GROW(c->ptrs, need, cap_ptrs, ok);
    if (ok)
        c->cap_cols = cap_off;
    return ok;
}

static void begin_row(sheet_ctx *c, const char **attrs)
{
    const char *r = fp_xml_attr(attrs, "r");
    c->row_no = r != NULL ? atoi(r) : c->row_no + 1;
    c->row.len = 0;
    c->ncols = 0;
    c->next_col = 0;
}

static void begin_cell(sheet_ctx *c, const char **attrs)
{
    const char *r = fp_xml_attr(attrs, "r");
    const char *t = fp_xml_attr(attrs, "t");
    const char *st = fp_xml_attr(attrs, "s");
    c->col = r != NULL ? column_of(r, c->next_col) : c->next_col;
    snprintf(c->type, sizeof c->type, "%s", t != NULL ? t : "n");
    c->style = st != NULL ? atol(st) : 0;
    c->cell.len = 0;
    c->in_cell = true;
}

static void on_start(void *ud, const char *el, const char **attrs)
{
    sheet_ctx *c = ud;
    const char *n = fp_xml_local(el);
    if (strcmp(n, "row") == 0)
        begin_row(c, attrs);
    else if (strcmp(n, "c") == 0)
        begin_cell(c, attrs);
    else if (c->in_cell && strcmp(n, "v") == 0)
        c->in_v = true;
    else if (c->in_cell && strcmp(n, "is") == 0)
        c->in_is = true;
    else if (c->in_is && strcmp(n, "t") == 0)
        c->in_t = true;
    else if (c->in_is && strcmp(n, "rPh") == 0)
        c->in_rph++;
}

static void on_text(void *ud, const char *s, int len)
{
    sheet_ctx *c = ud;
    if (c->in_v || (c->in_t && c->in_rph == 0))
        fp_buf_addn(&c->cell, s, (size_t)len);
}

/* A number cell's text: by its style, a date, date-time, time or the
 * number itself, written back losslessly. */
static void number_text(sheet_ctx *c, const char *v, char *out, size_t n)
{
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end != '\0' || !isfinite(x)) {
        snprintf(out, n, "%s", v);
        return;
    }
    switch (fp_xlsx_style_kind(c->book, c->style)) {
    case FP_XF_DATE: fp_xlsx_serial_text(x, false, out); return;
    case FP_XF_DATETIME: fp_xlsx_serial_text(x, true, out); return;
    case FP_XF_TIME: {
        long long sec = llround(x * 86400.0);
        snprintf(out, n, "%lld:%02lld:%02lld", sec / 3600, sec / 60 % 60,
                 sec % 60);
        return;
    }
    case FP_XF_PERCENT: snprintf(out, n, "%.15g%%", x * 100.0); return;
    default: snprintf(out, n, "%.15g", x); return;
    }
}

/* The cell's text, NULL for a shared string that is not there. */
static const char *cell_text(sheet_ctx *c, char *num, size_t n,
                             bool *numeric)
{
    const char *v = c->cell.len > 0 ? fp_buf_str(&c->cell) : "";
    *numeric = false;
    if (strcmp(c->type, "s") == 0)
        return fp_xlsx_shared(c->book, strtol(v, NULL, 10));
    if (strcmp(c->type, "n") != 0 || v[0] == '\0')
        return v;
    *numeric = true;
    number_text(c, v, num, n);
    return num;
}

static void end_cell(sheet_ctx *c)
{
    char num[64];
    bool numeric;
    const char *text = cell_text(c, num, sizeof num, &numeric);
    c->in_cell = c->in_v = c->in_is = c->in_t = false;
    if (text == NULL) {
        c->bad = true;
        snprintf(c->s->why, sizeof c->s->why, "%s",
                 _("a shared string that the workbook does not have"));
        XML_StopParser(c->p, XML_FALSE);
        return;
    }
    if (c->col < 0 || c->col >= MAX_COLS || text[0] == '\0')
        return;
    if (!grow_cols(c, c->col + 1)) {
        c->nomem = true;
        XML_StopParser(c->p, XML_FALSE);
        return;
    }
    for (; c->ncols <= c->col; c->ncols++) {
        c->cell_off[c->ncols] = -1;
        c->numeric[c->ncols] = 0;
    }
    c->cell_off[c->col] = (long)c->row.len;
    c->numeric[c->col] = numeric;
    fp_buf_add(&c->row, text);
    fp_buf_addc(&c->row, '\0');
    c->next_col = c->col + 1;
}

/* A row with a cell goes to the callback; missing cells are "". */
static void end_row(sheet_ctx *c)
{
    if (c->ncols == 0)
        return;
    size_t empty = c->row.len;
    fp_buf_addc(&c->row, '\0');
    if (c->row.failed || c->row.len > FP_CSV_MAX_RECORD) {
        c->nomem = true;
        XML_StopParser(c->p, XML_FALSE);
        return;
    }
    for (int i = 0; i < c->ncols; i++)
        c->ptrs[i] = c->row.s + (c->cell_off[i] >= 0 ? (size_t)c->cell_off[i]
                                                      : empty);
    fp_csv_row r = {c->row_no, c->ncols, c->ptrs, c->numeric};
    if (!c->s->on_record(c->s->ctx, &r)) {
        c->stopped = true;
        XML_StopParser(c->p, XML_FALSE);
    }
}

static void on_end(void *ud, const char *el)
{
    sheet_ctx *c = ud;
    const char *n = fp_xml_local(el);
    if (strcmp(n, "c") == 0 && c->in_cell)
        end_cell(c);
    else if (strcmp(n, "row") == 0)
        end_row(c);
    else if (strcmp(n, "v") == 0)
        c->in_v = false;
    else if (strcmp(n, "t") == 0)
        c->in_t = false;
    else if (strcmp(n, "rPh") == 0 && c->in_rph > 0)
        c->in_rph--;
}

static bool sheet_status(sheet_ctx *c, int rc)
{
    fp_xlsx_stream *s = c->s;
    if (rc == 0 && !c->bad)
        return true;
    s->err_row = c->row_no;
    if (c->stopped)
        s->status = FP_XLSX_STOPPED;
    else if (c->nomem || rc == ENOMEM)
        s->status = FP_XLSX_NOMEM;
    else if (c->bad)
        s->status = FP_XLSX_BAD;
    else {
        s->status = rc == ENOENT ? FP_XLSX_NOT_WORKBOOK : FP_XLSX_BAD;
        snprintf(s->why, sizeof s->why, rc == ENOENT
                 ? _("not an Excel workbook (the sheet's part %s is missing)")
                 : _("broken sheet XML (%s)"), rc == ENOENT
                 ? c->book->sheet_path
                 : XML_ErrorString(XML_GetErrorCode(c->p)));
    }
    return false;
}

bool fp_xlsx_read_sheet(fp_xlsx_book *b, fp_xlsx_stream *s)
{
    sheet_ctx c;
    memset(&c, 0, sizeof c);
    c.book = b;
    c.s = s;
    fp_buf_init(&c.row);
    fp_buf_init(&c.cell);
    c.p = XML_ParserCreate("UTF-8");
    int rc = ENOMEM;
    if (c.p != NULL) {
        XML_SetUserData(c.p, &c);
        XML_SetElementHandler(c.p, on_start, on_end);
        XML_SetCharacterDataHandler(c.p, on_text);
        rc = fp_xml_parse_entry(b->zip, b->sheet_path, c.p);
        if (rc == ECANCELED)
            rc = 0; /* stopped by a handler: its own status says why */
    }
    bool ok = sheet_status(&c, rc) && !c.stopped && !c.nomem;
    if (ok == false && s->status == FP_XLSX_OK)
        s->status = c.stopped ? FP_XLSX_STOPPED : FP_XLSX_NOMEM;
    if (c.p != NULL)
        XML_ParserFree(c.p);
    fp_buf_done(&c.row);
    fp_buf_done(&c.cell);
    free(c.cell_off);
    free(c.numeric);
    free(c.ptrs);
    return ok;
}
