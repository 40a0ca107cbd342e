/* What the quarterly review reads besides the weeks: overrides and notes
 * per KPI over a range of weeks. */
#ifndef FUPAN_STORAGE_QUARTER_DATA_H
#define FUPAN_STORAGE_QUARTER_DATA_H

#include "model/kpi_review.h"
#include "storage/review.h"

/* Adds the overrides (active or reverted) and the notes (not deleted,
 * on a KPI) of weeks first..last to kr. False with db->err. */
bool fp_kpi_review_load_marks(fp_review *rv, fp_week first, fp_week last,
                              fp_kpi_review *kr);

/* The quarterly review of year-Qquarter: the quarter's weeks with data,
 * read with the catalogue version in force at the last of them (the
 * session's catalogue is replaced: call it on a session of its own or
 * right after opening), with their overrides and notes; finished. title
 * gets its heading. NULL with the message in err; *no_data when the
 * quarter holds no data. Caller frees with fp_kpi_review_free. */
fp_kpi_review *fp_quarter_review(fp_review *rv, int year, int quarter,
                                 char *title, size_t titlesz, char *err,
                                 size_t errsz, bool *no_data);

#endif
