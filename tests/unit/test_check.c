/* fupan check: integrity, foreign keys and schema version of a file,
 * read without changing it; and the step loops that must tell a read
 * error from the end of the rows. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "storage/check.h"
#include "storage/db.h"
#include "storage/org.h"
#include "storage/schema.h"

static char dir[64], path[128];

static void setup(void)
{
    char err[512];
    strcpy(dir, "/tmp/fupan-check-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    setenv("XDG_DATA_HOME", dir, 1);
    fp_db *db = fp_db_open(path, false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    /* enough rows for a few pages */
    for (int i = 0; i < 300; i++) {
        char code[32];
        snprintf(code, sizeof code, "store-%03d", i);
        cr_assert_gt(fp_org_ensure_node(db, code, "apparel", "p", NULL), 0);
    }
    cr_assert_eq(sqlite3_exec(db->sql, "PRAGMA wal_checkpoint(TRUNCATE)",
                              NULL, NULL, NULL), SQLITE_OK);
    fp_db_close(db);
}

static void teardown(void)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(check, .init = setup, .fini = teardown);

static void exec_raw(const char *sql)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s",
                 sqlite3_errmsg(db));
    sqlite3_close(db);
}

/* Writes len bytes of byte at offset of the file. */
static void smash(long offset, int byte, size_t len)
{
    FILE *f = fopen(path, "r+b");
    cr_assert_not_null(f);
    char *junk = malloc(len);
    memset(junk, byte, len);
    cr_assert_eq(fseek(f, offset, SEEK_SET), 0);
    cr_assert_eq(fwrite(junk, 1, len, f), len);
    fclose(f);
    free(junk);
}

static bool has_problem(const fp_check_report *r, const char *text)
{
    for (size_t i = 0; i < r->n; i++)
        if (strstr(r->problems[i], text))
            return true;
    return false;
}

Test(check, a_sound_file_has_no_problem)
{
    fp_check_report r;
    char err[512];
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err), "%s", err);
    cr_assert_eq(r.n, 0, "%s", r.n ? r.problems[0] : "");
    cr_assert_eq(r.schema_version, FP_SCHEMA_VERSION);
    fp_check_report_done(&r);
}

Test(check, a_damaged_page_is_found)
{
    fp_check_report r;
    char err[512];
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_gt(st.st_size, 8 * 4096);
    smash(4 * 4096 + 1024, 0, 3072); /* cells of page 5 */
    for (int quick = 0; quick < 2; quick++) {
        fp_check_report_init(&r);
        cr_assert(fp_check_file(path, quick, &r, err, sizeof err));
        cr_assert_gt(r.n, 0, "quick=%d", quick);
        cr_assert(has_problem(&r, quick ? "quick_check: " : "integrity_check: "));
        cr_assert_not(has_problem(&r, "*** in database"), "heading kept");
        fp_check_report_done(&r);
    }
}

Test(check, missing_parent_rows_are_found)
{
    fp_check_report r;
    char err[512];
    exec_raw("PRAGMA foreign_keys=OFF; DELETE FROM stores WHERE id <= 2");
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err));
    cr_assert(has_problem(&r, "foreign_key_check: 6 row(s) of nodes refer "
                              "to stores rows"), "%s",
              r.n ? r.problems[0] : "none");
    fp_check_report_done(&r);
}

Test(check, schema_version_newer_or_zero)
{
    fp_check_report r;
    char err[512], want[128];
    exec_raw("PRAGMA user_version = 999");
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err));
    snprintf(want, sizeof want, "schema version 999 is newer than this "
             "fupan understands (%d)", FP_SCHEMA_VERSION);
    cr_assert(has_problem(&r, want));
    fp_check_report_done(&r);
    exec_raw("PRAGMA user_version = 0");
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err));
    cr_assert(has_problem(&r, "not a fupan database"));
    fp_check_report_done(&r);
}

Test(check, not_a_database_and_missing_file)
{
    fp_check_report r;
    char err[512];
    smash(0, 'x', 100);
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err));
    cr_assert_eq(r.n, 1);
    cr_assert(has_problem(&r, "file is not a database"));
    fp_check_report_done(&r);
    unlink(path);
    fp_check_report_init(&r);
    cr_assert_not(fp_check_file(path, false, &r, err, sizeof err));
    cr_assert(strstr(err, "cannot open database"), "%s", err);
    cr_assert_eq(access(path, F_OK), -1, "check created the file");
    fp_check_report_done(&r);
}

Test(check, start_check_runs_only_when_the_file_changed)
{
    char msg[512] = "";
    struct stat st;
    cr_assert_eq(fp_check_if_changed(path, msg, sizeof msg), 0, "%s", msg);
    /* damage that keeps size and time: the remembered check stands */
    cr_assert_eq(stat(path, &st), 0);
    smash(4 * 4096 + 1024, 0, 3072);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    cr_assert_eq(utimensat(AT_FDCWD, path, times, 0), 0);
    cr_assert_eq(fp_check_if_changed(path, msg, sizeof msg), 0);
    /* the file changed: checked again, and the problem is said */
    times[1].tv_sec += 10;
    cr_assert_eq(utimensat(AT_FDCWD, path, times, 0), 0);
    cr_assert_gt(fp_check_if_changed(path, msg, sizeof msg), 0);
    cr_assert(strstr(msg, "quick_check: "), "%s", msg);
    /* a failed check is not remembered: said again at the next start */
    cr_assert_gt(fp_check_if_changed(path, msg, sizeof msg), 0);
}

/* Read errors are errors: a damaged table is not an empty one. */
Test(check, damaged_tree_is_a_read_error)
{
    char err[512];
    fp_db *db = fp_db_open(path, true, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    fp_tree *tree = fp_org_load_tree(db);
    cr_assert_not_null(tree, "%s", db->err);
    int whole = tree->nnodes;
    fp_tree_free(tree);
    fp_db_close(db);
    cr_assert_gt(whole, 600);

    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    long pages = st.st_size / 4096;
    int errors = 0;
    for (long p = 2; p <= pages; p++) {
        char copy[300];
        snprintf(copy, sizeof copy, "cp '%s' '%s.orig'", path, path);
        cr_assert_eq(system(copy), 0);
        smash((p - 1) * 4096, 0xa5, 4096);
        db = fp_db_open(path, true, err, sizeof err);
        if (db) {
            db->err[0] = '\0';
            tree = fp_org_load_tree(db);
            if (tree)
                cr_assert_eq(tree->nnodes, whole, "page %ld: %d of %d nodes"
                             " read, no error", p, tree->nnodes, whole);
            else
                cr_assert(strstr(db->err, "malformed"), "page %ld: %s", p,
                          db->err);
            errors += tree == NULL;
            fp_tree_free(tree);
            fp_db_close(db);
        }
        snprintf(copy, sizeof copy, "mv '%s.orig' '%s'", path, path);
        cr_assert_eq(system(copy), 0);
    }
    cr_assert_gt(errors, 0, "no page of the tree was damaged");
}

/* A week's trend sums that no longer match its facts (a fact written
 * behind fupan's back here) are named; --repair makes them again. */
Test(check, trend_sums_that_do_not_match_the_facts)
{
    exec_raw("INSERT INTO kpis(code) VALUES('gmv');"
             "INSERT INTO facts(week, node_id, kpi_id, value)"
             " SELECT 202647, id, 1, 5 FROM nodes WHERE level = 3;"
             "INSERT INTO trend_sums(week, data) VALUES(202647, x'01');");
    fp_check_report r;
    char err[512];
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, true, &r, err, sizeof err), "%s", err);
    cr_assert_eq(r.n, 0, "the quick check reads no facts");
    cr_assert(fp_check_file(path, false, &r, err, sizeof err), "%s", err);
    cr_assert(has_problem(&r, "trend_sums: week 2026-W47 does not match"),
              "%s", r.n ? r.problems[0] : "no problem found");
    fp_check_report_done(&r);
    cr_assert(fp_check_repair_sums(path, err, sizeof err), "%s", err);
    fp_check_report_init(&r);
    cr_assert(fp_check_file(path, false, &r, err, sizeof err), "%s", err);
    cr_assert_eq(r.n, 0, "%s", r.n ? r.problems[0] : "");
    fp_check_report_done(&r);
}

/* What `fupan check` prints for a sound file: the trend sums are named
 * only when they were compared (a file of this schema, not --quick). */
static const char *check_output(const char *flag)
{
    static char out[1024];
    char file[160];
    snprintf(file, sizeof file, "%s/out.txt", dir);
    char *argv[] = {"check", "--db", path, (char *)flag, NULL};
    int argc = flag ? 4 : 3;
    fflush(stdout);
    cr_assert_not_null(freopen(file, "w", stdout));
    cr_assert_eq(fp_cmd_check(argc, argv), 0);
    fflush(stdout);
    FILE *f = fopen(file, "r");
    cr_assert_not_null(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    fclose(f);
    return out;
}

Test(check, ok_line_names_the_trend_sums_only_when_compared)
{
    cr_assert(strstr(check_output(NULL), "trend sums, schema version"));
    cr_assert_not(strstr(check_output("--quick"), "trend sums"));
    exec_raw("PRAGMA user_version = 3");
    const char *out = check_output(NULL);
    cr_assert(strstr(out, "schema version 3"), "%s", out);
    cr_assert_not(strstr(out, "trend sums"), "%s", out);
}

/* A session that began with a passing check marks the file as it leaves
 * it: its own writes do not make the next start check it again. */
Test(check, a_file_marked_sound_is_not_checked_again)
{
    char msg[512] = "";
    cr_assert_eq(fp_check_if_changed(path, msg, sizeof msg), 0, "%s", msg);
    exec_raw("INSERT INTO settings(key, value) VALUES('x', 'y')");
    smash(4 * 4096 + 1024, 0, 3072); /* stands for a write we trust */
    fp_check_mark_sound(path);
    cr_assert_eq(fp_check_if_changed(path, msg, sizeof msg), 0,
                 "checked again: %s", msg);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    times[1].tv_sec += 10; /* another program wrote */
    cr_assert_eq(utimensat(AT_FDCWD, path, times, 0), 0);
    cr_assert_gt(fp_check_if_changed(path, msg, sizeof msg), 0);
}
