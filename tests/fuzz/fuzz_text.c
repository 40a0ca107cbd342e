/* Fuzz target: the text sanitiser (fp_text_sanitize) and the cutting by
 * columns built on it (fp_text_fit). Promises: what comes out holds no
 * control character (C0, DEL, C1) and is valid UTF-8; a cut text is no
 * wider than asked. */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "model/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool locale;
    if (!locale)
        locale = (fp_locale_init(), true);
    char *text = fuzz_cstr(data, size);
    char *clean = fp_text_sanitize(text);
    FUZZ_CHECK(clean != NULL);
    FUZZ_CHECK(fuzz_clean_text(clean, ""));
    FUZZ_CHECK(fp_text_width(text) >= 0);
    int cols = size ? data[0] % 40 : 10;
    char out[512];
    int w = fp_text_fit(text, cols, size & 1, out, sizeof out);
    FUZZ_CHECK(w <= cols && fp_text_width(out) <= cols);
    FUZZ_CHECK(fuzz_clean_text(out, ""));
    free(clean);
    free(text);
    return 0;
}
