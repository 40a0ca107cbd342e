/* The CSV importer: formats, encodings, daily sums, re-import and every
 * way a file is rejected (exact message, nothing written). */
#include <criterion/criterion.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/text.h"
#include "model/week.h"
#include "storage/catalogue_ini.h"
#include "storage/csv_import.h"
#include "storage/db.h"
#include "storage/org.h"
#include "storage/sha256.h"

#define ZW "\xe5\xbc\xa0\xe4\xbc\x9f"   /* 张伟 */
#define LN "\xe6\x9d\x8e\xe5\xa8\x9c"   /* 李娜 */
#define MY_STORE "\xe9\xa9\xac\xe6\x9d\xa5\xe5\xba\x97" /* 马来店 */

static char dir[64];
static char paths[32][256];
static int npaths;
static fp_db *db;
static fp_catalogue *cat;
static fp_import_report rep;

static void setup(void)
{
    char err[512];
    fp_locale_init();
    strcpy(dir, "/tmp/fupan-import-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(paths[0], sizeof paths[0], "%s/t.db", dir);
    npaths = 1;
    db = fp_db_open(paths[0], false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    memset(&rep, 0, sizeof rep);
}

static void teardown(void)
{
    char extra[300];
    fp_import_report_done(&rep);
    fp_db_close(db);
    fp_catalogue_free(cat);
    for (int i = 0; i < npaths; i++)
        unlink(paths[i]);
    snprintf(extra, sizeof extra, "%s-wal", paths[0]);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", paths[0]);
    unlink(extra);
    rmdir(dir);
}

TestSuite(import, .init = setup, .fini = teardown);

/* ---- helpers ---- */

static const char *put_bytes(const char *name, const char *data, size_t len)
{
    char *p = paths[npaths++];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    return p;
}

static const char *put(const char *name, const char *text)
{
    return put_bytes(name, text, strlen(text));
}

static int run_opts(fp_import_kind kind, const fp_import_opts *opts,
                    const char *file, ...)
{
    const char *files[8];
    int n = 0;
    va_list ap;
    va_start(ap, file);
    for (const char *f = file; f != NULL; f = va_arg(ap, const char *))
        files[n++] = f;
    va_end(ap);
    fp_import_report_done(&rep);
    return fp_import_files(db, cat, kind, files, n, opts, &rep);
}

#define run(kind, ...) run_opts(kind, NULL, __VA_ARGS__, NULL)

static void assert_ok(int status)
{
    for (int i = 0; i < rep.nproblems; i++)
        cr_log_error("%s", rep.problems[i]);
    cr_assert_eq(status, FP_IMPORT_OK, "status %d: %s", status, rep.error);
}

/* Problem i is "path:rest". */
static void assert_problem(int i, const char *path, const char *rest)
{
    char want[1024];
    snprintf(want, sizeof want, "%s:%s", path, rest);
    cr_assert_gt(rep.nproblems, i, "no problem %d (expected %s)", i, want);
    cr_assert_str_eq(rep.problems[i], want);
}

static long long query_int(const char *sql)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    cr_assert_not_null(st, "%s", db->err);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static char *query_text(const char *sql)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    cr_assert_not_null(st, "%s", db->err);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    char *copy = strdup(t ? (const char *)t : "(null)");
    sqlite3_finalize(st);
    return copy;
}

static void assert_text(const char *sql, const char *want)
{
    char *got = query_text(sql);
    cr_assert_str_eq(got, want, "%s", sql);
    free(got);
}

static double lookup(const char *sql, fp_week week, long long node,
                     const char *kpi)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    double v = NAN;
    cr_assert_not_null(st);
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_text(st, 3, kpi, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The weekly fact, NAN when there is none. */
static double fact(fp_week week, const char *store, const char *category,
                   const char *person, const char *kpi)
{
    long long node = fp_org_find_node(db, store, category, person);
    if (node < 0)
        return NAN;
    return lookup("SELECT f.value FROM facts f JOIN kpis k ON k.id = "
                  "f.kpi_id WHERE f.week = ?1 AND f.node_id = ?2 AND "
                  "k.code = ?3", week, node, kpi);
}

static double target(fp_week week, const char *path, const char *kpi)
{
    long long node = fp_org_find_path(db, path);
    if (node < 0)
        return NAN;
    return lookup("SELECT t.value FROM targets t JOIN kpis k ON k.id = "
                  "t.kpi_id WHERE t.week = ?1 AND t.node_id = ?2 AND "
                  "k.code = ?3", week, node, kpi);
}

typedef struct { long long n[10]; } db_counts;

static db_counts counts(void)
{
    static const char *const sql[10] = {
        "SELECT count(*) FROM facts", "SELECT count(*) FROM daily_facts",
        "SELECT count(*) FROM targets", "SELECT count(*) FROM fx_rates",
        "SELECT count(*) FROM imports", "SELECT count(*) FROM stores",
        "SELECT count(*) FROM categories", "SELECT count(*) FROM people",
        "SELECT count(*) FROM nodes",
        "SELECT total(value) FROM facts",
    };
    db_counts c;
    for (int i = 0; i < 10; i++)
        c.n[i] = query_int(sql[i]);
    return c;
}

static void assert_unchanged(const db_counts *before)
{
    db_counts now = counts();
    for (int i = 0; i < 10; i++)
        cr_assert_eq(now.n[i], before->n[i], "count %d changed: %lld -> %lld",
                     i, before->n[i], now.n[i]);
}

static const char *const base_csv =
    "week,store,category,person,kpi,value\n"
    "2026-W46,tts-my,apparel," ZW ",gmv,1000\n"
    "2026-W46,tts-my,apparel,,gmv,5000\n"
    "2026-W46,tts-my,,,gmv,9000\n";

/* A database holding base_csv; returns its counts. */
static db_counts with_base(void)
{
    assert_ok(run(FP_IMPORT_ACTUALS, put("base.csv", base_csv)));
    return counts();
}

/* Imports text as kind and expects exactly one problem "FILE:rest",
 * nothing written. */
static void assert_rejected(fp_import_kind kind, const char *text,
                            const char *rest)
{
    db_counts before = with_base();
    const char *f = put("bad.csv", text);
    cr_assert_eq(run(kind, f), FP_IMPORT_REJECTED);
    assert_problem(0, f, rest);
    cr_assert_eq(rep.nproblems, 1, "more problems: %s",
                 rep.nproblems > 1 ? rep.problems[1] : "");
    assert_unchanged(&before);
}

/* ---- formats ---- */

Test(import, long_format_levels)
{
    db_counts before = counts();
    const char *f = put("a.csv", base_csv);
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(fact(202646, "tts-my", "apparel", ZW, "gmv"), 1000);
    cr_assert_eq(fact(202646, "tts-my", "apparel", "", "gmv"), 5000);
    cr_assert_eq(fact(202646, "tts-my", "", "", "gmv"), 9000);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), before.n[0] + 3);
    cr_assert_eq(rep.nfiles, 1);
    cr_assert_str_eq(rep.files[0].format, "long");
    cr_assert_eq(rep.files[0].rows, 3);
    cr_assert_eq(rep.files[0].written, 3);
    cr_assert_eq(rep.created.stores, 1);
    cr_assert_eq(rep.created.categories, 1);
    cr_assert_eq(rep.created.people, 1);
    cr_assert_str_eq(rep.files[0].max_day, "2026-11-15");
}

Test(import, records_the_import)
{
    const char *f = put("a.csv", base_csv);
    char sha[65];
    fp_sha256_hex(base_csv, strlen(base_csv), sha);
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(query_int("SELECT count(*) FROM imports"), 1);
    assert_text("SELECT kind FROM imports", "actuals");
    assert_text("SELECT sha256 FROM imports", sha);
    assert_text("SELECT encoding FROM imports", "utf-8");
    assert_text("SELECT max_day FROM imports", "2026-11-15");
    cr_assert_eq(query_int("SELECT rows FROM imports"), 3);
    char *file = query_text("SELECT file FROM imports");
    cr_assert_str_eq(file, f);
    free(file);
    cr_assert_eq(query_int("SELECT count(*) FROM facts WHERE import_id = "
                           "(SELECT id FROM imports)"), 3);
    cr_assert_eq(query_int("SELECT length(imported_at) >= 19 FROM imports"),
                 1);
}

Test(import, wide_format_with_money)
{
    /* percent KPIs are formulas: refused in actuals (see below) */
    const char *f = put("w.csv",
        "week,store,category,person,gmv,orders,ad_spend\n"
        "2026-W47,tts-my,apparel," ZW ",\"RM1,234.50\",12,\n"
        "2026-W47,tts-th,beauty,," "\xe0\xb8\xbf" "980,\"1,000\","
        "THB 50\n");
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_str_eq(rep.files[0].format, "wide");
    cr_assert_eq(rep.files[0].written, 5); /* the empty ad_spend: none */
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 1234.5);
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "orders"), 12);
    cr_assert(isnan(fact(202647, "tts-my", "apparel", ZW, "ad_spend")));
    cr_assert_eq(fact(202647, "tts-th", "beauty", "", "gmv"), 980);
    cr_assert_eq(fact(202647, "tts-th", "beauty", "", "orders"), 1000);
    cr_assert_eq(fact(202647, "tts-th", "beauty", "", "ad_spend"), 50);
}

Test(import, header_is_case_insensitive_and_columns_may_move)
{
    const char *f = put("m.csv", "Store, KPI ,Value,Week\n"
                                 "tts-my,orders,7,2026-W01\n");
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(fact(202601, "tts-my", "", "", "orders"), 7);
}

Test(import, chinese_ids)
{
    const char *f = put("zh.csv",
        "week,store,category,person,kpi,value\n"
        "2026-W47," MY_STORE ",\xe6\x9c\x8d\xe9\xa5\xb0," LN ",gmv,88\n");
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(fact(202647, MY_STORE, "\xe6\x9c\x8d\xe9\xa5\xb0", LN,
                      "gmv"), 88);
    assert_text("SELECT code FROM people", LN);
}

Test(import, non_additive_kpi_value_is_stored)
{
    const char *f = put("r.csv", "week,store,kpi,value\n"
                                 "2026-W47,tts-my,viewers,300\n");
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(fact(202647, "tts-my", "", "", "viewers"), 300);
}

/* ---- encodings and CSV details ---- */

Test(import, bom_and_crlf)
{
    const char *f = put("bom.csv",
        "\xef\xbb\xbfweek,store,category,person,kpi,value\r\n"
        "2026-W47,tts-my,apparel," ZW ",gmv,10\r\n"
        "\r\n"
        "2026-W47,tts-my,apparel," ZW ",orders,2\r\n");
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 10);
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "orders"), 2);
    cr_assert_eq(rep.files[0].encoding, FP_ENC_UTF8);
    cr_assert_not(rep.files[0].converted);
}

/* The UTF-8 text converted to GB18030 with iconv. */
static size_t to_gb18030(const char *utf8, char *out, size_t outsz)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    cr_assert_neq(cd, (iconv_t)-1);
    char *in = (char *)utf8, *o = out;
    size_t in_left = strlen(utf8), out_left = outsz;
    cr_assert_neq(iconv(cd, &in, &in_left, &o, &out_left), (size_t)-1);
    iconv_close(cd);
    return outsz - out_left;
}

static const char *const gb_csv =
    "week,store,category,person,kpi,value\n"
    "2026-W47," MY_STORE ",apparel," ZW ",gmv,\"RM1,000.00\"\n";

Test(import, gb18030_is_detected_and_converted)
{
    char gb[512];
    size_t n = to_gb18030(gb_csv, gb, sizeof gb);
    cr_assert_eq((unsigned char)gb[46], 0xc2); /* 马 in GB18030 */
    const char *f = put_bytes("gb.csv", gb, n);
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert(rep.files[0].converted);
    cr_assert_eq(rep.files[0].encoding, FP_ENC_GB18030);
    cr_assert_eq(fact(202647, MY_STORE, "apparel", ZW, "gmv"), 1000);
    assert_text("SELECT encoding FROM imports", "gb18030");
}

Test(import, gb18030_forced)
{
    char gb[512];
    size_t n = to_gb18030(gb_csv, gb, sizeof gb);
    fp_import_opts opts = {.encoding = FP_ENC_GB18030};
    assert_ok(run_opts(FP_IMPORT_ACTUALS, &opts,
                       put_bytes("gb.csv", gb, n), NULL));
    cr_assert_eq(fact(202647, MY_STORE, "apparel", ZW, "gmv"), 1000);
}

Test(import, gb18030_refused_when_utf8_forced)
{
    char gb[512];
    size_t n = to_gb18030(gb_csv, gb, sizeof gb);
    db_counts before = with_base();
    fp_import_opts opts = {.encoding = FP_ENC_UTF8};
    const char *f = put_bytes("gb.csv", gb, n);
    cr_assert_eq(run_opts(FP_IMPORT_ACTUALS, &opts, f, NULL),
                 FP_IMPORT_REJECTED);
    assert_problem(0, f, "2: column store: byte 0xC2 is not valid UTF-8");
    assert_unchanged(&before);
}

Test(import, invalid_bytes_refused_with_line_and_column)
{
    db_counts before = with_base();
    const char *text = "week,store,category,person,kpi,value\n"
                       "2026-W47,tts-my,apparel,a,gmv,1\n"
                       "2026-W47,tts-my,apparel,b\xff,gmv,1\n";
    const char *f = put("ff.csv", text);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    assert_problem(0, f, "3: column person: byte 0xFF is not valid UTF-8 "
                         "nor GB18030");
    assert_unchanged(&before);
}

Test(import, utf16_refused)
{
    db_counts before = with_base();
    const char *f = put_bytes("u16.csv", "w\0e\0e\0k\0", 8);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    assert_problem(0, f, "1: column #1: NUL byte: not a text file "
                         "(UTF-16 or a spreadsheet?)");
    assert_unchanged(&before);
}

Test(import, quoted_fields_with_commas_quotes_and_newlines)
{
    const char *f = put("p.csv",
        "person,name,role,store,category\n"
        ZW ",\"Zhang, Wei\nthe \"\"star\"\" host\",host,tts-my,apparel\n"
        LN ",\"" LN "\",ops_manager,,\n");
    assert_ok(run(FP_IMPORT_ORG, f));
    cr_assert_str_eq(rep.files[0].format, "people");
    assert_text("SELECT name FROM people WHERE code = '" ZW "'",
                "Zhang, Wei\nthe \"star\" host");
    assert_text("SELECT role FROM people WHERE code = '" ZW "'", "host");
    cr_assert_geq(fp_org_find_node(db, "tts-my", "apparel", ZW), 1);
    assert_text("SELECT role FROM people WHERE code = '" LN "'",
                "ops_manager");
    cr_assert_eq(rep.files[0].written, 2);
}

Test(import, line_numbers_after_a_multiline_field)
{
    db_counts before = counts();
    const char *f = put("ml.csv",
        "person,name,role,store,category\n"
        "a,\"two\nlines\",host,tts-my,apparel\n"
        "\n"
        "b,x,pilot,tts-my,apparel\n");
    cr_assert_eq(run(FP_IMPORT_ORG, f), FP_IMPORT_REJECTED);
    assert_problem(0, f, "5: column role: unknown role \"pilot\"");
    assert_unchanged(&before);
}

/* ---- daily rows ---- */

static const char *const daily_csv =
    "date,store,category,person,gmv,orders\n"
    "2026-11-16,tts-my,apparel," ZW ",100,1\n"
    "2026/11/17,tts-my,apparel," ZW ",200,2\n"
    "2026-11-22,tts-my,apparel," ZW ",300,\n"
    "2026-11-23,tts-my,apparel," ZW ",50,5\n";

Test(import, daily_rows_sum_into_their_week)
{
    assert_ok(run(FP_IMPORT_ACTUALS, put("d.csv", daily_csv)));
    cr_assert_str_eq(rep.files[0].format, "daily wide");
    cr_assert_eq(rep.files[0].written, 7);
    cr_assert_eq(rep.files[0].summed, 4);
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 600);
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "orders"), 3);
    cr_assert_eq(fact(202648, "tts-my", "apparel", ZW, "gmv"), 50);
    cr_assert_eq(fact(202648, "tts-my", "apparel", ZW, "orders"), 5);
    cr_assert_eq(query_int("SELECT count(*) FROM daily_facts"), 7);
    assert_text("SELECT max(day) FROM daily_facts", "2026-11-23");
    cr_assert_str_eq(rep.files[0].max_day, "2026-11-23");
    assert_text("SELECT max_day FROM imports", "2026-11-23");
}

Test(import, daily_reimport_replaces_days_and_resums)
{
    assert_ok(run(FP_IMPORT_ACTUALS, put("d.csv", daily_csv)));
    /* Monday corrected, Wednesday added; Tuesday and Sunday kept. */
    assert_ok(run(FP_IMPORT_ACTUALS,
                  put("d2.csv", "date,store,category,person,kpi,value\n"
                                "2026-11-16,tts-my,apparel," ZW ",gmv,110\n"
                                "2026-11-18,tts-my,apparel," ZW ",gmv,40\n")));
    cr_assert_str_eq(rep.files[0].format, "daily long");
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 650);
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "orders"), 3);
    assert_ok(run(FP_IMPORT_ACTUALS, put("d3.csv", daily_csv)));
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 640);
    cr_assert_eq(query_int("SELECT count(*) FROM daily_facts"), 8);
}

Test(import, daily_across_new_year_goes_to_iso_week)
{
    assert_ok(run(FP_IMPORT_ACTUALS,
                  put("ny.csv", "date,store,kpi,value\n"
                                "2024-12-30,s,orders,1\n"
                                "2025-01-05,s,orders,2\n"
                                "2027-01-03,s,orders,4\n"
                                "2027-01-04,s,orders,8\n")));
    cr_assert_eq(fact(202501, "s", "", "", "orders"), 3);
    cr_assert_eq(fact(202653, "s", "", "", "orders"), 4);
    cr_assert_eq(fact(202701, "s", "", "", "orders"), 8);
    cr_assert(isnan(fact(202452, "s", "", "", "orders")));
}

Test(import, weekly_value_replaces_daily_rows)
{
    assert_ok(run(FP_IMPORT_ACTUALS, put("d.csv", daily_csv)));
    assert_ok(run(FP_IMPORT_ACTUALS,
                  put("w.csv", "week,store,category,person,kpi,value\n"
                               "2026-W47,tts-my,apparel," ZW ",gmv,999\n")));
    cr_assert_eq(fact(202647, "tts-my", "apparel", ZW, "gmv"), 999);
    /* gmv days of W47 are gone; orders days and W48 stay. */
    cr_assert_eq(query_int("SELECT count(*) FROM daily_facts"), 4);
}

Test(import, daily_non_additive_kpi_refused_long)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "date,store,kpi,value\n2026-11-16,tts-my,viewers,10\n",
        "2: column kpi: viewers is a non-additive KPI: daily values cannot "
        "be summed into a week; import weekly values");
}

Test(import, daily_formula_kpi_refused_wide)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "date,store,gmv,ctr\n2026-11-16,tts-my,10,1%\n",
        "1: column ctr: ctr is computed from clicks and impressions; "
        "import those");
}

/* ---- re-import ---- */

Test(import, reimport_replaces_and_never_double_counts)
{
    const char *f = put("a.csv", base_csv);
    assert_ok(run(FP_IMPORT_ACTUALS, f));
    long long node = fp_org_find_node(db, "tts-my", "", "");
    long long kpi = fp_db_kpi_id(db, "gmv");
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO overrides(week, node_id, kpi_id, value, original, "
        "reason, author, created_at) VALUES (202646, ?1, ?2, 9500, 9000, "
        "'T+1', 'lead', '2026-11-23T10:00:00')");
    sqlite3_bind_int64(st, 1, node);
    sqlite3_bind_int64(st, 2, kpi);
    cr_assert(fp_db_exec_stmt(db, st));
    db_counts before = counts();

    assert_ok(run(FP_IMPORT_ACTUALS, f));
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), before.n[0]);
    cr_assert_eq(fact(202646, "tts-my", "", "", "gmv"), 9000);
    cr_assert_eq(query_int("SELECT count(*) FROM imports"), 2);

    assert_ok(run(FP_IMPORT_ACTUALS,
                  put("b.csv", "week,store,category,person,kpi,value\n"
                               "2026-W46,tts-my,,,gmv,9100\n")));
    cr_assert_eq(fact(202646, "tts-my", "", "", "gmv"), 9100);
    cr_assert_eq(fact(202646, "tts-my", "apparel", ZW, "gmv"), 1000);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), before.n[0]);
    cr_assert_eq(query_int("SELECT value FROM overrides"), 9500);
    cr_assert_eq(query_int("SELECT original FROM overrides"), 9000);
    cr_assert_eq(query_int("SELECT count(*) FROM overrides WHERE "
                           "reverted_at IS NULL"), 1);
}

Test(import, dry_run_writes_nothing_but_counts)
{
    db_counts before = with_base();
    fp_import_opts opts = {.dry_run = true, .encoding = FP_ENC_AUTO};
    const char *f = put("n.csv", "week,store,category,person,kpi,value\n"
                                 "2026-W47,tts-th,beauty," LN ",gmv,5\n"
                                 "2026-W47,tts-th,beauty," LN ",orders,1\n");
    assert_ok(run_opts(FP_IMPORT_ACTUALS, &opts, f, NULL));
    cr_assert_eq(rep.files[0].written, 2);
    cr_assert_eq(rep.created.stores, 1);
    cr_assert_eq(rep.created.people, 1);
    assert_unchanged(&before);
    cr_assert(isnan(fact(202647, "tts-th", "beauty", LN, "gmv")));
}

/* ---- rejected files: one problem, exact message, nothing written ---- */

#define LONG_HEADER "week,store,category,person,kpi,value\n"

Test(import, bad_number)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel,a,gmv,1\n"
                    "2026-W47,tts-my,apparel,a,orders,abc\n",
        "3: column value: \"abc\" is not a number: unexpected character "
        "before the number");
}

Test(import, ambiguous_rupiah)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-id,,,gmv,Rp12.500\n",
        "2: column value: \"Rp12.500\" is ambiguous: '.' with 3 digits "
        "after a currency: thousands separator or decimal point? write "
        "the plain number");
}

Test(import, ambiguous_decimal_comma)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,gmv\n2026-W47,tts-my,\"12,5\"\n",
        "2: column gmv: \"12,5\" is ambiguous: ',' is not a thousands "
        "separator here (decimal comma?)");
}

Test(import, percent_for_money_kpi)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,,,gmv,12%\n",
        "2: column value: \"12%\" is not a number: '%' for a KPI that is "
        "not a percentage");
}

Test(import, unknown_kpi_long)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,,,gvm,1\n",
        "2: column kpi: unknown KPI \"gvm\"");
}

Test(import, unknown_kpi_wide)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,gmv,gvm\n2026-W47,tts-my,1,2\n",
        "1: column gvm: unknown KPI \"gvm\"");
}

Test(import, missing_column)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,category,person,kpi\n2026-W47,tts-my,,,gmv\n",
        "1: column value: missing from the header");
}

Test(import, missing_store_column)
{
    assert_rejected(FP_IMPORT_ACTUALS, "week,gmv\n2026-W47,1\n",
                    "1: column store: missing from the header");
}

Test(import, missing_week_column)
{
    assert_rejected(FP_IMPORT_ACTUALS, "store,gmv\ntts-my,1\n",
                    "1: column week: missing from the header (a week or a "
                    "date column is needed)");
}

Test(import, unknown_column_in_long_format)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,kpi,value,shop\n2026-W47,tts-my,gmv,1,x\n",
        "1: column shop: unknown column");
}

Test(import, repeated_column)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,gmv,GMV\n2026-W47,tts-my,1,2\n",
        "1: column GMV: appears twice in the header");
}

Test(import, ragged_row_short)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel," ZW ",gmv\n",
        "2: column value: missing: the row has 5 fields, the header 6");
}

Test(import, ragged_row_long)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel," ZW ",gmv,1,2\n",
        "2: column #7: extra field: the row has 7 fields, the header 6");
}

Test(import, broken_quoting)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel,a,gmv,1\n"
                    "2026-W47,tts-my,apparel,\xe5\xbc\xa0\"x,gmv,1\n",
        "3: column person: broken quoting: a '\"' inside an unquoted "
        "field, or text after a closing quote");
}

Test(import, unclosed_quote)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel,\"a,gmv,1\n"
                    "2026-W47,tts-my,apparel,b,gmv,1\n",
        "2: column person: a quoted field is never closed");
}

Test(import, week_that_does_not_exist)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2025-W53,tts-my,,,gmv,1\n",
        "2: column week: \"2025-W53\" is not a week: 2025 has 52 ISO weeks");
}

Test(import, w53_of_long_years_accepted)
{
    assert_ok(run(FP_IMPORT_ACTUALS,
                  put("53.csv", LONG_HEADER "2026-W53,s,,,gmv,1\n"
                                            "2020-W53,s,,,gmv,2\n")));
    cr_assert_eq(fact(202653, "s", "", "", "gmv"), 1);
    cr_assert_eq(fact(202053, "s", "", "", "gmv"), 2);
}

Test(import, malformed_week)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-47,tts-my,,,gmv,1\n",
        "2: column week: \"2026-47\" is not a week (write YYYY-Www, e.g. "
        "2026-W47)");
}

Test(import, bad_date)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "date,store,kpi,value\n2026-02-30,tts-my,gmv,1\n",
        "2: column date: \"2026-02-30\" is not a date (YYYY-MM-DD or "
        "YYYY/MM/DD)");
}

Test(import, week_and_date_both)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,date,store,gmv\n2026-W47,2026-11-16,tts-my,1\n",
        "1: column date: use either week or date, not both");
}

Test(import, person_without_category)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,," ZW ",gmv,1\n",
        "2: column category: empty, but person \"" ZW "\" is given (a "
        "person belongs to a category)");
}

Test(import, empty_store)
{
    assert_rejected(FP_IMPORT_ACTUALS, LONG_HEADER "2026-W47,,,,gmv,1\n",
                    "2: column store: empty");
}

Test(import, slash_in_id)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts/my,,,gmv,1\n",
        "2: column store: \"tts/my\": an id may not hold '/' or a line "
        "break");
}

Test(import, duplicate_key_in_one_file)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel,a,gmv,1\n"
                    "2026-W47,tts-my,apparel,b,gmv,1\n"
                    "2026-W47,tts-my,apparel,a,gmv,2\n",
        "4: column value: same week/store/category/person/kpi as line 2");
}

Test(import, empty_file)
{
    assert_rejected(FP_IMPORT_ACTUALS, "",
                    "1: column #1: the file is empty (no header)");
}

Test(import, no_kpi_columns)
{
    assert_rejected(FP_IMPORT_ACTUALS, "week,store\n2026-W47,tts-my\n",
                    "1: column value: no KPI columns (wide format) and no "
                    "kpi,value columns (long format)");
}

Test(import, problems_of_all_rows_listed_up_to_twenty)
{
    db_counts before = with_base();
    char text[4096] = LONG_HEADER;
    for (int i = 0; i < 25; i++)
        strcat(text, "2026-W47,tts-my,,,gmv,x\n");
    const char *f = put("many.csv", text);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, FP_IMPORT_MAX_PROBLEMS);
    cr_assert_eq(rep.total_problems, 25);
    assert_problem(0, f, "2: column value: \"x\" is not a number: "
                         "unexpected character before the number");
    assert_problem(19, f, "21: column value: \"x\" is not a number: "
                          "unexpected character before the number");
    assert_unchanged(&before);
}

Test(import, one_bad_file_rejects_all_files)
{
    db_counts before = with_base();
    const char *good = put("good.csv", LONG_HEADER "2026-W47,x,,,gmv,1\n");
    const char *bad = put("bad.csv", LONG_HEADER "2026-W47,y,,,gmv,?\n");
    cr_assert_eq(run(FP_IMPORT_ACTUALS, good, bad), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, 1);
    assert_problem(0, bad, "2: column value: \"?\" is not a number: "
                           "unexpected character before the number");
    assert_unchanged(&before);
    cr_assert_lt(fp_org_find_node(db, "x", "", ""), 0);
}

Test(import, several_files_in_one_go)
{
    const char *a = put("a.csv", LONG_HEADER "2026-W47,x,,,gmv,1\n");
    const char *b = put("b.csv", "week,store,orders\n2026-W47,y,2\n");
    assert_ok(run(FP_IMPORT_ACTUALS, a, b));
    cr_assert_eq(rep.nfiles, 2);
    cr_assert_eq(fact(202647, "x", "", "", "gmv"), 1);
    cr_assert_eq(fact(202647, "y", "", "", "orders"), 2);
    cr_assert_eq(query_int("SELECT count(*) FROM imports"), 2);
}

Test(import, missing_file_is_a_runtime_error)
{
    db_counts before = with_base();
    char path[300];
    snprintf(path, sizeof path, "%s/nope.csv", dir);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, path), FP_IMPORT_FAILED);
    char want[400];
    snprintf(want, sizeof want, "%s: cannot read: No such file or directory",
             path);
    cr_assert_str_eq(rep.error, want);
    assert_unchanged(&before);
}

/* ---- targets ---- */

Test(import, targets)
{
    const char *f = put("t.csv",
        "week,path,kpi,target\n"
        ",tts-my,gmv,52000\n"
        "2026-W47,tts-my,gmv,\"55,000\"\n"
        "2026-W47,tts-my/apparel/" ZW ",cvr,2.5%\n"
        ",,roas,6\n");
    assert_ok(run(FP_IMPORT_TARGETS, f));
    cr_assert_eq(rep.files[0].written, 4);
    cr_assert_str_eq(rep.files[0].max_day, "");
    cr_assert_eq(target(0, "tts-my", "gmv"), 52000);
    cr_assert_eq(target(202647, "tts-my", "gmv"), 55000);
    cr_assert_eq(target(202647, "tts-my/apparel/" ZW, "cvr"), 0.025);
    cr_assert_eq(target(0, "", "roas"), 6);
    assert_ok(run(FP_IMPORT_TARGETS,
                  put("t2.csv", "week,path,kpi,target\n,tts-my,gmv,50000\n")));
    cr_assert_eq(target(0, "tts-my", "gmv"), 50000);
    cr_assert_eq(query_int("SELECT count(*) FROM targets"), 4);
}

Test(import, target_path_too_deep)
{
    assert_rejected(FP_IMPORT_TARGETS,
        "week,path,kpi,target\n,a/b/c/d,gmv,1\n",
        "2: column path: \"a/b/c/d\": a path is store[/category[/person]]");
}

Test(import, target_path_with_empty_part)
{
    assert_rejected(FP_IMPORT_TARGETS,
        "week,path,kpi,target\n,a//c,gmv,1\n",
        "2: column path: \"a//c\" has an empty part");
}

Test(import, target_unknown_kpi)
{
    assert_rejected(FP_IMPORT_TARGETS,
        "week,path,kpi,target\n2026-W47,a,foo,1\n",
        "2: column kpi: unknown KPI \"foo\"");
}

/* ---- org and FX ---- */

Test(import, stores_file)
{
    const char *f = put("s.csv",
        "store,name,platform,market,currency\n"
        "tts-my,\"" MY_STORE ", KL\",TikTok Shop,MY,myr\n");
    assert_ok(run(FP_IMPORT_ORG, f));
    cr_assert_str_eq(rep.files[0].format, "stores");
    cr_assert_eq(rep.created.stores, 1);
    assert_text("SELECT name FROM stores", MY_STORE ", KL");
    assert_text("SELECT currency FROM stores", "MYR");
    assert_text("SELECT platform FROM stores", "TikTok Shop");
    assert_ok(run(FP_IMPORT_ORG,
                  put("s2.csv", "store,name\ntts-my,KL\n")));
    cr_assert_eq(rep.created.stores, 0);
    assert_text("SELECT name FROM stores", "KL");
    assert_text("SELECT currency FROM stores", "MYR");
}

Test(import, categories_file)
{
    assert_ok(run(FP_IMPORT_ORG, put("c.csv", "category,name\n"
                                               "apparel,\xe6\x9c\x8d\xe9\xa5\xb0\n")));
    cr_assert_str_eq(rep.files[0].format, "categories");
    assert_text("SELECT name FROM categories WHERE code = 'apparel'",
                "\xe6\x9c\x8d\xe9\xa5\xb0");
}

Test(import, bad_currency)
{
    assert_rejected(FP_IMPORT_ORG,
        "store,name,platform,market,currency\ntts-my,x,y,MY,RM\n",
        "2: column currency: \"RM\" is not a currency code (three letters: "
        "MYR, THB, USD...)");
}

Test(import, person_in_store_without_category)
{
    assert_rejected(FP_IMPORT_ORG,
        "person,name,role,store,category\n" ZW ",x,host,tts-my,\n",
        "2: column category: empty, but store is given (a person belongs "
        "to a category of a store)");
}

Test(import, not_an_org_file)
{
    assert_rejected(FP_IMPORT_ORG, "shop,title\na,b\n",
        "1: column #1: not an org file: the header should be "
        "store,name,platform,market,currency or "
        "person,name,role,store,category or category,name or "
        "week,currency,rate");
}

Test(import, fx_rates)
{
    const char *f = put("fx.csv", "week,currency,rate\n"
                                  "2026-W47,MYR,0.2362\n"
                                  "2026-W47,thb,0.02957\n");
    assert_ok(run(FP_IMPORT_FX, f));
    cr_assert_eq(rep.files[0].written, 2);
    cr_assert_eq(query_int("SELECT count(*) FROM fx_rates"), 2);
    assert_text("SELECT rate FROM fx_rates WHERE currency = 'THB'",
                "0.02957");
    /* The same file through org: told apart by its header; replaces. */
    assert_ok(run(FP_IMPORT_ORG,
                  put("fx2.csv", "week,currency,rate\n2026-W47,MYR,0.25\n")));
    cr_assert_str_eq(rep.files[0].format, "fx");
    assert_text("SELECT rate FROM fx_rates WHERE currency = 'MYR'", "0.25");
    cr_assert_eq(query_int("SELECT count(*) FROM fx_rates"), 2);
}

Test(import, fx_rate_must_be_positive)
{
    assert_rejected(FP_IMPORT_FX, "week,currency,rate\n2026-W47,MYR,0\n",
                    "2: column rate: a rate must be above zero");
}

Test(import, kind_names)
{
    fp_import_kind k;
    cr_assert(fp_import_kind_parse("targets", &k));
    cr_assert_eq(k, FP_IMPORT_TARGETS);
    cr_assert(fp_import_kind_parse("fx", &k));
    cr_assert_eq(k, FP_IMPORT_FX);
    cr_assert_not(fp_import_kind_parse("actual", &k));
    cr_assert_str_eq(fp_import_kind_name(FP_IMPORT_ORG), "org");
}

/* ---- the command line ---- */

#include "cli/cli.h"

static char out_path[300], err_path[300];

/* Runs fupan import with args (NULL-terminated) on the test database,
 * stdout and stderr going to files. */
static int cli(const char *first, ...)
{
    char *argv[16];
    int argc = 0;
    va_list ap;
    argv[argc++] = "import";
    va_start(ap, first);
    for (const char *a = first; a != NULL; a = va_arg(ap, const char *))
        argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;
    setenv("XDG_CONFIG_HOME", dir, 1);
    snprintf(out_path, sizeof out_path, "%s/out.txt", dir);
    snprintf(err_path, sizeof err_path, "%s/err.txt", dir);
    fflush(stdout);
    fflush(stderr);
    cr_assert_not_null(freopen(out_path, "w", stdout));
    cr_assert_not_null(freopen(err_path, "w", stderr));
    int rc = fp_cmd_import(argc, argv);
    fflush(stdout);
    fflush(stderr);
    return rc;
}

static char *slurp(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void forget_outputs(void)
{
    unlink(out_path);
    unlink(err_path);
}

Test(import, cli_imports_and_summarises)
{
    const char *f = put("c.csv", base_csv);
    int rc = cli("actuals", f, "--db", paths[0], NULL);
    char want[512];
    snprintf(want, sizeof want,
             "%s: long, 3 rows, 3 values written, up to 2026-11-15\n"
             "registered 1 store, 1 category, 1 person\n", f);
    cr_assert_eq(rc, FP_EXIT_OK, "%s", slurp(err_path));
    cr_assert_str_eq(slurp(out_path), want);
    cr_assert_eq(fact(202646, "tts-my", "", "", "gmv"), 9000);
    forget_outputs();
}

Test(import, cli_dry_run)
{
    const char *f = put("c.csv", base_csv);
    int rc = cli("actuals", f, "--dry-run", "--db", paths[0], NULL);
    cr_assert_eq(rc, FP_EXIT_OK, "%s", slurp(err_path));
    char want[512];
    snprintf(want, sizeof want,
             "%s: long, 3 rows, 3 values to write, up to 2026-11-15\n"
             "would register 1 store, 1 category, 1 person\n"
             "dry run: nothing written\n", f);
    cr_assert_str_eq(slurp(out_path), want);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), 0);
    forget_outputs();
}

Test(import, cli_rejects_with_exit_3)
{
    db_counts before = with_base();
    const char *f = put("bad.csv", LONG_HEADER "2026-W47,tts-my,,,gmv,1\n"
                                               "2026-W47,tts-my,,,orders,x\n");
    int rc = cli("actuals", f, "--db", paths[0], NULL);
    char want[512];
    snprintf(want, sizeof want,
             "%s:3: column value: \"x\" is not a number: unexpected "
             "character before the number\n"
             "fupan: import rejected: 1 problem, nothing written\n", f);
    cr_assert_eq(rc, FP_EXIT_INPUT);
    cr_assert_str_eq(slurp(err_path), want);
    cr_assert_str_eq(slurp(out_path), "");
    assert_unchanged(&before);
    forget_outputs();
}

Test(import, cli_gb18030_says_converted)
{
    char gb[512];
    size_t n = to_gb18030(gb_csv, gb, sizeof gb);
    const char *f = put_bytes("gb.csv", gb, n);
    cr_assert_eq(cli("actuals", f, "--db", paths[0], NULL), FP_EXIT_OK);
    cr_assert(strstr(slurp(out_path), ", converted from gb18030\n") != NULL,
              "%s", slurp(out_path));
    forget_outputs();
}

Test(import, cli_usage_errors)
{
    const char *f = put("c.csv", base_csv);
    cr_assert_eq(cli("--db", paths[0], NULL), FP_EXIT_USAGE);
    cr_assert_eq(cli("actuals", "--db", paths[0], NULL), FP_EXIT_USAGE);
    cr_assert_eq(cli("sales", f, "--db", paths[0], NULL), FP_EXIT_USAGE);
    cr_assert_eq(cli("actuals", f, "--encoding", "latin1", NULL),
                 FP_EXIT_USAGE);
    cr_assert(strstr(slurp(err_path), "unknown --encoding: latin1") != NULL);
    cr_assert_eq(cli("actuals", f, "--bogus", NULL), FP_EXIT_USAGE);
    cr_assert_eq(cli("--help", NULL), FP_EXIT_OK);
    cr_assert(strncmp(slurp(out_path), "usage: fupan import", 19) == 0);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), 0);
    forget_outputs();
}

Test(import, cli_missing_file_is_exit_1)
{
    char path[300];
    snprintf(path, sizeof path, "%s/nope.csv", dir);
    cr_assert_eq(cli("targets", path, "--db", paths[0], NULL),
                 FP_EXIT_RUNTIME);
    char want[512];
    snprintf(want, sizeof want,
             "fupan: import: %s: cannot read: No such file or directory\n",
             path);
    cr_assert_str_eq(slurp(err_path), want);
    forget_outputs();
}

/* ---- encoding detection on its own ---- */

Test(import, decode_points_at_the_encoding_that_got_further)
{
    char gb[256];
    size_t n = to_gb18030("a,b\n" ZW ",1\n", gb, sizeof gb);
    gb[n++] = 'x';
    gb[n++] = '\xff';
    fp_decoded d;
    cr_assert_not(fp_decode_text(gb, n, FP_ENC_AUTO, &d));
    cr_assert_eq(d.bad_at, n - 1);
    cr_assert_eq(d.bad_line, 3);
    cr_assert_eq(d.bad_byte, 0xff);
    cr_assert_str_eq(d.why, "not valid GB18030 nor UTF-8");
    cr_assert_null(d.text);
    fp_decoded_done(&d);

    cr_assert(fp_decode_text("\xef\xbb\xbf" "a\n", 5, FP_ENC_AUTO, &d));
    cr_assert_str_eq(d.text, "a\n");
    cr_assert_eq(d.len, 2);
    cr_assert(d.had_bom);
    cr_assert_not(d.converted);
    fp_decoded_done(&d);
}

Test(import, encoding_names)
{
    fp_encoding e = FP_ENC_AUTO;
    cr_assert(fp_encoding_parse("UTF-8", &e));
    cr_assert_eq(e, FP_ENC_UTF8);
    cr_assert(fp_encoding_parse("gb18030", &e));
    cr_assert_eq(e, FP_ENC_GB18030);
    cr_assert(fp_encoding_parse("GBK", &e));
    cr_assert_eq(e, FP_ENC_GB18030);
    cr_assert_not(fp_encoding_parse("latin1", &e));
    cr_assert_str_eq(fp_encoding_name(FP_ENC_GB18030), "gb18030");
    cr_assert_str_eq(fp_encoding_name(FP_ENC_UTF8), "utf-8");
}

/* ---- issue 10: ids are exact or refused, linear headers, formula
 * columns, negative targets ---- */

/* A string of n copies of c (caller frees). */
static char *repeated(char c, size_t n)
{
    char *s = malloc(n + 1);
    cr_assert_not_null(s);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

Test(import, ids_of_the_maximum_length_stay_distinct)
{
    char *a = repeated('a', FP_IMPORT_MAX_ID), *b = strdup(a);
    b[FP_IMPORT_MAX_ID - 1] = 'b';
    char text[1024];
    snprintf(text, sizeof text,
             "week,store,kpi,value\n2026-W47,%s,gmv,1\n2026-W47,%s,gmv,2\n",
             a, b);
    assert_ok(run(FP_IMPORT_ACTUALS, put("max.csv", text)));
    cr_assert_eq(query_int("SELECT count(*) FROM stores"), 2);
    cr_assert_eq(fact(202647, a, "", "", "gmv"), 1);
    cr_assert_eq(fact(202647, b, "", "", "gmv"), 2);
    free(a);
    free(b);
}

/* Two stores sharing a 1,020-byte prefix were one store, exit 0. */
Test(import, too_long_id_refused_never_cut)
{
    char *a = repeated('s', 1020), text[4096];
    snprintf(text, sizeof text,
             LONG_HEADER "2026-W47,%sAAAA,,,gmv,1\n2026-W47,%sBBBB,,,gmv,2\n",
             a, a);
    db_counts before = with_base();
    const char *f = put("long.csv", text);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.total_problems, 2);
    cr_assert_not_null(strstr(rep.problems[0], ":2: column store: "));
    cr_assert_not_null(strstr(rep.problems[0],
                              ": an id is at most 128 bytes, this one has "
                              "1024"),
                       "%s", rep.problems[0]);
    cr_assert_not_null(strstr(rep.problems[1], ":3: column store: "));
    assert_unchanged(&before);
    free(a);
}

Test(import, too_long_person_id_in_people_file_refused)
{
    char *p = repeated('p', 129), text[1024];
    snprintf(text, sizeof text, "person,name\n%s,x\n", p);
    db_counts before = with_base();
    const char *f = put("people.csv", text);
    cr_assert_eq(run(FP_IMPORT_ORG, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, 1);
    cr_assert_not_null(strstr(rep.problems[0], ":2: column person: \"ppp"));
    cr_assert_not_null(strstr(rep.problems[0],
                              ": an id is at most 128 bytes, this one has "
                              "129"), "%s", rep.problems[0]);
    assert_unchanged(&before);
    free(p);
}

Test(import, too_long_name_refused)
{
    char *name = repeated('n', FP_IMPORT_MAX_NAME + 1), text[1024];
    snprintf(text, sizeof text, "store,name\ntts-my,%s\n", name);
    db_counts before = with_base();
    const char *f = put("stores.csv", text);
    cr_assert_eq(run(FP_IMPORT_ORG, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, 1);
    cr_assert_not_null(strstr(rep.problems[0],
                              ": a name is at most 512 bytes, this one has "
                              "513"), "%s", rep.problems[0]);
    assert_unchanged(&before);
    name[FP_IMPORT_MAX_NAME] = '\0';
    snprintf(text, sizeof text, "store,name\ntts-my,%s\n", name);
    assert_ok(run(FP_IMPORT_ORG, put("stores2.csv", text)));
    free(name);
}

/* Target paths were cut at 1023 bytes. */
Test(import, too_long_target_path_refused)
{
    char *a = repeated('c', 1100), text[2048];
    snprintf(text, sizeof text, "week,path,kpi,target\n,tts-my/%s,gmv,1\n",
             a);
    db_counts before = with_base();
    const char *f = put("t.csv", text);
    cr_assert_eq(run(FP_IMPORT_TARGETS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, 1);
    cr_assert_not_null(strstr(rep.problems[0], ":2: column path: "));
    cr_assert_not_null(strstr(rep.problems[0],
                              ": an id is at most 128 bytes, this one has "
                              "1100"), "%s", rep.problems[0]);
    assert_unchanged(&before);
    free(a);
}

/* A ~1,190-byte store id gave "line 2: same ... as line 2"; a long
 * column name pushed "unknown column" out of the message. */
Test(import, messages_keep_what_is_wrong)
{
    char *col = repeated('x', 1190), text[2048];
    snprintf(text, sizeof text,
             "week,store,kpi,value,%s\n2026-W47,tts-my,gmv,1,2\n", col);
    db_counts before = with_base();
    const char *f = put("col.csv", text);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.nproblems, 1);
    size_t n = strlen(rep.problems[0]);
    cr_assert_lt(n, 300, "%s", rep.problems[0]);
    cr_assert_str_eq(rep.problems[0] + n - strlen(": unknown column"),
                     ": unknown column");
    assert_unchanged(&before);
    free(col);
}

/* 100,000 header names: 39 s when each was compared with every other. */
Test(import, header_check_is_linear, .timeout = 8)
{
    enum { N = 100000 };
    size_t cap = (size_t)N * 10 + 64, len = 0;
    char *text = malloc(cap);
    cr_assert_not_null(text);
    len += (size_t)snprintf(text, cap, "week,store");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len, ",k%d", i);
    len += (size_t)snprintf(text + len, cap - len, ",k7\n2026-W47,x\n");
    const char *f = put_bytes("wide.csv", text, len);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    /* every unknown KPI, and the one repeated name */
    cr_assert_eq(rep.total_problems, N + 2, "%d", rep.total_problems);
    assert_problem(0, f, "1: column k7: appears twice in the header");
    assert_problem(1, f, "1: column k0: unknown KPI \"k0\"");
    free(text);
}

Test(import, repeated_column_found_among_many)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,gmv,orders,clicks,Orders\n2026-W47,tts-my,1,2,3,4\n",
        "1: column Orders: appears twice in the header");
}

/* cvr 5 % for a person was shown while the store recomputed 1 %. */
Test(import, formula_kpi_refused_long)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        LONG_HEADER "2026-W47,tts-my,apparel,a,cvr,5%\n",
        "2: column kpi: cvr is computed from orders and clicks; import "
        "those");
}

Test(import, formula_kpi_refused_wide)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,gmv,roas\n2026-W47,tts-my,10,4.5\n",
        "1: column roas: roas is computed from gmv and ad_spend; import "
        "those");
}

Test(import, formula_kpi_with_three_components_named)
{
    char err[256];
    fp_cat_where where;
    cr_assert_geq(fp_catalogue_set_formula(cat, fp_catalogue_kpi(cat, "aov"),
                                           "(gmv + returns) / orders"), 0);
    cr_assert(fp_catalogue_validate(cat, &where, err, sizeof err), "%s", err);
    assert_rejected(FP_IMPORT_ACTUALS,
        "week,store,kpi,value\n2026-W47,tts-my,aov,4.5\n",
        "2: column kpi: aov is computed from gmv, returns and orders; "
        "import those");
}

Test(import, negative_target_refused)
{
    assert_rejected(FP_IMPORT_TARGETS,
        "week,path,kpi,target\n2026-W47,tts-my,gmv,-100\n",
        "2: column target: \"-100\": a target cannot be below zero");
}

Test(import, zero_target_accepted)
{
    assert_ok(run(FP_IMPORT_TARGETS,
                  put("t.csv", "week,path,kpi,target\n,tts-my,returns,0\n")));
    cr_assert_eq(target(0, "tts-my", "returns"), 0);
}

/* ---- issue 11: streaming, batches, repeated keys found by the database ---- */

Test(import, repeated_keys_named_across_batches)
{
    db_counts before = with_base();
    char *text = malloc(64 * 1024);
    cr_assert_not_null(text);
    strcpy(text, LONG_HEADER);
    for (int i = 0; i < 300; i++)
        sprintf(text + strlen(text), "2026-W47,s%d,,,gmv,%d\n", i, i);
    strcat(text, "2026-W47,s7,,,gmv,1\n"       /* line 302: as line 9 */
                 "2026-W47,s7,,,orders,1\n"
                 "2026-W47,s299,,,gmv,1\n");   /* line 304: as line 301 */
    const char *f = put("rep.csv", text);
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.total_problems, 2);
    assert_problem(0, f, "302: column value: same week/store/category/"
                         "person/kpi as line 9");
    assert_problem(1, f, "304: column value: same week/store/category/"
                         "person/kpi as line 301");
    assert_unchanged(&before);
    free(text);
}

Test(import, repeated_key_after_another_problem)
{
    db_counts before = with_base();
    const char *f = put("rep.csv", LONG_HEADER
        "2026-W47,a,,,gmv,x\n"
        "2026-W47,b,,,gmv,1\n"
        "2026-W47,b,,,gmv,2\n");
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.total_problems, 2);
    assert_problem(0, f, "2: column value: \"x\" is not a number: "
                         "unexpected character before the number");
    assert_problem(1, f, "4: column value: same week/store/category/"
                         "person/kpi as line 3");
    assert_unchanged(&before);
}

Test(import, repeated_daily_key)
{
    assert_rejected(FP_IMPORT_ACTUALS,
        "date,store,kpi,value\n2026-11-16,tts-my,gmv,1\n"
        "2026-11-17,tts-my,gmv,1\n2026-11-16,tts-my,gmv,3\n",
        "4: column value: same date/store/category/person/kpi as line 2");
}

Test(import, same_key_in_two_files_replaces)
{
    const char *a = put("a.csv", LONG_HEADER "2026-W47,s,,,gmv,1\n");
    const char *b = put("b.csv", LONG_HEADER "2026-W47,s,,,gmv,2\n");
    assert_ok(run(FP_IMPORT_ACTUALS, a, b));
    cr_assert_eq(fact(202647, "s", "", "", "gmv"), 2);
}

/* Many rows through full and short batches: every value lands. */
Test(import, many_rows_in_batches)
{
    size_t cap = 1 << 20;
    char *text = malloc(cap);
    cr_assert_not_null(text);
    size_t len = (size_t)snprintf(text, cap, "%s", LONG_HEADER);
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "2026-W%02d,s%d,c,p%d,gmv,%d\n",
                                1 + i % 50, i % 7, i / 50, i);
    assert_ok(run(FP_IMPORT_ACTUALS, put_bytes("many.csv", text, len)));
    cr_assert_eq(rep.files[0].written, 1000);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), 1000);
    cr_assert_eq(query_int("SELECT sum(value) FROM facts"), 999 * 1000 / 2);
    free(text);
}

/* A GB18030 file longer than one read chunk, a character cut between
 * two chunks: decoded as one text. */
Test(import, gb18030_across_chunks)
{
    size_t cap = 3 << 20, len = 0;
    char *utf8 = malloc(cap), *gb = malloc(cap);
    cr_assert(utf8 && gb);
    len += (size_t)snprintf(utf8, cap, "%s", LONG_HEADER);
    for (int i = 0; len < (3u << 19); i++)
        len += (size_t)snprintf(utf8 + len, cap - len,
                                "2026-W47,tts-my,c" ZW "%d,,gmv,%d\n", i, i);
    /* blank lines first, so that a character starts at the last byte of
     * the first chunk */
    size_t n = to_gb18030(utf8, gb + 64, cap - 64), lead = 0;
    for (size_t i = 64; i < 64 + n && i < (1u << 20) - 1 + 64;
         i += (unsigned char)gb[i] >= 0x81 ? 2 : 1)
        if ((unsigned char)gb[i] >= 0x81)
            lead = i - 64;
    size_t pad = (1u << 20) - 1 - lead;
    cr_assert_lt(pad, 64);
    memset(gb + 64 - pad, '\n', pad);
    assert_ok(run(FP_IMPORT_ACTUALS,
                  put_bytes("gb.csv", gb + 64 - pad, n + pad)));
    cr_assert(rep.files[0].converted);
    char want[64];
    snprintf(want, sizeof want, "c" ZW "%d", 12345);
    cr_assert_eq(fact(202647, "tts-my", want, "", "gmv"), 12345);
    free(utf8);
    free(gb);
}

/* Keys in ascending order leave unchanged values alone; a key that comes
 * again after them is still found. */
Test(import, repeat_of_an_unchanged_value_found_on_reimport)
{
    const char *a = put("a.csv", LONG_HEADER "2026-W47,s1,,,gmv,1\n"
                                             "2026-W47,s2,,,gmv,2\n");
    assert_ok(run(FP_IMPORT_ACTUALS, a));
    db_counts before = counts();
    const char *b = put("b.csv", LONG_HEADER "2026-W47,s1,,,gmv,1\n"
                                             "2026-W47,s2,,,gmv,2\n"
                                             "2026-W47,s1,,,gmv,1\n");
    cr_assert_eq(run(FP_IMPORT_ACTUALS, b), FP_IMPORT_REJECTED);
    cr_assert_eq(rep.total_problems, 1);
    assert_problem(0, b, "4: column value: same week/store/category/"
                         "person/kpi as line 2");
    assert_unchanged(&before);
}

Test(import, reimport_of_the_same_file_counts_every_value)
{
    const char *a = put("a.csv", LONG_HEADER "2026-W47,s1,,,gmv,1\n"
                                             "2026-W47,s2,,,gmv,2\n");
    assert_ok(run(FP_IMPORT_ACTUALS, a));
    assert_ok(run(FP_IMPORT_ACTUALS, a));
    cr_assert_eq(rep.files[0].written, 2);
    cr_assert_eq(query_int("SELECT count(*) FROM facts"), 2);
    cr_assert_eq(query_int("SELECT sum(value) FROM facts"), 3);
}

Test(import, keys_out_of_order_replace_earlier_values)
{
    const char *a = put("a.csv", LONG_HEADER "2026-W47,s1,,,gmv,1\n"
                                             "2026-W47,s2,,,gmv,2\n"
                                             "2026-W47,s3,,,gmv,3\n");
    assert_ok(run(FP_IMPORT_ACTUALS, a));
    const char *b = put("b.csv", LONG_HEADER "2026-W47,s3,,,gmv,30\n"
                                             "2026-W47,s2,,,gmv,2\n"
                                             "2026-W47,s1,,,gmv,10\n");
    assert_ok(run(FP_IMPORT_ACTUALS, b));
    cr_assert_eq(rep.files[0].written, 3);
    cr_assert_eq(fact(202647, "s1", "", "", "gmv"), 10);
    cr_assert_eq(fact(202647, "s2", "", "", "gmv"), 2);
    cr_assert_eq(fact(202647, "s3", "", "", "gmv"), 30);
    const char *c = put("c.csv", LONG_HEADER "2026-W47,s3,,,gmv,30\n"
                                             "2026-W47,s2,,,gmv,2\n"
                                             "2026-W47,s3,,,gmv,30\n");
    cr_assert_eq(run(FP_IMPORT_ACTUALS, c), FP_IMPORT_REJECTED);
    assert_problem(0, c, "4: column value: same week/store/category/"
                         "person/kpi as line 2");
}

/* ---- the reader path on its own ---- */

#include <sys/resource.h>
#include "storage/csv_stream.h"

static bool count_rows(void *ctx, fp_csv_row *row)
{
    long long *n = ctx;
    (*n)++;
    return row->nfields == 6;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* 32 MB through read -> decode -> rows: memory does not follow the file. */
Test(import, stream_memory_is_bounded, .timeout = 60)
{
    enum { BLOCK = 1 << 20, BLOCKS = 32 };
    char *block = malloc(BLOCK);
    cr_assert_not_null(block);
    size_t len = 0;
    long long want = 0;
    while (len + 64 < BLOCK) {
        len += (size_t)snprintf(block + len, BLOCK - len,
                                "2026-W47,tts-my,c,%s,gmv,%lld\n", ZW, want);
        want++;
    }
    const char *f = put("big.csv", LONG_HEADER);
    FILE *out = fopen(f, "ab");
    cr_assert_not_null(out);
    for (int i = 0; i < BLOCKS; i++)
        cr_assert_eq(fwrite(block, 1, len, out), len);
    fclose(out);
    free(block);
    long before = max_rss_kb();
    long long rows = 0;
    fp_csv_stream s = {.want = FP_ENC_AUTO, .on_record = count_rows,
                       .ctx = &rows};
    cr_assert(fp_csv_stream_file(f, &s), "status %d", s.status);
    cr_assert_eq(rows, want * BLOCKS + 1);
    cr_assert_eq(s.encoding, FP_ENC_UTF8);
    cr_assert_lt(max_rss_kb() - before, 8 * 1024, "grew %ld kB",
                 max_rss_kb() - before);
}

/* A quote never closed: refused at its line once the record passes
 * 16 MiB, not read into memory to the end of the file. */
Test(import, record_too_long_refused, .timeout = 60)
{
    size_t n = FP_CSV_MAX_RECORD + (1u << 20);
    char *text = malloc(n + 64);
    cr_assert_not_null(text);
    size_t len = (size_t)snprintf(text, 64, "%s2026-W47,\"", LONG_HEADER);
    memset(text + len, 'x', n);
    const char *f = put_bytes("open.csv", text, len + n);
    free(text);
    db_counts before = counts();
    cr_assert_eq(run(FP_IMPORT_ACTUALS, f), FP_IMPORT_REJECTED);
    assert_problem(0, f, "2: column store: a record longer than 16 MiB "
                         "(a quote that is never closed?)");
    assert_unchanged(&before);
}
