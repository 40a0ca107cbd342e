/* The minutes as a list of blocks (title, headings, lines, bullets,
 * tables), built once from the data by the sections (model/minutes.c,
 * model/minutes_chat.c) and laid out by small writers: text and Markdown
 * (model/minutes_write.c), chat text and the chat platforms' JSON
 * (model/minutes_chat_write.c). Plain C.
 *
 * Ownership: fp_mdoc_init/fp_mdoc_done; the document owns copies of all
 * its text (raw, as given: the writers sanitise and escape). After an
 * allocation failure `failed` is set and later additions are ignored. */
#ifndef FUPAN_MODEL_MINUTES_DOC_H
#define FUPAN_MODEL_MINUTES_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "model/minutes.h"

#define FP_MDOC_MAXCOLS 8

typedef enum {
    FP_MB_TITLE, FP_MB_HEADING, FP_MB_SUB, FP_MB_META, FP_MB_PARA,
    FP_MB_BULLET, FP_MB_TABLE
} fp_mblock_kind;

/* A table: headings are msgids (translated when written). */
typedef struct {
    int ncols;
    const char *head[FP_MDOC_MAXCOLS];
    char align[FP_MDOC_MAXCOLS + 1]; /* 'l' or 'r' per column */
    int maxw[FP_MDOC_MAXCOLS];       /* text: widest a column may be */
    int indent;                      /* text: columns before each row */
    bool rule;                       /* text: dashes under the header */
    char **cells;                    /* nrows * ncols, owned, raw */
    size_t nrows, cap;
} fp_mtable;

typedef struct {
    fp_mblock_kind kind;
    int depth;          /* bullet: 1 sits under a subheading's table */
    char *text;         /* owned; NULL for a table */
    fp_mtable *table;   /* owned; FP_MB_TABLE only */
} fp_mblock;

typedef struct {
    fp_mblock *blocks;
    size_t n, cap;
    bool failed;
} fp_mdoc;

void fp_mdoc_init(fp_mdoc *d);
void fp_mdoc_done(fp_mdoc *d);
/* Appends a block of text (NULL counts as ""). */
void fp_mdoc_add(fp_mdoc *d, fp_mblock_kind kind, int depth,
                 const char *text);
void fp_mdoc_addf(fp_mdoc *d, fp_mblock_kind kind, int depth,
                  const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Appends an empty table (owned by d) and returns it for its rows; NULL
 * when out of memory. head holds ncols static msgids. */
fp_mtable *fp_mdoc_table(fp_mdoc *d, int ncols, const char *const *head,
                         const char *align, const int *maxw, int indent);
/* Appends a row of ncols cells (copied; NULL counts as ""). */
void fp_mtable_add(fp_mdoc *d, fp_mtable *t, const char *const *cells);

/* The full minutes' sections (minutes.c) appended to d. */
void fp_minutes_doc(fp_mdoc *d, const fp_minutes_input *in);

/* The document laid out as text or Markdown (minutes_write.c): a new
 * string, caller frees; NULL when out of memory (or d->failed). */
char *fp_mdoc_write(const fp_mdoc *d, fp_minutes_format fmt);

#endif
