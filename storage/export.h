/* Tables out (issue 15): scorecards, facts, notes, overrides and action
 * items as one long table, written as CSV, JSON or .xlsx. Shared by
 * `fupan export` and the TUI's x. Rows are streamed week by week: a
 * range of weeks is never held in memory at once.
 * Ownership: fp_xwriter_open/fp_xwriter_close (close frees, also after
 * an error). */
#ifndef FUPAN_STORAGE_EXPORT_H
#define FUPAN_STORAGE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "model/export.h"
#include "model/week.h"
#include "storage/encoding.h"
#include "storage/review.h"

typedef enum {
    FP_EXP_SCORECARDS, FP_EXP_FACTS, FP_EXP_NOTES, FP_EXP_OVERRIDES,
    FP_EXP_ACTIONS, FP_EXP_KIND_COUNT
} fp_export_kind;

typedef enum { FP_EXPF_CSV, FP_EXPF_JSON, FP_EXPF_XLSX } fp_export_format;

/* Which rows of the tree a scorecard export holds. */
typedef enum {
    FP_XS_SUBTREE,   /* node and every node below it */
    FP_XS_CHILDREN,  /* the node's children (the TUI's table) */
    FP_XS_PEOPLE,    /* personal scorecards of everyone below node */
    FP_XS_PERSON     /* one person's personal scorecard */
} fp_export_scope;

typedef struct {
    fp_export_kind kind;
    fp_week from, to;      /* both 0: the newest week (scorecards, facts),
                              every week (notes, overrides, actions) */
    int node;              /* tree index: rows at and below it */
    fp_export_scope scope;
    int person;            /* FP_XS_PERSON: person index */
} fp_export_req;

/* "scorecards" ... "actions"; false for another name. */
bool fp_export_kind_parse(const char *name, fp_export_kind *out);
/* "csv" | "json" | "xlsx"; false for another name. */
bool fp_export_format_parse(const char *name, fp_export_format *out);
const char *fp_export_format_ext(fp_export_format fmt);

/* Streams the rows asked for into sink (begin, then one row call each).
 * False with the reason in err (a week without data, a read error). */
bool fp_export_rows(fp_review *rv, const fp_export_req *req, fp_xsink *sink,
                    char *err, size_t errsz);

typedef struct {
    bool excel_bom;        /* CSV: a UTF-8 byte order mark first */
    fp_encoding encoding;  /* CSV: UTF8 (default) or GB18030 (iconv) */
} fp_xwriter_opts;

typedef struct fp_xwriter fp_xwriter;
/* A writer to path ("-": standard output) in fmt; its sink is
 * fp_xwriter_sink(w). NULL with the reason in err. opts may be NULL. */
fp_xwriter *fp_xwriter_open(const char *path, fp_export_format fmt,
                            const fp_xwriter_opts *opts, char *err,
                            size_t errsz);
fp_xsink *fp_xwriter_sink(fp_xwriter *w);
/* Rows written so far. */
size_t fp_xwriter_rows(const fp_xwriter *w);
/* Finishes the file and frees w; false (err) when it could not be
 * written. ok false: an export that failed, the file is left out (a
 * half file is removed). */
bool fp_xwriter_close(fp_xwriter *w, bool ok, char *err, size_t errsz);

/* The one-shot form the TUI uses: rows of req into path. Returns the
 * number of rows, -1 with err. */
long fp_export_to_file(fp_review *rv, const fp_export_req *req,
                       const char *path, fp_export_format fmt, char *err,
                       size_t errsz);

#endif
