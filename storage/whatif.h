/* What-if (issue 16): the scorecards of a week under the catalogue in
 * use and under a changed one, side by side, as text or csv. Shared by
 * `fupan whatif` and the browser's W. Reads only; the session's
 * catalogue is replaced by the changed one (use a session of its own).
 * Rules: docs/kpi-system.md. */
#ifndef FUPAN_STORAGE_WHATIF_H
#define FUPAN_STORAGE_WHATIF_H

#include <stdbool.h>
#include <stdio.h>

#include "storage/catalogue_ini.h"
#include "storage/review.h"

typedef struct {
    const char *catalogue;          /* a file read on top, NULL */
    const fp_catalogue_set *sets;   /* then these changes */
    int nsets;
    int root;                       /* compare this node and below; 0 all */
    bool csv;
} fp_whatif_req;

enum { FP_WHATIF_OK = 0, FP_WHATIF_RUNTIME = 1, FP_WHATIF_REFUSED = 3 };

/* Writes the comparison of week (which must hold data) to out. The
 * session must already read with the catalogue in use for that week
 * (fp_review_use_week). FP_WHATIF_REFUSED when the changed catalogue
 * does not load, FP_WHATIF_RUNTIME on a storage error; the message in
 * err. */
int fp_whatif_run(fp_review *rv, fp_week week, const fp_whatif_req *req,
                  FILE *out, char *err, size_t errsz);

#endif
