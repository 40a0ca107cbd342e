/* The editing buffer of the note editor (insert, delete, moves, wrap by
 * display width) and the picker's filterable list. No curses. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/edbuf.h"
#include "tui/keymap.h"
#include "tui/picklist.h"

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

static void assert_text(const fp_edbuf *b, const char *want)
{
    char *got = fp_edbuf_text(b);
    cr_assert_not_null(got);
    cr_assert_str_eq(got, want);
    free(got);
}

static void assert_line(const fp_edlayout *L, const fp_edbuf *b, size_t i,
                        const char *want)
{
    char buf[256];
    fp_edlayout_line(L, b, i, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "line %zu", i);
}

static void assert_cursor(const fp_edlayout *L, const fp_edbuf *b, int row,
                          int col)
{
    int r, c;
    fp_edlayout_cursor(L, b, &r, &c);
    cr_assert_eq(r, row, "row %d, want %d", r, row);
    cr_assert_eq(c, col, "col %d, want %d", c, col);
}

TestSuite(editor, .init = setup);

Test(editor, typing_chinese_and_backspace)
{
    fp_edbuf b;
    fp_edbuf_init(&b, true, 0);
    cr_assert_eq(fp_edbuf_insert_utf8(&b, "缺货abc"), 5);
    assert_text(&b, "缺货abc");
    cr_assert_eq(b.cur, 5);
    cr_assert(fp_edbuf_backspace(&b));
    fp_edbuf_left(&b);
    fp_edbuf_left(&b);
    fp_edbuf_left(&b); /* between 缺 and 货 */
    cr_assert_eq(b.cur, 1);
    fp_edbuf_insert_utf8(&b, "了");
    assert_text(&b, "缺了货ab");
    cr_assert(fp_edbuf_delete(&b)); /* 货 */
    assert_text(&b, "缺了ab");
    fp_edbuf_home(&b);
    cr_assert_not(fp_edbuf_backspace(&b));
    fp_edbuf_end(&b);
    cr_assert_not(fp_edbuf_delete(&b));
    cr_assert_not(fp_edbuf_right(&b));
    fp_edbuf_done(&b);
}

Test(editor, control_characters_are_refused)
{
    fp_edbuf b;
    fp_edbuf_init(&b, false, 0);
    cr_assert_not(fp_edbuf_insert(&b, 27));
    cr_assert_not(fp_edbuf_insert(&b, 0x9b)); /* C1 CSI */
    cr_assert_not(fp_edbuf_insert(&b, 0x7f));
    cr_assert(fp_edbuf_insert(&b, '\t'));
    cr_assert(fp_edbuf_insert(&b, '\n')); /* one line: a space */
    fp_edbuf_insert_utf8(&b, "a\x1b[31mb");
    assert_text(&b, "  a[31mb");
    fp_edbuf_set(&b, "x\xff" "y");
    assert_text(&b, "x\xef\xbf\xbdy"); /* invalid byte: U+FFFD */
    fp_edbuf_done(&b);
}

Test(editor, newlines_and_line_keys)
{
    fp_edbuf b;
    fp_edbuf_init(&b, true, 0);
    fp_edbuf_set(&b, "第一行\r\n第二行 more");
    assert_text(&b, "第一行\n第二行 more");
    fp_edbuf_home(&b);
    cr_assert_eq(b.cur, 4);
    fp_edbuf_right(&b);
    fp_edbuf_right(&b);
    cr_assert_eq(fp_edbuf_kill_before(&b), 2); /* C-u: 第二 */
    assert_text(&b, "第一行\n行 more");
    cr_assert_eq(fp_edbuf_kill_after(&b), 6);  /* C-k: the rest */
    assert_text(&b, "第一行\n");
    fp_edbuf_left(&b); /* at the end of line one */
    cr_assert_eq(fp_edbuf_kill_after(&b), 1); /* joins: the newline */
    assert_text(&b, "第一行");
    fp_edbuf_done(&b);
}

Test(editor, limit_and_blank)
{
    fp_edbuf b;
    fp_edbuf_init(&b, false, 3);
    cr_assert_eq(fp_edbuf_insert_utf8(&b, "abcdef"), 3);
    assert_text(&b, "abc");
    fp_edbuf_set(&b, " \xe3\x80\x80 "); /* spaces and U+3000 */
    cr_assert(fp_edbuf_blank(&b));
    cr_assert_not(fp_edbuf_insert(&b, 'x'), "past the limit");
    fp_edbuf_backspace(&b);
    cr_assert(fp_edbuf_insert(&b, 'x'));
    cr_assert_not(fp_edbuf_blank(&b));
    unsigned before = b.changes;
    fp_edbuf_left(&b);
    cr_assert_eq(b.changes, before, "a move is not a change");
    fp_edbuf_done(&b);
}

Test(editor, wraps_chinese_without_splitting)
{
    fp_edbuf b;
    fp_edlayout L;
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    fp_edbuf_set(&b, "直播间流量下降三成");  /* 9 characters, 18 columns */
    cr_assert(fp_edlayout_build(&L, &b, 7)); /* 3 per line, 1 column spare */
    cr_assert_eq(L.n, 3);
    assert_line(&L, &b, 0, "直播间");
    assert_line(&L, &b, 1, "流量下");
    assert_line(&L, &b, 2, "降三成");
    cr_assert_eq(L.v[0].width, 6);
    assert_cursor(&L, &b, 2, 6);
    fp_edbuf_set(&b, "ab直播");           /* 2 + 2 + 2 columns */
    fp_edlayout_build(&L, &b, 5);
    assert_line(&L, &b, 0, "ab直");
    assert_line(&L, &b, 1, "播");
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

Test(editor, wraps_words_at_spaces)
{
    fp_edbuf b;
    fp_edlayout L;
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    fp_edbuf_set(&b, "ROAS fell after the ad budget cut");
    fp_edlayout_build(&L, &b, 10);
    assert_line(&L, &b, 0, "ROAS fell ");
    assert_line(&L, &b, 1, "after the ");
    assert_line(&L, &b, 2, "ad budget ");
    assert_line(&L, &b, 3, "cut");
    fp_edbuf_set(&b, "abcdefghijkl"); /* no space: cut between letters */
    fp_edlayout_build(&L, &b, 5);
    assert_line(&L, &b, 0, "abcde");
    assert_line(&L, &b, 2, "kl");
    fp_edbuf_set(&b, "");
    fp_edlayout_build(&L, &b, 5);
    cr_assert_eq(L.n, 1);
    assert_cursor(&L, &b, 0, 0);
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

Test(editor, cursor_at_a_soft_break_goes_to_the_next_line)
{
    fp_edbuf b;
    fp_edlayout L;
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    fp_edbuf_set(&b, "abcdefgh\nxy");
    fp_edlayout_build(&L, &b, 4);
    cr_assert_eq(L.n, 3); /* abcd | efgh | xy */
    b.cur = 4;
    assert_cursor(&L, &b, 1, 0);
    b.cur = 8;            /* end of the logical line: stays on its line */
    assert_cursor(&L, &b, 1, 4);
    b.cur = 11;
    assert_cursor(&L, &b, 2, 2);
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

Test(editor, up_and_down_keep_the_column)
{
    fp_edbuf b;
    fp_edlayout L;
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    fp_edbuf_set(&b, "abcdef\n直播间\nxyz12345");
    fp_edlayout_build(&L, &b, 20);
    b.cur = 5;                       /* abcde|f, column 5 */
    cr_assert(fp_edbuf_vmove(&b, &L, 1));
    assert_cursor(&L, &b, 1, 4);     /* 直播|间: column 4, not inside 间 */
    cr_assert(fp_edbuf_vmove(&b, &L, 1));
    assert_cursor(&L, &b, 2, 5);     /* the goal column comes back */
    cr_assert_not(fp_edbuf_vmove(&b, &L, 1));
    cr_assert(fp_edbuf_vmove(&b, &L, -2));
    assert_cursor(&L, &b, 0, 5);
    fp_edbuf_set(&b, "abcdefgh");    /* soft-wrapped lines */
    fp_edlayout_build(&L, &b, 4);
    b.cur = 7;
    cr_assert(fp_edbuf_vmove(&b, &L, -1));
    cr_assert_eq(b.cur, 3, "stays on the upper line, not after it");
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

Test(editor, a_long_paste_goes_in_whole)
{
    fp_edbuf b;
    fp_edlayout L;
    fp_edbuf_init(&b, true, 0);
    fp_edlayout_init(&L);
    for (int i = 0; i < 2000; i++)
        cr_assert(fp_edbuf_insert(&b, i % 50 == 49 ? L'\n' : 0x4e00 + i % 40));
    cr_assert_eq(b.len, 2000);
    fp_edlayout_build(&L, &b, 41); /* 20 characters a line */
    cr_assert_eq(L.n, 121);  /* 40 lines of 49 -> 3 screen lines each, +1 */
    for (size_t i = 0; i < L.n; i++)
        cr_assert_leq(L.v[i].width, 41);
    char *t = fp_edbuf_text(&b);
    cr_assert_eq(strlen(t), 1960 * 3 + 40); /* 3 bytes per CJK char */
    free(t);
    fp_edlayout_done(&L);
    fp_edbuf_done(&b);
}

/* ------------------------------------------------------------- picker */

static void causes(fp_picklist *p)
{
    cr_assert(fp_picklist_add(p, "stockout", "缺货/供应链", "Stockout"));
    cr_assert(fp_picklist_add(p, "pricing", "价格/促销", "Pricing"));
    cr_assert(fp_picklist_add(p, "traffic_algorithm", "流量/算法变化",
                              "Traffic or algorithm"));
    cr_assert(fp_picklist_add(p, "logistics", "物流", "Logistics"));
}

TestSuite(picklist);

Test(picklist, filters_by_substring_in_any_script)
{
    fp_picklist p;
    fp_picklist_init(&p, false);
    causes(&p);
    cr_assert_eq(p.nshown, 4);
    fp_picklist_set_filter(&p, "流");
    cr_assert_eq(p.nshown, 2); /* 流量 and 物流 */
    cr_assert_str_eq(fp_picklist_current(&p)->key, "traffic_algorithm");
    fp_picklist_set_filter(&p, "ALGO");
    cr_assert_eq(p.nshown, 1);
    fp_picklist_set_filter(&p, "in pric");  /* every word must match */
    cr_assert_eq(p.nshown, 1);
    cr_assert_str_eq(fp_picklist_current(&p)->key, "pricing");
    fp_picklist_set_filter(&p, "nothing");
    cr_assert_eq(p.nshown, 0);
    cr_assert_null(fp_picklist_current(&p));
    fp_picklist_done(&p);
}

Test(picklist, typing_and_erasing_the_filter)
{
    fp_picklist p;
    fp_picklist_init(&p, false);
    causes(&p);
    fp_picklist_move(&p, 3);
    cr_assert_str_eq(fp_picklist_current(&p)->key, "logistics");
    cr_assert(fp_picklist_type(&p, "物"));
    cr_assert_eq(p.nshown, 1);
    cr_assert_str_eq(p.filter, "物");
    cr_assert(fp_picklist_erase(&p)); /* a whole character goes */
    cr_assert_str_eq(p.filter, "");
    cr_assert_eq(p.nshown, 4);
    cr_assert_str_eq(fp_picklist_current(&p)->key, "logistics",
                     "the cursor stays on its item");
    cr_assert_not(fp_picklist_erase(&p));
    fp_picklist_move(&p, -10);
    cr_assert_str_eq(fp_picklist_current(&p)->key, "stockout");
    fp_picklist_move(&p, 10);
    cr_assert_str_eq(fp_picklist_current(&p)->key, "logistics");
    cr_assert(fp_picklist_select_key(&p, "pricing"));
    cr_assert_eq(p.sel, 1);
    cr_assert_not(fp_picklist_select_key(&p, "nope"));
    fp_picklist_done(&p);
}

Test(picklist, multi_select_marks)
{
    fp_picklist p;
    fp_picklist_init(&p, true);
    cr_assert(fp_picklist_add(&p, "zhangwei", "张伟", "host"));
    cr_assert(fp_picklist_add(&p, "lina", "李娜", "ad_buyer"));
    cr_assert(fp_picklist_add(&p, "wangfang", "王芳", "editor"));
    char *keys = fp_picklist_marked_keys(&p, ",");
    cr_assert_str_eq(keys, "");
    free(keys);
    fp_picklist_set_filter(&p, "王");
    cr_assert(fp_picklist_toggle(&p));
    fp_picklist_set_filter(&p, "");
    cr_assert(fp_picklist_toggle(&p)); /* the cursor stayed on 王芳: unmark */
    cr_assert(fp_picklist_toggle(&p));
    fp_picklist_move(&p, -2);
    cr_assert(fp_picklist_toggle(&p));
    cr_assert(fp_picklist_mark_key(&p, "lina"));
    cr_assert_eq(fp_picklist_nmarked(&p), 3);
    keys = fp_picklist_marked_keys(&p, ", ");
    cr_assert_str_eq(keys, "zhangwei, lina, wangfang");
    free(keys);
    fp_picklist_done(&p);
}

/* ------------------------------------------ keys the editor relies on */

TestSuite(editor_keys);

Test(editor_keys, ctrl_j_alt_and_paste_have_names)
{
    fp_key k;
    char name[48];
    cr_assert(fp_key_parse("<C-j>", &k));
    cr_assert_eq(k, FP_KEY_CTRL_J);
    cr_assert_neq(k, '\n', "Ctrl-J is not Enter");
    cr_assert(fp_key_parse("<M-Enter>", &k));
    cr_assert_eq(k, FP_KEY_ALT | '\n');
    fp_key_name(k, name, sizeof name);
    cr_assert_str_eq(name, "<M-Enter>");
    cr_assert(fp_key_parse("M-x", &k));
    cr_assert_eq(k, FP_KEY_ALT | 'x');
    cr_assert(fp_key_parse("<PasteStart>", &k));
    cr_assert_eq(k, FP_KEY_PASTE_START);
    cr_assert(fp_key_parse("PasteEnd", &k));
    cr_assert_eq(k, FP_KEY_PASTE_END);
    cr_assert_not(fp_key_parse("<M->", &k));
    char utf8[8];
    cr_assert_eq(fp_key_to_utf8(FP_KEY_ALT | 'x', utf8), 0,
                 "an Alt key types nothing");
}

Test(editor_keys, enter_and_lf_differ_from_the_terminal)
{
    /* nonl(): the Enter key sends CR; a bare LF is Ctrl-J */
    cr_assert_eq(fp_key_from_input(0, '\r'), '\n');
    cr_assert_eq(fp_key_from_input(0, '\n'), FP_KEY_CTRL_J);
}
