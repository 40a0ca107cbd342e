/* Whether a value typed by hand (an override) can be a value of a KPI:
 * counts, money, seconds and ratios are never negative; a percent lies
 * between -1,000 % and 1,000 % (a margin can be negative, nothing is ten
 * times itself). Plain C, for the TUI and the CLI alike. */
#ifndef FUPAN_MODEL_VALUE_CHECK_H
#define FUPAN_MODEL_VALUE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include "model/catalogue.h"

/* The largest percent accepted, as a fraction (10 = 1,000 %). */
#define FP_PERCENT_LIMIT 10.0

/* True when v is in kpi's range; else false with the reason in why. */
bool fp_kpi_value_sane(const fp_kpi *kpi, double v, char *why,
                       size_t whysz);

#endif
