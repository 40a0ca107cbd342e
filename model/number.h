/* Parsing numbers as platforms export them: "1,234.50", "RM1,234.50",
 * "฿980", "12.5%", "-3". Plain C, no allocation. */
#ifndef FUPAN_MODEL_NUMBER_H
#define FUPAN_MODEL_NUMBER_H

#include <stdbool.h>

typedef enum {
    FP_NUM_OK,
    FP_NUM_EMPTY,     /* empty or blank: no value */
    FP_NUM_BAD,       /* not a number */
    FP_NUM_AMBIGUOUS  /* separator could be grouping or decimal: refused */
} fp_num_status;

/* Parses text into *out. For a percent KPI, "12.5%" and "12.5" both give
 * 0.125 (values are kept as fractions); elsewhere a "%" is an error.
 * On failure *why (if not NULL) points to a static English message. */
fp_num_status fp_parse_value(const char *text, bool percent, double *out,
                             const char **why);

#endif
