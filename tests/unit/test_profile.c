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
