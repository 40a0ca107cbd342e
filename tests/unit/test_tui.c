/* The TUI: formatting helpers in process, and behaviour and golden
 * screens through the real binary's headless mode on the sample data. */
#include <criterion/criterion.h>
#include <curses.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/helpers.h"
#include "storage/config.h"
#include "model/text.h"
#include "tui/action.h"
#include "tui/cols.h"
#include "tui/format.h"
#include "tui/tui.h"
#include "tui/ui.h"

#define CURSOR "\xe2\x96\xb8" /* ▸ marks the cursor row */

/* ------------------------------------------------------------ formatting */

static const fp_kpi money = { .id = "gmv", .label = "GMV",
                              .unit = FP_UNIT_MONEY, .decimals = 0 };
static const fp_kpi pct = { .id = "cvr", .label = "CVR",
                            .unit = FP_UNIT_PERCENT, .decimals = 1 };
static const fp_kpi count = { .id = "orders", .label = "Orders",
                              .unit = FP_UNIT_COUNT, .decimals = 0 };

TestSuite(tui_format);

Test(tui_format, money_with_currency)
{
    char buf[64];
    fp_fmt_kpi(&money, 118200, "MYR", buf, sizeof buf);
    cr_assert_str_eq(buf, "MYR 118,200");
    fp_fmt_kpi(&money, 1234567.4, NULL, buf, sizeof buf);
    cr_assert_str_eq(buf, "1,234,567");
    fp_fmt_kpi(&money, NAN, "MYR", buf, sizeof buf);
    cr_assert_str_eq(buf, FP_DASH);
    fp_fmt_kpi(&pct, 0.0126, "MYR", buf, sizeof buf); /* no currency */
    cr_assert_str_eq(buf, "1.3%");
}

Test(tui_format, short_values)
{
    char buf[64];
    fp_fmt_kpi_short(&money, 118200, buf, sizeof buf);
    cr_assert_str_eq(buf, "118k");
    fp_fmt_kpi_short(&money, 1250000, buf, sizeof buf);
    cr_assert_str_eq(buf, "1.25M");
    fp_fmt_kpi_short(&money, 49312, buf, sizeof buf);
    cr_assert_str_eq(buf, "49.3k");
    fp_fmt_kpi_short(&money, 3.2e9, buf, sizeof buf);
    cr_assert_str_eq(buf, "3.20B");
    fp_fmt_kpi_short(&money, 9999.6, buf, sizeof buf);
    cr_assert_str_eq(buf, "10,000");
    fp_fmt_kpi_short(&count, 589, buf, sizeof buf);
    cr_assert_str_eq(buf, "589");
    fp_fmt_kpi_short(&count, -25000, buf, sizeof buf);
    cr_assert_str_eq(buf, "-25.0k");
    fp_fmt_kpi_short(&pct, 0.0276, buf, sizeof buf);
    cr_assert_str_eq(buf, "2.8%");
    fp_fmt_kpi_short(&count, NAN, buf, sizeof buf);
    cr_assert_str_eq(buf, FP_DASH);
}

Test(tui_format, week_range_and_clock)
{
    char buf[64];
    fp_fmt_week_range(202647, "\xc2\xb7", "\xe2\x80\x93", buf, sizeof buf);
    cr_assert_str_eq(buf, "2026-W47 \xc2\xb7 11-16 \xe2\x80\x93 11-22");
    fp_fmt_week_range(202701, "-", "-", buf, sizeof buf); /* over new year */
    cr_assert_str_eq(buf, "2027-W01 - 01-04 - 01-10");
    fp_fmt_week_range(202553, "-", "-", buf, sizeof buf); /* no such week */
    cr_assert_str_eq(buf, FP_DASH);
    fp_fmt_clock(0, buf, sizeof buf);
    cr_assert_str_eq(buf, "00:00");
    fp_fmt_clock(754, buf, sizeof buf);
    cr_assert_str_eq(buf, "12:34");
    fp_fmt_clock(3723, buf, sizeof buf);
    cr_assert_str_eq(buf, "1:02:03");
}

Test(tui_format, change_direction)
{
    cr_assert_eq(fp_change_dir(110, 100), 1);
    cr_assert_eq(fp_change_dir(90, 100), -1);
    cr_assert_eq(fp_change_dir(100.4, 100), 0);
    cr_assert_eq(fp_change_dir(0, 0), 0);
    cr_assert_eq(fp_change_dir(5, 0), 1);
    cr_assert_eq(fp_change_dir(NAN, 100), 2);
    cr_assert_eq(fp_change_dir(100, NAN), 2);
}

Test(tui_format, column_layout)
{
    fp_col c[4] = {
        { .w = 10, .maxw = 20 },          /* flexible name */
        { .w = 5, .gap = 1 },              /* always */
        { .w = 8, .gap = 1, .prio = 2 },   /* second choice */
        { .w = 12, .gap = 1, .prio = 1 },  /* first choice */
    };
    fp_cols_layout(c, 4, 0, 30); /* 10+6 = 16, +13 = 29, +9 does not fit */
    cr_assert_eq(c[0].x, 0);
    cr_assert_eq(c[0].width, 11); /* the one column left over */
    cr_assert_eq(c[1].x, 12);
    cr_assert_eq(c[2].x, -1);
    cr_assert_eq(c[3].x, 18);
    cr_assert_eq(c[3].width, 12);
    fp_cols_layout(c, 4, 0, 100);
    cr_assert_eq(c[0].width, 20);
    cr_assert_eq(c[2].x, 27);
    cr_assert_eq(c[3].x, 36);
}

/* ---------------------------------------------------------------- themes */

Test(tui_format, themes_and_no_color)
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *sp = newterm("xterm-256color", out, in);
    cr_assert_not_null(sp);
    fp_ui ui;
    memset(&ui, 0, sizeof ui);
    setenv("NO_COLOR", "1", 1);
    fp_theme_init(&ui, "default");
    for (int c = 0; c < FP_C_COUNT; c++)
        cr_assert_eq(ui.attr[c] & (int)A_COLOR, 0, "colour %d with NO_COLOR", c);
    cr_assert_neq(ui.attr[FP_C_CURSOR] & (int)A_REVERSE, 0);
    unsetenv("NO_COLOR");
    fp_theme_init(&ui, "mono");
    cr_assert_eq(ui.attr[FP_C_RED] & (int)A_COLOR, 0);
    fp_theme_init(&ui, "high-contrast");
    cr_assert_neq(ui.attr[FP_C_RED] & (int)A_COLOR, 0);
    int contrast_cursor = ui.attr[FP_C_CURSOR];
    fp_theme_init(&ui, "default");
    cr_assert_neq(ui.attr[FP_C_RED] & (int)A_COLOR, 0);
    cr_assert_neq(ui.attr[FP_C_GREEN], ui.attr[FP_C_RED]);
    cr_assert_neq(contrast_cursor, ui.attr[FP_C_CURSOR]);
    /* the status symbols differ in shape, not only in colour */
    const fp_glyphs *g = fp_glyphs_get(true), *a = fp_glyphs_get(false);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            cr_assert_str_neq(g->status[i], g->status[j]);
            cr_assert_str_neq(a->status[i], a->status[j]);
        }
    endwin();
    delscreen(sp);
    fclose(out);
    fclose(in);
}

/* ------------------------------------------- headless runs of the binary */

typedef fp_scratch scratch;

/* The final screen of `fupan --headless SIZE --keys KEYS extra`; *status
 * gets the exit status. Caller frees. */
static char *run_tui(const scratch *sc, const char *size, const char *keys,
                     const char *extra, int *status)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_CONFIG_HOME='%s' LC_ALL=C.UTF-8 LANGUAGE= "
             "NO_COLOR= '%s' --db '%s' --today 2026-11-25 --headless %s "
             "--keys '%s' %s 2>stderr.txt",
             sc->dir, sc->dir, sc->bin, sc->db, size, keys, extra ? extra : "");
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *out = fp_read_all(p);
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

static char *screen(const scratch *sc, const char *keys)
{
    int st;
    char *out = run_tui(sc, "100x30", keys, NULL, &st);
    cr_assert_eq(st, 0, "exit %d for keys '%s'\n%s", st, keys, out);
    return out;
}

/* The line holding the table cursor (the first ▸), copied. */
static char *cursor_line(const char *scr)
{
    const char *at = strstr(scr, CURSOR);
    cr_assert_not_null(at, "no cursor on\n%s", scr);
    const char *start = at;
    while (start > scr && start[-1] != '\n')
        start--;
    return strndup(start, strcspn(start, "\n"));
}

static char *line_at(const char *scr, int n)
{
    for (int i = 0; i < n && scr; i++) {
        scr = strchr(scr, '\n');
        scr = scr ? scr + 1 : NULL;
    }
    cr_assert_not_null(scr);
    return strndup(scr, strcspn(scr, "\n"));
}

static void assert_has(const char *scr, const char *what)
{
    cr_assert(strstr(scr, what) != NULL, "'%s' not on the screen:\n%s",
              what, scr);
}

static void assert_lacks(const char *scr, const char *what)
{
    cr_assert(strstr(scr, what) == NULL, "'%s' is on the screen:\n%s",
              what, scr);
}

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

TestSuite(tui, .init = setup, .timeout = 60);

Test(tui, starts_at_the_company_on_the_newest_week)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "");
    char *head = line_at(s, 0);
    cr_assert(strncmp(head, "2026-W47 \xc2\xb7 11-16 \xe2\x80\x93 11-22", 27)
              == 0, "%s", head);
    char *cur = cursor_line(s);
    char *first = line_at(s, 3); /* the first store: under the header,
                                    the summary line and the column heads */
    cr_assert_str_eq(cur, first);
    assert_has(s, "? Help");
    assert_has(s, "q Quit");
    free(head), free(cur), free(first), free(s);
    fp_scratch_remove(&sc);
}

Test(tui, drill_and_back_return_to_the_same_row)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *before = screen(&sc, "Down Down");
    char *after = screen(&sc, "Down Down Enter Down Enter BSpace BSpace");
    char *a = cursor_line(before), *b = cursor_line(after);
    cr_assert_str_eq(a, b);
    free(a), free(b), free(before), free(after);
    /* one level down: the category stays selected when leaving a person */
    before = screen(&sc, "Enter Down");
    after = screen(&sc, "Enter Down Enter Down Enter Left Left");
    a = cursor_line(before), b = cursor_line(after);
    cr_assert_str_eq(a, b);
    free(a), free(b), free(before), free(after);
    fp_scratch_remove(&sc);
}

Test(tui, drill_shows_the_breadcrumb_and_a_scorecard)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "Down Enter");
    char *head = line_at(s, 0);
    assert_has(head, "\xe5\x85\xa8\xe9\x83\xa8 \xe2\x80\xba "); /* 全部 › */
    free(head);
    free(s);
    /* store -> category -> person: the person's scorecard */
    s = screen(&sc, "Enter Enter Enter");
    assert_has(s, "Weight");
    assert_has(s, "Points");
    assert_has(s, "Works in");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, notes_and_action_items_are_shown)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    /* the sample has a W47 note on 王强's ROAS and an open item of his */
    char *s = screen(&sc, "/ text:\xe7\x8e\x8b\xe5\xbc\xba Enter Enter");
    /* the note's KPI by its label, never its id */
    assert_has(s, "ROAS \xe5\xb9\xbf\xe5\x91\x8a\xe6\x8a\x95\xe4\xba\xa7"
                  "\xe6\xaf\x94: "); /* ROAS 广告投产比: */
    cr_assert_null(strstr(s, "roas: "), "%s", s);
    assert_has(s, "[open] ");
    free(s);
    /* tts-my has a GMV note and a GMV override: both marked */
    s = screen(&sc, "Down Tab");
    assert_has(s, "1 note");
    char *hint = line_at(s, 28);
    assert_has(hint, "override, source ");
    assert_has(hint, "1 note");
    free(hint), free(s);
    fp_scratch_remove(&sc);
}

Test(tui, week_changes)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "[");
    assert_has(s, "2026-W46 \xc2\xb7 11-09");
    free(s);
    s = screen(&sc, "[ [ ]");
    assert_has(s, "2026-W46");
    free(s);
    s = screen(&sc, "]");
    assert_has(s, "2026-W48");
    assert_has(s, "No data for 2026-W48");
    free(s);
    s = screen(&sc, "g text:2026-W40 Enter");
    assert_has(s, "2026-W40 \xc2\xb7 09-28");
    free(s);
    s = screen(&sc, "g text:44 Enter");
    assert_has(s, "2026-W44");
    free(s);
    s = screen(&sc, "g text:W99 Enter");
    assert_has(s, "Not a week: W99");
    assert_has(s, "2026-W47");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, search_finds_a_person_by_chinese_name)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    /* 张伟 works in tts-my / apparel (马来西亚 TikTok 店 › 服饰) */
    char *s = screen(&sc, "/ text:\xe5\xbc\xa0\xe4\xbc\x9f Enter");
    char *cur = cursor_line(s);
    assert_has(cur, "\xe5\xbc\xa0\xe4\xbc\x9f");
    char *head = line_at(s, 0);
    assert_has(head, "\xe9\xa9\xac\xe6\x9d\xa5\xe8\xa5\xbf\xe4\xba\x9a"); /* 马来西亚 */
    assert_has(s, "Match 1 of");
    free(cur), free(head), free(s);
    s = screen(&sc, "/ text:nobody-here Enter");
    assert_has(s, "No name contains \"nobody-here\"");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, help_lists_every_bound_action)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    int st;
    char *s = run_tui(&sc, "120x80", "?", NULL, &st);
    cr_assert_eq(st, 0);
    for (int a = FP_ACT_NONE + 1; a < FP_ACT_COUNT; a++) {
        const fp_action_info *info = fp_action_get((fp_action)a);
        char want[64];
        snprintf(want, sizeof want, " %s ", info->name);
        assert_has(s, want);
    }
    assert_has(s, "<Enter> <Right> l");
    assert_lacks(s, "(read-only)");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, help_follows_the_user_keymap)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char path[200], extra[256];
    snprintf(path, sizeof path, "%s/keys.ini", sc.dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("[generic]\nnext-red = \"<F7> x\"\nfly = \"z\"\n", f);
    fclose(f);
    snprintf(extra, sizeof extra, "--keymap '%s'", path);
    int st;
    char *s = run_tui(&sc, "120x80", "?", extra, &st);
    cr_assert_eq(st, 0);
    assert_has(s, "<F7> x");
    assert_has(s, "keys.ini:3: unknown action 'fly'");
    free(s);
    s = run_tui(&sc, "100x30", "", extra, &st);
    assert_has(s, "keys.ini:3: unknown action 'fly'"); /* on the status line */
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, read_only_refuses_writes)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    int st;
    char *s = run_tui(&sc, "100x30", "a", "--read-only", &st);
    cr_assert_eq(st, 0);
    assert_has(s, "READ-ONLY");
    assert_has(s, "Read-only: annotate is not allowed");
    free(s);
    s = run_tui(&sc, "120x80", "?", "--read-only", &st);
    assert_has(s, "annotate          Write an attribution note (cause and "
                  "text) (read-only)");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, next_red_walks_below_the_node)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "n");
    assert_has(s, "Red 1 of ");
    free(s);
    s = screen(&sc, "n n");
    assert_has(s, "Red 2 of ");
    free(s);
    s = screen(&sc, "N");                 /* worst first: N ends there */
    assert_has(s, "Red 57 of 57: ");
    assert_lacks(s, "(wrapped)");
    free(s);
    s = screen(&sc, "n N");               /* back from the worst: wraps */
    assert_has(s, "(wrapped) Red 57 of 57: ");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, filter_sort_people_and_focus)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "f");
    assert_has(s, "Showing red and amber only");
    free(s);
    s = screen(&sc, "s");
    assert_has(s, "Sorted by score, worst first");
    free(s);
    s = screen(&sc, "p");
    char *head = line_at(s, 0);
    assert_has(head, "people");
    assert_has(s, "Role");
    free(head);
    free(s);
    s = screen(&sc, "p r");
    assert_has(s, "Role: ");
    free(s);
    s = screen(&sc, "Tab Down");
    char *second = strstr(strstr(s, CURSOR) + 1, CURSOR);
    cr_assert_not_null(second, "no detail cursor:\n%s", s);
    char *cur = cursor_line(second); /* the detail's second KPI */
    assert_has(cur, "ROAS");
    free(cur);
    free(s);
    s = screen(&sc, "Z");
    assert_has(s, "Key Z is not bound");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, mouse_click_selects_and_double_click_drills)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "click:5,3");
    char *cur = cursor_line(s), *row = line_at(s, 3);
    cr_assert_str_eq(cur, row);
    free(cur), free(row), free(s);
    s = screen(&sc, "dclick:5,3");
    char *head = line_at(s, 0);
    assert_has(head, "\xe2\x80\xba"); /* one level down */
    free(head), free(s);
    fp_scratch_remove(&sc);
}

/* Every line fits the width in display columns. */
static void assert_fits(const char *s, int cols)
{
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, "\n");
        char *line = strndup(p, n);
        cr_assert_leq(fp_text_width(line), cols, "too wide: %s", line);
        free(line);
        p += n + (p[n] == '\n');
    }
}

Test(tui, resize_down_to_tiny_and_back)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    char *s = screen(&sc, "resize:40x12");
    assert_fits(s, 40);
    assert_has(s, "? Help");
    free(s);
    s = screen(&sc, "resize:39x12");
    assert_has(s, "Terminal too small");
    free(s);
    s = screen(&sc, "resize:12x4 resize:1x1 resize:2x2");
    assert_fits(s, 2);
    free(s);
    s = screen(&sc, "resize:12x4 Enter resize:100x30");
    char *head = line_at(s, 0);
    assert_has(head, "\xe2\x80\xba"); /* the key still drilled */
    free(head), free(s);
    int st;
    s = run_tui(&sc, "1x1", "Enter Down", NULL, &st);
    cr_assert_eq(st, 0);
    free(s);
    fp_scratch_remove(&sc);
}

/* Control characters in data must never reach the terminal. */
Test(tui, hostile_names_are_sanitised)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(sc.db, &db), SQLITE_OK);
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, "UPDATE stores SET name = ?",
                                    -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, "\x1b]0;pwned\x07\x1b[2J\x1b[31mevil\r\nshop",
                      -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
    char *s = screen(&sc, "");
    for (const char *p = s; *p; p++)
        cr_assert(*p == '\n' || (unsigned char)*p >= 0x20,
                  "control byte 0x%02x on the screen", (unsigned char)*p);
    assert_has(s, "evil");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, bad_key_script_is_a_usage_error)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    int st;
    char *s = run_tui(&sc, "100x30", "Enter Blorp", NULL, &st);
    cr_assert_eq(st, 2);
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, ascii_glyphs_on_request)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    int st;
    char *cmdkeys = "";
    setenv("FUPAN_ASCII", "1", 1);
    char *s = run_tui(&sc, "100x30", cmdkeys, NULL, &st);
    unsetenv("FUPAN_ASCII");
    cr_assert_eq(st, 0);
    assert_lacks(s, CURSOR);
    assert_has(s, ">");
    free(s);
    fp_scratch_remove(&sc);
}

/* [ui] glyphs = ascii reaches the TUI through its config, with no
 * FUPAN_ASCII in the environment (fp_tui_run in this process). */
static char *tui_in_process(const scratch *sc, const char *config)
{
    char path[160];
    snprintf(path, sizeof path, "%s/screen.txt", sc->dir);
    fflush(stdout);
    int saved = dup(1);
    cr_assert(freopen(path, "w", stdout) != NULL);
    fp_tui_opts o = { .db_path = sc->db, .config_path = config,
                      .today = 20782, .headless_cols = 100,
                      .headless_rows = 30, .keys = "" };
    int rc = fp_tui_run(&o);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    cr_assert_eq(rc, 0);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    char *out = fp_read_all(f);
    fclose(f);
    return out;
}

Test(tui, ascii_glyphs_from_config)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    unsetenv("FUPAN_ASCII");
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("XDG_CONFIG_HOME", sc.dir, 1);
    setenv("XDG_CONFIG_DIRS", sc.dir, 1);
    char ini[160];
    snprintf(ini, sizeof ini, "%s/ascii.ini", sc.dir);
    FILE *f = fopen(ini, "w");
    cr_assert_not_null(f);
    fputs("[ui]\nglyphs = ascii\n", f);
    fclose(f);
    char *s = tui_in_process(&sc, ini);
    assert_lacks(s, CURSOR);
    assert_has(s, ">");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui, unicode_glyphs_by_default)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    unsetenv("FUPAN_ASCII");
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("XDG_CONFIG_HOME", sc.dir, 1);
    setenv("XDG_CONFIG_DIRS", sc.dir, 1);
    char *s = tui_in_process(&sc, NULL);
    assert_has(s, CURSOR);
    free(s);
    fp_scratch_remove(&sc);
}

/* ------------------------------------------------------- golden screens */

/* Compares with tests/golden/NAME; FUPAN_UPDATE_GOLDEN=1 rewrites it. */
static void golden(const char *name, const char *actual)
{
    char path[256];
    snprintf(path, sizeof path, "tests/golden/%s", name);
    const char *update = getenv("FUPAN_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(path, "w");
        cr_assert_not_null(f, "cannot write %s", path);
        fputs(actual, f);
        fclose(f);
        return;
    }
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s is missing (FUPAN_UPDATE_GOLDEN=1 writes it)",
                       path);
    char *want = fp_read_all(f);
    fclose(f);
    int line = 0;
    const char *a = actual, *w = want;
    while (*a && *a == *w) { /* find the first differing line */
        line += *a == '\n';
        a++, w++;
    }
    if (*a || *w) {
        char *la = line_at(actual, line), *lw = line_at(want, line);
        cr_assert_fail("%s differs at line %d (FUPAN_UPDATE_GOLDEN=1 "
                       "rewrites it):\n got: %s\nwant: %s", path, line + 1,
                       la, lw);
    }
    free(want);
}

Test(tui, golden_screens)
{
    scratch sc;
    fp_scratch_sample(&sc, "tui", NULL);
    static const struct { const char *name, *size, *keys; } cases[] = {
        { "tui_company_100x30.txt", "100x30", "" },
        { "tui_category_100x30.txt", "100x30", "Down Enter Enter" },
        { "tui_scorecard_100x30.txt", "100x30", "Down Enter Enter Enter" },
        { "tui_help_100x30.txt", "100x30", "?" },
        { "tui_small_40x12.txt", "40x12", "Enter" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int st;
        char *s = run_tui(&sc, cases[i].size, cases[i].keys, NULL, &st);
        cr_assert_eq(st, 0);
        golden(cases[i].name, s);
        free(s);
    }
    fp_scratch_remove(&sc);
}

/* ------------------------------------------------------ [ui] red_order */

static char *write_config(const char *dir, const char *text)
{
    char *path = malloc(256);
    cr_assert_not_null(path);
    snprintf(path, 256, "%s/red_order.ini", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

Test(tui_config, red_order_is_worst_or_tree)
{
    char dir[] = "/tmp/fupan-cfg-XXXXXX", err[512] = "";
    cr_assert_not_null(mkdtemp(dir));
    char *path = write_config(dir, "[ui]\nred_order = tree\n");
    fp_config *cfg = fp_config_load(path, err, sizeof err);
    cr_assert_not_null(cfg, "%s", err);
    cr_assert_str_eq(cfg->red_order, "tree");
    fp_config_free(cfg);
    free(path);
    path = write_config(dir, "[ui]\ntheme = mono\n\nred_order = worse\n");
    cfg = fp_config_load(path, err, sizeof err);
    cr_assert_null(cfg);
    cr_assert(strstr(err, "red_order.ini:4: red_order: 'worse' is not one "
                     "of worst, tree"), "%s", err);
    unlink(path);
    free(path);
    rmdir(dir);
}
