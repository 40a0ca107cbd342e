/* Fuzz target: the number parser (fp_parse_value), as a cell of an
 * import reaches it. First byte: bit 0 = percent KPI. Promises: OK
 * gives a finite value; a failure says why. */
#include "tests/fuzz/fuzz_util.h"

#include <math.h>

#include "model/number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char *text = fuzz_cstr(data + 1, size - 1);
    double v = NAN;
    const char *why = NULL;
    fp_num_status st = fp_parse_value(text, data[0] & 1, &v, &why);
    if (st == FP_NUM_OK)
        FUZZ_CHECK(isfinite(v));
    if (st == FP_NUM_BAD || st == FP_NUM_AMBIGUOUS)
        FUZZ_CHECK(why != NULL && *why);
    free(text);
    return 0;
}
