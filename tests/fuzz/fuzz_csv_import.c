/* Fuzz target: a CSV import into a fresh in-memory database. First
 * byte: the kind (actuals, targets, org, fx) and bit 2 = dry run; the
 * rest is the file. Promises: the import ends OK or rejected (never a
 * runtime failure on a readable file); a rejected import has problems
 * and wrote nothing; a dry run writes nothing. (Whether its messages may
 * hold raw bytes is decided where they are printed.) */
#include "tests/fuzz/fuzz_util.h"

#include <string.h>

#include "storage/catalogue_ini.h"
#include "storage/csv_import.h"
#include "storage/db.h"

static const fp_catalogue *catalogue(void)
{
    static fp_catalogue *cat;
    if (!cat) {
        char err[512];
        cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
        FUZZ_CHECK(cat != NULL);
    }
    return cat;
}

static long long count_rows(fp_db *db)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT (SELECT count(*) FROM facts) + (SELECT count(*) FROM "
        "daily_facts) + (SELECT count(*) FROM targets) + (SELECT count(*) "
        "FROM fx_rates) + (SELECT count(*) FROM nodes)");
    FUZZ_CHECK(st != NULL);
    FUZZ_CHECK(sqlite3_step(st) == SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void check_report(const fp_import_report *rep, int status,
                         bool dry_run, long long before, long long after)
{
    FUZZ_CHECK(status == FP_IMPORT_OK || status == FP_IMPORT_REJECTED);
    if (status == FP_IMPORT_REJECTED || dry_run) {
        FUZZ_CHECK(dry_run || rep->nproblems > 0);
        FUZZ_CHECK(after == before);
    }
    for (int i = 0; i < rep->nproblems; i++)
        FUZZ_CHECK(rep->problems[i] && *rep->problems[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const fp_import_kind kinds[] = { FP_IMPORT_ACTUALS,
        FP_IMPORT_TARGETS, FP_IMPORT_ORG, FP_IMPORT_FX };
    char path[64], err[512];
    int fd = fuzz_file(data + 1, size - 1, path, sizeof path);
    fp_db *db = fd >= 0 ? fp_db_open(":memory:", false, err, sizeof err)
                        : NULL;
    FUZZ_CHECK(db != NULL);
    fp_import_opts opts = { .dry_run = data[0] & 4 };
    fp_import_report rep;
    memset(&rep, 0, sizeof rep);
    const char *files[] = { path };
    long long before = count_rows(db);
    int st = fp_import_files(db, catalogue(), kinds[data[0] & 3], files, 1,
                             &opts, &rep);
    check_report(&rep, st, opts.dry_run, before, count_rows(db));
    fp_import_report_done(&rep);
    fp_db_close(db);
    close(fd);
    return 0;
}
