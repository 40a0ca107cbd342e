/* A whole CSV text read into rows with libcsv (strict mode), keeping the
 * line where each record starts (a quoted field may hold newlines).
 * Ownership: fp_csv_read fills an fp_csv_table; fp_csv_table_done frees. */
#ifndef FUPAN_STORAGE_CSV_TABLE_H
#define FUPAN_STORAGE_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int line;            /* 1-based line where the record starts */
    int nfields;
    char **fields;       /* NUL-terminated, pointing into the table */
} fp_csv_row;

typedef struct {
    fp_csv_row *rows;    /* rows[0] is the header when there is one */
    int nrows;
    /* On failure: */
    int err_line;        /* line of the error */
    int err_field;       /* 0-based field of its record */
    const char *err_why; /* static English text */
    /* private */
    char *arena;
    size_t arena_len, arena_cap;
    size_t *offsets;     /* field start offsets into arena */
    size_t noffsets, cap_offsets;
    char **ptrs;         /* the fields of all rows, end to end */
    int cap_rows;
} fp_csv_table;

/* Parses text[0..len) (UTF-8 or not: libcsv only cares about ',', '"'
 * and line ends). Blank lines are skipped; CRLF, LF and lone CR all end a
 * line. False on broken quoting (err_* set) or out of memory
 * (err_why = "out of memory", err_line 0). Always call fp_csv_table_done. */
bool fp_csv_read(const char *text, size_t len, fp_csv_table *t);
void fp_csv_table_done(fp_csv_table *t);

#endif
