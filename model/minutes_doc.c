/* The minutes' list of blocks; see minutes_doc.h. */
#include "model/minutes_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "model/vec.h"

void fp_mdoc_init(fp_mdoc *d)
{
    memset(d, 0, sizeof *d);
}

static void table_free(fp_mtable *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t);
}

void fp_mdoc_done(fp_mdoc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->blocks[i].text);
        table_free(d->blocks[i].table);
    }
    free(d->blocks);
    fp_mdoc_init(d);
}

/* A new zeroed block at the end; NULL when out of memory. */
static fp_mblock *push_block(fp_mdoc *d, fp_mblock_kind kind, int depth)
{
    if (d->failed)
        return NULL;
    bool ok = true;
    FP_GROW(d->blocks, d->n + 1, d->cap, ok);
    if (!ok) {
        d->failed = true;
        return NULL;
    }
    fp_mblock *b = &d->blocks[d->n];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->depth = depth;
    return b;
}

void fp_mdoc_add(fp_mdoc *d, fp_mblock_kind kind, int depth,
                 const char *text)
{
    char *copy = strdup(text ? text : "");
    fp_mblock *b = copy ? push_block(d, kind, depth) : NULL;
    if (!b) {
        d->failed = true;
        free(copy);
        return;
    }
    b->text = copy;
    d->n++;
}

void fp_mdoc_addf(fp_mdoc *d, fp_mblock_kind kind, int depth,
                  const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    char small[2];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    if (!s) {
        d->failed = true;
        return;
    }
    fp_mdoc_add(d, kind, depth, s);
    free(s);
}

fp_mtable *fp_mdoc_table(fp_mdoc *d, int ncols, const char *const *head,
                         const char *align, const int *maxw, int indent)
{
    fp_mtable *t = calloc(1, sizeof *t);
    fp_mblock *b = t ? push_block(d, FP_MB_TABLE, 0) : NULL;
    if (!b) {
        d->failed = true;
        free(t);
        return NULL;
    }
    t->ncols = ncols;
    for (int c = 0; c < ncols; c++) {
        t->head[c] = head[c];
        t->maxw[c] = maxw[c];
    }
    memcpy(t->align, align, (size_t)ncols);
    t->indent = indent;
    t->rule = true;
    b->table = t;
    d->n++;
    return t;
}

void fp_mtable_add(fp_mdoc *d, fp_mtable *t, const char *const *cells)
{
    if (d->failed || !t)
        return;
    /* The items grown are rows of ncols cells. */
    char **grown = fp_grow(t->cells, (size_t)t->ncols * sizeof *grown,
                           t->nrows + 1, &t->cap);
    if (!grown) {
        d->failed = true;
        return;
    }
    t->cells = grown;
    char **row = t->cells + t->nrows * (size_t)t->ncols;
    bool ok = true;
    for (int c = 0; c < t->ncols; c++)
        ok &= (row[c] = strdup(cells[c] ? cells[c] : "")) != NULL;
    if (!ok) {
        for (int c = 0; c < t->ncols; c++)
            free(row[c]);
        d->failed = true;
        return;
    }
    t->nrows++;
}
