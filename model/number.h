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

/* How a market writes numbers. */
typedef enum {
    FP_DEC_UNKNOWN,   /* as fp_parse_value: what could be read both ways
                         is refused as ambiguous */
    FP_DEC_POINT,     /* 1,250,000.50 (MY, TH, PH, SG) */
    FP_DEC_COMMA      /* 1.250.000,50 (ID, VN) */
} fp_decimal;

/* The way of a market code (ID, VN: comma; MY, TH, PH, SG: point; any
 * case); FP_DEC_UNKNOWN for others and NULL. */
fp_decimal fp_decimal_for_market(const char *market);
/* fp_parse_value with the decimal separator known: "1.250.000" and
 * "12.500,50" read as the market writes them; a separator used the
 * other way ("1,5" with a decimal point) is refused as ambiguous. */
fp_num_status fp_parse_value_as(const char *text, bool percent,
                                fp_decimal decimal, double *out,
                                const char **why);

#endif
