/* Fuzz target: the INI reader (storage/ini_text.c) in both modes, and
 * its three consumers: the keymap, the KPI catalogue (as a team's
 * kpis.ini) and the config file. Promises: every problem of the reader
 * starts with "NAME:LINE: "; no message and no value holds a control
 * byte. */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "model/catalogue.h"
#include "storage/catalogue_ini.h"
#include "storage/config.h"
#include "storage/ini_text.h"
#include "tui/keymap.h"

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

static void keymap(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    fp_keymap *km = fp_keymap_new();
    FUZZ_CHECK(km != NULL);
    fp_keymap_apply_text(km, text, "f.ini");
    for (int i = 0; i < fp_keymap_nmessages(km); i++)
        FUZZ_CHECK(fuzz_clean_text(fp_keymap_message(km, i), ""));
    fp_keymap_free(km);
    free(text);
}

static void files(const uint8_t *data, size_t size)
{
    char path[64], err[1024];
    int fd = fuzz_file(data, size, path, sizeof path);
    if (fd < 0)
        return;
    fp_catalogue *cat = fp_catalogue_load(path, NULL, err, sizeof err);
    if (!cat)
        FUZZ_CHECK(*err && fuzz_clean_text(err, ""));
    fp_catalogue_free(cat);
    fp_config *cfg = fp_config_load(path, err, sizeof err);
    if (!cfg)
        FUZZ_CHECK(strncmp(err, path, strlen(path)) == 0 &&
                   fuzz_clean_text(err, ""));
    fp_config_free(cfg);
    close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader(data, size);
    keymap(data, size);
    files(data, size);
    return 0;
}
