/* The formula language of derived KPIs: numbers, KPI ids, + - * /,
 * parentheses and unary minus ("ad_spend / impressions * 1000").
 * A formula is parsed once into a flat RPN program whose KPI ids are
 * resolved to indices; evaluating it is a loop over that program.
 * "No value" is NAN: a missing component or a division by zero gives
 * NAN, never inf. Plain C.
 * Ownership: fp_expr_compile returns a new expression; fp_expr_free. */
#ifndef FUPAN_MODEL_EXPR_H
#define FUPAN_MODEL_EXPR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fp_expr fp_expr;

/* Deepest evaluation stack / parenthesis nesting a formula may need. */
#define FP_EXPR_MAX_DEPTH 64

/* Resolves the KPI id id[0..len) (not NUL-terminated) to an index >= 0,
 * or returns -1 when there is no such KPI. */
typedef int (*fp_expr_lookup)(void *ctx, const char *id, size_t len);

/* Compiles src. On error returns NULL, sets *err_col (1-based column in
 * characters, when err_col is not NULL) and writes "column N: what is
 * wrong" into err. */
fp_expr *fp_expr_compile(const char *src, fp_expr_lookup lookup, void *ctx,
                         int *err_col, char *err, size_t errsz);
void fp_expr_free(fp_expr *e);

/* Evaluates against one row of values indexed by KPI (NAN = no value).
 * Returns NAN for a missing component, a division by zero or any
 * non-finite result. */
double fp_expr_eval(const fp_expr *e, const double *values);

/* The distinct KPI indices the formula uses, in order of first use. */
int fp_expr_ncomponents(const fp_expr *e);
const int *fp_expr_components(const fp_expr *e);
bool fp_expr_uses(const fp_expr *e, int kpi);

#endif
