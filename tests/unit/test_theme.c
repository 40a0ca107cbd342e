/* Themes on a projector: the WCAG 2 contrast ratio of every status cell,
 * computed from the colour pairs the theme gives curses and the RGB
 * values of the xterm-256 palette, at least 4.5:1 (WCAG AA), on the
 * cursor row too. */
#include <criterion/criterion.h>
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

#define AA 4.5

/* The terminal's own colours where a pair says -1 (default): the default
 * theme is made for the usual dark terminal, light grey on black. */
#define TERM_FG 7
#define TERM_BG 0

/* xterm's palette: 16 system colours, the 6x6x6 cube, 24 greys. */
static void xterm_rgb(int c, int rgb[3])
{
    static const int sys[16][3] = {
        {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0},
        {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0},
        {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
    };
    static const int level[6] = { 0, 95, 135, 175, 215, 255 };
    if (c < 16) {
        memcpy(rgb, sys[c], sizeof sys[c]);
    } else if (c < 232) {
        c -= 16;
        rgb[0] = level[c / 36], rgb[1] = level[c / 6 % 6], rgb[2] = level[c % 6];
    } else {
        rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
    }
}

static double channel(int v)
{
    double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(int c)
{
    int rgb[3];
    xterm_rgb(c, rgb);
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1])
           + 0.0722 * channel(rgb[2]);
}

static double ratio(int fg, int bg)
{
    double a = luminance(fg), b = luminance(bg);
    return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

Test(contrast, formula_matches_wcag)
{
    cr_assert_float_eq(ratio(15, 0), 21.0, 0.01);  /* white on black */
    cr_assert_float_eq(ratio(0, 0), 1.0, 0.001);
    cr_assert_float_eq(ratio(9, 0), 5.25, 0.01);   /* #ff0000 on black */
    cr_assert_float_eq(ratio(196, 0), 5.25, 0.01); /* the same in the cube */
    cr_assert_lt(ratio(10, 6), 1.5); /* green on cyan: the old cursor row */
}

/* Contrast of a curses attribute (its pair); A_DIM fails outright, as a
 * terminal may draw it at any lower intensity. */
static double attr_contrast(int attr)
{
    short fg, bg;
    if (attr & (int)A_DIM)
        return 0.0;
    cr_assert_eq(pair_content((short)PAIR_NUMBER(attr), &fg, &bg), OK);
    return ratio(fg < 0 ? TERM_FG : fg, bg < 0 ? TERM_BG : bg);
}

static const fp_color status_cells[] = {
    FP_C_NOSTATUS, FP_C_GREEN, FP_C_AMBER, FP_C_RED
};

static void assert_theme_contrast(const char *theme)
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *sp = newterm("xterm-256color", out, in);
    cr_assert_not_null(sp);
    fp_ui ui;
    memset(&ui, 0, sizeof ui);
    unsetenv("NO_COLOR");
    fp_theme_init(&ui, theme);
    for (size_t i = 0; i < sizeof status_cells / sizeof status_cells[0];
         i++) {
        fp_color c = status_cells[i];
        for (int sel = 0; sel < 2; sel++) {
            double r = attr_contrast(fp_attr(&ui, c, sel));
            cr_expect_geq(r, AA, "%s: status colour %d%s has contrast "
                          "%.2f:1", theme, c, sel ? " on the cursor row" : "",
                          r);
        }
    }
    double cur = attr_contrast(fp_attr(&ui, FP_C_NORMAL, true));
    cr_expect_geq(cur, AA, "%s: cursor row text %.2f:1", theme, cur);
    endwin();
    delscreen(sp);
    fclose(out);
    fclose(in);
}

Test(contrast, default_theme_status_cells)
{
    assert_theme_contrast("default");
}

Test(contrast, high_contrast_theme_status_cells)
{
    assert_theme_contrast("high-contrast");
}

/* The high-contrast theme is for any projector and terminal: its status
 * cells name their background, so the terminal's cannot spoil them. */
Test(contrast, high_contrast_status_cells_set_their_background)
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *sp = newterm("xterm-256color", out, in);
    cr_assert_not_null(sp);
    fp_ui ui;
    memset(&ui, 0, sizeof ui);
    unsetenv("NO_COLOR");
    fp_theme_init(&ui, "high-contrast");
    for (size_t i = 0; i < 4; i++)
        for (int sel = 0; sel < 2; sel++) {
            short fg, bg;
            int a = fp_attr(&ui, status_cells[i], sel);
            pair_content((short)PAIR_NUMBER(a), &fg, &bg);
            cr_expect(fg >= 0 && bg >= 0, "status colour %d%s uses the "
                      "terminal's colours", status_cells[i],
                      sel ? " (cursor row)" : "");
        }
    endwin();
    delscreen(sp);
    fclose(out);
    fclose(in);
}

/* T: default -> high-contrast -> mono -> default, each applied at once. */
Test(contrast, cycling_applies_each_theme)
{
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *sp = newterm("xterm-256color", out, in);
    cr_assert_not_null(sp);
    fp_ui ui;
    memset(&ui, 0, sizeof ui);
    unsetenv("NO_COLOR");
    fp_theme_init(&ui, NULL);
    cr_assert_eq(ui.theme, FP_THEME_DEFAULT);
    short fg, bg;
    cr_assert_str_eq(fp_theme_cycle(&ui), "high-contrast");
    pair_content((short)PAIR_NUMBER(ui.attr[FP_C_CURSOR]), &fg, &bg);
    cr_assert_eq(bg, COLOR_YELLOW);
    cr_assert_str_eq(fp_theme_cycle(&ui), "mono");
    cr_assert_eq(ui.attr[FP_C_RED] & (int)A_COLOR, 0);
    cr_assert_str_eq(fp_theme_cycle(&ui), "default");
    pair_content((short)PAIR_NUMBER(ui.attr[FP_C_CURSOR]), &fg, &bg);
    cr_assert_eq(bg, COLOR_CYAN);
    cr_assert_neq(ui.attr[FP_C_RED] & (int)A_COLOR, 0);
    endwin();
    delscreen(sp);
    fclose(out);
    fclose(in);
}
