/* Shared by the row producers of storage/export*.c. Private. */
#ifndef FUPAN_STORAGE_EXPORT_PRIV_H
#define FUPAN_STORAGE_EXPORT_PRIV_H

#include "storage/export.h"

/* The weeks an export covers, resolved: from..to (both 0: all weeks of
 * a list). */
typedef struct { fp_week from, to; } fp_xweeks;

bool fp_export_notes(fp_review *rv, const fp_export_req *req,
                     fp_xweeks wk, fp_xsink *sink, char *err, size_t errsz);
bool fp_export_overrides(fp_review *rv, const fp_export_req *req,
                         fp_xweeks wk, fp_xsink *sink, char *err,
                         size_t errsz);
bool fp_export_actions(fp_review *rv, const fp_export_req *req,
                       fp_xweeks wk, fp_xsink *sink, char *err,
                       size_t errsz);



/* The .xlsx writer (export_xlsx.c, libxlsxwriter): one sheet, header
 * row frozen, rows streamed (constant memory). */
typedef struct fp_xlsx fp_xlsx;
fp_xlsx *fp_xlsx_open(const char *file, char *err, size_t errsz);
bool fp_xlsx_begin(fp_xlsx *x, const char *name, const char *const *cols,
                   int ncols);
bool fp_xlsx_row(fp_xlsx *x, const fp_xcell *cells);
/* Column widths, then the file; frees x. False with err. */
bool fp_xlsx_close(fp_xlsx *x, char *err, size_t errsz);
#endif
