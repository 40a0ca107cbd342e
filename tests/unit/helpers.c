/* Helpers for tests that drive the binary; see helpers.h. */
#include "tests/unit/helpers.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

void fp_scratch_sample(fp_scratch *sc, const char *name,
                       const char *user_name)
{
    sc->bin = getenv("FUPAN_BIN");
    if (!sc->bin || !*sc->bin)
        cr_skip_test("FUPAN_BIN is not set (make unit sets it)");
    snprintf(sc->dir, sizeof sc->dir, "/tmp/fupan-%s-XXXXXX", name);
    cr_assert_not_null(mkdtemp(sc->dir));
    snprintf(sc->db, sizeof sc->db, "%s/sample.db", sc->dir);
    char cmd[1024];
    if (user_name) {
        snprintf(cmd, sizeof cmd, "mkdir -p '%s/fupan' && printf "
                 "'[user]\\nname = %s\\n' > '%s/fupan/config.ini'", sc->dir,
                 user_name, sc->dir);
        cr_assert_eq(system(cmd), 0, "%s", cmd);
    }
    snprintf(cmd, sizeof cmd,
             "XDG_CONFIG_HOME='%s' '%s' init --sample --db '%s' >/dev/null",
             sc->dir, sc->bin, sc->db);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
}

void fp_scratch_remove(const fp_scratch *sc)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", sc->dir);
    cr_assert_eq(system(cmd), 0);
}

char *fp_read_all(FILE *f)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    cr_assert_not_null(buf);
    for (size_t got; (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            buf = realloc(buf, cap *= 2);
            cr_assert_not_null(buf);
        }
    }
    buf[n] = '\0';
    return buf;
}
