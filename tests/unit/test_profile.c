/* Import profiles: the INI loader (built-in, a team's file on top, FILE:LINE
 * errors), header matching (case, blanks, the currency placeholder),
 * detection and the duration conversion. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storage/profile.h"

static char path[64];

static const char *write_file(const char *text)
{
    strcpy(path, "/tmp/fupan-profile-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

Test(profile, durations)
{
    double s;
    cr_assert(fp_profile_duration("01:23:45", &s));
    cr_assert_float_eq(s, 5025, 1e-9);
    cr_assert(fp_profile_duration("1:45:30", &s));
    cr_assert_float_eq(s, 6330, 1e-9);
    cr_assert(fp_profile_duration("45:00", &s));
    cr_assert_float_eq(s, 2700, 1e-9);
    cr_assert(fp_profile_duration("83.5", &s));
    cr_assert_float_eq(s, 83.5, 1e-9);
    cr_assert_not(fp_profile_duration("", &s));
    cr_assert_not(fp_profile_duration("1:75", &s));
    cr_assert_not(fp_profile_duration("01:60:00", &s));
    cr_assert_not(fp_profile_duration("1h20m", &s));
    cr_assert_not(fp_profile_duration("12:", &s));
}

Test(profile, header_names_ignore_case_and_blanks)
{
    char cur[4];
    cr_assert(fp_profile_header_is("Avg. Viewing Duration",
                                   "平均观看时长|Avg. viewing duration", cur));
    cr_assert_str_eq(cur, "");
    cr_assert(fp_profile_header_is(" 观看 次数 ", "观看次数", NULL));
    cr_assert(fp_profile_header_is("观看\xe3\x80\x80次数", "观看次数", NULL));
    cr_assert_not(fp_profile_header_is("观看人数", "观看次数", NULL));
    cr_assert_not(fp_profile_header_is("", "x|", NULL));
}

Test(profile, currency_placeholder)
{
    char cur[4];
    cr_assert(fp_profile_header_is("Sales(PHP)", "Sales(CUR)", cur));
    cr_assert_str_eq(cur, "PHP");
    cr_assert(fp_profile_header_is("sales (thb)", "Sales(CUR)", cur));
    cr_assert_str_eq(cur, "THB");
    cr_assert_not(fp_profile_header_is("Sales(PH)", "Sales(CUR)", cur));
    cr_assert_not(fp_profile_header_is("Sales", "Sales(CUR)", cur));
    cr_assert_not(fp_profile_header_is("Sales(P1P)", "Sales(CUR)", cur));
}

Test(profile, builtin_profiles_detect_their_exports)
{
    char err[512];
    fp_profile_set *set = fp_profiles_load(NULL, err, sizeof err);
    cr_assert_not_null(set, "%s", err);
    const fp_profile *tt = fp_profiles_find(set, "tiktok_live");
    const fp_profile *sh = fp_profiles_find(set, "shopee_live");
    cr_assert_not_null(tt);
    cr_assert_not_null(sh);
    cr_assert_str_eq(tt->source, "built-in");
    const char *zh[] = {"直播间名称", "主播", "开播时间", "直播时长", "成交金额"};
    const char *en[] = {"GMV", "duration", "CREATOR", "Start time"};
    const char *shopee[] = {"Streamer", "Start Time", "Duration",
                            "Sales(PHP)", "Peak Concurrent Users"};
    cr_assert(fp_profile_detects(tt, zh, 5));
    cr_assert(fp_profile_detects(tt, en, 4));
    cr_assert_not(fp_profile_detects(tt, shopee, 5));
    cr_assert(fp_profile_detects(sh, shopee, 5));
    cr_assert_not(fp_profile_detects(sh, zh, 5));
    cr_assert_not(fp_profile_detects(tt, zh, 2), "a group is missing");
    fp_profiles_free(set);
}

Test(profile, team_file_adds_and_replaces)
{
    char err[512];
    const char *f = write_file(
        "[profile.shopee_live]\n"
        "detect = \"Host\"\ndate = \"Day\"\nperson = \"Host\"\n"
        "kpi.gmv = \"Sales\"\nduration = \"live_seconds\"\n"
        "kpi.live_seconds = \"Length\"\ncount = live_sessions\n"
        "weight.watch_seconds = views\nkpi.watch_seconds = \"Avg\"\n"
        "[profile.lazada_live]\n"
        "detect = \"Seller\"\ndate = \"Date\"\nperson = \"Seller\"\n");
    fp_profile_set *set = fp_profiles_load(f, err, sizeof err);
    cr_assert_not_null(set, "%s", err);
    const fp_profile *sh = fp_profiles_find(set, "shopee_live");
    cr_assert_str_eq(sh->source, path);
    cr_assert_str_eq(sh->detect, "Host");
    cr_assert_eq(sh->nmaps, 4);
    cr_assert(sh->maps[1].duration);
    cr_assert(sh->maps[2].count);
    cr_assert_str_eq(sh->maps[3].weight, "views");
    cr_assert_not_null(fp_profiles_find(set, "lazada_live"));
    cr_assert_not_null(fp_profiles_find(set, "tiktok_live"));
    fp_profiles_free(set);
    unlink(path);
}

Test(profile, errors_name_file_and_line)
{
    static const struct { const char *text, *want; } cases[] = {
        {"[profile.a]\ndetect = \"x\"\nfoo = 1\n",
         ":3: unknown key in a profile: foo"},
        {"[other]\nx = 1\n", ":1: expected [profile.NAME]: other"},
        {"[profile.a]\ndetect = \"x\"\n",
         ":1: a profile needs detect, date and person: a"},
        {"[profile.a]\ndetect = \"x\"\ndate = d\nperson = p\n"
         "max = peak_viewers\n",
         ":1: no kpi.ID headers for this KPI: peak_viewers"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512], want[256];
        const char *f = write_file(cases[i].text);
        cr_assert_null(fp_profiles_load(f, err, sizeof err));
        snprintf(want, sizeof want, "%s%s", f, cases[i].want);
        cr_assert_str_eq(err, want);
        unlink(path);
    }
}

/* ---- a profile's file imported: conversions and the week's aggregate */

#include "storage/catalogue_ini.h"
#include "storage/csv_import.h"
#include "storage/db.h"

static char dir[64], files[4][128];

static const char *put(int i, const char *name, const char *text)
{
    snprintf(files[i], sizeof files[i], "%s/%s", dir, name);
    FILE *f = fopen(files[i], "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return files[i];
}

/* The week's value of kpi at person ann (NAN when none). */
static double fact(fp_db *db, const char *kpi, int week)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT f.value FROM facts f JOIN kpis k ON k.id = f.kpi_id"
        " JOIN nodes n ON n.id = f.node_id JOIN people p"
        " ON p.id = n.person_id WHERE k.code = ?1 AND f.week = ?2"
        " AND p.code = 'ann'");
    sqlite3_bind_text(st, 1, kpi, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, week);
    double v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0)
                                              : -1;
    sqlite3_finalize(st);
    return v;
}

static int import(fp_db *db, const fp_catalogue *cat, fp_import_kind kind,
                  const char *file, const fp_import_opts *o,
                  fp_import_report *rep)
{
    const char *list[] = {file};
    return fp_import_files(db, cat, kind, list, 1, o, rep);
}

Test(profile, rows_aggregate_into_the_week)
{
    char err[512];
    fp_import_report rep;
    strcpy(dir, "/tmp/fupan-profimp-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    fp_db *db = fp_db_open(put(0, "t.db", ""), false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    fp_catalogue *cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    fp_profile_set *set = fp_profiles_load(NULL, err, sizeof err);
    cr_assert_not_null(set, "%s", err);
    cr_assert_eq(import(db, cat, FP_IMPORT_ORG, put(1, "s.csv",
        "store,name,platform,market,currency\ns1,S,Shopee,PH,PHP\n"),
        NULL, &rep), FP_IMPORT_OK);
    fp_import_report_done(&rep);
    cr_assert_eq(import(db, cat, FP_IMPORT_ORG, put(2, "p.csv",
        "person,name,role,store,category,handle\n"
        "ann,Ann,host,s1,beauty,@ann_live\n"), NULL, &rep), FP_IMPORT_OK);
    fp_import_report_done(&rep);
    const char *live = put(3, "live.csv",
        "Streamer,Start Time,Duration,Sales(PHP),Views,Avg. Watch Time,"
        "Peak Concurrent Users,Viewers\n"
        "@ann_live,2026-11-23 20:00,1:00:00,100.5,10,00:01:00,50,8\n"
        "Ann,2026-11-24,30:00,200,20,45,70,9\n"
        "ann,2026-11-30 09:00,600,7,1,2,5,1\n");
    fp_import_opts o = {.encoding = FP_ENC_AUTO, .profiles = set,
                        .store = "s1"};
    for (int round = 0; round < 2; round++) { /* a re-import replaces */
        cr_assert_eq(import(db, cat, FP_IMPORT_ACTUALS, live, &o, &rep),
                     FP_IMPORT_OK, "%s %s", rep.error,
                     rep.nproblems ? rep.problems[0] : "");
        cr_assert_not_null(strstr(rep.files[0].notes,
                                  "aggregated into 12 weekly values"));
        cr_assert_not_null(strstr(rep.files[0].notes,
                                  "2026-W48 (partial: 2 of 7 days)"));
        fp_import_report_done(&rep);
        cr_assert_float_eq(fact(db, "gmv", 202648), 300.5, 1e-9);
        cr_assert_float_eq(fact(db, "live_seconds", 202648), 5400, 1e-9);
        cr_assert_float_eq(fact(db, "watch_seconds", 202648),
                           60 * 10 + 45 * 20, 1e-9);
        cr_assert_float_eq(fact(db, "peak_viewers", 202648), 70, 1e-9);
        cr_assert_float_eq(fact(db, "live_sessions", 202648), 2, 1e-9);
        cr_assert_float_eq(fact(db, "live_sessions", 202649), 1, 1e-9);
    }
    fp_profiles_free(set);
    fp_catalogue_free(cat);
    fp_db_close(db);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}
