/* CSV records streamed out of text (see csv_table.h).
 * libcsv keeps no line numbers, so the text is fed one line at a time:
 * a record starts on the first non-blank line fed while no record is
 * open, and it is closed when libcsv reports its end. A line may be cut
 * between two pieces of text: its number counts once, at its end. */
#include "storage/csv_table.h"
#include "model/i18n.h"
#include "model/vec.h"

#include <csv.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct fp_csv_reader {
    struct csv_parser p;
    fp_csv_record_fn fn;
    void *ctx;
    char *text;          /* the open record's fields, end to end */
    size_t text_len, text_cap;
    size_t *offsets;     /* field start offsets into text */
    size_t nfields, cap_fields;
    char **ptrs;         /* handed out as row.fields */
    size_t cap_ptrs;
    int line;            /* line of the next byte fed */
    int record_line;     /* line where the open record started */
    bool open;           /* a record is open (begun, not ended) */
    bool ended;          /* libcsv closed a record during this line */
    bool line_blank;     /* only blanks so far on the current line */
    bool after_cr;       /* the last byte fed was a CR */
    bool failed;
    bool delim_decided;  /* the first non-blank line was seen */
    char delim;          /* ',', '\t' or ';' */
    fp_csv_error err;
};

static const char too_long[] =
    N_("a record longer than 16 MiB (a quote that is never closed?)");

static void fail(fp_csv_reader *r, int line, const char *why)
{
    if (r->failed)
        return;
    r->failed = true;
    r->err.line = line;
    r->err.field = (int)r->nfields;
    r->err.why = why;
}

static void on_field(void *s, size_t len, void *data)
{
    fp_csv_reader *r = data;
    if (r->failed)
        return;
    if (r->text_len + len + 1 > FP_CSV_MAX_RECORD) {
        fail(r, r->record_line, _(too_long));
        return;
    }
    bool ok = true;
    FP_GROW(r->text, r->text_len + len + 1, r->text_cap, ok);
    FP_GROW(r->offsets, r->nfields + 1, r->cap_fields, ok);
    if (!ok) {
        fail(r, 0, _("out of memory"));
        return;
    }
    if (len > 0)
        memcpy(r->text + r->text_len, s, len);
    r->text[r->text_len + len] = '\0';
    r->offsets[r->nfields++] = r->text_len;
    r->text_len += len + 1;
}

static void on_record(int c, void *data)
{
    (void)c;
    fp_csv_reader *r = data;
    r->ended = true;
    if (r->failed)
        return;
    bool ok = true;
    FP_GROW(r->ptrs, r->nfields + 1, r->cap_ptrs, ok);
    if (!ok) {
        fail(r, 0, _("out of memory"));
        return;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->ptrs[i] = r->text + r->offsets[i];
    fp_csv_row row = {r->record_line, (int)r->nfields, r->ptrs, NULL};
    bool go_on = r->fn(r->ctx, &row);
    r->nfields = 0;
    r->text_len = 0;
    if (!go_on) {
        fail(r, r->record_line, "stopped");
        r->err.stopped = true;
    }
}

/* libcsv's own buffer holds the field being read (a quoted one may run
 * to the end of the file): it may not grow past FP_CSV_MAX_RECORD. It
 * asks for a few KiB more each time: the buffer doubles instead, by
 * model/vec.h's rule from libcsv's block of 4 KiB. */
static void *bounded_realloc(void *p, size_t n)
{
    if (n > FP_CSV_MAX_RECORD)
        return NULL;
    if (p != NULL && malloc_usable_size(p) >= n)
        return p;
    return realloc(p, fp_grow_cap(4096, n, FP_CSV_MAX_RECORD));
}

fp_csv_reader *fp_csv_reader_new(fp_csv_record_fn fn, void *ctx)
{
    fp_csv_reader *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
        free(r);
        return NULL;
    }
    csv_set_realloc_func(&r->p, bounded_realloc);
    csv_set_blk_size(&r->p, 4096);
    r->fn = fn;
    r->ctx = ctx;
    r->line = 1;
    r->line_blank = true;
    return r;
}

void fp_csv_reader_free(fp_csv_reader *r)
{
    if (r == NULL)
        return;
    /* after an error only csv_free is safe: see toolchain.md */
    csv_free(&r->p);
    free(r->text);
    free(r->offsets);
    free(r->ptrs);
    free(r);
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Length of the piece of line at s: up to and with its terminator (\n,
 * \r\n or a lone \r), else all that is left (*ends false). A \n right
 * after a \r that ended the previous piece belongs to that line. */
static size_t line_piece(const char *s, size_t left, bool *ends)
{
    const char *nl = memchr(s, '\n', left);
    size_t upto = nl != NULL ? (size_t)(nl - s) : left;
    const char *cr = memchr(s, '\r', upto);
    if (cr != NULL) {
        size_t i = (size_t)(cr - s);
        *ends = i + 1 < left;
        return (i + 1 < left && s[i + 1] == '\n') ? i + 2 : i + 1;
    }
    *ends = nl != NULL;
    return nl != NULL ? upto + 1 : left;
}

/* The delimiter of the file, from its first non-blank line (the
 * header): the most frequent of ',', TAB and ';' outside quotes; a
 * comma on a tie or when there is none. */
static char guess_delim(const char *s, size_t n)
{
    size_t comma = 0, tab = 0, semi = 0;
    bool quoted = false;
    for (size_t i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted)
            comma += s[i] == ',', tab += s[i] == '\t', semi += s[i] == ';';
    }
    if (tab > comma && tab >= semi)
        return '\t';
    return semi > comma ? ';' : ',';
}

/* With TAB as the delimiter a TAB is no blank to strip. */
static int is_space_not_tab(unsigned char c)
{
    return c == ' ';
}

static void decide_delim(fp_csv_reader *r, const char *s, size_t n)
{
    r->delim_decided = true;
    r->delim = guess_delim(s, n);
    csv_set_delim(&r->p, (unsigned char)r->delim);
    if (r->delim == '\t')
        csv_set_space_func(&r->p, is_space_not_tab);
}

/* One piece of one line through libcsv. */
static bool feed_piece(fp_csv_reader *r, const char *s, size_t n, bool ends)
{
    if (!r->delim_decided && !is_blank(s, n))
        decide_delim(r, s, n);
    if (!r->open && r->line_blank)
        r->record_line = r->line;
    r->ended = false;
    if (csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
        int e = csv_error(&r->p);
        if (e == CSV_EPARSE)
            fail(r, r->line, _("broken quoting: a '\"' inside an unquoted "
                               "field, or text after a closing quote"));
        else if (csv_get_buffer_size(&r->p) + 4096 > FP_CSV_MAX_RECORD)
            fail(r, r->record_line, _(too_long));
        else
            fail(r, 0, _("out of memory"));
        return false;
    }
    if (r->failed)
        return false;
    if (r->ended)
        r->open = false;
    else if (!is_blank(s, n))
        r->open = true;
    r->line_blank = r->line_blank && is_blank(s, n);
    if (ends) {
        r->line++;
        r->line_blank = true;
    }
    return true;
}

bool fp_csv_reader_feed(fp_csv_reader *r, const char *text, size_t len)
{
    size_t pos = 0;
    if (r->failed)
        return false;
    if (r->after_cr && len > 0) {
        /* the previous piece ended in a CR: a lone CR ends its line */
        r->after_cr = false;
        if (text[0] == '\n') {
            if (!feed_piece(r, text, 1, true))
                return false;
            pos = 1;
        } else {
            r->line++;
            r->line_blank = true;
        }
    }
    while (pos < len) {
        bool ends;
        size_t n = line_piece(text + pos, len - pos, &ends);
        r->after_cr = !ends && text[pos + n - 1] == '\r';
        if (!feed_piece(r, text + pos, n, ends))
            return false;
        pos += n;
    }
    return true;
}

bool fp_csv_reader_finish(fp_csv_reader *r)
{
    if (r->failed)
        return false;
    if (csv_fini(&r->p, on_field, on_record, r) != 0) {
        fail(r, r->record_line, _("a quoted field is never closed"));
        return false;
    }
    return !r->failed;
}

const fp_csv_error *fp_csv_reader_error(const fp_csv_reader *r)
{
    return &r->err;
}

void fp_csv_reader_position(const fp_csv_reader *r, int *line, int *field)
{
    *line = r->after_cr ? r->line + 1 : r->line;
    *field = (int)r->nfields;
}

bool fp_csv_row_copy(const fp_csv_row *src, fp_csv_row *dst)
{
    size_t bytes = 0, n = (size_t)src->nfields;
    for (size_t i = 0; i < n; i++)
        bytes += strlen(src->fields[i]) + 1;
    char **ptrs = malloc((n + 1) * sizeof *ptrs + bytes);
    if (ptrs == NULL)
        return false;
    char *text = (char *)(ptrs + n + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(src->fields[i]) + 1;
        memcpy(text, src->fields[i], len);
        ptrs[i] = text;
        text += len;
    }
    ptrs[n] = NULL;
    *dst = (fp_csv_row){src->line, src->nfields, ptrs, NULL};
    return true;
}

void fp_csv_row_free(fp_csv_row *row)
{
    free(row->fields);
    row->fields = NULL;
    row->nfields = 0;
}
