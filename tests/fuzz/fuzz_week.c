/* Fuzz target: the week and date parsers (fp_week_parse,
 * fp_week_parse_near, fp_date_parse). Promises: a parsed week is valid
 * and prints back as itself; a parsed date is a real day whose ISO week
 * is valid. */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "model/week.h"

static void check_week(fp_week w)
{
    char out[16], again_text[16];
    FUZZ_CHECK(fp_week_valid(w));
    fp_week_format(w, out);
    fp_week again;
    FUZZ_CHECK(fp_week_parse(out, &again) && again == w);
    fp_week_format(fp_week_next(fp_week_prev(w)), again_text);
    FUZZ_CHECK(strcmp(out, again_text) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    fp_week w;
    if (fp_week_parse(text, &w))
        check_week(w);
    fp_week near;
    FUZZ_CHECK(fp_week_parse("2026-W47", &near));
    if (fp_week_parse_near(text, near, size & 1, &w))
        check_week(w);
    int y, m, d;
    if (fp_date_parse(text, &y, &m, &d)) {
        long days = fp_days_from_civil(y, m, d);
        int y2, m2, d2;
        fp_civil_from_days(days, &y2, &m2, &d2);
        FUZZ_CHECK(y == y2 && m == m2 && d == d2);
        check_week(fp_week_of_date(y, m, d));
    }
    free(text);
    return 0;
}
