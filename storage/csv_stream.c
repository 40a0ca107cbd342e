/* Streaming a CSV file: read -> decode -> records (see csv_stream.h). */
#include "storage/csv_stream.h"
#include "model/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "storage/sha256.h"
#include "storage/xlsx_read.h"

typedef struct {
    fp_csv_stream *s;
    FILE *f;
    char *chunk;
    fp_decoder *dec;
    fp_csv_reader *reader;
    fp_sha256_ctx sha;
    long long total;
    int records;
} stream;

/* Counts records, to tell an error in the header from one after it. */
static bool count_record(void *ctx, fp_csv_row *row)
{
    stream *st = ctx;
    st->records++;
    return st->s->on_record(st->s->ctx, row);
}

static bool stream_open(stream *st, const char *path)
{
    struct stat sb;
    st->f = fopen(path, "rb");
    if (st->f == NULL) {
        st->s->status = FP_CSV_IO;
        st->s->err_errno = errno;
        return false;
    }
    st->total = fstat(fileno(st->f), &sb) == 0 ? (long long)sb.st_size : 0;
    st->chunk = malloc(FP_CSV_CHUNK);
    st->dec = fp_decoder_new(st->s->want);
    st->reader = fp_csv_reader_new(count_record, st);
    if (st->chunk == NULL || st->dec == NULL || st->reader == NULL) {
        st->s->status = FP_CSV_NOMEM;
        return false;
    }
    fp_sha256_init(&st->sha);
    return true;
}

static void stream_close(stream *st)
{
    if (st->f != NULL)
        fclose(st->f);
    free(st->chunk);
    fp_decoder_free(st->dec);
    fp_csv_reader_free(st->reader);
}

/* The reader's error: quoting, a record too long, out of memory, or the
 * callback stopping. */
static bool reader_failed(stream *st)
{
    const fp_csv_error *e = fp_csv_reader_error(st->reader);
    fp_csv_stream *s = st->s;
    s->status = e->stopped ? FP_CSV_STOPPED
              : e->line == 0 ? FP_CSV_NOMEM : FP_CSV_SYNTAX;
    s->err_line = e->line;
    s->err_field = e->field;
    s->err_in_header = st->records == 0;
    s->why = e->why;
    return false;
}

/* A byte that cannot be decoded: the text before it goes through the
 * reader, which then knows the line and field of the byte. */
static bool decode_failed(stream *st, const char *text, size_t len)
{
    fp_csv_stream *s = st->s;
    if (!fp_csv_reader_feed(st->reader, text, len))
        return reader_failed(st);
    s->status = strcmp(fp_decoder_why(st->dec), _("out of memory")) == 0
                    ? FP_CSV_NOMEM : FP_CSV_DECODE;
    fp_csv_reader_position(st->reader, &s->err_line, &s->err_field);
    s->err_in_header = st->records == 0;
    s->why = fp_decoder_why(st->dec);
    s->bad_byte = fp_decoder_bad_byte(st->dec);
    return false;
}

/* A workbook is no text: said in one line instead of a decoding error
 * (a file named on the command line is told apart before; this is for
 * standard input and pipes, which cannot be read twice). */
static bool workbook_refused(stream *st, size_t n)
{
    fp_file_magic m = fp_file_magic_of(st->chunk, n);
    if (st->s->bytes > 0 || m == FP_FILE_TEXT)
        return false;
    st->s->status = FP_CSV_NOT_TEXT;
    st->s->why = m == FP_FILE_OLE ? fp_xlsx_ole_why()
               : _("an .xlsx workbook cannot be read from a pipe or "
                   "standard input: give its file name");
    return true;
}

static bool stream_chunks(stream *st)
{
    fp_csv_stream *s = st->s;
    for (;;) {
        size_t n = fread(st->chunk, 1, FP_CSV_CHUNK, st->f);
        if (ferror(st->f)) {
            s->status = FP_CSV_IO;
            s->err_errno = errno ? errno : EIO;
            return false;
        }
        bool last = n < FP_CSV_CHUNK && feof(st->f);
        if (workbook_refused(st, n))
            return false;
        const char *text;
        size_t len;
        s->bytes += (long long)n;
        fp_sha256_update(&st->sha, st->chunk, n);
        if (!fp_decoder_feed(st->dec, st->chunk, n, last, &text, &len))
            return decode_failed(st, text, len);
        if (!fp_csv_reader_feed(st->reader, text, len))
            return reader_failed(st);
        if (s->on_progress != NULL)
            s->on_progress(s->ctx, s->bytes, st->total);
        if (last)
            return fp_csv_reader_finish(st->reader) || reader_failed(st);
    }
}

bool fp_csv_stream_file(const char *path, fp_csv_stream *s)
{
    stream st = {.s = s};
    s->status = FP_CSV_OK;
    s->bytes = 0;
    s->sha256[0] = '\0';
    bool ok = stream_open(&st, path) && stream_chunks(&st);
    if (st.dec != NULL) {
        fp_encoding e = fp_decoder_encoding(st.dec);
        s->encoding = e == FP_ENC_AUTO ? FP_ENC_UTF8 : e;
        s->converted = e != FP_ENC_AUTO && e != FP_ENC_UTF8;
    }
    if (ok) {
        fp_sha256_final_hex(&st.sha, s->sha256);
    }
    stream_close(&st);
    return ok;
}
