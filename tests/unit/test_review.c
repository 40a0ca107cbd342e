/* The review session end to end: CSV into SQLite, a week computed from
 * the database, trends, the cache seeing a second process's write, and
 * migrations (an empty file, a database from a newer fupan). */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/text.h"
#include "storage/csv_import.h"
#include "storage/meeting.h"
#include "storage/review.h"
#include "storage/trend_sums.h"

static char dir[64], dbpath[128];
static fp_review *rv;

static void write_file(const char *name, const char *text, char *path)
{
    snprintf(path, 128, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void import(fp_import_kind kind, const char *name, const char *text)
{
    char path[128];
    write_file(name, text, path);
    const char *files[] = {path};
    fp_import_report rep;
    memset(&rep, 0, sizeof rep);
    int st = fp_import_files(fp_review_db(rv), fp_review_catalogue(rv), kind,
                             files, 1, NULL, &rep);
    cr_assert_eq(st, FP_IMPORT_OK, "%s", rep.nproblems ? rep.problems[0]
                                                       : rep.error);
    fp_import_report_done(&rep);
    fp_review_refresh(rv, true);
}

static void setup(void)
{
    char err[512];
    fp_locale_init();
    setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
    strcpy(dir, "/tmp/fupan-review-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(dbpath, sizeof dbpath, "%s/r.db", dir);
    fp_review_opts o = {dbpath, NULL, false, 0};
    rv = fp_review_open(&o, err, sizeof err);
    cr_assert_not_null(rv, "%s", err);
}

static void teardown(void)
{
    fp_review_close(rv);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(review, .init = setup, .fini = teardown);

static const fp_cell *cell(fp_week w, const char *path, const char *kpi)
{
    const fp_rollup *r = fp_review_week(rv, w);
    cr_assert_not_null(r);
    int node = fp_tree_find_path(fp_review_tree(rv), path);
    cr_assert_geq(node, 0, "no node %s", path);
    int k = fp_catalogue_kpi(fp_review_catalogue(rv), kpi);
    cr_assert_geq(k, 0);
    return fp_rollup_cell(r, node, k);
}

Test(review, ratio_of_sums_from_the_database)
{
    import(FP_IMPORT_ACTUALS, "a.csv",
           "week,store,category,person,orders,clicks\n"
           "2026-W47,s1,c1,\xe5\xbc\xa0\xe4\xbc\x9f,1,10\n"
           "2026-W47,s1,c1,li,100,10000\n");
    const fp_cell *c = cell(202647, "s1", "cvr");
    cr_assert_float_eq(c->value, 101.0 / 10010.0, 1e-12);
    cr_assert_float_eq(cell(202647, "s1/c1/li", "cvr")->value, 0.01, 1e-12);
    cr_assert_eq(fp_review_latest_week(rv), 202647);
    cr_assert(fp_review_has_week(rv, 202647));
    cr_assert_not(fp_review_has_week(rv, 202646));
}

Test(review, trend_has_twelve_weeks_and_gaps)
{
    import(FP_IMPORT_ACTUALS, "a.csv",
           "week,store,category,person,kpi,value\n"
           "2026-W36,s1,,,gmv,100\n"
           "2026-W46,s1,,,gmv,200\n"
           "2026-W47,s1,,,gmv,300\n");
    double t[FP_TREND_WEEKS];
    int node = fp_tree_find_path(fp_review_tree(rv), "s1");
    int k = fp_catalogue_kpi(fp_review_catalogue(rv), "gmv");
    cr_assert(fp_review_trend(rv, 202647, node, k, t));
    cr_assert_float_eq(t[0], 100.0, 1e-9);
    cr_assert(isnan(t[5]));
    cr_assert_float_eq(t[10], 200.0, 1e-9);
    cr_assert_float_eq(t[11], 300.0, 1e-9);
    cr_assert(fp_review_trend_cached(rv, 202647, node));
    cr_assert_not(fp_review_trend_cached(rv, 202648, node), "W48 never computed");
    cr_assert_not(fp_review_trend_cached(rv, 202646, node), "W35 never computed");
}

Test(review, sees_a_write_from_another_connection)
{
    import(FP_IMPORT_ACTUALS, "a.csv",
           "week,store,category,person,kpi,value\n2026-W47,s1,,,gmv,100\n");
    cr_assert_float_eq(cell(202647, "s1", "gmv")->value, 100.0, 1e-9);
    cr_assert_not(fp_review_refresh(rv, false));
    sqlite3 *other;
    cr_assert_eq(sqlite3_open(dbpath, &other), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(other, "UPDATE facts SET value = 250", NULL,
                              NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    cr_assert(fp_review_refresh(rv, false));
    cr_assert_float_eq(cell(202647, "s1", "gmv")->value, 250.0, 1e-9);
}

Test(review, fx_converts_company_money)
{
    import(FP_IMPORT_ORG, "s.csv", "store,name,platform,market,currency\n"
           "my,MY,TikTok Shop,MY,MYR\nth,TH,TikTok Shop,TH,THB\n");
    import(FP_IMPORT_FX, "fx.csv", "week,currency,rate\n"
           "2026-W47,MYR,0.25\n2026-W47,THB,0.03\n");
    import(FP_IMPORT_ACTUALS, "a.csv", "week,store,category,person,kpi,value\n"
           "2026-W47,my,,,gmv,1000\n2026-W47,th,,,gmv,10000\n");
    cr_assert_float_eq(cell(202647, "", "gmv")->value, 250.0 + 300.0, 1e-9);
}

Test(review, empty_file_is_migrated_and_newer_schema_refused)
{
    fp_review_close(rv);
    rv = NULL;
    char path[128], err[512];
    write_file("empty.db", "", path);
    fp_db *db = fp_db_open(path, false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    cr_assert_eq(sqlite3_exec(db->sql, "PRAGMA user_version = 99", NULL,
                              NULL, NULL), SQLITE_OK);
    fp_db_close(db);
    db = fp_db_open(path, false, err, sizeof err);
    cr_assert_null(db);
    cr_assert(strstr(err, "newer than this fupan"), "%s", err);
}

/* The trend of every cell for the 12 weeks up to `week` against the
 * full weeks, bit for bit. upper_first: the rows above person level
 * are asked first (their weeks then keep only those rows, from the
 * trend sums), then the others (those weeks are computed whole). */
static void check_trends_equal_full(fp_week week, bool upper_first)
{
    const fp_tree *tree = fp_review_tree(rv);
    int nk = fp_review_catalogue(rv)->nkpis;
    int nrows = tree->nnodes + tree->npeople;
    size_t per_row = (size_t)nk * FP_TREND_WEEKS;
    double *t = malloc((size_t)nrows * per_row * sizeof *t);
    cr_assert_not_null(t);
    for (int pass = upper_first ? 0 : 1; pass < 2; pass++)
        for (int row = 0; row < nrows; row++) {
            bool upper = row < tree->nnodes &&
                         tree->nodes[row].level != FP_LVL_PERSON;
            if (pass == 0 && !upper)
                continue;
            for (int k = 0; k < nk; k++)
                cr_assert(fp_review_trend(rv, week, row, k,
                          &t[(size_t)row * per_row +
                             (size_t)k * FP_TREND_WEEKS]), "%s",
                          fp_review_db(rv)->err);
        }
    for (int i = 0; i < FP_TREND_WEEKS; i++) {
        fp_week w = fp_week_add(week, i - (FP_TREND_WEEKS - 1));
        const fp_rollup *r = fp_review_week(rv, w);
        cr_assert_not_null(r);
        for (int row = 0; row < nrows; row++)
            for (int k = 0; k < nk; k++) {
                double a = fp_rollup_cell(r, row, k)->value;
                double b = t[(size_t)row * per_row +
                             (size_t)k * FP_TREND_WEEKS + (size_t)i];
                cr_assert(isnan(a) ? isnan(b) : memcmp(&a, &b, sizeof a) == 0,
                          "week %d row %d kpi %d: %.17g, trend %.17g", w,
                          row, k, a, b);
            }
    }
    free(t);
}

/* Trends compute the weeks they need with values only; every cell must
 * be what the full week gives, bit for bit. */
Test(review, trend_values_equal_the_full_weeks)
{
    import(FP_IMPORT_ACTUALS, "a.csv",
           "week,store,category,person,gmv,orders,clicks,ad_spend,viewers\n"
           "2026-W45,s1,c1,zhang,100.1,3,70,20.5,400\n"
           "2026-W45,s1,c1,li,200.2,4,90,,\n"
           "2026-W46,s1,c1,zhang,300.3,5,,10,\n"
           "2026-W46,s1,,,650,,,,\n"
           "2026-W47,s1,c2,li,0.7,1,3,0.1,9\n");
    check_trends_equal_full(202647, false);
}

/* Values whose sum depends on the order they are added in: people come
 * in the file out of tree (code) order; facts at a category and a store;
 * a week the file comes back to (summed from its facts, the others from
 * the rows as written); "-0" (read as 0). The test adds overrides at
 * a person (its category adds its children itself) and at a category,
 * and a second import adds a person to a week already summed. */
static void import_order_sensitive(void)
{
    import(FP_IMPORT_ACTUALS, "a.csv",
           "week,store,category,person,gmv,orders,clicks,ad_spend\n"
           "2026-W45,s1,c1,zz,10000000000000000,3,70,0.1\n"
           "2026-W45,s1,c1,aa,1,4,90,0.2\n"
           "2026-W45,s1,c1,mm,1,1,5,0.3\n"
           "2026-W45,s1,c2,aa,0.1,1,1,0.7\n"
           "2026-W46,s1,c1,mm,0.3,5,,10\n"
           "2026-W46,s1,c1,aa,0.2,2,3,0.1\n"
           "2026-W46,s1,c1,zz,0.1,,,0.2\n"
           "2026-W46,s1,c1,,650,,,\n"
           "2026-W46,s1,,,700,,,\n"
           "2026-W47,s1,c2,li,0.7,1,3,0.1\n"
           "2026-W47,s2,c2,li,0.001,1,3,123456789012.5\n"
           "2026-W45,s2,c2,zz,5,-0,1,0.5\n");
}

Test(review, trends_above_people_come_from_the_trend_sums)
{
    import_order_sensitive();
    const fp_tree *tree = fp_review_tree(rv);
    long long zz = tree->nodes[fp_tree_find_path(tree, "s1/c1/zz")].db_id;
    long long c2 = tree->nodes[fp_tree_find_path(tree, "s1/c2")].db_id;
    cr_assert_gt(fp_override_set(fp_review_db(rv), 202645, zz, "gmv", 2.5,
                                 10000000000000000.0, "late data", "t"), 0);
    cr_assert_gt(fp_override_set(fp_review_db(rv), 202646, c2, "orders", 9,
                                 NAN, "late data", "t"), 0);
    fp_review_refresh(rv, true);
    int s1 = fp_tree_find_path(tree = fp_review_tree(rv), "s1");
    int aa = fp_tree_find_path(tree, "s1/c1/aa");
    int k = fp_catalogue_kpi(fp_review_catalogue(rv), "gmv");
    double t[FP_TREND_WEEKS];
    cr_assert(fp_review_trend(rv, 202647, s1, k, t));
    cr_assert(fp_review_trend_cached(rv, 202647, s1));
    cr_assert_not(fp_review_trend_cached(rv, 202647, aa),
                  "a person's trend needs the whole weeks");
    check_trends_equal_full(202647, true);
    import(FP_IMPORT_ACTUALS, "b.csv",
           "week,store,category,person,gmv,orders\n"
           "2026-W46,s1,c1,bb,10000000000000000,7\n"
           "2026-W45,s1,c1,zz,3,1\n");
    check_trends_equal_full(202647, true);
}

/* A file whose keys ascend writes only the values that changed: the
 * weeks where one did are summed again, the others keep their sums. */
Test(review, a_changed_value_in_a_sorted_file_sums_its_week_again)
{
    const char *text =
        "week,store,category,person,gmv,orders\n"
        "2026-W45,s1,c1,aa,1,4\n"
        "2026-W45,s1,c1,bb,2,5\n"
        "2026-W46,s1,c1,aa,3,6\n"
        "2026-W46,s1,c1,bb,4,7\n";
    import(FP_IMPORT_ACTUALS, "a.csv", text);
    check_trends_equal_full(202647, true);
    import(FP_IMPORT_ACTUALS, "a.csv", text);
    check_trends_equal_full(202647, true);
    import(FP_IMPORT_ACTUALS, "b.csv",
           "week,store,category,person,gmv,orders\n"
           "2026-W45,s1,c1,aa,1,4\n"
           "2026-W45,s1,c1,bb,2,5\n"
           "2026-W46,s1,c1,aa,3,6\n"
           "2026-W46,s1,c1,bb,40,7\n");
    check_trends_equal_full(202647, true);
}

static void count_entry(void *ctx, long long node, long long kpi,
                        double own, double kids)
{
    (void)node, (void)kpi, (void)own, (void)kids;
    ++*(int *)ctx;
}

static void exec_sql(const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(fp_review_db(rv)->sql, sql, NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

/* A week without its sums, or with a row this fupan cannot read, is
 * computed from its facts; a database from before the table gets it
 * filled by the migration. */
Test(review, trend_sums_missing_or_damaged_fall_back_to_the_facts)
{
    import_order_sensitive();
    int entries = 0;
    cr_assert_eq(fp_trend_sums_read(fp_review_db(rv), 202645, count_entry,
                                    &entries), 1);
    cr_assert_gt(entries, 0);
    exec_sql("DELETE FROM trend_sums WHERE week = 202645");
    exec_sql("UPDATE trend_sums SET data = x'01ff' WHERE week = 202646");
    entries = 0;
    cr_assert_eq(fp_trend_sums_read(fp_review_db(rv), 202646, count_entry,
                                    &entries), 0);
    cr_assert_eq(entries, 0, "nothing of a damaged row is given");
    fp_review_refresh(rv, true);
    check_trends_equal_full(202647, true);
}

Test(review, migration_fills_the_trend_sums)
{
    import_order_sensitive();
    exec_sql("DROP TABLE trend_sums; PRAGMA user_version = 3");
    fp_review_close(rv);
    char err[512];
    fp_review_opts o = {dbpath, NULL, false, 0};
    rv = fp_review_open(&o, err, sizeof err);
    cr_assert_not_null(rv, "%s", err);
    int entries = 0;
    cr_assert_eq(fp_trend_sums_read(fp_review_db(rv), 202646, count_entry,
                                    &entries), 1);
    cr_assert_gt(entries, 0);
    check_trends_equal_full(202647, true);
}
