/* Lists written as CSV or JSON by `note list`, `action list` and
 * `override list`, the scorecard and `fupan export`: one writer that
 * knows the quoting of each format, and fupan's one CSV field writer
 * (model/text.h's fp_text_csv_field uses it). Plain C.
 * CSV: a header line of the column names, then one line per row; a field
 * is quoted (quotes doubled) when it holds a comma, quote, CR, LF or
 * a leading/trailing blank. JSON: an array of objects, one per line, keys
 * the column names; strings escaped (quotes, backslash, every control
 * character), missing values null.
 * Ownership: fp_list_out is a caller-owned struct (no heap); the column
 * names are borrowed for its lifetime. */
#ifndef FUPAN_MODEL_LIST_OUT_H
#define FUPAN_MODEL_LIST_OUT_H

#include <stdbool.h>
#include <stdio.h>

typedef enum { FP_FMT_TEXT, FP_FMT_CSV, FP_FMT_JSON } fp_out_format;

typedef struct {
    FILE *f;
    fp_out_format fmt;
    const char *const *cols;
    int ncols;
    int col;             /* next column of the current row */
    size_t rows;
} fp_list_out;

/* Starts a CSV or JSON list (writes the header line or "["). */
void fp_list_out_init(fp_list_out *o, FILE *f, fp_out_format fmt,
                      const char *const *cols, int ncols);
/* The next field of the row: a string (NULL: empty / null) ... */
void fp_list_out_str(fp_list_out *o, const char *s);
/* ... or a number as plain decimal text ("" or NULL: empty / null). */
void fp_list_out_num(fp_list_out *o, const char *plain);
void fp_list_out_int(fp_list_out *o, long long v);
/* Ends the list (JSON "]"). */
void fp_list_out_done(fp_list_out *o);

/* A JSON string literal of s (escaped) on f. */
void fp_json_string(FILE *f, const char *s);
/* One CSV field of s on f, quoted only when it must be. */
void fp_csv_field(FILE *f, const char *s);

#endif
