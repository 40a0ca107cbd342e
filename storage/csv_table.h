/* CSV records streamed out of text with libcsv (strict mode), each with
 * the line where it starts (a quoted field may hold line breaks). Text
 * goes in by pieces of any size (a record may span pieces); only the
 * record being read is kept in memory.
 *
 * Fields are separated by ',', TAB or ';', whichever the first non-blank
 * line (the header) holds most of outside quotes. Blank lines are
 * skipped; CRLF, LF and lone CR all end a line. A record
 * longer than FP_CSV_MAX_RECORD bytes is an error (most likely a quote
 * that is never closed), so memory stays bounded whatever the input.
 *
 * Ownership: fp_csv_reader_new / fp_csv_reader_free. A row handed to the
 * callback (fields NUL-terminated, writable) lives until the callback
 * returns; fp_csv_row_copy makes one that lives until fp_csv_row_free. */
#ifndef FUPAN_STORAGE_CSV_TABLE_H
#define FUPAN_STORAGE_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#define FP_CSV_MAX_RECORD (16u << 20)

typedef struct {
    int line;            /* 1-based line where the record starts */
    int nfields;
    char **fields;       /* NUL-terminated */
    /* NULL for CSV; from an .xlsx sheet, numeric[i] is 1 when field i
     * was a number cell (written with a decimal point, whatever the
     * market's way of writing numbers). */
    const unsigned char *numeric;
} fp_csv_row;

/* Called for every record; returning false stops the reader. */
typedef bool (*fp_csv_record_fn)(void *ctx, fp_csv_row *row);

typedef struct fp_csv_reader fp_csv_reader;

typedef struct {
    int line;            /* line of the error, 0 for out of memory */
    int field;           /* 0-based field of its record */
    const char *why;     /* static English text */
    bool stopped;        /* the callback said stop: no error of the text */
} fp_csv_error;

fp_csv_reader *fp_csv_reader_new(fp_csv_record_fn fn, void *ctx);
void fp_csv_reader_free(fp_csv_reader *r);
/* Parses the next piece of text. False on broken quoting, a record too
 * long, out of memory or when the callback stopped: see the error. */
bool fp_csv_reader_feed(fp_csv_reader *r, const char *text, size_t len);
/* The end of the text: the last record without a line end is emitted;
 * an unclosed quote is an error. */
bool fp_csv_reader_finish(fp_csv_reader *r);
const fp_csv_error *fp_csv_reader_error(const fp_csv_reader *r);
/* Where the next byte fed would go: its line and the 0-based field of
 * its record (to name the column of a byte that cannot be decoded). */
void fp_csv_reader_position(const fp_csv_reader *r, int *line, int *field);

bool fp_csv_row_copy(const fp_csv_row *src, fp_csv_row *dst);
void fp_csv_row_free(fp_csv_row *row);

#endif
