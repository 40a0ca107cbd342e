/* The week's FX rates, for a screen that shows money converted into the
 * reporting currency (the rollup converts with the same rows).
 * Plain read; the caller owns the array it passes. */
#ifndef FUPAN_STORAGE_FX_H
#define FUPAN_STORAGE_FX_H

#include <stdbool.h>
#include <stddef.h>

#include "model/rollup.h"
#include "model/week.h"
#include "storage/db.h"

/* Fills out with up to max rates of week; *n gets how many. False
 * (db->err) on a storage error. */
bool fp_fx_week(fp_db *db, fp_week week, fp_fx *out, size_t max, size_t *n);

#endif
