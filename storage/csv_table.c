/* CSV text into rows with line numbers (see csv_table.h).
 * libcsv keeps no line numbers, so the text is fed one line at a time:
 * a record starts on the first non-blank line fed while no record is
 * open, and it is closed when libcsv reports its end. */
#include "storage/csv_table.h"
#include "model/i18n.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    fp_csv_table *t;
    size_t first_field;  /* offsets index of the open record's first field */
    int record_line;     /* line where the open record started */
    bool record_ended;   /* libcsv closed a record during this line */
    bool oom;
} reader;

static bool grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t cap2 = *cap ? *cap : 64;
    while (cap2 < need)
        cap2 *= 2;
    void *p = realloc(*buf, cap2 * elem);
    if (p == NULL)
        return false;
    *buf = p;
    *cap = cap2;
    return true;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    fp_csv_table *t = r->t;
    if (r->oom ||
        !grow((void **)&t->arena, &t->arena_cap, t->arena_len + len + 1, 1) ||
        !grow((void **)&t->offsets, &t->cap_offsets, t->noffsets + 1,
              sizeof *t->offsets)) {
        r->oom = true;
        return;
    }
    memcpy(t->arena + t->arena_len, s, len);
    t->arena[t->arena_len + len] = '\0';
    t->offsets[t->noffsets++] = t->arena_len;
    t->arena_len += len + 1;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    fp_csv_table *t = r->t;
    size_t cap = (size_t)t->cap_rows;
    r->record_ended = true;
    if (r->oom || !grow((void **)&t->rows, &cap, (size_t)t->nrows + 1,
                        sizeof *t->rows)) {
        r->oom = true;
        return;
    }
    t->cap_rows = (int)cap;
    /* fields are offsets for now; fixed up once the arena stops moving */
    fp_csv_row *row = &t->rows[t->nrows++];
    row->line = r->record_line;
    row->nfields = (int)(t->noffsets - r->first_field);
    row->fields = (char **)(uintptr_t)r->first_field;
    r->first_field = t->noffsets;
}

static bool is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Length of the line at s, with its terminator (\n, \r\n or lone \r). */
static size_t line_length(const char *s, size_t left)
{
    for (size_t i = 0; i < left; i++) {
        if (s[i] == '\n')
            return i + 1;
        if (s[i] == '\r')
            return (i + 1 < left && s[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return left;
}

static void set_error(fp_csv_table *t, const reader *r, int line,
                      const char *why)
{
    t->err_line = line;
    t->err_field = (int)(t->noffsets - r->first_field);
    t->err_why = why;
}

/* Row field pointers are stored as indexes until parsing ends. */
static bool fix_pointers(fp_csv_table *t)
{
    char **ptrs = malloc((t->noffsets + 1) * sizeof *ptrs);
    if (ptrs == NULL)
        return false;
    for (size_t i = 0; i < t->noffsets; i++)
        ptrs[i] = t->arena + t->offsets[i];
    for (int i = 0; i < t->nrows; i++)
        t->rows[i].fields = ptrs + (uintptr_t)t->rows[i].fields;
    t->ptrs = ptrs;
    return true;
}

static bool feed_lines(struct csv_parser *p, reader *r, const char *text,
                       size_t len, int *line)
{
    bool open = false;
    for (size_t pos = 0; pos < len; (*line)++) {
        size_t n = line_length(text + pos, len - pos);
        if (!open)
            r->record_line = *line;
        r->record_ended = false;
        if (csv_parse(p, text + pos, n, on_field, on_record, r) != n) {
            set_error(r->t, r, *line,
                      csv_error(p) == CSV_EPARSE
                          ? _("broken quoting: a '\"' inside an unquoted "
                            "field, or text after a closing quote")
                          : _("out of memory"));
            return false;
        }
        if (r->oom)
            return false;
        if (r->record_ended)
            open = false;
        else if (!is_blank_line(text + pos, n))
            open = true;
        pos += n;
    }
    return true;
}

bool fp_csv_read(const char *text, size_t len, fp_csv_table *t)
{
    struct csv_parser p;
    reader r = {.t = t};
    int line = 1;
    memset(t, 0, sizeof *t);
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        t->err_why = "out of memory";
        return false;
    }
    bool ok = feed_lines(&p, &r, text, len, &line);
    if (ok && csv_fini(&p, on_field, on_record, &r) != 0) {
        /* after an error only csv_free is safe: see toolchain.md */
        set_error(t, &r, r.record_line, _("a quoted field is never closed"));
        ok = false;
    }
    csv_free(&p);
    if (r.oom) {
        t->err_line = 0;
        t->err_why = "out of memory";
        ok = false;
    }
    if (!fix_pointers(t)) {
        t->err_why = "out of memory";
        return false;
    }
    return ok;
}

void fp_csv_table_done(fp_csv_table *t)
{
    free(t->arena);
    free(t->offsets);
    free(t->ptrs);
    free(t->rows);
    memset(t, 0, sizeof *t);
}
