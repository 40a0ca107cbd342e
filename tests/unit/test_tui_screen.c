/* The first screen tells the room where the week stands (issue 9): the
 * summary line, money with its currency and the $ toggle, themes cycled
 * live with T, the symbol legend in help. Headless runs of the real
 * binary on the sample data; expected figures come from the database and
 * the CLI, not from the screen code. */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "tests/unit/helpers.h"
#include "model/text.h"
#include "tui/format.h"
#include "tui/ui.h"

#define WEEK 202647

static char *run(const fp_scratch *sc, const char *size, const char *keys)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_CONFIG_HOME='%s' LC_ALL=C.UTF-8 LANGUAGE= "
             "NO_COLOR= FUPAN_ASCII= '%s' --db '%s' --today 2026-11-25 "
             "--headless %s --keys '%s' 2>stderr.txt",
             sc->dir, sc->dir, sc->bin, sc->db, size, keys);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *out = fp_read_all(p);
    int st = pclose(p);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit %d for '%s'", st,
              keys);
    return out;
}

static char *screen(const fp_scratch *sc, const char *keys)
{
    return run(sc, "100x30", keys);
}

/* Line n (0 = the header), copied. */
static char *line_at(const char *scr, int n)
{
    for (int i = 0; i < n && scr; i++) {
        scr = strchr(scr, '\n');
        scr = scr ? scr + 1 : NULL;
    }
    cr_assert_not_null(scr);
    return strndup(scr, strcspn(scr, "\n"));
}

/* The first line holding what, copied. */
static char *line_with(const char *scr, const char *what)
{
    const char *at = strstr(scr, what);
    cr_assert_not_null(at, "'%s' not on the screen:\n%s", what, scr);
    while (at > scr && at[-1] != '\n')
        at--;
    return strndup(at, strcspn(at, "\n"));
}

static void assert_has(const char *s, const char *what)
{
    cr_assert(strstr(s, what) != NULL, "'%s' not in:\n%s", what, s);
}

static void assert_lacks(const char *s, const char *what)
{
    cr_assert(strstr(s, what) == NULL, "'%s' is in:\n%s", what, s);
}

/* The line holding key has want. */
static void assert_line_has(const char *s, const char *key, const char *want)
{
    char *line = line_with(s, key);
    assert_has(line, want);
    free(line);
}

/* A number from one SQL query on the sample database. */
static double query(const fp_scratch *sc, const char *sql, const char *text)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(sc->db, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK,
                 "%s", sql);
    if (text)
        sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
    double v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void query_text(const fp_scratch *sc, const char *sql,
                       const char *arg, char *out, size_t outsz)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(sc->db, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
    snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* value and target of kpi at path, from `fupan scorecard --format csv`. */
static void cli_value(const fp_scratch *sc, const char *path, const char *kpi,
                      double *value, double *target)
{
    char cmd[1024], line[512], want[64];
    snprintf(cmd, sizeof cmd, "'%s' scorecard --db '%s' --week 2026-W47 "
             "--format csv %s%s", sc->bin, sc->db, *path ? "--path " : "",
             path);
    snprintf(want, sizeof want, ",%s,", kpi);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    bool found = false;
    while (!found && fgets(line, sizeof line, p)) {
        char *at = strstr(line, want);
        if (!at)
            continue;
        /* week,path,kpi,value,prev,target,... */
        char *f = at + strlen(want);
        *value = strtod(f, &f);
        f = strchr(f + 1, ',');
        *target = f && f[1] != ',' ? strtod(f + 1, NULL) : NAN;
        found = true;
    }
    pclose(p);
    cr_assert(found, "no %s at '%s' in %s", kpi, path, cmd);
}

static const fp_kpi money = { .id = "gmv", .label = "GMV",
                              .unit = FP_UNIT_MONEY, .decimals = 0 };

static void short_money(double v, char *out, size_t outsz)
{
    fp_fmt_kpi_short(&money, v, out, outsz);
}

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

TestSuite(screen, .init = setup, .timeout = 60);

/* ------------------------------------------------------- summary line */

Test(screen, summary_line_says_where_the_week_stands)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    char *s = screen(&sc, "");
    char *sum = line_at(s, 1);
    double gmv, target;
    cli_value(&sc, "", "gmv", &gmv, &target);
    char v[32], t[32], want[160];
    short_money(gmv, v, sizeof v);
    short_money(target, t, sizeof t);
    snprintf(want, sizeof want, "GMV USD %s of %s %.0f%%", v, t,
             floor(gmv / target * 100.0));
    assert_has(sum, want);
    int notes = (int)query(&sc, "SELECT count(*) FROM notes WHERE week = "
                           "202647 AND deleted_at IS NULL", NULL);
    int open = (int)query(&sc, "SELECT count(*) FROM actions WHERE week <= "
                          "202647 AND state = 'open'", NULL);
    cr_assert_gt(notes, 1);
    snprintf(want, sizeof want, "%d notes", notes);
    assert_has(sum, want);
    snprintf(want, sizeof want, "%d open items", open);
    assert_has(sum, want);
    assert_has(sum, "red key KPIs");
    assert_has(sum, "meeting ended 11-24 10:52"); /* the sample's W47 one */
    free(sum), free(s);
    /* the same line on every level: it is the week's, not the node's */
    s = screen(&sc, "Down Enter Enter");
    char *again = line_at(s, 1);
    snprintf(want, sizeof want, "GMV USD %s of %s", v, t);
    assert_has(again, want);
    free(again), free(s);
    fp_scratch_remove(&sc);
}

Test(screen, summary_counts_overdue_items_and_a_running_meeting)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    char cmd[1024];
    /* an item agreed in W45 and due W46 is overdue in W47 */
    snprintf(cmd, sizeof cmd, "'%s' action add --db '%s' --week 2026-W45 "
             "--path tts-th --owner \xe7\x8e\x8b\xe5\xbc\xba --due 2026-W46 "
             "--text 'late one' >/dev/null", sc.bin, sc.db); /* 王强 */
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    int overdue = (int)query(&sc, "SELECT count(*) FROM actions WHERE state "
                             "= 'open' AND due_week < 202647", NULL);
    cr_assert_geq(overdue, 1);
    char *s = screen(&sc, "");
    char *sum = line_at(s, 1), want[64];
    snprintf(want, sizeof want, "(%d overdue)", overdue);
    assert_has(sum, want);
    free(sum), free(s);
    /* M opens a new meeting; Enter closes the attendee picker */
    s = screen(&sc, "M Enter");
    sum = line_at(s, 1);
    assert_has(sum, "meeting on");
    char *head = line_at(s, 0);
    assert_has(head, "meeting 00:00"); /* its clock in the header */
    free(head);
    free(sum), free(s);
    fp_scratch_remove(&sc);
}

/* ---------------------------------------------------------------- money */

Test(screen, store_rows_show_the_currency_of_their_figures)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    char *s = screen(&sc, "");
    static const char *stores[] = { "shopee-ph", "tts-my", "tts-th" };
    for (size_t i = 0; i < 3; i++) {
        char name[128], cur[16], v[32], want[64];
        double gmv, target;
        query_text(&sc, "SELECT name FROM stores WHERE code = ?1", stores[i],
                   name, sizeof name);
        query_text(&sc, "SELECT currency FROM stores WHERE code = ?1",
                   stores[i], cur, sizeof cur);
        cli_value(&sc, stores[i], "gmv", &gmv, &target);
        short_money(gmv, v, sizeof v);
        snprintf(want, sizeof want, "%s %s", cur, v); /* "PHP 251k" */
        char *row = line_with(s, name);
        assert_has(row, want);
        free(row);
    }
    free(s);
    fp_scratch_remove(&sc);
}

Test(screen, dollar_shows_every_money_figure_in_the_reporting_currency)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    char name[128], v[32], want[80];
    double gmv, target;
    query_text(&sc, "SELECT name FROM stores WHERE code = ?1", "shopee-ph",
               name, sizeof name);
    double rate = query(&sc, "SELECT rate FROM fx_rates WHERE week = 202647 "
                        "AND currency = ?1", "PHP");
    cli_value(&sc, "shopee-ph", "gmv", &gmv, &target);
    char *s = screen(&sc, "$");
    char *head = line_at(s, 0);
    assert_has(head, "in USD"); /* stated in the header */
    char *row = line_with(s, name);
    short_money(gmv * rate, v, sizeof v);
    snprintf(want, sizeof want, "USD %s", v);
    assert_has(row, want);
    assert_lacks(row, "PHP");
    free(row);
    /* the detail panel: actual with its currency, the target converted */
    char *title = line_with(s, "score ");
    assert_has(title, "USD");
    free(title);
    fp_kpi whole = money;
    fp_format_value(&whole, target * rate, v, sizeof v);
    char *detail = line_with(s, "GMV \xe6\x88\x90"); /* GMV 成交金额 */
    assert_has(detail, v);
    assert_lacks(detail, "PHP");
    free(detail), free(head), free(s);
    /* a person's scorecard too: every money figure in USD */
    s = screen(&sc, "Down Enter Enter Enter $");
    assert_has(s, "Ad spend");
    char *spend = line_with(s, "Ad spend");
    assert_has(spend, "USD ");
    assert_lacks(s, "MYR");
    free(spend), free(s);
    /* $ again: back to each store's own */
    s = screen(&sc, "$ $");
    head = line_at(s, 0);
    assert_lacks(head, "in USD");
    row = line_with(s, name);
    assert_has(row, "PHP ");
    free(row), free(head), free(s);
    fp_scratch_remove(&sc);
}

/* --------------------------------------------------------------- themes */

Test(screen, T_cycles_the_themes_live)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    static const struct { const char *keys, *theme; } steps[] = {
        { "T", "Theme: high-contrast" },
        { "T T", "Theme: mono" },
        { "T T T", "Theme: default" },
    };
    for (size_t i = 0; i < 3; i++) {
        char *s = screen(&sc, steps[i].keys);
        assert_has(s, steps[i].theme);
        free(s);
    }
    fp_scratch_remove(&sc);
}

/* --------------------------------------------------------------- legend */

/* Help ends with a legend of every symbol the screens draw, in the glyph
 * set in use. */
static void assert_legend(const char *s, const fp_glyphs *gl)
{
    char want[64];
    for (int st = 0; st < 4; st++) {
        snprintf(want, sizeof want, "  %s  ", gl->status[st]);
        assert_has(s, want);
    }
    snprintf(want, sizeof want, "  %s  ", gl->overridden);
    assert_line_has(s, "Overridden", want);
    snprintf(want, sizeof want, "  %s  ", gl->provisional);
    assert_line_has(s, "Provisional", want);
    snprintf(want, sizeof want, "%s %s %s", gl->up, gl->down, gl->flat);
    assert_line_has(s, "Week over week", want);
    char spark[64] = "";
    for (int i = 0; i < 8; i++)
        strcat(spark, gl->spark[i]);
    assert_line_has(s, "lowest to highest", spark);
    assert_line_has(s, "No value (", "\xe2\x80\x94");
}

Test(screen, help_has_a_legend_of_every_symbol)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    char *s = screen(&sc, "? End");
    assert_has(s, "Symbols");
    assert_legend(s, fp_glyphs_get(true));
    free(s);
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_CONFIG_HOME='%s' LC_ALL=C.UTF-8 FUPAN_ASCII=1 "
             "'%s' --db '%s' --headless 100x30 --keys '? End'", sc.dir, sc.dir,
             sc.bin, sc.db);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    s = fp_read_all(p);
    pclose(p);
    assert_legend(s, fp_glyphs_get(false));
    free(s);
    fp_scratch_remove(&sc);
}

/* A store whose currency has no rate this week is never converted
 * silently: "no rate" under $, in the summary too (the company sum). */
Test(screen, dollar_without_a_rate_says_so)
{
    fp_scratch sc;
    fp_scratch_sample(&sc, "screen", NULL);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(sc.db, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "DELETE FROM fx_rates WHERE week = 202647 "
                              "AND currency = 'PHP'", NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    char name[128];
    query_text(&sc, "SELECT name FROM stores WHERE code = ?1", "shopee-ph",
               name, sizeof name);
    char *s = screen(&sc, "$");
    assert_line_has(s, name, "no rate");
    char *sum = line_at(s, 1);
    assert_has(sum, "GMV no rate");
    free(sum), free(s);
    s = screen(&sc, ""); /* in its own currency it needs no rate */
    assert_line_has(s, name, "PHP ");
    free(s);
    fp_scratch_remove(&sc);
}
