/* The minutes renderer (model/minutes.c) on hand-built input, and the
 * golden minutes of the sample data through the real binary. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/helpers.h"
#include "model/minutes.h"
#include "model/minutes_chat.h"
#include "model/rollup.h"
#include "model/text.h"
#include "storage/meeting.h"
#include "storage/minutes_data.h"
#include "storage/review.h"

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

TestSuite(minutes, .init = setup);

/* ------------------------------------------------------------ helpers */

/* The lines of s (a copy, split in place); *n lines. */
typedef struct { char *copy; char **line; size_t n; } lines;

static lines split(const char *s)
{
    lines l = {strdup(s), NULL, 0};
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == '\n';
    l.line = calloc(cap, sizeof *l.line);
    for (char *p = l.copy; *p;) {
        char *nl = strchr(p, '\n');
        l.line[l.n++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    return l;
}

static void lines_free(lines *l)
{
    free(l->copy);
    free(l->line);
}

/* Index of the first line starting with prefix at or after from; -1. */
static long find_line(const lines *l, size_t from, const char *prefix)
{
    for (size_t i = from; i < l->n; i++)
        if (strncmp(l->line[i], prefix, strlen(prefix)) == 0)
            return (long)i;
    return -1;
}

/* No control byte but newline, no C1 character, no line over max
 * columns (max 0: any), no trailing blank. */
static void assert_clean(const char *s, int max)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        cr_assert(*p >= 0x20 || *p == '\n', "control byte 0x%02x at %zu", *p,
                  (size_t)(p - (const unsigned char *)s));
        cr_assert(*p != 0x7f, "DEL byte");
        cr_assert(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f),
                  "C1 character");
    }
    size_t bad;
    cr_assert(fp_utf8_valid(s, strlen(s), &bad), "invalid UTF-8 at %zu", bad);
    lines l = split(s);
    for (size_t i = 0; i < l.n; i++) {
        size_t len = strlen(l.line[i]);
        cr_assert(len == 0 || l.line[i][len - 1] != ' ',
                  "trailing blank on line %zu: '%s'", i + 1, l.line[i]);
        if (max > 0)
            cr_assert_leq(fp_text_width(l.line[i]), max,
                          "line %zu is %d columns: %s", i + 1,
                          fp_text_width(l.line[i]), l.line[i]);
    }
    lines_free(&l);
}

/* Every line of the table starting at line `head` has the same display
 * width: rows lines, or up to the next blank line when rows is 0.
 * Returns the number of lines checked. */
static size_t assert_table_aligned(const lines *l, long head, size_t rows)
{
    cr_assert_geq(head, 0, "table header not found");
    int width = fp_text_width(l->line[head]);
    size_t i = (size_t)head;
    for (; i < l->n && l->line[i][0] != '\0'; i++) {
        if (rows && i - (size_t)head == rows)
            break;
        cr_assert_eq(fp_text_width(l->line[i]), width,
                     "row %zu is %d columns, header %d:\n%s\n%s", i + 1,
                     fp_text_width(l->line[i]), width, l->line[head],
                     l->line[i]);
    }
    return i - (size_t)head;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static size_t count_of(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ------------------------------------------------------------ fixture */

static const fp_minutes_row summary_rows[] = {
    {"全部", "USD", "成交金额 GMV", "152,301", "160,000", "95%", "+1.2%",
     2, FP_MIN_PROVISIONAL, "gmv"},
    {"", "", "广告投产比 ROAS", "3.4x", "3.0x", "113%", "-0.5%", 1, 0, "roas"},
    {"马来西亚 TikTok 店", "MYR", "成交金额 GMV", "49,281", "52,000", "95%",
     "+8.0%", 2, FP_MIN_OVERRIDDEN, "gmv"},
    {"", "", "退货率 Return rate", "4.1%", "5.0%", "122%", "—", 1, 0, "return_rate"},
    {"菲律宾 Shopee 店", "PHP", "转化率 Conversion rate", "1.2%", "2.0%",
     "60%", "-30.0%", 3, 0, "cvr"},
};

static const fp_minutes_row item_rows[] = {
    {NULL, NULL, "成交金额 GMV", "12,000", "20,000", "60%", "-12.5%", 3, 0, "gmv"},
};

static const fp_minutes_note item_notes[] = {
    {"成交金额 GMV", "缺货/供应链 Stockout / supply",
     "爆款玻尿酸精华断货, 11-17 补货到曼谷仓", "王芳"},
};

static const fp_minutes_item items[] = {
    {"泰国 TikTok 店 / 美妆", 3, item_rows, 1, item_notes, 1},
};

static fp_minutes_input base_input(void)
{
    return (fp_minutes_input){
        .week = "2026-W47", .first_day = "2026-11-16",
        .last_day = "2026-11-22", .currency = "USD",
        .summary = summary_rows,
        .nsummary = sizeof summary_rows / sizeof summary_rows[0],
        .prev_week = "2026-W46",
    };
}

/* -------------------------------------------------------------- tests */

Test(minutes, summary_table_aligned_by_display_width)
{
    fp_minutes_input in = base_input();
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    cr_assert_not_null(s);
    assert_clean(s, FP_MINUTES_WIDTH);
    lines l = split(s);
    long head = find_line(&l, 0, "Node");
    /* header, rule, five rows */
    cr_assert_eq(assert_table_aligned(&l, head, 0), 7);
    cr_assert(starts_with(l.line[head + 2], "全部                USD   成交"),
              "%s", l.line[head + 2]);
    cr_assert(strstr(l.line[head + 4], "马来西亚 TikTok 店  MYR"));
    cr_assert(strstr(l.line[head + 4], "49,281*"), "override mark");
    cr_assert(strstr(l.line[head + 2], "152,301~"), "provisional mark");
    cr_assert(strstr(l.line[head + 6], "\xe2\x9c\x96 red"));
    /* the KPI column starts at the same display column on every row */
    int kpi_col = -1;
    for (size_t r = 0; r < 5; r++) {
        char *line = l.line[head + 2 + (long)r];
        char *at = strstr(line, summary_rows[r].kpi);
        cr_assert_not_null(at);
        char prefix[256];
        snprintf(prefix, sizeof prefix, "%.*s", (int)(at - line), line);
        if (kpi_col < 0)
            kpi_col = fp_text_width(prefix);
        cr_assert_eq(fp_text_width(prefix), kpi_col, "row %zu", r);
    }
    cr_assert_eq(kpi_col, 26, "node 18 columns, currency 4, two gaps");
    lines_free(&l);
    free(s);
}

Test(minutes, title_meeting_and_attendees)
{
    fp_minutes_input in = base_input();
    in.has_meeting = true;
    in.meeting_start = "2026-11-23 10:00";
    in.meeting_end = "2026-11-23 11:05";
    in.attendees = "陈静, 李娜, 王芳";
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    lines l = split(s);
    cr_assert_str_eq(l.line[0], "周会复盘 Weekly review 2026-W47 "
                                "(2026-11-16 – 2026-11-22)");
    cr_assert_eq(strspn(l.line[1], "="), strlen(l.line[1]));
    cr_assert_eq(fp_text_width(l.line[1]), fp_text_width(l.line[0]));
    cr_assert_str_eq(l.line[3], "Meeting: 2026-11-23 10:00 – 11:05");
    cr_assert_str_eq(l.line[4], "Attendees: 陈静, 李娜, 王芳");
    lines_free(&l);
    free(s);

    in.has_meeting = false;
    in.attendees = NULL;
    s = fp_minutes_render(&in, FP_MINUTES_MD);
    l = split(s);
    cr_assert_str_eq(l.line[0], "# 周会复盘 Weekly review 2026-W47 "
                                "(2026-11-16 – 2026-11-22)");
    cr_assert_str_eq(l.line[2], "- Meeting: not recorded");
    cr_assert_str_eq(l.line[3], "- Attendees: not recorded");
    lines_free(&l);
    free(s);
}

Test(minutes, empty_week_still_useful)
{
    fp_minutes_input in = base_input();
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    cr_assert_not_null(s);
    assert_clean(s, FP_MINUTES_WIDTH);
    cr_assert(strstr(s, "周会复盘 Weekly review 2026-W47"));
    cr_assert(strstr(s, "\nSummary\n-------\n"));
    cr_assert(strstr(s, "马来西亚 TikTok 店  MYR"));
    cr_assert(strstr(s, "Nothing is red or amber this week."));
    cr_assert(strstr(s, "No notes were recorded for this week."));
    cr_assert(strstr(s, "No figures were corrected by hand this week."));
    cr_assert(strstr(s, "No notes, so no causes."));
    cr_assert(strstr(s, "New this week (0)\n- none\n"));
    cr_assert(strstr(s, "No meeting recorded the figures of 2026-W46."));
    /* sections in the order of the minutes */
    const char *order[] = {"Summary", "Red and amber items", "Other notes",
                           "Overrides", "Cause summary", "Action items",
                           "Changed since last meeting"};
    const char *prev = s;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *at = strstr(prev, order[i]);
        cr_assert_not_null(at, "section %s missing or out of order",
                           order[i]);
        prev = at;
    }
    free(s);
}

Test(minutes, red_item_without_note_says_so)
{
    fp_minutes_input in = base_input();
    fp_minutes_item bare = {"泰国 TikTok 店 / 美妆", 3, item_rows, 1, NULL, 0};
    in.items = &bare;
    in.nitems = 1;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    cr_assert(strstr(s, "Red or amber, no note yet\n"));
    cr_assert(strstr(s, "- \xe2\x9c\x96 泰国 TikTok 店 / 美妆: \xe2\x9c\x96 "
                        "成交金额 GMV 60%\n"), "%s", s);
    cr_assert(strstr(s, "No notes were recorded for this week."));
    free(s);
}

Test(minutes, item_with_note_text)
{
    fp_minutes_input in = base_input();
    in.items = items;
    in.nitems = 1;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    assert_clean(s, FP_MINUTES_WIDTH);
    lines l = split(s);
    long sub = find_line(&l, 0, "\xe2\x9c\x96 泰国 TikTok 店 / 美妆");
    cr_assert_geq(sub, 0);
    cr_assert_eq(assert_table_aligned(&l, sub + 1, 2), 2);
    cr_assert(starts_with(l.line[sub + 1], "  Status  KPI"));
    cr_assert_str_eq(l.line[sub + 3],
                     "  - 缺货/供应链 Stockout / supply · 成交金额 GMV: "
                     "爆款玻尿酸精华断货, 11-17 补货到曼谷仓 — 王芳");
    cr_assert(strstr(s, "No other notes."));
    lines_free(&l);
    free(s);
}

/* Hostile note text: terminal escapes, every C0 byte, DEL, C1 CSI,
 * invalid bytes, and lines far longer than a screen. */
static char *hostile_text(void)
{
    size_t cap = 20000, n = 0;
    char *t = malloc(cap);
    n += (size_t)sprintf(t + n, "\x1b[2J\x1b]0;pwned\x07 red\x1b[0m ");
    for (int c = 1; c < 0x20; c++)
        t[n++] = (char)c;
    n += (size_t)sprintf(t + n, "\x7f \xc2\x9b" "31m \xff\xfe ");
    for (int i = 0; i < 600; i++) /* 1,200 columns without a space */
        n += (size_t)sprintf(t + n, "字");
    t[n++] = ' ';
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(t + n, "word%d ", i);
    t[n] = '\0';
    return t;
}

static fp_minutes_input hostile_input(fp_minutes_note *note,
                                      fp_minutes_item *item,
                                      fp_minutes_row *row,
                                      fp_minutes_override *ovr,
                                      fp_minutes_action *act,
                                      fp_minutes_cause *cause, char *text)
{
    fp_minutes_input in = base_input();
    *note = (fp_minutes_note){"GMV\x1b[1m", "stock|out\x1b", text,
                              "李\x1b[5m娜"};
    *row = (fp_minutes_row){"", "", "GMV|\x01", "1\x1b[2J", "2|", "50%", "—",
                            3, 0, "gmv"};
    *item = (fp_minutes_item){text, 3, row, 1, note, 1};
    *ovr = (fp_minutes_override){"店\x1b", "GMV", "1", "2", text, "x\n",
                                 "2026-11-23 10:00", "2026-11-23 11:00",
                                 "\x9b", text};
    *act = (fp_minutes_action){text, "王强\r", text, "2026-W48", "open", 1,
                               true};
    *cause = (fp_minutes_cause){text, 1};
    in.items = item;
    in.nitems = 1;
    in.others = item;
    in.nothers = 1;
    in.overrides = ovr;
    in.noverrides = 1;
    in.actions_new = act;
    in.nnew = 1;
    in.causes = cause;
    in.ncauses = 1;
    in.attendees = text;
    return in;
}

Test(minutes, hostile_text_stays_clean)
{
    fp_minutes_note note;
    fp_minutes_item item;
    fp_minutes_row row;
    fp_minutes_override ovr;
    fp_minutes_action act;
    fp_minutes_cause cause;
    char *text = hostile_text();
    fp_minutes_input in = hostile_input(&note, &item, &row, &ovr, &act,
                                        &cause, text);
    in.has_meeting = true;
    in.meeting_start = "2026-11-23\x1b[1m";
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    cr_assert_not_null(s);
    assert_clean(s, FP_MINUTES_WIDTH);
    /* wrapped, not cut: every 字 of the note appears (note, overrides,
     * actions and attendees repeat the text; the item heading too) */
    cr_assert_geq(count_of(s, "字"), 600 * 5);
    cr_assert(strstr(s, "word299"), "the tail of a long note is kept");
    free(s);

    s = fp_minutes_render(&in, FP_MINUTES_MD);
    cr_assert_not_null(s);
    assert_clean(s, 0);
    cr_assert(strstr(s, "stock\\|out\\\\x1b"), "| escaped in md: %s", s);
    cr_assert(strstr(s, "| GMV\\|\\\\x01 "), "| escaped in a md cell");
    free(s);
    free(text);
}

Test(minutes, long_words_wrap_at_word_boundaries)
{
    fp_minutes_input in = base_input();
    char text[2000] = "";
    for (int i = 0; i < 60; i++)
        strcat(text, "abcdefghij ");
    fp_minutes_note note = {NULL, "Other", text, "me"};
    fp_minutes_item item = {"Node", 1, NULL, 0, &note, 1};
    in.others = &item;
    in.nothers = 1;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    assert_clean(s, FP_MINUTES_WIDTH);
    lines l = split(s);
    long first = find_line(&l, 0, "  - Other: abcdefghij");
    cr_assert_geq(first, 0);
    /* "  - Other: " + 8 words (87 columns); a ninth would pass 100 */
    cr_assert_eq(count_of(l.line[first], "abcdefghij"), 8);
    cr_assert(strncmp(l.line[first + 1], "    abcdefghij", 14) == 0,
              "continuation indented under the text: '%s'",
              l.line[first + 1]);
    cr_assert_eq(count_of(l.line[first + 1], "abcdefghij"), 8);
    lines_free(&l);
    free(s);
}

Test(minutes, long_cells_are_cut_with_ellipsis)
{
    fp_minutes_input in = base_input();
    fp_minutes_row rows[] = {
        {"很长很长很长很长很长很长很长很长很长很长的店铺名字", "THB",
         "成交金额 GMV", "1", "2", "50%", "—", 3, 0, "gmv"},
    };
    in.summary = rows;
    in.nsummary = 1;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    assert_clean(s, FP_MINUTES_WIDTH);
    lines l = split(s);
    long head = find_line(&l, 0, "Node");
    cr_assert_eq(assert_table_aligned(&l, head, 0), 3);
    /* node column at most 24 columns: 11 CJK + "…" = 23, padded to 24 */
    cr_assert(starts_with(l.line[head + 2],
                          "很长很长很长很长很长很\xe2\x80\xa6   THB   成交"),
              "%s", l.line[head + 2]);
    lines_free(&l);
    free(s);
}

/* Data at the start of a Markdown list item cannot open a heading, a
 * quote, a nested list or a code block. */
Test(minutes, md_bullets_escape_line_starts)
{
    fp_minutes_input in = base_input();
    fp_minutes_action a[] = {
        {"# 标题", "王强", "", "2026-W48", "open", 0, false},
        {"12. 步骤", "王强", "", "2026-W48", "open", 0, false},
        {"> 引用", "王强", "", "2026-W48", "open", 0, false},
        {"      - 缩进", "王强", "", "2026-W48", "open", 0, false},
        {"*粗*_斜_ [链接](x) <b> `c`", "王强", "", "2026-W48", "open", 0,
         false},
    };
    in.actions_new = a;
    in.nnew = 5;
    char *s = fp_minutes_render(&in, FP_MINUTES_MD);
    cr_assert(strstr(s, "\n- \\# 标题 — 王强, due 2026-W48\n"), "%s", s);
    cr_assert(strstr(s, "\n- 12\\. 步骤 — "));
    cr_assert(strstr(s, "\n- \\> 引用 — "));
    cr_assert(strstr(s, "\n- \\- 缩进 — "));
    cr_assert(strstr(s, "\n- \\*粗\\*\\_斜\\_ \\[链接\\](x) \\<b> \\`c\\` — "));
    free(s);
}

Test(minutes, md_tables_have_separator_rows)
{
    fp_minutes_input in = base_input();
    fp_minutes_cause causes[] = {{"数据延迟 Data delay", 1},
                                 {"缺货/供应链 Stockout / supply", 2}};
    in.items = items;
    in.nitems = 1;
    in.causes = causes;
    in.ncauses = 2;
    char *s = fp_minutes_render(&in, FP_MINUTES_MD);
    assert_clean(s, 0);
    lines l = split(s);
    size_t tables = 0;
    for (size_t i = 0; i + 1 < l.n; i++) {
        if (l.line[i][0] != '|' || (i > 0 && l.line[i - 1][0] == '|'))
            continue;
        tables++;
        cr_assert_str_empty(l.line[i - 1], "blank line before a table");
        const char *sep = l.line[i + 1];
        cr_assert_eq(strspn(sep, "|-: "), strlen(sep), "separator: %s", sep);
        cr_assert(strstr(sep, "---"));
        cr_assert_eq(count_of(sep, "|"), count_of(l.line[i], "|"));
        for (size_t j = i + 2; j < l.n && l.line[j][0] == '|'; j++)
            cr_assert_eq(fp_text_width(l.line[j]), fp_text_width(l.line[i]),
                         "md rows padded alike");
    }
    cr_assert_eq(tables, 3, "summary, item and cause tables");
    cr_assert(strstr(s, "\n| Node "));
    cr_assert(strstr(s, "\n## Summary\n"));
    cr_assert(strstr(s, "\n### \xe2\x9c\x96 泰国 TikTok 店 / 美妆\n"));
    cr_assert(strstr(s, "\n- 缺货/供应链 Stockout / supply · 成交金额 GMV: "));
    lines_free(&l);
    free(s);
}

Test(minutes, causes_most_first_with_share)
{
    fp_minutes_input in = base_input();
    fp_minutes_cause causes[] = {{"A", 1}, {"B", 3}, {"C", 0}, {"D", 3},
                                 {"E", 1}};
    in.causes = causes;
    in.ncauses = 5;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    lines l = split(s);
    long head = find_line(&l, 0, "Cause  ");
    cr_assert_eq(assert_table_aligned(&l, head, 0), 6);
    cr_assert_str_eq(l.line[head], "Cause  Notes  Share");
    /* shares round half up: 3/8 = 37.5% -> 38%, 1/8 = 12.5% -> 13% */
    cr_assert_str_eq(l.line[head + 2], "B          3    38%");
    cr_assert_str_eq(l.line[head + 3], "D          3    38%");
    cr_assert_str_eq(l.line[head + 4], "A          1    13%");
    cr_assert_str_eq(l.line[head + 5], "E          1    13%");
    cr_assert_null(strstr(s, "\nC "), "a cause without notes is left out");
    lines_free(&l);
    free(s);
}

Test(minutes, overrides_actions_and_changes)
{
    fp_minutes_input in = base_input();
    fp_minutes_override ovr[] = {
        {"马来西亚 TikTok 店", "成交金额 GMV", "41,002 MYR", "49,281 MYR",
         "T+1 延迟", "李娜", "2026-11-23 10:02", NULL, NULL, NULL},
        {"马来西亚 TikTok 店", "订单数 Orders", "700", "829", "同上", "李娜",
         "2026-11-23 10:03", "2026-11-23 10:30", "陈静", "数据已同步"},
    };
    fp_minutes_action carried = {"设置止损", "王强", "泰国 TikTok 店 / 服饰",
                                 "2026-W46", "open", 2, true};
    fp_minutes_action done = {"空运精华", "王芳", "", "2026-W47", "done", 1,
                              false};
    fp_minutes_change ch = {"全部", "成交金额 GMV", "118,200", "124,950"};
    in.overrides = ovr;
    in.noverrides = 2;
    in.actions_carried = &carried;
    in.ncarried = 1;
    in.actions_done = &done;
    in.ndone = 1;
    in.has_snapshot = true;
    in.changes = &ch;
    in.nchanges = 1;
    char *s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    assert_clean(s, FP_MINUTES_WIDTH);
    cr_assert(strstr(s, "\n- 马来西亚 TikTok 店 · 成交金额 GMV: 41,002 MYR -> "
                        "49,281 MYR. Reason: T+1 延迟 (李娜, 2026-11-23\n"
                        "  10:02)\n"), "%s", s);
    cr_assert(strstr(s, "\n- [reverted] 马来西亚 TikTok 店 · 订单数 Orders: "
                        "700 -> 829. Reason: 同上 (李娜, 2026-11-23 10:03).\n"
                        "  Reverted 2026-11-23 10:30 by 陈静: 数据已同步\n"));
    cr_assert(strstr(s, "Carried over (1)\n- 设置止损 — 王强, due 2026-W46, "
                        "overdue, open 2 weeks · 泰国 TikTok 店 / 服饰\n"));
    cr_assert(strstr(s, "Done since last meeting (1)\n- 空运精华 — 王芳, due "
                        "2026-W47, done\n"));
    cr_assert(strstr(s, "Figures of 2026-W46 as shown in the meeting"));
    lines l = split(s);
    long head = find_line(&l, 0, "Node  ");
    head = find_line(&l, (size_t)head + 1, "Node  ");
    cr_assert_eq(assert_table_aligned(&l, head, 0), 3);
    cr_assert(strstr(l.line[head + 2], "118,200"));
    cr_assert(strstr(l.line[head + 2], "124,950"));
    lines_free(&l);
    free(s);

    in.nchanges = 0;
    s = fp_minutes_render(&in, FP_MINUTES_TEXT);
    cr_assert(strstr(s, "No changes: the figures of 2026-W46 stand as shown "
                        "in the meeting."));
    free(s);
}

/* ------------------------------------------- golden minutes (real binary) */

typedef fp_scratch scratch;

/* Runs `fupan minutes ... args` with a fixed day and plain locale; the
 * exit status, and stdout in *out (caller frees). */
static int run_minutes(const char *bin, const scratch *sc, const char *args,
                       char **out)
{
    char cmd[1024], path[160];
    snprintf(path, sizeof path, "%s/stdout", sc->dir);
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_CONFIG_HOME='%s' FUPAN_TODAY=2026-11-23 "
             "LC_ALL=C.UTF-8 LANGUAGE= '%s' minutes --db '%s' %s "
             ">'%s' 2>/dev/null",
             sc->dir, sc->dir, bin, sc->db, args, path);
    int rc = system(cmd);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    *out = strdup(buf);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strdup(buf);
}

/* Compares line by line so that a failure names the first difference.
 * FUPAN_GOLDEN_UPDATE=1 rewrites the golden file first. (`fupan init
 * --sample` pins the sample meeting's clock, so the file is stable.) */
static void assert_golden(const char *got, const char *golden_path)
{
    char *g = strdup(got);
    if (getenv("FUPAN_GOLDEN_UPDATE")) {
        FILE *f = fopen(golden_path, "w");
        cr_assert_not_null(f, "cannot write %s", golden_path);
        fputs(g, f);
        fclose(f);
    }
    char *want = read_file(golden_path);
    cr_assert_not_null(want, "%s is missing (run from the source tree)",
                       golden_path);
    lines lg = split(g), lw = split(want);
    for (size_t i = 0; i < lg.n && i < lw.n; i++)
        cr_assert_str_eq(lg.line[i], lw.line[i],
                         "%s line %zu differs:\n got: %s\nwant: %s",
                         golden_path, i + 1, lg.line[i], lw.line[i]);
    cr_assert_eq(lg.n, lw.n, "%s: %zu lines, fupan printed %zu", golden_path,
                 lw.n, lg.n);
    cr_assert_str_eq(g, want);
    lines_free(&lg);
    lines_free(&lw);
    free(g);
    free(want);
}

Test(minutes, golden_sample_w47, .timeout = 60)
{
    scratch sc;
    fp_scratch_sample(&sc, "minutes", NULL);
    const char *bin = sc.bin;
    char *text, *md;
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W47", &text), 0);
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W47 --format md", &md),
                 0);
    assert_clean(text, FP_MINUTES_WIDTH);
    assert_clean(md, 0);
    assert_golden(text, "tests/golden/minutes-W47.txt");
    assert_golden(md, "tests/golden/minutes-W47.md");
    free(text);
    free(md);
    fp_scratch_remove(&sc);
}

Test(minutes, cli_output_file_and_errors, .timeout = 60)
{
    scratch sc;
    fp_scratch_sample(&sc, "minutes", NULL);
    const char *bin = sc.bin;
    char *out, *stdout_text, path[160];
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W47", &stdout_text), 0);
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W47 -o minutes.txt",
                             &out), 0);
    cr_assert_str_empty(out, "nothing on stdout with -o");
    free(out);
    snprintf(path, sizeof path, "%s/minutes.txt", sc.dir);
    out = read_file(path);
    cr_assert_not_null(out);
    cr_assert_str_eq(out, stdout_text);
    free(out);
    free(stdout_text);
    cr_assert_eq(run_minutes(bin, &sc, "--week 2030-W01", &out), 3,
                 "a week without data is rejected input");
    free(out);
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W99", &out), 3);
    free(out);
    cr_assert_eq(run_minutes(bin, &sc, "--week 2026-W47 --format pdf", &out),
                 2);
    free(out);
    cr_assert_eq(run_minutes(bin, &sc, "", &out), 2, "--week is required");
    free(out);
    cr_assert_eq(run_minutes(bin, &sc, "--help", &out), 0);
    cr_assert(strstr(out, "usage: fupan minutes"));
    free(out);
    fp_scratch_remove(&sc);
}

/* fp_minutes_build in process on the sample database, after a meeting
 * of last week recorded figures and this week's meeting got a note. */
static fp_review *open_sample(const scratch *sc)
{
    char err[512];
    setenv("XDG_CONFIG_HOME", sc->dir, 1);
    fp_review_opts opts = {sc->db, NULL, false,
                           fp_days_from_civil(2026, 11, 23)};
    fp_review *rv = fp_review_open(&opts, err, sizeof err);
    cr_assert_not_null(rv, "%s", err);
    return rv;
}

static double cell_value(fp_review *rv, fp_week week, int node, int kpi)
{
    const fp_rollup *r = fp_review_week(rv, week);
    cr_assert_not_null(r);
    return fp_rollup_cell(r, node, kpi)->value;
}

/* Last week's meeting showed tts-my's GMV as 1 (since corrected) and its
 * ROAS as it still is. */
static void record_last_meeting(fp_review *rv, int node)
{
    fp_db *db = fp_review_db(rv);
    const fp_catalogue *cat = fp_review_catalogue(rv);
    long long db_id = fp_review_tree(rv)->nodes[node].db_id;
    double roas = cell_value(rv, 202646, node, fp_catalogue_kpi(cat, "roas"));
    fp_snapshot_row rows[] = {{202646, db_id, "gmv", 1.0},
                              {202646, db_id, "roas", roas}};
    /* start from no meetings: the sample data brings its own */
    cr_assert_eq(sqlite3_exec(db->sql, "DELETE FROM meeting_snapshots;"
                              " DELETE FROM meetings", NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db->sql));
    long long m46 = fp_meeting_start(db, 202646, "陈静");
    cr_assert_gt(m46, 0, "%s", db->err);
    cr_assert(fp_meeting_snapshot(db, m46, rows, 2), "%s", db->err);
    cr_assert(fp_meeting_stop(db, m46), "%s", db->err);
}

Test(minutes, build_from_database, .timeout = 60)
{
    scratch sc;
    fp_scratch_sample(&sc, "minutes", NULL);
    fp_review *rv = open_sample(&sc);
    fp_db *db = fp_review_db(rv);
    int my = fp_tree_find_path(fp_review_tree(rv), "tts-my");
    cr_assert_geq(my, 0);
    record_last_meeting(rv, my);
    long long m47 = fp_meeting_start(db, 202647, "陈静");
    cr_assert(fp_meeting_set_attendees(db, m47, "陈静, 李娜"));
    /* this week's meeting also recorded last week's figures: not "then" */
    fp_snapshot_row now_rows[] = {
        {202646, fp_review_tree(rv)->nodes[my].db_id, "gmv", 2.0}};
    cr_assert(fp_meeting_snapshot(db, m47, now_rows, 1));
    cr_assert_gt(fp_note_add(db, 202647, fp_review_tree(rv)->nodes[my].db_id,
                             "cvr", "pricing",
                             "\x1b[31m降价\x1b[0m\ttest\x7f", "陈静"), 0);
    fp_review_refresh(rv, true);

    char err[256];
    char *s = fp_minutes_build(rv, 202647, 0, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    assert_clean(s, FP_MINUTES_WIDTH);
    cr_assert(strstr(s, "\nAttendees: 陈静, 李娜\n"));
    cr_assert_null(strstr(s, "Meeting: not recorded"));
    cr_assert(strstr(s, "(not ended)"), "the W47 meeting is still running");
    cr_assert(strstr(s, "Figures of 2026-W46 as shown in the meeting"), "%s",
              s);
    lines l = split(s);
    long head = find_line(&l, (size_t)find_line(&l, 0, "Changed since"),
                          "Node  ");
    cr_assert_eq(assert_table_aligned(&l, head, 0), 3, "only GMV changed");
    cr_assert(starts_with(l.line[head + 2], "马来西亚 TikTok 店  GMV 成交金额"));
    cr_assert(strstr(l.line[head + 2], "  1 MYR  "), "%s", l.line[head + 2]);
    lines_free(&l);
    cr_assert(strstr(s, "Pricing / promotion 价格/促销 · Conversion rate 转化率"
                        ": \\x1b[31m降价\\x1b[0m test\\x7f — 陈静"), "%s", s);
    free(s);

    /* without the baht's rate the company cannot add up its money */
    cr_assert_eq(sqlite3_exec(db->sql, "DELETE FROM fx_rates WHERE week = "
                              "202647 AND currency = 'THB'", NULL, NULL,
                              NULL), SQLITE_OK);
    fp_review_refresh(rv, true);
    s = fp_minutes_build(rv, 202647, 0, err, sizeof err);
    cr_assert_not_null(s, "%s", err);
    cr_assert(strstr(s, "\n全部                USD   GMV 成交金额            no rate"
                        "        —     —  · none        —\n"), "%s", s);
    cr_assert_null(strstr(s, "—~"), "no provisional mark without a value");
    free(s);

    s = fp_minutes_build(rv, 203001, 1, err, sizeof err);
    cr_assert_null(s);
    cr_assert_str_eq(err, "no data for 2030-W01");
    fp_review_close(rv);
    fp_scratch_remove(&sc);
}

/* ---------------------------------------------------- chat and platforms */

Test(minutes, golden_sample_w47_chat, .timeout = 60)
{
    scratch sc;
    fp_scratch_sample(&sc, "minutes", NULL);
    char *chat;
    cr_assert_eq(run_minutes(sc.bin, &sc, "--week 2026-W47 --format chat",
                             &chat), 0);
    lines l = split(chat);
    cr_assert_leq(l.n, 40, "the chat minutes are %zu lines", l.n);
    for (size_t i = 0; i < l.n; i++) {
        cr_assert(l.line[i][0] != ' ', "line %zu is indented", i + 1);
        cr_assert_null(strstr(l.line[i], "  "), "line %zu pads: %s", i + 1,
                       l.line[i]);
        cr_assert_null(strchr(l.line[i], '|'), "a table: %s", l.line[i]);
    }
    /* each red note on one line, whole */
    cr_assert_eq(count_of(chat, "开头钩子重复使用,需要换本地达人口播开头。 (陈静)"),
                 1);
    lines_free(&l);
    assert_golden(chat, "tests/golden/minutes-W47.chat.txt");
    free(chat);
    fp_scratch_remove(&sc);
}

Test(minutes, chat_headline_reds_and_counts)
{
    fp_minutes_input in = base_input();
    static const fp_minutes_item silent[] = {
        {"菲律宾 Shopee 店", 3, item_rows, 1, NULL, 0},
        {"马来西亚 TikTok 店", 2, item_rows, 1, NULL, 0},
    };
    fp_minutes_item all[3] = {items[0], silent[0], silent[1]};
    in.items = all;
    in.nitems = 3;
    char *s = fp_minutes_render(&in, FP_MINUTES_CHAT);
    cr_assert_not_null(s);
    cr_assert_not_null(strstr(s, "全部 成交金额 GMV USD 152,301 vs target 160,000 "
                                 "(95%), week on week +1.2%. 2 red, 1 amber."),
                       "%s", s);
    cr_assert_not_null(strstr(s, "\xe2\x80\xa2 \xe2\x9c\x96 泰国 TikTok 店 / 美妆 · "
                                 "成交金额 GMV 12,000 vs 20,000 (60%): "
                                 "缺货/供应链 Stockout / supply — 爆款玻尿酸精华"
                                 "断货, 11-17 补货到曼谷仓 (王芳)\n"), "%s", s);
    cr_assert_not_null(strstr(s, "1 more red item has no note yet."), "%s", s);
    free(s);
}

/* Bytes of the JSON string that starts after key in body ("\n" is one). */
static size_t json_string_bytes(const char *body, const char *key)
{
    const char *p = strstr(body, key);
    cr_assert_not_null(p, "no %s in %s", key, body);
    size_t n = 0;
    for (p += strlen(key); *p && *p != '"'; p++, n++)
        if (*p == '\\')
            p += p[1] == 'u' ? 5 : 1;
    return n;
}

Test(minutes, platform_messages_split_numbered_never_cut)
{
    /* 60 red nodes with a note each: too much for one WeCom message */
    enum { N = 60 };
    static fp_minutes_note notes[N];
    static char text[N][200];
    static fp_minutes_item its[N];
    for (size_t i = 0; i < N; i++) {
        snprintf(text[i], sizeof text[i], "note-%02zu 爆款断货,补货到曼谷仓,"
                 "本周逐步恢复,达成率仍偏低。", i);
        notes[i] = (fp_minutes_note){"成交金额 GMV", "缺货", text[i], "王芳"};
        its[i] = (fp_minutes_item){"泰国 TikTok 店", 3, item_rows, 1,
                                   &notes[i], 1};
    }
    fp_minutes_input in = base_input();
    in.items = its;
    in.nitems = N;
    size_t n = 0;
    char **msgs = fp_minutes_platform(&in, FP_CHAT_WECOM, 0, &n);
    cr_assert_not_null(msgs);
    cr_assert_gt(n, 1, "one message of %zu bytes", strlen(msgs[0]));
    for (size_t i = 0; i < n; i++) {
        char num[64];
        snprintf(num, sizeof num, "(%zu/%zu)", i + 1, n);
        cr_assert_not_null(strstr(msgs[i], num), "%s", msgs[i]);
        cr_assert_leq(json_string_bytes(msgs[i], "\"content\":\""), 4096);
    }
    for (size_t k = 0; k < N; k++) {
        char tag[16];
        size_t seen = 0;
        snprintf(tag, sizeof tag, "note-%02zu ", k);
        for (size_t i = 0; i < n; i++)
            seen += count_of(msgs[i], tag);
        cr_assert_eq(seen, 1, "%s shown %zu times", tag, seen);
    }
    fp_chat_messages_free(msgs);
}

Test(minutes, platform_long_note_continues_in_the_next_message)
{
    static char longtext[6001];
    for (int i = 0; i < 2000; i++)
        memcpy(longtext + 3 * i, "长", 3);
    fp_minutes_note note = {"成交金额 GMV", "缺货", longtext, "王芳"};
    fp_minutes_item item = {"泰国 TikTok 店", 3, item_rows, 1, &note, 1};
    fp_minutes_input in = base_input();
    in.items = &item;
    in.nitems = 1;
    for (int p = 0; p < FP_CHAT_NPLATFORMS; p++) {
        size_t n = 0, seen = 0;
        char **msgs = fp_minutes_platform(&in, (fp_chat_platform)p, 2000, &n);
        cr_assert_not_null(msgs);
        cr_assert_gt(n, 1);
        for (size_t i = 0; i < n; i++) {
            cr_assert_leq(p == FP_CHAT_FEISHU ? strlen(msgs[i])
                          : json_string_bytes(msgs[i], p == FP_CHAT_WECOM
                                              ? "\"content\":\""
                                              : "\"text\":\""), 2000);
            seen += count_of(msgs[i], "长");
        }
        cr_assert_eq(seen, 2000, "%s: %zu of 2000 characters sent",
                     fp_chat_platform_name((fp_chat_platform)p), seen);
        fp_chat_messages_free(msgs);
    }
}

/* Chat messages escape Markdown by the minutes' one rule: an action
 * "12. 步骤" cannot start a numbered list there either (the JSON doubles
 * each backslash). */
Test(minutes, chat_markdown_escapes_like_the_minutes)
{
    fp_minutes_input in = base_input();
    fp_minutes_action a[] = {
        {"12. 步骤", "王强", "", "2026-W48", "open", 0, false},
        {"# 标题 <b>", "王强", "", "2026-W48", "open", 0, false},
    };
    in.actions_new = a;
    in.nnew = 2;
    size_t n = 0;
    char **msgs = fp_minutes_platform(&in, FP_CHAT_WECOM, 0, &n);
    cr_assert_not_null(msgs);
    cr_assert_eq(n, 1);
    cr_assert(strstr(msgs[0], "12\\\\. 步骤"), "%s", msgs[0]);
    cr_assert(strstr(msgs[0], "\\\\# 标题 \\\\<b>"), "%s", msgs[0]);
    fp_chat_messages_free(msgs);
}
