/* The sane range of a KPI's value; see value_check.h. */
#include "model/value_check.h"

#include <math.h>
#include <stdio.h>

#include "model/i18n.h"

bool fp_kpi_value_sane(const fp_kpi *kpi, double v, char *why,
                       size_t whysz)
{
    if (!isfinite(v)) {
        snprintf(why, whysz, _("%s needs a number"), kpi->id);
        return false;
    }
    if (kpi->unit == FP_UNIT_PERCENT) {
        if (fabs(v) <= FP_PERCENT_LIMIT)
            return true;
        snprintf(why, whysz, _("%s is a percentage: it lies between "
                 "-1,000%% and 1,000%%"), kpi->id);
        return false;
    }
    if (v >= 0)
        return true;
    snprintf(why, whysz, _("%s cannot be negative (a count, an amount of "
             "money, a duration or a ratio)"), kpi->id);
    return false;
}
