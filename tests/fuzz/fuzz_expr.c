/* Fuzz target: the formula parser of derived KPIs (fp_expr_compile) and
 * its evaluation. Input: the formula, then after a NUL the bytes that
 * give the components' values. Promises: a compiled formula uses only
 * known KPIs and evaluates to a finite number or NAN (never inf); an
 * error says where. */
#include "tests/fuzz/fuzz_util.h"

#include <math.h>
#include <string.h>

#include "model/expr.h"

static const char *const kpis[] = { "gmv", "orders", "clicks",
                                    "impressions", "ad_spend", "views" };
#define NKPIS 6

static int lookup(void *ctx, const char *id, size_t len)
{
    (void)ctx;
    for (int i = 0; i < NKPIS; i++)
        if (strlen(kpis[i]) == len && memcmp(kpis[i], id, len) == 0)
            return i;
    return -1;
}

/* Values from the bytes after the formula: NAN, 0, tiny, huge or n. */
static void fill_values(const uint8_t *v, size_t n, double *out)
{
    static const double special[] = { NAN, 0.0, -0.0, 1e-300, 1e300,
                                      -1e300 };
    for (int i = 0; i < NKPIS; i++) {
        uint8_t b = i < (int)n ? v[i] : (uint8_t)i;
        out[i] = b < 6 ? special[b] : (double)b - 128.0;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *src = fuzz_cstr(data, size);
    size_t used = strlen(src) + 1;
    char err[256] = "";
    int col = 0;
    fp_expr *e = fp_expr_compile(src, lookup, NULL, &col, err, sizeof err);
    if (!e) {
        FUZZ_CHECK(*err && col >= 1);
        free(src);
        return 0;
    }
    for (int i = 0; i < fp_expr_ncomponents(e); i++) {
        int k = fp_expr_components(e)[i];
        FUZZ_CHECK(k >= 0 && k < NKPIS && fp_expr_uses(e, k));
    }
    double values[NKPIS];
    fill_values(used < size ? data + used : NULL, used < size ? size - used
                : 0, values);
    double r = fp_expr_eval(e, values);
    FUZZ_CHECK(isnan(r) || isfinite(r));
    fp_expr_free(e);
    free(src);
    return 0;
}
