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

#endif
