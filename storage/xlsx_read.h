/* Reading an Excel workbook (.xlsx) as rows of text cells, like a CSV
 * file (csv_table.h): libzip opens the container, expat streams the
 * sheet's XML (zip_fread chunks into XML_Parse), and each non-empty
 * sheet row goes to the callback with its sheet row number as line.
 *
 * Cells: shared strings, inline strings and formula strings as text;
 * numbers formatted losslessly ("%.15g"); numbers stored as text as
 * they are; cells whose style is a date or date-time format as
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", time-only formats (durations) as
 * "H:MM:SS", percent formats as "12.5%"; booleans as 1/0; error cells as their text (#N/A). Row
 * fields start at column A: a missing cell is an empty field, so field
 * i is column i (fp_xlsx_column_name).
 *
 * Memory: bounded by the row being read, except the workbook's shared
 * string table, which the format makes every cell refer to by index: it
 * is held whole (its size is that of the distinct texts, not the rows).
 *
 * Usage: fill sheet (NULL: the first one), on_record, ctx; call
 * fp_xlsx_stream_file; no cleanup is needed afterwards. */
#ifndef FUPAN_STORAGE_XLSX_READ_H
#define FUPAN_STORAGE_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include "storage/csv_table.h"

typedef enum {
    FP_FILE_TEXT,      /* anything else: read as CSV */
    FP_FILE_ZIP,       /* PK\3\4: an .xlsx workbook, or a zip */
    FP_FILE_OLE        /* D0 CF 11 E0: .xls, or an encrypted workbook */
} fp_file_magic;

/* What the first bytes of a file say it is (n may be short). */
fp_file_magic fp_file_magic_of(const void *bytes, size_t n);
/* The same for the file at path (FP_FILE_TEXT when unreadable). */
fp_file_magic fp_file_magic_path(const char *path);
/* One line saying why an OLE file is refused (static, translated). */
const char *fp_xlsx_ole_why(void);

typedef enum {
    FP_XLSX_OK = 0,
    FP_XLSX_IO,          /* cannot open or read the file: err_errno */
    FP_XLSX_NOT_WORKBOOK, /* not a zip, or a zip without a workbook */
    FP_XLSX_NO_SHEET,    /* --sheet NAME: no such sheet (why lists them) */
    FP_XLSX_BAD,         /* broken XML in the sheet: err_row */
    FP_XLSX_STOPPED,     /* the callback said stop */
    FP_XLSX_NOMEM
} fp_xlsx_status;

typedef struct {
    /* in */
    const char *sheet;           /* NULL: the first sheet */
    fp_csv_record_fn on_record;
    void *ctx;
    /* out */
    fp_xlsx_status status;
    char sheet_name[128];        /* the sheet read (as the workbook names it) */
    char sha256[65];             /* of the whole file, when OK */
    int err_row;                 /* FP_XLSX_BAD: the sheet row, 0 unknown */
    int err_errno;               /* FP_XLSX_IO */
    char why[256];               /* one line, translated */
} fp_xlsx_stream;

/* Streams the rows of one sheet of the workbook at path. Returns true
 * when every row was read. */
bool fp_xlsx_stream_file(const char *path, fp_xlsx_stream *s);

/* "A", "B", ... "Z", "AA" for the 0-based column index; buf >= 8. */
const char *fp_xlsx_column_name(int index, char *buf);
/* An Excel serial day number (1900 date system) as "YYYY-MM-DD" (no
 * time of day) or "YYYY-MM-DD HH:MM"; buf >= 20. */
void fp_xlsx_serial_text(double serial, bool with_time, char *buf);

#endif
