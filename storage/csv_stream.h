/* One reader path for every CSV file fupan reads: the file is read in
 * chunks, fingerprinted (SHA-256), decoded (BOM, UTF-8, GB18030) and
 * parsed (libcsv), and each record is handed to a callback with its
 * line. Memory stays bounded by a chunk and the longest record, whatever
 * the size of the file.
 *
 *   stream (read) -> decode -> rows -> [the caller: check, write]
 *
 * Usage: fill want, on_record, ctx (and on_progress if wanted), call
 * fp_csv_stream_file; no cleanup is needed afterwards. */
#ifndef FUPAN_STORAGE_CSV_STREAM_H
#define FUPAN_STORAGE_CSV_STREAM_H

#include <stdbool.h>
#include "storage/csv_table.h"
#include "storage/encoding.h"

#define FP_CSV_CHUNK (1u << 20)

typedef enum {
    FP_CSV_OK = 0,
    FP_CSV_IO,         /* cannot open or read: err_errno */
    FP_CSV_DECODE,     /* a byte not valid in the encoding */
    FP_CSV_SYNTAX,     /* broken quoting, record too long */
    FP_CSV_STOPPED,    /* the callback said stop */
    FP_CSV_NOMEM,
    FP_CSV_NOT_TEXT    /* a workbook (read from a pipe): why */
} fp_csv_status;

typedef struct {
    /* in */
    fp_encoding want;
    fp_csv_record_fn on_record;
    void *ctx;
    /* called after each chunk (may be NULL) */
    void (*on_progress)(void *ctx, long long done, long long total);
    /* out */
    fp_csv_status status;
    fp_encoding encoding;  /* what the file was (UTF8 for pure ASCII) */
    bool converted;        /* from GB18030 */
    char sha256[65];       /* of the whole file, when status is OK */
    long long bytes;       /* file bytes read */
    /* FP_CSV_DECODE and FP_CSV_SYNTAX: where */
    int err_line;
    int err_field;         /* 0-based field of its record */
    bool err_in_header;    /* no record was complete before the error */
    const char *why;       /* static English text */
    unsigned char bad_byte; /* FP_CSV_DECODE: the byte, 0 for none */
    int err_errno;         /* FP_CSV_IO */
} fp_csv_stream;

/* Streams the file at path. Returns true when every record was read. */
bool fp_csv_stream_file(const char *path, fp_csv_stream *s);

#endif
