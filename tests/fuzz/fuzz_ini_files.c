/* Fuzz target: the three consumers of the INI reader: the keymap, the
 * KPI catalogue (as a team's kpis.ini) and the config file. Promise: a
 * refusal says why, without a control byte; keymap messages hold none. */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "model/catalogue.h"
#include "storage/catalogue_ini.h"
#include "storage/config.h"
#include "tui/keymap.h"

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
    keymap(data, size);
    files(data, size);
    return 0;
}
