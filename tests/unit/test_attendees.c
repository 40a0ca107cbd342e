/* Meeting attendees are names as typed: people of the org file or not
 * (the lead, guests). Reading a list, merging, and the TUI's picker
 * taking a typed name. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "tests/unit/helpers.h"
#include "model/text.h"
#include "storage/meeting.h"

static void collect(const char *name, void *ctx)
{
    char *out = ctx;
    strcat(out, "[");
    strcat(out, name);
    strcat(out, "]");
}

Test(attendees, a_list_reads_as_names_trimmed_without_repeats)
{
    char got[256] = "";
    /* half- and full-width commas, the enumeration comma, blanks */
    fp_attendees_each(" 陈静, 李娜，王总 、 Tom Lee ,,李娜,  ", collect, got);
    cr_assert_str_eq(got, "[陈静][李娜][王总][Tom Lee]");
    got[0] = '\0';
    fp_attendees_each(NULL, collect, got);
    fp_attendees_each("", collect, got);
    cr_assert_str_eq(got, "");
}

Test(attendees, merge_appends_new_names_only)
{
    char *m = fp_attendees_merge("陈静, 李娜", "李娜，客人 A, 陈静");
    cr_assert_str_eq(m, "陈静, 李娜, 客人 A");
    free(m);
    m = fp_attendees_merge(NULL, "王总");
    cr_assert_str_eq(m, "王总");
    free(m);
    m = fp_attendees_merge("", NULL);
    cr_assert_str_eq(m, "");
    free(m);
}

/* ---- the TUI: a guest typed in the attendee picker ---- */

static char *run(const fp_scratch *sc, const char *keys)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_CONFIG_HOME='%s' LC_ALL=C.UTF-8 LANGUAGE= "
             "'%s' --db '%s' --today 2026-11-25 --headless 100x30 "
             "--keys '%s' 2>stderr.txt", sc->dir, sc->dir, sc->bin, sc->db,
             keys);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *out = fp_read_all(p);
    int st = pclose(p);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit for '%s'", keys);
    return out;
}

static char *newest_attendees(const fp_scratch *sc)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(sc->db, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT attendees FROM meetings "
                 "ORDER BY id DESC LIMIT 1", -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    char *a = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return a;
}

static void assert_has(const char *s, const char *what)
{
    cr_assert(strstr(s, what) != NULL, "'%s' not in:\n%s", what, s);
}

Test(attendees, the_picker_takes_a_name_not_in_the_org_file, .timeout = 60)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "attend", "陈静");
    /* 李娜 from the org file, then 陈总 and Tom, whom it does not know */
    char *s = run(&sc, "M text:李娜 Space C-u text:陈总，Tom Enter");
    assert_has(s, "Attendees: 李娜, 陈总, Tom");
    free(s);
    char *a = newest_attendees(&sc);
    cr_assert_str_eq(a, "李娜, 陈总, Tom");
    free(a);
    /* changing the list keeps the guests, marked, and can add one more */
    s = run(&sc, "M a");
    assert_has(s, "[x] 陈总  (guest)");
    assert_has(s, "[x] Tom  (guest)");
    free(s);
    s = run(&sc, "M a text:王总 Enter");
    a = newest_attendees(&sc);
    cr_assert_str_eq(a, "李娜, 陈总, Tom, 王总");
    free(a), free(s);
    /* the minutes list them */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "'%s' minutes --week 2026-W47 --db '%s'",
             sc.bin, sc.db);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    s = fp_read_all(p);
    pclose(p);
    assert_has(s, "Attendees: 李娜, 陈总, Tom, 王总");
    free(s);
    fp_scratch_remove(&sc);
}
