/* The text and Markdown writers of the minutes; see minutes.h for what
 * each promises. One writer with two faces lays out the document's
 * blocks (minutes_doc.h): headings, key/value lines, bullets, tables. */
#include "model/minutes_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/wrap.h"

#define WIDTH FP_MINUTES_WIDTH
#define MAXCOLS FP_MDOC_MAXCOLS

/* ---------------------------------------------------------------- writer */

typedef enum { K_NONE, K_TITLE, K_HEADING, K_SUB, K_META, K_PARA, K_BULLET,
               K_TABLE } block_kind;

typedef struct {
    fp_buf out;
    fp_minutes_format fmt;
    block_kind last;
    bool failed;
} writer;

static bool is_md(const writer *w) { return w->fmt == FP_MINUTES_MD; }

/* Sanitised copy of s (NULL -> ""); NULL only when out of memory. */
static char *clean(const char *s)
{
    return fp_text_sanitize(s ? s : "");
}

/* s sanitised (and escaped for md) into a new string; NULL when out of
 * memory. */
static char *cell_text(const writer *w, const char *s)
{
    char *c = clean(s);
    if (!c || !is_md(w))
        return c;
    fp_buf b;
    fp_buf_init(&b);
    fp_md_escape(&b, c);
    free(c);
    return fp_buf_take(&b);
}

/* Blank lines between blocks: Markdown needs one between blocks of a
 * different kind; text puts one before headings and around groups, but
 * keeps a node's notes right under its table. */
static void begin_block(writer *w, block_kind kind)
{
    bool blank;
    if (w->last == K_NONE)
        blank = false;
    else if (is_md(w))
        blank = !(kind == w->last && (kind == K_BULLET || kind == K_META));
    else if (kind == K_HEADING)
        blank = true;
    else if (kind == K_SUB)
        blank = w->last != K_HEADING;
    else
        blank = kind != w->last && kind != K_BULLET &&
                (w->last == K_TITLE || w->last == K_TABLE ||
                 w->last == K_META);
    if (blank)
        fp_buf_addc(&w->out, '\n');
    w->last = kind;
}

/* Writes text (sanitised) after prefix, wrapping at WIDTH columns onto
 * lines that start with cont (same width as prefix). */
static void text_wrapped(writer *w, const char *prefix, const char *cont,
                         const char *text)
{
    int pw = fp_text_width(prefix), cw = fp_text_width(cont);
    int room = WIDTH - (pw > cw ? pw : cw);
    if (room < 10)
        room = 10;
    const char *p = text;
    const char *lead = prefix;
    do {
        size_t skip;
        size_t n = fp_wrap_point(p, room, &skip); /* model/wrap.h */
        fp_buf_add(&w->out, lead);
        fp_buf_addn(&w->out, p, n);
        fp_buf_addc(&w->out, '\n');
        p += n + skip;
        while (*p == ' ')
            p++;
        lead = cont;
    } while (*p);
}

/* One block of running text: text wraps, md escapes. */
static void emit_text(writer *w, const char *md_prefix, const char *prefix,
                      const char *cont, const char *s)
{
    char *c = clean(s);
    if (!c) {
        w->failed = true;
        return;
    }
    if (is_md(w)) {
        fp_buf_add(&w->out, md_prefix);
        fp_md_escape_line(&w->out, c + strspn(c, " "));
        fp_buf_addc(&w->out, '\n');
    } else {
        text_wrapped(w, prefix, cont, c);
    }
    free(c);
}

static void underline(writer *w, const char *s, const char *ch)
{
    int n = fp_text_width(s);
    fp_buf_repeat(&w->out, ch, n < WIDTH ? n : WIDTH);
    fp_buf_addc(&w->out, '\n');
}

static void w_title(writer *w, const char *s)
{
    begin_block(w, K_TITLE);
    emit_text(w, "# ", "", "", s);
    if (!is_md(w))
        underline(w, s, "=");
}

static void w_heading(writer *w, const char *s)
{
    begin_block(w, K_HEADING);
    emit_text(w, "## ", "", "", s);
    if (!is_md(w))
        underline(w, s, "-");
}

static void w_sub(writer *w, const char *s)
{
    begin_block(w, K_SUB);
    emit_text(w, "### ", "", "  ", s);
}

static void w_meta(writer *w, const char *s)
{
    begin_block(w, K_META);
    emit_text(w, "- ", "", "    ", s);
}

static void w_para(writer *w, const char *s)
{
    begin_block(w, K_PARA);
    emit_text(w, "", "", "", s);
}

/* A bullet; depth 1 sits under a subheading's table (indented in text). */
static void w_bullet(writer *w, int depth, const char *s)
{
    begin_block(w, K_BULLET);
    emit_text(w, "- ", depth ? "  - " : "- ", depth ? "    " : "  ", s);
}

/* ----------------------------------------------------------------- table */

/* A table's cells sanitised (and escaped for md), and its headings. */
typedef struct {
    const fp_mtable *t;
    char **cells;             /* nrows * ncols, owned */
    bool failed;
} table;

static bool table_init(table *t, const writer *w, const fp_mtable *src)
{
    size_t n = src->nrows * (size_t)src->ncols;
    t->t = src;
    t->failed = false;
    t->cells = calloc(n + 1, sizeof *t->cells);
    if (!t->cells)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(t->cells[i] = cell_text(w, src->cells[i])))
            t->failed = true;
    return !t->failed;
}

static void table_done(table *t)
{
    for (size_t i = 0; t->cells && i < t->t->nrows * (size_t)t->t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
}

static const char *table_cell(const table *t, size_t r, int c)
{
    return t->cells[r * (size_t)t->t->ncols + (size_t)c];
}


/* Natural column widths: the widest cell or heading (capped in text). */
static void table_widths(const table *t, const writer *w, int *width)
{
    for (int c = 0; c < t->t->ncols; c++) {
        width[c] = fp_text_width(_(t->t->head[c]));
        for (size_t r = 0; r < t->t->nrows; r++) {
            int cw = fp_text_width(table_cell(t, r, c));
            if (cw > width[c])
                width[c] = cw;
        }
        if (!is_md(w) && t->t->maxw[c] > 0 && width[c] > t->t->maxw[c])
            width[c] = t->t->maxw[c];
        if (is_md(w) && width[c] < 3)
            width[c] = 3;
    }
}

/* Text: narrows the widest left-aligned column (then any column) until
 * the row fits in WIDTH columns. */
static void table_fit(const table *t, int indent, int *width)
{
    for (;;) {
        int total = indent + 2 * (t->t->ncols - 1), widest = -1;
        for (int c = 0; c < t->t->ncols; c++)
            total += width[c];
        if (total <= WIDTH)
            return;
        for (int pass = 0; pass < 2 && widest < 0; pass++)
            for (int c = 0; c < t->t->ncols; c++)
                if ((pass || t->t->align[c] == 'l') && width[c] > 4 &&
                    (widest < 0 || width[c] > width[widest]))
                    widest = c;
        if (widest < 0)
            return;
        width[widest]--;
    }
}

static void text_cell(writer *w, const char *s, int width, char align)
{
    char cell[1024];
    if (align == 'r')
        fp_text_fit_right(s, width, cell, sizeof cell);
    else
        fp_text_fit(s, width, true, cell, sizeof cell);
    fp_buf_add(&w->out, cell);
}

static void text_row(writer *w, const table *t, const char *const *v,
                     const int *width, int indent)
{
    fp_buf_repeat(&w->out, " ", indent);
    for (int c = 0; c < t->t->ncols; c++) {
        if (c)
            fp_buf_add(&w->out, "  ");
        text_cell(w, v[c], width[c], t->t->align[c]);
    }
    fp_buf_addc(&w->out, '\n');
}

static void text_rule(writer *w, const table *t, const int *width,
                      int indent)
{
    fp_buf_repeat(&w->out, " ", indent);
    for (int c = 0; c < t->t->ncols; c++) {
        if (c)
            fp_buf_add(&w->out, "  ");
        fp_buf_repeat(&w->out, "-", width[c]);
    }
    fp_buf_addc(&w->out, '\n');
}

static void md_cell(writer *w, const char *s, int width, char align)
{
    int pad = width - fp_text_width(s);
    fp_buf_add(&w->out, " ");
    if (align == 'r')
        fp_buf_repeat(&w->out, " ", pad);
    fp_buf_add(&w->out, s);
    if (align != 'r')
        fp_buf_repeat(&w->out, " ", pad);
    fp_buf_add(&w->out, " |");
}

static void md_row(writer *w, const table *t, const char *const *v,
                   const int *width)
{
    fp_buf_add(&w->out, "|");
    for (int c = 0; c < t->t->ncols; c++)
        md_cell(w, v[c], width[c], t->t->align[c]);
    fp_buf_addc(&w->out, '\n');
}

static void md_rule(writer *w, const table *t, const int *width)
{
    fp_buf_add(&w->out, "|");
    for (int c = 0; c < t->t->ncols; c++) {
        fp_buf_add(&w->out, " ");
        fp_buf_repeat(&w->out, "-", width[c] - (t->t->align[c] == 'r'));
        fp_buf_add(&w->out, t->t->align[c] == 'r' ? ": |" : " |");
    }
    fp_buf_addc(&w->out, '\n');
}

/* Header row, separator row, then the rows. indent: text only. */
static void table_rows(writer *w, const table *t, int indent)
{
    int width[MAXCOLS];
    const char *head[MAXCOLS];
    w->failed |= t->failed;
    begin_block(w, K_TABLE);
    table_widths(t, w, width);
    for (int c = 0; c < t->t->ncols; c++)
        head[c] = _(t->t->head[c]);
    if (is_md(w)) {
        md_row(w, t, head, width);
        md_rule(w, t, width);
    } else {
        table_fit(t, indent, width);
        text_row(w, t, head, width, indent);
        if (t->t->rule)
            text_rule(w, t, width, indent);
    }
    for (size_t r = 0; r < t->t->nrows; r++) {
        const char *const *row = (const char *const *)t->cells +
                                 r * (size_t)t->t->ncols;
        if (is_md(w))
            md_row(w, t, row, width);
        else
            text_row(w, t, row, width, indent);
    }
}

static void w_table(writer *w, const fp_mtable *src)
{
    table t;
    if (!table_init(&t, w, src))
        w->failed = true;
    else
        table_rows(w, &t, src->indent);
    table_done(&t);
}

/* ---------------------------------------------------------------- blocks */

static void write_block(writer *w, const fp_mblock *b)
{
    switch (b->kind) {
    case FP_MB_TITLE: w_title(w, b->text); break;
    case FP_MB_HEADING: w_heading(w, b->text); break;
    case FP_MB_SUB: w_sub(w, b->text); break;
    case FP_MB_META: w_meta(w, b->text); break;
    case FP_MB_PARA: w_para(w, b->text); break;
    case FP_MB_BULLET: w_bullet(w, b->depth, b->text); break;
    case FP_MB_TABLE: w_table(w, b->table); break;
    }
}

/* Safety net for the promise "no trailing spaces": drops blanks before
 * every newline (cells are padded, so a row can end in padding). */
static void strip_trailing_blanks(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\n')
            while (o > s && o[-1] == ' ')
                o--;
        *o++ = *p;
    }
    while (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
}

char *fp_mdoc_write(const fp_mdoc *d, fp_minutes_format fmt)
{
    if (d->failed)
        return NULL;
    writer w = {.fmt = fmt, .last = K_NONE, .failed = false};
    fp_buf_init(&w.out);
    for (size_t i = 0; i < d->n; i++)
        write_block(&w, &d->blocks[i]);
    char *s = fp_buf_take(&w.out);
    if (s && w.failed) {
        free(s);
        return NULL;
    }
    if (s)
        strip_trailing_blanks(s);
    return s;
}
