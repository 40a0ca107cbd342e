/* One cursor and scroll model for every list (tui/listmove.h). */
#include <criterion/criterion.h>

#include "tui/listmove.h"

Test(list_move, steps_and_pages_stay_inside_the_list)
{
    int sel = 0;
    cr_assert(fp_list_move(&sel, 10, 4, FP_ACT_MOVE_UP));
    cr_assert_eq(sel, 0);                      /* not above the first */
    fp_list_move(&sel, 10, 4, FP_ACT_MOVE_DOWN);
    cr_assert_eq(sel, 1);
    fp_list_move(&sel, 10, 4, FP_ACT_PAGE_DOWN);
    cr_assert_eq(sel, 4);                      /* page - 1: one row stays */
    fp_list_move(&sel, 10, 4, FP_ACT_PAGE_DOWN);
    fp_list_move(&sel, 10, 4, FP_ACT_PAGE_DOWN);
    cr_assert_eq(sel, 9);                      /* not below the last */
    fp_list_move(&sel, 10, 4, FP_ACT_PAGE_UP);
    cr_assert_eq(sel, 6);
    fp_list_move(&sel, 10, 4, FP_ACT_FIRST);
    cr_assert_eq(sel, 0);
    fp_list_move(&sel, 10, 4, FP_ACT_LAST);
    cr_assert_eq(sel, 9);
    fp_list_move(&sel, 10, 1, FP_ACT_PAGE_UP); /* a page of one row */
    cr_assert_eq(sel, 8);
}

Test(list_move, other_actions_are_not_movements)
{
    int sel = 3;
    cr_assert_not(fp_list_move(&sel, 10, 4, FP_ACT_ANNOTATE));
    cr_assert_eq(sel, 3);
}

Test(list_move, an_empty_list_keeps_the_cursor_at_zero)
{
    int sel = 5;
    fp_list_move(&sel, 0, 4, FP_ACT_LAST);
    cr_assert_eq(sel, 0);
    fp_list_move(&sel, 0, 4, FP_ACT_MOVE_DOWN);
    cr_assert_eq(sel, 0);
}

Test(list_move, the_wheel_and_a_shrunk_list)
{
    int sel = 2;
    fp_list_step(&sel, 10, 3);
    cr_assert_eq(sel, 5);
    fp_list_step(&sel, 10, -30);
    cr_assert_eq(sel, 0);
    sel = 9;
    fp_list_clamp(&sel, 4);                    /* the list lost rows */
    cr_assert_eq(sel, 3);
}

Test(list_move, scrolling_keeps_the_cursor_in_view)
{
    int scroll = 0;
    fp_list_scroll_to(7, 20, 5, &scroll);
    cr_assert_eq(scroll, 3);                   /* 7 is the last row shown */
    fp_list_scroll_to(1, 20, 5, &scroll);
    cr_assert_eq(scroll, 1);                   /* 1 is the first */
    scroll = 18;
    fp_list_scroll_to(19, 20, 5, &scroll);
    cr_assert_eq(scroll, 15);                  /* no empty rows at the end */
    fp_list_scroll_to(2, 3, 5, &scroll);
    cr_assert_eq(scroll, 0);                   /* all rows fit */
    scroll = 4;
    fp_list_scroll_to(4, 20, 0, &scroll);
    cr_assert_eq(scroll, 4);                   /* nothing shown: unchanged */
}

Test(list_move, a_click_finds_the_row_under_it)
{
    /* rows drawn from line 3 on 4 lines, scrolled by 10, 12 rows */
    cr_assert_eq(fp_list_row_at(3, 3, 4, 10, 12), 10);
    cr_assert_eq(fp_list_row_at(4, 3, 4, 10, 12), 11);
    cr_assert_eq(fp_list_row_at(5, 3, 4, 10, 12), -1); /* past the end */
    cr_assert_eq(fp_list_row_at(2, 3, 4, 10, 12), -1); /* above */
    cr_assert_eq(fp_list_row_at(7, 3, 4, 0, 12), -1);  /* below the window */
}
