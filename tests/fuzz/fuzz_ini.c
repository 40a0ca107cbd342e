/* Fuzz target: the one INI reader (storage/ini_text.c), strict and
 * lenient. Promises: every problem starts with "NAME:LINE: "; no
 * message and no value holds a control byte. (fuzz_ini_files.c feeds
 * the same text to the keymap, the catalogue and the config.) */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "storage/ini_text.h"

static bool has_line(const char *msg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(msg, name, n) == 0 && msg[n] == ':' &&
           msg[n + 1] >= '1' && msg[n + 1] <= '9';
}

static void check_doc(const fp_ini_doc *doc)
{
    for (int i = 0; i < doc->nproblems; i++) {
        FUZZ_CHECK(has_line(doc->problems[i], "f.ini"));
        FUZZ_CHECK(fuzz_clean_text(doc->problems[i], ""));
    }
    for (int s = 0; s < doc->nsecs; s++)
        for (int k = 0; k < doc->secs[s].nkv; k++) {
            FUZZ_CHECK(fuzz_clean_text(doc->secs[s].kvs[k].value, "\t"));
            FUZZ_CHECK(doc->secs[s].kvs[k].line >= 1);
        }
}

static void reader(const uint8_t *data, size_t size)
{
    fp_ini_doc doc;
    char err[512] = "";
    if (fp_ini_parse_mem((const char *)data, size, "f.ini", FP_INI_STRICT,
                         &doc, err, sizeof err)) {
        FUZZ_CHECK(doc.nproblems == 0);
        check_doc(&doc);
    } else {
        FUZZ_CHECK(strncmp(err, "f.ini:", 6) == 0);
        FUZZ_CHECK(fuzz_clean_text(err, ""));
    }
    fp_ini_doc_done(&doc);
    FUZZ_CHECK(fp_ini_parse_mem((const char *)data, size, "f.ini",
                                FP_INI_LENIENT, &doc, err, sizeof err));
    check_doc(&doc);
    fp_ini_doc_done(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader(data, size);
    return 0;
}
